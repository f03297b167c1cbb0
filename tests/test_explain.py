"""`sakip-eval explain WS ID` prints the chain that decided a criterion or sub-component: the facts the rules
matched, the rules that fired (with the file and line they are written at), what they concluded, and the
grade arithmetic of the sub-component."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sakip_eval.cli.common import out

from .conftest import EVIDENCE, Cli, flat

WS = EVIDENCE / "mojosari-2025"


def test_a_refuted_criterion_shows_the_chain_from_the_lkjip_fact_to_the_verdict(run: Callable[..., Any]) -> None:
    result = run("explain", str(WS), "3.b.1", "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    (crit,) = data["criteria"]
    assert (crit["claimed"], crit["predicted"]) == ("true", "false")
    (verdict,) = crit["chain"]
    assert (verdict["fact"], verdict["fields"]["status"]) == ("verdict:3.b.1", "refuted")
    (decision,) = verdict["derivations"]
    claim, consequence = decision["matched"]
    assert claim["fact"] == "claim:3.b.1" and claim["derivations"] == []
    (refutation,) = consequence["derivations"]
    assert refutation["rule"] == "data-lkjip-tidak-valid-3b1"
    assert refutation["source"].startswith("lke-2021/criteria-map.yaml:")
    weakened = refutation["matched"][1]
    assert weakened["fields"] == {"criterion": "3.b.1", "subcomponent": "3.b", "severity": "error", "effect": "refute"}
    checks = {f["check"] for f in run("check", str(WS), "--format", "json").json()["findings"]
              if f["severity"] == "error" and "3.b.1" in f["criteria"]}
    assert len(weakened["derivations"]) == 3 and weakened["more"] == len(checks) - 3  # one per flagging check
    flagged = weakened["derivations"][0]["matched"][0]
    assert flagged["kind"] == "flagged" and flagged["fields"]["severity"] == "error"
    finding = flagged["derivations"][0]  # each match of the check is a finding
    assert finding["rule"] == flagged["fields"]["check"] and finding["source"].endswith(
        f"checks/{finding['rule']}/check.yaml:{finding['source'].rsplit(':', 1)[1]}")
    (source,) = finding["matched"]
    assert source["derivations"] == [] and "lkjip.yaml:" in source["fields"]["where"]
    sub = data["subcomponent"]
    assert (sub["id"], sub["met"], sub["applicable"], sub["base_grade"], sub["grade"], sub["score"]) == (
        "3.b", 8, 9, "B", "B", 3.15)
    assert [c["fact"] for c in sub["caps"]] == ["consequence:data-lkjip-lemah-3b:3.b"]


def test_all_shows_every_derivation(run: Callable[..., Any]) -> None:
    data = run("explain", str(WS), "3.b.1", "--format", "json", "--all").json()
    weakened = data["criteria"][0]["chain"][0]["derivations"][0]["matched"][1]["derivations"][0]["matched"][1]
    shown = [d["matched"][0] for d in weakened["derivations"]]
    assert weakened["more"] == 0 and all(flagged["more"] == 0 for flagged in shown)
    errors = [f for f in run("check", str(WS), "--format", "json").json()["findings"]
              if f["severity"] == "error" and "3.b.1" in f["criteria"]]
    assert sum(len(flagged["derivations"]) for flagged in shown) == len(errors)


def test_the_terminal_tree_names_rules_files_and_the_arithmetic(cli: Cli) -> None:
    code, out, _ = cli("explain", WS, "1.b", "--lang", "en")
    assert code == 0
    text = flat(out)
    assert "1.b.3 The performance planning documents" in text and "predicted: not met" in text
    assert "← rule data-lkjip-tidak-valid-1b3 (lke-2021/criteria-map.yaml:" in text
    assert "10 of 11 criteria met = 90.91% → B (band > 75.00% and < 100.00%)" in text
    assert "the BB cap does not bind (the grade is not above it): kak-belum-formal" in text
    assert "grade B: factor 0.70 × weight 9.00 = 6.30" in text


def test_an_untouched_claim_says_so(cli: Cli) -> None:
    code, out, _ = cli("explain", WS, "1.a.1")
    assert code == 0
    text = flat(out)
    assert "tidak ada aturan yang mengubah klaim ini" in text
    assert "5 dari 5 kriteria terpenuhi" in text and "naik ke paling rendah A: keberadaan-a" in text


def test_a_grade_lifted_by_upgrades_and_held_by_a_cap(cli: Cli) -> None:
    code, out, _ = cli("explain", EVIDENCE / "mojosari-2024", "2.a", "--lang", "en")
    assert code == 0
    text = flat(out)
    assert "3 of 3 criteria met = 100.00% → BB (band = 100.00%)" in text
    assert "upgraded to at least A: keberadaan-a" in text and "capped at BB: sop-data-tidak-ada" in text
    assert "grade BB: factor 0.80 × weight 6.00 = 4.80" in text


def _texts(node: Any, key: str) -> Iterator[str]:
    """Every `key` text anywhere in explain's JSON chain (`source`: a rule's file and line; `where`: a
    finding's table, row and line)."""
    if isinstance(node, dict):
        if isinstance(node.get(key), str):
            yield node[key]
        for value in node.values():
            yield from _texts(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, key)


def test_the_tree_piped_to_a_file_keeps_every_word(run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Output that is not a terminal is 80 columns wide: the tree wraps its lines there instead of cutting
    them, so every rule's file and line and every finding's place in the JSON chain is in the text too, whole
    (read without the wrapping)."""
    monkeypatch.setattr(out, "width", 80)
    chain = run("explain", str(WS), "1.b.3", "--format", "json").json()
    sources, wheres = set(_texts(chain, "source")), set(_texts(chain, "where"))
    assert any("criteria-map.yaml:" in s for s in sources) and any("check.yaml:" in s for s in sources)
    assert any(len(w) > 80 for w in wheres)
    result = run("explain", str(WS), "1.b.3")
    assert result.code == 0, result.err
    unwrapped = "".join(re.sub("[\u2500-\u257f←]", "", result.out).split())
    assert not [s for s in sources if f"({s})" not in unwrapped]
    assert not [w for w in wheres if f"where={''.join(w.split())}" not in unwrapped]
