"""Reading a table cell's number as written.

A draft keeps numbers exactly as the document prints them (`88,31`, `100 %`, `Rp. 6.553.672.000`), so
that `check` judges the document and not a conversion. What a cell adds around its number is kept as a
note: "81 (A)" is the target 81 with the grade A, "6 dokumen" is 6 in documents. A cell that holds
several numbers ("2.550.000.000 1.000.000.000" for two fund sources, "81 (A) 90% 82 (Tinggi)" for three
merged rows) gives each one. A cell that looks like a number but is not a valid one ("25.800.00") is
kept as written for the check to report; `-` and `N/A` are missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip_eval.numbers import MISSING_MARKERS, NumberFormatError, parse_number

# A number as printed: an optional currency, digits with dots and commas, an optional "%" and the
# Rupiah endings ",-" / ",00,-".
_TOKEN = re.compile(
    r"(?<![\w.,/])(?:Rp\.?\s?)?[+-]?\d[\d.,]*\d(?:,-)?(?:\s?%)?(?![\w/])"
    r"|(?<![\w.,/])(?:Rp\.?\s?)?[+-]?\d(?:\s?%)?(?![\w.,/])",
    re.IGNORECASE,
)
_UNIT = re.compile(r"^[\s()A-Za-z/.\-]*$")
_CODE = re.compile(r"^\d+\.(\d{1,2}|\d{4,})(\.\d+)+$")  # 7.01.02.2.04: a program code, not a number
YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Reading:
    """One number of a cell: `value` as written (a valid number), or `written` when it is not one;
    `note` keeps the cell's words when there were any ("tertulis \"81 (A)\"")."""

    value: str | None
    written: str | None = None
    note: str | None = None


def is_missing(cell: str) -> bool:
    return cell.strip().lower() in MISSING_MARKERS


def valid(text: str) -> bool:
    try:
        return parse_number(text) is not None
    except NumberFormatError:
        return False


def read_cell(cell: str) -> list[Reading]:
    """The numbers of a cell in order; an empty list when it states none (text, or missing)."""
    text = " ".join(cell.split()).rstrip(".;:")
    if not text or is_missing(text) or _CODE.match(text):
        return []
    if valid(text):
        return [Reading(_tidy(text))]
    tokens = list(_TOKEN.finditer(text))
    if not tokens or tokens[0].start() > 0:
        return []  # words first: a label with a number in it
    rest = _TOKEN.sub(" ", text)
    if not _UNIT.match(rest) or len(rest.split()) > 4 * len(tokens):
        return []  # a sentence or a label with a number in it, not a value cell
    note = f"tertulis \"{text}\"" if rest.strip() else None
    out = []
    for token in tokens:
        written = _tidy(token.group())
        out.append(Reading(written, note=note) if valid(written) else Reading(None, written=written, note=note))
    if len(out) == 1 and out[0].value is None and note is None:
        return [Reading(None, written=out[0].written)]
    return out


def _tidy(token: str) -> str:
    return " ".join(token.split())


def number(text: str | None) -> float | None:
    """A written number's value (for comparisons inside the importer only)."""
    if text is None:
        return None
    try:
        value = parse_number(text)
    except NumberFormatError:
        return None
    return float(value) if value is not None else None
