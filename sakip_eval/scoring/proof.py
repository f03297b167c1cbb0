"""`rules test`: run every rule's and check's fixtures (see :mod:`sakip_eval.rulebook.fixtures`) and say,
for a rulebook author, which case did not come out as its file name says, and which rule or check has
no passing or no failing case yet.

A case's workspace is written to a temporary folder, loaded like any workspace (so a fixture that is
not a valid workspace is reported with its file and line) and evaluated with the rulebook under test.
A rule fires when it yields a consequence; a check fires when it reports a finding.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sakip_eval.checks.findings import run_checks
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import Rulebook
from sakip_eval.rulebook.fixtures import Case, discover, generated_cases, write
from sakip_eval.scoring.prediction import evaluate


@dataclass(frozen=True)
class Outcome:
    """What one case showed: how often the subject fired (findings of a check, distinct targets of a
    rule), the targets, and why the case failed (None when it holds)."""

    case: Case
    count: int
    targets: list[str]
    problem: str | None
    detail: dict[str, str] = field(default_factory=dict)
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def explain(self, lang: Lang) -> str:
        if self.error is not None:
            return t("rules.test.invalid", lang, detail=self.error.render(lang))
        return "" if self.problem is None else t(self.problem, lang, **self.detail)


@dataclass(frozen=True)
class Subject:
    """A rule or check with its cases' outcomes and what it still lacks."""

    id: str
    kind: str
    outcomes: list[Outcome]
    missing: list[str]  # "pass" and/or "fail": outcomes no case covers

    @property
    def ok(self) -> bool:
        return not self.missing and all(o.ok for o in self.outcomes)

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.case.outcome == outcome)


@dataclass(frozen=True)
class Report:
    subjects: list[Subject]
    orphans: list[Case]  # fixtures in a folder whose rule or check does not load

    @property
    def ok(self) -> bool:
        return not self.orphans and all(s.ok for s in self.subjects)

    @property
    def cases(self) -> int:
        return sum(len(s.outcomes) for s in self.subjects)

    @property
    def failed(self) -> int:
        return sum(1 for s in self.subjects for o in s.outcomes if not o.ok)

    @property
    def missing(self) -> int:
        return sum(len(s.missing) for s in self.subjects)


def prove(book: Rulebook, only: Iterable[str] = ()) -> Report:
    """Run the cases of every rule and check of `book` (or of the ids in `only`)."""
    wanted = set(only)
    subjects = [(s.rule.id, "rule") for s in book.rules] + [(c.check.id, "check") for c in book.checks]
    known = {subject for subject, _ in subjects}
    written = discover(book)
    cases = [*written, *generated_cases(book, written)]
    by_subject: dict[str, list[Outcome]] = {subject: [] for subject in known}
    with tempfile.TemporaryDirectory(prefix="sakip-rules-test-") as tmp:
        for index, case in enumerate(cases):
            if case.subject in known and (not wanted or case.subject in wanted):
                by_subject[case.subject].append(run_case(book, case, Path(tmp) / f"case-{index}"))
    report = [
        Subject(subject, kind, by_subject[subject],
                [o for o in ("pass", "fail") if not any(r.case.outcome == o for r in by_subject[subject])])
        for subject, kind in subjects if not wanted or subject in wanted
    ]
    orphans = [c for c in cases if c.subject not in known and (not wanted or c.subject in wanted)]
    return Report(report, orphans)


def run_case(book: Rulebook, case: Case, folder: Path) -> Outcome:
    try:
        ws = load_workspace(write(case, folder), rulebook=book)
        if case.kind == "check":
            found = [f.id for f in run_checks(ws) if f.check == case.subject]
            count, targets = len(found), []
        else:
            consequences = [c for c in evaluate(ws).consequences if c.rule_id == case.subject]
            targets = sorted({c.target or "-" for c in consequences})
            count = len(targets)
    except InputError as exc:
        if case.folder is None and exc.file is not None and Path(exc.file).parent == folder:
            # The merged file exists only for this run: name the fixture and the part instead (its field
            # path still says where); the line would be one of the merged file.
            exc.file, exc.line = f"{case.display} › {Path(exc.file).stem}", None
        return Outcome(case, 0, [], "rules.test.invalid", error=exc)
    return _judge(case, count, targets)


def _judge(case: Case, count: int, targets: list[str]) -> Outcome:
    shown = ", ".join(targets) or "-"
    if case.outcome == "fail" and count == 0:
        return Outcome(case, count, targets, "rules.test.quiet")
    if case.outcome == "pass" and count > 0:
        return Outcome(case, count, targets, "rules.test.fired", {"count": str(count), "targets": shown})
    expect = case.expect
    if expect.count is not None and expect.count != count:
        return Outcome(case, count, targets, "rules.test.count", {"expected": str(expect.count), "count": str(count)})
    if expect.targets is not None and sorted(expect.targets) != targets:
        return Outcome(case, count, targets, "rules.test.targets",
                       {"expected": ", ".join(sorted(expect.targets)) or "-", "targets": shown})
    return Outcome(case, count, targets, None)
