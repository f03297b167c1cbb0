"""The two lines every view prints under the total: how it was reached and how sure it is.

    LHE 2024: 79,49 · kenaikan tahunan biasa +1,95 · perubahan bukti −0,60 · prediksi 80,84
    A, 78% · BB 22% · rentang 80%: 79,03–82,65

Without history the first line says the rules alone gave the total. One module so that the checklist,
the reports and the workbook say it in the same words."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number

if TYPE_CHECKING:  # types only, like the terminal renderer that imports this module
    from sakip_eval.scoring.prediction import Prediction

MIN_SHOWN = Decimal("0.01")
_num = format_number


def _signed(value: Decimal, lang: Lang) -> str:
    text = _num(abs(value), lang)
    return ("−" if value < 0 else "+") + text


def basis_line(pred: Prediction, lang: Lang) -> str:
    basis = pred.basis
    if basis.prior is None:
        return t("score.basis_rules", lang, total=_num(pred.total, lang))
    prior = basis.prior
    previous = _num(prior.total, lang)
    if abs(prior.components_total - prior.total) >= MIN_SHOWN and prior.components_total != prior.total:
        previous += " " + t("score.basis_slip", lang, sum=_num(prior.components_total, lang))
    typical = _signed(basis.typical_change or Decimal(0), lang)
    if basis.years and basis.years > 1:
        typical = t("score.basis_years", lang, years=basis.years, change=typical)
    return t("score.basis_history", lang, year=prior.year, previous=previous, typical=typical,
             evidence=_signed(basis.evidence_change or Decimal(0), lang), total=_num(pred.total, lang))


def chances_line(pred: Prediction, lang: Lang) -> str:
    parts = [f"{code} {int(p * 100)}%" for code, p in pred.category_probabilities.items()]
    if parts:
        parts[0] = parts[0].replace(" ", ", ", 1)
    line = " · ".join(parts)
    if pred.range is not None:
        line += " · " + t("score.range", lang, level=int(pred.range.level * 100), low=_num(pred.range.low, lang),
                          high=_num(pred.range.high, lang))
    return line
