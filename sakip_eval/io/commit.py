"""The one way a command changes a workspace file: validate the new text as part of the whole workspace,
exactly as the next run will read it, and write it only if that run would accept it.

A change that would leave a workspace every command then refuses (a 12 MB followup.yaml, a duplicate
recommendation id, an unknown evidence id) is refused before anything is written, and the message says
what the resulting file would have got wrong, without a line number the file on disk does not have.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.state import state_dir
from sakip_eval.io.workspace import Workspace, load_workspace


def commit(root: Path, changes: Mapping[str, str]) -> Workspace:
    """Write each `name: text` of `changes` as that workspace file (atomically, through a link) if the
    workspace with all of them loads; return that workspace. Nothing is written when one would break it."""
    try:
        ws = load_workspace(root, replacing=changes)
    except InputError as exc:
        if exc.file not in {str(root / name) for name in changes} or exc.key.startswith("edit."):
            raise
        raise InputError("edit.would_break", file=exc.file, detail=exc) from exc
    for name, text in changes.items():
        display = str(root / name)
        write_atomically(root / name, text.encode("utf-8"), display, temp_dir=state_dir(root, create=True))
    return ws
