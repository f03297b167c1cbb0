"""What the letter says in sentences: its number and date, the evaluated unit and year, and the total,
predikat and component scores it states in words (`memperoleh nilai sebesar 85,60 atau A (Memuaskan)`),
which must agree with its table.

Sentences wrap, so patterns run over the letter's text joined into one string, each match traced back
to the line it starts on.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from sakip_eval.documents import Line
from sakip_eval.letters.model import Mention, Note
from sakip_eval.letters.noise import read_score, similar
from sakip_eval.letters.vocabulary import match_component
from sakip_eval.rulebook.book import Rulebook

NUM = r"(?P<value>\d{1,3}(?:\s?[,.'’‘`´;:]\s?\d{1,3})?)(?![\d,.]\d)"
CODE = r"(?P<code>AA|BB|CC|A|B|C|D)(?![A-Za-z])"
NAME = r"(?:\s*+\((?P<name>[^()]{1,40}(?:\([^()]{1,30}\))?)\))?"
# Whitespace runs are possessive (`\s*+`): a letter is untrusted text, and no pattern may backtrack over a
# long run of spaces (reading stays linear in the file's size).
PROSE_TOTAL = re.compile(
    r"(?:(?:mem|di)peroleh|mendapat(?:kan)?|meraih|mencapai)\s++(?:nilai|skor)\b"
    r"(?:\s++(?:akip|akhir|total|evaluasi|akuntabilitas|kinerja|sebesar|adalah|yaitu)\b)*+\s*+:?\s*+" + NUM
    + r"|\bnilai\s++(?:akip|akhir)\s*+(?:sebesar\s*+)?:?\s*+" + NUM.replace("value", "value2")
    + r"|\bnilai\s++(?:akuntabilitas\s++kinerja|akip|sakip|evaluasi(?:\s++akip)?)\b[^.:;]{0,80}?"
      r"\b(?:adalah|sebesar|yaitu|ialah)\s*+:?\s*+" + NUM.replace("value", "value3"),
    re.IGNORECASE,
)
AFTER_TOTAL = re.compile(
    r"\s*+,?\s*+(?:atau|dengan\s++(?:predikat|kategori)|predikat|kategori)\s*+:?\s*+[\"“']?\s*+" + CODE + NAME
    + r"|\s*+\(\s*+(?:predikat\s++|kategori\s++)?" + CODE.replace("code", "code2")
    + r"(?:\s*+[/,–-]\s*+(?P<name2>[A-Za-z][A-Za-z ()]{1,40}?))?\s*+\)"
)
PREDIKAT = re.compile(r"(?i:predikat|kategori)\s*+:?\s*+[\"“']?\s*+" + CODE + NAME)
NARRATIVE_COMPONENT = re.compile(
    r"komponen\s++(?P<comp>[^.,;:]{1,60}?)\s+menunjukkan\s++nilai\s++(?:sebesar\s++)?" + NUM, re.IGNORECASE
)
NUMBER_LINE = re.compile(r"^\s*+(?:nomor|no)\s*+(?:surat\s*+)?[.:]?\s*+(?P<value>\S.*)$", re.IGNORECASE)
LEGIBLE_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/]*/(?:19|20)\d\d")
# What OCR reads for the colon after `Nomor`, and how near (points; lines) the colons it is checked against.
COLON_LOOKALIKES = frozenset("1lI|!i;")
COLON_TOLERANCE = 2.0
LETTERHEAD_NEIGHBOURS = 4
DATE_LINE = re.compile(r"^\s*+tanggal\s*+:?\s*+(?P<value>\S.*)$", re.IGNORECASE)
PLACE_DATE = re.compile(
    r"(?:^|\s)(?P<place>[A-Z][A-Za-z.]++(?:\s[A-Z][A-Za-z.]++){0,2})\s*+,\s*+[:;.]?\s*+"
    r"(?:(?P<day>[0-9lIO]{1,2})\s++)?(?P<month>[A-Za-z]{3,10})\s++(?P<year>(?:19|20)\d\d)\b"
)
UNIT_PATTERNS = (
    re.compile(r"\bPimpinan\s+(?P<unit>[A-Z][\w .()/-]{3,100}?)\s+(?:memperoleh|mendapat)"),
    re.compile(r"(?i:evaluasi\s+atas\s+(?:laporan\s+kinerja|kinerja|pelaksanaan\s+[^()]{0,80}\(AKIP\)))"
               r"\s+(?P<unit>[A-Z][\w .()/-]{3,100}?)\s+(?i:dimaksudkan|berdasarkan|tahun|sebagai|untuk)\b"),
    re.compile(r"\bYth\.?\s*+(?:Bapak/Ibu\s++)?(?:Ketua|Kepala|Pimpinan|Camat|Direktur|Sekretaris|Inspektur|Bupati|"
               r"Wali\s?kota|Gubernur)\s++(?P<unit>[A-Z][\w.()/-]*+"
               r"(?:\s(?!(?:Jalan|Jl|Jln|Di|Tempat|Kompleks?|Komp)\b)[A-Z][\w.()/-]*+){0,6})"),
    re.compile(r"INSTANSI\s+PEMERINTAH\s+(?P<unit>[A-Z][A-Z .]{3,100}?)\s+TAHUN\b"),
)
YEAR_PATTERNS = (
    re.compile(r"(?i:evaluasi\s+atas\s+(?:laporan\s+)?kinerja\b)[^.]{0,100}?\b(?i:tahun)\s+(?P<year>(?:19|20)\d\d)"),
    re.compile(r"\b(?i:lkjip|laporan\s+kinerja(?:\s+instansi\s+pemerintah)?)\s+(?i:tahun)\s+(?P<year>(?:19|20)\d\d)"),
)
MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12,
}


@dataclass(frozen=True)
class Joined:
    """Lines joined by spaces, with each line's start offset, to trace a match back to its line."""

    text: str
    starts: list[int]
    numbers: list[int]

    @classmethod
    def of(cls, lines: list[Line]) -> Joined:
        starts, parts, offset = [], [], 0
        for line in lines:
            starts.append(offset)
            parts.append(line.text)
            offset += len(line.text) + 1
        return cls(" ".join(parts), starts, [line.number for line in lines])

    def line_at(self, offset: int) -> int:
        return self.numbers[max(0, bisect.bisect_right(self.starts, offset) - 1)] if self.numbers else 0


def month_of(word: str) -> int | None:
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word]
    hits = {m for name, m in MONTHS.items() if similar(word, name) or (len(word) >= 4 and _near(word, name))}
    return hits.pop() if len(hits) == 1 else None


def _near(word: str, name: str) -> bool:
    """One letter wrong in a month name (`Jul1`, `Mel`): same length, one difference."""
    return len(word) == len(name) and sum(a != b for a, b in zip(word, name, strict=True)) == 1


def parse_date(text: str) -> dt.date | None:
    """`03 Mei 2024`, `3 May 2024`, `03-05-2024`, `03/05/2024` or `2024-05-03`; None when unreadable."""
    text = text.strip().rstrip(".")
    try:
        if match := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text):
            month = month_of(match[2])
            return dt.date(int(match[3]), month, int(match[1])) if month else None
        if match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return None


def letter_number(lines: list[Line], ocr: bool, notes: list[Note]) -> str | None:
    """The letter's number from its `Nomor :` line, as printed up to the place and date that may follow it
    on the same line: the first such line whose value has a digit and a `/` (a regulation's `Nomor 8 Tahun
    2006` has no `/`). In an OCR'd letter a number not of the usual shape (ending in `/YEAR`, no stray
    characters) is reported as not legible rather than given garbled."""
    for line in lines:
        match = NUMBER_LINE.match(line.text)
        if match is None:
            continue
        value = match["value"]
        if (place := PLACE_DATE.search(value)) is not None:
            value = value[: place.start()]
        value = value.strip().rstrip(".,;:").strip()
        if "/" not in value or not any(c.isdigit() for c in value):
            continue
        if not ocr:
            return value
        first, _, rest = value.partition(" ")
        if first in COLON_LOOKALIKES and rest:
            if not _misread_colon(line, lines):
                notes.append(Note("number_illegible", line.number, {"text": value}))
                return None
            notes.append(Note("number_colon", line.number, {"text": first}))
            value = rest
        compact = "".join(value.split())
        if not LEGIBLE_NUMBER.fullmatch(compact):
            notes.append(Note("number_illegible", line.number, {"text": value}))
            return None
        return compact
    return None


def _misread_colon(line: Line, lines: list[Line]) -> bool:
    """OCR reads the colon after `Nomor` as `1` or `l` (`Nomor 1 377/...`). That is certain only where the
    character stands where the colons of the letterhead's neighbouring lines (`Sifat :`, `Hal :`) stand;
    elsewhere it may as well be the number's first digit split off."""
    if len(line.words) < 3 or line.words[1].text not in COLON_LOOKALIKES:
        return False
    token = line.words[1]
    tolerance = max(COLON_TOLERANCE, token.x1 - token.x0)
    return any(word.text == ":" and abs(word.x0 - token.x0) <= tolerance
               for other in lines if other is not line and other.page == line.page
               and 0 < abs(other.number - line.number) <= LETTERHEAD_NEIGHBOURS
               for word in other.words)


def letter_date(lines: list[Line], before_table: int, notes: list[Note]) -> dt.date | None:
    """`Tanggal : 3 Mei 2024`, else the place and date of the letterhead (`Medan, 3 Mei 2024`), else of the
    signature. A date whose day is not legible (`Medan,: Juni 2025`) is noted, not guessed."""
    for line in lines:
        if (match := DATE_LINE.match(line.text)) and (date := parse_date(match["value"])) is not None:
            return date
    head = [line for line in lines if line.number < before_table]
    tail = [line for line in lines if line.number >= before_table]
    for group in (head, list(reversed(tail))):
        for line in group:
            for match in PLACE_DATE.finditer(line.text):
                month = month_of(match["month"])
                if month is None:
                    continue
                if match["day"] is None:
                    notes.append(Note("date_without_day", line.number, {"text": match.group().strip()}))
                    return None
                day = match["day"].translate(str.maketrans("lIO", "110"))
                try:
                    return dt.date(int(match["year"]), month, int(day))
                except ValueError:
                    notes.append(Note("date_illegible", line.number, {"text": match.group().strip()}))
                    return None
    return None


def unit(joined: Joined) -> str | None:
    """The evaluated unit as the letter names it (`Pengadilan Agama Binjai`)."""
    for pattern in UNIT_PATTERNS:
        if match := pattern.search(joined.text):
            name = " ".join(match["unit"].split()).strip(" .,;:")
            if name.isupper():
                name = name.title()
            return name
    return None


def performance_year(joined: Joined, date: dt.date | None, header_year: int | None,
                     notes: list[Note]) -> int | None:
    """The year whose performance was evaluated: as the letter says it (`evaluasi atas Kinerja ... tahun
    2023`), else the current column's year when it is the year before the letter's, else the year
    before the letter's date (evaluations report on the previous year), else the column's year."""
    for pattern in YEAR_PATTERNS:
        if match := pattern.search(joined.text):
            return int(match["year"])
    if header_year is not None and date is not None and header_year == date.year - 1:
        return header_year
    if date is not None:
        notes.append(Note("year_from_date", None, {"year": str(date.year - 1), "date": date.isoformat()}))
        return date.year - 1
    return header_year


def prose_totals(joined: Joined) -> tuple[list[Mention], list[Mention]]:
    """Totals the sentences state, and the predikat stated with them or on its own."""
    totals: list[Mention] = []
    categories: list[Mention] = []
    for match in PROSE_TOTAL.finditer(joined.text):
        text = match["value"] or match["value2"] or match["value3"]
        reading = read_score(text)
        if reading is None:
            continue
        line = joined.line_at(match.start())
        totals.append(Mention(str(reading.value), line, repaired=reading.repaired, name=text))
        after = AFTER_TOTAL.match(joined.text, match.end())
        if after:
            group = "code" if after["code"] else "code2"
            categories.append(Mention(after[group], joined.line_at(after.start(group)),
                                      name=_name(after["name"] or after["name2"])))
    seen = {(c.line, c.value) for c in categories}
    for match in PREDIKAT.finditer(joined.text):
        line = joined.line_at(match.start("code"))
        if (line, match["code"]) not in seen:
            seen.add((line, match["code"]))
            categories.append(Mention(match["code"], line, name=_name(match["name"])))
    categories.sort(key=lambda m: m.line)
    return totals, categories


def _name(text: str | None) -> str | None:
    return " ".join(text.split()).strip("*") or None if text else None


def component_mentions(joined: Joined, book: Rulebook) -> list[Mention]:
    """`komponen perencanaan kinerja menunjukkan nilai sebesar 26,10`: a component score in words."""
    out: list[Mention] = []
    for match in NARRATIVE_COMPONENT.finditer(joined.text):
        comp = match_component(book, match["comp"])
        reading = read_score(match["value"])
        if comp is not None and reading is not None:
            out.append(Mention(str(reading.value), joined.line_at(match.start()), component=comp))
    return out
