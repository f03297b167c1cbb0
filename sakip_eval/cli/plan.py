"""`plan`: the shortest list of recommendations that reaches a target category or score."""

from __future__ import annotations

from typing import Annotated

import typer

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, LangOpt, WorkspaceArg
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.numbers import format_number
from sakip_eval.render.console import user_text
from sakip_eval.render.table import Table
from sakip_eval.scoring.estimate import Estimator
from sakip_eval.scoring.plan import Plan, make_plan, parse_target, plan_to_dict
from sakip_eval.scoring.prediction import evaluate, score_of

NARROW = 80  # terminal columns below which the plan's table folds its number columns into one


@app.command()
def plan(
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    target: Annotated[str, typer.Option("--target", metavar="AA|85,5")] = "AA",
    fmt: FormatOpt = Format.TABLE,
    lang: LangOpt = Lang.ID,
) -> None:
    """Langkah terpendek menuju predikat atau nilai target / shortest plan to a target. Keluar 1 bila
    target di luar jangkauan / exit 1 when the target is out of reach."""
    ws = load_workspace(workspace)
    book = ws.rulebook
    evaluation = evaluate(ws)
    estimator = Estimator(ws, score_of(book, evaluation), evaluation.consequences)
    result = make_plan(book, evaluation, parse_target(book, target), estimator.total_of)
    if fmt is Format.JSON:
        print_json(plan_to_dict(result, lang))
    else:
        _print(result, lang)
    if not result.reachable:
        raise typer.Exit(1)


def _print(result: Plan, lang: Lang) -> None:
    target = result.target.label
    if result.reachable and not result.steps:
        out.print(t("plan.already", lang, target=target, total=format_number(result.start_total, lang),
                    category=result.start_category))
        return
    if not result.reachable:
        out.print(t("plan.unreachable", lang, target=target, max=format_number(result.max_total, lang),
                    category=result.predicted_category), markup=False)
        for limit in result.limits:
            out.print("  • " + t("plan.limit", lang, sub=limit.subcomponent, grade=limit.grade,
                                 score=format_number(limit.score, lang), weight=format_number(limit.weight, lang)),
                      markup=False)
        if result.steps:
            out.print(t("plan.toward_max", lang))
    narrow = out.width < NARROW  # six columns left a 60-column terminal nine characters of the step's text
    table = Table(title=t("plan.title", lang, target=target), title_justify="left", expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column(t("plan.col_step", lang), ratio=4)
    table.add_column(t("rules.target", lang), no_wrap=True)
    if narrow:
        table.add_column(t("plan.col_outcome", lang), no_wrap=True)
    else:
        table.add_column(t("report.col_points", lang), justify="right", no_wrap=True)
        table.add_column(t("plan.col_total", lang), justify="right")  # its heading may wrap on a narrow terminal
        table.add_column(t("score.category", lang), no_wrap=True)
    for index, step in enumerate(result.steps, start=1):
        rec = step.rec
        points = "+" + format_number(rec.points, lang)
        if step.together_with is not None:  # adds nothing alone: say with which step it counts
            points = t("plan.together", lang, step=step.together_with)
        total = format_number(step.total, lang)
        outcome = [f"{points}\n→ {total} {rec.reaches}"] if narrow else [points, total, rec.reaches]
        table.add_row(str(index), user_text(rec.text.get(lang)), ", ".join(rec.criteria or rec.subcomponents),
                      *outcome)
    out.print(table)
    if result.reachable:
        out.print(t("plan.reached", lang, target=target, steps=len(result.steps),
                    start=format_number(result.start_total, lang), total=format_number(result.predicted_total, lang),
                    category=result.predicted_category))
