"""Checking a letter's arithmetic, per column: this year's scores (the verdict) and last year's
(reported apart, `column: previous`).

- `sum`: the components do not add up to the stated total (compared at the total's printed precision:
  last year's column often has three decimals and a total of one or two); sub-component rows that do
  not add up to their component.
- `grid`: a component score no combination of sub-component grades produces (this year's column, under
  the rulebook's `subcomponent-grade` method; last year may have been scored by averaging criteria, so
  its column is not held to the grid).
- `category`: a predikat that is not the total's (or a name that is not the code's).
- `weight`: a printed weight that is not the rulebook's.
- `text-table`: a total, predikat or component score in the sentences that differs from the table.
- `missing`: a component, total or predikat that is not found.

OCR'd letters: a digit read as another digit cannot be seen in the text. A total is repaired (and
noted) only where its value is certain:
- two independent witnesses agree on the value (the components' sum and the total stated in words), the
  table total differs from it in one digit and the predikat fits; or
- the total read falls outside its own predikat's band while the components' sum falls inside it, and of
  every reading one digit away from it exactly one lies in that band (`96,60` under predikat A with
  components adding up to 87,90 can only be 86,60); a total stated in words, if any, must say the same.
A total that contradicts both its components and its own predikat and is not so repaired is not trusted:
it is reported, never used. A digital letter's figures are the author's own and are never repaired.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from sakip_eval.i18n import Lang, t
from sakip_eval.letters.model import COLUMNS, Column, Letter, Mention, Note, Row, Value
from sakip_eval.letters.noise import Reading, words
from sakip_eval.numbers import format_number, places
from sakip_eval.rulebook.book import Category, Component, Rulebook
from sakip_eval.scoring.grades import category_of, round2
from sakip_eval.scoring.grid import reachable

KINDS = {
    "sum": "sum", "sub_sum": "sum", "untrusted_total": "sum",
    "off_grid": "grid", "sub_off_grid": "grid",
    "category": "category", "category_name": "category",
    "weight": "weight",
    "narrative_total": "text-table", "narrative_component": "text-table", "narrative_category": "text-table",
    "missing_component": "missing", "missing_total": "missing", "missing_category": "missing",
}


def show(value: Decimal, lang: Lang) -> str:
    """A letter's number as printed: two decimals at least, more when it has them (26,713)."""
    return format_number(value, lang, max(2, places(value.normalize())))


@dataclass(frozen=True)
class Problem:
    """An arithmetic or consistency fault, with the message parameters to show it in either language."""

    code: str
    line: int | None
    params: dict[str, str | Decimal] = field(default_factory=dict)
    component: str | None = None
    column: Column = "current"

    @property
    def kind(self) -> str:
        return KINDS[self.code]

    def message(self, lang: Lang) -> str:
        values = {k: show(v, lang) if isinstance(v, Decimal) else v for k, v in self.params.items()}
        text = t(f"lhe.problem.{self.code}", lang, **values)
        return t("lhe.previous_column", lang, text=text) if self.column == "previous" else text


@dataclass(frozen=True)
class ComponentCheck:
    row: Row | None
    component: Component
    combinations: list[dict[str, str]]


@dataclass(frozen=True)
class ColumnCheck:
    """One column's figures after the check: the total used (None when absent or not trusted)."""

    sum: Decimal | None
    total: Decimal | None
    expected_category: str | None


@dataclass(frozen=True)
class LetterCheck:
    letter: Letter
    components: list[ComponentCheck]
    columns: dict[Column, ColumnCheck]
    problems: list[Problem]

    @property
    def verdict(self) -> list[Problem]:
        """This year's problems: what the letter's own result depends on."""
        return [p for p in self.problems if p.column == "current"]

    @property
    def total(self) -> Decimal | None:
        return self.columns["current"].total

    @property
    def sum(self) -> Decimal:
        return self.columns["current"].sum or Decimal(0)

    @property
    def expected_category(self) -> str | None:
        return self.columns["current"].expected_category


def check_letter(letter: Letter, book: Rulebook) -> LetterCheck:
    problems: list[Problem] = []
    letter = _repair(letter, book)
    rows = {r.id: r for r in letter.components}
    checks: list[ComponentCheck] = []
    for comp in book.regime.components:
        row = rows.get(comp.id)
        combos: list[dict[str, str]] = []
        if row is not None and row.current is not None:
            combos = _grid(book, comp, row, problems)
            if row.weight is not None and round2(row.weight.reading.value) != round2(comp.weight):
                problems.append(Problem("weight", row.line, {"component": comp.id, "stated": row.weight.reading.value,
                                                             "expected": comp.weight}, component=comp.id))
        checks.append(ComponentCheck(row, comp, combos))
    _subcomponents(letter, book, problems)
    columns = {
        column: _column(letter, book, column, problems)
        for column in COLUMNS if column == "current" or letter.has_previous
    }
    _prose(letter, book, columns["current"], problems)
    return LetterCheck(letter, checks, columns, sorted(problems, key=lambda p: (p.column != "current",
                                                                                 p.line or 0, p.code)))


def _grid(book: Rulebook, comp: Component, row: Row, problems: list[Problem]) -> list[dict[str, str]]:
    assert row.current is not None
    score = row.current.reading.value
    grid = reachable(book, comp)
    combos = grid.get(round2(score), []) if round2(score) == score else []
    # Under `criteria-average` a sub-component's factor is a mean of criterion factors, so scores
    # between grid points are legitimate: only whole-grade combinations are listed, nothing flagged.
    if not combos and book.regime.method == "subcomponent-grade":
        below = max((v for v in grid if v < score), default=None)
        above = min((v for v in grid if v > score), default=None)
        problems.append(Problem("off_grid", row.line, {
            "component": comp.id, "stated": score,
            "below": "-" if below is None else below, "above": "-" if above is None else above,
        }, component=comp.id))
    return combos


def _subcomponents(letter: Letter, book: Rulebook, problems: list[Problem]) -> None:
    """Sub-component rows, where the letter prints them: each on the grade grid (this year) and the
    sub-components of a component adding up to it (both years)."""
    weights = {s.id: s.weight for c in book.regime.components for s in c.subcomponents}
    factors = {round2(g.factor) for g in book.regime.grades}
    rows = {r.id: r for r in letter.components}
    for sub in letter.subcomponents:
        value = sub.current.reading.value if sub.current else None
        if (value is not None and book.regime.method == "subcomponent-grade" and sub.id in weights
                and (round2(value / weights[sub.id]) not in factors or round2(value) != value)):
            problems.append(Problem("sub_off_grid", sub.line, {"sub": sub.id, "stated": value,
                                                               "weight": weights[sub.id]}, component=sub.id[0]))
    for comp in book.regime.components:
        subs = [s for s in letter.subcomponents if s.id.startswith(comp.id + ".")]
        row = rows.get(comp.id)
        if row is None or len(subs) != len(comp.subcomponents):
            continue
        for column in COLUMNS:
            stated = row.value(column)
            values = [s.value(column) for s in subs]
            if stated is None or any(v is None for v in values):
                continue
            total = sum((v.reading.value for v in values if v is not None), Decimal(0))
            if _at(total, stated.reading) != stated.reading.value:
                problems.append(Problem("sub_sum", row.line, {"component": comp.id, "sum": total,
                                                              "stated": stated.reading.value},
                                        component=comp.id, column=column))


def _at(value: Decimal, like: Reading) -> Decimal:
    """`value` rounded to the printed precision of `like` (82,089 compared with 82,9 is 82,1)."""
    return value.quantize(Decimal(1).scaleb(-like.places), rounding=ROUND_HALF_UP)


def _column(letter: Letter, book: Rulebook, column: Column, problems: list[Problem]) -> ColumnCheck:
    rows = {r.id: r for r in letter.components}
    values: list[Value] = []
    for comp in book.regime.components:
        row = rows.get(comp.id)
        value = row.value(column) if row is not None else None
        if value is None:
            problems.append(Problem("missing_component", row.line if row else None,
                                    {"component": comp.id, "name": comp.name.id}, component=comp.id, column=column))
        else:
            values.append(value)
    component_sum = sum((v.reading.value for v in values), Decimal(0)) if values else None
    complete = len(values) == len(book.regime.components)
    stated_total = letter.totals.get(column)
    stated = letter.categories.get(column) if column == "previous" else letter.category
    total: Decimal | None = None
    if stated_total is None:
        problems.append(Problem("missing_total", None, column=column))
    else:
        reading = stated_total.reading
        total = reading.value
        expected = _category(book, total)
        sum_off = complete and component_sum is not None and _at(component_sum, reading) != total
        if (letter.ocr and sum_off and stated is not None and expected is not None
                and expected.code != stated.value and component_sum is not None
                and (fits := _category(book, component_sum)) is not None and fits.code == stated.value):
            problems.append(Problem("untrusted_total", stated_total.line, {
                "read": reading.text, "sum": component_sum, "category": stated.value}, column=column))
            return ColumnCheck(component_sum, None, None)
        if sum_off and component_sum is not None:
            problems.append(Problem("sum", stated_total.line, {"sum": component_sum, "stated": total}, column=column))
    expected = _category(book, total)
    mentions = ([stated] if stated is not None else []) if column == "previous" else _current_categories(letter)
    if not mentions:
        problems.append(Problem("missing_category", None, column=column))
    for mention in mentions:
        if expected is None or total is None:
            continue
        if mention.value != expected.code:
            problems.append(Problem("category", mention.line, {"stated": mention.value, "total": total,
                                                               "expected": expected.code}, column=column))
        elif mention.name and set(words(mention.name)) != set(words(expected.name.id)):
            problems.append(Problem("category_name", mention.line, {
                "code": mention.value, "stated": mention.name, "expected": expected.name.id}, column=column))
    return ColumnCheck(component_sum, total, expected.code if expected else None)


def _prose(letter: Letter, book: Rulebook, current: ColumnCheck, problems: list[Problem]) -> None:
    """The sentences against the table (this year): total, predikat, component scores."""
    table_total = letter.totals.get("current")
    for mention in letter.prose_totals:
        value = Decimal(mention.value)
        if table_total is not None and current.total is not None and value != current.total:
            problems.append(Problem("narrative_total", mention.line, {"stated": value, "expected": current.total}))
    table_category = letter.categories.get("current")
    if table_category is not None and current.expected_category is None:  # with a total, each is checked on it
        for mention in letter.prose_categories:
            if mention.value != table_category.value:
                problems.append(Problem("narrative_category", mention.line, {
                    "stated": mention.value, "expected": table_category.value}))
    rows = {r.id: r for r in letter.components}
    for mention in letter.component_mentions:
        row = rows.get(mention.component or "")
        if row is not None and row.current is not None and Decimal(mention.value) != row.current.reading.value:
            problems.append(Problem("narrative_component", mention.line, {
                "component": row.id, "stated": Decimal(mention.value), "expected": row.current.reading.value},
                component=row.id))


def _current_categories(letter: Letter) -> list[Mention]:
    """This year's predikat wherever the letter states it: under the table's total and in its sentences."""
    table = letter.categories.get("current")
    return ([table] if table is not None else []) + letter.prose_categories


def _category(book: Rulebook, total: Decimal | None) -> Category | None:
    """The category the rulebook gives the total; None when there is no total or it is off the scale."""
    if total is None:
        return None
    try:
        return category_of(book, total)
    except ValueError:
        return None


def _repair(letter: Letter, book: Rulebook) -> Letter:
    """An OCR'd letter's totals where a digit misread is certain (see the module's docstring)."""
    if not letter.ocr:
        return letter
    letter = _repair_by_prose(letter, book)
    for column in COLUMNS:
        letter = _repair_by_band(letter, book, column)
    return letter


def _repair_by_band(letter: Letter, book: Rulebook, column: Column) -> Letter:
    """A column's total out of its predikat's band, when the components' sum is in the band and exactly one
    reading a digit away from the total is too (and no total stated in words says otherwise)."""
    table = letter.totals.get(column)
    stated = letter.categories.get(column) if column == "previous" else letter.category
    values = [v for r in letter.components if (v := r.value(column)) is not None]
    if table is None or stated is None or len(values) != len(book.regime.components):
        return letter
    component_sum = sum((v.reading.value for v in values), Decimal(0))
    if _code(book, table.reading.value) == stated.value or _code(book, component_sum) != stated.value:
        return letter
    candidates = [v for v in _one_digit_readings(table.reading.value) if _code(book, v) == stated.value]
    prose = {Decimal(m.value) for m in letter.prose_totals} if column == "current" else set()
    if len(candidates) != 1 or (prose and candidates[0] not in prose):
        return letter
    value = candidates[0]
    note = Note("repaired_total_band", table.line, {"text": table.reading.text, "value": value,
                                                     "category": stated.value, "sum": component_sum})
    fixed = Value(Reading(value, table.reading.text, repaired=True), table.line)
    return replace(letter, totals={**letter.totals, column: fixed}, notes=[*letter.notes, note])


def _code(book: Rulebook, total: Decimal) -> str | None:
    category = _category(book, total)
    return category.code if category is not None else None


def _one_digit_readings(value: Decimal) -> list[Decimal]:
    """Every value printed with the same digits as `value` but one, at its printed precision (the leading
    digit never becomes a zero)."""
    text = f"{value:f}"
    out: list[Decimal] = []
    for i, char in enumerate(text):
        if not char.isdigit():
            continue
        for digit in "0123456789":
            if digit != char and not (i == 0 and digit == "0" and len(text.split(".")[0]) > 1):
                out.append(Decimal(text[:i] + digit + text[i + 1:]))
    return out


def _repair_by_prose(letter: Letter, book: Rulebook) -> Letter:
    """A table or prose total one digit away from the value the two other witnesses agree on (the
    components' sum and the other statement of the total), when the predikat fits it."""
    rows = [r.current for r in letter.components]
    table = letter.totals.get("current")
    if len(rows) != len(book.regime.components) or any(v is None for v in rows) or table is None:
        return letter
    component_sum = sum((v.reading.value for v in rows if v is not None), Decimal(0))
    stated = letter.category
    fits = _category(book, component_sum)
    if stated is None or fits is None or fits.code != stated.value:
        return letter
    prose = [Decimal(m.value) for m in letter.prose_totals]
    if table.reading.value != component_sum and component_sum in prose and _one_digit(table.reading.value,
                                                                                        component_sum):
        note = Note("repaired_total", table.line, {"text": table.reading.text, "value": component_sum})
        fixed = Value(Reading(component_sum, table.reading.text, repaired=True), table.line)
        return replace(letter, totals={**letter.totals, "current": fixed}, notes=[*letter.notes, note])
    if table.reading.value == component_sum:
        mentions: list[Mention] = []
        notes = list(letter.notes)
        for mention in letter.prose_totals:
            value = Decimal(mention.value)
            if value != component_sum and _one_digit(value, component_sum):
                notes.append(Note("repaired_total", mention.line, {"text": mention.name or mention.value,
                                                                   "value": component_sum}))
                mention = replace(mention, value=str(component_sum), repaired=True)
            mentions.append(mention)
        return replace(letter, prose_totals=mentions, notes=notes)
    return letter


def _one_digit(a: Decimal, b: Decimal) -> bool:
    """The two values print with the same digits but one (`96,60` and `86,60`)."""
    x, y = f"{a:.2f}", f"{b:.2f}"
    return len(x) == len(y) and sum(c != d for c, d in zip(x, y, strict=True)) == 1
