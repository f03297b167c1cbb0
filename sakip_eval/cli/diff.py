"""`diff [WS] [RUN_A] [RUN_B]`: what changed between two recorded runs (inputs, grades, criteria, follow-up),
and why (the rule reasons that came and went)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text as RichText

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, HistoryOpt, LangOpt, WorkspaceArg
from sakip_eval.history.store import (
    Answer,
    Change,
    FollowupState,
    Grade,
    RunDiff,
    default_path,
    diff_runs,
    load_run,
    open_history,
    pick_runs,
    read_runs,
)
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.numbers import format_number
from sakip_eval.render.console import user_text
from sakip_eval.render.history import diff_to_dict, reason_text
from sakip_eval.render.table import Table
from sakip_eval.render.terminal import answer_label, status_label

RunA = Annotated[int | None, typer.Argument(metavar="RUN_A")]
RunB = Annotated[int | None, typer.Argument(metavar="RUN_B")]


@app.command("diff")
def diff_cmd(workspace: WorkspaceArg = DEFAULT_WORKSPACE, run_a: RunA = None, run_b: RunB = None,
             history: HistoryOpt = None, fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID) -> None:
    """Apa yang berubah antara dua run, dan mengapa / what changed between two runs, and why.

    Tanpa RUN: dua run terakhir; satu RUN: run itu dibanding run terakhir. `diff 3 5` (tanpa WS) juga
    diterima bila tidak ada folder bernama 3."""
    if run_b is None and str(workspace).isdigit() and not workspace.is_dir():
        workspace, run_a, run_b = DEFAULT_WORKSPACE, int(str(workspace)), run_a
    path = history or default_path(workspace)
    ws = load_workspace(workspace)
    runs = read_runs(path, ws.meta.opd)
    first, second = pick_runs(runs, run_a, run_b, str(path))
    with open_history(path, create=False) as conn:
        result = diff_runs(load_run(conn, first, str(path)), load_run(conn, second, str(path)))
    if fmt_ is Format.JSON:
        print_json(diff_to_dict(result, lang))
    else:
        _render_diff(result, lang)


def _why(change: Change[Grade] | Change[Answer], lang: Lang) -> RichText:
    text = RichText()
    before, after = change.before, change.after
    if isinstance(before, Answer) and isinstance(after, Answer) and before.claimed != after.claimed:
        text.append(t("diff.claim_changed", lang, a=_answer(before.claimed, lang),
                      b=_answer(after.claimed, lang)) + "\n")
    if isinstance(before, Grade) and isinstance(after, Grade) and before.met != after.met:
        text.append(t("diff.met_changed", lang, a=f"{before.met}/{before.applicable}",
                      b=f"{after.met}/{after.applicable}") + "\n")
    for reason in change.removed:
        text.append("− " + reason_text(reason, lang) + "\n", style="green")
    for reason in change.added:
        text.append("+ " + reason_text(reason, lang) + "\n", style="red")
    text.rstrip()
    return text


def _render_diff(result: RunDiff, lang: Lang) -> None:
    a, b = result.a, result.b
    out.print(RichText(t("diff.title", lang, a=a.id, at_a=a.at, b=b.id, at_b=b.at), style="bold"))
    delta = b.total - a.total
    out.print(RichText(t("diff.total", lang, a=format_number(a.total, lang), cat_a=a.category,
                         b=format_number(b.total, lang), cat_b=b.category,
                         delta=("+" if delta >= 0 else "") + format_number(delta, lang))))
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
        for sub in result.subcomponents:
            table.add_row(user_text(sub.id), f"{_grade(sub.before)} → {_grade(sub.after)}",
                          f"{_num(sub.before, lang)} → {_num(sub.after, lang)}", _why(sub, lang))
        out.print(table)
    if result.criteria:
        table = Table(title=t("diff.criteria", lang), title_justify="left", expand=True)
        for key in ("diff.id", "diff.predicted"):
            table.add_column(t(key, lang), no_wrap=True)
        table.add_column(t("diff.why", lang), ratio=3)
        for crit in result.criteria:
            table.add_row(user_text(crit.id), _change(crit.before.predicted if crit.before else None,
                                                       crit.after.predicted if crit.after else None, lang),
                          _why(crit, lang))
        out.print(table)
    if result.followup:
        table = Table(title=t("diff.followup", lang), title_justify="left")
        for key in ("diff.id", "followup.status", "followup.evidence"):
            table.add_column(t(key, lang))
        for rec in result.followup:
            table.add_row(user_text(rec.id), f"{_status(rec.before, lang)} → {_status(rec.after, lang)}",
                          RichText(f"{_evidence(rec.before)} → {_evidence(rec.after)}"))
        out.print(table)


def _grade(grade: Grade | None) -> str:
    return grade.grade if grade else "-"


def _num(grade: Grade | None, lang: Lang) -> str:
    return format_number(grade.score, lang) if grade else "-"


def _status(state: FollowupState | None, lang: Lang) -> str:
    return status_label(state.status, lang) if state else "-"


def _evidence(state: FollowupState | None) -> str:
    return (", ".join(state.evidence) if state else "") or "-"


def _answer(value: str | None, lang: Lang) -> str:
    """A criterion's answer in words (`terpenuhi`), never the file's `true`/`false`."""
    return answer_label(value, lang) if value in ("true", "false", "na") else "-"


def _change(before: str | None, after: str | None, lang: Lang) -> str:
    """`terpenuhi → belum terpenuhi`; an answer that stayed is said once (`belum terpenuhi (tetap)`): the row is
    there because its reasons changed."""
    if before == after:
        return t("diff.unchanged", lang, value=_answer(before, lang))
    return f"{_answer(before, lang)} → {_answer(after, lang)}"
