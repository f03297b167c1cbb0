"""The bundled workspaces score end to end."""

from __future__ import annotations

import json
from pathlib import Path

from sakip_eval.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_score_json_bundled_2024(capsys):
    try:
        main(["score", str(ROOT / "evidence/mojosari-2024"), "--format", "json"])
    except SystemExit as exc:
        assert exc.code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["category"] == "A"
