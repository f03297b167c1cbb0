"""Synthetic LHE letters for tests, written at test time as PDF, Word (.docx) or text.

A letter is a list of blocks: paragraphs, table rows (cells placed in columns), page breaks. The same
letter renders to every format, so one fixture checks that PDF, Word and text read alike. The PDF writer
is a few objects of PDF 1.4 by hand (standard Helvetica, no dependency); `ocr=True` draws the text
invisibly over a page image, as OCRmyPDF does, and `scan=True` draws only the image (a bare scan). The
.docx writer emits the parts Word needs, with real tables and, on request, automatic list numbering.

No text of a real letter is used: every fixture's words are written for the tests.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
TOP, BOTTOM, LEFT = 790, 60, 72
LINE = 14
FONT_SIZE = 10
# Table columns (x in points): number, label, then up to four value columns.
COLUMNS = (72, 95, 330, 400, 470, 530)


@dataclass(frozen=True)
class Para:
    """A paragraph. `auto` renders its leading `1.`/`a.`/`-` as Word list numbering in .docx."""

    text: str
    auto: bool = False


@dataclass(frozen=True)
class Row:
    """A table row: cells in the table's columns (`None` leaves a cell empty)."""

    cells: tuple[str | None, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Para | Row | PageBreak


def rows(*cells: tuple[str | None, ...]) -> list[Block]:
    return [Row(c) for c in cells]


def paras(*texts: str) -> list[Block]:
    return [Para(t) for t in texts]


# -- text ------------------------------------------------------------------------------------------


def to_txt(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, Row):
            out.append("\t".join(c or "" for c in block.cells).rstrip("\t"))
        else:
            out.append("")
    return "\n".join(out) + "\n"


# -- PDF -------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> str:
    data = text.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + data.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def to_pdf(blocks: list[Block], *, ocr: bool = False, scan: bool = False) -> bytes:
    pages: list[list[tuple[float, float, str]]] = [[]]
    y = TOP
    for block in blocks:
        if isinstance(block, PageBreak) or y < BOTTOM:
            pages.append([])
            y = TOP
            if isinstance(block, PageBreak):
                continue
        if isinstance(block, Para):
            pages[-1].append((LEFT, y, block.text))
        elif isinstance(block, Row):
            for x, cell in zip(COLUMNS, block.cells, strict=False):
                if cell:
                    pages[-1].append((x, y, cell))
        y -= LINE
    return _pdf(pages, ocr=ocr, scan=scan)


def _pdf(pages: list[list[tuple[float, float, str]]], *, ocr: bool, scan: bool) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length 1 >>\nstream\n\xf0\nendstream")
    kids = []
    for texts in pages:
        ops = []
        if ocr or scan:
            ops.append(f"q {PAGE_WIDTH} 0 0 {PAGE_HEIGHT} 0 0 cm /Im1 Do Q")
        if not scan:
            for x, y, text in texts:
                mode = "3 Tr " if ocr else ""
                ops.append(f"BT /F1 {FONT_SIZE} Tf {mode}{x} {y} Td {_pdf_string(text)} Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
            % (tree, PAGE_WIDTH, PAGE_HEIGHT, content, font, image)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


# -- Word ------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'numbering" Target="numbering.xml"/></Relationships>'
)
# List 1: decimal `1.` at level 0, letters `a.` at level 1; list 2: bullets.
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
    "</w:abstractNum>"
    "{nums}</w:numbering>"
)


def to_docx(blocks: list[Block]) -> bytes:
    """Paragraphs, tables (consecutive rows) and page breaks. An `auto` paragraph starting with `1.`
    becomes a numbered list paragraph (a new list after any other block), `a.` its second level and
    `-` a bullet: the numbers are then in numbering.xml, not in the text."""
    body: list[str] = []
    table: list[str] = []
    nums: list[int] = []
    current_list: int | None = None

    def flush() -> None:
        if table:
            body.append("<w:tbl>" + "".join(table) + "</w:tbl>")
            table.clear()

    for block in blocks:
        if isinstance(block, Row):
            cells = "".join(
                f'<w:tc><w:p><w:r><w:t xml:space="preserve">{escape(c or "")}</w:t></w:r></w:p></w:tc>'
                for c in block.cells)
            table.append(f"<w:tr>{cells}</w:tr>")
            current_list = None
            continue
        flush()
        if isinstance(block, PageBreak):
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            continue
        text, props = block.text, ""
        if block.auto:
            marker, _, rest = text.partition(" ")
            kind = 1 if marker in ("-", "•") else 0
            level = 1 if marker[:1].isalpha() and marker.endswith(".") else 0
            if current_list is None or (kind != nums[-1] and level == 0):
                nums.append(kind)
                current_list = len(nums)
            props = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{current_list}"/></w:numPr></w:pPr>'
            text = rest
        else:
            current_list = None
        body.append(f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    flush()
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                f'<w:body>{"".join(body)}</w:body></w:document>')
    numbering = NUMBERING.replace("{nums}", "".join(
        f'<w:num w:numId="{i}"><w:abstractNumId w:val="{a}"/></w:num>' for i, a in enumerate(nums, start=1)))
    return zipped({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
                   "word/_rels/document.xml.rels": DOC_RELS, "word/document.xml": document,
                   "word/numbering.xml": numbering})


def zipped(parts: dict[str, str | bytes]) -> bytes:
    """A zip archive of `parts` (name -> content): a .docx, an .xlsx, or a damaged one for a test."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


# -- sample letters --------------------------------------------------------------------------------
# Two layouts of real letters, in words written for these tests. Scores default to sound values on
# the lke-2021 grade grid; tests pass other values to build a letter with a slip.

COURT_CURRENT = ("26,10", "25,50", "13,20", "21,75")  # total 86,55
COURT_PREVIOUS = ("25,781", "24,9", "12,1", "20,083")  # averaged criteria: 82,864
INSPECTORATE_CURRENT = ("26,10", "24,60", "12,45", "20,75")  # total 83,90
INSPECTORATE_PREVIOUS = ("24,60", "24,00", "12,00", "19,50")  # total 80,10


def court_letter(current: tuple[str, ...] = COURT_CURRENT, previous: tuple[str, ...] = COURT_PREVIOUS,
                 total: str = "86,55", previous_total: str = "82,86", category: str = "A (Memuaskan)",
                 previous_category: str = "A (Memuaskan)", prose_total: str | None = None,
                 number: str = "Nomor : 214/KPT.X1/OT1.6/V/2024", place_date: str = "Kotabaru, 6 Mei 2024",
                 weight4: str = "25,00") -> list[Block]:
    """A court's letter: `Tahun Sebelumnya | 2023` columns, the predikat under each total, findings and
    recommendations grouped A-D with numbered, bulleted and empty groups, a wrapped label."""
    code, _, name = category.partition(" ")
    prev_code, _, prev_name = previous_category.partition(" ")
    return [
        *paras("PENGADILAN TINGGI NEGERI CONTOH", f"{number}", place_date,
               "Hal : Laporan Hasil Evaluasi Akuntabilitas Kinerja",
               "Kepada Yth. Ketua Pengadilan Negeri Sukamaju",
               "Dengan hormat, bersama ini kami sampaikan hasil evaluasi sebagai berikut:",
               "1. Evaluasi atas kinerja Pengadilan Negeri Sukamaju tahun 2023 mencakup empat komponen.",
               f"2. Pengadilan Negeri Sukamaju memperoleh nilai sebesar {prose_total or total} atau {code}",
               f"{name}.",
               "3. Rincian nilai per komponen adalah sebagai berikut:"),
        PageBreak(),
        *rows((None, None, None, "Nilai Akuntabilitas"),
              ("No.", "Komponen", "Bobot", "Tahun Sebelumnya", "2023"),
              ("1.", "Perencanaan Kinerja", "30,00", previous[0], current[0]),
              ("2.", "Pengukuran Kinerja", "30,00", previous[1], current[1]),
              ("3.", "Pelaporan Kinerja", "15,00", previous[2], current[2]),
              ("4.", "Evaluasi Akuntabilitas Kinerja", weight4, previous[3], current[3]),
              (None, "Internal"),
              (None, "Nilai Akuntabilitas Kinerja", None, previous_total, total),
              (None, None, None, prev_code, code),
              (None, None, None, prev_name, name)),
        *paras("No. Catatan",
               "A. Perencanaan Kinerja",
               "1. Pohon kinerja belum diturunkan sampai ke tingkat staf pelaksana.",
               "2. Rencana aksi belum memuat jadwal dan penanggung jawab",
               "setiap kegiatan.",
               "B. Pengukuran Kinerja",
               "- -",
               "C. Pelaporan Kinerja",
               "- Laporan kinerja belum membandingkan capaian dengan tahun lalu.",
               "D. Evaluasi Akuntabilitas Kinerja Internal",
               "1",
               "No. Rekomendasi",
               "A. Perencanaan Kinerja",
               "1. Agar pohon kinerja diturunkan sampai ke tingkat staf pelaksana",
               "dan ditetapkan oleh pimpinan.",
               "2. Agar rencana aksi memuat jadwal dan penanggung jawab.",
               "B. Pengukuran Kinerja",
               "- -",
               "C. Pelaporan Kinerja",
               "- Agar laporan kinerja membandingkan capaian dengan tahun lalu.",
               "D. Evaluasi Akuntabilitas Kinerja Internal",
               "1",
               "Demikian disampaikan untuk ditindaklanjuti.",
               "Tembusan :",
               "1. Arsip."),
    ]


def inspectorate_letter(current: tuple[str, ...] = INSPECTORATE_CURRENT,
                        previous: tuple[str, ...] = INSPECTORATE_PREVIOUS, total: str = "83,90",
                        previous_total: str = "80,10") -> list[Block]:
    """The other evaluator's layout: years as column heads with this year first, sub-component rows,
    a `Jumlah` row, the predikat on a row of its own, a page break with a signature notice inside the
    table, and ungrouped recommendations numbered with lettered sub-items and a bullet."""
    return [
        *paras("INSPEKTORAT WILAYAH CONTOH",
               "LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH",
               "Nomor : LHE-17/IW.3/PW.01/06/2025",
               "Tanggal : 12 Juni 2025",
               "Berdasarkan evaluasi atas Laporan Kinerja Pengadilan Agama Sukamaju tahun 2024, unit tersebut",
               f"memperoleh nilai {total} dengan predikat A (Memuaskan), dengan rincian sebagai berikut:"),
        *rows(("No", "Komponen/Sub Komponen", "Bobot", "2025", "2024"),
              ("1.", "Perencanaan Kinerja", "30,00", current[0], previous[0]),
              ("1.a", "Keberadaan", "6,00", "6,00", "5,40"),
              ("1.b", "Kualitas", "9,00", "8,10", "8,10"),
              ("1.c", "Pemanfaatan", "15,00", "12,00", "11,10"),
              ("2.", "Pengukuran Kinerja", "30,00", current[1], previous[1]),
              ("3.", "Pelaporan Kinerja", "15,00", current[2], previous[2])),
        Para("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik."),
        PageBreak(),
        *rows(("No", "Komponen/Sub Komponen", "Bobot", "2025", "2024"),
              ("4.", "Evaluasi Akuntabilitas Kinerja Internal", "25,00", current[3], previous[3]),
              (None, "Jumlah", "100,00", total, previous_total),
              (None, "Predikat", None, "A", "A")),
        *paras("Rekomendasi:",
               "1. Menyusun cascading kinerja sampai tingkat individu, dengan:",
               "a. pohon kinerja yang ditetapkan pimpinan;",
               "b. perjanjian kinerja setiap pegawai.",
               "2. Melaksanakan rapat pemantauan capaian kinerja setiap triwulan",
               "dan mendokumentasikan notulanya.",
               "- Mempublikasikan laporan kinerja tepat waktu.",
               "Demikian laporan ini disampaikan."),
    ]


def replaced(blocks: list[Block], *pairs: tuple[str, str]) -> list[Block]:
    """The letter with texts replaced (each pair must occur), e.g. to add OCR noise or a slip."""
    out: list[Block] = []
    used: set[str] = set()
    for block in blocks:
        if isinstance(block, Para):
            text = block.text
            for old, new in pairs:
                if old in text:
                    text, _ = text.replace(old, new), used.add(old)
            out.append(Para(text, block.auto))
        elif isinstance(block, Row):
            cells = []
            for cell in block.cells:
                for old, new in pairs:
                    if cell is not None and old in cell:
                        cell, _ = cell.replace(old, new), used.add(old)
                cells.append(cell)
            out.append(Row(tuple(cells)))
        else:
            out.append(block)
    missing = [old for old, _ in pairs if old not in used]
    assert not missing, missing
    return out
