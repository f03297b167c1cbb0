"""A PNG of the HTML report through the machine's headless browser (`make screenshot`): what a reader sees on the
first screen, for reviews of the report's layout. The browser is found as the PDF report finds it
(:mod:`sakip_eval.render.browser`); nothing is installed here.

    python -m tools.chromium WORKSPACE OUT.png   # render the report of WORKSPACE and picture it
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sakip_eval.render.browser import find_browser, run_headless

# A4 at 96 dpi: 210 mm wide; tall enough for the summary, the charts and the start of the checklist.
WINDOW = "--window-size=794,2400"


def screenshot(html: Path, png: Path) -> None:
    binary = find_browser()
    assert binary is not None, "no browser"
    with tempfile.TemporaryDirectory() as profile:
        run_headless(binary, Path(profile), ["--hide-scrollbars", WINDOW, f"--screenshot={png.resolve()}",
                                             html.resolve().as_uri()])


def main(argv: list[str]) -> int:
    from sakip_eval.i18n import Lang
    from sakip_eval.io.workspace import load_workspace
    from sakip_eval.render.report import ReportFormat, ReportInput, render_bytes
    from sakip_eval.scoring.prediction import predict

    workspace, png = Path(argv[0]), Path(argv[1])
    if find_browser() is None:
        print("chromium tidak ditemukan / not found: apt-get install chromium", file=sys.stderr)
        return 2
    ws = load_workspace(workspace)
    html = png.with_suffix(".html")
    png.parent.mkdir(parents=True, exist_ok=True)
    html.write_bytes(render_bytes(ReportInput(ws, predict(ws)), ReportFormat.HTML, Lang.ID))
    screenshot(html, png)
    print(f"{png} ({png.stat().st_size} bytes), {html}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
