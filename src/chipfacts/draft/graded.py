"""Products named by their grade, not a name: a process node (2奈米), a speed of
optical module (800G光模块) and a generation of memory (DDR5, HBM4, DRAM), what a
figure after them is of.

A node a chip is made on is that chip's process node (採台積電3奈米製程, 采用台积电
4nm工艺). A node a clause is about, with no chip named before the figure, is the
foundry's product, and a curator drafts its own facts: its wafer price (台積電2奈米
每片晶圓報價約3萬美元), its yield (2奈米的SRAM測試晶片良率), its share of the
foundry's revenue (3奈米製程今年第三季已占…晶圓營收的23%). So is a grade of optical
module (800G光模块单价约为500美元, 明年1.6T光模块出货量有望达到500万只), and a
generation of memory (第四季DDR5合约价上涨约20%, HBM3E的交期), a standard of no one
maker's unless one is named with it (三星DDR5). Each is
proposed as a new entity: a product (the store has no kind for a process or a
grade) of the company named with it; a node by its name in both scripts and in nm,
so every form an article writes is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chipfacts.draft.candidates import NewEntity
from chipfacts.draft.context import OBJECT_BEFORE, behind
from chipfacts.draft.references import DEMONSTRATIVE
from chipfacts.draft.sentences import Joined, Span
from chipfacts.draft.subject import Proposal
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Entity

# A node as news writes it in the folded text: 2奈米, 3纳米制程, 2nm工艺, 3奈米家族制程.
_NODE = re.compile(
    r"(?<![\d.a-z])(?P<number>\d{1,2}(?:\.\d)?)\s*(?:奈米|纳米|nm)(?![a-z])"
    # not a group of nodes (7奈米及以下先進製程, 5nm制程以上)
    r"(?!(?:家族|世代)?(?:制程|工艺|节点)?及?(?:以下|以上|更先进|更成熟))"
    r"(?:家族|世代)?(?:制程|工艺|节点)?"
)
# A grade of optical module: 800G光模块, 1.6T光模組, 400G光收发模块, 1.6T模組 (its rate
# says it is optical).
_MODULE = re.compile(
    r"(?<![\d.a-z])(?P<number>\d{1,4}(?:\.\d)?)\s*[gt](?:b/s|bps)?\s*"
    r"(?:光模块|光模组|光收发模块|光收发模组|光引擎|模块|模组)"
)
# A generation of memory, whose prices, supply and yields are news of their own:
# DDR5合约价, 一般型DRAM, 三星HBM4的良率, HBM3E的交期 (the store's HBM is the whole line).
_MEMORY = re.compile(r"(?<![a-z0-9])(?:hbm\d+e?|lpddr\d+x?|gddr\d+x?|ddr\d|dram|nand)(?![a-z0-9])")
# A foundry's process by its own name, with a process's word after it (N+2工艺, 18A工艺,
# SF2制程): its yields and prices are its own, as a node's are.
_PROCESS = re.compile(
    r"(?<![a-z0-9.\-+])(?P<process>n\+\d|n\d[pexa]?|a1\d|sf\d[pxaz]?|[12]\da)(?![a-z0-9+])"
    r"\s*(?:制程|工艺|节点)"
)
_GRADES = (_NODE, _MODULE, _MEMORY, _PROCESS)
# A part of the figure before (其中3奈米製程案件約占45%): the whole's share, no
# node's; a grade "its" (其800G光模組全球市占率): the owner's figure.
_PART = re.compile(r"其中?\s*(?:\d+\s*(?:英寸|吋|寸))?\s*$")  # (其12英寸DRAM晶圆: its wafers)
# A word that sets what follows against the figure's own (较HBM3E, 比3奈米), right before.
_MEASURED_AGAINST = re.compile(r"(?:较|比|相较于?|相比|than)\s*$")
# The figure right after the node and 的 is its own, even where the node is what
# another is set against (较3奈米的约2万美元).
_OWN_FIGURE = re.compile(r"的\s*(?:约|近|逾|超过)?\s*$")
# What follows a grade whose figure is of another thing it qualifies or brings about:
# 2纳米芯片的设计成本 (a chip's), 2奈米製程所需的EUV曝光機 (a tool's), 一座2纳米晶圆厂的
# 投资额 (a plant's), 2奈米需求強勁帶動營收成長 (the foundry's), 谷歌的1.6T光模块采购量
# (a buyer's), 800G光模块的市场规模 (a market's), 800G光模块中硅光方案占比 (a part's).
_OTHER_THING_AFTER = re.compile(
    r"的?\s*(?:芯片|晶片|产线|生产线|晶圆厂|工厂|厂|研发|团队|设备|所需|所用|用|需求|带动|推升|推动"
    r"|设计|市场|中|采购|订单|客户|dsp|激光|雷射|方案|案件|业务|认证|验证)"
)
# Words between a foundry and its node (三星晶圓代工2奈米), longest first to read one.
_FOUNDRY_BETWEEN = ("", "的", "晶圆代工", "代工")
_BETWEEN_LONGEST_FIRST = sorted(_FOUNDRY_BETWEEN, key=len, reverse=True)
# How far back a grade's maker named with another grade is looked for.
NAMED_WITH_REACH = 3000
# How close before its figure a node is named.
NODE_REACH = 24
# Things a node's figure may be of instead: a chip named in the clause owns it.
_THINGS_BEFORE = ("chip", "nic", "model", "cluster", "product")


def grade_ends(folded: str, start: int, end: int) -> list[int]:
    """Where each node or module named between ``start`` and ``end`` ends: no word of
    a measure a new attribute's name may take (2奈米良率 is a yield)."""
    return [m.end() for grade in _GRADES for m in grade.finditer(folded, start, end)]


def talked_of(
    text: str,
    folded: str,
    clause: Span,
    figure_at: int,
    mentions: Sequence[Mention],
    earlier: Sequence[Mention],
    entity_at: Callable[[int], Entity],
    speaks: Callable[[Mention], bool],
) -> Proposal | None:
    """The node or module a figure at ``figure_at`` is of, named last before it in
    ``clause``: not an object (a node a chip is made on), with no thing named before
    it, nor a thing after it that the figure is of. Its maker is the company named
    right before it, else the company that speaks of it (台積電表示，2奈米的良率…),
    else the one named before with a node."""
    begin = max(clause.start, figure_at - NODE_REACH)
    every = [m for grade in _GRADES for m in grade.finditer(folded, begin, figure_at)]
    if not every:
        return None
    # (HBM4單價較HBM3E高出約三成: the grade another is measured against is not it, but
    # 較3奈米的約2萬美元 is that grade's own figure)
    every = [
        m
        for m in every
        if not _MEASURED_AGAINST.search(folded, clause.start, m.start())
        or _OWN_FIGURE.search(folded, m.end(), figure_at)
    ]
    if not every:
        return None
    found = max(every, key=lambda match: match.start())
    if any(
        clause.start <= m.start < figure_at and entity_at(m.row).kind in _THINGS_BEFORE
        for m in mentions
    ):
        return None
    if _OTHER_THING_AFTER.match(folded, found.end()) or "市场" in folded[found.end() : figure_at]:
        return None  # (1.6T光模块今年全球市场规模: the market's)
    maker = next(
        (
            m
            for m in mentions
            if m.end <= found.start()
            and folded[m.end : found.start()].strip() in _FOUNDRY_BETWEEN
            and entity_at(m.row).kind == "company"
        ),
        None,
    )
    start = maker.start if maker is not None else found.start()
    if any(clause.start <= m.start < start for m in mentions):
        return None  # 恒光科技今年在全球800G光模块…: the clause's subject, named before
    referred = DEMONSTRATIVE.search(folded, clause.start, start)
    if referred is not None and referred.group().startswith(("该", "这", "此")):
        # 该厂800G光模块的月产能: the plant's, the one referred to (not 公司1.6T光模块的
        # 良率: the company's product)
        return None
    if _PART.search(folded, behind(start), start) is not None:
        return None
    own = _OWN_FIGURE.search(folded, found.end(), figure_at) is not None
    if not own and OBJECT_BEFORE.search(folded, behind(start), start) is not None:
        return None  # 以3纳米制程为苹果代工: the chip's node, not one talked of
    # (a process by its name alone, N+2, not its word 工艺)
    group = "process" if found.re is _PROCESS else 0
    written = text[found.start(group) : found.end(group)]
    # (台積電2奈米, 三星的2纳米 as 三星2纳米, TSMC 2nm)
    name = written
    if maker is not None:
        space = " " if text[maker.end : found.start()].isspace() else ""
        name = f"{text[maker.start : maker.end]}{space}{written}"
    speaker = next(
        (
            m
            for m in reversed(mentions)
            if m.end <= found.start() and entity_at(m.row).kind == "company" and speaks(m)
        ),
        None,
    )
    owner = (
        entity_at(maker.row)
        if maker is not None
        # (a generation of memory is a standard: one who speaks of it, a maker or an
        # analyst, makes it no product of theirs)
        else None
        if found.re is _MEMORY
        else entity_at(speaker.row)
        if speaker is not None
        # (a node's foundry or a module's maker, named before with another node or
        # module: 中际旭创800G光模块…，1.6T光模块…)
        else _named_with(folded, Joined(earlier, mentions), found.start(), entity_at, found.re)
    )
    if found.re is not _NODE:
        # a module's or a memory's grade, or a process by its name (中芯国际的N+2, as
        # 中芯国际N+2: the foundry's), in Latin letters in its id
        if found.re is _PROCESS:
            spelled = written.replace("+", " plus ")  # N+2: n-plus-2
        else:
            from chipfacts.draft.chinese_names import in_latin  # lazy: pinyin, only when needed

            spelled = in_latin(written)
        grade = re.sub(r"[^a-z0-9]+", "-", spelled.lower()).strip("-")
        grade_id = f"{owner.id}-{grade}" if owner is not None else grade
        written_alone = (written,) if written != name else ()
        if owner is not None and maker is None and found.re is _MODULE:
            # a module's owner not written with it (the speaker's, one named before): named
            # with the owner's name, never by the bare grade another's or nobody's may carry
            name, written_alone = f"{owner.name} {written}", ()
        return Proposal(
            NewEntity(grade_id, name, written_alone, owner.id if owner else None, "product"),
            start,
        )
    number = found["number"]
    forms = (written, f"{number}奈米", f"{number}纳米", f"{number}nm")
    aliases = tuple(dict.fromkeys(form for form in forms if form != name))
    node_id = f"{number.replace('.', '-')}nm"
    if owner is not None:
        node_id = f"{owner.id}-{node_id}"
    return Proposal(
        NewEntity(node_id, name, aliases, owner.id if owner else None, "product"), start
    )


def _named_with(
    folded: str,
    named: Sequence[Mention],
    before: int,
    entity_at: Callable[[int], Entity],
    grade: re.Pattern[str],
) -> Entity | None:
    """The company named last before ``before`` with a node or a module of its own, as
    ``grade`` says (台積電2奈米…。3奈米的良率, 三星晶圓代工2奈米良率約40%，3奈米良率約60%,
    中际旭创800G光模块…，1.6T光模块…)."""
    for mention in reversed(named):
        if mention.end > before:
            continue
        if before - mention.end > NAMED_WITH_REACH:
            break  # (read back only so far: no scan of the whole text for each figure)
        between = next(w for w in _BETWEEN_LONGEST_FIRST if folded.startswith(w, mention.end))
        written = grade.match(folded, mention.end + len(between))
        if (
            written is not None
            # (通过Meta的1.6T光模块认证: a buyer's module, not its maker's; 台積電的3奈米 is
            # the foundry's node)
            and (between != "的" or grade is _NODE)
            and not _OTHER_THING_AFTER.match(folded, written.end())
            and entity_at(mention.row).kind == "company"
        ):
            return entity_at(mention.row)
    return None
