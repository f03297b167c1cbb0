"""Recognising the tables of an LKjIP by their headers and content, and reading their rows.

Every table is judged by what its columns hold, never by its number in one document:

- indicator values (an "Indikator" column with Target / Realisasi / Capaian, per year when the years are
  column groups, the Renstra end target, a national comparison, % absorbed and efficiency);
- budgets (a program / kegiatan / sub kegiatan column with Anggaran / Realisasi / %), also when they
  share a table with indicator values (Renja, Tabel 3.6, the conclusion);
- the Formulir E.81 evaluation of the Renja (quarters; the last pair of columns is the year's K and R);
- staff and population tables (Laki-laki / Perempuan / Jumlah);
- the IKU table (Definisi, Formulasi, Sumber Data, Penanggung Jawab).

Which document a table's targets belong to is read from its caption and section: Perjanjian Kinerja (and
its Perubahan), Renstra (an end-of-period target, or the matrix with a target per year), Renja / Rencana
Kinerja / E.81, otherwise the LKjIP's own measurement. A PK printed with its signature block is the
signed document (`reference`), as is the Renstra matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sakip_eval.importers.blocks import Table
from sakip_eval.importers.headers import YEAR, Column, classify, header_paths, width_of
from sakip_eval.importers.values import Reading, is_missing, read_cell

LEVEL_MARK = re.compile(r"\[\s*(PROGRAM|KEGIATAN|SUB\s*KEGIATAN)\s*\]", re.IGNORECASE)
_TOTAL = re.compile(r"^(jumlah|total|jumlah total|total anggaran)\b", re.IGNORECASE)
_SIGNED = re.compile(r"\bpihak (pertama|kedua)\b", re.IGNORECASE)
_RENSTRA = re.compile(r"renstra|jangka menengah|t-?c\.?\s?2\d|akhir periode|rencana strategis", re.IGNORECASE)
_RENJA = re.compile(r"\brenja\b|rencana kerja|rencana kinerja|e\.?\s?81\b", re.IGNORECASE)
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)")
_DATA_YEAR = re.compile(r"sumber\s+data\b.*?((?:19|20)\d\d)", re.IGNORECASE)
_AS_OF = re.compile(r"\b(per|s/?d|sampai dengan|keadaan)\s+(\d{1,2}\s+)?[a-z]+\s+((?:19|20)\d\d)\b", re.IGNORECASE)
NUMBERED_ITEM = re.compile(r"^\s*(\d+(\.\d+)*\.?|[a-z]\.|[ivx]+\.)(\s+|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Origin:
    """Where a row stands: the table (its title and number), the row within it, the source line/page."""

    table: int
    title: str
    row: int
    line: int
    page: int | None


@dataclass
class IndicatorRow:
    name: str
    level: str | None
    year: int | None
    values: dict[str, Reading]
    origin: Origin
    line_name: str | None = None  # the program / kegiatan of the row in tables that mix in budgets
    unit: str | None = None  # the Satuan column, when the table has one


@dataclass
class BudgetRow:
    name: str | None  # None: the row names no program or kegiatan (placed by its amounts)
    level: str | None
    year: int | None
    values: dict[str, Reading]
    origin: Origin
    funds: list[tuple[str, Reading]] = field(default_factory=list)
    total: bool = False


@dataclass
class StaffRow:
    label: str
    values: list[str]
    total: str | None
    group: bool  # a group heading ("Tingkat Pendidikan PNS :") rather than a row of numbers
    origin: Origin


@dataclass
class Recognised:
    """One table as the draft will hold it: its kind, the document it states, and its rows."""

    kind: str  # "values", "budget", "staff", "iku"
    table: Table
    title: str
    source: str = "lkjip"
    year: int | None = None
    target_year: int | None = None
    reference: bool = False
    comparison: str | None = None
    data_year: int | None = None
    stage: str = "papbd"
    complete: bool = False
    share: bool = False
    run: int = 0  # the first document table of the printed table this part belongs to
    indicators: list[IndicatorRow] = field(default_factory=list)
    budgets: list[BudgetRow] = field(default_factory=list)
    staff: list[StaffRow] = field(default_factory=list)
    staff_columns: list[str] = field(default_factory=list)
    iku: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Unplaced:
    """A table or row the importer could not place, for the review list."""

    where: str
    what: str


@dataclass
class Context:
    """What the whole document tells about every table: its year and the Renstra period."""

    year: int
    renstra_end: int | None
    unit_words: frozenset[str]


def closed_marks(label: str) -> str:
    """"[PROGRA M]" and "[SUB KEGI ATAN]" (a mark broken inside a narrow PDF cell) as "[PROGRAM]"."""
    return re.sub(r"\[([^\]]{0,30})\]", lambda m: "[" + m.group(1).replace(" ", "").upper() + "]", label)


def level_of(label: str, unit: frozenset[str]) -> str | None:
    """A budget label's level when the label says it: a [PROGRAM] mark, a program code, "PROGRAM ...",
    the unit's own name or a total row (the OPD)."""
    label = closed_marks(label)
    mark = LEVEL_MARK.search(label)
    if mark:
        word = mark.group(1).lower().replace(" ", "")
        return {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub_kegiatan"}[word]
    code = re.search(r"\b\d+\.\d{2}\.\d{2}(\.\d\.\d{2})?(\.\d{4})?\b", label)
    if code:
        return "sub_kegiatan" if code.group(2) else "kegiatan" if code.group(1) else "program"
    text = NUMBERED_ITEM.sub("", label).strip().lower()
    if text.startswith("program "):
        return "program"
    if _TOTAL.match(text) or (unit and set(re.findall(r"[a-z]+", text)) <= unit | {"kecamatan", "dinas", "badan"}):
        return "opd"
    return None


def recognise(table: Table, context: Context, unplaced: list[Unplaced]) -> list[Recognised]:
    """The table's recognised parts (none for text tables); rows with numbers that fit nowhere go to
    `unplaced`."""
    width = width_of(table, header_only=True) or width_of(table)
    if not table.rows or width == 0:
        return []
    header_text = " ".join(" ".join(row) for row in table.header).lower()
    title = table.title or f"{table.section or 'Tabel'} (tabel ke-{table.index})"
    if "triwulan" in header_text or re.search(r"\be\.?\s?81\b", title, re.IGNORECASE):
        return _e81(table, title, context, unplaced)
    columns = classify(header_paths(table, width))
    roles = {c.role for c in columns}
    if {"men", "women"} <= roles:
        return [_staff(table, title, columns)]
    if roles & {"definition", "formula"}:
        return [_iku(table, title, columns)]
    value_roles = roles & {"target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding"}
    budget_roles = roles & {"pagu", "budget_realisasi", "persen", "share"}
    out: list[Recognised] = []
    if (value_roles and "indicator" in roles) or (value_roles and not budget_roles and "label" in roles):
        out.append(_values(table, title, columns, context, bool(budget_roles)))
    if budget_roles:
        out.append(_budget(table, title, columns, context))
    if not out and any(read_cell(c) for row in table.rows for c in row):
        unplaced.append(Unplaced(_where(table), "table"))
    return [part for part in out if part.indicators or part.budgets]


def _where(table: Table, row: int | None = None) -> str:
    title = table.title or f"tabel ke-{table.index}"
    page = f", hlm {table.first_page}" if table.first_page else ""
    if row is None:
        return f"{title} (baris {table.first_line}{page})"
    return f"{title}, baris tabel {row} (baris {table.lines[row - 1]}{page})"


def _origin(table: Table, title: str, row: int) -> Origin:
    return Origin(table.index, title, row, table.lines[row - 1], table.pages[row - 1])


def _aligned(row: tuple[str, ...], width: int) -> list[str]:
    """A body row on the header's columns: a row of values that lost its first cells (a merged "No"
    or "Sasaran" column) and so ends short of the header is aligned to the right, where its values are."""
    cells = list(row[:width])
    short = len(cells) < width
    while cells and not cells[-1]:
        cells.pop()
    if short and cells and (read_cell(cells[-1]) or is_missing(cells[-1])):
        cells = [""] * (width - len(cells)) + cells
    return cells + [""] * (width - len(cells))


def _document(table: Table, title: str, columns: list[Column], context: Context) -> dict[str, object]:
    """source, target year, reference, table year and data year from caption, section and headers."""
    lowered = title.lower()
    header = " ".join(c.text for c in columns).lower()
    year_targets = sum(1 for c in columns if c.role == "target" and c.year is not None)
    info: dict[str, object] = {"source": "lkjip"}
    if "perjanjian kinerja" in lowered:
        info["source"] = "pk_perubahan" if "perubahan" in lowered else "pk_awal"
        info["reference"] = any(_SIGNED.search(p.text) for p in table.later)
    elif _RENSTRA.search(lowered) or "akhir renstra" in header or "target akhir" in header:
        info["source"] = "renstra"
        if year_targets >= 2:
            info["reference"] = True  # the Renstra matrix itself: a target for each year
        elif context.renstra_end:
            info["target_year"] = context.renstra_end
    elif _RENJA.search(lowered) or (_RENJA.search(table.section) and "realisasi" not in header):
        info["source"] = "renja"
    years = {int(y) for y in YEAR.findall(title)} - _period_years(title)
    if len(years) == 1:
        year = years.pop()
        if year != context.year:
            info["year"] = year
    for note in table.after:
        found = _DATA_YEAR.search(note.text)
        if found:
            info["data_year"] = int(found.group(1))
    if "nasional" in header:
        info["comparison"] = "nasional"
    elif "provinsi" in header:
        info["comparison"] = "provinsi"
    return info


def _period_years(text: str) -> set[int]:
    return {int(y) for match in _PERIOD.finditer(text) for y in match.groups()}


def _cell_of(cells: list[str], columns: list[Column], role: str) -> str:
    """The text under the first column with `role` and the unlabeled columns right after it (a header
    spanning a number column and a name column): the last cell with words, so that a row which lost a
    column to a merged cell still gives its own name."""
    parts: list[str] = []
    for index, column in enumerate(columns):
        if column.role != role:
            continue
        parts.append(cells[index])
        for follower in columns[index + 1:]:
            if follower.role is not None:
                break
            parts.append(cells[follower.index])
        break
    worded = [p for p in parts if re.search(r"[A-Za-z]{3}", p)]
    return worded[-1] if worded else " ".join(p for p in parts if p)


def _indicator_names(text: str) -> list[str]:
    """The indicator cell without a lone number column ("1.1"); one name per numbered item when a
    merged cell lists several ("3.1 3.2 3.3" then their names, or "3.1 Nilai ... 3.2 Persentase ...")."""
    text = text.strip()
    items = re.split(r"(?:^|\s)(?=\d+\.\d+\s+[A-Za-z])", text)
    names = [NUMBERED_ITEM.sub("", item).strip() for item in items if item.strip()]
    numbers = re.match(r"^((?:\d+\.\d+\s+){2,})(.*)$", text)
    if numbers:
        return [numbers.group(2).strip()]  # names not split here: the caller splits by known names
    return [n for n in names if re.search(r"[A-Za-z]{3}", n)] or []


def _values(table: Table, title: str, columns: list[Column], context: Context, mixed: bool) -> Recognised:
    info = _document(table, title, columns, context)
    part = Recognised("values", table, title, **info)  # type: ignore[arg-type]
    measures = [c for c in columns if c.role in ("target", "realisasi", "capaian", "penyerapan", "efisiensi",
                                                  "pembanding", "selisih")]
    width = len(columns)
    name_role = "indicator" if any(c.role == "indicator" for c in columns) else "label"
    level = _label_level(columns) if name_role == "indicator" else None
    has_unit = any(c.role == "unit" for c in columns)
    for number, row in enumerate(table.rows, start=1):
        cells = _aligned(row, width)
        text = _cell_of(cells, columns, name_role)
        names = _indicator_names(text)
        if not names:
            continue
        by_year: dict[int | None, dict[str, list[Reading]]] = {}
        for column in measures:
            readings = read_cell(cells[column.index]) or _blank(cells[column.index])
            year = None if column.year == context.year else column.year
            if readings:
                by_year.setdefault(year, {})[column.role or ""] = readings
        line_name = _cell_of(cells, columns, "label") if mixed and name_role == "indicator" else None
        unit = _cell_of(cells, columns, "unit") if has_unit else ""
        for year, values in by_year.items():
            count = max(len(v) for v in values.values())
            split = names if len(names) == count else [" ".join(names)] if count == 1 else names
            if len(split) != count:
                split = [text] * count  # several values, one name: left for the assembler to split
            for i in range(count):
                row_values = {m: v[i] for m, v in values.items() if i < len(v)}
                part.indicators.append(IndicatorRow(split[i], level, year, row_values,
                                                    _origin(table, title, number), line_name or None,
                                                    unit if len(split) == 1 and unit else None))
    return part


def _blank(cell: str) -> list[Reading]:
    """A cell that says there is no value ("-", "N/A"), kept as written: for the checks a blank cell is
    information (a figure missing where other tables state one)."""
    return [Reading(cell.strip())] if cell.strip() and is_missing(cell) else []


def _label_level(columns: list[Column]) -> str | None:
    """The level of a table's rows from its label column: SASARAN, KINERJA LAINNYA, TUJUAN."""
    for column in columns:
        if column.role != "label":
            continue
        text = column.text.lower()
        for word, level in (("kinerja lainnya", "kinerja_lainnya"), ("sasaran", "sasaran"), ("tujuan", "tujuan"),
                            ("sub kegiatan", "sub_kegiatan"), ("kegiatan", "kegiatan"), ("program", "program")):
            if word in text:
                return level
    return None


def _budget(table: Table, title: str, columns: list[Column], context: Context) -> Recognised:
    info = _document(table, title, columns, context)
    info.pop("target_year", None)
    info.pop("reference", None)
    info.pop("comparison", None)
    part = Recognised("budget", table, title, **info)  # type: ignore[arg-type]
    width = len(columns)
    labels = _with_followers(columns, "label")
    fund_column = next((c for c in columns if c.role == "fund"), None)
    stages: list[str] = []
    levels: set[str] = set()
    by_sasaran = _label_level(columns) in ("sasaran", "tujuan", "kinerja_lainnya")
    for number, row in enumerate(table.rows, start=1):
        cells = _aligned(row, width)
        label = " ".join(cells[c.index] for c in labels if cells[c.index]).strip()
        values: dict[str, Reading] = {}
        funds: list[tuple[str, Reading]] = []
        for column in columns:
            role = column.role
            if role not in ("pagu", "budget_realisasi", "persen", "share"):
                continue
            readings = read_cell(cells[column.index])
            key = "realisasi" if role == "budget_realisasi" else role or ""
            if len(readings) > 1 and key == "pagu":
                names = _fund_names(cells[fund_column.index] if fund_column else "", len(readings))
                funds = list(zip(names, readings, strict=True))
            elif readings:
                values[key] = readings[0]
        if not values and not funds:
            continue
        if fund_column is not None and cells[fund_column.index]:
            stages.append(cells[fund_column.index].lower())
        name = _budget_name(cells, labels)
        wordless = not any(re.search(r"[A-Za-z]{3}", c) for c in cells)
        level = level_of(label, context.unit_words) if label else ("opd" if wordless else None)
        if level is None and by_sasaran:
            level = "sasaran"
        total = bool(label and _TOTAL.match(NUMBERED_ITEM.sub("", label).strip())) or wordless
        if level:
            levels.add(level)
        part.budgets.append(BudgetRow(name, level, None, values, _origin(table, title, number), funds, total))
    original = all(re.search(r"\bapbd\b", s) and not re.search(r"p\s?apbd|perubahan", s) for s in stages)
    if (stages and original) or (not stages and part.source == "pk_awal"):
        part.stage = "apbd"
    has_pagu = any(c.role == "pagu" for c in columns)
    part.complete = has_pagu and len(part.budgets) >= 5 and bool(levels & {"program", "opd"}) and len(
        {b.level for b in part.budgets} | ({None} if any(b.level is None for b in part.budgets) else set())) >= 2
    part.share = any(c.role == "share" for c in columns)
    return part


def _with_followers(columns: list[Column], role: str) -> list[Column]:
    """Columns with `role` and the unlabeled columns right after each (a header spanning two columns,
    "URAIAN PROGRAM / KEGIATAN" over the program and the kegiatan column)."""
    out: list[Column] = []
    for index, column in enumerate(columns):
        if column.role == role:
            out.append(column)
            for follower in columns[index + 1:]:
                if follower.role is not None:
                    break
                out.append(follower)
    return out


def _budget_name(cells: list[str], labels: list[Column]) -> str | None:
    """The program / kegiatan a budget row names: the first label column with words (a numbering prefix
    removed); None for a total row without a label."""
    for column in labels:
        text = NUMBERED_ITEM.sub("", cells[column.index]).strip()
        if re.search(r"[A-Za-z]{3}", text):
            return text
    return None


def _fund_names(text: str, count: int) -> list[str]:
    """Fund sources of a cell that lists several ("APBD 2024 APBN DAU Earmarked"): split before each
    budget word; numbered when they cannot be told apart."""
    parts = [p.strip() for p in re.split(r"\s(?=(?:P\s?)?APB[ND]\b)", text) if p.strip()]
    if len(parts) == count and len(set(parts)) == count:
        return parts
    return [f"sumber {i}" for i in range(1, count + 1)]


def _e81(table: Table, title: str, context: Context, unplaced: list[Unplaced]) -> list[Recognised]:
    """Formulir E.81: per row the level (the No column: 1 sasaran, 2 program, 3 kegiatan, 4 sub
    kegiatan, as the SIPD export numbers it; otherwise the [PROGRAM] marks), the indicator (the last
    text before the numbers), the Renja target and pagu (the first two numbers) and the year's
    realisation K and R (the last two)."""
    values = Recognised("values", table, title, source="renja")
    budget = Recognised("budget", table, title, source="renja")
    levels = {"1": "sasaran", "2": "program", "3": "kegiatan", "4": "sub_kegiatan"}
    for number, row in enumerate(table.rows, start=1):
        cells = [c for c in row]
        no = cells[0].strip().rstrip(".") if cells else ""
        texts: list[str] = []
        numbers: list[Reading] = []
        for cell in cells[1:]:
            if not cell:
                continue
            cell = closed_marks(cell)
            readings = read_cell(cell)
            if readings and not re.search(r"[A-Za-z]{4}", cell):
                numbers.extend(readings[:1])
            elif not numbers:
                texts.append(cell)
        if not texts or not numbers:
            if numbers:
                unplaced.append(Unplaced(_where(table, number), "row"))
            continue
        indicator = texts[-1]
        labels = texts[:-1]
        level = levels.get(no)
        marked = [lb for lb in labels if LEVEL_MARK.search(lb)]
        if level is None and marked:
            level = level_of(marked[0], context.unit_words)
        name = next((lb for lb in marked if level_of(lb, context.unit_words) == level), None)
        origin = _origin(table, title, number)
        row_values = {"target": numbers[0]}
        if len(numbers) >= 4:
            row_values["realisasi"] = numbers[-2]
        values.indicators.append(IndicatorRow(indicator, level, None, row_values, origin,
                                              _strip_mark(name) if name else None))
        if len(numbers) >= 4 and level in ("program", "kegiatan", "sub_kegiatan"):
            budget.budgets.append(BudgetRow(_strip_mark(name) if name else None, level, None,
                                            {"pagu": numbers[1], "realisasi": numbers[-1]}, origin))
    budget.complete = len(budget.budgets) >= 5
    return [part for part in (values, budget) if part.indicators or part.budgets]


def _strip_mark(label: str) -> str:
    text = LEVEL_MARK.sub("", label)
    text = re.sub(r"^\s*\d+(\.\d+)+\s*", "", text)
    return re.sub(r"\([A-Za-z/ ]{2,20}\)$", "", text).strip()


def _staff(table: Table, title: str, columns: list[Column]) -> Recognised:
    """Staff (or population) by group: rows whose value columns are empty are group headings."""
    part = Recognised("staff", table, title)
    for note in table.after:
        found = _DATA_YEAR.search(note.text)
        if found:
            part.data_year = int(found.group(1))
    if part.data_year is None:
        found = _AS_OF.search(title)
        if found:
            part.data_year = int(found.group(3))
    value_columns = [c for c in columns if c.role in ("men", "women")]
    total_column = next((c for c in columns if c.role == "total"), None)
    label_columns = [c for c in columns if c.role in ("label", None, "no")]
    part.staff_columns = [c.path[-1] for c in value_columns]
    width = len(columns)
    for number, row in enumerate(table.rows, start=1):
        cells = _aligned(row, width)
        raw = " ".join(cells[c.index] for c in label_columns if cells[c.index])
        roman = any(re.fullmatch(r"[IVX]+\.?", cells[c.index]) for c in label_columns)
        label = " ".join(cells[c.index] for c in label_columns if cells[c.index] and not re.fullmatch(
            r"[IVX]+\.?|\d+\.?", cells[c.index])).strip()
        label = re.sub(r"^(\d+|[a-z]|[IVX]+)\.\s+", "", label).strip().rstrip(":").strip()
        if not value_columns or len(cells) <= max(c.index for c in value_columns):
            continue
        values = [cells[c.index] for c in value_columns]
        total = cells[total_column.index] if total_column else None
        group = all(not v for v in values) and not total and (roman or raw.rstrip().endswith(":"))
        if not label:
            continue
        part.staff.append(StaffRow(label, values, total, group, _origin(table, title, number)))
    part.indicators = []
    return part


def _iku(table: Table, title: str, columns: list[Column]) -> Recognised:
    part = Recognised("iku", table, title)
    keys = {"indicator": "name", "definition": "definition", "formula": "formula", "data_source": "data_source",
            "responsible": "responsible", "label": "sasaran", "unit": "unit"}
    width = len(columns)
    for row in table.rows:
        cells = _aligned(row, width)
        entry = {}
        for column in columns:
            key = keys.get(column.role or "")
            if key and cells[column.index] and key not in entry:
                entry[key] = cells[column.index]
        if "name" in entry:
            entry["name"] = re.sub(r"^[A-Z ]+:\s*", "", entry["name"])
            part.iku.append(entry)
    return part
