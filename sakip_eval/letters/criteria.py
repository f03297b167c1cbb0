"""Which LKE criteria a finding or recommendation is about, where its text makes that clear.

Clear means: the text names a criterion id (`1.b.8`), or it quotes a criterion's statement (evaluators
often copy the LKE's wording into the Catatan: "Terdapat pedoman teknis perencanaan kinerja"). Only
criteria of the item's component are considered when it is grouped. A recommendation takes the
criteria of the finding it answers (same component, same position) when it names none itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sakip_eval.letters.model import Item
from sakip_eval.letters.noise import words
from sakip_eval.letters.vocabulary import vocabulary
from sakip_eval.rulebook.book import Rulebook

CRITERION_ID = re.compile(r"\b(?P<id>\d\.[a-c]\.\d{1,2})\b")
QUOTE_SHARE = 0.85
MIN_QUOTED_WORDS = 3


def link_criteria(book: Rulebook, findings: list[Item],
                  recommendations: list[Item]) -> tuple[list[Item], list[Item]]:
    linked_findings = [replace(f, criteria=_criteria(book, f)) for f in findings]
    by_position: dict[tuple[str | None, int], tuple[str, ...]] = {}
    counts: dict[str | None, int] = {}
    for finding in linked_findings:
        counts[finding.component] = counts.get(finding.component, 0) + 1
        by_position[(finding.component, counts[finding.component])] = finding.criteria
    linked: list[Item] = []
    counts = {}
    for rec in recommendations:
        counts[rec.component] = counts.get(rec.component, 0) + 1
        own = _criteria(book, rec)
        if not own and rec.component is not None:
            own = by_position.get((rec.component, counts[rec.component]), ())
        linked.append(replace(rec, criteria=own))
    return linked_findings, linked


def _criteria(book: Rulebook, item: Item) -> tuple[str, ...]:
    named = [m["id"] for m in CRITERION_ID.finditer(item.text) if m["id"] in book.criteria]
    if named:
        return tuple(dict.fromkeys(named))
    text = set(words(item.text))
    best: list[tuple[float, str]] = []
    for crit_id, own in vocabulary(book).criteria.items():
        if item.component is not None and not crit_id.startswith(f"{item.component}."):
            continue
        if len(own) < MIN_QUOTED_WORDS:
            continue
        share = sum(w in text for w in own) / len(own)
        if share >= QUOTE_SHARE:
            best.append((share, crit_id))
    if not best:
        return ()
    top = max(share for share, _ in best)
    chosen = [crit_id for share, crit_id in best if share == top]
    return tuple(chosen) if len(chosen) == 1 else ()
