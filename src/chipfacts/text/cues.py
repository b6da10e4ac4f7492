"""Cue words: the words in a Chinese news sentence that say how sure it is.

A sentence's status shows in small words. 据悉 ("it is understood") and 知情人士
("people familiar") mark hearsay; 表示 and 称 mark a speaker; 预计 and 有望 a
forecast; 计划 and 拟 a plan; 曾 and 去年 an earlier time; 约, 超过 and 不到 how
exact a number is. English articles have the same cues (reportedly, said, expects,
plans to, about, more than, under), as whole words. ``find_cues`` finds them,
``sentence_around`` finds the sentence a quote sits in, so that a curator's fields
can be checked against the text.

Both scripts are read: the text is matched in its Simplified form (OpenCC, one
character for one character, so offsets stay those of the text given), and the
word lists are Simplified.

A single character such as 将, 近 or 数 is a cue only where its context makes it
one: 近 before a number (not 最近 "recently"), 数 before a magnitude (数万, not
数据 "data"), 拟 not inside 虚拟 ("virtual"), 约 not inside 纽约 ("New York").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from chipfacts.text.normalize import to_simplified


class CueKind(Enum):
    """What a cue word says about its sentence."""

    HEARSAY = "hearsay"  # the source is unnamed or second-hand
    SPEECH = "speech"  # a speaker's words
    FORECAST = "forecast"  # something expected, not yet so
    PLAN = "plan"  # an intention
    ESTIMATE = "estimate"  # a figure worked out, not counted
    PAST = "past"  # something that happened before the article's date
    DENIAL = "denial"  # a statement that something is not so
    ABOUT = "about"  # a rounded number
    MORE_THAN = "more_than"  # a number exceeded
    AT_LEAST = "at_least"  # a floor
    AT_MOST = "at_most"  # a ceiling
    LESS_THAN = "less_than"  # a number not reached
    VAGUE = "vague"  # "some tens of thousands": a lower bound, no exact number


@dataclass(frozen=True)
class Cue:
    """One cue word: its kind, the word as found, and its offsets in the text."""

    kind: CueKind
    word: str
    start: int
    end: int


# Digits, Chinese numerals and magnitudes: what "before a number" looks for.
_NUMERAL = r"(?:\s*[0-9０-９一二两三四五六七八九十百千万亿半几数])"
# A currency written before its number (约新台币58亿元, 约US$10亿).
_CURRENCY = (
    r"(?:\s*(?:新台币|新台幣|台币|台幣|人民币|人民幣|美元|港元|港币|日元|韩元|韓元|欧元|us\$|\$))?"
)
_MAGNITUDE = r"[十百千万亿]"
_COUNTED = r"[0-9十百千万亿个张颗台元倍%瓦周天钟片块卡柜人]"  # what ends a number and its unit
# What follows an object marked by 将, within its clause: 给, 成, 作为, 到 (not 达到), 化.
_DISPOSAL = r"[^，。！？；,;!?]*?(?:给|成|作为|(?<!达)到|化)"
# An English number ahead: "$48.1 billion", "80%", "10,000", "a billion", "half".
_FIGURE = (
    r"(?=\s*(?:US)?\$?\s*(?:\d|a (?:million|billion|trillion)|half\b|a (?:third|quarter)\b|"
    r"(?:two|three) (?:thirds|quarters)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:million|billion|trillion|times)\b))"
)
# What follows a bound after its number: a stop, "of", or what is counted (a name with
# a digit, GPUs) — not "than", nor an adjective ("or less powerful H20s").
_BOUND_ENDS = (
    r"(?i:(?=\s*(?:[,.;:)\"”]|$)|\s+(?:of\b|[a-z]*\d|(?:gpus?|chips?|accelerators?|units?"
    r"|cards?|servers?|racks?|nodes?)\b)))"
)
# Whole English words only, in any case.
_ENGLISH = r"(?i:\b(?:{})\b)"

# The bounds written right after their number (1万个以上, 1.15以下, 三成左右): the
# only cues that bound a number before them.
AFTER_THE_NUMBER = frozenset(
    {"左右", "以上", "以下", "以内", "or more", "or above", "or higher", "or fewer", "or less"}
)

# (kind, pattern) in priority order: where two match at one place, the longer
# match wins, and between equal lengths the earlier entry (so 将近 is ABOUT, not
# FORECAST, and 不会 is DENIAL, not FORECAST).
_CUES: tuple[tuple[CueKind, str], ...] = (
    (CueKind.HEARSAY, r"据悉|据了解|据称|据说|据透露|知情人士|消息人士|援引|有消息称|消息称|传闻"),
    # 被爆 ("exposed"), 剧透 ("leaked ahead"), 熟悉情况的人士 ("people familiar").
    (CueKind.HEARSAY, r"被爆|剧透|熟悉[^，。！？；,;!?\n]{0,6}?人士"),
    # 据路透社报道, 据 The Information 报导: an outlet between 据 and 报道.
    (CueKind.HEARSAY, r"据[^，。！？；,;!?\n]{0,30}?(?:报道|报导|消息)|报道称|报导称"),
    (CueKind.DENIAL, r"否认|并未|并没有|不会"),
    (CueKind.ABOUT, r"将近|大约|大概|左右|接近(?=" + _NUMERAL + r")"),
    # 约新台币58亿元: the currency may come between
    (CueKind.ABOUT, r"(?<![纽大契节公合预制简隐])约(?=[有为合占]?" + _CURRENCY + _NUMERAL + r")"),
    (CueKind.ABOUT, r"(?<![最附将接])近(?=" + _NUMERAL + r")"),
    # 突破 ("breaks through") before a number: past it (营收突破100亿元, 市值突破新台币30兆
    # 元; not 技术突破, nor 突破10万卡集群的互联瓶颈, a limit overcome)
    # (逾新台币3,000亿元: the currency may come between)
    (CueKind.MORE_THAN, r"超过|多于|逾(?=" + _CURRENCY + _NUMERAL + r")"),
    (
        CueKind.MORE_THAN,
        r"突破(?="
        + _CURRENCY
        + _NUMERAL
        + r")(?![^，。！？；,;!?]*?(?:瓶颈|难题|壁垒|障碍|极限|限制))",
    ),
    # 以上 follows the number it bounds: "1 万个以上".
    (CueKind.MORE_THAN, rf"(?:(?<={_COUNTED})|(?<={_COUNTED}\s))以上"),
    # 以下 and 以内 too, as a ceiling: PUE控制在1.15以下, 8分钟以内
    (CueKind.AT_MOST, rf"(?:(?<={_COUNTED})|(?<={_COUNTED}\s))(?:以下|以内)"),
    (CueKind.AT_LEAST, r"至少|不少于|(?:不得|不能|不)低于"),
    (
        CueKind.AT_MOST,
        # (长达40周, "as long as": a wait's ceiling, as 高达 a figure's)
        r"最多|高达|长达|(?:不得|不能|不可|不会|不)(?:超过|高于)|最高(?=可?达?" + _NUMERAL + r")"
        r"|(?i:up\s+to)\b",
    ),
    (CueKind.VAGUE, r"(?<![0-9])[数几上](?=" + _MAGNITUDE + r")"),
    (CueKind.SPEECH, r"表示|声称|声明|透露|指出|宣称|强调|回应|说道|补充道|坦言"),
    # 根据纳德拉的介绍 ("according to Nadella's presentation"): the speaker inside.
    (CueKind.SPEECH, r"(?:根据|据)[^，。！？；,;!?\n]{1,20}?(?:介绍|说法)"),
    # Not 称为 ("called"), 名称 ("name"), 小说 ("novel"), 对…来说 ("for …"),
    # 更不用说 ("let alone").
    (CueKind.SPEECH, r"(?<![名简堪昵俗])称(?![为作之])|(?<![小来用])说(?![明服法])"),
    # 分析 right before a comma or colon is an analyst's verb (吳雅婷分析，…); 估约 a
    # rough estimate (每股純益估約18元)
    (CueKind.ESTIMATE, r"估算|估计|分析称|测算|推算|分析(?=[，,：:])|估(?=约)"),
    # Not 很难预测 ("hard to predict"): a forecast nobody makes.
    # 可望 and 预估 are Taiwan's "is expected to" and "projects"
    (CueKind.FORECAST, r"预计|预期|(?<!难)预测|有望|可望|预估|或将|可能|即将"),
    # 将 as "will". Not 将 marking an object (将其…, 已将 X 整合成, 将 X 外包给, 将 X
    # 作为), 将军, or part of 将近.
    (CueKind.FORECAST, r"(?<![已曾经得])将(?![其该这此它他她之军近])(?!" + _DISPOSAL + ")"),
    # 目标是 ("the goal is"), not 收购目标 ("a takeover target")
    (CueKind.PLAN, r"计划|规划|打算|准备|(?<![虚模草比])拟(?![人])|(?<!收购)目标(?:是|为)|力争"),
    (CueKind.PAST, r"曾经|曾(?![国])|此前|之前|先前|早前|去年|前年|早在"),
    (CueKind.LESS_THAN, r"(?:不到|少于|低于|不足)(?=" + _NUMERAL + r")"),
    # The same cues in English articles.
    (
        CueKind.HEARSAY,
        _ENGLISH.format(
            r"reportedly|people familiar with|sources said|is said to|are said to|"
            # "according to people familiar", "… to a memo": nobody named stands behind it
            r"according to (?:(?:two |three |several )?(?:people|sources|persons|a person|"
            r"someone|insiders|reports?|media|an? (?:internal )?(?:memo|report|document|filing)))"
        ),
    ),
    (
        CueKind.SPEECH,
        _ENGLISH.format(r"said|says|told|stated|claimed|claims|announced|wrote|writes"),
    ),
    # "according to the company", "according to Nvidia": a named source's claim
    (CueKind.SPEECH, _ENGLISH.format(r"according to")),
    (
        CueKind.ESTIMATE,
        _ENGLISH.format(r"estimated|estimates|estimate|calculated|according to (?:\w+ )?analysts"),
    ),
    (
        CueKind.FORECAST,
        _ENGLISH.format(
            r"expected to|expects|expect|is likely to|are likely to|is set to|are set to|projected|"
            r"forecasts?|will|would|could|"
            r"might"
        ),
    ),
    # "may" in lower case only: "May 2023" is a month.
    (CueKind.FORECAST, r"\bmay\b"),
    # ("is targeting a PUE of 1.15": a goal with its figure, no result; not "targeting
    # the sovereign AI market", nor the noun "beat its targets")
    (
        CueKind.PLAN,
        _ENGLISH.format(
            r"plans? to|planned to|planning to|intends? to|aims? to|aiming to|aims? for|"
            r"aiming for|targeting(?=[^.;,]{0,40}?\d)"
        ),
    ),
    (CueKind.PAST, _ENGLISH.format(r"previously|earlier|last year|formerly")),
    (CueKind.DENIAL, _ENGLISH.format(r"denied|denies|did not|does not|will not|won't")),
    (
        CueKind.ABOUT,
        _ENGLISH.format(r"about|around|approximately|roughly|nearly|almost|some|close to")
        + _FIGURE,
    ),
    (
        CueKind.MORE_THAN,
        _ENGLISH.format(
            r"more than|over|above|exceeds?|exceeded|exceeding|upwards of|in excess of|tops?|"
            r"topped"
        )
        + _FIGURE,
    ),
    (CueKind.AT_LEAST, _ENGLISH.format(r"at least|no fewer than|no less than") + _FIGURE),
    # "1,024 GPUs or more", "2,048 or fewer": the bound after its number (not "or more
    # than twice": a comparison)
    (CueKind.AT_LEAST, _ENGLISH.format(r"or more|or above|or higher") + _BOUND_ENDS),
    (CueKind.AT_MOST, _ENGLISH.format(r"or fewer|or less") + _BOUND_ENDS),
    (CueKind.AT_MOST, _ENGLISH.format(r"at most|as much as|as many as|no more than") + _FIGURE),
    (
        CueKind.LESS_THAN,
        _ENGLISH.format(r"less than|fewer than|under|below|just under") + _FIGURE,
    ),
)


@cache
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """One pattern finding where some cue starts, and each cue's own pattern."""
    each = tuple(re.compile(pattern) for _, pattern in _CUES)
    return re.compile("|".join(f"(?:{pattern})" for _, pattern in _CUES)), each


def simplified_in_place(text: str) -> str:
    """``text`` in Simplified characters, offset for offset.

    OpenCC converts phrases, so a conversion can change the length; then each
    character is converted alone, which keeps every offset.
    """
    whole = to_simplified(text)
    if len(whole) == len(text):
        return whole
    converted = (to_simplified(char) for char in text)
    return "".join(new if len(new) == 1 else old for old, new in zip(text, converted, strict=True))


def find_cues(text: str) -> list[Cue]:
    """Every cue word in ``text``, in order of position, without overlaps.

    At each position the longest cue wins (大约 rather than 约, 不超过 rather
    than 超过; between equal lengths, the earlier entry of the table); the word
    reported is as written in ``text`` (Traditional stays Traditional).
    """
    simplified = simplified_in_place(text)
    anywhere, each = _patterns()
    cues: list[Cue] = []
    position = 0
    while (hit := anywhere.search(simplified, position)) is not None:
        at = hit.start()
        best: tuple[int, CueKind] | None = None
        for (kind, _), pattern in zip(_CUES, each, strict=True):
            found = pattern.match(simplified, at)
            if found is not None and (best is None or found.end() > best[0]):
                best = (found.end(), kind)
        # The combined pattern matched here, so one of its parts does too.
        assert best is not None
        end, kind = best
        if not (kind is CueKind.ESTIMATE and _set_against(simplified, at, end)):
            cues.append(Cue(kind, text[at:end], at, end))
        position = max(end, at + 1)
    return cues


# Others' estimates a figure is set against ("well above Wall Street estimates", "beat
# analysts' estimates"): no estimate of the figure, unless they say it ("analyst
# estimates put…", "…, Wall Street estimates show").
_AGAINST = re.compile(
    r"(?i:\b(?:above|below|beat|beats|beating|topped|topping|missed|missing|exceeded|exceeding"
    r"|ahead\s+of|versus|vs\.?|in\s+line\s+with|short\s+of)\b)"
)
_ESTIMATES_SAY = re.compile(r"(?i:\s+(?:put|puts|show|shows|suggest|suggests|say|says)\b)")
AGAINST_REACH = 30  # characters before "estimates" where the comparison's word may be


def _set_against(simplified: str, start: int, end: int) -> bool:
    """Whether the estimate word at ``start:end`` names others' estimates a figure is
    set against."""
    word = simplified[start:end].lower()
    return (
        word.startswith("estimate")
        and _AGAINST.search(simplified, max(0, start - AGAINST_REACH), start) is not None
        and _ESTIMATES_SAY.match(simplified, end) is None
    )


# A sentence ends at 。！？!?；; (with any closing quotes or brackets that follow)
# or at a blank line. A single line break is not an end: the captures break
# lines mid-sentence.
_SENTENCE_END = re.compile(r"[。！？!?；;][”’」』）)\"']*|\n[ \t\r\u3000]*\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence(s) that hold ``text[start:end]``.

    The span runs from the end of the previous sentence (leading whitespace
    skipped) to the end of the sentence holding the last character of the
    range, its closing punctuation included.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    begin = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        if found.end() <= start:
            begin = found.end()
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, max(begin, sentence_end(text, max(start, end - 1)))


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` ends (its closing punctuation
    included, trailing whitespace not), looking no further back than ``at``."""
    finish = len(text)
    for found in _SENTENCE_END.finditer(text, at):
        finish = found.end() if not found.group().startswith("\n") else found.start()
        break
    while finish > at and text[finish - 1].isspace():
        finish -= 1
    return finish
