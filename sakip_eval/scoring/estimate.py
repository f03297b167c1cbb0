"""The predicted total: from the previous evaluation when history holds one, from the rules alone otherwise,
with its range and category probabilities.

With history and a calibrated regime the total is `prior + typical change + evidence change`
(:mod:`sakip_eval.scoring.change`); without, it is the rules' score. Either way the spread of past errors
gives the range. Every what-if (a recommendation carried out, a plan step) is priced through the same
estimate, so a refutation lifted is worth what it moves the prediction, not what it would move the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sakip_eval.io.workspace import Workspace
from sakip_eval.rulebook.book import Category, Rulebook, subcomponent_of
from sakip_eval.rulebook.calibration import Calibration
from sakip_eval.scoring.change import Change, ceiling, change_of, raw_points, weighted
from sakip_eval.scoring.grades import (
    ZERO,
    Answers,
    Consequence,
    Score,
    category_of,
    predict_answers,
    score,
    score_subcomponent,
)
from sakip_eval.scoring.prior import Prior, prior_of
from sakip_eval.scoring.uncertainty import Range, category_probabilities, interval

Method = Literal["history", "rules"]


@dataclass(frozen=True)
class Estimate:
    method: Method
    total: Decimal
    rules_total: Decimal
    change: Change | None
    range: Range | None
    probabilities: dict[str, Decimal]
    category: Category


def closed_followups(ws: Workspace) -> list[list[str]]:
    """Per recommendation of the previous LHE closed with evidence, the criteria it concerns."""
    return [list(rec.criteria) for rec in (ws.followup.recommendations if ws.followup else []) if rec.closed]


class Estimator:
    """The estimate of one workspace and the price of changing its rule outcome."""

    def __init__(self, ws: Workspace, base: Score, consequences: list[Consequence]) -> None:
        self.book: Rulebook = ws.rulebook
        self.calibration: Calibration | None = ws.rulebook.calibration
        self.base = base
        self.evaluation_year = ws.meta.evaluation_year
        self.closed = closed_followups(ws)
        self.prior: Prior | None = prior_of(self.book, ws.meta, base) if self.calibration else None
        self.change: Change | None = None
        if self.prior is not None and self.calibration is not None:
            self.change = change_of(self.book, self.calibration, self.prior, self.evaluation_year, base,
                                    consequences, self.closed)

    @property
    def method(self) -> Method:
        return "history" if self.change is not None else "rules"

    @property
    def total(self) -> Decimal:
        return self.change.total if self.change is not None else self.base.total

    def estimate(self) -> Estimate:
        total = self.total
        own = category_of(self.book, total)
        if self.calibration is None:
            return Estimate(self.method, total, self.base.total, self.change, None, {own.code: Decimal(1)}, own)
        sd = self.calibration.residual_sd.history if self.change else self.calibration.residual_sd.rules
        probabilities = category_probabilities(self.book, total, sd)
        best = max(probabilities.values())
        # the most likely category; a tie goes to the total's own category
        code = own.code if probabilities.get(own.code) == best else next(iter(probabilities))
        category = next(c for c in self.book.regime.categories if c.code == code)
        return Estimate(self.method, total, self.base.total, self.change,
                        interval(total, sd, self.calibration.interval), probabilities, category)

    def gain(self, answers: Answers, consequences: list[Consequence], affected: set[str],
             closing: list[str] | None = None) -> Decimal:
        """Points the predicted total gains when the rule outcome becomes (answers, consequences), which
        changes only the sub-components in `affected`; `closing` lists the criteria of a recommendation of
        the previous LHE that is closed as well."""
        change = self.change
        predicted = predict_answers(self.book, answers, consequences)
        lifted = {subcomponent_of(c) for c in closing or []}
        touched = affected | lifted
        new_subs = {s: score_subcomponent(self.book, self.book.subcomponent(s), predicted, answers, consequences)
                    for s in touched}
        if change is None or self.calibration is None:
            return sum((new_subs[s].score - self.base.subcomponents[s].score for s in touched), ZERO)
        out = ZERO
        for sub_id in touched:
            old = change.subcomponents[sub_id]
            cap = ceiling(self.book, new_subs[sub_id], consequences)
            raw = raw_points(self.book, old.prior, new_subs[sub_id], cap, old.followup or sub_id in lifted)
            down, up = weighted(self.calibration, *raw)
            out += down + up - old.points
        return out

    def total_of(self, answers: Answers, consequences: list[Consequence]) -> Decimal:
        """The predicted total for another rule outcome (a plan's state)."""
        outcome = score(self.book, answers, consequences)
        if self.change is None:
            return outcome.total
        return self.total + self.gain(answers, consequences, set(self.book.subcomponent_ids()))
