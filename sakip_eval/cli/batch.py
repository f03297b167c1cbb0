"""`batch`: score many workspaces, rank them, show how categories are spread and what is most often open."""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text as RichText

from sakip_eval.cli.common import app, err, out, print_json, progress_bar
from sakip_eval.cli.options import LangOpt
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number
from sakip_eval.render.report import FORMULA_TRIGGERS
from sakip_eval.scoring.batch import BatchResult, default_jobs, discover, score_many


class BatchFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


CSV_FIELDS = ("rank", "path", "opd", "pemda", "evaluation_year", "total", "category", "next_category", "gap",
              "criteria_met", "criteria_applicable", "error")


@app.command()
def batch(
    dirs: Annotated[list[Path], typer.Argument(metavar="DIR")],
    fmt: Annotated[BatchFormat, typer.Option("--format", metavar="table|json|csv")] = BatchFormat.TABLE,
    lang: LangOpt = Lang.ID,
    jobs: Annotated[int, typer.Option("--jobs", min=1, metavar="N")] = default_jobs(),
    top: Annotated[int, typer.Option("--top", min=1, metavar="N")] = 10,
) -> None:
    """Nilai banyak workspace sekaligus dan urutkan / score and rank many workspaces. Workspace yang
    rusak dilaporkan dan dilewati / a bad workspace is reported and skipped."""
    found = discover(dirs)
    if not found.workspaces:
        raise InputError("batch.no_workspaces", file=", ".join(str(d) for d in dirs))
    if found.skipped:
        err.print(t("batch.passed_over", lang, count=len(found.skipped),
                    folders=", ".join(str(p) for p in found.skipped[:5]) + (", ..." if len(found.skipped) > 5 else "")),
                  markup=False, highlight=False)
    with progress_bar(t("batch.progress", lang), len(found.workspaces)) as advance:
        result = score_many(found.workspaces, lang, jobs=jobs, top=top, progress=advance)
    if fmt is BatchFormat.JSON:
        print_json({"results": result.results, "distribution": result.distribution, "common": result.common})
    elif fmt is BatchFormat.CSV:
        _csv(result)
    else:
        _table(result, lang)
    if result.results and len(result.errors) == len(result.results):
        raise InputError("batch.none_scored")


def _csv_cell(value: Any) -> Any:
    """Spreadsheets run a cell that starts with = + - @ as a formula: quote such text."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return "" if value is None else value


def _csv(result: BatchResult) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in result.results:
        writer.writerow([_csv_cell(row.get(name)) for name in CSV_FIELDS])


def _table(result: BatchResult, lang: Lang) -> None:
    table = Table(title=t("batch.title", lang, count=len(result.results)), title_justify="left", expand=True)
    for key, justify in (("batch.col_rank", "right"), ("report.opd", "left"), ("report.evaluation_year", "right"),
                         ("score.total", "right"), ("score.category", "left"), ("batch.col_workspace", "left")):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for row in result.results:
        if row["error"]:
            continue
        # names and paths as written, never rich markup
        table.add_row(str(row["rank"]), RichText(row["opd"]), str(row["evaluation_year"]),
                      format_number(row["total"], lang), row["category"], RichText(row["path"]))
    out.print(table)
    dist = Table(title=t("batch.distribution", lang), title_justify="left")
    dist.add_column(t("score.category", lang))
    dist.add_column(t("batch.col_count", lang), justify="right")
    for code, count in result.distribution.items():
        dist.add_row(code, str(count))
    out.print(dist)
    common = Table(title=t("batch.common", lang), title_justify="left", expand=True)
    common.add_column(t("report.col_id", lang), no_wrap=True)
    common.add_column(t("rules.text", lang), ratio=4)
    common.add_column(t("batch.col_count", lang), justify="right")
    for rec in result.common:
        common.add_row(RichText(rec["id"]), RichText(rec["text"]), str(rec["count"]))
    out.print(common)
    if result.errors:
        err.print(t("batch.skipped", lang, count=len(result.errors)), markup=False, highlight=False)
        for row in result.errors:
            err.print(f"• {row['path']}: {row['error']}", markup=False, highlight=False)
