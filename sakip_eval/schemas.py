"""JSON Schema of every workspace file kind, for editors (the `# yaml-language-server` line)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .assessment import Assessment
from .errors import InputError
from .followup import Followup
from .inventory import Inventory
from .workspace import WorkspaceFile


def _kinds() -> dict[str, type[BaseModel]]:
    from .lkjip import Lkjip

    return {"workspace": WorkspaceFile, "inventory": Inventory, "assessment": Assessment, "lkjip": Lkjip,
            "followup": Followup}


def schema_for(kind: str) -> dict[str, Any]:
    kinds = _kinds()
    if kind not in kinds:
        raise InputError("error.bad_option", value=kind, option="KIND (" + ", ".join(kinds) + ")")
    schema = kinds[kind].model_json_schema(mode="validation")
    schema["$id"] = f"sakip-eval/{kind}.schema.json"
    return schema
