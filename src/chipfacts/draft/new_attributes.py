"""Whether an attribute can hold a number, by what the number counts, and the new
attribute to propose when none of the store's can.

An attribute is chosen for a number only when the number's measure and the noun
it counts agree with it:

- a count of one thing (参数量超过万亿, 用户数达到…: the noun ending in 量 or 数
  just before the number) is a count of that thing, not of GPUs or transistors,
  unless the attribute's own word is that noun;
- a total over several years (未来五年…累计达到) is no annual figure;
- a percentage after 其中 ("of which") is a share of the figure before it;
- with no attribute word, a percentage or a sum of money says nothing of what it
  is (a gain, a share, a cut; money spent, earned, raised): it gets a new
  attribute named by the words before it (能效提高, 所需产能), for the curator to
  name and add; so does a number whose attribute word's attribute cannot hold it.
  A count (颗, 张) or a multiple (倍) with no word goes to the first attribute of
  its unit, the others offered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from chipfacts.draft.attribute_ids import attribute_id, measure_start
from chipfacts.draft.candidates import Decision
from chipfacts.draft.english_attributes import english_label, is_english_before
from chipfacts.draft.graded import grade_ends
from chipfacts.draft.sentences import Span, start_before
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Attribute, ValueType
from chipfacts.text.numbers import DOUBLING, SPANS_OF_TIME, Quantity, doubles

# The words between a noun and its number: a bound, a verb of reaching or changing.
_LINK = (
    r"(?:约为|约|大约|近|将近|接近|超过|逾|不到|至少|高达|达到|达|为|是|有|的|了|提高到|提高|"
    r"提升|增长|增加|成长|降低|减少|下降|多出|只|仅|已|将|也|都|从|到|占|占据|拿到|最高|最多|可|"
    r"目前|仍|则|还|再|分别|每秒|不得高于|不高于|不得超过|不低于|低于|高于|少于|多于|不足|有望|可望|"
    r"回升至|回升到|回升|回落至|回落|升至|降至|增至|"
    r"预计|预估|估约|估计|估|至|维持在|维持|保持在|保持|每颗|每张|每块|每片|每台|"
    # 营收可望突破, 毛利率有机会挑战, 功耗可能上看, 资本支出由原先的, 良率约在: the
    # hopes, reaches and starting points of prose, no part of the noun
    r"有机会|可能|或将|突破|挑战|上看|上调至|上修至|下修至|下调至|由原先的|原先的|由|"
    r"初步规划|规划|约在|落在|在|"
    # (营收比重，已由…: the stop between a noun and a clause of its change)
    r",|，|"
    # 良率仍徘徊在, 毛利率一直维持在, 营收持续保持在: how long a level has held
    r"徘徊|停留|稳定|一直|持续|始终|依然|依旧|大致|基本|"
    # PUE控制在1.15以下, 可压低至1.1: what a design holds a figure to
    r"普遍|控制在|控制|压低至|压低到|压低|压至|压到|降到|低至|低到|"
    # 设计PUE介于1.15至1.2之间: a range the figure lies in
    r"介于|介在|"
    # 交期一度长达, 已延长至, 最多只能使用: how long it ran to, what one may use
    r"长达|一度|延长至|延长到|拉长至|拉长到|缩短至|缩短到|只能使用|只能|使用|申请|"
    # 营收达新台币1,860亿元: the currency a sum is in, no part of its noun
    r"新台币|人民币|美元|港币|港元|日元|韩元|欧元)*"
)
MARKET_SHARE = "market_share"
# What a multiple with no attribute word may be of, when it is a speed-up: the words
# of performance in its sentence, up to its clause (算力达50 PFLOPS，约为Blackwell的3.3倍).
_OF_SPEED = re.compile(
    r"性能|算力|速度|快|效率|吞吐|带宽|能效|performance|faster|speed|throughput|efficien|tokens"
)
# A multiple of what was at an earlier time (是前年的近3倍, 为去年同期的2倍).
_OF_A_TIME_BEFORE = re.compile(
    r"(?:是|(?<![认成因以称作])为|(?<![伟辉高传表抵到送长])达到?|相当于)"
    r"\s*(?:去年|前年|上一?年|上季度?|上月|同期|\d{4}\s*年)"
    r"(?:同期|全年|底)?的\s*(?:近|约|大约|逾|超过)?\s*$"
)
TIME_BEFORE_REACH = 16
# Units of physical measures a number must be read with to be of them (3nm, 1.8GHz,
# 700W): a bare number is never one (a sum or a share with its unit left out may be,
# from the sentence's other figures).
_MEASURED = frozenset({"nm", "Hz", "W", "bytes", "bytes/s", "bits/s"})
# Counts of GPUs in use, ordered or needed, and the words of what a plant makes, which
# none of them is (月产能, 产量).
_OF_A_FLEET = ("cluster_gpus", "gpu_order", "gpus_required")
_CAPACITY = re.compile(r"产能|产量|产出")
_MONTHLY = re.compile(r"月产能|月产量|月出货|每月|单月|\bper month\b|\ba month\b|\bmonthly\b")
# A count's noun: 参数量, 用户数, 出货量, 参数规模 (the thing, then 量, 数 or 规模).
_COUNTED = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,2}(?:[量数]|规模))" + _LINK + r"\s*$")
# The parts of a server a count of cards or chips may be of, short of a GPU.
_OTHER_PARTS = re.compile(
    r"[^，,。；;]{0,10}?(?:网卡|网路卡|网络卡|cpu|服务器|伺服器|交换机|交换器|光模块|硬盘|\bnics?\b"
    r"|hbm|显存|内存|dram)"  # 每颗Rubin GPU搭载8颗HBM4: memory stacks, not GPUs
)
# A noun right after a number that it counts, no chip's or GPU's (千亿参数, 1亿用户).
_COUNTED_AFTER = re.compile(
    r"\s*(?:个)?\s*(?:参数|用户|token|行代码|次|(?:parameters|tokens|users|queries|lines)\b)"
)
# A stack's height and the memory stacked after it (12层HBM3E, 堆叠16层的HBM4E).
STACKED = re.compile(r"\s*层\s*(?:堆叠)?\s*(?:的)?\s*")
# The links after the noun a number is of, to the number; and a change among them
# (能效提高约40%: the label is 能效提高, a gain in efficiency).
_LINKS_AT_END = re.compile(_LINK + r"\s*$")
_CHANGE = re.compile(r"提高|提升|增长|增加|成长|降低|减少|下降|多出")
# The words of a fall (比去年低, 较去年下滑) in what a change is measured against.
_LOWER = re.compile(r"低|少|降|减|便宜|跌|滑|缩")
# A time and the links before what a change is measured against (平均售价今年已较去年).
_TIME_AT_END = re.compile(r"(?:今年|去年|明年|目前|当前|本季度?|上半年|下半年|已|将|也|还|则|再)+$")
# A share of a whole named before the figure (约占公司营收的45%, 占其数据中心收入的13%,
# 占总营收的88%): its label is the whole's share, not the words before the whole.
_SHARE_OF_A_WHOLE = re.compile(
    r"占(?:了|据)?[^，,。；;\d%]{0,10}?(?P<noun>营业收入|营收|收入|销售额|出货量|产能|算力|订单)"
    r"的?\s*(?:约|近|逾|超过|接近|不到)?\s*$"
)
_QUOTE_MARKS = frozenset("“”「」\"'")
# A time written after a measure's noun, before its links (月产能今年底, 出货量去年).
_TIME_AFTER_NOUN = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:(?:今|明|去|前)年(?:底|初|中)?|年底|年初|目前|当前|现阶段)+$"
)
# A condition a figure holds under (在相同性能下, 在同等功耗下).
CONDITION = re.compile(r"在(?:相同|同等|同样)的?[^，,。；;]{0,8}下")

# The end of a time cut by the four characters a label keeps (第四季出货量, 今年营收).
_TIME_WORD = re.compile(
    r"(?:(?:今|明|去|前|本|全)年度?|[上下]半年|第[一二三四1-4]季度?|每个?季度?)(?=[\u4e00-\u9fff]{2})"
)
_TIME_CUT = re.compile(r"(?:[一二三四1-4]?季度?|度|年度?|月份?|半年)(?=[\u4e00-\u9fff]{2})")
# Where a time cut at a label's start began (第|三季营收, 上半|年出货量, 第三季|度净利润;
# not 月产能).
_TIME_START = re.compile(r"(?:第[一二三四1-4]?|[今明去前本上下半全每个]|\d|季)$")
# What a change is measured against, between its noun and its verb (出货量将较去年成长,
# 营收同比增长, 算力较上一代提升): no part of the noun; the change is a growth.
_AGAINST = re.compile(
    r"(?:将|已|可望|有望|预计将?|预估将?)?\s*(?:同比|环比|年增"
    # (为去年同期的2倍: a multiple of what was before, not 是今年…, "is this year's")
    r"|(?<![认成因以称作])(?:为|是)(?=\s*(?:去年|前年|上年|同期|上季|上一季|上月|上一代|前一代|上代|\d{4}\s*年))"
    r"|(?:较|相比|相较于?|(?<![占对无])比)"
    # a time or a generation before (not 比H20低: a gap between two things, no change)
    r"\s*(?:去年|今年|上年|前年|同期|上季度?|上一季度?|上月|年初|年底|上一代|前一代|上代"
    r"|第[一二三四1-4]季度?|[上下]半年|\d{4}\s*年))"
    r"[^，,。；;较比]{0,4}$"
)
# A wait's noun right after its weeks or months (40周交期, 18个月的建设期).
_SPAN_NOUN_AFTER = re.compile(r"\s*(?:的)?(?P<noun>交期|交货期|工期|周期|等待期|建设期)")
# Units that name what a figure counts, a new attribute's label.
_NAMED_BY_UNIT = {"gpu_hours": ("GPU小时", "gpu_hours"), "years": ("term in years", "term_years")}
# A sum in another currency, then the words giving it again (1600亿元人民币（约合).
_GIVEN_BEFORE = re.compile(
    r"[\d.,]+\s*(?:万亿|亿|万|千)?\s*(?:美元|美金|元人民币|人民币|元|新台币|港元|港币|日元|韩元|欧元)"
    r"\s*[（(，,]?\s*[约折]?合\s*$"
)
# A change in per cent before the level it reached (净利润同比下降83%至27.1亿美元): the
# level is the measure's, named before the change.
_CHANGED_TO_BEFORE = re.compile(
    r"(?:同比|环比|年增|季增|较[^，,。；;\d]{0,8}?)?\s*"
    r"(?:增长|下降|减少|增加|成长|下滑|上升|提升|提高|降低|大增|大减|暴增|衰退|萎缩|扩大)了?"
    r"\s*(?:约|近|逾|超过)?\s*[\d.]+\s*%\s*(?:至|到|达到?)\s*$"
    # (交换容量将再翻一番至204.8Tbps: a doubling, then the level it reaches)
    # (较上一代翻倍至, 较2024年翻了两番至, 提升一倍至, 将再翻一番至)
    r"|(?:较[^，,。；;]{0,8}?)?(?:(?:将|可望|有望|预计将?)\s*)?(?:(?:再|又)\s*)?"
    rf"(?:{DOUBLING}|倍增)\s*(?:[,，]\s*)?(?:至|到|达到?)\s*$"
)
# A figure said to be so much of another (为去年同期的, 是去年的), with no verb of change.
_BEING = re.compile(r"(?:将|已|可望|有望|预计将?|预估将?)?\s*(?:为|是)")
# The words of a figure given again in another currency (约合, 折合).
_CONVERTED = re.compile(r"[约折]?合$")
# A time before a figure's links (第三季, 今年, 上半年, 3月), no noun of what it measures.
_WHEN = re.compile(r"[季年月]$|季度$|年底$|年末$|半年$|底前$|[今明去前]年|第[一二三四1-4]季")
# What a figure's own noun reaches it by (估值达到, 功耗约为): no word of a change.
_REACHES = re.compile(r"(?:将|已|目前|仍)?(?:达到|达|约为|高达|为)(?:约|近|超过|逾)?")
# The last words before a number's links, its noun: not across 的, 之 or 后 (融资后估值 is 估值).
# A Latin word is kept whole (GPU缺口, not PU缺口).
_LAST_WORDS = re.compile(
    r"(?:(?<![a-z0-9])[a-z][a-z0-9]*)?(?:(?![的之后])[\u4e00-\u9fff]){1,4}$"
    r"|(?:(?![的之后])[\u4e00-\u9fffA-Za-z]){1,4}$"
)
# Several years: 未来五年, 过去3年, 累计.
_YEARS = re.compile(r"(?:未来|过去|今后|近)\s*(?:[二两三四五六七八九十]|\d+)\s*年|累计")
_COUNTS = ("gpus", "transistors", "cores")
# The units of hardware a price may be of (每颗, 单台, 每GB).
_PER_UNIT = re.compile(r"(?:每|单)(?:颗|张|块|片|台|柜|卡|套|gb|tb|gpu|瓦|千瓦)")
# The same further before, when a price's noun follows it (单颗H100 GPU的成本).
_PER_UNIT_PRICED = re.compile(
    _PER_UNIT.pattern + r"[^，,。；;]{0,14}?(?:成本|售价|价格|报价|单价|造价|均价|定价)"
)
_ANNUAL = re.compile(r"annual|yearly|per year|年度|每年", re.IGNORECASE)
# A part of a year (上半年, 第三季, 前三季度, "in the third quarter"): no year's figure.
_PART_OF_YEAR = re.compile(
    r"[上下]半年|第[一二三四1-4]季|[一二三四1-4]季度|单季|每个?季|前[两二三]季"
    r"|\b(?:first|second)\s+half\b|\b(?:first|second|third|fourth|same|latest|final)\s+quarter\b"
    # (not "said last quarter that…": when it was said)
    r"|(?<!said\s)(?<!told\s)(?<!announced\s)\blast\s+quarter\b"
    r"|\b(?:each|every|per|a)\s+quarter\b|\bquarterly\b|\bq[1-4]\b"
)
# A price of one unit of hardware (每块约2.5万美元, 单颗成本, "cost $6,000 apiece", "each
# chip will cost", "$25,000 per GPU"): no year's spending, outlay or income.
_PER_PIECE = re.compile(
    r"\b(?:each|every|per)\s+(?:[a-z0-9-]+\s+){0,2}?(?:chip|gpu|card|unit|accelerator"
    r"|server|wafer|rack|piece|board)s?\b(?![-\s]?hours?\b)|\bapiece\b"  # (a GPU-hour: a rent)
    # "$30,000 a chip", "sells a chip for $30,000"
    r"|\$[\d,.]+\s*(?:million|thousand)?\s+a\s+(?:chip|gpu|card|unit|piece|server)\b"
    r"|\ba\s+(?:chip|gpu|card|unit|server)\s+for\s+\$"
)
PIECE_REACH = 48
# A rent by the hour (每卡每小时约8美元, 按卡时计费, "$2.10 an hour", "per GPU-hour"):
# written before the sum in its sentence, or just after it.
_PER_HOUR = re.compile(
    r"每(?:卡|块|张|颗|gpu)?每?小时|[每按]卡时|gpu小时|/小时|\bper (?:gpu[- ]|chip[- ])?hour\b"
    r"|\ban hour\b|\bhourly\b|\b(?:gpu|chip)-hours?\b"
)
# What is rented by the hour, and its price: computing (not a technician's wage, nor
# what an outage cost).
_COMPUTE = re.compile(
    r"gpu|算力|卡|实例|租|云|价|计费|instance|rent|cloud|compute|accelerator|chip|price|pricing"
    r"|rates?\b|charges?\b|(?<![a-z])[a-z]{1,3}\d{2,3}(?![a-z0-9])"
)
HOUR_REACH = 80
HOUR_AFTER = 16  # " per GPU-hour" after the sum
# The most an hour of one machine rents for, by currency: a larger sum beside an hour's
# word is a total (每小时要花2至3美元，一个实验动辄上万美元).
_MOST_BY_THE_HOUR = {"USD": 100, "yuan": 700, "TWD": 3200}
_SENTENCE_STOP = re.compile(r"[。！？!?\n]|\.\s")
# A count in one machine (单个计算节点配备8块GPU, 每台服务器搭载, "each server holds"):
# no cluster's, order's or need's count of GPUs.
_PER_MACHINE = re.compile(
    r"(?:单个|每个|每一?台|单台|一台|每)\s*(?:计算|训练|推理|gpu|ai)?\s*"
    r"(?:节点|服务器|伺服器|机柜|机架|整机|主机|板卡)"
    # 一片12吋CoWoS晶圆约可切出16颗: a wafer's dies, no cluster's chips
    r"|(?:每|单|一)片[^，,。；;]{0,10}?晶圆"
    r"|\b(?:each|every|per|a single)\s+(?:[a-z0-9'-]+\s+){0,2}?(?:server|node|rack|machine|board"
    r"|tray|box)s?\b"
)
# The nouns of what a plant makes, the only growth an output growth is (产能, 产量).
_OUTPUT = re.compile(r"产能|产量|产出|\b(?:capacity|output|production)\b")
_OF_OUTPUT = ("production_growth",)
# What a count of the scale of something (参数规模, 用户规模) may be of, to be a cluster's.
_SCALE_OF_CHIPS = re.compile(r"集群|群|卡|gpu|芯片|加速|部署|算力|节点")
NOUN_REACH = 10
LABEL_REACH = 2 * NOUN_REACH
# 从 ("from") this close before a number starts the change it ends (从…降至15%).
# 由 too, right before the figure changed from (月产能将由目前约1,800万颗提升至…; not
# 由台积电代工, "by").
_FROM = re.compile(
    r"(?:已|将)?\s*(?:从|由(?=\s*(?:目前|原先|去年底?|今年初)?的?\s*约?\s*\d))"
    r"(?=(?:[^，,。；;]|(?<=\d),(?=\d))*$)"  # (a comma between digits is a number's)
)
FROM_REACH = 24
# Being or reaching as much as another (为, 相当于, 可达, 不及): a share of its measure.
# (the guards of ``context._COMPARED_WITH``: not the 达 ending 英伟达 nor the 为 of 成为)
_AS_MUCH_AS = (
    r"(?:约为|仅为|只有|(?<![成认作因以称])为|是|相当于|(?<![伟辉高传表抵到送长])达到?|可达"
    r"|不及|不到|接近)"
)
_ANOTHERS = (
    r"(?!\s*到?\s*(?:去年|今年|前年|上年|同期|上季|上月|此前|以往|过去|上一代|前一代|上代|前代"
    r"|设计|目标|预期|峰值|理论|标称|其|原来|官方|宣称|全球|全国|整体|总))"
    r"[^，,。；;的]{1,16}"
)
# No noun of a figure, but the words before it (其中约60%的产能: of which), and a
# chance, no share of anything (约70%的概率).
_OF_WHICH_LABEL = re.compile(r"其中|其")
_CHANCE = re.compile(r"概率|几率|可能|机会|机率|把握")
# A share, then 的 and what it is a share of (约75%的算力已被锁定, 超过一半的营收来自):
# the noun, up to a word that starts what is said of it.
_SHARE_OF = re.compile(
    # (a Latin name may lead it: 约60%的CoWoS产能)
    r"\s*的\s*(?P<noun>(?:[a-z][a-z0-9-]*)?"
    r"(?:(?![已被将都均会在用来由为是可仍则也还并])[\u4e00-\u9fff]){2,4})"
)


# A share of another's performance (约为H100的60%, 相当于H800的六到七成, 可达A100性能的
# 85%): the measure's word, a verb of reaching or being, then whose 的 right before it.
# The measure's word right before the verb, adverbs aside (单卡性能约为, not 算力芯片的
# 出货量不到, 算力投资仅为 nor 算力占比不到), and another's, not a time's (去年的一半),
# a generation's (上一代的150%), its own peak's (其理论峰值的40%), a target's (设计指标的
# 90%) nor a whole's (全球AI算力的20%).
# (the text is folded: 效能 reads 性能)
_PERFORMANCE_WORD = r"(?<!高)(?:性能|算力|吞吐量?)"
_RELATIVE = re.compile(
    rf"(?:{_PERFORMANCE_WORD}(?:仅|约|可|只|已|将|最高|大约|大致)*(?P<verb>{_AS_MUCH_AS}){_ANOTHERS}的"
    rf"|(?P<verb_first>{_AS_MUCH_AS}){_ANOTHERS}(?:的)?{_PERFORMANCE_WORD}的)"
    r"\s*(?:约|近|大约|仅|不到|只有)?\s*$"
)
RELATIVE_REACH = 40
RELATIVE_PERFORMANCE = Attribute(
    "relative_performance", "relative performance", ValueType.NUMBER,
    "What a product performs as a share of another's, in percent.", unit="percent",
)  # fmt: skip


# What a rank is among, after it (第三大股东: holders).
_RANKED_AMONG = re.compile(r"大?股东|\s*shareholder", re.IGNORECASE)


def ranked(folded: str, end: int) -> tuple[Attribute, Decision]:
    """A rank of what is no model (排名第四, 第三大股东): among its rivals, or among a
    company's holders, an attribute to add (the store's rank is a leaderboard's)."""
    among = "shareholder" if _RANKED_AMONG.match(folded, end) else "market"
    attribute = Attribute(
        f"{among}_rank", f"{among} rank", ValueType.NUMBER,
        f"Where the article ranks it ({among}; 1 is first).", unit="rank",
    )  # fmt: skip
    return attribute, Decision("attribute", f"new: add an attribute for its {among} rank")


# A share of another's performance is a new attribute, never a gain of so much,
# whatever the clause's words of performance read.
RELATIVE_DECISION = Decision(
    "attribute", "new: a share of another's performance; add an attribute for it (percent)"
)


def measured_against(folded: str, clause_start: int, quantity: Quantity) -> int | None:
    """Where the verb starts that measures a share of another's performance (只有H20的
    两三成): what the share is of is named before it, the other after it."""
    if quantity.unit != "percent":
        return None
    start = max(clause_start, quantity.start - RELATIVE_REACH)
    found = _RELATIVE.search(folded, start, quantity.start)
    if found is None or "占" in folded[max(clause_start, found.start() - 2) : found.end()]:
        return None  # (国产芯片的算力占比不到全国算力的10%: a share of the whole)
    return found.start("verb") if found["verb"] is not None else found.start("verb_first")


def counted_noun(folded: str, clause_start: int, quantity: Quantity) -> tuple[int, int] | None:
    """Where the noun a count counts is (参数量 in 参数量超过万亿), if one is named."""
    start = max(clause_start, quantity.start - NOUN_REACH)
    found = _COUNTED.search(folded, start, quantity.start)
    return found.span("noun") if found is not None else None


def holds(
    folded: str,
    clause: tuple[int, int],
    quantity: Quantity,
    attribute: Attribute,
    word: Mention | None = None,
) -> bool:
    """Whether ``attribute`` (its word at ``word``, if any) can hold the number."""
    if attribute.id == MARKET_SHARE and word is not None and _of_capacity(folded, clause):
        if _ALLOCATED.search(folded, max(0, word.start - ALLOCATED_REACH), word.start):
            return False  # CoWoS产能…，AMD所获份额约为11%: a share of capacity, no market
    if attribute.unit == "x" and word is None and not _of_speed(folded, clause):
        return False  # 市销率接近25倍, 营收约为去年的3倍: a multiple of no speed
    if attribute.unit == "x" and _OF_A_TIME_BEFORE.search(
        folded, max(clause[0], quantity.start - TIME_BEFORE_REACH), quantity.start
    ):
        return False  # 算力支出约为42亿元，是前年的近3倍: a growth since then, no speed-up
    if attribute.unit == "x" and quantity.unit is None and not quantity.vague:
        return False  # 月产能将由约60万只提升至150万只: a count, no multiple (倍, "times")
    if quantity.unit is None and attribute.unit in _MEASURED and not quantity.vague:
        # "144 GB of memory" near "process": no unit read, no node nor sum (but "tens of
        # billions" of the sum the sentence is on)
        return False
    if attribute.unit in _COUNTS and _COUNTED_AFTER.match(folded, quantity.end):
        return False  # 数千亿参数的模型: parameters, not GPUs
    if quantity.unit is None and STACKED.match(folded, quantity.end):
        return False  # 12层HBM3E: a stack's height, no count of anything made or used
    if attribute.unit == "gpus" and _OTHER_PARTS.match(folded, quantity.end):
        return False  # 8张400G网卡, 36颗Grace CPU: a count of other parts, not of GPUs
    if attribute.unit == "gpus" and _APPROVAL.search(folded, clause[0], clause[1]):
        return False  # 申请超过512卡须经副总裁审批: a quota's threshold, no count of GPUs
    if attribute.id in _OF_A_FLEET and _CAPACITY.search(folded, clause[0], quantity.start):
        return False  # 月产能将由约1,800万颗提升至2,600万颗: what a plant makes, no cluster
    if attribute.unit in _COUNTS and quantity.unit is None:
        if quantity.value is not None and not float(quantity.value).is_integer():
            return False  # PUE约为1.15: no count of anything
        counted = _COUNTED_THING.match(folded, quantity.end)
        of_chips = attribute.unit in ("gpus", "chips")
        if of_chips and counted is not None and not _CHIP_NOUN.match(counted["noun"]):
            return False  # 约1,400个机柜: a count of racks, not of GPUs
    if attribute.unit in _COUNTS and quantity.unit is None:
        noun = counted_noun(folded, clause[0], quantity)
        overlaps = (
            noun is not None and word is not None and noun[0] < word.end and word.start < noun[1]
        )
        if noun is not None and not overlaps:
            return False  # 参数量超过万亿: parameters, not GPUs
        if noun is not None and _of_another_scale(folded, noun):
            return False  # 参数规模将超过1万亿: the scale of parameters, no cluster's
    if attribute.unit == "gpus" and _PER_MACHINE.search(folded, clause[0], quantity.start):
        return False  # 单个计算节点配备8块GPU: a machine's count, no cluster's
    if attribute.id in _OF_OUTPUT and not _OUTPUT.search(folded, clause[0], clause[1]):
        return False  # 收入增长超过11倍, API调用量增长了约5倍: no growth of output
    if attribute.unit == "USD" and per_hour(folded, clause, quantity):
        return False  # 每卡每小时约8美元: a GPU's rent by the hour, no price of a request
    if attribute.unit == "USD" and per_piece(folded, clause, quantity):
        # 每颗约560美元, 每GB价格, "each chip will cost about $6,000": a price of
        # hardware, no year's spending nor price of a request
        return False
    if _ANNUAL.search(f"{attribute.id} {attribute.label}") is not None:
        if _PART_OF_YEAR.search(folded, clause[0], clause[1]) is not None:
            return False  # 上半年出货量, 第三季: a part of a year's figure, no year's
        if _YEARS.search(folded, clause[0], quantity.start) is not None:
            return False  # 未来五年…累计: a total over years, not a year's figure
        if _MONTHLY.search(folded, clause[0], quantity.start) is not None:
            return False  # 月产能约1,800万颗: a month's figure, not a year's
        if _PER_USE.search(folded, clause[0], min(clause[1], quantity.end + PER_USE_AFTER)):
            return False  # 推理成本约为每百万token 4美分: a cost per use, no year's spending
    return True


# A bandwidth named right after its rate (400G网络带宽, 8TB/s的显存带宽).
_BANDWIDTH_AFTER = re.compile(
    r"\s*的?\s*(?P<noun>(?:网络|网路|以太网|端口|显存|内存)?\s*(?:带宽|频宽))"
)
_RATES = ("bits/s", "bytes/s")
# A sum per use (每百万token, 每次查询, "per million tokens"): no year's figure.
_PER_USE = re.compile(
    r"每(?:百万|千|万|十亿|亿)?\s*(?:个)?\s*(?:token|次|请求|查询)"
    r"|\bper\s+(?:million\s+|thousand\s+|billion\s+)?(?:tokens?|requests?|quer(?:y|ies))\b"
)
PER_USE_AFTER = 20  # characters after a sum where "per million tokens" may follow


def _of_another_scale(folded: str, noun: tuple[int, int]) -> bool:
    """Whether a count's noun is the scale (规模) of something no chip or cluster is
    (参数规模, 用户规模)."""
    head = folded[noun[0] : noun[1]].removesuffix("规模")
    return len(head) < noun[1] - noun[0] and _SCALE_OF_CHIPS.search(head) is None


# What a price is of, where no request is (每百万token, 每次请求, "per request"): a unit
# of power (0.28元/千瓦时), a rent (月租价格), or one of the things sold (整机价格).
_PER_REQUEST = re.compile(r"请求|调用|token|查询|\bper\s+(?:request|call|query)\b")
# A unit of power, as a price is given per one (每千瓦时, 每度电, 0.3元每度, "per kWh").
_KWH = r"(?:千瓦时|度电|度|kwh|kilowatt-hours?)"
_PER_KWH = re.compile(r"(?:每|/|per\s+)\s*" + _KWH)
_RENT = re.compile(r"租|\brent")
_PRICES = (
    (_PER_KWH, "power_price", "price of power"),
    (_RENT, "rental_price", "rent"),
)
# A unit of power a price is of, right before its sum or right after it.
_KWH_BEFORE = re.compile(r"(?:每|/)\s*" + _KWH + r"\s*(?:约|仅|为)*\s*$")
_KWH_AFTER = re.compile(r"\s*(?:/|每|per\s+)\s*" + _KWH)
KWH_REACH = 8
# The words of a price of power, a little before its sum (电价约为, "tariff is about").
_POWER_PRICE = re.compile(r"电价|购电价格|\b(?:electricity|power)\s+price|\btariff")
PRICE_WORD_REACH = 16
# The units of a sum of money.
MONEY = frozenset({"USD", "yuan", "TWD", "KRW", "JPY", "EUR", "GBP", "HKD", "INR"})


def shipments(unit: str | None) -> Attribute:
    """How many of a thing were shipped (出货约2万颗): a new attribute in the count's
    unit, as the store's annual output is a year's production, no delivery."""
    return Attribute(
        "shipments", "shipments", ValueType.NUMBER, "How many were shipped.", unit=unit
    )


# A site's power said in its description (一座200MW的液冷数据中心): what it is built for.
POWER_CAPACITY = Attribute(
    "power_capacity", "power capacity", ValueType.NUMBER, "The power a site is built for.", unit="W"
)


# Chips held back or held to: a stockpile (囤积了至少50万张, "stockpiled 200,000") or a cap
# on what one may rent or buy (采购上限约为5000颗, "capped new customers at 2,048 GPUs"),
# named before the count in its clause. Neither a cluster nor an order.
_HELD = {
    # (a stock right before its count, 手上囤积的GPU库存约70万颗; not 从库存中调出2万张)
    "gpu_stockpile": re.compile(
        r"囤积|囤货|囤了|囤下|stockpil|hoard"
        r"|(?:库存|存货|\binventory)量?\s*(?:约为?|达到?|高达|为|有|已达|超过|of)?\s*"
        r"(?:about|roughly)?\s*$"
    ),
    "gpu_cap": re.compile(
        r"上限|限购|封顶|最多(?:只能|可以?)?(?:租用|采购|购买|申请|使用|租|买)"
        r"|\bcapped\b|\bcaps?\s+(?:of|at)\b|\blimit(?:ed|s)?\s+(?:of|to|at)\b"
    ),
    # rented by one from another (租用约3000张昇腾卡, "rents 20,000 GPUs"), no order
    # (not 算力租赁厂商, a business of renting)
    "gpus_rented": re.compile(
        r"租用|承租|租下|租了|(?<!算力)租赁(?!厂商|公司|商|服务|业务|市场|平台|价格)"
        r"|\brent(?:s|ed|ing)?\b|\blease[sd]?\b|\bleasing\b"
    ),
    # a rack's or a supernode's (每柜搭配72颗, 每个超节点包含384颗): no fleet's count
    "gpus_per_rack": re.compile(r"(?:每|单)(?:一|个|座|台)?\s*(?:机柜|柜|机架)|\bper\s+rack\b"),
    "gpus_per_node": re.compile(
        r"(?:每|单)(?:一|个)?\s*(?:超节点|超级节点)|\bper\s+(?:super)?node\b"
    ),
}
_HELD_LABELS = {
    "gpu_stockpile": "chips stockpiled",
    "gpu_cap": "cap on chips",
    "gpus_rented": "chips rented",
    "gpus_per_rack": "chips per rack",
    "gpus_per_node": "chips per supernode",
    "gpus_licensed": "chips licensed for export",
    "gpu_threshold": "chips needing approval",
    "gpus_smuggled": "chips smuggled",
}
# Chips a licence lets one ship, named before the count in its clause (已获批的订单合计约
# 4.2万张, "granted licences to ship 65,000"), or in the clause before one that goes on
# with what the licence covers (获得出口许可，覆盖3.5万颗).
_LICENSED = re.compile(r"获批|许可|批准出口|出口批文|\blicen[cs]es?\b|\blicensed\b|\bpermits?\b")
_COVERING = re.compile(r"[\s，,]*(?:覆盖|涵盖|包括|涉及|共计|合计|\bcovering\b|\bfor\b)")
# A count that sets off an approval: a threshold named after it (超出512卡的门槛) or
# before (门槛为512卡), or one its sentence says needs approval when exceeded
# (申请超过512卡须经审批, "any project that needs 1,024 or more of the chips").
_THRESHOLD_AFTER = re.compile(
    r"\s*(?:张|颗|块|卡|片|个)?\s*(?:gpu|加速卡)?\s*(?:的)?\s*(?:门槛|阈值)|\s+(?:gpus?\s+)?thresholds?\b"
)
_THRESHOLD_BEFORE = re.compile(r"门槛|阈值|\bthresholds?\b")
_NEEDS_APPROVAL = re.compile(
    r"[须需]经|需要?[^，,。；;]{0,12}(?:审批|批准|同意)|必须[^，,。；;]{0,12}(?:审批|批准)"
    r"|\brequir\w*\s+(?:sign-off|approval)|\bsign-off\b|\bapproval\s+(?:from|of|by)\b"
)
# …where the count is a bound of more (超过, 超出, 以上, "or more").
_MORE_THAN = re.compile(
    r"(?<![不未])(?:超过|超出)|逾|以上|\bor\s+more\b|\bmore\s+than\b|\bat\s+least\b"
)
# Chips smuggled: the sentence is of the case (涉案, 走私, "smuggling"), unless the count's
# clause says another deed.
_SMUGGLED = re.compile(r"走私|涉案|偷运|私运|非法转运|非法出口|\bsmuggl\w*")
_OTHER_DEED = re.compile(r"采购|订购|下单|部署|出货|交付|销售|\b(?:buy|order|deploy|ship)\w*")
MORE_REACH = 12  # characters after a count where "or more" may follow
APPROVAL_REACH = 40  # …and how far into the clause after it an approval may be asked
# What a stock is enough for (HBM库存仅够生产约6万颗, 可供生产约100万颗): the count it
# allows, no stockpile.
_ENOUGH_FOR = re.compile(r"够|足以|可供|支撑|支持|enough")
HELD_REACH = 30


def gpus_held(
    folded: str, clause: tuple[int, int], quantity: Quantity, sentence: tuple[int, int]
) -> tuple[Attribute, Decision] | None:
    """A count of chips stockpiled or capped (``_HELD``), licensed for export, smuggled,
    or a threshold that needs approval: a new attribute, whatever else the clause says
    (部署, 集群, 订单)."""
    if quantity.unit != "gpus" and not (
        quantity.unit is None and _OF_THE_CHIPS.match(folded, quantity.end)
    ):
        return None
    held = _held(folded, clause, quantity, sentence)
    if held is None:
        return None
    label = _HELD_LABELS[held]
    attribute = Attribute(held, label, ValueType.NUMBER, f"The {label}.", unit="gpus")
    return attribute, Decision("attribute", f"new: add an attribute for the {label}")


def _held(
    folded: str, clause: tuple[int, int], quantity: Quantity, sentence: tuple[int, int]
) -> str | None:
    """Which of ``_HELD_LABELS`` a count of chips is, if any."""
    start = max(clause[0], quantity.start - HELD_REACH)
    for ident, words in _HELD.items():
        named = words.search(folded, start, quantity.start)
        if named is not None and not _ENOUGH_FOR.search(folded, named.end(), quantity.start):
            return ident
    if _SMUGGLED.search(folded, sentence[0], sentence[1]) and not _OTHER_DEED.search(
        folded, clause[0], clause[1]
    ):
        return "gpus_smuggled"  # (not 尽管美方指控存在走私，字节跳动仍计划采购约20万颗)
    covering = _COVERING.match(folded, clause[0]) is not None
    licence_from = max(sentence[0], quantity.start - HELD_REACH) if covering else start
    if _LICENSED.search(folded, licence_from, quantity.start):
        return "gpus_licensed"
    more = _MORE_THAN.search(folded, start, min(clause[1], quantity.end + MORE_REACH))
    # (the approval asked in the count's clause or the one after it, not one of a project
    # in the clause before: 该项目须经发改委审批，阿里云计划部署超过2万张GPU)
    approval = _NEEDS_APPROVAL.search(
        folded, clause[0], min(sentence[1], clause[1] + APPROVAL_REACH)
    )
    if (
        _THRESHOLD_AFTER.match(folded, quantity.end)
        or _THRESHOLD_BEFORE.search(folded, start, quantity.start)
        or more is not None
        and approval is not None
    ):
        return "gpu_threshold"
    return None


# "1,024 or more of the chips": an English count of the chips named before.
_OF_THE_CHIPS = re.compile(
    r"\s+(?:or\s+(?:more|fewer)\s+)?of\s+(?:the|its|their|these|those)\s+"
    r"(?:chips|gpus|accelerators|processors)\b"
)


def part_of(whole: Attribute) -> Attribute:
    """A share of ``whole`` (capex_share: the part of the capex a clause after it puts
    somewhere)."""
    own = (whole.unit or "").lower()
    base = whole.id.removesuffix(f"_{own}")
    label = whole.label.removesuffix(f" ({whole.unit})")
    return Attribute(
        f"{base}_share",
        f"{label} share",
        ValueType.NUMBER,
        f"The part of {label} the article puts to one use, in per cent.",
        unit="percent",
    )


def base_id(attribute: Attribute) -> str:
    """A measure's id without the unit it is in (revenue for revenue_twd)."""
    return attribute.id.removesuffix(f"_{(attribute.unit or '').lower()}")


def in_unit(attribute: Attribute, unit: str | None) -> Attribute:
    """The measure of ``attribute`` in another unit (a sum in yuan given again in
    dollars): its id and label, the unit named."""
    if unit == attribute.unit or unit is None:
        return attribute
    # (a sum given a third time: revenue_eur, not revenue_yuan_eur)
    label = attribute.label.removesuffix(f" ({attribute.unit})")
    # (in dollars, the store's money: the measure's own id, price for price_yuan)
    dollars = unit == "USD"
    return attribute._replace(
        id=base_id(attribute) if dollars else f"{base_id(attribute)}_{unit.lower()}",
        label=label if dollars else f"{label} ({unit})",
        unit=unit,
        # (the store's "in US dollars" names the unit this one replaces; in dollars, the
        # other currency's words go: "…calls invest, in KRW." is "…calls invest, in USD.")
        description=_in_currency(
            attribute.description.removesuffix(f", in {attribute.unit}.")
            if dollars
            else attribute.description,
            unit,
        ),
        synonyms=(),
    )


def _in_currency(description: str, unit: str) -> str:
    """A measure's description in another unit: "Revenue in US dollars…" in TWD is
    "Revenue in TWD…", not "…in US dollars…, in TWD"."""
    if _IN_DOLLARS.search(description):
        return _IN_DOLLARS.sub(f"in {unit}", description)
    return f"{description.rstrip('.')}, in {unit}."


_IN_DOLLARS = re.compile(r"\bin US dollars\b")


def _priced(ident: str, label: str, unit: str | None) -> Attribute:
    """A new attribute for a price, in dollars by name and in another currency by its
    own (unit_price_yuan beside unit_price)."""
    description = f"What the article calls {label}."
    return in_unit(Attribute(ident, label, ValueType.NUMBER, description, unit="USD"), unit)


def _per_kwh(folded: str, clause: tuple[int, int], quantity: Quantity) -> bool:
    """Whether a sum is a price of power: 每千瓦时0.35元, 0.28元/千瓦时, 0.3元每度, "4 cents
    per kilowatt-hour"."""
    if quantity.unit not in MONEY:
        return False
    before = max(clause[0], quantity.start - KWH_REACH)
    return bool(
        _KWH_BEFORE.search(folded, before, quantity.start)
        or _KWH_AFTER.match(folded, quantity.end, clause[1])
        # (每度电价约在新台币5.2元上下, "a tariff of about 4 cents": the price's own word)
        or _POWER_PRICE.search(
            folded, max(clause[0], quantity.start - PRICE_WORD_REACH), quantity.start
        )
    )


def price_of_what(
    folded: str, clause: tuple[int, int], quantity: Quantity
) -> tuple[Attribute, Decision] | None:
    """For a price the store's word names as a price per request (价格, "price"), what
    it is a price of where its clause names no request: a new attribute; None where it
    does."""
    start, end = clause
    if quantity.unit not in MONEY or _PER_REQUEST.search(folded, start, end):
        return None
    ident, label = next(
        ((named, said) for words, named, said in _PRICES if words.search(folded, start, end)),
        ("unit_price", "unit price"),
    )
    attribute = _priced(ident, label, quantity.unit)
    why = f"new: a {label}, no price per request; add an attribute for it ({quantity.unit})"
    return attribute, Decision("attribute", why)


def per_hour(folded: str, clause: tuple[int, int], quantity: Quantity) -> bool:
    """Whether a sum is a rent of computing by the hour: an hour's word and a word of
    computing in its sentence, up to ``HOUR_REACH`` characters before it, or right
    after it in its clause; and no more than an hour of a machine rents for."""
    most = _MOST_BY_THE_HOUR.get(quantity.unit or "")
    highest = quantity.value if quantity.value is not None else quantity.high
    if most is None or highest is None or highest > most:
        return False
    start = start_before(folded, quantity.start, HOUR_REACH, _SENTENCE_STOP)
    after = min(clause[1], quantity.end + HOUR_AFTER)
    return (
        _PER_HOUR.search(folded, start, after) is not None
        and _COMPUTE.search(folded, start, after) is not None
    )


# A price of one right after its sum ("$9,000 to $11,000 per unit"), no rate of time
# after it ("per GPU per hour", "per year") nor a cost to make.
_PRICED_EACH = re.compile(
    r"\s+(?:per|a|each)\s+(?:unit|chip|gpu|card|accelerator|piece|board)\b"
    r"(?!\s+(?:per|a|an|every)\s+(?:hour|year|month|day)|\s+(?:annually|monthly|hourly)"
    r"|[^.;]{0,24}\bto\s+(?:make|build|produce|manufacture)\b)"
)


def per_piece(folded: str, clause: tuple[int, int], quantity: Quantity) -> bool:
    """Whether a sum is the price of one unit of hardware: 每块 or 单颗 just before it,
    or in English "each chip", "per GPU", "apiece" in its clause."""
    if _PER_UNIT.search(folded, max(clause[0], quantity.start - NOUN_REACH), quantity.start):
        return True
    around = max(clause[0], quantity.start - PIECE_REACH)
    if _PER_UNIT_PRICED.search(folded, around, quantity.start):
        return True  # 单颗H100 GPU的成本约3000美元 (not 凭借单卡算力优势…营收)
    return _PER_PIECE.search(folded, around, min(clause[1], quantity.end + PIECE_REACH)) is not None


_OF_WHICH = re.compile(r"[\s，,]*其中")
_SHARE_WORD = re.compile(r"份额|市占|占有率|\bshare\b")


_SHARE_WORD_AFTER = re.compile(r"\s*的?\s*(?:市场份额|份额|市占率|占有率)")


def of_the_figure_before(folded: str, clause_start: int, quantity: Quantity) -> bool:
    """A percentage in a clause opening with 其中 ("of which": 资本支出…800亿美元，其中约一半
    用于AI服务器) is a share of the figure before it, not of a market or a gain."""
    return (
        quantity.unit == "percent"
        and _OF_WHICH.match(folded, clause_start) is not None
        # (在中国AI芯片市场，…其中英伟达份额约70%: a share its word names, of the market
        # the sentence names, or of the shipments it counts: 总出货量约为2.8万台，其中广达
        # 的份额约为35%)
        and not (
            (
                _SHARE_WORD.search(folded, clause_start, quantity.start)
                # (其中浪潮信息以约46%的份额居首: the word right after it)
                or _SHARE_WORD_AFTER.match(folded, quantity.end)
            )
            and _MARKET_OR_SALES.search(folded, start_before(folded, clause_start), clause_start)
        )
    )


class OwnNoun(NamedTuple):
    start: int
    end: int
    changes: bool  # 能效提高约40%: a word of the change (提高) may still name it


def own_noun(
    folded: str, clause_start: int, quantity: Quantity, names: Sequence[Mention] = ()
) -> OwnNoun | None:
    """Where the number's clause names what it measures right before it: what
    changes (能效提高约40%) or what reaches it (投后估值达到42亿美元), no name among
    ``names``. An attribute word in another clause (训练性能…，能效提高; …C轮融资，
    投后估值达到) is not the number's word then, nor, for a noun that reaches it, one
    elsewhere in its clause (融资后该公司估值约为)."""
    start = max(clause_start, quantity.start - NOUN_REACH)
    before = folded[start : quantity.start]
    links = _LINKS_AT_END.search(before)
    assert links is not None  # it matches the empty end at least
    noun = _LAST_WORDS.search(before, 0, links.start())
    if noun is None or len(noun.group()) < 2 or _WHEN.search(noun.group()):
        return None  # 营收在第三季达到: a time, no noun of the figure
    if _CONVERTED.search(noun.group()):
        return None  # 118亿元（约合16.6亿美元）: the figure before in another currency
    at, end = start + noun.start(), start + noun.end()
    if _CHANGE.search(links.group()):
        return OwnNoun(at, end, changes=True)
    named = any(m.start < end and at < m.end for m in names)
    reaches = not named and _REACHES.fullmatch(links.group()) is not None
    return OwnNoun(at, end, changes=False) if reaches else None


# A count's counter and the thing counted after it (1,400个机柜, 8,000台交换器, 50万条光纖).
# Not a time nor a share (2.3个百分点, 3个月).
_COUNTED_THING = re.compile(
    r"\s*(?:个|台|条|套|座|家|款|项|名|位|根|块)\s*"
    # 512条224G SerDes通道, 128个1.6T端口: a speed and a Latin word may come between
    r"(?:[\d.]+\s*[gtm](?:b/s|bps)?\s*(?:[a-z][a-z0-9-]*\s*)?)?"
    r"(?!百分点|月|小时|星期|季度|工作日|交易日)(?P<noun>[\u4e00-\u9fff]{2,4})"
)
# The firms a count of them (5家) names right after it, a Latin word first at most
# (5家XPU量产客户, 3家潜在客户): what is counted, not the verb before (已有, 另有).
_FIRMS_AFTER = re.compile(
    r"\s*(?P<noun>(?:[a-z][a-z0-9-]*\s*)?[\u4e00-\u9fff]{0,4}?"
    r"(?:客户|厂商|企业|公司|供应商|伙伴|机构|业者|晶圆厂))"
)
# A gloss in brackets between a figure's noun and its links (功耗（TDP）为).
_GLOSS_BEFORE_LINKS = re.compile(r"[（(][^（()）]{1,12}[）)](?P<links>" + _LINK + r"\s*)$")
# A counter of machines or sets alone after a number, nothing named after it (1,200台).
_UNITS_COUNTED = re.compile(r"\s*(?:台|套|座|部)(?![\u4e00-\u9fff])")
# Words ending like a count's noun that count nothing (指数, 倍数, 多数, 变数).
_NO_COUNT = re.compile(r"(?:指|倍|变|多|少|半|无|系|分|函|日|岁)数$|(?:质|能|力|流|热|重)量$")
# The same in English: a plural noun right after the number, an adjective at most
# between (128 ports, 20 close allies); no time, nor a word that merely ends in s.
ENGLISH_COUNTED = re.compile(
    # (two words before it at most, "18 custom chip projects": no joining word, no plural
    # nor a participle, "24 campuses hosting servers", and the first plural the count's)
    r"\s+(?:(?!(?:this|his|its|was|has|is|as|across|plus|thus|on|in|at|for|of|to|from|by|with"
    r"|and|or|the|a|an)\b)[a-z][a-z-]*(?<!s)(?<!ing)\s+){0,2}?"
    r"(?!(?:years|months|weeks|days|hours|minutes|seconds|quarters|times|points|this|his|its"
    r"|was|has|does|goes|plus|thus|perhaps|always|sometimes|besides|towards|afterwards"
    r"|whereas)\b)"
    r"(?P<noun>[a-z]{2,}[a-rt-z]s)\b"
)
# A number a part is counted out of ("7 of the 10", "one of only 2").
_ONE_OF_THE = re.compile(
    r"\b(?:one|two|three|four|five|\d[\d,]*)\s+of\s+(?:the\s+|only\s+|just\s+)?$"
)
ONE_OF_REACH = 20
# The words of asking for GPUs under a quota: a count there is a rule's threshold.
_APPROVAL = re.compile(r"申请|审批|获批|批准|\bapprov|\brequests?\b|\brequiring\b")
# What a count of GPUs may count (个GPU, 块加速卡).
_CHIP_NOUN = re.compile(r"gpu|芯片|加速|卡|晶片|处理器")
# A figure's acronym right before it, in Chinese prose (PUE约为1.15): what it measures.
# (设计PUE目标为1.15, PUE值约1.2: a target or a value of it is the same figure; at the
# start of the words read back, a clause's start: ，PUE在1.2左右)
_ACRONYM = re.compile(r"(?:(?<=[\u4e00-\u9fff,、;])|^)(?P<noun>[a-z]{2,5})\s*(?:目标值?|值)?\s*$")
_GLOSS_AT_END = re.compile(r"[（(](?P<inner>[^（）()]{1,12})[)）]\s*$")
_BARE_ACRONYM = re.compile(r"[a-z]{2,5}")
# A ratio's acronym and the words linking it to the figure in English ("a PUE of 1.18",
# "(PUE) of about 1.1", "PUE at 1.2"): the measures of a site and a training run.
# ("at a power usage effectiveness of 1.15": the words an acronym stands for, spelled out)
_ENGLISH_ACRONYM = re.compile(
    r"(?<![a-z])(?:(?P<PUE>pue|power\s+usage\s+effectiveness)"
    r"|(?P<MFU>mfu|model\s+flops\s+utili[sz]ation))"
    r"\)?\s+(?:(?:of|at|was|is|to|below|under|around|about|roughly|near|just)\s+){1,3}$"
)
ACRONYM_REACH = 24
ENGLISH_ACRONYM_REACH = 48


def counted_or_named(
    folded: str, clause: Span, quantity: Quantity
) -> tuple[Attribute, Decision] | None:
    """A new attribute for a number with no unit: a count of the thing after its
    counter (共约1,400个机柜: in racks... as 机柜) or of the noun of a count before it
    (参数量达1.2万亿), or a figure an acronym names right before it (PUE约为1.15: a
    ratio); None for a bare number."""
    if _ONE_OF_THE.search(folded, max(clause.start, quantity.start - ONE_OF_REACH), quantity.start):
        return None  # "7 of the 10 largest labs", "one of only 2 suppliers": no count of its own
    counted = _COUNTED_THING.match(folded, quantity.end) or ENGLISH_COUNTED.match(
        folded, quantity.end
    )
    noun = counted_noun(folded, clause.start, quantity)
    if STACKED.match(folded, quantity.end):
        label, unit = "堆叠层数", "count"  # 12层HBM3E, 堆叠16层: a stack's height
    elif counted is not None and counted.end() <= clause.end:
        label, unit = counted["noun"], "count"
    elif (
        noun is not None
        and not folded.startswith("的", quantity.end)
        and not _NO_COUNT.search(folded, noun[0], noun[1])
    ):
        # 总参数量达1.2万亿, 付费用户数超过1200: a count of what its noun names (not
        # 参数量超过万亿的大模型, a model's description)
        label, unit = folded[noun[0] : noun[1]], "count"
    else:
        before = folded[max(clause.start, quantity.start - NOUN_REACH) : quantity.start]
        links = _LINKS_AT_END.search(before)
        assert links is not None  # it matches the empty end at least
        # 电能使用效率（PUE）不得高于1.3, PUE（电源使用效率）不高于1.15: the acronym in
        # its gloss, or before the gloss (read further back than a noun)
        wide = folded[max(clause.start, quantity.start - ACRONYM_REACH) : quantity.start]
        head = wide[: len(wide) - len(links.group())]
        gloss = _GLOSS_AT_END.search(head)
        if gloss is not None and _BARE_ACRONYM.fullmatch(gloss["inner"]):
            head = "的" + gloss["inner"]  # (as if written after a Chinese word)
        elif gloss is not None:
            head = head[: gloss.start()]
        named = _ACRONYM.search(head)
        english = _ENGLISH_ACRONYM.search(
            folded, max(clause.start, quantity.start - ENGLISH_ACRONYM_REACH), quantity.start
        )
        measure = _LAST_WORDS.search(before, 0, links.start())
        if english is not None:
            # "a power usage effectiveness (PUE) of 1.18": the acronym before "of"
            label, unit = "PUE" if english["PUE"] else "MFU", "ratio"
        elif named is not None and links.group():
            label, unit = named["noun"].upper(), "ratio"
        elif (
            _UNITS_COUNTED.match(folded, quantity.end)
            and measure is not None
            and links.group()
            and not measure.group().startswith(("其", "已"))
        ):
            # 月产能约1,200台, 出货约3万套: units of what the noun before measures
            label, unit = measure.group(), "count"
        else:
            return None
    why = f"new: no attribute word; add an attribute for {label} ({unit})"
    description = f"What the article calls {label}, as a {unit}."
    ident = attribute_id(label, unit)
    return Attribute(ident, label, ValueType.NUMBER, description, unit=unit), Decision(
        "attribute", why
    )


def new_attribute(
    folded: str,
    clause: tuple[int, int],
    quantity: Quantity,
    alternatives: list[Attribute],
    names: Sequence[Mention] = (),
) -> tuple[Attribute, Decision] | None:
    """A new attribute for a number no attribute of the store holds, named by the
    words before it in its clause (never a name among ``names``: 鸿海约占45% names
    no measure; in English, by whole words around it: ``english_attributes``); None
    when nothing names it."""
    if quantity.unit is None:
        return None  # a bare number no word names is no claim
    clause_start, clause_end = clause
    if per_hour(folded, clause, quantity):
        # a rent, in either script: of a GPU or of a machine of eight, as the text says
        ident, label = "hourly_price", "price per hour"
    elif quantity.unit == "years":
        label, ident = _NAMED_BY_UNIT["years"]  # an agreement's term, in either script
    elif _per_kwh(folded, clause, quantity):
        # 每千瓦时0.35元, "4 cents per kWh" (power_price_yuan beside one in dollars)
        priced = _priced("power_price", "price of power", quantity.unit)
        ident, label = priced.id, priced.label
    elif is_english_before(folded, clause_start, quantity.start):
        if quantity.unit == "USD" and _PRICED_EACH.match(folded, quantity.end, clause_end):
            # "sells the MI300X at $9,000 to $11,000 per unit": a price of one, whatever the
            # words before name (not "$4,500 per GPU per year", a fee, nor a cost to make)
            named: tuple[str, str] | None = "unit_price", "unit price"
        else:
            named = english_label(
                folded, clause_start, clause_end, quantity.start, quantity.end, quantity.unit
            )
        if named is None and quantity.unit == "USD" and per_piece(folded, clause, quantity):
            named = "unit_price", "unit price"  # "cost about $6,000 apiece"
        if named is None:
            return None
        ident, label = named
    else:
        # 营收翻倍 is revenue's growth (read where the figure is, before the start of the
        # words naming it moves back: 营收从100亿美元翻了一番)
        grew = quantity.unit == "x" and doubles(folded, quantity.start)
        # Words before the figure that name no part of it move its name's start back, in
        # turn: 毛利率已从去年的约35%降至不足15%, the measure named before 从 ("from");
        # 净利润同比下降83%至27.1亿美元, a level named before the change that reached it;
        # 预算约为1600亿元人民币（约合220亿美元）, a sum given first in another currency
        changes = [_CHANGED_TO_BEFORE] if quantity.unit != "percent" else []
        for words in (_FROM, *changes, _GIVEN_BEFORE):
            reach = max(clause_start, quantity.start - FROM_REACH)
            skipped = words.search(folded, reach, quantity.start)
            if skipped is not None:
                quantity = quantity._replace(start=skipped.start())
        # (wide enough for the noun before what a change is measured against: 营收较2024年)
        offset = max(clause_start, quantity.start - LABEL_REACH)
        # 英伟达H100价格: the noun starts after the last name, never across it (when
        # nothing names the figure after it, the words around the names do: X90在FP16
        # 稠密算力上约为英伟达H100的七成)
        after_names = max(
            [
                offset,
                *(n.end for n in names if offset <= n.end <= quantity.start),
                *grade_ends(folded, offset, quantity.start),  # 2奈米良率, 800G光模块单价
            ]
        )
        multiple = quantity.unit == "x"
        chinese = _chinese_label(
            folded, after_names, quantity.start, names, multiple, grew
        ) or _chinese_label(folded, offset, quantity.start, names, multiple, grew)
        share_of = _SHARE_OF.match(folded, quantity.end, clause_end)
        if (
            (chinese is None or _OF_WHICH_LABEL.fullmatch(chinese))
            and quantity.unit == "percent"
            and share_of is not None
            and not _CHANCE.match(share_of["noun"])
        ):
            chinese = share_of["noun"] + "占比"  # 约75%的算力: a share of its compute
        whole = _SHARE_OF_A_WHOLE.search(
            folded, max(clause_start, quantity.start - FROM_REACH), quantity.start
        )
        if whole is not None and quantity.unit == "percent":
            chinese = whole["noun"] + "占比"  # 约占公司营收的45%: a share of revenue
        before = max(clause_start, quantity.start - ACCOUNTS_REACH)
        accounts = _ACCOUNTS_FOR_AT_END.search(folded, before, quantity.start)
        if chinese is None and quantity.unit == "percent" and accounts is not None:
            # CoWoS产能中，英伟达约占六成: a share of the whole the sentence opened with
            whole = _WHOLE.search(folded, start_before(folded, clause_start), clause_start)
            chinese = (whole["noun"] if whole is not None else "") + "占比"
        span_noun = _SPAN_NOUN_AFTER.match(folded, quantity.end)
        if span_noun is not None and quantity.unit in SPANS_OF_TIME:
            chinese = span_noun["noun"]  # 40周交期: the wait the noun after it names
        firms = _FIRMS_AFTER.match(folded, quantity.end)
        if firms is not None and quantity.unit == "firms":
            chinese = firms["noun"].replace(" ", "")  # 已有5家XPU量产客户: the firms counted
        bandwidth = _BANDWIDTH_AFTER.match(folded, quantity.end)
        if bandwidth is not None and quantity.unit in _RATES:
            chinese = bandwidth["noun"]  # 支持400G网络带宽: the bandwidth, not 支持
        if chinese is None and quantity.unit not in _NAMED_BY_UNIT:
            return None
        if quantity.unit in _NAMED_BY_UNIT:
            # 每月最多只能使用2,000 GPU小时: what it counts is its unit, whatever the
            # words before it (who may use them, when)
            label, ident = _NAMED_BY_UNIT[quantity.unit]
        else:
            assert chinese is not None
            label, ident = chinese, attribute_id(chinese, quantity.unit)
    currency = (quantity.unit or "").lower()
    if quantity.unit in MONEY and quantity.unit != "USD" and not ident.endswith(f"_{currency}"):
        # 研发投入达1797亿元: rd_spending_yuan, one attribute apart from a sum in dollars
        ident = f"{ident}_{currency}"
    others = ", ".join(a.id for a in alternatives)
    why = f"new: no attribute word; add an attribute for {label} ({quantity.unit})" + (
        f", or use one of: {others}" if others else ""
    )
    description = f"What the article calls {label}, in {quantity.unit}."
    attribute = Attribute(ident, label, ValueType.NUMBER, description, unit=quantity.unit)
    return attribute, Decision("attribute", why)


def _chinese_label(
    folded: str,
    offset: int,
    end: int,
    names: Sequence[Mention],
    multiple: bool = False,
    grew: bool = False,
) -> str | None:
    """The label of a Chinese figure ending at ``end``: the last words before its links
    from ``offset`` (never a name among ``names``), with the change they say, if any
    (a growth where a ``multiple`` is of what was before: 为去年同期的2倍; a share of it,
    为去年的一半, says no growth; a growth where the figure ``grew``: 营收翻倍)."""
    # (a quotation's marks are no words of it: 明年将“至少翻一番”)
    before = "".join(
        char
        for at, char in enumerate(folded[offset:end], offset)
        if not any(name.start <= at < name.end for name in names) and char not in _QUOTE_MARKS
    )
    # 热设计功耗（TDP）为1,200瓦: the noun before its gloss names the figure
    before = _GLOSS_BEFORE_LINKS.sub(r"\g<links>", before)
    before = CONDITION.sub("", before)  # 在相同性能下功耗降低: no part of the noun
    # 出货量的预测，由…: the measure forecast, not the forecast
    before = _FORECAST_OF_IT.sub("", before)
    links = _LINKS_AT_END.search(before)
    assert links is not None  # it matches the empty end at least
    against = _AGAINST.search(before, 0, links.start())
    noun = None
    if against is not None:
        # 平均售价今年已较去年下滑: the noun before the time and the links it is said of
        head = _TIME_AT_END.sub("", before[: against.start()])
        noun = _LAST_WORDS.search(head)
    if noun is None:  # 较上一代提升约40%: no noun before what it is measured against
        # (CoWoS月产能今年底将提升至: the time after the noun is no part of it)
        head = _TIME_AFTER_NOUN.sub("", before[: links.start()])
        against, noun = None, _LAST_WORDS.search(head)
    if noun is None:
        return None
    change = _CHANGE.search(links.group())
    if change is not None and links.group().startswith(("至", "到"), change.end()):
        change = None  # 良率已提升至约70%: the level of the noun, no change of it
    moved = ""  # 价格比去年低约两成: a fall; 出货量较去年成长: a growth
    if against is not None and change is None and (multiple or not _BEING.match(against.group())):
        moved = "下降" if _LOWER.search(against.group()) else "增长"
    elif grew and change is None:
        moved = "增长"
    # 第四季出货量, 今年营收: the end of a time before the noun is no part of it (月产能
    # is a month's capacity); the window may have cut the time's start (第四|季出货量)
    started = _TIME_START.search(folded[max(0, offset - 2) : offset] + noun.string[: noun.start()])
    cut = _TIME_WORD.match(noun.group()) or (_TIME_CUT.match(noun.group()) if started else None)
    # (营业利益率: a measure's word longer than the window is named whole)
    whole = noun.string[measure_start(noun.string, noun.start()) : noun.end()]
    head = noun.group()[cut.end() :] if cut else whole
    if _ONE_OF_A_KIND.search(head):
        return None  # 一座100MW的智算中心: what the figure describes comes after it
    if head.startswith("座") and noun.string[noun.start() - 1 : noun.start()] in ("一", "每"):
        head = head[1:]  # 一座总装机2GW的电厂: its capacity (not 座舱, a cockpit)
    return head + (change.group() if change is not None else moved)


# A forecast of the measure before it, ending the words before a change from (出货量的
# 预测，由450万张上调至…; 市场规模预估，由…上修至…).
FORECAST_NOUNS = "预测|预估|预期|估计"
_FORECAST_OF_IT = re.compile(rf"的?(?:{FORECAST_NOUNS})值?\s*[，,]\s*$")
# One thing counted, right before a figure: the figure describes it, the words name none.
_ONE_OF_A_KIND = re.compile(r"[一每][座个家台套款颗块项]$")


# With no attribute word, the verbs and nouns of news prose that say which of a
# unit's attributes a number is (出货约2万颗 is output, 订购1.5万颗 an order, 拿下约七成
# a share), by the store's attribute ids.
_UNIT_CUES = {
    "annual_output": r"出货|产量|生产|量产|交付|shipments?|ship|produc",
    # (引入数十万颗, 再扩充3,000张GPU, 获得最多150万颗TPU: chips brought in; not
    # 扩充至3万卡, the size a fleet reaches)
    "gpu_order": (
        r"订购|采购|订单|购买|买下|下单|追加|加购|增购|订了|预订|引入|购入|买入|新增"
        r"|扩充(?![^，,。；;]{0,12}?(?:至|(?<!达)到))|获得|order|bought|buy"
    ),
    "cluster_gpus": r"部署|集群|组成|规模|互联|搭建|超级计算机|cluster|deploy|link",
    "gpus_required": r"需要|所需|require|need",
    # 约占45%: "accounts for", right before the number
    "market_share": (
        # whole English words: a company's "shares" are its stock
        r"份额|市占|占有率|占比|拿下|分得|瓜分"
        # 约占六成, 约占全球AI芯片市场的六成, 一家就占到约六成
        # (not 占总营收的约13%: a share of something else than a market)
        r"|约?占(?:据|到)?(?=(?:[^，,。；;\d]{0,16}市场的)?\s*(?:约|近|逾|超过|超|接近|不到)?\s*"
        r"(?:\d|[一二两三四五六七八九]成|一半|过半|半数))"
        r"|\bshare\b|\bmarket\b"
        # 三星以约6.8%位居第二: 以 a share, then the rank it gives (not 国产化率达到90%位居
        # 行业前列, a rate its own noun names)
        r"|以(?=\s*[约近逾超]?\s*[\d.]+\s*%\s*(?:的份额|的市占率)?\s*(?:位居|居冠|居首|居次|排名|位列|名列|稳居))"
    ),
}  # fmt: skip
_UNIT_CUE = {ident: re.compile(pattern, re.IGNORECASE) for ident, pattern in _UNIT_CUES.items()}
# 约占 ("accounts for") alone, or right before a share (英伟达约占六成): of a market only
# where the sentence names one, or speaks of shares or shipments (not 产能的约六成，超微约占
# 一成, a share of capacity, nor 训练任务约占60%, of a quota); else a share of the whole
# the sentence opens with (台积电CoWoS产能中，): what the share is of.
_ACCOUNTS_FOR = re.compile(r"约?占(?:据|到)?")
# 占比 ("proportion"): a market share where the sentence names a market, else a share of
# what the noun before it names (营收占比, 研发人员占比).
PROPORTION = "占比"
# Nouns a proportion right after them is a share of, whatever market the sentence names.
_SHARE_OF_A_NOUN = re.compile(r"(?:营收|收入|人员|员工|成本|支出|业务|订单|芯片|算力|产能)$")


def share_of_a_noun(folded: str, at: int) -> bool:
    """Whether the 占比 at ``at`` is a share of the noun right before it (在中国市场，
    英伟达营收占比约13%: of its revenue), no market share."""
    return _SHARE_OF_A_NOUN.search(folded, max(0, at - 4), at) is not None


_ACCOUNTS_FOR_AT_END = re.compile(_ACCOUNTS_FOR.pattern + r"\s*[约近逾超]?\s*$")
ACCOUNTS_REACH = 4
_WHOLE = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,4})中\s*[，,]")
_A_MARKET_NAMED = re.compile(r"市场|市占|领域|行业|\bmarket")
# A market named, or what is sold in one: a share of it is a market share.
_MARKET_OR_SALES = re.compile(_A_MARKET_NAMED.pattern + r"|出货|销量|\bshipments\b")
_A_MARKET = re.compile(_A_MARKET_NAMED.pattern + r"|份额|占有率|出货")
# What a share of capacity is said to be (AMD所获份额, 分到的份额): what one was allotted.
_ALLOCATED = re.compile(r"(?:所获|获得|分到|拿到|分得|取得|所分|获配)的?\s*$")
ALLOCATED_REACH = 6


def _of_speed(folded: str, clause: tuple[int, int]) -> bool:
    """Whether a word of speed is in the sentence up to the end of ``clause``."""
    return _OF_SPEED.search(folded, start_before(folded, clause[0]), clause[1]) is not None


def _of_capacity(folded: str, clause: tuple[int, int]) -> bool:
    """Whether the sentence up to the end of ``clause`` is on capacity, not a market."""
    start = start_before(folded, clause[0])
    return (
        _CAPACITY.search(folded, start, clause[1]) is not None
        and _A_MARKET_NAMED.search(folded, start, clause[1]) is None
    )


def of_a_market(folded: str, clause: tuple[int, int]) -> bool:
    """Whether the sentence up to the end of ``clause`` names a market."""
    return _A_MARKET.search(folded, start_before(folded, clause[0]), clause[1]) is not None


def cued(
    folded: str, clause: tuple[int, int], quantity: Quantity, of_unit: list[Attribute]
) -> tuple[Attribute, int] | None:
    """The attribute of ``of_unit`` whose cue word is nearest before the number in
    its clause (or after it, when none is before), if any, with where its cue starts."""
    best: tuple[int, Attribute, int] | None = None
    for attribute in of_unit:
        cue = _UNIT_CUE.get(attribute.id)
        if cue is None:
            continue
        for match in cue.finditer(folded, clause[0], clause[1]):
            proportion = match.group() == PROPORTION
            if proportion and share_of_a_noun(folded, match.start()):
                continue  # 英伟达营收占比约13%: a share of its revenue
            if (_ACCOUNTS_FOR.fullmatch(match.group()) or proportion) and not of_a_market(
                folded, clause
            ):
                # 其中训练任务约占60%, 营收占比约25%: a share of something else than a market
                continue
            distance = (
                quantity.start - match.end()
                if match.end() <= quantity.start
                else NOUN_REACH * 10 + match.start() - quantity.end
            )
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, attribute, match.start())
    return best[1:] if best is not None else None
