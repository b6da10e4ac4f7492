"""`chipfacts timeline`: dated facts in order, or on a time axis."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from typing import TYPE_CHECKING, Annotated

import typer

from chipfacts.cli.completion import complete_entity
from chipfacts.cli.emit import emit, nothing_found, output_format, table_view
from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import DoubtOption, FieldsOption, JsonOption, TimelineFormat
from chipfacts.cli.settings import index_for
from chipfacts.cli.terminal import terminal
from chipfacts.errors import UsageError
from chipfacts.render.output import OutputFormat
from chipfacts.render.safe import say

if TYPE_CHECKING:
    from chipfacts.model.records import Fact

TIMELINE_APP = command_app()


@TIMELINE_APP.command()
def timeline(
    ctx: typer.Context,
    entities: Annotated[
        list[str] | None,
        typer.Argument(
            help="Only events of these entities (or naming them).",
            show_default=False,
            metavar="[ENTITY...]",
            autocompletion=complete_entity,
        ),
    ] = None,  # fmt: skip
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only events on or after this date: 2023, 2023-11 or 2023-11-15.",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Only events on or before this date (2023 includes 2023-12-31).",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    doubted: DoubtOption = None,
    fmt: Annotated[
        TimelineFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "Output format [default: table on a terminal, plain when piped]; "
                "vega-lite: the chart as a Vega-Lite spec."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    chart: Annotated[
        bool,
        typer.Option(
            "--chart",
            help="Draw the events on a time axis (a year-only date spans it); "
            "--format vega-lite writes it as a Vega-Lite spec.",
        ),
    ] = False,
) -> None:
    """Dated facts in order: launches, acquisitions, development starts, quotas, plans.

    \b
    Examples:
      chipfacts timeline
      chipfacts timeline microsoft
      chipfacts timeline --since 2023 --until 2023-11
      chipfacts timeline maia --json
      chipfacts timeline --no-doubted
      chipfacts timeline microsoft --chart
      chipfacts timeline --chart --format vega-lite > timeline.vl.json
    """
    # lazy: --help imports all commands; only `timeline` needs its view (10 ms)
    from chipfacts.render.serialize import timeline_output
    from chipfacts.views.browse import timeline as build

    vega = fmt is TimelineFormat.VEGA_LITE
    if chart or vega:
        if as_json or fields is not None or fmt not in (None, TimelineFormat.VEGA_LITE):
            raise UsageError(
                "--chart and --format vega-lite draw the timeline; "
                "they take no --json, --fields or other --format"
            )
        # A chart of nothing is no document: exit 1, nothing on stdout.
        _timeline_chart(ctx, build(index_for(ctx), entities, doubted, since, until), vega)
        return
    output = output_format(ctx, None if fmt is None else OutputFormat(fmt.value), as_json, fields)
    with nothing_found(output, "timeline", fields=fields):
        events = build(index_for(ctx), entities, doubted, since, until)
    emit(output, lambda: timeline_output(events), table_view("timeline_view", events), fields)


def _timeline_chart(ctx: typer.Context, events: "list[Fact]", vega: bool) -> None:
    # lazy: only --chart draws (20 ms)
    from chipfacts.render.chart import time_chart_text, time_chart_vega_lite
    from chipfacts.views.chart import time_chart

    drawn = time_chart(events)
    text = time_chart_vega_lite(drawn) if vega else time_chart_text(drawn, terminal(ctx).columns)
    say(text)


command = Command(TIMELINE_APP, listed=50)
