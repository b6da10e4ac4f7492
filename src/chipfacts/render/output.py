"""Output formats, and the one renderer per format that needs no third-party library.

Every command turns its result into an ``Output``: the document ``--json``
prints, and flat records (with their columns) for ``jsonl``, ``csv`` and
``plain``. Renderers return text; printing happens in the CLI. Tables live in
``render_table`` because they need rich, which a script asking for JSON should
not pay for.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import io
import json
from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple

from chipfacts.errors import ArgumentError
from chipfacts.render.safe import json_safe, visible


class OutputFormat(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


def choose_format(
    requested: OutputFormat | None, json_flag: bool, is_terminal: bool
) -> OutputFormat:
    """The format to use: the one asked for, else a table on a terminal, plain text when piped."""
    if json_flag:
        if requested not in (None, OutputFormat.JSON):
            raise ArgumentError(
                f"json conflicts with format {requested.value}; use one of them", ("json", "format")
            )
        return OutputFormat.JSON
    if requested is not None:
        return requested
    return OutputFormat.TABLE if is_terminal else OutputFormat.PLAIN


class Output(NamedTuple):
    document: Any  # what --json prints
    records: list[dict[str, Any]]  # one per line of jsonl, csv and plain
    columns: tuple[str, ...]  # csv's header and column order
    plain_columns: tuple[str, ...]  # plain's columns: the ones a person greps for
    # plain as "key: value" lines, every field of each record, a blank line between
    # records (``fact``: one whole fact to read), instead of one line per record
    plain_keyed: bool = False


def _cell(value: Any) -> str:
    """One TSV/CSV cell: None is empty, a nested record is its id (a reference, which
    has none, its source's), lists join with "; "."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value["id"]) if "id" in value else _cell(value.get("source"))
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())  # no tabs or newlines inside a cell


def _field(record: dict[str, Any], column: str) -> Any:
    """A record's column; ``doubt_kind`` (or ``doubt.kind``) reads ``doubt.kind`` when
    there is no such key."""
    if column in record:
        return record[column]
    outer, _, inner = column.partition("." if "." in column else "_")
    nested = record.get(outer)
    return nested.get(inner) if isinstance(nested, dict) else None


# A spreadsheet runs a cell that starts with one of these as a formula
# ("=HYPERLINK(…)", "+cmd|…", "@SUM(…)"): CSV is opened in spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def csv_cell(record: dict[str, Any], column: str) -> str:
    """The text of one column of a record as CSV holds it, on stdout and in an export.

    Control and format characters are shown as escapes (``visible``), as
    everywhere else chipfacts prints, so ``cat facts.csv`` is safe too; a text
    that a spreadsheet would run as a formula gets a leading ``'`` (OWASP's
    advice), numbers such as ``-5`` are kept. JSON and SQLite stay lossless.
    """
    return spreadsheet_safe(visible(_cell(_field(record, column))))


def spreadsheet_safe(cell: str) -> str:
    """``cell``, with a leading ``'`` if a spreadsheet would run it as a formula."""
    if cell.startswith(_FORMULA_STARTS) and not _is_number(cell):
        return "'" + cell
    return cell


# allow_nan=False everywhere: NaN and Infinity are not JSON (jq and strict
# parsers refuse them). The store holds finite numbers only and computed ones
# are checked where they are made, so this never fires on good code.
def render_json(output: Output) -> str:
    """Compact JSON, for scripts: one line, by json's fast C encoder."""
    return json_safe(json.dumps(output.document, ensure_ascii=False, allow_nan=False))


def render_pretty_json(output: Output) -> str:
    """Indented JSON, for a person at a terminal (json's indenting encoder is pure Python)."""
    return json_safe(json.dumps(output.document, ensure_ascii=False, indent=2, allow_nan=False))


def render_jsonl(output: Output) -> str:
    return json_safe(
        "\n".join(json.dumps(r, ensure_ascii=False, allow_nan=False) for r in output.records)
    )


def render_plain(output: Output) -> str:
    if output.plain_keyed:
        return "\n\n".join("\n".join(_keyed(r)) for r in output.records)
    return "\n".join(
        "\t".join(_cell(_field(r, c)) for c in output.plain_columns) for r in output.records
    )


def _keyed(record: dict[str, Any], prefix: str = "") -> list[str]:
    """A record as ``key: value`` lines, a nested record's fields as ``source.file: …``
    and those of a list of records by number (``references.2.quote: …``)."""
    lines = []
    for key, value in record.items():
        if isinstance(value, dict):
            lines += _keyed(value, f"{prefix}{key}.")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for n, item in enumerate(value, 1):
                lines += _keyed(item, f"{prefix}{key}.{n}.")
        else:
            lines.append(f"{prefix}{key}: {_cell(value)}".rstrip())
    return lines


def render_csv(output: Output) -> str:
    import csv  # lazy: only CSV output needs it (0.6 ms)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(output.columns)
    for record in output.records:
        writer.writerow(csv_cell(record, c) for c in output.columns)
    return buffer.getvalue().rstrip("\n")


TEXT_RENDERERS: dict[OutputFormat, Callable[[Output], str]] = {
    OutputFormat.JSON: render_json,
    OutputFormat.JSONL: render_jsonl,
    OutputFormat.PLAIN: render_plain,
    OutputFormat.CSV: render_csv,
}
