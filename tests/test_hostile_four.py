"""Hostile input, round four: the newest commands and options (``draft``, ``--fields``),
each defect class with generated variants rather than one reproduction."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, MINI, MINI_SOURCES, Cli

GOLDEN = FIXTURES / "golden.yaml"

# --- 1. draft --source with a text that is not that source's ---------------------------

# Ways a text comes to differ from the one registered: edited, extended, cut,
# re-encoded (a BOM, Windows line breaks), or another article altogether.
EDITS: dict[str, Callable[[bytes], bytes]] = {
    "a digit changed": lambda b: b.replace(b"80%", b"60%"),
    "a line added": lambda b: b + "另据报道，份额超过90%。\n".encode(),
    "a line cut": lambda b: b.split(b"\n", 1)[1],
    "a BOM put first": lambda b: b"\xef\xbb\xbf" + b,
    "CRLF line breaks": lambda b: b.replace(b"\n", b"\r\n"),
    "another article": lambda b: "微软宣布，英伟达控制了超过70%的份额。\n".encode(),
}


def registered_store(tmp_path: Path, with_sha256: bool) -> tuple[Path, Path]:
    """A copy of the mini store and its source text, the source registered with the
    text's sha256 or (as a hand-written store may have it) without one."""
    sources = tmp_path / "sources"
    shutil.copytree(MINI_SOURCES, sources)
    store = tmp_path / "facts.yaml"
    text = MINI.read_text(encoding="utf-8")
    if with_sha256:
        digest = hashlib.sha256((sources / "mini.txt").read_bytes()).hexdigest()
        line = "    language: zh-Hans\n"
        text = text.replace(line, f"{line}    sha256: {digest}\n", 1)
    store.write_text(text, encoding="utf-8")
    return store, sources


@pytest.mark.parametrize("with_sha256", [True, False], ids=["sha256", "no-sha256"])
@pytest.mark.parametrize("edit", EDITS, ids=str)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_drafting_another_text_as_a_registered_source_is_refused(
    tmp_path: Path, with_sha256: bool, edit: str, fmt: str, cli: Cli
) -> None:
    # The draft's quotes are cut from ARTICLE and pasted under the source: from another
    # text they are quotes the source's file does not hold, and validate fails later.
    store, sources = registered_store(tmp_path, with_sha256)
    changed = EDITS[edit]((sources / "mini.txt").read_bytes())
    # With a sha256 the same name does not make it the same text; without one, the
    # name is all there is to go by, so the changed text goes under another name.
    article = tmp_path / ("mini.txt" if with_sha256 else "mini-copy.txt")
    article.write_bytes(changed)
    before = store.read_bytes()
    result = cli("--data", str(store), "draft", str(article), "--source", "mini", "--format", fmt)
    assert (result.code, result.out) == (2, ""), result.out
    assert result.err.startswith("chipfacts: error: ") and result.err.count("\n") == 1
    assert "is not the text of source 'mini'" in result.err
    assert store.read_bytes() == before


@pytest.mark.parametrize("with_sha256", [True, False], ids=["sha256", "no-sha256"])
def test_the_registered_text_itself_drafts_and_its_quotes_validate(
    tmp_path: Path, with_sha256: bool, cli: Cli
) -> None:
    store, sources = registered_store(tmp_path, with_sha256)
    result = cli("--data", str(store), "draft", str(sources / "mini.txt"), "--source", "mini")
    assert result.code == 0, result.err
    assert "drafted from mini.txt" in result.out


# --- 2. --fields: what a flat format makes of nested records and repeated names --------

FLAT = ["csv", "plain"]
# Commands that print fact records, and a query that gives facts with a doubt and a match.
RECORD_COMMANDS = [
    ["search", "alpha", "--all"],
    ["list", "facts"],
    ["conflicts"],
]
NESTED_WITHOUT_ID = {
    "doubt": ("kind", "reason"),
    "match": ("words", "how", "fallback_for"),
}


def _rows(out: str, fmt: str) -> list[list[str]]:
    if fmt == "csv":
        return list(csv.reader(io.StringIO(out)))[1:]
    return [line.split("\t") for line in out.splitlines()]


def _json_records(cli: Cli, args: list[str], fields: str) -> list[dict[str, object]]:
    result = cli("--data", str(GOLDEN), *args, "--fields", fields, "--format", "jsonl")
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


@pytest.mark.parametrize("fmt", FLAT)
@pytest.mark.parametrize(
    ("args", "name"),
    [
        (args, name)
        for args in RECORD_COMMANDS
        for name in NESTED_WITHOUT_ID
        if name != "match" or args[0] == "search"
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_a_nested_record_selected_whole_is_never_an_empty_cell(
    args: list[str], name: str, fmt: str, cli: Cli
) -> None:
    # `--fields doubt` or `--fields match` in CSV or plain printed "" for every fact,
    # doubted or not: a flat cell shows a nested record by its id, and these have none.
    # Selected whole, such a record is its fields, one column each, as JSON has them.
    fields = f"id,{name}"
    result = cli("--data", str(GOLDEN), *args, "--fields", fields, "--format", fmt)
    assert result.code == 0, result.err
    records = _json_records(cli, args, fields)
    rows = _rows(result.out, fmt)
    assert len(rows) == len(records)
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(result.out)))
        assert header == ["id", *(f"{name}.{inner}" for inner in NESTED_WITHOUT_ID[name])]
    seen = False
    for row, record in zip(rows, records, strict=True):
        nested = record[name]
        assert row[0] == record["id"]
        if nested is None:
            assert not any(row[1:])
            continue
        assert isinstance(nested, dict)
        seen = True
        for cell, inner in zip(row[1:], NESTED_WITHOUT_ID[name], strict=True):
            value = nested[inner]
            expected = "; ".join(value) if isinstance(value, list) else (value or "")
            assert cell == expected
    assert seen, "the fixture gives no record with this nested field"


REPEATABLE = ["id", "display", "doubt", "doubt.kind", "source", "source.file"]


@pytest.mark.parametrize("fmt", [*FLAT, "jsonl"])
@pytest.mark.parametrize(
    "names",
    [list(p) for p in itertools.permutations(["id", "display", "doubt.kind"], 2)]
    + [[name, name] for name in REPEATABLE]
    + [["id", "display", "id"], ["doubt", "doubt.kind", "doubt"]]
    + [["source.file", "source_file"], ["source_file", "id", "source.file"]],
    ids=",".join,
)
def test_a_field_named_twice_is_printed_once_in_every_format(
    names: list[str], fmt: str, cli: Cli
) -> None:
    # JSON keeps one key per name, so CSV and plain must not print the column twice:
    # the same --fields gives the same fields whatever the format.
    fields = ",".join(names)
    result = cli("--data", str(GOLDEN), "list", "facts", "--fields", fields, "--format", fmt)
    assert result.code == 0, result.err
    first = {name.replace("source_", "source."): name for name in reversed(names)}
    once = ",".join(sorted(first.values(), key=names.index))
    single = cli("--data", str(GOLDEN), "list", "facts", "--fields", once, "--format", fmt)
    assert result.out == single.out


# --- 3. numbers at the edges of what the store allows ----------------------------------


def number_store(tmp_path: Path, values: Sequence[float]) -> Path:
    """A store with one entity per value, each with one count fact, and a range fact
    spanning the smallest and largest value (the store allows numbers up to 1e30)."""
    low, high = min(values), max(values)
    facts = [
        {"id": f"f{i}", "entity": f"e{i}", "attribute": "count", "value": v, "bound": "exact"}
        for i, v in enumerate(values)
    ]
    if low < high:
        facts.append(
            {"id": "span", "entity": "e0", "attribute": "count", "min": low, "max": high}
            | {"bound": "range"}
        )
    common = {"unit": "gpus", "status": "reported", "as_of": "2024-01", "source": "s"}
    document = {
        "sources": [
            {"id": "s", "file": "s.txt", "title": "S", "publisher": "P"}
            | {"published": "2024-01", "language": "zh-Hans"}
        ],
        "entities": [
            {"id": f"e{i}", "name": f"E{i}", "kind": "chip", "aliases": []}
            for i in range(len(values))
        ],
        "attributes": [
            {"id": "count", "label": "Count", "type": "number", "unit": "gpus"}
            | {"description": "A count."}
        ],
        "facts": [f | common | {"quote": "q", "summary": "s"} for f in facts],
    }
    store = tmp_path / "facts.yaml"
    store.write_text(json.dumps(document), encoding="utf-8")  # JSON is YAML
    return store


SQLITE_EDGES = [2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**19, 10**30, -(10**30)]


@pytest.mark.parametrize(
    "values",
    [[v] for v in SQLITE_EDGES] + [[0, v] for v in SQLITE_EDGES] + [SQLITE_EDGES],
    ids=lambda vs: ",".join(f"{v:.3g}" for v in vs),
)
def test_an_integer_beyond_sqlites_64_bits_exports(
    tmp_path: Path, values: list[int], cli: Cli
) -> None:
    # SQLite's INTEGER is 64-bit; the store's numbers go to 1e30. A larger integer
    # was an OverflowError traceback from the sqlite export: now it is stored as REAL.
    store = number_store(tmp_path, values)
    target = tmp_path / "out.db"
    result = cli("--data", str(store), "export", str(target))
    assert result.code == 0, result.err
    with sqlite3.connect(target) as db:
        stored = dict(db.execute("SELECT id, value FROM facts WHERE bound = 'exact'").fetchall())
        span = db.execute("SELECT min, max FROM facts WHERE id = 'span'").fetchall()
    for i, value in enumerate(values):
        fits = -(2**63) <= value < 2**63
        # exactly, or as the nearest float when beyond
        assert stored[f"f{i}"] == (value if fits else float(value))
        assert isinstance(stored[f"f{i}"], int) == fits
    if span:
        assert tuple(map(float, span[0])) == (float(min(values)), float(max(values)))


# Positive values a float can hold only without full precision (subnormals, down to
# 5e-324), beside ordinary and large ones: a log scale's first decade then lay below
# the smallest float, and the axis was a ValueError (math domain error) traceback.
TINY = [5e-324, 1e-323, 2.5e-320, 1e-310, 2.2e-308]


@pytest.fixture(scope="module")
def number_stores(tmp_path_factory: pytest.TempPathFactory) -> Callable[[float, float], Path]:
    """``number_store`` of two values, made (and compiled) once for every width."""

    @functools.cache
    def made(tiny: float, other: float) -> Path:
        return number_store(tmp_path_factory.mktemp("numbers"), [tiny, other])

    return made


@pytest.mark.parametrize("tiny", TINY, ids=str)
@pytest.mark.parametrize("other", [1e-300, 1.0, 1e30], ids=str)
@pytest.mark.parametrize("columns", [20, 60, 300])
def test_a_log_chart_of_the_tiniest_floats_draws(
    number_stores: Callable[[float, float], Path],
    tiny: float,
    other: float,
    columns: int,
    cli: Cli,
) -> None:
    store = number_stores(tiny, other)
    text = cli("--data", str(store), "chart", "count", columns=columns)
    assert text.code == 0, text.err
    assert "log scale" in " ".join(text.out.split())
    spec = cli("--data", str(store), "chart", "count", "--format", "vega-lite")
    assert spec.code == 0, spec.err
    json.loads(spec.out, parse_constant=pytest.fail)  # no NaN or Infinity


# --- 4. a reader that goes away before the first byte ----------------------------------

# `| grep -q`, `| true`, `| head -c0`: the reader may be gone before chipfacts writes.
# click turned the broken pipe into a silent exit 1 ("nothing found"); it is exit 0, as
# when `| head` goes away later (tests/test_streams.py).
EARLY_READER_COMMANDS = [
    ["list", "facts"],
    ["list", "facts", "--format", "csv"],
    ["search", "alpha", "--all", "--json"],
    ["conflicts"],
    ["validate"],
    ["cite", "alpha-transistors", "--style", "bibtex"],
    ["chart", "transistor_count", "--format", "vega-lite"],
]


@pytest.mark.parametrize("args", EARLY_READER_COMMANDS, ids=" ".join)
def test_a_reader_gone_before_the_first_byte_is_exit_0(tmp_path: Path, args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before chipfacts starts
    try:
        done = subprocess.run(
            [sys.executable, "-m", "chipfacts", "--data", str(GOLDEN), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


# --- 5. a search that finds nothing offers the fields of one that finds something -------

SEARCH_FIELDS = ["match", "match.words", "match.how", "match.fallback_for", "score", "id"]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "plain"])
@pytest.mark.parametrize("field", SEARCH_FIELDS)
def test_search_fields_are_the_same_whether_anything_is_found(
    field: str, fmt: str, cli: Cli
) -> None:
    # Found nothing, `--fields match` was a usage error (2) naming fields without
    # match, and the CSV header lost the match columns: a script's header and its
    # accepted fields changed with the query. Nothing found is exit 1, same header.
    args = ["--data", str(GOLDEN), "search", "--fields", f"id,{field}", "--format", fmt]
    found = cli(*args[:3], "alpha", *args[3:])
    missed = cli(*args[:3], "zzzqqq", *args[3:])
    assert (found.code, missed.code) == (0, 1), missed.err
    assert missed.err.count("\n") == 1 and "no facts match" in missed.err
    if fmt == "csv":
        assert missed.out.splitlines() == found.out.splitlines()[:1]


@pytest.mark.parametrize("query", ["zzzqqq", "the of and"])
def test_an_empty_search_csv_has_the_header_of_a_full_one(query: str, cli: Cli) -> None:
    found = cli("--data", str(GOLDEN), "search", "alpha", "--format", "csv")
    missed = cli("--data", str(GOLDEN), "search", query, "--format", "csv")
    assert missed.code == 1
    assert missed.out.splitlines() == found.out.splitlines()[:1]
