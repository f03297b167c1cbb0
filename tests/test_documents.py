"""Reading documents: PDF text layers (digital and OCR'd), Word files, plain text, and every file that
cannot be read getting a message that says what to do (exit 2, file named)."""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

import pytest

from sakip_eval.documents import docx as docx_module
from sakip_eval.documents import read_document
from sakip_eval.errors import InputError

from .conftest import Cli, flat
from .letterkit import PageBreak, Para, Row, court_letter, to_docx, to_pdf, to_txt, zipped

TABLE = [Para("Rincian nilai:"), Row(("No.", "Komponen", "Bobot", "2023")),
         Row(("1.", "Perencanaan Kinerja", "30,00", "26,10")), PageBreak(), Para("Halaman dua.")]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_pdf_lines_keep_words_in_place(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "surat.pdf", to_pdf(TABLE)))
    assert doc.kind == "pdf" and not doc.ocr and doc.blank_pages == ()
    assert [line.text for line in doc.lines] == [
        "Rincian nilai:", "No. Komponen Bobot 2023", "1. Perencanaan Kinerja 30,00 26,10", "Halaman dua."]
    assert [line.page for line in doc.lines] == [1, 1, 1, 2]
    row = doc.lines[2].words
    assert [w.text for w in row] == ["1.", "Perencanaan", "Kinerja", "30,00", "26,10"]
    assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(row))
    header = {w.text: w for w in doc.lines[1].words}
    assert abs(header["2023"].x0 - row[-1].x0) < 1  # a value stands under its column's header


def test_an_ocr_layer_is_recognised(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "pindai.pdf", to_pdf(TABLE, ocr=True)))
    assert doc.ocr
    assert doc.lines[2].text == "1. Perencanaan Kinerja 30,00 26,10"


def test_a_bare_scan_is_refused_with_ocr_advice(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "pindai.pdf", to_pdf(TABLE, scan=True))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.key == "documents.no_text_layer"
    code, _, err = cli("lhe", "check", path)
    assert code == 2
    message = flat(err)
    assert "pindai.pdf" in message and "tanpa lapisan teks" in message and "ocrmypdf -l ind" in message
    code, _, err = cli("lhe", "check", path, "--lang", "en")
    assert code == 2 and "without a text layer" in flat(err)


def fake_ocrmypdf(tmp_path: Path, result: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `ocrmypdf` on PATH that records its arguments and writes `result` as its output."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "hasil.pdf").write_bytes(result)
    script = folder / "ocrmypdf"
    script.write_text(f'#!/bin/sh\necho "$@" > "{folder}/args"\nfor last; do :; done\n'
                      f'cp "{folder}/hasil.pdf" "$last"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return folder


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for ocrmypdf")
def test_ocr_option_runs_ocrmypdf_on_a_copy(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letter = court_letter()
    scan = write(tmp_path, "pindai.pdf", to_pdf(letter, scan=True))
    before = scan.read_bytes()
    folder = fake_ocrmypdf(tmp_path, to_pdf(letter, ocr=True), monkeypatch)
    code, out, err = cli("lhe", "check", scan, "--ocr", "--format", "json")
    assert code == 0, err
    assert "-l ind" in (folder / "args").read_text(encoding="utf-8")
    assert scan.read_bytes() == before  # the user's file is never changed
    assert '"total": 86.55' in out


def test_ocr_option_without_ocrmypdf_says_how_to_install(cli: Cli, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    scan = write(tmp_path, "pindai.pdf", to_pdf(TABLE, scan=True))
    code, _, err = cli("lhe", "check", scan, "--ocr")
    assert code == 2 and "OCRmyPDF (`ocrmypdf`) tidak terpasang" in flat(err)


def test_ocr_option_leaves_a_pdf_with_text_alone(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no ocrmypdf: it must not be needed
    path = write(tmp_path, "surat.pdf", to_pdf(court_letter()))
    assert cli("lhe", "check", path, "--ocr")[0] == 0


def test_docx_paragraphs_tables_and_list_numbers(tmp_path: Path) -> None:
    blocks = [Para("Rekomendasi:"), Para("1. Menyusun pohon kinerja", auto=True),
              Para("a. sampai tingkat staf", auto=True), Para("2. Melaksanakan rapat", auto=True),
              Para("- Mempublikasikan laporan", auto=True), *TABLE[1:3]]
    doc = read_document(write(tmp_path, "surat.docx", to_docx(blocks)))
    assert doc.kind == "docx"
    assert [line.text for line in doc.lines] == [
        "Rekomendasi:", "1. Menyusun pohon kinerja", "a. sampai tingkat staf", "2. Melaksanakan rapat",
        "- Mempublikasikan laporan", "No. Komponen Bobot 2023", "1. Perencanaan Kinerja 30,00 26,10"]
    row = doc.lines[-1]
    assert row.cells and [(w.text, w.x0) for w in row.words] == [
        ("1.", 0), ("Perencanaan Kinerja", 1), ("30,00", 2), ("26,10", 3)]


def test_docx_merged_cells_keep_their_grid_columns(tmp_path: Path) -> None:
    w = docx_module.W[1:-1]
    cell = '<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'
    span = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    rows = ("<w:tr>" + cell.format(props="", text="Komponen") + cell.format(props=span, text="Nilai") + "</w:tr>"
            + "<w:tr>" + "".join(cell.format(props="", text=t) for t in ("Perencanaan", "25,00", "26,10"))
            + "</w:tr>")
    document = f'<w:document xmlns:w="{w}"><w:body><w:tbl>{rows}</w:tbl></w:body></w:document>'
    doc = read_document(write(tmp_path, "surat.docx", zipped({"word/document.xml": document})))
    assert [(w.text, w.x0, w.x1) for w in doc.lines[0].words] == [("Komponen", 0, 1), ("Nilai", 1, 3)]
    assert [w.x0 for w in doc.lines[1].words] == [0, 1, 2]


def test_docx_letters_and_imports_read_word_alike(tmp_path: Path) -> None:
    """One Word reader serves letters and LKjIP imports: a table a template wraps in a content control, a
    row that starts at a later grid column, a cell merged down, all read the same way by both."""
    from sakip_eval.importers.docxtables import docx_lines

    w = docx_module.W[1:-1]
    cell = '<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'
    rows = ("<w:tr>" + "".join(cell.format(props="", text=t) for t in ("Komponen", "Bobot", "Nilai")) + "</w:tr>"
            + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
            + cell.format(props="", text="30,00") + cell.format(props="", text="26,10") + "</w:tr>"
            + "<w:tr>" + cell.format(props='<w:tcPr><w:vMerge/></w:tcPr>', text="x")
            + cell.format(props="", text="15,00") + cell.format(props="", text="12,00") + "</w:tr>")
    document = (f'<w:document xmlns:w="{w}"><w:body><w:sdt><w:sdtContent><w:tbl>{rows}</w:tbl></w:sdtContent>'
                "</w:sdt></w:body></w:document>")
    data = zipped({"word/document.xml": document})
    letter = read_document(write(tmp_path, "surat.docx", data))
    assert [[(word.text, word.x0) for word in line.words] for line in letter.lines] == [
        [("Komponen", 0), ("Bobot", 1), ("Nilai", 2)], [("30,00", 1), ("26,10", 2)], [("15,00", 1), ("12,00", 2)]]
    assert [line.cells for line in docx_lines("lkjip.docx", data)] == [
        ("Komponen", "Bobot", "Nilai"), ("", "30,00", "26,10"), ("", "15,00", "12,00"), None]


@pytest.mark.parametrize("numbering", ['<w:lvl w:ilvl="x"/>', '<w:lvl w:ilvl="12"><w:numFmt w:val="decimal"/></w:lvl>'])
def test_docx_list_levels_word_never_writes_are_ignored(tmp_path: Path, numbering: str) -> None:
    w = docx_module.W[1:-1]
    parts = {"word/document.xml": f'<w:document xmlns:w="{w}"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="12"/>'
                                  '<w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Rekomendasi</w:t></w:r></w:p>'
                                  "</w:body></w:document>",
             "word/numbering.xml": f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0">{numbering}'
                                   '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                                   "</w:numbering>"}
    assert [line.text for line in read_document(write(tmp_path, "surat.docx", zipped(parts))).lines] == ["Rekomendasi"]


def test_a_docx_part_in_an_unknown_compression_is_refused(cli: Cli, tmp_path: Path) -> None:
    data = bytearray(zipped({"word/document.xml": "<x/>"}))
    data[8:10] = data[data.index(b"PK\x01\x02") + 10:data.index(b"PK\x01\x02") + 12] = (99).to_bytes(2, "little")
    code, _, err = cli("lhe", "check", write(tmp_path, "aes.docx", bytes(data)))
    assert code == 2 and "bukan .docx" in flat(err) and "Traceback" not in flat(err)


def test_text_cells_and_tokens(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "surat.txt", "| a | 30,00 |\nb  30,00\n"))
    assert doc.lines[0].cells and [w.text for w in doc.lines[0].words] == ["a", "30,00"]
    assert not doc.lines[1].cells and [(w.text, w.x0) for w in doc.lines[1].words] == [("b", 0), ("30,00", 3)]


def test_the_same_letter_reads_alike_in_every_format(tmp_path: Path) -> None:
    blocks = court_letter()
    texts = {}
    for name, data in (("a.pdf", to_pdf(blocks)), ("a.docx", to_docx(blocks)), ("a.txt", to_txt(blocks))):
        doc = read_document(write(tmp_path, name, data))
        texts[name] = [" ".join(line.text.split()) for line in doc.lines if line.text.strip()]
    assert texts["a.pdf"] == texts["a.docx"] == texts["a.txt"]


@pytest.mark.parametrize(("name", "data", "fragments"), [
    ("rusak.pdf", b"%PDF-1.4\n1 0 obj garbage", ["rusak.pdf", "PDF rusak"]),
    ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ["lama.doc", ".doc", "Simpan Sebagai"]),
    ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100, ["foto.jpg", "gambar", "ocrmypdf"]),
    ("surat.rtf", b"{\\rtf1 surat}", ["surat.rtf", "RTF"]),
    ("bukan.docx", zipped({"isi.txt": b"x"}), ["bukan.docx", "bukan .docx", "word/document.xml"]),
    ("entitas.docx", zipped({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'}),
     ["entitas.docx", "DOCTYPE"]),
    ("rusak.docx", zipped({"word/document.xml": b"<w:document"}), ["rusak.docx", "bukan .docx"]),
    ("kosong.docx", zipped({"word/document.xml": f'<w:document xmlns:w="{docx_module.W[1:-1]}"><w:body/>'
                                                  "</w:document>".encode()}), ["kosong.docx", "tidak berisi teks"]),
])
def test_unreadable_documents_say_what_to_do(cli: Cli, tmp_path: Path, name: str, data: bytes,
                                             fragments: list[str]) -> None:
    code, _, err = cli("lhe", "check", write(tmp_path, name, data))
    assert code == 2
    message = flat(err)
    assert "Traceback" not in message and "Cara memperbaiki" in message
    for fragment in fragments:
        assert fragment in message


def test_a_docx_that_unpacks_too_far_is_refused(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_module, "MAX_UNPACKED", 1000)
    path = write(tmp_path, "bom.docx", zipped({"word/document.xml": b"<x>" + b" " * 5000 + b"</x>"}))
    code, _, err = cli("lhe", "check", path)
    assert code == 2 and "melebihi" in flat(err)
