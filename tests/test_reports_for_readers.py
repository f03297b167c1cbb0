"""Reports for the people who read them: the format a file name asks for, findings as tables grouped by
check, no tool words, a date and page numbers in print, a PDF through the machine's browser, and CSV or XLSX
that Indonesian-locale Excel opens as columns."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sakip_eval.i18n import Lang
from sakip_eval.render import browser
from sakip_eval.render.plain import plain

from .conftest import EVIDENCE, Cli, Result, flat

WS_2025 = EVIDENCE / "mojosari-2025"
BROWSER = browser.find_browser()
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no Chromium, Chrome or Edge on this machine "
                                                           "(Debian: apt-get install chromium)")


class Page(HTMLParser):
    """The visible text of a page, and its tables as rows of cell texts (with the heading before each)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tables: list[dict[str, object]] = []
        self._skip = 0
        self._heading: list[str] | None = None
        self._last_heading = ""
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title"):
            self._skip += 1
        elif tag in ("h2", "h3"):
            self._heading = []
        elif tag == "table":
            self.tables.append({"heading": self._last_heading, "class": dict(attrs).get("class") or "", "rows": []})
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self._skip -= 1
        elif tag in ("h2", "h3") and self._heading is not None:
            self._last_heading = " ".join("".join(self._heading).split())
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            rows = self.tables[-1]["rows"]
            assert isinstance(rows, list)
            rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        for part in (self._heading, self._cell):
            if part is not None:
                part.append(data)


def report(cli: Cli, *args: str | Path) -> tuple[int, str, str]:
    return cli("report", WS_2025, *args)


# -- the format follows the file name ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "starts"), [("lke.xlsx", b"PK"), ("r.html", b"<!DOCTYPE html>"),
                                              ("r.md", b"# "), ("r.json", b"{")])
def test_the_file_name_sets_the_format(cli: Cli, tmp_path: Path, name: str, starts: bytes) -> None:
    code, _, stderr = report(cli, "-o", tmp_path / name)
    assert code == 0, stderr
    assert (tmp_path / name).read_bytes().startswith(starts)
    if name.endswith(".xlsx"):
        assert "xl/workbook.xml" in zipfile.ZipFile(tmp_path / name).namelist()


def test_a_format_that_contradicts_the_file_name_is_refused(cli: Cli, tmp_path: Path) -> None:
    code, _, stderr = report(cli, "-o", tmp_path / "lke.xlsx", "--format", "html")
    assert code == 2
    assert "lke.xlsx" in stderr and "xlsx" in flat(stderr) and "html" in flat(stderr)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_extension_names_the_known_ones(cli: Cli, tmp_path: Path) -> None:
    code, _, stderr = report(cli, "-o", tmp_path / "laporan.docx")
    assert code == 2 and ".html, .pdf, .md, .xlsx, .json" in stderr
    code, _, _ = report(cli, "-o", tmp_path / "laporan.txt", "--format", "md")  # an explicit format is enough
    assert code == 0 and (tmp_path / "laporan.txt").read_text(encoding="utf-8").startswith("# ")


# -- findings for people ------------------------------------------------------------------------------


def _findings() -> list[dict[str, object]]:
    from sakip_eval.io.workspace import load_workspace
    from sakip_eval.render.json import prediction_to_dict
    from sakip_eval.scoring.prediction import predict

    findings = prediction_to_dict(predict(load_workspace(WS_2025)), Lang.ID)["findings"]
    assert isinstance(findings, list) and findings
    return findings


def _check_titles() -> dict[str, str]:
    from sakip_eval.rulebook.book import load_rulebook

    return {c.check.id: c.check.title.id for c in load_rulebook().checks}


def test_html_findings_are_tables_grouped_by_check_message_first(cli: Cli) -> None:
    code, html, _ = report(cli, "--format", "html")
    assert code == 0
    _assert_findings_tables(Page(html))


def _assert_findings_tables(page: Page) -> None:
    findings, titles = _findings(), _check_titles()
    tables = [tb for tb in page.tables if "findings" in str(tb["class"])]
    by_check: dict[str, int] = {}
    for f in findings:
        by_check[str(f["check"])] = by_check.get(str(f["check"]), 0) + 1
    assert len(tables) == len(by_check)
    for table in tables:
        rows = table["rows"]
        assert isinstance(rows, list)
        assert rows[0][0] == "Uraian"  # the message first
        check = next(c for c, title in titles.items() if str(table["heading"]).startswith(title))
        assert len(rows) - 1 == by_check[check]
        messages = {plain(str(f["message"]), Lang.ID) for f in findings if f["check"] == check}
        assert {row[0] for row in rows[1:]} == {" ".join(m.split()) for m in messages}


@needs_browser
def test_the_browser_shows_the_findings_table() -> None:
    from sakip_eval.io.workspace import load_workspace
    from sakip_eval.render.report import ReportFormat, ReportInput, render_bytes
    from sakip_eval.scoring.prediction import predict

    ws = load_workspace(WS_2025)
    dom = browser.dump_dom(render_bytes(ReportInput(ws, predict(ws)), ReportFormat.HTML, Lang.ID))
    _assert_findings_tables(Page(dom))


def test_markdown_findings_are_tables_grouped_by_check(cli: Cli) -> None:
    code, md, _ = report(cli, "--format", "md")
    assert code == 0
    findings, titles = _findings(), _check_titles()
    section = md[md.index("## Temuan konsistensi LKjIP"):]
    for check in {str(f["check"]) for f in findings}:
        heading = re.search(r"^### " + re.escape(titles[check].replace("(", "\\(").replace(")", "\\)")) + r".*$",
                            section, re.M)
        assert heading, check
        table = section[heading.end():].split("\n\n", 2)[1]
        lines = table.splitlines()
        assert lines[0].startswith("| Uraian |")
        assert len(lines) - 2 == sum(1 for f in findings if f["check"] == check)


JARGON = [r"sakip-eval \w", r"\b\w+\.yaml\b", r"\bkept_since\b", r"--\w", r"\b[a-z]+_[a-z]+\b", r"`"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_reports_carry_no_tool_words(cli: Cli, lang: str) -> None:
    """The tool's words, that is: the team's own notes are printed as they wrote them."""
    from sakip_eval.io.workspace import load_workspace

    code, html, _ = report(cli, "--format", "html", "--lang", lang)
    code_md, md, _ = report(cli, "--format", "md", "--lang", lang)
    assert code == code_md == 0
    text = " ".join(Page(html).text)
    for claim in load_workspace(WS_2025).assessment.criteria.values():
        if claim.note:
            text = text.replace(claim.note, "")
            md = md.replace(claim.note.replace("_", "\\_").replace(".", "."), "").replace(claim.note, "")
    for pattern in JARGON:
        assert not re.search(pattern, text), (pattern, re.search(pattern, text))
        assert not re.search(pattern, md.replace("\\_", "_").replace("\\`", "`")), pattern


def test_plain_keeps_ordinary_brackets_and_drops_pointers() -> None:
    assert plain("Catat bukti (sakip-eval followup set ID --evidence BUKTI) agar terlihat.", Lang.ID) == (
        "Catat bukti agar terlihat.")
    assert plain("Ada minimal 1 tahun (kept_since)", Lang.ID) == "Ada minimal 1 tahun"
    assert plain("Renja (2024) belum selesai di followup.yaml.", Lang.ID) == (
        "Renja (2024) belum selesai di daftar tindak lanjut.")
    assert plain("Bab II › pagu (lkjip.yaml:575)", Lang.EN) == "Bab II › pagu"


# -- print: a date, page numbers, a PDF ---------------------------------------------------------------


def test_html_prints_its_date_and_page_numbers(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026, 00:00 UTC
    code, html, _ = report(cli, "--format", "html")
    assert code == 0
    assert "Dibuat 1 Januari 2026" in " ".join(Page(html).text)
    assert re.search(r"@bottom-right\s*\{[^}]*counter\(page\)[^}]*counter\(pages\)", html)
    assert "Dibuat 1 Januari 2026" in html[html.index("@bottom-left"):]
    code, md, _ = report(cli, "--format", "md", "--lang", "en")
    assert "Made on 1 January 2026" in md


@needs_browser
def test_pdf_through_the_browser(cli: Cli, tmp_path: Path) -> None:
    code, _, stderr = report(cli, "-o", tmp_path / "laporan.pdf")
    assert code == 0, stderr
    pdf = (tmp_path / "laporan.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = int(max(re.findall(rb"/Count (\d+)", pdf), key=int))
    assert 5 < pages < 60


def test_pdf_without_a_browser_says_what_to_do(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(browser, "_installed", lambda: [])
    code, _, stderr = report(cli, "-o", tmp_path / "laporan.pdf")
    assert code == 2
    message = flat(stderr)
    assert "tidak ada peramban" in message and "chromium" in message.lower() and "--format html" in message
    assert not (tmp_path / "laporan.pdf").exists()
    monkeypatch.setenv("SAKIP_EVAL_BROWSER", "bukan-peramban")
    code, _, stderr = report(cli, "-o", tmp_path / "laporan.pdf")
    assert code == 2 and "bukan-peramban" in stderr and "SAKIP_EVAL_BROWSER" in stderr


# -- batch: CSV for Indonesian Excel, XLSX -----------------------------------------------------------


def test_csv_opens_as_columns_in_indonesian_excel(run: Callable[..., Result]) -> None:
    result = run("batch", EVIDENCE, "--format", "csv")
    assert result.code == 0
    assert result.out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.out.removeprefix("\ufeff")), delimiter=";"))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    total = run("score", first["path"], "--format", "json", "--no-history").json()["total"]
    assert len(header) > 5 and first["total"] == f"{total:.2f}".replace(".", ",")
    english = run("batch", EVIDENCE, "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(english.out.removeprefix("\ufeff")), delimiter=","))
    assert dict(zip(rows[0], rows[1], strict=True))["total"] == f"{total:.2f}"


def test_batch_writes_a_workbook(run: Callable[..., Result], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "peringkat.xlsx"
    result = run("batch", EVIDENCE, "--format", "xlsx", "-o", target)
    assert result.code == 0, result.err
    sheet = load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Peringkat" and rows[0][5] == "Nilai" and isinstance(rows[1][5], float)
    assert run("batch", EVIDENCE, "--format", "xlsx").code == 2  # a workbook needs a file
    assert json.loads(run("batch", EVIDENCE, "--format", "json").out)["results"]
