"""`rules lint` finds mistakes in rule files with file:line, and the engine wrapper contains
durable-rules' pitfalls (exceptions inside actions, state per session)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.engine import durable as engine_module
from sakip_eval.engine.facts import derive_facts
from sakip_eval.errors import InputError
from sakip_eval.io.workspace import load_workspace
from sakip_eval.rulebook.book import RULES_ROOT, load_rulebook
from sakip_eval.rulebook.lint import lint
from sakip_eval.scoring.prediction import engine_for

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


def test_exception_inside_an_action_becomes_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """durable-rules swallows exceptions raised in actions into the session state; we surface them."""
    book = rulebook_with(tmp_path, "uji-meledak", "note", "", "  - workspace: {level: opd}")

    original = engine_module._Host.get_action

    def exploding(self: Any, name: str) -> Callable[[Any], None]:
        if name == "uji-meledak":
            def boom(_closure: Any) -> None:
                raise RuntimeError("boom")
            return boom
        return original(self, name)  # type: ignore[no-any-return]

    monkeypatch.setattr(engine_module._Host, "get_action", exploding)
    engine = engine_module.Engine(book)
    ws = load_workspace(EVIDENCE / "mojosari-2024")
    with pytest.raises(InputError) as info:
        engine.run(derive_facts(ws))
    assert "boom" in str(info.value.params["detail"])


def test_sessions_are_deleted_and_runs_repeat() -> None:
    ws = load_workspace(EVIDENCE / "mojosari-2024")
    engine = engine_for(ws.rulebook)
    first = engine.run(derive_facts(ws))
    host = engine._get_host()
    assert host.firings == {} and host.done == set()
    assert engine.run(derive_facts(ws)) == first


def test_empty_workspace_runs(ws_factory: Callable[..., Path]) -> None:
    """A session where no rule fires used to abort the process inside durable's delete_state."""
    ws = load_workspace(ws_factory())
    assert engine_for(ws.rulebook).run(derive_facts(ws)) is not None
