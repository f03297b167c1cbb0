"""`workspace.yaml`: which OPD, which evaluation year and regime, and the LHE results already known
(earlier years' `history`, this year's `actual`). A shape only: :mod:`sakip_eval.io.workspace` reads the
workspace folder and :mod:`sakip_eval.io.references` checks what the files name against each other and
the rulebook.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from sakip_eval.errors import InputError
from sakip_eval.numbers import Number, parse_number

# An LHE total (history, actual): 0-100 like every AKIP score, so it always falls in a category.
Total = Annotated[Decimal, Field(ge=0, le=100), BeforeValidator(parse_number)]


def _grade_or_score(value: object) -> object:
    """A sub-component result is a grade code (`AA`, `BB`, ...; checked against the rulebook when the
    workspace loads) or a score (`5,40`)."""
    if isinstance(value, str) and value.strip().isalpha():
        return value.strip().upper()
    return parse_number(value)


SubResult = Annotated[Annotated[Decimal, Field(ge=0, le=100)] | str, BeforeValidator(_grade_or_score)]


class LheResult(BaseModel):
    """The result an LHE letter states: this year's (`actual`, for `calibrate`) or an earlier year's
    (an entry of `history`, the prior of the prediction). Components are keyed by component id ("1".."4"),
    sub-components by sub-component id ("1.a") with a grade or a score; both may be partial."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    source: str | None = None
    total: Total
    category: str | None = None
    components: dict[str, Number] = Field(default_factory=dict)
    subcomponents: dict[str, SubResult] = Field(default_factory=dict)


def _history_entry(value: object) -> object:
    """A history entry is a bare total (`"77,65"`; empty or `-` for a year without a score) or a full
    LHE result in the shape of `actual`."""
    if isinstance(value, dict) or value is None:
        return value
    total = parse_number(value)
    if total is None:
        return None
    # range-checked here so that the error names `history.<year>`, the field the user wrote
    if total < 0:
        raise PydanticCustomError("greater_than_equal", "Input should be greater than or equal to 0", {"ge": 0})
    if total > 100:
        raise PydanticCustomError("less_than_equal", "Input should be less than or equal to 100", {"le": 100})
    return {"total": value}


HistoryEntry = Annotated[LheResult | None, BeforeValidator(_history_entry)]


def _history_schema(schema: dict[str, Any]) -> None:
    """Editors see both forms of a history entry: a bare total or a full LHE result."""
    schema["properties"]["history"]["additionalProperties"]["anyOf"][1:1] = [
        {"type": "number", "minimum": 0, "maximum": 100}, {"type": "string"},
    ]


class WorkspaceFile(BaseModel):
    """`workspace.yaml`."""

    model_config = ConfigDict(extra="forbid", defer_build=True, json_schema_extra=_history_schema)

    opd: str = Field(min_length=1)
    pemda: str | None = None
    level: Literal["opd", "pemda", "satker"] = "opd"
    evaluation_year: int = Field(ge=2000, le=2100)
    performance_year: int | None = Field(default=None, ge=2000, le=2100)
    regime: str = "lke-2021"
    history: dict[int, HistoryEntry] = Field(default_factory=dict)
    actual: LheResult | None = None

    @model_validator(mode="after")
    def _years(self) -> WorkspaceFile:
        if self.performance_year is None:
            self.performance_year = self.evaluation_year - 1
        if self.performance_year >= self.evaluation_year:
            raise InputError(
                "error.years", field="performance_year",
                performance=self.performance_year, evaluation=self.evaluation_year,
            )
        return self

    def history_totals(self) -> dict[int, Decimal | None]:
        """Evaluation year -> the total its LHE stated (None for a year listed without a score)."""
        return {year: entry.total if entry else None for year, entry in sorted(self.history.items())}

    @property
    def year(self) -> int:
        """The performance year (never None after validation)."""
        assert self.performance_year is not None
        return self.performance_year
