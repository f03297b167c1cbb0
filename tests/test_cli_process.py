"""The installed `sakip-eval` in a fresh process: each command imports only its own module, so these
runs check that every command still parses its own arguments (a lone registered command once read
its own name as the workspace)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BIN = Path(sys.executable).parent / "sakip-eval"


@pytest.mark.parametrize(
    "args",
    [
        ["score", "--format", "json", "--no-history"],
        ["plan", "--target", "AA", "--format", "json"],
        ["check", "--format", "json"],
        ["followup", "list", "--format", "json"],
        ["rules", "list", "--format", "json"],
        ["calibrate", "evidence/mojosari-2024", "--format", "json"],
    ],
)
def test_command_in_a_fresh_process_uses_the_default_workspace(args: list[str]) -> None:
    done = subprocess.run([str(BIN), *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)
    assert "Traceback" not in done.stderr


def test_unknown_command_and_help() -> None:
    unknown = subprocess.run([str(BIN), "nilai"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert unknown.returncode == 2
    helped = subprocess.run([str(BIN), "--help"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert helped.returncode == 0
    for command in ("score", "check", "followup", "report", "plan", "batch", "init", "import-lke", "rules"):
        assert command in helped.stdout
