"""`batch` results as files for spreadsheets: CSV that Excel opens as columns in the reader's locale, and an XLSX
workbook (ranking, distribution of categories, most common open recommendations).

Excel set to Indonesian separates CSV fields with `;` and reads `76,05` as a number; set to English, `,` and
`76.05`. The CSV follows the output language, and starts with a byte-order mark so that Excel reads it as
UTF-8 (OPD names carry non-ASCII letters). Header names stay the field names, the same in both languages, for
the scripts that read them. Text that a spreadsheet would run as a formula is quoted in both formats.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number
from sakip_eval.render.report import FORMULA_TRIGGERS, put, workbook_bytes
from sakip_eval.render.safe import visible

if TYPE_CHECKING:
    from sakip_eval.scoring.batch import BatchResult

FIELDS = ("rank", "path", "opd", "pemda", "evaluation_year", "total", "category", "next_category", "gap",
          "criteria_met", "criteria_applicable", "error")
DECIMALS = ("total", "gap")


def _cell(name: str, value: Any, lang: Lang) -> Any:
    """A CSV cell: text on one line without control characters (a bare CR split a row), and quoted when a
    spreadsheet would run it as a formula (= + - @ first, also after leading spaces or a tab)."""
    if value is None:
        return ""
    if name in DECIMALS:
        return format_number(value, lang)
    if isinstance(value, str):
        text = visible(value)
        return "'" + text if text.lstrip().startswith(FORMULA_TRIGGERS) else text
    return value


def csv_text(result: BatchResult, lang: Lang) -> str:
    """The ranking as CSV for Excel in the reader's locale (see the module docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang is Lang.ID else ",", lineterminator="\r\n")
    writer.writerow(FIELDS)
    for row in result.results:
        public = row.public()
        writer.writerow([_cell(name, public.get(name), lang) for name in FIELDS])
    return "\ufeff" + buffer.getvalue()


def xlsx_bytes(result: BatchResult, lang: Lang) -> bytes:
    """Three sheets: the ranking (numbers as numbers, so Excel sorts and sums them), the distribution of
    categories, and the most common open recommendations."""
    from openpyxl import Workbook

    book = Workbook()
    ranking = book.active
    assert ranking is not None
    ranking.title = t("batch.sheet_ranking", lang)
    for col, name in enumerate(FIELDS, 1):
        put(ranking, 1, col, t(f"batch.field.{name}", lang), bold=True)
    for index, row in enumerate(result.results, start=2):
        public = row.public()
        for col, name in enumerate(FIELDS, 1):
            value = public.get(name)
            put(ranking, index, col, "" if value is None else value)
    ranking.freeze_panes = "A2"
    spread = book.create_sheet(t("batch.sheet_distribution", lang))
    put(spread, 1, 1, t("score.category", lang), bold=True)
    put(spread, 1, 2, t("batch.col_count", lang), bold=True)
    for index, (code, count) in enumerate(result.distribution.items(), start=2):
        put(spread, index, 1, code)
        put(spread, index, 2, count)
    common = book.create_sheet(t("batch.sheet_common", lang))
    for col, key in enumerate(("report.col_id", "rules.text", "batch.col_count"), 1):
        put(common, 1, col, t(key, lang), bold=True)
    for index, rec in enumerate(result.common, start=2):
        for col, value in enumerate((rec.id, rec.text, rec.count), 1):
            put(common, index, col, value)
    for sheet, widths in ((ranking, (8, 40, 36, 28, 10, 10, 10, 10, 10, 10, 10, 40)), (spread, (12, 10)),
                          (common, (16, 80, 10))):
        for col, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + col)].width = width
    return workbook_bytes(book)
