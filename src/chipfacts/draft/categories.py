"""Things an article counts as one that no single company makes: China's own AI
chips (国产AI芯片, 国产加速卡, 国产训练卡), whose share of a market or output is
news of its own. Every form the article writes is one proposed entity, so 国产AI
加速卡的份额升至约48% is that category's share, not the last company's before it.
"""

from __future__ import annotations

import re

from chipfacts.draft.chinese_names import ChineseName
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


def is_domestic(entity: Entity) -> bool:
    """Whether ``entity`` is the category of China's own chips ``domestic`` proposes."""
    return entity.name.startswith(_NAME)
