"""What a workspace's files name exists: evidence ids, types and attributes, criteria, sub-components,
grades and categories of the regime, ids inside lkjip.yaml, evidence files inside the folder. Each problem
is an :class:`InputError` at the line that names the missing thing.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sakip_eval.errors import InputError
from sakip_eval.io.yamlread import Document
from sakip_eval.model.lkjip import (
    BUDGET_MEASURES,
    INDICATOR_MEASURES,
    BudgetStatement,
    ChangeStatement,
    HeadcountStatement,
    IndicatorStatement,
    Lkjip,
)
from sakip_eval.model.workspace import LheResult

if TYPE_CHECKING:
    from sakip_eval.io.workspace import Workspace


# Evidence ids cited by all claims together: a real assessment cites a few hundred.
MAX_CITATIONS = 10_000

def check_results(ws: Workspace, doc: Document) -> None:
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


def similar(word: str, names: Iterable[str]) -> list[str]:
    """The names `word` was probably meant to be (`Renstra`, `renstr` -> `renstra`), closest first."""
    lowered = {name.lower(): name for name in names}
    key = word.strip().lower().replace(" ", "_").replace("-", "_")
    if key in lowered:
        return [lowered[key]]
    return [lowered[m] for m in difflib.get_close_matches(key, list(lowered), n=3, cutoff=0.7)]


def check_references(ws: Workspace) -> None:
    """Across files: inventory ids are unique, with known evidence types and attributes and files inside the
    folder; claims and follow-ups cite existing evidence, criteria and sub-components."""
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
            close = similar(item.type, book.evidence_types)
            raise InputError(
                "error.unknown_evidence_type", file=inv.display, line=inv.line_of((*loc, "type")),
                field=f"items.{index}.type", type=item.type, close=", ".join(f"`{c}`" for c in close),
                fix="error.unknown_evidence_type.close" if close else None,
            )
        for attr in item.attributes:
            if attr not in etype.attributes:
                raise InputError(
                    "error.unknown_attribute", file=inv.display,
                    line=inv.line_of((*loc, "attributes", attr)), field=f"items.{index}.attributes.{attr}",
                    attr=attr, type=item.type, allowed=", ".join(sorted(etype.attributes)) or "-",
                )
        if item.file is not None:
            check_inside(ws.path, item.file, inv, (*loc, "file"))

    ass = ws.documents.get("assessment.yaml")
    if ass is not None:
        cited = 0
        for crit_id, claim in ws.assessment.criteria.items():
            cited += len(claim.evidence)
            if cited > MAX_CITATIONS:  # each citation is a fact the rule engine matches: bound the work
                raise InputError("error.too_many_citations", file=ass.display,
                                 line=ass.line_of(("criteria", crit_id, "evidence")), limit=MAX_CITATIONS)
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
                sub = book.subcomponent(sub_id)
                if arg is not None and sub.kind == "keberadaan":  # LKE grades existence on documents alone
                    raise InputError(
                        "error.argument_on_existence", file=ass.display,
                        line=ass.line_of(("subcomponents", sub_id, arg_name)),
                        field=f"subcomponents.{sub_id}.{arg_name}", id=sub_id, name=arg_name,
                        others=", ".join(s for s in book.subcomponent_ids()
                                         if s.split(".")[0] == sub_id.split(".")[0] and s != sub_id),
                    )
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
            if rec.component is not None and rec.component not in {c.id for c in book.regime.components}:
                components = [c.id for c in book.regime.components]
                raise InputError(
                    "error.unknown_component", file=fu.display,
                    line=fu.line_of(("recommendations", index, "component")),
                    field=f"recommendations.{index}.component", id=rec.component, allowed=", ".join(components),
                )
            for pos, crit in enumerate(rec.criteria):
                if crit not in book.criteria:
                    raise InputError(
                        "error.unknown_criterion", file=fu.display,
                        line=fu.line_of(("recommendations", index, "criteria", pos)), id=crit,
                    )


def check_inside(root: Path, relative: str, doc: Document, loc: tuple[int | str, ...]) -> None:
    """Evidence files are resolved (symlinks included) and must stay inside the workspace; a path that
    cannot be resolved (a NUL byte, a loop of links) is a located error too."""
    base = root.resolve()
    try:
        if "\0" in relative:
            raise ValueError("NUL byte")
        target = (root / relative).resolve()
        _refuse_loop(root / relative)
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a loop of links before Python 3.13
        raise InputError("error.bad_path", file=doc.display, line=doc.line_of(loc), path=relative,
                         detail=str(exc)) from exc
    if not target.is_relative_to(base):
        raise InputError("error.path_outside", file=doc.display, line=doc.line_of(loc), path=relative)


def _refuse_loop(path: Path) -> None:
    """From Python 3.13 a non-strict resolve() passes over a loop of links in silence; stat() still names it
    (ELOOP). A missing file is not this check's business: the evidence check reports it."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise


def check_lkjip_references(lkjip: Lkjip, doc: Document) -> None:
    """Ids are unique and every reference names something defined in the file; the first problem
    becomes an :class:`InputError` at its line."""
    indicators = _unique(doc, "indicators", [i.id for i in lkjip.indicators])
    tables = _unique(doc, "tables", [t.id for t in lkjip.tables])
    lines = _unique(doc, "budget_lines", [b.id for b in lkjip.budget_lines])
    _unique(doc, "budgets", [b.id for b in lkjip.budgets])
    _unique(doc, "narratives", [n.id for n in lkjip.narratives])
    headcounts = _unique(doc, "headcounts", [h.id for h in lkjip.headcounts])

    def known(value: str | None, allowed: set[str], loc: tuple[int | str, ...], what: str) -> None:
        if value is not None and value not in allowed:
            raise InputError("error.lkjip_unknown_ref", file=doc.display, line=doc.line_of(loc),
                             field=".".join(str(p) for p in loc), id=value, what=what)

    def measures(written: dict[str, str], allowed: tuple[str, ...], loc: tuple[int | str, ...]) -> None:
        for key in written:
            if key not in allowed:
                raise InputError("error.lkjip_written", file=doc.display, line=doc.line_of((*loc, "written", key)),
                                 field=".".join(str(p) for p in (*loc, "written", key)), key=key,
                                 allowed=", ".join(allowed))

    for b, line in enumerate(lkjip.budget_lines):
        known(line.parent, lines, ("budget_lines", b, "parent"), "budget_lines")
    for t, table in enumerate(lkjip.tables):
        for r, row in enumerate(table.rows):
            known(row.indicator, indicators, ("tables", t, "rows", r, "indicator"), "indicators")
            measures(row.written, INDICATOR_MEASURES, ("tables", t, "rows", r))
    for t, budget in enumerate(lkjip.budgets):
        known(budget.share_of, lines, ("budgets", t, "share_of"), "budget_lines")
        for r, brow in enumerate(budget.rows):
            known(brow.line, lines, ("budgets", t, "rows", r, "line"), "budget_lines")
            measures(brow.written, BUDGET_MEASURES, ("budgets", t, "rows", r))
    for n, statement in enumerate(lkjip.narratives):
        loc: tuple[int | str, ...] = ("narratives", n)
        if isinstance(statement, IndicatorStatement | ChangeStatement):
            known(statement.indicator, indicators, (*loc, "indicator"), "indicators")
        elif isinstance(statement, BudgetStatement):
            known(statement.line, lines, (*loc, "line"), "budget_lines")
        elif isinstance(statement, HeadcountStatement):
            known(statement.table, headcounts, (*loc, "table"), "headcounts")
        else:
            known(statement.table, tables, (*loc, "table"), "tables")
    for c, change in enumerate(lkjip.changes):
        known(change.indicator, indicators, ("changes", c, "indicator"), "indicators")
    for h, head in enumerate(lkjip.headcounts):
        width = len(head.columns)
        rows = [(("headcounts", h, "total"), head.total)] + [
            (("headcounts", h, "groups", g, "rows", r), row)
            for g, group in enumerate(head.groups) for r, row in enumerate(group.rows)
        ]
        for hloc, hrow in rows:
            if len(hrow.values) != width:
                raise InputError("error.lkjip_columns", file=doc.display, line=doc.line_of((*hloc, "values")),
                                 field=".".join(str(p) for p in (*hloc, "values")),
                                 count=len(hrow.values), width=width)


def _unique(doc: Document, section: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            raise InputError("error.duplicate_id", file=doc.display, line=doc.line_of((section, index, "id")),
                             id=item_id)
        seen.add(item_id)
    return seen
