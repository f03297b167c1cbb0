"""JSON Schema of every workspace file kind, for editors (the `# yaml-language-server` line)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from sakip_eval.errors import InputError
from sakip_eval.model.claims import Assessment
from sakip_eval.model.followup import Followup
from sakip_eval.model.inventory import Inventory
from sakip_eval.model.workspace import WorkspaceFile


def _kinds() -> dict[str, type[BaseModel]]:
    from sakip_eval.model.lkjip import Lkjip

    return {"workspace": WorkspaceFile, "inventory": Inventory, "assessment": Assessment, "lkjip": Lkjip,
            "followup": Followup}


def schema_for(kind: str) -> dict[str, Any]:
    kinds = _kinds()
    if kind not in kinds:
        raise InputError("error.bad_option", value=kind, option="KIND (" + ", ".join(kinds) + ")")
    schema = kinds[kind].model_json_schema(mode="validation")
    schema["$id"] = f"sakip-eval/{kind}.schema.json"
    return schema
