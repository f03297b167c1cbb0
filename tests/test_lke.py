"""`import-lke`: answers from an LKE workbook into assessment.yaml (round trip with `report --format xlsx`,
the usual answer variants, errors with sheet, row and column, nothing written on error)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sakip_eval.io.workspace import load_workspace

from .report_support import WS_2025, copy_workspace, flat, run_cli


def _claims(ws: Path) -> dict[str, tuple[str, list[str], str | None]]:
    assessment = load_workspace(ws).assessment
    return {cid: (c.met, list(c.evidence), c.note) for cid, c in assessment.criteria.items()}


def _workbook(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "LKE OPD"
    sheet.append(["Lembar Kerja Evaluasi"])
    sheet.append(header or ["No", "Kriteria", "Jawaban (Y/T)", "Catatan", "Bukti dukung"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_round_trip_report_xlsx_then_import(tmp_path: Path) -> None:
    source = copy_workspace(tmp_path, "source")
    target = copy_workspace(tmp_path, "target")
    before = _claims(source)
    # the target starts from other answers: the workbook must bring the source's claims back
    text = (target / "assessment.yaml").read_text(encoding="utf-8")
    (target / "assessment.yaml").write_text(
        text.replace("1.a.1: {met: true, evidence: [pedoman-pk]}", "1.a.1: {met: false}"), encoding="utf-8")
    xlsx = tmp_path / "lke.xlsx"
    assert run_cli(["report", str(source), "--format", "xlsx", "-o", str(xlsx)]) == 0
    assert run_cli(["import-lke", str(xlsx), str(target)]) == 0
    assert _claims(target) == before
    assert load_workspace(target).assessment.subcomponents == load_workspace(source).assessment.subcomponents


def test_round_trip_keeps_the_file_byte_for_byte(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = tmp_path / "lke.xlsx"
    assert run_cli(["report", str(ws), "--format", "xlsx", "-o", str(xlsx), "--lang", "en"]) == 0
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    assert (ws / "assessment.yaml").read_bytes() == (WS_2025 / "assessment.yaml").read_bytes()


def test_answer_variants_and_empty_cells(tmp_path: Path, capsys) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _workbook(tmp_path / "lke.xlsx", [
        ["1.a", "Keberadaan (baris sub-komponen, dilewati)"],
        ["4.a.3", "Evaluasi berjenjang", "√", "Sudah berjenjang sejak 2025", None],
        ["4.b.3", "Pendalaman", 1, None, None],
        ["4.b.5", "Aplikasi", "Y", None, "lkjip-2024"],
        ["1.b.1", "Diformalkan", "T", None, None],
        ["1.a.2", "Jangka panjang", "N/A", None, None],
        ["1.a.3", "Renstra", None, "catatan saja", None],
    ])
    before = _claims(ws)
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    assert "6 baris kriteria dibaca" in capsys.readouterr().out
    after = _claims(ws)
    assert after["4.a.3"] == ("true", [], "Sudah berjenjang sejak 2025")
    assert after["4.b.3"][0] == "true" and after["4.b.3"][2] == before["4.b.3"][2]  # empty note: kept
    assert after["4.b.5"][:2] == ("true", ["lkjip-2024"])
    assert after["1.b.1"] == ("false", before["1.b.1"][1], None)  # empty evidence cell: ids kept
    assert after["1.a.2"][0] == "na"
    assert after["1.a.3"] == ("true", before["1.a.3"][1], "catatan saja")  # empty answer: kept
    assert "# 3.a Keberadaan pelaporan" in (ws / "assessment.yaml").read_text(encoding="utf-8")  # comments kept


@pytest.mark.parametrize(("row", "where", "text"), [
    (["4.a.3", "x", "mungkin", None, None], "LKE OPD!C3", "jawaban `mungkin` tidak dikenal"),
    (["9.z.9", "x", "Ya", None, None], "LKE OPD!A3", "kriteria `9.z.9` tidak ada di rulebook"),
    (["4.a.3", "x", "Ya", None, "tidak-ada"], "LKE OPD!E3", "bukti `tidak-ada` tidak ada di inventory.yaml"),
])
def test_errors_name_sheet_row_and_column(tmp_path: Path, capsys, row, where, text) -> None:
    ws = copy_workspace(tmp_path)
    before = (ws / "assessment.yaml").read_bytes()
    xlsx = _workbook(tmp_path / "lke.xlsx", [row])
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 2
    message = flat(capsys.readouterr().err)
    assert where in message and text in message and "Cara memperbaiki" in message
    assert (ws / "assessment.yaml").read_bytes() == before


def test_ignore_evidence(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _workbook(tmp_path / "lke.xlsx", [["4.a.3", "x", "Ya", None, "SK Camat 12/2025 (belum di inventory)"]])
    assert run_cli(["import-lke", str(xlsx), str(ws), "--ignore-evidence"]) == 0
    assert _claims(ws)["4.a.3"][:2] == ("true", [])


def test_duplicate_rows_and_missing_columns(tmp_path: Path, capsys) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _workbook(tmp_path / "dup.xlsx", [["4.a.3", "x", "Ya"], ["4.a.3", "x", "Tidak"]])
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 2
    assert "LKE OPD!A3" in flat(capsys.readouterr().err)
    xlsx = _workbook(tmp_path / "cols.xlsx", [["4.a.3", "x", "Ya"]], header=["Nomor", "Uraian", "Lain-lain"])
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 2
    assert "kolom Id dan Jawaban" in flat(capsys.readouterr().err)


def test_not_a_workbook(tmp_path: Path, capsys) -> None:
    ws = copy_workspace(tmp_path)
    fake = tmp_path / "lke.xlsx"
    fake.write_text("id,jawaban\n4.a.3,Ya\n", encoding="utf-8")
    assert run_cli(["import-lke", str(fake), str(ws)]) == 2
    assert "bukan buku kerja Excel" in flat(capsys.readouterr().err)
    assert run_cli(["import-lke", str(tmp_path / "absent.xlsx"), str(ws)]) == 2
