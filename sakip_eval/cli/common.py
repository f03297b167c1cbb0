"""Shared pieces of the command line: the app, common options and JSON output."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from sakip_eval.errors import Interrupted
from sakip_eval.i18n import Lang
from sakip_eval.render.jsontext import dumps

DEFAULT_WORKSPACE = Path("evidence/mojosari-2025")


class _Group(TyperGroup):
    """The top-level command group. Ctrl+C inside a command becomes :class:`Interrupted`, so that `main`
    can say what happened in the chosen language (typer would exit 130 without a word)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise Interrupted from exc


app = typer.Typer(
    cls=_Group, help="Prediksi nilai evaluasi SAKIP sebelum Inspektorat / Pre-score a SAKIP evaluation.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Prediksi nilai evaluasi SAKIP sebelum Inspektorat / Pre-score a SAKIP evaluation.

    A callback keeps `app` a command group even when only the running command's module is imported
    (typer runs a lone command as the app itself, which would read the command name as an argument)."""


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


LangOpt = Annotated[Lang, typer.Option("--lang", help="Bahasa keluaran / output language (id, en).")]
FormatOpt = Annotated[Format, typer.Option("--format", help="table atau json / table or json.")]
WorkspaceArg = Annotated[Path, typer.Argument(help="Folder workspace (bawaan: contoh Mojosari 2025).")]
LetterArg = Annotated[Path, typer.Argument(metavar="FILE", help="Surat LHE sebagai teks / the LHE letter as text.")]
HistoryOpt = Annotated[Path | None, typer.Option(
    "--history", envvar="SAKIP_EVAL_HISTORY", metavar="PATH",
    help="Berkas riwayat SQLite (bawaan: WS/.sakip/history.sqlite) / the SQLite run history.",
)]

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def print_json(data: object) -> None:
    sys.stdout.write(dumps(data))
