"""The only module that talks to durable-rules: it runs a :class:`~sakip_eval.engine.program.Program`.

Every production becomes one durable-rules rule whose action concludes a fact and asserts it into the
same session (`closure.assert_fact`), where the productions of later stages match it: forward chaining
inside durable-rules. The stages run one after another: all given facts are asserted first, then one
tick per stage; a production's first pattern is its stage's tick, so it fires only once everything the
earlier stages conclude is in the session, and its negations are judged against all of it.

durable-rules has sharp edges (docs/engine.md), all contained here:
- ruleset names are global per host and registered once: one private host per process, one ruleset
  per program, named with the rulebook's fingerprint;
- a fact no rule matches raises: a catch-all rule matches every fact and never fires;
- identical facts raise: every fact has a unique `id`; a conclusion reached twice is asserted once
  (the engine keeps every way it was reached, for reasons and `explain`);
- exceptions inside actions are swallowed into the state: the state is checked after every tick;
- state lives per `sid` until deleted: a fresh `sid` per run, deleted afterwards;
- deleting a session in which no action ran aborts the process: a rule on each tick always runs;
- the host's timer threads race synchronous calls: they are never started.

Each rule fires once per stage with every match at once (`cap`), not once per match: an action call
costs far more than a match, and one firing per conclusion made the checks pass half of a run's time.
Only the fields rules test are asserted; the full facts stay here, by id.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sakip_eval.engine.facts import Fact
from sakip_eval.engine.program import STAGES, Production, Program, Stage
from sakip_eval.errors import InputError
from sakip_eval.rulebook.conditions import compile_when

try:
    from durable import engine as durable_engine
except ImportError as exc:  # a durable-rules built for Python 3.13 without the define installs, then fails here
    raise InputError("error.engine_missing", detail=str(exc)[:300]) from exc

TICK_KIND = "evaluate"
TICK_ALIAS = "tick"
CATCH_ALL = "__catch_all__"
DONE = "__done__"
NEVER_KIND = "__never__"
BATCH = 10_000  # matches handed to one action call (durable-rules' `cap`); far more than a workspace has
MAX_RULES = 450  # durable-rules fails past about 480 rules in one ruleset


@dataclass(frozen=True)
class Derivation:
    """One way a fact was concluded: the production and the ids of the facts its positive patterns
    matched, in `when` order."""

    production: str
    facts: tuple[str, ...]


@dataclass
class Inference:
    """What a run knows: every fact (given and concluded) by id, and how each conclusion was reached."""

    facts: dict[str, Fact]
    derivations: dict[str, list[Derivation]]

    def concluded(self, kind: str) -> list[Fact]:
        """The concluded facts of `kind`, by id."""
        return sorted((self.facts[i] for i in self.derivations if self.facts[i]["kind"] == kind),
                      key=lambda f: str(f["id"]))

    def how(self, fact_id: str) -> list[Derivation]:
        return self.derivations.get(fact_id, [])

    def behind(self, fact_id: str) -> set[str]:
        """Every fact a concluded fact rests on, through every derivation, conclusions included (nothing
        for a given fact)."""
        found: set[str] = set()
        for derivation in self.derivations.get(fact_id, []):
            for matched in derivation.facts:
                found |= {matched, *self.behind(matched)}
        return found


@dataclass
class _Session:
    """What one run knows while it runs: every fact by id, how each conclusion was reached, which stages'
    ticks were processed."""

    facts: dict[str, Fact]
    derivations: dict[str, list[Derivation]] = field(default_factory=dict)
    ticks: set[str] = field(default_factory=set)

    def conclude(self, production: Production, frames: Iterable[Any], assert_fact: Callable[[Fact], Any]) -> None:
        aliases = [p.alias for p in production.positive]
        for frame in frames:
            matched = dict(frame.items())  # the frame's facts by alias, as plain dicts
            ids = tuple(str(matched[alias]["id"]) for alias in aliases)
            fact = production.conclude([self.facts[i] for i in ids])
            fact_id = str(fact["id"])
            if fact_id not in self.facts:
                self.facts[fact_id] = fact
                assert_fact(dict(fact))
            self.derivations.setdefault(fact_id, []).append(Derivation(production.id, ids))


class _Host(durable_engine.Host):  # type: ignore[misc]
    """A private host whose actions conclude facts for the session they run in."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: dict[str, _Session] = {}
        self.programs: dict[str, Program] = {}

    def _run(self) -> None:
        """durable's Host starts two timer threads that poll every ruleset for queued messages and
        timers. We use neither, and those threads race our synchronous calls (a segfault in
        `action_callback` was reproduced); so they are never started."""

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        if action_name == CATCH_ALL:
            def never(closure: Any) -> None:
                """The catch-all rule's second pattern never arrives."""

            return never
        if action_name == DONE:
            def done(closure: Any) -> None:
                for frame in closure.m:
                    self.sessions[str(closure.s.sid)].ticks.add(str(frame[TICK_ALIAS]["stage"]))

            return done
        program_name, _, production_id = action_name.partition("/")
        production = self.programs[program_name].production(production_id)

        def act(closure: Any) -> None:
            session = self.sessions[str(closure.s.sid)]
            session.conclude(production, closure.m, closure.assert_fact)

        return act


def tick_fact(stage: Stage, sid: str) -> Fact:
    """The fact that starts `stage` in session `sid`."""
    return {"id": f"{TICK_KIND}:{stage}", "kind": TICK_KIND, "stage": stage, "sid": sid}


def _tick(stage: Stage) -> tuple[str, dict[str, Any]]:
    """A production's first pattern: its stage's tick. One expression per stage: durable-rules walks every
    alpha branch a fact matches on a fixed stack of 64, so one branch per production would overflow it."""
    return TICK_ALIAS, {"$and": [{"kind": TICK_KIND}, {"stage": stage}]}


def compile_program(program: Program) -> dict[str, Any]:
    """The durable-rules ruleset of a program (action names are `<program>/<production>`)."""
    if len(program.productions) > MAX_RULES:
        raise InputError("error.rule", rule=program.name,
                         detail=f"{len(program.productions)} rules; durable-rules takes at most {MAX_RULES}")
    body: dict[str, Any] = {
        production.id: {"all": compile_when(production.patterns, _tick(production.stage)),
                        "cap": BATCH, "run": f"{program.name}/{production.id}"}
        for production in program.productions
    }
    # Every fact matches the first pattern, so durable counts it as handled, and the second pattern never
    # arrives, so the rule never fires.
    body[CATCH_ALL] = {"all": [{"m": {"$ex": {"kind": 1}}}, {"never": {"kind": NEVER_KIND}}], "run": CATCH_ALL}
    body[DONE] = {"all": [{TICK_ALIAS: {"kind": TICK_KIND}}], "pri": 1000, "cap": BATCH, "run": DONE}
    return body


class Engine:
    """A compiled program, ready to run against many workspaces in this process."""

    _lock = threading.Lock()
    _host: _Host | None = None
    _registered: ClassVar[set[str]] = set()
    _sessions = itertools.count(1)

    def __init__(self, program: Program) -> None:
        self.program = program
        with Engine._lock:
            host = self._get_host()
            if program.name not in Engine._registered:
                host.programs[program.name] = program
                # durable deletes "run" keys from what it is given: hand it a copy (JSON, as it takes).
                host.set_rulesets(json.loads(json.dumps({program.name: compile_program(program)})))
                Engine._registered.add(program.name)

    @classmethod
    def _get_host(cls) -> _Host:
        if cls._host is None:
            cls._host = _Host()
        return cls._host

    def run(self, given: Sequence[Fact], asserted: Sequence[Fact] | None = None,
            stages: Sequence[Stage] = STAGES) -> Inference:
        """Run `stages` over the `given` facts. `asserted` are the same facts as the rules see them (only
        the fields they test; default: the given facts)."""
        with Engine._lock:
            host = self._get_host()
            sid = f"s{next(Engine._sessions)}"
            session = _Session({str(f["id"]): f for f in given})
            host.sessions[sid] = session
            try:
                self._run(host, sid, asserted if asserted is not None else given, stages)
            finally:
                del host.sessions[sid]
        return Inference(session.facts, session.derivations)

    def _run(self, host: _Host, sid: str, facts: Sequence[Fact], stages: Sequence[Stage]) -> None:
        name = self.program.name
        session = host.sessions[sid]
        try:
            if facts:
                host.assert_facts(name, [{**fact, "sid": sid} for fact in facts])
            for stage in stages:
                host.assert_fact(name, tick_fact(stage, sid))
                state = host.get_state(name, sid)
                if state and "exception" in state:
                    raise InputError("error.rule", rule=name, detail=str(state["exception"])[:300])
                if stage not in session.ticks:
                    raise InputError("error.rule", rule=name, detail=f"the {stage} tick was not processed")
        except (durable_engine.MessageNotHandledException, durable_engine.MessageObservedException) as exc:
            raise InputError("error.rule", rule=name, detail=str(exc)[:300]) from exc
        finally:
            if session.ticks:  # deleting a session in which no action ran aborts the process
                host.delete_state(name, sid)


_ENGINES: dict[str, Engine] = {}


def engine_for(program: Program) -> Engine:
    """One compiled engine per program per process (durable-rules registers rulesets once)."""
    if program.name not in _ENGINES:
        _ENGINES[program.name] = Engine(program)
    return _ENGINES[program.name]
