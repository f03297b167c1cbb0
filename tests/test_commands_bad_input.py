"""Every command's bad inputs: exit 2, a message that names the file or option and says how to fix it,
no traceback, and no input changed or output left behind.

`CASES` is the table command -> bad inputs; `test_every_command_has_bad_input_cases` fails when a
command is added without cases here. Workspace file contents (values, keys, limits) are covered in
test_bad_input.py, test_limits.py and the fuzzer; this file is about what the command line is given.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.main import get_command

from sakip_eval.cli import register_all
from sakip_eval.cli.common import app
from sakip_eval.i18n import MESSAGES
from sakip_eval.io.workspace import STATE_DIR

from .conftest import EVIDENCE, ROOT, Cli, flat
from .letterkit import to_pdf, zipped

READ_ONLY_PLACE = Path("/sys")  # sysfs: no one, root included, may create files there


@dataclass
class Env:
    """A copy of mojosari-2025 (`ws`), of mojosari-2024 (`ws24`, no follow-up file) and a scratch folder."""

    ws: Path
    ws24: Path
    tmp: Path

    def file(self, name: str, content: bytes) -> Path:
        path = self.tmp / name
        path.write_bytes(content)
        return path

    def sparse(self, name: str, size: int) -> Path:
        """A file of `size` bytes that takes no disk space (only its size is ever looked at)."""
        path = self.tmp / name
        with path.open("wb") as handle:
            handle.truncate(size)
        return path

    def history(self, name: str, statements: list[str]) -> Path:
        path = self.tmp / name
        with sqlite3.connect(path) as conn:
            for statement in statements:
                conn.execute(statement)
        conn.close()
        return path


def _damaged_xlsx(env: Env) -> Path:
    """A real workbook whose sheet XML is cut in half (a valid zip, so openpyxl gets as far as the sheet)."""
    good = env.tmp / "baik.xlsx"
    code = _main(["report", str(env.ws), "--format", "xlsx", "-o", str(good)])
    assert code == 0
    with zipfile.ZipFile(good) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet][: len(parts[sheet]) // 2]
    return env.file("rusak.xlsx", zipped(parts))


def _main(args: list[str]) -> int:
    """Run a command to prepare a case, keeping its output out of the case's own."""
    from sakip_eval.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main(args)
        except SystemExit as exc:
            return int(exc.code or 0)
    return 0


def _seeded(env: Env, name: str) -> Path:
    """A history with one run of the 2025 workspace."""
    path = env.tmp / name
    assert _main(["score", str(env.ws), "--history", str(path), "--format", "json"]) == 0
    return path


def _read_only(name: str) -> Path:
    if not READ_ONLY_PLACE.is_dir():
        pytest.skip("no /sys to stand for a read-only location")
    return READ_ONLY_PLACE / f"sakip-eval-{name}"


Case = Callable[[Env], list[str | Path]]
USAGE: list[str] = []  # typer's own usage message (exit 2): only checked to be there
# command -> (what is wrong, argv builder, fragments of the Indonesian message)
CASES: dict[str, list[tuple[str, Case, list[str]]]] = {
    "score": [
        ("folder that does not exist", lambda e: ["score", e.tmp / "tidak-ada"], ["tidak-ada", "tidak ditemukan"]),
        ("a file given as the workspace", lambda e: ["score", e.ws / "workspace.yaml"],
         ["workspace.yaml", "bukan folder workspace", "Cara memperbaiki"]),
        ("--top 0", lambda e: ["score", e.ws, "--top", "0"], USAGE),
        ("--fail-under that is not a number", lambda e: ["score", e.ws, "--fail-under", "tinggi"], USAGE),
        ("--format xml", lambda e: ["score", e.ws, "--format", "xml"], USAGE),
    ],
    "check": [
        ("folder that does not exist", lambda e: ["check", e.tmp / "tidak-ada"], ["tidak ditemukan"]),
        ("lkjip.yaml that is a folder", lambda e: ["check", _folder_instead(e.ws / "lkjip.yaml")],
         ["lkjip.yaml", "bukan berkas biasa"]),
    ],
    "calibrate": [
        ("no `actual` in workspace.yaml", lambda e: ["calibrate", e.ws], ["workspace.yaml", "`actual`"]),
        ("--format xml", lambda e: ["calibrate", e.ws24, "--format", "xml"], USAGE),
    ],
    "followup list": [
        ("workspace without followup.yaml", lambda e: ["followup", e.ws24, "list"],
         ["followup.yaml", "belum memiliki followup.yaml"]),
    ],
    "followup set": [
        ("unknown recommendation id", lambda e: ["followup", e.ws, "set", "zz", "--status", "selesai"],
         ["followup.yaml", "`zz`", "a, b, c"]),
        ("unknown status", lambda e: ["followup", e.ws, "set", "a", "--status", "beres"], ["--status", "`beres`"]),
        ("evidence id not in the inventory", lambda e: ["followup", e.ws, "set", "a", "--status", "proses",
                                                        "--evidence", "tidak-ada"], ["--evidence", "tidak-ada"]),
    ],
    "followup import": [
        ("an image as the letter",
         lambda e: ["followup", e.ws, "import", e.file("surat.txt", b"\x89PNG\r\n\x1a\n\xff")],
         ["surat.txt", "berkas ini gambar", "ocrmypdf"]),
        ("a binary letter", lambda e: ["followup", e.ws, "import", e.file("surat.txt", b"LHE \xff\xfe")],
         ["surat.txt", "UTF-8", "posisi 4"]),
        ("a scan without text", lambda e: ["followup", e.ws, "import", e.file("pindai.pdf", to_pdf([], scan=True))],
         ["pindai.pdf", "tanpa lapisan teks", "ocrmypdf -l ind"]),
        ("a folder as the letter", lambda e: ["followup", e.ws, "import", e.tmp], ["bukan berkas biasa"]),
    ],
    "lhe check": [
        ("an empty file", lambda e: ["lhe", "check", e.file("kosong.txt", b"")],
         ["kosong.txt", "tabel nilai komponen tidak ditemukan"]),
        ("a binary file", lambda e: ["lhe", "check", e.file("gambar.txt", b"LHE \xff\xd8\xff\xe0")],
         ["gambar.txt", "bukan teks UTF-8", "posisi 4"]),
        ("a folder", lambda e: ["lhe", "check", e.tmp], ["bukan berkas biasa"]),
        ("a file that does not exist", lambda e: ["lhe", "check", e.tmp / "tidak-ada.txt"],
         ["tidak-ada.txt", "tidak ditemukan", "nama dan folder berkasnya"]),
        ("a text over 2 MiB", lambda e: ["lhe", "check", e.sparse("besar.txt", 2 * 1024 * 1024 + 1)],
         ["besar.txt", "lebih dari 2 MiB"]),
        ("a PDF over 50 MiB", lambda e: ["lhe", "check", e.sparse("besar.pdf", 50 * 1024 * 1024 + 1)],
         ["besar.pdf", "lebih dari 50 MiB"]),
        ("a scan without text", lambda e: ["lhe", "check", e.file("pindai.pdf", to_pdf([], scan=True))],
         ["pindai.pdf", "tanpa lapisan teks", "ocrmypdf -l ind"]),
        ("an old Word file", lambda e: ["lhe", "check", e.file("surat.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")],
         ["surat.doc", "Word 97-2003"]),
    ],
    "report": [
        ("-o into a missing folder", lambda e: ["report", e.ws, "-o", e.tmp / "tidak-ada" / "r.html"],
         ["r.html", "tidak dapat menulis berkas"]),
        ("-o into a read-only location", lambda e: ["report", e.ws, "-o", _read_only("r.html")],
         ["r.html", "tidak dapat menulis berkas"]),
        ("-o naming a folder", lambda e: ["report", e.ws, "-o", e.tmp], ["keluaran bukan berkas biasa"]),
        ("-o over a workspace input", lambda e: ["report", e.ws, "--format", "md", "-o", e.ws / "lkjip.yaml"],
         ["lkjip.yaml", "`-o`", "menimpa berkas masukan"]),
        ("xlsx to the terminal", lambda e: ["report", e.ws, "--format", "xlsx"], ["-o", "harus ditulis ke berkas"]),
        ("--format pdf", lambda e: ["report", e.ws, "--format", "pdf"], USAGE),
    ],
    "plan": [
        ("unknown target", lambda e: ["plan", e.ws, "--target", "ZZ"], ["target `ZZ` tidak sah", "--target AA"]),
        ("target above 100", lambda e: ["plan", e.ws, "--target", "101"], ["target `101` tidak sah"]),
    ],
    "batch": [
        ("a file, not a folder", lambda e: ["batch", e.ws / "workspace.yaml"],
         ["bukan folder workspace", "tidak ada workspace yang dapat dinilai"]),
        ("an empty folder", lambda e: ["batch", _empty(e.tmp / "kosong")], ["kosong", "tidak ada workspace di folder"]),
        ("a folder that does not exist", lambda e: ["batch", e.tmp / "tidak-ada"], ["tidak ditemukan"]),
        ("--jobs 0", lambda e: ["batch", e.ws, "--jobs", "0"], USAGE),
    ],
    "init": [
        ("an existing workspace", lambda e: ["init", e.ws], ["workspace.yaml", "sudah berisi workspace"]),
        ("a file", lambda e: ["init", e.ws / "inventory.yaml"], ["inventory.yaml", "bukan folder workspace"]),
        ("a read-only location", lambda e: ["init", _read_only("baru")], ["sakip-eval-baru", "tidak dapat"]),
        ("--year 1800", lambda e: ["init", e.tmp / "baru", "--year", "1800"], USAGE),
    ],
    "import-lke": [
        ("a CSV named .xlsx", lambda e: ["import-lke", e.file("lke.xlsx", b"id,jawaban\n1.a.1,Ya\n"), e.ws],
         ["lke.xlsx", "bukan buku kerja Excel"]),
        ("a file over 20 MiB", lambda e: ["import-lke", e.sparse("besar.xlsx", 20 * 1024 * 1024 + 1), e.ws],
         ["besar.xlsx", "lebih dari 20 MiB"]),
        ("a zip bomb", lambda e: ["import-lke", e.file("bom.xlsx", zipped({"xl/x.xml": bytes(101 * 2**20)})),
                                  e.ws], ["bom.xlsx", "setelah dibuka"]),
        ("a damaged sheet", lambda e: ["import-lke", _damaged_xlsx(e), e.ws], ["rusak.xlsx", "bukan buku kerja"]),
        ("a folder", lambda e: ["import-lke", e.tmp, e.ws], ["bukan berkas biasa"]),
        ("a workbook that does not exist", lambda e: ["import-lke", e.tmp / "tidak-ada.xlsx", e.ws],
         ["tidak-ada.xlsx", "tidak ditemukan"]),
    ],
    "import-lkjip": [
        ("an xlsx named .docx",
         lambda e: ["import-lkjip", e.file("lkjip.docx", zipped({"xl/x.xml": b"<x/>"})), e.ws],
         ["lkjip.docx", "bukan dokumen Word"]),
        ("a text without tables", lambda e: ["import-lkjip", e.file("lkjip.txt", b"Laporan tanpa tabel.\n"), e.ws],
         ["lkjip.txt", "tidak ada tabel LKjIP"]),
        ("a file over 50 MiB", lambda e: ["import-lkjip", e.sparse("besar.pdf", 50 * 1024 * 1024 + 1), e.ws],
         ["besar.pdf", "lebih dari 50 MiB"]),
        ("a folder", lambda e: ["import-lkjip", e.tmp, e.ws], ["bukan berkas biasa"]),
        ("a document that does not exist", lambda e: ["import-lkjip", e.tmp / "tidak-ada.pdf", e.ws],
         ["tidak-ada.pdf", "tidak ditemukan"]),
    ],
    "rules list": [
        ("a regime that is a path", lambda e: ["rules", "list", "--regime", "../../etc"],
         ["`../../etc`", "tidak sah", "--rules DIR"]),
        ("an unknown regime", lambda e: ["rules", "list", "--regime", "lke-2099"],
         ["`lke-2099` tidak ada (yang ada: lke-2021)"]),
    ],
    "rules show": [
        ("an unknown id", lambda e: ["rules", "show", "9.z.9"], ["`9.z.9` tidak ditemukan"]),
    ],
    "rules types": [
        ("an unknown regime", lambda e: ["rules", "types", "--regime", "lke-2099"],
         ["`lke-2099` tidak ada (yang ada: lke-2021)"]),
    ],
    "rules lint": [
        ("--format xml", lambda e: ["rules", "lint", "--format", "xml"], USAGE),
        ("a regime that is a path", lambda e: ["rules", "lint", "--regime", "/etc"], ["`/etc`", "tidak sah"]),
    ],
    "explain": [
        ("an unknown id", lambda e: ["explain", e.ws, "9.z"], ["`9.z` bukan kriteria atau sub-komponen"]),
        ("a folder that does not exist", lambda e: ["explain", e.tmp / "tidak-ada", "1.b"],
         ["tidak-ada", "tidak ditemukan"]),
    ],
    "rules test": [
        ("an unknown id", lambda e: ["rules", "test", "9.z.9"], ["`9.z.9` tidak ditemukan"]),
        ("an unknown regime", lambda e: ["rules", "test", "--regime", "lke-2099"], ["`lke-2099`"]),
    ],
    "schema": [
        ("an unknown kind", lambda e: ["schema", "laporan"], ["`laporan`", "workspace, inventory"]),
    ],
    "history": [
        ("a file that is not SQLite", lambda e: ["history", e.ws, "--history", e.file("h.sqlite", b"bukan" * 500)],
         ["h.sqlite", "tidak dapat dipakai"]),
        ("another program's SQLite database", lambda e: ["history", e.ws, "--history", e.history(
            "lain.sqlite", ["CREATE TABLE catatan (isi TEXT)"])], ["lain.sqlite", "bukan berkas riwayat"]),
        ("a folder as --history", lambda e: ["history", e.ws, "--history", e.tmp], ["bukan berkas biasa"]),
        ("a run that no longer reads back", lambda e: ["history", e.ws, "--history", _tampered(e)],
         ["rusak.sqlite", "bukan angka 0-100"]),
    ],
    "diff": [
        ("unknown run ids", lambda e: ["diff", e.ws, "1", "99", "--history", _seeded(e, "satu.sqlite")],
         ["run #99 tidak ada di riwayat", "sakip-eval history"]),
        ("a damaged history", lambda e: ["diff", e.ws, "--history", e.file("h.sqlite", b"SQLite format 3\x00" * 64)],
         ["h.sqlite", "tidak dapat dipakai"]),
        ("no history yet", lambda e: ["diff", e.ws, "--history", e.tmp / "belum.sqlite"], ["perlu dua run"]),
        ("a run id that is not a number", lambda e: ["diff", e.ws, "satu", "dua"], USAGE),
    ],
}


def _folder_instead(path: Path) -> Path:
    path.unlink()
    path.mkdir()
    return path.parent


def _empty(path: Path) -> Path:
    path.mkdir()
    return path


def _tampered(env: Env) -> Path:
    path = _seeded(env, "rusak.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE runs SET total = 'banyak'")
    conn.close()
    return path


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and STATE_DIR not in p.parts}


def _leaves(command: object, prefix: tuple[str, ...] = ()) -> Iterator[str]:
    children = getattr(command, "commands", None)
    if children is None:
        yield " ".join(prefix)
        return
    for name, child in children.items():
        yield from _leaves(child, (*prefix, name))


def test_every_command_has_bad_input_cases() -> None:
    register_all()  # commands register lazily: import every command module first
    assert set(_leaves(get_command(app))) == set(CASES)


@pytest.fixture
def env(tmp_path: Path) -> Env:
    copies = []
    for name in ("mojosari-2025", "mojosari-2024"):
        target = tmp_path / name
        shutil.copytree(EVIDENCE / name, target, ignore=shutil.ignore_patterns(STATE_DIR))
        copies.append(target)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    return Env(copies[0], copies[1], scratch)


PARAMS = [pytest.param(command, build, fragments, id=f"{command}: {what}")
          for command, cases in CASES.items() for what, build, fragments in cases]


@pytest.mark.parametrize(("command", "build", "fragments"), PARAMS)
def test_bad_input_is_exit_2_with_a_message(cli: Cli, env: Env, command: str, build: Case,
                                            fragments: list[str]) -> None:
    args = build(env)
    before = {ws: _digest(ws) for ws in (env.ws, env.ws24)}
    code, out, err = cli(*args)
    message = flat(err)
    assert code == 2, (out, err)
    assert message, "exit 2 needs a message"
    assert "Traceback" not in err + out
    for fragment in fragments:
        assert fragment in message
    if fragments:  # our own messages (typer's usage errors are its own)
        assert message.startswith("Kesalahan") or "Kesalahan (" in message
    assert {ws: _digest(ws) for ws in (env.ws, env.ws24)} == before
    assert not [p for p in env.tmp.rglob("*.tmp")], "no temporary file left behind"


def test_messages_follow_lang_en(cli: Cli, env: Env) -> None:
    code, _, err = cli("lhe", "check", env.file("gambar.txt", b"LHE \xff"), "--lang", "en")
    assert code == 2 and "not UTF-8" in flat(err) and "How to fix" in err
    code, _, err = cli("report", env.ws, "-o", env.ws / "inventory.yaml", "--lang", "en")
    assert code == 2 and "would overwrite one of the workspace's input files" in flat(err)
    code, _, err = cli("batch", _empty(env.tmp / "kosong"), "--lang", "en")
    assert code == 2 and "no workspace in this folder" in flat(err)


def test_another_programs_database_is_left_as_it_was(cli: Cli, env: Env) -> None:
    """Reading commands never write the history schema (or WAL mode) into a file they did not create."""
    other = env.history("lain.sqlite", ["CREATE TABLE catatan (isi TEXT)", "INSERT INTO catatan VALUES ('x')"])
    before = other.read_bytes()
    assert cli("history", env.ws, "--history", other)[0] == 2
    assert cli("diff", env.ws, "1", "2", "--history", other)[0] == 2
    assert other.read_bytes() == before
    assert sorted(p.name for p in env.tmp.iterdir()) == ["lain.sqlite"]


def test_every_error_says_how_to_fix() -> None:
    """Each message key an InputError is raised with (and each pydantic type message) has a `.fix`."""
    keys = {k for k in MESSAGES if k.startswith("error.type.") and not k.endswith(".fix")}
    for path in (ROOT / "sakip_eval").rglob("*.py"):
        keys |= set(re.findall(r'InputError\(\s*"([a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert len(keys) > 50
    assert sorted(k for k in keys if f"{k}.fix" not in MESSAGES) == []
