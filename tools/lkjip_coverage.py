"""How much of a hand-made lkjip.yaml a drafted one reproduces (issue 14's measure).

A numeric cell is (indicator or budget line, year, measure, value). The draft names indicators and
lines its own way, so ids are paired first: each draft id with the hand-made id it shares the most
cells with, one to one, greedily from the largest overlap. A hand-made cell is reproduced when the
paired draft id states the same value for the same year and measure (as many times as the hand-made
file states it). Staff tables count per row label and column.

Findings are compared as `check` reports them: the same check with the same stated and expected values.
A draft finding with no such counterpart is a candidate false alarm, listed for a person to judge.

Usage: python -m tools.lkjip_coverage HAND.yaml DRAFT.yaml [WORKSPACE]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from sakip_eval.numbers import NumberFormatError, parse_number

VALUE_MEASURES = ("target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding", "selisih")
BUDGET_MEASURES = ("pagu", "realisasi", "persen", "share")
Cell = tuple[str, str, int, str, Decimal]  # kind, entity, year, measure, value


def _number(value: object) -> Decimal | None:
    try:
        return parse_number(value)
    except NumberFormatError:
        return None


def cells(data: dict[str, Any], default_year: int) -> list[Cell]:
    out: list[Cell] = []
    for table in data.get("tables") or []:
        for row in table.get("rows") or []:
            year = row.get("year") or table.get("year") or default_year
            for measure in VALUE_MEASURES:
                value = _number(row.get(measure))
                if value is not None:
                    out.append(("indicator", row["indicator"], year, measure, value))
    for table in data.get("budgets") or []:
        for row in table.get("rows") or []:
            year = row.get("year") or table.get("year") or default_year
            for measure in BUDGET_MEASURES:
                value = _number(row.get(measure))
                if value is not None:
                    out.append(("line", row["line"], year, measure, value))
            for fund in (row.get("funds") or {}).values():
                value = _number(fund)
                if value is not None:
                    out.append(("line", row["line"], year, "fund", value))
    for table in data.get("headcounts") or []:
        rows = [table["total"]] + [r for g in table.get("groups") or [] for r in g.get("rows") or []]
        for row in rows:
            label = " ".join(str(row["label"]).lower().split())
            for index, item in enumerate([*row.get("values", []), row.get("total")]):
                value = _number(item)
                if value is not None:
                    out.append(("staff", table["id"], 0, f"{label}/{index}", value))
    return out


@dataclass
class Coverage:
    hand: int
    reproduced: int
    mapping: dict[tuple[str, str], str]
    missing: list[Cell]

    @property
    def share(self) -> float:
        return self.reproduced / self.hand if self.hand else 1.0


def coverage(hand: list[Cell], draft: list[Cell]) -> Coverage:
    def keyed(items: list[Cell]) -> dict[tuple[str, str], Counter[tuple[int, str, Decimal]]]:
        out: dict[tuple[str, str], Counter[tuple[int, str, Decimal]]] = defaultdict(Counter)
        for kind, entity, year, measure, value in items:
            out[(kind, entity)][(year, measure, value)] += 1
        return out

    hand_by, draft_by = keyed(hand), keyed(draft)
    pairs = []
    for (kind, d_entity), d_cells in draft_by.items():
        for (h_kind, h_entity), h_cells in hand_by.items():
            if h_kind != kind:
                continue
            overlap = sum((d_cells & h_cells).values())
            if overlap:
                pairs.append((overlap, kind, d_entity, h_entity))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
    mapping: dict[tuple[str, str], str] = {}
    taken: set[tuple[str, str]] = set()
    for _, kind, d_entity, h_entity in pairs:
        if (kind, d_entity) in mapping or (kind, h_entity) in taken:
            continue
        mapping[(kind, d_entity)] = h_entity
        taken.add((kind, h_entity))
    reverse = {(kind, h): d for (kind, d), h in mapping.items()}
    reproduced = 0
    missing: list[Cell] = []
    for (kind, h_entity), h_cells in sorted(hand_by.items()):
        d_entity = reverse.get((kind, h_entity))
        d_cells = draft_by.get((kind, d_entity), Counter()) if d_entity else Counter()
        for key, count in h_cells.items():
            got = min(count, d_cells.get(key, 0))
            reproduced += got
            missing.extend([(kind, h_entity, *key)] * (count - got))
    return Coverage(len(hand), reproduced, mapping, missing)


def findings(workspace: Path, lkjip: Path) -> list[dict[str, Any]]:
    """The findings `check` reports on a copy of `workspace` holding `lkjip` as its lkjip.yaml."""
    from sakip_eval.checks.findings import run_checks
    from sakip_eval.i18n import Lang
    from sakip_eval.io.workspace import load_workspace

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "ws"
        shutil.copytree(workspace, copy, ignore=shutil.ignore_patterns(".sakip", "lkjip.draft.yaml"))
        shutil.copyfile(lkjip, copy / "lkjip.yaml")
        return [f.public(Lang.ID) for f in run_checks(load_workspace(copy))]


def compare_findings(hand: list[dict[str, Any]], draft: list[dict[str, Any]]
                     ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(hand-made findings the draft does not find, draft findings with no hand-made counterpart)."""
    def key(f: dict[str, Any]) -> tuple[str, str, str]:
        return (f["check"], f["stated"], f["expected"])

    pool = Counter(key(f) for f in draft)
    missed = []
    for finding in hand:
        if pool[key(finding)] > 0:
            pool[key(finding)] -= 1
        else:
            missed.append(finding)
    hand_keys = Counter(key(f) for f in hand)
    extra = []
    for finding in draft:
        if hand_keys[key(finding)] > 0:
            hand_keys[key(finding)] -= 1
        else:
            extra.append(finding)
    return missed, extra


def main(argv: list[str]) -> None:
    hand_path, draft_path = Path(argv[0]), Path(argv[1])
    workspace = Path(argv[2]) if len(argv) > 2 else hand_path.parent
    year = int(yaml.safe_load((workspace / "workspace.yaml").read_text(encoding="utf-8"))["evaluation_year"]) - 1
    hand = yaml.safe_load(hand_path.read_text(encoding="utf-8"))
    draft = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
    result = coverage(cells(hand, year), cells(draft, year))
    print(f"numeric cells reproduced: {result.reproduced}/{result.hand} = {result.share:.1%}")
    by_entity = Counter((kind, entity) for kind, entity, *_ in result.missing)
    for (kind, entity), count in by_entity.most_common(40):
        print(f"  missing {count:3d} {kind} {entity}")
    hand_findings = findings(workspace, hand_path)
    draft_findings = findings(workspace, draft_path)
    missed, extra = compare_findings(hand_findings, draft_findings)
    found = len(hand_findings) - len(missed)
    print(f"findings reproduced: {found}/{len(hand_findings)} = {found / max(len(hand_findings), 1):.1%}; "
          f"draft findings without a hand-made counterpart: {len(extra)}")
    for finding in missed:
        print(f"  missed {finding['check']}: {finding['stated']} vs {finding['expected']} | {finding['where'][:150]}")
    for finding in extra:
        print(f"  extra {finding['check']}: {finding['stated']} vs {finding['expected']} | {finding['where'][:150]}")


if __name__ == "__main__":
    main(sys.argv[1:])
