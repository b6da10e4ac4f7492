"""What `chipfacts draft` makes of a claim whose subject is not named where it is made:
该设备, 该项目, 这家公司, 其, 他 and the clause that names nothing, in both scripts; and
of a date that is only what a ratio is measured against."""

from __future__ import annotations

import pytest

import chipfacts
from chipfacts.draft.article import article_of
from chipfacts.draft.candidates import Candidate
from chipfacts.draft.extract import draft_article
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Source

STORE = """\
sources: []
entities:
  - {id: microsoft, name: Microsoft, kind: company, aliases: [微软, 微軟]}
  - {id: google, name: Google, kind: company, aliases: [谷歌]}
  - {id: nvidia, name: Nvidia, kind: company, aliases: [英伟达, 英偉達]}
  - {id: openai, name: OpenAI, kind: company}
  - {id: reuters, name: Reuters, kind: company, aliases: [路透社]}
  - {id: tpu, name: TPU, kind: chip, maker: google}
  - {id: azure, name: Azure, kind: product, maker: microsoft}
  - {id: mai-1, name: MAI-1, kind: model, maker: microsoft}
  - {id: ms-2020, name: OpenAI's 2020 Microsoft supercomputer, kind: cluster, maker: microsoft}
  - {id: ms-cluster, name: Microsoft AI chip cluster, kind: cluster, maker: microsoft,
     aliases: [自有AI芯片集群]}
  - {id: sam-altman, name: Sam Altman, kind: person, aliases: [Altman, 奥特曼, 奧特曼]}
  - {id: altman-venture, name: Altman's chip venture, kind: project}
  - {id: openai-chips, name: OpenAI chip plan, kind: project, maker: openai,
     aliases: [OpenAI芯片计划]}
  - {id: tsmc, name: TSMC, kind: company, aliases: [台积电]}
  - {id: broadcom, name: Broadcom, kind: company, aliases: [博通]}
  - {id: maia100, name: Maia 100, kind: chip, maker: microsoft}
  - {id: copilot, name: Copilot, kind: product, maker: microsoft}
  - {id: ms-nic, name: Microsoft NIC, kind: nic, maker: microsoft, aliases: [网卡]}
  - {id: h100, name: H100, kind: chip, maker: nvidia}
  - {id: cx7, name: ConnectX-7, kind: nic, maker: nvidia}
  - {id: h200, name: H200, kind: chip, maker: nvidia}
attributes:
  - {id: cluster_gpus, label: GPUs in cluster, type: number, unit: gpus, description: GPUs.,
     synonyms: [GPU]}
  - {id: annual_output, label: Annual output, type: number, unit: gpus, description: Output.,
     synonyms: [产量, 产生]}
  - {id: fundraising, label: Fundraising, type: number, unit: USD, description: Money raised.,
     synonyms: [筹集]}
  - {id: performance_gain, label: Performance gain, type: number, unit: percent,
     description: Faster., synonyms: [性能, 提升]}
  - {id: cluster_size_ratio, label: Cluster size ratio, type: number, unit: x,
     description: Times larger., synonyms: [集群规模]}
  - {id: annual_savings, label: Annual savings, type: number, unit: USD, description: Saved.,
     synonyms: [节省]}
  - {id: gpu_order, label: GPUs ordered, type: number, unit: gpus, description: Ordered.,
     synonyms: [新增]}
  - {id: process_node, label: Process node, type: number, unit: nm, description: Node.,
     synonyms: [制程]}
  - {id: foundry, label: Foundry, type: text, description: Who makes it., synonyms: [代工]}
  - {id: workload, label: Workload, type: text, description: What it runs.,
     synonyms: [用于]}
  - {id: purpose, label: Purpose, type: text, description: What for., synonyms: [用途]}
  - {id: benefit, label: Expected benefit, type: text, description: Helps., synonyms: [好处]}
  - {id: availability, label: Availability, type: text, description: Supply.,
     synonyms: [供货]}
  - {id: supply_risk, label: Supply risk, type: text, description: Shortage.,
     synonyms: [短缺]}
  - {id: partners, label: Partners, type: text, description: Partners., synonyms: [合作伙伴]}
  - {id: demand, label: Demand, type: text, description: Demand., synonyms: [需求量]}
  - {id: production_growth, label: Production growth, type: number, unit: x,
     description: Output growth., synonyms: [产能]}
  - {id: used_by, label: Used or tested by, type: text, description: Users.,
     synonyms: [用户]}
facts: []
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> chipfacts.Store:
    directory = tmp_path_factory.mktemp("store")
    (directory / "facts.yaml").write_text(STORE, encoding="utf-8")
    return chipfacts.load(directory / "facts.yaml", use_cache=False)


def drafted(store: chipfacts.Store, text: str, clauses_too: bool = False) -> list[Candidate]:
    source = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2024, 2, 1), "zh-Hans")
    return draft_article(store, article_of(text, source), clauses_too)


def claims(store: chipfacts.Store, text: str) -> set[tuple[str, str]]:
    """The (entity, attribute) of each candidate, text facts from clauses too."""
    return {(c.entity_id, c.attribute.id) for c in drafted(store, text, clauses_too=True)}


def about(store: chipfacts.Store, text: str, attribute: str) -> str:
    (found,) = [c for c in drafted(store, text) if c.attribute.id == attribute]
    return found.entity_id


@pytest.mark.parametrize(
    "text",
    [
        "早在2020年，OpenAI就在微软的大型超级计算机上开发模型，该设备使用了1万张英伟达的GPU。",
        "早在2020年，OpenAI就在微軟的大型超級計算機上開發模型，該設備使用了1萬張英偉達的GPU。",
    ],
)
def test_a_demonstrative_refers_to_a_companys_product_described_not_named(
    store: chipfacts.Store, text: str
) -> None:
    # Of Microsoft's two clusters, the one its name calls a supercomputer
    assert about(store, text, "cluster_gpus") == "ms-2020"


def test_a_venture_introduced_as_new_is_its_founders_and_the_project_after_it(
    store: chipfacts.Store,
) -> None:
    text = (
        "OpenAI芯片计划进展缓慢。奥特曼讨论为一家新芯片企业筹集万亿美元的资金。"
        "该项目每年的产量将达到至少数千万颗。"
    )
    found = {c.attribute.id: c.entity_id for c in drafted(store, text)}
    assert found == {"fundraising": "altman-venture", "annual_output": "altman-venture"}


def test_its_gain_is_the_chip_spoken_of_not_the_company_speaking(store: chipfacts.Store) -> None:
    text = "谷歌公布了新一代TPU。谷歌表示，与上一代相比，其训练性能提升了60%。"
    assert about(store, text, "performance_gain") == "tpu"


def test_a_comparison_is_about_what_the_sentence_before_was_about(store: chipfacts.Store) -> None:
    text = "MAI-1仅使用了1.5万颗GPU进行训练。相比之下，谷歌的集群规模是微软的6至10倍。"
    assert about(store, text, "cluster_size_ratio") == "mai-1"


def test_a_clause_of_a_contrast_that_measures_nothing_is_its_own_subjects(
    store: chipfacts.Store,
) -> None:
    text = (
        "谷歌推出新一代TPU，采用台积电4nm工艺。"
        "相比之下，其第一代芯片K1于2023年推出，采用三星7nm工艺，主要面向语音识别。"
    )
    nodes = {c.value: c.entity_id for c in drafted(store, text) if c.attribute.id == "process_node"}
    assert nodes == {4: "tpu", 7: "k1"}
    # 较 of 较成熟 measures nothing against anything
    text = "谷歌推出新一代TPU，采用台积电4nm工艺。相比之下，微软的Maia 100采用较成熟的5nm工艺。"
    nodes = {c.value: c.entity_id for c in drafted(store, text) if c.attribute.id == "process_node"}
    assert nodes == {4: "tpu", 5: "maia100"}


@pytest.mark.parametrize("card", ["该卡", "这张卡", "此款加速卡"])
def test_该卡_is_the_card_named_before(store: chipfacts.Store, card: str) -> None:
    text = f"Maia 100采用5nm工艺，由台积电代工。微软的Azure也在扩张。{card}的性能提升了约30%。"
    assert about(store, text, "performance_gain") == "maia100"


def test_a_sentence_naming_nothing_hands_on_what_it_was_about(store: chipfacts.Store) -> None:
    text = "据介绍，Maia 100采用5nm工艺，由台积电代工。其训练性能提升约40%。显存带宽达3.2TB/s。"
    found = {c.value: c.entity_id for c in drafted(store, text)}
    assert (found[40], found[3.2e12]) == ("maia100", "maia100")


def test_what_a_figure_is_compared_with_after_a_description_is_not_its_subject(
    store: chipfacts.Store,
) -> None:
    text = (
        "他透露，相比同规模的ConnectX-7方案，Maia 100的网络成本低了约30%，"
        "而GPU利用率仍可维持在90%以上。"
    )
    found = {c.value: c.entity_id for c in drafted(store, text)}
    assert (found[30], found[90]) == ("maia100", "maia100")


def test_the_product_of_the_generation_before_is_what_a_multiple_is_measured_against(
    store: chipfacts.Store,
) -> None:
    """是上一代产品H100的1.9倍: the H100 is the baseline, the H200 the subject."""
    text = "英伟达透露，H200的FP16算力为每秒990万亿次，是上一代产品H100的1.9倍。"
    found = {c.value: c.entity_id for c in drafted(store, text)}
    assert found[1.9] == "h200"


def test_the_chip_is_never_the_one_an_aside_sets_against(store: chipfacts.Store) -> None:
    """相比之下，英伟达H100的…，Maia 100比其…。该芯片: the chip the text is on."""
    text = (
        "Maia 100的晶体管数量为1050亿个。相比之下，英伟达H100的晶体管数量为800亿个，"
        "Maia 100比其多出约三成。该芯片采用5nm工艺制造。"
    )
    found = {c.value: c.entity_id for c in drafted(store, text)}
    assert found[5] == "maia100"


def test_the_company_is_the_one_the_sentence_names(store: chipfacts.Store) -> None:
    text = "微软表示，这款芯片已在Azure使用，这让公司每年可以节省约10亿美元。"
    assert about(store, text, "annual_savings") == "microsoft"


def test_the_company_opening_a_sentence_is_the_one_the_text_is_on(
    store: chipfacts.Store,
) -> None:
    text = "微软公布财报，Azure营收增长约30%。公司同时将节省的约10亿美元，全部用于扩充Azure的算力。"
    assert about(store, text, "annual_savings") == "microsoft"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("英伟达称H100供不应求。微软今天发布Maia 100。芯片采用5nm工艺，由台积电代工。", "maia100"),
        ("微軟今天發布Maia 100，英偉達稱H100供不應求。晶片採用5nm製程。", "maia100"),
    ],
)
def test_the_chip_opening_a_sentence_is_the_chip_the_text_is_on(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    assert about(store, text, "process_node") == owner


def test_its_after_a_clause_naming_only_what_it_is_compared_with_is_the_subject_before(
    store: chipfacts.Store,
) -> None:
    text = "据微软介绍，Maia 100采用5nm工艺。与上一代H100相比，其性能提升约40%。"
    assert about(store, text, "performance_gain") == "maia100"


def test_the_source_of_a_report_is_no_subject_the_company_stands_for(
    store: chipfacts.Store,
) -> None:
    text = (
        "根据路透社掌握的内部讨论，OpenAI尚未决定是否推进。"
        "至少从去年开始，公司一直在讨论与英伟达等芯片制造商更紧密地合作。"
    )
    assert ("openai", "partners") in claims(store, text)
    assert not {e for e, _ in claims(store, text)} & {"reuters"}


def test_a_name_after_wei_is_who_it_is_for_not_the_subject(store: chipfacts.Store) -> None:
    text = "微软计划在明年为Azure新增约10万块英伟达GPU。"
    assert about(store, text, "gpu_order") == "microsoft"


def test_a_product_whose_figure_it_is_stays_its_subject(store: chipfacts.Store) -> None:
    text = "谷歌计划今年将TPU的产量提高到约200万颗。"
    assert about(store, text, "annual_output") == "tpu"


def test_the_company_whose_node_a_chip_uses_is_its_foundry(store: chipfacts.Store) -> None:
    found = claims(store, "谷歌公布了新一代TPU。该芯片采用台积电3nm制程。")
    assert {("tpu", "process_node"), ("tpu", "foundry")} <= found


def test_a_clause_opening_with_a_demonstrative_is_about_its_referent_not_the_speaker(
    store: chipfacts.Store,
) -> None:
    found = claims(store, "微软推出了Maia 100。微软首席技术官称，该芯片主要用于Copilot的推理。")
    assert ("maia100", "workload") in found


def test_the_one_name_after_a_claim_is_what_it_is_about(store: chipfacts.Store) -> None:
    assert ("openai", "supply_risk") in claims(store, "芯片短缺问题可能严重限制OpenAI的发展。")


def test_a_list_opening_its_clause_is_each_ones_subject(store: chipfacts.Store) -> None:
    found = claims(store, "英伟达仍是这场竞赛的赢家，其H100和H200仍然供不应求。")
    assert {("h100", "availability"), ("h200", "availability")} <= found


def test_it_is_the_thing_spoken_of_when_the_company_cannot_bear_the_claim(
    store: chipfacts.Store,
) -> None:
    found = claims(store, "微软正在开发新网卡。该公司还希望它能够提高服务器的性能。")
    assert ("ms-nic", "benefit") in found


@pytest.mark.parametrize(
    "text",
    ["谷歌公布了新一代TPU。该公司还在与博通合作设计下一代芯片。",
     "谷歌公布了新一代TPU。該公司還在與博通合作設計下一代芯片。"],
)  # fmt: skip
def test_this_company_is_the_last_company_named(store: chipfacts.Store, text: str) -> None:
    assert ("google", "partners") in claims(store, text)


def test_a_product_the_store_lacks_named_before_a_claim_is_proposed(
    store: chipfacts.Store,
) -> None:
    text = "英伟达的新品备受关注。英伟达的Blackwell芯片的需求非常惊人，AI芯片的需求也很大。"
    found = [c for c in drafted(store, text, clauses_too=True) if c.new_entity is not None]
    assert found[0].new_entity is not None
    assert (found[0].new_entity.id, found[0].new_entity.maker, found[0].attribute.id) == (
        "blackwell", "nvidia", "demand"
    )  # fmt: skip
    assert found[0].quote == "英伟达的Blackwell芯片的需求非常惊人"
    assert "entity" in [d.field for d in found[0].decisions]


def test_a_sentence_naming_nothing_goes_on_about_the_one_before(store: chipfacts.Store) -> None:
    (found,) = drafted(store, "微软推出了Maia 100。采用5nm制程。")
    assert (found.entity_id, found.attribute.id) == ("maia100", "process_node")
    assert not found.decisions  # said, not guessed


def test_used_for_in_the_passive_is_used_by_its_users(store: chipfacts.Store) -> None:
    found = claims(store, "谷歌公布了TPU。其TPU已经被OpenAI等客户用于训练大模型。")
    assert ("tpu", "used_by") in found and ("tpu", "workload") not in found


def test_a_test_run_at_named_users_is_used_by_them(store: chipfacts.Store) -> None:
    found = claims(store, "微软推出了Maia 100。这款芯片已经在微软和OpenAI的小团队中进行了测试。")
    assert ("maia100", "used_by") in found


def test_this_thing_right_after_a_company_is_the_companys_own(store: chipfacts.Store) -> None:
    text = "英伟达的ConnectX-7供不应求。微软开发这款新网络设备的目的除了为其节省资金外。"
    assert ("ms-nic", "benefit") in claims(store, text)


def test_a_clause_naming_nothing_goes_on_about_the_subject_not_a_possessor_or_object(
    store: chipfacts.Store,
) -> None:
    text = "奥特曼的讲话表明，微软希望在继续为 OpenAI 提供支持的同时，与博通展开合作。"
    assert ("microsoft", "partners") in claims(store, text)
    assert ("openai", "partners") not in claims(store, text)


def test_the_year_a_ratio_is_measured_against_is_not_its_date(store: chipfacts.Store) -> None:
    (found,) = drafted(store, "谷歌表示，该公司今年的TPU产能将提高到去年的3倍。")
    assert (found.attribute.id, found.value, found.as_of) == (
        "production_growth", 3, PartialDate(2024)
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "微软正在扩建一座AI超级计算机集群，规模将从目前的约1.5万颗GPU扩大到超过3万颗。",
        "微軟正在擴建一座AI超級計算機集群，規模將從目前的約1.5萬顆GPU擴大到超過3萬顆。",
    ],
)
def test_a_thing_introduced_as_new_is_not_the_store_entity_it_resembles(
    store: chipfacts.Store, text: str
) -> None:
    # Not ms-2020 (whose name says supercomputer): a new cluster, proposed
    found = drafted(store, text)
    assert [c.entity_id for c in found] == ["microsoft-new-cluster"] * 2
    new = found[0].new_entity
    assert new is not None and (new.kind, new.maker) == ("cluster", "microsoft")


def test_what_a_named_thing_is_said_to_be_is_no_new_thing(store: chipfacts.Store) -> None:
    text = "Maia 100是一款AI加速芯片，采用5nm制程。"
    assert about(store, text, "process_node") == "maia100"


def test_a_speakers_title_names_no_subject(store: chipfacts.Store) -> None:
    # Azure in the title of a person the store lacks is whose officer he is
    text = "微软Azure网络部门负责人、副总裁艾伦·卡特（Alan Carter）表示，新网卡可将性能提升约30%。"
    assert about(store, text, "performance_gain") == "ms-nic"


def test_the_new_one_is_the_thing_the_text_is_on_not_what_it_was_compared_with(
    store: chipfacts.Store,
) -> None:
    text = (
        "微软的网卡已进入测试阶段。这款网卡类似于英伟达的ConnectX-7。"
        "他预计，新网卡可将性能提升约30%。"
    )
    assert about(store, text, "performance_gain") == "ms-nic"


def test_a_designation_in_a_sentence_naming_nothing_else_is_still_proposed(
    store: chipfacts.Store,
) -> None:
    text = (
        "其中，VX-900于2025年6月发布，采用台积电5nm工艺。该芯片去年出货约6.2万颗。"
        "VX-500则采用7nm工艺。"
    )
    nodes = {c.value: c.entity_id for c in drafted(store, text) if c.attribute.id == "process_node"}
    assert nodes[7] == "vx-500"


@pytest.mark.parametrize(
    ("text", "taker"),
    [
        ("台积电今年的产能约为12万片，其中约60%被英伟达预订。", "nvidia"),
        ("台積電今年的產能約為12萬片，其中超過一半被谷歌包下。", "google"),
        ("台积电今年的产能约为12万片，其中约60%已被英伟达预订，其余被博通拿下。", "nvidia"),
    ],
)
def test_a_share_taken_by_someone_after_bei_is_theirs(
    store: chipfacts.Store, text: str, taker: str
) -> None:
    shares = [c for c in drafted(store, text) if c.value in (60, 50)]
    assert [c.entity_id for c in shares] == [taker]


@pytest.mark.parametrize(
    "text",
    [
        "台积电今年的产能约为12万片，其中约60%被用于生产英伟达的芯片。",
        # a name whose thing is the agent (…的出口管制), not the taker
        "台积电今年的营收约为900亿美元，其中约60%被英伟达的出口禁令影响。",
    ],
)
def test_a_share_with_no_taker_after_bei_stays_with_the_subject(
    store: chipfacts.Store, text: str
) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.value == 60] != ["nvidia"]


def test_every_name_listed_after_a_count_is_counted_not_the_subject(
    store: chipfacts.Store,
) -> None:
    text = "微软完成了一轮融资。这笔资金将主要用于采购约5万块H100和H200。"
    assert about(store, text, "gpu_order") == "microsoft"


def test_the_company_is_not_someones_past_employer(store: chipfacts.Store) -> None:
    text = (
        "微软发布了新芯片。其负责人早年在美国工作，曾任英伟达图形事业部高级总监。"
        "该公司今年将新增约2万块GPU。"
    )
    assert [c.entity_id for c in drafted(store, text) if c.value == 20000] == ["microsoft"]


def test_a_chip_counted_after_of_which_is_part_of_the_fleet_before(
    store: chipfacts.Store,
) -> None:
    text = "微软目前部署了约4.2万张GPU，其中H100约2.6万张。"
    fleet, part = drafted(store, text)
    assert (fleet.entity_id, part.entity_id) == ("microsoft", "microsoft")
    # a count of its own, no second total of the fleet
    assert part.attribute.id != fleet.attribute.id and part.proposes_attribute


def test_a_maker_before_which_of_its_products_is_no_subject(store: chipfacts.Store) -> None:
    text = "微软下一代Maia 100预计明年量产，每年产量将达到约100万颗。"
    assert about(store, text, "annual_output") == "maia100"


def test_a_name_in_a_clause_of_circumstances_is_no_subject(store: chipfacts.Store) -> None:
    text = "由于微软持续扩产，谷歌今年的采购计划有变，明年将新增约2万块GPU。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 20000] == ["google"]


def test_a_count_of_a_compared_clauses_own_subject_is_its_own(store: chipfacts.Store) -> None:
    text = "谷歌的集群规模有限。相比之下，微软也计划在明年底前拥有相当于130万块H100的算力。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 1300000] == ["microsoft"]


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI宣布启动“OpenAI芯片计划”。项目方还计划采购4000颗H100。",
        "OpenAI宣布启动“OpenAI芯片计划”。另外，项目公司计划采购4000颗H100。",
    ],
)
def test_the_projects_party_is_the_project(store: chipfacts.Store, text: str) -> None:
    """项目方, 项目公司: the project the text is on, not the chip it buys."""
    (found,) = [c for c in drafted(store, text) if c.value == 4000]
    assert found.entity_id == "openai-chips"


@pytest.mark.parametrize(
    "text", ["英伟达今年H200的出货量约为65万颗。", "英伟达今年H200出货约65万颗。"]
)
def test_a_chip_joined_to_the_verb_that_names_its_figure_owns_it(
    store: chipfacts.Store, text: str
) -> None:
    """出货量 names the figure where no attribute word does: the chip right before it,
    not the company opening the sentence, is what ships."""
    (found,) = [c for c in drafted(store, text) if c.value == 650000]
    assert (found.entity_id, found.attribute.id) == ("h200", "shipments")


def test_a_place_before_the_verb_is_no_owner_of_the_figure(store: chipfacts.Store) -> None:
    text = "谷歌旗下研发的芯片“TPU”已在Azure部署超过3万片。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 30000] == ["tpu"]


@pytest.mark.parametrize("word", ["现在", "正在", "由于"])
def test_a_word_ending_in_zai_or_yu_marks_no_place(store: chipfacts.Store, word: str) -> None:
    """现在, 正在, 由于 end in 在 or 于 but mark no place: the chip after them owns its output."""
    text = f"英伟达{word}H200的产量约为65万颗。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 650000] == ["h200"]


def test_its_customer_is_no_thing_of_its_own(store: chipfacts.Store) -> None:
    """其客户微软…，单颗售价…: a customer 其 introduces is no subject of the clauses
    after it; the sentence goes on about the one before's."""
    text = "英伟达今年推出了新一代芯片。其客户微软在发布会上透露，单颗售价约3万美元。"
    assert [c.entity_id for c in drafted(store, text) if c.value == 30000] == ["nvidia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chip by the Latin word of its kind, after a demonstrative
        (
            "AMD此前表示，Helios将搭载72颗Instinct MI450 GPU。该GPU采用台积电2nm工艺制造。",
            [("instinct-mi450", 2)],
        ),
        # its chips at large, or a batch of them, are no chip referred to
        ("亚马逊经由其ASIC设计伙伴下单的比重约为12%。", []),
    ],
)
def test_a_demonstrative_before_the_latin_word_of_a_chips_kind_refers_to_the_chip(
    store: chipfacts.Store, text: str, expected: list[tuple[str, float]]
) -> None:
    found = [
        (c.entity_id, c.value) for c in drafted(store, text) if c.attribute.id == "process_node"
    ]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "博通为谷歌设计TPU。该ASIC项目每年为博通带来约80亿美元营收。",
        "微软从英伟达采购了约48.5万颗Hopper GPU。该GPU采购量是其竞争对手的两倍多。",
    ],
)
def test_a_demonstrative_before_a_chips_kind_and_another_noun_is_no_chip(
    store: chipfacts.Store, text: str
) -> None:
    """该ASIC项目 is a project, 该GPU采购量 a purchase: the figure is no chip's."""
    numbers = [c for c in drafted(store, text) if c.unit is not None]
    assert numbers and all(
        (c.new_entity.kind if c.new_entity else store.entities[c.entity_id].kind) != "chip"
        for c in numbers[-1:]
    )


def test_an_officer_of_the_company_referred_to_works_for_it(store: chipfacts.Store) -> None:
    """该公司创始人兼首席执行官林卓然: the company the text is on (not the one it deals
    with, nor one its team came from) is whom 公司 means when he speaks."""
    text = (
        "国产AI芯片初创公司深流智算（DeepFlow）昨日发布推理芯片，核心团队多来自海思和AMD。"
        "该公司已与台积电签订长期供货协议。"
        "该公司创始人兼首席执行官林卓然在发布会上表示，产品已交付客户。"
        "林卓然表示，公司计划将研发团队从目前的约600人扩充至1000人以上。"
    )
    owners = {c.entity_id for c in drafted(store, text) if c.unit == "people"}
    assert owners == {"deepflow"}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # a company inside the object is no subject, nor the last of a list
        ("沐曦获得中国移动的订单。该公司创始人陈维良称，公司员工人数已超过1200人。", "沐曦"),
        ("寒武纪与百度、阿里巴巴均有合作。该公司总裁陈天石表示，公司员工约有1200人。", "寒武纪"),
    ],
)
def test_the_company_an_officer_is_introduced_with_is_the_sentences_subject(
    store: chipfacts.Store, text: str, owner: str
) -> None:
    (found,) = [c for c in drafted(store, text) if c.unit == "people"]
    named = found.new_entity.name if found.new_entity else store.entities[found.entity_id].name
    assert owner in (named, *(found.new_entity.aliases if found.new_entity else ()))


@pytest.mark.parametrize(
    "text",
    [
        # a fund's owner and an object, after a sentence naming no company
        "微软发布了新芯片。微软今年完成了一轮融资。知情人士透露，本轮融资由谷歌旗下的基金领投。"
        "该公司今年将新增约2万块GPU。",
        "微软发布了新芯片。微软今年完成了一轮融资。知情人士透露，投资方包括谷歌。"
        "该公司今年将新增约2万块GPU。",
        # a fund's owner, then a sentence naming no company
        "微软发布了新芯片。微软今年完成了一轮融资，谷歌旗下基金跟投。知情人士透露，本轮估值约140亿元。"
        "该公司今年将新增约2万块GPU。",
        "微軟發布了新晶片。微軟今年完成了一輪融資。知情人士透露，本輪融資由谷歌旗下的基金領投。"
        "該公司今年將新增約2萬塊GPU。",
    ],
)
def test_the_company_is_the_storys_not_a_funds_owner_or_an_object(
    store: chipfacts.Store, text: str
) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.value == 20000] == ["microsoft"]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # an example the text turns to is its topic
        ("微软发布了新芯片，微软称其性能领先。一些公司进展不顺，例如谷歌的芯片计划屡屡受挫。"
         "该公司今年将新增约2万块GPU。", "google"),
        # 对…而言 names the topic, no object of 对
        ("微软发布了新芯片，微软称其性能领先。对谷歌而言，这款芯片很重要。"
         "该公司今年将新增约2万块GPU。", "google"),
        ("微软发布了新芯片，微软称其性能领先。对于谷歌来说，这款芯片很重要。"
         "该公司今年将新增约2万块GPU。", "google"),
    ],
)  # fmt: skip
def test_a_company_given_as_an_example_or_a_topic_is_the_one_referred_to(
    store: chipfacts.Store, text: str, company: str
) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.value == 20000] == [company]


@pytest.mark.parametrize(
    "text",
    [
        # a price set against another's, a few words of what between
        "微软的新芯片价格较同级的英伟达H100云端实例便宜约两成。",
        # a baseline of its class (同级别), its stack's height before it (12层)
        "微软的新芯片功耗比同级别的英伟达H100低约30%。",
    ],
)
def test_a_figure_set_against_anothers_is_not_the_others(store: chipfacts.Store, text: str) -> None:
    assert [c.entity_id for c in drafted(store, text) if c.unit is not None] != ["h100"]


def test_this_system_described_at_length_is_the_one_named_before(
    store: chipfacts.Store,
) -> None:
    text = (
        "微软的超级计算机“雷鸣”今天投入运行。这台由微软主导建设、台积电负责芯片代工的超算，"
        "共搭载12288块GPU。"
    )
    (count,) = [c for c in drafted(store, text) if c.value == 12288]
    assert count.entity_id == "leiming"  # the supercomputer named in quotes


_LISTED_COMPANY = "上海曦岭智芯科技股份有限公司（下称“曦岭智芯”）的科创板IPO申请已获受理。"


@pytest.mark.parametrize("before", ["该公司主力产品", "公司的旗舰芯片", "这家公司最新的"])
def test_the_product_named_after_the_company_referred_to_is_its_and_has_the_figure(
    store: chipfacts.Store, before: str
) -> None:
    text = (
        f"{_LISTED_COMPANY}出货方面，{before}岭云T100训练卡去年出货量约2.1万张。"
        "据悉，岭云T100采用7nm工艺。"
    )
    (shipped,) = [c for c in drafted(store, text) if c.value == 21000]
    assert shipped.entity_id == "lingyun-t100"
    assert shipped.new_entity is not None and shipped.new_entity.maker is not None


def test_two_products_named_together_leave_the_figure_to_the_company(
    store: chipfacts.Store,
) -> None:
    text = (
        "英伟达执行长黄仁勋上月表示，Blackwell系列芯片“需求高得惊人”，"
        "公司至明年底的Blackwell与Rubin订单已超过5000亿美元。"
    )
    (orders,) = [c for c in drafted(store, text) if c.value == 500000000000]
    assert orders.entity_id == "nvidia"


@pytest.mark.parametrize(
    "text",
    [
        "微软执行副总裁沈向洋表示，新芯片将于年底出货。沈向洋坦言，英伟达仍握有"
        "数据中心AI芯片市场逾八成的份额，「我们希望在2027年前拿下两成份额」。",
        "微软执行副总裁沈向洋表示，新芯片将于年底出货。“今年我们拿下两成份额，”沈向洋说。",
    ],
)
def test_we_in_a_quotation_is_the_speakers_company(store: chipfacts.Store, text: str) -> None:
    (share,) = [c for c in drafted(store, text) if c.value == 20]
    assert share.entity_id == "microsoft"
