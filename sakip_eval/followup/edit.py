"""Changing followup.yaml: `followup set` (a status change) and `followup import` (an LHE's recommendations).

followup.yaml is a file the team keeps by hand and the tool also writes, so each change:
- holds a cross-process lock (`WS/.sakip/followup.lock`) from reading to writing, so concurrent calls
  run one after another and none overwrites another's change;
- re-reads and validates the whole workspace inside the lock (evidence ids are checked against the
  inventory as it is now);
- edits the round-trip tree, so comments, key order and quoting stay where the team wrote them;
- validates the edited tree against the model before writing, and writes atomically (temporary file in
  the same folder, then rename). A refused call raises before anything is written: the file is unchanged.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.schemas import install_schemas, schema_line
from sakip_eval.io.workspace import STATE_DIR, load_workspace, require_workspace
from sakip_eval.io.yamledit import (
    Editable,
    dump,
    flow_list,
    give_trailing,
    load_editable,
    put,
    replace_file,
    take_trailing,
)
from sakip_eval.io.yamlread import parse_text, validate
from sakip_eval.letters.lhe import Letter
from sakip_eval.model.followup import STATUS_NAMES, STATUSES, Followup, status_code

FILE = "followup.yaml"
LOCK_TIMEOUT = 120.0


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
    added: list[str]
    kept: list[str]
    path: Path


@contextmanager
def workspace_lock(root: Path) -> Iterator[None]:
    """Hold the workspace's follow-up lock; a lock held elsewhere for too long is a clear error."""
    require_workspace(root)
    state = root / STATE_DIR
    try:
        state.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError("followup.state_dir", file=str(state), path=str(state), detail=exc.strerror) from exc
    lock = FileLock(str(state / "followup.lock"), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout as exc:
        raise InputError("followup.locked", file=str(root / FILE), seconds=int(LOCK_TIMEOUT)) from exc
    try:
        yield
    finally:
        lock.release()


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
    note = note.strip() if note and note.strip() else None
    if status == "tidak-dapat" and note is None:
        raise InputError("followup.reason_required", field="--note")
    with workspace_lock(root):
        ws = load_workspace(root)
        doc = ws.documents.get(FILE)
        if doc is None or ws.followup is None:
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
        who = by.strip() if by and by.strip() else default_author()

        edit = load_editable(doc.path, doc.display)
        node: CommentedMap = edit.tree["recommendations"][index]
        trailing = take_trailing(node)
        put(node, "status", status, after="text")
        if added:
            if isinstance(node.get("evidence"), list):
                node["evidence"].extend(added)
            else:
                put(node, "evidence", flow_list(added), after="status")
        entry = CommentedMap([("date", at), ("by", who), ("old", rec.status), ("new", status)])
        if note is not None:
            entry["note"] = note
        if added:
            entry["evidence"] = flow_list(added)
        if not isinstance(node.get("history"), list):
            put(node, "history", CommentedSeq(), after=None)
        node["history"].append(entry)
        give_trailing(node, trailing)
        written = _write(edit)
    return Change(rec_id, rec.status, status, added, who, at, written.recommendations[index].closed)


def import_letter(root: Path, letter: Letter, lang: Lang = Lang.ID) -> Imported:
    """Add the letter's recommendations (status `belum`, text verbatim) and its number and date.

    Re-importing the same letter adds nothing and changes nothing already recorded; a different
    letter, or a text that differs under the same id, is refused."""
    if not letter.recommendations:
        raise InputError("lhe.no_recommendations", file=letter.display)
    with workspace_lock(root):
        ws = load_workspace(root)
        doc = ws.documents.get(FILE)
        edit = load_editable(doc.path, doc.display) if doc is not None else None
        if edit is None or not isinstance(edit.tree, CommentedMap):
            header = t("followup.import_header", lang, number=letter.number or "-",
                       date=letter.date.isoformat() if letter.date else "-")
            tree = CommentedMap()
            install_schemas(root)
            tree.yaml_set_start_comment(f"{schema_line('followup')}\n{header}")
            tree["recommendations"] = CommentedSeq()
            edit = Editable(root / FILE, str(root / FILE), tree)
            existing: dict[str, str] = {}
            changed = True
        else:
            assert doc is not None and ws.followup is not None
            existing = {rec.id: rec.text for rec in ws.followup.recommendations}
            changed = False
            source = ws.followup.source
            if source and source.number and letter.number and source.number != letter.number:
                raise InputError("followup.other_letter", file=doc.display, line=doc.line_of(("source", "number")),
                                 existing=source.number, letter=letter.number)
        for rec in letter.recommendations:
            if rec.id in existing and " ".join(existing[rec.id].split()) != " ".join(rec.text.split()):
                ids = list(existing)
                raise InputError("followup.import_conflict", file=edit.display,
                                 line=doc.line_of(("recommendations", ids.index(rec.id), "text")) if doc else None,
                                 id=rec.id, existing=existing[rec.id], letter=rec.text)
        tree = edit.tree
        trailing = take_trailing(tree)
        if "source" not in tree and (letter.number or letter.date):
            changed = True
            source_map = CommentedMap()
            if letter.number:
                source_map["number"] = letter.number
            if letter.date:
                source_map["date"] = letter.date
            tree.insert(0, "source", source_map)
        if not isinstance(tree.get("recommendations"), list):
            put(tree, "recommendations", CommentedSeq(), after=None)
        added = [rec for rec in letter.recommendations if rec.id not in existing]
        for rec in added:
            tree["recommendations"].append(CommentedMap([("id", rec.id), ("text", rec.text), ("status", "belum")]))
        give_trailing(tree, trailing)
        if added or changed:
            _write(edit)
    return Imported([r.id for r in added], [r.id for r in letter.recommendations if r.id in existing], edit.path)


def _write(edit: Editable) -> Followup:
    """Parse and validate the new text as the next run will (never write what it would refuse), then
    replace the file atomically."""
    text = dump(edit)
    written = validate(parse_text(text, edit.path, edit.display), Followup, "followup")
    replace_file(edit.path, text)
    return written
