"""What `chipfacts draft` makes of another model of a line the store knows (Trainium3
beside Trainium, ConnectX-8 beside ConnectX-7): a new entity, of the same kind and
maker, that the clauses after it go on about; never the older model."""

from __future__ import annotations

from pathlib import Path

import pytest

import chipfacts
from chipfacts.draft.article import article_of
from chipfacts.draft.candidates import Candidate
from chipfacts.draft.classify import Class, classify
from chipfacts.draft.designations import name_other_models
from chipfacts.draft.extract import draft_article
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Source

STORE = """\
sources:
  - {id: old, file: old.md, title: 旧闻, publisher: Test, published: "2024-01-01",
     language: zh-Hans}
entities:
  - {id: amazon, name: Amazon, kind: company, aliases: [亚马逊, AWS]}
  - {id: nvidia, name: Nvidia, kind: company, aliases: [英伟达, 英偉達]}
  - {id: microsoft, name: Microsoft, kind: company, aliases: [微软, 微軟]}
  - {id: tsmc, name: TSMC, kind: company, aliases: [台积电, 臺積電]}
  - {id: google, name: Google, kind: company, aliases: [谷歌]}
  - {id: meta, name: Meta, kind: company}
  - {id: tpu, name: TPU, kind: chip, maker: google, aliases: [张量处理单元]}
  - {id: mtia-v1, name: MTIA v1, kind: chip, maker: meta, aliases: [MTIA]}
  - {id: trainium, name: Trainium, kind: chip, maker: amazon}
  - {id: connectx-7, name: ConnectX-7, kind: nic, maker: nvidia}
  - {id: ms-nic, name: Microsoft NIC, kind: nic, maker: microsoft}
attributes:
  - {id: process_node, label: Process node, type: number, unit: nm, description: Node.,
     synonyms: [制程]}
  - {id: transistor_count, label: Transistors, type: number, unit: transistors,
     description: Count., synonyms: [晶体管数量]}
  - {id: foundry, label: Foundry, type: text, description: Who makes it., synonyms: [代工]}
  - {id: similar_to, label: Similar to, type: text, description: Like., synonyms: [类似]}
  - {id: codename, label: Codename, type: text, description: Code name., synonyms: [代号]}
facts:
  - id: ms-nic-similar-to
    entity: ms-nic
    attribute: similar_to
    value: ConnectX-7
    status: reported
    as_of: "2024-01"
    source: old
    quote: 这款网卡类似于英伟达的ConnectX-7
    summary: Microsoft's NIC is like ConnectX-7.
"""
SOURCE = Source("news", "news.md", "芯片新闻", "Test", PartialDate(2025, 6, 10), "zh-Hans")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> chipfacts.Store:
    directory = tmp_path_factory.mktemp("store")
    (directory / "facts.yaml").write_text(STORE, encoding="utf-8")
    (directory / "old.md").write_text("这款网卡类似于英伟达的ConnectX-7。\n", encoding="utf-8")
    return chipfacts.load(directory / "facts.yaml", use_cache=False)


def drafted(store: chipfacts.Store, text: str) -> list[Candidate]:
    return draft_article(store, article_of(text, SOURCE), True)


@pytest.mark.parametrize(
    "text",
    [
        "AWS发布了第三代自研AI芯片Trainium3。该芯片由台积电代工，采用3nm制程，晶体管数量约为1800亿个。",
        "AWS發布了第三代自研AI芯片Trainium3。該芯片由臺積電代工，採用3nm製程，晶體管數量約為1800億個。",
    ],
)
def test_a_new_generation_is_a_new_entity_and_the_clauses_after_it_are_its(
    store: chipfacts.Store, text: str
) -> None:
    found = drafted(store, text)
    assert {(c.entity_id, c.attribute.id) for c in found} == {
        ("trainium3", "foundry"),
        ("trainium3", "process_node"),
        ("trainium3", "transistor_count"),
    }
    proposed = {c.new_entity for c in found}
    assert len(proposed) == 1
    (new,) = proposed
    assert new is not None
    assert (new.name, new.kind, new.maker) == ("Trainium3", "chip", "amazon")
    assert all(c.entity is None for c in found)


@pytest.mark.parametrize(
    ("text", "ident", "name", "maker"),
    [
        ("谷歌发布了TPU v7。该芯片由台积电代工，采用3nm制程。", "tpu-v7", "TPU v7", "google"),
        ("谷歌发布了TPUv7。该芯片由台积电代工，采用3nm制程。", "tpu-v7", "TPU v7", "google"),
        ("谷歌發布了TPU 第七代。該芯片由臺積電代工，採用3nm製程。", "tpu-v7", "TPU v7", "google"),
        ("Meta发布了MTIA v2。该芯片由台积电代工，采用5nm制程。", "mtia-v2", "MTIA v2", "meta"),
        ("Meta正在开发MTIA-T2。该芯片由台积电代工，采用3nm制程。", "mtia-t2", "MTIA-T2", "meta"),
        (
            "谷歌发布了TPU Gen 3。该芯片由台积电代工，采用3nm制程。",
            "tpu-gen-3",
            "TPU Gen 3",
            "google",
        ),
    ],
)
def test_a_line_and_a_version_is_a_new_model_and_the_clauses_after_it_are_its(
    store: chipfacts.Store, text: str, ident: str, name: str, maker: str
) -> None:
    found = drafted(store, text)
    assert {(c.entity_id, c.attribute.id) for c in found} == {
        (ident, "foundry"),
        (ident, "process_node"),
    }
    assert {(n.name, n.kind, n.maker) for c in found if (n := c.new_entity)} == {
        (name, "chip", maker)
    }


@pytest.mark.parametrize("text", ["Meta第二代芯片采用5nm制程。", "Google v2采用5nm制程。"])
def test_a_company_and_a_version_is_no_model(store: chipfacts.Store, text: str) -> None:
    assert all(c.new_entity is None for c in drafted(store, text))


def test_the_lines_name_before_its_new_model_only_says_what_it_is(
    store: chipfacts.Store,
) -> None:
    (found,) = drafted(store, "谷歌的第七代张量处理单元TPU v7采用3nm制程。")
    assert (found.entity_id, found.attribute.id) == ("tpu-v7", "process_node")


def test_the_store_model_itself_is_still_read_as_itself(store: chipfacts.Store) -> None:
    found = drafted(store, "AWS的Trainium由台积电代工，采用7nm制程。")
    assert {c.entity_id for c in found} == {"trainium"}
    assert all(c.new_entity is None for c in found)
    found = drafted(store, "Meta发布了MTIA v1。该芯片由台积电代工，采用7nm制程。")
    assert {c.entity_id for c in found} == {"mtia-v1"}
    assert all(c.new_entity is None for c in found)


def test_another_designation_is_not_corroborating_the_store_fact(store: chipfacts.Store) -> None:
    (similar,) = [
        c
        for c in drafted(store, "微软的网卡进入测试阶段。这款网卡类似于英伟达的ConnectX-8。")
        if c.attribute.id == "similar_to"
    ]
    assert similar.entity_id == "ms-nic"  # the maker's product is the object of 类似于
    assert classify(store, similar, SOURCE).kind is Class.NEW


def test_the_same_designation_still_corroborates(store: chipfacts.Store) -> None:
    (similar,) = [
        c
        for c in drafted(store, "微软的网卡进入测试阶段。这款网卡类似于英伟达的ConnectX-7。")
        if c.attribute.id == "similar_to"
    ]
    assert classify(store, similar, SOURCE).kind is Class.CORROBORATES


@pytest.mark.parametrize(
    ("first", "second", "other"),
    [
        ("类似于ConnectX-8", "类似于ConnectX-7", True),
        ("采用Trainium3", "采用Trainium", False),  # the store's name has no code to differ
        ("类似于ConnectX-7", "类似于ConnectX 7", False),
        ("类似于MI300X", "类似于H100", False),  # other lines: not two models of one
    ],
)
def test_two_models_of_one_line(first: str, second: str, other: bool) -> None:
    assert name_other_models(first, second) is other


@pytest.mark.parametrize("found_by", ["view", "owner"])
def test_a_database_found_damaged_is_rebuilt_once_for_the_store_and_its_proposals(
    found_by: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from chipfacts.draft.designations import ProposedStore

    fact_file = tmp_path / "facts.yaml"
    fact_file.write_bytes(chipfacts.builtin_path().read_bytes())
    store = chipfacts.load(fact_file)
    view = ProposedStore(store, [])
    # The database answers nothing sensible any more (as a damaged one would).
    damaged = sqlite3.connect(":memory:")
    object.__setattr__(store, "_db", damaged)
    if found_by == "owner":
        assert store.entities["mi300x"].name == "MI300X"
    assert view.entity_rows("maia100")  # asked again of the rebuilt database
    assert store.entities["h100"].name == "H100"
    assert view._db is store._db is not damaged
    assert capsys.readouterr().err.count("was damaged") == 1


def test_a_code_name_proposed_on_its_own_is_the_model_it_is_given_to(
    store: chipfacts.Store,
) -> None:
    text = (
        "Meta自研训练芯片“Phoenix”曝光\n\n"
        "Meta正在开发MTIA-T2，内部代号“Phoenix”。Phoenix采用台积电3nm制程，由台积电代工。"
    )
    found = drafted(store, text)
    proposed = {c.new_entity for c in found if c.new_entity is not None}
    assert {(e.id, e.aliases) for e in proposed} == {("mtia-t2", ("Phoenix",))}
    assert ("mtia-t2", "process_node") in {(c.entity_id, c.attribute.id) for c in found}


def test_a_code_name_of_the_stores_own_model_is_read_as_it(store: chipfacts.Store) -> None:
    text = "谷歌的TPU，内部代号“Ironwood”。“Ironwood”芯片采用台积电3nm制程。"
    found = drafted(store, text)
    assert all(c.new_entity is None for c in found)
    assert ("tpu", "process_node") in {(c.entity_id, c.attribute.id) for c in found}


def test_a_code_name_of_the_next_thing_after_a_model_is_the_next_things(
    store: chipfacts.Store,
) -> None:
    text = (
        "Meta宣布旗下MTIA-T2累计出货已突破15万颗，并首度揭露下一代交换平台，内部代号“Halden”。"
        "Halden平台计划明年量产，采用台积电3nm制程。Meta宣布旗下MTIA-T2已量产。"
    )
    found = drafted(store, text)
    proposed = {c.new_entity.id: c.new_entity for c in found if c.new_entity is not None}
    assert "halden" in proposed
    assert all("Halden" not in e.aliases for i, e in proposed.items() if i != "halden")
    assert ("halden", "process_node") in {(c.entity_id, c.attribute.id) for c in found}
    assert "xuanbu" not in proposed  # 宣布旗下: a verb, no organisation


def test_a_designation_with_letters_after_its_hyphen_is_written_alone(
    store: chipfacts.Store,
) -> None:
    """JH-X2, JH-X1: letters, a hyphen, a letter and digits, written again and again."""
    text = (
        "晶衡運算推出JH-X2。JH-X2採用台積電3奈米製程。"
        "上一代JH-X1採用台積電5奈米製程，JH-X1去年已出貨。"
    )
    found = {
        (c.new_entity.name if c.new_entity else c.entity_id, c.value)
        for c in drafted(store, text)
        if c.attribute.id == "process_node"
    }
    assert found == {("JH-X2", 3), ("JH-X1", 5)}
