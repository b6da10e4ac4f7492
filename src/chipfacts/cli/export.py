"""`chipfacts export PATH`: the whole store, for other tools."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import PATH_TEXT
from chipfacts.cli.settings import load_store
from chipfacts.errors import UsageError
from chipfacts.render.safe import say, visible


class ExportFormat(StrEnum):
    SQLITE = "sqlite"
    JSONL = "jsonl"
    CSV = "csv"
    JSON = "json"


EXTENSIONS = {
    ".db": ExportFormat.SQLITE, ".sqlite": ExportFormat.SQLITE, ".sqlite3": ExportFormat.SQLITE,
    ".jsonl": ExportFormat.JSONL, ".ndjson": ExportFormat.JSONL, ".json": ExportFormat.JSON,
}  # fmt: skip

EXPORT_APP = command_app()


@EXPORT_APP.command()
def export(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(click_type=PATH_TEXT, help="The file to write.", metavar="PATH"),
    ],
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="sqlite, csv (a directory), jsonl or json [default: from PATH's extension].",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the whole store to PATH: a dataset for Datasette, sqlite-utils, pandas or R,
    or every fact as a whole record.

    sqlite: a database with text ids, foreign keys, typed columns, views and
    full-text search, and Datasette's metadata beside it (NAME.metadata.json).
    csv: a directory of CSV files, one per table, with a Frictionless
    datapackage.json. jsonl and json: one whole fact record per fact.

    \b
    Examples:
      chipfacts export facts.db
      chipfacts export facts-csv --format csv
      chipfacts export facts.jsonl
    """
    # lazy: --help imports all commands; only `export` exports (5 ms)
    from chipfacts.dataset.export import write_export

    if not path:  # Path("") would be the current directory
        raise UsageError("the export path is empty; give a file name")
    target = Path(path)
    chosen = fmt or EXTENSIONS.get(target.suffix.lower())
    if chosen is None:
        known = ", ".join(EXTENSIONS)
        raise UsageError(
            f"cannot tell the format of '{visible(path)}' ({known}); use --format "
            "(--format csv writes a directory)"
        )
    written = write_export(load_store(ctx), target, chosen.value)
    beside = f"; Datasette metadata in {visible(str(written.beside))}" if written.beside else ""
    say(f"wrote {written.facts} facts to {visible(path)} ({chosen.value}{beside})", err=True)


command = Command(EXPORT_APP, listed=110)
