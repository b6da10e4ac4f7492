"""Named things the store lacks: proposed as entities before the article is read.

A claim about a company the store does not know is otherwise put on one it does
(该公司 after 甲骨文 would be the last known company), so each name an article
gives that the store lacks is proposed first and read as a name like the
store's (``designations.ProposedStore``):

- a name of the industry (``industry.INDUSTRY``: 甲骨文, SK海力士, 摩根士丹利),
  or another name of one the store has (輝達 for its 英伟达);
- a name glossed in the other script, 甲骨文(Oracle) or Oracle(甲骨文): a person
  when the Chinese has a middle dot or the Latin is two capitalised words after
  a title, else a company;
- a Latin name introduced by the noun of its kind (初创公司Groq, 服务器CPU Axion,
  云服务商CoreWeave) or followed by 公司 (Groq公司);
- a Chinese name with no Latin form (``chinese_names``: a person after a title,
  天翼云副总经理周立群; a company by its suffix, 初创公司峰睿科技);
- a company's product: its name, then a designation or a Latin name (峰睿F3,
  輝達Rubin), and the other designations of those letters (上一代F2).

The maker of a proposed product is the company named last before it in its
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from chipfacts.draft import chinese_names
from chipfacts.draft.context import TITLE_AT_END, TITLES
from chipfacts.draft.designations import Proposed, maker_before, slug
from chipfacts.draft.industry import INDUSTRY
from chipfacts.draft.vocabulary import find_entities, key_text, occurrences
from chipfacts.model.records import Entity
from chipfacts.store.store import Store
from chipfacts.text.normalize import fold, fold_in_place, has_cjk, name_key

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
# 巴伦·冯, 安德烈·卡帕西: a transliterated name, no joining word inside (基础设施的巴伦·冯)
_DOTTED_NAME = re.compile(
    r"(?:(?![的和与及在是了为将对等])[\u3400-\u9fff]){1,4}[·・][\u3400-\u9fff]{1,6}$"
)
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
# A product's name after its maker's: a designation (F3, HBM4, MI355X) or a
# capitalised word (Rubin), not a company's own word (Nvidia Corp).
_PRODUCT_NAME = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z]*\d+[A-Za-z0-9]*|[A-Z][a-z]{2,}[A-Za-z]*)(?![A-Za-z0-9])"
)
_GENERATIONS = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}\d{1,4}[A-Z]?(?![A-Za-z0-9])")
_LETTERS_DIGITS = re.compile(r"(?P<letters>[A-Z]{1,4})\d{1,4}[A-Z]?")
_COMPANY_WORDS = frozenset(
    "Technology Technologies Semiconductor Microelectronics Electronics Memory Group "
    "Intelligence Information Optoelectronics Corp Corporation Inc Ltd Holdings Systems".split()
)
# GPU1000倍, CPU2: the kind of chip and a number, no product's name
_KINDS_OF_CHIP = frozenset({"GPU", "CPU", "NPU", "DPU", "XPU", "FP", "INT", "AI", "PCIE", "DDR"})
# 微軟Ignite大會: an event of the company, not its product
_EVENT = re.compile(
    r"\s*(?:[^\s，,。]{0,4}(?:大会|峰会|会议|发布会|活动|论坛|展会)|conference|summit|event)"
)
_NOT_PRODUCT = _COMPANY_WORDS | {"Research", "Labs", "Capital", "Cloud", "Said", "Says"}
# A product introduced by its kind and named in quotes (推理芯片“灵犀100”).
_QUOTED_AFTER_KIND = re.compile(
    r"(?P<noun>芯片|加速器|处理器|网卡|交换芯片|交换机|集群|超级计算机)\s*[“「\"'](?P<name>[^”」\"'\n，,。]{2,16})[”」\"']"
)
# A model number after a line's name (昇腾910C, Ascend 910B): digits, a letter or two.
_MODEL_NUMBER = r"\s?(?P<model>\d{2,4}[a-z]{0,2})(?![a-z0-9])"
# A designation this long names a product by itself (B200, HBM4; not F3).
DISTINCTIVE = 4
# How far before a product's name its maker's name may start.
MAKER_NAME = 14
INDUSTRY_NAME = "a name of the industry the store lacks"
NAMED = "named in the article, not in the store"
_NOUN_KIND = {noun: kind for kind, nouns in _KIND_NOUNS.items() for noun in nouns.split("|")}
# A Latin word that names no thing: the common acronyms and words of the field.
_NO_NAME = re.compile(r"[A-Z0-9]{1,5}|AI\w*|The|A|An|In|On|For|With|By|Of|And|Or|To|At", re.ASCII)


class Newcomers(NamedTuple):
    proposed: list[Proposed]
    # other names of the store's own entities (輝達 for Nvidia): name key -> row
    other_names: dict[str, int]


def newcomers(
    store: Store, text: str, folded: str, companies: Sequence[tuple[int, Entity]]
) -> Newcomers:
    """The things ``text`` names that ``store`` lacks, each proposed once."""
    found: dict[str, Proposed] = {}
    other_names: dict[str, int] = {}
    by_other_name: list[tuple[str, Entity]] = []  # the store's entities, by every name

    def add(
        name: str,
        kind: str,
        why: str,
        aliases: Iterable[str] = (),
        maker: str | None = None,
        ident: str | None = None,
    ) -> Entity | None:
        names = [name, *aliases]
        keys = {name_key(n) for n in names}
        rows = [row for key in keys for row in store.entity_rows(key)]
        if rows:
            # a name the store has: the others are its other names (輝達 beside 英伟达)
            if len(set(rows)) == 1:
                # as the article is read, character by character (輝達 is 辉达 there,
                # though OpenCC's phrase table makes the name 英伟达)
                written = {key_text(fold_in_place(n)).keys for n in names}
                other_names.update((k, rows[0]) for k in written if not store.entity_rows(k))
                by_other_name.extend((fold_in_place(n), store.entity_at(rows[0])) for n in names)
            return None
        for key in keys:
            if key in found:
                return found[key].entity
        ident = ident or slug(name)
        if not ident or ident in store.entities:
            return None
        entity = Entity(ident, name, kind, tuple(a for a in aliases if a != name), maker)
        proposed = Proposed(entity, None, why)
        for key in keys:
            found[key] = proposed
        return entity

    # A name inside one the store has (Dell in Dell'Oro Group) is no new name
    named = bytearray(len(text))
    for mention in find_entities(store, text, folded):
        named[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def free(start: int, end: int) -> bool:
        return not any(named[start:end])

    keys = key_text(folded)
    for known in INDUSTRY:
        if any(
            free(start, end)
            for n in (known.name, *known.aliases)
            for start, end in occurrences(keys, folded, name_key(n))
        ) or any(store.entity_rows(name_key(n)) for n in (known.name, *known.aliases)):
            proposed_ids = {p.entity.id for p in found.values()}
            maker = known.maker if known.maker in (*store.entities, *proposed_ids) else None
            add(known.name, known.kind, INDUSTRY_NAME, known.aliases, maker, known.id)
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
    for written in (*chinese_names.people(text, folded), *chinese_names.companies(text, folded)):
        if free(written.start, written.end):
            add(written.latin, written.kind, NAMED, written.aliases)
    for match in _KIND_BEFORE.finditer(folded):
        latin_name = _latin_name(text, match.start("latin"), match.end("latin"))
        if latin_name is not None and free(*match.span("latin")):
            kind = _NOUN_KIND.get(match["noun"], "company")
            made = None if kind == "company" else maker_before(companies, folded, match.start())
            add(latin_name, kind, NAMED, (), made.id if made is not None else None)
    for match in _COMPANY_AFTER.finditer(folded):
        latin_name = _latin_name(text, match.start("latin"), match.end("latin"))
        if latin_name is not None and free(*match.span("latin")):
            add(latin_name, "company", NAMED)
    for line, model in _models_of_lines(text, folded, store, found):
        number = text[model.start("model") : model.end("model")]
        as_written = text[model.start() : model.end()]
        add(f"{line.name} {number}", "chip", NAMED, (as_written,), line.maker)
    makers = _company_names(store, found, by_other_name)
    for product in _branded(text, folded, makers, named):
        add(product.name, "chip", NAMED, product.aliases, product.maker)
    for match in _QUOTED_AFTER_KIND.finditer(folded):
        quoted = text[match.start("name") : match.end("name")].strip()
        made = _last_maker_before(folded, match.start(), makers)
        kind = _NOUN_KIND.get(match["noun"], "chip")
        latin = chinese_names.in_latin(quoted) if has_cjk(quoted) else quoted
        add(latin, kind, NAMED, (quoted,), made.id if made is not None else None)
    proposed = list({id(p): p for p in found.values()}.values())
    return Newcomers(proposed, other_names)


def _models_of_lines(
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


def _last_maker_before(folded: str, at: int, makers: dict[str, Entity]) -> Entity | None:
    """The company named last before ``at`` in its sentence."""
    start = max(folded.rfind(stop, 0, at) for stop in "。！？\n") + 1
    found: tuple[int, Entity] | None = None
    for name, company in makers.items():
        place = folded.rfind(name, start, at)
        if place >= 0 and (found is None or place > found[0]):
            found = (place, company)
    return found[1] if found is not None else None


class _Product(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    maker: str


def _company_names(
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


def _branded(text: str, folded: str, makers: dict[str, Entity], named: bytearray) -> list[_Product]:
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
            or _EVENT.match(folded, match.end())
            or any(named[match.start() : match.end()])
        ):
            continue
        before = folded[max(0, match.start() - MAKER_NAME) : match.start()]
        written = before.rstrip()
        written = written[:-1] if written.endswith("的") else written
        maker_name = next((n for n in makers if written.endswith(n)), None)
        if maker_name is None:
            continue
        maker, designation = makers[maker_name], match.group()
        start = match.start() - len(before) + len(written) - len(maker_name)
        branded = found.setdefault((maker.id, designation), (maker, []))[1]
        # 英伟达的B200 is a phrase, no name: it counts, not as an alias
        branded.append(text[start : match.end()])
        for other in _GENERATIONS.finditer(text):
            if _same_line(designation, other.group()):
                found.setdefault((maker.id, other.group()), (maker, []))
    owners: dict[str, set[str]] = {}
    for maker_id, designation in found:
        owners.setdefault(designation, set()).add(maker_id)
    products = []
    for (_, designation), (maker, branded) in found.items():
        alone = len(owners[designation]) == 1 and _alone(text, designation, branded)
        if not branded and not alone:
            continue  # a generation named only by a designation another maker brands
        qualified = f"{_short_name(maker)} {designation}"
        branded = [b for b in branded if "的" not in b]
        if len(owners[designation]) == 1 and len(designation) >= DISTINCTIVE:
            name, aliases = designation, [qualified, *branded]
        else:
            name, aliases = qualified, [*branded, *([designation] if alone else [])]
        products.append(_Product(name, tuple(dict.fromkeys(aliases)), maker.id))
    return products


def _short_name(maker: Entity) -> str:
    """A company's name as its products carry it: Fengrui Technology F3 is Fengrui F3."""
    words = maker.name.split()
    if len(words) > 1 and words[-1] in _COMPANY_WORDS:
        words = words[:-1]
    return " ".join(words)


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
