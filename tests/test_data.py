"""The curated store itself: it validates, its quotes are real, its numbers sane.

These run over data/facts.yaml (the built-in store) and the five source texts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

import chipfacts
from chipfacts import Bound, Status, ValueType
from chipfacts.store.quotes import quote_in
from chipfacts.text.normalize import name_key, squash_whitespace

STORE = chipfacts.load()
FACTS = list(STORE.facts.values())
RAW = yaml.safe_load(chipfacts.builtin_path().read_text(encoding="utf-8"))

# Parts of the captures that are page debris, not article (see the sources' README):
# only these line ranges (1-based, inclusive) may be quoted.
ARTICLE_LINES = {
    "000_22e3bb82d7fbe32e.txt": (1, 46),
    "001_a7cb2996173da827.txt": (2, 107),  # line 1 is spam; from 108 on, site furniture
    "002_12274d2e8085e09b.txt": (1, 25),  # 26 is the reprint disclaimer
    "003_3ec83d412b941483.txt": (1, 24),  # from 26 on: disclaimer and unrelated headlines
    "004_8c318db4b858da2a.txt": (1, 99),
}


def test_the_store_validates_with_every_quote_found(shared_sources: Path) -> None:
    report = chipfacts.validate(chipfacts.builtin_path(), shared_sources)
    assert [str(p) for p in report.problems] == []
    assert report.quotes_checked == len(FACTS)


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_each_quote_is_from_the_article_not_the_page_debris(
    fact: chipfacts.Fact, shared_sources: Path
) -> None:
    first, last = ARTICLE_LINES[fact.source.file]
    lines = (shared_sources / fact.source.file).read_text(encoding="utf-8").splitlines()
    article = squash_whitespace("\n".join(lines[first - 1 : last]))
    assert quote_in(fact.quote, article), f"{fact.id}: quote is outside lines {first}-{last}"


def test_there_are_well_over_60_facts_from_every_source() -> None:
    assert len(FACTS) > 80
    per_source = Counter(f.source.id for f in FACTS)
    assert set(per_source) == set(STORE.sources)
    assert min(per_source.values()) >= 6


def test_ids_are_unique_in_the_file_itself() -> None:
    for section in ("sources", "entities", "attributes", "facts"):
        ids = [item["id"] for item in RAW[section]]
        assert [i for i, n in Counter(ids).items() if n > 1] == [], section


def test_every_name_leads_to_one_entity() -> None:
    owners: dict[str, set[str]] = {}
    for entity in STORE.entities.values():
        for name in (entity.id, entity.name, *entity.aliases):
            owners.setdefault(name_key(name), set()).add(entity.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_entity_is_used() -> None:
    used = {f.entity.id for f in FACTS}
    used |= {e.id for f in FACTS for e in f.related}
    used |= {f.claimed_by.id for f in FACTS if f.claimed_by}
    used |= {e.maker for e in STORE.entities.values() if e.maker}
    assert sorted(set(STORE.entities) - used) == []


def test_every_attribute_is_used() -> None:
    assert sorted(set(STORE.attributes) - {f.attribute.id for f in FACTS}) == []


def test_units_are_consistent_per_attribute() -> None:
    for fact in FACTS:
        if fact.attribute.type is ValueType.NUMBER:
            assert fact.unit == fact.attribute.unit, fact.id
        else:
            assert fact.unit is None, fact.id


def test_number_sanity() -> None:
    for fact in FACTS:
        if fact.bound is Bound.RANGE:
            assert fact.low is not None and fact.high is not None
            assert fact.low <= fact.high, fact.id
        if fact.unit == "percent":
            for n in (fact.value, fact.low, fact.high):
                assert n is None or isinstance(n, int | float) and 0 <= n <= 1000, fact.id
        if fact.attribute.id == "market_share":
            assert isinstance(fact.value, int | float) and 0 <= fact.value <= 100


def test_numbers_are_in_base_units() -> None:
    # A transistor count in billions, a price in cents or a clock in GHz would be
    # off by orders of magnitude; these bounds catch that.
    expected_range = {
        "transistors": (1e6, 1e13),
        "Hz": (1e6, 1e11),
        "nm": (1, 100),
    }
    for fact in FACTS:
        if fact.unit in expected_range and isinstance(fact.value, int | float):
            low, high = expected_range[fact.unit]
            assert low <= fact.value <= high, fact.id


def test_claims_and_estimates_say_who() -> None:
    for fact in FACTS:
        if fact.status in (Status.CLAIMED, Status.ESTIMATED) and fact.claimed_by is None:
            # an estimate may come from unnamed industry sources, said in the quote
            assert fact.status is Status.ESTIMATED and "人士" in fact.quote, fact.id


def test_the_doubtful_arm_claim_carries_a_note() -> None:
    fact = STORE.facts["maia100-architecture"]
    assert fact.value == "Arm" and fact.note and "Doubtful" in fact.note


def test_summaries_are_single_english_sentences() -> None:
    for fact in FACTS:
        assert fact.summary.endswith("."), fact.id
        assert fact.summary[0].isupper() or fact.summary[0].isdigit(), fact.id


# Every number the articles give about chips, clusters, quotas, money and market
# share, as the store must hold it: (entity, attribute, value or (min, max), bound).
ARTICLE_NUMBERS = [
    ("maia100", "transistor_count", 105e9, "exact"),  # 1050億
    ("maia100", "process_node", 5, "exact"),  # 5nm
    ("mi300x", "transistor_count", 153e9, "exact"),  # 1530億
    ("h200", "cuda_cores", 16896, "exact"),
    ("h200", "boost_clock", 1.83e9, "exact"),  # 1.83GHz
    ("h200", "performance_gain", 40, "exact"),
    ("h200", "performance_gain", 60, "exact"),
    ("h100", "production_growth", 3, "at_least"),  # 至少…3倍
    ("microsoft", "annual_spend", 1e8, "at_least"),  # 數億美元以上
    ("microsoft-chip-program", "annual_spend", 1e8, "about"),  # 1億美元左右
    ("tensor", "process_node", 5, "exact"),
    ("tensor", "performance_gain", 370, "exact"),
    ("google", "annual_savings", 1e9, "at_least"),  # 數十億美元
    ("amazon", "chips_launched", 10, "more_than"),  # 超過10款
    ("wave-computing", "speedup_factor", 1000, "more_than"),
    ("imagination", "layoffs", 20, "about"),
    ("nvidia", "revenue", 1e10, "more_than"),  # 超过100亿美元
    ("nvidia", "revenue", 58.8e9, "about"),  # 588亿美元
    ("openai-chip-venture", "fundraising", 1e12, "about"),  # 万亿美元
    ("openai-chip-venture", "annual_output", 1e7, "at_least"),  # 至少数千万
    ("nvidia", "market_share", 80, "more_than"),  # 超过80%
    ("chatgpt", "cost_per_query", 0.04, "about"),  # 4美分
    ("chatgpt", "capex", 48.1e9, "about"),  # 481亿美元
    ("chatgpt", "annual_spend", 16e9, "about"),  # 160亿美元
    ("gpt-5", "gpus_required", (30000, 50000), "range"),  # 3万-5万
    ("openai-chip-program", "annual_spend", 1e8, "at_least"),  # 数亿美元
    ("openai-2020-supercomputer", "cluster_gpus", 10000, "exact"),  # 1万
    ("microsoft", "gpu_order", 100000, "at_least"),  # 至少…数十万
    ("mai-1-preview", "cluster_gpus", 15000, "exact"),  # 1.5 万
    ("mai-1-preview", "cluster_size_ratio", (6, 10), "range"),  # 6 至 10 倍
    ("mai-1-preview", "leaderboard_rank", 24, "exact"),
    ("microsoft", "cluster_gpus", 10000, "at_least"),  # 数万
    ("microsoft", "gpu_order", 10000, "at_least"),  # 数万
    ("microsoft", "investment", 1e9, "at_least"),  # 数十亿美元
    ("azure-openai", "price_per_request", 0.01, "less_than"),  # 不到一美分
]


@pytest.mark.parametrize(("entity", "attribute", "value", "bound"), ARTICLE_NUMBERS)
def test_every_number_in_the_articles_is_in_the_store(
    entity: str, attribute: str, value: float | tuple[float, float], bound: str
) -> None:
    def matches(fact: chipfacts.Fact) -> bool:
        if fact.attribute.id != attribute or fact.bound.value != bound:
            return False
        if isinstance(value, tuple):
            return (fact.low, fact.high) == value
        return isinstance(fact.value, int | float) and abs(fact.value - value) < 1e-9 * value

    assert any(matches(f) for f in STORE.facts_of(entity))


def test_dated_events_in_the_articles() -> None:
    dates = {
        (f.entity.id, f.attribute.id): str(f.value)
        for f in FACTS
        if f.status.value == "reported" and f.attribute.type is ValueType.DATE
    }
    assert dates[("maia100", "launched")] == "2023-11-15"
    assert dates[("maia100", "development_start")] == "2019"
    assert dates[("fungible", "acquired")] == "2023"
    assert dates[("annapurna-labs", "acquired")] == "2015"
    assert dates[("microsoft", "quota_start")] == "2022"
    assert dates[("mai-1-preview", "launched")] == "2025-08"
    assert dates[("nitro", "launched")] == "2013"
    assert dates[("trainium", "launched")] == "2020"
    assert dates[("tensor", "launched")] == "2021"
    assert dates[("bing-chat", "launched")] == "2023-02"
