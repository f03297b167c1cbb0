"""A browser already on the machine (Chromium, Chrome or Edge), run headless: the PDF report is the HTML report
as that browser prints it, so the two never differ and no PDF library has to lay out tables.

Nothing is installed or downloaded. The browser is the one named by $SAKIP_EVAL_BROWSER, else the first found
on PATH, else in the usual install folders of Windows (Edge ships with it) and macOS; when there is none, the
user is told what to install or to make HTML and print it from the browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sakip_eval.errors import InputError

BROWSER_ENV = "SAKIP_EVAL_BROWSER"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge",
         "microsoft-edge-stable", "msedge")
FLAGS = ("--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
TIMEOUT = 120  # seconds: a 30-page report prints in a few


def _installed() -> list[Path]:
    """Where Edge and Chrome install themselves when they are not on PATH."""
    if sys.platform == "win32":
        roots = [os.environ.get(v) for v in ("PROGRAMFILES(X86)", "PROGRAMFILES", "LOCALAPPDATA")]
        return [Path(root, *part) for root in roots if root for part in (
            ("Microsoft", "Edge", "Application", "msedge.exe"), ("Google", "Chrome", "Application", "chrome.exe"))]
    if sys.platform == "darwin":
        return [Path("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
                Path("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
                Path("/Applications/Chromium.app/Contents/MacOS/Chromium")]
    return []


def find_browser() -> str | None:
    """The browser to print with, or None when the machine has none."""
    chosen = os.environ.get(BROWSER_ENV)
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise InputError("report.browser_not_found", file=chosen, field=BROWSER_ENV)
        return found
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((str(p) for p in _installed() if p.is_file()), None)


def run_headless(binary: str, profile: Path, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """The browser, headless, with a throw-away profile; a browser that hangs or cannot start is a clear error."""
    sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # Chromium refuses root
    try:
        return subprocess.run([binary, *FLAGS, *sandbox, f"--user-data-dir={profile}", *args], capture_output=True,
                              timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise InputError("report.browser_failed", file=binary, detail=f"> {TIMEOUT} s") from exc
    except OSError as exc:
        raise InputError("report.browser_failed", file=binary, detail=exc.strerror or str(exc)) from exc


def print_pdf(html: bytes) -> bytes:
    """The PDF of an HTML page, A4 as the page's own CSS asks, without the browser's header and footer (the
    page prints its own date and page numbers)."""
    binary = find_browser()
    if binary is None:
        raise InputError("report.no_browser")
    with tempfile.TemporaryDirectory(prefix="sakip-eval-") as tmp:
        page, pdf = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        page.write_bytes(html)
        done = run_headless(binary, Path(tmp) / "profile",
                            ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()])
        content = pdf.read_bytes() if pdf.is_file() else b""
        if not content.startswith(b"%PDF"):
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
            raise InputError("report.browser_failed", file=binary, detail=detail[0][:300])
        return content


def dump_dom(html: bytes) -> str:
    """The page as the browser built it (scripts run): what tests check an HTML report against."""
    binary = find_browser()
    if binary is None:
        raise InputError("report.no_browser")
    with tempfile.TemporaryDirectory(prefix="sakip-eval-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_bytes(html)
        done = run_headless(binary, Path(tmp) / "profile", ["--dump-dom", page.as_uri()])
        return done.stdout.decode("utf-8", "replace")
