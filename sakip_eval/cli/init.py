"""`init DIR`: a new workspace from commented templates, ready to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, out
from sakip_eval.cli.options import LangOpt
from sakip_eval.i18n import Lang, t
from sakip_eval.io.scaffold import create_workspace, default_year


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR")],
    opd: Annotated[str | None, typer.Option("--opd", metavar="NAMA")] = None,
    year: Annotated[int | None, typer.Option("--year", min=2000, max=2100, metavar="YYYY")] = None,
    lang: LangOpt = Lang.ID,
) -> None:
    """Buat workspace baru dengan templat berkomentar / create a workspace from commented templates."""
    create_workspace(directory, opd or directory.resolve().name, year or default_year())
    out.print(t("init.created", lang, path=directory), markup=False, highlight=False)
