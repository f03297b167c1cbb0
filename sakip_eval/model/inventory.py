"""The evidence inventory (bukti dukung): what the unit can show the evaluator.

An item records a document and the facts an evaluator checks about it: is it formalised (signed,
with a decree number), published, reviewed in tiers, how old is the data inside, since when has this
kind of document existed. Rules read these facts; they never open the documents themselves.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Formalization(BaseModel):
    """The decree or signature that makes a document official."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    number: str | None = None
    date: dt.date | None = None
    by: str | None = None


class Publication(BaseModel):
    """Where and when a document was published. `on_time: false` records a publication past its deadline
    (late, not absent): evaluators refuse "published on time" (1.b.2, 3.a.6) for it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    where: str
    date: dt.date | None = None
    on_time: bool | None = None


class Review(BaseModel):
    """One step of the tiered review trail (reviu berjenjang)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    level: str
    by: str | None = None
    date: dt.date | None = None
    result: str | None = None


class EvidenceItem(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
    type: str
    title: str = Field(min_length=1)
    year: int | None = Field(default=None, ge=1990, le=2100)
    period: str | None = None
    file: str | None = None
    formalized: Formalization | bool = False
    published: Publication | bool = False
    reviews: list[Review] = Field(default_factory=list)
    data_year: int | None = Field(default=None, ge=1990, le=2100)
    kept_since: int | None = Field(default=None, ge=1990, le=2100)
    attributes: dict[str, bool] = Field(default_factory=dict)
    notes: str | None = None

    @property
    def is_formalized(self) -> bool:
        return self.formalized is not False

    @property
    def is_published(self) -> bool:
        return self.published is not False

    @property
    def is_late(self) -> bool:
        """Published, but recorded as past its deadline."""
        return isinstance(self.published, Publication) and self.published.on_time is False


class Inventory(BaseModel):
    """`inventory.yaml`: the list of evidence items."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    items: list[EvidenceItem] = Field(default_factory=list)

    @field_validator("items", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        """`items:` with nothing under it (the template before its example is uncommented) is an empty list."""
        return [] if value is None else value
