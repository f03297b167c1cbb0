"""The one way a command changes a workspace file: validate the new text as part of the whole workspace,
exactly as the next run will read it, and write it only if that run would accept it.

A change that would leave a workspace every command then refuses (a 12 MB followup.yaml, a duplicate
recommendation id, an unknown evidence id) is refused before anything is written, and the message says
what the resulting file would have got wrong, without a line number the file on disk does not have.
"""

from __future__ import annotations

from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.state import state_dir
from sakip_eval.io.workspace import Workspace, load_workspace


def commit(root: Path, name: str, text: str) -> Workspace:
    """Write `text` as the workspace file `name` (atomically, through a link) if the workspace with it
    loads; return that workspace."""
    display = str(root / name)
    try:
        ws = load_workspace(root, replacing={name: text})
    except InputError as exc:
        if exc.file != display or exc.key.startswith("edit."):
            raise
        raise InputError("edit.would_break", file=display, detail=exc) from exc
    write_atomically(root / name, text.encode("utf-8"), display, temp_dir=state_dir(root, create=True))
    return ws
