"""`rules/<regime>/criteria-map.yaml`: which LKjIP consistency checks weaken which LKE criteria, and what a
finding then does (refute the criterion, cap its sub-component, or note it), by severity.

The map is read once into :class:`CriteriaMap`; the rules it implies (one refuting rule per criterion
that an error refutes, one capping rule per sub-component, one note rule) are generated here as ordinary
verification rules over the engine's `weakened` facts, so that reasons, recommendations, `rules show`
and `rules lint` treat them like any other rule.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sakip_eval.i18n.text import Text

MapEffect = Literal["refute", "cap", "note"]
Severity = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class RuleText(_Strict):
    """The words of a rule: what reasons, recommendations and `rules show` say (a rule file's, or those the
    criteria map gives the rules it implies)."""

    id: str = Field(pattern=r"^[a-z0-9{][a-z0-9.{}-]*$")
    title: Text
    rationale: Text
    references: list[str] = Field(default_factory=list)
    reason: Text
    recommendation: Text | None = None
    effort: int | None = Field(default=None, ge=1, le=3)


class CapText(RuleText):
    """The capping rule of each sub-component: `{sub}` in its id is the sub-component without its dot
    (`3b`), `{subcomponent}` in its texts the sub-component (`3.b`)."""

    grade: str


class MapCriterion(_Strict):
    checks: list[str] = Field(min_length=1)
    error: MapEffect | None = None
    refute: RuleText | None = None


class CriteriaMap(_Strict):
    effects: dict[Severity, MapEffect]
    cap: CapText
    note: RuleText
    criteria: dict[str, MapCriterion]

    def effect(self, criterion: str, severity: str) -> MapEffect:
        """What a finding of `severity` does to `criterion` (which lists its check)."""
        entry = self.criteria[criterion]
        if severity == "error" and entry.error is not None:
            return entry.error
        return self.effects[severity]  # type: ignore[index]

    def criteria_of(self, check: str) -> list[str]:
        """The criteria a check's findings weaken, in the map's order."""
        return [c for c, entry in self.criteria.items() if check in entry.checks]


def fill(text: Text, **values: str) -> Text:
    """`{name}` placeholders of a generated rule's text."""
    def sub(template: str) -> str:
        for key, value in values.items():
            template = template.replace("{" + key + "}", value)
        return template

    return Text(id=sub(text.id), en=sub(text.en))
