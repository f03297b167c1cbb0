"""The `sakip-eval` command line. Commands parse arguments, call the domain modules and print;
every user-caused error becomes an :class:`InputError`, shown in the chosen language with exit 2.

Each command group lives in its own module below; importing it registers its commands on `app`.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from ..errors import InputError
from ..i18n import Lang
from . import batch, check, followup, history, lke, plan, report, rules, score  # noqa: F401  (registers commands)
from .common import app, err


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
        app(args, prog_name="sakip-eval")
    except InputError as exc:
        if debug:
            raise
        err.print(exc.render(_lang_from_argv(args)), markup=False, highlight=False)
        sys.exit(2)
    sys.exit(0)
