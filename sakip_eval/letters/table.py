"""The score table: one row per component (and sub-component), a weight column, this year's column and
often last year's, then the total and the predikat of each year.

Which column holds which year is read from the header, not assumed: `Bobot`, `Tahun Sebelumnya`, `2023`,
`2024`, `Tahun Ini`, `Nilai`. With two years the later is this year's, whatever their order. A value
belongs to the column it stands under (its x position in a PDF, its grid column in a Word table); when
a row has exactly as many numbers as the header has columns, they are simply taken in order. Rows may
wrap (`Evaluasi Akuntabilitas Kinerja` / `Internal` / the numbers), and a page break, a repeated header
or a digital-signature notice may sit inside the table: lines that are no row are passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from sakip_eval.documents import Line, Word
from sakip_eval.letters.model import Column, Mention, Note, Row, Value
from sakip_eval.letters.noise import Reading, fold, read_score, words
from sakip_eval.letters.vocabulary import (
    FURNITURE,
    MARKER,
    category_code,
    match_component,
    subcomponent_kind,
    vocabulary,
)
from sakip_eval.rulebook.book import Rulebook

Role = Literal["weight", "current", "previous", "other"]
YEAR = re.compile(r"(?:19|20)\d\d")
CATEGORY = re.compile(r"^[\"“'(]*(?P<code>AA|BB|CC|A|B|C|D)[\"”'),.:]*$")
NAME = re.compile(r"\(\s*(?P<name>[A-Za-z][A-Za-z /]{2,40}?(?:\s*\([A-Za-z /]{2,30}\))?)\s*\)")
PREDIKAT_LABEL = re.compile(r"^\s*+(?:predikat|kategori|category)\s*+:?\s*+", re.IGNORECASE)
SECTION_END = re.compile(r"^\s*(?:no\.?\s+)?(?:catatan|rekomendasi|uraian|demikian|simpulan|temuan)\b", re.IGNORECASE)
MAX_LABEL_WORDS = 12
HEADER_LOOKBACK = 8
MAX_GAP_LINES = 15  # lines that are no row (a page break, a signature notice) before the table is over
PREDIKAT_LOOKAHEAD = 6


@dataclass(frozen=True)
class Anchor:
    """A header column: its role and extent (x positions of its header words)."""

    role: Role
    x0: float
    x1: float
    year: int | None = None

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Header:
    anchors: tuple[Anchor, ...]  # left to right
    line: int
    cells: bool  # the header's positions are cell indices (compare only with rows that are cells too)
    pdf: bool

    def comparable(self, line: Line) -> bool:
        return self.pdf or line.cells == self.cells

    def role(self, role: Role) -> Anchor | None:
        return next((a for a in self.anchors if a.role == role), None)


@dataclass
class Table:
    header: Header | None
    line: int
    start: int  # index (into the lines given) of the first row
    end: int  # index after the table's last line
    components: dict[str, Row] = field(default_factory=dict)
    subcomponents: list[Row] = field(default_factory=list)
    totals: dict[Column, Value] = field(default_factory=dict)
    categories: dict[Column, Mention] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    @property
    def has_previous(self) -> bool:
        return self.header is not None and self.header.role("previous") is not None


# -- the header ------------------------------------------------------------------------------------


def read_header(lines: list[Line], first_row: int, pdf: bool) -> Header | None:
    """The column header above the first component row: the lines just before it, up to a sentence."""
    found: list[tuple[str, Word, int]] = []
    start = first_row
    for index in range(first_row - 1, max(-1, first_row - 1 - HEADER_LOOKBACK), -1):
        line = lines[index]
        if len(line.text.split()) > MAX_LABEL_WORDS or line.text.rstrip().endswith(":"):
            break
        kinds = [(_header_kind(w.text), w) for w in line.words]
        if not any(kind for kind, _ in kinds):
            if found:
                break
            continue
        found.extend((kind, w, index) for kind, w in kinds if kind)
        start = index
    if not found:
        return None
    if not pdf and not lines[start].cells:
        # plain text: which word of one line stands over which of another is not known; a banner line of
        # generic words (`Nilai Akuntabilitas`) over the header is passed over, a header on two lines is none
        specific = {i for kind, _, i in found if kind != "value"}
        if len(specific) > 1:
            return None
        found = [f for f in found if f[2] in specific] if specific else found
    anchors = _resolve(found)
    if anchors and not any(a.role == "current" for a in anchors):
        anchors = _unnamed_current(anchors, lines[first_row])
    if not anchors:
        return None
    return Header(anchors, lines[start].number, lines[start].cells, pdf)


def _unnamed_current(anchors: tuple[Anchor, ...], row: Line) -> tuple[Anchor, ...]:
    """A header that names the weight or last year's column but whose word for this year's is lost (an OCR
    layer reads `2023` as `mpa`): when the first row has a score right under each named column, and one
    more score right of them all, that one is this year's column. Otherwise: no header."""
    scores = [w for w in row.words if read_score(w.text) is not None]
    named = [a for a in anchors if a.role != "other"]
    if not all(any(a.x0 <= w.center <= a.x1 for w in scores) for a in named):
        return ()
    loose = [w for w in scores if w.x0 > max(a.x1 for a in anchors)]
    if len(loose) != 1:
        return ()
    current = Anchor("current", loose[0].x0, loose[0].x1)
    return tuple(sorted((*anchors, current), key=lambda a: a.x0))


def _folded(*texts: str) -> frozenset[str]:
    return frozenset(fold(t) for t in texts)


WEIGHT_WORDS = _folded("bobot", "maks", "maksimal", "maksimum", "weight")
PREVIOUS_WORDS = _folded("sebelumnya", "sebelum", "lalu", "previous")
CURRENT_WORDS = _folded("ini", "berjalan", "sekarang", "current")
VALUE_WORDS = _folded("nilai", "hasil", "skor", "capaian", "score")
# Columns beside the scores that are no score of either year (a change, a percentage, a remark): their
# numbers stand under their own header and are passed over.
OTHER_WORDS = _folded("%", "persen", "persentase", "selisih", "kenaikan", "penurunan", "perubahan", "keterangan",
                      "ket", "naik", "turun", "growth", "change")
TOTAL_WORDS = _folded("jumlah", "total", "nilai")


def _header_kind(text: str) -> str:
    text = text.strip("|")  # a table rule an OCR layer reads into the word (`Bobot|`)
    folded = set(words(text))
    if folded & WEIGHT_WORDS:
        return "weight"
    if folded & OTHER_WORDS or text.strip() == "%":
        return "other"
    if folded & PREVIOUS_WORDS:
        return "previous"
    if folded & CURRENT_WORDS:
        return "current"
    if any(YEAR.fullmatch(w) for w in re.findall(r"\d+", text)):
        return "year"
    if folded & VALUE_WORDS:
        return "value"
    return ""


def _resolve(found: list[tuple[str, Word, int]]) -> tuple[Anchor, ...] | None:
    """Header words grouped into columns, then each column's role. Words of one header cell wrapped
    over several lines stack on each other (`Tahun` / `Sebelumnya`): words on different lines that
    overlap horizontally are one column; words on one line never are. Without this year's column the
    anchors found are given (the caller looks for it under them); None when no column has a role."""
    groups: list[tuple[set[str], list[tuple[Word, int]], list[int]]] = []
    specific = [(k, w, i) for k, w, i in found if k != "value"]
    generic = [(k, w, i) for k, w, i in found if k == "value"
               and not any(min(s.x1, w.x1) > max(s.x0, w.x0) for _, s, _ in specific)]  # `Nilai` over both years
    for kind, word, line in specific + generic:
        year = next((int(m) for m in YEAR.findall(word.text)), None) if kind == "year" else None
        for kinds, members, years in groups:
            if any(i != line and min(m.x1, word.x1) > max(m.x0, word.x0) for m, i in members):
                kinds.add(kind)
                members.append((word, line))
                years.extend([year] if year else [])
                break
        else:
            groups.append(({kind}, [(word, line)], [year] if year else []))
    columns = sorted(groups, key=lambda g: min(w.x0 for w, _ in g[1]))
    roles: dict[int, Role] = {}
    for index, (kinds, _, _) in enumerate(columns):
        for role in ("weight", "previous", "current", "other"):
            if role in kinds and (role == "other" or role not in roles.values()):
                roles[index] = role
                break
    open_years = [(max(years), i) for i, (kinds, _, years) in enumerate(columns) if years and i not in roles]
    if "current" not in roles.values() and open_years:
        year, index = max(open_years)
        roles[index] = "current"
        open_years.remove((year, index))
    if "previous" not in roles.values() and open_years:
        roles[max(open_years)[1]] = "previous"
    if "current" not in roles.values():
        values = [i for i, (kinds, _, _) in enumerate(columns) if "value" in kinds and i not in roles]
        if values:
            roles[values[-1]] = "current"
        elif not roles:
            return None
    anchors = []
    for index, role in sorted(roles.items()):
        members, years = columns[index][1], columns[index][2]
        anchors.append(Anchor(role, min(w.x0 for w, _ in members), max(w.x1 for w, _ in members),
                              max(years) if years else None))
    return tuple(anchors)


# -- rows ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """A line split into its row number (marker), label and the values of each column."""

    marker: str
    label: str
    values: dict[Role, Reading]
    unread: dict[Role, str]
    codes: list[tuple[str, float]]

    @property
    def has_values(self) -> bool:
        return bool(self.values or self.unread)


def parse_row(line: Line, header: Header | None, total: bool = False) -> Parsed:
    """The label and the values of a table line. Values are taken in header order when their number
    matches the header's columns (or its value columns, for a total row without a weight), otherwise
    by position under the header; a cell that is no score is reported as unread."""
    label_words, value_words = _split(line, header)
    codes = [(m["code"], w.center) for w in value_words if (m := CATEGORY.match(w.text))]
    value_words = [w for w in value_words if not CATEGORY.match(w.text)]
    marker, label = _marker(" ".join(w.text for w in label_words))
    values: dict[Role, Reading] = {}
    unread: dict[Role, str] = {}
    if not value_words:
        return Parsed(marker, label, values, unread, codes)
    readings = [read_score(w.text) for w in value_words]
    anchors = list(header.anchors) if header else []
    roles = [a.role for a in anchors] or ["weight", "current"][-len(value_words):]
    if all(readings):
        if len(readings) == len(roles):
            return Parsed(marker, label, dict(zip(roles, readings, strict=True)), unread, codes)  # type: ignore[arg-type]
        non_weight = [r for r in roles if r not in ("weight", "other")]
        if len(readings) == len(non_weight) and (total or header is None or not header.comparable(line)):
            return Parsed(marker, label, dict(zip(non_weight, readings, strict=True)), unread, codes)  # type: ignore[arg-type]
    if header is None or not header.comparable(line):
        if len(readings) == 1 and readings[0] is not None:
            return Parsed(marker, label, {"current": readings[0]}, unread, codes)
        unread["current"] = " ".join(w.text for w in value_words)
        return Parsed(marker, label, values, unread, codes)
    by_column: dict[Role, list[Word]] = {}
    for word in value_words:
        nearest = min(anchors, key=lambda a: abs(a.center - word.center))
        by_column.setdefault(nearest.role, []).append(word)
    for role, members in by_column.items():
        if role == "other":
            continue
        text = " ".join(w.text for w in members)
        reading = read_score(text)
        if reading is None:
            unread[role] = text
        else:
            values[role] = reading
    return Parsed(marker, label, values, unread, codes)


def _split(line: Line, header: Header | None) -> tuple[list[Word], list[Word]]:
    """Label words and value words. Under a header whose positions compare, what stands right of the
    label column's edge is a value; otherwise the trailing cells that read as numbers (or as a
    category code, or OCR separator noise between two numbers)."""
    if header is not None and header.comparable(line) and header.anchors:
        first = header.anchors[0]
        if len(header.anchors) > 1:
            edge = first.center - (header.anchors[1].center - first.center) / 2
        else:
            edge = first.x0 - (first.x1 - first.x0) / 2
        if line.cells:
            edge = first.x0 - 0.5
        label = [w for w in line.words if w.center < edge]
        values = [w for w in line.words if w.center >= edge]
        if values and all(read_score(w.text) or CATEGORY.match(w.text) or _noise(w.text) for w in values):
            return label, values
    cells = list(line.words)
    cut = len(cells)
    while cut > 0 and (read_score(cells[cut - 1].text) or CATEGORY.match(cells[cut - 1].text)):
        cut -= 1
    return cells[:cut], cells[cut:]


def _noise(text: str) -> bool:
    """A fragment OCR splits off a number (`t00` of `25 t00`, a lone separator)."""
    return bool(re.fullmatch(r"[,.'’‘`´;:t]?[\dlIO]{0,3}", text)) and len(text) <= 4


def _marker(label: str) -> tuple[str, str]:
    match = MARKER.match(label)
    if match is None:
        return "", label.strip()
    return match["marker"], label[match.end():].strip()


def is_total(label: str) -> bool:
    """`Jumlah`, `Total`, `Nilai Akuntabilitas Kinerja`, `Nilai Akhir`, `Nilai AKIP`: the total row."""
    found = words(label)
    return bool(found) and found[0] in TOTAL_WORDS


def _compound(marker: str) -> bool:
    """`1.a`, `1.1`, `a.1`: a sub-component's number."""
    return bool(re.fullmatch(r"\(?(?:\d{1,2}\s?[.)]\s?[a-z\d]|[a-z][.)]\d)[.)]?", marker))


# -- the table -------------------------------------------------------------------------------------


def find_tables(lines: list[Line], book: Rulebook, pdf: bool) -> list[Table]:
    """Every score table in the lines (a letter has one; a file with an LKjIP before it may have more)."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        if _component_row(lines[index], book):
            table = _read(lines, index, book, pdf)
            if table.components:
                tables.append(table)
            index = max(table.end, index + 1)
        else:
            index += 1
    return tables


def _component_row(line: Line, book: Rulebook) -> bool:
    """A line that starts a score table: a short label naming a component, with a number after it (or
    wrapped, with the numbers on a following line)."""
    label_words, value_words = _split(line, None)
    if not any(read_score(w.text) for w in value_words):  # the cheap test first: most lines end in a word
        return False
    label = " ".join(w.text for w in label_words)
    if not label or len(label.split()) > MAX_LABEL_WORDS or is_total(label):
        return False
    return match_component(book, label) is not None


def _read(lines: list[Line], start: int, book: Rulebook, pdf: bool) -> Table:
    header = read_header(lines, start, pdf)
    table = Table(header, lines[start].number, start, start)
    count = len(book.regime.components)
    block: Row | None = None  # the last component row: sub-component rows below it belong to it
    pending: Row | None = None  # a row whose numbers are on a following line
    gap = 0
    index = start
    while index < len(lines):
        line = lines[index]
        index += 1
        table.end = index
        if FURNITURE.search(line.text):
            continue
        parsed = parse_row(line, header)
        label = parsed.label
        # a component row without its own score, whose sub-component rows follow: its `Jumlah` is its score
        waiting = (block is not None and table.components[block.id].current is None
                   and any(r.id.startswith(block.id + ".") for r in table.subcomponents))
        if is_total(label) and not waiting:
            total = parse_row(line, header, total=True)
            if not total.has_values and index < len(lines):
                follow = parse_row(lines[index], header, total=True)
                if follow.has_values and not _words_of(follow.label):
                    total, line, index = follow, lines[index], index + 1
            if total.has_values:
                _take_total(table, total, line)
                index = _take_predikat(table, lines, index, header, book)
                table.end = index
                break
        if is_total(label) and waiting and block is not None and parsed.has_values:
            # `Jumlah` under a component's sub-component rows: that component's own score
            table.components[block.id] = _row(block.id, block.label, line, parsed, table)
            continue
        comp = match_component(book, label) if label and len(label.split()) <= MAX_LABEL_WORDS else None
        if comp is None and block is not None and parsed.has_values and _sub_like(book, block.id, parsed):
            comp = block.id
        if comp is not None:
            gap = 0
            sub = _subcomponent(book, comp, parsed.marker, label, block, table)
            if header is None and sub is None:
                parsed = _unheaded(book, comp, parsed)
            row = _row(sub or comp, f"{parsed.marker} {label}".strip(), line, parsed, table)
            if sub is not None:
                table.subcomponents.append(row)
            elif comp in table.components:
                if table.components[comp].current is None and parsed.has_values:
                    table.components[comp] = row
                continue
            else:
                table.components[comp] = row
                block = row
            pending = row if not parsed.has_values else None
            continue
        if pending is not None and parsed.has_values and not _words_of(label):
            row = _row(pending.id, pending.label, line, parsed, table)
            if "." in pending.id:
                table.subcomponents[-1] = row
            else:
                table.components[pending.id] = row
            pending = None
            continue
        if len(table.components) == count and SECTION_END.match(line.text) and not parsed.has_values:
            table.end = index - 1
            break
        gap += 1
        if gap > MAX_GAP_LINES:
            table.end = index - gap
            break
    return table


def _unheaded(book: Rulebook, component: str, parsed: Parsed) -> Parsed:
    """Without a header, two numbers of a component row are taken as weight and score only when the first
    is the component's weight; otherwise they may as well be this year's and last year's, in either
    order, so neither is taken (an unread cell, never a guessed score)."""
    weight = parsed.values.get("weight")
    if weight is None or weight.value == next(c.weight for c in book.regime.components if c.id == component):
        return parsed
    text = " ".join(r.text for r in parsed.values.values())
    return Parsed(parsed.marker, parsed.label, {}, {**parsed.unread, "current": text}, parsed.codes)


def _sub_like(book: Rulebook, component: str, parsed: Parsed) -> bool:
    """A row without a component's name that reads as a sub-component of the row above it: `1.a`,
    `a.` under a numbered component, or the words of a sub-component (`Keberadaan`)."""
    lettered = re.fullmatch(r"\(?[a-z][.)]", parsed.marker) is not None
    return _compound(parsed.marker) or lettered or subcomponent_kind(book, component, parsed.label) is not None


def _words_of(label: str) -> list[str]:
    return [w for w in words(label) if len(w) > 1]


def _subcomponent(book: Rulebook, comp: str, marker: str, label: str, block: Row | None,
                  table: Table) -> str | None:
    """The sub-component id when the row is one (a compound number, the words of a sub-component's
    kind or name, or a letter under a numbered component), else None."""
    own = subcomponent_kind(book, comp, label)
    parent = block.id if block is not None else None
    lettered = re.fullmatch(r"\(?(?:\d{1,2}\s?[.)]\s?)?(?P<letter>[a-z])[.)]?", marker)
    block_numbered = block is not None and bool(re.match(r"\d", block.label))
    if not (own or _compound(marker) or (lettered and block_numbered and parent == comp)):
        return None
    if comp not in table.components and parent != comp:
        return None  # a component's own row comes first
    subs = [s.id for c in book.regime.components if c.id == comp for s in c.subcomponents]
    if lettered and f"{comp}.{lettered['letter']}" in subs:
        return f"{comp}.{lettered['letter']}"
    if own:
        return own
    taken = {r.id for r in table.subcomponents}
    return next((s for s in subs if s not in taken), None)


def _row(row_id: str, label: str, line: Line, parsed: Parsed, table: Table) -> Row:
    for role, text in parsed.unread.items():
        table.notes.append(Note("unread_cell", line.number, {"text": text, "row": label, "column": role}))
    for role, reading in parsed.values.items():
        if reading.repaired and role != "other":
            table.notes.append(Note("repaired", line.number, {"text": reading.text, "value": reading.value}))

    def value(role: Role) -> Value | None:
        reading = parsed.values.get(role)
        return Value(reading, line.number) if reading is not None else None

    return Row(row_id, label, line.number, value("weight"), value("current"), value("previous"))


def _take_total(table: Table, parsed: Parsed, line: Line) -> None:
    for role, reading in parsed.values.items():
        if role == "current" or role == "previous":
            table.totals[role] = Value(reading, line.number)
            if reading.repaired:
                table.notes.append(Note("repaired", line.number, {"text": reading.text, "value": reading.value}))
    for role, text in parsed.unread.items():
        table.notes.append(Note("unread_cell", line.number, {"text": text, "row": parsed.label, "column": role}))
    if parsed.codes:
        _assign_codes(table, parsed.codes, [], line, table.header, None)


def _take_predikat(table: Table, lines: list[Line], index: int, header: Header | None, book: Rulebook) -> int:
    """The predikat lines under the total: codes (`A  A`, `BB (Sangat Baik)`) and names on their own
    line (`(Memuaskan) (Memuaskan)`, or a name alone, `Memuaskan`), each under its year's column."""
    end = min(len(lines), index + PREDIKAT_LOOKAHEAD)
    names_pattern = vocabulary(book).category_names
    while index < end:
        line = lines[index]
        text = line.text
        label = PREDIKAT_LABEL.match(text)
        skip = label.end() if label else 0
        body = text[skip:]
        tokens = [w for w in line.words if w.text.lower().rstrip(":") not in ("predikat", "kategori", "category")]
        codes = [(m["code"], w.center) for w in tokens if (m := CATEGORY.match(w.text))]
        names = [(m["name"], _position(line, skip + m.start())) for m in NAME.finditer(body)]
        rest = NAME.sub("", body)
        if not codes and not names:
            bare = [(m.group(), _position(line, skip + m.start())) for m in names_pattern.finditer(body)]
            leftover = names_pattern.sub("", body)
            if bare and not any(len(w) > 2 for w in leftover.split()):
                names, rest = bare, leftover
        if not codes and not names:
            if table.categories or text.strip():
                break
            index += 1
            continue
        if any(len(w) > 2 and not CATEGORY.match(w) for w in rest.split()) and not codes:
            break
        _assign_codes(table, codes, names, line, header, book)
        index += 1
    return index


def _position(line: Line, offset: int) -> float:
    """The x position of the word at character `offset` of the line's text."""
    seen = 0
    for word in line.words:
        seen += len(word.text) + 1
        if seen > offset:
            return word.center
    return line.words[-1].center if line.words else 0.0


def _assign_codes(table: Table, codes: list[tuple[str, float]], names: list[tuple[str, float]], line: Line,
                  header: Header | None, book: Rulebook | None) -> None:
    """Codes and names to their year's column (in header order when their number matches, else by
    position); a name without a code gives the code of the category it names."""
    columns: list[Column] = ["previous", "current"] if table.has_previous else ["current"]
    anchors = [a for a in (header.anchors if header else ()) if a.role in columns]
    anchors.sort(key=lambda a: a.center)
    order: list[Column] = [a.role for a in anchors] or columns  # type: ignore[misc]

    def place(items: list[tuple[str, float]]) -> dict[Column, str]:
        if len(items) == len(order):
            return {col: text for col, (text, _) in zip(order, sorted(items, key=lambda i: i[1]), strict=True)}
        if header is not None and header.comparable(line) and anchors:
            return {min(anchors, key=lambda a: abs(a.center - x)).role: text for text, x in items}  # type: ignore[misc]
        return {"current": items[-1][0]} if len(items) == 1 and len(order) == 1 else {}

    for column, code in place(codes).items():
        table.categories[column] = Mention(code, line.number)
    for column, name in place(names).items():
        stated = table.categories.get(column)
        if stated is not None and stated.name is None:
            table.categories[column] = Mention(stated.value, stated.line, name=name.strip())
        elif stated is None and book is not None and (named := category_code(book, name)) is not None:
            table.categories[column] = Mention(named, line.number, name=name.strip())
