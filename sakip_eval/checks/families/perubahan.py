"""`perubahan`: a stated change from one year to the next ("naik 4,86%") against every reading of the
tables that could give it: realisasi or capaian, in points or in percent of the earlier value. The fact
carries the closest reading with the stated direction; `gap_units` is NO_MATCH when no reading has it.

The closest reading is found per earlier value by bisecting the sorted later values around the value the
statement implies (its mirror, and no change): n log n in the distinct values the tables state, not their
product (thousands of tables stating one indicator made every pair a candidate)."""

from __future__ import annotations

from bisect import bisect_left
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
        stated = statement.value if statement.value is not None else Decimal(0)
        sign = {"up": 1, "down": -1, "none": 0}[statement.direction]
        # (order in which a scan of every pair meets it, change, basis, from value, to value)
        candidates: list[tuple[tuple[int, int, int, int], Decimal, str, Decimal, Decimal]] = []
        count = 0
        for m, measure in enumerate(("realisasi", "capaian")):
            before = sorted(values.get((measure, statement.indicator, statement.from_year), set()))
            after = sorted(values.get((measure, statement.indicator, statement.to_year), set()))
            count += len(before) * len(after) + sum(1 for a in before if a != 0) * len(after)
            for i, a in enumerate(before):
                for j in _nearest(after, [a, a + stated, a - stated]):
                    candidates.append(((m, i, j, 0), after[j] - a, f"{measure}_poin", a, after[j]))
                relative_targets = [a, a + stated * a / 100, a - stated * a / 100]
                for j in _nearest(after, relative_targets) if a != 0 else ():
                    relative = ratio(after[j] - a, a)
                    assert relative is not None
                    candidates.append(((m, i, j, 1), relative, f"{measure}_persen", a, after[j]))
        if not candidates:
            continue

        def gap(change: Decimal, stated: Decimal = stated, sign: int = sign) -> float:
            direction = (change > 0) - (change < 0)
            if sign == 0:
                return 0.0 if change == 0 else NO_MATCH
            if direction != sign:
                return NO_MATCH
            return float(gap_units(stated, abs(change)))

        _, change, basis, a, b = min(sorted(set(candidates)), key=lambda c: (gap(c[1]), abs(abs(c[1]) - stated)))
        yield sheet.fact(
            "perubahan", statement.id, statement=statement.id, indicator=statement.indicator,
            from_year=statement.from_year, to_year=statement.to_year, direction=statement.direction,
            basis=basis, from_value=canonical(a), to_value=canonical(b), candidates=count,
            where=sheet.statement_where(n, "value"), stated=canonical(stated),
            expected=two_places(abs(change)), abs_diff=float(abs(abs(change) - stated)), gap_units=gap(change),
        )


def _nearest(values: list[Decimal], targets: list[Decimal]) -> set[int]:
    """Indexes of the sorted `values` just below and just above each target."""
    found: set[int] = set()
    for target in targets:
        index = bisect_left(values, target)
        found.update(i for i in (index - 1, index) if 0 <= i < len(values))
    return found


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
