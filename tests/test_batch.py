"""`batch`: many workspaces scored in worker processes, ranked, summarised; a bad one is reported and skipped."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from .golden import score_of
from .report_support import ROOT, WS_2025, flat, run_cli


def _fleet(root: Path, copies: int) -> Path:
    fleet = root / "opd"
    fleet.mkdir()
    for index in range(copies):
        shutil.copytree(WS_2025, fleet / f"opd-{index:03d}")
    return fleet


def _batch_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = run_cli(["batch", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_batch_ranks_300_copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fleet = _fleet(tmp_path, 300)
    code, data = _batch_json(capsys, str(fleet), "--jobs", "2")
    assert code == 0
    results = data["results"]
    assert len(results) == 300 and [r["rank"] for r in results] == list(range(1, 301))
    bundled = score_of("mojosari-2025")
    assert {(r["total"], r["category"], r["error"]) for r in results} == {(bundled["total"], bundled["category"], None)}
    assert data["distribution"][bundled["category"]] == 300


def test_bad_workspace_is_reported_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fleet = _fleet(tmp_path, 3)
    shutil.copytree(ROOT / "evidence" / "mojosari-2024", fleet / "opd-2024")
    broken = fleet / "opd-broken"
    shutil.copytree(WS_2025, broken)
    (broken / "inventory.yaml").write_text("items:\n  - id: x\n    type: renstra\n    titel: salah\n", encoding="utf-8")
    code, data = _batch_json(capsys, str(fleet), str(tmp_path / "absent"))
    assert code == 0
    results = data["results"]
    assert [r["rank"] for r in results] == [1, 2, 3, 4, None, None]
    errors = {Path(r["path"]).name: r["error"] for r in results if r["error"]}
    assert "inventory.yaml:2" in errors["opd-broken"] and "isian wajib `title` belum ada" in errors["opd-broken"]
    assert "tidak ditemukan" in errors["absent"]
    assert data["common"][0]["count"] == 4 and data["common"][0]["text"]


def test_table_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fleet = _fleet(tmp_path, 2)
    workspace = fleet / "opd-000" / "workspace.yaml"
    workspace.write_text(workspace.read_text(encoding="utf-8").replace(
        "opd: Kecamatan Mojosari", 'opd: "=HYPERLINK(\\"http://x.invalid\\")"'), encoding="utf-8")
    assert run_cli(["batch", str(fleet), "--lang", "en"]) == 0
    table = flat(capsys.readouterr().out)
    assert "Ranking of 2 workspaces" in table and "Distribution of categories" in table
    assert run_cli(["batch", str(fleet), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.removeprefix("\ufeff")), delimiter=";"))
    assert [r["rank"] for r in rows] == ["1", "2"]
    assert {r["opd"] for r in rows} == {"'=HYPERLINK(\"http://x.invalid\")", "Kecamatan Mojosari"}


def test_nothing_scorable_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["batch", str(tmp_path / "absent")]) == 2
    assert "tidak ada workspace yang dapat dinilai" in flat(capsys.readouterr().err)
