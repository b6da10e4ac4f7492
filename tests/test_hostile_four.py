"""Hostile input, round four: the newest commands and options (``draft``, ``--fields``),
each defect class with generated variants rather than one reproduction."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import shutil
from collections.abc import Callable
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
