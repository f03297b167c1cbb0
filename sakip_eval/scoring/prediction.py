"""From a workspace to a prediction: facts, rules, consequences, score and ranked recommendations
(DESIGN section 5). This module orchestrates; the arithmetic lives in :mod:`sakip_eval.scoring.grades`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sakip_eval.checks.findings import run_checks
from sakip_eval.engine.durable import Firing, engine_for
from sakip_eval.engine.facts import Fact, derive_facts, recommendation_fact
from sakip_eval.i18n import Text
from sakip_eval.io.workspace import Workspace
from sakip_eval.rulebook.book import Rulebook, SourcedRule, subcomponent_of
from sakip_eval.rulebook.conditions import parse_when
from sakip_eval.scoring.grades import Answers, Consequence, Score, gain, lift, score, with_met

RecommendationKind = Literal["rule", "followup", "criterion", "upgrade", "note"]
# Stands in for the evidence a closed recommendation would cite when pricing its closure.
CLOSING_EVIDENCE = "(bukti tindak lanjut)"


class Reason(BaseModel):
    """Why a criterion or sub-component came out as it did: the rule, its text and evidence."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    rule: str
    effect: str
    text: Text
    evidence: list[str] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)
    grade: str | None = None


class CriterionResult(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    subcomponent: str
    text: Text
    claimed: str
    predicted: str
    evidence: list[str]
    reasons: list[Reason]


class SubcomponentResult(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    name: Text
    kind: str
    weight: Decimal
    met: int
    applicable: int
    base_grade: str
    grade: str
    factor: Decimal
    score: Decimal
    caps: list[Reason]
    upgrades: list[Reason]


class ComponentResult(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    name: Text
    weight: Decimal
    score: Decimal
    subcomponents: list[SubcomponentResult]


class RecommendationResult(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    kind: RecommendationKind
    text: Text
    criteria: list[str]
    subcomponents: list[str]
    rules: list[str]
    points: Decimal
    effort: int | None
    reaches: str


class NextCategory(BaseModel):
    model_config = ConfigDict(defer_build=True)

    code: str
    gap: Decimal


class Prediction(BaseModel):
    model_config = ConfigDict(defer_build=True)

    opd: str
    pemda: str | None
    evaluation_year: int
    performance_year: int
    regime: str
    method: str
    total: Decimal
    category: str
    category_name: Text
    interpretation: Text
    next_category: NextCategory | None
    components: list[ComponentResult]
    criteria: list[CriterionResult]
    recommendations: list[RecommendationResult]
    notes: list[Reason]
    findings: list[dict[str, Any]] = Field(default_factory=list)
    followup: list[dict[str, Any]] = Field(default_factory=list)


def consequences_of(book: Rulebook, firings: list[Firing], facts: dict[str, Fact]) -> list[Consequence]:
    """Turn firings into consequences, resolving a rule's implicit target from the facts it matched."""
    result = []
    for firing in firings:
        rule = book.rule(firing.rule_id).rule
        target = rule.target
        matched = [facts[f] for f in firing.facts if f in facts]
        if target is None:
            target = _implicit_target(rule.effect, matched)
        result.append(Consequence(rule.id, rule.effect, target, rule.grade, firing.facts))
    return sorted(set(result), key=lambda c: (c.rule_id, c.target or "", c.facts))


def _implicit_target(effect: str, matched: list[Fact]) -> str | None:
    for fact in matched:
        if effect in ("refute", "prove") and "criterion" in fact:
            return str(fact["criterion"])
        if effect in ("cap", "upgrade"):
            if "subcomponent" in fact:
                return str(fact["subcomponent"])
            if "criterion" in fact:
                return subcomponent_of(str(fact["criterion"]))
    return None


def answers_of(ws: Workspace) -> Answers:
    book = ws.rulebook
    claimed: dict[str, str] = {}
    applicable: dict[str, bool] = {}
    grades: dict[str, str | None] = {}
    for crit_id, criterion in book.criteria.items():
        claim = ws.assessment.criteria.get(crit_id)
        claimed[crit_id] = claim.met if claim else "false"
        applicable[crit_id] = ws.meta.level in criterion.applies_to and claimed[crit_id] != "na"
        grades[crit_id] = claim.grade if claim else None
    return Answers(claimed, applicable, grades)


@dataclass(frozen=True)
class Evaluation:
    """What one engine run yields: the scoring inputs, from which any what-if is re-scored without
    running the engine again (recommendations here, `plan` in :mod:`sakip_eval.scoring.plan`)."""

    answers: Answers
    consequences: list[Consequence]
    facts: dict[str, Fact]
    findings: list[Fact]


def evaluate(ws: Workspace, findings: list[Fact] | None = None) -> Evaluation:
    """`findings` default to the LKjIP consistency findings of the workspace (none without lkjip.yaml)."""
    if findings is None:
        findings = [finding.fact() for finding in run_checks(ws)]
    fact_list = derive_facts(ws, findings)
    facts = {f["id"]: f for f in fact_list}
    firings = engine_for(ws.rulebook).run(fact_list)
    return Evaluation(answers_of(ws), consequences_of(ws.rulebook, firings, facts), facts, findings)


def predict(ws: Workspace, findings: list[Fact] | None = None) -> Prediction:
    book = ws.rulebook
    evaluation = evaluate(ws, findings)
    facts, consequences, answers = evaluation.facts, evaluation.consequences, evaluation.answers
    result = score(book, answers, consequences)
    reasons = {c: _reason(book, c, facts) for c in consequences}
    return Prediction(
        opd=ws.meta.opd,
        pemda=ws.meta.pemda,
        evaluation_year=ws.meta.evaluation_year,
        performance_year=ws.meta.year,
        regime=book.regime.id,
        method=book.regime.method,
        total=result.total,
        category=result.category.code,
        category_name=result.category.name,
        interpretation=result.category.interpretation,
        next_category=_next_category(book, result),
        components=_components(book, result, consequences, reasons),
        criteria=_criteria(ws, result, consequences, reasons),
        recommendations=rank_recommendations(
            book, answers, consequences, result,
            _followup_candidates(ws, list(facts.values()), answers, consequences, result),
        ),
        notes=[reasons[c] for c in consequences if c.effect == "note"],
        findings=[_public_finding(f) for f in evaluation.findings],
        followup=[
            {"id": r.id, "text": r.text, "status": r.status, "evidence": list(r.evidence), "closed": r.closed}
            for r in (ws.followup.recommendations if ws.followup else [])
        ],
    )


def _public_finding(fact: Fact) -> dict[str, Any]:
    return {k: v for k, v in fact.items() if k not in ("kind", "sid")}


def _reason(book: Rulebook, c: Consequence, facts: dict[str, Fact]) -> Reason:
    rule = book.rule(c.rule_id).rule
    matched = [facts[f] for f in c.facts if f in facts]
    evidence = sorted({str(f["ref"]) for f in matched if f.get("kind") in ("evidence", "support")})
    finding_ids = sorted({str(f["ref"]) for f in matched if f.get("kind") == "finding"})
    fields = {"evidence": ", ".join(evidence) or "-", "findings": ", ".join(finding_ids) or "-"}
    text = Text(id=_fill(rule.reason.id, fields), en=_fill(rule.reason.en, fields))
    return Reason(rule=rule.id, effect=rule.effect, text=text, evidence=evidence, findings=finding_ids,
                  grade=rule.grade)


def _fill(template: str, fields: dict[str, str]) -> str:
    for key, value in fields.items():
        template = template.replace("{" + key + "}", value)
    return template


def _next_category(book: Rulebook, result: Score) -> NextCategory | None:
    ordered = sorted(book.regime.categories, key=lambda c: c.lower)
    for category in ordered:
        if category.lower >= result.category.upper:
            gap = category.lower - result.total + Decimal("0.01")
            return NextCategory(code=category.code, gap=gap)
    return None


def _components(
    book: Rulebook, result: Score, consequences: list[Consequence], reasons: dict[Consequence, Reason]
) -> list[ComponentResult]:
    out = []
    for comp in book.regime.components:
        subs = []
        for sub in comp.subcomponents:
            s = result.subcomponents[sub.id]
            caps = [reasons[c] for c in consequences if c.effect == "cap" and c.target == sub.id]
            ups = [reasons[c] for c in consequences if c.effect == "upgrade" and c.target == sub.id]
            subs.append(SubcomponentResult(
                id=sub.id, name=sub.name, kind=sub.kind, weight=sub.weight, met=s.met, applicable=s.applicable,
                base_grade=s.base_grade, grade=s.grade, factor=s.factor, score=s.score,
                caps=_dedupe(caps), upgrades=_dedupe(ups) if s.met == s.applicable and s.applicable else [],
            ))
        out.append(ComponentResult(id=comp.id, name=comp.name, weight=comp.weight,
                                   score=result.components[comp.id], subcomponents=subs))
    return out


def _dedupe(reasons: list[Reason]) -> list[Reason]:
    seen: dict[tuple[str, str], Reason] = {}
    for reason in reasons:
        key = (reason.rule, reason.text.id)
        if key in seen:
            merged = sorted(set(seen[key].evidence) | set(reason.evidence))
            found = sorted(set(seen[key].findings) | set(reason.findings))
            seen[key] = seen[key].model_copy(update={"evidence": merged, "findings": found})
        else:
            seen[key] = reason
    return list(seen.values())


def _criteria(
    ws: Workspace, result: Score, consequences: list[Consequence], reasons: dict[Consequence, Reason]
) -> list[CriterionResult]:
    out = []
    for crit_id, criterion in ws.rulebook.criteria.items():
        claim = ws.assessment.criteria.get(crit_id)
        mine = [reasons[c] for c in consequences if c.target == crit_id and c.effect in ("refute", "prove")]
        out.append(CriterionResult(
            id=crit_id, subcomponent=subcomponent_of(crit_id), text=criterion.text,
            claimed=claim.met if claim else "false", predicted=result.predicted[crit_id],
            evidence=list(claim.evidence) if claim else [], reasons=_dedupe(mine),
        ))
    return out


def rank_recommendations(
    book: Rulebook, answers: Answers, consequences: list[Consequence], base: Score,
    followups: Sequence[RecommendationResult] = (),
) -> list[RecommendationResult]:
    """Each candidate is worth the points the total gains if it alone is done (re-scored), DESIGN 5.5."""
    candidates: list[RecommendationResult] = list(followups)
    blocking = sorted({c.rule_id for c in consequences if c.effect in ("refute", "cap")})
    for rule_id in blocking:
        sourced = book.rule(rule_id)
        targets = sorted({c.target for c in consequences if c.rule_id == rule_id and c.target})
        affected = {t if t not in book.criteria else subcomponent_of(t) for t in targets}
        gained = gain(book, base, answers, lift(consequences, rule_id), affected)
        candidates.append(_candidate(book, sourced, "rule", gained, base, targets))
    refuted = {c.target for c in consequences if c.effect == "refute"}
    for crit_id, criterion in book.criteria.items():
        if base.predicted[crit_id] == "false" and crit_id not in refuted:
            gained = gain(book, base, with_met(answers, crit_id), consequences, {subcomponent_of(crit_id)})
            candidates.append(RecommendationResult(
                id=crit_id, kind="criterion", text=criterion.recommendation, criteria=[crit_id],
                subcomponents=[subcomponent_of(crit_id)], rules=[], points=gained,
                effort=criterion.effort, reaches=_reaches(book, base.total + gained),
            ))
    candidates.extend(_upgrade_candidates(book, answers, consequences, base))
    for c in consequences:
        if c.effect == "note" and all(r.id != c.rule_id for r in candidates):
            candidates.append(_candidate(book, book.rule(c.rule_id), "note", Decimal(0), base, []))
    order = {"rule": 0, "followup": 1, "criterion": 2, "upgrade": 3, "note": 4}
    return sorted(candidates, key=lambda r: (-r.points, r.kind == "note", r.effort or 2, order[r.kind], r.id))


def _followup_candidates(
    ws: Workspace, facts: list[Fact], answers: Answers, consequences: list[Consequence], base: Score
) -> list[RecommendationResult]:
    """One item per open recommendation of the previous LHE, in the LHE's own words (both languages).

    Its points are what closing it *alone* gains: its fact is derived again as `selesai` with evidence
    and the rules run again. Re-running (not lifting firings) keeps rules that test for the absence of
    any follow-up evidence exact. So 4.c.1's refutation lifts only for the last open recommendation,
    while the first one closed with evidence can already restore 4.c.2."""
    if ws.followup is None:
        return []
    book = ws.rulebook
    followup_book = _followup_rules(book)
    reading = {s.rule.id for s in followup_book.rules}
    unchanged = [c for c in consequences if c.rule_id not in reading]
    kinds = {p.kind for s in followup_book.rules for p in parse_when(s.rule.when)}
    relevant = [f for f in facts if f["kind"] in kinds]  # no other fact can match these rules
    out = []
    for rec in ws.followup.recommendations:
        if rec.closed:
            continue
        done = recommendation_fact(
            rec.model_copy(update={"status": "selesai", "evidence": rec.evidence or [CLOSING_EVIDENCE]})
        )
        closed_facts = [done if f["id"] == done["id"] else f for f in relevant]
        firings = engine_for(followup_book).run(closed_facts)
        after = unchanged + consequences_of(followup_book, firings, {f["id"]: f for f in closed_facts})
        changed = {c.target for c in set(consequences) ^ set(after) if c.target}
        affected = {subcomponent_of(t) if t in book.criteria else t for t in changed}
        gained = gain(book, base, answers, after, affected)
        mine = [c for c in consequences if done["id"] in c.facts]
        criteria = list(dict.fromkeys([*sorted(c.target for c in mine if c.target in book.criteria), *rec.criteria]))
        out.append(RecommendationResult(
            id=f"followup:{rec.id}", kind="followup", text=Text(id=rec.text, en=rec.text), criteria=criteria,
            subcomponents=sorted({subcomponent_of(c) for c in criteria}), rules=sorted({c.rule_id for c in mine}),
            points=gained, effort=None, reaches=_reaches(book, base.total + gained),
        ))
    return out


def _followup_rules(book: Rulebook) -> Rulebook:
    """The rulebook's rules that read recommendation facts, on their own: closing one recommendation can
    change only what they conclude, so pricing it re-runs them alone, over the fact kinds they read."""
    rules = [s for s in book.rules if any(p.kind == "recommendation" for p in parse_when(s.rule.when))]
    return book.model_copy(update={"rules": rules, "fingerprint": f"{book.fingerprint}-followup"})


def _candidate(
    book: Rulebook, sourced: SourcedRule, kind: RecommendationKind, gained: Decimal, base: Score,
    targets: list[str],
) -> RecommendationResult:
    rule = sourced.rule
    criteria = [t for t in targets if t in book.criteria]
    subs = sorted({t if t not in book.criteria else subcomponent_of(t) for t in targets})
    return RecommendationResult(
        id=rule.id, kind=kind, text=rule.recommendation or rule.title, criteria=criteria, subcomponents=subs,
        rules=[rule.id], points=gained, effort=rule.effort, reaches=_reaches(book, base.total + gained),
    )


def _upgrade_candidates(
    book: Rulebook, answers: Answers, consequences: list[Consequence], base: Score
) -> list[RecommendationResult]:
    """A sub-component with every criterion met but no upgrade yet: what would A (or AA) be worth?"""
    out = []
    for sourced in book.rules:
        rule = sourced.rule
        if rule.effect != "upgrade" or not rule.grade or not rule.recommendation:
            continue
        for sub_id in upgrade_scope(book, sourced):
            current = base.subcomponents[sub_id]
            if current.applicable == 0 or current.met != current.applicable:
                continue
            if book.grade_rank(current.grade) >= book.grade_rank(rule.grade):
                continue
            extra = Consequence(rule.id, "upgrade", sub_id, rule.grade)
            gained = gain(book, base, answers, [*consequences, extra], {sub_id})
            if gained > 0:
                out.append(RecommendationResult(
                    id=f"{rule.id}@{sub_id}", kind="upgrade", text=rule.recommendation, criteria=[],
                    subcomponents=[sub_id], rules=[rule.id], points=gained, effort=rule.effort,
                    reaches=_reaches(book, base.total + gained),
                ))
    return out


def upgrade_scope(book: Rulebook, sourced: SourcedRule) -> list[str]:
    """Sub-components an upgrade rule can reach: its explicit target, or those its
    `subcomponent` pattern selects by id or by type (keberadaan/kualitas/pemanfaatan), given as a
    value or as `{in: [...]}`."""
    rule = sourced.rule
    if rule.target:
        return [rule.target]
    scope = book.subcomponent_ids()
    for item in rule.when:
        tests = item.get("subcomponent")
        if isinstance(tests, dict):
            ids = _allowed(tests.get("subcomponent"))
            if ids is not None:
                scope = [s for s in scope if s in ids]
            kinds = _allowed(tests.get("type"))
            if kinds is not None:
                scope = [s for s in scope if book.subcomponent(s).kind in kinds]
    return scope


def _allowed(test: object) -> list[str] | None:
    """The values a condition test admits (`x` or `{in: [x, y]}`); None when it does not restrict."""
    if isinstance(test, str):
        return [test]
    if isinstance(test, dict) and isinstance(test.get("in"), list):
        return [str(v) for v in test["in"]]
    return None


def _reaches(book: Rulebook, total: Decimal) -> str:
    for category in book.regime.categories:
        if category.holds(total):
            return category.code
    return "-"
