"""The shortcuts a large store needs give the rankings the plain reads give.

At a million facts search cannot afford some reads done the plain way: every name
key as a row, and sorted (a typo, a "did you mean"), ``count(*)`` of the facts,
the slow typo distance against a hundred thousand names, two queries per entity
named.
Each shortcut (``store.name_lists``, the count kept in ``term_counts``,
``fuzzy._within_typos``, ``Store.makers_of``) is checked here against the plain
way, on generated stores (``benchmarks/generate.py``: synthetic, and the real
store copied), by whole rankings: every fact found, its score, what it matched,
the count and the notes, for broad queries, typos and misses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import DamerauLevenshtein, Indel

import chipfacts
from chipfacts.errors import NotFoundError
from chipfacts.search import fuzzy
from chipfacts.search.fuzzy import suggest_entities
from chipfacts.search.index import SearchIndex
from chipfacts.search.lookup import Filters, find_facts
from chipfacts.store.reader import Store
from chipfacts.text.normalize import name_key
from tests.conftest import load_benchmark

GENERATE = load_benchmark("generate")

BROAD = ["maia", "transistors", "微软 配额", "chip", "microsoft", "微软的芯片", "芯片 训练"]
TYPOS = ["maai", "mircosoft", "trainum", "mi300", "b200", "h20", "microsfot nic", "entyti 42"]
OTHERS = [
    "graphcore transistors",
    "microsoft's maia 100",
    "amd mi300x vs nvidia h100",
    "how many transistors does the maia 100 have",
    "ent-00042",
    "E-42",
    "chip cluster quota",
    "zzqxv",
]
QUERIES = BROAD + TYPOS + OTHERS


def _write(files: dict[str, str], path: Path) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


# The replicated store (1.6 s) under ``slow``: the default run keeps its budget.
@pytest.fixture(
    scope="module", params=["synthetic", pytest.param("replicated", marks=pytest.mark.slow)]
)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("scale") / request.param
    if request.param == "synthetic":
        return _write(GENERATE.generate(3000, 4, seed=7), where)
    return _write(GENERATE.replicate(3000, 4), where)


def _plain(store: Store) -> sqlite3.Connection:
    connection: sqlite3.Connection = store._db  # the plain reads go to the same database
    return connection


def _plain_keys(store: Store, where: str = "1", params: tuple[Any, ...] = ()) -> list[str]:
    query = f"SELECT DISTINCT key FROM entity_keys WHERE {where} ORDER BY key"
    return [k for (k,) in _plain(store).execute(query, params)]


class _PlainStore:
    """``Store``'s shortcuts, each done the plain way."""

    def fact_count(self: Any) -> int:
        return int(_plain(self).execute("SELECT count(*) FROM facts").fetchone()[0])

    def longest_cjk_key(self: Any) -> int:
        query = "SELECT max(length(key)) FROM entity_keys WHERE cjk = 1"
        return int(_plain(self).execute(query).fetchone()[0] or 0)

    def latin_entity_keys(self: Any, shortest: int = 0, longest: int = 1 << 30) -> list[str]:
        return _plain_keys(self, "cjk = 0 AND length(key) BETWEEN ? AND ?", (shortest, longest))

    def every_entity_key(self: Any) -> list[str]:
        return _plain_keys(self)

    def makers_of(self: Any, rows: list[int]) -> dict[int, int]:
        found = {}
        for row in rows:
            maker = self.entity_at(row).maker
            for other in self.entity_rows(name_key(maker)) if maker else ():
                if self.entity_at(other).id == maker:
                    found[row] = other
        return found


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Search with every shortcut replaced by the plain read (and no typo filter)."""
    shortcuts = ("fact_count", "longest_cjk_key", "latin_entity_keys", "every_entity_key")
    for name in (*shortcuts, "makers_of"):
        monkeypatch.setattr(Store, name, getattr(_PlainStore, name))
    every_key = cached_property(_plain_keys)
    every_key.__set_name__(Store, "all_entity_keys")
    monkeypatch.setattr(Store, "all_entity_keys", every_key)
    monkeypatch.setattr(fuzzy, "_within_typos", lambda key, names, cutoff, longest: names)
    yield


def _rankings(location: Path) -> dict[str, object]:
    """Every query's whole ranking (no limit) and notes, or its miss and suggestions."""
    index = SearchIndex(chipfacts.load(location))
    found: dict[str, object] = {}
    for query in QUERIES:
        try:
            results = find_facts(index, [query], Filters(), None)
        except NotFoundError as error:
            found[query] = ("miss", str(error), error.suggestions)
            found[f"suggest {query}"] = None
            continue
        hits = [(hit.fact.id, hit.score) for hit in results.hits]
        found[query] = (hits, results.matches, results.total, results.notes, results.title)
        found[f"suggest {query}"] = suggest_entities(index, query)
    return found


def test_the_shortcuts_rank_as_the_plain_reads(store: Path, request: pytest.FixtureRequest) -> None:
    fast = _rankings(store)
    request.getfixturevalue("plain")
    assert _rankings(store) == fast
    found = [q for q in BROAD if fast[f"suggest {q}"] is not None]  # set only on a find
    assert len(found) >= 3, "the broad queries must find facts, or this compares misses"


def test_the_shortcuts_read_what_the_plain_reads_read(store: Path) -> None:
    loaded = chipfacts.load(store)
    assert loaded.all_entity_keys == _plain_keys(loaded)
    assert sorted(loaded.every_entity_key()) == _plain_keys(loaded)
    assert loaded.fact_count() == _PlainStore.fact_count(loaded)
    assert loaded.longest_cjk_key() == _PlainStore.longest_cjk_key(loaded) > 0
    for shortest, longest in ((0, 1 << 30), (3, 5), (8, 14)):
        expected = _PlainStore.latin_entity_keys(loaded, shortest, longest)
        assert sorted(loaded.latin_entity_keys(shortest, longest)) == expected
    rows = list(range(len(loaded.entities)))
    assert loaded.makers_of(rows) == _PlainStore.makers_of(loaded, rows)


@given(st.text("abcmi0123", max_size=12), st.text("abcmi0123", max_size=12))
def test_indel_is_never_more_than_twice_damerau_levenshtein(a: str, b: str) -> None:
    """What ``fuzzy._within_typos`` rests on: a name it drops cannot be near."""
    assert Indel.distance(a, b) <= 2 * DamerauLevenshtein.distance(a, b)


def _typed(name: str, edits: list[tuple[int, int, str]]) -> str:
    """``name`` with some typos: (what, where, letter), what being 0 drop, 1 add,
    2 replace, 3 swap with the next."""
    letters = list(name)
    for what, where, letter in edits:
        at = where % (len(letters) + 1)
        if what == 1:
            letters.insert(at, letter)
        elif at < len(letters) - (what == 3):
            if what == 0:
                del letters[at]
            elif what == 2:
                letters[at] = letter
            else:
                letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


_EDITS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 20), st.sampled_from("aim0")), max_size=3
)


@given(
    st.text("abcmi0123", min_size=3, max_size=14),
    st.lists(st.tuples(st.booleans(), _EDITS), max_size=30),
    st.sampled_from([0.73, 0.78]),
)
def test_the_typo_filter_keeps_every_name_that_can_score(
    key: str, made: list[tuple[bool, list[tuple[int, int, str]]]], cutoff: float
) -> None:
    """``_within_typos`` keeps, in order, every name near enough to score (the names:
    the key with typos, and others)."""
    names = [_typed(key if near else key[::-1], edits) for near, edits in made]
    longest = max([len(key), *map(len, names)])
    kept = fuzzy._within_typos(key, names, cutoff, longest)
    near = [n for n in names if DamerauLevenshtein.normalized_similarity(key, n) >= cutoff]
    assert [n for n in kept if n in near] == near
    assert kept == [n for n in names if n in kept]  # the names' order, so ties rank alike
