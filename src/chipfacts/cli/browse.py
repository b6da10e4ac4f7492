"""Browsing what the store holds: `show`, `list`, `sources`, `timeline`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import Annotated

import typer

from chipfacts.cli.common import (
    DoubtOption,
    EntityArgument,
    FormatOption,
    JsonOption,
    KindOption,
    command_app,
    complete_entity,
    emit,
    index_for,
    load_store,
    output_format,
    table_view,
)
from chipfacts.errors import UsageError
from chipfacts.render.display import count_noun

SHOW_APP = command_app()


@SHOW_APP.command()
def show(
    ctx: typer.Context,
    entity: EntityArgument,
    doubted: DoubtOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """One entity's card: names, maker, description, all its facts, and where it is mentioned.

    Examples: chipfacts show microsoft; chipfacts show 雅典娜; chipfacts show h100 --json;
    chipfacts show h200 --no-doubted
    """
    from chipfacts.render.serialize import profile_output
    from chipfacts.views.browse import profile

    output = output_format(fmt, as_json)
    card = profile(index_for(ctx), entity, doubted)
    count = sum(len(facts) for _, facts in card.groups)

    emit(output, lambda: profile_output(card, count), table_view("profile_view", card))


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
    kind: KindOption = None,
    doubted: DoubtOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """List what the store holds, with how many facts each has.

    Examples: chipfacts list entities --kind chip; chipfacts list attributes;
    chipfacts list facts --kind cluster --json; chipfacts list facts --doubted
    """
    from chipfacts.render.serialize import attributes_output, entities_output, facts_output
    from chipfacts.search.resolve import entities_of_kind
    from chipfacts.views.browse import counts

    output = output_format(fmt, as_json)
    store = load_store(ctx)
    tally = counts(store)
    entities = entities_of_kind(store, kind)
    if doubted is not None and what is not Listing.FACTS:
        raise UsageError("--doubted and --no-doubted apply to facts, not entities or attributes")
    if what is Listing.ENTITIES:
        view = table_view("entities_view", entities, tally.entity)
        emit(output, lambda: entities_output(entities, tally.entity), view)
    elif what is Listing.ATTRIBUTES:
        if kind is not None:
            raise UsageError("--kind applies to entities and facts, not attributes")
        attributes = list(store.attributes.values())

        view = table_view("attributes_view", attributes, tally.attribute)
        emit(output, lambda: attributes_output(attributes, tally.attribute), view)
    else:
        facts = store.select_facts(kinds=[kind] if kind else None, doubted=doubted)

        view = table_view("facts_view", facts, count_noun(len(facts), "fact"))
        emit(output, lambda: facts_output(facts), view)


SOURCES_APP = command_app()


@SOURCES_APP.command()
def sources(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(
            help="A source id or file name: show its facts.", show_default=False, metavar="[SOURCE]"
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """The source documents, with publisher, date, language and how many facts cite each.

    Examples: chipfacts sources; chipfacts sources ithome-2025-09; chipfacts sources 004
    """
    from chipfacts.render.serialize import source_facts_output, sources_output
    from chipfacts.search.resolve import find_source
    from chipfacts.views.browse import counts

    output = output_format(fmt, as_json)
    store = load_store(ctx)
    if source is None:
        documents = list(store.sources.values())
        tally = counts(store).source

        emit(
            output,
            lambda: sources_output(documents, tally),
            table_view("sources_view", documents, tally),
        )
        return
    found = find_source(store, source)
    facts = store.select_facts(sources=[found.id])

    emit(output, lambda: source_facts_output(found, facts), table_view("source_view", found, facts))


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
    doubted: DoubtOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Dated facts in order: launches, acquisitions, development starts, quotas, plans.

    Examples: chipfacts timeline; chipfacts timeline microsoft; chipfacts timeline maia --json;
    chipfacts timeline --no-doubted
    """
    from chipfacts.render.serialize import timeline_output
    from chipfacts.views.browse import timeline as build

    output = output_format(fmt, as_json)
    events = build(index_for(ctx), entities, doubted)

    emit(output, lambda: timeline_output(events), table_view("timeline_view", events))


commands = {"show": SHOW_APP, "list": LIST_APP, "sources": SOURCES_APP, "timeline": TIMELINE_APP}
