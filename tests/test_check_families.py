"""What a consistency finding says (where, what, why) and which value it takes as the reference. Whether
each check fires at all, and stays quiet on consistent data, is proven by its fixtures
(rules/lke-2021/checks/<id>/tests/, run by test_rulebook_fixtures)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from sakip_eval.cli import main

HEAD = """
indicators:
  - {id: ikm, name: IKM Kecamatan}
  - {id: sakip, name: Nilai SAKIP}
  - {id: ipasn, name: IP ASN}
  - {id: emisi, name: Emisi, direction: lower}
budget_lines:
  - {id: opd, level: opd, name: OPD}
  - {id: prog, level: program, parent: opd, name: Program}
  - {id: keg, level: kegiatan, parent: prog, name: Kegiatan}
  - {id: sub-a, level: sub_kegiatan, parent: keg, name: Sub A}
  - {id: sub-b, level: sub_kegiatan, parent: keg, name: Sub B}
"""


def write_workspace(root: Path, lkjip: str, assessment: str | None = None, inventory: str = "items: []\n") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "workspace.yaml").write_text("opd: Kecamatan Uji\nevaluation_year: 2025\n", encoding="utf-8")
    (root / "inventory.yaml").write_text(inventory, encoding="utf-8")
    if assessment is not None:
        (root / "assessment.yaml").write_text(assessment, encoding="utf-8")
    (root / "lkjip.yaml").write_text(HEAD + textwrap.dedent(lkjip), encoding="utf-8")
    return root


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings(tmp_path: Path, capsys: pytest.CaptureFixture[str], lkjip: str) -> list[dict[str, object]]:
    code, out, err = run(["check", str(write_workspace(tmp_path / "ws", lkjip)), "--format", "json"], capsys)
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)["findings"]
    return found


PLANS_WITH_A_RECORDED_CHANGE = """
tables:
  - {id: pk, title: PK, source: pk_awal, rows: [{indicator: sakip, target: "81"}]}
  - {id: pkp, title: PK Perubahan, source: pk_perubahan, rows: [{indicator: sakip, target: "82"}]}
  - {id: renja, title: Renja, source: renja, rows: [{indicator: sakip, target: "82"}]}
changes:
  - {year: 2024, from_source: pk_awal, to_source: pk_perubahan, reason: perubahan anggaran dan proyeksi realisasi}
"""
WRONG_CAPAIAN = """
tables:
  - id: t1
    title: Tabel 3.1
    rows: [{indicator: ipasn, target: "82", realisasi: "79,28", capaian: "99%"}]
"""


def test_a_recorded_change_is_information_not_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = findings(tmp_path, capsys, PLANS_WITH_A_RECORDED_CHANGE)
    recorded = [f for f in found if f["check"] == "target-berubah-tercatat"]
    assert [f["severity"] for f in recorded] == ["info"]
    assert (recorded[0]["stated"], recorded[0]["expected"]) == ("81", "82")


def test_a_finding_says_where_what_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = findings(tmp_path, capsys, WRONG_CAPAIAN)
    (finding,) = [f for f in found if f["check"] == "capaian-salah"]
    assert finding == {
        "id": "capaian-salah/t1/ipasn/2024",
        "check": "capaian-salah",
        "severity": "error",
        "where": f"Tabel 3.1 › IP ASN › 2024 › capaian (lkjip.yaml:{finding['where'].split(':')[-1]}",
        "stated": "99",
        "expected": "96,68",
        "criteria": ["2.b.3", "3.b.1", "3.b.3"],
        "message": "Capaian tertulis 99%, padahal realisasi 79,28 dan target 82 memberi 96,68%",
    }
    line = int(str(finding["where"]).rsplit(":", 1)[1].rstrip(")"))
    text = (tmp_path / "ws" / "lkjip.yaml").read_text(encoding="utf-8").splitlines()
    assert 'capaian: "99%"' in text[line - 1]


def test_cross_table_finding_prefers_the_signed_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = findings(tmp_path, capsys, """
tables:
  - {id: t21, title: Tabel 2.2, source: pk_perubahan, rows: [{indicator: sakip, target: "81"}]}
  - {id: t32, title: Tabel 3.2, rows: [{indicator: sakip, target: "81"}]}
  - {id: pkp, title: PK Perubahan (ditandatangani), source: pk_perubahan, reference: true,
     rows: [{indicator: sakip, target: "82"}]}
""")
    (finding,) = [f for f in found if f["check"] == "target-beda-antar-tabel"]
    assert (finding["stated"], finding["expected"]) == ("81", "82")
    assert "Tabel 2.2" in str(finding["where"]) and "Tabel 3.2" in str(finding["where"])
