"""The document an import reads, as lines for :mod:`sakip_eval.importers.blocks`.

The kind is told by the file's first bytes, not its name: a PDF, a Word .docx (a zip with
word/document.xml), or text in UTF-8 whose table rows are tab-separated (what Word, LibreOffice and
PDF converters give when a report is saved or copied as text). Sizes are bounded before anything is
parsed: the file, its lines, a table's rows and columns.
"""

from __future__ import annotations

from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.importers.blocks import Block, SourceLine, build_blocks
from sakip_eval.io.files import read_limited

MAX_BYTES = 50 * 1024 * 1024  # a long LKjIP with its attachments is a few MiB
MAX_LINES = 200_000
MAX_COLUMNS = 200  # cells in one table row; LKjIP tables have at most a few dozen
MAX_TABLE_ROWS = 5_000
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc and .xls (Office 97-2003)


def read_source(path: Path) -> list[Block]:
    """The document's paragraphs and tables."""
    display = str(path)
    data = read_limited(path, display, MAX_BYTES)
    if data.lstrip()[:5] == b"%PDF-":
        from sakip_eval.importers.pdftables import pdf_lines

        lines = pdf_lines(display, data)
    elif data[:4] == b"PK\x03\x04":
        from sakip_eval.importers.docxtables import docx_lines

        lines = docx_lines(display, data)
    elif data[:8] == OLE:
        raise InputError("importers.old_office", file=display)
    else:
        lines = text_lines(display, data)
    check_limits(display, lines)
    blocks = build_blocks(lines)
    if not blocks:
        raise InputError("importers.empty", file=display)
    return blocks


def text_lines(display: str, data: bytes) -> list[SourceLine]:
    """Tab-separated text: a line with a tab is a table row, its cells split at the tabs."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("error.not_utf8", file=display, offset=exc.start) from exc
    if "\x00" in text:
        raise InputError("importers.binary", file=display)
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number > MAX_LINES:
            raise InputError("importers.too_many_lines", file=display, limit=MAX_LINES)
        out.append(SourceLine(number, line, tuple(line.split("\t")) if "\t" in line else None))
    return out


def check_limits(display: str, lines: list[SourceLine]) -> None:
    """Refuse tables no LKjIP has (a table of thousands of rows, a row of hundreds of cells) before
    the matching, which compares rows with each other, spends time on them."""
    run = 0
    for line in lines:
        if line.cells is None:
            run = 0
            continue
        run += 1
        if len(line.cells) > MAX_COLUMNS:
            raise InputError("importers.too_many_columns", file=display, line=line.number, limit=MAX_COLUMNS)
        if run > MAX_TABLE_ROWS:
            raise InputError("importers.too_many_rows", file=display, line=line.number, limit=MAX_TABLE_ROWS)
