"""Predicted vs actual (the real LHE in workspace.yaml), per component and sub-component."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from sakip_eval.model.workspace import Actual
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.scoring.prediction import Prediction


class CalibrationRow(BaseModel):
    model_config = ConfigDict(defer_build=True)

    item: str
    predicted: Decimal
    actual: Decimal | None
    error: Decimal | None


def calibrate(pred: Prediction, actual: Actual, book: Rulebook) -> list[CalibrationRow]:
    """Rows for the total, each component and each sub-component the LHE states; error = predicted - actual.
    A sub-component the LHE gives as a grade counts as weight x the grade's factor."""

    def row(item: str, predicted: Decimal, real: Decimal | None) -> CalibrationRow:
        return CalibrationRow(item=item, predicted=predicted, actual=real,
                              error=None if real is None else predicted - real)

    rows = [row("total", pred.total, actual.total)]
    for comp in pred.components:
        rows.append(row(comp.id, comp.score, actual.components.get(comp.id)))
        for sub in comp.subcomponents:
            real = actual.subcomponents.get(sub.id)
            if isinstance(real, str):
                real = sub.weight * book.grade(real).factor
            rows.append(row(sub.id, sub.score, real))
    return rows
