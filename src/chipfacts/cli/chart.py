"""`chipfacts chart ATTRIBUTE [ENTITY...]`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import Annotated

import typer

from chipfacts.cli.completion import complete_attribute, complete_entity
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import DoubtOption
from chipfacts.cli.settings import index_for
from chipfacts.cli.terminal import terminal
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
            help="An attribute of numbers or dates: id, label or synonym.",
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
    """Draw one attribute across entities: numbers as bars, dates on a time axis.

    Numbers: a bar per fact in base units, on a log scale when the values span more
    than two decades; a bar's glyphs show its bound (█ exact, ▒ about, █▶ at least,
    ░┤ at most, ├─┤ a range); status and doubt follow the value. Dates: each fact on
    a time axis (a date known only to the year spans it).

    \b
    Examples:
      chipfacts chart cluster_gpus
      chipfacts chart transistors maia100 mi300x
      chipfacts chart launched
      chipfacts chart annual_spend --format vega-lite > spend.vl.json
    """
    # lazy: --help imports all commands; only `chart` needs its view (20 ms)
    from chipfacts.render import chart as render
    from chipfacts.views.chart import BarChart, chart_of

    drawn = chart_of(index_for(ctx), attribute, entities or [], doubted)
    width = terminal(ctx).columns
    vega = fmt is ChartFormat.VEGA_LITE
    if isinstance(drawn, BarChart):
        text = render.bar_chart_vega_lite(drawn) if vega else render.bar_chart_text(drawn, width)
    else:
        label = drawn.events[0].fact.attribute.label  # one attribute: a title for the spec
        text = (
            render.time_chart_vega_lite(drawn, label)
            if vega
            else render.time_chart_text(drawn, width)
        )
    say(text)


command = Command(CHART_APP, listed=100)
