"""The command-line shell: parse arguments, call the library, hand results to output.

Errors of the ``ChipfactsError`` family are turned into one line on stderr and
their exit code here, in ``main``, and nowhere else.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sized
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from chipfacts.errors import ChipfactsError, ExitCode, NotFoundError
from chipfacts.output import (
    TEXT_RENDERERS,
    OutputFormat,
    choose_format,
    hits_to_records,
    render_csv,
)
from chipfacts.records import Status
from chipfacts.search import Hit
from chipfacts.store import DATA_ENV, load

SOURCES_ENV = "CHIPFACTS_SOURCES"


class ChipfactsGroup(TyperGroup):
    """Maps the ``ChipfactsError`` family to one stderr line and its exit code.

    Done here rather than around ``app()`` so that every way of running the app,
    the console script and ``CliRunner`` in tests alike, behaves the same.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ChipfactsError as error:
            click.echo(f"chipfacts: error: {error}", err=True)
            ctx.exit(error.exit_code)


app = typer.Typer(
    cls=ChipfactsGroup,
    name="chipfacts",
    help="Look up sourced, quoted facts about AI chips, NICs, GPU clusters, quotas and spending.",
    add_completion=False,
    # Plain click errors and help: one clear line, and no rich import on these paths.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
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
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Sourced, quoted facts about AI compute."""
    ctx.obj = data


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
    report = run_validate(path if path is not None else ctx.obj, sources)
    for problem in report.problems:
        typer.echo(str(problem))
    if report.problems:
        count = len(report.problems)
        typer.echo(f"{report.path}: {count} problem{'s' if count != 1 else ''}", err=True)
        raise typer.Exit(ExitCode.DATA_INVALID)
    assert report.store is not None
    store = report.store
    quotes = (
        f"{report.quotes_checked} quotes found in their sources"
        if sources is not None
        else "quotes not checked (give --sources DIR)"
    )
    typer.echo(
        f"{report.path}: ok: {_count(store.facts, 'fact')}, {_count(store.entities, 'entity')}, "
        f"{_count(store.attributes, 'attribute')}, {_count(store.sources, 'source')}; {quotes}"
    )


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help="What to look for: names, attributes, numbers, in English or Chinese.",
            show_default=False,
        ),
    ],
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help="Only facts about this entity (id, name or alias).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only entities of this kind (chip, nic, company, model, cluster, person…).",
            show_default=False,
        ),
    ] = None,
    attribute: Annotated[
        str | None,
        typer.Option(
            "--attribute",
            "-a",
            help="Only this attribute (id, label or synonym).",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            help="Only facts from this source (id or file name).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        Status | None,
        typer.Option(
            "--status",
            help="Only facts with this status.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many facts.")] = 10,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format [default: table on a terminal, plain when piped].",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")] = False,
) -> None:
    """Find the facts that match a query, best first.

    Examples: chipfacts search maia transistors; chipfacts search 微軟 配额;
    chipfacts search "1.5万"; chipfacts search mi300 --json | jq '.[0].value'
    """
    from chipfacts.lookup import Filters, find_facts
    from chipfacts.search import SearchIndex

    output = choose_format(fmt, as_json, sys.stdout.isatty())
    index = SearchIndex(load(ctx.obj))
    filters = Filters(entity, kind, attribute, source, status)
    try:
        hits = find_facts(index, query, filters, limit)
    except NotFoundError:
        if output in (OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.CSV):
            # Scripts still get a well-formed (empty) document on stdout.
            empty = {
                OutputFormat.JSON: "[]",
                OutputFormat.JSONL: "",
                OutputFormat.CSV: render_csv([]),
            }
            if empty[output]:
                typer.echo(empty[output])
        raise
    _emit_hits(
        hits,
        output,
        title=f"{len(hits)} fact{'s' if len(hits) != 1 else ''} for '{' '.join(query)}'",
    )


def _emit_hits(hits: list[Hit], output: OutputFormat, title: str) -> None:
    if output is OutputFormat.TABLE:
        from chipfacts.render_table import print_facts

        print_facts(hits, title)
        return
    typer.echo(TEXT_RENDERERS[output](hits_to_records(hits)))


def _count(items: Sized, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{len(items)} {noun if len(items) == 1 else plural}"


def main() -> None:
    """Console-script entry point: what only a whole process can meet (Ctrl-C, a closed pipe)."""
    if sys.stdout is None:  # started with stdout closed (`chipfacts … >&-`)
        print("chipfacts: error: standard output is closed", file=sys.stderr)
        sys.exit(ExitCode.OUTPUT_FAILED)
    try:
        app()
    except KeyboardInterrupt:
        print("chipfacts: interrupted", file=sys.stderr)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except OSError as error:  # a full disk, an I/O error on the terminal
        print(f"chipfacts: error: cannot write the output ({error.strerror})", file=sys.stderr)
        sys.exit(ExitCode.OUTPUT_FAILED)
