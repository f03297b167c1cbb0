"""A text in both languages as rule files write it (`{id: ..., en: ...}`).

Apart from the message tables in :mod:`sakip_eval.i18n` because it is a pydantic model: commands that only
print messages (`--help`, `schema`, an error) then start without loading pydantic's model machinery.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sakip_eval.i18n import Lang


class Text(BaseModel):
    """A user-facing text in both languages, as written in rule files."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.id if lang is Lang.ID else self.en
