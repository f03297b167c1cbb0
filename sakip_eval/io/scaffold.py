"""`init`: a new workspace whose files explain themselves.

Each file starts with the `yaml-language-server` line that points editors (VS Code with the YAML
extension) at the JSON Schema copied into the workspace's `.sakip/schema/`, so fields are completed and
checked while typing;
every field carries a comment in Indonesian with English beside it. assessment.yaml lists every
criterion of the rulebook with its text, so the team answers the LKE row by row.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.schemas import install_schemas, schema_line
from sakip_eval.io.workspace import FILES
from sakip_eval.rulebook.book import load_rulebook, subcomponent_of

TEMPLATES = ("workspace", "inventory", "assessment", "followup")


def create_workspace(directory: Path, opd: str, year: int, regime: str = "lke-2021") -> list[Path]:
    """Write the template files into `directory` (created if needed); refuse to touch a workspace."""
    for name in FILES:
        if (directory / name).exists():
            raise InputError("init.exists", file=str(directory / name))
    if directory.exists() and not directory.is_dir():
        raise InputError("error.not_a_folder", file=str(directory), fix="init.exists.fix")
    from jinja2 import Environment, PackageLoader, StrictUndefined  # only here: other commands start faster

    opd = " ".join(opd.split())  # one line: it is also written into comments
    book = load_rulebook(regime)
    env = Environment(loader=PackageLoader("sakip_eval", "templates/init"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings
    subcomponents = [
        {"id": sub.id, "name": sub.name.id,
         "criteria": [{"id": c.id, "text": c.text.id, "na": "opd" not in c.applies_to}
                      for c in book.criteria.values() if subcomponent_of(c.id) == sub.id]}
        for comp in book.regime.components for sub in comp.subcomponents
    ]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "files").mkdir(exist_ok=True)
    install_schemas(directory)
    written = []
    for kind in TEMPLATES:
        text = env.get_template(f"{kind}.yaml.j2").render(
            schema=schema_line(kind), opd=opd, year=year, subcomponents=subcomponents,
        )
        path = directory / f"{kind}.yaml"
        write_atomically(path, text.encode("utf-8"))
        written.append(path)
    return written


def default_year() -> int:
    """The evaluation year a team prepares for when it starts now."""
    return dt.date.today().year
