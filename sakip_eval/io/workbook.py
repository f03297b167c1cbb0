"""The LKE workbook: the layout `report --format xlsx` writes, and the workbooks teams make themselves.

Many teams fill the official LKE in Excel, each in its own layout. A sheet is read when its content
shows criteria: a header row with an id and an answer column (matched loosely: case, spaces, text in
brackets ignored; Indonesian and English names and the usual LKE variants), or, without such a header,
columns whose cells are criterion ids and answers. Ids stand in one column (`1.a.1`) or are spread over
several (`1 | a | 1`, the component and sub-component written once above their criteria). Answers are
Ya/Tidak, Y/T, 1/0, a check mark, N/A, a grade AA..E per criterion (read by the criteria-average
method), or a percentage (100% is Ya, 0% Tidak, 90% the grade whose factor is 0.9; a column named Nilai
that holds the official LKE's computed 1/0 reads as answers too). Both .xlsx and Excel 97-2003 .xls
are read. A cell that cannot be read is never guessed: every one is named (`Sheet!C12`) and nothing is
written. An empty cell leaves the workspace's value as it is,
so a workbook that carries only answers keeps the notes and evidence ids already in assessment.yaml.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sakip_eval.errors import InputError
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.files import read_limited
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

# Header (normalised) -> column key. `id`/`claimed`/`grade` are what import reads first.
HEADER_ALIASES = {
    "id": "id", "no": "id", "no.": "id", "kode": "id", "nomor": "id", "nomor kriteria": "id", "kode kriteria": "id",
    "jawaban": "claimed", "claimed": "claimed", "klaim": "claimed", "jawaban opd": "claimed",
    "penilaian mandiri": "claimed", "self-assessment": "claimed", "self assessment": "claimed",
    "y/t": "claimed", "ya/tidak": "claimed", "answer": "claimed", "jawaban/nilai": "claimed",
    "nilai": "grade", "grade": "grade", "nilai opd": "grade", "nilai mandiri": "grade", "kategori": "grade",
    "skor": "grade", "score": "grade", "persentase": "grade", "nilai kriteria": "grade",
    "catatan": "note", "note": "note", "notes": "note", "keterangan": "note", "penjelasan": "note",
    "bukti": "evidence", "evidence": "evidence", "bukti dukung": "evidence", "id bukti": "evidence",
}
ANSWERS = {
    **dict.fromkeys(("ya", "y", "yes", "1", "true", "√", "✓", "✔", "v", "sudah", "ada"), "true"),
    **dict.fromkeys(("tidak", "t", "no", "n", "0", "false", "✗", "✘", "belum", "tidak ada"), "false"),
    **dict.fromkeys(("n/a", "na", "-", "–", "tidak berlaku", "not applicable", "tb"), "na"),
}
# A percentage (`90%`, `90,0 %`) or a fraction (`0,9`: a cell formatted as percent) names the grade whose
# factor it equals; 100% and 0% are Ya and Tidak. Any other share is not a grade and is reported, not rounded.
_PERCENT = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%$")
_FRACTION = re.compile(r"^0?[.,]\d+$")
_FACTOR_TOLERANCE = Decimal("0.0005")  # a formula's 0.30000000000000004 is 30%
CRITERION_ID = re.compile(r"^\d+\.[a-z]\.\d+$")
_FRAGMENT = re.compile(r"^(\d{1,2}|[a-z])(\.(\d{1,2}|[a-z]))*\.?$")
MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024  # an LKE workbook unpacks to well under 5 MiB
MAX_ENTRIES = 1_000  # parts inside the .xlsx archive (sheets, styles, ...)
MAX_ROWS = 5_000
MAX_COLUMNS = 50  # the LKE layout has 9; columns past this are never read
MAX_HEADER = 200  # characters of a header cell looked at
MAX_LISTED = 20  # unreadable cells named in one message
CONTENT_SCAN_ROWS = 300
SHEET_TITLE_MAX = 31
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls
# What a damaged workbook raises while it is read (zip, XML, the readers' own parsing).
DAMAGED = (zipfile.BadZipFile, zlib.error, SyntaxError, EOFError, KeyError, OSError, TypeError, ValueError, IndexError)
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
    grade: str | None = None


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


@dataclass
class _Problems:
    """Cells that could not be read, each with its address: all are reported, none is guessed."""

    cells: list[tuple[str, str]] = field(default_factory=list)  # (address, value)

    def add(self, where: str, value: str) -> None:
        self.cells.append((where, value))

    def raise_if_any(self, display: str) -> None:
        if not self.cells:
            return
        where, value = self.cells[0]
        if len(self.cells) == 1:
            raise InputError("lke.bad_answer", file=display, field=where, value=value)
        listed = ", ".join(f"{w} (`{v}`)" for w, v in self.cells[:MAX_LISTED])
        more = len(self.cells) - MAX_LISTED
        raise InputError("lke.bad_answers", file=display, field=where, count=len(self.cells),
                         cells=listed + (f" … +{more}" if more > 0 else ""))


def read_workbook(path: Path, book: Rulebook) -> list[Row]:
    """Every criterion row of every sheet whose content shows criteria and answers."""
    display = str(path)
    data = read_limited(path, display, MAX_BYTES)
    rows: list[Row] = []
    seen: dict[str, str] = {}
    problems = _Problems()
    try:
        for title, cells in _sheets(display, data):
            for row in _sheet_rows(display, title, cells, book, problems):
                if row.criterion in seen:
                    raise InputError("lke.duplicate_row", file=display, id=row.criterion,
                                     first=seen[row.criterion], where=row.where)
                seen[row.criterion] = row.where
                rows.append(row)
    except DAMAGED as exc:  # openpyxl and xlrd read lazily: a damaged part shows while rows are read
        raise InputError("lke.not_xlsx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
    problems.raise_if_any(display)
    if not rows:
        raise InputError("lke.no_rows", file=display)
    return rows


def _sheets(display: str, data: bytes) -> Iterator[tuple[str, Iterator[tuple[object, ...]]]]:
    """(title, rows) of each sheet of an .xlsx or an .xls workbook; a damaged file is a located error."""
    if data[:8] == OLE:
        yield from _xls_sheets(display, data)
        return
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    buffer = io.BytesIO(data)
    with warnings.catch_warnings():  # openpyxl's "extension not supported" notes are about parts never read
        warnings.simplefilter("ignore")
        try:
            _check_unpacked_size(buffer, display)
            workbook = load_workbook(buffer, read_only=True, data_only=True)
        except InvalidFileException as exc:
            raise InputError("lke.not_xlsx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
        try:
            for sheet in workbook.worksheets:
                yield sheet.title, sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        finally:
            workbook.close()


def _xls_sheets(display: str, data: bytes) -> Iterator[tuple[str, Iterator[tuple[object, ...]]]]:
    """Excel 97-2003 workbooks through xlrd (BSD), which reads .xls only."""
    import struct

    import xlrd
    from xlrd.biffh import XLRDError
    from xlrd.compdoc import CompDocError

    try:
        workbook = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    except (XLRDError, CompDocError, struct.error, AssertionError, IndexError, KeyError, ValueError,
            TypeError, EOFError, UnicodeDecodeError, OverflowError) as exc:
        raise InputError("lke.not_xlsx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
    try:
        for index in range(workbook.nsheets):
            try:
                sheet = workbook.sheet_by_index(index)
            except (XLRDError, struct.error, AssertionError, IndexError, KeyError, ValueError) as exc:
                raise InputError("lke.not_xlsx", file=display, detail=str(exc)[:200] or type(exc).__name__) from exc
            rows = (tuple(sheet.row_values(r, 0, min(sheet.ncols, MAX_COLUMNS))) for r in range(sheet.nrows))
            yield sheet.name, rows
            workbook.unload_sheet(index)
    finally:
        workbook.release_resources()


def _check_unpacked_size(data: io.BytesIO, display: str) -> None:
    """Refuse a workbook that would unpack to far more than any LKE (a zip bomb) before openpyxl reads it;
    zipfile never inflates an entry past the size the archive declares for it."""
    with zipfile.ZipFile(data) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
        raise InputError("lke.too_big_unpacked", file=display, limit=MAX_UNPACKED // (1024 * 1024),
                         entries=MAX_ENTRIES)
    data.seek(0)


@dataclass
class _Layout:
    """Where a sheet keeps its ids (one column, or the columns of a split id), answers, grades, notes."""

    ids: list[int]
    columns: dict[str, int]


def _sheet_rows(display: str, title: str, cells: Any, book: Rulebook, problems: _Problems) -> list[Row]:
    head: list[tuple[object, ...]] = []
    layout: _Layout | None = None
    out: list[Row] = []
    carry: dict[str, str] = {}
    for number, values in enumerate(cells, start=1):
        if number > MAX_ROWS:
            raise InputError("lke.too_many_rows", file=display, sheet=title, limit=MAX_ROWS)
        if layout is None:
            head.append(tuple(values))
            found = _header_layout(values)
            if found is not None:
                layout = found
                continue
            if number < CONTENT_SCAN_ROWS:
                continue
            layout = _content_layout(head, _grades(book))
            if layout is None:
                return []
            for offset, early in enumerate(head, start=1):
                out.extend(_criterion_row(display, title, offset, early, layout, book, problems, carry))
            continue
        out.extend(_criterion_row(display, title, number, values, layout, book, problems, carry))
    if layout is None:
        layout = _content_layout(head, _grades(book))
        if layout is None:
            return []
        for offset, early in enumerate(head, start=1):
            out.extend(_criterion_row(display, title, offset, early, layout, book, problems, carry))
    return out


def _grades(book: Rulebook) -> dict[str, Decimal]:
    return {grade.code: grade.factor for grade in book.regime.grades}


def _header_layout(values: tuple[object, ...]) -> _Layout | None:
    """A header row naming an id column and an answer (or grade) column."""
    headers = list(map(_normalise_header, values))
    found = {HEADER_ALIASES[h]: i for i, h in reversed(list(enumerate(headers))) if h in HEADER_ALIASES}
    if "id" not in found or not ({"claimed", "grade"} & set(found)):
        return None
    ids = [found["id"]]
    # a merged "No" header over the component, sub-component and criterion columns
    for index in range(found["id"] + 1, min(found["id"] + 3, len(headers))):
        if headers[index] or index in found.values():
            break
        ids.append(index)
    return _Layout(ids, found)


def _content_layout(rows: list[tuple[object, ...]], grades: dict[str, Decimal]) -> _Layout | None:
    """Without a header: the id columns are those holding criterion ids (or their parts), the answer
    column the one right of them that holds most answers."""
    width = max((len(r) for r in rows), default=0)
    texts = [[_cell_text(r[c]) if c < len(r) else "" for c in range(width)] for r in rows]
    full = [sum(1 for t in texts if _full_id(t[c])) for c in range(width)]
    if max(full, default=0) >= 3:
        ids = [full.index(max(full))]
    else:
        parts = [sum(1 for t in texts if t[c] and _FRAGMENT.match(t[c].lower())) for c in range(width)]
        first = next((c for c in range(width) if parts[c] >= 3), None)
        if first is None:
            return None
        ids = [first]
        while len(ids) < 3 and ids[-1] + 1 < width and parts[ids[-1] + 1] >= 2:
            ids.append(ids[-1] + 1)  # the leftmost run: component, sub-component, criterion
        if len(ids) < 2:
            return None
    answers = [sum(1 for t in texts if _answer(t[c], grades) is not None) for c in range(width)]
    candidates = [c for c in range(ids[-1] + 1, width) if answers[c] >= 3]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (answers[c], -c))
    graded = sum(1 for t in texts if (_answer(t[best], grades) or ("", None))[1] is not None)
    return _Layout(ids, {"id": ids[0], "grade" if graded * 2 > answers[best] else "claimed": best})


def _answer(text: str, grades: dict[str, Decimal]) -> tuple[str, str | None] | None:
    """(met, grade) of an answer cell: Ya/Tidak words, a grade of the regime's scale (its lowest, E, is not
    met), or a percentage equal to a grade's factor; None if none of these."""
    word = text.strip()
    met = ANSWERS.get(word.lower())
    if met is not None:
        return met, None
    share = _share(word)
    if share in (0, 1):
        return ("true" if share else "false"), None
    code = word.upper() if word.upper() in grades else None
    if share is not None:
        code = next((c for c, factor in grades.items() if abs(factor - share) < _FACTOR_TOLERANCE), None)
    return None if code is None else (("true" if grades[code] > 0 else "false"), code)


def _share(word: str) -> Decimal | None:
    """`90%`, `90,5 %` or `0,9` as a share of one; None for any other text."""
    percent = _PERCENT.match(word)
    if percent:
        return Decimal(percent.group(1).replace(",", ".")) / 100
    if _FRACTION.match(word):
        return Decimal(word.replace(",", "."))
    return None


def _full_id(text: str) -> str | None:
    """`1.a.1`, also written `1.a.1.`, `1.A.1)` or `1. a. 1`; None for anything else."""
    compact = re.sub(r"\s+", "", text).lower().rstrip(".)")
    return compact if CRITERION_ID.match(compact) else None


def _criterion_id(texts: list[str], carry: dict[str, str]) -> str | None:
    """The criterion id of a row from its id columns, carrying the component and sub-component written
    on the rows above ("1" | "" | "", then "" | "a" | "", then "" | "" | "1" is 1.a.1)."""
    if len(texts) == 1:  # one id column: full ids only ("2" may be a component or a criterion)
        return _full_id(texts[0])
    tokens: list[tuple[int, str]] = []
    for position, text in enumerate(texts):
        if text:
            tokens.extend((position, t) for t in text.rstrip(".").split(".") if t)
    if not tokens or not all(_FRAGMENT.match(t) for _, t in tokens):
        return None
    kinds = "".join("d" if t.isdigit() else "l" for _, t in tokens)
    values = [t for _, t in tokens]
    if kinds == "dld":
        carry.update(component=values[0], sub=values[1])
        return ".".join(values)
    if kinds == "ld" and "component" in carry:
        carry["sub"] = values[0]
        return f"{carry['component']}.{values[0]}.{values[1]}"
    if kinds == "dl":
        carry.update(component=values[0], sub=values[1])
        return None
    if kinds == "l":
        carry["sub"] = values[0]
        return None
    if kinds == "d":
        first_column = tokens[0][0] == 0 and len(texts) > 1
        if first_column or "sub" not in carry:
            carry["component"] = values[0]
            carry.pop("sub", None)
            return None
        return f"{carry['component']}.{carry['sub']}.{values[0]}"
    return None


def _criterion_row(display: str, title: str, number: int, values: tuple[object, ...], layout: _Layout,
                   book: Rulebook, problems: _Problems, carry: dict[str, str]) -> list[Row]:
    from openpyxl.utils import get_column_letter

    columns = layout.columns

    def cell(key: str) -> str:
        index = columns.get(key)
        return _cell_text(values[index]) if index is not None and index < len(values) else ""

    def where(key: str) -> str:
        return f"{title}!{get_column_letter(columns[key] + 1)}{number}"

    texts = [_cell_text(values[c]).lower() if c < len(values) else "" for c in layout.ids]
    crit_id = _criterion_id(texts, carry)
    if crit_id is None:
        return []  # titles, component and sub-component rows, blank lines
    if crit_id not in book.criteria:
        raise InputError("lke.unknown_criterion", file=display, field=where("id"), id=crit_id)
    met: str | None = None
    grade: str | None = None
    for key in ("claimed", "grade"):
        answer = cell(key)
        if not answer:
            continue
        read = _answer(answer, _grades(book))
        if read is None:
            problems.add(where(key), answer)
            continue
        met = read[0] if met is None or key == "claimed" else met
        grade = read[1] or grade
    note = cell("note") or None
    raw_evidence = cell("evidence")
    evidence = [e for e in re.split(r"[,;\s]+", raw_evidence) if e] if raw_evidence else None
    return [Row(crit_id, met, note, evidence, where("id"), where("evidence") if "evidence" in columns else "", grade)]


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
        if row.grade is not None:
            entry["grade"] = row.grade
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
