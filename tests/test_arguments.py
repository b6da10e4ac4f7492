"""Library errors speak the library's language; the CLI calls each argument by the
option that gives it (issue 22, point 5)."""

from __future__ import annotations

import pytest

from chipfacts.errors import ArgumentError
from chipfacts.search.index import SearchIndex
from chipfacts.search.lookup import Filters, find_facts
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
