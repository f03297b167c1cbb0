"""Open recommendations in the prediction: in the LHE's own words, priced by what closing each alone
gains, shown in the checklist; and the follow-up rules for 4.c.1 and 4.c.2."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from sakip_eval.followup.edit import set_status
from sakip_eval.i18n import Lang
from sakip_eval.io.workspace import load_workspace
from sakip_eval.render import terminal
from sakip_eval.scoring.prediction import Prediction, predict

from .conftest import EVIDENCE, Cli, flat
from .golden import Golden, decimal_id, verdict

IDS = ["a", "b", "c", "d", "e", "f"]


def followups(pred: Prediction) -> dict[str, Decimal]:
    return {r.id: r.points for r in pred.recommendations if r.kind == "followup"}


def criterion(pred: Prediction, crit_id: str) -> tuple[str, list[str]]:
    crit = next(c for c in pred.criteria if c.id == crit_id)
    return crit.predicted, [r.rule for r in crit.reasons]


def test_each_open_recommendation_is_listed_in_the_lhe_words(ws: Path) -> None:
    ws_model = load_workspace(ws)
    pred = predict(ws_model)
    items = [r for r in pred.recommendations if r.kind == "followup"]
    assert [r.id for r in items] == [f"followup:{i}" for i in IDS]
    for item, rec in zip(items, ws_model.followup.recommendations, strict=True):  # type: ignore[union-attr]
        assert item.text.id == item.text.en == rec.text
        assert item.criteria[:2] == ["4.c.1", "4.c.2"]
        assert item.rules == ["peningkatan-tanpa-tindak-lanjut", "tindak-lanjut-belum-selesai"]


@pytest.mark.parametrize("rec_id", IDS)
def test_points_are_what_closing_it_alone_gains(ws: Path, tmp_path: Path, rec_id: str) -> None:
    """Invariant: a follow-up item's points equal the change in total when that recommendation alone
    is closed with evidence and the workspace is scored again."""
    before = predict(load_workspace(ws))
    closed = tmp_path / "closed"
    shutil.copytree(ws, closed)
    set_status(closed, rec_id, "selesai", ["lhe-2024"])
    after = predict(load_workspace(closed))
    assert followups(before)[f"followup:{rec_id}"] == after.total - before.total > 0
    assert f"followup:{rec_id}" not in followups(after)


def test_the_last_open_one_carries_4c1(ws: Path) -> None:
    for rec_id in IDS[:-1]:
        set_status(ws, rec_id, "selesai", ["lhe-2024"])
    pred = predict(load_workspace(ws))
    assert criterion(pred, "4.c.1") == ("false", ["tindak-lanjut-belum-selesai"])
    assert criterion(pred, "4.c.2") == ("true", [])
    last = next(r for r in pred.recommendations if r.kind == "followup")
    assert (last.id, last.rules) == ("followup:f", ["tindak-lanjut-belum-selesai"]) and last.points > 0
    set_status(ws, "f", "selesai", ["lhe-2024"])
    assert predict(load_workspace(ws)).total == pred.total + last.points


def test_all_six_closed_meets_4c1_and_raises_the_total(ws: Path, golden: Golden) -> None:
    before = predict(load_workspace(ws))
    for rec_id in IDS:
        set_status(ws, rec_id, "selesai", ["lhe-2024"], note="selesai")
    after = predict(load_workspace(ws))
    assert criterion(after, "4.c.1") == ("true", [])
    assert criterion(after, "4.c.2") == ("true", [])
    assert after.total >= before.total
    assert float(before.total) == verdict("mojosari-2025")[0]
    golden.value("mojosari-2025: total with all six follow-ups closed with evidence", float(after.total))


def test_4c2_needs_some_follow_up_evidence(ws: Path) -> None:
    pred = predict(load_workspace(ws))
    assert criterion(pred, "4.c.2") == ("false", ["peningkatan-tanpa-tindak-lanjut"])
    set_status(ws, "b", "proses", ["pemantauan-ra-2024"], note="catatan perbaikan mulai disusun")
    assert criterion(predict(load_workspace(ws)), "4.c.2") == ("true", [])


def test_no_followup_file_no_followup_rules(ws: Path) -> None:
    (ws / "followup.yaml").unlink()
    pred = predict(load_workspace(ws))
    assert criterion(pred, "4.c.2") == ("true", [])
    assert followups(pred) == {}
    pred_2024 = predict(load_workspace(EVIDENCE / "mojosari-2024"))
    assert followups(pred_2024) == {} and pred_2024.followup == []


def test_score_json_marks_closed_recommendations(cli: Cli, ws: Path) -> None:
    set_status(ws, "a", "selesai", ["lhe-2024"])
    set_status(ws, "b", "selesai")
    code, out, _ = cli("score", ws, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(f["id"], f["closed"]) for f in data["followup"]][:3] == [("a", True), ("b", False), ("c", False)]
    kinds = {r["id"]: r for r in data["recommendations"] if r["kind"] == "followup"}
    assert sorted(kinds) == [f"followup:{i}" for i in IDS[1:]]
    assert kinds["followup:b"]["text"] == data["followup"][1]["text"]


def rendered(pred: Prediction) -> str:
    console = Console(width=250, record=True)
    terminal.render(pred, Lang.ID, console)
    text = console.export_text()
    return flat(text[text.index("Tindak lanjut rekomendasi LHE sebelumnya"):text.index("Nilai total")])


def test_checklist_shows_the_recommendations_beside_4c1(ws: Path) -> None:
    pred = predict(load_workspace(ws))
    section = rendered(pred)
    for rec in pred.followup:
        assert f"✘ {rec.id} {rec.text}"[:70] in section
    for points in followups(pred).values():  # what closing each alone adds to the prediction
        assert f"+{decimal_id(float(points))} poin" in section
    set_status(ws, "d", "selesai", ["lhe-2024"])
    section = rendered(predict(load_workspace(ws)))
    assert "✔ d Memformalkan" in section and "✘ a Memperbaiki" in section
    for points in followups(predict(load_workspace(ws))).values():
        assert f"+{decimal_id(float(points))} poin" in section
