"""Drafting lkjip.yaml from a document's blocks: what `import-lkjip` writes.

The draft holds every value as the document writes it, with a comment naming its table, row, line and
page; it is validated with the same model `check` uses before it is written. What could not be placed
(a table with numbers of no known shape, a merged cell that could not be split, a row placed by its
amount rather than its name) is returned as the review list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sakip_eval.importers.assemble import (
    Indicators,
    Lines,
    Pending,
    Placed,
    explicit_levels,
    place_budget,
    place_indicators,
    place_pending,
    slug,
    unplaced_text,
)
from sakip_eval.importers.blocks import Block, Paragraph, Table
from sakip_eval.importers.direction import lower_is_better
from sakip_eval.importers.names import normalise
from sakip_eval.importers.narratives import Found, scan
from sakip_eval.importers.recognise import (
    Context,
    Recognised,
    StaffRow,
    Unplaced,
    recognise,
)
from sakip_eval.importers.render import Entry, Section, render
from sakip_eval.importers.values import Reading
from sakip_eval.io.schemas import schema_line

INDICATOR_KEYS = ("target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding", "selisih")
BUDGET_KEYS = ("pagu", "realisasi", "persen", "share")
_UNIT = re.compile(r"^(KECAMATAN|KELURAHAN|DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH SAKIT|RSUD|"
                   r"BAGIAN|PENGADILAN)\b[A-Z .,&-]{3,80}$")
_YEAR_TITLE = re.compile(r"\bTAHUN\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_APPENDED = re.compile(r"^LAPORAN\s+(KINERJA|PELAKSANAAN|HASIL)\b(?!.*INSTANSI)")
SCAN_TITLE = 40  # paragraphs at the start read for the unit's name and the year


@dataclass
class Draft:
    text: str
    review: list[str]
    counts: dict[str, int] = field(default_factory=dict)


def document_context(blocks: list[Block], year: int | None) -> tuple[Context, str]:
    """The performance year (the workspace's, else the title's), the Renstra period's end and the
    unit's name as the title page prints it."""
    paragraphs = [b for b in blocks[:SCAN_TITLE] if isinstance(b, Paragraph)]
    unit_name = next((p.text for p in paragraphs if _UNIT.match(p.text)), "")
    if year is None:
        found = next((m for p in paragraphs if (m := _YEAR_TITLE.search(p.text))), None)
        year = int(found.group(1)) if found else 0
    end = None
    for block in blocks:
        if isinstance(block, Paragraph) and re.search(r"renstra|rencana strategis", block.text, re.IGNORECASE):
            period = re.search(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", block.text)
            if period:
                end = int(period.group(2))
                break
    kind = {"kecamatan", "kelurahan", "dinas", "badan", "kantor", "sekretariat", "inspektorat"}
    words = frozenset(w for w in re.findall(r"[a-z]+", unit_name.lower()) if w not in kind)
    return Context(year, end, words), unit_name


def cut_appended(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """The LKjIP without the reports bound after it (an official's own LKj, a survey report)."""
    seen_end = False
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        if re.match(r"^(PENUTUP|LAMPIRAN)", block.text.upper()) or re.match(r"^BAB\s+(IV|V)\b", block.text.upper()):
            seen_end = True
        elif seen_end and index > SCAN_TITLE and _APPENDED.match(block.text.upper()):
            return blocks[:index], f"{block.text} (baris {block.line})"
    return blocks, None


def build_draft(blocks: list[Block], year: int | None, display: str, seed: dict[str, Any] | None = None) -> Draft:
    """The draft of `blocks`; with `seed` (the team's lkjip.yaml, for `--merge`) its indicators and
    budget lines keep the team's ids wherever the names agree."""
    blocks, appended = cut_appended(blocks)
    context, unit_name = document_context(blocks, year)
    review: list[str] = []
    if appended:
        review.append(f"dokumen lain yang dijilid sesudah LKjIP tidak diimpor, mulai: {appended} / "
                      "a report bound after the LKjIP was not imported")
    unplaced: list[Unplaced] = []
    parts: list[Recognised] = []
    for block in blocks:
        if isinstance(block, Table):
            parts.extend(recognise(block, context, unplaced))
    review.extend(unplaced_text(unplaced))
    _number_runs(parts)
    indicators = Indicators(context.unit_words)
    lines = Lines(unit_name or "Perangkat Daerah", context.unit_words, explicit_levels(parts, context.unit_words))
    if seed:
        indicators.seed(seed.get("indicators") or [])
        lines.seed(seed.get("budget_lines") or [])
    placed: list[Placed] = []
    used_indicators: dict[tuple[str, str, str, int | None, int], dict[int | None, set[str]]] = {}
    used_lines: dict[tuple[str, str, str, int | None, int], set[str]] = {}
    pending: list[Pending] = []
    for part in parts:  # budgets first: value rows find their indicator through their kegiatan too
        if part.kind == "budget":
            placed.append(place_budget(part, lines, review, used_lines.setdefault(table_key(part), set()), pending))
    place_pending(pending, lines, review)
    for part in parts:
        if part.kind == "values":
            placed.append(place_indicators(part, indicators, lines, review,
                                           used_indicators.setdefault(table_key(part), {})))
    placed.sort(key=lambda p: (p.part.table.index, p.part.kind != "values"))
    for part in parts:
        if part.kind == "iku":
            _apply_iku(part, indicators)
    _apply_direction(placed, indicators, review)
    staff = [p for p in parts if p.kind == "staff"]
    headcounts = _headcounts(staff, review)
    narratives = _narratives(blocks, indicators, placed, headcounts, context, review)
    tables, budgets = _tables(placed, context)
    changes = _changes(blocks, parts, context)
    sections = [
        Section("indicators", [_indicator_entry(i) for i in indicators.items]),
        Section("tables", tables),
        Section("budget_lines", [Entry({k: v for k, v in {"id": ln.id, "level": ln.level, "parent": ln.parent,
                                                           "name": ln.name}.items() if v is not None}, flow=True)
                                 for ln in lines.items]),
        Section("budgets", budgets),
        Section("narratives", narratives),
        Section("headcounts", headcounts),
        Section("changes", changes),
    ]
    header = [
        schema_line("lkjip"),
        f"DRAF lkjip.yaml dari {display} (sakip-eval import-lkjip). Periksa setiap baris sebelum dipakai:",
        "angka disalin apa adanya; komentar menyebut tabel, baris dan halaman sumbernya.",
        f"DRAFT lkjip.yaml from {display}. Review every row: numbers are copied as written; comments name",
        "the source table, row and page.",
    ]
    text = render(header, sections)
    counts = {"indicators": len(indicators.items), "tables": len(tables), "budget_lines": len(lines.items),
              "budgets": len(budgets), "narratives": len(narratives), "headcounts": len(headcounts)}
    return Draft(text, review, counts)


def table_key(part: Recognised) -> tuple[str, str, str, int | None, int]:
    """Parts of one printed table (the SASARAN and KINERJA LAINNYA halves: neighbouring tables under
    one caption) share this key and become one table of the draft."""
    return (part.kind, part.title, part.source, part.year, part.run)


def _number_runs(parts: list[Recognised]) -> None:
    """Each part's run: the first document table of the neighbouring tables with its caption and kind."""
    last: dict[tuple[str, str], tuple[int, int]] = {}
    for part in parts:
        key = (part.kind, part.title)
        previous = last.get(key)
        part.run = previous[0] if previous and part.table.index - previous[1] <= 2 else part.table.index
        last[key] = (part.run, part.table.index)


# -- indicators ---------------------------------------------------------------------------------------
def _apply_iku(part: Recognised, indicators: Indicators) -> None:
    for entry in part.iku:
        item, _ = indicators.resolve(entry["name"], None)
        item.iku = {k: v for k, v in entry.items() if k not in ("name", "unit")}
        item.unit = item.unit or entry.get("unit")


def _apply_direction(placed: list[Placed], indicators: Indicators, review: list[str]) -> None:
    rows = [(indicator, row) for p in placed if p.part.kind == "values"
            for row, indicator in zip(p.part.indicators, p.ids, strict=True) if indicator is not None]
    lower = lower_is_better(rows)
    for item in indicators.items:
        if item.id in lower and not item.seeded:
            item.direction = "lower"
            review.append(f"indikator \"{item.name}\" ditulis `direction: lower`: capaian tertulisnya dihitung "
                          "sebagai makin kecil makin baik / drafted as lower-is-better from its written capaian")


def _indicator_entry(item: Any) -> Entry:
    data: dict[str, Any] = {"id": item.id, "name": item.name}
    if item.level:
        data["level"] = item.level
    if item.iku:
        data["iku"] = True
        data.update(item.iku)
    if item.unit:
        data["unit"] = item.unit
    comment = None
    if item.direction:
        data["direction"] = item.direction
        comment = "arah ditebak dari capaian tertulis; periksa / direction guessed from the written capaian"
    return Entry(data, comment, flow=not item.iku)


# -- tables -------------------------------------------------------------------------------------------
def _origin_comment(line: int, page: int | None, note: str | None = None) -> str:
    text = f"baris {line}" + (f", hlm {page}" if page else "")
    return f"{text}; {note}" if note else text


def _row_notes(readings: Iterable[Reading]) -> str | None:
    notes = list(dict.fromkeys(r.note for r in readings if r.note))
    return "; ".join(notes) if notes else None


def _measures(values: dict[str, Reading], keys: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    stated: dict[str, str] = {}
    written: dict[str, str] = {}
    for key in keys:
        reading = values.get(key)
        if reading is None:
            continue
        if reading.value is not None:
            stated[key] = reading.value
        elif reading.written is not None:
            written[key] = reading.written
    return stated, written


def _table_id(title: str, ids: set[str], suffix: str = "") -> str:
    match = re.match(r"^tabel\s+([A-Za-z0-9.\-]+)", title, re.IGNORECASE)
    words = [w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in ("dan", "yang", "di", "per")]
    base = ("tabel-" + match.group(1).strip(".-").lower()) if match else "-".join(words[:5]) or "tabel"
    base += suffix
    candidate, n = base, 2
    while candidate in ids:
        candidate, n = f"{base}-{n}", n + 1
    ids.add(candidate)
    return candidate


def _tables(placed: list[Placed], context: Context) -> tuple[list[Entry], list[Entry]]:
    """Parts of one printed table (the SASARAN and KINERJA LAINNYA halves) become one table."""
    groups: dict[tuple[str, str, str, int | None, int], list[Placed]] = {}
    for item in placed:
        part = item.part
        groups.setdefault(table_key(part), []).append(item)
    titles_with_values = {key[1] for key in groups if key[0] == "values"}
    ids: set[str] = set()
    tables: list[Entry] = []
    budgets: list[Entry] = []
    for (kind, title, *_), members in groups.items():
        first = members[0].part
        if kind == "values":
            tables.append(_value_table(title, members, ids))
        else:
            shown = f"{title} (anggaran)" if title in titles_with_values else title
            suffix = "-anggaran" if title in titles_with_values else ""
            budgets.append(_budget_table(shown, members, ids, suffix))
        del first
    return tables, budgets


def _span(members: list[Placed]) -> str:
    pages = sorted({p for m in members for p in m.part.table.pages if p})
    first = min(m.part.table.first_line for m in members)
    last = max(m.part.table.lines[-1] if m.part.table.lines else first for m in members)
    where = f"baris {first}-{last}"
    if pages:
        where += f", hlm {pages[0]}" + (f"-{pages[-1]}" if pages[-1] != pages[0] else "")
    return where


def _value_table(title: str, members: list[Placed], ids: set[str]) -> Entry:
    part = members[0].part
    data: dict[str, Any] = {"id": _table_id(title, ids), "title": title}
    if part.source != "lkjip":
        data["source"] = part.source
    for key in ("year", "target_year", "comparison", "data_year"):
        if getattr(part, key) is not None:
            data[key] = getattr(part, key)
    if part.reference:
        data["reference"] = True
    rows: list[Entry] = []
    for member in members:
        for row, indicator, note in _placed(member.part.indicators, member):
            stated, written = _measures(row.values, INDICATOR_KEYS)
            if not stated and not written:
                continue
            entry: dict[str, Any] = {"indicator": indicator, "label": row.name}
            if row.year is not None:
                entry["year"] = row.year
            entry.update(stated)
            if written:
                entry["written"] = written
            row_note = _row_notes(row.values.values())
            if row_note:
                entry["note"] = row_note
            rows.append(Entry(entry, _origin_comment(row.origin.line, row.origin.page, note), flow=True))
    data["rows"] = rows
    return Entry(data, f"{title} ({_span(members)})")


Row = TypeVar("Row")


def _placed(rows: list[Row], member: Placed) -> Iterator[tuple[Row, str, str | None]]:
    """A placed table's rows with their resolved ids (rows left without one are not written) and notes."""
    for row, row_id, note in zip(rows, member.ids, member.notes, strict=True):
        if row_id is not None:
            yield row, row_id, note


def _budget_table(title: str, members: list[Placed], ids: set[str], suffix: str) -> Entry:
    part = members[0].part
    data: dict[str, Any] = {"id": _table_id(title, ids, suffix), "title": title}
    if part.source != "lkjip":
        data["source"] = part.source
    if part.stage != "papbd":
        data["stage"] = part.stage
    for key in ("year", "data_year"):
        if getattr(part, key) is not None:
            data[key] = getattr(part, key)
    if part.complete:
        data["complete"] = True
    if part.share:
        data["share_of"] = "opd"
    rows: list[Entry] = []
    for member in members:
        for row, line, note in _placed(member.part.budgets, member):
            stated, written = _measures(row.values, BUDGET_KEYS)
            entry: dict[str, Any] = {"line": line, "label": row.name or "(tanpa label)"}
            if row.funds:
                entry["funds"] = {name: reading.value for name, reading in row.funds if reading.value}
            entry.update(stated)
            if written:
                entry["written"] = written
            if not stated and not written and not row.funds:
                continue
            rows.append(Entry(entry, _origin_comment(row.origin.line, row.origin.page, note), flow=True))
    data["rows"] = rows
    return Entry(data, f"{title} ({_span(members)})")


# -- staff tables -------------------------------------------------------------------------------------
def _headcounts(parts: list[Recognised], review: list[str]) -> list[Entry]:
    out: list[Entry] = []
    ids: set[str] = set()
    for part in parts:
        total = next((r for r in part.staff if re.match(r"^(jumlah|total)\b", r.label, re.IGNORECASE)), None)
        groups: list[tuple[str, list[StaffRow]]] = []
        for row in part.staff:
            if row is total:
                continue
            if row.group:
                groups.append((row.label, []))
                continue
            if not groups:
                if total is None and any(re.search(r"\d", v) for v in row.values):
                    total = row  # the first row ("Pegawai PNS") above the breakdowns
                    continue
                if all(v in ("", "-") for v in row.values):
                    continue
                label = part.table.header[0][0] if part.table.header and part.table.header[0][0] else "Rincian"
                groups.append((label, []))
            groups[-1][1].append(row)
        if total is None or not part.staff_columns:
            review.append(f"{part.title}: tabel pegawai tanpa baris jumlah tidak diimpor / staff table without a "
                          "total row not imported")
            continue
        def hrow(row: StaffRow) -> dict[str, Any]:
            data: dict[str, Any] = {"label": row.label, "values": row.values}
            if row.total is not None:
                data["total"] = row.total
            return data
        data: dict[str, Any] = {"id": _table_id(part.title, ids), "title": part.title, "columns": part.staff_columns}
        if part.data_year is not None:
            data["data_year"] = part.data_year
        data["total"] = hrow(total)
        data["groups"] = [{"label": label, "rows": [hrow(r) for r in rows]} for label, rows in groups if rows]
        out.append(Entry(data, f"{part.title} (baris {part.table.first_line})"))
    return out


# -- narratives ---------------------------------------------------------------------------------------
def _narratives(blocks: list[Block], indicators: Indicators, placed: list[Placed], headcounts: list[Entry],
                context: Context, review: list[str]) -> list[Entry]:
    out: list[Entry] = []
    ids: set[str] = set()
    tables_so_far: list[tuple[int, Placed]] = []
    value_tables = [p for p in placed if p.part.kind == "values"]
    table_ids = _table_ids_by_title(placed)
    section = ""
    for block in blocks:
        if isinstance(block, Table):
            tables_so_far.extend((block.index, p) for p in value_tables if p.part.table is block)
            continue
        if re.match(r"^(BAB\s+[IVX]+|\d+(\.\d+)*\.?\s+\S|[A-H]\.\s)", block.text) and len(block.text) < 100:
            section = block.text
        for found in scan(block.text, block.line, section or block.text[:40]):
            entry = _narrative_entry(found, indicators, tables_so_far, table_ids, headcounts, context, ids, review)
            if entry is not None:
                out.append(entry)
    return out


def _table_ids_by_title(placed: list[Placed]) -> dict[int, str]:
    """Value tables' ids by the document table they came from (filled when tables are rendered)."""
    ids: set[str] = set()
    out: dict[int, str] = {}
    seen: dict[tuple[str, str, str, int | None, int], str] = {}
    for item in placed:
        part = item.part
        if part.kind != "values":
            continue
        key = table_key(part)
        if key not in seen:
            seen[key] = _table_id(part.title, ids)
        out[part.table.index] = seen[key]
    return out


def _narrative_entry(found: Found, indicators: Indicators, tables: list[tuple[int, Placed]],
                     table_ids: dict[int, str], headcounts: list[Entry], context: Context, ids: set[str],
                     review: list[str]) -> Entry | None:
    base = slug(found.section, 3) or "narasi"
    data: dict[str, Any] = {"id": "", "kind": found.kind.replace("counts_change", "counts"),
                            "section": found.section, "text": found.text}
    comment = f"baris {found.line}"
    if found.kind in ("indicator", "change"):
        subject = _subject(found, indicators)
        if subject is None:
            review.append(f"baris {found.line}: kalimat \"{found.text[:80]}\" tidak dapat dikaitkan ke indikator / "
                          "sentence not linked to an indicator")
            return None
        data["indicator"] = subject
        if found.kind == "indicator":
            data.update(found.values)
        else:
            direction = {1: "up", -1: "down", 0: "none"}[found.counts["direction"]]
            data.update({"from_year": context.year - 1, "to_year": context.year, "direction": direction})
            if "value" in found.values:
                data["value"] = found.values["value"]
    elif found.kind == "budget":
        data["line"] = "opd"
        data.update(found.values)
    elif found.kind == "headcount":
        if not headcounts:
            return None
        data["table"] = headcounts[0].data["id"]
        data["total"] = found.values["total"]
    else:
        table = _counted_table(found, tables, table_ids, context)
        if table is None:
            return None
        data["table"] = table
        if found.kind == "counts_change":
            data["year"] = context.year
        data.update(found.counts)
    data["id"] = _unique(f"{base}-{data['kind']}", ids)
    return Entry(data, comment)


def _unique(base: str, ids: set[str]) -> str:
    candidate, n = base, 2
    while candidate in ids:
        candidate, n = f"{base}-{n}", n + 1
    ids.add(candidate)
    return candidate


def _subject(found: Found, indicators: Indicators) -> str | None:
    """The indicator a sentence speaks of: its written name, else an acronym it uses (IKM, SAKIP)."""
    if found.subject:
        item, score = indicators.best(found.subject)
        if item is not None and score >= 0.85:
            return item.id
    for word in re.findall(r"\b[A-Z]{2,6}(?:\s[A-Z]{2,6})?\b", found.text):
        key = normalise(word)
        hits = [i for i in indicators.items if any(key in v.split() or key == v for v in i.variants)
                or key in normalise(i.name).split()]
        if len(hits) >= 1:
            return sorted(hits, key=lambda i: -i.mentions)[0].id
    return None


def _counted_table(found: Found, tables: list[tuple[int, Placed]], table_ids: dict[int, str],
                   context: Context) -> str | None:
    """The table a count speaks of: the latest measurement table above the sentence (with capaian for
    "tercapai", with last year's rows for "kenaikan")."""
    for index, item in reversed(tables):
        rows = item.part.indicators
        if item.part.source != "lkjip":
            continue
        if found.kind == "counts_change":
            if any(r.year == context.year - 1 for r in rows):
                return table_ids.get(index)
        elif any("capaian" in r.values for r in rows) and all(r.year is None for r in rows):
            return table_ids.get(index)
    return None


# -- target changes -----------------------------------------------------------------------------------
def _changes(blocks: list[Block], parts: list[Recognised], context: Context) -> list[Entry]:
    """The reason printed between the PK and the PK perubahan for changing the targets."""
    first = {source: min((p.table.index for p in parts if p.source == source), default=None)
             for source in ("pk_awal", "pk_perubahan")}
    start, end = first["pk_awal"], first["pk_perubahan"]
    if start is None or end is None or end < start:
        return []
    inside = False
    for block in blocks:
        if isinstance(block, Table):
            inside = start <= block.index < end
            continue
        if inside and re.search(r"perubahan", block.text, re.IGNORECASE) and len(block.text) > 40:
            data = {"year": context.year, "from_source": "pk_awal", "to_source": "pk_perubahan",
                    "reason": block.text}
            return [Entry(data, f"baris {block.line}")]
    return []
