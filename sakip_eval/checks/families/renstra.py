"""`renstra`: a Renstra target quoted in the LKjIP's tables (end or annual) against the Renstra matrix
(the reference value of the Renstra targets for that indicator and year)."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.arithmetic import canonical, compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import Sheet, splits
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    for (indicator, year, stage), cells in sheet.stage_targets.items():
        if stage != "renstra":
            continue
        for split in splits(cells, params.reference):
            yield sheet.fact(
                "renstra", f"{indicator}/{year}/{canonical(split.value)}", indicator=indicator, year=year,
                where=sheet.where(split.cells), reference_where=sheet.where(split.reference_cells),
                by_reference=split.by_reference, **compare(split.value, split.reference),
            )


FAMILY = Family(
    kind="renstra",
    difference="abs_diff",
    fields={"abs_diff": "number", "gap_units": "number", "indicator": "str", "year": "int", "by_reference": "bool"},
    shown={**COMMON_SHOWN, "reference_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
