"""Whose figures a government's announcement carries, and the bodies that announce
them: read against the shipped store's vocabulary (its entities and attributes, none of
its facts), as the benchmark reads a new article."""

from __future__ import annotations

import pytest

import chipfacts
from chipfacts.draft.candidates import Candidate
from tests.drafting import draft_news, entity_of, proposed


def drafted(store: chipfacts.Store, text: str, language: str = "zh-Hans") -> list[Candidate]:
    return draft_news(store, text, language)


@pytest.mark.parametrize(
    ("text", "figure", "thing"),
    [
        (
            "印度电子和信息技术部（MeitY）21日公布“印度人工智能使命”（IndiaAI Mission）第二轮"
            "GPU算力服务招标结果，共有9家云服务商入围，合计承诺提供18693张GPU。",
            18693,
            "indiaai-mission",
        ),
        (
            "韩国科学技术信息通信部（MSIT）上周发布“国家AI计算中心”（National AI Computing "
            "Center）建设进展，首期将部署约1万张GPU。",
            10000,
            "national-ai-computing-center",
        ),
        (
            "越南科技部（MOST）日前公示“国家人工智能算力计划”（National AI Compute Plan）"
            "首批入围名单，三家企业合计将提供约6000张GPU。",
            6000,
            "national-ai-compute-plan",
        ),
    ],
)
def test_the_figures_of_results_announced_are_the_things_not_the_announcers(
    vocabulary: chipfacts.Store, text: str, figure: int, thing: str
) -> None:
    (found,) = [c for c in drafted(vocabulary, text) if c.value == figure]
    assert entity_of(found) == thing


@pytest.mark.parametrize(
    "text",
    [
        "台积电16日公布第三季度财报，营收达7596亿新台币。",
        "台积电16日公布第三季度业绩，其中北美客户营收约为5000亿新台币。",
    ],
)
def test_an_announcers_own_results_stay_its_own(vocabulary: chipfacts.Store, text: str) -> None:
    found = [c for c in drafted(vocabulary, text) if isinstance(c.value, int | float)]
    assert found
    assert {entity_of(c) for c in found} == {"tsmc"}


@pytest.mark.parametrize(
    ("text", "ident", "name"),
    [
        (
            "韩国科学技术信息通信部（MSIT）表示，今年将发放补贴约3000亿韩元。",
            "msit",
            "韩国科学技术信息通信部",
        ),
        ("据日本经济产业省（METI）介绍，补贴总额约为5000亿日元。", "meti", "日本经济产业省"),
        ("印度电子和信息技术部（MeitY）表示，补贴为3亿卢比。", "meity", "印度电子和信息技术部"),
        (
            "芯片公司瀚矽科技周三晚间向美国证券交易委员会（SEC）公开递交招股书，拟募资约3亿美元。"
            "美国证券交易委员会（SEC）表示，审核周期约为3个月。",
            "sec",
            "美国证券交易委员会",
        ),
    ],
)
def test_a_government_body_glossed_by_its_acronym_is_proposed_by_its_whole_name(
    vocabulary: chipfacts.Store, text: str, ident: str, name: str
) -> None:
    body = proposed(drafted(vocabulary, text))[ident]
    assert body.kind == "government"
    assert name in body.aliases


def test_a_filing_with_a_body_is_the_filers_not_the_bodys(vocabulary: chipfacts.Store) -> None:
    text = (
        "AI芯片公司瀚矽科技（Hansil Technology）周三晚间向美国证券交易委员会（SEC）"
        "公开递交F-1招股书。"
    )
    (filed,) = [c for c in drafted(vocabulary, text) if c.attribute.id == "ipo_filed"]
    assert entity_of(filed) == "hansil-technology"


@pytest.mark.parametrize(
    "text",
    [
        "“越南人工智能计划”（Vietnam AI Plan）今年将采购约3000张GPU。"
        "越南人工智能产业规模超过10亿美元。",
        "研究机构指出，韩国消费电子去年出货量约为5000万台，韩国消费电子厂商正加码AI。",
    ],
)
def test_a_word_of_the_trade_ending_in_a_suffix_is_no_company(
    vocabulary: chipfacts.Store, text: str
) -> None:
    companies = [e for e in proposed(drafted(vocabulary, text)).values() if e.kind == "company"]
    assert companies == []


@pytest.mark.parametrize(
    ("text", "person", "name"),
    [
        (
            "负责该计划的印度电子和信息技术部附加秘书阿尼尔·德什穆克（Anil Deshmukh）表示，"
            "补贴比例为40%。",
            "anil-deshmukh",
            "阿尼尔·德什穆克",
        ),
        ("曜芯光电董事会秘书许嘉宁表示，公司今年营收约为30亿元。", "xu-jianing", "许嘉宁"),
    ],
)
def test_a_secretary_is_a_title_before_a_name(
    vocabulary: chipfacts.Store, text: str, person: str, name: str
) -> None:
    found = proposed(drafted(vocabulary, text))[person]
    assert found.kind == "person"
    assert name in found.aliases  # not 书阿尼尔·德什穆克: the title's last character
    assert all(alias == name or not alias.endswith(name) for alias in found.aliases)


def test_a_latin_name_glossed_by_its_description_keeps_its_purpose(
    vocabulary: chipfacts.Store,
) -> None:
    # (a name and its gloss are one mention only for a Chinese name glossed in Latin)
    text = "在芯片算力之外,英偉達還強在擁有Base Command(AI訓練端到端軟件服務)等大量配套設施。"
    found = {(c.entity_id, c.attribute.id) for c in drafted(vocabulary, text, "zh-Hant")}
    assert ("base-command", "purpose") in found
