"""What `chipfacts draft` reads in news of trade, seizures, power and funding: sums
written "more than" by 余 or 多, kilowatts and stored energy, the euro's sign, customs
offices, companies named in quotes, firms introduced in English, and the ids of new
measures. Read against the shipped store's vocabulary (its entities and attributes, none
of its facts), as the benchmark reads a new article."""

from __future__ import annotations

import pytest

import chipfacts
from chipfacts.draft.candidates import Candidate
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound
from chipfacts.text.normalize import fold_in_place
from chipfacts.text.numbers import find_quantities
from tests.drafting import draft_news, entity_of, proposed


def drafted(store: chipfacts.Store, text: str, language: str = "zh-Hans") -> list[Candidate]:
    return draft_news(store, text, language, PartialDate(2026, 6, 10))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("查扣加速卡1300余张", 1300, "gpus"),
        ("部署了3000多张GPU", 3000, "gpus"),
        ("累计3万余张", 30000, "gpus"),
        ("偷逃税款2000余万元", 20_000_000, "yuan"),  # not 2000: the magnitude after 余
        ("投资1000多亿元", 100_000_000_000, "yuan"),
        ("服务300多家企业", 300, "firms"),
    ],
)
def test_a_number_followed_by_yu_or_duo_is_more_than_it(text: str, value: float, unit: str) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.value, found.unit, found.above) == (value, unit, True)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("风电装机近1000万千瓦", 1e10, "W"),
        ("单机柜功率密度140千瓦", 140_000, "W"),
        ("配套建设一座1.6吉瓦时的电池储能电站", 1.6e9, "Wh"),
        ("年耗电量约20亿千瓦时", 2e12, "Wh"),
        ("功率超过100千瓦时，必须采用液冷", 100_000, "W"),  # 时 says "when"
        ("closed a €120 million round", 120_000_000, "EUR"),
    ],
)
def test_kilowatts_stored_energy_and_the_euros_sign(text: str, value: float, unit: str) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.value, found.unit) == (value, unit)


def test_a_figure_more_than_its_number_by_yu_is_drafted_so(vocabulary: chipfacts.Store) -> None:
    text = "深圳海关日前在一起走私案中现场查扣加速卡1300余张，案值约人民币1.6亿元。"
    (seized,) = [c for c in drafted(vocabulary, text) if c.value == 1300]
    assert seized.bound is Bound.MORE_THAN
    assert entity_of(seized) == "shenzhen-customs"


@pytest.mark.parametrize(
    ("text", "ident", "name"),
    [
        ("深圳海关现场查扣加速卡1300余张。", "shenzhen-customs", "深圳海关"),
        ("香港海關週二表示，檢獲約1,100張AI加速卡。", "hong-kong-customs", "香港海關"),
        (
            "据海关总署数据，今年前5个月集成电路进口额约1050亿美元。",
            "general-administration-of-customs",
            "海关总署",
        ),
    ],
)
def test_a_customs_office_is_a_government(
    vocabulary: chipfacts.Store, text: str, ident: str, name: str
) -> None:
    office = proposed(drafted(vocabulary, text))[ident]
    assert (office.kind, office.aliases) == ("government", (name,))


def test_customs_in_a_sentence_name_no_office(vocabulary: chipfacts.Store) -> None:
    text = "英伟达表示，货物经海关查验后价值约3亿元。"
    assert not any(e.kind == "government" for e in proposed(drafted(vocabulary, text)).values())


def test_the_first_months_of_a_year_are_a_time_not_a_figure(vocabulary: chipfacts.Store) -> None:
    text = "据海关总署数据，今年前5个月集成电路进口额约1050亿美元。"
    values = [c.value for c in drafted(vocabulary, text)]
    assert values == [105_000_000_000]


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("涉案的「聚鋒通科技」成立於2023年，去年營收暴增至新台幣62億元。", "jufengtong-technology"),
        ("本土AI新創「雲湧算力」去年營收約新台幣5億元。", "yunyong-compute"),
    ],
)
def test_a_company_named_in_quotes_is_one_though_named_once(
    vocabulary: chipfacts.Store, text: str, ident: str
) -> None:
    assert proposed(drafted(vocabulary, text, "zh-Hant"))[ident].kind == "company"


@pytest.mark.parametrize(
    "text",
    [
        "他说，“我们科技”只是一句口号，营收达3亿元。",
        "一些初创公司正试图用“存内计算”绕开瓶颈，融资约3亿元。",
    ],
)
def test_a_slogan_or_a_term_in_quotes_is_no_company(vocabulary: chipfacts.Store, text: str) -> None:
    assert not any(e.kind == "company" for e in proposed(drafted(vocabulary, text)).values())


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("据海关总署数据，今年前5个月集成电路进口额约1050亿美元。", "imports"),
        ("深圳海关日前查扣一批加速卡，案值约人民币1.6亿元。", "case_value_yuan"),
        ("华为园区年用电量约13亿千瓦时。", "annual_electricity_use"),
        ("华为园区其中绿电占比超过70%。", "green_power_share"),
        ("华为计划在贵州兴建一座装机容量为77MW的电厂。", "installed_capacity"),
    ],
)
def test_a_new_measure_of_trade_or_power_is_named_in_english(
    vocabulary: chipfacts.Store, text: str, attribute: str
) -> None:
    assert attribute in {c.attribute.id for c in drafted(vocabulary, text)}


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "In Europe, Eindhoven-based Kairo Semiconductor last week closed a 120 million euro "
            "($130 million) Series A round led by the European Innovation Council Fund.",
            "kairo-semiconductor",
        ),
        (
            "Shanghai-based GPU designer Hanlin Microelectronics launched a Hong Kong initial "
            "public offering on Monday, seeking to raise up to HK$5.6 billion.",
            "hanlin-microelectronics",
        ),
    ],
)
def test_a_firm_introduced_in_english_is_proposed_and_its_place_is_no_chip(
    vocabulary: chipfacts.Store, text: str, firm: str
) -> None:
    found = drafted(vocabulary, text, "en")
    assert proposed(found)[firm].kind == "company"
    assert not any(e.id.endswith("-based") for e in proposed(found).values())
    assert {entity_of(c) for c in found if isinstance(c.value, int | float)} == {firm}


def test_a_series_round_is_fundraising_in_its_own_currency(vocabulary: chipfacts.Store) -> None:
    text = (
        "Eindhoven-based Kairo Semiconductor last week closed a 120 million euro "
        "($130 million) Series A round."
    )
    assert {(c.attribute.id, c.value) for c in drafted(vocabulary, text, "en")} == {
        ("fundraising_eur", 120_000_000),
        ("fundraising", 130_000_000),
    }


@pytest.mark.parametrize(
    "text",
    [
        "燧原科技本周宣布完成新一轮融资，金额约35亿元。",
        "云驰今年7月刚刚完成由阿里巴巴领投的C轮融资，金额约5亿美元。",
    ],
)
def test_no_attribute_word_is_read_across_a_comma(vocabulary: chipfacts.Store, text: str) -> None:
    # 融资，金额 holds no 资金 (a year's spending): the sum is the round's
    (raised,) = drafted(vocabulary, text)
    assert raised.attribute.id.startswith("fundraising")
