"""`beda_nilai`: the same indicator's target (per year and document), realisasi (per year) or capaian
(per year against the same target) stated differently in different tables: one fact per deviating value,
against the group's reference value."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.arithmetic import canonical, compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import Sheet, splits
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    for (measure, indicator, year, stage), cells in sheet.value_groups.items():
        if stage == "renstra":
            continue  # the Renstra families compare these against the Renstra matrix
        for split in splits(cells, params.reference):
            yield sheet.fact(
                "beda_nilai", f"{measure}/{indicator}/{year}/{stage or 'all'}/{canonical(split.value)}",
                measure=measure, stage=stage.split("@")[0] or "all", indicator=indicator, year=year,
                where=sheet.where(split.cells), reference_where=sheet.where(split.reference_cells),
                by_reference=split.by_reference, cells=len(cells), **compare(split.value, split.reference),
            )


FAMILY = Family(
    kind="beda_nilai",
    difference="abs_diff",
    fields={"abs_diff": "number", "gap_units": "number", "measure": "str", "stage": "str", "indicator": "str",
            "year": "int", "by_reference": "bool", "cells": "int"},
    shown={**COMMON_SHOWN, "reference_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
