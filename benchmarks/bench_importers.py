"""`make bench`: import-lkjip on the reference LKjIP as tab-separated text, Word and PDF (built from the
text, as tests do): wall time of the import and how much of the hand-made lkjip.yaml each draft
reproduces (numeric cells, findings, extra findings). Prints numbers; asserts nothing.

Goals (issue 14): >= 90% of numeric cells and of findings, no extra finding, from each format.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sakip_eval.importers.lkjip import import_lkjip  # noqa: E402
from tests.documents_kit import blocks_from_text, write_docx, write_pdf  # noqa: E402
from tools.lkjip_coverage import cells, compare_findings, coverage, findings  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference" / "000_ba10afc6d8b6eeec.txt"
WORKSPACE = ROOT / "evidence" / "mojosari-2025"


def main() -> None:
    if not REFERENCE.exists():
        print("bench_importers: ../shared/reference is not here; skipped")
        return
    hand = yaml.safe_load((WORKSPACE / "lkjip.yaml").read_text(encoding="utf-8"))
    hand_findings = findings(WORKSPACE, WORKSPACE / "lkjip.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        blocks = blocks_from_text(REFERENCE.read_text(encoding="utf-8"))
        sources = {"text": REFERENCE, "docx": write_docx(base / "lkjip.docx", blocks),
                   "pdf": write_pdf(base / "lkjip.pdf", blocks)}
        for kind, source in sources.items():
            ws = base / f"ws-{kind}"
            shutil.copytree(WORKSPACE, ws, ignore=shutil.ignore_patterns(".sakip", "lkjip.yaml"))
            start = time.perf_counter()
            import_lkjip(source, ws)
            elapsed = time.perf_counter() - start
            draft = yaml.safe_load((ws / "lkjip.yaml").read_text(encoding="utf-8"))
            share = coverage(cells(hand, 2024), cells(draft, 2024)).share
            missed, extra = compare_findings(hand_findings, findings(WORKSPACE, ws / "lkjip.yaml"))
            found = len(hand_findings) - len(missed)
            print(f"import-lkjip {kind:5s}: {elapsed:6.1f} s; numeric cells {share:.1%}; findings "
                  f"{found}/{len(hand_findings)} = {found / len(hand_findings):.1%}; extra findings {len(extra)}")


if __name__ == "__main__":
    main()
