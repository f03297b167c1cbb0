"""What a rule's firing shows in the prediction: the reason names the rule and its evidence, a cap shows
on its sub-component. (Whether each rule fires at all is proven by its fixtures: test_rulebook_fixtures.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sakip_eval.io.workspace import load_workspace
from sakip_eval.scoring.prediction import predict

from .builders import item


def _claims(ids: list[str], evidence: list[str]) -> dict[str, Any]:
    return {c: {"met": True, "evidence": evidence} for c in ids}


def test_refutation_reason_names_rule_and_evidence(ws_factory: Callable[..., Path]) -> None:
    path = ws_factory(items=[item("renja", "renja", formalized=False)], criteria=_claims(["1.b.1"], ["renja"]))
    pred = predict(load_workspace(path))
    row = next(c for c in pred.criteria if c.id == "1.b.1")
    assert row.predicted == "false"
    reason = next(r for r in row.reasons if r.rule == "formalisasi-dokumen")
    assert reason.evidence == ["renja"]
    assert "renja" in reason.text.id


def test_cap_shows_on_the_subcomponent(ws_factory: Callable[..., Path]) -> None:
    path = ws_factory(items=[item("kak", "kak", formalized=False)])
    pred = predict(load_workspace(path))
    sub = next(s for c in pred.components for s in c.subcomponents if s.id == "1.b")
    assert [c.rule for c in sub.caps] == ["kak-belum-formal"]
    assert sub.caps[0].grade == "BB"
