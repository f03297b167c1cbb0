"""`pegawai`: staff tables: each row's values against its total (`axis: row`) and each group's column
against the table's total row (`axis: column`). A dash means nobody: blank cells are left out of sums, a
row or column with no stated cell is not checked; a blank total with stated parts is `blank_total`."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip_eval.checks.arithmetic import canonical, compare
from sakip_eval.checks.family import COMMON_SHOWN, Family, NoParams
from sakip_eval.checks.sheet import BLANK, Sheet
from sakip_eval.engine.facts import Fact
from sakip_eval.model.lkjip import HeadcountRow


def derive(sheet: Sheet, params: NoParams) -> Iterator[Fact]:
    for h, head in enumerate(sheet.lkjip.headcounts):
        rows: list[tuple[str, tuple[int | str, ...], HeadcountRow]] = [("-", ("headcounts", h, "total"), head.total)]
        for g, group in enumerate(head.groups):
            rows += [(group.label, ("headcounts", h, "groups", g, "rows", r), row) for r, row in enumerate(group.rows)]
        for group_label, loc, row in rows:
            parts = _sum(row.values)
            if parts is None or "total" not in row.model_fields_set or (row.total is None and parts == 0):
                continue  # no total column (e.g. population by age), or nothing to add up
            where = sheet.at(head.title, group_label, None, row.label, (*loc, "total"))
            yield sheet.fact(
                "pegawai", f"{head.id}/{'/'.join(str(p) for p in loc[2:])}", table=head.id, group=group_label,
                axis="row", item=row.label, blank_total=row.total is None, where=where,
                stated=canonical(row.total) if row.total is not None else BLANK, expected=canonical(parts),
                abs_diff=float(abs(row.total - parts)) if row.total is not None else float(parts),
            )
        for g in range(len(head.groups)):
            yield from _columns(sheet, h, g)


def _columns(sheet: Sheet, h: int, g: int) -> Iterator[Fact]:
    head = sheet.lkjip.headcounts[h]
    group = head.groups[g]
    columns = [(name, head.total.values[j], _sum([row.values[j] for row in group.rows]))
               for j, name in enumerate(head.columns)]
    implied = [row.total if row.total is not None else _sum(row.values) for row in group.rows]
    columns.append(("total", head.total.total, _sum(implied)))
    for name, stated, parts in columns:
        if stated is None or parts is None:
            continue
        yield sheet.fact(
            "pegawai", f"{head.id}/groups/{g}/{name}", table=head.id, group=group.label, axis="column", item=name,
            blank_total=False, where=sheet.at(head.title, group.label, None, name, ("headcounts", h, "groups", g)),
            **compare(stated, parts),
        )


def _sum(values: list[Decimal | None]) -> Decimal | None:
    """Sum of the stated cells (a dash means nobody); None when all are blank."""
    stated = [v for v in values if v is not None]
    return sum(stated, Decimal(0)) if stated else None


FAMILY = Family(
    kind="pegawai",
    difference="abs_diff",
    fields={"abs_diff": "number", "table": "str", "axis": "str", "blank_total": "bool"},
    shown={**COMMON_SHOWN, "group": "str", "item": "str"},
    derive=derive,
)
