"""`chipfacts list`: entities, attributes, or facts by any filter."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import Annotated

import typer

from chipfacts.cli.emit import emit, nothing_found, output_format, table_view
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import (
    AllOption,
    AttributeFilter,
    DoubtOption,
    EntityFilter,
    FieldsOption,
    FormatOption,
    JsonOption,
    KindOption,
    SinceOption,
    SourceFilter,
    StatusFilter,
    UntilOption,
)
from chipfacts.cli.settings import index_for, load_store
from chipfacts.errors import UsageError
from chipfacts.render.display import limit_note, more_hint, shown_of
from chipfacts.views.sorting import FactSort


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
    # lazy: --help imports all commands; only `list` needs its views (20 ms)
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


command = Command(LIST_APP, listed=60)
