"""Lists of names matched in order with lists of figures.

三星和美光分别约占26%和17%, 新华三、浪潮信息和联想入围，份额分别为45%、35%和20%,
"AMD and Intel have shares of 8% and 5%, respectively": 分别 (in the clause of the
figures, before them) or "respectively" (after them) pairs the n-th figure with the
n-th name. The pairing holds only where both lists are whole and of one length and
no other name stands between them; anything else is left to the usual choice of
subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from chipfacts.draft.vocabulary import Mention
from chipfacts.text.numbers import Quantity

# 分别 before the figures, "respectively" after them.
_EACH_BEFORE = re.compile(r"分别")
_EACH_AFTER = re.compile(r"\s*,?\s*respectively\b")
# What joins two names of a list (A、B和C; "A, B and C").
_NAME_JOIN = re.compile(r"\s*(?:、|和|及|与|以及|,\s*and|,|and)\s*")
# A gloss opening right after a name (三星（Samsung）), and its end.
_GLOSS_OPEN = re.compile(r"\s*[(（]\s*")
_GLOSS_CLOSE = re.compile(r"\s*[)）]")
# What joins two figures of a list: a joiner, then a bound word of the next one
# (26%和17%, 45%、35%和20%, "8% and about 5%").
_BOUND_WORDS = r"(?:约为|约|近|逾|超过|不足|不到|about|around|roughly|nearly|almost|over)"
_FIGURE_JOIN = re.compile(
    rf"\s*(?:、|和|与|及|以及|,\s*and|,|，|and)\s*(?:{_BOUND_WORDS}\s*)?", re.IGNORECASE
)
# A preposition before the list: the names are where the figures were measured, not
# whose they are (H200…在Llama2和ChatGPT的训练速度分别能提升40%和60%).
# (whole words: not 现在, 由于, 正在, 位于, 面对)
_SETTING = re.compile(
    r"(?:(?<![现存正实所])在|(?<![由位对关属至])于|(?<![面相绝反])对(?:于)?|针对"
    r"|\b(?:in|on|for|across))\s*$",
    re.IGNORECASE,
)
# 分别 stands in the figures' clause, this close before them (份额分别为45%).
MARKER_REACH = 12
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")
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


def follows_figure(folded: str, quantities: Sequence[Quantity], quantity: Quantity) -> bool:
    """Whether the quantity is a later figure of a list (90%和80%, "50% and 20%"),
    joined to the figure before it with no word of its own between."""
    at = bisect_left([q.start for q in quantities], quantity.start)
    if at == 0 or at == len(quantities) or quantities[at].start != quantity.start:
        return False
    before = quantities[at - 1]
    return before.unit == quantity.unit and bool(
        _FIGURE_JOIN.fullmatch(folded, before.end, quantity.start)
    )


def _names(folded: str, mentions: Sequence[Mention]) -> list[tuple[Mention, int]]:
    """Each name with where it ends, its gloss in the other script folded into it
    (三星（Samsung）: one name, ending after the bracket)."""
    names: list[tuple[Mention, int]] = []
    for mention in mentions:
        if names:
            last, _ = names[-1]
            opened = _GLOSS_OPEN.fullmatch(folded, last.end, mention.start)
            if opened and mention.row == last.row:
                closed = _GLOSS_CLOSE.match(folded, mention.end)
                names[-1] = (last, closed.end() if closed else mention.end)
                continue
        names.append((mention, mention.end))
    return names


def _lists_before(folded: str, names: list[tuple[Mention, int]], end: int) -> list[list[Mention]]:
    """The lists of names that end before ``end``, the last first, each read back
    from its last name as far as names are joined."""
    found = []
    last = len(names) - 1
    while last >= 0 and names[last][1] > end:
        last -= 1
    while last >= 0 and end - names[last][1] <= NAMES_REACH:
        first = last
        while first > 0 and _NAME_JOIN.fullmatch(
            folded, names[first - 1][1], names[first][0].start
        ):
            first -= 1
        found.append([m for m, _ in names[first : last + 1]])
        last = first - 1
    return found


def respective(
    folded: str, names: Sequence[Mention], quantities: Sequence[Quantity], quantity: Quantity
) -> Mention | None:
    """The name a figure of a 分别 or "respectively" list is paired with, if one."""
    at = bisect_left([q.start for q in quantities], quantity.start)
    if at == len(quantities) or quantities[at].start != quantity.start:
        return None
    figures = _figures(folded, quantities, at)
    if len(figures) < 2 or len({q.unit for q in figures}) > 1:
        return None
    names_end = figures[0].start
    if _EACH_AFTER.match(folded, figures[-1].end) is None:
        start = max(0, names_end - MARKER_REACH)
        marker = [m.start() for m in _EACH_BEFORE.finditer(folded, start, names_end)]
        if not marker or _CLAUSE_END.search(folded, marker[-1], names_end):
            return None
        names_end = marker[-1]
    ends = [m.end for m in names]
    # no name between the list and the figures (英伟达和AMD分别发布新品，台积电…为90%和80%)
    if bisect_right(ends, figures[0].start) != bisect_right(ends, names_end):
        return None
    # the names shortly before (each may be glossed, and a name may end the list: 的HBM)
    upto = bisect_right(ends, names_end)
    nearby = names[max(0, upto - 3 * len(figures) - 1) : upto]
    for listed in _lists_before(folded, _names(folded, nearby), names_end):
        if len(listed) != len(figures):
            continue  # 三星和SK海力士的HBM产能分别…: HBM stands alone, the list before it
        setting = _SETTING.search(folded, max(0, listed[0].start - 6), listed[0].start)
        if len({m.row for m in listed}) == len(listed) and setting is None:
            return listed[figures.index(quantity)]
        return None
    return None
