"""`jumlah_rincian`: a budget total against the sum of its parts: a pagu split by fund source, and in a
table that breaks every line down (`complete: true`) each line against the lines under it (sub kegiatan
→ kegiatan → program → OPD). A total whose parts are not all stated is not checked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    for t, table in enumerate(sheet.lkjip.budgets):
        for r, row in enumerate(table.rows):
            if row.funds and row.pagu is not None:
                year = sheet.year_of(row.year, table.year)
                yield sheet.fact(
                    "jumlah_rincian", f"{table.id}/{row.line}/{year}/pagu/funds", measure="pagu", basis="funds",
                    line=row.line, year=year, table=table.id, parts=len(row.funds),
                    where=sheet.at(table.title, row.label or sheet.line_names[row.line], year, "pagu",
                                   ("budgets", t, "rows", r, "pagu")),
                    **compare(row.pagu, sum(row.funds.values(), Decimal(0))),
                )
        if not table.complete:
            continue
        by_year: dict[int, list[int]] = defaultdict(list)
        for r, row in enumerate(table.rows):
            by_year[sheet.year_of(row.year, table.year)].append(r)
        for year, indexes in by_year.items():
            yield from _totals(sheet, t, year, indexes)


def _in_table_parent(sheet: Sheet, line: str, present: set[str]) -> str | None:
    """The nearest ancestor of `line` (through `budget_lines`) that the same table lists."""
    parent = sheet.parents.get(line)
    seen: set[str] = set()
    while parent is not None and parent not in present and parent not in seen:
        seen.add(parent)
        parent = sheet.parents.get(parent)
    return parent if parent in present else None


def _totals(sheet: Sheet, t: int, year: int, indexes: list[int]) -> Iterator[Fact]:
    table = sheet.lkjip.budgets[t]
    rows = {table.rows[r].line: r for r in reversed(indexes)}
    children: dict[str, list[int]] = defaultdict(list)
    for r in indexes:
        parent = _in_table_parent(sheet, table.rows[r].line, set(rows))
        if parent is not None:
            children[parent].append(r)
    for parent, parts in children.items():
        prow = table.rows[rows[parent]]
        for measure in ("pagu", "realisasi"):
            stated = prow.total_pagu if measure == "pagu" else prow.realisasi
            values = [table.rows[p].total_pagu if measure == "pagu" else table.rows[p].realisasi for p in parts]
            if stated is None or any(v is None for v in values):
                continue
            expected = sum((v for v in values if v is not None), Decimal(0))
            yield sheet.fact(
                "jumlah_rincian", f"{table.id}/{parent}/{year}/{measure}", measure=measure, basis="lines",
                line=parent, year=year, table=table.id, parts=len(parts),
                where=sheet.at(table.title, prow.label or sheet.line_names[parent], year, measure,
                               ("budgets", t, "rows", rows[parent], measure)),
                **compare(stated, expected),
            )


FAMILY = Family(
    kind="jumlah_rincian",
    difference="abs_diff",
    fields={"abs_diff": "number", "gap_units": "number", "measure": "str", "basis": "str", "line": "str",
            "year": "int", "table": "str", "parts": "int"},
    shown=COMMON_SHOWN,
    derive=derive,
)
