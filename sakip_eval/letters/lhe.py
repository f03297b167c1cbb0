"""The JSON of `lhe check FILE --format json`: the contract users' scripts and our tests read.

Keys are stable. Numbers are the letter's own, exactly as printed (a previous-year score of 26,713 stays
26.713); a value that was not found, or not trusted, is null, never a guess. Problems carry their `kind`
(`sum`, `grid`, `category`, `weight`, `text-table`, `missing`) and `column`: null for this year's, the
letter's verdict, and `"previous"` for the previous-year column, reported apart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakip_eval.i18n import Lang, t
from sakip_eval.letters.check import LetterCheck, Problem, show
from sakip_eval.letters.model import Item, Letter, Note, Row, Value
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.scoring.grades import round2

MAX_COMBINATIONS_SHOWN = 3


def combination_label(combo: dict[str, str]) -> str:
    return " · ".join(f"{sub} {grade}" for sub, grade in combo.items())


def grade_of(book: Rulebook, sub_id: str, value: Value | None) -> str | None:
    """The grade a sub-component score stands for (5,40 of weight 6 is A), or None when it is on no grade."""
    weight = next((s.weight for c in book.regime.components for s in c.subcomponents if s.id == sub_id), None)
    if value is None or weight is None or round2(value.reading.value) != value.reading.value:
        return None
    return next((g.code for g in book.regime.grades if round2(g.factor * weight) == value.reading.value), None)


def problem_lines(check: LetterCheck, lang: Lang) -> list[tuple[str, str]]:
    """The problems as the CLI lists them, `(text, style)`: this year's under their count (or that the
    arithmetic holds), then the previous-year column's apart; each `  FILE:LINE: message` (print as text:
    it holds the letter's words)."""
    display = check.letter.display
    earlier = [p for p in check.problems if p.column == "previous"]
    out = [(t("lhe.problems", lang, count=len(check.verdict)), "red")] if check.verdict else [(t("lhe.ok", lang),
                                                                                                "green")]
    out += [(f"  {display}:{p.line or '-'}: {p.message(lang)}", "") for p in check.verdict]
    if earlier:
        out.append((t("lhe.previous_problems", lang, count=len(earlier)), "yellow"))
        out += [(f"  {display}:{p.line or '-'}: {p.message(lang)}", "") for p in earlier]
    return out


def note_lines(letter: Letter, lang: Lang) -> list[str]:
    """The reading notes as the CLI lists them (what was repaired or left out, and why), under their
    heading; none when there are none. Print as text: they hold the letter's words."""
    if not letter.notes:
        return []
    return [t("lhe.notes", lang), *(f"  {letter.display}:{note.line or '-'}: {note_message(note, lang)}"
                                    for note in letter.notes)]


def note_message(note: Note, lang: Lang) -> str:
    params = {k: show(v, lang) if isinstance(v, Decimal) else t(f"lhe.column.{v}", lang) if k == "column" else v
              for k, v in note.params.items()}
    return t(f"lhe.note.{note.key}", lang, **params)


def _number(value: Value | Decimal | None) -> float | None:
    if value is None:
        return None
    return float(value.reading.value if isinstance(value, Value) else value)


def _item(item: Item) -> dict[str, Any]:
    return {"id": item.id, "component": item.component, "text": item.text, "line": item.line,
            "criteria": list(item.criteria)}


def _problem(problem: Problem, lang: Lang) -> dict[str, Any]:
    return {"kind": problem.kind, "code": problem.code, "message": problem.message(lang), "line": problem.line,
            "component": problem.component, "column": "previous" if problem.column == "previous" else None}


def _sub(book: Rulebook, row: Row) -> dict[str, Any]:
    return {"id": row.id, "label": row.label, "line": row.line, "weight": _number(row.weight),
            "score": _number(row.current), "previous": _number(row.previous),
            "grade": grade_of(book, row.id, row.current), "previous_grade": grade_of(book, row.id, row.previous)}


def check_to_dict(check: LetterCheck, book: Rulebook, lang: Lang) -> dict[str, Any]:
    letter = check.letter
    stated = letter.category
    current = check.columns["current"]
    prev = check.columns.get("previous")
    prev_category = letter.categories.get("previous")
    return {
        "file": letter.display,
        "number": letter.number,
        "date": letter.date.isoformat() if letter.date else None,
        "unit": letter.unit,
        "performance_year": letter.performance_year,
        "ocr": letter.ocr,
        "components": [
            {
                "id": c.component.id, "name": c.component.name.id,
                "label": c.row.label if c.row else None, "line": c.row.line if c.row else None,
                "weight": float(c.component.weight),
                "stated_weight": _number(c.row.weight) if c.row else None,
                "score": _number(c.row.current) if c.row else None,
                "previous": _number(c.row.previous) if c.row else None,
                "combinations": c.combinations,
                "subcomponents": [_sub(book, s) for s in letter.subcomponents
                                  if s.id.startswith(c.component.id + ".")],
            }
            for c in check.components
        ],
        "sum": _number(current.sum),
        "total": _number(current.total),
        "category": stated.value if stated else None,
        "category_name": stated.name if stated else None,
        "expected_category": current.expected_category,
        "previous": None if prev is None else {
            "total": _number(prev.total), "sum": _number(prev.sum),
            "category": prev_category.value if prev_category else None,
            "category_name": prev_category.name if prev_category else None,
            "expected_category": prev.expected_category,
        },
        "verdict": "problems" if check.verdict else "ok",
        "problems": [_problem(p, lang) for p in check.problems],
        "findings": [_item(i) for i in letter.findings],
        "recommendations": [_item(i) for i in letter.recommendations],
        "notes": [{"key": n.key, "message": note_message(n, lang), "line": n.line} for n in letter.notes],
    }
