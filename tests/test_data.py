"""The curated store itself: it validates, its quotes are real, its numbers sane,
and the curation rules of the README's "Adding a fact" hold.

These run over this checkout's data/facts.yaml and the five source texts.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import chipfacts
from chipfacts import Bound, Status, ValueType
from chipfacts.model.dates import PartialDate
from chipfacts.store.quotes import quote_in
from chipfacts.text.normalize import name_key, squash_whitespace

# This checkout's store, named explicitly: the chipfacts imported may come from
# another checkout (an editable install), whose built-in store is not this one.
DATA = Path(__file__).resolve().parents[1] / "data" / "facts.yaml"
STORE = chipfacts.load(DATA)
FACTS = list(STORE.facts.values())
RAW = yaml.safe_load(DATA.read_text(encoding="utf-8"))

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
    report = chipfacts.validate(DATA, shared_sources)
    assert [str(p) for p in report.problems] == []
    assert report.quotes_checked == sum(len(f.references) for f in FACTS)


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_each_quote_is_from_the_article_not_the_page_debris(
    fact: chipfacts.Fact, shared_sources: Path
) -> None:
    for reference in fact.references:
        file = reference.source.file
        first, last = ARTICLE_LINES[file]
        lines = (shared_sources / file).read_text(encoding="utf-8").splitlines()
        article = squash_whitespace("\n".join(lines[first - 1 : last]))
        where = f"lines {first}-{last} of {file}"
        assert quote_in(reference.quote, article), f"{fact.id}: quote is outside {where}"


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


def test_the_doubtful_arm_claim_carries_a_doubt() -> None:
    fact = STORE.facts["maia100-architecture"]
    assert fact.value == "Arm" and fact.doubt and fact.doubt.kind.value == "wrong"


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
    ("h200", "performance_gain", 40, "at_most"),  # a vendor's "can improve by"
    ("h200", "performance_gain", 60, "at_most"),
    ("h100", "production_growth", 3, "at_least"),  # 至少…3倍
    ("microsoft", "annual_spend", 1e8, "at_least"),  # 數億美元以上
    ("microsoft-chip-program", "annual_spend", 1e8, "about"),  # 1億美元左右
    ("tensor", "process_node", 5, "exact"),
    ("tensor", "performance_gain", 370, "at_most"),  # Google's "up to 370%"
    ("google", "annual_savings", 1e9, "at_least"),  # 數十億美元
    ("amazon", "chips_launched", 10, "more_than"),  # 超過10款
    ("wave-dpu", "speedup_factor", 1000, "exact"),  # 超過…GPU1000倍: 1,000 times faster
    ("imagination", "layoffs", 20, "about"),
    ("nvidia", "revenue", 1e10, "more_than"),  # 超过100亿美元
    ("nvidia", "revenue", 58.8e9, "about"),  # 588亿美元
    ("openai-chip-venture", "fundraising", 1e12, "at_least"),  # 万亿美元: trillions
    ("openai-chip-venture", "annual_output", 1e7, "at_least"),  # 至少数千万
    ("nvidia", "market_share", 80, "more_than"),  # 超过80%
    ("chatgpt", "cost_per_query", 0.04, "about"),  # 4美分
    ("chatgpt", "capex", 48.1e9, "about"),  # 481亿美元
    ("chatgpt", "annual_spend", 16e9, "about"),  # 160亿美元
    ("gpt-5", "gpus_required", (30000, 50000), "range"),  # 3万-5万
    ("openai-chip-program", "annual_spend", 1e8, "at_least"),  # 数亿美元
    ("openai-2020-supercomputer", "cluster_gpus", 10000, "exact"),  # 1万
    ("microsoft", "gpu_order", 100000, "at_least"),  # 至少…数十万
    ("mai-1-preview", "cluster_gpus", 15000, "about"),  # 1.5 万, Microsoft's "~15,000"
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
    assert dates[("microsoft", "quota_start")] == "2022-12"  # 2022 年末, about
    assert dates[("mai-1-preview", "launched")] == "2025-08"
    assert dates[("nitro", "launched")] == "2013"
    assert dates[("trainium", "launched")] == "2020"
    assert dates[("tensor", "launched")] == "2021"
    assert dates[("bing-chat", "launched")] == "2023-02"


# --- The curation rules of the README's "Adding a fact", checked mechanically ---

NUMBER_FACTS = [f for f in FACTS if f.attribute.type is ValueType.NUMBER]
LOWER_BOUNDS = (Bound.AT_LEAST, Bound.MORE_THAN)

# Vague magnitudes and the lower bound each stands for (longest first, so that
# 数十万 is not read as 十万 and 数十亿 not as 十亿).
VAGUE = {
    "数十亿": 1e9, "數十億": 1e9, "数千万": 1e7, "數千萬": 1e7, "数十万": 1e5, "數十萬": 1e5,
    "万亿": 1e12, "萬億": 1e12, "数亿": 1e8, "數億": 1e8, "数万": 1e4, "數萬": 1e4,
    "上千": 1e3, "数千": 1e3, "數千": 1e3,
}  # fmt: skip
_VAGUE = re.compile("|".join(sorted(VAGUE, key=len, reverse=True)))


def vague_in(quote: str) -> set[float]:
    return {VAGUE[m] for m in _VAGUE.findall(squash_whitespace(quote))}


def test_a_vague_magnitude_is_a_lower_bound_at_its_floor() -> None:
    # 万亿 is "trillions", 数万 "tens of thousands": at_least the magnitude, never "about".
    for fact in NUMBER_FACTS:
        floors = vague_in(fact.quote)
        if floors and fact.bound is not Bound.RANGE:
            assert fact.bound in LOWER_BOUNDS, f"{fact.id}: {fact.bound} for a vague magnitude"
            assert fact.value in floors, f"{fact.id}: {fact.value} is not the floor of {floors}"


_MORE_THAN_N = re.compile(r"(超过|超過)\s*\d")  # 超过100亿: more than 10 billion
_N_TIMES = re.compile(r"(超过|超過)[^，。,；]*?\d+(\.\d+)?\s*倍")  # 超過X的Y倍: Y times X


def test_chao_guo_before_a_number_is_more_than_and_as_a_verb_is_a_factor() -> None:
    for fact in NUMBER_FACTS:
        quote = squash_whitespace(fact.quote)
        if _N_TIMES.search(quote):
            assert fact.unit == "x" and fact.bound not in LOWER_BOUNDS, fact.id
        elif _MORE_THAN_N.search(quote):
            assert fact.bound is Bound.MORE_THAN, fact.id


_UP_TO = re.compile(r"最高|高达|高達|多达|多達|up to", re.IGNORECASE)


def test_up_to_figures_are_upper_bounds_claimed_not_reported() -> None:
    # Marketing "up to" (最高/高达), and a maker's speed-up figures, are best cases.
    for fact in NUMBER_FACTS:
        if _UP_TO.search(fact.quote) or fact.attribute.id == "performance_gain":
            assert fact.bound in (Bound.AT_MOST, Bound.RANGE), fact.id
            assert fact.status is Status.CLAIMED and fact.claimed_by, fact.id


_PLAN_VERB = re.compile(r"(计划|計劃)(在|将|將|使用|用|推出|于|於)")


def test_hopes_and_plans_are_not_reported_as_facts() -> None:
    for fact in FACTS:
        quote = squash_whitespace(fact.quote)
        if "希望" in quote:
            assert fact.status is not Status.REPORTED, f"{fact.id}: a hope (希望) is not a fact"
        if _PLAN_VERB.search(quote):
            assert fact.status is Status.PLANNED, f"{fact.id}: a plan (计划) is planned"


def test_a_hope_is_claimed_only_by_the_speaker_who_voices_it() -> None:
    # Whose words: a hope in the editors' summary or from unnamed people is nobody's
    # claim; claimed_by names a speaker the quote names, or whose own words
    # ("we") it is.
    for fact in FACTS:
        if "希望" in fact.quote and fact.claimed_by is not None:
            names = (fact.claimed_by.name, *fact.claimed_by.aliases, "我们", "我們")
            assert any(name in fact.quote for name in names), fact.id


_LEAK = re.compile(r"知情人士|熟悉[^，。,]{0,4}人士|据透露|據透露|据悉|據悉|被爆|劇透|剧透")


def test_leaks_are_never_a_named_partys_claim() -> None:
    # An unnamed source claims nothing in anyone's name: a leak is reported, or planned.
    for fact in FACTS:
        if _LEAK.search(squash_whitespace(fact.quote)) and fact.status is Status.CLAIMED:
            assert fact.claimed_by is not None and fact.claimed_by.kind == "person", fact.id


def test_estimates_say_who_estimated() -> None:
    for fact in FACTS:
        if fact.status is Status.ESTIMATED and fact.claimed_by is None:
            assert "人士" in fact.quote, f"{fact.id}: an estimate needs claimed_by"


def test_a_back_of_envelope_calculation_is_an_estimate() -> None:
    for fact in NUMBER_FACTS:
        if re.search("算過一筆賬|算过一笔账|分析称|分析稱", fact.quote):
            # unless the sums are known to be another's: a doubt then says whose
            if fact.doubt is None:
                assert fact.status is Status.ESTIMATED and fact.claimed_by, fact.id


def test_nothing_is_dated_after_its_article() -> None:
    for fact in FACTS:
        published = fact.source.published  # compare only the parts the date gives
        given = 1 + bool(published.month) + bool(published.day)
        assert fact.as_of[:given] <= published[:given], fact.id


_EARLIER = re.compile(r"之前表示|曾聲稱|曾声称|去年曾|曾预测|曾預測|8月表示")


def test_an_earlier_statement_keeps_its_own_date() -> None:
    # as_of is when the statement was made; a claim the article repeats is older.
    for fact in FACTS:
        if _EARLIER.search(fact.quote):
            assert fact.as_of < fact.source.published, fact.id
            if "曾预测" not in fact.quote:  # undated in the text and elsewhere: context says so
                assert fact.as_of[:2] < fact.source.published[:2], fact.id


def test_last_year_and_this_year_follow_the_article() -> None:
    for fact in FACTS:
        year = fact.source.published.year
        if fact.attribute.type is ValueType.DATE and isinstance(fact.value, tuple):
            if "去年" in fact.quote:
                assert fact.value.year == year - 1, fact.id
            elif "今年" in fact.quote:
                assert fact.value.year == year, fact.id


def test_a_vague_part_of_a_year_keeps_its_precision() -> None:
    # 2022 年末 is about December 2022, not "2022"; 8 月下旬 is August.
    for fact in FACTS:
        if fact.attribute.type is ValueType.DATE and re.search("年末|年底|下旬|上旬", fact.quote):
            assert isinstance(fact.value, PartialDate) and fact.value.month, fact.id
            if re.search("年末|年底", fact.quote):
                assert fact.bound is Bound.ABOUT, fact.id


def test_a_comparison_by_the_article_is_not_a_persons_claim() -> None:
    for fact in FACTS:
        if squash_whitespace(fact.quote).startswith(("相比之下", "不過橫向對比")):
            assert fact.status is Status.REPORTED and fact.claimed_by is None, fact.id


DOUBT_WORDS = re.compile(r"doubtful|inaccurate|wrong|not confirmed|unconfirmed", re.IGNORECASE)


def test_doubts_are_data_not_notes() -> None:
    for fact in FACTS:
        assert not (fact.note and DOUBT_WORDS.search(fact.note)), f"{fact.id}: use 'doubt'"
        if fact.doubt:
            reason = fact.doubt.reason
            assert reason.endswith(".") and reason[0].isupper() and len(reason) > 30, fact.id
            assert not re.search(r"[\u4e00-\u9fff]{4}", reason), f"{fact.id}: say it in English"


KNOWN_DOUBTS = {
    "h200-gain-llama2": "misleading",  # Nvidia's inference figures, not training
    "h200-gain-chatgpt": "misleading",
    "h200-boost-clock": "unconfirmed",
    "wave-computing-defunct": "wrong",  # Chapter 11, then MIPS; not liquidated
    "nc-h100-v5-purpose": "wrong",  # a VM series conflated with the AI foundry service
    "maia100-architecture": "wrong",  # Arm: Cobalt 100, not Maia
    # issue 18: the article is wrong, or says less than it seems to
    "gpt-5-gpus-required": "wrong",  # GPU Utils' estimate, shared by Karpathy
    "meta-suppliers": "misleading",  # AR-glasses chips, not AI chips
    "meta-qualcomm-plan": "misleading",
    "h100-production-growth": "wrong",  # FT: a plan to triple output in 2024
    "microsoft-a100-spend": "wrong",  # Bloomberg: a one-off supercomputer cost
    "mi300x-used-by-azure": "wrong",  # in preview at Ignite 2023, GA May 2024
    "llama-2-open-to-third-parties": "wrong",  # released openly in July 2023
    "maia100-for-cloud-customers-forecast": "unconfirmed",  # denied by Nadella
    "maia100-behind-rivals": "misleading",  # 105B transistors beat the H100's 80B
    "maia100-name-origin": "misleading",  # Maia is a Pleiades star
    "altman-venture-output": "unconfirmed",  # sister of the fundraising leak
    "openai-chip-program-acquisition": "unconfirmed",
}


@pytest.mark.parametrize(("fact_id", "kind"), KNOWN_DOUBTS.items())
def test_known_doubts(fact_id: str, kind: str) -> None:
    fact = STORE.facts[fact_id]
    assert fact.doubt is not None and fact.doubt.kind.value == kind


def test_a_codename_has_one_value() -> None:
    names: dict[str, set[str]] = {}
    for fact in FACTS:
        if fact.attribute.id == "codename":
            names.setdefault(fact.entity.id, set()).add(str(fact.value))
    assert {e: v for e, v in names.items() if len(v) > 1} == {}
