"""Plain text (.txt, or a letter pasted from e-mail): lines as written, split into cells.

A line with tabs or `|` is a table row: its cells are the words, numbered left to right. Otherwise each
whitespace-separated token is a word at its character column, which lines up the columns of a table
typed with spaces (or saved by `pdftotext -layout`).
"""

from __future__ import annotations

import re

from sakip_eval.documents.model import Document, Line, Word
from sakip_eval.errors import InputError

CELL_SEPARATOR = re.compile(r"\t|\|")
TOKEN = re.compile(r"\S+")


def read_txt(display: str, data: bytes) -> Document:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("error.not_utf8", file=display, offset=exc.start, fix="documents.not_utf8.fix") from exc
    lines = tuple(Line(i, line, split_cells(line), cells=bool(CELL_SEPARATOR.search(line)))
                  for i, line in enumerate(text.splitlines(), start=1))
    return Document(display, "txt", lines)


def split_cells(line: str) -> tuple[Word, ...]:
    if CELL_SEPARATOR.search(line):
        cells = [" ".join(cell.split()) for cell in CELL_SEPARATOR.split(line)]
        if line.lstrip().startswith("|"):  # a markdown row: the empty cell before the first bar is no column
            cells = cells[1:]
        return tuple(Word(cell, i, i + 1) for i, cell in enumerate(cells) if cell)
    return tuple(Word(m.group(), m.start(), m.end()) for m in TOKEN.finditer(line))
