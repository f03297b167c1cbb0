"""`init DIR --from FOLDER`: an inventory.yaml drafted from a folder of evidence files.

Each file (PDF, Word, Excel, images, anything else) becomes an item: its type guessed from its name and
its first page (rules/<regime>/evidence-keywords.yaml), its year or period, the decree number and the
signing date its first page states (formalized), its page count. Every guess is marked for review in a
comment and in `notes`; a file whose type cannot be guessed is listed as `lainnya`, never dropped; a
file whose content cannot be read (a scan, a password, a damaged file) is still listed, by its name.

The files are read, never moved or changed. Items point into the workspace: a folder outside it is
copied into `DIR/files/` (the originals stay as they are); a folder already inside it is referred to in
place.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sakip_eval.errors import InputError
from sakip_eval.rulebook.book import RULES_ROOT, rules_root

MAX_FILES = 2_000
MAX_READ = 50 * 1024 * 1024  # larger files are listed by their name only
MAX_COPY = 2 * 1024 * 1024 * 1024
MAX_DEPTH = 6
FIRST_PAGE_CHARS = 6_000
IMAGES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic"}
MONTHS = {"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12}
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–/s.d]+\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_WORD = re.compile(r"\btahun(?:\s+anggaran)?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\bnomor\s*:?\s*([0-9A-Za-z][0-9A-Za-z.\-]*(?:\s*/\s*[0-9A-Za-z.\-]+)+)", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_SIGNED = re.compile(r"ditetapkan di|ditandatangani|pihak pertama|pihak kedua|\bttd\b|tertanda|\bNIP\.?\s*:?\s*\d",
                     re.IGNORECASE)
PERIOD_TYPES = frozenset(("renstra", "rpjmd", "rpjpd"))


@dataclass
class Guess:
    """One file as the draft will list it."""

    relative: str  # inside the scanned folder, with forward slashes
    kind: str
    type: str = "lainnya"
    reason: str = ""
    year: int | None = None
    period: str | None = None
    number: str | None = None
    date: dt.date | None = None
    signed: bool = False
    pages: int | None = None
    problem: str | None = None  # why the content could not be read
    text: str = field(default="", repr=False)


@dataclass(frozen=True)
class Keywords:
    name_weight: int
    text_weight: int
    patterns: dict[str, list[re.Pattern[str]]]
    fallback: frozenset[str]


def load_keywords(regime: str, known_types: set[str]) -> Keywords:
    path = rules_root() / regime / "evidence-keywords.yaml"
    if not path.is_file():  # a rulebook of the user's own without keywords: the bundled ones
        path = RULES_ROOT / regime / "evidence-keywords.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    patterns = {t: [re.compile(p, re.IGNORECASE) for p in ps] for t, ps in data["types"].items() if t in known_types}
    return Keywords(int(data["name_weight"]), int(data["text_weight"]), patterns,
                    frozenset(data.get("fallback") or ()))


def scan_folder(folder: Path, keywords: Keywords) -> list[Guess]:
    """Every file under `folder` (hidden files and folders skipped), in a stable order, with its guesses."""
    if not folder.is_dir():
        raise InputError("error.not_a_folder" if folder.exists() else "error.not_found", file=str(folder),
                         fix="importers.scan_folder.fix")
    guesses: list[Guess] = []
    for path in _files(folder):
        if len(guesses) >= MAX_FILES:
            raise InputError("importers.too_many_files", file=str(folder), limit=MAX_FILES)
        guess = Guess(path.relative_to(folder).as_posix(), _kind(path))
        _read(path, guess)
        _classify(guess, keywords)
        _dates(guess)
        guesses.append(guess)
    return guesses


def _files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        depth = len(Path(root).relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and depth < MAX_DEPTH)
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or name.startswith("~$") or path.is_symlink() or not path.is_file():
                continue
            out.append(path)
            if len(out) > MAX_FILES:
                return out
    return out


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in IMAGES:
        return "image"
    return {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".txt": "txt",
            ".doc": "doc", ".ppt": "ppt", ".pptx": "pptx"}.get(suffix, "other")


def _read(path: Path, guess: Guess) -> None:
    """The first page's text and the page count, as far as the file lets them be read."""
    try:
        size = path.stat().st_size
        if size > MAX_READ or guess.kind in ("image", "other", "doc", "ppt", "pptx"):
            guess.pages = 1 if guess.kind == "image" else None
            return
        data = path.read_bytes()
    except OSError as exc:
        guess.problem = exc.strerror or str(exc)
        return
    try:
        if guess.kind == "pdf":
            _read_pdf(data, guess)
        elif guess.kind == "docx":
            _read_docx(data, guess)
        elif guess.kind in ("xlsx", "xls"):
            _read_sheet(data, guess)
        elif guess.kind == "txt":
            guess.text = data[:FIRST_PAGE_CHARS].decode("utf-8", errors="replace")
    except InputError as exc:
        guess.problem = str(exc).split(": ", 1)[-1]
    except Exception as exc:  # a damaged file of any kind is listed by its name, never a crash
        guess.problem = f"{type(exc).__name__}: {str(exc)[:120]}"


def _read_pdf(data: bytes, guess: Guess) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        guess.pages = len(pdf.pages)
        if pdf.pages:
            page = pdf.pages[0]
            guess.text = (page.extract_text() or "")[:FIRST_PAGE_CHARS]
            if not guess.text.strip():
                guess.problem = "pindaian tanpa lapisan teks / a scan without a text layer"


def _read_docx(data: bytes, guess: Guess) -> None:
    from sakip_eval.documents.docx import parse_docx
    from sakip_eval.importers.docxtables import word_lines

    word = parse_docx("", data, "importers")
    lines = word_lines("", word)
    guess.text = "\n".join(line.text for line in lines)[:FIRST_PAGE_CHARS]
    guess.pages = word.stated_pages if word.stated_pages is not None else max((line.page or 1) for line in lines)


def _read_sheet(data: bytes, guess: Guess) -> None:
    words: list[str] = []
    if guess.kind == "xls":
        import xlrd

        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
        words += book.sheet_names()
        if book.nsheets:
            sheet = book.sheet_by_index(0)
            for r in range(min(sheet.nrows, 30)):
                words += [str(v) for v in sheet.row_values(r, 0, min(sheet.ncols, 20)) if v not in ("", None)]
    else:
        from openpyxl import load_workbook

        book_x = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            words += book_x.sheetnames
            if book_x.worksheets:
                for row in book_x.worksheets[0].iter_rows(max_row=30, max_col=20, values_only=True):
                    words += [str(v) for v in row if v not in ("", None)]
        finally:
            book_x.close()
    guess.text = " ".join(words)[:FIRST_PAGE_CHARS]


def _classify(guess: Guess, keywords: Keywords) -> None:
    """The type with the highest score (a pattern found in the name weighs more than one in the
    text); between equal scores, the one named first in the file name (Indonesian names say what a
    document is before what it is about: "Laporan Monev Renja", "Tindak Lanjut LHE"), then the longer
    match ("PK Perubahan" over "PK"). A fallback type (a plain "SK") counts only when nothing else does."""
    name = re.sub(r"[_\-.]+", " ", Path(guess.relative).stem)
    folder = " ".join(Path(guess.relative).parent.parts)
    ranked: list[tuple[tuple[int, int, int], str, str]] = []
    for etype, patterns in keywords.patterns.items():
        position, length = len(name) + 1, 0
        reasons: list[str] = []
        in_text = None
        for pattern in patterns:
            found = pattern.search(name)
            if found:
                position, length = min(position, found.start()), max(length, len(found.group(0)))
                reasons.append(f"nama \"{found.group(0)}\"")
            if in_text is None:
                in_text = pattern.search(guess.text) or pattern.search(folder)
        if in_text is not None:
            reasons.append(f"isi \"{' '.join(in_text.group(0).split())}\"")
        # one weight for the name and one for the text, however many patterns match
        score = (keywords.name_weight if length else 0) + (keywords.text_weight if in_text is not None else 0)
        if score:
            ranked.append(((score, -position, length), etype, ", ".join(reasons)))
    specific = [r for r in ranked if r[1] not in keywords.fallback]
    pool = specific or ranked
    if pool:
        _, guess.type, guess.reason = max(pool, key=lambda r: r[0])


def _dates(guess: Guess) -> None:
    """Year or period, decree number, signing date."""
    name = Path(guess.relative).stem
    period = _PERIOD.search(name) or _PERIOD.search(guess.text[:2000])
    if period and guess.type in PERIOD_TYPES and int(period.group(1)) < int(period.group(2)):
        guess.period = f"{period.group(1)}-{period.group(2)}"
    else:
        years = [int(y) for y in _YEAR.findall(name)]
        stated = _YEAR_WORD.search(guess.text)
        if years:
            guess.year = max(years)
        elif stated:
            guess.year = int(stated.group(1))
    number = _NUMBER.search(guess.text)
    if number:
        guess.number = " ".join(number.group(1).split()).replace(" / ", "/").replace(" /", "/").replace("/ ", "/")
    guess.signed = bool(_SIGNED.search(guess.text))
    if guess.signed or guess.number:
        dates = []
        for match in _DATE.finditer(guess.text):
            try:
                dates.append(dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))))
            except ValueError:
                continue
        guess.date = dates[-1] if dates else None


# -- the draft ------------------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60].strip("-") or "bukti"


def draft_items(guesses: list[Guess], prefix: str) -> tuple[str, list[str]]:
    """inventory.yaml's `items:` as YAML text with a review comment per item, and the review list."""
    used: set[str] = set()
    lines = ["items:"]
    review: list[str] = []
    for guess in guesses:
        base = _slug(Path(guess.relative).stem)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        item: dict[str, Any] = {"id": ident, "type": guess.type,
                                "title": " ".join(re.sub(r"[_]+", " ", Path(guess.relative).stem).split())}
        if guess.period:
            item["period"] = guess.period
        elif guess.year:
            item["year"] = guess.year
        item["file"] = f"{prefix}{guess.relative}"
        if guess.signed or guess.number:
            formal: dict[str, Any] = {}
            if guess.number:
                formal["number"] = guess.number
            if guess.date:
                formal["date"] = guess.date.isoformat()
            item["formalized"] = formal or True
        notes = [f"DRAF, periksa: jenis `{guess.type}` ditebak dari "
                 + (guess.reason or "tidak ada kata kunci (jenis belum dikenali)")]
        if guess.pages:
            notes.append(f"{guess.pages} halaman")
        if guess.problem:
            notes.append(f"isi tidak terbaca: {guess.problem}")
        item["notes"] = "; ".join(notes)
        comment = f"  # {guess.relative}: " + ("JENIS BELUM DIKENALI" if guess.type == "lainnya" else
                                              f"jenis ditebak `{guess.type}`") + " - periksa / review"
        lines.append(comment)
        lines.append("  - " + "\n    ".join(f"{k}: {_scalar(v)}" for k, v in item.items()))
        if guess.type == "lainnya":
            review.append(f"{guess.relative}: jenis belum dikenali / type not recognised")
        if guess.problem:
            review.append(f"{guess.relative}: isi tidak terbaca ({guess.problem}) / content not read")
    if len(lines) == 1:
        lines[0] = "items: []"
    return "\n".join(lines) + "\n", review


def _scalar(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool | int):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


def copy_into(folder: Path, guesses: list[Guess], target: Path) -> None:
    """Copy the scanned files into the workspace's files/ (never over an existing file)."""
    total = sum((folder / g.relative).stat().st_size for g in guesses)
    if total > MAX_COPY:
        raise InputError("importers.copy_too_big", file=str(folder), limit=MAX_COPY // (1024 ** 3))
    for guess in guesses:
        destination = target / guess.relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if destination.exists():
            raise InputError("importers.copy_exists", file=str(destination))
        shutil.copy2(folder / guess.relative, destination)


@dataclass(frozen=True)
class Drafted:
    path: Path
    items: int
    recognised: int
    copied: bool
    review: list[str]


def draft_inventory(directory: Path, folder: Path, regime: str, known_types: set[str], create: Any) -> Drafted:
    """Scan `folder` (read only), then create the workspace with `create()` and write its inventory.yaml
    with the drafted items; the files are copied into DIR/files/ unless `folder` is inside DIR."""
    from sakip_eval.io.atomic import write_atomically
    from sakip_eval.io.schemas import schema_line
    from sakip_eval.io.yamlread import parse_text, validate
    from sakip_eval.model.inventory import Inventory

    guesses = scan_folder(folder, load_keywords(regime, known_types))
    inside = folder.resolve().is_relative_to(directory.resolve()) if directory.exists() else False
    create()
    if inside:
        prefix = folder.resolve().relative_to(directory.resolve()).as_posix().rstrip("/")
        prefix = f"{prefix}/" if prefix and prefix != "." else ""
    else:
        copy_into(folder, guesses, directory / "files")
        prefix = "files/"
    items, review = draft_items(guesses, prefix)
    header = [
        f"# {schema_line('inventory')}",
        f"# DRAF dari folder {folder.name}: setiap butir ditebak dari nama berkas dan halaman pertamanya",
        "# (jenis, tahun/periode, nomor dan tanggal penetapan, jumlah halaman). Periksa setiap butir, lalu",
        "# hapus \"DRAF, periksa\" dari notes-nya. Butir `lainnya` belum dikenali jenisnya.",
        f"# DRAFT from the folder {folder.name}: every item is guessed from the file name and first page;",
        "# review each one. Items typed `lainnya` were not recognised.",
    ]
    text = "\n".join(header) + "\n" + items
    target = directory / "inventory.yaml"
    validate(parse_text(text, target, str(target)), Inventory, "inventory")
    write_atomically(target, text.encode("utf-8"))
    recognised = sum(1 for g in guesses if g.type != "lainnya")
    return Drafted(target, len(guesses), recognised, not inside, review)
