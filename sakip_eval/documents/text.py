"""Plain text (.txt, or a letter pasted from e-mail): lines as written, split into cells.

A line with tabs or `|` is a table row: its cells are the words, numbered left to right. Otherwise each
whitespace-separated token is a word at its character column, which lines up the columns of a table
typed with spaces (or saved by `pdftotext -layout`).
"""

from __future__ import annotations

import re
from itertools import islice

from sakip_eval.documents.model import Document, Line, Word
from sakip_eval.errors import InputError

CELL_SEPARATOR = re.compile(r"\t|\|")
TOKEN = re.compile(r"\S+")
# A letter's lines as text: an LHE is a few pages, an LKjIP with its LHE appended a few thousand lines (the
# seed file: 2,242). Each line is matched against the rulebook's vocabulary (tens to a hundred microseconds),
# so the cap bounds the reader's time: a file past it is refused at once.
MAX_LINES = 10_000
# Words of a line kept as positioned cells: a table row has a few dozen; a paragraph on one line keeps its
# whole text, and a 10 MiB line does not become millions of word objects.
MAX_WORDS = 1_000
LINE_BREAK = re.compile(r"\r\n|\r|\n")
INLINE_BREAK = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def read_txt(display: str, data: bytes) -> Document:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("error.not_utf8", file=display, offset=exc.start, fix="documents.not_utf8.fix") from exc
    return Document(display, "txt", text_lines(text, display))


def text_lines(text: str, display: str) -> tuple[Line, ...]:
    """The lines an editor shows (LF, CRLF or CR end a line; a form feed from pdftotext's page breaks, NEL
    or U+2028 are spaces inside one), so that line numbers in messages match the file; at most MAX_LINES."""
    count = text.count("\n") + text.count("\r") - text.count("\r\n")
    if count >= MAX_LINES:
        raise InputError("documents.too_many_lines", file=display, limit=MAX_LINES)
    return tuple(Line(i, line, split_cells(line), cells=bool(CELL_SEPARATOR.search(line)))
                 for i, line in enumerate(LINE_BREAK.split(INLINE_BREAK.sub(" ", text)), start=1))


def split_cells(line: str) -> tuple[Word, ...]:
    """The line's cells (tab or `|` separated) or its words at their columns, at most MAX_WORDS."""
    if CELL_SEPARATOR.search(line):
        cells = [" ".join(cell.split()) for cell in CELL_SEPARATOR.split(line)]
        if line.lstrip().startswith("|"):  # a markdown row: the empty cell before the first bar is no column
            cells = cells[1:]
        return tuple(Word(cell, i, i + 1) for i, cell in enumerate(cells[:MAX_WORDS]) if cell)
    return tuple(Word(m.group(), m.start(), m.end()) for m in islice(TOKEN.finditer(line), MAX_WORDS))
