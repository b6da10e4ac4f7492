"""Rich views for a person at a terminal. With ``render.parts`` (its lines of parts),
the only module that imports rich's console.

Every builder returns a renderable; the CLI prints it. Each view is a table
when its columns fit the console, and stacked blocks otherwise. "Fit" is
measured from the content (``_fit``): every column at least as wide as its
longest word (or, for ids, dates and statuses, its longest line), and the
column of prose at least ``READABLE`` wide or as wide as its longest line.
A table that does not fit would break words or squeeze a sentence into a
stack of words; blocks of labelled lines read better at that width.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact, Reference, Source, Status
from chipfacts.render.display import count_noun, format_value
from chipfacts.render.parts import Parts
from chipfacts.views.browse import Profile
from chipfacts.views.compare import Comparison, point_value
from chipfacts.views.conflicts import Conflict, Disagreement
from chipfacts.views.fact import FactDetail

# The narrowest a column of prose (a value, an event, a title) may get before a
# table gives way to blocks: narrower, a sentence becomes a stack of words.
READABLE = 24
BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"

DOUBT_MARK = "⚠"  # beside a doubted value, numbered, with its footnote below
CONFLICT_MARK = "≠"  # beside a value another fact shown disagrees with


def _corroborated(fact: Fact) -> str:
    """'+1 source' for a fact other sources report too, '' otherwise: short enough
    to sit under a source id (or after it) at any width."""
    further = len(fact.further_references)
    return f"+{count_noun(further, 'source')}" if further else ""


def _source_cell(fact: Fact) -> Text:
    """A fact's source id, with its further sources counted on the line below."""
    cell = Text(fact.source.id)
    if fact.further_references:
        cell.append(f"\n{_corroborated(fact)}", style="dim")
    return cell


def _source_meta(fact: Fact) -> str:
    """A fact's source id in a line of metadata, with its further sources counted."""
    return f"{fact.source.id} {_corroborated(fact)}".rstrip()


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


def _with_id(cell: Text, fact: Fact) -> Text:
    """A cell with the fact's id on its last line, dim: what `chipfacts fact` takes."""
    cell.append(f"\n{fact.id}", style="dim")
    return cell


def _doubt_notes(doubts: Sequence[Fact]) -> Text:
    """The footnotes of numbered doubt marks: ``⚠1 unconfirmed: reason``."""
    notes = Text()
    for number, fact in enumerate(doubts, 1):
        assert fact.doubt is not None
        notes.append(f"{DOUBT_MARK}{number} {fact.doubt.kind.value}: {fact.doubt.reason}\n")
    return notes


def _with_notes(table: RenderableType, doubts: Sequence[Fact]) -> RenderableType:
    if not doubts:
        return table
    notes = _doubt_notes(doubts)
    notes.rstrip()
    return Group(table, notes)


# --- fitting a table to the console ------------------------------------------------

# Characters a line may break after without a space: CJK ideographs, kana,
# hangul and full-width forms (a line of Chinese has no spaces to break at).
_BREAKABLE = re.compile(
    "([\u2e80-\u303f\u3040-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef])"
)


class Column(NamedTuple):
    """A column of a fitted table."""

    header: str
    wrap: bool = True  # False for ids, dates and statuses: never broken
    prose: bool = False  # a sentence: must get at least READABLE columns (or all it needs)
    justify: JustifyMethod = "left"


def _plain(cell: RenderableType) -> str:
    """A cell's text, as a table measures it (a group's parts one per line)."""
    if isinstance(cell, Text | Parts):
        return cell.plain
    if isinstance(cell, Group):
        return "\n".join(_plain(part) for part in cell.renderables)
    return cell if isinstance(cell, str) else ""


def longest_word(text: str) -> int:
    """The width of the longest piece of ``text`` a line cannot break inside:
    a word, or a single character of CJK text."""
    pieces = (p for word in text.split() for p in _BREAKABLE.split(word))
    return max((cell_len(p) for p in pieces), default=0)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def fit_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], space: int
) -> list[int] | None:
    """Content widths for ``columns`` in ``space`` cells, or None when they do not fit
    without breaking a word (or an unwrappable cell), or without squeezing prose
    below ``READABLE``. Spare room goes to each column in proportion to what it
    still lacks, so the prose column gets most of it."""
    need: list[int] = []
    want: list[int] = []
    for index, column in enumerate(columns):
        texts = [column.header, *(row[index] for row in rows)]
        longest = max(_longest_line(t) for t in texts)
        want.append(max(longest, 1))
        need.append(max((longest_word(t) for t in texts), default=1) if column.wrap else longest)
    if sum(want) <= space:
        return want
    spare = space - sum(need)
    if spare < 0:
        return None
    # Short columns (names, labels) whole, if the prose still reads well beside them
    prose = [i for i, column in enumerate(columns) if column.prose]
    rest = space - sum(w for i, w in enumerate(want) if i not in prose)
    # prose gets READABLE columns, or its longest word when that is longer (an id)
    least = {i: max(need[i], min(want[i], READABLE)) for i in prose}
    if prose and rest >= sum(least.values()):
        widths = list(want)
        for i in prose:
            widths[i] = least[i]
        order = sorted(prose, key=lambda i: want[i])  # the rest shared, shortest first
        for done, i in enumerate(order):
            share = (space - sum(widths)) // (len(order) - done)
            widths[i] = min(want[i], widths[i] + share)
        widths[order[-1]] += space - sum(widths)
        return widths
    lacking = [w - n for w, n in zip(want, need, strict=True)]
    widths = [n + spare * gap // sum(lacking) for n, gap in zip(need, lacking, strict=True)]
    widths[lacking.index(max(lacking))] += space - sum(widths)  # what rounding left
    for column, width, wanted in zip(columns, widths, want, strict=True):
        if column.prose and width < min(wanted, READABLE):
            return None
    return widths


def fitted_table(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[Sequence[RenderableType]],
    title: str | None = None,
    show_lines: bool = False,
) -> Table | None:
    """A boxed table whose columns fit the console without breaking a word, or None."""
    borders = 3 * len(columns) + 1  # a rule and a space either side of each cell
    plain = [[_plain(cell) for cell in row] for row in rows]
    widths = fit_widths(columns, plain, console.width - borders)
    if widths is None:
        return None
    table = Table(title=title, title_justify="left", header_style="bold", show_lines=show_lines)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, width=width, justify=column.justify, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _blocks(title: str | None, blocks: Sequence[RenderableType]) -> Group:
    """Stacked blocks under a bold title, a blank line before each."""
    parts: list[RenderableType] = [Text(title, style="bold")] if title else []
    for block in blocks:
        parts.append(Text(""))
        parts.append(block)
    return Group(*parts)


def _dim(text: str) -> Text:
    return Text(text, style="dim")


def _facts_table(
    console: Console,
    facts: Sequence[Fact],
    title: str | None,
    entity_column: bool = True,
    quotes: bool = False,
) -> RenderableType | None:
    """Facts as a table, or None when the columns do not fit the console."""
    columns = [Column("Entity")] if entity_column else []
    columns += [
        Column("Attribute"),
        Column("Value", prose=True),
        Column("As of", wrap=False),
        Column("Status", wrap=False),
        Column("Source", wrap=False),
    ]
    rows: list[list[RenderableType]] = []
    previous = None
    doubts: list[Fact] = []
    for fact in facts:
        label = fact.attribute.label if entity_column or fact.attribute != previous else ""
        cells: list[RenderableType] = [
            label,
            _with_id(_value(fact, doubts, quotes), fact),
            str(fact.as_of),
            _status(fact),
            _source_cell(fact),
        ]
        rows.append([*([fact.entity.name] if entity_column else []), *cells])
        previous = fact.attribute
    table = fitted_table(console, columns, rows, title)
    return None if table is None else _with_notes(table, doubts)


def _facts_stack(facts: Sequence[Fact], title: str | None, quotes: bool = False) -> Group:
    blocks: list[RenderableType] = []
    for fact in facts:
        head = Parts(fact.entity.name, fact.attribute.label, style="bold")
        meta = Parts(str(fact.as_of), _status(fact), _source_meta(fact), fact.id, style="dim")
        blocks.append(Group(head, _value(fact, quotes=quotes), meta))
    return _blocks(title, blocks)


def facts_view(
    console: Console, facts: Sequence[Fact], title: str | None = None, quotes: bool = False
) -> RenderableType:
    table = _facts_table(console, facts, title, quotes=quotes)
    return table if table is not None else _facts_stack(facts, title, quotes)


# --- compare ---------------------------------------------------------------------


def _bar(fraction: float) -> str:
    eighths = round(max(0.0, min(fraction, 1.0)) * BAR_WIDTH * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


class _Footnotes(NamedTuple):
    """What the cells of a comparison point to, numbered in order of first use."""

    sources: dict[str, int]
    notes: list[Fact]
    doubted: list[Fact]
    disagreements: list[Disagreement]


def _compare_cell(
    comparison: Comparison,
    facts: Sequence[Fact],
    position: int,
    ratio: float | None,
    top: float,
    marks: _Footnotes,
) -> Text:
    """One entity's facts for one attribute: value, source number, marks, date, bar."""
    cell = Text()
    for i, fact in enumerate(facts):
        if i:
            cell.append("\n")
        cell.append(format_value(fact), style="bold")
        numbers = ",".join(str(marks.sources[r.source.id]) for r in fact.references)
        cell.append(f" [{numbers}]", style="dim")
        if fact.doubt:
            marks.doubted.append(fact)
            cell.append(f" {DOUBT_MARK}{len(marks.doubted)}", style="bold yellow")
        for disagreement in comparison.conflicts_of(fact):
            if disagreement not in marks.disagreements:
                marks.disagreements.append(disagreement)
            number = marks.disagreements.index(disagreement) + 1
            cell.append(f" {CONFLICT_MARK}{number}", style="bold red")
        if fact.note:
            marks.notes.append(fact)
            cell.append(f" †{len(marks.notes)}", style="dim")
        if fact.status is not Status.REPORTED:
            cell.append(" ").append_text(_status(fact))
        if fact.context and len(facts) > 1:
            cell.append(f"\n{fact.context}", style="dim")
        if format_value(fact).lstrip("~") != str(fact.as_of):  # a date once is enough
            cell.append(f"\n{fact.as_of}", style="dim")
        if i == 0 and ratio is not None and top:
            value = point_value(fact)
            if position:
                cell.append(f"  {ratio:.3g}×", style="bold cyan")
            if value is not None:
                cell.append(f"  {_bar(abs(value) / top)}", style="cyan")
        _with_id(cell, fact)
    return cell


def comparison_view(console: Console, comparison: Comparison) -> RenderableType:
    """Entities side by side when their columns fit; else one block per attribute,
    each entity's value on its own line."""
    names = " vs ".join(e.name for e in comparison.entities)
    sources = comparison.sources()
    marks = _Footnotes({s.id: n for n, s in enumerate(sources, 1)}, [], [], [])
    grid: list[list[Text | None]] = []  # per row, per entity: the cell, None when no fact
    for row in comparison.rows:
        points = [point_value(f) for e in comparison.entities for f in row.cells[e.id][:1]]
        top = max((abs(p) for p in points if p is not None), default=0.0)
        grid.append(
            [
                _compare_cell(comparison, facts, position, row.ratios[e.id], top, marks)
                if (facts := row.cells[e.id])
                else None
                for position, e in enumerate(comparison.entities)
            ]
        )
    columns = [Column("Attribute")] + [
        Column(f"{e.name}\n{e.kind}", prose=True) for e in comparison.entities
    ]
    rows: list[list[RenderableType]] = [
        [row.attribute.label, *(c if c is not None else _dim("—") for c in cells)]
        for row, cells in zip(comparison.rows, grid, strict=True)
    ]
    body: RenderableType | None = fitted_table(console, columns, rows, names, show_lines=True)
    if body is None:
        body = _comparison_blocks(console, comparison, grid, names)
    footer = Text()
    for number, source in enumerate(sources, 1):
        line = f"[{number}] {source.publisher}, {source.published}: {source.title}\n"
        footer.append(line, style="dim")
    for number, fact in enumerate(marks.notes, 1):
        footer.append(f"†{number} {fact.note}\n", style="dim italic")
    footer.append_text(_doubt_notes(marks.doubted))
    for number, d in enumerate(marks.disagreements, 1):
        footer.append(f"{CONFLICT_MARK}{number} {_disagreement_line(d)}\n")
    return Group(body, footer) if footer else body


def _comparison_blocks(
    console: Console, comparison: Comparison, grid: list[list[Text | None]], title: str
) -> Group:
    """A block per attribute: each entity's name and value side by side when the
    names fit beside the values, else the name above its value; the entities
    without a fact named on one line."""
    indent = 2
    named = [
        [e.name, cell.plain]
        for cells in grid
        for e, cell in zip(comparison.entities, cells, strict=True)
        if cell is not None
    ]
    columns = [Column(""), Column("", prose=True)]
    widths = fit_widths(columns, named, console.width - indent - 2)
    kinds = Parts(*(f"{e.name}: {e.kind}" for e in comparison.entities), style="dim")
    blocks: list[RenderableType] = [kinds]
    for row, cells in zip(comparison.rows, grid, strict=True):
        parts: list[RenderableType] = [Text(row.attribute.label, style="bold")]
        present = [(e, c) for e, c in zip(comparison.entities, cells, strict=True) if c]
        if widths is not None:
            table = Table.grid(padding=(0, 2, 0, 0))
            table.add_column(width=widths[0], overflow="fold")
            table.add_column(width=widths[1], overflow="fold")
            for entity, cell in present:
                table.add_row(entity.name, cell)
            parts.append(Padding(table, (0, 0, 0, indent), expand=False))
        else:
            for entity, cell in present:
                parts.append(Padding(Text(entity.name), (0, 0, 0, indent), expand=False))
                parts.append(Padding(cell, (0, 0, 0, 2 * indent), expand=False))
        missing = [e.name for e, c in zip(comparison.entities, cells, strict=True) if c is None]
        if missing:
            parts.append(
                Padding(_dim("— no fact: " + ", ".join(missing)), (0, 0, 0, indent), expand=False)
            )
        blocks.append(Group(*parts))
    return _blocks(title, blocks)


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
    name = Text.assemble((entity.name, "bold"), (f"  {entity.kind}", "dim"))
    made = f"made by {profile.maker.name}" if profile.maker is not None else ""
    parts: list[RenderableType] = [Parts(name, Text(made, style="dim"))]
    if entity.description:
        parts.append(Text(entity.description))
    if entity.aliases:
        parts.append(Text("Also known as: " + ", ".join(entity.aliases), style="dim"))
    own = [fact for _, facts in profile.groups for fact in facts]
    parts.append(Text(""))
    if own:
        title = count_noun(len(own), "fact")
        table = _facts_table(console, own, title, entity_column=False, quotes=quotes)
        parts.append(table if table is not None else _facts_stack(own, title, quotes))
    else:
        parts.append(Text("No facts of its own.", style="dim"))
    if profile.mentions:
        title = "Mentioned in " + count_noun(len(profile.mentions), "other fact")
        parts.append(Text(""))
        parts.append(facts_view(console, profile.mentions, title, quotes))
    return Group(*parts)


# --- list, sources, timeline -------------------------------------------------------


def entities_view(
    console: Console, entities: Sequence[Entity], counts: Counter[str]
) -> RenderableType:
    title = count_noun(len(entities), "entity")
    columns = [
        Column("Id", wrap=False),
        Column("Name"),
        Column("Kind", wrap=False),
        Column("Maker", wrap=False),
        Column("Facts", wrap=False, justify="right"),
        Column("Aliases", prose=True),
    ]
    rows = [
        [e.id, e.name, e.kind, e.maker or "", str(counts[e.id]), ", ".join(e.aliases)]
        for e in entities
    ]
    table = fitted_table(console, columns, rows, title)
    if table is not None:
        return table
    blocks: list[RenderableType] = []
    for e in entities:
        made = f"made by {e.maker}" if e.maker else ""
        meta = Parts(e.id, e.kind, made, count_noun(counts[e.id], "fact"), style="dim")
        lines: list[RenderableType] = [Text(e.name, style="bold"), meta]
        if e.aliases:
            lines.append(Text("Also known as: " + ", ".join(e.aliases)))
        blocks.append(Group(*lines))
    return _blocks(title, blocks)


def attributes_view(
    console: Console, attributes: Sequence[Attribute], counts: Counter[str]
) -> RenderableType:
    title = count_noun(len(attributes), "attribute")
    columns = [
        Column("Id", wrap=False),
        Column("Label"),
        Column("Type", wrap=False),
        Column("Unit", wrap=False),
        Column("Facts", wrap=False, justify="right"),
    ]
    rows = [[a.id, a.label, a.type.value, a.unit or "", str(counts[a.id])] for a in attributes]
    table = fitted_table(console, columns, rows, title)
    if table is not None:
        return table
    blocks: list[RenderableType] = []
    for a in attributes:
        meta = Parts(
            a.id, a.type.value, a.unit or "", count_noun(counts[a.id], "fact"), style="dim"
        )
        blocks.append(Group(Text(a.label, style="bold"), meta))
    return _blocks(title, blocks)


def sources_view(
    console: Console, sources: Sequence[Source], counts: Counter[str]
) -> RenderableType:
    heading = count_noun(len(sources), "source")
    columns = [
        Column("Id", wrap=False),
        Column("Publisher"),
        Column("Published", wrap=False),
        Column("Lang", wrap=False),
        Column("Facts", wrap=False, justify="right"),
        Column("Title", prose=True),
    ]
    rows: list[list[RenderableType]] = []
    for s in sources:
        title = Text(s.title)
        if s.title_en:
            title.append(f"\n{s.title_en}", style="dim")
        rows.append([s.id, s.publisher, str(s.published), s.language, str(counts[s.id]), title])
    table = fitted_table(console, columns, rows, heading)
    if table is not None:
        return table
    blocks: list[RenderableType] = []
    for s, row in zip(sources, rows, strict=True):
        head = Parts(Text(s.id, style="bold"), _dim(count_noun(counts[s.id], "fact")))
        meta = Parts(s.publisher, str(s.published), s.language, style="dim")
        blocks.append(Group(head, row[-1], meta))
    return _blocks(heading, blocks)


def source_view(console: Console, source: Source, facts: Sequence[Fact]) -> RenderableType:
    head = Text(source.title, style="bold")
    if source.title_en:
        head.append(f"\n{source.title_en}", style="dim")
    meta = Parts(source.publisher, str(source.published), source.language, source.file, style="dim")
    parts: list[RenderableType] = [head, meta]
    if source.note:
        parts.append(Text(source.note, style="dim italic"))
    parts.append(Text(""))
    parts.append(facts_view(console, facts, count_noun(len(facts), "fact")))
    return Group(*parts)


def timeline_view(console: Console, facts: Sequence[Fact]) -> RenderableType:
    title = count_noun(len(facts), "dated fact")
    columns = [
        Column("Date", wrap=False),
        Column("Entity"),
        Column("Event", prose=True),
        Column("Status", wrap=False),
        Column("Source", wrap=False),
    ]
    events: list[tuple[Text, str, Text, Text, Text]] = []
    doubts: list[Fact] = []
    for fact in facts:
        event = Text(fact.summary)
        if fact.note:
            event.append(f"\nNote: {fact.note}", style="dim italic")
        date = Text(format_value(fact), style="bold" if fact.status is Status.REPORTED else "")
        if fact.doubt:
            doubts.append(fact)
            date.append(f" {DOUBT_MARK}{len(doubts)}", style="bold yellow")
        events.append((date, fact.entity.name, event, _status(fact), _source_cell(fact)))
    rows = [
        (d, n, _with_id(e.copy(), f), s, src)
        for (d, n, e, s, src), f in zip(events, facts, strict=True)
    ]
    table = fitted_table(console, columns, rows, title)
    if table is not None:
        return _with_notes(table, doubts)
    blocks: list[RenderableType] = []
    for (date, entity, event, status, _), fact in zip(events, facts, strict=True):
        head = Parts(date, entity, style="bold")
        meta = Parts(status, _source_meta(fact), fact.id, style="dim")
        blocks.append(Group(head, event, meta))
    return _with_notes(_blocks(title, blocks), doubts)


# --- conflicts ---------------------------------------------------------------------


def conflicts_view(console: Console, conflicts: Sequence[Conflict]) -> RenderableType:
    """Each entity and attribute whose facts disagree: its facts one under the other,
    each with its date, status, source and id, then why they disagree."""
    title = count_noun(len(conflicts), "conflict")
    columns = [Column("Entity"), Column("Attribute"), Column("Facts that disagree", prose=True)]
    rows: list[list[RenderableType]] = []
    doubts: list[Fact] = []
    for conflict in conflicts:
        lines: list[RenderableType] = []
        for fact in conflict.facts:
            lines.append(_value(fact, doubts))
            as_of = f"as of {fact.as_of}"
            lines.append(Parts(as_of, _status(fact), _source_meta(fact), fact.id, style="dim"))
            lines.append(Text(""))
        for d in conflict.disagreements:
            lines.append(Text(f"{CONFLICT_MARK} {d.first.id} vs {d.second.id}: {d.reason()}"))
        rows.append([conflict.entity.name, conflict.attribute.label, Group(*lines)])
    table = fitted_table(console, columns, rows, title, show_lines=True)
    if table is not None:
        return _with_notes(table, doubts)
    blocks: list[RenderableType] = [
        Group(Parts(c.entity.name, c.attribute.label, style="bold"), row[-1])
        for c, row in zip(conflicts, rows, strict=True)
    ]
    return _with_notes(_blocks(title, blocks), doubts)


# --- fact ----------------------------------------------------------------------------


def _source_rows(grid: Table, source: Source, label: str) -> None:
    title = source.title + (f"\n{source.title_en}" if source.title_en else "")
    grid.add_row(f"Source{label}", f"{source.id}: {title}")
    grid.add_row("", Parts(f"{source.publisher}, {source.published}", source.file))
    if source.url:
        grid.add_row("", source.url)


def _reference_rows(grid: Table, reference: Reference, label: str, as_of: PartialDate) -> None:
    """One of several references: its quote (with its own date and note, if any), then
    its source."""
    grid.add_row(f"Quote{label}", Text(f"“{reference.quote}”", style="italic"))
    if reference.as_of != as_of:
        grid.add_row("", f"as of {reference.as_of}")
    if reference.note:
        grid.add_row("", Text(reference.note, style="dim italic"))
    _source_rows(grid, reference.source, label)


def fact_view(console: Console, details: Sequence[FactDetail]) -> RenderableType:
    """Each fact whole, as labelled lines that wrap at any width."""
    parts: list[RenderableType] = []
    for detail in details:
        fact = detail.fact
        if parts:
            parts.append(Text(""))
        parts.append(Parts(fact.entity.name, fact.attribute.label, style="bold"))
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
        several = len(fact.references) > 1
        if several:
            grid.add_row("Reported", f"by {count_noun(len(fact.references), 'source')}")
            for n, reference in enumerate(fact.references, 1):
                _reference_rows(grid, reference, f" {n}", fact.as_of)
        else:
            grid.add_row("Quote", Text(f"“{fact.quote}”", style="italic"))
        if fact.note:
            grid.add_row("Note", fact.note)
        if fact.doubt:
            doubt = Text(f"{DOUBT_MARK} {fact.doubt.kind.value}: {fact.doubt.reason}")
            grid.add_row("Doubt", doubt)
        if not several:
            _source_rows(grid, fact.source, "")
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
