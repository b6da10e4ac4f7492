"""How values read to a person: 105 billion, 16,896, 1.83 GHz, $48.1 billion, 4¢,
80%, ≥ 100,000 GPUs, 30,000–50,000. Every output format takes its human text from
here, so a number looks the same in a table, a TSV line and JSON's ``display``.
"""

from __future__ import annotations

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound, Fact, Number

BOUND_PREFIX = {
    Bound.EXACT: "",
    Bound.ABOUT: "~",
    Bound.AT_LEAST: "≥ ",
    Bound.MORE_THAN: "> ",
    Bound.AT_MOST: "≤ ",
    Bound.LESS_THAN: "< ",
}

# unit -> (singular, plural) word after the number; "" for none
_NOUNS = {
    "transistors": ("transistor", "transistors"),
    "gpus": ("GPU", "GPUs"),
    "cores": ("core", "cores"),
    "chips": ("chip", "chips"),
}

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


# Past 2**53 a float's integer digits are binary noise (1e23 is
# 99,999,999,999,999,991,611,392 as an int): such a float is shown by its
# shortest repr, which is what was written.
_EXACT_FLOAT_LIMIT = 2.0**53


def plain_number(n: Number) -> str:
    """16896 -> '16,896'; 1.5 -> '1.5'; 105e9 -> '105,000,000,000'; 1e23 -> '1e+23'."""
    if isinstance(n, float) and abs(n) >= _EXACT_FLOAT_LIMIT:
        return format(n, ",").removesuffix(".0")
    if float(n).is_integer():
        return f"{int(n):,}"
    return f"{n:,.6g}" if abs(n) < 1e6 else f"{n:,.2f}"


def short_number(n: Number) -> str:
    """Large numbers in words: 105e9 -> '105 billion', -5e15 -> '-5,000 trillion';
    below a million, with commas."""
    for scale, word in _SCALES:
        if abs(n) >= scale:
            # 15 significant digits drop the division's binary noise
            # (1e23 / 1e12 is 99999999999.99998, shown as 100,000,000,000).
            scaled = float(f"{n / scale:.15g}")
            shown = f"{scaled:.3g}" if abs(scaled) < 1000 else plain_number(scaled)
            return f"{shown} {word}"
    return plain_number(n)


def _magnitude(n: Number, unit: str | None) -> str:
    """One number in its unit, without a bound."""
    if unit == "USD":
        if 0 < abs(n) < 1:
            return f"{n * 100:.3g}¢"
        sign = "-" if n < 0 else ""  # -$5 billion, not $-5 billion
        return f"{sign}${short_number(abs(n))}"
    if unit == "Hz":
        for scale, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
            if abs(n) >= scale:
                return f"{n / scale:.4g} {prefix}Hz"
        return f"{plain_number(n)} Hz"
    if unit == "percent":
        return f"{plain_number(n)}%"
    if unit == "x":
        return f"{plain_number(n)}×"
    if unit == "nm":
        return f"{plain_number(n)} nm"
    if unit == "rank":
        return f"#{plain_number(n)}"
    return short_number(n)


def _noun(unit: str | None, n: Number) -> str:
    if unit in _NOUNS:
        singular, plural = _NOUNS[unit]
        return " " + (singular if n == 1 else plural)
    return ""


def format_quantity(
    value: Number | None, low: Number | None, high: Number | None, bound: Bound, unit: str | None
) -> str:
    """A number with its bound and unit: '≥ 100,000 GPUs', '30,000–50,000 GPUs', '~4¢'."""
    if bound is Bound.RANGE and low is not None and high is not None:
        low_text, high_text = _magnitude(low, unit), _magnitude(high, unit)
        if unit == "x":  # 6–10×, not 6×–10×
            low_text = plain_number(low)
        elif unit in ("Hz", "nm") or unit is None or unit in _NOUNS:
            # share the unit word: "30,000–50,000 GPUs"
            suffix = _unit_suffix(high_text)
            if suffix and low_text.endswith(suffix):
                low_text = low_text[: -len(suffix)]
        return f"{low_text}–{high_text}{_noun(unit, high)}"
    assert value is not None
    return f"{BOUND_PREFIX[bound]}{_magnitude(value, unit)}{_noun(unit, value)}"


def _unit_suffix(text: str) -> str:
    head, _, tail = text.rpartition(" ")
    return " " + tail if head and not tail[:1].isdigit() else ""


def format_value(fact: Fact) -> str:
    """The human text of a fact's value, whatever its type."""
    value = fact.value
    if isinstance(value, PartialDate):
        return ("~" if fact.bound is Bound.ABOUT else "") + str(value)
    if isinstance(value, str):
        return value
    return format_quantity(value, fact.low, fact.high, fact.bound, fact.unit)


def count_noun(count: int, noun: str) -> str:
    """'1 fact', '2 facts', '3 entities': titles and summaries say it right."""
    if count == 1:
        return f"{count} {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{count:,} {plural}"


def shown_of(shown: int, total: int, noun: str, *, capped: bool = False) -> str:
    """'17 facts', or when fewer are shown than match, '10 of 17 facts' ('of 1,000+')."""
    if shown >= total and not capped:
        return count_noun(total, noun)
    whole = count_noun(total, noun)
    if capped:
        number, _, word = whole.partition(" ")
        whole = f"{number}+ {word}"
    return f"{shown:,} of {whole}"


def _more(shown: int, total: int, capped: bool) -> str:
    """How to see what a limit hid, or "" when nothing is hidden."""
    if shown < total:
        return "--all shows more" if capped else "--all shows all"
    return "there may be more; narrow the query" if capped else ""


def more_hint(shown: int, total: int, capped: bool = False) -> str:
    """For a title, when a limit hid some: ' (--all shows all)'."""
    more = _more(shown, total, capped)
    return f" ({more})" if more else ""


def limit_note(shown: int, total: int, noun: str, capped: bool = False) -> str | None:
    """For stderr, when a limit hid some: '10 of 56 facts; --all shows all'."""
    more = _more(shown, total, capped)
    return f"{shown_of(shown, total, noun, capped=capped)}; {more}" if more else None
