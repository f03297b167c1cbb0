"""Every verification rule fires on a minimal workspace that shows its condition, and stays quiet on
one that does not. A new rule file without a case here fails `test_every_rule_has_a_case`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.engine.facts import derive_facts
from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.prediction import engine_for, predict

from .builders import item

BOOK = load_rulebook()


def fired(path: Path, findings: list[dict[str, Any]] | None = None) -> set[str]:
    ws = load_workspace(path)
    return {f.rule_id for f in engine_for(ws.rulebook).run(derive_facts(ws, findings))}


def finding(ref: str, severity: str, criteria: list[str]) -> dict[str, Any]:
    """An LKjIP consistency finding as the checks produce it (see sakip_eval/findings.py)."""
    return {"id": f"finding:{ref}", "kind": "finding", "ref": ref, "check": "capaian-salah", "severity": severity,
            "criteria": criteria}


def _claims(ids: list[str], evidence: list[str]) -> dict[str, Any]:
    return {c: {"met": True, "evidence": evidence} for c in ids}


SUB_2A = ["2.a.1", "2.a.2", "2.a.3"]
PEDOMAN = [item("pedoman", "pedoman_pengukuran", year=2016)]

# rule id -> (workspace parts where it must fire, workspace parts where it must not)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "keberadaan-a": (
        {"items": [item("p", "pedoman_pengukuran", year=2016, kept_since=2023)], "criteria": _claims(SUB_2A, ["p"])},
        {"items": [item("p", "pedoman_pengukuran", year=2016, kept_since=2025)], "criteria": _claims(SUB_2A, ["p"])},
    ),
    "keberadaan-aa": (
        {"items": [item("p", "pedoman_pengukuran", year=2016, kept_since=2015)], "criteria": _claims(SUB_2A, ["p"])},
        {"items": [item("p", "pedoman_pengukuran", year=2016, kept_since=2022)], "criteria": _claims(SUB_2A, ["p"])},
    ),
    "upaya-a": (
        {"items": [item("x", "inovasi")], "subcomponents": {"1.b": {"efforts": {"description": "d",
                                                                                 "evidence": ["x"]}}}},
        {"items": [item("x", "inovasi")], "subcomponents": {"1.b": {"efforts": {"description": "d"}}}},
    ),
    "inovasi-aa": (
        {"items": [item("x", "inovasi")], "subcomponents": {"3.c": {
            "efforts": {"description": "d", "evidence": ["x"]},
            "innovation": {"description": "i", "evidence": ["x"]}}}},
        {"items": [item("x", "inovasi")], "subcomponents": {"3.c": {
            "innovation": {"description": "i", "evidence": ["x"]}}}},
    ),
    "kak-belum-formal": (
        {"items": [item("kak", "kak", formalized=False)]},
        {"items": [item("kak", "kak")]},
    ),
    "kak-tidak-selaras-renja": (
        {"items": [item("kak", "kak", attributes={"selaras_renja": False})]},
        {"items": [item("kak", "kak", attributes={"selaras_renja": True})]},
    ),
    "renja-data-tidak-valid": (
        {"items": [item("renja", "renja", attributes={"data_valid": False})]},
        {"items": [item("renja", "renja", year=2020, attributes={"data_valid": False})]},
    ),
    "renja-data-usang": (
        {"items": [item("renja", "renja", data_year=2021)]},
        {"items": [item("renja", "renja", data_year=2022)]},
    ),
    "rencana-aksi-tanpa-catatan": (
        {"items": [item("ra", "pemantauan_rencana_aksi", attributes={"catatan_perbaikan": False})]},
        {"items": [item("ra", "pemantauan_rencana_aksi", attributes={"catatan_perbaikan": True})]},
    ),
    "rekomendasi-pimpinan-tanpa-bukti": (
        {"items": [item("lap", "laporan_berkala",
                        attributes={"rekomendasi_pimpinan": True, "bukti_rekomendasi": False})]},
        {"items": [item("lap", "laporan_berkala",
                        attributes={"rekomendasi_pimpinan": True, "bukti_rekomendasi": True})]},
    ),
    "lkjip-reviu-tanpa-jejak": (
        {"items": [item("rv", "reviu_lkjip")], "criteria": _claims(["3.a.4"], ["rv"])},
        {"items": [item("rv", "reviu_lkjip", reviews=[{"level": "APIP", "by": "Inspektorat"}])],
         "criteria": _claims(["3.a.4"], ["rv"])},
    ),
    "sakip-turun": (
        {"items": [item("lhe", "lhe")], "criteria": _claims(["4.c.2"], ["lhe"]), "history": {2023: 80, 2024: 78}},
        {"items": [item("lhe", "lhe")], "criteria": _claims(["4.c.2"], ["lhe"]), "history": {2023: 78, 2024: 80}},
    ),
    "tindak-lanjut-belum-selesai": (
        {"items": [item("tl", "tindak_lanjut")], "criteria": _claims(["4.c.1"], ["tl"]),
         "recommendations": [{"id": "a", "text": "t", "status": "proses"}]},
        {"items": [item("tl", "tindak_lanjut")], "criteria": _claims(["4.c.1"], ["tl"]),
         "recommendations": [{"id": "a", "text": "t", "status": "selesai", "evidence": ["tl"]}]},
    ),
    "tindak-lanjut-tanpa-bukti": (
        {"items": [item("tl", "tindak_lanjut")], "criteria": _claims(["4.c.1"], ["tl"]),
         "recommendations": [{"id": "a", "text": "t", "status": "selesai"}]},
        {"items": [item("tl", "tindak_lanjut")], "criteria": _claims(["4.c.1"], ["tl"]),
         "recommendations": [{"id": "a", "text": "t", "status": "selesai", "evidence": ["tl"]}]},
    ),
    "peningkatan-tanpa-tindak-lanjut": (
        {"items": [item("tl", "tindak_lanjut")], "criteria": _claims(["4.c.2"], ["tl"]),
         "recommendations": [{"id": "a", "text": "t"}, {"id": "b", "text": "u", "status": "selesai"}]},
        {"items": [item("tl", "tindak_lanjut")], "criteria": _claims(["4.c.2"], ["tl"]),
         "recommendations": [{"id": "a", "text": "t"}, {"id": "b", "text": "u", "status": "proses",
                                                         "evidence": ["tl"]}]},
    ),
    "formalisasi-dokumen": (
        {"items": [item("lk", "lkjip", formalized=False)], "criteria": _claims(["3.a.3"], ["lk"])},
        {"items": [item("renja", "renja")], "criteria": _claims(["1.b.1"], ["renja"])},
    ),
    "evaluasi-internal-sebagian": (
        {"items": [item("ev", "evaluasi_internal", attributes={"seluruh_unit": False})],
         "criteria": _claims(["4.b.4"], ["ev"])},
        {"items": [item("ev", "evaluasi_internal", attributes={"seluruh_unit": True})],
         "criteria": _claims(["4.b.4"], ["ev"])},
    ),
    "skp-belum-seluruh-pegawai": (
        {"items": [item("skp", "skp", attributes={"seluruh_pegawai": False})], "criteria": _claims(["1.c.8"], ["skp"])},
        {"items": [item("skp", "skp", attributes={"seluruh_pegawai": True})], "criteria": _claims(["1.c.8"], ["skp"])},
    ),
    "publikasi-belum": (
        {"items": [item("lk", "lkjip")], "criteria": _claims(["3.a.5"], ["lk"])},
        {"items": [item("lk", "lkjip", published={"where": "website"})], "criteria": _claims(["3.a.5"], ["lk"])},
    ),
    "reviu-tanpa-jejak": (
        {"items": [item("lk", "lkjip")], "criteria": _claims(["3.a.4"], ["lk"])},
        {"items": [item("rv", "reviu_lkjip")], "criteria": _claims(["3.a.4"], ["rv"])},
    ),
    "bukti-bukan-tahun-ini": (
        {"items": [item("renja", "renja", year=2019)], "criteria": _claims(["1.a.4"], ["renja"])},
        {"items": [item("renja", "renja")], "criteria": _claims(["1.a.4"], ["renja"])},
    ),
    **{
        f"data-lkjip-tidak-valid-{crit.replace('.', '')}": (
            {"items": [item("x", etype)], "criteria": _claims([crit], ["x"]),
             "_findings": [finding("F1", "error", [crit])]},
            {"items": [item("x", etype)], "criteria": _claims([crit], ["x"]),
             "_findings": [finding("F1", "warning", [crit]), finding("F2", "error", ["4.c.1"])]},
        )
        for crit, etype in (("1.b.3", "renstra"), ("2.b.2", "data_dukung"), ("2.b.3", "data_dukung"),
                            ("3.b.1", "lkjip"))
    },
    "skp-seluruh-pegawai": (
        {"items": [item("skp", "skp", attributes={"seluruh_pegawai": True})]},
        {"items": [item("skp", "skp", attributes={"seluruh_pegawai": False})]},
    ),
}


def test_every_rule_has_a_case() -> None:
    written = {s.rule.id for s in BOOK.rules if not s.generated}
    assert written == set(CASES), "add a firing and a quiet case for each rule file"


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_and_stays_quiet(rule_id: str, ws_factory: Callable[..., Path]) -> None:
    fires, quiet = (dict(parts) for parts in CASES[rule_id])
    fires_findings, quiet_findings = fires.pop("_findings", None), quiet.pop("_findings", None)
    assert rule_id in fired(ws_factory(**fires), fires_findings)
    assert rule_id not in fired(ws_factory(**quiet), quiet_findings)


@pytest.mark.parametrize("criterion", sorted(BOOK.criteria))
def test_generated_evidence_rule(criterion: str, ws_factory: Callable[..., Path]) -> None:
    """A claim of `met` must cite evidence of an expected type (one generated rule per criterion)."""
    expected = BOOK.criteria[criterion].evidence.types[0]
    level = {"level": "opd" if "opd" in BOOK.criteria[criterion].applies_to else "pemda"}
    claims = _claims([criterion], ["x"])
    with_none = ws_factory(items=[item("x", "lainnya")], criteria=claims, meta=level)
    with_right = ws_factory(items=[item("x", expected)], criteria=claims, meta=level)
    assert f"bukti-{criterion}" in fired(with_none)
    assert f"bukti-{criterion}" not in fired(with_right)


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
