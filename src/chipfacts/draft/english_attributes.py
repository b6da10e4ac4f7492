"""The name of a new attribute for a number in English prose, from whole words.

Chinese runs its words together, so ``new_attributes`` names a number by the few
characters before it (能效提高). English separates them: the measure is the noun
phrase the number is "of" ("800 gigabits per second of bandwidth per port"), else
the words before it once the bound and the verb of reaching are set aside
("cutting networking costs by as much as 30%"); a percentage of something is a
share of it, and one "more than" another figure a growth. The id is that phrase in
snake_case, its thing last, in the singular (``port_bandwidth``,
``networking_cost_cut``, ``workload_share``), never a fragment of a word.
"""

from __future__ import annotations

import re

from chipfacts.draft.candidates import Decision
from chipfacts.model.records import Attribute, ValueType
from chipfacts.text.numbers import Quantity

# Words between a measure and its number (a bound, a verb of reaching, a preposition).
_LINKS = frozenset(
    "about around roughly approximately nearly almost some more less than fewer over under "
    "up down to at by as much many least most no of from is was were are be been being has "
    "have had reached reach reaches hit hits totaled totalled total totals stood stands "
    "exceed exceeds exceeded exceeding upwards only just take takes taking took hold holds "
    "holding held account accounts accounting put puts putting expected likely set".split()
)
# A verb before "in at": "gross margin came in at 56.2%".
_CAME = frozenset({"came", "come", "comes", "coming"})
# Words that end a measure's phrase: what comes before them says something else.
_STOPS = frozenset(
    "the a an its their his her this that these those it they he she we and or but which "
    "who said says say told according while with for in on per than by at from into over "
    "under after before since during as own to used that which who would will could can "
    "may might should".split()
)
# Verbs of change before a measure: "cutting networking costs" is a cut of costs.
_CHANGES = {
    "cut": "cut", "cuts": "cut", "cutting": "cut", "reduce": "cut", "reduces": "cut",
    "reducing": "cut", "lower": "cut", "lowers": "cut", "lowering": "cut",
    "raise": "increase", "raises": "increase", "raising": "increase", "increase": "increase",
    "increases": "increase", "increasing": "increase", "boost": "increase",
    "boosts": "increase", "boosting": "increase",
    "rose": "growth", "rise": "growth", "rises": "growth", "rising": "growth", "grew": "growth",
    "grow": "growth", "grows": "growth", "growing": "growth", "jumped": "growth",
    "fell": "decline", "fall": "decline", "falls": "decline", "falling": "decline",
    "dropped": "decline", "declined": "decline",
}  # fmt: skip
# Words whose plural is their sense: a sales share is no "sale" share.
_NO_SINGULAR = frozenset({"sales", "news", "series", "earnings", "savings"})
# Nouns before "of" that count or bound rather than name a measure.
_NOT_MEASURES = frozenset(
    "tens hundreds thousands millions billions most some all part share half each one any none "
    "out because ahead instead total number sum amount average maximum minimum".split()
)
NOUN_REACH = 10
_STOCK = frozenset({"shares", "stock", "stocks"})
_WORD = re.compile(r"[a-z][a-z0-9'-]*")
MOST_WORDS = 3
_MORE_THAN_AFTER = re.compile(r"\s+(?:more|higher|up)\s+(?:than|from)\b")
_LESS_AFTER = re.compile(r"\s+(?:less|lower|cheaper|fewer)\b")
_OF_AFTER = re.compile(r"\s+of\s+(?:(?:the|its|their|that|this|these|those)\s+)?")


def is_english_before(folded: str, clause_start: int, at: int) -> bool:
    """Whether the clause is written in Latin letters up to ``at``."""
    before = folded[clause_start:at]
    return any(ch.isalpha() for ch in before) and before.isascii()


def _singular(word: str) -> str:
    if word in _NO_SINGULAR:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _snake(words: list[str]) -> str:
    """``bandwidth per port`` as port_bandwidth, ``networking costs`` as networking_cost."""
    if "per" in words:
        at = words.index("per")
        words = words[at + 1 :] + words[:at]
    words = [w.replace("'s", "").strip("'-") for w in words if w != "per"]
    words = [_singular(w) for w in words if w]
    return re.sub(r"[^a-z0-9]+", "_", " ".join(words)).strip("_")


def _phrase_after(folded: str, end: int, clause_end: int) -> list[str]:
    """The noun phrase after "of": "of bandwidth per port", "of the AI accelerator market"."""
    of = _OF_AFTER.match(folded, end, clause_end)
    if of is None:
        return []
    words: list[str] = []
    for word in _WORD.finditer(folded, of.end(), clause_end):
        text = word.group()
        if text in _STOPS and text != "per" or len(words) > MOST_WORDS:
            break
        if not text.endswith(("'s", "’s", "s'")):  # "of Nvidia's revenue": whose, not what
            words.append(text)
    while words and words[-1] == "per":
        words.pop()
    return words


def _phrase_before(folded: str, clause_start: int, start: int) -> tuple[list[str], str | None]:
    """The words before the number, links set aside, and the verb of change next to
    them: "cutting networking costs by", "prices rose about"."""
    words = [m.group() for m in _WORD.finditer(folded, clause_start, start)]
    while words and words[-1] in _LINKS:
        words.pop()
        if words[-2:] and words[-1] == "in" and words[-2] in _CAME:
            del words[-2:]  # "gross margin has come in at 56.2%": how it ended, a link
    change = _CHANGES.get(words.pop()) if words and words[-1] in _CHANGES else None
    if change and words and words[-1] == "to":
        words.pop()  # "capital spending to rise roughly 25%"
    if change:
        _drop_period(words)  # "revenue for the fiscal second quarter ended Feb. 26 rose"
    phrase: list[str] = []
    while words and len(phrase) < MOST_WORDS:
        word = words[-1]
        if word in _STOPS or word in _LINKS or word in _CHANGES or word.endswith(("'s", "s'")):
            break  # a possessor ("AWS's slice") is whose, not what
        phrase.insert(0, words.pop())
    if change is None and words and phrase:
        change = _CHANGES.get(words[-1])
    return phrase, change


# The words of a time a measure is of ("for the fiscal second quarter ended Feb. 26",
# "in the three months to December", "for the first half of the year"): no part of
# its name, which names the time with one of its nouns.
_PERIOD_NOUNS = frozenset(
    {"quarter", "quarters", "year", "half", "months", "month", "weeks", "period"}
)
_PERIOD_WORDS = _PERIOD_NOUNS | frozenset(
    "the of fiscal calendar first second third fourth latest same last previous prior most recent"
    " three six nine twelve ended ending to through jan feb mar apr may jun jul aug sep sept oct"
    " nov dec january february march april june july august september october november"
    " december".split()
)


def _drop_period(words: list[str]) -> None:
    """Drop a time the measure is of from the end of ``words`` ("for the quarter")."""
    for at in range(len(words) - 2, 0, -1):
        if words[at] in ("for", "in") and words[at + 1] == "the":
            if set(words[at + 2 :]) <= _PERIOD_WORDS and set(words[at + 2 :]) & _PERIOD_NOUNS:
                del words[at:]
            return


# "a valuation of $2.8 billion", "a charge of about $5.5 billion": a noun, "of", the
# number (a bound between at most).
_MEASURE_OF = re.compile(
    r"(?<![a-z'])(?P<noun>[a-z][a-z-]+)\s+of\s+(?:(?:about|around|roughly|nearly|almost|some|"
    r"more\s+than|less\s+than|up\s+to|over|under|as\s+much\s+as)\s+)?$"
)


def measure_of(folded: str, clause_start: int, start: int) -> tuple[int, int] | None:
    """Where the noun is that names an English figure by "of" right before it ("a
    valuation of $2.8 billion"), if one does (not a word of quantity: "tens of")."""
    found = _MEASURE_OF.search(folded, max(clause_start, start - NOUN_REACH * 6), start)
    if found is None or found["noun"] in _NOT_MEASURES:
        return None
    return found.span("noun")


# "values the company at $48 billion", "valued at about $2.8 billion", 投后估值约12亿
# 美元: a worth.
_VALUED_AT = re.compile(
    r"\bvalu(?:es|ed|ing|e)\s+(?:(?:the|it|its|the\s+\w+|[a-z]+'s)\s+(?:company\s+|firm\s+"
    r"|startup\s+|start-up\s+)?)?at\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|more\s+than\s+)?$"
    r"|(?<!市场)(?<!产业)估值(?:已|将|或|也|可能|有望|预计|料){0,3}"
    r"(?:达到?|约|为|超过|逾|近|高达|突破|来到){0,3}\s*"
    # (投後估值達新台幣300億元: the currency written before the sum)
    r"(?:新台币|人民币|港币|美元)?\s*$"
)
VALUED_REACH = 48
VALUATION = Attribute(
    "valuation", "valuation", ValueType.NUMBER, "What the article calls valuation, in USD.",
    unit="USD",
)  # fmt: skip


def valued_at(
    folded: str, clause_start: int, quantity: Quantity
) -> tuple[Attribute, Decision] | None:
    """A company's worth named right before a sum ("values the company at $48 billion"):
    a new attribute, however the clause's other words (raised) read; or right after it
    ("raised $1.5 billion at a $9 billion valuation")."""
    if _VALUATION_AFTER.match(folded, quantity.end):
        why = f"new: no attribute word; add an attribute for {VALUATION.label} (USD)"
        return VALUATION, Decision("attribute", why)
    return _named_before(folded, clause_start, quantity, _VALUED_AT, VALUED_REACH, VALUATION)


# A company's worth named right after the sum ("at a $9 billion post-money valuation").
_VALUATION_AFTER = re.compile(r"\s+(?:post-money\s+|pre-money\s+)?valuation\b")


def _named_before(
    folded: str,
    clause_start: int,
    quantity: Quantity,
    words: re.Pattern[str],
    reach: int,
    attribute: Attribute,
) -> tuple[Attribute, Decision] | None:
    """``attribute``, to add, where ``words`` end right before the sum (within ``reach``
    characters of it, in its clause)."""
    start = max(clause_start, quantity.start - reach)
    if not words.search(folded, start, quantity.start):
        return None
    why = f"new: no attribute word; add an attribute for {attribute.label} ({attribute.unit})"
    return attribute, Decision("attribute", why)


# "sells for about $14,000", "priced at $30,000": what one unit sells for, right before
# the sum (not "sold $2 billion", a revenue, nor "was sold for", a business's sale).
_PRICED_AT = re.compile(
    # ("a single H200 sold for about $42,000": one unit sold, after single or each; not
    # "Arm sold for $32 billion", a business's sale)
    r"(?:\b(?:sells|selling|retails?|goes)|(?<=single )[\w-]+\s+sold|(?<=each )[\w-]+\s+sold)"
    r"\s+for\s+(?:about\s+|around\s+|roughly\s+"
    r"|nearly\s+|as\s+much\s+as\s+|up\s+to\s+|less\s+than\s+|more\s+than\s+)?$"
    r"|\bpriced\s+at\s+(?:about\s+|around\s+|roughly\s+)?$"
)
# What a business's sale or a share's price is of, before it: no one unit's price.
_NO_UNIT = re.compile(r"\b(?:shares?|stake|stakes|unit|division|business|stock|ipo|offering)\b")
PRICED_REACH = 40
UNIT_PRICE = Attribute(
    "unit_price", "price", ValueType.NUMBER, "What one unit sells for, in USD.", unit="USD"
)


def priced_at(
    folded: str, clause_start: int, quantity: Quantity
) -> tuple[Attribute, Decision] | None:
    """What one unit sells for, named right before the sum ("Each LX-5 sells for about
    $14,000"): a new attribute, however the clause's other words (sells) read."""
    if _NO_UNIT.search(folded, clause_start, quantity.start):
        return None
    return _named_before(folded, clause_start, quantity, _PRICED_AT, PRICED_REACH, UNIT_PRICE)


# An accounting charge, a sum a company books against its earnings, named right after
# the sum ("a $2.1 billion charge", 计提约55亿美元的库存相关费用) or right before it
# ("charges of up to $450 million", 认列…减值): no price, no spending.
_CHARGE_AFTER = re.compile(
    r"\s*(?:[a-z]+(?:-[a-z]+)*\s+){0,2}(?:charges?|write-?downs?|write-?offs?|impairments?)\b"
    # (the accounting's nouns: 库存相关费用, 减值损失; not any 费用: 营业费用 are expenses)
    r"|的?[^，,。；;\d]{0,8}?(?:(?:库存|存货|跌价|减值|资产)[^，,。；;\d]{0,4}?(?:费用|损失|准备)"
    r"|减值|拨备)"
)
_CHARGE_BEFORE = re.compile(
    r"\b(?:charges?|write-?downs?)\s+of\s+(?:up\s+to\s+|about\s+|roughly\s+|nearly\s+)?$"
    # (计提减值准备约10亿元; not 认列营收逾500亿元, revenue recognised)
    r"|(?:计提|认列|提列|录得)[^，,。；;\d]{0,6}(?:费用|减值|损失|拨备)[^，,。；;\d]{0,4}$"
)
_BOOKED = re.compile(
    r"计提|认列|提列|录得|\b(?:book|books|booked|took|take|takes|record|records"
    r"|recorded|expects|expected|incur|incurred|recogni[sz]e[sd]?)\b"
)
_INVENTORY = re.compile(r"inventor|库存|存货")
# A cost booked in Chinese, any but a running one (计提约55亿美元的费用, 录得45亿美元的一次性
# 费用; not 营业费用, 研发费用, expenses).
_BOOKED_IN_CHINESE = re.compile(r"计提|认列|提列|录得")
_BOOKED_COST_AFTER = re.compile(r"的?(?:(?!营业|研发|销售|管理)[^，,。；;\d]){0,6}?(?:费用|损失)")
# A fee's unit after its sum ("$2 per GPU-hour", "a month", 每小时).
_PER_SOMETHING = re.compile(r"\s*(?:per|an?|each)\s+[a-z-]+|\s*/|\s*每")
CHARGE_REACH = 40


def charged(
    folded: str, clause: tuple[int, int], quantity: Quantity
) -> tuple[Attribute, Decision] | None:
    """An accounting charge (计提约55亿美元的库存相关费用, "booked a $2.1 billion charge
    for H20 inventory"): a new attribute in dollars (``in_unit`` names it in the sum's
    own currency), an inventory's where the clause says so."""
    start, end = clause
    reach = max(start, quantity.start - CHARGE_REACH)
    after = _CHARGE_AFTER.match(folded, quantity.end, end)
    if after is None and _BOOKED_IN_CHINESE.search(folded, reach, quantity.start):
        after = _BOOKED_COST_AFTER.match(folded, quantity.end, end)  # 计提约55亿美元的费用
    before = _CHARGE_BEFORE.search(folded, reach, quantity.start)
    if after is None and before is None:
        return None
    booked = _BOOKED.search(folded, reach, quantity.start)
    # ("charges of up to $450 million": a charge named; "its charges of about $2 per
    # GPU-hour": a fee; 研发费用约30亿元: a cost named, no charge booked)
    named = before is not None and not _PER_SOMETHING.match(folded, quantity.end)
    if booked is None and not named:
        return None
    stock = _INVENTORY.search(folded, start, end) is not None
    ident, label = ("inventory_charge", "inventory charge") if stock else ("charge", "charge")
    # (in dollars: a sum in another currency is the same charge in it, ``in_unit``)
    attribute = Attribute(
        ident, label, ValueType.NUMBER, "A charge booked against earnings.", unit="USD"
    )
    return attribute, Decision("attribute", f"new: add an attribute for the {label}")


# A level a change starts from or reaches, right before the figure.
_FROM_OR_TO = re.compile(r"\b(?:from|to)\s+(?:about\s+|around\s+|roughly\s+)?$")
# What a sum of money is, named right after it (a word or two of description before).
_MONEY_NOUN = re.compile(
    r"\s+(?P<noun>(?:(?!(?:on|for|to|the|a|an|of|with|in|at|by|from|and|or)\b)[a-z][a-z-]*\s+){0,2}"
    r"(?:contract|deal|loan|round|order|budget|facility"
    r"|agreement|package|bond|financing|acquisition|stake|backlog|investment|grant|subsidy))\b"
)


_LAST_WORD = re.compile(r"[a-z]+$")  # the noun a count of people ends in
# Verbs that change a headcount: what they do is the figure, not the headcount.
_HEADCOUNT_CHANGED = re.compile(
    r"\b(?:laid|lay|lays|laying)\s+off\b|\b(?:cut|cuts|cutting|hire|hires|hired|hiring|add|adds|"
    r"added|adding|shed|sheds|reduce|reduces|reduced|reducing|eliminate|eliminated|layoffs?)\b"
)
# What a figure in a unit of measure measures where no word names it.
_MEASURED = {
    "bits/s": ("bandwidth", "bandwidth"),
    "bytes/s": ("bandwidth", "bandwidth"),
    "W": ("power", "power"),
    "Wh": ("energy", "energy"),
    "flops": ("compute", "compute"),
}


# A profit's name ("net income", "operating profit", "earnings per diluted share"), in
# the words the store's revenue is also searched by ("income", "earnings").
PROFIT = re.compile(
    r"\b(?P<kind>net|operating|pre-tax|pretax|gross)\s+(?:income|profit|earnings)\b"
    r"|\b(?P<per_share>earnings)\s+per\s+(?:diluted\s+)?share"
)
_PROFIT_IDS = {
    "net": "net_income", "operating": "operating_income", "pre-tax": "pretax_income",
    "pretax": "pretax_income", "gross": "gross_profit",
}  # fmt: skip


def english_label(
    folded: str, clause_start: int, clause_end: int, start: int, end: int, unit: str | None
) -> tuple[str, str] | None:
    """The id and label of a new attribute for the number at ``start:end``, or None
    when no word names what it measures."""
    profit = list(PROFIT.finditer(folded, clause_start, start))
    if profit and unit == "USD":
        # "net income of $1.9 billion", "net income more than doubled to $1.94 billion",
        # "earnings per share came in at $1.31": the profit named before it, whatever
        # comes between, by one id for each (net income, earnings or profit: net_income)
        if profit[-1]["per_share"]:
            return "eps", "earnings per share"
        ident = _PROFIT_IDS[profit[-1]["kind"]]
        return ident, ident.replace("_", " ")
    measure = measure_of(folded, clause_start, start)
    if measure is not None:
        noun = folded[measure[0] : measure[1]]
        return _snake([noun]), noun
    if unit == "people" and not _HEADCOUNT_CHANGED.search(folded, clause_start, start):
        # "has about 36,000 employees": what the number counts, its own noun, says what
        # it is (no company's name before it); "laid off 3,600 employees", "hired
        # 2,000": a change of it, named by the words before
        counted = _LAST_WORD.search(folded, start, end)
        return (counted.group(), counted.group()) if counted is not None else None
    money = _MONEY_NOUN.match(folded, end, clause_end) if unit == "USD" else None
    if money is not None:
        # "a $11.6 billion contract", "a $7.2 billion delayed-draw term loan": what it is
        words = money["noun"].split()
        return _snake(words), " ".join(words)
    after = _phrase_after(folded, end, clause_end)
    if after:
        # a percentage of something is a share of it: "80% of the market", "13% of revenue"
        words = after + (["share"] if unit == "percent" and after[-1] != "share" else [])
        return _snake(words), " ".join(words)
    if unit == "percent" and _MORE_THAN_AFTER.match(folded, end, clause_end):
        return "growth", "growth"
    before, change = _phrase_before(folded, clause_start, start)
    if unit == "percent" and change is None and _LESS_AFTER.match(folded, end, clause_end):
        change = "cut"  # "would cost about a third less than": a cut in cost
    if not before and unit in _MEASURED:
        # "a 1.6-terabit network interface card", "a 300-megawatt campus": what the unit
        # measures, the one thing a figure in it can be of a card or a site
        return _MEASURED[unit]
    if not before or _STOCK & set(before):
        return None  # "Broadcom shares rose 4%": the stock's move, no fact of the chips
    if change is None and unit == "x":
        change = "growth"  # "revenue to double": a multiple of what it was
    if change and _FROM_OR_TO.search(folded, max(clause_start, start - 8), start):
        change = None  # "its gross margin fell from 78% to 73%": two levels, no change
    if change:  # "cutting networking costs": a cut of networking cost
        before = [*before[:-1], _singular(before[-1]), change]
    return _snake(before), " ".join(before)


# A count of chips in English: the number, "of the" at most, a name of capitalised
# words or digits at most ("Maia 100", "Blackwell"), then the noun of a chip.
_COUNTED_CHIPS = re.compile(
    r"\s+(?:of\s+(?:the|its|their|these|those|[A-Z][\w.-]*['’]s)\s+)?"  # "of Nvidia's"
    r"(?P<name>(?:[A-Z0-9][\w.-]*\s+){0,3})"
    r"(?:(?:AI\s+|graphics\s+|(?:[a-z]+\s+)?processing\s+)?(?:chips|GPUs|accelerators|"
    r"processors|TPUs|units)|[A-Z][A-Za-z]*-?\d+[A-Za-z]*s)\b"  # "600,000 H100s"
)


def counted_chips(text: str, end: int, clause_end: int) -> int | None:
    """Where the chips the number ending at ``end`` counts end ("40,000 Maia 100
    accelerators", "500,000 of the chips", "100,000 of Nvidia's GB300 chips"), as 颗 and
    张 count in Chinese; None when
    it counts no chips."""
    found = _COUNTED_CHIPS.match(text, end, clause_end)
    return found.end() if found is not None else None
