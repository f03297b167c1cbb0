"""`history [WS]` (recorded runs and the yearly trend) and `diff [WS] [RUN_A] [RUN_B]` (what changed
between two runs, and why). `score` records the runs (see cli/score.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text as RichText

from sakip_eval.cli.common import (
    DEFAULT_WORKSPACE,
    Format,
    FormatOpt,
    HistoryOpt,
    LangOpt,
    WorkspaceArg,
    app,
    out,
    print_json,
)
from sakip_eval.history.store import (
    Change,
    RunDiff,
    RunSummary,
    default_path,
    diff_runs,
    load_run,
    open_history,
    pick_runs,
    read_runs,
    trend,
)
from sakip_eval.i18n import Lang, t
from sakip_eval.model.workspace import load_workspace
from sakip_eval.render.json import number
from sakip_eval.render.terminal import bar, fmt, status_label
from sakip_eval.scoring.grades import category_of

RunA = Annotated[int | None, typer.Argument(metavar="RUN_A", help="Run awal (lihat `history`) / first run.")]
RunB = Annotated[int | None, typer.Argument(metavar="RUN_B", help="Run pembanding / second run.")]


def history_path(workspace: Path, history: Path | None) -> Path:
    return history if history is not None else default_path(workspace)


def _summary(run: RunSummary) -> dict[str, Any]:
    return {"id": run.id, "at": run.at, "workspace": run.workspace, "opd": run.opd,
            "evaluation_year": run.evaluation_year, "total": number(run.total), "category": run.category,
            "inputs": run.inputs}


@app.command("history")
def history_cmd(workspace: WorkspaceArg = DEFAULT_WORKSPACE, history: HistoryOpt = None,
                fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID) -> None:
    """Riwayat run dan tren nilai per tahun / recorded runs and the yearly trend."""
    ws = load_workspace(workspace)
    runs = read_runs(history_path(workspace, history), ws.meta.opd)
    points = trend(ws.meta.history, runs)
    book = ws.rulebook
    if fmt_ is Format.JSON:
        print_json({
            "opd": ws.meta.opd, "runs": [_summary(r) for r in runs],
            "trend": [{"year": p.year, "source": p.source, "total": number(p.total),
                       "category": category_of(book, p.total).code, "run": p.run} for p in points],
        })
        return
    table = Table(title=RichText(t("history.runs_title", lang, opd=ws.meta.opd)), title_justify="left")
    for key in ("history.run", "history.at", "history.year", "history.total", "history.category", "history.inputs"):
        table.add_column(t(key, lang), no_wrap=True)
    for run in runs:
        table.add_row(f"#{run.id}", RichText(run.at), str(run.evaluation_year), fmt(run.total, lang),
                      RichText(run.category), RichText(run.inputs[:12]))
    out.print(table if runs else RichText(t("history.no_runs", lang)))
    chart = Table(title=t("history.trend_title", lang), title_justify="left")
    for key in ("history.year", "history.source", "history.total", "history.category"):
        chart.add_column(t(key, lang), no_wrap=True)
    chart.add_column("")
    scale = sum((c.weight for c in book.regime.components), Decimal(0))
    for point in points:
        source = (t("history.source_lhe", lang) if point.source == "lhe"
                  else t("history.source_run", lang, run=point.run))
        chart.add_row(str(point.year), RichText(source), fmt(point.total, lang), category_of(book, point.total).code,
                      bar(point.total, scale))
    out.print(chart)


@app.command("diff")
def diff_cmd(workspace: WorkspaceArg = DEFAULT_WORKSPACE, run_a: RunA = None, run_b: RunB = None,
             history: HistoryOpt = None, fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID) -> None:
    """Apa yang berubah antara dua run, dan mengapa / what changed between two runs, and why.

    Tanpa RUN: dua run terakhir; satu RUN: run itu dibanding run terakhir. `diff 3 5` (tanpa WS) juga
    diterima bila tidak ada folder bernama 3."""
    if run_b is None and str(workspace).isdigit() and not workspace.is_dir():
        workspace, run_a, run_b = DEFAULT_WORKSPACE, int(str(workspace)), run_a
    path = history_path(workspace, history)
    ws = load_workspace(workspace)
    runs = read_runs(path, ws.meta.opd)
    first, second = pick_runs(runs, run_a, run_b, str(path))
    with open_history(path, create=False) as conn:
        result = diff_runs(load_run(conn, first, str(path)), load_run(conn, second, str(path)))
    if fmt_ is Format.JSON:
        print_json(_diff_dict(result, lang))
    else:
        _render_diff(result, lang)


def _reason_text(reason: dict[str, str], lang: Lang) -> str:
    return f"[{reason['rule']}] {reason['id'] if lang is Lang.ID else reason['en']}"


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: number(v) if k == "score" else v for k, v in values.items()}


def _change_dict(change: Change, lang: Lang) -> dict[str, Any]:
    return {"id": change.id, "a": _plain(change.before), "b": _plain(change.after),
            "added": [_reason_text(r, lang) for r in change.added],
            "removed": [_reason_text(r, lang) for r in change.removed]}


def _diff_dict(result: RunDiff, lang: Lang) -> dict[str, Any]:
    return {
        "a": _summary(result.a), "b": _summary(result.b),
        "total": {"a": number(result.a.total), "b": number(result.b.total),
                  "delta": number(result.b.total - result.a.total)},
        "category": {"a": result.a.category, "b": result.b.category},
        "inputs": [{"file": c.id, "a": c.before["sha256"], "b": c.after["sha256"]} for c in result.inputs],
        "subcomponents": [_change_dict(c, lang) for c in result.subcomponents],
        "criteria": [_change_dict(c, lang) for c in result.criteria],
        "followup": [{"id": c.id, "a": c.before, "b": c.after} for c in result.followup],
    }


def _why(change: Change, lang: Lang) -> RichText:
    text = RichText()
    before, after = change.before, change.after
    if before.get("claimed") != after.get("claimed") and "claimed" in before and "claimed" in after:
        text.append(t("diff.claim_changed", lang, a=before["claimed"], b=after["claimed"]) + "\n")
    if before.get("met") != after.get("met") and "met" in before and "met" in after:
        text.append(t("diff.met_changed", lang, a=f"{before['met']}/{before['applicable']}",
                      b=f"{after['met']}/{after['applicable']}") + "\n")
    for reason in change.removed:
        text.append("− " + _reason_text(reason, lang) + "\n", style="green")
    for reason in change.added:
        text.append("+ " + _reason_text(reason, lang) + "\n", style="red")
    text.rstrip()
    return text


def _render_diff(result: RunDiff, lang: Lang) -> None:
    a, b = result.a, result.b
    out.print(RichText(t("diff.title", lang, a=a.id, at_a=a.at, b=b.id, at_b=b.at), style="bold"))
    delta = b.total - a.total
    out.print(RichText(t("diff.total", lang, a=fmt(a.total, lang), cat_a=a.category, b=fmt(b.total, lang),
                         cat_b=b.category, delta=("+" if delta >= 0 else "") + fmt(delta, lang))))
    if result.inputs:
        out.print(RichText(t("diff.inputs", lang, files=", ".join(c.id for c in result.inputs))))
    if not (result.subcomponents or result.criteria or result.followup or result.inputs):
        out.print(RichText(t("diff.none", lang)))
        return
    if result.subcomponents:
        table = Table(title=t("diff.subcomponents", lang), title_justify="left", expand=True)
        for key in ("diff.id", "diff.grade", "diff.score"):
            table.add_column(t(key, lang), no_wrap=True)
        table.add_column(t("diff.why", lang), ratio=3)
        for c in result.subcomponents:
            table.add_row(RichText(c.id), f"{c.before.get('grade', '-')} → {c.after.get('grade', '-')}",
                          f"{_num(c.before, lang)} → {_num(c.after, lang)}", _why(c, lang))
        out.print(table)
    if result.criteria:
        table = Table(title=t("diff.criteria", lang), title_justify="left", expand=True)
        for key in ("diff.id", "diff.predicted"):
            table.add_column(t(key, lang), no_wrap=True)
        table.add_column(t("diff.why", lang), ratio=3)
        for c in result.criteria:
            table.add_row(RichText(c.id), f"{c.before.get('predicted', '-')} → {c.after.get('predicted', '-')}",
                          _why(c, lang))
        out.print(table)
    if result.followup:
        table = Table(title=t("diff.followup", lang), title_justify="left")
        for key in ("diff.id", "followup.status", "followup.evidence"):
            table.add_column(t(key, lang))
        for c in result.followup:
            table.add_row(RichText(c.id), f"{_status(c.before, lang)} → {_status(c.after, lang)}",
                          RichText(f"{', '.join(c.before.get('evidence', [])) or '-'} → "
                                   f"{', '.join(c.after.get('evidence', [])) or '-'}"))
        out.print(table)


def _num(values: dict[str, Any], lang: Lang) -> str:
    return fmt(values["score"], lang) if "score" in values else "-"


def _status(values: dict[str, Any], lang: Lang) -> str:
    return status_label(values["status"], lang) if "status" in values else "-"
