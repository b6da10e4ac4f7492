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
from chipfacts.views.conflicts import Conflict, Disagreement
from chipfacts.views.fact import FactDetail

NARROW = 80
BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"

DOUBT_MARK = "⚠"  # beside a doubted value, numbered, with its footnote below
CONFLICT_MARK = "≠"  # beside a value another fact shown disagrees with

STATUS_STYLE = {
    Status.REPORTED: "",
    Status.CLAIMED: "yellow",
    Status.ESTIMATED: "cyan",
    Status.FORECAST: "magenta",
    Status.PLANNED: "blue",
}


def _status(fact: Fact) -> Text:
    return Text(fact.status.value, style=STATUS_STYLE[fact.status])


def _value(fact: Fact, doubts: list[Fact] | None = None, quotes: bool = False) -> Text:
    """A fact's value with its context, who claims it and its note (and with
    ``quotes``, the verbatim quote); its doubt as a numbered mark (collected in
    ``doubts`` for the footnotes), or in full when there are none."""
    value = Text(format_value(fact), style="bold")
    if fact.doubt and doubts is not None:
        doubts.append(fact)
        value.append(f" {DOUBT_MARK}{len(doubts)}", style="bold yellow")
    if fact.context:
        value.append(f"\n{fact.context}", style="dim")
    if fact.claimed_by is not None:
        value.append(f"\nclaimed by {fact.claimed_by.name}", style="dim")
    if quotes:
        value.append(f"\n“{fact.quote}”", style="italic")
    if fact.note:  # a doubt about the source belongs next to the number
        value.append(f"\nNote: {fact.note}", style="dim italic")
    if fact.doubt and doubts is None:
        value.append(f"\n{DOUBT_MARK} {fact.doubt.kind.value}: {fact.doubt.reason}", style="yellow")
    return value


def _doubt_notes(doubts: Sequence[Fact]) -> Text:
    """The footnotes of numbered doubt marks: ``⚠1 unconfirmed: reason``."""
    notes = Text()
    for number, fact in enumerate(doubts, 1):
        assert fact.doubt is not None
        notes.append(f"{DOUBT_MARK}{number} {fact.doubt.kind.value}: {fact.doubt.reason}\n")
    return notes


def _with_notes(table: Table, doubts: Sequence[Fact]) -> RenderableType:
    if not doubts:
        return table
    notes = _doubt_notes(doubts)
    notes.rstrip()
    return Group(table, notes)


def _facts_table(
    facts: Sequence[Fact], title: str | None, entity_column: bool = True, quotes: bool = False
) -> RenderableType:
    table = Table(title=title, title_justify="left", header_style="bold")
    if entity_column:
        table.add_column("Entity", overflow="fold")
    table.add_column("Attribute", overflow="fold")
    table.add_column("Value", ratio=3, overflow="fold")
    table.add_column("As of", no_wrap=True, overflow="fold")
    table.add_column("Status", no_wrap=True, overflow="fold")
    table.add_column("Source", no_wrap=True, overflow="fold")
    previous = None
    doubts: list[Fact] = []
    for fact in facts:
        label = fact.attribute.label if entity_column or fact.attribute != previous else ""
        cells: list[RenderableType] = [
            label,
            _value(fact, doubts, quotes),
            str(fact.as_of),
            _status(fact),
            fact.source.id,
        ]
        table.add_row(*([fact.entity.name] if entity_column else []), *cells)
        previous = fact.attribute
    return _with_notes(table, doubts)


def _facts_stack(facts: Sequence[Fact], title: str | None, quotes: bool = False) -> Group:
    blocks: list[RenderableType] = [Text(title, style="bold")] if title else []
    for fact in facts:
        head = Text(f"{fact.entity.name} · {fact.attribute.label}", style="bold")
        meta = Text(f"{fact.as_of} · ", style="dim")
        meta.append_text(_status(fact))
        meta.append(f" · {fact.source.id}", style="dim")
        blocks.append(Group(Text(""), head, _value(fact, quotes=quotes), meta))
    return Group(*blocks)


def facts_view(
    console: Console, facts: Sequence[Fact], title: str | None = None, quotes: bool = False
) -> RenderableType:
    if console.width >= NARROW:
        return _facts_table(facts, title, quotes=quotes)
    return _facts_stack(facts, title, quotes)


# --- compare ---------------------------------------------------------------------


def _bar(fraction: float) -> str:
    eighths = round(max(0.0, min(fraction, 1.0)) * BAR_WIDTH * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def comparison_view(console: Console, comparison: Comparison) -> RenderableType:
    names = " vs ".join(e.name for e in comparison.entities)
    sources = comparison.sources()
    notes = {source.id: number for number, source in enumerate(sources, 1)}
    table = Table(title=names, title_justify="left", header_style="bold", show_lines=True)
    table.add_column("Attribute", overflow="fold")
    for entity in comparison.entities:
        table.add_column(
            Text(f"{entity.name}\n{entity.kind}", justify="left"), ratio=1, overflow="fold"
        )
    doubts: list[Fact] = []
    doubted: list[Fact] = []
    disagreements: list[Disagreement] = []
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
                if fact.doubt:
                    doubted.append(fact)
                    cell.append(f" {DOUBT_MARK}{len(doubted)}", style="bold yellow")
                for disagreement in comparison.conflicts_of(fact):
                    if disagreement not in disagreements:
                        disagreements.append(disagreement)
                    number = disagreements.index(disagreement) + 1
                    cell.append(f" {CONFLICT_MARK}{number}", style="bold red")
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
    footer.append_text(_doubt_notes(doubted))
    for number, d in enumerate(disagreements, 1):
        footer.append(f"{CONFLICT_MARK}{number} {_disagreement_line(d)}\n")
    return Group(table, footer) if footer else table


def _disagreement_line(d: Disagreement) -> str:
    """``Alpha, Launched: 2023-11-14 (forecast as of 2023-10, src) vs …: why``."""
    sides = (
        f"{format_value(f)} ({f.status.value} as of {f.as_of}, {f.source.id})"
        for f in (d.first, d.second)
    )
    return f"{d.first.entity.name}, {d.first.attribute.label}: {' vs '.join(sides)}: {d.reason()}"


# --- show ------------------------------------------------------------------------


def profile_view(console: Console, profile: Profile, quotes: bool = False) -> RenderableType:
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
            parts.append(_facts_table(own, title, entity_column=False, quotes=quotes))
        else:
            parts.append(_facts_stack(own, title, quotes))
    else:
        parts.append(Text("No facts of its own.", style="dim"))
    if profile.mentions:
        title = "Mentioned in " + count_noun(len(profile.mentions), "other fact")
        parts.append(Text(""))
        parts.append(facts_view(console, profile.mentions, title, quotes))
    return Group(*parts)


# --- list, sources, timeline -------------------------------------------------------


def entities_view(console: Console, entities: Sequence[Entity], counts: Counter[str]) -> Table:
    table = Table(
        title=count_noun(len(entities), "entity"), title_justify="left", header_style="bold"
    )
    for column in ("Id", "Name", "Kind", "Maker", "Facts", "Aliases"):
        table.add_column(column, justify="right" if column == "Facts" else "left", overflow="fold")
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
        table.add_column(column, justify="right" if column == "Facts" else "left", overflow="fold")
    for a in attributes:
        table.add_row(a.id, a.label, a.type.value, a.unit or "", str(counts[a.id]))
    return table


def sources_view(console: Console, sources: Sequence[Source], counts: Counter[str]) -> Table:
    table = Table(
        title=count_noun(len(sources), "source"), title_justify="left", header_style="bold"
    )
    table.add_column("Id", no_wrap=True, overflow="fold")
    table.add_column("Publisher", ratio=1, overflow="fold")
    table.add_column("Published", no_wrap=True, overflow="fold")
    table.add_column("Lang", no_wrap=True, overflow="fold")
    table.add_column("Facts", justify="right", overflow="fold")
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


def timeline_view(console: Console, facts: Sequence[Fact]) -> RenderableType:
    table = Table(
        title=count_noun(len(facts), "dated fact"), title_justify="left", header_style="bold"
    )
    table.add_column("Date", no_wrap=True, overflow="fold")
    table.add_column("Entity", overflow="fold")
    table.add_column("Event", ratio=3, overflow="fold")
    table.add_column("Status", no_wrap=True, overflow="fold")
    table.add_column("Source", no_wrap=True, overflow="fold")
    doubts: list[Fact] = []
    for fact in facts:
        event = Text(fact.summary)
        if fact.note:
            event.append(f"\nNote: {fact.note}", style="dim italic")
        date = Text(format_value(fact), style="bold" if fact.status is Status.REPORTED else "")
        if fact.doubt:
            doubts.append(fact)
            date.append(f" {DOUBT_MARK}{len(doubts)}", style="bold yellow")
        table.add_row(date, fact.entity.name, event, _status(fact), fact.source.id)
    return _with_notes(table, doubts)


# --- conflicts ---------------------------------------------------------------------


def conflicts_view(console: Console, conflicts: Sequence[Conflict]) -> RenderableType:
    """Each entity and attribute whose facts disagree: its facts one under the other,
    each with its date, status, source and id, then why they disagree."""
    table = Table(
        title=count_noun(len(conflicts), "conflict"),
        title_justify="left",
        header_style="bold",
        show_lines=True,
    )
    table.add_column("Entity", overflow="fold")
    table.add_column("Attribute", overflow="fold")
    table.add_column("Facts that disagree", ratio=1, overflow="fold")
    doubts: list[Fact] = []
    for conflict in conflicts:
        cell = Text()
        for fact in conflict.facts:
            cell.append_text(_value(fact, doubts))
            meta = Text(f"\nas of {fact.as_of} · ", style="dim")
            meta.append_text(_status(fact))
            meta.append(f" · {fact.source.id} · {fact.id}\n\n", style="dim")
            cell.append_text(meta)
        for d in conflict.disagreements:
            cell.append(f"{CONFLICT_MARK} {d.first.id} vs {d.second.id}: {d.reason()}\n")
        cell.rstrip()
        table.add_row(conflict.entity.name, conflict.attribute.label, cell)
    return _with_notes(table, doubts)


# --- fact ----------------------------------------------------------------------------


def fact_view(console: Console, details: Sequence[FactDetail]) -> RenderableType:
    """Each fact whole, as labelled lines that wrap at any width."""
    parts: list[RenderableType] = []
    for detail in details:
        fact = detail.fact
        if parts:
            parts.append(Text(""))
        parts.append(Text(f"{fact.entity.name} · {fact.attribute.label}", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True, overflow="fold")
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row("Value", Text(format_value(fact), style="bold"))
        if fact.context:
            grid.add_row("Context", fact.context)
        status = _status(fact)
        if fact.claimed_by is not None:
            status.append(f" by {fact.claimed_by.name} ({fact.claimed_by.id})")
        grid.add_row("Status", status)
        grid.add_row("As of", str(fact.as_of))
        grid.add_row("Summary", fact.summary)
        grid.add_row("Quote", Text(f"“{fact.quote}”", style="italic"))
        if fact.note:
            grid.add_row("Note", fact.note)
        if fact.doubt:
            doubt = Text(f"{DOUBT_MARK} {fact.doubt.kind.value}: {fact.doubt.reason}")
            grid.add_row("Doubt", doubt)
        source = fact.source
        title = source.title + (f"\n{source.title_en}" if source.title_en else "")
        grid.add_row("Source", f"{source.id}: {title}")
        grid.add_row("", f"{source.publisher}, {source.published} · {source.file}")
        if source.url:
            grid.add_row("", source.url)
        if fact.related:
            grid.add_row("Related", ", ".join(f"{e.name} ({e.id})" for e in fact.related))
        conflicting = set(detail.conflicts_with())
        for position, other in enumerate(detail.others):
            line = Text(f"{format_value(other)} ({other.status.value}, as of {other.as_of}, ")
            line.append(f"{other.source.id}) {other.id}")
            if other.id in conflicting:
                line.append(f" {CONFLICT_MARK} disagrees", style="bold red")
            grid.add_row("Also" if position == 0 else "", line)
        for d in detail.disagreements:
            grid.add_row(Text(CONFLICT_MARK, style="bold red"), d.reason())
        grid.add_row("Id", fact.id)
        parts.append(grid)
    return Group(*parts)
