"""Rich tables for a person at a terminal. The only module that imports rich."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from chipfacts.display import format_value
from chipfacts.records import Status
from chipfacts.search import Hit

STATUS_STYLE = {
    Status.REPORTED: "",
    Status.CLAIMED: "yellow",
    Status.ESTIMATED: "cyan",
    Status.FORECAST: "magenta",
    Status.PLANNED: "blue",
}


def facts_table(hits: Sequence[Hit], title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold", expand=False)
    table.add_column("Entity", overflow="fold")
    table.add_column("Attribute", overflow="fold")
    table.add_column("Value", overflow="fold", ratio=3)
    table.add_column("As of", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Source", overflow="fold")
    for hit in hits:
        fact = hit.fact
        value = Text(format_value(fact), style="bold")
        if fact.context:
            value.append(f"\n{fact.context}", style="dim")
        status = Text(fact.status.value, style=STATUS_STYLE[fact.status])
        table.add_row(
            fact.entity.name, fact.attribute.label, value, str(fact.as_of), status, fact.source.id
        )
    return table


def print_table(table: Table, console: Console | None = None) -> None:
    (console or Console()).print(table)
