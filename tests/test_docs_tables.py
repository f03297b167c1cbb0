"""The tables docs/ shows of the rulebook and of the calibration set are generated from their data
(`make docs`) and up to date."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.docs_tables import BLOCK, CALIBRATION_SET, TABLES, Sources, render


def test_every_generated_table_is_up_to_date() -> None:
    sources = Sources()
    for name, (path, _) in TABLES.items():
        text = path.read_text(encoding="utf-8")
        assert f"<!-- generated: {name} -->" in text, f"{path} lost its {name} table"
        assert render(text, sources) == text, f"{path}: run `make docs` ({name} table out of date)"


def test_a_table_follows_the_data() -> None:
    stale = "<!-- generated: checks -->\n| old |\n<!-- end: checks -->\n"
    fresh = render(stale, Sources())
    assert "`capaian-salah` | error |" in fresh and "3.b.1 (refute)" in fresh and "3.b.6 (cap BB)" in fresh
    assert BLOCK.search(fresh) is not None


def test_the_calibration_tables_follow_the_calibration_set(tmp_path: Path) -> None:
    """A set of three cases gives three rows and sums up three cases, with each case's letter as written
    (a previous total changed in workspace.yaml shows as changed)."""
    for name in ("pa-binjai-2024", "pa-medan-2024", "pa-pandan-2024"):
        shutil.copytree(CALIBRATION_SET / name, tmp_path / name)
    workspace = tmp_path / "pa-binjai-2024" / "workspace.yaml"
    workspace.write_text(workspace.read_text(encoding="utf-8").replace('total: "82,9"', 'total: "80,9"'),
                         encoding="utf-8")
    stale = ("<!-- generated: calibration-cases -->\n| old |\n<!-- end: calibration-cases -->\n"
             "<!-- generated: calibration-summary -->\n| old |\n<!-- end: calibration-summary -->\n"
             "<!-- generated: calibration-grades -->\n| old |\n<!-- end: calibration-grades -->\n")
    fresh = render(stale, Sources(tmp_path))
    cases = fresh.split("<!-- end: calibration-cases -->")[0]
    rows = [line for line in cases.splitlines() if line.startswith("| pa-")]
    assert [row.split(" | ")[0] for row in rows] == ["| pa-binjai-2024", "| pa-medan-2024", "| pa-pandan-2024"]
    assert rows[0].split(" | ")[1] == "80,90" and rows[0].split(" | ")[7] == "87,80"
    assert "| prediksi (leave-one-out) |" in fresh and "/3 |" in fresh and "| old |" not in fresh
    assert "| pa-binjai-2024 | LKE evaluator | A | BB | BB |" in fresh  # the one case whose LKE is known
