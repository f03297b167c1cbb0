"""What a document reader gives back: lines of words, each word with its horizontal extent.

Letters and reports put their numbers in tables. Which column a number belongs to (weight, last
year, this year) is decided by where it stands under the header, so every reader keeps positions:
PDF words carry their x coordinates in points, Word table cells their grid columns, and plain text
its cells (tab- or `|`-separated) or its character columns. Positions are comparable within one
document, not across kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Kind = Literal["pdf", "docx", "txt"]


class Word(NamedTuple):
    """A word (PDF), a table cell (Word) or a cell or token (plain text), with its horizontal extent.
    A named tuple, not a frozen dataclass: a letter of 10,000 lines makes tens of thousands of them, and a
    tuple is built several times faster."""

    text: str
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Line:
    """One line as a reader sees it. `number` is 1-based through the whole document (the line of a text
    file; for PDF and Word, the line of the extracted text) and `page` is 1-based for PDF. Positions of
two lines are comparable in a PDF, and elsewhere between lines that are both cells or both not."""

    number: int
    text: str
    words: tuple[Word, ...]
    page: int | None = None
    cells: bool = False  # the words are a table row's cells (Word table, tab- or `|`-separated text)


@dataclass(frozen=True)
class Document:
    """A document's text as lines. `ocr` is true when the text is an OCR layer over a scan (digits and
    words may be misread, so readers repair and cross-check them); `blank_pages` lists pages that carry
    no text at all (a scanned page without a text layer)."""

    display: str
    kind: Kind
    lines: tuple[Line, ...]
    ocr: bool = False
    blank_pages: tuple[int, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
