"""Score many workspaces at once: the Inspektorat's first pass over all of its OPDs.

Workspaces are scored in a pool of worker processes (durable-rules keeps its rulesets per process, so
each worker compiles the rulebook once and reuses it for every workspace it is handed). A workspace
that fails to load becomes an error row carrying its rendered message; the others are still scored.
Results are plain dicts so they cross process boundaries cheaply; the ranking, the distribution of
categories and the most common open recommendations are computed in the parent.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def score_one(path: str, lang: Lang) -> dict[str, Any]:
    """One workspace as a result row; runs in a worker process."""
    try:
        pred = predict(load_workspace(Path(path)))
    except InputError as exc:
        return {"path": path, "error": exc.render(lang)}
    except OSError as exc:  # a folder the system refuses: reported, and the others are still scored
        return {"path": path, "error": InputError("error.os", file=exc.filename or path,
                                                  detail=exc.strerror or str(exc)).render(lang)}
    open_recs = [r for r in pred.recommendations if r.kind in OPEN_KINDS]
    return {
        "path": path, "error": None, "opd": pred.opd, "pemda": pred.pemda,
        "evaluation_year": pred.evaluation_year, "regime": pred.regime, "total": number(pred.total),
        "category": pred.category,
        "next_category": pred.next_category.code if pred.next_category else None,
        "gap": number(pred.next_category.gap) if pred.next_category else None,
        "criteria_met": sum(1 for c in pred.criteria if c.predicted == "true"),
        "criteria_applicable": sum(1 for c in pred.criteria if c.predicted != "na"),
        "open_recommendations": [{"id": r.id, "text": r.text.get(lang), "points": number(r.points)}
                                 for r in open_recs],
    }


def _leave_interrupt_to_parent() -> None:
    """Workers ignore Ctrl+C: the parent stops the pool and says so once, instead of every worker
    printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _score_chunk(paths: list[str], lang: Lang) -> list[dict[str, Any]]:
    return [score_one(p, lang) for p in paths]


@dataclass
class BatchResult:
    results: list[dict[str, Any]]
    distribution: dict[str, int] = field(default_factory=dict)
    common: list[dict[str, Any]] = field(default_factory=list)

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [r for r in self.results if r["error"]]


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def score_many(paths: list[Path], lang: Lang, jobs: int | None = None, top: int = 10,
               progress: Callable[[int], None] | None = None) -> BatchResult:
    """Score every workspace with `jobs` processes (one process: in this one), then rank them.
    `progress` hears how many workspaces each finished piece of work held."""
    jobs = jobs or default_jobs()
    names = [str(p) for p in paths]
    done = progress or (lambda count: None)
    rows: list[dict[str, Any]] = []
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


def rank(rows: list[dict[str, Any]], top: int = 10) -> BatchResult:
    """Highest total first (ties by OPD name, then path); error rows last, in input order."""
    scored = sorted((r for r in rows if not r["error"]), key=lambda r: (-r["total"], r["opd"], r["path"]))
    for index, row in enumerate(scored, start=1):
        row["rank"] = index
    failed = [{**r, "rank": None} for r in rows if r["error"]]
    regime = scored[0]["regime"] if scored else "lke-2021"
    codes = [c.code for c in sorted(load_rulebook(regime).regime.categories, key=lambda c: -c.lower)]
    counts = Counter(r["category"] for r in scored)
    distribution = {code: counts.get(code, 0) for code in codes}
    texts: dict[str, str] = {}
    tally: Counter[str] = Counter()
    for row in scored:
        for rec in row["open_recommendations"]:
            tally[rec["id"]] += 1
            texts.setdefault(rec["id"], rec["text"])
    common = [{"id": rec_id, "text": texts[rec_id], "count": count}
              for rec_id, count in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return BatchResult(scored + failed, distribution, common)
