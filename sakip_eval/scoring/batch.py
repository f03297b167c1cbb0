"""Score many workspaces at once: the Inspektorat's first pass over all of its OPDs.

Workspaces are scored in a pool of worker processes (durable-rules keeps its rulesets per process, so
each worker compiles the rulebook once and reuses it for every workspace it is handed). A workspace
that fails to load becomes an error row carrying its rendered message; the others are still scored.
Each result is a small frozen record (:class:`Scored` or :class:`Failed`) that crosses process boundaries
cheaply; the ranking, the distribution of categories and the most common open recommendations are computed
in the parent.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang
from sakip_eval.io.workspace import load_workspace
from sakip_eval.render.jsontext import number
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.prediction import predict

OPEN_KINDS = ("rule", "criterion")


@dataclass
class Discovered:
    """The workspaces to score, and the sub-folders passed over because they hold no workspace.yaml."""

    workspaces: list[Path]
    skipped: list[Path]


def discover(paths: Iterable[Path]) -> Discovered:
    """Each argument is a workspace (it has workspace.yaml) or a folder of workspaces: its visible sub-folders
    that hold a workspace.yaml, in name order; other sub-folders (documents, archives), and a folder without
    any workspace, are passed over, not reported as broken workspaces. A missing path stays in the list and
    becomes an error row."""
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir() and not (path / "workspace.yaml").exists():
            folders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
            inside = [p for p in folders if (p / "workspace.yaml").is_file()]
            found.extend(inside)
            skipped.extend([p for p in folders if p not in inside] if inside else [path])
        else:
            found.append(path)
    return Discovered(found, skipped)


@dataclass(frozen=True)
class OpenRecommendation:
    """A recommendation a workspace has not acted on yet (a rule's or a criterion's), with what it is worth."""

    id: str
    text: str
    points: Decimal


@dataclass(frozen=True)
class Scored:
    """A workspace scored: what the ranking, its files and the tally of open recommendations read."""

    path: str
    opd: str
    pemda: str | None
    evaluation_year: int
    regime: str
    total: Decimal
    category: str
    next_category: str | None
    gap: Decimal | None
    criteria_met: int
    criteria_applicable: int
    open_recommendations: tuple[OpenRecommendation, ...]
    rank: int | None = None  # set by :func:`rank`

    def public(self) -> dict[str, object]:
        """The row of `batch --format json` (and the fields of CSV and XLSX)."""
        return {
            "path": self.path, "error": None, "opd": self.opd, "pemda": self.pemda,
            "evaluation_year": self.evaluation_year, "regime": self.regime, "total": self.total,
            "category": self.category, "next_category": self.next_category, "gap": self.gap,
            "criteria_met": self.criteria_met, "criteria_applicable": self.criteria_applicable,
            "open_recommendations": [{"id": r.id, "text": r.text, "points": r.points}
                                     for r in self.open_recommendations],
            "rank": self.rank,
        }


@dataclass(frozen=True)
class Failed:
    """A workspace that could not be scored, with the message that says why."""

    path: str
    error: str

    def public(self) -> dict[str, object]:
        return {"path": self.path, "error": self.error, "rank": None}


@dataclass(frozen=True)
class Common:
    """An open recommendation and how many of the scored workspaces have it."""

    id: str
    text: str
    count: int


def score_one(path: str, lang: Lang) -> Scored | Failed:
    """One workspace as a result row; runs in a worker process."""
    try:
        pred = predict(load_workspace(Path(path)))
    except InputError as exc:
        return Failed(path, exc.render(lang))
    except OSError as exc:  # a folder the system refuses: reported, and the others are still scored
        return Failed(path, InputError("error.os", file=exc.filename or path,
                                       detail=exc.strerror or str(exc)).render(lang))
    return Scored(
        path, pred.opd, pred.pemda, pred.evaluation_year, pred.regime, number(pred.total), pred.category,
        pred.next_category.code if pred.next_category else None,
        number(pred.next_category.gap) if pred.next_category else None,
        sum(1 for c in pred.criteria if c.predicted == "true"), sum(1 for c in pred.criteria if c.predicted != "na"),
        tuple(OpenRecommendation(r.id, r.text.get(lang), number(r.points))
              for r in pred.recommendations if r.kind in OPEN_KINDS),
    )


def _leave_interrupt_to_parent() -> None:
    """Workers ignore Ctrl+C: the parent stops the pool and says so once, instead of every worker
    printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _score_chunk(paths: list[str], lang: Lang) -> list[Scored | Failed]:
    return [score_one(p, lang) for p in paths]


@dataclass
class BatchResult:
    results: list[Scored | Failed]
    distribution: dict[str, int] = field(default_factory=dict)
    common: list[Common] = field(default_factory=list)

    @property
    def errors(self) -> list[Failed]:
        return [r for r in self.results if isinstance(r, Failed)]

    def public(self) -> dict[str, object]:
        """`batch --format json`."""
        return {"results": [r.public() for r in self.results], "distribution": self.distribution,
                "common": [{"id": c.id, "text": c.text, "count": c.count} for c in self.common]}


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def score_many(paths: list[Path], lang: Lang, jobs: int | None = None, top: int = 10,
               progress: Callable[[int], None] | None = None) -> BatchResult:
    """Score every workspace with `jobs` processes (one process: in this one), then rank them.
    `progress` hears how many workspaces each finished piece of work held."""
    jobs = jobs or default_jobs()
    names = [str(p) for p in paths]
    done = progress or (lambda count: None)
    rows: list[Scored | Failed] = []
    if jobs == 1 or len(names) < 2:
        for name in names:
            rows.extend(_score_chunk([name], lang))
            done(1)
    else:
        from concurrent.futures import ProcessPoolExecutor  # only here: other commands start faster

        # The first workspace is scored here, before the workers start: it compiles the rulebook and the
        # engine in this process, and workers forked from it (Linux) start with both instead of each
        # building them again.
        rows.extend(_score_chunk(names[:1], lang))
        done(1)
        rest = names[1:]
        # Few large chunks keep the inter-process traffic small; a chunk is scored by one worker.
        size = max(1, min(64, -(-len(rest) // (jobs * 4))))
        chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
        with ProcessPoolExecutor(max_workers=jobs, initializer=_leave_interrupt_to_parent) as pool:
            try:
                for chunk in pool.map(_score_chunk, chunks, [lang] * len(chunks)):
                    rows.extend(chunk)
                    done(len(chunk))
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return rank(rows, top)


def rank(rows: list[Scored | Failed], top: int = 10) -> BatchResult:
    """Highest total first (ties by OPD name, then path); error rows last, in input order."""
    ordered = sorted((r for r in rows if isinstance(r, Scored)), key=lambda r: (-r.total, r.opd, r.path))
    scored = [replace(row, rank=index) for index, row in enumerate(ordered, start=1)]
    failed = [r for r in rows if isinstance(r, Failed)]
    regime = scored[0].regime if scored else "lke-2021"
    codes = [c.code for c in sorted(load_rulebook(regime).regime.categories, key=lambda c: -c.lower)]
    counts = Counter(r.category for r in scored)
    distribution = {code: counts.get(code, 0) for code in codes}
    texts: dict[str, str] = {}
    tally: Counter[str] = Counter()
    for row in scored:
        for rec in row.open_recommendations:
            tally[rec.id] += 1
            texts.setdefault(rec.id, rec.text)
    common = [Common(rec_id, texts[rec_id], count)
              for rec_id, count in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return BatchResult([*scored, *failed], distribution, common)
