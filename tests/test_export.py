"""`chipfacts export`: every field of every record survives the round trip."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chipfacts
from chipfacts.cli import app
from chipfacts.render.serialize import fact_record
from chipfacts.store.store import Store

runner = CliRunner()
STORE = chipfacts.load()
RECORDS = [fact_record(f) for f in STORE.all_facts()]


def export(tmp_path: Path, name: str, *options: str) -> Path:
    target = tmp_path / name
    result = runner.invoke(app, ["export", str(target), *options])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"wrote {len(RECORDS)} facts to ")
    return target


def test_sqlite_holds_the_whole_store(tmp_path: Path) -> None:
    target = export(tmp_path, "facts.db")
    copy = Store(sqlite3.connect(target), str(target))
    assert [fact_record(f) for f in copy.all_facts()] == RECORDS
    assert list(copy.entities.values()) == list(STORE.entities.values())
    assert list(copy.sources.values()) == list(STORE.sources.values())


@pytest.mark.parametrize("name", ["facts.jsonl", "facts.json"])
def test_json_formats_hold_every_field(tmp_path: Path, name: str) -> None:
    text = export(tmp_path, name).read_text(encoding="utf-8")
    found = (
        [json.loads(line) for line in text.splitlines()]
        if name.endswith("l")
        else (json.loads(text))
    )
    assert found == RECORDS


def test_csv_has_a_column_for_every_field(tmp_path: Path) -> None:
    with export(tmp_path, "out.txt", "--format", "csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [r["id"] for r in RECORDS]
    doubted = next(r for r in RECORDS if r["doubt"])
    row = next(r for r in rows if r["id"] == doubted["id"])
    assert row["doubt_kind"] == doubted["doubt"]["kind"] and row["note"] == (doubted["note"] or "")
    assert row["quote"] == doubted["quote"] and row["source"] == doubted["source"]["id"]


def test_an_unknown_extension_asks_for_a_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "facts.txt")])
    assert result.exit_code == 2 and "use --format" in result.stderr
    assert not (tmp_path / "facts.txt").exists()
