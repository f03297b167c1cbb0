"""Shared pieces of the command line: the app, its consoles, progress bars, documents written to a file (their
format from the file's extension) and JSON output. The options
commands share are in :mod:`sakip_eval.cli.options`; help texts in :mod:`sakip_eval.i18n.helptext`, shown by
:mod:`sakip_eval.cli.help`.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from sakip_eval import __version__
from sakip_eval.errors import ClosedPipe, InputError, Interrupted
from sakip_eval.i18n import Lang, t
from sakip_eval.render.console import guard
from sakip_eval.rulebook import RULES_ENV

E = TypeVar("E", bound=StrEnum)


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


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """rich exits 1 when the reader went away; that code means "threshold not met" here."""
        raise ClosedPipe

    def print(self, *objects: Any, soft_wrap: bool | None = None, **options: Any) -> None:
        """Nothing printed is cut at the console's width (80 columns when the output is not a terminal, as
        when piped to a file). Lines of text are never wrapped, so a line piped to `grep` stays whole. A table
        wraps its cells itself, and a word too long for its column (an id, a file name) is folded onto the next
        line rather than ended with "…". Anything else laid out (a tree, a panel) wraps its text between words
        inside its layout: soft wrapping would make rich crop it, a rule's file and line for one."""
        from rich.table import Table

        for table in (o for o in objects if isinstance(o, Table)):
            for column in table.columns:
                if column.overflow == "ellipsis":
                    column.overflow = "fold"
        if soft_wrap is None:
            soft_wrap = all(isinstance(o, str | Text | Table) for o in objects)
        super().print(*objects, soft_wrap=soft_wrap, **options)


out = guard(_Console())
err = guard(_Console(stderr=True))


def output_format(output: Path | None, chosen: E | None, suffixes: Mapping[str, E], default: E) -> E:
    """The format an output asks for: the file's extension (`-o laporan.pdf`), else `--format`, else `default`.
    A `--format` that contradicts the extension is refused, rather than HTML written into a file named .xlsx."""
    if output is not None and output.is_dir():
        raise InputError("report.is_folder", file=str(output), field="-o")
    named = suffixes.get(output.suffix.lower()) if output is not None else None
    if output is not None and named is None and chosen is None:
        raise InputError("error.unknown_suffix", file=str(output), field="-o", suffixes=", ".join(suffixes))
    if named is not None and chosen is not None and named != chosen:
        raise InputError("error.format_mismatch", file=str(output), field="--format", suffix=named, format=chosen)
    return named or chosen or default


def write_output(output: Path, content: bytes, lang: Lang) -> None:
    """A document written whole or not at all (never half a file), and a line on stderr saying where."""
    from sakip_eval.io.atomic import write_atomically

    try:
        write_atomically(output, content)
    except OSError as exc:
        raise InputError("report.cannot_write", file=str(output), detail=exc.strerror or str(exc)) from exc
    err.print(t("report.written", lang, path=output), markup=False, highlight=False)


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
