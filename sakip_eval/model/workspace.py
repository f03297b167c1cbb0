"""A workspace: one OPD, one evaluation year, one folder of YAML files (DESIGN section 4).

Loading validates each file on its own (pydantic, with file:line errors) and then across files:
evidence ids cited by claims and follow-ups exist, evidence types and attributes are in the
rulebook's vocabulary, criterion ids are in the catalogue, files stay inside the folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from sakip_eval.errors import InputError
from sakip_eval.io.yamlread import Document, load_document, validate
from sakip_eval.model.claims import Assessment
from sakip_eval.model.followup import Followup
from sakip_eval.model.inventory import EvidenceItem, Inventory
from sakip_eval.model.lkjip import Lkjip
from sakip_eval.numbers import Number, parse_number
from sakip_eval.rulebook.book import Rulebook, load_rulebook

SCHEMA_BASE = "https://sakip-eval.example/schema"
# An LHE total (history, actual): 0-100 like every AKIP score, so it always falls in a category.
Total = Annotated[Annotated[Decimal, Field(ge=0, le=100)] | None, BeforeValidator(parse_number)]


class Actual(BaseModel):
    """The real LHE result, for `calibrate`."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    source: str | None = None
    total: Annotated[Decimal, Field(ge=0, le=100), BeforeValidator(parse_number)]
    category: str | None = None
    components: dict[str, Number] = Field(default_factory=dict)
    subcomponents: dict[str, Number] = Field(default_factory=dict)


class WorkspaceFile(BaseModel):
    """`workspace.yaml`."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    opd: str = Field(min_length=1)
    pemda: str | None = None
    level: Literal["opd", "pemda"] = "opd"
    evaluation_year: int = Field(ge=2000, le=2100)
    performance_year: int | None = Field(default=None, ge=2000, le=2100)
    regime: str = "lke-2021"
    history: dict[int, Total] = Field(default_factory=dict)
    actual: Actual | None = None

    @model_validator(mode="after")
    def _years(self) -> WorkspaceFile:
        if self.performance_year is None:
            self.performance_year = self.evaluation_year - 1
        if self.performance_year >= self.evaluation_year:
            raise InputError(
                "error.years", field="performance_year",
                performance=self.performance_year, evaluation=self.evaluation_year,
            )
        return self

    @property
    def year(self) -> int:
        """The performance year (never None after validation)."""
        assert self.performance_year is not None
        return self.performance_year


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

    def evidence(self, evidence_id: str) -> EvidenceItem | None:
        for item in self.inventory.items:
            if item.id == evidence_id:
                return item
        return None


FILES = ("workspace.yaml", "inventory.yaml", "assessment.yaml", "lkjip.yaml", "followup.yaml")
# The tool's own files inside a workspace (git-ignored): the follow-up lock and the run history.
STATE_DIR = ".sakip"


def _display(root: Path, name: str) -> str:
    return str(root / name)


def load_workspace(path: Path | str) -> Workspace:
    root = Path(path)
    if not root.is_dir():
        raise InputError("error.not_a_folder" if root.exists() else "error.not_found", file=str(root))
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
        rulebook = load_rulebook(meta.regime)
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
    _cross_check(ws)
    return ws


def _load_lkjip(doc: Document) -> Lkjip:
    """`lkjip.yaml`: the model, then its internal references (ids, indicators, budget lines)."""
    lkjip = validate(doc, Lkjip, "lkjip")
    lkjip.check_references(doc)
    return lkjip


def _cross_check(ws: Workspace) -> None:
    inv = ws.documents["inventory.yaml"]
    book = ws.rulebook
    seen: set[str] = set()
    for index, item in enumerate(ws.inventory.items):
        loc: tuple[int | str, ...] = ("items", index)
        if item.id in seen:
            raise InputError("error.duplicate_id", file=inv.display, line=inv.line_of((*loc, "id")), id=item.id)
        seen.add(item.id)
        etype = book.evidence_types.get(item.type)
        if etype is None:
            raise InputError(
                "error.unknown_evidence_type", file=inv.display, line=inv.line_of((*loc, "type")),
                field=f"items.{index}.type", type=item.type, regime=ws.meta.regime,
            )
        for attr in item.attributes:
            if attr not in etype.attributes:
                raise InputError(
                    "error.unknown_attribute", file=inv.display,
                    line=inv.line_of((*loc, "attributes", attr)), field=f"items.{index}.attributes.{attr}",
                    attr=attr, type=item.type, allowed=", ".join(sorted(etype.attributes)) or "-",
                )
        if item.file is not None:
            _check_inside(ws.path, item.file, inv, (*loc, "file"))

    ass = ws.documents.get("assessment.yaml")
    if ass is not None:
        for crit_id, claim in ws.assessment.criteria.items():
            if crit_id not in book.criteria:
                raise InputError(
                    "error.unknown_criterion", file=ass.display, line=ass.line_of(("criteria", crit_id)),
                    id=crit_id,
                )
            for pos, ev in enumerate(claim.evidence):
                if ev not in seen:
                    raise InputError(
                        "error.unknown_evidence", file=ass.display,
                        line=ass.line_of(("criteria", crit_id, "evidence", pos)),
                        field=f"criteria.{crit_id}.evidence", id=ev,
                    )
        subs = set(book.subcomponent_ids())
        for sub_id, sub_claim in ws.assessment.subcomponents.items():
            if sub_id not in subs:
                raise InputError(
                    "error.unknown_subcomponent", file=ass.display,
                    line=ass.line_of(("subcomponents", sub_id)), id=sub_id,
                )
            for arg_name in ("efforts", "innovation"):
                arg = getattr(sub_claim, arg_name)
                for pos, ev in enumerate(arg.evidence if arg else []):
                    if ev not in seen:
                        raise InputError(
                            "error.unknown_evidence", file=ass.display,
                            line=ass.line_of(("subcomponents", sub_id, arg_name, "evidence", pos)),
                            id=ev,
                        )
    fu = ws.documents.get("followup.yaml")
    if fu is not None and ws.followup is not None:
        ids: set[str] = set()
        for index, rec in enumerate(ws.followup.recommendations):
            if rec.id in ids:
                raise InputError(
                    "error.duplicate_id", file=fu.display,
                    line=fu.line_of(("recommendations", index, "id")), id=rec.id,
                )
            ids.add(rec.id)
            for pos, ev in enumerate(rec.evidence):
                if ev not in seen:
                    raise InputError(
                        "error.unknown_evidence", file=fu.display,
                        line=fu.line_of(("recommendations", index, "evidence", pos)), id=ev,
                    )
            for pos, crit in enumerate(rec.criteria):
                if crit not in book.criteria:
                    raise InputError(
                        "error.unknown_criterion", file=fu.display,
                        line=fu.line_of(("recommendations", index, "criteria", pos)), id=crit,
                    )


def _check_inside(root: Path, relative: str, doc: Document, loc: tuple[int | str, ...]) -> None:
    """Evidence files are resolved (symlinks included) and must stay inside the workspace."""
    base = root.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(base):
        raise InputError("error.path_outside", file=doc.display, line=doc.line_of(loc), path=relative)
