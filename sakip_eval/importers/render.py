"""lkjip.yaml text: block style for sections and tables, one flow mapping per row, comments naming the
source of every table and row, so a reviewer finds each number in the document.

Strings are written as JSON strings (a JSON string is a YAML double-quoted scalar), so no label or
number is ever read back as something else ("1.000" stays a string, "N/A" stays text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Scalar = str | int | bool | None


@dataclass
class Entry:
    """A mapping written as `- key: value` lines (nested lists of rows allowed) or as one flow line."""

    data: dict[str, Any]
    comment: str | None = None
    flow: bool = False
    rows_comment: str | None = None  # after `rows:`


@dataclass
class Section:
    key: str
    entries: list[Entry] = field(default_factory=list)
    comment: str | None = None


def scalar(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


def flow(data: Any) -> str:
    if isinstance(data, dict):
        return "{" + ", ".join(f"{_key(k)}: {flow(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list):
        return "[" + ", ".join(flow(v) for v in data) + "]"
    return scalar(data)


def _key(key: str) -> str:
    return key if key.replace("_", "").isalnum() and key.isascii() else json.dumps(key, ensure_ascii=False)


def _comment(text: str | None) -> str:
    return f"  # {' '.join(text.split())}" if text else ""


def render(header: list[str], sections: list[Section]) -> str:
    out = [f"# {line}" if line else "#" for line in header]
    for section in sections:
        if not section.entries:
            continue
        out.append("")
        if section.comment:
            out.append(f"# {section.comment}")
        out.append(f"{section.key}:")
        for entry in section.entries:
            out.extend(_entry(entry, "  "))
    return "\n".join(out) + "\n"


def _entry(entry: Entry, indent: str) -> list[str]:
    if entry.flow:
        return [f"{indent}- {flow(entry.data)}{_comment(entry.comment)}"]
    lines: list[str] = []
    if entry.comment:
        lines.append(f"{indent}# {' '.join(entry.comment.split())}")
    first = True
    for key, value in entry.data.items():
        lead = f"{indent}- " if first else f"{indent}  "
        first = False
        if isinstance(value, list) and value and isinstance(value[0], Entry):
            lines.append(f"{lead}{_key(key)}:{_comment(entry.rows_comment)}")
            for row in value:
                lines.extend(_entry(row, indent + "    "))
        elif isinstance(value, list | dict):
            lines.append(f"{lead}{_key(key)}: {flow(value)}")
        else:
            lines.append(f"{lead}{_key(key)}: {scalar(value)}")
    return lines
