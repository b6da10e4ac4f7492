"""Named things the store lacks: proposed as entities before the article is read.

A claim about a company the store does not know is otherwise put on one it does
(该公司 after 甲骨文 would be the last known company), so each name an article
gives that the store lacks is proposed first and read as a name like the
store's (``designations.ProposedStore``):

- a name of the industry (``industry.INDUSTRY``: 甲骨文, SK海力士, 摩根士丹利);
- a name glossed in the other script, 甲骨文(Oracle) or Oracle(甲骨文): a person
  when the Chinese has a middle dot or the Latin is two capitalised words after
  a title, else a company;
- a Latin name introduced by the noun of its kind (初创公司Groq, 服务器CPU Axion,
  云服务商CoreWeave) or followed by 公司 (Groq公司).

The maker of a proposed product is the company named last before it in its
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from chipfacts.draft.context import TITLE_AT_END, TITLES
from chipfacts.draft.designations import Proposed, maker_before, slug
from chipfacts.draft.industry import INDUSTRY
from chipfacts.draft.vocabulary import key_text, occurrences
from chipfacts.model.records import Entity
from chipfacts.store.store import Store
from chipfacts.text.normalize import fold, name_key

# A Latin name: capitalised words or a word with a capital inside (CoreWeave,
# d-Matrix), at most four; not an acronym alone (GPU, HBM), which says no name.
_LATIN = r"[A-Za-z][A-Za-z0-9&.\-]*(?:\s[A-Z][A-Za-z0-9&.\-]*){0,3}"
# 甲骨文(Oracle): Chinese, then the Latin name in brackets; Oracle(甲骨文) the other way.
_CHINESE_LATIN = re.compile(
    r"(?P<chinese>[\u3400-\u9fff·・]{2,12})\s*[(（]\s*(?P<latin>" + _LATIN + r")\s*[)）]"
)
_LATIN_CHINESE = re.compile(
    r"(?<![A-Za-z0-9])(?P<latin>" + _LATIN + r")\s*"
    r"[(（]\s*(?P<chinese>[\u3400-\u9fff·・]{2,8})\s*[)）]"
)
# The description before a Chinese name (美国云服务商甲骨文, 首席执行官苏姿丰): it ends
# with one of these, or a title.
_DESCRIBED = re.compile(
    r".*(?:公司|企业|企業|巨头|巨頭|服务商|服務商|厂商|廠商|机构|機構|银行|銀行|集团|集團|媒体|初创|新创|对手|客户|"
    + "|".join(t for t in TITLES if not t.isascii())
    + ")"
)
# A gloss that names a technique or a kind of thing, not a company: 先进封装(CoWoS),
# 高带宽内存(HBM).
_TERM = re.compile(
    r"(?:封装|内存|显存|技术|架构|工艺|制程|平台|服务|网络|协议|标准|模型|接口|互连|互联|带宽|存储"
    r"|系统|软件|框架|算法|单元|芯片|处理器|加速器|网卡|交换机|集群)$"
)
_DOTTED_NAME = re.compile(r"[\u3400-\u9fff]{1,4}[·・][\u3400-\u9fff]{1,6}$")
# 初创公司Groq, 服务器CPU Axion, Groq公司: a Latin name and the noun of its kind
# (matched in the folded text: Simplified, lower case).
_KIND_NOUNS = {
    "company": "初创公司|芯片公司|公司|初创企业|企业|云服务商|服务商|厂商|新创|研究机构|机构|银行",
    "chip": "芯片|处理器|cpu|加速器",
    "nic": "网卡|交换机|交换芯片",
    "cluster": "超级计算机|超级电脑|集群|数据中心",
}
_FOLDED_LATIN = r"(?P<latin>[a-z][a-z0-9&.\-]*(?:\s[a-z0-9][a-z0-9&.\-]*){0,3})"
_KIND_BEFORE = re.compile(r"(?P<noun>" + "|".join(_KIND_NOUNS.values()) + r")\s*" + _FOLDED_LATIN)
_COMPANY_AFTER = re.compile(r"(?<![a-z0-9])" + _FOLDED_LATIN + r"\s*(?:公司|集团)")
INDUSTRY_NAME = "a name of the industry the store lacks"
NAMED = "named in the article, not in the store"
_NOUN_KIND = {noun: kind for kind, nouns in _KIND_NOUNS.items() for noun in nouns.split("|")}
# A Latin word that names no thing: the common acronyms and words of the field.
_NO_NAME = re.compile(r"[A-Z0-9]{1,5}|AI\w*|The|A|An|In|On|For|With|By|Of|And|Or|To|At", re.ASCII)


def newcomers(
    store: Store, text: str, folded: str, companies: Sequence[tuple[int, Entity]]
) -> list[Proposed]:
    """The things ``text`` names that ``store`` lacks, each proposed once."""
    found: dict[str, Proposed] = {}

    def add(
        name: str, kind: str, why: str, aliases: Iterable[str] = (), maker: str | None = None
    ) -> None:
        names = [name, *aliases]
        if any(store.entity_rows(name_key(n)) for n in names):
            return
        keys = {name_key(n) for n in names}
        if keys & found.keys():
            return
        ident = slug(name)
        if not ident or ident in store.entities:
            return
        proposed = Proposed(
            Entity(ident, name, kind, tuple(a for a in aliases if a != name), maker), None, why
        )
        for key in keys:
            found[key] = proposed

    keys = key_text(folded)
    for known in INDUSTRY:
        if any(occurrences(keys, folded, name_key(n)) for n in (known.name, *known.aliases)):
            maker = known.maker if known.maker in store.entities else None
            add(known.name, known.kind, INDUSTRY_NAME, known.aliases, maker)
    for match in _CHINESE_LATIN.finditer(text):
        latin = " ".join(match["latin"].split())
        start = _chinese_name(folded, match.start("chinese"), match.end("chinese"))
        glossed = folded[match.start("chinese") : match.end("chinese")]
        if _names_something(latin) and start is not None and not _TERM.search(glossed):
            chinese = text[start : match.end("chinese")]
            before = folded[max(0, match.start() - 12) : start]
            add(latin, _glossed_kind(chinese, latin, before), NAMED, (chinese,))
    for match in _LATIN_CHINESE.finditer(text):
        latin, chinese = " ".join(match["latin"].split()), match["chinese"]
        glossed = folded[match.start("chinese") : match.end("chinese")]
        if _names_something(latin) and not _TERM.search(glossed):
            add(latin, _glossed_kind(chinese, latin, ""), NAMED, (chinese,))
    for match in _KIND_BEFORE.finditer(folded):
        named = _latin_name(text, match.start("latin"), match.end("latin"))
        if named is not None:
            kind = _NOUN_KIND.get(match["noun"], "company")
            made = None if kind == "company" else maker_before(companies, folded, match.start())
            add(named, kind, NAMED, (), made.id if made is not None else None)
    for match in _COMPANY_AFTER.finditer(folded):
        named = _latin_name(text, match.start("latin"), match.end("latin"))
        if named is not None:
            add(named, "company", NAMED)
    return list({id(p): p for p in found.values()}.values())


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
    dotted = _DOTTED_NAME.search(run, at)
    if dotted is not None:
        return start + dotted.start()
    return start + at if 2 <= len(run) - at <= 8 else None


def _glossed_kind(chinese: str, latin: str, before: str) -> str:
    """A person when the Chinese name has a middle dot (托马斯·库里安), or a title
    comes just before two capitalised Latin words; else a company."""
    if "·" in chinese or "・" in chinese:
        return "person"
    words = latin.split()
    titled = TITLE_AT_END.search(fold(before).rstrip())
    if len(words) == 2 and all(w[0].isupper() for w in words) and titled:
        return "person"
    return "company"
