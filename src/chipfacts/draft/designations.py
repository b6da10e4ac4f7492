"""Another model of a known line: a designation the store lacks that extends one it has.

``Trainium3`` beside the store's Trainium, ``ConnectX-8`` beside its ConnectX-7:
a name followed by other digits, or with other digits, is ANOTHER designation,
by the rule search uses (``search.fuzzy.same_designation``: ``gpt4o`` is not
GPT-4, ``b200`` is not H200). Such a name is a new entity of the same kind and
maker as the one it resembles. The drafting reads it as a name like any other
(``ProposedStore``): 该芯片 and the clauses after it resolve to it, not to the
older model, and a claim about it is proposed under ``entities:``. A line's name
and a version word after it is one such designation too: ``TPU v7``, ``TPUv7``
and ``TPU 第七代`` are TPU v7 beside the store's TPU, ``MTIA v2`` beside MTIA v1;
the line's name written just before it (张量处理单元TPU v7) only says what it is.

A thing introduced as one (微软正在…扩建一座AI超级计算机集群, 一款新芯片) is a new
one too: a description that merely resembles the store's entity (Microsoft's
2020 supercomputer) is not that entity unless it is named. It is proposed, its
maker the company named before it in the sentence, and 该集群 after it is it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from chipfacts.draft.candidates import Candidate, Decision, NewEntity
from chipfacts.draft.sentences import start_before
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Entity
from chipfacts.search.fuzzy import same_designation
from chipfacts.store.store import Store
from chipfacts.text.normalize import name_key

# A model designation: a capitalised word, then digits (Trainium3, ConnectX-8, Gaudi 3).
_DESIGNATION = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*(?:[- ]?\d+[A-Za-z0-9]*)+(?![A-Za-z0-9])")
# A line's name and a version after it, one designation: TPU v7, TPUv7, MTIA v2,
# Gaudi Gen 3, TPU 第七代 (the version read as v7, so TPU 第七代 is TPU v7), and a
# series letter with its number after a hyphen (MTIA-T2: a training model of MTIA).
_VERSIONED = re.compile(
    r"(?<![A-Za-z0-9])(?P<line>[A-Z][A-Za-z]*)\s?"
    r"(?:(?P<word>[vV]|Gen\s?)(?P<number>\d{1,2})|第(?P<ordinal>[一二三四五六七八九十]{1,3}|\d{1,2})代"
    r"|-(?P<series>[A-Z]\d{1,2}))"
    r"(?![A-Za-z0-9])"
)
# A code name as an article writes it: a Latin word or two, or a few Chinese characters;
# the same in quotes, which bound it: a longer Chinese one too (普罗米修斯).
CODE_NAME = r"[A-Za-z][A-Za-z0-9 \-]{1,15}|[\u4e00-\u9fff]{2,4}"
QUOTED_NAME = r"[A-Za-z][A-Za-z0-9 \-]{1,15}|[\u4e00-\u9fff]{2,6}"
# The words giving a code name (代号为, 内部代号), in Chinese, the text folded.
CODE_NAMED = r"(?:内部)?代号\s*(?:为|是)?\s*"
# A line's next model, then the code name in quotes given to it in its sentence: right
# after it, in brackets (下一代MTIA芯片（内部代号“Kestrel”）), or to 该芯片 after a comma
# (下一代Maia AI加速器的设计案，该晶片代号为「Kauai」). A new model of the line, known by
# its code name, not the store's model of it (the text folded: Simplified, lower case).
_NEXT_GENERATION = re.compile(
    r"(?:下一代|新一代|次世代)\s?(?P<line>[a-z]+)(?![a-z0-9])"
    r"(?P<noun>\s?(?:ai)?\s?(?:芯片|晶片|加速器|加速卡|处理器|网卡|gpu|asic))?"
    r"(?:\s*[（(]|[^，,。；;！？!?“”「」\"]{0,12}[，,]\s*该(?:芯片|晶片|款芯片|加速器|处理器)\s*)"
    # (in quotes, or a Latin name alone: 下一代Maia芯片（代号Braga）, never 代号尚未公布)
    rf"{CODE_NAMED}(?:[“「\"'‘]\s*(?P<code>[a-z][a-z0-9 \-]{{1,15}}|[\u4e00-\u9fff]{{2,6}})"
    r"\s*[”」\"'’]|(?P<bare>[a-z][a-z0-9\-]{2,15})(?![a-z0-9]))"
)
# …and a generation before a line's name: 第八代TPU is TPU v8 (the first is the line's
# own: 第一代TPU is the TPU; 第二代AI网卡 names a kind, no line).
_GENERATION_FIRST = re.compile(
    r"第(?P<ordinal>[二三四五六七八九十]|十[一二三四五六七八九]|(?!1(?!\d))\d{1,2})代\s?"
    r"(?!(?:AI|GPU|CPU|NPU|DPU|XPU|ASIC|HBM)(?![A-Za-z]))(?P<line>[A-Z][A-Za-z]*)(?![A-Za-z0-9])"
    # (not one the text designates after: 第四代Tensor芯片G4 is G4)
    r"(?!\s*(?:芯片|晶片|处理器|處理器)?\s*[A-Z]+\d)"
)
_LETTERS = re.compile(r"[a-z]+")
# A year written after a name (Meta 2026, Nvidia 2025): no designation.
_A_YEAR = re.compile(r"[ -](?:19|20)\d\d$")
# Designations of a technique or a standard, not of a product: FP4, INT8, HBM3E,
# DDR5, PCIe 5, NVL72, GPU1000 (a kind of chip and a number).
TECHNICAL = re.compile(
    r"(?:FP|INT|BF|TF|HBM|DDR|GDDR|LPDDR|PCIE|GEN|NVL|GPU|CPU|NPU|DPU|XPU|AI|SERDES)[- ]?\d",
    re.IGNORECASE,
)
# A period of a company's year, no product (英伟达Q3, FY2026, H2), or a day of the
# calendar ("announced March 18", "Nov 5").
PERIOD = re.compile(
    r"(?:Q[1-4]|H[12])(?![A-Za-z0-9])|FY\s?\d"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?\s+\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
# The shortest run of letters two names must share to be one line of models: "mi"
# (MI300X, MI400) when the store's name has digits too; a word (Trainium) else.
LINE_WITH_DIGITS = 2
LINE_WORD = 4
# The rows of proposed entities, after any a store's database numbers.
PROPOSED_ROWS = 1 << 40


# A site's phase written after its name (智算中心三期, 阳泉智算中心一期): what is built there.
SITE_PHASE = r"[一二三四五六首]期"
# 一座AI超级计算机集群, 一款新芯片: one thing of a kind, introduced (not named).
_INTRODUCED = re.compile(
    # not what a named thing is said to be (Maia 100是一款AI加速芯片)
    r"(?<![是为])一(?:座|个|台|套|款|颗|块)"
    # what it is built on (一座基于峰睿F3的智算集群), or a cluster's size (一个3万卡规模的
    # P900集群), then its description
    r"(?P<description>(?:(?:基于|采用|搭载|配备|由)[^，,。；;：:、的\s]{1,16}?的"
    r"|(?P<sized>[^，,。；;：:、的\s]{0,4}?\d[^，,。；;：:、的\s]{0,8}?的))?"
    r"[^，,。；;：:、的\s]{0,10}?)"
    r"(?P<noun>超级计算机集群|超级计算机|集群|芯片|处理器|网卡)"
    # not a modifier (一款英伟达网卡的替代品), nor a name's kind (一款AI芯片Maia 100), nor
    # one named right after (一座5万卡规模的训练集群，代号“天枢”)
    r"(?!\s*[A-Za-z0-9]|的|[，,]?\s*(?:内部)?(?:代号|名为|取名|命名))"
)
# A site introduced as one, by what it is (运营着一座总设计容量为120MW的智算中心, 一座去年
# 投运的智算园区): its description may end in 的, as a chip's may not (一款英伟达的芯片)
_INTRODUCED_SITE = re.compile(
    # (not a numeral's 一, 二十一个; nor 每一座, 第一座; nor one said to be somewhere,
    # 一座位于…的智算中心, which ``_SITED`` names by its place)
    r"(?<![是为每第同唯十百千万零两二三四五六七八九])一(?:座|个)(?!位于|在)"
    r"(?P<description>(?:[^，,。；;：:、的]{1,16}?的)?[^，,。；;：:、的]{0,6}?)"
    r"(?P<noun>数据中心园区|智算中心|数据中心|资料中心|算力中心|智算园区|算力园区)"
    # (nor one named right after: 一座新資料中心，內部代號「Keystone」)
    r"(?!\s*[A-Za-z0-9]|的|[，,]?\s*(?:内部)?(?:代号|名为|取名|命名|[“「\"']))"
)
# The verbs of building or running a site after the place it is in (在乌兰察布建设).
_BUILDING = "建设|新建|兴建|投建|打造|筹建|建成|运营|布局|建置|共建|合建"
# A site introduced by where it is (其位于内蒙古乌兰察布的智算中心, 在内蒙古乌兰察布建设的
# 智算中心): named by its place.
_SITED = re.compile(
    r"(?:位于(?P<description>[^，,。；;：:、的\s]{2,12})的"
    r"|(?<![现所])在(?P<built>[^，,。；;：:、的\s]{2,12}?(?:[（(][a-z .]{2,20}[)）])?)"
    rf"(?:{_BUILDING})"
    # (正在德州阿马里洛兴建其迄今最大的推论资料中心: what it is between; 一座 is
    # ``_INTRODUCED``'s)
    r"(?:中?的|其(?:[^，,。；;：:、\s]{0,10}?的)?(?:推理|推论|ai|训练)?)"
    # (其威斯康辛州的新资料中心: a state's or a city's site, new)
    # (a new one only: 亚马逊在弗吉尼亚州的数据中心 are its sites there, 全省的数据中心 a
    # province's)
    r"|(?<=[其在于])(?![该这此本全各我每])"
    r"(?P<state>(?:(?![其在于的是正用为将也和与及])[\u4e00-\u9fff]){1,8}?[州省市县])"
    r"的(?:新|首座)(?=[资数智])"
    r")"
    # (位于南京的智驾训练集群, 位於武漢的自動駕駛訓練中心: what it is for, in its name)
    r"(?:智驾|自动驾驶|自驾|训练|推理|推论|大模型)*"
    r"(?P<noun>智算中心|(?:数据|资料)中心园区|(?:智算|算力)园区|数据中心|资料中心|超算中心|超级计算机"
    r"|智算集群|智算丛集|集群|丛集|(?<=训练)中心)"
    # (在乌兰察布建设的智算中心三期工程: the phase written after it is what is built)
    rf"(?:(?P<phase>{SITE_PHASE})(?:工程|项目)?)?"
    # (MYAI Cloud的首座資料中心位於柔佛州士乃: a company's first site, then where it is)
    # (规模最大的单一集群位于内蒙古和林格尔新区: its one cluster there)
    r"|(?<=的)(?:首座|第一座|新|单一)(?P<first>智算中心|数据中心|资料中心|集群|丛集)位于"
    r"(?P<where>[^，,。；;：:、的\s（(]{2,12})"
)
# A verb of building or running right before a site introduced by its size (建成一个
# 5万卡规模的集群, 点亮了一个…): one that is there, not a site of an example (一座100MW的
# 智算中心满负荷运行一年, 如果以一个30万卡集群计算).
_RUNNING = (
    f"{_BUILDING}|拥有|部署|点亮|搭建|组建|建立|扩建|启用|上线|投运|投入使用|投用|落地|收购"
    "|买下|租用|建有"
)
# (建设的一个训练集群, 投入使用的一座新集群: the verb's 的 between)
_BUILT_BEFORE = re.compile(rf"(?:{_RUNNING})[着了成起]?的?$")
# …and one actually there: the company's own, or one planned, under way or done (计划…
# 建成一个, 去年点亮了一个), not "few companies have one" (全球只有少数公司拥有一个…)
_UNDER_WAY = re.compile(r"计划|拟|已经?|正在|将于?|预计|明年|今年|去年|上月|本月|近日|日前|首期")
_SIZED = re.compile(
    r"\d[\d.,]*\s*(?:万|千)?\s*(?:卡|张|颗|块|片|台|柜|mw|gw|kw|兆瓦|吉瓦|千瓦|p\b|pflops|eflops)"
)
# What makes a site an example, not one that is there: a condition, a need, a wish, a
# measure by it, each time one is built, someone helped (若建设一座…, 要点亮一个…, 希望每周
# 都能建成一座…, 相当于再建成一座…, 足以建设一座…, 帮助客户部署一个…).
_SUPPOSED = re.compile(
    r"若|如果|假如|假设|要是|(?<![需主只重])要|每|希望|相当于|足以|足够|需要|可以|能够|帮助|协助|为客户"
)
# A name given in a description (名为“Taipei-1”的): a named thing, no size.
_NAMED_IN = re.compile(r"名为|名叫|代号|称为|叫做|[“”「」\"]")
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?\n]")
CLAUSE_REACH = 60  # how far back a clause's start is looked for


class Example(NamedTuple):
    """A site of an example described by its size: where it is written, and its clause's
    end."""

    start: int
    end: int
    clause_end: int


def example_sites(folded: str) -> list[Example]:
    """Where sites of an example are described by their size (一个10万卡集群足以训练…,
    要建设一座300MW的数据中心): figures of no site there is."""
    found = []
    for match in (m for form in (_INTRODUCED, _INTRODUCED_SITE) for m in form.finditer(folded)):
        if _KIND_OF_NOUN[match["noun"]] != "cluster" or not _SIZED.search(match["description"]):
            continue
        before = max(0, match.start() - _PLACE_REACH)
        if _SUPPOSED.search(folded, _clause_start(folded, match.start()), match.start()) or not (
            _BUILT_BEFORE.search(folded, before, match.start())
            or _PLACED_BEFORE.search(folded, before, match.start())
            # (在一个由8192张H800组成的集群上训练: one used, there)
            or folded.endswith("在", 0, match.start())
        ):
            stop = _CLAUSE_BREAK.search(folded, match.end())
            found.append(Example(match.start(), match.end(), stop.start() if stop else len(folded)))
    return found


def _clause_start(folded: str, at: int) -> int:
    """Where the clause holding ``at`` starts."""
    return start_before(folded, at, CLAUSE_REACH, _CLAUSE_BREAK)


# Regions, no place a site is named by (中东数据中心项目, 在东南亚运营着一个…).
REGIONS = "中东|海湾|东南亚|南亚|中亚|北美|南美|拉美|美洲|欧洲|亚洲|亚太|非洲|全球"
# Provinces, after which a place's own name starts (内蒙古和林格尔新区, 宁夏中卫).
PROVINCES = (
    "内蒙古", "宁夏", "甘肃", "贵州", "新疆", "青海", "西藏", "四川", "云南", "广西", "广东",
    "福建", "浙江", "江苏", "安徽", "江西", "山东", "河南", "河北", "山西", "陕西", "湖北", "湖南",
    "辽宁", "吉林", "黑龙江", "海南", "北京", "上海", "天津", "重庆",
)  # fmt: skip
# Where a site introduced as one is said to be, right before it (在内蒙古乌兰察布运营着一个
# 约1.6万卡的智算中心, 计划在宁夏中卫建设一座基于思元590的智算中心): its place names it.
_PLACED_BEFORE = re.compile(
    r"(?<![现所])在(?P<place>[^，,。；;：:、的\s]{2,12}?)"
    rf"(?:{_RUNNING})[着了成起]?$"
)
# What a place where a site is built is not: a time, a scope or a pronoun.
_NO_PLACE = re.compile(
    r"\d|年|月|未来|全球|各地|当地|国内|海外|境内|境外|全国|^[其该这此本那]|内$|^(?:这里|那里|此地|当地)"
    # (countries or continents joined, the sites of each: 在美国和欧洲运营的数据中心达到41个;
    # not 内蒙古和林格尔, 天津市和平区, 安徽省和县)
    r"|(?<=[国洲])[和与及、]"
    # (a region's, no place: 在中东运营着一个…)
    rf"|^(?:{REGIONS})"
    # (正在加快建设的, 正在大力兴建: how, no place)
    r"|^(?:加快|加速|大力|积极|全力|持续|陆续|同步|逐步|稳步|抓紧|规划|计划|自行|自主|推进|开工"
    r"|有序|筹划|全面|启动|着手|同时|继续|重点|大规模|加紧|紧锣密鼓)"
)
_KIND_OF_NOUN = {
    "智算中心": "cluster", "数据中心": "cluster", "资料中心": "cluster", "数据中心园区": "cluster",
    "资料中心园区": "cluster", "超算中心": "cluster", "算力中心": "cluster", "智算园区": "cluster",
    "算力园区": "cluster",
    "超级计算机集群": "cluster", "超级计算机": "cluster", "集群": "cluster", "芯片": "chip",
    "智算集群": "cluster", "智算丛集": "cluster", "丛集": "cluster",
    "处理器": "chip", "网卡": "nic", "中心": "cluster",
}  # fmt: skip
# How far before 一座 its place and the verb of building it may start (在 included).
_PLACE_REACH = 17
# The maker is named this close before the thing it introduces, in its sentence.
MAKER_REACH = 30
GLOSSED_REACH = 60  # …and never further, glosses and all
_BRACKETED = re.compile(r"[（(][^（）()]{0,40}[）)]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


class Proposed(NamedTuple):
    entity: Entity  # as the drafting reads it
    resembles: Entity | None = None  # the store's model of the same line, if it is one
    # Why it is new, for the curator, when it is no other model of a line
    why: str = "introduced, not named; name it"
    # Where the article introduces it (一座…智算中心), when its name is no words of it
    at: int | None = None


def other_designations(store: Store, text: str) -> list[Proposed]:
    """The designations ``text`` names that the store lacks but whose line it has."""
    found: dict[str, Proposed] = {}
    for match in chain(_VERSIONED.finditer(text), _GENERATION_FIRST.finditer(text)):
        name = _versioned_name(match) if match.re is _VERSIONED else _generation_name(store, match)
        if not name:
            continue
        key, written = name_key(name), " ".join(match.group().split())
        if key in found:
            if written != name and written not in found[key].entity.aliases:
                entity = found[key].entity
                found[key] = found[key]._replace(
                    entity=entity._replace(aliases=(*entity.aliases, written))
                )
            continue
        if store.entity_rows(key) or store.entity_rows(name_key(written)):
            continue
        # the version word marks the name as a line's, however short (TPU)
        resembled = _line_of(store, key, name_key(match["line"]), shortest=1)
        # a company's next generation (Meta第二代芯片) is no model the name designates
        if resembled is not None and resembled.kind not in ("company", "person"):
            aliases = (written,) if written != name else ()
            entity = Entity(slug(name), name, resembled.kind, aliases, resembled.maker)
            found[key] = Proposed(entity, resembled)
    for match in _DESIGNATION.finditer(text):
        name = " ".join(match.group().split())
        key = name_key(name)
        if key in found or store.entity_rows(key) or _A_YEAR.search(name):
            continue  # (Meta 2026年: a company's year, no model of a line)
        resembled = _line_of(store, key)
        if resembled is not None and resembled.kind not in ("company", "person"):
            entity = Entity(slug(name), name, resembled.kind, maker=resembled.maker)
            found[key] = Proposed(entity, resembled)
    return list(found.values())


def next_generations(store: Store, text: str, folded: str) -> list[Proposed]:
    """The next models of the store's lines given a code name (下一代MTIA芯片，内部代号
    “Kestrel”): each a new model of the line's kind and maker, named by the line and
    its code name, and written as the text writes it (下一代MTIA芯片)."""
    found: dict[str, Proposed] = {}
    for match in _NEXT_GENERATION.finditer(folded):
        line_rows = store.entity_rows(name_key(match["line"]))
        line = store.entity_at(line_rows[0]) if len(line_rows) == 1 else None
        if line is None or line.kind not in ("chip", "nic"):
            continue
        written_line = text[match.start("line") : match.end("line")]
        group = "code" if match["code"] else "bare"
        code = text[match.start(group) : match.end(group)].strip()
        name = f"{written_line} {code}"
        if name_key(name) in found or store.entity_rows(name_key(name)):
            continue
        if store.entity_rows(name_key(code)) or name_key(code).startswith(name_key(written_line)):
            continue  # (代号“Trainium3”: a model the store has, no code name of a new one)
        ident = slug(f"{written_line} {_latin(code)}")
        if ident in store.entities:
            continue
        written = text[match.start() : match.end("noun") if match["noun"] else match.end("line")]
        entity = Entity(ident, name, line.kind, (written, code), line.maker)
        found[name_key(name)] = Proposed(entity, line, why=f"a next model of {line.name}; name it")
    return list(found.values())


def _latin(name: str) -> str:
    """A code name in Latin letters, for an id (天枢 → Tianshu)."""
    if name.isascii():
        return name
    from pypinyin import lazy_pinyin  # lazy: 130 ms, only for a Chinese code name

    return "".join(lazy_pinyin(name)).capitalize()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _generation_name(store: Store, match: re.Match[str]) -> str:
    """The name of a generation written before a line's name (第八代TPU: TPU v8), as the
    line writes its models (第二代Trainium: Trainium2 beside the store's Trainium2-style
    names); "" where the store has that model (第四代GPT is the store's GPT-4) or the
    line is of no chips."""
    line = match["line"]
    number = int(ordinal(match["ordinal"]))
    rows = store.entity_rows(name_key(line))
    kind = store.entity_at(rows[0]).kind if len(rows) == 1 else None
    if kind not in ("chip", "nic"):
        return ""  # (第三代Azure数据中心设计, 第四代GPT模型: no chip's line)
    if any(store.entity_rows(name_key(f"{line}{gap}{number}")) for gap in ("", "v", "-")):
        return ""
    # (Trainium3 beside a store's Trainium2; TPU v8, MTIA v3 else, as those lines write)
    joined = re.compile(rf"{re.escape(line.lower())}\d+[a-z]*")
    if any(joined.fullmatch(key) for key in store.all_entity_keys):
        return f"{line}{number}"
    return f"{line} v{number}"


def ordinal(written: str) -> int:
    """A generation's number, written in digits or Chinese numerals (八 → 8)."""
    if written.isdigit():
        return int(written)
    from cn2an import cn2an  # lazy: 100 ms, only for a Chinese ordinal of a name

    return int(cn2an(written, "smart"))


def _versioned_name(match: re.Match[str]) -> str:
    """The name of a versioned designation as the line writes it: TPU v7 (for TPUv7
    and TPU 第七代 too), Gaudi Gen 3, MTIA-T2 as written."""
    if match["series"] is not None:
        return " ".join(match.group().split())
    if match["ordinal"] is None:
        word = "Gen " if match["word"].lower().startswith("gen") else "v"
        return f"{match['line']} {word}{int(match['number'])}"
    return f"{match['line']} v{ordinal(match['ordinal'])}"


def introduced_things(
    store: Store, text: str, folded: str, companies: Sequence[tuple[int, Entity]]
) -> list[Proposed]:
    """Things introduced as one of a kind (一座…集群), each with its maker: the last
    of ``companies`` (where each is named, and which) before it in its sentence."""
    found: list[Proposed] = []
    taken = set(store.entities)
    matches = [m for form in (_INTRODUCED, _INTRODUCED_SITE, _SITED) for m in form.finditer(folded)]
    # where each site is named, whose cluster one introduced after it in its sentence is
    # (阿里云位于张北的智算中心已建成一个可容纳10万张GPU的单一集群)
    site_ends = [m.end() for m in matches if m.re is not _INTRODUCED]
    for match in matches:
        if match.re is _SITED and match["where"]:
            found.append(_first_site(text, match, companies, taken))
            continue
        kind = _KIND_OF_NOUN[match["noun"]]
        if match.re is _INTRODUCED and match["sized"] and kind != "cluster":
            continue  # 一款5nm的芯片, 一颗面积约800平方毫米的…芯片: told by nothing else
        # (the verb of building it, and the place, said before it: read once for every rule)
        reach, clause_start = (
            max(0, match.start() - _PLACE_REACH),
            _clause_start(folded, match.start()),
        )
        built = _BUILT_BEFORE.search(folded, reach, match.start())
        placed_before = _PLACED_BEFORE.search(folded, reach, match.start())
        if (
            kind == "cluster"
            and match.re is not _SITED
            and not built
            and not placed_before
            and not re.search(_RUNNING, match["description"])
        ):
            continue  # 以目前租金计算，一座B200集群约需…: an example's, none built nor run
        sized = match.re is not _SITED and _SIZED.search(match["description"]) is not None
        if sized and (
            not built
            # (要建设一座300MW的数据中心，通常需要…, 相当于建成一座1GW的…: an example's)
            or _SUPPOSED.search(folded, clause_start, match.start())
            or maker_before(companies, folded, match.start()) is None
            and not _UNDER_WAY.search(folded, clause_start, match.start())
            and not placed_before
            or _NAMED_IN.search(match["description"]) is not None  # (名为“Taipei-1”的)
            or match.re is _INTRODUCED
            and any(
                end <= match.start() and not _SENTENCE_END.search(folded, end, match.start())
                for end in site_ends
            )
        ):
            continue
        group = "description"
        if match.re is _SITED:
            group = "built" if match["built"] else "state" if match["state"] else group
        start = match.start(group)
        # (the phase written after the noun is in the name, 工程 or 项目 after it is not)
        phased = match.re is _SITED and match["phase"] is not None
        named_end = match.end("phase") if phased else match.end("noun")
        name = " ".join(text[start:named_end].split())
        placed = (
            placed_before
            if match.re is _INTRODUCED_SITE or match.re is _INTRODUCED and kind == "cluster"
            else None
        )
        if placed is not None and _NO_PLACE.search(placed["place"]):
            placed = None  # (在未来三年运营一座: a time, no place)
        described = _CJK_OR_LATIN.search(match[group]) is not None
        if not (described or placed) or store.entity_rows(name_key(name)):
            continue  # 一颗芯片 alone describes nothing to tell it by
        # 乌兰察布的智算中心 is also written 乌兰察布智算中心
        aliases: tuple[str, ...] = (name.replace("的", ""),) if "的" in name else ()
        if placed is not None:
            # 在乌兰察布运营着一个约1.6万卡的智算中心: named by its place, not by its size
            place = without_province(text[placed.start("place") : placed.end("place")])
            noun = text[match.start("noun") : named_end]
            if store.entity_rows(name_key(place + noun)):
                continue
            described_as = (name, *aliases) if described else ()
            name, aliases = f"{place}的{noun}", (place + noun, *described_as)
        elif group != "description":
            # 在乌兰察布建设的智算中心: named by its place, as 位于乌兰察布的智算中心 is (the
            # words as written read it in the text)
            place = without_province(text[start : match.end(group)])
            noun = text[match.start("noun") : named_end]
            if _NO_PLACE.search(match[group]) or store.entity_rows(name_key(place + noun)):
                continue  # (在未来三年内新建的, 在全球运营的: a time or a scope, no place)
            # (not what was between, 兴建其迄今最大的推论数据中心: no way to write it)
            between = folded[match.end(group) : match.start("noun")]
            written = () if "其" in between else (name,)
            name, aliases = f"{place}的{noun}", (*written, place + noun)
        maker = maker_before(companies, folded, start)
        ident = _new_id(maker, kind, taken)
        entity = Entity(ident, name, kind, aliases, maker.id if maker else None)
        found.append(Proposed(entity, at=match.start()))
    return found


def without_province(place: str) -> str:
    """宁夏中卫 is 中卫, 内蒙古自治区乌兰察布 乌兰察布: a place is named by its city, its
    province said before it."""
    province = next((p for p in PROVINCES if place.startswith(p)), "")
    city = _PROVINCE_SUFFIX.sub("", place[len(province) :]) if province else place
    return city if len(city) >= 2 else place


_PROVINCE_SUFFIX = re.compile(r"^(?:省|市|(?:维吾尔|回族|壮族)?自治区)")


def _first_site(
    text: str, match: re.Match[str], companies: Sequence[tuple[int, Entity]], taken: set[str]
) -> Proposed:
    """A company's first site said to be somewhere (的首座資料中心位於柔佛州士乃): named by
    its place (柔佛州士乃的資料中心), the words as written read it in the text."""
    maker = maker_before(companies, match.string, match.start())
    place = without_province(text[match.start("where") : match.end("where")])
    noun = text[match.start("first") : match.end("first")]
    written = text[match.start("first") : match.end("where")]
    aliases = (written, place + noun)
    ident = _new_id(maker, "cluster", taken)
    return Proposed(
        Entity(ident, f"{place}的{noun}", "cluster", aliases, maker.id if maker else None),
        at=match.start(),
    )


def _new_id(maker: Entity | None, kind: str, taken: set[str]) -> str:
    """An id for a thing introduced, not named (tianyi-cloud-new-cluster), none of
    ``taken``, which it joins."""
    ident = f"{maker.id if maker else 'new'}-new-{kind}"
    while ident in taken:
        ident += "-2"
    taken.add(ident)
    return ident


def maker_before(companies: Sequence[tuple[int, Entity]], folded: str, start: int) -> Entity | None:
    """The last of ``companies`` (where each is named, and which) named before
    ``start`` in its sentence, within ``MAKER_REACH`` characters, a gloss in brackets
    not counted (南洋算力（Nanyang Compute）上月宣布，将在…建设一座)."""
    before = [
        company
        for at, company in companies
        if start - GLOSSED_REACH <= at < start
        and not _SENTENCE_END.search(folded, at, start)
        and len(_BRACKETED.sub("", folded[at:start])) <= MAKER_REACH
    ]
    return before[-1] if before else None


def introduces(words: str, start: int, end: int) -> bool:
    """Whether ``words[start:end]`` is part of a thing introduced as one of a kind
    (一座AI超级计算机集群): words that resemble a store's name, not that name."""
    return any(m.start() < end and start < m.end() for m in _INTRODUCED.finditer(words))


_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _line_of(
    store: Store, key: str, line: str | None = None, shortest: int | None = None
) -> Entity | None:
    """The store's entity whose name starts with the same letters as ``key`` (or
    ``line``, the letters of its line's name) and is another designation
    (``same_designation`` says no), the longest such name. ``shortest`` is the
    fewest letters the line may have (by default, ``LINE_WITH_DIGITS`` or
    ``LINE_WORD``)."""
    if line is None:
        letters = _LETTERS.match(key)
        if letters is None:
            return None
        line = letters.group()
    best: tuple[int, Entity] | None = None
    for other in store.all_entity_keys:
        head = _LETTERS.match(other)
        if head is None or head.group() != line or other == key:
            continue
        if shortest is None:
            least = LINE_WITH_DIGITS if any(ch.isdigit() for ch in other) else LINE_WORD
        else:
            least = shortest
        if len(line) < least or same_designation(key, other):
            continue
        rows = store.entity_rows(other)
        if len(rows) == 1 and (best is None or len(other) > best[0]):
            best = (len(other), store.entity_at(rows[0]))
    return best[1] if best is not None else None


# What may come between a line's name and its new model's: 的, the line's noun, an edition
# and a quote mark (MTIA芯片MTIA v4, 张量处理器训练版「TPU v8p」).
_LINE_BEFORE_MODEL = re.compile(
    r"\s*的?\s*(?:ai)?(?:芯片|晶片|处理器|加速器|加速卡)?\s*(?:训练版|推理版|版本|版)?\s*[「“\"']?\s*"
)


def without_lines(store: ProposedStore, folded: str, mentions: list[Mention]) -> list[Mention]:
    """Drop the store's name of a line written just before a new model of it
    (第七代张量处理单元TPU v7, 第四代MTIA芯片MTIA v4, 张量处理器训练版「TPU v8p」): it
    says what the model is, and is no subject."""
    kept = []
    for at, mention in enumerate(mentions):
        following = mentions[at + 1] if at + 1 < len(mentions) else None
        if following is not None and _LINE_BEFORE_MODEL.fullmatch(
            folded, mention.end, following.start
        ):
            proposed = store.proposed.get(store.entity_at(following.row).id)
            line = proposed.resembles if proposed is not None else None
            if line is not None and line.id == store.entity_at(mention.row).id:
                continue
        kept.append(mention)
    return kept


def name_other_models(first: str, second: str) -> bool:
    """Whether two texts name two models of one line (ConnectX-7 and ConnectX-8): the
    same words about them are not the same claim."""
    theirs = [name_key(m.group()) for m in _DESIGNATION.finditer(second)]
    for match in _DESIGNATION.finditer(first):
        mine = name_key(match.group())
        line = _LETTERS.match(mine)
        for other in theirs:
            head = _LETTERS.match(other)
            same_line = line is not None and head is not None and line.group() == head.group()
            if same_line and not (same_designation(mine, other) or same_designation(other, mine)):
                return True
    return False


class _Entities(Mapping[str, Entity]):
    """The store's entities and the proposed ones, by id."""

    def __init__(self, store: Mapping[str, Entity], proposed: Mapping[str, Entity]) -> None:
        self._store, self._proposed = store, proposed

    def __getitem__(self, ident: str) -> Entity:
        found = self._proposed.get(ident)
        return found if found is not None else self._store[ident]

    def __iter__(self) -> Iterator[str]:
        yield from self._store
        yield from self._proposed

    def __len__(self) -> int:
        return len(self._store) + len(self._proposed)


class ProposedStore(Store):
    """The store, with the new designations an article names read as names: rows
    after the store's own, no facts; and other names of its own entities."""

    def __init__(
        self, store: Store, proposed: Sequence[Proposed], other_names: Mapping[str, int] = {}
    ) -> None:
        object.__setattr__(self, "_base", store)
        super().__init__(store._db, store.path)
        rows = {PROPOSED_ROWS + at: p.entity for at, p in enumerate(proposed)}
        keys = {
            name_key(name): row for row, e in rows.items() for name in (e.name, e.id, *e.aliases)
        }
        keys.update(other_names)  # 輝達 for the store's Nvidia
        # Set once here, as the store's own fields are (a Store is immutable after)
        object.__setattr__(self, "_proposed_rows", rows)
        object.__setattr__(self, "_proposed_keys", keys)
        object.__setattr__(
            self, "entities", _Entities(store.entities, {e.id: e for e in rows.values()})
        )
        object.__setattr__(self, "proposed", {p.entity.id: p for p in proposed})
        object.__setattr__(self, "_generation", store._generation)

    # One database, one recovery: this view always reads through the connection of
    # the store that owns the database, so a damage found by either is rebuilt
    # once, by the owner, and both read the new database.
    @property
    def _db(self) -> sqlite3.Connection:
        return self._base._db

    @_db.setter
    def _db(self, connection: sqlite3.Connection) -> None:
        pass  # Store.__init__ hands over the owner's connection: it is read from there

    def _recover(self, reason: str, generation: int) -> None:
        self._base._recover(reason, generation)
        self._forget_read()

    _base: Store
    _proposed_rows: dict[int, Entity]
    _proposed_keys: dict[str, int]
    proposed: dict[str, Proposed]

    def entity_at(self, row: int) -> Entity:
        found = self._proposed_rows.get(row)
        return found if found is not None else super().entity_at(row)

    def entity_rows(self, key: str) -> list[int]:
        row = self._proposed_keys.get(key)
        return [row] if row is not None else super().entity_rows(key)

    @property
    def all_entity_keys(self) -> list[str]:
        return [*super().all_entity_keys, *self._proposed_keys]


def as_proposed(store: ProposedStore, candidate: Candidate) -> Candidate:
    """A candidate about a proposed designation, proposed under ``entities:``, with
    the proposed entities it names besides (a maker, a speaker)."""
    entity = candidate.entity
    others: list[NewEntity] = []
    for named in (entity, candidate.claimed_by):
        if named is None:
            continue
        if named is candidate.claimed_by and named.id in store.proposed:
            others.append(_new_entity(named))  # a speaker the store lacks
        if named.maker is not None and named.maker in store.proposed:
            others.append(_new_entity(store.proposed[named.maker].entity))  # 华为 of 昇腾910C
    new = candidate.new_entity
    if new is not None and new.maker is not None and new.maker in store.proposed:
        # 新易盛800G光模块: the maker of a thing proposed from its grade
        others.append(_new_entity(store.proposed[new.maker].entity))
    candidate = candidate._replace(also_new=tuple(others))
    if entity is None or entity.id not in store.proposed:
        return candidate
    proposed = store.proposed[entity.id]
    what = (
        f"another designation than the store's {proposed.resembles.name}"
        if proposed.resembles is not None
        else proposed.why
    )
    why = f"new: {what}; add it under entities (its kind, Chinese names)"
    return candidate._replace(
        entity=None,
        new_entity=_new_entity(entity),
        decisions=(*candidate.decisions, Decision("entity", why)),
    )


def _new_entity(entity: Entity) -> NewEntity:
    return NewEntity(entity.id, entity.name, entity.aliases, entity.maker, entity.kind)
