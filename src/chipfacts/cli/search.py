"""`chipfacts search`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

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
    QuotesOption,
    SinceOption,
    SourceFilter,
    StatusFilter,
    UntilOption,
)
from chipfacts.cli.settings import index_for
from chipfacts.errors import NotFoundError, UsageError
from chipfacts.render.display import limit_note, more_hint, shown_of
from chipfacts.render.safe import say

# How many facts a search shows without --limit or --all: a screenful.
DEFAULT_LIMIT = 10

SEARCH_APP = command_app()


@SEARCH_APP.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help="Names, attributes or numbers, in English or Chinese.",
            show_default=False,
            metavar="QUERY...",
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
    quotes: QuotesOption = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", help="Show at most this many facts [default: 10].", show_default=False
        ),
    ] = None,
    all_: AllOption = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1, printing no facts, when a name was taken for another or a word "
            "matches nothing.",
        ),
    ] = False,
) -> None:
    """Find the facts that match a query, best first.

    \b
    Examples:
      chipfacts search maia transistors
      chipfacts search 微軟 配额
      chipfacts search "1.5万"
      chipfacts search mi300 --json | jq '.[0].value'
      chipfacts search nvidia --status claimed --status estimated
      chipfacts search maia --quotes
      chipfacts search nvidia --all --fields id,display -f csv
      chipfacts search h200 --no-doubted
      chipfacts search "graphcore transistors" --strict
    """
    # lazy: --help imports all commands; only `search` needs search (11 ms)
    from chipfacts.render.matched import search_output
    from chipfacts.search.lookup import Filters, find_facts

    output = output_format(ctx, fmt, as_json, fields)
    if all_ and limit is not None:
        raise UsageError(f"--all conflicts with --limit {limit}; use one of them")
    index = index_for(ctx)
    with nothing_found(output, "search", fields=fields):
        filters = Filters(
            entity or (), kind or (), attribute or (), source or (), status or (), doubted,
            since, until,
        )  # fmt: skip
        wanted = None if all_ else DEFAULT_LIMIT if limit is None else limit
        found = find_facts(index, query, filters, wanted)
    if strict and found.refused:
        raise NotFoundError("; ".join(found.refused) + " (--strict)")
    hits = found.hits
    title = shown_of(len(hits), found.total, "fact", capped=found.capped)
    title += f" for '{' '.join(query)}'" + more_hint(len(hits), found.total, found.capped)
    if found.notes:
        say(f"chipfacts: note: {'; '.join(found.notes)}", err=True)  # one line
    if found.title is not None:
        title += f" ({found.title})"

    facts = [h.fact for h in hits]
    emit(
        output,
        lambda: search_output(facts, [h.score for h in hits], found.matches),
        table_view("facts_view", facts, title, quotes),
        fields,
        limit_note(len(hits), found.total, "fact", found.capped),
    )


command = Command(SEARCH_APP, listed=10)
