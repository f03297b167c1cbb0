"""`schema KIND`: the JSON Schema of one workspace file kind (editors validate and complete with it)."""

from __future__ import annotations

from typing import Annotated

import typer

from sakip_eval.cli.common import app, print_json
from sakip_eval.io.schemas import schema_for


@app.command()
def schema(kind: Annotated[str, typer.Argument(metavar="KIND")]) -> None:
    """JSON Schema satu jenis berkas / the JSON Schema of one file kind."""
    print_json(schema_for(kind))
