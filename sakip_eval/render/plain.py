"""Words for the people who read reports (the head of the OPD, the Inspektorat), not for the tool's users.

Rule texts are written once for both the terminal and the reports, and some point the team at where to act:
`(sakip-eval followup set ID --evidence BUKTI)`, `(assessment.yaml: efforts)`, `(kept_since)`, `(lkjip.yaml:575)`,
`; jalankan sakip-eval check --strict sebelum ...`. In a report those pointers are noise: :func:`plain` drops a
parenthesised pointer and a clause that names a command, names a workspace file by what it holds, a field by its
words (`pk_perubahan` as "PK perubahan"), and unquotes code spans, so the sentence reads as ordinary prose.
"""

from __future__ import annotations

import re
from functools import cache

from sakip_eval.i18n import MESSAGES, Lang, t

FILES = ("workspace", "inventory", "assessment", "lkjip", "followup")
_FILE = r"\b(?:" + "|".join(FILES) + r")\.yaml\b"
# a pointer: a command, a workspace file (with a line or a field), an option or a snake_case field name
_TECHNICAL = re.compile(r"sakip-eval|" + _FILE + r"|(?<![\w-])--[a-z]|\b[a-z]+_[a-z_]+\b|`")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_FILE_WORDS = re.compile(_FILE)
_CODE = re.compile(r"`([^`]*)`")
_COMMAND_CLAUSE = re.compile(r"[;,]?\s*[^;.()]*sakip-eval[^;.()]*(?=[;.]|$)")
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def plain(text: str, lang: Lang) -> str:
    """`text` without tool pointers (see the module's docstring); ordinary brackets stay."""

    def bracket(match: re.Match[str]) -> str:
        inside = match.group(1)
        names = {part.strip() for part in inside.split(",")}
        return "" if _TECHNICAL.search(inside) or names <= _field_names() else match.group(0)

    text = _PARENTHESES.sub(bracket, text)
    text = _COMMAND_CLAUSE.sub("", text)
    text = _SNAKE.sub(lambda m: _words(m.group(0), lang), text)
    text = _FILE_WORDS.sub(lambda m: t(f"report.file.{m.group(0).removesuffix('.yaml')}", lang), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    return re.sub(r"\s+([,.;:])", r"\1", text).strip()


@cache
def _field_names() -> frozenset[str]:
    """The English names of the workspace files' fields (`efforts`, `reviews`, `kept_since`): in brackets, a
    pointer. lkjip.yaml's fields are left out: many are Indonesian words (`pagu`, `realisasi`) a text may use."""
    from pydantic import BaseModel

    from sakip_eval.model import claims, followup, inventory, workspace

    models = [value for module in (claims, followup, inventory, workspace) for value in vars(module).values()
              if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel]
    return frozenset(name for model in models for name in model.model_fields)


def _words(name: str, lang: Lang) -> str:
    key = f"report.word.{name}"
    return t(key, lang) if key in MESSAGES else name.replace("_", " ")
