"""JSON Schema of every workspace file kind, for editors (the `# yaml-language-server` line).

The schemas ship inside the package (`sakip_eval/schemas/`, written by `make schemas`). A workspace gets
its own copy in `.sakip/schema/`, and its files name that copy by a path relative to themselves: the
line resolves wherever the workspace is moved or copied, on any machine, with or without the checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sakip_eval.errors import InputError
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.workspace import STATE_DIR
from sakip_eval.model.claims import Assessment
from sakip_eval.model.followup import Followup
from sakip_eval.model.inventory import Inventory
from sakip_eval.model.workspace import WorkspaceFile

KINDS = ("workspace", "inventory", "assessment", "lkjip", "followup")
WORKSPACE_SCHEMAS = f"{STATE_DIR}/schema"


def schema_line(kind: str) -> str:
    """The editor comment a workspace file of `kind` starts with (without the leading `# `)."""
    return f"yaml-language-server: $schema={WORKSPACE_SCHEMAS}/{kind}.schema.json"


def install_schemas(workspace: Path) -> None:
    """Copy the bundled schemas into the workspace's `.sakip/schema/` (only those that differ, so an
    upgraded sakip-eval refreshes them and an unchanged one writes nothing)."""
    target = workspace / WORKSPACE_SCHEMAS
    target.mkdir(parents=True, exist_ok=True)
    bundled = resources.files("sakip_eval") / "schemas"
    for kind in KINDS:
        name = f"{kind}.schema.json"
        content = (bundled / name).read_bytes()
        path = target / name
        if not path.is_file() or path.read_bytes() != content:
            write_atomically(path, content)


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
