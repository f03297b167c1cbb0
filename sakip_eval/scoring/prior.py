"""The prior: the previous evaluation as the evaluator's starting point, per sub-component.

An evaluator starts from last year's LKE and moves it by what changed. The workspace's `history` holds
last year's LHE; this module turns it into a starting factor (0..1) for every sub-component:

1. a sub-component grade the history gives (the evaluator's LKE was at hand): that grade;
2. otherwise, when the component's score lies on the grade grid, the grade combinations that reproduce it
   (the enumeration `lhe check` uses), resolved with this year's evidence: the combinations closest to the
   grades the rules give this year, and their mean factor where several remain equally close;
3. a component score off the grid (a year scored by averaging criteria, such as 11,918 of 15, or a slip):
   the component's own mean factor for each of its sub-components, without pretending it is on the grid;
4. a component the history does not state: what the total leaves for it, spread evenly over its weight.

The prior total is the total the letter states. Where it differs from the sum of the stated components
(letters carry such slips), the difference is kept as `slip` and spread over the total, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sakip_eval.model.workspace import LheResult, WorkspaceFile
from sakip_eval.rulebook.book import Component, Rulebook
from sakip_eval.scoring.grades import ZERO, Score
from sakip_eval.scoring.grid import combinations

Basis = Literal["grade", "grid", "component", "total"]
ONE = Decimal(1)


@dataclass(frozen=True)
class SubPrior:
    """The starting point of one sub-component. `grade` is set when the prior is a whole grade (given, or
    the same in every closest grid combination); `factor` is always set."""

    id: str
    weight: Decimal
    factor: Decimal
    grade: str | None
    basis: Basis

    @property
    def score(self) -> Decimal:
        return self.weight * self.factor


@dataclass(frozen=True)
class Prior:
    year: int
    total: Decimal
    category: str | None
    source: str | None
    subcomponents: dict[str, SubPrior]

    @property
    def grid_total(self) -> Decimal:
        """The sum of the sub-component starting points: the stated components, or the total where none."""
        return sum((s.score for s in self.subcomponents.values()), ZERO)

    @property
    def slip(self) -> Decimal:
        """Stated total minus the sum of its parts (0 for a letter whose arithmetic holds)."""
        return self.total - self.grid_total


def previous_entry(meta: WorkspaceFile) -> tuple[int, LheResult] | None:
    """The latest evaluation before this one that `history` states a total for."""
    known = [(year, entry) for year, entry in meta.history.items()
             if entry is not None and year < meta.evaluation_year]
    return max(known, key=lambda pair: pair[0]) if known else None


def prior_of(book: Rulebook, meta: WorkspaceFile, rules: Score) -> Prior | None:
    """The prior of a workspace, or None without history (then the rules alone predict)."""
    found = previous_entry(meta)
    if found is None:
        return None
    year, entry = found
    stated = {c: v for c, v in entry.components.items() if v is not None}
    rest_weight = sum((c.weight for c in book.regime.components if c.id not in stated), ZERO)
    rest = entry.total - sum(stated.values(), ZERO)
    rest_factor = _clip(rest / rest_weight) if rest_weight else ZERO
    subs: dict[str, SubPrior] = {}
    for comp in book.regime.components:
        if comp.id in stated:
            subs.update(_component_prior(book, comp, stated[comp.id], entry, rules))
        else:
            for sub in comp.subcomponents:
                given = _given_grade(book, entry, sub.id)
                if given is not None:
                    subs[sub.id] = SubPrior(sub.id, sub.weight, book.grade(given).factor, given, "grade")
                else:
                    subs[sub.id] = SubPrior(sub.id, sub.weight, rest_factor, None, "total")
    return Prior(year, entry.total, entry.category, entry.source, subs)


def _given_grade(book: Rulebook, entry: LheResult, sub_id: str) -> str | None:
    """The grade the history gives a sub-component: a grade code, or a score equal to weight x a factor."""
    value = entry.subcomponents.get(sub_id)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    weight = book.subcomponent(sub_id).weight
    for grade in book.regime.grades:
        if weight * grade.factor == value:
            return grade.code
    return None


def _component_prior(
    book: Rulebook, comp: Component, stated: Decimal, entry: LheResult, rules: Score,
) -> dict[str, SubPrior]:
    fixed = {s.id: g for s in comp.subcomponents if (g := _given_grade(book, entry, s.id)) is not None}
    out = {sid: SubPrior(sid, book.subcomponent(sid).weight, book.grade(g).factor, g, "grade")
           for sid, g in fixed.items()}
    free = [s for s in comp.subcomponents if s.id not in fixed]
    if not free:
        return out
    combos = combinations(book, comp, stated, fixed)
    if combos:
        closest = _closest(book, combos, [s.id for s in free], rules)
        for sub in free:
            grades = {c[sub.id] for c in closest}
            factor = sum((book.grade(c[sub.id]).factor for c in closest), ZERO) / len(closest)
            grade = grades.pop() if len(grades) == 1 else None
            out[sub.id] = SubPrior(sub.id, sub.weight, factor, grade, "grid")
        return out
    known = sum((book.subcomponent(s).weight * book.grade(g).factor for s, g in fixed.items()), ZERO)
    free_weight = sum((s.weight for s in free), ZERO)
    factor = _clip((stated - known) / free_weight)
    for sub in free:
        out[sub.id] = SubPrior(sub.id, sub.weight, factor, None, "component")
    return out


def _closest(book: Rulebook, combos: list[dict[str, str]], free: list[str], rules: Score) -> list[dict[str, str]]:
    """The combinations nearest this year's rule grades (weighted distance of factors): the evidence
    decides between last year's readings that the grid alone cannot tell apart."""

    def distance(combo: dict[str, str]) -> Decimal:
        return sum((rules.subcomponents[s].weight
                    * abs(book.grade(combo[s]).factor - book.grade(rules.subcomponents[s].grade).factor)
                    for s in free), ZERO)

    best = min(distance(c) for c in combos)
    return [c for c in combos if distance(c) == best]


def _clip(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))
