"""`chipfacts compare`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from typing import Annotated

import typer

from chipfacts.cli.completion import complete_entity
from chipfacts.cli.emit import emit, nothing_found, output_format, table_view
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import DoubtOption, FieldsOption, FormatOption, JsonOption
from chipfacts.cli.settings import index_for

COMPARE_APP = command_app()


@COMPARE_APP.command()
def compare(
    ctx: typer.Context,
    entities: Annotated[
        list[str],
        typer.Argument(
            help="Two or more entities: ids, names, aliases or Chinese names.",
            show_default=False,
            metavar="ENTITY ENTITY [ENTITY...]",
            autocompletion=complete_entity,
        ),
    ],  # fmt: skip
    attribute: Annotated[
        list[str] | None,
        typer.Option(
            "--attribute", "-a", help="Only this attribute (repeatable).", show_default=False
        ),
    ] = None,
    doubted: DoubtOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Show entities side by side: every value with its unit, date, status and source.

    \b
    Examples:
      chipfacts compare maia100 mi300x
      chipfacts compare athena "MI 300X" h200
      chipfacts compare maia100 mi300x -a transistors -a node
      chipfacts compare mai-1-preview openai-2020-supercomputer --json
      chipfacts compare h100 h200 --no-doubted
    """
    # lazy: --help imports all commands; only `compare` needs its view (19 ms)
    from chipfacts.render.serialize import comparison_output
    from chipfacts.views.compare import compare as build

    output = output_format(ctx, fmt, as_json, fields)
    with nothing_found(output, "compare", fields=fields):
        comparison = build(index_for(ctx), entities, attribute, doubted)

    view = table_view("comparison_view", comparison)
    emit(output, lambda: comparison_output(comparison), view, fields)


command = Command(COMPARE_APP, listed=20)
