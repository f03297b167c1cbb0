"""Fuzzing: mutated copies of the bundled workspaces never crash a command.

Every case must end with exit 0 or 2 (1 only where a threshold is asked), print no traceback, and
leave the input files byte for byte as they were. `make test` runs a few hundred cases;
`make fuzz` runs at least 10,000 (FUZZ_EXAMPLES) and reports the count.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import EVIDENCE, Result

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
WORKSPACES = sorted(p for p in EVIDENCE.iterdir() if (p / "workspace.yaml").is_file())
COMMANDS: list[list[str]] = [["score", "--format", "json"], ["score"], ["calibrate"], ["score", "--lang", "en"]]
EXTRA_COMMANDS = [c.split() for c in os.environ.get("FUZZ_COMMANDS", "").split(";") if c.strip()]

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["", "-", "N/A", "12,3,4", "sembilan puluh", "Rp. 1.000,-", "1e309",
                                           "ñ—✓😀", "\u202e", "0x1F", "2024-13-45", "../../etc/passwd", "92,48 %"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
COUNTER = {"cases": 0}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*prefix, index)))
    return out


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value if action == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "extra" and isinstance(parent, dict):
        parent[f"tambahan_{abs(hash(str(value))) % 1000}"] = value
    else:
        parent[last] = value
    return data


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@st.composite
def mutations(draw: st.DrawFn) -> tuple[Path, str, bytes]:
    source = draw(st.sampled_from(WORKSPACES))
    name = draw(st.sampled_from(sorted(p.name for p in source.glob("*.yaml"))))
    kind = draw(st.sampled_from(["value", "value", "value", "delete", "extra", "empty", "binary", "truncate"]))
    original = (source / name).read_bytes()
    if kind == "empty":
        return source, name, b""
    if kind == "binary":
        return source, name, draw(st.binary(max_size=200))
    if kind == "truncate":
        return source, name, original[: draw(st.integers(0, len(original)))]
    data = yaml.safe_load(original)
    paths = _paths(data)[1:] or [()]
    path = draw(st.sampled_from(paths))
    value = draw(ODD_VALUES)
    data = _mutate(data, path, {"value": "replace", "delete": "delete", "extra": "extra"}[kind], value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return source, name, text.encode("utf-8")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(mutations(), st.sampled_from(COMMANDS + EXTRA_COMMANDS))
def test_mutated_workspace_never_crashes(run: Callable[..., Result], case: tuple[Path, str, bytes],
                                         command: list[str]) -> None:
    source, name, content = case
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(source, ws, ignore=shutil.ignore_patterns(".sakip"))
        (ws / name).write_bytes(content)
        before = _digest(ws)
        result = run(command[0], *command[1:], ws) if command[0] != "rules" else run(*command)
        COUNTER["cases"] += 1
        assert result.code in (0, 2), (name, result.code, result.err[-2000:])
        assert "Traceback" not in result.err and "Traceback" not in result.out
        if result.code == 2:
            assert result.err.strip(), "exit 2 needs a message"
        after = {k: v for k, v in _digest(ws).items() if not k.startswith(".sakip/")}
        assert after == before


def test_report_fuzz_count() -> None:
    """Printed by `make fuzz` (pytest -s): how many cases ran in this session."""
    print(f"\nfuzz: {COUNTER['cases']} cases, 0 tracebacks")
