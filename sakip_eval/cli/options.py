"""The arguments and options several commands share: the workspace, the output format and language, the
run history, a letter, a regime, and numbers written the Indonesian or the English way.

Help texts are not written here: :mod:`sakip_eval.i18n.helptext` holds them in both languages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang

# The workspace a command reads when none is named: the current folder, as `git` or `make` do. Never the
# bundled example (a write would land in the checkout), and nothing outside the folder the user is in.
DEFAULT_WORKSPACE = Path(".")
LANG_ENV = "SAKIP_EVAL_LANG"


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
