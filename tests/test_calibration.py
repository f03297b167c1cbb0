"""The calibration set and `calibrate`: the protocol turns every kind of finding into a workspace fact that
a rule names; the generated workspaces and calibration.yaml are what the generator and the fit produce now;
`calibrate DIR...` reports cases, a summary and the baseline, in-sample, leave-one-out and without history."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.fit import calibration_of, calibration_text, case_of
from sakip_eval.scoring.prediction import Prediction, predict
from tools.calibration_set import PROTOCOL, SET_DIR, build_case, case_dirs, stale

from .conftest import ROOT, Result

KINDS: dict[str, Any] = yaml.safe_load((PROTOCOL / "findings.yaml").read_text(encoding="utf-8"))["kinds"]
EXPRESSIBLE = sorted(code for code, kind in KINDS.items() if kind["rule"])


def _court(tmp_path: Path, findings: list[Any], name: str = "ws") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    case = {"unit": "Pengadilan Agama Contoh", "profile": "pengadilan-agama", "evaluation_year": 2025,
            "source": "LHE contoh", "previous": {"total": "85,00"}, "actual": {"total": "86,00"},
            "findings": findings}
    (folder / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    for file, text in build_case(folder, load_rulebook()).items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def _named(pred: Prediction) -> set[str]:
    """Every rule the prediction shows: refutations, caps, notes and recommendations."""
    rules = {r.rule for c in pred.criteria for r in c.reasons}
    rules |= {r.rule for comp in pred.components for s in comp.subcomponents for r in s.caps}
    rules |= {r.rule for r in pred.notes}
    rules |= {rule for rec in pred.recommendations for rule in rec.rules}
    return rules


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return _named(predict(load_workspace(_court(tmp_path_factory.mktemp("clean"), []))))


@pytest.mark.parametrize("code", EXPRESSIBLE)
def test_every_kind_of_finding_is_named_by_its_rule(code: str, tmp_path: Path, clean: set[str]) -> None:
    """A letter's finding, rebuilt by the protocol, shows in `score` as the rule the catalogue names; the
    usual documents of the profile alone do not."""
    finding: Any = {"code": code, "criterion": "4.c.5"} if code == "kriteria-tanpa-bukti" else code
    rule = str(KINDS[code]["rule"]).replace("{criterion}", "4.c.5")
    assert rule not in clean
    assert rule in _named(predict(load_workspace(_court(tmp_path, [finding])))), code


def test_training_findings_are_all_named() -> None:
    """Every finding of every training letter shows in its case's prediction as the catalogue's rule."""
    for folder in case_dirs():
        case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
        if not case.get("findings"):
            continue
        named = _named(predict(load_workspace(folder)))
        for entry in case["findings"]:
            code = entry["code"] if isinstance(entry, dict) else entry
            rule = KINDS[code]["rule"]
            if rule:
                criterion = entry.get("criterion", "") if isinstance(entry, dict) else ""
                assert rule.replace("{criterion}", criterion) in named, (folder.name, code)


def test_the_catalogue_is_documented() -> None:
    text = (ROOT / "docs" / "calibration.md").read_text(encoding="utf-8")
    for code in KINDS:
        assert f"`{code}`" in text, code


def test_every_case_uses_known_kinds() -> None:
    for folder in case_dirs():
        case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
        for entry in case.get("findings") or []:
            assert (entry["code"] if isinstance(entry, dict) else entry) in KINDS, folder.name


def test_generated_workspaces_are_up_to_date() -> None:
    """`python -m tools.calibration_set build` would write nothing new."""
    assert stale() == []


def test_calibration_yaml_is_what_the_fit_gives() -> None:
    """rules/lke-2021/calibration.yaml is recomputed from the calibration set by
    `python -m tools.calibration_set fit`: same numbers, same provenance."""
    folders = case_dirs()
    spaces = [load_workspace(p) for p in folders]
    cases = [case_of(p.name, ws) for p, ws in zip(folders, spaces, strict=True)]
    fitted = calibration_of(spaces[0].rulebook, cases, "python -m tools.calibration_set fit")
    assert calibration_text(fitted) == (ROOT / "rules" / "lke-2021" / "calibration.yaml").read_text(encoding="utf-8")
    assert fitted.cases == [p.name for p in folders]


def test_calibrate_reports_cases_summary_and_baseline(run: Callable[..., Result]) -> None:
    data = run("calibrate", SET_DIR, "--format", "json").json()
    assert [c["case"] for c in data["cases"]] == [p.name for p in case_dirs()]
    for case in data["cases"]:
        assert round(case["predicted"] - case["actual"], 2) == case["error"]
        assert case["method"] == "history" and case["previous"] is not None and case["baseline"] is not None
    summary = data["summary"]
    assert summary["prediction"]["cases"] == summary["baseline"]["cases"] == len(data["cases"])
    right = sum(c["category_right"] for c in data["cases"])
    assert summary["prediction"]["category_right"] == right
    mean = sum(abs(c["error"]) for c in data["cases"]) / len(data["cases"])
    assert abs(summary["prediction"]["mean_abs_error"] - mean) < 0.01
    # the figures calibration.yaml records are the ones calibrate prints
    figures = load_rulebook().calibration.figures  # type: ignore[union-attr]
    assert summary["prediction"]["mean_abs_error"] == float(figures["history"]["in_sample"].mean_abs_error)
    assert summary["baseline"]["mean_abs_error"] == float(figures["baseline"]["in_sample"].mean_abs_error)


def test_leave_one_out_and_without_history(run: Callable[..., Result]) -> None:
    loo = run("calibrate", SET_DIR, "--format", "json", "--leave-one-out").json()
    figures = load_rulebook().calibration.figures  # type: ignore[union-attr]
    assert loo["leave_one_out"] is True
    assert loo["summary"]["prediction"]["mean_abs_error"] == float(figures["history"]["leave_one_out"].mean_abs_error)
    bare = run("calibrate", SET_DIR, "--format", "json", "--without-history").json()
    assert {c["method"] for c in bare["cases"]} == {"rules"} and bare["summary"]["baseline"] is None
    assert bare["summary"]["prediction"]["mean_abs_error"] == float(figures["rules"]["in_sample"].mean_abs_error)
    # the spread is the standard deviation of the predicted totals, beside that of the real results
    predicted = [c["predicted"] for c in bare["cases"]]
    mean = sum(predicted) / len(predicted)
    sd = (sum((p - mean) ** 2 for p in predicted) / len(predicted)) ** 0.5
    assert bare["summary"]["prediction"]["spread"] == round(sd, 2) == float(figures["rules"]["in_sample"].spread)
    assert bare["summary"]["actual"]["spread"] > 0


def test_without_history_is_the_same_as_copies_without_history(run: Callable[..., Result], tmp_path: Path) -> None:
    """`--without-history` predicts what the same workspaces predict with their `history` deleted."""
    for name in ("pa-binjai-2024", "pa-medan-2024"):
        shutil.copytree(SET_DIR / name, tmp_path / name)
        path = tmp_path / name / "workspace.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        del data["history"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    copies = run("calibrate", tmp_path, "--format", "json").json()
    bare = run("calibrate", SET_DIR / "pa-binjai-2024", SET_DIR / "pa-medan-2024", "--format", "json",
               "--without-history").json()
    assert [c["predicted"] for c in copies["cases"]] == [c["predicted"] for c in bare["cases"]]


def test_calibrate_table_in_both_languages(run: Callable[..., Result]) -> None:
    indonesian = run("calibrate", SET_DIR, "--leave-one-out")
    assert indonesian.code == 0
    assert "leave-one-out" in indonesian.out and "Rata-rata |selisih|" in indonesian.out
    english = run("calibrate", SET_DIR / "pa-binjai-2024", "--lang", "en")
    assert english.code == 0 and "Mean |error|" in english.out and "1.a" in english.out  # one case: item rows too


def test_calibrate_refuses_what_it_cannot_compare(run: Callable[..., Result], tmp_path: Path) -> None:
    empty = run("calibrate", tmp_path)
    assert empty.code == 2 and "tidak ada workspace" in empty.err
    two = tmp_path / "dua"
    two.mkdir()
    for name in ("pa-binjai-2024", "pa-medan-2024"):
        shutil.copytree(SET_DIR / name, two / name)
    few = run("calibrate", two, "--leave-one-out")
    assert few.code == 2 and "paling sedikit 3" in few.err
    missing = run("calibrate", ROOT / "evidence" / "mojosari-2025")
    assert missing.code == 2 and "actual" in missing.err


def test_binjai_subcomponent_grades_predicted_beside_the_lke(run: Callable[..., Result]) -> None:
    """The one court whose evaluator grades are known: the JSON holds predicted and actual scores per
    sub-component, the actual given as grades."""
    data = run("calibrate", SET_DIR / "pa-binjai-2024", "--format", "json").json()
    rows = {r["item"]: r for r in data["cases"][0]["rows"]}
    assert rows["3.c"]["actual"] == 7.5 and rows["1.a"]["actual"] == 5.4  # AA of 7,5; A of 6
    assert all(rows[s]["predicted"] is not None for s in ("1.a", "2.b", "4.c"))
    json.dumps(data)
