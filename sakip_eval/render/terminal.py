"""The terminal checklist: component -> sub-component -> criteria, then the summary and the top
recommendations. Rendering only; every number comes from the :class:`Prediction`.

Two layouts: a wide table, and a compact one (a line a criterion, details indented below it) that a narrow
terminal gets by default. `gaps` keeps only what needs work: criteria not met, met ones a rule warns about
(at risk), and capped sub-components. Panels and tables wrap their text between words, never cut it."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text as RichText

from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number
from sakip_eval.render.outlook import basis_line, chances_line
from sakip_eval.render.table import Table

if TYPE_CHECKING:  # types only: `followup` and `diff` borrow the labels without loading the prediction and its engine
    from sakip_eval.scoring.prediction import ComponentResult, CriterionResult, Prediction, Reason, SubcomponentResult

MARKS = {"true": ("✔", "green"), "false": ("✘", "red"), "na": ("–", "dim")}
BAR_WIDTH = 30
COMPACT_BELOW = 100  # columns: narrower terminals get the compact layout by default


class Layout(StrEnum):
    AUTO = "auto"
    TABLE = "table"
    COMPACT = "compact"


def compact_layout(layout: Layout, width: int) -> bool:
    """The compact layout: asked for, or chosen by a terminal narrower than :data:`COMPACT_BELOW`."""
    return layout is Layout.COMPACT or (layout is Layout.AUTO and width < COMPACT_BELOW)


def is_gap(crit: CriterionResult) -> bool:
    """Not met, or met with a rule's warning on it (at risk)."""
    return crit.predicted == "false" or (crit.predicted == "true" and bool(crit.reasons))


def _shown(sub: SubcomponentResult, criteria: list[CriterionResult], gaps: bool) -> list[CriterionResult]:
    mine = [c for c in criteria if c.subcomponent == sub.id]
    return [c for c in mine if is_gap(c)] if gaps else mine


def answer_label(answer: str, lang: Lang) -> str:
    return t({"true": "score.met", "false": "score.not_met", "na": "score.na"}[answer], lang)


def status_label(status: str, lang: Lang) -> str:
    """A follow-up status (`belum`, `proses`, `selesai`, `tidak-dapat`) in the output language."""
    return t(f"followup.status.{status}", lang)


def bar(score: Decimal, weight: Decimal, width: int = BAR_WIDTH) -> RichText:
    filled = int((score / weight * width).to_integral_value()) if weight else 0
    text = RichText("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    return text


def bar_width(terminal: int, beside: int) -> int:
    """A bar as wide as the terminal leaves beside `beside` columns of other content (at most
    :data:`BAR_WIDTH`, at least 5): a bar cut short by the terminal's edge would show a wrong share."""
    return max(5, min(BAR_WIDTH, terminal - beside))


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


def _component_table(comp: ComponentResult, criteria: list[CriterionResult], lang: Lang, gaps: bool) -> Table:
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
        shown = _shown(sub, criteria, gaps)
        if gaps and not (shown or sub.caps):
            continue
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
        for crit in shown:
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
    table.add_column(t("followup.points", lang), ratio=2, justify="right")
    for rec in pred.followup:
        mark, style = MARKS["true" if rec.closed else "false"]
        gain = points.get(f"followup:{rec.id}")
        table.add_row(RichText(mark, style=style), RichText(rec.id), RichText(rec.text),
                      RichText(status_label(rec.status, lang), style=style),
                      RichText(", ".join(rec.evidence) or "-"),
                      RichText(_gain(gain, pred, lang)))
    return table


def _compact_component(comp: ComponentResult, criteria: list[CriterionResult], lang: Lang,
                       gaps: bool) -> list[Padding]:
    """A line a sub-component and a line a criterion, with the claim, the evidence and the rules' reasons
    indented below the ones that need work (wrapped lines keep their indent): readable at 60 columns."""

    def line(indent: int, text: str | RichText, style: str = "") -> Padding:
        return Padding(text if isinstance(text, RichText) else RichText(text, style=style), (0, 0, 0, indent),
                       expand=False)

    score = f"{format_number(comp.score, lang)} / {format_number(comp.weight, lang)}"
    lines = [line(0, f"{comp.id}. {comp.name.get(lang)} — {score}", "bold")]
    for sub in comp.subcomponents:
        shown = _shown(sub, criteria, gaps)
        if gaps and not (shown or sub.caps):
            continue
        share = t("score.share", lang, met=sub.met, applicable=sub.applicable)
        lines.append(line(2, f"{sub.id} {sub.name.get(lang)} · {sub.grade} · {format_number(sub.score, lang)} / "
                             f"{format_number(sub.weight, lang)} ({share})", "bold cyan"))
        for reason in sub.upgrades:
            lines.append(line(4, "↑ " + t("score.upgrade", lang, grade=reason.grade, reason=_reason_line(reason, lang)),
                              "green"))
        for reason in sub.caps:
            lines.append(line(4, "↓ " + t("score.cap", lang, grade=reason.grade, reason=_reason_line(reason, lang)),
                              "yellow"))
        for crit in shown:
            mark, style = MARKS[crit.predicted]
            head = RichText(f"{mark} ", style=style)
            head.append(f"{crit.id} {crit.text.get(lang)}")
            lines.append(line(4, head))
            if not is_gap(crit):  # met with nothing to warn about: the line says it all
                continue
            answer = (f"{t('score.claimed', lang)}: {answer_label(crit.claimed, lang)} → "
                      f"{t('score.predicted', lang)}: {answer_label(crit.predicted, lang)}")
            if crit.evidence:
                answer += f"; {t('score.evidence', lang)}: {', '.join(crit.evidence)}"
            lines.append(line(6, answer, "dim"))
            lines += [line(6, _reason_line(r, lang)) for r in crit.reasons]
    return lines


def _gain(gain: Decimal | None, pred: Prediction, lang: Lang) -> str:
    """What closing one recommendation adds; a zero says why (4.c.1 is met only once every one is closed), so
    that `+0,00` does not read as "not worth doing"."""
    if gain is None:
        return ""
    text = t("score.points", lang, points=format_number(gain, lang))
    if gain == 0:
        text += " " + t("followup.zero_points", lang, open=sum(1 for rec in pred.followup if not rec.closed))
    return text


def _compact_followup(pred: Prediction, lang: Lang) -> list[Padding]:
    points = {r.id: r.points for r in pred.recommendations if r.kind == "followup"}
    lines = []
    for rec in pred.followup:
        mark, style = MARKS["true" if rec.closed else "false"]
        gain = points.get(f"followup:{rec.id}")
        head = RichText(f"{mark} ", style=style)
        head.append(f"{rec.id} · {status_label(rec.status, lang)}"
                    + ("" if gain is None else " · " + _gain(gain, pred, lang)))
        lines.append(Padding(head, (0, 0, 0, 2), expand=False))
        detail = rec.text + (f" ({t('score.evidence', lang)}: {', '.join(rec.evidence)})" if rec.evidence else "")
        lines.append(Padding(RichText(detail), (0, 0, 0, 6), expand=False))
    return lines


def render(pred: Prediction, lang: Lang, console: Console, top: int = 10, gaps: bool = False,
           layout: Layout = Layout.AUTO) -> None:
    compact = compact_layout(layout, console.width)
    header = f"{pred.opd}" + (f" — {pred.pemda}" if pred.pemda else "")
    heading = RichText(header, style="bold")
    heading.append("\n" + t("score.header", lang, evaluation=pred.evaluation_year, performance=pred.performance_year,
                                regime=pred.regime), style="")
    console.print(Panel(heading, title=t("score.title", lang)), soft_wrap=False)
    for comp in pred.components:
        if compact:
            for line in _compact_component(comp, pred.criteria, lang, gaps):
                console.print(line, soft_wrap=False)
        else:
            console.print(_component_table(comp, pred.criteria, lang, gaps))
    if pred.followup and compact:
        console.print(RichText(t("followup.checklist_title", lang), style="italic"), soft_wrap=False)
        for line in _compact_followup(pred, lang):
            console.print(line, soft_wrap=False)
    elif pred.followup:
        console.print(_followup_table(pred, lang))
    summary = Table.grid(padding=(0, 2))
    summary.add_column()  # the component's name wraps on a narrow screen; the bar and the score keep their width
    summary.add_column(no_wrap=True)
    summary.add_column(no_wrap=True)
    names = {comp.id: f"{comp.id}. {comp.name.get(lang)}" for comp in pred.components}
    scores = {comp.id: f"{format_number(comp.score, lang)} / {format_number(comp.weight, lang)}"
              for comp in pred.components}
    # the panel's border and padding (4), the grid's padding between three columns (4), the scores, and the
    # names up to 24 columns (longer ones wrap)
    width = bar_width(console.width, 8 + min(24, max(map(len, names.values()))) + max(map(len, scores.values())))
    for comp in pred.components:
        summary.add_row(RichText(names[comp.id]), bar(comp.score, comp.weight, width), scores[comp.id])
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
    console.print(Panel(Group(summary, RichText(""), total_line, RichText(basis_line(pred, lang)),
                              RichText(chances_line(pred, lang), style="bold"), RichText(gap),
                              RichText(f"{t('score.interpretation', lang)}: {pred.interpretation.get(lang)}",
                                       style="italic"))), soft_wrap=False)
    recs = Table(title=t("score.recommendations", lang), title_justify="left", expand=True)
    recs.add_column("#", no_wrap=True)
    recs.add_column(t("score.points_header", lang), no_wrap=True, justify="right")
    recs.add_column(t("rules.text", lang), ratio=4)
    recs.add_column(t("rules.target", lang), no_wrap=True)
    if compact:
        console.print(RichText(t("score.recommendations", lang), style="italic"), soft_wrap=False)
    for index, rec in enumerate(pred.recommendations[:top], start=1):
        points = t("score.points", lang, points=format_number(rec.points, lang)) if rec.kind != "note" else t(
            "score.note_only", lang)
        target = ", ".join(rec.criteria or rec.subcomponents)
        if compact:
            console.print(Padding(RichText(f"{index}. {points} · {rec.text.get(lang)} ({target})"), (0, 0, 0, 2),
                                  expand=False), soft_wrap=False)
        recs.add_row(str(index), RichText(points), RichText(rec.text.get(lang)), RichText(target))
    if not compact:
        console.print(recs)
