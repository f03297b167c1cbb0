"""Reading an LHE letter (Laporan Hasil Evaluasi AKIP) given as text, and checking its arithmetic.

LHE letters are typed by hand: a component score that no grade can produce, components that do not add
up to the total, or a predikat that does not fit the total all happen. Before the team quotes a letter
(or imports its recommendations into followup.yaml) it should know. Everything the check compares
against comes from the rulebook: component and sub-component weights, the grade scale and the
category bands (`load_rulebook().regime`); nothing here knows that perencanaan weighs 30.

The reader is line based and forgiving about layout: table cells may be separated by tabs, `|` or
two or more spaces; markdown emphasis (`**82,30**`) and HTML tags are ignored; rows and narrative
sentences are matched to components by the words that tell component names apart (`perencanaan`,
`pengukuran`, ...), so "komponen evaluasi kinerja internal" still finds component 4.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.yamlread import read_text
from sakip_eval.numbers import NumberFormatError, format_number, parse_number
from sakip_eval.rulebook.book import Category, Component, Rulebook
from sakip_eval.scoring.grades import category_of, round2

# Lines are matched after `_clean` (right-stripped). A letter is untrusted text of up to 10 MiB: no pattern
# may backtrack over a long line (whitespace runs are possessive `\s*+`, spans are bounded or stop at a
# delimiter), so that reading costs time linear in the file.
HEADING = re.compile(r"LAPORAN\s+HASIL\s+EVALUASI", re.IGNORECASE)
NUMBER_LINE = re.compile(r"^\s*Nomor\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
DATE_LINE = re.compile(r"^\s*Tanggal\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
SIGNED_DATE = re.compile(r",\s*(?P<value>\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$")
NARRATIVE_TOTAL = re.compile(
    r"nilai\s+(?:akip|akhir)\s*+(?:sebesar\s*+)?:?\s*+(?P<value>\d{1,3}(?:[.,]\d{1,2})?)(?!\d)", re.IGNORECASE
)
NARRATIVE_COMPONENT = re.compile(
    r"komponen\s+(?P<name>[^.,;]{1,60}?)\s+menunjukkan\s+nilai\s++(?:sebesar\s++)?"
    r"(?P<value>\d{1,3}(?:[.,]\d{1,2})?)(?!\d)",
    re.IGNORECASE,
)
PREDIKAT = re.compile(
    r"(?i:predikat)\s*+:?\s*+[\"“']?\s*+(?P<code>AA|BB|CC|A|B|C|D)(?![A-Za-z])\s*(?:\((?P<name>[^)]*)\))?"
)
RECOMMENDATIONS_HEAD = re.compile(r"\b(?:direkomendasikan|rekomendasi)\b.*\bberikut\s*:?\s*$", re.IGNORECASE)
ITEM = re.compile(r"^\s*(?:[-*•▪]\s*)?(?P<id>[a-z]|\d{1,2})[.)]\s+(?P<text>\S.*)$")
TOTAL_LABEL = re.compile(r"^\s*(?:jumlah|total|nilai\s+akhir|nilai\s+akip)\b", re.IGNORECASE)
CELL_SPLIT = re.compile(r"\t+|\s*\|\s*|\s{2,}")
MARKUP = re.compile(r"\*\*|__|</?[A-Za-z][^<>]*>")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12,
}
MAX_COMBINATIONS_SHOWN = 3


@dataclass(frozen=True)
class StatedComponent:
    """One row of the letter's component table, matched to a rulebook component."""

    id: str
    label: str
    weight: Decimal | None
    score: Decimal
    line: int


@dataclass(frozen=True)
class Mention:
    """A value the narrative states somewhere else (a total, a component score, a predikat)."""

    value: str
    line: int
    component: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class LetterRecommendation:
    id: str
    text: str
    line: int


@dataclass(frozen=True)
class Letter:
    """What the reader found in the letter. Lines are 1-based lines of the file as given."""

    display: str
    number: str | None
    date: dt.date | None
    components: list[StatedComponent]
    total: Decimal | None
    total_line: int | None
    totals: list[Mention]
    component_mentions: list[Mention]
    categories: list[Mention]
    recommendations: list[LetterRecommendation]


@dataclass(frozen=True)
class Problem:
    """An arithmetic or consistency fault, with the message parameters to show it in either language."""

    code: str
    line: int | None
    params: dict[str, str | Decimal] = field(default_factory=dict)
    component: str | None = None

    def message(self, lang: Lang) -> str:
        values = {k: format_number(v, lang) if isinstance(v, Decimal) else v for k, v in self.params.items()}
        return t(f"lhe.problem.{self.code}", lang, **values)


@dataclass(frozen=True)
class ComponentCheck:
    stated: StatedComponent
    name: str
    weight: Decimal
    combinations: list[dict[str, str]]


@dataclass(frozen=True)
class LetterCheck:
    letter: Letter
    components: list[ComponentCheck]
    sum: Decimal
    total: Decimal | None
    expected_category: str | None
    problems: list[Problem]


# -- reading ---------------------------------------------------------------------------------------


def read_letter(path: Path, book: Rulebook, display: str | None = None) -> Letter:
    """Read the letter at `path`. When the text holds more than the letter (an LKjIP with the LHE
    appended, like the reference file), reading starts at the last "LAPORAN HASIL EVALUASI" heading."""
    display = display or str(path)
    return parse_letter(read_text(path, display), book, display)


def parse_letter(text: str, book: Rulebook, display: str = "-") -> Letter:
    lines = [_clean(line) for line in text.splitlines()]
    start = max((i for i, line in enumerate(lines) if HEADING.search(line)), default=0)
    numbered = list(enumerate(lines, start=1))[start:]
    components: dict[str, StatedComponent] = {}
    total: tuple[Decimal, int] | None = None
    totals: list[Mention] = []
    mentions: list[Mention] = []
    categories: list[Mention] = []
    number: str | None = None
    date: dt.date | None = None
    for lineno, line in numbered:
        if number is None and (match := NUMBER_LINE.match(line)):
            number = match["value"]
        if date is None and (match := DATE_LINE.match(line)):
            date = parse_date(match["value"])
        row = _table_row(line)
        if row is not None:
            label, values = row
            if TOTAL_LABEL.match(label):
                total = total or (values[-1], lineno)
                continue
            comp_id = match_component(book, label)
            if comp_id is not None and comp_id not in components:
                weight = values[-2] if len(values) >= 2 else None
                components[comp_id] = StatedComponent(comp_id, label, weight, values[-1], lineno)
                continue
        for match in NARRATIVE_TOTAL.finditer(line):
            totals.append(Mention(match["value"], lineno))
        for match in NARRATIVE_COMPONENT.finditer(line):
            comp_id = match_component(book, match["name"])
            if comp_id is not None:
                mentions.append(Mention(match["value"], lineno, component=comp_id))
        for match in PREDIKAT.finditer(line):
            categories.append(Mention(match["code"], lineno, name=(match["name"] or "").strip() or None))
    if date is None:
        signed = [m for _, line in numbered if (m := SIGNED_DATE.search(line))]
        date = parse_date(signed[-1]["value"]) if signed else None
    if not components:
        raise InputError("lhe.no_table", file=display)
    order = [c.id for c in book.regime.components]
    return Letter(
        display=display, number=number, date=date,
        components=sorted(components.values(), key=lambda c: order.index(c.id)),
        total=total[0] if total else None, total_line=total[1] if total else None,
        totals=totals, component_mentions=mentions, categories=categories,
        recommendations=_recommendations(numbered),
    )


def _clean(line: str) -> str:
    """The line without markdown emphasis and HTML tags, which converted letters are full of."""
    return EMPHASIS.sub(r"\1", MARKUP.sub("", line)).rstrip()


def _table_row(line: str) -> tuple[str, list[Decimal]] | None:
    """A label cell followed by one or more number cells (bobot, nilai), or None."""
    cells = [c.strip() for c in CELL_SPLIT.split(line.strip()) if c.strip()]
    if len(cells) < 2:
        return None
    values: list[Decimal] = []
    while len(cells) > 1:
        try:
            value = parse_number(cells[-1])
        except NumberFormatError:
            break
        if value is None:
            break
        values.insert(0, value)
        cells.pop()
    if not values:
        return None
    return " ".join(cells), values


def parse_date(text: str) -> dt.date | None:
    """`03 Mei 2024`, `3 May 2024`, `03-05-2024`, `03/05/2024` or `2024-05-03`; None when unreadable."""
    text = text.strip()
    try:
        if match := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text):
            month = MONTHS.get(match[2].lower())
            return dt.date(int(match[3]), month, int(match[1])) if month else None
        if match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _distinctive(book: Rulebook) -> dict[str, frozenset[str]]:
    """Per component, the words of its names (both languages) that not every component shares."""
    names = {c.id: _words(f"{c.name.id} {c.name.en}") for c in book.regime.components}
    common = set.intersection(*names.values()) if names else set()
    return {cid: frozenset(words - common) for cid, words in names.items()}


def match_component(book: Rulebook, label: str) -> str | None:
    """The component whose distinctive words the label shares most, or None when none or a tie."""
    words = _words(label)
    scores = sorted(((len(words & d), cid) for cid, d in _distinctive(book).items()), reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _recommendations(numbered: list[tuple[int, str]]) -> list[LetterRecommendation]:
    """The lettered (or numbered) items under the last "... direkomendasikan ... sebagai berikut:".

    An item may wrap onto following lines; a blank line followed by text that is not an item ends
    the list. The text is kept verbatim apart from the item marker and markup."""
    heads = [i for i, (_, line) in enumerate(numbered) if RECOMMENDATIONS_HEAD.search(line)]
    if not heads:
        return []
    items: list[list[Any]] = []
    blank = False
    for lineno, line in numbered[heads[-1] + 1:]:
        if not line.strip():
            blank = True
            continue
        match = ITEM.match(line)
        if match:
            items.append([match["id"], match["text"], lineno])
        elif items and not blank:
            items[-1][1] += " " + line.strip()
        else:
            break
        blank = False
    return [LetterRecommendation(str(i), str(text), int(line)) for i, text, line in items]


# -- checking --------------------------------------------------------------------------------------


def reachable(book: Rulebook, component: Component) -> dict[Decimal, list[dict[str, str]]]:
    """Every component score the grade scale can produce, with the grade combinations that give it
    (sub-component weight x grade factor, summed; LHE precision of two decimals)."""
    out: dict[Decimal, list[dict[str, str]]] = {}
    grades = book.regime.grades
    for combo in itertools.product(grades, repeat=len(component.subcomponents)):
        value = round2(sum((s.weight * g.factor for s, g in zip(component.subcomponents, combo, strict=True)),
                           Decimal(0)))
        out.setdefault(value, []).append({s.id: g.code for s, g in zip(component.subcomponents, combo, strict=True)})
    return out


def check_letter(letter: Letter, book: Rulebook) -> LetterCheck:
    problems: list[Problem] = []
    checks: list[ComponentCheck] = []
    stated = {c.id: c for c in letter.components}
    for comp in book.regime.components:
        row = stated.get(comp.id)
        if row is None:
            problems.append(Problem("missing_component", None, {"component": comp.id, "name": comp.name.id},
                                    component=comp.id))
            continue
        if row.weight is not None and round2(row.weight) != round2(comp.weight):
            problems.append(Problem("weight", row.line, {"component": comp.id, "stated": row.weight,
                                                         "expected": comp.weight}, component=comp.id))
        grid = reachable(book, comp)
        combos = grid.get(round2(row.score), [])
        # Under `criteria-average` a sub-component's factor is a mean of criterion factors, so scores
        # between grid points are legitimate: only whole-grade combinations are listed, nothing flagged.
        if not combos and book.regime.method == "subcomponent-grade":
            below = max((v for v in grid if v < row.score), default=None)
            above = min((v for v in grid if v > row.score), default=None)
            problems.append(Problem("off_grid", row.line, {
                "component": comp.id, "stated": row.score,
                "below": "-" if below is None else below, "above": "-" if above is None else above,
            }, component=comp.id))
        checks.append(ComponentCheck(row, comp.name.id, comp.weight, combos))
    for mention in letter.component_mentions:
        row = stated.get(mention.component or "")
        value = _number(mention.value)
        if row is not None and value is not None and value != round2(row.score):
            problems.append(Problem("narrative_component", mention.line, {
                "component": row.id, "stated": value, "expected": row.score}, component=row.id))

    component_sum = sum((c.score for c in letter.components), Decimal(0))
    total = letter.total
    total_line = letter.total_line
    if total is None and letter.totals:
        total, total_line = _number(letter.totals[0].value), letter.totals[0].line
    if total is None:
        problems.append(Problem("missing_total", None))
    else:
        if len(letter.components) == len(book.regime.components) and round2(component_sum) != round2(total):
            problems.append(Problem("sum", total_line, {"sum": component_sum, "stated": total}))
        for mention in letter.totals:
            value = _number(mention.value)
            if value is not None and value != round2(total):
                problems.append(Problem("narrative_total", mention.line,
                                        {"stated": value, "expected": total}))
    expected = _category(book, total)
    if not letter.categories:
        problems.append(Problem("missing_category", None))
    for mention in letter.categories:
        if expected is None:
            break
        if mention.value != expected.code:
            problems.append(Problem("category", mention.line, {
                "stated": mention.value, "total": total or Decimal(0), "expected": expected.code}))
        elif mention.name and _words(mention.name) != _words(expected.name.id):
            problems.append(Problem("category_name", mention.line, {
                "code": mention.value, "stated": mention.name, "expected": expected.name.id}))
    return LetterCheck(
        letter=letter, components=checks, sum=component_sum, total=total,
        expected_category=expected.code if expected else None,
        problems=sorted(problems, key=lambda p: (p.line or 0, p.code)),
    )


def _category(book: Rulebook, total: Decimal | None) -> Category | None:
    """The category the rulebook gives the total; None when there is no total or it is off the scale."""
    if total is None:
        return None
    try:
        return category_of(book, total)
    except ValueError:
        return None


def _number(text: str) -> Decimal | None:
    try:
        value = parse_number(text)
    except NumberFormatError:
        return None
    return round2(value) if value is not None else None


def combination_label(combo: dict[str, str]) -> str:
    return " · ".join(f"{sub} {grade}" for sub, grade in combo.items())


def check_to_dict(check: LetterCheck, lang: Lang) -> dict[str, Any]:
    """The JSON form of `lhe check`: stable keys, numbers rounded to the letter's two decimals."""
    letter = check.letter
    stated_category = letter.categories[0] if letter.categories else None
    return {
        "file": letter.display,
        "number": letter.number,
        "date": letter.date.isoformat() if letter.date else None,
        "components": [
            {
                "id": c.stated.id, "name": c.name, "label": c.stated.label, "line": c.stated.line,
                "weight": float(c.weight),
                "stated_weight": None if c.stated.weight is None else float(round2(c.stated.weight)),
                "score": float(round2(c.stated.score)), "combinations": c.combinations,
            }
            for c in check.components
        ],
        "sum": float(round2(check.sum)),
        "total": None if check.total is None else float(round2(check.total)),
        "category": stated_category.value if stated_category else None,
        "category_name": stated_category.name if stated_category else None,
        "expected_category": check.expected_category,
        "problems": [
            {"code": p.code, "line": p.line, "component": p.component, "message": p.message(lang)}
            for p in check.problems
        ],
        "recommendations": [{"id": r.id, "text": r.text, "line": r.line} for r in letter.recommendations],
    }

