"""The prediction from the previous evaluation: the prior per sub-component (given grades, the grade grid
resolved by this year's evidence, off-grid scores, a bare total), the year's change (typical change and
evidence change, down and up), and the range and category probabilities around it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from sakip_eval.io.workspace import load_workspace
from sakip_eval.render.outlook import basis_line, chances_line
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.rulebook.calibration import Calibration
from sakip_eval.scoring.estimate import Estimator
from sakip_eval.scoring.grades import CENT, lift
from sakip_eval.scoring.prediction import evaluate, predict, score_of
from sakip_eval.scoring.prior import prior_of
from sakip_eval.scoring.uncertainty import category_probabilities, interval
from tools.calibration_set import build_case

from .builders import item

ALL_A = {"1.a": "A", "1.b": "A", "1.c": "A", "2.a": "A", "2.b": "A", "2.c": "A",
         "3.a": "A", "3.b": "A", "3.c": "A", "4.a": "A", "4.b": "A", "4.c": "A"}
PREVIOUS_A = {"total": "90,00", "components": {"1": "27,00", "2": "27,00", "3": "13,50", "4": "22,50"},
              "subcomponents": ALL_A}


def _ws(ws_factory: Callable[..., Path], history: dict[int, Any] | None, **parts: Any) -> Any:
    return load_workspace(ws_factory(history=history, **parts))


def court(tmp_path: Path, previous: dict[str, Any], findings: tuple[Any, ...] = (), name: str = "ws") -> Path:
    """A court rebuilt by the calibration protocol (every criterion claimed with the usual documents),
    with the given previous LHE and letter findings."""
    folder = tmp_path / name
    folder.mkdir()
    case = {"unit": "Pengadilan Agama Contoh", "profile": "pengadilan-agama", "evaluation_year": 2025,
            "source": "LHE contoh", "previous": previous, "actual": {"total": "80,00"}, "findings": list(findings)}
    (folder / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    for file, text in build_case(folder, load_rulebook()).items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def _calibration(ws: Any) -> Calibration:
    calibration = ws.rulebook.calibration
    assert calibration is not None, "rules/lke-2021/calibration.yaml is part of the rulebook"
    return calibration  # type: ignore[no-any-return]


def test_given_grades_are_the_starting_point(ws_factory: Callable[..., Path]) -> None:
    ws = _ws(ws_factory, {2024: PREVIOUS_A})
    prior = prior_of(ws.rulebook, ws.meta, score_of(ws.rulebook, evaluate(ws)))
    assert prior is not None and prior.year == 2024 and prior.total == Decimal("90.00")
    assert {s.grade for s in prior.subcomponents.values()} == {"A"}
    assert {s.basis for s in prior.subcomponents.values()} == {"grade"}
    assert prior.slip == 0


def test_a_component_on_the_grid_is_resolved_by_this_years_evidence(tmp_path: Path) -> None:
    """24,60 of 30 is A·BB·BB, AA·A·B, CC·AA·BB, C·A·A or B·CC·AA; this year's rules give 1.a A (every
    criterion met, kept a year) and BB to 1.b and 1.c, so the prior reads A·BB·BB."""
    ws = load_workspace(court(tmp_path, {"total": "80", "components": {"1": "24,60"}}))
    rules = score_of(ws.rulebook, evaluate(ws))
    assert [rules.subcomponents[s].grade for s in ("1.a", "1.b", "1.c")] == ["A", "BB", "BB"]
    prior = prior_of(ws.rulebook, ws.meta, rules)
    assert prior is not None
    assert [(prior.subcomponents[s].grade, prior.subcomponents[s].basis) for s in ("1.a", "1.b", "1.c")] == [
        ("A", "grid"), ("BB", "grid"), ("BB", "grid")]


def test_grid_readings_the_evidence_cannot_tell_apart_are_averaged(tmp_path: Path) -> None:
    """26,10 is AA·A·BB or A·BB·A (and CC·AA·A): against A·BB·BB the first two are equally near, so each
    sub-component starts from their mean factor and shows no single grade."""
    ws = load_workspace(court(tmp_path, {"total": "80", "components": {"1": "26,10"}}))
    prior = prior_of(ws.rulebook, ws.meta, score_of(ws.rulebook, evaluate(ws)))
    assert prior is not None
    assert [prior.subcomponents[s].factor for s in ("1.a", "1.b", "1.c")] == [
        Decimal("0.95"), Decimal("0.85"), Decimal("0.85")]
    assert {prior.subcomponents[s].grade for s in ("1.a", "1.b", "1.c")} == {None}


def test_an_off_grid_component_is_not_pretended_on_the_grid(ws_factory: Callable[..., Path]) -> None:
    """11,918 of 15 (a year scored by averaging criteria) is no grade combination: each sub-component of
    component 3 starts from the component's own mean factor."""
    ws = _ws(ws_factory, {2024: {"total": "81,36", "components": {"3": "11,918"}}})
    prior = prior_of(ws.rulebook, ws.meta, score_of(ws.rulebook, evaluate(ws)))
    assert prior is not None
    three = [prior.subcomponents[s] for s in ("3.a", "3.b", "3.c")]
    assert {s.basis for s in three} == {"component"} and {s.grade for s in three} == {None}
    assert all(s.factor == Decimal("11.918") / 15 for s in three)
    # components the letter does not state share what the total leaves
    rest = (Decimal("81.36") - Decimal("11.918")) / 85
    assert prior.subcomponents["1.a"].basis == "total" and prior.subcomponents["1.a"].factor == rest


def test_a_slip_in_the_letter_is_kept_not_hidden(ws_factory: Callable[..., Path], run: Callable[..., Any]) -> None:
    entry = {"total": "86,60", "components": {"1": "26,10", "2": "26,10", "3": "13,20", "4": "22,50"}}
    path = ws_factory(history={2024: entry})
    ws = load_workspace(path)
    prior = prior_of(ws.rulebook, ws.meta, score_of(ws.rulebook, evaluate(ws)))
    assert prior is not None and prior.grid_total == Decimal("87.90") and prior.slip == Decimal("-1.30")
    pred = predict(ws)
    calibration = _calibration(ws)
    assert pred.total == Decimal("86.60") + calibration.typical_change + pred.basis.evidence_change
    assert "86,60 (komponen berjumlah 87,90)" in basis_line(pred, _lang("id"))


def _lang(code: str) -> Any:
    from sakip_eval.i18n import Lang

    return Lang(code)


def test_without_history_the_rules_alone_predict(ws_factory: Callable[..., Path]) -> None:
    pred = predict(_ws(ws_factory, None, items=[item("renja", "renja")]))
    assert pred.basis.method == "rules" and pred.basis.prior is None
    assert pred.total == pred.basis.rules_total
    assert "aturan saja" in basis_line(pred, _lang("id")) and "rules alone" in basis_line(pred, _lang("en"))


def test_the_total_is_the_visible_sum(ws_factory: Callable[..., Path]) -> None:
    """previous total + typical change + evidence change, and the sub-components add up to it."""
    pred = predict(_ws(ws_factory, {2024: PREVIOUS_A}))
    basis = pred.basis
    assert basis.prior is not None and basis.typical_change is not None and basis.evidence_change is not None
    assert pred.total == basis.prior.total + basis.typical_change + basis.evidence_change
    assert sum(c.score for c in pred.components) == pred.total
    assert basis.evidence_change == sum(s.down + s.up for s in basis.subcomponents)


def test_a_refuted_criterion_the_prior_implies_was_met_moves_down(ws_factory: Callable[..., Path]) -> None:
    """From A on every sub-component, an empty workspace refutes every criterion: each sub-component falls
    toward its band (E), by the down weight."""
    empty = predict(_ws(ws_factory, {2024: PREVIOUS_A}))
    calibration = _calibration(load_workspace(ws_factory(history={2024: PREVIOUS_A})))
    for sub in empty.basis.subcomponents:
        weight = next(s.weight for c in empty.components for s in c.subcomponents if s.id == sub.id)
        assert sub.ceiling == "E"
        assert sub.down == (calibration.evidence_weight.down * weight * (Decimal(0) - Decimal("0.9"))).quantize(CENT)
    assert empty.basis.evidence_change is not None and empty.basis.evidence_change < 0


def test_a_cap_acts_on_the_grade_it_caps(tmp_path: Path, ws_factory: Callable[..., Path]) -> None:
    """A cap to BB does nothing to a sub-component the rules leave at BB, but from a prior of A it moves
    the prediction down: the evaluator would otherwise have given A."""
    moved = predict(load_workspace(court(tmp_path, PREVIOUS_A, ("tim-belum-terlatih",), "capped")))
    kept = predict(load_workspace(court(tmp_path, PREVIOUS_A, (), "free")))
    four_b = {s.id: s for s in moved.basis.subcomponents}["4.b"]
    calibration = _calibration(load_workspace(court(tmp_path, PREVIOUS_A, (), "other")))
    assert four_b.ceiling == "BB"
    assert four_b.down == (calibration.evidence_weight.down * Decimal("7.5") * Decimal("-0.1")).quantize(CENT)
    assert moved.total == kept.total + four_b.down
    cap = {"items": [item("tim", "tim_evaluasi", attributes={"terlatih": False})]}
    without = {"items": [item("tim", "tim_evaluasi", attributes={"terlatih": True})]}
    assert predict(_ws(ws_factory, None, **cap)).total == predict(_ws(ws_factory, None, **without)).total


def test_efforts_with_evidence_count_as_today(ws_factory: Callable[..., Path]) -> None:
    """An upgrade the rules grant (efforts with evidence) moves a sub-component up from a lower prior."""
    bb = {"total": "80,00", "subcomponents": dict.fromkeys(ALL_A, "BB")}
    claims = {c: {"met": True, "evidence": ["x"]} for c in ("3.b.1", "3.b.2", "3.b.3", "3.b.4", "3.b.5", "3.b.6",
                                                            "3.b.7", "3.b.8", "3.b.9")}
    parts = {"items": [item("x", "lkjip", published={"where": "web"}), item("analisis", "analisis_kinerja"),
                       item("rs", "renstra", period="2020-2024"), item("dpa", "dpa")],
             "criteria": claims}
    plain = predict(_ws(ws_factory, {2024: bb}, **parts))
    effort = predict(_ws(ws_factory, {2024: bb}, **parts,
                         subcomponents={"3.b": {"efforts": {"description": "analisis", "evidence": ["x"]}}}))
    up = {s.id: s for s in effort.basis.subcomponents}["3.b"].up
    assert up > 0 and effort.total == plain.total + up


def test_a_closed_recommendation_lifts_what_it_concerns(tmp_path: Path) -> None:
    """From BB everywhere, the previous LHE's recommendation on 1.b.8 closed with evidence lifts 1.b one
    grade step (by the up weight); while open, closing it is the recommendation's price."""
    bb = {"total": "80,00", "subcomponents": dict.fromkeys(ALL_A, "BB")}
    folder = court(tmp_path, bb)
    rec = {"id": "a", "text": "Susun pohon kinerja berjenjang", "criteria": ["1.b.8"]}
    (folder / "followup.yaml").write_text(yaml.safe_dump({"recommendations": [{**rec, "status": "proses"}]}),
                                          encoding="utf-8")
    open_ = predict(load_workspace(folder))
    (folder / "followup.yaml").write_text(yaml.safe_dump({"recommendations": [
        {**rec, "status": "selesai", "evidence": ["tindak-lanjut-lhe"]}]}), encoding="utf-8")
    closed = predict(load_workspace(folder))
    lifted = {s.id: s for s in closed.basis.subcomponents}["1.b"]
    calibration = _calibration(load_workspace(folder))
    assert lifted.followup
    assert lifted.up == (calibration.evidence_weight.up * Decimal(9) * Decimal("0.1")).quantize(CENT)
    points = {r.id: r.points for r in open_.recommendations}["followup:a"]
    assert points == closed.total - open_.total > 0


def test_every_recommendation_is_priced_through_the_prediction(ws_factory: Callable[..., Path]) -> None:
    """What a rule's recommendation is worth is what lifting it moves the predicted total."""
    ws = _ws(ws_factory, {2024: PREVIOUS_A}, items=[item("kak", "kak", formalized=False),
                                                    item("tim", "tim_evaluasi", attributes={"terlatih": False})])
    evaluation = evaluate(ws)
    estimator = Estimator(ws, score_of(ws.rulebook, evaluation), evaluation.consequences)
    pred = predict(ws)
    for rec in (r for r in pred.recommendations if r.kind == "rule"):
        after = estimator.total_of(evaluation.answers, lift(evaluation.consequences, rec.rules[0]))
        assert rec.points == after - estimator.total, rec.id


def test_range_and_category_probabilities(ws_factory: Callable[..., Path]) -> None:
    pred = predict(_ws(ws_factory, {2024: PREVIOUS_A}))
    assert pred.range is not None and pred.range.low <= pred.total <= pred.range.high
    assert pred.range.level == Decimal("0.8")
    assert sum(pred.category_probabilities.values()) == 1
    assert pred.category == next(iter(pred.category_probabilities))
    assert list(pred.category_probabilities.values()) == sorted(pred.category_probabilities.values(), reverse=True)
    assert f"{pred.category}, " in chances_line(pred, _lang("id")) and "rentang 80%" in chances_line(pred, _lang("id"))


@pytest.mark.parametrize("total", [Decimal("0"), Decimal("30"), Decimal("79.99"), Decimal("80"), Decimal("100")])
def test_probabilities_always_add_up_to_one(total: Decimal) -> None:
    from sakip_eval.rulebook.book import load_rulebook

    book = load_rulebook()
    probabilities = category_probabilities(book, total, Decimal("1.5"))
    assert sum(probabilities.values()) == 1 and all(p > 0 for p in probabilities.values())
    band = interval(total, Decimal("1.5"), Decimal("0.8"))
    assert Decimal(0) <= band.low <= total <= band.high <= Decimal(100)


def test_json_carries_the_sum_the_range_and_the_probabilities(run: Callable[..., Any]) -> None:
    from .conftest import EVIDENCE

    data = run("score", EVIDENCE / "mojosari-2025", "--format", "json", "--no-history").json()
    assert set(data["range"]) == {"low", "high", "level"}
    assert round(sum(data["category_probabilities"].values()), 6) == 1
    basis = data["basis"]
    assert basis["method"] == "history" and basis["prior"]["year"] == 2024
    assert round(basis["prior"]["total"] + basis["typical_change"] + basis["evidence_change"], 2) == data["total"]
    assert {s["id"] for s in basis["subcomponents"]} == {s["id"] for c in data["components"]
                                                         for s in c["subcomponents"]}
