"""`explain` for people (a tree per chain, then the grade arithmetic) and for programs (the same as JSON)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.text import Text as RichText
from rich.tree import Tree

from sakip_eval.engine.trace import Node
from sakip_eval.i18n import Lang, t
from sakip_eval.numbers import format_number
from sakip_eval.render.jsontext import number
from sakip_eval.render.terminal import answer_label
from sakip_eval.scoring.explain import Arithmetic, CriterionChain, Explanation


def _value(value: object) -> str:
    """A field as it is, however long: the tree wraps it (a `where` names the table, row and file:line)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


# The fields a line shows for each kind of fact (others: `where`, `stated`, `expected` and the measures
# checks test); `--format json` has every field.
SHOWN = {
    "claim": ("met", "evidence_count"), "support": ("ref", "type", "year", "formalized", "current"),
    "evidence": ("type", "year", "formalized", "current"), "recommendation": ("status", "evidence_count"),
    "subcomponent": ("type", "min_years_kept", "efforts_evidence_count", "innovation_evidence_count"),
    "workspace": ("level", "history_trend"), "finding": ("severity",), "weakened": ("severity", "effect"),
    "consequence": ("effect", "grade"), "verdict": ("status",),
}
CHECK_FIELDS = ("where", "stated", "expected", "gap_units", "abs_diff")


def label(node: Node) -> str:
    """One line for a fact: its kind, its id without the kind, and the fields that say most about it."""
    name = node.id.split(":", 1)[1] if node.id.startswith(f"{node.kind}:") else node.id
    keys = SHOWN.get(node.kind, CHECK_FIELDS)
    fields = " ".join(f"{k}={_value(node.fields[k])}" for k in keys if node.fields.get(k) not in (None, ""))
    return f"{node.kind} {name}" + (f"  {fields}" if fields else "")


def _grow(tree: Tree, node: Node, lang: Lang) -> None:
    branch = tree.add(RichText(label(node), style="bold" if not node.given else ""))
    key = "explain.finding" if node.kind == "flagged" else "explain.by"  # each match of a check is a finding
    for step in node.steps:
        rule = branch.add(RichText(t(key, lang, rule=step.rule, source=step.source), style="cyan"))
        for matched in step.matched:
            _grow(rule, matched, lang)
    if node.more:
        branch.add(RichText(t("explain.more", lang, count=node.more), style="dim"))


def _percent(share: Decimal, lang: Lang) -> str:
    return format_number((share * 100).quantize(Decimal("0.01")), lang) + "%"


def render(explanation: Explanation, lang: Lang, out: Console) -> None:
    for chain in explanation.criteria:
        _criterion(chain, lang, out)
    _arithmetic(explanation.arithmetic, lang, out)


def _criterion(chain: CriterionChain, lang: Lang, out: Console) -> None:
    crit = chain.criterion
    out.print(RichText(f"{crit.id} {crit.text.get(lang)}", style="bold"))
    out.print(t("explain.claim", lang, claimed=answer_label(chain.claimed, lang),
                evidence=", ".join(chain.evidence) or "-"), markup=False, highlight=False)
    out.print(t("explain.predicted", lang, predicted=answer_label(chain.predicted, lang)), markup=False,
              highlight=False)
    if not chain.decided:
        out.print(t("explain.untouched", lang), markup=False, highlight=False)
    for node in chain.decided:
        tree = Tree(RichText(t("explain.chain", lang), style="bold"))
        _grow(tree, node, lang)
        out.print(tree)
    out.print()


def _arithmetic(a: Arithmetic, lang: Lang, out: Console) -> None:
    sub = a.subcomponent
    out.print(RichText(t("explain.subcomponent", lang, id=sub.id, name=sub.name.get(lang)), style="bold"))
    say = [t("explain.share", lang, met=a.met, applicable=a.applicable, share=_percent(a.share, lang),
             grade=a.base_grade)]
    if a.band is not None:
        lower, upper = _percent(a.band.lower, lang), _percent(a.band.upper, lang)
        if lower == upper:  # a band of one value (0% for E, 100% for BB), whatever its bounds' decimals
            say[-1] += " " + t("explain.band_at", lang, value=upper)
        else:
            low = "≥" if a.band.lower_inclusive else ">"
            high = "<" if a.band.upper < 1 and upper == _percent(Decimal(1), lang) else "≤"
            say[-1] += " " + t("explain.band", lang, low=low, lower=lower, high=high, upper=upper)
    full = a.applicable > 0 and a.met == a.applicable
    for kind, nodes in (("upgrade", a.upgrades), ("cap", a.caps)):
        for node in nodes:
            grade = str(node.fields.get("grade", ""))
            rule = str(node.fields["rule"])
            if kind == "cap":
                key = "explain.cap" if rule in a.binding else "explain.cap_loose"
            else:
                key = "explain.upgrade" if full else "explain.upgrade_unused"
            say.append(t(key, lang, rule=rule, grade=grade))
    say.append(t("explain.score", lang, grade=a.grade, factor=format_number(a.factor, lang),
                 weight=format_number(sub.weight, lang), score=format_number(a.score, lang)))
    for line in say:
        out.print(f"  {line}", markup=False, highlight=False)
    for node in [*a.upgrades, *a.caps]:
        tree = Tree(RichText(t("explain.chain", lang), style="bold"))
        _grow(tree, node, lang)
        out.print(tree)
    outcomes = ", ".join(f"{crit} {answer_label(p, lang)}" for crit, p in a.outcomes.items())
    out.print(f"  {t('explain.criteria', lang)}: {outcomes}", markup=False, highlight=False)


def node_to_dict(node: Node) -> dict[str, Any]:
    return {
        "fact": node.id, "kind": node.kind, "fields": node.fields,
        "derivations": [{"rule": s.rule, "source": s.source, "matched": [node_to_dict(m) for m in s.matched]}
                        for s in node.steps],
        "more": node.more,
    }


def to_dict(explanation: Explanation, lang: Lang) -> dict[str, Any]:
    a = explanation.arithmetic
    return {
        "target": explanation.target,
        "criteria": [
            {"id": c.criterion.id, "text": c.criterion.text.get(lang), "claimed": c.claimed, "evidence": c.evidence,
             "predicted": c.predicted, "chain": [node_to_dict(n) for n in c.decided]}
            for c in explanation.criteria
        ],
        "subcomponent": {
            "id": a.subcomponent.id, "name": a.subcomponent.name.get(lang), "met": a.met, "applicable": a.applicable,
            "share": number(a.share * 100), "band": a.band.grade if a.band else None, "base_grade": a.base_grade,
            "upgrades": [node_to_dict(n) for n in a.upgrades], "caps": [node_to_dict(n) for n in a.caps],
            "grade": a.grade, "factor": number(a.factor), "weight": number(a.subcomponent.weight),
            "score": number(a.score), "criteria": a.outcomes,
        },
    }
