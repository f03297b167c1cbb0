"""Each consistency-check family on a minimal workspace: one lkjip.yaml that triggers it and one that
must not (consistent values, rounding within tolerance, blanks that are missing rather than zero)."""

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


# (family, check id, lkjip.yaml that must trigger it, lkjip.yaml that must not)
CASES = [
    ("capaian", "capaian-salah", """
tables:
  - id: t1
    title: Tabel 3.1
    rows: [{indicator: ipasn, target: "82", realisasi: "79,28", capaian: "99%"}]
""", """
tables:
  - id: t1
    title: Tabel 3.1
    rows:
      - {indicator: ipasn, target: "90", realisasi: "92,48%", capaian: "102%"}    # 102,76 truncated
      - {indicator: ikm, target: "88,31", realisasi: "91,75", capaian: "104 %"}   # 103,90 rounded
      - {indicator: emisi, target: "10", realisasi: "8", capaian: "125%"}        # lower is better: 10/8
      - {indicator: sakip, target: "81", realisasi: "-", capaian: "-"}           # missing, not zero
"""),
    ("capaian, lower is better", "capaian-salah", """
tables:
  - {id: t1, title: T, rows: [{indicator: emisi, target: "10", realisasi: "8", capaian: "80%"}]}
""", """
tables:
  - {id: t1, title: T, rows: [{indicator: emisi, target: "10", realisasi: "8", capaian: "125,00%"}]}
"""),
    ("target across tables", "target-beda-antar-tabel", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: sakip, target: "82"}]}
  - {id: t2, title: Tabel 3.2, rows: [{indicator: sakip, target: "81"}]}
""", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: sakip, target: "82,5"}]}
  - {id: t2, title: Tabel 3.2, rows: [{indicator: sakip, target: "82,50"}]}
  - {id: t3, title: Renstra, source: renstra, target_year: 2026, rows: [{indicator: sakip, target: "80"}]}
"""),
    ("realisation across tables", "realisasi-beda-antar-tabel", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: sakip, realisasi: "82,5"}]}
  - {id: t2, title: Tabel 3.2, rows: [{indicator: sakip, realisasi: "82,30"}]}
""", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: ipasn, realisasi: "92,48%"}]}
  - {id: t2, title: Tabel 3.4, rows: [{indicator: ipasn, realisasi: "92.48%"}]}
"""),
    ("capaian across tables", "capaian-beda-antar-tabel", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: sakip, capaian: "101%"}]}
  - {id: t2, title: Tabel 3.7, rows: [{indicator: sakip, capaian: "99%"}]}
""", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: ikm, capaian: "104%"}]}
  - {id: t2, title: Tabel 3.3, source: renstra, target_year: 2026, rows: [{indicator: ikm, capaian: "107%"}]}
"""),
    ("percentage of amounts", "persen-anggaran-salah", """
budgets:
  - id: b1
    title: Tabel 3.6
    rows: [{line: prog, pagu: "235.500.000", realisasi: "218.783.620", persen: "92,98%"}]
""", """
budgets:
  - id: b1
    title: Tabel 3.7
    rows: [{line: prog, pagu: "6.491.378.000", realisasi: "6.136.278.426", persen: "94,52%"}]
  - id: b2
    title: Tabel 3.2.1
    share_of: opd
    rows:
      - {line: opd, pagu: "10.455.592.750"}
      - {line: prog, pagu: "5.804.378.000", share: "55,51%"}
"""),
    ("share of a total", "persen-anggaran-salah", """
budgets:
  - id: b2
    title: Tabel 3.2.1
    share_of: opd
    rows: [{line: opd, pagu: "10.000"}, {line: prog, pagu: "5.000", share: "60%"}]
""", """
budgets:
  - id: b2
    title: Tabel 3.2.1
    share_of: opd
    rows: [{line: opd, pagu: "10.000"}, {line: prog, pagu: "5.000", share: "50%"}]
"""),
    ("allocation across tables", "pagu-beda-antar-tabel", """
budgets:
  - {id: b1, title: Tabel 3.6, rows: [{line: prog, pagu: "235.500.000"}]}
  - {id: b2, title: Tabel 3.2.2, rows: [{line: prog, pagu: "235.000.000"}]}
""", """
budgets:
  - {id: b1, title: PK awal, stage: apbd, rows: [{line: prog, pagu: "240.000.000"}]}
  - {id: b2, title: Tabel 3.2.2, rows: [{line: prog, pagu: "235.000.000"}]}
"""),
    ("realisation or percentage across tables", "realisasi-anggaran-beda-antar-tabel", """
budgets:
  - {id: b1, title: Tabel 3.7, rows: [{line: prog, persen: "94,52%"}]}
  - {id: b2, title: Lampiran, rows: [{line: prog, persen: "94,53%"}]}
""", """
budgets:
  - {id: b1, title: Tabel 3.7, rows: [{line: prog, realisasi: "6.136.278.426", persen: "94,52%"}]}
  - {id: b2, title: Lampiran, rows: [{line: prog, realisasi: "Rp. 6.136.278.426,00", persen: "94,52 %"}]}
"""),
    ("allocation total vs parts", "jumlah-pagu-salah", """
budgets:
  - id: b1
    title: Renja
    complete: true
    rows: [{line: prog, pagu: "100.000"}, {line: sub-a, pagu: "40.000"}, {line: sub-b, pagu: "50.000"}]
""", """
budgets:
  - id: b1
    title: Renja
    complete: true
    rows: [{line: prog, pagu: "100.000"}, {line: sub-a, pagu: "40.000"}, {line: sub-b, pagu: "-"}]
  - id: b2
    title: Tabel 3.6 (tidak merinci semua baris)
    rows: [{line: opd, pagu: "100.000"}, {line: sub-a, pagu: "40.000"}]
"""),
    ("allocation split by fund", "jumlah-pagu-salah", """
budgets:
  - id: b1
    title: PK
    rows: [{line: prog, pagu: "3.550.000.000", funds: {APBD: "2.703.414.750", DAU: "1.000.000.000"}}]
""", """
budgets:
  - id: b1
    title: PK
    rows: [{line: prog, pagu: "3.703.414.750", funds: {APBD: "2.703.414.750", DAU: "1.000.000.000"}}]
"""),
    ("realisation total vs parts", "jumlah-realisasi-salah", """
budgets:
  - id: b1
    title: Realisasi belanja
    complete: true
    rows: [{line: opd, realisasi: "95.000"}, {line: sub-a, realisasi: "40.000"}, {line: sub-b, realisasi: "50.000"}]
""", """
budgets:
  - id: b1
    title: Realisasi belanja
    complete: true
    rows: [{line: opd, realisasi: "90.000"}, {line: sub-a, realisasi: "40.000"}, {line: sub-b, realisasi: "50.000"}]
"""),
    ("narrative amount", "narasi-bertentangan", """
budgets:
  - {id: b1, title: Tabel 3.2.2, rows: [{line: opd, pagu: "10.455.592.750", realisasi: "9.669.315.336"}]}
narratives:
  - {id: n1, kind: budget, section: Bab III, text: "terealisasi sebesar Rp. 9.315.336,00,-", line: opd,
     realisasi: "Rp. 9.315.336,00,-"}
""", """
budgets:
  - id: b1
    title: Tabel 3.2.2
    rows: [{line: opd, pagu: "10.455.592.750", realisasi: "9.669.315.336", persen: "92,48%"}]
narratives:
  - {id: n1, kind: budget, section: Bab III, text: "Rp. 9.669.315.336 atau 92%, sisa Rp. 786.277.414,00", line: opd,
     realisasi: "Rp. 9.669.315.336", persen: "92%", sisa: "Rp. 786.277.414,00,-"}
"""),
    ("narrative indicator value", "narasi-bertentangan", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: ikm, target: "88,31", realisasi: "91,75", capaian: "104%"}]}
narratives:
  - {id: n1, kind: indicator, section: Bab III, text: "target 85 ... 91,75 ... 107%", indicator: ikm, target: "85",
     realisasi: "91,75", capaian: "107%"}
""", """
tables:
  - {id: t1, title: Tabel 3.1, rows: [{indicator: ikm, target: "88,31", realisasi: "91,75", capaian: "104%"}]}
narratives:
  - {id: n1, kind: indicator, section: Bab III, text: "target 88,31 ... 91,75 ... 104%", indicator: ikm,
     target: "88,31", realisasi: "91,75", capaian: "104%"}
"""),
    ("narrative change", "narasi-perubahan-salah", """
tables:
  - id: t1
    title: Tabel 3.2
    rows: [{indicator: ipasn, year: 2023, realisasi: "87,12%"}, {indicator: ipasn, year: 2024, realisasi: "92,48%"}]
narratives:
  - {id: n1, kind: change, section: Bab III, text: "peningkatan 4,86%", indicator: ipasn, from_year: 2023,
     to_year: 2024, direction: up, value: "4,86%"}
  - {id: n2, kind: change, section: Bab III, text: "penurunan 5,36%", indicator: ipasn, from_year: 2023,
     to_year: 2024, direction: down, value: "5,36%"}
""", """
tables:
  - id: t1
    title: Tabel 3.2
    rows: [{indicator: sakip, year: 2023, realisasi: "77,65"}, {indicator: sakip, year: 2024, realisasi: "82,30"}]
narratives:
  - {id: n1, kind: change, section: Bab III, text: "peningkatan sebesar 6%", indicator: sakip, from_year: 2023,
     to_year: 2024, direction: up, value: "6%"}
"""),
    ("narrative counts", "narasi-hitungan-salah", """
tables:
  - id: t1
    title: Tabel 3.1
    rows: [{indicator: ipasn, target: "82", realisasi: "79,28"}, {indicator: sakip, target: "81", realisasi: "82,5"}]
narratives:
  - {id: n1, kind: counts, section: Bab III, text: "seluruh indikator tercapai", table: t1, indicators: 2, achieved: 2}
""", """
tables:
  - id: t1
    title: Tabel 3.1
    rows: [{indicator: ipasn, target: "82", realisasi: "79,28"}, {indicator: sakip, target: "81", realisasi: "82,5"}]
narratives:
  - {id: n1, kind: counts, section: Bab III, text: "1 dari 2 indikator tercapai", table: t1, indicators: 2, achieved: 1}
"""),
    ("stale indicator value", "data-tahun-lalu", """
tables:
  - id: t1
    title: Tabel 3.2
    rows: [{indicator: ipasn, year: 2023, realisasi: "79,28"}, {indicator: ipasn, year: 2024, realisasi: "-"}]
  - {id: t2, title: Tabel 3.1, rows: [{indicator: ipasn, realisasi: "79,28"}]}
""", """
tables:
  - id: t1
    title: Tabel 3.2
    rows: [{indicator: ipasn, year: 2023, realisasi: "100%"}, {indicator: ipasn, year: 2024, realisasi: "100%"}]
  - {id: t2, title: Tabel 3.1, rows: [{indicator: ipasn, realisasi: "100%"}]}
"""),
    ("stale budget value", "data-tahun-lalu", """
budgets:
  - {id: b0, title: Realisasi 2023, year: 2023, rows: [{line: prog, realisasi: "6.160.764.118"}]}
  - {id: b1, title: Tabel 3.2.2, rows: [{line: prog, realisasi: "6.136.278.426"}]}
  - {id: b2, title: Tabel 3.7, rows: [{line: prog, realisasi: "6.136.278.426"}]}
  - {id: b3, title: Lampiran, rows: [{line: prog, realisasi: "6.160.764.118"}]}
""", """
budgets:
  - {id: b0, title: Realisasi 2023, year: 2023, rows: [{line: prog, realisasi: "6.160.764.118"}]}
  - {id: b1, title: Tabel 3.2.2, rows: [{line: prog, realisasi: "6.136.278.426"}]}
"""),
    ("earlier data source", "sumber-data-usang", """
tables:
  - {id: t1, title: Tabel 1.1, data_year: 2023, rows: []}
""", """
tables:
  - {id: t1, title: Tabel 1.1, data_year: 2024, rows: []}
"""),
    ("efficiency", "efisiensi-salah", """
tables:
  - {id: t1, title: Tabel 3.7, rows: [{indicator: ikm, capaian: "104 %", penyerapan: "92,43 %", efisiensi: "6,06 %"}]}
""", """
tables:
  - {id: t1, title: Tabel 3.7, rows: [{indicator: ikm, capaian: "100 %", penyerapan: "92,43 %", efisiensi: "7,57%"}]}
"""),
    ("Renstra target restated", "renstra-beda", """
tables:
  - {id: m, title: T-C.25, source: renstra, reference: true, rows: [{indicator: ikm, year: 2026, target: "84"}]}
  - {id: t3, title: Tabel 3.3, source: renstra, target_year: 2026, rows: [{indicator: ikm, target: "85"}]}
""", """
tables:
  - {id: m, title: T-C.25, source: renstra, reference: true, rows: [{indicator: ikm, year: 2026, target: "84"}]}
  - {id: t3, title: Tabel 3.3, source: renstra, target_year: 2026, rows: [{indicator: ikm, target: "84,00"}]}
"""),
    ("year target vs Renstra", "target-tidak-sesuai-renstra", """
tables:
  - {id: m, title: T-C.25, source: renstra, reference: true, rows: [{indicator: ikm, year: 2024, target: "82"}]}
  - {id: t1, title: Tabel 3.1, rows: [{indicator: ikm, target: "88,31"}]}
""", """
tables:
  - {id: m, title: T-C.25, source: renstra, reference: true, rows: [{indicator: ikm, year: 2024, target: "82"}]}
  - {id: t1, title: Tabel 3.1, rows: [{indicator: ikm, target: "82"}]}
"""),
    ("plans disagree without a recorded change", "target-berubah-tanpa-catatan", """
tables:
  - {id: pk, title: PK, source: pk_awal, rows: [{indicator: sakip, target: "81"}]}
  - {id: pkp, title: PK Perubahan, source: pk_perubahan, rows: [{indicator: sakip, target: "82"}]}
  - {id: renja, title: Renja, source: renja, rows: [{indicator: sakip, target: "82"}]}
""", """
tables:
  - {id: pk, title: PK, source: pk_awal, rows: [{indicator: sakip, target: "81"}]}
  - {id: pkp, title: PK Perubahan, source: pk_perubahan, rows: [{indicator: sakip, target: "82"}]}
  - {id: renja, title: Renja, source: renja, rows: [{indicator: sakip, target: "82"}]}
changes:
  - {year: 2024, from_source: pk_awal, to_source: pk_perubahan, reason: perubahan anggaran dan proyeksi realisasi}
"""),
    ("staff rows and columns", "pegawai-tidak-sesuai", """
headcounts:
  - id: h
    title: Tabel 1.1
    columns: [Laki-laki, Perempuan]
    total: {label: PNS, values: ["36", "5"], total: "41"}
    groups:
      - label: Agama
        rows: [{label: Islam, values: ["32", "5"], total: "41"}, {label: Katolik, values: ["1", "-"], total: "1"}]
""", """
headcounts:
  - id: h
    title: Tabel 1.1
    columns: [Laki-laki, Perempuan]
    total: {label: PNS, values: ["36", "5"], total: "41"}
    groups:
      - label: Pendidikan
        rows: [{label: SLTA, values: ["4", "2"], total: "6"}, {label: S1, values: ["32", "3"], total: "35"},
               {label: D-4, values: ["", ""], total: ""}]
"""),
    ("staff row total left blank", "pegawai-total-kosong", """
headcounts:
  - id: h
    title: Tabel 1.1
    columns: [Laki-laki, Perempuan]
    total: {label: PNS, values: ["1", "-"], total: "1"}
    groups: [{label: Agama, rows: [{label: Katolik, values: ["1", "-"], total: "-"}]}]
""", """
headcounts:
  - id: h
    title: Penduduk
    columns: [Laki-laki, Perempuan]
    total: {label: Jumlah, values: ["3", "2"]}
    groups: [{label: Umur, rows: [{label: 0-4, values: ["1", "1"]}, {label: 5-9, values: ["2", "1"]}]}]
"""),
    ("national comparison empty", "pembanding-kosong", """
tables:
  - id: t4
    title: Tabel 3.4
    comparison: nasional
    rows:
      - {indicator: ikm, realisasi: "91,75", pembanding: "-"}
      - {indicator: sakip, realisasi: "82,3", pembanding: "-"}
""", """
tables:
  - id: t4
    title: Tabel 3.4
    comparison: nasional
    rows:
      - {indicator: ikm, realisasi: "91,75", pembanding: "80,5"}
      - {indicator: sakip, realisasi: "82,3", pembanding: "-"}
"""),
    ("unreadable cell", "angka-tidak-terbaca", """
budgets:
  - {id: b1, title: Renja, rows: [{line: sub-a, pagu: "-", written: {pagu: "25.800.00"}}]}
""", """
budgets:
  - {id: b1, title: Renja, rows: [{line: sub-a, pagu: "25.800.000", written: {pagu: "25.800.000"}}]}
"""),
    ("swapped amounts", "anggaran-tertukar", """
budgets:
  - id: b23
    title: Belanja 2023
    year: 2023
    rows: [{line: sub-a, pagu: "60.467.000"}, {line: sub-b, pagu: "3.000.000"}]
  - {id: b24, title: Belanja 2024, rows: [{line: sub-a, pagu: "3.000.000"}, {line: sub-b, pagu: "60.000.000"}]}
""", """
budgets:
  - id: b23
    title: Belanja 2023
    year: 2023
    rows: [{line: sub-a, pagu: "60.467.000"}, {line: sub-b, pagu: "3.000.000"}]
  - {id: b24, title: Belanja 2024, rows: [{line: sub-a, pagu: "60.000.000"}, {line: sub-b, pagu: "3.100.000"}]}
"""),
]


@pytest.mark.parametrize(("family", "check", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_family_fires_on_the_error_and_stays_quiet_on_consistent_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], family: str, check: str, bad: str, good: str,
) -> None:
    fired = findings(tmp_path / "bad", capsys, bad)
    assert check in {f["check"] for f in fired}, family
    quiet = findings(tmp_path / "good", capsys, good)
    assert check not in {f["check"] for f in quiet}, (family, quiet)


def test_every_check_file_has_a_case() -> None:
    from sakip_eval.rulebook.book import load_rulebook

    covered = {c[1] for c in CASES} | {"target-berubah-tercatat"}
    assert {c.check.id for c in load_rulebook().checks} == covered


def test_a_recorded_change_is_information_not_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = next(c[3] for c in CASES if c[1] == "target-berubah-tanpa-catatan")
    found = findings(tmp_path, capsys, good)
    recorded = [f for f in found if f["check"] == "target-berubah-tercatat"]
    assert [f["severity"] for f in recorded] == ["info"]
    assert (recorded[0]["stated"], recorded[0]["expected"]) == ("81", "82")


def test_a_finding_says_where_what_and_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = findings(tmp_path, capsys, CASES[0][2])
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
