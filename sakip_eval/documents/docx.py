"""Word (.docx) files, opened and parsed in one place: the body's paragraphs and tables, in reading order.

Letters (:func:`read_docx`, lines of positioned words) and LKjIP imports (:mod:`sakip_eval.importers.docxtables`,
rows on the table grid) both read Word files; they differ only in how they lay the parts out, so the archive,
its limits and WordprocessingML are handled here once (:func:`parse_docx`) and each reader lays out the
:class:`WordFile` it gets.

A .docx is a zip of XML parts; the text lives in `word/document.xml` and automatic list numbers ("1.",
"a.", bullets) in `word/numbering.xml`, so those numbers are rebuilt here: in a letter they tell one
recommendation from the next. Paragraphs and tables inside content controls (`sdt`, as templates and
tables of contents wrap them) are read where they stand. A table cell knows its grid column (a row that
starts right of the first column, `gridBefore`, and cells merged across columns, `gridSpan`, counted) and
whether it continues the cell above (`vMerge`), so a reader keeps a value under its header. Page breaks are
counted from those Word records when it saves (`lastRenderedPageBreak`) and from explicit ones.

The archive is untrusted: its size when unpacked and its number of parts are checked before anything is
inflated (zip bombs), a DOCTYPE, which Word never writes, is refused (entity expansion), and content
controls are opened without recursion, so no nesting depth crashes the reader.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal
from xml.etree import ElementTree as ET

from sakip_eval.documents.model import Document, Line, Word
from sakip_eval.documents.text import split_cells
from sakip_eval.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_GRID = 200  # grid columns of one table row; a larger span or offset is read as none
LEVELS = 9  # list levels of a numbering
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_CONTROLS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml")  # wrappers whose content stands where they do
_PAGES = re.compile(rb"<Pages>(\d+)</Pages>")

Messages = Literal["documents", "importers"]  # whose messages a refusal uses (a letter's or an import's)


class Mark(Enum):
    """What a paragraph holds besides text: each reader decides what it becomes."""

    TAB = "tab"
    BREAK = "break"  # a manual line break
    PAGE = "page"  # a manual page break


@dataclass(frozen=True)
class Paragraph:
    pieces: tuple[str | Mark, ...]
    marker: str  # its automatic list number ("1.", "a.", "-"), or ""
    page_breaks: int  # page breaks inside it, rendered or manual

    def text(self, *, tab: str, page: str) -> str:
        """The paragraph's text with its tabs and page breaks as given; a line break is a newline."""
        marks = {Mark.TAB: tab, Mark.BREAK: "\n", Mark.PAGE: page}
        return "".join(piece if isinstance(piece, str) else marks[piece] for piece in self.pieces)


@dataclass(frozen=True)
class Cell:
    column: int  # its first grid column
    span: int  # grid columns it covers
    continued: bool  # merged down: Word shows it empty, under the cell above
    paragraphs: tuple[Paragraph, ...]  # every paragraph inside it, nested tables' included, in order


@dataclass(frozen=True)
class Row:
    grid_before: int  # empty grid columns before its first cell
    cells: tuple[Cell, ...]
    page_breaks: int


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class WordFile:
    blocks: tuple[Paragraph | Table, ...]
    stated_pages: int | None  # the page count Word stored when it saved (docProps/app.xml)


def parse_docx(display: str, data: bytes, messages: Messages) -> WordFile:
    """The body of the Word file `data`, or an InputError (in `messages`' words) naming `display`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise InputError(f"{messages}.too_big_unpacked", file=display, limit=MAX_UNPACKED // (1024 * 1024))
            names = {e.filename for e in entries}
            if "word/document.xml" not in names:
                raise InputError(f"{messages}.not_docx", file=display, detail="word/document.xml")
            body = _xml(archive.read("word/document.xml"), display, messages)
            numbering = _numbering(_xml(archive.read("word/numbering.xml"), display, messages)
                                   if "word/numbering.xml" in names else None)
            found = _PAGES.search(archive.read("docProps/app.xml")[:20000]) if "docProps/app.xml" in names else None
    # RuntimeError covers an encrypted part and NotImplementedError an unknown compression method
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, RuntimeError) as exc:
        raise InputError(f"{messages}.not_docx", file=display,
                         detail=str(exc)[:200] or type(exc).__name__) from exc
    root = body.find(f"{W}body")
    blocks: list[Paragraph | Table] = []
    for node in _opened(root, (f"{W}p", f"{W}tbl")) if root is not None else ():
        blocks.append(_paragraph(node, numbering) if node.tag == f"{W}p" else _table(node, numbering))
    return WordFile(tuple(blocks), int(found.group(1)) if found else None)


def read_docx(display: str, data: bytes) -> Document:
    """A letter in Word as lines: a paragraph per line (split at manual breaks, its list number in front),
    a table row as a line whose words are its cells at their grid columns (merged cells span several); a
    cell with several paragraphs gives one line per paragraph, as it looks on the page."""
    rows: list[tuple[list[Word], bool]] = []
    for block in parse_docx(display, data, "documents").blocks:
        if isinstance(block, Paragraph):
            rows.extend((list(split_cells(text)), "\t" in text) for text in _letter_lines(block))
        else:
            rows.extend((words, True) for words in _letter_table(block))
    lines = [Line(i, " ".join(w.text for w in words), tuple(words), cells=cells)
             for i, (words, cells) in enumerate(rows, start=1)]
    if not any(line.text.strip() for line in lines):
        raise InputError("documents.empty", file=display)
    return Document(display, "docx", tuple(lines))


def _letter_lines(paragraph: Paragraph) -> list[str]:
    lines = paragraph.text(tab="\t", page="\n").split("\n")
    if paragraph.marker:
        lines[0] = f"{paragraph.marker} {lines[0]}"
    return lines


def _letter_table(table: Table) -> list[list[Word]]:
    out: list[list[Word]] = []
    for row in table.rows:
        cells = [(cell.column, cell.column + cell.span,
                  [] if cell.continued else [text for p in cell.paragraphs for line in _letter_lines(p)
                                             if (text := " ".join(line.split()))])
                 for cell in row.cells]
        depth = max((len(texts) for _, _, texts in cells), default=0)
        for index in range(depth):
            words = [Word(texts[index], x0, x1) for x0, x1, texts in cells if index < len(texts)]
            if words:
                out.append(words)
    return out


def _xml(data: bytes, display: str, messages: Messages) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096].upper():
        raise InputError(f"{messages}.not_docx", file=display, detail="DOCTYPE")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{messages}.not_docx", file=display, detail=str(exc)[:200]) from exc


def _opened(node: ET.Element, tags: tuple[str, ...]) -> Iterator[ET.Element]:
    """The children of `node` with one of `tags`, in order, content controls opened (without recursion)."""
    stack = [iter(node)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in tags:
            yield child
        elif child.tag in _CONTROLS:
            stack.append(iter(child))


def _page_breaks(node: ET.Element) -> int:
    count = sum(1 for _ in node.iter(f"{W}lastRenderedPageBreak"))
    return count + sum(1 for br in node.iter(f"{W}br") if br.get(f"{W}type") == "page")


def _paragraph(node: ET.Element, numbering: _Numbering) -> Paragraph:
    pieces: list[str | Mark] = []
    for element in node.iter():
        if element.tag == f"{W}t" and element.text:
            pieces.append(element.text)
        elif element.tag == f"{W}tab":
            pieces.append(Mark.TAB)
        elif element.tag in (f"{W}br", f"{W}cr"):
            pieces.append(Mark.PAGE if element.get(f"{W}type") == "page" else Mark.BREAK)
    marker = ""
    props = node.find(f"{W}pPr/{W}numPr")
    if props is not None:
        num_id = props.find(f"{W}numId")
        level = props.find(f"{W}ilvl")
        level_text = level.get(f"{W}val", "0") if level is not None else "0"
        marker = numbering.marker(num_id.get(f"{W}val", "") if num_id is not None else "",
                                  int(level_text) if level_text.isdigit() else 0)
    return Paragraph(tuple(pieces), marker, _page_breaks(node))


def _table(node: ET.Element, numbering: _Numbering) -> Table:
    rows: list[Row] = []
    for row in _opened(node, (f"{W}tr",)):
        grid_before = _grid_value(row.find(f"{W}trPr/{W}gridBefore"))
        column = grid_before
        cells: list[Cell] = []
        for cell in _opened(row, (f"{W}tc",)):
            span = max(1, _grid_value(cell.find(f"{W}tcPr/{W}gridSpan")))
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
            paragraphs = tuple(_paragraph(p, numbering) for p in cell.iter(f"{W}p"))
            cells.append(Cell(column, span, continued, paragraphs))
            column += span
        rows.append(Row(grid_before, tuple(cells), _page_breaks(row)))
    return Table(tuple(rows))


def _grid_value(node: ET.Element | None) -> int:
    """A `gridSpan` or `gridBefore` count; 0 when absent or out of range."""
    text = node.get(f"{W}val", "") if node is not None else ""
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_GRID else 0


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class _Numbering:
    """numbering.xml: the list levels of each list, and the running counters while the body is read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def marker(self, num_id: str, level: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * LEVELS)
        counts[level] += 1
        for deeper in range(level + 1, LEVELS):
            counts[deeper] = 0
        lvl = levels[level]
        if lvl.fmt == "bullet":
            return "-"
        text = lvl.text
        for depth in range(level + 1):
            value = counts[depth] + levels.get(depth, lvl).start - 1
            text = text.replace(f"%{depth + 1}", _format(value, levels.get(depth, lvl).fmt))
        return text


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = LETTERS[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        out = ""
        for amount, numeral in ROMAN:
            while value >= amount:
                out += numeral
                value -= amount
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


def _numbering(root: ET.Element | None) -> _Numbering:
    out = _Numbering()
    if root is None:
        return out
    abstract: dict[str, dict[int, _Level]] = {}
    for node in root.iter(f"{W}abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in node.iter(f"{W}lvl"):
            ilvl = lvl.get(f"{W}ilvl", "0")
            if not ilvl.isdigit() or int(ilvl) >= LEVELS:
                continue  # Word writes levels 0 to 8
            fmt = lvl.find(f"{W}numFmt")
            text = lvl.find(f"{W}lvlText")
            start = lvl.find(f"{W}start")
            levels[int(ilvl)] = _Level(
                fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                text.get(f"{W}val", "") if text is not None else "",
                int(start.get(f"{W}val", "1")) if start is not None and start.get(f"{W}val", "1").isdigit() else 1,
            )
        abstract[node.get(f"{W}abstractNumId", "")] = levels
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            out.levels[num.get(f"{W}numId", "")] = abstract.get(ref.get(f"{W}val", ""), {})
    return out
