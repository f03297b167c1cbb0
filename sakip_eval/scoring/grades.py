"""Grades, scores and categories, computed exactly with decimals: a sub-component scores its weight times its
grade's factor (AA 1,0 ... E 0), components and the total add up, and the total falls in one category.

Scoring is a pure function of the rulebook, the claims and the consequences the rules produced, so
that a recommendation's worth can be measured by scoring again with one consequence lifted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from sakip_eval.rulebook.book import Category, Rulebook, Subcomponent, subcomponent_of

ZERO = Decimal(0)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Consequence:
    """What one firing of one rule does. `target` is a criterion (refute/prove) or a sub-component."""

    rule_id: str
    effect: str
    target: str | None
    grade: str | None = None
    facts: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()  # the LKjIP findings it rests on


@dataclass(frozen=True)
class Answers:
    """The inputs of scoring that come from the workspace: claim and applicability per criterion."""

    claimed: dict[str, str]
    applicable: dict[str, bool]
    grades: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class SubScore:
    id: str
    weight: Decimal
    met: int
    applicable: int
    base_grade: str
    grade: str
    factor: Decimal
    score: Decimal


@dataclass(frozen=True)
class Score:
    predicted: dict[str, str]
    subcomponents: dict[str, SubScore]
    components: dict[str, Decimal]
    total: Decimal
    category: Category


def predict_answers(book: Rulebook, answers: Answers, consequences: list[Consequence]) -> dict[str, str]:
    """Met only when claimed (or proved by a rule) and refuted by none; `na` leaves the denominator."""
    refuted = {c.target for c in consequences if c.effect == "refute"}
    proved = {c.target for c in consequences if c.effect == "prove"}
    predicted = {}
    for crit_id in book.criteria:
        if not answers.applicable[crit_id]:
            predicted[crit_id] = "na"
        elif crit_id in refuted:
            predicted[crit_id] = "false"
        elif answers.claimed[crit_id] == "true" or crit_id in proved:
            predicted[crit_id] = "true"
        else:
            predicted[crit_id] = "false"
    return predicted


def band_grade(book: Rulebook, met: int, applicable: int) -> str:
    share = Decimal(met) / Decimal(applicable) if applicable else ZERO
    for band in book.regime.bands:
        if band.holds(share):
            return band.grade
    raise ValueError(f"no grade band holds share {share}")  # the rulebook covers 0..1; lint proves it


def category_of(book: Rulebook, total: Decimal) -> Category:
    for category in book.regime.categories:
        if category.holds(total):
            return category
    raise ValueError(f"no category holds total {total}")


def _min_grade(book: Rulebook, a: str, b: str) -> str:
    return a if book.grade_rank(a) <= book.grade_rank(b) else b


def _max_grade(book: Rulebook, a: str, b: str) -> str:
    return a if book.grade_rank(a) >= book.grade_rank(b) else b


def score_subcomponent(
    book: Rulebook, sub: Subcomponent, predicted: dict[str, str], answers: Answers, consequences: list[Consequence]
) -> SubScore:
    """One sub-component: band from the share met, upgrades only at 100%, then caps."""
    applicable = [c for c in book.by_subcomponent[sub.id] if predicted[c] != "na"]
    met = [c for c in applicable if predicted[c] == "true"]
    base = band_grade(book, len(met), len(applicable))
    grade = base
    top = book.regime.bands[-1].grade
    if applicable and len(met) == len(applicable):
        for c in consequences:
            if c.effect == "upgrade" and c.target == sub.id and c.grade:
                grade = _max_grade(book, grade, c.grade)
    for c in consequences:
        if c.effect == "cap" and c.target == sub.id and c.grade:
            grade = _min_grade(book, grade, c.grade)
    if book.regime.method == "criteria-average":
        factor = _criteria_average(book, applicable, predicted, answers, grade, top)
    else:
        factor = book.grade(grade).factor
    return SubScore(sub.id, sub.weight, len(met), len(applicable), base, grade, factor, sub.weight * factor)


def score(book: Rulebook, answers: Answers, consequences: list[Consequence]) -> Score:
    predicted = predict_answers(book, answers, consequences)
    subs: dict[str, SubScore] = {}
    components: dict[str, Decimal] = {}
    for component in book.regime.components:
        for sub in component.subcomponents:
            subs[sub.id] = score_subcomponent(book, sub, predicted, answers, consequences)
        components[component.id] = sum((subs[s.id].score for s in component.subcomponents), ZERO)
    total = sum(components.values(), ZERO)
    return Score(predicted, subs, components, total, category_of(book, total))


def gain(
    book: Rulebook, base: Score, answers: Answers, consequences: list[Consequence], affected: set[str]
) -> Decimal:
    """Points the total gains when only the sub-components in `affected` change: the same as
    `score(...).total - base.total`, but re-scoring a handful of sub-components instead of all."""
    predicted = predict_answers(book, answers, consequences)
    new = sum((score_subcomponent(book, book.subcomponent(s), predicted, answers, consequences).score
               for s in affected), ZERO)
    return new - sum((base.subcomponents[s].score for s in affected), ZERO)


def _criteria_average(
    book: Rulebook, applicable: list[str], predicted: dict[str, str], answers: Answers, grade: str, top: str
) -> Decimal:
    """Mean of per-criterion factors: a met criterion takes the team's grade (or the sub-component's
    upgraded grade), an unmet one zero; the sub-component's caps still bound the result."""
    if not applicable:
        return ZERO
    factors = []
    for crit in applicable:
        if predicted[crit] != "true":
            factors.append(ZERO)
            continue
        own = answers.grades.get(crit) or (grade if book.grade_rank(grade) >= book.grade_rank(top) else top)
        factors.append(book.grade(own).factor)
    mean = sum(factors, ZERO) / Decimal(len(factors))
    return min(mean, book.grade(grade).factor) if book.grade_rank(grade) < book.grade_rank(top) else mean


def lift(consequences: list[Consequence], rule_id: str) -> list[Consequence]:
    """The consequences as if the recommendation behind `rule_id` had been carried out."""
    return [c for c in consequences if c.rule_id != rule_id]


def with_met(answers: Answers, criterion: str) -> Answers:
    claimed = dict(answers.claimed)
    claimed[criterion] = "true"
    return replace(answers, claimed=claimed)


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT)


__all__ = [
    "Answers", "Consequence", "Score", "SubScore", "band_grade", "category_of", "gain", "lift",
    "predict_answers", "round2", "score", "subcomponent_of", "with_met",
]
