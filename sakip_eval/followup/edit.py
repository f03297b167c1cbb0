"""Changing followup.yaml: `followup set` (a status change) and `followup import` (an LHE's recommendations,
its number and date, and the years it prints into workspace.yaml `history`, see :mod:`.previous`).

followup.yaml is edited by the team and by the tool alike (docs/followup.md), so each change:
- holds the workspace's write lock (`WS/.sakip/write.lock`) from reading to writing, so concurrent calls
  run one after another and none overwrites another's change;
- re-reads and validates the whole workspace inside the lock (evidence ids are checked against the
  inventory as it is now);
- patches the file's text (:mod:`sakip_eval.io.yamlpatch`): every line the change is not about stays
  byte for byte as the team wrote it, with its line endings, BOM and comments; a record that shares a
  value with another through a YAML alias is refused rather than changing both;
- validates the result as part of the whole workspace and writes it atomically through
  :func:`sakip_eval.io.commit.commit`: a refused call raises before anything is written.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sakip_eval.errors import InputError
from sakip_eval.followup import previous
from sakip_eval.i18n import Lang, t
from sakip_eval.io.commit import commit
from sakip_eval.io.schemas import install_schemas, schema_line
from sakip_eval.io.state import write_lock
from sakip_eval.io.workspace import load_workspace, require_workspace
from sakip_eval.io.yamlpatch import Original, block_item, entry, scalar
from sakip_eval.letters.check import LetterCheck
from sakip_eval.letters.model import Item
from sakip_eval.model.followup import STATUS_NAMES, STATUSES, Followup, status_code
from sakip_eval.render.safe import UNSAFE, visible

FILE = "followup.yaml"
INDENT = 2  # dashes of a new recommendations list, as the bundled files write it


@dataclass(frozen=True)
class Change:
    """What `set_status` recorded."""

    id: str
    old: str
    new: str
    added: list[str]
    by: str
    at: dt.datetime
    closed: bool


@dataclass(frozen=True)
class Imported:
    """What `import_letter` recorded: recommendation ids added and already present, the history years
    written into workspace.yaml, and warnings about years left out or kept."""

    added: list[str]
    kept: list[str]
    path: Path
    history: list[int]
    warnings: list[previous.Warning]


def default_author() -> str:
    """Who made a change when `--by` is not given: the login name, as `git` would."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "-"


def set_status(
    root: Path, rec_id: str, status: str, evidence: Sequence[str] = (), note: str | None = None,
    by: str | None = None, now: dt.datetime | None = None,
) -> Change:
    """Set one recommendation's status, add evidence ids, and append a history entry."""
    status = status_code(status)
    if status not in STATUSES:
        raise InputError("followup.bad_status", field="--status", value=status, allowed=", ".join(STATUS_NAMES))
    note = plain_text(note, "--note")
    by = plain_text(by, "--by")
    if status == "tidak-dapat" and note is None:
        raise InputError("followup.reason_required", field="--note")
    require_workspace(root)  # before the lock's folder is made: a wrong path leaves nothing behind
    with write_lock(root):
        ws = load_workspace(root)
        doc = ws.documents.get(FILE)
        if doc is None or ws.followup is None or doc.source is None:
            raise InputError("followup.no_file", file=str(root / FILE))
        ids = [rec.id for rec in ws.followup.recommendations]
        if rec_id not in ids:
            raise InputError("followup.unknown_id", file=doc.display, field="ID", id=rec_id,
                             known=", ".join(ids) or "-")
        known = {item.id for item in ws.inventory.items}
        for ev in evidence:
            if ev not in known:
                raise InputError("error.unknown_evidence", file=doc.display, field="--evidence", id=ev,
                                 fix="followup.unknown_evidence.fix")
        index = ids.index(rec_id)
        rec = ws.followup.recommendations[index]
        added = [ev for ev in dict.fromkeys(evidence) if ev not in rec.evidence]
        at = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
        who = by or default_author()

        original = Original.parse(doc.source.text, doc.display, doc.source.bom)
        node = _record(original, index)
        original.refuse_shared(node, f"recommendations › {rec_id}")
        original.set_key(node, "status", status, after="text")
        current = entry(node, "evidence")
        if added and current is not None and isinstance(current[1], yaml.SequenceNode):
            original.append_items(current[1], added)
        elif added:
            original.set_key(node, "evidence", added, after="status")
        change: dict[str, Any] = {"date": at, "by": who, "old": rec.status, "new": status}
        if note is not None:
            change["note"] = note
        if added:
            change["evidence"] = added
        history = entry(node, "history")
        if history is not None and isinstance(history[1], yaml.SequenceNode) and history[1].value:
            original.append_items(history[1], [change])
        else:
            original.set_key(node, "history", [change])
        written = commit(root, {FILE: original.text()})
    assert written.followup is not None
    return Change(rec_id, rec.status, status, added, who, at, written.followup.recommendations[index].closed)


def plain_text(value: str | None, option: str) -> str | None:
    """A note or a name from the command line, stripped; None when empty. Control characters and bytes
    that are not UTF-8 (a shell passes them through as lone surrogates) are refused at the option."""
    if value is None or not value.strip():
        return None
    for char in value:
        if "\ud800" <= char <= "\udfff":
            raise InputError("edit.bad_text", field=option, char="non-UTF-8")
    found = UNSAFE.search(value.strip())
    if found:
        raise InputError("edit.bad_text", field=option, char=visible(found.group()))
    return value.strip()


def _record(original: Original, index: int) -> yaml.Node:
    """The mapping node of recommendation `index` (the workspace was validated: it is there)."""
    assert original.root is not None
    recs = entry(original.root, "recommendations")
    assert recs is not None and isinstance(recs[1], yaml.SequenceNode)
    original.refuse_shared(recs[1], "recommendations")
    node = recs[1].value[index]
    assert isinstance(node, yaml.MappingNode)
    return node


def import_letter(root: Path, check: LetterCheck, lang: Lang = Lang.ID) -> Imported:
    """Record the letter in the workspace: its number and date and its recommendations (status `belum`,
    text verbatim, with their component and, where the text makes them clear, their criteria) in
    followup.yaml, and the years it prints in workspace.yaml `history`.

    Re-importing the same letter adds nothing and changes nothing already recorded; a different letter,
    or a text that differs under the same id, is refused (the reader gives every item its own id).
    Both files are validated, as the next run reads them, before either is written."""
    letter = check.letter
    require_workspace(root)  # before the lock's folder is made: a wrong path leaves nothing behind
    with write_lock(root):
        ws = load_workspace(root)
        doc = ws.documents.get(FILE)
        existing: dict[str, str] = {}
        if doc is not None and ws.followup is not None:
            existing = {rec.id: rec.text for rec in ws.followup.recommendations}
            source = ws.followup.source
            if source and source.number and letter.number and source.number != letter.number:
                raise InputError("followup.other_letter", file=doc.display, line=doc.line_of(("source", "number")),
                                 existing=source.number, letter=letter.number)
        for rec in letter.recommendations:
            if rec.id in existing and " ".join(existing[rec.id].split()) != " ".join(rec.text.split()):
                ids = list(existing)
                raise InputError("followup.import_conflict", file=str(root / FILE),
                                 line=doc.line_of(("recommendations", ids.index(rec.id), "text")) if doc else None,
                                 id=rec.id, existing=existing[rec.id], letter=rec.text)
        added = [rec for rec in letter.recommendations if rec.id not in existing]
        items = [_item(rec) for rec in added]
        source_map = {key: value for key, value in (("number", letter.number), ("date", letter.date)) if value}
        changes: dict[str, str] = {}
        if doc is None or doc.source is None or ws.followup is None:
            header = t("followup.import_header", lang, number=letter.number or "-",
                       date=letter.date.isoformat() if letter.date else "-")
            changes[FILE] = _new_file(f"{schema_line('followup')}\n{visible(header)}", source_map, items)
        else:
            original = Original.parse(doc.source.text, doc.display, doc.source.bom)
            _patch(original, ws.followup, source_map, items, {rec.id: rec for rec in letter.recommendations})
            if original.edits:
                changes[FILE] = original.text()

        meta = ws.documents["workspace.yaml"]
        assert meta.source is not None
        found, warnings = previous.entries(check, ws.rulebook, ws.meta.evaluation_year)
        history = meta.data.get("history") if isinstance(meta.data, dict) else None
        existing_history = {int(k): v for k, v in (history or {}).items() if str(k).isdigit()}
        meta_original = Original.parse(meta.source.text, meta.display, meta.source.bom)
        written, kept = previous.write(meta_original, existing_history, found)
        if meta_original.edits:
            changes["workspace.yaml"] = meta_original.text()
        if changes:
            commit(root, changes)
            if doc is None and FILE in changes:
                install_schemas(root)  # the copy the new file's schema line names
    return Imported([r.id for r in added], [r.id for r in letter.recommendations if r.id in existing], root / FILE,
                    written, warnings + kept)


def _item(rec: Item) -> dict[str, Any]:
    """A new recommendation entry: id, text, its component where the letter groups them, status, criteria."""
    item: dict[str, Any] = {"id": rec.id, "text": rec.text}
    if rec.component is not None:
        item["component"] = rec.component
    item["status"] = "belum"
    if rec.criteria:
        item["criteria"] = list(rec.criteria)
    return item


def _new_file(comment: str, source: dict[str, Any], items: list[dict[str, Any]]) -> str:
    lines = [f"# {line}" for line in comment.splitlines()]
    if source:
        lines += ["source:", *(f"{' ' * INDENT}{key}: {scalar(value)}" for key, value in source.items())]
    lines.append("recommendations:" if items else "recommendations: []")
    text = "\n".join(lines) + "\n"
    return text + "".join(block_item(item, INDENT, "\n") for item in items)


def _patch(original: Original, followup: Followup, source: dict[str, Any], items: list[dict[str, Any]],
           letter: dict[str, Item]) -> None:
    """The letter's number and date where they are missing, the component and criteria of recorded
    recommendations that lack them, and the new items."""
    root = original.root
    if root is None:  # only comments: the content follows them
        original.append_text(_new_file("", source, items))
        return
    if not isinstance(root, yaml.MappingNode):
        return  # the workspace was validated: a followup.yaml is a mapping
    _source(original, root, followup, source)
    recs = entry(root, "recommendations")
    if recs is not None and isinstance(recs[1], yaml.SequenceNode):
        for rec, node in zip(followup.recommendations, recs[1].value, strict=False):
            found = letter.get(rec.id)
            if found is not None and isinstance(node, yaml.MappingNode):
                _describe(original, node, rec.id, found, missing_component=rec.component is None,
                          missing_criteria=not rec.criteria)
    if items and recs is None:
        original.add_key(root, "recommendations", items)
    elif items and recs is not None and isinstance(recs[1], yaml.SequenceNode):
        original.refuse_shared(recs[1], "recommendations")
        if recs[1].value or not recs[1].flow_style:
            original.append_items(recs[1], items)
        else:  # `recommendations: []`: the items as a block list below the key
            original.replace_value(recs[0], recs[1], "".join(block_item(i, INDENT, original.eol) for i in items))


def _source(original: Original, root: yaml.MappingNode, followup: Followup, source: dict[str, Any]) -> None:
    """The letter's number and date in `source`, wherever they are missing (a file without `source`, or
    the `null`s of a workspace made by `init`)."""
    recorded = followup.source
    missing = {key: value for key, value in source.items() if recorded is None or getattr(recorded, key) is None}
    if not missing:
        return
    found = entry(root, "source")
    if found is None:
        first = root.value[0][0] if root.value else None
        rendered = "".join(f"{line}{original.eol}" for line in
                           ["source:", *(f"{' ' * INDENT}{key}: {scalar(value)}" for key, value in missing.items())])
        if first is not None:
            original.insert_before(first, rendered)
        else:
            original.append_text(rendered)
    elif isinstance(found[1], yaml.MappingNode):
        original.refuse_shared(found[1], "source")
        for key, value in missing.items():
            original.set_key(found[1], key, value)
    else:  # `source: null`
        original.set_key(root, "source", missing)


def _describe(original: Original, node: yaml.MappingNode, rec_id: str, rec: Item, *, missing_component: bool,
              missing_criteria: bool) -> None:
    """A recorded recommendation's component and criteria from the letter, where the entry lacks them."""
    component = rec.component is not None and missing_component
    criteria = bool(rec.criteria) and missing_criteria
    if component or criteria:
        original.refuse_shared(node, f"recommendations › {rec_id}")
    if component:
        original.set_key(node, "component", rec.component, after="text")
    if criteria:
        original.set_key(node, "criteria", list(rec.criteria), after="status")
