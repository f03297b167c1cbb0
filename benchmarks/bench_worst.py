"""The worst cases of the hostile probe (issue 13) at the probe's sizes: seconds and peak memory.

Prints numbers; asserts nothing (timings do not belong in tests; tests/test_fuzz_scaling.py checks the
growth order under `make fuzz`). Each case runs in this process after a warm-up (the rulebook loaded):
CPU seconds and the process's peak memory growth. Before the fixes the probe measured, wall clock:

    budget siblings N=1000 check         83.9 s            N=2000: 810 s, 1.9 GB
    letter, 160,000 wrapped lines        85 s              10 MiB / 3.5 M lines: over 30 min
    letter, 9,000 distinct lines         1.7-2.0 s CPU     (the linear reader of round two, before its
                                                           words were folded at once and looked up once)
    workbook with 2 M cell styles        64 s, 1.3 GB      19 M styles: MemoryError, raw traceback
    assessment citing 190,000 ids        40 s, 2.3 GB
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sakip_eval.checks.findings import run_checks
from sakip_eval.documents.text import MAX_LINES
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang
from sakip_eval.io.references import MAX_CITATIONS
from sakip_eval.io.workbook import read_workbook
from sakip_eval.io.workspace import load_workspace
from sakip_eval.letters.reader import read_letter
from sakip_eval.rulebook.book import Rulebook, load_rulebook
from sakip_eval.scoring.prediction import predict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.builders import budget_siblings  # noqa: E402 (the probe's generator, as the tests use it)

WORKSPACE = ROOT / "evidence" / "mojosari-2025"
LETTER = (ROOT / "tests" / "fixtures" / "lhe-mojosari-2024.txt").read_text(encoding="utf-8")


def timed(label: str, work: Callable[[], object], was: str = "") -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    outcome = "done"
    try:
        work()
    except InputError as exc:
        outcome = f"refused: {exc.message(Lang.EN)[:70]}"
    seconds = time.process_time() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
    print(f"  {label:<52} {seconds:7.2f} s  +{grown:5d} MiB  {outcome}{f'  (before: {was})' if was else ''}")


def workspace_copy(tmp: Path, name: str) -> Path:
    target = tmp / name
    shutil.copytree(WORKSPACE, target, ignore=shutil.ignore_patterns(".sakip"))
    return target


def citations(ws: Path, per_claim: int, claims: int) -> Path:
    ids = [f"x{i}" for i in range(per_claim)]
    with (ws / "inventory.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(f"  - {{id: {i}, type: renja, title: Renja {i}, year: 2024}}\n" for i in ids)
    criteria = list(load_rulebook().criteria)[:claims]
    lines = ["criteria:"] + [f"  {c}: {{met: true, evidence: [{', '.join(ids)}]}}" for c in criteria]
    (ws / "assessment.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ws


def styles_workbook(path: Path, count: int) -> Path:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/styles.xml", f'<styleSheet xmlns="{ns}"><cellXfs>' + "<xf/>" * count
                         + "</cellXfs></styleSheet>")
    return path


def _letter(tmp: Path, book: Rulebook, text: str) -> Callable[[], object]:
    path = tmp / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return partial(read_letter, path, book)


def _check(ws: Path) -> object:
    return run_checks(load_workspace(ws))


def main() -> None:
    book = load_rulebook()
    head = LETTER.split("Demikian disampaikan")[0].rstrip() + "\n"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print("LKjIP consistency checks (check = load + derive + engine)")
        for count in (1_000, 2_000, 5_000):
            ws = workspace_copy(tmp, f"b{count}")
            budget_siblings(ws, count)
            timed(f"{count} sibling budget lines, load + check", partial(_check, ws))
        print("LHE letter reader (a text file, read as `lhe check` reads it)")
        letter = partial(_letter, tmp, book)
        timed("160,000 wrapped lines of a recommendation (1 MB)", letter(head + "ab\n" * 160_000))
        timed(f"{MAX_LINES - 1000:,} wrapped lines (the line limit)", letter(head + "ab\n" * (MAX_LINES - 1000)),
              "0.5 s")
        timed(f"{MAX_LINES - 1000:,} distinct lines of 40 characters", letter(head + "".join(
            f"Melengkapi dokumen nomor {i} dengan bukti\n" for i in range(MAX_LINES - 1000))), "1.7-2.0 s")
        timed("10 MiB of 3 bytes a line (3.5 M lines)", letter(head + "ab\n" * 3_492_099))
        timed("one line of 2 MiB (the size limit)", letter(LETTER + "komponen x menunjukkan " * 90_000 + "\n"))
        timed("one line of 10 MiB", letter(LETTER + "komponen x menunjukkan " * 450_000 + "\n"))
        print("LKE workbooks (import-lke reading)")
        for count in (2_000_000, 19_000_000):
            path = styles_workbook(tmp / f"s{count}.xlsx", count)
            timed(f"{count:,} cell styles ({path.stat().st_size // 1024} KB)", partial(read_workbook, path, book))
        print("Workspace object limits (load + predict)")
        ws = citations(workspace_copy(tmp, "c-limit"), 125, 80)
        timed(f"80 claims x 125 ids = {80 * 125:,} citations (the limit is {MAX_CITATIONS:,})",
              lambda: predict(load_workspace(ws)))
        ws = citations(workspace_copy(tmp, "c-probe"), 10_000, 19)
        timed("19 claims x 10,000 ids = 190,000 citations", lambda: predict(load_workspace(ws)))
        ws = workspace_copy(tmp, "inv")
        with (ws / "inventory.yaml").open("a", encoding="utf-8") as handle:
            handle.writelines(f"  - {{id: x{i}, type: renja, title: Renja {i}, year: 2024}}\n" for i in range(9_900))
        timed("10,000 inventory items (the list limit)", lambda: predict(load_workspace(ws)))


if __name__ == "__main__":
    main()
