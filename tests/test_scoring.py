"""Grade bands, A/AA conditions, categories and the real 2024 decomposition."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.grades import Answers, Consequence, band_grade, category_of, score

BOOK = load_rulebook()


@pytest.mark.parametrize(
    ("met", "applicable", "grade"),
    [
        (0, 4, "E"),  # p = 0
        (1, 100, "D"),  # just above 0
        (1, 4, "D"),  # p = 25% is still D
        (26, 100, "C"),  # just above 25%
        (2, 4, "C"),  # p = 50% is still C
        (51, 100, "CC"),
        (3, 4, "CC"),  # p = 75% is still CC
        (76, 100, "B"),
        (99, 100, "B"),  # below 100% is never BB
        (4, 4, "BB"),  # p = 100% -> BB before upgrades
        (0, 0, "E"),  # nothing applicable
    ],
)
def test_grade_bands(met: int, applicable: int, grade: str) -> None:
    assert band_grade(BOOK, met, applicable) == grade


@pytest.mark.parametrize(
    ("total", "category"),
    [
        ("100", "AA"), ("90.01", "AA"), ("90.00", "A"), ("80.01", "A"), ("80.00", "BB"), ("70.01", "BB"),
        ("70.00", "B"), ("60.01", "B"), ("60.00", "CC"), ("50.01", "CC"), ("50.00", "C"), ("30.01", "C"),
        ("30.00", "D"), ("0", "D"),
    ],
)
def test_category_boundaries(total: str, category: str) -> None:
    assert category_of(BOOK, Decimal(total)).code == category


def _answers(met: set[str]) -> Answers:
    claimed = {c: ("true" if c in met else "false") for c in BOOK.criteria}
    applicable = {c: "opd" in crit.applies_to for c, crit in BOOK.criteria.items()}
    return Answers(claimed, applicable)


def _all_of(sub: str) -> set[str]:
    return set(BOOK.by_subcomponent[sub])


def test_upgrade_applies_only_at_full_share() -> None:
    upgrade = [Consequence("keberadaan-a", "upgrade", "2.a", "A")]
    full = score(BOOK, _answers(_all_of("2.a")), upgrade)
    assert full.subcomponents["2.a"].grade == "A"
    assert full.subcomponents["2.a"].score == Decimal("5.4")
    partial = score(BOOK, _answers(set(list(_all_of("2.a"))[:2])), upgrade)
    assert partial.subcomponents["2.a"].grade == "CC"  # 2 of 3: no upgrade below 100%


def test_strongest_upgrade_wins_and_caps_bound_it() -> None:
    answers = _answers(_all_of("1.b"))
    both = [Consequence("upaya-a", "upgrade", "1.b", "A"), Consequence("inovasi-aa", "upgrade", "1.b", "AA")]
    assert score(BOOK, answers, both).subcomponents["1.b"].grade == "AA"
    capped = [*both, Consequence("kak-belum-formal", "cap", "1.b", "BB")]
    assert score(BOOK, answers, capped).subcomponents["1.b"].grade == "BB"
    assert score(BOOK, answers, capped).subcomponents["1.b"].score == Decimal("7.2")


def test_cap_lowers_a_partial_grade_too() -> None:
    answers = _answers(set(sorted(_all_of("1.b"))[:9]))  # 9 of 11 = 81.8% -> B
    assert score(BOOK, answers, [Consequence("x", "cap", "1.b", "CC")]).subcomponents["1.b"].grade == "CC"


def test_refute_beats_claim_and_prove_beats_no_claim() -> None:
    answers = _answers({"1.a.1"})
    result = score(BOOK, answers, [Consequence("r", "refute", "1.a.1"), Consequence("p", "prove", "1.a.3")])
    assert result.predicted["1.a.1"] == "false"
    assert result.predicted["1.a.3"] == "true"
    assert result.predicted["1.a.2"] == "na"  # long-term plans do not apply to an OPD


def test_na_leaves_the_denominator() -> None:
    result = score(BOOK, _answers(_all_of("1.a") - {"1.a.2"}), [])
    assert (result.subcomponents["1.a"].met, result.subcomponents["1.a"].applicable) == (5, 5)
    assert result.subcomponents["1.a"].grade == "BB"


def test_all_met_everywhere_with_aa_upgrades_is_100() -> None:
    subs = BOOK.subcomponent_ids()
    upgrades = [Consequence("u", "upgrade", s, "AA") for s in subs]
    result = score(BOOK, _answers(set(BOOK.criteria)), upgrades)
    assert result.total == Decimal(100)
    assert result.category.code == "AA"


def _reachable(weights: list[Decimal]) -> set[Decimal]:
    factors = [g.factor for g in BOOK.regime.grades]
    totals = {Decimal(0)}
    for weight in weights:
        totals = {t + weight * f for t in totals for f in factors}
    return totals


def test_lhe_2024_decomposition_arithmetic() -> None:
    """The real LHE: 26,10 / 26,40 / 13,05 / 16,75 = 82,30, each on its component's grade grid."""
    lhe = {"1": Decimal("26.10"), "2": Decimal("26.40"), "3": Decimal("13.05"), "4": Decimal("16.75")}
    assert sum(lhe.values()) == Decimal("82.30")
    for component in BOOK.regime.components:
        assert lhe[component.id] in _reachable([s.weight for s in component.subcomponents])
    # The 2024 LHE's component 1: 26,10 = 6 x 1,0 + 9 x 0,9 + 15 x 0,8.
    assert Decimal(6) * Decimal("1.0") + Decimal(9) * Decimal("0.9") + Decimal(15) * Decimal("0.8") == lhe["1"]
    assert category_of(BOOK, sum(lhe.values())).code == "A"
    # 24,00 is the most a perencanaan score can be with every sub-component at BB or below.
    assert Decimal(30) * Decimal("0.8") < lhe["1"]
