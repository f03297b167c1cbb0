"""`tertukar`: two sibling budget lines whose allocations in one year look like each other's in the next
year: for sibling lines (the same parent) and two consecutive years both state, how far each line's amount
is from the other's in the other year (`mismatch_ratio`) and how much its own amount changed
(`change_ratio`); the check file decides what looks swapped.

Each line is paired with its best-matching sibling only (smallest cross difference; the first in the file
on a tie), found through the siblings sorted by their amount in the later year: n log n in the lines under
one parent. Comparing every pair against every cell took 810 s and 1.9 GB for 2,000 sibling lines."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from sakip_eval.checks.arithmetic import canonical
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import Cell, Sheet, reference_value
from sakip_eval.engine.facts import Fact

SWAP_MISMATCH = 0.5  # cross difference above which two lines are not candidates at all
SWAP_CANDIDATES = 16  # siblings nearest in amount looked at per line: bounds the work on crafted files


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
    years: dict[str, list[int]] = defaultdict(list)
    for subject, year in sorted(pagu):
        years[subject].append(year)
    for lines in siblings.values():
        order = {line: index for index, line in enumerate(lines)}
        pairs: set[tuple[str, str, int, int]] = set()
        for year, later in sorted({span for line in lines for span in pairwise(years.get(line, []))}):
            amounts = [(line, pagu[(line, year)][1], pagu[(line, later)][1]) for line in lines
                       if (line, year) in pagu and (line, later) in pagu
                       and pagu[(line, year)][1] > 0 and pagu[(line, later)][1] > 0]
            pairs.update((a, b, year, later) for a, b in _best_partners(amounts, order))
        for a, b, year, later in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]], p[2])):
            if any(year < y < later and (b, y) in pagu for y in years[a]):
                continue  # both lines state a year in between: only consecutive common years are compared
            yield _fact(sheet, pagu, a, b, year, later)


def _fact(sheet: Sheet, pagu: dict[tuple[str, int], tuple[Cell, Decimal]], a: str, b: str, year: int,
          later: int) -> Fact:
    (ca0, a0), (cb0, b0) = pagu[(a, year)], pagu[(b, year)]
    (ca1, a1), (cb1, b1) = pagu[(a, later)], pagu[(b, later)]
    mismatch = max(abs(a0 - b1) / b1, abs(b0 - a1) / a1)
    change = max(a0 / a1, a1 / a0)
    return sheet.fact(
        "tertukar", f"{a}/{b}/{year}", line=a, other_line=b, year=year, other_year=later,
        mismatch_ratio=float(mismatch), change_ratio=float(change), where=sheet.where((ca0, cb0, ca1, cb1)),
        stated=canonical(a0), expected=canonical(b1), abs_diff=float(abs(a0 - b1)),
    )


def _best_partners(amounts: list[tuple[str, Decimal, Decimal]], order: dict[str, int]) -> Iterator[tuple[str, str]]:
    """For each line (id, amount this year, amount next year), its best swap partner as an ordered pair.

    A partner's next-year amount must lie within SWAP_MISMATCH of the line's amount this year, so the
    candidates are a window of the amounts sorted by next-year value, visited nearest first (in floats:
    this only ranks candidates; the fact is computed exactly)."""
    by_later = sorted(((float(now), float(later), line) for line, now, later in amounts), key=lambda item: item[1])
    keys = [item[1] for item in by_later]
    for now, later, line in by_later:
        low, high = now / (1 + SWAP_MISMATCH), now / (1 - SWAP_MISMATCH)
        right = bisect_left(keys, now)
        left = right - 1
        best: tuple[float, int, str] | None = None
        for _ in range(SWAP_CANDIDATES):
            if left >= 0 and keys[left] >= low and (
                    right >= len(keys) or keys[right] > high or now / keys[left] <= keys[right] / now):
                index, left = left, left - 1
            elif right < len(keys) and keys[right] <= high:
                index, right = right, right + 1
            else:
                break
            other_now, other_later, other = by_later[index]
            if other == line:
                continue
            mismatch = max(abs(now - other_later) / other_later, abs(other_now - later) / later)
            if mismatch <= SWAP_MISMATCH and (best is None or (mismatch, order[other]) < best[:2]):
                best = (mismatch, order[other], other)
        if best is not None:
            yield (line, best[2]) if order[line] < best[1] else (best[2], line)


FAMILY = Family(
    kind="tertukar",
    fields={"abs_diff": "number", "line": "str", "other_line": "str", "year": "int", "other_year": "int",
            "mismatch_ratio": "number", "change_ratio": "number"},
    shown={**COMMON_SHOWN, "other_name": "str"},
    derive=derive,
    params=ReferenceParams,
)
