"""Bad input: exit 2, a message naming file and line, never a traceback, no file changed."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EVIDENCE, Result


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def copy_2024(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(EVIDENCE / "mojosari-2024", target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = [
    # (file, old text, new text, expected fragments in the message)
    ("workspace.yaml", "opd: Kecamatan Mojosari", "opd: Kecamatan Mojosari\nfoo: 1", ["workspace.yaml:", "`foo`"]),
    ("workspace.yaml", 'total: "82,30"', 'total: "sembilan puluh"', ["workspace.yaml:18", "sembilan puluh"]),
    ("workspace.yaml", 'total: "82,30"', 'total: "12,3,4"', ["workspace.yaml:18", "actual.total", "12,3,4"]),
    ("workspace.yaml", "evaluation_year: 2024", "evaluation_year: duaribu", ["workspace.yaml:", "duaribu"]),
    ("workspace.yaml", "performance_year: 2023", "performance_year: 2025", ["performance_year"]),
    ("workspace.yaml", "opd: Kecamatan Mojosari", "opd: Kecamatan Mojosari\nopd: lagi", ["workspace.yaml:", "`opd`"]),
    ("workspace.yaml", "level: opd", "level: opd\n  bad: [", ["workspace.yaml:"]),
    ("inventory.yaml", "    type: kak\n", "    type: kakk\n", ["inventory.yaml:", "kakk"]),
    ("inventory.yaml", "      selaras_renja: false", "      selaras: false", ["inventory.yaml:", "selaras"]),
    ("inventory.yaml", "  - id: kak-2023", "  - id: dpa-2023", ["inventory.yaml:", "dpa-2023"]),
    ("assessment.yaml", "evidence: [renstra-2021-2026]}", "evidence: [renstra-9999]}",
     ["assessment.yaml:", "renstra-9999"]),
    ("assessment.yaml", "1.a.1: {met: true", "1.a.1: {met: maybe", ["assessment.yaml:", "maybe"]),
    ("assessment.yaml", "  1.a.1: ", "  9.z.1: ", ["assessment.yaml:", "9.z.1"]),
    ("assessment.yaml", "  1.c:\n", "  1.z:\n", ["assessment.yaml:", "1.z"]),
]


@pytest.mark.parametrize(("name", "old", "new", "fragments"), CASES)
def test_bad_file_exit_2_with_location(
    copy_2024: Path, run: Callable[..., Result], name: str, old: str, new: str, fragments: list[str]
) -> None:
    _edit(copy_2024 / name, old, new)
    before = _digest(copy_2024)
    for lang in ("id", "en"):
        result = run("score", copy_2024, "--lang", lang)
        assert result.code == 2
        assert "Traceback" not in result.err
        for fragment in fragments:
            assert fragment in result.err
    assert _digest(copy_2024) == before


def test_missing_folder(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("score", tmp_path / "tidak-ada")
    assert result.code == 2
    assert "tidak ditemukan" in result.err


def test_missing_inventory(run: Callable[..., Result], copy_2024: Path) -> None:
    (copy_2024 / "inventory.yaml").unlink()
    result = run("score", copy_2024, "--lang", "en")
    assert result.code == 2 and "inventory.yaml" in result.err and "not found" in result.err


def test_not_utf8_names_the_byte(run: Callable[..., Result], copy_2024: Path) -> None:
    (copy_2024 / "workspace.yaml").write_bytes(b"opd: \xff\xfe\n")
    result = run("score", copy_2024)
    assert result.code == 2 and "UTF-8" in result.err and "5" in result.err


def test_alias_bomb_is_refused(run: Callable[..., Result], copy_2024: Path) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 8):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    (copy_2024 / "workspace.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("score", copy_2024)
    assert result.code == 2 and "workspace.yaml" in result.err


def test_evidence_file_outside_the_workspace(run: Callable[..., Result], copy_2024: Path) -> None:
    _edit(copy_2024 / "inventory.yaml", "    year: 2016\n", "    year: 2016\n    file: ../../etc/passwd\n")
    result = run("score", copy_2024)
    assert result.code == 2 and "di luar folder workspace" in result.err


def test_symlink_out_of_the_workspace(run: Callable[..., Result], copy_2024: Path, tmp_path: Path) -> None:
    (copy_2024 / "files").mkdir()
    (copy_2024 / "files" / "link.pdf").symlink_to(tmp_path)
    _edit(copy_2024 / "inventory.yaml", "    year: 2016\n", "    year: 2016\n    file: files/link.pdf\n")
    assert run("score", copy_2024).code == 2


def test_usage_errors_exit_2(run: Callable[..., Result]) -> None:
    assert run("score", EVIDENCE / "mojosari-2024", "--format", "xml").code == 2
    assert run("tidak-ada-perintah").code == 2
    assert run("schema", "nope").code == 2
