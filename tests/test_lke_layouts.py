"""`import-lke` on workbooks as teams make them: ids split over columns, grades per criterion, sheets
found by their content, Excel 97-2003 .xls; every unreadable cell named by its address."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sakip_eval.io.workspace import load_workspace

from .report_support import copy_workspace, flat, run_cli

SPLIT_ROWS: list[list[object]] = [
    ["1", None, None, "PERENCANAAN KINERJA", None],
    [None, "a", None, "Keberadaan", None],
    [None, None, 1, "Terdapat pedoman teknis perencanaan kinerja", "Ya"],
    [None, None, 2, "Terdapat dokumen perencanaan jangka panjang", "T"],
    [None, "b", None, "Kualitas", None],
    [None, None, 1, "Dokumen perencanaan telah diformalkan", "√"],
    ["4", None, None, "EVALUASI AKUNTABILITAS KINERJA INTERNAL", None],
    [None, "a", None, "Keberadaan", None],
    [None, None, 3, "Evaluasi dilaksanakan berjenjang", 0],
]


def _claims(ws: Path) -> dict[str, tuple[str, str | None]]:
    return {cid: (c.met, c.grade) for cid, c in load_workspace(ws).assessment.criteria.items()}


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        first = False
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_split_id_columns_carry_component_and_sub_component(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"LKE": [["No", None, None, "Uraian", "Jawaban"], *SPLIT_ROWS]})
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    claims = _claims(ws)
    assert claims["1.a.1"][0] == "true" and claims["1.a.2"][0] == "false"
    assert claims["1.b.1"][0] == "true" and claims["4.a.3"][0] == "false"


def test_grades_per_criterion_for_the_criteria_average_method(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"Penilaian": [  # ids as people type them: a closing dot, capitals
        ["Kode", "Kriteria", "Nilai"], ["1.a.1.", "Pedoman", "A"], ["1.A.2", "RPJPD", "bb"],
        ["1. b. 1)", "Formal", "E"]]})
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    claims = _claims(ws)
    assert claims["1.a.1"] == ("true", "A") and claims["1.a.2"] == ("true", "BB") and claims["1.b.1"] == ("false", "E")
    assert "grade: E" in (ws / "assessment.yaml").read_text(encoding="utf-8")


def test_percentages_name_the_grade_of_their_factor(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    path = tmp_path / "lke.xlsx"
    values = [None, None, "100%", "90 %", None, 0.7, None, None, 0]
    _xlsx(path, {"LKE": [["No", None, None, "Uraian", "Nilai (%)"],
                         *[[*row[:4], value] for row, value in zip(SPLIT_ROWS, values, strict=True)]]})
    book = openpyxl.load_workbook(path)
    book["LKE"]["E7"].number_format = "0%"  # 0.7 shown as 70%, as Excel keeps a percent cell
    book.save(path)
    assert run_cli(["import-lke", str(path), str(ws)]) == 0
    claims = _claims(ws)
    assert claims["1.a.1"][0] == "true" and claims["1.a.2"] == ("true", "A")
    assert claims["1.b.1"] == ("true", "B") and claims["4.a.3"][0] == "false"


def test_official_layout_with_computed_values_beside_the_answers(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"LKE": [
        ["No", None, None, "Uraian", "Jawaban (Y/T)", "Nilai"],
        *[[*row[:4], row[4], None if row[4] is None else int(row[4] in ("Ya", "√"))] for row in SPLIT_ROWS]]})
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    claims = _claims(ws)
    assert claims["1.a.1"] == ("true", None) and claims["1.a.2"] == ("false", None)


def test_a_share_that_is_no_grade_is_named_not_rounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    ws = copy_workspace(tmp_path)
    before = (ws / "assessment.yaml").read_bytes()
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"LKE": [["Id", "Kriteria", "Nilai"], ["1.a.1", "x", "85%"],
                                                  ["1.a.2", "x", 0.45], ["1.a.3", "x", "80%"]]})
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 2
    message = flat(capsys.readouterr().err)
    assert "LKE!C2 (`85%`)" in message and "LKE!C3 (`0.45`)" in message
    assert (ws / "assessment.yaml").read_bytes() == before


def test_sheet_found_by_content_without_a_header(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _xlsx(tmp_path / "lke.xlsx", {
        "Sampul": [["Lembar Kerja Evaluasi SAKIP"], ["Kecamatan Contoh"], ["Tahun 2025"]],
        "Isian": [["4.a.3", "Evaluasi berjenjang", "Ya"], ["4.b.3", "Pendalaman", "Tidak"],
                  ["4.b.5", "Aplikasi", "Ya"], ["1.a.2", "RPJPD", "N/A"]],
    })
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    claims = _claims(ws)
    assert [claims[c][0] for c in ("4.a.3", "4.b.3", "4.b.5", "1.a.2")] == ["true", "false", "true", "na"]


def test_xls_workbook_with_split_ids(tmp_path: Path) -> None:
    import xlwt

    ws = copy_workspace(tmp_path)
    book = xlwt.Workbook()
    sheet = book.add_sheet("LKE 2025")
    for r, row in enumerate([["No", None, None, "Uraian", "Jawaban"], *SPLIT_ROWS]):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    path = tmp_path / "lke.xls"
    book.save(str(path))
    assert run_cli(["import-lke", str(path), str(ws)]) == 0
    claims = _claims(ws)
    assert claims["1.a.1"][0] == "true" and claims["1.a.2"][0] == "false" and claims["4.a.3"][0] == "false"


def test_every_unreadable_cell_is_named_and_nothing_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    ws = copy_workspace(tmp_path)
    before = (ws / "assessment.yaml").read_bytes()
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"LKE": [
        ["Id", "Kriteria", "Jawaban", "Nilai"], ["1.a.1", "x", "mungkin", None], ["1.a.2", "x", "Ya", "Z"],
        ["1.a.3", "x", "Ya", "A"]]})
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 2
    message = flat(capsys.readouterr().err)
    assert "LKE!C2" in message and "LKE!D3" in message and "2 sel tidak dapat dibaca" in message
    assert (ws / "assessment.yaml").read_bytes() == before


def test_damaged_xls_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_workspace(tmp_path)
    bad = tmp_path / "lke.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    assert run_cli(["import-lke", str(bad), str(ws)]) == 2
    assert "bukan buku kerja Excel" in flat(capsys.readouterr().err)


def test_an_answered_row_whose_number_cannot_be_read_is_reported_not_lost(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"LKE": [
        ["Id", "Kriteria", "Jawaban"], ["PERENCANAAN KINERJA", None, None], ["1.a", "Keberadaan", None],
        ["1.a.1", "Pedoman", "Ya"], ["1.1", "RPJPD (number mistyped)", "Tidak"], [None, "no number", "Ya"],
        ["Catatan", "a title row", "Ya"]]})
    assert run_cli(["import-lke", str(xlsx), str(ws)]) == 0
    captured = capsys.readouterr()
    message = flat(captured.err)
    assert "2 baris dijawab tetapi nomor kriterianya tidak terbaca" in message
    assert "LKE!A5 (`1.1`)" in message and "LKE!A7 (`Catatan`)" in message
    assert "LKE!A2" not in message and "LKE!A3" not in message and "LKE!A6" not in message  # outline, no number
    assert _claims(ws)["1.a.1"][0] == "true"
    assert "1 baris kriteria dibaca" in flat(captured.out)


def test_the_skipped_rows_warning_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_workspace(tmp_path)
    xlsx = _xlsx(tmp_path / "lke.xlsx", {"LKE": [["Id", "Kriteria", "Jawaban"], ["1.a.1", "x", "Ya"],
                                                  ["1,a,2", "x", "Ya"]]})
    assert run_cli(["import-lke", str(xlsx), str(ws), "--lang", "en"]) == 0
    message = flat(capsys.readouterr().err)
    assert "1 answered row with a criterion number that cannot be read, so not imported: LKE!A3 (`1,a,2`)" in message
