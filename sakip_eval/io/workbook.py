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
from typing import TYPE_CHECKING, Any

from sakip_eval.errors import InputError
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.workspace import load_workspace
from sakip_eval.io.yamlread import parse_text, read_text, validate
from sakip_eval.model.claims import Assessment
from sakip_eval.rulebook.book import Rulebook

if TYPE_CHECKING:  # openpyxl and ruamel load only for import-lke: every other command starts faster
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

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
    """Refuse a workbook that would unpack to far more than any LKE (a zip bomb) before openpyxl reads it;
    zipfile never inflates an entry past the size the archive declares for it."""
    with zipfile.ZipFile(data) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
        raise InputError("lke.too_big_unpacked", file=display, limit=MAX_UNPACKED // (1024 * 1024),
                         entries=MAX_ENTRIES)
    data.seek(0)


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


def import_workbook(xlsx: Path, workspace: Path, ignore_evidence: bool = False) -> ImportResult:
    """Merge the workbook's answers into `workspace/assessment.yaml`, keeping its comments, its
    `subcomponents` and any value the workbook leaves empty; validate, then write atomically."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    ws = load_workspace(workspace)
    rows = read_workbook(xlsx, ws.rulebook)
    known = {item.id for item in ws.inventory.items}
    target = workspace / "assessment.yaml"
    tree = _load_tree(target) if target.exists() else _new_tree(workspace)
    criteria = tree.get("criteria")
    if not isinstance(criteria, CommentedMap):
        criteria = tree["criteria"] = CommentedMap()
    changed = 0
    for row in rows:
        entry = criteria.get(row.criterion)
        if not isinstance(entry, CommentedMap):
            entry = CommentedMap(met=False)
            entry.fa.set_flow_style()
        before = (row.criterion in criteria, dict(entry))
        if row.met is not None:
            entry["met"] = YAML_VALUES[row.met]
        if row.note is not None:
            entry["note"] = row.note
        if row.evidence is not None and not ignore_evidence:
            unknown = [ev for ev in row.evidence if ev not in known]
            if unknown:
                raise InputError("lke.unknown_evidence", file=str(xlsx), field=row.evidence_where, id=unknown[0])
            evidence = CommentedSeq(row.evidence)
            evidence.fa.set_flow_style()
            entry["evidence"] = evidence
        if before != (True, dict(entry)):
            criteria[row.criterion] = entry
            changed += 1
    text = _dump(tree)
    validate(parse_text(text, target, str(target)), Assessment, "assessment")
    write_atomically(target, text.encode("utf-8"))
    return ImportResult(target, len(rows), changed)


def _round_trip() -> YAML:
    """Comments, flow style and the user's quotes survive the rewrite."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _load_tree(target: Path) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    tree = _round_trip().load(read_text(target, str(target)))
    return tree if isinstance(tree, CommentedMap) else CommentedMap()


def _new_tree(workspace: Path) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    from sakip_eval.io.schemas import install_schemas, schema_line

    install_schemas(workspace)
    tree = CommentedMap()
    tree.yaml_set_start_comment(schema_line("assessment"))
    return tree


def _dump(tree: CommentedMap) -> str:
    buffer = io.StringIO()
    _round_trip().dump(tree, buffer)
    return buffer.getvalue()
