"""From recognised tables to the content of lkjip.yaml: one id per indicator and per budget line.

Indicators: each row's indicator name is matched against the indicators met so far (see
:mod:`sakip_eval.importers.names`); a table never names the same indicator twice for the same year, so
a second row that matches an indicator already used in its table becomes an indicator of its own ("IKM
Kecamatan" and "Indeks Kepuasan Masyarakat (IKM)" side by side in the Renstra matrix). A merged cell
that lists several indicators with several values is split at the names already known.

Budget lines: the hierarchy OPD > program > kegiatan > sub kegiatan is built as the tables come. A
row's level is what it says ([PROGRAM], a code, "PROGRAM ...", a total), else what another table says
about the same name (E.81 marks every row), else the kegiatan of the national nomenclature, else a row
whose amount is the sum of the rows below it, else a sub kegiatan. A row is the line of the same name
(and level), else - when it names nothing recognisable - the line with the same amount; a guess by
amount is put on the review list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sakip_eval.importers.names import SAME, normalise, similarity
from sakip_eval.importers.recognise import BudgetRow, IndicatorRow, Recognised, Unplaced
from sakip_eval.importers.values import Reading, number

LEVEL_RANK = {"opd": 0, "sasaran": 1, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
PREFIX = {"opd": "opd", "sasaran": "sasaran", "program": "prog", "kegiatan": "keg", "sub_kegiatan": "sub"}
# Kegiatan every unit has under the supporting-affairs program (Permendagri 90/2019 nomenclature).
NATIONAL_KEGIATAN = (
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Barang Milik Daerah pada Perangkat Daerah",
    "Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat",
    "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
)
MAX_ID_WORDS = 5
RENAMED = 0.6  # name similarity that, with the same parent and amount, makes two names one budget line
IDS_STOP = frozenset(("yang", "dan", "serta", "di", "ke", "dari", "dalam", "untuk", "atau", "pada", "dengan",
                      "persentase", "jumlah", "pd", "sesuai", "program", "kegiatan"))


def slug(text: str, words: int = MAX_ID_WORDS) -> str:
    tokens = [t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in IDS_STOP]
    return "-".join(tokens[:words]) or "x"


class Ids:
    """Unique ids within one section of the file."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, base: str) -> str:
        base = base.strip("-.")[:80] or "x"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


# -- indicators ---------------------------------------------------------------------------------------
@dataclass
class Indicator:
    id: str
    name: str
    level: str | None
    variants: list[str] = field(default_factory=list)
    iku: dict[str, str] = field(default_factory=dict)
    mentions: int = 0
    seeded: bool = False  # defined in the team's file: not written again
    unit: str | None = None
    direction: str | None = None  # "lower" when the document's own capaian shows lower is better


class Indicators:
    def __init__(self, unit_words: frozenset[str]) -> None:
        self.unit = unit_words
        self.items: list[Indicator] = []
        self.ids = Ids()
        self.by_line: dict[str, str] = {}  # kegiatan / sub kegiatan line -> the indicator first stated for it

    def norm(self, name: str) -> str:
        return normalise(name, self.unit)

    def seed(self, known: list[dict[str, Any]]) -> None:
        """Indicators the team already defined: matched first, ids kept."""
        for entry in known:
            if isinstance(entry, dict) and entry.get("id") and entry.get("name"):
                self.ids.used.add(str(entry["id"]))
                self.items.append(Indicator(str(entry["id"]), str(entry["name"]), None,
                                            [self.norm(str(entry["name"]))], seeded=True))

    def best(self, name: str, exclude: Iterable[str] = ()) -> tuple[Indicator | None, float]:
        key = self.norm(name)
        skip = set(exclude)
        found: tuple[Indicator | None, float] = (None, 0.0)
        for item in self.items:
            if item.id in skip:
                continue
            score = max(similarity(key, v) for v in item.variants)
            if score > found[1]:
                found = (item, score)
        return found

    def resolve(self, name: str, level: str | None, exclude: Iterable[str] = ()) -> tuple[Indicator, float]:
        """The indicator `name` means (a new one when none matches); the score says how sure."""
        item, score = self.best(name, exclude)
        key = self.norm(name)
        if item is None or score < SAME:
            item = Indicator(self.ids.make(slug(key)), name.strip(), _indicator_level(level), [key])
            self.items.append(item)
            score = 1.0
        elif key not in item.variants:
            item.variants.append(key)
        item.mentions += 1
        return item, score

    def split(self, text: str, count: int) -> list[str] | None:
        """A merged cell's `count` names, cut where known names fit best; None when they do not."""
        words = text.split()
        if count < 2 or len(words) < count:
            return None
        best: dict[tuple[int, int], tuple[float, list[str]]] = {(0, 0): (0.0, [])}
        for pieces in range(1, count + 1):
            for end in range(pieces, len(words) + 1):
                options = []
                for start in range(pieces - 1, end):
                    previous = best.get((pieces - 1, start))
                    if previous is None:
                        continue
                    chunk = " ".join(words[start:end])
                    _, score = self.best(chunk)
                    options.append((previous[0] + score, [*previous[1], chunk]))
                if options:
                    best[(pieces, end)] = max(options, key=lambda o: o[0])
        found = best.get((count, len(words)))
        if found is None or found[0] / count < SAME:
            return None
        return found[1]


def _indicator_level(level: str | None) -> str | None:
    return level if level in ("tujuan", "sasaran", "kinerja_lainnya", "program", "kegiatan", "sub_kegiatan") else None


# -- budget lines -------------------------------------------------------------------------------------
@dataclass
class Line:
    id: str
    level: str
    parent: str | None
    name: str
    norm: str
    amounts: Counter[str] = field(default_factory=Counter)  # digits of every amount stated for the line
    borrowed: bool = False  # named after the row below it (a kegiatan printed with its sub kegiatan's name)
    seeded: bool = False  # defined in the team's file: not written again


def row_amounts(row: BudgetRow) -> set[str]:
    """The digits of the row's pagu (or the sum of its fund sources) and realisasi."""
    out = {d for d in (digits(row.values.get("pagu")), digits(row.values.get("realisasi"))) if d}
    parts = [number(reading.value) for _, reading in row.funds]
    if parts and all(p is not None for p in parts):
        total = sum(p for p in parts if p is not None)
        if total == int(total):
            out.add(str(int(total)))
    return out


def digits(reading: Reading | None) -> str | None:
    """The digits of a written amount, separators ignored: "10.455.592,750" and "10.455.592.750" agree."""
    if reading is None or reading.value is None:
        return None
    text = re.sub(r"[^0-9]", "", reading.value.split("%")[0])
    return text if len(text) >= 5 else None


class Lines:
    def __init__(self, unit_name: str, unit_words: frozenset[str], explicit: dict[str, str]) -> None:
        self.unit = unit_words
        self.explicit = explicit  # normalised name -> level stated somewhere in the document
        self.ids = Ids()
        self.items: list[Line] = [Line(self.ids.make("opd"), "opd", None, unit_name, normalise(unit_name, unit_words))]
        self.national = {normalise(n, unit_words) for n in NATIONAL_KEGIATAN}
        self.borrowing: set[int] = set()  # rows of the table being placed that lend their name upward

    @property
    def opd(self) -> Line:
        return self.items[0]

    def seed(self, known: list[dict[str, Any]]) -> None:
        """Budget lines the team already defined: their ids and hierarchy are kept; the team's OPD line
        stands for the unit."""
        for entry in known:
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
                continue
            level = str(entry.get("level") or "sub_kegiatan")
            line = Line(str(entry["id"]), level, entry.get("parent"), str(entry["name"]),
                        normalise(str(entry["name"]), self.unit), seeded=True)
            self.ids.used.add(line.id)
            if level == "opd" and self.items[0].id == "opd" and not self.items[0].seeded:
                self.items[0] = line
            else:
                self.items.append(line)

    def levels(self, rows: list[BudgetRow]) -> list[str | None]:
        """Each row's level (see the module docstring)."""
        out: list[str | None] = [row.level or ("opd" if row.total else None) for row in rows]
        self.borrowing = set()
        for i, row in enumerate(rows[:-1]):
            following = rows[i + 1]
            if out[i] is None and out[i + 1] is None and row.name and following.name and similarity(
                    normalise(row.name, self.unit), normalise(following.name, self.unit), strict=True) >= SAME:
                out[i], out[i + 1] = "kegiatan", "sub_kegiatan"
                self.borrowing.add(i)
        for i, row in enumerate(rows):
            if out[i] is None and row.name:
                key = normalise(row.name, self.unit)
                out[i] = self.explicit.get(key) or ("kegiatan" if any(similarity(key, n) >= SAME for n in self.national)
                                                    else None)
        for i in range(len(rows)):
            if out[i] is None and self._sums_below(rows, out, i):
                out[i] = "kegiatan"
        has_program = any(level == "program" for level in out)
        return [level or ("sub_kegiatan" if has_program else None) for level in out]

    @staticmethod
    def _sums_below(rows: list[BudgetRow], levels: list[str | None], index: int) -> bool:
        """The row's pagu equals the sum of the rows right below it (two or more, or one that ends a
        group)."""
        own = number(rows[index].values.get("pagu", Reading(None)).value)
        if own is None or own == 0:
            return False
        total = 0.0
        for j in range(index + 1, len(rows)):
            if levels[j] in ("opd", "program", "kegiatan"):
                return False
            value = number(rows[j].values.get("pagu", Reading(None)).value)
            if value is None:
                return False
            total += value
            if abs(total - own) < 0.5:
                children = j - index
                ends = j + 1 == len(rows) or levels[j + 1] in ("opd", "program", "kegiatan")
                return children >= 2 or ends
            if total > own:
                return False
        return False

    def place(self, row: BudgetRow, level: str | None, used: set[str], current: dict[str, Line],
              review: list[str], where: str, borrowing: bool = False) -> Line | None:
        """The line of the row; a new line when none fits."""
        if level == "opd" or (row.total and not row.name):
            return self.opd if self.opd.id not in used else None
        key = normalise(row.name, self.unit) if row.name else ""
        parent = self._parent(level, current)
        amounts = row_amounts(row)
        taken = False
        if key:
            named = [(similarity(key, line.norm, strict=True), line) for line in self.items]
            named = [(s, line) for s, line in named if s >= SAME and (level is None or line.level == level or (
                s >= 0.99 and row.level is None))]
            free = [(s, line) for s, line in named if line.id not in used]
            if free:
                line = max(free, key=lambda sl: (sl[0], -LEVEL_RANK.get(sl[1].level, 9)))[1]
                self._refine_parent(line, parent)
                return line
            taken = bool(named)  # the name is already in this table: a misprinted name, trust the amount
            siblings = [line for line in self.items if line.id not in used and line.level == level
                        and line.parent == parent.id and _same_amount(amounts, set(line.amounts))]
            borrowed = [line for line in siblings if line.borrowed]
            if borrowed and not borrowing:  # the kegiatan's own name, printed here
                line = borrowed[0]
                line.name, line.norm, line.borrowed = row.name or line.name, key, False
                return line
            renamed = [line for line in siblings if similarity(key, line.norm) >= RENAMED]
            if renamed:  # the same sub kegiatan under its newer name, with the same amount
                review.append(f"{where}: \"{row.name}\" dianggap sama dengan \"{renamed[0].name}\" (induk dan "
                              f"jumlahnya sama) / taken as the same line (same parent and amount)")
                return renamed[0]
        if amounts and (not key or level in (None, "sasaran") or taken):
            by_amount = [line for line in self.items if line.id not in used and line.level != "sasaran"
                         and _same_amount(amounts, set(line.amounts)) and (not taken or line.level == level)]
            if by_amount:
                line = min(by_amount, key=lambda ln: (-sum(n for a, n in ln.amounts.items()
                                                           if _same_amount(amounts, {a})),
                                                      LEVEL_RANK.get(ln.level, 9)))
                review.append(f"{where}: baris anggaran \"{row.name or '(tanpa nama)'}\" dipetakan ke \"{line.name}\" "
                              f"menurut jumlahnya / budget row placed by its amount")
                return line
        if not key:
            return None
        level = level or "sub_kegiatan"
        line = Line(self.ids.make(f"{PREFIX.get(level, 'line')}-{slug(key, 4)}"), level, parent.id, row.name or "", key,
                    borrowed=borrowing)
        self.items.append(line)
        return line

    def lookup(self, name: str) -> Line | None:
        """The line a name stands for, if any (nothing is created)."""
        key = normalise(name, self.unit)
        scored = [(similarity(key, line.norm, strict=True), line) for line in self.items]
        best = max(scored, key=lambda sl: (sl[0], -LEVEL_RANK.get(sl[1].level, 9)), default=(0.0, None))
        return best[1] if best[0] >= SAME else None

    def _parent(self, level: str | None, current: dict[str, Line]) -> Line:
        if level == "kegiatan":
            return current.get("program", self.opd)
        if level in (None, "sub_kegiatan"):
            return current.get("kegiatan") or current.get("program") or self.opd
        return self.opd

    def _refine_parent(self, line: Line, parent: Line) -> None:
        """A table that shows the line under a more specific parent (its kegiatan, where another table
        showed only the program) tells the hierarchy more precisely."""
        if line.parent is None or parent.id == line.id or LEVEL_RANK.get(parent.level, 9) >= LEVEL_RANK.get(
                line.level, 9):
            return
        ancestors = set()
        node: str | None = parent.id
        by_id = {ln.id: ln for ln in self.items}
        while node is not None and node not in ancestors:
            ancestors.add(node)
            node = by_id[node].parent if node in by_id else None
        if line.parent in ancestors and line.parent != parent.id:
            line.parent = parent.id


def _same_amount(amounts: set[str], known: set[str]) -> bool:
    """Equal digits, or one a prefix of the other when a separator was misplaced ("5.804.378,00")."""
    for a in amounts:
        for b in known:
            if a == b:
                return True
            close = min(len(a), len(b)) >= 7 and abs(len(a) - len(b)) <= 1
            if close and (a.startswith(b) or b.startswith(a)):
                return True
    return False


# -- the whole document -------------------------------------------------------------------------------
@dataclass
class Placed:
    """A recognised table with each row's id (indicator or budget line) resolved."""

    part: Recognised
    ids: list[str | None]
    notes: list[str | None]


def explicit_levels(parts: list[Recognised], unit: frozenset[str]) -> dict[str, str]:
    """Levels that rows state for their names anywhere in the document (E.81 marks, codes)."""
    out: dict[str, str] = {}
    for part in parts:
        for row in part.budgets:
            if row.name and row.level in ("program", "kegiatan", "sub_kegiatan"):
                out.setdefault(normalise(row.name, unit), row.level)
    return out


def place_indicators(part: Recognised, indicators: Indicators, lines: Lines, review: list[str],
                     used: dict[int | None, set[str]]) -> Placed:
    """Each row's indicator; `used` (per year) is shared by the parts that become one table, which
    never names an indicator twice for a year. A row of a kegiatan or sub kegiatan whose indicator name
    matches none is the indicator first stated for that kegiatan or sub kegiatan (tables word the same
    output indicator differently: "Jumlah jenis ATK yang disediakan", "Jumlah Paket Bahan/Material")."""
    ids: list[str | None] = []
    notes: list[str | None] = []
    part.indicators = _split_merged(part.indicators, indicators, review)
    seen: set[tuple[str, int | None, tuple[tuple[str, str | None], ...]]] = set()
    for row in part.indicators:
        signature = (indicators.norm(row.name), row.year, tuple(sorted((k, v.value) for k, v in row.values.items())))
        if signature in seen:  # the same row printed again (E.81 repeats the sasaran above each program)
            ids.append(None)
            notes.append(None)
            continue
        seen.add(signature)
        taken = used.setdefault(row.year, set())
        line = lines.lookup(row.line_name) if row.line_name else None
        best, score = indicators.best(row.name, exclude=taken)
        linked = indicators.by_line.get(line.id) if line is not None else None
        note = None
        if (best is None or score < SAME) and linked is not None and linked not in taken and _same_kind(
                row.name, next(i.name for i in indicators.items if i.id == linked)):
            item = next(i for i in indicators.items if i.id == linked)
            item.variants.append(indicators.norm(row.name))
            note = f"dikaitkan lewat \"{line.name}\"" if line is not None else None
        else:
            item, score = indicators.resolve(row.name, row.level, exclude=taken)
            note = None if score >= 0.99 or item.name == row.name else f"dicocokkan dengan \"{item.name}\""
        if line is not None and line.level in ("kegiatan", "sub_kegiatan"):
            indicators.by_line.setdefault(line.id, item.id)
        item.unit = item.unit or row.unit
        taken.add(item.id)
        ids.append(item.id)
        notes.append(note)
    return Placed(part, ids, notes)


def _kind(name: str) -> str | None:
    """What an indicator measures, by its first word: a percentage, a count or a score."""
    text = normalise(name)
    if text.startswith("persentase") or "(%)" in name.replace(" ", ""):
        return "percent"
    if text.startswith(("jumlah", "banyaknya")):
        return "count"
    if text.startswith(("nilai", "indeks")):
        return "score"
    return None


def _same_kind(a: str, b: str) -> bool:
    ka, kb = _kind(a), _kind(b)
    return ka is None or kb is None or ka == kb


def _split_merged(rows: list[IndicatorRow], indicators: Indicators, review: list[str]) -> list[IndicatorRow]:
    """Rows that a merged cell gave several values under one text get their own names."""
    out: list[IndicatorRow] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        group = [row]
        while index + len(group) < len(rows) and rows[index + len(group)].name == row.name and rows[
                index + len(group)].origin == row.origin and rows[index + len(group)].year == row.year:
            group.append(rows[index + len(group)])
        if len(group) > 1:
            names = indicators.split(row.name, len(group))
            if names is None:
                review.append(f"{row.origin.title}, baris {row.origin.line}: sel gabungan \"{row.name[:80]}\" "
                              f"dengan {len(group)} nilai tidak dapat dipisah / merged cell not split")
                names = [row.name] * len(group)
            for name, member in zip(names, group, strict=True):
                out.append(IndicatorRow(name, member.level, member.year, member.values, member.origin,
                                        member.line_name))
        else:
            out.append(row)
        index += len(group)
    return out


@dataclass
class Pending:
    """A budget row that names no line (a sasaran row, an unlabeled total): placed by its amount once
    every named row of the document has told which amounts belong to which line."""

    placed: Placed
    index: int
    level: str | None
    used: set[str]
    current: dict[str, Line]
    where: str


def place_budget(part: Recognised, lines: Lines, review: list[str], used: set[str], pending: list[Pending]) -> Placed:
    """Each row's budget line; `used` is shared by the parts that become one table. Rows placed only by
    their amount are appended to `pending` (see :func:`place_pending`)."""
    levels = lines.levels(part.budgets)
    placed = Placed(part, [], [])
    current: dict[str, Line] = {}
    for index, (row, level) in enumerate(zip(part.budgets, levels, strict=True)):
        where = f"{row.origin.title}, baris {row.origin.line}"
        unnamed = not row.name or level == "sasaran"
        if unnamed and row_amounts(row) and not (level == "opd" or (row.total and not row.name)):
            placed.ids.append(None)
            placed.notes.append(None)
            pending.append(Pending(placed, index, level, used, dict(current), where))
            continue
        line = lines.place(row, level, used, current, review, where, borrowing=index in lines.borrowing)
        _record(placed, row, line, lines, used, review, where)
        if line is not None and line.level in ("program", "kegiatan"):
            current[line.level] = line
            if line.level == "program":
                current.pop("kegiatan", None)
    return placed


def place_pending(pending: list[Pending], lines: Lines, review: list[str]) -> None:
    for item in pending:
        row = item.placed.part.budgets[item.index]
        line = lines.place(row, item.level, item.used, item.current, review, item.where)
        slot = Placed(item.placed.part, [], [])
        _record(slot, row, line, lines, item.used, review, item.where)
        item.placed.ids[item.index] = slot.ids[0]
        item.placed.notes[item.index] = slot.notes[0]


def _record(placed: Placed, row: BudgetRow, line: Line | None, lines: Lines, used: set[str], review: list[str],
            where: str) -> None:
    if line is None:
        review.append(f"{where}: baris anggaran tanpa nama tidak dapat dipetakan / unnamed budget row not placed")
        placed.ids.append(None)
        placed.notes.append(None)
        return
    used.add(line.id)
    line.amounts.update(row_amounts(row))
    placed.ids.append(line.id)
    placed.notes.append(None if not row.name or similarity(normalise(row.name, lines.unit), line.norm) >= 0.99
                        else f"dicocokkan dengan \"{line.name}\"")


def unplaced_text(items: list[Unplaced]) -> list[str]:
    words = {"table": "tabel berangka yang tidak dikenali / table with numbers not recognised",
             "row": "baris berangka yang tidak dapat dipetakan / row with numbers not placed"}
    return [f"{u.where}: {words.get(u.what, u.what)}" for u in items]
