"""`chipfacts validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chipfacts.cli.common import app, data_option
from chipfacts.display import count_noun
from chipfacts.errors import ExitCode

SOURCES_ENV = "CHIPFACTS_SOURCES"


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Fact file to check (default: --data, $CHIPFACTS_DATA, the built-in store).",
            show_default=False,
        ),
    ] = None,
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

    Example: chipfacts validate data/facts.yaml --sources ../shared/sources
    """
    from chipfacts.store import validate as run_validate

    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")
    report = run_validate(path if path is not None else data_option(ctx), sources)
    for problem in report.problems:
        typer.echo(str(problem))
    if report.problems:
        typer.echo(f"{report.path}: {count_noun(len(report.problems), 'problem')}", err=True)
        raise typer.Exit(ExitCode.DATA_INVALID)
    assert report.store is not None
    store = report.store
    quotes = (
        f"{report.quotes_checked} quotes found in their sources"
        if sources is not None
        else "quotes not checked (give --sources DIR)"
    )
    sizes = ", ".join(
        count_noun(len(records), noun)
        for records, noun in (
            (store.facts, "fact"),
            (store.entities, "entity"),
            (store.attributes, "attribute"),
            (store.sources, "source"),
        )
    )
    typer.echo(f"{report.path}: ok: {sizes}; {quotes}")
