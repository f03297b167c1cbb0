"""Every word a user reads, in Bahasa Indonesia first and English beside it.

Messages live in one module per area (errors, scoring, checks, follow-up, letters, history, reports,
the workbook, the rulebook, new workspaces), each a table a translator reads in one place; callers only
ever use :func:`t` and :data:`MESSAGES`, which holds them all. Indonesian nouns do not change with a count;
English ones do, and a template says both forms where a count is shown: `{count} {count:problem|problems}`.
Rule and criterion texts come from `rules/` as :class:`sakip_eval.i18n.text.Text` values.
"""

from __future__ import annotations

import re
import string
from enum import StrEnum
from typing import Any

from sakip_eval.i18n import (
    checks,
    documents,
    errors,
    followup,
    helptext,
    history,
    importers,
    letters,
    report,
    rulebook,
    scaffold,
    scoring,
    workbook,
    writes,
)
from sakip_eval.render.safe import visible


class Lang(StrEnum):
    """Output language. Indonesian is the default because the users are Indonesian civil servants."""

    ID = "id"
    EN = "en"


# Every area's messages; a key starts with its area's prefixes (`error.` in errors.py, `lhe.` in letters.py).
AREAS: dict[str, tuple[str, ...]] = {
    "errors": ("error",), "scoring": ("score", "calibrate", "plan", "batch", "explain"), "checks": ("check",),
    "followup": ("followup",), "letters": ("lhe",), "history": ("history", "diff"), "report": ("report",),
    "workbook": ("lke",), "rulebook": ("rules",), "scaffold": ("init",), "helptext": ("help",),
    "writes": ("edit", "output"), "documents": ("documents",), "importers": ("importers",),
}
MESSAGES: dict[str, tuple[str, str]] = {
    **errors.MESSAGES, **scoring.MESSAGES, **checks.MESSAGES, **followup.MESSAGES, **letters.MESSAGES,
    **history.MESSAGES, **report.MESSAGES, **workbook.MESSAGES, **rulebook.MESSAGES, **scaffold.MESSAGES,
    **helptext.MESSAGES, **writes.MESSAGES, **documents.MESSAGES, **importers.MESSAGES,
}
# `{count:problem|problems}`: the word for one, then the word for any other count
_PLURAL = re.compile(r"\{[a-z_]+:[^{}|]*\|[^{}]*\}")


class _Plurals(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        return str(super().format_field(value, format_spec))


_FORMATTER = _Plurals()


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The message `key` in `lang`, with `params` filled in (and the English singular or plural chosen).
    Parameters are names, values and texts from users' files: each goes through the output sanitiser, so a
    message keeps its own lines and holds no control character whatever it quotes."""
    indonesian, english = MESSAGES[key]
    template = indonesian if lang is Lang.ID else english
    if not params:
        return template
    params = {name: visible(value) if isinstance(value, str) else value for name, value in params.items()}
    return _FORMATTER.vformat(template, (), params) if _PLURAL.search(template) else template.format(**params)
