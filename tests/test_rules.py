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


def test_a_related_document_no_longer_stands_in_for_the_one_asked_for(ws_factory: Callable[..., Path]) -> None:
    """The five gaps real letters showed (issue 9): an application for the data-collection SOP (2.a.3), the
    unit's PK for the PK per level (1.b.8, 1.b.10), SKP for reward/punishment records (2.c.1), the LHE for
    its follow-up (4.c.1), periodic reports for the leadership's decisions (2.b.1)."""
    stand_ins = {"2.a.3": "aplikasi", "1.b.8": "pk", "1.b.10": "pk", "2.c.1": "skp", "4.c.1": "lhe",
                 "2.b.1": "laporan_berkala"}
    items = [item(f"x-{t}", t) for t in sorted(set(stand_ins.values()))]
    claims = {c: {"met": True, "evidence": [f"x-{t}"]} for c, t in stand_ins.items()}
    pred = predict(load_workspace(ws_factory(items=items, criteria=claims)))
    predicted = {c.id: c.predicted for c in pred.criteria}
    assert {c: predicted[c] for c in stand_ins} == dict.fromkeys(stand_ins, "false")
