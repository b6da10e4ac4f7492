"""A company's products an article names that the store lacks: the company's
name, then a designation or a Latin name (峰睿F3, 輝達Rubin, 三星HBM4), and the
other designations of those letters (上一代F2); a model number after a line's
name (昇腾910C); a product introduced by its kind and named in quotes (推理芯片
“灵犀100”).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from chipfacts.draft.chinese_names import FUNCTION_CHARS, GLOSS, VERBS
from chipfacts.draft.designations import PERIOD, QUOTED_NAME, SITE_PHASE, TECHNICAL, Proposed
from chipfacts.draft.sentences import start_before
from chipfacts.draft.vocabulary import WHICH_OF_ITS_PRODUCTS
from chipfacts.model.records import Entity
from chipfacts.store.store import Store
from chipfacts.text.normalize import fold_in_place

# A product's name after its maker's: a designation (F3, HBM4, MI355X) or a
# capitalised word (Rubin), not a company's own word (Nvidia Corp).
_PRODUCT_NAME = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z]*-?\d+[A-Za-z0-9]*|[A-Z][a-z]{2,}[A-Za-z]*)(?![A-Za-z0-9])"
)
_GENERATIONS = re.compile(r"(?<![A-Za-z0-9-])[A-Z]{1,3}-?\d{1,4}[A-Z]?(?![A-Za-z0-9])")
_LETTERS_DIGITS = re.compile(r"(?P<letters>[A-Z]{1,4})-?\d{1,4}[A-Z]?")
COMPANY_WORDS = frozenset(
    "Technology Technologies Semiconductor Microelectronics Electronics Memory Group "
    "Intelligence Information Optoelectronics Corp Corporation Inc Ltd Holdings Systems "
    "Silicon Networks Computing Compute Labs".split()
)
# GPU1000倍, CPU2: the kind of chip and a number, no product's name
_KINDS_OF_CHIP = frozenset({"GPU", "CPU", "NPU", "DPU", "XPU", "FP", "INT", "AI", "PCIE", "DDR"})
# 微軟Ignite大會: an event of the company, not its product
_EVENT = re.compile(
    r"\s*(?:[^\s，,。]{0,4}(?:大会|峰会|会议|发布会|活动|论坛|展会)|conference|summit|event)"
)
_NOT_PRODUCT = COMPANY_WORDS | {"Research", "Capital", "Cloud", "Said", "Says"}
# A product introduced by its kind and named in quotes (推理芯片“灵犀100”, AI資料中心
# 「Lonestar」).
SITE_NOUNS = ("智算中心", "数据中心", "资料中心", "园区")
# A company's product in quotes (核心产品“衡光-800”, 下一代产品“澜海T2”): a name only where
# a number or Latin letters mark it (not 产品“完全自主可控”), of the kind said after it
# (是一款…光引擎: a chip; …网卡, …大模型).
PRODUCT = "产品"
# (是一款面向大模型训练的AI芯片: the kind is the last noun of what it is said to be)
KIND_SAID_AFTER = re.compile(
    r"[”」\"']\s*(?:(?:是|为)一(?:款|颗|台|个|套)[^，,。；;]{0,30}|[^，,。；;]{0,4}?)"
    r"(?P<noun>网卡|大模型|模型|芯片|晶片|加速器|加速卡|处理器|gpu|光引擎|交换机|服务器)"
    r"(?![^，,。；;]{0,30}(?:网卡|大模型|模型|芯片|晶片|加速器|加速卡|处理器|gpu|光引擎|交换机|服务器))"
)
# The kinds of the nouns said after a product that no other name takes (服务器: a product).
SAID_KINDS = {"服务器": "product"}
# The words of a chip near a product in quotes (是一款…光引擎, 芯片公司…), and the nouns
# of other goods right after it (“4K120”电视, “小米15”手机).
_CHIP_WORDS = re.compile(r"芯片|晶片|光引擎|加速卡|加速器|处理器|gpu|网卡|晶体管|流片|算力")
_OTHER_GOODS = re.compile(
    r"[”」\"']\s*(?:电视|手机|电脑|笔记本|平板|汽车|耳机|手表|系列手机"
    # (“AI 2.0”战略: a slogan)
    r"|战略|理念|路线(?!图)|模式|概念(?!芯片|验证)|愿景|口号)"
)
CHIP_WORDS_REACH = 40


def a_chip_product(folded: str, match: re.Match[str]) -> bool:
    """Whether a product in quotes (核心产品“衡光-800”) names a chip: a number in its
    name, a chip's words near it, no other goods' noun right after it."""
    name = match["name"]
    if not any(ch.isdigit() for ch in name) or _OTHER_GOODS.match(folded, match.end() - 1):
        return False
    near = folded[max(0, match.start() - CHIP_WORDS_REACH) : match.end() + CHIP_WORDS_REACH]
    return _CHIP_WORDS.search(near) is not None


# A supercomputer called a system, new or of its trade (新系统, 超算系统, 旗舰系统).
NEW_SYSTEMS = ("新系统", "超算系统", "计算系统", "旗舰系统")
QUOTED_AFTER_KIND = re.compile(
    # not 该芯片“…” or 称该芯片“完全在国内…” (a quotation about it): a name of a few
    # characters, then its number or Latin letters
    r"(?<![该此这其称说表示])(?P<noun>芯片|加速器|处理器|gpu|网卡|交换芯片|交换机|集群|超级计算机|超级电脑|超算"
    # (a machine named as one: 新系统“红杉”（Redwood）, 旗舰系统正式命名为「苍穹」)
    rf"|{'|'.join(NEW_SYSTEMS)}"
    rf"|{'|'.join(SITE_NOUNS)}|大模型|模型|{PRODUCT})\s*(?:(?:正式)?(?:命名为|取名为|名为)\s*)?[“「\"']"
    r"(?P<name>[\u4e00-\u9fff]{0,6}-?[A-Za-z0-9][A-Za-z0-9 .\-]{0,12}|[\u4e00-\u9fff]{2,6})[”」\"']"
)
# A site's whole name in quotes, its noun the last of it (“青城智算中心”, “砺川·中卫万卡
# 集群”): a name, written once or more; not a term or a slogan in quotes, whose words
# before the noun say only how big or what kind (“万卡集群”, “绿色数据中心”).
QUOTED_SITE = re.compile(
    r"[“「\"'](?P<name>(?P<own>[^“”「」\"'，,。；;：:\s的]{1,10}?)"
    r"(?P<noun>超级计算中心|超级运算中心|数据中心园区|智算中心|数据中心|资料中心|算力中心|超算中心|运算中心"
    r"|计算中心|集群|丛集))[”」\"']"
)
GENERIC_SITE_WORDS = re.compile(
    r"(?:\d*(?:十万|百万|万|千)卡级?|超大规模|大规模|超大型|大型|超级|超|绿色|零碳|低碳|智能|人工智能|新型|ai"
    r"|算力|全国产|国产|异构|液冷|东数西算|公共|城市|国家|区域|边缘|训练|推理|智算|超算)+"
)
# Words of a phrase in quotes, no site's name (“没有万卡集群”, “加快建设智算中心”, “我们的…”).
NOT_A_SITE_NAME = re.compile(r"没有|建设|加快|推进|打造|我们|我|你|其")
# A sentence's end in English text, read backwards (". " before the words after it).
_ENGLISH_STOP = re.compile(r"\s[.!?]")
# A platform's or a line's noun after a name (Rubin平台, Vera Rubin架构): a product's.
_PLATFORM = re.compile(r"\s*(?:平台|架构|架構|系列|platform|architecture)")
# A chip's noun after a name (Rubin GPU, Rubin芯片).
_CHIP_NOUN = re.compile(r"\s*(?:GPU|CPU|NPU|芯片|晶片|加速器|处理器|處理器|chip)", re.IGNORECASE)
# A chip's noun, then its designation alone (推理芯片K2, 加速器X90).
DESIGNATED_AFTER_KIND = re.compile(
    r"(?:芯片|晶片|加速器|加速卡|处理器|gpu|npu)\s*(?P<name>[a-z]{1,3}-?\d{1,4}[a-z]?)(?![a-z0-9])"
)
# A kind of thing, then its code name in quotes (该晶片内部代号「Arke」, 晶片代号为
# 「Santorini」, 这款芯片代号为“雅典娜”): the name it goes by.
CODENAMED = re.compile(
    # (交换平台，内部代号「Halden」: a platform's, a chip's kind of product)
    r"(?P<noun>芯片|晶片|加速器|处理器|网卡|集群|智算中心|数据中心|资料中心|大模型|模型|平台)"
    # (a site's phase, 智算中心三期（内部代号“太行”）: the phase's code name)
    rf"(?:{SITE_PHASE}(?:工程|项目)?)?\s*[，,]?\s*(?:的)?"
    # (芯片（内部代号“凤凰”）, 旗舰模型（内部代号“果园”）: the code name in brackets)
    r"\s*[（(]?\s*(?:内部)?\s*代号"
    rf"(?:为|是)?\s*[“「\"'](?P<name>{QUOTED_NAME})[”」\"']"
)
# A thing named in quotes, then its kind (打造「Atlas」AI叢集, “灵犀”芯片).
QUOTED_BEFORE_KIND = re.compile(
    # (「雲湧桃園一號」: a company's and a place's names, then a number)
    # (“百舸·天工”: a brand, a dot and a name)
    r"[“「\"'](?P<name>[A-Za-z][A-Za-z0-9 \-]{1,15}|[\u4e00-\u9fff]{2,4}-?[A-Za-z0-9.]{0,6}号?"
    r"|[\u4e00-\u9fff]{2,6}号|[\u4e00-\u9fff]{2,4}[·‧][\u4e00-\u9fff]{2,4})"
    # a Latin gloss between (“巨像2号”（Colossus 2）超级计算集群): the name in Latin
    r"[”」\"']\s*(?:[（(](?P<gloss>[A-Za-z][A-Za-z0-9 .\-]{1,20})[)）])?\s*(?:ai|AI)?\s*"
    # (“子午线”（Meridian）超大规模园区: how big it is between)
    r"(?:万卡|千卡|十万卡|超级计算|超级|超算|智算|计算|训练|超节点|超大规模|大规模|超大型|大型)*"
    r"(?P<noun>集群|叢集|丛集|超级计算机|超级电脑|智算中心|数据中心|资料中心|运算中心|算力中心|计算中心|芯片|晶片"
    # (a campus: 「努沙再也一號」（Nusantara One）園區, by the marks of a name below; not
    # a venue, 在“湾景”（Bay View）园区举办开发者大会)
    r"|加速器|加速卡|处理器|网卡|大模型|园区(?!\s*内?\s*(?:举办|召开|举行)))"
)
# A code name or a name, then the kind of thing it names (代号为“Ridgeline”的集群,
# 一个代号“Orion”的训练集群, 代號為「Pegasus」的AI推論晶片): a few words of what it
# is between.
CODENAMED_BEFORE_KIND = re.compile(
    # (名为「Titan-1」的超大型AI训练丛集: a name given the same way)
    rf"(?:代号|名为|名叫|取名为?|命名为)(?:为|是)?\s*[“「\"'](?P<name>{QUOTED_NAME})[”」\"']"
    # (代號「Kestrel」的Pensando 800G智慧網卡: a line's Latin name and grade between)
    rf"{GLOSS}\s*的\s*(?:[a-z][a-z0-9 .\-]{{0,15}})?[^，,。；;“”「」\"']{{0,8}}?"
    # (a company's and a model's nouns before a chip's: 的初创芯片公司, 的大模型)
    r"(?P<noun>芯片公司|初创公司|公司|大模型|模型|集群|丛集|超级计算机|超级电脑|超级运算中心|运算中心"
    r"|超算中心|计算中心|算力中心|智算中心|数据中心"
    r"|资料中心|芯片|晶片|加速器|处理器|网卡)"
)
# A model number after a line's name (昇腾910C, Tomahawk 6): digits, a letter or two.
# Not a year (Blackwell 2026年) nor a quantity (昇腾2025年出货…, 70万颗).
_MODEL_NUMBER = (
    r"\s?(?!(?:19|20)\d\d(?![a-z]))(?P<model>\d{1,4}[a-z]{0,2}"
    # MTIA T2: a letter and digits, after a space
    r"|(?<=\s)(?![qh]\d(?![0-9]))[a-z]\d{1,3}[a-z]?)"  # (not Q3, H2: a time)
    r"(?![a-z0-9.]|\s?[年月日万亿颗片台个])"
)
# A designation this long names a product by itself (B200, HBM4; not F3).
DISTINCTIVE = 4
# How far before a product's name its maker's name may start.
MAKER_NAME = 14


def models_of_lines(
    text: str, folded: str, store: Store, found: dict[str, Proposed]
) -> list[tuple[Entity, re.Match[str]]]:
    """昇腾910C, Ascend 910B: a chip line's name (no digits in it) and a model number
    after it, another model of the line (its maker's)."""
    lines = [e for e in store.entities.values() if e.kind == "chip"]
    lines += [p.entity for p in found.values() if p.entity.kind == "chip"]
    models = []
    for line in lines:
        for name in {line.name, *line.aliases}:
            if any(ch.isdigit() for ch in name) or len(name) < 2:
                continue
            pattern = re.escape(fold_in_place(name)) + _MODEL_NUMBER
            models += [(line, m) for m in re.finditer(pattern, folded)]
    return models


# A product line's Chinese name, then a designation (岭云T100, 曜石M1, 深算四号), after a
# stop, a joining word or a noun of what it is; the text is folded (lower case).
_DESIGNATION_AFTER_HAN = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<designation>[a-z]{1,3}\d{1,4}[a-z]?(?![a-z0-9])"
    # (征程7P, 征程6P: a digit or two and a letter, a line's model where the article
    # writes the line again; not a unit: 国产5nm, 支持5G, 4K, 20MW)
    r"|\d{1,2}(?![gkwx])[a-z](?![a-z0-9.])"
    # (思元690, 思元590: a line's model by its number alone, no figure with its unit:
    # 营收690亿, 功耗550 W, 1,200)
    r"|\d{3,4}[a-z]?(?![a-z0-9.%％]|,\d|\s+[a-z]"
    r"|\s*[亿万千百十兆元美倍年月日号个颗张片块枚台套家层位名项次度瓦周天秒小人股吨米纳奈亩])"
    # (深算四号, 天河三号: a line's model by a Chinese numeral and 号; not 四号线, a line)
    r"|(?<![一二两三四五六七八九十])(?:十?[一二三四五六七八九]|[二三四五六七八九]?十)号"
    r"(?!线|楼|院|码|文件|令|机位))"
)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
LINE_SIZES = (3, 2)  # characters of a line's name, the longer tried first
# Words of a sentence before a designation, no line's name (随着H20, 每颗GB300, 单柜HBM4,
# 上一代F2).
_NO_LINE = re.compile(
    f"[{FUNCTION_CHARS}每单新仅但若由随今明去首该此引部目约近超逾达至较比代款型号版颗块张片台万亿]"
)
# Where a thing is sold or made, before a designation (国内H20的租价, 海外B200): no line's
# name.
_WHERE_WORD = re.compile(r"国内|国外|海外|境内|境外|全球|中国|美国|台湾|日本|韩国|欧洲|市场")
# Words of a sentence before a designation, no line's name (采用K1, 升级到V3, 基于B200).
_VERB_BEFORE = re.compile(f"{VERBS.pattern}|到|于")
# A kind's noun before a designation (芯片K1, 系列M2): what it is, no line's name.
_KIND_WORD = re.compile(
    r"芯片|晶片|卡|处理器|系列|产品|平台|架构|机柜|模型|工艺|制程|集群|服务器|交换机|模组|模块|封装"
    r"|显存|内存|型号|版本|代号"
)
LINE_TIMES = 2  # a line's designation written this often, or another of the line
# A chip's noun right after a model numbered with 号 (深算四号DCU): a chip's model.
_A_CHIP_AFTER = re.compile(
    r"\s*(?:ai\s*)?(?:dcu|gpu|npu|cpu|芯片|晶片|加速卡|加速器|处理器)"
    # (天河三号GPU集群, 曙光五号GPU服务器: a system of chips, no chip)
    r"(?!\s*(?:集群|丛集|服务器|超算|机柜|系统|云|节点|计算机|平台|整机))"
)
# …or right before it (新一代DCU「深算五号」).
_A_CHIP_BEFORE = re.compile(r"(?:dcu|gpu|npu|cpu|芯片|晶片|加速卡|加速器|处理器)\s*[“「\"']?$")
CHIP_NOUN_REACH = 8


def chinese_lines(folded: str, makers: dict[str, Entity]) -> list[tuple[str, str, int]]:
    """Products named by a Chinese line's name and a designation (岭云T100, then
    下一代岭云T200; 发布曜石M1…交付约30万颗曜石M1): the two or three characters the
    article writes before a designation again and again, with the same one or with
    another of the line; no company's name, no word of the sentence: (line,
    designation, where it is first written)."""
    written: dict[tuple[str, str], list[int]] = {}  # (line, designation) -> places
    for match in _DESIGNATION_AFTER_HAN.finditer(folded):
        designation = match["designation"]
        if TECHNICAL.match(designation) or any(
            folded.endswith(maker, 0, match.start()) for maker in makers
        ):
            continue  # HBM4, 英伟达H100: a standard, or a maker's product (``branded``)
        for size in LINE_SIZES:
            line = folded[match.start() - size : match.start()]
            if match.start() >= size and _HAN_RUN.fullmatch(line):
                written.setdefault((line, designation), []).append(match.start() - size)
    lines: dict[str, int] = {}
    for line, _ in written:
        lines[line] = lines.get(line, 0) + 1
    found: dict[tuple[str, str], int] = {}
    inside_taken: set[str] = set()  # the two-character parts of three-character lines taken
    for (line, designation), places in written.items():
        if len(places) < LINE_TIMES and lines[line] < 2:
            continue  # written once, the line with no other designation
        if (
            _NO_LINE.search(line)
            or _KIND_WORD.search(line)
            or _VERB_BEFORE.search(line)
            or _WHERE_WORD.search(line)
        ):
            continue
        # 采用岭云T100: a line's first character may end a verb or a kind's noun before it
        lead = folded[max(0, places[0] - 2) : places[0] + 1]
        if len(line) > min(LINE_SIZES) and (_VERB_BEFORE.search(lead) or _KIND_WORD.search(lead)):
            continue
        if line in makers or (len(line) < max(LINE_SIZES) and line in inside_taken):
            continue  # 仑芯 inside 昆仑芯, a longer line already taken
        if designation.endswith("号") and not any(
            _A_CHIP_AFTER.match(folded, at + len(line) + len(designation))
            or _A_CHIP_BEFORE.search(folded, max(0, at - CHIP_NOUN_REACH), at)
            for at in places
        ):
            continue  # 天河三号, “玉山一号”: a site or a system, unless a chip's noun says so
        found[line, designation] = places[0]
        if len(line) == max(LINE_SIZES):
            inside_taken.update((line[:2], line[1:]))
    return [(line, designation, at) for (line, designation), at in found.items()]


# A designation of letters and at least two digits (VX-900, A800), standing alone.
_DESIGNATION_ALONE = re.compile(
    # (JH-X2: a letter or two with the digits, after a hyphen; WSE-4: three letters or
    # more, then one digit after a hyphen)
    r"(?<![A-Za-z0-9-])(?:[A-Z]{1,4}(?:-[A-Z]{1,2}\d{1,4}|-?\d{2,4})|[A-Z]{3,4}-\d)[A-Z]{0,2}"
    r"(?![A-Za-z0-9-])"
)
# What follows a designation that names no product: a process, a list, a filing.
# A name a process once is one throughout (A16制程…A16), as a list's or a filing's is.
_NOT_A_PRODUCT_AFTER = re.compile(
    r"\s*(?:制程|工艺|製程|榜|招股|表格|认证|标准|规范|协议|展会|大会|博览会"
    r"|(?:process|node|list|filing|form|standard|certification|conference|expo|show)\b)",
    re.IGNORECASE,
)
# A trade show's name and its year (CES2025, WAIC2024): an event, no product (FT-2000
# and A2000 are chips).
_OF_A_YEAR = re.compile(r"(?:WAIC|CES|GTC|MWC|COMPUTEX|ISSCC|OFC|SEMICON|ISC|SC)-?(?:19|20)\d\d")
DESIGNATION_TIMES = 2
_CJK_NEAR = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def written_designations(text: str, folded: str, named: bytearray) -> list[tuple[str, int]]:
    """Designations an article writes at least twice with no name of the store's
    around them (面向训练的VX-900…VX-900于2025年6月发布): products it goes on about,
    with where each is first written. No term of the field, period, process or list."""
    seen: dict[str, list[int]] = {}
    for match in _DESIGNATION_ALONE.finditer(text):
        name = match.group()
        if TECHNICAL.match(name) or PERIOD.match(name) or _OF_A_YEAR.fullmatch(name):
            continue
        if any(named[match.start() : match.end()]):
            continue
        if _NOT_A_PRODUCT_AFTER.match(text, match.end()):
            seen.setdefault(name, []).append(-1)  # a process or a list: never a product
            continue
        seen.setdefault(name, []).append(match.start())
    return [
        (name, places[0])
        for name, places in seen.items()
        # (written once, a chip counted by it: 8张B200, 约20万颗H20; not 4块PM1743固态硬盘)
        if (
            len(places) >= DESIGNATION_TIMES
            or places[0] >= 0
            and _CHIPS_COUNTED_BEFORE.search(folded, max(0, places[0] - COUNT_REACH), places[0])
            and not _PART_AFTER.match(folded, places[0] + len(name))
        )
        and -1 not in places
        # in Chinese prose (English has its own readers: "the K2", "called B30C")
        and any(beside_chinese(text, at, at + len(name)) for at in places)
        # (a word and one digit, WSE-4, only where a thing's noun names it once: not
        # USB-4, CXL-3, SARS-2)
        and (
            not _ONE_DIGIT.fullmatch(name)
            or any(_THING_NOUN_BEFORE.search(text, max(0, at - 4), at) for at in places)
        )
    ]


_ONE_DIGIT = re.compile(r"[A-Z]{3,4}-\d[A-Z]{0,2}")
# A count of chips right before a designation (8张B200, 约20万颗H20; not 片, wafers).
_CHIPS_COUNTED_BEFORE = re.compile(r"(?:\d|[数几两十百千万])\s*[张颗块枚]\s*$")
COUNT_REACH = 4
# What a designation counted names where no chip: a drive, a card of another kind.
_PART_AFTER = re.compile(r"\s*(?:固态硬盘|硬盘|ssd|网卡|服务器|交换机|内存|光模块|模组|模块)")
_THING_NOUN_BEFORE = re.compile(r"(?:芯片|晶片|引擎|加速器|处理器|網卡|网卡|GPU|NPU)\s*$")


def beside_chinese(text: str, start: int, end: int) -> bool:
    """Whether the nearest character before or after ``start:end``, spaces aside, is
    Chinese or Chinese punctuation (采用 VX-900 芯片)."""
    before, after = text[max(0, start - 3) : start].rstrip(), text[end : end + 3].lstrip()
    return bool(_CJK_NEAR.match(before[-1:]) or _CJK_NEAR.match(after[:1]))


SENTENCE_REACH = 600  # characters: longer than any sentence of news prose


# A Chinese name, a hyphen and a version or a model's number (衡元-3, 天枢-2.5,
# 衡光-800): a company's model or chip.
_HYPHENED = re.compile(
    r"(?P<stem>[\u4e00-\u9fff]{2,4})-(?P<version>\d{1,2}(?:\.\d)?|\d{3,4})(?![\d.%％度℃倍年])"
)
# The words of a model or a chip near a mention of a name (基础模型衡元-3, 衡元-3模型,
# 川渊-2集成770亿个晶体管): a name with neither near any (增长-2, 北京-2, 步骤-1) is none.
_MODEL_NOUN = re.compile(r"模型|model")
_CHIP_NOUN_NEAR = re.compile(r"芯片|晶片|加速卡|加速器|处理器|gpu|晶体管|流片|显存|光引擎")
MODEL_REACH = 12  # characters either side of a name where its kind's noun may be
# A thing's noun right after a name written once (深算-3芯片, 夸娥-1智算集群).
_KIND_RIGHT_AFTER = re.compile(
    r"\s*(?:ai|推理|训练)?\s*(?:芯片|加速卡|加速器|处理器|gpu|大模型|模型|集群|智算中心)"
)
_KIND_RIGHT_BEFORE = re.compile(r"(?:芯片|加速卡|加速器|处理器|大模型)\s*$")
# A cluster's or a site's noun right after a name (夸娥-1智算集群, 北辰-2超算中心).
_SITE_AFTER = re.compile(
    r"\s*(?:ai|万卡|智算|超算)?\s*(?:集群|超算中心|智算中心|数据中心|算力中心)"
)


def hyphened_names(folded: str) -> list[tuple[str, str, int]]:
    """Names of a Chinese stem and a version after a hyphen (衡元-3), written at least
    twice or once right beside its kind's noun: (the name as folded, its kind, where it
    is first written). A cluster where a cluster's noun follows it; else a model where
    模型 is written shortly before or after the first mention that has a kind's words
    near it, a chip where a chip's are; no name where none has."""
    places: dict[str, list[int]] = {}
    for match in _HYPHENED.finditer(folded):
        stem = match["stem"]
        verbs = list(VERBS.finditer(stem))
        if verbs:
            stem = stem[verbs[-1].end() :]  # 发布衡元-3: the name starts after the verb
        for size in range(len(stem), 1, -1):  # 基础模型衡元-3: the stem's end only
            part = stem[-size:]
            if not (_NO_LINE.search(part) or _KIND_WORD.search(part) or VERBS.search(part)):
                start = match.end("stem") - size
                places.setdefault(folded[start : match.end()], []).append(start)
                break
    found = []
    for name, at in places.items():
        # (written once, a name only beside its kind's noun: 深算-3芯片, 推理芯片蓝海-5)
        once = _KIND_RIGHT_AFTER.match(folded, at[0] + len(name)) or _KIND_RIGHT_BEFORE.search(
            folded, max(0, at[0] - MODEL_REACH), at[0]
        )
        if len(at) < DESIGNATION_TIMES and not once:
            continue
        # the kind's words near the first mention that has them (川渊-2：用上国产HBM as a
        # heading, then 川渊-2集成770亿个晶体管)
        for place in at:
            near = folded[max(0, place - MODEL_REACH) : place + len(name) + MODEL_REACH]
            if _SITE_AFTER.match(folded, place + len(name)):
                found.append((name, "cluster", at[0]))  # 夸娥-1智算集群: a cluster's name
                break
            if _MODEL_NOUN.search(near):
                found.append((name, "model", at[0]))
                break
            if _CHIP_NOUN_NEAR.search(near):
                found.append((name, "chip", at[0]))
                break
    return found


# What follows a company named as the maker of a process, not of the thing after it
# (由中芯国际代工的思元590, 采用中芯国际第二代7nm工艺制造…思元590, 交由台积电以5nm工艺).
# (a node alone is the company's process, 台积电1.6奈米（A16）, unless a chip's noun follows:
# 三星的2nm芯片E2600 is Samsung's own chip)
_AS_FOUNDRY = re.compile(
    r"\s*的?\s*(?:以|采用|用)?\s*(?:第[一二三四五六七八九十\d]代|先进|成熟)?\s*"
    r"(?:(?:\d+(?:\.\d+)?\s*(?:nm|纳米|奈米)|n\+\d)\s*(?:级|等级)?\s*(?:工艺|制程)?"
    r"(?!\s*(?:ai)?\s*(?:芯片|晶片|处理器|gpu|加速器|加速卡))"
    r"|工艺|制程|代工|晶圆代工|流片)"
)


_FOR_WHOM = ("为", "替", "给")  # before a company a foundry makes things for


def last_maker_before(folded: str, at: int, makers: dict[str, Entity]) -> Entity | None:
    """The company named last before ``at`` in its sentence (a Latin name as a
    whole word: no Intel in "intelligence"), the longest name where two end alike;
    not a foundry named for its process (采用中芯国际7nm工艺), which makes no product."""
    # a sentence's start, looked for no further back than a sentence may run (a text
    # without "!" would be read back to its start for every name)
    start = start_before(folded, at, SENTENCE_REACH)
    english = _ENGLISH_STOP.search(folded[start:at][::-1])
    if english is not None:
        start = at - english.start()
    found: tuple[int, int, Entity] | None = None
    for name, company in makers.items():
        place = folded.rfind(name, start, at)
        while place >= 0 and (
            not _whole(folded, place, place + len(name))
            # (not 为苹果代工: the customer a foundry makes it for)
            or _AS_FOUNDRY.match(folded, place + len(name))
            and not folded.endswith(_FOR_WHOM, start, place)
        ):
            place = folded.rfind(name, start, place)
        if place >= 0 and (found is None or (place + len(name), len(name)) > found[:2]):
            found = (place + len(name), len(name), company)
    return found[2] if found is not None else None


# "The company" and its product's noun before a product's name (该公司主力产品岭云T100,
# 公司旗下的新款芯片): the product is the company's the sentences before named.
_THE_COMPANYS = re.compile(
    rf"(?:该|这家|(?<![\u4e00-\u9fff]))(?:公司|企业)(?:的|旗下的?)?\s*(?:{WHICH_OF_ITS_PRODUCTS}|主力|核心|拳头)?的?"
    r"\s*(?:产品|芯片|晶片|加速卡|训练卡|推理卡|gpu|处理器)?\s*$"
)
# How far back "the company" is looked for: a paragraph or two.
_COMPANY_REACH = 600


def maker_referred(folded: str, at: int, makers: dict[str, Entity]) -> Entity | None:
    """The company "the company" right before ``at`` refers to: the first one named
    in its sentence before it, else in the sentence before, and so on (reading back no
    further than ``_COMPANY_REACH``)."""
    found = _THE_COMPANYS.search(folded, max(0, at - MAKER_NAME), at)
    if found is None:
        return None
    end = found.start()  # its sentence up to it, then each sentence before, in turn
    while end > 0 and at - end <= _COMPANY_REACH:
        start = start_before(folded, end, _COMPANY_REACH)
        # (the sentence's first company, its subject: 阿里巴巴是英伟达的大客户。该公司… is
        # Alibaba)
        first = _first_maker(folded, start, end, makers)
        if first is not None:
            return first
        end = start - 1
    return None


def _first_maker(folded: str, start: int, end: int, makers: dict[str, Entity]) -> Entity | None:
    """The company named first between ``start`` and ``end`` (as a whole word)."""
    found: tuple[int, Entity] | None = None
    for name, company in makers.items():
        place = folded.find(name, start, end)
        while place >= 0 and not _whole(folded, place, place + len(name)):
            place = folded.find(name, place + 1, end)
        if place >= 0 and (found is None or place < found[0]):
            found = (place, company)
    return found[1] if found is not None else None


# Which of a maker's products, between its name and the product's (下一代, 最新的).
_WHICH_OF_THEM = re.compile(rf"的?\s*(?:{WHICH_OF_ITS_PRODUCTS})\s*的?\s*$")


def maker_just_before(folded: str, at: int, makers: dict[str, Entity]) -> tuple[str, int] | None:
    """The company name that ends right before ``at`` (its 的, which of its products
    and spaces aside), the longest, as a whole word: the name and where it starts."""
    before = folded[max(0, at - MAKER_NAME) : at]
    # (英伟达的下一代Rubin, 輝達最新的GB300: which of its products, between)
    written = _WHICH_OF_THEM.sub("", before.rstrip())
    written = written[:-1] if written.endswith("的") else written
    end = at - len(before) + len(written)
    names = [n for n in makers if written.endswith(n) and _whole(folded, end - len(n), end)]
    if not names:
        return None
    name = max(names, key=len)
    return name, end - len(name)


def _whole(folded: str, start: int, end: int) -> bool:
    """A Latin name is not the start or end of a longer word."""
    before = folded[start - 1 : start] if start else " "
    after = folded[end : end + 1] or " "
    return not (folded[start].isascii() and before.isascii() and before.isalnum()) and not (
        folded[end - 1].isascii() and after.isascii() and after.isalnum()
    )


class Product(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    maker: str


def company_names(
    store: Store, found: dict[str, Proposed], known: list[tuple[str, Entity]]
) -> dict[str, Entity]:
    """Every company's names, folded, the store's (with the other names the article
    uses) and the proposed: name -> company."""
    names: dict[str, Entity] = {}
    companies = [e for e in store.entities.values() if e.kind == "company"]
    companies += [p.entity for p in found.values() if p.entity.kind == "company"]
    for company in companies:
        for name in (company.name, *company.aliases):
            if len(name) >= 2:
                names[fold_in_place(name)] = company
    names.update((name, e) for name, e in known if e.kind == "company" and len(name) >= 2)
    return names


def branded(text: str, folded: str, makers: dict[str, Entity], named: bytearray) -> list[Product]:
    """峰睿F3, 輝達Rubin, 三星HBM4: a company's name, then a designation or a Latin
    name, is that company's product; the designation alone (F3) is an alias when
    the article uses it so, and another designation of the same letters (上一代F2)
    is another product of the same maker. A distinctive designation is the name
    (B200, Rubin); a short one (F3), or one two makers brand (三星HBM4, SK海力士HBM4),
    carries its maker's (Fengrui F3, Samsung HBM4)."""
    found: dict[tuple[str, str], tuple[Entity, list[str]]] = {}  # (maker, designation)
    for match in _PRODUCT_NAME.finditer(text):
        letters = _LETTERS_DIGITS.match(match.group())
        if (
            match.group() in _NOT_PRODUCT
            or (letters is not None and letters["letters"] in _KINDS_OF_CHIP)
            or PERIOD.match(match.group())
            or _EVENT.match(folded, match.end())
            or any(named[match.start() : match.end()])
        ):
            continue
        memory = _MEMORY_STANDARD.fullmatch(match.group()) is not None
        at = match.start()
        if memory:
            # 三星电子的12层HBM4, 三星第六代HBM4: what the stack is, between
            described = _MEMORY_DESCRIBED.search(folded, max(0, at - MAKER_NAME), at)
            at = described.start() if described is not None else at
        by = maker_just_before(folded, at, makers)
        if by is None or not _names_a_product(text, match):
            continue
        maker, designation, start = makers[by[0]], match.group(), by[1]
        branded = found.setdefault((maker.id, designation), (maker, []))[1]
        # 英伟达的B200 is a phrase, no name: it counts, not as an alias
        branded.append(text[start : match.end()])
        if memory:
            continue  # a maker's HBM3E says nothing of its HBM4: many makers make each
        for other in other_generations(text, designation):
            found.setdefault((maker.id, other), (maker, []))
    owners: dict[str, set[str]] = {}
    for maker_id, designation in found:
        owners.setdefault(designation, set()).add(maker_id)
    products = []
    for (_, designation), (maker, branded) in found.items():
        alone = len(owners[designation]) == 1 and _alone(text, designation, branded)
        if not branded and not alone:
            continue  # a generation named only by a designation another maker brands
        qualified = f"{short_name(maker)} {designation}"
        standard = _MEMORY_STANDARD.fullmatch(designation) is not None
        # (英伟达的B200, 三星第六代HBM4: phrases, no names; but a maker's memory written
        # only so, SK海力士的HBM2e, keeps that phrase, the one form the text has of it)
        undescribed = [b for b in branded if not _DESCRIBED_IN.search(b)]
        names = [b for b in undescribed if "的" not in b]
        branded = names or (undescribed if standard else [])
        if standard:
            # (a standard's bare name, HBM4, is every maker's: this one's only where the
            # article names no other maker of memory)
            own = [fold_in_place(n) for n in (maker.name, *maker.aliases)]
            others = [
                m for m in _MEMORY_MAKERS if m.search(folded) and not any(m.search(n) for n in own)
            ]
            only = alone and not others
            name, aliases = qualified, [*branded, *([designation] if only else [])]
        elif len(owners[designation]) == 1 and len(designation) >= DISTINCTIVE:
            name, aliases = designation, [qualified, *branded]
        else:
            name, aliases = qualified, [*branded, *([designation] if alone else [])]
        products.append(Product(name, tuple(dict.fromkeys(aliases)), maker.id))
    return products


# The makers of memory, each by the names an article writes.
_MEMORY_MAKERS = tuple(
    re.compile(names)
    for names in (
        r"海力士|sk\s*hynix",
        r"三星|samsung",
        r"美光|micron",
        r"长鑫|cxmt",
        r"铠侠|kioxia",
    )
)
# A generation of memory, a standard many makers make (HBM4, HBM3E, GDDR7, LPDDR5X):
# each maker's is its own product, named with its maker's name (SK hynix HBM4).
_MEMORY_STANDARD = re.compile(r"(?:HBM\d+E?|GDDR\d+X?|LPDDR\d+X?)", re.IGNORECASE)
# What a maker's stack is, written between its name and the generation (的12层, 12层堆叠的,
# 第六代, 新一代).
_DESCRIPTION = (
    r"(?:\d{1,2}\s*[层層](?:堆叠|堆疊)?的?|第[一二三四五六七八九十]+代|新一代|下一代|最新)"
)
_MEMORY_DESCRIBED = re.compile(rf"的?\s*{_DESCRIPTION}\s*$")
_DESCRIBED_IN = re.compile(_DESCRIPTION)


def _names_a_product(text: str, match: re.Match[str]) -> bool:
    """A designation (F3, HBM4) names a product after its maker; a bare capitalised
    word (Rubin, not Meta Platforms or 谷歌 Docs) only when a chip's noun follows it
    or the article writes it on its own too."""
    if any(ch.isdigit() for ch in match.group()):
        return True
    if _CHIP_NOUN.match(text, match.end()) or _PLATFORM.match(text, match.end()):
        return True
    pattern = rf"(?<![A-Za-z0-9]){re.escape(match.group())}(?![A-Za-z0-9])"
    return len(re.findall(pattern, text)) > 1


def designated(maker: Entity, designation: str) -> tuple[str, tuple[str, ...]]:
    """A product's name and alias from its maker's and its designation: a distinctive
    designation names it alone (B200, alias Nvidia B200), a short one with its maker's
    (Kestrel K4, alias K4)."""
    qualified = f"{short_name(maker)} {designation}"
    if len(designation) >= DISTINCTIVE:
        return designation, (qualified,)
    return qualified, (designation,)


def short_name(maker: Entity) -> str:
    """A company's name as its products carry it: Fengrui Technology F3 is Fengrui F3."""
    words = maker.name.split()
    if len(words) > 1 and words[-1] in COMPANY_WORDS:
        words = words[:-1]
    return " ".join(words)


def other_generations(text: str, designation: str) -> list[str]:
    """The other designations of the same letters the article writes (上一代LX-1 beside
    LX-2): the same maker's other generations."""
    return [other for other in _designations_in(text) if _same_line(designation, other)]


@lru_cache(maxsize=8)
def _designations_in(text: str) -> tuple[str, ...]:
    """Every designation an article writes, each once (read once per article)."""
    return tuple(dict.fromkeys(m.group() for m in _GENERATIONS.finditer(text)))


def _same_line(designation: str, other: str) -> bool:
    """F3 and F2, K2 and K3: the same letters, other digits."""
    mine, theirs = _LETTERS_DIGITS.fullmatch(designation), _LETTERS_DIGITS.fullmatch(other)
    return (
        mine is not None
        and theirs is not None
        and mine["letters"] == theirs["letters"]
        and designation != other
    )


def _alone(text: str, designation: str, branded: list[str]) -> bool:
    """Whether the article writes ``designation`` without its maker (more times than
    with it)."""
    pattern = rf"(?<![A-Za-z0-9]){re.escape(designation)}(?![A-Za-z0-9])"
    return len(re.findall(pattern, text)) > len(branded)
