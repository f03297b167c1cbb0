"""A workspace: one OPD, one evaluation year, one folder of YAML files (DESIGN section 4).

Loading validates each file on its own (pydantic, with file:line errors) and then across files:
evidence ids cited by claims and follow-ups exist, evidence types and attributes are in the
rulebook's vocabulary, criterion ids are in the catalogue, files stay inside the folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

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
Total = Annotated[Decimal, Field(ge=0, le=100), BeforeValidator(parse_number)]


def _grade_or_score(value: object) -> object:
    """A sub-component result is a grade code (`AA`, `BB`, ...; checked against the rulebook when the
    workspace loads) or a score (`5,40`)."""
    if isinstance(value, str) and value.strip().isalpha():
        return value.strip().upper()
    return parse_number(value)


SubResult = Annotated[Annotated[Decimal, Field(ge=0, le=100)] | str, BeforeValidator(_grade_or_score)]


class LheResult(BaseModel):
    """The result an LHE letter states: this year's (`actual`, for `calibrate`) or an earlier year's
    (an entry of `history`, the prior of the prediction). Components are keyed by component id ("1".."4"),
    sub-components by sub-component id ("1.a") with a grade or a score; both may be partial."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    source: str | None = None
    total: Total
    category: str | None = None
    components: dict[str, Number] = Field(default_factory=dict)
    subcomponents: dict[str, SubResult] = Field(default_factory=dict)


# `actual` has always had this shape; the name stays for readers of the real result.
Actual = LheResult


def _history_entry(value: object) -> object:
    """A history entry is a bare total (`"77,65"`; empty or `-` for a year without a score) or a full
    LHE result in the shape of `actual`."""
    if isinstance(value, dict) or value is None:
        return value
    total = parse_number(value)
    if total is None:
        return None
    # range-checked here so that the error names `history.<year>`, the field the user wrote
    if total < 0:
        raise PydanticCustomError("greater_than_equal", "Input should be greater than or equal to 0", {"ge": 0})
    if total > 100:
        raise PydanticCustomError("less_than_equal", "Input should be less than or equal to 100", {"le": 100})
    return {"total": value}


HistoryEntry = Annotated[LheResult | None, BeforeValidator(_history_entry)]


def _history_schema(schema: dict[str, Any]) -> None:
    """Editors see both forms of a history entry: a bare total or a full LHE result."""
    schema["properties"]["history"]["additionalProperties"]["anyOf"][1:1] = [
        {"type": "number", "minimum": 0, "maximum": 100}, {"type": "string"},
    ]


class WorkspaceFile(BaseModel):
    """`workspace.yaml`."""

    model_config = ConfigDict(extra="forbid", defer_build=True, json_schema_extra=_history_schema)

    opd: str = Field(min_length=1)
    pemda: str | None = None
    level: Literal["opd", "pemda"] = "opd"
    evaluation_year: int = Field(ge=2000, le=2100)
    performance_year: int | None = Field(default=None, ge=2000, le=2100)
    regime: str = "lke-2021"
    history: dict[int, HistoryEntry] = Field(default_factory=dict)
    actual: LheResult | None = None

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

    def history_totals(self) -> dict[int, Decimal | None]:
        """Evaluation year -> the total its LHE stated (None for a year listed without a score)."""
        return {year: entry.total if entry else None for year, entry in sorted(self.history.items())}

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
    _check_results(ws, meta_doc)
    _cross_check(ws)
    return ws


def _load_lkjip(doc: Document) -> Lkjip:
    """`lkjip.yaml`: the model, then its internal references (ids, indicators, budget lines)."""
    lkjip = validate(doc, Lkjip, "lkjip")
    lkjip.check_references(doc)
    return lkjip


def _check_results(ws: Workspace, doc: Document) -> None:
    """LHE results (`history` entries, `actual`) name components, sub-components, grades and categories of
    the workspace's regime, and no component scores above its weight."""
    book = ws.rulebook
    weights = {c.id: c.weight for c in book.regime.components}
    subs = set(book.subcomponent_ids())
    grades = {g.code for g in book.regime.grades}
    categories = [c.code for c in book.regime.categories]
    results: list[tuple[tuple[int | str, ...], LheResult]] = [
        (("history", year), entry) for year, entry in ws.meta.history.items() if entry is not None
    ]
    if ws.meta.actual is not None:
        results.append((("actual",), ws.meta.actual))
    for loc, result in results:
        where = ".".join(str(part) for part in loc)
        if result.category is not None and result.category not in categories:
            raise InputError("error.unknown_category", file=doc.display, line=doc.line_of((*loc, "category")),
                             field=f"{where}.category", code=result.category, allowed=", ".join(categories))
        for comp_id, value in result.components.items():
            cloc = (*loc, "components", comp_id)
            if comp_id not in weights:
                raise InputError("error.unknown_component", file=doc.display, line=doc.line_of(cloc),
                                 field=f"{where}.components", id=comp_id, allowed=", ".join(weights))
            if not Decimal(0) <= value <= weights[comp_id]:
                raise InputError("error.component_range", file=doc.display, line=doc.line_of(cloc),
                                 field=f"{where}.components.{comp_id}", value=str(value),
                                 weight=str(weights[comp_id]))
        for sub_id, sub_value in result.subcomponents.items():
            sloc = (*loc, "subcomponents", sub_id)
            if sub_id not in subs:
                raise InputError("error.unknown_subcomponent", file=doc.display, line=doc.line_of(sloc), id=sub_id)
            if isinstance(sub_value, str) and sub_value not in grades:
                raise InputError("error.unknown_grade", file=doc.display, line=doc.line_of(sloc),
                                 field=f"{where}.subcomponents.{sub_id}", code=sub_value,
                                 allowed=", ".join(g.code for g in book.regime.grades))
            if isinstance(sub_value, Decimal) and sub_value > book.subcomponent(sub_id).weight:
                raise InputError("error.component_range", file=doc.display, line=doc.line_of(sloc),
                                 field=f"{where}.subcomponents.{sub_id}", value=str(sub_value),
                                 weight=str(book.subcomponent(sub_id).weight))


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
