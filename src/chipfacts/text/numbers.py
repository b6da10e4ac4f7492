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
from functools import cache
from typing import NamedTuple

MAGNITUDES = {
    "k": 1e3, "thousand": 1e3, "千": 1e3,
    "m": 1e6, "mn": 1e6, "million": 1e6, "百万": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12,
    "万": 1e4, "亿": 1e8, "万亿": 1e12,
}  # fmt: skip

# unit typed -> (store unit, factor to base units)
UNITS = {
    "nm": ("nm", 1.0),
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
        rf"(?P<dollar>\$)?(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
        rf"(?P<magnitude>{magnitudes})?(?P<unit>{units})?"
    )
    # A CJK run that starts with a magnitude and/or unit: "万", "亿美元", "万颗".
    cjk_tail = re.compile(r"(?P<magnitude>万亿|万|亿|千|百万)?(?P<unit>美元|美分|倍|张|颗)?")
    return compact, cjk_tail


MAX_DIGITS = 30  # longer digit strings are not quantities anyone looks up


class QueryNumber(NamedTuple):
    """A number from the query, in base units, with the unit it was typed in."""

    value: float
    unit: str | None  # a store unit ("USD", "nm"…), or None when none was typed
    text: str  # as typed, for messages


def parse_numbers(toks: list[str]) -> tuple[list[QueryNumber], list[str]]:
    """Pull the numbers out of a token list; return them and the tokens left over."""
    numbers: list[QueryNumber] = []
    rest: list[str] = []
    if not any(ch.isdigit() for tok in toks for ch in tok):
        return numbers, list(toks)
    compact, cjk_tail = _patterns()
    i = 0
    while i < len(toks):
        match = compact.fullmatch(toks[i])
        if match is None or len(match["number"]) > MAX_DIGITS:
            rest.append(toks[i])
            i += 1
            continue
        value = float(match["number"].replace(",", ""))
        magnitude, unit = match["magnitude"], match["unit"]
        typed = [toks[i]]
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
        if match["dollar"]:
            store_unit = "USD"
        if unit is not None:
            store_unit, factor = UNITS[unit]
            value *= factor
        numbers.append(QueryNumber(value, store_unit, " ".join(typed)))
    return numbers, rest


def _is_cjk_run(word: str) -> bool:
    return bool(word) and "\u3400" <= word[0] <= "\ufaff"
