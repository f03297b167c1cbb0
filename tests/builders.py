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
