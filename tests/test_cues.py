"""Cue words and sentences (chipfacts.text.cues)."""

from __future__ import annotations

import pytest

from chipfacts.text.cues import Cue, CueKind, find_cues, sentence_around


def kinds(text: str) -> list[tuple[CueKind, str]]:
    return [(cue.kind, cue.word) for cue in find_cues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据悉，微软计划推出", [(CueKind.HEARSAY, "据悉"), (CueKind.PLAN, "计划")]),
        ("據路透社報導，微軟曾表示", [
            (CueKind.HEARSAY, "據路透社報導"), (CueKind.PAST, "曾"), (CueKind.SPEECH, "表示"),
        ]),
        ("知情人士透露", [(CueKind.HEARSAY, "知情人士"), (CueKind.SPEECH, "透露")]),
        ("熟悉情况的人士称，据透露", [
            (CueKind.HEARSAY, "熟悉情况的人士"), (CueKind.SPEECH, "称"),
            (CueKind.HEARSAY, "据透露"),
        ]),
        ("也被爆将裁员，有媒体劇透", [
            (CueKind.HEARSAY, "被爆"), (CueKind.FORECAST, "将"), (CueKind.HEARSAY, "劇透"),
        ]),
        ("预计明年或将上市", [(CueKind.FORECAST, "预计"), (CueKind.FORECAST, "或将")]),
        ("公司拟收购", [(CueKind.PLAN, "拟")]),
        ("分析称成本为", [(CueKind.ESTIMATE, "分析称")]),
        ("据该公司介绍，芯片采用", [(CueKind.SPEECH, "据该公司介绍")]),
        # a currency between 约 and its number; a rule's ceiling (不得超过)
        ("约新台币58亿元，不得超过一成", [(CueKind.ABOUT, "约"), (CueKind.AT_MOST, "不得超过")]),
        # Taiwan's words: 可望 "is expected to", 預估 "projects"; an analyst's 分析，
        ("毛利率可望回升，法人預估出貨", [(CueKind.FORECAST, "可望"), (CueKind.FORECAST, "預估")]),
        ("吳雅婷分析，每股純益估約18元", [
            (CueKind.ESTIMATE, "分析"), (CueKind.ESTIMATE, "估"), (CueKind.ABOUT, "約"),
        ]),
        ("此前去年早在", [(CueKind.PAST, "此前"), (CueKind.PAST, "去年"), (CueKind.PAST, "早在")]),
        ("他否认并不会", [(CueKind.DENIAL, "否认"), (CueKind.DENIAL, "不会")]),
        ("大约3万颗，约 5 个", [(CueKind.ABOUT, "大约"), (CueKind.ABOUT, "约")]),
        ("将近一半", [(CueKind.ABOUT, "将近")]),
        ("超过 1 万个以上", [(CueKind.MORE_THAN, "超过"), (CueKind.MORE_THAN, "以上")]),
        # 突破 before a number (not a breakthrough)
        ("市值突破900亿港元，技术突破", [(CueKind.MORE_THAN, "突破")]),
        # …a currency between; not a limit overcome
        ("市值突破新台币30兆元", [(CueKind.MORE_THAN, "突破")]),
        ("已突破10万卡集群的互联瓶颈", []),
        # 规划 is a plan as 计划 is (今年规划新增约1,850柜, 园区规划总容量为300MW)
        ("微軟今年規劃新增約1,850櫃", [(CueKind.PLAN, "規劃"), (CueKind.ABOUT, "約")]),
        ("至少3倍，最多 10 个", [(CueKind.AT_LEAST, "至少"), (CueKind.AT_MOST, "最多")]),
        # a ceiling after its number: 以下, 以内
        ("PUE 1.15以下，100兆瓦以内", [(CueKind.AT_MOST, "以下"), (CueKind.AT_MOST, "以内")]),
        ("up to 80%", [(CueKind.AT_MOST, "up to")]),
        ("收费都不到一美分，低于 5 个", [(CueKind.LESS_THAN, "不到"), (CueKind.LESS_THAN, "低于")]),
        ("Nvidia reportedly said it expects about $20 billion", [
            (CueKind.HEARSAY, "reportedly"), (CueKind.SPEECH, "said"),
            (CueKind.FORECAST, "expects"), (CueKind.ABOUT, "about"),
        ]),
        ("GPT-5 may need more in May", [(CueKind.FORECAST, "may")]),
        ("It plans to buy at least 5,000, more than 80% and under $1 each", [
            (CueKind.PLAN, "plans to"), (CueKind.AT_LEAST, "at least"),
            (CueKind.MORE_THAN, "more than"), (CueKind.LESS_THAN, "under"),
        ]),
        ("数万颗、几千张、上亿元", [
            (CueKind.VAGUE, "数"), (CueKind.VAGUE, "几"), (CueKind.VAGUE, "上"),
        ]),
    ],
)  # fmt: skip
def test_cue_words_in_both_scripts(text: str, expected: list[tuple[CueKind, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "纽约的数据中心",
        "最近的报告",
        "将其虚拟化",
        "名称为",
        "说明书",
        "以上内容",
        "以下几点",
        "如以下所示",
        "对微软来说",
        "更不用说英伟达",
        "不足以说明",
        "分析师",
        "评估报告",
        "talk about chips",
        "over the years",
        "under way",
    ],
)
def test_look_alike_words_are_not_cues(text: str) -> None:
    assert find_cues(text) == []


def test_offsets_are_those_of_the_text_given() -> None:
    text = "雷科技：據悉，微軟將推出"
    for cue in find_cues(text):
        assert text[cue.start : cue.end] == cue.word
    assert find_cues(text)[0] == Cue(CueKind.HEARSAY, "據悉", 4, 6)


def test_the_longest_cue_wins_at_one_place() -> None:
    assert kinds("不超过十个") == [(CueKind.AT_MOST, "不超过")]
    assert kinds("即将发布") == [(CueKind.FORECAST, "即将")]


def test_a_sentence_runs_across_line_breaks_to_its_end() -> None:
    text = "第一句。第二\n句在这里，“引用”。\n\n第三段"
    start, end = sentence_around(text, 6, 8)
    assert text[start:end] == "第二\n句在这里，“引用”。"


def test_a_blank_line_ends_a_sentence() -> None:
    text = "标题没有句号\n\n正文一句。"
    assert text[slice(*sentence_around(text, 0, 2))] == "标题没有句号"
    assert text[slice(*sentence_around(text, 9, 10))] == "正文一句。"


def test_a_range_over_two_sentences_gives_both() -> None:
    text = "甲。乙！丙？"
    assert sentence_around(text, 0, 3) == (0, 4)
