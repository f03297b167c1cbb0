"""What users expect of a command-line tool: `python -m`, completion, the current folder as the workspace,
a language setting that persists, UTF-8 whatever the console, a quiet closed pipe, numbers and statuses in
either language, `followup list [WS]`, progress bars only on a terminal, `score --gaps` and a compact layout,
and help complete in one language."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main

from sakip_eval.cli import register_all
from sakip_eval.cli.common import app, err, out
from sakip_eval.cli.help import help_key, walk
from sakip_eval.i18n import Lang, t
from sakip_eval.i18n.helptext import HELP
from sakip_eval.rulebook.book import load_rulebook

from .conftest import EVIDENCE, Cli, Result, flat
from .golden import verdict

WS_2025 = EVIDENCE / "mojosari-2025"
# the interpretation of BB, Mojosari 2025's predicted category, as the rulebook words it
INTERPRETATION_ID = next(c.interpretation.id for c in load_rulebook().regime.categories
                         if c.code == verdict("mojosari-2025")[1])


def sakip(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None,
          **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The real program in a fresh process (console encodings, pipes and `python -m` need one)."""
    return subprocess.run([sys.executable, "-m", "sakip_eval", *(str(a) for a in args)], capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, **(env or {})}, cwd=cwd, check=False,
                          timeout=120, **kwargs)  # type: ignore[call-overload]


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(WS_2025, target, ignore=shutil.ignore_patterns(".sakip"))
    return target


# -- python -m, --version, completion --------------------------------------------------------------


def test_python_m_runs_the_same_program() -> None:
    done = sakip("--version")
    assert done.returncode == 0 and re.fullmatch(r"sakip-eval \d+\.\d+\.\d+ \(Python 3\.\d+\.\d+\)\n", done.stdout)


def test_tab_completion_names_commands_and_subcommands() -> None:
    words = {"_SAKIP_EVAL_COMPLETE": "complete_bash", "COMP_WORDS": "sakip-eval fo", "COMP_CWORD": "1"}
    assert sakip(env=words).stdout.split() == ["followup"]
    words |= {"COMP_WORDS": "sakip-eval followup ", "COMP_CWORD": "2"}
    assert sakip(env=words).stdout.split() == ["list", "set", "import"]


# -- the current folder is the workspace ----------------------------------------------------------


def test_the_current_folder_is_the_default_workspace(run: Callable[..., Result], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy(tmp_path))
    result = run("score", "--format", "json")
    assert result.code == 0, result.err
    assert result.json()["opd"] == "Kecamatan Mojosari"


def test_a_folder_that_is_not_a_workspace_is_named_and_nothing_is_written(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = (WS_2025 / "followup.yaml").read_bytes()
    monkeypatch.chdir(tmp_path)
    for args in (["score"], ["followup", "set", "a", "--status", "proses"], ["followup", "list"]):
        result = run(*args)
        assert result.code == 2
        assert f"Kesalahan ({tmp_path}): folder ini bukan workspace (tidak ada workspace.yaml)" in flat(result.err)
        assert "sakip-eval init FOLDER" in flat(result.err)
    assert (WS_2025 / "followup.yaml").read_bytes() == bundled
    assert list(tmp_path.iterdir()) == []


# -- language -------------------------------------------------------------------------------------


def test_the_language_setting_persists_through_the_environment(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAKIP_EVAL_LANG", "en")
    code, stdout, _ = cli("score", WS_2025, "--no-history")
    assert code == 0 and "Top recommendations" in stdout and "Rekomendasi utama" not in stdout
    code, _, stderr = cli("score", "/nonexistent-folder")
    assert code == 2 and "Error" in stderr and "Kesalahan" not in stderr
    code, stdout, _ = cli("score", WS_2025, "--no-history", "--lang", "id")  # the option wins
    assert code == 0 and "Rekomendasi utama" in stdout


# -- output encoding and pipes ---------------------------------------------------------------------


def test_json_on_a_cp1252_console_is_utf8(tmp_path: Path) -> None:
    target = tmp_path / "o.json"
    with target.open("wb") as handle:
        done = subprocess.run([sys.executable, "-m", "sakip_eval", "score", str(WS_2025), "--format", "json",
                               "--no-history"], stdout=handle, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONIOENCODING": "cp1252"}, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(target.read_bytes().decode("utf-8"))
    assert data["opd"] == "Kecamatan Mojosari" and data["category"] == verdict("mojosari-2025")[1]


def test_the_checklist_on_a_cp1252_console_keeps_its_marks() -> None:
    done = sakip("score", WS_2025, "--no-history", env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr
    assert "✔" in done.stdout and "✘" in done.stdout


def test_a_closed_pipe_ends_quietly_and_not_with_code_1() -> None:
    with subprocess.Popen([sys.executable, "-m", "sakip_eval", "score", str(WS_2025), "--no-history"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert code == 141
    assert stderr == b""


# -- numbers and statuses in either language --------------------------------------------------------


@pytest.mark.parametrize("threshold", ["90,5", "90.5", "90,50"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_fail_under_reads_both_decimal_marks(cli: Cli, threshold: str, lang: str) -> None:
    assert verdict("mojosari-2025")[0] < 90.5  # the bundled prediction is below the threshold
    code, _, stderr = cli("score", WS_2025, "--no-history", "--fail-under", threshold, "--lang", lang)
    assert code == 1
    assert ("90,50" if lang == "id" else "90.50") in stderr
    assert cli("score", WS_2025, "--no-history", "--fail-under", threshold.replace("90", "70"), "--lang", lang)[0] == 0


@pytest.mark.parametrize("target", ["85,5", "85.5"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_plan_target_reads_both_decimal_marks(cli: Cli, target: str, lang: str) -> None:
    code, stdout, _ = cli("plan", WS_2025, "--target", target, "--lang", lang, "--format", "json")
    assert code in (0, 1) and json.loads(stdout)["target"] == "85.5"


def test_an_unreadable_threshold_is_located(cli: Cli) -> None:
    code, _, stderr = cli("score", WS_2025, "--no-history", "--fail-under", "enam puluh")
    assert code == 2
    assert "isian `--fail-under`): angka `enam puluh` tidak dapat dibaca" in flat(stderr)


@pytest.mark.parametrize(("written", "stored"), [("done", "selesai"), ("selesai", "selesai"), ("In Progress", "proses"),
                                                 ("not-started", "belum"), ("proses", "proses")])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_statuses_are_read_in_either_language(cli: Cli, tmp_path: Path, written: str, stored: str,
                                              lang: str) -> None:
    ws = copy(tmp_path)
    code, _, stderr = cli("followup", "set", "b", ws, "--status", written, "--lang", lang, "--by", "tim")
    assert code == 0, stderr
    code, stdout, _ = cli("followup", "list", ws, "--format", "json")
    assert next(r for r in json.loads(stdout) if r["id"] == "b")["status"] == stored


def test_an_unknown_status_lists_both_languages(cli: Cli, tmp_path: Path) -> None:
    code, _, stderr = cli("followup", "set", "b", copy(tmp_path), "--status", "finished")
    assert code == 2
    assert "belum, not-started, proses, in-progress, selesai, done, tidak-dapat, cannot" in flat(stderr)


# -- followup list [WS], and the old order ----------------------------------------------------------


def test_followup_takes_the_subcommand_first_and_still_reads_the_old_order(cli: Cli) -> None:
    new = cli("followup", "list", WS_2025, "--format", "json")
    old = cli("followup", WS_2025, "list", "--format", "json")
    assert new[0] == old[0] == 0
    assert new[1] == old[1] and len(json.loads(new[1])) == 6


# -- progress --------------------------------------------------------------------------------------


def _fleet(tmp_path: Path, count: int) -> Path:
    for index in range(count):
        shutil.copytree(WS_2025, tmp_path / "fleet" / f"opd-{index}", ignore=shutil.ignore_patterns(".sakip"))
    return tmp_path / "fleet"


def test_batch_shows_progress_on_a_terminal_only(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fleet = _fleet(tmp_path, 2)
    code, _, stderr = cli("batch", fleet, "--jobs", "1")
    assert code == 0 and "Menilai workspace" not in stderr
    monkeypatch.setattr(err, "_force_terminal", True)
    code, _, stderr = cli("batch", fleet, "--jobs", "1")
    assert code == 0 and "Menilai workspace" in stderr and "2/2" in stderr


# -- score: gaps, compact layout, the interpretation whole ----------------------------------------


def test_gaps_show_only_what_needs_work(cli: Cli) -> None:
    code, full, _ = cli("score", WS_2025, "--no-history", "--layout", "table")
    code_gaps, gaps, _ = cli("score", WS_2025, "--no-history", "--layout", "table", "--gaps")
    assert code == code_gaps == 0
    assert "1.a.1 " in full and "1.a.1 " not in gaps  # met, nothing to warn about
    assert "1.b.3" in gaps and "2.b.2" in gaps  # not met
    assert "kak-belum-formal" in gaps  # a cap on 1.b
    criteria = json.loads(cli("score", WS_2025, "--no-history", "--format", "json")[1])["criteria"]
    at_risk = [c for c in criteria if c["predicted"] == "true" and c["reasons"]]
    assert at_risk and gaps.count("✔") == len(at_risk) < full.count("✔")
    assert gaps.count("✘") == full.count("✘")


@pytest.mark.parametrize("width", [60, 80])
def test_a_narrow_terminal_gets_the_compact_layout_and_the_whole_interpretation(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    code, _, _ = cli("score", WS_2025, "--no-history")
    monkeypatch.setattr(out, "width", width)
    code, stdout, _ = cli("score", WS_2025, "--no-history")
    assert code == 0
    assert all(len(line) <= width for line in stdout.splitlines())
    assert "│ ✘" not in stdout  # no table rows
    assert INTERPRETATION_ID in flat(stdout.replace("│", " "))


def test_the_interpretation_is_never_cut_in_the_wide_table(cli: Cli) -> None:
    code, stdout, _ = cli("score", WS_2025, "--no-history", "--layout", "table")
    assert code == 0 and INTERPRETATION_ID in flat(stdout.replace("│", " "))


# -- tables on an ordinary terminal: nothing cut ----------------------------------------------------

NARROW_COMMANDS = [("score", WS_2025, "--no-history"), ("followup", "list", WS_2025), ("plan", WS_2025),
                   ("check", WS_2025), ("rules", "list"), ("rules", "types"), ("history", WS_2025),
                   ("calibrate", EVIDENCE / "mojosari-2024"), ("batch", EVIDENCE)]


@pytest.mark.parametrize("command", NARROW_COMMANDS, ids=lambda c: " ".join(Path(a).name for a in c[:2]))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_80_column_terminal_cuts_no_word_and_no_bar(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                      command: tuple[str | Path, ...], lang: str) -> None:
    code, wide, _ = cli(*command, "--lang", lang)
    assert code in (0, 1) and "…" not in wide
    monkeypatch.setattr(out, "width", 80)
    code, stdout, _ = cli(*command, "--lang", lang)
    assert code in (0, 1)
    assert "…" not in stdout  # rich's mark of a cut text, heading or bar
    drawn = [line for line in stdout.splitlines() if set(line) & set("│┃╭╰█░")]  # tables, panels, bars
    assert all(len(line) <= 80 for line in drawn)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_on_a_narrow_terminal_labels_each_detail_and_keeps_headings_whole_when_wide(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    labels = [t(key, Lang(lang)) for key in ("check.where", "check.stated", "check.expected", "check.criteria")]
    code, wide, _ = cli("check", WS_2025, "--lang", lang, "--layout", "table")
    heading = next(line for line in wide.splitlines() if line.startswith("┃"))
    assert code == 0 and all(f" {label} " in heading for label in labels)
    monkeypatch.setattr(out, "width", 80)
    code, narrow, _ = cli("check", WS_2025, "--lang", lang)
    findings = json.loads(cli("check", WS_2025, "--format", "json")[1])["findings"]
    assert code == 0 and "┃" not in narrow  # no table
    assert narrow.count(f"{labels[0]}: ") == len(findings)
    assert all(f["id"] in flat(narrow) for f in findings[:5])


# -- help -------------------------------------------------------------------------------------------


def _tree() -> list[tuple[str, object]]:
    register_all()
    return list(walk(typer.main.get_command(app)))


def test_every_command_and_parameter_has_help_in_both_languages() -> None:
    missing, used = [], set()
    for path, command in _tree():
        keys = [help_key(path)] + [help_key(path, p) for p in command.params]  # type: ignore[attr-defined]
        missing += [f"{path} {getattr(p, 'name', '')}" for p, k in zip([None, *command.params], keys, strict=True)
                    if k is None]
        used |= {k for k in keys if k}
    assert missing == []
    assert sorted(set(HELP) - used - {"* --help"}) == []  # no text for something that does not exist
    assert all(ind.strip() and en.strip() and ind != en for ind, en in HELP.values())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_pages_are_in_one_language_without_placeholders(run: Callable[..., Result], lang: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    english_only = ("Show this message", "Usage:", "Options", "Arguments", "[default:", "env var")
    monkeypatch.setenv("SAKIP_EVAL_LANG", lang)
    for path, _ in _tree():
        result = run(*path.split(), "--help")
        assert result.code == 0, path
        page = result.out
        assert "<bool>" not in page and "<int>" not in page and "<Path>" not in page, path
        if lang == "id":
            assert not [w for w in english_only if w in page], (path, page)
            assert page.startswith("Pemakaian: sakip-eval")
        else:
            assert page.startswith("Usage: sakip-eval") and "Pemakaian" not in page and "bawaan" not in page


def test_help_keeps_option_names_whole_on_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    done = sakip("score", "--help", env={"COLUMNS": "50"})
    assert done.returncode == 0
    assert "--fail-under N" in done.stdout and "--no-history" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 50


def test_plan_keeps_whole_words_on_a_narrow_terminal() -> None:
    done = sakip("plan", str(WS_2025), env={"COLUMNS": "60"})
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert "Poin → nilai" in done.stdout and any("dokumentasikan" in line for line in lines)
    assert re.search(r"→ \d+,\d\d (AA|A|BB)", done.stdout)  # the running total and category stay beside the step


# -- output piped to a file ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("score", WS_2025), ("check", WS_2025), ("calibrate", EVIDENCE / "mojosari-2024"), ("plan", WS_2025),
])
def test_output_piped_to_a_file_is_not_cut(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch,
                                           args: tuple[str | Path, ...]) -> None:
    """A file or pipe gets 80 columns: a word too long for its column (a case name, criteria ids) is folded
    onto the next line, never ended with rich's "…", and the score bars stay whole beside the names."""
    monkeypatch.setattr(out, "width", 80)
    result = run(*(str(a) for a in args))
    assert result.code in (0, 1), result.err
    assert "…" not in result.out
