"""Rich output for a person at a terminal. The only module that imports rich.

A table when there is room for six columns; below ``NARROW`` columns, a stacked
list (one short block per fact) that wraps cleanly instead of shredding words.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from chipfacts.display import format_value
from chipfacts.records import Fact, Status
from chipfacts.search import Hit

NARROW = 80

STATUS_STYLE = {
    Status.REPORTED: "",
    Status.CLAIMED: "yellow",
    Status.ESTIMATED: "cyan",
    Status.FORECAST: "magenta",
    Status.PLANNED: "blue",
}


def _value_text(fact: Fact) -> Text:
    value = Text(format_value(fact), style="bold")
    if fact.context:
        value.append(f"\n{fact.context}", style="dim")
    if fact.note:  # a doubt about the source belongs next to the number
        value.append(f"\nNote: {fact.note}", style="dim italic")
    return value


def _status_text(fact: Fact) -> Text:
    return Text(fact.status.value, style=STATUS_STYLE[fact.status])


def facts_table(hits: Sequence[Hit], title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold", expand=False)
    table.add_column("Entity")
    table.add_column("Attribute")
    table.add_column("Value", ratio=3)
    table.add_column("As of", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Source", no_wrap=True)
    for hit in hits:
        fact = hit.fact
        table.add_row(
            fact.entity.name,
            fact.attribute.label,
            _value_text(fact),
            str(fact.as_of),
            _status_text(fact),
            fact.source.id,
        )
    return table


def facts_stack(hits: Sequence[Hit], title: str | None = None) -> Group:
    blocks: list[RenderableType] = [Text(title, style="bold")] if title else []
    for hit in hits:
        fact = hit.fact
        head = Text(f"{fact.entity.name} · {fact.attribute.label}", style="bold")
        meta = Text(f"{fact.as_of} · ", style="dim")
        meta.append_text(_status_text(fact))
        meta.append(f" · {fact.source.id}", style="dim")
        blocks.append(Group(Text(""), head, _value_text(fact), meta))
    return Group(*blocks)


def print_facts(hits: Sequence[Hit], title: str | None = None) -> None:
    console = Console()
    view = facts_table(hits, title) if console.width >= NARROW else facts_stack(hits, title)
    console.print(view)
