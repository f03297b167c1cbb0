"""Hardening: the limits every input file is held to, paths confined to the workspace, the one error
path of the command line, output that does not depend on the machine, and read-only commands that
leave the workspace byte for byte as it was."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import sakip_eval.cli.score as score_cli
from sakip_eval.documents import MAX_TEXT_BYTES
from sakip_eval.io.workspace import STATE_DIR
from sakip_eval.io.yamlread import MAX_BYTES, MAX_DEPTH, MAX_LIST
from sakip_eval.letters.reader import parse_letter
from sakip_eval.rulebook.book import load_rulebook

from .conftest import EVIDENCE, LHE_2024, ROOT, Cli, flat

KINDS = ["workspace.yaml", "inventory.yaml", "assessment.yaml", "lkjip.yaml", "followup.yaml"]
# Commands besides `score` that read a kind (the error must be the same through them).
READERS = {"lkjip.yaml": [["check", "{ws}"]], "followup.yaml": [["followup", "{ws}", "list"]]}


def _append(path: Path, text: str) -> int:
    """Append `text` on new lines; the 1-based line where it starts."""
    content = path.read_bytes()
    if not content.endswith(b"\n"):
        content += b"\n"
    path.write_bytes(content + text.encode("utf-8"))
    return len(content.splitlines()) + 1


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _commands(name: str, ws: Path) -> list[list[str]]:
    return [[part.format(ws=ws) for part in args] for args in [["score", "{ws}", "--no-history"],
                                                                *READERS.get(name, [])]]


def _refused(cli: Cli, name: str, ws: Path, fragments: list[str]) -> None:
    before = _digest(ws)
    for args in _commands(name, ws):
        code, out, err = cli(*args)
        message = flat(err)
        assert code == 2, (args, out, err)
        assert "Traceback" not in err
        for fragment in fragments:
            assert fragment in message, (fragment, message)
    assert _digest(ws) == before


# -- limits, per file kind -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", KINDS)
def test_file_over_10_mib(cli: Cli, ws: Path, name: str) -> None:
    with (ws / name).open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)
    _refused(cli, name, ws, [f"{name}", "lebih dari 10 MiB"])


@pytest.mark.parametrize("name", KINDS)
def test_list_of_more_than_10000_items(cli: Cli, ws: Path, name: str) -> None:
    line = _append(ws / name, "tambahan: [" + ", ".join(["0"] * (MAX_LIST + 1)) + "]\n")
    _refused(cli, name, ws, [f"{name}:{line}", "lebih dari 10000 butir"])


@pytest.mark.parametrize("name", KINDS)
def test_a_list_of_10000_items_is_read(cli: Cli, ws: Path, name: str) -> None:
    """At the limit the list is read; what is wrong is then the unknown key, not the length."""
    line = _append(ws / name, "tambahan: [" + ", ".join(["0"] * MAX_LIST) + "]\n")
    _refused(cli, name, ws, [f"{name}:{line}", "isian `tambahan` tidak dikenal"])


@pytest.mark.parametrize("name", KINDS)
def test_alias_bomb(cli: Cli, ws: Path, name: str) -> None:
    bomb = "b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    _append(ws / name, bomb)
    _refused(cli, name, ws, [f"{name}", "setelah alias diuraikan"])


@pytest.mark.parametrize("name", KINDS)
def test_alias_inside_its_own_anchor_and_deep_nesting(cli: Cli, ws: Path, name: str) -> None:
    original = (ws / name).read_bytes()
    line = _append(ws / name, "tambahan: &x [1, *x]\n")
    _refused(cli, name, ws, [f"{name}:{line}", f"lebih dari {MAX_DEPTH} tingkat"])
    (ws / name).write_bytes(original)
    _append(ws / name, "tambahan: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    _refused(cli, name, ws, [f"{name}:", f"lebih dari {MAX_DEPTH} tingkat"])


@pytest.mark.parametrize("name", KINDS)
def test_not_utf8_names_the_byte_offset(cli: Cli, ws: Path, name: str) -> None:
    offset = len((ws / name).read_bytes())
    with (ws / name).open("ab") as handle:
        handle.write(b"# catatan: \xe9valuasi\n")  # Latin-1 é
    _refused(cli, name, ws, [f"{name}", "bukan teks UTF-8", f"posisi {offset + len('# catatan: ')}"])


@pytest.mark.parametrize("name", KINDS)
def test_duplicate_and_unknown_keys_name_their_line(cli: Cli, ws: Path, name: str) -> None:
    original = (ws / name).read_bytes()
    first_key = next(m for m in re.finditer(rb"^([a-z_]+):", original, re.MULTILINE)).group(1).decode()
    line = _append(ws / name, f"{first_key}: null\n")
    _refused(cli, name, ws, [f"{name}:{line}", f"`{first_key}` ditulis dua kali"])
    (ws / name).write_bytes(original)
    line = _append(ws / name, "tambahan: 1\n")
    _refused(cli, name, ws, [f"{name}:{line}", "`tambahan` tidak dikenal"])


@pytest.mark.parametrize("name", KINDS)
def test_values_yaml_cannot_build(cli: Cli, ws: Path, name: str) -> None:
    original = (ws / name).read_bytes()
    line = _append(ws / name, "tambahan: 2024-13-45\n")
    _refused(cli, name, ws, [f"{name}:{line}", "`2024-13-45` tidak dapat dibaca"])
    (ws / name).write_bytes(original)
    line = _append(ws / name, "tambahan: " + "9" * 5000 + "\n")
    _refused(cli, name, ws, [f"{name}:{line}", "tidak dapat dibaca"])
    (ws / name).write_bytes(original)
    line = _append(ws / name, "? [a, b]\n: 1\n")
    _refused(cli, name, ws, [f"{name}:{line}", "a key must be a plain value"])


@pytest.mark.parametrize(("name", "old", "new", "fragment"), [
    ("inventory.yaml", "  - id: kak-2024\n", "  - id: renja-2024\n", "`renja-2024` dipakai lebih dari sekali"),
    ("lkjip.yaml", "  - id: ikm-tujuan\n", "  - id: ikm\n", "`ikm` dipakai lebih dari sekali"),
    ("followup.yaml", "  - id: b\n", "  - id: a\n", "`a` dipakai lebih dari sekali"),
])
def test_duplicate_ids_name_their_line(cli: Cli, ws: Path, name: str, old: str, new: str, fragment: str) -> None:
    text = (ws / name).read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    (ws / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    _refused(cli, name, ws, [f"{name}:{line}", fragment])


def test_lhe_letter_limits(cli: Cli, tmp_path: Path) -> None:
    letter = tmp_path / "lhe.txt"
    with letter.open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)
    code, _, err = cli("lhe", "check", letter)
    assert code == 2 and f"lebih dari {MAX_TEXT_BYTES >> 20} MiB" in flat(err)
    letter.write_bytes(LHE_2024.read_bytes()[:500] + b"\x80")
    code, _, err = cli("lhe", "check", letter)
    assert code == 2 and "posisi 500" in flat(err)


HOSTILE_LINES = {
    "komponen": "komponen " * 20_000, "markup": "<a" * 20_000, "predikat": "predikat" + " " * 20_000 + "x",
    "nomor": "Nomor : x" + " " * 20_000 + "y", "item": "a. x" + " " * 20_000 + "y",
    "nilai": "nilai akip" + " " * 20_000 + "x", "narrative": "komponen x menunjukkan " * 5_000,
    "catatan": "catatan" + " " * 20_000 + "x", "simpulan": "simpulan komponen " * 10_000,
    "rekomendasi": "rekomendasi catatan " * 10_000, "tempat": "Medan," + " " * 20_000 + "x",
    "tanggal": "Tanggal" + " " * 20_000 + "x", "butir": "1" + " " * 20_000 + "x",
    "baris": "1. Perencanaan Kinerja" + " 30,00" * 20_000, "sel": "25" + " t" * 20_000 + "00",
    "memperoleh": "memperoleh nilai" + " kinerja" * 20_000 + " x",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_LINES))
def test_a_long_hostile_line_reads_in_linear_time(kind: str) -> None:
    """These lines took minutes or never finished when a pattern backtracked (see benchmarks/bench_hardening.py
    for the timings); now they read like any other line."""
    letter = parse_letter(LHE_2024.read_text(encoding="utf-8") + HOSTILE_LINES[kind] + "\n", load_rulebook())
    assert letter.total is not None


# -- paths stay inside the workspace -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/etc/passwd", "../../etc/passwd", "files/../../luar.pdf", "files/link-keluar"])
def test_evidence_paths_outside_are_refused(cli: Cli, ws: Path, tmp_path: Path, path: str) -> None:
    (ws / "files").mkdir()
    (ws / "files" / "link-keluar").symlink_to(tmp_path)
    text = (ws / "inventory.yaml").read_text(encoding="utf-8")
    anchor = "    kept_since: 2016\n"
    line = text[: text.index(anchor)].count("\n") + 2
    (ws / "inventory.yaml").write_text(text.replace(anchor, anchor + f"    file: {path}\n", 1), encoding="utf-8")
    _refused(cli, "inventory.yaml", ws, [f"inventory.yaml:{line}", f"`{path}` berada di luar folder workspace"])


def test_a_symlink_that_stays_inside_is_accepted(cli: Cli, ws: Path) -> None:
    (ws / "files").mkdir()
    (ws / "files" / "pedoman.pdf").write_bytes(b"%PDF-1.4\n")
    (ws / "files" / "tautan.pdf").symlink_to("pedoman.pdf")
    anchor = "    kept_since: 2016\n"
    text = (ws / "inventory.yaml").read_text(encoding="utf-8")
    (ws / "inventory.yaml").write_text(text.replace(anchor, anchor + "    file: files/tautan.pdf\n", 1),
                                       encoding="utf-8")
    assert cli("score", ws, "--no-history")[0] == 0


@pytest.mark.parametrize("regime", ["../../../etc", "/etc", "lke-2021/../../x", "LKE 2021"])
def test_regime_is_a_name_under_rules_never_a_path(cli: Cli, ws: Path, regime: str) -> None:
    text = (ws / "workspace.yaml").read_text(encoding="utf-8")
    line = text[: text.index("regime: lke-2021")].count("\n") + 1
    (ws / "workspace.yaml").write_text(text.replace("regime: lke-2021", f"regime: {regime}"), encoding="utf-8")
    _refused(cli, "workspace.yaml", ws, [f"workspace.yaml:{line}", "isian `regime`", "tidak sah", "--rules DIR"])


# -- one error path --------------------------------------------------------------------------------------


def _raise(exc: BaseException) -> Callable[..., object]:
    def fail(*_: object, **__: object) -> object:
        raise exc

    return fail


@pytest.mark.parametrize(("exc", "code", "fragments"), [
    (PermissionError(13, "Permission denied", "/data/ws/inventory.yaml"), 2,
     ["Kesalahan (/data/ws/inventory.yaml)", "Permission denied", "Cara memperbaiki"]),
    (OSError(28, "No space left on device"), 2, ["No space left on device"]),
    (sqlite3.OperationalError("database is locked"), 2, ["berkas riwayat tidak dapat dipakai", "database is locked"]),
    (KeyboardInterrupt(), 130, ["dihentikan (Ctrl+C)"]),
    (ZeroDivisionError("division by zero"), 3, ["kesalahan internal", "ZeroDivisionError", "--debug"]),
])
def test_every_failure_is_a_message_never_a_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                      exc: BaseException, code: int, fragments: list[str]) -> None:
    monkeypatch.setattr(score_cli, "predict", _raise(exc))
    result_code, out, err = cli("score", EVIDENCE / "mojosari-2024", "--no-history")
    assert result_code == code
    assert "Traceback" not in err + out
    for fragment in fragments:
        assert fragment in flat(err)


def test_english_and_debug(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(score_cli, "predict", _raise(KeyboardInterrupt()))
    code, _, err = cli("score", EVIDENCE / "mojosari-2024", "--no-history", "--lang", "en")
    assert code == 130 and "stopped (Ctrl+C)" in err
    monkeypatch.setattr(score_cli, "predict", _raise(ZeroDivisionError("x")))
    code, _, err = cli("score", EVIDENCE / "mojosari-2024", "--no-history", "--lang", "en")
    assert code == 3 and "This is a bug" in flat(err)
    with pytest.raises(ZeroDivisionError):
        cli("score", EVIDENCE / "mojosari-2024", "--no-history", "--debug")


# -- same bytes on any machine ---------------------------------------------------------------------------


def _json_in_process(args: list[str], cwd: Path, env: dict[str, str]) -> bytes:
    result = subprocess.run([sys.executable, "-c", "from sakip_eval.cli import main; main()", *args], cwd=cwd, env=env,
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.mark.slow  # four fresh processes, two of them compiling the rulebook into an empty cache
@pytest.mark.parametrize("command", ["score", "check"])
def test_json_is_the_same_bytes_across_processes_machines_and_folders(ws: Path, tmp_path: Path,
                                                                      command: str) -> None:
    """Different hash seeds, time zones, working folders, rulebook caches and a relative or absolute
    workspace path: the JSON is the same bytes, and names no absolute path and no time."""
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONHASHSEED", "TZ", "SAKIP_EVAL_CACHE")}
    base["PYTHONPATH"] = str(ROOT)
    elsewhere = tmp_path / "di" / "tempat" / "lain"
    elsewhere.mkdir(parents=True)
    history = ["--no-history"] if command == "score" else []
    first = _json_in_process([command, str(ws), "--format", "json", *history], ROOT,
                             {**base, "PYTHONHASHSEED": "1", "TZ": "Asia/Jakarta",
                              "SAKIP_EVAL_CACHE": str(tmp_path / "cache-a")})
    second = _json_in_process([command, os.path.relpath(ws, elsewhere), "--format", "json", *history], elsewhere,
                              {**base, "PYTHONHASHSEED": "4242", "TZ": "America/Los_Angeles",
                               "SAKIP_EVAL_CACHE": str(tmp_path / "cache-b"), "LC_ALL": "C"})
    assert first == second
    text = first.decode("utf-8")
    assert str(tmp_path) not in text and str(ROOT) not in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text), "no timestamps in the JSON"
    json.loads(text)


# -- read-only commands leave the workspace as it was ----------------------------------------------------


READ_ONLY = [
    ["score", "{ws}"], ["score", "{ws}", "--format", "json"], ["check", "{ws}"], ["check", "{ws}", "--format", "json"],
    ["calibrate", "{ws24}"], ["report", "{ws}", "--format", "html", "-o", "{out}/r.html"],
    ["report", "{ws}", "--format", "xlsx", "-o", "{out}/r.xlsx"], ["report", "{ws}", "--format", "md"],
    ["plan", "{ws}"], ["plan", "{ws}", "--target", "BB", "--format", "json"], ["followup", "{ws}", "list"],
    ["history", "{ws}"], ["diff", "{ws}"], ["batch", "{ws}", "{ws24}", "--jobs", "1"],
    ["lhe", "check", "{ws}/surat-lhe.txt"], ["rules", "list"], ["rules", "show", "1.a.1"], ["rules", "lint"],
    ["schema", "lkjip"],
]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c[:3]))
def test_read_only_commands_change_nothing(cli: Cli, ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           command: list[str]) -> None:
    """Only `score` adds anything to a workspace: its run history in `.sakip/` (docs/hardening.md)."""
    monkeypatch.delenv("SAKIP_EVAL_HISTORY")
    ws24 = tmp_path / "mojosari-2024"
    shutil.copytree(EVIDENCE / "mojosari-2024", ws24, ignore=shutil.ignore_patterns(STATE_DIR))
    shutil.copyfile(LHE_2024, ws / "surat-lhe.txt")
    (tmp_path / "keluaran").mkdir()
    if command[0] == "diff":  # two runs to compare
        for _ in range(2):
            assert cli("score", ws, "--format", "json")[0] == 0
    before = {folder: _digest(folder) for folder in (ws, ws24)}
    args = [part.format(ws=ws, ws24=ws24, out=tmp_path / "keluaran") for part in command]
    code, _, err = cli(*args)
    assert code in (0, 1), err  # 1: plan or lhe check with findings
    for folder, digest in before.items():
        after = _digest(folder)
        added = {name for name in after if name not in digest}
        assert {name: after[name] for name in digest} == digest
        if command[0] == "score" and folder == ws:
            assert added and all(name.startswith(f"{STATE_DIR}/") for name in added)
        else:
            assert not added, added


# -- user text is printed as written -----------------------------------------------------------------------


def test_user_text_that_looks_like_rich_markup_is_printed_as_written(cli: Cli, ws: Path, tmp_path: Path) -> None:
    """`[/x]` in an OPD name, an LKjIP indicator, a recommendation or a letter number once crashed the
    table commands (rich read it as a closing tag); now it is text."""
    def edit(name: str, old: str, new: str) -> None:
        text = (ws / name).read_text(encoding="utf-8")
        assert old in text
        (ws / name).write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("workspace.yaml", "opd: Kecamatan Mojosari", 'opd: "[/x] [bold]Mojosari"')
    edit("lkjip.yaml", "name: IKM Kecamatan", 'name: "[/x] IKM Kecamatan"')
    edit("followup.yaml", "text: Kedepannya lebih cermat dalam menyusun Kerangka Acuan Kerja sub kegiatan.",
         'text: "[/x] [red]Kedepannya lebih cermat."')
    assert cli("score", ws, "--format", "json")[0] == 0  # a run for `history`
    for args in (["score", ws], ["check", ws], ["followup", ws, "list"], ["history", ws], ["batch", ws],
                 ["plan", ws]):
        code, out, err = cli(*args)
        assert code in (0, 1) and "Traceback" not in err, (args, err)
        if args[0] != "plan":
            assert "[/x]" in out, args
    letter = tmp_path / "lhe.txt"
    letter.write_text(re.sub(r"(?m)^(\s*Nomor\s*:\s*)700/", r"\1[/x] 700/", LHE_2024.read_text(encoding="utf-8")),
                      encoding="utf-8")
    code, out, _ = cli("lhe", "check", letter)
    assert code == 0 and "[/x] 700/" in out


@pytest.mark.parametrize("value", ["3.4028236692093843e+38", '"1.000.000.000.000.000.000"', "9" * 40])
def test_a_number_past_18_digits_is_a_typo(cli: Cli, ws: Path, value: str) -> None:
    """Once crashed `check` (a rounding past decimal's precision); now it is a located number error."""
    text = (ws / "lkjip.yaml").read_text(encoding="utf-8")
    old = 'target: "88,31"}'
    line = text[: text.index(old)].count("\n") + 1
    (ws / "lkjip.yaml").write_text(text.replace(old, f"target: {value}}}", 1), encoding="utf-8")
    _refused(cli, "lkjip.yaml", ws, [f"lkjip.yaml:{line}", "target", "lebih dari 18 angka sebelum koma"])


@pytest.mark.parametrize(("old", "new", "field"), [
    ('2022: "79,5"', "2022: -1", "history.2022"), ('2024: "82,30"', '2024: "182,30"', "history.2024"),
])
def test_an_lhe_total_is_between_0_and_100(cli: Cli, ws: Path, old: str, new: str, field: str) -> None:
    """A total off the 0-100 scale has no category: `history` once crashed drawing its trend."""
    text = (ws / "workspace.yaml").read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    (ws / "workspace.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    _refused(cli, "workspace.yaml", ws, [f"workspace.yaml:{line}", f"isian `{field}`", "di luar batas yang sah"])
    code, _, err = cli("history", ws)
    assert code == 2 and f"isian `{field}`" in flat(err)
