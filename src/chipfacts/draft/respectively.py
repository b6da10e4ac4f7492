"""Lists of names matched in order with lists of figures.

三星和美光分别约占26%和17%, 新华三、浪潮信息和联想入围，份额分别为45%、35%和20%,
"AMD and Intel hold 8% and 5%, respectively": 分别 (before the figures) or
"respectively" (after them) pairs the n-th figure with the n-th name. The pairing
holds only where both lists are whole and of one length; anything else is left to
the usual choice of subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chipfacts.draft.vocabulary import Mention
from chipfacts.text.numbers import Quantity

# 分别 before the figures, "respectively" after them.
_EACH_BEFORE = re.compile(r"分别")
_EACH_AFTER = re.compile(r"\s*,?\s*respectively\b")
# What joins two names of a list (A、B和C; "A, B and C"), and a gloss after a name
# (三星（Samsung）).
_NAME_JOIN = re.compile(r"\s*(?:、|和|及|与|以及|,\s*and|,|and)\s*")
_GLOSS = re.compile(r"\s*[(（][^()（）]{1,30}[)）]")
# What joins two figures of a list: a joiner, then a bound word of the next one
# (26%和17%, 45%、35%和20%, "8% and about 5%").
_BOUND_WORDS = r"(?:约为|约|近|逾|超过|不足|不到|about|around|roughly|nearly|almost|over)"
_FIGURE_JOIN = re.compile(
    rf"\s*(?:、|和|与|及|以及|,\s*and|,|，|and)\s*(?:{_BOUND_WORDS}\s*)?", re.IGNORECASE
)
# A preposition before the list: the names are where the figures were measured, not
# whose they are (H200…在Llama2和ChatGPT的训练速度分别能提升40%和60%).
_SETTING = re.compile(r"(?:在|于|对|对于|针对|\b(?:in|on|for|at|across))\s*$", re.IGNORECASE)
# How far the names may stand before 分别 (新华三…最终入围，份额分别为).
NAMES_REACH = 24


def _figures(folded: str, quantities: Sequence[Quantity], at: int) -> list[Quantity]:
    """The list of figures the quantity at index ``at`` belongs to."""
    first = last = at
    while first > 0 and _FIGURE_JOIN.fullmatch(
        folded, quantities[first - 1].end, quantities[first].start
    ):
        first -= 1
    while last + 1 < len(quantities) and _FIGURE_JOIN.fullmatch(
        folded, quantities[last].end, quantities[last + 1].start
    ):
        last += 1
    return list(quantities[first : last + 1])


def _names_before(folded: str, names: Sequence[Mention], end: int) -> list[Mention]:
    """The list of names ending last before ``end``: one mention for each name (a
    gloss written right after a name is the same name)."""
    before = [m for m in names if m.end <= end]
    if not before:
        return []
    listed = [before[-1]]
    for mention in reversed(before[:-1]):
        head = listed[0]
        if mention.row == head.row and _GLOSS.fullmatch(folded, mention.end, head.end):
            listed[0] = mention  # 三星（Samsung）: the name, then its gloss
            continue
        gap_end = head.start
        gloss = _GLOSS.match(folded, mention.end, gap_end)
        start = gloss.end() if gloss else mention.end
        if not _NAME_JOIN.fullmatch(folded, start, gap_end):
            break
        listed.insert(0, mention)
    return listed


def respective(
    folded: str, names: Sequence[Mention], quantities: Sequence[Quantity], quantity: Quantity
) -> Mention | None:
    """The name a figure of a 分别 or "respectively" list is paired with, if one."""
    at = next((i for i, q in enumerate(quantities) if q.start == quantity.start), None)
    if at is None:
        return None
    figures = _figures(folded, quantities, at)
    if len(figures) < 2:
        return None
    if len({q.unit for q in figures}) > 1:
        return None
    names_end = figures[0].start
    if _EACH_AFTER.match(folded, figures[-1].end) is None:
        start = max(0, names_end - NAMES_REACH)
        marker = [m.start() for m in _EACH_BEFORE.finditer(folded, start, names_end)]
        if not marker:
            return None
        names_end = marker[-1]
    listed = _names_before(folded, names, names_end)
    if (
        len(listed) != len(figures)
        or len({m.row for m in listed}) != len(listed)
        or names_end - listed[-1].end > NAMES_REACH
        or _SETTING.search(folded, max(0, listed[0].start - 6), listed[0].start)
    ):
        return None
    return listed[figures.index(quantity)]
