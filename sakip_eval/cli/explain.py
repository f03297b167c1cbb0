"""`explain WS ID`: the chain of rules and facts that decided a criterion or a sub-component, and the grade
arithmetic of its sub-component."""

from __future__ import annotations

from typing import Annotated

import typer

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import Format, FormatOpt, LangOpt, WorkspaceArg
from sakip_eval.i18n import Lang


@app.command()
def explain(
    workspace: WorkspaceArg,
    target: Annotated[str, typer.Argument(metavar="ID")],
    fmt: FormatOpt = Format.TABLE,
    lang: LangOpt = Lang.ID,
    show_all: Annotated[bool, typer.Option("--all")] = False,
) -> None:
    """Mengapa kriteria atau sub-komponen bernilai begitu / why a criterion or sub-component came out so."""
    from sakip_eval.io.workspace import load_workspace  # here: `--help` lists this command without the engine
    from sakip_eval.render import explain as rendering
    from sakip_eval.scoring.explain import explain as explain_chain

    explanation = explain_chain(load_workspace(workspace), target, limit=None if show_all else 3)
    if fmt is Format.JSON:
        print_json(rendering.to_dict(explanation, lang))
    else:
        rendering.render(explanation, lang, out)
