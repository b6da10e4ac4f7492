"""`chipfacts search`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from typing import Annotated

import typer

from chipfacts.cli.common import (
    AttributeFilter,
    DoubtOption,
    EntityFilter,
    FormatOption,
    JsonOption,
    KindOption,
    QuotesOption,
    SinceOption,
    SourceFilter,
    StatusFilter,
    UntilOption,
    command_app,
    emit,
    index_for,
    output_format,
    table_view,
)
from chipfacts.errors import NotFoundError
from chipfacts.render.display import more_hint, shown_of
from chipfacts.render.output import OutputFormat

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
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many facts.")] = 10,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
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
      chipfacts search h200 --no-doubted
      chipfacts search "graphcore transistors" --strict
    """
    from chipfacts.render.matched import search_output
    from chipfacts.render.serialize import facts_output
    from chipfacts.search.lookup import Filters, find_facts

    output = output_format(fmt, as_json)
    index = index_for(ctx)
    try:
        filters = Filters(
            entity or (), kind or (), attribute or (), source or (), status or (), doubted,
            since, until,
        )  # fmt: skip
        found = find_facts(index, query, filters, limit)
    except NotFoundError:
        # Scripts still get a well-formed (empty) document on stdout.
        if output in (OutputFormat.JSON, OutputFormat.CSV):
            emit(output, lambda: facts_output([]), lambda console: None)
        raise
    if strict and found.refused:
        raise NotFoundError("; ".join(found.refused) + " (--strict)")
    hits = found.hits
    title = shown_of(len(hits), found.total, "fact", capped=found.capped)
    title += f" for '{' '.join(query)}'" + more_hint(len(hits), found.total, found.capped)
    if found.notes:
        from chipfacts.render.safe import say

        say(f"chipfacts: note: {'; '.join(found.notes)}", err=True)  # one line
    if found.title is not None:
        title += f" ({found.title})"

    facts = [h.fact for h in hits]
    emit(
        output,
        lambda: search_output(facts, [h.score for h in hits], found.matches),
        table_view("facts_view", facts, title, quotes),
    )


commands = {"search": SEARCH_APP}
