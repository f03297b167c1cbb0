"""`rules test` for people and for programs: a table of every rule and check with its failing and
passing cases, then each case that did not come out as its name says, each case still missing, and a
summary; or the same as JSON."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from sakip_eval.i18n import Lang, t
from sakip_eval.render.table import Table
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.scoring.proof import Report


def _generated(book: Rulebook) -> set[str]:
    return {s.rule.id for s in book.rules if s.generated}


def _catalogue(book: Rulebook) -> set[str]:
    return {s.rule.id for s in book.rules if s.origin == "catalogue"}


def to_dict(report: Report, book: Rulebook, lang: Lang) -> dict[str, Any]:
    generated = _generated(book)
    return {
        "ok": report.ok,
        "subjects": [
            {"id": s.id, "kind": s.kind, "generated": s.id in generated, "ok": s.ok, "missing": s.missing,
             "cases": [{"file": o.case.display, "outcome": o.case.outcome, "ok": o.ok, "count": o.count,
                        "targets": o.targets, "problem": o.explain(lang) or None} for o in s.outcomes]}
            for s in report.subjects
        ],
        "orphans": [c.display for c in report.orphans],
        "summary": {"cases": report.cases, "failed": report.failed, "missing": report.missing},
    }


def render(report: Report, book: Rulebook, lang: Lang, out: Console) -> None:
    """The generated evidence rules (one per criterion) show only when one of their cases fails."""
    generated = _catalogue(book)
    table = Table(title=t("rules.test.title", lang), title_justify="left")
    for key in ("rules.id", "rules.kind", "rules.test.fail", "rules.test.pass", "rules.test.result"):
        table.add_column(t(key, lang), no_wrap=True)
    for s in report.subjects:
        if s.id not in generated or not s.ok:
            table.add_row(s.id, t(f"rules.test.kind.{s.kind}", lang), str(s.count("fail")), str(s.count("pass")),
                          "✔" if s.ok else "✘")
    out.print(table)
    lines = [f"{o.case.display}: {o.explain(lang)}" for s in report.subjects for o in s.outcomes if not o.ok]
    lines += [t("rules.test.missing", lang, id=s.id, outcome=outcome,
                folder=f"{'checks' if s.kind == 'check' else 'rules'}/{s.id}")
              for s in report.subjects for outcome in s.missing]
    lines += [t("rules.test.orphan", lang, file=c.display, id=c.subject) for c in report.orphans]
    for line in lines:
        out.print(line, markup=False, highlight=False)
    out.print(t("rules.test.summary", lang, cases=report.cases, failed=report.failed, missing=report.missing))
    if report.ok:
        out.print(t("rules.test.ok", lang))
