"""Chinese numerals in a query, rewritten as the digits people also type.

一万五千 is 15000, 三万到五万 is 30000到50000, 一千零五十亿 is 105000000000,
and the spoken shorthand 一万五 is 15000 (a last digit without a unit of its own
counts in the unit below the one before it, as 三千五 is 3500). The number
reader (``numbers.parse_numbers``) then reads them as it reads digits.

A share in words is a percentage: 七成 is 70%, 一半 50%, 三分之一 33.3%, 过半
("more than half") 50% (``read_share``; ``numbers.find_quantities`` reads the
same words in an article, with the bound 过 gives).

Only what is surely a number is rewritten: a run of two or more numeral
characters that reads as one well-formed numeral, or one digit before a unit
(三倍, 五张). 第一 (an ordinal), 数万 and 几十万 (vague: ``numbers`` reads them),
一颗 ("a chip"), 统一 or 万一 (words) stay as typed. The reader is a few lines
of arithmetic, so a query pays for no library to read its numerals.
"""

from __future__ import annotations

import re
from functools import cache

_ZERO = "零〇"
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
# After these a numeral is an ordinal (第一) or a vague magnitude (数万, 几十, 上千).
_NOT_AFTER = "第数几上"
# The units a single digit is counted in (三倍, 五张); 一 alone only for money (一美分).
_UNITS = ("倍", "张", "颗", "美元", "美分")
_MONEY = ("美元", "美分")


def read_numeral(run: str) -> int | None:
    """The value of a Chinese numeral (``None`` when it is not a well-formed one)."""
    total = section = 0  # the big units read so far; the part below 万 being read
    digit: int | None = None
    small_ceiling, big_ceiling, last_unit = 10_000, 0, 0
    after_zero = False
    for ch in run:
        if ch in _ZERO:
            if digit is not None or last_unit == 0:
                return None
            after_zero = True
        elif ch in _DIGITS:
            if digit is not None:
                return None  # 一二: two digits in a row name no number
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            unit = _SMALL[ch]
            if unit >= small_ceiling:
                return None  # 百千: units must fall
            if digit is None and not (ch == "十" and section == 0 and total == 0):
                return None  # only 十 stands without a digit (十二, 十万)
            section += (1 if digit is None else digit) * unit
            small_ceiling, last_unit, digit, after_zero = unit, unit, None, False
        else:
            unit = _BIG[ch]
            section += digit or 0
            if section == 0 and not (total and unit > last_unit == big_ceiling):
                return None  # 万一, 千万 alone: words, not numbers
            # 七万亿: a bigger unit multiplies all before it; 三亿五千万 adds
            total = (total + section) * unit if unit > big_ceiling else total + section * unit
            big_ceiling = max(big_ceiling, unit)
            section, small_ceiling, last_unit, digit, after_zero = 0, 10_000, unit, None, False
    if digit is not None:
        # 一万五 is 15000, but 一千零五 is 1005
        section += digit if after_zero or last_unit == 0 else digit * last_unit // 10
    return total + section


# A share in words: 七成 ("seven tenths"), 三分之一 ("one third"), 一半 ("half"), and
# 过半 or 逾半 ("more than half"). 成 after one digit only, not in words (一成不变,
# 八成是 "probably"); 半 only with 一, 过 or 逾 (not 半导体).
_TENTHS_AFTER = r"成(?![不是功员本为立群新])"
SHARE = re.compile(
    r"(?<![0-9零〇一二两三四五六七八九十百千万亿])(?:"
    # a range of tenths: 六到七成, 三至四成, or two running on, 两三成 (not 四、六成, two
    # shares listed, nor 三五成群, "in small groups")
    rf"(?P<fewer>[一二两三四五六七八])\s*(?:到|至|~|-|—|–)\s*(?P<more>[二两三四五六七八九]){_TENTHS_AFTER}"
    # …the first's 成 written too (两成至三成; its second not going on: 三成至四成五)
    rf"|(?P<low>[一二两三四五六七八]){_TENTHS_AFTER}\s*(?:到|至|~|-|—|–)\s*"
    rf"(?P<high>[二两三四五六七八九]){_TENTHS_AFTER}(?![五半])"
    rf"|(?P<pair>一二|两三|二三|三四|四五|五六|六七|七八|八九){_TENTHS_AFTER}"
    # (七成五: 75, where nothing goes on after it: not 七成五百强, 六成五岁)
    rf"|(?P<tenths>[一二两三四五六七八九]){_TENTHS_AFTER}"
    r"(?P<half>五(?=$|[^\u4e00-\u9fff〇]|的|左右|以上|以下|上下))?"
    r"|(?P<whole>[二三四五六七八九十百]+)分之(?P<part>[一二两三四五六七八九十]+)"
    r"|(?P<over>[过逾])半|一半)"
)


def read_share(match: re.Match[str]) -> tuple[float, bool] | None:
    """The percentage a ``SHARE`` match names (of a range, its top: ``share_range``),
    and whether it is "more than" it."""
    if match["fewer"] or match["pair"] or match["low"]:
        ends = share_range(match)
        return (ends[1], False) if ends is not None else None  # (七到五成: no range)
    if match["tenths"]:  # (七成五: 75)
        return _DIGITS[match["tenths"]] * 10.0 + (5.0 if match["half"] else 0.0), False
    if match["whole"]:
        whole, part = read_numeral(match["whole"]), read_numeral(match["part"])
        if not whole or not part or part >= whole:
            return None  # 三分之五 is no share
        return round(100.0 * part / whole, 1), False
    return 50.0, match["over"] is not None


def share_range(match: re.Match[str]) -> tuple[float, float] | None:
    """The two ends of a range of tenths (六到七成, 两三成: 60 to 70, 20 to 30), or None
    when the match names one share."""
    if match["pair"]:
        low, high = (_DIGITS[digit] * 10.0 for digit in match["pair"])
        return low, high
    fewer, more = (
        (match["fewer"], match["more"]) if match["fewer"] else (match["low"], match["high"])
    )
    if not fewer:
        return None
    low, high = _DIGITS[fewer] * 10.0, _DIGITS[more] * 10.0
    return (low, high) if low < high else None


def falling_shares(match: re.Match[str]) -> tuple[tuple[int, int, float], ...]:
    """The two shares a ``SHARE`` match of two tenths, each with its 成, names where the
    second is no more than the first (由三成至两成: 30, then 20), as (start, end, value)."""
    if not match["low"] or share_range(match) is not None:
        return ()
    return (
        (match.start("low"), match.start("low") + 2, _DIGITS[match["low"]] * 10.0),
        (match.start("high"), match.end(), _DIGITS[match["high"]] * 10.0),
    )


@cache
def _numeral() -> re.Pattern[str]:
    """A run of numeral characters, compiled on first use: most queries have none."""
    return re.compile(f"[{_ZERO}{''.join(_DIGITS)}{''.join(_SMALL)}{''.join(_BIG)}]+")


def arabic(folded: str) -> str:
    """A folded query with its Chinese numerals in digits (see the module docstring)."""
    if not any(ch in _DIGITS or ch in _SMALL or ch == "半" for ch in folded):
        return folded  # most queries: no numeral, no pattern run
    folded = SHARE.sub(_percent, folded)
    return _numeral().sub(lambda match: _digits(folded, match), folded)


def _percent(match: re.Match[str]) -> str:
    ends = share_range(match)
    if ends is not None:
        return f"{ends[0]:g}%-{ends[1]:g}%"
    falling = falling_shares(match)
    if falling:  # 由三成至两成: 由30%至20%
        (_, first_end, first), (second_start, _, second) = falling
        between = match.string[first_end:second_start]
        return f"{first:g}%{between}{second:g}%"
    share = read_share(match)
    return match.group() if share is None else f"{share[0]:g}%"


def _digits(folded: str, match: re.Match[str]) -> str:
    run = match.group()
    if match.start() > 0 and folded[match.start() - 1] in _NOT_AFTER:
        return run
    if len(run) == 1:
        unit = next((u for u in _UNITS if folded.startswith(u, match.end())), None)
        if unit is None or (run == "一" and unit not in _MONEY):
            return run
    value = read_numeral(run)
    return run if value is None else str(value)
