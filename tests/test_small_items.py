"""The smaller defects a new user met (issue 11, Why): each pinned by what the user sees."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sakip_eval.followup.edit import set_status
from sakip_eval.i18n import MESSAGES
from sakip_eval.rulebook.book import load_rulebook

from .conftest import EVIDENCE, ROOT, Cli, flat

WS_2025 = EVIDENCE / "mojosari-2025"


def copy(tmp_path: Path, name: str = "ws") -> Path:
    target = tmp_path / name
    shutil.copytree(WS_2025, target, ignore=shutil.ignore_patterns(".sakip"))
    return target


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- evidence types: a listing, and "did you mean" ----------------------------------------------------


def test_rules_types_lists_every_evidence_type_with_its_attributes(cli: Cli) -> None:
    code, out, _ = cli("rules", "types", "--format", "json", "--lang", "en")
    assert code == 0
    types = {t["type"]: t for t in json.loads(out)["types"]}
    bundled = load_rulebook().evidence_types
    assert types.keys() == bundled.keys() and types["renstra"]["name"] == "Strategic plan (Renstra)"
    assert "data_valid" in types["renja"]["attributes"] and types["rpjmd"]["standing"] is True
    code, out, _ = cli("rules", "types")
    assert code == 0 and f"{len(bundled)} jenis bukti dukung" in flat(out) and "pedoman_perencanaan" in out


@pytest.mark.parametrize(("written", "meant"), [("Renstra", "`renstra`"), ("renstar", "`renstra`"),
                                                 ("pk perubahan", "`pk_perubahan`")])
def test_an_unknown_type_says_what_was_meant(cli: Cli, tmp_path: Path, written: str, meant: str) -> None:
    ws = copy(tmp_path)
    rewrite(ws / "inventory.yaml", "type: renstra", f"type: {written}")
    code, _, err = cli("check", ws)
    message = flat(err)
    assert code == 2 and f"jenis bukti `{written}` tidak dikenal" in message
    assert f"Maksudnya {meant}? Semua jenis: `sakip-eval rules types`." in message
    assert "rules/" not in message


def test_a_type_like_nothing_points_at_the_listing(cli: Cli, tmp_path: Path) -> None:
    ws = copy(tmp_path)
    rewrite(ws / "inventory.yaml", "type: renstra", "type: xyzzy")
    message = flat(cli("check", ws)[2])
    assert "Maksudnya" not in message and "Lihat semua jenis dengan `sakip-eval rules types`" in message


def test_no_message_names_a_path_of_the_repository() -> None:
    """Hints name what every user has: commands and their own files, not rules/..., docs/... or evidence/..."""
    paths = re.compile(r"(?<![\w}/])(?:rules|docs|evidence|tests|sakip_eval)/")  # `{folder}/tests/` is the user's
    assert sorted(key for key, texts in MESSAGES.items() if any(paths.search(text) for text in texts)) == []


# -- located, correct field paths -----------------------------------------------------------------


def test_a_narrative_without_id_names_its_own_field(cli: Cli, tmp_path: Path) -> None:
    ws = copy(tmp_path)
    text = (ws / "lkjip.yaml").read_text(encoding="utf-8")
    line = text[: text.index("  - id: bab1-pegawai")].count("\n") + 1
    rewrite(ws / "lkjip.yaml", "  - id: bab1-pegawai\n    kind: headcount", "  - kind: headcount")
    code, _, err = cli("check", ws)
    assert code == 2
    assert f"lkjip.yaml:{line}, isian `narratives.0.id`): isian wajib `id` belum ada" in flat(err)
    assert "evidence/" not in err


# -- follow-up rows worth zero points say why --------------------------------------------------------


def test_a_follow_up_row_worth_nothing_alone_says_why(cli: Cli, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ws = copy(tmp_path)
    set_status(ws, "a", "selesai", ["lhe-2024"], by="tim")
    code, out, _ = cli("score", ws, "--no-history", "--layout", "table")
    assert code == 0
    rows = [line for line in out.splitlines() if re.match(r"│ ✘\s+│ [b-f] ", line)]
    assert len(rows) == 5 and all("+0,00 poin (sendiri belum menambah nilai" in line for line in rows)
    assert "4.c.1 terpenuhi bila 5 rekomendasi yang terbuka selesai semua" in flat(out.replace("│", " "))


# -- efforts where they count for nothing -----------------------------------------------------------


def test_efforts_on_an_existence_sub_component_are_refused(cli: Cli, tmp_path: Path) -> None:
    ws = copy(tmp_path)
    rewrite(ws / "assessment.yaml", "subcomponents:\n", "subcomponents:\n  1.a:\n    efforts:\n"
            "      description: Dokumen disusun lebih awal.\n      evidence: [renja-2024]\n")
    code, _, err = cli("score", ws, "--no-history")
    message = flat(err)
    assert code == 2
    line = (ws / "assessment.yaml").read_text(encoding="utf-8").splitlines().index("    efforts:") + 1
    assert f"assessment.yaml:{line}, isian `subcomponents.1.a.efforts`)" in message
    assert "`efforts` pada 1.a tidak dihitung" in message and "(1.b, 1.c)" in message


# -- plan steps worth nothing alone ------------------------------------------------------------------


def test_plan_steps_that_count_only_together_say_with_which(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert cli("init", ws, "--year", "2026")[0] == 0
    code, out, _ = cli("plan", ws, "--target", "A", "--format", "json")
    steps = json.loads(out)["steps"]
    zero = [(n, s) for n, s in enumerate(steps, start=1) if s["points"] == 0]
    assert zero and all(s["together_with"] is not None and s["together_with"] > n for n, s in zero)
    assert all(steps[s["together_with"] - 1]["points"] > 0 for _, s in zero)
    code, out, _ = cli("plan", ws, "--target", "A")
    assert code == 0 and "+0,00" not in out and f"bersama #{zero[0][1]['together_with']}" in out


# -- batch over a folder that holds other folders ---------------------------------------------------


def test_batch_passes_over_folders_that_are_not_workspaces(cli: Cli, tmp_path: Path) -> None:
    fleet = tmp_path / "opd"
    copy(fleet, "kecamatan-a")
    (fleet / "arsip-surat").mkdir()
    (fleet / "arsip-surat" / "lhe.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = cli("batch", fleet, "--format", "json")
    assert code == 0
    results = json.loads(out)["results"]
    assert [Path(r["path"]).name for r in results] == ["kecamatan-a"] and not results[0]["error"]
    assert "1 folder dilewati karena bukan workspace" in flat(err) and "arsip-surat" in err


# -- diff says what changed in words ---------------------------------------------------------------


def test_diff_names_answers_in_words_and_an_unchanged_one_once(cli: Cli, tmp_path: Path) -> None:
    ws = copy(tmp_path)
    assert cli("score", ws, "--format", "json")[0] == 0
    rewrite(ws / "assessment.yaml", "4.b.5: {met: false,", "4.b.5: {met: true,")
    assert cli("score", ws, "--format", "json")[0] == 0
    code, out, _ = cli("diff", ws)
    assert code == 0
    text = flat(out.replace("│", " "))
    assert "4.b.5 belum terpenuhi (tetap)" in text and "klaim tim: belum terpenuhi → terpenuhi" in text
    assert "false" not in out and "true" not in out


# -- the inventory template works once its example is uncommented ----------------------------------


def test_the_inventory_example_uncommented_as_told_is_a_valid_file(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert cli("init", ws)[0] == 0
    lines = (ws / "inventory.yaml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#  - id:"))
    lines[start:] = [line[1:] if line.startswith("#") else line for line in lines[start:]]
    (ws / "inventory.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli("check", ws)[0] == 0
    code, out, _ = cli("score", ws, "--format", "json", "--no-history")
    assert code == 0 and json.loads(out)["opd"] == "baru"


# -- documentation links --------------------------------------------------------------------------


DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_documentation_links_and_paths_exist(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    links = [m.group(1) for m in re.finditer(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text) if "://" not in m.group(1)]
    assert [link for link in links if not (doc.parent / link).exists()] == []
    named = re.findall(r"`((?:docs|sakip_eval|rules|tests|tools|evidence|benchmarks)/[^`\s<>*]+)`", text)
    bases = [ROOT, *(p.parent for p in (ROOT / "rules").glob("*/regime.yaml"))]  # or inside a rulebook
    assert [path for path in named if not any((base / path.rstrip("/")).exists() for base in bases)] == []
    assert not re.search(r"DESIGN|/work/|\.\./shared|shared/reference", text)
