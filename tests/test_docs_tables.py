"""The tables docs/ shows of the rulebook are generated from its data (`make docs`) and up to date."""

from __future__ import annotations

from sakip_eval.rulebook.book import load_rulebook
from tools.docs_tables import BLOCK, TABLES, render


def test_every_generated_table_is_up_to_date() -> None:
    book = load_rulebook()
    for name, (path, _) in TABLES.items():
        text = path.read_text(encoding="utf-8")
        assert f"<!-- generated: {name} -->" in text, f"{path} lost its {name} table"
        assert render(text, book) == text, f"{path}: run `make docs` ({name} table out of date)"


def test_a_table_follows_the_data() -> None:
    book = load_rulebook()
    stale = "<!-- generated: checks -->\n| old |\n<!-- end: checks -->\n"
    fresh = render(stale, book)
    assert "`capaian-salah` | error |" in fresh and "3.b.1 (refute)" in fresh and "3.b.6 (cap BB)" in fresh
    assert BLOCK.search(fresh) is not None
