"""Word (.docx) tables on their grid, with the paragraphs around them, in reading order.

A table row becomes one line whose cells stand at their grid columns: a cell merged across columns
(`gridSpan`) keeps its text in its first column and leaves the others empty; a cell merged down
(`vMerge` continue) is empty, as Word shows it; a row that starts right of the first grid column
(`gridBefore`) is shifted there, so its values stay under their headers; a cell's paragraphs are joined.
Paragraphs and tables inside content controls (`sdt`, as templates and tables of contents wrap them) are
read where they stand. Pages are counted from
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
    for child in _blocks(root) if root is not None else []:
        if child.tag == f"{W}p":
            reader.paragraph(child)
        else:
            reader.table(child, display)
    if not any(line.text.strip() for line in reader.lines):
        raise InputError("importers.empty", file=display)
    return reader.lines


def _blocks(node: ET.Element) -> list[ET.Element]:
    """The paragraphs and tables of the body in reading order, content controls opened."""
    out: list[ET.Element] = []
    for child in node:
        if child.tag in (f"{W}p", f"{W}tbl"):
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            out.extend(_blocks(child))
    return out


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
            cells: list[str] = [""] * _grid_value(row.find(f"{W}trPr/{W}gridBefore"))
            for cell in _row_cells(row):
                span = max(1, _grid_value(cell.find(f"{W}tcPr/{W}gridSpan")))
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


def _grid_value(node: ET.Element | None) -> int:
    """A `gridSpan` or `gridBefore` count; 0 when absent or out of range."""
    text = node.get(f"{W}val", "") if node is not None else ""
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_GRID else 0


def _row_cells(row: ET.Element) -> list[ET.Element]:
    """A row's cells, those inside content controls too."""
    out: list[ET.Element] = []
    for child in row:
        if child.tag == f"{W}tc":
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            out.extend(_row_cells(child))
    return out


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
