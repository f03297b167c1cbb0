"""`angka_tertulis`: a cell transcribed as written (`written:`) because it could not be read as a number;
`readable` says whether it reads as an Indonesian number after all, and the expected value is the
transcriber's reading or the reference value other tables state."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sakip_eval.checks.arithmetic import canonical
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import BLANK, Sheet, reference_value
from sakip_eval.engine.facts import Fact
from sakip_eval.numbers import NumberFormatError, parse_number


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    sections: list[tuple[str, str, str, int, tuple[int | str, ...], dict[str, str], Any]] = []
    for t, table in enumerate(sheet.lkjip.tables):
        for r, row in enumerate(table.rows):
            if row.written:
                sections.append((table.id, table.title, row.indicator, sheet.year_of(row.year, table.year),
                                 ("tables", t, "rows", r), row.written, row))
    for t, budget in enumerate(sheet.lkjip.budgets):
        for r, brow in enumerate(budget.rows):
            if brow.written:
                sections.append((budget.id, budget.title, brow.line, sheet.year_of(brow.year, budget.year),
                                 ("budgets", t, "rows", r), brow.written, brow))
    for table_id, title, subject, year, loc, written, row in sections:
        for measure, text in written.items():
            try:
                parse_number(text)
                readable = True
            except NumberFormatError:
                readable = False
            reading = getattr(row, measure)
            if reading is None:
                pool = sheet.budget_cells if loc[0] == "budgets" else sheet.value_cells
                found = reference_value([c for c in pool if c.subject == subject and c.year == year
                                         and c.measure == measure and c.table != table_id], params.reference)
                reading = found[0] if found else None
            yield sheet.fact(
                "angka_tertulis", f"{table_id}/{'/'.join(str(p) for p in loc[2:])}/{measure}", table=table_id,
                subject=subject, measure=measure, readable=readable, stated=f"“{text}”",
                expected=canonical(reading) if reading is not None else BLANK,
                where=sheet.at(title, getattr(row, "label", None) or subject, year, measure,
                               (*loc, "written", measure)),
            )


FAMILY = Family(
    kind="angka_tertulis",
    fields={"table": "str", "subject": "str", "measure": "str", "readable": "bool"},
    shown=COMMON_SHOWN,
    derive=derive,
    params=ReferenceParams,
)
