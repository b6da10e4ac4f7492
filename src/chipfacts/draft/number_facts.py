"""Numbers into candidates: each quantity (``numbers.find_quantities``) becomes
a fact of the number attribute whose word the sentence holds nearest to it and
whose unit and counted noun fit (``new_attributes.holds``; a question-form
synonym such as 推出了多少款 is answered by 推出了超过10款); with no such word, the
one attribute of its unit, or when several share it a new attribute named by the
words before the number (``new_attributes``, a decision); a bare number with no
attribute word is no claim and is left; an expected figure with no bound word is ``about``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from chipfacts.draft import graded
from chipfacts.draft.attribution import Attribution
from chipfacts.draft.candidates import Candidate, Decision, NewEntity
from chipfacts.draft.categories import is_domestic
from chipfacts.draft.context import behind
from chipfacts.draft.cuewords import CLUSTER_FIGURES, applies_to
from chipfacts.draft.designations import slug
from chipfacts.draft.english_attributes import (
    PROFIT,
    charged,
    counted_chips,
    is_english_before,
    measure_of,
    priced_at,
    valued_at,
)
from chipfacts.draft.new_attributes import (
    CONDITION,
    ENGLISH_COUNTED,
    FORECAST_NOUNS,
    MONEY,
    POWER_CAPACITY,
    PROPORTION,
    RELATIVE_DECISION,
    RELATIVE_PERFORMANCE,
    STACKED,
    base_id,
    counted_or_named,
    cued,
    gpus_held,
    holds,
    in_unit,
    measured_against,
    new_attribute,
    of_a_market,
    of_the_figure_before,
    own_noun,
    part_of,
    price_of_what,
    ranked,
    share_of_a_noun,
    shipments,
)
from chipfacts.draft.reading import is_gain, read_bound
from chipfacts.draft.references import DEMONSTRATIVE
from chipfacts.draft.respectively import follows_figure, respective
from chipfacts.draft.sentences import Joined, Span, inside, start_before
from chipfacts.draft.stock import TARGET_PRICE, below_zero, fallen, per_share, stock_figure
from chipfacts.draft.subject import NEW_ENTITY, Proposal, market_of
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import MAX_MAGNITUDE, Attribute, Bound, Entity, Status, ValueType
from chipfacts.text.normalize import fold, name_key
from chipfacts.text.numbers import MEASURES, SPANS_OF_TIME, Quantity, exact

# An attribute word in another clause names a number only this close to it.
WORD_REACH = 15
NAMED_REACH = 12  # "revenue to double", "capacity by roughly"
NAMED_WORDS = 2
_JOINS = re.compile(r"\b(?:and|or|but)\b|[,;]")  # "process and packs 105 billion": another claim
NUMBER_CONFIDENCE = 0.85
ATTRIBUTE_DOUBT = 0.3  # less confidence for each attribute the curator must settle
# Units that say nothing of what a figure is (a share or gain; money spent, earned or
# raised): with no attribute word, a new attribute is proposed, none forced
OF_ANYTHING = ("percent", "USD")
# A chip's own measures, which a company named with a node has none of.
_OF_A_THING = ("process_node", "transistor_count")
# The word of a size, of a cluster or of whatever the word before it names.
_SIZE = "规模"
# A share in a market is some seller's, never the market's own.
_SHARE = "market_share"
# A clause going on about the subject before it: 其, 该公司, 其中, a demonstrative.
_CARRIED = re.compile(r"[\s，,]*(?:而|但|则|也|还|并)?\s*(?:其|该|(?:这|此)[款家个项种位座]|公司)")
# Units whose first attribute is only a guess for a count no word names (a count of
# GPUs may be a cluster's, an order's, a need's, a shortfall's…).
_GUESSED = ("gpus",)
RENT_REACH = 24  # "rents roughly 9,000"
PER_SHARE_REACH = 22  # " per diluted share" after "earnings"
_RENTED = re.compile(r"租用|租赁|租借|\b(?:rents?|rented|renting|leases?|leased|leasing)\b")
# Units that measure rather than count, and the counter words of a count.
_MEASURED = frozenset({"nm", "Hz", "USD", "percent", "x"})
_COUNTER = re.compile(r"\s*[条个款台家位名种项次层根座套轮笔]")  # (8轮融资, 3笔订单: rounds, deals)
_THINGS = frozenset({"gpus", "transistors", "cores", "chips"})
# A number of times, rounds or deals (每秒800万亿次, 8轮融资, 3笔订单): no count of things.
_TIMES = re.compile(r"\s*[次轮笔]")
# 从…35%降至15%: a figure changed from, then the one changed to.
_FROM_FIGURE = re.compile(
    r"从[^，,。；;]{0,16}$|由\s*(?:目前|原先|去年底?|今年初)?的?\s*约?\s*$"
    r"|\bfrom\s+(?:about\s+|around\s+)?$"
)
# The verbs of a change to a figure (降至, 提升至).
_CHANGED_TO = (
    r"(?:降至|降到|下降至|下降到|增至|增到|增加到|增长到|增长至|提升至|提升到|提高到|提高至|上升至|"
    r"上升到|扩大至|扩大到|升至|减至)"
)
_TO_FIGURE = re.compile(r"[^，,。；;\d]{0,4}?" + _CHANGED_TO + r"|\s+to\s")
# A number a name ends with, after a hyphen (银河-1, 衡元-3).
_NAME_NUMBER = re.compile(r"[\u4e00-\u9fffa-z]-(?=\d)")
# A bare number alone in brackets.
_BRACKETED = re.compile(r"[(（][\d.]+(?:\.[a-z]{2})?[)）]")  # a stock code may name its market
# What a clause of a list holds beside its name and number: a bound, a stop.
# "…, up from about 10%", "down from 26%": an earlier figure of the measure before.
_EARLIER_FIGURE = re.compile(
    r"[\s,]*(?:up|down)\s+from\s+(?:(?:about|around|roughly|nearly|less\s+than|more\s+than|"
    r"over|under)\s+)?"
    # (…市占约6%，与去年的5.8%大致持平; …约71%，低于去年的77.5%)
    r"|[\s，,]*(?:与|和|跟|较|比|低于|高于|略低于|略高于|不及|超过|多于|少于)\s*"
    r"(?:去年同期|去年|前年|上年|上季度?|上一季|上月|年初|前一年)的\s*(?:约|近)?\s*"
)
# "…, nearly triple the $3.2 billion it spent in 2025": the figure a multiple is of,
# right before it (an earlier one only where an earlier time follows it).
_MULTIPLE_OF = (
    r"(?:nearly\s+|almost\s+|about\s+|more\s+than\s+|roughly\s+)?(?:double|triple"
    r"|quadruple|twice|three\s+times|half)\s+the\s+"
)
_MULTIPLE_OF_THE = re.compile(r"[\s,]*" + _MULTIPLE_OF)
# A clause comparing the figure before with an earlier one, right before that figure
# (较去年同期的86%, 高于上一季度的约55%, 比去年的约250亿美元): the same one's, in the
# same measure, at the earlier time.
_EARLIER_TIME = re.compile(
    # (opening its clause: 毛利率较去年同期的74.6%, AMD较去年同期的5% have their own)
    r"[\s，,]*(?:而|则|但)?\s*(?:较|比|相比|相较于?|高于|低于|远高于|远低于|多于|少于|不及)\s*"
    r"(?:去年同期|去年|上年同期|上年|前一年|一年前|上一?季度?|前一季度?|上个?月|同期|此前|前年"
    # (较第二季度的38.9%, 较上半年的, 较2024年的: a named quarter, half or year before)
    r"|第[一二三四1-4]季度?|[上下]半年|\d{4}\s*年)"
    r"\s*的?\s*[约近逾超]?\s*$"
)
# The market's expectation a figure is compared with, right before it (高于分析师平均
# 预期的725亿美元, 優於LSEG彙整的分析師預估195.4億美元, 高于Wind一致预期的52.0亿元,
# "compared with analysts' average estimate of $12.6 billion"): the same measure of
# the same one, as analysts estimate it.
_CONSENSUS = re.compile(
    r"(?:高于|低于|优于|逊于|好于|超过|超出|不及|符合|胜过|击败|对比|相比|相较于?|较|与)"
    r"(?:[^，,。；;]{0,24}?(?:分析师|市场(?!规模|份额)|法人|华尔街|业界)[^，,。；;]{0,6}?)?"
    r"(?:预期|预估|预测|估计|共识)(?:均值|中值|中位数|值)?\s*的?\s*(?:约|近|逾|超过)?\s*$"
    r"|(?:一致|平均)预期\s*的?\s*(?:约|近)?\s*$"
    # ("analysts' average estimate of", "Wall Street's estimate of", "LSEG estimates of")
    r"|\b(?:analysts?['’]?|wall\s+street['’]?s?|lseg|the\s+average\s+analyst|consensus)\s+"
    r"(?:average\s+|consensus\s+|mean\s+)?(?:estimates?|forecasts?|expectations?)\s+(?:of|for)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+)?$"
    r"|\bconsensus\s+(?:of|for)\s+$"
    # ("beating estimates of", "below expectations of", "Analysts on average had expected")
    r"|\b(?:beating|beat|missing|missed|topping|topped|above|below)\s+(?:the\s+)?"
    r"(?:estimates?|expectations?|forecasts?)\s+(?:of|for)\s+$"
    r"|\banalysts\s+(?:on\s+average\s+)?(?:had\s+)?(?:expected|estimated|forecast)\s+"
    r"(?:about\s+|around\s+)?$"
)
# A clause of a later time and a change to a level alone (…出货量约为65万颗，明年有望
# 提升至100万颗以上, "…, rising to more than $100 billion in 2026"): the same measure
# of the same one, later.
_LATER_LEVEL = re.compile(
    r"[\s，,]*(?:而|并且?|且)?\s*(?:预计|预期|有望|可望|计划|将)?\s*"
    r"(?:明年|后年|下半年|年底|年末|届时|(?:到|至)?\s*\d{4}\s*年(?:底|末|前)?)\s*"
    r"(?:预计|预期|有望|可望|计划|将|或将|还将|再|则)*\s*(?:进一步)?\s*"
    r"(?:提升|提高|增加|增长|扩大|扩充|上升|成长|攀升|下降|降低|减少|回落|下滑|增|升|降)(?:至|到)"
    r"\s*[约近逾超]?\s*$"
    # "…$70 billion this year, rising to more than $100 billion in 2026"
    r"|[\s,]*(?:and\s+)?(?:rising|growing|climbing|increasing|expanding|reaching|falling"
    r"|dropping|declining)\s+to\s+(?:more\s+than|about|around|roughly|nearly|up\s+to"
    r"|as\s+much\s+as)?\s*$"
)
# A customer named as a seller's largest (微软仍是广达最大客户, "Cinder counts Microsoft as
# its largest customer", "Microsoft will become Vantora's largest customer"): the
# words between the two names and after the second.
_CUSTOMER_BETWEEN = re.compile(r"\s*(?:仍|也|则|已|将)?\s*(?:是|为|成为)\s*$")
_CUSTOMER_AFTER = re.compile(r"\s*的?\s*(?:最大|第[一二三]大|主要|重要|头号)\s*客户")
_ENGLISH_CUSTOMER_BETWEEN = re.compile(
    r"\s+(?:will\s+become|is|became|remains|was|has\s+become)\s+$"
)
_ENGLISH_CUSTOMER_AFTER = re.compile(
    r"['’]s\s+(?:(?:second|third)[- ])?(?:largest|biggest|top|main)\s+customer"
)
# What is between the company revenue is brought to and the sum (为博通在2027财年贡献超过).
_BROUGHT = re.compile(r"[^，,。；;]{0,12}?(?:贡献|带来|创造)(?:了|出)?[^，,。；;]{0,6}$")
# A share of the customer's own (其自身的云业务营收占比): no seller's.
_OWN_SHARE = re.compile(r"自身|自己|its\s+own")
_COUNTS_AS = re.compile(r"\s+counts\s+$")
_AS_ITS_CUSTOMER = re.compile(r"\s+as\s+its\s+(?:largest|biggest|top|main)\s+customer")
# Revenue, which a customer's share is of (占其AI伺服器營收約35%, "35% of revenue").
_OF_REVENUE = re.compile(r"营收|收入|营业额|revenue|sales")
# "…, (up) from $4.5 billion earlier": the same figure at an earlier time.
_FROM_BEFORE = re.compile(
    r"[,(]\s*(?:up\s+|down\s+)?from\s+(?:the\s+)?(?:about\s+|around\s+)?$"
    # "…, nearly triple the $3.2 billion it spent in 2025": the figure it is a multiple of
    rf"|[,(]\s*{_MULTIPLE_OF}$"
)
FROM_REACH = 32
# "…, from the $54 billion it reported last quarter": an earlier figure, by "from" alone.
_FROM_THE = re.compile(r"[\s,]*from\s+(?:the\s+)?(?:about\s+|around\s+)?")
# A figure given before as a forecast ("it gave in February"), not one that was.
_GIVEN_AHEAD = re.compile(r"\b(?:gave|forecast|projected|issued)\b")
# "…$135 billion to $150 billion, from its previous range of $125 billion to $140
# billion": the same figure as it was, the words saying it was before.
_FROM_PREVIOUS = re.compile(
    # (", from its previous range of", "to about $24 billion from a previous plan of")
    r"(?:[,(]\s*|\s)(?:up\s+|down\s+)?from\s+(?:its|their|the|a)\s+(?:previous|prior|earlier|original)"
    r"\s+(?:range|forecast|guidance|estimate|outlook|target|projection|plan|view)\s+of"
    r"\s+(?:about\s+|around\s+|roughly\s+)?$"
)
PREVIOUS_REACH = 48
_EARLIER_AFTER = re.compile(
    r"\s+(?:earlier|previously|before|a\s+year\s+(?:earlier|ago|before)|last\s+year"
    r"|in\s+the\s+(?:previous|prior|same)\s+(?:quarter|year|period)"
    r"|(?:it|they|the\s+company)\s+(?:spent|reported|posted|made|earned|booked|had|gave"
    r"|forecast|projected|issued)\s+(?:in|last)\s+(?:\d{4}|year|quarter|month|january"
    r"|february|march|april|may|june|july|august|september|october|november|december))\b"
)
# "…, up 38% from a year earlier", "(down 12% year over year)": how much the figure
# right before moved since an earlier time.
_MOVED_BEFORE = re.compile(
    r"[,(]\s*(?P<way>up|down|rising|falling|increasing|decreasing)"
    r"\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$"
)
# How far after the figure a move may be, what it was spent on and when between ("$41.3
# billion on capital projects in its fiscal second quarter, up 62%"), with no figure nor
# another noun's clause (", while Azure revenue, up 39%").
MOVED_REACH = 64
_DIGIT = re.compile(r"\d")
_ANOTHER_CLAUSE = re.compile(r"\b(?:while|and|but|whereas|as)\b|;")
_SINCE_AFTER = re.compile(
    r"\s+(?:from|over|on|compared\s+with|versus|vs\.?)\s+(?:a\s+year|the\s+year|last\s+year"
    r"|the\s+(?:previous|prior|same|year-earlier|year-ago)\s+(?:quarter|year|period)"
    r"|the\s+(?:first|second|third|fourth)\s+quarter)"
    r"|\s+(?:year[\s-]over[\s-]year|year[\s-]on[\s-]year|sequentially)\b"
)
_RISES = frozenset({"up", "rising", "increasing"})


# A sum's conversion in brackets right after it (（约新台币54亿元）, （约合220亿美元）).
CONVERTED_GAP = 12  # …no further from the sum it converts
_CONVERTED = re.compile(
    r"\s*[（(]\s*(?:约合?|折合|相当于|about|around|roughly|some|nearly|approximately)?\s*"
    r"(?:新台币|人民币|美元|港币|港元)?\s*"
)
# A clause opening with a change from one figure (已由…降至, 从…提升至): its measure is
# named in the clause before.
_CHANGE_OPENING = re.compile(r"\s*(?:已经?|将|则|也|更)?\s*(?:由|从)")
# A clause going on about the market before it: a time, a change to a level, a growth
# rate, then the figure (2028年有望成长至, 年复合成长率逾).
_GOES_ON = re.compile(
    # (matched on the words with every space taken out: no run of spaces to backtrack on)
    r"[，,]*(?:到|至|在|期内)?(?:\d{4}年(?:前|底|末)?|今年|明年|届时|未来[一二三四五两几\d]+年)?"
    r"(?:有望|将|预计|可望|或)?(?:年均)?"
    r"(?:年?复合(?:成长|增长)率|年增率?|季增|同比|环比|增速|成长率|增长率"
    # (但行业平均毛利率已由…, 届时CPO在…中的渗透率约达: the industry's, or then its; not
    # another's, 届时本土业者平均毛利率)
    r"|(?:但|而)?(?:行业|整体|市场|届时)(?:(?!业者|厂商|龙头|企业|公司)[^，,。；;]){0,24}?"
    r"(?:毛利率|渗透率|利用率|份额|占比|良率|规模))?"
    r"(?:已经?)?(?:由[^，,。；;]{0,16}$)?"
    r"(?:将|有望)?(?:进一步|再)?(?:成长|增长|扩大|增|升|攀升|突破)?(?:至|到|达到?)?"
    r"(?:约|近|逾|超过|达|为){0,2}"
)
# A change from a sum in a currency other than yuan named, to a sum in 元 (由新台币1,388元
# 上调至1,500元): the second is in the first's currency.
_CHANGED_IN_CURRENCY = re.compile(
    r"(?:由|从)\s*(?P<currency>新台币|港币|港元)\s*[\d.,]+\s*(?:万|亿)?\s*元"
    r"[^，,。；;\d]{0,8}?(?:至|到)\s*$"
)
# A currency other than yuan named before a sum (新台币180亿元), and yuan named.
_OTHER_CURRENCY = re.compile(r"(?P<currency>新台币|港币|港元)")
_YUAN_NAMED = re.compile(r"人民币|rmb", re.IGNORECASE)
YUAN_REACH = 6  # 人民币 right before or after a sum (人民币450亿元, 450亿元人民币)
# What is done with funds raised before (已使用, 剩余, 尚未使用): no raise of them.
_FUNDS_HELD = re.compile(r"(?:已?使用|剩余|尚未使用|闲置|变更)(?:的)?$")
# The noun of a measure ending a clause, the stop after it (营收比重，, 市占率，).
_MEASURE_AT_END = re.compile(
    r"(?P<noun>(?P<share>比重|占比|份额|市占率?|比例|毛利率|利润率|渗透率|利用率|良率)|营收|收入"
    rf"|售价|价格|产能|出货量|支出|市值|规模)\s*(?:的?(?:{FORECAST_NOUNS}))?\s*[，,]\s*$"
)
# …to a level (降至, 提升至; not 从签约到交机, a span of time)
_CHANGE_TO_LEVEL = re.compile(
    r"(?:降|升|增|跌|滑|攀升|提高|提升|增加|减少|扩大|缩小|成长|下降|下滑|回落|回升"
    r"|[上下]调|[上下]修|调[高低升降])(?:至|到)"
)
# Chips put somewhere, said after their count (将部署在, 安装于): the place is theirs.
_PUT_AT = re.compile(r"(?:部署|安装|装机|落地|放置)(?:在|于|到)")


def _moved(
    measure: Attribute, way: str, known: Mapping[str, Attribute]
) -> tuple[Attribute, list[Decision]]:
    """The attribute of how much ``measure`` rose or fell, in per cent: the store's
    (``known``) where it has one (revenue_growth), else a new one."""
    change = "growth" if way in _RISES else "decline"
    ident, label = f"{measure.id}_{change}", f"{measure.label} {change}"
    stored = known.get(ident)
    if stored is not None and stored.unit == "percent":
        return stored, []
    why = f"new: how much {measure.id} moved; add an attribute for {label} (percent)"
    description = f"How much {measure.label.lower()} moved since an earlier time, in percent."
    attribute = Attribute(ident, label, ValueType.NUMBER, description, unit="percent")
    return attribute, [Decision("attribute", why)]


# A clause comparing the figure before with another's, then that one's figure:
# 远高于(排名第二的)AMD(的)约50%.
_RIVAL_BEFORE = re.compile(
    r"[\s，,]*(?:远|略|明显|大幅)?(?:高于|低于|超过|领先于?|落后于?|不及)"
    r"(?:排名第[一二三四五六七八九十\d]+的)?\s*"
)
_RIVAL_AFTER = re.compile(
    r"[)）]?\s*(?:[(（][^()（）]{1,20}[)）])?\s*的?\s*(?:约|大约|近|仅|超过|逾|不足|接近)?\s*"
)
# A clause opening with 其中 ("of which"): what of the figure before it counts
# (约4.2万张GPU，其中英伟达H20约2.6万张).
_OF_WHICH = re.compile(r"[\s，,]*其中")

# Who may own a mix of chips: a buyer, a site, a programme (not a chip nor a supplier's
# product).
_OWNERS = frozenset({"company", "cluster", "project"})
_RESPECTIVELY = re.compile("分别")
# Names listed as one owner (字节跳动、阿里和腾讯).
_SEVERAL = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]\s*(?:、|和|与|及)\s*[\u4e00-\u9fffA-Za-z0-9][^，,。；;]*中"
)
# What a category's mix says after its name: 的占比, 在…中的占比, 比例, 比重 (not 份额).
_A_MIX = re.compile(r"[^，,。；;]{0,16}?(?:占比|比例|比重)")
_CLUSTER, _ORDER = "cluster_gpus", "gpu_order"
_ANNUAL_SPEND, _CAPEX = "annual_spend", "capex"
# The running of a site, by the year, the month or what it uses (每年电费, 今年的支出,
# 度电成本, 运营成本, "operating costs", a price per use): no cost of building it.
_RUNNING_COST = re.compile(
    r"每年|年度|今年|去年|明年|全年|年内|\d{4}\s*年|季度|每月|每季|每小时|单次|查询|电费|度电|每度"
    r"|千瓦时|运营|运行|维护|租金"
    r"|每百万|每次|token"
    r"|\b(?:annual|annually|yearly|a\s+year|per\s+year|each\s+year|this\s+year|last\s+year"
    r"|a\s+month|monthly|per\s+month|a\s+quarter|quarterly|an\s+hour|per\s+kilowatt-hour|kwh"
    r"|operating|running|power\s+bill|electricity|rent|(?:per|each)\s+(?:query|request|token))\b"
)
# A clause that gives the figure before again, in another unit (新增约1,850柜机柜，相当于
# 逾13万颗GPU).
_RESTATED = re.compile(r"\s*(?:相当于|折合|换算成|即(?=约|为|逾|超过|近|\d))")
# A count of things in the clause before a restatement (新增约1,850柜): what it restates
# (not 获得了OpenAI的49%股份，相当于…: a share, no count).
_COUNTED_BEFORE = re.compile(r"\d[\d.,]*\s*[万千]?\s*(?:柜|台|套|座|个|张|颗|块|片|卡)")
_PRICE_PER_REQUEST = "price_per_request"
_TRAINED = re.compile(r"训练|\btrain(?:ed|ing|s)?\b")
_RELATIVE_OPENING = re.compile(r"[\s,]*(?:which|that|where)\b")
_TRAINED_AFTER = re.compile(r"(?:(?!\band\b)[^,;.]){0,30}?\btrain(?:ed|ing)?\b")
# (what ships is the chip joined to 出货量; what is bought, the buyer's order: 微软今年
# H100的采购量)
_OUTPUT = "annual_output"
_NODE = "process_node"
# A node a chip is made on, in a clause naming only its foundry: a word of adoption
# before it (该产品采用台积电5纳米工艺), or of making after it (台积电以5纳米工艺代工);
# not a node talked of (台积电2纳米的良率, 3nm和CoWoS产能紧张).
_ADOPTION = r"采用|采(?![购访集样])|使用|基于|选用|改用|导入"
_NODE_ADOPTED = re.compile(rf"(?:{_ADOPTION})[^，,。；;和及与]{{0,10}}$")
# What says a chip is made on a node, in its clause: a word of adoption or of making
# (采用, 基于, 代工, 流片, 设计定案, "built on", "process"), or of what it counts as
# (视为7nm级别, 等效7nm制程).
_MADE_ON_A_NODE = re.compile(
    rf"{_ADOPTION}|转向|转进|用上|代工|投片|流片|设计定案|制造|生产|量产|打造|等效|级别|等级"
    r"|\b(?:built|made|based|uses?|using|manufactured|fabricated|process|node)\b"
    r"|\b(?:is|are|was|runs?)\s+on\b"
)
# …or a chip's noun right after the node (3奈米AI推论芯片, a 5nm chip, a 4nm GPU), or
# where it is on (在7nm节点上, 在7nm工艺下).
_CHIP_OF_A_NODE = re.compile(
    r"\s*(?:工艺|制程)?\s*(?:ai)?\s*(?:推理|推论|训练)?\s*"
    r"(?:芯片|晶片|处理器|加速器|加速卡|gpu|\bchips?\b|\bprocessors?\b)"
    r"|\s*(?:的)?\s*(?:节点|工艺|制程)\s*(?:上|下)"
)
# …or the node stated as the chip's (芯片的制程为7纳米, 工艺节点为7纳米, 製程約當5奈米,
# 苹果M4处理器为3纳米).
_NODE_STATED = re.compile(
    r"(?:(?:制程|工艺|节点)\s*(?:为|是|约当|相当于)\s*(?:台积电|三星|中芯国际|英特尔)?"
    r"|(?:芯片|晶片|处理器|gpu)\s*(?:为|是)|\b(?:is|was)\s+an?)\s*$"
)
# A node's own figures and places after it (3纳米生产线, 制造成本, 代工价格, 生产良率, 3纳米的
# 营收): a node talked of, no chip's.
_NODE_TALKED_OF = re.compile(
    r"\s*(?:工艺|制程|节点)?\s*(?:的)?\s*(?:代工|制造|生产)?\s*"
    r"(?:生产线|产线|线|基地|成本|价格|报价|良率|产能|营收|收入|客户|订单|需求|晶圆|费用|能力)"
)
# …where the clause names no one but the foundry, right before the node (采用台积电
# 3纳米, 交由台积电以12纳米); not 高通、联发科的新一代旗舰芯片也已导入3纳米制程 (their chips).
FOUNDRY_GAP = 2
_NODE_MADE_ON = re.compile(r"\s*(?:工艺|制程|节点)?\s*(?:代工|投片|流片|制造|生产)")
_LEADERBOARD = "leaderboard_rank"
_HOLDER_RANK = "shareholder_rank"
# A customer's part of a seller's whole ("accounts for more than 40% of", "makes up
# about a third of"), and the possessive after it ("of Halcyon's revenue").
_ACCOUNTS_FOR = re.compile(
    r"\b(?:accounts?|accounted|accounting)\s+for\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+"
    r"|more\s+than\s+|over\s+|less\s+than\s+|close\s+to\s+)?$"
    r"|\b(?:makes?|made)\s+up\s+(?:about\s+|roughly\s+|more\s+than\s+|nearly\s+)?$"
)
_OF_ONES = re.compile(r"\s+of\s+")
# A name's 's and a few words of what it owns, up to a measure's word ("Micron's
# share", "Micron's HBM revenue", "Micron's share of the HBM market").
_POSSESSED = re.compile(r"['’]s\s+(?:[a-z0-9-]+\s+){0,4}")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|on|for|than|to|with|from|by|in|at|into|over|against|like)\s+(?:the\s+)?$"
)
_POSSESSIVE = re.compile(r"['’]s\b")
# A leaderboard or a benchmark named before a rank: a model's place on it, whatever
# the reader made of the model's name (DeepSeek-R1在LMArena榜单上排名第四).
_ON_A_LEADERBOARD = re.compile(
    r"arena|leaderboard|benchmark|评测|基准测试|模型[^，,。；;]{0,8}榜", re.IGNORECASE
)
# What names the holder after a rank of holders (腾讯第三大股东是Prosus), and the verb
# before one (该基金为台积电第二大股东: the company held comes after it).
_HOLDER_AFTER = re.compile(r"股东\s*(?:是|为|乃)\s*")
_HOLDER_VERB = re.compile(r"成为|是|(?<![作因认以成])为|位居|位列|名列")
_HELD_BY = ("持有", "持股", "入股")
# Weeks and months are a figure (交期长达40周) unless they say when (未来12个月内): whole
# words, not the 前 of 目前 nor the 内 of 8周内 (近40周 is "nearly": a figure)
_SPAN_OF_TIME = re.compile(
    r"(?:(?:未来|过去|最近)的?|今后|此后|之后|随后|连续|每|头|(?<![提目当空超向事眼])前|这|此|距今还有|还有|距离|剩下"
    # (截至6月30日的12个月, 上线2个月, 运行2个月: a time, and how long since)
    r"|[日月]的|(?:上线|运行|成立|推出|发布|上市)了?)\s*$"
)
_SPAN_AFTER = re.compile(r"\s*(?:里|中|间|来|以来|之内|以内|之后|之前|以后|后|前)")
# A server's cards, written per server (每台搭载8颗, 单台伺服器配置8张) or as its kind
# (8卡服务器, not 10万卡机房 nor 10万卡服务器集群): no count of a cluster or an order.
_PER_SERVER = re.compile(
    r"(?:每|单)一?台(?:\s*\d+\s*卡)?(?:服务器|伺服器|机器|主机|整机)?\s*(?:均|都)?\s*"
    r"(?:配置|配备|搭载|集成|装有|内置|安装|使用|采用|有)?\s*$"
)
_A_SERVER_OF = re.compile(
    r"(?<=卡)\s*(?:服务器|伺服器|机器|主机|整机|机(?![房柜架]))(?!\s*集群)"
    # (搭载8块H200的整机报价: the chips named, then the machine they make)
    r"|\s*[a-z][a-z0-9-]*(?:\s*gpu)?\s*的\s*(?:服务器|伺服器|主机|整机)(?!\s*集群)"
)
# Stacks of memory counted (8颗HBM4, 八组SK海力士12层HBM3E, 4颗HBM2e): a chip's memory,
# no more than a package holds.
STACKS_PER_CHIP = 16
_MEMORY_STACKS = re.compile(
    r"\s*[颗组个块]?\s*(?:sk\s*海力士|三星|美光|长鑫)?\s*(?:的)?\s*(?:\d+\s*层\s*(?:堆叠)?)?\s*"
    r"(?:hbm\d?e?|高带宽内存)"
)
# Shares bought, sold or traded in lots of a thousand (买超逾6,000张, 成交量约5万张): the
# 张 of Taipei's stock news, no cards.
_SHARES_TRADED = re.compile(r"[买卖]超|成交量")
TRADED_REACH = 16
# A chip's noun right after a count (4万张GPU, 2万颗H20): chips, whatever was traded.
_CHIP_NOUN_AFTER = re.compile(r"\s*(?:[a-z]|gpu|芯片|晶片|加速卡|卡)")
# A count's general counter with no noun after it (出货超过8万个。): pieces.
_PIECES_ALONE = re.compile(r"个(?=\s*(?:[，,。；;、）)]|$))")
_SOLD_BEFORE = re.compile(r"出货|销售|售出|出售|交付|采购|订购|供货")
# Chiplets a count's counter (颗) counts: a chip's parts (两颗计算芯粒, 四颗I/O芯粒).
_CHIPLETS = re.compile(r"[^，,。；;]{0,8}?(?:芯粒|小芯片|chiplets?\b)")
# The most cards one server holds: a count of more is a fleet's (已部署2万卡服务器).
SERVER_CARDS = 16
# Deploying chips to come, and the words of one cluster (集群, 超级计算机, "cluster"):
# not chips in use (已部署, 已将部署的GPU数量, 再次部署了, 将其部署…的经验), no longer or
# not planned (不再部署, 没有计划部署), nor a plan's name (星门计划目前已部署)
_DEPLOYS = re.compile(
    r"(?<![已其不无])(?<!没有)(?:计划|将(?!其)|拟|打算|准备|再)(?!次)[^，,。；;已了的]{0,12}?部署(?![的了规])"
    # ("will deploy 50,000 chips", not "will deploy Maia 100 alongside its 150,000 H100s")
    r"|\b(?:(?:plans?|intends?)\s+to|will)\s+deploy\s+(?:up\s+to\s+|about\s+|around\s+"
    r"|roughly\s+|more\s+than\s+|another\s+|some\s+)?$"
)
_A_CLUSTER = re.compile(r"集群|超级计算机|超算|超级电脑|cluster|supercomputer")
# A clause giving the figure before again in another currency (，约合10亿美元).
# (以美元计为335.2亿美元: in another currency by name)
_CONVERTED_ALONE = re.compile(
    r"[\s，,（(]*(?:(?:约合|折合)\s*(?:约|大约)?"
    r"|以(?:美元|美金|新台币|台币|人民币|港币|港元|日元|欧元)计(?:算|价)?\s*(?:为|约为|约合|约|达到?)?)\s*"
)
# A clause opening with 其中 ("of which"): its share is a part of the figure before.
_PART_OF_THE_WHOLE = re.compile(
    r"[\s,，]*其中\s*(?:约|近|逾|超过|有)?\s*[\d一二两三四五六七八九十半]"
)
# Runs of spaces and marks, read as one before the list's pattern (whose optional parts
# would otherwise try every way of splitting a long run between them).
_RUNS = re.compile(r"[\s、,;，；]{2,}")
# A series of products in Latin letters, named after its maker in a list (Ryzen AI系列).
_A_SERIES = re.compile(r"\s*[a-z0-9][a-z0-9 .+\-]{0,24}系列")
# A year may stand for the name (营收…：2023年为3860万美元，2024年增至1.27亿美元), or a
# stage of what is built (首期为150兆瓦，全部建成后将达到400兆瓦). In English: "…roughly
# 70% of the market, while Marvell holds less than 10%".
_LIST_REST = re.compile(
    # (其后是迈威尔的约15%: the next of the list)
    # (三星电子与美光分别约为22%和21%: names joined, then their figures in turn)
    # (其中华为昇腾约为80万张: a part of the whole before, its figure of the same measure)
    r"[\s，,、；;。]*(?:其后是|其次是|其次为|紧随其后的是|随后是|其中"
    # (排名第二的是三星的约8%: the next of a ranked list)
    r"|(?:排名|排在|位居|位列)?第[\d二三四五六七八九十](?:名|位)?的?是)?\s*(?:[(（][)）])?\s*"
    r"(?:[与和及、]\s*)*的?"
    # (公司并预估本季将进一步成长至约95亿美元: the company's own forecast of the measure)
    r"(?:(?:该)?公司|其)?\s*(?:并|也|还)?\s*(?:预估|预计|预期|估计)?\s*"
    r"(?:\d{4}\s*年度?|今年|去年|明年|前年|本季度?|下季度?|全年|[上下]半年)?\s*"
    r"(?:(?:全部|全面)?(?:建成|完工|投产|达产)后|届时|远期|最终)?\s*则?\s*(?:仅|只有|只)?\s*"
    r"(?:将|预计将?|有望|可望?|可能|或将|或)?\s*(?:进一步|再|继续)?\s*"
    # (从去年的约8%提升至10%以上: the figure it was, then the one it becomes)
    r"(?:(?:从|由)\s*(?:\d{4}\s*年|今年|去年|前年|上季度?|上半年|年初)?\s*的?\s*(?:约|近)?\s*"
    r"(?:[\d.]+\s*[%％])?\s*)?"
    # (合计约占: "together account for", the list's measure; 明年可能倍增至…: the
    # measure before, at a later time)
    r"(?:合计|分别)?\s*(?:为|约为|约占|占|约|近|超过|逾|不到|达到?|增至|升至|降至|减至|增加到|提升至|提高到"
    r"|倍增至|扩大至|扩充至|成长至|增长至|增长到|回升至|攀升至|跃升至|上修至|下修至|突破"
    r"|上看|挑战)?"
    r"\s*(?:[和与及、]\s*[\d.]+\s*[%％]?\s*)*(?:约|近)?\s*(?:[\d.]+\s*[%％])?\s*"
    r"(?:以上|左右)?[\s，,、；;。]*"
    # ("behind SK hynix at 55%": the next of the list)
    r"|[\s,;]*(?:while|and|but|with|whereas)?\s*(?:holds?|has|had|takes?|took|controls?|gets?"
    r"|behind|ahead\s+of|followed\s+by|trailing)?\s*(?:at\b)?\s*"
    r"(?:and\s+(?:ahead\s+of|behind)\s*)?[\s,;.]*"
    r"(?:about|roughly|around|nearly|almost|less\s+than|more\s+than|over|under|just)?\s*[\s,;.]*"
)
# A verb of losing right before a sum of revenue (损失约55亿美元的营收, "expects to
# forgo roughly $1.2 billion in annual revenue"), the revenue named after it in English,
# and what the sum then is.
_LOST_CHINESE = re.compile(r"(?:损失|少赚|蒸发|流失)(?:掉|了)?\s*(?:约|近|逾|超过|高达)?\s*$")
_LOST_ENGLISH = re.compile(
    r"\b(?:forgo(?:es|ne|ing)?|forego(?:es|ne|ing)?|lose|loses|lost|losing|miss\s+out\s+on"
    r"|give\s+up)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|as\s+much\s+as\s+|up\s+to\s+"
    r"|some\s+|another\s+)?$"
)
_LOST_SALES = re.compile(r"\s+(?:in|of)\s+(?:annual\s+|yearly\s+|quarterly\s+)?(?:revenue|sales)\b")
LOST_REACH = 24
LOST_REVENUE = Attribute(
    "lost_revenue", "Revenue lost", ValueType.NUMBER, "Sales the company says it loses.", "USD"
)


def _unit_fits(quantity: Quantity, attribute: Attribute, folded: str) -> bool:
    if quantity.ordinal:
        return attribute.unit == "rank"
    if attribute.unit == "rank":
        return False
    if quantity.unit is None and attribute.unit in _MEASURED:
        # 512条SerDes通道, 128 ports: a count of things, no node, clock, sum or share
        counted = _COUNTER.match(folded, quantity.end) or ENGLISH_COUNTED.match(
            folded, quantity.end
        )
        return counted is None
    if quantity.unit is None and attribute.unit in _THINGS:
        # 每秒800万亿次: a number of times (operations), no count of chips or GPUs
        return _TIMES.match(folded, quantity.end) is None
    if attribute.unit == "transistors" and quantity.unit == "gpus":
        return True  # 电晶体数量约1040亿颗: 颗 counts transistors as it counts chips
    if quantity.unit in MONEY and attribute.unit in MONEY:
        return True  # 完成15亿元B轮融资: the measure in the sum's currency (``in_unit``)
    return quantity.unit is None or quantity.unit == attribute.unit


def _aside(folded: str, clause: Span, word: Mention, quantity: Quantity) -> bool:
    """Whether ``word`` is in brackets closed before the figure (资本支出（含融资租赁）为…)."""
    if not word.end <= quantity.start:
        return False
    opened = max(
        folded.rfind("（", clause.start, word.start), folded.rfind("(", clause.start, word.start)
    )
    if opened < 0 or any(mark in folded[opened : word.start] for mark in "）)"):
        return False
    return any(mark in folded[word.end : quantity.start] for mark in "）)")


def _gap(word: Mention, quantity: Quantity) -> int:
    return quantity.start - word.end if word.end <= quantity.start else word.start - quantity.end


def _distance(word: Mention, quantity: Quantity, clause: Span) -> tuple[int, int]:
    """Nearer is better; a word in the number's own clause, and before it, first."""
    same_clause = 0 if inside(word.start, word.end, clause) else 1
    gap = (
        quantity.start - word.end if word.end <= quantity.start else 2 * (word.start - quantity.end)
    )
    return same_clause, gap


# A share's price and what the market makes of a company: news of its stock, not of
# its chips, drafted as its own measures (``stock``: 股价上涨4.2%, 市值约610亿美元,
# 目标价从145美元上调至180美元, "shares rose 9%", "market value of $61 billion").
# Not 营收在 nor 目标价值: words of a price alone, whole.
_STOCK = re.compile(
    r"股价|股票价格|市值|目标价(?!值)|目标股价|收盘价|盘后|盘中|涨停|跌停|"
    # (not "market share rose to 80%", a share of a market; "earnings per share rose" is
    # a stock's clause, whose figures ``stock`` reads only where they are the stock's)
    r"(?<!market )(?<!\ba )\b(?:shares?|stock)\s+(?:price\s+)?"
    r"(?:rose|fell|jumped|climbed|gained|dropped|slid|surged|tumbled|closed|were|was)\b"
    r"|market\s+(?:value|cap(?:itali[sz]ation)?)|price\s+target"
)
# 台积电则小涨0.8%, 收在新台币218元: a clause of a name and a rise, a fall or a close
# alone, after stock words.
_SHARE_MOVE = re.compile(
    r"[\s，,；;]*(?:则|也|亦|同步|随之|年内|今年以来|累计|昨日|今日|当日|盘中)*\s*"
    r"(?:(?:小|大|微|续|一度|收|下|上)?(?:涨|跌)(?:幅|了)?"
    r"(?:约|逾|超过?)?|收(?:在|于|报)\s*(?:新台币|美元|港元|人民币)?)\s*"
)
# How far before a share's move its stock words may be.
STOCK_REACH = 80
# What a company makes, ships or delivers: a count of its product (annual output).
_MADE = ("annual_output",)
# Shipping, of the words of output (出货, 出貨 folded, "shipments", "shipped").
_SHIPPED = re.compile(r"出货|ship")
# A count's counter before what it counts (颗, 块; in English a space).
_COUNTER_AFTER = re.compile(r"\s*(?:颗|块|张|片|台|套|枚|个)?\s*")
# The words of a figure measured against another's (是微软的6至10倍, 比…高出): a clause
# of a comparison opened by 相比之下; its other clauses go on about their own subject.
# (较 or 比 then at least one word: 规模较大, 比较高, 比例, 比特 measure nothing against
# anything)
_COMPARISON = re.compile(
    r"倍|(?<![占相比])[比较](?![较例特])[^，,。；;]{1,12}?"
    r"(?:高|低|多|少|快|慢|大|小|强|弱|贵|便宜|提升|提高|增长|增加|下降|减少)"
    r"|高于|低于|多于|少于|相当于|\btimes\b|\bthan\b"
)


# A site's measures: its power, its racks, its PUE (a company's own are none of these).
_SITE_UNITS = ("W", "racks")
_SITE_WORDS = re.compile(r"pue|机柜|园区", re.IGNORECASE)


def _of_a_site(attribute: Attribute) -> bool:
    """Whether ``attribute`` measures a site, not its company."""
    return attribute.unit in _SITE_UNITS or _SITE_WORDS.search(attribute.label) is not None


# 片 counts wafers in a sentence on wafers or a plant's output, else chips where the
# text speaks of them (within ``CHIPS_REACH`` characters before it).
_OF_WAFERS = re.compile(
    r"晶圆|wafer|产能|投片|cowos|封装|中介层|英寸|基板|载板|硅片|产出|月产|每月|产线|制程|工艺|良率",
    re.IGNORECASE,
)
# A chip's noun right after a count (1.2万片上一代T10芯片): what the count counts.
_CHIP_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:芯片|晶片|gpu|加速卡|加速器|网卡)", re.IGNORECASE)
COUNTED_GAP = 2  # a name this close after a count is what it counts
_OF_CHIPS = re.compile(r"芯片|晶片|gpu|加速卡|加速器|处理器|网卡|asic|npu", re.IGNORECASE)
CHIPS_REACH = 150
# A company's line of business (企业网络业务营收, 数据中心业务).
_LINE_OF_BUSINESS = re.compile(r"业务|事业部|事业群")
# The whole sum put into a site or a project (总投资, 投资总额, 总预算).
_SITES_INVESTMENT = re.compile(r"总投资|投资总额|总预算|总造价|建设投资|项目投资")
# What a site houses, whose figures a site's may be taken for.
_HOUSED = ("chip", "product", "nic")
# The least of each unit that no chip, card or rack reaches and a site does: its power
# in megawatts, its storage in petabytes, its compute in hundreds of petaFLOPS.
_SITE_SCALE = {"W": 1e6, "bytes": 1e15, "flops": 1e17}


def _at_a_sites_scale(attribute: Attribute, quantity: Quantity) -> bool:
    """Whether a figure is a site's by its size (150兆瓦, 200PB, 5 EFLOPS) or its PUE."""
    least = _SITE_SCALE.get(quantity.unit or "")
    value = quantity.value if quantity.low is None else quantity.low
    at_scale = least is not None and value is not None and value >= least
    return at_scale or "pue" in attribute.label.lower()


def _of_a_share_price(folded: str, clause: Span, quantity: Quantity, names: list[Mention]) -> bool:
    """Whether a figure is a share's price, its move or a company's market value: in
    a clause with stock words, or in a clause of a name and a move alone (台积电则小涨
    0.8%) shortly after them."""
    if _STOCK.search(folded, clause.start, clause.end):
        return True
    rest = list(folded[clause.start : quantity.start])
    for name in (n for n in names if clause.start <= n.start and n.end <= quantity.start):
        at = name.start - clause.start
        rest[at : at + name.end - name.start] = " " * (name.end - name.start)
    start = max(0, quantity.start - STOCK_REACH)
    return bool(_SHARE_MOVE.fullmatch("".join(rest))) and bool(
        _STOCK.search(folded, start, quantity.start)
    )


# The words of a company's own figures, which no product has: its money, its people
# and what it is worth (毛利率, 净利润, 员工人数, 研发团队, 估值, 股票回购), whole.
_CORPORATE = re.compile(
    r"营收|营业收入|毛利率|净利润|净利|利润率|营业利益|营益率|纯益|每股(?:收益|纯益|盈余|净资产|股息)|"
    r"亏损|估值|员工人数|员工|研发人员|工程师|团队|股票回购|回购|股东|\b(?:revenue|gross margin|"
    r"operating margin|net income|net loss|profit|valuation|employees|headcount|buyback|eps"
    r"|earnings per share)\b",
    re.IGNORECASE,
)

# The words of a thing's own measures, which no company has: its compute, power,
# bandwidth, clock and memory, a model's parameters and training data, ending the
# label (单颗INT8稠密算力, 典型功耗, 总参数量; not 算力投资, 算力券: money).
_SPECIFICATION = re.compile(
    r"(?:算力|功耗|带宽|频率|主频|显存|晶体管|能效|延迟|参数量?|数据量)$|\b(?:tops|tflops|pflops|"
    r"compute|bandwidth|clock|tdp|latency|parameters|tokens|performance)$",
    re.IGNORECASE,
)

# What a person or a research firm has of its own, in the words before a figure: pay,
# a stake, a fortune, a gift, money put in (投资了, not 总投资 nor 二期投资, a site's),
# a firm's results and staff.
_OWN = re.compile(
    r"薪|酬|奖金|奖励|股票|股份(?!有限)|持股|持有|股权|身家|财富|捐|个人(?!电脑)|私人|年龄|减持"
    r"|出售|(?<![总期])投资(?!总额|额|金额|者|人|银行)|出资|斥资|收购|营收|净利|利润|员工|人数|裁员"
    r"|\b(?:pay|salary|compensation|bonus|award|stake|owns|net\s+worth|fortune|wealth"
    r"|own\s+money|donat\w*|invest(?:s|ed)?|gift|personal|revenue|profit|income|earnings"
    r"|headcount|employees|acquir\w*|settle)\b",
    re.IGNORECASE,
)
# A pronoun right before what one has of one's own (他个人投资了, 她今年的薪酬, his pay):
# the one who speaks, named before it, speaks of what is theirs.
_THEIR = re.compile(r"(?:他|她|其|\bhis\s|\bher\s)[^，,。；;]{0,6}$")

# 总算力, 总智能算力: a total of a company's things, its own figure.
_TOTAL = re.compile(r"总|累计|合计|\btotal\b", re.IGNORECASE)


# A bare verb of change (提升), after the noun of a measure that is no speed: its own
# noun names the figure (电晶体密度则提升约15%; not 性能提升, 训练速度提升).
_OTHER_MEASURE_CHANGED = re.compile(
    r"(?:密度|功耗|良率|产能|营收|价格|带宽|容量|成本|出货量|毛利率|面积|利用率)"
    r"(?:则|也|将|可|再|能|可以|最高|最多|预计将?)?(?:提升)$"
)
MEASURE_REACH = 12  # how far before 提升 the noun of another measure may start


def _in_condition(folded: str, clause: Span, word: Mention) -> bool:
    """Whether the word stands inside a condition (在相同性能下) in its clause."""
    return any(
        c.start() <= word.start and word.end <= c.end()
        for c in CONDITION.finditer(folded, clause.start, clause.end)
    )


# A word of change right before 至 or 到 (提升至, 增长到): the figure after is a level.
_TO_LEVEL = re.compile(r"(?<=提升|提高|增长|增加|上升|回升)\s*(?:至|到)")
# The changed-to figure: the verb of change shortly before it (提升至2026年的35%).
_TO_BEFORE = re.compile(_CHANGED_TO + r"[^，,。；;%]{0,8}$")


def _changed_from(folded: str, clause: Span, quantity: Quantity) -> int | None:
    """Where 从 starts when the number is the figure changed from (从约25%提升至…)
    or to (…提升至35%), in a clause that says from what."""
    start = folded.rfind("从", clause.start, quantity.start)
    if start < 0:
        return None
    changed_from = _FROM_FIGURE.search(folded, clause.start, quantity.start) and _TO_FIGURE.match(
        folded, quantity.end
    )
    before = folded[max(clause.start, quantity.start - 12) : quantity.start]
    return start if changed_from or _TO_BEFORE.search(before) else None


def _in_range(attribute: Attribute, values: list[int | float]) -> bool:
    """Whether each value lies within the attribute's own bounds, and the fact
    file's (a value's magnitude is at most ``MAX_MAGNITUDE``)."""
    low, high = attribute.min_value, attribute.max_value
    return all(
        abs(v) <= MAX_MAGNITUDE and (low is None or v >= low) and (high is None or v <= high)
        for v in values
    )


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    rounded = exact(value)  # 5e-07 s stays 5e-07, 1.5万 stays 15000
    if not rounded.is_integer():
        return rounded
    # (beyond a float's exact integers, as written: 3×10^26 is 3 and 26 zeros, no digits
    # the float's binary form would add)
    return int(rounded) if abs(rounded) <= _EXACT_INTEGERS else int(Decimal(repr(rounded)))


_EXACT_INTEGERS = 2**53


def of_a_chip(attribute: Attribute, chip: Entity) -> Attribute:
    """The count of one chip among a fleet's ``attribute`` (H100 among cluster_gpus)."""
    return Attribute(
        f"{slug(chip.name).replace('-', '_')}_gpus",
        f"{chip.name} GPUs",
        ValueType.NUMBER,
        f"How many of the {attribute.label.lower()} are {chip.name}s.",
        unit=attribute.unit,
    )


# A company's biggest customers (第一大客户, 最大客戶, 前五大客户), then their share of its
# sales (贡献…37.2%, 合计占比达76%): the company's figure, not a customer's.
_CUSTOMER_RANK = re.compile(r"(?:第[一二三]大|最大|前[二三四五六七八九十\d]{1,2}大)客户")
_CUSTOMERS_SHARE = re.compile(r"贡献|占")
# A share of the company's revenue a customer brings (两者合计贡献了公司今年前三季度营收的
# 六成以上, Nakhla Cloud去年约占公司营收的45%): 公司 is the company the sentence speaks
# for (``supplier_of_customers``), never the customer.
_COMPANYS_REVENUE_REACH = 24
# What an analyst or a customer is said to do right after its name (高盛指出, 微软是其客户).
_ANALYST_OR_CUSTOMER = re.compile(r"(?:指出|分析|测算|估计|估算|是其|为其|作为其|是公司|为公司)")
_OF_THE_COMPANYS_REVENUE = re.compile(
    r"(?:贡献了?|占了?|占据了?)\s*(?:该)?公司[^，,。；;\d]{0,10}?(?:营收|收入|营业额|销售额|营业收入)"
    r"\s*的?\s*(?:约|近|逾|超过|接近)?\s*$"
)
_ITS = re.compile(r"其|自身")
# How close after the customers' noun a customer may be named (第一大客户“百度”, 最大客戶 Meta).
_CUSTOMER_NAMED = 2


class NumberFacts(Attribution):
    """Number facts."""

    # The market the sentence's last figure was of (…市场规模约2,150亿美元，年增约65%).
    last_market: Proposal | None = None
    # What the sentence's last figure was about (管理着约1.1万张GPU，其中H100约3000张).
    last_about: Entity | None = None
    # The new entity the sentence's last figure was proposed of (中芯国际7纳米良率约为30%).
    last_new: NewEntity | None = None
    # Where the last figure read ends ("…$75 billion, from $52 billion earlier").
    last_end = -1

    def said_of(self, attribute: Attribute, kind: str) -> bool:
        """Whether a figure of ``attribute`` can be said of an entity of ``kind``: the
        store's attributes by their kinds (``cuewords.KINDS``), a proposed one by its
        words (毛利率, 员工人数, 投后估值: a company's)."""
        if attribute.id not in self.store.attributes and _CORPORATE.search(attribute.label):
            return kind == "company"
        if (
            attribute.id not in self.store.attributes
            and _SPECIFICATION.search(attribute.label)
            and not _TOTAL.search(attribute.label)
        ):
            return kind not in ("company", "person", "government")
        return applies_to(attribute.id, kind)

    def fitting(self, entity: Entity, attribute: Attribute, clause: Span, anchor: int) -> Entity:
        """For a subject the attribute cannot be said of, what the claim is about: a
        thing the clause introduces before it (奥特曼讨论为一家新芯片企业筹集…: the
        venture's), or when the clause does not name the subject, the last thing before
        of a kind that fits (谷歌表示，其训练性能提升了60%: the chip's)."""

        def fits(kind: str) -> bool:
            return self.said_of(attribute, kind)

        introduced = [e for _, e in self.introduced(clause.start, anchor) if fits(e.kind)]
        if introduced:
            return introduced[-1]
        if self.row_of(entity, clause) >= 0:
            return entity
        employer = self.employer_of(entity)
        if (
            employer is not None
            and fits(employer.kind)
            and not self.is_analyst_firm(employer)
            and not any(
                m.end <= anchor and fits(self.store.entity_at(m.row).kind)
                for m in self.sentence.entities
            )
        ):
            # 林建宏表示，全年毛利率目标…: the company he speaks for (not a broker whose
            # analyst speaks of another's)
            return employer
        return self.antecedent(anchor, fits) or entity

    def chips_by_the_piece(self, quantity: Quantity) -> bool:
        """Whether 片 counts chips, not wafers: a chip named right after it (1.2万片T10
        芯片, 20万片H20), else no word of wafers or of a plant's output in its sentence
        (每月产出约2万片, CoWoS月产能) and a chip spoken of or named in it or just
        before it (出货超2万片, 对MI300X的小批量采购。首批订单约为8000片)."""
        folded, span = self.article.folded, self.sentence.span
        after = _CHIP_AFTER.match(folded, quantity.end, span.end)
        if after is not None or any(
            0 <= m.start - quantity.end <= COUNTED_GAP
            and self.store.entity_at(m.row).kind in ("chip", "nic")
            for m in self.sentence.entities
        ):
            return True
        if _OF_WAFERS.search(folded, span.start, span.end):
            return False
        start = max(0, quantity.start - CHIPS_REACH)
        chips = [m.end() for m in _OF_CHIPS.finditer(folded, start, span.end)]
        wafers = [m.end() for m in _OF_WAFERS.finditer(folded, start, span.start)]
        if wafers and (not chips or max(wafers) > max(chips)):
            return False  # CoWoS產能…。2027年底更上看15萬片: the text just before is on wafers
        if chips:
            return True
        for mention in reversed(Joined(self.earlier, self.sentence.entities)):
            if mention.start < start:
                break  # (read back from the sentence's end: no scan of the whole text)
            if self.store.entity_at(mention.row).kind in ("chip", "nic"):
                return True
        return False

    def carried(self, attribute: Attribute) -> list[Decision]:
        """The decision a figure going on with the measure of the one before needs
        where that measure is a proposed one, though its id be the store's (capex in
        元 is no capex in USD)."""
        if self.store.attributes.get(attribute.id) == attribute:
            return []
        return [Decision("attribute", f"new: the measure of the figure before ({attribute.id})")]

    def unnamed_or_supplier(self, entity: Entity | None, quantity: Quantity) -> bool:
        """Whether the sentence names ``entity`` not at all (a speaker's employer, the
        subject before) or only after ``quantity`` as an object (…，交换机全部由华为供应:
        a supplier, not what the figure is of)."""
        if entity is None:
            return True
        named = [m for m in self.sentence.entities if self.store.entity_at(m.row).id == entity.id]
        return all(m.start > quantity.start and self.is_object(m) for m in named)

    def names_uncounted(self, entity: Entity | None, clause: Span) -> bool:
        """Whether ``clause`` names ``entity`` other than as what a number counts."""
        return entity is not None and any(
            inside(m.start, m.end, clause)
            and self.store.entity_at(m.row).id == entity.id
            and not self.is_counted(m)
            for m in self.sentence.entities
        )

    def holder(self, clause: Span, quantity: Quantity) -> Entity | None:
        """Who holds the rank of holders at ``quantity`` (第三大股东): the name after
        股东是 (腾讯第三大股东是Prosus), else the last name before the verb that makes
        it one (林百里…为第一大股东, not 台积电 in 该基金为台积电第二大股东: the company
        held); None when the sentence names no holder."""
        folded = self.article.folded
        after = _HOLDER_AFTER.match(folded, quantity.end)
        if after is not None:
            named = [m for m in self.sentence.entities if m.start == after.end()]
            return self.store.entity_at(named[0].row) if named else None
        verbs = list(_HOLDER_VERB.finditer(folded, clause.start, quantity.start))
        before = verbs[-1].start() if verbs else clause.start
        holders = [
            m
            for m in self.sentence.entities
            if m.end <= before
            and not self.is_object(m)
            and not folded.endswith(_HELD_BY, 0, m.start)  # 持有廣達: the company held
        ]
        return self.store.entity_at(holders[-1].row) if holders else None

    def only_speaks(self, entity: Entity, quantity: Quantity) -> bool:
        """Whether the figure is none of ``entity``'s own: it is not named in the
        sentence before the figure other than as who says, estimates or reports it, or
        the words before the figure name nothing a person or a research firm has of
        its own (黄仁勋今年的薪酬, 奥特曼个人投资了, 高盛第三季度净利润 are theirs)."""
        folded = self.article.folded
        owns = list(_OWN.finditer(folded, self.sentence.span.start, quantity.start))
        if not owns:
            return True
        if any(_THEIR.search(folded, behind(own.start()), own.start()) for own in owns):
            return False  # 奥特曼说，他个人投资了…; 其个人持股: a pronoun's own
        speakers = self.speakers()
        firms = self.analysts_employing(speakers)
        return all(
            m.row in speakers or m.row in firms or self.reports_data(m)
            for m in self.sentence.entities
            if m.start < quantity.start and self.store.entity_at(m.row).id == entity.id
        )

    def speaks_on_its_own(self, mention: Mention) -> bool:
        """Whether ``mention`` speaks in the sentence on its own account (表示, not an
        analyst who estimates)."""
        return mention.row in self.speakers() and not self.estimates(mention)

    def seller_to_customer(self, clause: Span) -> Entity | None:
        """The seller a customer named before ``clause`` is the largest customer of
        (微软仍是广达最大客户，占其AI伺服器营收约35%): whose revenue a share after it is."""
        folded = self.article.folded
        named = [m for m in self.sentence.entities if m.end <= clause.start]
        for first, second in zip(named, named[1:], strict=False):
            between = folded[first.end : second.start]
            chinese = _CUSTOMER_BETWEEN.fullmatch(between) and _CUSTOMER_AFTER.match(
                folded, second.end
            )
            english = _ENGLISH_CUSTOMER_BETWEEN.fullmatch(
                between
            ) and _ENGLISH_CUSTOMER_AFTER.match(folded, second.end)
            if chinese or english:
                return self.store.entity_at(second.row)
            if _COUNTS_AS.fullmatch(between) and _AS_ITS_CUSTOMER.match(folded, second.end):
                return self.store.entity_at(first.row)  # "Cinder counts Microsoft as its…"
        return None

    def share_of_whose(self, quantity: Quantity) -> Entity | None:
        """Whose whole a share after "accounts for" or "makes up" is of, by the
        possessive after it ("accounts for more than 40% of Halcyon's revenue")."""
        folded = self.article.folded
        if quantity.unit != "percent" or not _ACCOUNTS_FOR.search(
            folded, behind(quantity.start), quantity.start
        ):
            return None
        of = _OF_ONES.match(folded, quantity.end)
        named = [
            m
            for m in self.sentence.entities
            if of is not None
            and m.start == of.end()
            and _POSSESSIVE.match(folded, m.end)
            and self.store.entity_at(m.row).kind == "company"
        ]
        return self.store.entity_at(named[0].row) if named else None

    def contributed_to(self, clause: Span, quantity: Quantity) -> Entity | None:
        """The company a sum or a share of revenue is brought to (为博通贡献超过80亿美元
        的营收, 可为台积电带来约50亿美元营收): the one named after 为 or 给 before the verb,
        whose revenue it is."""
        folded = self.article.folded
        if not _OF_REVENUE.search(folded, quantity.end, clause.end):
            return None
        for mention in self.sentence.entities:
            if (
                clause.start <= mention.start
                and mention.end <= quantity.start
                and folded.endswith(("为", "给"), clause.start, mention.start)
                and _BROUGHT.match(folded, mention.end, quantity.start)
                and self.store.entity_at(mention.row).kind == "company"
            ):
                return self.store.entity_at(mention.row)
        # 在博通2026财年为其带来约30亿美元收入: 其, the company named after 在 before it
        # (not 与OpenAI的合作…为其带来: a partner; 其 is the speaker's there)
        its = folded.rfind("为其", clause.start, quantity.start)
        if its < 0 or not _BROUGHT.match(folded, its + 2, quantity.start):
            return None
        before = [
            self.store.entity_at(m.row)
            for m in self.sentence.entities
            if clause.start <= m.start
            and m.end <= its
            and folded.endswith("在", clause.start, m.start)
            and self.store.entity_at(m.row).kind == "company"
        ]
        return before[-1] if before else None

    def supplier_of_customers(self, quantity: Quantity) -> Entity | None:
        """The company whose biggest customers a share is of (中國移動為銳弈最大客戶，…貢獻
        營收的29.4%; 公司前五大客户合计贡献收入的81.6%): the one named right before the
        customers' noun, else the company the story is on (公司, 其); the story's company
        where the share is of 公司's revenue (…约占公司营收的45%)."""
        folded = self.article.folded
        reach = max(self.sentence.span.start, quantity.start - _COMPANYS_REVENUE_REACH)
        if _OF_THE_COMPANYS_REVENUE.search(folded, reach, quantity.start):
            # the company of one who speaks (黄仁勋…表示，中国市场约占该公司数据中心收入的13%),
            # else a company named in the clauses before (电源厂协能电源…，今年相关营收将占
            # 公司整体营收的两成; not a source, 据华锐证券测算, nor an analyst or a customer),
            # else the story's; never the customer, the share's own clause's subject
            clause_start = self.clause_of(quantity.start).start
            earlier = [m for m in self.sentence.entities if m.end <= clause_start]
            speakers = [self.employers[m.row] for m in earlier if m.row in self.employers]
            named = [
                self.store.entity_at(m.row)
                for m in earlier
                if self.store.entity_at(m.row).kind == "company"
                and not folded.endswith("据", 0, m.start)
                # (高盛指出, 微软是其重要客户)
                and not _ANALYST_OR_CUSTOMER.match(folded, m.end)
            ]
            found = [*speakers, *named]
            return found[0] if found else self.story_company(Joined(self.earlier, []))
        ranks = list(_CUSTOMER_RANK.finditer(folded, self.sentence.span.start, quantity.start))
        if not ranks or not _CUSTOMERS_SHARE.search(folded, ranks[-1].end(), quantity.start):
            return None
        rank = ranks[-1]
        if _ITS.search(folded, rank.end(), quantity.start):
            return None  # 微软是广达最大客户，其自身的云业务营收占比: the customer's own
        if any(0 <= m.start - rank.end() <= _CUSTOMER_NAMED for m in self.sentence.entities):
            return None  # 第一大客户百度的收入占比: a customer named, whose share it may be
        before = [m for m in self.sentence.entities if m.end <= rank.start()]
        right_before = [m for m in before if folded[m.end : rank.start()] in ("", "的")]
        if right_before:
            supplier = self.store.entity_at(right_before[-1].row)
            return supplier if supplier.kind == "company" else None
        # the sentence's subject (廣辰主要客戶包括…，前三大客戶合計占…), the company of
        # one who speaks (林志遠…僅表示「前五大客戶占營收約七成」), else the story's
        # (甲骨文（Oracle）: a name glossed is an object where its first form is)
        objects = {m.row for m in before if self.is_object(m)}
        subjects = [
            self.store.entity_at(m.row)
            for m in before
            if self.store.entity_at(m.row).kind == "company" and m.row not in objects
        ]
        employers = [self.employers[m.row] for m in before if m.row in self.employers]
        if subjects or employers:
            return (subjects + employers)[0]
        return self.story_company(Joined(self.earlier, before))

    def counted_product(self, quantity: Quantity) -> Entity | None:
        """The product named right after a count (30万颗曜石M1, 50,000 TX-2 chips), or
        a model of one inside it where its noun ends the count ("600,000 Ascend 910C
        chips"; "650,000 Ascend chips" are a line's, its maker's output)."""
        after = _COUNTER_AFTER.match(self.article.folded, quantity.end)
        at = after.end() if after is not None else quantity.end
        for mention in self.sentence.entities:
            entity = self.store.entity_at(mention.row)
            model = any(ch.isdigit() for ch in entity.name)
            named = mention.start == at or model and quantity.start < mention.start < quantity.end
            if named and entity.kind in ("chip", "nic", "product"):
                return entity
        return None

    def lost(self, clause: Span, quantity: Quantity) -> bool:
        """Whether a sum is of sales lost: a verb of losing right before it, and in
        English the revenue named right after it (not "Intel lost about $2.9 billion on
        revenue of…", a loss)."""
        folded = self.article.folded
        if quantity.unit not in MONEY:
            return False
        before = max(clause.start, quantity.start - LOST_REACH)
        if _LOST_CHINESE.search(folded, before, quantity.start):
            return True
        return bool(
            _LOST_ENGLISH.search(folded, before, quantity.start)
            and _LOST_SALES.match(folded, quantity.end)
        )

    def employer_of(self, person: Entity) -> Entity | None:
        """The company ``person``, named in the sentence, works for, if the article
        says."""
        for mention in self.sentence.entities:
            if mention.row in self.employers and self.store.entity_at(mention.row).id == person.id:
                return self.employers[mention.row]
        return None

    def made_on(self, clause: Span, quantity: Quantity) -> bool:
        """Whether the node at ``quantity`` is one a chip is made on: its clause says so,
        a chip's noun or name follows it, or it glosses a node's name (N2（2nm）); not a
        node talked of (3纳米生产线, 代工价格)."""
        folded = self.article.folded
        if _NODE_TALKED_OF.match(folded, quantity.end):
            return False
        return bool(
            _MADE_ON_A_NODE.search(folded, clause.start, clause.end)
            or _CHIP_OF_A_NODE.match(folded, quantity.end)
            or _NODE_STATED.search(folded, clause.start, quantity.start)
            or any(
                0 <= m.start - quantity.end <= 1
                and self.store.entity_at(m.row).kind in ("chip", "nic")
                for m in self.sentence.entities
            )  # "the 3nm Apple M3"
            or folded[quantity.start - 1 : quantity.start] in ("（", "(")
        )

    def possessor_of(self, clause: Span, word: Mention) -> Entity | None:
        """The name whose measure ``word`` is, written right before it with 's
        ("Micron's share", "Micron's HBM revenue")."""
        folded = self.article.folded
        for mention in self.sentence.entities:
            if not (clause.start <= mention.start and mention.end <= word.start):
                continue
            own = _POSSESSED.match(folded, mention.end, word.start)
            if own is None or own.end() != word.start:
                continue
            of = folded.find(" of ", mention.end, word.start)
            if any(
                mention.end < m.start < (word.start if of < 0 else of)
                for m in self.sentence.entities
            ):
                return None  # "Google's TPU shipments": the product's, named after it
            if _PREPOSITION_BEFORE.search(
                folded, max(clause.start, mention.start - 12), mention.start
            ):
                continue  # "made on TSMC's process", "60% of the H100's performance": no owner
            return self.store.entity_at(mention.row)
        return None

    def led_in(self, clause: Span) -> Span:
        """The clause before ``clause`` where a colon ends it (…快速攀升：2023年为…),
        else ``clause`` itself."""
        if clause.start == 0 or self.article.folded[clause.start - 1] not in "：:":
            return clause
        before = [c for c in self.sentence.clauses if c.end == clause.start]
        return before[0] if before else clause

    def currency_named_before(self, quantity: Quantity) -> re.Match[str] | None:
        """The last currency other than yuan named before ``quantity`` in its sentence,
        where the sum is written in 元 alone and no 人民币 comes between."""
        folded = self.article.folded
        start = self.sentence.span.start
        if _YUAN_NAMED.search(folded, quantity.start, quantity.end + YUAN_REACH) or (
            _YUAN_NAMED.search(folded, max(start, quantity.start - YUAN_REACH), quantity.start)
        ):
            return None
        named = list(_OTHER_CURRENCY.finditer(folded, start, quantity.start))
        if not named or _YUAN_NAMED.search(folded, named[-1].end(), quantity.start):
            return None
        return named[-1]

    def changed_from_before(self, clause: Span, quantity: Quantity) -> Span:
        """The clause with the one before, where that one ends with a measure's noun
        and ``clause`` opens with its change (世芯…的营收比重，已由…的逾三成降至…, 将今年
        出货量的预测，由450万张上调至520万张), else ``clause``: a measure of shares for
        a percentage, another for a sum or a count (出货量的预估，由年增28%下修至24%: a
        growth, named in its own clause)."""
        folded = self.article.folded
        if (
            _CHANGE_OPENING.match(folded, clause.start)
            and _CHANGE_TO_LEVEL.search(folded, clause.start, clause.end)
            and clause.start > self.sentence.span.start
        ):
            named_before = self.clause_of(clause.start - 1)
            # (a measure's noun ending it, not 英伟达表示，nor 毛利率有所下滑，)
            measure = _MEASURE_AT_END.search(folded, named_before.start, clause.start)
            if (
                measure is not None
                and (measure["share"] is None) != (quantity.unit == "percent")
                # (GPU规模，从10万颗提升至30万颗: a cluster's size, the unit's own guess)
                and not (measure["noun"] == _SIZE and quantity.unit in _GUESSED)
            ):
                return Span(named_before.start, clause.end)
        return clause

    def maker_named_before(self, mention: Mention) -> int:
        """Where the name of the maker of the thing named at ``mention`` starts, right
        before it (华为|昇腾), else where the mention starts."""
        maker_id = self.store.entity_at(mention.row).maker
        if maker_id is None or maker_id not in self.store.entities:
            return mention.start
        maker = self.store.entities[maker_id]
        for name in (maker.name, *maker.aliases):
            written = fold(name)
            if written and self.article.folded.endswith(written, 0, mention.start):
                return mention.start - len(written)
        return mention.start

    def listed_after(self, clause: Span, quantity: Quantity) -> Attribute | None:
        """占有率约为57%，三星约27%，美光约16%: a clause of a name and its number alone
        goes on with the attribute of the number before it in the sentence."""
        if self.last_number is None:
            return None
        if follows_figure(self.article.folded, self.sentence.quantities, quantity):
            return self.last_number  # 良率为90%和80%: a list of figures of one measure
        if _EARLIER_FIGURE.fullmatch(self.article.folded, clause.start, quantity.start):
            return self.last_number  # "13% of its revenue, down from 26%": the same measure
        rest = (
            self.article.folded[clause.start : quantity.start]
            + self.article.folded[quantity.end : clause.end]
        )
        for mention in self.sentence.entities:
            if inside(mention.start, mention.end, clause):
                # (华为昇腾: a product with its maker's name before it, one name)
                start = self.maker_named_before(mention)
                series = _A_SERIES.match(self.article.folded, mention.end, quantity.start)
                if series is not None and quantity.unit == "percent":
                    # (AMD Ryzen AI系列約22%, 蘋果M系列約13%: a share of the maker's series
                    # of products, its own; not H100系列的功耗, B200系列为1000瓦)
                    rest = rest.replace(series.group(), "", 1)
                rest = rest.replace(self.article.folded[start : mention.end], "", 1)
        rest = _RUNS.sub(lambda run: run.group().strip()[:1] or " ", rest)
        if not _LIST_REST.fullmatch(rest) or not self.part_of_the_whole(clause):
            return None
        # (the last measure of the figure's unit, past a figure of another between)
        return self.last_of_unit.get(quantity.unit, self.last_number)

    def part_of_the_whole(self, clause: Span) -> bool:
        """Whether what a clause opening with 其中 names can be a part of the figure's
        before: not the same one (阿里巴巴资本开支…，其中阿里云…), nor a company where
        the whole is a thing's (H20出货量…，其中字节跳动约为23万张: a buyer's)."""
        if not _OF_WHICH.match(self.article.folded, clause.start):
            return True
        named = [m for m in self.sentence.entities if inside(m.start, m.end, clause)]
        whole = self.last_about
        if not named or whole is None:
            return True
        part = self.store.entity_at(named[0].row)
        return part != whole and (part.kind != "company" or whole.kind == "company")

    def mix_owner(self, category: Entity, clause: Span, quantity: Quantity) -> Entity | None:
        """Whose chips a share of China's own is of: the one named in 在…中 after the
        category (国产芯片在阿里新增算力中的占比), else the figure's before in a clause
        opening with 其中, else the nearest company or site before it in the sentence
        (not a chip: 其中英伟达H20约占六成，国产芯片占比约两成 is the buyer's); None
        where several share it or none is named (a policy's target)."""
        folded = self.article.folded
        named = [m for m in self.sentence.entities if m.start < quantity.start]
        at = next((m for m in named if self.store.entity_at(m.row) == category), None)
        if at is None or not _A_MIX.match(folded, at.end, quantity.start):
            return None
        if _RESPECTIVELY.search(folded, at.end, quantity.start):
            return None  # 在阿里、腾讯新增算力中的占比分别为40%和25%: each its own
        inside = [
            self.store.entity_at(m.row)
            for m in named
            if m.start > at.end and self.store.entity_at(m.row).kind in _OWNERS
        ]
        if folded.startswith("在", at.end):
            return inside[0] if len(set(inside)) == 1 else None
        if _OF_WHICH.match(folded, clause.start) and self.last_about is not None:
            return self.last_about
        owners = [
            self.store.entity_at(m.row)
            for m in named
            if m.end <= at.start
            and not self.is_object(m)
            and self.store.entity_at(m.row).kind in _OWNERS
        ]
        if _SEVERAL.search(folded, self.sentence.span.start, at.start):
            return None  # 在字节跳动、阿里和腾讯今年采购的AI芯片中: theirs together
        return owners[-1] if owners else None

    def trained_model(self, clause: Span, quantity: Quantity) -> Entity | None:
        """The one model a sentence that says a model was trained (训练, 预训练,
        "trained", "to train") names for the GPUs ``quantity`` counts, if any: the
        model ``clause`` names, or where the clause names nothing before the count
        (…的预训练在…集群上完成，共使用了2.4万块英伟达H200), the one named before it."""
        folded, sentence = self.article.folded, self.sentence.span
        if _TRAINED.search(folded, sentence.start, sentence.end) is None:
            return None
        # In English, training said before the count or of it right after ("used 200,000
        # GPUs to train GPT-5"), not in a verb of its own after "and" ("used 20,000 GPUs
        # to serve Copilot and trained GPT-5…"), nor a count in a relative clause of a
        # cluster ("…on the same supercomputer, which had 25,000")
        if is_english_before(folded, clause.start, quantity.start) and (
            _TRAINED.search(folded, sentence.start, quantity.start) is None
            and _TRAINED_AFTER.match(folded, quantity.end, clause.end) is None
            or _RELATIVE_OPENING.match(folded, clause.start) is not None
        ):
            return None

        def models(start: int, end: int) -> set[Entity]:
            return {
                self.store.entity_at(m.row)
                for m in self.sentence.entities
                if start <= m.start and m.end <= end
                and self.store.entity_at(m.row).kind == "model"
            }  # fmt: skip

        named = models(clause.start, clause.end)
        if not named and not (
            any(clause.start <= m.start < quantity.start for m in self.sentence.entities)
            # (该集群拥有20万块GPU, 集群规模达10万卡: a cluster's count)
            or DEMONSTRATIVE.search(folded, clause.start, quantity.start)
            # (not a cluster the training ran on: "finished pre-training … on a cluster
            # of roughly 24,000 GPUs")
            or (cluster := _A_CLUSTER.search(folded, clause.start, quantity.start))
            and not _TRAINED.search(folded, clause.start, cluster.start())
        ):
            named = models(sentence.start, quantity.start)
        return named.pop() if len(named) == 1 else None

    def rival(self, clause: Span, quantity: Quantity) -> Mention | None:
        """The one name a clause compares the figure before with, whose own figure it
        gives in the same measure (…约为75%，远高于排名第二的AMD的约50%)."""
        named = [m for m in self.sentence.entities if clause.start <= m.start < quantity.start]
        if not named or len({m.row for m in named}) != 1:
            return None  # (one name, perhaps glossed: 迈威尔（Marvell）)
        folded = self.article.folded
        first, last = named[0], named[-1]
        if _RIVAL_BEFORE.fullmatch(folded, clause.start, first.start) and _RIVAL_AFTER.fullmatch(
            folded, last.end, quantity.start
        ):
            return first
        return None

    def market_going_on(self, clause: Span, quantity_start: int) -> Proposal | None:
        """The market of the figure in the clause right before, for a clause of a
        figure alone (…市场规模约2,150亿美元，年增约65%); further back in the sentence,
        for a clause of its own figures only (``_GOES_ON``) with no name between; or the
        market a clause before names with no figure of its own (…出货量的预测，由…)."""
        before = self.clause_of(max(self.sentence.span.start, clause.start - 1))
        market = self.last_market
        if market is not None and market.start >= self.sentence.span.start:
            if before.start <= market.start:
                return market
            # (…市场规模今年约180亿元，2028年有望成长至450亿元，年复合成长率逾35%: on
            # about the market, clause after clause, while no other name comes between;
            # a clause of a time, a change or a growth rate and the figure alone, not one
            # naming what else it measures: 本土业者平均毛利率约为25%)
            named_between = any(
                market.start + len(market.entity.name) <= m.start < clause.start
                for m in self.sentence.entities
            )
            words = "".join(self.article.folded[clause.start : quantity_start].split())
            return market if not named_between and _GOES_ON.fullmatch(words) else None
        if before.start < clause.start and not any(
            inside(q.start, q.end, before) for q in self.sentence.quantities
        ):
            # IDC将今年中国AI加速卡出货量的预测，由450万张上调至520万张: the market's
            # figure named in a clause with no figure of its own
            return market_of(self.article.text, self.article.folded, before.start, before.end)
        return None

    def own_figure(self, word: Mention, quantity: Quantity) -> bool:
        """Whether the clause of ``word`` holds a figure of its own after ``quantity``."""
        clause = self.clause_of(word.start)
        return any(
            q.start >= quantity.end and inside(q.start, q.end, clause)
            for q in self.sentence.quantities
        )

    def named_before(self, clause: Span, quantity: Quantity) -> bool:
        """Whether the words right before a count name what it is, a noun that reaches
        it (GPU缺口约为10万块, 用量达576颗) or a rent (租用了数千块, "rents 9,000"): a new
        attribute of them, no guess at the unit's first."""
        folded = self.article.folded
        if _RENTED.search(folded, max(clause.start, quantity.start - RENT_REACH), quantity.start):
            return True
        noun = own_noun(folded, clause.start, quantity, self.sentence.entities)
        return noun is not None and not noun.changes

    def named_otherwise(self, clause: Span, quantity: Quantity) -> bool:
        """In English, a word of an attribute of another unit right before the number
        names what it measures ("expects AI accelerator revenue to double": a growth of
        revenue, no speed-up): no attribute of the number's unit is forced on it."""
        folded = self.article.folded
        if not is_english_before(folded, clause.start, quantity.start):
            return False
        return any(
            inside(w.start, w.end, clause)
            and 0 <= quantity.start - w.end <= NAMED_REACH
            and len(folded[w.end : quantity.start].split()) <= NAMED_WORDS
            and not _JOINS.search(folded, w.end, quantity.start)
            and not _unit_fits(quantity, a, folded)
            for w, a in self.attribute_words(clause, ValueType.NUMBER)
        )

    def in_currency(self, attribute: Attribute, unit: str | None) -> Attribute:
        """``attribute`` in another currency: the store's own where there is one (revenue
        for revenue_twd given again in dollars)."""
        own = self.store.attributes.get(base_id(attribute))
        return own if own is not None and own.unit == unit else in_unit(attribute, unit)

    def described_site(self, quantity: Quantity) -> Entity | None:
        """The site whose description in the sentence holds ``quantity`` (一座200MW的
        液冷数据中心), if any."""
        return next(
            (
                self.store.entity_at(m.row)
                for m in self.sentence.entities
                if m.start <= quantity.start
                and quantity.end <= m.end
                and self.store.entity_at(m.row).kind == "cluster"
            ),
            None,
        )

    def number(self, quantity: Quantity, previous_end: int) -> Candidate | None:
        found = self.read_number(quantity, previous_end)
        if found is not None and not quantity.ordinal:
            # (a rank is no measure a list of figures goes on with: …約45%，穩居第一；廣達約30%)
            self.last_number = found.attribute
            self.last_of_unit[found.attribute.unit] = found.attribute
            self.last_bound = found.bound
            self.last_about = found.entity
            self.last_new = found.new_entity
            self.last_end = quantity.end
        return found

    def read_number(self, quantity: Quantity, previous_end: int) -> Candidate | None:
        clause = self.clause_of(quantity.start)
        folded = self.article.folded
        changed_in = (
            _CHANGED_IN_CURRENCY.search(
                folded, max(clause.start, quantity.start - 30), quantity.start
            )
            if quantity.unit == "yuan"
            else None
        )
        if changed_in is None and quantity.unit == "yuan":
            # 市场规模约新台币180亿元，2028年有望成长至450亿元: a sentence names its currency
            # once, a sum in 元 after it is in it too (unless 人民币 is written)
            changed_in = self.currency_named_before(quantity)
        if changed_in is not None:
            # 目标价由新台币1,388元上调至1,500元: the figure changed to, in the currency of
            # the one it changed from
            quantity = quantity._replace(
                unit="HKD" if changed_in["currency"] != "新台币" else "TWD"
            )
        if quantity.unit is None and _BRACKETED.match(folded, quantity.start - 1):
            return None  # 廣達（2382）, 昨（13）日: a stock code or a date, in brackets
        if quantity.unit is None and _NAME_NUMBER.match(folded, max(0, quantity.start - 2)):
            return None  # “银河-1”, 衡元-3: a name's number, no figure
        if quantity.unit in SPANS_OF_TIME and (
            _SPAN_OF_TIME.search(folded, clause.start, quantity.start)
            or _SPAN_AFTER.match(folded, quantity.end)
            # (在6个月内部署: within, when; 交期仍在30周以上 is a lead time)
            or folded.endswith("在", 0, quantity.start)
            and folded.startswith("内", quantity.end)
        ):
            # 未来12个月, 截至4月的12个月里, 连续3个月, 每12个月: when or how often, no
            # figure of anything
            return None
        stock = None
        if _of_a_share_price(folded, clause, quantity, self.sentence.entities):
            # 股价上涨约4%, 市值约1380亿元: the company's stock, its own measures
            stock = stock_figure(folded, clause.start, quantity)
            if stock is None:
                return None
            quantity = fallen(quantity) if stock.falls else quantity
        if (
            quantity.unit in MONEY
            and quantity.unit != "USD"
            and any(
                q.unit in MONEY
                and q.unit != quantity.unit
                and 0 <= quantity.start - q.end <= CONVERTED_GAP
                and _CONVERTED.fullmatch(folded, q.end, quantity.start)
                for q in self.sentence.quantities
            )
        ):
            # 人民币12.4亿元（约新台币54亿元）: the paper's conversion for its readers, no
            # figure (one into dollars, 118亿元（约合16.4亿美元）, is the store's measure)
            return None
        if quantity.unit == "tokens" and folded.endswith("每", 0, quantity.start):
            return None  # 每1000个token收费0.03美元: what a price is per, no count
        if (
            quantity.unit == "gpus"
            and quantity.value is not None
            and quantity.value <= SERVER_CARDS
            and (
                _PER_SERVER.search(folded, clause.start, quantity.start)
                or _A_SERVER_OF.match(folded, quantity.end)
            )
        ):
            return None  # 每台搭载8颗B300, 8卡服务器: a server's cards, no count of a fleet
        if (
            quantity.unit == "gpus"
            and _SHARES_TRADED.search(
                folded, max(clause.start, quantity.start - TRADED_REACH), quantity.start
            )
            and not _CHIP_NOUN_AFTER.match(folded, quantity.end)
        ):
            return None  # 外资买超逾4万张, 成交量约5万张: lots of shares, no chips
        if (
            quantity.unit in (None, "gpus")
            and quantity.value is not None
            and quantity.value <= STACKS_PER_CHIP
            and _MEMORY_STACKS.match(folded, quantity.end)
        ):
            # 搭载8颗HBM3E: the chip's memory, a text fact with its capacity (not 囤积约
            # 1,100万颗HBM堆叠, a stock of them)
            return None
        chips = (
            counted_chips(self.article.text, quantity.end, clause.end)
            if quantity.unit is None and is_english_before(folded, clause.start, quantity.start)
            else None
        )
        if chips is not None:
            # "40,000 Maia 100 accelerators": the noun is the count's unit, no attribute word
            quantity = quantity._replace(unit="gpus", end=chips)
        if quantity.unit == "wafers" and self.chips_by_the_piece(quantity):
            quantity = quantity._replace(unit="gpus")  # 出货超2万片, 采购了1.2万片T10芯片
        if (
            quantity.unit is None
            and _PIECES_ALONE.match(folded, quantity.end)
            and _SOLD_BEFORE.search(folded, clause.start, quantity.start)
        ):
            # 累计出货超过8万个: things sold by the piece, what they are said before (not
            # 晶体管数量达到1050亿个, a count its noun names)
            quantity = quantity._replace(unit="pieces", end=quantity.end + 1)
        if quantity.unit == "gpus" and _CHIPLETS.match(folded, quantity.end, clause.end):
            quantity = quantity._replace(unit="pieces")  # 四颗I/O芯粒: a chip's parts, no chips
        noun = own_noun(folded, clause.start, quantity, self.sentence.entities)
        english = is_english_before(folded, clause.start, quantity.start)
        # 营收在过去三年里快速攀升：2023年为3860万美元: a list after a colon is of the
        # measure the clause before it names
        led = self.led_in(clause)
        near = [
            (w, a)
            for w, a in self.attribute_words(clause, ValueType.NUMBER)
            if _unit_fits(quantity, a, folded)
            and not (w.start < quantity.end and quantity.start < w.end)
            and (
                w.start < noun.end and noun.start < w.end
                if noun is not None and not noun.changes
                else inside(w.start, w.end, clause)
                or _gap(w, quantity) <= WORD_REACH
                and noun is None
                # (年增约28%，其中…占比逾七成: a Chinese word in a clause after with a
                # figure of its own names that figure)
                and (w.end <= quantity.start or english or not self.own_figure(w, quantity))
                or inside(w.start, w.end, led)
                and noun is None
            )
        ]
        # 采购规模在3万至5万张之间: a size of what the word before names (a purchase's),
        # no cluster's
        near = [
            (w, a)
            for w, a in near
            if folded[w.start : w.end] != _SIZE or not any(o.end == w.start for o, _ in near)
        ]
        site = self.described_site(quantity)
        changed = _changed_from(folded, clause, quantity)
        if changed is not None and any(w.end <= changed for w, _ in near):
            # 份额从约25%提升至35%: the noun before 从 names both figures, not the change
            near = [(w, a) for w, a in near if w.end <= changed]
        if any(_TO_LEVEL.match(folded, w.end) for w, _ in near):
            # 良率已提升至约70%: a change to a level, the level of the noun before it,
            # no gain the change's word names
            near = [(w, a) for w, a in near if not _TO_LEVEL.match(folded, w.end)]
        # 电晶体密度提升约15%, 在相同性能下功耗降低25%: a bare verb of change after the
        # noun of another measure, or a word in a condition, names no gain of speed
        near = [
            (w, a)
            for w, a in near
            if not _OTHER_MEASURE_CHANGED.search(folded, max(0, w.start - MEASURE_REACH), w.end)
        ]
        near = [(w, a) for w, a in near if not _in_condition(folded, clause, w)]
        # 研发投入, 研发支出: spending on research, no capital expenditure nor a year's
        # spending of the store's words (named by its own words, as a new attribute)
        near = [(w, a) for w, a in near if not folded.endswith("研发", 0, w.start)]
        # "net income", "earnings per share": a profit, no revenue (the store's words for
        # revenue, "income" and "earnings", name it only alone)
        profit = [
            (w, a)
            for w, a in near
            if any(
                p.start() <= w.start < p.end()
                for p in PROFIT.finditer(folded, behind(w.start), w.end + PER_SHARE_REACH)
            )
        ]
        near = [(w, a) for w, a in near if (w, a) not in profit]
        # 已使用募集资金12亿元, 剩余募集资金: funds raised before, used or left, no raise
        near = [
            (w, a) for w, a in near if not _FUNDS_HELD.search(folded, max(0, w.start - 4), w.start)
        ]
        if not of_a_market(folded, (clause.start, clause.end)):
            # 营收占比约25%, 研发人员占比超过70%: a share of what the noun names, no market's
            near = [(w, a) for w, a in near if folded[w.start : w.end] != PROPORTION]
        else:
            # 在中国市场，英伟达营收占比约13%: the noun right before 占比 says what it is a
            # share of, whatever market the sentence names
            near = [
                (w, a)
                for w, a in near
                if folded[w.start : w.end] != PROPORTION or not share_of_a_noun(folded, w.start)
            ]
        # "values the company at $48 billion": a worth; a charge booked; a unit's price;
        # a sum per share; chips stockpiled or capped; 约为H100的60%: a share of another's
        # performance, measured against the one after ``verb``; each whatever else the
        # clause says
        valued = (
            valued_at(folded, clause.start, quantity)
            or charged(folded, (clause.start, clause.end), quantity)
            or priced_at(folded, clause.start, quantity)
            or per_share(folded, quantity)
            if quantity.unit in MONEY
            else gpus_held(folded, (clause.start, clause.end), quantity, self.sentence.span)
        )
        if valued is not None and valued[0].unit != quantity.unit:
            # 公司估值已超过200亿元: the worth in the sum's own currency (valuation_yuan)
            worth = in_unit(valued[0], quantity.unit)
            valued = worth, Decision("attribute", f"new: add an attribute for {worth.label}")
        if stock is not None:
            valued = stock.attribute, stock.decision
        verb = measured_against(folded, clause.start, quantity)
        if valued is None and verb is not None:
            valued = RELATIVE_PERFORMANCE, RELATIVE_DECISION
        if valued is not None:
            near = []
        earlier_of: Entity | None = None  # the one whose figure before this one was
        carried_on = False  # the measure goes on from the figure before
        measure = measure_of(folded, clause.start, quantity.start)
        if measure is not None:
            # "raised $640 million at a valuation of $2.8 billion": the noun before "of"
            # names the figure; a word elsewhere in the clause names another
            near = [(w, a) for w, a in near if w.start < measure[1] and measure[0] < w.end]
        fits = [
            (w, a)
            for w, a in near
            if holds(folded, (clause.start, clause.end), quantity, a, w)
            and not of_the_figure_before(folded, clause.start, quantity)
        ]
        outside = [(w, a) for w, a in fits if not _aside(folded, clause, w, quantity)]
        if outside:
            fits = outside  # 资本支出（含融资租赁）为398亿美元: capex, not the aside's 融资
        # An attribute word there whose attribute cannot hold the number (支出 for a
        # five-year total): no other attribute of the unit is forced on it
        refused = (
            bool(near)
            and not fits
            or not fits
            and self.named_otherwise(clause, quantity)
            or not fits
            and bool(profit)  # "net income of $1.94 billion": its own measure
        )
        decisions: list[Decision] = []
        rival = self.rival(clause, quantity)
        word: Mention | None = None
        noun_at: int | None = None  # where a cue word names the figure, when no attribute word does
        if fits:
            in_clause = [a.id for w, a in fits if inside(w.start, w.end, clause)]
            word, attribute = min(
                fits,
                key=lambda f: (*_distance(f[0], quantity, clause), -in_clause.count(f[1].id)),
            )
            # Where the nearest word is shared (成本: cost per query and annual spend),
            # the attribute with more words in the clause wins (每次查询的成本).
            best = max(in_clause, key=in_clause.count, default=None)
            shared = {a.id for w, a in fits if (w.start, w.end) == (word.start, word.end)}
            if best in shared and in_clause.count(best) > in_clause.count(attribute.id):
                word, attribute = next((w, a) for w, a in fits if a.id == best)
            priced = (
                price_of_what(folded, (clause.start, clause.end), quantity)
                if attribute.id == _PRICE_PER_REQUEST
                else None
            )
            if priced is not None:
                # 整机价格约为150万元, 月租价格, 0.28元/千瓦时的电价: the store's word for a
                # price per request names a price of another thing
                attribute, why = priced
                decisions.append(why)
            elif attribute.unit != quantity.unit and quantity.unit in MONEY:
                # 完成15亿元B轮融资, 营收约1860亿元: the measure the word names, in the
                # sum's own currency (fundraising_yuan), not converted to dollars
                attribute = in_unit(attribute, quantity.unit)
                decisions.append(Decision("attribute", f"new: {attribute.label}"))
        else:
            of_unit = [
                a
                for a in self.store.attributes.values()
                if a.type is ValueType.NUMBER
                and quantity.unit is not None
                and a.unit == quantity.unit
            ]
            unitless = valued or (
                None if quantity.unit else counted_or_named(folded, clause, quantity)
            )
            if unitless is None and site is not None and quantity.unit == POWER_CAPACITY.unit:
                # (no words naming it but the verb before: 建设一座200MW的数据中心)
                unitless = POWER_CAPACITY, Decision("attribute", f"new: {POWER_CAPACITY.label}")
            if unitless is None and not of_unit and quantity.unit not in MEASURES:
                return None  # a number of a unit no attribute has: no claim
            every = of_unit
            of_unit = [a for a in of_unit if holds(folded, (clause.start, clause.end), quantity, a)]
            # (相当于逾13万颗GPU: the figure before in chips, said by the verb before it)
            sentence_start = start_before(folded, clause.start)
            cued_from = (
                sentence_start
                if _RESTATED.match(folded, clause.start)
                and _COUNTED_BEFORE.search(folded, sentence_start, clause.start)
                else clause.start
            )
            cue, cue_at = cued(folded, (cued_from, clause.end), quantity, every) or (None, None)
            listed = self.listed_after(clause, quantity)
            measured_before = self.last_number
            if (
                measured_before is not None
                and measured_before.unit in MONEY
                and quantity.unit in MONEY
                and quantity.unit != measured_before.unit
                and 0 <= quantity.start - self.last_end <= CONVERTED_GAP
                and _CONVERTED.fullmatch(folded, self.last_end, quantity.start)
            ):
                # "21.5 trillion won ($15.8 billion)": the sum before in another currency,
                # the same measure (its words are the other currency's, no name of it)
                attribute = self.in_currency(measured_before, quantity.unit)
                decisions += self.carried(attribute)
            elif unitless is not None:
                # 共约1,400个机柜, PUE约为1.15, "values the company at $48 billion": a count
                # of a thing, a figure its acronym names or a worth, in an attribute to add
                attribute, why = unitless
                decisions.append(why)
            elif (
                measured_before is not None
                and measured_before.unit == quantity.unit
                and (
                    0 <= quantity.start - self.last_end <= FROM_REACH
                    and _FROM_BEFORE.search(
                        folded, max(0, quantity.start - FROM_REACH), quantity.start
                    )
                    and _EARLIER_AFTER.match(folded, quantity.end)
                    or 0 <= quantity.start - self.last_end <= PREVIOUS_REACH
                    and _FROM_PREVIOUS.search(
                        folded, max(0, quantity.start - PREVIOUS_REACH), quantity.start
                    )
                    or _LATER_LEVEL.fullmatch(folded, clause.start, quantity.start)
                )
            ):
                # "to more than $5 billion, from $4.5 billion earlier", "…$70 billion this
                # year, rising to more than $100 billion in 2026": the figure right before,
                # as it was or later (of the same one: ``earlier_of``), no word of its own
                # naming it
                attribute = measured_before
                decisions += self.carried(attribute)
                earlier_of = self.last_about
            elif (
                measured_before is not None
                and quantity.unit == "percent"
                and measured_before.unit != "percent"
                # (what the sum was spent on and when may come between, with no figure:
                # "$41.3 billion on capital projects in its fiscal second quarter, up 62%")
                and 0 <= quantity.start - self.last_end <= MOVED_REACH
                and not _DIGIT.search(folded, self.last_end, quantity.start)
                # (not another noun's clause between: ", while Azure revenue, up 39%")
                and folded.count(",", self.last_end, quantity.start) <= 1
                and not _ANOTHER_CLAUSE.search(folded, self.last_end, quantity.start)
                and (moved := _MOVED_BEFORE.search(folded, self.last_end, quantity.start))
                and _SINCE_AFTER.match(folded, quantity.end)
            ):
                # "revenue rose to $7.7 billion, up 38% from a year earlier": how much the
                # figure right before moved, the same one's (``earlier_of``)
                attribute, moved_why = _moved(measured_before, moved["way"], self.store.attributes)
                decisions += moved_why
                earlier_of = self.last_about
            elif cue is not None and cue in of_unit and not refused:
                attribute = cue  # 生产约2万颗, 拿下约七成: the verb says which
                noun_at = cue_at if cue.id == _OUTPUT else None
                if cue_at is not None and _SHIPPED.match(folded, cue_at):
                    # 出货约2万颗, "shipped 50,000": what left its maker, no year's output
                    attribute = shipments(quantity.unit)
                    decisions.append(Decision("attribute", f"new: {attribute.label}"))
            elif cue is not None and listed is None:
                noun_at = cue_at if cue.id == _OUTPUT else None
                # 累计出货约2万颗: the verb's attribute cannot hold it (no year's figure)
                proposed_attribute = new_attribute(
                    folded, (clause.start, clause.end), quantity, of_unit, self.sentence.entities
                )
                if proposed_attribute is None:
                    return None
                attribute, why = proposed_attribute
                decisions.append(why)
            elif (
                rival is not None
                and self.last_number is not None
                and self.last_number.unit == quantity.unit
            ):
                attribute = self.last_number  # 毛利率约为75%，远高于AMD的约50%: AMD's
                decisions += self.carried(attribute)
            elif listed is not None and listed.unit == quantity.unit:
                # 占有率约为57%，三星约27%: the list goes on ("…of its revenue, down from
                # 26%": the new attribute proposed before)
                attribute = listed
                decisions += self.carried(attribute)
                carried_on = True
            elif (
                of_unit
                and quantity.unit not in OF_ANYTHING
                and not refused
                and (
                    quantity.unit not in _GUESSED
                    or not self.named_before(clause, quantity)
                    and self.changed_from_before(clause, quantity) == clause
                )
            ):
                attribute = of_unit[0]
                if len(of_unit) > 1:
                    others = ", ".join(a.id for a in of_unit[1:])
                    decisions.append(
                        Decision("attribute", f"no attribute word; or one of: {others}")
                    )
            else:
                # A percentage of what the words before it say, or a number no
                # attribute of its unit holds: a new attribute
                named_in = self.changed_from_before(clause, quantity)
                proposed_attribute = new_attribute(
                    folded,
                    (named_in.start, named_in.end),
                    # (named by the clause before alone, not by the words of the change:
                    # 由今年1月的2,150亿美元上修至…)
                    quantity if named_in == clause else quantity._replace(start=clause.start),
                    of_unit,
                    self.sentence.entities,
                )
                if proposed_attribute is None:
                    return None  # a bare number that no attribute word names
                attribute, why = proposed_attribute
                if (
                    quantity.unit == "percent"
                    and measured_before is not None
                    and measured_before.unit != "percent"
                    and _PART_OF_THE_WHOLE.match(folded, clause.start)
                ):
                    # 资本支出…，其中约七成将用于先进制程: a part of the sum before (not
                    # an attribute of the store's another meaning has that id)
                    part = part_of(measured_before)
                    if part.id not in self.store.attributes:
                        attribute, why = part, Decision("attribute", f"new: {part.label}")
                decisions.append(why)
        if attribute.id.startswith("revenue") and self.lost(clause, quantity):
            # 损失约55亿美元的营收, "expects to forgo roughly $1.2 billion in revenue": sales
            # lost, no revenue earned
            attribute = in_unit(LOST_REVENUE, quantity.unit)
            decisions = [d for d in decisions if d.field != "attribute"]
            decisions.append(Decision("attribute", f"new: {attribute.label}"))
        anchor = word.start if word is not None and word.start < quantity.start else quantity.start
        if attribute == RELATIVE_PERFORMANCE and verb is not None:
            # 摩尔线程的MTT S4000性能只有英伟达H20的两三成: what the share is of is
            # named before the verb, the one it is measured against after
            anchor = verb
        if word is not None and not inside(word.start, word.end, clause):
            named = [m for m in self.sentence.entities if clause.start <= m.start < quantity.start]
            if named:
                anchor = quantity.start  # …的占有率约为57%，三星约27%: the word is the list's
        entity, entity_decision, weight = self.entity_for(clause, anchor, word, noun_at=noun_at)
        owner = self.possessor_of(clause, word) if word is not None else None
        if owner is not None:
            # "Sandpiper Research estimates Micron's share of the HBM market": the one
            # whose measure it is, whoever estimates it
            entity, entity_decision, weight = owner, None, 1.0
        # (its measure named in a clause before, or the list's)
        carried_on = carried_on or word is not None and not inside(word.start, word.end, clause)
        if (
            earlier_of is None
            and carried_on
            and self.last_number is not None
            and attribute.id == self.last_number.id
            and not any(inside(m.start, m.end, clause) for m in self.sentence.entities)
            # (not a speaker's "we": …的份额，「我们希望拿下两成市占」)
            and self.we_quoted(clause) is None
        ):
            # 可为联发科贡献约15亿美元营收，明年有望倍增至30亿美元以上: a clause naming no
            # one, its measure the figure's before it, goes on with the same one's
            earlier_of = self.last_about
        if earlier_of is not None:
            entity, entity_decision, weight = earlier_of, None, 0.9
        if (
            not self.sentence.entities
            and _LINE_OF_BUSINESS.search(folded, self.sentence.span.start, quantity.start)
            and not DEMONSTRATIVE.search(folded, self.sentence.span.start, quantity.start)
        ):
            # 其他业务则表现平平。企业网络业务营收为…: a line of business is the story's
            # company's, not the last name before (an acquired company, a customer)
            entity = self.story_company(self.earlier) or entity
        market_expectation = _CONSENSUS.search(folded, clause.start, quantity.start)
        # (not where the clause names its own before: 而AMD的营收低于分析师预期的71亿美元)
        consensus = market_expectation is not None and not any(
            clause.start <= m.start and m.end <= market_expectation.start()
            for m in self.sentence.entities
        )
        measured = self.last_number
        if consensus and (measured is None or measured.unit != quantity.unit):
            # (营收684亿美元，同比增长74%，高于分析师平均预期661亿美元: the measure of the
            # figure in its unit the market's is compared with, past a growth between)
            measured = self.last_of_unit.get(quantity.unit)
        going_on = (
            measured is not None
            and measured.unit == quantity.unit
            and (
                consensus
                or _EARLIER_TIME.fullmatch(folded, clause.start, quantity.start)
                or _LATER_LEVEL.fullmatch(folded, clause.start, quantity.start)
            )
        )
        # (…7纳米良率约为30%，明年有望提升至50%: the node proposed for the figure before)
        carried_new = self.last_new if going_on and self.last_about is None else None
        if measured is not None and (
            (going_on and self.last_about is not None)
            # 全球AI芯片市场规模达到1200亿美元，超过市场预期的1000亿美元: the proposed
            # market's measure too
            or (consensus and carried_new is not None)
        ):
            # 份额约为82%，较去年同期的86%: the earlier figure of the same one and measure
            # (…，明年有望提升至100万颗以上: the later one)
            attribute = measured
            if self.last_about is not None:
                entity, entity_decision, weight = self.last_about, None, 0.9
            decisions = [d for d in decisions if d.field != "attribute"]
            decisions += self.carried(attribute)
        if (
            rival is not None
            and (word is None or word.start < clause.start)
            and attribute != RELATIVE_PERFORMANCE  # (只有H20的两三成: the H20 is measured against)
        ):
            # 份额约为12%，远低于博通的约70%: the one compared with, whose figure it is
            entity, entity_decision, weight = self.store.entity_at(rival.row), None, 0.9
        described = [
            m
            for m in self.sentence.entities
            if 0 <= m.start - quantity.end <= 1
            and self.store.entity_at(m.row).kind in ("chip", "nic", "cluster", "product")
        ]
        if quantity.unit in MEASURES and described and english:
            # "the 102.4-terabit Tomahawk 6": a measure before a name, as an adjective,
            # is the named thing's
            entity, entity_decision, weight = self.store.entity_at(described[0].row), None, 0.9
        if site is not None:
            # 一座200MW的液冷数据中心, 一个3万卡规模的P900集群: a figure in the description
            # of a site introduced as one is its size
            entity, entity_decision, weight = site, None, 0.9
        seller = (
            self.seller_to_customer(clause)
            if quantity.unit == "percent"
            and _OF_REVENUE.search(folded, clause.start, clause.end)
            and not _OWN_SHARE.search(folded, clause.start, clause.end)
            else None
        )
        if seller is not None:
            # …最大客户，占其AI伺服器营收约35%: a share of the seller's revenue, its own
            entity, entity_decision, weight = seller, None, 0.85
        whose = self.share_of_whose(quantity) or self.contributed_to(clause, quantity)
        if whose is not None:
            # "Microsoft accounts for more than 40% of Halcyon's revenue": Halcyon's
            entity, entity_decision, weight = whose, None, 0.85
        paired = respective(folded, self.sentence.entities, self.sentence.quantities, quantity)
        if paired is not None:
            # 三星和美光分别约占26%和17%: the n-th figure of a list is the n-th name's
            entity, entity_decision, weight = self.store.entity_at(paired.row), None, 0.9
        if (
            entity is not None
            and self.last_about is not None
            and entity.kind == "chip"
            and attribute.unit == "gpus"
            and _OF_WHICH.match(folded, clause.start)
        ):
            # 管理着约1.1万张GPU，其中H100约3000张: the part of the fleet before of that chip,
            # a count of its own (not a second total of the fleet's)
            attribute, chip, entity = of_a_chip(attribute, entity), entity, self.last_about
            among = f"new: the {chip.name}s among the figure before; add an attribute for them"
            decisions.append(Decision("attribute", among))
        if (
            entity is not None
            and quantity.unit == "percent"
            and is_domestic(entity)
            and not of_a_market(folded, (clause.start, clause.end))
        ):
            # 其中国产芯片占比超过七成, 国产芯片在阿里新增算力中的占比: the mix of a
            # site's or a company's chips, theirs, not a share of China's own chips
            entity = self.mix_owner(entity, clause, quantity) or entity
        # (a product's share only where its clause names it: 英伟达…在高速网卡市场的份额
        # is the maker's, though the text was on its ConnectX-7 before)
        unnamed_share = (
            attribute.id == _SHARE and entity is not None and self.row_of(entity, clause) < 0
        )
        if attribute.id == _SHARE and entity is not None and entity.kind != "company":
            # 采用ConnectX-7的英伟达在…的份额, Copilot带动微软在…的份额: a company named
            # after the product is whose share it is
            at = self.row_of(entity, clause)
            product_end = max((m.end for m in self.sentence.entities if m.row == at), default=-1)
            companies = [
                self.store.entity_at(m.row)
                for m in self.sentence.entities
                if inside(m.start, m.end, clause)
                and product_end <= m.start < quantity.start
                and self.store.entity_at(m.row).kind == "company"
            ]
            entity = companies[0] if at >= 0 and companies else entity
        if (
            entity is not None
            and entity.maker
            and (not self.said_of(attribute, entity.kind) or unnamed_share)
        ):
            # AMD预计今年AI芯片营收: revenue is a company's, the chip's maker's
            maker = self.store.entities.get(entity.maker)
            if maker is not None and self.said_of(attribute, maker.kind):
                entity = maker
        if entity is not None and not self.said_of(attribute, entity.kind):
            entity = self.fitting(entity, attribute, clause, anchor)
        if entity is not None and entity.kind == "person":
            # 花旗分析师李允浩预计，全球HBM市场规模将…: what the figure's own clause names
            # after the one who gives it (not their employer, named before them, nor
            # China's own chips of a mix)
            said_at = max(
                (m.end for m in self.sentence.entities if self.store.entity_at(m.row) == entity),
                default=clause.start,
            )
            after_them = [
                self.store.entity_at(m.row)
                for m in self.sentence.entities
                if inside(m.start, m.end, clause)
                and said_at <= m.start
                and m.end <= quantity.start
                and not self.is_object(m)  # ("told Reuters the site would…")
                and self.store.entity_at(m.row).kind != "person"
                and not is_domestic(self.store.entity_at(m.row))
            ]
            entity = after_them[0] if after_them else entity
        if (
            entity is not None
            and entity.kind == "person"
            # (陆承宇坦言，X1回片后的首批良率…: the designation the clause names, proposed)
            and self.proposal(clause, anchor, None, None) is None
        ):
            # 陳偉倫說，明年資本支出預估約300億元: a figure a person gives is the company's,
            # the one they work for where a title says so (西部智算中心主任王立群称)
            company = self.antecedent(anchor, lambda kind: kind == "company", told_too=False)
            person = self.row_of(entity)
            person_at = next((m.start for m in self.sentence.entities if m.row == person), -1)
            named_after = company is not None and any(
                person_at < m.start < anchor and self.store.entity_at(m.row) == company
                for m in self.sentence.entities
            )
            # 分析师黄冠文…将鼎崴今年营收预估上修至: a company named after the person is
            # what their figure is of, not their employer
            employer = None if named_after else self.employers.get(person)
            entity = employer or company or entity
        if (
            entity is not None
            and entity.kind == "company"
            and (
                attribute.id in CLUSTER_FIGURES
                or _of_a_site(attribute)
                or _SITES_INVESTMENT.search(folded, clause.start, quantity.start) is not None
                # (微软今年总投资…: a company named in the clause spends its own)
                and self.row_of(entity, clause) < 0
            )
        ):
            # a company's cluster figure, after it was said to build one: that cluster's
            # (兴建一座新资料中心，内部代号「Keystone」，总投资约150亿美元: the site's)
            entity = self.own_thing(entity, "cluster", anchor) or entity
        sites = {
            self.store.entity_at(m.row)
            for m in (self.sentence.entities if attribute.id == _CLUSTER else ())
            if self.store.entity_at(m.row).kind == "cluster"
            and (
                clause.start <= m.start
                and m.end <= quantity.start
                # (单一集群位于…，由约6000张…组成: the word naming the figure is its noun)
                or word is not None
                and m.start <= word.start
                and word.end <= m.end
                # (首批约10万颗将部署在…“赤岩”数据中心: where they go, said after them)
                or quantity.end <= m.start <= clause.end
                and _PUT_AT.search(folded, quantity.end, m.start) is not None
            )
        }
        if attribute.id == _CLUSTER and len(sites) == 1 and entity not in sites:
            # 星枢算力将在其…“北极光”数据中心为OpenAI部署逾6万颗B300: the chips put to
            # use at the site its clause names are that site's, not whom they serve
            (entity,), entity_decision, weight = sites, None, 0.9
        if (
            attribute.id == _CLUSTER
            and entity is not None
            and entity.kind == "company"
            and _DEPLOYS.search(folded, clause.start, quantity.start)
            and not _A_CLUSTER.search(folded, self.sentence.span.start, self.sentence.span.end)
            and not any(
                self.store.entity_at(m.row).kind == "cluster" for m in self.sentence.entities
            )
        ):
            # 百度计划明年在自有数据中心部署超过5万颗P900: the chips a company is to put
            # to use across its fleet, an order of them, no one cluster's size
            attribute = self.store.attributes[_ORDER]
        housed = (
            entity is None or entity.kind in _HOUSED or self.unnamed_or_supplier(entity, quantity)
        )
        if (
            housed
            and (
                self.of_a_phase(anchor, entity)
                or _at_a_sites_scale(attribute, quantity)
                # (採用…GB300機櫃，總投資金額約…: a site's total investment, no chip's)
                or _SITES_INVESTMENT.search(folded, clause.start, quantity.start) is not None
            )
            and not self.names_uncounted(entity, Span(clause.start, quantity.start))
        ):
            # 一期FP16总算力约5 EFLOPS after a list of the chips a site houses, 存储容量约200PB:
            # a phase's figure, or one no chip reaches in a clause that names no thing,
            # is the site's (and not a supplier's named after it: …，交换机全部由华为供应;
            # but GB200 NVL72机柜的FP4算力达1.44 EFLOPS is the rack's)
            entity = self.site_in_focus(anchor) or entity
        if quantity.unit == "percent":
            entity = self.supplier_of_customers(quantity) or entity
        stacked = STACKED.match(folded, quantity.end)
        if stacked is not None:
            # 12层HBM3E, 堆叠16层的HBM4E: the height of the stack named after it
            after = [m for m in self.sentence.entities if m.start == stacked.end()]
            entity = self.store.entity_at(after[0].row) if after else entity
        made = self.counted_product(quantity) if attribute.id in _MADE else None
        if made is not None and entity is not None and made.maker == entity.id:
            # 交付约30万颗曜石M1, "ship 50,000 TX-2 chips": what its maker makes or ships
            # is what the figure is of (not so what a reseller delivers or a buyer gets)
            entity = made
        compared = self.compared_with()
        own_subject = any(
            clause.start <= m.start < quantity.start
            and not (self.is_object(m) or self.is_compared(m) or self.is_possessor(m))
            for m in self.sentence.entities
        )
        if (
            compared is not None
            and compared != entity
            # (a count or a sum of a clause's own subject is its own: 相比之下，…Meta也计划
            # 拥有相当于130万块H100; a ratio is measured against the one before)
            and (not own_subject or quantity.unit in ("x", "percent"))
            and _COMPARISON.search(self.article.folded, clause.start, clause.end) is not None
        ):
            # 相比之下，谷歌…的集群规模是微软的6至10倍: a comparison is about what the
            # sentence before was about, the others' figure measured against it
            entity, entity_decision, weight = compared, None, 0.85
        converted = (
            quantity.unit in MONEY
            and self.last_number is not None
            and self.last_number.unit in MONEY
            and _CONVERTED_ALONE.fullmatch(folded, clause.start, quantity.start) is not None
        )
        if converted and self.last_about is not None:
            # 總投資金額約新台幣320億元，約合10億美元: the figure before, in another
            # currency, of the same one (not of a name between)
            entity, entity_decision, weight = self.last_about, None, 0.9
        before = self.last_number
        if converted and before is not None and attribute.id not in self.store.attributes:
            # …支出2500亿美元，约合1.8万亿元人民币: the measure before, in this currency
            # (a proposed attribute would be named by 合)
            attribute = self.in_currency(before, quantity.unit)
            decisions = [d for d in decisions if d.field != "attribute"]
            if attribute.id not in self.store.attributes:
                decisions.append(Decision("attribute", f"new: {before.label} in {attribute.unit}"))
        trained = self.trained_model(clause, quantity) if attribute.id == _CLUSTER else None
        if trained is not None:
            # Meta训练Llama 4时动用的GPU超过10万块, "Meta trained Llama 4 on 100,000 GPUs":
            # the GPUs a model was trained on are the model's, as the store's are
            entity, entity_decision, weight = trained, None, 0.85
        proposed = self.proposal(clause, anchor, entity, entity_decision) if owner is None else None
        if proposed is None and attribute.id not in _OF_A_THING and quantity.unit != "nm":
            # 台積電2奈米每片晶圓報價約3萬美元, 800G光模块单价约为500美元: the grade's own figure
            proposed = graded.talked_of(
                self.article.text,
                folded,
                clause,
                quantity.start,
                self.sentence.entities,
                self.earlier,
                self.store.entity_at,
                self.speaks_on_its_own,
            )
        if proposed is None and carried_new is not None:
            proposed = Proposal(carried_new, quantity.start)
        if (
            proposed is None
            and attribute.id != _SHARE
            and not any(clause.start <= m.start < quantity.start for m in self.sentence.entities)
            and not _CARRIED.match(folded, clause.start)
        ):
            # 今年全球AI加速晶片市场规模估计约2,150亿美元: a clause naming no one but a
            # market is about the market (not a share in it, nor a clause going on
            # about a subject: 其在全球AI芯片市场的份额, 该公司…)
            market = market_of(
                self.article.text, folded, clause.start, quantity.start
            ) or self.market_going_on(clause, quantity.start)
            of_a_name = market is not None and any(
                market.start <= m.start < market.start + len(market.entity.name)
                for m in self.sentence.entities
            )
            proposed = None if of_a_name else market  # 全球HBM市场: the store's HBM
            self.last_market = proposed
        if proposed is not None:
            entity, entity_decision, weight = None, Decision("entity", NEW_ENTITY), 0.6
        if (
            proposed is None
            and entity is not None
            and (entity.kind == "person" or self.is_analyst_firm(entity))
            and self.only_speaks(entity, quantity)
        ):
            # 周启明称，一期总投资约68亿元, 集邦咨询分析师王思远表示，…每小时2美元 with
            # no company or site to give it to: the figure of one who speaks of it, or
            # of the firm whose analyst does, is of something the reader did not find
            # (but 黄仁勋今年的薪酬, 高盛第三季度净利润: their own)
            entity = None
        if entity is None and proposed is None:
            return None
        if (
            entity is not None
            and proposed is None
            and attribute.id in _OF_A_THING
            and not self.said_of(attribute, entity.kind)
        ):
            # 台积电以3纳米制程为苹果代工M4芯片: the chip the clause names; 台积电2奈米的
            # 良率: a node talked of, no chip's
            fitting = [
                self.store.entity_at(m.row)
                for m in self.sentence.entities
                if inside(m.start, m.end, clause)
                and self.said_of(attribute, self.store.entity_at(m.row).kind)
            ]
            named_apart = any(
                inside(m.start, m.end, clause) and m.end + FOUNDRY_GAP < quantity.start
                for m in self.sentence.entities
            )
            if (
                not fitting
                and not named_apart
                and (
                    _NODE_ADOPTED.search(folded, clause.start, quantity.start)
                    or _NODE_MADE_ON.match(folded, quantity.end)
                )
            ):
                # 该产品采用台积电5纳米工艺, 台积电以5纳米工艺代工: a clause naming only the
                # foundry, of the chip before it
                made = self.antecedent(anchor, lambda kind: self.said_of(attribute, kind))
                fitting = [made] if made is not None else []
            if not fitting:
                return None
            entity = fitting[-1]
        kind = proposed.entity.kind if proposed is not None else entity.kind if entity else None
        if (
            attribute.id == _LEADERBOARD
            and kind != "model"
            and not _ON_A_LEADERBOARD.search(folded, self.sentence.span.start, quantity.start)
        ):
            # 长鑫存储在全球DRAM市场排名第四, 第三大股东: a rank among rivals or holders,
            # no model's on a leaderboard
            attribute, why = ranked(folded, quantity.end)
            decisions.append(why)
            if attribute.id == _HOLDER_RANK and proposed is None:
                entity = self.holder(clause, quantity)
                if entity is None:
                    return None
        if entity_decision is not None:
            decisions.append(entity_decision)
        # each attribute the curator must settle (a new one, one of several) costs
        confidence = NUMBER_CONFIDENCE - ATTRIBUTE_DOUBT * sum(
            d.field == "attribute" for d in decisions
        )
        confidence *= weight
        start = min(
            [anchor, *([proposed.start] if proposed is not None else [])]
            + ([paired.start] if paired is not None else [])
            + [
                m.start
                for m in self.sentence.entities
                if entity is not None
                and m.row == self.row_of(entity)
                and inside(m.start, m.end, clause)
                and m.start <= anchor
            ]
        )
        status, claimed_by, as_of, cues, more, quote, begin, finish = self.base(
            entity, attribute, start, quantity.end, quantity.end
        )
        decisions += more
        changed_from = _FROM_FIGURE.search(
            folded, clause.start, quantity.start
        ) is not None and bool(_TO_FIGURE.match(folded, quantity.end))
        if changed_from:
            # 毛利率已从去年的约35%降至不足15%: the figure changed from is an earlier one
            earlier = "the figure it changed from: give the date it held, or drop it"
            decisions.append(Decision("as_of", earlier))
        bound, bound_cues = read_bound(
            self.article.folded, quantity, clause.start, self.sentence.cues, previous_end
        )
        if stock is not None and stock.falls:
            bound = below_zero(bound)  # 下跌超过9%: less than -9
        if bound is Bound.EXACT and follows_figure(folded, self.sentence.quantities, quantity):
            # 约占80%和10%: the bound before a list of figures is each one's
            bound = self.last_bound
        if (
            attribute.unit == "percent"
            and is_gain(self.article.folded, clause.start, quantity.start)
            and status in (Status.REPORTED, Status.CLAIMED)
        ):
            # A maker's speed-up figure is a best case, claimed by the maker (a range
            # keeps its two ends: 提升2至4)
            bound = Bound.RANGE if quantity.low is not None else Bound.AT_MOST
            maker = self.store.entities.get(entity.maker) if entity and entity.maker else None
            status, claimed_by = Status.CLAIMED, claimed_by or maker or entity
        if status in (Status.FORECAST, Status.PLANNED) and (
            changed_from  # 有望从去年的约8%提升至10%以上: 8% was, only 10% is expected
            or _EARLIER_FIGURE.fullmatch(folded, clause.start, quantity.start)
            or (
                _MULTIPLE_OF_THE.fullmatch(folded, clause.start, quantity.start)
                or _FROM_THE.fullmatch(folded, clause.start, quantity.start)
            )
            and (was_then := _EARLIER_AFTER.match(folded, quantity.end)) is not None
            and not _GIVEN_AHEAD.search(was_then.group())
        ):
            # "forecast $38 billion to $42 billion, up from $29.8 billion last year",
            # "expects $65 billion, from the $54 billion it reported last quarter": the
            # earlier figure is what was, not what is expected (not "the $175 billion it
            # gave in February", a forecast before)
            status = Status.REPORTED
        if (
            stock is not None
            and base_id(stock.attribute) == TARGET_PRICE.id
            and status in (Status.REPORTED, Status.FORECAST)
        ):
            # 大摩将台积电目标价调升至2,100元: an analyst's target for the shares, their
            # estimate (将 marks what is raised, no future), set as a figure, not rounded
            status = Status.ESTIMATED
        if market_expectation is not None:
            status = Status.ESTIMATED  # the market's figure, as its analysts put it
        if bound is Bound.EXACT and status is Status.FORECAST and not quantity.ordinal:
            # An expected figure (营收有望达到588亿美元) is a projection, not a count.
            bound = Bound.ABOUT
        capex = self.store.attributes.get(_CAPEX)
        if (
            capex is not None
            and base_id(attribute) == _ANNUAL_SPEND
            and entity is not None
            and entity.kind in ("project", "cluster")
            and not _RUNNING_COST.search(folded, clause.start, clause.end)
        ):
            # "The first phase cost about $5.3 billion", "the plant would cost at least $15
            # billion over five years": what building a plant or a site takes, up front
            # (not 每年电费, "operating costs": the running of it)
            attribute = self.in_currency(capex, attribute.unit)
        cues = tuple(sorted({*cues, *bound_cues}, key=lambda c: c.start))
        value = None if quantity.low is not None else _number(quantity.value)
        low = _number(quantity.low) if quantity.low is not None else None
        high = _number(quantity.high) if quantity.high is not None else None
        if not _in_range(attribute, [v for v in (value, low, high) if v is not None]):
            return None  # 1050亿 nm, 0 GPUs: a misreading the attribute cannot hold
        own_name = name_key(entity.name) if entity is not None else ""
        if attribute.id == _NODE and name_key(folded[quantity.start : quantity.end]) in own_name:
            return None  # 台积电N3P's node is its own name (采用台积电N3P制程, its user unread)
        if attribute.id == _NODE and not self.made_on(clause, quantity):
            # 在2nm产能的分配上, 比2nm更紧张的是…: a node talked of, no chip's (but a
            # node's own, glossed: 台积电N2（2nm）工艺)
            return None
        return Candidate(
            entity, proposed.entity if proposed else None, attribute, value, low, high, bound,
            attribute.unit, status, claimed_by,
            as_of, quote, begin, finish, cues, tuple(decisions), round(confidence, 2),
        )  # fmt: skip
