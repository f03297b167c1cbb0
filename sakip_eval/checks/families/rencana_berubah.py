"""`rencana_berubah`: PK awal and Renja targets against the measured PK perubahan (or, without one, the
Renja against the PK awal), with whether `changes` records the change."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.arithmetic import compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import MEASURED, STAGE_OF_SOURCE, Sheet, reference_value
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    groups = sheet.stage_targets
    keys = sorted({(indicator, year) for indicator, year, _ in groups})
    for indicator, year in keys:
        values = {stage: reference_value(groups.get((indicator, year, stage), []), params.reference)
                  for stage in ("pk_awal", MEASURED, "renja")}
        to_stage = MEASURED if values[MEASURED] is not None else "pk_awal"
        target = values[to_stage]
        if target is None:
            continue
        for from_stage in ("pk_awal", "renja"):
            found = values[from_stage]
            if from_stage == to_stage or found is None or found[0] == target[0]:
                continue
            recorded = any(
                c.year == year and c.indicator in (None, indicator) and c.from_source == from_stage
                and STAGE_OF_SOURCE[c.to_source] == to_stage for c in sheet.lkjip.changes
            )
            yield sheet.fact(
                "rencana_berubah", f"{from_stage}/{to_stage}/{indicator}/{year}", from_stage=from_stage,
                to_stage=to_stage, indicator=indicator, year=year, recorded=recorded,
                where=sheet.where([c for c in groups[(indicator, year, from_stage)] if c.value == found[0]]),
                reference_where=sheet.where([c for c in groups[(indicator, year, to_stage)] if c.value == target[0]]),
                **compare(found[0], target[0]),
            )


FAMILY = Family(
    kind="rencana_berubah",
    difference="abs_diff",
    fields={"abs_diff": "number", "gap_units": "number", "from_stage": "str", "to_stage": "str",
            "indicator": "str", "year": "int", "recorded": "bool"},
    shown={**COMMON_SHOWN, "reference_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
