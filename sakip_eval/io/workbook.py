"""The LKE workbook: the layout `report --format xlsx` writes and `import-lke` reads back.

Many teams fill the official LKE in Excel. The layout is one sheet per component, a header row with
(at least) an id column and an answer column, then one row per criterion; other sheets and rows are
skipped. Headers are matched loosely (case, spaces, text in brackets ignored; Indonesian and English
names and the usual LKE variants), answers too (Ya/Tidak, Y/T, 1/0, a check mark, N/A). Every error
names the sheet, the row and the column. An empty cell leaves the workspace's value as it is, so a
workbook that carries only answers keeps the notes and evidence ids already in assessment.yaml.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sakip_eval.errors import InputError
from sakip_eval.io.commit import commit
from sakip_eval.io.schemas import install_schemas, schema_line
from sakip_eval.io.state import write_lock
from sakip_eval.io.workspace import load_workspace, require_workspace
from sakip_eval.io.yamlpatch import Original, entry, flow
from sakip_eval.rulebook.book import Rulebook

# Written columns, in order; `lke.col.<key>` in i18n is each header.
COLUMNS = ("id", "text", "claimed", "predicted", "reasons", "evidence", "evidence_titles", "note", "recommendation")
COLUMN_WIDTHS = (9, 50, 10, 12, 40, 24, 36, 30, 45)
# answer -> (Indonesian word, English word) written in the claimed/predicted columns.
ANSWER_WORDS = {"true": ("Ya", "Yes"), "false": ("Tidak", "No"), "na": ("N/A", "N/A")}

# Header (normalised) -> column key. The first four are what import reads.
HEADER_ALIASES = {
    "id": "id", "no": "id", "no.": "id", "kode": "id", "nomor": "id", "nomor kriteria": "id", "kode kriteria": "id",
    "jawaban": "claimed", "claimed": "claimed", "klaim": "claimed", "jawaban opd": "claimed",
    "penilaian mandiri": "claimed", "self-assessment": "claimed", "self assessment": "claimed",
    "y/t": "claimed", "ya/tidak": "claimed", "answer": "claimed",
    "catatan": "note", "note": "note", "notes": "note", "keterangan": "note", "penjelasan": "note",
    "bukti": "evidence", "evidence": "evidence", "bukti dukung": "evidence", "id bukti": "evidence",
}
ANSWERS = {
    **dict.fromkeys(("ya", "y", "yes", "1", "true", "√", "✓", "✔", "v", "sudah", "ada"), "true"),
    **dict.fromkeys(("tidak", "t", "no", "n", "0", "false", "✗", "✘", "belum", "tidak ada"), "false"),
    **dict.fromkeys(("n/a", "na", "-", "–", "tidak berlaku", "not applicable", "tb"), "na"),
}
CRITERION_ID = re.compile(r"^\d+\.[a-z]\.\d+$")
MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024  # an LKE workbook unpacks to well under 5 MiB
MAX_ENTRIES = 1_000  # parts inside the .xlsx archive (sheets, styles, ...)
# XML elements openpyxl turns into objects: the whole workbook, and per part. An LKE sheet of 5,000 rows x
# 50 columns is about 500,000 elements; Excel allows 64,000 cell formats.
MAX_ELEMENTS = 1_000_000
MAX_STYLE_ELEMENTS = 200_000
MAX_OTHER_ELEMENTS = 100_000
MAX_ROWS = 5_000
MAX_COLUMNS = 50  # the LKE layout has 9; columns past this are never read
MAX_HEADER = 200  # characters of a header cell looked at
HEADER_SCAN_ROWS = 20
SHEET_TITLE_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(component_id: str, name: str) -> str:
    """`1 Perencanaan Kinerja`, cut at a word to Excel's 31 characters, without the characters it forbids."""
    title = " ".join(_SHEET_FORBIDDEN.sub(" ", f"{component_id} {name}").split())
    if len(title) > SHEET_TITLE_MAX:
        cut = title[: SHEET_TITLE_MAX + 1].rsplit(" ", 1)[0]
        title = cut if len(cut) > len(component_id) else title[:SHEET_TITLE_MAX]
    return title


@dataclass(frozen=True)
class Row:
    """One criterion read from the workbook; None means the cell was empty (keep the current value)."""

    criterion: str
    met: str | None
    note: str | None
    evidence: list[str] | None
    where: str  # the id cell, `Sheet!A5`
    evidence_where: str


def _normalise_header(value: object) -> str:
    text = re.sub(r"\(.*?\)", "", str(value or "")[:MAX_HEADER]).strip().lower()
    return " ".join(text.split())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_workbook(path: Path, book: Rulebook) -> list[Row]:
    """Every criterion row of every sheet that has an id and an answer column."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    display = str(path)
    if not path.is_file():
        raise InputError("error.not_a_file" if path.exists() else "error.not_found", file=display,
                         fix=None if path.exists() else "error.file_not_found.fix")
    if path.stat().st_size > MAX_BYTES:
        raise InputError("error.too_big", file=display, limit=MAX_BYTES // (1024 * 1024))
    data = io.BytesIO(path.read_bytes())
    rows: list[Row] = []
    seen: dict[str, str] = {}
    with warnings.catch_warnings():  # openpyxl's "extension not supported" notes are about parts never read
        warnings.simplefilter("ignore")
        try:
            _check_unpacked_size(data, display)
            workbook = load_workbook(data, read_only=True, data_only=True)
            try:
                for sheet in workbook.worksheets:
                    cells = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
                    for row in _sheet_rows(display, sheet.title, cells, book):
                        if row.criterion in seen:
                            raise InputError("lke.duplicate_row", file=display, id=row.criterion,
                                             first=seen[row.criterion], where=row.where)
                        seen[row.criterion] = row.where
                        rows.append(row)
            finally:
                workbook.close()
        except (InvalidFileException, zipfile.BadZipFile, zlib.error, SyntaxError, EOFError, KeyError, OSError,
                TypeError, ValueError, IndexError) as exc:  # damaged: openpyxl reads lazily, also while iterating
            raise InputError("lke.not_xlsx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
    if not rows:
        raise InputError("lke.no_rows", file=display)
    return rows


def _check_unpacked_size(data: io.BytesIO, display: str) -> None:
    """Refuse, before openpyxl reads it, a workbook that would unpack to far more than any LKE (a zip bomb)
    or whose parts hold far more XML elements than one (openpyxl builds an object per style, shared string
    and cell: 2 million empty styles in a 17 KB file took a minute and 1.3 GB). Elements are counted as
    `<` in each part, unpacked in chunks; zipfile never inflates an entry past the size it declares."""
    with zipfile.ZipFile(data) as archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
            raise InputError("lke.too_big_unpacked", file=display, limit=MAX_UNPACKED // (1024 * 1024),
                             entries=MAX_ENTRIES)
        total = 0
        for info in entries:
            limit = _element_limit(info.filename)
            count = 0
            with archive.open(info) as part:
                while chunk := part.read(1 << 20):
                    count += chunk.count(b"<")
                    if count > limit or total + count > MAX_ELEMENTS:
                        raise InputError("lke.too_many_elements", file=display, part=info.filename,
                                         limit=min(limit, MAX_ELEMENTS))
            total += count
    data.seek(0)


def _element_limit(part: str) -> int:
    """How many XML elements a part of an LKE workbook may hold."""
    if part.endswith("styles.xml"):
        return MAX_STYLE_ELEMENTS
    if part.startswith("xl/worksheets/") or part.endswith("sharedStrings.xml"):
        return MAX_ELEMENTS
    return MAX_OTHER_ELEMENTS


def _sheet_rows(display: str, title: str, cells: Any, book: Rulebook) -> list[Row]:
    columns: dict[str, int] | None = None
    out: list[Row] = []
    for number, values in enumerate(cells, start=1):
        if number > MAX_ROWS:
            raise InputError("lke.too_many_rows", file=display, sheet=title, limit=MAX_ROWS)
        if columns is None:
            if number > HEADER_SCAN_ROWS:
                return []
            found = {HEADER_ALIASES[h]: i for i, h in reversed(list(enumerate(map(_normalise_header, values))))
                     if h in HEADER_ALIASES}
            if "id" in found and "claimed" in found:
                columns = found
            continue
        out.extend(_criterion_row(display, title, number, values, columns, book))
    return out


def _criterion_row(display: str, title: str, number: int, values: tuple[object, ...], columns: dict[str, int],
                   book: Rulebook) -> list[Row]:
    def cell(key: str) -> str:
        index = columns.get(key)
        return _cell_text(values[index]) if index is not None and index < len(values) else ""

    def where(key: str) -> str:
        from openpyxl.utils import get_column_letter

        return f"{title}!{get_column_letter(columns[key] + 1)}{number}"

    crit_id = cell("id").lower()
    if not CRITERION_ID.match(crit_id):
        return []  # titles, sub-component rows, blank lines
    if crit_id not in book.criteria:
        raise InputError("lke.unknown_criterion", file=display, field=where("id"), id=crit_id)
    answer = cell("claimed")
    met = None
    if answer:
        met = ANSWERS.get(answer.lower())
        if met is None:
            raise InputError("lke.bad_answer", file=display, field=where("claimed"), value=answer)
    note = cell("note") or None
    raw_evidence = cell("evidence")
    evidence = [e for e in re.split(r"[,;\s]+", raw_evidence) if e] if raw_evidence else None
    return [Row(crit_id, met, note, evidence, where("id"), where("evidence") if "evidence" in columns else "")]


@dataclass(frozen=True)
class ImportResult:
    path: Path
    rows: int
    changed: int


YAML_VALUES: dict[str, object] = {"true": True, "false": False, "na": "na"}
FILE = "assessment.yaml"


def import_workbook(xlsx: Path, workspace: Path, ignore_evidence: bool = False) -> ImportResult:
    """Merge the workbook's answers into `workspace/assessment.yaml`, keeping its comments, its
    `subcomponents` and any value the workbook leaves empty. Under the workspace's write lock; the file is
    patched (every line of a criterion the workbook does not change stays byte for byte), validated as
    part of the workspace, then written atomically."""
    require_workspace(workspace)  # before the lock's folder is made
    with write_lock(workspace):
        ws = load_workspace(workspace)
        rows = read_workbook(xlsx, ws.rulebook)
        known = {item.id for item in ws.inventory.items}
        claims = ws.assessment.criteria
        changes: dict[str, dict[str, object]] = {}
        for row in rows:
            claim = claims.get(row.criterion)
            current: dict[str, object] = {"met": YAML_VALUES[claim.met] if claim else False}
            update: dict[str, object] = {}
            if row.met is not None:
                update["met"] = YAML_VALUES[row.met]
            if row.note is not None:
                update["note"] = row.note
            if row.evidence is not None and not ignore_evidence:
                unknown = [ev for ev in row.evidence if ev not in known]
                if unknown:
                    raise InputError("lke.unknown_evidence", file=str(xlsx), field=row.evidence_where, id=unknown[0])
                update["evidence"] = row.evidence
            if claim is not None:
                current.update({"note": claim.note, "evidence": claim.evidence})
            if claim is None or any(current.get(key) != value for key, value in update.items()):
                changes[row.criterion] = update
        doc = ws.documents.get(FILE)
        if changes:
            order = list(ws.rulebook.criteria)
            if doc is None or doc.source is None:
                text = f"# {schema_line('assessment')}\ncriteria:\n" + "".join(
                    f"  {crit}: {flow({'met': False, **update})}\n" for crit, update in changes.items())
            else:
                text = _patched(Original.parse(doc.source.text, doc.display, doc.source.bom), changes, order)
            commit(workspace, {FILE: text})
            if doc is None:
                install_schemas(workspace)  # the copy the new file's schema line names
    return ImportResult(workspace / FILE, len(rows), len(changes))


def _patched(original: Original, changes: dict[str, dict[str, object]], order: list[str]) -> str:
    """The file with each changed criterion's entry updated in place (a new one after the criterion before
    it in the catalogue), everything else as written."""
    root = original.root
    criteria = entry(root, "criteria") if root is not None else None
    if criteria is None or not isinstance(criteria[1], yaml.MappingNode):
        lines = "".join(f"  {crit}: {flow({'met': False, **update})}{original.eol}" for crit, update in changes.items())
        original.append_text(f"criteria:{original.eol}{lines}")
        return original.text()
    mapping = criteria[1]
    original.refuse_shared(mapping, "criteria")
    present = [str(key.value) for key, _ in mapping.value]
    for crit, update in changes.items():
        found = entry(mapping, crit)
        if found is None:
            earlier = [c for c in present if c in order and order.index(c) < order.index(crit)]
            original.add_key(mapping, crit, {"met": False, **update}, after=earlier[-1] if earlier else None)
            continue
        value = found[1]
        original.refuse_shared(value, f"criteria › {crit}")
        if not isinstance(value, yaml.MappingNode):
            original.replace(value, flow({"met": False, **update}))
            continue
        for key, new in update.items():
            original.set_key(value, key, new)
    return original.text()
