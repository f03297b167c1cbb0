"""Golden files: what the commands print for the bundled workspaces, kept under tests/golden/, instead of
totals copied by hand into tests and docs.

A test compares its output with the file (`Golden.check`) or a computed value with its entry in
tests/golden/values.json (`Golden.value`). When a change moves a score on purpose, one command rewrites
them all: `make golden` (that is `pytest --update-golden`, or SAKIP_EVAL_UPDATE_GOLDEN=1), and `git diff
tests/golden` shows what moved. Tests that only need the bundled prediction's total read it with
:func:`score_of`, so they follow the golden file instead of repeating its numbers.
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parent / "golden"
VALUES = GOLDEN / "values.json"
UPDATE_OPTION = "--update-golden"
UPDATE_ENV = "SAKIP_EVAL_UPDATE_GOLDEN"
HOW_TO_UPDATE = f"if the change is meant, run `make golden` (pytest {UPDATE_OPTION}) and review `git diff tests/golden`"


def update_requested(option: bool) -> bool:
    return option or os.environ.get(UPDATE_ENV, "") not in ("", "0")


def score_of(workspace: str, lang: str = "id") -> dict[str, Any]:
    """The golden `score --format json` of a bundled workspace (mojosari-2025, mojosari-2024)."""
    suffix = "" if lang == "id" else f".{lang}"
    data: dict[str, Any] = json.loads((GOLDEN / "score" / f"{workspace}{suffix}.json").read_text(encoding="utf-8"))
    return data


def golden_json(name: str) -> Any:
    """A golden JSON output, parsed (`check/mojosari-2025.json`)."""
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def verdict(workspace: str) -> tuple[float, str]:
    """The golden total and category of a bundled workspace."""
    data = score_of(workspace)
    return data["total"], data["category"]


def decimal_id(value: float) -> str:
    """A total as the Indonesian output writes it (76.05 -> "76,05")."""
    return f"{value:.2f}".replace(".", ",")


@dataclass
class Golden:
    """Compares with, or in update mode rewrites, the golden files; remembers what it rewrote."""

    update: bool
    updated: list[str] = field(default_factory=list)

    def check(self, name: str, actual: str) -> None:
        path = GOLDEN / name
        expected = path.read_text(encoding="utf-8") if path.is_file() else None
        if expected == actual:
            return
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
            self.updated.append(name)
            return
        if expected is None:
            raise AssertionError(f"no golden file tests/golden/{name}; {HOW_TO_UPDATE}")
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                            f"tests/golden/{name}", "actual", n=2))
        raise AssertionError(f"output differs from tests/golden/{name}; {HOW_TO_UPDATE}\n{diff[:6000]}")

    def value(self, key: str, actual: Any) -> Any:
        """A computed value (a total after some edit, a list of totals) against its entry in values.json.
        Returns the value so a test can go on from it."""
        values: dict[str, Any] = json.loads(VALUES.read_text(encoding="utf-8")) if VALUES.is_file() else {}
        plain = json.loads(json.dumps(actual, default=str))
        if values.get(key) == plain and key in values:
            return actual
        if self.update:
            values[key] = plain
            VALUES.write_text(json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                              encoding="utf-8", newline="\n")
            self.updated.append(f"values.json: {key}")
            return actual
        expected = values.get(key, "<missing>")
        raise AssertionError(f"{key}: {plain!r}, golden {expected!r} (tests/golden/values.json); {HOW_TO_UPDATE}")
