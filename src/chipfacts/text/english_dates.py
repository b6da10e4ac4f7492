"""Dates in English prose that name no year, or only a year, resolved against the
article's date.

``when.find_dates`` reads ``November 2023`` and ``Nov 15, 2023``; news prose more
often writes ``in October``, ``Dec 3``, ``in 2026``, ``the first quarter of 2026``,
``the second half of the year``, ``this year``, ``last month``, ``a month ago``,
``by the end of next year`` or ``on Tuesday``. A month or a day
without a year is in the article's year (as 10月 is); a quarter or the end of a
year is rough (its first month, or December), a half of a year is its year; a
weekday is the last one on or before the article's day (news reports what
happened); a dateline's date
("SEATTLE, Dec 3 -") is the article's own, no claim's. A bare year counts only
after a word that introduces a date (in, by, since…): elsewhere a four-digit
number is a count.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from chipfacts.model.dates import PartialDate

MONTHS = (
    "january february march april may june july august september october november december"
).split()
_SHORT = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RELATIVE = {"this": 0, "next": 1, "last": -1}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A word that introduces a date: "in October", "by 2027", "since March".
_INTRO = r"(?:in|by|since|until|till|from|through|before|after|during|early|late|mid|of)"


# What follows the date of a dateline: a wire's name in brackets at most, then a dash.
_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]\s")


class EnglishDate(NamedTuple):
    start: int
    end: int
    date: PartialDate
    rough: bool


@cache
def _pattern() -> re.Pattern[str]:
    full = "|".join(MONTHS)
    short = "|".join(sorted(_SHORT, key=len, reverse=True))
    year = r"(?:19|20)\d{2}"
    return re.compile(
        # the first quarter of 2026, Q1 2026, the fourth quarter
        rf"\b(?:the\s+)?(?P<quarter>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<qyear>{year})"
        rf"|\s+of\s+(?P<qrel>this|next|last)\s+year)?"
        rf"|\bq(?P<qnum>[1-4])\s+(?P<qnyear>{year})"
        # the second half of the year, the first half of 2026
        rf"|\b(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+(?:(?P<hyear>{year})|"
        rf"(?P<hrel>this|next|last)\s+year|the\s+year)"
        # the end of next year, end of 2026
        rf"|\b(?:the\s+)?end\s+of\s+(?:(?P<endrel>this|next|last)\s+year|(?P<endyear>{year}))"
        rf"|\b(?P<rel>this|next|last)\s+year\b"
        # last month, a month ago, two weeks ago: counted back from the article's date
        rf"|\b(?P<mrel>this|next|last)\s+month\b"
        rf"|\b(?P<ago>an?|one|two|three|four|five|six|\d{{1,2}})\s+(?P<agounit>weeks?|months?)\s+ago\b"
        # Dec 3, December 3 (no year: when.find_dates reads those with one)
        rf"|\b(?P<dmonth>{full}|(?:{short})\.?)\s+(?P<day>3[01]|[12]\d|0?[1-9])\b(?!,?\s*{year})"
        rf"(?![\d:])"
        # in October (not "may" the verb: a month alone needs a word before it)
        rf"|\b{_INTRO}\s+(?:early\s+|late\s+|mid-?)?(?P<month>{full})\b(?!\s+(?:\d|{year}))"
        rf"|\b{_INTRO}\s+(?P<year>{year})\b(?![-–]\d)"
        rf"|\bon\s+(?P<weekday>{'|'.join(_WEEKDAYS)})\b"
    )


def find_english_dates(folded: str, published: PartialDate | None) -> list[EnglishDate]:
    """Every such date in a folded text, in order; relative ones need ``published``."""
    found = []
    for match in _pattern().finditer(folded):
        if _DATELINE.match(folded, match.end()):
            continue  # "SEATTLE, Dec 3 (Reuters) -": the article's own date, no claim's
        resolved = _resolve(match, published)
        if resolved is not None:
            start, end = _span(match)
            found.append(EnglishDate(start, end, *resolved))
    return found


# A verb of what was done before a month with no year, in its sentence ("was taped out
# in December", "had shipped by November"): a month gone by, in an article of the months
# before it.
_DONE_BEFORE = re.compile(
    r"\b(?:was|were|had|did)\b[^.;!?]*$"
    # ("Larkspur taped out in December": a verb in the past right before; not what is
    # "expected in December")
    r"|\b(?!(?:expected|scheduled|planned|slated|anticipated|targeted|estimated)\b)[a-z]+ed"
    r"(?:\s+(?:out|up|off|down|on))?(?:\s+in)?\s*$"
)
# …unless what was said then was still ahead: "the racks were expected to go live in
# October", "were scheduled to be deployed in October" (not "had been expected in
# December but was deployed in January", nor "earlier than expected in December", nor
# what "was due to start in November", and slipped).
_AHEAD_THEN = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:expected|scheduled|planned|slated)\s+to\b"
    # (no verb of its own after it: "were expected to slip were completed in November")
    r"(?![^.;!?]*\b(?:was|were|had|but|however|yet)\b)[^.;!?]*$"
)
DONE_REACH = 40


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The date's own words: "in October" is dated by "October"."""
    for group in ("month", "year", "weekday"):
        if match[group]:
            return match.start(group), match.end(group)
    return match.start(), match.end()


def _resolve(
    match: re.Match[str], published: PartialDate | None
) -> tuple[PartialDate, bool] | None:
    groups = match.groupdict()
    this_year = published.year if published is not None else None
    if groups["year"]:
        return PartialDate(int(groups["year"])), False
    if groups["qnum"]:
        return _quarter(int(groups["qnyear"]), int(groups["qnum"]))
    if groups["half"]:
        year = _year_of(groups["hyear"], groups["hrel"], this_year)
        # a half of a year is dated by its year: no month says "in the second half"
        return None if year is None else (PartialDate(year), False)
    if groups["quarter"]:
        year = _year_of(groups["qyear"], groups["qrel"], this_year)
        return None if year is None else _quarter(year, _QUARTERS[groups["quarter"]])
    if groups["endrel"] or groups["endyear"]:
        year = _year_of(groups["endyear"], groups["endrel"], this_year)
        return None if year is None else (PartialDate(year, 12), True)
    if this_year is None or published is None:
        return None
    if groups["rel"]:
        return PartialDate(this_year + _RELATIVE[groups["rel"]]), False
    if groups["mrel"] and published.month:
        return _month_back(published, -_RELATIVE[groups["mrel"]]), False
    if groups["ago"] and published.month:
        count = _COUNTS.get(groups["ago"]) or int(groups["ago"])
        months = count if groups["agounit"].startswith("month") else count // 4
        return _month_back(published, months), True
    if groups["dmonth"]:
        name = groups["dmonth"].rstrip(".")
        month = _SHORT.get(name) or MONTHS.index(name) + 1
        try:
            date(this_year, month, int(groups["day"]))
        except ValueError:  # Feb 30
            return None
        return PartialDate(this_year, month, int(groups["day"])), False
    if groups["month"]:
        month = MONTHS.index(groups["month"]) + 1
        if (
            published.month
            and month > published.month
            and _DONE_BEFORE.search(match.string, max(0, match.start() - DONE_REACH), match.start())
            and not _AHEAD_THEN.search(
                match.string, max(0, match.start() - DONE_REACH), match.start()
            )
        ):
            return PartialDate(this_year - 1, month), False  # "was taped out in December"
        return PartialDate(this_year, month), False
    if groups["weekday"] and published.day:
        today = date(published.year, published.month, published.day)
        day = last_weekday(today, _WEEKDAYS.index(groups["weekday"]))
        return PartialDate(day.year, day.month, day.day), False
    return None


def last_weekday(today: date, weekday: int) -> date:
    """The last day of ``weekday`` (0 is Monday) on or before ``today``."""
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def _year_of(written: str | None, relative: str | None, this_year: int | None) -> int | None:
    if written:
        return int(written)
    if relative and this_year is not None:
        return this_year + _RELATIVE[relative]
    return this_year


def _month_back(published: PartialDate, months: int) -> PartialDate:
    """The month ``months`` before the article's (after it, when negative)."""
    at = published.year * 12 + published.month - 1 - months
    return PartialDate(at // 12, at % 12 + 1)


def _quarter(year: int, quarter: int) -> tuple[PartialDate, bool]:
    """A quarter is its first month, roughly."""
    return PartialDate(year, 3 * quarter - 2), True
