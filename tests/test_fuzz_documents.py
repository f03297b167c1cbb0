"""Fuzzing the document readers: mutated LHE letters as text, PDF and Word through `lhe check`,
`followup import`, `import-lkjip` and the evidence-folder scan of `init --from`; mutated LKjIPs as text,
Word and PDF through `import-lkjip` (and `--merge`) and the scan; mutated LKE workbooks through `import-lke`.

An LKjIP is the import tests' synthetic one, mutated, through `import-lkjip` (also `--merge`) and the
evidence scan. A letter is the reference letter with lines deleted, repeated or swapped, numbers replaced by odd values,
hostile text inserted (control characters, bidi overrides, markup, very long lines, thousands of
continuation lines), other line ends and encodings, or random bytes. A workbook is the report's own LKE
workbook with cells, rows and headers changed through openpyxl, or its archive damaged byte by byte,
parts removed or replaced by hostile XML (entity expansion, millions of elements). Every case ends with
exit 0, 1 (a letter whose arithmetic fails) or 2 with a message, no traceback, no control character in the
output, valid JSON when asked, within the hang alarm; an import that fails changes nothing and one that
succeeds leaves a workspace every command reads.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, reject, seed, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from sakip_eval.io.workspace import STATE_DIR, load_workspace

from .conftest import EVIDENCE, LHE_2024, Result
from .documents_kit import Cell, to_text, write_docx, write_pdf
from .fuzzing import CONTROL, SEED, count, examples, guarded
from .letterkit import Block, Para, Row, court_letter, to_docx, to_pdf
from .test_import_lkjip import synthetic

pytestmark = pytest.mark.slow

LETTER = LHE_2024.read_text(encoding="utf-8")
WORKSPACE = EVIDENCE / "mojosari-2025"
ODD_TEXT = st.sampled_from([
    "", "-", "82,30", "82.30", "100,00", "1e309", "NaN", "99999999999999999999", "-5", "a" * 5000,
    "\x1b]0;PWNED\x07\x1b[2J", "\u202eY", "\r", "\x00", "\x85", "\u2028", "\f", "\t\t\t", "**82,30**",
    "<b>Jumlah</b>", "| 30,00 | 26,10 |", "a.", "1.", "  - a. ", "predikat \"BB\" (Sangat Baik)", "Nomor : ",
    "Tanggal : 31 Februari 2024", "komponen " * 200, "nilai akip sebesar 101,5",
])
LETTER_COMMANDS = ["lhe check {doc}", "lhe check {doc} --format json", "lhe check {doc} --lang en"]


@st.composite
def letters(draw: st.DrawFn) -> bytes:
    lines = LETTER.split("\n")
    kind = draw(st.sampled_from(["delete", "repeat", "swap", "replace", "insert", "insert", "numbers", "line_ends",
                                 "encoding", "bytes", "continuation", "truncate"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    if kind == "truncate":
        return LETTER.encode("utf-8")[: draw(st.integers(0, len(LETTER.encode("utf-8"))))]
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "replace":
            lines[at] = draw(ODD_TEXT)
        elif kind in ("insert", "continuation"):
            text = draw(ODD_TEXT) if kind == "insert" else "ab\n" * draw(st.integers(1, 20_000))
            lines.insert(at, text)
        elif kind == "numbers":
            lines[at] = "".join(draw(ODD_TEXT) if c.isdigit() and draw(st.booleans()) else c for c in lines[at])
    text = "\n".join(lines)
    if kind == "line_ends":
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\f\n", "\u2028"])))
    if kind == "encoding":
        return draw(st.sampled_from([text.encode("utf-16"), text.encode("latin-1", errors="replace"),
                                     b"\xef\xbb\xbf" + text.encode("utf-8")]))
    return text.encode("utf-8")


@cache
def _report_workbook() -> bytes:
    """The LKE workbook `report --format xlsx` writes for the bundled workspace (made once, when needed)."""
    from sakip_eval.i18n import Lang
    from sakip_eval.render.report import ReportFormat, ReportInput, render_bytes
    from sakip_eval.scoring.prediction import predict

    ws = load_workspace(WORKSPACE)
    return render_bytes(ReportInput(ws, predict(ws)), ReportFormat.XLSX, Lang.ID)


HOSTILE_PARTS = {
    "entities": '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&d;&d;&d;</t></si></sst>',
    "elements": '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "<si/>" * 1_200_000
                + "</sst>",
    "not_xml": "<<<>>>",
    "empty": "",
}


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["cells", "cells", "rows", "header", "flip", "cut", "drop_part", "hostile_part"]))
    if kind in ("flip", "cut"):
        data = bytearray(_report_workbook())
        if kind == "cut":
            return bytes(data[: draw(st.integers(0, len(data)))])
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if kind in ("drop_part", "hostile_part"):
        source = zipfile.ZipFile(io.BytesIO(_report_workbook()))
        names = source.namelist()
        target = draw(st.sampled_from(names))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                if name != target:
                    archive.writestr(name, source.read(name))
                elif kind == "hostile_part":
                    archive.writestr(name, HOSTILE_PARTS[draw(st.sampled_from(sorted(HOSTILE_PARTS)))])
        return out.getvalue()
    book = openpyxl.load_workbook(io.BytesIO(_report_workbook()))
    sheet = book.worksheets[draw(st.integers(0, len(book.worksheets) - 1))]
    for _ in range(draw(st.integers(1, 10))):
        row = draw(st.integers(1, max(sheet.max_row, 1) + 2))
        column = draw(st.integers(1, 12))
        if kind == "rows":
            sheet.delete_rows(row) if draw(st.booleans()) else sheet.insert_rows(row)
        elif kind == "header":
            header = draw(st.sampled_from(["No", "Jawaban", "Catatan", "Bukti", "", "id"]))
            sheet.cell(row=3, column=column, value=header)
        else:
            value = draw(st.one_of(ODD_TEXT, st.sampled_from(["Ya", "Tidak", "N/A", "1.a.1", "9.z.9", "pk-2024",
                                                               "renja-2024, lkjip-2024", "=1+2"]),
                                   st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False)))
            with contextlib.suppress(ValueError, IllegalCharacterError):  # the cell stays as it is
                sheet.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    try:
        book.save(out)
    except AttributeError:  # openpyxl itself cannot write some changed cells (a number where text was shared)
        reject()
    return out.getvalue()


@st.composite
def laid_out(draw: st.DrawFn, render: Callable[[list[Block]], bytes]) -> bytes:
    """A court letter (the shape of a real PDF or Word letter: two years' columns, grouped items) with
    paragraphs and cells replaced by odd text, blocks dropped or repeated, rendered; or its bytes then
    flipped or cut."""
    blocks = court_letter()
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(blocks) - 1))
        action = draw(st.sampled_from(["text", "drop", "repeat"]))
        if action == "drop" and len(blocks) > 1:
            del blocks[at]
        elif action == "repeat":
            blocks.insert(at, blocks[at])
        elif isinstance(blocks[at], Para):
            blocks[at] = Para(draw(ODD_TEXT), blocks[at].auto)  # type: ignore[union-attr]
        elif isinstance(blocks[at], Row):
            cells = list(blocks[at].cells)  # type: ignore[union-attr]
            cells[draw(st.integers(0, len(cells) - 1))] = draw(ODD_TEXT)
            blocks[at] = Row(tuple(cells))
    return damaged(draw, render(blocks))


def damaged(draw: st.DrawFn, rendered: bytes) -> bytes:
    """A rendered document as it is, or with bytes flipped, or cut short."""
    data = bytearray(rendered)
    damage = draw(st.sampled_from(["none", "none", "flip", "cut"]))
    if damage == "cut":
        return bytes(data[: draw(st.integers(0, len(data)))])
    if damage == "flip":
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def lkjips(draw: st.DrawFn, kind: str) -> bytes:
    """The synthetic LKjIP of the import tests (merged header cells, years as column groups, units and %
    in cells, totals rows) with paragraphs and cells replaced by odd text, rows or blocks dropped or
    repeated; as tab-separated text, or as Word or PDF, then perhaps flipped or cut."""
    blocks = synthetic()
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(blocks) - 1))
        action = draw(st.sampled_from(["text", "drop", "repeat", "row"]))
        block = blocks[at]
        if action == "drop" and len(blocks) > 1:
            del blocks[at]
        elif action == "repeat":
            blocks.insert(at, block)
        elif isinstance(block, str):
            blocks[at] = draw(ODD_TEXT)
        else:
            table = [list(row) for row in block]
            row = draw(st.integers(0, len(table) - 1))
            if action == "row":
                if draw(st.booleans()) or len(table) == 1:
                    table.insert(row, table[row])
                else:
                    del table[row]
            else:
                column = draw(st.integers(0, len(table[row]) - 1))
                cell = table[row][column]
                text = draw(ODD_TEXT)
                table[row][column] = Cell(text, cell.cols, cell.rows) if isinstance(cell, Cell) else text
            blocks[at] = table
    if kind == "txt":
        return to_text(blocks).encode("utf-8")
    writer = write_docx if kind == "docx" else write_pdf
    with tempfile.TemporaryDirectory() as tmp:
        return damaged(draw, writer(Path(tmp) / f"lkjip.{kind}", blocks).read_bytes())


def _pdf(blocks: list[Block]) -> bytes:
    return to_pdf(blocks)


def _digest(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and STATE_DIR not in p.parts}


@settings(max_examples=examples("documents"), deadline=None, derandomize=SEED is None, database=None,
          suppress_health_check=list(HealthCheck))
@seed(int(SEED or 0))
@given(data=st.data())
def test_mutated_document_never_crashes(run: Callable[..., Result], data: st.DataObject) -> None:
    reader = data.draw(st.sampled_from(sorted(READERS)), label="reader")
    content, commands = data.draw(READERS[reader][0], label="document"), READERS[reader][1]
    command = data.draw(st.sampled_from(commands), label="command")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(WORKSPACE, ws, ignore=shutil.ignore_patterns(STATE_DIR))
        (Path(tmp) / "folder").mkdir()
        doc = Path(tmp) / "folder" / f"document{READERS[reader][2]}"
        doc.write_bytes(content)
        before = _digest(ws)
        args = command.format(doc=doc, ws=ws, folder=doc.parent, new=Path(tmp) / "new").split()
        with guarded(f"{command} ({reader})"):
            result = run(*args)

        def check() -> None:
            assert result.code in (0, 1, 2), (command, result.code, result.err[-2000:])
            assert "Traceback" not in result.out + result.err
            assert not CONTROL.search(result.out + result.err), (command, result.err[-500:])
            if result.code == 2:
                assert result.err.strip()
            if "json" in args and result.code in (0, 1):
                json.loads(result.out)
            if result.code != 0 or args[0] not in WRITERS:
                assert _digest(ws) == before
            else:
                load_workspace(ws)  # what the importer wrote reads back
                if args[0] == "init":
                    load_workspace(Path(tmp) / "new")

        count(f"read {reader}", result.out + result.err, command, check)


# The commands that may write into the workspace when they succeed (what they write must read back).
WRITERS = ("import-lke", "import-lkjip", "followup", "init")
# Every document reader: the letter as text, PDF and Word (lhe check, followup import), the LKjIP importer
# on the same documents, the evidence-folder scan (init --from) over a folder holding one of them.
DOCUMENT_COMMANDS = [*LETTER_COMMANDS, "followup {ws} import {doc}", "import-lkjip {doc} {ws}",
                     "init {new} --from {folder}"]
# An LKjIP: drafted (lkjip.yaml, or lkjip.draft.yaml beside the team's), merged into the team's lkjip.yaml,
# scanned as evidence.
LKJIP_COMMANDS = ["import-lkjip {doc} {ws}", "import-lkjip {doc} {ws} --merge", "init {new} --from {folder}"]
# reader -> (documents, commands on {doc} and {ws}, file suffix)
READERS: dict[str, tuple[st.SearchStrategy[bytes], list[str], str]] = {
    "letter": (letters(), DOCUMENT_COMMANDS, ".txt"),
    "pdf": (laid_out(_pdf), DOCUMENT_COMMANDS, ".pdf"),
    "docx": (laid_out(to_docx), DOCUMENT_COMMANDS, ".docx"),
    "lkjip text": (lkjips("txt"), LKJIP_COMMANDS, ".txt"),
    "lkjip docx": (lkjips("docx"), LKJIP_COMMANDS, ".docx"),
    "lkjip pdf": (lkjips("pdf"), LKJIP_COMMANDS, ".pdf"),
    "workbook": (workbooks(), ["import-lke {doc} {ws}", "import-lke {doc} {ws} --ignore-evidence --lang en"], ".xlsx"),
}
