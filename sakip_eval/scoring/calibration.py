"""Predictions against real LHE results (`actual` in workspace.yaml): item by item for one workspace,
case by case with a summary for many, beside the baseline "previous total + typical yearly change".

Leave-one-out predicts each case with calibration parameters fitted on the other cases, which is what
a new letter meets; in-sample figures on a dozen cases flatter. `without_history` predicts as if the
workspaces had no history (the rules alone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from sakip_eval.errors import InputError
from sakip_eval.io.workspace import Workspace, load_workspace
from sakip_eval.model.workspace import LheResult
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.rulebook.calibration import Figures
from sakip_eval.scoring.fit import (
    Case,
    Params,
    baseline_case,
    case_of,
    figures,
    fit,
    leave_one_out,
    predict_case,
    spread,
)
from sakip_eval.scoring.grades import category_of
from sakip_eval.scoring.prediction import Prediction, predict


class CalibrationRow(BaseModel):
    model_config = ConfigDict(defer_build=True)

    item: str
    predicted: Decimal
    actual: Decimal | None
    error: Decimal | None


def calibrate(pred: Prediction, actual: LheResult, book: Rulebook) -> list[CalibrationRow]:
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


@dataclass(frozen=True)
class CaseResult:
    name: str
    path: Path
    previous: Decimal | None
    predicted: Decimal
    actual: Decimal
    baseline: Decimal | None
    category: str
    actual_category: str
    method: str
    rows: list[CalibrationRow]

    @property
    def error(self) -> Decimal:
        return self.predicted - self.actual

    @property
    def category_right(self) -> bool:
        return self.category == self.actual_category


@dataclass(frozen=True)
class CalibrationReport:
    cases: list[CaseResult]
    prediction: Figures
    baseline: Figures | None
    actual_spread: Decimal | None
    leave_one_out: bool
    without_history: bool


def discover(paths: Sequence[Path]) -> list[Path]:
    """Each path is a workspace, or a folder whose sub-folders holding a workspace.yaml are taken."""
    found: list[Path] = []
    for path in paths:
        if (path / "workspace.yaml").is_file() or not path.is_dir():
            found.append(path)
        else:
            found.extend(sorted(p for p in path.iterdir() if (p / "workspace.yaml").is_file()))
    return found


def _load(path: Path, without_history: bool) -> Workspace:
    ws = load_workspace(path)
    if ws.meta.actual is None:
        raise InputError("calibrate.no_actual", file=str(path / "workspace.yaml"), field="actual")
    return ws.without_history() if without_history else ws


def calibrate_many(paths: Sequence[Path], leave_one_out_: bool = False,
                   without_history: bool = False) -> CalibrationReport:
    folders = discover(paths)
    if not folders:
        raise InputError("calibrate.no_workspaces", file=", ".join(str(p) for p in paths))
    spaces = [_load(p, without_history) for p in folders]
    book = spaces[0].rulebook
    cases = [case_of(p.name, ws) for p, ws in zip(folders, spaces, strict=True)]
    if leave_one_out_:
        if sum(c.previous is not None for c in cases) < 3:
            raise InputError("calibrate.too_few", file=", ".join(str(p) for p in paths))
        folds: list[Params] | None = leave_one_out(cases)
    else:
        folds = None
    results: list[CaseResult] = []
    for index, (path, ws, case) in enumerate(zip(folders, spaces, cases, strict=True)):
        assert ws.meta.actual is not None
        pred = predict(ws)
        params = folds[index] if folds is not None else _params(ws.rulebook, cases)
        total = predict_case(folds[index], case) if folds is not None else pred.total
        results.append(CaseResult(
            name=path.name, path=path, previous=case.previous, predicted=total, actual=case.actual,
            baseline=baseline_case(params, case) if params else None,
            category=category_of(book, total).code if folds is not None else pred.category,
            actual_category=category_of(book, case.actual).code, method=pred.basis.method,
            rows=calibrate(pred, ws.meta.actual, ws.rulebook),
        ))
    with_baseline = [r for r in results if r.baseline is not None]
    return CalibrationReport(
        cases=results,
        prediction=figures(book, [r.predicted for r in results], [r.actual for r in results]),
        baseline=figures(book, [r.baseline for r in with_baseline if r.baseline is not None],
                         [r.actual for r in with_baseline]) if with_baseline else None,
        actual_spread=spread([r.actual for r in results]),
        leave_one_out=leave_one_out_, without_history=without_history,
    )


def _params(book: Rulebook, cases: list[Case]) -> Params | None:
    """The rulebook's own calibration as parameters (for the baseline in-sample); None without one."""
    cal = book.calibration
    if cal is None:
        return fit(cases) if any(c.previous is not None for c in cases) else None
    return Params(cal.typical_change, cal.evidence_weight.down, cal.evidence_weight.up, cal.baseline_change)
