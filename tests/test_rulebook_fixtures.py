"""Every rule and check proves itself with the fixtures beside it (`<folder>/tests/*.pass.yaml`, `*.fail.yaml`),
the generated evidence rules with cases generated from the catalogue, and `sakip-eval rules test` says
which case failed and which is missing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.i18n import Lang
from sakip_eval.rulebook import RULES_ENV
from sakip_eval.rulebook.book import RULES_ROOT, load_rulebook
from sakip_eval.rulebook.fixtures import Case, discover, generated_cases, merge
from sakip_eval.scoring.proof import prove, run_case

BOOK = load_rulebook()


@pytest.fixture(autouse=True)
def _bundled_rulebook(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--rules` passes its folder on through the environment: take it back after each test."""
    monkeypatch.setenv(RULES_ENV, "")
    monkeypatch.delenv(RULES_ENV)
WRITTEN = discover(BOOK)
CASES = [*WRITTEN, *generated_cases(BOOK, WRITTEN)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.subject}:{c.outcome}:{c.name}" for c in CASES])
def test_case_comes_out_as_its_name_says(case: Case, tmp_path: Path) -> None:
    outcome = run_case(BOOK, case, tmp_path / "ws")
    assert outcome.ok, f"{case.display}: {outcome.explain(Lang.EN)}"


def test_every_rule_and_check_has_a_failing_and_a_passing_case() -> None:
    covered: dict[str, set[str]] = {}
    for case in CASES:
        covered.setdefault(case.subject, set()).add(case.outcome)
    subjects = [s.rule.id for s in BOOK.rules] + [c.check.id for c in BOOK.checks]
    assert {s for s in subjects if covered.get(s) != {"pass", "fail"}} == set()
    assert set(covered) <= set(subjects), "a tests/ folder without its rule or check"


def test_fragments_merge_over_the_base() -> None:
    base = {"items": [1], "meta": {"a": 1, "b": 2}, "gone": 3}
    assert merge(base, {"items": [2], "meta": {"b": 5}, "gone": None}) == {"items": [1, 2], "meta": {"a": 1, "b": 5}}
    assert base == {"items": [1], "meta": {"a": 1, "b": 2}, "gone": 3}


def _copy_rulebook(tmp_path: Path) -> Path:
    target = tmp_path / "rules" / "my-rules"
    shutil.copytree(RULES_ROOT / "lke-2021", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_rules_test_names_the_case_that_failed_and_the_one_missing(
    tmp_path: Path, run: Callable[..., Any],
) -> None:
    book = _copy_rulebook(tmp_path)
    tests = book / "rules" / "kak-belum-formal" / "tests"
    (tests / "diam.pass.yaml").rename(tests / "formal.fail.yaml")  # a formalised KAK does not fire
    shutil.rmtree(book / "checks" / "pembanding-kosong" / "tests")
    result = run("--rules", str(book.parent), "rules", "test", "kak-belum-formal", "pembanding-kosong",
                 "--regime", "my-rules", "--lang", "en")
    assert result.code == 1
    assert "kak-belum-formal/tests/formal.fail.yaml: should fire, but stayed quiet" in result.out
    assert "pembanding-kosong: no pass case yet in checks/pembanding-kosong/tests/" in result.out
    assert "kak-belum-formal: no pass case yet in rules/kak-belum-formal/tests/" in result.out
    assert "2 cases, 1 failed, 3 missing." in result.out


def test_rules_test_reports_an_invalid_fixture_with_its_line(tmp_path: Path) -> None:
    book_dir = _copy_rulebook(tmp_path)
    bad = book_dir / "rules" / "kak-belum-formal" / "tests" / "typo.pass.yaml"
    bad.write_text("inventory:\n  items:\n    - {id: k, type: kak, title: KAK, formalised: true}\n", encoding="utf-8")
    report = prove(load_rulebook("my-rules", book_dir.parent), ["kak-belum-formal"])
    (outcome,) = [o for s in report.subjects for o in s.outcomes if o.case.name == "typo"]
    message = outcome.explain(Lang.EN)
    assert "rules/my-rules/rules/kak-belum-formal/tests/typo.pass.yaml › inventory" in message
    assert "items.0.formalised" in message


def test_rules_test_json_and_exit_zero(run: Callable[..., Any]) -> None:
    result = run("rules", "test", "kak-belum-formal", "capaian-salah", "--format", "json")
    assert result.code == 0
    data = result.json()
    assert data["ok"] is True
    assert data["summary"] == {"cases": 6, "failed": 0, "missing": 0}
    (check,) = [s for s in data["subjects"] if s["id"] == "capaian-salah"]
    assert {c["outcome"] for c in check["cases"]} == {"pass", "fail"}
