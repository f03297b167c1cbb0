"""The year's change: from the previous evaluation (the prior) to this year's prediction.

    prediction = previous total + typical yearly change + evidence change

- The typical yearly change is learned from real letters (rules/<regime>/calibration.yaml, with its
  provenance), once per year between the previous evaluation and this one.
- The evidence change is a sum over sub-components of what this year's rules say against the prior:
  * down: the evidence caps the sub-component below its starting point: a criterion refuted (or not
    claimed) where the prior's grade implies every criterion was met brings it to the band of the share
    met; a cap brings it to the capped grade. Points = weight x (ceiling - prior factor).
  * up: the evidence supports more than the starting point: efforts, innovation or sustained existence
    upgrade the sub-component as they do today, and each recommendation of the previous LHE closed with
    evidence lifts the sub-components it concerns one grade step (never past what the evidence allows).
  Both are multiplied by evidence weights learned from the same letters: evaluators move a little each
  year, so a refutation moves the prediction only part of the way the rules alone would.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip_eval.rulebook.book import Rulebook, subcomponent_of
from sakip_eval.rulebook.calibration import Calibration
from sakip_eval.scoring.grades import CENT, ZERO, Consequence, Score, SubScore
from sakip_eval.scoring.prior import Prior, SubPrior


@dataclass(frozen=True)
class SubChange:
    """One sub-component from its starting point to its prediction. `down` and `up` are weighted points;
    `shared` is its part of the typical change and of the letter's slip, so that sub-components add up."""

    prior: SubPrior
    rule_grade: str
    ceiling: str | None
    followup: bool
    raw_down: Decimal
    raw_up: Decimal
    down: Decimal
    up: Decimal
    shared: Decimal = ZERO

    @property
    def points(self) -> Decimal:
        return self.down + self.up

    @property
    def score(self) -> Decimal:
        return self.prior.score + self.shared + self.points

    @property
    def factor(self) -> Decimal:
        return self.score / self.prior.weight if self.prior.weight else ZERO


@dataclass(frozen=True)
class Change:
    prior: Prior
    years: int
    typical: Decimal
    subcomponents: dict[str, SubChange]

    @property
    def evidence(self) -> Decimal:
        return sum((s.points for s in self.subcomponents.values()), ZERO)

    @property
    def total(self) -> Decimal:
        return max(ZERO, min(Decimal(100), self.prior.total + self.typical + self.evidence)).quantize(CENT)


def ceiling(book: Rulebook, sub: SubScore, consequences: list[Consequence]) -> str | None:
    """The highest grade this year's evidence allows: the band of the share met when a criterion is not
    met, then every cap on the sub-component. None when nothing limits it (or nothing applies)."""
    if sub.applicable == 0:
        return None
    top = book.regime.grades[0].code
    grade = sub.base_grade if sub.met < sub.applicable else top
    for c in consequences:
        if c.effect == "cap" and c.target == sub.id and c.grade and book.grade_rank(c.grade) < book.grade_rank(grade):
            grade = c.grade
    return None if grade == top else grade


def change_of(
    book: Rulebook, calibration: Calibration, prior: Prior, evaluation_year: int, rules: Score,
    consequences: list[Consequence], closed: list[list[str]],
) -> Change:
    """`closed` lists, per recommendation of the previous LHE closed with evidence, the criteria it concerns."""
    lifted = {subcomponent_of(c) for criteria in closed for c in criteria}
    years = max(1, evaluation_year - prior.year)
    typical = (calibration.typical_change * years).quantize(CENT)
    subs: dict[str, SubChange] = {}
    for sub_id, start in prior.subcomponents.items():
        sub = rules.subcomponents[sub_id]
        cap = ceiling(book, sub, consequences)
        raw_down, raw_up = raw_points(book, start, sub, cap, sub_id in lifted)
        down, up = weighted(calibration, raw_down, raw_up)
        subs[sub_id] = SubChange(prior=start, rule_grade=sub.grade, ceiling=cap, followup=sub_id in lifted,
                                 raw_down=raw_down, raw_up=raw_up, down=down, up=up)
    return _share(Change(prior, years, typical, subs), typical + prior.slip)


def weighted(calibration: Calibration, raw_down: Decimal, raw_up: Decimal) -> tuple[Decimal, Decimal]:
    """The evidence weights applied, in cents like the LHE, so that the printed sum adds up exactly."""
    weight = calibration.evidence_weight
    return (weight.down * raw_down).quantize(CENT), (weight.up * raw_up).quantize(CENT)


def raw_points(
    book: Rulebook, start: SubPrior, sub: SubScore, cap: str | None, lifted: bool,
) -> tuple[Decimal, Decimal]:
    """Unweighted points (weight x factor difference) down to the ceiling and up to what evidence supports."""
    if sub.applicable == 0:
        return ZERO, ZERO
    limit = book.grade(cap).factor if cap else Decimal(1)
    down = min(ZERO, limit - start.factor) * start.weight
    # Up counts what lifts a sub-component above its band (efforts, innovation, sustained existence), and
    # every criterion met where the prior is below "most criteria met" (B), so implied some were not.
    # Every criterion met where the prior was already about there is what the prior expects: no change.
    upgraded = book.grade_rank(sub.grade) > book.grade_rank(sub.base_grade)
    all_met = sub.met == sub.applicable
    most_met = book.grade(book.regime.bands[-2].grade).factor
    target = book.grade(sub.grade).factor if upgraded or (all_met and start.factor < most_met) else ZERO
    if lifted:
        above = [g.factor for g in book.regime.grades if g.factor > start.factor]
        if above:
            target = max(target, min(min(above), limit))
    up = max(ZERO, target - start.factor) * start.weight
    return down, up


def _share(change: Change, amount: Decimal) -> Change:
    """Spread the typical change and the slip over the sub-components by weight, never past a weight
    or below zero, so that the predicted sub-components add up to the predicted total."""
    shared = {sid: ZERO for sid in change.subcomponents}
    left = amount
    for _ in range(len(shared) + 1):
        room = {sid: (s.prior.weight - s.prior.score - s.points - shared[sid]) if left > 0
                else (s.prior.score + s.points + shared[sid])
                for sid, s in change.subcomponents.items()}
        open_ = {sid: change.subcomponents[sid].prior.weight for sid, r in room.items() if r > 0}
        total_weight = sum(open_.values(), ZERO)
        if not left or not total_weight:
            break
        spent = ZERO
        for sid, weight in open_.items():
            part = left * weight / total_weight
            part = min(part, room[sid]) if left > 0 else max(part, -room[sid])
            shared[sid] += part
            spent += part
        left -= spent
    subs = {sid: SubChange(**{**s.__dict__, "shared": shared[sid]}) for sid, s in change.subcomponents.items()}
    return Change(change.prior, change.years, change.typical, subs)
