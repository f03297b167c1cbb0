"""Indonesian number formats in, exact decimals out.

Users paste numbers from Word and Excel: `82,30`, `10.455.592.750`, `Rp. 9.669.315.336,00`, `92,48 %`,
`104%`. A dot groups thousands and a comma marks decimals; a lone dot followed by exactly three digits
is read as a thousands separator (`25.800` is 25800), any other lone dot as a decimal point (`91.75`),
because LKjIP tables mix both. `-`, `N/A` and an empty cell mean *missing*, never zero.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import BeforeValidator

from sakip_eval.i18n import Lang

MISSING_MARKERS = frozenset({"", "-", "–", "—", "n/a", "na", "#n/a", "tidak ada"})
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"(,-|\.-|,00-)$")
_DIGITS = re.compile(r"^[+-]?[0-9.,]+$")
# A whole APBN is 16 digits of Rupiah: a number beyond this is a typo (or 3.4e38 pasted in), and past
# decimal's 28-digit precision it would make rounding fail later.
MAX_DIGITS = 18
MAX_MAGNITUDE = Decimal(10) ** MAX_DIGITS


class NumberFormatError(ValueError):
    """A cell that is neither a number nor a missing marker; `reason` says why in Indonesian and English."""

    def __init__(self, value: str, reason_id: str, reason_en: str) -> None:
        super().__init__(f"{value!r}: {reason_en}")
        self.value = value
        self.reason_id = reason_id
        self.reason_en = reason_en


def parse_number(raw: object) -> Decimal | None:
    """Read `raw` (a YAML scalar) as an exact decimal; None when the cell is marked missing."""
    value = _parse(raw)
    if value is not None and value.is_finite() and abs(value) >= MAX_MAGNITUDE:
        raise NumberFormatError(str(raw)[:40], f"lebih dari {MAX_DIGITS} angka sebelum koma",
                                f"more than {MAX_DIGITS} digits before the decimal comma")
    return value


def _parse(raw: object) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NumberFormatError(str(raw), "nilai ya/tidak bukan angka", "a yes/no value is not a number")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    if not isinstance(raw, str):
        raise NumberFormatError(str(raw), "bukan angka", "not a number")
    text = raw.strip()
    if text.lower() in MISSING_MARKERS:
        return None
    text = _CURRENCY.sub("", text)
    text = text.rstrip("%").strip()
    text = _SUFFIX.sub("", text).strip()
    if not text or not _DIGITS.match(text):
        raise NumberFormatError(
            raw, "hanya boleh berisi angka, titik, koma, Rp dan %", "only digits, dots, commas, Rp and % are allowed"
        )
    return Decimal(_normalise(raw, text))


def _normalise(raw: str, text: str) -> str:
    sign = ""
    if text[0] in "+-":
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    commas, dots = text.count(","), text.count(".")
    if commas > 1:
        raise NumberFormatError(raw, "lebih dari satu koma desimal", "more than one decimal comma")
    if commas == 1:
        whole, _, fraction = text.partition(",")
        _check_groups(raw, whole)
        body = whole.replace(".", "") + "." + fraction
    elif dots > 1:
        _check_groups(raw, text)
        body = text.replace(".", "")
    elif dots == 1:
        whole, _, fraction = text.partition(".")
        body = whole + fraction if len(fraction) == 3 and whole not in ("", "0") else text
    else:
        body = text
    if body.startswith(".") or body.endswith(".") or not body.replace(".", ""):
        raise NumberFormatError(raw, "angka tidak lengkap", "incomplete number")
    try:
        return str(Decimal(sign + body))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise NumberFormatError(raw, "bukan angka", "not a number") from exc


def _check_groups(raw: str, whole: str) -> None:
    """Thousands groups after the first must have exactly three digits (`10.455.592`)."""
    groups = whole.split(".")
    if len(groups) > 1 and (not groups[0] or any(len(g) != 3 for g in groups[1:])):
        raise NumberFormatError(
            raw, "pemisah ribuan harus tiap tiga angka", "thousands separators must group three digits"
        )


Number = Annotated[Decimal, BeforeValidator(parse_number)]
OptionalNumber = Annotated[Decimal | None, BeforeValidator(parse_number)]


def places(value: Decimal) -> int:
    """Decimal places as written: `82,30` has 2, `104%` has 0. The precision a stated value claims."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_number(value: Decimal | int, lang: Lang, places: int = 2) -> str:
    """The one way a number is shown to users: Indonesian `82,30` / `10.455.592.750,00`, English `82.30`.
    Numbers reach it exact (Decimals all the way from the input), never through a float."""
    exact = Decimal(value)
    return format_id(exact, places) if lang is Lang.ID else format_en(exact, places)


def format_id(value: Decimal, places: int = 2) -> str:
    """Indonesian display: `82,30`, `10.455.592.750,00`."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{value.quantize(quantum):,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_en(value: Decimal, places: int = 2) -> str:
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum):,.{places}f}"
