"""`import-lkjip FILE [WS]`: a draft lkjip.yaml from the team's LKjIP (.docx, .pdf or tab-separated text)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, out
from sakip_eval.cli.options import DEFAULT_WORKSPACE, LangOpt, WorkspaceArg
from sakip_eval.i18n import Lang, t
from sakip_eval.importers.lkjip import import_lkjip as run_import
from sakip_eval.importers.lkjip import summary_lines


@app.command(name="import-lkjip")
def import_lkjip(
    document: Annotated[Path, typer.Argument(metavar="LKJIP")],
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="BERKAS")] = None,
    merge: Annotated[bool, typer.Option("--merge")] = False,
    lang: LangOpt = Lang.ID,
) -> None:
    """Susun draf lkjip.yaml dari LKjIP / draft lkjip.yaml from the LKjIP document."""
    result = run_import(document, workspace, output=output, merge=merge)
    for key, params in summary_lines(result):
        out.print(t(key, lang, **params), markup=False, highlight=False)
    if result.review:
        out.print(t("importers.review_head", lang, count=len(result.review)), markup=False, highlight=False)
        for item in result.review:
            out.print(f"  - {item}", markup=False, highlight=False)
    else:
        out.print(t("importers.review_none", lang), markup=False, highlight=False)
    out.print(t("importers.next", lang), markup=False, highlight=False)
