"""`init`: a new workspace with commented templates and the editor schema line; and the bundled schemas up to
date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sakip_eval.io.schemas import schema_for
from sakip_eval.render.jsontext import dumps

from .report_support import ROOT, flat, run_cli

KINDS = ("workspace", "inventory", "assessment", "lkjip", "followup")


def test_init_then_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = tmp_path / "dinas-kesehatan"
    assert run_cli(["init", str(made), "--opd", "Dinas Kesehatan: Kab. #1", "--year", "2026"]) == 0
    assert "sakip-eval score" in flat(capsys.readouterr().out)
    ws = tmp_path / "moved" / "elsewhere"  # the schema lines resolve wherever the workspace goes
    ws.parent.mkdir()
    made.rename(ws)
    for kind in ("workspace", "inventory", "assessment", "followup"):
        first = (ws / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(.+)", first)
        assert match, first
        assert not Path(match.group(1)).is_absolute() and ".." not in match.group(1)
        assert (ws / match.group(1)).read_text(encoding="utf-8") == dumps(schema_for(kind))
    assessment = (ws / "assessment.yaml").read_text(encoding="utf-8")
    assert "# Terdapat pedoman teknis perencanaan kinerja" in assessment and "1.a.2: {met: na" in assessment
    assert run_cli(["score", str(ws), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["opd"], data["evaluation_year"], data["total"], data["category"]) == (
        "Dinas Kesehatan: Kab. #1", 2026, 0.0, "D")
    assert sum(1 for c in data["criteria"] if c["predicted"] == "na") == 1


def test_init_defaults_and_refuses_an_existing_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "Kecamatan Baru"
    assert run_cli(["init", str(ws)]) == 0
    capsys.readouterr()
    before = (ws / "workspace.yaml").read_bytes()
    assert 'opd: "Kecamatan Baru"' in before.decode()
    assert run_cli(["init", str(ws), "--opd", "Lain"]) == 2
    assert "sudah berisi workspace" in flat(capsys.readouterr().err)
    assert (ws / "workspace.yaml").read_bytes() == before


@pytest.mark.parametrize("kind", KINDS)
def test_docs_schema_is_up_to_date(kind: str) -> None:
    """`make schemas` writes these; a model change without it fails here."""
    path = ROOT / "sakip_eval" / "schemas" / f"{kind}.schema.json"
    assert path.read_text(encoding="utf-8") == dumps(schema_for(kind)), "run `make schemas`"


def test_bundled_workspaces_point_at_existing_schemas() -> None:
    for file in sorted((ROOT / "evidence").glob("*/*.yaml")):
        first = file.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(.+)", first)
        assert match and (file.parent / match.group(1)).is_file(), file
