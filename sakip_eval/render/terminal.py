"""The terminal checklist: component -> sub-component -> criteria, then the summary and the top
recommendations. Rendering only; every number comes from the :class:`Prediction`."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number

if TYPE_CHECKING:  # types only: `followup` and `diff` borrow the labels without loading the prediction and its engine
    from sakip_eval.scoring.prediction import ComponentResult, CriterionResult, Prediction, Reason

MARKS = {"true": ("✔", "green"), "false": ("✘", "red"), "na": ("–", "dim")}
BAR_WIDTH = 30


def answer_label(answer: str, lang: Lang) -> str:
    return t({"true": "score.met", "false": "score.not_met", "na": "score.na"}[answer], lang)


def status_label(status: str, lang: Lang) -> str:
    """A follow-up status (`belum`, `proses`, `selesai`, `tidak-dapat`) in the output language."""
    return t(f"followup.status.{status}", lang)


def bar(score: Decimal, weight: Decimal) -> RichText:
    filled = int((score / weight * BAR_WIDTH).to_integral_value()) if weight else 0
    text = RichText("█" * filled, style="green")
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    return text


FINDINGS_SHOWN = 3


def _reason_line(reason: Reason, lang: Lang) -> str:
    """`[rule-id] text (ids)`: ids the text already names are not repeated, and a long list of LKjIP
    findings is cut short (all of them are in `--format json` and in `sakip-eval check`)."""
    text = reason.text.get(lang)
    findings = reason.findings[:FINDINGS_SHOWN]
    if len(reason.findings) > FINDINGS_SHOWN:
        findings.append(t("score.more_findings", lang, count=len(reason.findings) - FINDINGS_SHOWN))
    refs = [r for r in reason.evidence + findings if r not in text]
    return f"[{reason.rule}] {text}" + (f" ({', '.join(refs)})" if refs else "")


def _component_table(comp: ComponentResult, criteria: list[CriterionResult], lang: Lang) -> Table:
    score = f"{format_number(comp.score, lang)} / {format_number(comp.weight, lang)}"
    title = RichText(f"{comp.id}. {comp.name.get(lang)} — {score}", style="bold")
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    table.add_column("", width=2)
    table.add_column(t("rules.id", lang), no_wrap=True)
    table.add_column(t("rules.text", lang), ratio=3)
    table.add_column(t("score.claimed", lang), no_wrap=True)
    table.add_column(t("score.predicted", lang), no_wrap=True)
    table.add_column(t("score.evidence", lang) + " / " + t("rules.text", lang).lower(), ratio=3)
    for sub in comp.subcomponents:
        share = t("score.share", lang, met=sub.met, applicable=sub.applicable)
        head = f"{sub.name.get(lang)} ({share})"
        grade = f"{sub.grade} · {format_number(sub.score, lang)} / {format_number(sub.weight, lang)}"
        table.add_row("", RichText(sub.id, style="bold"), RichText(head, style="bold"), "", "",
                      RichText(grade, style="bold cyan"))
        for reason in sub.upgrades:
            table.add_row("", "", "", "", "", RichText(
                "↑ " + t("score.upgrade", lang, grade=reason.grade, reason=_reason_line(reason, lang)), style="green"))
        for reason in sub.caps:
            table.add_row("", "", "", "", "", RichText(
                "↓ " + t("score.cap", lang, grade=reason.grade, reason=_reason_line(reason, lang)), style="yellow"))
        for crit in (c for c in criteria if c.subcomponent == sub.id):
            mark, style = MARKS[crit.predicted]
            details = [", ".join(crit.evidence)] if crit.evidence else []
            details += [_reason_line(r, lang) for r in crit.reasons]
            table.add_row(
                RichText(mark, style=style), RichText(crit.id), RichText(crit.text.get(lang)),
                RichText(answer_label(crit.claimed, lang)), RichText(answer_label(crit.predicted, lang), style=style),
                RichText("\n".join(details)),
            )
    return table


def _followup_table(pred: Prediction, lang: Lang) -> Table:
    """Last year's recommendations in the LHE's own words, beside 4.c.1: closed (done with evidence) or
    open, and what closing each one alone adds to the total."""
    points = {r.id: r.points for r in pred.recommendations if r.kind == "followup"}
    table = Table(title=t("followup.checklist_title", lang), title_justify="left", expand=True)
    table.add_column("", width=2)
    table.add_column(t("followup.id", lang), no_wrap=True)
    table.add_column(t("followup.text", lang), ratio=4)
    table.add_column(t("followup.status", lang), no_wrap=True)
    table.add_column(t("followup.evidence", lang), ratio=1)
    table.add_column(t("followup.points", lang), no_wrap=True, justify="right")
    for rec in pred.followup:
        mark, style = MARKS["true" if rec["closed"] else "false"]
        gain = points.get(f"followup:{rec['id']}")
        table.add_row(RichText(mark, style=style), RichText(str(rec["id"])), RichText(str(rec["text"])),
                      RichText(status_label(str(rec["status"]), lang), style=style),
                      RichText(", ".join(rec["evidence"]) or "-"),
                      RichText("" if gain is None else t("score.points", lang, points=format_number(gain, lang))))
    return table


def render(pred: Prediction, lang: Lang, console: Console, top: int = 10) -> None:
    header = f"{pred.opd}" + (f" — {pred.pemda}" if pred.pemda else "")
    heading = RichText(header, style="bold")
    heading.append("\n" + t("score.header", lang, evaluation=pred.evaluation_year, performance=pred.performance_year,
                                regime=pred.regime), style="")
    console.print(Panel(heading, title=t("score.title", lang)))
    for comp in pred.components:
        console.print(_component_table(comp, pred.criteria, lang))
    if pred.followup:
        console.print(_followup_table(pred, lang))
    summary = Table.grid(padding=(0, 2))
    summary.add_column()
    summary.add_column()
    summary.add_column()
    for comp in pred.components:
        summary.add_row(RichText(f"{comp.id}. {comp.name.get(lang)}"), bar(comp.score, comp.weight),
                        f"{format_number(comp.score, lang)} / {format_number(comp.weight, lang)}")
    total_line = RichText(
        f"{t('score.total', lang)}: {format_number(pred.total, lang)}   "
        f"{t('score.category', lang)}: {pred.category} ({pred.category_name.get(lang)})",
        style="bold",
    )
    if pred.next_category:
        gap = t("score.next_category", lang, gap=format_number(pred.next_category.gap, lang),
                category=pred.next_category.code)
    else:
        gap = t("score.top_category", lang)
    console.print(Panel(Group(summary, RichText(""), total_line, RichText(gap),
                              RichText(f"{t('score.interpretation', lang)}: {pred.interpretation.get(lang)}",
                                       style="italic"))))
    recs = Table(title=t("score.recommendations", lang), title_justify="left", expand=True)
    recs.add_column("#", no_wrap=True)
    recs.add_column(t("score.points_header", lang), no_wrap=True, justify="right")
    recs.add_column(t("rules.text", lang), ratio=4)
    recs.add_column(t("rules.target", lang), no_wrap=True)
    for index, rec in enumerate(pred.recommendations[:top], start=1):
        points = t("score.points", lang, points=format_number(rec.points, lang)) if rec.kind != "note" else t(
            "score.note_only", lang)
        recs.add_row(str(index), RichText(points), RichText(rec.text.get(lang)),
                     RichText(", ".join(rec.criteria or rec.subcomponents)))
    console.print(recs)
