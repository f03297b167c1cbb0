"""`import-lkjip FILE [WS]`: a draft lkjip.yaml from the team's LKjIP (Word, PDF or tab-separated text).

The team's own lkjip.yaml is never overwritten: the draft goes to `lkjip.yaml` when the workspace has
none, else beside it as `lkjip.draft.yaml` (or where `--output` says, never over a file that is not a
draft); `--merge` adds to lkjip.yaml the indicators, tables, lines and statements it lacks, keeping
every entry and comment it has. The draft is validated with the model `check` reads before a byte is
written, and the review list says what could not be placed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sakip_eval.errors import InputError
from sakip_eval.importers.draft import build_draft
from sakip_eval.importers.sources import read_source
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.references import check_lkjip_references
from sakip_eval.io.schemas import install_schemas
from sakip_eval.io.yamlread import load_model, parse_text, read_text, validate
from sakip_eval.model.lkjip import Lkjip
from sakip_eval.model.workspace import WorkspaceFile

DRAFT_NAME = "lkjip.draft.yaml"
TEAM_NAME = "lkjip.yaml"
DRAFT_MARK = "DRAF lkjip.yaml dari"  # in the header of every draft: a file with it may be replaced
SECTIONS = ("indicators", "tables", "budget_lines", "budgets", "narratives", "headcounts", "changes")


@dataclass(frozen=True)
class ImportResult:
    path: Path
    merged: bool
    counts: dict[str, int]
    review: list[str]
    added: int = 0


def performance_year(workspace: Path) -> int:
    """The workspace's performance year (workspace.yaml is the only file read)."""
    meta, _ = load_model(workspace / "workspace.yaml", WorkspaceFile, "workspace")
    return meta.year


def import_lkjip(source: Path, workspace: Path, output: Path | None = None, merge: bool = False) -> ImportResult:
    if not workspace.is_dir():
        raise InputError("error.not_a_folder" if workspace.exists() else "error.not_found", file=str(workspace),
                         fix="importers.no_workspace.fix")
    year = performance_year(workspace)
    blocks = read_source(source)
    team = workspace / TEAM_NAME
    seed = _team_data(team) if merge and team.exists() else None
    draft = build_draft(blocks, year, source.name, seed)
    if not (draft.counts["tables"] or draft.counts["budgets"] or draft.counts["headcounts"]):
        raise InputError("importers.no_tables", file=str(source))
    checked = parse_text(draft.text, workspace / DRAFT_NAME, DRAFT_NAME)
    check_lkjip_references(validate(checked, Lkjip, "lkjip"), checked)
    if merge:
        if output is not None:
            raise InputError("importers.merge_output", field="--output")
        added = _merge(team, draft.text) if team.exists() else None
        if added is None:
            write_atomically(team, draft.text.encode("utf-8"))
            return ImportResult(team, False, draft.counts, draft.review)
        return ImportResult(team, True, draft.counts, draft.review, added)
    target = output or (workspace / DRAFT_NAME if team.exists() else team)
    _refuse_overwrite(target, team)
    install_schemas(workspace)  # the draft's editor line points at WS/.sakip/schema/
    write_atomically(target, draft.text.encode("utf-8"))
    return ImportResult(target, False, draft.counts, draft.review)


def _team_data(team: Path) -> dict[str, Any]:
    """The team's lkjip.yaml as plain data (validated), whose ids the merged draft reuses."""
    doc = parse_text(read_text(team, str(team)), team, str(team))
    check_lkjip_references(validate(doc, Lkjip, "lkjip"), doc)
    return doc.data if isinstance(doc.data, dict) else {}


def _refuse_overwrite(target: Path, team: Path) -> None:
    """Only a previous draft may be replaced: never the team's file, never a file that is not a draft."""
    if target.is_dir():
        raise InputError("error.not_a_file", file=str(target), fix="importers.output.fix")
    if not target.exists():
        if not target.parent.is_dir():
            raise InputError("error.not_found", file=str(target.parent), fix="importers.output.fix")
        return
    same_as_team = team.exists() and target.resolve() == team.resolve()
    try:
        head = target.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError as exc:
        raise InputError("error.os", file=str(target), detail=exc.strerror or str(exc)) from exc
    if same_as_team or DRAFT_MARK not in head:
        raise InputError("importers.exists", file=str(target), fix="importers.exists.fix")


def _merge(team: Path, draft_text: str) -> int:
    """Append to the team's lkjip.yaml every draft entry whose id it does not have (indicators also by
    name); the team's entries, order and comments stay as they are. Returns the number added."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the bundled files and of drafts
    text = read_text(team, str(team))
    parse_text(text, team, str(team))  # the team's file must be valid YAML within the limits first
    tree = yaml.load(text)
    if tree is None:
        tree = CommentedMap()
    if not isinstance(tree, CommentedMap):
        raise InputError("error.top_not_mapping", file=str(team), line=1)
    draft = yaml.load(draft_text)
    added = 0
    for section in SECTIONS:
        incoming = draft.get(section) or []
        current = tree.get(section)
        if not isinstance(current, CommentedSeq):
            current = CommentedSeq()
            tree[section] = current
        have_ids = {str(item.get("id")) for item in current if isinstance(item, dict) and "id" in item}
        have_titles = {str(item.get("title")).lower() for item in current if isinstance(item, dict) and "title" in item}
        for item in incoming:
            key = item.get("id") if isinstance(item, dict) else None
            if key is not None and str(key) in have_ids:
                continue
            if section in ("tables", "budgets", "headcounts") and str(item.get("title", "")).lower() in have_titles:
                continue
            if section == "changes" and len(current):
                continue
            current.append(item)
            added += 1
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    merged = buffer.getvalue()
    checked = parse_text(merged, team, str(team))
    try:
        check_lkjip_references(validate(checked, Lkjip, "lkjip"), checked)
    except InputError as exc:
        raise InputError("importers.merge_conflict", file=str(team), detail=str(exc)) from exc
    write_atomically(team, merged.encode("utf-8"))
    return added


def summary_lines(result: ImportResult) -> list[tuple[str, dict[str, Any]]]:
    """Message keys and parameters for the command's report, in order."""
    counts = result.counts
    key = "importers.merged" if result.merged else "importers.written"
    return [(key, {"path": result.path, "added": result.added, **counts})]
