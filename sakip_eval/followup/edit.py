"""Changing followup.yaml: `followup set` (a status change) and `followup import` (an LHE's recommendations,
its number and date, and the years it prints into workspace.yaml `history`, see :mod:`.previous`).

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
from sakip_eval.followup import previous
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
from sakip_eval.io.yamlread import parse_text, read_text, validate
from sakip_eval.letters.check import LetterCheck
from sakip_eval.letters.model import Item
from sakip_eval.model.followup import STATUS_NAMES, STATUSES, Followup, status_code
from sakip_eval.model.workspace import WorkspaceFile

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
    """What `import_letter` recorded: recommendation ids added and already present, the history years
    written into workspace.yaml, and warnings about years left out or kept."""

    added: list[str]
    kept: list[str]
    path: Path
    history: list[int]
    warnings: list[previous.Warning]


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


def import_letter(root: Path, check: LetterCheck, lang: Lang = Lang.ID) -> Imported:
    """Record the letter in the workspace: its number and date and its recommendations (status `belum`,
    text verbatim, with their component and, where the text makes them clear, their criteria) in
    followup.yaml, and the years it prints in workspace.yaml `history`.

    Re-importing the same letter adds nothing and changes nothing already recorded; a different letter,
    or a text that differs under the same id, is refused. Both files are validated before either is
    written."""
    letter = check.letter
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
        changed = _record_source(tree, letter.number, letter.date) or changed
        if not isinstance(tree.get("recommendations"), list):
            put(tree, "recommendations", CommentedSeq(), after=None)
        added = [rec for rec in letter.recommendations if rec.id not in existing]
        by_id = {r.id: r for r in letter.recommendations}
        for node in tree["recommendations"]:
            if isinstance(node, CommentedMap) and node.get("id") in by_id:
                changed = _describe(node, by_id[node["id"]]) or changed
        for rec in added:
            node = CommentedMap([("id", rec.id), ("text", rec.text), ("status", "belum")])
            _describe(node, rec)
            tree["recommendations"].append(node)
        give_trailing(tree, trailing)
        followup_text = _validated(edit)[0] if added or changed else None

        meta = ws.documents["workspace.yaml"]
        found, warnings = previous.entries(check, ws.rulebook, ws.meta.evaluation_year)
        before = read_text(meta.path, meta.display)
        history = meta.data.get("history") if isinstance(meta.data, dict) else None
        existing_history = {int(k): v for k, v in (history or {}).items() if str(k).isdigit()}
        meta_text, written, kept = previous.write(before, meta.display, existing_history, found)
        if meta_text != before:
            validate(parse_text(meta_text, meta.path, meta.display), WorkspaceFile, "workspace")
            replace_file(meta.path, meta_text)
        if followup_text is not None:
            replace_file(edit.path, followup_text)
    return Imported([r.id for r in added], [r.id for r in letter.recommendations if r.id in existing], edit.path,
                    written, warnings + kept)


def _record_source(tree: CommentedMap, number: str | None, date: dt.date | None) -> bool:
    """The letter's number and date in `source`, wherever they are missing (a new file, or the `null`s of
    a workspace made by `init`). True when something was recorded."""
    if not number and not date:
        return False
    source = tree.get("source")
    if not isinstance(source, CommentedMap):
        source = CommentedMap()
        if "source" in tree:
            tree["source"] = source
        else:
            tree.insert(0, "source", source)
    changed = False
    for key, value in (("number", number), ("date", date)):
        if value and source.get(key) is None:
            source[key] = value
            changed = True
    return changed


def _describe(node: CommentedMap, rec: Item) -> bool:
    """A recommendation's component and criteria from the letter, where the entry lacks them."""
    changed = False
    if rec.component is not None and node.get("component") is None:
        put(node, "component", rec.component, after="text")
        changed = True
    if rec.criteria and not node.get("criteria"):
        put(node, "criteria", flow_list(list(rec.criteria)), after="status")
        changed = True
    return changed


def _validated(edit: Editable) -> tuple[str, Followup]:
    """The new text, parsed and validated as the next run will read it (never write what it would refuse)."""
    text = dump(edit)
    return text, validate(parse_text(text, edit.path, edit.display), Followup, "followup")


def _write(edit: Editable) -> Followup:
    """Validate the new text (:func:`_validated`), then replace the file atomically."""
    text, written = _validated(edit)
    replace_file(edit.path, text)
    return written
