"""One lkjip.yaml as the check families read it: every stated value as a located cell, grouped the way
cross-table checks compare them, and the helpers that build facts with a `where` users can follow.

Missing is not zero: a blank cell is a cell without a value, never 0, and never enters a computation.
The LKjIP's own tables (`source: lkjip`) state PK perubahan targets, because the LKjIP says it measures
against the PK perubahan (lkjip.yaml's documented convention, docs/checks.md).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal, NamedTuple

from sakip_eval.engine.facts import Fact
from sakip_eval.io.yamlread import Document
from sakip_eval.model.lkjip import Lkjip, Source

STAGE_OF_SOURCE: dict[Source, str] = {
    "pk_awal": "pk_awal", "pk_perubahan": "pk_perubahan", "lkjip": "pk_perubahan",
    "renja": "renja", "renstra": "renstra",
}
MEASURED = "pk_perubahan"
# Values of `stated`/`expected` that are words, shown through i18n keys `check.value.<token>`.
BLANK = "blank"
FRESH = "fresh"
# How a group of cells that should agree gets the value it should have (a check file's `derive.reference`,
# tried in order): the value a signed document states (`reference: true` tables: a signed PK, the
# Renstra matrix), the value most cells state (ties: the first in the file), or the first in the file.
Reference = Literal["signed", "most_frequent", "first"]


class Cell(NamedTuple):
    """One stated value (or a blank cell) of a table, with everything needed to group and locate it (a
    tuple: a workspace has a thousand of them)."""

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
        return location([self.title, self.label, str(year), self.measure], file, self.line)


def location(parts: list[str], file: str, line: int | None) -> str:
    """`Tabel 3.1 … › IP ASN › 2024 › capaian (lkjip.yaml:120)`: where a user finds the cell."""
    return f"{' › '.join(p for p in parts if p)} ({file}:{line or '?'})"


def where_of(cells: Iterable[Cell], file: str) -> str:
    """One cell in full; several as `title (file:line)` each, so that a long list stays readable."""
    listed = list(cells)
    if len(listed) == 1:
        return listed[0].where(file)
    return "; ".join(f"{c.title} ({file}:{c.line or '?'})" for c in listed)


def reference_value(cells: list[Cell], policy: Sequence[Reference]) -> tuple[Decimal, bool] | None:
    """The value a group should have under `policy`, and whether a signed document gave it. None when no
    cell has a value or no method of the policy applies."""
    stated = [c for c in cells if c.value is not None]
    for method in policy if stated else ():
        if method == "signed":
            refs = [c.value for c in stated if c.reference and c.value is not None]
            if refs:
                return refs[0], True
        elif method == "most_frequent":
            counts = Counter(c.value for c in stated)
            best = max(counts.values())
            first = next(c.value for c in sorted(stated, key=lambda c: c.order) if counts[c.value] == best)
            assert first is not None
            return first, False
        else:
            value = min(stated, key=lambda c: c.order).value
            assert value is not None
            return value, False
    return None


@dataclass(frozen=True)
class Split:
    """A group of cells that should agree, split into the reference value and one deviating value."""

    value: Decimal
    cells: list[Cell]
    reference: Decimal
    reference_cells: list[Cell]
    by_reference: bool


def splits(cells: list[Cell], policy: Sequence[Reference]) -> Iterator[Split]:
    """Every value of the group that differs from the group's reference value."""
    if len({c.value for c in cells if c.value is not None}) < 2:
        return  # one value (or none): nothing differs, whichever is the reference
    found = reference_value(cells, policy)
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


def capaian_stage(stage: str, year: int, target_year: int) -> str:
    """A capaian is against its stage's target of `target_year` (the Renstra end target for progress)."""
    return stage if target_year == year else f"{stage}@{target_year}"


class Sheet:
    """One lkjip.yaml for one performance year, read once and shared by every family."""

    def __init__(self, lkjip: Lkjip, doc: Document, year: int) -> None:
        self.lkjip = lkjip
        self.doc = doc
        self.year = year
        self.file = doc.path.name
        self.directions = {i.id: i.direction for i in lkjip.indicators}
        self.names = {i.id: i.name for i in lkjip.indicators}
        self.line_names = {b.id: b.name for b in lkjip.budget_lines}
        self.parents = {b.id: b.parent for b in lkjip.budget_lines}

    # -- cells --------------------------------------------------------------------------------------------
    @cached_property
    def value_cells(self) -> list[Cell]:
        cells = []
        order = 0
        for t, table in enumerate(self.lkjip.tables):
            for r, row in enumerate(table.rows):
                year = self.year_of(row.year, table.year)
                for measure in ("target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding"):
                    if measure not in row.model_fields_set:
                        continue
                    order += 1
                    cells.append(Cell(
                        table.id, table.title, row.label or self.names[row.indicator], row.indicator, year,
                        table.target_year or year, measure, getattr(row, measure),
                        self.doc.line_of(("tables", t, "rows", r, measure)), STAGE_OF_SOURCE[table.source],
                        table.reference, order,
                    ))
        return cells

    @cached_property
    def budget_cells(self) -> list[Cell]:
        cells = []
        order = 0
        for t, table in enumerate(self.lkjip.budgets):
            for r, row in enumerate(table.rows):
                year = self.year_of(row.year, table.year)
                values = {"pagu": row.total_pagu, "realisasi": row.realisasi, "persen": row.persen}
                for measure, value in values.items():
                    stated = measure in row.model_fields_set or (measure == "pagu" and bool(row.funds))
                    if not stated:
                        continue
                    order += 1
                    key = "funds" if measure == "pagu" and row.pagu is None else measure
                    cells.append(Cell(
                        table.id, table.title, row.label or self.line_names[row.line], row.line, year, year,
                        measure, value, self.doc.line_of(("budgets", t, "rows", r, key)), table.stage, False, order,
                    ))
        return cells

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
                groups[("capaian", cell.subject, cell.year, capaian_stage(cell.stage, cell.year, cell.target_year))
                       ].append(cell)
        return groups

    @cached_property
    def stage_targets(self) -> dict[tuple[str, int, str], list[Cell]]:
        """Targets by (indicator, target year, stage): what each plan sets for each year."""
        groups: dict[tuple[str, int, str], list[Cell]] = defaultdict(list)
        for cell in self.value_cells:
            if cell.measure == "target":
                groups[(cell.subject, cell.target_year, cell.stage)].append(cell)
        return groups

    # -- locating and building facts ----------------------------------------------------------------------
    def year_of(self, *years: int | None) -> int:
        """The first stated year of row, table...; the performance year when none is."""
        for year in years:
            if year is not None:
                return year
        return self.year

    def at(self, title: str, label: str, year: int | None, measure: str, loc: tuple[int | str, ...]) -> str:
        return location([title, label, "" if year is None else str(year), measure], self.file, self.doc.line_of(loc))

    def statement_where(self, index: int, measure: str | None = None) -> str:
        statement = self.lkjip.narratives[index]
        loc: tuple[int | str, ...] = ("narratives", index) + ((measure,) if measure else ())
        return f"{statement.section} › “{statement.text}” ({self.file}:{self.doc.line_of(loc) or '?'})"

    def where(self, cells: Iterable[Cell]) -> str:
        return where_of(cells, self.file)

    def fact(self, kind: str, ref: str, **fields: Any) -> Fact:
        """A fact with its `name`: the indicator's or budget line's name, for messages."""
        subject = str(fields.get("indicator") or fields.get("line") or fields.get("subject") or "")
        extra = {"name": self.names.get(subject) or self.line_names.get(subject) or subject}
        if "other_line" in fields:
            extra["other_name"] = self.line_names[fields["other_line"]]
        return {"id": f"{kind}:{ref}", "kind": kind, "ref": ref, **extra, **fields}
