"""`import-lkjip FILE [WS]`: a draft lkjip.yaml from the team's LKjIP (Word, PDF or tab-separated text).

The team's own lkjip.yaml is never overwritten: the draft goes to `lkjip.yaml` when the workspace has
none, else beside it as `lkjip.draft.yaml` (or where `--output` says, never over a file that is not a
draft); `--merge` adds to lkjip.yaml the indicators, tables, lines and statements it lacks, patching its
text so that every byte the team wrote stays as written. The draft is validated with the model `check`
reads before a byte is written, and the review list says what could not be placed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sakip_eval.errors import InputError
from sakip_eval.importers.draft import Draft, build_draft
from sakip_eval.importers.sources import read_source
from sakip_eval.io.atomic import write_atomically
from sakip_eval.io.commit import commit
from sakip_eval.io.references import check_lkjip_references
from sakip_eval.io.schemas import install_schemas
from sakip_eval.io.state import write_lock
from sakip_eval.io.yamlpatch import Original, entry, is_flow
from sakip_eval.io.yamlread import Document, load_model, parse_replacement, parse_text, read_text, validate
from sakip_eval.io.yamlread import read_source as read_yaml_source
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
    if merge and output is not None:
        raise InputError("importers.merge_output", field="--output")
    with write_lock(workspace):  # one writer at a time (made only now: a refused import leaves nothing)
        return _write(workspace, team, draft, output, merge)


def _write(workspace: Path, team: Path, draft: Draft, output: Path | None, merge: bool) -> ImportResult:
    if merge:
        added = _merge(workspace, team, draft.text) if team.exists() else None
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
    return _validated(parse_text(read_text(team, str(team)), team, str(team)))


def _validated(doc: Document) -> dict[str, Any]:
    """An lkjip.yaml's data, checked as `check` reads it (the model and its references)."""
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


def _merge(workspace: Path, team: Path, draft_text: str) -> int:
    """Append to the team's lkjip.yaml every draft entry whose id (tables also title) it does not have, as
    the draft writes it (its source comments too), by patching the file's text: every byte of the team's
    file stays as written (entries, order, comments, quoting, wrapped texts, line endings, byte-order mark,
    mode). Written only if the workspace with the merged file loads. Returns the number added."""
    source = read_yaml_source(team, str(team), inside=workspace)
    team_data = _validated(parse_text(source.text, team, str(team)))
    original = Original.parse(source.text, str(team), source.bom)
    draft = Original.parse(draft_text, DRAFT_NAME)
    draft_data = parse_text(draft_text, workspace / DRAFT_NAME, DRAFT_NAME).data
    added = 0
    # sections the file has first: a new section goes after the file's last one, where that one's new entries
    # go too, and they must stand above it
    for section in sorted(SECTIONS, key=lambda name: original.root is None or entry(original.root, name) is None):
        incoming = draft_data.get(section) or []
        picks = _new_entries(section, incoming, team_data.get(section) or [])
        if picks:
            found = entry(draft.root, section) if draft.root is not None else None
            assert found is not None and isinstance(found[1], yaml.SequenceNode)  # the draft is ours
            _append(original, section, [draft.item_text(found[1], i) for i in picks], draft.dash_column(found[1]))
            added += len(picks)
    merged = original.text()
    checked = parse_replacement(merged, team, str(team))
    try:
        _validated(checked)
    except InputError as exc:
        raise InputError("importers.merge_conflict", file=str(team), detail=str(exc)) from exc
    commit(workspace, {TEAM_NAME: merged})
    return added


def _new_entries(section: str, incoming: list[Any], current: list[Any]) -> list[int]:
    """The draft's entries of `section` the team's file lacks: by id; tables, budgets and headcounts also
    by title; the reason for changed targets only when the team gives none."""
    have_ids = {str(item.get("id")) for item in current if isinstance(item, dict) and "id" in item}
    have_titles = {str(item.get("title")).lower() for item in current if isinstance(item, dict) and "title" in item}
    picks: list[int] = []
    for index, item in enumerate(incoming):
        key = item.get("id") if isinstance(item, dict) else None
        if key is not None and str(key) in have_ids:
            continue
        if section in ("tables", "budgets", "headcounts") and str(item.get("title", "")).lower() in have_titles:
            continue
        if section == "changes" and (current or picks):
            continue
        picks.append(index)
    return picks


def _append(original: Original, section: str, items: list[str], draft_dash: int) -> None:
    """Add the draft's item lines to `section` of the team's file: after its last item, below its empty
    key, or as a new section at the end; re-indented to the file's own dash column, in its line ending."""
    root = original.root
    found = entry(root, section) if root is not None else None
    if found is not None and isinstance(found[1], yaml.SequenceNode) and found[1].value:
        original.refuse_shared(found[1], section)
        if is_flow(found[1]):
            raise InputError("importers.merge_flow", file=original.display, line=original.line(found[1]),
                             section=section)
        original.append_lines(found[1], _indented(items, original.dash_column(found[1]) - draft_dash, original.eol))
    elif found is not None:  # `indicators:`, `indicators: ~`, `indicators: []`
        original.fill_value(found[0], found[1],
                            _indented(items, int(found[0].start_mark.column) + 2 - draft_dash, original.eol))
    elif root is None:
        original.append_text(f"{section}:{original.eol}" + _indented(items, 2 - draft_dash, original.eol))
    elif is_flow(root):
        raise InputError("importers.merge_flow", file=original.display, line=original.line(root), section=section)
    else:
        original.add_block(root, section, _indented(items, original.column(root) + 2 - draft_dash, original.eol))


def _indented(items: list[str], shift: int, eol: str) -> str:
    """Lines of the draft (LF, items indented by at least two) moved `shift` columns, ending in `eol`."""
    lines = [line for item in items for line in item.split("\n") if line]
    return "".join((" " * shift + line if shift >= 0 else line[-shift:]) + eol for line in lines)


def summary_lines(result: ImportResult) -> list[tuple[str, dict[str, Any]]]:
    """Message keys and parameters for the command's report, in order."""
    counts = result.counts
    key = "importers.merged" if result.merged else "importers.written"
    return [(key, {"path": result.path, "added": result.added, **counts})]
