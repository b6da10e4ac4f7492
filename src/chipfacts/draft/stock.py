"""A company's stock in the news: its share price, the price's move, an analyst's
target and the company's market value (股价上涨4.2%, 收在612元, 目标价上调至180美元,
市值约1380亿元, "shares rose 6.2% to $118.40", "a market value of $61 billion").

None is in the store's vocabulary (its curators kept to chips and compute), but a
curator drafting a company's news reads them as its figures: each is drafted as a
new attribute of its own, a sum in its own currency (market_cap_yuan), a fall
below zero. A figure the stock words do not name (a stock code, a clause's other
number) is none of them, and is left out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chipfacts.draft.candidates import Decision
from chipfacts.draft.new_attributes import MONEY, in_unit
from chipfacts.model.records import Attribute, Bound, ValueType
from chipfacts.text.numbers import Quantity

# A share's move, the verb right before the figure (上涨约4%, 盘后一度下跌超过9%, 收漲 1.6%,
# "rose about 7%", "sending its shares up 7%", "fell 4.3%"); its fall first.
_FALL = re.compile(
    r"(?:下跌|下挫|下滑|重挫|大跌|小跌|收跌|跌|走低)(?:了|幅(?:达|为)?)?|"
    r"\b(?:fell|dropped|slid|slipped|tumbled|declined|lost|sank|plunged|down)\b"
)
_RISE = re.compile(
    r"(?:上涨|上扬|大涨|小涨|收涨|走高|涨|飙升|攀升)(?:了|幅(?:达|为)?)?|"
    r"\b(?:rose|jumped|climbed|gained|surged|soared|rallied|up|added)\b"
)
# A stock's own words, and the nouns of other measures whose move a verb may name.
_STOCK_WORD = re.compile(r"股价|股票|(?<!\bper )\bshares?\b|\bstock\b")
_OTHER_MEASURE = re.compile(
    r"营收|收入|利润|毛利|出货|订单|产能|\b(?:revenue|sales|profit|income|margin|shipments|orders"
    r"|capacity|earnings)\b"
)
# The words between a move's verb and its figure (一度…约, "as much as", "about").
_MOVE_TO_FIGURE = re.compile(
    r"\s*(?:约|近|逾|超过?|达|了|一度|by|about|around|roughly|nearly|more\s+than|as\s+much\s+as"
    r"|almost|over|some|\s)*$"
)
# Whose figure a sum is, named right before it in its clause: the company's worth, an
# analyst's target for its shares, the price they traded or closed at; only linking
# words between (市值约为, 市值突破新台币; not 市值蒸发约1500亿美元, a change of the
# worth, nor "grew 359% to $455 billion", another measure's sum).
_LINK = (
    # (市值有望达到, 市值一举突破: how sure, how soon, before the link)
    r"(?:有望|可望|一举|一度|预计|或将|将|可|已|"
    r"约为|约|为|达到?|已达|突破|逼近|超过|超|高达|来到|站上|升至|涨至|回升至|跌至|降至|仅剩|"
    r"由|从|上调至|下调至|调升至|调降至|调高至|调低至|上修至|下修至|上看|报|在|于)*\s*(?:每股)?\s*(?:新台币|人民币|港币|美元)?\s*$"
)
_WORTH = re.compile(
    rf"市值{_LINK}|market\s+(?:value|cap(?:itali[sz]ation)?)\s*(?:of\s+)?(?:about\s+|around\s+"
    r"|roughly\s+|nearly\s+|more\s+than\s+|over\s+)?$"
)
_TARGET = re.compile(
    # (从新台币1,888元调升至: a figure's comma is no stop)
    r"目标(?:股)?价(?:(?:由|从)(?:[^，,。；;]|(?<=\d),(?=\d)){0,14}?"
    rf"(?:上调|下调|调升|调降|上修|下修|调高|调低)至?)?{_LINK}"
    # ("raised her price target on Broadcom to $480": whose shares, between)
    r"|price\s+target(?:\s+(?:on|for)(?:\s+[\w.&'-]+){1,3}?)?\s+(?:to|of|at|from)?\s*$"
)
_PRICE = re.compile(
    # (股价昨日以涨停价4,215元作收: when and how before the sum, no other figure)
    r"(?:股价|收盘价)(?:[^\d，,。；;%]|\d{1,2}日){0,8}$"
    rf"|(?:收在|收于|收报|作收|收){_LINK}"
    # "shares rose 6.2% to $118.40", "closed at $152"
    r"|(?<!\bper )(?<!\bvalue )\b(?:shares?|stock)\s+(?:\w+\s+){0,2}?"
    r"(?:rose|fell|jumped|climbed|gained|dropped|slid|slipped|surged|tumbled|closed|ended|traded)\s+(?:(?:about|around|nearly|more\s+than|as"
    r"\s+much\s+as)\s+)?(?:[\d.]+%\s+)?(?:to|at)\s+$"
)
# The most a share may trade at in any currency: a larger sum in a stock's sentence is
# another measure's (its backlog, its revenue).
_MOST_PER_SHARE = 1_000_000
# How far before a sum its stock word may be.
STOCK_WORD_REACH = 40


# A sum per share, right after it ("71 cents per share", "$1.42 a share"): earnings
# per share where earnings are spoken of shortly before, whatever other words (revenue)
# the clause has; never a dividend, a buyback's price or a book value.
_PER_SHARE = re.compile(r"\s+(?:per|a)\s+(?:diluted\s+)?share\b")
_EARNINGS = re.compile(r"\b(?:earnings|earned|profit|income|eps|lost|loss)\b")
_NOT_EARNINGS = re.compile(r"\b(?:dividend|book\s+value|buy\s*back|repurchase|paid|pay)\b")


# A bound seen from below zero: more than 9% down is less than -9.
_MIRRORED = {
    Bound.MORE_THAN: Bound.LESS_THAN, Bound.LESS_THAN: Bound.MORE_THAN,
    Bound.AT_LEAST: Bound.AT_MOST, Bound.AT_MOST: Bound.AT_LEAST,
}  # fmt: skip


class StockFigure(NamedTuple):
    attribute: Attribute
    decision: Decision
    falls: bool  # a fall of the share price, drafted below zero


def _new(ident: str, label: str, unit: str) -> Attribute:
    return Attribute(
        ident, label, ValueType.NUMBER, f"The company's {label}, as the news gives it.", unit=unit
    )


SHARE_PRICE_CHANGE = _new("share_price_change", "share price change", "percent")
MARKET_CAP = _new("market_cap", "market value", "USD")
TARGET_PRICE = _new("target_price", "analysts' target price", "USD")
SHARE_PRICE = _new("share_price", "share price", "USD")
EPS = _new("eps", "earnings per share", "USD")


def stock_figure(folded: str, clause_start: int, quantity: Quantity) -> StockFigure | None:
    """What a figure in a clause of stock words is: the share price's move (a per
    cent right after a verb of rising or falling), the market value, a target price
    or the share price (a sum right after its word); None for any other figure."""
    start = max(clause_start, quantity.start - STOCK_WORD_REACH)
    before = folded[start : quantity.start]
    attribute: Attribute | None = None
    falls = False
    if quantity.unit == "percent":
        moves = [(m, False) for m in _RISE.finditer(before)]
        moves += [(m, True) for m in _FALL.finditer(before)]
        last = max(moves, key=lambda move: move[0].end(), default=None)
        stock_words = list(_STOCK_WORD.finditer(before))
        since = stock_words[-1].end() if stock_words else 0
        if (
            last is not None
            and _MOVE_TO_FIGURE.fullmatch(before, last[0].end())
            # ("shares rose after data center revenue jumped 94%": the revenue's move)
            and not _OTHER_MEASURE.search(before, since, last[0].start())
        ):
            attribute, falls = SHARE_PRICE_CHANGE, last[1]
    elif quantity.unit in MONEY:
        named = ((_WORTH, MARKET_CAP), (_TARGET, TARGET_PRICE), (_PRICE, SHARE_PRICE))
        for words, measure in named:
            per_share = measure is not MARKET_CAP
            if words.search(before) and not (per_share and _too_much(quantity)):
                attribute = in_unit(measure, quantity.unit)
                break
    if attribute is None:
        return None
    why = f"new: a figure of the company's stock; add an attribute for {attribute.label}"
    return StockFigure(attribute, Decision("attribute", why), falls)


def _too_much(quantity: Quantity) -> bool:
    value = quantity.value if quantity.low is None else quantity.low
    return value is not None and value > _MOST_PER_SHARE


def below_zero(bound: Bound) -> Bound:
    """A fall's bound once its figure is below zero: more than 9% down is less than -9."""
    return _MIRRORED.get(bound, bound)


def fallen(quantity: Quantity) -> Quantity:
    """A fall's figure below zero (下跌约4% is -4), a range's bounds swapped."""

    def negative(value: float | None) -> float | None:
        return None if value is None else -value

    return quantity._replace(
        value=negative(quantity.value), low=negative(quantity.high), high=negative(quantity.low)
    )


def per_share(folded: str, quantity: Quantity) -> tuple[Attribute, Decision] | None:
    """Earnings per share, a sum said per share ("adjusted earnings of 71 cents per
    share"): a new attribute in the sum's currency."""
    if quantity.unit not in MONEY or not _PER_SHARE.match(folded, quantity.end):
        return None
    start = max(0, quantity.start - STOCK_WORD_REACH * 2)
    if not _EARNINGS.search(folded, start, quantity.start) or _NOT_EARNINGS.search(
        folded, start, quantity.start
    ):
        return None  # "a dividend of $0.59 per share", "book value per share"
    attribute = in_unit(EPS, quantity.unit)
    return attribute, Decision("attribute", f"new: add an attribute for {attribute.label}")
