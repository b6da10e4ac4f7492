"""An id for an attribute an article needs and the store lacks, from the words
that name it (内存带宽 → memory_bandwidth, 毛利率 → gross_margin): the words of
news prose's measures in English, the rest in pinyin, so the id is a valid slug
the curator can keep or rename."""

from __future__ import annotations

import re

from chipfacts.draft import chinese_names

# The words of measures in news prose, folded (Simplified), in English.
_GLOSSARY = {
    "带宽": "bandwidth", "内存": "memory", "显存": "memory", "算力": "compute",
    "网络": "network", "网路": "network",
    "功耗": "power", "功率": "power", "价格": "price", "售价": "price", "单价": "unit_price",
    "报价": "price", "月租": "monthly_rent", "租金": "rent", "占比": "share", "份额": "share",
    "比重": "share", "市占": "market_share", "产能": "capacity", "产值": "output_value",
    "营业收入": "revenue", "营收": "revenue", "收入": "revenue", "净利润": "net_income",
    "净利": "net_income", "纯益": "net_income",
    "营业利益": "operating_income", "营业利润": "operating_income", "利润": "profit",
    "营业利润率": "operating_margin", "营益率": "operating_margin",
    "营业利益率": "operating_margin",
    "利润率": "profit_margin", "净利润率": "net_margin", "净利率": "net_margin",
    "毛利润": "gross_profit",
    "毛利率": "gross_margin", "毛利": "gross_profit", "出货量": "shipments", "出货": "shipments",
    "增幅": "growth", "增长": "growth", "成长": "growth", "年增": "yearly_growth",
    "季增": "quarterly_growth", "提升": "gain", "提高": "gain", "改善": "gain", "降低": "cut",
    "下调": "cut", "下降": "drop", "延迟": "latency", "资本支出": "capex", "资本开支": "capex",
    "投入": "spending", "投资": "investment", "订单": "orders", "采购额": "purchases",
    "采购量": "purchases",
    "采购": "purchases", "调用量": "calls", "规模": "size", "用量": "usage", "库存": "inventory",
    "良率": "yield", "每股": "per_share", "融资": "funding", "估值": "valuation", "成本": "cost",
    "能效": "efficiency", "效率": "efficiency", "性能": "performance",
    "性价比": "price_performance", "端口": "ports", "通道": "lanes", "晶圆": "wafers",
    "数量": "count", "交换": "switching", "互联": "interconnect", "推理": "inference",
    "训练": "training", "月": "monthly", "年": "annual", "测试时间": "test_time", "时间": "time",
    "参数量": "parameter_count", "参数": "parameters", "客户数": "customer_count",
    "用户数": "user_count", "员工数": "employees", "员工": "employees", "机柜": "racks",
    "利用率": "utilisation", "堆叠层数": "stack_height",
    "交期": "lead_time", "配额": "quota", "速率": "speed", "频宽": "bandwidth",
    # a link's port (单埠, Taiwan's; 单端口)
    "单埠": "port", "单端口": "port", "每端口": "port", "端口速率": "port_speed",
    # a figure per card, per chip or per hour (单卡功耗, 每颗售价, 单卡小时价格)
    "单卡": "per_card", "每卡": "per_card", "每颗": "per_chip", "小时": "hourly",
    "月增": "monthly_growth", "月减": "monthly_drop", "年减": "yearly_drop",
    "季减": "quarterly_drop",
    # research and development's spending, however written (研发投入, 研发支出, 研发费用)
    "研发投入": "rd_spending", "研发支出": "rd_spending", "研发费用": "rd_spending",
    # on a year before or the quarter before (同比增长, 环比下滑)
    "同比下滑": "yearly_drop", "同比": "yearly", "环比": "sequential",
    "不同": "different", "相同": "same",  # (not 同比 inside them: 不同比例)
    "供电容量": "power_capacity", "容量": "capacity", "电力": "power", "市场": "market",
    "市值": "market_cap", "占有率": "share", "需求量": "demand",
    "渗透率": "penetration", "贡献": "contribution", "累计": "cumulative",
    "典型": "typical", "稠密": "dense", "稀疏": "sparse", "比例": "share", "需求": "demand",
    "预算": "budget", "补贴": "subsidy", "涨幅": "rise", "上涨": "rise", "跌幅": "drop",
    "折扣": "discount", "销量": "sales", "销售额": "sales", "交付量": "deliveries",
    "密度": "density", "晶体管": "transistors", "面积": "area", "在手订单": "backlog",
    "订单能见度": "order_backlog", "能见度": "visibility", "上架率": "occupancy",
    "出租率": "occupancy", "稼动率": "utilisation", "业务": "business",
    "年复合成长率": "cagr", "复合成长率": "cagr", "年复合增长率": "cagr", "复合增长率": "cagr",
    "成长率": "growth_rate", "增长率": "growth_rate", "增速": "growth_rate",
    # trade, seizures and fines (进口额, 查扣, 案值, 罚款)
    "进口替代": "import_substitution", "进口额": "imports", "进口量": "import_volume",
    "进口": "imports", "出口额": "exports",
    "出口量": "export_volume", "出口": "exports", "查扣": "seized", "查获": "seized",
    "检获": "seized", "扣押": "seized", "走私": "smuggled", "案值": "case_value",
    "涉案金额": "case_value", "货值": "goods_value", "罚款": "fine", "罚金": "fine",
    "减记": "writedown", "金额": "amount", "许可证": "licences", "溢价": "premium",
    "降价": "price_cut",
    # power and energy (电价, 用电量, 装机)
    "电价": "electricity_price", "电费": "electricity_cost", "用电量": "electricity_use",
    "耗电量": "electricity_use", "储能": "storage", "装机量": "installed",
    "装机": "installed_capacity", "使用率": "utilisation", "使用": "use", "计提": "charge",
    "绿电": "green_power",
    # when, no part of what is measured: nothing (去年增长, 目前员工, 其中…)
    "去年": "", "今年": "", "明年": "", "同期": "", "目前": "", "其中": "",
}  # fmt: skip
_WORDS = re.compile("|".join(sorted(map(re.escape, _GLOSSARY), key=len, reverse=True)))
# Characters that join or compare, no part of a measure's name.
_JOINING = re.compile(r"[的较比已将从至到为了也都在与和及其仅约近超逾达]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_LENGTH = 40


def attribute_id(label: str, unit: str | None) -> str:
    """A slug for a proposed attribute named ``label`` (its unit when the words give
    nothing: a new attribute in wafers is ``wafers``)."""
    parts: list[str] = []
    at = 0
    for match in _WORDS.finditer(label):
        # 组采购量, 度出货量, 均毛利率: one character before the first word is what is
        # left of a longer word the label's window cut (光模组, 季度, 平均), no part of it
        cut = at == 0 and match.start() == 1 and _CJK.match(label)
        parts += [] if cut else _spelled(label[at : match.start()])
        parts.append(_GLOSSARY[match.group()])
        at = match.end()
    parts += _spelled(label[at:])
    words = [w for part in parts for w in _NOT_SLUG.split(part.lower()) if w]
    ident = "_".join(dict.fromkeys(words))[:MAX_LENGTH].strip("_")
    return ident or _NOT_SLUG.sub("_", (unit or "figure").lower()).strip("_")


def measure_start(text: str, start: int) -> int:
    """Where the measure's word that ``start`` cuts begins (营|业利益率: at 营), else
    ``start``."""
    for match in _WORDS.finditer(text, max(0, start - LONGEST_CUT), start + LONGEST_CUT):
        if match.start() < start < match.end():
            return match.start()
    return start


LONGEST_CUT = 4  # characters of a measure's word a label's window may cut off


def _spelled(words: str) -> list[str]:
    """Words the glossary lacks: Latin as written, Chinese in pinyin."""
    kept = _JOINING.sub(" ", words).strip()
    if not kept:
        return []
    return [chinese_names.in_latin(kept)]
