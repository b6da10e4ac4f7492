"""`chipfacts fact ID...`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import typer

from chipfacts.cli.emit import emit, output_format, table_view
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import FactIdsArgument, FieldsOption, FormatOption, JsonOption
from chipfacts.cli.settings import load_store

FACT_APP = command_app()


@FACT_APP.command()
def fact(
    ctx: typer.Context,
    ids: FactIdsArgument,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Show facts whole: the value with its bound, unit and context, status, who claims
    it, the verbatim quote, the note and any doubt, the source, related entities, and
    the other facts on the same entity and attribute (≠ marks those in conflict).
    Piped, every field of each fact as a "key: value" line.

    \b
    Examples:
      chipfacts fact maia100-transistors
      chipfacts fact nvidia-networking-revenue --json
      chipfacts fact maia100-transistors | grep -E '^(quote|source.title):'
      chipfacts search maia --format jsonl | jq -r .id | head -3 | xargs chipfacts fact
    """
    # lazy: --help imports all commands; only `fact` needs its view (20 ms)
    from chipfacts.render.serialize import fact_details_output
    from chipfacts.views.fact import fact_details

    output = output_format(ctx, fmt, as_json, fields)
    details = fact_details(load_store(ctx), ids)

    view = table_view("fact_view", details)
    emit(output, lambda: fact_details_output(details), view, fields)


command = Command(FACT_APP, listed=40)
