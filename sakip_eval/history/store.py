"""The run history: every `score` run recorded in SQLite, read back by `history` (the yearly trend) and
`diff` (what changed between two runs, and why).

One run is written in one transaction (`BEGIN IMMEDIATE` ... `COMMIT`), so a run killed midway leaves no
trace and never damages the runs before it; concurrent runs wait for each other. The schema is versioned
with `PRAGMA user_version`: a file from a newer version is refused with a message rather than misread,
and an older one is migrated step by step (`MIGRATIONS`).

The history may be pointed at any path (`--history`), so the file is checked before anything is written:
an existing file must be this tool's own history (a known `user_version` and its `runs` table, read
through a read-only connection); another program's database is refused and left exactly as it was (no
table, no user_version, no journal mode). A symbolic link in place of the file is refused, so a link
cannot make the tool create or change a file elsewhere. Reading (`history`, `diff`) opens the file
read-only: it needs no write access and changes nothing. Rows are checked as they are read: a total that
is not a number from 0 to 100 is a located error, not a crash.

A run stores what is needed to explain a change later without the workspace: the hash of each input
file as it was read, and of the rulebook, the total and category, every sub-component's grade with the
rules that capped or raised it, every criterion's claimed and predicted answer with the rules behind it,
and the follow-up status of each recommendation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sakip_eval import __version__
from sakip_eval.errors import InputError
from sakip_eval.io.state import state_file
from sakip_eval.io.workspace import FILES, Workspace

if TYPE_CHECKING:  # types only: `history` and `diff` read runs without loading the prediction and its engine
    from sakip_eval.scoring.prediction import Prediction, Reason

FILE_NAME = "history.sqlite"
SCHEMA_VERSION = 1
BUSY_TIMEOUT = 30.0
SQLITE_MAX_INT = 2**63 - 1
SCHEMA_V1 = (
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        workspace TEXT NOT NULL,
        opd TEXT NOT NULL,
        evaluation_year INTEGER NOT NULL,
        regime TEXT NOT NULL,
        rulebook TEXT NOT NULL,
        inputs TEXT NOT NULL,
        total TEXT NOT NULL,
        category TEXT NOT NULL,
        version TEXT NOT NULL
    )""",
    """CREATE TABLE run_inputs (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (run_id, file)
    )""",
    """CREATE TABLE run_grades (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        subcomponent TEXT NOT NULL,
        base_grade TEXT NOT NULL,
        grade TEXT NOT NULL,
        score TEXT NOT NULL,
        met INTEGER NOT NULL,
        applicable INTEGER NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (run_id, subcomponent)
    )""",
    """CREATE TABLE run_answers (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL,
        claimed TEXT NOT NULL,
        predicted TEXT NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (run_id, criterion)
    )""",
    """CREATE TABLE run_followup (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        recommendation TEXT NOT NULL,
        status TEXT NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (run_id, recommendation)
    )""",
    "CREATE INDEX runs_by_opd ON runs (opd, evaluation_year, id)",
)
# version reached -> statements that bring the previous version there
MIGRATIONS: dict[int, tuple[str, ...]] = {1: SCHEMA_V1}


@dataclass(frozen=True)
class RunSummary:
    id: int
    at: str
    workspace: str
    opd: str
    evaluation_year: int
    total: Decimal
    category: str
    inputs: str


@dataclass(frozen=True)
class StoredReason:
    """A rule's reason as a run recorded it: the rule, its effect and its text in both languages (so that
    `diff` explains a change without the rulebook of that day)."""

    rule: str
    effect: str
    id: str
    en: str


@dataclass(frozen=True)
class Grade:
    """A recorded sub-component result; two runs differ on it when the grade or the score moved."""

    grade: str
    score: Decimal
    met: int
    applicable: int
    reasons: tuple[StoredReason, ...]

    def compared(self) -> tuple[object, ...]:
        return self.grade, self.score


@dataclass(frozen=True)
class Answer:
    """A recorded criterion; two runs differ on it when the claim or the predicted answer moved."""

    claimed: str
    predicted: str
    reasons: tuple[StoredReason, ...]

    def compared(self) -> tuple[object, ...]:
        return self.claimed, self.predicted


@dataclass(frozen=True)
class FollowupState:
    """A recorded recommendation of the previous LHE: its status and the evidence cited for it."""

    status: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Run:
    summary: RunSummary
    rulebook: str
    files: dict[str, str]
    grades: dict[str, Grade]
    answers: dict[str, Answer]
    followup: dict[str, FollowupState]


State = TypeVar("State")
Recorded = TypeVar("Recorded", Grade, Answer)


@dataclass(frozen=True)
class Change(Generic[State]):
    """One thing that differs between two runs: its state in each run (None where a run lacks it) and, for
    grades and answers, the reasons that appeared or disappeared."""

    id: str
    before: State | None
    after: State | None
    added: list[StoredReason] = field(default_factory=list)
    removed: list[StoredReason] = field(default_factory=list)


@dataclass(frozen=True)
class RunDiff:
    a: RunSummary
    b: RunSummary
    rulebook: tuple[str, str]
    inputs: list[Change[str]]  # a file's sha256
    subcomponents: list[Change[Grade]]
    criteria: list[Change[Answer]]
    followup: list[Change[FollowupState]]


@dataclass(frozen=True)
class TrendPoint:
    """One year of the trend: a real LHE total from workspace.yaml `history` (source "lhe"), or the
    latest recorded prediction for that evaluation year (source "run")."""

    year: int
    source: str
    total: Decimal
    run: int | None = None


def default_path(workspace: Path) -> Path:
    """`WS/.sakip/history.sqlite` (a link in place of the state folder or of the file is refused)."""
    return state_file(workspace, FILE_NAME, create_dir=False)


def read_runs(path: Path, opd: str | None) -> list[RunSummary]:
    """The recorded runs (of one OPD when given); none yet when the file does not exist."""
    if not os.path.lexists(path):
        return []
    with open_history(path, create=False) as conn:
        return list_runs(conn, opd)


def trend(history: dict[int, Decimal | None], runs: list[RunSummary]) -> list[TrendPoint]:
    points = [TrendPoint(year, "lhe", total) for year, total in history.items() if total is not None]
    latest = {run.evaluation_year: run for run in sorted(runs, key=lambda r: r.id)}
    points += [TrendPoint(year, "run", run.total, run.id) for year, run in latest.items()]
    return sorted(points, key=lambda p: (p.year, p.source != "lhe"))


@contextmanager
def open_history(path: Path, create: bool) -> Iterator[sqlite3.Connection]:
    """A connection with the schema in place: read-only when `create` is false (a missing file is then
    refused), else read-write, creating the file, only after the file was found to be this tool's own."""
    display = str(path)
    _check_path(path, display, create)
    fresh = not path.exists() or path.stat().st_size == 0
    try:
        if not fresh:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                         timeout=BUSY_TIMEOUT)) as probe:
                _check_ours(probe, display)
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        else:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT,
                                   isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise InputError("history.unusable", file=display, detail=str(exc)) from exc
    with closing(conn):
        try:
            if create:
                conn.execute("PRAGMA foreign_keys=ON")
                _migrate(conn, path)
            yield conn
        except InputError as exc:
            exc.file = exc.file or display
            raise
        except (sqlite3.Error, ValueError, ArithmeticError) as exc:  # also a row that no longer reads back
            raise InputError("history.unusable", file=display, detail=str(exc) or type(exc).__name__) from exc


def _check_path(path: Path, display: str, create: bool) -> None:
    if "\0" in display:
        raise InputError("error.nul_in_path", file=display.replace("\0", "\\0"))
    if path.is_symlink():
        raise InputError("history.link", file=display)
    if path.exists() and not path.is_file():
        raise InputError("error.not_a_file", file=display, fix="history.unusable.fix")
    if not create and not path.exists():
        raise InputError("history.missing", file=display)


def _check_ours(conn: sqlite3.Connection, display: str) -> None:
    """Refuse a database that is not a sakip-eval history (read through a read-only connection)."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise InputError("history.newer", file=display, found=version, supported=SCHEMA_VERSION)
    runs = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'").fetchone()
    if version < 1 or runs is None:
        raise InputError("history.not_history", file=display)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise InputError("history.newer", file=str(path), found=version, supported=SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # another process may have migrated while we waited for the write lock
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def input_hashes(ws: Workspace) -> dict[str, str]:
    """sha256 of every workspace file as it was read (a file changed since is not what was scored), plus the
    rulebook's fingerprint."""
    hashes = {name: doc.source.sha256 for name in FILES
              if (doc := ws.documents.get(name)) is not None and doc.source is not None}
    hashes["rulebook"] = ws.rulebook.fingerprint
    return hashes


def record_run(path: Path, ws: Workspace, pred: Prediction, now: dt.datetime | None = None) -> int:
    """Append one run; all of it or nothing."""
    hashes = input_hashes(ws)
    combined = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
    at = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    with open_history(path, create=True) as conn:
        return _insert_run(conn, at, combined, hashes, ws, pred)


def _insert_run(
    conn: sqlite3.Connection, at: str, combined: str, hashes: dict[str, str], ws: Workspace, pred: Prediction
) -> int:
    try:
        conn.execute("BEGIN IMMEDIATE")
        cursor = conn.execute(
            "INSERT INTO runs (at, workspace, opd, evaluation_year, regime, rulebook, inputs, total, category,"
            " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, str(ws.path.resolve()), pred.opd, pred.evaluation_year, pred.regime, ws.rulebook.fingerprint,
             combined, str(pred.total), pred.category, __version__),
        )
        run_id = int(cursor.lastrowid or 0)
        _write_details(conn, run_id, hashes, pred)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return run_id


def _write_details(conn: sqlite3.Connection, run_id: int, hashes: dict[str, str], pred: Prediction) -> None:
    """Everything of a run but its header row (inside the run's transaction)."""
    conn.executemany("INSERT INTO run_inputs VALUES (?, ?, ?)",
                     [(run_id, name, digest) for name, digest in sorted(hashes.items())])
    conn.executemany("INSERT INTO run_grades VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (run_id, sub.id, sub.base_grade, sub.grade, str(sub.score), sub.met, sub.applicable,
         _reasons_json([*sub.caps, *sub.upgrades]))
        for comp in pred.components for sub in comp.subcomponents
    ])
    conn.executemany("INSERT INTO run_answers VALUES (?, ?, ?, ?, ?)", [
        (run_id, c.id, c.claimed, c.predicted, _reasons_json(c.reasons)) for c in pred.criteria
    ])
    conn.executemany("INSERT INTO run_followup VALUES (?, ?, ?, ?)", [
        (run_id, f.id, f.status, json.dumps(list(f.evidence))) for f in pred.followup
    ])


def _reasons_json(reasons: list[Reason]) -> str:
    """Rule id, effect and text in both languages, so `diff` explains in either language later."""
    return json.dumps([{"rule": r.rule, "effect": r.effect, "id": r.text.id, "en": r.text.en} for r in reasons],
                      ensure_ascii=False, sort_keys=True)


def list_runs(conn: sqlite3.Connection, opd: str | None = None) -> list[RunSummary]:
    rows = conn.execute(
        "SELECT id, at, workspace, opd, evaluation_year, total, category, inputs FROM runs"
        + (" WHERE opd = ?" if opd is not None else "") + " ORDER BY id",
        (opd,) if opd is not None else (),
    ).fetchall()
    return [RunSummary(int(r[0]), r[1], r[2], r[3], int(r[4]), _total(r[5], r[0]), r[6], r[7]) for r in rows]


def _total(value: object, run_id: object) -> Decimal:
    """A recorded total: a number from 0 to 100 (a row edited by hand to NaN, 1e30 or -5 is refused)."""
    try:
        total = Decimal(str(value))
    except ArithmeticError:
        total = Decimal("NaN")
    if not total.is_finite() or not 0 <= total <= 100:
        raise InputError("history.bad_total", id=str(run_id), value=str(value)[:40])
    return total


def load_run(conn: sqlite3.Connection, run_id: int, display: str) -> Run:
    row = conn.execute(
        "SELECT id, at, workspace, opd, evaluation_year, total, category, inputs, rulebook FROM runs WHERE id = ?",
        (run_id,),
    ).fetchone() if 0 <= run_id <= SQLITE_MAX_INT else None
    if row is None:
        raise InputError("history.unknown_run", file=display, id=run_id)
    summary = RunSummary(int(row[0]), row[1], row[2], row[3], int(row[4]), _total(row[5], row[0]), row[6], row[7])
    files = dict(conn.execute("SELECT file, sha256 FROM run_inputs WHERE run_id = ?", (run_id,)).fetchall())
    grades = {
        r[0]: Grade(r[1], Decimal(r[2]), int(r[3]), int(r[4]), _stored_reasons(r[5]))
        for r in conn.execute("SELECT subcomponent, grade, score, met, applicable, reasons FROM run_grades"
                              " WHERE run_id = ? ORDER BY rowid", (run_id,))
    }
    answers = {
        r[0]: Answer(r[1], r[2], _stored_reasons(r[3]))
        for r in conn.execute("SELECT criterion, claimed, predicted, reasons FROM run_answers WHERE run_id = ?"
                              " ORDER BY rowid", (run_id,))
    }
    followup = {
        r[0]: FollowupState(r[1], _stored_strings(r[2]))
        for r in conn.execute("SELECT recommendation, status, evidence FROM run_followup WHERE run_id = ?"
                              " ORDER BY rowid", (run_id,))
    }
    return Run(summary, str(row[8]), files, grades, answers, followup)


def _stored_reasons(text: str) -> tuple[StoredReason, ...]:
    """The reasons column read back; a value edited out of shape is a ValueError (reported with the file)."""
    items = json.loads(text)
    if not isinstance(items, list):
        raise ValueError(f"recorded reasons are not a list: {text[:80]}")
    fields = ("rule", "effect", "id", "en")
    for item in items:
        if not isinstance(item, dict) or not all(isinstance(item.get(name), str) for name in fields):
            raise ValueError(f"a recorded reason is damaged: {str(item)[:80]}")
    return tuple(StoredReason(*(item[name] for name in fields)) for item in items)


def _stored_strings(text: str) -> tuple[str, ...]:
    items = json.loads(text)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"recorded evidence is not a list of ids: {text[:80]}")
    return tuple(items)


def diff_runs(a: Run, b: Run) -> RunDiff:
    inputs = [Change(name, a.files.get(name), b.files.get(name))
              for name in sorted(set(a.files) | set(b.files)) if a.files.get(name) != b.files.get(name)]
    followup = [Change(rec, a.followup.get(rec), b.followup.get(rec))
                for rec in dict.fromkeys([*a.followup, *b.followup]) if a.followup.get(rec) != b.followup.get(rec)]
    return RunDiff(a.summary, b.summary, (a.rulebook, b.rulebook), inputs, _changes(a.grades, b.grades),
                   _changes(a.answers, b.answers), followup)


def _changes(before: Mapping[str, Recorded], after: Mapping[str, Recorded]) -> list[Change[Recorded]]:
    """The recorded results (grades or answers) that differ between two runs, in the runs' order, with the
    reasons that came and went."""
    changes: list[Change[Recorded]] = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old is None or new is None or old.compared() != new.compared():
            changes.append(Change(key, old, new, *_reason_delta(old.reasons if old else (),
                                                                 new.reasons if new else ())))
    return changes


def _reason_delta(
    before: tuple[StoredReason, ...], after: tuple[StoredReason, ...]
) -> tuple[list[StoredReason], list[StoredReason]]:
    """Reasons that appeared and that disappeared (compared by rule and text)."""
    old, new = {(r.rule, r.id) for r in before}, {(r.rule, r.id) for r in after}
    return [r for r in after if (r.rule, r.id) not in old], [r for r in before if (r.rule, r.id) not in new]


def pick_runs(runs: list[RunSummary], first: int | None, second: int | None, display: str) -> tuple[int, int]:
    """The two runs to compare: both given; only one (compared with the latest run); or none (the
    latest run and the one before it)."""
    ids = [r.id for r in runs]
    if first is not None and second is not None:
        return first, second
    if first is not None:
        if not ids:
            raise InputError("history.need_two", file=display, count=0)
        return first, ids[-1]
    if len(ids) < 2:
        raise InputError("history.need_two", file=display, count=len(ids))
    return ids[-2], ids[-1]
