"""The grade grid: which component scores whole grades can produce, and with which grades.

An evaluator grades each sub-component on the scale (AA 1,0 ... E 0) and the component score is the sum of
weight x factor. So a published component score either lies on this grid, and then names the grade
combinations that could have produced it, or it does not (a year scored by averaging criteria, or a slip).
`lhe check` uses the grid to flag scores no grade can produce; the prior uses it to recover the evaluator's
sub-component grades from last year's component scores.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from sakip_eval.rulebook.book import Component, Rulebook
from sakip_eval.scoring.grades import round2

GridKey = tuple[tuple[tuple[str, Decimal], ...], tuple[tuple[str, Decimal], ...]]
_GRIDS: dict[GridKey, dict[Decimal, list[dict[str, str]]]] = {}


def reachable(book: Rulebook, component: Component) -> dict[Decimal, list[dict[str, str]]]:
    """Every component score the grade scale can produce, with the grade combinations that give it
    (sub-component weight x grade factor, summed; LHE precision of two decimals). Built once per process
    for each grade scale and set of weights."""
    key = (tuple((g.code, g.factor) for g in book.regime.grades),
           tuple((s.id, s.weight) for s in component.subcomponents))
    if key not in _GRIDS:
        _GRIDS[key] = _grid(book, component)
    return _GRIDS[key]


def _grid(book: Rulebook, component: Component) -> dict[Decimal, list[dict[str, str]]]:
    out: dict[Decimal, list[dict[str, str]]] = {}
    grades = book.regime.grades
    for combo in itertools.product(grades, repeat=len(component.subcomponents)):
        value = round2(sum((s.weight * g.factor for s, g in zip(component.subcomponents, combo, strict=True)),
                           Decimal(0)))
        out.setdefault(value, []).append({s.id: g.code for s, g in zip(component.subcomponents, combo, strict=True)})
    return out


def combinations(book: Rulebook, component: Component, score: Decimal, fixed: dict[str, str]) -> list[dict[str, str]]:
    """The grade combinations of the component that give `score` (to the cent) and agree with the grades
    already known (`fixed`, sub-component -> grade)."""
    combos = reachable(book, component).get(round2(score), [])
    return [c for c in combos if all(c[sub] == grade for sub, grade in fixed.items())]
