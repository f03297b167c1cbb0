"""Word (.docx) tables on their grid, with the paragraphs around them, in reading order.

A table row becomes one line whose cells stand at their grid columns: a cell merged across columns
(`gridSpan`) keeps its text in its first column and leaves the others empty; a cell merged down
(`vMerge` continue) is empty, as Word shows it; a cell's paragraphs are joined. Pages are counted from
the page breaks Word records when it saves (`lastRenderedPageBreak`) and from explicit page breaks.

The archive is untrusted: its size when unpacked and its number of parts are checked before anything
is inflated (zip bombs), and a DOCTYPE, which Word never writes, is refused (entity expansion).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET

from sakip_eval.errors import InputError
from sakip_eval.importers.blocks import SourceLine

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED = 100 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_GRID = 200  # grid columns of one table


def docx_lines(display: str, data: bytes) -> list[SourceLine]:
    body = _document(display, data)
    reader = _Reader()
    root = body.find(f"{W}body")
    for child in root if root is not None else []:
        if child.tag == f"{W}p":
            reader.paragraph(child)
        elif child.tag == f"{W}tbl":
            reader.table(child, display)
    if not any(line.text.strip() for line in reader.lines):
        raise InputError("importers.empty", file=display)
    return reader.lines


def _document(display: str, data: bytes) -> ET.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
                raise InputError("importers.too_big_unpacked", file=display, limit=MAX_UNPACKED // (1024 * 1024))
            if "word/document.xml" not in {e.filename for e in entries}:
                raise InputError("importers.not_docx", file=display, detail="word/document.xml")
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, NotImplementedError) as exc:
        raise InputError("importers.not_docx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
    if b"<!DOCTYPE" in xml[:4096].upper():
        raise InputError("importers.not_docx", file=display, detail="DOCTYPE")
    try:
        return ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError("importers.not_docx", file=display, detail=str(exc)[:200]) from exc


class _Reader:
    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self.page = 1

    def _breaks(self, node: ET.Element) -> int:
        count = sum(1 for _ in node.iter(f"{W}lastRenderedPageBreak"))
        count += sum(1 for br in node.iter(f"{W}br") if br.get(f"{W}type") == "page")
        return count

    def paragraph(self, node: ET.Element) -> None:
        self.page += self._breaks(node)
        for text in _paragraph_text(node).split("\n"):
            self.lines.append(SourceLine(len(self.lines) + 1, text, None, self.page))

    def table(self, node: ET.Element, display: str) -> None:
        for row in node.findall(f"{W}tr"):
            self.page += self._breaks(row)
            cells: list[str] = []
            for cell in row.findall(f"{W}tc"):
                span_node = cell.find(f"{W}tcPr/{W}gridSpan")
                span_text = span_node.get(f"{W}val", "1") if span_node is not None else "1"
                span = int(span_text) if span_text.isdigit() and 0 < int(span_text) <= MAX_GRID else 1
                merge = cell.find(f"{W}tcPr/{W}vMerge")
                continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
                text = "" if continued else " ".join(
                    t for p in cell.iter(f"{W}p") if (t := " ".join(_paragraph_text(p).split())))
                cells.extend([text] + [""] * (span - 1))
                if len(cells) > MAX_GRID:
                    raise InputError("importers.too_many_columns", file=display, line=len(self.lines) + 1,
                                     limit=MAX_GRID)
            self.lines.append(SourceLine(len(self.lines) + 1, "\t".join(cells), tuple(cells), self.page))
        self.lines.append(SourceLine(len(self.lines) + 1, "", None, self.page))  # a table ends here


def _paragraph_text(node: ET.Element) -> str:
    parts: list[str] = []
    for element in node.iter():
        if element.tag == f"{W}t" and element.text:
            parts.append(element.text)
        elif element.tag == f"{W}tab":
            parts.append(" ")
        elif element.tag in (f"{W}br", f"{W}cr") and element.get(f"{W}type") != "page":
            parts.append("\n")
    return "".join(parts)
