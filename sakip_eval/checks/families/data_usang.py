"""`data_usang`: a year's realisasi equal to the previous year's while that year's own cell is blank in
another table (`basis: blank`), or while other tables state a different value for the year (`basis:
differs`, against the reference value): the previous year's figure carried over."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sakip_eval.checks.arithmetic import canonical
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import FRESH, Cell, Sheet, reference_value
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    for what, cells in (("indicator", sheet.value_cells), ("budget", sheet.budget_cells)):
        groups: dict[tuple[str, int], list[Cell]] = defaultdict(list)
        for cell in cells:
            if cell.measure == "realisasi":
                groups[(cell.subject, cell.year)].append(cell)
        for (subject, year), group in groups.items():
            previous = [c for c in groups.get((subject, year - 1), []) if c.value is not None]
            found = reference_value(group, params.reference)
            if not previous or found is None:
                continue
            blanks = [c for c in group if c.value is None]
            for value in sorted({c.value for c in group if c.value is not None}):
                old = [c for c in previous if c.value == value]
                if not old or (not blanks and value == found[0]):
                    continue
                stating = [c for c in group if c.value == value]
                yield sheet.fact(
                    "data_usang", f"{what}/{subject}/{year}/{canonical(value)}", what=what, subject=subject,
                    year=year, basis="blank" if blanks else "differs",
                    where=sheet.where(stating + blanks), previous_where=sheet.where(old),
                    stated=canonical(value), expected=FRESH if blanks else canonical(found[0]), abs_diff=0.0,
                )


FAMILY = Family(
    kind="data_usang",
    fields={"abs_diff": "number", "what": "str", "subject": "str", "year": "int", "basis": "str"},
    shown={**COMMON_SHOWN, "previous_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
