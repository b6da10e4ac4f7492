"""Field selection, as gh's ``--json fields`` does it: ``--fields id,display,source.file``
cuts every record to the fields named.

A field is a key of the record (``display``, ``source``), or a key of one of its
nested records written with a dot (``source.file``, ``doubt.kind``); the CSV
column of a nested one (``source_file``) names it too. JSON and JSON Lines keep
the nesting (``{"source": {"file": …}}``), CSV's header and plain's columns are
the names as given.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from chipfacts.errors import ArgumentError
from chipfacts.render.output import Output

# The records nested in others, with their fields: a CSV column "source_title"
# is "source.title". (A fact's source and doubt, see ``serialize``; a search
# result's match, see ``matched``.)
NESTED = {
    "source": ("id", "file", "title", "title_en", "publisher", "published", "language", "url"),
    "doubt": ("kind", "reason"),
    "match": ("words", "how", "fallback_for"),
}


def _path(column: str) -> tuple[str, ...]:
    """A CSV column as a path into the record: ``source_title`` -> (source, title)."""
    for outer, inner in NESTED.items():
        if column.startswith(outer + "_") and column[len(outer) + 1 :] in inner:
            return (outer, column[len(outer) + 1 :])
    return (column,)


def field_names(output: Output) -> list[str]:
    """The fields of an output's records, as ``--fields`` takes them (dotted)."""
    names: list[str] = []
    for column in output.columns:
        path = _path(column)
        outer = column if column in NESTED else path[0] if len(path) == 2 else None
        if outer is None:
            names.append(column)
        elif outer not in names:  # the whole nested record, then each of its fields
            names += [outer, *(f"{outer}.{inner}" for inner in NESTED[outer])]
    return names


def parse_fields(text: str, output: Output) -> list[str]:
    """The names in ``text`` (comma-separated), each checked against the output's
    fields; an unknown one is an ``ArgumentError`` naming the nearest and the rest."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise ArgumentError("fields is empty; name some, such as id,display", ("fields",))
    known = field_names(output)
    for name in names:
        if name not in known and ".".join(_path(name)) not in known:
            near = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise ArgumentError(
                f"unknown field '{name}' for fields{hint} (known: {', '.join(known)})",
                ("fields",),
            )
    return names


def _project(record: dict[str, Any], paths: Sequence[tuple[str, ...]]) -> dict[str, Any]:
    """The record with only these fields, nesting kept."""
    cut: dict[str, Any] = {}
    for path in paths:
        if len(path) == 1:
            cut[path[0]] = record.get(path[0])
            continue
        outer, inner = path
        nested = record.get(outer)
        if not isinstance(nested, dict):
            cut.setdefault(outer, None)
        else:
            held = cut.get(outer)
            cut[outer] = {**(held or {}), inner: nested.get(inner)}
    return cut


def select_fields(output: Output, names: Sequence[str]) -> Output:
    """The output's records cut to ``names``: JSON is then the list of records, as
    JSON Lines has them, whatever the command's document was."""
    # A field named twice (``id,id``, ``source.file,source_file``) is one field, in
    # every format, as it is one key in JSON.
    by_path: dict[tuple[str, ...], str] = {}
    for name in names:
        by_path.setdefault(tuple(name.split(".", 1)) if "." in name else _path(name), name)
    names, paths = list(by_path.values()), list(by_path)
    records = [_project(record, paths) for record in output.records]
    flat = tuple(dict.fromkeys(column for name in names for column in _flat_columns(name)))
    return output._replace(document=records, records=records, columns=flat, plain_columns=flat)


def _flat_columns(name: str) -> tuple[str, ...]:
    """The CSV and plain columns of a field: itself, or for a nested record with no id
    to stand for it (``doubt``, ``match``) each of its fields, since a cell shows a
    nested record by its id and such a record would print as an empty cell."""
    inner = NESTED.get(name)
    if inner is None or "id" in inner:
        return (name,)
    return tuple(f"{name}.{field}" for field in inner)
