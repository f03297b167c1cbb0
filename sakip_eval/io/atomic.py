"""Writing users' files so that a reader never sees half of one: a failed or interrupted write leaves the old
file as it was and no partial or temporary file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside `path`, flushed to disk, and rename it over `path` in one step, so a
    reader or a crash sees the old file or the new one, never half. A file that exists keeps its
    permissions; a new one is readable by all (0644)."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
