"""PDF tables on their grid, with the text lines around them, in reading order, through pdfplumber
(MIT; built on pdfminer.six, MIT, and pypdfium2, Apache-2.0/BSD).

pdfplumber finds a table from its ruling lines (Word and LibreOffice draw them around every cell),
so a label that wraps over three lines stays one cell and merged header cells come back as one cell
with empty neighbours, as in Word. Text outside the tables is read line by line (captions, headings,
the narrative). A page without text is a scan: a PDF with no text at all is refused with the advice to
add a text layer (OCR); an encrypted PDF is refused with the advice to save an unprotected copy.
"""

from __future__ import annotations

import io
import re
from typing import Any

from sakip_eval.errors import InputError
from sakip_eval.importers.blocks import SourceLine

MAX_PAGES = 300
MAX_CHARS = 200_000  # characters of one page: far beyond any printed page
_SPLIT_NUMBER = re.compile(r"(?<=[\d.,])\n(?=[\d.,%])")  # "5.804.378.0" over "00" in a narrow cell
WRAPPED = 0.8  # a line this wide (of the page's longest) that is followed closely is continued below


def pdf_lines(display: str, data: bytes) -> list[SourceLine]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    lines: list[SourceLine] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError("importers.too_many_pages", file=display, pages=len(pdf.pages), limit=MAX_PAGES)
            chars = 0
            for number, page in enumerate(pdf.pages, start=1):
                if len(page.chars) > MAX_CHARS:
                    raise InputError("importers.page_too_big", file=display, page=number, limit=MAX_CHARS)
                chars += len(page.chars)
                _page(page, number, lines)
                page.close()
    except InputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise InputError("importers.encrypted_pdf", file=display) from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise InputError("importers.encrypted_pdf", file=display) from exc
        raise InputError("importers.bad_pdf", file=display, detail=str(cause)[:200] or type(cause).__name__) from exc
    except (PSException, MalformedPDFException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OverflowError, AssertionError, ZeroDivisionError) as exc:  # a damaged file, read lazily
        raise InputError("importers.bad_pdf", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
    if chars == 0:
        raise InputError("importers.no_text_layer", file=display)
    return lines


def _page(page: Any, number: int, lines: list[SourceLine]) -> None:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, int, Any]] = []
    for top, text in _paragraphs(page.filter(outside).extract_text_lines(return_chars=False)):
        items.append((top, 0, text))
    for table in tables:
        items.append((float(table.bbox[1]), 1, table))
    items.sort(key=lambda item: (item[0], item[1]))
    for _, kind, payload in items:
        if kind == 0:
            lines.append(SourceLine(len(lines) + 1, str(payload), None, number))
            continue
        for row in payload.extract():
            cells = tuple(" ".join(_SPLIT_NUMBER.sub("", cell or "").split()) for cell in row)
            lines.append(SourceLine(len(lines) + 1, "\t".join(cells), cells, number))
        lines.append(SourceLine(len(lines) + 1, "", None, number))


def _paragraphs(lines: list[dict[str, Any]]) -> list[tuple[float, str]]:
    """Text lines joined into paragraphs: a line as wide as the text column that the next line follows
    without a gap was wrapped, so a sentence a narrative check reads stays whole."""
    widest = max((float(line["x1"]) - float(line["x0"]) for line in lines), default=0.0)
    out: list[tuple[float, str]] = []
    previous: dict[str, Any] | None = None
    for line in lines:
        height = float(line["bottom"]) - float(line["top"])
        if previous is not None and out:
            gap = float(line["top"]) - float(previous["bottom"])
            wide = float(previous["x1"]) - float(previous["x0"]) >= WRAPPED * widest
            if wide and gap < 0.6 * max(height, 1.0):
                out[-1] = (out[-1][0], f"{out[-1][1]} {line['text']}")
                previous = line
                continue
        out.append((float(line["top"]), str(line["text"])))
        previous = line
    return out
