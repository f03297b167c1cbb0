"""JSON text as sakip-eval writes it: UTF-8 as is, two-space indent, numbers rounded to two decimals (the
LHE's precision), dates in ISO form, a final newline. The same data gives the same bytes.

Kept apart from the shapes of predictions (:mod:`sakip_eval.render.json`) so that commands that only
print JSON (`schema`, `rules`, `lhe check`) do not load the prediction and its rule engine.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sakip_eval.scoring.grades import round2


def number(value: Decimal) -> float:
    return float(round2(value))


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n"


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
