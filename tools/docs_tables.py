"""Tables in docs/ generated from the project's data, so that the docs cannot drift from it.

A generated table sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->` in a docs file;
`python -m tools.docs_tables` rewrites every one, `make docs` runs it, and tests/test_docs_tables.py fails
when a table is out of date.

- `checks` (docs/checks.md): every check with its severity, title, family and the criteria its findings
  weaken with the effect they have (from check.yaml files and criteria-map.yaml).
- `calibration-cases` and `calibration-summary` (docs/calibration.md): `sakip-eval calibrate` over the
  calibration set (benchmarks/calibration) in-sample, leave-one-out and without history, case by case and
  summed up, so a change to the rules or to calibration.yaml shows in the docs as it does in the scores.
- `calibration-grades` (docs/calibration.md): for each case whose evaluator's LKE is known (grades per
  sub-component in `actual`), those grades beside the predicted ones, with and without history.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from sakip_eval.checks.family import family_of
from sakip_eval.io.workspace import load_workspace
from sakip_eval.numbers import format_id
from sakip_eval.rulebook.book import Rulebook, load_rulebook
from sakip_eval.rulebook.calibration import Figures
from sakip_eval.scoring.calibration import CalibrationReport, calibrate_many
from sakip_eval.scoring.prediction import Prediction, predict

ROOT = Path(__file__).resolve().parent.parent
CALIBRATION_SET = ROOT / "benchmarks" / "calibration"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z-]+) -->\n)(.*?)(<!-- end: (?P=name) -->)", re.S)


@dataclass(frozen=True)
class KnownGrades:
    """A case whose evaluator's grades per sub-component are known, and the grades predicted for it."""

    name: str
    actual: dict[str, str]
    predicted: dict[str, str]
    rules_only: dict[str, str]


@dataclass(frozen=True)
class Calibrations:
    """The three ways `calibrate` is run over the calibration set."""

    in_sample: CalibrationReport
    leave_one_out: CalibrationReport
    rules_only: CalibrationReport


class Sources:
    """What the tables are made from, each computed once and only when a table asks for it (the calibration
    runs take seconds)."""

    def __init__(self, calibration_set: Path = CALIBRATION_SET) -> None:
        self.calibration_set = calibration_set

    @cached_property
    def book(self) -> Rulebook:
        return load_rulebook()

    @cached_property
    def calibrations(self) -> Calibrations:
        paths = [self.calibration_set]
        return Calibrations(calibrate_many(paths), calibrate_many(paths, leave_one_out_=True),
                            calibrate_many(paths, without_history=True))

    @cached_property
    def known_grades(self) -> list[KnownGrades]:
        out = []
        for case in self.calibrations.in_sample.cases:
            ws = load_workspace(case.path)
            assert ws.meta.actual is not None  # calibrate refuses a case without it
            actual = {sub: grade for sub, grade in ws.meta.actual.subcomponents.items() if isinstance(grade, str)}
            if actual:
                out.append(KnownGrades(case.name, actual, _grades(predict(ws)),
                                       _grades(predict(ws.without_history()))))
        return out


def _grades(pred: Prediction) -> dict[str, str]:
    return {sub.id: sub.grade for comp in pred.components for sub in comp.subcomponents}


def checks_table(sources: Sources) -> str:
    book = sources.book
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


def _num(value: Decimal | None) -> str:
    return "-" if value is None else format_id(value)


def calibration_cases_table(sources: Sources) -> str:
    runs = sources.calibrations
    rows = ["| kasus | tahun lalu | prediksi | galat | prediksi LOO | galat LOO | aturan saja | aktual "
            "| predikat (prediksi/LOO/aturan/aktual) | baseline |",
            "|---|--:|--:|--:|--:|--:|--:|--:|:-:|--:|"]
    for case, loo, rules in zip(runs.in_sample.cases, runs.leave_one_out.cases, runs.rules_only.cases, strict=True):
        categories = "/".join((case.category, loo.category, rules.category, case.actual_category))
        rows.append(f"| {case.name} | {_num(case.previous)} | {_num(case.predicted)} | {_num(case.error)} | "
                    f"{_num(loo.predicted)} | {_num(loo.error)} | {_num(rules.predicted)} | {_num(case.actual)} | "
                    f"{categories} | {_num(case.baseline)} |")
    return "\n".join(rows) + "\n"


def calibration_summary_table(sources: Sources) -> str:
    runs = sources.calibrations
    rows = ["| cara | rata-rata \\|galat\\| | predikat tepat | Spearman | sebaran (SD) |", "|---|--:|--:|--:|--:|"]
    ways: list[tuple[str, Figures | None]] = [
        ("prediksi (in-sample)", runs.in_sample.prediction),
        ("prediksi (leave-one-out)", runs.leave_one_out.prediction),
        ("baseline tahun lalu + kenaikan biasa (in-sample)", runs.in_sample.baseline),
        ("baseline (leave-one-out)", runs.leave_one_out.baseline),
        ("tanpa riwayat: aturan saja", runs.rules_only.prediction),
    ]
    for label, figures in ways:
        if figures is not None:
            rows.append(f"| {label} | {_num(figures.mean_abs_error)} | {figures.category_right}/{figures.cases} | "
                        f"{_num(figures.spearman)} | {_num(figures.spread)} |")
    rows.append(f"| nilai sebenarnya (LHE) | - | - | - | {_num(runs.in_sample.actual_spread)} |")
    return "\n".join(rows) + "\n"


def calibration_grades_table(sources: Sources) -> str:
    rows: list[str] = []
    for case in sources.known_grades:
        ids = list(case.predicted)
        if not rows:
            rows += ["| kasus | | " + " | ".join(ids) + " | tepat / right |", "|---|---|" + "---|" * len(ids) + "--:|"]
        rows.append(f"| {case.name} | LKE evaluator | " + " | ".join(case.actual.get(i, "-") for i in ids) + " | |")
        for label, grades in (("prediksi", case.predicted), ("aturan saja", case.rules_only)):
            right = sum(1 for i in case.actual if grades.get(i) == case.actual[i])
            rows.append(f"| | {label} | " + " | ".join(grades[i] for i in ids) + f" | {right}/{len(case.actual)} |")
    if not rows:
        return "(belum ada kasus dengan LKE evaluator / no case with the evaluator's LKE)\n"
    return "\n".join(rows) + "\n"


TABLES: dict[str, tuple[Path, Callable[[Sources], str]]] = {
    "checks": (ROOT / "docs" / "checks.md", checks_table),
    "calibration-cases": (ROOT / "docs" / "calibration.md", calibration_cases_table),
    "calibration-summary": (ROOT / "docs" / "calibration.md", calibration_summary_table),
    "calibration-grades": (ROOT / "docs" / "calibration.md", calibration_grades_table),
}


def render(text: str, sources: Sources) -> str:
    def fill(match: re.Match[str]) -> str:
        return match.group(1) + TABLES[match.group("name")][1](sources) + match.group(4)

    return BLOCK.sub(fill, text)


def main() -> int:
    sources = Sources()
    for path in sorted({path for path, _ in TABLES.values()}):
        text = path.read_text(encoding="utf-8")
        path.write_text(render(text, sources), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
