"""The `sakip-eval` command line. Commands parse arguments, call the domain modules and print;
every user-caused error becomes an :class:`InputError`, shown in the chosen language with exit 2.

Each command group lives in its own module below; importing it registers its commands on `app`.
Only the module of the command being run is imported (the others pull in report templates, Excel,
SQLite, the process pool...), so every command starts as fast as it can; help and unknown commands
import them all.
"""

from __future__ import annotations

import importlib
import sys
from typing import NoReturn

from ..errors import InputError
from ..i18n import Lang
from .common import app, err

# command name -> the module under sakip_eval/cli that registers it, in the order `--help` lists them
COMMAND_MODULES = {
    "score": "score", "calibrate": "score", "check": "check", "followup": "followup", "lhe": "followup",
    "history": "history", "diff": "history", "report": "report", "plan": "plan", "batch": "batch",
    "init": "lke", "import-lke": "lke", "rules": "rules", "schema": "rules",
}


def register(args: list[str]) -> None:
    """Import the module of the command in `args`, or every command module when there is none."""
    command = next((a for a in args if not a.startswith("-")), None)
    wanted = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else list(dict.fromkeys(COMMAND_MODULES.values()))
    for module in wanted:
        importlib.import_module(f"{__name__}.{module}")


def _lang_from_argv(argv: list[str]) -> Lang:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] == "en":
            return Lang.EN
        if arg == "--lang=en":
            return Lang.EN
    return Lang.ID


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: run the app (typer turns usage errors into exit 2) and turn user errors into a
    located message and exit code 2. `--debug` shows the traceback instead."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    try:
        register(args)
        app(args, prog_name="sakip-eval")
    except InputError as exc:
        if debug:
            raise
        err.print(exc.render(_lang_from_argv(args)), markup=False, highlight=False)
        sys.exit(2)
    sys.exit(0)
