"""Why the engine concluded what it did: a concluded fact as a tree of the rules that reached it and the
facts they matched, down to the given facts (the workspace's and the LKjIP's), for `sakip-eval explain`.

A fact reached in several ways (a criterion weakened by 40 findings) keeps all of them; `limit` keeps
the first few of each node's derivations and counts the rest, so that a tree stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sakip_eval.engine.durable import Inference
from sakip_eval.engine.facts import Fact
from sakip_eval.engine.program import Program

HIDDEN = frozenset({"id", "kind", "sid"})


@dataclass(frozen=True)
class Step:
    """One derivation of a fact: the rule (production) and where it is written, and the matched facts."""

    rule: str
    source: str
    matched: list[Node]


@dataclass(frozen=True)
class Node:
    """A fact in the tree: given (no steps) or concluded (the ways it was reached, `more` left out)."""

    id: str
    kind: str
    fields: dict[str, object]
    steps: list[Step] = field(default_factory=list)
    more: int = 0

    @property
    def given(self) -> bool:
        return not self.steps


def fields_of(fact: Fact) -> dict[str, object]:
    return {k: v for k, v in fact.items() if k not in HIDDEN}


def trace(inference: Inference, program: Program, fact_id: str, limit: int | None = 3) -> Node:
    """The tree of `fact_id`. `limit` derivations per fact (None: all)."""
    fact = inference.facts[fact_id]
    derivations = inference.how(fact_id)
    shown = derivations if limit is None else derivations[:limit]
    steps = [Step(d.production, program.production(d.production).source,
                  [trace(inference, program, matched, limit) for matched in d.facts]) for d in shown]
    return Node(fact_id, str(fact["kind"]), fields_of(fact), steps, len(derivations) - len(shown))
