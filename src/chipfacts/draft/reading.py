"""How sure a sentence is, and of what: bound, status, speaker and date, from its cues.

The rules are the curation rules of the README's "Adding a fact", read off the
cue words (``text.cues``) of the sentence a claim sits in:

- a bound word just before the number (超过, 约, 至少, 高达, 不到; about, more
  than, up to) or just after it (左右, 以上); a vague magnitude (数万, billions of)
  is a floor; "an estimated 350,000" is rounded;
- an estimate (估算, 分析称) is ``estimated`` by whoever is named before the cue
  (English names who estimated after the figure too: "…, analysts estimated");
  a plan (计划, 拟, or 将 before an action) is ``planned``; a forecast (预计,
  有望, 可能, 将) is ``forecast``; a named speaker (X 表示, X 称) makes a claim
  ``claimed`` by X; hearsay (据悉, 知情人士) and an unnamed speaker leave it
  ``reported``, as does a plain statement;
- a maker's speed-up in per cent (提升 40%) is a best case: ``at_most``, claimed
  by the maker;
- ``as_of`` is the date the sentence gives before the claim, else the
  article's; an earlier statement the article repeats (曾, 之前) without a date
  is flagged for the curator.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound, Status
from chipfacts.text.cues import AFTER_THE_NUMBER, Cue, CueKind
from chipfacts.text.numbers import Quantity
from chipfacts.text.when import Mention as DateMention

BOUND_OF_CUE = {
    CueKind.ABOUT: Bound.ABOUT,
    CueKind.MORE_THAN: Bound.MORE_THAN,
    CueKind.AT_LEAST: Bound.AT_LEAST,
    CueKind.AT_MOST: Bound.AT_MOST,
    CueKind.LESS_THAN: Bound.LESS_THAN,
}
# A cue this far before a number, with nothing but its own clause between, bounds it.
BOUND_REACH = 12
# 将 before an action the subject takes is a plan; before an outcome, a forecast.
_ACTION = re.compile(
    r"\s*(?:开始|进行|推出|发布|新增|建设|建造|投资|投入|采用|使用|部署|安装|生产|产生|收购|"
    r"扩大|裁员|打造|建立|启动|上线)"
)
_GAIN = re.compile(r"提升|提高|加快|快了|improve|faster|boost", re.IGNORECASE)


class Reading(NamedTuple):
    status: Status
    speaker_cue: Cue | None  # the cue whose speaker claims or estimates it
    cues: tuple[Cue, ...]  # every cue used, for the curator
    past: bool  # an earlier statement the article repeats, with no date of its own


_AN_ESTIMATED = re.compile(r"\ban\s+estimated\s+(?:us)?\$?\s*$", re.IGNORECASE)


def read_bound(
    folded: str, quantity: Quantity, clause_start: int, cues: list[Cue], previous_end: int
) -> tuple[Bound, tuple[Cue, ...]]:
    """The bound of a quantity, from the words around it in its clause."""
    if quantity.low is not None:
        return Bound.RANGE, ()
    reach = max(clause_start, previous_end, quantity.start - BOUND_REACH)
    measured = _MEASURED_AGAINST.search(
        folded, max(clause_start, previous_end, quantity.start - MEASURED_REACH), quantity.start
    )
    if measured is not None and measured["short"]:
        # 不及H800的一半: less than the share of what it is measured against
        short = Cue(CueKind.LESS_THAN, measured["short"], measured.start(), measured.end("short"))
        return Bound.LESS_THAN, (short,)
    if measured is not None and quantity.low is None:
        # 约为上一代F2的2.4倍: the bound comes before what the number is measured against
        about = _ABOUT_BEFORE.search(folded, max(0, measured.start() - 2), measured.start())
        if about is not None:
            return Bound.ABOUT, (Cue(CueKind.ABOUT, about.group(), about.start(), about.end()),)
    # (售价1万美元以下的H20出货100万颗: a bound after a number before is that one's)
    before = [
        c
        for c in cues
        if reach <= c.start and c.end <= quantity.start + 1 and c.word not in AFTER_THE_NUMBER
    ]
    after = [
        c
        for c in cues
        if quantity.end <= c.start <= quantity.end + 3 and c.word in AFTER_THE_NUMBER
    ]
    if quantity.above:  # 过半: the word itself says "more than"
        return Bound.MORE_THAN, ()
    if quantity.vague:
        return Bound.AT_LEAST, tuple(c for c in before if c.kind is CueKind.VAGUE)
    bounding = [
        c for c in before + after if c.kind in BOUND_OF_CUE and _bounds(folded, c, quantity)
    ]
    if bounding:
        cue = bounding[-1] if not after else after[0]
        return BOUND_OF_CUE[cue.kind], (cue,)
    estimated = [c for c in before if c.kind is CueKind.ESTIMATE and c.word.isascii()]
    if estimated and _AN_ESTIMATED.search(folded, max(0, estimated[-1].start - 3), quantity.start):
        return Bound.ABOUT, (estimated[-1],)  # "an estimated 350,000": a rounded figure
    return Bound.EXACT, ()


# 为…的 (约为现行Blackwell的3.3倍): the figure measured against a name between.
_MEASURED_AGAINST = re.compile(r"(?:为|是|(?P<short>不及|不到))[^，,。；;的]{1,16}的\s*$")
_ABOUT_BEFORE = re.compile(r"(?:大约|大概|将近|约)$")
MEASURED_REACH = 24


_CURRENCY_BEFORE = re.compile(r"新台币|台币|人民币|港币|港元|美元|日元|日圆|韩元|欧元")


def _bounds(folded: str, cue: Cue, quantity: Quantity) -> bool:
    """超过 bounds the number right after it; before other words it is a comparison's
    verb (超过英伟达的GPU1000倍: "1,000 times Nvidia's GPU"), not a bound."""
    if cue.kind is not CueKind.MORE_THAN or cue.end > quantity.start:
        return True
    between = folded[cue.end : quantity.start].strip()
    # (营收有望突破新台币2,500亿元: the sum's currency between, no comparison)
    return not between or _CURRENCY_BEFORE.fullmatch(between) is not None


def is_gain(folded: str, start: int, end: int) -> bool:
    """A speed-up word between ``start`` and ``end`` (提升 40%)."""
    return _GAIN.search(folded, start, end) is not None


def _disposal(folded: str, cue: Cue) -> bool:
    """将 as 把 ("takes"), not "will": 已将数万个GPU整合, 将其…"""
    if cue.word not in ("将", "將"):
        return False
    return folded.endswith(("已", "已经", "都", "曾"), 0, cue.start) or bool(
        re.match(r"\s*[\d数几一二两三四五六七八九十]", folded[cue.end :])
    )


_PLAN_AS_NOUN_AFTER = re.compile(r"[，,。；;:：的也是屡曾已还]")


def _plan_as_noun(folded: str, cue: Cue) -> bool:
    """计划 as a noun (自研芯片计划, 计划屡屡受挫) says nothing about status; as a verb
    (计划在, 计划使用) it is a plan."""
    if cue.kind is not CueKind.PLAN or cue.word not in ("计划", "計劃"):
        return False
    return plan_is_noun(folded, cue.start, cue.end)


def plan_is_noun(folded: str, start: int, end: int) -> bool:
    """Whether 计划 at ``start:end`` is the noun "programme" rather than the verb "plan"."""
    after = folded[end : end + 1]
    return (
        not after
        or _PLAN_AS_NOUN_AFTER.match(after) is not None
        or folded.endswith(("的", "芯片", "研发", "研"), 0, start)
    )


# A later clause saying what already is (，而…已超过): 已 after a clause break.
_DONE_SINCE = re.compile(r"[，,；;][^，,；;。]*?已(?:经)?")


# After an English estimate word, what makes it the noun of a figure after it ("estimate
# of $12.6 billion", "estimate of 73.5%"; not "estimated for 2025", "estimates of
# SemiAnalysis").
_A_FIGURES_NOUN = re.compile(
    r"s?\s+(?:of|for)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?"
    r"(?:(?:[$€£¥]|us\$|hk\$)\s?\d|(?!(?:19|20)\d\d(?![\d,%]|\.\d))\d)"
)


def read_status(folded: str, cues: list[Cue], value_end: int) -> Reading:
    """The status of a claim ending at ``value_end``, from its sentence's cues."""
    cues = [c for c in cues if not _disposal(folded, c) and not _plan_as_noun(folded, c)]
    # English names who estimated a figure after it ("…85% of the market, UBS analysts
    # estimated"), as it names a speaker after what was said
    before = [
        c
        for c in cues
        if c.start < value_end
        or (
            c.kind is CueKind.ESTIMATE
            and c.word.isascii()
            # (not the noun of another figure after it: "…, compared with analysts'
            # average estimate of $12.6 billion")
            and not _A_FIGURES_NOUN.match(folded, c.end)
        )
    ]
    speech = [c for c in cues if c.kind is CueKind.SPEECH]
    used: list[Cue] = []
    status = Status.REPORTED
    speaker: Cue | None = None
    kinds = {c.kind for c in before}
    if CueKind.PLAN in kinds or CueKind.FORECAST in kinds:
        last = max(c.end for c in before if c.kind in (CueKind.PLAN, CueKind.FORECAST))
        if _DONE_SINCE.search(folded, last, value_end):
            # …有望首度超越三星，而HBM营收的比重已超过40%: what is already so is no forecast
            kinds -= {CueKind.PLAN, CueKind.FORECAST}
            before = [c for c in before if c.kind not in (CueKind.PLAN, CueKind.FORECAST)]
    if CueKind.ESTIMATE in kinds:
        speaker = next(c for c in before if c.kind is CueKind.ESTIMATE)
        status, used = Status.ESTIMATED, [speaker]
    elif CueKind.PLAN in kinds or CueKind.FORECAST in kinds:
        # A plan word, then a forecast word, outweigh 将 ("will"), which is a plan
        # before an action the subject takes (将开始安装) and a forecast otherwise.
        ranked = sorted(
            (c for c in before if c.kind in (CueKind.PLAN, CueKind.FORECAST)),
            key=lambda c: (c.kind is CueKind.PLAN, c.word not in ("将", "將"), c.start),
        )
        cue = ranked[-1]
        planned = cue.kind is CueKind.PLAN or (
            cue.word in ("将", "將") and _ACTION.match(folded, cue.end) is not None
        )
        status = Status.PLANNED if planned else Status.FORECAST
        used = [cue]
        if speech:
            speaker = speech[0]
            used.append(speaker)
    elif speech:
        speaker = speech[0]
        status, used = Status.CLAIMED, [speaker]
    hearsay = [c for c in before if c.kind is CueKind.HEARSAY]
    if hearsay:
        used.append(hearsay[0])
        if status is Status.CLAIMED:
            status, speaker = Status.REPORTED, None  # nobody named stands behind a leak
    past = [c for c in before if c.kind is CueKind.PAST]
    used.extend(past[:1])
    return Reading(status, speaker, tuple(sorted(used, key=lambda c: c.start)), bool(past))


def read_as_of(
    dates: list[DateMention],
    value_end: int,
    published: PartialDate,
    exclude: DateMention | None = None,
) -> DateMention | None:
    """The date the sentence gives before the claim (not the claim's own value)."""
    given = [d for d in dates if d.start < value_end and d is not exclude]
    if not given:
        return None
    chosen = given[-1]
    return chosen if chosen.date <= published else None
