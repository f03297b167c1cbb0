"""Run history as plain JSON-ready dicts: recorded runs, the yearly trend and the difference between two runs."""

from __future__ import annotations

from typing import Any

from sakip_eval.history.store import Change, RunDiff, RunSummary, TrendPoint
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


def reason_text(reason: dict[str, str], lang: Lang) -> str:
    return f"[{reason['rule']}] {reason['id'] if lang is Lang.ID else reason['en']}"


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: number(v) if k == "score" else v for k, v in values.items()}


def _change_dict(change: Change, lang: Lang) -> dict[str, Any]:
    return {"id": change.id, "a": _plain(change.before), "b": _plain(change.after),
            "added": [reason_text(r, lang) for r in change.added],
            "removed": [reason_text(r, lang) for r in change.removed]}


def diff_to_dict(result: RunDiff, lang: Lang) -> dict[str, Any]:
    return {
        "a": run_to_dict(result.a), "b": run_to_dict(result.b),
        "total": {"a": number(result.a.total), "b": number(result.b.total),
                  "delta": number(result.b.total - result.a.total)},
        "category": {"a": result.a.category, "b": result.b.category},
        "inputs": [{"file": c.id, "a": c.before["sha256"], "b": c.after["sha256"]} for c in result.inputs],
        "subcomponents": [_change_dict(c, lang) for c in result.subcomponents],
        "criteria": [_change_dict(c, lang) for c in result.criteria],
        "followup": [{"id": c.id, "a": c.before, "b": c.after} for c in result.followup],
    }
