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


# `-` is standard output, as for most command-line tools; only a format that is one
# stream of text can go there (a database or a directory of files cannot).
STDOUT = "-"
STREAMED = (ExportFormat.JSONL, ExportFormat.JSON)

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
        typer.Argument(
            click_type=PATH_TEXT,
            help="The file to write; - for standard output (jsonl or json).",
            metavar="PATH",
        ),
    ],
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "sqlite, csv (a directory), jsonl or json [default: from PATH's extension; "
                "jsonl for -]."
            ),
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
    datapackage.json. jsonl and json: one whole fact record per fact; PATH - writes
    them to standard output (a file named - is ./-).

    \b
    Examples:
      chipfacts export facts.db
      chipfacts export facts-csv --format csv
      chipfacts export facts.jsonl
      chipfacts export - | jq -r .display
    """
    # lazy: --help imports all commands; only `export` exports (5 ms)
    from chipfacts.dataset.export import records_text, write_export

    if not path:  # Path("") would be the current directory
        raise UsageError("the export path is empty; give a file name")
    if path == STDOUT:
        streamed = fmt or ExportFormat.JSONL
        if streamed not in STREAMED:
            raise UsageError(_NOT_A_STREAM[streamed])
        say(records_text(load_store(ctx), streamed.value))
        return
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


_NOT_A_STREAM = {
    ExportFormat.SQLITE: (
        "a SQLite database cannot go to standard output; give a file name (facts.db), "
        "or - with --format jsonl or json"
    ),
    ExportFormat.CSV: (
        "a CSV export is a directory of files and cannot go to standard output; give a "
        "directory name (for facts as CSV on stdout: chipfacts list facts --all --format csv)"
    ),
}

command = Command(EXPORT_APP, listed=110)
