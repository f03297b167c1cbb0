"""Predictions as plain JSON-ready dicts, in one language, with a stable key and item order.

Numbers are rounded to two decimals (the LHE's precision) and kept as Decimals, which the JSON text writes
as JSON numbers and the reports format exactly; answers use
the input vocabulary "true" / "false" / "na". The same input gives the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakip_eval.i18n import Lang
from sakip_eval.i18n.text import Text
from sakip_eval.render.jsontext import number
from sakip_eval.scoring.prediction import Basis, Prediction, Reason, RecommendationResult


def _reason(reason: Reason, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": reason.rule, "effect": reason.effect, "text": reason.text.get(lang),
                           "evidence": reason.evidence}
    if reason.findings:
        out["findings"] = reason.findings
    if reason.grade:
        out["grade"] = reason.grade
    return out


def _text(value: Text, lang: Lang) -> str:
    return value.get(lang)


def recommendation_to_dict(rec: RecommendationResult, lang: Lang) -> dict[str, Any]:
    return {
        "id": rec.id, "kind": rec.kind, "text": _text(rec.text, lang), "criteria": rec.criteria,
        "subcomponents": rec.subcomponents, "rules": rec.rules, "points": number(rec.points),
        "effort": rec.effort, "reaches": rec.reaches,
    }


def basis_to_dict(basis: Basis) -> dict[str, Any]:
    """How the total was reached; with history the sum previous + typical change + evidence change."""
    out: dict[str, Any] = {"method": basis.method, "rules_total": number(basis.rules_total)}
    if basis.prior is None:
        return out
    prior = basis.prior
    out["prior"] = {"year": prior.year, "total": number(prior.total), "category": prior.category,
                    "source": prior.source, "components_total": number(prior.components_total)}
    out["years"] = basis.years
    out["typical_change"] = number(basis.typical_change or Decimal(0))
    out["evidence_change"] = number(basis.evidence_change or Decimal(0))
    out["subcomponents"] = [
        {"id": s.id, "prior_factor": s.prior_factor.quantize(Decimal("0.001")), "prior_grade": s.prior_grade,
         "prior_basis": s.prior_basis, "rule_grade": s.rule_grade, "ceiling": s.ceiling, "followup": s.followup,
         "down": number(s.down), "up": number(s.up)}
        for s in basis.subcomponents
    ]
    return out


def prediction_to_dict(pred: Prediction, lang: Lang) -> dict[str, Any]:
    return {
        "opd": pred.opd,
        "pemda": pred.pemda,
        "evaluation_year": pred.evaluation_year,
        "performance_year": pred.performance_year,
        "regime": pred.regime,
        "method": pred.method,
        "total": number(pred.total),
        "category": pred.category,
        "category_name": _text(pred.category_name, lang),
        "interpretation": _text(pred.interpretation, lang),
        "next_category": (
            {"code": pred.next_category.code, "gap": number(pred.next_category.gap)} if pred.next_category else None
        ),
        "range": (
            {"low": number(pred.range.low), "high": number(pred.range.high), "level": pred.range.level}
            if pred.range else None
        ),
        "category_probabilities": dict(pred.category_probabilities),
        "basis": basis_to_dict(pred.basis),
        "components": [
            {
                "id": comp.id,
                "name": _text(comp.name, lang),
                "weight": number(comp.weight),
                "score": number(comp.score),
                "subcomponents": [
                    {
                        "id": sub.id, "name": _text(sub.name, lang), "kind": sub.kind, "weight": number(sub.weight),
                        "met": sub.met, "applicable": sub.applicable, "base_grade": sub.base_grade,
                        "grade": sub.grade, "score": number(sub.score), "rule_grade": sub.rule_grade,
                        "rule_score": number(sub.rule_score),
                        "caps": [_reason(r, lang) for r in sub.caps],
                        "upgrades": [_reason(r, lang) for r in sub.upgrades],
                    }
                    for sub in comp.subcomponents
                ],
            }
            for comp in pred.components
        ],
        "criteria": [
            {
                "id": c.id, "subcomponent": c.subcomponent, "text": _text(c.text, lang), "claimed": c.claimed,
                "predicted": c.predicted, "evidence": c.evidence, "reasons": [_reason(r, lang) for r in c.reasons],
            }
            for c in pred.criteria
        ],
        "recommendations": [recommendation_to_dict(r, lang) for r in pred.recommendations],
        "notes": [_reason(r, lang) for r in pred.notes],
        "findings": [f.public(lang) for f in pred.findings],
        "followup": [f.model_dump() for f in pred.followup],
    }
