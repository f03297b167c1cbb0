"""`lhe check FILE`: read an LHE letter (PDF, Word or text) and check its arithmetic, both years.

Exit 1 when this year's figures have a problem (the letter's verdict); problems of the previous-year
column are shown apart and do not change the exit code.
"""

from __future__ import annotations

import typer
from rich.text import Text as RichText

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import Format, FormatOpt, LangOpt, LetterArg, OcrOpt, RegimeOpt
from sakip_eval.i18n import Lang, t
from sakip_eval.letters.check import LetterCheck, check_letter, show
from sakip_eval.letters.lhe import (
    MAX_COMBINATIONS_SHOWN,
    check_to_dict,
    combination_label,
    note_lines,
    problem_lines,
)
from sakip_eval.letters.model import Value
from sakip_eval.letters.reader import read_letter
from sakip_eval.render.table import Table
from sakip_eval.rulebook.book import load_rulebook

lhe_app = typer.Typer(no_args_is_help=True)
app.add_typer(lhe_app, name="lhe")


@lhe_app.command("check")
def lhe_check(
    file: LetterArg, fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID,
    regime: RegimeOpt = "lke-2021",
    ocr: OcrOpt = False,
) -> None:
    """Periksa aritmetika surat LHE / check an LHE letter's arithmetic (exit 1 when a problem is found)."""
    book = load_rulebook(regime)
    check = check_letter(read_letter(file, book, ocr=ocr), book)
    if fmt_ is Format.JSON:
        print_json(check_to_dict(check, book, lang))
    else:
        _render(check, lang)
    if check.verdict:
        raise typer.Exit(1)


def _value(value: Value | None, lang: Lang) -> str:
    return "-" if value is None else show(value.reading.value, lang)


def _render(check: LetterCheck, lang: Lang) -> None:
    letter = check.letter
    title = t("lhe.title", lang, number=letter.number or "-", date=letter.date.isoformat() if letter.date else "-")
    if letter.unit or letter.performance_year:
        title += "\n" + t("lhe.subtitle", lang, unit=letter.unit or "-", year=letter.performance_year or "-")
    table = Table(title=RichText(title), title_justify="left", expand=True)  # the letter's own words, as written
    table.add_column(t("lhe.component", lang), ratio=2)
    table.add_column(t("lhe.weight", lang), justify="right", no_wrap=True)
    if letter.has_previous:
        table.add_column(t("lhe.previous", lang), justify="right", no_wrap=True)
    table.add_column(t("lhe.score", lang), justify="right", no_wrap=True)
    table.add_column(t("lhe.combinations", lang), ratio=3)
    for comp in check.components:
        row = comp.row
        combos = [combination_label(c) for c in comp.combinations[:MAX_COMBINATIONS_SHOWN]]
        if len(comp.combinations) > MAX_COMBINATIONS_SHOWN:
            combos.append(t("lhe.more", lang, count=len(comp.combinations) - MAX_COMBINATIONS_SHOWN))
        weight = _value(row.weight, lang) if row and row.weight else show(comp.component.weight, lang)
        cells = [RichText(f"{comp.component.id}. {comp.component.name.id}"), RichText(weight)]
        if letter.has_previous:
            cells.append(RichText(_value(row.previous if row else None, lang)))
        cells += [RichText(_value(row.current if row else None, lang)),
                  RichText("\n".join(combos)) if combos else RichText(t("lhe.none", lang), style="red")]
        table.add_row(*cells)
    out.print(table)
    current = check.columns["current"]
    stated = letter.category
    out.print(RichText(t("lhe.total", lang, total="-" if current.total is None else show(current.total, lang),
                         sum="-" if current.sum is None else show(current.sum, lang),
                         category=stated.value if stated else "-", expected=current.expected_category or "-")))
    previous = check.columns.get("previous")
    if previous is not None:
        category = letter.categories.get("previous")
        out.print(RichText(t("lhe.previous_total", lang,
                             total="-" if previous.total is None else show(previous.total, lang),
                             sum="-" if previous.sum is None else show(previous.sum, lang),
                             category=category.value if category else "-")))
    counts: dict[str | None, int] = {}
    for rec in letter.recommendations:
        counts[rec.component] = counts.get(rec.component, 0) + 1
    per_component = ", ".join(f"{key or t('lhe.ungrouped', lang)}: {n}" for key, n in counts.items()) or "-"
    out.print(RichText(t("lhe.items", lang, findings=len(letter.findings),
                         recommendations=len(letter.recommendations), per_component=per_component)))
    for text, style in problem_lines(check, lang):
        out.print(RichText(text, style=style))
    for text in note_lines(letter, lang):
        out.print(RichText(text))
