"""`lhe check FILE`: does an LHE letter's arithmetic hold (component scores, weights, total, category)?"""

from __future__ import annotations

import typer
from rich.table import Table
from rich.text import Text as RichText

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import Format, FormatOpt, LangOpt, LetterArg, RegimeOpt
from sakip_eval.i18n import Lang, t
from sakip_eval.letters.lhe import (
    MAX_COMBINATIONS_SHOWN,
    LetterCheck,
    check_letter,
    check_to_dict,
    combination_label,
    read_letter,
)
from sakip_eval.numbers import format_number
from sakip_eval.rulebook.book import load_rulebook

lhe_app = typer.Typer(no_args_is_help=True)
app.add_typer(lhe_app, name="lhe")


@lhe_app.command("check")
def lhe_check(
    file: LetterArg, fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID,
    regime: RegimeOpt = "lke-2021",
) -> None:
    """Periksa aritmetika surat LHE / check an LHE letter's arithmetic (exit 1 when a problem is found)."""
    book = load_rulebook(regime)
    check = check_letter(read_letter(file, book), book)
    if fmt_ is Format.JSON:
        print_json(check_to_dict(check, lang))
    else:
        _render_check(check, lang)
    if check.problems:
        raise typer.Exit(1)


def _render_check(check: LetterCheck, lang: Lang) -> None:
    letter = check.letter
    title = t("lhe.title", lang, number=letter.number or "-", date=letter.date.isoformat() if letter.date else "-")
    table = Table(title=RichText(title), title_justify="left", expand=True)  # the letter's number, as written
    table.add_column(t("lhe.component", lang), ratio=2)
    table.add_column(t("lhe.weight", lang), justify="right", no_wrap=True)
    table.add_column(t("lhe.score", lang), justify="right", no_wrap=True)
    table.add_column(t("lhe.combinations", lang), ratio=3)
    for comp in check.components:
        combos = [combination_label(c) for c in comp.combinations[:MAX_COMBINATIONS_SHOWN]]
        if len(comp.combinations) > MAX_COMBINATIONS_SHOWN:
            combos.append(t("lhe.more", lang, count=len(comp.combinations) - MAX_COMBINATIONS_SHOWN))
        weight = comp.stated.weight if comp.stated.weight is not None else comp.weight
        table.add_row(RichText(f"{comp.stated.id}. {comp.name}"), format_number(weight, lang),
                      format_number(comp.stated.score, lang),
                      RichText("\n".join(combos)) if combos else RichText(t("lhe.none", lang), style="red"))
    out.print(table)
    stated = letter.categories[0].value if letter.categories else "-"
    out.print(RichText(t("lhe.total", lang, total="-" if check.total is None else format_number(check.total, lang),
                         sum=format_number(check.sum, lang), category=stated, expected=check.expected_category or "-")))
    if not check.problems:
        out.print(RichText(t("lhe.ok", lang), style="green"))
        return
    out.print(RichText(t("lhe.problems", lang, count=len(check.problems)), style="red"))
    for problem in check.problems:
        out.print(RichText(f"  {letter.display}:{problem.line or '-'}: {problem.message(lang)}"))
