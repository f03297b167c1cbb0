"""The run history: `score` records, `history` lists and draws the trend, `diff` explains changes; the
SQLite file survives a run killed midway."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from sakip_eval.followup.edit import set_status
from sakip_eval.history.store import SCHEMA_VERSION
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.grades import category_of

from .conftest import EVIDENCE, ROOT, Cli, flat
from .golden import Golden, decimal_id, verdict

IDS = ["a", "b", "c", "d", "e", "f"]


def score(cli: Cli, ws: Path, *extra: str | Path) -> float:
    code, out, err = cli("score", ws, "--format", "json", *extra)
    assert code == 0, err
    return float(json.loads(out)["total"])


@pytest.fixture
def three_runs(cli: Cli, ws: Path, golden: Golden) -> list[float]:
    """Run 1 as bundled; run 2 after closing recommendation a with evidence; run 3 after closing b-f."""
    totals = [score(cli, ws)]
    set_status(ws, "a", "selesai", ["lhe-2024"], note="reviu berjenjang diperbaiki")
    totals.append(score(cli, ws))
    for rec_id in IDS[1:]:
        set_status(ws, rec_id, "selesai", ["lhe-2024"])
    totals.append(score(cli, ws))
    assert totals[0] == verdict("mojosari-2025")[0]
    return list(golden.value("mojosari-2025: totals of three runs (bundled, a closed, all six closed)", totals))


def category(total: float) -> str:
    return category_of(load_rulebook(), Decimal(str(total))).code


def test_three_runs_are_listed_with_the_yearly_trend(cli: Cli, ws: Path, three_runs: list[float]) -> None:
    assert three_runs == sorted(three_runs)  # closing recommendations never lowers the total
    code, out, _ = cli("history", ws, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(r["id"], r["total"], r["evaluation_year"]) for r in data["runs"]] == [
        (1, three_runs[0], 2025), (2, three_runs[1], 2025), (3, three_runs[2], 2025)]
    assert len({r["inputs"] for r in data["runs"]}) == 3
    assert [(p["year"], p["source"], p["total"], p["category"], p["run"]) for p in data["trend"]] == [
        (2022, "lhe", 79.5, "BB", None), (2023, "lhe", 77.65, "BB", None), (2024, "lhe", 82.3, "A", None),
        (2025, "run", three_runs[2], category(three_runs[2]), 3)]
    code, out, _ = cli("history", ws)
    assert code == 0
    assert "prediksi run #3" in out and decimal_id(three_runs[2]) in out and "#2" in out


def test_diff_shows_what_changed_and_why(cli: Cli, ws: Path, three_runs: list[float]) -> None:
    code, out, _ = cli("diff", ws, "1", "2", "--format", "json")
    assert code == 0
    data = json.loads(out)
    first, second, _ = three_runs
    assert data["total"] == {"a": first, "b": second, "delta": round(second - first, 2)}
    assert [i["file"] for i in data["inputs"]] == ["followup.yaml"]
    # 4.c.2 met again: 4.c moves (by the evidence weight, from the 2024 LHE; its nearest grade may stay)
    assert [s["id"] for s in data["subcomponents"]] == ["4.c"]
    assert [(c["id"], c["a"]["predicted"], c["b"]["predicted"]) for c in data["criteria"]] == [
        ("4.c.2", "false", "true")]
    assert data["criteria"][0]["removed"] == [
        "[peningkatan-tanpa-tindak-lanjut] Tidak satu pun rekomendasi LHE sebelumnya di followup.yaml memiliki "
        "bukti tindak lanjut"]
    assert data["followup"] == [{"id": "a", "a": {"status": "belum", "evidence": []},
                                 "b": {"status": "selesai", "evidence": ["lhe-2024"]}}]


def test_diff_defaults_to_the_last_two_runs(cli: Cli, ws: Path, three_runs: list[float]) -> None:
    code, out, _ = cli("diff", ws)
    assert code == 0
    text = flat(out)
    assert "Run #2" in text and "run #3" in text
    _, second, third = three_runs
    cat_a, cat_b = category(second), category(third)
    delta = round(third - second, 2)
    assert (f"{decimal_id(second)} ({cat_a}) → {decimal_id(third)} ({cat_b}), selisih +{decimal_id(delta)}"
            in text)
    assert "4.c.1 belum terpenuhi → terpenuhi" in text
    assert "− [tindak-lanjut-belum-selesai] Masih ada rekomendasi yang belum selesai" in text
    assert "kriteria terpenuhi: 4/5 → 5/5" in text
    code, out, _ = cli("diff", ws, "--lang", "en")
    assert f"Total: {second:.2f} ({cat_a}) → {third:.2f} ({cat_b}), change +{delta:.2f}" in flat(out)


def test_diff_with_one_run_compares_it_with_the_latest(cli: Cli, ws: Path, three_runs: list[float]) -> None:
    code, out, _ = cli("diff", ws, "1", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["a"]["id"], data["b"]["id"]) == (1, 3)
    assert [c["id"] for c in data["criteria"]] == ["4.c.1", "4.c.2"]


def test_diff_run_numbers_without_workspace(cli: Cli, ws: Path, three_runs: list[float],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "evidence" / "mojosari-2025")  # the current folder; the runs live in SAKIP_EVAL_HISTORY
    code, out, _ = cli("diff", "1", "3", "--format", "json")
    assert code == 0
    assert (json.loads(out)["a"]["id"], json.loads(out)["b"]["id"]) == (1, 3)


def test_same_inputs_give_no_differences(cli: Cli, ws: Path) -> None:
    score(cli, ws)
    score(cli, ws)
    code, out, _ = cli("diff", ws)
    assert code == 0
    assert "Tidak ada perbedaan" in out


@pytest.mark.parametrize("reasons", ["[1]", '[{"rule": "r"}]', '{"rule": "r"}', "bukan json"])
def test_a_recorded_reason_edited_out_of_shape_is_named_not_a_crash(cli: Cli, ws: Path, reasons: str,
                                                                    _history_outside_repo: Path) -> None:
    score(cli, ws)
    score(cli, ws)
    with closing(sqlite3.connect(_history_outside_repo)) as conn, conn:
        conn.execute("UPDATE run_grades SET reasons = ? WHERE run_id = 1", (reasons,))
    code, _, err = cli("diff", ws)
    assert code == 2 and "history.sqlite" in flat(err) and "Traceback" not in err


def test_diff_refusals(cli: Cli, ws: Path) -> None:
    code, _, err = cli("diff", ws)
    assert code == 2 and "perlu dua run" in flat(err)
    score(cli, ws)
    code, _, err = cli("diff", ws)
    assert code == 2 and "baru ada 1" in flat(err)
    score(cli, ws)
    code, _, err = cli("diff", ws, "1", "7")
    assert code == 2 and "run #7 tidak ada di riwayat" in flat(err)


def test_history_without_runs_still_draws_the_lhe_trend(cli: Cli, ws: Path) -> None:
    code, out, _ = cli("history", ws, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["runs"] == [] and [p["year"] for p in data["trend"]] == [2022, 2023, 2024]


def test_one_history_across_years(cli: Cli, ws: Path, tmp_path: Path) -> None:
    """A history shared by the 2024 and 2025 workspaces shows how the unit moves across years."""
    db = tmp_path / "mojosari.sqlite"
    score(cli, EVIDENCE / "mojosari-2024", "--history", db)
    score(cli, ws, "--history", db)
    code, out, _ = cli("history", ws, "--history", db, "--format", "json")
    assert code == 0
    points = [(p["year"], p["source"]) for p in json.loads(out)["trend"]]
    assert (2024, "lhe") in points and (2024, "run") in points and (2025, "run") in points


def test_default_location_and_no_history(cli: Cli, ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAKIP_EVAL_HISTORY")
    score(cli, ws, "--no-history")
    assert not (ws / ".sakip" / "history.sqlite").exists()
    score(cli, ws)
    assert (ws / ".sakip" / "history.sqlite").is_file()
    code, out, _ = cli("history", ws, "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)["runs"]] == [1]


def test_score_output_does_not_depend_on_the_history(cli: Cli, ws: Path) -> None:
    outputs = [cli("score", ws, "--format", "json")[1] for _ in range(2)]
    outputs.append(cli("score", ws, "--format", "json", "--no-history")[1])
    assert outputs[0] == outputs[1] == outputs[2]


def test_newer_schema_is_refused_and_score_still_works(cli: Cli, ws: Path, tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    code, _, err = cli("history", ws, "--history", db)
    assert code == 2
    assert f"skema versi {SCHEMA_VERSION + 1}" in flat(err)
    code, out, err = cli("score", ws, "--history", db, "--format", "json")
    assert code == 0 and json.loads(out)["total"] == verdict("mojosari-2025")[0]
    assert "run ini tidak dicatat" in flat(err)


def test_a_file_that_is_not_a_database(cli: Cli, ws: Path, tmp_path: Path) -> None:
    db = tmp_path / "bukan.sqlite"
    db.write_bytes(b"ini bukan basis data SQLite" * 100)
    code, _, err = cli("history", ws, "--history", db)
    assert code == 2 and "berkas riwayat tidak dapat dipakai" in flat(err)
    code, _, err = cli("score", ws, "--history", db, "--format", "json")
    assert code == 0 and "tidak dicatat" in flat(err)


KILLED_RUN = textwrap.dedent("""
    import sys, time
    import sakip_eval.history.store as history

    original = history._write_details

    def slow(*args):
        original(*args)
        print("IN TRANSACTION", flush=True)
        time.sleep(120)

    history._write_details = slow
    from sakip_eval.cli import main
    main()
""")


def test_a_run_killed_midway_leaves_the_history_consistent(cli: Cli, ws: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.sqlite"
    first = score(cli, ws, "--history", db)
    set_status(ws, "a", "selesai", ["lhe-2024"])
    second = score(cli, ws, "--history", db)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_RUN, "score", str(ws), "--history", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline() == b"IN TRANSACTION\n"  # the run's rows are written, not committed
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    assert proc.returncode != 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT id, total FROM runs ORDER BY id").fetchall() == [
            (1, f"{first:.2f}"), (2, f"{second:.2f}")]
        for table in ("run_inputs", "run_grades", "run_answers", "run_followup"):
            counts = conn.execute(f"SELECT run_id, COUNT(*) FROM {table} GROUP BY run_id ORDER BY run_id").fetchall()
            assert [run for run, _ in counts] == [1, 2], table
            assert counts[0][1] == counts[1][1]
    assert score(cli, ws, "--history", db) == second
    code, out, _ = cli("diff", ws, "1", "3", "--history", db, "--format", "json")
    assert code == 0 and json.loads(out)["b"]["id"] == 3
