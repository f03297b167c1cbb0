"""Findings weigh on the prediction (rules/lke-2021/criteria-map.yaml): error findings refute the
data-validity criteria they weaken, and the reasons name the findings; warnings cap the sub-component at
BB; workspaces without lkjip.yaml change nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sakip_eval.checks.findings import findings_behind
from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import RULES_ROOT, load_rulebook
from sakip_eval.rulebook.lint import lint
from sakip_eval.scoring.prediction import evaluate

from .golden import verdict
from .test_check_families import run, write_workspace

ROOT = Path(__file__).resolve().parent.parent
DATA_CRITERIA = ("1.b.3", "2.b.2", "2.b.3", "3.b.1")

INVENTORY = """
items:
  - {id: renstra, type: renstra, title: Renstra, period: 2021-2026, kept_since: 2016}
  - {id: data, type: data_dukung, title: Data dukung, year: 2024, kept_since: 2016}
  - {id: lkjip, type: lkjip, title: LKjIP 2024, year: 2024, kept_since: 2016}
"""
ASSESSMENT = """
criteria:
  1.b.3: {met: true, evidence: [renstra]}
  2.b.2: {met: true, evidence: [data]}
  2.b.3: {met: true, evidence: [data]}
  3.b.1: {met: true, evidence: [lkjip]}
"""


def score(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = run(["score", str(root), "--format", "json"], capsys)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def criteria(data: dict[str, object]) -> dict[str, dict[str, object]]:
    return {str(c["id"]): c for c in data["criteria"]}  # type: ignore[attr-defined]


def test_bundled_errors_refute_the_data_criteria_and_name_the_findings(capsys: pytest.CaptureFixture[str]) -> None:
    data = score(ROOT / "evidence/mojosari-2025", capsys)
    _, out, _ = run(["check", str(ROOT / "evidence/mojosari-2025"), "--format", "json"], capsys)
    errors = {f["id"]: f for f in json.loads(out)["findings"] if f["severity"] == "error"}
    by_id = criteria(data)
    for crit in DATA_CRITERIA:
        assert by_id[crit]["claimed"] == "true" and by_id[crit]["predicted"] == "false"
        (reason,) = by_id[crit]["reasons"]  # type: ignore[misc]
        assert reason["rule"] == f"data-lkjip-tidak-valid-{crit.replace('.', '')}"
        named = set(reason["findings"])
        assert named and named <= set(errors)
        assert named == {f for f, finding in errors.items() if crit in finding["criteria"]}
    assert data["findings"] == json.loads(out)["findings"]  # the prediction carries every finding `check` lists
    assert (data["total"], data["category"]) == verdict("mojosari-2025")


def test_workspace_without_lkjip_scores_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    data = score(ROOT / "evidence/mojosari-2024", capsys)
    assert data["findings"] == []
    assert (data["total"], data["category"]) == verdict("mojosari-2024")


def test_a_finding_refutes_only_the_criteria_it_weakens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A staff table that does not add up weakens 3.b.1 only (rules/lke-2021/checks/pegawai-tidak-sesuai/check.yaml).
    root = write_workspace(tmp_path / "w", """
headcounts:
  - id: h
    title: Tabel 1.1
    columns: [L, P]
    total: {label: PNS, values: ["36", "5"], total: "41"}
    groups: [{label: Agama, rows: [{label: Islam, values: ["32", "5"], total: "41"}]}]
""", assessment=ASSESSMENT, inventory=INVENTORY)
    by_id = criteria(score(root, capsys))
    assert by_id["3.b.1"]["predicted"] == "false"
    assert [r["findings"] for r in by_id["3.b.1"]["reasons"]] == [  # type: ignore[attr-defined]
        ["pegawai-tidak-sesuai/h/groups/0/L", "pegawai-tidak-sesuai/h/groups/0/rows/0"]]
    assert all(by_id[c]["predicted"] == "true" for c in ("1.b.3", "2.b.2", "2.b.3"))


def test_warnings_refute_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_workspace(tmp_path / "w", """
tables:
  - {id: t4, title: Tabel 3.4, comparison: nasional, rows: [{indicator: ikm, realisasi: "91,75", pembanding: "-"}]}
""", assessment=ASSESSMENT, inventory=INVENTORY)
    data = score(root, capsys)
    assert [f["check"] for f in data["findings"]] == ["pembanding-kosong"]  # type: ignore[attr-defined]
    assert all(criteria(data)[c]["predicted"] == "true" for c in DATA_CRITERIA)


def test_checklist_names_a_few_findings_and_points_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["score", str(ROOT / "evidence/mojosari-2025")], capsys)
    assert code == 0
    assert "temuan lain" in " ".join(out.split())


def test_the_chain_from_finding_to_refutation_runs_in_the_engine() -> None:
    """A refutation of 3.b.1 rests on the criteria map's weakened fact, which rests on the checks that flagged
    the LKjIP, each match of a check a finding: one engine run, each stage matching what the one before
    concluded."""
    evaluation = evaluate(load_workspace(ROOT / "evidence/mojosari-2025"))
    inference = evaluation.inference
    (derivation,) = inference.how("consequence:data-lkjip-tidak-valid-3b1:3.b.1")
    assert derivation.facts == ("claim:3.b.1", "weakened:3.b.1:error")
    flagged = {f for f in inference.behind("weakened:3.b.1:error") if f.startswith("flagged:")}
    errors = [f for f in evaluation.findings if f.severity == "error" and "3.b.1" in f.criteria]
    assert flagged == {f"flagged:{f.check}" for f in errors}
    assert findings_behind(inference, "weakened:3.b.1:error") == {f.id for f in errors}
    (refutation,) = [c for c in evaluation.consequences if c.rule_id == "data-lkjip-tidak-valid-3b1"]
    assert set(refutation.findings) == {f.id for f in errors}


def test_warnings_cap_the_subcomponent_at_bb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning leaves its criteria met but keeps their sub-component from A and AA (criteria-map.yaml)."""
    book = load_rulebook()
    items = [f"  - {{id: e{i}, type: {c.evidence.types[0]}, title: E, year: 2024, formalized: true, "
             f"kept_since: 2016, published: {{where: web}}}}" for i, c in enumerate(book.criteria_of("3.b"))]
    claims = [f"  {c.id}: {{met: true, evidence: [e{i}]}}" for i, c in enumerate(book.criteria_of("3.b"))]
    efforts = "subcomponents:\n  3.b: {efforts: {description: Inovasi, evidence: [e0]}}\n"
    comparison = """
tables:
  - {id: t4, title: Tabel 3.4, comparison: nasional, rows: [{indicator: ikm, realisasi: "91,75", pembanding: "%s"}]}
"""
    grades = {}
    for case, benchmark in (("clean", "80"), ("warned", "-")):
        root = write_workspace(tmp_path / case, comparison % benchmark, inventory="items:\n" + "\n".join(items) + "\n",
                               assessment="criteria:\n" + "\n".join(claims) + "\n" + efforts)
        data = score(root, capsys)
        sub = next(s for c in data["components"] for s in c["subcomponents"] if s["id"] == "3.b")  # type: ignore[attr-defined]
        grades[case] = (sub["met"] == sub["applicable"], sub["grade"], [c["rule"] for c in sub["caps"]])
    assert grades == {"clean": (True, "A", []), "warned": (True, "BB", ["data-lkjip-lemah-3b"])}


def test_lint_covers_check_files(tmp_path: Path) -> None:
    assert [p for p in lint(load_rulebook()) if p.severity != "info"] == []
    root = tmp_path / "rules"
    shutil.copytree(RULES_ROOT / "lke-2021", root / "lke-2021")
    bad = root / "lke-2021/checks/capaian-salah/check.yaml"
    text = bad.read_text(encoding="utf-8")
    text = text.replace("- capaian: {gap_units: {gt: 0}}", "- capaian: {selisih: {gt: 0}}")
    text = text.replace("memberi {expected}%", "memberi {seharusnya}%")
    bad.write_text(text, encoding="utf-8")
    codes = {(p.code, p.file.endswith("capaian-salah/check.yaml")) for p in lint(load_rulebook("lke-2021", root))}
    assert ("never-fires", True) in codes and ("unknown-placeholder", True) in codes
