"""`init DIR --from FOLDER`: inventory.yaml drafted from a folder of evidence files (issue 14: the right
type for at least 80% of 40 typical files, every guess marked, unknown files listed, files never
changed, `file:` inside the workspace)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import yaml

from .conftest import Cli
from .documents_kit import Block, write_docx, write_pdf

SIGNED_PK = ["PERJANJIAN KINERJA TAHUN 2024", "KECAMATAN CONTOH",
             "Pihak pertama berjanji akan mewujudkan target kinerja", "Mojokerto, 29 Januari 2024",
             "Pihak Kedua", "Pihak Pertama", "NIP. 19690729 199403 1 006"]
IKU_DECREE = ["KEPUTUSAN CAMAT CONTOH", "NOMOR : 188.45/20/KEP/2024", "TENTANG",
              "PENETAPAN INDIKATOR KINERJA UTAMA (IKU) TAHUN 2024", "Ditetapkan di : Contoh",
              "Pada tanggal : 30 Januari 2024"]
# file name -> (expected type, first-page text or None)
FILES: dict[str, tuple[str, list[str] | None]] = {
    "Renstra Kecamatan 2021-2026.pdf": ("renstra", ["RENCANA STRATEGIS KECAMATAN CONTOH 2021-2026"]),
    "RENJA 2024 Perubahan.pdf": ("renja", ["RENCANA KERJA PERANGKAT DAERAH TAHUN 2024"]),
    "PK 2024 Camat.pdf": ("pk", SIGNED_PK),
    "PK Perubahan 2024.pdf": ("pk_perubahan", ["PERJANJIAN KINERJA PERUBAHAN TAHUN 2024"]),
    "PK Kasi Pemerintahan 2024.docx": ("pk_individu", ["PERJANJIAN KINERJA KEPALA SEKSI PEMERINTAHAN"]),
    "Rencana Aksi 2024.xlsx": ("rencana_aksi", None),
    "Monitoring Rencana Aksi TW III 2024.xlsx": ("pemantauan_rencana_aksi", None),
    "SK IKU 2024.pdf": ("iku", IKU_DECREE),
    "DPA 2024.pdf": ("dpa", ["DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH"]),
    "RKA 2025.xlsx": ("rka", None),
    "KAK Kegiatan Pelayanan.docx": ("kak", ["KERANGKA ACUAN KERJA"]),
    "Pohon Kinerja 2024.png": ("pohon_kinerja", None),
    "Cascading Kecamatan.pdf": ("pohon_kinerja", ["CASCADING KINERJA KECAMATAN"]),
    "SKP Pegawai 2024.pdf": ("skp", ["SASARAN KINERJA PEGAWAI"]),
    "LKjIP 2023.pdf": ("lkjip", ["LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023"]),
    "Laporan Kinerja Triwulan I 2024.docx": ("laporan_berkala", ["LAPORAN KINERJA TRIWULAN I"]),
    "Laporan Monev Renja TW II.pdf": ("monev", ["LAPORAN MONITORING DAN EVALUASI RENJA"]),
    "LHE SAKIP 2023 Inspektorat.pdf": ("lhe", ["LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA"]),
    "Tindak Lanjut LHE 2023.docx": ("tindak_lanjut", ["TINDAK LANJUT REKOMENDASI HASIL EVALUASI"]),
    "Reviu LKjIP 2024.pdf": ("reviu_lkjip", ["LAPORAN HASIL REVIU ATAS LAPORAN KINERJA"]),
    "Reviu Renja 2025.pdf": ("reviu_perencanaan", ["REVIU RENCANA KERJA"]),
    "Notulen Rapat Evaluasi Kinerja TW I.docx": ("notulen", ["NOTULEN RAPAT"]),
    "SK Tim Evaluasi Internal 2024.pdf": ("tim_evaluasi", ["KEPUTUSAN CAMAT TENTANG TIM EVALUASI"]),
    "Laporan Evaluasi Internal 2024.pdf": ("evaluasi_internal", ["LAPORAN EVALUASI AKUNTABILITAS KINERJA INTERNAL"]),
    "Kertas Kerja Evaluasi AKIP.xlsx": ("kertas_kerja_evaluasi", None),
    "Pedoman Evaluasi Internal.pdf": ("pedoman_evaluasi", ["PEDOMAN EVALUASI AKUNTABILITAS KINERJA"]),
    "Perbup 61 2016 Pedoman Perjanjian Kinerja.pdf": ("pedoman_perencanaan", ["PERATURAN BUPATI NOMOR 61 TAHUN 2016"]),
    "Definisi Operasional IKU 2024.xlsx": ("definisi_operasional", None),
    "Survei Kepuasan Masyarakat 2024.pdf": ("survei_ikm", ["LAPORAN SURVEI KEPUASAN MASYARAKAT"]),
    "Screenshot e-SAKIP.png": ("aplikasi", None),
    "Publikasi Website Renstra.png": ("publikasi", None),
    "Inovasi SIPANTAS 2024.pdf": ("inovasi", ["PROFIL INOVASI PELAYANAN"]),
    "Piagam Penghargaan SAKIP 2023.jpg": ("penghargaan", None),
    "SOP Pelayanan KTP.pdf": ("sop", ["STANDAR OPERASIONAL PROSEDUR"]),
    "Disposisi Camat Hasil Monev.jpg": ("disposisi", None),
    "Daftar Hadir dan Notulen Rapat Koordinasi.pdf": ("notulen", ["DAFTAR HADIR RAPAT"]),
    "TPP Berbasis Kinerja 2024.xlsx": ("reward_punishment", None),
    "RPJMD Kabupaten 2021-2026.pdf": ("rpjmd", ["RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH"]),
    "Data Dukung Capaian IKU 2024.xlsx": ("data_dukung", None),
    "doc_2024_03.pdf": ("pk", SIGNED_PK),
}


def _make(folder: Path) -> None:
    folder.mkdir()
    for name, (_, text) in FILES.items():
        path = folder / name
        blocks: list[Block] = list(text or [name])
        if path.suffix == ".pdf":
            write_pdf(path, blocks)
        elif path.suffix == ".docx":
            write_docx(path, blocks)
        elif path.suffix == ".xlsx":
            book = openpyxl.Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.append([path.stem])
            book.save(path)
        else:
            path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "scan_0012.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 64)  # nothing to tell its type by


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_init_from_folder_guesses_types_and_marks_every_guess(cli: Cli, tmp_path: Path) -> None:
    evidence = tmp_path / "bukti"
    _make(evidence)
    before = _digest(evidence)
    ws = tmp_path / "ws"
    code, out, _ = cli("init", ws, "--from", evidence, "--opd", "Kecamatan Contoh", "--year", "2025")
    assert code == 0, out
    assert _digest(evidence) == before  # read, never changed
    items = yaml.safe_load((ws / "inventory.yaml").read_text(encoding="utf-8"))["items"]
    by_file = {Path(item["file"]).name: item for item in items}
    assert len(items) == len(FILES) + 1  # the unknown file is listed too
    right = sum(1 for name, (expected, _) in FILES.items() if by_file[name]["type"] == expected)
    assert right / len(FILES) >= 0.8, [(n, by_file[n]["type"], e) for n, (e, _) in FILES.items()
                                       if by_file[n]["type"] != e]
    assert all(item["notes"].startswith("DRAF, periksa") for item in items)
    assert by_file["scan_0012.jpg"]["type"] == "lainnya" and "scan_0012.jpg" in out
    assert all(item["file"].startswith("files/") and (ws / item["file"]).is_file() for item in items)
    assert by_file["Renstra Kecamatan 2021-2026.pdf"]["period"] == "2021-2026"
    assert by_file["PK 2024 Camat.pdf"]["year"] == 2024
    assert by_file["PK 2024 Camat.pdf"]["formalized"] == {"date": "2024-01-29"}
    assert by_file["SK IKU 2024.pdf"]["formalized"] == {"number": "188.45/20/KEP/2024", "date": "2024-01-30"}
    assert "1 halaman" in by_file["LKjIP 2023.pdf"]["notes"]
    code, out, _ = cli("score", ws)
    assert code == 0, out  # the draft is a valid inventory


def test_init_from_a_folder_inside_the_workspace_refers_in_place(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    (ws / "files").mkdir(parents=True)
    write_pdf(ws / "files" / "Renstra 2021-2026.pdf", ["RENCANA STRATEGIS"])
    code, out, _ = cli("init", ws, "--from", ws / "files")
    assert code == 0, out
    items = yaml.safe_load((ws / "inventory.yaml").read_text(encoding="utf-8"))["items"]
    assert items[0]["file"] == "files/Renstra 2021-2026.pdf" and items[0]["type"] == "renstra"


def test_init_from_refuses_a_missing_folder_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("init", tmp_path / "ws", "--from", tmp_path / "tidak-ada")
    assert code == 2 and "tidak-ada" in err
    assert not (tmp_path / "ws").exists()


def test_every_keyword_type_is_an_evidence_type() -> None:
    from sakip_eval.rulebook.book import RULES_ROOT, load_rulebook

    types = set(load_rulebook("lke-2021").evidence_types)
    data = yaml.safe_load((RULES_ROOT / "lke-2021" / "evidence-keywords.yaml").read_text(encoding="utf-8"))
    assert set(data["types"]) <= types and set(data["fallback"]) <= set(data["types"])
