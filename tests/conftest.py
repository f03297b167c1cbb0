"""Shared fixtures: a builder of minimal workspaces and a CLI runner that captures exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.cli import main
from sakip_eval.cli.common import err, out
from sakip_eval.io.workspace import STATE_DIR

from .builders import write_workspace
from .golden import UPDATE_OPTION, Golden, update_requested

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = ROOT / "evidence"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(UPDATE_OPTION, action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing (see tests/golden.py)")


@pytest.fixture(scope="session")
def golden(request: pytest.FixtureRequest) -> Golden:
    """The golden files, compared, or rewritten under --update-golden (SAKIP_EVAL_UPDATE_GOLDEN=1)."""
    keeper = Golden(update_requested(bool(request.config.getoption(UPDATE_OPTION))))
    request.config.stash[_GOLDEN] = keeper
    return keeper


_GOLDEN = pytest.StashKey[Golden]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The fuzz summary counts the cases of every fuzz test, so it runs after all of them, in any selection."""
    items.sort(key=lambda item: item.path.name == "test_fuzz_summary.py")


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    keeper = config.stash.get(_GOLDEN, None)
    if keeper is not None and keeper.updated:
        terminalreporter.write_line(f"golden files rewritten ({len(keeper.updated)}): " + ", ".join(keeper.updated))
        terminalreporter.write_line("review them with `git diff tests/golden` before committing")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read or write the user's rulebook cache."""
    os.environ["SAKIP_EVAL_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    # reports print the day they were made: a fixed day keeps their bytes (and the golden files) the same
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"  # 1 January 2026
    yield


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def _run(*args: str) -> Result:
        code = 0
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def ws_factory(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(10_000))

    def make(**parts: Any) -> Path:
        return write_workspace(tmp_path / f"ws{next(counter)}", **parts)

    return make


# -- follow-up, LHE check and run history (issue 4) ----------------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LHE_2024 = FIXTURES / "lhe-mojosari-2024.txt"
Cli = Callable[..., tuple[int, str, str]]


def flat(text: str) -> str:
    """Console output without rich's line wrapping and table borders, for text assertions."""
    return " ".join(re.sub("[\u2500-\u257f]", " ", text).split())


@pytest.fixture(autouse=True)
def _history_outside_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every `score` records a run; tests never write a history into evidence/."""
    path = tmp_path / "runs" / "history.sqlite"
    monkeypatch.setenv("SAKIP_EVAL_HISTORY", str(path))
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A writable copy of evidence/mojosari-2025, without the run history `make demo` may have left."""
    target = tmp_path / "mojosari-2025"
    shutil.copytree(EVIDENCE / "mojosari-2025", target, ignore=shutil.ignore_patterns(STATE_DIR))
    return target


@pytest.fixture
def cli(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`run` as (exit code, stdout, stderr), on a wide terminal so tables keep a text on one line."""
    monkeypatch.setattr(out, "width", 250)
    monkeypatch.setattr(err, "width", 250)

    def call(*args: str | Path) -> tuple[int, str, str]:
        result = run(*(str(a) for a in args))
        return result.code, result.out, result.err

    return call
