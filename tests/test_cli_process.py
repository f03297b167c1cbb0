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
        ["calibrate", "../mojosari-2024", "--format", "json"],
    ],
)
def test_command_in_a_fresh_process_uses_the_default_workspace(args: list[str]) -> None:
    """Run from inside a workspace, a command needs no folder argument (the current folder is the default)."""
    done = subprocess.run([str(BIN), *args], cwd=ROOT / "evidence" / "mojosari-2025", capture_output=True, text=True,
                          check=False)
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


def test_each_top_level_command_is_its_own_module() -> None:
    """A newcomer finds `import-lke` in cli/import_lke.py: one module a command, named after it, and a
    module for every command `--help` lists (nothing registered from a neighbour's file)."""
    from sakip_eval.cli import COMMANDS, module_of, register_all
    from sakip_eval.cli.common import app

    register_all()
    homes = {(info.name or info.callback.__name__.replace("_", "-")): info.callback.__module__
             for info in app.registered_commands if info.callback is not None}
    groups = {info.name for info in app.registered_groups}
    assert set(homes) | groups == set(COMMANDS)
    assert all(module == f"sakip_eval.cli.{module_of(name)}" for name, module in homes.items())
    modules = {p.stem for p in (ROOT / "sakip_eval" / "cli").glob("*.py")} - {"__init__", "common", "options", "help"}
    assert modules == {module_of(c) for c in COMMANDS}


def test_help_lists_every_command_in_order_without_importing_any() -> None:
    """`--help` shows the commands in the order typer gives the full tree (commands, then command groups), yet
    starts without any command's module, pydantic's models or the rule engine (issue 12: `--help` <= 1,3x a bare
    import of the stack)."""
    from sakip_eval.cli import COMMANDS

    # in a fresh process: typer lists commands in the order their modules were imported, which a test
    # process that already ran other commands does not show
    full = ("from typer.main import get_command; from sakip_eval.cli import register_all; "
            "from sakip_eval.cli.common import app; register_all(); print(' '.join(get_command(app).commands))")
    done = subprocess.run([sys.executable, "-c", full], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == list(COMMANDS)
    code = ("import contextlib, sys; from sakip_eval.cli import main\n"
            "with contextlib.suppress(SystemExit): main(['--help'])\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith(('sakip_eval.cli.', 'durable', "
            "'pydantic.main')))), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stderr.split() == ["sakip_eval.cli.common", "sakip_eval.cli.help", "sakip_eval.cli.options"]
    listed = done.stdout.split("Perintah:")[1].split("\n\n")[0]
    assert [line.split()[0] for line in listed.splitlines() if line[:3].strip()] == list(COMMANDS)


# Commands that never predict: they must start without the prediction and its rule engine (durable-rules).
LIGHT = ["followup", "lhe", "history", "diff", "init", "import-lke", "import-lkjip", "rules", "schema"]


@pytest.mark.parametrize("command", LIGHT)
def test_a_command_imports_only_its_own_module_and_no_engine_unless_it_predicts(command: str) -> None:
    code = ("import sys; from sakip_eval.cli import register; register([sys.argv[1]]); "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith(('sakip_eval.cli.', 'durable')))))")
    done = subprocess.run([sys.executable, "-c", code, command], cwd=ROOT, capture_output=True, text=True, check=True)
    module = "sakip_eval.cli." + command.replace("-", "_")
    assert done.stdout.split() == sorted(["sakip_eval.cli.common", "sakip_eval.cli.options", module])
