"""Fuzzing: mutated copies of the bundled workspaces never crash a command.

Each case mutates one file of a bundled workspace (a value, a deleted or added key, an empty, binary or
truncated file, or a hostile text: deep nesting, an alias bomb, a list past the limit, a date that is
not one, another encoding...) and runs one read-only command on it: score, check, calibrate, report
(to a file outside the workspace), plan, followup list, history or diff. Every case must end with
exit 0 or 2 (1 only where a threshold is asked), print no traceback, write no report when it fails,
and leave the workspace byte for byte as it was: the run history `score` keeps in `WS/.sakip/` is the
only thing a read-only command may add. `make test` (CI) runs 200 cases (the test is `slow`: `make test-fast`
leaves it out); `make fuzz` runs at least 10,000 (FUZZ_EXAMPLES) and reports the count; FUZZ_SEED=n explores
other cases than the fixed ones.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from sakip_eval.history.store import record_run
from sakip_eval.io.workspace import STATE_DIR, load_workspace
from sakip_eval.scoring.prediction import predict

from .conftest import EVIDENCE, Result

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
SEED = os.environ.get("FUZZ_SEED")  # another seed explores other cases; unset, every run tries the same ones
WORKSPACES = sorted(p for p in EVIDENCE.iterdir() if (p / "workspace.yaml").is_file())
# {ws} the mutated workspace, {hist} a run history seeded with two runs of each bundled workspace,
# {out} a report path outside the workspace. A score without --history records into WS/.sakip/.
COMMANDS: list[str] = [
    "score {ws} --format json", "score {ws} --history {hist}", "score {ws} --lang en --history {hist}",
    "check {ws}", "check {ws} --format json --lang en",
    "calibrate {ws}", "calibrate {ws} --format json --lang en",
    "report {ws} --format html -o {out}.html", "report {ws} --format md -o {out}.md",
    "report {ws} --format xlsx -o {out}.xlsx", "report {ws} --format json -o {out}.json --lang en",
    "plan {ws}", "plan {ws} --target 80 --format json",
    "followup {ws} list", "followup {ws} list --format json --lang en",
    "history {ws} --history {hist}", "history {ws} --history {hist} --format json",
    "diff {ws} --history {hist}", "diff {ws} 1 --history {hist} --format json --lang en",
]
COMMANDS += [c.strip() for c in os.environ.get("FUZZ_COMMANDS", "").split(";") if c.strip()]

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["", "-", "N/A", "12,3,4", "sembilan puluh", "Rp. 1.000,-", "1e309",
                                           "ñ—✓😀", "\u202e", "0x1F", "2024-13-45", "../../etc/passwd", "92,48 %",
                                           "/etc/passwd", "files/../../x.pdf", "[bold]x[/bold]", "[/x] teks",
                                           "<b>x</b>", "=HYPERLINK(\"x\")", "{opd}", "lke-2021/../x", "a" * 500]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
# Hostile texts a file can be replaced with or grow: each must be refused with a message, never crash.
BOMB = "".join(f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]\n" for i in range(1, 9))
HOSTILE = {
    "deep": "opd: " + "[" * 150 + "]" * 150 + "\n",
    "too_deep_for_libyaml": "opd: " + "[" * 2000 + "]" * 2000 + "\n",
    "deep_key": "? " + "[" * 500 + "]" * 500 + "\n: 1\n",
    "alias_bomb": "b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n" + BOMB,
    "self_alias": "a: &a [*a]\n",
    "long_list": "tambahan: [" + ", ".join(["0"] * 10_001) + "]\n",
    "bad_date": "tanggal: 2024-13-45\n",
    "huge_int": "angka: " + "9" * 5000 + "\n",
    "python_tag": "a: !!python/object/apply:os.system [\"echo dimiliki\"]\n",
    "tab_indent": "a:\n\tb: 1\n",
    "unclosed": "a: [1, 2\n",
}
COUNTER: Counter[str] = Counter()  # cases that ran to the end, per command
TRACEBACKS: list[str] = []  # the commands whose output held a traceback


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
    kind = draw(st.sampled_from(["value", "value", "value", "delete", "extra", "empty", "binary", "truncate",
                                 "hostile", "append_hostile", "encoding"]))
    original = (source / name).read_bytes()
    if kind == "empty":
        return source, name, b""
    if kind == "binary":
        return source, name, draw(st.binary(max_size=200))
    if kind == "truncate":
        return source, name, original[: draw(st.integers(0, len(original)))]
    if kind in ("hostile", "append_hostile"):
        text = HOSTILE[draw(st.sampled_from(sorted(HOSTILE)))].encode("utf-8")
        return source, name, text if kind == "hostile" else original + b"\n" + text
    if kind == "encoding":  # a BOM and CRLF line ends are fine; Latin-1 or UTF-16 are not UTF-8
        text = original.decode("utf-8")
        encoded = draw(st.sampled_from([
            b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
            (text + "\n# catatan: évaluasi\n").encode("latin-1", errors="replace"),
            text.encode("utf-16"),
        ]))
        return source, name, encoded
    data = yaml.safe_load(original)
    paths = _paths(data)[1:] or [()]
    path = draw(st.sampled_from(paths))
    value = draw(ODD_VALUES)
    data = _mutate(data, path, {"value": "replace", "delete": "delete", "extra": "extra"}[kind], value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return source, name, text.encode("utf-8")


@pytest.fixture(scope="module")
def seeded_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs of each bundled workspace, so `history` and `diff` have something to read."""
    path = tmp_path_factory.mktemp("history") / "history.sqlite"
    for source in WORKSPACES:
        ws = load_workspace(source)
        pred = predict(ws)
        record_run(path, ws, pred)
        record_run(path, ws, pred)
    return path


@settings(max_examples=EXAMPLES, deadline=None, derandomize=SEED is None, database=None,
          suppress_health_check=list(HealthCheck))
@seed(int(SEED or 0))
@given(case=mutations(), command=st.sampled_from(COMMANDS))
def test_mutated_workspace_never_crashes(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch,
                                         seeded_history: Path, case: tuple[Path, str, bytes], command: str) -> None:
    monkeypatch.delenv("SAKIP_EVAL_HISTORY", raising=False)  # `score` without --history writes WS/.sakip/
    source, name, content = case
    with tempfile.TemporaryDirectory() as tmp:
        ws, hist, out = Path(tmp) / "ws", Path(tmp) / "history.sqlite", Path(tmp) / "laporan"
        shutil.copytree(source, ws, ignore=shutil.ignore_patterns(STATE_DIR))
        shutil.copyfile(seeded_history, hist)
        (ws / name).write_bytes(content)
        before = _digest(ws)
        args = command.format(ws=ws, hist=hist, out=out).split()
        result = run(*args)
        if "Traceback" in result.err or "Traceback" in result.out:
            TRACEBACKS.append(command)
        assert result.code in (0, 1, 2) if args[0] == "plan" else result.code in (0, 2), (
            name, command, result.code, result.err[-2000:])
        assert "Traceback" not in result.err and "Traceback" not in result.out
        if result.code == 2:
            assert result.err.strip(), "exit 2 needs a message"
            assert not list(Path(tmp).glob("*laporan*")), "a failed report writes nothing, not even a temporary file"
        after = {k: v for k, v in _digest(ws).items() if not k.startswith(f"{STATE_DIR}/")}
        assert after == before
        assert {p.name for p in ws.iterdir()} <= {p.name for p in source.iterdir()} | {STATE_DIR}
        COUNTER[args[0]] += 1


def test_report_fuzz_count() -> None:
    """Printed by `make fuzz` (pytest -s): how many cases passed in this session, per command. Fails when
    the fuzzer ran fewer cases than asked (FUZZ_EXAMPLES) or any output held a traceback."""
    if not COUNTER and not TRACEBACKS:
        pytest.skip("the fuzz test did not run in this session")
    per_command = ", ".join(f"{name} {count}" for name, count in sorted(COUNTER.items()))
    print(f"\nfuzz: {sum(COUNTER.values())} cases ({per_command}), {len(TRACEBACKS)} tracebacks")
    assert not TRACEBACKS
    assert sum(COUNTER.values()) >= EXAMPLES
