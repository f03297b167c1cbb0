"""The real letters in `../shared/reference/lhe/` (outside the repository), as field -> value: what their
README states, and what `lhe check FILE --format json` reports. The reference tests assert on it; run as
`python -m tests.reference_letters` (`make letter-accuracy`) it measures field-level accuracy over the
letters, counting each field as right, withheld (null: not legible, or not found) or wrong.

A withheld value is the reader's answer where the text layer garbles it (an OCR'd number, a date with no
legible day): honest, but not right. A wrong value is the one outcome a user cannot see for themselves.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip_eval.i18n import Lang
from sakip_eval.letters.check import check_letter
from sakip_eval.letters.lhe import check_to_dict
from sakip_eval.letters.reader import read_letter
from sakip_eval.rulebook.book import load_rulebook

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "lhe"
README = REFERENCE / "README.md"
MONTHS = {"Januari": 1, "Februari": 2, "Maret": 3, "April": 4, "Mei": 5, "Juni": 6, "Juli": 7, "Agustus": 8,
          "September": 9, "Oktober": 10, "November": 11, "Desember": 12}
WEIGHTS = [Decimal(30), Decimal(30), Decimal(15), Decimal(25)]
# Recommendations per component ("1".."4"), counted on the letters by eye (the README does not list them).
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
FIELDS = ("number", "date", "unit", "performance_year", "weight", "score", "previous", "total", "category",
          "previous.total", "previous.category", "recommendations", "problems", "problems.previous")
# Fields counted once per component.
PER_COMPONENT = ("weight", "score", "previous")


def decimal(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", "."))


def readme_rows() -> list[dict[str, str]]:
    """The README's table, one dict per letter; empty when the folder is absent."""
    if not README.is_file():
        return []
    lines = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    head = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(head, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
            for line in lines[2:]]


def expected(row: dict[str, str]) -> dict[str, Any]:
    """The README's facts as the JSON would state them. `previous` (per component) is the sum the facts
    give for the previous-year column, else the previous total (the README lists those components only
    where they slip); it is compared at its printed precision."""
    facts = row["facts"]
    day, month, year = row["date"].split()
    previous_total, _, previous_category = row["previous total (category)"].strip(")").partition(" (")
    stated_sum = re.search(r"previous-year components(?: \(([^)]*)\))? sum to (\d+,\d+)", facts)
    this_year_sum = re.search(r"(?:^|; )components sum to ([\d,]+), stated ([\d,]+)", facts)
    previous_problems = (["sum"] if stated_sum else []) + (["category"] if "previous category printed" in facts
                                                             else [])
    return {
        "number": row["letter number"],
        "date": f"{year}-{MONTHS[month]:02d}-{int(day):02d}",
        "unit": row["unit"],
        "performance_year": int(row["performance year"]),
        "weight": WEIGHTS,
        "score": [decimal(v) for v in row["components (this year)"].split("/")],
        "previous": decimal(stated_sum[2]) if stated_sum else decimal(previous_total),
        "total": decimal(row["total"]),
        "category": row["category"],
        "previous.total": decimal(previous_total),
        "previous.category": previous_category,
        "recommendations": RECOMMENDATIONS[row["slug"]],
        "problems": ["sum"] if this_year_sum else [],
        "problems.previous": sorted(previous_problems),
    }


def _number(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def actual(data: dict[str, Any]) -> dict[str, Any]:
    """The same fields from `lhe check --format json`."""
    components = {c["id"]: c for c in data["components"]}
    ordered = [components.get(key, {}) for key in ("1", "2", "3", "4")]
    previous = [_number(c.get("previous")) for c in ordered]
    counts: dict[str, int] = {}
    for rec in data["recommendations"]:
        counts[rec["component"]] = counts.get(rec["component"], 0) + 1
    before = data["previous"] or {}
    return {
        "number": data["number"],
        "date": data["date"],
        "unit": data["unit"],
        "performance_year": data["performance_year"],
        "weight": [_number(c.get("stated_weight")) for c in ordered],
        "score": [_number(c.get("score")) for c in ordered],
        "previous": None if None in previous else sum((v for v in previous if v is not None), Decimal(0)),
        "total": _number(data["total"]),
        "category": data["category"],
        "previous.total": _number(before.get("total")),
        "previous.category": before.get("category"),
        "recommendations": counts,
        "problems": sorted(p["kind"] for p in data["problems"] if p["column"] is None),
        "problems.previous": sorted(p["kind"] for p in data["problems"] if p["column"] == "previous"),
    }


def outcomes(field: str, want: Any, got: Any) -> Iterator[str]:
    """`right`, `withheld` or `wrong`, once per value of the field (per component for the columns)."""
    if field in PER_COMPONENT and field != "previous":
        for w, g in zip(want, got, strict=True):
            yield "withheld" if g is None else "right" if g == w else "wrong"
        return
    if got is None:
        yield "withheld"
    elif field == "previous":  # the column's sum, at the precision the fact is printed with
        yield "right" if got.quantize(want) == want else "wrong"
    else:
        yield "right" if got == want else "wrong"


def measure(check: Any) -> dict[str, dict[str, int]]:
    """Per field, how many values were right, withheld or wrong over every reference letter; `check` maps a
    letter's path to its JSON."""
    tally = {field: {"right": 0, "withheld": 0, "wrong": 0} for field in FIELDS}
    for row in readme_rows():
        want, got = expected(row), actual(check(REFERENCE / f"{row['slug']}.pdf"))
        for field in FIELDS:
            for outcome in outcomes(field, want[field], got[field]):
                tally[field][outcome] += 1
    return tally


def _check_in_process(path: Path) -> dict[str, Any]:
    """What `lhe check PATH --format json` prints, without a process per letter."""
    book = load_rulebook("lke-2021")
    return check_to_dict(check_letter(read_letter(path, book), book), book, Lang.EN)


def main() -> int:
    if not README.is_file():
        print(f"skipped: {REFERENCE} not present")
        return 0
    tally = measure(_check_in_process)
    print(f"{'field':<20}{'right':>7}{'withheld':>10}{'wrong':>7}{'of':>5}  ({len(readme_rows())} letters)")
    for field, counts in tally.items():
        print(f"{field:<20}{counts['right']:>7}{counts['withheld']:>10}{counts['wrong']:>7}{sum(counts.values()):>5}")
    totals = {key: sum(c[key] for c in tally.values()) for key in ("right", "withheld", "wrong")}
    print(f"{'all':<20}{totals['right']:>7}{totals['withheld']:>10}{totals['wrong']:>7}{sum(totals.values()):>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
