"""The run history: every `score` run recorded in SQLite, read back by `history` (the yearly trend) and
`diff` (what changed between two runs, and why).

One run is written in one transaction (`BEGIN IMMEDIATE` ... `COMMIT`) in WAL mode, so a run killed
midway leaves no trace and never damages the runs before it; concurrent runs wait for each other.
The schema is versioned with `PRAGMA user_version`: a file from a newer version is refused with a
message rather than misread, and an older one is migrated step by step (`MIGRATIONS`).

A run stores what is needed to explain a change later without the workspace: the hash of each input
file and of the rulebook, the total and category, every sub-component's grade with the rules that
capped or raised it, every criterion's claimed and predicted answer with the rules behind it, and the
follow-up status of each recommendation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sakip_eval import __version__
from sakip_eval.errors import InputError
from sakip_eval.io.workspace import FILES, STATE_DIR, Workspace

if TYPE_CHECKING:  # types only: `history` and `diff` read runs without loading the prediction and its engine
    from sakip_eval.scoring.prediction import Prediction, Reason

FILE_NAME = "history.sqlite"
SCHEMA_VERSION = 1
BUSY_TIMEOUT = 30.0
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
class Grade:
    """A recorded sub-component result; two runs differ on it when the grade or the score moved."""

    grade: str
    score: Decimal
    met: int
    applicable: int
    reasons: list[dict[str, str]]

    def compared(self) -> tuple[object, ...]:
        return self.grade, self.score

    def shown(self) -> dict[str, Any]:
        return {"grade": self.grade, "score": self.score, "met": self.met, "applicable": self.applicable}


@dataclass(frozen=True)
class Answer:
    """A recorded criterion; two runs differ on it when the claim or the predicted answer moved."""

    claimed: str
    predicted: str
    reasons: list[dict[str, str]]

    def compared(self) -> tuple[object, ...]:
        return self.claimed, self.predicted

    def shown(self) -> dict[str, Any]:
        return {"claimed": self.claimed, "predicted": self.predicted}


@dataclass(frozen=True)
class Run:
    summary: RunSummary
    rulebook: str
    files: dict[str, str]
    grades: dict[str, Grade]
    answers: dict[str, Answer]
    followup: dict[str, tuple[str, list[str]]]


@dataclass(frozen=True)
class Change:
    """One thing that differs between two runs; `why` lists the rules that appeared or disappeared."""

    id: str
    before: dict[str, Any]
    after: dict[str, Any]
    added: list[dict[str, str]] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class RunDiff:
    a: RunSummary
    b: RunSummary
    rulebook: tuple[str, str]
    inputs: list[Change]
    subcomponents: list[Change]
    criteria: list[Change]
    followup: list[Change]


@dataclass(frozen=True)
class TrendPoint:
    """One year of the trend: a real LHE total from workspace.yaml `history` (source "lhe"), or the
    latest recorded prediction for that evaluation year (source "run")."""

    year: int
    source: str
    total: Decimal
    run: int | None = None


def default_path(workspace: Path) -> Path:
    return workspace / STATE_DIR / FILE_NAME


def read_runs(path: Path, opd: str | None) -> list[RunSummary]:
    """The recorded runs (of one OPD when given); none yet when the file does not exist."""
    if path.exists() and not path.is_file():
        raise InputError("error.not_a_file", file=str(path), fix="history.unusable.fix")
    if not path.is_file():
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
    """A connection with the schema in place; `create=False` refuses a missing file instead of making one."""
    if not create and not path.is_file():
        raise InputError("history.missing", file=str(path))
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise InputError("history.unusable", file=str(path), detail=str(exc)) from exc
    with closing(conn):
        try:
            if not create and int(conn.execute("PRAGMA user_version").fetchone()[0]) == 0:
                # an empty file or another program's database: reading commands never write our schema into it
                raise InputError("history.not_history", file=str(path))
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            _migrate(conn, path)
            yield conn
        except (sqlite3.Error, ValueError, ArithmeticError) as exc:  # also a row that no longer reads back
            raise InputError("history.unusable", file=str(path), detail=str(exc) or type(exc).__name__) from exc


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
    """sha256 of every workspace file that was read, plus the rulebook's fingerprint."""
    hashes = {name: hashlib.sha256((ws.path / name).read_bytes()).hexdigest() for name in FILES
              if name in ws.documents}
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
    return [RunSummary(int(r[0]), r[1], r[2], r[3], int(r[4]), Decimal(r[5]), r[6], r[7]) for r in rows]


def load_run(conn: sqlite3.Connection, run_id: int, display: str) -> Run:
    row = conn.execute(
        "SELECT id, at, workspace, opd, evaluation_year, total, category, inputs, rulebook FROM runs WHERE id = ?",
        (run_id,),
    ).fetchone()
    if row is None:
        raise InputError("history.unknown_run", file=display, id=run_id)
    summary = RunSummary(int(row[0]), row[1], row[2], row[3], int(row[4]), Decimal(row[5]), row[6], row[7])
    files = dict(conn.execute("SELECT file, sha256 FROM run_inputs WHERE run_id = ?", (run_id,)).fetchall())
    grades = {
        r[0]: Grade(r[1], Decimal(r[2]), int(r[3]), int(r[4]), json.loads(r[5]))
        for r in conn.execute("SELECT subcomponent, grade, score, met, applicable, reasons FROM run_grades"
                              " WHERE run_id = ? ORDER BY rowid", (run_id,))
    }
    answers = {
        r[0]: Answer(r[1], r[2], json.loads(r[3]))
        for r in conn.execute("SELECT criterion, claimed, predicted, reasons FROM run_answers WHERE run_id = ?"
                              " ORDER BY rowid", (run_id,))
    }
    followup = {
        r[0]: (r[1], list(json.loads(r[2])))
        for r in conn.execute("SELECT recommendation, status, evidence FROM run_followup WHERE run_id = ?"
                              " ORDER BY rowid", (run_id,))
    }
    return Run(summary, str(row[8]), files, grades, answers, followup)


def diff_runs(a: Run, b: Run) -> RunDiff:
    inputs = [
        Change(name, {"sha256": a.files.get(name)}, {"sha256": b.files.get(name)})
        for name in sorted(set(a.files) | set(b.files)) if a.files.get(name) != b.files.get(name)
    ]
    followup = [
        Change(rec,
               {"status": a.followup[rec][0], "evidence": a.followup[rec][1]} if rec in a.followup else {},
               {"status": b.followup[rec][0], "evidence": b.followup[rec][1]} if rec in b.followup else {})
        for rec in dict.fromkeys([*a.followup, *b.followup]) if a.followup.get(rec) != b.followup.get(rec)
    ]
    return RunDiff(a.summary, b.summary, (a.rulebook, b.rulebook), inputs, _changes(a.grades, b.grades),
                   _changes(a.answers, b.answers), followup)


def _changes(before: Mapping[str, Grade | Answer], after: Mapping[str, Grade | Answer]) -> list[Change]:
    """The recorded results (grades or answers) that differ between two runs, in the runs' order, with the
    reasons that came and went."""
    changes = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old is None or new is None or old.compared() != new.compared():
            changes.append(Change(key, old.shown() if old else {}, new.shown() if new else {},
                                  *_reason_delta(old.reasons if old else [], new.reasons if new else [])))
    return changes


def _reason_delta(
    before: list[dict[str, str]], after: list[dict[str, str]]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Reasons that appeared and that disappeared (compared by rule and text)."""
    old, new = {_reason_key(r) for r in before}, {_reason_key(r) for r in after}
    return [r for r in after if _reason_key(r) not in old], [r for r in before if _reason_key(r) not in new]


def _reason_key(reason: dict[str, str]) -> tuple[str, str]:
    return reason["rule"], reason["id"]


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
