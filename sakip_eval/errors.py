"""The one kind of error a user can cause, and how it is shown.

Every failure that comes from a user's file or command line becomes an :class:`InputError` that names
the file, the line or field, what is wrong and how to fix it. The CLI turns it into exit code 2;
nothing else in the package prints tracebacks at users.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sakip_eval.i18n import Lang, t


class Interrupted(Exception):
    """Ctrl+C while a command ran (raised in place of KeyboardInterrupt, which typer would swallow)."""


class ClosedPipe(Exception):
    """The reader of the output went away (`sakip-eval score | head`): nothing more to say, to anyone."""


class InputError(Exception):
    """Bad input: a message key (see :mod:`sakip_eval.i18n`) plus where it happened."""

    def __init__(
        self,
        key: str,
        /,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        field: str | None = None,
        fix: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.fix = fix
        self.params = params

    def render(self, lang: Lang) -> str:
        where = []
        if self.file:
            where.append(self.file + (f":{self.line}" if self.line else ""))
        if self.field:
            where.append(t("error.field", lang, field=self.field))
        head = t("error.prefix", lang)
        location = f" ({', '.join(where)})" if where else ""
        text = f"{head}{location}: {t(self.key, lang, **self.params)}"
        fix_key = self.fix or (self.key + ".fix" if _has(self.key + ".fix") else None)
        if fix_key:
            text += f"\n{t('error.fix', lang)}: {t(fix_key, lang, **self.params)}"
        return text

    def __str__(self) -> str:
        return self.render(Lang.EN)


def _has(key: str) -> bool:
    from sakip_eval.i18n import MESSAGES

    return key in MESSAGES
