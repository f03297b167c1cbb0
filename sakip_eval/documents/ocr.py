"""Adding a text layer to a scanned PDF with OCRmyPDF (`ocrmypdf -l ind`), when the user asks (`--ocr`)
and the tool is installed. OCRmyPDF is a separate program (it needs Tesseract with Indonesian language
data); sakip-eval only runs it, on a copy in a temporary folder: the user's file is never changed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from sakip_eval.errors import InputError

TIMEOUT = 900  # seconds: a few pages take well under a minute; a long scan may take several


def ocrmypdf() -> str | None:
    """The path of the `ocrmypdf` program, or None when it is not installed."""
    return shutil.which("ocrmypdf")


def add_text_layer(display: str, data: bytes) -> bytes:
    """The PDF with a text layer on every page that had none (`--skip-text` keeps existing text)."""
    program = ocrmypdf()
    if program is None:
        raise InputError("documents.ocr_missing", file=display)
    with tempfile.TemporaryDirectory(prefix="sakip-ocr-") as folder:
        source, target = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        source.write_bytes(data)
        try:
            done = subprocess.run(
                [program, "-l", "ind", "--skip-text", "--quiet", str(source), str(target)],
                capture_output=True, text=True, timeout=TIMEOUT, check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError("documents.ocr_failed", file=display, detail=str(exc)[:300]) from exc
        if done.returncode != 0 or not target.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise InputError("documents.ocr_failed", file=display,
                             detail=detail[-1][:300] if detail else f"exit {done.returncode}")
        return target.read_bytes()
