"""A line of parts joined by `` · `` (a date, a status, a source, an id) that wraps
between its parts, so that no line ends or starts with a separator.

rich wraps a ``Text`` at any space, so ``2023-11 · reported · ofweek-2023-11 · id``
at 40 columns left ``·`` hanging at the end of a line (or leading the next). A
``Parts`` is laid out at the width it is given: each part goes on the line so far
when it fits there with its separator, else it starts the next line; a part
wider than a line by itself is wrapped as rich wraps any text.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

SEPARATOR = " · "


class Parts:
    """``parts`` on as few lines as the width allows, ``SEPARATOR`` between two parts
    on one line; ``style`` under all of them (a part's own style on top)."""

    def __init__(self, *parts: Text | str, style: str = "") -> None:
        self.parts = [p if isinstance(p, Text) else Text(p) for p in parts if p]
        self.style = style

    @property
    def plain(self) -> str:
        """The parts on one line, as a table measures a cell."""
        return SEPARATOR.join(part.plain for part in self.parts)

    def lines(self, width: int) -> Iterable[Text]:
        line = Text(style=self.style)
        for part in self.parts:
            if line.cell_len and line.cell_len + len(SEPARATOR) + part.cell_len > width:
                yield line
                line = Text(style=self.style)
            elif line.cell_len:
                line.append(SEPARATOR)
            line.append_text(part)
        yield line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((part.cell_len for part in self.parts), default=0)
        return Measurement(widest, max(widest, Text(self.plain).cell_len))
