"""Which way an indicator is better, read from the document's own arithmetic.

An LKjIP rarely says in words that an indicator is lower-is-better (a death rate, a stunting
prevalence, a poverty rate, a service time), but its tables show it: the capaian written beside target
and realisasi is target ÷ realisasi × 100, or (2 × target − realisasi) ÷ target × 100, where for any
other indicator it is realisasi ÷ target × 100. An indicator is drafted `direction: lower` when some of
its rows agree only with a lower-is-better formula and none agrees with the higher-is-better one; the
draft marks that guess for review. Names are not used: "Persentase penurunan angka kemiskinan" is
higher-is-better, whatever its words suggest.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sakip_eval.checks.arithmetic import HUNDRED, achievement, gap_units
from sakip_eval.importers.recognise import IndicatorRow
from sakip_eval.numbers import NumberFormatError, parse_number


def _decimal(text: str | None) -> Decimal | None:
    try:
        return parse_number(text)
    except NumberFormatError:
        return None


def lower_is_better(rows: Iterable[tuple[str, IndicatorRow]]) -> set[str]:
    """Ids of the indicators whose written capaian (rows as (indicator id, row)) shows lower is better."""
    lower: set[str] = set()
    higher: set[str] = set()
    for indicator, row in rows:
        target, realisasi, stated = (_decimal(row.values[k].value) if k in row.values else None
                                     for k in ("target", "realisasi", "capaian"))
        if target is None or realisasi is None or stated is None or target <= 0 or realisasi <= 0:
            continue
        if target == realisasi:
            continue  # 100% either way: says nothing
        as_higher = achievement(target, realisasi, "higher")
        as_lower = (achievement(target, realisasi, "lower"), (2 * target - realisasi) / target * HUNDRED)
        if as_higher is not None and gap_units(stated, as_higher) == 0:
            higher.add(indicator)
        elif any(value is not None and gap_units(stated, value) == 0 for value in as_lower):
            lower.add(indicator)
    return lower - higher
