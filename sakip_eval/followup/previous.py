"""The evaluations a letter prints, as `history` entries of workspace.yaml.

A letter prints two years: the evaluated one (its own result, kept under the letter's evaluation year,
the performance year + 1) and often the one before ("Tahun Sebelumnya", kept under the performance year,
the year that evaluation was made). Each becomes a full entry (total, category, components, sub-component
grades where the letter prints them, source) in the shape `history` takes (issue 9), so the prediction
starts from the evaluator's own figures.

Entries are written into the user's file line by line (:func:`sakip_eval.io.yamledit.set_entry`): every
other line, comment and `null` stays as written. Only years before the workspace's evaluation year are
written (history is the past). A bare total equal to the letter's becomes the full entry; a full entry
already there is left as written; an entry with another total is left alone, with a warning: the user's
file is never overwritten with a different figure.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Required, TypedDict

from sakip_eval.i18n import Lang, t
from sakip_eval.io.yamledit import set_entry
from sakip_eval.letters.check import LetterCheck
from sakip_eval.letters.lhe import grade_of
from sakip_eval.letters.model import COLUMNS, Column, Letter
from sakip_eval.numbers import format_id, parse_number, places
from sakip_eval.rulebook.book import Rulebook

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")


class HistoryFields(TypedDict, total=False):
    """A history entry of workspace.yaml as it is written: numbers as the letter prints them (`"82,30"`),
    sub-components as grades where the letter's score is one."""

    total: Required[str]
    category: str
    components: dict[str, str]
    subcomponents: dict[str, str]
    source: str


@dataclass(frozen=True)
class Entry:
    """One year's result as the letter states it, ready to be written."""

    year: int
    total: Decimal
    fields: HistoryFields


@dataclass(frozen=True)
class Warning:
    """Something the user should know about the history written (a message key and its parameters)."""

    key: str
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: Lang) -> str:
        params = {k: t(v, lang, **self.params) if k == "reason" else v for k, v in self.params.items()}
        return t(self.key, lang, **params)


def _printed(value: Decimal) -> str:
    """A score in the Indonesian style, with the decimals the letter printed (`26,713`, `82,9`, `26,10`)."""
    return format_id(value, places(value))


def _date(date: dt.date | None) -> str:
    return f"{date.day} {MONTHS_ID[date.month - 1]} {date.year}" if date else "-"


def entries(check: LetterCheck, book: Rulebook, evaluation_year: int) -> tuple[list[Entry], list[Warning]]:
    """The letter's years that belong in this workspace's history, and why any other is left out."""
    letter = check.letter
    out: list[Entry] = []
    warnings: list[Warning] = []
    if letter.performance_year is None:
        return [], [Warning("followup.history_skipped", {"year": "-", "reason": "followup.history_reason.no_year"})]
    for column in COLUMNS:
        if column not in check.columns:
            continue
        year = letter.performance_year + (1 if column == "current" else 0)
        total = check.columns[column].total
        if total is None:
            warnings.append(Warning("followup.history_skipped",
                                    {"year": str(year), "reason": "followup.history_reason.no_total"}))
            continue
        if year >= evaluation_year:
            warnings.append(Warning("followup.history_skipped", {
                "year": str(year), "reason": "followup.history_reason.not_before", "evaluation": str(evaluation_year)}))
            continue
        out.append(Entry(year, total, _fields(letter, book, column, total)))
    return out, warnings


def _fields(letter: Letter, book: Rulebook, column: Column, total: Decimal) -> HistoryFields:
    fields: HistoryFields = {"total": _printed(total)}
    category = letter.categories.get(column) if column == "previous" else letter.category
    if category is not None:
        fields["category"] = category.value
    components = {r.id: _printed(v.reading.value) for r in letter.components if (v := r.value(column))}
    if components:
        fields["components"] = components
    subs: dict[str, str] = {}
    for row in letter.subcomponents:
        value = row.value(column)
        if value is not None:
            subs[row.id] = grade_of(book, row.id, value) or _printed(value.reading.value)
    if subs:
        fields["subcomponents"] = subs
    key = "followup.history_source" if column == "current" else "followup.history_source_previous"
    fields["source"] = t(key, Lang.ID, number=letter.number or "-", date=_date(letter.date))
    return fields


def _lines(fields: HistoryFields) -> list[str]:
    """The entry as YAML lines: strings double-quoted (JSON's quoting is YAML's), maps in flow style."""
    out = []
    for key, value in fields.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{json.dumps(k)}: {_scalar(v)}" for k, v in value.items())
            out.append(f"{key}: {{{inner}}}")
        elif isinstance(value, str):
            out.append(f"{key}: {_scalar(value)}")
    return out


def _scalar(value: str) -> str:
    """Codes (`A`, `BB`) as they are; everything else quoted, so `82,30` or a letter number stays text."""
    return value if value.isalpha() and value.isupper() else json.dumps(value, ensure_ascii=False)


def write(text: str, display: str, existing: dict[int, Any], found: list[Entry]) -> tuple[str, list[int],
                                                                                          list[Warning]]:
    """`text` (workspace.yaml) with the entries set: new years added, and a bare total equal to the letter's
    replaced by the full entry. A full entry already there is left as written; a total other than the
    letter's is kept, with a warning."""
    written: list[int] = []
    warnings: list[Warning] = []
    for entry in found:
        current = existing.get(entry.year)
        fields = entry.fields
        stated = parse_number(current.get("total")) if isinstance(current, dict) else parse_number(current)
        if stated is not None and stated != entry.total:
            warnings.append(Warning("followup.history_kept", {
                "year": str(entry.year), "existing": _printed(stated), "letter": fields["total"], "file": display}))
            continue
        if isinstance(current, dict):
            continue  # the year's full entry is already there: the user's, left as written
        text = set_entry(text, display, "history", entry.year, _lines(fields), after="regime")
        written.append(entry.year)
    return text, written, warnings
