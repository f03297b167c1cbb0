"""The terminal's tables: rich's, with nothing cut: headings keep their words whole and a cell too long for its
column folds onto the next line (rich's default is to end it with `…`, losing an id or a path a user copies).

On a narrow terminal rich gives a flexible column its share of the width even when that is less than its
heading's longest word, and cuts or folds the heading mid-word (`Tertuli s`, `Evide…`). Here, once rich has
chosen the widths, a column narrower than its longest word takes the columns it lacks from the column with the
most room to spare, so headings and cells wrap between words for as long as the terminal allows."""

from __future__ import annotations

from rich import table
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text


class Table(table.Table):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for column in self.columns:
            if column.overflow == "ellipsis":
                column.overflow = "fold"
        return super().__rich_console__(console, options)

    def _calculate_column_widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        """Rich's widths, then two passes in which a column short of a width takes what it lacks, a column at a
        time, from the wrapping column with the most room above its own need: first every heading's longest
        word, then each column's longest word (of heading or cells; the whole text when it does not wrap) up to
        an even share of the terminal, so one long id cannot squeeze every other column."""
        widths = super()._calculate_column_widths(console, options)
        padding = [self._get_padding_width(i) for i in range(len(self.columns))]
        headings = [_longest_word(c.header) + padding[i] for i, c in enumerate(self.columns)]
        share = options.max_width // max(1, len(self.columns))
        words = [max(headings[i], min(share, self._measure_column(console, options, c).minimum))
                 for i, c in enumerate(self.columns)]
        wraps = [c.width is None and not c.no_wrap for c in self.columns]
        for needs in (headings, words):
            for index, need in enumerate(needs):
                while widths[index] < need:
                    donors = [j for j in range(len(widths)) if j != index and wraps[j] and widths[j] > needs[j]]
                    if not donors:
                        break
                    donor = max(donors, key=lambda j: widths[j] - needs[j])
                    widths[donor] -= 1
                    widths[index] += 1
        return widths


def _longest_word(header: object) -> int:
    text = header.plain if isinstance(header, Text) else header if isinstance(header, str) else ""
    return max((len(word) for word in text.split()), default=0)
