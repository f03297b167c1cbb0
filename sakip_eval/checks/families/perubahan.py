"""`perubahan`: a stated change from one year to the next ("naik 4,86%") against every reading of the
tables that could give it: realisasi or capaian, in points or in percent of the earlier value. The fact
carries the closest reading with the stated direction; `gap_units` is NO_MATCH when no reading has it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import canonical, gap_units, ratio, two_places
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import Cell, Sheet
from sakip_eval.engine.facts import Fact
from sakip_eval.model.lkjip import ChangeStatement

NO_MATCH = 1_000_000.0


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    values = _values(sheet.value_groups)
    for n, statement in enumerate(sheet.lkjip.narratives):
        if not isinstance(statement, ChangeStatement):
            continue
        candidates: list[tuple[Decimal, str, Decimal, Decimal]] = []
        for measure in ("realisasi", "capaian"):
            before = values.get((measure, statement.indicator, statement.from_year), set())
            after = values.get((measure, statement.indicator, statement.to_year), set())
            for a in sorted(before):
                for b in sorted(after):
                    candidates.append((b - a, f"{measure}_poin", a, b))
                    relative = ratio(b - a, a)
                    if relative is not None:
                        candidates.append((relative, f"{measure}_persen", a, b))
        if not candidates:
            continue
        stated = statement.value if statement.value is not None else Decimal(0)
        sign = {"up": 1, "down": -1, "none": 0}[statement.direction]

        def gap(change: Decimal, stated: Decimal = stated, sign: int = sign) -> float:
            direction = (change > 0) - (change < 0)
            if sign == 0:
                return 0.0 if change == 0 else NO_MATCH
            if direction != sign:
                return NO_MATCH
            return float(gap_units(stated, abs(change)))

        change, basis, a, b = min(candidates, key=lambda c: (gap(c[0]), abs(abs(c[0]) - stated)))
        yield sheet.fact(
            "perubahan", statement.id, statement=statement.id, indicator=statement.indicator,
            from_year=statement.from_year, to_year=statement.to_year, direction=statement.direction,
            basis=basis, from_value=canonical(a), to_value=canonical(b), candidates=len(candidates),
            where=sheet.statement_where(n, "value"), stated=canonical(stated),
            expected=two_places(abs(change)), abs_diff=float(abs(abs(change) - stated)), gap_units=gap(change),
        )


def _values(groups: dict[tuple[str, str, int, str], list[Cell]]) -> dict[tuple[str, str, int], set[Decimal]]:
    """The values stated per (measure, indicator, year), whatever the document (Renstra targets aside)."""
    found: dict[tuple[str, str, int], set[Decimal]] = defaultdict(set)
    for (measure, indicator, year, stage), cells in groups.items():
        if not stage.startswith("renstra"):
            found[(measure, indicator, year)].update(c.value for c in cells if c.value is not None)
    return found


FAMILY = Family(
    kind="perubahan",
    difference="gap_units",
    fields={"abs_diff": "number", "gap_units": "number", "statement": "str", "indicator": "str",
            "from_year": "int", "to_year": "int", "direction": "str", "basis": "str", "candidates": "int"},
    shown={**COMMON_SHOWN, "from_value": "str", "to_value": "str"},
    derive=derive,
)
