"""One fact-record shape in every command, and every format keeping what qualifies
a value (issue 9, points 2, 3 and 4).

Every command's JSON and JSON Lines are validated against schema/fact.schema.json,
the published shape of a fact record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import REPO, Cli, run_cli

SCHEMA = json.loads((REPO / "schema" / "fact.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def run(*args: str) -> str:
    code, out, err = run_cli(*args)
    assert code == 0, err
    return out


def facts_in(document: Any, command: str) -> Iterator[dict[str, Any]]:
    """The fact records in one command's JSON document, wherever that command puts them."""
    if command in ("search", "list", "timeline", "fact"):
        yield from document
    elif command == "show":
        yield from document["facts"] + document["mentioned_in"]
    elif command == "sources":
        yield from document["facts"]
    elif command == "compare":
        for row in document["rows"]:
            for cell in row["cells"].values():
                yield from cell
    elif command == "conflicts":
        for conflict in document:
            yield from conflict["facts"]
    else:
        raise AssertionError(command)


FACT_COMMANDS = [
    ["search", "maia", "-n", "50"],
    ["search", "nvidia", "revenue"],
    ["compare", "maia100", "mi300x", "h100"],
    ["show", "microsoft"],
    ["list", "facts"],
    ["timeline"],
    ["sources", "ithome-2025-09"],
    ["fact", "maia100-transistors", "nvidia-networking-revenue", "maia100-launched"],
    ["conflicts"],
]


@pytest.mark.parametrize("args", FACT_COMMANDS, ids=lambda a: " ".join(a))
def test_every_command_prints_schema_valid_fact_records(args: list[str]) -> None:
    records = list(facts_in(json.loads(run(*args, "--json")), args[0]))
    assert records
    for record in records:
        VALIDATOR.validate(record)
    for line in run(*args, "--format", "jsonl").splitlines():
        VALIDATOR.validate(json.loads(line))


def test_the_export_is_schema_valid(tmp_path: Path) -> None:
    target = tmp_path / "facts.jsonl"
    assert run_cli("export", str(target)).code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 100
    for line in lines:
        VALIDATOR.validate(json.loads(line))


def test_same_names_everywhere() -> None:
    """No label vs attribute_label drift; `facts` is always a list, counts are fact_count."""
    compare = json.loads(run("compare", "maia100", "mi300x", "--json"))
    assert all("attribute_label" in row and "label" not in row for row in compare["rows"])
    for args in (["list", "entities"], ["list", "attributes"], ["sources"]):
        for record in json.loads(run(*args, "--json")):
            assert isinstance(record["fact_count"], int) and "facts" not in record
    source = json.loads(run("sources", "ithome-2025-09", "--json"))
    assert isinstance(source["facts"], list) and source["fact_count"] == len(source["facts"])
    show = json.loads(run("show", "maia100", "--json"))
    assert isinstance(show["facts"], list) and show["fact_count"] == len(show["facts"])


PLAIN_LAYOUT = [
    "id", "entity_name", "attribute_label", "display", "context", "as_of", "status",
    "claimed_by", "source", "doubt_kind", "note",
]  # fmt: skip


@pytest.mark.parametrize("args", FACT_COMMANDS, ids=lambda a: " ".join(a))
def test_one_plain_layout_and_whole_csv(args: list[str]) -> None:
    records = {}
    for line in run(*args, "--format", "jsonl").splitlines():
        record = json.loads(line)
        records[record["id"]] = record
    plain = run(*args, "--format", "plain")
    if args[0] == "fact":  # one whole fact to read: key: value lines (test_fact_plain)
        assert plain.splitlines()[0] == f"id: {args[1]}"
        plain = ""
    for line in plain.splitlines():
        cells = line.split("\t")
        record = records[cells[0]]
        assert cells[3] == record["display"]
        assert cells[4] == " ".join((record["context"] or "").split())
        assert cells[7] == (record["claimed_by"] or "")
        assert cells[10] == " ".join((record["note"] or "").split())
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv"))))
    assert rows and set(PLAIN_LAYOUT) - {"entity_name"} <= set(rows[0])
    for row in rows:
        record = records[row["id"]]
        for field in ("quote", "summary", "bound", "unit", "display"):
            assert row[field] == " ".join(str(record[field] or "").split())
        assert row["source_title"] == record["source"]["title"]


def test_piped_search_keeps_the_context() -> None:
    lines = [line.split("\t") for line in run("search", "nvidia", "revenue").splitlines()]
    first = next(cells for cells in lines if cells[0] == "nvidia-networking-revenue")
    assert first[:5] == [
        "nvidia-networking-revenue", "Nvidia", "Revenue", "> $10 billion",
        "server networking business, per year",
    ]  # fmt: skip
    assert first[7] == "nvidia"  # who claims it


def test_timeline_plain_keeps_an_approximate_date() -> None:
    lines = run("timeline", "h200").splitlines()
    assert any(line.split("\t")[3] == "~2023-11" for line in lines)


def test_fact_shows_a_fact_whole() -> None:
    out = run("fact", "maia100-launched", "--format", "table")
    for expected in (
        "Maia 100 · Launched", "2023-11-15", "Quote", "“美國當地時間11月15日", "ofweek-2023-11",
        "001_a7cb2996173da827.txt", "Satya Nadella (satya-nadella)", "maia100-launch-forecast",
        "disagrees", "a forecast contradicted by a later report",
    ):  # fmt: skip
        assert expected in out, expected
    record = json.loads(run("fact", "maia100-launched", "--json"))[0]
    assert record["conflicts_with"] == ["maia100-launch-forecast"]
    assert "maia100-launch-forecast" in record["same_attribute"]


def test_fact_unknown_id_suggests(cli: Cli) -> None:
    code, _, err = cli("fact", "maia100-transistor")
    assert code == 1
    assert "did you mean 'maia100-transistors'" in err


def test_quotes_flag_shows_the_verbatim_quote() -> None:
    args = ["search", "maia", "transistors", "-n", "1", "--format", "table"]
    assert "1050亿" not in run(*args)
    assert "1050" in run(*args, "--quotes")
    assert "“" in run("show", "maia100", "--quotes", "--format", "table")
