"""Property tests: search and its parsers never raise, are deterministic, and every
name of every entity finds that entity's facts first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chipfacts
from chipfacts.search.index import SearchIndex
from chipfacts.search.rank import search
from chipfacts.search.reader import read_query
from chipfacts.text.normalize import fold, name_key, tokens
from chipfacts.text.numbers import parse_numbers

STORE = chipfacts.load()
INDEX = SearchIndex(STORE)

# Arbitrary Unicode, surrogates, RTL marks and combining characters included.
any_text = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=200
) | st.from_regex(r"[\u200f\u202e\u0301a-z0-9 万亿億.,%$-]{0,40}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_search_never_raises_and_is_deterministic(text: str) -> None:
    first = [(h.fact.id, h.score) for h in search(INDEX, text, limit=5)]
    again = [(h.fact.id, h.score) for h in search(INDEX, text, limit=5)]
    assert first == again


def test_lone_surrogates_next_to_chinese_do_not_crash() -> None:
    # found by hypothesis: OpenCC cannot encode "\ud800" to UTF-8
    assert search(INDEX, "㊀\ud800微軟") == search(INDEX, "㊀微軟")


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert name_key(name_key(text)) == name_key(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["15", "1.5", "万", "亿", "k", "b", "%", "nm", "$4", "美分", "x", "1,050"])
        | st.text(max_size=8),
        max_size=6,
    )
)
def test_number_parser_never_raises(words: list[str]) -> None:
    numbers, rest = parse_numbers(words)
    assert all(n.value >= 0 for n in numbers)
    assert len(rest) <= len(words) + len(numbers)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=0.001, max_value=1e13, allow_nan=False),
    st.sampled_from(["", "k", " thousand", " million", "b", " billion", "万", " 亿"]),
)
def test_numbers_round_trip_through_notations(value: float, suffix: str) -> None:
    text = f"{value:.6g}{suffix}"
    numbers, _ = parse_numbers(tokens(fold(text)))
    scale = {
        "": 1,
        "k": 1e3,
        " thousand": 1e3,
        " million": 1e6,
        "b": 1e9,
        " billion": 1e9,
        "万": 1e4,
        " 亿": 1e8,
    }[suffix]
    if "e" in f"{value:.6g}":  # 1e+10 notation is not a way people type numbers here
        return
    assert len(numbers) == 1
    assert numbers[0].value == pytest.approx(float(f"{value:.6g}") * scale)


def _names() -> list[tuple[str, str]]:
    return [
        (name, entity.id)
        for entity in STORE.entities.values()
        for name in dict.fromkeys((entity.id, entity.name, *entity.aliases))
    ]


def _involves(fact: chipfacts.Fact, entity_id: str) -> bool:
    claimant = fact.claimed_by.id if fact.claimed_by else None
    return entity_id in (fact.entity.id, claimant, *(e.id for e in fact.related))


@pytest.mark.parametrize(("name", "entity_id"), _names(), ids=[f"{e}:{n}" for n, e in _names()])
def test_every_name_finds_its_entity_first(name: str, entity_id: str) -> None:
    query = read_query(INDEX, name)
    assert STORE.entity_rows(name_key(entity_id))[0] in query.entities
    top = search(INDEX, name, limit=1)
    assert top and _involves(top[0].fact, entity_id), (name, [h.fact.id for h in top])
    if STORE.facts_of(entity_id):  # an entity with facts of its own gets them first
        assert top[0].fact.entity.id == entity_id
