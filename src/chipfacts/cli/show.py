"""`chipfacts show`: one entity's card."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import typer

from chipfacts.cli.emit import emit, output_format, table_view
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import (
    DoubtOption,
    EntityArgument,
    FieldsOption,
    FormatOption,
    JsonOption,
    QuotesOption,
)
from chipfacts.cli.settings import index_for

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
    # lazy: --help imports all commands; only `show` needs its view (10 ms)
    from chipfacts.render.serialize import profile_output
    from chipfacts.views.browse import profile

    output = output_format(ctx, fmt, as_json, fields)
    card = profile(index_for(ctx), entity, doubted)
    count = sum(len(facts) for _, facts in card.groups)

    view = table_view("profile_view", card, quotes)
    emit(output, lambda: profile_output(card, count), view, fields)


command = Command(SHOW_APP, listed=30)
