"""Editing a user's YAML file in place: comments, key order, quoting and indentation stay as written.

Reading for validation goes through :mod:`sakip_eval.io.yamlread` (libyaml, plain data and a line index);
the input files the tool changes (followup.yaml by `followup set` and `followup import`, the history in
workspace.yaml by `followup import`) are edited here with ruamel.yaml's
round-trip tree, and the result is parsed again by :func:`sakip_eval.io.yamlread.parse_text` before it is
written, so what lands on disk is exactly what the next run reads.
"""

from __future__ import annotations

import re
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
from sakip_eval.io.atomic import write_atomically
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
    return Editable(path, display, _parse(text, display), text)


def _parse(text: str, display: str) -> Any:
    try:
        return _round_trip().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("error.yaml", file=display, line=mark.line + 1 if mark else None,
                         detail=str(exc).splitlines()[0]) from exc


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
    """Write the edited `text` to `path` in UTF-8 as it is (line endings included), atomically."""
    write_atomically(path, text.encode("utf-8"))


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


def set_entry(text: str, display: str, parent: str, key: int, value: str | list[str], after: str) -> str:
    """`text` with `parent: {key: value}` set (`value`: a scalar as YAML text, or a mapping's lines,
    unindented), every other line of the file byte for byte as it was: a user's file keeps its comments,
    quoting, `null`s and layout.

    `parent` is a top-level mapping (created after the top-level key `after`, or at the end, when absent).
    An existing `key` has its lines replaced; a new one is placed among its siblings in sorted order.
    Whole-line comments just above a sibling stay with that sibling."""
    parsed = _parse(text, display)
    tree = parsed if isinstance(parsed, CommentedMap) else CommentedMap()
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    top = _top_level_lines(tree, len(lines))
    if parent not in tree:
        at = _span_end(lines, top[after]) if after in tree else len(lines)
        return "".join([*lines[:at], f"{parent}:\n", *_indented(key, value, 2), *lines[at:]])
    node = tree[parent]
    parent_line = tree.lc.key(parent)[0]
    if not isinstance(node, CommentedMap) or not node or node.fa.flow_style():
        entries = {k: _flow_entry(v) for k, v in node.items()} if isinstance(node, CommentedMap) else {}
        entries[key] = value
        head = _EMPTY_VALUE.sub(r"\1\3", lines[parent_line].rstrip("\n")) + "\n"
        body = [line for k in sorted(entries) for line in _indented(k, entries[k], 2)]
        return "".join([*lines[:parent_line], head, *body, *lines[parent_line + 1:]])
    starts = {k: node.lc.key(k)[0] for k in node}
    indent = node.lc.key(next(iter(node)))[1]
    end = _span_end(lines, top[parent])
    ordered = sorted(starts.items(), key=lambda item: item[1])
    spans = {k: (start, _trim(lines, start, ordered[i + 1][1] if i + 1 < len(ordered) else end))
             for i, (k, start) in enumerate(ordered)}
    new = _indented(key, value, indent)
    if key in spans:
        start, stop = spans[key]
        return "".join([*lines[:start], *new, *lines[stop:]])
    later = [spans[k][0] for k in node if isinstance(k, int) and k > key]
    if later:
        at = min(later)
        while at - 1 > parent_line and lines[at - 1].strip().startswith("#"):
            at -= 1  # keep a comment that introduces the next entry with it
    else:
        at = max(stop for _, stop in spans.values())
    return "".join([*lines[:at], *new, *lines[at:]])


_EMPTY_VALUE = re.compile(r"^(\s*[^:#]+:)(\s*(?:\{\s*\}|null|~)?)(\s*#.*)?$")





def _top_level_lines(tree: CommentedMap, count: int) -> dict[Any, tuple[int, int]]:
    """Each top-level key's first line and the first line of the next key (or the end)."""
    starts = sorted((tree.lc.key(k)[0], k) for k in tree)
    return {k: (line, starts[i + 1][0] if i + 1 < len(starts) else count) for i, (line, k) in enumerate(starts)}


def _span_end(lines: list[str], span: tuple[int, int]) -> int:
    """Where a top-level entry's own lines end: before the comments and blank lines that lead to the next."""
    return _trim(lines, span[0], span[1])


def _trim(lines: list[str], start: int, stop: int) -> int:
    while stop - 1 > start and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
        stop -= 1
    return stop


def _indented(key: Any, value: str | list[str], indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, str):
        return [f"{pad}{key}: {value}\n"]
    return [f"{pad}{key}:\n", *(f"{pad}  {line}\n" for line in value)]


def _flow_entry(value: Any) -> str | list[str]:
    """An entry of a flow mapping, rewritten in block style (the one case where a file's layout changes)."""
    stream = StringIO()
    _round_trip().dump({"x": value}, stream)
    text = stream.getvalue().rstrip("\n")
    if text.startswith("x: "):
        return text[3:]
    return [line[2:] for line in text.splitlines()[1:]]
