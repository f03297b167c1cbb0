"""Run history as plain JSON-ready dicts: recorded runs, the yearly trend and the difference between two runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sakip_eval.history.store import (
    Answer,
    Change,
    FollowupState,
    Grade,
    RunDiff,
    RunSummary,
    StoredReason,
    TrendPoint,
)
from sakip_eval.i18n import Lang
from sakip_eval.render.jsontext import number
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.scoring.grades import category_of


def run_to_dict(run: RunSummary) -> dict[str, Any]:
    return {"id": run.id, "at": run.at, "workspace": run.workspace, "opd": run.opd,
            "evaluation_year": run.evaluation_year, "total": number(run.total), "category": run.category,
            "inputs": run.inputs}


def history_to_dict(book: Rulebook, opd: str, runs: list[RunSummary], points: list[TrendPoint]) -> dict[str, Any]:
    return {
        "opd": opd, "runs": [run_to_dict(r) for r in runs],
        "trend": [{"year": p.year, "source": p.source, "total": number(p.total),
                   "category": category_of(book, p.total).code, "run": p.run} for p in points],
    }


State = TypeVar("State")


def reason_text(reason: StoredReason, lang: Lang) -> str:
    return f"[{reason.rule}] {reason.id if lang is Lang.ID else reason.en}"


def _grade(grade: Grade | None) -> dict[str, object]:
    if grade is None:
        return {}
    return {"grade": grade.grade, "score": number(grade.score), "met": grade.met, "applicable": grade.applicable}


def _answer(answer: Answer | None) -> dict[str, object]:
    return {} if answer is None else {"claimed": answer.claimed, "predicted": answer.predicted}


def _followup(state: FollowupState | None) -> dict[str, object]:
    return {} if state is None else {"status": state.status, "evidence": list(state.evidence)}


def _change_dict(change: Change[State], shape: Callable[[State | None], dict[str, object]],
                 lang: Lang) -> dict[str, object]:
    return {"id": change.id, "a": shape(change.before), "b": shape(change.after),
            "added": [reason_text(r, lang) for r in change.added],
            "removed": [reason_text(r, lang) for r in change.removed]}


def diff_to_dict(result: RunDiff, lang: Lang) -> dict[str, Any]:
    return {
        "a": run_to_dict(result.a), "b": run_to_dict(result.b),
        "total": {"a": number(result.a.total), "b": number(result.b.total),
                  "delta": number(result.b.total - result.a.total)},
        "category": {"a": result.a.category, "b": result.b.category},
        "inputs": [{"file": c.id, "a": c.before, "b": c.after} for c in result.inputs],
        "subcomponents": [_change_dict(c, _grade, lang) for c in result.subcomponents],
        "criteria": [_change_dict(c, _answer, lang) for c in result.criteria],
        "followup": [{"id": c.id, "a": _followup(c.before), "b": _followup(c.after)} for c in result.followup],
    }
