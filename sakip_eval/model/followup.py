"""Last evaluation's recommendations and their follow-up (tindak lanjut).

Criterion 4.c.1 turns on every recommendation being closed with evidence; open ones are carried into
this year's checklist and recommendation list in the LHE's own words.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["belum", "proses", "selesai", "tidak-dapat"]
STATUSES: tuple[Status, ...] = ("belum", "proses", "selesai", "tidak-dapat")
# What a user may type for a status, in either language (`followup set --status done` under `--lang id` too).
STATUS_NAMES: dict[str, Status] = {
    "belum": "belum", "not-started": "belum",
    "proses": "proses", "in-progress": "proses",
    "selesai": "selesai", "done": "selesai",
    "tidak-dapat": "tidak-dapat", "cannot": "tidak-dapat",
}


def status_code(name: str) -> str:
    """The status a name stands for (`Done`, `in progress`, `tidak dapat` alike); unknown names come back as
    written, for the caller to refuse."""
    key = "-".join(name.strip().lower().replace("_", " ").split())
    return STATUS_NAMES.get(key, name)


class Source(BaseModel):
    """The LHE letter a recommendation comes from."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    number: str | None = None
    date: dt.date | None = None


class HistoryEntry(BaseModel):
    """One change of a recommendation, appended by `followup set`; `evidence` lists the ids that change
    added (absent in files written before it existed, which stay valid)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    date: dt.datetime | dt.date
    by: str | None = None
    old: Status | None = None
    new: Status | None = None
    note: str | None = None
    evidence: list[str] = Field(default_factory=list)


class Recommendation(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(min_length=1, max_length=40)
    text: str = Field(min_length=1)
    # the component ("1".."4") the letter lists it under; absent when the letter does not group them
    component: str | None = None
    source: Source | None = None
    status: Status = "belum"
    evidence: list[str] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)

    @property
    def closed(self) -> bool:
        """Closed for 4.c.1: done (`selesai`) and shown with evidence. `tidak-dapat` stays open, because
        the criterion asks that *every* recommendation has been followed up."""
        return self.status == "selesai" and bool(self.evidence)


class Followup(BaseModel):
    """`followup.yaml`."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    source: Source | None = None
    recommendations: list[Recommendation] = Field(default_factory=list)
