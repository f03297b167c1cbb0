"""`sakip-eval explain WS ID`: the chain that decided a criterion or a sub-component, as `opa eval
--explain` shows why a policy decided what it did.

For a criterion: the claim, what the engine concluded about it (a verdict and the consequences it rests
on, down to the rules, findings and facts), and the arithmetic of its sub-component. For a sub-component:
each criterion's outcome, the chains of the criteria the engine overturned, the caps and upgrades, and
the arithmetic: share of criteria met, the grade band it falls in, upgrades (only at 100%), caps, factor
times weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip_eval.engine.program import program_for
from sakip_eval.engine.trace import Node, trace
from sakip_eval.errors import InputError
from sakip_eval.io.workspace import Workspace
from sakip_eval.rulebook.book import Band, Criterion, Rulebook, Subcomponent, subcomponent_of
from sakip_eval.scoring.grades import Score, score
from sakip_eval.scoring.prediction import Evaluation, evaluate


@dataclass(frozen=True)
class Arithmetic:
    """How a sub-component's grade and score come out."""

    subcomponent: Subcomponent
    met: int
    applicable: int
    share: Decimal
    band: Band | None
    base_grade: str
    upgrades: list[Node]  # applied only when every criterion is met
    caps: list[Node]
    grade: str
    factor: Decimal
    score: Decimal
    outcomes: dict[str, str]  # criterion -> predicted
    binding: set[str]  # caps that lower the grade (the others are above it already)


@dataclass(frozen=True)
class CriterionChain:
    criterion: Criterion
    claimed: str
    evidence: list[str]
    predicted: str
    decided: list[Node]  # the verdict (or the consequences about it when no verdict was needed)


@dataclass(frozen=True)
class Explanation:
    target: str
    criteria: list[CriterionChain]  # the one criterion asked, or the overturned criteria of the sub-component
    arithmetic: Arithmetic


def explain(ws: Workspace, target: str, limit: int | None = 3) -> Explanation:
    """The chain of a criterion (`1.b.3`) or a sub-component (`1.b`); `limit` derivations shown per fact."""
    book = ws.rulebook
    if target not in book.criteria and target not in book.subcomponent_ids():
        raise InputError("explain.unknown", id=target)
    evaluation = evaluate(ws)
    result = score(book, evaluation.answers, evaluation.consequences)
    sub_id = subcomponent_of(target) if target in book.criteria else target
    arithmetic = _arithmetic(book, evaluation, result, sub_id, limit)
    if target in book.criteria:
        chains = [_chain(ws, evaluation, result, target, limit)]
    else:
        chains = [_chain(ws, evaluation, result, c.id, limit) for c in book.criteria_of(sub_id)
                  if f"verdict:{c.id}" in evaluation.facts]
    return Explanation(target, chains, arithmetic)


def _chain(ws: Workspace, evaluation: Evaluation, result: Score, crit_id: str, limit: int | None) -> CriterionChain:
    book = ws.rulebook
    program = program_for(book)
    inference = evaluation.inference
    claim = ws.assessment.criteria.get(crit_id)
    verdict = f"verdict:{crit_id}"
    if verdict in inference.facts:
        decided = [trace(inference, program, verdict, limit)]
    else:
        decided = [trace(inference, program, str(f["id"]), limit) for f in inference.concluded("consequence")
                   if f.get("criterion") == crit_id]
    return CriterionChain(book.criteria[crit_id], evaluation.answers.claimed[crit_id],
                          list(claim.evidence) if claim else [], result.predicted[crit_id], decided)


def _arithmetic(book: Rulebook, evaluation: Evaluation, result: Score, sub_id: str, limit: int | None) -> Arithmetic:
    sub = result.subcomponents[sub_id]
    share = Decimal(sub.met) / Decimal(sub.applicable) if sub.applicable else Decimal(0)
    band = next((b for b in book.regime.bands if b.holds(share)), None)
    program = program_for(book)
    inference = evaluation.inference

    def chains(effect: str) -> list[Node]:
        return [trace(inference, program, str(f["id"]), limit) for f in inference.concluded("consequence")
                if f["effect"] == effect and f.get("subcomponent") == sub_id and f.get("target") == sub_id]

    upgrades, caps = chains("upgrade"), chains("cap")
    uncapped = sub.base_grade
    if sub.applicable and sub.met == sub.applicable:
        for node in upgrades:
            if book.grade_rank(str(node.fields["grade"])) > book.grade_rank(uncapped):
                uncapped = str(node.fields["grade"])
    ceiling = book.grade_rank(uncapped)
    binding = {str(n.fields["rule"]) for n in caps if book.grade_rank(str(n.fields["grade"])) < ceiling}
    return Arithmetic(
        book.subcomponent(sub_id), sub.met, sub.applicable, share, band, sub.base_grade, upgrades, caps, sub.grade,
        sub.factor, sub.score, {c.id: result.predicted[c.id] for c in book.criteria_of(sub_id)}, binding,
    )
