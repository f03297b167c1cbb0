"""`capaian`: each stated achievement against realisasi ÷ target × 100 (target ÷ realisasi × 100 for
lower-is-better indicators), in tables and in narrative sentences."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import achievement, canonical, compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact
from sakip_eval.model.lkjip import IndicatorStatement


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    rows: list[tuple[str, str, int, Decimal | None, Decimal | None, Decimal | None, str]] = []
    for t, table in enumerate(sheet.lkjip.tables):
        for r, row in enumerate(table.rows):
            year = sheet.year_of(row.year, table.year)
            where = sheet.at(table.title, row.label or sheet.names[row.indicator], year, "capaian",
                             ("tables", t, "rows", r, "capaian"))
            rows.append((table.id, row.indicator, year, row.target, row.realisasi, row.capaian, where))
    for n, statement in enumerate(sheet.lkjip.narratives):
        if isinstance(statement, IndicatorStatement):
            rows.append((statement.id, statement.indicator, sheet.year_of(statement.year), statement.target,
                         statement.realisasi, statement.capaian, sheet.statement_where(n, "capaian")))
    for table_id, indicator, year, target, realisasi, stated, where in rows:
        if target is None or realisasi is None or stated is None:
            continue
        expected = achievement(target, realisasi, sheet.directions[indicator])
        if expected is None:
            continue
        yield sheet.fact(
            "capaian", f"{table_id}/{indicator}/{year}", where=where, indicator=indicator, year=year,
            table=table_id, target=canonical(target), realisasi=canonical(realisasi),
            direction=sheet.directions[indicator], **compare(stated, expected, computed=True),
        )


FAMILY = Family(
    kind="capaian",
    difference="gap_units",
    fields={"abs_diff": "number", "gap_units": "number", "indicator": "str", "year": "int", "table": "str",
            "direction": "str"},
    shown={**COMMON_SHOWN, "target": "str", "realisasi": "str"},
    derive=derive,
)
