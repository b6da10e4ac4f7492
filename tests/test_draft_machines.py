"""What `chipfacts draft` reads in news of supercomputers and switch chips: a machine
named in quotes as a new system, an edition of a list that is no rank, a level reached
by doubling, and a speaker who speaks at an event. Read against the shipped store's
vocabulary (its entities and attributes, none of its facts), as the benchmark reads a
new article."""

from __future__ import annotations

import pytest

import chipfacts
from chipfacts.draft.candidates import Candidate
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Status
from chipfacts.text.normalize import fold_in_place
from chipfacts.text.numbers import find_quantities
from tests.drafting import draft_news, entity_of


def drafted(store: chipfacts.Store, text: str, language: str = "zh-Hans") -> list[Candidate]:
    return draft_news(store, text, language, PartialDate(2026, 6, 15))


@pytest.mark.parametrize(
    ("text", "machine", "language"),
    [
        (
            "由慧与（HPE）为美国劳伦斯利弗莫尔国家实验室打造的新系统“红杉”（Redwood）首次参评即登顶。"
            "“红杉”共有5760个计算节点。",
            "redwood",
            "zh-Hans",
        ),
        (
            "理研與富士通（Fujitsu）26日宣布，新一代旗艦系統正式命名為「蒼穹」（Sokyu）。"
            "依照規劃，蒼穹將由約3,400個運算節點組成。",
            "sokyu",
            "zh-Hant",
        ),
    ],
)
def test_a_machine_named_in_quotes_as_a_new_system_is_a_cluster(
    vocabulary: chipfacts.Store, text: str, machine: str, language: str
) -> None:
    nodes = [c for c in drafted(vocabulary, text, language) if c.value in (5760, 3400)]
    assert [entity_of(c) for c in nodes] == [machine]
    assert nodes[0].new_entity is not None and nodes[0].new_entity.kind == "cluster"


@pytest.mark.parametrize("text", ["第67届全球超级计算机TOP500榜单", "第二轮招标结果", "第3期工程"])
def test_an_edition_or_a_round_is_no_rank(text: str) -> None:
    assert find_quantities(fold_in_place(text), text) == []


def test_a_rank_is_still_a_rank() -> None:
    text = "在Green500能效榜上排名第9"
    (rank,) = find_quantities(fold_in_place(text), text)
    assert (rank.value, rank.unit) == (9, "rank")


def test_gigaflops_are_flops() -> None:
    text = "能效约为每瓦60.5 GFlops"
    (found,) = find_quantities(fold_in_place(text), text)
    assert (found.value, found.unit) == (60.5e9, "flops")


def test_the_level_a_doubling_reaches_is_the_measure_named_before(
    vocabulary: chipfacts.Store,
) -> None:
    text = "博通表示，Tomahawk 7的交换容量将再翻一番至204.8Tbps。"
    (level,) = [c for c in drafted(vocabulary, text) if c.value == 204.8e12]
    assert level.attribute.id == "switching_capacity"


@pytest.mark.parametrize(
    "where",
    ["在接受本报记者采访时说", "在随后的财报电话会上表示", "于6月初的发表会上表示"],
)
def test_a_speaker_speaking_at_an_event_is_the_speaker(
    vocabulary: chipfacts.Store, where: str
) -> None:
    text = (
        "Tomahawk 6交换芯片累计出货已突破50万颗。"
        f"博通核心交换事业部副总裁施德文（Devin Shaw）{where}，"
        "下一代产品Tomahawk 7已进入设计后期，交换容量将再翻一番至204.8Tbps。"
    )
    (level,) = [c for c in drafted(vocabulary, text) if c.value == 204.8e12]
    assert entity_of(level) == "tomahawk-7"
    assert level.status in (Status.CLAIMED, Status.FORECAST)
    assert level.quote.startswith("博通核心交换事业部副总裁施德文")
