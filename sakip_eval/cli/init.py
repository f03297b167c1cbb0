"""`init DIR [--from FOLDER]`: a new workspace from commented templates, ready to fill in; with `--from`,
its inventory.yaml is drafted from a folder of evidence files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, out
from sakip_eval.cli.options import LangOpt
from sakip_eval.i18n import Lang, t
from sakip_eval.io.scaffold import create_workspace, default_year

REGIME = "lke-2021"


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR")],
    opd: Annotated[str | None, typer.Option("--opd", metavar="NAMA")] = None,
    year: Annotated[int | None, typer.Option("--year", min=2000, max=2100, metavar="YYYY")] = None,
    source: Annotated[Path | None, typer.Option("--from", metavar="FOLDER")] = None,
    lang: LangOpt = Lang.ID,
) -> None:
    """Buat workspace baru dengan templat berkomentar / create a workspace from commented templates."""
    def create() -> None:
        create_workspace(directory, opd or directory.resolve().name, year or default_year(), REGIME)

    if source is None:
        create()
        out.print(t("init.created", lang, path=directory), markup=False, highlight=False)
        return
    from sakip_eval.importers.inventory import draft_inventory
    from sakip_eval.rulebook.book import load_rulebook

    known = set(load_rulebook(REGIME).evidence_types)
    drafted = draft_inventory(directory, source, REGIME, known, create)
    out.print(t("init.created", lang, path=directory), markup=False, highlight=False)
    out.print(t("importers.scanned", lang, count=drafted.items, recognised=drafted.recognised, path=drafted.path),
              markup=False, highlight=False)
    if drafted.copied:
        out.print(t("importers.copied", lang, path=directory / "files"), markup=False, highlight=False)
    if drafted.review:
        out.print(t("importers.review_head", lang, count=len(drafted.review)), markup=False, highlight=False)
        for item in drafted.review:
            out.print(f"  - {item}", markup=False, highlight=False)
