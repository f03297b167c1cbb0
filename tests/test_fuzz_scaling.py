"""Size-scaled inputs: every reader and check costs time and memory in proportion to its input.

Each reader runs on inputs of size n, 2n and 4n up to its limit (a letter's continuation lines and one
long line, lkjip.yaml budget lines under one parent, a YAML list, workbook rows, inventory items through
the whole prediction, recommendations edited by `followup set`). Quadrupling the input may cost at most
eight times the CPU time (the best of three runs, the garbage collector paused) and the traced memory of
size n: linear or n log n with room for a loaded machine's noise; a quadratic reader costs sixteen times.
`make fuzz` prints the measurements; the worst-case timings at the probe's sizes are in `make bench`.
"""

from __future__ import annotations

import gc
import io
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from sakip_eval.checks.findings import check_facts
from sakip_eval.io.workbook import read_workbook
from sakip_eval.io.workspace import load_workspace
from sakip_eval.io.yamlpatch import Original
from sakip_eval.io.yamlread import parse_text
from sakip_eval.letters.reader import parse_letter
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.prediction import predict

from .builders import budget_siblings
from .conftest import EVIDENCE, LHE_2024
from .fuzzing import TALLY

pytestmark = pytest.mark.slow

GROWTH = 8.0  # allowed cost of 4n over n
FLOOR = 0.02  # seconds below which a run is too short to time


def measure(work: Callable[[], object]) -> tuple[float, int]:
    """(CPU seconds, the best of three runs, and peak traced bytes); the memory run is separate (tracing
    slows it). The best of three keeps a loaded machine's noise out of the ratio."""
    seconds = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()  # the collector's passes over a growing heap are CPython's, not the reader's
        start = time.process_time()
        try:
            work()
        finally:
            gc.enable()
        seconds = min(seconds, time.process_time() - start)
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def scaled(tmp_path: Path, name: str, sizes: tuple[int, int, int], build: Callable[[Path, int], Callable[[], object]],
           ) -> None:
    runs = [measure(build(tmp_path / f"{name}-{size}", size)) for size in sizes]
    (small_s, small_m), _, (large_s, large_m) = runs
    print(f"\nscale {name}: " + ", ".join(f"n={size}: {s:.3f} s, {m / 2**20:.1f} MiB"
                                          for size, (s, m) in zip(sizes, runs, strict=True)))
    TALLY.cases["scale"] += 1
    if large_s > FLOOR:
        assert large_s <= GROWTH * max(small_s, FLOOR / 4), (name, runs)
    assert large_m <= GROWTH * max(small_m, 2**20), (name, runs)


def letter_lines(path: Path, size: int) -> Callable[[], object]:
    head = LHE_2024.read_text(encoding="utf-8").split("Demikian disampaikan")[0]
    text, book = head + "ab\n" * size, load_rulebook()
    return lambda: parse_letter(text, book)


def letter_line(path: Path, size: int) -> Callable[[], object]:
    text, book = LHE_2024.read_text(encoding="utf-8") + "komponen x menunjukkan " * size + "\n", load_rulebook()
    return lambda: parse_letter(text, book)


def budget_lines(path: Path, size: int) -> Callable[[], object]:
    import shutil

    shutil.copytree(EVIDENCE / "mojosari-2025", path)
    budget_siblings(path, size)
    ws = load_workspace(path)
    return lambda: check_facts(ws)


def yaml_list(path: Path, size: int) -> Callable[[], object]:
    text = "items:\n" + "".join(f"  - {{id: x{i}, type: renja, title: Renja {i}}}\n" for i in range(size))
    return lambda: parse_text(text, path, "inventory.yaml")


def workbook_rows(path: Path, size: int) -> Callable[[], object]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "jawaban", "catatan"])
    for index in range(size):
        sheet.append([f"bukan-{index}", "ya", "catatan " * 5])
    sheet.append(["1.a.1", "ya", "x"])
    path.parent.mkdir(parents=True, exist_ok=True)
    target = path.with_suffix(".xlsx")
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(buffer.getvalue())
    rulebook = load_rulebook()
    return lambda: read_workbook(target, rulebook)


def inventory_items(path: Path, size: int) -> Callable[[], object]:
    import shutil

    shutil.copytree(EVIDENCE / "mojosari-2025", path)
    with (path / "inventory.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(f"  - {{id: x{i}, type: renja, title: Renja {i}, year: 2024}}\n" for i in range(size))
    return lambda: predict(load_workspace(path))


def followup_records(path: Path, size: int) -> Callable[[], object]:
    text = "recommendations:\n" + "".join(
        f"  - id: r{i}\n    text: Rekomendasi {i} yang cukup panjang untuk satu baris\n    status: belum\n"
        for i in range(size))

    def edit() -> str:
        original = Original.parse(text, "followup.yaml")
        assert original.root is not None
        record = original.root.value[0][1].value[size // 2]
        original.set_key(record, "status", "proses", after="text")
        original.set_key(record, "history", [{"date": "2025-01-01", "by": "tim", "old": "belum", "new": "proses"}])
        return original.text()

    return edit


@pytest.mark.parametrize(("name", "sizes", "build"), [
    ("letter continuation lines", (2_400, 4_800, 9_600), letter_lines),  # a letter has at most 10.000 lines
    ("letter one long line", (25_000, 50_000, 100_000), letter_line),
    ("lkjip sibling budget lines", (500, 1_000, 2_000), budget_lines),
    ("yaml list items", (2_500, 5_000, 10_000), yaml_list),
    ("workbook rows", (1_000, 2_000, 4_000), workbook_rows),
    ("inventory items (whole prediction)", (1_000, 2_000, 4_000), inventory_items),
    ("followup records (set)", (1_000, 2_000, 4_000), followup_records),
])
def test_cost_grows_with_the_input(tmp_path: Path, name: str, sizes: tuple[int, int, int],
                                   build: Callable[[Path, int], Callable[[], object]]) -> None:
    scaled(tmp_path, name.split(" (")[0].replace(" ", "-"), sizes, build)
