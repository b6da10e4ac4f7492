"""Library errors speak the library's language; the CLI calls each argument by the
option that gives it (issue 22, point 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipfacts.errors import ArgumentError
from chipfacts.search.index import SearchIndex
from chipfacts.search.lookup import Filters, find_facts
from chipfacts.store.register import describe
from chipfacts.store.store import load
from chipfacts.views.browse import list_facts
from tests.conftest import MINI, Cli


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load(MINI))


def test_the_library_names_its_own_arguments(index: SearchIndex) -> None:
    with pytest.raises(ArgumentError) as searched:
        find_facts(index, ["maia"], Filters(), limit=0)
    assert str(searched.value) == "limit must be at least 1, not 0"
    with pytest.raises(ArgumentError) as listed:
        list_facts(index, Filters(since="2024", until="2023"))
    assert str(listed.value) == "since 2024 is after until 2023"
    assert listed.value.arguments == ("since", "until")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "maia", "--limit", "0"], "--limit must be at least 1, not 0"),
        (["list", "facts", "--limit", "0"], "--limit must be at least 1, not 0"),
        (
            ["list", "facts", "--since", "2024", "--until", "2023"],
            "--since 2024 is after --until 2023",
        ),
        (["timeline", "--since", "2023-00"], "--since: not a date: '2023-00'"),
    ],
)
def test_the_cli_calls_them_by_their_options(args: list[str], message: str, cli: Cli) -> None:
    result = cli("--data", str(MINI), *args)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"chipfacts: error: {message}"), result.err


def test_registering_a_source_names_the_library_arguments(tmp_path: Path) -> None:
    """``describe`` says ``ident`` and ``published``; `sources add` says --id and --date."""
    text = tmp_path / "___.txt"  # no id can be made of this name
    text.write_text("A title\n\nSome text.\n", encoding="utf-8")
    with pytest.raises(ArgumentError) as unnamed:
        describe(text, publisher="p", published="2024")
    assert str(unnamed.value) == "no id can be made from the file name '___.txt'; give ident"
    with pytest.raises(ArgumentError) as undated:
        describe(text, ident="x", publisher="p", published="2024-13")
    assert str(undated.value).startswith("published: ")


def test_sources_add_calls_them_by_its_options(tmp_path: Path, cli: Cli) -> None:
    store = tmp_path / "facts.yaml"
    store.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    text = tmp_path / "___.txt"
    text.write_text("A title\n\nSome text.\n", encoding="utf-8")
    args = ["--data", str(store), "sources", "add", str(text), "--publisher", "p"]
    unnamed = cli(*args, "--date", "2024")
    assert unnamed.err == (
        "chipfacts: error: no id can be made from the file name '___.txt'; give --id\n"
    )
    assert cli(*args, "--id", "x", "--date", "2024-13").err.startswith("chipfacts: error: --date: ")


def test_what_a_message_quotes_is_never_reworded() -> None:
    error = ArgumentError("no id can be made from 'ident limit.txt'; give ident", ("ident",))
    assert error.worded(lambda a: "--id") == "no id can be made from 'ident limit.txt'; give --id"
