"""Learning calibration.yaml from workspaces whose real LHE is known (`actual`), and judging predictions.

Few cases (a dozen letters) call for few, interpretable, shrunk parameters rather than a weight per rule:

- typical_change: the mean yearly change of the total once the evidence change is accounted for;
- evidence_weight (down, up): how far the rules' verdict moves the prediction from the prior, chosen on a
  coarse grid (quarters) by the least mean absolute error, ties to the smaller weight. Down is at least a
  quarter: a refuted criterion always counts for something (on the first training set the fit alone picks
  0, in-sample 1,05 against 1,14 with a quarter, but leave-one-out 1,27 against 1,23: the floor is the
  better bet on a new letter);
- residual_sd: the spread of the leave-one-out errors (each case predicted by parameters fitted on the
  others), for the range; separately for the rules alone (no history), which have no fitted parameter;
- baseline_change: the plain mean yearly change, for the baseline "previous total + typical change".

Every figure is also reported leave-one-out, because in-sample fit on so few cases flatters.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from sakip_eval.io.workspace import Workspace, load_workspace
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.rulebook.calibration import Calibration, EvidenceWeight, Figures, Spread
from sakip_eval.scoring.change import change_of, weighted
from sakip_eval.scoring.estimate import closed_followups
from sakip_eval.scoring.grades import CENT, ZERO, category_of
from sakip_eval.scoring.prediction import evaluate, score_of
from sakip_eval.scoring.prior import prior_of

GRID = tuple(Decimal(n) / 4 for n in range(5))
DOWN_GRID = GRID[1:]
PLACES = Decimal("0.01")
UNIT = Calibration(
    cases=["-"], computed_by="-", typical_change=ZERO, baseline_change=ZERO,
    evidence_weight=EvidenceWeight(down=Decimal(1), up=Decimal(1)),
    residual_sd=Spread(history=Decimal(1), rules=Decimal(1)),
)


@dataclass(frozen=True)
class Case:
    """What fitting needs of one workspace: its real result, its prior and its unweighted evidence change."""

    name: str
    actual: Decimal
    previous: Decimal | None
    years: int
    raw: tuple[tuple[Decimal, Decimal], ...]  # per sub-component: unweighted points down, up
    rules: Decimal

    @property
    def raw_down(self) -> Decimal:
        return sum((down for down, _ in self.raw), ZERO)

    @property
    def raw_up(self) -> Decimal:
        return sum((up for _, up in self.raw), ZERO)


@dataclass(frozen=True)
class Params:
    typical_change: Decimal
    down: Decimal
    up: Decimal
    baseline_change: Decimal

    def calibration(self) -> Calibration:
        return UNIT.model_copy(update={"typical_change": self.typical_change, "baseline_change": self.baseline_change,
                                       "evidence_weight": EvidenceWeight(down=self.down, up=self.up)})


def case_of(name: str, ws: Workspace) -> Case:
    """`rules` is what the rules alone give the workspace with its history removed (the trend rules read
    history too), which is how a unit without a previous evaluation is predicted."""
    if ws.meta.actual is None:
        raise ValueError(f"{name}: no actual")
    book = ws.rulebook
    evaluation = evaluate(ws)
    rules = score_of(book, evaluation)
    prior = prior_of(book, ws.meta, rules)
    rules_alone = score_of(book, evaluate(ws.without_history())).total
    if prior is None:
        return Case(name, ws.meta.actual.total, None, 1, (), rules_alone)
    change = change_of(book, UNIT, prior, ws.meta.evaluation_year, rules, evaluation.consequences,
                       closed_followups(ws))
    raw = tuple((s.raw_down, s.raw_up) for s in change.subcomponents.values())
    return Case(name, ws.meta.actual.total, prior.total, change.years, raw, rules_alone)


def predict_case(params: Params, case: Case) -> Decimal:
    """The total `score` predicts with these parameters (the same rounding to cents)."""
    if case.previous is None:
        return case.rules
    weights = params.calibration()
    total = case.previous + (params.typical_change * case.years).quantize(CENT)
    total += sum((sum(weighted(weights, down, up), ZERO) for down, up in case.raw), ZERO)
    return max(ZERO, min(Decimal(100), total)).quantize(CENT)


def baseline_case(params: Params, case: Case) -> Decimal | None:
    if case.previous is None:
        return None
    return max(ZERO, min(Decimal(100), case.previous + params.baseline_change * case.years))


def fit(cases: Sequence[Case]) -> Params:
    history = [c for c in cases if c.previous is not None]
    if not history:
        raise ValueError("no case with history")
    years = sum((Decimal(c.years) for c in history), ZERO)
    baseline = sum((c.actual - (c.previous or ZERO) for c in history), ZERO) / years
    best: tuple[Decimal, Decimal, Decimal, Params] | None = None
    for down in DOWN_GRID:
        for up in GRID:
            rest = sum((c.actual - (c.previous or ZERO) - down * c.raw_down - up * c.raw_up for c in history), ZERO)
            params = Params(rest / years, down, up, baseline)
            error = _mae([predict_case(params, c) for c in history], [c.actual for c in history])
            key = (error, down + up, down)
            if best is None or key < best[:3]:
                best = (*key, params)
    assert best is not None
    return best[3]


def leave_one_out(cases: Sequence[Case]) -> list[Params]:
    """For each case, the parameters fitted on all the others."""
    return [fit([c for j, c in enumerate(cases) if j != i]) for i in range(len(cases))]


def _mae(predicted: Sequence[Decimal], actual: Sequence[Decimal]) -> Decimal:
    return sum((abs(p - a) for p, a in zip(predicted, actual, strict=True)), ZERO) / len(actual) if actual else ZERO


def spearman(xs: Sequence[Decimal], ys: Sequence[Decimal]) -> Decimal | None:
    """Rank correlation (average ranks for ties); None for fewer than three pairs or a constant side."""
    if len(xs) < 3:
        return None
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if not vx or not vy:
        return None
    return Decimal(repr(cov / math.sqrt(vx * vy))).quantize(PLACES)


def _ranks(values: Sequence[Decimal]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def figures(book: Rulebook, predicted: Sequence[Decimal], actual: Sequence[Decimal]) -> Figures:
    right = sum(category_of(book, p).code == category_of(book, a).code for p, a in zip(predicted, actual, strict=True))
    return Figures(cases=len(actual), mean_abs_error=_mae(predicted, actual).quantize(PLACES), category_right=right,
                   spearman=spearman(predicted, actual), spread=spread(predicted))


def spread(values: Sequence[Decimal]) -> Decimal | None:
    """Population standard deviation of the totals, in points; None for fewer than two."""
    if len(values) < 2:
        return None
    return Decimal(repr(statistics.pstdev(float(v) for v in values))).quantize(PLACES)


def rms(errors: Sequence[Decimal]) -> Decimal:
    return Decimal(repr(math.sqrt(sum(float(e) ** 2 for e in errors) / len(errors)))).quantize(PLACES)


def calibration_of(book: Rulebook, cases: Sequence[Case], computed_by: str) -> Calibration:
    params = fit(cases)
    folds = leave_one_out(cases)
    history = [i for i, c in enumerate(cases) if c.previous is not None]
    actual = [cases[i].actual for i in history]
    in_sample = [predict_case(params, cases[i]) for i in history]
    loo = [predict_case(folds[i], cases[i]) for i in history]
    baseline_in = [baseline_case(params, cases[i]) or ZERO for i in history]
    baseline_loo = [baseline_case(folds[i], cases[i]) or ZERO for i in history]
    rules = [c.rules for c in cases]
    every = [c.actual for c in cases]
    return Calibration(
        cases=[c.name for c in cases], computed_by=computed_by,
        typical_change=params.typical_change.quantize(PLACES), baseline_change=params.baseline_change.quantize(PLACES),
        evidence_weight=EvidenceWeight(down=params.down, up=params.up),
        residual_sd=Spread(history=rms([p - a for p, a in zip(loo, actual, strict=True)]),
                           rules=rms([p - a for p, a in zip(rules, every, strict=True)])),
        figures={
            "history": {"in_sample": figures(book, in_sample, actual), "leave_one_out": figures(book, loo, actual)},
            "baseline": {"in_sample": figures(book, baseline_in, actual),
                         "leave_one_out": figures(book, baseline_loo, actual)},
            "rules": {"in_sample": figures(book, rules, every)},
        },
    )


HEADER = """\
# What rules/lke-2021 learned from real evaluations (docs/prediction.md): the typical yearly change, the
# weight of the evidence change and the spread of past errors, fitted on the calibration set
# (benchmarks/calibration/, real LHE letters rebuilt by docs/calibration.md). Do not edit by hand:
# `python -m tools.calibration_set fit` recomputes this file from those workspaces.
# `figures` records how each way of predicting did on them, in-sample and leave-one-out.
"""


def calibration_text(calibration: Calibration) -> str:
    data = _plain(calibration.model_dump(exclude_none=True))
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def _plain(value: object) -> object:
    """Decimals as YAML numbers (0.25, not '0.25'), the way the rest of the rulebook writes them."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def write_calibration(paths: Sequence[Path], target: Path) -> Calibration:
    """Fit on the workspaces at `paths` (each with `actual`) and write the result to `target`."""
    spaces = [load_workspace(p) for p in paths]
    cases = [case_of(p.name, ws) for p, ws in zip(paths, spaces, strict=True)]
    calibration = calibration_of(spaces[0].rulebook, cases, "python -m tools.calibration_set fit")
    target.write_text(calibration_text(calibration), encoding="utf-8")
    return calibration
