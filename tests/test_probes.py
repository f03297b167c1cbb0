"""The hostile probe's reproductions (issue 13), one test each, named `test_repro_NN_...` after the item of
the probe's REPRO.md it reproduces, asserting the behaviour a user should see instead of the defect.

Sizes here are small enough for `make test`; the sizes the probe used run in `make bench`
(benchmarks/bench_hardening.py) and under the `slow` marker.
"""

from __future__ import annotations

import json
from pathlib import Path

from sakip_eval.checks.derive import derive_check_facts
from sakip_eval.letters.lhe import MAX_LINES
from sakip_eval.model.workspace import load_workspace

from .conftest import LHE_2024, Cli


# -- 1. time bounded in the lines of a budget table -------------------------------------------------------
def budget_siblings(ws: Path, count: int, swapped: tuple[int, int] | None = None) -> None:
    """lkjip.yaml with `count` sibling programs stating a pagu in two years (the probe's generator), the
    pair `swapped` exchanging their amounts between the years."""
    text = (ws / "lkjip.yaml").read_text(encoding="utf-8")
    before = text.split("budget_lines:")[0]
    after = "narratives:" + text.split("\nnarratives:", 1)[1]
    lines = ["budget_lines:", '  - {id: opd, level: opd, name: "OPD"}']
    lines += [f'  - {{id: l{i}, level: program, parent: opd, name: "Program {i}"}}' for i in range(count)]
    lines += ["budgets:"]
    for table, year, base in (("t1", 2024, 1000), ("t2", 2023, 2000)):
        lines += [f"  - id: {table}", f"    title: Tabel {table}", "    source: renja", f"    year: {year}",
                  "    rows:"]
        for i in range(count):
            amount = base + i
            if swapped and i in swapped and year == 2023:
                amount = 7_000_000 if i == swapped[0] else 90_000
            if swapped and i in swapped and year == 2024:
                amount = 90_000 if i == swapped[0] else 7_000_000
            lines.append(f'      - {{line: l{i}, pagu: "{amount}"}}')
    (ws / "lkjip.yaml").write_text(before + "\n".join(lines) + "\n\n" + after, encoding="utf-8")


def test_repro_01_many_sibling_budget_lines_pair_each_line_once(ws: Path, cli: Cli) -> None:
    budget_siblings(ws, 600, swapped=(17, 403))
    workspace = load_workspace(ws)
    assert workspace.lkjip is not None
    facts = derive_check_facts(workspace.lkjip, workspace.documents["lkjip.yaml"], workspace.meta.year)
    swaps = [f for f in facts if f["kind"] == "tertukar"]
    assert len(swaps) <= 600  # one best partner per line, never every pair (179,700 pairs)
    code, out, _ = cli("check", ws, "--format", "json")
    assert code == 0
    found = [f for f in json.loads(out)["findings"] if f["check"] == "anggaran-tertukar"]
    assert [f["id"] for f in found] == ["anggaran-tertukar/l17/l403/2023"]


# -- 2. and 22. the letter reader: linear, bounded, and line numbers as an editor counts them -------------
def test_repro_02_a_recommendation_wrapped_over_many_lines_is_read_whole(tmp_path: Path, cli: Cli) -> None:
    head = LHE_2024.read_text(encoding="utf-8").split("Demikian disampaikan")[0].rstrip()
    letter = tmp_path / "cont.txt"
    letter.write_text(head + "\n" + "ab\n" * 50_000, encoding="utf-8")
    code, out, _ = cli("lhe", "check", letter, "--format", "json")
    assert code == 0
    last = json.loads(out)["recommendations"][-1]["text"]
    assert last.endswith(" ab" * 50_000)


def test_repro_02_a_letter_past_the_line_limit_is_refused_with_the_limit(tmp_path: Path, cli: Cli) -> None:
    letter = tmp_path / "long.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8") + "ab\n" * MAX_LINES, encoding="utf-8")
    code, _, err = cli("lhe", "check", letter, "--lang", "en")
    assert code == 2
    assert f"more than {MAX_LINES} lines" in err and str(letter) in err


def test_repro_22_form_feeds_and_unicode_separators_do_not_shift_line_numbers(tmp_path: Path, cli: Cli) -> None:
    text = LHE_2024.read_text(encoding="utf-8").replace("Jumlah\t100,00\t82,30", "Jumlah\t100,00\t82,40")
    lines = text.split("\n")
    lines[20] = "\f" + lines[20] + "\x85 x\u2028y\u2029"
    letter = tmp_path / "ff.txt"
    letter.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = cli("lhe", "check", letter, "--format", "json")
    assert code == 1
    assert {p["line"] for p in json.loads(out)["problems"] if p["code"] == "sum"} == {57}
