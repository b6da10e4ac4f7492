"""`chipfacts conflicts`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from typing import Annotated

import typer

from chipfacts.cli.completion import complete_entity
from chipfacts.cli.emit import emit, nothing_found, output_format, table_view
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import DoubtOption, FieldsOption, FormatOption, JsonOption
from chipfacts.cli.settings import index_for
from chipfacts.errors import NotFoundError

CONFLICTS_APP = command_app()


@CONFLICTS_APP.command()
def conflicts(
    ctx: typer.Context,
    entities: Annotated[
        list[str] | None,
        typer.Argument(
            help="Only the facts of these entities [default: the whole store].",
            show_default=False,
            metavar="[ENTITY...]",
            autocompletion=complete_entity,
        ),
    ] = None,  # fmt: skip
    doubted: DoubtOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Facts that disagree: for each entity and single-valued attribute, values that
    cannot all be true at the same time, side by side with their sources.

    \b
    Examples:
      chipfacts conflicts
      chipfacts conflicts maia100
      chipfacts conflicts --json
      chipfacts conflicts --no-doubted -f csv
    """
    # lazy: --help imports all commands; only `conflicts` needs its view (19 ms)
    from chipfacts.render.serialize import conflicts_output
    from chipfacts.views.conflicts import conflicts as build

    output = output_format(ctx, fmt, as_json, fields)
    with nothing_found(output, "conflicts", fields=fields):
        found = build(index_for(ctx), entities, doubted)
        if not found:
            where = f" among the facts of {', '.join(entities)}" if entities else ""
            raise NotFoundError(f"no conflicts{where}")

    emit(output, lambda: conflicts_output(found), table_view("conflicts_view", found), fields)


command = Command(CONFLICTS_APP, listed=80)
