"""Builders of minimal workspaces for tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def write_workspace(
    path: Path,
    *,
    items: list[dict[str, Any]] | None = None,
    criteria: dict[str, Any] | None = None,
    subcomponents: dict[str, Any] | None = None,
    recommendations: list[dict[str, Any]] | None = None,
    history: dict[int, Any] | None = None,
    meta: dict[str, Any] | None = None,
) -> Path:
    """A minimal valid workspace (Kecamatan Contoh, evaluation 2025 of 2024) with the given parts."""
    path.mkdir(parents=True, exist_ok=True)
    workspace = {"opd": "Kecamatan Contoh", "pemda": "Kabupaten Contoh", "evaluation_year": 2025,
                 "performance_year": 2024, **(meta or {})}
    if history:
        workspace["history"] = history
    (path / "workspace.yaml").write_text(yaml.safe_dump(workspace, allow_unicode=True), encoding="utf-8")
    (path / "inventory.yaml").write_text(yaml.safe_dump({"items": items or []}, allow_unicode=True),
                                         encoding="utf-8")
    assessment: dict[str, Any] = {"criteria": criteria or {}}
    if subcomponents:
        assessment["subcomponents"] = subcomponents
    (path / "assessment.yaml").write_text(yaml.safe_dump(assessment, allow_unicode=True), encoding="utf-8")
    if recommendations is not None:
        (path / "followup.yaml").write_text(yaml.safe_dump({"recommendations": recommendations},
                                                           allow_unicode=True), encoding="utf-8")
    return path


def item(item_id: str, etype: str, **fields: Any) -> dict[str, Any]:
    """A strong evidence item of the performance year unless `fields` say otherwise."""
    base: dict[str, Any] = {"id": item_id, "type": etype, "title": f"Dokumen {item_id}", "year": 2024,
                            "formalized": True, "kept_since": 2015}
    base.update(fields)
    return base


def budget_siblings(ws: Path, count: int, swapped: tuple[int, int] | None = None) -> None:
    """lkjip.yaml with `count` sibling programs stating a pagu in two years (the probe's generator), the
    pair `swapped` exchanging their amounts between the years."""
    text = (ws / "lkjip.yaml").read_text(encoding="utf-8")
    before = text.split("budget_lines:")[0]
    after = "narratives:" + text.split("\nnarratives:", 1)[1]
    lines = ["budget_lines:", '  - {id: opd, level: opd, name: "OPD"}']
    lines += [f'  - {{id: l{i}, level: program, parent: opd, name: "Program {i}"}}' for i in range(count)]
    lines += ["budgets:"]
    for table, year, base in (("t1", 2024, 1000), ("t2", 2023, 2000)):
        lines += [f"  - id: {table}", f"    title: Tabel {table}", "    source: renja", f"    year: {year}",
                  "    rows:"]
        for i in range(count):
            amount = base + i
            if swapped and i in swapped and year == 2023:
                amount = 7_000_000 if i == swapped[0] else 90_000
            if swapped and i in swapped and year == 2024:
                amount = 90_000 if i == swapped[0] else 7_000_000
            lines.append(f'      - {{line: l{i}, pagu: "{amount}"}}')
    (ws / "lkjip.yaml").write_text(before + "\n".join(lines) + "\n\n" + after, encoding="utf-8")
