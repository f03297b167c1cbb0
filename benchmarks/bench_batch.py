"""Benchmark `batch`: workspaces per second and memory growth from 100 to 1,000 workspaces.

Copies of the bundled Mojosari 2025 workspace (each with its own OPD name) are written to a temporary
folder and scored with :func:`sakip_eval.scoring.batch.score_many` in worker processes, as `sakip-eval batch`
does. Memory is the resident set (VmRSS) of this process plus all its descendants, sampled every
20 ms; the figure reported is the peak of each run. Throughput is given twice: by the wall clock, and by the
CPU the batch spent (workers included), which is what it does with 2 free cores on a machine others share.
Bars (issue 12): >= 50 workspaces/s on 2 cores (goal 200), <= 50 MB growth from 100 to 1,000 workspaces.

    python benchmarks/bench_batch.py [--jobs N] [--sizes 100,1000]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path

from sakip_eval.i18n import Lang
from sakip_eval.scoring.batch import default_jobs, discover, score_many

SOURCE = Path(__file__).resolve().parent.parent / "evidence" / "mojosari-2025"


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found.append(int(child))
                found.extend(_descendants(int(child)))
    except OSError:
        pass
    return found


class PeakRss:
    """Samples the tree's total RSS in a thread; `peak_mib` after `stop()`."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss_kib(p) for p in [me, *_descendants(me)]))
            self._stop.wait(0.02)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mib(self) -> float:
        return self.peak / 1024


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers, once shut down)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def make_copies(root: Path, count: int) -> Path:
    folder = root / f"ws-{count}"
    folder.mkdir()
    meta = (SOURCE / "workspace.yaml").read_text(encoding="utf-8")
    for index in range(count):
        target = folder / f"opd-{index:04d}"
        shutil.copytree(SOURCE, target)
        (target / "workspace.yaml").write_text(
            meta.replace("opd: Kecamatan Mojosari", f"opd: Kecamatan Mojosari {index:04d}"), encoding="utf-8")
    return folder


def per_workspace_floor() -> float:
    """CPU ms one workspace costs at the least: parsing its YAML files into libyaml's events (no values
    built) plus durable-rules' own work on its facts (bench_score.engine_floor)."""
    import yaml
    from bench_score import engine_floor, per_call

    texts = [path.read_text(encoding="utf-8") for path in sorted(SOURCE.glob("*.yaml"))]

    def parse() -> None:
        for text in texts:
            for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
                pass

    _, parse_cpu = per_call(parse, 30)
    return parse_cpu + engine_floor()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--sizes", default="100,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            paths = discover([make_copies(Path(tmp), size)]).workspaces
            with PeakRss() as rss:
                start, cpu = time.perf_counter(), _cpu()
                result = score_many(paths, Lang.ID, jobs=args.jobs)
                elapsed, spent = time.perf_counter() - start, _cpu() - cpu
            assert len(result.results) == size and not result.errors
            peaks[size] = rss.peak_mib
            # On a machine others load too, the CPU the batch spent (its workers' included) says what it would do
            # with the cores to itself: workspaces per CPU second, times the jobs.
            print(f"batch {size:>5} workspaces, {args.jobs} jobs: {elapsed:6.2f} s, "
                  f"{size / elapsed:7.1f} workspaces/s wall; {spent:6.2f} s CPU, "
                  f"{size / spent * args.jobs:7.1f} workspaces/s on {args.jobs} free cores (bar >= 50, goal 200); "
                  f"peak RSS {rss.peak_mib:6.1f} MiB")
    floor = per_workspace_floor()
    print(f"floor per workspace, before any of sakip_eval's own code: {floor:.1f} ms CPU (libyaml's events of its "
          f"files and durable-rules alone); at most {1000 / floor * args.jobs:.0f} workspaces/s on {args.jobs} "
          f"free cores")
    if len(sizes) > 1:
        growth = peaks[sizes[-1]] - peaks[sizes[0]]
        print(f"batch memory growth {sizes[0]} -> {sizes[-1]} workspaces: {growth:+.1f} MiB (goal <= 50)")


if __name__ == "__main__":
    main()
