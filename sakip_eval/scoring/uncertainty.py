"""An honest range: the interval around the predicted total and the probability of each category.

Both come from the spread of past errors (the leave-one-out errors on the training letters, kept in
calibration.yaml): the total is read as normally distributed around the prediction with that standard
deviation, clipped to 0..100. The interval is the central part holding the calibrated share (80%); a
category's probability is the share of the distribution inside its band. Probabilities are rounded to
whole percents that still add up to 1, by largest remainder.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from statistics import NormalDist

from sakip_eval.rulebook.book import Rulebook
from sakip_eval.scoring.grades import CENT, ZERO

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal
    level: Decimal
    sd: Decimal


def interval(total: Decimal, sd: Decimal, level: Decimal) -> Range:
    z = Decimal(repr(NormalDist().inv_cdf(0.5 + float(level) / 2)))
    half = z * sd
    return Range(max(ZERO, total - half).quantize(CENT), min(HUNDRED, total + half).quantize(CENT), level, sd)


def category_probabilities(book: Rulebook, total: Decimal, sd: Decimal) -> dict[str, Decimal]:
    """Category code -> probability (two decimals, summing to exactly 1), best first, zeros left out."""
    dist = NormalDist(float(total), float(sd))
    raw: dict[str, float] = {}
    for category in book.regime.categories:
        lower = 0.0 if category.lower <= 0 else dist.cdf(float(category.lower))
        upper = 1.0 if category.upper >= HUNDRED else dist.cdf(float(category.upper))
        raw[category.code] = max(0.0, upper - lower)
    mass = sum(raw.values())
    cents = {code: int(p / mass * 100) for code, p in raw.items()}
    order = sorted(raw, key=lambda code: -(raw[code] / mass * 100 - cents[code]))
    for code in order[: 100 - sum(cents.values())]:
        cents[code] += 1
    ranked = sorted((code for code in cents if cents[code]), key=lambda code: (-cents[code], _rank(book, code)))
    return {code: Decimal(cents[code]) / HUNDRED for code in ranked}


def _rank(book: Rulebook, code: str) -> int:
    return [c.code for c in book.regime.categories].index(code)

