"""Facts: the flat records the rule engine matches, and the given ones derived from a workspace.

durable-rules matches flat JSON objects and cannot aggregate, so every number a rule compares is
computed here first (years kept, review counts, data lag, evidence cited per claim): raw facts, no
decisions. FACT_SCHEMA is the contract between the facts and the rule files; `rules lint` checks rules
against it.
"""

from __future__ import annotations

from typing import Any

from sakip_eval.io.workspace import Workspace
from sakip_eval.model.followup import Recommendation
from sakip_eval.model.inventory import EvidenceItem

Fact = dict[str, Any]  # a flat record: `id` (unique in a run), `kind`, and the fields of its kind's schema

# What a fact says of one inventory item (:func:`_evidence_fields`): an `evidence` fact of the item itself and a
# `support` fact of the item cited by one claim both carry it.
_ITEM_FIELDS = {
    "ref": "str", "type": "str", "year": "int", "data_year": "int", "data_lag": "int",
    "formalized": "bool", "published": "bool", "published_on_time": "bool", "published_late": "bool",
    "review_count": "int", "has_file": "bool", "years_kept": "int", "current": "bool",
}
# kind -> field -> type name ("str", "int", "number", "bool", "list"). Evidence and support facts also carry
# one boolean `attr_<name>` per attribute the inventory item states (vocabulary: evidence-types.yaml).
# The given kinds come from the workspace (below); the check families give the LKjIP kinds
# (:mod:`sakip_eval.checks.family`); the engine's stages conclude the rest (:mod:`sakip_eval.engine.program`).
FACT_SCHEMA: dict[str, dict[str, str]] = {
    "workspace": {
        "level": "str", "evaluation_year": "int", "performance_year": "int",
        "has_lkjip": "bool", "has_followup": "bool", "evidence_count": "int", "history_trend": "str",
    },
    "evidence": {**_ITEM_FIELDS, "cited": "bool"},
    "claim": {
        "criterion": "str", "subcomponent": "str", "component": "str", "met": "str",
        "evidence_count": "int", "has_note": "bool",
    },
    "support": {"criterion": "str", **_ITEM_FIELDS},
    "subcomponent": {
        "subcomponent": "str", "type": "str", "min_years_kept": "int", "min_years_documented": "int",
        "has_efforts": "bool", "efforts_evidence_count": "int",
        "has_innovation": "bool", "innovation_evidence_count": "int",
    },
    "recommendation": {
        "ref": "str", "status": "str", "evidence_count": "int", "closed": "bool",
    },
    # concluded by the engine's stages
    "flagged": {"check": "str", "severity": "str", "criteria": "list"},
    "weakened": {"criterion": "str", "subcomponent": "str", "severity": "str", "effect": "str"},
    "consequence": {"rule": "str", "effect": "str", "target": "str", "criterion": "str", "subcomponent": "str",
                    "grade": "str", "rank": "int"},
    "verdict": {"criterion": "str", "status": "str"},
    "candidate": {"type": "str", "ref": "str", "rule": "str", "subcomponent": "str"},
    # what-if scenarios the engine reasons about beside the workspace as it is (see closing_scenarios)
    "scenario": {"scenario": "str"},
    "scenario_recommendation": {"scenario": "str", "ref": "str", "status": "str", "evidence_count": "int",
                                "closed": "bool"},
    "scenario_consequence": {"scenario": "str", "rule": "str", "effect": "str", "target": "str", "grade": "str"},
}
GIVEN_KINDS = frozenset({"workspace", "evidence", "claim", "support", "subcomponent", "recommendation", "scenario",
                         "scenario_recommendation"})
# Stands in for the evidence a closed recommendation would cite in a closing scenario.
CLOSING_EVIDENCE = "(bukti tindak lanjut)"
ATTRIBUTE_KINDS = ("evidence", "support")


def _evidence_fields(item: EvidenceItem, ws: Workspace) -> Fact:
    year = ws.meta.year
    fields: Fact = {
        "ref": item.id,
        "type": item.type,
        "formalized": item.is_formalized,
        "published": item.is_published,
        "published_on_time": item.is_published and not item.is_late,
        "published_late": item.is_late,
        "review_count": len(item.reviews),
        "has_file": item.file is not None,
        "current": _is_current(item, year, ws.meta.evaluation_year, ws.rulebook.evidence_types[item.type].standing),
    }
    if item.year is not None:
        fields["year"] = item.year
    if item.data_year is not None:
        fields["data_year"] = item.data_year
        fields["data_lag"] = (item.year if item.year is not None else year) - item.data_year
    if item.kept_since is not None:
        fields["years_kept"] = max(0, ws.meta.evaluation_year - item.kept_since)
    for name, value in sorted(item.attributes.items()):
        fields[f"attr_{name}"] = value
    return fields


def _is_current(item: EvidenceItem, performance_year: int, evaluation_year: int, standing: bool) -> bool:
    """Whether the document belongs to the evaluated period: its year, a period covering it, or, for a
    standing document (a guideline, a regulation), any year up to the evaluation."""
    if item.year is not None:
        if standing:
            return item.year <= evaluation_year
        return item.year in (performance_year, evaluation_year)
    if item.period:
        bounds = [int(p) for p in item.period.replace("–", "-").split("-") if p.strip().isdigit()]
        if len(bounds) == 2:
            return bounds[0] <= performance_year <= bounds[1]
    return True


def derive_facts(ws: Workspace) -> list[Fact]:
    """The given facts of a workspace, in a stable order (evidence first, claims last); the LKjIP facts of
    the check families come on top (:func:`sakip_eval.checks.findings.check_facts`)."""
    book = ws.rulebook
    level = ws.meta.level
    cited = {ev for claim in ws.assessment.criteria.values() for ev in claim.evidence}
    facts: list[Fact] = [{
        "id": "workspace", "kind": "workspace", "level": level,
        "evaluation_year": ws.meta.evaluation_year, "performance_year": ws.meta.year,
        "has_lkjip": ws.lkjip is not None, "has_followup": ws.followup is not None,
        "evidence_count": len(ws.inventory.items), "history_trend": _trend(ws),
    }]
    by_id = {item.id: item for item in ws.inventory.items}
    fields = {item.id: _evidence_fields(item, ws) for item in ws.inventory.items}  # shared by support facts
    for item in ws.inventory.items:
        facts.append({"id": f"evidence:{item.id}", "kind": "evidence", "cited": item.id in cited,
                      **fields[item.id]})
    if ws.followup is not None:
        facts.extend(recommendation_fact(rec) for rec in ws.followup.recommendations)
    for sub_id in book.subcomponent_ids():
        facts.append(_subcomponent_fact(ws, sub_id, by_id))
    for crit_id, criterion in book.criteria.items():
        claim = ws.assessment.criteria.get(crit_id)
        met = claim.met if claim else "false"
        if level not in criterion.applies_to:
            met = "na"
        facts.append({
            "id": f"claim:{crit_id}", "kind": "claim", "criterion": crit_id,
            "subcomponent": crit_id.rsplit(".", 1)[0], "component": crit_id.split(".", 1)[0],
            "met": met, "evidence_count": len(claim.evidence) if claim else 0,
            "has_note": bool(claim and claim.note),
        })
        for ev in claim.evidence if claim else []:
            facts.append({
                "id": f"support:{crit_id}:{ev}", "kind": "support", "criterion": crit_id, **fields[ev],
            })
    return facts


def closing_scenarios(ws: Workspace) -> list[Fact]:
    """One scenario per open recommendation of the previous LHE: that one closed with evidence, the others as
    they stand. The engine runs the rules that read recommendations in every scenario beside the workspace
    itself (scenario_consequence facts), so that closing one recommendation alone is priced exactly, rules
    that test for the absence of any follow-up evidence included, in the same run."""
    if ws.followup is None:
        return []
    recs = ws.followup.recommendations
    facts: list[Fact] = []
    for closing in (rec for rec in recs if not rec.closed):
        scenario = closing.id
        facts.append({"id": f"scenario:{scenario}", "kind": "scenario", "scenario": scenario})
        for rec in recs:
            if rec.id == scenario:
                rec = rec.model_copy(update={"status": "selesai", "evidence": rec.evidence or [CLOSING_EVIDENCE]})
            fact = recommendation_fact(rec)
            facts.append({**fact, "id": f"scenario_recommendation:{scenario}:{rec.id}",
                          "kind": "scenario_recommendation", "scenario": scenario})
    return facts


def recommendation_fact(rec: Recommendation) -> Fact:
    """One follow-up recommendation. `closed` is the model's: done (`selesai`) with evidence."""
    return {
        "id": f"recommendation:{rec.id}", "kind": "recommendation", "ref": rec.id,
        "status": rec.status, "evidence_count": len(rec.evidence), "closed": rec.closed,
    }


def _subcomponent_fact(ws: Workspace, sub_id: str, by_id: dict[str, EvidenceItem]) -> Fact:
    """Years kept is the weakest criterion's best evidence: A/AA need *every* criterion sustained.

    `min_years_kept` trusts each item's `kept_since` (the team's word); `min_years_documented` counts only
    what the cited documents themselves show: a yearly document shows its own year, a standing one (a
    guideline) the years since it was adopted, a period document (a Renstra) the years since its period
    began. Keberadaan AA ("dipertahankan") needs the documents of the earlier years, not age alone."""
    sub = ws.rulebook.subcomponent(sub_id)
    evaluation = ws.meta.evaluation_year
    kept: list[int] = []
    documented: list[int] = []
    for criterion in ws.rulebook.criteria_of(sub_id):
        claim = ws.assessment.criteria.get(criterion.id)
        if claim is None or claim.met != "true":
            continue
        since = [by_id[ev].kept_since for ev in claim.evidence]
        years = [evaluation - year for year in since if year is not None]
        kept.append(max(years, default=0))
        starts = [_documented_since(by_id[ev]) for ev in claim.evidence]
        documented.append(max((evaluation - start for start in starts if start is not None), default=0))
    sub_claim = ws.assessment.subcomponents.get(sub_id)
    efforts = sub_claim.efforts if sub_claim else None
    innovation = sub_claim.innovation if sub_claim else None
    return {
        "id": f"subcomponent:{sub_id}", "kind": "subcomponent", "subcomponent": sub_id, "type": sub.kind,
        "min_years_kept": max(0, min(kept, default=0)),
        "min_years_documented": max(0, min(documented, default=0)),
        "has_efforts": efforts is not None, "efforts_evidence_count": len(efforts.evidence) if efforts else 0,
        "has_innovation": innovation is not None,
        "innovation_evidence_count": len(innovation.evidence) if innovation else 0,
    }


def _documented_since(item: EvidenceItem) -> int | None:
    """The first year a document itself shows: its period's start, else its year."""
    if item.period:
        bounds = [int(p) for p in item.period.replace("–", "-").split("-") if p.strip().isdigit()]
        if bounds:
            return bounds[0]
    return item.year


def _trend(ws: Workspace) -> str:
    """Direction of the last two known totals in `history`: up, down, flat or unknown."""
    known = [(year, total) for year, total in ws.meta.history_totals().items() if total is not None]
    if len(known) < 2:
        return "unknown"
    (_, before), (_, last) = known[-2], known[-1]
    return "up" if last > before else "down" if last < before else "flat"
