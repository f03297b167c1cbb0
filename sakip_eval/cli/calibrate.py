"""`calibrate DIR...`: predictions set against the real LHE (`actual` in workspace.yaml): a table per case and
a summary (mean |error|, category right, Spearman, the spread of the predicted totals) beside the baseline
"previous total + typical change";
for a single workspace also item by item."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, LangOpt
from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number
from sakip_eval.render.jsontext import number
from sakip_eval.render.table import Table
from sakip_eval.rulebook.calibration import Figures
from sakip_eval.scoring.calibration import CalibrationReport, CalibrationRow, calibrate_many

# help texts: sakip_eval.i18n.helptext ("calibrate DIR", "calibrate --leave-one-out", ...)
Dirs = Annotated[list[Path] | None, typer.Argument(metavar="DIR")]


@app.command(name="calibrate")
def calibrate_cmd(
    dirs: Dirs = None, fmt: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID,
    loo: Annotated[bool, typer.Option("--leave-one-out")] = False,
    without_history: Annotated[bool, typer.Option("--without-history")] = False,
) -> None:
    """Bandingkan prediksi dengan hasil LHE / compare predictions with the real LHE."""
    report = calibrate_many(dirs or [DEFAULT_WORKSPACE], loo, without_history)
    if fmt is Format.JSON:
        print_json(_to_dict(report))
        return
    if len(report.cases) == 1:
        out.print(_rows_table(report.cases[0].rows, lang))
    out.print(_cases_table(report, lang))
    out.print(_summary_table(report, lang))


def _mode(report: CalibrationReport, lang: Lang) -> str:
    modes = [t("calibrate.mode_loo" if report.leave_one_out else "calibrate.mode_in_sample", lang)]
    if report.without_history:
        modes.append(t("calibrate.mode_rules", lang))
    return "; ".join(modes)


def _rows_table(rows: list[CalibrationRow], lang: Lang) -> Table:
    table = Table(title=t("calibrate.title", lang), title_justify="left")
    for key in ("calibrate.item", "calibrate.predicted", "calibrate.actual", "calibrate.error"):
        table.add_column(t(key, lang), justify="left" if key == "calibrate.item" else "right")
    for r in rows:
        table.add_row(r.item, format_number(r.predicted, lang),
                      "-" if r.actual is None else format_number(r.actual, lang),
                      "-" if r.error is None else format_number(r.error, lang))
    return table


def _cases_table(report: CalibrationReport, lang: Lang) -> Table:
    table = Table(title=t("calibrate.cases_title", lang, n=len(report.cases)), caption=_mode(report, lang),
                  title_justify="left", caption_justify="left")
    for key in ("calibrate.case", "calibrate.previous", "calibrate.predicted", "calibrate.actual", "calibrate.error",
                "calibrate.category", "calibrate.baseline"):
        table.add_column(t(key, lang), justify="left" if key in ("calibrate.case", "calibrate.category") else "right",
                         overflow="fold")
    for case in report.cases:
        mark = "✔" if case.category_right else "✘"
        table.add_row(
            case.name, "-" if case.previous is None else format_number(case.previous, lang),
            format_number(case.predicted, lang), format_number(case.actual, lang), format_number(case.error, lang),
            f"{mark} {case.category} / {case.actual_category}",
            "-" if case.baseline is None else format_number(case.baseline, lang),
        )
    return table


def _summary_table(report: CalibrationReport, lang: Lang) -> Table:
    table = Table(title=t("calibrate.summary", lang), title_justify="left")
    for key in ("calibrate.way", "calibrate.mae", "calibrate.category_right", "calibrate.spearman",
                "calibrate.spread"):
        table.add_column(t(key, lang), justify="left" if key == "calibrate.way" else "right")
    for key, figures in (("calibrate.the_prediction", report.prediction), ("calibrate.the_baseline", report.baseline)):
        if figures is None:
            continue
        table.add_row(t(key, lang), format_number(figures.mean_abs_error, lang),
                      f"{figures.category_right}/{figures.cases}", _maybe(figures.spearman, lang),
                      _maybe(figures.spread, lang))
    table.add_row(t("calibrate.the_actual", lang), "-", "-", "-", _maybe(report.actual_spread, lang))
    return table


def _maybe(value: Decimal | None, lang: Lang) -> str:
    return "-" if value is None else format_number(value, lang)


def _figures(figures: Figures | None) -> dict[str, Any] | None:
    if figures is None:
        return None
    return {"cases": figures.cases, "mean_abs_error": number(figures.mean_abs_error),
            "category_right": figures.category_right,
            "spearman": None if figures.spearman is None else number(figures.spearman),
            "spread": None if figures.spread is None else number(figures.spread)}


def _to_dict(report: CalibrationReport) -> dict[str, Any]:
    return {
        "leave_one_out": report.leave_one_out, "without_history": report.without_history,
        "cases": [
            {"case": c.name, "path": str(c.path), "method": c.method,
             "previous": None if c.previous is None else number(c.previous), "predicted": number(c.predicted),
             "actual": number(c.actual), "error": number(c.error), "category": c.category,
             "actual_category": c.actual_category, "category_right": c.category_right,
             "baseline": None if c.baseline is None else number(c.baseline),
             "rows": [{"item": r.item, "predicted": number(r.predicted),
                       "actual": None if r.actual is None else number(r.actual),
                       "error": None if r.error is None else number(r.error)} for r in c.rows]}
            for c in report.cases
        ],
        "summary": {"prediction": _figures(report.prediction), "baseline": _figures(report.baseline),
                    "actual": {"spread": None if report.actual_spread is None else number(report.actual_spread)}},
    }
