"""Word and PDF documents written at test time, from paragraphs and tables of the tests' own.

A table is a list of rows; a cell is its text, or a `Cell` that spans columns (Word `gridSpan`,
reportlab SPAN) and rows (Word `vMerge`), as merged header cells are in real LKjIPs. Word files are
written as the OOXML Word reads (no dependency); PDFs with reportlab (BSD, a test-only dependency),
with ruled tables as Word exports them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Cell:
    text: str
    cols: int = 1
    rows: int = 1


Row = list[str | Cell]
Table = list[Row]
Block = str | Table


def blocks_from_text(text: str) -> list[Block]:
    """Paragraphs and tables of a tab-separated text: consecutive lines with tabs are one table."""
    out: list[Block] = []
    table: Table = []
    for line in text.splitlines():
        if "\t" in line:
            table.append(list(line.split("\t")))
            continue
        if table:
            out.append(table)
            table = []
        if line.strip():
            out.append(line.strip().replace("**", ""))
    if table:
        out.append(table)
    return out


def _grid(table: Table) -> list[list[tuple[str, str] | None]]:
    """Each row's cells on the grid: (text, merge) where merge is "" / "restart" / "continue"; None marks
    a column covered by a horizontal span."""
    width = max(sum(c.cols if isinstance(c, Cell) else 1 for c in row) for row in table)
    grid: list[list[tuple[str, str] | None]] = [[("", "")] * width for _ in table]
    spans: dict[tuple[int, int], int] = {}
    for r, row in enumerate(table):
        c = 0
        for cell in row:
            while c < width and grid[r][c] is not None and grid[r][c] != ("", "") and (r, c) in spans:
                c += 1
            cell = cell if isinstance(cell, Cell) else Cell(cell)
            if c >= width:
                break
            grid[r][c] = (cell.text, "restart" if cell.rows > 1 else "")
            spans[(r, c)] = cell.cols
            for extra in range(1, cell.cols):
                if c + extra < width:
                    grid[r][c + extra] = None
            for down in range(1, cell.rows):
                if r + down < len(table):
                    grid[r + down][c] = ("", "continue")
                    spans[(r + down, c)] = cell.cols
                    for extra in range(1, cell.cols):
                        if c + extra < width:
                            grid[r + down][c + extra] = None
            c += cell.cols
    return grid


def to_text(blocks: list[Block]) -> str:
    """Blocks as tab-separated text (a spanning cell written once), a blank line after each block."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines += [block, ""]
        else:
            lines += ["\t".join(c.text if isinstance(c, Cell) else c for c in row) for row in block] + [""]
    return "\n".join(lines)


def write_docx(path: Path, blocks: list[Block]) -> Path:
    body: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(block)}</w:t></w:r></w:p>")
            continue
        grid = _grid(block)
        rows = []
        for r, row in enumerate(grid):
            cells = []
            c = 0
            while c < len(row):
                item = row[c]
                span = 1
                while c + span < len(row) and row[c + span] is None:
                    span += 1
                text, merge = item if item is not None else ("", "")
                props = (f"<w:gridSpan w:val=\"{span}\"/>" if span > 1 else "") + (
                    "<w:vMerge w:val=\"restart\"/>" if merge == "restart" else "<w:vMerge/>" if merge == "continue"
                    else "")
                paragraphs = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(part)}</w:t></w:r></w:p>"
                                     for part in text.split("\n")) or "<w:p/>"
                cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>")
                c += span
            del r
            rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
        body.append(f"<w:tbl>{''.join(rows)}</w:tbl><w:p/>")
    document = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                f"<w:body>{''.join(body)}</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
            "2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
            "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            "wordprocessingml.document.main+xml\"/></Types>"))
        archive.writestr("word/document.xml", document)
    return path


def write_pdf(path: Path, blocks: list[Block]) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    page = landscape(A4)
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=20, rightMargin=20, topMargin=20, bottomMargin=20,
                            invariant=True)
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    small = body.clone("small", fontSize=5, leading=6)
    story: list[object] = []
    for block in blocks:
        if isinstance(block, str):
            story.append(Paragraph(escape(block), body))
            story.append(Spacer(1, 6))
            continue
        grid = _grid(block)
        width = len(grid[0])
        data = [[Paragraph(escape(item[0]), small) if item is not None and item[0] else "" for item in row]
                for row in grid]
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        for r, row in enumerate(grid):
            c = 0
            while c < width:
                span = 1
                while c + span < width and row[c + span] is None:
                    span += 1
                if span > 1:
                    style.append(("SPAN", (c, r), (c + span - 1, r)))
                c += span
        table = PdfTable(data, colWidths=[(page[0] - 40) / width] * width, repeatRows=0)
        table.setStyle(TableStyle(style))
        story.append(table)
        story.append(Spacer(1, 8))
    doc.build(story)
    return path
