"""`--help` in one language, complete: every command, argument and option explained in Indonesian (or in
English with `--lang en` or SAKIP_EVAL_LANG=en), typer's own words (`Usage`, `Options`, `Show this message
and exit`) included, no type placeholders such as `<bool>`, and no heading cut in two on a narrow terminal.

The texts live in :mod:`sakip_eval.i18n.helptext`, keyed by command path and parameter; the commands declare
only names and metavars. :func:`localize` gives the click command tree those texts and this module's
layout, which reads only what every click-style command has (options, metavars, defaults, env vars).
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from types import MethodType
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from sakip_eval.i18n import Lang, t
from sakip_eval.i18n.helptext import HELP

MAX_WIDTH = 100  # beyond this, lines of help are too long to read


def walk(command: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every command of the tree with its path (`""` for the program, `followup list`...)."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, f"{path} {name}".strip())


def param_key(param: Any) -> str:
    """An option by its long name (`--fail-under`), an argument by its metavar (`WS`)."""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name.upper())
    return str(next((o for o in param.opts if o.startswith("--")), param.opts[0]))


def help_key(path: str, param: Any | None = None) -> str | None:
    """The key of a text in HELP: the command's own entry first, then the one every command shares."""
    command = path or "sakip-eval"
    if param is None:
        return f"{command}" if command in HELP else None
    name = param_key(param)
    return next((k for k in (f"{command} {name}", f"* {name}") if k in HELP), None)


def localize(command: Any, lang: Lang) -> None:
    """Give every command and parameter its text in `lang`, and this module's help layout."""
    for path, cmd in walk(command):
        key = help_key(path)
        cmd.help = HELP[key][lang is Lang.EN] if key else None
        cmd.short_help = None
        for param in cmd.params:
            key = help_key(path, param)
            param.help = HELP[key][lang is Lang.EN] if key else None
        cmd.format_help = MethodType(_formatter(lang, path), cmd)


def _formatter(lang: Lang, path: str) -> Any:
    def format_help(self: Any, ctx: Any, formatter: Any) -> None:
        text = render_help(self, ctx, lang, path)
        formatter.write("\n".join(line.rstrip() for line in text.splitlines()) + "\n")

    return format_help


def _width() -> int:
    return max(40, min(MAX_WIDTH, shutil.get_terminal_size((MAX_WIDTH, 24)).columns))


def render_help(command: Any, ctx: Any, lang: Lang, path: str) -> str:
    """The help page as plain text, laid out for the terminal's width."""
    console = Console(file=io.StringIO(), width=_width(), color_system=None, highlight=False, emoji=False)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name != "argument"]
    commands = {name: sub for name, sub in getattr(command, "commands", {}).items()
                if not getattr(sub, "hidden", False)}
    usage = [ctx.command_path]
    if options:
        usage.append(t("help.usage_options", lang))
    usage += [_argument_usage(p) for p in arguments]
    if commands:
        usage.append(t("help.usage_command", lang))
    console.print(RichText(f"{t('help.usage', lang)}: " + " ".join(usage)))
    if command.help:
        console.print()
        console.print(RichText(command.help), overflow="fold")
    for title, rows in (
        ("help.arguments", [(p.metavar or p.name.upper(), _param_text(p, lang, path)) for p in arguments]),
        ("help.options", [(_option_label(p), _param_text(p, lang, path)) for p in options]),
        ("help.commands", [(name, sub.help or "") for name, sub in commands.items()]),
    ):
        if rows:
            console.print()
            console.print(RichText(t(title, lang) + ":"))
            console.print(_table(rows))
    if commands:
        console.print()
        console.print(RichText(t("help.more", lang, command=f"{ctx.command_path} {t('help.usage_command', lang)}")))
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def _argument_usage(param: Any) -> str:
    name = str(param.metavar or param.name.upper()) + ("..." if param.nargs == -1 else "")
    return name if param.required else f"[{name}]"


def _option_label(param: Any) -> str:
    names = ", ".join([*param.opts, *param.secondary_opts])
    if getattr(param, "is_flag", False) or param.name == "help":
        return names
    return f"{names} {param.metavar or param.name.upper()}"


def _param_text(param: Any, lang: Lang, path: str) -> RichText:
    """The explanation, then what applies when the option is left out and the environment variable it reads.
    `--help` itself is made while the help is shown, after :func:`localize` has run: its text is looked up here."""
    key = help_key(path, param) if param.name == "help" else None
    text = HELP[key][lang is Lang.EN] if key else param.help or ""
    notes = []
    default = _shown_default(param) if param.param_type_name != "argument" else None
    if default is not None:
        notes.append(t("help.default", lang, value=default))
    envvar = getattr(param, "envvar", None)
    if envvar and getattr(param, "show_envvar", False):
        notes.append(t("help.envvar", lang, name=envvar if isinstance(envvar, str) else ", ".join(envvar)))
    if param.required and param.param_type_name != "argument":
        notes.append(t("help.required", lang))
    return RichText(" ".join([text, *(f"[{n}]" for n in notes)]).strip())


def _shown_default(param: Any) -> str | None:
    """A default worth printing: not for flags, nothing-by-default options or values computed per machine."""
    default = param.default
    if getattr(param, "is_flag", False) or default is None or callable(default) or param.name == "help":
        return None
    if isinstance(default, Enum):
        return str(default.value)
    if isinstance(default, Path):
        return os.fspath(default)
    if isinstance(default, list | tuple):
        return None
    return str(default)


def _table(rows: list[tuple[str, Any]]) -> Table:
    """Two columns: the name never wraps (no `Tertuli s`), the explanation wraps between words."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for name, text in rows:
        table.add_row(RichText("  " + name), text if isinstance(text, RichText) else RichText(str(text)))
    return table
