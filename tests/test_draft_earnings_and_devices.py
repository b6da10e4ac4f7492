"""Rules asked for by held-out sets on AI inference chips, chip makers' quarterly
results, AI chips in phones and PCs, and GPU clouds: each read against the shipped
store's vocabulary (its entities and attributes, none of its facts), as the
benchmark reads a new article."""

from __future__ import annotations

import pytest

import chipfacts
from tests.drafting import draft_news, entity_of


@pytest.fixture
def store(vocabulary: chipfacts.Store) -> chipfacts.Store:
    return vocabulary


def test_a_word_in_lower_case_is_no_name_the_store_writes_with_a_capital(
    store: chipfacts.Store,
) -> None:
    text = (
        "SAN DIEGO, Nov 4, 2026 (Wire) - Qualcomm forecast revenue above estimates, betting "
        "that a wave of smartphones able to run AI models will keep demand strong. The San "
        "Diego-based chipmaker expects revenue of $12.4 billion to $13.2 billion."
    )
    found = {entity_of(c) for c in draft_news(store, text, "en")}
    assert "wave-computing" not in found
    assert "qualcomm" in found


def test_a_name_written_with_its_capital_is_still_found(store: chipfacts.Store) -> None:
    text = "Wave Computing的DPU训练速度是GPU的1000倍。Wave去年融资约1亿美元。"
    assert "wave-computing" in {entity_of(c) for c in draft_news(store, text)}
