"""`tertukar`: two sibling budget lines whose allocations in one year look like each other's in the next
year: for every pair of siblings (lines with the same parent) and every two consecutive years both state,
how far each line's amount is from the other's in the other year (`mismatch_ratio`) and how much its own
amount changed (`change_ratio`). Every pair is a fact; the check file decides what looks swapped."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from sakip_eval.checks.arithmetic import canonical
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import Cell, Sheet, reference_value
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    pagu: dict[tuple[str, int], tuple[Cell, Decimal]] = {}
    groups: dict[tuple[str, int], list[Cell]] = defaultdict(list)
    for cell in sheet.budget_cells:
        if cell.measure == "pagu":
            groups[(cell.subject, cell.year)].append(cell)
    for key, cells in groups.items():
        found = reference_value(cells, params.reference)
        if found is not None:
            pagu[key] = (next(c for c in cells if c.value == found[0]), found[0])
    siblings: dict[str | None, list[str]] = defaultdict(list)
    for line in sheet.lkjip.budget_lines:
        siblings[line.parent].append(line.id)
    years: dict[str, set[int]] = defaultdict(set)
    for subject, year in pagu:
        years[subject].add(year)
    for lines in siblings.values():
        for i, a in enumerate(lines):
            for b in lines[i + 1:]:
                yield from _pairs(sheet, pagu, a, b, sorted(years[a] & years[b]))


def _pairs(sheet: Sheet, pagu: dict[tuple[str, int], tuple[Cell, Decimal]], a: str, b: str,
           years: list[int]) -> Iterator[Fact]:
    for year, later in pairwise(years):
        (ca0, a0), (cb0, b0) = pagu[(a, year)], pagu[(b, year)]
        (ca1, a1), (cb1, b1) = pagu[(a, later)], pagu[(b, later)]
        if min(a0, b0, a1, b1) <= 0:
            continue
        mismatch = max(abs(a0 - b1) / b1, abs(b0 - a1) / a1)
        change = max(a0 / a1, a1 / a0)
        yield sheet.fact(
            "tertukar", f"{a}/{b}/{year}", line=a, other_line=b, year=year, other_year=later,
            mismatch_ratio=float(mismatch), change_ratio=float(change), where=sheet.where((ca0, cb0, ca1, cb1)),
            stated=canonical(a0), expected=canonical(b1), abs_diff=float(abs(a0 - b1)),
        )


FAMILY = Family(
    kind="tertukar",
    fields={"abs_diff": "number", "line": "str", "other_line": "str", "year": "int", "other_year": "int",
            "mismatch_ratio": "number", "change_ratio": "number"},
    shown={**COMMON_SHOWN, "other_name": "str"},
    derive=derive,
    params=ReferenceParams,
)
