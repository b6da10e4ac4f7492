"""`chipfacts draft`: numbers and dates read from prose, candidates read from an
article, and what it prints passing `validate` beside the store it was drafted for."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import chipfacts
from chipfacts.draft.article import article_of
from chipfacts.draft.candidates import Candidate
from chipfacts.draft.cuewords import find_cue_words
from chipfacts.draft.extract import draft_article
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound, Source, Status
from chipfacts.text.normalize import fold_in_place
from chipfacts.text.numbers import find_quantities
from chipfacts.text.when import find_dates
from tests.conftest import Cli


def quantities(text: str) -> list[tuple[str, float | None, float | None, float | None, str | None]]:
    folded = fold_in_place(text)
    return [
        (folded[q.start : q.end], q.value, q.low, q.high, q.unit) for q in find_quantities(folded)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # one phrase a character shorter, one a character longer: the same length overall
        "搭配HBM3E高頻寬記憶體，電晶體數量約1400億個。輝達GB300機櫃7月出貨。",
        "輝達（Nvidia）的GB300，記憶體12層。伺服器32台，資料中心2座。",
    ],
)
def test_a_folded_text_keeps_every_offset(text: str) -> None:
    folded = fold_in_place(text)
    latin = [(i, ch.lower()) for i, ch in enumerate(text) if ch.isascii() and ch.isalnum()]
    assert [(i, folded[i]) for i, _ in latin] == latin
    # within one run of Chinese too: each character where it was
    assert fold_in_place("輝達的記憶體") == "辉达的记忆体"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("晶體管數量達到1050億個", 105e9, None),
        ("仅使用了 1.5 万颗 GPU", 15000, "gpus"),
        ("价值约481亿美元的芯片", 48.1e9, "USD"),
        ("spent $48.1 billion on chips", 48.1e9, "USD"),
        ("成本大约为4美分", 0.04, "USD"),
        ("采用5nm制程", 5, "nm"),
        ("采用3纳米制程", 3, "nm"),
        ("採用台積電3奈米製程", 3, "nm"),  # Taiwan's word for a nanometre
        ("控制了超过80%的份额", 80, "percent"),
        ("加速頻率1.83GHz", 1.83e9, "Hz"),
        ("收费都不到一美分", 0.01, "USD"),
        ("超过英伟达的GPU1000倍", 1000, "x"),
        ("算力约为其两倍", 2, "x"),  # 两 ("two") before 倍, as 二
        # a doubling is a factor of 2, doubling twice one of 4 (as "doubled" is 2); a
        # growth by as much again (增长一倍) a gain of 100%
        ("营收较去年翻一番", 2, "x"),
        ("出货量同比翻倍", 2, "x"),
        ("出貨量可望較第三季倍增", 2, "x"),
        ("月产能预计倍增至约2万片", 20000, "wafers"),  # doubled to a figure: the figure
        ("产能较去年底增长近一倍", 100, "percent"),
        ("营收将同比增长接近一倍", 100, "percent"),
        ("營收今年將成長接近一倍", 100, "percent"),
        ("营收翻了两番", 4, "x"),
        ("营收同比增长1倍", 100, "percent"),
        ("算力提升二点五倍", 2.5, "x"),  # 点, the decimal point of a numeral
        ("已部署约5万颗Maia 100芯片", 50000, "gpus"),  # a Chinese unit ends the number
        ("只拿到了所需產能的約七成", 70, "percent"),  # shares in words are percentages
        ("三分之一的算力", 33.3, "percent"),
        ("其中约一半用于AI服务器", 50, "percent"),
        # a currency before the number, with a Chinese magnitude, as 100億美元
        ("營收有望超過US$100億", 1e10, "USD"),
        ("营收有望超过US$ 100亿", 1e10, "USD"),
        ("资本支出为$48亿", 4.8e9, "USD"),
        ("订单金额约美元100亿", 1e10, "USD"),
        # Taiwan's 兆, a million million, before a count or a currency (not 100兆瓦)
        ("單片晶圓集成約4.6兆個電晶體", 4.6e12, None),
        ("市值突破3兆美元", 3e12, "USD"),
        ("园区总容量为100兆瓦", 1e8, "W"),
        ("外汇储备约2兆人民币", 2e12, "yuan"),  # not 人, people
        ("市值约3兆美金", 3e12, "USD"),
    ],
)
def test_a_number_in_prose_is_read_in_base_units(text: str, value: float, unit: str | None) -> None:
    (found,) = quantities(text)
    assert found[1] == pytest.approx(value) and found[4] == unit


def test_in_english_a_count_after_a_word_is_a_count_and_a_name_keeps_its_number() -> None:
    text = "The H200 has 16,896 CUDA cores; Nitro 1 came first, then GPT-5."
    found = [(q.value, q.unit) for q in find_quantities(fold_in_place(text), text)]
    assert found == [(16896, None)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("單埠速率達800G", [(8e11, "bits/s")]),
        ("ConnectX-9的单端口速率为1.6T。", [(1.6e12, "bits/s")]),
        ("网卡频宽从400G升级到800G", [(4e11, "bits/s"), (8e11, "bits/s")]),
        ("交换容量达到51.2T", [(5.12e13, "bits/s")]),
        # a grade of a part is its kind, no figure; 5G a phone network; 1.8T参数 a model's
        ("800G光模块出货量约120万只", [(1.2e6, "pieces")]),
        ("5G手机的速率更高", []),
        ("速率支持5G", []),  # a phone network, though a word of rate comes before
        # a memory's or a chip link's bandwidth is in bytes: a bare T is none of a link's
        ("英伟达B200的显存带宽达到8T", []),
        ("NVLink带宽达1.8T", []),
        ("每天产生数百G的数据", [(100, None)]),
        ("内存带宽提升，网络速率达800G", [(8e11, "bits/s")]),  # a memory's, in another clause
        ("带宽为3.2t", []),  # not written in capitals
        ("参数量达1.8T的模型", []),
    ],
)
def test_a_links_rate_written_bare_is_read_after_a_word_of_rate(
    text: str, values: list[tuple[float, str]]
) -> None:
    found = find_quantities(fold_in_place(text), text)
    assert [q.unit for q in found] == [u for _, u in values]
    assert [q.value for q in found] == pytest.approx([v for v, _ in values])


def test_english_sentences_end_at_a_full_stop(store_dir: Path) -> None:
    text = "Nvidia has 80% of the market. The Athena has 105 billion transistors."
    source = Source("en", "en.md", "News", "Test", PartialDate(2024, 1), "en")
    found = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert [(c.entity_id, c.quote) for c in found] == [
        ("nvidia", "Nvidia has 80% of the market."),
        ("maia100", "The Athena has 105 billion transistors."),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The K3 carries 288 gigabytes of HBM3E memory.", []),
        ("Each has 192 GB of HBM3 and a 16-TB drive.", []),
        ("单卡配备 96 GB 显存", []),
        ("It ships 72 GB200 racks.", [72]),  # a name after the number, no size
        ("It builds a 51.2 Tb switch.", [51.2]),  # bits, no memory's size
    ],
)
def test_a_size_of_memory_set_apart_from_its_number_is_no_figure(
    text: str, values: list[float]
) -> None:
    """As 192GB is not: a chip's memory is a text fact, as its curators write it."""
    assert [q.value for q in find_quantities(fold_in_place(text), text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("H100租赁价格从8美元到2美元", [8, 2]),  # falling, each with its unit
        ("报价由1200美元至1000美元", [1200, 1000]),
    ],
)
def test_a_falling_pair_with_its_unit_written_twice_is_two_figures(
    text: str, values: list[float]
) -> None:
    assert [q.value for q in find_quantities(fold_in_place(text), text)] == values


def test_a_sum_after_a_name_is_a_sum_not_the_names_number() -> None:
    """ "costs Meta $9,000 to $11,000": the currency sign says it is a sum, though a
    capitalised name stands right before it (Nitro 1 is a name's number)."""
    text = "Each T1 costs Meta $9,000 to $11,000 to build; the Nitro 1 costs less."
    found = [(q.low, q.high, q.unit) for q in find_quantities(fold_in_place(text), text)]
    assert found == [(9000, 11000, "USD")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2024年归母净利润为-5.46亿元。", [-546_000_000]),  # a loss, never a profit
        ("Operating income was -$120 million.", [-120_000_000]),
        ("毛利率从-5%升至3%。", [-5, 3]),
        ("GPT-5和Llama-3的参数", []),  # a name's hyphen
        ("可能需要3万-5万张芯片", [None]),  # a range's dash (one range)
        ("月产能3万片/月-5万片/月", [30000, 50000]),  # a range's dash after a unit
        ("1.6T光模块-2.5万只", [25000]),
    ],
)
def test_a_minus_sign_before_a_number_makes_it_negative(
    text: str, values: list[float | None]
) -> None:
    assert [q.value for q in find_quantities(fold_in_place(text), text)] == values


def test_ranges_vague_magnitudes_and_ranks() -> None:
    assert quantities("可能需要3万-5万张芯片") == [("3万-5万张", None, 30000, 50000, "gpus")]
    assert quantities("是微软的 6 至 10 倍") == [("6 至 10 倍", None, 6, 10, "x")]
    # a counter repeated after each number, and not a year after one number
    assert quantities("出货约1,800柜至2,000柜") == [("1,800柜至2,000柜", None, 1800, 2000, "racks")]
    assert quantities("3万颗到5万颗") == [("3万颗到5万颗", None, 30000, 50000, "gpus")]
    assert quantities("部署2万块到2027年") == [("2万块", 20000, None, None, "gpus")]
    # a unit of more than one character repeated after each number
    assert quantities("报价在1000美元至1200美元之间") == [
        ("1000美元至1200美元", None, 1000, 1200, "USD")
    ]
    assert quantities("投资34兆韩元至40兆韩元") == [
        ("34兆韩元至40兆韩元", None, 34e12, 40e12, "KRW")
    ]
    assert quantities("周期3个月至6个月") == [("3个月至6个月", None, 3, 6, "months")]
    # a counter that is no unit: two numbers, never an error
    assert [q[1] for q in quantities("采购5台至10台服务器")] == [5, 10]
    # another country's currency, by name: never dollars nor the article's 元
    assert quantities("投资34万亿韩元") == [("34万亿韩元", 34e12, None, None, "KRW")]
    # the New Taiwan dollar named beside a sum in 元, before it or after it
    assert quantities("再投资约新台币900亿元") == [("900亿元", 9e10, None, None, "TWD")]
    assert quantities("营收达新台币约900亿元") == [("900亿元", 9e10, None, None, "TWD")]
    assert quantities("涉及金额约数亿元新台币") == [("数亿元", 1e8, None, None, "TWD")]
    assert quantities("市值约3兆新台币") == [("3兆新台币", 3e12, None, None, "TWD")]
    assert quantities("整合了数万个 GPU") == [("数万", 10000, None, None, None)]
    assert quantities("投资了数十亿美元") == [("数十亿美元", 1e9, None, None, "USD")]
    assert quantities("筹集万亿美元的资金") == [("万亿美元", 1e12, None, None, "USD")]
    folded = fold_in_place("排名第 24 位")
    (rank,) = find_quantities(folded)
    assert (rank.value, rank.unit, rank.ordinal) == (24, "rank", True)


@pytest.mark.parametrize(
    "text",
    ["2019年", "10月6日报道", "H100芯片", "Llama2和ChatGPT", "GPT-5可能", "MI 300X芯片", "数据中心",
     "不止一颗芯片", "采用两颗芯片", "翻译", "一倍的努力", "Nitro 1以来", "半导体", "一成不变",
     "八成是真的", "营收未翻倍", "营收没有增长1倍"],
)  # fmt: skip
def test_years_days_names_and_words_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_dates_follow_the_articles_date() -> None:
    published = PartialDate(2025, 9, 12)

    def dates(text: str) -> list[tuple[str, bool]]:
        return [(str(d.date), d.rough) for d in find_dates(fold_in_place(text), published)]

    assert dates("于今年 8 月下旬发布") == [("2025-08", False)]
    assert dates("去年 11 月宣布") == [("2024-11", False)]
    assert dates("自 2022 年末") == [("2022-12", True)]
    assert dates("在15日的大会上") == [("2025-09-15", False)]
    # a bare day well after the article's: last month's, unless said to come
    assert dates("於28日舉行的大會上，正式發表") == [("2025-08-28", False)]
    assert dates("将于28日举行发布会") == [("2025-09-28", False)]
    # a later month with no year: last year's where the words say it was done
    assert dates("芯片已于11月完成流片，预计11月量产") == [("2024-11", False), ("2025-11", False)]
    assert dates("the chip was taped out in November; it ships in November") == [
        ("2024-11", False),
        ("2025-11", False),
    ]
    # a month ahead after a verb of the past: what was expected (not what was due, and
    # has slipped)
    assert dates("the racks were expected to go live in November") == [("2025-11", False)]
    assert dates("deliveries were due to start in November but slipped") == [("2024-11", False)]
    assert dates("the cards were scheduled to be deployed in November") == [("2025-11", False)]
    assert dates("it was launched earlier than expected in November") == [("2024-11", False)]
    assert dates("it had been expected in November but was deployed") == [("2024-11", False)]
    assert dates("chips that were expected to slip were shipped in November") == [
        ("2024-11", False)
    ]
    assert dates("November 2023") == [("2023-11", False)]
    assert dates("2023财年") == []
    # Taiwan's press: the day in brackets after 今 or 昨, last month's when after today
    assert dates("國網中心今（12）日宣布") == [("2025-09-12", False)]
    assert dates("日月光昨（30）日舉行") == [("2025-08-30", False)]
    # a day by name, before the article's own; an app's name is no day
    assert dates("二期工程昨日正式投入运营") == [("2025-09-11", False)]
    assert dates("昨天宣布，今天上线") == [("2025-09-11", False), ("2025-09-12", False)]
    assert dates("前天津市长，前日本首相") == []  # 前 of "former", no day
    assert dates("今日头条的用户") == []
    assert dates("目前日本的厂商如今日益增多，提前日程") == []  # inside words
    assert find_dates(fold_in_place("昨日投运"), PartialDate(2025, 9)) == []  # no day to count from
    # a weekday (the article's is a Friday): the last one on or before it; 上周 the week's before
    assert dates("星衡科技周三在北京发布") == [("2025-09-10", False)]
    assert dates("英伟达週五宣布") == [("2025-09-12", False)]
    assert dates("上周三宣布，星期日上线") == [("2025-09-03", False), ("2025-09-07", False)]
    assert dates("每周二开会，周年庆，周期性") == []  # every Tuesday; no day
    # a day ahead: 下周 the week's after, 将于 the next one
    assert dates("AMD将于下周二发布") == [("2025-09-16", False)]
    assert dates("英伟达将于周五发布") == [("2025-09-19", False)]
    # that day of this week; a weekday before any word but a bound, a span or a name
    assert dates("英伟达本周五公布财报") == [("2025-09-12", False)]
    assert dates("周三的财报，股价周五收盘下跌") == [("2025-09-10", False), ("2025-09-12", False)]
    # a count of days, a span of them, a name, a bound: no day
    assert dates("一周三次，周一至周五营业，周三多表示，周五前推出，上上周三") == []
    # a quarter: its first month, roughly, as "the fourth quarter"; a half of a year:
    # its year (no month says "in the second half"), its end a month
    assert dates("预计于今年第四季度开始量产") == [("2025-10", True)]
    assert dates("去年第三季") == [("2024-07", True)]
    assert dates("计划下半年量产") == [("2025", False)]
    assert dates("预计明年上半年量产") == [("2026", False)]
    assert dates("2026年上半年末") == [("2026-06", True)]
    assert dates("截至上半年末") == [("2025-06", True)]
    assert dates("到下半年底") == [("2025-12", True)]
    assert dates("2027年年中全面上线") == [("2027-06", True)]
    assert dates("在过去一年中") == []  # 年中 alone is "in a year"
    # with no year, in the year the sentence named last (not a year compared with)
    assert dates("2024年营收为11.7亿元，其中下半年达10亿元") == [
        ("2024", False),
        ("2024", False),
    ]
    assert dates("与2023年相比，第三季度营收增长") == [("2023", False), ("2025-07", True)]
    assert dates("连续第三季度增长") == []  # "the third straight quarter"
    assert dates("2024年第四季度末") == [("2024-12", True)]


# A store with the words a Chinese article uses, and one fact from the mini source.
STORE = """\
sources:
  - id: mini
    file: mini.txt
    title: 微软首款AI芯片
    publisher: Test Press
    published: "2023-11"
    language: zh-Hans
entities:
  - {id: maia100, name: Maia 100, kind: chip, maker: microsoft, aliases: [Athena, 雅典娜]}
  - {id: microsoft, name: Microsoft, kind: company, aliases: [微软, 微軟]}
  - {id: nvidia, name: Nvidia, kind: company, aliases: [英伟达, 英偉達]}
  - {id: tsmc, name: TSMC, kind: company, aliases: [台积电, 臺積電]}
  - {id: stacy-rasgon, name: Stacy Rasgon, kind: person, aliases: [斯泰西·拉斯贡]}
attributes:
  - {id: transistor_count, label: Transistor count, type: number, unit: transistors,
     description: Transistors., synonyms: [晶体管]}
  - {id: market_share, label: Market share, type: number, unit: percent, description: Share.,
     synonyms: [份额], min_value: 0, max_value: 100}
  - {id: capex, label: Capital spending, type: number, unit: USD, description: Money.,
     synonyms: [投入]}
  - {id: foundry, label: Foundry, type: text, description: Who makes it., synonyms: [代工]}
  - {id: launched, label: Launched, type: date, description: When it launched.,
     synonyms: [发布, 推出]}
facts:
  - id: maia100-transistors
    entity: maia100
    attribute: transistor_count
    value: 105000000000
    bound: exact
    unit: transistors
    status: reported
    as_of: "2023-11-15"
    source: mini
    quote: 晶体管数量达到1050亿个
    summary: Maia 100 has 105 billion transistors.
"""

ARTICLE = """\
# 芯片新闻
据悉，微軟的雅典娜晶體管數量達到1050億個。
分析师斯泰西·拉斯贡分析称，英伟达控制了超过80%的份额。
微软去年 11 月推出Maia 100，由台积电代工。
微软预计将投入约481亿美元。
英伟达的B200芯片晶体管数量达到2080亿个。
"""


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    directory.mkdir()
    (directory / "facts.yaml").write_text(STORE, encoding="utf-8")
    return directory


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    directory = tmp_path / "sources"
    directory.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "sources" / "mini.txt", directory)
    (directory / "news.md").write_text(ARTICLE, encoding="utf-8")
    return directory


def drafted(store_dir: Path, clauses_too: bool = True) -> list[Candidate]:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hant")
    return draft_article(chipfacts.load(store_dir), article_of(ARTICLE, source), clauses_too)


def test_each_claim_is_read_with_its_entity_bound_status_and_date(store_dir: Path) -> None:
    found = {(c.entity_id, c.attribute.id): c for c in drafted(store_dir)}
    maia = found["maia100", "transistor_count"]
    assert (maia.value, maia.bound, maia.status, maia.unit) == (
        105000000000, Bound.EXACT, Status.REPORTED, "transistors"
    )  # fmt: skip
    assert [c.word for c in maia.cues] == ["据悉"]  # hearsay: reported, nobody named
    share = found["nvidia", "market_share"]
    assert (share.value, share.bound, share.status) == (80, Bound.MORE_THAN, Status.ESTIMATED)
    assert share.claimed_by is not None and share.claimed_by.id == "stacy-rasgon"
    assert {c.word for c in share.cues} == {"分析称", "超过"}
    launch = found["maia100", "launched"]
    assert (launch.value, launch.as_of) == (PartialDate(2022, 11), PartialDate(2022, 11))
    spend = found["microsoft", "capex"]
    assert (spend.bound, spend.status, spend.as_of) == (
        Bound.ABOUT, Status.FORECAST, PartialDate(2023, 12, 1)
    )  # fmt: skip
    # A foundry is a chip's: the one the sentence named, not the agent after 由
    assert found["maia100", "foundry"].quote == "由台积电代工"


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [("微软预计将投入481亿美元。", Bound.ABOUT), ("微软已投入481亿美元。", Bound.EXACT)],
)
def test_an_expected_figure_with_no_bound_word_is_approximate(
    store_dir: Path, sentence: str, bound: Bound
) -> None:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (spend,) = draft_article(chipfacts.load(store_dir), article_of(sentence, source))
    assert (spend.attribute.id, spend.bound) == ("capex", bound)


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("英伟达控制了超过八成的份额。", Bound.MORE_THAN),
        ("英伟达控制了过半的份额。", Bound.MORE_THAN),  # the word itself says "more than"
        ("英伟达控制了约七成的份额。", Bound.ABOUT),
        ("英伟达控制了三分之一的份额。", Bound.EXACT),
    ],
)
def test_a_share_in_words_is_a_percentage_with_its_bound(
    store_dir: Path, sentence: str, bound: Bound
) -> None:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (share,) = draft_article(chipfacts.load(store_dir), article_of(sentence, source))
    assert (share.entity_id, share.attribute.id, share.unit, share.bound) == (
        "nvidia", "market_share", "percent", bound
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("雅典娜很快。微软也是下了血本:晶体管数量达到1050亿个。", "maia100"),
        ("雅典娜很快。微软决定自研,每年将投入481亿美元。", "microsoft"),
    ],
)
def test_a_colon_opens_the_companys_product_a_comma_goes_on_about_the_company(
    store_dir: Path, text: str, entity: str
) -> None:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (found,) = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert found.entity_id == entity


def test_a_demonstrative_refers_to_the_name_written_with_its_noun(tmp_path: Path) -> None:
    chips = "  - {id: h100, name: H100, kind: chip, maker: nvidia}\n"
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("entities:\n", "entities:\n" + chips), encoding="utf-8"
    )
    text = "微软的雅典娜芯片用上了英伟达的H100。这款芯片晶体管数量达到1050亿个。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (found,) = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    assert found.entity_id == "maia100"  # not H100, the last chip named


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("2021年推出的雅典娜使用台积电5nm制程。", "maia100"),  # not the foundry it uses
        ("微软计划在2027年将英伟达剔除出供应商的行列。", "microsoft"),  # 将 marks the object
    ],
)
def test_an_event_is_about_its_own_object_not_a_later_verbs(
    tmp_path: Path, text: str, entity: str
) -> None:
    exit_ = (
        "  - {id: supplier_exit, label: Exit, type: date, description: Dropped.,"
        " synonyms: [剔除]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + exit_), encoding="utf-8"
    )
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (found,) = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    assert found.entity_id == entity


def test_a_company_launching_its_first_chip_launches_its_one_chip(store_dir: Path) -> None:
    text = "微软计划在2024年1月推出其首款AI芯片。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (found,) = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert (found.entity_id, found.attribute.id) == ("maia100", "launched")


def test_a_passive_attribute_is_about_the_verbs_object(tmp_path: Path) -> None:
    used = (
        "  - {id: used_by, label: Used or tested by, type: text, description: Who uses it.,"
        " synonyms: [使用]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + used), encoding="utf-8"
    )
    text = "微软的小团队已经开始使用雅典娜。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (found,) = draft_article(chipfacts.load(tmp_path), article_of(text, source), True)
    assert (found.entity_id, found.attribute.id) == ("maia100", "used_by")


def test_a_speaker_naming_nothing_else_speaks_of_itself(store_dir: Path) -> None:
    text = "英伟达表示，份额有望达到80%。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (share,) = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert (share.entity_id, share.status, share.bound) == ("nvidia", Status.FORECAST, Bound.ABOUT)


def test_the_speaker_inside_according_to_claims_it(store_dir: Path) -> None:
    text = "根據斯泰西·拉斯贡的介紹，英伟达控制了80%的份额。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hant")
    (share,) = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert share.entity_id == "nvidia" and share.status is Status.CLAIMED
    assert share.claimed_by is not None and share.claimed_by.id == "stacy-rasgon"


def test_a_question_form_synonym_is_answered_by_a_number(tmp_path: Path) -> None:
    chips = (
        "  - {id: chips_launched, label: Chips launched, type: number, unit: chips,"
        " description: Chips., synonyms: [推出了多少款]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + chips), encoding="utf-8"
    )
    text = "微軟已經推出了超過10款自研芯片。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hant")
    (found,) = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    assert (found.entity_id, found.attribute.id, found.value, found.bound) == (
        "microsoft", "chips_launched", 10, Bound.MORE_THAN
    )  # fmt: skip


def test_in_english_the_chip_is_the_chip_named_before_not_who_makes_it(store_dir: Path) -> None:
    text = "Microsoft showed the Athena. The chip has 105 billion transistors and is made by TSMC."
    source = Source("en", "en.md", "News", "Test", PartialDate(2024, 1), "en")
    found = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert [(c.entity_id, c.attribute.id) for c in found] == [
        ("maia100", "transistor_count"),
        ("maia100", "foundry"),  # made by TSMC: the chip's foundry, not TSMC's
    ]


def test_a_date_before_a_speech_word_dates_the_statement_not_the_event(store_dir: Path) -> None:
    text = "微软10月表示，雅典娜将于2024年1月推出。早在10月初就有媒体剧透雅典娜将推出。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    found = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert [(c.entity_id, c.value) for c in found] == [("maia100", PartialDate(2024, 1))]


def test_a_clause_on_a_companys_one_chip_is_about_the_chip(tmp_path: Path) -> None:
    status = (
        "  - {id: development_status, label: Development status, type: text,"
        " description: Where it stands., synonyms: [研发]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + status), encoding="utf-8"
    )
    text = "微软正在加紧研发自己的AI芯片。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    (found,) = draft_article(chipfacts.load(tmp_path), article_of(text, source), True)
    assert (found.entity_id, found.attribute.id) == ("maia100", "development_status")


def test_text_facts_from_clauses_unless_left_out(store_dir: Path) -> None:
    default = {(c.entity_id, c.attribute.id) for c in drafted(store_dir)}
    assert ("maia100", "foundry") in default
    numbers = {(c.entity_id, c.attribute.id) for c in drafted(store_dir, clauses_too=False)}
    assert ("maia100", "foundry") not in numbers and ("maia100", "transistor_count") in numbers


def test_every_quote_is_a_slice_of_the_article(store_dir: Path) -> None:
    for candidate in drafted(store_dir):
        assert ARTICLE[candidate.start : candidate.end] == candidate.quote


def test_the_yaml_validates_beside_the_store_and_knows_what_the_store_has(
    store_dir: Path, sources: Path, cli: Cli
) -> None:
    result = cli(
        "--data",
        str(store_dir),
        "draft",
        str(sources / "news.md"),
        "--id",
        "news",
        "--date",
        "2023-12-01",
        "--publisher",
        "Test",
    )
    assert result.code == 0, result.err
    assert "# SAME · " not in result.out  # another source: not the same
    assert "# CORROBORATES · confidence" in result.out
    assert "# add to maia100-transistors (mini):\n  # references:\n  #   - source: news\n" in (
        result.out
    )
    document = yaml.safe_load(result.out)
    assert document["sources"][0]["id"] == "news" and len(document["sources"][0]["sha256"]) == 64
    assert "maia100-transistor-count" not in {f["id"] for f in document["facts"]}
    # B200 is not in the store: proposed, made by the company named with it
    assert document["entities"] == [
        {
            "id": "b200",
            "name": "B200",
            "kind": "chip",
            "maker": "nvidia",
            "aliases": ["Nvidia B200"],
        }
    ]
    b200 = next(f for f in document["facts"] if f["entity"] == "b200")
    assert (b200["value"], b200["attribute"]) == (208000000000, "transistor_count")
    (store_dir / "news.yaml").write_text(result.out, encoding="utf-8")
    check = cli("validate", str(store_dir), "--sources", str(sources))
    assert check.code == 0, check.err
    assert "quotes found in their sources" in check.out


def test_json_for_tools_and_same_for_a_registered_source(
    store_dir: Path, sources: Path, cli: Cli
) -> None:
    shutil.copy(sources / "news.md", sources / "mini.txt")  # the mini source, rewritten
    result = cli(
        "--data",
        str(store_dir),
        "draft",
        str(sources / "mini.txt"),
        "--source",
        "mini",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    records = json.loads(result.out)
    same = [r for r in records if r["class"] == "SAME"]
    assert [r["store_fact"] for r in same] == ["maia100-transistors"]
    assert all(r["fact"]["source"] == "mini" for r in records)
    assert set(records[0]) == {
        "class",
        "confidence",
        "cues",
        "decide",
        "fact",
        "store_fact",
        "new_entity",
    }


def test_a_registered_text_is_drafted_as_its_source(shared_sources: Path, cli: Cli) -> None:
    article = next(shared_sources.glob("001_*.txt"))  # ofweek-2023-11's text
    result = cli("draft", str(article), "--date", "2023-11-17", "--json")
    assert result.code == 0, result.err
    assert "registered as source 'ofweek-2023-11'" in result.err
    records = json.loads(result.out)
    assert records and all(r["fact"]["source"] == "ofweek-2023-11" for r in records)
    assert "CORROBORATES" not in {r["class"] for r in records}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "x"], "give the article's date (--date YYYY-MM-DD)"),
        (["--date", "2023-13"], "--date: not a date"),
        (["--source", "mini", "--date", "2023"], "--source names a registered source"),
        (["--source", "nope"], "unknown source 'nope'"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    store_dir: Path, sources: Path, args: list[str], message: str, cli: Cli
) -> None:
    result = cli("--data", str(store_dir), "draft", str(sources / "news.md"), *args)
    assert result.code == 2
    assert message in result.err and result.err.count("\n") == 1


def test_an_unreadable_article_is_one_line(store_dir: Path, tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe bad")
    missing = cli("--data", str(store_dir), "draft", str(tmp_path / "no.txt"), "--date", "2023")
    bad = cli("--data", str(store_dir), "draft", str(tmp_path / "bad.txt"), "--date", "2023")
    assert missing.code == bad.code == 4
    assert "not found" in missing.err and "not UTF-8" in bad.err
    assert missing.err.count("\n") == bad.err.count("\n") == 1


def test_lookups_do_not_import_the_drafting_code() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "sys.argv = ['chipfacts', 'search', '1.5万', '--json']\n"
        "from chipfacts.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('chipfacts.draft', 'cn2an', "
        "'proces', 'pypinyin', 'chipfacts.text.cues', 'chipfacts.text.when'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def test_another_value_for_the_same_time_conflicts(
    store_dir: Path, tmp_path: Path, cli: Cli
) -> None:
    article = tmp_path / "other.txt"
    article.write_text("雅典娜的晶体管数量达到1000亿个。\n", encoding="utf-8")
    result = cli("--data", str(store_dir), "draft", str(article), "--date", "2023-11", "--json")
    assert result.code == 0, result.err
    (record,) = json.loads(result.out)
    assert (record["class"], record["store_fact"]) == ("CONFLICTS", "maia100-transistors")
    text = cli("--data", str(store_dir), "draft", str(article), "--date", "2023-11")
    assert "# conflicts with maia100-transistors (mini, as of 2023-11-15)\n" in text.out


prose = st.text(
    alphabet=st.sampled_from(
        list("微軟雅典娜晶体管数量达到约超过至少万亿个颗美元%nm5190,. 。，\n$Bb")
    ),
    max_size=60,
) | st.text(max_size=40)


@settings(max_examples=200, deadline=None)
@given(prose)
def test_any_text_reads_without_error_and_every_quote_is_a_slice(text: str) -> None:
    folded = fold_in_place(text)
    assert len(folded) == len(text)
    for quantity in find_quantities(folded, text):
        assert 0 <= quantity.start < quantity.end <= len(text)
    source = Source("any", "any.txt", "T", "P", PartialDate(2024, 5, 1), "zh-Hans")
    for candidate in draft_article(HYPOTHESIS_STORE, article_of(text, source), clauses_too=True):
        assert text[candidate.start : candidate.end] == candidate.quote


HYPOTHESIS_STORE = chipfacts.load(Path(__file__).parent / "fixtures" / "mini.yaml")


def test_a_pages_footer_is_no_part_of_the_article(store_dir: Path) -> None:
    text = "微软预计将投入约481亿美元。\n\n相关推荐\n分析称，英伟达控制了超过80%的份额。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    found = draft_article(chipfacts.load(store_dir), article_of(text, source))
    assert [(c.entity_id, c.attribute.id) for c in found] == [("microsoft", "capex")]


def test_a_titled_person_the_store_lacks_is_proposed_and_speaks(tmp_path: Path) -> None:
    role = (
        "  - {id: role, label: Role, type: text, description: A job.,"
        " synonyms: [CEO, 首席执行官, 总裁, 创始人]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + role), encoding="utf-8"
    )
    text = "AMD首席执行官苏姿丰（Lisa Su）在发布会上称，Maia 100的晶体管数量达到1000亿个。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    found = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    title = next(c for c in found if c.new_entity is not None)
    assert title.new_entity is not None
    assert (title.new_entity.id, title.new_entity.kind, title.new_entity.aliases) == (
        "lisa-su", "person", ("苏姿丰",)
    )  # fmt: skip
    assert (title.attribute.id, title.quote) == ("role", "AMD首席执行官苏姿丰（Lisa Su）")
    count = next(c for c in found if c.attribute.id == "transistor_count")
    assert count.status is Status.CLAIMED
    assert count.claimed_by is not None and count.claimed_by.id == "lisa-su"


def test_a_name_glossed_in_brackets_says_what_it_is_for(tmp_path: Path) -> None:
    purpose = (
        "  - {id: purpose, label: Purpose, type: text, description: What for., synonyms: [用于]}\n"
    )
    product = "  - {id: cuda, name: CUDA, kind: product, aliases: [CUDA平台]}\n"
    store = STORE.replace("attributes:\n", "attributes:\n" + purpose)
    (tmp_path / "facts.yaml").write_text(
        store.replace("entities:\n", "entities:\n" + product), encoding="utf-8"
    )
    text = "由于CUDA平台(由英伟达推出的通用并行计算架构)，英伟达的GPU仍是首选。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    found = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    gloss = next(c for c in found if c.attribute.id == "purpose")
    assert (gloss.entity_id, gloss.quote) == ("cuda", "CUDA平台(由英伟达推出的通用并行计算架构)")


def test_each_of_those_listed_before_both_made_the_statement(tmp_path: Path) -> None:
    statement = (
        "  - {id: statement, label: Statement, type: text, description: What was said.,"
        " synonyms: [置评]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + statement), encoding="utf-8"
    )
    text = "截至目前，微软及英伟达均对此报道未予置评。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    found = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    assert {(c.entity_id, c.attribute.id) for c in found} == {
        ("microsoft", "statement"),
        ("nvidia", "statement"),
    }


def test_a_qualifying_phrase_is_a_claim_about_the_name_it_qualifies(tmp_path: Path) -> None:
    workload = (
        "  - {id: workload, label: Workload, type: text, description: What it runs.,"
        " synonyms: [用途]}\n"
    )
    (tmp_path / "facts.yaml").write_text(
        STORE.replace("attributes:\n", "attributes:\n" + workload), encoding="utf-8"
    )
    text = "微软公布了专用于AI推理的芯片Maia 100。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    found = draft_article(chipfacts.load(tmp_path), article_of(text, source))
    assert [(c.entity_id, c.attribute.id) for c in found] == [("maia100", "workload")]


@pytest.mark.parametrize("odd", ["\x7f", "\u00ad", "\U000e0041", "\u202e"])
def test_a_draft_with_odd_characters_stays_valid_json_and_yaml_with_verbatim_quotes(
    store_dir: Path, tmp_path: Path, cli: Cli, odd: str
) -> None:
    article = tmp_path / "odd.txt"
    article.write_text(f"标题\n\n{odd}雅典娜的晶体管数量达到1000亿个。\n", encoding="utf-8")
    as_json = cli("--data", str(store_dir), "draft", str(article), "--date", "2023-11", "--json")
    as_yaml = cli("--data", str(store_dir), "draft", str(article), "--date", "2023-11")
    (record,) = json.loads(as_json.out)
    document = yaml.safe_load(as_yaml.out)
    quotes = [record["fact"]["quote"], *[f["quote"] for f in document["facts"] or []]]
    assert quotes and all(odd in q for q in quotes)  # lossless, escaped on the way out
    assert odd not in as_json.out + as_yaml.out  # never raw on the terminal


def test_another_text_under_a_registered_id_is_refused(
    store_dir: Path, tmp_path: Path, cli: Cli
) -> None:
    article = tmp_path / "other.txt"
    article.write_text("标题\n\n雅典娜的晶体管数量达到1000亿个。\n", encoding="utf-8")
    known = next(iter(chipfacts.load(store_dir).sources))
    result = cli("--data", str(store_dir), "draft", str(article), "--date", "2023", "--id", known)
    assert result.code == 6 and result.err.count("\n") == 1 and "--id" in result.err


def test_a_title_taken_from_the_text_is_one_clean_line(
    store_dir: Path, tmp_path: Path, cli: Cli
) -> None:
    article = tmp_path / "tabbed.txt"
    article.write_text("英伟达\t发布\ufeff新芯片" + "很长" * 200 + "\n\n正文。\n", encoding="utf-8")
    result = cli("--data", str(store_dir), "draft", str(article), "--date", "2023")
    title = yaml.safe_load(result.out)["sources"][0]["title"]
    assert result.code == 0 and title.startswith("英伟达 发布 新芯片") and len(title) <= 200


def test_a_bad_date_is_named_by_its_option(store_dir: Path, tmp_path: Path, cli: Cli) -> None:
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n正文。\n", encoding="utf-8")
    result = cli("--data", str(store_dir), "draft", str(article), "--date", "")
    assert result.code == 2 and "--date" in result.err


def test_a_figure_the_attribute_cannot_hold_is_no_candidate() -> None:
    # a table read as one sentence: 1050亿 is no process node in nm
    store = chipfacts.load()
    text = "| 芯片 | 制程 | 晶体管 |\n| Maia 100 | 5nm | 1050亿 |\n"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2023, 12, 1), "zh-Hans")
    for found in draft_article(store, article_of(text, source)):
        high = found.attribute.max_value
        assert high is None or not isinstance(found.value, int | float) or found.value <= high


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        # supply itself, and selling
        ("H20的供应时断时续", True),
        ("英伟达暂停了该芯片的销售", True),
        ("该模型将向付费用户开放", True),
        # the supply chain, a supplier, a supply's price, sales figures, applications
        ("台积电在HBM供应链中的角色更加吃重", False),
        ("SK海力士已与英伟达敲定HBM4供货价格", False),
        ("Meta正在与三星洽谈第二供应来源", False),
        ("该公司销售额增长三成", False),
        ("国网中心开放申请的首月即收到60件申请", False),
    ],
)
def test_a_word_of_supply_marks_availability_only_as_supply(text: str, marks: bool) -> None:
    found = find_cue_words(fold_in_place(text), ["availability"])
    assert bool(found) is marks


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        # words of prose that curators almost never took as the claim they seemed to mark
        ("该公司未来三年的营收有望翻倍", "plan"),
        ("出口管制的影响仍在扩大", "market_impact"),
        ("该集群优先保障内部训练任务", "priority"),
        ("样品已送交客户验证", "development_status"),
    ],
)
def test_a_weak_word_marks_no_claim(text: str, attribute: str) -> None:
    assert find_cue_words(fold_in_place(text), [attribute]) == []


def test_hereinafter_marks_no_statement() -> None:
    text = "北京算丰云科技有限公司（下称“算丰云”）是国内较大的算力租赁商"
    assert find_cue_words(fold_in_place(text), ["statement"]) == []
