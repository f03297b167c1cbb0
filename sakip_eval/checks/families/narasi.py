"""`narasi`: a figure a narrative sentence states (an indicator's target, realisasi or capaian; a budget's
pagu, realisasi, percentage or remaining amount; a staff total) against the figures the tables state for
the same thing. A sentence may round: it contradicts the tables only when it matches none of them.
Indicator targets are the measured (PK perubahan) targets; budget figures are those after the budget
change (P-APBD)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import compare, gap_units
from sakip_eval.checks.family import COMMON_SHOWN, Family, ReferenceParams
from sakip_eval.checks.sheet import MEASURED, Cell, Sheet, capaian_stage, location, reference_value
from sakip_eval.engine.facts import Fact
from sakip_eval.model.lkjip import BudgetStatement, HeadcountStatement, IndicatorStatement


def derive(sheet: Sheet, params: ReferenceParams) -> Iterator[Fact]:
    groups = sheet.value_groups
    for n, statement in enumerate(sheet.lkjip.narratives):
        if isinstance(statement, IndicatorStatement):
            year = sheet.year_of(statement.year)
            keys = {
                "target": ("target", statement.indicator, year, MEASURED),
                "realisasi": ("realisasi", statement.indicator, year, ""),
                "capaian": ("capaian", statement.indicator, year, capaian_stage(MEASURED, year, year)),
            }
            for measure, key in keys.items():
                value = getattr(statement, measure)
                if value is not None:
                    yield from _narrative_fact(sheet, params, n, measure, statement.indicator, year, value,
                                               groups.get(key, []))
        elif isinstance(statement, BudgetStatement):
            yield from _budget_narrative(sheet, params, n, statement)
        elif isinstance(statement, HeadcountStatement):
            table = next(h for h in sheet.lkjip.headcounts if h.id == statement.table)
            total = table.total.total
            if total is not None:
                index = next(i for i, h in enumerate(sheet.lkjip.headcounts) if h.id == table.id)
                yield sheet.fact(
                    "narasi", f"{statement.id}/total", statement=statement.id, measure="total",
                    subject=table.id, year=sheet.year, where=sheet.statement_where(n, "total"),
                    reference_where=location([table.title, table.total.label], sheet.file,
                                             sheet.doc.line_of(("headcounts", index, "total", "total"))),
                    **compare(statement.total, total),
                )


def _narrative_fact(
    sheet: Sheet, params: ReferenceParams, n: int, measure: str, subject: str, year: int, value: Decimal,
    cells: list[Cell],
) -> Iterator[Fact]:
    """The gap to the closest figure the tables state; the expected value shown is the tables' reference."""
    found = reference_value(cells, params.reference)
    if found is None:
        return
    stated_values = {c.value for c in cells if c.value is not None}
    gap = min(gap_units(value, v) for v in stated_values)
    matching = [c for c in cells if c.value == found[0]]
    statement = sheet.lkjip.narratives[n]
    yield sheet.fact(
        "narasi", f"{statement.id}/{measure}", statement=statement.id, measure=measure, subject=subject,
        year=year, where=sheet.statement_where(n, measure), reference_where=sheet.where(matching),
        **{**compare(value, found[0]), "gap_units": float(gap)},
    )


def _budget_narrative(sheet: Sheet, params: ReferenceParams, n: int, statement: BudgetStatement) -> Iterator[Fact]:
    year = sheet.year_of(statement.year)
    cells = [c for c in sheet.budget_cells if c.subject == statement.line and c.year == year and c.stage == "papbd"]
    for measure in ("pagu", "realisasi", "persen"):
        value = getattr(statement, measure)
        if value is not None:
            yield from _narrative_fact(sheet, params, n, measure, statement.line, year, value,
                                       [c for c in cells if c.measure == measure])
    sisa = statement.sisa
    pagus = [(c, c.value) for c in cells if c.measure == "pagu" and c.value is not None]
    reals = [(c, c.value) for c in cells if c.measure == "realisasi" and c.value is not None]
    if sisa is not None and pagus and reals:
        # The remaining budget the tables give: pagu - realisasi for the pair that comes closest.
        (pagu, pagu_value), (real, real_value) = min(
            ((p, q) for p in pagus for q in reals), key=lambda pq: gap_units(sisa, pq[0][1] - pq[1][1]))
        yield sheet.fact(
            "narasi", f"{statement.id}/sisa", statement=statement.id, measure="sisa", subject=statement.line,
            year=year, where=sheet.statement_where(n, "sisa"), reference_where=sheet.where([pagu, real]),
            **compare(sisa, pagu_value - real_value),
        )


FAMILY = Family(
    kind="narasi",
    difference="gap_units",
    fields={"abs_diff": "number", "gap_units": "number", "statement": "str", "measure": "str", "subject": "str",
            "year": "int"},
    shown={**COMMON_SHOWN, "reference_where": "str"},
    derive=derive,
    params=ReferenceParams,
)
