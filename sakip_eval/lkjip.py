"""`lkjip.yaml`: the performance data the LKjIP reports (DESIGN section 4).

Indicators (IKU and others) with their definition, formula, data source, person in charge and
direction. The consistency checks (issue: LKjIP consistency) extend this model with the tables.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    level: Literal["tujuan", "sasaran", "kinerja_lainnya", "program", "kegiatan", "sub_kegiatan"] = "sasaran"
    iku: bool = False
    sasaran: str | None = None
    definition: str | None = None
    formula: str | None = None
    data_source: str | None = None
    responsible: str | None = None
    direction: Literal["higher", "lower"] = "higher"
    unit: str | None = None


class Lkjip(BaseModel):
    model_config = ConfigDict(extra="forbid")

    indicators: list[Indicator] = Field(default_factory=list)
