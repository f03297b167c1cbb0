"""Reading the documents a team receives (evaluation letters first): PDF text layers, Word files and
plain text, as lines of positioned words (:mod:`.model`).

The kind is told by the file's first bytes, not its name, so a PDF saved as `.txt` still reads. Formats
that cannot be read get a message that says what to do: an old binary .doc (save it as .docx or PDF),
a scanned PDF without a text layer (add one with `ocrmypdf -l ind`, or `--ocr` when it is installed).
"""

from __future__ import annotations

from pathlib import Path

from sakip_eval.documents.model import Document, Kind, Line, Word
from sakip_eval.errors import InputError
from sakip_eval.io.files import read_limited
from sakip_eval.io.yamlread import MAX_BYTES as MAX_TEXT_BYTES

__all__ = ["MAX_BYTES", "Document", "Kind", "Line", "Word", "read_document"]

MAX_BYTES = 50 * 1024 * 1024  # a PDF or Word file; a scanned letter with its attachments is a few MiB
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc (Word 97-2003) and .xls
IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF: a photo or scan of a page


def read_document(path: Path, display: str | None = None, *, ocr: bool = False) -> Document:
    """The document at `path` as lines. With `ocr`, a PDF page without text gets an OCR layer first."""
    display = display or str(path)
    data = read_limited(path, display, MAX_BYTES)
    binary = data.lstrip()[:5] == b"%PDF-" or data[:4] == b"PK\x03\x04"
    if not binary and len(data) > MAX_TEXT_BYTES:
        raise InputError("error.too_big", file=display, limit=MAX_TEXT_BYTES // (1024 * 1024))
    if data.startswith(IMAGES):
        raise InputError("documents.image", file=display)
    if data.lstrip()[:5] == b"%PDF-":
        from sakip_eval.documents.pdf import read_pdf

        if not ocr:
            return read_pdf(display, data)
        from sakip_eval.documents.ocr import add_text_layer

        try:
            document: Document | None = read_pdf(display, data)
        except InputError as exc:
            if exc.key != "documents.no_text_layer":
                raise
            document = None
        if document is None or document.blank_pages:
            return read_pdf(display, add_text_layer(display, data))
        return document
    if data[:4] == b"PK\x03\x04":
        from sakip_eval.documents.docx import read_docx

        return read_docx(display, data)
    if data[:8] == OLE:
        raise InputError("documents.old_word", file=display)
    if data[:5] == b"{\\rtf":
        raise InputError("documents.rtf", file=display)
    from sakip_eval.documents.text import read_txt

    return read_txt(display, data)
