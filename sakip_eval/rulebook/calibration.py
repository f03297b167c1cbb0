"""What the rulebook learned from real evaluations: `rules/<regime>/calibration.yaml`.

The typical yearly change, the weight of the evidence change and the spread of past errors are data with
provenance (the training workspaces they come from, the command that recomputes them), never constants
in code. A regime without the file predicts from its rules alone, with no range.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class EvidenceWeight(_Strict):
    """Share of the rules' verdict that moves the prediction away from the prior (0 = none, 1 = all)."""

    down: Decimal = Field(ge=0, le=1)
    up: Decimal = Field(ge=0, le=1)


class Spread(_Strict):
    """Standard deviation of the leave-one-out errors of the total, in points, per way of predicting."""

    history: Decimal = Field(gt=0)
    rules: Decimal = Field(gt=0)


class Figures(_Strict):
    """How one way of predicting did on the training cases (for the record; nothing reads it to predict)."""

    cases: int
    mean_abs_error: Decimal
    category_right: int
    spearman: Decimal | None = None
    # Standard deviation of the predicted totals: a model that predicts nearly the same total for every unit
    # (the rules alone once did) can have a fair mean error and still tell units apart poorly.
    spread: Decimal | None = None


class Calibration(_Strict):
    cases: list[str] = Field(min_length=1)
    computed_by: str
    typical_change: Decimal
    baseline_change: Decimal
    evidence_weight: EvidenceWeight
    interval: Decimal = Field(default=Decimal("0.8"), gt=0, lt=1)
    residual_sd: Spread
    # In-sample and leave-one-out figures at the time of fitting, by method: history, baseline, rules.
    figures: dict[str, dict[str, Figures]] = Field(default_factory=dict)
