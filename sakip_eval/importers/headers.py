"""What each column of an LKjIP table holds, read from its header rows.

A column's header is the path of header cells above it: "Target" over "2022" is the 2022 target,
"ANGGARAN" over "Realisasi" is the realised budget, "Realisasi 2024" is the 2024 realisation. Words
decide, in order: a column of years, a budget group, then the measure words LKjIPs use (Target,
Realisasi, Capaian/Tingkat Kemajuan, % Penyerapan Anggaran, Tingkat Efisiensi, Realisasi Nasional,
Ket. (+/-), Anggaran/Pagu/Alokasi, %), the label columns (Sasaran, Indikator, Program/Kegiatan, Uraian)
and the staff-table columns (Laki-laki, Perempuan, Jumlah).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip_eval.importers.blocks import Table

YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_COLUMN_NUMBERS = re.compile(r"^(\d{1,2}|\(\d{1,2}\)|[KkRr]|I{1,3}|IV)$")

# The roles a column can have.
INDICATOR_MEASURES = ("target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding", "selisih")
BUDGET_MEASURES = ("pagu", "budget_realisasi", "persen", "share")


@dataclass(frozen=True)
class Column:
    index: int
    path: tuple[str, ...]
    role: str | None  # a measure, "indicator", "label", "no", "fund", "definition", "formula", ...
    year: int | None = None

    @property
    def text(self) -> str:
        return " ".join(self.path)


def header_paths(table: Table, width: int) -> list[tuple[str, ...]]:
    """Each column's header cells from top to bottom; a top cell spans the empty cells to its right
    that have a header below them ("Target" over 2021-2024). Column-number rows are left out."""
    rows = [row for row in table.header if not all(_COLUMN_NUMBERS.match(c) for c in row if c)]
    paths: list[list[str]] = [[] for _ in range(width)]
    for r, row in enumerate(rows):
        cells = list(row) + [""] * (width - len(row))
        carry = ""
        for c in range(width):
            text = cells[c]
            below = any(c < len(lower) and lower[c] for lower in rows[r + 1:])
            if text:
                carry = text
                paths[c].append(text)
            elif carry and below:
                paths[c].append(carry)
            else:
                carry = "" if not below else carry
    return [tuple(p) for p in paths]


def width_of(table: Table, header_only: bool = False) -> int:
    """Columns in use: the last non-empty header (or, without `header_only`, body) cell."""
    def used(row: tuple[str, ...]) -> int:
        return max((i + 1 for i, c in enumerate(row) if c), default=0)

    rows = table.header if header_only else [*table.header, *table.rows]
    return max([used(r) for r in rows] + [0])


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9%/+\-]+", " ", text.lower()).split())


def classify(paths: list[tuple[str, ...]]) -> list[Column]:
    """The role of every column from its header path (see the module docstring)."""
    joined = [" > ".join(_norm(p) for p in path) for path in paths]
    has_penyerapan = any("penyerapan" in j for j in joined)
    has_budget = any(_budget_word(j.split(" > ")[-1]) for j in joined)
    columns = []
    for index, (path, text) in enumerate(zip(paths, joined, strict=True)):
        role, year = _role(text, has_penyerapan, has_budget)
        columns.append(Column(index, path, role, year))
    roles = {c.role for c in columns}
    if "pagu" in roles and "target" not in roles:
        # a budget table: its "Realisasi" is money and its "Capaian" the percentage absorbed
        swap = {"realisasi": "budget_realisasi", "capaian": "persen"}
        columns = [Column(c.index, c.path, swap.get(c.role or "", c.role), c.year) for c in columns]
    elif "target" in roles and "capaian" in roles and "realisasi" not in roles:
        # "Target | Capaian" without a realisation column: the achieved value is written as "Capaian"
        columns = [Column(c.index, c.path, "realisasi" if c.role == "capaian" and "%" not in c.text else c.role,
                          c.year) for c in columns]
    return columns


def _budget_word(last: str) -> bool:
    return bool(re.search(r"\b(anggaran|pagu|alokasi)\b", last)) and not re.search(r"penyerapan|%", last)


def _role(text: str, has_penyerapan: bool, has_budget: bool) -> tuple[str | None, int | None]:
    if not text:
        return None, None
    parts = text.split(" > ")
    last = parts[-1]
    year_match = YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    in_budget = any(re.search(r"\banggaran\b", p) and not re.search(r"penyerapan|%|capaian kinerja", p)
                    for p in parts[:-1])
    if re.fullmatch(r"(19|20)\d\d", last):
        group = parts[-2] if len(parts) > 1 else ""
        role, _ = _role(group, has_penyerapan, has_budget) if group else ("target", None)
        return role or "target", int(last)
    if in_budget:
        if re.search(r"alokasi|anggaran|pagu", last):
            return "pagu", year
        if "realisasi" in last:
            return "budget_realisasi", year
        if re.search(r"capaian|%", last):
            return "persen", year
    if "penyerapan" in last:
        return "penyerapan", year
    if "efisiensi" in last:
        return ("efisiensi" if has_penyerapan else "capaian"), year
    if re.search(r"nasional|provinsi|pembanding|standar", last):
        return "pembanding", year
    if re.search(r"\+/-|selisih", last):
        return "selisih", year
    if re.fullmatch(r"% anggaran|porsi.*|proporsi.*", last):
        return "share", year
    if re.search(r"\(rp\)|\brp\b", last) and "realisasi" in last:
        return "budget_realisasi", year
    if _budget_word(last):
        return "pagu", year
    if last in ("%", "persen", "% capaian program", "% realisasi", "capaian (%)") or re.fullmatch(r"% capaian.*", last):
        if re.search(r"kinerja", last):
            return "capaian", year
        return ("persen" if has_budget else "capaian"), year
    if re.search(r"\bdefinisi\b", last):
        return "definition", year
    if re.search(r"formulasi|rumus|cara (pengukuran|perhitungan)", last):
        return "formula", year
    if re.search(r"sumber data", last):
        return "data_source", year
    if re.search(r"penanggung ?jawab|\bpj\b", last):
        return "responsible", year
    if re.search(r"sumber dana|keterangan", last):
        return "fund", year
    if re.search(r"\btarget\b", last):
        return "target", year
    if re.search(r"\brealisasi\b", last):
        return "realisasi", year
    if re.search(r"capaian|tingkat kemajuan|kemajuan", last):
        return "capaian", year
    if re.search(r"laki", last):
        return "men", year
    if re.search(r"perempuan|wanita", last):
        return "women", year
    if re.fullmatch(r"(total|jumlah|jml)", last):
        return "total", year
    if re.search(r"\bindikator\b", last):
        return "indicator", year
    if re.search(r"\b(sasaran|tujuan|kinerja lainnya|kinerja utama|program|kegiatan|uraian|urusan|umur|opd)\b", last):
        return "label", year
    if re.fullmatch(r"no\.?|n o|nomor|no \.|kode", last):
        return "no", year
    if re.search(r"\bsatuan\b", last):
        return "unit", year
    if re.search(r"lokasi", last):
        return "other", year
    return None, year
