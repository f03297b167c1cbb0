"""`plan`: the shortest list of recommendations to a target, with running totals, or an honest "out of reach"."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.estimate import Estimator
from sakip_eval.scoring.grades import category_of
from sakip_eval.scoring.plan import make_plan, parse_target
from sakip_eval.scoring.prediction import evaluate, score_of

from .golden import decimal_id, verdict
from .report_support import ROOT, WS_2025, flat, run_cli


def _plan_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = run_cli(["plan", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_plan_to_aa_for_mojosari_2025(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = _plan_json(capsys, str(WS_2025), "--target", "AA")
    assert code == 0
    assert data["reachable"] is True and data["current_total"] == verdict("mojosari-2025")[0]
    assert data["predicted_total"] > 90 and data["predicted_category"] == "AA"
    totals = [step["total"] for step in data["steps"]]
    assert totals == sorted(totals) and totals[-1] == data["predicted_total"]
    assert all(step["points"] > 0 for step in data["steps"])
    assert round(data["current_total"] + sum(s["points"] for s in data["steps"]), 2) == data["predicted_total"]
    assert [s["reaches"] for s in data["steps"]][-1] == "AA"


def test_plan_table_says_how_many_steps(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["plan", str(WS_2025), "--target", "AA"]) == 0
    output = capsys.readouterr().out
    assert "Target AA tercapai dengan" in output and f"{decimal_id(verdict('mojosari-2025')[0])} →" in output


def test_plan_score_target_and_already_reached(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = _plan_json(capsys, str(WS_2025), "--target", "85,5")
    assert code == 0 and data["predicted_total"] >= 85.5 and data["target"] == "85.5"
    code, data = _plan_json(capsys, str(WS_2025), "--target", "bb")
    assert code == 0 and data["steps"] == [] and data["reachable"]
    assert run_cli(["plan", str(WS_2025), "--target", "BB", "--lang", "en"]) == 0
    assert "already reached" in capsys.readouterr().out


@pytest.mark.parametrize("target", ["ZZ", "101", "-5", "banyak"])
def test_bad_target(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["plan", str(WS_2025), "--target", target]) == 2
    message = flat(capsys.readouterr().err)
    assert f"target `{target}` tidak sah" in message and "--target AA" in message


@pytest.fixture(scope="module")
def no_upgrades_rulebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """lke-2021 without the AA upgrade rules: no sub-component can rise above A."""
    root = tmp_path_factory.mktemp("rules")
    shutil.copytree(ROOT / "rules" / "lke-2021", root / "lke-2021")
    for name in ("inovasi-aa", "keberadaan-aa"):
        shutil.rmtree(root / "lke-2021" / "rules" / name)
    return root


def test_out_of_reach_says_why(no_upgrades_rulebook: Path) -> None:
    ws = load_workspace(WS_2025)
    ws.rulebook = load_rulebook("lke-2021", no_upgrades_rulebook)
    plan = make_plan(ws.rulebook, evaluate(ws), parse_target(ws.rulebook, "AA"))
    assert plan.reachable is False
    assert plan.max_total == Decimal("90.0") and plan.predicted_total == plan.max_total
    assert category_of(ws.rulebook, plan.max_total).code == "A"  # 90.00 is A: AA needs more than 90
    assert {limit.subcomponent for limit in plan.limits} == set(ws.rulebook.subcomponent_ids())
    assert all(limit.grade == "A" for limit in plan.limits)
    assert plan.steps and plan.steps[-1].total == plan.max_total


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.decimals(min_value=0, max_value=100, places=2))
def test_any_score_target_is_reached_and_every_step_is_needed(target: Decimal) -> None:
    ws = load_workspace(WS_2025)
    evaluation = evaluate(ws)
    plan = make_plan(ws.rulebook, evaluation, parse_target(ws.rulebook, str(target)))
    assert plan.reachable  # lke-2021 can reach 100 from any workspace
    assert plan.predicted_total >= target
    totals = [plan.start_total] + [step.total for step in plan.steps]
    assert totals == sorted(totals)
    if plan.steps:
        assert totals[-2] < target  # without the last step the target is not reached


def test_out_of_reach_on_the_command_line(no_upgrades_rulebook: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    trimmed = load_rulebook("lke-2021", no_upgrades_rulebook)
    monkeypatch.setattr("sakip_eval.io.workspace.load_rulebook", lambda regime: trimmed)
    ws = load_workspace(WS_2025)
    evaluation = evaluate(ws)
    best = make_plan(trimmed, evaluation, parse_target(trimmed, "AA"),
                     Estimator(ws, score_of(trimmed, evaluation), evaluation.consequences).total_of).max_total
    assert best < 90  # from the previous LHE, the rules' A everywhere counts only by the evidence weight
    assert run_cli(["plan", str(WS_2025), "--target", "AA"]) == 1
    output = flat(capsys.readouterr().out)
    assert "Target AA di luar jangkauan karena walaupun semua rekomendasi dilaksanakan nilai tertinggi yang " \
           f"dapat dicapai {decimal_id(float(best))} (A)" in output
    assert "1.a tertahan di A (5,40 dari 6,00)" in output and "Langkah menuju nilai tertinggi itu" in output
    assert run_cli(["plan", str(WS_2025), "--target", "AA", "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["reachable"] is False and data["max_total"] == float(best) and len(data["limits"]) == 12
