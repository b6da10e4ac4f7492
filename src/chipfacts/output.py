"""Output formats, and the renderers that need no third-party library.

Each format has one renderer that returns text; printing happens in the CLI.
The table renderer lives in ``render_table`` because it imports rich, which a
script asking for JSON should not pay for.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from chipfacts.errors import UsageError
from chipfacts.search import Hit
from chipfacts.serialize import fact_record


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
            raise UsageError(f"--json conflicts with --format {requested.value}; use one of them")
        return OutputFormat.JSON
    if requested is not None:
        return requested
    return OutputFormat.TABLE if is_terminal else OutputFormat.PLAIN


PLAIN_COLUMNS = ("id", "entity_name", "attribute_label", "display", "as_of", "status", "source")
CSV_COLUMNS = (
    "id", "entity", "entity_name", "attribute", "attribute_label", "value", "min", "max",
    "bound", "unit", "display", "context", "status", "as_of", "source", "claimed_by",
    "summary", "quote", "score",
)  # fmt: skip


def _cell(value: Any) -> str:
    """A field for one TSV/CSV cell: None is empty, a source is its id, no tabs or newlines."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value["id"])
    return " ".join(str(value).split())


def hits_to_records(hits: Sequence[Hit]) -> list[dict[str, Any]]:
    return [fact_record(hit.fact, hit.score) for hit in hits]


def render_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2)


def render_jsonl(records: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)


def render_plain(records: list[dict[str, Any]]) -> str:
    return "\n".join("\t".join(_cell(r.get(c)) for c in PLAIN_COLUMNS) for r in records)


def render_csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(_cell(record.get(c)) for c in CSV_COLUMNS)
    return buffer.getvalue().rstrip("\n")


TEXT_RENDERERS: dict[OutputFormat, Callable[[list[dict[str, Any]]], str]] = {
    OutputFormat.JSON: render_json,
    OutputFormat.JSONL: render_jsonl,
    OutputFormat.PLAIN: render_plain,
    OutputFormat.CSV: render_csv,
}
