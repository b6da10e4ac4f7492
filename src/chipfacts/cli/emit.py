"""Printing a command's result in the format chosen: a rich view on a terminal
(through the pager when long), or text for scripts."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import click

from chipfacts.cli.pager import page
from chipfacts.cli.settings import settings
from chipfacts.cli.terminal import Terminal, terminal
from chipfacts.errors import NotFoundError, UsageError
from chipfacts.render.output import (
    TEXT_RENDERERS,
    Output,
    OutputFormat,
    choose_format,
    render_pretty_json,
)
from chipfacts.render.safe import say, scrub


def table_view(name: str, *args: Any) -> Callable[[Any], Any]:
    """A builder for the rich view ``render_table.<name>(console, *args)``.

    The module is imported only if the table is drawn: a script asking for
    JSON never pays for rich. The view gets the records ``scrub``bed: every
    string in them made visible (see ``render.safe``), so no view can print
    a raw control character from a fact file or the query.
    """

    def build(console: Any) -> Any:
        # lazy: rich (50 ms) only for a table; JSON never pays for it
        from chipfacts.render import table as render_table

        return getattr(render_table, name)(console, *scrub(args))

    return build


class Printing(NamedTuple):
    """Where and how a command prints: the format chosen, the terminal, and the
    root options about it (read once, so that printing needs no click context)."""

    fmt: OutputFormat
    terminal: Terminal
    no_color: bool
    pager: bool


def output_format(
    ctx: click.Context, requested: OutputFormat | None, as_json: bool, fields: str | None = None
) -> Printing:
    """The format to print in: the one asked for, else a table on a terminal and
    plain lines when piped. Fields are chosen for scripts: with ``--fields`` and no
    format, plain lines even on a terminal, and never a table."""
    if fields is not None and requested is OutputFormat.TABLE:
        raise UsageError("--fields selects fields of records, not of a table; use another --format")
    screen = terminal(ctx)
    chosen = choose_format(requested, as_json, screen.is_tty)
    if fields is not None and chosen is OutputFormat.TABLE:
        chosen = OutputFormat.PLAIN
    options = settings(ctx)
    return Printing(chosen, screen, options.no_color, options.pager)


@contextmanager
def nothing_found(
    printing: Printing, command: str, what: str | None = None, fields: str | None = None
) -> Iterator[None]:
    """A search or listing that finds nothing (``NotFoundError``, exit 1) still gives
    scripts a well-formed document: ``[]`` for JSON (an empty ``compare``'s object
    without rows), the header for CSV; nothing for JSON Lines and plain lines.
    (``command`` and ``what`` name the output, see ``render.empty``.)"""
    try:
        yield
    except NotFoundError:
        # lazy: only an empty result needs it (2.5 ms)
        from chipfacts.render.empty import empty_output

        def empty() -> Output:
            return empty_output(command, what)

        if printing.fmt in (OutputFormat.JSON, OutputFormat.CSV):
            emit(printing, empty, lambda console: None, fields)
        elif fields is not None:  # an unknown field is said whatever was found
            # lazy: only --fields needs it
            from chipfacts.render.fields import parse_fields

            parse_fields(fields, empty())
        raise


def emit(
    printing: Printing,
    output: Callable[[], Output],
    table: Callable[[Any], Any],
    fields: str | None = None,
    limited: str | None = None,
) -> None:
    """Print a result: ``table(console)`` builds the rich view, ``output()`` the rest,
    cut to ``fields`` (``--fields``) when given.

    ``limited`` says what a limit hid ("10 of 28 facts; --all shows all"): a
    table has it in its title; any other format has it on stderr (the exit code
    stays 0), so that nothing is cut silently. It is said once the text is
    ready and before it is written, so that it comes first on a terminal even
    through a pipe (``| cut``), whatever the timing.

    Both are callables so that only the chosen one runs (and rich is imported
    only for a table). The table builder gets the console to fit its width.
    """
    fmt, screen = printing.fmt, printing.terminal
    if fmt is OutputFormat.TABLE:
        # lazy: rich (50 ms) only for a table
        from rich.console import Console

        # A table's title says what a limit hid; on stderr too when the table
        # goes to a file or a pipe, where a person at the terminal cannot see it.
        if limited is not None and not screen.is_tty:
            say(f"chipfacts: note: {limited}", err=True)

        # rich honours NO_COLOR, FORCE_COLOR (which wins over NO_COLOR), TERM=dumb,
        # $COLUMNS and whether stdout is a terminal, read from the terminal's
        # environment and stream (``_environ`` is rich's way to give it one);
        # --no-color wins over all of them.
        # markup and emoji off: a name like "[link=file:///etc/passwd]x" or a query
        # like "maia [/x]" is text, shown as written, wherever a string reaches rich.
        console = Console(
            file=screen.stdout,
            markup=False,
            emoji=False,
            color_system=None if printing.no_color else "auto",
            _environ=screen.env,
        )
        renderable = table(console)
        if printing.pager and screen.is_tty:
            with console.capture() as captured:
                console.print(renderable)
            text = captured.get()
            if text.count("\n") > console.height and page(text, screen):
                return
            screen.stdout.write(text)
            return
        console.print(renderable)
        return
    records = output()
    if fields is not None:
        # lazy: only --fields needs it
        from chipfacts.render.fields import parse_fields, select_fields

        records = select_fields(records, parse_fields(fields, records))
    # JSON is indented for a person at a terminal and compact when piped (as gh
    # does): scripts and jq do not need the indent, and it costs the C encoder.
    if fmt is OutputFormat.JSON and screen.is_tty:
        text = render_pretty_json(records)
    else:
        text = TEXT_RENDERERS[fmt](records)
    if limited is not None:
        say(f"chipfacts: note: {limited}", err=True)
    if text:
        say(text)
