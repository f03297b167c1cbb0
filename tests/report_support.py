"""Helpers for the report, plan, batch, init and import-lke tests: the CLI's exit code, copies of workspaces."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sakip_eval.cli import main

from .conftest import EVIDENCE, ROOT

WS_2025 = EVIDENCE / "mojosari-2025"
__all__ = ["ROOT", "WS_2025", "copy_workspace", "flat", "run_cli"]


def run_cli(args: list[str]) -> int:
    """Run the CLI and return its exit code (main always exits); read output with capsys."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    code = exc.value.code
    return 0 if code is None else int(code)


def flat(text: str) -> str:
    """Output with line breaks folded, for substring checks."""
    return " ".join(text.split())


def copy_workspace(tmp_path: Path, name: str = "ws", source: Path = WS_2025) -> Path:
    """A fresh copy of a bundled workspace (mojosari-2025 by default) under tmp_path."""
    target = tmp_path / name
    shutil.copytree(source, target)
    return target
