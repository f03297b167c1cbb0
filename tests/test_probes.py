"""The hostile probe's reproductions (issue 13), one test each, named `test_repro_NN_...` after the item of
the probe's REPRO.md it reproduces, asserting the behaviour a user should see instead of the defect.

Sizes here are small enough for `make test`; the sizes the probe used run in `make bench`
(benchmarks/bench_hardening.py) and under the `slow` marker.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import multiprocessing
import os
import pickle
import shutil
import sqlite3
import stat
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest

from sakip_eval.checks.findings import check_facts
from sakip_eval.documents.text import MAX_LINES
from sakip_eval.history.store import record_run
from sakip_eval.io.workspace import load_workspace
from sakip_eval.scoring.prediction import predict

from .builders import budget_siblings
from .conftest import LHE_2024, Cli, flat
from .fuzzing import CONTROL


# -- 1. time bounded in the lines of a budget table -------------------------------------------------------
def test_repro_01_many_sibling_budget_lines_pair_each_line_once(ws: Path, cli: Cli) -> None:
    budget_siblings(ws, 600, swapped=(17, 403))
    workspace = load_workspace(ws)
    assert workspace.lkjip is not None
    swaps = [f for f in check_facts(workspace)[0] if f["kind"] == "tertukar"]
    assert len(swaps) <= 600  # one best partner per line, never every pair (179,700 pairs)
    code, out, _ = cli("check", ws, "--format", "json")
    assert code == 0
    found = [f for f in json.loads(out)["findings"] if f["check"] == "anggaran-tertukar"]
    assert [f["id"] for f in found] == ["anggaran-tertukar/l17/l403/2023"]


# -- 2. and 22. the letter reader: linear, bounded, and line numbers as an editor counts them -------------
def test_repro_02_a_recommendation_wrapped_over_many_lines_is_read_whole(tmp_path: Path, cli: Cli) -> None:
    head = LHE_2024.read_text(encoding="utf-8").split("Demikian disampaikan")[0].rstrip()
    letter = tmp_path / "cont.txt"
    letter.write_text(head + "\n" + "ab\n" * 9_000, encoding="utf-8")
    code, out, _ = cli("lhe", "check", letter, "--format", "json")
    assert code == 0
    last = json.loads(out)["recommendations"][-1]["text"]
    assert last.endswith(" ab" * 9_000)


def test_repro_02_a_letter_past_the_line_limit_is_refused_with_the_limit(tmp_path: Path, cli: Cli) -> None:
    letter = tmp_path / "long.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8") + "ab\n" * MAX_LINES, encoding="utf-8")
    code, _, err = cli("lhe", "check", letter, "--lang", "en")
    assert code == 2
    assert f"more than {MAX_LINES} lines" in err and str(letter) in err


def test_repro_22_form_feeds_and_unicode_separators_do_not_shift_line_numbers(tmp_path: Path, cli: Cli) -> None:
    text = LHE_2024.read_text(encoding="utf-8").replace("Jumlah\t100,00\t82,30", "Jumlah\t100,00\t82,40")
    lines = text.split("\n")
    lines[20] = "\f" + lines[20] + "\x85 x\u2028y\u2029"
    letter = tmp_path / "ff.txt"
    letter.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = cli("lhe", "check", letter, "--format", "json")
    assert code == 1
    assert {p["line"] for p in json.loads(out)["problems"] if p["code"] == "sum"} == {57}


# -- 3. hostile text never reaches the output as control characters -------------------------------------
HOSTILE = "X\x1b]0;PWNED\x07\x1b[2J\x1b]8;;http://evil.example/\x1b\\LINK\x1b]8;;\x1b\\\u202eY\r\nFORGED\x9b\x7f"


def hostile_workspace(ws: Path) -> Path:
    """The bundled workspace with HOSTILE in the OPD name, a recommendation, an LKjIP indicator name and a
    follow-up note (as the probe's generator writes them)."""
    quoted = json.dumps(HOSTILE)
    for name, old in (("workspace.yaml", "Kecamatan Mojosari"),
                      ("followup.yaml", "Kedepannya lebih cermat dalam menyusun Kerangka Acuan Kerja sub kegiatan."),
                      ("lkjip.yaml", "IKM Kecamatan")):
        path = ws / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, quoted, 1), encoding="utf-8")
    text = (ws / "followup.yaml").read_text(encoding="utf-8")
    (ws / "followup.yaml").write_text(text.replace(
        "    criteria: [1.b.1]\n",
        f"    criteria: [1.b.1]\n    history:\n      - {{date: 2025-01-02, by: {quoted}, note: {quoted}}}\n", 1),
        encoding="utf-8")
    return ws


def assert_clean(text: str) -> None:
    assert not CONTROL.search(text), repr(CONTROL.search(text))
    assert not any(line.startswith("FORGED") for line in text.splitlines())


def test_repro_03_hostile_text_leaves_no_control_character_in_any_output(
    ws: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    hostile_workspace(ws)
    monkeypatch.setenv("SAKIP_EVAL_HISTORY", str(tmp_path / "h.sqlite"))
    other = tmp_path / ("dir\x1b[2J\nFORGED")
    shutil.copytree(ws, other)
    letter = tmp_path / "lhe.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8").replace("700/910/416-060/2024", HOSTILE.replace("\n", "")),
                      encoding="utf-8")
    runs = [("score", ws), ("score", ws, "--format", "json"), ("followup", ws, "list"),
            ("followup", ws, "list", "--format", "json"), ("check", ws), ("check", ws, "--format", "json"),
            ("plan", ws), ("history", ws), ("history", ws, "--format", "json"), ("diff", ws),
            ("batch", ws, other), ("batch", ws, other, "--format", "csv"), ("batch", ws, other, "--format", "json"),
            ("lhe", "check", letter), ("lhe", "check", letter, "--format", "json"),
            ("report", ws, "--format", "md"), ("report", ws, "--format", "html"), ("report", ws, "--format", "json"),
            ("score", other / "nothing")]
    for args in runs:
        code, out, err = cli(*args)
        assert code in (0, 1, 2), (args, err)
        if "csv" in args:  # the CSV's own byte-order mark and CRLF row ends (for Excel) are not user text
            out = out.removeprefix("\ufeff").replace("\r\n", "\n")
        assert_clean(out + err)
        if "json" in args:
            json.loads(out)
    broken = tmp_path / "broken"
    shutil.copytree(ws, broken)
    with (broken / "workspace.yaml").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(HOSTILE) + ": 1\n")
    code, out, err = cli("check", broken)
    assert code == 2 and "\\x1b" in err
    assert_clean(out + err)


def test_repro_03_a_hostile_note_or_author_is_refused_at_the_option(ws: Path, cli: Cli) -> None:
    before = (ws / "followup.yaml").read_bytes()
    for option in ("--note", "--by"):
        code, _, err = cli("followup", ws, "set", "a", "--status", "proses", option, "\x1b]0;X\x07", "--lang", "en")
        assert code == 2 and option in err and "not plain text" in flat(err)
        assert_clean(err)
    assert (ws / "followup.yaml").read_bytes() == before


# -- 4. 14. the run history: only its own file, read without writing --------------------------------------
def foreign_database(path: Path) -> bytes:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE users (x)")
        conn.execute("INSERT INTO users VALUES ('alice')")
        conn.commit()
    return path.read_bytes()


def test_repro_04_another_programs_sqlite_is_refused_before_anything_is_written(
    ws: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SAKIP_EVAL_HISTORY")
    app = tmp_path / "app.db"
    before = foreign_database(app)
    (ws / ".sakip").mkdir()
    (ws / ".sakip" / "history.sqlite").symlink_to(app)
    for args in (("score", ws), ("score", ws, "--history", app)):
        code, _, err = cli(*args, "--lang", "en")
        assert code == 0 and "not recorded" in flat(err)  # the prediction stands; the history is refused
    assert app.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "mojosari-2025"]  # no -wal, no -journal
    with closing(sqlite3.connect(f"{app.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_repro_04_a_linked_state_folder_is_refused_and_nothing_is_created_elsewhere(
    ws: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SAKIP_EVAL_HISTORY")
    outside = tmp_path / "outside"
    outside.mkdir()
    (ws / ".sakip").symlink_to(outside)
    code, _, err = cli("score", ws, "--lang", "en")
    assert code == 0 and "not recorded" in flat(err) and ".sakip" in err
    code, _, err = cli("followup", ws, "set", "a", "--status", "proses", "--lang", "en")
    assert code == 2 and "state folder" in flat(err)
    code, _, _ = cli("history", ws)
    assert code == 2
    assert list(outside.iterdir()) == []


def test_repro_04_a_dangling_history_link_does_not_create_its_target(
    ws: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SAKIP_EVAL_HISTORY")
    (ws / ".sakip").mkdir()
    (ws / ".sakip" / "history.sqlite").symlink_to(tmp_path / "elsewhere.sqlite")
    code, _, err = cli("score", ws, "--lang", "en")
    assert code == 0 and "symbolic link" in flat(err)
    assert not (tmp_path / "elsewhere.sqlite").exists()


def test_repro_14_history_and_diff_only_read(ws: Path, cli: Cli, tmp_path: Path) -> None:
    history = tmp_path / "runs" / "history.sqlite"
    assert cli("score", ws, "--history", history)[0] == 0
    assert cli("score", ws, "--history", history)[0] == 0
    before = {p.name: p.read_bytes() for p in history.parent.iterdir()}
    history.chmod(0o444)
    assert cli("history", ws, "--history", history)[0] == 0
    assert cli("diff", ws, "--history", history)[0] == 0
    assert {p.name: p.read_bytes() for p in history.parent.iterdir()} == before
    with closing(sqlite3.connect(f"{history.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes regardless of permissions")
def test_repro_14_history_of_a_read_only_folder(ws: Path, cli: Cli, tmp_path: Path) -> None:
    history = tmp_path / "ro" / "history.sqlite"
    assert cli("score", ws, "--history", history)[0] == 0
    history.chmod(0o444)
    history.parent.chmod(0o555)
    try:
        assert cli("history", ws, "--history", history)[0] == 0
    finally:
        history.parent.chmod(0o755)


# -- 5. 18. 25. report -o ------------------------------------------------------------------------------
def test_repro_05_report_output_is_a_regular_file_or_refused(ws: Path, cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "myfifo"
    os.mkfifo(fifo)
    (tmp_path / "to-null").symlink_to("/dev/null")
    (tmp_path / "dangling").symlink_to(tmp_path / "missing.md")
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in ("myfifo", "to-null", "dangling", "folder"):
        code, _, err = cli("report", ws, "--format", "md", "-o", tmp_path / name, "--lang", "en")
        assert code == 2 and ("not a regular file" in flat(err) or "does not exist" in flat(err)), name
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert (tmp_path / "to-null").is_symlink() and Path("/dev/null").is_char_device()
    assert (tmp_path / "dangling").is_symlink() and not (tmp_path / "missing.md").exists()
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(real)
    assert cli("report", ws, "--format", "md", "-o", tmp_path / "link.md")[0] == 0
    assert (tmp_path / "link.md").is_symlink() and real.read_text(encoding="utf-8").startswith("#")


def test_repro_18_writes_keep_the_files_mode(ws: Path, cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    (ws / "followup.yaml").chmod(0o600)
    (ws / "assessment.yaml").chmod(0o640)
    assert cli("report", ws, "--format", "md", "-o", out)[0] == 0
    assert cli("followup", ws, "set", "a", "--status", "proses")[0] == 0
    assert cli("import-lke", lke_workbook(tmp_path / "a.xlsx", "1.a.1", "catatan"), ws)[0] == 0
    assert [stat.S_IMODE(p.stat().st_mode) for p in (out, ws / "followup.yaml", ws / "assessment.yaml")] == [
        0o600, 0o600, 0o640]


def test_repro_25_a_long_legal_output_name_is_written(ws: Path, cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / ("r" * 247 + ".md")
    assert cli("report", ws, "--format", "md", "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("#")


# -- 6. 24. 12. files the tool does not own: links, loops, NUL ------------------------------------------
@pytest.mark.parametrize("name", ["assessment.yaml", "followup.yaml", "lkjip.yaml"])
@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_repro_06_a_broken_link_is_an_error_never_an_absent_file(ws: Path, cli: Cli, name: str, kind: str) -> None:
    (ws / name).unlink()
    (ws / name).symlink_to(Path("../missing") / name if kind == "dangling" else name)
    code, out, err = cli("score", ws, "--no-history", "--format", "json", "--lang", "en")
    assert (code, out) == (2, "")
    assert name in err and "symbolic link" in flat(err)


def test_repro_24_workspace_files_linked_outside_are_refused(ws: Path, cli: Cli, tmp_path: Path) -> None:
    outside = tmp_path / "shared.yaml"
    shutil.copy(ws / "followup.yaml", outside)
    (ws / "followup.yaml").unlink()
    (ws / "followup.yaml").symlink_to(outside)
    code, _, err = cli("score", ws, "--no-history", "--lang", "en")
    assert code == 2 and "outside the workspace" in flat(err)
    (ws / "followup.yaml").unlink()
    (ws / "followup.yaml").symlink_to("/proc/self/status")
    code, _, err = cli("score", ws, "--no-history", "--lang", "en")
    assert code == 2 and "outside the workspace" in flat(err) and "Name" not in err


def test_repro_12_a_looping_or_nul_evidence_path_is_a_located_error(ws: Path, cli: Cli) -> None:
    (ws / "loop1").symlink_to("loop2")
    (ws / "loop2").symlink_to("loop1")
    inventory = (ws / "inventory.yaml").read_text(encoding="utf-8")
    first = inventory.index("  - id: pedoman-pk\n") + len("  - id: pedoman-pk\n")
    for path in ("loop1", "files/x\\0y.pdf"):
        (ws / "inventory.yaml").write_text(inventory[:first] + f'    file: "{path}"\n' + inventory[first:],
                                           encoding="utf-8")
        code, _, err = cli("score", ws, "--no-history", "--lang", "en")
        assert code == 2 and "inventory.yaml:11" in err and "cannot be read" in flat(err), err


@pytest.mark.parametrize("total", ["NaN", "Infinity", "1e30", "150", "-5", "banyak"])
def test_repro_12_history_totals_out_of_range_are_located_errors(ws: Path, cli: Cli, tmp_path: Path,
                                                                 total: str) -> None:
    history = tmp_path / "h.sqlite"
    assert cli("score", ws, "--history", history)[0] == 0
    assert cli("score", ws, "--history", history)[0] == 0
    with closing(sqlite3.connect(history)) as conn:
        conn.execute("UPDATE runs SET total = ? WHERE id = 1", (total,))
        conn.commit()
    for command in ("history", "diff"):
        code, _, err = cli(command, ws, "--history", history, "--lang", "en")
        assert code == 2 and "run #1" in err and "not a number from 0 to 100" in flat(err), (command, err)


def test_repro_12_fail_under_nan_is_a_usage_error(cli: Cli, ws: Path) -> None:
    for value, message in (("nan", "cannot read the number"), ("inf", "cannot read the number"),
                           ("-1", "not a score from 0 to 100"), ("101", "not a score from 0 to 100")):
        code, _, err = cli("score", ws, "--no-history", "--fail-under", value, "--lang", "en")
        assert code == 2 and "--fail-under" in err and message in flat(err), err


@pytest.mark.slow
def test_repro_12_13_the_rulebook_cache_is_data_rebuilt_when_damaged(tmp_path: Path) -> None:
    """A corrupt cache and a planted code-running pickle: every command still runs, nothing is executed."""
    env = {**os.environ, "SAKIP_EVAL_CACHE": str(tmp_path / "cache"), "SAKIP_EVAL_HISTORY": str(tmp_path / "h")}
    command = [sys.executable, "-c", "from sakip_eval.cli import main; main()", "rules", "list", "--format", "json"]
    assert subprocess.run(command, env=env, capture_output=True, check=False).returncode == 0
    [cached] = (tmp_path / "cache").glob("rulebook-lke-2021-*.json")
    assert stat.S_IMODE(cached.stat().st_mode) == 0o600 and stat.S_IMODE(cached.parent.stat().st_mode) == 0o700
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Planted(str(marker)))
    for content in (b"\x80\x05\x8e\xff\xff\xff\xff\xff\xff\xff\xff", payload, b'{"root": "/"}'):
        cached.write_bytes(content)
        cached.with_suffix(".pickle").write_bytes(payload)
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        assert not marker.exists()
        json.loads(cached.read_bytes())  # rebuilt


class _Planted:
    """Unpickling this runs `touch MARKER`."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


# -- 7. 19. 20. writes: refused before writing when the result would be refused ---------------------------
def test_repro_07_import_lke_refuses_a_workbook_that_would_make_assessment_unreadable(
    ws: Path, cli: Cli, tmp_path: Path,
) -> None:
    before = (ws / "assessment.yaml").read_bytes()
    book = raw_xlsx(tmp_path / "big.xlsx", note="catatan panjang " * 720_000)
    assert book.stat().st_size < 100_000
    code, _, err = cli("import-lke", book, ws, "--lang", "en")
    assert code == 2 and "larger than 10 MiB" in flat(err)
    assert (ws / "assessment.yaml").read_bytes() == before
    assert cli("score", ws, "--no-history")[0] == 0


def test_repro_07_followup_import_refuses_what_it_could_not_read_back(ws: Path, cli: Cli, tmp_path: Path) -> None:
    (ws / "followup.yaml").unlink()
    letter = tmp_path / "ctrl.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8").replace(" - f. Melengkapi", " - f. " + "\x01" * 1_900_000
                                                                    + " Melengkapi"), encoding="utf-8")
    code, _, err = cli("followup", ws, "import", letter, "--lang", "en")
    assert code == 2 and "larger than 10 MiB" in flat(err)
    assert not (ws / "followup.yaml").exists()
    nested = tmp_path / "nested.txt"
    text = LHE_2024.read_text(encoding="utf-8")
    items = text[text.index(" - a. Memperbaiki mekanisme"):text.index("Demikian disampaikan")]
    nested.write_text(text.replace(items, "1. Perencanaan Kinerja:\n   a. Memperbaiki reviu berjenjang.\n"
                                          "   b. Melengkapi pemantauan rencana aksi.\n2. Pengukuran Kinerja:\n"
                                          "   a. Melengkapi bukti dukung.\n\n"), encoding="utf-8")
    code, _, err = cli("followup", ws, "import", nested, "--lang", "en")
    assert code == 0  # sub-items take their group's number: no id twice
    code, out, _ = cli("followup", ws, "list", "--format", "json")
    assert code == 0 and [rec["id"] for rec in json.loads(out)] == ["1.a", "1.b", "2.a"]
    assert cli("score", ws, "--no-history")[0] == 0


@pytest.mark.parametrize("content", ["source:\n  number: 700/910/416-060/2024\n", "recommendations: []\n",
                                     "# komentar\nsource:\n  number: 700/910/416-060/2024\nrecommendations: []\n"])
def test_repro_19_import_into_a_file_without_recommendations(ws: Path, cli: Cli, content: str) -> None:
    (ws / "followup.yaml").write_text(content, encoding="utf-8")
    code, _, err = cli("followup", ws, "import", LHE_2024)
    assert code == 0, err
    text = (ws / "followup.yaml").read_text(encoding="utf-8")
    assert text.startswith(content.split("recommendations")[0])
    code, out, _ = cli("followup", ws, "list", "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == list("abcdef")


def test_repro_20_messages_name_the_real_problem(ws: Path, cli: Cli, tmp_path: Path) -> None:
    (ws / "followup.yaml").unlink()
    letter = tmp_path / "del.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8").replace("700/910/416-060/2024", "700/910\x7f/2024"),
                      encoding="utf-8")
    code, _, err = cli("followup", ws, "import", letter)
    assert code == 0, err  # the number is kept, escaped in the file, and the file reads back
    assert load_workspace(ws).followup.source.number == "700/910\x7f/2024"  # type: ignore[union-attr]
    code, _, err = cli("followup", ws, "set", "a", "--status", "proses", "--note", "caf\udce9", "--lang", "en")
    assert code == 2 and "--note" in err and "non-UTF-8" in err
    history = tmp_path / "h.sqlite"
    assert cli("score", ws, "--history", history)[0] == 0
    code, _, err = cli("diff", ws, "1", "99999999999999999999", "--history", history, "--lang", "en")
    assert code == 2 and "is not in the history" in flat(err)


# -- 8. 9. 17. 23. 27. writes: locked, alias-safe, byte-exact, through links, nothing left behind ----------
def lke_workbook(path: Path, criterion: str, note: str) -> Path:
    """An LKE workbook of one row: `criterion` answered Ya with `note`."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "jawaban", "catatan"])
    sheet.append([criterion, "ya", note])
    book.save(path)
    return path


def _import(args: tuple[str, str]) -> int:
    from sakip_eval.cli import main

    try:
        main(["import-lke", *args])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.mark.slow
def test_repro_08_concurrent_import_lke_loses_no_update(ws: Path, tmp_path: Path) -> None:
    criteria = ["1.a.1", "2.a.1", "3.a.1", "4.a.1"]
    books = [str(lke_workbook(tmp_path / f"{c}.xlsx", c, f"note from {c}")) for c in criteria]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_import, [(book, str(ws)) for book in books]) == [0, 0, 0, 0]
    claims = load_workspace(ws).assessment.criteria
    assert [claims[c].note for c in criteria] == [f"note from {c}" for c in criteria]


ALIASED = """recommendations:
  - id: a
    text: Teks A
    status: proses
    evidence: &ev [pk-2024]
    history: &h
      - {date: 2025-01-01, by: x, old: belum, new: proses}
  - id: b
    text: Teks B
    status: selesai
    evidence: *ev
    history: *h
"""


def test_repro_09_an_edit_through_an_alias_is_refused(ws: Path, cli: Cli, tmp_path: Path) -> None:
    (ws / "followup.yaml").write_text(ALIASED, encoding="utf-8")
    for rec in ("a", "b"):
        code, _, err = cli("followup", ws, "set", rec, "--status", "selesai", "--evidence", "renja-2024", "--lang",
                           "en")
        assert code == 2 and "YAML alias" in flat(err)
    assert (ws / "followup.yaml").read_text(encoding="utf-8") == ALIASED
    text = (ws / "assessment.yaml").read_text(encoding="utf-8")
    text = text.replace("1.a.1: {met: true, evidence: [pedoman-pk]}", "1.a.1: &s {met: true, evidence: [pedoman-pk]}")
    text = text.replace("1.a.3: {met: true, evidence: [renstra-2021-2026]}", "1.a.3: *s")
    (ws / "assessment.yaml").write_text(text, encoding="utf-8")
    code, _, err = cli("import-lke", lke_workbook(tmp_path / "a.xlsx", "1.a.1", "baru"), ws, "--lang", "en")
    assert code == 2 and "YAML alias" in flat(err)
    assert (ws / "assessment.yaml").read_text(encoding="utf-8") == text


def test_repro_17_edits_keep_every_other_byte(ws: Path, cli: Cli, tmp_path: Path) -> None:
    text = (ws / "followup.yaml").read_text(encoding="utf-8")
    text = "%YAML 1.2\n---\n" + text.replace(
        "text: Melengkapi pemantauan rencana aksi dengan catatan-catatan",
        "text: Melengkapi pemantauan rencana aksi dengan\n      catatan-catatan").replace(
        "text: Kedepannya lebih cermat dalam menyusun Kerangka Acuan Kerja sub kegiatan.",
        'text: "Kedepannya \\u00e9 \\x41 \\_ lebih cermat dalam menyusun Kerangka Acuan Kerja sub kegiatan."').replace(
        "criteria: [1.b.1]", "criteria: [ 1.b.1 ,  1.b.3 ]") + "...\n"
    original = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    (ws / "followup.yaml").write_bytes(original)
    assert cli("followup", ws, "set", "f", "--status", "proses", "--evidence", "renja-2024", "--note", "mulai")[0] == 0
    after = (ws / "followup.yaml").read_bytes()
    head = original[: original.index(b"  - id: f")]
    assert after.startswith(head)  # every other record, the BOM, %YAML, ---, escapes and spacing as written
    assert after.endswith(b"...\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    assert b"    status: proses\r\n    evidence: [renja-2024]\r\n" in after
    assessment = (ws / "assessment.yaml").read_bytes().replace(b"\n", b"\r\n")
    (ws / "assessment.yaml").write_bytes(b"\xef\xbb\xbf" + assessment)
    assert cli("import-lke", lke_workbook(tmp_path / "a.xlsx", "1.a.2", "baru"), ws)[0] == 0
    changed = [(a, b) for a, b in zip((b"\xef\xbb\xbf" + assessment).split(b"\r\n"),
                                      (ws / "assessment.yaml").read_bytes().split(b"\r\n"), strict=True) if a != b]
    assert changed == [(b'  1.a.2: {met: na, note: "Dokumen jangka panjang (RPJPD) tidak berlaku untuk perangkat '
                        b'daerah."}', b"  1.a.2: {met: true, note: baru}")]


def test_repro_23_a_linked_followup_is_written_through(ws: Path, cli: Cli) -> None:
    (ws / "shared").mkdir()
    (ws / "followup.yaml").rename(ws / "shared" / "followup.yaml")
    (ws / "followup.yaml").symlink_to(Path("shared") / "followup.yaml")
    assert cli("followup", ws, "set", "a", "--status", "proses")[0] == 0
    assert (ws / "followup.yaml").is_symlink()
    assert "status: proses" in (ws / "shared" / "followup.yaml").read_text(encoding="utf-8")


def test_repro_27_a_write_stopped_midway_leaves_nothing_among_the_workspace_files(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = sorted(p.name for p in ws.iterdir())
    seen: list[list[str]] = []

    def stopped(src: str, dst: str) -> None:
        seen.append(sorted(p.name for p in ws.iterdir() if p.name != ".sakip"))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", stopped)
    code, _, _ = cli("followup", ws, "set", "a", "--status", "proses")
    assert code == 130
    assert seen == [before]  # the temporary file was inside .sakip/ (git-ignored), never among the files
    assert sorted(p.name for p in ws.iterdir() if p.name != ".sakip") == before
    assert list((ws / ".sakip").glob("*.tmp")) == []


# -- 10. batch goes on past a workspace the system refuses ----------------------------------------------
def test_repro_10_batch_reports_an_unreadable_workspace_and_scores_the_others(
    ws: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "all"
    for name in "abc":
        shutil.copytree(ws, root / name)
    refused = str(root / "b" / "workspace.yaml")
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(path) == refused:
            raise PermissionError(13, "Permission denied", refused)
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)
    code, out, _ = cli("batch", root, "--jobs", "1", "--format", "json", "--lang", "en")
    assert code == 0
    rows = {Path(r["path"]).name: r for r in json.loads(out)["results"]}
    assert rows["a"]["total"] == rows["c"]["total"] and rows["a"]["error"] is None
    assert "Permission denied" in rows["b"]["error"]


# -- 11. 26. limits that count parsed objects ---------------------------------------------------------------
PLAIN_STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>jawaban</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>catatan</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>1.a.1</t>'
        '</is></c><c r="B2" t="inlineStr"><is><t>ya</t></is></c>{note}</row>')


def raw_xlsx(path: Path, styles: str = PLAIN_STYLES, note: str = "") -> Path:
    """A minimal workbook written part by part: openpyxl would write neither a hostile styles part nor a
    cell past Excel's 32,767 characters."""
    cell = f'<c r="C2" t="inlineStr"><is><t>{note}</t></is></c>' if note else ""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}"><sheetData>{ROWS.format(note=cell)}</sheetData>'
        "</worksheet>",
        "xl/styles.xml": styles,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def test_repro_11_a_workbook_of_millions_of_styles_is_refused_before_it_is_parsed(
    ws: Path, cli: Cli, tmp_path: Path,
) -> None:
    count = 2_000_000
    styles = (f'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="{count}">'
              + "<xf/>" * count + "</cellXfs></styleSheet>")
    book = raw_xlsx(tmp_path / "styles.xlsx", styles=styles)
    assert book.stat().st_size < 100_000
    before = (ws / "assessment.yaml").read_bytes()
    code, _, err = cli("import-lke", book, ws, "--lang", "en")
    assert code == 2 and "xl/styles.xml" in err and "XML elements" in flat(err)
    assert (ws / "assessment.yaml").read_bytes() == before


def test_repro_26_an_assessment_citing_too_many_ids_is_refused(ws: Path, cli: Cli) -> None:
    ids = [f"x{i}" for i in range(600)]
    with (ws / "inventory.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(f"  - {{id: {i}, type: renja, title: Renja {i}, year: 2024}}\n" for i in ids)
    criteria = [c for c in load_workspace(ws).rulebook.criteria][:19]
    lines = ["criteria:"] + [f"  {c}: {{met: true, evidence: [{', '.join(ids)}]}}" for c in criteria]
    (ws / "assessment.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = cli("score", ws, "--no-history", "--lang", "en")
    assert code == 2 and "assessment.yaml:18" in err and "more than 10000 evidence ids" in flat(err)


def test_repro_26_an_id_cited_twice_by_a_claim_counts_once(ws: Path) -> None:
    text = (ws / "assessment.yaml").read_text(encoding="utf-8")
    (ws / "assessment.yaml").write_text(text.replace("evidence: [pedoman-pk]", "evidence: [pedoman-pk, pedoman-pk]"),
                                        encoding="utf-8")
    assert load_workspace(ws).assessment.criteria["1.a.1"].evidence == ["pedoman-pk"]


# -- 15. 16. CSV and workbook cells -------------------------------------------------------------------------
def test_repro_15_csv_rows_stay_rows_and_formulas_stay_text(ws: Path, cli: Cli, tmp_path: Path) -> None:
    for index, opd in enumerate(["\r=1+2", "\t=1+2", " @SUM(A1)"]):
        target = tmp_path / "all" / f"w{index}"
        shutil.copytree(ws, target)
        meta = target / "workspace.yaml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("opd: Kecamatan Mojosari", "opd: " + json.dumps(opd)),
                        encoding="utf-8")
    code, out, _ = cli("batch", tmp_path / "all", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))  # Excel's, in Indonesia
    assert len(rows) == 4
    assert sorted(row[2] for row in rows[1:]) == ["' =1+2", "' =1+2", "' @SUM(A1)"]


def test_repro_16_an_xlsx_report_with_noncharacters_is_well_formed(ws: Path, cli: Cli, tmp_path: Path) -> None:
    meta = ws / "workspace.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("pemda: Kabupaten Mojokerto",
                                                             'pemda: "Kab\\uFFFE\\uFFFF\\x01"'), encoding="utf-8")
    book = tmp_path / "r.xlsx"
    assert cli("report", ws, "--format", "xlsx", "-o", book)[0] == 0
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(archive.read(name))
    assert cli("import-lke", book, ws)[0] == 0


# -- 21. a run records what it read --------------------------------------------------------------------------
def test_repro_21_history_hashes_the_bytes_that_were_scored(ws: Path, tmp_path: Path) -> None:
    read = (ws / "followup.yaml").read_bytes()
    workspace = load_workspace(ws)
    (ws / "followup.yaml").write_bytes(read.replace(b"status: belum", b"status: proses", 1))
    history = tmp_path / "h.sqlite"
    run_id = record_run(history, workspace, predict(workspace))
    with closing(sqlite3.connect(history)) as conn:
        digest = conn.execute("SELECT sha256 FROM run_inputs WHERE run_id = ? AND file = 'followup.yaml'",
                              (run_id,)).fetchone()[0]
    assert digest == hashlib.sha256(read).hexdigest()
