"""What the reader found in an LHE letter: the score table of both years, the stated totals and
categories, the findings and recommendations, and notes on what could not be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from sakip_eval.letters.noise import Reading

Column = Literal["current", "previous"]
COLUMNS: tuple[Column, ...] = ("current", "previous")


@dataclass(frozen=True)
class Value:
    """A number printed in the letter, where it stands (1-based line of the document's text)."""

    reading: Reading
    line: int


@dataclass(frozen=True)
class Row:
    """A component (`1`) or sub-component (`1.a`) row of the score table."""

    id: str
    label: str
    line: int
    weight: Value | None = None
    current: Value | None = None
    previous: Value | None = None

    def value(self, column: Column) -> Value | None:
        return self.current if column == "current" else self.previous


@dataclass(frozen=True)
class Mention:
    """A total, component score or predikat the letter states (in the table or in its prose)."""

    value: str
    line: int
    component: str | None = None
    name: str | None = None
    repaired: bool = False


@dataclass(frozen=True)
class Item:
    """One finding (Catatan) or recommendation: a numbered or bulleted item with its lettered sub-items,
    joined across wrapped lines. `component` is None when the letter does not group them."""

    id: str
    component: str | None
    text: str
    line: int
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """Something the reader could not read with certainty, or repaired: not a fault of the letter, so it
    never counts as a problem. `key` is an i18n message key under `lhe.note.`."""

    key: str
    line: int | None
    params: dict[str, str | Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Letter:
    """Everything read from one letter. Per column (`current`: the evaluated year; `previous`: the column
    of the year before, "Tahun Sebelumnya"): the table total and the predikat printed under it."""

    display: str
    ocr: bool
    number: str | None
    date: dt.date | None
    unit: str | None
    performance_year: int | None
    components: list[Row]
    subcomponents: list[Row]
    totals: dict[Column, Value]
    categories: dict[Column, Mention]
    has_previous: bool
    prose_totals: list[Mention]
    prose_categories: list[Mention]
    component_mentions: list[Mention]
    findings: list[Item]
    recommendations: list[Item]
    notes: list[Note]

    @property
    def total(self) -> Decimal | None:
        """This year's total as the table states it."""
        value = self.totals.get("current")
        return value.reading.value if value is not None else None

    @property
    def category(self) -> Mention | None:
        """This year's stated predikat: the table's, else the prose's."""
        return self.categories.get("current") or (self.prose_categories[0] if self.prose_categories else None)
