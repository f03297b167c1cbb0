"""A document as paragraphs and tables, whatever file it came from.

Readers of Word, PDF and tab-separated text give lines; a line that is a table row carries its cells on
the table's grid (a merged cell keeps its text in its first column, the columns it spans stay empty, as
Word and tab-separated exports show it). This module turns lines into blocks: runs of paragraphs, and
tables with the caption printed above them ("Tabel 3.1 / Pencapaian Kinerja") and the notes printed
below ("Sumber Data : Simpeg ... Tahun 2023").

LKjIP tables are broken up on the page: a header repeated for the "KINERJA LAINNYA" rows, a page break
inside the budget table, a last row that lost its first column. So a run of rows without a header that
follows a table (only blank lines between) continues it, and a table with its own header but no caption
of its own carries the caption of the table just above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_CAPTION_LINES = 5
MAX_CAPTION_CHARS = 160  # longer lines are narrative text, not a caption
NOTES_AFTER = 2  # paragraphs after a table read as its notes
LATER = 8  # paragraphs after a table looked at for a signature block

_HTML = re.compile(r"<[^>]{0,200}>")
_MARKUP = re.compile(r"\*\*|__|\\(?=[-*_.#])")
_SEPARATOR = re.compile(r"^:?-{3,}:?$")
_HEADING = re.compile(r"^(BAB\s+[IVX]+\b|LAMPIRAN\b|[A-H]\.\s+[A-Z][a-z]+$)")
_COLUMN_MARK = re.compile(r"\d{1,2}|[KkRr]|\(\d{1,2}\)|I{1,3}|IV|V")
_SIGNATURE = re.compile(r"\bNIP\b|^(Pembina|Penata|Pengatur|Juru)\b|,\s*S\.\w|M\.M\.?$|^(Pihak|Mojokerto|Ditetapkan)\b")
SHORT_HEADER = 40  # a leading row of short cells without values is a header row too ("Ruang Lingkup")

HEADER_WORDS = frozenset((
    "no", "nomor", "sasaran", "indikator", "target", "realisasi", "capaian", "kinerja", "anggaran", "program",
    "kegiatan", "uraian", "tujuan", "tahun", "keterangan", "sumber", "definisi", "formulasi", "penjelasan",
    "penanggung", "lokasi", "pagu", "alokasi", "satuan", "jumlah", "laki-laki", "perempuan", "total", "umur",
    "tingkat", "efisiensi", "penyerapan", "nasional", "ket", "%", "opd", "urusan", "strategis", "triwulan", "kode",
    "rincian", "nama", "renja", "renstra", "akhir", "k", "r", "rp", "dana", "strategi", "kebijakan", "visi",
    "misi", "iku", "utama", "persentase", "capaian", "data", "jawab", "pembanding", "selisih", "bidang",
))


@dataclass(frozen=True)
class SourceLine:
    """One line from a reader: its text, and its cells on the table grid when it is a table row."""

    number: int
    text: str
    cells: tuple[str, ...] | None = None
    page: int | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    page: int | None = None


@dataclass
class Table:
    """A table: header rows (possibly several: "Target" over "2021 2022 ..."), body rows, the caption
    above it and the notes below it, and where each row stands in the source."""

    caption: list[Paragraph]
    header: list[tuple[str, ...]]
    rows: list[tuple[str, ...]]
    lines: list[int]
    pages: list[int | None]
    section: str = ""
    before: list[Paragraph] = field(default_factory=list)  # paragraphs between the last heading and the table
    after: list[Paragraph] = field(default_factory=list)  # the notes right below the table
    later: list[Paragraph] = field(default_factory=list)  # the text that follows, past up to two more tables
    index: int = 0  # position among the document's tables, 1-based

    @property
    def title(self) -> str:
        return " ".join(p.text for p in self.caption)

    @property
    def first_line(self) -> int:
        return self.lines[0] if self.lines else (self.caption[-1].line if self.caption else 0)

    @property
    def first_page(self) -> int | None:
        return next((p for p in self.pages if p is not None), None)


Block = Paragraph | Table


def clean(text: str) -> str:
    """A cell or line without HTML tags and Markdown emphasis, spaces collapsed."""
    return " ".join(_MARKUP.sub("", _HTML.sub(" ", text)).split())


def is_header_row(cells: tuple[str, ...]) -> bool:
    """A row of column headings: short cells of header words, years or column numbers, no values."""
    filled = [c for c in cells if c]
    if not filled:
        return False
    if all(_COLUMN_MARK.fullmatch(c) for c in filled) and len(filled) >= 3:
        return True  # the column-number row "1 2 3 4 ...", "K R K R" or "I II III IV"
    if all(re.fullmatch(r"(19|20)\d\d", c) for c in filled):
        return True
    if any(len(c) > 90 for c in filled):
        return False
    words = sum(1 for c in filled if _header_like(c))
    return words * 2 > len(filled) and not any(_is_value(c) for c in filled)


def _header_like(cell: str) -> bool:
    tokens = re.findall(r"[a-z%]+(?:-[a-z]+)?", cell.lower())
    return (bool(tokens) and any(t in HEADER_WORDS for t in tokens)) or bool(re.fullmatch(r"(19|20)\d\d", cell))


def _is_value(cell: str) -> bool:
    """A cell stating a number ("88,31", "100 %", "6 dokumen", "N/A"), not a heading like "Tahun 2024"."""
    text = cell.strip().lower()
    if text in ("n/a", "-"):
        return True
    if re.fullmatch(r"(19|20)\d\d", text):
        return False
    return bool(re.match(r"^(rp\.?\s*)?[+-]?\d[\d.,]*\s*%?(\s+\S+){0,2}$", text)) and not re.search(
        r"tahun|triwulan", text)


def build_blocks(lines: list[SourceLine]) -> list[Block]:
    """Paragraphs and tables in reading order (see the module docstring)."""
    blocks: list[Block] = []
    segment: list[SourceLine] = []
    blank_since_table = True

    def flush() -> None:
        nonlocal segment
        if segment:
            _add_segment(blocks, segment, blank_since_table)
        segment = []

    for line in lines:
        if line.cells is not None:
            cells = tuple(clean(c) for c in line.cells)
            if all(not c or _SEPARATOR.match(c) for c in cells):
                continue
            segment.append(SourceLine(line.number, line.text, cells, line.page))
            continue
        flush()
        text = clean(line.text)
        if not text:
            continue
        blocks.append(Paragraph(text, line.number, line.page))
    flush()
    _attach_context(blocks)
    return blocks


def _add_segment(blocks: list[Block], segment: list[SourceLine], _: bool) -> None:
    """A run of table rows: split at header rows that follow body rows, then each part becomes a new
    table or continues the table right above it."""
    parts: list[list[SourceLine]] = [[]]
    seen_body = False
    for line in segment:
        assert line.cells is not None
        if is_header_row(line.cells) and seen_body:
            parts.append([])
            seen_body = False
        if not is_header_row(line.cells):
            seen_body = True
        parts[-1].append(line)
    for part in parts:
        if part:
            _add_part(blocks, part)


def _add_part(blocks: list[Block], part: list[SourceLine]) -> None:
    header: list[tuple[str, ...]] = []
    index = 0
    while index < len(part) and _leading_header(part[index].cells or ()):
        header.append(part[index].cells or ())
        index += 1
    previous = blocks[-1] if blocks else None
    if isinstance(previous, Table) and not any(is_header_row(line.cells or ()) for line in part[:index]):
        index = 0  # rows of labels without header words: the table goes on (after a page break)
        header = []
    body = part[index:]
    if not header and isinstance(previous, Table):
        previous.rows.extend(line.cells or () for line in body)
        previous.lines.extend(line.number for line in body)
        previous.pages.extend(line.page for line in body)
        return
    caption = _caption(blocks)
    if not caption and isinstance(previous, Table):
        caption = list(previous.caption)  # a second part of the same table (e.g. "KINERJA LAINNYA")
    blocks.append(Table(caption, header, [line.cells or () for line in body], [line.number for line in body],
                        [line.page for line in body]))


def _leading_header(cells: tuple[str, ...]) -> bool:
    """Rows above the first value row are headers when they read as headers or are short labels."""
    filled = [c for c in cells if c]
    return is_header_row(cells) or (bool(filled) and not any(_is_value(c) for c in filled) and all(
        len(c) <= SHORT_HEADER for c in filled) and len(filled) >= 2)


def _caption(blocks: list[Block]) -> list[Paragraph]:
    """The short paragraphs right above a table, from its "Tabel N" line on when there is one."""
    found: list[Paragraph] = []
    for block in reversed(blocks):
        if not isinstance(block, Paragraph) or len(block.text) > MAX_CAPTION_CHARS or len(found) >= MAX_CAPTION_LINES:
            break
        if (block.text.endswith(":") and not block.text.lower().startswith("tabel")) or _SIGNATURE.search(block.text):
            break
        if _HEADING.match(block.text) or (re.match(r"^(\d+\.)+\d*\s", block.text) and found):
            break
        found.insert(0, block)
    tabel = next((i for i in range(len(found) - 1, -1, -1) if found[i].text.lower().startswith("tabel")), None)
    if tabel is not None:
        found = found[tabel:]
    else:  # a title printed in capitals ("PERJANJIAN KINERJA TAHUN 2024") starts the caption
        upper = next((i for i, p in enumerate(found) if p.text.isupper() and len(p.text) > 10), None)
        if upper is not None:
            found = found[upper:]
    return [p for p in found
            if not re.match(r"^(\d+\.)+\d*\s|^[a-z]\.\s", p.text) or p.text.lower().startswith("tabel")]


def _attach_context(blocks: list[Block]) -> None:
    """Each table's section heading, the paragraphs before it since that heading, the notes after it."""
    section = ""
    before: list[Paragraph] = []
    count = 0
    for position, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if _HEADING.match(block.text) or (re.match(r"^(\d+\.)+\d*\.?\s+\S", block.text) and len(block.text) < 100):
                section = block.text
                before = []
            before.append(block)
            continue
        count += 1
        block.index = count
        block.section = section
        block.before = before[-12:]
        after: list[Paragraph] = []
        later: list[Paragraph] = []
        tables = 0
        for following in blocks[position + 1:]:
            if isinstance(following, Table):
                tables += 1
                if tables > 2:
                    break
                continue
            if not tables and len(after) < NOTES_AFTER:
                after.append(following)
            later.append(following)
            if len(later) >= LATER:
                break
        block.after = after
        block.later = later

