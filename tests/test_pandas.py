"""What an analyst does next: our outputs read with pandas, as the README shows them
(the export's SQLite database and CSV files, search's CSV and JSON Lines)."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pandas as pd

import chipfacts
from tests.conftest import Cli

FACTS = list(chipfacts.load().all_facts())


def test_the_exported_database_reads_into_typed_frames(tmp_path: Path, cli: Cli) -> None:
    database = tmp_path / "facts.db"
    assert cli("export", str(database)).code == 0
    with sqlite3.connect(database) as connection:
        facts = pd.read_sql_query("SELECT * FROM facts", connection)
        details = pd.read_sql_query(
            "SELECT * FROM fact_details WHERE entity = ?", connection, params=("maia100",)
        )
    assert len(facts) == len(FACTS)
    assert facts["id"].is_unique
    # numbers in base units, a number column; text values in a column of their own
    assert pd.api.types.is_float_dtype(facts["value"])
    transistors = facts.set_index("id").loc["maia100-transistors"]
    assert (transistors["value"], transistors["unit"]) == (105_000_000_000, "transistors")
    assert facts.loc[facts["value"].isna(), "text_value"].notna().any()
    # the view joins names in: the analyst never looks an id up by hand
    assert set(details["entity_name"]) == {"Maia 100"}
    assert {"attribute_label", "source_title", "quote"} <= set(details.columns)
    assert len(details) == sum(1 for f in FACTS if f.entity.id == "maia100")


def test_the_csv_export_reads_with_its_keys_intact(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "facts"
    assert cli("export", str(folder), "--format", "csv").code == 0
    facts = pd.read_csv(folder / "facts.csv")
    entities = pd.read_csv(folder / "entities.csv")
    joined = facts.merge(entities, left_on="entity", right_on="id", suffixes=("", "_entity"))
    assert len(joined) == len(facts) == len(FACTS)  # every fact's entity is there
    assert pd.api.types.is_float_dtype(facts["value"])
    by_status = facts.groupby("status").size()
    assert by_status.sum() == len(facts) and set(by_status.index) <= {
        "reported", "claimed", "estimated", "forecast", "planned"
    }  # fmt: skip


def test_search_csv_and_json_lines_read_as_the_same_records(cli: Cli) -> None:
    as_json = json.loads(cli("search", "nvidia", "--all", "--json").out)
    as_csv = pd.read_csv(io.StringIO(cli("search", "nvidia", "--all", "--format", "csv").out))
    lines = cli("search", "nvidia", "--all", "--format", "jsonl").out
    as_lines = pd.read_json(io.StringIO(lines), lines=True)
    ids = [record["id"] for record in as_json]
    assert len(ids) > 10  # --all: not the first ten
    assert list(as_csv["id"]) == list(as_lines["id"]) == ids
    assert list(as_csv["as_of"].astype(str)) == [record["as_of"] for record in as_json]
