"""Rich views for a person at a terminal. The only module that imports rich.

Every builder returns a renderable; the CLI prints it. Facts come as a table
when there are ``NARROW`` columns or more, else as a stacked list that wraps
cleanly instead of shredding words into a six-column grid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from chipfacts.model.records import Attribute, Entity, Fact, Source, Status
from chipfacts.render.display import count_noun, format_value
from chipfacts.views.browse import Profile
from chipfacts.views.compare import Comparison, point_value

NARROW = 80
BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"

STATUS_STYLE = {
    Status.REPORTED: "",
    Status.CLAIMED: "yellow",
    Status.ESTIMATED: "cyan",
    Status.FORECAST: "magenta",
    Status.PLANNED: "blue",
}


def _status(fact: Fact) -> Text:
    return Text(fact.status.value, style=STATUS_STYLE[fact.status])


def _value(fact: Fact) -> Text:
    value = Text(format_value(fact), style="bold")
    if fact.context:
        value.append(f"\n{fact.context}", style="dim")
    if fact.note:  # a doubt about the source belongs next to the number
        value.append(f"\nNote: {fact.note}", style="dim italic")
    return value


def _facts_table(facts: Sequence[Fact], title: str | None, entity_column: bool = True) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    if entity_column:
        table.add_column("Entity")
    table.add_column("Attribute")
    table.add_column("Value", ratio=3)
    table.add_column("As of", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Source", no_wrap=True)
    previous = None
    for fact in facts:
        label = fact.attribute.label if entity_column or fact.attribute != previous else ""
        cells: list[RenderableType] = [
            label,
            _value(fact),
            str(fact.as_of),
            _status(fact),
            fact.source.id,
        ]
        table.add_row(*([fact.entity.name] if entity_column else []), *cells)
        previous = fact.attribute
    return table


def _facts_stack(facts: Sequence[Fact], title: str | None) -> Group:
    blocks: list[RenderableType] = [Text(title, style="bold")] if title else []
    for fact in facts:
        head = Text(f"{fact.entity.name} · {fact.attribute.label}", style="bold")
        meta = Text(f"{fact.as_of} · ", style="dim")
        meta.append_text(_status(fact))
        meta.append(f" · {fact.source.id}", style="dim")
        blocks.append(Group(Text(""), head, _value(fact), meta))
    return Group(*blocks)


def facts_view(console: Console, facts: Sequence[Fact], title: str | None = None) -> RenderableType:
    if console.width >= NARROW:
        return _facts_table(facts, title)
    return _facts_stack(facts, title)


# --- compare ---------------------------------------------------------------------


def _bar(fraction: float) -> str:
    eighths = round(max(0.0, min(fraction, 1.0)) * BAR_WIDTH * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def comparison_view(console: Console, comparison: Comparison) -> RenderableType:
    names = " vs ".join(e.name for e in comparison.entities)
    sources = comparison.sources()
    notes = {source.id: number for number, source in enumerate(sources, 1)}
    table = Table(title=names, title_justify="left", header_style="bold", show_lines=True)
    table.add_column("Attribute")
    for entity in comparison.entities:
        table.add_column(
            Text(f"{entity.name}\n{entity.kind}", justify="left"), ratio=1, overflow="fold"
        )
    doubts: list[Fact] = []
    for row in comparison.rows:
        points = [point_value(f) for e in comparison.entities for f in row.cells[e.id][:1]]
        top = max((abs(p) for p in points if p is not None), default=0.0)
        cells: list[RenderableType] = []
        for position, entity in enumerate(comparison.entities):
            facts = row.cells[entity.id]
            if not facts:
                cells.append(Text("—", style="dim"))
                continue
            cell = Text()
            for i, fact in enumerate(facts):
                if i:
                    cell.append("\n")
                cell.append(format_value(fact), style="bold")
                cell.append(f" [{notes[fact.source.id]}]", style="dim")
                if fact.note:
                    doubts.append(fact)
                    cell.append(f" †{len(doubts)}", style="dim")
                if fact.status is not Status.REPORTED:
                    cell.append(" ").append_text(_status(fact))
                if fact.context and len(facts) > 1:
                    cell.append(f"\n{fact.context}", style="dim")
                if format_value(fact).lstrip("~") != str(fact.as_of):  # a date once is enough
                    cell.append(f"\n{fact.as_of}", style="dim")
                ratio = row.ratios[entity.id]
                if i == 0 and ratio is not None and top:
                    value = point_value(fact)
                    if position:
                        cell.append(f"  {ratio:.3g}×", style="bold cyan")
                    if value is not None:
                        cell.append(f"  {_bar(abs(value) / top)}", style="cyan")
            cells.append(cell)
        table.add_row(row.attribute.label, *cells)
    footer = Text()
    for number, source in enumerate(sources, 1):
        line = f"[{number}] {source.publisher}, {source.published}: {source.title}\n"
        footer.append(line, style="dim")
    for number, fact in enumerate(doubts, 1):
        footer.append(f"†{number} {fact.note}\n", style="dim italic")
    return Group(table, footer) if footer else table


# --- show ------------------------------------------------------------------------


def profile_view(console: Console, profile: Profile) -> RenderableType:
    entity = profile.entity
    head = Text(entity.name, style="bold")
    head.append(f"  {entity.kind}", style="dim")
    if profile.maker is not None:
        head.append(f" · made by {profile.maker.name}", style="dim")
    parts: list[RenderableType] = [head]
    if entity.description:
        parts.append(Text(entity.description))
    if entity.aliases:
        parts.append(Text("Also known as: " + ", ".join(entity.aliases), style="dim"))
    own = [fact for _, facts in profile.groups for fact in facts]
    parts.append(Text(""))
    if own:
        title = count_noun(len(own), "fact")
        if console.width >= NARROW:
            parts.append(_facts_table(own, title, entity_column=False))
        else:
            parts.append(_facts_stack(own, title))
    else:
        parts.append(Text("No facts of its own.", style="dim"))
    if profile.mentions:
        title = "Mentioned in " + count_noun(len(profile.mentions), "other fact")
        parts.append(Text(""))
        parts.append(facts_view(console, profile.mentions, title))
    return Group(*parts)


# --- list, sources, timeline -------------------------------------------------------


def entities_view(console: Console, entities: Sequence[Entity], counts: Counter[str]) -> Table:
    table = Table(
        title=count_noun(len(entities), "entity"), title_justify="left", header_style="bold"
    )
    for column in ("Id", "Name", "Kind", "Maker", "Facts", "Aliases"):
        table.add_column(column, justify="right" if column == "Facts" else "left")
    for e in entities:
        table.add_row(e.id, e.name, e.kind, e.maker or "", str(counts[e.id]), ", ".join(e.aliases))
    return table


def attributes_view(
    console: Console, attributes: Sequence[Attribute], counts: Counter[str]
) -> Table:
    table = Table(
        title=count_noun(len(attributes), "attribute"), title_justify="left", header_style="bold"
    )
    for column in ("Id", "Label", "Type", "Unit", "Facts"):
        table.add_column(column, justify="right" if column == "Facts" else "left")
    for a in attributes:
        table.add_row(a.id, a.label, a.type.value, a.unit or "", str(counts[a.id]))
    return table


def sources_view(console: Console, sources: Sequence[Source], counts: Counter[str]) -> Table:
    table = Table(
        title=count_noun(len(sources), "source"), title_justify="left", header_style="bold"
    )
    table.add_column("Id", no_wrap=True)
    table.add_column("Publisher", ratio=1)
    table.add_column("Published", no_wrap=True)
    table.add_column("Lang", no_wrap=True)
    table.add_column("Facts", justify="right")
    table.add_column("Title", ratio=2, overflow="fold")
    for s in sources:
        title = Text(s.title)
        if s.title_en:
            title.append(f"\n{s.title_en}", style="dim")
        table.add_row(s.id, s.publisher, str(s.published), s.language, str(counts[s.id]), title)
    return table


def source_view(console: Console, source: Source, facts: Sequence[Fact]) -> RenderableType:
    head = Text(source.title, style="bold")
    if source.title_en:
        head.append(f"\n{source.title_en}", style="dim")
    meta = Text(
        f"{source.publisher} · {source.published} · {source.language} · {source.file}", style="dim"
    )
    parts: list[RenderableType] = [head, meta]
    if source.note:
        parts.append(Text(source.note, style="dim italic"))
    parts.append(Text(""))
    parts.append(facts_view(console, facts, count_noun(len(facts), "fact")))
    return Group(*parts)


def timeline_view(console: Console, facts: Sequence[Fact]) -> Table:
    table = Table(
        title=count_noun(len(facts), "dated fact"), title_justify="left", header_style="bold"
    )
    table.add_column("Date", no_wrap=True)
    table.add_column("Entity")
    table.add_column("Event", ratio=3)
    table.add_column("Status", no_wrap=True)
    table.add_column("Source", no_wrap=True)
    for fact in facts:
        event = Text(fact.summary)
        if fact.note:
            event.append(f"\nNote: {fact.note}", style="dim italic")
        date = Text(format_value(fact), style="bold" if fact.status is Status.REPORTED else "")
        table.add_row(date, fact.entity.name, event, _status(fact), fact.source.id)
    return table
