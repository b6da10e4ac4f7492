"""Chinese names with no Latin form beside them: people after a title, companies by
their suffix, and how each is written in Latin letters for its id.

- A person: a job title, then a name of two or three characters starting with a
  common surname, then what people do in news prose (表示, 称, 在, 指出…) or a
  stop (天翼云副总经理周立群表示; 台積電董事長魏哲家在法說會上).
- A company: a stem of two to four characters and a company's suffix (峰睿科技,
  长鑫存储, 通富微电), introduced by the noun of its kind (初创公司峰睿科技) or named
  twice. Its stem alone (峰睿方面称) is an alias when the article uses it.

Ids and Latin names come from pypinyin (林启航 → Lin Qihang, lin-qihang; 峰睿科技
→ Fengrui Technology), which the curator checks like every proposed field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from typing import NamedTuple

from chipfacts.draft.context import TITLES
from chipfacts.draft.designations import PROVINCES, REGIONS, SITE_PHASE, without_province

# Chinese characters, with the rare ones of names that folding may give (鋐 → 𬭎).
HAN = "\u3400-\u9fff\U00020000-\U0002ffff"
# The commonest Chinese surnames (about nine in ten people), one character each.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝朴"
)
# (and the Latin acronyms Chinese prose writes too, folded: 创始人兼CEO周启明, 澜序CTO林舒)
_CHINESE_TITLES = sorted(
    {t.lower() for t in TITLES if not t.isascii() or t.isupper()}, key=len, reverse=True
)
# What follows a person's name in news prose: a verb of saying or doing, or a stop.
_AFTER_NAME = (
    r"(?=表示|称|说|指出|透露|认为|坦言|坦承|直言|承认|强调|介绍|预计|估计|预期|分析|回应|提到|"
    r"告诉|宣布|披露|证实|否认|确认|提醒|警告|呼吁|补充|解释|谈到|接受|对此|负责|主导|带领|领导|牵头|"
    r"预估|预测|测算|估算|看好|指|同时|首先|受访|随即|进一步|"
    r"在|于|也|亦|则|曾|还|对|向|早前|日前|此前|先前|近日|昨日|昨天|今天|今日|本周|上周|随后|再次|"
    # (a date after the name: 首席技术官周启明10月9日在…表示)
    r"[，,。：:；;（(“「\s]|\d{1,4}\s*[年月日])"
)
_TITLED = re.compile("(?:" + "|".join(map(re.escape, _CHINESE_TITLES)) + r")\s*")
_NAME_AFTER = re.compile(_AFTER_NAME)
# A company's suffix, and its English for the Latin name.
_SUFFIXES = {
    "科技": "Technology", "半导体": "Semiconductor", "微电子": "Microelectronics",
    "微电": "Microelectronics", "电子": "Electronics", "存储": "Memory", "智能": "Intelligence",
    "集团": "Group", "智芯": "Intelligent Chips", "光电": "Optoelectronics", "信息": "Information",
    "云": "Cloud", "汽车": "Auto", "控股": "Holdings", "证券": "Securities",
    "通信": "Communications", "计算": "Computing",
    # the suppliers of power and the investors of the industry (not 散热, 材料 or 资本,
    # ending common phrases: 液冷散热厂, 测试材料, 资本支出, 社会资本)
    "电源": "Power", "创投": "Ventures", "热能": "Thermal",
    # a provider of internet services (樱花互联网, Sakura Internet), only where said to
    # be a company: 互联网 ends common phrases too (移动互联网, 工业互联网)
    "互联网": "Internet",
    # a renter of computing power (云矩算力), only where said to be a company: 算力 ends
    # common phrases too (国产算力, 智能算力)
    "算力": "Compute",
    # an AI computing firm (玄枢智算), only where a kind's noun, a legal form or an
    # officer's title says so: 智算 starts sites and networks too (智算中心)
    "智算": "AI Computing",
}  # fmt: skip
# What follows 股 in a word of shares, not a name's start (股东, 股份, 股票, 股价, 股权).
_SHARES_WORDS_ENDINGS = "东份票价权民市息本"
# (Taiwan's 业者, "operator": AI算力租賃業者雲硯算力; 租赁商, 服务商: a trade's firms)
_KIND_NOUN = (
    r"(?:初创公司|芯片公司|公司|初创企业|企业|厂商|大厂|厂|新创|新势力|旗下|供应商|对手|业者"
    r"|服务商|运营商|租赁商|提供商|制造商"
    # (a stock of a trade: 算力租賃股智穹算力控股, 矽光子概念股; not 科技股份, a company's
    # shares, nor 科技股东, its shareholder; a peer: 同业澜算科技)
    r"|(?:概念|题材|龙头|租赁|芯片|晶片|半导体|科技|算力|ai|服务器|光通讯)股"
    rf"(?![{_SHARES_WORDS_ENDINGS}])"
    r"|同业|同行)"
)
_SUFFIX = re.compile("|".join(sorted(_SUFFIXES, key=len, reverse=True)))


# A company's name at the start of a longer one: its stem (two to four characters) and
# its suffix (三星电子设备解决方案部: 三星电子).
COMPANY_AT_START = 6


def starts_with_company(name: str) -> bool:
    """Whether ``name`` opens with a company's stem and suffix (三星电子设备解决方案部), not
    a body's words (南韩科学技术信息通信部: its 信息 is further in)."""
    return _SUFFIX.search(name, 2, COMPANY_AT_START) is not None


def one_company(shorter: str, longer: str) -> bool:
    """Whether two Chinese names are one company's: the longer the shorter and a
    company's suffix (曜芯智能科技, its legal name's, beside 曜芯智能)."""
    return len(shorter) >= 2 and longer.startswith(shorter) and longer[len(shorter) :] in _SUFFIXES


_KIND_BEFORE = re.compile(_KIND_NOUN + "$")
_KIND_AT = re.compile(_KIND_NOUN)
# A name said to be a company of some trade (云矩算力是国内较大的第三方算力租赁商之一,
# 峰睿科技是一家芯片设计公司): its kind, after it.
_KIND_AFTER = re.compile(
    r"\s*是(?:一家|国内|中国|全球|美国)?[^，,。；;：:]{0,16}?"
    r"(?:公司|企业|厂商|服务商|运营商|租赁商|供应商|制造商|提供商|初创)"
    # the kind ends what is said of it (not 金融科技是…科技公司的重要业务)
    r"(?:之一)?\s*(?:[，,。；;]|$)"
)
# What may come right before a company's name: a stop, a letter or digit, or a word
# that joins or points (由峰睿科技研发, 据峰睿科技称): never part of the name.
JOINING = "由据与和及向对被从在为是了的让给将把等"
_BEFORE_NAME = re.compile(f"[^{HAN}]|[{JOINING}]")
STEMS = (4, 3, 2)  # a stem's length, the longest tried first
_CJK_STEM = re.compile(f"[{HAN}]+")
# Stems that are words of the sentence, not a name (国产科技, 相关科技, 中国电子).
_NO_STEM = re.compile(
    r"^(?:国产|相关|国内|全球|中国|美国|日本|韩国|台湾|高端|先进|消费|汽车|人工|私有|公有|混合|边缘"
    r"|政务|智能|算力|存储|大型|小型|中型|知名|头部|主要|领先|本土|海外|新兴|传统|互联网|半导体|其他"
    r"|美系|台系|陆系|日系|韩系|欧系|今年|明年|去年|芯片|晶片|服务器|处理器"
    # (a time: 公司第二季度智算业务, its business in a quarter)
    r"|第?[一二三四1-4]季度?|[上下]半年|全年|本季|上季|年度|季度"
    # (a city's own services before a suffix: 深圳地铁集团, 上海电气集团, 北京银行)
    r"|地铁|电力|电气|机场|银行|水务|燃气|交通|铁路|港口|港务|移动|电信|联通|广电|日报|晚报|大学"
    r"|医院|公交|地产|城投|国资|高新|投资|发展|建设|能源|航空|文旅|农商|城建"
    # (how many, no name: 多家云厂商, 各家云端业者; what kind: 推理云, 训练云)
    r"|[多数几各诸两三四五六七八九十]家|推理|推论|训练)"
)


# Cities (and provinces) a company's name is often written after (杭州擎昇半导体, 上海
# 曦衡科技): no part of its stem, whose name starts after them.
# (the cities that are provinces, 北京 and 上海, are among ``PROVINCES``)
_CITIES = (
    "深圳", "杭州", "广州", "南京", "苏州", "成都", "武汉", "西安", "合肥", "无锡", "长沙", "厦门",
    "珠海", "青岛", "济南", "郑州", "宁波", "东莞", "佛山", "大连", "沈阳", "常州", "南昌", "福州",
    "贵阳", "台北", "新竹", "台中", "台南", "高雄", "香港",
)  # fmt: skip
_PLACES = "|".join((*_CITIES, *PROVINCES))
_PLACE_AT = re.compile(f"(?:{_PLACES})")
_PLACE_BEFORE = re.compile(f"(?:{_PLACES})(?:市|省)?$")  # (深圳市芯瀚科技, 江苏省…)
_PLACE_LONGEST = max(map(len, (*_CITIES, *PROVINCES))) + 1


# A character that joins or points, never inside a company's name (微软和其他云, 开发的人工智能).
FUNCTION_CHARS = "和的与及其他在是了等对将为也都个这那上中下把被从向给让"
_FUNCTION_WORD = re.compile(f"[{FUNCTION_CHARS}]")


# Verbs news prose writes right before a name, never the start of one (采用岭云T100,
# 搭载澜海云…): a company's stem, a line's name starts after them.
VERBS = re.compile(
    r"采用|使用|搭载|升级|基于|推出|发布|量产|支持|兼容|相比|对比|包括|例如|比如|配备|集成|部署|搭配"
    r"|选用|改用|转向|换成|替代|取代|对标|超过|领先|落后|相当|类似|采购|购买|订购|出口|进口|禁售"
    r"|交付|生产|出货|获得|拿到|租用"
)
# A character that joins or points, never in a place's or a listed company's name
# (和, 中, 上 and 下 may be: 呼和浩特, 中卫, 中芯国际, 上海).
_NOT_IN_NAME = re.compile(
    "[" + "".join(c for c in {*FUNCTION_CHARS, *JOINING} if c not in "和中上下") + "]"
)


class Times:
    """How often each short string occurs in a text, counted once per length for all
    names asked about (a count per name would read the text again for each); one per
    article, shared by the readers of its names."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.by_length: dict[int, Counter[str]] = {}

    def __call__(self, part: str) -> int:
        size, folded = len(part), self.folded
        if size not in self.by_length:
            self.by_length[size] = Counter(
                folded[i : i + size] for i in range(len(folded) - size + 1)
            )
        return self.by_length[size][part]


class ChineseName(NamedTuple):
    start: int
    end: int
    latin: str  # the name in Latin letters
    kind: str
    aliases: tuple[str, ...]  # the Chinese as written, and a stem the article uses alone


def people(text: str, folded: str) -> list[ChineseName]:
    """People named after a title, with no Latin form beside them: the name followed
    by what follows a name (首席执行官冯志远称), or a name the article gives so
    elsewhere (首席执行官冯志远首先披露…, then 冯志远称)."""
    found = []
    for match in _TITLED.finditer(folded):
        start = match.end()
        names = (
            folded[start : start + size]
            for size in (2, 3)
            if _NAME_AFTER.match(folded, start + size)
        )
        name = next(names, None)
        if name is None:
            name = next(
                (
                    folded[start : start + size]
                    for size in (3, 2)
                    if _said_elsewhere(folded, folded[start : start + size], start)
                ),
                None,
            )
        if not name or name[0] not in SURNAMES or not _CJK_STEM.fullmatch(name):
            continue
        if _TIME_WORDS.match(name) or _WORDS_NOT_NAMES.match(name):
            continue  # 首席运营官周二表示, CEO明确表示: a day or a word, no person
        end = start + len(name)
        if folded.startswith(("（", "("), end):
            continue  # 苏姿丰（Lisa Su）: the Latin form is given; read with it
        found.append(ChineseName(start, end, person_latin(name), "person", (text[start:end],)))
    return found


# What a person's name is followed by when they speak, a few words of where or when
# between (冯志远称, 林嘉慧同时透露, 周立衡在接受本报采访时表示).
_SAYS = re.compile(
    r"[^，,。；;：:“”「」]{0,12}?"
    r"(?:表示|称|说|指出|透露|认为|坦言|坦承|直言|强调|介绍|预计|估计|回应|补充|告诉|解释|谈到|受访)"
).pattern
# Words of prose a title may be followed by, whose first character is a surname too
# (CEO明确表示, CEO曾多次表示, CEO毕业于, CEO于上周, CEO向媒体透露).
_WORDS_NOT_NAMES = re.compile(
    r"明确|明显|毕业|于|向|也|将|在|对|还|和|与|并|则|仍|又|正|都|就|被|把|以|从|为|给|让|表|公开"
    r"|首次|方面|曾(?:经|多次|在|任|表示|说|是|公开|于|透露|指出|预测|警告|称)"
)
# Words of time a title may be followed by, which start no name (首席执行官明年将退休,
# 首席运营官周二表示): 明, 周 and 全 are surnames too.
_TIME_WORDS = re.compile(
    r"明年|今年|去年|前年|全年|周[一二三四五六日末]|本周|上周|下周|今日|昨日|明日|近日|日前"
    r"|此前|目前|年内|年底|年初"
)


def _said_elsewhere(folded: str, name: str, at: int) -> bool:
    """Whether ``name`` is written elsewhere than ``at``, saying something there
    (冯志远称, 冯志远同时透露); never a time (明年, 周二), however it is followed."""
    if _TIME_WORDS.match(name):
        return False
    return any(m.start() != at for m in re.finditer(re.escape(name) + _SAYS, folded))


def person_latin(name: str) -> str:
    """林启航 → Lin Qihang."""
    from pypinyin import lazy_pinyin  # lazy: 130 ms, only for a name with no Latin form

    surname, *given = lazy_pinyin(name)
    return " ".join(part for part in (surname.capitalize(), "".join(given).capitalize()) if part)


def companies(text: str, folded: str, times: Times | None = None) -> list[ChineseName]:
    """Companies named by a stem and a company's suffix (峰睿科技), introduced by the
    noun of their kind or named twice. The stem is the longest that starts after a
    stop, a kind's noun or a joining word (据峰睿科技称 is 峰睿科技), so no word of
    the sentence is taken into the name."""
    found: dict[str, ChineseName] = {}
    times = times or Times(folded)  # one count of the article, shared by the callers
    for suffix in _SUFFIX.finditer(folded):
        # (印度人工智能使命: a word of the trade, whose suffix names a company only where
        # a kind's noun or a legal form says so: 初创公司深言人工智能, 联合汽车电子有限公司)
        trade_word = any(folded.startswith(w, suffix.end() - len(w)) for w in _WORDS_OF_THE_TRADE)
        if _MINISTRY.match(folded, suffix.end()):
            continue  # 越南科技部, 工业和信息化部: a ministry, no company
        if suffix.group() in _STRICT and _A_SITE_AFTER.match(folded, suffix.end()):
            continue  # 皖江智算中心, 云矩算力平台: a site or a service, no company
        # 北极泉热控科技: a trade's word between the stem and the suffix is the name's
        reach = max(0, suffix.start() - _TRADE_LONGEST)
        trade = _TRADE_INFIX.search(folded, reach, suffix.start())
        if trade is not None and folded.startswith("大数据", trade.start() - 1):
            trade = None  # (大数据科技: a trade's phrase, no name's word)
        stem_end = trade.start() if trade is not None else suffix.start()
        for size in STEMS:
            start = stem_end - size
            stem = folded[start:stem_end]
            if start < 0 or not _CJK_STEM.fullmatch(stem) or _FUNCTION_WORD.search(stem):
                continue
            if _BEFORE_NAME.match(stem) or VERBS.match(stem):
                continue  # 据峰睿, 采用岭云: the word before the name
            if stem[0] in "市省":
                continue  # 深圳市芯瀚科技: the place's own word, no name's start
            place = _PLACE_AT.match(stem) if size > min(STEMS) else None
            if place is not None and _written_alone(times, start + place.end(), stem_end, suffix):
                # 杭州擎昇半导体, then 擎昇 alone: where it is, before its name (not 上海电气
                # 集团, whose 电气 is never written alone: the place is part of that name)
                continue
            inside = _KIND_AT.match(folded, max(0, start - 1))
            if start and inside is not None and inside.end() > start:
                continue  # 厂商澜海云: the kind's noun is no part of the name
            if _KIND_AT.match(folded, start):
                continue  # 新创公司玄枢智算: nor one the stem would start with
            if start > 0 and folded[start - 1] == "股" and stem[0] in _SHARES_WORDS_ENDINGS:
                # 科技股东方正证券: a shareholder (股东), no stock of a trade (the kind's
                # noun, read up to the name's start, cannot see the 东 after its 股)
                continue
            kind = (
                _KIND_BEFORE.search(folded, max(0, start - 6), start) is not None
                and (
                    suffix.group() not in _SAID_TO_BE
                    or _TRADE_BEFORE.search(folded, max(0, start - 3), start) is not None
                )
            ) or _KIND_AFTER.match(folded, suffix.end()) is not None
            if not (
                start == 0
                or kind
                or _BEFORE_NAME.match(folded, start - 1)
                # (杭州擎昇半导体, then 擎昇 alone; not 上海电气集团, 电气 never alone)
                or _PLACE_BEFORE.search(folded, max(0, start - _PLACE_LONGEST), start)
                and _written_alone(times, start, stem_end, suffix)
            ):
                continue
            whole = folded[start : suffix.end()]
            if whole in found or _NO_STEM.match(stem) or stem in COUNTRIES:
                break  # (越南科技: a country's, no company's name)
            legal = _LEGAL_FORM.match(folded, suffix.end()) is not None
            # 衡宇电源董事长张正弘: a name before an officer's title is their company's
            legal = legal or _OFFICER_AFTER.match(folded, suffix.end()) is not None
            # 涉案的「聚锋通科技」成立于2023年, 新创「云涌算力」: a name in quotes, whole
            # between them, said to be a company by a kind's noun before the quotes or
            # what only a company does after them (not a term or a slogan in quotes:
            # “存内计算”, “具身智能”赛道, “绿色算力”项目)
            legal = legal or (
                start > 0
                and folded.startswith(_OPEN_QUOTES, start - 1)
                and folded.startswith(_CLOSE_QUOTES, suffix.end())
                and (
                    _KIND_BEFORE.search(folded, max(0, start - QUOTED_KIND_REACH), start - 1)
                    is not None
                    or any(
                        words.match(folded, suffix.end() + 1) is not None
                        for words in (_A_COMPANYS_DEED, _LEGAL_FORM, _OFFICER_AFTER)
                    )
                )
            )
            if not (kind or legal) and (
                trade_word or suffix.group() in _STRICT or times(whole) < 2 and times(stem) < 3
            ):
                break  # named once, and its stem not used on its own (瀚矽科技…瀚矽…瀚矽)
            found[whole] = _company(text, times, start, stem, suffix, trade)
            break
    return list(found.values())


_OPEN_QUOTES = ("“", "「", "『")
# What only a company does, right after its name in quotes (its legal form and its
# officers' titles too: ``_LEGAL_FORM``, ``_OFFICER_AFTER``).
_A_COMPANYS_DEED = re.compile(r"成立于|创立于|注册于|总部位于|是一家|旗下|控股")
# How far before the opening quote a kind's noun says a quoted name is a company's.
QUOTED_KIND_REACH = 7
_CLOSE_QUOTES = ("”", "」", "』")


def _written_alone(times: Times, start: int, end: int, suffix: re.Match[str]) -> bool:
    """Whether the stem at ``start:end`` is written more often than with its suffix: a
    name used alone (杭州擎昇半导体, then 擎昇), not a word of a name (上海电气集团)."""
    folded = times.folded
    return times(folded[start:end]) > times(folded[start : suffix.end()])


# The words of a trade between a company's stem and its suffix (北极泉热控科技,
# 冠霖精密科技), and their English for the Latin name.
_TRADES = {
    "热控": "Thermal Control", "光学": "Optics", "光通": "Photonics", "精密": "Precision",
    "材料": "Materials", "能源": "Energy", "电力": "Power", "数据": "Data", "网络": "Networks",
    "液冷": "Liquid Cooling", "散热": "Cooling", "封测": "Packaging and Test",
    "新材料": "New Materials", "新能源": "New Energy",
    # (智穹算力控股, then 智穹: a computing firm's holding company)
    "算力": "Compute", "智算": "AI Computing",
}  # fmt: skip
# (the trade's word ends right before the suffix, the longest first: 容百|新材料|科技)
_TRADE_INFIX = re.compile("(?:" + "|".join(sorted(_TRADES, key=len, reverse=True)) + ")$")
_TRADE_LONGEST = max(map(len, _TRADES))


# After a company's suffix, a government's office (科技部, 信息局), not a word that
# starts so (部署, 部门, 局面, 委托, 署名).
_MINISTRY = re.compile(r"部(?![署门分件队])|局(?![面势部限])|厅|委员会|署(?!名)")
# Places and scopes, which name no company before a suffix (越南科技, 全球科技).
# (the scopes among them name no place: 全球, 国内, 海外)
SCOPES = frozenset({"全球", "国内", "海外"})
COUNTRIES = (
    frozenset(
        "中国 美国 日本 韩国 南韩 印度 越南 泰国 印尼 新加坡 马来西亚 台湾 香港 德国 法国 英国 "
        "欧洲 欧盟 俄罗斯 加拿大 澳洲 澳大利亚 沙特 阿联酋 以色列 荷兰 巴西 墨西哥".split()
    )
    | SCOPES
)
# An officer's title after a name (董事长, 总经理): the name is the company's.
_OFFICER_AFTER = re.compile(
    r"(?:董事长|总经理|首席[\u4e00-\u9fff]{2}官|执行长|技术长|(?:联合)?(?:创始人|创办人)|总裁|副总裁"
    # (a Japanese or Korean company's: 樱花互联网社长森田浩二, 会长)
    r"|财务长|副?社长|会长|ceo|cto|cfo|coo)(?!们)"
)
# Words that end in a company's suffix but are words of the trade, whose suffix names
# no company (印度人工智能使命 is no company 印度人工, 韩国消费电子 no company 韩国消费).
_WORDS_OF_THE_TRADE = ("人工智能", "消费电子", "汽车电子", "电力电子")
# Suffixes that end common phrases too (高压直流电源, 不间断电源): a company only where
# a kind's noun, a legal form or an officer's title says so, not for being named twice.
# (计算: 按…价格计算, 云计算)
_STRICT = frozenset({"电源", "创投", "算力", "计算", "智算", "互联网"})
# Suffixes a company's name ends in only where it is said to be one after it, never
# for a kind's noun before it (初创企业申请算力的审批: the firms' request for compute).
_SAID_TO_BE = frozenset({"算力", "互联网"})  # (not 该公司产业互联网业务)
# ...or right after the noun of a trade that rents compute (算力租賃業者雲硯算力).
_TRADE_BEFORE = re.compile(r"(?:业者|租赁商|服务商|运营商|提供商)$")
# What a suffix that starts a site's or a service's name too is followed by there.
_A_SITE_AFTER = re.compile(
    r"中心|集群|园区|平台|基地|网络|服务|调度|枢纽|产业|资源|能力|需求|设施|规模"
)
# A company's legal form after its name (北疆算力科技有限公司): a company however often named.
_LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司|股份公司")
# A listed company's code in brackets after its name (晶陞载板（6829）, 寒武纪（688256.SH）).
_LISTED = re.compile(
    rf"(?P<name>[{HAN}]{{2,6}}?)[（(](?P<code>\d{{4,6}})(?P<exchange>\.[a-z]{{2}})?[）)]"
)
# A year in brackets after a document, no stock code (年报（2024）).
_YEAR_CODE = re.compile(r"(?:19|20)\d\d")
_DOCUMENT = re.compile(r"(?:报|报告|书|文件|数据|显示)$")
# What follows a year in brackets, not a stock code: its date's words (（2024）年, 显示).
_YEAR_AFTER = re.compile(r"年|显示|发布|披露|数据|统计")


def listed(text: str, folded: str, times: Times | None = None) -> list[ChineseName]:
    """Companies named with their stock code (IC载板厂晶陞载板（6829）): the name starts
    after a stop, a joining word or the noun of its kind. A shorter name the article
    uses alone (晶陞) is an alias."""
    found: dict[str, ChineseName] = {}
    times = times or Times(folded)  # one count of the article, shared by the callers
    for match in _LISTED.finditer(folded):
        year = _YEAR_CODE.fullmatch(match["code"]) and match["exchange"] is None
        if year and _YEAR_AFTER.match(folded, match.end()):
            continue  # （2024）年, …（2024）显示: a year, no stock code (瑞声科技（2018） is one)
        end = match.end("name")
        for begin in range(match.start("name"), end - 1):
            name = folded[begin:end]
            kind = _KIND_BEFORE.search(folded, max(0, begin - 6), begin) is not None
            if not (begin == 0 or kind or _BEFORE_NAME.match(folded, begin - 1)):
                continue
            inside = _KIND_AT.match(folded, max(0, begin - 1))
            if begin and inside is not None and inside.end() > begin:
                continue  # 厂商海光信息: the kind's noun is no part of the name
            if _NOT_IN_NAME.search(name) or _NO_STEM.match(name) or _KIND_AT.search(name):
                continue  # 由广达: a word of the sentence before the name
            if _DOCUMENT.search(name):
                break  # 招股书（2024）: a document, no company
            if name not in found:
                found[name] = _listed(text, times, begin, name)
            break
    return list(found.values())


def _listed(text: str, times: Times, start: int, name: str) -> ChineseName:
    suffix = _SUFFIX.search(name, 2)
    if suffix is not None and suffix.end() == len(name):
        latin = f"{in_latin(name[: suffix.start()])} {_SUFFIXES[suffix.group()]}"
    else:
        latin = in_latin(name)
    aliases = [text[start : start + len(name)]]
    # 晶陞总经理, 晶陞的载板: the name's start, used alone
    short = next(
        (size for size in STEMS if size < len(name) and times(name[:size]) > times(name)), None
    )
    if short is not None:
        aliases.append(text[start : start + short])
    return ChineseName(start, start + len(name), latin, "company", tuple(aliases))


# The people and words only an organisation has, after its name: 美团发言人, 美团CEO王兴,
# 国网中心主任林志远, 美团方面 (the text folded: Simplified, lower case).
_OWN_PEOPLE = re.compile(
    r"(?P<name>[" + HAN + r"]{2,4}?)(?=发言人|方面(?:表示|称|回应|证实|否认|透露|未)|旗下|内部人士"
    r"|ceo|cto|cfo|首席执行官|首席技术官|首席财务官|董事长|总裁|副总裁|创始人|联合创始人|主任|执行长"
    r"|高管|官方)"
)
# A word that joins or points, never inside such a name (中 may be: 国网中心).
_JOINS = re.compile(
    "[" + "".join(ch for ch in _FUNCTION_WORD.pattern.strip("[]") if ch not in "他个上中下") + "]"
)
# Words before such a noun that name no one organisation (该公司发言人, 业内人士).
_NO_ORGANISATION = re.compile(
    r"^[该此这本其某各每另]|^[一两二三四五几多数][名位个家]"
    r"|(?:公司|集团|企业|厂商|机构|部门|团队|业内|行业|市场|政府|人士|双方|三方)$"
)
ORGANISATION_TIMES = 2
# Verbs of saying and making known, which may stand before 旗下 (宣布旗下…): no name.
_A_VERB = re.compile(
    r"宣布|表示|透露|指出|披露|证实|否认|确认|计划|预计|宣称|强调|公布|揭露|展示|介绍|收购|整合"
)


def organisations(text: str, folded: str, times: Times | None = None) -> list[ChineseName]:
    """Companies and institutions named by people and words only they have (美团发言人,
    美团CEO王兴, 国网中心主任), the name written at least twice: a name of two to four
    characters after a stop or a joining word, no word of the sentence."""
    found: dict[str, ChineseName] = {}
    times = times or Times(folded)  # one count of the article, shared by the callers
    for match in _OWN_PEOPLE.finditer(folded):
        end = match.end("name")
        for size in STEMS:
            start = end - size
            name = folded[start:end]
            if start < match.start("name") or not _CJK_STEM.fullmatch(name):
                continue
            if not (start == 0 or _BEFORE_NAME.match(folded, start - 1)):
                continue
            if _JOINS.search(name) or _NO_STEM.match(name) or _NO_ORGANISATION.search(name):
                break
            if VERBS.fullmatch(name) or _A_VERB.fullmatch(name):
                break  # 宣布旗下: what was done, no one who did it
            if any(title.startswith(name) for title in _CHINESE_TITLES):
                break  # 联合 of 联合创始人, 首席 of 首席执行官: a title's start
            if name not in found and times(name) >= ORGANISATION_TIMES:
                first = folded.find(name)
                found[name] = ChineseName(
                    first, first + size, _institution_latin(name), "company", (text[start:end],)
                )
            break
    return list(found.values())


# A customs office by its place (深圳海关, 香港海關, 中国海关), or China's customs as a
# whole (海关总署, 中国海关总署). The places are those that name one: the cities and
# provinces a company is named after, the other seats of China's customs districts, and
# countries (not 近日海关, 国内海关: a time's or a scope's words).
_CUSTOMS_PLACES = (
    frozenset((*_CITIES, *PROVINCES))
    | frozenset("石家庄 太原 满洲里 呼和浩特 长春 哈尔滨 黄埔 拱北 汕头 海口 湛江 江门 "
                "南宁 昆明 拉萨 兰州 西宁 银川 乌鲁木齐 澳门".split())
    | COUNTRIES - SCOPES
)  # fmt: skip
_CUSTOMS = re.compile(
    "(?P<place>"
    + "|".join(sorted(_CUSTOMS_PLACES, key=len, reverse=True))
    + ")?海关(?P<whole>总署)?(?!学院|大学|学校)"
)
# The English of the places whose customs news names most (the rest in pinyin).
_PLACES_IN_ENGLISH = {
    "中国": "China", "香港": "Hong Kong", "澳门": "Macau", "台湾": "Taiwan", "美国": "US",
    "日本": "Japan", "韩国": "Korea", "新加坡": "Singapore", "马来西亚": "Malaysia",
    "越南": "Vietnam", "泰国": "Thailand", "印度": "India",
}  # fmt: skip


def customs(text: str, folded: str) -> list[ChineseName]:
    """Customs offices, which seize, count and report goods (深圳海关现场查扣加速卡, 海关
    总署数据显示): a government, by the place that names it (not 经海关, 近日海关: the
    customs of a sentence)."""
    found: dict[str, ChineseName] = {}
    for match in _CUSTOMS.finditer(folded):
        if match["whole"]:  # 海关总署, 中国海关总署: China's customs as a whole
            latin = "General Administration of Customs"
        elif match["place"] is not None:
            place = match["place"]
            latin = f"{_PLACES_IN_ENGLISH.get(place) or in_latin(place)} Customs"
        else:
            continue
        name = folded[match.start() : match.end()]
        if name not in found:
            written = (text[match.start() : match.end()],)
            found[name] = ChineseName(match.start(), match.end(), latin, "government", written)
    return list(found.values())


# An institution's noun at the end of its name, and its English (国网中心: Guowang Center).
_INSTITUTIONS = {
    "中心": "Center", "研究院": "Institute", "研究所": "Institute", "实验室": "Lab",
    "大学": "University", "学院": "College",
}  # fmt: skip


def _institution_latin(name: str) -> str:
    """美团 → Meituan; 国网中心 → Guowang Center."""
    for noun, english in _INSTITUTIONS.items():
        if name.endswith(noun) and len(name) > len(noun):
            return f"{in_latin(name.removesuffix(noun))} {english}"
    return in_latin(name)


def _company(
    text: str,
    times: Times,
    start: int,
    stem: str,
    suffix: re.Match[str],
    trade: re.Match[str] | None = None,
) -> ChineseName:
    from pypinyin import lazy_pinyin  # lazy: 130 ms, only for a name with no Latin form

    words = [_TRADES[trade.group()]] if trade is not None else []
    latin = " ".join(["".join(lazy_pinyin(stem)).capitalize(), *words, _SUFFIXES[suffix.group()]])
    aliases = [text[start : suffix.end()]]
    # 峰睿方面称: the stem alone, where the article uses it apart from the name (not a
    # place: 北京智算集团 is no 北京)
    if times(stem) > times(suffix.string[start : suffix.end()]) and not _PLACE_AT.fullmatch(stem):
        aliases.append(text[start : start + len(stem)])
    return ChineseName(start, suffix.end(), latin, "company", tuple(aliases))


# A thing's name of two to four characters before the noun of its kind (天枢集群,
# 豆包大模型): a name when the article writes it at least twice and it is no word
# of the trade (万卡集群, 训练集群, 智算中心).
_NAMED_THING = re.compile(
    r"(?P<name>[" + HAN + r"]{2,4}?)(?P<noun>集群|丛集|超算|超级计算机|大模型)"
)
_THING_KINDS = {"大模型": "model"}  # the rest are clusters
_COMPANY_ENDINGS = tuple(_SUFFIXES)
_TRADE_WORD = re.compile(
    r"(?:万卡|千卡|智算|算力|训练|推理|推论|主权|大型|超大|超级|一期|二期|三期|首期|新建|自建|自有|国产|云端|液冷|异构"
    r"|通用|单一|整个|上述|全球|最大|这类|此类|规模|基础|行业|开源|语言|多模态|新的|新一代|下一代|公司"
    r"|自研|金融|医疗|垂直|主流|国内|中文|专用|端侧|政务|教育|工业|汽车|智驾|视觉|文本|对话|推荐|搜索"
    r"|商用|私有|混合|边缘|分布式|集中|本地|海外|国外|领域|场景|旗舰|主力|内部|自家|现有|传统)$"
)
NAMED_THING_TIMES = 2


# A time the words before a thing's noun end in (训练期间集群, 建设阶段集群): when, no name.
_A_TIME_AT_END = re.compile(r"(?:期间|期内|时期|阶段|过程|以来|之后|之前|当中|前后)$")


def named_things(text: str, folded: str, times: Times | None = None) -> list[ChineseName]:
    """Clusters and models named in Chinese before their kind's noun (天枢集群), each
    read by its name alone too where the article uses it so (天枢)."""
    found: dict[str, ChineseName] = {}
    times = times or Times(folded)  # one count of the article, shared by the callers
    for match in _NAMED_THING.finditer(folded):
        start = match.start("name")
        for size in STEMS:
            begin = match.end("name") - size
            name = folded[begin : match.end("name")]
            if begin < start or len(name) != size or not _CJK_STEM.fullmatch(name):
                continue
            if not (
                begin == 0
                or _BEFORE_NAME.match(folded, begin - 1)
                or folded.startswith("其", begin - 1)
                or folded.endswith(_COMPANY_ENDINGS, 0, begin)
            ):
                continue  # 极川科技万卡集群: the name starts after a stop, a joining word,
                # 其 or a company's name (澜海云乌兰察布智算中心)
            if (
                _FUNCTION_WORD.search(name)
                or _TRADE_WORD.search(name)
                or _NO_STEM.match(name)
                or _A_TIME_AT_END.search(name)
            ):
                break
            whole = name + match["noun"]
            if whole in found or times(whole) < NAMED_THING_TIMES:
                break
            kind = _THING_KINDS.get(match["noun"], "cluster")
            aliases = [text[begin : match.end()]]
            if times(name) > times(whole):
                aliases.append(text[begin : begin + size])
            # where the article first writes the name (极川科技…的“天枢”大模型训练集群):
            # its maker is named before it there
            first = folded.find(name)
            found[whole] = ChineseName(first, first + size, in_latin(name), kind, tuple(aliases))
            break
    return list(found.values())


# A Latin gloss after a Chinese name in quotes (“普罗米修斯”（Prometheus）).
GLOSS = r"(?:\s*[（(](?P<gloss>[A-Za-z][A-Za-z0-9 .\-]{1,40})[)）])?"
# A name in quotes that ends in the noun of its kind (“努桑塔拉主权AI算力集群”,
# 「台灣杉五號超級電腦」, “文心4.5大模型”), a Latin gloss after it (in the folded text).
_QUOTED_WHOLE = re.compile(
    r"[“「](?P<name>[^“”「」，,。；;：:、\s]{1,16}?"
    r"(?P<noun>集群|丛集|超级计算机|超级电脑|智算中心|算力中心|超算中心|计算中心|运算中心|数据中心|资料中心"
    r"|大模型|芯片|晶片|加速器|处理器"
    r"|计划|工程|专项|行动|使命|倡议))"
    rf"[”」]{GLOSS}"
)
_QUOTED_KINDS = (
    {"大模型": "model"}
    | dict.fromkeys(("芯片", "晶片", "加速器", "处理器"), "chip")
    | dict.fromkeys(("计划", "工程", "专项", "行动", "使命", "倡议"), "project")
)
# The nouns that make a programme's title in quotes a name by itself.
_PROGRAMME_TITLES = ("计划", "工程", "专项", "行动")
# A programme's title in quotes is a name by itself where the words before its noun
# are at least this many characters (越南“国家人工智能算力计划”, “东数西算工程”).
PROGRAMME_TITLE_CHARS = 4
# What marks a name in quotes as one, not a slogan: a number, Latin letters, 号.
NAME_MARK = re.compile(r"[0-9a-z号]")
# What marks words in quotes as a term or a scheme: a count of cards (10万卡), a
# process node (2nm), a sign joining words (5G+AI).
_TERM_IN_QUOTES = re.compile(r"^[\d.]+[万千]?卡|^[\d.]+\s*(?:nm|纳米)$|[+&/]")


def quoted_names(text: str, folded: str, times: Times | None = None) -> list[ChineseName]:
    """Clusters, sites, models, chips and programmes named in quotes with their kind's noun
    (“努桑塔拉主权AI算力集群”): a name where a gloss, a number, Latin letters or 号
    mark it, or the article writes the words before the noun again (努桑塔拉集群);
    no term (“万卡集群”, “国产算力集群”) nor a slogan (“绿色低碳智算中心”)."""
    times = times or Times(folded)
    found: dict[str, ChineseName] = {}
    for match in _QUOTED_WHOLE.finditer(folded):
        stem = whole_stem = match["name"][: -len(match["noun"])]
        while (trade := _TRADE_WORD.search(stem)) is not None:
            stem = stem[: trade.start()]  # 主权AI算力: the words of the trade after the name
        bare = stem.removesuffix("ai").strip()
        if (
            len(bare) < 2
            or _FUNCTION_WORD.search(bare)
            or bare in found
            or _TERM_IN_QUOTES.search(whole_stem)
        ):
            continue  # 10万卡集群, 2nm芯片, 5G+AI智算中心: a term or a scheme, no name
        # (a mission or an initiative only by its gloss, a mark or a repeat: “牢记使命” is
        # a slogan)
        titled = match["noun"] in _PROGRAMME_TITLES and len(whole_stem) >= PROGRAMME_TITLE_CHARS
        if not (titled or match["gloss"] or NAME_MARK.search(bare) or times(bare) >= 2):
            continue
        start, end = match.span("name")
        gloss = text[match.start("gloss") : match.end("gloss")].strip() if match["gloss"] else ""
        kind = _QUOTED_KINDS.get(match["noun"], "cluster")
        written = text[start:end]
        # named by the words before its noun (台灣杉五號, not …超級電腦 in pinyin)
        named = text[start : start + len(stem)].strip()
        # (its span the words before its noun: a name already known there, 通义千问,
        # is that thing, no new one)
        # (a site's noun in English after its name: 光阳湾AI运算中心, Guangyangwan AI
        # computing centre)
        noun = match["noun"]
        latin = gloss or (
            site_in_latin(named, noun) if noun in SITE_IN_ENGLISH else in_latin(named)
        )
        found[bare] = ChineseName(start, start + len(bare), latin, kind, (written,))
    return list(found.values())


# A site's noun after its place (呼和浩特智算中心, 庆阳基地, 韦科资料中心园区), and
# its English; the text is folded to Simplified Chinese.
_SITE_NOUNS = {
    "数据中心园区": "data centre campus", "资料中心园区": "data centre campus",
    "智算中心": "AI computing centre", "算力中心": "AI computing centre",
    "超算中心": "supercomputing centre", "计算中心": "computing centre",
    "超级电脑中心": "supercomputing centre", "超级计算中心": "supercomputing centre",
    "超级计算机中心": "supercomputing centre",
    "数据中心": "data centre", "资料中心": "data centre", "基地": "base", "园区": "campus",
}  # fmt: skip
# …and the nouns a site's whole name ends in (“青城智算中心”, “砺川·中卫万卡集群”)
SITE_IN_ENGLISH = _SITE_NOUNS | {
    "集群": "cluster",
    "丛集": "cluster",
    "运算中心": "computing centre",
    "超级运算中心": "supercomputing centre",
}


def site_in_latin(name: str, noun: str) -> str:
    """A site's name in Latin letters, its noun in English (光阳湾AI运算中心: Guangyangwan
    AI computing centre), AI written once (竹泉AI智算中心: Zhuquan AI computing centre)."""
    latin, english = in_latin(name), SITE_IN_ENGLISH[noun]
    if english.startswith("AI "):
        latin = latin.removesuffix(" AI")
    return f"{latin} {english}"


# A plant's noun after its place (泰勒工厂, 熊本晶圆厂): a company's project, no site of
# chips (not 厂 alone, a maker's word in Taiwan's press: 散热厂, 代工厂).
_PLANT_NOUNS = {"晶圆厂": "fab", "工厂": "plant"}
_SITE_OR_PLANT_NOUNS = _SITE_NOUNS | _PLANT_NOUNS
_SITE = re.compile(
    # (an AI between: 高雄AI超级电脑中心)
    rf"(?P<name>[{HAN}]{{2,6}}?)(?:ai)?"
    rf"(?P<noun>{'|'.join(sorted(_SITE_OR_PLANT_NOUNS, key=len, reverse=True))})"
)
# Before a plant's noun, what makes it a foundry, a kind of maker or of plant, no place
# (晶圆代工厂, 加工厂, 机柜工厂, 组装工厂, 成熟制程晶圆厂, 逻辑晶圆厂, 灯塔工厂).
_NO_PLANT = re.compile(
    r"(?:代|加|化|晶圆|芯片|电子|半导体|封装|封测|机柜|组装|制程|工艺|逻辑|存储|灯塔|黑灯|示范|标杆"
    r"|服务器|零部件|模组|面板|电池|汽车|智能|数字|超级|自有|海外|全球|成熟|先进|新|旧|老|大|小)$"
)
# Before a place, words that say it is one (得克萨斯州泰勒, 位于墨西哥, 在熊本).
_A_PLACE_AFTER = re.compile(r"(?:州|省|市|县|国|位于|在|于|赴|到|落户)$")
# Words before a plant's noun that say which or what is done to it, no place (当地工厂,
# 第二工厂, 关闭工厂, 收购工厂).
_NO_PLANTS_PLACE = re.compile(
    r"当地|本地|第[一二三四五六七八九十\d]|关闭|收购|下游|上游|原有|同一|该|这|此|新|旧|其"
)
# Words of news prose that open a phrase before a site's noun, no place's name: how
# many, which, what is done to it, when (所有数据中心, 建设数据中心, 目前数据中心).
_NOT_A_PLACE = re.compile(
    r"^(?:所有|全部|部分|各地|各个|各|每座|每个|每|一座|一个|多个|多座|两座|三座|这些|这座|那座|首座"
    r"|建设|新建|扩建|在建|自建|兴建|筹建|运营|负责|管理|租用|采购|投资|合作|部署|使用|拥有|目前|未来"
    r"|现有|现在|当前|此前|客户|用户|全国|国内|海外|其他|其它|相关|主要|大量|多数|少数|更多|更大"
    # (a region's, no place: 中东数据中心项目)
    rf"|{REGIONS})"
)
# Words before a site's noun that say what it is for, not where (生产基地, 研发中心).
_NO_PLACE = re.compile(
    r"(?:生产|研发|制造|封测|封装|测试|产业|创新|示范|试点|枢纽|节点|核心|重点|[型级类式]"
    # (an institution's, no place: 中国移动研究院智算中心)
    r"|研究院|研究所|实验室|学院|大学)$"
    # …alone (国家智算中心); after a place they are part of its name (西部国家智算中心)
    r"|^(?:国家|区域|省级|市级|地方|城市)$"
)
# What follows a site's noun when it names a line of business (数据中心业务, 数据中心营收).
_BUSINESS = re.compile(r"(?:业务|营收|收入|部门|事业|板块|市场)")
PLACE = 4  # a place's name is at most this long; a longer site name holds more (新区)
ONCE_PLACE = 3  # …and a site's named once, at most this long
# A site referred back to, after it is named (该中心, 这座智算中心, 该园区).
_REFERRED_SITE = re.compile(
    r"(?:该|这座|这个|此)(?:智算|数据|资料|算力|超算|计算)?(?:中心|园区|基地)"
)
_PHASE_AFTER = re.compile(SITE_PHASE)


def sites(
    text: str, folded: str, times: Times | None = None, owners: Collection[str] = ()
) -> list[ChineseName]:
    """Sites named by their place before a site's noun (呼和浩特智算中心, 庆阳基地), the
    place written again in the article (呼和浩特基地, 在呼和浩特部署): one site per
    place, by all the nouns the article gives it. A longer name (和林格尔新区智算中心,
    西部国家智算中心) is the site of the place that starts it (和林格尔, 西部). The
    place may start right after one of ``owners`` (folded names of companies: 中国移动庐州
    智算中心), where the text names it whole (not 阿里 inside 阿里云)."""
    named = _Owners(folded, owners)
    times = times or Times(folded)  # one count of the article, shared by the callers
    written: list[tuple[int, int, str, str]] = []  # (start, end, noun, name)
    for match in _SITE.finditer(folded):
        if _BUSINESS.match(folded, match.end()):
            continue  # 迈威尔数据中心业务: a company's line of business, no site
        if match["noun"] in _PLANT_NOUNS and _NO_PLANT.search(match["name"]):
            continue  # 晶圆代工厂: a foundry, no plant
        name = _place_before(folded, match.start("name"), match.end("name"), named)
        if name is not None:
            written.append((match.end("name") - len(name), match.end(), match["noun"], name))
    names = {name for *_, name in written}
    by_place: dict[str, list[tuple[int, int, str]]] = {}
    for start, end, noun, name in written:
        # the shortest name written that starts this one: its place (a look-up per
        # length of the name, not a scan of every place)
        place = next(name[:size] for size in range(2, len(name) + 1) if name[:size] in names)
        by_place.setdefault(place, []).append((start, end, noun))
    found = []
    for place, sited in by_place.items():
        start, end, noun = sited[0]
        if noun in _PLANT_NOUNS and not _a_plants_place(folded, place, sited, named):
            continue
        if times(place) < 2 and (len(place) <= PLACE or times(place[:PLACE]) < 2):
            # a place named once: a word of the sentence as likely as a place, unless a
            # short one after 的 whose site the article goes on about (运营的贵安智算中心。
            # …该中心)
            if not (
                len(place) <= ONCE_PLACE
                and folded.endswith("的", 0, start)
                and _REFERRED_SITE.search(folded, end)
            ):
                continue
        # (阳泉智算中心三期: the phase written after it, the name of what is built there)
        spans = [(at, end) for at, end, _ in sited]
        phased = [(at, p.end()) for at, end in spans if (p := _PHASE_AFTER.match(folded, end))]
        aliases = tuple(dict.fromkeys(text[at:end] for at, end in [*spans, *phased]))
        kind = "project" if noun in _PLANT_NOUNS else "cluster"
        latin = f"{in_latin(place)} {_SITE_OR_PLANT_NOUNS[noun]}"
        found.append(ChineseName(start, start + len(place), latin, kind, aliases))
    return found


# A policy's title in book brackets (《国家人工智能算力蓝图（2026—2030）》), by the word
# that ends it; a newspaper's (《金融时报》) ends in none of them.
# (not a report, a white paper or a law: a report's figures are its findings, a law's
# subsidies go to whom it names)
_DOCUMENT_TITLE = re.compile(
    r"《(?P<title>[^《》\n]{2,40}?(?P<head>行动计划|行动方案|方案|蓝图|规划|计划|纲要|战略|指导意见|意见)"
    r"(?P<years>[（(][\d—–\-~至年 ]+[）)])?)》"
)
_DOCUMENT_HEADS = {
    "行动计划": "Action Plan", "行动方案": "Action Plan", "方案": "Plan", "蓝图": "Blueprint",
    "规划": "Plan", "计划": "Plan", "纲要": "Outline", "战略": "Strategy",
    "指导意见": "Guidelines", "意见": "Guidelines",
}  # fmt: skip
# Heads no other phrase uses, so the article's 蓝图 alone is the title it gave (not
# 方案 or 计划: 替代方案, 计划在…).
_DISTINCT_HEADS = frozenset({"蓝图", "纲要"})


def documents(text: str, folded: str) -> list[ChineseName]:
    """Policies named by their titles in book brackets: a project, named by its title
    as written, without its years, and by its head alone where that is no common word."""
    found: dict[str, ChineseName] = {}
    for match in _DOCUMENT_TITLE.finditer(folded):
        start, end = match.span("title")
        stem_end = match.start("years") if match["years"] else end
        title = text[start:stem_end]
        if title in found or match.start("head") - start < 2:
            continue
        aliases = dict.fromkeys((text[start:end], title))
        if match["head"] in _DISTINCT_HEADS:
            aliases[text[match.start("head") : match.end("head")]] = None
        stem = title[: match.start("head") - start]
        latin = f"{in_latin(stem)} {_DOCUMENT_HEADS[match['head']]}"
        found[title] = ChineseName(start, end, latin, "project", tuple(aliases))
    return list(found.values())


# What a place's name starts after: a stop or a joining word, but not 和, which may
# start one (呼和浩特, 和林格尔).
_BEFORE_PLACE = re.compile(f"[^{HAN}]|[{JOINING.replace('和', '')}]")


class _Owners:
    """Where a text names companies whole (the longest name at each place: 阿里云, not its
    阿里): the ends a place may start at, and the places inside a name."""

    def __init__(self, folded: str, names: Collection[str]) -> None:
        self.ends: set[int] = set()
        self.inside: set[int] = set()
        self.names: dict[int, str] = {}  # the name ending at each of ``ends``
        if not names:
            return
        pattern = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        for match in re.finditer(pattern, folded):
            self.ends.add(match.end())
            self.names[match.end()] = match.group()
            self.inside.update(range(match.start() + 1, match.end()))

    def holds(self, begin: int, end: int, folded: str) -> bool:
        """Whether ``folded[begin:end]`` starts inside a company's name, holds one, or
        goes on with a suffix right after one (阿里|云: 阿里云's)."""
        return (
            begin in self.inside
            or any(begin < at < end for at in self.ends)
            or begin in self.ends
            and _SUFFIX.match(folded, begin) is not None
        )


def _a_plants_place(
    folded: str, place: str, sited: list[tuple[int, int, str]], owners: _Owners
) -> bool:
    """Whether a plant's place (泰勒工厂) is written as a place somewhere (得克萨斯州泰勒,
    在泰勒), one company's plant there (not 鸿海墨西哥工厂 beside 广达墨西哥工厂: two)."""
    whose = {owners.names.get(at) for at, _, _ in sited}
    if len(whose - {None}) > 1 or _NO_PLANTS_PLACE.match(place):
        return False
    return any(
        _A_PLACE_AFTER.search(folded, max(0, found.start() - 2), found.start())
        for found in re.finditer(re.escape(place), folded)
    )


def _place_before(folded: str, first: int, end: int, owners: _Owners | None = None) -> str | None:
    """The place's name ending at ``end`` (before a site's noun), starting no earlier
    than ``first``: the longest that starts after a stop, a joining word, a province,
    其 or a company's name (by its suffix, or one of ``owners``); None when what is
    there says what the site is for."""
    for begin in range(first, end - 1):
        name = folded[begin:end]
        if folded.endswith("其", 0, begin) and name.startswith("中"):
            continue  # 其中: "of which", no place
        if owners is not None and owners.holds(begin, end, folded):
            continue  # 百度阳泉, 阿里|云乌兰察布: the company's name, before its place
        # not after a Latin name: the words are the sentence's (Dell'Oro负责数据中心…)
        latin = begin > 0 and folded[begin - 1].isascii() and folded[begin - 1].isalnum()
        opens = begin == 0 or not latin and _BEFORE_PLACE.match(folded, begin - 1) is not None
        if (
            not opens
            and not folded.endswith(("其", "其中", *PROVINCES, *_COMPANY_ENDINGS), 0, begin)
            and (owners is None or begin not in owners.ends)
        ):
            continue  # 其中呼和浩特, 澜海云乌兰察布: the word before is no part of it
        if _TRADE_WORD.search(name) or _NO_PLACE.search(name):
            return None  # what the site is for, however long the name before it
        if _NOT_A_PLACE.match(name):
            continue  # 所有数据中心, 建设数据中心: a word of the sentence
        if not (_NOT_IN_NAME.search(name) or _NO_STEM.match(name) or _KIND_AT.search(name)):
            return without_province(name)  # 宁夏中卫数据中心: the place is 中卫
    return None


_CJK_RUN = re.compile(f"[{HAN}]+")


def in_latin(name: str) -> str:
    """A name with Chinese in it, in Latin letters: 灵犀100 → Lingxi 100."""
    from pypinyin import lazy_pinyin  # lazy: 130 ms, only for a name with no Latin form

    spelled = _CJK_RUN.sub(lambda m: f" {''.join(lazy_pinyin(m.group())).capitalize()} ", name)
    spelled = re.sub("[·‧]", " ", spelled)  # 百舸·天工, Taiwan's 百舸‧天工 → Baige Tiangong
    return re.sub(r"\s*-\s*", "-", " ".join(spelled.split()))  # 天枢-3 → Tianshu-3
