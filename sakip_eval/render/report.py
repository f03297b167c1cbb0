"""Reports for people who read documents: HTML (one self-contained file, printable on A4, with its date and page
numbers), PDF (that HTML printed by the machine's browser), Markdown (to paste into the LKjIP), the LKE workbook
(XLSX) and JSON.

Every format is drawn from one view of the prediction, :func:`sakip_eval.render.json.prediction_to_dict`
in the chosen language, plus what only the workspace knows: evidence titles, the team's notes and the
yearly history. HTML and Markdown come from Jinja2 templates kept as package data; HTML autoescapes
every value and Markdown escapes every value through the environment's `finalize`, so no user string
reaches a reader as markup. Workbook cells are always written as text or numbers, never formulas.
Readers are the head of the OPD and the Inspektorat: rule texts pass through :func:`plain` (no tool commands,
file names or field names), findings are tables grouped by check with the message first, and rule ids stay in
the terminal.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from sakip_eval.checks.findings import SEVERITY_ORDER
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workbook import ANSWER_WORDS, COLUMN_WIDTHS, COLUMNS, sheet_title
from sakip_eval.io.workspace import Workspace
from sakip_eval.numbers import format_number
from sakip_eval.render import charts
from sakip_eval.render.json import prediction_to_dict
from sakip_eval.render.jsontext import dumps
from sakip_eval.render.outlook import basis_line, chances_line
from sakip_eval.render.plain import plain
from sakip_eval.render.safe import visible
from sakip_eval.scoring.grades import round2
from sakip_eval.scoring.prediction import Prediction

if TYPE_CHECKING:  # jinja2 and openpyxl load only when a report is made: every other command starts faster
    from jinja2 import Environment
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"
    XLSX = "xlsx"
    JSON = "json"


# what an output file's name says about its format (`report -o laporan.pdf`)
SUFFIXES: dict[str, ReportFormat] = {
    ".html": ReportFormat.HTML, ".pdf": ReportFormat.PDF, ".md": ReportFormat.MD, ".xlsx": ReportFormat.XLSX,
    ".json": ReportFormat.JSON, ".htm": ReportFormat.HTML, ".markdown": ReportFormat.MD,
}
BINARY = (ReportFormat.PDF, ReportFormat.XLSX)  # formats written only to a file


def report_date() -> dt.date:
    """The date a report says it was made: today, or $SOURCE_DATE_EPOCH's day (the reproducible-builds
    convention) so that archived or tested reports are the same bytes for the same input."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def long_date(day: dt.date, lang: Lang) -> str:
    """`1 Desember 2026` / `1 December 2026`."""
    return f"{day.day} {t('report.months', lang).split(',')[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class ReportInput:
    """The prediction and the workspace it was made from (titles, notes, history)."""

    ws: Workspace
    pred: Prediction


def number_formatter(lang: Lang) -> Callable[[Decimal | int], str]:
    """:func:`format_number` in `lang`, for templates and charts."""

    def num(value: Decimal | int) -> str:
        return format_number(value, lang)

    return num


def context(source: ReportInput, lang: Lang) -> dict[str, Any]:
    """What every template reads: the prediction dict and the workspace-only facts around it."""
    ws, pred = source.ws, source.pred
    data = prediction_to_dict(pred, lang)
    fmt = number_formatter(lang)
    book = ws.rulebook
    return {
        "data": data,
        "basis_line": basis_line(pred, lang),
        "chances_line": chances_line(pred, lang),
        "lang": lang.value,
        "titles": {item.id: item.title for item in ws.inventory.items},
        "notes": {cid: claim.note for cid, claim in ws.assessment.criteria.items() if claim.note},
        "advice": advice(source, data, lang),
        "generated": long_date(report_date(), lang),
        "finding_groups": finding_groups(data, source, lang),
        "answer": {key: words[0] if lang is Lang.ID else words[1] for key, words in ANSWER_WORDS.items()},
        "history": history(source),
        "charts": {
            "components": charts.component_chart(data, t("report.chart_components", lang), fmt),
            "grades": charts.grade_chart(data, t("report.chart_grades", lang), fmt,
                                         {g.code: g.factor for g in book.regime.grades}),
            "trend": charts.trend_chart(history(source), t("report.chart_trend", lang), fmt,
                                        [(c.code, c.lower) for c in book.regime.categories if c.lower > 0]),
        },
    }


def finding_groups(data: dict[str, Any], source: ReportInput, lang: Lang) -> list[dict[str, Any]]:
    """The LKjIP findings by check (errors first, then by the check's title), each check once with its title
    and all its findings: a reader sees what kind of problem before the instances."""
    titles = {c.check.id: c.check.title.get(lang) for c in source.ws.rulebook.checks}
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in data["findings"]:
        groups.setdefault(finding["check"], []).append(finding)
    rows = [{"check": check, "title": titles.get(check, check), "severity": found[0]["severity"],
             "severity_label": t(f"check.severity.{found[0]['severity']}", lang), "findings": found}
            for check, found in groups.items()]
    return sorted(rows, key=lambda g: (SEVERITY_ORDER[g["severity"]], g["title"]))


def history(source: ReportInput) -> list[tuple[int, Decimal | None, bool]]:
    """(evaluation year, total, predicted?) from workspace.yaml's history plus this prediction."""
    points: list[tuple[int, Decimal | None, bool]] = [
        (year, total, False)
        for year, total in source.ws.meta.history_totals().items() if year != source.pred.evaluation_year
    ]
    points.append((source.pred.evaluation_year, round2(source.pred.total), True))
    return points


def advice(source: ReportInput, data: dict[str, Any], lang: Lang) -> dict[str, str]:
    """What to do about each criterion predicted not met: the best-ranked recommendation naming it,
    else the catalogue's own recommendation."""
    out: dict[str, str] = {}
    for crit in data["criteria"]:
        if crit["predicted"] != "false":
            continue
        ranked = next((r["text"] for r in data["recommendations"] if crit["id"] in r["criteria"]), None)
        out[crit["id"]] = ranked or source.ws.rulebook.criteria[crit["id"]].recommendation.get(lang)
    return out


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#])")


def markdown_escape(value: object) -> object:
    """Backslash-escape what Markdown would read as markup (CommonMark allows it for any punctuation)
    and fold newlines, so a user string stays one table cell of plain text."""
    if value is None or isinstance(value, Markup | int | float):
        return "" if value is None else value
    text = " ".join(visible(str(value)).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def html_visible(value: object) -> object:
    """A user string in HTML through the output sanitiser (autoescape then guards the markup); the
    report's own markup (charts) passes as it is."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _environment(markdown: bool) -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("sakip_eval", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        finalize=markdown_escape if markdown else html_visible,
    )
    return env


def render_text(source: ReportInput, fmt: ReportFormat, lang: Lang) -> str:
    """HTML or Markdown (or JSON) as text."""
    if fmt is ReportFormat.JSON:
        return dumps(prediction_to_dict(source.pred, lang))
    markdown = fmt is ReportFormat.MD
    env = _environment(markdown)
    template = env.get_template("report.md.j2" if markdown else "report.html.j2")
    values = context(source, lang)
    return template.render(**values, t=lambda key, **params: t(key, lang, **params), num=number_formatter(lang),
                           plain=lambda text: plain(str(text), lang),
                           status=lambda code: t(f"followup.status.{code}", lang))


# -- the LKE workbook --------------------------------------------------------------------------------

FORMULA_TRIGGERS = ("=", "+", "-", "@")
HEADER_FILL = "DDE6F0"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def put(sheet: Worksheet, row: int, col: int, value: object, bold: bool = False) -> None:
    """Write one cell; text is always stored as text (a leading = + - @ never becomes a formula, and
    Excel's quote prefix keeps it text when edited), numbers as numbers."""
    from openpyxl.styles import Alignment, Font

    cell = sheet.cell(row=row, column=col)
    if isinstance(value, str):
        text = visible(value, keep_lines=True)  # XML 1.0 refuses C0 controls and U+FFFE, U+FFFF
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    elif isinstance(value, Decimal):
        cell.value = float(value)
        cell.number_format = "0.00"
    else:
        cell.value = value  # type: ignore[assignment]
    if bold:
        cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def workbook(source: ReportInput, lang: Lang) -> Workbook:
    """The LKE layout: a summary sheet, then one sheet per component with a row per criterion."""
    from openpyxl import Workbook

    values = context(source, lang)
    data = values["data"]
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = t("report.sheet_summary", lang)
    _summary_sheet(summary, source.pred, values, lang)
    for comp in data["components"]:
        _component_sheet(book.create_sheet(sheet_title(comp["id"], comp["name"])), comp, values, lang)
    return book


def _summary_sheet(sheet: Worksheet, pred: Prediction, values: dict[str, Any], lang: Lang) -> None:
    """Scores are written from the prediction's decimals, rounded as the LHE prints them (two places)."""
    data = values["data"]
    rows: list[tuple[str, object]] = [
        (t("report.opd", lang), data["opd"]),
        (t("report.pemda", lang), data["pemda"] or "-"),
        (t("report.evaluation_year", lang), data["evaluation_year"]),
        (t("report.performance_year", lang), data["performance_year"]),
        (t("report.regime", lang), data["regime"]),
    ]
    for index, (label, value) in enumerate(rows, start=1):
        put(sheet, index, 1, label, bold=True)
        put(sheet, index, 2, value)
    head = 7
    for col, key in enumerate(("report.col_id", "report.col_name", "score.weight", "score.grade", "score.score"), 1):
        put(sheet, head, col, t(key, lang), bold=True)
        _header(sheet.cell(row=head, column=col))
    row = head + 1
    for comp in pred.components:
        for sub in comp.subcomponents:
            for col, value in enumerate((sub.id, sub.name.get(lang), round2(sub.weight), sub.grade,
                                         round2(sub.score)), 1):
                put(sheet, row, col, value)
            row += 1
        for col, value in enumerate((comp.id, comp.name.get(lang), round2(comp.weight), "", round2(comp.score)), 1):
            put(sheet, row, col, value, bold=True)
        row += 1
    put(sheet, row + 1, 1, t("score.total", lang), bold=True)
    put(sheet, row + 1, 5, round2(pred.total), bold=True)
    put(sheet, row + 2, 1, t("score.category", lang), bold=True)
    put(sheet, row + 2, 2, f"{data['category']} ({data['category_name']})", bold=True)
    put(sheet, row + 3, 1, t("score.interpretation", lang), bold=True)
    put(sheet, row + 3, 2, data["interpretation"])
    put(sheet, row + 4, 1, t("score.basis", lang), bold=True)
    put(sheet, row + 4, 2, values["basis_line"])
    put(sheet, row + 5, 1, t("score.chances", lang), bold=True)
    put(sheet, row + 5, 2, values["chances_line"])
    for letter, width in zip("ABCDE", (16, 70, 10, 10, 10), strict=True):
        sheet.column_dimensions[letter].width = width


def _header(cell: Any) -> None:
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=HEADER_FILL)


def _component_sheet(sheet: Worksheet, comp: dict[str, Any], values: dict[str, Any], lang: Lang) -> None:
    data = values["data"]
    fmt = number_formatter(lang)
    put(sheet, 1, 1, f"{comp['id']}. {comp['name']} — {fmt(comp['score'])} / {fmt(comp['weight'])}", bold=True)
    head = 3
    for col, key in enumerate(COLUMNS, 1):
        put(sheet, head, col, t(f"lke.col.{key}", lang), bold=True)
        _header(sheet.cell(row=head, column=col))
    sheet.freeze_panes = f"C{head + 1}"
    row = head + 1
    for sub in comp["subcomponents"]:
        share = t("score.share", lang, met=sub["met"], applicable=sub["applicable"])
        put(sheet, row, 1, sub["id"], bold=True)
        put(sheet, row, 2, f"{sub['name']} ({share})", bold=True)
        put(sheet, row, 4, f"{sub['grade']} · {fmt(sub['score'])} / {fmt(sub['weight'])}", bold=True)
        put(sheet, row, 5, "\n".join(plain(r["text"], lang) for r in sub["caps"] + sub["upgrades"]))
        row += 1
        for crit in (c for c in data["criteria"] if c["subcomponent"] == sub["id"]):
            cells = {
                "id": crit["id"], "text": crit["text"], "claimed": values["answer"][crit["claimed"]],
                "predicted": values["answer"][crit["predicted"]],
                "reasons": "\n".join(plain(r["text"], lang) for r in crit["reasons"]),
                "evidence": ", ".join(crit["evidence"]),
                "evidence_titles": "\n".join(values["titles"].get(e, e) for e in crit["evidence"]),
                "note": values["notes"].get(crit["id"], ""),
                "recommendation": plain(values["advice"].get(crit["id"], ""), lang),
            }
            for col, key in enumerate(COLUMNS, 1):
                put(sheet, row, col, cells[key])
            row += 1
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(COLUMN_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width


def xlsx_bytes(source: ReportInput, lang: Lang) -> bytes:
    return workbook_bytes(workbook(source, lang))


def workbook_bytes(book: Workbook) -> bytes:
    """A workbook as bytes that depend only on its content: openpyxl stamps the time into the document
    properties and every zip entry, so both are fixed here."""
    book.properties.creator = "sakip-eval"
    book.properties.created = dt.datetime(*FIXED_TIME)
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl sets `modified` to now when saving
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, content)
    return out.getvalue()


def render_bytes(source: ReportInput, fmt: ReportFormat, lang: Lang) -> bytes:
    if fmt is ReportFormat.XLSX:
        return xlsx_bytes(source, lang)
    if fmt is ReportFormat.PDF:
        from sakip_eval.render.browser import print_pdf

        return print_pdf(render_text(source, ReportFormat.HTML, lang).encode("utf-8"))
    return render_text(source, fmt, lang).encode("utf-8")
