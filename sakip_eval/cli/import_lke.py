"""`import-lke XLSX [WS]`: the answers of a filled-in LKE workbook, written into the workspace's assessment.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, err, out
from sakip_eval.cli.options import DEFAULT_WORKSPACE, LangOpt, WorkspaceArg
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workbook import import_workbook, listed
from sakip_eval.render.safe import visible


@app.command(name="import-lke")
def import_lke(
    xlsx: Annotated[Path, typer.Argument(metavar="XLSX")],
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    ignore_evidence: Annotated[bool, typer.Option(
        "--ignore-evidence")] = False,
    lang: LangOpt = Lang.ID,
) -> None:
    """Baca jawaban LKE dari Excel ke assessment.yaml / read LKE answers from Excel into assessment.yaml."""
    result = import_workbook(xlsx, workspace, ignore_evidence=ignore_evidence)
    out.print(t("lke.imported", lang, rows=result.rows, changed=result.changed, path=result.path),
              markup=False, highlight=False)
    if result.skipped:
        err.print(t("lke.skipped_rows", lang, count=len(result.skipped), cells=visible(listed(result.skipped))),
                  markup=False, highlight=False)
