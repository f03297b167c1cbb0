"""The proof every rule and check carries beside it: fixture workspaces that it must fire on and
workspaces it must stay quiet on, as ComplianceAsCode keeps `tests/*.pass.sh` beside each rule.

A fixture is `rules/<regime>/rules/<id>/tests/<name>.fail.yaml` (or `checks/<id>/tests/...`):

- `*.fail.yaml`: the rule fires (it finds what it looks for; a check reports a finding);
- `*.pass.yaml`: it does not.

The file is a fragment, merged over the rulebook's base workspace (`rules/<regime>/tests/base/`),
so that it states only what the case is about::

    description: Seorang menyusun KAK tetapi belum menandatanganinya.
    inventory:
      items:
        - {id: kak, type: kak, formalized: false}
    expect: {targets: [1.b]}        # optional: what else must hold

Its keys are the workspace files without `.yaml` (`workspace`, `inventory`, `assessment`,
`followup`, `lkjip`), `description` and `expect`. Merging: a mapping merges key by key, a list is
appended to the base's list, `null` removes the base's value. `followup` and `lkjip` join the
workspace only when the fragment names them (their base files hold what every such case needs,
e.g. the indicators and budget lines tables refer to). A folder `<name>.fail/` instead of a file is
a whole workspace, used as it is.

The rules the rulebook generates carry no files: the evidence rules (`bukti-<criterion>`, one per
criterion of the catalogue) get cases from the catalogue, the rules of the criteria map from the cases of
the checks they link (see :func:`generated_cases`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from sakip_eval.io.yamlread import load_document, validate
from sakip_eval.rulebook.book import RULES_ROOT, Rulebook, evidence_groups

Outcome = Literal["pass", "fail"]
SubjectKind = Literal["rule", "check"]
WORKSPACE_FILES = ("workspace", "inventory", "assessment", "followup", "lkjip")
OPTIONAL_FILES = ("followup", "lkjip")  # part of a case's workspace only when the fragment names them
BASE = Path("tests") / "base"


class Expect(BaseModel):
    """What a case asserts beyond firing or not: how many findings or targets, which targets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    count: int | None = Field(default=None, ge=0)
    targets: list[str] | None = None


class Fragment(BaseModel):
    """A fixture file: parts of workspace files, merged over the base workspace."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str | None = None
    workspace: dict[str, Any] | None = None
    inventory: dict[str, Any] | None = None
    assessment: dict[str, Any] | None = None
    followup: dict[str, Any] | None = None
    lkjip: dict[str, Any] | None = None
    expect: Expect = Field(default_factory=Expect)


@dataclass(frozen=True)
class Case:
    """One fixture of one rule or check: where it is written and what it must show."""

    subject: str
    kind: SubjectKind
    outcome: Outcome
    name: str
    display: str
    files: dict[str, Any] | None  # workspace files (name without .yaml -> data); None for a folder
    folder: Path | None = None
    expect: Expect = field(default_factory=Expect)
    generated: bool = False


def merge(base: Any, part: Any) -> Any:
    """`part` over `base`: mappings merge key by key, lists append, `None` removes the key."""
    if isinstance(base, dict) and isinstance(part, dict):
        merged = dict(base)
        for key, value in part.items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return merged
    if isinstance(base, list) and isinstance(part, list):
        return [*base, *copy.deepcopy(part)]
    return copy.deepcopy(part)


def base_files(book: Rulebook) -> dict[str, Any]:
    """The base workspace's files as data; a missing base is an empty workspace of the regime."""
    files: dict[str, Any] = {}
    folder = book.root / BASE
    for name in WORKSPACE_FILES:
        path = folder / f"{name}.yaml"
        files[name] = load_document(path, _display(book, path)).data if path.is_file() else {}
    return files


def discover(book: Rulebook) -> list[Case]:
    """Every fixture of every rule and check folder, in folder and file-name order."""
    base = base_files(book)
    cases: list[Case] = []
    folders: tuple[tuple[SubjectKind, str], ...] = (("rule", "rules"), ("check", "checks"))
    for kind, folder in folders:
        for subject_dir in sorted((book.root / folder).glob("*/")):
            tests = subject_dir / "tests"
            if not tests.is_dir():
                continue
            for entry in sorted(tests.iterdir()):
                found = _case(book, kind, subject_dir.name, entry, base)
                if found is not None:
                    cases.append(found)
    return cases


def _case(book: Rulebook, kind: SubjectKind, subject: str, entry: Path, base: dict[str, Any]) -> Case | None:
    outcomes: tuple[Outcome, ...] = ("pass", "fail")
    for outcome in outcomes:
        if entry.is_dir() and entry.name.endswith(f".{outcome}"):
            return Case(subject, kind, outcome, entry.name[: -len(outcome) - 1],
                        _display(book, entry), None, folder=entry)
        if entry.is_file() and entry.name.endswith(f".{outcome}.yaml"):
            doc = load_document(entry, _display(book, entry))
            fragment = validate(doc, Fragment, "fixture")
            files = {}
            for name in WORKSPACE_FILES:
                part = getattr(fragment, name)
                if part is None and name in OPTIONAL_FILES:
                    continue
                files[name] = merge(base[name], part or {})
            return Case(subject, kind, outcome, entry.name[: -len(outcome) - 6],
                        _display(book, entry), files, expect=fragment.expect)
    return None


def generated_cases(book: Rulebook, written: list[Case] | None = None) -> Iterator[Case]:
    """Cases for the rules the rulebook generates, which have no folder of their own:

    - an evidence rule (`bukti-<criterion>`, from the catalogue; one per `requires` group where the LKE asks
      for specific documents): a claim of `met` that cites no type of the rule's group (but one of every
      other group) must fire it; one citing the first type of every group must not. The criterion's level
      (`applies_to`) decides the workspace's `level`;
    - a rule of the criteria map: the failing and the passing case of a check it links (with the effect
      the rule has), with the criterion claimed as met, must fire it and must not.
    """
    base = base_files(book)
    for criterion in book.criteria.values():
        level = "opd" if "opd" in criterion.applies_to else criterion.applies_to[0]
        groups = evidence_groups(criterion)
        other = next(t for t in book.evidence_types if t not in criterion.evidence.types)
        for rule_id, group in groups:
            rest = [g[0] for rid, g in groups if rid != rule_id]
            pairs: tuple[tuple[Outcome, list[str]], ...] = (("fail", [other, *rest]), ("pass", [group[0], *rest]))
            for outcome, etypes in pairs:
                files = {name: copy.deepcopy(base[name]) for name in WORKSPACE_FILES if name not in OPTIONAL_FILES}
                files["workspace"] = merge(files["workspace"], {"level": level})
                yield Case(rule_id, "rule", outcome, "-".join(etypes),
                           f"{book.criteria_lines[criterion.id][0]} (generated: cites {', '.join(etypes)})",
                           _claiming(files, criterion.id, etypes), generated=True)
    yield from _map_cases(book, discover(book) if written is None else written)


def _claiming(files: dict[str, Any], criterion: str, etypes: list[str]) -> dict[str, Any]:
    """`files` with an evidence item of each of `etypes` claimed for `criterion`."""
    out = dict(files)
    items = [_item(etype, f"bukti-{n}") for n, etype in enumerate(etypes)]
    out["inventory"] = merge(files["inventory"], {"items": items})
    out["assessment"] = merge(files["assessment"], {"criteria": {criterion: {
        "met": True, "evidence": [i["id"] for i in items]}}})
    return out


def _map_cases(book: Rulebook, written: list[Case]) -> Iterator[Case]:
    linked = book.criteria_map
    if linked is None:
        return
    severity = {s.check.id: s.check.severity for s in book.checks}
    checks = {(c.subject, c.outcome): c for c in written if c.kind == "check" and c.files is not None}
    for sourced in book.rules:
        if sourced.origin != "map":
            continue
        rule = sourced.rule
        links = [(crit, check) for crit, entry in linked.criteria.items() for check in entry.checks
                 if linked.effect(crit, severity[check]) == rule.effect
                 and (rule.effect != "refute" or crit == rule.target)
                 and (rule.effect != "cap" or crit.rsplit(".", 1)[0] == rule.target)]
        usable = [(crit, check) for crit, check in links if (check, "fail") in checks and (check, "pass") in checks]
        if not usable:
            continue
        crit, check = usable[0]
        etypes = [group[0] for _, group in evidence_groups(book.criteria[crit])]  # the claim's own evidence holds
        outcomes: tuple[Outcome, ...] = ("fail", "pass")
        for outcome in outcomes:
            case = checks[(check, outcome)]
            assert case.files is not None
            files = _claiming(case.files, crit, etypes) if rule.effect == "refute" else case.files
            claimed = f", {crit} claimed" if rule.effect == "refute" else ""
            yield Case(rule.id, "rule", outcome, f"{check}/{case.name}",
                       f"{case.display} (generated: {rule.id}{claimed})", files, generated=True)


def _item(etype: str, item_id: str = "bukti") -> dict[str, Any]:
    """A strong evidence item of the base workspace's performance year."""
    return {"id": item_id, "type": etype, "title": f"Dokumen {etype}", "formalized": True}


def write(case: Case, target: Path) -> Path:
    """The case's workspace as files in `target` (a folder case is used where it is)."""
    if case.folder is not None:
        return case.folder
    target.mkdir(parents=True, exist_ok=True)
    for name, data in (case.files or {}).items():
        (target / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    return target


def _display(book: Rulebook, path: Path) -> str:
    """As the rulebook names its files: inside the rulebook folder for the bundled one, the full path for a
    user's own."""
    rules = book.root.parent
    return path.relative_to(rules).as_posix() if rules == RULES_ROOT else str(path)
