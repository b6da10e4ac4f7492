"""`chipfacts search`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from typing import Annotated

import typer

from chipfacts.cli.common import (
    DoubtOption,
    FormatOption,
    JsonOption,
    KindOption,
    command_app,
    complete_entity,
    emit,
    index_for,
    output_format,
    table_view,
)
from chipfacts.errors import NotFoundError
from chipfacts.model.records import Status
from chipfacts.render.display import count_noun
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
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help="Only facts about this entity.",
            show_default=False,
            autocompletion=complete_entity,
        ),
    ] = None,  # fmt: skip
    kind: KindOption = None,
    attribute: Annotated[
        str | None,
        typer.Option(
            "--attribute",
            "-a",
            help="Only this attribute (id, label or synonym).",
            show_default=False,
        ),
    ] = None,  # fmt: skip
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            help="Only facts from this source (id or file name).",
            show_default=False,
        ),
    ] = None,  # fmt: skip
    status: Annotated[
        Status | None,
        typer.Option(
            "--status",
            help="Only facts with this status.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,  # fmt: skip
    doubted: DoubtOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many facts.")] = 10,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the facts that match a query, best first.

    Examples: chipfacts search maia transistors; chipfacts search 微軟 配额;
    chipfacts search "1.5万"; chipfacts search mi300 --json | jq '.[0].value';
    chipfacts search h200 --no-doubted
    """
    from chipfacts.render.serialize import facts_output
    from chipfacts.search.lookup import Filters, find_facts

    output = output_format(fmt, as_json)
    index = index_for(ctx)
    try:
        filters = Filters(entity, kind, attribute, source, status, doubted)
        found = find_facts(index, query, filters, limit)
    except NotFoundError:
        # Scripts still get a well-formed (empty) document on stdout.
        if output in (OutputFormat.JSON, OutputFormat.CSV):
            emit(output, lambda: facts_output([]), lambda console: None)
        raise
    hits = found.hits
    title = f"{count_noun(len(hits), 'fact')} for '{' '.join(query)}'"
    if found.fallback is not None:
        from chipfacts.render.safe import say

        say(f"chipfacts: note: {found.fallback}", err=True)
        title += f" ({found.fallback_title})"

    facts = [h.fact for h in hits]
    emit(
        output,
        lambda: facts_output(facts, [h.score for h in hits]),
        table_view("facts_view", facts, title),
    )


commands = {"search": SEARCH_APP}
