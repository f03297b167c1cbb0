"""`renstra_target`: the target a plan (the measured PK perubahan, the Renja) sets for a year against the
Renstra matrix's target for that year (a `reference: true` Renstra table)."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.arithmetic import compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import MEASURED, Sheet, reference_value
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    groups = sheet.stage_targets
    for (indicator, year, stage), cells in groups.items():
        if stage != "renstra":
            continue
        matrix = [c for c in cells if c.reference and c.value is not None]
        signed = matrix[0].value if matrix else None
        if signed is None:
            continue
        for other in (MEASURED, "renja"):
            found = reference_value(groups.get((indicator, year, other), []), params.reference)
            if found is None or found[0] == signed:
                continue
            stating = [c for c in groups[(indicator, year, other)] if c.value == found[0]]
            yield sheet.fact(
                "renstra_target", f"{other}/{indicator}/{year}", stage=other, indicator=indicator, year=year,
                where=sheet.where(stating), reference_where=sheet.where(matrix),
                **compare(found[0], signed),
            )


FAMILY = Family(
    kind="renstra_target",
    difference="abs_diff",
    fields={"abs_diff": "number", "gap_units": "number", "stage": "str", "indicator": "str", "year": "int"},
    shown={**COMMON_SHOWN, "reference_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
