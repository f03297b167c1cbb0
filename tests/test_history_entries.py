"""`history` in workspace.yaml: a bare total per evaluation year, or the previous LHE in full (the shape of
`actual`), checked against the regime with the line of the offending entry."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sakip_eval.errors import InputError
from sakip_eval.io.workspace import load_workspace

from .builders import write_workspace

FULL = {
    "total": "82,30", "category": "A", "source": "LHE 700/910/416-060/2024, 3 Mei 2024",
    "components": {"1": "26,10", "2": "26,40", "3": "13,05", "4": "16,75"},
    "subcomponents": {"1.a": "AA", "1.b": "a", "2.a": "5,40"},
}


def test_bare_totals_and_full_entries_load_side_by_side(tmp_path: Path) -> None:
    ws = load_workspace(write_workspace(tmp_path / "ws", history={2022: "79,5", 2023: "-", 2024: FULL}))
    assert ws.meta.history_totals() == {2022: Decimal("79.5"), 2023: None, 2024: Decimal("82.30")}
    entry = ws.meta.history[2024]
    assert entry is not None
    assert entry.category == "A" and entry.source == "LHE 700/910/416-060/2024, 3 Mei 2024"
    assert entry.components["4"] == Decimal("16.75")
    # grades are read case-insensitively; a score stays a number
    assert entry.subcomponents == {"1.a": "AA", "1.b": "A", "2.a": Decimal("5.40")}


def test_a_bare_total_is_a_result_with_only_a_total(tmp_path: Path) -> None:
    ws = load_workspace(write_workspace(tmp_path / "ws", history={2024: 77.65}))
    entry = ws.meta.history[2024]
    assert entry is not None and entry.total == Decimal("77.65") and entry.components == {}


@pytest.mark.parametrize(("entry", "field", "words"), [
    ({**FULL, "subcomponents": {"1.a": "AAA"}}, "history.2024.subcomponents.1.a", "AAA"),
    ({**FULL, "subcomponents": {"9.z": "A"}}, None, "9.z"),
    ({**FULL, "components": {"5": "10"}}, "history.2024.components", "`5`"),
    ({**FULL, "components": {"3": "16,00"}}, "history.2024.components.3", "15"),
    ({**FULL, "category": "Memuaskan"}, "history.2024.category", "Memuaskan"),
    ({**FULL, "subcomponents": {"3.a": "3,50"}}, "history.2024.subcomponents.3.a", "3"),
])
def test_an_entry_the_regime_cannot_hold_is_a_located_error(
    tmp_path: Path, entry: dict[str, Any], field: str | None, words: str,
) -> None:
    path = write_workspace(tmp_path / "ws", history={2024: entry})
    with pytest.raises(InputError) as caught:
        load_workspace(path)
    error = caught.value
    assert error.file is not None and error.file.endswith("workspace.yaml")
    assert error.line is not None
    if field:
        assert error.field == field
    assert words in error.render("id")


def test_actual_takes_grades_too(tmp_path: Path) -> None:
    path = write_workspace(tmp_path / "ws", meta={"actual": {"total": "87,80", "subcomponents": {"3.c": "AA"}}})
    actual = load_workspace(path).meta.actual
    assert actual is not None and actual.subcomponents == {"3.c": "AA"}
