"""What users read for the bundled workspaces, byte for byte: predictions, findings, plans, calibration,
follow-up, letter checks and reports, against tests/golden/. A change that moves any of it fails here with
the diff; `make golden` accepts it (see tests/golden.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sakip_eval.cli.common import err, out

from .conftest import LHE_2024, ROOT, Result
from .golden import GOLDEN, Golden

# relative to the repository, as a user in the checkout would type them: outputs that echo a path stay the same
WS_2025, WS_2024 = "evidence/mojosari-2025", "evidence/mojosari-2024"
LETTER = str(LHE_2024.relative_to(ROOT))
WIDTH = 120  # tables are drawn for a 120-column terminal

CASES: dict[str, list[str]] = {
    "score/mojosari-2025.json": ["score", WS_2025, "--format", "json", "--no-history"],
    "score/mojosari-2025.en.json": ["score", WS_2025, "--format", "json", "--no-history", "--lang", "en"],
    "score/mojosari-2024.json": ["score", WS_2024, "--format", "json", "--no-history"],
    "score/mojosari-2025.txt": ["score", WS_2025, "--no-history"],
    "score/mojosari-2024.en.txt": ["score", WS_2024, "--no-history", "--lang", "en"],
    "check/mojosari-2025.json": ["check", WS_2025, "--format", "json"],
    "check/mojosari-2025.en.json": ["check", WS_2025, "--format", "json", "--lang", "en"],
    "check/mojosari-2024.json": ["check", WS_2024, "--format", "json"],
    "check/mojosari-2025.txt": ["check", WS_2025],
    "plan/mojosari-2025.json": ["plan", WS_2025, "--format", "json"],
    "plan/mojosari-2025.txt": ["plan", WS_2025],
    "plan/mojosari-2024-target-85.json": ["plan", WS_2024, "--target", "85", "--format", "json"],
    "calibrate/mojosari-2024.json": ["calibrate", WS_2024, "--format", "json"],
    "calibrate/mojosari-2024.txt": ["calibrate", WS_2024],
    "followup/mojosari-2025.json": ["followup", WS_2025, "list", "--format", "json"],
    "followup/mojosari-2025.txt": ["followup", WS_2025, "list"],
    "lhe/lhe-mojosari-2024.json": ["lhe", "check", LETTER, "--format", "json"],
    "lhe/lhe-mojosari-2024.txt": ["lhe", "check", LETTER],
    "report/mojosari-2025.md": ["report", WS_2025, "--format", "md"],
    "report/mojosari-2025.en.md": ["report", WS_2025, "--format", "md", "--lang", "en"],
    "report/mojosari-2025.html": ["report", WS_2025, "--format", "html"],
    "report/mojosari-2024.html": ["report", WS_2024, "--format", "html", "--lang", "en"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_the_golden_file(name: str, run: Callable[..., Result], golden: Golden,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(out, "width", WIDTH)
    monkeypatch.setattr(err, "width", WIDTH)
    result = run(*CASES[name])
    assert result.code in (0, 1), result.err
    assert str(ROOT) not in result.out, "golden output names no folder of this machine"
    golden.check(name, result.out)


def test_the_documented_example_is_the_golden_output() -> None:
    """docs/prediction.md opens with `score`'s prediction lines for the bundled 2025 workspace: they are the
    golden output's own lines, so a change that moves the prediction fails here until the doc follows."""
    doc = (ROOT / "docs" / "prediction.md").read_text(encoding="utf-8")
    example = doc.split("```\n", 2)[1]
    shown = (GOLDEN / "score" / "mojosari-2025.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in example.splitlines() if line.strip()]
    assert len(lines) >= 2 and "(Kecamatan Mojosari 2025, `evidence/mojosari-2025`.)" in doc
    assert [line for line in lines if f"│ {line} " not in shown] == []
