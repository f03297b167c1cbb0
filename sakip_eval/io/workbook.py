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
from typing import Any

import yaml

from sakip_eval.errors import InputError
from sakip_eval.io.commit import commit
from sakip_eval.io.files import read_limited
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
OUTLINE = ""  # a row the numbering says is no criterion (see _criterion_id)
_OUTLINE_ID = re.compile(r"^\d{1,2}(\.[a-z])?\.?$")  # a component (`1`) or sub-component (`1.a`) in one id column
_FRAGMENT = re.compile(r"^(\d{1,2}|[a-z])(\.(\d{1,2}|[a-z]))*\.?$")
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
    # rows answered Ya/Tidak whose criterion number cannot be read: (address of the number, its text)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def add(self, where: str, value: str) -> None:
        self.cells.append((where, value))

    def raise_if_any(self, display: str) -> None:
        if not self.cells:
            return
        where, value = self.cells[0]
        if len(self.cells) == 1:
            raise InputError("lke.bad_answer", file=display, field=where, value=value)
        raise InputError("lke.bad_answers", file=display, field=where, count=len(self.cells),
                         cells=listed(self.cells))


def listed(cells: list[tuple[str, str]]) -> str:
    """Cells as a message names them: `LKE!C12 (`85%`), …`, the first MAX_LISTED and a count of the rest."""
    named = ", ".join(f"{where} (`{value}`)" for where, value in cells[:MAX_LISTED])
    more = len(cells) - MAX_LISTED
    return named + (f" … +{more}" if more > 0 else "")


@dataclass(frozen=True)
class WorkbookRows:
    """What a workbook holds: its criterion rows, and the answered rows whose number cannot be read
    (address and text), which are left out and reported."""

    rows: list[Row]
    skipped: list[tuple[str, str]]


def read_workbook(path: Path, book: Rulebook) -> WorkbookRows:
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
    return WorkbookRows(rows, problems.skipped)


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
    on the rows above ("1" | "" | "", then "" | "a" | "", then "" | "" | "1" is 1.a.1).

    OUTLINE (an empty string) for a row whose numbering says it is no criterion: blank, a component or a
    sub-component; None for numbering that cannot be read (`1.1`, `Perencanaan`, `a.1` with no component
    above), so that an answer on such a row is reported instead of lost."""
    if len(texts) == 1:  # one id column: full ids only ("2" may be a component or a criterion)
        full = _full_id(texts[0])
        if full is not None:
            return full
        return OUTLINE if not texts[0] or _OUTLINE_ID.match(re.sub(r"\s+", "", texts[0])) else None
    tokens: list[tuple[int, str]] = []
    for position, text in enumerate(texts):
        if text:
            tokens.extend((position, t) for t in text.rstrip(".").split(".") if t)
    if not tokens:
        return OUTLINE
    if not all(_FRAGMENT.match(t) for _, t in tokens):
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
        return OUTLINE
    if kinds == "l":
        carry["sub"] = values[0]
        return OUTLINE
    if kinds == "d":
        first_column = tokens[0][0] == 0 and len(texts) > 1
        if first_column or "sub" not in carry:
            carry["component"] = values[0]
            carry.pop("sub", None)
            return OUTLINE
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
    if not crit_id:  # titles, component and sub-component rows, blank lines
        if crit_id is None and ANSWERS.get(cell("claimed").strip().lower()) is not None:
            written = (_cell_text(values[c]) if c < len(values) else "" for c in layout.ids)
            problems.skipped.append((where("id"), " ".join(t for t in written if t)))
        return []
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
    skipped: list[tuple[str, str]]


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
        read = read_workbook(xlsx, ws.rulebook)
        rows = read.rows
        known = {item.id for item in ws.inventory.items}
        claims = ws.assessment.criteria
        changes: dict[str, dict[str, object]] = {}
        for row in rows:
            claim = claims.get(row.criterion)
            current: dict[str, object] = {"met": YAML_VALUES[claim.met] if claim else False}
            update: dict[str, object] = {}
            if row.met is not None:
                update["met"] = YAML_VALUES[row.met]
            if row.grade is not None:
                update["grade"] = row.grade
            if row.note is not None:
                update["note"] = row.note
            if row.evidence is not None and not ignore_evidence:
                unknown = [ev for ev in row.evidence if ev not in known]
                if unknown:
                    raise InputError("lke.unknown_evidence", file=str(xlsx), field=row.evidence_where, id=unknown[0])
                update["evidence"] = row.evidence
            if claim is not None:
                current.update({"grade": claim.grade, "note": claim.note, "evidence": claim.evidence})
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
    return ImportResult(workspace / FILE, len(rows), len(changes), read.skipped)


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
