"""Things an article counts as one that no single company makes: China's own AI
chips (国产AI芯片, 国产加速卡, 国产训练卡) and the custom chips cloud companies have
designed for them (定制ASIC, 云端自研ASIC), whose share of a market or output is
news of its own. Every form the article writes is one proposed entity, so 国产AI
加速卡的份额升至约48% is that category's share, not the last company's before it.
A form followed by a market, its makers or its business (国产芯片市场, ASIC客户,
博通的ASIC业务) is no mention of the category (``the_things_themselves``).
"""

from __future__ import annotations

import re

from chipfacts.draft.chinese_names import ChineseName
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Entity

# 国产 and a noun of chips or cards (the text folded: Simplified, lower case); not a
# maker of them (国产芯片厂商), a chain of supply (国产芯片产业链) or a market where
# companies have shares (曦衡在国产AI训练芯片市场的份额).
_DOMESTIC = re.compile(
    r"国产\s*(?P<noun>(?:ai|gpu)?\s*(?:算力芯片|训练芯片|推理芯片|训练卡|推理卡|加速卡|加速器|芯片|gpu|卡))"
    r"(?!厂|企业|公司|供应|产业|设计|制造|市场)"
)
# How the category's proposed name starts (``domestic``).
_NAME = "Chinese domestic "
# Custom chips: ASIC with who designs them (云端业者自研ASIC: the clouds' own), or where
# a clause, a list or a year's figure starts, alone or custom-made (定制ASIC, 客製化ASIC,
# ASIC出货量将增长约55%, 今年ASIC出货量, 谷歌TPU等ASIC; 以博通为代表的定制ASIC阵营;
# 超大规模云厂商的自研ASIC);
# not a company's (博通的ASIC, 谷歌自研ASIC, 其ASIC), one of them (首款云端ASIC, 该定制
# ASIC), a gloss (定制AI芯片（ASIC）: the name before says what it is), nor English (the
# words after a category's name that say it is no category are Chinese).
_CUSTOM = re.compile(
    r"(?:云端(?:业者|厂商)?(?:自研)?\s*(?:ai\s*)?asic"
    r"|(?:^|(?<=[，。；：、“「等年和与及]))(?:定制化?|客制化|自研)?\s*(?:ai\s*)?asic"
    # (以博通为代表的定制ASIC, 超大规模云厂商的自研ASIC: makers of a kind, no one company's)
    r"|(?:(?<=代表的)|(?<=商的|者的|厂的|头的))(?:定制化?|客制化|自研)\s*(?:ai\s*)?asic)"
    r"(?:\s*阵营)?(?=[\u4e00-\u9fff，。；：、”」）]|$)"
)
# Before a category's name: one of them, counted or pointed at (首款云端ASIC, 该定制ASIC;
# not 整个, 尤其 or 极其).
_ONE_OF_THEM = re.compile(r"(?<![整尤极])[款颗个首该这其](?:云端|定制化?|客制化|自研)?\s*$")
_ONE_REACH = 5
# The custom chips' name (``custom``).
CUSTOM_NAME = "Custom AI ASICs"
# After a category: a market (国产芯片市场), its makers (国产芯片厂商, ASIC设计服务厂),
# its chain of supply or its business (ASIC业务, ASIC专案, ASIC客户, ASIC伺服器).
_NOT_THE_THING = re.compile(
    r"\s*(?:厂|企业|公司|供应|产业|设计|制造|市场|客户|业务|专案|项目|工程师|伺服器|服务器"
    r"|营收|收入|订单|大单|业者|相关|服务|领域|赛道|方案|团队|部门|芯片设计)"
)
# The English of each noun, for the entity's name.
_ENGLISH = {
    "算力芯片": "compute chips", "训练芯片": "training chips", "推理芯片": "inference chips",
    "训练卡": "training cards", "推理卡": "inference cards", "加速卡": "accelerators",
    "加速器": "accelerators", "芯片": "chips", "gpu": "GPUs", "卡": "cards",
}  # fmt: skip


def domestic(text: str, folded: str) -> ChineseName | None:
    """China's own chips, by every form the article writes (国产AI加速卡, 国产芯片),
    named for the first: Chinese domestic AI accelerators."""
    found = list(_DOMESTIC.finditer(folded))
    if not found:
        return None
    first = "".join(found[0]["noun"].split())
    ai = "AI " if first.startswith(("ai", "gpu")) and first not in ("gpu",) else ""
    noun = first.removeprefix("ai").removeprefix("gpu") or first
    name = f"{_NAME}{ai}{_ENGLISH[noun]}"
    forms = tuple(dict.fromkeys(text[m.start() : m.end()] for m in found))
    return ChineseName(found[0].start(), found[0].end(), name, "product", forms)


def custom(text: str, folded: str) -> ChineseName | None:
    """The custom chips cloud companies have designed (定制ASIC, 云端自研ASIC), by
    every form the article writes where it is the thing itself."""
    found = [
        m
        for m in _CUSTOM.finditer(folded)
        if not _NOT_THE_THING.match(folded, m.end())
        and not _ONE_OF_THEM.search(folded, max(0, m.start() - 1), m.start())
    ]
    if not found:
        return None
    forms = tuple(dict.fromkeys(text[m.start() : m.end()] for m in found))
    return ChineseName(found[0].start(), found[0].end(), CUSTOM_NAME, "product", forms)


def is_kind_of_chips(entity: Entity) -> bool:
    """Whether ``entity`` is one of the categories this module proposes."""
    return is_domestic(entity) or entity.name == CUSTOM_NAME


def the_things_themselves(folded: str, mentions: list[Mention]) -> list[Mention]:
    """A category's mentions but where a market, its makers or its business follow
    it (峰睿在国产AI训练芯片市场的份额 is 峰睿's; 博通的ASIC业务 is 博通's). A
    category is no common noun waiting for its maker (ASIC出货量将增长约55%); one of
    them is no category (为谷歌打造的首款云端ASIC)."""
    return [
        m
        for m in mentions
        if not _NOT_THE_THING.match(folded, m.end)
        and not _ONE_OF_THEM.search(folded, max(0, m.start - _ONE_REACH), m.start)
    ]


def is_domestic(entity: Entity) -> bool:
    """Whether ``entity`` is the category of China's own chips ``domestic`` proposes."""
    return entity.name.startswith(_NAME)
