"""`rules lint` finds mistakes in rule files with file:line, and the engine wrapper contains
durable-rules' pitfalls (exceptions inside actions, state per session)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.engine.durable import Engine, engine_for
from sakip_eval.engine.facts import Fact, derive_facts
from sakip_eval.engine.program import Production, Program, program_for
from sakip_eval.errors import InputError
from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import RULES_ROOT, load_rulebook
from sakip_eval.rulebook.conditions import parse_when
from sakip_eval.rulebook.lint import lint

from .conftest import EVIDENCE

RULE = """id: {id}
title: {{id: Uji, en: Test}}
rationale: {{id: Uji, en: Test}}
effect: {effect}
{target}
when:
{when}
reason: {{id: Uji, en: Test}}
"""


def rulebook_with(tmp_path: Path, rule_id: str, effect: str, target: str, when: str) -> Any:
    root = tmp_path / "rules"
    shutil.copytree(RULES_ROOT / "lke-2021", root / "lke-2021")
    path = root / "lke-2021" / "rules" / rule_id / "rule.yaml"
    path.parent.mkdir()
    path.write_text(RULE.format(id=rule_id, effect=effect, target=target, when=when), encoding="utf-8")
    return load_rulebook("lke-2021", root)


@pytest.mark.parametrize(
    ("effect", "target", "when", "code", "words"),
    [
        ("refute", "target: 9.x.9", "  - claim: {criterion: 1.a.1}", "unknown-criterion", "9.x.9"),
        ("cap", "target: 1.b\\ngrade: ZZ", "  - evidence: {type: kak}", "unknown-grade", "ZZ"),
        ("note", "", "  - evidence: {type: dokumen_ajaib}", "never-fires", "dokumen_ajaib"),
        ("note", "", "  - evidence: {attr_tidak_ada: true}", "never-fires", "tidak_ada"),
        ("note", "", "  - evidence: {formalized: ya}", "never-fires", "formalized"),
        ("note", "", "  - gosip: {x: 1}", "never-fires", "gosip"),
        ("note", "", "  - evidence: {warna: merah}", "never-fires", "warna"),
        ("note", "", "  - claim: {criterion: 1.a.1, met: true}", "never-fires", "met"),
        ("note", "", "  - evidence: {review_count: {kira2: 1}}", "bad-condition", "kira2"),
        ("refute", "", "  - evidence: {type: kak}", "no-target", "target"),
    ],
)
def test_lint_reports_each_mistake_with_its_line(
    tmp_path: Path, effect: str, target: str, when: str, code: str, words: str
) -> None:
    book = rulebook_with(tmp_path, "uji-salah", effect, target.replace("\\n", "\n"), when)
    problems = [p for p in lint(book) if p.code == code]
    assert problems, [p.message for p in lint(book)]
    assert problems[0].file.endswith("rules/uji-salah/rule.yaml")
    assert problems[0].line >= 5
    assert words in problems[0].message


def test_lint_bundled_rulebook_has_no_errors() -> None:
    assert [p for p in lint(load_rulebook()) if p.severity != "info"] == []


def test_lint_cli_exit_code(run: Callable[..., Any]) -> None:
    result = run("rules", "lint", "--all", "--lang", "en")
    assert result.code == 0
    assert "evidence-check-only" in result.out


def test_exception_inside_an_action_becomes_an_error() -> None:
    """durable-rules swallows exceptions raised in actions into the session state; we surface them."""
    def boom(matched: Sequence[Fact]) -> Fact:
        raise RuntimeError("boom")

    program = Program("sakip-test-boom", [Production("boom", "verify", tuple(parse_when([{"workspace": {}}])), boom,
                                                     "test")])
    with pytest.raises(InputError) as info:
        Engine(program).run([{"id": "workspace", "kind": "workspace", "level": "opd"}])
    assert "boom" in str(info.value.params["detail"])


def test_sessions_are_deleted_and_runs_repeat() -> None:
    ws = load_workspace(EVIDENCE / "mojosari-2024")
    engine = engine_for(program_for(ws.rulebook))
    first = engine.run(derive_facts(ws))
    assert engine._get_host().sessions == {}
    second = engine.run(derive_facts(ws))
    assert (second.facts, second.derivations) == (first.facts, first.derivations)


def test_empty_workspace_runs(ws_factory: Callable[..., Path]) -> None:
    """A session where no rule fires used to abort the process inside durable's delete_state."""
    ws = load_workspace(ws_factory())
    assert engine_for(program_for(ws.rulebook)).run(derive_facts(ws)).concluded("candidate")


def test_each_stage_sees_what_the_stages_before_concluded(ws_factory: Callable[..., Path]) -> None:
    """The chain runs inside the engine: a claim refuted by an evidence rule becomes a verdict, and the
    verdict keeps the criterion out of the candidates to meet (both negations judged after the fact)."""
    ws = load_workspace(ws_factory(items=[{"id": "x", "type": "lainnya", "title": "X", "year": 2024}],
                                   criteria={"1.a.1": {"met": True, "evidence": ["x"]}}))
    inference = engine_for(program_for(ws.rulebook)).run(derive_facts(ws))
    assert [f["id"] for f in inference.concluded("verdict")] == ["verdict:1.a.1"]
    assert inference.how("verdict:1.a.1")[0].facts == ("claim:1.a.1", "consequence:bukti-1.a.1:1.a.1")
    criteria = {f["ref"] for f in inference.concluded("candidate") if f["type"] == "criterion"}
    assert "1.a.1" not in criteria and "1.a.3" in criteria


def _edit(tmp_path: Path, relative: str, old: str, new: str) -> Any:
    root = tmp_path / "rules"
    shutil.copytree(RULES_ROOT / "lke-2021", root / "lke-2021")
    path = root / "lke-2021" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_rulebook("lke-2021", root)


@pytest.mark.parametrize(("relative", "old", "new", "code", "words"), [
    ("checks/capaian-salah/check.yaml", "gap_units: {gt: 0}", "gap_units: {gte: 0}", "admits-agreement",
     "differences only"),
    ("checks/renstra-beda/check.yaml", "reference: [signed, most_frequent]", "reference: [newest]", "bad-derive",
     "reference"),
    ("checks/target-beda-antar-tabel/check.yaml", "reference: [signed, most_frequent]", "reference: [first]",
     "bad-derive", "differs"),
    ("criteria-map.yaml", "      - pembanding-kosong\n", "", "unlinked-check", "pembanding-kosong"),
    ("rules/kak-belum-formal/rule.yaml", "  - evidence: {type: kak, formalized: false}",
     "  - consequence: {effect: refute}", "too-early", "consequence"),
])
def test_lint_finds_what_the_engine_and_the_families_need(
    tmp_path: Path, relative: str, old: str, new: str, code: str, words: str,
) -> None:
    if relative == "criteria-map.yaml":  # 3.b.6 lists only this check: drop the criterion's entry with it
        old, new = "  3.b.6:\n    checks:\n" + old, ""
    book = _edit(tmp_path, relative, old, new)
    problems = [p for p in lint(book) if p.code == code]
    assert problems, [(p.code, p.message) for p in lint(book)]
    assert words in problems[0].message
