"""Tables in docs/ generated from the rulebook's data, so that the docs cannot drift from it.

A generated table sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->` in a docs file;
`python -m tools.docs_tables` rewrites every one, `make docs` runs it, and tests/test_docs_tables.py fails
when a table is out of date.

- `checks` (docs/checks.md): every check with its severity, title, family and the criteria its findings
  weaken with the effect they have (from check.yaml files and criteria-map.yaml).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from sakip_eval.checks.family import family_of
from sakip_eval.rulebook.book import Rulebook, load_rulebook

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z-]+) -->\n)(.*?)(<!-- end: (?P=name) -->)", re.S)


def checks_table(book: Rulebook) -> str:
    linked = book.criteria_map
    rows = ["| id | derajat | apa / what | rumpun / family | kriteria (akibat) / criteria (effect) |",
            "|---|---|---|---|---|"]
    for sourced in book.checks:
        check = sourced.check
        effects = []
        for crit in book.check_criteria[check.id]:
            effect = linked.effect(crit, check.severity) if linked else "-"
            grade = f" {linked.cap.grade}" if linked and effect == "cap" else ""
            effects.append(f"{crit} ({effect}{grade})")
        rows.append(f"| `{check.id}` | {check.severity} | {check.title.id} / {check.title.en} | "
                    f"`{family_of(sourced)}` | {', '.join(effects) or '-'} |")
    return "\n".join(rows) + "\n"


TABLES: dict[str, tuple[Path, Callable[[Rulebook], str]]] = {
    "checks": (ROOT / "docs" / "checks.md", checks_table),
}


def render(text: str, book: Rulebook) -> str:
    def fill(match: re.Match[str]) -> str:
        return match.group(1) + TABLES[match.group("name")][1](book) + match.group(4)

    return BLOCK.sub(fill, text)


def main() -> int:
    book = load_rulebook()
    for path in {path for path, _ in TABLES.values()}:
        text = path.read_text(encoding="utf-8")
        path.write_text(render(text, book), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
