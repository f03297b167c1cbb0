"""`efisiensi`: a stated efficiency against % capaian − % penyerapan of the same row."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.arithmetic import canonical, compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    for t, table in enumerate(sheet.lkjip.tables):
        for r, row in enumerate(table.rows):
            if row.efisiensi is None or row.capaian is None or row.penyerapan is None:
                continue
            year = sheet.year_of(row.year, table.year)
            yield sheet.fact(
                "efisiensi", f"{table.id}/{row.indicator}/{year}", indicator=row.indicator, year=year,
                table=table.id, capaian=canonical(row.capaian), penyerapan=canonical(row.penyerapan),
                where=sheet.at(table.title, row.label or sheet.names[row.indicator], year, "efisiensi",
                               ("tables", t, "rows", r, "efisiensi")),
                **compare(row.efisiensi, row.capaian - row.penyerapan),
            )


FAMILY = Family(
    kind="efisiensi",
    difference="gap_units",
    fields={"abs_diff": "number", "gap_units": "number", "indicator": "str", "year": "int", "table": "str"},
    shown={**COMMON_SHOWN, "capaian": "str", "penyerapan": "str"},
    derive=derive,
)
