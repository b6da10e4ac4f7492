"""Dates in an article's prose, resolved against the article's own date.

``2019年``, ``2023年11月``, ``11月15日``, ``今年 8 月下旬``, ``去年 11 月``,
``2022 年末``, ``今年第四季度`` (its first month, roughly), ``下半年`` (its year),
``去年``, ``今年``, ``本周``, ``下个月``, ``15日``, ``今（23）日``, ``昨日``, ``周二`` (the
last Tuesday on or before the article's day), ``上周三`` and English
``November 2023`` (and, by ``english_dates``, ``in October``, ``Dec 3``, ``the first
quarter of 2026``, ``next year``) become partial dates (a year, a month or a day, as
precise as the text). Relative words need the article's date; without it they are
left unread. The text is read in its folded form (``normalize.fold_in_place``).
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import NamedTuple

from chipfacts.model.dates import PartialDate, parse_partial_date
from chipfacts.text.english_dates import find_english_dates, last_weekday

_MONTHS = (
    "january february march april may june july august september october november december"
).split()


class Mention(NamedTuple):
    """A date at ``start:end`` of the text; ``rough`` for 年末, 年初 (about, not exact)."""

    start: int
    end: int
    date: PartialDate
    rough: bool = False


@cache
def _pattern() -> re.Pattern[str]:
    year = r"(?P<year>(?:19|20)\d{2})\s*年|(?P<rel>今年|去年|前年|明年)"
    month = r"(?P<month>1[0-2]|0?[1-9])\s*月"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])\s*[日号]"
    # a quarter (第四季度, 第3季) and a half of a year (下半年, 年中)
    quarter = r"第\s*(?P<quarter>[一二三四1-4])\s*季度?"
    half = r"(?P<half>上半年|下半年|年中)"
    english = (
        rf"(?P<ename>{'|'.join(_MONTHS)})\s+(?P<eday>\d{{1,2}},\s*)?(?P<eyear>(?:19|20)\d{{2}})"
    )
    return re.compile(
        rf"(?:{year})\s*(?:度\s*)?(?:{month}\s*(?:{day})?|{quarter}|{half})?"
        rf"(?P<part>年末|年底|末|底|初|下旬|上旬|中旬)?"
        # 第三季度, 下半年 with no year: the article's year (not 年中 alone: 一年中 is "in
        # a year"; not 连续第三季度, "the third straight quarter")
        rf"|(?<![\d年续])(?:第\s*(?P<nquarter>[一二三四1-4])\s*季度?|(?P<nhalf>上半年|下半年))"
        rf"(?P<nend>末|底)?"
        rf"|(?P<month2>1[0-2]|0?[1-9])\s*月\s*(?:(?P<day2>3[01]|[12]\d|0?[1-9])\s*[日号])?"
        rf"(?P<part2>下旬|上旬|中旬)?"
        rf"|(?<![\d月])(?P<day3>3[01]|[12]\d|0?[1-9])\s*日"
        # Taiwan's press gives the day in brackets after 今 or 昨 (今（23）日, 昨（5）日)
        rf"|[今昨前]\s*[(（]\s*(?P<day4>3[01]|[12]\d|0?[1-9])\s*[)）]\s*日"
        # 周二, 上周三, 星期五, 下周二 (not 每周二, every Tuesday; not 一周三次, 周一至周五,
        # 周五前, nor a name: 周三多; 周天 is a name more often than a Sunday)
        rf"|(?<![每隔上下至到一二两三四五六七八九十\d])(?P<lastweek>上|下|本|这)?(?:周|星期|礼拜)"
        rf"(?P<wday>[一二三四五六日]|(?<!周)天)(?![年期边末前至到多])"
        rf"|(?P<week>本周|这周|本月|上个月|下个月)"
        # a day before the article's own, by name (昨日投入运营; not 今日头条, an app)
        # (not inside a word or a name: 如今日益, 今日资本, 今日美国, 昨日黄花, 前天津)
        rf"|(?<![目此之以提如])(?P<dayname>今日(?!头条|资本|美国|俄罗斯|本|益)|今天|昨日(?!黄花)"
        rf"|昨天|前天(?!津))"
        rf"|{english}"
    )


def find_dates(folded: str, published: PartialDate | None) -> list[Mention]:
    """Every date the text gives, in order, resolved against ``published``."""
    found: list[Mention] = []
    for match in _pattern().finditer(folded):
        date, rough = _resolve(match, published)
        if date is not None and (match["nquarter"] or match["nhalf"]) and found:
            # 2024年…其中下半年营收: a quarter or a half with no year, in the year the
            # sentence named last
            last = found[-1]
            if not (
                _SENTENCE_BREAK.search(folded, last.end, match.start())
                or _NOT_ITS_YEAR.search(folded, max(0, last.start - 3), last.start)
                or last.date.day
            ):  # (not 与2023年相比, 截至2023年12月31日: a year of comparison or a cut-off)
                date = PartialDate(last.date.year, date.month)
        if date is not None:
            found.append(Mention(match.start(), match.end(), date, rough))
    taken = [(m.start, m.end) for m in found]
    for english in find_english_dates(folded, published):
        if not any(s < english.end and english.start < e for s, e in taken):
            found.append(Mention(english.start, english.end, english.date, english.rough))
    return sorted(found)


# What was done right before a month with no year (已于12月, 早在11月): a month gone by.
_DONE_BEFORE = re.compile(r"(?:已经?|曾经?|早在)\s*(?:于|在)?\s*$")
DONE_REACH = 5
# A future before a weekday or a day (将于周五发布, 将于25日): the next one, not the last.
_AHEAD = re.compile(r"将于?|将在|计划于?|预计于?")
AHEAD_REACH = 4
DAYS_AHEAD = 7  # a bare day further ahead of the article's than this is last month's


def _weekday(match: re.Match[str], base: PartialDate | None) -> PartialDate | None:
    """周二 (the last Tuesday on or before the article's day), 上周三, 下周二, 本周五,
    and 将于周五 (the next Friday after it)."""
    if base is None or not base.day:
        return None
    today = datetime.date(base.year, base.month, base.day)
    weekday = "一二三四五六".find(match["wday"]) % 7  # 日 and 天: Sunday, 6
    monday = today - datetime.timedelta(days=today.weekday())
    if match["lastweek"] == "上":  # that day of the week before this one
        then = monday - datetime.timedelta(days=7 - weekday)
    elif match["lastweek"] == "下":  # that day of the week after this one
        then = monday + datetime.timedelta(days=7 + weekday)
    elif match["lastweek"]:  # 本周, 这周: that day of this week
        then = monday + datetime.timedelta(days=weekday)
    elif _AHEAD.search(match.string, max(0, match.start() - 3), match.start()):
        then = last_weekday(today, weekday) + datetime.timedelta(days=7)  # the next one
    else:
        then = last_weekday(today, weekday)
    return PartialDate(then.year, then.month, then.day)


def _resolve(
    match: re.Match[str], published: PartialDate | None
) -> tuple[PartialDate | None, bool]:
    groups = match.groupdict()
    if groups["ename"]:
        month = _MONTHS.index(groups["ename"]) + 1
        return PartialDate(int(groups["eyear"]), month), False
    base = published
    if groups["dayname"]:
        if base is None or not base.day:
            return None, False
        back = {"今": 0, "昨": 1, "前": 2}[groups["dayname"][0]]
        then = datetime.date(base.year, base.month, base.day) - datetime.timedelta(days=back)
        return PartialDate(then.year, then.month, then.day), False
    if groups["wday"]:
        return _weekday(match, base), False
    if groups["week"]:
        if base is None or not base.month:
            return None, False
        shift = {"上个月": -1, "下个月": 1}.get(groups["week"], 0)
        return _shifted(base.year, base.month + shift), False
    if groups["year"] or groups["rel"]:
        if groups["year"]:
            year = int(groups["year"])
        elif base is None:
            return None, False
        else:
            year = base.year + {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[groups["rel"]]
        ends = groups["part"] in ("年末", "年底", "末", "底")
        if groups["half"] in _HALVES and not ends:
            return PartialDate(year), False  # 下半年: in the year, no month of it
        season = _season(groups["quarter"], groups["half"])
        if season:
            if ends:  # 第四季度末: its last month
                season += 2 if groups["quarter"] else 5
            return PartialDate(year, season), True
        month = int(groups["month"]) if groups["month"] else 0
        day = int(groups["day"]) if groups["day"] and month else 0
        part = groups["part"] or ""
        if not month and part in ("年末", "年底", "末", "底"):
            return PartialDate(year, 12), True
        if not month and part == "初":
            return PartialDate(year, 1), True
        return _valid(year, month, day), False
    if base is None:
        return None, False
    if groups["nhalf"] and groups["nend"]:  # 截至上半年末: the half's last month
        return PartialDate(base.year, _HALF_MONTHS[groups["nhalf"]] + 5), True
    if groups["nhalf"]:
        return PartialDate(base.year), False
    season = _season(groups["nquarter"], groups["nhalf"])
    if season:
        return PartialDate(base.year, season), True
    if groups["month2"]:
        day, month = int(groups["day2"]) if groups["day2"] else 0, int(groups["month2"])
        year = base.year
        if (
            base.month
            and month > base.month
            and _DONE_BEFORE.search(match.string, max(0, match.start() - DONE_REACH), match.start())
        ):
            year -= 1  # 已于12月完成流片 in an article of January: last December
        return _valid(year, month, day), False
    if groups["day3"] and base.month:
        # 於18日舉行的大會上 in an article of the 1st: last month's 18th (news reports days
        # gone by), unless said to come (将于25日) or a few days ahead (在15日的大会上 on
        # the 12th: the week's event)
        day, that_month = int(groups["day3"]), PartialDate(base.year, base.month)
        ahead = _AHEAD.search(match.string, max(0, match.start() - AHEAD_REACH), match.start())
        if base.day and day > base.day + DAYS_AHEAD and ahead is None:
            that_month = _shifted(base.year, base.month - 1)
        return _valid(that_month.year, that_month.month, day), False
    if groups["day4"] and base.month:
        # 昨（30）日 in an article of the 1st: the day is last month's
        day, that_month = int(groups["day4"]), PartialDate(base.year, base.month)
        if base.day and day > base.day:
            that_month = _shifted(base.year, base.month - 1)
        return _valid(that_month.year, that_month.month, day), False
    return None, False


_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
_NOT_ITS_YEAR = re.compile(r"(?:与|较|比|相比|截至|截止|自|从)\s*$")
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# The month a half of a year opens with, roughly (年中: mid-year, June); a half
# itself is dated by its year alone (no month says "in the second half"), but its
# end is a month (上半年末: June).
_HALF_MONTHS = {"上半年": 1, "下半年": 7, "年中": 6}
_HALVES = ("上半年", "下半年")


def _season(quarter: str | None, half: str | None) -> int:
    """The month a quarter or a half of a year opens with (as ``english_dates`` reads
    "the fourth quarter": its first month, roughly), or 0 for neither."""
    if quarter:
        return 3 * _QUARTER_NUMBERS[quarter] - 2
    return _HALF_MONTHS[half] if half else 0


def _shifted(year: int, month: int) -> PartialDate:
    if month < 1:
        return PartialDate(year - 1, month + 12)
    if month > 12:
        return PartialDate(year + 1, month - 12)
    return PartialDate(year, month)


def _valid(year: int, month: int, day: int) -> PartialDate | None:
    text = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    try:
        return parse_partial_date(text)
    except ValueError:
        return None
