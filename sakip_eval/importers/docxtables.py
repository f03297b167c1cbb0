"""Word (.docx) tables on their grid, with the paragraphs around them, in reading order.

The file is parsed by :mod:`sakip_eval.documents.docx` (the one Word reader, with its limits); this module
lays it out as an import needs it. A table row becomes one line whose cells stand at their grid columns:
a cell merged across columns (`gridSpan`) keeps its text in its first column and leaves the others empty;
a cell merged down (`vMerge` continue) is empty, as Word shows it; a row that starts right of the first
grid column (`gridBefore`) is shifted there, so its values stay under their headers; a cell's paragraphs
are joined. A paragraph's tabs are spaces here (a narrative sentence, not cells), and each line carries the
page it is on.
"""

from __future__ import annotations

from sakip_eval.documents.docx import MAX_GRID, Paragraph, WordFile, parse_docx
from sakip_eval.errors import InputError
from sakip_eval.importers.blocks import SourceLine


def docx_lines(display: str, data: bytes) -> list[SourceLine]:
    return word_lines(display, parse_docx(display, data, "importers"))


def word_lines(display: str, word: WordFile) -> list[SourceLine]:
    """The parsed file's paragraphs and table rows as lines; a blank line ends each table."""
    lines: list[SourceLine] = []
    page = 1
    for block in word.blocks:
        if isinstance(block, Paragraph):
            page += block.page_breaks
            lines.extend(SourceLine(len(lines) + 1 + i, text, None, page)
                         for i, text in enumerate(_text(block).split("\n")))
            continue
        for row in block.rows:
            page += row.page_breaks
            cells: list[str] = [""] * row.grid_before
            for cell in row.cells:
                text = "" if cell.continued else " ".join(
                    t for p in cell.paragraphs if (t := " ".join(_text(p).split())))
                cells.extend([text] + [""] * (cell.span - 1))
                if len(cells) > MAX_GRID:
                    raise InputError("importers.too_many_columns", file=display, line=len(lines) + 1,
                                     limit=MAX_GRID)
            lines.append(SourceLine(len(lines) + 1, "\t".join(cells), tuple(cells), page))
        lines.append(SourceLine(len(lines) + 1, "", None, page))  # a table ends here
    if not any(line.text.strip() for line in lines):
        raise InputError("importers.empty", file=display)
    return lines


def _text(paragraph: Paragraph) -> str:
    return paragraph.text(tab=" ", page="")
