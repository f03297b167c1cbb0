"""Timings for the follow-up area: `lhe check` on the reference letter (text) and on a synthetic letter as
PDF (digital and with an OCR layer) and Word, one `followup set` (lock, load, edit, atomic write), one
recorded run, and a `diff`. Prints numbers; asserts nothing.

Run: .venv/bin/python benchmarks/bench_followup.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sakip_eval.followup.edit import set_status
from sakip_eval.history.store import diff_runs, load_run, open_history, record_run
from sakip_eval.io.workspace import load_workspace
from sakip_eval.letters.check import check_letter
from sakip_eval.letters.reader import read_letter
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.prediction import predict

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "tests" / "fixtures" / "lhe-mojosari-2024.txt"
sys.path.insert(0, str(ROOT))
from tests.letterkit import court_letter, to_docx, to_pdf  # noqa: E402 (the tests' letter writer)


def timed(label: str, repeat: int, action: Callable[[int], object]) -> None:
    start = time.perf_counter()
    for index in range(repeat):
        action(index)
    per = (time.perf_counter() - start) / repeat * 1000
    print(f"{label:<42} {per:8.2f} ms  (x{repeat})")


def main() -> None:
    book = load_rulebook()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(ROOT / "evidence" / "mojosari-2025", ws)
        db = Path(tmp) / "history.sqlite"
        workspace = load_workspace(ws)
        timed("lhe check (read + grid + checks)", 50, lambda _: check_letter(read_letter(LETTER, book), book))
        for name, data in (("pdf", to_pdf(court_letter())), ("ocr.pdf", to_pdf(court_letter(), ocr=True)),
                           ("docx", to_docx(court_letter()))):
            path = Path(tmp) / f"surat.{name}"
            path.write_bytes(data)
            timed(f"lhe check, letter as {name}", 20, lambda _, p=path: check_letter(read_letter(p, book), book))
        timed("predict (6 open recommendations priced)", 20, lambda _: predict(workspace))
        timed("followup set (lock+load+edit+write)", 30,
              lambda i: set_status(ws, "abcdef"[i % 6], "proses", note=f"n{i}", by="bench"))
        pred = predict(load_workspace(ws))
        timed("record run (one SQLite transaction)", 30, lambda _: record_run(db, workspace, pred))

        def diff(_: int) -> None:
            with open_history(db, create=False) as conn:
                diff_runs(load_run(conn, 1, str(db)), load_run(conn, 30, str(db)))

        timed("diff of two runs", 30, diff)
        print(f"followup.yaml after 30 sets: {(ws / 'followup.yaml').stat().st_size} bytes; "
              f"history: {db.stat().st_size} bytes for 30 runs")


if __name__ == "__main__":
    main()
