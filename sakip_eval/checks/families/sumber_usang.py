"""`sumber_usang`: a table whose stated data year (`data_year`) is older than the year it reports."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    lkjip = sheet.lkjip
    sections: list[tuple[str, str, int | None, int | None, tuple[int | str, ...]]] = []
    sections += [(t.id, t.title, t.data_year, t.year, ("tables", i)) for i, t in enumerate(lkjip.tables)]
    sections += [(b.id, b.title, b.data_year, b.year, ("budgets", i)) for i, b in enumerate(lkjip.budgets)]
    sections += [(h.id, h.title, h.data_year, None, ("headcounts", i)) for i, h in enumerate(lkjip.headcounts)]
    for table_id, title, data_year, stated_year, loc in sections:
        if data_year is None:
            continue
        year = sheet.year_of(stated_year)
        yield sheet.fact(
            "sumber_usang", table_id, table=table_id, data_year=data_year, year=year, lag=year - data_year,
            where=sheet.at(title, "data_year", None, "", (*loc, "data_year")), stated=str(data_year),
            expected=str(year), plain=True, abs_diff=float(abs(year - data_year)),
        )


FAMILY = Family(
    kind="sumber_usang",
    difference="lag",
    fields={"abs_diff": "number", "table": "str", "data_year": "int", "year": "int", "lag": "int"},
    shown={**COMMON_SHOWN, "plain": "bool"},
    derive=derive,
)
