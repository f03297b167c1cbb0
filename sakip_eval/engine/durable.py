"""The only module that talks to durable-rules.

durable-rules has sharp edges (see docs/engine.md): ruleset names are global per host and can be
registered once, a fact no rule matches raises, identical facts raise, exceptions inside actions are
swallowed into the session state, and state lives per `sid` until deleted. This module contains all
of that: each rulebook is compiled once per process under a name that carries its fingerprint, every
ruleset has a catch-all rule, each run gets a fresh `sid` whose state is deleted afterwards, and an
exception left in the state becomes a real error.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from sakip_eval.errors import InputError

try:
    from durable import engine as durable_engine
except ImportError as exc:  # a durable-rules built for Python 3.13 without the define installs, then fails here
    raise InputError("error.engine_missing", detail=str(exc)[:300]) from exc
from sakip_eval.rulebook.book import Rulebook, Ruleset
from sakip_eval.rulebook.conditions import TICK_ALIAS, TICK_KIND, compile_when, parse_when

Fact = dict[str, Any]
MAX_RULES_PER_RULESET = 400
CATCH_ALL = "__catch_all__"
DONE = "__done__"
NEVER_KIND = "__never__"


@dataclass(frozen=True)
class Firing:
    """One match of one rule: the rule id and the ids of the facts it matched, in pattern order."""

    rule_id: str
    facts: tuple[str, ...]


class _Host(durable_engine.Host):  # type: ignore[misc]
    """A private host whose actions record firings per session instead of running user code."""

    def __init__(self) -> None:
        super().__init__()
        self.firings: dict[str, list[Firing]] = {}
        self.done: set[str] = set()

    def _run(self) -> None:
        """durable's Host starts two timer threads that poll every ruleset for queued messages and
        timers. We use neither, and those threads race our synchronous calls (a segfault in
        `action_callback` was reproduced); so they are never started."""

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        if action_name == DONE:

            def finish(closure: Any) -> None:
                self.done.add(str(closure.s.sid))

            return finish

        def record(closure: Any) -> None:
            matched = closure._m if isinstance(closure._m, dict) else {}
            ids = tuple(
                str(fact["id"]) for alias, fact in sorted(matched.items())
                if isinstance(fact, dict) and "id" in fact and alias != TICK_ALIAS
            )
            sid = str(closure.s.sid)
            self.firings.setdefault(sid, []).append(Firing(action_name, ids))

        return record


class Engine:
    """A compiled rulebook, ready to run against many workspaces in this process."""

    _lock = threading.Lock()
    _host: _Host | None = None
    _registered: ClassVar[set[str]] = set()
    _sessions = itertools.count(1)

    def __init__(self, rulebook: Rulebook, ruleset: Ruleset = "rules") -> None:
        """`ruleset` picks the rulebook's verification rules (prediction) or its LKjIP consistency
        checks; both run through the same compiled-condition machinery."""
        self.rulebook = rulebook
        self.rulesets = self._compile(rulebook, ruleset)
        with Engine._lock:
            host = self._get_host()
            fresh = {name: body for name, body in self.rulesets.items() if name not in Engine._registered}
            if fresh:
                # durable deletes "run" keys from what it is given: hand it a copy (JSON, as it takes).
                host.set_rulesets(json.loads(json.dumps(fresh)))
                Engine._registered.update(fresh)

    @classmethod
    def _get_host(cls) -> _Host:
        if cls._host is None:
            cls._host = _Host()
        return cls._host

    @staticmethod
    def _compile(rulebook: Rulebook, ruleset: Ruleset) -> dict[str, dict[str, Any]]:
        base = f"sakip-{ruleset}-{rulebook.regime.id}-{rulebook.regime.version}-{rulebook.fingerprint}"
        rulesets: dict[str, dict[str, Any]] = {}
        chunk: dict[str, Any] = {}
        part = 0
        for rule_id, when in rulebook.conditions(ruleset):
            chunk[rule_id] = {"all": compile_when(parse_when(when)), "run": rule_id}
            if len(chunk) >= MAX_RULES_PER_RULESET:
                rulesets[f"{base}-{part}"] = chunk
                chunk, part = {}, part + 1
        if chunk or not rulesets:
            rulesets[f"{base}-{part}"] = chunk
        for body in rulesets.values():
            # Every fact matches the first pattern, so durable counts it as handled, and the second
            # pattern never arrives, so the rule never fires: no action call (and JSON round trip)
            # per fact, which was half of a run's time.
            body[CATCH_ALL] = {"all": [{"m": {"$ex": {"kind": 1}}}, {"never": {"kind": NEVER_KIND}}], "run": CATCH_ALL}
            # One action per session, always: durable-rules frees an invalid pointer in `delete_state`
            # for a session in which no action ran (reproduced: abort on an empty workspace). It also
            # tells us the tick was processed.
            body[DONE] = {"all": [{TICK_ALIAS: {"kind": TICK_KIND}}], "pri": 1000, "run": DONE}
        return rulesets

    def run(self, facts: list[Fact]) -> list[Firing]:
        """Assert `facts` in one session per ruleset and return every firing, in a stable order."""
        with Engine._lock:
            host = self._get_host()
            sid = f"s{next(Engine._sessions)}"
            stamped = [{**fact, "sid": sid} for fact in facts]
            try:
                for name in self.rulesets:
                    self._run_one(host, name, sid, stamped)
            finally:
                firings = host.firings.pop(sid, [])
        return sorted(set(firings), key=lambda f: (f.rule_id, f.facts))

    @staticmethod
    def _run_one(host: _Host, name: str, sid: str, stamped: list[Fact]) -> None:
        try:
            if stamped:
                host.assert_facts(name, stamped)
            host.assert_fact(name, {"id": TICK_KIND, "kind": TICK_KIND, "sid": sid})
            state = host.get_state(name, sid)
            if state and "exception" in state:
                raise InputError("error.rule", rule=name, detail=str(state["exception"])[:300])
            if sid not in host.done:
                raise InputError("error.rule", rule=name, detail="the evaluation tick was not processed")
        except (durable_engine.MessageNotHandledException, durable_engine.MessageObservedException) as exc:
            raise InputError("error.rule", rule=name, detail=str(exc)[:300]) from exc
        finally:
            if sid in host.done:  # deleting a session in which no action ran aborts the process
                host.done.discard(sid)
                host.delete_state(name, sid)


_ENGINES: dict[str, Engine] = {}


def engine_for(book: Rulebook, ruleset: Ruleset = "rules") -> Engine:
    """One compiled engine per rulebook and ruleset per process (durable-rules registers rulesets once)."""
    key = f"{ruleset}:{book.regime.id}:{book.fingerprint}"
    if key not in _ENGINES:
        _ENGINES[key] = Engine(book, ruleset)
    return _ENGINES[key]
