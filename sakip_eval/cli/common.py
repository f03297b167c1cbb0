"""Shared pieces of the command line: the app, common options and JSON output.

Help texts are not written here: :mod:`sakip_eval.i18n.helptext` holds them in both languages and
:mod:`sakip_eval.cli.help` shows them in the chosen one.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from sakip_eval import __version__
from sakip_eval.errors import ClosedPipe, InputError, Interrupted
from sakip_eval.i18n import Lang
from sakip_eval.rulebook import RULES_ENV

# The workspace a command reads when none is named: the current folder, as `git` or `make` do. Never the
# bundled example (a write would land in the checkout), and nothing outside the folder the user is in.
DEFAULT_WORKSPACE = Path(".")
LANG_ENV = "SAKIP_EVAL_LANG"


class _Group(TyperGroup):
    """The top-level command group. Ctrl+C inside a command becomes :class:`Interrupted`, so that `main`
    can say what happened in the chosen language (typer would exit 130 without a word); a reader that
    closed the pipe (`| head`) becomes :class:`ClosedPipe` (typer would exit 1, the code of a missed
    threshold)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise Interrupted from exc
        except BrokenPipeError as exc:
            raise ClosedPipe from exc


app = typer.Typer(cls=_Group, no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False)


def chosen_lang(argv: Sequence[str]) -> Lang:
    """`--lang` among the arguments, else $SAKIP_EVAL_LANG, else Indonesian: for what is printed outside a
    command's own parsing (help, errors)."""
    for index, arg in enumerate(argv):
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value.lower() in ("id", "en"):
            return Lang(value.lower())
    return Lang.EN if os.environ.get(LANG_ENV, "").strip().lower() == "en" else Lang.ID


def decimal_parser(option: str) -> Callable[[str], Decimal]:
    """The parser of a number option, written the Indonesian way (`60,5`, `1.000`) or the English way (`60.5`),
    whatever the output language."""

    def parse(raw: str) -> Decimal:
        from sakip_eval.numbers import NumberFormatError, parse_number  # pydantic-typed: only when parsed

        try:
            value = parse_number(raw)
        except NumberFormatError:
            value = None
        if value is None or not value.is_finite():
            raise InputError("error.bad_number_option", field=option, value=raw)
        return value

    return parse


def _print_version(value: bool) -> None:
    """`--version`: the package's version and the Python it runs on (what a bug report needs)."""
    if value:
        out.print(f"sakip-eval {__version__} (Python {platform.python_version()})", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def _group(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True)] = False,
    rules: Annotated[Path | None, typer.Option("--rules", envvar=RULES_ENV, metavar="DIR", show_envvar=True)] = None,
) -> None:
    """A callback keeps `app` a command group even when only the running command's module is imported
    (typer runs a lone command as the app itself, which would read the command name as an argument).
    `--rules` is passed on through the environment, so `batch`'s worker processes read the same rulebook."""
    if rules is not None:
        if not rules.is_dir():
            raise InputError("error.not_a_folder" if rules.exists() else "error.not_found", file=rules,
                             field="--rules", fix="error.rules_folder.fix")
        os.environ[RULES_ENV] = str(rules)


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


LangOpt = Annotated[Lang, typer.Option("--lang", envvar=LANG_ENV, show_envvar=True, case_sensitive=False,
                                       metavar="id|en")]
FormatOpt = Annotated[Format, typer.Option("--format", metavar="table|json")]
WorkspaceArg = Annotated[Path, typer.Argument(metavar="WS")]
LetterArg = Annotated[Path, typer.Argument(metavar="FILE")]
OcrOpt = Annotated[bool, typer.Option("--ocr")]
RegimeOpt = Annotated[str, typer.Option("--regime", metavar="NAMA")]
HistoryOpt = Annotated[Path | None, typer.Option("--history", envvar="SAKIP_EVAL_HISTORY", metavar="PATH")]

class _Console(Console):
    def on_broken_pipe(self) -> None:
        """rich exits 1 when the reader went away; that code means "threshold not met" here."""
        raise ClosedPipe


out = _Console(soft_wrap=True)
err = _Console(stderr=True, soft_wrap=True)


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for work that can take more than a moment (`advance(n)` moves it by n); nothing
    at all when stderr is not a terminal, so pipes, files and CI logs get only the result."""
    if not err.is_terminal:
        yield lambda count: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task(label, total=total)
        yield lambda count: bar.advance(task, count)


def print_json(data: object) -> None:
    from sakip_eval.render.jsontext import dumps  # its number rounding loads the scoring package

    sys.stdout.write(dumps(data))
