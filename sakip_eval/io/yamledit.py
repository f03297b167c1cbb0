"""Editing a user's YAML file in place: comments, key order, quoting and indentation stay as written.

Reading for validation goes through :mod:`sakip_eval.io.yamlread` (libyaml, plain data and a line index);
the one file the tool writes (followup.yaml, DESIGN section 8) is edited here with ruamel.yaml's
round-trip tree, and the result is parsed again by :func:`sakip_eval.io.yamlread.parse_text` before it is
written, so what lands on disk is exactly what the next run reads.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from sakip_eval.errors import InputError
from sakip_eval.io.yamlread import read_text


@dataclass
class Editable:
    """A file's round-trip tree and the text it came from (empty for a new file)."""

    path: Path
    display: str
    tree: Any
    text: str = ""


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long texts (recommendations are one long line each)
    return yaml


def load_editable(path: Path, display: str) -> Editable:
    """The file's round-trip tree. Callers validate the file with yamlio first; a parse error here
    is still reported with its line."""
    text = read_text(path, display)
    try:
        tree = _round_trip().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("error.yaml", file=display, line=mark.line + 1 if mark else None,
                         detail=str(exc).splitlines()[0]) from exc
    return Editable(path, display, tree, text)


def dump(doc: Editable) -> str:
    """The (edited) tree as text, in the file's own indentation style (the project's when new)."""
    yaml = _round_trip()
    _, indent, block_seq_indent = load_yaml_guess_indent(doc.text) if doc.text.strip() else (None, None, None)
    sequence = indent if isinstance(indent, int) and indent > 0 else 4
    offset = block_seq_indent if isinstance(block_seq_indent, int) else 2
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    stream = StringIO()
    yaml.dump(doc.tree, stream)
    return stream.getvalue()


def replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a temporary file in the same folder, flushed to disk, then
    renamed over the original, so a reader or a crash sees the old file or the new one, never half."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def flow_list(items: list[str]) -> CommentedSeq:
    """`[a, b]` on one line, as the bundled files write id lists."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def put(node: CommentedMap, key: str, value: Any, after: str | None) -> None:
    """Set `key`, placing a new key right after `after` (or last) so the file reads in model order."""
    if key in node:
        node[key] = value
        return
    keys = list(node)
    node.insert(keys.index(after) + 1 if after in keys else len(keys), key, value)


def _last_slot(node: Any) -> tuple[CommentedMap | CommentedSeq, Any] | None:
    """The container and key of the last scalar printed for `node` (descending into block collections):
    ruamel hangs the comment lines that follow a value on that slot."""
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, CommentedMap | CommentedSeq) and len(value) and not value.fa.flow_style():
            node = value
            continue
        return node, key
    return None


def _comment_position(container: CommentedMap | CommentedSeq) -> int:
    return 0 if isinstance(container, CommentedSeq) else 2


def take_trailing(node: Any) -> str:
    """Detach the whole-line comments below `node`'s last value (e.g. `# before b`, which introduces the
    next item), keeping any end-of-line comment where it is. Call before appending to `node`."""
    slot = _last_slot(node)
    if slot is None:
        return ""
    container, key = slot
    entry = container.ca.items.get(key)
    position = _comment_position(container)
    if not entry or entry[position] is None:
        return ""
    eol, newline, rest = str(entry[position].value).partition("\n")
    if not rest:
        return ""
    if eol.strip():
        entry[position].value = eol + newline
    else:
        entry[position] = None
    return rest


def give_trailing(node: Any, rest: str) -> None:
    """Hang detached comment lines below `node`'s (new) last value, so they stay where they were in
    the file: after this item, before the next."""
    slot = _last_slot(node) if rest else None
    if slot is None:
        return
    container, key = slot
    position = _comment_position(container)
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    if entry[position] is None:
        entry[position] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        entry[position].value += rest
