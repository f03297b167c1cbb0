"""Headless Chromium (Debian's `chromium` package) for checking and picturing the HTML report.

The test suite uses :func:`dump_dom` to see the page as a browser builds it (scripts run, so an
unescaped `<script>` would show); `make screenshot` uses :func:`screenshot`. Nothing is installed
here: when the binary is absent, :func:`find` returns None and callers skip or explain.

    python -m tools.chromium WORKSPACE OUT.png   # render the report of WORKSPACE and picture it
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars")
# A4 at 96 dpi: 210 mm wide; tall enough for the summary, the charts and the start of the checklist.
WINDOW = "--window-size=794,2400"
TIMEOUT = 120


def find() -> str | None:
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(binary: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              text=True, timeout=TIMEOUT, check=True)


def dump_dom(binary: str, html: Path) -> str:
    """The DOM after the page has loaded (and run any script it holds)."""
    return _run(binary, ["--dump-dom", html.resolve().as_uri()]).stdout


def screenshot(binary: str, html: Path, png: Path) -> None:
    _run(binary, [WINDOW, f"--screenshot={png.resolve()}", html.resolve().as_uri()])


def main(argv: list[str]) -> int:
    from sakip_eval.i18n import Lang
    from sakip_eval.io.workspace import load_workspace
    from sakip_eval.render.report import ReportFormat, ReportInput, render_bytes
    from sakip_eval.scoring.prediction import predict

    workspace, png = Path(argv[0]), Path(argv[1])
    binary = find()
    if binary is None:
        print("chromium tidak ditemukan / not found: apt-get install chromium", file=sys.stderr)
        return 2
    ws = load_workspace(workspace)
    html = png.with_suffix(".html")
    png.parent.mkdir(parents=True, exist_ok=True)
    html.write_bytes(render_bytes(ReportInput(ws, predict(ws)), ReportFormat.HTML, Lang.ID))
    screenshot(binary, html, png)
    print(f"{png} ({png.stat().st_size} bytes), {html}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
