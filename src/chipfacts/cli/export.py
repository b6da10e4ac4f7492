"""`chipfacts export PATH`: the whole store, for other tools."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import Annotated

import typer

from chipfacts.cli.group import command_app
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
    ".jsonl": ExportFormat.JSONL, ".ndjson": ExportFormat.JSONL, ".csv": ExportFormat.CSV,
    ".json": ExportFormat.JSON,
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
            help="sqlite, jsonl, csv or json [default: from PATH's extension].",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the whole store to PATH: a SQLite database, or every fact as a whole record.

    SQLite is the compiled store itself, for Datasette, sqlite-utils or pandas;
    JSON Lines, CSV and JSON hold one record per fact, with every field.

    \b
    Examples:
      chipfacts export facts.db
      chipfacts export facts.jsonl
      chipfacts export facts.csv --format csv
    """
    from pathlib import Path

    from chipfacts.render.export import write_export

    if not path:  # Path("") would be the current directory
        raise UsageError("the export path is empty; give a file name")
    target = Path(path)
    chosen = fmt or EXTENSIONS.get(target.suffix.lower())
    if chosen is None:
        known = ", ".join(EXTENSIONS)
        raise UsageError(f"cannot tell the format of '{path}' ({known}); use --format")
    count = write_export(load_store(ctx), target, chosen.value)
    say(f"wrote {count} facts to {visible(path)} ({chosen.value})", err=True)


commands = {"export": EXPORT_APP}
