"""A workspace folder read from disk: one OPD, one evaluation year, one folder of YAML files.

Loading validates each file on its own (pydantic, with file:line errors) and then across files
(:mod:`sakip_eval.io.references`): evidence ids cited by claims and follow-ups exist, evidence types and
attributes are in the rulebook's vocabulary, criterion ids are in the catalogue, files stay inside the
folder. The result, :class:`Workspace`, is everything one prediction reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sakip_eval.errors import InputError
from sakip_eval.io.references import check_lkjip_references, check_references, check_results
from sakip_eval.io.yamlread import Document, load_document, validate
from sakip_eval.model.claims import Assessment
from sakip_eval.model.followup import Followup
from sakip_eval.model.inventory import Inventory
from sakip_eval.model.lkjip import Lkjip
from sakip_eval.model.workspace import WorkspaceFile
from sakip_eval.rulebook.book import Rulebook, load_rulebook


@dataclass
class Workspace:
    """Everything one prediction reads, validated."""

    path: Path
    meta: WorkspaceFile
    inventory: Inventory
    assessment: Assessment
    followup: Followup | None
    lkjip: Lkjip | None
    rulebook: Rulebook
    documents: dict[str, Document] = field(default_factory=dict)

    def input_files(self) -> set[Path]:
        """Every file this workspace was read from (YAML files and evidence files), resolved: what no
        output may overwrite."""
        files = {doc.path.resolve() for doc in self.documents.values()}
        return files | {(self.path / item.file).resolve() for item in self.inventory.items if item.file}

    def without_history(self) -> Workspace:
        """The same workspace as if workspace.yaml held no `history`: how a unit without a previous
        evaluation is predicted (the rules alone)."""
        return replace(self, meta=self.meta.model_copy(update={"history": {}}))


FILES = ("workspace.yaml", "inventory.yaml", "assessment.yaml", "lkjip.yaml", "followup.yaml")
# The tool's own files inside a workspace (git-ignored): the follow-up lock and the run history.
STATE_DIR = ".sakip"


def _display(root: Path, name: str) -> str:
    return str(root / name)


def require_workspace(root: Path) -> None:
    """A folder holding workspace.yaml, or the error that says what the path is instead (before anything is
    read, or written: `followup set` must not leave its lock folder in the wrong place)."""
    if not root.is_dir():
        raise InputError("error.not_a_folder" if root.exists() else "error.not_found", file=str(root))
    if not (root / "workspace.yaml").exists():  # most often: run from a folder that is not a workspace
        raise InputError("error.no_workspace", file=str(root.resolve() if str(root) == "." else root))


def load_workspace(path: Path | str, rulebook: Rulebook | None = None) -> Workspace:
    """Read and validate the workspace folder `path`: each file on its own (pydantic, with file:line
    errors), then what the files name across each other and against the rulebook. `rulebook` replaces
    the one workspace.yaml names (`rules test` runs fixtures against the rulebook under test)."""
    root = Path(path)
    require_workspace(root)
    docs: dict[str, Document] = {}

    def doc(name: str, required: bool) -> Document | None:
        file = root / name
        if not file.exists():
            if required:
                raise InputError("error.not_found", file=_display(root, name))
            return None
        docs[name] = load_document(file, _display(root, name))
        return docs[name]

    meta_doc = doc("workspace.yaml", True)
    assert meta_doc is not None
    meta = validate(meta_doc, WorkspaceFile, "workspace")
    try:
        rulebook = rulebook or load_rulebook(meta.regime)
    except InputError as exc:
        if exc.file is None:  # an unknown or unsafe regime name: point at the line that names it
            exc.file, exc.line, exc.field = meta_doc.display, meta_doc.line_of(("regime",)), "regime"
        raise
    inv_doc = doc("inventory.yaml", True)
    assert inv_doc is not None
    inventory = validate(inv_doc, Inventory, "inventory")
    ass_doc = doc("assessment.yaml", False)
    assessment = validate(ass_doc, Assessment, "assessment") if ass_doc else Assessment()
    fu_doc = doc("followup.yaml", False)
    followup = validate(fu_doc, Followup, "followup") if fu_doc else None
    lk_doc = doc("lkjip.yaml", False)
    lkjip = _load_lkjip(lk_doc) if lk_doc else None

    ws = Workspace(root, meta, inventory, assessment, followup, lkjip, rulebook, docs)
    check_results(ws, meta_doc)
    check_references(ws)
    return ws


def _load_lkjip(doc: Document) -> Lkjip:
    """`lkjip.yaml`: the model, then its internal references (ids, indicators, budget lines)."""
    lkjip = validate(doc, Lkjip, "lkjip")
    check_lkjip_references(lkjip, doc)
    return lkjip
