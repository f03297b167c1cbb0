"""`report`: HTML (checklist, charts, escaping, headless Chromium), Markdown, XLSX (LKE layout, no
formulas, same bytes), JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from sakip_eval.render.browser import dump_dom, find_browser
from tools import chromium

from .golden import decimal_id, score_of, verdict
from .report_support import WS_2025, copy_workspace, flat, run_cli

EVIL = '<script>document.body.setAttribute("data-pwned", "1")</script>'


def _report(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert run_cli(["report", *args]) == 0
    return capsys.readouterr().out


def _poison_title(ws: Path, title: str) -> None:
    inventory = ws / "inventory.yaml"
    text = inventory.read_text(encoding="utf-8")
    old = "title: Peraturan Bupati Mojokerto Nomor 61 Tahun 2016 tentang Pedoman Penyusunan Perjanjian Kinerja"
    assert old in text
    inventory.write_text(text.replace(old, "title: " + json.dumps(title)), encoding="utf-8")


def test_html_has_summary_charts_and_checklist(capsys: pytest.CaptureFixture[str]) -> None:
    html = _report(capsys, [str(WS_2025), "--format", "html"])
    assert html.startswith("<!DOCTYPE html>")
    total, category = verdict("mojosari-2025")
    assert f'id="total">{decimal_id(total)}<' in html and f'id="category">{category}<' in html
    for chart in ("chart-components", "chart-grades", "chart-trend"):
        assert f'id="{chart}"' in html
    assert html.count("<svg") == 3
    assert html.count('class="criterion"') == 80
    assert "@page { size: A4" in html
    assert "<script" not in html and "<link" not in html and " src=" not in html  # self-contained


def test_html_english(capsys: pytest.CaptureFixture[str]) -> None:
    html = _report(capsys, [str(WS_2025), "--format", "html", "--lang", "en"])
    assert f'id="total">{verdict("mojosari-2025")[0]:.2f}<' in html and "Criteria checklist" in html


def test_user_strings_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_workspace(tmp_path)
    _poison_title(ws, EVIL)
    html = _report(capsys, [str(ws), "--format", "html"])
    assert "<script" not in html
    assert "&lt;script&gt;document.body.setAttribute(&#34;data-pwned&#34;, &#34;1&#34;)&lt;/script&gt;" in html
    markdown = _report(capsys, [str(ws), "--format", "md"])
    assert r"\<script\>" in markdown and not re.search(r"(?<!\\)<", markdown)


def test_markdown_tables(capsys: pytest.CaptureFixture[str]) -> None:
    markdown = _report(capsys, [str(WS_2025), "--format", "md"])
    assert f"**Nilai total: {decimal_id(verdict('mojosari-2025')[0])}**" in markdown
    one_a = score_of("mojosari-2025")["components"][0]["subcomponents"][0]
    assert f"| 1.a | Dokumen perencanaan kinerja telah tersedia | 6,00 | {one_a['grade']} | " \
           f"{decimal_id(one_a['score'])} |" in markdown
    assert "kenaikan tahunan biasa" in markdown and "rentang 80%" in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| 1.b.")]
    assert len(rows) == 11 and all(row.count(" | ") == 4 for row in rows)


def test_json_is_the_score_json(capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(_report(capsys, [str(WS_2025), "--format", "json"]))
    assert run_cli(["score", str(WS_2025), "--format", "json"]) == 0
    assert report == json.loads(capsys.readouterr().out)


def test_xlsx_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "lke.xlsx"
    assert run_cli(["report", str(WS_2025), "--format", "xlsx", "-o", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Ringkasan", "1 Perencanaan Kinerja", "2 Pengukuran Kinerja", "3 Pelaporan Kinerja",
                               "4 Evaluasi Akuntabilitas"]
    summary = {row[0]: row[1:] for row in book["Ringkasan"].iter_rows(values_only=True) if row[0]}
    one_a = score_of("mojosari-2025")["components"][0]["subcomponents"][0]
    assert summary["1.a"][2:] == (one_a["grade"], one_a["score"])
    assert "kenaikan tahunan biasa" in summary["Dasar prediksi"][0] and "%" in summary["Peluang predikat"][0]
    total, category = verdict("mojosari-2025")
    assert summary["Nilai total"][3] == total
    assert summary["Predikat"][0] == f"{category} ({score_of('mojosari-2025')['category_name']})"
    sheet = book["4 Evaluasi Akuntabilitas"]
    header = [c.value for c in sheet[3]]
    assert header == ["Id", "Kriteria", "Jawaban", "Prediksi", "Alasan", "Bukti (id)", "Judul bukti", "Catatan",
                      "Rekomendasi"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["4.a.3"][2:4] == ("Tidak", "Tidak")
    assert rows["4.a.3"][8]  # a recommendation for what is not met
    assert rows["4.c.1"][5] == "lhe-2024"


def test_xlsx_never_writes_formulas(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    _poison_title(ws, '=HYPERLINK("http://x.invalid","klik")')
    assessment = ws / "assessment.yaml"
    text = assessment.read_text(encoding="utf-8")
    assessment.write_text(text.replace('note: "Dokumen jangka panjang', 'note: "+1+Dokumen jangka panjang'),
                          encoding="utf-8")
    target = tmp_path / "lke.xlsx"
    assert run_cli(["report", str(ws), "--format", "xlsx", "-o", str(target)]) == 0
    sheet = openpyxl.load_workbook(target)["1 Perencanaan Kinerja"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    formula = cells['=HYPERLINK("http://x.invalid","klik")']
    assert formula.data_type == "s" and formula.quotePrefix
    assert cells["+1+Dokumen jangka panjang (RPJPD) tidak berlaku untuk perangkat daerah."].data_type == "s"
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_xlsx_same_input_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_cli(["report", str(WS_2025), "--format", "xlsx", "-o", str(first)]) == 0
    assert run_cli(["report", str(WS_2025), "--format", "xlsx", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["report", str(WS_2025), "--format", "xlsx"]) == 2
    message = flat(capsys.readouterr().err)
    assert "harus ditulis ke berkas" in message and "-o" in message


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-folder" / "r.html"
    assert run_cli(["report", str(WS_2025), "-o", str(target)]) == 2
    assert "tidak dapat menulis berkas" in flat(capsys.readouterr().err)
    assert not target.parent.exists()


@pytest.mark.skipif(find_browser() is None, reason="headless Chromium not installed (apt-get install chromium)")
def test_html_in_headless_chromium(tmp_path: Path) -> None:
    ws = copy_workspace(tmp_path)
    _poison_title(ws, EVIL)
    page = tmp_path / "report.html"
    assert run_cli(["report", str(ws), "--format", "html", "-o", str(page)]) == 0
    dom = dump_dom(page.read_bytes())
    assert 'id="checklist"' in dom and dom.count('class="criterion"') == 80
    assert dom.count("<svg") == 3 and dom.count('class="bar"') == 4 + 12 and 'class="point"' in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "&lt;script&gt;document.body.setAttribute" in dom
    png = tmp_path / "report.png"
    chromium.screenshot(page, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
