"""`history [WS]`: the runs `score` recorded and the yearly trend (LHE totals, then the latest run of each year)."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text as RichText

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, HistoryOpt, LangOpt, WorkspaceArg
from sakip_eval.history.store import default_path, read_runs, trend
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.numbers import format_number
from sakip_eval.render.history import history_to_dict
from sakip_eval.render.table import Table
from sakip_eval.render.terminal import bar, bar_width
from sakip_eval.scoring.grades import category_of


@app.command("history")
def history_cmd(workspace: WorkspaceArg = DEFAULT_WORKSPACE, history: HistoryOpt = None,
                fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID) -> None:
    """Riwayat run dan tren nilai per tahun / recorded runs and the yearly trend."""
    ws = load_workspace(workspace)
    runs = read_runs(history or default_path(workspace), ws.meta.opd)
    points = trend(ws.meta.history_totals(), runs)
    book = ws.rulebook
    if fmt_ is Format.JSON:
        print_json(history_to_dict(book, ws.meta.opd, runs, points))
        return
    table = Table(title=RichText(t("history.runs_title", lang, opd=ws.meta.opd)), title_justify="left")
    for key in ("history.run", "history.at", "history.year", "history.total", "history.category", "history.inputs"):
        table.add_column(t(key, lang), no_wrap=True)
    for run in runs:
        table.add_row(f"#{run.id}", RichText(run.at), str(run.evaluation_year), format_number(run.total, lang),
                      RichText(run.category), RichText(run.inputs[:12]))
    out.print(table if runs else RichText(t("history.no_runs", lang)))
    chart = Table(title=t("history.trend_title", lang), title_justify="left")
    keys = ("history.year", "history.source", "history.total", "history.category")
    for key in keys:
        chart.add_column(t(key, lang), no_wrap=True)
    chart.add_column("")
    scale = sum((c.weight for c in book.regime.components), Decimal(0))
    rows = [(str(point.year), t("history.source_lhe", lang) if point.source == "lhe"
             else t("history.source_run", lang, run=point.run), format_number(point.total, lang),
             category_of(book, point.total).code) for point in points]
    # each column's widest cell or heading, plus the table's borders and padding (3 a column, 1 at the end)
    beside = sum(max(len(t(key, lang)), *(len(row[i]) for row in rows)) for i, key in enumerate(keys))
    width = bar_width(out.width, beside + 3 * (len(keys) + 1) + 1)
    for point, (year, source, total, category) in zip(points, rows, strict=True):
        chart.add_row(year, RichText(source), total, category, bar(point.total, scale, width))
    out.print(chart)
