"""The arithmetic of the LKjIP consistency checks, derived into flat facts (DESIGN section 6).

durable-rules compares fields but cannot divide, sum or group, so this module does the arithmetic and
emits one fact per candidate inconsistency, with the stated value, the expected one and how far apart
they are. The check rules in `rules/<regime>/checks/` decide which facts become findings: the tolerance
lives there, as a threshold on `gap_units` or `abs_diff`.

- `gap_units`: distance between a stated value and the expected value rounded *or* truncated to the
  stated number of decimals, in units of the stated last decimal (102% for 102,76% is 0; 98% for
  97,06% is 1). Used where the document computes a value (capaian, percentages, efficiency, changes).
- `abs_diff`: plain distance, for values that must be identical (the same target in two tables, a
  total and the sum of its parts).

Missing is not zero: a blank cell never enters a computation; a total whose parts are not all stated
is not checked. CHECK_FACT_SCHEMA is the contract between this module and the check files
(`rules lint` reads it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cached_property
from itertools import pairwise
from typing import Any

from sakip_eval.io.yamlread import Document
from sakip_eval.model.lkjip import (
    BudgetStatement,
    ChangeStatement,
    CountStatement,
    HeadcountRow,
    HeadcountStatement,
    IndicatorStatement,
    Lkjip,
    Source,
)
from sakip_eval.numbers import NumberFormatError, parse_number, places

Fact = dict[str, Any]
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
NO_MATCH = 1_000_000.0  # gap_units when no candidate exists with the stated direction

# The LKjIP measures against the PK perubahan (it says so), so its own tables' targets belong to that stage.
STAGE_OF_SOURCE: dict[Source, str] = {
    "pk_awal": "pk_awal", "pk_perubahan": "pk_perubahan", "lkjip": "pk_perubahan",
    "renja": "renja", "renstra": "renstra",
}
MEASURED = "pk_perubahan"

_COMMON = {"ref": "str", "name": "str", "where": "str", "stated": "str", "expected": "str", "abs_diff": "int"}
CHECK_FACT_SCHEMA: dict[str, dict[str, str]] = {
    "capaian": {**_COMMON, "gap_units": "int", "indicator": "str", "year": "int", "table": "str",
                "target": "str", "realisasi": "str", "direction": "str"},
    "beda_nilai": {**_COMMON, "measure": "str", "stage": "str", "indicator": "str", "year": "int",
                   "reference_where": "str", "by_reference": "bool", "cells": "int"},
    "persen_anggaran": {**_COMMON, "gap_units": "int", "basis": "str", "line": "str", "year": "int",
                        "table": "str", "amount": "str", "base": "str"},
    "beda_anggaran": {**_COMMON, "measure": "str", "stage": "str", "line": "str", "year": "int",
                      "reference_where": "str", "cells": "int"},
    "jumlah_rincian": {**_COMMON, "measure": "str", "basis": "str", "line": "str", "year": "int",
                       "table": "str", "parts": "int"},
    "narasi": {**_COMMON, "gap_units": "int", "statement": "str", "measure": "str", "subject": "str",
               "year": "int", "reference_where": "str"},
    "perubahan": {**_COMMON, "gap_units": "int", "statement": "str", "indicator": "str", "from_year": "int",
                  "to_year": "int", "direction": "str", "basis": "str", "from_value": "str", "to_value": "str",
                  "candidates": "int"},
    "hitungan": {**_COMMON, "statement": "str", "what": "str", "table": "str", "year": "int", "unknown": "int"},
    "data_usang": {**_COMMON, "what": "str", "subject": "str", "year": "int", "basis": "str",
                   "previous_where": "str"},
    "sumber_usang": {**_COMMON, "table": "str", "data_year": "int", "year": "int", "lag": "int", "plain": "bool"},
    "efisiensi": {**_COMMON, "gap_units": "int", "indicator": "str", "year": "int", "table": "str",
                  "capaian": "str", "penyerapan": "str"},
    "renstra": {**_COMMON, "indicator": "str", "year": "int", "reference_where": "str", "by_reference": "bool"},
    "renstra_target": {**_COMMON, "stage": "str", "indicator": "str", "year": "int", "reference_where": "str"},
    "rencana_berubah": {**_COMMON, "from_stage": "str", "to_stage": "str", "indicator": "str", "year": "int",
                        "recorded": "bool", "reference_where": "str"},
    "pegawai": {**_COMMON, "table": "str", "group": "str", "axis": "str", "item": "str", "blank_total": "bool"},
    "pembanding": {"ref": "str", "name": "str", "where": "str", "table": "str", "comparison": "str", "rows": "int",
                   "filled": "int", "stated": "str", "expected": "str"},
    "angka_tertulis": {"ref": "str", "name": "str", "where": "str", "table": "str", "subject": "str", "measure": "str",
                       "stated": "str", "expected": "str", "readable": "bool"},
    "tertukar": {**_COMMON, "line": "str", "other_line": "str", "other_name": "str", "year": "int", "other_year": "int",
                 "mismatch_ratio": "int", "change_ratio": "int"},
}
# Fact fields holding numbers as canonical decimal strings: messages show them Indonesian or English style
# (unless the fact says `plain: true`, as for years).
NUMBER_FIELDS = frozenset({
    "stated", "expected", "target", "realisasi", "amount", "base", "from_value", "to_value", "capaian",
    "penyerapan",
})
# Values of `stated`/`expected` that are words, shown through i18n keys `check.value.<token>`; a cell
# as written in the document is quoted (“25.800.00”) so that it is never read back as a number.
BLANK = "blank"
FRESH = "fresh"


# -- arithmetic -----------------------------------------------------------------------------------------
def canonical(value: Decimal) -> str:
    return format(value, "f")


def gap_units(stated: Decimal, expected: Decimal) -> Decimal:
    """How many units of the stated last decimal separate `stated` from `expected` rounded half-up or
    truncated to the stated precision (the two conventions LKjIP tables use)."""
    unit = Decimal(1).scaleb(-places(stated))
    rounded = expected.quantize(unit, ROUND_HALF_UP)
    truncated = expected.quantize(unit, ROUND_DOWN)
    return min(abs(stated - rounded), abs(stated - truncated)) / unit


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator / denominator x 100, or None when the denominator is zero."""
    return None if denominator == 0 else numerator / denominator * HUNDRED


def achievement(target: Decimal, realisasi: Decimal, direction: str) -> Decimal | None:
    """Capaian: realisasi / target x 100, the inverse for lower-is-better indicators."""
    return ratio(realisasi, target) if direction == "higher" else ratio(target, realisasi)


def _display2(value: Decimal) -> str:
    return canonical(value.quantize(CENT, ROUND_HALF_UP))


# -- cells: every stated value with where it stands ------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """One stated value (or a blank cell) of a table, with everything needed to group and locate it."""

    table: str
    title: str
    label: str
    subject: str
    year: int
    target_year: int
    measure: str
    value: Decimal | None
    line: int | None
    stage: str
    reference: bool
    order: int

    def where(self, file: str) -> str:
        year = self.target_year if self.measure == "target" else self.year
        return _location([self.title, self.label, str(year), self.measure], file, self.line)


def _location(parts: list[str], file: str, line: int | None) -> str:
    """`Tabel 3.1 … › IP ASN › 2024 › capaian (lkjip.yaml:120)`: where a user finds the cell."""
    return f"{' › '.join(p for p in parts if p)} ({file}:{line or '?'})"


def _where(cells: Iterable[Cell], file: str) -> str:
    """One cell in full; several as `title (file:line)` each, so that a long list stays readable."""
    listed = list(cells)
    if len(listed) == 1:
        return listed[0].where(file)
    return "; ".join(f"{c.title} ({file}:{c.line or '?'})" for c in listed)


@dataclass(frozen=True)
class Split:
    """A group of cells that should agree, split into the reference value and one deviating value."""

    value: Decimal
    cells: list[Cell]
    reference: Decimal
    reference_cells: list[Cell]
    by_reference: bool


def reference_value(cells: list[Cell]) -> tuple[Decimal, bool] | None:
    """The value a group should have: the one a reference document states, else the most frequent (ties:
    the first in the file). None when no cell has a value."""
    stated = [c for c in cells if c.value is not None]
    if not stated:
        return None
    refs = [c.value for c in stated if c.reference and c.value is not None]
    if refs:
        return refs[0], True
    counts = Counter(c.value for c in stated)
    best = max(counts.values())
    first = next(c.value for c in sorted(stated, key=lambda c: c.order) if counts[c.value] == best)
    assert first is not None
    return first, False


def splits(cells: list[Cell]) -> Iterator[Split]:
    """Every value of the group that differs from the group's reference value."""
    found = reference_value(cells)
    if found is None:
        return
    reference, by_reference = found
    by_value: dict[Decimal, list[Cell]] = defaultdict(list)
    for cell in cells:
        if cell.value is not None:
            by_value[cell.value].append(cell)
    for value, group in sorted(by_value.items(), key=lambda kv: min(c.order for c in kv[1])):
        if value != reference:
            yield Split(value, group, reference, by_value[reference], by_reference)


class Deriver:
    """Derives every check fact of one lkjip.yaml for one performance year."""

    def __init__(self, lkjip: Lkjip, doc: Document, year: int) -> None:
        self.lkjip = lkjip
        self.doc = doc
        self.year = year
        self.file = doc.path.name
        self.directions = {i.id: i.direction for i in lkjip.indicators}
        self.names = {i.id: i.name for i in lkjip.indicators}
        self.line_names = {b.id: b.name for b in lkjip.budget_lines}
        self.parents = {b.id: b.parent for b in lkjip.budget_lines}
        self.value_cells = list(self._value_cells())
        self.budget_cells = list(self._budget_cells())

    # -- collection ---------------------------------------------------------------------------------------
    def _value_cells(self) -> Iterator[Cell]:
        order = 0
        for t, table in enumerate(self.lkjip.tables):
            for r, row in enumerate(table.rows):
                year = self._year(row.year, table.year)
                for measure in ("target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding"):
                    if measure not in row.model_fields_set:
                        continue
                    order += 1
                    yield Cell(
                        table.id, table.title, row.label or self.names[row.indicator], row.indicator, year,
                        table.target_year or year, measure, getattr(row, measure),
                        self.doc.line_of(("tables", t, "rows", r, measure)), STAGE_OF_SOURCE[table.source],
                        table.reference, order,
                    )

    def _budget_cells(self) -> Iterator[Cell]:
        order = 0
        for t, table in enumerate(self.lkjip.budgets):
            for r, row in enumerate(table.rows):
                year = self._year(row.year, table.year)
                values = {"pagu": row.total_pagu, "realisasi": row.realisasi, "persen": row.persen}
                for measure, value in values.items():
                    stated = measure in row.model_fields_set or (measure == "pagu" and bool(row.funds))
                    if not stated:
                        continue
                    order += 1
                    key = "funds" if measure == "pagu" and row.pagu is None else measure
                    yield Cell(
                        table.id, table.title, row.label or self.line_names[row.line], row.line, year, year,
                        measure, value, self.doc.line_of(("budgets", t, "rows", r, key)), table.stage, False, order,
                    )

    def _year(self, *years: int | None) -> int:
        """The first stated year of row, table...; the performance year when none is."""
        return next((y for y in years if y is not None), self.year)

    def _at(self, title: str, label: str, year: int | None, measure: str, loc: tuple[int | str, ...]) -> str:
        return _location([title, label, "" if year is None else str(year), measure], self.file, self.doc.line_of(loc))

    def _statement_where(self, index: int, measure: str | None = None) -> str:
        statement = self.lkjip.narratives[index]
        loc: tuple[int | str, ...] = ("narratives", index) + ((measure,) if measure else ())
        return f"{statement.section} › “{statement.text}” ({self.file}:{self.doc.line_of(loc) or '?'})"

    # -- all families ---------------------------------------------------------------------------------
    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        for family in (
            self.capaian, self.beda_nilai, self.persen_anggaran, self.beda_anggaran, self.jumlah_rincian,
            self.narasi, self.perubahan, self.hitungan, self.data_usang, self.sumber_usang, self.efisiensi,
            self.renstra, self.renstra_target, self.rencana_berubah, self.pegawai, self.pembanding,
            self.angka_tertulis, self.tertukar,
        ):
            out.extend(family())
        return out

    def _fact(self, kind: str, ref: str, **fields: Any) -> Fact:
        """A fact with its `name`: the indicator's or budget line's name, for messages."""
        subject = str(fields.get("indicator") or fields.get("line") or fields.get("subject") or "")
        extra = {"name": self.names.get(subject) or self.line_names.get(subject) or subject}
        if "other_line" in fields:
            extra["other_name"] = self.line_names[fields["other_line"]]
        return {"id": f"{kind}:{ref}", "kind": kind, "ref": ref, **extra, **fields}

    @staticmethod
    def _compare(stated: Decimal, expected: Decimal, computed: bool = False) -> dict[str, Any]:
        """The comparison fields; a `computed` expected value (a ratio) is shown with two decimals."""
        return {
            "stated": canonical(stated), "expected": _display2(expected) if computed else canonical(expected),
            "abs_diff": float(abs(stated - expected)), "gap_units": float(gap_units(stated, expected)),
        }

    # -- capaian = realisasi / target x 100 ---------------------------------------------------------------
    def capaian(self) -> Iterator[Fact]:
        rows: list[tuple[str, str, int, Decimal | None, Decimal | None, Decimal | None, str]] = []
        for t, table in enumerate(self.lkjip.tables):
            for r, row in enumerate(table.rows):
                year = self._year(row.year, table.year)
                where = self._at(table.title, row.label or self.names[row.indicator], year, "capaian",
                                 ("tables", t, "rows", r, "capaian"))
                rows.append((table.id, row.indicator, year, row.target, row.realisasi, row.capaian, where))
        for n, statement in enumerate(self.lkjip.narratives):
            if isinstance(statement, IndicatorStatement):
                rows.append((statement.id, statement.indicator, self._year(statement.year), statement.target,
                             statement.realisasi, statement.capaian, self._statement_where(n, "capaian")))
        for table_id, indicator, year, target, realisasi, stated, where in rows:
            if target is None or realisasi is None or stated is None:
                continue
            expected = achievement(target, realisasi, self.directions[indicator])
            if expected is None:
                continue
            yield self._fact(
                "capaian", f"{table_id}/{indicator}/{year}", where=where, indicator=indicator, year=year,
                table=table_id, target=canonical(target), realisasi=canonical(realisasi),
                direction=self.directions[indicator], **self._compare(stated, expected, computed=True),
            )

    # -- the same indicator, year and measure across tables -----------------------------------------------
    @cached_property
    def value_groups(self) -> dict[tuple[str, str, int, str], list[Cell]]:
        """Targets by (indicator, target year, stage); realisations by (indicator, year); capaian by
        (indicator, year, stage and target year, since a capaian depends on its target)."""
        groups: dict[tuple[str, str, int, str], list[Cell]] = defaultdict(list)
        for cell in self.value_cells:
            if cell.measure == "target":
                groups[("target", cell.subject, cell.target_year, cell.stage)].append(cell)
            elif cell.measure == "realisasi":
                groups[("realisasi", cell.subject, cell.year, "")].append(cell)
            elif cell.measure == "capaian":
                groups[("capaian", cell.subject, cell.year, _capaian_stage(cell.stage, cell.year, cell.target_year))
                       ].append(cell)
        return groups

    def beda_nilai(self) -> Iterator[Fact]:
        for (measure, indicator, year, stage), cells in self.value_groups.items():
            if stage == "renstra":
                continue  # the Renstra families compare these against the Renstra matrix
            for split in splits(cells):
                yield self._fact(
                    "beda_nilai", f"{measure}/{indicator}/{year}/{stage or 'all'}/{canonical(split.value)}",
                    measure=measure, stage=stage.split("@")[0] or "all", indicator=indicator, year=year,
                    where=_where(split.cells, self.file), reference_where=_where(split.reference_cells, self.file),
                    by_reference=split.by_reference, cells=len(cells),
                    **self._compare(split.value, split.reference),
                )

    # -- budget percentages, shares, cross-table amounts, totals ------------------------------------------
    def persen_anggaran(self) -> Iterator[Fact]:
        for t, table in enumerate(self.lkjip.budgets):
            for r, row in enumerate(table.rows):
                year = self._year(row.year, table.year)
                pagu = row.total_pagu
                label = row.label or self.line_names[row.line]
                if row.persen is not None and pagu is not None and row.realisasi is not None:
                    expected = ratio(row.realisasi, pagu)
                    if expected is not None:
                        yield self._fact(
                            "persen_anggaran", f"{table.id}/{row.line}/{year}/persen", basis="realisasi",
                            line=row.line, year=year, table=table.id, amount=canonical(row.realisasi),
                            base=canonical(pagu), where=self._at(table.title, label, year, "persen",
                                                                 ("budgets", t, "rows", r, "persen")),
                            **self._compare(row.persen, expected, computed=True),
                        )
                if row.share is not None and pagu is not None and table.share_of is not None:
                    total = self._share_total(table.id, table.share_of, year, table.stage)
                    expected = ratio(pagu, total) if total is not None else None
                    if total is not None and expected is not None:
                        yield self._fact(
                            "persen_anggaran", f"{table.id}/{row.line}/{year}/share", basis="share", line=row.line,
                            year=year, table=table.id, amount=canonical(pagu), base=canonical(total),
                            where=self._at(table.title, label, year, "share", ("budgets", t, "rows", r, "share")),
                            **self._compare(row.share, expected, computed=True),
                        )

    def _share_total(self, table_id: str, line: str, year: int, stage: str) -> Decimal | None:
        """The total a share is taken of: the line in the same table, else the agreed value elsewhere."""
        pagus = [c for c in self.budget_cells if c.subject == line and c.year == year and c.measure == "pagu"]
        own = [c.value for c in pagus if c.table == table_id and c.value is not None]
        if own:
            return own[0]
        found = reference_value([c for c in pagus if c.stage == stage])
        return found[0] if found else None

    def beda_anggaran(self) -> Iterator[Fact]:
        groups: dict[tuple[str, int, str, str], list[Cell]] = defaultdict(list)
        for cell in self.budget_cells:
            groups[(cell.subject, cell.year, cell.stage, cell.measure)].append(cell)
        for (line, year, stage, measure), cells in groups.items():
            for split in splits(cells):
                yield self._fact(
                    "beda_anggaran", f"{measure}/{line}/{year}/{stage}/{canonical(split.value)}", measure=measure,
                    stage=stage, line=line, year=year, where=_where(split.cells, self.file),
                    reference_where=_where(split.reference_cells, self.file), cells=len(cells),
                    **self._compare(split.value, split.reference),
                )

    def _in_table_parent(self, line: str, present: set[str]) -> str | None:
        """The nearest ancestor of `line` (through `budget_lines`) that the same table lists."""
        parent = self.parents.get(line)
        seen: set[str] = set()
        while parent is not None and parent not in present and parent not in seen:
            seen.add(parent)
            parent = self.parents.get(parent)
        return parent if parent in present else None

    def jumlah_rincian(self) -> Iterator[Fact]:
        for t, table in enumerate(self.lkjip.budgets):
            for r, row in enumerate(table.rows):
                if row.funds and row.pagu is not None:
                    year = self._year(row.year, table.year)
                    yield self._fact(
                        "jumlah_rincian", f"{table.id}/{row.line}/{year}/pagu/funds", measure="pagu", basis="funds",
                        line=row.line, year=year, table=table.id, parts=len(row.funds),
                        where=self._at(table.title, row.label or self.line_names[row.line], year, "pagu",
                                       ("budgets", t, "rows", r, "pagu")),
                        **self._compare(row.pagu, sum(row.funds.values(), Decimal(0))),
                    )
            if not table.complete:
                continue
            by_year: dict[int, list[int]] = defaultdict(list)
            for r, row in enumerate(table.rows):
                by_year[self._year(row.year, table.year)].append(r)
            for year, indexes in by_year.items():
                yield from self._totals(t, year, indexes)

    def _totals(self, t: int, year: int, indexes: list[int]) -> Iterator[Fact]:
        table = self.lkjip.budgets[t]
        rows = {table.rows[r].line: r for r in reversed(indexes)}
        children: dict[str, list[int]] = defaultdict(list)
        for r in indexes:
            parent = self._in_table_parent(table.rows[r].line, set(rows))
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
                yield self._fact(
                    "jumlah_rincian", f"{table.id}/{parent}/{year}/{measure}", measure=measure, basis="lines",
                    line=parent, year=year, table=table.id, parts=len(parts),
                    where=self._at(table.title, prow.label or self.line_names[parent], year, measure,
                                   ("budgets", t, "rows", rows[parent], measure)),
                    **self._compare(stated, expected),
                )

    # -- narratives -----------------------------------------------------------------------------------------
    def narasi(self) -> Iterator[Fact]:
        groups = self.value_groups
        for n, statement in enumerate(self.lkjip.narratives):
            if isinstance(statement, IndicatorStatement):
                year = self._year(statement.year)
                keys = {
                    "target": ("target", statement.indicator, year, MEASURED),
                    "realisasi": ("realisasi", statement.indicator, year, ""),
                    "capaian": ("capaian", statement.indicator, year, _capaian_stage(MEASURED, year, year)),
                }
                for measure, key in keys.items():
                    value = getattr(statement, measure)
                    if value is not None:
                        yield from self._narrative_fact(n, measure, statement.indicator, year, value,
                                                        groups.get(key, []))
            elif isinstance(statement, BudgetStatement):
                yield from self._budget_narrative(n, statement)
            elif isinstance(statement, HeadcountStatement):
                table = next(h for h in self.lkjip.headcounts if h.id == statement.table)
                total = table.total.total
                if total is not None:
                    yield self._fact(
                        "narasi", f"{statement.id}/total", statement=statement.id, measure="total",
                        subject=table.id, year=self.year, where=self._statement_where(n, "total"),
                        reference_where=_location([table.title, table.total.label], self.file,
                                                  self._headcount_line(table.id)),
                        **self._compare(statement.total, total),
                    )

    def _headcount_line(self, table_id: str) -> int | None:
        index = next(i for i, h in enumerate(self.lkjip.headcounts) if h.id == table_id)
        return self.doc.line_of(("headcounts", index, "total", "total"))

    def _narrative_fact(
        self, n: int, measure: str, subject: str, year: int, value: Decimal, cells: list[Cell],
    ) -> Iterator[Fact]:
        """A narrative value contradicts the tables when it matches none of the values they state for the
        same thing (rounding allowed: a sentence may round); the expected value is the tables' reference."""
        found = reference_value(cells)
        if found is None:
            return
        stated_values = {c.value for c in cells if c.value is not None}
        gap = min(gap_units(value, v) for v in stated_values)
        matching = [c for c in cells if c.value == found[0]]
        statement = self.lkjip.narratives[n]
        yield self._fact(
            "narasi", f"{statement.id}/{measure}", statement=statement.id, measure=measure, subject=subject,
            year=year, where=self._statement_where(n, measure), reference_where=_where(matching, self.file),
            **{**self._compare(value, found[0]), "gap_units": float(gap)},
        )

    def _budget_narrative(self, n: int, statement: BudgetStatement) -> Iterator[Fact]:
        year = self._year(statement.year)
        cells = [c for c in self.budget_cells if c.subject == statement.line and c.year == year and c.stage == "papbd"]
        for measure in ("pagu", "realisasi", "persen"):
            value = getattr(statement, measure)
            if value is not None:
                yield from self._narrative_fact(n, measure, statement.line, year, value,
                                                [c for c in cells if c.measure == measure])
        sisa = statement.sisa
        pagus = [c for c in cells if c.measure == "pagu" and c.value is not None]
        reals = [c for c in cells if c.measure == "realisasi" and c.value is not None]
        if sisa is not None and pagus and reals:
            # The remaining budget the tables give: pagu - realisasi for the pair that comes closest.
            pagu, real = min(((p, q) for p in pagus for q in reals),
                             key=lambda pq: gap_units(sisa, _value(pq[0]) - _value(pq[1])))
            yield self._fact(
                "narasi", f"{statement.id}/sisa", statement=statement.id, measure="sisa", subject=statement.line,
                year=year, where=self._statement_where(n, "sisa"), reference_where=_where([pagu, real], self.file),
                **self._compare(sisa, _value(pagu) - _value(real)),
            )

    def perubahan(self) -> Iterator[Fact]:
        """A stated change from one year to the next matches when some reading of the tables gives it:
        realisasi or capaian, in points or in percent of the earlier value, with the stated direction."""
        groups = self.value_groups
        for n, statement in enumerate(self.lkjip.narratives):
            if not isinstance(statement, ChangeStatement):
                continue
            candidates: list[tuple[Decimal, str, Decimal, Decimal]] = []
            for measure in ("realisasi", "capaian"):
                before = self._year_values(groups, measure, statement.indicator, statement.from_year)
                after = self._year_values(groups, measure, statement.indicator, statement.to_year)
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
            yield self._fact(
                "perubahan", statement.id, statement=statement.id, indicator=statement.indicator,
                from_year=statement.from_year, to_year=statement.to_year, direction=statement.direction,
                basis=basis, from_value=canonical(a), to_value=canonical(b), candidates=len(candidates),
                where=self._statement_where(n, "value"), stated=canonical(stated),
                expected=_display2(abs(change)), abs_diff=float(abs(abs(change) - stated)), gap_units=gap(change),
            )

    @staticmethod
    def _year_values(groups: dict[tuple[str, str, int, str], list[Cell]], measure: str, indicator: str,
                     year: int) -> set[Decimal]:
        return {
            c.value for key, cells in groups.items() if key[0] == measure and key[1] == indicator and key[2] == year
            and not key[3].startswith("renstra") for c in cells if c.value is not None
        }

    def hitungan(self) -> Iterator[Fact]:
        """Counts stated in a sentence ("7 indikator ... seluruh tercapai ... 4 mengalami kenaikan") against
        the rows of the table it speaks of; rows without the data leave a range, not a contradiction."""
        for n, statement in enumerate(self.lkjip.narratives):
            if not isinstance(statement, CountStatement):
                continue
            table = next(tb for tb in self.lkjip.tables if tb.id == statement.table)
            year = self._year(statement.year, table.year)
            rows = {row.indicator: row for row in table.rows if self._year(row.year, table.year) == year}
            before = {row.indicator: row for row in table.rows if self._year(row.year, table.year) == year - 1}
            known: dict[str, tuple[int, int]] = {"indicators": (len(rows), 0)}
            achieved = [achievement(r.target, r.realisasi, self.directions[i])
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
                yield self._fact(
                    "hitungan", f"{statement.id}/{what}", statement=statement.id, what=what, table=table.id,
                    year=year, unknown=unknown, where=self._statement_where(n, what), stated=str(stated),
                    expected=str(low) if unknown == 0 else f"{low}-{high}", abs_diff=float(distance),
                )

    # -- stale data -------------------------------------------------------------------------------------
    def data_usang(self) -> Iterator[Fact]:
        """A year's value equal to the previous year's while that year's own cell is blank somewhere, or
        while other tables state a different value for the year: the previous year's figure carried over."""
        for what, cells in (("indicator", self.value_cells), ("budget", self.budget_cells)):
            groups: dict[tuple[str, int], list[Cell]] = defaultdict(list)
            for cell in cells:
                if cell.measure == "realisasi":
                    groups[(cell.subject, cell.year)].append(cell)
            for (subject, year), group in groups.items():
                previous = [c for c in groups.get((subject, year - 1), []) if c.value is not None]
                found = reference_value(group)
                if not previous or found is None:
                    continue
                blanks = [c for c in group if c.value is None]
                for value in sorted({c.value for c in group if c.value is not None}):
                    old = [c for c in previous if c.value == value]
                    if not old or (not blanks and value == found[0]):
                        continue
                    stating = [c for c in group if c.value == value]
                    yield self._fact(
                        "data_usang", f"{what}/{subject}/{year}/{canonical(value)}", what=what, subject=subject,
                        year=year, basis="blank" if blanks else "differs",
                        where=_where(stating + blanks, self.file), previous_where=_where(old, self.file),
                        stated=canonical(value), expected=FRESH if blanks else canonical(found[0]), abs_diff=0.0,
                    )

    def sumber_usang(self) -> Iterator[Fact]:
        sections: list[tuple[str, str, int | None, int | None, tuple[int | str, ...]]] = []
        sections += [(t.id, t.title, t.data_year, t.year, ("tables", i)) for i, t in enumerate(self.lkjip.tables)]
        sections += [(b.id, b.title, b.data_year, b.year, ("budgets", i)) for i, b in enumerate(self.lkjip.budgets)]
        sections += [(h.id, h.title, h.data_year, None, ("headcounts", i)) for i, h in enumerate(self.lkjip.headcounts)]
        for table_id, title, data_year, year, loc in sections:
            if data_year is None:
                continue
            year = self._year(year)
            yield self._fact(
                "sumber_usang", table_id, table=table_id, data_year=data_year, year=year, lag=year - data_year,
                where=self._at(title, "data_year", None, "", (*loc, "data_year")), stated=str(data_year),
                expected=str(year), plain=True,
                abs_diff=float(abs(year - data_year)),
            )

    def efisiensi(self) -> Iterator[Fact]:
        for t, table in enumerate(self.lkjip.tables):
            for r, row in enumerate(table.rows):
                if row.efisiensi is None or row.capaian is None or row.penyerapan is None:
                    continue
                year = self._year(row.year, table.year)
                yield self._fact(
                    "efisiensi", f"{table.id}/{row.indicator}/{year}", indicator=row.indicator, year=year,
                    table=table.id, capaian=canonical(row.capaian), penyerapan=canonical(row.penyerapan),
                    where=self._at(table.title, row.label or self.names[row.indicator], year, "efisiensi",
                                   ("tables", t, "rows", r, "efisiensi")),
                    **self._compare(row.efisiensi, row.capaian - row.penyerapan),
                )

    # -- plans: Renstra matrix, PK awal, PK perubahan, Renja ---------------------------------------------
    @cached_property
    def stage_targets(self) -> dict[tuple[str, int, str], list[Cell]]:
        groups: dict[tuple[str, int, str], list[Cell]] = defaultdict(list)
        for cell in self.value_cells:
            if cell.measure == "target":
                groups[(cell.subject, cell.target_year, cell.stage)].append(cell)
        return groups

    def renstra(self) -> Iterator[Fact]:
        for (indicator, year, stage), cells in self.stage_targets.items():
            if stage != "renstra":
                continue
            for split in splits(cells):
                yield self._fact(
                    "renstra", f"{indicator}/{year}/{canonical(split.value)}", indicator=indicator, year=year,
                    where=_where(split.cells, self.file), reference_where=_where(split.reference_cells, self.file),
                    by_reference=split.by_reference, **self._compare(split.value, split.reference),
                )

    def renstra_target(self) -> Iterator[Fact]:
        """The target a plan sets for a year against the Renstra matrix's target for that year."""
        groups = self.stage_targets
        for (indicator, year, stage), cells in groups.items():
            if stage != "renstra":
                continue
            matrix = [c for c in cells if c.reference and c.value is not None]
            if not matrix:
                continue
            for other in (MEASURED, "renja"):
                found = reference_value(groups.get((indicator, year, other), []))
                if found is None or found[0] == matrix[0].value:
                    continue
                assert matrix[0].value is not None
                stating = [c for c in groups[(indicator, year, other)] if c.value == found[0]]
                yield self._fact(
                    "renstra_target", f"{other}/{indicator}/{year}", stage=other, indicator=indicator, year=year,
                    where=_where(stating, self.file), reference_where=_where(matrix, self.file),
                    **self._compare(found[0], matrix[0].value),
                )

    def rencana_berubah(self) -> Iterator[Fact]:
        """PK awal and Renja targets against the PK perubahan (or, without one, Renja against PK awal)."""
        groups = self.stage_targets
        keys = sorted({(indicator, year) for indicator, year, _ in groups})
        for indicator, year in keys:
            values = {stage: reference_value(groups.get((indicator, year, stage), []))
                      for stage in ("pk_awal", MEASURED, "renja")}
            to_stage = MEASURED if values[MEASURED] is not None else "pk_awal"
            target = values[to_stage]
            if target is None:
                continue
            for from_stage in ("pk_awal", "renja"):
                found = values[from_stage]
                if from_stage == to_stage or found is None or found[0] == target[0]:
                    continue
                recorded = any(
                    c.year == year and c.indicator in (None, indicator) and c.from_source == from_stage
                    and STAGE_OF_SOURCE[c.to_source] == to_stage for c in self.lkjip.changes
                )
                yield self._fact(
                    "rencana_berubah", f"{from_stage}/{to_stage}/{indicator}/{year}", from_stage=from_stage,
                    to_stage=to_stage, indicator=indicator, year=year, recorded=recorded,
                    where=_where([c for c in groups[(indicator, year, from_stage)] if c.value == found[0]], self.file),
                    reference_where=_where([c for c in groups[(indicator, year, to_stage)] if c.value == target[0]],
                                           self.file),
                    **self._compare(found[0], target[0]),
                )

    # -- staff tables, comparison tables, unreadable cells, swapped amounts --------------------------------
    def pegawai(self) -> Iterator[Fact]:
        for h, head in enumerate(self.lkjip.headcounts):
            rows: list[tuple[str, tuple[int | str, ...], HeadcountRow]] = [
                ("-", ("headcounts", h, "total"), head.total)]
            for g, group in enumerate(head.groups):
                rows += [(group.label, ("headcounts", h, "groups", g, "rows", r), row)
                         for r, row in enumerate(group.rows)]
            for group_label, loc, row in rows:
                parts = _sum(row.values)
                if parts is None or "total" not in row.model_fields_set or (row.total is None and parts == 0):
                    continue  # no total column (e.g. population by age), or nothing to add up
                where = self._at(head.title, group_label, None, row.label, (*loc, "total"))
                yield self._fact(
                    "pegawai", f"{head.id}/{'/'.join(str(p) for p in loc[2:])}", table=head.id, group=group_label,
                    axis="row", item=row.label, blank_total=row.total is None, where=where,
                    stated=canonical(row.total) if row.total is not None else BLANK, expected=canonical(parts),
                    abs_diff=float(abs(row.total - parts)) if row.total is not None else float(parts),
                )
            for g in range(len(head.groups)):
                yield from self._headcount_columns(h, g)

    def _headcount_columns(self, h: int, g: int) -> Iterator[Fact]:
        head = self.lkjip.headcounts[h]
        group = head.groups[g]
        columns = [(name, head.total.values[j], _sum([row.values[j] for row in group.rows]))
                   for j, name in enumerate(head.columns)]
        implied = [row.total if row.total is not None else _sum(row.values) for row in group.rows]
        columns.append(("total", head.total.total, _sum(implied)))
        for name, stated, parts in columns:
            if stated is None or parts is None:
                continue
            yield self._fact(
                "pegawai", f"{head.id}/groups/{g}/{name}", table=head.id, group=group.label, axis="column", item=name,
                blank_total=False, where=self._at(head.title, group.label, None, name, ("headcounts", h, "groups", g)),
                **self._compare(stated, parts),
            )

    def pembanding(self) -> Iterator[Fact]:
        for t, table in enumerate(self.lkjip.tables):
            if table.comparison is None:
                continue
            filled = sum(1 for row in table.rows if row.pembanding is not None)
            yield self._fact(
                "pembanding", table.id, table=table.id, comparison=table.comparison, rows=len(table.rows),
                filled=filled, where=self._at(table.title, "pembanding", None, "", ("tables", t, "comparison")),
                stated=str(filled),
                expected=str(len(table.rows)),
            )

    def angka_tertulis(self) -> Iterator[Fact]:
        sections: list[tuple[str, str, str, int, tuple[int | str, ...], dict[str, str], Any]] = []
        for t, table in enumerate(self.lkjip.tables):
            for r, row in enumerate(table.rows):
                sections.append((table.id, table.title, row.indicator, self._year(row.year, table.year),
                                 ("tables", t, "rows", r), row.written, row))
        for t, budget in enumerate(self.lkjip.budgets):
            for r, brow in enumerate(budget.rows):
                sections.append((budget.id, budget.title, brow.line, self._year(brow.year, budget.year),
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
                    pool = self.budget_cells if loc[0] == "budgets" else self.value_cells
                    found = reference_value([c for c in pool if c.subject == subject and c.year == year
                                             and c.measure == measure and c.table != table_id])
                    reading = found[0] if found else None
                yield self._fact(
                    "angka_tertulis", f"{table_id}/{'/'.join(str(p) for p in loc[2:])}/{measure}", table=table_id,
                    subject=subject, measure=measure, readable=readable, stated=f"“{text}”",
                    expected=canonical(reading) if reading is not None else BLANK,
                    where=self._at(title, getattr(row, "label", None) or subject, year, measure,
                                   (*loc, "written", measure)),
                )

    def tertukar(self) -> Iterator[Fact]:
        """Two sibling lines whose amounts in one year look like each other's in the next year."""
        pagu: dict[tuple[str, int], Cell] = {}
        groups: dict[tuple[str, int], list[Cell]] = defaultdict(list)
        for cell in self.budget_cells:
            if cell.measure == "pagu":
                groups[(cell.subject, cell.year)].append(cell)
        for key, cells in groups.items():
            found = reference_value(cells)
            if found is not None:
                pagu[key] = next(c for c in cells if c.value == found[0])
        siblings: dict[str | None, list[str]] = defaultdict(list)
        for line in self.lkjip.budget_lines:
            siblings[line.parent].append(line.id)
        for lines in siblings.values():
            for i, a in enumerate(lines):
                for b in lines[i + 1:]:
                    yield from self._swap(pagu, a, b)

    def _swap(self, pagu: dict[tuple[str, int], Cell], a: str, b: str) -> Iterator[Fact]:
        years = sorted({y for (line, y) in pagu if line == a} & {y for (line, y) in pagu if line == b})
        for year, later in pairwise(years):
            cells = (pagu[(a, year)], pagu[(b, year)], pagu[(a, later)], pagu[(b, later)])
            a0, b0, a1, b1 = (c.value for c in cells)
            if a0 is None or b0 is None or a1 is None or b1 is None or min(a0, b0, a1, b1) <= 0:
                continue
            mismatch = max(abs(a0 - b1) / b1, abs(b0 - a1) / a1)
            change = max(a0 / a1, a1 / a0)
            if mismatch > Decimal("0.5"):
                continue
            yield self._fact(
                "tertukar", f"{a}/{b}/{year}", line=a, other_line=b, year=year, other_year=later,
                mismatch_ratio=float(mismatch), change_ratio=float(change), where=_where(cells, self.file),
                stated=canonical(a0), expected=canonical(b1), abs_diff=float(abs(a0 - b1)),
            )


def _value(cell: Cell) -> Decimal:
    """The value of a cell already known to be stated."""
    assert cell.value is not None
    return cell.value


def _capaian_stage(stage: str, year: int, target_year: int) -> str:
    """A capaian is against its stage's target of `target_year` (the Renstra end target for progress)."""
    return stage if target_year == year else f"{stage}@{target_year}"


def _sum(values: list[Decimal | None]) -> Decimal | None:
    """Sum of the stated cells of a staff table (a dash there means nobody); None when all are blank."""
    stated = [v for v in values if v is not None]
    return sum(stated, Decimal(0)) if stated else None


def derive_check_facts(lkjip: Lkjip, doc: Document, year: int) -> list[Fact]:
    """Every candidate-inconsistency fact of `lkjip`, in a stable order."""
    return Deriver(lkjip, doc, year).facts()
