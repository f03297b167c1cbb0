"""Reading a user's file whole: what every reader of workspace files, letters, documents and workbooks does
first, with the same messages (not a file, not found, too big, unreadable) naming the file."""

from __future__ import annotations

from pathlib import Path

from sakip_eval.errors import InputError


def read_limited(path: Path, display: str, limit: int) -> bytes:
    """The file's bytes; a file larger than `limit` bytes is refused before it is read, so an oversized file
    (a video picked by mistake) costs neither time nor memory."""
    if not path.is_file():
        raise InputError("error.not_a_file" if path.exists() else "error.not_found", file=display,
                         fix=None if path.exists() else "error.file_not_found.fix")
    try:
        if path.stat().st_size > limit:
            raise InputError("error.too_big", file=display, limit=limit // (1024 * 1024))
        return path.read_bytes()
    except OSError as exc:
        raise InputError("error.os", file=display, detail=exc.strerror or str(exc)) from exc
