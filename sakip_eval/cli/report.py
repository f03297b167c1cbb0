"""`report`: the prediction as a document (HTML, PDF, Markdown, the LKE workbook or JSON).

The format follows the output file's name (`-o laporan.pdf`), as a user of Word or Excel expects; `--format`
is for standard output or a name without a known extension, and a `--format` that contradicts the name is
refused rather than writing HTML into a file called .xlsx.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sakip_eval.cli.common import app, output_format, progress_bar, write_output
from sakip_eval.cli.options import DEFAULT_WORKSPACE, LangOpt, WorkspaceArg
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.render.report import BINARY, SUFFIXES, ReportFormat, ReportInput, render_bytes
from sakip_eval.scoring.prediction import predict

ReportFormatOpt = Annotated[ReportFormat | None, typer.Option("--format", metavar="html|pdf|md|xlsx|json")]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE")]


@app.command()
def report(workspace: WorkspaceArg = DEFAULT_WORKSPACE, fmt: ReportFormatOpt = None, output: OutputOpt = None,
           lang: LangOpt = Lang.ID) -> None:
    """Laporan untuk dibaca / a report for readers (see the module docstring for how the format is chosen)."""
    ws = load_workspace(workspace)
    if output is not None and output.resolve() in ws.input_files():  # first: the worst mistake to let through
        raise InputError("report.overwrites_input", file=str(output), field="-o")
    chosen = output_format(output, fmt, SUFFIXES, ReportFormat.HTML)
    if output is None and chosen in BINARY:
        raise InputError("report.needs_output", field="-o", format=chosen.value)
    source = ReportInput(ws, predict(ws))
    if chosen is ReportFormat.PDF:  # a browser prints it: a few seconds
        with progress_bar(t("report.printing", lang), 1) as done:
            content = render_bytes(source, chosen, lang)
            done(1)
    else:
        content = render_bytes(source, chosen, lang)
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
    else:
        write_output(output, content, lang)
