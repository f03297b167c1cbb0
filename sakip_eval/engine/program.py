"""The inference program the engine runs for a rulebook: every rule as a production in one of five
stages, each concluding a fact that the later stages match (forward chaining).

    check   a check's `when` matches LKjIP facts (each match a finding) -> flagged (the check, its severity)
    weaken  the criteria map lists a flagged check for a criterion     -> weakened (criterion, severity, effect)
    verify  a verification rule (a rule file, an evidence rule from the catalogue, a rule of the map)
                                                                        -> consequence (refute/prove/cap/upgrade/note)
    decide  a consequence overturns a claim                            -> verdict (refuted or proved)
    advise  what could raise the score: lift a blocking rule, meet a criterion, earn an upgrade, close a
            follow-up recommendation, read a note                      -> candidate

Python derives the given facts (:mod:`sakip_eval.engine.facts` and the check families) and does the grade
arithmetic (:mod:`sakip_eval.scoring.grades`); every conclusion in between is a rule's. A production may
read only kinds given or concluded by earlier stages, so each stage sees everything it depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sakip_eval.engine.facts import GIVEN_KINDS, Fact
from sakip_eval.rulebook.book import Rulebook, SourcedRule, subcomponent_of
from sakip_eval.rulebook.conditions import Pattern, admitted, kinds_read, parse_when

Stage = Literal["check", "weaken", "verify", "decide", "advise"]
STAGES: tuple[Stage, ...] = ("check", "weaken", "verify", "decide", "advise")
CONCLUDES: dict[Stage, str] = {
    "check": "flagged", "weaken": "weakened", "verify": "consequence", "decide": "verdict", "advise": "candidate",
}
Conclude = Callable[[Sequence[Fact]], Fact]


@dataclass(frozen=True)
class Production:
    """One rule of the program: when its patterns match, `conclude` turns the matched facts (positive
    patterns, in `when` order) into the concluded fact. `source` is where it is written."""

    id: str
    stage: Stage
    patterns: tuple[Pattern, ...]
    conclude: Conclude
    source: str

    @property
    def reads(self) -> set[str]:
        return kinds_read(self.patterns)

    @property
    def positive(self) -> tuple[Pattern, ...]:
        return tuple(p for p in self.patterns if not p.negated)


class Program:
    """Every production of a rulebook, by stage; `name` carries the rulebook's fingerprint (durable-rules
    registers a ruleset name once per process)."""

    def __init__(self, name: str, productions: Sequence[Production]) -> None:
        self.name = name
        self.productions = tuple(productions)
        self._by_id = {p.id: p for p in self.productions}
        self._reading: dict[tuple[str, Stage], list[Production]] = {}
        if len(self._by_id) != len(self.productions):
            raise ValueError("two productions share an id")

    def production(self, production_id: str) -> Production:
        return self._by_id[production_id]

    def reading(self, kind: str, stage: Stage) -> list[Production]:
        """The productions of `stage` that read facts of `kind`."""
        key = (kind, stage)
        if key not in self._reading:
            self._reading[key] = [p for p in self.productions if p.stage == stage and kind in p.reads]
        return self._reading[key]


def available(stage: Stage) -> set[str]:
    """The fact kinds a production of `stage` may read: those given and those earlier stages conclude."""
    earlier = STAGES[: STAGES.index(stage)]
    return set(GIVEN_KINDS) | {CONCLUDES[s] for s in earlier}


_PROGRAMS: dict[tuple[str, str], Program] = {}


def program_for(book: Rulebook) -> Program:
    """The program of a rulebook, built once per process."""
    key = (str(book.root), book.fingerprint)
    if key not in _PROGRAMS:
        productions = [*_checks(book), *_weakenings(book), *_verifications(book), *_decisions(), *_advice(book)]
        _PROGRAMS[key] = Program(f"sakip-{book.regime.id}-{book.regime.version}-{book.fingerprint}", productions)
    return _PROGRAMS[key]


# -- check: findings ----------------------------------------------------------------------------------------
def _checks(book: Rulebook) -> list[Production]:
    """Each match of a check is a finding; the check concludes once that it flagged the LKjIP (the findings
    are the ways it did), so that the criteria map runs once per check, not once per finding."""
    out = []
    linked = book.check_criteria
    for sourced in book.checks:
        check = sourced.check
        criteria = linked.get(check.id, [])

        def conclude(matched: Sequence[Fact], check_id: str = check.id, severity: str = check.severity,
                     criteria: list[str] = criteria) -> Fact:
            return {"id": f"flagged:{check_id}", "kind": "flagged", "check": check_id, "severity": severity,
                    "criteria": criteria}

        out.append(Production(check.id, "check", tuple(parse_when(check.when)), conclude,
                              f"{sourced.file}:{sourced.line}"))
    return out


# -- weaken: the criteria map ------------------------------------------------------------------------------
def _weakenings(book: Rulebook) -> list[Production]:
    linked = book.criteria_map
    if linked is None:
        return []
    out = []
    for criterion, (file, line) in book.criteria_map_lines.items():
        def conclude(matched: Sequence[Fact], criterion: str = criterion) -> Fact:
            severity = str(matched[0]["severity"])
            return {"id": f"weakened:{criterion}:{severity}", "kind": "weakened", "criterion": criterion,
                    "subcomponent": subcomponent_of(criterion), "severity": severity,
                    "effect": linked.effect(criterion, severity)}

        when = [{"flagged": {"criteria": {"contains": criterion}}}]
        out.append(Production(f"criteria-map:{criterion}", "weaken", tuple(parse_when(when)), conclude,
                              f"{file}:{line}"))
    return out


# -- verify: consequences ----------------------------------------------------------------------------------
def _verifications(book: Rulebook) -> list[Production]:
    out = [Production(s.rule.id, "verify", tuple(parse_when(s.rule.when)), _consequence(book, s),
                      f"{s.file}:{s.line}") for s in book.rules]
    for sourced in book.rules:
        if "recommendation" in kinds_read(parse_when(sourced.rule.when)):
            out.append(Production(f"scenario:{sourced.rule.id}", "verify",
                                  tuple(parse_when(_in_scenario(sourced.rule.when))), _scenario_consequence(sourced),
                                  f"{sourced.file}:{sourced.line}"))
    return out


def _in_scenario(when: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A rule that reads recommendations, as it reads them in each closing scenario: a `scenario` fact first,
    then the rule's items with their recommendations the scenario's (`same_as` positions moved by one)."""
    items: list[dict[str, Any]] = [{"scenario": {}}]
    for item in when:
        negated = set(item) == {"not"}
        (kind, tests), = (item["not"] if negated else item).items()
        moved = {f: {"same_as": v["same_as"] + 1} if isinstance(v, dict) and "same_as" in v else v
                 for f, v in tests.items()}
        if kind == "recommendation":
            kind, moved = "scenario_recommendation", {**moved, "scenario": {"same_as": 0}}
        items.append({"not": {kind: moved}} if negated else {kind: moved})
    return items


def _scenario_consequence(sourced: SourcedRule) -> Conclude:
    rule = sourced.rule

    def conclude(matched: Sequence[Fact]) -> Fact:
        scenario = str(matched[0]["scenario"])
        target = rule.target or implicit_target(rule.effect, matched[1:])
        fact: Fact = {"id": f"scenario_consequence:{scenario}:{rule.id}:{target or '-'}",
                      "kind": "scenario_consequence", "scenario": scenario, "rule": rule.id, "effect": rule.effect}
        if target is not None:
            fact["target"] = target
        if rule.grade is not None:
            fact["grade"] = rule.grade
        return fact

    return conclude


def _consequence(book: Rulebook, sourced: SourcedRule) -> Conclude:
    rule = sourced.rule

    def conclude(matched: Sequence[Fact]) -> Fact:
        target = rule.target or implicit_target(rule.effect, matched)
        fact: Fact = {"id": f"consequence:{rule.id}:{target or '-'}", "kind": "consequence", "rule": rule.id,
                      "effect": rule.effect}
        if target is not None:
            fact["target"] = target
            if rule.effect in ("refute", "prove") and target in book.criteria:
                fact["criterion"] = target
            fact["subcomponent"] = subcomponent_of(target) if target in book.criteria else target
        if rule.grade is not None:
            fact["grade"] = rule.grade
            fact["rank"] = book.grade_rank(rule.grade)
        return fact

    return conclude


def implicit_target(effect: str, matched: Sequence[Fact]) -> str | None:
    """A rule without `target` reaches the criterion or sub-component of the first fact it matched that
    names one."""
    for fact in matched:
        if effect in ("refute", "prove") and "criterion" in fact:
            return str(fact["criterion"])
        if effect in ("cap", "upgrade"):
            if "subcomponent" in fact:
                return str(fact["subcomponent"])
            if "criterion" in fact:
                return subcomponent_of(str(fact["criterion"]))
    return None


# -- decide: verdicts --------------------------------------------------------------------------------------
def _verdict(status: str) -> Conclude:
    def conclude(matched: Sequence[Fact]) -> Fact:
        criterion = str(matched[0]["criterion"])
        return {"id": f"verdict:{criterion}", "kind": "verdict", "criterion": criterion, "status": status}

    return conclude


def _decisions() -> list[Production]:
    """A refutation overturns any applicable claim; a proof overturns an unmet claim that nothing refutes."""
    refuted: list[dict[str, Any]] = [{"claim": {"met": {"ne": "na"}}},
               {"consequence": {"effect": "refute", "criterion": {"same_as": 0}}}]
    proved: list[dict[str, Any]] = [{"claim": {"met": "false"}},
              {"consequence": {"effect": "prove", "criterion": {"same_as": 0}}},
              {"not": {"consequence": {"effect": "refute", "criterion": {"same_as": 0}}}}]
    return [
        Production("verdict-refuted", "decide", tuple(parse_when(refuted)), _verdict("refuted"), "engine"),
        Production("verdict-proved", "decide", tuple(parse_when(proved)), _verdict("proved"), "engine"),
    ]


# -- advise: candidates ------------------------------------------------------------------------------------
def _candidate(kind: str, ref_field: str, **extra: str) -> Conclude:
    def conclude(matched: Sequence[Fact]) -> Fact:
        ref = str(matched[0][ref_field])
        return {"id": f"candidate:{kind}:{ref}", "kind": "candidate", "type": kind, "ref": ref, **extra}

    return conclude


def _advice(book: Rulebook) -> list[Production]:
    plain: list[tuple[str, list[dict[str, Any]], Conclude]] = [
        ("advise-lift", [{"consequence": {"effect": {"in": ["refute", "cap"]}}}], _candidate("rule", "rule")),
        ("advise-criterion", [{"claim": {"met": "false"}}, {"not": {"verdict": {"criterion": {"same_as": 0}}}}],
         _candidate("criterion", "criterion")),
        ("advise-followup", [{"recommendation": {"closed": False}}], _candidate("followup", "ref")),
        ("advise-note", [{"consequence": {"effect": "note"}}], _candidate("note", "rule")),
    ]
    out = [Production(pid, "advise", tuple(parse_when(when)), conclude, "engine") for pid, when, conclude in plain]
    for sourced in book.rules:
        rule = sourced.rule
        if rule.effect != "upgrade" or rule.grade is None or rule.recommendation is None:
            continue
        out.append(Production(f"advise-upgrade:{rule.id}", "advise", tuple(parse_when(_upgrade_scope(book, sourced))),
                              _upgrade(rule.id), f"{sourced.file}:{sourced.line}"))
    return out


def _upgrade_scope(book: Rulebook, sourced: SourcedRule) -> list[dict[str, Any]]:
    """The sub-components an upgrade rule can reach (its target, or the sub-component ids and types its
    `subcomponent` patterns admit) that no upgrade to its grade or better has reached yet."""
    rule = sourced.rule
    assert rule.grade is not None
    tests: dict[str, Any] = {}
    if rule.target:
        tests["subcomponent"] = rule.target
    else:
        patterns = parse_when(rule.when)
        for field in ("subcomponent", "type"):
            values = admitted(patterns, "subcomponent", field)
            if values is not None:
                tests[field] = {"in": values}
    return [{"subcomponent": tests},
            {"not": {"consequence": {"effect": "upgrade", "subcomponent": {"same_as": 0},
                                     "rank": {"gte": book.grade_rank(rule.grade)}}}}]


def _upgrade(rule_id: str) -> Conclude:
    def conclude(matched: Sequence[Fact]) -> Fact:
        sub = str(matched[0]["subcomponent"])
        ref = f"{rule_id}@{sub}"
        return {"id": f"candidate:upgrade:{ref}", "kind": "candidate", "type": "upgrade", "ref": ref,
                "rule": rule_id, "subcomponent": sub}

    return conclude


def misread(program: Program) -> list[tuple[Production, str]]:
    """Productions that read a kind their stage cannot see (for `rules lint`). Checks read the LKjIP facts
    of the check families, which lint checks by name."""
    return [(p, kind) for p in program.productions if p.stage != "check"
            for kind in sorted(p.reads - available(p.stage))]
