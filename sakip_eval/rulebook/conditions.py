"""The condition language of rule files, and its translation into durable-rules JSON.

A rule's `when` is a list; every item must hold. An item names a fact kind and field tests:

    - evidence: {type: kak, formalized: false}          # a fact of kind `evidence` with these fields
    - not: {support: {criterion: 3.a.4, type: reviu_lkjip}}   # no such fact exists
    - claim: {criterion: 1.b.1, met: "true", evidence_count: {gte: 1}}

A field test is a value (equality) or one operator: ne, gt, gte, lt, lte, in (a list), contains
(the field is a list holding the value), same_as (equal to the same field of the item at that
position, e.g. `criterion: {same_as: 0}`). This is deliberately small: users read and write it, and
`rules lint` can check every part of it against FACT_SCHEMA.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TICK_KIND = "evaluate"
TICK_ALIAS = "tick"
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


@dataclass(frozen=True)
class Pattern:
    kind: str
    tests: tuple[FieldTest, ...]
    negated: bool
    index: int


def parse_when(when: list[dict[str, Any]]) -> list[Pattern]:
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


def compile_when(patterns: list[Pattern]) -> list[dict[str, Any]]:
    """durable-rules `all` list: the evaluation tick first, then positive patterns, then negations.

    durable-rules checks a `$not` only against facts present when the terms before it complete,
    and in the order of the list. The engine asserts every fact first and the tick last, in a
    separate call, so that each negation is judged against the whole workspace (see docs/engine.md).
    """
    terms: list[dict[str, Any]] = [{TICK_ALIAS: {"kind": TICK_KIND}}]
    for pattern in sorted(patterns, key=lambda p: (p.negated, p.index)):
        expression = {"$and": [{"kind": pattern.kind}, *(_compile_test(t) for t in pattern.tests)]}
        alias = f"f{pattern.index}" + ("$not" if pattern.negated else "")
        terms.append({alias: expression})
    return terms
