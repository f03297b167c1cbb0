"""How long `sakip-eval check` and a prediction with findings take on the bundled 2025 workspace.

Prints numbers; asserts nothing (timings do not belong in tests). Run with `.venv/bin/python
benchmarks/bench_check.py [RUNS]`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sakip_eval.checks.findings import check_facts, run_checks
from sakip_eval.io.workspace import load_workspace
from sakip_eval.scoring.prediction import predict

WORKSPACE = Path(__file__).resolve().parent.parent / "evidence/mojosari-2025"


def timed(label: str, runs: int, work: object) -> None:
    assert callable(work)
    start = time.perf_counter()
    for _ in range(runs):
        work()
    elapsed = (time.perf_counter() - start) / runs
    print(f"{label:<40} {elapsed * 1000:8.1f} ms per run ({runs} runs)")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    ws = load_workspace(WORKSPACE)
    assert ws.lkjip is not None
    facts, _ = check_facts(ws)
    print(f"derived facts: {len(facts)}, findings: {len(run_checks(ws))}")
    timed("load workspace (with lkjip.yaml)", runs, lambda: load_workspace(WORKSPACE))
    timed("derive check facts (families)", runs, lambda: check_facts(ws))
    timed("run checks (derive + engine)", runs, lambda: run_checks(ws))
    timed("predict (checks + rules + scoring)", runs, lambda: predict(ws))


if __name__ == "__main__":
    main()
