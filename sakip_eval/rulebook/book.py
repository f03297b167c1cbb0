"""The rulebook: the regime's components, grades and categories, the criteria catalogue, the
evidence vocabulary and the verification rules, all read from data files under `rules/<regime>/`.

Nothing about a regime is hard-coded: a pemda that grades differently changes the YAML, not the code.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from decimal import Decimal
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from sakip_eval import __version__
from sakip_eval.errors import InputError
from sakip_eval.i18n.text import Text
from sakip_eval.io.yamlread import Document, load_document, validate
from sakip_eval.rulebook import RULES_ENV
from sakip_eval.rulebook.calibration import Calibration
from sakip_eval.rulebook.criteria_map import CriteriaMap, RuleText, fill

# The rulebooks shipped with the package: the repository's top-level rules/ folder, installed as the
# package `sakip_eval.regimes` (see setup.py), so a checkout and an installed wheel find it the same way.
RULES_ROOT = Path(str(resources.files("sakip_eval.regimes")))
REGIME_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
Kind = Literal["keberadaan", "kualitas", "pemanfaatan"]
Effect = Literal["refute", "prove", "cap", "upgrade", "note"]
# pemda: a regional government; opd: one of its units; satker: a work unit of a vertical agency (a court,
# a ministry's regional office), whose parent agency's long-term document answers 1.a.2.
Level = Literal["pemda", "opd", "satker"]
Severity = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Grade(_Strict):
    code: str
    factor: Decimal
    label: Text


class _Interval(_Strict):
    """`lower < x <= upper` (`lower <= x` when `lower_inclusive`): grade bands and categories alike."""

    lower: Decimal
    upper: Decimal
    lower_inclusive: bool = False

    def holds(self, value: Decimal) -> bool:
        above = value >= self.lower if self.lower_inclusive else value > self.lower
        return above and value <= self.upper


class Band(_Interval):
    grade: str


class Subcomponent(_Strict):
    id: str
    kind: Kind
    weight: Decimal
    name: Text


class Component(_Strict):
    id: str
    name: Text
    weight: Decimal
    subcomponents: list[Subcomponent]


class Category(_Interval):
    code: str
    name: Text
    interpretation: Text


class Regime(_Strict):
    id: str
    version: str
    name: Text
    reference: str
    method: Literal["subcomponent-grade", "criteria-average"] = "subcomponent-grade"
    grades: list[Grade]
    bands: list[Band]
    components: list[Component]
    categories: list[Category]


class EvidenceType(_Strict):
    id: str
    en: str
    standing: bool = False
    attributes: dict[str, Text] = Field(default_factory=dict)

    def label(self) -> Text:
        return Text(id=self.id, en=self.en)


class EvidenceTypes(_Strict):
    types: dict[str, EvidenceType]


class CriterionEvidence(_Strict):
    """`types`: the kinds of document an evaluator looks at for the criterion (a claim must cite one of
    them). `requires`: where the LKE asks for specific documents, groups that must *each* be cited (one
    item of a type of the group), so that a related document cannot stand in for the one asked for."""

    types: list[str] = Field(min_length=1)
    requires: list[list[str]] = Field(default_factory=list)
    expects: Text


class Criterion(_Strict):
    id: str
    text: Text
    evidence: CriterionEvidence
    recommendation: Text
    applies_to: list[Level] = Field(default=["pemda", "opd", "satker"])
    effort: int = Field(default=2, ge=1, le=3)


class CriteriaFile(_Strict):
    subcomponent: str
    criteria: list[Criterion]


class Rule(RuleText):
    """A verification rule: its words (RuleText), a condition over facts and a consequence."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    effect: Effect
    target: str | None = None
    grade: str | None = None
    when: list[dict[str, Any]] = Field(min_length=1)


class Check(_Strict):
    """An LKjIP consistency check (`checks/<id>/check.yaml`): which facts of its family become findings, how
    grave they are, the rounding tolerance in words (the `when` holds it as a number), the family's policy
    settings (`derive`, e.g. which document is the reference) and the message, whose `{placeholders}` are
    fields of the matched fact. The criteria a finding weakens are in the criteria map."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: Text
    rationale: Text
    tolerance: Text
    severity: Severity
    derive: dict[str, Any] = Field(default_factory=dict)
    when: list[dict[str, Any]] = Field(min_length=1)
    message: Text
    references: list[str] = Field(default_factory=list)


class SourcedCheck(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    check: Check
    file: str
    line: int


class SourcedRule(BaseModel):
    """A rule and where it was written, so lint and errors can say file:line. `origin`: a rule file, the
    criteria catalogue (one evidence rule per criterion) or the criteria map."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    rule: Rule
    file: str
    line: int
    origin: Literal["file", "catalogue", "map"] = "file"

    @property
    def generated(self) -> bool:
        return self.origin != "file"


class Rulebook(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    root: Path
    regime: Regime
    evidence_types: dict[str, EvidenceType]
    criteria: dict[str, Criterion]
    criteria_lines: dict[str, tuple[str, int]]
    rules: list[SourcedRule]
    fingerprint: str
    by_subcomponent: dict[str, list[str]]
    grade_ranks: dict[str, int]
    checks: list[SourcedCheck] = Field(default_factory=list)
    # What the regime learned from real evaluations (calibration.yaml); None: rules alone, no range.
    calibration: Calibration | None = None
    criteria_map: CriteriaMap | None = None
    criteria_map_lines: dict[str, tuple[str, int]] = Field(default_factory=dict)

    # -- lookups -----------------------------------------------------------------------------------
    def subcomponent(self, sub_id: str) -> Subcomponent:
        for comp in self.regime.components:
            for sub in comp.subcomponents:
                if sub.id == sub_id:
                    return sub
        raise KeyError(sub_id)

    def subcomponent_ids(self) -> list[str]:
        return [s.id for c in self.regime.components for s in c.subcomponents]

    def grade(self, code: str) -> Grade:
        for grade in self.regime.grades:
            if grade.code == code:
                return grade
        raise KeyError(code)

    def grade_rank(self, code: str) -> int:
        """Higher is better: E is 0, AA is len-1."""
        return self.grade_ranks[code]

    def criteria_of(self, sub_id: str) -> list[Criterion]:
        return [self.criteria[c] for c in self.by_subcomponent[sub_id]]

    def rule(self, rule_id: str) -> SourcedRule:
        return self._rules_by_id[rule_id]

    def check(self, check_id: str) -> SourcedCheck:
        return self._checks_by_id[check_id]

    @cached_property
    def _rules_by_id(self) -> dict[str, SourcedRule]:
        return {s.rule.id: s for s in self.rules}

    @cached_property
    def _checks_by_id(self) -> dict[str, SourcedCheck]:
        return {s.check.id: s for s in self.checks}

    @cached_property
    def check_criteria(self) -> dict[str, list[str]]:
        """The criteria each check's findings weaken (criteria map), by check id."""
        linked = self.criteria_map
        return {c.check.id: linked.criteria_of(c.check.id) if linked else [] for c in self.checks}


def subcomponent_of(criterion_id: str) -> str:
    return criterion_id.rsplit(".", 1)[0]


def rules_root() -> Path:
    """Where regimes are read from: the folder in $SAKIP_EVAL_RULES when set, else the bundled rulebooks.
    An environment variable rather than a parameter, so `batch`'s worker processes read the same one."""
    chosen = os.environ.get(RULES_ENV)
    return Path(chosen) if chosen else RULES_ROOT


def _display(path: Path, root: Path) -> str:
    """A bundled file is named inside the rulebook (`lke-2021/regime.yaml`: the same on every machine);
    a file of the user's own rulebook by the path they gave."""
    return path.relative_to(root).as_posix() if root == RULES_ROOT else str(path)


def _rulebook_error(doc: Document, loc: tuple[int | str, ...], detail: str) -> InputError:
    return InputError("error.rulebook", file=doc.display, line=doc.line_of(loc), detail=detail)


def cache_dir() -> Path:
    """Where compiled rulebooks are kept: $SAKIP_EVAL_CACHE, else the user's cache folder."""
    explicit = os.environ.get("SAKIP_EVAL_CACHE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sakip-eval"


def load_rulebook(regime: str = "lke-2021", root: Path | None = None) -> Rulebook:
    """The regime's rulebook from `root`, by default from :func:`rules_root`."""
    return _load_rulebook(regime, root or rules_root())


@cache
def _load_rulebook(regime: str, root: Path) -> Rulebook:
    """Load and cross-check every file of a regime, once per process.

    Parsing and validating ~100 YAML files costs more than the whole prediction, so the validated
    rulebook is also kept on disk as JSON, keyed by a hash of every rule file, of the code of the rulebook
    classes and of the package version: any edit to a rule file or to those classes makes a new entry.
    The cache is data, never code: it is read back through the same pydantic models (a file that does not
    validate, or whose fingerprint or rules folder differ, is ignored and rebuilt silently), and it is
    written private (folder 0700, file 0600). A cache that cannot be read or written is ignored."""
    if not REGIME_NAME.fullmatch(regime):  # a folder name under rules/, never a path out of it
        raise InputError("error.bad_regime_name", regime=regime)
    base = root / regime
    if not (base / "regime.yaml").is_file():
        raise _unknown_regime(regime, root)
    # the folder is in the key too: file names in messages differ between the bundled and a user's rulebook,
    # and a rulebook knows its folder (its rules' test cases are read from there)
    key = f"{__version__}:{sys.version_info[:2]}:{_display(base, root)}:{base.resolve()}"
    digest = hashlib.sha256(key.encode())
    for module in (Path(__file__), Path(__file__).with_name("calibration.py"),
                   Path(__file__).parent.parent / "i18n" / "__init__.py"):  # the cached classes' code
        digest.update(module.read_bytes())
    for path in sorted(base.rglob("*.yaml")):
        if "tests" in path.relative_to(base).parts:  # test cases prove the rulebook; they are not part of it
            continue
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(path.read_bytes())
    fingerprint = digest.hexdigest()[:16]
    cached = cache_dir() / f"rulebook-{regime}-{fingerprint}.json"
    try:
        book = Rulebook.model_validate_json(cached.read_bytes())
        if book.fingerprint == fingerprint and book.root == base:
            return book
    except (OSError, ValueError):  # missing, unreadable, or not a rulebook (ValidationError is a ValueError)
        pass
    book = _parse_rulebook(base, root, fingerprint)
    try:
        cached.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, prefix=".rulebook-", suffix=".tmp",
                                         delete=False) as handle:  # created 0600
            handle.write(book.model_dump_json().encode("utf-8"))
        os.replace(handle.name, cached)
    except OSError:
        pass
    return book


def _unknown_regime(regime: str, root: Path) -> InputError:
    """Names the regimes the rulebook folder does hold (and that folder, when it is the user's own)."""
    held = sorted(p.name for p in root.iterdir() if (p / "regime.yaml").is_file()) if root.is_dir() else []
    if root == RULES_ROOT:
        return InputError("error.unknown_regime", regime=regime, held=", ".join(held) or "-")
    return InputError("error.unknown_regime_in", regime=regime, rules=str(root),
                      held=", ".join(held) or "-")


def _parse_rulebook(base: Path, root: Path, fingerprint: str) -> Rulebook:
    regime_doc = load_document(base / "regime.yaml", _display(base / "regime.yaml", root))
    regime_model = validate(regime_doc, Regime, "regime")
    types_doc = load_document(base / "evidence-types.yaml", _display(base / "evidence-types.yaml", root))
    types_model = validate(types_doc, EvidenceTypes, "evidence-types")

    sub_ids = {s.id for c in regime_model.components for s in c.subcomponents}
    criteria: dict[str, Criterion] = {}
    criteria_lines: dict[str, tuple[str, int]] = {}
    for path in sorted((base / "criteria").glob("*.yaml")):
        doc = load_document(path, _display(path, root))
        crit_file = validate(doc, CriteriaFile, "criteria")
        if crit_file.subcomponent not in sub_ids:
            raise _rulebook_error(doc, ("subcomponent",), f"unknown sub-component {crit_file.subcomponent}")
        for index, criterion in enumerate(crit_file.criteria):
            loc: tuple[int | str, ...] = ("criteria", index)
            if subcomponent_of(criterion.id) != crit_file.subcomponent:
                raise _rulebook_error(doc, loc, f"{criterion.id} is not in {crit_file.subcomponent}")
            if criterion.id in criteria:
                raise _rulebook_error(doc, loc, f"duplicate criterion {criterion.id}")
            for etype in [*criterion.evidence.types, *(t for g in criterion.evidence.requires for t in g)]:
                if etype not in types_model.types:
                    raise _rulebook_error(doc, (*loc, "evidence"), f"unknown evidence type {etype}")
            for group in criterion.evidence.requires:
                if not group or not set(group) <= set(criterion.evidence.types):
                    raise _rulebook_error(doc, (*loc, "evidence", "requires"),
                                          "a requires group must be a non-empty subset of the criterion's types")
            criteria[criterion.id] = criterion
            criteria_lines[criterion.id] = (doc.display, doc.line_of(loc) or 1)

    seen: set[str] = set()
    rules = [SourcedRule(rule=rule, file=doc.display, line=doc.line_of(("when",)) or 1)
             for rule, doc in _load_folder(base / "rules", root, Rule, "rule", seen)]
    rules.extend(_evidence_rules(criteria, criteria_lines, types_model.types))
    checks = [SourcedCheck(check=check, file=doc.display, line=doc.line_of(("when",)) or 1)
              for check, doc in _load_folder(base / "checks", root, Check, "check", seen)]
    criteria_map, map_lines = None, {}
    map_path = base / "criteria-map.yaml"
    if map_path.is_file():
        map_doc = load_document(map_path, _display(map_path, root))
        criteria_map = validate(map_doc, CriteriaMap, "criteria-map")
        map_lines = _check_map(map_doc, criteria_map, criteria, {c.check.id for c in checks})
        rules.extend(_map_rules(criteria_map, map_doc, checks, seen, regime_model))
    return Rulebook(
        root=base,
        regime=regime_model,
        evidence_types=types_model.types,
        criteria=criteria,
        criteria_lines=criteria_lines,
        rules=rules,
        fingerprint=fingerprint,
        checks=checks,
        calibration=_calibration(base, root),
        criteria_map=criteria_map,
        criteria_map_lines=map_lines,
        by_subcomponent={
            sub: [c for c in criteria if subcomponent_of(c) == sub] for sub in sorted(sub_ids, key=_sub_order)
        },
        grade_ranks={g.code: len(regime_model.grades) - 1 - i for i, g in enumerate(regime_model.grades)},
    )


def _calibration(base: Path, root: Path) -> Calibration | None:
    path = base / "calibration.yaml"
    if not path.is_file():
        return None
    return validate(load_document(path, _display(path, root)), Calibration, "calibration")


def _sub_order(sub_id: str) -> tuple[int, str]:
    component, _, letter = sub_id.partition(".")
    return int(component) if component.isdigit() else 0, letter


RuleOrCheck = TypeVar("RuleOrCheck", Rule, Check)


def _load_folder(
    folder: Path, root: Path, model: type[RuleOrCheck], kind: str, seen: set[str],
) -> list[tuple[RuleOrCheck, Document]]:
    """One rule or check per folder (`<id>/rule.yaml`, `<id>/check.yaml`, beside its `tests/`), in folder-name
    order; ids are unique across rules and checks."""
    loaded = []
    for path in sorted(folder.glob(f"*/{kind}.yaml")):
        doc = load_document(path, _display(path, root))
        item = validate(doc, model, kind)
        if item.id in seen:
            raise _rulebook_error(doc, ("id",), f"duplicate rule or check id {item.id}")
        seen.add(item.id)
        loaded.append((item, doc))
    return loaded


def _evidence_rules(
    criteria: dict[str, Criterion],
    lines: dict[str, tuple[str, int]],
    types: dict[str, EvidenceType],
) -> list[SourcedRule]:
    """Rules generated from the catalogue: a claim of `met` must cite evidence of an expected type. This is
    the check evaluators make first on every row. A criterion without `requires` gets one rule
    (`bukti-<id>`: any of its types); with `requires`, one rule per group, each group to be cited
    (`bukti-<id>` for a single group, `bukti-<id>-<types>` for several)."""
    generated = []
    for criterion in criteria.values():
        for rule_id, group in evidence_groups(criterion):
            rule = _evidence_rule(criterion, rule_id, group, types)
            file, line = lines[criterion.id]
            generated.append(SourcedRule(rule=rule, file=file, line=line, origin="catalogue"))
    return generated


def evidence_groups(criterion: Criterion) -> list[tuple[str, list[str]]]:
    """The evidence rules the catalogue generates for a criterion: (rule id, the types one of which a claim
    must cite). One rule over its `types`, or one per `requires` group."""
    groups = criterion.evidence.requires or [criterion.evidence.types]
    if len(groups) == 1:
        return [(f"bukti-{criterion.id}", list(groups[0]))]
    return [(f"bukti-{criterion.id}-" + "-".join(t.replace("_", "-") for t in group), list(group))
            for group in groups]


def _evidence_rule(criterion: Criterion, rule_id: str, group: list[str], types: dict[str, EvidenceType]) -> Rule:
    names_id = ", ".join(types[t].id for t in group)
    names_en = ", ".join(types[t].en for t in group)
    return Rule(
        id=rule_id,
        title=Text(
            id=f"Klaim {criterion.id} harus didukung bukti yang sesuai",
            en=f"A claim of {criterion.id} must cite matching evidence",
        ),
        rationale=Text(
            id="Evaluator hanya menerima jawaban yang didukung bukti dukung; "
            f"untuk kriteria ini yang diharapkan: {criterion.evidence.expects.id}",
            en="Evaluators accept an answer only with supporting evidence; "
            f"for this criterion they expect: {criterion.evidence.expects.en}",
        ),
        references=["PermenPANRB 88/2021, Lampiran (LKE) kriteria " + criterion.id],
        effect="refute",
        target=criterion.id,
        when=[
            {"claim": {"criterion": criterion.id, "met": "true"}},
            {"not": {"support": {"criterion": criterion.id, "type": {"in": list(group)}}}},
        ],
        reason=Text(
            id=f"Klaim terpenuhi tanpa bukti berjenis: {names_id}",
            en=f"Claimed met without evidence of type: {names_en}",
        ),
        recommendation=criterion.recommendation,
        effort=criterion.effort,
    )


def _check_map(doc: Document, linked: CriteriaMap, criteria: dict[str, Criterion], checks: set[str],
               ) -> dict[str, tuple[str, int]]:
    """Every criterion and check the map names exists; an effect of `refute` has its rule's words.
    Returns where each criterion's entry is written."""
    lines = {}
    for crit, entry in linked.criteria.items():
        loc: tuple[int | str, ...] = ("criteria", crit)
        if crit not in criteria:
            raise _rulebook_error(doc, loc, f"unknown criterion {crit}")
        for index, check in enumerate(entry.checks):
            if check not in checks:
                raise _rulebook_error(doc, (*loc, "checks", index), f"unknown check {check}")
        if entry.refute is None and "refute" in (entry.error, *linked.effects.values()):
            raise _rulebook_error(doc, loc, f"{crit} can be refuted but has no `refute` rule (id and words)")
        lines[crit] = (doc.display, doc.line_of(loc) or 1)
    return lines


def _map_rules(linked: CriteriaMap, doc: Document, checks: list[SourcedCheck], seen: set[str],
               regime: Regime) -> list[SourcedRule]:
    """The rules the map implies, over the engine's `weakened` facts: a refuting rule for each criterion a
    finding can refute, a capping rule for each sub-component one can cap, one note rule."""
    severities = {c.check.id: c.check.severity for c in checks}
    effects: dict[str, set[str]] = {
        crit: {linked.effect(crit, severities[check]) for check in entry.checks}
        for crit, entry in linked.criteria.items()
    }
    out: list[SourcedRule] = []

    def add(words: RuleText, loc: tuple[int | str, ...], effect: Effect, target: str | None,
            when: list[dict[str, Any]], grade: str | None = None, **values: str) -> None:
        rule_id = words.id.replace("{sub}", values.get("subcomponent", "").replace(".", ""))
        if rule_id in seen:
            raise _rulebook_error(doc, (*loc, "id"), f"duplicate rule or check id {rule_id}")
        seen.add(rule_id)
        rule = Rule(id=rule_id, effect=effect, target=target, grade=grade, when=when, references=words.references,
                    title=fill(words.title, **values), rationale=fill(words.rationale, **values),
                    reason=fill(words.reason, **values),
                    recommendation=fill(words.recommendation, **values) if words.recommendation else None,
                    effort=words.effort)
        out.append(SourcedRule(rule=rule, file=doc.display, line=doc.line_of(loc) or 1, origin="map"))

    for crit, entry in linked.criteria.items():
        if "refute" in effects[crit] and entry.refute is not None:
            add(entry.refute, ("criteria", crit, "refute"), "refute", crit,
                [{"claim": {"criterion": crit, "met": "true"}}, {"weakened": {"criterion": crit, "effect": "refute"}}])
    if linked.cap.grade not in {g.code for g in regime.grades}:
        raise _rulebook_error(doc, ("cap", "grade"), f"grade {linked.cap.grade} is not on the scale")
    for sub in sorted({subcomponent_of(c) for c, found in effects.items() if "cap" in found}, key=_sub_order):
        add(linked.cap, ("cap",), "cap", sub, [{"weakened": {"subcomponent": sub, "effect": "cap"}}],
            grade=linked.cap.grade, subcomponent=sub)
    if any("note" in found for found in effects.values()):
        add(linked.note, ("note",), "note", None, [{"weakened": {"effect": "note"}}])
    return out
