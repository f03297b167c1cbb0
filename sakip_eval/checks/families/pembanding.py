"""`pembanding`: a comparison table (`comparison: nasional`, ...) and how many of its rows state a
benchmark figure."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    for t, table in enumerate(sheet.lkjip.tables):
        if table.comparison is None:
            continue
        filled = sum(1 for row in table.rows if row.pembanding is not None)
        yield sheet.fact(
            "pembanding", table.id, table=table.id, comparison=table.comparison, rows=len(table.rows),
            filled=filled, where=sheet.at(table.title, "pembanding", None, "", ("tables", t, "comparison")),
            stated=str(filled), expected=str(len(table.rows)),
        )


FAMILY = Family(
    kind="pembanding",
    fields={"table": "str", "rows": "int", "filled": "int"},
    shown={**COMMON_SHOWN, "comparison": "str"},
    derive=derive,
)
