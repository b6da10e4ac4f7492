"""The Typer app every command registers on, and its root options."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from typing import Annotated

import typer

from chipfacts.cli.anywhere import DATA_HELP, NO_CACHE_HELP, NO_COLOR_HELP, NO_PAGER_HELP
from chipfacts.cli.group import ChipfactsGroup
from chipfacts.cli.options import PATH_TEXT, JsonOption, RootFormatOption
from chipfacts.cli.settings import Settings, data_path_option
from chipfacts.cli.terminal import terminal
from chipfacts.render.safe import say
from chipfacts.store.locate import DATA_ENV

app = typer.Typer(
    cls=ChipfactsGroup,
    name="chipfacts",
    help=(
        "Look up sourced, quoted facts about AI chips, NICs, GPU clusters, quotas and spending.\n\n"
        "\b\nExamples:\n  chipfacts search maia\n  chipfacts search 微軟 配额\n"
        "  chipfacts compare maia100 mi300x\n  chipfacts show microsoft\n"
        "  chipfacts fact maia100-transistors\n  chipfacts list facts --entity maia100\n"
        "  chipfacts timeline\n  chipfacts conflicts\n"
    ),
    no_args_is_help=True,
    # Plain click errors and help: one clear line, and no rich import on these paths.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        # lazy: only --version reads it
        from chipfacts.version import version

        say(f"chipfacts {version()}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help=DATA_HELP,
            show_default=False,
            click_type=PATH_TEXT,
            metavar="PATH",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help=NO_CACHE_HELP),
    ] = False,
    no_color: Annotated[
        bool,
        typer.Option("--no-color", help=NO_COLOR_HELP),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help=NO_PAGER_HELP),
    ] = False,
    # Given here, --format and --json become the defaults of the command's own
    # (see ChipfactsGroup.resolve_command): they are read there, not here.
    fmt: RootFormatOption = None,
    as_json: JsonOption = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Sourced, quoted facts about AI compute."""
    # The terminal the entry point gave the app (as the context's object) is kept
    # with the root options: everything below reads both from here.
    screen = terminal(ctx)
    ctx.obj = Settings(data_path_option(data), not no_cache, no_color, not no_pager, screen)
