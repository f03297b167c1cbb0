"""`sakip-eval check`: the bundled 2024 LKjIP, output formats, exit codes, bad input, read-only."""

from __future__ import annotations

import hashlib
import json
import shutil
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_eval.checks.arithmetic import gap_units

from .golden import golden_json
from .test_check_families import run, write_workspace

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "evidence/mojosari-2025"


def bundled(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    code, out, err = run(["check", str(BUNDLED), "--format", "json", *extra], capsys)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


# The real inconsistencies of the 2024 LKjIP, each checked by hand against
# ../shared/reference/000_ba10afc6d8b6eeec.txt (see docs/checks.md for the list and the reasoning).
REAL = {
    "realisasi-beda-antar-tabel/realisasi/sakip/2024/all/82.30": ("82,30", "82,5"),
    "realisasi-beda-antar-tabel/realisasi/ipasn/2024/all/84.52": ("84,52", "79,28"),
    "capaian-salah/tabel-3.6/realisasi-anggaran/2024": ("107", "102,76"),
    "capaian-salah/tabel-3.1/ipasn/2024": ("99", "96,68"),
    "efisiensi-salah/tabel-3.7-efisiensi/ikm/2024": ("6,06", "11,57"),
    "narasi-bertentangan/bab3-a6-ikm/target": ("85", "88,31"),
    "narasi-bertentangan/bab3-a6-ikm/capaian": ("107", "104"),
    "narasi-bertentangan/bab3-a7-anggaran/realisasi": ("9.315.336,00", "9.669.315.336"),
    "narasi-perubahan-salah/bab3-a5-realisasi-anggaran": ("4,86", "5,36"),
    "narasi-perubahan-salah/bab3-a5-ipasn": ("0,42", "5,71"),
    "narasi-hitungan-salah/bab3-a5-jumlah/achieved": ("7", "6"),
    "pegawai-tidak-sesuai/tabel-1.1/groups/2/rows/0": ("41", "37"),
    "pegawai-tidak-sesuai/tabel-1.1/groups/2/Laki-laki": ("36", "34"),
    "pegawai-tidak-sesuai/tabel-1.1/groups/2/total": ("41", "43"),
    "angka-tidak-terbaca/renja-2024-anggaran/rows/23/pagu": ("“25.800.00”", "25.800.000"),
    "pagu-beda-antar-tabel/pagu/prog-pembinaan/2024/papbd/235500000": ("235.500.000", "235.000.000"),
    "persen-anggaran-salah/tabel-3.6-anggaran/prog-pembinaan/2024/persen": ("92,98", "92,90"),
    "realisasi-anggaran-beda-antar-tabel/persen/prog-penunjang/2024/papbd/94.53": ("94,53", "94,52"),
    "jumlah-pagu-salah/renja-2024-anggaran/keg-admin-umum/2024/pagu": ("45.687.300", "274.000.000"),
    "data-tahun-lalu/indicator/ipasn/2024/79.28": ("79,28", "angka tahun itu sendiri"),
    "data-tahun-lalu/budget/prog-penunjang/2024/6160764118": ("6.160.764.118", "6.136.278.426"),
    "renstra-beda/ikm/2026/85": ("85", "84"),
    "target-tidak-sesuai-renstra/pk_perubahan/ikm/2024": ("88,31", "82"),
    "target-beda-antar-tabel/target/sakip/2024/pk_perubahan/81": ("81", "82"),
    "target-beda-antar-tabel/target/sakip/2024/renja/83.00": ("83,00", "82,5"),
    "target-berubah-tanpa-catatan/renja/pk_perubahan/sakip/2024": ("82,5", "82"),
    "pembanding-kosong/tabel-3.4": ("0", "8"),
    "anggaran-tertukar/sub-bacaan/sub-material/2023": ("60.467.000", "60.000.000"),
    "sumber-data-usang/tabel-1.1": ("2023", "2024"),
}
# Consistent values the checks must leave alone.
CONSISTENT_PREFIXES = (
    "capaian-salah/tabel-3.1/ikm/",                   # 91,75 / 88,31 = 103,90 -> 104 %
    "capaian-salah/tabel-3.1/realisasi-anggaran/",    # 92,48 / 90 = 102,76 -> 102 % (truncated)
    "capaian-salah/tabel-3.3/ikm/",                   # 91,75 / 85 = 107,94 -> 107 %
    "narasi-perubahan-salah/bab3-a5-sakip",           # 77,65 -> 82,30 is +5,99 %
    "narasi-bertentangan/bab3-a7-anggaran/sisa",      # 10.455.592.750 - 9.669.315.336 = 786.277.414
    "narasi-bertentangan/bab3-32-",                   # the second budget sentence is right
    "narasi-bertentangan/bab1-pegawai",               # 41 PNS
    "persen-anggaran-salah/tabel-3.7-belanja/prog-penunjang",  # 94,52 % truncates 94,5297 %
    "persen-anggaran-salah/tabel-3.2.1",              # 55,51 % of the total
    "jumlah-realisasi-salah/",                        # every realisation table adds up
    "jumlah-pagu-salah/lampiran-belanja-2023",        # the 2023 table adds up
    "pegawai-tidak-sesuai/lampiran-penduduk-2020",    # population by age adds up
    "pegawai-tidak-sesuai/tabel-1.1/groups/0",        # education adds up
    "pegawai-tidak-sesuai/tabel-1.1/groups/1",        # rank adds up
)


def test_bundled_lkjip_findings(capsys: pytest.CaptureFixture[str]) -> None:
    data = bundled(capsys)
    found = {str(f["id"]): f for f in data["findings"]}  # type: ignore[attr-defined]
    for finding_id, (stated, expected) in REAL.items():
        assert finding_id in found, finding_id
        assert (found[finding_id]["stated"], found[finding_id]["expected"]) == (stated, expected), finding_id
    for prefix in CONSISTENT_PREFIXES:
        assert not [f for f in found if f.startswith(prefix)], prefix
    assert data["summary"] == golden_json("check/mojosari-2025.json")["summary"]
    assert all(data["summary"].values())  # type: ignore[attr-defined]  # the bundled LKjIP has every severity
    assert len(found) == len(data["findings"])  # type: ignore[arg-type]


def test_bundled_table_output_groups_by_severity(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(BUNDLED)], capsys)
    assert code == 0
    counts = golden_json("check/mojosari-2025.json")["summary"]
    error, warning, info = counts["error"], counts["warning"], counts["info"]
    for heading in (f"Kesalahan (error) — {error}", f"Peringatan (warning) — {warning}", f"Informasi (info) — {info}"):
        assert heading in out
    assert f"{error + warning + info} temuan: {error} kesalahan, {warning} peringatan, {info} informasi" in out


def test_english_output(capsys: pytest.CaptureFixture[str]) -> None:
    data = bundled(capsys, "--lang", "en")
    finding = next(f for f in data["findings"] if f["id"] == "capaian-salah/tabel-3.1/ipasn/2024")  # type: ignore[attr-defined]
    assert finding["expected"] == "96.68"
    assert finding["message"] == "Achievement stated as 99%, but actual 79.28 against target 82 gives 96.68%"


def test_strict_exits_1_on_errors_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(BUNDLED), "--strict"], capsys)
    assert code == 1 and str(golden_json("check/mojosari-2025.json")["summary"]["error"]) in err
    warnings_only = write_workspace(tmp_path / "w", """
tables:
  - {id: t4, title: Tabel 3.4, comparison: nasional, rows: [{indicator: ikm, realisasi: "91,75", pembanding: "-"}]}
""")
    code, out, _ = run(["check", str(warnings_only), "--strict"], capsys)
    assert code == 0 and "Peringatan (warning) — 1" in out


def test_without_lkjip_only_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_workspace(tmp_path / "w", "")
    (root / "lkjip.yaml").unlink()
    code, out, _ = run(["check", str(root)], capsys)
    assert code == 0 and "lkjip.yaml tidak ada" in out
    code, out, _ = run(["check", str(root), "--format", "json"], capsys)
    assert json.loads(out) == {"findings": [], "summary": {"error": 0, "warning": 0, "info": 0}}


def test_check_never_modifies_the_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "ws"
    shutil.copytree(BUNDLED, copy)

    def digest() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(copy.rglob("*")) if p.is_file()}

    before = digest()
    for args in ([], ["--format", "json"], ["--strict"], ["--lang", "en"]):
        run(["check", str(copy), *args], capsys)
    assert digest() == before
    assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in BUNDLED.iterdir())


@pytest.mark.parametrize("cell", ["sembilan puluh", "12,3,4", "82,5,0", "1.2345.678"])
def test_unreadable_number_is_exit_2_with_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: str,
) -> None:
    root = write_workspace(tmp_path / "w", f"""
tables:
  - id: t1
    title: Tabel 3.1
    rows:
      - indicator: ikm
        target: "{cell}"
""")
    code, out, err = run(["check", str(root)], capsys)
    assert code == 2 and out == ""
    err = " ".join(err.split())
    line = next(i for i, text in enumerate((root / "lkjip.yaml").read_text().splitlines(), 1) if cell in text)
    assert f"lkjip.yaml:{line}" in err
    assert "tables.0.rows.0.target" in err
    assert cell in err and "Cara memperbaiki" in err


@pytest.mark.parametrize(("body", "needle"), [
    ("tables:\n  - {id: t1, title: T, rows: [{indicator: tidak-ada, target: 1}]}\n", "tidak-ada"),
    ("budgets:\n  - {id: b1, title: B, rows: [{line: baris-lain, pagu: 1}]}\n", "baris-lain"),
    ("headcounts:\n  - {id: h, title: H, columns: [L, P], total: {label: J, values: [1]}}\n", "2 kolom"),
    ("budgets:\n  - {id: b1, title: B, rows: [{line: opd, written: {jumlah: '1.2.3'}}]}\n", "written"),
    ("tables:\n  - {id: t1, title: T}\n  - {id: t1, title: U}\n", "t1"),
    ("narratives:\n  - {id: n, kind: puisi, section: S, text: T}\n", "kind"),
    ("tables:\n  - {id: t1, title: T, kolom: 1}\n", "isian `kolom` tidak dikenal"),
])
def test_bad_lkjip_is_exit_2_and_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, needle: str,
) -> None:
    code, out, err = run(["check", str(write_workspace(tmp_path / "w", body))], capsys)
    assert code == 2 and out == ""
    err = " ".join(err.split())
    assert "lkjip.yaml:" in err and needle in err


@given(
    value=st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1000000"), places=4),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_rounding_and_truncation_are_within_tolerance(value: Decimal, decimals: int) -> None:
    unit = Decimal(1).scaleb(-decimals)
    for stated in (value.quantize(unit, ROUND_HALF_UP), value.quantize(unit, ROUND_DOWN)):
        assert gap_units(stated, value) == 0
    beyond = value.quantize(unit, ROUND_DOWN) - unit
    assert gap_units(beyond, value) >= 1


def test_same_input_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(["check", str(BUNDLED), "--format", "json"], capsys)
    second = run(["check", str(BUNDLED), "--format", "json"], capsys)
    assert first == second


@given(
    target=st.decimals(min_value=Decimal("0.5"), max_value=Decimal("100000"), places=2),
    realisasi=st.decimals(min_value=Decimal("0.5"), max_value=Decimal("100000"), places=2),
    decimals=st.integers(min_value=0, max_value=2),
    lower=st.booleans(),
)
def test_a_capaian_computed_the_way_lkjip_tables_do_is_never_a_finding(
    target: Decimal, realisasi: Decimal, decimals: int, lower: bool,
) -> None:
    from sakip_eval.checks.families.capaian import FAMILY
    from sakip_eval.checks.family import NoParams
    from sakip_eval.checks.sheet import Sheet
    from sakip_eval.io.yamlread import Document
    from sakip_eval.model.lkjip import Lkjip

    exact = (target / realisasi if lower else realisasi / target) * 100
    stated = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    lkjip = Lkjip.model_validate({
        "indicators": [{"id": "x", "name": "X", "direction": "lower" if lower else "higher"}],
        "tables": [{"id": "t", "title": "T", "rows": [
            {"indicator": "x", "target": str(target), "realisasi": str(realisasi), "capaian": str(stated)}]}],
    })
    sheet = Sheet(lkjip, Document(Path("lkjip.yaml"), {}, {}, "lkjip.yaml"), 2024)
    (capaian,) = FAMILY.derive(sheet, NoParams())
    assert capaian["gap_units"] == 0
