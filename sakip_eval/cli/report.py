"""`report`: the prediction as a document (HTML, Markdown, the LKE workbook or JSON)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, err
from sakip_eval.cli.options import DEFAULT_WORKSPACE, LangOpt, WorkspaceArg
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.workspace import load_workspace
from sakip_eval.render.report import ReportFormat, ReportInput, render_bytes
from sakip_eval.scoring.prediction import predict

ReportFormatOpt = Annotated[ReportFormat, typer.Option("--format", metavar="html|pdf|md|xlsx|json")]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE")]


@app.command()
def report(workspace: WorkspaceArg = DEFAULT_WORKSPACE, fmt: ReportFormatOpt = ReportFormat.HTML,
           output: OutputOpt = None, lang: LangOpt = Lang.ID) -> None:
    """Laporan untuk dibaca: HTML, Markdown, Excel (LKE) atau JSON / a report for readers."""
    if output is None and fmt is ReportFormat.XLSX:
        raise InputError("report.needs_output", field="-o", format=fmt.value)
    ws = load_workspace(workspace)
    if output is not None and output.resolve() in ws.input_files():
        raise InputError("report.overwrites_input", file=str(output), field="-o")
    content = render_bytes(ReportInput(ws, predict(ws)), fmt, lang)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
        return
    try:
        write_atomically(output, content)
    except OSError as exc:
        raise InputError("report.cannot_write", file=str(output), detail=exc.strerror or str(exc)) from exc
    err.print(t("report.written", lang, path=output), markup=False, highlight=False)
