"""`negatif`: a negative amount of money (pagu, realisasi, a fund's share of a pagu). No budget can be below
zero; a minus sign is a typo or a copying mistake (accounting brackets, a dash before the figure). The
difference is the amount below zero."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import canonical
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    for t, table in enumerate(sheet.lkjip.budgets):
        for r, row in enumerate(table.rows):
            year = sheet.year_of(row.year, table.year)
            amounts: list[tuple[str, Decimal | None, tuple[str, ...]]] = [
                ("pagu", row.pagu, ("pagu",)), ("realisasi", row.realisasi, ("realisasi",))]
            amounts += [(f"pagu/{fund}", value, ("funds", fund)) for fund, value in row.funds.items()]
            for measure, value, key in amounts:
                if value is None or value >= 0:
                    continue
                yield sheet.fact(
                    "negatif", f"{table.id}/{r}/{measure}", measure=measure, line=row.line, year=year,
                    table=table.id, stated=canonical(value), expected="0", abs_diff=float(-value),
                    where=sheet.at(table.title, row.label or sheet.line_names[row.line], year, measure,
                                   ("budgets", t, "rows", r, *key)),
                )


FAMILY = Family(
    kind="negatif",
    difference="abs_diff",
    fields={"abs_diff": "number", "measure": "str", "line": "str", "year": "int", "table": "str"},
    shown=COMMON_SHOWN,
    derive=derive,
)
