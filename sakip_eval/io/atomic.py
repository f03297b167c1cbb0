"""Writing files so that a reader never sees half of one, and only where the user meant.

- A symbolic link is written through: the file it points to is replaced and the link stays (a shared
  followup.yaml linked into several workspaces keeps being shared). A link to nothing is refused.
- A target that is not a regular file (a device such as /dev/null, a FIFO, a socket, a folder, or a link
  to one) is refused before anything is written: replacing it with a regular file would break whatever
  it was, and opening a FIFO would wait forever.
- The content goes to a temporary file `.sakip-XXXXXXXX.tmp` beside the target (a short name: a legal
  250-character target name still fits; `.sakip-*.tmp` is git-ignored), is flushed to disk, takes the
  target's permissions (0600 stays 0600; a new file gets what the umask gives), and is renamed over the
  target in one step. A failure removes it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from sakip_eval.errors import InputError

TEMP_PREFIX = ".sakip-"
TEMP_SUFFIX = ".tmp"


def write_target(path: Path, display: str | None = None) -> Path:
    """The file that writing `path` replaces: `path` itself, or what its symbolic link points to."""
    display = display or str(path)
    if "\0" in str(path):
        raise InputError("error.nul_in_path", file=display.replace("\0", "\\0"))
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISLNK(info.st_mode):
        if not path.exists():  # a link to nothing, or a loop of links
            raise InputError("output.dangling_link", file=display)
        target = path.resolve()
        if not target.is_file():
            raise InputError("output.not_regular", file=display)
        return target
    if not stat.S_ISREG(info.st_mode):
        raise InputError("output.not_regular", file=display)
    return path


def write_atomically(path: Path, content: bytes, display: str | None = None, temp_dir: Path | None = None) -> None:
    """Replace (or create) the file at `path` with `content` in one step; see the module docstring.
    `temp_dir` (on the same file system) holds the temporary file instead of the target's folder: a
    workspace's writers use its state folder, so a write killed midway leaves nothing among the files."""
    target = write_target(path, display)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _new_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=temp_dir or target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """What `open()` would give a new file: 0666 less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
