"""The tool's own files inside a workspace: the folder `WS/.sakip/` (git-ignored) with the run history and
the write lock.

The folder must be a plain folder inside the workspace. A symbolic link there (planted in a shared
folder, or left by a copy) would make the tool create and change files elsewhere, so it is refused, as
is a link in place of the lock file (opening it would truncate whatever it points to).

Every command that changes a workspace file (`followup set`, `followup import`, `import-lke`) holds the
one write lock from reading the workspace to writing the file, so concurrent writers run one after the
other and none loses another's change.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from sakip_eval.errors import InputError

STATE_DIR = ".sakip"
LOCK_NAME = "write.lock"
LOCK_TIMEOUT = 120.0


def state_dir(root: Path, create: bool) -> Path:
    """`root/.sakip`, created when asked; refused when it is a link or not a folder."""
    path = root / STATE_DIR
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        if not create:
            return path
        try:
            path.mkdir(exist_ok=True)
            info = os.lstat(path)
        except OSError as exc:
            raise InputError("error.os", file=str(path), detail=exc.strerror or str(exc)) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise InputError("error.state_dir", file=str(path))
    return path


def state_file(root: Path, name: str, create_dir: bool) -> Path:
    """A file of the state folder; a link in its place is refused (the tool writes only its own files)."""
    path = state_dir(root, create_dir) / name
    if path.is_symlink():
        raise InputError("error.state_link", file=str(path))
    return path


@contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """Hold the workspace's write lock; a lock held elsewhere for too long is a clear error."""
    lock = FileLock(str(state_file(root, LOCK_NAME, create_dir=True)), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout as exc:
        raise InputError("edit.locked", file=str(root / STATE_DIR / LOCK_NAME), seconds=int(LOCK_TIMEOUT)) from exc
    try:
        yield
    finally:
        lock.release()
