"""The engine's conclusions and the grade arithmetic agree: a criterion the engine's verdicts overturn is
exactly one the arithmetic scores differently from its claim, and the candidates the engine proposes are
those the prediction ranks and the plan tries, on the bundled workspaces and on every fixture case."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.rulebook.fixtures import discover, write
from sakip_eval.scoring.grades import predict_answers
from sakip_eval.scoring.plan import candidates
from sakip_eval.scoring.prediction import evaluate, predict

from .conftest import EVIDENCE

BOOK = load_rulebook()
CASES = [c for c in discover(BOOK) if c.files is not None]


def _agree(path: Path) -> None:
    ws = load_workspace(path)
    evaluation = evaluate(ws)
    answers = evaluation.answers
    predicted = predict_answers(BOOK, answers, evaluation.consequences)
    as_claimed = {c: "true" if answers.claimed[c] == "true" else "false" for c in predicted}
    overturned = {c for c, p in predicted.items() if answers.applicable[c] and p != as_claimed[c]}
    verdicts = {str(f["criterion"]): str(f["status"]) for f in evaluation.inference.concluded("verdict")}
    assert all((status == "proved") == (predicted[c] == "true") for c, status in verdicts.items())
    assert {c for c in verdicts if predicted[c] != as_claimed[c]} == overturned
    proposed = {(str(f["type"]), str(f["ref"])) for f in evaluation.inference.concluded("candidate")}
    ranked = {(r.kind, r.id.removeprefix("followup:")) for r in predict(ws).recommendations}
    planned = {(c.rec.kind, c.rec.id) for c in candidates(BOOK, evaluation)}
    assert planned <= proposed and ranked <= proposed  # upgrades: only those worth points are ranked


@pytest.mark.parametrize("name", ["mojosari-2024", "mojosari-2025"])
def test_bundled_workspaces(name: str) -> None:
    _agree(EVIDENCE / name)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[f"{c.subject}:{c.outcome}:{c.name}" for c in CASES])
def test_fixture_workspaces(case: object, tmp_path: Path) -> None:
    _agree(write(case, tmp_path / "ws"))  # type: ignore[arg-type]
