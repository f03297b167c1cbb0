"""`lhe check`: reading an LHE letter and checking its arithmetic against the rulebook's grade grid."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_eval.i18n import Lang
from sakip_eval.letters.check import check_letter, reachable
from sakip_eval.letters.prose import parse_date
from sakip_eval.letters.reader import parse_letter
from sakip_eval.numbers import format_id
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.grades import category_of

from .conftest import LHE_2024, Cli, flat

BOOK = load_rulebook()


def letter_with(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = LHE_2024.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "lhe.txt"
    path.write_text(text, encoding="utf-8")
    return path


def check_json(cli: Cli, path: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, out, _ = cli("lhe", "check", path, "--format", "json", *extra)
    return code, json.loads(out)


def test_reference_lhe_holds(cli: Cli) -> None:
    code, data = check_json(cli, LHE_2024)
    assert code == 0
    assert data["problems"] == []
    assert (data["number"], data["date"]) == ("700/910/416-060/2024", "2024-05-03")
    assert [(c["id"], c["weight"], c["score"]) for c in data["components"]] == [
        ("1", 30.0, 26.1), ("2", 30.0, 26.4), ("3", 15.0, 13.05), ("4", 25.0, 16.75)]
    assert (data["total"], data["sum"], data["category"], data["expected_category"]) == (82.3, 82.3, "A", "A")


def test_reference_lhe_lists_the_combinations_for_26_10(cli: Cli) -> None:
    _, data = check_json(cli, LHE_2024)
    combos = data["components"][0]["combinations"]
    # 26.10 = 6 x 1.0 + 9 x 0.9 + 15 x 0.8 is one decomposition (weights 6, 9, 15 of component 1).
    assert {"1.a": "AA", "1.b": "A", "1.c": "BB"} in combos
    assert len(combos) == 5
    weights = {s.id: s.weight for s in BOOK.regime.components[0].subcomponents}
    for combo in combos:
        assert sum(weights[sub] * BOOK.grade(grade).factor for sub, grade in combo.items()) == Decimal("26.10")
    assert all(c["combinations"] for c in data["components"])


def test_reference_lhe_table_output(cli: Cli) -> None:
    code, out, _ = cli("lhe", "check", LHE_2024)
    assert code == 0
    assert "1.a AA · 1.b A · 1.c BB" in out
    assert "Aritmetika LHE konsisten" in out
    code, out, _ = cli("lhe", "check", LHE_2024, "--lang", "en")
    assert "The LHE's arithmetic holds" in out


def test_whole_reference_file_reads_from_the_lhe_heading(tmp_path: Path) -> None:
    """The reference file carries the LKjIP before the letter; reading starts at the last heading."""
    lkjip = "LAPORAN KINERJA\nKomponen\t30,00\t99,99\nJumlah\t100,00\t12,00\n\n"
    letter = parse_letter(lkjip + LHE_2024.read_text(encoding="utf-8"), BOOK)
    assert letter.total == Decimal("82.30")
    assert check_letter(letter, BOOK).problems == []


def test_total_that_is_not_the_sum(cli: Cli, tmp_path: Path) -> None:
    path = letter_with(tmp_path, ("Jumlah\t100,00\t82,30", "Jumlah\t100,00\t82,40"))
    code, data = check_json(cli, path)
    assert code == 1
    codes = [p["code"] for p in data["problems"]]
    assert "sum" in codes
    sum_problem = next(p for p in data["problems"] if p["code"] == "sum")
    assert sum_problem["message"] == "jumlah nilai komponen 82,30 tidak sama dengan total tertulis 82,40"
    assert sum_problem["line"] == 57
    assert "narrative_total" in codes  # item 1 still says 82,30


def test_component_off_the_grade_grid(cli: Cli, tmp_path: Path) -> None:
    path = letter_with(
        tmp_path,
        ("a. Perencanaan Kinerja\t30,00\t26,10", "a. Perencanaan Kinerja\t30,00\t26,15"),
        ("Jumlah\t100,00\t82,30", "Jumlah\t100,00\t82,35"),
        ("Nilai AKIP **82,30**", "Nilai AKIP **82,35**"),
        ("kinerja menunjukkan nilai sebesar **26,10**", "kinerja menunjukkan nilai sebesar **26,15**"),
    )
    code, data = check_json(cli, path)
    assert code == 1
    assert [p["code"] for p in data["problems"]] == ["off_grid"]
    problem = data["problems"][0]
    assert problem["component"] == "1" and problem["line"] == 53
    assert "26,15 tidak dapat dihasilkan" in problem["message"]
    assert "26,10 dan 26,40" in problem["message"]
    assert data["components"][0]["combinations"] == []


def test_predikat_that_does_not_match_the_total(cli: Cli, tmp_path: Path) -> None:
    path = letter_with(tmp_path, ("predikat **A (Memuaskan)**.", "predikat **BB (Sangat Baik)**."))
    code, data = check_json(cli, path, "--lang", "en")
    assert code == 1
    assert data["category"] == "BB" and data["expected_category"] == "A"
    assert [(p["code"], p["line"]) for p in data["problems"]] == [("category", 23)]
    assert data["problems"][0]["message"] == "the stated category is BB, but a total of 82.30 is A"


def test_predikat_name_that_does_not_match_its_code(cli: Cli, tmp_path: Path) -> None:
    path = letter_with(tmp_path, ("Pencapaian predikat **A (Memuaskan)**", "Pencapaian predikat **A (Sangat Baik)**"))
    code, data = check_json(cli, path)
    assert code == 1
    assert [p["code"] for p in data["problems"]] == ["category_name"]


def test_weight_and_narrative_component_mismatches(cli: Cli, tmp_path: Path) -> None:
    path = letter_with(
        tmp_path,
        ("c. Pelaporan Kinerja\t15,00\t13,05", "c. Pelaporan Kinerja\t20,00\t13,05"),
        ("kinerja menunjukkan nilai sebesar **26,40**", "kinerja menunjukkan nilai sebesar **26,04**"),
    )
    _, data = check_json(cli, path)
    assert sorted(p["code"] for p in data["problems"]) == ["narrative_component", "weight"]


def test_missing_component_total_and_predikat(tmp_path: Path) -> None:
    text = "Komponen\tBobot\tNilai\na. Perencanaan Kinerja\t30,00\t26,10\n"
    check = check_letter(parse_letter(text, BOOK), BOOK)
    assert sorted(p.code for p in check.problems) == [
        "missing_category", "missing_component", "missing_component", "missing_component", "missing_total"]
    assert check.problems[0].message(Lang.EN)


def test_pipes_and_spaces_layout(tmp_path: Path) -> None:
    text = "\n".join([
        "Nomor : 700/1/2025", "Tanggal : 2 Juni 2025",
        "| Komponen | Bobot | Nilai |",
        "| a. Perencanaan Kinerja | 30 | 24,00 |",
        "b. Pengukuran Kinerja      30,00      24,00",
        "| c. Pelaporan Kinerja | 15 | 12.00 |",
        "| d. Evaluasi Akuntabilitas Kinerja Internal | 25 | 20,00 |",
        "| Jumlah | 100 | 80,00 |",
        "diperoleh nilai AKIP 80,00 dengan predikat BB (Sangat Baik)",
    ])
    letter = parse_letter(text, BOOK)
    assert (letter.number, letter.date) == ("700/1/2025", dt.date(2025, 6, 2))
    check = check_letter(letter, BOOK)
    assert check.problems == []  # 80,00 is BB: lower bounds are exclusive
    assert check.expected_category == "BB"


def test_a_file_without_a_score_table_is_bad_input(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "surat.txt"
    path.write_text("Nomor : 1\nIsi surat tanpa tabel.\n", encoding="utf-8")
    code, _, err = cli("lhe", "check", path)
    assert code == 2
    assert "tabel nilai komponen tidak ditemukan" in flat(err)
    code, _, err = cli("lhe", "check", tmp_path / "tidak-ada.txt")
    assert code == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("03 Mei 2024", dt.date(2024, 5, 3)), ("3 Nopember 2023", dt.date(2023, 11, 3)),
    ("03-05-2024", dt.date(2024, 5, 3)), ("2024-05-03", dt.date(2024, 5, 3)),
    ("31 Februari 2024", None), ("kemarin", None),
])
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


grade_codes = [g.code for g in BOOK.regime.grades]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(grade_codes), min_size=12, max_size=12))
def test_any_letter_built_from_real_grades_passes(grades: list[str]) -> None:
    """Invariant: a letter whose scores come from real grades, with the right total and predikat, has no
    problem, and the grades that built each component are among its combinations."""
    subs = [s for c in BOOK.regime.components for s in c.subcomponents]
    chosen = dict(zip((s.id for s in subs), grades, strict=True))
    lines = []
    total = Decimal(0)
    for comp in BOOK.regime.components:
        score = sum((s.weight * BOOK.grade(chosen[s.id]).factor for s in comp.subcomponents), Decimal(0))
        total += score
        lines.append(f"{comp.id}. {comp.name.id}\t{format_id(comp.weight)}\t{format_id(score)}")
    category = category_of(BOOK, total)
    text = "\n".join([*lines, f"Jumlah\t100,00\t{format_id(total)}",
                      f"predikat {category.code} ({category.name.id})"])
    check = check_letter(parse_letter(text, BOOK), BOOK)
    assert check.problems == []
    for comp_check, comp in zip(check.components, BOOK.regime.components, strict=True):
        assert {s.id: chosen[s.id] for s in comp.subcomponents} in comp_check.combinations


def test_reachable_follows_the_rulebook_not_constants() -> None:
    """Change the grade factors in a copy of the regime and the reachable scores change with it."""
    grades = [g.model_copy(update={"factor": Decimal(1) if g.code == "AA" else Decimal(0)})
              for g in BOOK.regime.grades]
    book = BOOK.model_copy(update={"regime": BOOK.regime.model_copy(update={"grades": grades})})
    comp = book.regime.components[0]
    assert set(reachable(book, comp)) == {Decimal(v) for v in ("0", "6", "9", "15", "21", "24", "30")}
    assert Decimal("26.10") not in reachable(book, comp)


def test_criteria_average_method_does_not_flag_scores_between_grid_points() -> None:
    book = BOOK.model_copy(update={"regime": BOOK.regime.model_copy(update={"method": "criteria-average"})})
    text = LHE_2024.read_text(encoding="utf-8").replace("26,10", "26,15").replace("82,30", "82,35")
    check = check_letter(parse_letter(text, book), book)
    assert check.problems == []
    assert check.components[0].combinations == []
