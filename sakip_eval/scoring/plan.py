"""The shortest list of recommendations that takes a prediction to a target category or score.

A team has a few weeks before the evaluation and wants to know what to fix first. Every candidate
(lift a rule's consequences, meet an unmet criterion, earn an upgrade) is tried by re-scoring the
engine's one evaluation with :func:`sakip_eval.scoring.grades.score`, which is pure, so no rule runs again.
Steps are chosen greedily by the points they add given the steps already taken: a candidate that
reaches the target on its own is preferred by least effort; otherwise the largest gain wins, ties
going to the lower effort. When no single candidate gains (two caps on one sub-component must both
go before either counts), the smallest bundle of candidates on one sub-component that gains is taken.
Steps that the target turns out not to need are dropped at the end. When even every candidate
together falls short, the plan says so, shows the maximum and the sub-components that hold it down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang
from sakip_eval.i18n.text import Text
from sakip_eval.numbers import NumberFormatError, parse_number
from sakip_eval.render.json import recommendation_to_dict
from sakip_eval.render.jsontext import number
from sakip_eval.rulebook.book import Category, Rulebook, subcomponent_of
from sakip_eval.scoring.grades import Answers, Consequence, SubScore, category_of, lift, score, with_met
from sakip_eval.scoring.prediction import Evaluation, RecommendationKind, RecommendationResult

DEFAULT_EFFORT = 2
KIND_ORDER: dict[str, int] = {"rule": 0, "criterion": 1, "upgrade": 2}


@dataclass(frozen=True)
class Target:
    """A category code (reached when the total falls in it or above) or a minimum total."""

    category: Category | None = None
    minimum: Decimal | None = None

    @property
    def label(self) -> str:
        return self.category.code if self.category else str(self.minimum)

    def reached(self, total: Decimal) -> bool:
        if self.category is not None:
            cat = self.category
            return total >= cat.lower if cat.lower_inclusive else total > cat.lower
        assert self.minimum is not None
        return total >= self.minimum


def parse_target(book: Rulebook, raw: str) -> Target:
    """`AA`, `a`, `85` or `85,5`; anything else is refused with the valid forms."""
    codes = {c.code.upper(): c for c in book.regime.categories}
    if raw.strip().upper() in codes:
        return Target(category=codes[raw.strip().upper()])
    try:
        value = parse_number(raw)
    except NumberFormatError:
        value = None
    if value is None or not Decimal(0) <= value <= Decimal(100):
        raise InputError("plan.bad_target", field="--target", value=raw,
                         categories=", ".join(c.code for c in book.regime.categories))
    return Target(minimum=value)


@dataclass(frozen=True)
class State:
    """Scoring inputs after some steps: the claims and the consequences still in force."""

    answers: Answers
    consequences: tuple[Consequence, ...]

    def total(self, scorer: Scorer) -> Decimal:
        return scorer.total_of(self.answers, list(self.consequences))


@dataclass(frozen=True)
class Scorer:
    """How a state is totalled: the prediction's own estimate (history-aware), or the rules' score."""

    book: Rulebook
    total_of: Callable[[Answers, list[Consequence]], Decimal]


@dataclass(frozen=True)
class Candidate:
    """One thing the team can do. `action` turns a state into the state after doing it."""

    rec: RecommendationResult
    action: Callable[[State], State]

    @property
    def effort(self) -> int:
        return self.rec.effort or DEFAULT_EFFORT

    def apply(self, state: State) -> State:
        return self.action(state)


@dataclass(frozen=True)
class Step:
    """A chosen candidate with the points it adds after the previous steps and the running total. A step
    that adds nothing alone is part of a bundle: `together_with` is the number (1-based) of the later step
    whose points it shares (a sub-component's grade moves only once all of them are done)."""

    rec: RecommendationResult
    total: Decimal
    together_with: int | None = None


@dataclass(frozen=True)
class Limit:
    """A sub-component that stays below the top grade even when every candidate is done."""

    subcomponent: str
    grade: str
    score: Decimal
    weight: Decimal


@dataclass(frozen=True)
class Plan:
    target: Target
    start_total: Decimal
    start_category: str
    steps: list[Step]
    reachable: bool
    predicted_total: Decimal
    predicted_category: str
    max_total: Decimal
    limits: list[Limit]


def candidates(book: Rulebook, evaluation: Evaluation) -> list[Candidate]:
    """The engine's candidates that act on the score: lifting a refuting or capping rule, meeting an
    applicable criterion not yet met, an upgrade rule on a sub-component in its scope."""
    found: list[Candidate] = []
    for cand in evaluation.candidates("rule"):
        rule_id = str(cand["ref"])
        rule = book.rule(rule_id).rule
        targets = sorted({c.target for c in evaluation.consequences if c.rule_id == rule_id and c.target})
        found.append(Candidate(
            _rec(book, rule_id, "rule", rule.recommendation or rule.title, targets, [rule_id], rule.effort),
            _lifting(rule_id),
        ))
    for cand in evaluation.candidates("criterion"):
        criterion = book.criteria[str(cand["ref"])]
        found.append(Candidate(
            _rec(book, criterion.id, "criterion", criterion.recommendation, [criterion.id], [], criterion.effort),
            _meeting(criterion.id),
        ))
    for cand in evaluation.candidates("upgrade"):
        rule = book.rule(str(cand["rule"])).rule
        sub_id = str(cand["subcomponent"])
        assert rule.recommendation is not None  # the engine proposes no other
        found.append(Candidate(
            _rec(book, str(cand["ref"]), "upgrade", rule.recommendation, [sub_id], [rule.id], rule.effort),
            _upgrading(Consequence(rule.id, "upgrade", sub_id, rule.grade)),
        ))
    return found


def _rec(book: Rulebook, rec_id: str, kind: RecommendationKind, text: Text, targets: list[str],
         rules: list[str], effort: int | None) -> RecommendationResult:
    criteria = [t for t in targets if t in book.criteria]
    subs = sorted({subcomponent_of(t) if t in book.criteria else t for t in targets})
    return RecommendationResult(id=rec_id, kind=kind, text=text, criteria=criteria, subcomponents=subs,
                                rules=rules, points=Decimal(0), effort=effort, reaches="-")


def _lifting(rule_id: str) -> Callable[[State], State]:
    return lambda s: replace(s, consequences=tuple(lift(list(s.consequences), rule_id)))


def _meeting(crit_id: str) -> Callable[[State], State]:
    return lambda s: replace(s, answers=with_met(s.answers, crit_id))


def _upgrading(extra: Consequence) -> Callable[[State], State]:
    return lambda s: replace(s, consequences=(*s.consequences, extra))


def _apply_all(state: State, chosen: Iterable[Candidate]) -> State:
    for cand in chosen:
        state = cand.apply(state)
    return state


def make_plan(
    book: Rulebook, evaluation: Evaluation, target: Target,
    total_of: Callable[[Answers, list[Consequence]], Decimal] | None = None,
) -> Plan:
    """`total_of` totals a state as the prediction does (see Estimator.total_of); by default the rules' score."""
    scorer = Scorer(book, total_of or (lambda answers, consequences: score(book, answers, consequences).total))
    start = State(evaluation.answers, tuple(evaluation.consequences))
    start_total = start.total(scorer)
    pool = candidates(book, evaluation)
    best = _apply_all(start, pool)
    best_score = score(book, best.answers, list(best.consequences))
    best_total = best.total(scorer)
    reachable = target.reached(best_total)

    def done(total: Decimal) -> bool:
        return target.reached(total) if reachable else total >= best_total

    chosen = _prune(scorer, start, _greedy(scorer, start, pool, done), done)
    steps: list[Step] = []
    state, total = start, start_total
    for cand in chosen:
        state = cand.apply(state)
        new_total = state.total(scorer)
        rec = cand.rec.model_copy(update={"points": new_total - total,
                                          "reaches": category_of(book, new_total).code})
        steps.append(Step(rec, new_total))
        total = new_total
    steps = [replace(step, together_with=next((n for n, later in enumerate(steps[i + 1:], start=i + 2)
                                               if later.rec.points > 0), None)) if step.rec.points == 0 else step
             for i, step in enumerate(steps)]
    return Plan(
        target=target, start_total=start_total, start_category=category_of(book, start_total).code,
        steps=steps, reachable=reachable, predicted_total=total,
        predicted_category=category_of(book, total).code, max_total=best_total,
        limits=[] if reachable else _limits(book, best_score.subcomponents.values()),
    )


def _greedy(scorer: Scorer, start: State, pool: list[Candidate], done: Callable[[Decimal], bool]) -> list[Candidate]:
    chosen: list[Candidate] = []
    remaining = list(pool)
    state, total = start, start.total(scorer)
    while remaining and not done(total):
        gains = [(cand.apply(state).total(scorer) - total, cand) for cand in remaining]
        finishing = [(g, c) for g, c in gains if done(total + g)]
        positive = [(g, c) for g, c in gains if g > 0]
        if finishing:
            move = [min(finishing, key=lambda gc: (gc[1].effort, -gc[0], _order(gc[1])))[1]]
        elif positive:
            move = [min(positive, key=lambda gc: (-gc[0], gc[1].effort, _order(gc[1])))[1]]
        else:
            move = _bundle(scorer, state, total, remaining)
        if not move:
            break
        for cand in move:
            state = cand.apply(state)
            remaining.remove(cand)
        chosen.extend(move)
        total = state.total(scorer)
    return chosen


def _order(cand: Candidate) -> tuple[int, str]:
    return KIND_ORDER.get(cand.rec.kind, 9), cand.rec.id


def _bundle(scorer: Scorer, state: State, total: Decimal, remaining: list[Candidate]) -> list[Candidate]:
    """The best small set of candidates on one sub-component that gains only together (for example
    two caps at BB and the upgrade to A): most points per step, then least effort."""
    best: tuple[Decimal, int, list[Candidate]] | None = None
    for sub_id in scorer.book.subcomponent_ids():
        group = sorted((c for c in remaining if sub_id in c.rec.subcomponents), key=_order)
        gain = _apply_all(state, group).total(scorer) - total
        if gain <= 0:
            continue
        for cand in sorted(group, key=lambda c: (-c.effort, _order(c))):
            rest = [c for c in group if c is not cand]
            if _apply_all(state, rest).total(scorer) - total >= gain:
                group = rest
        effort = sum(c.effort for c in group)
        if best is None or (gain / len(group), -effort) > (best[0] / len(best[2]), -best[1]):
            best = (gain, effort, group)
    return best[2] if best else []


def _prune(scorer: Scorer, start: State, chosen: list[Candidate], done: Callable[[Decimal], bool]) -> list[Candidate]:
    """Drop, latest first, every step without which the target is still reached."""
    kept = list(chosen)
    for cand in reversed(chosen):
        rest = [c for c in kept if c is not cand]
        if done(_apply_all(start, rest).total(scorer)):
            kept = rest
    return kept


def _limits(book: Rulebook, subs: Iterable[SubScore]) -> list[Limit]:
    """Sub-components below the top grade at the maximum: no rule in the rulebook lifts them further."""
    top = book.regime.grades[0].code
    return [Limit(s.id, s.grade, s.score, s.weight) for s in subs if s.grade != top]


def plan_to_dict(plan: Plan, lang: Lang) -> dict[str, Any]:
    """`plan --format json`: the steps with their running totals, whether the target is reachable,
    and, when it is not, the maximum and the sub-components that hold it down."""
    return {
        "target": plan.target.label,
        "current_total": number(plan.start_total),
        "current_category": plan.start_category,
        "reachable": plan.reachable,
        "predicted_total": number(plan.predicted_total),
        "predicted_category": plan.predicted_category,
        "max_total": number(plan.max_total),
        "steps": [{**recommendation_to_dict(step.rec, lang), "total": number(step.total),
                   "together_with": step.together_with} for step in plan.steps],
        "limits": [{"subcomponent": lim.subcomponent, "grade": lim.grade, "score": number(lim.score),
                    "weight": number(lim.weight)} for lim in plan.limits],
    }
