"""Search quality over the real store: realistic queries and where their answer ranks.

Each row is a query a person would type and the fact they mean; it must be in
the top 3. Bare entity names must bring that entity's facts into the top 5.
"""

from __future__ import annotations

import pytest

import chipfacts
from chipfacts.search.index import SearchIndex
from chipfacts.search.rank import search
from chipfacts.search.reader import read_query
from chipfacts.text.normalize import fold, tokens
from chipfacts.text.numbers import parse_numbers

STORE = chipfacts.load()
INDEX = SearchIndex(STORE)

# (query, the fact meant)
FACT_QUERIES = [
    # English, with attribute words
    ("maia transistors", "maia100-transistors"),
    ("Maia 100 transistor count", "maia100-transistors"),
    ("maia100 process node", "maia100-process"),
    ("maia foundry", "maia100-foundry"),
    ("maia codename", "maia100-codename-athena"),
    ("maia architecture", "maia100-architecture"),
    ("mi300x transistors", "mi300x-transistors"),
    ("h200 cuda cores", "h200-cuda-cores"),
    ("h200 boost clock", "h200-boost-clock"),
    ("h200 clock speed", "h200-boost-clock"),
    ("h100 production capacity", "h100-production-growth"),
    ("nvidia market share", "nvidia-ai-chip-share"),
    ("nvidia revenue", "nvidia-fiscal-revenue"),
    ("nvidia networking revenue", "nvidia-networking-revenue"),
    ("chatgpt cost per query", "chatgpt-cost-per-query"),
    ("chatgpt query cost", "chatgpt-cost-per-query"),
    ("gpt-5 gpus", "gpt-5-gpus-required"),
    ("gpt5 h100", "gpt-5-gpus-required"),
    ("microsoft gpu quota", "microsoft-gpu-quota"),
    ("microsoft quota approval", "microsoft-quota-approval"),
    ("microsoft rationing", "microsoft-gpu-quota"),
    ("mai-1-preview cluster", "mai-1-preview-training-gpus"),
    ("MAI-1 training gpus", "mai-1-preview-training-gpus"),
    ("mai-1-preview lmarena rank", "mai-1-preview-lmarena-rank"),
    ("openai 2020 supercomputer", "openai-2020-supercomputer-gpus"),
    ("fungible acquisition", "fungible-acquired"),
    ("annapurna labs acquired", "annapurna-acquired"),
    ("microsoft nic lead", "microsoft-nic-lead"),
    ("Pradeep Sindhu", "microsoft-nic-lead"),
    ("connectx-7", "microsoft-nic-similar-to"),
    ("tensor samsung", "tensor-foundry"),
    ("google broadcom", "google-drops-broadcom"),
    ("amazon chips launched", "amazon-chips-launched"),
    ("trainium anthropic", "trainium-used-by-anthropic"),
    ("tpu customers", "tpu-used-by"),
    ("imagination layoffs", "imagination-layoffs"),
    ("wave computing speedup", "wave-speedup-claim"),
    ("azure openai price", "azure-openai-price"),
    ("altman trillion chip venture", "altman-venture-fundraising"),
    ("microsoft a100 spending", "microsoft-a100-spend"),
    ("meta qualcomm", "meta-qualcomm-plan"),
    ("cost of microsoft's chip program", "microsoft-chip-program-cost"),
    ("Ignite 2023 maia launch", "maia100-launched"),
    ("Stacy Rasgon", "chatgpt-cost-per-query"),
    ("karpathy gpt-5", "gpt-5-gpus-required"),
    # ids with and without hyphens, odd spacing and width
    ("maia-100", "maia100-transistors"),
    ("mi 300x transistors", "mi300x-transistors"),
    ("ＭＩ３００Ｘ", "mi300x-transistors"),
    ("mai 1 preview", "mai-1-preview-training-gpus"),
    # Simplified and Traditional Chinese
    ("微軟 配额", "microsoft-gpu-quota"),
    ("微软配额", "microsoft-gpu-quota"),
    ("晶体管", "maia100-transistors"),
    ("晶體管", "maia100-transistors"),
    ("雅典娜", "maia100-codename-athena"),
    ("英偉達 份額", "nvidia-ai-chip-share"),
    ("英伟达 市场份额", "nvidia-ai-chip-share"),
    ("台积电", "maia100-foundry"),
    ("臺積電 5nm", "maia100-process"),
    ("奥特曼 芯片", "altman-venture-fundraising"),
    ("苏莱曼 集群", "mai-1-preview-training-gpus"),
    ("网卡 ConnectX-7", "microsoft-nic-similar-to"),
    ("网卡 替代品", "microsoft-nic-in-development"),
    ("收购 Fungible", "fungible-acquired"),
    # typos
    ("maai transistors", "maia100-transistors"),
    ("mi300 transistors", "mi300x-transistors"),
    ("trainum", "trainium-launched"),
    ("nvidai market share", "nvidia-ai-chip-share"),
    ("micorsoft quota", "microsoft-gpu-quota"),
    ("transistor maia", "maia100-transistors"),
    ("nvidea market shaer", "nvidia-ai-chip-share"),
    ("maia trnsistors", "maia100-transistors"),
    ("microsoft clsuter", "microsoft-gpu-clusters"),
    # numbers, across notations
    ("15000", "mai-1-preview-training-gpus"),
    ("15k", "mai-1-preview-training-gpus"),
    ("1.5万", "mai-1-preview-training-gpus"),
    ("1.5 万", "mai-1-preview-training-gpus"),
    ("105 billion", "maia100-transistors"),
    ("105B", "maia100-transistors"),
    ("1050亿", "maia100-transistors"),
    ("1050億", "maia100-transistors"),
    ("153 billion transistors", "mi300x-transistors"),
    ("5nm", "maia100-process"),
    ("80%", "nvidia-ai-chip-share"),
    ("16,896", "h200-cuda-cores"),
    ("1.83GHz", "h200-boost-clock"),
    ("$48.1 billion", "chatgpt-chip-capex"),
    ("4美分", "chatgpt-cost-per-query"),
    ("4 cents", "chatgpt-cost-per-query"),
    ("588亿美元", "nvidia-fiscal-revenue"),
    ("40000 h100", "gpt-5-gpus-required"),
    ("10000 gpus 2020", "openai-2020-supercomputer-gpus"),
    ("370%", "tensor-gpu-gain"),
    ("2015 acquisition", "annapurna-acquired"),
]

# (bare name as typed, the entity whose facts must fill the top 5)
ENTITY_QUERIES = [
    ("maia", "maia100"),
    ("Maia 100", "maia100"),
    ("athena", "maia100"),
    ("mi300x", "mi300x"),
    ("MI300X", "mi300x"),
    ("h200", "h200"),
    ("microsoft", "microsoft"),
    ("微軟", "microsoft"),
    ("微软", "microsoft"),
    ("nvidia", "nvidia"),
    ("英偉達", "nvidia"),
    ("tensor", "tensor"),
    ("mai-1-preview", "mai-1-preview"),
]


@pytest.mark.parametrize(("query", "fact_id"), FACT_QUERIES)
def test_the_fact_meant_is_in_the_top_3(query: str, fact_id: str) -> None:
    top = [hit.fact.id for hit in search(INDEX, query, limit=3)]
    assert fact_id in top, top


@pytest.mark.parametrize(("query", "entity_id"), ENTITY_QUERIES)
def test_a_bare_name_fills_the_top_5_with_its_facts(query: str, entity_id: str) -> None:
    hits = search(INDEX, query, limit=5)
    expected = min(5, len(STORE.facts_of(entity_id)))
    assert [h.fact.entity.id for h in hits[:expected]] == [entity_id] * expected


def test_there_are_at_least_60_queries() -> None:
    assert len(FACT_QUERIES) + len(ENTITY_QUERIES) >= 60


def test_exact_names_outrank_fuzzy_ones() -> None:
    # "mtia" is an exact alias of MTIA v1, and one letter from "maia".
    hits = search(INDEX, "mtia", limit=3)
    assert hits[0].fact.entity.id == "mtia-v1"
    assert all(h.fact.entity.id != "maia100" for h in hits)
    exact = search(INDEX, "maia", limit=1)[0].score
    fuzzy = search(INDEX, "maai", limit=1)[0].score
    assert exact > fuzzy


def test_entity_facts_come_before_facts_merely_mentioning_it() -> None:
    hits = search(INDEX, "h100", limit=20)
    own = [i for i, h in enumerate(hits) if h.fact.entity.id == "h100"]
    mentioning = [i for i, h in enumerate(hits) if h.fact.entity.id != "h100"]
    assert own and mentioning and max(own) < min(mentioning)


@pytest.mark.parametrize("typed", ["5nm", "5 nm", "5纳米", "5 奈米"])
def test_a_unit_narrows_number_matches(typed: str) -> None:
    # 5 with "nm" (纳米, Taiwan's 奈米) is a process node, never the 5-something of
    # another unit
    assert {h.fact.attribute.id for h in search(INDEX, typed, limit=10)} == {"process_node"}


def test_a_unit_in_chinese_is_no_attributes_word() -> None:
    # 3纳米 asks for 3 nm, as 3nm does: no 3x growth, no 5 nm node
    assert search(INDEX, "3纳米", limit=10) == search(INDEX, "3nm", limit=10) == []


@pytest.mark.parametrize("typed", ["US$100億", "us$ 100亿", "美元100亿", "100億美元"])
def test_a_currency_before_or_after_a_chinese_magnitude_is_the_same_sum(typed: str) -> None:
    numbers, rest = parse_numbers(tokens(fold(typed)))
    assert [(n.value, n.unit) for n in numbers] == [(1e10, "USD")] and rest == []


@pytest.mark.parametrize(
    ("typed", "value", "unit"),
    [
        ("3亿5000万美元", 3.5e8, "USD"),
        ("營收 2億零500萬", 2.05e8, None),
        ("1万亿2000亿", 1.2e12, None),
        ("3亿5千万颗", 3.5e8, "gpus"),
        ("6兆8530億", 6.853e12, None),  # Taiwan's 兆, before the 億 of the same number
    ],
)
def test_a_number_of_two_magnitudes_is_one_number(
    typed: str, value: float, unit: str | None
) -> None:
    assert [(n.value, n.unit) for n in read_query(INDEX, typed).numbers] == [(value, unit)]


@pytest.mark.parametrize("typed", ["3亿和5000万", "3亿，5000万"])
def test_two_numbers_a_word_or_a_stop_apart_stay_two(typed: str) -> None:
    assert [n.value for n in read_query(INDEX, typed).numbers] == [3e8, 5e7]


def test_nonsense_finds_nothing() -> None:
    assert search(INDEX, "zzqxv") == []


@pytest.mark.parametrize("run", ["微软" * 250, "微软英伟达晶体管数量芯片配额集群训练" * 25])
def test_a_long_chinese_query_costs_lookups_in_proportion_to_its_length(
    run: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Names are looked for in every piece no longer than the longest name, each
    # piece once: a 500-character query once took 124,750 lookups (minutes).
    store = chipfacts.load()
    index = SearchIndex(store)
    lookups: list[str] = []
    real = type(store).entity_rows

    def counted(self: chipfacts.Store, key: str) -> list[int]:
        lookups.append(key)
        return real(self, key)

    monkeypatch.setattr(type(store), "entity_rows", counted)
    read_query(index, run[:500])
    assert len(lookups) <= 500 * index.longest_cjk_name
    assert len(lookups) == len(set(lookups))


@pytest.mark.parametrize(
    ("query", "fact_id"),
    [
        ("OpenAI自研芯片每年要花多少钱", "openai-chip-program-cost"),
        ("OpenAI 自研芯片 每年要花多少钱", "openai-chip-program-cost"),
        ("OpenAI的芯片计划每年要花多少钱", "openai-chip-program-cost"),
    ],
)
def test_a_name_typed_across_scripts_without_a_space_is_the_name(query: str, fact_id: str) -> None:
    # "OpenAI自研芯片" is an alias: its Chinese half must not stay glued to the
    # question that follows it in one run of Chinese
    named = {INDEX.entity_at(row).id for row in read_query(INDEX, query).entities}
    assert "openai-chip-program" in named
    assert search(INDEX, query, limit=1)[0].fact.id == fact_id


def test_the_attribute_asked_for_outranks_its_kin_that_match_one_more_word() -> None:
    # "approve" names quota approval; quota wait, start and priority share its label
    # word "quota" and the facts about them say "GPU": that word must not lift them
    # above the fact that answers
    hits = search(INDEX, "who has to approve gpu requests at microsoft", limit=1)
    assert hits[0].fact.id == "microsoft-quota-approval"
