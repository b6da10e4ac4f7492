"""What the dataset says about itself: Datasette's metadata file beside the database,
and the Frictionless data package beside the CSV files, both from ``tables``."""

from __future__ import annotations

from typing import Any

from chipfacts.dataset.tables import TABLES, Table
from chipfacts.version import version

TITLE = "chipfacts: sourced, quoted facts about AI compute"
DESCRIPTION = (
    "AI chips and NICs, their makers, transistor counts, process nodes and foundries, "
    "GPU clusters, quotas and spending, curated by hand from five Chinese news articles "
    "(2023-2025). Every fact has its source, a verbatim quote (in the facts' references), "
    "the date it refers to and its status: reported, claimed, estimated, forecast or "
    "planned. Numbers are in base units with their bound. Quotes are short excerpts of "
    f"the cited articles, which remain their publishers'. Exported by chipfacts {version()}."
)
SOURCE = "Five Chinese news articles (2023-2025), listed in the sources table"
LICENSE = "MIT"
LICENSE_URL = "https://opensource.org/licenses/MIT"


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for the database Datasette calls ``database`` (the
    file name without its extension): titles, licence, source, each column's
    description, facets, and the column that labels a row another row points to."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        entry: dict[str, Any] = {
            "description": table.description,
            "columns": {c.name: c.description for c in table.columns},
        }
        if table.facets:
            entry["facets"] = list(table.facets)
        if table.label:
            entry["label_column"] = table.label
        tables[table.name] = entry
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": SOURCE,
        "databases": {database: {"title": TITLE, "tables": tables}},
    }


def _schema(table: Table) -> dict[str, Any]:
    """A Frictionless Table Schema: fields with types, the primary key, foreign keys."""
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {
            "name": column.name,
            "type": column.kind,
            "description": column.description,
        }
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.choices:
            constraints["enum"] = list(column.choices)
        if constraints:
            field["constraints"] = constraints
        if column.kind == "boolean":
            field |= {"trueValues": ["1"], "falseValues": ["0"]}
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key)}
    keys = [
        {"fields": c.name, "reference": {"resource": c.references, "fields": "id"}}
        for c in table.columns
        if c.references is not None
    ]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def data_package(name: str) -> dict[str, Any]:
    """The ``datapackage.json`` describing one CSV file per table."""
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": TITLE,
        "description": DESCRIPTION + " " + CSV_NOTE,
        "version": version(),
        "licenses": [{"name": LICENSE, "path": LICENSE_URL, "title": "MIT License"}],
        "sources": [{"title": SOURCE}],
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "title": table.name.replace("_", " ").capitalize(),
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(table),
            }
            for table in TABLES
        ],
    }


CSV_NOTE = (
    "In the CSV files, control characters are written as escapes (\\x1b) and a text "
    "that a spreadsheet would run as a formula (starting with =, +, - or @) has a "
    "leading apostrophe; the SQLite and JSON exports keep every text as it is."
)
