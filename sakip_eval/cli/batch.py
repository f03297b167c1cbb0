"""`batch`: score many workspaces, rank them, show how categories are spread and what is most often open."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, err, out, output_format, progress_bar, write_output
from sakip_eval.cli.options import LangOpt
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number
from sakip_eval.render.console import user_text
from sakip_eval.render.jsontext import dumps
from sakip_eval.render.safe import visible
from sakip_eval.render.table import Table
from sakip_eval.scoring.batch import BatchResult, Failed, default_jobs, discover, score_many


class BatchFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


SUFFIXES = {".csv": BatchFormat.CSV, ".xlsx": BatchFormat.XLSX, ".json": BatchFormat.JSON}


@app.command()
def batch(
    dirs: Annotated[list[Path], typer.Argument(metavar="DIR")],
    fmt: Annotated[BatchFormat | None, typer.Option("--format", metavar="table|json|csv|xlsx")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE")] = None,
    lang: LangOpt = Lang.ID,
    jobs: Annotated[int, typer.Option("--jobs", min=1, metavar="N")] = default_jobs(),
    top: Annotated[int, typer.Option("--top", min=1, metavar="N")] = 10,
) -> None:
    """Nilai banyak workspace sekaligus dan urutkan / score and rank many workspaces. Workspace yang
    rusak dilaporkan dan dilewati / a bad workspace is reported and skipped."""
    chosen = output_format(output, fmt, SUFFIXES, BatchFormat.TABLE)
    if output is not None and chosen is BatchFormat.TABLE:
        raise InputError("batch.table_on_screen", file=str(output), field="-o")
    if output is None and chosen is BatchFormat.XLSX:
        raise InputError("batch.needs_output", field="-o")
    found = discover(dirs)
    if not found.workspaces:
        raise InputError("batch.no_workspaces", file=", ".join(str(d) for d in dirs))
    if found.skipped:
        err.print(t("batch.passed_over", lang, count=len(found.skipped),
                    folders=", ".join(str(p) for p in found.skipped[:5]) + (", ..." if len(found.skipped) > 5 else "")),
                  markup=False, highlight=False)
    with progress_bar(t("batch.progress", lang), len(found.workspaces)) as advance:
        result = score_many(found.workspaces, lang, jobs=jobs, top=top, progress=advance)
    if chosen is BatchFormat.TABLE:
        _table(result, lang)
    else:
        _write(result, chosen, output, lang)
    if result.results and len(result.errors) == len(result.results):
        raise InputError("batch.none_scored")


def _write(result: BatchResult, chosen: BatchFormat, output: Path | None, lang: Lang) -> None:
    """JSON, CSV or the workbook, to the file `-o` names (written whole or not at all) or to standard output."""
    from sakip_eval.render import ranking

    if chosen is BatchFormat.XLSX:
        content = ranking.xlsx_bytes(result, lang)
    elif chosen is BatchFormat.CSV:
        content = ranking.csv_text(result, lang).encode("utf-8")
    else:
        content = dumps(result.public()).encode("utf-8")
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
    else:
        write_output(output, content, lang)


def _table(result: BatchResult, lang: Lang) -> None:
    table = Table(title=t("batch.title", lang, count=len(result.results)), title_justify="left", expand=True)
    for key, justify in (("batch.col_rank", "right"), ("report.opd", "left"), ("report.evaluation_year", "right"),
                         ("score.total", "right"), ("score.category", "left"), ("batch.col_workspace", "left")):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for row in result.results:
        if isinstance(row, Failed):
            continue
        # names and paths as written, never rich markup nor control characters
        table.add_row(str(row.rank), user_text(row.opd), str(row.evaluation_year),
                      format_number(row.total, lang), row.category, user_text(row.path))
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
        common.add_row(user_text(rec.id), user_text(rec.text), str(rec.count))
    out.print(common)
    if result.errors:
        err.print(t("batch.skipped", lang, count=len(result.errors)), markup=False, highlight=False)
        for row in result.errors:
            err.print(f"• {visible(row.path)}: {row.error}", markup=False, highlight=False)
