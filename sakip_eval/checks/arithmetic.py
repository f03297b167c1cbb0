"""The arithmetic LKjIP tables do and the checks redo, exactly, with decimals.

- `gap_units`: distance between a stated value and the expected value rounded *or* truncated to the
  stated number of decimals, in units of the stated last decimal (102% for 102,76% is 0; 98% for
  97,06% is 1). The families that check a computed value (capaian, percentages, efficiency, changes)
  give it; the check files put the tolerance on it.
- `abs_diff`: plain distance, for values that must be identical (the same target in two tables, a
  total and the sum of its parts).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import TypedDict

from sakip_eval.numbers import places

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def canonical(value: Decimal) -> str:
    """A number as a fact carries it: a plain decimal string (messages format it per language)."""
    return format(value, "f")


def two_places(value: Decimal) -> str:
    """A computed value (a ratio) as messages show it: two decimals."""
    return canonical(value.quantize(CENT, ROUND_HALF_UP))


def gap_units(stated: Decimal, expected: Decimal) -> Decimal:
    """How many units of the stated last decimal separate `stated` from `expected` rounded half-up or
    truncated to the stated precision (the two conventions LKjIP tables use)."""
    unit = Decimal(1).scaleb(-places(stated))
    rounded = expected.quantize(unit, ROUND_HALF_UP)
    truncated = expected.quantize(unit, ROUND_DOWN)
    return min(abs(stated - rounded), abs(stated - truncated)) / unit


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator / denominator x 100, or None when the denominator is zero."""
    return None if denominator == 0 else numerator / denominator * HUNDRED


def achievement(target: Decimal, realisasi: Decimal, direction: str) -> Decimal | None:
    """Capaian: realisasi / target x 100, the inverse for lower-is-better indicators."""
    return ratio(realisasi, target) if direction == "higher" else ratio(target, realisasi)


class Comparison(TypedDict):
    """The fields every check fact comparing two numbers carries: both as canonical decimal strings (shown in
    messages exactly as written) and the difference as the floats the engine's conditions compare."""

    stated: str
    expected: str
    abs_diff: float
    gap_units: float


def compare(stated: Decimal, expected: Decimal, computed: bool = False) -> Comparison:
    """The comparison fields of a fact; a `computed` expected value (a ratio) is shown with two decimals."""
    return {
        "stated": canonical(stated), "expected": two_places(expected) if computed else canonical(expected),
        "abs_diff": float(abs(stated - expected)), "gap_units": float(gap_units(stated, expected)),
    }
