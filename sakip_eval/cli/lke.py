"""`init` (a new workspace from commented templates) and `import-lke` (answers from an LKE workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import DEFAULT_WORKSPACE, LangOpt, WorkspaceArg, app, out
from sakip_eval.i18n import Lang, t
from sakip_eval.io.scaffold import create_workspace, default_year
from sakip_eval.io.workbook import import_workbook


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder workspace baru / new workspace folder.")],
    opd: Annotated[str | None, typer.Option("--opd", help="Nama OPD (bawaan: nama folder).")] = None,
    year: Annotated[int | None, typer.Option("--year", min=2000, max=2100, help="Tahun evaluasi.")] = None,
    lang: LangOpt = Lang.ID,
) -> None:
    """Buat workspace baru dengan templat berkomentar / create a workspace from commented templates."""
    create_workspace(directory, opd or directory.resolve().name, year or default_year())
    out.print(t("init.created", lang, path=directory), markup=False, highlight=False)


@app.command(name="import-lke")
def import_lke(
    xlsx: Annotated[Path, typer.Argument(help="Buku kerja LKE (.xlsx) / the LKE workbook.")],
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    ignore_evidence: Annotated[bool, typer.Option(
        "--ignore-evidence", help="Abaikan kolom Bukti / ignore the Evidence column.")] = False,
    lang: LangOpt = Lang.ID,
) -> None:
    """Baca jawaban LKE dari Excel ke assessment.yaml / read LKE answers from Excel into assessment.yaml."""
    result = import_workbook(xlsx, workspace, ignore_evidence=ignore_evidence)
    out.print(t("lke.imported", lang, rows=result.rows, changed=result.changed, path=result.path),
              markup=False, highlight=False)
