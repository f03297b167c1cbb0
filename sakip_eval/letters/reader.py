"""Reading an LHE letter from any document the team receives, into a :class:`~.model.Letter`.

The letter may follow other text (an LKjIP with the LHE appended, like the seed file): the score table
read is the last one, and the letter starts at the last "LAPORAN HASIL EVALUASI" heading before it,
with the letterhead just above that heading (number, date).
"""

from __future__ import annotations

import re
from pathlib import Path

from sakip_eval.documents import Document, Line, Word, read_document
from sakip_eval.documents.text import split_cells, text_lines
from sakip_eval.errors import InputError
from sakip_eval.letters.criteria import link_criteria
from sakip_eval.letters.items import read_items
from sakip_eval.letters.model import Letter
from sakip_eval.letters.prose import (
    Joined,
    component_mentions,
    letter_date,
    letter_number,
    performance_year,
    prose_totals,
    unit,
)
from sakip_eval.letters.table import find_tables
from sakip_eval.rulebook.book import Rulebook

HEADING = re.compile(r"LAPORAN\s+HASIL\s+EVALUASI", re.IGNORECASE)
MARKUP = re.compile(r"\*\*|__|</?[A-Za-z][^<>]*>")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
LETTERHEAD_LINES = 15
RUNNING_LINES = 3  # lines at the top and at the bottom of a page where running headers and footers stand
OPENS_ITEM = re.compile(r"^(?:[A-Za-z]|\d{1,2}|[IVX]{1,4})[.)]\s")
SHORT_LINE_WORDS = 14


def read_letter(path: Path, book: Rulebook, display: str | None = None, *, ocr: bool = False) -> Letter:
    """Read the letter at `path` (PDF, Word or text); `ocr` adds a text layer to a scan first."""
    return parse_document(read_document(path, display, ocr=ocr), book)


def parse_letter(text: str, book: Rulebook, display: str = "-") -> Letter:
    """A letter given as text (what tests and pasted letters use)."""
    return parse_document(Document(display, "txt", text_lines(text, display)), book)


def parse_document(document: Document, book: Rulebook) -> Letter:
    lines = _without_running_lines([_clean(line, document.kind == "txt") for line in document.lines])
    tables = find_tables(lines, book, document.kind == "pdf")
    if not tables:
        if document.blank_pages:
            raise InputError("lhe.no_table_blank_pages", file=document.display,
                             pages=", ".join(map(str, document.blank_pages)))
        raise InputError("lhe.no_table", file=document.display)
    table = tables[-1]
    start = _letter_start(lines, table.start)
    letter_lines = lines[start:]
    in_table = {line.number for line in lines[table.start:table.end]}
    prose = [line for line in letter_lines if line.number not in in_table]
    joined = Joined.of(prose)
    notes = list(table.notes)
    number = letter_number([line for line in letter_lines if line.number < table.line], document.ocr, notes)
    date = letter_date(letter_lines, table.line, notes)
    current = table.header.role("current") if table.header else None
    year = performance_year(joined, date, current.year if current else None, notes)
    totals, categories = prose_totals(joined)
    findings, recommendations = read_items(letter_lines, book, in_table)
    findings, recommendations = link_criteria(book, findings, recommendations)
    order = [c.id for c in book.regime.components]
    return Letter(
        display=document.display, ocr=document.ocr, number=number, date=date, unit=unit(joined),
        performance_year=year,
        components=sorted(table.components.values(), key=lambda r: order.index(r.id)),
        subcomponents=sorted(table.subcomponents, key=lambda r: r.id),
        totals=table.totals, categories=table.categories, has_previous=table.has_previous,
        prose_totals=totals, prose_categories=categories, component_mentions=component_mentions(joined, book),
        findings=findings, recommendations=recommendations, notes=notes,
    )


def _without_running_lines(lines: list[Line]) -> list[Line]:
    """Running headers and footers: a line that stands at the top (or the bottom) of two pages or more is
    dropped from every page but the first where it stands, so a repeated letterhead, table header or footer
    does not land in the middle of a table or of a recommendation. A line that opens an item or a group
    (`1.`, `A.`) is never dropped: a group's heading may well open two pages."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if line.page is not None:
            pages.setdefault(line.page, []).append(line)
    if len(pages) < 2:
        return lines
    repeated: set[int] = set()
    for edge in (slice(0, RUNNING_LINES), slice(-RUNNING_LINES, None)):
        seen: set[str] = set()
        for page in sorted(pages):
            for line in pages[page][edge]:
                key = " ".join(line.text.split())
                if key in seen and len(key.split()) >= 2 and not OPENS_ITEM.match(key):
                    repeated.add(line.number)
                seen.add(key)
    return [line for line in lines if line.number not in repeated]


def _letter_start(lines: list[Line], table_start: int) -> int:
    """The index of the letter's first line: its letterhead above the last heading before the table."""
    heading = max((i for i in range(table_start) if HEADING.search(lines[i].text)), default=None)
    if heading is None:
        return 0
    start = heading
    while start > 0 and heading - start < LETTERHEAD_LINES and len(lines[start - 1].text.split()) <= SHORT_LINE_WORDS:
        start -= 1
    return start


def _clean(line: Line, resplit: bool) -> Line:
    """The line without markdown emphasis and HTML tags, which converted letters are full of."""
    text = line.text
    if "*" in text or "_" in text or "<" in text:  # the cheap test first: most lines hold no markup
        text = EMPHASIS.sub(r"\1", MARKUP.sub("", text))
    text = text.rstrip()
    if text == line.text:
        return line
    if resplit:
        return Line(line.number, text, split_cells(text), line.page, line.cells)
    cleaned = [Word(EMPHASIS.sub(r"\1", MARKUP.sub("", w.text)), w.x0, w.x1) for w in line.words]
    return Line(line.number, text, tuple(w for w in cleaned if w.text.strip()), line.page, line.cells)
