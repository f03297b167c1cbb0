"""JSON text as sakip-eval writes it: UTF-8 as is (control and bidi characters escaped), two-space indent,
numbers rounded to two decimals (the LHE's precision), dates in ISO form, a final newline. The same data
gives the same bytes.

A number stays a Decimal in the dicts that every output is drawn from (:func:`number` rounds it, it does not
make it a float): HTML, Markdown, CSV and the terminal format the exact value, and only the JSON text writes
it as a JSON number.

Kept apart from the shapes of predictions (:mod:`sakip_eval.render.json`) so that commands that only
print JSON (`schema`, `rules`, `lhe check`) do not load the prediction and its rule engine.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sakip_eval.render.safe import json_escape
from sakip_eval.scoring.grades import round2


def number(value: Decimal) -> Decimal:
    """A number as outputs show it: rounded to two decimals, still exact."""
    return round2(value)


def dumps(data: Any) -> str:
    """JSON text, UTF-8 kept readable, with every control and bidi character escaped (render/safe.py)."""
    return json_escape(json.dumps(data, ensure_ascii=False, indent=2, default=_default)) + "\n"


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
