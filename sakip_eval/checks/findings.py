"""LKjIP consistency findings: the check families derive candidate facts from lkjip.yaml, the engine's
`check` stage matches them against each check's `when` (each match a finding; the check concludes that it
flagged the LKjIP), and this module words the findings.

A finding says where (table, row, year, measure and the line in lkjip.yaml), what the document states,
what it should state, which LKE criteria it weakens (the criteria map) and how grave it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from sakip_eval.checks.family import Family, NoParams, family, family_of, settings, testable
from sakip_eval.checks.sheet import Sheet
from sakip_eval.engine.durable import Inference, engine_for
from sakip_eval.engine.facts import Fact
from sakip_eval.engine.program import program_for
from sakip_eval.i18n import MESSAGES, Lang, t
from sakip_eval.i18n.text import Text
from sakip_eval.io.workspace import Workspace
from sakip_eval.numbers import format_number, places
from sakip_eval.rulebook.book import Rulebook, Severity

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Fact fields holding numbers as canonical decimal strings: messages show them Indonesian or English style
# (unless the fact says `plain: true`, as for years).
NUMBER_FIELDS = frozenset({
    "stated", "expected", "target", "realisasi", "amount", "base", "from_value", "to_value", "capaian",
    "penyerapan",
})


@dataclass(frozen=True)
class Finding:
    """One inconsistency: where it is, what it weakens, and in words (either language, worded when first
    asked for: a workspace has a hundred findings and a command shows them in one language) what the
    document states, what it should state and the check's message."""

    id: str
    check: str
    severity: Severity
    criteria: list[str]
    where: str
    source: Fact = field(repr=False)  # the LKjIP fact the check matched: the message's placeholders
    template: Text = field(repr=False)
    _words: dict[tuple[str, Lang], str] = field(default_factory=dict, repr=False, compare=False)

    def word(self, part: str, lang: Lang) -> str:
        """`stated`, `expected` or `message` in `lang`."""
        key = (part, lang)
        if key not in self._words:
            template = self.template if part == "message" else _PARTS[part]
            self._words[key] = _fill(template.get(lang), self.source, lang)
        return self._words[key]

    @property
    def stated(self) -> Text:
        return Text(id=self.word("stated", Lang.ID), en=self.word("stated", Lang.EN))

    @property
    def expected(self) -> Text:
        return Text(id=self.word("expected", Lang.ID), en=self.word("expected", Lang.EN))

    @property
    def message(self) -> Text:
        return Text(id=self.word("message", Lang.ID), en=self.word("message", Lang.EN))

    def public(self, lang: Lang) -> dict[str, Any]:
        """As JSON users read it: `id`, `check`, `severity`, `where`, `stated`, `expected`, `criteria`,
        `message`, in one language."""
        return {
            "id": self.id, "check": self.check, "severity": self.severity, "where": self.where,
            "stated": self.word("stated", lang), "expected": self.word("expected", lang),
            "criteria": list(self.criteria), "message": self.word("message", lang),
        }


# -- the facts of the check families ------------------------------------------------------------------------
_PLANS: dict[tuple[str, str], list[tuple[Family, NoParams]]] = {}


def _families(book: Rulebook) -> list[tuple[Family, NoParams]]:
    """The families the rulebook's checks read, with their settings: worked out once per rulebook. A kind no
    family derives is left out (`rules lint` names it)."""
    key = (str(book.root), book.fingerprint)
    if key not in _PLANS:
        found = [(kind, family(kind)) for kind in dict.fromkeys(family_of(s) for s in book.checks)]
        _PLANS[key] = [(fam, settings(book, kind, fam)) for kind, fam in found if fam is not None]
    return _PLANS[key]


def check_facts(ws: Workspace) -> tuple[list[Fact], list[Fact]]:
    """The LKjIP facts of every family the rulebook's checks read (none without lkjip.yaml), in full (for
    messages) and as the engine sees them (only the fields checks may test); only differences (a family's
    `difference` field above 0)."""
    if ws.lkjip is None:
        return [], []
    sheet = Sheet(ws.lkjip, ws.documents["lkjip.yaml"], ws.meta.year)
    full: list[Fact] = []
    slim: list[Fact] = []
    for fam, params in _families(ws.rulebook):
        for fact in fam.derive(sheet, params):
            if fam.differs(fact):
                full.append(fact)
                slim.append(testable(fact, fam))
    return full, slim


# -- findings ------------------------------------------------------------------------------------------------
def show(field: str, value: Any, lang: Lang, plain: bool = False) -> str:
    """A fact value as users read it: numbers Indonesian or English style, word tokens translated."""
    if plain or field not in NUMBER_FIELDS or not isinstance(value, str):
        return str(value)
    return _number(value, lang)


@lru_cache(maxsize=4096)  # bounded: a batch of a thousand workspaces states many numbers
def _number(value: str, lang: Lang) -> str:
    key = f"check.value.{value}"
    if key in MESSAGES:
        return t(key, lang)
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    return format_number(number, lang, places(number))


@cache
def _parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """A message template as (literal, placeholder) pairs, parsed once."""
    pieces = _PLACEHOLDER.split(template)
    return tuple((pieces[i], pieces[i + 1] if i + 1 < len(pieces) else None) for i in range(0, len(pieces), 2))


def _fill(template: str, fact: Fact, lang: Lang) -> str:
    plain = bool(fact.get("plain"))
    out = []
    for literal, name in _parts(template):
        out.append(literal)
        if name is not None:
            out.append(show(name, fact[name], lang, plain) if name in fact else "{" + name + "}")
    return "".join(out)


def finding_id(check: str, source: Fact) -> str:
    """A finding's id: its check and the LKjIP fact it matched (`capaian-salah/tabel-3.1/ipasn/2024`)."""
    return f"{check}/{source['ref']}"


def findings_behind(inference: Inference, fact_id: str) -> set[str]:
    """The ids of the findings a concluded fact rests on (the matches of the checks it rests on)."""
    found = set()
    for behind in {fact_id, *inference.behind(fact_id)}:
        if inference.facts[behind]["kind"] == "flagged":
            found |= {finding_id(d.production, inference.facts[d.facts[0]]) for d in inference.how(behind)}
    return found


def findings_of(book: Rulebook, inference: Inference) -> list[Finding]:
    """Every match of every check, worded from the fact it matched: errors first, then by id."""
    found = []
    for flagged in inference.concluded("flagged"):
        for derivation in inference.how(str(flagged["id"])):
            check = book.check(derivation.production).check
            source = inference.facts[derivation.facts[0]]
            found.append(Finding(finding_id(check.id, source), check.id, check.severity, list(flagged["criteria"]),
                                 str(source["where"]), source, check.message))
    return sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], f.id))


_PARTS = {"stated": Text(id="{stated}", en="{stated}"), "expected": Text(id="{expected}", en="{expected}")}


def run_checks(ws: Workspace) -> list[Finding]:
    """Every finding of the workspace's lkjip.yaml (none without one): the families' facts through the
    engine's `check` stage."""
    full, slim = check_facts(ws)
    if not full:
        return []
    inference = engine_for(program_for(ws.rulebook)).run(full, slim, stages=("check",))
    return findings_of(ws.rulebook, inference)

