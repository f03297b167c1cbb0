"""The condition language of rule and check files: the one place that knows what a `when` means.

A rule's `when` is a list; every item must hold. An item names a fact kind and field tests:

    - evidence: {type: kak, formalized: false}          # a fact of kind `evidence` with these fields
    - not: {support: {criterion: 3.a.4, type: reviu_lkjip}}   # no such fact exists
    - claim: {criterion: 1.b.1, met: "true", evidence_count: {gte: 1}}

A field test is a value (equality) or one operator: ne, gt, gte, lt, lte, in (a list), contains
(the field is a list holding the value), same_as (equal to the same field of the item at that
position, e.g. `criterion: {same_as: 0}`). This is deliberately small: users read and write it, and
`rules lint` can check every part of it against the fact schemas.

Nothing else reads a `when`: the engine compiles it here into durable-rules terms, lint walks the
parsed patterns, and what other modules need to know about a condition (which fact kinds it reads,
which values a field may take) they ask here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

OPERATORS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}
ALL_OPERATORS = (*OPERATORS, "in", "contains", "same_as")


class ConditionError(ValueError):
    """A `when` item that is not in the language; `index` is its position in the list."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True)
class FieldTest:
    field: str
    op: str  # "eq" or one of ALL_OPERATORS
    value: Any

    def admits(self) -> list[Any] | None:
        """The values this test lets through when it names them (`x`, `{in: [x, y]}`); None otherwise."""
        if self.op == "eq":
            return [self.value]
        if self.op == "in":
            return list(self.value)
        return None


@dataclass(frozen=True)
class Pattern:
    kind: str
    tests: tuple[FieldTest, ...]
    negated: bool
    index: int

    @property
    def alias(self) -> str:
        """The name the matched fact goes by in a durable-rules frame (negations match no fact)."""
        return f"f{self.index}"

    def test(self, field: str) -> FieldTest | None:
        return next((t for t in self.tests if t.field == field), None)


def parse_when(when: Sequence[dict[str, Any]]) -> list[Pattern]:
    patterns = []
    for index, item in enumerate(when):
        negated = False
        body = item
        if set(item) == {"not"}:
            negated, body = True, item["not"]
        if not isinstance(body, dict) or len(body) != 1:
            raise ConditionError(index, "each item names exactly one fact kind, optionally under `not`")
        kind, tests = next(iter(body.items()))
        if not isinstance(tests, dict):
            raise ConditionError(index, f"the tests of `{kind}` must be a mapping of field: value")
        patterns.append(Pattern(str(kind), tuple(_parse_test(index, f, v) for f, v in tests.items()), negated, index))
    return patterns


def _parse_test(index: int, field: str, value: Any) -> FieldTest:
    if isinstance(value, dict):
        if len(value) != 1:
            raise ConditionError(index, f"field `{field}` takes one operator, got {sorted(value)}")
        op, operand = next(iter(value.items()))
        if op not in ALL_OPERATORS:
            raise ConditionError(index, f"unknown operator `{op}` on `{field}` (known: {', '.join(ALL_OPERATORS)})")
        if op == "same_as" and (not isinstance(operand, int) or not 0 <= operand < index):
            raise ConditionError(index, f"`same_as` on `{field}` needs the position of an earlier item")
        if op == "in" and (not isinstance(operand, list) or not operand):
            raise ConditionError(index, f"`in` on `{field}` needs a non-empty list")
        return FieldTest(str(field), str(op), operand)
    return FieldTest(str(field), "eq", value)


def kinds_read(patterns: Sequence[Pattern]) -> set[str]:
    """Every fact kind a condition reads, negated or not."""
    return {p.kind for p in patterns}


def admitted(patterns: Sequence[Pattern], kind: str, field: str) -> list[Any] | None:
    """The values of `field` that the condition's positive `kind` patterns let through, when they name
    them (for example the sub-component types an upgrade rule can reach); None when unrestricted."""
    allowed: list[Any] | None = None
    for pattern in patterns:
        test = pattern.test(field) if pattern.kind == kind and not pattern.negated else None
        values = test.admits() if test else None
        if values is not None:
            allowed = values if allowed is None else [v for v in allowed if v in values]
    return allowed


# -- durable-rules terms ------------------------------------------------------------------------------------
def _compile_test(test: FieldTest) -> dict[str, Any]:
    if test.op == "eq":
        return {test.field: test.value}
    if test.op == "in":
        return {"$or": [{test.field: v} for v in test.value]}
    if test.op == "same_as":
        return {test.field: {f"f{test.value}": test.field}}
    if test.op == "contains":
        return {"$iany": {test.field: {"$i": test.value}}}
    return {OPERATORS[test.op]: {test.field: test.value}}


def compile_when(patterns: Sequence[Pattern], tick: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """durable-rules `all` list: the evaluation tick first, then positive patterns, then negations.

    durable-rules checks a `$not` only against facts present when the terms before it complete, and in
    the order of the list. The engine asserts every fact of a stage first and the stage's tick last, in
    a separate call, so that each negation is judged against everything the stages before derived (see
    docs/engine.md). `tick` is the tick's alias and expression."""
    alias, expression = tick
    terms: list[dict[str, Any]] = [{alias: expression}]
    for pattern in sorted(patterns, key=lambda p: (p.negated, p.index)):
        body = {"$and": [{"kind": pattern.kind}, *(_compile_test(t) for t in pattern.tests)]}
        terms.append({pattern.alias + ("$not" if pattern.negated else ""): body})
    return terms
