"""The team's own answers (claims) per criterion, and the A/AA arguments per sub-component."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

Answer = Literal["true", "false", "na"]
# What editors accept for `met` (YAML writes true/false as booleans; the words are read as well).
MET_SCHEMA = {
    "anyOf": [{"type": "boolean"}, {"enum": ["true", "false", "na", "ya", "y", "tidak", "n/a", "-"]}],
    "default": False, "title": "Met",
    "description": "true (terpenuhi/met), false (belum/not met), na (tidak berlaku/not applicable)",
}


class Claim(BaseModel):
    """`met: true/false/na`, the evidence ids that prove it and a free note.

    `grade` (AA..E) is the team's own grade for the criterion; only the `criteria-average` method
    reads it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    met: Annotated[Answer, WithJsonSchema(MET_SCHEMA)] = "false"
    grade: str | None = None
    evidence: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("met", mode="before")
    @classmethod
    def _answer(cls, value: object) -> object:
        """YAML gives booleans for `true`/`false`; `na`, `ya`, `tidak` are accepted as words."""
        if value is True:
            return "true"
        if value is False or value is None:
            return "false"
        if isinstance(value, str):
            word = value.strip().lower()
            return {"ya": "true", "y": "true", "tidak": "false", "n/a": "na", "-": "na"}.get(word, word)
        return value


class Argument(BaseModel):
    """An appreciable effort or an innovation, with the evidence that shows it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    description: str = Field(min_length=1)
    evidence: list[str] = Field(default_factory=list)


class SubcomponentClaim(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    efforts: Argument | None = None
    innovation: Argument | None = None


class Assessment(BaseModel):
    """`assessment.yaml`."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    criteria: dict[str, Claim] = Field(default_factory=dict)
    subcomponents: dict[str, SubcomponentClaim] = Field(default_factory=dict)
