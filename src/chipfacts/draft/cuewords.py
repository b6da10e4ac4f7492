"""What a clause says about its subject: the cue words of each kind of text claim,
and the kinds of entity each kind of claim is made of.

A store's synonyms are written for questions (谁代工, 多少款), so many of them
never occur in prose and a few occur everywhere (开发 in AI开发者). The curation
assistant reads a clause by the words news prose uses for each kind of claim
(用于 a purpose, 客户 customers, 推出 a launch, 负责 a role, 类似 a likeness,
计划 a plan…), in Simplified Chinese (the folded form of either script) and in
English. The table is keyed by the attribute ids of chipfacts' built-in store;
an id the store lacks is ignored, and the store's own synonyms count too, only
for less than these.

``KINDS`` says what a claim can be about: a role is a person's, a foundry a
chip's, a strategy a company's. A clause whose subject is of another kind is
read for its next cue, so 微软使用 is no "used by" claim about Microsoft (it is
the chip Microsoft uses that is used by it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

CUES: dict[str, tuple[str, ...]] = {
    "purpose": (
        "用于", "用来", "用它", "以便", "旨在", "目的是", "为的是", "是为了", "可以帮助",
        "帮助客户", "提供底层技术", "used to", "designed to", "aimed at", "meant to",
        "intended to", "专为", "专门为",
    ),
    # 面向, 瞄准: what a chip is aimed at (a product of another kind is read for a purpose)
    "workload": (
        "用于训练", "用于推理", "专用于", "主要用于", "用于加速", "面向", "瞄准", "支持训练",
        "支持推理",
    ),
    "motive": (
        "为了", "为摆脱", "摆脱", "出于", "原因", "动因", "以弥补", "因应", "为应对", "because",
        "的依赖",
        "in order to",
    ),
    "benefit": (
        "帮助", "有助于", "有帮助", "加快", "缩短", "降低", "节省", "减少", "提高", "好处",
        "优势", "help", "helps", "reduce", "speed up",
    ),
    "availability": (
        "供不应求", "供应不足", "开放", "出售", "销售", "供货", "供应", "抢先使用", "等待时间",
        "难以获得", "价格高", "售罄", "卖光", "抢购一空", "available", "sell", "sold",
        "lead times", "hard to get", "sold out",
    ),
    "supply_risk": (
        "供应短缺", "短缺", "风险", "瓶颈", "缺货", "不足", "shortage", "risk", "remain tight",
        "supply constraints", "constrained", "交期", "交货周期", "交付周期", "预订一空", "偏紧",
        "吃紧", "供过于求", "供应紧张", "供货紧张", "供应受限", "供货受限", "供应中断", "供货中断",
        "紧缺",
    ),
    "demand": (
        "需求激增", "需求旺盛", "需求增长", "需求迅猛", "的需求", "兴趣", "抢购", "欢迎", "热捧",
        "in demand", "demand for",
    ),
    "market_position": (
        "首选", "差距", "领先", "落后", "远超", "垄断", "主导", "地位", "难以撼动", "第一梯队",
        "龙头", "霸主", "不比上", "答卷", "领跑", "领头羊", "没有对手", "无对手", "分列", "lead",
        "dominant", "behind", "most credible", "market leader",
    ),
    "market_impact": ("冲击", "威胁", "杀死", "挤压", "削减", "侵蚀", "threat", "impact"),
    "customers": ("客户", "买家", "最大客户", "大客户", "customer", "customers", "buyer"),
    "suppliers": (
        "依赖", "外包给", "外包", "采购", "离不开", "供应商", "supplier", "relies on", "rent",
        "buy from", "buys from", "协助设计", "设计服务", "独家供应", "供货协议", "供应协议",
    ),
    "partners": (
        "联手", "牵手", "合作伙伴", "携手", "结盟", "密切合作", "合作关系", "展开合作", "合作",
        "partner",
        "partnership", "teamed up", "in talks", "working with", "deal with",
    ),
    "partnership_terms": ("有权", "规定", "授权", "条款", "协议", "为期", "exclusive"),
    "competitors": (
        "竞争对手", "竞争", "对手", "抗衡", "同样主打", "competitor", "rival", "compete",
    ),
    "strategy": (
        "战略", "策略", "路线", "转向", "拥抱", "布局", "宣传", "扩大", "采取措施", "押注",
        "strategy", "steer", "steered toward", "bet on", "betting on",
    ),
    "plan": (
        "计划", "规划", "打算", "准备", "拟", "考虑", "正在评估", "有意", "plans to",
        "plan to", "consider", "is considering", "seek",
    ),
    "development_status": (
        "正在开发", "正在研发", "加紧研发", "加紧开发", "在研发", "研发中", "开发中", "进展",
        "尚不清楚", "受挫", "尚未", "还没有", "秘密", "保密", "推进", "探索", "检验",
        "认证", "流片", "送样", "设计阶段", "研发阶段", "开发阶段", "验证阶段",
        "developing", "in development", "qualified",
        "qualification", "sampling",
    ),
    "feature": ("功能", "允许", "让用户", "原生支持", "lets", "allows"),
    "concern": (
        "担忧", "担心", "抱怨", "不满", "顾虑", "逊色", "短板", "障碍", "不确定因素", "不确定性",
        "worried", "concern",
    ),
    "statement": (
        "表示", "称", "说", "置评", "否认", "声明", "回应", "发言人", "坦言", "强调", "指出",
        "不予评论", "拒绝评论", "不愿评论", "未作评论", "不作评论", "未发表评论",
        "透露", "said", "says", "told", "declined to comment", "did not respond",
        "no comment",
    ),
    "used_by": (
        "使用", "采用", "测试", "部署", "用上", "搭载于", "搭载在", "预订", "导入", "used by",
        "tested", "testing", "adopted",
    ),
    "built_on": ("基于", "运行在", "集成", "搭载", "建立在", "针对", "built on", "runs on"),
    "hosted_in": (
        "数据中心内", "部署在", "托管", "安装在", "位于", "hosted", "installed in",
    ),
    "architecture": ("架构", "核心", "architecture"),
    "foundry": ("代工", "制造", "生产", "manufactured", "made by"),
    "packaging": ("封装", "packaging"),
    "memory": ("显存", "内存", "带宽", "hbm", "memory"),
    "similar_to": (
        "类似", "替代", "替代品", "替代方案", "对标", "相当于", "相同", "similar", "alternative",
    ),
    "name_origin": ("命名", "灵感", "译为", "得名", "named after"),
    "codename": (
        "代号", "改成", "原名", "改名", "codename", "code-named", "codenamed",
        "known internally as", "dubbed",
    ),
    "talent": ("挖", "招聘", "人才", "工程师", "hired", "poached"),
    "rd_sites": ("研发中心", "研发基地", "研发据点", "分布在", "r&d"),
    "priority": ("首要任务", "重点", "priority"),
    "stance": ("态度", "立场", "看法", "stance"),
    "networking": (
        "网络硬件", "互连", "互联", "以太网", "nvlink", "roce", "infiniband", "interconnect",
    ),
    "project_lead": ("领导", "牵头", "带领", "led by", "leads", "designed by", "developed by"),
    "product_lines": ("产品线", "产品系列", "product line"),
    "gpu_quota": (
        "配额", "限制", "分配算力", "算力申请", "额度", "限额", "算力上限", "quota", "ration",
        "capping", "capped at",
    ),
    "quota_priority": ("优先", "让位", "留给", "priority"),
    "quota_approval": ("申请", "获批", "审批", "批准", "approval"),
    "quota_wait": ("等待", "需要等待", "平均等待", "排队", "几天", "几周", "wait"),
}  # fmt: skip

# The words news prose uses for a number or date attribute that its store synonyms
# (written for questions) lack: "holds 80% of the market", "AWS's slice
# at 3%", "will ship in the first quarter", "took effect in October". A word is only
# taken for a value its attribute's type and unit fit (``number_facts``, ``date_facts``).
VALUE_CUES: dict[str, tuple[str, ...]] = {
    "transistor_count": ("电晶体",),  # Taiwan's word (電晶體), folded
    "market_share": ("market", "slice", "sells", "supplies"),
    # 该厂总投资约6.5亿美元: what a plant or a cluster costs to build, not a stake
    "capex": (
        "资本开支",
        "总投资",
        "投资总额",
        "总投资额",
        "总投资金额",
        "设备投资",
        "建置经费",
        "建设经费",
        "建置费用",
        "建设费用",
    ),
    # 輝達的投資金額約在5億至8億美元之間: a stake's sum (not 资金, a year's spending)
    "investment": ("投资金额", "出资金额", "出资额"),
    "annual_output": (
        "ship",
        "ships",
        "shipments",
        "produce",
        "produces",
        # (not "make": "make up 30%", "to make 100,000 GPUs, TSMC needs…")
        "manufacture",
        "manufactures",
    ),
    "fundraising": ("raised", "raises", "funding round", "venture funding"),
    "revenue": ("sell", "sells"),
    "deployment": ("ship", "ships", "shipping", "switched on", "go live", "goes live"),
    "quota_start": ("took effect", "takes effect", "in force"),
    "launched": ("showed", "first showed", "showcased", "unveils"),
}

# The kinds of entity each kind of claim is made of (an attribute not listed here
# may be said of anything).
_THINGS = ("chip", "nic", "product", "model", "cluster", "project")
KINDS: dict[str, tuple[str, ...]] = {
    "role": ("person",),
    "concern": ("person", "company"),
    "statement": ("person", "company"),
    "priority": ("person", "company"),
    "workload": ("chip", "nic"),
    "foundry": ("chip", "nic"),
    "packaging": ("chip", "nic", "company"),
    "architecture": ("chip", "nic"),
    "memory": ("chip", "nic"),
    "performance_target": ("chip", "nic"),
    # (a launch is a thing's: a company's 发布会 or 财报 is none)
    "launched": _THINGS,
    "codename": _THINGS,
    "name_origin": _THINGS,
    "similar_to": ("chip", "nic", "product"),
    "customers": ("company", "product"),
    # (a site's or a chip's too where 由 names who supplies its parts: ``can_say``)
    "suppliers": ("company", "product"),
    "partners": ("company", "product"),
    "competitors": ("company",),
    "strategy": ("company",),
    "stance": ("company",),
    "talent": ("company",),
    "rd_sites": ("company",),
    "product_lines": ("company",),
    "partnership_terms": ("company",),
    "networking": ("company", "cluster"),
    "supply_risk": ("company", "product", "chip"),
    "gpu_quota": ("company",),
    "quota_approval": ("company",),
    "quota_wait": ("company",),
    "quota_priority": ("company", "model", "product"),
    "motive": ("company", "project", "chip", "nic"),
    "purpose": ("product", "model", "person", "nic", "cluster", "chip"),
    "used_by": ("chip", "nic", "product", "model", "cluster"),
    "built_on": ("product", "model", "cluster"),
    "hosted_in": ("product", "chip", "cluster"),
    "feature": ("product", "model", "chip", "nic"),
    "benefit": _THINGS,
    "development_status": _THINGS,
    "plan": ("company", *_THINGS),
    "availability": ("company", *_THINGS),
    "demand": ("company", *_THINGS),
    "market_position": ("company", *_THINGS),
    "market_impact": ("company", *_THINGS),
    "project_lead": _THINGS,
    # Numbers: a company's money and share (a share a product or a network holds too:
    # InfiniBand还占据超过一半的市场), a chip's specification
    "revenue": ("company", "product"),
    "market_share": ("company", "nic", "product"),
    "layoffs": ("company",),
    "investment": ("company",),
    "chips_launched": ("company",),
    "transistor_count": ("chip", "nic"),
    "performance_gain": _THINGS,
    "speedup_factor": _THINGS,
    "fundraising": ("company", "project"),
    "process_node": ("chip", "nic"),
    "cuda_cores": ("chip",),
    "boost_clock": ("chip", "nic"),
}


# A cluster's own figures and dates: said of a company that builds one, they are the
# cluster's.
CLUSTER_FIGURES = ("cluster_gpus", "cluster_size_ratio", "deployment")
# Nouns of a relation (客户, 竞争对手): the claim is about whose they are, the name
# written before them with 的 (OpenAI的竞争对手Anthropic is OpenAI's competitor).
RELATIONS = (
    "客户", "最大客户", "买家", "对手", "竞争对手", "合作伙伴", "供应商",
    # the same in English, written after the owner's name ('s): "Nvidia's biggest buyers"
    "customer", "customers", "buyer", "buyers", "supplier", "suppliers", "partner",
    "partners", "rival", "rivals", "competitor", "competitors",
)  # fmt: skip
# Verbs whose subject is what undergoes them (这款芯片已在…进行了测试: the chip is
# tested), unlike 使用 and 采用, whose subject is the user.
UNDERGONE = ("测试", "tested")
# Verbs whose subject is what is used, whatever they name after (该芯片将搭载于…平台).
MOUNTED = ("搭载于", "搭载在")
# Dated events that are their subject's (the investor's investment, the company
# dropping a supplier, starting to ration or to develop, going under); the others
# (a launch, a purchase, a deployment) are about what was launched or bought.
SUBJECTS_EVENTS = ("invested", "supplier_exit", "quota_start", "development_start", "defunct")
# Claims of a relation between two parties: the clause must name the other one.
RELATION_ATTRIBUTES = ("customers", "suppliers", "partners", "competitors")


# Cue words that are also part of other words: 为了 in 成为了 ("became"), 称 in
# 被称为 ("is called"), 名称 ("name") and 下称 ("hereinafter"), 说 in 更不用说 ("let
# alone"), 与其说 ("rather than"), 据说 ("reportedly") and 对X来说 ("for X"), 拟 in 虚拟机
# ("virtual machine").
_INSIDE_WORDS = {
    "为了": r"(?<![成作称认以])为了",
    "称": r"(?<![名号被堪简统俗下])称(?!为)",  # (下称“算丰云”: "hereinafter")
    # (not 法说会, 说明会, 说明书, 小说, 游说, 说服, 说法: a meeting, a leaflet, a book,
    # lobbying, persuading, a version; 说明年… is "said that next year")
    "说": r"(?<![用其虽据来法小游解学])说(?!明会|明书|服|法)",
    "拟": r"(?<![虚模])拟",
    # not denied (并非没有对手, 并没有售罄)
    "没有对手": r"(?<!并非)(?<!不是)没有对手",
    "售罄": r"(?<!没有)(?<!并未)(?<![没未不])售罄",
    "互联": r"互联(?!网)",  # not the internet (互联网)
    # supply itself, not the supply chain, a supplier, a supply's price or a second
    # source (供应链, 供应商, 供货价格, 第二供应来源); selling, not sales figures or teams
    "供应": r"(?<!第二)供应(?!链|商|来源|价格|方|端|侧|体系|风险|协议|合约)",
    "供货": r"供货(?!价格|商|协议|合约|来源)",
    "销售": r"销售(?!额|收入|团队|渠道|部门|模式|人员|网络)",
    "开放": r"开放(?!申请|源|式|生态|平台|架构|标准)",
}


class CueWord(NamedTuple):
    """A cue word at ``start:end`` of the article and the attributes it marks."""

    start: int
    end: int
    word: str
    attributes: tuple[str, ...]


def cue_pattern(attributes: Iterable[str]) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every cue word of the given attributes (longest first, an
    English word standing alone), and the attributes each word marks."""
    marks: dict[str, list[str]] = {}
    for attribute in attributes:
        for word in CUES.get(attribute, ()):
            marks.setdefault(word, []).append(attribute)
    words = sorted(marks, key=len, reverse=True)
    parts = [_INSIDE_WORDS.get(w) or (_english(w) if w.isascii() else re.escape(w)) for w in words]
    pattern = re.compile("|".join(parts) or r"(?!)")
    return pattern, {word: tuple(found) for word, found in marks.items()}


# An English cue word is found whole, and a single word with its endings too
# (ration in rationing, rations, rationed); "s" alone after a word ending in "e"
# and "d" after one ending in "e" (relies, tested, priorities are listed as written).
_ENDINGS = r"(?:s|es|ed|d|ing)?"


def _english(word: str) -> str:
    if " " in word or "-" in word or not word.isalpha():
        return rf"(?<![a-z]){re.escape(word)}(?![a-z])"
    # "lead times" is no lead: a longer cue names it
    return rf"(?<![a-z]){re.escape(word)}{_ENDINGS}(?![a-z])(?!\s+times?\b)"


def find_cue_words(folded: str, attributes: Iterable[str]) -> list[CueWord]:
    """Every cue word in the article (folded: lower case, Simplified)."""
    pattern, marks = cue_pattern(attributes)
    found = []
    for match in pattern.finditer(folded):
        word = match.group()
        found.append(CueWord(match.start(), match.end(), word, marks[_listed(word, marks)]))
    return found


def _listed(word: str, marks: dict[str, tuple[str, ...]]) -> str:
    """The table's word a found one is (``rationing`` is ``ration``)."""
    if word in marks:
        return word
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and word[: -len(ending)] in marks:
            return word[: -len(ending)]
    raise KeyError(word)  # the pattern finds only the table's words


def applies_to(attribute: str, kind: str) -> bool:
    """Whether a claim of ``attribute`` can be made of an entity of ``kind``."""
    kinds = KINDS.get(attribute)
    return kinds is None or kind in kinds


def is_specification(attribute: str) -> bool:
    """Whether ``attribute`` is a product's specification: said of chips alone."""
    kinds = KINDS.get(attribute)
    return kinds is not None and set(kinds) <= {"chip", "nic"}
