"""`chipfacts export`: a dataset for people (SQLite with Datasette's metadata, CSV with
a data package), whole fact records (JSON, JSON Lines), and writes that fail whole."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import frictionless
import pytest

import chipfacts
from chipfacts.dataset.package import PACKAGE_FILE
from chipfacts.dataset.tables import TABLES
from chipfacts.render.serialize import fact_record
from chipfacts.store import database
from tests.conftest import FIXTURES, REPO, Cli

STORE = chipfacts.load()
RECORDS = [fact_record(f) for f in STORE.all_facts()]
GOLDEN = FIXTURES / "golden.yaml"

# Every object the database holds: the tables, their full-text indexes (FTS5 makes
# four shadow tables each) and triggers, and the views. Nothing else may travel.
SEARCHED = [t.name for t in TABLES if t.search]
EXPECTED_OBJECTS = sorted(
    [("table", t.name) for t in TABLES]
    + [("table", f"{n}_fts") for n in SEARCHED]
    + [("table", f"{n}_fts_{s}") for n in SEARCHED for s in ("config", "data", "docsize", "idx")]
    + [("trigger", f"{n}_{s}") for n in SEARCHED for s in ("ai", "ad", "au")]
    + [("view", "fact_details"), ("view", "reference_details")]
    + [("index", f"sqlite_autoindex_{t.name}_1") for t in TABLES]
)


def export(cli: Cli, tmp_path: Path, name: str, *options: str) -> Path:
    target = tmp_path / name
    code, _, err = cli("export", str(target), *options)
    assert code == 0, err
    assert err.startswith(f"wrote {len(RECORDS)} facts to ")
    return target


def objects(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        found = connection.execute("SELECT type, name FROM sqlite_master ORDER BY type, name")
        return sorted(found.fetchall())


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory, cli: Cli) -> Path:
    return export(cli, tmp_path_factory.mktemp("dataset"), "facts.db")


def query(path: Path, sql: str, *params: Any) -> list[sqlite3.Row]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


# --- SQLite -----------------------------------------------------------------------------


def test_the_database_holds_exactly_the_dataset(dataset: Path) -> None:
    assert objects(dataset) == EXPECTED_OBJECTS
    assert query(dataset, "PRAGMA foreign_key_check") == []
    assert query(dataset, "PRAGMA integrity_check")[0][0] == "ok"


def test_foreign_keys_are_declared(dataset: Path) -> None:
    keys = {(r["from"], r["table"]) for r in query(dataset, "PRAGMA foreign_key_list(facts)")}
    assert keys == {
        ("entity", "entities"), ("attribute", "attributes"), ("source", "sources"),
        ("claimed_by", "entities"),
    }  # fmt: skip
    targets = {r["table"] for r in query(dataset, "PRAGMA foreign_key_list([references])")}
    assert targets == {"facts", "sources"}


def test_a_fact_is_found_by_its_text_ids(dataset: Path) -> None:
    found = query(dataset, "SELECT * FROM facts WHERE entity = 'maia100'")
    assert {r["id"] for r in found} == {r["id"] for r in RECORDS if r["entity"] == "maia100"}
    row = next(r for r in found if r["id"] == "maia100-transistors")
    assert row["value"] == 105_000_000_000 and row["unit"] == "transistors"
    assert row["source"] == "ofweek-2023-11" and row["status"] == "reported"


def test_the_details_view_gives_every_fact_whole(dataset: Path) -> None:
    rows = {r["id"]: r for r in query(dataset, "SELECT * FROM fact_details")}
    assert list(rows) == [r["id"] for r in RECORDS]
    for record in RECORDS:
        row = rows[record["id"]]
        number = record["value"] if isinstance(record["value"], int | float) else None
        text = None if number is not None else record["value"]
        doubt = record["doubt"] or {}
        assert (row["value"], row["text_value"]) == (number, text)
        for column in ("entity", "entity_name", "attribute", "attribute_label", "min", "max",
                       "bound", "unit", "display", "context", "status", "as_of", "claimed_by",
                       "summary", "quote", "note"):  # fmt: skip
            assert row[column] == record[column], (record["id"], column)
        assert (row["doubt"], row["doubt_reason"]) == (doubt.get("kind"), doubt.get("reason"))
        source = record["source"]
        assert (row["source"], row["source_title"], row["source_publisher"]) == (
            source["id"], source["title"], source["publisher"],
        )  # fmt: skip


def test_columns_are_typed(dataset: Path) -> None:
    types = query(
        dataset,
        "SELECT typeof(value) AS v, typeof(min) AS lo, typeof(text_value) AS t, count(*) AS n "
        "FROM facts GROUP BY 1, 2, 3",
    )
    kinds = {(r["v"], r["lo"], r["t"]) for r in types}
    assert ("integer", "null", "null") in kinds  # 105 billion transistors
    assert ("real", "null", "null") in kinds  # a fraction stays one
    assert ("null", "integer", "null") in kinds  # a range
    assert ("null", "null", "text") in kinds  # texts and dates
    assert all("blob" not in (r["v"], r["lo"], r["t"]) for r in types)


def test_every_column_is_text_or_number_and_no_local_path_travels(dataset: Path) -> None:
    data = dataset.read_bytes()
    for local in (str(REPO), str(Path(STORE.path)), str(database.cache_dir())):
        assert local.encode() not in data
    for table in TABLES:
        for column in table.columns:
            blobs = query(
                dataset,
                f"SELECT count(*) FROM [{table.name}] WHERE typeof([{column.name}]) = 'blob'",
            )
            assert blobs[0][0] == 0, (table.name, column.name)


def test_full_text_search_as_sqlite_utils_makes_it(dataset: Path, tmp_path: Path) -> None:
    def search(table: str, words: str, path: Path = dataset) -> set[str]:
        key = "fact_id" if table == "references" else "id"
        sql = (
            f"SELECT [{key}] FROM [{table}] WHERE rowid IN "
            f"(SELECT rowid FROM [{table}_fts] WHERE [{table}_fts] MATCH ?)"
        )
        return {r[0] for r in query(path, sql, words)}

    assert "maia100-transistors" in search("facts", "transistors")
    assert "maia100" in search("entities", "Athena")
    assert "transistor_count" in search("attributes", "transistors")
    assert search("sources", "Nvidia") >= {"ofweek-2023-11", "tencent-2024-02"}
    assert "maia100-transistors" in search("references", "1050億")  # Chinese, by trigrams
    # the triggers keep the index in step with edits, as sqlite-utils' do
    copy = tmp_path / "copy.db"
    copy.write_bytes(dataset.read_bytes())
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE facts SET summary = 'zyzzyva' WHERE id = 'maia100-transistors'")
    connection.close()
    assert search("facts", "zyzzyva", copy) == {"maia100-transistors"}
    assert "maia100-transistors" not in search("facts", "transistors", copy)


def test_references_come_from_each_fact_each_source_and_quote(dataset: Path) -> None:
    rows = query(dataset, "SELECT * FROM [references] ORDER BY rowid")
    expected = [
        (record["id"], n, reference["source"], reference["quote"],
         None if reference["as_of"] == record["as_of"] else reference["as_of"], reference["note"])
        for record in RECORDS
        for n, reference in enumerate(record["references"])
    ]  # fmt: skip
    assert [tuple(r) for r in rows] == expected
    assert len(rows) > len(RECORDS)  # the codename Athena has two sources
    related = query(dataset, "SELECT count(*) FROM related_entities")[0][0]
    assert related == sum(len(r["related"]) for r in RECORDS)


def test_datasette_metadata_describes_every_column(dataset: Path) -> None:
    metadata = json.loads(dataset.with_name("facts.metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"] and metadata["description"] and metadata["source"]
    assert metadata["license"] == "MIT"
    tables = metadata["databases"]["facts"]["tables"]
    assert tables["facts"]["facets"] == ["entity", "attribute", "status", "source"]
    for table in TABLES:
        columns = [r["name"] for r in query(dataset, f"PRAGMA table_info([{table.name}])")]
        described = tables[table.name]["columns"]
        assert list(described) == columns and all(described.values()), table.name


def test_planted_objects_in_the_cache_never_travel(tmp_path: Path, cli: Cli) -> None:
    store = tmp_path / "golden.yaml"
    store.write_bytes(GOLDEN.read_bytes())
    assert cli("--data", str(store), "list", "facts").code == 0
    cache = database.path_for(store)
    with sqlite3.connect(cache) as connection:
        connection.executescript(
            "CREATE TABLE planted (x); CREATE VIEW planted_view AS SELECT 1;"
            "CREATE TRIGGER planted_trigger AFTER INSERT ON planted BEGIN SELECT 1; END;"
        )
    connection.close()
    result = cli("--data", str(store), "export", str(tmp_path / "x.db"))
    assert result.code == 0, result.err
    assert objects(tmp_path / "x.db") == EXPECTED_OBJECTS


# --- Datasette, for real ------------------------------------------------------------------


def test_datasette_serves_the_export(dataset: Path) -> None:
    from tests.datasette_server import serve

    with serve(dataset, dataset.with_name("facts.metadata.json")) as get:
        maia = get("/facts/facts.json?entity=maia100&_shape=objects&_size=max")
        assert {r["id"] for r in maia["rows"]} == {
            r["id"] for r in RECORDS if r["entity"] == "maia100"
        }
        faceted = get("/facts/facts.json?_facet=status&_size=0")
        counts = {f["value"]: f["count"] for f in faceted["facet_results"]["status"]["results"]}
        assert counts == {
            s: sum(r["status"] == s for r in RECORDS) for s in {r["status"] for r in RECORDS}
        }
        found = get("/facts/facts.json?_search=transistors&_shape=objects&_size=max")
        assert "maia100-transistors" in {r["id"] for r in found["rows"]}
        view = get("/facts/fact_details.json?entity=maia100&_shape=objects&_size=max")
        assert {r["entity_name"] for r in view["rows"]} == {"Maia 100"}


# --- CSV and the data package ---------------------------------------------------------------


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, cli: Cli) -> Path:
    return export(cli, tmp_path_factory.mktemp("package"), "facts", "--format", "csv")


def problems(directory: Path) -> list[list[Any]]:
    """What the real Frictionless validator finds wrong with the package: the
    descriptor against the Data Package profile, then every file's rows against
    its Table Schema (types, enums, required fields, the primary key, and the
    foreign keys across files), as (file, row, field, error type)."""
    report = frictionless.validate(directory / PACKAGE_FILE)
    found: list[list[Any]] = report.flatten(["name", "rowNumber", "fieldName", "type"])
    return found


def test_the_data_package_is_valid_for_frictionless(package: Path) -> None:
    assert problems(package) == []
    report = frictionless.validate(package / PACKAGE_FILE)
    read = {task.name: task.stats["rows"] for task in report.tasks}  # every row was read
    assert read == {
        "sources": len(STORE.sources), "entities": len(STORE.entities),
        "attributes": len(STORE.attributes), "facts": len(RECORDS),
        "references": sum(len(r["references"]) for r in RECORDS),
        "related_entities": sum(len(r["related"]) for r in RECORDS),
    }  # fmt: skip
    described = frictionless.Package(package / PACKAGE_FILE)
    facts = described.get_table_resource("facts").read_rows()
    assert [row["id"] for row in facts] == [r["id"] for r in RECORDS]
    maia = next(row for row in facts if row["id"] == "maia100-transistors")
    assert maia["value"] == 105_000_000_000 and maia["entity"] == "maia100"
    entities = described.get_table_resource("entities").read_rows()
    microsoft = next(row for row in entities if row["id"] == "microsoft")
    assert "微软" in microsoft["aliases"]  # an array, typed as one


def _edit(directory: Path, file: str, change: Any) -> None:
    path = directory / file
    if file.endswith(".json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        change(document)
        path.write_text(json.dumps(document), encoding="utf-8")
        return
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows[0], rows[1:])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _cell(column: str, row: int, value: str) -> Any:
    def change(header: list[str], rows: list[list[str]]) -> None:
        rows[row][header.index(column)] = value

    return change


def _same_id(header: list[str], rows: list[list[str]]) -> None:
    rows[1][0] = rows[0][0]


def _drop_field(document: dict[str, Any]) -> None:
    document["resources"][0]["schema"]["fields"].pop()


CORRUPTIONS = {
    "an unknown entity": ("facts.csv", _cell("entity", 0, "no-such-entity"), "foreign-key"),
    "an unknown source": ("references.csv", _cell("source_id", 2, "nowhere"), "foreign-key"),
    "a text for a number": ("facts.csv", _cell("value", 0, "105 billion"), "type-error"),
    "a status not allowed": ("facts.csv", _cell("status", 3, "rumoured"), "constraint-error"),
    "a missing id": ("entities.csv", _cell("id", 4, ""), "constraint-error"),
    "an id twice": ("facts.csv", _same_id, "primary-key"),
    "aliases not an array": ("entities.csv", _cell("aliases", 0, "Maia, Athena"), "type-error"),
    "a column undescribed": (PACKAGE_FILE, _drop_field, "extra-label"),
}


# A foreign key, a type and a key in the default run (each validates the whole
# package: 0.4 s); every kind of damage with the slow tests.
DEFAULT_CORRUPTIONS = ("an unknown entity", "a text for a number", "an id twice")


@pytest.mark.parametrize(
    "corruption",
    [
        pytest.param(c, marks=[] if c in DEFAULT_CORRUPTIONS else pytest.mark.slow)
        for c in CORRUPTIONS
    ],
)
def test_frictionless_finds_what_breaks_the_package(
    package: Path, tmp_path: Path, corruption: str
) -> None:
    """The validation above can fail: each kind of damage is found, as its kind."""
    file, change, kind = CORRUPTIONS[corruption]
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    _edit(broken, file, change)
    assert kind in {found[-1] for found in problems(broken)}


def test_a_csv_export_replaces_only_an_earlier_package(tmp_path: Path, cli: Cli) -> None:
    directory = export(cli, tmp_path, "facts", "--format", "csv")
    (directory / "facts.csv").write_text("old")
    export(cli, tmp_path, "facts", "--format", "csv")
    assert (directory / "facts.csv").read_text(encoding="utf-8").startswith("id,")
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep")
    result = cli("export", str(other), "--format", "csv")
    assert result.code == 5 and "not a data package" in result.err
    assert [p.name for p in other.iterdir()] == ["notes.txt"]
    assert not list(tmp_path.glob(".chipfacts-export-*"))


# --- records ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["facts.jsonl", "facts.json"])
def test_json_formats_hold_every_field(tmp_path: Path, name: str, cli: Cli) -> None:
    text = export(cli, tmp_path, name).read_text(encoding="utf-8")
    found = (
        [json.loads(line) for line in text.splitlines()]
        if name.endswith("l")
        else (json.loads(text))
    )
    assert found == RECORDS


@pytest.mark.parametrize(
    ("options", "parse"),
    [
        ((), lambda text: [json.loads(line) for line in text.splitlines()]),  # jsonl for -
        (("--format", "jsonl"), lambda text: [json.loads(line) for line in text.splitlines()]),
        (("--format", "json"), json.loads),
    ],
)
def test_a_dash_is_standard_output(
    options: tuple[str, ...], parse: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    for tty in (False, True):  # text, so a terminal may show it
        code, out, err = cli("export", "-", *options, tty=tty)
        assert (code, err) == (0, "") and parse(out) == RECORDS
    assert list(tmp_path.iterdir()) == []  # no file named -


@pytest.mark.parametrize("fmt", ["sqlite", "csv"])
def test_what_is_not_a_stream_is_refused_for_a_dash(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """A database or a directory of files cannot go to standard output (and a
    terminal is never sent a database): one line, exit 2, nothing written."""
    monkeypatch.chdir(tmp_path)
    for tty in (False, True):
        code, out, err = cli("export", "-", "--format", fmt, tty=tty)
        assert (code, out) == (2, "") and err.count("\n") == 1
        assert "cannot go to standard output" in err
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_dash_is_written_as_dot_slash_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("export", "./-", "--format", "jsonl")
    assert (code, out) == (0, "")
    lines = (tmp_path / "-").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == RECORDS


def test_an_unknown_extension_asks_for_a_format(tmp_path: Path, cli: Cli) -> None:
    for name in ("facts.txt", "facts.csv"):
        result = cli("export", str(tmp_path / name))
        assert result.code == 2 and "use --format" in result.err
        assert not (tmp_path / name).exists()


# --- writes that fail, and where an export may not write -------------------------------------


@pytest.mark.parametrize("fmt", ["sqlite", "csv", "jsonl", "json"])
def test_a_write_over_the_file_size_limit_is_exit_5_and_leaves_nothing(
    tmp_path: Path, fmt: str
) -> None:
    """RLIMIT_FSIZE makes every write past 20 kB fail with EFBIG (Python ignores
    SIGXFSZ), as a full disk would; the export is bigger than that in every format."""
    target = tmp_path / "out" / "facts.out"
    target.parent.mkdir()
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))\n"
        "from chipfacts.entry import main\n"
        "sys.argv = ['chipfacts', '--no-cache', 'export', sys.argv[1], '--format', sys.argv[2]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(target), fmt],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert result.returncode == 5, result.stderr
    assert result.stderr.startswith("chipfacts: error: cannot write ")
    assert result.stderr.count("\n") == 1
    assert list(target.parent.iterdir()) == []  # no partial file, no temporary, no -journal


def store_directory(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    directory.mkdir()
    (directory / "golden.yaml").write_bytes(GOLDEN.read_bytes())
    return directory


@pytest.mark.parametrize("fmt", ["sqlite", "csv", "jsonl", "json"])
def test_export_never_writes_inside_the_store_directory(tmp_path: Path, fmt: str, cli: Cli) -> None:
    directory = store_directory(tmp_path)
    (tmp_path / "link").symlink_to(directory)
    (directory / "sub").mkdir()
    for target in (directory / "more.yaml", tmp_path / "link" / "x.yaml", directory / "sub" / "x"):
        result = cli("--data", str(directory), "export", str(target), "--format", fmt)
        assert result.code == 5, result.err
        assert "inside the store directory being exported" in result.err
    assert sorted(p.name for p in directory.rglob("*")) == ["golden.yaml", "sub"]
    assert cli("--data", str(tmp_path / "link"), "list", "facts").code == 0
