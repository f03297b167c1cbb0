"""The `sakip-eval` command line. Commands parse arguments, call the domain modules and print;
every user-caused error becomes an :class:`InputError`, shown in the chosen language with exit 2.

Each top-level command lives in its own module below, named after it (`import-lke` in import_lke.py);
importing the module registers the command on `app`.
Only the module of the command being run is imported (the others pull in report templates, Excel,
SQLite, the process pool, the rule engine...), so every command starts as fast as it can. Help, `--version`
and unknown commands import none: the program's help lists commands by name and text alone, so each
command is there as a stand-in that only carries its name (:func:`stand_ins`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import Any, NoReturn

from sakip_eval.cli.common import app, err
from sakip_eval.cli.options import chosen_lang
from sakip_eval.errors import ClosedPipe, InputError, Interrupted

EXIT_INPUT = 2
EXIT_INTERRUPTED = 130  # what shells report for a command stopped by Ctrl+C (128 + SIGINT)
EXIT_CLOSED_PIPE = 141  # what shells report for a writer whose reader went away (128 + SIGPIPE)
EXIT_INTERNAL = 3  # a bug: not the user's input, and not a threshold (1)
GLOBAL_OPTIONS_WITH_VALUE = ("--rules",)  # options before the command that take a value
COMPLETE_ENV = "_SAKIP_EVAL_COMPLETE"  # set by the shell's completion script (click's name for the program's)

# every top-level command, in the order `--help` lists them (typer lists commands before command groups);
# `import-lke` lives in cli/import_lke.py
COMMANDS = ("score", "calibrate", "check", "explain", "history", "diff", "report", "plan", "batch", "init",
            "import-lke", "import-lkjip", "schema", "followup", "lhe", "rules")


def register(args: list[str]) -> str | None:
    """Import the module of the command in `args` and return its name; None when `args` name no command."""
    command = next((a for i, a in enumerate(args)
                    if not a.startswith("-") and (i == 0 or args[i - 1] not in GLOBAL_OPTIONS_WITH_VALUE)), None)
    if command not in COMMANDS:
        return None
    importlib.import_module(f"{__name__}.{module_of(command)}")
    return command


def register_all() -> None:
    """Import every command module (what tests that walk the whole command tree need)."""
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{module_of(name)}")


def stand_ins(group: Any) -> None:
    """Give the program's command group every command not imported as a stand-in that carries only its name,
    for the help page and click's own messages (`No such command`), in the order of :data:`COMMANDS`. Used only
    when the arguments name no command, so click never runs one: it takes the same first word as
    :func:`register` for the command."""
    from typer.core import TyperCommand

    group.commands = {name: group.commands.get(name) or TyperCommand(name=name) for name in COMMANDS}


def module_of(command: str) -> str:
    """The module under sakip_eval/cli that registers `command`: one module a command, named after it."""
    return command.replace("-", "_")


def _utf8_output() -> None:
    """UTF-8 out whatever the console or redirection says (a Windows console redirected to a file is cp1252,
    which cannot hold `✔`, `–` or `…`): JSON and text files come out the same on every machine."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _quiet_closed_pipe() -> NoReturn:
    """The reader went away: say nothing, and keep Python from complaining while it flushes at exit."""
    with contextlib.suppress(OSError, ValueError):  # no file behind stdout (tests): nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(EXIT_CLOSED_PIPE)


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: run the app (typer turns usage errors into exit 2) and turn every failure into a
    message in the chosen language, never a traceback: user errors exit 2, Ctrl+C exits 130, a bug
    exits 3. `--debug` shows the traceback instead."""
    import typer.main

    from sakip_eval.cli.help import localize

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    lang = chosen_lang(args)
    _utf8_output()
    code: str | int | None = 0
    try:
        completing = COMPLETE_ENV in os.environ  # Tab completion: the words are in the environment, not in args
        if completing:
            register_all()
        running = register(args)
        command = typer.main.get_command(app)
        if running is None and not completing:
            stand_ins(command)
        localize(command, lang)
        command.main(args, prog_name="sakip-eval")
    except SystemExit as done:  # how typer ends every run, successful or not
        code = done.code
    except ClosedPipe:
        _quiet_closed_pipe()
    except Exception as exc:  # the one place that decides what a failure looks like to users
        if debug:
            raise
        code, error = _explain(exc)
        err.print(error.render(lang), markup=False, highlight=False)
    try:
        sys.stdout.flush()  # here, not at exit, where a reader that went away would make Python complain
    except BrokenPipeError:
        _quiet_closed_pipe()
    sys.exit(code)


def _explain(exc: Exception) -> tuple[int, InputError]:
    """The exit code and message for a failure. Files the system refuses (missing folder, no permission,
    disk full, a damaged SQLite file) are the user's to fix, like any bad input; anything else is a bug."""
    import sqlite3  # only on the error path: commands that never touch the history start faster

    if isinstance(exc, InputError):
        return EXIT_INPUT, exc
    if isinstance(exc, Interrupted):
        return EXIT_INTERRUPTED, InputError("error.interrupted")
    if isinstance(exc, OSError):  # for a rename, filename2 is the user's file (filename is the temporary one)
        return EXIT_INPUT, InputError("error.os", file=exc.filename2 or exc.filename, detail=exc.strerror or exc)
    if isinstance(exc, MemoryError):  # an input past what the limits foresee: say so, without a traceback
        return EXIT_INPUT, InputError("error.memory")
    if isinstance(exc, sqlite3.Error):
        return EXIT_INPUT, InputError("history.unusable", detail=str(exc))
    return EXIT_INTERNAL, InputError("error.internal", kind=type(exc).__name__, detail=str(exc)[:300])
