"""Indonesian number formats in the inputs; missing is never zero."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_eval.numbers import NumberFormatError, format_en, format_id, parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("82,30", "82.30"), ("10.455.592.750", "10455592750"), ("Rp 10.455.592.750", "10455592750"),
        ("Rp. 9.669.315.336,00", "9669315336.00"), ("Rp. 10.455.592.750,-", "10455592750"), ("92,48 %", "92.48"),
        ("92,48%", "92.48"), ("104%", "104"), ("91.75", "91.75"), ("25.800", "25800"), ("0.5", "0.5"),
        ("-3,5", "-3.5"), (82, "82"), (82.3, "82.3"), ("  88,31 ", "88.31"), ("IDR 1.000", "1000"),
    ],
)
def test_reads_indonesian_numbers(raw: object, value: str) -> None:
    assert parse_number(raw) == Decimal(value)


@pytest.mark.parametrize("raw", [None, "", "-", "N/A", "n/a", "—", "  "])
def test_missing_is_none_not_zero(raw: object) -> None:
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", ["sembilan puluh", "12,3,4", "1.23.456", "82,30 poin", "Rp", "%", "1,", True, [1]])
def test_refuses_what_it_cannot_read(raw: object) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_number(raw)
    assert info.value.reason_id and info.value.reason_en


def test_formats() -> None:
    assert format_id(Decimal("82.3")) == "82,30"
    assert format_id(Decimal("10455592750")) == "10.455.592.750,00"
    assert format_en(Decimal("82.3")) == "82.30"


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_round_trip_through_indonesian_format(value: Decimal) -> None:
    assert parse_number(format_id(value)) == value
