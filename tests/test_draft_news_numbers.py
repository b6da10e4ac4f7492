"""How `chipfacts draft` reads news about things the store lacks: what a number
counts is no subject, a company's cluster figures are the cluster's, the verb
says which attribute a count is, a list goes on with its attribute, an event
with no attribute of its own is proposed one, and a sentence opening with 其
goes on about the one before."""

from __future__ import annotations

from pathlib import Path

import pytest

import chipfacts
from chipfacts.draft.article import article_of
from chipfacts.draft.candidates import Candidate
from chipfacts.draft.extract import draft_article
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound, Source, Status
from chipfacts.text.normalize import fold_in_place
from chipfacts.text.numbers import find_quantities

DATA = Path(__file__).resolve().parents[1] / "data" / "facts.yaml"


@pytest.fixture(scope="module")
def store() -> chipfacts.Store:
    return chipfacts.load(DATA, use_cache=False)


def drafted(store: chipfacts.Store, text: str, clauses_too: bool = False) -> list[Candidate]:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), "zh-Hans")
    return draft_article(store, article_of(text, source), clauses_too)


def numbers(store: chipfacts.Store, text: str) -> list[tuple[str, str, object]]:
    return [
        (c.entity_id, c.attribute.id, c.value if c.low is None else c.low)
        for c in drafted(store, text)
        if c.unit is not None
    ]


def test_what_a_number_counts_is_no_subject_and_a_cluster_figure_is_the_clusters(
    store: chipfacts.Store,
) -> None:
    text = "中国电信旗下天翼云宣布，将在贵州建设一座基于峰睿F3的智算集群。首期部署8192颗F3芯片。"
    (found,) = [c for c in drafted(store, text) if c.attribute.id == "cluster_gpus"]
    assert found.new_entity is not None
    assert (found.new_entity.kind, found.new_entity.maker, found.value) == (
        "cluster", "tianyi-cloud", 8192
    )  # fmt: skip


_SITE = "位于宁夏银川的贺兰山智算中心一期正式投入运营。贺兰山智算中心由中国电信出资建设。"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a phase's figure, its sentence naming none but what it counts or lists
        (_SITE + "据介绍，一期共部署约2万张AI加速卡，国产卡占比超过60%。", 20000),
        (_SITE + "具体来看，华为昇腾910C约9000张。一期FP16总算力约5 EFLOPS。", 5e18),
        # a site's scale, whatever chip the sentence before was about
        (_SITE + "具体来看，华为昇腾910C约9000张。存储容量约200PB。", 2e17),
        (_SITE + "该中心部署了昇腾910C，用电负荷约150兆瓦。", 150_000_000),
        (_SITE + "存储容量约200PB，交换机全部由华为供应。", 2e17),
        (
            "北辰運算在德州興建名為「Titan-1」的AI訓練叢集。法人估算，單是第一期的GB300機櫃，"
            "採購金額就超過45億美元；第一期總投資將上看120億美元。",
            12_000_000_000,
        ),
    ],
)
def test_a_phases_figure_or_a_sites_scale_is_the_cluster_the_text_is_on(
    store: chipfacts.Store, text: str, value: float
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value == value]
    assert found.new_entity is not None and found.new_entity.kind == "cluster"


def test_a_chips_own_power_and_a_figure_of_no_phase_stay_the_chips(
    store: chipfacts.Store,
) -> None:
    text = _SITE + "华为昇腾910C单卡功耗为350W，今年出货量预计约60万颗。"
    assert {c.entity_id for c in drafted(store, text) if c.value in (350, 600_000)} == {
        "ascend-910c"
    }


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("昇腾910C今年的出货量预计在60万至70万颗之间。", "shipments"),
        ("华为今年将生产约60万颗昇腾910C。", "annual_output"),
        ("甲骨文已订购约1.5万颗MI300X。", "gpu_order"),
        ("字節跳動一家就訂了約12萬顆。", "gpu_order"),
        ("據了解，輝達首批HBM4訂單中，SK海力士拿下約七成。", "market_share"),
        ("三星以約6.8%位居第二。", "market_share"),  # a share, then the rank it gives
    ],
)
def test_with_no_attribute_word_the_verb_says_which_attribute_a_number_is(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    assert [a for _, a, _ in numbers(store, text)] == [attribute]


def test_a_total_the_verbs_attribute_cannot_hold_gets_a_new_attribute(
    store: chipfacts.Store,
) -> None:
    text = "初创公司峰睿科技发布了峰睿F3。上一代F2于2023年发布，累计出货约2万颗。"
    (found,) = [c for c in drafted(store, text) if c.value == 20000]
    assert found.attribute.id not in store.attributes  # not a year's output
    assert any(d.field == "attribute" and d.why.startswith("new:") for d in found.decisions)


def test_a_list_goes_on_with_the_attribute_of_its_first_number(store: chipfacts.Store) -> None:
    text = "分析师估计，今年SK海力士在全球HBM市场的占有率约为57%，三星约27%，美光约16%。"
    assert numbers(store, text) == [
        ("sk-hynix", "market_share", 57),
        ("samsung", "market_share", 27),
        ("micron", "market_share", 16),
    ]


@pytest.mark.parametrize(
    ("text", "attribute", "date"),
    [
        ("初创公司峰睿科技发布了峰睿F3。峰睿科技成立于2019年。", "founded", "2019"),
        ("初创公司峰睿科技发布了峰睿F3。F3将于12月开始出货。", "shipment_start", "2025-12"),
    ],
)
def test_an_event_with_no_attribute_of_the_store_is_proposed_one(
    store: chipfacts.Store, text: str, attribute: str, date: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.unit is None and c.attribute.id == attribute]
    assert str(found.value) == date
    assert any(d.field == "attribute" and d.why.startswith("new:") for d in found.decisions)


def test_a_sites_events_and_a_listing_are_dated_not_by_the_dateline(
    store: chipfacts.Store,
) -> None:
    text = (
        "11月5日消息，微软位于宁夏中卫的中卫智算中心二期工程昨日正式投入运营。"
        "中卫智算中心二期工程于2024年9月开工。"
        "初创公司峰睿科技已递交招股书，最早将于今年12月下旬挂牌交易。"
    )
    found = {c.attribute.id: str(c.value) for c in drafted(store, text) if c.unit is None}
    assert found["deployment"] == "2025-11-04"  # 昨日, not the dateline's day
    assert found["development_start"] == "2024-09"
    assert found["listing"] == "2025-12"


def test_what_a_figure_is_measured_against_is_not_what_it_is_of(store: chipfacts.Store) -> None:
    text = "初创公司峰睿科技发布了峰睿F3。F3整体性能约为上一代F2的2.4倍。"
    (found,) = [c for c in drafted(store, text) if c.attribute.id == "speedup_factor"]
    assert (found.entity_id, found.value, found.bound.value) == ("fengrui-f3", 2.4, "about")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a forecast in one clause, what already is in the next
        ("SK海力士今年营业利益有望超越三星，而HBM营收的比重已超过40%。", "reported"),
        ("美光表示，目标是2026年在HBM市场拿下约两成市占。", "planned"),
        ("分析人士指出，英伟达仍占据AI加速器市场约九成的份额。", "estimated"),
    ],
)
def test_the_status_of_a_figure_is_read_from_its_own_clause_and_speaker(
    store: chipfacts.Store, text: str, status: str
) -> None:
    statuses = [c.status.value for c in drafted(store, text) if c.unit == "percent"]
    assert statuses[-1:] == [status]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Rubin的FP4推论算力达50 PFLOPS。", 5e16, "flops"),
        ("显存带宽为2.4TB/s。", 2.4e12, "bytes/s"),
        ("单埠带宽达到800Gb/s。", 8e11, "bits/s"),
        ("数据中心功率为350MW。", 3.5e8, "W"),
        # energy, not power
        ("园区将配备容量为4GWh的储能系统。", 4e9, "Wh"),
        ("储能容量为4吉瓦时。", 4e9, "Wh"),
        ("该园区年耗电量约20亿千瓦时。", 2e12, "Wh"),
        ("The site will store 800 MWh of energy.", 8e8, "Wh"),
        # a link's rate, its bandwidth said after it
        ("DPU芯片曜石S3支持400G网络带宽。", 4e11, "bits/s"),
    ],
)
def test_measures_of_compute_bandwidth_and_power_are_read_in_base_units(
    text: str, value: float, unit: str
) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert found.unit == unit
    assert found.value == pytest.approx(value)


def test_a_measure_no_attribute_has_is_proposed_a_new_attribute_of_a_product_not_a_format(
    store: chipfacts.Store,
) -> None:
    text = "輝達執行長黃仁勳表示，輝達Rubin GPU的FP4推論算力達50 PFLOPS。"
    (found,) = [c for c in drafted(store, text) if c.unit == "flops"]
    assert found.new_entity is not None and found.new_entity.name == "Rubin"
    assert any(d.field == "attribute" and d.why.startswith("new:") for d in found.decisions)


def test_a_model_number_after_a_lines_name_is_another_model_of_it(
    store: chipfacts.Store,
) -> None:
    text = "华为昇腾910C今年的出货量预计在60万至70万颗之间。"
    (found,) = drafted(store, text)
    assert found.new_entity is not None
    assert (found.new_entity.name, found.new_entity.maker, found.attribute.id) == (
        "Ascend 910C", "huawei", "shipments"
    )  # fmt: skip


def test_a_share_said_with_accounts_for_is_a_market_share_down_a_list(
    store: chipfacts.Store,
) -> None:
    text = "集邦科技估計，今年AI伺服器代工市場中，鴻海約占45%，廣達約占35%，緯創約占15%。"
    assert [(e, a) for e, a, _ in numbers(store, text)] == [
        ("foxconn", "market_share"), ("quanta", "market_share"), ("wistron", "market_share")
    ]  # fmt: skip


def test_an_events_date_is_the_products_and_a_store_attribute_is_used_when_it_has_one(
    store: chipfacts.Store,
) -> None:
    text = "字节跳动自研的首款AI推理芯片“灵犀100”已于今年9月完成流片。灵犀100项目于2023年初启动。"
    found = {(c.entity_id, c.attribute.id, str(c.value)) for c in drafted(store, text)}
    assert ("lingxi-100", "tape_out", "2025-09") in found
    assert ("lingxi-100", "development_start", "2023-01") in found  # the store's attribute


@pytest.mark.parametrize(
    ("text", "bound"),
    [("阿里云宣布将GPU实例价格下调最高55%。", "at_most"), ("鸿海约占45%的市场份额。", "about")],
)
def test_up_to_and_about_before_a_share(store: chipfacts.Store, text: str, bound: str) -> None:
    assert [c.bound.value for c in drafted(store, text) if c.unit == "percent"] == [bound]


@pytest.mark.parametrize(
    "text",
    [
        "字节跳动发布了推理芯片“灵犀100”。该芯片采用7nm工艺。其主要用于在线推理。",
        "字节跳动发布了推理芯片“灵犀100”。知情人士称，该芯片采用7nm工艺。其主要用于在线推理。",
    ],
)
def test_a_sentence_opening_with_its_goes_on_about_the_one_before(
    store: chipfacts.Store, text: str
) -> None:
    claims = {(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)}
    assert ("lingxi-100", "purpose") in claims or ("lingxi-100", "workload") in claims


def test_a_latin_name_before_its_kinds_noun_is_proposed_and_a_count_is_no_node(
    store: chipfacts.Store,
) -> None:
    text = "Marvell 今日发布 Teralynx 12 交换芯片，集成 512 条 200G SerDes 通道，采用 3nm 工艺。"
    found = [(c.entity_id, c.attribute.id, c.value) for c in drafted(store, text)]
    assert ("teralynx-12", "process_node", 3) in found
    # 512条: lanes, not nanometres; a count of them, in an attribute to add
    assert [attribute for _, attribute, value in found if value == 512] == ["lanes"]


@pytest.mark.parametrize(
    "text",
    [
        "伺服器代工大廠廣達（2382）昨（13）日召開法說會。",  # a stock code and a day
        "AI集群的规模每18个月左右就会翻一番。",  # a duration
    ],
)
def test_stock_codes_days_and_durations_are_no_figures(store: chipfacts.Store, text: str) -> None:
    assert numbers(store, text) == []


def test_a_change_from_one_figure_to_another_is_named_before_from(
    store: chipfacts.Store,
) -> None:
    text = "分析师林嘉文（Kevin Lam）估算，微软GPU租赁业务的毛利率已从去年的约35%降至不足15%。"
    labels = {c.attribute.label for c in drafted(store, text) if c.unit == "percent"}
    assert labels == {"毛利率"}


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("INT8算力约为600 TOPS。", 6e14, "ops/s"),
        ("單櫃功耗約120千瓦。", 1.2e5, "W"),
        ("端口到端口延迟低于 500 纳秒。", 5e-7, "s"),
        ("CoWoS月產能約7萬片。", 7e4, "wafers"),
        ("GB200機櫃出貨約1,800櫃。", 1800, "racks"),
        ("廣達今年AI伺服器營收將達約1.1兆元。", 1.1e12, "yuan"),
        ("單櫃功耗突破130千瓩。", 1.3e5, "W"),  # Taiwan's kilowatt
        ("第一期的供電容量約1.8萬瓩。", 1.8e7, "W"),  # ten thousand of them
        ("單櫃功耗約500瓩。", 5e5, "W"),
        ("明年資本支出預計將增至約34兆韓元。", 3.4e13, "KRW"),
        ("擬募資最多38億港元。", 3.8e9, "HKD"),
        ("發行價定為每股HK$52.3。", 52.3, "HKD"),  # Hong Kong's dollar sign
        ("年用電約500萬瓩時。", 5e9, "Wh"),  # Taiwan's kilowatt-hour
        ("募资约46亿港币。", 4.6e9, "HKD"),
        ("國網中心每月最多只能使用2,000 GPU小時。", 2000, "gpu_hours"),
        ("交期長達40週。", 40, "weeks"),
        ("预训练历时71天。", 71, "days"),
        ("训练数据规模超过22万亿token。", 2.2e13, "tokens"),
        ("使用了18万亿个token的语料。", 1.8e13, "tokens"),
        ("800G光模組上半年出貨約210萬隻。", 2.1e6, "pieces"),  # no GPUs
        ("明年採購量將超過150萬支。", 1.5e6, "pieces"),
        ("1.5万只是起点。", 1.5e4, None),  # 只是: "is only", no counter
        ("驭途智能租用约800P算力。", 8e17, "flops"),  # China's P: petaflops
        ("付费企业客户超过1200家。", 1200, "firms"),
        ("集群共发生硬件故障超过300次。", 300, "events"),
        ("每个token激活约380亿参数。", 3.8e10, "parameters"),
        ("运行700亿参数级别的开源模型。", 7e10, None),  # a kind of model, no count
    ],
)
def test_more_measures_of_news_are_read_in_base_units(text: str, value: float, unit: str) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.unit, found.value) == (unit, value)  # as written, no float noise


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("公司完成3亿5000万元B轮融资。", 3.5e8, "yuan"),
        ("營收1萬億2,000億元。", 1.2e12, "yuan"),
        ("累計前10月營收達6兆8,530億元。", 6.853e12, "yuan"),
        ("第四季合併營收達新台幣1兆零460億元。", 1.046e12, "TWD"),
        ("投資約2亿零500万美元。", 2.05e8, "USD"),
        ("完成3亿5千万美元融资。", 3.5e8, "USD"),
        ("采购1万2000块H20。", 1.2e4, "gpus"),
    ],
)
def test_a_number_of_two_magnitudes_is_one_number(text: str, value: float, unit: str) -> None:
    """3亿5000万, 6兆8,530億: the smaller magnitude goes on the larger's number, never
    a second figure beside a first one cut off."""
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.unit, found.value) == (unit, value)


@pytest.mark.parametrize(
    "text",
    ["这段1080P视频画质清晰。", "raised its price to $5.49 per GPU-hour", "can drive 128 ports"],
)
def test_a_p_is_petaflops_only_where_computing_power_is_spoken_of(text: str) -> None:
    assert "flops" not in [q.unit for q in find_quantities(fold_in_place(text), text)]


def test_a_change_and_a_level_of_two_magnitudes_are_two_figures() -> None:
    text = "营收增长5%至6兆8,530億元。"
    found = [(q.value, q.unit) for q in find_quantities(fold_in_place(text), text)]
    assert found == [(5, "percent"), (6.853e12, "yuan")]


@pytest.mark.parametrize("text", ["功率约100兆瓦。", "营收3亿，5000万元来自海外。"])
def test_a_magnitude_and_another_number_apart_are_two(text: str) -> None:
    """兆 is a magnitude only before the 亿 of the same number (100兆瓦 is megawatts);
    a comma ends a number."""
    assert len(find_quantities(fold_in_place(text), text)) == len(text.split("，"))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("微软自有AI芯片集群的PUE控制在1.15以下。", 1.15, None),
        ("微软自有AI芯片集群的设计PUE普遍控制在1.2以下。", 1.2, None),
        ("微软自有AI芯片集群的電力使用效率（PUE）可壓低至1.15以下。", 1.15, None),
        ("微软自有AI芯片集群的功耗控制在100兆瓦以内。", 1e8, "W"),
    ],
)
def test_a_figure_held_under_a_ceiling_is_at_most_it(
    store: chipfacts.Store, text: str, value: float, unit: str | None
) -> None:
    """控制在…以下, 压低至…以下, …以内: what a design holds a figure to, a ceiling."""
    (found,) = [c for c in drafted(store, text) if c.value == value]
    assert (found.entity_id, found.bound) == ("microsoft-ai-cluster", Bound.AT_MOST)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("微软自有AI芯片集群规模为10万卡机房。", 100000),
        ("微软自有AI芯片集群已部署2万卡服务器。", 20000),
        ("微软自有AI芯片集群建成3万卡机群。", 30000),
    ],
)
def test_a_fleets_cards_are_counted_though_servers_follow(
    store: chipfacts.Store, text: str, value: int
) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.value == value] == [
        "microsoft-ai-cluster"
    ]


def test_a_bound_after_a_number_is_that_ones_not_the_next(store: chipfacts.Store) -> None:
    text = "英伟达售价1万美元以下的H20今年出货100万颗。"
    (found,) = [c for c in drafted(store, text) if c.value == 1_000_000]
    assert found.bound is Bound.EXACT


@pytest.mark.parametrize(
    "text",
    [
        "微软自有AI芯片集群共2,000台服务器，每台搭载8颗H100。",
        "微软自有AI芯片集群每台8卡服务器配备8张400G网卡。",
        "微软自有AI芯片集群相比传统的8卡服务器组网更省电。",
        "微软自有AI芯片集群将在30天内完成部署。",
        "微软自有AI芯片集群中，搭载8块H200的整机报价约为260万元。",
        "微软的新芯片由两颗计算芯粒和八颗I/O芯粒组成。",  # a chip's parts
    ],
)
def test_a_servers_cards_and_a_span_to_come_are_no_figures(
    store: chipfacts.Store, text: str
) -> None:
    """每台搭载8颗, 8卡服务器: cards per server, no size of the cluster; 30天内: when."""
    assert [c.value for c in drafted(store, text) if c.unit == "gpus" and c.value in (8, 30)] == []


def test_a_designation_a_figure_is_set_against_is_not_proposed_for_it(
    store: chipfacts.Store,
) -> None:
    """较英伟达H20低约三成: Microsoft's price, set against the H20's (the maker's
    name between 较 and the designation changes nothing)."""
    text = "微软的报价较英伟达H20低约三成。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 30] == ["microsoft"]


def test_a_figure_a_person_gives_is_the_companys(store: chipfacts.Store) -> None:
    text = "廣達財務長陳偉倫（Wei-Lun Chen）表示，明年資本支出預估約300億元，較今年增加約四成。"
    assert {e for e, _, _ in numbers(store, text)} == {"quanta"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("星图算力研究院分析师韩璐估算，一期每年的租金收入约为8亿元。", "han-lu"),
        (
            "贵州省大数据发展管理局副局长罗文昊介绍，单一租户最多只能申请2000卡的长期租约。",
            "luo-wenhao",
        ),
        (
            "IDC中国分析师陈思远表示，2024年至2025年间国内新增的高端训练卡超过60万张。",
            "chen-siyuan",
        ),
    ],
)
def test_a_figure_a_person_gives_with_no_company_is_never_theirs(
    store: chipfacts.Store, text: str, person: str
) -> None:
    """A rent, a tenant's cap, a market's cards are no person's: with no company or
    site the reader finds, the figure is left to the curator, not given to the one
    who spoke (whose title is still drafted)."""
    drafted_for = {c.entity_id for c in drafted(store, text)}
    assert person in drafted_for  # the role
    assert person not in {e for e, _, _ in numbers(store, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("集邦咨询分析师王思远表示，以1.6万颗GPU的规模计算，单位成本约为每小时2美元。", set()),
        (
            "伯恩斯坦（Bernstein）分析师斯泰西·拉斯贡（Stacy Rasgon）测算，"
            "该交易相当于每块GPU每小时约2.8美元。",
            set(),
        ),
        ("市场研究机构Counterpoint分析师黄志明估计，马来西亚今年部署的GPU约为3万颗。", set()),
        ("集邦咨询分析师王思远表示，英伟达明年的营收将增长约50%。", {"nvidia"}),
    ],
)
def test_the_firm_whose_analyst_speaks_is_no_subject(
    store: chipfacts.Store, text: str, expected: set[str]
) -> None:
    """A research firm speaking through its analyst gives figures of what it studies:
    the one the clause names, or none the reader found (never the firm's own)."""
    assert {e for e, _, _ in numbers(store, text)} == expected


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        ("长鑫存储在全球DRAM市场排名第四。", [4.0]),
        ("寒武纪在国产厂商中位列第三名。", [3.0]),
        ("阿里巴巴为公司第三大股东。", [3.0]),
        # a quarter, a generation, a phase, a batch, a biggest customer: no rank
        ("第三季营收增长，第七代TPU的第二期工程第一批交付，第一大客户是微软。", []),
        ("英伟达安排第二批H20于下月交付，华为在新居第一期项目部署服务器。", []),
        ("英伟达被排在第二批名单中，该公司排在第三季度之后。", []),
    ],
)
def test_a_rank_in_chinese_numerals_is_read(text: str, ranks: list[float]) -> None:
    found = find_quantities(fold_in_place(text), text)
    assert [q.value for q in found if q.ordinal] == ranks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据IDC统计，长鑫存储在全球DRAM市场排名第四。", ("cxmt", "market_rank", 4)),
        ("阿里巴巴持股4.8%，为公司第三大股东。", ("alibaba", "shareholder_rank", 3)),
        # the holder after 股东是, not the company held
        ("OpenAI的第一大股东是微软。", ("microsoft", "shareholder_rank", 1)),
        ("软银持有英伟达股份，位列第二大股东。", ("softbank", "shareholder_rank", 2)),
        # a ranking of companies, no model's leaderboard
        ("在全球晶圆代工厂营收排行榜中，中芯国际排名第三。", ("smic", "market_rank", 3)),
    ],
)
def test_a_companys_rank_is_among_its_rivals_or_holders(
    store: chipfacts.Store, text: str, expected: tuple[str, str, int]
) -> None:
    """A rank of a company is no model's place on a leaderboard: an attribute to add."""
    assert expected in numbers(store, text)


def test_a_rank_on_a_leaderboard_stays_a_leaderboard_rank(store: chipfacts.Store) -> None:
    """Whatever the reader made of a new model's name, a place on a leaderboard is one."""
    found = numbers(store, "DeepSeek-R1在LMArena榜单上排名第四。")
    assert [(a, v) for _, a, v in found] == [("leaderboard_rank", 4)]


def test_a_rank_beside_a_share_cuts_no_list_of_shares(store: chipfacts.Store) -> None:
    """以约18%位居第二 says the rank the share gives; the shares listed after it go on."""
    text = "据IDC数据，阿里云的份额约为32%，火山引擎以约18%位居第二，百度智能云约为11%。"
    found = numbers(store, text)
    assert [v for _, _, v in found] == [32, 18, 11]


def test_a_launch_or_a_shipment_a_person_speaks_of_is_never_theirs(
    store: chipfacts.Store,
) -> None:
    """出货, 推出, 量产: a thing's events, no date of the one who speaks of them."""
    text = "耀光通讯董事长陈建宏表示，CPO产品预计明年第二季开始小量出货。"
    dated = [c for c in drafted(store, text) if c.attribute.type.value == "date"]
    assert "chen-jianhong" not in {c.entity_id for c in dated}


@pytest.mark.parametrize(
    "text",
    [
        "Dell'Oro Group表示，到2027年以太网方案的占比将从目前的约35%提升至一半左右。",
        "Bernstein分析师表示，该公司今年的资本开支约为220亿美元。",
    ],
)
def test_a_research_firm_owns_no_figure_it_gives(store: chipfacts.Store, text: str) -> None:
    """A research firm's shares and sums are of what it studies: left to the curator
    where the reader finds nothing else, never the firm's own (its statement stays)."""
    firms = {"dell-oro-group", "bernstein"}
    assert not firms & {e for e, _, _ in numbers(store, text)}
    assert firms & {c.entity_id for c in drafted(store, text, clauses_too=True)}


def test_the_company_is_never_the_research_firm_that_speaks_of_it(
    store: chipfacts.Store,
) -> None:
    """该公司 after a research firm's analyst: the company the text is about."""
    text = (
        "Meta今年加大了自研芯片投入。Bernstein分析师估计，该公司2027年资本开支有望达到700亿美元。"
    )
    assert numbers(store, text) == [("meta", "capex", 70_000_000_000)]


@pytest.mark.parametrize("noun", ["这家初创公司", "该芯片公司", "这家AI企业"])
def test_the_start_up_is_the_subject_before_not_its_customer(
    store: chipfacts.Store, noun: str
) -> None:
    text = f"微软向OpenAI出租算力。{noun}今年营收约为12亿美元。"
    assert numbers(store, text) == [("microsoft", "revenue", 1_200_000_000)]


def test_the_texts_own_subject_set_against_the_sentence_before_is_still_it(
    store: chipfacts.Store,
) -> None:
    """相比之下，Maia 200的功耗仅为500瓦: the text's own chip, set against the one before;
    该芯片 after it is the Maia 200."""
    text = (
        "英伟达H100的功耗为700瓦。相比之下，Maia 200的功耗仅为500瓦，比H100低约三成。"
        "该芯片采用3nm工艺。"
    )
    assert ("maia-200", "process_node", 3) in numbers(store, text)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("黄仁勋去年的薪酬总额约为4990万美元，较前年增长了46%。", "jensen-huang"),
        ("奥特曼个人向该核聚变初创公司投资了3.75亿美元。", "sam-altman"),
        # who speaks, then a pronoun: what is theirs
        ("奥特曼说，他个人投资了5亿美元。", "sam-altman"),
        ("Gartner第三季度营收为16.5亿美元，同比增长5%。", "gartner"),
        ("摩根士丹利持有该公司约6%的股份。", "morgan-stanley"),
    ],
)
def test_what_a_person_or_a_research_firm_has_of_its_own_stays_theirs(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    """Pay and its growth, money a person puts in, a firm's results and stakes: named as
    what the figure is of, not as who speaks of it."""
    assert {e for e, _, _ in numbers(store, text)} == {owner}


def test_the_figure_a_measure_changed_from_asks_for_its_date(store: chipfacts.Store) -> None:
    text = "分析师估算，阿里云GPU租赁业务的毛利率已从去年的约35%降至不足15%。"
    decided = {c.value: [d.field for d in c.decisions] for c in drafted(store, text)}
    assert "as_of" in decided[35] and "as_of" not in decided[15]


def test_a_quotation_then_who_said_it_is_the_speakers_statement(store: chipfacts.Store) -> None:
    text = (
        "火山引擎是字节跳动旗下的云服务商。“价格战不是我们想打的，但算力价格必须下降。”"
        "火山引擎总裁赵启明在本周的一场行业论坛上表示。"
    )
    found = [c for c in drafted(store, text, clauses_too=True) if c.attribute.id == "statement"]
    assert [(c.entity_id, c.status.value) for c in found] == [("zhao-qiming", "claimed")]
    assert found[0].quote.startswith("“价格战")


def test_milliwatts_are_not_megawatts() -> None:
    text = "该芯片功耗仅500mW，数据中心功率为80MW。"
    assert [q.value for q in find_quantities(fold_in_place(text), text)] == [0.5, 8e7]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("The site will draw about 350 megawatts of power.", "W", 3.5e8),
        ("It is building a 1.2-gigawatt campus in Texas.", "W", 1.2e9),
        ("The startup employs about 420 people.", "people", 420),
        ("It carries 14 terabytes per second of bandwidth.", "bytes/s", 1.4e13),
        ("The cluster stores 20 petabytes of data.", "bytes", 2e16),
        ("It unveiled a 204.8-terabit-per-second switch chip.", "bits/s", 2.048e14),
        ("It uses 224-gigabit SerDes lanes.", "bits/s", 2.24e11),
        ("占比较2024年提升近12个百分点。", "points", 12),
        ("The loan is priced at 4.5 percentage points over SOFR.", "points", 4.5),
        # other currencies by name, India's scales
        ("It will invest 21.5 trillion won in a new fab.", "KRW", 2.15e13),
        ("The system cost 180 billion yen.", "JPY", 1.8e11),
        ("The fund holds 20 billion euros.", "EUR", 2e10),
        ("It has a budget of 10,372 crore rupees.", "INR", 1.0372e11),
        ("The start-up raised 2 billion yuan.", "yuan", 2e9),
        ("Samsung won 3 contracts.", None, 3),  # a verb, no currency
        ("The $2 billion won't be enough.", "USD", 2e9),  # "won't", the sum in dollars
        ("The government approved Rs 1 lakh crore for chips.", "INR", 1e12),
        ("It will invest ₹4,500 crore more.", "INR", 4.5e10),
    ],
)
def test_prose_spells_out_its_units(text: str, unit: str | None, value: float) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.unit, found.value) == (unit, value)


def test_a_sum_converted_in_brackets_is_the_same_measure_in_dollars(
    store: chipfacts.Store,
) -> None:
    text = "SK hynix said it would invest 21.5 trillion won ($15.8 billion) in a new fab."
    ids = [c.attribute.id for c in drafted(store, text) if c.unit in ("KRW", "USD")]
    assert ids == ["invest_krw", "invest"]


def test_a_proposed_attribute_never_takes_a_store_attributes_id(store: chipfacts.Store) -> None:
    # 资本开支 in 美元 is the store's capex when its word is there; a new attribute
    # named like a store one is another id
    text = "甲骨文表示，今年资本开支中用于GPU的部分约为250亿美元。"
    ids = {c.attribute.id for c in drafted(store, text) if c.proposes_attribute}
    assert not ids & set(store.attributes)


@pytest.mark.parametrize("text", ["其它厂商的市占率约为20%。", "其后厂商的市占率约为20%。"])
def test_other_is_not_its(store: chipfacts.Store, text: str) -> None:
    found = drafted(store, "华为昇腾910C出货量很大。" + text)
    assert all(c.entity_id != "ascend-910c" or c.unit != "percent" for c in found)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("首批约1.8万块K2。", 18000, "gpus"),
        ("届时总规模将达到3万卡。", 30000, "gpus"),
        ("典型功耗约为120W。", 120, "W"),
        ("累计交付新车约38.6万辆。", 386000, "vehicles"),
        ("研发人员约1,200人。", 1200, "people"),
    ],
)
def test_counts_of_news_are_read_with_their_counters(text: str, value: float, unit: str) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.unit, found.value) == (unit, value)


def test_a_number_of_times_is_no_count_of_chips(store: chipfacts.Store) -> None:
    text = "初创公司峰睿科技发布了峰睿F3。F3的FP16稠密算力达到每秒800万亿次。"
    assert all(a != "cluster_gpus" for _, a, _ in numbers(store, text))


@pytest.mark.parametrize(
    "text", ["初创公司峰睿科技累计完成8轮融资。", "初创公司峰睿科技今年签下3笔订单。"]
)
def test_a_number_of_rounds_or_deals_is_no_sum_and_no_count_of_chips(
    store: chipfacts.Store, text: str
) -> None:
    assert [v for _, _, v in numbers(store, text) if v in (8, 3)] == []


def test_a_share_changed_from_and_to_is_the_nouns_before_从(store: chipfacts.Store) -> None:
    text = "AMD的市场份额有望从今年的约25%提升至2026年的35%至40%。"
    shares = {(a, v) for e, a, v in numbers(store, text) if e == "amd"}
    assert {("market_share", 25), ("market_share", 35)} <= shares


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a move, a close in the article's own currency, a move after the stock words
        ("日月光投控昨日股价上涨4.2%，收在新台币218元；台积电则小涨0.8%。",
         [("ase", "share_price_change", 4.2), ("ase", "share_price_twd", 218),
          ("tsmc", "share_price_change", 0.8)]),
        ("英伟达股价报152.4美元，年内累计上涨约68%，市值约为3.7万亿美元。",
         [("nvidia", "share_price", 152.4), ("nvidia", "share_price_change", 68),
          ("nvidia", "market_cap", 3.7e12)]),
        ("伯恩斯坦将英伟达目标股价从145美元上调至180美元。",
         [("nvidia", "target_price", 145), ("nvidia", "target_price", 180)]),
        # a fall below zero, the price it fell to
        ("Nvidia shares fell 3.1% to $118.40 in late trading, giving it a market value of "
         "$2.9 trillion.",
         [("nvidia", "share_price_change", -3.1), ("nvidia", "share_price", 118.4),
          ("nvidia", "market_cap", 2.9e12)]),
        ("AMD股价周二盘后下跌约4%。", [("amd", "share_price_change", -4)]),
        # how sure or how soon, before the link; a figure's comma in a target's change
        ("寒武纪上市后市值有望达到550亿元左右，市值一举突破900亿港元。",
         [("cambricon", "market_cap_yuan", 5.5e10), ("cambricon", "market_cap_hkd", 9e10)]),
        ("大摩将寒武纪目标价从1,888元调升至2,100元。",
         [("cambricon", "target_price_yuan", 1888), ("cambricon", "target_price_yuan", 2100)]),
    ],
)  # fmt: skip
def test_a_shares_price_its_move_and_the_market_value_are_the_companys_own_measures(
    store: chipfacts.Store, text: str, figures: list[tuple[str, str, float]]
) -> None:
    found = drafted(store, text)
    assert [(c.entity_id, c.attribute.id, c.value) for c in found] == figures
    assert all(c.proposes_attribute for c in found)


def test_a_sentence_with_a_stock_word_keeps_its_other_figures(store: chipfacts.Store) -> None:
    text = "受此影响，AMD股价上涨5%，AMD今年的资本支出约为50亿美元。"
    assert numbers(store, text) == [
        ("amd", "share_price_change", 5),
        ("amd", "capex", 5_000_000_000),
    ]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("英伟达称，H100瞄准的是大模型在线推理。", ("h100", "workload")),
        ("AMD表示，MI300X的交期已拉长至40周以上。", ("mi300x", "supply_risk")),
        ("微软自研芯片是为应对英伟达GPU的短缺。", ("maia100", "motive")),
        ("Meta表示，软件生态仍是短板。", ("meta", "concern")),
        ("微软与AMD签署了为期三年的协议。", ("microsoft", "partnership_terms")),
    ],
)  # fmt: skip
def test_the_words_news_prose_uses_for_a_claim(
    store: chipfacts.Store, text: str, claim: tuple[str, str]
) -> None:
    found = {(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)}
    assert claim in found


def test_a_noun_right_before_a_figure_names_it_over_a_word_further_back(
    store: chipfacts.Store,
) -> None:
    found = numbers(store, "AMD本轮融资后估值约为420亿美元，营收约为50亿美元，能效提升约60%。")
    assert [(a != "fundraising", v) for _, a, v in found][:1] == [(True, 42_000_000_000)]
    assert ("amd", "revenue", 5_000_000_000) in found


def test_what_equipment_costs_is_capital_spending_in_dollars_and_its_own_currency(
    store: chipfacts.Store,
) -> None:
    text = "三星今年的设备投资将超过34万亿韩元（约合235亿美元）。"
    assert ("samsung", "capex", 23_500_000_000) in numbers(store, text)
    won = [c.attribute for c in drafted(store, text) if c.value == 34e12]
    assert [(a.unit, a.id in store.attributes) for a in won] == [("KRW", False)]


def test_a_price_of_hardware_is_no_price_per_request(store: chipfacts.Store) -> None:
    found = numbers(store, "英伟达H100价格维持在每颗约3万美元的水平，每GB价格接近15美元。")
    assert [a for _, a, _ in found if a == "price_per_request"] == []
    assert ("openai", "price_per_request", 0.01) in numbers(store, "OpenAI每次请求收费约0.01美元。")


def test_an_estimators_figure_naming_nothing_else_is_of_what_the_text_is_on(
    store: chipfacts.Store,
) -> None:
    text = (
        "AMD今年的产能已经全部售罄。价格方面，市场研究机构集邦咨询（TrendForce）估计，"
        "新一代产品的单价较上一代高出50%至60%。"
    )
    found = [c for c in drafted(store, text) if c.unit == "percent"]
    assert [(c.entity_id, c.claimed_by and c.claimed_by.id) for c in found] == [
        ("amd", "trendforce")
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("英伟达营收在第三季达到351亿美元。", [("nvidia", 35_100_000_000)]),
        # a move with its own noun, after a sentence of stock words, is no share's move
        ("英伟达股价上涨2%。AMD的营收下跌了5%。", [("nvidia", 2), ("amd", 5)]),
    ],
)
def test_words_like_a_shares_keep_a_figure_of_its_own(
    store: chipfacts.Store, text: str, kept: list[tuple[str, float]]
) -> None:
    assert [(e, v) for e, _, v in numbers(store, text)] == kept


def test_a_price_per_request_keeps_its_words(store: chipfacts.Store) -> None:
    assert ("openai", "price_per_request", 0.01) in numbers(store, "OpenAI每次请求售价约0.01美元。")


def test_a_chinese_headlines_figure_the_story_gives_again_is_drafted_once(
    store: chipfacts.Store,
) -> None:
    text = "微软集群扩容至3.2万块GPU\n\n据悉，微软的集群GPU总数达到约3.2万块。"
    found = [c for c in drafted(store, text) if c.unit == "gpus"]
    assert [c.quote for c in found] == ["微软的集群GPU总数达到约3.2万块"]


def test_a_noun_for_who_does_a_thing_is_no_word_of_the_doing(store: chipfacts.Store) -> None:
    text = "AMD在本周举行的投资者说明会上表示，今年的产能已售罄。"
    assert [c.attribute.id for c in drafted(store, text) if c.attribute.id == "invested"] == []


def test_the_day_an_announcement_was_made_dates_the_news_after_it(store: chipfacts.Store) -> None:
    text = (
        "國家高速網路與計算中心（國網中心）今（23）日宣布，新一代AI超級電腦「台灣杉五號」正式上線。"
        "國網中心主任表示，台灣杉五號已滿載。"
    )
    source = Source("news", "news.md", "新聞", "Test", PartialDate(2026, 9, 23), "zh-Hant")
    dated = [c for c in draft_article(store, article_of(text, source)) if c.unit is None]
    assert [(c.entity_id, c.attribute.id, str(c.value)) for c in dated] == [
        ("taiwanshanwuhao", "deployment", "2026-09-23")
    ]


def test_a_data_centre_park_introduced_by_its_place_takes_its_figures(
    store: chipfacts.Store,
) -> None:
    text = "AMD宣布，將擴建位於德州韋科的資料中心園區，首期將部署約6萬顆GPU。"
    (gpus,) = [c for c in drafted(store, text) if c.value == 60000]
    assert (gpus.entity_id, gpus.attribute.id) == ("amd-new-cluster", "cluster_gpus")
    assert gpus.new_entity is not None
    assert gpus.new_entity.aliases == ("德州韋科資料中心園區",)


@pytest.mark.parametrize(
    ("text", "label", "unit"),
    [
        ("微软的集群共部署约1,400个机柜。", "机柜", "count"),  # a count of a thing
        ("微软的集群PUE约为1.15。", "PUE", "ratio"),  # a figure its acronym names
    ],
)
def test_a_number_with_no_unit_named_by_its_thing_or_acronym(
    store: chipfacts.Store, text: str, label: str, unit: str
) -> None:
    found = [c.attribute for c in drafted(store, text) if c.value in (1400, 1.15)]
    assert [(a.label, a.unit) for a in found] == [(label, unit)]


@pytest.mark.parametrize(
    "text", ["毛利率较上一季度提升2.3个百分点。", "Microsoft eyes 2026 launch with 3 chips."]
)
def test_a_share_point_or_an_english_word_names_no_unitless_figure(
    store: chipfacts.Store, text: str
) -> None:
    units = [c.attribute.unit for c in drafted(store, text)]
    assert [u for u in units if u in ("count", "ratio")] == []


def test_a_quotas_threshold_is_no_count_of_a_clusters_gpus(store: chipfacts.Store) -> None:
    text = "微软内部规定，申请超过512卡的任务必须经过副总裁审批。"
    assert [a for _, a, _ in numbers(store, text) if a == "cluster_gpus"] == []


def test_two_figures_of_one_attribute_for_the_same_time_ask_which_time(
    store: chipfacts.Store,
) -> None:
    text = "微软的集群目前有2万块GPU。微软表示，目标是将集群扩大到5万块GPU。"
    gpus = [c for c in drafted(store, text) if c.attribute.id == "cluster_gpus"]
    assert [c.value for c in gpus] == [20000, 50000]
    assert [d.field for d in gpus[0].decisions if "another candidate" in d.why] == []
    assert [d.field for d in gpus[1].decisions if "another candidate" in d.why] == ["as_of"]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("全球HBM市场规模今年将达到约580亿美元。", "hbm"),  # the memory's own market
        ("SK海力士在HBM市场的份额约为57%。", "sk-hynix"),
        ("美光表示，目标是2026年在HBM市场拿下约两成市占。", "micron"),  # 在…市场: an object
    ],
)
def test_hbm_is_named_and_its_market_is_no_ones_subject_but_its_own(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    assert [e for e, _, _ in numbers(store, text)] == [owner]


def test_what_the_company_says_through_据该公司介绍_is_its_claim(store: chipfacts.Store) -> None:
    text = "AMD发布了新芯片。据该公司介绍，MI300X采用台积电5nm工艺制造。"
    (node,) = [c for c in drafted(store, text) if c.attribute.id == "process_node"]
    assert (node.status.value, node.claimed_by and node.claimed_by.id) == ("claimed", "amd")


@pytest.mark.parametrize("text", ["AMD的性能提升2至4倍。", "AMD的训练性能提升20%至40%。"])
def test_a_gain_given_as_a_range_keeps_its_two_ends(store: chipfacts.Store, text: str) -> None:
    (gain,) = [c for c in drafted(store, text) if c.low is not None]
    assert (gain.bound.value, gain.value) == ("range", None)


def test_a_cluster_its_owner_calls_by_a_name_is_proposed(store: chipfacts.Store) -> None:
    text = "The chips sit in a cluster Meta calls Meridian. Meridian will house 24,576 GPUs."
    gpus = [c for c in drafted(store, text) if c.attribute.id == "cluster_gpus"]
    assert [c.entity_id for c in gpus] == ["meridian"]


def test_a_figure_measured_against_a_rival_with_words_between_is_not_the_rivals(
    store: chipfacts.Store,
) -> None:
    text = "AMD发布了MI300X。其每瓦性能比英伟达H100最高可提升40%。"
    assert [e for e, a, _ in numbers(store, text) if a == "performance_gain"] == ["mi300x"]


def test_a_figure_given_again_in_dollars_takes_the_nouns_attribute(
    store: chipfacts.Store,
) -> None:
    text = "AMD今年第三季度资本开支达到118亿元（约合16.6亿美元）。"
    assert ("amd", "capex", 1_660_000_000) in numbers(store, text)


def test_china_s_operators_are_names_of_the_industry(store: chipfacts.Store) -> None:
    text = "中国联通副总经理赵云峰表示，联通的智能算力已达到58EFLOPS。"
    assert "china-unicom" in {c.entity_id for c in drafted(store, text)}


def test_the_company_in_a_sentence_naming_nobody_is_the_last_company_before(
    store: chipfacts.Store,
) -> None:
    text = "AMD冲刺上市。国产GPU赛道的资本化进程也在提速。招股书显示，公司研发费用为9.47亿元。"
    found = [e for e, _, v in numbers(store, text) if v == 947_000_000]
    assert found == ["amd"]


def test_a_list_of_years_after_a_colon_is_of_the_measure_before_it(
    store: chipfacts.Store,
) -> None:
    text = (
        "招股书显示，AMD的营收在过去三年里快速攀升：2023年为3860万美元，"
        "2024年增至1.27亿美元，2025年则达到4.15亿美元。"
    )
    found = [(a, v) for _, a, v in numbers(store, text)]
    assert found == [("revenue", 38_600_000), ("revenue", 127_000_000), ("revenue", 415_000_000)]


def test_a_year_earlier_is_a_time_not_a_yearly_figure(store: chipfacts.Store) -> None:
    text = (
        "He estimated Nvidia's networking revenue could exceed $3 billion, "
        "up from about $1.4 billion a year earlier."
    )
    found = {c.value: c.attribute.id for c in drafted(store, text)}
    assert found[1.4e9] == "revenue"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Maia 100很快。微软表示，需求强劲，其中OpenAI仍是最大客户。", "microsoft"),
        ("微软是AI巨头。OpenAI是其最大客户。", "microsoft"),
        ("OpenAI是微软的最大客户。", "microsoft"),
    ],
)
def test_whose_customer_其_and_a_predicate_say(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    found = {(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)}
    assert (owner, "customers") in found


def test_an_analysts_figure_of_a_company_they_name_is_that_companys(
    store: chipfacts.Store,
) -> None:
    text = (
        "IC设计厂澜启信息（6829）公布营收，澜启信息表示订单饱满。"
        "瑞银证券分析师黄冠文在最新报告中将澜启信息今年资本支出预估上修至约30亿美元。"
    )
    found = {c.value: c.entity_id for c in drafted(store, text)}
    assert found[3e9] == "lanqi-information"


def test_packagings_capacity_is_its_own(store: chipfacts.Store) -> None:
    text = "台积电CoWoS月产能将从去年底的约8万片，一路拉升至今年底的13万片。"
    found = {c.value: c.entity_id for c in drafted(store, text) if c.unit is not None}
    assert found[130000] == "cowos"


def test_what_is_shipped_is_what_the_count_is_of_and_a_line_may_follow_a_verb(
    store: chipfacts.Store,
) -> None:
    text = (
        "初创公司蓝驰汽车发布曜石M1芯片。蓝驰汽车计划今年内交付约30万颗曜石M1。"
        "与上一代F2相比，上一代F2更慢。"
    )
    ids = {c.entity_id for c in drafted(store, text)}
    assert "yaoshi-m1" in ids and not [i for i in ids if i.startswith("yidai")]
    outputs = [c.entity_id for c in drafted(store, text) if c.value == 300000]
    assert outputs == ["yaoshi-m1"]


def test_using_a_packaging_named_as_one_is_a_packaging_claim(store: chipfacts.Store) -> None:
    text = "其H100和H200都由台积电代工，并采用CoWoS封装。"
    found = {(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)}
    assert ("h100", "packaging") in found and ("h100", "used_by") not in found


@pytest.mark.parametrize(
    "text",
    [
        "美国禁止出口H20，出口H20需要许可证。",  # a verb, no line
        "英伟达推出中国特供版H20，特供版H20的算力为148TFLOPS。",  # an edition, no line
        "约100万颗H20已交付，另有约20万颗H20在途。",  # a counter, no line
        "前日本首相视察的台积电熊本工厂已投产。今日资本投资的公司上市。",  # no days
        "Dell plans to ship 20,000 MI300X-based servers.",  # servers, not AMD's chips
        "英伟达股价上涨5%，费城半导体指数达到5000，市盈率倍数超过50。",  # no counts
    ],
)
def test_no_line_date_output_or_count_from_words_that_are_none(
    store: chipfacts.Store, text: str
) -> None:
    found = drafted(store, text)
    # H20 and Dell are new to the store; nothing else is proposed
    assert {c.new_entity.id for c in found if c.new_entity is not None} <= {"h20", "dell"}
    assert not [c for c in found if c.attribute.id in ("production_start", "invested")]
    assert not [c for c in found if c.entity_id == "mi300x"]
    assert not [c for c in found if c.value in (5000, 50)]


@pytest.mark.parametrize(
    "text",
    [
        "该芯片的计算能力提升了一倍，计算能力达到100PFLOPS。",  # 算能 inside 计算能力
        "新的增长点出现在地平线上，市场规模达到500亿元。",  # the horizon
        "公司在微信公众号发布公告称，营收达100亿元。",  # a channel
        "公司营收同比增长-2%，净利润同比增长-2%。",  # a minus sign
        "步骤-1很简单，步骤-1之后是部署。",  # a step
        "We have a data center in China, and a facility in Japan.",  # countries
    ],
)
def test_no_name_from_a_word_a_sign_or_a_country(store: chipfacts.Store, text: str) -> None:
    assert not [c.new_entity for c in drafted(store, text) if c.new_entity is not None]


def test_a_model_after_a_verb_a_day_as_of_today_and_a_sum_named_plainly(
    store: chipfacts.Store,
) -> None:
    found = drafted(store, "字节跳动发布基础模型衡元-3。衡元-3已上线，截至今日衡元-3已部署3000套。")
    assert "hengyuan-3" in {c.new_entity.id for c in found if c.new_entity is not None}
    assert "2025-11-05" in {str(c.value) for c in found if c.unit is None}
    money = drafted(store, "Oracle spent $10 billion on the deal with OpenAI.")
    assert "on_the_deal" not in {c.attribute.id for c in money}


def test_an_operating_margin_and_earnings_per_share_are_the_companys(
    store: chipfacts.Store,
) -> None:
    text = (
        "IC設計廠鈺晶科技（6982）的Harrier晶片已量產。"
        "Harrier首季營益率14.2%，每股純益（EPS）9.35元。"
    )
    found = {c.value: c.entity_id for c in drafted(store, text) if c.unit is not None}
    assert found[14.2] == found[9.35] == "yujing-technology"


@pytest.mark.parametrize(
    "text",
    [
        "峰睿科技发布峰睿F3芯片，峰睿F3的训练steps达到12000。",
        "峰睿科技发布峰睿F3芯片，峰睿F3的每股功耗为30瓦。",
    ],
)
def test_a_word_holding_eps_or_每股_is_no_company_figure(store: chipfacts.Store, text: str) -> None:
    found = {c.value: c.entity_id for c in drafted(store, text) if c.unit is not None}
    assert "fengrui-technology" not in set(found.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三星和美光分别约占26%和17%。", {("samsung", 26), ("micron", 17)}),
        (
            "新华三、浪潮信息和中兴通讯最终入围，份额分别为45%、35%和20%。",
            {("h3c", 45), ("inspur", 35), ("zte", 20)},
        ),
        (
            "AMD and Intel have market shares of 8% and 5%, respectively.",
            {("amd", 8), ("intel", 5)},
        ),
        # a list after a preposition is where the figures were measured, not whose
        ("H200在Llama2和ChatGPT上的训练速度分别能提升40%和60%。", {("h200", 40), ("h200", 60)}),
    ],
)
def test_a_list_of_names_and_a_list_of_figures_pair_in_order(
    store: chipfacts.Store, text: str, expected: set[tuple[str, int]]
) -> None:
    found = drafted(store, text)
    pairs = {(c.entity_id or (c.new_entity.id if c.new_entity else ""), c.value) for c in found}
    assert pairs == expected


def test_a_bound_before_a_list_of_figures_is_each_ones(store: chipfacts.Store) -> None:
    found = drafted(store, "三星和美光分别约占26%和17%。")
    assert [(c.entity_id, c.bound) for c in found] == [
        ("samsung", Bound.ABOUT),
        ("micron", Bound.ABOUT),
    ]


def test_lists_of_different_lengths_pair_nothing(store: chipfacts.Store) -> None:
    found = drafted(store, "三星、美光和SK海力士分别约占26%和17%。")
    assert {c.entity_id for c in found} == {"samsung"}


def test_a_list_of_shares_goes_on_past_a_semicolon(store: chipfacts.Store) -> None:
    text = "鸿海明年的市占率预估约45%，稳居第一；广达约30%；纬创约20%。"
    assert [(e, v) for e, a, v in numbers(store, text) if a == "market_share"] == [
        ("foxconn", 45), ("quanta", 30), ("wistron", 20)
    ]  # fmt: skip
    # (the rank in a clause of its own is a figure too, and no measure the list goes on with)
    assert {a for _, a, _ in numbers(store, text)} == {"market_share", "market_rank"}


def test_a_gloss_after_a_name_keeps_the_list_going(store: chipfacts.Store) -> None:
    text = "SK海力士以约57%市占率居冠，美光约21%，三星（Samsung）约22%。"
    assert numbers(store, text) == [
        ("sk-hynix", "market_share", 57),
        ("micron", "market_share", 21),
        ("samsung", "market_share", 22),
    ]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("SK海力士表示，今年的HBM产能已经全部售罄。", ("hbm", "availability")),
        ("AMD发布MI300X。该芯片已于今年3月通过微软的认证。", ("mi300x", "development_status")),
        ("Maia 100将搭载于微软的Azure服务器。", ("maia100", "used_by")),
        ("谷歌的TPU位于俄克拉荷马州的数据中心。", ("tpu", "hosted_in")),
        ("英特尔则押注18A制程。", ("intel", "strategy")),
        ("在2纳米世代，台积电几乎没有对手。", ("tsmc", "market_position")),
        ("AMD正在评估引入日月光等封测厂作为第二供应商。", ("amd", "plan")),
        ("Meta前几代MTIA主要由博通协助设计。", ("meta", "suppliers")),
        ("SK海力士和美光分列二、三位。", ("micron", "market_position")),
        ("Maia 100将原生支持PyTorch框架。", ("maia100", "feature")),
        ("微软的研发人员主要分布在雷德蒙德和北京。", ("microsoft", "rd_sites")),
        ("英伟达在以色列设有研发据点。", ("nvidia", "rd_sites")),
        ("AMD发布MI300X。该芯片将首次支持训练任务。", ("mi300x", "workload")),
        ("Nvidia's Blackwell systems are sold out until May.", ("blackwell", "availability")),
    ],
)
def test_the_words_news_uses_for_a_claim_read_it(
    store: chipfacts.Store, text: str, claim: tuple[str, str]
) -> None:
    found = {(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)}
    assert claim in found


@pytest.mark.parametrize(
    "text",
    [
        "该平台达到了95%的利用率。",  # 台达
        "位于北京东部的亦庄园区，营收同比增长30%。",  # 京东
        "中美团队合作后，良率提升至70%。",  # 美团
        "通讯飞速发展，带动光模块出货量增长50%。",  # 讯飞
        "受此影响，相应材料成本上涨了15%。",  # 应材
        "这家东南亚科技公司今年营收增长25%。",  # 南亚科
        "该方案采用千兆芯片，功耗降低了25%。",  # 兆芯
        "企业需提高意识，研发投入增长15%。",  # 高意
        "据国际清算银行（BIS）统计，跨境贷款增长5%。",  # BIS
        "新兴企业在AI浪潮中兴起，营收增长50%。",  # 中兴
        "服务便捷普及后，用户数增长30%。",  # 捷普
        "21世纪互联网行业营收增长20%。",  # 世纪互联
    ],
)
def test_no_name_of_the_industry_is_read_across_two_words(
    store: chipfacts.Store, text: str
) -> None:
    assert not [c.new_entity for c in drafted(store, text) if c.new_entity is not None]


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # 分别 in another clause, or names between it and the figures: no pairing
        ("英伟达和AMD分别发布新品，台积电与三星良率为90%和80%。", {"tsmc"}),
        ("英伟达和AMD分别推出新品，售价为3万美元和2万美元。", {"nvidia"}),
        # a gloss, and a name after the list, leave the list whole
        ("三星（Samsung）和SK海力士（SK hynix）分别约占26%和17%。", {"samsung", "sk-hynix"}),
        ("三星和SK海力士的HBM产能分别增长了50%和30%。", {"samsung", "sk-hynix"}),
        # a word ending in 在 or 于 is no preposition before the list
        ("现在三星和美光分别约占26%和17%。", {"samsung", "micron"}),
    ],
)
def test_a_list_pairs_only_with_the_figures_of_its_own_clause(
    store: chipfacts.Store, text: str, owners: set[str]
) -> None:
    assert {c.entity_id for c in drafted(store, text) if c.unit is not None} == owners


def test_a_rate_its_own_noun_names_is_no_share_for_the_rank_after_it(
    store: chipfacts.Store,
) -> None:
    ((_, attribute, value),) = numbers(store, "华为的国产化率达到90%位居行业前列。")
    assert (attribute, value) != ("market_share", 90) and value == 90


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("出货量并未翻倍。", None),
        ("短期内很难再翻倍。", None),
        ("营收增长了一倍半。", 150),
        ("营收翻了一倍。", 2),
        ("营收同比增长1倍。", 100),
        ("市场规模有望在未来翻倍。", 2),  # 未 of 未来 ("future") denies nothing
        ("营收不仅翻倍，利润也大增。", 2),
    ],
)
def test_a_doubling_denied_is_none_and_a_half_more_is_counted(
    store: chipfacts.Store, text: str, value: int | None
) -> None:
    assert [v for *_, v in numbers(store, "英伟达" + text)] == ([value] if value else [])


@pytest.mark.parametrize("text", ["英伟达在训练芯片领域并非没有对手。", "英伟达的芯片并没有售罄。"])
def test_a_claim_denied_is_none(store: chipfacts.Store, text: str) -> None:
    assert not drafted(store, text, clauses_too=True)


def test_company_law_is_no_company(store: chipfacts.Store) -> None:
    found = drafted(store, "英伟达公布财报。公司法规定，上市公司应披露合作条款。", clauses_too=True)
    assert not [c for c in found if c.quote.startswith("公司法")]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("黄仁勋曾在AMD工作多年，1993年创办了英伟达。该公司目前员工约3万人。", "nvidia"),
        ("苏姿丰曾在IBM工作多年，2014年出任AMD首席执行官。该公司目前员工约2.6万人。", "amd"),
        ("林若川曾在英伟达旗下的Mellanox任职近十年，后来创办了AMD。该公司目前员工约450人。", "amd"),
    ],
)
def test_where_someone_worked_is_not_the_company_referred_to_after(
    store: chipfacts.Store, text: str, company: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value in (30000, 26000, 450)]
    assert found.entity_id == company


def test_taiwans_glossed_name_of_amd_is_amd_and_supermicros_is_its_own(
    store: chipfacts.Store,
) -> None:
    # 超微 alone is also the mainland's Supermicro, and inside 超微型: only its gloss says
    text = "據悉，超微（AMD）今年AI晶片營收約為70億美元。美超微的伺服器營收達到50億美元。"
    found = {c.value: c.entity_id or c.new_entity and c.new_entity.id for c in drafted(store, text)}
    assert found == {7e9: "amd", 5e9: "supermicro"}


@pytest.mark.parametrize(
    ("text", "analyst"),
    [
        ("英伟达发布了新GPU。集邦咨询预测，明年全球AI芯片市场规模将达4500亿美元。", "trendforce"),
        ("英伟达发布了新GPU。Dell'Oro Group的数据显示，以太网份额已升至62%。", "dell-oro-group"),
        # data tracked by a firm the store lacks: its figures are of what it tracks
        (
            "研究机构Semi Ledger本周发布的数据显示，新兴云厂商的债务融资已超过310亿美元。"
            "Semi Ledger追踪的数据显示，英伟达H100的按需租赁中位价已从2023年的每小时约8美元，"
            "降至本月的1.85美元。",
            "semi-ledger",
        ),
        (
            "Nvidia unveiled a new GPU. TrendForce forecast that the chip's share would be 9%.",
            "trendforce",
        ),
    ],
)
def test_an_analysts_forecast_or_data_is_not_the_analysts_own_figure(
    store: chipfacts.Store, text: str, analyst: str
) -> None:
    found = [c for c in drafted(store, text) if c.unit is not None]
    assert found
    assert analyst not in [c.entity_id for c in found]


def test_a_companys_forecast_is_still_its_own(store: chipfacts.Store) -> None:
    text = "英伟达预计第四季度营收将达到375亿美元。"
    assert [c.entity_id for c in drafted(store, text) if c.unit == "USD"] == ["nvidia"]


@pytest.mark.parametrize(
    ("text", "owner", "attribute"),
    [
        ("英伟达主要客户包括微软、Meta与甲骨文。", "nvidia", "customers"),
        ("台积电前五大客户包括苹果与英伟达。", "tsmc", "customers"),
        ("博通目前为谷歌、Meta和字节跳动等客户设计定制AI芯片。", "broadcom", "customers"),
        ("博通憑藉替Google、Meta等客戶設計的客製化ASIC拿下訂單。", "broadcom", "customers"),
        ("英伟达主要竞争对手包括AMD与英特尔。", "nvidia", "competitors"),
    ],
)
def test_a_relation_ranked_or_listed_before_its_noun_is_its_owners(
    store: chipfacts.Store, text: str, owner: str, attribute: str
) -> None:
    found = [(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)]
    assert (owner, attribute) in found


@pytest.mark.parametrize("text", ["台积电对良率传闻不予评论。", "台積電對此拒絕評論。"])
def test_refusing_to_comment_is_a_statement(store: chipfacts.Store, text: str) -> None:
    found = [(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)]
    assert found == [("tsmc", "statement")]


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("字节跳动的各业务线每季度只能获得固定额度的算力。", "gpu_quota"),
        ("字节跳动部分团队申请新增算力需要等待两到三周。", "quota_wait"),
        ("Meta此举旨在降低对英伟达的依赖。", "motive"),
    ],
)
def test_news_words_for_quotas_waits_and_motives(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    found = [c.attribute.id for c in drafted(store, text, clauses_too=True)]
    assert found == [attribute]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("微软的Maia 200芯片采用台积电3nm工艺。", "Maia 200"),  # the store's Maia 100, alias Maia
        ("Meta的MTIA T2芯片采用台积电2nm工艺。", "MTIA T2"),  # a letter and digits after a line
    ],
)
def test_another_model_of_a_stores_line_is_named_as_written(
    store: chipfacts.Store, text: str, name: str
) -> None:
    found = {c.new_entity.name for c in drafted(store, text) if c.new_entity is not None}
    assert found == {name}


def test_the_chip_after_a_network_card_named_is_the_card(store: chipfacts.Store) -> None:
    text = (
        "星衡科技周三发布了第二代AI网卡“银河-2”。星衡科技表示，银河-2采用台积电5nm工艺制造。"
        "该芯片将于明年第二季度开始量产。"
    )
    found = {c.attribute.id: c.new_entity.name for c in drafted(store, text) if c.new_entity}
    assert found["mass_production_start"] == found["process_node"]


def test_a_clause_naming_only_a_market_is_about_the_market(store: chipfacts.Store) -> None:
    text = "英伟达发布了新GPU。凱睿諮詢指出，今年全球AI加速晶片市場規模約2,150億美元，年增65%。"
    found = [(c.new_entity.name, c.new_entity.kind) for c in drafted(store, text) if c.new_entity]
    assert found == [("全球AI加速晶片市場", "product")] * 2


def test_a_market_of_a_thing_the_store_has_is_the_things(store: chipfacts.Store) -> None:
    text = "全球HBM市场规模今年将达到约580亿美元，同比增长约65%。"
    assert {c.entity_id for c in drafted(store, text)} == {"hbm"}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Satya Nadella, Microsoft's chief executive, said on Tuesday that it would spend more.",
            "Satya Nadella, Microsoft's chief executive",
        ),
        (
            "Lena Okafor, an analyst at TD Cowen, said power is now the bottleneck.",
            "Lena Okafor, an analyst at TD Cowen",
        ),
    ],
)
def test_a_title_in_an_appositive_after_the_name_is_a_role(
    store: chipfacts.Store, text: str, quote: str
) -> None:
    roles = [c.quote for c in drafted(store, text) if c.attribute.id == "role"]
    assert roles == [quote]


def test_an_english_name_before_a_verb_and_a_chip_noun_is_no_chip(store: chipfacts.Store) -> None:
    text = (
        "Helix Labs rations GPUs as its cluster slips\n\n"
        "Helix Labs, a start-up that builds AI models, said it raised $1.2 billion in August."
    )
    found = {(c.new_entity.name, c.new_entity.kind) for c in drafted(store, text) if c.new_entity}
    assert found == {("Helix Labs", "company")}


def test_a_site_given_a_code_name_is_named_by_it(store: chipfacts.Store) -> None:
    text = (
        'Meta is building a new data center campus in Texas, codenamed "Larkspur," near Amarillo.'
        " The campus is designed to hold about 400,000 Nvidia Blackwell GPUs."
    )
    found = {(c.new_entity.name, c.new_entity.kind) for c in drafted(store, text) if c.new_entity}
    assert found == {("Larkspur", "cluster")}


def test_a_claim_word_in_the_subjects_own_name_marks_no_claim(store: chipfacts.Store) -> None:
    # HBM is a word of memory; HBM4's own name says nothing of its memory
    text = "SK海力士的HBM4采用台积电12奈米製程。HBM4的良率目前已达到约70%。"
    found = [(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)]
    assert ("sk-hynix-hbm4", "yield") in found
    assert ("sk-hynix-hbm4", "memory") not in found


@pytest.mark.parametrize("text", ["台積電16日召開法說會。", "英伟达召开说明会。"])
def test_a_meeting_named_with_say_is_no_statement(store: chipfacts.Store, text: str) -> None:
    assert [c.attribute.id for c in drafted(store, text, clauses_too=True)] == []


def test_an_event_of_a_thing_referred_to_after_its_verb_is_the_things(
    store: chipfacts.Store,
) -> None:
    text = "Meta正在与博通合作开发其首款自研芯片MTIA T2。Meta计划于2026年9月开始量产该芯片。"
    found = [
        (c.entity_id, str(c.value)) for c in drafted(store, text) if c.unit is None and c.value
    ]
    assert found == [("mtia-t2", "2026-09")]


def test_said_then_next_year_is_a_statement(store: chipfacts.Store) -> None:
    text = "英伟达说明年表现会很好。"
    assert [c.attribute.id for c in drafted(store, text, clauses_too=True)] == ["statement"]


def test_an_event_of_a_thing_referred_to_after_le_is_the_things(store: chipfacts.Store) -> None:
    text = "Meta正在与博通合作开发其首款自研芯片MTIA T2。Meta已于9月量产了该芯片。"
    found = [c.entity_id for c in drafted(store, text) if c.attribute.id.startswith("mass_prod")]
    assert found == ["mtia-t2"]


@pytest.mark.parametrize("noun", ["company", "firm", "startup"])
def test_the_company_in_english_is_the_one_the_story_names_most(
    store: chipfacts.Store, noun: str
) -> None:
    text = (
        "Helix Labs, a start-up that builds AI models, rents GPUs. Helix signed a four-year "
        "contract with CoreWeave in May. It is also testing about 1,000 AMD MI300X "
        "accelerators, which one engineer called an insurance policy, not a divorce from "
        f"Nvidia. The {noun} expects to spend more than $600 million on compute this year."
    )
    found = [
        c.entity_id or c.new_entity and c.new_entity.id
        for c in drafted(store, text)
        if c.unit == "USD"
    ]
    assert found == ["helix-labs"]


def test_a_share_of_capacity_goes_on_down_its_list_and_is_no_market_share(
    store: chipfacts.Store,
) -> None:
    text = "法人估算，輝達包下了台積電明年CoWoS產能的約六成，超微（AMD）約占一成，博通約占15%。"
    found = numbers(store, text)
    assert [(e, v) for e, _, v in found] == [("nvidia", 60), ("amd", 10), ("broadcom", 15)]
    assert len({a for _, a, _ in found}) == 1
    assert "market_share" not in {a for _, a, _ in found}


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("字节今年的GPU配额约为10万张，其中训练任务约占60%。", False),  # of a quota
        ("在HBM市场，三星约占26%。", True),
        ("三星约占全球HBM市场的26%。", True),
        ("SK海力士的份额最高，三星约占26%。", True),
    ],
)
def test_accounts_for_is_a_market_share_only_where_a_market_is_named(
    store: chipfacts.Store, text: str, market: bool
) -> None:
    assert any(a == "market_share" for _, a, _ in numbers(store, text)) is market


@pytest.mark.parametrize(
    "text",
    [
        "英伟达在AI加速器市场的份额约为70%，远高于排名第二的超微（AMD）的约15%。",
        "在AI加速器市场，英伟达占据约70%，其后是超微（AMD）的约15%。",
    ],
)
def test_the_next_of_a_list_of_shares_or_the_one_compared_with_has_the_same_measure(
    store: chipfacts.Store, text: str
) -> None:
    assert numbers(store, text) == [("nvidia", "market_share", 70), ("amd", "market_share", 15)]


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("英伟达的市销率接近25倍。", False),
        ("英伟达今年的营收约为去年的3倍。", False),
        ("英伟达推理芯片出货量约为去年的3倍。", False),  # inference is a workload, no speed
        ("Maia 100的推理性能约为H100的2倍。", True),
        ("Maia 100的FP4算力达50 PFLOPS，约为H100的3.3倍。", True),
    ],
)
def test_a_multiple_with_no_word_is_a_speed_up_only_beside_a_word_of_speed(
    store: chipfacts.Store, text: str, speed: bool
) -> None:
    assert any(a == "speedup_factor" for _, a, _ in numbers(store, text)) is speed


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("台積電CoWoS產能明年將達每月9萬片，超微（AMD）所獲份額約為11%。", False),
        ("台积电产能满载，英伟达在AI芯片市场的份额约为80%。", True),
        # a field is a market; a share not said to be allotted is no share of capacity
        ("尽管CoWoS产能紧张，AMD在AI加速器领域的份额仍升至约11%。", True),
    ],
)
def test_a_share_in_a_sentence_on_capacity_is_no_market_share(
    store: chipfacts.Store, text: str, market: bool
) -> None:
    shares = [a for _, a, v in numbers(store, text) if v in (11, 80)]
    assert len(shares) == 1 and (shares[0] == "market_share") is market


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("微软数据中心的PUE约为1.15。", 1.15, Bound.ABOUT),
        ("微软数据中心的电能使用效率（PUE）不得高于1.3。", 1.3, Bound.AT_MOST),
        ("微软数据中心的设计PUE（电源使用效率）不高于1.15。", 1.15, Bound.AT_MOST),
    ],
)
def test_a_figure_an_acronym_names_past_its_gloss(
    store: chipfacts.Store, text: str, value: float, bound: Bound
) -> None:
    (found,) = drafted(store, text)
    assert (found.attribute.id, found.value, found.bound) == ("pue", value, bound)


@pytest.mark.parametrize(
    ("text", "rival"),
    [
        ("英伟达的毛利率约为75%，远高于AMD的约50%。", ("amd", 50)),
        ("台积电的份额约为70%，远高于排名第二的三星的约10%。", ("samsung", 10)),
        ("AMD的份额约为12%，远低于英伟达的约70%。", ("nvidia", 70)),  # its word before
    ],
)
def test_the_figure_of_the_one_compared_with_is_its_own_in_the_same_measure(
    store: chipfacts.Store, text: str, rival: tuple[str, int]
) -> None:
    first, second = numbers(store, text)
    assert (second[0], second[2]) == rival and second[1] == first[1]


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("台积电今年资本支出约400亿。", "capex"),  # a sum with its currency left out
        ("英伟达的市占率达到80。", "market_share"),
    ],
)
def test_a_sum_or_a_share_with_its_unit_left_out_is_still_read(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    assert [a for _, a, _ in numbers(store, text)] == [attribute]


def test_taiwans_word_for_transistors_counted_with_ke_is_a_transistor_count(
    store: chipfacts.Store,
) -> None:
    assert numbers(store, "Maia 100的電晶體數量約1050億顆。") == [
        ("maia100", "transistor_count", 105000000000)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "在中国AI芯片市场，华为份额约30%，其中英伟达份额约70%。",
        # a share of what is shipped: of the market by units
        "分析师估计，今年AI服务器的总出货量约为2.8万台，其中英伟达的份额约为70%。",
    ],
)
def test_a_share_its_word_names_after_of_which_is_a_market_share(
    store: chipfacts.Store, text: str
) -> None:
    assert ("nvidia", "market_share", 70) in numbers(store, text)


def test_a_companys_year_after_its_name_is_no_model_of_it(store: chipfacts.Store) -> None:
    found = drafted(store, "分析师预计，Meta 2026年的资本开支可能超过1200亿美元。")
    assert [(c.entity_id, c.new_entity) for c in found] == [("meta", None)]


def test_the_day_a_company_announced_is_no_date_of_an_event_before_it(
    store: chipfacts.Store,
) -> None:
    announced = drafted(store, "成立不到两年的寒武纪13日宣布完成新一轮融资。")
    assert [c.attribute.id for c in announced if c.attribute.id == "founded"] == []
    founded = drafted(store, "成立于2018年的寒武纪13日宣布完成新一轮融资。")
    assert [str(c.value) for c in founded if c.attribute.id == "founded"] == ["2018"]


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("深流科技的T20芯片已获字节跳动订单，首批订单约为8000片。", "gpu_order"),
        ("中国移动此前采购了1.2万片上一代T10芯片。", "gpu_order"),
        ("谷歌TPU芯片去年出货超200万片。", "shipments"),
    ],
)
def test_chips_counted_by_the_piece_are_chips_not_wafers(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    assert [(a, c.unit) for c in drafted(store, text) if (a := c.attribute.id) == attribute] == [
        (attribute, "gpus")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "台积电CoWoS月产能约为7万片。",
        "小米已向台积电预订了约1.2万片3nm晶圆。",
        "该厂每月约需4000片。",
    ],
)
def test_wafers_stay_wafers(store: chipfacts.Store, text: str) -> None:
    assert all(c.unit != "gpus" for c in drafted(store, text))


def test_chips_by_the_piece_after_a_sentence_naming_the_chip(store: chipfacts.Store) -> None:
    text = (
        "深流智算透露，字节跳动已完成对MI300X的小批量采购。"
        "知情人士称，字节跳动的首批订单约为8000片。"
    )
    assert [c.attribute.id for c in drafted(store, text) if c.value == 8000] == ["gpu_order"]


def test_a_line_of_business_in_a_sentence_naming_no_one_is_the_storys_company(
    store: chipfacts.Store,
) -> None:
    text = (
        "AMD公布第三季度财报，营收创新高。AMD表示AI需求强劲。"
        "这部分业务主要来自该公司收购的光通信芯片公司Inphi。其他业务则表现平平。"
        "企业网络业务营收为1.77亿美元，同比下降约11%。"
    )
    found = {c.entity_id for c in drafted(store, text) if c.value in (177_000_000, 11)}
    assert found == {"amd"}


@pytest.mark.parametrize(
    "text",
    [
        "阿莱西亚研究（Aletheia Research）周二发布的报告显示，今年第二季度，"
        "英伟达在全球AI加速器市场的营收份额约为82%，较去年同期的86%下降约4个百分点。",
        "集邦咨询指出，台积电毛利率约为59%，高于上一季度的约55%。",
        "据分析师估计，AMD今年营收约为300亿美元，比去年的约250亿美元增长两成。",
    ],
)
def test_a_figure_it_is_compared_with_in_time_is_the_same_ones_same_measure(
    store: chipfacts.Store, text: str
) -> None:
    found = [(c.entity_id, c.attribute.id) for c in drafted(store, text) if c.unit != "x"]
    figures = [f for f in found if f[1] not in ("performance_gain",)][:2]
    assert len(figures) == 2 and figures[0] == figures[1], found


def test_a_later_clause_opening_with_its_own_subject_hands_it_on(store: chipfacts.Store) -> None:
    text = "AMD以约5%的份额排名第三，其Instinct MI355X于今年6月正式发布，二季度出货约8万块。"
    found = [c for c in drafted(store, text) if c.value == 80000]
    assert [c.entity_id for c in found] == ["mi355x"]


def test_an_attribute_words_name_opens_no_clause(store: chipfacts.Store) -> None:
    text = "以最近发布的H200为例，GPU核心和H100相同，但CUDA核数达到16896个，加速频率1.83GHz。"
    assert {c.entity_id for c in drafted(store, text) if c.unit is not None} == {"h200"}


def test_a_sites_code_name_and_its_investment(store: chipfacts.Store) -> None:
    text = (
        "Anthropic正與亞馬遜合作在美國賓州興建一座新資料中心，內部代號「Keystone」，"
        "總投資約150億美元。"
    )
    (found,) = [c for c in drafted(store, text) if c.value == 15_000_000_000]
    assert found.new_entity is not None
    assert (found.new_entity.name, found.new_entity.kind) == ("Keystone", "cluster")


def test_a_long_capitalised_name_starting_with_ai_is_a_name(store: chipfacts.Store) -> None:
    text = "印度此前最强的AI超算AIRAWAT仅配备数百块英伟达A100。AIRAWAT于2023年投入使用。"
    named = {c.new_entity.name for c in drafted(store, text) if c.new_entity}
    assert named == {"AIRAWAT"}


def test_a_bare_count_is_never_a_multiple(store: chipfacts.Store) -> None:
    text = "英伟达表示，明年月產能將由目前約60萬隻提升至150萬隻。"
    assert [c for c in drafted(store, text) if c.unit == "x"] == []


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # its, after who says it: the speaker's thing, not what it is measured against
        ("亚马逊发布了Trainium3。亞馬遜宣稱，其運算效能最高可達Trainium2的4倍。", 4, "trainium3"),
        # …and in the clause after it, still not the one measured against
        ("亚马逊发布了Trainium3。亞馬遜稱其效能達Trainium2的4倍，能效提升約40%。", 40, "trainium3"),
        # its, after who says it: the speaker's own figure
        ("微软推出了新服务。英偉達此前表示，其網絡業務的年化營收已超過100億美元。", 1e10, "nvidia"),
        # a rival's own figure in the same measure
        (
            "分析师估计，维拉瑞斯的份额约为3%，远低于英伟达的超过80%。维拉瑞斯成立于2019年。",
            80,
            "nvidia",
        ),
    ],
)
def test_its_after_a_speaker_and_the_one_measured_against(
    store: chipfacts.Store, text: str, value: float, entity: str
) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.value == value] == [entity]


@pytest.mark.parametrize(
    "later",
    [
        "明年有望突破100万颗",
        "明年可能倍增至100万颗",
        "明年有望进一步扩大至100万颗",
        # Taiwan's "looks up to", "may reach"
        "明年上看100万颗",
        "明年可望挑战100万颗",
    ],
)
def test_a_later_figure_with_no_noun_goes_on_with_the_measure_before(
    store: chipfacts.Store, later: str
) -> None:
    text = f"分析师估计，华为今年昇腾系列芯片出货量将在65万至75万颗之间，{later}。"
    found = {c.value if c.low is None else c.low: c.attribute.id for c in drafted(store, text)}
    assert found[1_000_000] == found[650_000] == "shipments"


@pytest.mark.parametrize(
    ("text", "value", "pair"),
    [
        # a noun of its own before the comparison: that noun's earlier figure
        ("英伟达第三季度营收同比增长62%，毛利率较去年同期的74.6%略有下降。", 74.6, "revenue"),
        # a subject of its own: its own figure
        ("英伟达的市场份额约为80%，而AMD较去年同期的5%提升至约8%。", 5, "nvidia"),
    ],
)
def test_a_clause_with_its_own_noun_or_subject_before_a_comparison_keeps_them(
    store: chipfacts.Store, text: str, value: float, pair: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value == value]
    assert pair not in (found.entity_id, found.attribute.id.split("_")[0])


@pytest.mark.parametrize(
    "text",
    [
        "中芯国际N+2工艺目前每月可产出约2万片，主要用于华为昇腾芯片。",
        "三星将为特斯拉代工AI5芯片，预计2026年起每月生产约1.6万片。",
        "华虹半导体12英寸产线主要生产功率芯片，月产出约9.5万片。",
    ],
)
def test_a_plants_output_by_the_piece_is_wafers_beside_a_chip_word(
    store: chipfacts.Store, text: str
) -> None:
    assert all(c.unit != "gpus" for c in drafted(store, text))


def test_a_chip_named_right_after_a_count_by_the_piece_is_counted(
    store: chipfacts.Store,
) -> None:
    text = "字节跳动今年采购了约20万片H100，产能紧张。"
    assert [c.unit for c in drafted(store, text) if c.value == 200_000] == ["gpus"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a product's own figure at a site's scale, after a site was named
        ("xAI的Colossus集群位于孟菲斯。英伟达GB200 NVL72机柜的FP4算力达1.44 EFLOPS。", 1.44e18),
        ("xAI的Colossus集群位于孟菲斯。谷歌表示，TPU Pod总算力可达42.5 EFLOPS。", 4.25e19),
        # a memory maker's phase is no site's
        (
            "微软宣布建设Fairwater集群。SK海力士HBM3E第一期扩产已经完成，月产能提升至约15万片。",
            150_000,
        ),
    ],
)
def test_a_things_own_figure_is_not_the_sites_named_before(
    store: chipfacts.Store, text: str, value: float
) -> None:
    found = [c for c in drafted(store, text) if c.value == value]
    kinds = {c.new_entity.kind if c.new_entity else store.entities[c.entity_id].kind for c in found}
    assert kinds and "cluster" not in kinds


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # 该公司 names the company: no story's company for its line of business
        (
            "AMD第三季度营收为92亿美元。微软是AMD的重要客户。该公司智能云业务营收达到300亿美元。",
            3e10,
            "microsoft",
        ),
        # a list of customers opening a clause hands on no subject
        (
            "英伟达第三季度营收为570亿美元，其中数据中心业务贡献512亿美元，"
            "微软、Meta等客户的采购推动了增长，毛利率为73.6%。",
            73.6,
            "nvidia",
        ),
        # a company named in its own clause spends its own total
        (
            "微软今年在亚特兰大建设了Fairwater 2数据中心，微软今年总投资预计超过800亿美元。",
            8e10,
            "microsoft",
        ),
    ],
)
def test_the_session_rules_leave_a_figure_with_the_one_its_sentence_names(
    store: chipfacts.Store, text: str, value: float, entity: str
) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.value == value] == [entity]


@pytest.mark.parametrize(
    "text",
    [
        "Canalys表示，全球第三季度出货量同比增长9%。",  # a time, no thing
        "该公司目前雇佣了逾7万台积电（TSMC）员工和承包商。",  # 台积电, no count of 积电
        "该订单包括约5千套超微（Supermicro）液冷机柜。",  # the maker of what is counted
    ],
)
def test_no_thing_is_made_of_a_time_a_name_or_a_counted_maker(
    store: chipfacts.Store, text: str
) -> None:
    found = drafted(store, text)
    assert not [c for c in found if c.new_entity is not None]
    assert not [c for c in found if c.entity_id in ("tsmc", "supermicro")]


def test_a_site_code_named_before_its_computing_centre_and_its_total_investment(
    store: chipfacts.Store,
) -> None:
    text = "雲峰算力今日宣布，將興建代號「玉山一號」的AI超級運算中心，總投資金額約12億美元。"
    (found,) = [c for c in drafted(store, text) if c.value == 1_200_000_000]
    assert found.new_entity is not None and found.new_entity.kind == "cluster"
    assert found.attribute.id == "capex"


def test_an_investors_sum_is_an_investment(store: chipfacts.Store) -> None:
    text = "知情人士稱，輝達的投資金額約在5億至8億美元之間。"
    assert [(c.entity_id, c.attribute.id) for c in drafted(store, text)] == [
        ("nvidia", "investment")
    ]


def test_a_teams_engineers_are_the_companys(store: chipfacts.Store) -> None:
    text = "Meta发布了MTIA v3芯片。其芯片团队目前约有1200名工程师。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 1200] == ["meta"]


def test_an_earlier_figure_in_the_articles_currency_keeps_its_proposed_measure(
    store: chipfacts.Store,
) -> None:
    text = (
        "擴產方面，景晟科技今年資本支出預計達150億元，較去年的92億元大增逾六成。景晟科技表示滿意。"
    )
    found = {c.value: c for c in drafted(store, text)}
    now, before = found[15_000_000_000], found[9_200_000_000]
    assert before.attribute == now.attribute and before.proposes_attribute
    assert before.attribute.id != "capex"  # the store's capex is in USD


def test_a_person_who_speaks_owns_no_chips_figure(store: chipfacts.Store) -> None:
    """陆承宇坦言，X1回片后的首批良率…: the designation the clause names, not the speaker
    (proposed after a Latin title) nor a company he worked for before."""
    text = (
        "公司创始人兼CEO陆承宇此前曾任百度自动驾驶事业部技术总监。"
        "陆承宇坦言，X1回片后的首批良率一度只有60%左右。"
    )
    assert [c.entity_id for c in drafted(store, text) if c.value == 60] == ["x1"]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("微软自有AI芯片集群拥有约2.4万张GPU，其中国产芯片占比约两成。", "microsoft-ai-cluster"),
        ("阿里巴巴表示，国产芯片在阿里新增算力中的占比将升至50%左右。", "alibaba"),
        (
            "集邦咨询分析师李婉婷表示，字节跳动今年采购的AI芯片中，国产芯片的比例约为30%。",
            "bytedance",
        ),
        ("腾讯今年采购约23万张GPU，其中英伟达H20约占六成，国产芯片占比约两成。", "tencent"),
    ],
)
def test_a_share_of_chinas_own_chips_in_a_mix_is_the_mix_owners(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    """国产芯片占比, 比例: the mix of a site's or a company's chips, theirs (not a chip
    named before it); a market share of China's own chips stays the category's."""
    (found,) = [c for c in drafted(store, text) if c.unit == "percent" and c.value in (20, 30, 50)]
    assert found.entity_id == owner


@pytest.mark.parametrize(
    "text",
    [
        "国产AI加速卡的市场份额升至约48%。",  # a market's
        "国产芯片在阿里、腾讯新增算力中的占比分别为40%和25%。",  # each its own
        "阿里巴巴今年资本开支约1200亿元。按政策要求，国产芯片在新建智算中心中的占比须达到50%以上。",
    ],
)
def test_a_share_of_chinas_own_chips_no_one_owner_has_stays_the_categorys(
    store: chipfacts.Store, text: str
) -> None:
    assert all(
        c.entity_id.startswith("chinese-domestic")
        for c in drafted(store, text)
        if c.unit == "percent"
    )


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("花旗分析师李允浩在报告中预计，全球HBM市场规模将增长至2026年的550亿美元。", "hbm"),
        ("瑞银证券分析师黄冠文将台积电今年营收预估上修至约900亿美元。", "tsmc"),
    ],
)
def test_a_figure_an_analyst_gives_is_what_its_clause_names_after_them(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    """Not the analyst, nor the firm they work for, named before them."""
    (found,) = [c for c in drafted(store, text) if c.unit == "USD"]
    assert found.entity_id == owner


@pytest.mark.parametrize(
    "text",
    [
        "亞馬遜新一代推論晶片Osprey，採台積電3奈米製程。",  # Taiwan's 採 for 採用
        "亚马逊新一代推理芯片Osprey，采用台积电3纳米制程。",
    ],
)
def test_a_foundry_after_a_word_of_adoption_is_no_subject(
    store: chipfacts.Store, text: str
) -> None:
    """The node is the chip's, whichever word of adoption names its foundry."""
    found = [
        (c.new_entity.name if c.new_entity else c.entity_id, c.value)
        for c in drafted(store, text)
        if c.attribute.id == "process_node"
    ]
    assert found == [("Osprey", 3)]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("台積電表示，2奈米的SRAM測試晶片良率已超過90%。", "2奈米", 90),
        ("台積電2奈米每片晶圓報價約3萬美元。", "台積電2奈米", 30000),
        ("3奈米製程今年第三季已占台積電晶圓營收的23%。", "3奈米製程", 23),
        # what a figure is set against is its own when the figure is joined to it
        ("台積電2奈米每片晶圓報價約3萬美元，較3奈米的約2萬美元高出五成。", "3奈米", 20000),
        ("三星的2纳米良率目前仅约30%。", "三星2纳米", 30),
    ],
)
def test_a_process_node_talked_of_is_what_its_figure_is_of(
    store: chipfacts.Store, text: str, name: str, value: float
) -> None:
    """A node is proposed as a foundry's product, named in both of its forms."""
    found = [c for c in drafted(store, text) if c.value == value]
    assert [c.new_entity.name for c in found if c.new_entity] == [name]
    (node,) = [c.new_entity for c in found if c.new_entity]
    assert node.kind == "product"
    number = "2" if "2" in name else "3"
    forms = {f"{number}奈米", f"{number}纳米", f"{number}nm"}
    assert forms <= {node.name, *node.aliases} or name.startswith("三星")


@pytest.mark.parametrize(
    "text",
    [
        "英伟达的B300采用台积电4nm工艺，晶体管数量达2080亿个。",
        "该芯片採台積電3奈米製程，功耗約700瓦。",
        "台积电以3纳米制程为苹果代工M4芯片，月产能约10万片。",
    ],
)
def test_a_node_a_chip_is_made_on_proposes_nothing(store: chipfacts.Store, text: str) -> None:
    assert not [c for c in drafted(store, text) if c.new_entity and "nm" in c.new_entity.id]


@pytest.mark.parametrize(
    "text",
    [
        "台積電表示，7奈米及以下先進製程合計占比達74%。",  # a group of nodes
        "台積電在7奈米制程以下先進製程的市占率逾九成。",
        "他指出，AI ASIC營收占比已超過七成，其中3奈米製程案件約占45%。",  # a part of a whole
        # a thing the node qualifies or brings about owns the figure
        "2纳米芯片的设计成本高达7.25亿美元。",
        "一座2纳米晶圆厂的投资额约为200亿美元至250亿美元。",
        "台積電表示，2奈米需求強勁帶動營收成長約30%。",
        "2奈米製程所需的EUV曝光機每台售價約1.5億歐元。",
        "苹果3纳米芯片今年出货量约2亿颗。",
    ],
)
def test_no_node_is_proposed_for_a_group_of_nodes_or_a_part(
    store: chipfacts.Store, text: str
) -> None:
    assert not [c for c in drafted(store, text) if c.new_entity and "nm" in c.new_entity.id]


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("目前800G光模块单价约为500美元。", "800G光模块", 500),
        ("明年1.6T光模組出貨量有望達到500萬至600萬隻。", "1.6T光模組", 5000000),
        ("中际旭创800G光模块出货量超过300万只。", "中际旭创800G光模块", 3000000),
        ("1.6T模組目前單價約1,100美元。", "1.6T模組", 1100),
    ],
)
def test_a_grade_of_optical_module_is_what_its_figure_is_of(
    store: chipfacts.Store, text: str, name: str, value: float
) -> None:
    found = [c for c in drafted(store, text) if (c.value if c.low is None else c.low) == value]
    assert [(c.new_entity.name, c.new_entity.kind) for c in found if c.new_entity] == [
        (name, "product")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "其800G光模組全球市占率約37%。",  # its module: the owner's share
        "英伟达今年采购了约200万只1.6T光模块。",  # what a buyer counts
        "中际旭创在全球800G光模块市场的份额约为22%。",  # a seller's share of the market
        "800G光模块的市场规模约为60亿美元。",  # the market's
        "明年谷歌1.6T光模块采购量约为300万只。",  # a buyer's
        "800G光模块所用的EML激光器芯片单价约为20美元。",  # a part's
        "800G光模块中硅光方案占比约为30%。",
        "澜光科技的槟城工厂已投产。该厂800G光模块的月产能提升至逾45万只。",  # the plant's
    ],
)
def test_a_grade_its_owner_or_buyer_names_before_it_is_no_subject(
    store: chipfacts.Store, text: str
) -> None:
    assert not [c for c in drafted(store, text) if c.new_entity and "guangmo" in c.new_entity.id]


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("字节跳动计划采购规模在3万至5万张之间。", "gpu_order"),  # a purchase's size
        ("微软的集群规模约为3万张GPU。", "cluster_gpus"),
    ],
)
def test_a_size_is_of_what_the_word_before_it_names(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    assert [c.attribute.id for c in drafted(store, text) if c.unit == "gpus"] == [attribute]


@pytest.mark.parametrize(
    "text",
    [
        "分析师估计，华为今年昇腾910C的出货量约为65万颗，明年有望提升至100万颗以上。",
        "SK海力士HBM晶圆月产能目前约为16万片，计划到2026年底扩充至约21万片。",
    ],
)
def test_a_later_level_goes_on_with_the_figure_before(store: chipfacts.Store, text: str) -> None:
    """A clause of a later time and a change to a level alone: the same one's measure."""
    first, later = [(c.entity_id, c.attribute.id) for c in drafted(store, text) if c.unit]
    assert later == first


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("台積電表示，2奈米的SRAM測試晶片良率已超過90%。", "tsmc"),  # who speaks of it
        ("三星晶圓代工2奈米良率約40%，3奈米良率約60%。", "samsung"),  # its other node
        ("新易盛表示，1.6T光模块今年出货量约为100万只。", "eoptolink"),
        # an analyst who estimates is no maker
        ("启衡咨询分析师周牧然估算，明年1.6T光模块出货量有望达到500万只。", None),
    ],
)
def test_the_maker_of_a_grade_is_named_with_it_or_speaks_of_it(
    store: chipfacts.Store, text: str, maker: str | None
) -> None:
    (*_, last) = [c.new_entity for c in drafted(store, text) if c.new_entity and c.unit]
    assert last.maker == maker


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("客戶結構方面，微軟仍是廣達最大客戶，占其AI伺服器營收約35%。", "quanta"),
        ("微软是广达的最大客户，贡献了其约35%的营收。", "quanta"),
        (
            "Microsoft will become Quanta's largest customer, "
            "accounting for more than half of its revenue.",
            "quanta",
        ),
        (
            "Quanta counts Microsoft as its largest customer, accounting for about 35% of revenue.",
            "quanta",
        ),
    ],
)
def test_a_largest_customers_share_of_revenue_is_the_sellers(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    (share,) = [c for c in drafted(store, text) if c.unit == "percent"]
    assert share.entity_id == owner


def test_a_later_level_of_a_grade_goes_on_with_the_grade(store: chipfacts.Store) -> None:
    text = "中芯国际7纳米良率约为30%，明年有望提升至50%。"
    found = {(c.new_entity.name if c.new_entity else c.entity_id) for c in drafted(store, text)}
    assert found == {"中芯国际7纳米"}


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        # a module's maker named with another of its modules before it
        ("中际旭创800G光模块毛利率约为40%，1.6T光模块明年出货量有望达到200万只。", "innolight"),
        # not a buyer who certifies one
        ("澜光科技已通过Meta的1.6T光模块认证。800G光模块出货量约为420万只。", None),
    ],
)
def test_a_grades_maker_named_with_another_grade_before(
    store: chipfacts.Store, text: str, maker: str
) -> None:
    (*_, last) = [c.new_entity for c in drafted(store, text) if c.new_entity]
    assert last.maker == maker


@pytest.mark.parametrize(
    "text",
    [
        "1.6T光模块今年全球市场规模约为50亿美元。",  # the market's, words between
        "微软是广达最大客户，其自身的云业务营收占比约为40%。",  # the customer's own
    ],
)
def test_no_grade_nor_seller_owns_a_figure_said_to_be_anothers(
    store: chipfacts.Store, text: str
) -> None:
    found = [c for c in drafted(store, text) if c.unit in ("USD", "percent")]
    assert all(c.new_entity is None or "guangmo" not in c.new_entity.id for c in found)
    assert all(c.entity_id != "quanta" for c in found)


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("双方签署了为期四年的算力租赁协议。", "四年", 4),
        ("已与风电业者签订为期20年的购电协议。", "20年", 20),
        ("公司签下一份5年期的供货合约。", "5年期", 5),
        ("双方签订了十五年的长期购电协议。", "十五年", 15),
        ("该租约期限为三年。", "三年", 3),
        ("双方签署了为期两年半的协议。", "两年半", 2.5),
    ],
)
def test_the_term_of_an_agreement_is_a_span_of_years(text: str, written: str, value: float) -> None:
    folded = fold_in_place(text)
    (found,) = find_quantities(folded, text)
    assert (text[found.start : found.end], found.value, found.unit) == (written, value, "years")


@pytest.mark.parametrize(
    "text",
    [
        "双方在2025年签署了合作协议。",  # a year of the calendar
        "该芯片将在三年内量产。",  # within, when
        "过去三年，公司营收快速增长。",
        "该项目回本周期较长。",
        "美国10年期国债收益率升至4.5%。",  # a bond's, no agreement's
        "三星电子发行了5年期公司债券。",
        "SK海力士发行了3年期美元债券。",
        "过去三年的合作协议带来了大量订单。",
    ],
)
def test_a_year_that_is_no_term_is_no_quantity(text: str) -> None:
    assert [q for q in find_quantities(fold_in_place(text), text) if q.unit == "years"] == []


def test_a_term_is_drafted_for_who_signs_it(store: chipfacts.Store) -> None:
    (found,) = drafted(store, "据悉，微软与CoreWeave签署了为期五年的算力租赁协议。")
    assert (found.entity_id, found.attribute.id, found.value, found.attribute.unit) == (
        "microsoft", "term_years", 5, "years"
    )  # fmt: skip
    assert found.proposes_attribute


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Meta训练Llama 4时动用的GPU超过10万块。", "llama-4"),
        ("据报道，OpenAI训练GPT-4时使用了约2.5万块英伟达A100。", "gpt-4"),
        ("OpenAI表示，GPT-5的训练动用了约20万块英伟达H100 GPU。", "gpt-5"),
        ("Meta trained Llama 4 on more than 100,000 GPUs.", "llama-4"),
        ("OpenAI used about 200,000 GPUs to train GPT-5, the company said.", "gpt-5"),
    ],
)
def test_the_gpus_a_model_was_trained_on_are_the_models(
    store: chipfacts.Store, text: str, model: str
) -> None:
    assert [(e, a) for e, a, _ in numbers(store, text)] == [(model, "cluster_gpus")]


@pytest.mark.parametrize(
    "text",
    [
        "Meta计划采购35万块H100，用于训练Llama 4。",  # an order, in a clause of its own
        "Meta的集群拥有约10万块GPU，Llama 4已在其上完成部署。",  # no training
        # a verb of its own after "and"; a count of the cluster, in its relative clause
        "Meta used 20,000 GPUs to serve its ads and trained Llama 4 on a separate cluster.",
        "Meta trained Llama 2 and Llama 4 on one supercomputer, which had about 25,000 A100s.",
    ],
)
def test_gpus_not_said_to_train_a_model_are_not_the_models(
    store: chipfacts.Store, text: str
) -> None:
    assert all(e == "meta" for e, a, _ in numbers(store, text) if a == "cluster_gpus")


def test_the_gpus_of_a_training_named_earlier_in_the_sentence_are_the_models(
    store: chipfacts.Store,
) -> None:
    text = (
        "OpenAI表示，GPT-5的预训练在微软位于威斯康星州的“费尔沃特”（Fairwater）集群上完成，"
        "共使用了约20万块英伟达H100 GPU。"
    )
    counts = [e for e, a, _ in numbers(store, text) if a == "cluster_gpus"]
    assert counts == ["gpt-5"]


def test_a_clusters_own_count_after_a_training_stays_the_clusters(store: chipfacts.Store) -> None:
    text = "OpenAI为训练GPT-5建设了Stargate，该集群拥有约20万块GPU。"
    assert "gpt-5" not in [e for e, _, _ in numbers(store, text)]


@pytest.mark.parametrize(
    ("text", "ident", "value"),
    [
        ("据集邦咨询统计，第四季度DDR5合约价环比上涨约20%。", "ddr5", 20),
        ("第四季一般型DRAM合約價預估季增8%至13%。", "dram", 8),
        ("DDR5 16Gb顆粒上週均價已來到7.8美元。", "ddr5", 7.8),
        ("三星DDR5的报价本季上涨约15%。", "samsung-ddr5", 15),
        ("HBM3E的交期已拉長至40週以上。", "hbm3e", 40),
        ("HBM4單價較HBM3E高出約三成。", "hbm4", 30),  # not the one it is set against
        ("伺服器用DDR5合約價今年第一季預估將再上漲兩成。", "ddr5", 20),  # for servers
    ],
)
def test_a_generation_of_memory_is_what_its_figure_is_of(
    store: chipfacts.Store, text: str, ident: str, value: float
) -> None:
    found = [c for c in drafted(store, text) if (c.value if c.low is None else c.low) == value]
    assert [(c.entity_id, c.new_entity is not None) for c in found] == [(ident, True)]


@pytest.mark.parametrize(
    "text",
    [
        "该芯片搭载192GB HBM3E，带宽达8TB/s。",  # a chip's memory
        "DRAM市场规模今年将达到1000亿美元。",  # a market's
        "长鑫存储表示，其12英寸DRAM晶圆总产能约为每月28万片。",  # its own wafers
    ],
)
def test_a_figure_of_another_thing_than_a_memory_named_with_it_is_not_the_memorys(
    store: chipfacts.Store, text: str
) -> None:
    assert not [c for c in drafted(store, text) if c.new_entity and "dram" in c.new_entity.id]
    assert not [c for c in drafted(store, text) if c.entity_id.endswith(("hbm", "hbm3e"))]


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("初创公司峰睿科技近日完成15亿元B轮融资。", "fundraising_yuan"),
        ("台积电第三季度营收约为9000亿元。", "revenue_yuan"),
        ("初创公司峰睿科技完成C轮融资，投后估值超过400亿元。", "valuation_yuan"),
        ("SK海力士今年的资本支出将超过34万亿韩元。", "capex_krw"),
        ("初创公司峰睿科技拟在香港上市，募资最多38亿港元。", "fundraising_hkd"),
    ],
)
def test_a_sum_in_another_currency_keeps_the_measure_its_word_names(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    found = [c for c in drafted(store, text) if c.attribute.unit in ("yuan", "KRW", "HKD")]
    assert [c.attribute.id for c in found][-1:] == [attribute]
    assert all(c.proposes_attribute for c in found)


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("英伟达表示，八卡服务器整机价格约为30万美元。", "unit_price"),
        ("英伟达表示，H20服务器的月租价格已降至约6万元。", "rental_price_yuan"),
        ("中国电信表示，贺兰山智算中心的电价约为每千瓦时0.35元。", "power_price_yuan"),
        ("中国电信表示，贺兰山智算中心的电价为每度电0.3元。", "power_price_yuan"),
        ("中国电信表示，贺兰山智算中心每度电价约为0.35元。", "power_price_yuan"),
        ("英伟达表示，该服务每次请求收费约0.5美分。", "price_per_request"),
    ],
)
def test_a_price_is_per_request_only_where_a_request_is_named(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    assert [a for _, a, _ in numbers(store, text)][:1] == [attribute]


def test_the_other_versions_of_a_proposed_model_are_its_makers_models(
    store: chipfacts.Store,
) -> None:
    text = (
        "初创公司斯特拉图姆智能（Stratum AI）周一发布新一代大语言模型Stratum-2。"
        "相比之下，该公司去年发布的Stratum-1仅使用了约8000块H100进行训练。"
        "公司表示，Stratum-3预计需要8万至10万块GPU。"
    )
    found = {c.value if c.low is None else c.low: c for c in drafted(store, text)}
    assert (found[8000].entity_id, found[80000].entity_id) == ("stratum-1", "stratum-3")
    assert found[8000].new_entity is not None
    assert (found[8000].new_entity.kind, found[8000].new_entity.maker) == ("model", "stratum-ai")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("仅Meta一家客户就可能为博通在2027财年贡献超过80亿美元的AI相关营收。", "broadcom"),
        ("英伟达的订单每年可为台积电带来约50亿美元营收。", "tsmc"),
        # 为其: the company named before it
        ("Maia 100相关订单将在博通2026财年为其带来约30亿美元收入。", "broadcom"),
    ],
)
def test_revenue_brought_to_a_company_is_that_companys(
    store: chipfacts.Store, text: str, company: str
) -> None:
    assert [e for e, _, _ in numbers(store, text)] == [company]


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("华为2024年研发投入达1797亿元。", "rd_spending_yuan"),
        ("华为表示，2024年研发支出约为250亿美元。", "rd_spending"),
    ],
)
def test_spending_on_research_is_no_capital_expenditure(
    store: chipfacts.Store, text: str, attribute: str
) -> None:
    assert [a for _, a, _ in numbers(store, text)] == [attribute]


@pytest.mark.parametrize(
    "text",
    [
        # its customers unnamed: the company the text is on, not a customer named before
        "招股书显示，初创公司峰睿科技的客户集中度较高。峰睿科技的芯片主要卖给百度和阿里巴巴。"
        "2024年前五大客户合计贡献收入的81.6%，其中第一大客户为一家头部互联网公司，"
        "贡献了约37.2%的营收。",
        # the sentence's subject, before its customers listed (a name glossed is listed too)
        "初创公司峰睿科技发布财报。峰睿科技主要客户包括微软与甲骨文（Oracle），"
        "前三大客户合计占营收约58%。",
        # the company named right before its customers' noun
        "初创公司峰睿科技发布了招股书。文件显示，谷歌为峰睿科技最大客户，贡献营收的29.4%。",
        # the company of one who speaks (谷歌 is named, but as a customer)
        "初创公司峰睿科技的客户包括谷歌。峰睿科技首席财务官李明表示，前三大客户合计贡献约58%营收。",
    ],
)
def test_a_share_of_a_companys_biggest_customers_is_the_companys(
    store: chipfacts.Store, text: str
) -> None:
    shares = [e for e, _, v in numbers(store, text) if v in (81.6, 37.2, 29.4, 58)]
    assert shares and set(shares) == {"fengrui-technology"}


def test_a_share_of_a_customer_named_after_its_rank_is_left_to_the_clause(
    store: chipfacts.Store,
) -> None:
    text = "初创公司峰睿科技发布了招股书。第一大客户百度的收入占比达38.5%。"
    assert [e for e, _, v in numbers(store, text) if v == 38.5] == ["baidu"]


@pytest.mark.parametrize(
    "text",
    [
        # the line's name, its noun, then the new model's name
        "Meta的第四代MTIA芯片MTIA v4已经流片，该芯片采用台积电3nm工艺。",
        # a company, the words of its line, then the new model in quotes
        "谷歌第八代张量处理器训练版「TPU v8p」已于上月在台积电以3奈米制程投片。",
    ],
)
def test_a_new_model_named_after_its_lines_words_is_what_the_claim_is_about(
    store: chipfacts.Store, text: str
) -> None:
    (node,) = [c for c in drafted(store, text) if c.attribute.id == "process_node"]
    assert node.entity_id in ("mtia-v4", "tpu-v8p") and node.new_entity is not None


def test_a_companys_series_named_after_it_leaves_the_figure_to_the_company(
    store: chipfacts.Store,
) -> None:
    text = (
        "据一位接近华为的人士透露，华为昇腾930B已拿到多家互联网公司的测试订单。"
        "华为今年昇腾系列芯片的产量预计在70万片左右。"
    )
    assert [e for e, _, v in numbers(store, text) if v == 700000] == ["huawei"]


@pytest.mark.parametrize(
    ("text", "is_microsofts"),
    [
        # the store's Microsoft cluster is also called 芯片集群: any company's, said so
        ("百度表示，北辰集群是其迄今规模最大的自研芯片集群。该集群一期已部署约2.4万颗芯片。",
         False),
        # …but its maker named right before it makes it that one
        ("微软正在大规模投资自有AI芯片集群，该集群将部署约2万颗芯片。", True),
    ],
)  # fmt: skip
def test_a_store_name_made_of_a_kinds_words_is_the_stores_only_after_its_maker(
    store: chipfacts.Store, text: str, is_microsofts: bool
) -> None:
    found = [e for e, a, _ in numbers(store, text) if a == "cluster_gpus"]
    assert found and (found == ["microsoft-ai-cluster"]) is is_microsofts


def test_a_site_introduced_then_named_is_the_named_one(store: chipfacts.Store) -> None:
    text = (
        "為了緩解算力瓶頸，Anthropic正與亞馬遜合作在美國賓州匹茲堡近郊興建一座新資料中心，"
        "內部代號「Keystone」，總投資約150億美元。該資料中心規劃電力容量為1.2GW。"
    )
    assert {e for e, _, _ in numbers(store, text)} == {"keystone"}


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("英伟达的Rubin GPU将采用台积电的N3P制程。", 3),
        ("谷歌的TPU已在台积电N3E制程完成设计定案。", 3),
        ("三星的推理芯片T2采用SF2製程。", 2),
        ("The compute dies of the AMD MI300X are made on TSMC's N2 process.", 2),
        ("英伟达的Rubin GPU将采用18A工艺。", 1.8),
    ],
)
def test_a_foundrys_process_by_its_name_is_its_node(
    store: chipfacts.Store, text: str, node: float
) -> None:
    assert [v for _, a, v in numbers(store, text) if a == "process_node"] == [node]


@pytest.mark.parametrize(
    "text",
    [
        "英伟达的N2团队扩大了一倍。",
        "该芯片的N3版本将于明年推出。",
        # a process left, no node of what leaves it; a process's node is its own name
        "高通表示，下一代骁龙芯片将从三星的SF2工艺转回台积电N3P。",
        "联发科宣布天玑9500采用台积电N3P制程。",
    ],
)
def test_a_process_name_with_no_process_word_nor_foundry_is_no_node(
    store: chipfacts.Store, text: str
) -> None:
    assert [a for _, a, _ in numbers(store, text) if a == "process_node"] == []


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # an architecture's name before the chip is no subject
        ("英伟达推出Blackwell架构GPU B200，集成2080亿个晶体管。", 208e9, "b200"),
        # nor is a chip the figure is measured against (第六代TPU: TPU v6, a model of its own)
        ("谷歌发布第六代TPU Trillium，性能是TPU v5e的4.7倍。", 4.7, "tpu-v6"),
    ],
)
def test_a_companys_new_product_named_after_it_is_no_architecture_nor_a_baseline(
    store: chipfacts.Store, text: str, value: float, entity: str
) -> None:
    assert [e for e, _, v in numbers(store, text) if v == value] == [entity]


@pytest.mark.parametrize(
    "text",
    [
        # a change of the market value, no market value
        "受出口管制消息影响，英伟达股价周一下跌3.1%，市值蒸发约1500亿美元。",
        # a sum of another measure in a stock's sentence, no share price
        "Oracle shares jumped 36% after the company said its cloud backlog grew 359% to $455 "
        "billion.",
        # a dividend per share, no earnings; a sum another verb's object
        "Broadcom declared a quarterly dividend of $0.59 per share.",
        "Nvidia's shares rose 2% as it priced the chip at $30,000.",
        "英伟达股价因营收预期上调至400亿美元而上涨3%。",
        # earnings per share rose: no share's move, no share price
        "AMD's earnings per share rose 20% to $0.92 in the quarter.",
        "Qualcomm's book value per share rose to $25.60 this year.",
    ],
)
def test_a_stocks_sentence_names_no_measure_of_the_stock_it_does_not_say(
    store: chipfacts.Store, text: str
) -> None:
    found = [a for _, a, _ in numbers(store, text)]
    assert not {"market_cap", "share_price", "eps"} & set(found)


@pytest.mark.parametrize(
    ("text", "is_site"),
    [
        ("华为发布“昇腾AI集群”解决方案，可扩展至1.6万卡。", False),  # a product in quotes
        ("摩尔线程发布夸娥-1智算集群，集成1000张加速卡。夸娥-1智算集群已经上线。", True),
    ],
)
def test_a_cluster_named_with_its_noun_is_a_cluster_and_a_solution_is_no_site(
    store: chipfacts.Store, text: str, is_site: bool
) -> None:
    (found,) = [c for c in drafted(store, text) if c.attribute.id == "cluster_gpus"]
    proposed = found.new_entity
    assert (proposed is not None and proposed.kind == "cluster") is is_site


def test_a_fall_below_zero_turns_its_bound(store: chipfacts.Store) -> None:
    (found,) = drafted(store, "AMD股价盘后一度下跌超过9%。")
    assert (found.value, found.bound) == (-9, Bound.LESS_THAN)


def test_another_measures_move_in_a_stocks_sentence_is_no_share_price_change(
    store: chipfacts.Store,
) -> None:
    text = "Nvidia shares rose after data center revenue jumped 94%."
    assert [a for _, a, v in numbers(store, text) if v == 94] != ["share_price_change"]


@pytest.mark.parametrize(
    "text",
    [
        # the figure's word is the site's own noun (集群, in its name)
        "据了解，谷歌在呼和浩特建设的智算集群中，约有2048张加速卡。",
        # a site two companies build together
        "据了解，谷歌与微软在呼和浩特共建的智算集群中，约有2048张加速卡。",
    ],
)
def test_a_cluster_figure_in_a_site_built_somewhere_is_the_sites(
    store: chipfacts.Store, text: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value == 2048]
    assert found.new_entity is not None and found.new_entity.kind == "cluster"


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("百度阳泉智算中心设计PUE低至1.12。", 1.12),
        ("百度阳泉智算中心设计PUE介于1.15至1.2之间。", 1.15),
        ("联电第四季毛利率介于27%至29%。", 27),  # the store's word, not 率介于
    ],
)
def test_a_figure_held_low_or_lying_between_two_is_its_nouns(
    store: chipfacts.Store, text: str, low: float
) -> None:
    found = [
        (a, c.low if c.low is not None else c.value)
        for c in drafted(store, text)
        if (a := c.attribute.id) in ("pue", "gross_margin")
    ]
    assert [v for _, v in found] == [low]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # a model's code name in brackets after its noun
        ("另据报道，OpenAI下一代旗舰模型（内部代号“果园”）的预训练已于今年2月下旬启动，"
         "使用约10万颗英伟达GB200。", "guoyuan"),
        # the cluster a training ran on
        ("Mistral said the company's next flagship model, code-named Magnus, finished "
         "pre-training last month on a cluster of roughly 24,000 Nvidia H200 GPUs in Essonne.",
         "magnus"),
    ],
)  # fmt: skip
def test_the_gpus_a_code_named_model_trained_on_are_its_own(
    store: chipfacts.Store, text: str, model: str
) -> None:
    assert [e for e, a, _ in numbers(store, text) if a == "cluster_gpus"] == [model]


def test_earnings_per_share_rising_is_no_move_of_the_stock(store: chipfacts.Store) -> None:
    text = "AMD's earnings per share rose 20% to $0.92 in the quarter."
    found = {a for _, a, _ in numbers(store, text)}
    assert not {"share_price_change", "share_price", "market_share"} & found


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("营收翻倍。", 2, "营收增长"),
        ("今年的资本开支将翻一番。", 2, "资本开支增长"),
        ("营收翻了两番。", 4, "营收增长"),
        ("营收增长近一倍。", 100, "营收增长"),
        ("营收从100亿美元翻了一番。", 2, "营收增长"),  # a level it doubled from between
    ],
)
def test_a_doubling_is_a_growth_by_its_factor(
    store: chipfacts.Store, text: str, value: float, label: str
) -> None:
    found = [c for c in drafted(store, "英伟达" + text) if c.unit in ("x", "percent")]
    assert [(c.value, c.attribute.label) for c in found] == [(value, label)]


def test_a_ports_rate_written_bare_is_the_nics_port_speed(store: chipfacts.Store) -> None:
    (found,) = drafted(store, "ConnectX-8的单端口速率为800G。")
    assert (found.entity_id, found.attribute.id, found.value) == ("connectx-8", "port_speed", 8e11)
    assert found.attribute.unit == "bits/s"


def test_a_sites_phase_with_a_code_name_in_brackets_is_that_name(
    store: chipfacts.Store,
) -> None:
    text = (
        "百度位于山西阳泉的智算中心三期（内部代号“太行”）已于10月投产。"
        "该集群部署了3万张自研的昆仑芯R300加速卡。"
    )
    (site,) = {c.new_entity for c in drafted(store, text) if c.attribute.id == "cluster_gpus"}
    assert site is not None and "太行" in site.aliases and site.kind == "cluster"


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("英伟达随后在财报中计提了约55亿美元的库存相关费用。", "zh-Hans", "inventory_charge"),
        ("Nvidia booked a $2.1 billion charge for H20 inventory.", "en", "inventory_charge"),
        ("AMD expects charges of up to $450 million.", "en", "charge"),
        # revenue recognised is revenue; a cost named is no charge booked
        ("英伟达今明两年可望自该案认列营收逾500亿美元。", "zh-Hans", "revenue"),
    ],
)
def test_an_accounting_charge_is_no_price(
    store: chipfacts.Store, text: str, language: str, attribute: str
) -> None:
    source = Source("news", "news.md", "News", "Test", PartialDate(2025, 11, 5), language)
    (found,) = [c for c in draft_article(store, article_of(text, source)) if c.unit == "USD"]
    assert found.attribute.id == attribute


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("腾讯此前囤积了至少50万张英伟达GPU。", "gpu_stockpile"),
        ("大陆业者手上囤积的各型英伟达GPU库存约70万颗。", "gpu_stockpile"),
        ("华为单一客户的季度采购上限约为5000颗。", "gpu_cap"),
        ("阿里云单个客户每月最多可申请64块加速卡。", "gpu_cap"),
        ("Microsoft has capped new customers at 2,048 GPUs each.", "gpu_cap"),
        # a count that sets off an approval: a threshold
        ("阿里云内部团队的训练任务一旦超出512卡的门槛，就须经技术委员会审批。", "gpu_threshold"),
        ("在微软，申请超过1024卡须经副总裁审批。", "gpu_threshold"),
        (
            "Microsoft requires sign-off from a vice president for any project that needs "
            "1,024 or more of the chips.",
            "gpu_threshold",
        ),
        # chips smuggled, in a sentence of the case
        (
            "检方指出，一批英伟达H200经新加坡转运至深圳，涉案服务器逾300台，内含约2,400颗H200。",
            "gpus_smuggled",
        ),
        (
            "Nvidia said prosecutors charged Pelion Trading with smuggling at least 1,200 "
            "H200 chips to China.",
            "gpus_smuggled",
        ),
        # chips a licence lets one ship
        ("英伟达已获批的H20订单合计约4.2万张。", "gpus_licensed"),
        ("微软已获得首批出口许可，覆盖3.5万颗GB300。", "gpus_licensed"),
        (
            "The Commerce Department granted Nvidia licences to ship about 65,000 H20 chips.",
            "gpus_licensed",
        ),
        # chips rented, and a rack's or a supernode's
        ("科大讯飞在阿里云租用约3000张昇腾卡。", "gpus_rented"),
        ("GB300 NVL72每櫃搭配72顆Blackwell Ultra GPU。", "gpus_per_rack"),
        ("华为的每个超节点包含384颗昇腾芯片。", "gpus_per_node"),
        # a ceiling on a tenant is no threshold of approval
        ("华为云规定，单一租户原则上不超过3000张卡，超出部分需经审批。", None),
        # what a stock is enough for is no stockpile; a deployment no cap
        ("峰睿目前手中的HBM库存仅够生产约6万颗F3。", None),
        ("华为囤积的HBM库存可供生产约100万颗昇腾910C。", None),
        ("微软从库存中调出2万张GPU组成新集群。", None),
        ("xAI deployed no more than 100,000 GPUs in Memphis.", None),
        ("字节跳动部署了约1万张GPU。", None),
    ],
)
def test_chips_stockpiled_or_capped_are_neither_a_cluster_nor_an_order(
    store: chipfacts.Store, text: str, attribute: str | None
) -> None:
    language = "en" if text.isascii() else "zh-Hans"
    source = Source("news", "news.md", "News", "Test", PartialDate(2025, 11, 5), language)
    drafts = draft_article(store, article_of(text, source))
    found = {c.attribute.id for c in drafts if c.unit == "gpus"}
    held = {
        "gpu_stockpile", "gpu_cap", "gpu_threshold", "gpus_smuggled", "gpus_licensed",
        "gpus_rented", "gpus_per_rack", "gpus_per_node",
    }  # fmt: skip
    assert found & held == ({attribute} if attribute else set())
    if attribute:
        assert not found & {"cluster_gpus", "gpu_order"}  # neither a cluster nor an order


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the story's company, not the customer the share's clause opens with
        ("Cerebras今年营收大增。Cerebras表示需求旺盛。"
         "中东云端业者Nakhla Cloud去年约占公司营收的45%。", "cerebras"),
        ("中际旭创发布财报。"
         "据华锐证券测算，英伟达和谷歌合计贡献了公司今年前三季度营收的六成以上。", "innolight"),
        # the company of one who speaks, or one named in the clauses before
        ("英伟达首席执行官黄仁勋曾表示，中国市场约占该公司数据中心收入的13%。", "nvidia"),
        ("电源厂协能电源的电源柜已打进英伟达供应链，"
         "总经理吴冠宇预估，今年相关营收将占公司整体营收的两成左右。", "xieneng-power"),
        # never a customer or one who speaks of it named before
        ("Cerebras今年营收大增。微软是其重要客户，去年约占公司营收的45%。", "cerebras"),
        ("中际旭创发布财报。高盛指出，英伟达和谷歌合计贡献了公司营收的六成以上。", "innolight"),
    ],
)  # fmt: skip
def test_a_share_of_the_companys_revenue_is_the_companys_not_its_customers(
    store: chipfacts.Store, text: str, company: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.unit == "percent"]
    assert (found.entity_id or (found.new_entity and found.new_entity.id)) == company


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Helix Labs, a San Francisco start-up, raised $1.2 billion at a $9 billion valuation.",
         "en"),
        ("英伟达正洽谈新一轮融资，估值可能达到90亿美元。", "zh-Hans"),
    ],
)  # fmt: skip
def test_a_worth_named_around_a_raise_is_a_valuation(
    store: chipfacts.Store, text: str, language: str
) -> None:
    source = Source("news", "news.md", "News", "Test", PartialDate(2025, 11, 5), language)
    found = {c.value: c.attribute.id for c in draft_article(store, article_of(text, source))}
    assert found[9e9] == "valuation"


@pytest.mark.parametrize(
    ("text", "attribute", "value"),
    [
        # a quotation's marks between the measure and its figure
        ("英伟达预计明年出货量将“至少翻一番”。", "shipments_growth", 2),
        ("英伟达今年的资本支出将“同比增长超过50%”。", "capex_growth", 50),
        # a bound between a term's word and its years
        ("微软与其签订的合同期限至少15年。", "term_years", 15),
    ],
)
def test_a_figure_in_quotes_or_after_a_bound_keeps_its_measure(
    store: chipfacts.Store, text: str, attribute: str, value: float
) -> None:
    assert (attribute, value) in {(c.attribute.id, c.value) for c in drafted(store, text)}


def test_an_english_move_after_a_sum_and_what_it_was_spent_on_is_the_sums(
    store: chipfacts.Store,
) -> None:
    text = (
        "Microsoft spent $41.3 billion on capital projects in its fiscal second quarter, "
        "up 62% from a year earlier. A single H200 sold for about $42,000 in February. "
        "The unit was sold for $2 billion to Intel."
    )
    source = Source("wire", "wire.md", "Wire", "Test", PartialDate(2025, 11, 5), "en")
    found = {(c.attribute.id, c.value) for c in draft_article(store, article_of(text, source))}
    assert {("capex_growth", 62), ("unit_price", 42000)} <= found
    assert ("unit_price", 2e9) not in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("AWS lowered its charges of about $2 per GPU-hour.", "en"),
        ("英伟达录得50亿美元的营业费用。", "zh-Hans"),  # expenses, no charge booked
    ],
)
def test_a_fee_or_an_expense_is_no_accounting_charge(
    store: chipfacts.Store, text: str, language: str
) -> None:
    source = Source("news", "news.md", "News", "Test", PartialDate(2025, 11, 5), language)
    found = {c.attribute.id for c in draft_article(store, article_of(text, source))}
    assert not found & {"charge", "inventory_charge"}


def test_a_charge_in_yuan_is_the_charge_in_its_currency(store: chipfacts.Store) -> None:
    (found,) = drafted(store, "寒武纪计提了约3亿元的存货跌价准备。")
    assert (found.attribute.id, found.attribute.unit) == ("inventory_charge_yuan", "yuan")


def test_doubled_in_english_is_a_factor_as_a_chinese_doubling_is(store: chipfacts.Store) -> None:
    source = Source("wire", "wire.md", "Wire", "Test", PartialDate(2025, 11, 5), "en")
    english = draft_article(store, article_of("Nvidia said its revenue doubled.", source))
    assert [c.value for c in english] == [2]


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        # a company that speaks of itself owns the share
        ("超威今年营收增长三成。另一方面，英伟达表示，中国市场约占公司数据中心收入的13%。",
         "zh-Hans", ("nvidia", 13)),
        # a cost booked, whatever it is called, is a charge; an expense is none
        ("英伟达计提约55亿美元的费用。", "zh-Hans", ("charge", 5.5e9)),
        # a stock right before its count, however written
        ("字节跳动的GPU库存达到70万颗。", "zh-Hans", ("gpu_stockpile", 7e5)),
        ("Nvidia has an inventory of about 700,000 GPUs.", "en", ("gpu_stockpile", 7e5)),
    ],
)  # fmt: skip
def test_the_reviews_second_cases_keep_their_reading(
    store: chipfacts.Store, text: str, language: str, pair: tuple[str, float]
) -> None:
    source = Source("news", "news.md", "News", "Test", PartialDate(2025, 11, 5), language)
    found = draft_article(store, article_of(text, source))
    assert pair in {(c.entity_id, c.value) for c in found} | {
        (c.attribute.id, c.value) for c in found
    }


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Arm sold for $32 billion to SoftBank in 2016.", "unit_price"),  # a business's sale
        # another noun's clause between a sum and a move
        (
            "Microsoft spent $41.3 billion on capital projects, while Azure revenue, up 39% from "
            "a year earlier, beat forecasts.",
            "capex_growth",
        ),
    ],
)
def test_an_english_sale_or_another_clauses_move_is_no_price_or_growth_of_the_sum(
    store: chipfacts.Store, text: str, absent: str
) -> None:
    source = Source("wire", "wire.md", "Wire", "Test", PartialDate(2025, 11, 5), "en")
    assert absent not in {c.attribute.id for c in draft_article(store, article_of(text, source))}


@pytest.mark.parametrize(
    "text",
    [
        # a clause naming only the foundry: the chip named before it is made on the node
        "AMD去年底发布了MI300X。该产品采用台积电5纳米工艺，集成1530亿个晶体管。",
        "AMD的MI300X于2023年底发布，台积电以5纳米工艺代工。",
        "AMD的MI300X于2023年底发布。據悉，該晶片採用台積電5奈米製程。",
    ],
)
def test_a_node_whose_clause_names_only_the_foundry_is_the_chip_before(
    store: chipfacts.Store, text: str
) -> None:
    found = [
        (c.entity_id, c.value) for c in drafted(store, text) if c.attribute.id == "process_node"
    ]
    assert found == [("mi300x", 5)]


@pytest.mark.parametrize(
    "text",
    [
        # a node talked of, its figures its own: no chip before is made on it
        "AMD的MI300X于2023年底发布。台积电2纳米的良率已达到60%。",
        "AMD的MI300X于2023年底发布。台积电3纳米月产能约10万片。",
        "AMD的MI300X于2023年底发布，台积电的5纳米产能已满载。",
    ],
)
def test_a_node_talked_of_is_no_node_of_the_chip_before(store: chipfacts.Store, text: str) -> None:
    assert not [c for c in drafted(store, text) if c.attribute.id == "process_node"]


@pytest.mark.parametrize(
    "text",
    [
        # a link's bandwidth: a port's, a network card's, between chips, a switch's
        "英伟达的网卡频宽从400G升级到800G。",
        "ConnectX-7單埠頻寬達400Gb/s。",
        "MI300X的片间互联带宽提升了约两倍。",
        # memory talked of as goods: its price, yield, supply
        "MI300X所用HBM3的单价较上一代上调约15%。",
        "业内估计MI300X所用的HBM3良率超过80%。",
    ],
)
def test_a_links_bandwidth_or_memory_as_goods_is_no_chips_memory(
    store: chipfacts.Store, text: str
) -> None:
    assert not [c for c in drafted(store, text, clauses_too=True) if c.attribute.id == "memory"]


@pytest.mark.parametrize(
    "text",
    [
        "MI300X配备192GB HBM3显存，内存带宽达5.3TB/s。",
        "MI300X的显存带宽为5.3TB/s。",
    ],
)
def test_a_chips_memory_and_its_bandwidth_stay_its_memory(
    store: chipfacts.Store, text: str
) -> None:
    found = [
        c.entity_id for c in drafted(store, text, clauses_too=True) if c.attribute.id == "memory"
    ]
    assert found and set(found) == {"mi300x"}


@pytest.mark.parametrize(
    "text",
    [
        # a node talked of, in a chip's article: its capacity, its price, its cost
        "MI300X的需求强劲。但其坦言，在2nm产能的分配上仍有压力。",
        "MI300X的需求强劲，比2nm更紧张的是先进封装。",
        "AMD表示，MI300X的供应很大程度上取决于台积电2nm产能。",
        "AMD's MI300X is in demand, though TSMC's 3nm capacity is tight.",
        # a node's own line, costs, prices, yields, revenue, in a clause of its foundry
        "AMD的MI300X即将出货。台积电3纳米生产线目前满载运行。",
        "AMD的MI300X即将出货。台积电3纳米制造成本较5纳米高出约30%。",
        "AMD的MI300X即将出货。台积电3纳米代工价格明年将上涨5%。",
        "AMD的MI300X即将出货。台积电使用3纳米的营收占比已达26%。",
        "AMD的MI300X即将出货。中芯国际7纳米生产良率约为40%。",
        # a purchase or an interview is no adoption
        "AMD的MI300X于2023年底发布。据悉，该公司已采购台积电3纳米产能。",
        "MI300X的需求强劲，分析师在接受采访时称2nm仍然紧张。",
    ],
)
def test_a_node_no_chip_is_said_to_be_made_on_is_no_process_node(
    store: chipfacts.Store, text: str
) -> None:
    assert not [c for c in drafted(store, text) if c.attribute.id == "process_node"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("MI300X采用台积电5nm工艺。", 5),
        ("MI300X在台积电N3制程完成设计定案。", 3),
        ("MI300X业内普遍视为5nm级别。", 5),
        ("MI300X的製程約當5奈米。", 5),
        ("AMD为微软设计的3奈米AI推论晶片MI300X。", 3),
        ("The MI300X is built on TSMC's 5-nanometre process.", 5),
        # the node stated as the chip's, or where the chip is on it
        ("AMD MI300X芯片的制程为5纳米。", 5),
        ("MI300X晶片的製程為5奈米。", 5),
        ("MI300X芯片的工艺节点为5纳米。", 5),
        ("MI300X芯片在5nm节点上实现了高能效。", 5),
        ("MI300X是一款5纳米GPU。", 5),
        ("The 5nm MI300X has 153 billion transistors.", 5),
        ("The MI300X is a 5nm GPU.", 5),
    ],
)
def test_a_node_a_chip_is_made_on_is_its_process_node(
    store: chipfacts.Store, text: str, value: float
) -> None:
    nodes = [c.value for c in drafted(store, text) if c.attribute.id == "process_node"]
    assert nodes == [value]


def test_a_nodes_own_figure_glossed_after_its_name_stays(store: chipfacts.Store) -> None:
    text = "台积电N2（2nm）工艺的良率目前已提升至约70%。"
    assert [c.value for c in drafted(store, text) if c.attribute.id == "process_node"] == [2]


def test_a_measures_word_in_an_aside_names_no_figure(store: chipfacts.Store) -> None:
    text = "微软公司资本支出（含融资租赁）为398亿美元。"
    assert numbers(store, text) == [("microsoft", "capex", 39800000000)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("全球HBM市场中，SK海力士份额约为55%，三星电子与美光分别约为22%和21%。", "zh-Hans"),
        ("Micron held about 22% of the HBM market, behind SK hynix at 55%.", "en"),
    ],
)
def test_names_and_figures_listed_after_a_share_are_shares(
    store: chipfacts.Store, text: str, language: str
) -> None:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), language)
    found = draft_article(store, article_of(text, source), False)
    shares = {(c.entity_id, c.value) for c in found if c.attribute.id == "market_share"}
    assert {("sk-hynix", 55), ("samsung" if language != "en" else "micron", 22)} <= shares


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # Taipei's news: 元 is the New Taiwan dollar
        ("廣達第三季合併營收5,126億元，新台幣計價。", "TWD"),
        ("台北報導：廣達第三季合併營收5,126億元。", "TWD"),
        # Traditional Chinese that names the renminbi: 元 is the renminbi
        ("寒武紀第三季營收17.3億元人民幣，全年營收約60億元。", "yuan"),
        # Hong Kong's news, or a mainland company's with no word of Taiwan: not NT$
        ("騰訊第三季收入1,845億元，股價收報600港元。", "yuan"),
        ("華為去年營收8,621億元。", "yuan"),
        # a mainland sum in Taipei's news, its sentence naming the renminbi
        ("台北報導：中芯國際第三季營收約160億元陸幣。", "yuan"),
    ],
)
def test_a_traditional_articles_own_yuan_is_the_new_taiwan_dollar(
    store: chipfacts.Store, text: str, unit: str
) -> None:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), "zh-Hant")
    found = draft_article(store, article_of(text, source), False)
    assert {c.unit for c in found if c.unit in ("yuan", "TWD")} == {unit}


@pytest.mark.parametrize(
    ("text", "name", "maker"),
    [
        ("中芯国际的N+2工艺良率目前仅在50%上下。", "中芯国际N+2", "smic"),
        ("英特尔表示，18A工艺的良率已超过65%。", "18A", "intel"),
    ],
)
def test_a_process_talked_of_by_its_name_is_its_foundrys_product(
    store: chipfacts.Store, text: str, name: str, maker: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.unit == "percent"]
    assert found.new_entity is not None
    assert (found.new_entity.name, found.new_entity.maker, found.new_entity.kind) == (
        name,
        maker,
        "product",
    )


def test_only_before_a_listed_figure_goes_on_with_the_share(store: chipfacts.Store) -> None:
    text = "研调机构估计，SK海力士的市占率约为62%，美光约21%，三星仅约17%。"
    shares = {
        (c.entity_id, c.value) for c in drafted(store, text) if c.attribute.id == "market_share"
    }
    assert ("samsung", 17) in shares


@pytest.mark.parametrize(
    "text",
    ["R300的推理成本约为每百万token 4美分。", "该模型的推理成本降至每次查询0.3美分。"],
)
def test_a_cost_per_use_is_no_years_spending(store: chipfacts.Store, text: str) -> None:
    assert "annual_spend" not in {c.attribute.id for c in drafted(store, text)}


def test_a_sum_in_taipeis_news_is_in_nt_dollars_unless_its_sentence_names_the_renminbi(
    store: chipfacts.Store,
) -> None:
    text = "台北報導：廣達第三季合併營收5,126億元。中芯國際第三季營收約人民幣160億元。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), "zh-Hant")
    units = {c.value: c.unit for c in draft_article(store, article_of(text, source), False)}
    assert (units[5.126e11], units[1.6e10]) == ("TWD", "yuan")


def test_a_company_measure_a_person_speaks_of_is_their_employers(store: chipfacts.Store) -> None:
    text = (
        "鈺晶科技董事長林建宏表示，下一代將轉進台積電2奈米家族製程。"
        "展望後市，林建宏表示，全年毛利率目標維持在22%至26%之間。"
    )
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), "zh-Hant")
    (margin,) = [c for c in draft_article(store, article_of(text, source), False) if c.low == 22]
    assert margin.new_entity is not None and margin.new_entity.name == "Yujing Technology"


@pytest.mark.parametrize(
    "text",
    [
        "英伟达预计将因此损失约55亿美元的营收。",
        "Nvidia said it would lose about $5.5 billion in revenue because of the curbs.",
        "Nvidia expects to forgo roughly $5.5 billion in annual revenue.",
    ],
)
def test_revenue_lost_is_no_revenue(store: chipfacts.Store, text: str) -> None:
    language = "en" if text.isascii() else "zh-Hans"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), language)
    found = [c for c in draft_article(store, article_of(text, source), False) if c.unit == "USD"]
    assert [(c.entity_id, c.attribute.id, c.value) for c in found] == [
        ("nvidia", "lost_revenue", 5.5e9)
    ]


def test_a_company_named_before_the_figure_owns_it_over_the_speakers_employer(
    store: chipfacts.Store,
) -> None:
    text = "英伟达首席执行官黄仁勋在台积电活动上表示，台积电的毛利率将维持在60%。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 60] == ["tsmc"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("AMD的MI300X已采纳台积电5纳米制程。", 5),
        ("台北報導：該晶片的製程約當5奈米。MI300X採用此製程。", None),
    ],
)
def test_adopting_a_node_is_its_chips_node(
    store: chipfacts.Store, text: str, value: float | None
) -> None:
    nodes = [c.value for c in drafted(store, text) if c.attribute.id == "process_node"]
    assert value is None or nodes == [value]


def test_a_node_compared_is_no_chips_node(store: chipfacts.Store) -> None:
    text = "AMD的MI300X即将出货。2nm需求相当于3nm的1.5倍。"
    assert not [c for c in drafted(store, text) if c.attribute.id == "process_node"]


def test_sums_after_renminbi_hence_are_in_yuan(store: chipfacts.Store) -> None:
    text = "台北報導：中芯國際第三季營收為160億元（人民幣，下同）。淨利為15億元。"
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 11, 5), "zh-Hant")
    units = {c.unit for c in draft_article(store, article_of(text, source), False)}
    assert units == {"yuan"}


def test_a_loss_on_revenue_is_no_revenue_lost(store: chipfacts.Store) -> None:
    source = Source("news", "news.md", "News", "Test", PartialDate(2025, 11, 5), "en")
    text = "Intel lost about $2.9 billion on revenue of $13.3 billion."
    found = draft_article(store, article_of(text, source), False)
    assert "lost_revenue" not in {c.attribute.id for c in found}


@pytest.mark.parametrize("text", ["曜石S3支持RDMA。", "ConnectX-7支持400G网络带宽。"])
def test_a_counter_that_starts_a_word_counts_nothing(text: str) -> None:
    """支 in 支持 ("supports") after a model's number is no count of pieces."""
    assert not [q for q in find_quantities(fold_in_place(text), text) if q.unit == "pieces"]


@pytest.mark.parametrize(
    "text",
    [
        "集邦科技預估，輝達今年的市占率仍將維持在約七成；超微（AMD）則有望從去年的約8%提升至10%以上。",
        "英伟达今年的市场份额约为七成，AMD则将从去年的约8%升至约10%。",
    ],
)
def test_a_change_listed_after_a_share_is_a_change_of_share(
    store: chipfacts.Store, text: str
) -> None:
    """A clause of a name and its figures from one to another, no noun of its own: the
    list's measure, both figures."""
    found = [c for c in drafted(store, text) if c.attribute.id == "market_share"]
    assert {("nvidia", 70), ("amd", 8), ("amd", 10)} <= {(c.entity_id, c.value) for c in found}
    # what the share was is no forecast; what it will be is
    statuses = {c.value: c.status for c in found if c.entity_id == "amd"}
    assert (statuses[8], statuses[10]) == (Status.REPORTED, Status.FORECAST)


@pytest.mark.parametrize(
    "text",
    [
        "鴻海昨日收漲，外資單日合計買超三檔逾4萬張。",
        "外資已連續八個交易日買超鴻海，累計買超逾6,000張。",
        "台積電昨日成交量約5萬張。",
    ],
)
def test_lots_of_shares_traded_are_no_chips(store: chipfacts.Store, text: str) -> None:
    """張 in Taipei's stock news is a lot of a thousand shares, bought or sold."""
    source = Source("news", "news.md", "經濟日報", "Test", PartialDate(2025, 11, 5), "zh-Hant")
    assert [
        c.value for c in draft_article(store, article_of(text, source)) if c.unit == "gpus"
    ] == []


def test_a_products_own_revenue_is_the_products(store: chipfacts.Store) -> None:
    """Spectrum-X的年化营收: a product line's revenue, named right before it, not its
    maker's whole revenue."""
    text = (
        "英伟达的以太网平台Spectrum-X自2023年推出以来增长迅速。"
        "Spectrum-X的年化营收已超过140亿美元。"
    )
    (found,) = [c for c in drafted(store, text) if c.unit == "USD"]
    assert (found.entity_id, found.attribute.id) == ("spectrum-x", "revenue")


@pytest.mark.parametrize(
    "text",
    [
        "Maia 100的晶体管数量约1050亿个，搭载8颗HBM3E高带宽内存。",
        "Maia 100電晶體數量逾2,000億個，單顆搭載8顆SK海力士12層堆疊HBM3E。",
        "Maia 100整合約1,520億個電晶體，搭載 8 顆 SK 海力士 HBM3E。",
    ],
)
def test_stacks_of_memory_counted_are_the_chips_memory_no_figure(
    store: chipfacts.Store, text: str
) -> None:
    """The README keeps a chip's memory a text fact: its stacks counted are no
    transistors, nor an attribute of their own."""
    assert [c.value for c in drafted(store, text) if c.value in (8, 8.0)] == []


def test_put_into_operation_is_no_spending(store: chipfacts.Store) -> None:
    """投入运营 ("put into operation") near a PUE names no capital spending."""
    text = "微软的新集群一期将部署4096颗H100，设计PUE低于1.2，预计明年9月投入运营。"
    assert "capex" not in {c.attribute.id for c in drafted(store, text)}


def test_any_one_of_a_kind_is_no_thing_of_the_companys_own(store: chipfacts.Store) -> None:
    """ "any project that needs 1,024 or more of the chips": a rule for every project,
    Microsoft's, not its chip programme's (the store's project of Microsoft's)."""
    text = (
        "SEATTLE, Feb 19 – Microsoft has begun rationing access to its newest Nvidia GPUs "
        "among internal teams, requiring sign-off from a corporate vice president for any "
        "project that needs 1,024 or more of the chips."
    )
    source = Source("wire", "wire.md", "Wire", "Test", PartialDate(2026, 2, 19), "en")
    found = draft_article(store, article_of(text, source))
    assert {c.entity_id for c in found if c.value == 1024} == {"microsoft"}


# What a review found the rules above reaching into, kept as it should be.
@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # 为其 after a partner is the speaker's
        (
            "英伟达表示，与OpenAI的合作预计将为其带来超过1000亿美元收入。",
            1e11,
            ("nvidia", "revenue"),
        ),
        # a company holding shares, an order closed: chips all the same
        ("由英伟达持股的CoreWeave目前已部署超过25万张GPU。", 250000, ("coreweave", "cluster_gpus")),
        # smuggling said of another deed in the sentence
        (
            "尽管美方指控存在走私，字节跳动仍计划明年采购约20万颗H20。",
            200000,
            ("bytedance", "gpu_order"),
        ),
        # an approval of the project, in another clause
        (
            "该智算中心项目须经国家发改委审批，阿里云计划部署超过2万张GPU。",
            20000,
            ("alibaba", "gpu_order"),
        ),
        # a renting business
        ("国内算力租赁厂商百度智能云已部署约2万张GPU。", 20000, ("baidu", "cluster_gpus")),
    ],
)
def test_the_reviews_over_reaches_stay_mended(
    store: chipfacts.Store, text: str, value: float, expected: tuple[str, str]
) -> None:
    found = [(c.entity_id, c.attribute.id) for c in drafted(store, text) if c.value == value]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("当单机柜功率超过100千瓦时，必须采用液冷。", 1e5, "W"),  # 时 "when"
        ("该园区年耗电量约20亿千瓦时，相当于一座中型城市。", 2e12, "Wh"),
        ("B300搭载的HBM3E可提供8T的带宽。", None, None),  # memory's bytes, no link's bits
        ("The campus uses 5 kilowatt-hours per rack.", 5e3, "Wh"),
        ("该集群稳定运行时长已超过200万卡时，故障率低于1%。", 2e6, "gpu_hours"),
    ],
)
def test_the_reviews_units_stay_mended(text: str, value: float | None, unit: str | None) -> None:
    found = [(q.value, q.unit) for q in find_quantities(fold_in_place(text), text)]
    if unit is None:
        assert not [u for _, u in found if u == "bits/s"]
    else:
        assert (value, unit) in found


@pytest.mark.parametrize(
    ("text", "value", "attribute"),
    [
        (
            "AMD计划明年在宁夏建设一座200MW的液冷数据中心，预计总投资约80亿元。",
            2e8,
            "power_capacity",
        ),
        ("AMD去年建成一座约1.6万卡的智算中心，该中心的PUE约为1.15。", 16000, "cluster_gpus"),
        # a cluster's size before 的 introduces it as one
        ("AMD于明年上半年点亮一个3万卡规模的MI300X集群。", 30000, "cluster_gpus"),
        ("AMD计划建设一个超过10万卡的MI300X集群。", 100000, "cluster_gpus"),
    ],
)
def test_a_figure_in_the_description_of_a_site_introduced_as_one_is_its_size(
    store: chipfacts.Store, text: str, value: float, attribute: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value == value]
    site = found.new_entity
    assert site is not None and (site.kind, site.maker) == ("cluster", "amd")
    assert found.attribute.id == attribute


def test_a_site_the_article_introduces_later_is_no_site_of_the_sentences_before(
    store: chipfacts.Store,
) -> None:
    text = "AMD目前正在数据中心小批量部署。AMD计划于2026年底前在河北张北建设一座智算中心。"
    sited = {c.entity_id for c in drafted(store, text, True) if c.quote.startswith("AMD目前")}
    assert "amd-new-cluster" not in sited


def test_one_thing_counted_before_a_figure_names_no_measure_of_it(store: chipfacts.Store) -> None:
    # an example's site, no one's: nothing; a plant's capacity, named by its noun (总装机: the
    # "total" left out, as the glossary reads 装机)
    text = (
        "周明表示，一座100MW的智算中心满负荷运行一年，仅电费就要数亿元。"
        "华为计划在贵州兴建一座总装机2GW的电厂。"
    )
    assert numbers(store, text) == [("huawei", "installed_capacity", 2e9)]


@pytest.mark.parametrize(
    ("text", "chip", "maker"),
    [
        # a generation before a line's name: another model of the line
        ("谷歌第八代TPU已于今年1月完成流片，采用台积电2nm工艺。", "tpu-v8", "google"),
        # the line's next model, known by the code name its sentence gives it
        (
            "Meta表示，公司下一代MTIA芯片（内部代号“Kestrel”）已进入验证阶段，"
            "该芯片由博通协助设计，同样采用台积电3nm工艺。",
            "mtia-kestrel",
            "meta",
        ),
        ("創意拿下微軟下一代Maia AI加速器的設計案，該晶片代號為「Kauai」，將採用台積電2奈米製程。",
         "maia-kauai", "microsoft"),
    ],
)  # fmt: skip
def test_a_lines_next_or_numbered_generation_is_a_model_of_its_own(
    store: chipfacts.Store, text: str, chip: str, maker: str
) -> None:
    found = drafted(store, text, clauses_too=True)
    (node,) = [c for c in found if c.attribute.id == "process_node"]
    assert node.new_entity is not None and (node.entity_id, node.new_entity.maker) == (chip, maker)
    assert "purpose" not in {c.attribute.id for c in found}  # (a code name in brackets)


@pytest.mark.parametrize(
    ("text", "chip"),
    [("自2015年在内部部署第一代TPU以来，谷歌的TPU采用台积电工艺。", "tpu"),
     ("AMD计划在明年推出800G的第二代AI网卡，采用台积电3nm工艺。", "amd")],
)  # fmt: skip
def test_the_first_generation_is_the_lines_own_and_a_kind_is_no_line(
    store: chipfacts.Store, text: str, chip: str
) -> None:
    assert {c.entity_id for c in drafted(store, text, clauses_too=True)} <= {chip, "tsmc"}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # whose shares, between "price target" and its figure
        ("Kara Whitfield, an analyst, raised her price target on Broadcom to $480.",
         ("broadcom", "target_price", 480)),
        # the firms counted, named after the count (not the verb before it)
        ("博通目前已有5家XPU量产客户。", ("broadcom", "xpu_liangchankehu", 5)),
        # a count of things named by two words and their noun
        ("Broadcom said it now had 18 custom chip projects in development.",
         ("broadcom", "projects", 18)),
        # the first plural after the count, no participle between
        ("Meta said it operates 24 campuses hosting servers.", ("meta", "campuses", 24)),
    ],
)  # fmt: skip
def test_a_figure_is_named_by_what_it_counts_or_whose_it_is(
    store: chipfacts.Store, text: str, figure: tuple[str, str, float]
) -> None:
    assert numbers(store, text) == [figure]


def test_a_count_names_no_measure_by_a_joining_word_or_a_dash(store: chipfacts.Store) -> None:
    text = (
        "But two labs betting billions on AMD makes it a real second source. 2025 - Nvidia Systems"
    )
    assert numbers(store, text) == []


def test_chips_put_to_use_at_a_site_named_where_it_is_are_the_sites(
    store: chipfacts.Store,
) -> None:
    # a name in quotes said to be somewhere, written once: a site; the chips deployed
    # there are its, not those of whom they serve
    text = "甲骨文将在其位于北达科他州的“北极光”数据中心为OpenAI部署逾6万颗英伟达B300 GPU。"
    (found,) = [c for c in drafted(store, text) if c.value == 60000]
    assert found.new_entity is not None and found.new_entity.kind == "cluster"
    assert "北极光" in found.new_entity.aliases


def test_a_companys_one_cluster_said_to_be_somewhere_is_named_by_its_place(
    store: chipfacts.Store,
) -> None:
    text = "AMD规模最大的单一集群位于内蒙古和林格尔新区，由约6000张MI300X组成。"
    (found,) = [c for c in drafted(store, text) if c.value == 6000]
    assert found.new_entity is not None
    assert (found.new_entity.name, found.new_entity.maker) == ("和林格尔新区的集群", "amd")


def test_a_sum_given_again_in_dollars_is_the_measure_before_and_a_conversion_out_of_them_none(
    store: chipfacts.Store,
) -> None:
    text = (
        "台积电第四季合并营收达新台币1兆468亿元，以美元计为335.2亿美元。"
        "寒武纪2024年营收为人民币12.4亿元（约新台币54亿元）。"
    )
    assert numbers(store, text) == [
        ("tsmc", "revenue_twd", 1046800000000),
        ("tsmc", "revenue", 33520000000),
        ("cambricon", "revenue_yuan", 1240000000),
    ]


def test_chips_said_to_be_put_at_a_site_after_their_count_are_the_sites(
    store: chipfacts.Store,
) -> None:
    text = "博通为OpenAI设计的芯片首批约10万颗将部署在OpenAI位于得克萨斯州的“赤岩”数据中心。"
    (found,) = [c for c in drafted(store, text) if c.value == 100000]
    assert found.new_entity is not None and "赤岩" in found.new_entity.aliases


def test_funds_raised_are_fundraising_not_spending(store: chipfacts.Store) -> None:
    assert numbers(store, "寒武纪拟募集资金68亿元。") == [("cambricon", "fundraising_yuan", 6.8e9)]


def test_a_clause_of_a_change_is_named_by_the_clause_before_it(store: chipfacts.Store) -> None:
    text = (
        "受此影响，寒武纪来自海外客户的营收比重，已由2022年的逾三成降至目前不足5%。"
        "寒武纪表示，从签约到交机只用了不到5个月。"
    )
    assert numbers(store, text) == [
        ("cambricon", "revenue_share", 30),
        ("cambricon", "revenue_share", 5),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("约10^27次浮点运算", 1e27),
        ("约为3×10^26次浮点运算", 3e26),
        ("about 2.5 x 10^25 FLOPs", 2.5e25),
    ],
)
def test_a_power_of_ten_is_the_whole_number_never_its_digits(text: str, value: float) -> None:
    (found,) = find_quantities(fold_in_place(text), text)
    assert found.value == value and "^" in text[found.start : found.end]


def test_a_company_named_only_where_an_event_happens_is_no_subject_of_it(
    store: chipfacts.Store,
) -> None:
    text = "AMD的新一代加速器MI450设计完成，已于去年12月在台积电完成流片，采用3nm工艺。"
    (found,) = [c for c in drafted(store, text, True) if c.attribute.id == "tape_out"]
    assert (found.entity_id, str(found.value)) == ("mi450", "2024-12")


@pytest.mark.parametrize(
    "text",
    [
        # a review's and a probe's sentences: sites of an example, a condition, a measure,
        # each one built, one few have, one helped to; none is a site of its own
        "微软表示，要建设一座300MW的数据中心，通常需要两年以上的时间。",
        "这笔投资相当于再建成一座1GW的数据中心。",
        "每建成一座100MW的数据中心，英伟达就能卖出数十亿美元的GPU。",
        "奥特曼希望每周都能建成一座1GW的数据中心。",
        "如果微软建成一座1GW的数据中心，其年耗电量将相当于100万户家庭。",
        "据估算，要点亮一个10万卡的集群，需要约150MW的电力。",
        "全球只有少数公司拥有一个10万卡以上的集群，微软是其中之一。",
        "以目前租金水准计算，一座B200集群约需四至五年才能回收成本。",
    ],
)
def test_a_site_of_an_example_is_no_site(store: chipfacts.Store, text: str) -> None:
    assert not [c for c in drafted(store, text) if c.new_entity and c.new_entity.kind == "cluster"]


@pytest.mark.parametrize(
    "text",
    [
        "谷歌下一代TPU将用于训练其代号为“Gemini Ultra”的模型。",
        "Meta下一代MTIA芯片已经流片，Meta同时启动了代号“Olympus”的项目。",
        "谷歌下一代TPU将于明年推出，英伟达下一代GPU代号为“Rubin”。",
        "Meta下一代MTIA芯片的代号尚未公布。",
    ],
)
def test_a_code_name_of_another_thing_makes_no_next_model(
    store: chipfacts.Store, text: str
) -> None:
    assert not [
        c for c in drafted(store, text, True) if c.new_entity and c.new_entity.kind == "chip"
    ]


def test_a_chinese_code_name_gives_a_next_model_an_id_of_its_own(store: chipfacts.Store) -> None:
    text = "谷歌下一代TPU芯片（内部代号“天枢”）将于明年量产。谷歌TPU的出货量今年约为250万颗。"
    found = {c.value: c.entity_id for c in drafted(store, text, True)}
    assert found[2500000] == "tpu" and "tpu-tianshu" in found.values()


@pytest.mark.parametrize(
    ("text", "chip"),
    [
        ("亚马逊第二代Trainium芯片采用台积电5nm工艺。", "trainium-v2"),
        ("OpenAI的第四代GPT模型采用台积电5nm工艺。", None),  # the store's GPT-4, no chip
        ("谷歌第四代Tensor芯片G4采用三星4nm工艺。", None),  # the designation after names it
    ],
)
def test_a_generation_names_a_new_model_only_of_a_chips_line(
    store: chipfacts.Store, text: str, chip: str | None
) -> None:
    proposed = {c.entity_id for c in drafted(store, text, True) if c.new_entity is not None}
    assert ({chip} if chip else set()) == proposed - {"google-g4"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the currency of the figure changed from
        ("大摩将台积电目标价由新台币1,388元上调至1,500元。",
         [("tsmc", "target_price_twd", 1388), ("tsmc", "target_price_twd", 1500)]),
        # funds raised before, used or left: no raise
        ("截至6月底，寒武纪已使用募集资金12亿元，剩余募集资金27亿元存放于专户。",
         [("cambricon", "annual_spend_yuan", 1.2e9), ("cambricon", "annual_spend_yuan", 2.7e9)]),
        # a change after a speaker: no measure named by 表示
        ("英伟达表示，从2023年的95%降至目前的接近零。", []),
        # a part counted out of a whole, in English
        ("Google now counts 7 of the 10 largest AI labs as TPU customers.", []),
        # a cockpit, no one seat; 突破 as a limit overcome, no bound
        ("英伟达座舱带宽提升至1000GB/s。", [("nvidia", "zuocang_bandwidth", 1e12)]),
        # a power of ten as written, however large
        ("xAI的Grok 4训练算力达到3×10^26 FLOP。", [("grok-4", "training_compute", 3 * 10**26)]),
    ],
)  # fmt: skip
def test_a_review_and_a_probe_of_this_rounds_rules(
    store: chipfacts.Store, text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert numbers(store, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a second probe's sentences: the figures of a site of an example, its size and its
        # clause's others where that clause names no one, are of nothing there is
        "英伟达称，一个10万卡集群足以训练GPT-5级别的模型。",
        "分析师指出，一座300MW的数据中心每年电费约2亿美元。",
        "深圳地铁集团今年营收为300亿元。深圳地铁表示，地铁客流创新高。",  # no company 地铁
    ],
)
def test_figures_of_an_example_or_a_citys_service_are_none(
    store: chipfacts.Store, text: str
) -> None:
    assert numbers(store, text) == []


def test_a_cluster_used_there_is_no_example(store: chipfacts.Store) -> None:
    text = "Meta已在一个约2.4万块GPU的训练集群中测试交换机。"
    assert numbers(store, text) == [("meta", "cluster_gpus", 24000)]


@pytest.mark.parametrize(
    "text",
    [
        "大摩将英伟达目标价上调至200美元。",
        "Kara Whitfield, an analyst, raised her price target on Nvidia to $200.",
    ],
)
def test_an_analysts_target_price_is_their_estimate_set_not_rounded(
    store: chipfacts.Store, text: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.value == 200]
    assert (found.attribute.id, found.status, found.bound) == (
        "target_price",
        Status.ESTIMATED,
        Bound.EXACT,
    )


@pytest.mark.parametrize(
    "text",
    [
        "英伟达第三季度营收增加$80亿至$570亿。",  # a rise, then the level
        "台积电股价约为$180到NT$1,100之间。",  # two currencies
        "Prices range from $180 to NT$1,100.",
    ],
)
def test_a_sign_repeated_after_至_is_a_range_only_in_the_same_hong_kong_or_taiwan_money(
    text: str,
) -> None:
    assert all(q.low is None for q in find_quantities(fold_in_place(text), text))


def test_rs_is_a_rupee_only_as_a_word_of_its_own() -> None:
    text = "It supports RS232 and RS485 ports; the plan costs Rs 500 crore."
    assert [(q.unit, q.value) for q in find_quantities(fold_in_place(text), text)] == [("INR", 5e9)]


def test_tenths_that_fall_are_two_shares_and_those_that_rise_one_range() -> None:
    def read(text: str) -> list[tuple[float | None, float | None, float | None]]:
        return [(q.value, q.low, q.high) for q in find_quantities(fold_in_place(text), text)]

    assert read("份额由三成至两成。") == [(30, None, None), (20, None, None)]
    assert read("份额为两成至三成。") == [(None, 20, 30)]
