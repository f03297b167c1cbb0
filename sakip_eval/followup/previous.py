"""The evaluations a letter prints, as `history` entries of workspace.yaml.

A letter prints two years: the evaluated one (its own result, kept under the letter's evaluation year,
the performance year + 1) and often the one before ("Tahun Sebelumnya", kept under the performance year,
the year that evaluation was made). Each becomes a full entry (total, category, components, sub-component
grades where the letter prints them, source) in the shape `history` takes (issue 9), so the prediction
starts from the evaluator's own figures.

Entries are patched into the user's file (:mod:`sakip_eval.io.yamlpatch`): every
other line, comment and `null` stays as written. Only years before the workspace's evaluation year are
written (history is the past). A bare total equal to the letter's becomes the full entry; a full entry
already there is left as written; an entry with another total is left alone, with a warning: the user's
file is never overwritten with a different figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Required, TypedDict

import yaml

from sakip_eval.i18n import Lang, t
from sakip_eval.io.yamlpatch import Original, block, entry, flow
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


def write(original: Original, existing: dict[int, Any], found: list[Entry]) -> tuple[list[int], list[Warning]]:
    """Set the entries in workspace.yaml's `history` (patched into `original`): new years added in year
    order, and a bare total equal to the letter's replaced by the full entry. A full entry already there is
    left as written; a total other than the letter's is kept, with a warning."""
    written: list[int] = []
    warnings: list[Warning] = []
    new: list[Entry] = []
    history = entry(original.root, "history") if original.root is not None else None
    for found_entry in found:
        current = existing.get(found_entry.year)
        fields = found_entry.fields
        stated = parse_number(current.get("total")) if isinstance(current, dict) else parse_number(current)
        if stated is not None and stated != found_entry.total:
            warnings.append(Warning("followup.history_kept", {
                "year": str(found_entry.year), "existing": _printed(stated), "letter": fields["total"],
                "file": original.display}))
            continue
        if isinstance(current, dict):
            continue  # the year's full entry is already there: the user's, left as written
        year = entry(history[1], str(found_entry.year)) if history is not None else None
        if year is None:
            new.append(found_entry)
        else:  # a bare total: the full entry in its place
            original.refuse_shared(year[1], f"history › {found_entry.year}")
            if isinstance(history[1], yaml.MappingNode) and history[1].flow_style:  # type: ignore[index]
                original.replace(year[1], flow(fields))
            else:
                original.replace_value(year[0], year[1], block(fields, int(year[0].start_mark.column) + 2,
                                                                original.eol))
        written.append(found_entry.year)
    if new:
        _add(original, history, sorted(new, key=lambda e: e.year))
    return written, warnings


def _add(original: Original, history: tuple[yaml.Node, yaml.Node] | None, new: list[Entry]) -> None:
    """New years in `history`: a block mapping below the key (after `regime` when there is none yet), each
    year's fields one a line; in a flow mapping the user wrote, in flow style."""
    root = original.root
    assert isinstance(root, yaml.MappingNode)  # the workspace was validated

    def body(entries: list[Entry], indent: int) -> str:
        return "".join(f"{' ' * indent}{e.year}:{original.eol}{block(e.fields, indent + 2, original.eol)}"
                       for e in entries)

    if history is None:
        original.add_block(root, "history", body(new, original.column(root) + 2), after="regime")
        return
    key, value = history
    original.refuse_shared(value, "history")
    if isinstance(value, yaml.MappingNode) and value.value and value.flow_style:
        for e in new:
            original.add_key(value, e.year, e.fields)
    elif not isinstance(value, yaml.MappingNode) or not value.value:  # `history: {}` or `history:`
        original.replace_value(key, value, body(new, int(key.start_mark.column) + 2))
    else:
        years = [(int(k.value), k) for k, _ in value.value if isinstance(k, yaml.ScalarNode) and k.value.isdigit()]
        for e in new:
            later = min(((year, k) for year, k in years if year > e.year), default=None, key=lambda p: p[0])
            if later is None:
                original.add_block(value, e.year, block(e.fields, original.column(value) + 2, original.eol))
            else:
                original.insert_before(later[1], body([e], original.column(value)))
