"""Browsing what the store holds: `show`, `list`, `sources`, `timeline`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from chipfacts.cli.completion import complete_entity, complete_source_or_subcommand
from chipfacts.cli.emit import emit, nothing_found, output_format, table_view
from chipfacts.cli.group import command_app
from chipfacts.cli.options import (
    AllOption,
    AttributeFilter,
    DoubtOption,
    EntityArgument,
    EntityFilter,
    FieldsOption,
    FormatOption,
    JsonOption,
    KindOption,
    QuotesOption,
    SinceOption,
    SourceFilter,
    StatusFilter,
    TimelineFormat,
    UntilOption,
)
from chipfacts.cli.settings import index_for, load_store
from chipfacts.cli.terminal import terminal
from chipfacts.errors import UsageError
from chipfacts.render.display import limit_note, more_hint, shown_of
from chipfacts.render.output import OutputFormat
from chipfacts.render.safe import say
from chipfacts.views.sorting import FactSort

if TYPE_CHECKING:
    from chipfacts.model.records import Fact

SHOW_APP = command_app()


@SHOW_APP.command()
def show(
    ctx: typer.Context,
    entity: EntityArgument,
    doubted: DoubtOption = None,
    quotes: QuotesOption = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """One entity's card: names, maker, description, all its facts, and where it is mentioned.

    \b
    Examples:
      chipfacts show microsoft
      chipfacts show 雅典娜
      chipfacts show maia100 --quotes
      chipfacts show h100 --json
      chipfacts show h200 --no-doubted
    """
    from chipfacts.render.serialize import profile_output
    from chipfacts.views.browse import profile

    output = output_format(ctx, fmt, as_json, fields)
    card = profile(index_for(ctx), entity, doubted)
    count = sum(len(facts) for _, facts in card.groups)

    view = table_view("profile_view", card, quotes)
    emit(output, lambda: profile_output(card, count), view, fields)


class Listing(StrEnum):
    ENTITIES = "entities"
    ATTRIBUTES = "attributes"
    FACTS = "facts"


LIST_APP = command_app()


@LIST_APP.command(name="list")
def list_(
    ctx: typer.Context,
    what: Annotated[
        Listing,
        typer.Argument(
            help="What to list: entities, attributes or facts.",
            case_sensitive=False,
            metavar="entities|attributes|facts",
        ),
    ],
    entity: EntityFilter = None,
    kind: KindOption = None,
    attribute: AttributeFilter = None,
    source: SourceFilter = None,
    status: StatusFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    doubted: DoubtOption = None,
    sort: Annotated[
        FactSort | None,
        typer.Option(
            "--sort",
            help="Sort facts by this [default: the store's order].",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Reverse the order.")] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", help="Show at most this many facts.", show_default=False),
    ] = None,
    all_: AllOption = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """List what the store holds: entities, attributes, or facts by any filter.

    Filters are repeatable; a fact passes when it matches any value of each filter
    given. --since and --until compare the date a fact is as of (2023 includes
    every day of 2023).

    \b
    Examples:
      chipfacts list entities --kind chip
      chipfacts list attributes --kind nic
      chipfacts list facts --entity maia100
      chipfacts list facts --status claimed --status estimated --sort as_of
      chipfacts list facts --source ithome-2025-09 --since 2025 --json
      chipfacts list facts --kind cluster --sort value --reverse --limit 5
      chipfacts list facts --doubted
    """
    from chipfacts.render.serialize import attributes_output, entities_output, facts_output
    from chipfacts.search.lookup import Filters
    from chipfacts.search.resolve import entities_of_kind
    from chipfacts.views.browse import attributes_of, counts, list_facts

    output = output_format(ctx, fmt, as_json, fields)
    if what is Listing.FACTS:
        filters = Filters(
            entity or (), kind or (), attribute or (), source or (), status or (), doubted,
            since, until,
        )  # fmt: skip
        if all_ and limit is not None:
            raise UsageError(f"--all conflicts with --limit {limit}; use one of them")
        with nothing_found(output, "list", "facts", fields):
            listed = list_facts(index_for(ctx), filters, sort, reverse, limit)
        title = shown_of(len(listed.facts), listed.total, "fact")
        title += more_hint(len(listed.facts), listed.total)
        view = table_view("facts_view", listed.facts, title)
        hidden = limit_note(len(listed.facts), listed.total, "fact")
        emit(output, lambda: facts_output(listed.facts), view, fields, hidden)
        return
    given = [
        name
        for name, value in (
            ("--entity", entity), ("--attribute", attribute), ("--source", source),
            ("--status", status), ("--since", since), ("--until", until),
            ("--doubted/--no-doubted", doubted), ("--sort", sort),
            ("--reverse", reverse or None), ("--limit", limit), ("--all", all_ or None),
        )
        if value is not None
    ]  # fmt: skip
    if given:
        raise UsageError(f"{', '.join(given)}: only for `list facts`, not `list {what.value}`")
    store = load_store(ctx)
    tally = counts(store)
    if what is Listing.ENTITIES:
        entities = [e for k in kind for e in entities_of_kind(store, k)] if kind else (
            entities_of_kind(store, None)
        )  # fmt: skip
        view = table_view("entities_view", entities, tally.entity)
        emit(output, lambda: entities_output(entities, tally.entity), view, fields)
    else:
        attributes, tally_of = attributes_of(store, kind or None)

        view = table_view("attributes_view", attributes, tally_of)
        emit(output, lambda: attributes_output(attributes, tally_of), view, fields)


SOURCES_APP = command_app()


@SOURCES_APP.command()
def sources(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(
            help="A source id or file name: show its facts.",
            show_default=False,
            metavar="[SOURCE]",
            autocompletion=complete_source_or_subcommand,
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """The source documents, with publisher, date, language and how many facts cite each.

    \b
    Examples:
      chipfacts sources
      chipfacts sources ithome-2025-09
      chipfacts sources 004
    """
    from chipfacts.render.serialize import source_facts_output, sources_output
    from chipfacts.search.resolve import find_source
    from chipfacts.store.store import FactFilter
    from chipfacts.views.browse import counts

    output = output_format(ctx, fmt, as_json, fields)
    store = load_store(ctx)
    if source is None:
        documents = list(store.sources.values())
        tally = counts(store).source

        view = table_view("sources_view", documents, tally)
        emit(output, lambda: sources_output(documents, tally), view, fields)
        return
    found = find_source(store, source)
    facts = store.select_facts(FactFilter(sources=[found.id]))

    view = table_view("source_view", found, facts)
    emit(output, lambda: source_facts_output(found, facts), view, fields)


TIMELINE_APP = command_app()


@TIMELINE_APP.command()
def timeline(
    ctx: typer.Context,
    entities: Annotated[
        list[str] | None,
        typer.Argument(
            help="Only events of these entities (or naming them).",
            show_default=False,
            metavar="[ENTITY...]",
            autocompletion=complete_entity,
        ),
    ] = None,  # fmt: skip
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only events on or after this date: 2023, 2023-11 or 2023-11-15.",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Only events on or before this date (2023 includes 2023-12-31).",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    doubted: DoubtOption = None,
    fmt: Annotated[
        TimelineFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "Output format [default: table on a terminal, plain when piped]; "
                "vega-lite: the chart as a Vega-Lite spec."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    chart: Annotated[
        bool,
        typer.Option(
            "--chart",
            help="Draw the events on a time axis (a year-only date spans it); "
            "--format vega-lite writes it as a Vega-Lite spec.",
        ),
    ] = False,
) -> None:
    """Dated facts in order: launches, acquisitions, development starts, quotas, plans.

    \b
    Examples:
      chipfacts timeline
      chipfacts timeline microsoft
      chipfacts timeline --since 2023 --until 2023-11
      chipfacts timeline maia --json
      chipfacts timeline --no-doubted
      chipfacts timeline microsoft --chart
      chipfacts timeline --chart --format vega-lite > timeline.vl.json
    """
    from chipfacts.render.serialize import timeline_output
    from chipfacts.views.browse import timeline as build

    vega = fmt is TimelineFormat.VEGA_LITE
    if chart or vega:
        if as_json or fields is not None or fmt not in (None, TimelineFormat.VEGA_LITE):
            raise UsageError(
                "--chart and --format vega-lite draw the timeline; "
                "they take no --json, --fields or other --format"
            )
        # A chart of nothing is no document: exit 1, nothing on stdout.
        _timeline_chart(ctx, build(index_for(ctx), entities, doubted, since, until), vega)
        return
    output = output_format(ctx, None if fmt is None else OutputFormat(fmt.value), as_json, fields)
    with nothing_found(output, "timeline", fields=fields):
        events = build(index_for(ctx), entities, doubted, since, until)
    emit(output, lambda: timeline_output(events), table_view("timeline_view", events), fields)


def _timeline_chart(ctx: typer.Context, events: "list[Fact]", vega: bool) -> None:
    from chipfacts.render.chart import time_chart_text, time_chart_vega_lite
    from chipfacts.views.chart import time_chart

    drawn = time_chart(events)
    text = time_chart_vega_lite(drawn) if vega else time_chart_text(drawn, terminal(ctx).columns)
    say(text)


# `sources` is built in ``cli.sources``, which adds `sources add` to this listing.
commands = {"show": SHOW_APP, "list": LIST_APP, "timeline": TIMELINE_APP}
