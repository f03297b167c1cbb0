"""LKjIP consistency findings: the check rules of `rules/<regime>/checks/` run over the facts that
:mod:`sakip_eval.checks.derive` derives, through the same engine as the verification rules.

A finding says where (table, row, year, measure and the line in lkjip.yaml), what the document states,
what it should state, which LKE criteria it weakens and how grave it is. As a fact of kind `finding` it
feeds the prediction: rules refute the data-validity criteria on error findings.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ConfigDict

from sakip_eval.checks.derive import NUMBER_FIELDS, Fact, derive_check_facts
from sakip_eval.engine.durable import engine_for
from sakip_eval.i18n import MESSAGES, Lang, Text, t
from sakip_eval.io.workspace import Workspace
from sakip_eval.numbers import format_number, places
from sakip_eval.rulebook.book import Check, Severity

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class Finding(BaseModel):
    """One inconsistency, in both languages."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    check: str
    severity: Severity
    criteria: list[str]
    where: str
    stated: Text
    expected: Text
    message: Text

    def fact(self) -> Fact:
        """The engine fact the prediction rules match (`finding` in FACT_SCHEMA)."""
        return {
            "id": f"finding:{self.id}", "kind": "finding", "ref": self.id, "check": self.check,
            "severity": self.severity, "criteria": list(self.criteria), "where": self.where,
            "stated": self.stated.model_dump(), "expected": self.expected.model_dump(),
            "message": self.message.model_dump(),
        }


def show(field: str, value: Any, lang: Lang, plain: bool = False) -> str:
    """A fact value as users read it: numbers Indonesian or English style, word tokens translated."""
    if plain or field not in NUMBER_FIELDS or not isinstance(value, str):
        return str(value)
    key = f"check.value.{value}"
    if key in MESSAGES:
        return t(key, lang)
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    return format_number(number, lang, places(number))


def _fill(template: str, fact: Fact, lang: Lang) -> str:
    plain = bool(fact.get("plain"))
    return _PLACEHOLDER.sub(lambda m: show(m.group(1), fact[m.group(1)], lang, plain) if m.group(1) in fact
                            else m.group(0), template)


def _text(template: Text, fact: Fact) -> Text:
    return Text(id=_fill(template.id, fact, Lang.ID), en=_fill(template.en, fact, Lang.EN))


def _finding(check: Check, fact: Fact) -> Finding:
    return Finding(
        id=f"{check.id}/{fact['ref']}", check=check.id, severity=check.severity, criteria=list(check.criteria),
        where=str(fact["where"]),
        stated=_text(Text(id="{stated}", en="{stated}"), fact),
        expected=_text(Text(id="{expected}", en="{expected}"), fact),
        message=_text(check.message, fact),
    )


def run_checks(ws: Workspace) -> list[Finding]:
    """Every finding of the workspace's lkjip.yaml (none without one), errors first, then by id."""
    if ws.lkjip is None:
        return []
    facts = derive_check_facts(ws.lkjip, ws.documents["lkjip.yaml"], ws.meta.year)
    by_id = {fact["id"]: fact for fact in facts}
    firings = engine_for(ws.rulebook, "checks").run(facts)
    found = {
        (firing.rule_id, firing.facts[0]): _finding(ws.rulebook.check(firing.rule_id).check, by_id[firing.facts[0]])
        for firing in firings if firing.facts and firing.facts[0] in by_id
    }
    return sorted(found.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.id))


def public_finding(fact: Fact, lang: Lang) -> dict[str, Any]:
    """A finding fact as JSON users read: `id`, `check`, `severity`, `where`, `stated`, `expected`,
    `criteria`, `message`, in one language."""
    return {
        "id": fact["ref"], "check": fact["check"], "severity": fact["severity"], "where": fact["where"],
        "stated": fact["stated"][lang.value], "expected": fact["expected"][lang.value],
        "criteria": list(fact["criteria"]), "message": fact["message"][lang.value],
    }
