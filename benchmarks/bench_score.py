"""`make bench`: the command line against a bare import of its stack, and in-process prediction per workspace.
Prints numbers; asserts nothing (goals live in issue 12, not in tests).

Wall times are same-run ratios: each round runs the bare import, `score` and `--help` one after the other,
so a machine that slows down (others' jobs on 2 shared cores) slows all three; the ratio reported is the
median of the rounds' ratios. In-process prediction is reported as wall time and as CPU time (what this
process itself spent, the steadier figure on a busy machine).

Bars (issue 12): score <= 2.0x the bare import (goal 1.3); `--help` <= 1.3x; prediction of the bundled
2025 workspace <= 20 ms (goal 5).

    python benchmarks/bench_score.py [ROUNDS]
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKSPACES = [ROOT / "evidence" / "mojosari-2024", ROOT / "evidence" / "mojosari-2025"]
ROUNDS = 15


# What `score` cannot avoid with its stack, beyond the bare import (a lower bound): `import pydantic` alone
# loads nothing of the model machinery (pydantic imports it lazily, on the first BaseModel), and the
# workspace's YAML must at least be parsed into libyaml's events (no nodes, no values built).
# sakip_eval's own code is not in it.
STACK_FLOOR = """
import sys
from pathlib import Path
import durable.lang, pydantic, typer, rich, yaml
from pydantic import BaseModel
class Probe(BaseModel):
    value: int
Probe.model_validate({"value": 1})
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    for _ in yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
        pass
"""


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    return time.perf_counter() - start


def command_line(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SAKIP_EVAL_CACHE": cache}  # the rulebook cache filled once, as a user's would be
        ws = str(WORKSPACES[1])
        commands: dict[str, list[str]] = {
            "bare import": [sys.executable, "-c", "import durable.lang, pydantic, typer, rich"],
            "score (table)": [str(BIN / "sakip-eval"), "score", ws, "--no-history"],
            "score --format json": [str(BIN / "sakip-eval"), "score", ws, "--format", "json", "--no-history"],
            "--help": [str(BIN / "sakip-eval"), "--help"],
            "stack floor": [sys.executable, "-c", STACK_FLOOR, ws],
        }
        for cmd in commands.values():
            wall(cmd, env)  # warm the file cache and the rulebook cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, cmd in commands.items():
                times[name].append(wall(cmd, env))
    bare = times["bare import"]
    print(f"bare import (durable, pydantic, typer, rich): median {statistics.median(bare) * 1000:.0f} ms")
    for name, bar in (("score (table)", 2.0), ("score --format json", 2.0), ("--help", 1.3)):
        ratios = [t / b for t, b in zip(times[name], bare, strict=True)]
        print(f"{name}: median {statistics.median(times[name]) * 1000:.0f} ms; "
              f"ratio {statistics.median(ratios):.2f} (bar <= {bar}{', goal 1.3' if bar == 2.0 else ''})")
    floor = [t / b for t, b in zip(times["stack floor"], bare, strict=True)]
    print(f"stack floor of score (the bare import, pydantic's model machinery, libyaml parsing the workspace; "
          f"the engine's own floor below comes on top): median {statistics.median(times['stack floor']) * 1000:.0f} "
          f"ms; ratio {statistics.median(floor):.2f}")


def per_call(work: Callable[[], object], n: int) -> tuple[float, float]:
    """Median wall and CPU time of one call, in ms, over `n` calls."""
    walls, cpus = [], []
    for _ in range(n):
        w, c = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def in_process() -> None:
    from sakip_eval.io.workspace import load_workspace
    from sakip_eval.scoring.prediction import predict

    for ws_path in WORKSPACES:
        ws = load_workspace(ws_path)
        predict(ws)  # compile the rulebook once, as a long-running process would
        predict_wall, predict_cpu = per_call(lambda ws=ws: predict(ws), 100)
        load_wall, _ = per_call(lambda p=ws_path: load_workspace(p), 30)
        print(f"{ws_path.name}: predict {predict_wall:.2f} ms wall, {predict_cpu:.2f} ms CPU (bar <= 20, goal 5); "
              f"load {load_wall:.2f} ms")


def engine_floor() -> float:
    """What durable-rules itself costs per prediction, before any of sakip_eval's Python runs: the same
    ruleset and the same facts of the 2025 workspace, but actions that conclude nothing (so the later
    stages have less to match: a lower bound). Creating a session allocates memory for every join of the
    ruleset, each asserted fact is parsed and stored by the C engine, and each firing crosses into Python
    as JSON. Printed so the prediction bar can be read against the engine's own floor; returns its CPU ms."""
    import json

    from durable import engine as durable_engine

    from sakip_eval.checks.findings import check_facts
    from sakip_eval.engine.durable import compile_program, tick_fact
    from sakip_eval.engine.facts import closing_scenarios, derive_facts
    from sakip_eval.engine.program import STAGES, program_for
    from sakip_eval.io.workspace import load_workspace

    ws = load_workspace(WORKSPACES[1])
    _, slim = check_facts(ws)
    facts = [*derive_facts(ws), *closing_scenarios(ws), *slim]
    program = program_for(ws.rulebook)

    class Host(durable_engine.Host):  # type: ignore[misc]
        def _run(self) -> None:
            """No timer threads (see sakip_eval.engine.durable)."""

        def get_action(self, action_name: str) -> Callable[[object], None]:
            return lambda closure: None

    host = Host()
    name = "floor"
    host.set_rulesets(json.loads(json.dumps({name: compile_program(program)})))
    sessions = iter(range(10**9))

    def run() -> None:
        sid = f"f{next(sessions)}"
        host.assert_facts(name, [{**fact, "sid": sid} for fact in facts])
        for stage in STAGES:
            host.assert_fact(name, tick_fact(stage, sid))
        host.delete_state(name, sid)  # safe: the tick rule's action ran

    run()
    floor_wall, floor_cpu = per_call(run, 50)
    print(f"durable-rules alone on the 2025 workspace ({len(facts)} facts, {len(program.productions)} rules, "
          f"actions that conclude nothing): {floor_wall:.2f} ms wall, {floor_cpu:.2f} ms CPU (the prediction "
          f"bar is 20 ms)")
    return floor_cpu


def compile_package() -> None:
    """Bytecode for sakip_eval before anything is timed: where PYTHONDONTWRITEBYTECODE is set, every run would
    otherwise compile the package again and the figures would measure the compiler."""
    compileall.compile_dir(ROOT / "sakip_eval", quiet=1)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    compile_package()
    command_line(rounds)
    in_process()
    engine_floor()


if __name__ == "__main__":
    main()
