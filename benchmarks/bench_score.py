"""`make bench`: wall time of `sakip-eval score` against a bare import of its stack, and in-process
prediction time per workspace. Prints numbers; asserts nothing (goals live in the issue, not in tests).

Goals (issue 2): CLI wall time / bare-import wall time <= 1.3; in-process scoring <= 5 ms.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKSPACES = [ROOT / "evidence" / "mojosari-2024", ROOT / "evidence" / "mojosari-2025"]
RUNS = 15


def wall(cmd: list[str]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    bare = wall([sys.executable, "-c", "import durable.lang, pydantic, typer, rich"])
    for ws_path in WORKSPACES:
        for fmt in ("table", "json"):
            cli = wall([str(BIN / "sakip-eval"), "score", str(ws_path), "--format", fmt, "--no-history"])
            print(f"{ws_path.name} score --format {fmt}: {cli * 1000:.0f} ms; bare import {bare * 1000:.0f} ms; "
                  f"ratio {cli / bare:.2f} (goal <= 1.3)")

    from sakip_eval.io.workspace import load_workspace
    from sakip_eval.scoring.prediction import predict

    for ws_path in WORKSPACES:
        ws = load_workspace(ws_path)
        predict(ws)  # compile the rulebook once, as a long-running process would
        n = 200
        start = time.perf_counter()
        for _ in range(n):
            predict(ws)
        per_predict = (time.perf_counter() - start) / n
        start = time.perf_counter()
        for _ in range(50):
            load_workspace(ws_path)
        per_load = (time.perf_counter() - start) / 50
        print(f"{ws_path.name}: predict {per_predict * 1000:.2f} ms/workspace (goal <= 5 ms); "
              f"load {per_load * 1000:.2f} ms; load+predict {(per_load + per_predict) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
