"""`chipfacts validate`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from pathlib import Path
from typing import Annotated

import typer

from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import StorePathArgument
from chipfacts.cli.settings import data_option, data_path_option
from chipfacts.errors import ExitCode
from chipfacts.render.display import count_noun
from chipfacts.render.safe import say, visible

SOURCES_ENV = "CHIPFACTS_SOURCES"


VALIDATE_APP = command_app()


@VALIDATE_APP.command()
def validate(
    ctx: typer.Context,
    path: StorePathArgument = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            envvar=SOURCES_ENV,
            help="Directory of source texts; given it, every quote is checked against its source.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a fact file and report every problem, each with file and line.

    \b
    Examples:
      chipfacts validate data/facts.yaml --sources ../shared/sources
      chipfacts validate my-facts.yaml
    """
    # lazy: --help imports all commands; only `validate` compiles (10 ms)
    from chipfacts.store.store import validate as run_validate

    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")
    given = data_path_option(path, "PATH")
    report = run_validate(given if given is not None else data_option(ctx), sources)
    for problem in report.problems:
        say(visible(str(problem)))  # one line per problem, whatever its file name
    if report.problems:
        say(f"{report.path}: {count_noun(len(report.problems), 'problem')}", err=True)
        raise typer.Exit(ExitCode.DATA_INVALID)
    quotes = (
        f"{report.quotes_checked} quotes found in their sources"
        if sources is not None
        else "quotes not checked (give --sources DIR)"
    )
    counts = (
        (report.facts, "fact"),
        (report.entities, "entity"),
        (report.attributes, "attribute"),
        (report.sources, "source"),
    )
    sizes = ", ".join(count_noun(n, noun) for n, noun in counts)
    say(f"{report.path}: ok: {sizes}; {quotes}")


command = Command(VALIDATE_APP, listed=130)
