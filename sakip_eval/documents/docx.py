"""Word (.docx) files read with the standard library: the body's paragraphs and tables, in order.

A .docx is a zip of XML parts; the text lives in `word/document.xml` and automatic list numbers ("1.",
"a.", bullets) in `word/numbering.xml`, so those numbers are rebuilt here: in a letter they tell one
recommendation from the next. A table row becomes a line whose words are its cells, placed at their
grid columns (merged cells span several), so a reader finds a value's column by position as in a PDF.
A cell with several paragraphs gives one line per paragraph, as it looks on the page.

The archive is untrusted: entries are size-checked before inflating (zip bombs) and a DOCTYPE, which
Word never writes, is refused (entity expansion).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from sakip_eval.documents.model import Document, Line, Word
from sakip_eval.documents.text import split_cells
from sakip_eval.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ENTRIES = 5000
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


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
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
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


def read_docx(display: str, data: bytes) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise InputError("documents.too_big_unpacked", file=display, limit=MAX_UNPACKED // (1024 * 1024))
            names = {e.filename for e in entries}
            if "word/document.xml" not in names:
                raise InputError("documents.not_docx", file=display, detail="word/document.xml")
            body = _xml(archive.read("word/document.xml"), display)
            numbering = _numbering(_xml(archive.read("word/numbering.xml"), display)
                                   if "word/numbering.xml" in names else None)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        raise InputError("documents.not_docx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
    rows: list[tuple[list[Word], bool]] = []
    root = body.find(f"{W}body")
    for child in root if root is not None else []:
        if child.tag == f"{W}p":
            rows.extend((list(split_cells(text)), "\t" in text) for text in _paragraph(child, numbering))
        elif child.tag == f"{W}tbl":
            rows.extend((words, True) for words in _table(child, numbering))
    lines = [Line(i, " ".join(w.text for w in words), tuple(words), cells=cells)
             for i, (words, cells) in enumerate(rows, start=1)]
    if not any(line.text.strip() for line in lines):
        raise InputError("documents.empty", file=display)
    return Document(display, "docx", tuple(lines))


def _xml(data: bytes, display: str) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096].upper():
        raise InputError("documents.not_docx", file=display, detail="DOCTYPE")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError("documents.not_docx", file=display, detail=str(exc)[:200]) from exc


def _numbering(root: ET.Element | None) -> _Numbering:
    out = _Numbering()
    if root is None:
        return out
    abstract: dict[str, dict[int, _Level]] = {}
    for node in root.iter(f"{W}abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in node.iter(f"{W}lvl"):
            fmt = lvl.find(f"{W}numFmt")
            text = lvl.find(f"{W}lvlText")
            start = lvl.find(f"{W}start")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = _Level(
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


def _paragraph(node: ET.Element, numbering: _Numbering) -> list[str]:
    """The paragraph's text, split at manual line breaks, its list number in front."""
    parts: list[str] = []
    for element in node.iter():
        if element.tag == f"{W}t" and element.text:
            parts.append(element.text)
        elif element.tag == f"{W}tab":
            parts.append("\t")
        elif element.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    marker = ""
    props = node.find(f"{W}pPr/{W}numPr")
    if props is not None:
        num_id = props.find(f"{W}numId")
        level = props.find(f"{W}ilvl")
        level_text = level.get(f"{W}val", "0") if level is not None else "0"
        marker = numbering.marker(num_id.get(f"{W}val", "") if num_id is not None else "",
                                  int(level_text) if level_text.isdigit() else 0)
    lines = "".join(parts).split("\n")
    if marker:
        lines[0] = f"{marker} {lines[0]}"
    return lines


def _table(node: ET.Element, numbering: _Numbering) -> list[list[Word]]:
    """Each row as lines of cells at their grid columns; a cell's later paragraphs on later lines."""
    out: list[list[Word]] = []
    for row in node.iter(f"{W}tr"):
        column = 0
        cells: list[tuple[int, int, list[str]]] = []
        for cell in row.findall(f"{W}tc"):
            span_node = cell.find(f"{W}tcPr/{W}gridSpan")
            span_text = span_node.get(f"{W}val", "1") if span_node is not None else "1"
            span = int(span_text) if span_text.isdigit() and int(span_text) > 0 else 1
            texts = [" ".join(text.split()) for p in cell.findall(f"{W}p") for text in _paragraph(p, numbering)]
            cells.append((column, column + span, [text for text in texts if text]))
            column += span
        depth = max((len(texts) for _, _, texts in cells), default=0)
        for index in range(depth):
            words = [Word(texts[index], x0, x1) for x0, x1, texts in cells if index < len(texts)]
            if words:
                out.append(words)
    return out
