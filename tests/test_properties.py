"""Invariants over generated workspaces: the total stays in 0..100, and adding or strengthening
evidence, or claiming a criterion with matching evidence, never lowers it."""

from __future__ import annotations

import copy
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.prediction import predict

from .builders import write_workspace

pytestmark = pytest.mark.slow  # 200 generated workspaces through the whole prediction

BOOK = load_rulebook()
TYPES = sorted(BOOK.evidence_types)
GRADES = [g.code for g in BOOK.regime.grades]
CRITERIA = sorted(BOOK.criteria)


@st.composite
def items(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 12))
    out = []
    for index in range(count):
        etype = draw(st.sampled_from(TYPES))
        attrs = {a: draw(st.booleans()) for a in sorted(BOOK.evidence_types[etype].attributes) if draw(st.booleans())}
        entry: dict[str, Any] = {
            "id": f"e{index}", "type": etype, "title": f"Dokumen {index}",
            "year": draw(st.integers(2015, 2025)),
            "formalized": draw(st.booleans()),
            "published": draw(st.sampled_from([False, {"where": "website"}])),
            "kept_since": draw(st.integers(2010, 2025)),
            "reviews": draw(st.sampled_from([[], [{"level": "APIP"}]])),
        }
        if attrs:
            entry["attributes"] = attrs
        if draw(st.booleans()):
            entry["data_year"] = draw(st.integers(2015, 2025))
        out.append(entry)
    return out


@st.composite
def workspaces(draw: st.DrawFn) -> dict[str, Any]:
    inventory = draw(items())
    ids = [i["id"] for i in inventory]
    claims = {}
    for crit in draw(st.lists(st.sampled_from(CRITERIA), max_size=40, unique=True)):
        claims[crit] = {
            "met": draw(st.sampled_from([True, False, "na"])),
            "evidence": draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)) if ids else [],
        }
    recs = [
        {"id": f"r{i}", "text": "rekomendasi", "status": draw(st.sampled_from(["belum", "proses", "selesai"])),
         "evidence": draw(st.lists(st.sampled_from(ids), max_size=1)) if ids else []}
        for i in range(draw(st.integers(0, 3)))
    ]
    kind = draw(st.sampled_from(["none", "totals", "full"]))
    history: dict[int, Any] | None = None
    if kind == "totals":
        history = {2023: draw(st.integers(40, 95)), 2024: draw(st.integers(40, 95))}
    elif kind == "full":
        history = {2024: draw(previous_lhe())}
    return {"items": inventory, "criteria": claims, "recommendations": recs, "history": history}


@st.composite
def previous_lhe(draw: st.DrawFn) -> dict[str, Any]:
    """A previous LHE in full: grades drawn per sub-component, components on the grade grid (so the prior
    resolves grid combinations with this year's evidence), some grades given, some component off the grid."""
    grades = {s.id: draw(st.sampled_from(GRADES)) for c in BOOK.regime.components for s in c.subcomponents}
    components = {}
    for comp in BOOK.regime.components:
        score = sum(s.weight * BOOK.grade(grades[s.id]).factor for s in comp.subcomponents)
        if draw(st.booleans()):  # off the grid, as a year scored by averaging criteria
            score = min(comp.weight, score + Decimal("0.137"))
        components[comp.id] = f"{score:.3f}".replace(".", ",")
    given = {sid: grade for sid, grade in grades.items() if draw(st.integers(0, 3)) == 0}
    total = sum(Decimal(v.replace(",", ".")) for v in components.values()) + draw(st.sampled_from(
        [Decimal(0), Decimal("-1.3")]))  # a slip between the stated total and its components
    return {"total": f"{max(total, Decimal(0)):.2f}".replace(".", ","), "components": components,
            "subcomponents": given}


def total(parts: dict[str, Any]) -> Decimal:
    with tempfile.TemporaryDirectory() as tmp:
        return predict(load_workspace(write_workspace(Path(tmp) / "ws", **parts))).total


STRONG = {"formalized": True, "published": {"where": "website"}, "kept_since": 2010,
          "reviews": [{"level": "APIP"}], "year": 2024}


def strong_item(item_id: str, etype: str) -> dict[str, Any]:
    attrs = {a: True for a in BOOK.evidence_types[etype].attributes}
    entry = {"id": item_id, "type": etype, "title": "Dokumen kuat", **STRONG}
    if attrs:
        entry["attributes"] = attrs
    return entry


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(workspaces())
def test_total_is_between_0_and_100(parts: dict[str, Any]) -> None:
    assert Decimal(0) <= total(parts) <= Decimal(100)


@SETTINGS
@given(workspaces(), st.sampled_from(TYPES))
def test_adding_a_strong_item_never_lowers_the_total(parts: dict[str, Any], etype: str) -> None:
    more = copy.deepcopy(parts)
    more["items"].append(strong_item("baru", etype))
    assert total(more) >= total(parts)


@SETTINGS
@given(workspaces(), st.data())
def test_strengthening_an_item_never_lowers_the_total(parts: dict[str, Any], data: st.DataObject) -> None:
    if not parts["items"]:
        return
    better = copy.deepcopy(parts)
    target = data.draw(st.sampled_from(better["items"]))
    change = data.draw(st.sampled_from(["formalized", "published", "reviews", "attributes"]))
    if change == "attributes":
        target["attributes"] = {a: True for a in BOOK.evidence_types[target["type"]].attributes} or None
        if target["attributes"] is None:
            del target["attributes"]
    else:
        target[change] = STRONG[change]
    assert total(better) >= total(parts)


@SETTINGS
@given(workspaces(), st.sampled_from(CRITERIA))
def test_claiming_with_matching_evidence_never_lowers_the_total(parts: dict[str, Any], crit: str) -> None:
    more = copy.deepcopy(parts)
    etype = BOOK.criteria[crit].evidence.types[0]
    more["items"].append(strong_item("bukti-baru", etype))
    before = total(more)
    more["criteria"][crit] = {"met": True, "evidence": ["bukti-baru"]}
    assert total(more) >= before


@SETTINGS
@given(workspaces())
def test_closing_followups_with_evidence_never_lowers_the_total(parts: dict[str, Any]) -> None:
    if not parts["recommendations"]:
        return
    closed = copy.deepcopy(parts)
    closed["items"].append(strong_item("tl", "tindak_lanjut"))
    before = total(closed)
    for rec in closed["recommendations"]:
        rec["status"] = "selesai"
        rec["evidence"] = ["tl"]
    assert total(closed) >= before
