"""Numbers in a query, in any of the notations people type.

``15000``, ``15k``, ``1.5万`` and ``1.5 万`` are all 15,000; ``105 billion``,
``105B``, ``1050亿`` and ``1050億`` are all 105,000,000,000. A unit typed with
the number (``5nm``, ``80%``, ``1.83GHz``, ``4美分``, ``$48.1b``) is converted to
the store's base unit and narrows the match to facts in that unit.

The parser works on the tokens of a folded query (see ``textnorm``), where
Traditional characters are already Simplified (億 → 亿, 萬 → 万).
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import re
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from chipfacts.text.numerals import (
    SHARE,
    falling_shares,
    read_numeral,
    read_share,
    share_range,
)

MAGNITUDES = {
    "k": 1e3, "thousand": 1e3, "千": 1e3,
    "m": 1e6, "mn": 1e6, "million": 1e6, "百万": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12,
    "万": 1e4, "亿": 1e8, "万亿": 1e12,
    # India's (10,372 crore rupees): ten million, a hundred thousand
    "crore": 1e7, "lakh": 1e5, "lakh crore": 1e12,
}  # fmt: skip

# unit typed -> (store unit, factor to base units)
UNITS = {
    "nm": ("nm", 1.0), "纳米": ("nm", 1.0), "奈米": ("nm", 1.0),  # (奈米: Taiwan's)
    "hz": ("Hz", 1.0), "khz": ("Hz", 1e3), "mhz": ("Hz", 1e6), "ghz": ("Hz", 1e9),
    "%": ("percent", 1.0), "percent": ("percent", 1.0),
    "$": ("USD", 1.0), "usd": ("USD", 1.0), "dollars": ("USD", 1.0), "美元": ("USD", 1.0),
    "cents": ("USD", 0.01), "cent": ("USD", 0.01), "¢": ("USD", 0.01), "美分": ("USD", 0.01),
    "x": ("x", 1.0), "倍": ("x", 1.0),
    "gpu": ("gpus", 1.0), "gpus": ("gpus", 1.0), "张": ("gpus", 1.0), "颗": ("gpus", 1.0),
    "transistors": ("transistors", 1.0), "transistor": ("transistors", 1.0),
    "cores": ("cores", 1.0),
}  # fmt: skip


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The number patterns, compiled on first use: most queries have no digits."""
    magnitudes = "|".join(sorted(map(re.escape, MAGNITUDES), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
    # One token such as "$48.1b", "15k", "5nm", "80%", "1,050", "1.83ghz".
    compact = re.compile(
        rf"(?P<dollar>(?:us)?\$)?(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
        rf"(?P<magnitude>{magnitudes})?(?P<unit>{units})?"
    )
    # A CJK run that starts with a magnitude and/or unit: "万", "亿美元", "万颗".
    cjk_tail = re.compile(
        r"(?P<magnitude>万亿|万|亿|千|百万)?(?P<unit>美元|美分|倍|张|颗|纳米|奈米)?"
    )
    return compact, cjk_tail


# A currency written before its number, as a word of its own ("US$ 100亿").
CURRENCY_PREFIXES = frozenset({"$", "us$", "usd", "美元"})

MAX_DIGITS = 30  # longer digit strings are not quantities anyone looks up


class QueryNumber(NamedTuple):
    """A number from the query, in base units, with the unit it was typed in."""

    value: float
    unit: str | None  # a store unit ("USD", "nm"…), or None when none was typed
    text: str  # as typed, for messages


@cache
def _compiled(source: str) -> re.Pattern[str]:
    """``source`` compiled on its first use: a pattern compiled at import is start-up
    time for every lookup, most of which never reach it."""
    return re.compile(source)


# A number of two magnitudes as a query types it (3亿5000万, 1万亿2000亿, Taiwan's
# 6兆8530億, 3亿5千万), its digits already without commas.
_TWO_MAGNITUDES = (
    r"(?<![\d.])(?P<n>\d+)(?P<big>万亿|兆|亿)零?(?P<rest>\d{1,4})(?P<small>千万|亿|万)"
)
_SCALES = {"万亿": 1e12, "兆": 1e12, "亿": 1e8, "千万": 1e7, "万": 1e4}


def one_number(folded: str) -> str:
    """``folded`` with each number of two magnitudes written as one, in the smaller
    (3亿5000万 as 35000万), so a query reads it as the article reader does."""
    if not any(ch.isdigit() for ch in folded):
        return folded  # (most queries have no digits)

    def joined(match: re.Match[str]) -> str:
        big, small = _SCALES[match["big"]], _SCALES[match["small"]]
        rest = int(match["rest"]) * small
        if rest >= big or match["big"] == "兆" and match["small"] != "亿":
            return match.group()  # 3亿5亿, 1兆5000万: no number of two magnitudes
        in_wan = (int(match["n"]) * big + rest) / (1e8 if small >= 1e8 else 1e4)
        return f"{in_wan:.12g}{'亿' if small >= 1e8 else '万'}"

    return _compiled(_TWO_MAGNITUDES).sub(joined, folded)


def parse_numbers(toks: list[str]) -> tuple[list[QueryNumber], list[str]]:
    """Pull the numbers out of a token list; return them and the tokens left over."""
    numbers: list[QueryNumber] = []
    rest: list[str] = []
    if not any(ch.isdigit() for tok in toks for ch in tok):
        return numbers, list(toks)
    compact, cjk_tail = _patterns()
    i = 0
    while i < len(toks):
        # "US$ 100亿", "美元 100亿": a currency written apart, before its number
        prefixed = toks[i] in CURRENCY_PREFIXES and i + 1 < len(toks)
        if prefixed and (ahead := compact.fullmatch(toks[i + 1])) and not ahead["unit"]:
            i += 1
        else:
            prefixed = False
        match = compact.fullmatch(toks[i])
        if match is None or len(match["number"]) > MAX_DIGITS:
            rest.append(toks[i])
            i += 1
            continue
        value = float(match["number"].replace(",", ""))
        magnitude, unit = match["magnitude"], match["unit"]
        typed = [toks[i - 1], toks[i]] if prefixed else [toks[i]]
        i += 1
        # "105 billion", "1.5 万", "1050 亿美元", "80 %", "5 nm": the next token(s).
        if magnitude is None and unit is None and i < len(toks):
            word = toks[i]
            if word in MAGNITUDES and not _is_cjk_run(word):
                magnitude, i = word, i + 1
                typed.append(word)
            else:
                tail = cjk_tail.match(word)
                if tail is not None and tail.end() > 0:
                    magnitude, unit = tail["magnitude"], tail["unit"]
                    typed.append(word[: tail.end()])
                    if tail.end() < len(word):
                        toks = [*toks[:i], word[tail.end() :], *toks[i + 1 :]]
                    else:
                        i += 1
        if unit is None and i < len(toks) and toks[i] in UNITS and not _is_cjk_run(toks[i]):
            unit, i = toks[i], i + 1
            typed.append(unit)
        if magnitude is not None:
            value *= MAGNITUDES[magnitude]
        store_unit: str | None = None
        if match["dollar"] or prefixed:
            store_unit = "USD"
        if unit is not None:
            store_unit, factor = UNITS[unit]
            value *= factor
        numbers.append(QueryNumber(value, store_unit, " ".join(typed)))
    return numbers, rest


def _is_cjk_run(word: str) -> bool:
    return bool(word) and "\u3400" <= word[0] <= "\ufaff"


# --- numbers in running text (an article) ------------------------------------------

# Latin magnitudes in prose are whole words ("48.1 billion"); the one-letter forms
# a query allows ("15k", "$48.1b") would read "5m" in a sentence as five million.
_TEXT_MAGNITUDES = {k: v for k, v in MAGNITUDES.items() if len(k) > 1 or not k.isascii()}
# Units in prose. "x" is left out: after a number it is mostly a model's name (MI300X).
# English prose spells units out ("5 nanometers", "2.5 times", "800 gigabits per
# second", "4,600 teraflops").
_WORD_UNITS = {
    "nanometers": ("nm", 1.0), "nanometer": ("nm", 1.0), "nanometres": ("nm", 1.0),
    "nanometre": ("nm", 1.0), "times": ("x", 1.0),
    "terabits per second": ("bits/s", 1e12), "terabit per second": ("bits/s", 1e12),
    "gigabits per second": ("bits/s", 1e9), "gigabit per second": ("bits/s", 1e9),
    "megabits per second": ("bits/s", 1e6), "exaflops": ("flops", 1e18),
    "petaflops": ("flops", 1e15), "teraflops": ("flops", 1e12),
    "terabytes per second": ("bytes/s", 1e12), "gigabytes per second": ("bytes/s", 1e9),
    "terabit-per-second": ("bits/s", 1e12), "gigabit-per-second": ("bits/s", 1e9),
    "terabit": ("bits/s", 1e12), "gigabit": ("bits/s", 1e9),
    "gigawatts": ("W", 1e9), "gigawatt": ("W", 1e9), "megawatts": ("W", 1e6), "watts": ("W", 1.0),
    "megawatt": ("W", 1e6), "kilowatts": ("W", 1e3), "kilowatt": ("W", 1e3),
    # other currencies by name ("180 billion yen", "21.5 trillion won", "10,372 crore
    # rupees"): never dollars (won only after a scale: "won" is a verb too)
    "won": ("KRW", 1.0), "yen": ("JPY", 1.0), "euros": ("EUR", 1.0), "euro": ("EUR", 1.0),
    "rupees": ("INR", 1.0), "rupee": ("INR", 1.0), "yuan": ("yuan", 1.0),
    "renminbi": ("yuan", 1.0),
    # a chip's memory in gigabytes is read as its curators write it, in words (as 192GB)
    "petabytes": ("bytes", 1e15),
    "people": ("people", 1.0), "employees": ("people", 1.0), "workers": ("people", 1.0),
}  # fmt: skip
# An article's measures of a chip, a link or a site that no store attribute may
# have (draft proposes one): compute, bandwidth, power. Bits and bytes per second
# are told apart by case where the text is given (Gb/s, GB/s).
_MEASURES = {
    "pflops": ("flops", 1e15), "tflops": ("flops", 1e12), "eflops": ("flops", 1e18),
    "gflops": ("flops", 1e9),
    "tops": ("ops/s", 1e12), "pops": ("ops/s", 1e15),
    "tb/s": ("bytes/s", 1e12), "gb/s": ("bytes/s", 1e9), "tbps": ("bits/s", 1e12),
    "gbps": ("bits/s", 1e9), "gw": ("W", 1e9), "mw": ("W", 1e6), "kw": ("W", 1e3),
    "瓦": ("W", 1.0), "千瓦": ("W", 1e3), "兆瓦": ("W", 1e6), "吉瓦": ("W", 1e9),
    # Taiwan's kilowatt, 瓩, written 千瓩 in the trade press too (瓩 for 瓦 after the
    # magnitude 千: 130千瓩 is 130 kW; ``_written`` reads 1.8万瓩 as 18 MW)
    "瓩": ("W", 1.0),
    # energy, stored or used (4GWh的储能系统, 年耗电量约20亿千瓦时): watt-hours, no power
    "gwh": ("Wh", 1e9), "mwh": ("Wh", 1e6), "kwh": ("Wh", 1e3), "twh": ("Wh", 1e12),
    "太瓦时": ("Wh", 1e12), "吉瓦时": ("Wh", 1e9), "兆瓦时": ("Wh", 1e6), "千瓦时": ("Wh", 1e3),
    "瓦时": ("Wh", 1.0),
    "瓩时": ("Wh", 1e3),  # Taiwan's kilowatt-hour
    "gigawatt-hours": ("Wh", 1e9), "megawatt-hours": ("Wh", 1e6),
    "kilowatt-hours": ("Wh", 1e3), "terawatt-hours": ("Wh", 1e12),
    "纳秒": ("s", 1e-9), "微秒": ("s", 1e-6), "毫秒": ("s", 1e-3), "ns": ("s", 1e-9),
    "tokens": ("tokens", 1.0), "token": ("tokens", 1.0), "个token": ("tokens", 1.0),
    "片": ("wafers", 1.0),
    # optical modules and other parts, by the piece (出货约210万只, 採購量超過150萬支): no GPUs
    "只": ("pieces", 1.0), "支": ("pieces", 1.0), "柜": ("racks", 1.0),
    "w": ("W", 1.0), "辆": ("vehicles", 1.0), "人": ("people", 1.0), "名员工": ("people", 1.0),
    # firms counted (付费企业客户超过1200家), events (硬件故障超过300次), a model's
    # parameters (70亿参数, 1.2万亿个参数)
    "家": ("firms", 1.0), "次": ("events", 1.0), "参数": ("parameters", 1.0),
    "个参数": ("parameters", 1.0),
    # China's shorthand for petaflops of computing power (租用约800P, 3000P算力)
    "p": ("flops", 1e15),
    # a network's shorthand for a link's rate (单埠速率达800G: ``_line_rate``): bits a second
    "g": ("bits/s", 1e9), "t": ("bits/s", 1e12),
    "平方毫米": ("mm2", 1.0), "pb": ("bytes", 1e15),
    # GPU-hours of a quota or a rent (2,000 GPU小时, 23万卡时): no count of GPUs
    "gpu小时": ("gpu_hours", 1.0), "gpu 小时": ("gpu_hours", 1.0), "卡时": ("gpu_hours", 1.0),
    "卡小时": ("gpu_hours", 1.0), "gpu-hours": ("gpu_hours", 1.0), "gpu hours": ("gpu_hours", 1.0),
    # a lead time or a build time (交期长达40周, 不到5个月): weeks and months, no date
    # (``SPANS_OF_TIME``)
    "周": ("weeks", 1.0), "个月": ("months", 1.0),
    # a run's or a wait's days (训练耗时约52天, 历时71天)
    "天": ("days", 1.0),
    # a change of a share or a margin (提升近12个百分点): points, no per cent of anything
    "个百分点": ("points", 1.0), "百分点": ("points", 1.0), "个多百分点": ("points", 1.0),
    "percentage points": ("points", 1.0), "percentage point": ("points", 1.0),
    # 元 is the article's own currency (RMB in Beijing, NT$ in Taipei): not USD
    "元": ("yuan", 1.0), "兆元": ("yuan", 1e12),
    # other currencies by name: never dollars, nor the article's own 元
    "韩元": ("KRW", 1.0), "日元": ("JPY", 1.0), "欧元": ("EUR", 1.0), "英镑": ("GBP", 1.0),
    "港元": ("HKD", 1.0), "港币": ("HKD", 1.0), "卢比": ("INR", 1.0),
    # (the currency's other names: 3兆美金, 2兆人民币, 新台币 after its sum, 5兆日圆)
    "美金": ("USD", 1.0), "人民币": ("yuan", 1.0), "新台币": ("TWD", 1.0), "台币": ("TWD", 1.0),
    "日圆": ("JPY", 1.0),
    # (兆, a million million in Taiwan and Korea's news: 34兆韩元)
    "兆韩元": ("KRW", 1e12), "兆日元": ("JPY", 1e12),
}  # fmt: skip
_RATES = frozenset({"g", "t"})
# An article's counters of cards and chips beside the query's 张 and 颗 (1.8万块K2, 3万卡)
_COUNTERS = {"块": ("gpus", 1.0), "卡": ("gpus", 1.0)}
_TEXT_UNITS = {k: v for k, v in UNITS.items() if k != "x"} | _COUNTERS | _MEASURES | _WORD_UNITS
# (and the years of an agreement's term, read apart: ``_terms``)
MEASURES = frozenset(unit for unit, _ in _MEASURES.values()) | {"years"}
# Spans of time a figure may be in (a lead time, a build time, a contract's term).
SPANS_OF_TIME = frozenset({"weeks", "months", "days", "years"})
# The counters and units a range may give after each of its numbers (1,800柜至2,000柜,
# 1000美元至1200美元): the units written in Chinese characters, longest first.
_RANGE_COUNTERS = tuple(
    sorted(
        (u for u in _TEXT_UNITS if all("\u4e00" <= ch <= "\u9fff" for ch in u)),
        key=len,
        reverse=True,
    )
)
# A unit joined to its number by a hyphen, as an adjective: "a 5-nanometer process".
_HYPHENED_UNITS = (
    "nanometers", "nanometer", "nanometres", "nanometre", "nm", "gigawatt", "megawatt",
    "terabit-per-second", "gigabit-per-second", "terabit", "gigabit",
)  # fmt: skip
_RANGE = r"(?:\s*(?:-|–|—|~|～|至|到)\s*|\s+to\s+)"
# A verb of change, then "from" or 从 right before a range: a change from one figure
# to another, not a range (rose from 70% to 80%, fell from 35% to 25%; not "prices
# ranging from $25,000 to $40,000", 从2万到4万美元不等).
CHANGED_FROM = re.compile(
    r"(?:\b(?:rose|risen|rising|fell|fallen|falling|grew|grown|increased|decreased|dropped|"
    r"declined|climbed|jumped|slid|surged|shrank|cut|raised|lowered|was\s+(?:raised|cut))\b|"
    r"提升|提高|增长|增加|上升|下降|降低|减少|缩减|扩大|上调|下调|调升|调降)"
    r"\s*(?:\w+\s+){0,3}?(?:from|从)\s*(?:约|about|around)?\s*$"
)

# A year in English prose is a bare four-digit number after one of these words
# ("in 2026", "the first quarter of 2026", "by 2027"); Chinese writes 2026年.
_YEAR = re.compile(r"(?:19|20)\d{2}")
_A_MONTH = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_BEFORE_A_YEAR = re.compile(
    r"\b(?:in|of|by|since|until|till|from|to|through|before|after|during|early|late|mid|"
    r"end|year|fiscal|for|and)\s*-?$"
    # (a date's: "Aug 4, 2026", "May 2026")
    rf"|{_A_MONTH}\s+(?:\d{{1,2}},?\s*)?$"
)
# A day after its month and before its year ("Aug. 4, 2026"): no figure.
_A_DAY_OF = re.compile(rf"{_A_MONTH}\s+$")
_A_DATES_YEAR = re.compile(r",?\s+(?:19|20)\d{2}\b")
# A year before the noun it dates ("its 2026 capital expenditure forecast", "the 2027
# budget"), not before what a count counts ("2048 GPUs").
_YEAR_OF_A_NOUN = re.compile(
    r"\s+(?:capital|capex|fiscal|revenue|sales|budget|forecast|guidance|outlook|results|"
    r"earnings|spending|plan|target|roadmap|model|edition|election|season|report)\b"
)
# A share in English words before "of" or a comparison: "a quarter of", "half of",
# "two-thirds of", "a third less than".
_ENGLISH_SHARE = re.compile(
    r"(?<![a-z])(?<!first\s)(?<!second\s)(?<!third\s)(?<!fourth\s)(?<!last\s)"
    r"(?:(?:a|one)\s+(?P<one>half|third|quarter|fifth|tenth)"
    r"|(?P<two>two|three)[\s-]+(?P<parts>thirds|quarters|fifths|tenths)|(?P<half>half))"
    # not a part of a year: "the first half of next year", "a quarter of 2025"
    r"(?=\s+(?:of|less|more|lower|higher|cheaper)\b)"
    r"(?!\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:year|\d{4}))"
)
# A multiple in English words: "three times the performance", "twice as fast".
_ENGLISH_TIMES = re.compile(
    r"(?<![a-z-])(?:(?P<word>two|three|four|five|six|seven|eight|nine|ten)\s+times|(?P<twice>twice))"
    r"(?![a-z])"
)
_ENGLISH_NUMERALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
# A multiple as a verb: "will double its capacity", "tripled".
_ENGLISH_MULTIPLY = re.compile(
    # not "double-digit", nor a figure said before ("double that number", "double it")
    r"(?<![a-z-])(?P<verb>double|triple|quadruple)(?:s|d)?(?![a-z-])"
    r"(?!\s+(?:digits?|that|this|it|them)\b)"
)
_MULTIPLES = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
# A magnitude after a numeral in words: "one million accelerators", "a billion dollars".
_ENGLISH_MAGNITUDE = re.compile(
    r"(?<![a-z$-])(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
    r"(?P<magnitude>million|billion|trillion)(?P<dollars>\s+dollars)?(?![a-z])"
)
# "billions of dollars", "tens of thousands of chips": a floor, as 数十亿 is.
_ENGLISH_VAGUE = re.compile(
    r"(?<![a-z])(?P<scale>tens|hundreds)?(?:\s+of\s+)?(?<![a-z])"
    r"(?P<magnitude>thousands|millions|billions)(?P<dollars>\s+of\s+dollars)?(?![a-z])"
)
_VAGUE_ENGLISH = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# "several hundred million dollars", "a few thousand GPUs": at least one of the scale,
# as 数万 is at least 10,000.
_SEVERAL = re.compile(
    r"(?<![a-z])(?:several|a\s+few)\s+(?P<first>hundred|thousand|million|billion)"
    r"(?:\s+(?P<second>thousand|million|billion))?(?P<dollars>\s+(?:of\s+)?dollars)?(?![a-z])"
    # (not "several billion-dollar contracts", nor a sum in another currency: won, euros)
    r"(?!-|\s+(?:won|yuan|renminbi|euros?|yen|pounds?|rupees?|dollar\b))"
)
_ENGLISH_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
# "between $35 billion and $40 billion": one range.
_BETWEEN = re.compile(r"between\s+$")
_AND = re.compile(r"\s+and\s+")
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
# What follows a date, a time or a duration (3天, 2小时): no quantity of a fact (weeks
# and months are units: ``SPANS_OF_TIME``).
_NOT_A_QUANTITY = (
    "年", "月", "日", "号", "财年", "季度", "岁", "点", "时", "分", "天", "小时", "个小时",
    "个季度", "秒",
)  # fmt: skip
# A size of memory or storage after a number set apart ("288 gigabytes of HBM3E",
# "192 GB HBM3"): a text fact as its curators write it, like 192GB, no figure (not
# "72 GB200 racks", nor the bandwidth of "GB/s").
_MEMORY_AFTER = r"-?\s?(?:gb|tb|mb|gigabytes?|terabytes?|megabytes?)(?![a-z0-9/])"
# Bits, not bytes, as written ("a 51.2 Tb switch", "800 Gb Ethernet").
_BITS = r"[GTM]b\b"
# A minus sign right before a number, at the start, after a space or a word that sets
# a figure (净利润为-9.17亿元, 从-5%, "was -$120 million"); not GPT-5, nor the hyphen
# of a range after a unit (3万片/月-5万片/月, 1.6T光模块-2.5万只).
_MINUS_BEFORE = r"(?<![^\s为是至到从达约:：,，(（=])[-−]$"
_CHINESE_DIGITS = "零一二两三四五六七八九十百千万亿"
# A rank in Chinese numerals: 排名第四, 位列第三, 居第二名, 第三大股东 (not 安排第二批,
# 新居第一期, 第三季, 第七代, 第二期, 第一批: an arrangement, a home, a time, a
# generation, a phase, a batch; nor 第一大客户, 第二大成本: who buys most, what costs
# most, no rank of the one the sentence is on).
_CHINESE_RANK = (
    r"(?:(?:排名|位列|位居|名列|排在|(?<![安编])排|(?<![新定安])居)\s*"
    r"第(?P<placed>[一二三四五六七八九十]{1,3})(?![批期季代届轮次年月日周天])(?:名|位)?"
    r"|第(?P<largest>[一二三四五六七八九十]{1,3})大(?=股东))"
)
# Vague magnitudes: 数万 "tens of thousands" is at least 10,000, 上千 at least 1,000.
_VAGUE_SCALE = {"十": 10.0, "百": 100.0, "千": 1e3}
_VAGUE_MAGNITUDE = {"万亿": 1e12, "万": 1e4, "亿": 1e8, "千": 1e3, "百": 100.0}


class Quantity(NamedTuple):
    """A number found in a text, in base units, with its offsets in that text.

    ``value`` is None for a range (``low`` and ``high``); a vague magnitude
    (数万) is ``vague``, its value the floor it names.
    """

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None  # a store unit, or None when the text gives none
    vague: bool = False
    ordinal: bool = False  # 第 24 位: a rank
    above: bool = False  # the words say "more than" it (过半)


# The rest of a number of two magnitudes, after the larger (3亿5000万, 1万亿2,000亿,
# Taiwan's 6兆8,530億 and 1兆零460億: 兆 is a million million only there, before 亿;
# 100兆瓦 is megawatts).
_REST_DIGITS = r"(?:\d,\d{3}|\d{1,4})"
# 兆 alone is a million million where a count or a currency follows it (4.6兆个电晶体,
# 3兆美元; not 100兆瓦, 3兆赫: a mega- of a unit, nor 兆元, read whole).
_MAGNITUDE_AFTER = (
    rf"兆(?=零?\s?{_REST_DIGITS}\s?亿|\s?多?(?:个|颗|美元|美金|新台币|台币|人民币|日圆|欧元|港元))"
)


def _rest(of: str) -> str:
    """The rest of number ``of`` (1 or 2) of a range, after its larger magnitude:
    亿 after 万亿 or 兆, 万 or 千万 after 亿 (3亿5000万, 3亿5千万), and units after 万
    where a counter follows (1万2000块)."""
    return (
        rf"(?P<rest{of}>(?:(?<=万亿)|(?<=兆))零?\s?(?P<yi{of}>{_REST_DIGITS})\s?亿"
        rf"|(?<!万亿)(?<=亿)零?\s?(?:(?P<wan{of}>{_REST_DIGITS})\s?万|(?P<qianwan{of}>\d)\s?千万)"
        rf"|(?<!万亿)(?<=万)零?(?P<ge{of}>{_REST_DIGITS})(?=\s?(?:{_COUNTED_AFTER_WAN})))?"
    )


_REST_OF = {"yi": 1e8, "wan": 1e4, "qianwan": 1e7, "ge": 1.0}
# The counters after a count in 万 and its units (1万2000块H20, 2万3000张).
_COUNTED_AFTER_WAN = "块|张|颗|台|个|片|卡|家|套|柜|人|名|元|美元"


@cache
def _text_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    magnitudes = "|".join(sorted(map(re.escape, _TEXT_MAGNITUDES), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, _TEXT_UNITS), key=len, reverse=True))
    counters = "|".join(_RANGE_COUNTERS)
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    written = re.compile(
        # the currency before the number: $48亿, US$100億, 美元100亿 (as 100亿美元)
        # (NT$1,085: Taiwan's dollar; HK$49.6: Hong Kong's)
        rf"(?P<ordinal>第\s*)?(?P<dollar>(?:(?<![a-z])(?:us|nt|hk)\s?)?\$\s?|美元\s?|(?<![a-z])rs(?:\.\s?|\s)|₹\s?|€\s?)?"
        rf"(?P<n1>{number})"
        # (1300余张, 2000多万元, 3万余张: "more than", before the magnitude or the unit)
        rf"(?P<more1>[余多](?=\s?(?:{magnitudes})))?"
        rf"(?:\s?(?P<m1>{magnitudes}|{_MAGNITUDE_AFTER}){_rest('1')})?"
        rf"(?P<more2>[余多](?=\s?(?:{units})))?"
        # "10% to 12%": a range whose first number repeats the unit; 1,800柜至2,000柜,
        # 3万颗至5万颗: a counter, repeated after the second number
        # "$38 billion to $42 billion", HK$49.6至HK$56.8: the currency again after "to",
        # only after one before ("rose 26% to $53.2 billion" is a rise and a level, no range;
        # after 至 the same Hong Kong or Taiwan sign only: 增加$80亿至$570亿 is a rise)
        rf"(?:(?:(?P<u1>%)|(?P<c1>{counters}))?{_RANGE}"
        r"(?(dollar)(?:(?<=to )(?:us)?\$\s?|(?:(?<=至)|(?<=到))(?=hk|nt)(?P=dollar))?)"
        rf"(?P<n2>{number})"
        rf"(?:\s?(?P<m2>{magnitudes}|{_MAGNITUDE_AFTER}){_rest('2')})?)?"
        rf"(?(c1)(?P=c1)|(?:\s?(?P<unit>{units})|-(?P<hyphened>{'|'.join(_HYPHENED_UNITS)})(?![a-z]))?)"
    )
    # (no link's rate after a vague number: 数百G的数据 is an amount, in no unit read here)
    vague_units = "|".join(
        sorted((re.escape(u) for u in _TEXT_UNITS if u not in _RATES), key=len, reverse=True)
    )
    vague = re.compile(
        rf"(?:(?P<lead>[数几上])(?P<scale>[十百千])?(?P<magnitude>万亿|万|亿|千|百)?"
        rf"|(?<![\d{_CHINESE_DIGITS}数几上])(?P<bare>万亿))(?:\s?(?P<unit>{vague_units}))?"
    )
    # 二点五倍: a decimal point (点) inside the numeral
    chinese = re.compile(
        rf"[{_CHINESE_DIGITS}]+(?:点[{_CHINESE_DIGITS}]+)?(?=美元|美分|倍|张|颗)"
        # (千余张, 百余家, 两千多万元: "more than", a unit after)
        # (the numeral ends in 十, 百 or 千: 统一多家, 唯一多家 are no numbers)
        rf"|(?P<numeral>[一二两三四五六七八九十百千]*[十百千])(?P<more>[余多])(?P<magnitude>万亿|亿|万)?"
        rf"(?=\s?(?P<unit>{units}))"
    )
    return written, vague, chinese


# 翻倍, 翻一番, 倍增 ("doubled"): twice as much, a factor of 2, as English "doubled" reads;
# 翻两番 ("doubled twice"), a factor of 4 (not 成倍增长, "manyfold"). 增长一倍 ("grew by as
# much again"): a gain of 100%.
_DOUBLED = re.compile(
    r"翻了?(?:(?P<n>[一两二三])番|番|一?倍)|(?<![成数])倍增(?![加长至到])"
    r"|(?:(?P<grown>增长|增加|成长|提升|提高|扩大|上升|增)了?\s*"
    r"(?:接近|将近|几乎|大约|近|约|逾|超过)?\s*)"
    r"(?P<once>(?<!\d)[一1]\s*倍)(?P<half>半)?"
)
# (the words of a doubling, for what names the level it reaches)
DOUBLING = _DOUBLED.pattern
_NOT_DOUBLED = re.compile(
    r"(?:并未|尚未|未能|没有|没|不会|不能|难以|很难|无法|无望|(?<![并尚])未|不|难)\s*(?:再|能)?\s*$"
)
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3}
# The term of an agreement in years (为期四年的租赁协议, 5年期合约, 十五年的购电协议, 租约期限
# 为三年; "a 15-year contract", "a five-year, $11.6 billion deal"): a span, no year of
# the calendar (2025年的协议: four digits), nor one that says when (三年内, 过去三年,
# "a 10-year high").
_YEARS = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
_AGREEMENT = (
    r"(?:长期)?(?:购电|租赁|供货|供应|采购|合作|框架)?(?:协议|合约|合同|租约|长约|协定|契约)"
)
# (not a bond's, a loan's or a warrant's term: 10年期国债, 5年期公司债券, 10年期认股权证;
# nor 第3年期, 过去三年的合作协议)
_NOT_AN_AGREEMENTS = r"(?:美元|人民币)?(?:国债|公司债|债券|债|贷款|认股权证|存款|定存|利率|收益率)"
_CHINESE_TERM = (
    # (合同期限至少15年: a bound between, read by the bound's own cue)
    rf"(?:为期|期限(?:为|是|长达|达)?)(?:至少|最少|不少于|超过|逾|约|最长)?\s*(?P<n>{_YEARS})\s*年"
    rf"(?P<half>半)?(?![代度底初末中内份])"
    rf"|(?<![\d一二两三四五六七八九十第近前这头])(?<!过去)(?<!未来)(?P<m>{_YEARS})\s*年"
    rf"(?:期(?![间内])(?!{_NOT_AN_AGREEMENTS})|(?=的?{_AGREEMENT}))"
)
_ENGLISH_YEARS = {
    **_ENGLISH_NUMERALS, "twelve": 12, "fifteen": 15, "twenty-five": 25, "twenty": 20,
    "thirty": 30,
}  # fmt: skip
_ENGLISH_TERM = (
    r"(?<![a-z0-9$.,-])(?P<n>\d{1,2}|" + "|".join(_ENGLISH_YEARS) + r")[- ]year(?:[- ]long)?"
    # (a few words may come between: "power purchase agreement", ", $11.6 billion contract")
    # (not "a 10-year high on the deal", "a 30-year-old record")
    r"(?=(?:,(?:(?!\.\s)[^;]){0,40}?"
    r"|(?:\s+(?!high\b|low\b|old\b|record\b|period\b|history\b|average\b)[a-z][a-z-]*){0,3}?)\s+"
    r"(?:contract|agreement|deal|lease|ppa|partnership|commitment|arrangement)s?\b)"
)
_CURRENCY_AT_END = re.compile(r"(?:us\s?)?\$\s?$")


def find_quantities(folded: str, text: str | None = None) -> list[Quantity]:
    """Every quantity in a folded text (``normalize.fold_in_place``), in order.

    Reads what ``parse_numbers`` reads in a query, as prose writes it: ``1050亿``,
    ``1.5 万颗``, ``3万-5万张``, ``6 至 10 倍``, ``$48.1 billion``, ``4美分``,
    ``US$100億`` (as ``100億美元``), ``5nm``, ``80%``, ``第 24 位`` and ``排名第四``; shares
    in words as percentages (七成, 约一半, 三分之一, 过半 "more than half",
    ``numerals.read_share``); vague magnitudes as floors (数万, 数十亿,
    上千, 万亿 "trillions"); numbers written in Chinese numerals before a
    unit (一美分, 三倍), a doubling as a factor (翻倍: 2) and a growth by as much again
    as a gain (增长一倍: 100%); English units
    spelled out (``5-nanometer``, ``2.5 times``, ``800 gigabits per second``), ranges
    (``10% to 12%``), shares (``a quarter of``) and powers of ten (``3×10^26``).
    Years, months and days (2019年, 10月6日, "in 2026") and the digits of a name (H100,
    Llama2, GPT-5) are not quantities.
    ``text`` is the text as written (offset for offset): with it, a number after a
    lowercase word ("has 16,896") is a count, after a capitalised one ("Nitro 1")
    a name's.
    """
    written, vague, chinese = _text_patterns()
    # doublings first, so 1倍 is never read as a factor of one; terms, so a 15-year
    # contract holds no count of 15
    doubled, denied = _doublings(folded)
    terms = _terms(folded) + _powers_of_ten(folded)
    spoken_for = [(q.start, q.end) for q in doubled + terms] + denied
    found: list[Quantity] = []
    for match in written.finditer(folded):
        if match["u1"] and (match["unit"] or match["hyphened"]) not in (None, match["u1"]):
            # "grew 5% to 10 GW": a change and a level of two units, no range; each alone
            percent = exact(_compound(match, "1", match["m1"]))
            found.append(Quantity(match.start(), match.end("u1"), percent, None, None, "percent"))
            second = written.match(folded, match.start("n2"))
            quantity = _written(folded, second, text) if second is not None else None
            found.extend([quantity] if quantity is not None else [])
            continue
        quantity = _written(folded, match, text)
        if quantity is None and match["n2"] is not None and (match["c1"] or match["u1"]):
            # 从8美元到2美元, 1200美元至1000美元: two figures, falling, each with its unit
            first_end = match.end("c1") if match["c1"] else match.end("u1")
            parts = (
                written.match(folded, match.start(), first_end),
                written.match(folded, match.start("n2")),
            )
            for part in parts:
                alone = _written(folded, part, text) if part is not None else None
                if alone is not None and not _overlaps(spoken_for, alone):
                    found.append(alone)
            continue
        if quantity is not None and not _overlaps(spoken_for, quantity):
            found.extend(_from_and_to(folded, match, quantity))
    found.extend(doubled + terms)
    taken = [(q.start, q.end) for q in found]
    for match in vague.finditer(folded):
        quantity = _vague(folded, match)
        if quantity is not None and not _overlaps(taken, quantity):
            found.append(quantity)
    for match in chinese.finditer(folded):
        quantity = _chinese(folded, match)
        if quantity is not None and not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _compiled(_CHINESE_RANK).finditer(folded):
        group = "placed" if match["placed"] else "largest"
        rank = read_numeral(match[group])
        if not rank:
            continue
        at = match.start(group) - 1  # from 第
        quantity = Quantity(at, match.end(), float(rank), None, None, "rank", ordinal=True)
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _ENGLISH_MAGNITUDE.finditer(folded):
        count = 1.0 if match["word"] == "a" else float(_ENGLISH_NUMERALS.get(match["word"], 1))
        unit = "USD" if match["dollars"] else None
        quantity = Quantity(
            match.start(), match.end(), count * MAGNITUDES[match["magnitude"]], None, None, unit
        )
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _ENGLISH_VAGUE.finditer(folded):
        scale = {"tens": 10.0, "hundreds": 100.0}.get(match["scale"] or "", 1.0)
        unit = "USD" if match["dollars"] else None
        floor = scale * _VAGUE_ENGLISH[match["magnitude"]]
        quantity = Quantity(match.start(), match.end(), floor, None, None, unit, vague=True)
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _SEVERAL.finditer(folded):
        floor = _ENGLISH_SCALES[match["first"]] * _ENGLISH_SCALES.get(match["second"] or "", 1.0)
        unit = "USD" if match["dollars"] else None
        quantity = Quantity(match.start(), match.end(), floor, None, None, unit, vague=True)
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _ENGLISH_MULTIPLY.finditer(folded):
        quantity = Quantity(match.start(), match.end(), _MULTIPLES[match["verb"]], None, None, "x")
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _ENGLISH_TIMES.finditer(folded):
        times = 2.0 if match["twice"] else float(_ENGLISH_NUMERALS[match["word"]])
        quantity = Quantity(match.start(), match.end(), times, None, None, "x")
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in _ENGLISH_SHARE.finditer(folded):
        quantity = Quantity(
            match.start(), match.end(), _english_share(match), None, None, "percent"
        )
        if not _overlaps(taken, quantity):
            found.append(quantity)
    for match in SHARE.finditer(folded):
        share, ends, falling = read_share(match), share_range(match), falling_shares(match)
        for start, end, value in falling:
            # (由三成至两成: a share as it was and as it is, two figures)
            quantity = Quantity(start, end, value, None, None, "percent")
            if not _overlaps(taken, quantity):
                found.append(quantity)
        if falling:
            continue
        if ends is not None:
            quantity = Quantity(match.start(), match.end(), None, *ends, "percent")
            if not _overlaps(taken, quantity):
                found.append(quantity)
        elif share is not None:
            value, above = share
            quantity = Quantity(match.start(), match.end(), value, None, None, "percent")
            if not _overlaps(taken, quantity):
                found.append(quantity._replace(above=above))
    return _between(
        folded,
        [
            _named_taiwan_dollars(folded, _read_on(folded, q))
            for q in sorted(found)
            if not _anniversary(folded, q)
        ],
    )


# The New Taiwan dollar named right before or after a sum in 元 (约新台币900亿元, 数亿元
# 新台币).
_TAIWAN_DOLLAR_BEFORE = re.compile(r"(?:新台币|台币)\s*(?:约|近|逾|超过|达)?\s*$")
_TAIWAN_DOLLAR_AFTER = re.compile(r"\s*(?:新台币|台币)")
TAIWAN_DOLLAR = "TWD"


def _named_taiwan_dollars(folded: str, quantity: Quantity) -> Quantity:
    """A sum in 元 with the New Taiwan dollar named beside it is in NT$."""
    if quantity.unit != "yuan":
        return quantity
    before = _TAIWAN_DOLLAR_BEFORE.search(folded, max(0, quantity.start - 6), quantity.start)
    if before is None and _TAIWAN_DOLLAR_AFTER.match(folded, quantity.end) is None:
        return quantity
    return quantity._replace(unit=TAIWAN_DOLLAR)


# The verbs of using or granting card-hours, and what ends their phrase (the text is
# folded: ，and ； read , and ;).
_USED = re.compile(r"使用|消耗|耗费|累计|申请|配额|批下|分配|用了|共计|合计|租用|训练")
USED_REACH = 12
# Energy spoken of before watt-hours (耗电量, 用电, 储能, 发电量).
_ENERGY_BEFORE = re.compile(r"耗电|用电|电量|储能|发电|蓄电|耗能|能耗")
# …or what stores it, right after (1.6吉瓦时的电池储能电站)
_ENERGY_AFTER = re.compile(r"的?\s*(?:电池|储能|蓄电)")
# A time run or spent, before card-hours (运行时长, 耗时, 机时): hours whatever follows.
_TIME_SPENT = re.compile(r"时长|耗时|机时|运行时间")
_PHRASE_ENDS = frozenset({"。", ".", ";", "、", ")", ""})


def _anniversary(folded: str, quantity: Quantity) -> bool:
    """38周年, 62周岁: an anniversary or an age, no span of weeks."""
    return quantity.unit == "weeks" and folded.startswith(("年", "岁"), quantity.end)


def _read_on(folded: str, quantity: Quantity) -> Quantity:
    """A count of cards where 卡时 is no card-hours: card-hours are used, granted or
    asked for (累计使用了约23万卡时), run (运行时长) or end a sentence (23万卡时。); before a
    comma or 的, or elsewhere, 时 says "when" (规模超过10万卡时需要…, 扩展到10万卡时的开销),
    and before 代 it starts 时代 ("era"). A power where 瓦时 says "when" the same way."""
    if quantity.unit == "Wh" and folded.startswith("瓦时", quantity.end - 2):
        # 功率超过100千瓦时，必须采用液冷: 时 says "when" after a power, as after cards;
        # energy is spoken of before it (年耗电量约20亿千瓦时，…)
        energy = _ENERGY_BEFORE.search(
            folded, max(0, quantity.start - USED_REACH), quantity.start
        ) or _ENERGY_AFTER.match(folded, quantity.end)
        if folded[quantity.end : quantity.end + 1] in (",", "的") and energy is None:
            return quantity._replace(unit="W", end=quantity.end - 1)
        return quantity
    if quantity.unit != "gpu_hours" or not folded.startswith("卡时", quantity.end - 2):
        return quantity
    after = folded[quantity.end : quantity.end + 1]
    cards = quantity._replace(unit="gpus", end=quantity.end - 1)
    if after == "代":
        return cards  # 10万卡时代: an era
    if _TIME_SPENT.search(folded, max(0, quantity.start - USED_REACH), quantity.start):
        return quantity  # 运行时长超过200万卡时，…: a time run, in hours whatever follows
    if after == ",":
        return cards  # 集群超过10万卡时，…: "when"
    used = _USED.search(folded, max(0, quantity.start - USED_REACH), quantity.start)
    if used is not None and after != "的" or after in _PHRASE_ENDS:
        return quantity
    return cards


def _between(folded: str, found: list[Quantity]) -> list[Quantity]:
    """ "between $35 billion and $40 billion": two numbers of one unit as one range
    ("between 30,000 and 50,000 GPUs": the unit after the second is the first's too),
    as a figure and its margin are ("$16.5 billion, plus or minus $400 million")."""
    merged: list[Quantity] = []
    for quantity in found:
        last = merged[-1] if merged else None
        between = (
            last is not None
            and _BETWEEN.search(folded, max(0, last.start - 10), last.start) is not None
            and _AND.fullmatch(folded, last.end, quantity.start) is not None
        )
        low = _scaled_like(folded, last, quantity) if last is not None and between else None
        if (
            last is not None
            and low is not None
            and quantity.value is not None
            and low < quantity.value
        ):
            merged[-1] = Quantity(
                last.start, quantity.end, None, low, quantity.value, quantity.unit
            )
        elif last is not None and (spanned := _margin(folded, last, quantity)) is not None:
            merged[-1] = spanned  # "$16.5 billion, plus or minus $400 million"
        else:
            merged.append(quantity)
    return merged


def _margin(folded: str, figure: Quantity, margin: Quantity) -> Quantity | None:
    """A figure and the margin after it ("$16.5 billion, plus or minus $400 million") as
    the range they span, if ``margin`` is one: of the figure's unit, smaller than it."""
    if (
        figure.value is None
        or margin.value is None
        or figure.unit != margin.unit
        or not 0 < margin.value < figure.value
        or _PLUS_OR_MINUS.fullmatch(folded, figure.end, margin.start) is None
    ):
        return None
    low, high = figure.value - margin.value, figure.value + margin.value
    return Quantity(figure.start, margin.end, None, low, high, figure.unit)


_PLUS_OR_MINUS = re.compile(r",?\s*(?:plus\s+or\s+minus|give\s+or\s+take|±)\s*")


def _scaled_like(folded: str, first: Quantity, second: Quantity) -> float | None:
    """The value of ``first`` in ``second``'s unit, when the two may be one range: the
    same unit, or none of its own written before the other's ("between 30,000 and
    50,000 GPUs", "between 300 and 500 MW": 300 MW too, "between 10 and 20 thousand",
    "between 1 million and 1.2 million GPUs"); None when they cannot be."""
    if first.value is None:
        return None
    if first.unit == second.unit:
        return first.value
    scale, own = _scale(folded, second), _scale(folded, first)
    if first.unit is not None or scale is None or own not in (1.0, scale):
        return None
    # ("between 1 million and 1.2 million GPUs": scaled alike already)
    return first.value if own == scale else first.value * scale


def _scale(folded: str, quantity: Quantity) -> float | None:
    """What a quantity's digits as written were multiplied by (1 for "50,000 GPUs",
    a million for "500 MW" and "1.2 million")."""
    digits = _DIGITS_AT.match(folded, quantity.start)
    if digits is None or quantity.value is None:
        return None
    written = float(digits.group().replace(",", ""))
    return quantity.value / written if written else None


_DIGITS_AT = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _overlaps(taken: list[tuple[int, int]], quantity: Quantity) -> bool:
    return any(start < quantity.end and quantity.start < end for start, end in taken)


_LAST_WORD = re.compile(r"[A-Za-z]+$")


_LATIN_AFTER = r"[a-z0-9]"
# A model after its parameters: a kind of model (700亿参数模型), no count of a model's.
_A_MODEL_AFTER = r"\s*(?:(?:级别|规模|量级)的?[^，,。；;]{0,4}?)?(?:大?模型|model)"
# The same, a few words of description between (数千亿参数的大型语言模型): a vague
# magnitude of parameters is always a kind of model's.
_A_MODEL_LATER = r"[^，,。；;]{0,8}?(?:模型|model)"
# Words of computing power around a petaflops written P (租用约800P算力).
_COMPUTING_POWER = r"算力|智算|租用|租赁"
# A link's rate written bare (800G, 1.6T), said of a link where a word of a rate comes
# before it in its clause (单埠速率达800G, 网卡频宽从400G升级到800G); not a grade of a
# part (800G光模块出货量, 1.6T网卡): its kind, no figure of the sentence's subject. Not
# 5G, a phone network's generation.
_RATE_BEFORE = r"(?:速率|带宽|频宽|交换容量|吞吐|speed|bandwidth)[^，,。；;]{0,8}$"
# …or a network's bandwidth said right after it (支持400G网络带宽; not 800G光模块, a kind
# of module, nor 8T的带宽 of memory, in bytes).
_RATE_AFTER = r"\s*的?\s*(?:网络|网路|以太网|乙太网|端口)\s*(?:带宽|频宽|速率)"
# A memory's or a chip link's bandwidth, in bytes a second where its T or G is bare (显存
# 带宽达8T, NVLink带宽1.8T): no link's rate (not 内存带宽提升，网络速率达800G).
_BYTES_BEFORE = (
    r"(?:显存|内存|记忆体|hbm[0-9a-z]*|nvlink|memory)[^，,。；;]{0,6}?(?:带宽|频宽|bandwidth)"
    r"[^，,。；;]{0,8}$"
)
# What follows 只 where it is "only", not a counter (只是, 只有, 只能, 只要).
_ONLY_AFTER = r"[是有能要会占不在够剩]"
# What follows a counter where it starts a word, no counter (只是, 支持, 支付, 支撑).
_NOT_COUNTED_AFTER = {"只": _ONLY_AFTER, "支": r"[持付撑出援]"}
# The words around a number that say what it is are read this far from it (a
# slice of the whole text on each side would make reading an article quadratic).
_AROUND = 64


def _dollars(written: str) -> str:
    """Whose money a sign before a sum means: Taiwan's dollar after NT, Hong Kong's after
    HK, India's rupee (Rs, ₹), the euro (€), else the US dollar."""
    if written.startswith("nt"):
        return TAIWAN_DOLLAR
    if written.startswith(("rs", "₹")):
        return "INR"
    if written.startswith("€"):
        return "EUR"
    return "HKD" if written.startswith("hk") else "USD"


# What an ordinal counts that is no rank: an edition, a round, a batch, a phase.
_EDITIONS = ("届", "期", "轮", "批", "次", "季", "版", "代", "阶段")
# The magnitude that with 瓩 writes a kilowatt (130千瓩), no thousand kilowatts.
_KILO = ("千",)


def _written(folded: str, match: re.Match[str], text: str | None) -> Quantity | None:
    unit = match["unit"] or match["hyphened"] or match["u1"] or match["c1"]
    if (
        unit == "p"
        and (
            match.start("unit") > match.end("n1") + len(match["m1"] or "")  # "5 per GPU"
            or _compiled(_LATIN_AFTER).match(folded, match.end())
            or not _compiled(_COMPUTING_POWER).search(
                folded, max(0, match.start() - _AROUND // 4), match.end() + _AROUND // 4
            )
        )
        or unit in ("g", "t")
        and not _line_rate(folded, match, text)
        or unit in _NOT_COUNTED_AFTER
        and _compiled(_NOT_COUNTED_AFTER[unit]).match(folded, match.end())
        or unit in ("参数", "个参数")
        and _compiled(_A_MODEL_AFTER).match(folded, match.end())
        or unit == "won"
        and (
            not (match["m1"] or match["m2"])
            or match["dollar"]
            or folded.startswith(("'t", "’t"), match.end())
        )
    ):
        # "$5.49 per GPU-hour", 1080P: no petaflops where none are spoken of; 1.5万只是
        # 起点: 只 is "only", S3支持: 支 starts "supports"; 万亿参数模型: a kind of model,
        # no count of its parameters; "the 2 won": a verb, no currency.
        # The number stands without the unit.
        shorter = match.re.match(folded, match.start(), match.start("unit"))
        return _written(folded, shorter, text) if shorter is not None else None
    after = folded[match.end() : match.end() + _AROUND].lstrip()
    if unit is None and match["m1"] is None and after.startswith(_NOT_A_QUANTITY):
        return None
    memory = _compiled(_MEMORY_AFTER).match(folded, match.end()) if unit is None else None
    if memory is not None and (
        text is None or not _compiled(_BITS).search(text, memory.start(), memory.end())
    ):
        return None
    offset = max(0, match.start() - _AROUND)
    before = folded[offset : match.start()]
    if before[-1:].isascii() and before[-1:].isalpha() and not _cjk_unit(unit):
        return None  # H100, Llama2: a name's digits, unless a Chinese unit follows (GPU1000倍)
    spaced = before.rstrip(" -")
    word = _LAST_WORD.search(spaced)
    bare = not (unit or match["m1"] or match["dollar"] or match["n2"])
    if bare and _YEAR.fullmatch(match["n1"]) and _BEFORE_A_YEAR.search(before):
        return None  # "in 2026", "the first quarter of 2026", "its 2026 forecast": a year
    if (
        bare
        and len(match["n1"]) <= 2
        and not match["n2"]
        and _A_DAY_OF.search(before)
        and _A_DATES_YEAR.match(folded, match.end())
    ):
        return None  # "Aug. 4, 2026": a day of the month (not "may 10", a verb's)
    if bare and _YEAR.fullmatch(match["n1"]) and _YEAR_OF_A_NOUN.match(folded, match.end()):
        return None  # "2026 capital expenditure": the year of a figure, no figure
    if word is not None and not (unit or match["m1"] or match["dollar"]):
        # GPT-5, Nitro 1: a name's number ("Meta $9,000" is a sum); "has 16,896" and "to
        # 10" are counts. A name is capitalised where it was written, or joined to its
        # number by "-".
        written = (text or folded)[offset + word.start() : offset + word.end()]
        if before.endswith("-") or written[:1].isupper() or text is None:
            return None
    following = folded[match.end() : match.end() + 1]
    if following.isascii() and following.isalnum() and not _cjk_unit(unit):
        return None  # 300x, 4k: part of a longer token (5万颗Maia: a Chinese unit ends it)
    if len(match["n1"]) > MAX_DIGITS or len(match["n2"] or "") > MAX_DIGITS:
        return None
    more = bool(match["more1"] or match["more2"])
    touching = before[-1:].isascii() and before[-1:].isalpha()
    named = spaced[-1:].isascii() and spaced[-1:].isalpha()  # a Latin word, a space between
    year = not match["m1"] and _YEAR.fullmatch(match["n1"]) is not None
    if more and (touching or named and year):
        # MI300多卡互联, H20多次被约谈, Computex 2025多家台厂: a name's digits or a year,
        # then 多 ("multi-", "many"), no number "more than" anything (A100 GPU 2万余张 is)
        return None
    unit_factor = 1.0
    store_unit: str | None = _dollars(match["dollar"]) if match["dollar"] else None
    if unit is not None:
        store_unit, unit_factor = _TEXT_UNITS[unit]
        written = text[match.start("unit") : match.end("unit")] if text is not None else ""
        if store_unit == "bytes/s" and "b/" in written:
            store_unit = "bits/s"  # 800Gb/s: bits, not bytes
        if written == "mW":
            unit_factor = 1e-3  # milliwatts, not megawatts (MW)
        if unit == "瓩" and (match["m1"] or match["m2"]) not in _KILO:
            unit_factor = 1e3  # 1.8万瓩: ten thousands of Taiwan's kilowatt (10^4 kW)
    first = exact(_compound(match, "1", match["m1"] or match["m2"]) * unit_factor)
    start, end = match.start(), match.end()
    if match["ordinal"] and store_unit in SPANS_OF_TIME:
        return None  # 第3周: a week of the calendar, no rank nor span
    if match["ordinal"] and folded.startswith(_EDITIONS, match.end("n1")):
        return None  # 第67届TOP500榜单, 第二轮招标: an edition or a round, no rank
    if match["ordinal"]:
        return Quantity(start, end, first, None, None, "rank", ordinal=True)
    if match["n2"] is None:
        if _compiled(_MINUS_BEFORE).search(folded, max(0, start - 2), start):
            # 净利润为-9.17亿元, "operating income of -$120 million": a loss, below zero
            return Quantity(start - 1, end, -first, None, None, store_unit)
        return Quantity(start, end, first, None, None, store_unit, above=more)
    plain = not (unit or match["m1"] or match["m2"] or match["dollar"])
    if plain and all(_YEAR.fullmatch(n or "") for n in (match["n1"], match["n2"])):
        return None  # "grew from 2023 to 2025": a period, no figures
    second = exact(_compound(match, "2", match["m2"]) * unit_factor)
    # "2023-2024", "11-15": not a range of one quantity (but "fell from 35% to 25%" is
    # two figures, for ``_from_and_to``)
    if second <= first and not _changed_from(folded, start):
        return None
    return Quantity(start, end, None, first, second, store_unit)


def doubles(folded: str, start: int) -> bool:
    """Whether a verb of doubling (翻倍, 倍增, 翻两番) starts at ``start``: a growth by
    the factor read there."""
    match = _DOUBLED.match(folded, start)
    return match is not None and match["once"] is None


def _line_rate(folded: str, match: re.Match[str], text: str | None) -> bool:
    """Whether the G or T after a number is a link's rate (``_RATE_BEFORE``): written
    in capitals right after it, then no letter or digit, and ten gigabits or more."""
    at = match.start("unit")
    if text is None or not text[at].isupper() or at != match.end("m1" if match["m1"] else "n1"):
        return False
    if _compiled(_LATIN_AFTER).match(folded, match.end()):
        return False
    if match["unit"] == "g" and float(match["n1"].replace(",", "")) < 10:
        return False
    start = max(0, match.start() - _AROUND // 2)
    before = folded[start : match.start()]
    rate = _compiled(_RATE_BEFORE).search(before) or _compiled(_RATE_AFTER).match(
        folded, match.end()
    )
    return rate is not None and not _compiled(_BYTES_BEFORE).search(before)


def _doublings(folded: str) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """Each doubling the text reports, a verb of doubling as a factor (翻倍, 翻了一倍, 倍增:
    2; 翻两番: 4) and a growth by as much again as a gain in per cent (增长1倍: 100%;
    增长一倍半: 150%), and where each one denied stands (并未翻倍, 没有增长1倍: no figure
    at all)."""
    found = []
    denied = []
    for match in _DOUBLED.finditer(folded):
        if _NOT_DOUBLED.search(folded, max(0, match.start() - _AROUND), match.start()):
            denied.append(match.span())
            continue
        if match["once"] is None:
            # curators write a doubling as what it multiplies by (倍增: 2), as "doubled"
            factor = 2.0 ** _DOUBLINGS[match["n"] or "一"]
            found.append(Quantity(match.start(), match.end(), factor, None, None, "x"))
            continue
        gain = 150.0 if match["half"] else 100.0
        found.append(Quantity(match.start("once"), match.end(), gain, None, None, "percent"))
    return found, denied


# A power of ten, with its factor (10^27, 3×10^26, 2.5 x 10^25): the whole number, not
# its digits (10^27 is no 10).
_POWER_OF_TEN = re.compile(
    r"(?<![\d.])(?:(?P<factor>\d+(?:\.\d+)?)\s*[×x*]\s*)?10\s*\^\s*(?P<exponent>-?\d{1,3})(?!\d)"
    # (operations counted, 10^26 FLOPs, 10^27次浮点运算: a count of them, in flops)
    r"(?P<flops>\s*(?:次\s*)?(?:浮点运算|flops?\b))?"
)


def _powers_of_ten(folded: str) -> list[Quantity]:
    """Each number written as a power of ten: floating-point operations where their
    words follow, else a bare number (what it counts, the words around it say)."""
    return [
        Quantity(
            match.start(),
            match.end("exponent"),
            float(Decimal(match["factor"] or 1) * Decimal(10) ** int(match["exponent"])),
            None,
            None,
            "flops" if match["flops"] else None,
        )
        for match in _POWER_OF_TEN.finditer(folded)
    ]


def _terms(folded: str) -> list[Quantity]:
    """The term of each agreement the text names, in years (``_CHINESE_TERM``,
    ``_ENGLISH_TERM``)."""
    found = []
    for match in _compiled(_CHINESE_TERM).finditer(folded):
        group = "n" if match["n"] else "m"
        written = match[group]
        years = int(written) if written.isdigit() else read_numeral(written)
        if years:
            half = 0.5 if match["half"] else 0.0  # 为期两年半
            found.append(
                Quantity(match.start(group), match.end(), years + half, None, None, "years")
            )
    for match in _compiled(_ENGLISH_TERM).finditer(folded):
        count = int(match["n"]) if match["n"].isdigit() else _ENGLISH_YEARS[match["n"]]
        found.append(Quantity(match.start(), match.end(), float(count), None, None, "years"))
    return found


def _from_and_to(folded: str, match: re.Match[str], quantity: Quantity) -> list[Quantity]:
    """A range after a verb of change and "from" is two figures, the one changed from
    and the one changed to ("rose from 70% to 80%", "fell from 35% to 25%", 提高从…),
    each with the range's unit."""
    if quantity.low is None or quantity.high is None or not _changed_from(folded, match.start()):
        return [quantity]
    # each figure's span with its own unit, counter or currency (-1 for one absent)
    first_end = max(match.end(group) for group in ("n1", "m1", "rest1", "u1", "c1"))
    currency = _CURRENCY_AT_END.search(folded, first_end, match.start("n2"))
    second_start = currency.start() if currency else match.start("n2")
    return [
        Quantity(quantity.start, first_end, quantity.low, None, None, quantity.unit),
        Quantity(second_start, quantity.end, quantity.high, None, None, quantity.unit),
    ]


def _changed_from(folded: str, start: int) -> bool:
    """Whether a verb of change and "from" (or 从) stand right before ``start``."""
    return CHANGED_FROM.search(folded, max(0, start - 2 * _AROUND), start) is not None


def _english_share(match: re.Match[str]) -> float:
    """The percentage an ``_ENGLISH_SHARE`` match names: a quarter of is 25%."""
    if match["half"]:
        return 50.0
    if match["one"]:
        return round(100.0 / _PARTS[match["one"]], 1)
    count = {"two": 2, "three": 3}[match["two"]]
    return round(100.0 * count / _PARTS[match["parts"].rstrip("s")], 1)


def exact(value: float) -> float:
    """A value as written, without the float noise of its unit's factor (500 纳秒
    is 5e-07 s, not 5.000000000000001e-07)."""
    return float(f"{value:.12g}")


def _cjk_unit(unit: str | None) -> bool:
    return unit is not None and _is_cjk_run(unit)


def _compound(match: re.Match[str], of: str, magnitude: str | None) -> float:
    """Number ``of`` (1 or 2) of a written match in ``magnitude``, with the rest of a
    number of two magnitudes (3亿5000万) when it has one."""
    head = match["n" + of]
    value = float(head.replace(",", "")) * 1e12 if magnitude == "兆" else _scaled(head, magnitude)
    if "." in head:
        return value  # 1.5亿5000万: no number is written so; the rest is left out
    return value + sum(
        float(match[group + of].replace(",", "")) * scale
        for group, scale in _REST_OF.items()
        if match[group + of]
    )


def _scaled(number: str, magnitude: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * _TEXT_MAGNITUDES[magnitude] if magnitude else value


def _vague(folded: str, match: re.Match[str]) -> Quantity | None:
    unit, factor = _TEXT_UNITS[match["unit"]] if match["unit"] else (None, 1.0)
    if unit == "parameters" and _compiled(_A_MODEL_LATER).match(folded, match.end()):
        # 万亿参数模型, 数千亿参数的大型语言模型: a kind of model, no count of a model's
        return None
    if match["bare"]:
        return Quantity(match.start(), match.end(), 1e12 * factor, None, None, unit, vague=True)
    scale, magnitude = match["scale"], match["magnitude"]
    if magnitude is None and scale is None:
        return None  # 数据, 上市: no magnitude follows
    if match["lead"] == "上" and scale is not None:
        return None  # 上十 is no idiom; 上千 and 上万 are
    floor = _VAGUE_SCALE.get(scale or "", 1.0) * _VAGUE_MAGNITUDE.get(magnitude or "", 1.0)
    return Quantity(match.start(), match.end(), floor * factor, None, None, unit, vague=True)


def _chinese_more_than(folded: str, match: re.Match[str]) -> Quantity | None:
    """千余张, 十多家, 两千多万元: more than a number in Chinese numerals, in its unit."""
    from cn2an import cn2an  # lazy: 100 ms, only for Chinese numerals before a unit

    try:
        numeral = match["numeral"].replace("两", "二")
        # (百余家, 千余张: a hundred, a thousand, as 一百 and 一千 write them)
        numeral = "一" + numeral if numeral[0] in "百千" else numeral
        value = float(cn2an(numeral, "strict"))
    except ValueError:
        return None
    value *= _VAGUE_MAGNITUDE.get(match["magnitude"] or "", 1.0)
    store_unit, factor = _TEXT_UNITS[match["unit"]]
    end = match.end("unit")
    return Quantity(match.start(), end, value * factor, None, None, store_unit, above=True)


def _chinese(folded: str, match: re.Match[str]) -> Quantity | None:
    """A number in Chinese numerals before a unit (一美分, 三倍), read by cn2an."""
    if match.start() > 0 and folded[match.start() - 1] in "数几上第":
        return None
    if match["more"]:
        return _chinese_more_than(folded, match)
    unit = re.match(r"美元|美分|倍|张|颗", folded[match.end() : match.end() + 2])
    assert unit is not None  # the pattern's look-ahead
    if match.group() == "一" and unit.group() not in ("美元", "美分"):
        return None  # 一颗芯片, 一张卡: "a chip", not a count
    from cn2an import cn2an  # lazy: 100 ms, only for Chinese numerals before a unit

    try:
        # 两倍 ("twice"): cn2an reads 两 only as 二 (两颗芯片 is "two chips", no count)
        numeral = match.group().replace("两", "二") if unit.group() == "倍" else match.group()
        value = float(cn2an(numeral, "strict"))
    except ValueError:  # 十千, 万亿万: not a well-formed numeral
        return None
    store_unit, factor = _TEXT_UNITS[unit.group()]
    return Quantity(match.start(), unit.end() + match.end(), value * factor, None, None, store_unit)
