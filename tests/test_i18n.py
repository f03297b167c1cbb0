"""Messages: one module per area, every key in both languages with the same placeholders, and English
nouns that agree with the count they follow."""

from __future__ import annotations

import importlib
import string

import pytest

from sakip_eval.i18n import AREAS, MESSAGES, Lang, t


def _fields(template: str) -> set[str]:
    """The placeholders, a language's own variant (`reason_id`, `reason_en`) counted as one."""
    return {name.removesuffix("_id").removesuffix("_en") for _, name, _, _ in string.Formatter().parse(template)
            if name}


def test_each_key_lives_in_the_area_its_prefix_names() -> None:
    seen: dict[str, str] = {}
    for area, prefixes in AREAS.items():
        messages = importlib.import_module(f"sakip_eval.i18n.{area}").MESSAGES
        for key in messages:
            assert key.split(".")[0] in prefixes, f"{key} belongs in the area of its prefix, not {area}"
            assert key not in seen, f"{key} in both {seen.get(key)} and {area}"
            seen[key] = area
    assert seen.keys() == MESSAGES.keys()


def test_both_languages_with_the_same_placeholders() -> None:
    assert [key for key, (id_, en) in MESSAGES.items() if not (id_.strip() and en.strip())] == []
    assert [key for key, (indonesian, english) in MESSAGES.items() if _fields(indonesian) != _fields(english)] == []


@pytest.mark.parametrize(("count", "english"), [
    (0, "0 problems found:"), (1, "1 problem found:"), (2, "2 problems found:"), (21, "21 problems found:")])
def test_english_plural_follows_the_count(count: int, english: str) -> None:
    assert t("lhe.problems", Lang.EN, count=count) == english
    assert t("lhe.problems", Lang.ID, count=count) == f"{count} masalah ditemukan:"


def test_several_counts_in_one_message() -> None:
    assert t("check.summary", Lang.EN, total=2, error=1, warning=1, info=0) == (
        "2 findings: 1 error, 1 warning, 0 information")
    assert t("check.strict", Lang.EN, count=1) == "There is 1 error finding (--strict)"
    assert t("check.strict", Lang.EN, count=3) == "There are 3 error findings (--strict)"
