"""PDF text layers through pypdfium2 (PDFium's bindings; Apache-2.0/BSD-3, wheels for Windows and Linux).

PDFium gives each character with its box. Words are rebuilt from characters and lines from words by
their vertical position, so a table row whose cells the PDF stores out of order (a wrapped label, a
header drawn after its values, the fields of a letterhead) still reads as one line, left to right,
with every word's x position kept for the column it stands in.

A page with no characters is a scan without a text layer. A text layer drawn invisibly (render mode 3)
is an OCR layer laid over a scan: the document is marked `ocr`, so readers treat its digits with care.
"""

from __future__ import annotations

from dataclasses import dataclass

from sakip_eval.documents.model import Document, Line, Word
from sakip_eval.errors import InputError

MAX_PAGES = 200
INVISIBLE = 3  # PDF text render mode "neither fill nor stroke": the OCR layer of a scanned page
WORD_GAP = 0.6  # a horizontal gap wider than this share of the font height starts a word (PDFium marks
# ordinary spaces itself; this catches words placed apart without one)
LINE_OVERLAP = 0.5  # words share a line when their boxes overlap vertically by this share of the smaller
SOFT_HYPHEN = {0xFFFE: "-", 0x00AD: "-", 0x0002: "-"}


@dataclass
class _Box:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def read_pdf(display: str, data: bytes) -> Document:
    """The PDF's text layer as positioned lines. A PDF with no text at all is refused with the advice to
    add a text layer (see :mod:`sakip_eval.documents.ocr`)."""
    import pypdfium2 as pdfium  # a compiled library: loaded only when a PDF is read

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError("documents.bad_pdf", file=display, detail=str(exc)[:200]) from exc
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError("documents.too_many_pages", file=display, pages=len(pdf), limit=MAX_PAGES)
        lines: list[Line] = []
        blank: list[int] = []
        invisible = visible = 0
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                boxes = _characters(page)
                shown, hidden = _text_render_modes(page)
            finally:
                page.close()
            invisible += hidden
            visible += shown
            if not boxes:
                blank.append(index + 1)
                continue
            for words in _lines(_words(boxes)):
                text = " ".join(w.text for w in words)
                lines.append(Line(len(lines) + 1, text, tuple(words), page=index + 1))
    except pdfium.PdfiumError as exc:
        raise InputError("documents.bad_pdf", file=display, detail=str(exc)[:200]) from exc
    finally:
        pdf.close()
    if not lines:
        raise InputError("documents.no_text_layer", file=display, pages=len(blank))
    return Document(display, "pdf", tuple(lines), ocr=invisible > visible, blank_pages=tuple(blank))


def _characters(page: object) -> list[_Box]:
    """Every visible character with its box, in PDFium's reading order; spaces become `" "` markers
    without a box so that the word builder splits there."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        out: list[_Box] = []
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            char = SOFT_HYPHEN.get(code) or (chr(code) if 0 < code < 0x110000 else " ")
            if char.isspace() or not char.isprintable():
                out.append(_Box(" ", 0, 0, 0, 0))
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            if top <= bottom:
                top = bottom + 1
            out.append(_Box(char, left, right, bottom, top))
        return out
    finally:
        textpage.close()


def _text_render_modes(page: object) -> tuple[int, int]:
    """(visible, invisible) text objects of the page."""
    import pypdfium2.raw as raw

    shown = hidden = 0
    for obj in page.get_objects(max_depth=2):  # type: ignore[attr-defined]
        if obj.type == raw.FPDF_PAGEOBJ_TEXT:
            if raw.FPDFTextObj_GetTextRenderMode(obj.raw) == INVISIBLE:
                hidden += 1
            else:
                shown += 1
    return shown, hidden


def _words(chars: list[_Box]) -> list[_Box]:
    """Characters joined into words: a space, a jump back, a wide gap or another line ends a word."""
    words: list[_Box] = []
    current: _Box | None = None
    for char in chars:
        if char.text == " ":
            current = None
            continue
        if current is not None:
            height = max(current.height, char.height)
            gap = char.x0 - current.x1
            same_line = abs(char.middle - current.middle) < height * 0.5
            if same_line and -height * 0.5 < gap < height * WORD_GAP:
                current.text += char.text
                current.x1 = max(current.x1, char.x1)
                current.bottom = min(current.bottom, char.bottom)
                current.top = max(current.top, char.top)
                continue
        current = _Box(char.text, char.x0, char.x1, char.bottom, char.top)
        words.append(current)
    return words


def _lines(words: list[_Box]) -> list[list[Word]]:
    """Words grouped into lines by vertical overlap, top to bottom, each left to right."""
    rows: list[tuple[_Box, list[_Box]]] = []  # (the line's band, its words)
    for word in sorted(words, key=lambda w: (-w.middle, w.x0)):
        for band, members in reversed(rows[-4:]):
            overlap = min(band.top, word.top) - max(band.bottom, word.bottom)
            if overlap >= LINE_OVERLAP * min(band.height, word.height):
                members.append(word)
                band.bottom = min(band.bottom, word.bottom)
                band.top = max(band.top, word.top)
                break
        else:
            rows.append((_Box("", 0, 0, word.bottom, word.top), [word]))
    rows.sort(key=lambda row: -row[0].middle)
    return [[Word(w.text, w.x0, w.x1) for w in sorted(members, key=lambda w: w.x0)] for _, members in rows]
