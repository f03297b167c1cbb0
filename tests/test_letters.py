"""`lhe check` on synthetic letters of each real layout, in each format, with OCR noise and with slips.

The letters are written by tests/letterkit.py (words of our own, layouts of the real letters): a court's
letter (`Tahun Sebelumnya | 2023` columns, predikat under each total, findings and recommendations grouped
A-D) and the other evaluator's (years as column heads with this year first, sub-component rows, `Jumlah`,
a `Predikat` row, a page break and a signature notice inside the table, ungrouped numbered
recommendations with lettered sub-items and a bullet).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_eval.letters.check import check_letter, reachable
from sakip_eval.letters.reader import read_letter
from sakip_eval.numbers import format_id
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.grades import category_of

from .conftest import Cli
from .letterkit import (
    Block,
    PageBreak,
    Para,
    Row,
    court_letter,
    inspectorate_letter,
    replaced,
    rows,
    to_docx,
    to_pdf,
    to_txt,
)

BOOK = load_rulebook()
RENDER = {"pdf": to_pdf, "docx": to_docx, "txt": to_txt}


def write(tmp_path: Path, blocks: list[Block], kind: str = "pdf", ocr: bool = False) -> Path:
    path = tmp_path / f"surat.{kind}"
    data = to_pdf(blocks, ocr=ocr) if kind == "pdf" else RENDER[kind](blocks)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def check(cli: Cli, path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    code, out, err = cli("lhe", "check", path, "--format", "json", *extra)
    assert code in (0, 1), err
    return code, json.loads(out)


def scores(data: dict[str, Any], key: str = "score") -> list[float | None]:
    return [c[key] for c in data["components"]]


def kinds(data: dict[str, Any], column: str | None = None) -> list[str]:
    return sorted(p["kind"] for p in data["problems"] if p["column"] == column)


def per_component(items: list[dict[str, Any]]) -> dict[str | None, int]:
    counts: dict[str | None, int] = {}
    for item in items:
        counts[item["component"]] = counts.get(item["component"], 0) + 1
    return counts


# -- layouts, every format --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt"])
def test_court_layout(cli: Cli, tmp_path: Path, kind: str) -> None:
    code, data = check(cli, write(tmp_path, court_letter(), kind))
    assert code == 0 and data["problems"] == [] and data["verdict"] == "ok"
    assert (data["number"], data["date"]) == ("214/KPT.X1/OT1.6/V/2024", "2024-05-06")
    assert (data["unit"], data["performance_year"]) == ("Pengadilan Negeri Sukamaju", 2023)
    assert scores(data) == [26.1, 25.5, 13.2, 21.75]
    assert scores(data, "previous") == [25.781, 24.9, 12.1, 20.083]
    assert [c["stated_weight"] for c in data["components"]] == [30.0, 30.0, 15.0, 25.0]
    assert (data["total"], data["category"], data["category_name"]) == (86.55, "A", "Memuaskan")
    assert data["previous"] == {"total": 82.86, "sum": 82.864, "category": "A", "category_name": "Memuaskan",
                                "expected_category": "A"}
    assert per_component(data["recommendations"]) == {"1": 2, "3": 1}
    assert per_component(data["findings"]) == {"1": 2, "3": 1}
    recs = {r["id"]: r for r in data["recommendations"]}
    assert list(recs) == ["A.1", "A.2", "C.1"]
    assert recs["A.1"]["text"] == ("Agar pohon kinerja diturunkan sampai ke tingkat staf pelaksana dan ditetapkan "
                                   "oleh pimpinan.")
    assert data["findings"][1]["text"] == "Rencana aksi belum memuat jadwal dan penanggung jawab setiap kegiatan."


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt"])
def test_other_evaluator_layout(cli: Cli, tmp_path: Path, kind: str) -> None:
    code, data = check(cli, write(tmp_path, inspectorate_letter(), kind))
    assert code == 0 and data["problems"] == []
    assert (data["number"], data["date"], data["performance_year"]) == ("LHE-17/IW.3/PW.01/06/2025", "2025-06-12",
                                                                        2024)
    assert scores(data) == [26.1, 24.6, 12.45, 20.75]  # the 2025 column, printed first
    assert scores(data, "previous") == [24.6, 24.0, 12.0, 19.5]
    assert (data["total"], data["category"]) == (83.9, "A")
    assert (data["previous"]["total"], data["previous"]["category"]) == (80.1, "A")
    subs = data["components"][0]["subcomponents"]
    assert [(s["id"], s["score"], s["grade"], s["previous"]) for s in subs] == [
        ("1.a", 6.0, "AA", 5.4), ("1.b", 8.1, "A", 8.1), ("1.c", 12.0, "BB", 11.1)]
    recs = data["recommendations"]
    assert [(r["id"], r["component"]) for r in recs] == [("1", None), ("2", None), ("3", None)]
    assert recs[0]["text"] == ("Menyusun cascading kinerja sampai tingkat individu, dengan: a. pohon kinerja yang "
                               "ditetapkan pimpinan; b. perjanjian kinerja setiap pegawai.")
    assert data["findings"] == []


def test_years_as_headers_in_either_order(cli: Cli, tmp_path: Path) -> None:
    """`2024 | 2025` (this year last) reads as well as `2025 | 2024`: the later year is this year."""
    letter = inspectorate_letter()
    swapped = [b for b in letter]
    for index, block in enumerate(swapped):
        cells = getattr(block, "cells", None)
        if cells and len(cells) == 5:
            swapped[index] = type(block)((*cells[:3], cells[4], cells[3]))
    code, data = check(cli, write(tmp_path, swapped))
    assert code == 0
    assert scores(data) == [26.1, 24.6, 12.45, 20.75]
    assert data["previous"]["total"] == 80.1


# -- OCR noise --------------------------------------------------------------------------------------


def noisy_court_letter(previous_total: str = "82,86") -> list[Block]:
    return replaced(
        court_letter(previous_total=previous_total, prose_total="86'55", weight4="25 t00",
                     number="Nomor 214/KPT.\\X1-AIOT 1 .6N12024", place_date="Kotabaru,: Mei 2024"),
        ("Perencanaan Kinerja", "Perencanaan Kineria"), ("Pengukuran Kinerja", "Penqukuran Kineria"),
        ("Internal", "lnternal"), ("Nilai Akuntabilitas Kinerja", "Nilai Akuntabilitas Kineria"),
    )


def test_ocr_noise_is_repaired_where_certain(cli: Cli, tmp_path: Path) -> None:
    code, data = check(cli, write(tmp_path, noisy_court_letter(), ocr=True))
    assert code == 0 and data["problems"] == [] and data["ocr"]
    assert scores(data) == [26.1, 25.5, 13.2, 21.75]
    assert data["components"][3]["stated_weight"] == 25.0
    assert data["total"] == 86.55
    assert (data["number"], data["date"]) == (None, None)  # not legible: reported, not guessed
    notes = {n["key"]: n["message"] for n in data["notes"]}
    assert "25 t00" in notes["repaired"] and "25,00" in notes["repaired"]
    assert "214/KPT" in notes["number_illegible"]
    assert "Kotabaru,: Mei 2024" in notes["date_without_day"]


def letterhead_in_columns(colon_column: int) -> list[Block]:
    """The court letter with its `Nomor`/`Hal` lines laid out in columns, as a letterhead is, the colon
    after `Nomor` read by OCR as `1`, and the colon of `Hal` in column `colon_column`."""
    letter = court_letter(number="NOMOR-LINE")
    hal = [None, None, None, None]
    hal[colon_column] = ":"
    out: list[Block] = []
    for block in letter:
        if block == Para("NOMOR-LINE"):
            block = Row(("Nomor", None, "1", "214/KPT.X1/OT1.6/V/2024"))
        elif isinstance(block, Para) and block.text.startswith("Hal :"):
            block = Row(("Hal", None, *hal[2:], "Laporan Hasil Evaluasi Akuntabilitas Kinerja"))
        out.append(block)
    return out


def test_an_ocr_colon_read_as_a_digit_before_the_number(cli: Cli, tmp_path: Path) -> None:
    """`Nomor 1 214/...` with the `1` where the letterhead's other colons stand: the `1` is the colon. Where
    it stands elsewhere it may be the number's first digit: the number is not given."""
    code, data = check(cli, write(tmp_path, letterhead_in_columns(2), ocr=True))
    assert code == 0 and data["number"] == "214/KPT.X1/OT1.6/V/2024"
    assert any(n["key"] == "number_colon" for n in data["notes"])
    code, data = check(cli, write(tmp_path, letterhead_in_columns(3), ocr=True))
    assert code == 0 and data["number"] is None and any(n["key"] == "number_illegible" for n in data["notes"])


def test_ocr_lost_bullets_and_a_doubled_group_letter(cli: Cli, tmp_path: Path) -> None:
    """OCR drops a `-` standing apart, reads `C.` as `Cc.` and breaks a heading's word in two: the text under
    the heading is still C's item, and A's items are still A's."""
    letter = replaced(court_letter(), ("C. Pelaporan Kinerja", "Cc. Pelaporan Kinerja"),
                      ("- Agar laporan kinerja", "Agar laporan kinerja"),
                      ("A. Perencanaan Kinerja", "A. Peren canaan Kinerja"))
    code, data = check(cli, write(tmp_path, letter, ocr=True))
    assert code == 0 and per_component(data["recommendations"]) == {"1": 2, "3": 1}
    assert [r["id"] for r in data["recommendations"]] == ["A.1", "A.2", "C.1"]


def test_this_years_column_whose_heading_ocr_lost(cli: Cli, tmp_path: Path) -> None:
    """`2023` read as `mpa` and `Bobot` with the table rule (`Bobot|`): the one score column under no
    named heading is this year's."""
    letter = replaced(court_letter(), ("Evaluasi atas kinerja", "Evaluasi kinerja"), ("2023", "mpa"),
                      ("Bobot", "Bobot|"), ("Tahun Sebelumnya", "Lalu"))
    code, data = check(cli, write(tmp_path, letter, ocr=True))
    assert code == 0 and data["problems"] == []
    assert scores(data) == [26.1, 25.5, 13.2, 21.75] and scores(data, "stated_weight") == [30.0, 30.0, 15.0, 25.0]
    assert (data["total"], data["previous"]["total"]) == (86.55, 82.86)


def test_a_component_row_without_a_readable_score_never_takes_the_total(cli: Cli, tmp_path: Path) -> None:
    """Component 4's score is not legible: the total row below it stays the total, and the component is
    reported missing, never given the total's numbers."""
    letter = replaced(court_letter(), ("21,75", "#?"), ("20,083", "#?"))
    code, data = check(cli, write(tmp_path, letter, ocr=True))
    assert code == 1 and scores(data)[3] is None and scores(data, "previous")[3] is None
    assert (data["total"], data["previous"]["total"]) == (86.55, 82.86)
    assert "missing" in kinds(data)


def test_plain_text_with_a_header_on_two_lines_gives_no_guessed_column(cli: Cli, tmp_path: Path) -> None:
    """Text copied out of a PDF: cells split by single spaces. A header on one line (under a banner) is
    read; a header wrapped over two lines is not (which word stands over which is lost), and then no
    score is taken from a guessed column."""
    flat = to_txt(court_letter()).replace("\t", " ")
    path = tmp_path / "surat.txt"
    path.write_text(flat, encoding="utf-8")
    code, data = check(cli, path)
    assert code == 0 and scores(data) == [26.1, 25.5, 13.2, 21.75] and scores(data, "previous")[0] == 25.781
    path.write_text(flat.replace(" Tahun Sebelumnya 2023", " Tahun 2023\nSebelumnya"), encoding="utf-8")
    code, data = check(cli, path)
    assert code == 1 and scores(data) == [None] * 4 and scores(data, "previous") == [None] * 4
    assert kinds(data) == ["missing"] * 4 and data["total"] == 86.55


def test_two_numbers_without_a_header_are_no_guess(cli: Cli, tmp_path: Path) -> None:
    """No legible header and two numbers per row, this year's before last year's: the first is no
    component's weight, so they are not taken as weight and score (never last year's as this year's)."""
    table = rows(("No.", "Komponen", "xx", "yy"),
                 ("1.", "Perencanaan Kinerja", "26,10", "25,781"),
                 ("2.", "Pengukuran Kinerja", "25,50", "24,9"),
                 ("3.", "Pelaporan Kinerja", "13,20", "12,1"),
                 ("4.", "Evaluasi Akuntabilitas Kinerja Internal", "21,75", "20,083"),
                 (None, "Nilai Akuntabilitas Kinerja", "86,55", "82,86"))
    letter = [*court_letter()[:10], *table]
    code, data = check(cli, write(tmp_path, letter, ocr=True))
    assert code == 1 and scores(data) == [None] * 4 and scores(data, "stated_weight") == [None] * 4


def test_an_ocr_total_out_of_its_band_is_repaired_when_one_reading_fits(cli: Cli, tmp_path: Path) -> None:
    """The previous total misread by one digit (92,86 for 82,86): its predikat A and its components (82,864)
    both put it in A's band, and of the readings one digit away only 82,86 is there: repaired and noted."""
    code, data = check(cli, write(tmp_path, noisy_court_letter(previous_total="92,86"), ocr=True))
    assert code == 0 and data["previous"]["total"] == 82.86 and data["previous"]["category"] == "A"
    assert kinds(data, "previous") == []
    note = next(n["message"] for n in data["notes"] if n["key"] == "repaired_total_band")
    assert "92,86" in note and "82,86" in note and "82,864" in note


def test_an_ocr_slip_in_the_current_total_is_repaired_by_its_band(cli: Cli, tmp_path: Path) -> None:
    """This year's total read 96,55 (AA) under predikat A, components 86,55, no sentence stating it."""
    letter = replaced(court_letter(total="96,55", prose_total="86,55"),
                      ("memperoleh nilai sebesar 86,55 atau A", "memperoleh predikat A"))
    code, data = check(cli, write(tmp_path, letter, ocr=True))
    assert code == 0 and data["total"] == 86.55 and data["problems"] == []
    assert any(n["key"] == "repaired_total_band" for n in data["notes"])


@pytest.mark.parametrize("previous_total", ["91,00", "90,50"])
def test_an_ocr_total_with_no_single_fitting_reading_is_not_used(cli: Cli, tmp_path: Path,
                                                                 previous_total: str) -> None:
    """91,00 under predikat A could be 81,00 or 90,00, and 90,50 could be 80,50 or 90,00: not certain, so
    the total is reported and given as null, never as a number."""
    code, data = check(cli, write(tmp_path, noisy_court_letter(previous_total=previous_total), ocr=True))
    assert code == 0  # the previous-year column does not decide this year's verdict
    assert data["previous"]["total"] is None and data["previous"]["category"] == "A"
    problem = next(p for p in data["problems"] if p["column"] == "previous")
    assert problem["kind"] == "sum" and previous_total in problem["message"] and "82,864" in problem["message"]
    assert not any(n["key"] == "repaired_total_band" for n in data["notes"])


def test_a_digital_letter_is_read_as_printed(cli: Cli, tmp_path: Path) -> None:
    """The same contradiction in a digital letter is the evaluator's slip, reported with the printed value."""
    code, data = check(cli, write(tmp_path, court_letter(previous_total="92,86")))
    assert code == 0 and data["previous"]["total"] == 92.86
    assert kinds(data, "previous") == ["category", "sum"]


def test_an_ocr_digit_slip_is_repaired_by_two_witnesses(cli: Cli, tmp_path: Path) -> None:
    """Table total read 88,55 while the components add up to 86,55 and the sentence says 86,55, and the
    predikat fits: the reading is repaired and noted."""
    code, data = check(cli, write(tmp_path, court_letter(total="88,55", prose_total="86,55"), ocr=True))
    assert code == 0 and data["total"] == 86.55
    assert any(n["key"] == "repaired_total" for n in data["notes"])
    code, data = check(cli, write(tmp_path, court_letter(total="88,55", prose_total="86,55")))
    assert code == 1 and data["total"] == 88.55 and kinds(data) == ["sum", "text-table"]


# -- slips: each kind of problem, this year and last --------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"total": "86,60", "prose_total": "86,60"}, ["sum"]),
    ({"current": ("26,10", "25,50", "13,25", "21,70"), "total": "86,55"}, ["grid", "grid"]),
    ({"prose_total": "85,60"}, ["text-table"]),
    ({"category": "BB (Sangat Baik)"}, ["category", "category"]),
    ({"category": "A (Sangat Baik)"}, ["category", "category"]),
    ({"weight4": "20,00"}, ["weight"]),
])
def test_each_slip_gets_its_kind(cli: Cli, tmp_path: Path, changes: dict[str, Any], expected: list[str]) -> None:
    code, data = check(cli, write(tmp_path, court_letter(**changes)))
    assert code == 1 and data["verdict"] == "problems"
    assert kinds(data) == expected
    assert all(p["line"] and p["message"] for p in data["problems"])


@pytest.mark.parametrize(("changes", "expected"), [
    ({"previous_total": "82,9"}, ["sum"]),  # 82,864 is 82,9 at one decimal: no slip
    ({"previous_total": "82,1"}, ["sum"]),
    ({"previous_category": "B (Sangat Baik)"}, ["category"]),
])
def test_previous_column_problems_are_kept_apart(cli: Cli, tmp_path: Path, changes: dict[str, Any],
                                                  expected: list[str]) -> None:
    code, data = check(cli, write(tmp_path, court_letter(**changes)))
    assert code == 0 and data["verdict"] == "ok" and kinds(data) == []
    assert kinds(data, "previous") == ([] if changes.get("previous_total") == "82,9" else expected)


def test_table_output_shows_both_years_and_keeps_previous_problems_apart(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("lhe", "check", write(tmp_path, court_letter(previous_total="82,80")))
    assert code == 0
    assert "Tahun sebelumnya" in out and "25,781" in out and "Aritmetika LHE konsisten" in out
    assert "1 masalah pada kolom tahun sebelumnya" in out and "82,864" in out
    code, out, _ = cli("lhe", "check", write(tmp_path, court_letter(previous_total="82,80")), "--lang", "en")
    assert "1 problem in the previous-year column" in out and "82.864" in out


# -- what is not found is said, never guessed ----------------------------------------------------------


def test_a_letter_without_total_and_predikat(cli: Cli, tmp_path: Path) -> None:
    blocks = [b for b in court_letter() if "Nilai Akuntabilitas Kinerja" not in str(b)
              and "Memuaskan" not in str(b) and "A', 'A'" not in str(b)]
    code, data = check(cli, write(tmp_path, blocks, "txt"))
    assert code == 1
    assert data["total"] is None and scores(data) == [26.1, 25.5, 13.2, 21.75]
    assert "missing" in kinds(data)


def test_prose_without_a_table_is_no_letter(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "surat.txt"
    path.write_text("Nilai komponen Perencanaan Kinerja dan Pengukuran Kinerja akan dinilai.\n", encoding="utf-8")
    code, _, err = cli("lhe", "check", path)
    assert code == 2 and "tabel nilai komponen tidak ditemukan" in err


# -- the contract ------------------------------------------------------------------------------------


def test_json_contract_keys(cli: Cli, tmp_path: Path) -> None:
    _, data = check(cli, write(tmp_path, court_letter(previous_total="82,80")))
    assert {"file", "number", "date", "unit", "performance_year", "components", "sum", "total", "category",
            "category_name", "expected_category", "previous", "verdict", "problems", "findings",
            "recommendations", "notes", "ocr"} <= set(data)
    assert {"id", "name", "label", "line", "weight", "stated_weight", "score", "previous",
            "combinations", "subcomponents"} <= set(data["components"][0])
    assert {"total", "category"} <= set(data["previous"])
    assert set(data["problems"][0]) == {"kind", "code", "message", "line", "component", "column"}
    assert set(data["recommendations"][0]) == {"id", "component", "text", "line", "criteria"}


def test_same_letter_same_bytes(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, noisy_court_letter(), ocr=True)
    first = cli("lhe", "check", path, "--format", "json")[1]
    assert cli("lhe", "check", path, "--format", "json")[1] == first


grid = {c.id: sorted(reachable(BOOK, c)) for c in BOOK.regime.components}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_reading_back_any_sound_letter(tmp_path: Path, data: st.DataObject) -> None:
    """Invariant: a court letter built from any on-grid scores, with their total and predikat, reads back
    exactly in every format and has no problem."""
    values = [data.draw(st.sampled_from(grid[c.id])) for c in BOOK.regime.components]
    total = sum(values, Decimal(0))
    category = category_of(BOOK, total)
    kind = data.draw(st.sampled_from(sorted(RENDER)))
    blocks = court_letter(current=tuple(format_id(v) for v in values), total=format_id(total),
                          category=f"{category.code} ({category.name.id})")
    letter = read_letter(write(tmp_path, blocks, kind), BOOK)
    result = check_letter(letter, BOOK)
    assert [r.current.reading.value for r in letter.components if r.current] == values
    assert letter.total == total
    assert result.verdict == []


# -- more of the variety real letters show ----------------------------------------------------------


def test_a_column_beside_the_scores_is_passed_over(cli: Cli, tmp_path: Path) -> None:
    """A `Kenaikan` (change) column after the years: its numbers belong to no year."""
    blocks = []
    for block in court_letter():
        cells = getattr(block, "cells", None)
        if cells and len(cells) == 5 and cells[1] == "Komponen":
            block = Row((*cells, "Kenaikan"))
        elif cells and len(cells) == 5 and cells[0] and cells[0][0].isdigit():
            block = Row((*cells, "0,50"))
        blocks.append(block)
    code, data = check(cli, write(tmp_path, blocks))
    assert code == 0 and data["problems"] == []
    assert scores(data) == [26.1, 25.5, 13.2, 21.75]
    assert scores(data, "previous") == [25.781, 24.9, 12.1, 20.083]


def test_a_predikat_named_without_its_code(cli: Cli, tmp_path: Path) -> None:
    blocks = [b for b in court_letter() if getattr(b, "cells", None) != (None, None, None, "A", "A")]
    blocks = replaced(blocks, ("(Memuaskan)", "Memuaskan"))
    code, data = check(cli, write(tmp_path, blocks))
    assert (data["category"], data["previous"]["category"]) == ("A", "A")
    assert code == 0


def test_letters_read_as_digits_are_repaired_and_noted(cli: Cli, tmp_path: Path) -> None:
    blocks = replaced(court_letter(), ("25,50", "2S,50"), ("21,75", "2l,75"))
    code, data = check(cli, write(tmp_path, blocks, ocr=True))
    assert code == 0 and scores(data) == [26.1, 25.5, 13.2, 21.75]
    assert sum(n["key"] == "repaired" for n in data["notes"]) == 2


def test_other_ways_of_stating_the_total(cli: Cli, tmp_path: Path) -> None:
    blocks = replaced(court_letter(), ("memperoleh nilai sebesar 86,55 atau A", "dengan Nilai Akuntabilitas Kinerja "
                                       "tahun 2023 adalah 85,55 (A / Memuaskan)"), ("(Memuaskan).", "."))
    code, data = check(cli, write(tmp_path, blocks))
    assert code == 1 and kinds(data) == ["text-table"]
    assert "85,55" in data["problems"][0]["message"]


def test_compound_numbers_headings_and_running_headers(cli: Cli, tmp_path: Path) -> None:
    """`1.1` items under a numbered group, `Saran dan Rekomendasi:` as the heading, and a running header
    repeated on the next page in the middle of an item."""
    letter = court_letter()
    cut = next(i for i, b in enumerate(letter) if getattr(b, "text", "") == "No. Rekomendasi")
    blocks = [*letter[:cut], Para("Saran dan Rekomendasi:"), Para("1. Perencanaan Kinerja"),
              Para("1.1 Agar pohon kinerja diturunkan sampai ke tingkat"), PageBreak(),
              Para("PENGADILAN TINGGI NEGERI CONTOH"), Para("staf pelaksana."),
              Para("1.2 Agar rencana aksi memuat jadwal."), Para("3. Pelaporan Kinerja"),
              Para("3.1 Agar laporan kinerja membandingkan capaian."), Para("Demikian.")]
    code, data = check(cli, write(tmp_path, blocks))
    assert code == 0
    recs = [(r["id"], r["component"], r["text"]) for r in data["recommendations"]]
    assert recs == [("1.1", "1", "Agar pohon kinerja diturunkan sampai ke tingkat staf pelaksana."),
                    ("1.2", "1", "Agar rencana aksi memuat jadwal."),
                    ("3.1", "3", "Agar laporan kinerja membandingkan capaian.")]


def test_findings_and_recommendations_side_by_side(cli: Cli, tmp_path: Path) -> None:
    letter = court_letter()
    cut = next(i for i, b in enumerate(letter) if getattr(b, "text", "") == "No. Catatan")
    blocks = [*letter[:cut],
              Row(("No", "Catatan", None, "Rekomendasi")),
              Row(("A.", "Perencanaan Kinerja")),
              Row(("1.", "Pohon kinerja belum", None, "Agar pohon kinerja")),
              Row((None, "berjenjang.", None, "dibuat berjenjang.")),
              Row(("B.", "Pengukuran Kinerja")),
              Row(("1.", "Rapat pemantauan belum ada.", None, "Agar rapat diadakan.")),
              Para("Demikian.")]
    code, data = check(cli, write(tmp_path, blocks))
    assert code == 0
    assert [(f["component"], f["text"]) for f in data["findings"]] == [
        ("1", "Pohon kinerja belum berjenjang."), ("2", "Rapat pemantauan belum ada.")]
    assert [(r["component"], r["text"]) for r in data["recommendations"]] == [
        ("1", "Agar pohon kinerja dibuat berjenjang."), ("2", "Agar rapat diadakan.")]


def test_an_ungrouped_recommendation_named_by_its_component(cli: Cli, tmp_path: Path) -> None:
    blocks = [*inspectorate_letter()[:-8], Para("Rekomendasi:"),
              Para("1. Pengukuran Kinerja: agar rapat pemantauan diadakan setiap triwulan."),
              Para("2. Menyusun pohon kinerja."), Para("Demikian laporan ini disampaikan.")]
    code, data = check(cli, write(tmp_path, blocks))
    assert code == 0
    assert [r["component"] for r in data["recommendations"]] == ["2", None]
