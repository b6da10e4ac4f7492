"""How an article writes a name the store lacks, beside its kind or its other
script: 甲骨文(Oracle) and Oracle(甲骨文) (a person when the Chinese has a middle
dot or the Latin is two capitalised words after a title, else a company); a
Latin name after the noun of its kind (初创公司Groq, 服务器CPU Axion) or before
公司 (Groq公司). Each is found with where it is written, so a name inside one
the store has (Dell in Dell'Oro Group) can be told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from chipfacts.draft import chinese_names
from chipfacts.draft.context import TITLE_AT_END, TITLES
from chipfacts.draft.designations import PERIOD, TECHNICAL
from chipfacts.draft.english_newcomers import COMPANY_NOUNS
from chipfacts.draft.products import beside_chinese


class Written(NamedTuple):
    """A name as an article writes it, with what it is."""

    start: int
    end: int
    name: str  # in Latin letters
    kind: str
    aliases: tuple[str, ...] = ()  # in the other script
    maker: str | None = None


# A Latin name: capitalised words or a word with a capital inside (CoreWeave,
# d-Matrix), at most four; not an acronym alone (GPU, HBM), which says no name.
_LATIN = r"[A-Za-z][A-Za-z0-9&.'’\-]*(?:\s[A-Z][A-Za-z0-9&.'’\-]*){0,3}"
# 甲骨文(Oracle): Chinese, then the Latin name in brackets; Oracle(甲骨文) the other way.
_CHINESE_LATIN = re.compile(
    r"(?P<chinese>[\u3400-\u9fff·・]{2,12})\s*[(（]\s*(?P<latin>" + _LATIN + r")\s*[)）]"
)
_LATIN_CHINESE = re.compile(
    r"(?<![A-Za-z0-9&.'’\-])(?P<latin>" + _LATIN + r")\s*"
    r"[(（]\s*(?P<chinese>[\u3400-\u9fff·・]{2,8})\s*[)）]"
)
_CJK = re.compile(r"[\u3400-\u9fff·・]")
GLOSSED_RUN = 24
# The description before a Chinese name (美国云服务商甲骨文, 首席执行官苏姿丰): it ends
# with one of these, or a title.
_DESCRIBED = re.compile(
    r".*(?:公司|企业|企業|巨头|巨頭|服务商|服務商|厂商|廠商|厂|廠|机构|機構|银行|銀行|集团|集團|媒体|初创|新创|对手|客户|"
    + "|".join(t for t in TITLES if not t.isascii())
    + ")"
)
# A gloss that names a technique or a kind of thing, not a company: 先进封装(CoWoS),
# 高带宽内存(HBM).
_TERM = re.compile(
    r"(?:封装|内存|显存|技术|架构|工艺|制程|平台|服务|网络|协议|标准|模型|接口|互连|互联|带宽|存储"
    r"|系统|软件|框架|算法|单元|芯片|处理器|加速器|网卡|交换机|集群)$"
)
# The counters of a number, never the start of a name after it (28组辉达).
_COUNTER_WORDS = "组颗块张台片个套柜家款"
# The rest of a number (its magnitude: 10万, 1.5亿) and its counter before a name.
# (not 台, 个, 家 or 款 after a magnitude: 7万台积电 is 台积电, not a count of 积电)
_COUNTED = re.compile(f"(?:[万亿千百]+[组颗块张片套柜]|[{_COUNTER_WORDS}])")
# 巴伦·冯, 安德烈·卡帕西: a transliterated name, no joining word inside (基础设施的巴伦·冯)
_DOTTED_NAME = re.compile(
    r"(?:(?![的和与及在是了为将对等])[\u3400-\u9fff]){1,4}[·・][\u3400-\u9fff]{1,6}$"
)
# A Chinese title, then two or three capitalised Latin words (副总裁 Daniel Okafor).
_TITLED_LATIN = re.compile(
    "(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True) if not t.isascii())
    + r")\s*(?P<latin>[a-z][a-z'\-]+(?:\s[a-z][a-z'\-]+){1,2})(?![a-z])"
)
# 初创公司Groq, 服务器CPU Axion, Groq公司: a Latin name and the noun of its kind
# (matched in the folded text: Simplified, lower case).
_KIND_NOUNS = {
    "company": "初创公司|芯片公司|公司|初创企业|企业|云服务商|服务商|厂商|新创|研究机构|机构|银行",
    # a switch chip is a chip (该芯片 after it); a network card or switch, a NIC's kind
    "chip": "交换芯片|芯片|晶片|处理器|cpu|gpu|npu|加速器|加速卡",
    "nic": "网卡|网路卡|交换机|交换器",
    "cluster": "超级计算机|超级电脑|超级运算中心|运算中心|超算中心|计算中心|算力中心|超算|集群|丛集"
    "|智算中心|数据中心|资料中心|园区",
    # a plant is a project of its company's (清州M15X厂, 先进封装厂AP7)
    # a plant, and a company's team (Seed团队), are projects of the company's
    "project": "晶圆厂|封装厂|工厂|新厂|厂|团队",
    "product": "机柜",
    "model": "大模型|模型",
}
_FOLDED_LATIN = r"(?P<latin>[a-z][a-z0-9&.\-]*(?:\s[a-z0-9][a-z0-9&.\-]*){0,3})"
# 超级电脑TOP500榜单: a list, a test or a standard after the noun, no thing of its kind
_NO_THING_AFTER = r"(?![a-z0-9&.\-])(?!\s*(?:榜|排行|名单|指数|标准|协议|认证|测试|基准))"
_KIND_BEFORE = re.compile(
    r"(?P<noun>" + "|".join(_KIND_NOUNS.values()) + r")\s*" + _FOLDED_LATIN + _NO_THING_AFTER
)
# Teralynx 12交换芯片, Vireo处理器: a Latin name (and its number) before its kind's noun.
_THING_NOUNS = "|".join(nouns for kind, nouns in _KIND_NOUNS.items() if kind != "company")
# Each Latin name read from the start of its run of letters, digits and joining marks
# (A-B-C…), never from inside it: one scan of a run, not one per mark.
_RUN_START = r"(?<![a-z0-9&.\-])"
# (L7推理芯片: what it is for may come between)
_KIND_AFTER = re.compile(
    _RUN_START + _FOLDED_LATIN + r"\s*(?:推理|训练|旗舰)?(?P<noun>" + _THING_NOUNS + ")"
)
_COMPANY_AFTER = re.compile(_RUN_START + _FOLDED_LATIN + r"\s*(?:公司|集团)")
# Northgrid Cloud, Lumora Silicon: capitalised words ending in a firm's word, a company
# wherever it is written (not "Cloud" alone, nor an acronym first; not Networks nor
# Computing, which end techniques too: Deep Neural Networks).
_FIRM_NAME = re.compile(
    r"(?<![A-Za-z0-9&.'’\-])(?P<latin>[A-Z][a-z][A-Za-z0-9&\-]*(?:\s[A-Z][A-Za-z0-9&\-]*){0,2}"
    r"\s(?:Cloud|Compute|Silicon|Semiconductors?|Labs|Technologies|Technology|Tech|Holdings|Devices"
    r"|Microsystems|Microelectronics|Electronics|Systems|Photonics|Robotics|Instruments)"
    # (a word after the firm's: Vantage Silicon Analytics, Sony Semiconductor Solutions)
    r"(?:\s(?:Analytics|Solutions|Group|International|Industries|Corporation|Research"
    r"|Partners|Networks))?)"
    # (the last word of the name but a legal form: not "Global Semiconductor Alliance",
    # "Neoverse Compute Subsystems"; "Halvorsen Compute Pte Ltd" is Halvorsen Compute)
    r"(?![A-Za-z0-9])(?!\s+(?!(?:Inc|Corp|Co|Ltd|LLC|Pte|PLC|AG|GmbH|SA|NV|BV)\b)[A-Z])"
)
# What introduces a firm in English news, right before its name ("Eindhoven-based Kairo
# Semiconductor", "GPU designer Hanlin Microelectronics", "start-up Lumora Systems").
# ("Santa Clara-based": a place of two words)
_PLACED = ("based", "listed", "headquartered")
_PLACED_ENDINGS = tuple(f"-{placed}" for placed in _PLACED)
_BASED = re.compile(rf"(?:[A-Z][\w]*\s+)*[\w-]+-(?:{'|'.join(_PLACED)})\s+")
_FIRM_INTRODUCED = re.compile(
    rf"(?:-(?:{'|'.join(_PLACED)})|\b(?:{COMPANY_NOUNS}|rival|group|unit|subsidiary))\s+$"
)
# A designation, letters and a number (K4, M15X, AP7), names a thing beside the noun
# of its kind (K4芯片, 先进封装厂AP7), unless it is a term of the field (HBM3E, FP8)
# or a period (Q3).
_DESIGNATION = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Z]{0,3}")
# A Latin word that names no thing: the common acronyms and words of the field.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}")
# (AI and a few letters, AIGC, AIoT; not a longer name that starts so, AIRAWAT)
_NO_NAME = re.compile(
    r"[A-Z0-9]{1,5}|AI[A-Za-z0-9]{0,3}|The|A|An|In|On|For|With|By|Of|And|Or|To|At"
    # (an instruction set or a software stack: RISC-V推理芯片 is no chip's name)
    r"|RISC-V|x86|X86|ARM|Arm|CUDA|ROCm|PCIe",
    re.ASCII,
)

# The noun a government body's name ends in (工业和信息化部, 海关总署, 经济产业省, 证监会,
# 网信办): glossed by its acronym (MSIT, METI, BIS), it is named, whole from the country
# or the 国家 its name starts with (its 和 is no joining word: 印度电子和信息技术部).
_AUTHORITY = re.compile(r"(?:部|局|总署|署|委员会|委|会|办|省|厅)$")
# What a company's part is named by, never a government's (三星电子存储器事业部, 董事会薪酬
# 委员会, 私有化部署, 英伟达总部).
_NO_AUTHORITY = re.compile(r"事业部|事业群|董事会|公司|集团|部署|总部|部门")
# A body's acronym: one word, two capitals at least (MSIT, METI, MeitY; not "Networking").
_BODY_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,7}")
# Where a body's name starts: a country's (韩国科学技术信息通信部, 美国证券交易委员会), a
# state's, a province's or a city's (得州电力可靠性委员会) or the nation's (国家数据局), the
# last in the run of Chinese before the gloss (瀚矽科技周三晚间向美国证券交易委员会: at 美国).
_BODY_START = re.compile(
    "|".join(sorted((*(chinese_names.COUNTRIES - chinese_names.SCOPES), "国家", "中央"),
                    key=len, reverse=True))
    # (a place, then more of the name: not the 省 of 经济产业省, the body's own noun)
    + r"|[\u4e00-\u9fff]{1,3}[州省市](?![长委])(?=[\u4e00-\u9fff]{2})"
)  # fmt: skip
# …else the run itself, after a word of the sentence opening it (据杜拜水电局), where no
# company's suffix is in it (三星电子设备解决方案部 is a company's).
_BEFORE_AUTHORITY = re.compile(r"根据|依据|据悉|据|由|向|对|在|经|与|和|及|而|但|并|此外|同时")
# How long a government body's name may be (韩国科学技术信息通信部, 11).
AUTHORITY_CHARS = 16

_NOUN_KIND = {noun: kind for kind, nouns in _KIND_NOUNS.items() for noun in nouns.split("|")}


def glossed(text: str, folded: str, acronyms: bool = False) -> Iterator[Written]:
    """甲骨文(Oracle), Oracle(甲骨文): a name and its form in the other script; with
    ``acronyms``, only those glossed by an acronym (超微（AMD）), which names a thing
    only where the store knows it (HBM, GPU are words of the field)."""

    def names(latin: str) -> bool:
        return _ACRONYM.fullmatch(latin) is not None if acronyms else _names_something(latin)

    for match in _CHINESE_LATIN.finditer(text):
        latin = " ".join(match["latin"].split())
        body = _authority(folded, match.start("chinese"), match.end("chinese"))
        if not acronyms and body is not None and _BODY_ACRONYM.fullmatch(latin):
            # 韩国科学技术信息通信部（MSIT）, 印度电子和信息技术部（MeitY）: a body, named
            # by its acronym too
            chinese = text[body : match.end("chinese")]
            yield Written(body, match.end(), latin, "government", (chinese,))
            continue
        # the whole run of Chinese before the gloss, so a long title before the name
        # (该公司首席执行官桑杰·梅赫罗特拉) is seen whole
        run = match.start("chinese")
        while run > 0 and _CJK.match(folded, run - 1) and match.end("chinese") - run < GLOSSED_RUN:
            run -= 1
        start = _chinese_name(folded, run, match.end("chinese"))
        gloss = folded[match.start("chinese") : match.end("chinese")]
        if names(latin) and start is not None and not _a_term(gloss, latin):
            chinese = text[start : match.end("chinese")]
            before = folded[max(0, match.start() - 12) : start]
            kind = _glossed_kind(chinese, latin, before)
            if kind != "company" or not _TECHNIQUE_AFTER.match(folded, match.end()):
                # (混合专家（MoE）架构: a technique the noun after it names; a company's
                # team or plan after its name is its own, 月溪科技（Yuexi Tech）技术团队)
                yield Written(start, match.end(), latin, kind, (chinese,))
    for match in _LATIN_CHINESE.finditer(text):
        latin, chinese = " ".join(match["latin"].split()), match["chinese"]
        gloss = folded[match.start("chinese") : match.end("chinese")]
        if names(latin) and not _a_term(gloss, latin):
            kind = _glossed_kind(chinese, latin, folded[max(0, match.start() - 12) : match.start()])
            yield Written(match.start(), match.end(), latin, kind, (chinese,))


# The last words of a company's Latin name that no technique's English ends with
# (Neural Networks, High Performance Computing do).
_FIRMS = frozenset(
    "Silicon Semiconductor Semiconductors Labs Inc Corp Corporation Ltd Technologies "
    "Technology Microelectronics Electronics Holdings Group".split()
)


# After a glossed name, the noun of a technique it is (混合专家（MoE）架构, 共封装光学（CPO）技术).
_TECHNIQUE_AFTER = re.compile(
    r"\s*(?:架构|技术|方案|模式|协议|标准|工艺|算法|框架|机制|路线)(?!团队|负责人|部门|人员)"
)


def _a_term(gloss: str, latin: str) -> bool:
    """先进封装(CoWoS), 高带宽内存(HBM): a gloss that names a technique, unless the
    Latin is a company's (流明芯片(Lumina Silicon))."""
    return _TERM.search(gloss) is not None and latin.split()[-1] not in _FIRMS


def of_kind(text: str, folded: str) -> Iterator[Written]:
    """初创公司Groq, 服务器CPU Axion, Teralynx 12交换芯片, Groq公司, K4芯片: a Latin
    name or a designation beside the noun of its kind, or a firm's name by its last
    word (Northgrid Cloud) (its maker left to the caller,
    who knows the companies)."""
    for pattern in (_KIND_BEFORE, _KIND_AFTER):
        for match in pattern.finditer(folded):
            kind = _NOUN_KIND.get(match["noun"], "company")
            name = _latin_name(text, match.start("latin"), match.end("latin"))
            if name is None and kind != "company":
                first = text[match.start("latin") : match.end("latin")].split()[0]
                name = first if is_designation(first) else None
            between = text[match.start("latin") + len(name or "") : match.start("noun")].split()
            if pattern is _KIND_AFTER and any(word[0].islower() for word in between):
                continue  # "Helix Labs rations GPUs": a verb between the name and the noun
            if pattern is _KIND_AFTER and kind == "cluster" and name and is_designation(name):
                continue  # 万卡规模的T2集群, H100集群: a cluster of the chip, not the chip
            if name is not None and name.lower().endswith(_PLACED_ENDINGS):
                continue  # "Shanghai-based GPU designer": where a firm is, no chip's name
            if name is not None:
                yield Written(*match.span("latin"), name, kind)
    for match in _COMPANY_AFTER.finditer(folded):
        name = _latin_name(text, match.start("latin"), match.end("latin"))
        if name is not None:
            yield Written(*match.span("latin"), name, "company")
    for match in _FIRM_NAME.finditer(text):
        # in Chinese prose; in English, where its first word is written alone again
        # (Kestrel Micro Devices…, Kestrel said): "Global Semiconductor sales" or
        # "Private Cloud deployments" are words of the sentence
        latin, start = match["latin"], match.start("latin")
        place = _BASED.match(latin)
        if place is not None:  # "Eindhoven-based Kairo Semiconductor": where, then who
            latin, start = latin[place.end() :], start + place.end()
            if len(latin.split()) < 2:
                continue  # "Washington-based Semiconductor …": no name before the firm's word
        introduced = place or _FIRM_INTRODUCED.search(text, max(0, start - 40), start)
        if _names_something(latin) and (
            beside_chinese(text, start, match.end("latin"))
            or _written_alone(text, latin.split()[0])
            or introduced is not None
        ):
            yield Written(start, match.end("latin"), " ".join(latin.split()), "company")


def _written_alone(text: str, first: str) -> bool:
    """Whether an English firm's first word names it alone elsewhere in ``text``: not
    a word of the sentence (Global, Private)."""
    if _GENERIC_FIRST.fullmatch(first):
        return False
    # (not the firm's own name: its first word before a capitalised one)
    alone = re.compile(rf"(?<![A-Za-z]){re.escape(first)}(?!\s+[A-Z])(?![A-Za-z])")
    return alone.search(text) is not None


# Capitalised words that open English phrases of the trade, no firm's own name.
_GENERIC_FIRST = re.compile(
    r"Global|Private|Public|Hybrid|Advanced|American|Chinese|Asian|European|National|New|Total"
    r"|Information"
    r"|Other|Leading|Major|Top|Big|Several|Many|Most|Some|Its|Their|The|This|That|Cloud"
    # places, whose trade bodies and missions are no firm (Korea Semiconductor Industry…)
    r"|America|China|Taiwan|Japan|Korea|India|Singapore|Malaysia|Vietnam|Europe|Germany"
    r"|France|Britain|Israel|Arizona|Texas|Ohio|California|Oregon|Silicon"
)


def titled(text: str, folded: str) -> Iterator[Written]:
    """交换芯片业务副总裁 Daniel Okafor: a person named in Latin letters, with no
    Chinese form, right after a Chinese title."""
    for match in _TITLED_LATIN.finditer(folded):
        name = " ".join(text[match.start("latin") : match.end("latin")].split())
        if all(word[:1].isupper() for word in name.split()):
            yield Written(*match.span("latin"), name, "person")


def kind_of_noun(noun: str) -> str:
    """The kind of thing a noun names (芯片: chip), a chip's when none is known."""
    return _NOUN_KIND.get(noun, "chip")


def _latin_name(text: str, start: int, end: int) -> str | None:
    """The Latin name at ``text[start:end]`` as written: its first word, and the
    capitalised words after it (Cerebras Systems, not "Groq and"), if a name."""
    first, *rest = text[start:end].split()
    words = [first]
    for word in rest:
        if not (word[0].isupper() or word[0].isdigit()):
            break
        words.append(word)
    name = " ".join(words)
    return name if _names_something(name) else None


def is_designation(latin: str) -> bool:
    """A designation alone (K4, not HBM3E nor a word of the sentence)."""
    return _DESIGNATION.fullmatch(latin) is not None and not (
        TECHNICAL.match(latin) or PERIOD.match(latin)
    )


def _authority(folded: str, start: int, end: int) -> int | None:
    """Where a government body's name glossed by its acronym starts (据韩国科学技术信息
    通信部: at 韩国), or None where the Chinese before the gloss names no body."""
    if _AUTHORITY.search(folded, start, end) is None:
        return None
    run = start
    while run > 0 and _CJK.match(folded, run - 1) and end - run < AUTHORITY_CHARS:
        run -= 1
    starts = [m.start() for m in _BODY_START.finditer(folded, run, end)]
    if starts:
        at = starts[-1]
    else:
        lead = _BEFORE_AUTHORITY.match(folded, run, end)
        at = lead.end() if lead is not None else run
        if chinese_names.starts_with_company(folded[at:end]):
            return None
    if end - at < 3 or _NO_AUTHORITY.search(folded, at, end):
        return None
    return at


def _names_something(latin: str) -> bool:
    """Whether a Latin word is a name (CoreWeave, Groq, Axion), not an acronym of the
    field (GPU, HBM3E) nor a word of the sentence."""
    first = latin.split()[0]
    return len(latin) >= 3 and not _NO_NAME.fullmatch(first) and first[0].isupper()


def _chinese_name(folded: str, start: int, end: int) -> int | None:
    """Where the name starts in a run of Chinese before a gloss: after its
    description or title (美国云服务商甲骨文 is 甲骨文, 副总裁艾伦·卡特 is 艾伦·卡特)."""
    run = folded[start:end]
    described = _DESCRIBED.match(run)
    at = described.end() if described is not None else 0
    joined = max((run.rfind(ch) for ch in chinese_names.JOINING), default=-1)
    at = max(at, joined + 1)  # 由老虎环球基金, 宣布与甲骨文: the words before the name
    counted = _COUNTED.match(run) if start and folded[start - 1].isdigit() else None
    if counted is not None:
        at = max(at, counted.end())  # 28組輝達（Nvidia）, 10萬顆輝達: a number's counter
    dotted = _DOTTED_NAME.search(run, at)
    if dotted is not None:
        return start + dotted.start()
    return start + at if 2 <= len(run) - at <= 8 else None


def _glossed_kind(chinese: str, latin: str, before: str) -> str:
    """A person when the Chinese name has a middle dot (托马斯·库里安), or a title
    comes just before two or three capitalised Latin words; else a company."""
    if "·" in chinese or "・" in chinese:
        return "person"
    words = latin.split()
    titled = TITLE_AT_END.search(before.rstrip())
    # (two or three words: Lim Chee Keong, Kim Do-hyun)
    if 2 <= len(words) <= 3 and all(w[0].isupper() for w in words) and titled:
        return "person"
    return "company"
