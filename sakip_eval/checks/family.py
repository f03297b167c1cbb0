"""A check family: one module under :mod:`sakip_eval.checks.families`, named after the kind of fact it
derives from lkjip.yaml, declaring those facts' fields and the policy settings check files may give it.

durable-rules compares fields but cannot divide, sum or group, so a family does the arithmetic and emits
one fact per candidate inconsistency (with the stated value, the expected one and how far apart they
are); the check files in `rules/<regime>/checks/` decide which facts become findings. A family is found
by the kind its checks' `when` names: adding one is a module here and a check folder, nothing else.

- `fields`: what a check's `when` may test. Only these go into the rule engine, so keep them few.
- `difference`: the field that is 0 when the compared values agree (`abs_diff` for values that must be
  identical, `gap_units` for computed values within the precision the document states). A family emits
  differences only: a fact whose difference is 0 never reaches the engine (each asserted fact costs),
  and a check's `when` must not admit 0 on it (`rules lint`). Every tolerance above 0 stays the check's.
- `shown`: what only messages show (`where`, `stated`, names...); kept beside the fact, by its id.
- `params`: the policy a check file sets under `derive:` (for example which document is the
  reference), validated here; every check of one family must set the same.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sakip_eval.checks.sheet import Reference, Sheet
from sakip_eval.engine.facts import Fact
from sakip_eval.errors import InputError
from sakip_eval.rulebook.book import Rulebook, SourcedCheck
from sakip_eval.rulebook.conditions import parse_when

KIND = re.compile(r"[a-z][a-z0-9_]{0,40}")


class NoParams(BaseModel):
    """A family without policy settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ReferenceParams(NoParams):
    """`reference`: how a group of cells that should agree gets the value it should have, tried in
    order: `signed` (the value a `reference: true` table states), `most_frequent` (ties: the first in
    the file), `first` (the first in the file)."""

    reference: list[Reference] = Field(min_length=1)


@dataclass(frozen=True)
class Family:
    kind: str
    fields: dict[str, str]
    shown: dict[str, str]
    derive: Callable[[Sheet, Any], Iterable[Fact]]
    params: type[NoParams] = NoParams
    difference: str | None = None

    def differs(self, fact: Fact) -> bool:
        """Whether the fact records a difference (always, for a family without a `difference` field)."""
        return self.difference is None or bool(fact[self.difference])

    @property
    def schema(self) -> dict[str, str]:
        """Every field a message may name."""
        return {**self.fields, **self.shown}

    def settings(self, raw: dict[str, Any]) -> NoParams:
        return self.params.model_validate(raw)


# Fields every family's facts carry for messages.
COMMON_SHOWN = {"ref": "str", "name": "str", "where": "str", "stated": "str", "expected": "str"}


def family(kind: str) -> Family | None:
    """The family deriving facts of `kind`, or None when there is no such module."""
    if not KIND.fullmatch(kind):
        return None
    return _load(kind)


@cache
def _load(kind: str) -> Family | None:
    try:
        module = importlib.import_module(f"sakip_eval.checks.families.{kind}")
    except ModuleNotFoundError:
        return None
    found: Family = module.FAMILY
    return found


def all_kinds() -> list[str]:
    """Every family's fact kind (for `rules lint`)."""
    from sakip_eval.checks import families

    return sorted(m.name for m in pkgutil.iter_modules(families.__path__))


def testable(fact: Fact, fam: Family) -> Fact:
    """The part of a fact the rule engine sees: its id, kind and the fields checks may test."""
    return {"id": fact["id"], "kind": fact["kind"], **{k: fact[k] for k in fam.fields if k in fact}}


def family_of(sourced: SourcedCheck) -> str:
    """The fact kind a check reads: its first item's."""
    return parse_when(sourced.check.when)[0].kind


def settings(book: Rulebook, kind: str, fam: Family) -> NoParams:
    """The policy settings (`derive`) the checks of one family give it: all the same, and valid."""
    users = [s for s in book.checks if family_of(s) == kind]
    first = users[0]
    for other in users[1:]:
        if other.check.derive != first.check.derive:
            raise InputError("error.rulebook", file=other.file, line=other.line,
                             detail=f"`derive` differs from {first.check.id}'s; checks of `{kind}` share one")
    try:
        return fam.settings(first.check.derive)
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in ("derive", *problem["loc"]))
        raise InputError("error.rulebook", file=first.file, line=first.line,
                         detail=f"{where}: {problem['msg']} (got {problem['input']!r})") from exc
