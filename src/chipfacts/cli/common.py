"""The Typer app every command registers on, and what the commands share:
the error mapping, the global options, the output options and ``emit``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from chipfacts.errors import ChipfactsError
from chipfacts.output import TEXT_RENDERERS, Output, OutputFormat, choose_format
from chipfacts.store import DATA_ENV


class ChipfactsGroup(TyperGroup):
    """Maps the ``ChipfactsError`` family to one stderr line and its exit code.

    Done here rather than around ``app()`` so that every way of running the app,
    the console script and ``CliRunner`` in tests alike, behaves the same.
    """

    # Most used first in --help (Typer would list them in import order).
    ORDER = ("search", "compare", "show", "timeline", "list", "sources", "validate")

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(
            names, key=lambda n: self.ORDER.index(n) if n in self.ORDER else len(self.ORDER)
        )

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChipfactsError as error:
            click.echo(f"chipfacts: error: {error}", err=True)
            ctx.exit(error.exit_code)


app = typer.Typer(
    cls=ChipfactsGroup,
    name="chipfacts",
    help=(
        "Look up sourced, quoted facts about AI chips, NICs, GPU clusters, quotas and spending.\n\n"
        "Examples: chipfacts search maia; chipfacts search 微軟 配额; "
        "chipfacts compare maia100 mi300x; chipfacts show microsoft; chipfacts timeline"
    ),
    no_args_is_help=True,
    # Plain click errors and help: one clear line, and no rich import on these paths.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from chipfacts import __version__

        typer.echo(f"chipfacts {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help="Fact file to read instead of the built-in store.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Sourced, quoted facts about AI compute."""
    ctx.obj = data


def data_option(ctx: click.Context) -> Path | None:
    """The --data value (or $CHIPFACTS_DATA), also during shell completion."""
    if isinstance(ctx.obj, Path):
        return ctx.obj
    value = ctx.find_root().params.get("data")
    return value if isinstance(value, Path) else None


def index_for(ctx: click.Context) -> Any:
    """Load the store --data names and index it for lookups."""
    from chipfacts.search import SearchIndex
    from chipfacts.store import load

    return SearchIndex(load(data_option(ctx)))


def complete_entity(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: entity ids, or for a name typed in Chinese, that name.

    Typer keeps only completions that start with what was typed, so 微 completes
    to 微软 (which every command accepts) rather than to the id ``microsoft``.
    """
    from chipfacts.store import load

    try:
        store = load(data_option(ctx))
    except ChipfactsError:
        return []  # a broken store must not break the shell
    found = []
    for entity in store.entities.values():
        if entity.id.startswith(incomplete.casefold()):
            found.append(entity.id)
            continue
        names = (n for n in (entity.name, *entity.aliases) if " " not in n)
        match = next((n for n in names if n.startswith(incomplete)), None)
        if match is not None:
            found.append(match)
    return found


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format [default: table on a terminal, plain when piped].",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]


def output_format(requested: OutputFormat | None, as_json: bool) -> OutputFormat:
    return choose_format(requested, as_json, sys.stdout.isatty())


def emit(fmt: OutputFormat, output: Callable[[], Output], table: Callable[[Any], Any]) -> None:
    """Print a result: ``table(console)`` builds the rich view, ``output()`` the rest.

    Both are callables so that only the chosen one runs (and rich is imported
    only for a table). The table builder gets the console to fit its width.
    """
    if fmt is OutputFormat.TABLE:
        from rich.console import Console

        console = Console()
        console.print(table(console))
        return
    text = TEXT_RENDERERS[fmt](output())
    if text:
        typer.echo(text)
