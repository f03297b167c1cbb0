"""`beda_anggaran`: the same budget line's pagu, realisasi or percentage (per year and budget stage)
stated differently in different tables: one fact per deviating value, against the reference value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sakip_eval.checks.arithmetic import canonical, compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import Cell, Sheet, splits
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    groups: dict[tuple[str, int, str, str], list[Cell]] = defaultdict(list)
    for cell in sheet.budget_cells:
        groups[(cell.subject, cell.year, cell.stage, cell.measure)].append(cell)
    for (line, year, stage, measure), cells in groups.items():
        for split in splits(cells, params.reference):
            yield sheet.fact(
                "beda_anggaran", f"{measure}/{line}/{year}/{stage}/{canonical(split.value)}", measure=measure,
                stage=stage, line=line, year=year, where=sheet.where(split.cells),
                reference_where=sheet.where(split.reference_cells), cells=len(cells),
                **compare(split.value, split.reference),
            )


FAMILY = Family(
    kind="beda_anggaran",
    difference="abs_diff",
    fields={"abs_diff": "number", "gap_units": "number", "measure": "str", "stage": "str", "line": "str",
            "year": "int", "cells": "int"},
    shown={**COMMON_SHOWN, "reference_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
