"""The real letters in `../shared/reference/lhe/` (outside the repository; skipped when absent): what
`lhe check FILE.pdf --format json` reports is every fact their README states.

The README's table gives each letter's number, date, unit, year, both years' totals and categories, this
year's components and the arithmetic slips; its facts column says where the OCR text layer garbles a
value (then the reader must report it as not legible, never give the garbled value). The counts of
recommendations per component were read from the letters by eye for this test.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .conftest import ROOT, Cli

REFERENCE = ROOT.parent / "shared" / "reference" / "lhe"
README = REFERENCE / "README.md"
MONTHS = {"Mei": 5, "Juni": 6}
# Recommendations per component ("1".."4"), counted on the letters.
RECOMMENDATIONS = {
    "pa-binjai-2024": {"1": 2},
    "pa-kabanjahe-2024": {"1": 1},
    "pa-medan-2024": {"1": 2, "2": 2, "3": 1, "4": 1},
    "pa-rantauprapat-2024": {"1": 1, "2": 1},
    "pa-pematangsiantar-2024": {"1": 2, "2": 2, "4": 2},
    "pa-balige-2024": {"1": 2, "2": 3},
    "pa-padangsidimpuan-2024": {"1": 1, "2": 1},
    "pa-gunungsitoli-2024": {"1": 2, "2": 2, "4": 1},
    "pa-pandan-2024": {"1": 3, "2": 1, "4": 1},
    "pa-panyabungan-2024": {"1": 1, "2": 1, "3": 1},
    "pa-kota-padangsidimpuan-2024": {"1": 2, "2": 2, "3": 1},
    "pa-kabanjahe-2025": {"2": 1, "3": 1, "4": 1},
}

pytestmark = pytest.mark.skipif(not README.is_file(), reason="reference letters not present")


def _decimal(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", "."))


def readme_rows() -> list[dict[str, str]]:
    if not README.is_file():
        return []
    lines = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    head = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(head, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
            for line in lines[2:]]


def check(cli: Cli, slug: str) -> tuple[int, dict[str, Any]]:
    code, out, err = cli("lhe", "check", REFERENCE / f"{slug}.pdf", "--format", "json")
    assert code in (0, 1), err
    return code, json.loads(out)


@pytest.mark.parametrize("row", readme_rows(), ids=lambda row: row["slug"])
def test_reference_letter(cli: Cli, row: dict[str, str]) -> None:
    code, data = check(cli, row["slug"])
    facts = row["facts"]
    ocr = "OCR" in facts

    # number and date: as printed, or not given where the text layer garbles them
    if "garbles the letter number" in facts:
        assert data["number"] is None
    else:
        assert data["number"] == row["letter number"]
    day, month, year = row["date"].split()
    if "drops the handwritten day" in facts:
        assert data["date"] is None
    else:
        assert data["date"] == f"{year}-{MONTHS[month]:02d}-{int(day):02d}"
    assert data["unit"] == row["unit"] or (
        "spells the unit" in facts and data["unit"] == row["unit"])
    assert data["performance_year"] == int(row["performance year"])
    assert data["ocr"] is ocr

    # both years' scores
    stated = [_decimal(v) for v in row["components (this year)"].split("/")]
    assert [Decimal(str(c["score"])) for c in data["components"]] == stated
    assert [c["id"] for c in data["components"]] == ["1", "2", "3", "4"]
    assert Decimal(str(data["total"])) == _decimal(row["total"])
    assert data["category"] == row["category"]
    previous_total, previous_category = re.fullmatch(r"(\S+) \((\w+)\)", row["previous total (category)"]).groups()
    assert data["previous"]["category"] == previous_category
    printed = re.search(r"previous total as (\S+) \(the page shows", facts)
    if printed:  # the OCR layer misreads it: contradicted by its components and its predikat, not used
        assert data["previous"]["total"] is None
        assert any(p["column"] == "previous" and p["kind"] == "sum" and printed[1] in p["message"]
                   for p in data["problems"])
    else:
        assert Decimal(str(data["previous"]["total"])) == _decimal(previous_total)
    assert all(c["previous"] is not None for c in data["components"])

    # the verdict: this year's slips, last year's apart
    current = sorted(p["kind"] for p in data["problems"] if p["column"] is None)
    previous = sorted(p["kind"] for p in data["problems"] if p["column"] == "previous")
    this_year_sum = re.search(r"(?:^|; )components sum to ([\d,]+), stated ([\d,]+)", facts)
    assert current == (["sum"] if this_year_sum else [])
    assert code == (1 if this_year_sum else 0)
    expected_previous = []
    if re.search(r"previous-year components(?: \([^)]*\))? sum to", facts):
        expected_previous.append("sum")
    if "previous category printed" in facts:
        expected_previous.append("category")
    assert previous == sorted(expected_previous)

    # recommendations, grouped by component
    counts: dict[str, int] = {}
    for rec in data["recommendations"]:
        counts[rec["component"]] = counts.get(rec["component"], 0) + 1
    assert counts == RECOMMENDATIONS[row["slug"]]
    assert all(rec["text"] and rec["line"] for rec in data["recommendations"])


def test_every_reference_letter_is_in_the_readme() -> None:
    assert sorted(p.stem for p in REFERENCE.glob("*.pdf")) == sorted(r["slug"] for r in readme_rows())


@pytest.mark.parametrize("row", readme_rows(), ids=lambda row: row["slug"])
def test_reference_letter_imports(cli: Cli, tmp_path: Path, row: dict[str, str]) -> None:
    """`followup import` of each letter records its number and date, its recommendations with their
    component, and both years in `history` (a total the OCR layer garbles is left out, with a warning)."""
    slug = row["slug"]
    ws = tmp_path / "ws"
    code, _, err = cli("init", ws, "--opd", row["unit"], "--year", str(int(row["performance year"]) + 2))
    assert code == 0, err
    before = (ws / "workspace.yaml").read_text(encoding="utf-8")
    code, _, err = cli("followup", ws, "import", REFERENCE / f"{slug}.pdf")
    assert code == 0, err
    code, listed, _ = cli("followup", ws, "list", "--format", "json")
    recs = json.loads(listed)
    counts: dict[str, int] = {}
    for rec in recs:
        counts[rec["component"]] = counts.get(rec["component"], 0) + 1
        assert rec["source"]["number"] == (None if "garbles the letter number" in row["facts"]
                                           else row["letter number"])
    assert counts == RECOMMENDATIONS[slug]

    meta = YAML(typ="safe").load((ws / "workspace.yaml").read_text(encoding="utf-8"))
    year = int(row["performance year"])
    this_year = meta["history"][year + 1]
    assert (this_year["total"], this_year["category"]) == (row["total"], row["category"])
    assert list(this_year["components"].values()) == [v.strip() for v in row["components (this year)"].split("/")]
    previous_total, previous_category = re.fullmatch(r"(\S+) \((\w+)\)", row["previous total (category)"]).groups()
    if "previous total as" in row["facts"]:
        assert year not in meta["history"] and "tidak dicatat" in err
    else:
        assert (meta["history"][year]["total"], meta["history"][year]["category"]) == (previous_total,
                                                                                     previous_category)
    kept = [line for line in before.splitlines() if not line.startswith("history:")]
    assert [line for line in (ws / "workspace.yaml").read_text(encoding="utf-8").splitlines()
            if line in kept] == kept  # every other line as it was
