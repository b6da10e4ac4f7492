"""What `chipfacts draft` files a number under: an attribute whose unit and counted
noun fit it, or, when none of the store's does, a new attribute it proposes."""

from __future__ import annotations

from pathlib import Path

import pytest

import chipfacts
from chipfacts.draft.article import article_of
from chipfacts.draft.attribute_ids import attribute_id
from chipfacts.draft.candidates import Candidate
from chipfacts.draft.extract import draft_article
from chipfacts.draft.new_attributes import in_unit
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Source, ValueType

STORE = """\
sources: []
entities:
  - {id: amazon, name: Amazon, kind: company, aliases: [亚马逊, AWS]}
  - {id: trainium, name: Trainium, kind: chip, maker: amazon}
  - {id: fung, name: Baron Fung, kind: person, aliases: [巴伦·冯]}
attributes:
  - {id: cluster_gpus, label: GPUs in cluster, type: number, unit: gpus, description: GPUs.,
     synonyms: [训练, 集群]}
  - {id: gpu_order, label: GPUs ordered, type: number, unit: gpus, description: Ordered.,
     synonyms: [订购]}
  - {id: performance_gain, label: Performance gain, type: number, unit: percent,
     description: Faster., synonyms: [性能]}
  - {id: market_share, label: Market share, type: number, unit: percent,
     description: Share., synonyms: [份额]}
  - {id: annual_spend, label: Annual spending, type: number, unit: USD,
     description: A year's spending., synonyms: [支出]}
  - {id: capex, label: Capital expenditure, type: number, unit: USD,
     description: Capital spending., synonyms: [资本开支]}
  - {id: price_per_request, label: Price per request, type: number, unit: USD,
     description: Per request., synonyms: [价格, price, 租金]}
facts: []
"""
MODEL = "  - {id: nova, name: Nova, kind: model, maker: amazon}\n"
SOURCE = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 6, 10), "zh-Hans")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> chipfacts.Store:
    directory = tmp_path_factory.mktemp("store")
    (directory / "facts.yaml").write_text(STORE, encoding="utf-8")
    return chipfacts.load(directory / "facts.yaml", use_cache=False)


def numbers(store: chipfacts.Store, text: str) -> list[Candidate]:
    return [c for c in draft_article(store, article_of(text, SOURCE)) if c.value is not None]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Trainium主要用于训练参数量超过万亿的大模型。", []),  # a model's description
        ("Trainium训练的模型参数规模约为1.2万亿。", ["count"]),  # parameters, in a new attribute
    ],
)
def test_a_count_of_another_noun_is_not_a_count_of_gpus(
    store: chipfacts.Store, text: str, counts: list[str]
) -> None:
    # 参数量 counts parameters: not the GPUs 训练 (cluster_gpus) would count
    assert [c.attribute.unit for c in numbers(store, text)] == counts


def test_a_count_of_chips_still_fills_the_attribute_of_its_word(store: chipfacts.Store) -> None:
    (found,) = numbers(store, "亚马逊的集群使用了1万颗Trainium。")
    assert (found.attribute.id, found.value) == ("cluster_gpus", 10000)


def test_a_total_over_years_is_no_annual_figure(store: chipfacts.Store) -> None:
    (found,) = numbers(store, "巴伦·冯预计，未来五年亚马逊的支出将累计达到约1050亿美元。")
    assert found.attribute.id != "annual_spend"
    assert found.attribute.unit == "USD"
    assert any(d.field == "attribute" and d.why.startswith("new:") for d in found.decisions)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("亚马逊的营收同比增长17%。", "营收增长"),  # revenue growth, not performance
        # what a change is measured against is no part of its noun
        ("亚马逊的出货量将较去年成长约30%。", "出货量成长"),
        ("亚马逊服务器的报价比去年低约20%。", "报价下降"),
        ("亚马逊的营收已较去年下滑约15%。", "营收下降"),  # 下滑, a fall
        ("亚马逊的价格同比下跌约10%。", "价格下降"),
        ("Trainium的能效提高约40%。", "能效提高"),
        # a hope or a reach between the noun and the number is no part of the label
        ("亚马逊的毛利率有机会挑战30%。", "毛利率"),
        ("亚马逊的利润率可能上看30%。", "利润率"),
        ("AWS今年只拿到了所需产能的约七成。", "所需产能"),
        # nothing before it but the name: the noun after it says what it is a share of
        ("亚马逊约75%的算力已被长期合同锁定。", "算力占比"),
        ("亚马逊的订单中，其中约60%的CoWoS产能被锁定。", "cowos产能占比"),  # a Latin name leads
    ],
)
def test_a_percentage_with_no_attribute_word_gets_a_new_attribute(
    store: chipfacts.Store, text: str, label: str
) -> None:
    (found,) = numbers(store, text)
    assert (found.attribute.label, found.attribute.unit) == (label, "percent")
    (decision,) = [d for d in found.decisions if d.field == "attribute"]
    assert decision.why.startswith("new:") and "market_share" in decision.why


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("亚马逊表示，Trainium的晶体管密度则提升约15%。", "密度提升"),
        ("亚马逊表示，Trainium在相同性能下功耗降低约25%。", "功耗降低"),
    ],
)
def test_a_change_of_another_measure_or_in_a_condition_is_no_performance_gain(
    store: chipfacts.Store, text: str, label: str
) -> None:
    (found,) = numbers(store, text)
    assert found.attribute.label.endswith(label) and "性能" not in found.attribute.label


def test_a_plants_monthly_capacity_is_no_cluster_nor_a_years_output(
    store: chipfacts.Store,
) -> None:
    text = "亚马逊表示，载板月产能将由目前约1,800万颗提升至2,600万颗。"
    found = numbers(store, text)
    assert [c.value for c in found] == [18_000_000, 26_000_000]
    (label,) = {c.attribute.label for c in found}  # one measure, changed
    assert label.endswith("月产能")


def test_a_gap_between_two_things_is_no_change_over_time(store: chipfacts.Store) -> None:
    (found,) = numbers(store, "亚马逊服务器的报价比戴尔低约20%。")
    assert "下降" not in found.attribute.label and "growth" not in found.attribute.id


def test_a_percentage_with_its_attribute_word_keeps_it(store: chipfacts.Store) -> None:
    (found,) = numbers(store, "亚马逊占据超过八成份额。")
    assert (found.attribute.id, found.value) == ("market_share", 80)


def test_a_clause_naming_what_changes_takes_no_word_from_the_clause_before(
    store: chipfacts.Store,
) -> None:
    # 性能 is the 4x's; 能效提高 names what the 40 % is of
    found = numbers(store, "Trainium的训练性能提升了25%，能效提高约40%。")
    assert [(c.attribute.id, c.attribute.label, c.value) for c in found] == [
        ("performance_gain", "Performance gain", 25),
        ("efficiency_gain", "能效提高", 40),  # a new one: its id a slug, its label the words
    ]


def test_a_percentage_of_which_is_a_share_of_the_figure_before(store: chipfacts.Store) -> None:
    # 其中: a part of the spending before, not Amazon's market share (份额's attribute)
    found = numbers(store, "亚马逊今年的支出约250亿美元，其中自研芯片的份额约为35%。")
    (share,) = [c for c in found if c.unit == "percent"]
    assert (share.attribute.id, share.attribute.label, share.value) == ("share", "份额", 35)
    assert any(d.field == "attribute" and "market_share" in d.why for d in share.decisions)


def test_a_sum_of_money_with_no_attribute_word_gets_a_new_attribute(
    store: chipfacts.Store,
) -> None:
    # Money may be spent, earned or raised: its unit does not say which
    (found,) = numbers(store, "亚马逊今年的研发经费约250亿美元。")
    assert (found.attribute.label, found.attribute.unit) == ("研发经费", "USD")
    assert any(d.field == "attribute" and d.why.startswith("new:") for d in found.decisions)


@pytest.mark.parametrize(
    ("label", "unit", "ident"),
    [
        ("内存带宽", "bytes/s", "memory_bandwidth"),  # the words of measures, in English
        ("毛利率", "percent", "gross_margin"),
        ("风冷算力", "flops", "fengleng_compute"),  # the rest in pinyin
        # the words of news prose's measures, a time's words left out
        ("同比增长", "percent", "yearly_growth"),
        ("电力容量", "W", "power_capacity"),
        ("市场规模", "USD", "market_size"),
        ("较去年增长", "percent", "growth"),
        ("目前员工", "people", "employees"),
        ("fp16稠密算力", "flops", "fp16_dense_compute"),
        # a word of the glossary never read across two words (最高|出货量, 不同|比例)
        ("最高出货量", "gpus", "zuigao_shipments"),
        ("不同比例", "percent", "different_share"),
        ("市场占有率", "percent", "market_share"),
        ("", "wafers", "wafers"),  # nothing named: its unit
        # one character the label's window cut from a longer word (光模组, 季度, 平均)
        ("组采购量", "pieces", "purchases"),
        ("度出货量", "gpus", "shipments"),
        ("均毛利率", "percent", "gross_margin"),
        ("单卡带宽", "bits/s", "per_card_bandwidth"),  # two characters are a word of their own
        ("单卡小时价格", "yuan", "per_card_hourly_price"),
        ("每颗售价", "USD", "per_chip_price"),
        ("月增", "percent", "monthly_growth"),
        # a profit's words whole, never 净利 and the pinyin of 润
        ("净利润", "USD", "net_income"),
        ("营业利益", "KRW", "operating_income"),
        ("营业利润率", "percent", "operating_margin"),
        ("单埠速率", "bits/s", "port_speed"),
        ("毛利润", "USD", "gross_profit"),
        ("净利率", "percent", "net_margin"),
        ("营业利益率", "percent", "operating_margin"),
    ],
)
def test_a_new_attributes_id_is_a_slug_of_its_words(label: str, unit: str, ident: str) -> None:
    assert attribute_id(label, unit) == ident


def test_a_new_attribute_never_takes_a_store_attributes_id(store: chipfacts.Store) -> None:
    # 资本开支 is the store's capex (in USD); in 元 it is another attribute, capex in yuan
    found = numbers(store, "字节跳动今年资本开支约1600亿元。")
    assert [c.attribute.id for c in found if c.unit == "yuan"] == ["capex_yuan"]
    assert all(c.attribute.id not in store.attributes for c in found)


def test_a_figure_its_own_noun_reaches_takes_no_word_from_the_clause_before(
    store: chipfacts.Store,
) -> None:
    text = "亚马逊的资本开支为100亿美元，投后估值达到420亿美元。"
    found = {c.value: c.attribute.id for c in numbers(store, text)}
    assert (found[10_000_000_000], found[42_000_000_000]) == ("capex", "valuation")


@pytest.mark.parametrize(
    "text",
    ["Trainium的出货强劲，毛利率为61.5%。", "Trainium明年量产，员工人数将从约450人扩大至700人。"],
)
def test_a_companys_own_figure_is_the_makers_not_the_products(
    store: chipfacts.Store, text: str
) -> None:
    assert {c.entity_id for c in numbers(store, text) if c.unit is not None} == {"amazon"}


@pytest.mark.parametrize(
    "text",
    [
        "亚马逊发布新芯片。据该公司介绍，Trainium采用4nm工艺，单颗INT8稠密算力达到700 TOPS，"
        "典型功耗约90瓦。",
        "亚马逊发布Trainium。与上一代相比，其典型功耗约90瓦，单颗稠密算力达到700 TOPS。",
    ],
)
def test_a_things_own_measure_is_never_its_makers(store: chipfacts.Store, text: str) -> None:
    assert {c.entity_id for c in numbers(store, text) if c.unit != "nm"} == {"trainium"}


def test_a_models_parameters_and_training_data_are_the_models(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(STORE.replace("attributes:", MODEL + "attributes:"), encoding="utf-8")
    with_model = chipfacts.load(path, use_cache=False)
    text = "亚马逊发布大模型Nova。亚马逊称，总参数量为6800亿，预训练数据量达22万亿个token。"
    assert {c.entity_id for c in numbers(with_model, text)} == {"nova"}


def test_a_total_of_compute_is_the_companys_own(store: chipfacts.Store) -> None:
    text = "亚马逊表示，公司今年将再扩容3000张卡，届时总算力将超过3000 PFLOPS。"
    (found,) = [c for c in numbers(store, text) if c.value == 3e18]
    assert found.entity_id == "amazon"


def test_a_count_of_parameters_after_the_number_is_no_count_of_gpus(
    store: chipfacts.Store,
) -> None:
    assert numbers(store, "亚马逊的集群难以支撑动辄数千亿参数的大型语言模型训练。") == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("亚马逊毛利率有望回升至8.2%左右。", "毛利率"),  # 有望回升至 links its noun
        ("亚马逊表示，Trainium的良率已提升至约70%。", "良率"),  # a level, no gain
    ],
)
def test_a_level_a_figure_reaches_is_its_nouns(
    store: chipfacts.Store, text: str, label: str
) -> None:
    (found,) = numbers(store, text)
    assert found.attribute.label == label


@pytest.mark.parametrize(
    "text", ["亚马逊的集群每台服务器配备8张400G网卡。", "亚马逊的机柜搭载36颗Grace CPU。"]
)
def test_a_count_of_other_parts_is_no_count_of_gpus(store: chipfacts.Store, text: str) -> None:
    found = numbers(store, text)
    assert [c.attribute.id for c in found if c.attribute.id in store.attributes] == []


def test_a_bare_count_after_the_noun_of_a_count_gets_an_attribute_of_it(
    store: chipfacts.Store,
) -> None:
    text = "亚马逊的模型总参数量达1.2万亿，付费企业客户数超过1200家。"
    found = {c.value: c.attribute.id for c in numbers(store, text)}
    assert (found[1.2e12], found[1200]) == ("parameter_count", "customer_count")


def test_a_figures_noun_before_its_gloss_names_it(store: chipfacts.Store) -> None:
    text = "Trainium的热设计功耗（TDP）为1,200瓦。"
    (found,) = numbers(store, text)
    # the last words before the gloss (four characters at most), in watts
    assert (found.entity_id, found.attribute.label, found.unit) == ("trainium", "设计功耗", "W")


def test_units_counted_by_a_counter_alone_are_of_the_noun_before(store: chipfacts.Store) -> None:
    text = "亚马逊表示，Trainium服务器的月产能约1,200台。"
    (found,) = numbers(store, text)
    assert (found.attribute.label, found.attribute.unit, found.value) == ("月产能", "count", 1200)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Trainium的按需租金已从每卡每小时约8美元降至约2.2美元。", [8, 2.2]),
        ("Trainium的租金仍维持在每小时5美元，Gaudi则约为3.5美元。", [5, 3.5]),
        ("Trainium实例的价格降至每卡每小时4.2元。", [4.2]),
        ("The hourly price of Trainium has fallen to around $2.10, down from $8.", [2.1, 8]),
        ("Trainium rents for $5.50 per GPU-hour.", [5.5]),
    ],
)
def test_a_rent_of_computing_by_the_hour_is_a_price_per_hour(
    store: chipfacts.Store, text: str, values: list[float]
) -> None:
    found = numbers(store, text)
    # (in yuan, an attribute of its own beside the price in dollars)
    rent = "hourly_price_yuan" if "元" in text.replace("美元", "") else "hourly_price"
    assert [(c.attribute.id, c.value) for c in found] == [(rent, v) for v in values]


def test_a_total_beside_an_hours_rent_is_no_rent(store: chipfacts.Store) -> None:
    text = "Trainium每小时的租金约3美元，一个实验动辄花费两万美元。"
    assert [c.value for c in numbers(store, text) if c.attribute.id == "hourly_price"] == [3]


@pytest.mark.parametrize("verb", ["追加", "加购", "增购"])
def test_gpus_added_to_an_order_are_an_order(store: chipfacts.Store, verb: str) -> None:
    (found,) = numbers(store, f"亚马逊计划明年再{verb}8000颗Trainium。")
    assert (found.attribute.id, found.value) == ("gpu_order", 8000)


@pytest.mark.parametrize(
    "text",
    [
        "Amazon pays its fab technicians about $30 an hour.",  # a wage
        "Amazon said the outage cost its customers $40 per hour.",
        "在国产显卡时代，Trainium的售价约500元。",  # 显卡时代: no 卡时
    ],
)
def test_a_sum_by_the_hour_of_no_computing_is_no_price_per_hour(
    store: chipfacts.Store, text: str
) -> None:
    assert all(c.attribute.id != "hourly_price" for c in numbers(store, text))


def test_a_sum_given_again_in_another_currency_is_named_as_the_first(
    store: chipfacts.Store,
) -> None:
    """预算约为1600亿元人民币（约合220亿美元）: the dollars are the budget too, named by
    the words before the first sum, never by 合 ("amounting to")."""
    found = numbers(store, "字节跳动2026年的AI基础设施预算约为1600亿元人民币（约合220亿美元）。")
    (dollars,) = [c for c in found if c.value == 22_000_000_000]
    (yuan,) = [c for c in found if c.value == 160_000_000_000]
    assert dollars.proposes_attribute and dollars.attribute.label.startswith(yuan.attribute.label)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Meta第三季度净利润同比下降83%至27.1亿美元。", "净利润", 2.71e9),
        ("寒武纪的研发投入同比增长30%至12亿元。", "研发投入", 1.2e9),
    ],
)
def test_the_level_after_a_change_is_the_measures_before_the_change(
    store: chipfacts.Store, text: str, label: str, value: float
) -> None:
    levels = [c for c in numbers(store, text) if c.attribute.unit != "percent"]
    assert [(c.attribute.label, c.value) for c in levels] == [(label, value)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("台积电CoWoS月产能今年底将提升至约12万片。", "月产能"),
        ("台积电CoWoS月产能去年底约7.5万片。", "月产能"),
    ],
)
def test_a_time_after_a_measures_noun_is_no_part_of_its_label(
    store: chipfacts.Store, text: str, label: str
) -> None:
    (found,) = numbers(store, text)
    assert found.attribute.label == label


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("英伟达表示，中国市场约占公司营收的13%。", "revenue_share"),
        ("英伟达的数据中心业务占总营收的88%。", "revenue_share"),
        ("亚马逊云业务占当年营业收入的70.5%。", "revenue_share"),
        ("亚马逊自研芯片仅占出货量的不到5%。", "shipments_share"),
    ],
)
def test_a_share_of_a_whole_named_before_it_is_the_wholes_share(
    store: chipfacts.Store, text: str, ident: str
) -> None:
    assert ident in {c.attribute.id for c in numbers(store, text)}


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        # a measure's word longer than the label's window is named whole
        ("三星的营业利益率约为20%。", "operating_margin"),
        # how long a level has held is no part of its name
        ("三星的良率仍徘徊在40%左右。", "yield"),
        ("三星的营业利益率持续稳定在20%左右。", "operating_margin"),
        ("三星的毛利率一直维持在40%左右。", "gross_margin"),
    ],
)
def test_a_measures_whole_word_names_it_whatever_holds_it(
    store: chipfacts.Store, text: str, ident: str
) -> None:
    assert [c.attribute.id for c in numbers(store, text)] == [ident]


@pytest.mark.parametrize(
    "text",
    [
        "台积电表示，今年资本支出约为400亿美元，其中约七成将用于先进制程。",
        "字节跳动今年的资本支出约1600亿元，其中近一半将用于采购AI芯片。",
    ],
)
def test_a_share_after_of_which_is_a_part_of_the_figure_before(
    store: chipfacts.Store, text: str
) -> None:
    whole, part = numbers(store, text)
    base = whole.attribute.id.removesuffix(f"_{(whole.attribute.unit or '').lower()}")
    assert (part.unit, part.attribute.id) == ("percent", f"{base}_share")


def test_a_measure_in_another_currency_says_that_currency_alone() -> None:
    revenue = Attribute("revenue", "Revenue", ValueType.NUMBER, "Revenue in US dollars.", "USD")
    assert in_unit(revenue, "TWD").description == "Revenue in TWD."
    capex = Attribute("capex", "Capex", ValueType.NUMBER, "Capital spending, in US dollars.", "USD")
    assert in_unit(capex, "yuan").description == "Capital spending, in yuan."


def test_a_bandwidth_named_after_its_rate_names_the_attribute(store: chipfacts.Store) -> None:
    """支持800G网络带宽: the network's bandwidth, not a measure of 支持 ("supports")."""
    (found,) = [
        c for c in numbers(store, "AMD的MI300X芯片支持800G网络带宽。") if c.unit == "bits/s"
    ]
    assert found.attribute.id == "network_bandwidth"
