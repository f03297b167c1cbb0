"""`rules lint`: find rule-file mistakes before they silently change a score.

Reports, each with file:line: unknown criterion or sub-component ids, unknown evidence types or
attributes, unknown fact kinds or fields, tests that can never hold (a value of the wrong type, two
different values for one field, a grade that does not exist), rules that read what the engine concludes
only after them, checks of an unknown family or with settings it does not take, checks the criteria map
does not link (their findings change no score), and criteria that no rule can prove or refute. Grade
bands and categories must cover 0..1 and 0..100 without gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sakip_eval.checks.family import all_kinds, family, family_of, settings
from sakip_eval.engine.facts import ATTRIBUTE_KINDS, FACT_SCHEMA
from sakip_eval.engine.program import available
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang
from sakip_eval.rulebook.book import Rulebook, SourcedCheck, SourcedRule, subcomponent_of
from sakip_eval.rulebook.conditions import ConditionError, FieldTest, Pattern, admitted, parse_when

Severity = str


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    severity: Severity  # "error", "warning" or "info"
    code: str
    message: str


def lint(book: Rulebook) -> list[Problem]:
    problems: list[Problem] = []
    attributes = {a for t in book.evidence_types.values() for a in t.attributes}
    for sourced in book.rules:
        problems.extend(_lint_rule(book, sourced, attributes))
    for check in book.checks:
        problems.extend(_lint_check(book, check, attributes))
    problems.extend(_families(book))
    problems.extend(_unlinked(book))
    problems.extend(_coverage(book))
    problems.extend(_scales(book))
    return sorted(problems, key=lambda p: (p.file, p.line, p.code, p.message))


def _lint_rule(book: Rulebook, sourced: SourcedRule, attributes: set[str]) -> list[Problem]:
    rule = sourced.rule
    out: list[Problem] = []

    def add(code: str, message: str, severity: str = "error") -> None:
        out.append(Problem(sourced.file, sourced.line, severity, code, f"{rule.id}: {message}"))

    subs = set(book.subcomponent_ids())
    grades = {g.code for g in book.regime.grades}
    if rule.effect in ("refute", "prove") and rule.target is not None and rule.target not in book.criteria:
        add("unknown-criterion", f"target {rule.target} is not a criterion")
    if rule.effect in ("cap", "upgrade"):
        if rule.target is not None and rule.target not in subs:
            add("unknown-subcomponent", f"target {rule.target} is not a sub-component")
        if rule.grade not in grades:
            add("unknown-grade", f"grade {rule.grade} is not on the scale")
    try:
        patterns = parse_when(rule.when)
    except ConditionError as exc:
        add("bad-condition", f"when[{exc.index}]: {exc}")
        return out
    if (
        rule.target is None
        and rule.effect in ("refute", "prove", "cap", "upgrade")
        and not any(p.kind in ("claim", "support", "subcomponent") and not p.negated for p in patterns)
    ):
        add("no-target", "no target and no claim/support/subcomponent fact to take it from")
    visible = available("verify")
    for pattern in patterns:
        if pattern.kind in FACT_SCHEMA and pattern.kind not in visible:
            add("too-early", f"when[{pattern.index}] reads `{pattern.kind}`, which the engine concludes after "
                             "the verification rules run")
            continue
        for problem in _lint_pattern(book, pattern, attributes, subs):
            add("never-fires", f"when[{pattern.index}] {problem}")
    return out


def _lint_check(book: Rulebook, sourced: SourcedCheck, attributes: set[str]) -> list[Problem]:
    """A check matches the facts of its family (sakip_eval/checks/families/<kind>.py): its first item names
    the fact that becomes the finding, its `when` tests only the fields the family lets checks test, and its
    message uses only fields the fact has."""
    check = sourced.check
    out: list[Problem] = []

    def add(code: str, message: str) -> None:
        out.append(Problem(sourced.file, sourced.line, "error", code, f"{check.id}: {message}"))

    try:
        patterns = parse_when(check.when)
    except ConditionError as exc:
        add("bad-condition", f"when[{exc.index}]: {exc}")
        return out
    subs = set(book.subcomponent_ids())
    schemas = {kind: fam.fields for kind in all_kinds() if (fam := family(kind)) is not None}
    for pattern in patterns:
        for problem in _lint_pattern(book, pattern, attributes, subs, schemas):
            add("never-fires", f"when[{pattern.index}] {problem}")
    first = patterns[0]
    if first.negated:
        add("no-finding", "the first item must name the fact that becomes the finding, not a `not`")
    fam = family(first.kind)
    fields = fam.schema if fam else {}
    test = first.test(fam.difference) if fam and fam.difference else None
    if test is not None and _admits_zero(test):
        add("admits-agreement", f"when[0] lets `{test.field}` be 0, but `{first.kind}` facts are differences only "
                                f"({test.field} > 0): test it with gt/gte above 0")
    for text in (check.message.id, check.message.en):
        for name in re.findall(r"\{([a-z_]+)\}", text):
            if fields and name not in fields:
                add("unknown-placeholder", f"message uses {{{name}}}, which `{first.kind}` facts do not have")
    return out


def _admits_zero(test: FieldTest) -> bool:
    """Whether a test on a difference field lets 0 through (gt 0 and above, gte, eq or in values above 0
    do not; other tests may)."""
    values = test.value if test.op == "in" else [test.value]
    if not all(isinstance(v, int | float | Decimal) for v in values):
        return False  # the wrong type, which lint reports on its own
    if test.op == "gt":
        return bool(test.value < 0)
    if test.op == "gte":
        return bool(test.value <= 0)
    if test.op in ("eq", "in"):
        return 0 in values
    return True


def _families(book: Rulebook) -> list[Problem]:
    """The `derive` settings of each family's checks: the same in every check, and ones the family takes."""
    problems = []
    for kind in dict.fromkeys(family_of(s) for s in book.checks):
        fam = family(kind)
        if fam is None:
            continue
        try:
            settings(book, kind, fam)
        except InputError as exc:
            problems.append(Problem(exc.file or "", exc.line or 1, "error", "bad-derive",
                                    str(exc.params.get("detail", exc.render(Lang.EN)))))
    return problems


def _unlinked(book: Rulebook) -> list[Problem]:
    """A check the criteria map does not link weakens no criterion: its findings never change a score."""
    linked = book.check_criteria
    return [Problem(s.file, s.line, "warning", "unlinked-check",
                    f"{s.check.id}: no criterion in criteria-map.yaml lists it; its findings change no score")
            for s in book.checks if not linked.get(s.check.id)]


def _lint_pattern(
    book: Rulebook, pattern: Pattern, attributes: set[str], subs: set[str],
    schemas: dict[str, dict[str, str]] = FACT_SCHEMA,
) -> list[str]:
    schema = schemas.get(pattern.kind)
    if schema is None:
        return [f"unknown fact kind `{pattern.kind}` (known: {', '.join(schemas)})"]
    problems = []
    equals: dict[str, object] = {}
    for test in pattern.tests:
        ftype = schema.get(test.field)
        if ftype is None and test.field.startswith("attr_") and pattern.kind in ATTRIBUTE_KINDS:
            if test.field[5:] not in attributes:
                problems.append(f"unknown evidence attribute `{test.field[5:]}`")
            ftype = "bool"
        if ftype is None:
            problems.append(f"`{pattern.kind}` facts have no field `{test.field}`")
            continue
        for value in _values(test):
            if not _fits(ftype, value):
                problems.append(f"`{test.field}` is {ftype}, cannot equal {value!r}")
            problems.extend(_vocabulary(book, pattern.kind, test.field, value, subs))
        if test.op == "eq":
            if test.field in equals and equals[test.field] != test.value:
                problems.append(f"`{test.field}` cannot equal two values")
            equals[test.field] = test.value
    return problems


def _values(test: FieldTest) -> list[object]:
    if test.op == "in":
        return list(test.value)
    if test.op in ("same_as", "contains"):
        return []
    return [test.value]


def _fits(ftype: str, value: object) -> bool:
    if ftype == "bool":
        return isinstance(value, bool)
    if ftype in ("int", "number"):
        return isinstance(value, int | float | Decimal) and not isinstance(value, bool)
    if ftype == "str":
        return isinstance(value, str)
    return True


def _vocabulary(book: Rulebook, kind: str, field: str, value: object, subs: set[str]) -> list[str]:
    if field == "type" and kind in ("evidence", "support") and value not in book.evidence_types:
        return [f"unknown evidence type `{value}`"]
    if field == "criterion" and value not in book.criteria:
        return [f"unknown criterion `{value}`"]
    if field == "subcomponent" and value not in subs:
        return [f"unknown sub-component `{value}`"]
    if kind == "claim" and field == "met" and value not in ("true", "false", "na"):
        return [f"`met` is one of true/false/na (quoted), not {value!r}"]
    return []


def _coverage(book: Rulebook) -> list[Problem]:
    """Criteria that no written rule can prove or refute. Every criterion has its generated evidence
    rule, so this is information, not an error: the prediction for these rests on the claim and on the
    type of the evidence cited."""
    reached: set[str] = set()
    for sourced in book.rules:
        rule = sourced.rule
        if sourced.origin == "catalogue" or rule.effect not in ("refute", "prove"):
            continue
        if rule.target:
            reached.add(rule.target)
            continue
        patterns = parse_when(rule.when)
        for kind in ("claim", "support"):
            reached.update(str(c) for c in admitted(patterns, kind, "criterion") or [])
            subs = admitted(patterns, kind, "subcomponent") or []
            reached.update(c for c in book.criteria if subcomponent_of(c) in subs)
    generated = {s.rule.target for s in book.rules if s.origin == "catalogue"}
    return [
        Problem(book.criteria_lines[c][0], book.criteria_lines[c][1],
                "info" if c in generated else "warning",
                "evidence-check-only" if c in generated else "unreachable-criterion",
                f"{c}: no written rule proves or refutes it" + (" (only the evidence check)" if c in generated else ""))
        for c in book.criteria if c not in reached
    ]


def _scales(book: Rulebook) -> list[Problem]:
    problems = []
    where = (f"rules/{book.regime.id}/regime.yaml", 1)
    grades = {g.code for g in book.regime.grades}
    for band in book.regime.bands:
        if band.grade not in grades:
            problems.append(Problem(*where, "error", "unknown-grade", f"band grade {band.grade} is not on the scale"))
    for step in range(0, 101):
        share = Decimal(step) / 100
        if sum(1 for b in book.regime.bands if b.holds(share)) != 1:
            problems.append(Problem(*where, "error", "band-gap", f"share {share} is in no band or in two"))
            break
    for cents in range(0, 10001, 1):
        total = Decimal(cents) / 100
        if sum(1 for c in book.regime.categories if c.holds(total)) != 1:
            problems.append(Problem(*where, "error", "category-gap", f"total {total} is in no category or in two"))
            break
    return problems
