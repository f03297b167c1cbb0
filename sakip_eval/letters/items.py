"""Findings (Catatan) and recommendations (Rekomendasi), each item whole.

Letters group them by component under headings (`A. Perencanaan Kinerja` ... `D. Evaluasi Akuntabilitas
Kinerja Internal`), number them (`1.`, `1`, `1)`), bullet them (`-`, `•`) or letter them (`a.`), wrap them
over several lines, mark an empty group with `- -`, a bare `1` or `2.`, and sometimes put both in one
table, findings left and recommendations right. Lettered sub-items (`a.`, `b.`) under a numbered item
belong to it; where no item is numbered, lettered ones are the items (the seed letter's a. to f.).
Text right under a group heading with no number or bullet is that group's item (an OCR layer drops a
`-` or a `1` standing apart in its column) unless a numbered or bulleted row follows it in the group: then
it was the group's preamble (the seed letter's "Evaluasi atas ... menunjukkan nilai ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from sakip_eval.documents import Line
from sakip_eval.letters.model import Item
from sakip_eval.letters.noise import words
from sakip_eval.letters.vocabulary import FURNITURE, body_words, is_heading, match_component, starts_with_component
from sakip_eval.rulebook.book import Rulebook

Kind = Literal["findings", "recommendations"]
HEADING_FILLER = frozenset(words("no nomor dan atas hasil evaluasi perbaikan uraian akip sakip lhe"))
FINDINGS_WORDS = frozenset(words("catatan temuan permasalahan simpulan"))
RECOMMENDATIONS_WORDS = frozenset(words("rekomendasi saran"))
FINDINGS_HEAD = re.compile(
    r"^\s*+(?:no\.?\s++)?(?:catatan(?:\s++hasil\s++evaluasi)?|temuan|hasil\s++evaluasi)\s*+:?\s*+$", re.IGNORECASE
)
SUMMARY_HEAD = re.compile(r"\bsimpulan\b.{0,80}?\bkomponen\s++(?P<comp>.{3,80}?)\s+(?:tersebut|adalah|sebagai)\b",
                          re.IGNORECASE)
RECOMMENDATIONS_HEAD = re.compile(
    r"^\s*+(?:no\.?\s++)?(?:rekomendasi|saran(?:\s*+/\s*+rekomendasi)?|rekomendasi\s++perbaikan)\s*+:?\s*+$",
    re.IGNORECASE,
)
RECOMMENDATIONS_WORD = re.compile(r"\b(?:direkomendasikan|rekomendasi)\b", re.IGNORECASE)
BOTH_HEAD = re.compile(r"\bcatatan\b.{0,60}?\brekomendasi\b", re.IGNORECASE)
END = re.compile(
    r"^\s*(?:demikian|atas\s+perhatian|tembusan|hormat\s+kami|mengetahui)\b", re.IGNORECASE
)
# An item's start: an optional bullet, an optional number or letter, an optional dash, then the text.
ITEM = re.compile(
    r"^\s*(?P<bullet>[-–—•▪·*]\s*)?(?:(?P<compound>\d{1,2}(?:\.\d{1,2}){1,2})\.?(?=\s)|(?P<number>\d{1,2})\s?[.)]"
    r"|\((?P<paren>\d{1,2})\)|(?P<letter>[a-z])[.)])?\s*(?P<dash>[-–—•]\s*)?(?P<text>.*)$"
)
BARE_NUMBER = re.compile(r"^\s*(?P<number>\d{1,2}|[,.]?[lI|])\s+(?P<text>[A-Z].*)$|^\s*(?P<alone>\d{1,2})\s*$")
# A group heading's letter or number; OCR may double the letter (`Cc.` for `C.`).
GROUP_MARK = re.compile(r"^\s*(?:(?P<own>[IVX]{1,4}|\d{1,2})|(?P<letter>[A-Za-z])(?i:(?P=letter))?)[.)]")
EMPTY = re.compile(r"^[\s\-–—.•]*$")


@dataclass
class _Open:
    marker: str
    component: str | None
    group: str | None
    lines: list[str]
    line: int
    tentative: bool = False  # unmarked text under a heading: an item only if no marked one follows it


@dataclass
class _Stream:
    """One list being read: findings or recommendations, the current group and items."""

    kind: Kind
    component: str | None = None
    group: str | None = None
    expected: int = 1
    current: _Open | None = None
    items: list[_Open] = field(default_factory=list)

    def close(self) -> None:
        if self.current is not None:
            self.items.append(self.current)
            self.current = None

    def drop_tentative(self) -> None:
        """A numbered or bulleted row follows: the unmarked text before it was the group's preamble."""
        if self.current is not None and self.current.tentative:
            self.current = None


def read_items(lines: list[Line], book: Rulebook, skip: set[int]) -> tuple[list[Item], list[Item]]:
    """Findings and recommendations of the letter's lines (table lines in `skip` are passed over)."""
    streams: dict[Kind, _Stream] = {}
    active: list[tuple[_Stream, Side]] = []
    ended = False
    for line in lines:
        if line.number in skip or ended:
            continue
        text = line.text
        if END.match(text):
            ended = True
            continue
        if FURNITURE.search(text):
            continue
        split = _two_columns(line)
        if split is not None:
            active = [(_fresh(streams, "findings"), Side("left", *split)),
                      (_fresh(streams, "recommendations"), Side("right", *split))]
            continue
        heading = _heading(text)
        if FINDINGS_HEAD.match(text) or heading == "findings":
            active = [(_fresh(streams, "findings"), WHOLE)]
            continue
        if summary := SUMMARY_HEAD.search(text):
            if "findings" in streams:  # the text above `Simpulan ...` was the component's preamble
                streams["findings"].drop_tentative()
            stream = _fresh(streams, "findings")
            stream.component = match_component(book, summary["comp"])
            active = [(stream, WHOLE)]
            continue
        if RECOMMENDATIONS_HEAD.match(text) or heading == "recommendations" or _introduces_recommendations(text):
            active = [(_fresh(streams, "recommendations"), WHOLE)]
            continue
        for stream, side in active:
            part = side.part(line, book)
            if part.strip():
                _feed(stream, part, line.number, book)
    found: dict[Kind, list[Item]] = {"findings": [], "recommendations": []}
    for kind, stream in streams.items():
        stream.close()
        found[kind] = _items(stream.items, book)
    return found["findings"], found["recommendations"]


def _heading(text: str) -> Kind | None:
    """`Rekomendasi`, `5. Saran dan Rekomendasi:`, `Catatan Hasil Evaluasi`, `TEMUAN`: a short line of
    heading words only."""
    found = body_words(text)
    if not found or len(found) > 5 or not all(w in HEADING_FILLER | FINDINGS_WORDS | RECOMMENDATIONS_WORDS
                                             for w in found):
        return None
    if set(found) & RECOMMENDATIONS_WORDS:
        return "recommendations"
    return "findings" if set(found) & FINDINGS_WORDS else None


def _introduces_recommendations(text: str) -> bool:
    """`... direkomendasikan kepada ... sebagai berikut:`: a sentence that leads into the list."""
    return text.rstrip(" :").lower().endswith("berikut") and RECOMMENDATIONS_WORD.search(text) is not None


def _fresh(streams: dict[Kind, _Stream], kind: Kind) -> _Stream:
    """The stream of `kind`, continuing it (a new heading of the same kind, e.g. per component)."""
    stream = streams.get(kind)
    if stream is None:
        stream = streams[kind] = _Stream(kind)
    stream.close()
    stream.component = stream.group = None
    stream.expected = 1
    return stream


@dataclass(frozen=True)
class Side:
    """Which words of a line a list reads: all of them, or one side of a table that holds findings and
    recommendations side by side. Such a table shares its number column (left of `Catatan`) and its
    group headings (`A. Perencanaan Kinerja` across the row) between both sides."""

    side: Literal["whole", "left", "right"]
    text_x0: float = 0.0  # where the findings' text column starts
    middle: float = 0.0  # between the findings' column and the recommendations'

    def part(self, line: Line, book: Rulebook) -> str:
        if self.side == "whole":
            return line.text
        marker = " ".join(w.text for w in line.words if w.center < self.text_x0)
        left = " ".join(w.text for w in line.words if self.text_x0 <= w.center < self.middle)
        right = " ".join(w.text for w in line.words if w.center >= self.middle)
        if not right and is_heading(book, f"{marker} {left}") is not None:
            return f"{marker} {left}".strip()
        own = left if self.side == "left" else right
        return f"{marker} {own}".strip() if own or self.side == "left" else ""


WHOLE = Side("whole")


def _two_columns(line: Line) -> tuple[float, float] | None:
    """Where the findings' text column starts and the x between the `Catatan` and `Rekomendasi` headings,
    for a table that holds both side by side."""
    if not BOTH_HEAD.search(line.text) or len(line.text.split()) > 8:
        return None
    left = [w for w in line.words if "catatan" in w.text.lower()]
    right = [w for w in line.words if "rekomendasi" in w.text.lower()]
    if not left or not right or left[0].x1 > right[0].x0:
        return None
    return left[0].x0 - 0.5, (left[0].x1 + right[0].x0) / 2


def _feed(stream: _Stream, text: str, number: int, book: Rulebook) -> None:
    heading = is_heading(book, text)
    if heading is not None:
        stream.close()
        stream.component = heading
        mark = GROUP_MARK.match(text)
        stream.group = (mark["own"] or mark["letter"]) if mark else heading
        stream.expected = 1
        return
    bare = BARE_NUMBER.match(text)
    if bare and bare["alone"] is not None:  # an empty numbered row
        stream.drop_tentative()
        stream.close()
        stream.expected = int(bare["alone"]) + 1
        return
    if bare and bare["number"] is not None:
        value = 1 if not bare["number"].isdigit() else int(bare["number"])
        if value == stream.expected:
            _start(stream, str(value), bare["text"], number)
            return
    match = ITEM.match(text)
    assert match is not None  # every text matches: all parts are optional
    body = match["text"].strip()
    marker = match["compound"] or match["number"] or match["paren"] or match["letter"]
    if marker is None and match["bullet"] is None and match["dash"] is None:
        if stream.current is not None:
            stream.current.lines.append(body)
        elif stream.component is not None and not EMPTY.match(body):
            _start(stream, "", body, number)  # text under a group heading, its number or bullet lost to OCR?
            if stream.current is not None:
                stream.current.tentative = True
        return
    if match["letter"] and stream.current is not None and stream.current.marker[-1:].isdigit():
        stream.current.lines.append(text.strip())  # a lettered sub-item of the numbered item
        return
    stream.drop_tentative()
    stream.close()
    if match["compound"] or match["number"] or match["paren"]:
        stream.expected = int((marker or "0").split(".")[-1]) + 1
    if EMPTY.match(body):
        return
    _start(stream, marker or "", body, number)


def _start(stream: _Stream, marker: str, text: str, number: int) -> None:
    if marker:
        stream.drop_tentative()
    stream.close()
    stream.current = _Open(marker, stream.component, stream.group, [text], number)
    if marker[-1:].isdigit():
        stream.expected = int(marker.split(".")[-1]) + 1


def _items(opened: list[_Open], book: Rulebook) -> list[Item]:
    """Ids: `A.1` (group and number as printed; a bullet takes the next number of its group), or the
    item's own letter or number when the letter does not group them (`a` ... `f`)."""
    out: list[Item] = []
    counts: dict[str | None, int] = {}
    seen: set[str] = set()
    for item in opened:
        text = " ".join(" ".join(item.lines).split())
        if not words(text):
            continue
        counts[item.group] = counts.get(item.group, 0) + 1
        own = item.marker or str(counts[item.group])
        group = item.group or item.component
        base = f"{group}.{own}" if group and "." not in own else own
        component = item.component or starts_with_component(book, text)
        item_id, suffix = base, 1
        while item_id in seen:
            suffix += 1
            item_id = f"{base}-{suffix}"
        seen.add(item_id)
        out.append(Item(item_id, component, text, item.line))
    return out
