"""docs/architecture.md describes the package as built: every concept folder has its paragraph, every command
its module, and the document points at nothing outside the repository."""

from __future__ import annotations

import re

from sakip_eval.cli import COMMANDS

from .conftest import ROOT

DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "sakip_eval"


def test_every_folder_of_the_package_has_its_paragraph() -> None:
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert [name for name in folders if f"**`{name}/`" not in DOC] == []


def test_every_module_the_paragraphs_name_exists() -> None:
    named = set(re.findall(r"`([a-z_]+\.py)`", DOC))
    modules = {p.name for p in PACKAGE.rglob("*.py")}
    assert sorted(named - modules) == []


def test_every_command_is_named() -> None:
    assert [command for command in COMMANDS if f"`{command}`" not in DOC] == []


def test_no_reference_outside_the_repository() -> None:
    assert not re.search(r"DESIGN|/work/|\.\./shared|shared/reference", DOC)
