"""`hitungan`: counts a sentence states ("7 indikator ... seluruhnya tercapai ... 4 mengalami kenaikan")
against the rows of the table it speaks of. Achieved is computed from realisasi and target (not from the
stated capaian); rows without the data leave a range, not a contradiction."""

from __future__ import annotations

from collections.abc import Iterator

from sakip_eval.checks.arithmetic import HUNDRED, achievement
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.facts import Fact
from sakip_eval.model.lkjip import CountStatement


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    for n, statement in enumerate(sheet.lkjip.narratives):
        if not isinstance(statement, CountStatement):
            continue
        table = next(tb for tb in sheet.lkjip.tables if tb.id == statement.table)
        year = sheet.year_of(statement.year, table.year)
        rows = {row.indicator: row for row in table.rows if sheet.year_of(row.year, table.year) == year}
        before = {row.indicator: row for row in table.rows if sheet.year_of(row.year, table.year) == year - 1}
        known: dict[str, tuple[int, int]] = {"indicators": (len(rows), 0)}
        achieved = [achievement(r.target, r.realisasi, sheet.directions[i])
                    if r.target is not None and r.realisasi is not None else None for i, r in rows.items()]
        known["achieved"] = (sum(1 for a in achieved if a is not None and a >= HUNDRED),
                             sum(1 for a in achieved if a is None))
        moves = [(r.capaian, before[i].capaian) if i in before else (None, None) for i, r in rows.items()]
        unknown_moves = sum(1 for now, then in moves if now is None or then is None)
        known["increased"] = (sum(1 for now, then in moves if now is not None and then is not None and now > then),
                              unknown_moves)
        known["decreased"] = (sum(1 for now, then in moves if now is not None and then is not None and now < then),
                              unknown_moves)
        for what, (low, unknown) in known.items():
            stated = getattr(statement, what)
            if stated is None:
                continue
            high = low + unknown
            distance = max(0, low - stated, stated - high)
            yield sheet.fact(
                "hitungan", f"{statement.id}/{what}", statement=statement.id, what=what, table=table.id,
                year=year, unknown=unknown, where=sheet.statement_where(n, what), stated=str(stated),
                expected=str(low) if unknown == 0 else f"{low}-{high}", abs_diff=float(distance),
            )


FAMILY = Family(
    kind="hitungan",
    difference="abs_diff",
    fields={"abs_diff": "number", "statement": "str", "what": "str", "table": "str", "year": "int",
            "unknown": "int"},
    shown=COMMON_SHOWN,
    derive=derive,
)
