"""`chipfacts chart ATTRIBUTE [ENTITY...]`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import Annotated

import typer

from chipfacts.cli.common import (
    DoubtOption,
    command_app,
    complete_attribute,
    complete_entity,
    index_for,
)
from chipfacts.render.safe import say


class ChartFormat(StrEnum):
    TEXT = "text"
    VEGA_LITE = "vega-lite"


ChartFormatOption = Annotated[
    ChartFormat,
    typer.Option(
        "--format",
        "-f",
        help="text (bars drawn in the terminal) or vega-lite (a spec with the data inlined).",
        case_sensitive=False,
    ),
]

CHART_APP = command_app()


@CHART_APP.command()
def chart(
    ctx: typer.Context,
    attribute: Annotated[
        str,
        typer.Argument(
            help="A numeric attribute: id, label or synonym.",
            show_default=False,
            metavar="ATTRIBUTE",
            autocompletion=complete_attribute,
        ),
    ],
    entities: Annotated[
        list[str] | None,
        typer.Argument(
            help="Only these entities [default: all with the attribute].",
            show_default=False,
            metavar="[ENTITY...]",
            autocompletion=complete_entity,
        ),
    ] = None,
    doubted: DoubtOption = None,
    fmt: ChartFormatOption = ChartFormat.TEXT,
) -> None:
    """Draw one attribute across entities: a bar per fact in base units, on a log scale
    when the values span more than two decades. A bar's glyphs show its bound (█ exact,
    ▒ about, █▶ at least, ░┤ at most, ├─┤ a range); status and doubt follow the value.

    \b
    Examples:
      chipfacts chart cluster_gpus
      chipfacts chart transistors maia100 mi300x
      chipfacts chart annual_spend --format vega-lite > spend.vl.json
    """
    import shutil

    from chipfacts.render.chart import bar_chart_text, bar_chart_vega_lite
    from chipfacts.views.chart import bar_chart

    drawn = bar_chart(index_for(ctx), attribute, entities or [], doubted)
    if fmt is ChartFormat.VEGA_LITE:
        say(bar_chart_vega_lite(drawn))
    else:
        say(bar_chart_text(drawn, shutil.get_terminal_size().columns))


commands = {"chart": CHART_APP}
