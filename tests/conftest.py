"""Shared fixtures: a builder of minimal workspaces and a CLI runner that captures exit codes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.cli import main

from .builders import write_workspace

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = ROOT / "evidence"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read or write the user's rulebook cache."""
    os.environ["SAKIP_EVAL_CACHE"] = str(tmp_path_factory.mktemp("cache"))
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
