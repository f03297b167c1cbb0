"""From a workspace to a prediction: the given facts, the engine's conclusions (findings, consequences,
verdicts, candidates), the grade arithmetic and the ranked recommendations. This module orchestrates; the
reasoning runs in the engine (:mod:`sakip_eval.engine.program`), the arithmetic in
:mod:`sakip_eval.scoring.grades`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sakip_eval.checks.findings import Finding, check_facts, findings_behind, findings_of
from sakip_eval.engine.durable import Inference, engine_for
from sakip_eval.engine.facts import Fact, closing_scenarios, derive_facts
from sakip_eval.engine.program import program_for
from sakip_eval.i18n.text import Text
from sakip_eval.io.workspace import Workspace
from sakip_eval.model.followup import Status
from sakip_eval.rulebook.book import Category, Rulebook, SourcedRule, subcomponent_of
from sakip_eval.scoring.change import Change
from sakip_eval.scoring.estimate import Estimate, Estimator
from sakip_eval.scoring.grades import Answers, Consequence, Score, SubScore, lift, score, with_met

RecommendationKind = Literal["rule", "followup", "criterion", "upgrade", "note"]


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


@dataclass(frozen=True)
class SubcomponentResult(SubScore):
    """A sub-component's score as :mod:`sakip_eval.scoring.grades` computes it, moved by the prediction:
    `grade`, `factor` and `score` are the prediction (`grade` the grade nearest the predicted factor),
    `rule_grade` and `rule_score` what the rules alone give (the same when there is no history). Beside them
    what a reader needs: the name, the kind and the rules that capped or raised the grade."""

    name: Text
    kind: str
    rule_grade: str
    rule_score: Decimal
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


class FollowupItem(BaseModel):
    """A recommendation of the previous LHE as followup.yaml states it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    text: str
    status: Status
    evidence: list[str]
    closed: bool


class SubChangeResult(BaseModel):
    """One sub-component from the previous evaluation to this prediction (history only)."""

    model_config = ConfigDict(defer_build=True)

    id: str
    prior_factor: Decimal
    prior_grade: str | None
    prior_basis: str
    rule_grade: str
    ceiling: str | None
    followup: bool
    down: Decimal
    up: Decimal


class PriorResult(BaseModel):
    model_config = ConfigDict(defer_build=True)

    year: int
    total: Decimal
    category: str | None
    source: str | None
    components_total: Decimal


class Basis(BaseModel):
    """How the total was reached: `history` (previous LHE + typical change + evidence change) or `rules`."""

    model_config = ConfigDict(defer_build=True)

    method: Literal["history", "rules"]
    rules_total: Decimal
    prior: PriorResult | None = None
    years: int | None = None
    typical_change: Decimal | None = None
    evidence_change: Decimal | None = None
    subcomponents: list[SubChangeResult] = Field(default_factory=list)


class RangeResult(BaseModel):
    model_config = ConfigDict(defer_build=True)

    low: Decimal
    high: Decimal
    level: Decimal


class NextCategory(BaseModel):
    model_config = ConfigDict(defer_build=True)

    code: str
    gap: Decimal


class Prediction(BaseModel):
    model_config = ConfigDict(defer_build=True, arbitrary_types_allowed=True)

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
    range: RangeResult | None
    category_probabilities: dict[str, Decimal]
    basis: Basis
    components: list[ComponentResult]
    criteria: list[CriterionResult]
    recommendations: list[RecommendationResult]
    notes: list[Reason]
    findings: list[Finding] = Field(default_factory=list)
    followup: list[FollowupItem] = Field(default_factory=list)


def consequences_of(inference: Inference) -> list[Consequence]:
    """One consequence per way the engine concluded each: the facts its rule matched and the LKjIP findings
    those rest on (a weakened criterion rests on the checks that flagged it, each match a finding)."""
    result = []
    for fact in inference.concluded("consequence"):
        for derivation in inference.how(str(fact["id"])):
            findings = set().union(*(findings_behind(inference, f) for f in derivation.facts))
            target = fact.get("target")
            result.append(Consequence(str(fact["rule"]), str(fact["effect"]), None if target is None else str(target),
                                      fact.get("grade"), derivation.facts, tuple(sorted(findings))))
    return sorted(set(result), key=lambda c: (c.rule_id, c.target or "", c.facts))


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
    running the engine again (recommendations here, `plan` in :mod:`sakip_eval.scoring.plan`), and the
    candidates the engine proposed."""

    answers: Answers
    consequences: list[Consequence]
    findings: list[Finding]
    inference: Inference

    @property
    def facts(self) -> dict[str, Fact]:
        return self.inference.facts

    def candidates(self, kind: str) -> list[Fact]:
        """The engine's candidates of one kind: `rule`, `criterion`, `upgrade`, `followup` or `note`."""
        return [c for c in self.inference.concluded("candidate") if c["type"] == kind]


def evaluate(ws: Workspace) -> Evaluation:
    """The whole chain in one engine run: the workspace's facts and its LKjIP facts (none without
    lkjip.yaml) through every stage."""
    given = [*derive_facts(ws), *closing_scenarios(ws)]
    full, slim = check_facts(ws)
    inference = engine_for(program_for(ws.rulebook)).run([*given, *full], [*given, *slim])
    return Evaluation(answers_of(ws), consequences_of(inference), findings_of(ws.rulebook, inference), inference)


def score_of(book: Rulebook, evaluation: Evaluation) -> Score:
    """What the rules alone give for an evaluation."""
    return score(book, evaluation.answers, evaluation.consequences)


def predict(ws: Workspace) -> Prediction:
    book = ws.rulebook
    evaluation = evaluate(ws)
    facts, consequences, answers = evaluation.facts, evaluation.consequences, evaluation.answers
    result = score(book, answers, consequences)
    estimator = Estimator(ws, result, consequences)
    estimate = estimator.estimate()
    reasons = {c: _reason(book, c, facts) for c in consequences}
    return Prediction(
        opd=ws.meta.opd,
        pemda=ws.meta.pemda,
        evaluation_year=ws.meta.evaluation_year,
        performance_year=ws.meta.year,
        regime=book.regime.id,
        method=book.regime.method,
        total=estimate.total,
        category=estimate.category.code,
        category_name=estimate.category.name,
        interpretation=estimate.category.interpretation,
        next_category=_next_category(book, estimate.total, estimate.category),
        range=RangeResult(low=estimate.range.low, high=estimate.range.high, level=estimate.range.level)
        if estimate.range else None,
        category_probabilities=estimate.probabilities,
        basis=_basis(estimate),
        components=_components(book, result, estimate.change, consequences, reasons),
        criteria=_criteria(ws, result, consequences, reasons),
        recommendations=rank_recommendations(book, evaluation, result, estimator,
                                             _followup_candidates(ws, evaluation, estimator)),
        notes=[reasons[c] for c in consequences if c.effect == "note"],
        findings=evaluation.findings,
        followup=[
            FollowupItem(id=r.id, text=r.text, status=r.status, evidence=list(r.evidence), closed=r.closed)
            for r in (ws.followup.recommendations if ws.followup else [])
        ],
    )


def _reason(book: Rulebook, c: Consequence, facts: dict[str, Fact]) -> Reason:
    rule = book.rule(c.rule_id).rule
    matched = [facts[f] for f in c.facts if f in facts]
    evidence = sorted({str(f["ref"]) for f in matched if f.get("kind") in ("evidence", "support")})
    finding_ids = sorted(c.findings)
    fields = {"evidence": ", ".join(evidence) or "-", "findings": ", ".join(finding_ids) or "-"}
    text = Text(id=_fill(rule.reason.id, fields), en=_fill(rule.reason.en, fields))
    return Reason(rule=rule.id, effect=rule.effect, text=text, evidence=evidence, findings=finding_ids,
                  grade=rule.grade)


def _fill(template: str, fields: dict[str, str]) -> str:
    for key, value in fields.items():
        template = template.replace("{" + key + "}", value)
    return template


def _next_category(book: Rulebook, total: Decimal, current: Category) -> NextCategory | None:
    ordered = sorted(book.regime.categories, key=lambda c: c.lower)
    for category in ordered:
        if category.lower >= current.upper:
            gap = max(category.lower - total + Decimal("0.01"), Decimal("0.01"))
            return NextCategory(code=category.code, gap=gap)
    return None


def _basis(estimate: Estimate) -> Basis:
    change = estimate.change
    if change is None:
        return Basis(method=estimate.method, rules_total=estimate.rules_total)
    prior = change.prior
    return Basis(
        method=estimate.method, rules_total=estimate.rules_total,
        prior=PriorResult(year=prior.year, total=prior.total, category=prior.category, source=prior.source,
                          components_total=prior.grid_total),
        years=change.years, typical_change=change.typical, evidence_change=change.evidence,
        subcomponents=[
            SubChangeResult(id=sub_id, prior_factor=s.prior.factor, prior_grade=s.prior.grade,
                            prior_basis=s.prior.basis, rule_grade=s.rule_grade, ceiling=s.ceiling,
                            followup=s.followup, down=s.down, up=s.up)
            for sub_id, s in change.subcomponents.items()
        ],
    )


def nearest_grade(book: Rulebook, factor: Decimal) -> str:
    """The grade whose factor is closest to `factor` (the lower one on a tie)."""
    return min(reversed(book.regime.grades), key=lambda g: abs(g.factor - factor)).code


def _components(
    book: Rulebook, result: Score, change: Change | None, consequences: list[Consequence],
    reasons: dict[Consequence, Reason],
) -> list[ComponentResult]:
    out = []
    for comp in book.regime.components:
        subs = []
        for sub in comp.subcomponents:
            s = result.subcomponents[sub.id]
            caps = [reasons[c] for c in consequences if c.effect == "cap" and c.target == sub.id]
            ups = [reasons[c] for c in consequences if c.effect == "upgrade" and c.target == sub.id]
            moved = change.subcomponents[sub.id] if change else None
            factor = moved.factor if moved else s.factor
            predicted = {"grade": nearest_grade(book, factor), "factor": factor, "score": moved.score} if moved else {}
            subs.append(SubcomponentResult(
                **(vars(s) | predicted), name=sub.name, kind=sub.kind, rule_grade=s.grade, rule_score=s.score,
                caps=_dedupe(caps), upgrades=_dedupe(ups) if s.met == s.applicable and s.applicable else [],
            ))
        out.append(ComponentResult(id=comp.id, name=comp.name, weight=comp.weight,
                                   score=sum((x.score for x in subs), Decimal(0)), subcomponents=subs))
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
    about: dict[str, list[Reason]] = {}
    for c in consequences:
        if c.effect in ("refute", "prove") and c.target:
            about.setdefault(c.target, []).append(reasons[c])
    for crit_id, criterion in ws.rulebook.criteria.items():
        claim = ws.assessment.criteria.get(crit_id)
        mine = about.get(crit_id, [])
        out.append(CriterionResult(
            id=crit_id, subcomponent=subcomponent_of(crit_id), text=criterion.text,
            claimed=claim.met if claim else "false", predicted=result.predicted[crit_id],
            evidence=list(claim.evidence) if claim else [], reasons=_dedupe(mine),
        ))
    return out


def rank_recommendations(
    book: Rulebook, evaluation: Evaluation, base: Score, estimator: Estimator,
    followups: Sequence[RecommendationResult] = (),
) -> list[RecommendationResult]:
    """The engine's candidates, each worth the points the predicted total gains if it alone is done
    (re-scored, and priced through the same estimate as the prediction)."""
    answers, consequences = evaluation.answers, evaluation.consequences
    total = estimator.total
    candidates: list[RecommendationResult] = list(followups)
    for cand in evaluation.candidates("rule"):
        rule_id = str(cand["ref"])
        targets = sorted({c.target for c in consequences if c.rule_id == rule_id and c.target})
        affected = {t if t not in book.criteria else subcomponent_of(t) for t in targets}
        gained = estimator.gain(answers, lift(consequences, rule_id), affected)
        candidates.append(_candidate(book, book.rule(rule_id), "rule", gained, total, targets))
    for cand in evaluation.candidates("criterion"):
        crit_id = str(cand["ref"])
        criterion = book.criteria[crit_id]
        gained = estimator.gain(with_met(answers, crit_id), consequences, {subcomponent_of(crit_id)})
        candidates.append(RecommendationResult(
            id=crit_id, kind="criterion", text=criterion.recommendation, criteria=[crit_id],
            subcomponents=[subcomponent_of(crit_id)], rules=[], points=gained,
            effort=criterion.effort, reaches=_reaches(book, total + gained),
        ))
    candidates.extend(_upgrade_candidates(book, evaluation, base, estimator))
    for cand in evaluation.candidates("note"):
        if all(r.id != cand["ref"] for r in candidates):
            candidates.append(_candidate(book, book.rule(str(cand["ref"])), "note", Decimal(0), total, []))
    order = {"rule": 0, "followup": 1, "criterion": 2, "upgrade": 3, "note": 4}
    return sorted(candidates, key=lambda r: (-r.points, r.kind == "note", r.effort or 2, order[r.kind], r.id))


def _followup_candidates(ws: Workspace, evaluation: Evaluation, estimator: Estimator) -> list[RecommendationResult]:
    """One item per open recommendation of the previous LHE, in the LHE's own words (both languages).

    Its points are what closing it *alone* gains: the engine ran the rules that read recommendations in a
    scenario where that one is `selesai` with evidence (engine/facts.py: closing_scenarios), and their
    consequences there replace theirs in the workspace as it is. Re-running the rules (not lifting
    firings) keeps rules that test for the absence of any follow-up evidence exact: 4.c.1's refutation
    lifts only for the last open recommendation, while the first one closed with evidence can already
    restore 4.c.2."""
    if ws.followup is None:
        return []
    book = ws.rulebook
    answers, consequences = evaluation.answers, evaluation.consequences
    reading = {p.id for p in program_for(book).reading("recommendation", "verify")}
    unchanged = [c for c in consequences if c.rule_id not in reading]
    inference = evaluation.inference
    by_id = {rec.id: rec for rec in ws.followup.recommendations}
    out = []
    for cand in evaluation.candidates("followup"):
        rec = by_id[str(cand["ref"])]
        scenario = [Consequence(str(f["rule"]), str(f["effect"]), f.get("target"), f.get("grade"),
                                inference.how(str(f["id"]))[0].facts[1:])
                    for f in inference.concluded("scenario_consequence") if f["scenario"] == rec.id]
        after = unchanged + scenario
        closed = f"recommendation:{rec.id}"
        changed = {target for _, _, target, _ in {_key(c) for c in consequences} ^ {_key(c) for c in after} if target}
        affected = {subcomponent_of(t) if t in book.criteria else t for t in changed}
        gained = estimator.gain(answers, after, affected, closing=list(rec.criteria))
        mine = [c for c in consequences if closed in c.facts]
        criteria = list(dict.fromkeys([*sorted(c.target for c in mine if c.target in book.criteria), *rec.criteria]))
        out.append(RecommendationResult(
            id=f"followup:{rec.id}", kind="followup", text=Text(id=rec.text, en=rec.text), criteria=criteria,
            subcomponents=sorted({subcomponent_of(c) for c in criteria}), rules=sorted({c.rule_id for c in mine}),
            points=gained, effort=None, reaches=_reaches(book, estimator.total + gained),
        ))
    return out


def _key(c: Consequence) -> tuple[str, str, str | None, str | None]:
    """What a consequence does, whatever facts it was reached from."""
    return c.rule_id, c.effect, c.target, c.grade


def _candidate(
    book: Rulebook, sourced: SourcedRule, kind: RecommendationKind, gained: Decimal, total: Decimal,
    targets: list[str],
) -> RecommendationResult:
    rule = sourced.rule
    criteria = [t for t in targets if t in book.criteria]
    subs = sorted({t if t not in book.criteria else subcomponent_of(t) for t in targets})
    return RecommendationResult(
        id=rule.id, kind=kind, text=rule.recommendation or rule.title, criteria=criteria, subcomponents=subs,
        rules=[rule.id], points=gained, effort=rule.effort, reaches=_reaches(book, total + gained),
    )


def _upgrade_candidates(
    book: Rulebook, evaluation: Evaluation, base: Score, estimator: Estimator,
) -> list[RecommendationResult]:
    """The engine's upgrade candidates on sub-components with every criterion met: what would A (or AA)
    be worth?"""
    out = []
    for cand in evaluation.candidates("upgrade"):
        rule = book.rule(str(cand["rule"])).rule
        sub_id = str(cand["subcomponent"])
        current = base.subcomponents[sub_id]
        assert rule.grade is not None and rule.recommendation is not None  # the engine proposes no other
        if current.applicable == 0 or current.met != current.applicable:
            continue
        if book.grade_rank(current.grade) >= book.grade_rank(rule.grade):
            continue
        extra = Consequence(rule.id, "upgrade", sub_id, rule.grade)
        gained = estimator.gain(evaluation.answers, [*evaluation.consequences, extra], {sub_id})
        if gained > 0:
            out.append(RecommendationResult(
                id=str(cand["ref"]), kind="upgrade", text=rule.recommendation, criteria=[], subcomponents=[sub_id],
                rules=[rule.id], points=gained, effort=rule.effort, reaches=_reaches(book, estimator.total + gained),
            ))
    return out


def _reaches(book: Rulebook, total: Decimal) -> str:
    for category in book.regime.categories:
        if category.holds(total):
            return category.code
    return "-"
