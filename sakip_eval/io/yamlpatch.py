"""Editing a user's YAML file by patching its text: every byte the edit is not about stays as written.

The files the tool writes (followup.yaml, assessment.yaml) are typed by people, with their own line
endings (CRLF from Notepad), a byte-order mark, `%YAML` and `---` lines, comments, long texts wrapped
over several lines, escapes and flow lists spaced their way. Loading such a file into a tree and dumping
the tree back rewrites all of that. Instead the file is parsed once for the position of every node
(libyaml marks), and an edit is a list of insertions and replacements at those positions: a scalar
replaced, an item appended to a list, a key added to a mapping, an entry's value replaced. Nothing else
moves; new lines use the file's own line ending and indentation.

New values are written on one line each: a plain scalar when it reads back as the same string in
YAML 1.1 and 1.2 alike, else a double-quoted scalar with every control character escaped, so a long
text is never re-wrapped and a control character can never break the file.

A node reached twice through an alias (`&ev` ... `*ev`) is shared: changing it would change every
record that refers to it, so :class:`Original` refuses edits inside shared nodes with the line to fix.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from sakip_eval.errors import InputError
from sakip_eval.io.yamlread import loader_for
from sakip_eval.render.safe import json_escape

Node = yaml.Node
BOM = "\ufeff"
# A plain scalar the tool writes: starts with a letter, digit or one of `./(`, holds no character that means
# something to YAML in block or flow context, and does not end in a space.
_PLAIN = re.compile(r"[A-Za-z0-9À-\U0010ffff./(][A-Za-z0-9À-\U0010ffff ./()@+*'!?%=&~_-]*(?<! )")
# Words YAML 1.1 readers (older editors, other tools) take for booleans.
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"})


def scalar(value: Any) -> str:
    """`value` as a one-line YAML scalar that every reader reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML11_WORDS and _reads_as_string(text):
        return text
    return json_escape(json.dumps(text, ensure_ascii=False))


def _reads_as_string(text: str) -> bool:
    loader = loader_for(text)
    try:
        return bool(loader.get_single_data() == text)
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()


def flow(value: Any) -> str:
    """A value in flow style on one line: `{met: true, evidence: [a, b]}`."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def block(value: Mapping[str, object], indent: int, eol: str) -> str:
    """A mapping in block style at `indent`, one key a line; nested values in flow style."""
    pad = " " * indent
    return "".join(f"{pad}{scalar(k)}: {flow(v)}{eol}" for k, v in value.items())


def block_item(value: dict[str, Any], dash: int, eol: str) -> str:
    """A mapping as an item of a block sequence whose dashes stand at column `dash`."""
    lines = block(value, dash + 2, eol)
    return " " * dash + "- " + lines[dash + 2:]


@dataclass
class Original:
    """A file as read: its text without the BOM, whether it had one, its line ending, and its node tree
    with positions. Edits accumulate and :meth:`text` applies them."""

    text_in: str
    display: str
    bom: bool = False
    root: Node | None = None
    eol: str = "\n"
    shared: set[int] = field(default_factory=set)
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, display: str, bom: bool = False) -> Original:
        """`text` as read (without its byte-order mark; `bom` says whether the file had one)."""
        first = text.find("\n")
        eol = "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
        loader = loader_for(text)
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise InputError("error.yaml", file=display, line=mark.line + 1 if mark else None,
                             detail=exc.problem or str(exc)) from exc
        finally:
            loader.dispose()
        original = cls(text, display, bom, root, eol)
        if root is not None:
            original._find_shared(root, set())
        return original

    def _find_shared(self, node: Node, seen: set[int]) -> None:
        """Mark every node reachable through more than one path (an anchor and its aliases), and all
        that lies below it."""
        if id(node) in seen:
            self._mark(node)
            return
        seen.add(id(node))
        for child in _children(node):
            self._find_shared(child, seen)

    def _mark(self, node: Node) -> None:
        if id(node) in self.shared:
            return
        self.shared.add(id(node))
        for child in _children(node):
            self._mark(child)

    # -- reading the tree --------------------------------------------------------------------------------
    def line(self, node: Node) -> int:
        return int(node.start_mark.line) + 1

    def refuse_shared(self, node: Node, what: str) -> None:
        """An edit below `node` must not reach another record through an alias."""
        if id(node) in self.shared or any(id(child) in self.shared for child in _children(node)):
            raise InputError("edit.shared_node", file=self.display, line=self.line(node), what=what)

    # -- edits -------------------------------------------------------------------------------------------
    def replace(self, node: Node, text: str) -> None:
        """Put `text` where `node` stands (a scalar, a flow collection, or a block value up to its last
        character)."""
        self.edits.append((node.start_mark.index, end_of(node), text))

    def set_key(self, mapping: Node, key: str, value: Any, after: str | None = None) -> None:
        """Set `key` of a mapping: replace its value (a scalar where it stands; a block list or mapping from
        the key's colon, in flow style), or add the key after the entry `after` (else after the last)."""
        found = entry(mapping, key)
        if found is None:
            self.add_key(mapping, key, value, after)
        elif isinstance(found[1], yaml.ScalarNode) or is_flow(found[1]) or is_flow(mapping):
            self.replace(found[1], flow(value))
        else:
            self.edits.append((int(found[0].end_mark.index), end_of(found[1]), ": " + flow(value)))

    def replace_value(self, key: Node, value: Node, block_text: str) -> None:
        """Replace the value of `key` by lines of block text starting on the next line."""
        self.edits.append((int(key.end_mark.index), end_of(value), ":" + self.eol + block_text.removesuffix(self.eol)))

    def add_key(self, mapping: Node, key: Any, value: Any, after: str | None = None) -> None:
        """Add `key: value` to a mapping after the entry `after` (else last): in a flow mapping before its
        `}`, in a block mapping as a new line at the mapping's indentation (a list of mappings as a block
        list below the key, anything else in flow style on the key's line)."""
        if is_flow(mapping):
            close = end_of(mapping) - 1
            separator = ", " if mapping.value else ""
            self.edits.append((close, close, f"{separator}{scalar(key)}: {flow(value)}"))
            return
        column = self.column(mapping)
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            self.add_block(mapping, key, self._items(value, column + 2), after)
        else:
            self._add_lines(mapping, f"{' ' * column}{scalar(key)}: {flow(value)}{self.eol}", after)

    def add_block(self, mapping: Node, key: Any, body: str, after: str | None = None) -> None:
        """Add `key:` with the lines `body` below it (already indented) to a block mapping, after the entry
        `after` (else last)."""
        self._add_lines(mapping, f"{' ' * self.column(mapping)}{scalar(key)}:{self.eol}{body}", after)

    def _add_lines(self, mapping: Node, lines: str, after: str | None) -> None:
        pairs = mapping.value
        place = next((pair for pair in pairs if _key(pair[0]) == after), pairs[-1]) if pairs else None
        position = self._line_end(end_of(place[1])) if place else len(self.text_in)
        self.edits.append((position, position, self._break_before(position) + lines))

    def column(self, mapping: Node) -> int:
        """The column of a block mapping's keys (0 for an empty one)."""
        return int(mapping.value[0][0].start_mark.column) if mapping.value else 0

    def append_items(self, sequence: Node, items: list[Any]) -> None:
        """Append items to a sequence: `, x` before a flow list's `]`, or new `- x` lines after a block
        list's last item."""
        if not items:
            return
        if is_flow(sequence):
            close = end_of(sequence) - 1
            separator = ", " if sequence.value else ""
            self.edits.append((close, close, separator + ", ".join(flow(item) for item in items)))
            return
        self.append_lines(sequence, self._items(items, self.dash_column(sequence)))

    def append_lines(self, sequence: Node, lines: str) -> None:
        """Add lines of block-sequence items (already indented at the list's dash column, each ending in the
        file's line ending) after the last item of a block list, past that item's end-of-line comment."""
        position = self._line_end(end_of(sequence.value[-1]))
        self.edits.append((position, position, self._break_before(position) + lines))

    def fill_value(self, key: Node, value: Node, lines: str) -> None:
        """Give `key`, whose value is empty (`key:`, `key: ~`, `key: []`), the block lines `lines` below it;
        a comment on the key's line stays there."""
        self.edits.append((int(key.end_mark.index), end_of(value), ":"))
        position = self._line_end(end_of(value))
        self.edits.append((position, position, self._break_before(position) + lines))

    def item_text(self, sequence: Node, index: int) -> str:
        """The whole lines of a block list's item `index`: from the comment lines right above it to the end
        of its last line (its end-of-line comment included)."""
        text = self.text_in
        start = text.rfind("\n", 0, sequence.value[index].start_mark.index) + 1
        while start > 0:
            above = text.rfind("\n", 0, start - 1) + 1
            if not text[above:start].lstrip().startswith("#"):
                break
            start = above
        return text[start:self._line_end(end_of(sequence.value[index]))]

    def _items(self, items: list[Any], dash: int) -> str:
        """Block-sequence lines of `items`, dashes at column `dash`."""
        return "".join(
            block_item(item, dash, self.eol) if isinstance(item, dict) else f"{' ' * dash}- {flow(item)}{self.eol}"
            for item in items
        )

    def append_text(self, text: str) -> None:
        """Add text at the end of the file, on a line of its own."""
        position = len(self.text_in)
        self.edits.append((position, position, self._break_before(position) + text))

    def insert_before(self, node: Node, text: str) -> None:
        """Insert whole lines before the line on which `node` starts."""
        start = self.text_in.rfind("\n", 0, node.start_mark.index) + 1
        self.edits.append((start, start, text))

    # -- the result --------------------------------------------------------------------------------------
    def text(self) -> str:
        """The file with every edit applied in order of position (edits at one position in the order they
        were made), BOM kept."""
        parts: list[str] = []
        done = 0
        for start, end, replacement in sorted(self.edits, key=lambda edit: edit[0]):
            parts += [self.text_in[done:start], replacement]
            done = max(done, end)
        parts.append(self.text_in[done:])
        return (BOM if self.bom else "") + "".join(parts)

    # -- positions ---------------------------------------------------------------------------------------
    def _line_end(self, position: int) -> int:
        """The start of the line after `position` (past an end-of-line comment), or the end of the file."""
        if position > 0 and self.text_in[position - 1] == "\n":
            return position
        newline = self.text_in.find("\n", position)
        return len(self.text_in) if newline < 0 else newline + 1

    def _break_before(self, position: int) -> str:
        """A line ending when `position` is at the end of a file whose last line has none."""
        return "" if position == 0 or self.text_in[position - 1] == "\n" else self.eol

    def dash_column(self, sequence: Node) -> int:
        """The column of a block list's dashes (that of its first item)."""
        start = sequence.value[0].start_mark.index
        line_start = self.text_in.rfind("\n", 0, start) + 1
        dash = self.text_in.rfind("-", line_start, start)
        return dash - line_start if dash >= 0 else max(int(sequence.value[0].start_mark.column) - 2, 0)


def is_flow(node: Node) -> bool:
    return isinstance(node, yaml.CollectionNode) and bool(node.flow_style)


def _children(node: Node) -> list[Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _key(node: Node) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def entry(mapping: Node, key: str) -> tuple[Node, Node] | None:
    """The (key, value) nodes of `key` written in the mapping itself (a key only merged in with `<<` is
    not the mapping's own: setting it adds the key, which then overrides the merge)."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for key_node, value_node in mapping.value:
        if _key(key_node) == key:
            return key_node, value_node
    return None


def end_of(node: Node) -> int:
    """Where the text of `node` ends: a block collection's end mark lies past the comments and blank lines
    that follow it, so its end is that of its last value."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not is_flow(node) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return int(node.end_mark.index)
