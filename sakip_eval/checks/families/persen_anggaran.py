"""`persen_anggaran`: a stated absorption (realisasi ÷ pagu × 100) or allocation share (pagu ÷ the
table's `share_of` total × 100) against its own amounts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import canonical, compare, ratio
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import Sheet, reference_value
from sakip_eval.engine.facts import Fact


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    for t, table in enumerate(sheet.lkjip.budgets):
        for r, row in enumerate(table.rows):
            year = sheet.year_of(row.year, table.year)
            pagu = row.total_pagu
            label = row.label or sheet.line_names[row.line]
            if row.persen is not None and pagu is not None and row.realisasi is not None:
                expected = ratio(row.realisasi, pagu)
                if expected is not None:
                    yield sheet.fact(
                        "persen_anggaran", f"{table.id}/{row.line}/{year}/persen", basis="realisasi",
                        line=row.line, year=year, table=table.id, amount=canonical(row.realisasi),
                        base=canonical(pagu), where=sheet.at(table.title, label, year, "persen",
                                                             ("budgets", t, "rows", r, "persen")),
                        **compare(row.persen, expected, computed=True),
                    )
            if row.share is not None and pagu is not None and table.share_of is not None:
                total = _share_total(sheet, params, table.id, table.share_of, year, table.stage)
                expected = ratio(pagu, total) if total is not None else None
                if total is not None and expected is not None:
                    yield sheet.fact(
                        "persen_anggaran", f"{table.id}/{row.line}/{year}/share", basis="share", line=row.line,
                        year=year, table=table.id, amount=canonical(pagu), base=canonical(total),
                        where=sheet.at(table.title, label, year, "share", ("budgets", t, "rows", r, "share")),
                        **compare(row.share, expected, computed=True),
                    )


def _share_total(sheet: Sheet, params: ReferenceParams, table_id: str, line: str, year: int,
                 stage: str) -> Decimal | None:
    """The total a share is taken of: the line in the same table, else the reference value elsewhere."""
    pagus = [c for c in sheet.budget_cells if c.subject == line and c.year == year and c.measure == "pagu"]
    own = [c.value for c in pagus if c.table == table_id and c.value is not None]
    if own:
        return own[0]
    found = reference_value([c for c in pagus if c.stage == stage], params.reference)
    return found[0] if found else None


FAMILY = Family(
    kind="persen_anggaran",
    difference="gap_units",
    fields={"abs_diff": "number", "gap_units": "number", "basis": "str", "line": "str", "year": "int",
            "table": "str"},
    shown={**COMMON_SHOWN, "amount": "str", "base": "str"},
    derive=derive,
    params=ReferenceParams,
)
