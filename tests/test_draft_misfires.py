"""Sentences a rule meant for another drew a wrong candidate from, found by trying to
break the rules of one round: each is read against the shipped store's vocabulary
(its entities and attributes, none of its facts), as the benchmark reads a new article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import chipfacts
from chipfacts.draft.candidates import Candidate
from chipfacts.text.normalize import fold_in_place
from chipfacts.text.numbers import find_quantities
from tests.conftest import Cli, load_benchmark
from tests.drafting import draft_news, entity_of, proposed

EVALUATE = load_benchmark("evaluate_draft")


@pytest.fixture
def store(vocabulary: chipfacts.Store) -> chipfacts.Store:
    return vocabulary


def drafted(store: chipfacts.Store, text: str, language: str = "zh-Hans") -> list[Candidate]:
    return draft_news(store, text, language)


_LISTED = "上海曦岭智芯科技股份有限公司（下称“曦岭智芯”）的科创板IPO申请已获受理。"


def test_the_company_opening_a_sentence_is_the_one_the_sentence_before_names(
    store: chipfacts.Store,
) -> None:
    text = (
        "受美国出口管制影响，英伟达H20在华销售受限。"
        f"{_LISTED}该公司主力产品岭云T100训练卡去年出货量约2.1万张。据悉，岭云T100采用7nm工艺。"
    )
    (shipped,) = [c for c in drafted(store, text) if c.value == 21000]
    assert shipped.new_entity is not None
    assert (shipped.new_entity.id, shipped.new_entity.kind) == ("lingyun-t100", "chip")
    assert shipped.new_entity.maker not in (None, "nvidia")


def test_a_product_set_beside_another_makers_keeps_its_figure(store: chipfacts.Store) -> None:
    text = (
        f"{_LISTED}曦岭智芯新一代训练卡岭云T200与英伟达H100对标，功耗约为450瓦。"
        "据悉，岭云T200采用5nm工艺。"
    )
    (power,) = [c for c in drafted(store, text) if c.value == 450]
    assert entity_of(power) == "lingyun-t200"


@pytest.mark.parametrize(
    "text",
    [
        "国内互联网大厂采购量约为50万张，占整体需求的六成。",  # buyers
        "美国对华芯片出货量去年下滑约30%。",  # a trade between places
        "据海关数据，台湾对美AI服务器出货量今年前五个月约为12万台。",
        "台湾AI服务器代工厂出货量今年预计将达到50万台。",  # makers
        "集邦科技预估，北美四大CSP采购量今年将占全球AI服务器的约65%。",
        "国内头部云厂商GPU采购量今年约为80万张。",  # buyers inside the name
        "美国限制对华芯片出货量后，相关营收下滑约三成。",
        "中国大陆以外地区GPU出货量约为300万张。",
    ],
)
def test_buyers_makers_and_trade_are_no_market(store: chipfacts.Store, text: str) -> None:
    # (a market, or a thing counted, is proposed as a product: the store has no market)
    assert not [c for c in drafted(store, text) if c.new_entity and c.new_entity.kind == "product"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("日本厂商看好印度AI服务器市场今年约为50亿美元。", "印度AI服务器市场"),
        ("IDC报告显示，中国2025年AI加速卡出货量约为362万张。", "中国AI加速卡"),
        ("中国AI电商市场规模约为1500亿元。", "中国AI电商市场"),
    ],
)
def test_a_market_is_named_by_its_place_and_thing_alone(
    store: chipfacts.Store, text: str, name: str
) -> None:
    names = {c.new_entity.name for c in drafted(store, text) if c.new_entity is not None}
    assert names == {name}


def test_markets_of_two_places_are_two(store: chipfacts.Store) -> None:
    text = (
        "研调机构估计，美国AI数据中心市场规模今年约为1800亿美元。"
        "另据统计，中国AI数据中心市场规模约为3200亿元。"
    )
    markets = {c.value: entity_of(c) for c in drafted(store, text)}
    assert markets[180_000_000_000] != markets[320_000_000_000]


def test_a_market_goes_on_only_into_a_clause_of_its_own_figures(store: chipfacts.Store) -> None:
    text = (
        "凯基投顾估算，台湾GPU云端租赁市场规模今年约新台币180亿元，"
        "2028年有望成长至450亿元，本土业者平均毛利率约为25%。"
    )
    found = {c.value: entity_of(c) for c in drafted(store, text)}
    assert found.get(25) != found[18_000_000_000]


@pytest.mark.parametrize(
    "text",
    [
        "集邦将今年全球AI服务器出货量的预估，由年增28%下修至24%。",
        "摩根士丹利将台积电今年美元营收的预估，由年增25%上调至年增30%。",
    ],
)
def test_a_growth_revised_is_no_level_of_the_measure_before(
    store: chipfacts.Store, text: str
) -> None:
    found = [c for c in drafted(store, text) if c.unit == "percent"]
    assert len(found) == 2
    assert all("growth" in c.attribute.id for c in found)


def test_a_clusters_size_changed_is_one_measure(store: chipfacts.Store) -> None:
    text = "微软计划将其威斯康星数据中心的GPU规模，从10万颗提升至30万颗。"
    sizes = {c.value: c.attribute.id for c in drafted(store, text) if c.unit == "gpus"}
    assert sizes == {100_000: "cluster_gpus", 300_000: "cluster_gpus"}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("英伟达H20去年在华出货量约为100万张，其中字节跳动约为23万张。", 230_000),  # a buyer
        ("阿里巴巴今年资本开支约为1200亿元，其中阿里云约为800亿元。", 80_000_000_000),  # itself
    ],
)
def test_what_cannot_be_a_part_of_the_whole_does_not_go_on_with_its_measure(
    store: chipfacts.Store, text: str, part: int
) -> None:
    found = drafted(store, text)
    (whole,) = [c for c in found if c.value not in (part, None)]
    (of_which,) = [c for c in found if c.value == part]
    assert of_which.attribute.id != whole.attribute.id


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("xAI's Memphis GPU cluster now runs 200,000 accelerators, the company said.", "xai"),
        ("Oracle's OCI GPU clusters will have 131,072 Blackwell chips.", "oracle"),
        ("Nvidia's largest buyer of chips, Humain, plans to deploy 18,000 GB300 chips.", None),
        ("Tenstorrent's designer of the chip, Jim Keller, said Blackhole draws 300 watts.", None),
    ],
)
def test_no_chip_is_named_by_a_site_a_buyer_or_a_designer(
    store: chipfacts.Store, text: str, entity: str | None
) -> None:
    found = drafted(store, text, "en")
    assert not [c for c in found if c.new_entity is not None and c.new_entity.kind == "chip"]
    if entity is not None:
        assert {entity_of(c) for c in found if c.unit is not None} == {entity}


@pytest.mark.parametrize(
    "text",
    [
        "Commenting on its chips, Mark Liu, a spokesman, said shipments would reach "
        "1 million units.",
        "Asked about Nvidia's chips, Huang, who spoke in Taipei, said supply was tight.",
        "Speaking on Nvidia's GPUs, Barclays, the bank, said demand was strong.",
        "Nvidia's Data Center GPU shipments rose to 3.8 million units.",
        "Oracle's Cloud GPU offering has 131,072 chips.",
    ],
)
def test_a_person_a_bank_or_a_segment_is_no_chip(store: chipfacts.Store, text: str) -> None:
    found = drafted(store, text, "en")
    assert not [c for c in found if c.new_entity is not None and c.new_entity.kind == "chip"]


def test_a_title_after_its_chips_is_a_person_not_a_chip(store: chipfacts.Store) -> None:
    text = (
        "Asked about demand for its chips, CEO Jensen Huang, who spoke at Computex, "
        "said supply would stay tight."
    )
    claims = {(entity_of(c), c.attribute.id) for c in drafted(store, text, "en")}
    assert ("jensen-huang", "role") in claims


def test_where_a_site_is_based_is_no_part_of_its_name(store: chipfacts.Store) -> None:
    text = "xAI's supercomputer, the Memphis-based Colossus, uses 100,000 Nvidia H100 chips."
    assert "colossus" in {entity_of(c) for c in drafted(store, text, "en")}


@pytest.mark.parametrize(
    "text",
    [
        # two companies' plants in one place
        "鸿海墨西哥工厂将生产GB200服务器机柜。广达墨西哥工厂的产能预计将在明年翻倍，"
        "广达在墨西哥的投资额约为5亿美元。",
        # a kind of plant, no place
        "英业达在墨西哥新建的组装工厂已投产。组装工厂月产能约为5000台服务器。",
        "华虹表示，成熟制程晶圆厂的产能利用率回升至95%。成熟制程晶圆厂仍是主力。",
        "富士康郑州工厂被评为灯塔工厂。灯塔工厂的生产效率提升约30%。",
        # which plant, or what is done to it, no place
        "鸿海在当地设立工厂。当地工厂月产能约为2000柜，当地政府提供约1亿元补贴。",
        "台积电表示，第二工厂预计明年投产，第二工厂月产能约为3万片。",
        "英特尔宣布关闭工厂。关闭工厂将影响约2000名员工，英特尔称关闭后将节省约10亿美元。",
    ],
)
def test_a_plant_is_proposed_only_for_one_companys_place(store: chipfacts.Store, text: str) -> None:
    found = drafted(store, text)
    assert not [c for c in found if c.new_entity is not None and c.new_entity.kind == "project"]


def test_a_computing_company_named_before_its_revenue_is_kept(store: chipfacts.Store) -> None:
    text = "算力租赁商云砚算力营收今年上半年约为3.2亿元，同比增长约150%。"
    found = drafted(store, text)
    assert {c.value for c in found if c.new_entity is not None and c.new_entity.kind == "company"}


def test_a_technique_glossed_or_a_time_before_a_clusters_noun_is_no_entity(
    store: chipfacts.Store,
) -> None:
    text = (
        "报告显示，“玄鸟”采用混合专家（MoE）架构，总参数量约1.2万亿。"
        "训练期间集群的平均模型算力利用率约为38%。训练期间集群平均功耗约为26MW。"
    )
    names = {c.new_entity.name for c in drafted(store, text) if c.new_entity is not None}
    assert not {n for n in names if "MoE" in n or "Xunlian" in n}


def test_a_programme_named_in_quotes_with_its_english_name_is_proposed(
    store: chipfacts.Store,
) -> None:
    text = (
        "印度电子和信息技术部21日公布“印度人工智能使命”（IndiaAI Mission）第二轮招标结果。"
        "该计划启动时设定的目标为1万张GPU。"
    )
    (target,) = [c for c in drafted(store, text) if c.value == 10000]
    assert target.new_entity is not None
    assert (target.new_entity.name, target.new_entity.kind) == ("IndiaAI Mission", "project")


@pytest.mark.parametrize(
    "noun", ["contract manufacturer", "chip supplier", "memory vendor", "AI chip producer"]
)
def test_a_company_set_off_by_what_it_makes_or_sells_is_proposed(
    store: chipfacts.Store, noun: str
) -> None:
    text = (
        f"Fabrinet, the {noun} that assembles optical transceivers for Nvidia, "
        "reported quarterly revenue of $1.42 billion."
    )
    (revenue,) = [c for c in drafted(store, text, "en") if c.value == 1_420_000_000]
    assert revenue.new_entity is not None
    assert (revenue.new_entity.name, revenue.new_entity.kind) == ("Fabrinet", "company")


def test_a_datelines_day_and_year_are_no_figures(store: chipfacts.Store) -> None:
    text = (
        "SANTA CLARA, California, Aug. 4, 2026 - AMD on Tuesday reported second-quarter "
        "revenue above Wall Street estimates."
    )
    assert not [c for c in drafted(store, text, "en") if c.value in (4, 2026)]


def test_a_profit_named_in_the_words_of_revenue_is_its_own_measure(
    store: chipfacts.Store,
) -> None:
    text = (
        "AMD said net income more than doubled to $1.94 billion, and adjusted earnings "
        "per share came in at $1.31. Its revenue rose to $11.6 billion. Nvidia reported "
        "net income of $19.3 billion and operating income of $21.6 billion."
    )
    found = {c.value: c.attribute.id for c in drafted(store, text, "en")}
    assert [found[v] for v in (1.94e9, 1.31, 11.6e9, 19.3e9, 21.6e9)] == [
        "net_income",
        "eps",
        "revenue",
        "net_income",
        "operating_income",
    ]


def test_a_sentence_naming_nothing_is_about_the_subject_of_the_whole_sentence_before(
    store: chipfacts.Store,
) -> None:
    text = (
        "Advanced Micro Devices on Tuesday reported second-quarter revenue above Wall Street "
        "estimates as cloud companies snapped up its Instinct AI accelerators, but a "
        "softer-than-hoped gross margin forecast and a jump in inventory sent its shares lower "
        "in extended trading.\n\nRevenue for the quarter ended June 27 rose 34% from a year "
        "earlier to $11.62 billion."
    )
    found = {c.value: entity_of(c) for c in drafted(store, text, "en")}
    assert found[11_620_000_000] == "amd"


def test_two_proposals_of_one_name_are_one_entity_in_a_draft_that_validates(
    tmp_path: Path, cli: Cli
) -> None:
    text = (
        "分制程来看，3nm制程出货占台积电晶圆销售金额的28%，5nm占34%。\n\n"
        "价格方面，据多位供应链人士透露，台积电2nm晶圆报价约为每片3万美元，"
        "较3nm的约2万美元高出五成左右。\n"
    )
    (tmp_path / "news.md").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    store.mkdir()
    (store / "facts.yaml").write_text(EVALUATE.DATA.read_text(encoding="utf-8"), "utf-8")
    drafted = cli(
        "--data", str(store / "facts.yaml"), "draft", str(tmp_path / "news.md"),
        "--id", "news-test", "--date", "2026-04-17",
    )  # fmt: skip
    assert drafted.code == 0, drafted.err
    (store / "draft.yaml").write_text(drafted.out, encoding="utf-8")
    checked = cli("validate", str(store))
    assert checked.code == 0, checked.out + checked.err
    document = yaml.safe_load(drafted.out)
    named = [e for e in document["entities"] if "3nm" in (e["id"], e["name"])]
    assert len(named) == 1  # (and every fact's entity is one validate knows)


def test_we_in_a_quotation_is_whoever_the_verb_of_saying_follows(
    store: chipfacts.Store,
) -> None:
    text = "英伟达CEO黄仁勋上周访华。针对黄仁勋的言论，AMD回应称，「我们今年拿下两成份额」。"
    (share,) = [c for c in drafted(store, text) if c.value == 20]
    assert share.entity_id == "amd"


@pytest.mark.parametrize(
    "text",
    [
        "华为表示将坚持“不忘初心、牢记使命”，累计投入约1800亿元。",  # a slogan
        "月溪科技（Yuexi Tech）技术团队称，公司今年营收约为3亿元。",  # a company's team
    ],
)
def test_a_slogan_is_no_programme_and_a_glossed_company_keeps_its_figures(
    store: chipfacts.Store, text: str
) -> None:
    found = drafted(store, text)
    assert found and all(c.new_entity is None or c.new_entity.kind == "company" for c in found)


# The round of the announcer, the customs office and the firm introduced in English: a
# second probe's misfires, each a class.


def _quantities(text: str) -> list[tuple[float | None, str | None, bool]]:
    return [(q.value, q.unit, q.above) for q in find_quantities(fold_in_place(text), text)]


@pytest.mark.parametrize(
    "text",
    [
        "AMD表示，MI300多卡互联方案已量产",  # 多卡: multi-card, a name's digits before
        "台北国际电脑展Computex 2025多家台厂展示液冷方案",  # a show's year, then 多家
        "英伟达H20多次被约谈",
        "英伟达第5代NVLink已量产",  # a generation
        "项目第2阶段已完工",  # a stage
    ],
)
def test_a_names_digits_a_generation_or_a_stage_is_no_figure(text: str) -> None:
    assert all(unit != "rank" and not above for _, unit, above in _quantities(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("该智算中心已部署千余张昇腾910C加速卡", 1000, "gpus"),
        ("服务百余家企业", 100, "firms"),
        ("案值两千多万元", 20_000_000, "yuan"),
        ("十余家厂商入围", 10, "firms"),
    ],
)
def test_a_chinese_numeral_then_yu_or_duo_is_more_than_it(
    text: str, value: float, unit: str
) -> None:
    assert _quantities(text) == [(value, unit, True)]


def test_terawatt_hours_are_energy() -> None:
    assert _quantities("全球数据中心用电量将达到945太瓦时") == [(945e12, "Wh", False)]


def _proposed(candidates: list[Candidate]) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {ident: (e.kind, e.aliases) for ident, e in proposed(candidates).items()}


@pytest.mark.parametrize(
    "text",
    [
        "近日海关在深圳皇岗口岸查获加速卡1300余张，案值约人民币2.1亿元。",
        "此前海关已查扣英伟达A100加速卡2000余张。",
        "随后海关对该公司处以罚款300万元。",
        "国内海关今年已查扣加速卡2000余张。",  # a scope, no place
    ],
)
def test_customs_after_a_time_is_no_office(store: chipfacts.Store, text: str) -> None:
    assert all(kind != "government" for kind, _ in _proposed(drafted(store, text)).values())


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("上海海关近日查获走私GPU共计800余张。", "上海海关"),
        ("中国海关数据显示，今年前5个月集成电路进口额约1050亿美元。", "中国海关"),
        ("中国海关总署数据显示，今年前5个月集成电路进口额约1050亿美元。", "中国海关总署"),
    ],
)
def test_customs_after_a_place_is_its_office(
    store: chipfacts.Store, text: str, office: str
) -> None:
    found = drafted(store, text)
    assert found
    assert all(_proposed([c]).get(entity_of(c) or "", ("", ()))[1] == (office,) for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "“具身智能”赛道融资总额已超过200亿元。",
        "“主权云”市场规模预计将达到2500亿美元。",
        "“绿色算力”项目总投资约120亿元。",
        "监管要求企业不得收集“敏感信息”，违者最高罚款5000万元。",
        "「空間智能」新創今年融資金額達新台幣50億元。",
        "“软件定义汽车”带动车用芯片需求增长约30%。",
    ],
)
def test_a_buzzword_in_quotes_is_no_company(store: chipfacts.Store, text: str) -> None:
    assert all(kind != "company" for kind, _ in _proposed(drafted(store, text)).values())


def test_the_first_months_after_a_colon_are_a_time(store: chipfacts.Store) -> None:
    text = "海关总署数据显示：前5个月，集成电路进口额约1050亿美元。"
    assert [c.value for c in drafted(store, text)] == [105_000_000_000]


@pytest.mark.parametrize(
    "text",
    [
        "三星电子存储器事业部（DS）第二季度营业利润约为6.7万亿韩元。",
        "该大模型支持私有化部署（On-Premise），单套价格约为200万元。",
        "英伟达董事会薪酬委员会（Compensation Committee）批准黄仁勋今年薪酬约为4990万美元。",
        "英伟达网络事业部（Networking）上季度营收为73亿美元。",
        "三星电子设备解决方案部（DS）第二季度营业利润约为6.7万亿韩元。",  # no 事业部 in it
        "英伟达总部（HQ）员工约3万人。",
    ],
)
def test_a_companys_part_or_a_word_glossed_is_no_government(
    store: chipfacts.Store, text: str
) -> None:
    assert all(kind != "government" for kind, _ in _proposed(drafted(store, text)).values())


def test_details_of_a_partners_deal_are_the_announcers(store: chipfacts.Store) -> None:
    text = "英伟达披露OpenAI合作细节，将分阶段向其投资最多1000亿美元。"
    (invested,) = [c for c in drafted(store, text) if c.value == 100_000_000_000]
    assert invested.entity_id == "nvidia"


@pytest.mark.parametrize(
    ("text", "second", "share"),
    [
        ("在AI加速器市场，英伟达的份额约为80%，其次为超微（AMD）的约15%。", "amd", 15),
        ("在AI加速器市场，英伟达的份额约为80%，紧随其后的是超微（AMD）的约15%。", "amd", 15),
        ("台积电晶圆代工市占率达67%，排名第二的是三星（Samsung）的约8%。", "samsung", 8),
        ("台积电晶圆代工市占率达67%，排名第2的是三星（Samsung）的约8%。", "samsung", 8),
        ("台积电晶圆代工市占率达67%，第二名是三星（Samsung）的约8%。", "samsung", 8),
    ],
)
def test_the_next_of_a_ranked_list_has_its_share(
    store: chipfacts.Store, text: str, second: str, share: int
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value == share]
    assert (found.entity_id, found.attribute.id) == (second, "market_share")


@pytest.mark.parametrize(
    "text",
    [
        "联合汽车电子有限公司去年营收约为300亿元。",
        "初创公司深言人工智能完成新一轮融资，融资金额约为5亿元。",
    ],
)
def test_a_word_of_the_trade_said_to_be_a_company_is_one(store: chipfacts.Store, text: str) -> None:
    found = drafted(store, text)
    assert found and all(c.new_entity is not None for c in found)
    assert {c.new_entity.kind for c in found if c.new_entity is not None} == {"company"}


@pytest.mark.parametrize(
    "text",
    [
        "华为推出鸿蒙新系统“HarmonyOS 6”，升级设备已超过2300万台。",
        "该公司推出的新系统“即插即用”，部署时间缩短至3天。",
    ],
)
def test_a_new_system_outside_news_of_machines_is_no_cluster(
    store: chipfacts.Store, text: str
) -> None:
    assert all(kind != "cluster" for kind, _ in _proposed(drafted(store, text)).values())


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Shanghai-listed GPU maker Moore Threads said revenue rose 180% to $1.2 billion.",
         "moore-threads"),
        ("Hefei-headquartered GPU designer Lisuan Tech shipped 20,000 units in the quarter.",
         "lisuan-tech"),
        ("Toronto-based chip start-up Velaris Technology raised $200 million in a Series B "
         "round.", "velaris-technology"),
    ],
)  # fmt: skip
def test_a_firm_introduced_by_where_it_is_listed_or_based_has_the_figures(
    store: chipfacts.Store, text: str, firm: str
) -> None:
    found = drafted(store, text, "en")
    assert found and {entity_of(c) for c in found} == {firm}


@pytest.mark.parametrize(
    "text",
    [
        "The industry group Global Semiconductor Alliance said members raised $4 billion.",
        "Washington-based Semiconductor Industry Association said global chip sales rose "
        "20% to $180 billion.",
        "Arm-based Neoverse Compute Subsystems now power more than 50% of new servers.",
    ],
)
def test_a_firms_word_inside_a_longer_name_makes_no_firm(store: chipfacts.Store, text: str) -> None:
    assert all(kind != "company" for kind, _ in _proposed(drafted(store, text, "en")).values())


@pytest.mark.parametrize(
    "doubled",
    ["将翻番至", "将提升一倍至", "较上一代翻倍至", "较2024年翻了两番至", "增长1倍至", "倍增至"],
)
def test_the_level_any_doubling_reaches_is_the_measure_named_before(
    store: chipfacts.Store, doubled: str
) -> None:
    text = f"博通表示，Tomahawk 7的交换容量{doubled}204.8Tbps。"
    (level,) = [c for c in drafted(store, text) if c.value == 204.8e12]
    assert level.attribute.id == "switching_capacity"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("英伟达首席执行官黄仁勋在接受彭博社采访时表示，英伟达今年营收将达到2000亿美元。",
         "jensen-huang"),
        ("美国商务部在对英伟达的调查中表示，走私金额约为10亿美元。", "us-commerce"),
    ],
)  # fmt: skip
def test_a_name_where_a_speaker_spoke_is_not_the_speaker(
    store: chipfacts.Store, text: str, speaker: str
) -> None:
    (figure,) = [c for c in drafted(store, text) if isinstance(c.value, int | float)]
    assert figure.claimed_by is not None and figure.claimed_by.id == speaker


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("囤积了英伟达GPU 3000余张", 3000, "gpus"),  # a Latin word, a space, then a count
        ("采购了A100 GPU 2万余张", 20000, "gpus"),
    ],
)
def test_a_count_after_a_latin_word_and_a_space_is_more_than_it(
    text: str, value: float, unit: str
) -> None:
    assert _quantities(text) == [(value, unit, True)]


@pytest.mark.parametrize("text", ["统一多家厂商的标准", "完成第3次融资，金额约5亿元"])
def test_one_before_duo_or_a_round_counted_is_no_figure_of_it(text: str) -> None:
    assert all(unit not in ("firms", "rank") for _, unit, _ in _quantities(text))


def test_doing_something_again_for_a_customer_keeps_the_subject(store: chipfacts.Store) -> None:
    text = "英伟达再次为微软供应GB300，数量约为5万颗。"
    (supplied,) = [c for c in drafted(store, text) if c.value == 50000]
    assert supplied.entity_id == "nvidia"


def test_a_minister_is_a_title_before_a_name(store: chipfacts.Store) -> None:
    text = (
        "日本经济产业大臣武藤容治周二表示，补贴总额约为5000亿日元。"
        "武藤容治还表示，明年补贴约为6000亿日元。"
    )
    people = [e for e in proposed(drafted(store, text)).values() if e.kind == "person"]
    # (a person after the title, not 臣武藤: the name read whole is three characters)
    assert people and all(a.startswith("武藤") for p in people for a in p.aliases)
