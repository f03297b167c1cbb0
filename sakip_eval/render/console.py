"""The command line's consoles: rich consoles that cannot print a control character from user text.

Renderers build their tables from :func:`user_text` (user text through :func:`sakip_eval.render.safe.visible`,
never read as rich markup), so widths are right and a text stays in its cell. As a second line of
defence, a render hook applies the same sanitiser to every segment after layout: rich's own control
segments and the line ends of the layout pass, anything else a renderer forgot is shown escaped.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderHook, RenderResult
from rich.segment import Segment
from rich.text import Text as RichText

from sakip_eval.render.safe import UNSAFE, visible


def user_text(value: object, style: str = "") -> RichText:
    """A rich Text of user text: one line of plain characters, never markup."""
    return RichText(visible(str(value)), style=style)


class _Sanitised:
    """A renderable whose segments are cleaned after layout (a multi-line renderable keeps its lines)."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or not UNSAFE.search(segment.text.replace("\n", "")):
                yield segment
            else:
                yield Segment("\n".join(visible(line) for line in segment.text.split("\n")), segment.style)


class _Guard(RenderHook):
    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Sanitised(renderable) for renderable in renderables]


def guard(console: Console) -> Console:
    """`console`, with every print going through the sanitiser after layout."""
    console.push_render_hook(_Guard())
    return console
