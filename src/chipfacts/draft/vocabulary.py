"""Where the store's names and attribute words occur in an article.

A name is found by its key (``normalize.name_key``: case, width, spacing,
hyphens and script ignored), the key search uses for an exact name, so an
article's 微軟, ``Maia 100`` and ``MI 300X`` are the store's Microsoft, Maia 100
and MI300X. Longer names win over the names inside them (``Azure Maia 100``
over ``Maia``); a Latin name must stand alone (``maia`` is not found in
``maia200``, nor ``ai`` in ``openai``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chipfacts.draft.cuewords import VALUE_CUES
from chipfacts.model.records import Entity, ValueType
from chipfacts.store.store import Store
from chipfacts.text.normalize import name_key

# A question word in an attribute's synonym (推出了多少款, 快几倍) stands for the number
# the answer gives: 推出了超过10款 answers it.
_QUESTION = re.compile(r"多少|几")
# bounded: an unbounded run of digits before a missing word is read again from each
# of its digits (quadratic in a long number)
_ANSWER = (
    r"(?:超过|至少|大约|将近|约|近|逾|不到|多于)?[0-9一二两三四五六七八九十百千万亿数几]{1,24}"
)


class Mention(NamedTuple):
    """A name or attribute word at ``start:end`` of the article (folded offsets = text offsets)."""

    start: int
    end: int
    row: int  # the entity's or attribute's row in the store
    word: str  # as written in the article


class KeyText(NamedTuple):
    """The article's letters and digits run together, and where each came from."""

    keys: str
    places: list[int]


def key_text(folded: str) -> KeyText:
    """``folded`` reduced the way ``name_key`` reduces a name, with offsets kept."""
    kept = [(char, at) for at, char in enumerate(folded) if char.isalnum() and char != "_"]
    return KeyText("".join(char for char, _ in kept), [at for _, at in kept])


def _stands_alone(folded: str, start: int, end: int) -> bool:
    """A Latin name's first and last letters are not part of a longer word."""
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    if folded[start].isascii() and before.isascii() and before.isalnum():
        return False
    return not (folded[end - 1].isascii() and after.isascii() and after.isalnum())


# A store's English word in the plural (orders, quotas, shipments) or the third
# person (rations) is the word still; other endings change it too much (start,
# a quota's synonym, is not "starting in the first quarter").
_INFLECTION = re.compile(r"(?:s|es)(?![a-z0-9])")
INFLECTED_SHORTEST = 4  # "ai" in "ais" or "use" in "uses" is too short to tell
# Plurals with a sense of their own: a company's shares are its stock, not its share.
_OWN_PLURALS = frozenset({"share"})


# The marks of prose, as the folded text writes them (its commas, colons and brackets
# ASCII), never inside an attribute's word (a name may hold them: a site's place in
# brackets).
_ACROSS_A_MARK = re.compile(r"[。、“”「」『』《》,;:!?()]")


def occurrences(
    text: KeyText, folded: str, key: str, inflected: bool = False
) -> list[tuple[int, int]]:
    """Where ``key`` stands as a whole name or word; with ``inflected``, an English
    word also in the plural (``order`` in ``orders``)."""
    found = []
    inflects = (
        inflected
        and len(key) >= INFLECTED_SHORTEST
        and key.isascii()
        and key.isalpha()
        and key not in _OWN_PLURALS
    )
    at = text.keys.find(key)
    while at >= 0:
        start, end = text.places[at], text.places[at + len(key) - 1] + 1
        if inflects:
            ending = _INFLECTION.match(folded, end)
            if ending is not None:
                end = ending.end()
        if _stands_alone(folded, start, end):
            found.append((start, end))
        at = text.keys.find(key, at + 1)
    return found


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Drop every mention overlapping a longer one; the rest in order of position."""
    kept: list[Mention] = []
    taken = bytearray(max((m.end for m in found), default=0))  # 1: a kept name's character
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if not any(taken[mention.start : mention.end]):
            kept.append(mention)
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(kept)


def find_entities(store: Store, text: str, folded: str) -> list[Mention]:
    """Every mention of a store entity, by id, name or alias, in either script."""
    keys = key_text(folded)
    found: list[Mention] = []
    for key in store.all_entity_keys:
        if len(key) < 2:  # one letter names nothing in prose
            continue
        for start, end in occurrences(keys, folded, key):
            word = text[start:end]
            for row in store.entity_rows(key):
                if (
                    _in_lower_case(word)
                    and _in_latin_prose(folded, start, end)
                    and not _named_in_lower_case(store.entity_at(row), key)
                ):
                    continue  # "a wave of smartphones": a word, not the name Wave
                found.append(Mention(start, end, row, word))
    return _longest_first(found)


def _in_lower_case(word: str) -> bool:
    """One word of Latin letters, none of them a capital (wave, atlas; not Wave,
    iPhone, H100, nor "high-bandwidth memory", a name prose writes in lower case)."""
    return word.isascii() and word.isalpha() and word.islower()


def _in_latin_prose(folded: str, start: int, end: int) -> bool:
    """Whether a word stands among Latin words, spaces and marks (English prose), not
    among Chinese characters (据tsmc透露, 据 tsmc 透露: a name, however written)."""
    # (a window's spaces, not the whole text's: a copy of all before each mention
    # would make a long article quadratic)
    before = folded[max(0, start - SPACES_AROUND) : start].rstrip()[-1:] or " "
    after = folded[end : end + SPACES_AROUND].lstrip()[:1] or " "
    return before.isascii() and after.isascii()


SPACES_AROUND = 8  # how far a word's neighbour is looked for past spaces


def _named_in_lower_case(entity: Entity, key: str) -> bool:
    """Whether the store writes one of ``entity``'s names with ``key`` in lower case
    (a common noun such as "network card"; its id is no name as written)."""
    return any(
        _in_lower_case(name) and name_key(name) == key for name in (entity.name, *entity.aliases)
    )


# A name's gloss in the other script, in brackets after it (英伟达（Nvidia）, 美国证券交易
# 委员会（SEC）).
_GLOSS_OPENS = re.compile(r"\s*[（(]\s*")
_GLOSS_CLOSES = re.compile(r"\s*[)）]")


def with_glosses(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """A name and its gloss as one mention (向美国证券交易委员会（SEC）递交: its place in
    the sentence is the name's, and its speech words follow the gloss)."""
    kept: list[Mention] = []
    for mention in mentions:
        before = kept[-1] if kept else None
        closes = _GLOSS_CLOSES.match(folded, mention.end)
        if (
            before is not None
            and before.row == mention.row
            # (a gloss in Latin letters: 英伟达（Nvidia）, "high-bandwidth memory (HBM)";
            # not a Chinese description, Base Command(AI訓練端到端軟件服務), its purpose)
            and mention.word.isascii()
            and closes is not None
            and _GLOSS_OPENS.fullmatch(folded, before.end, mention.start)
        ):
            kept[-1] = before._replace(end=closes.end(), word=text[before.start : closes.end()])
            continue
        kept.append(mention)
    return kept


def without_makers(store: Store, folded: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a maker named just before its product (英伟达H100, 微软的Maia): the name
    qualifies the product, as search reads "microsoft's maia", and is no subject."""
    kept = []
    for at, mention in enumerate(mentions):
        following = mentions[at + 1] if at + 1 < len(mentions) else None
        if following is not None:
            gap = folded[mention.end : following.start].strip()
            maker = store.entity_at(following.row).maker
            if _MAKERS_GAP.fullmatch(gap) and maker == store.entity_at(mention.row).id:
                continue
        kept.append(mention)
    return kept


# Which of a maker's products, written between its name and the product's (英伟达下一代
# Rubin平台, 輝達最新的GB300, 英伟达上一代H100).
WHICH_OF_ITS_PRODUCTS = "下一代|新一代|次世代|最新一代|最新|上一代|新款|旗舰"
# Between a maker and its product: nothing, 的, or which of its products.
_MAKERS_GAP = re.compile(rf"的?(?:{WHICH_OF_ITS_PRODUCTS})?的?")


# A common noun is the one maker's thing only this close after its maker, or the
# thing itself, is named (微软…正在开发的新网卡; not 网卡 a page after 微软 was
# named as a customer).
MAKER_REACH = 200


# Words any thing of a kind may have before its noun (自有AI芯片集群, "in-house AI chip
# cluster"): with them a common noun is still one.
_DESCRIBING = re.compile(
    r"^(?:(?:ai|in-house|own|chip)(?![a-z])|自有|自研|自家|芯片|晶片|\s)+(?=\S)"
)


def without_common_nouns(
    store: Store, mentions: list[Mention], nouns: frozenset[str]
) -> list[Mention]:
    """Drop a name that is a common noun of a kind of thing (网卡, "network card", the
    store's name of one maker's thing) unless its maker, or the thing, was named
    within ``MAKER_REACH`` characters before it: elsewhere (该网卡, 第二代AI网卡) it
    is any thing of that kind."""
    keys = {name_key(noun) for noun in nouns}
    named: dict[str, int] = {}  # each entity's id: where it was last named
    kept: list[Mention] = []
    for mention in mentions:
        entity = store.entity_at(mention.row)
        # (芯片集群, "AI chip cluster": the noun after words any such thing has)
        if name_key(_DESCRIBING.sub("", mention.word.lower())) in keys:
            last = max(named.get(entity.maker or "", -1), named.get(entity.id, -1))
            if last < 0 or mention.start - last > MAKER_REACH:
                continue
        named[entity.id] = mention.end
        kept.append(mention)
    return kept


# The suffix of a Chinese noun for who does a thing (投资者 investors, 使用者 users).
_AGENT = ("者", "人员")
# The nouns of a product after a word that then names its kind (训练卡, 推理芯片).
_PRODUCT_NOUNS = ("卡", "芯片", "晶片", "加速卡", "加速器")
# After "a year", a time: "a year earlier" is when, not "per year".
_A_TIME_AFTER = re.compile(r"\s+(?:earlier|ago|before|later|from now)\b")
_PERIOD_WORDS = ("year", "month", "quarter", "week")


# 投入 before what a thing is put to (运营, 使用, 量产): no money put in.
_PUT = "投入"
_INTO_USE = ("运营", "使用", "生产", "量产", "运行", "营运", "商用", "服务")
# A hyphen and a word right after an English word: the word is part of a compound (not
# CoWoS-L, a grade of it).
_IN_A_COMPOUND = re.compile(r"-(?!(?:to|on|of|in|at|by)\b)[a-z]{2,}")


def find_attribute_words(store: Store, text: str, folded: str) -> list[Mention]:
    """Every attribute id, label or synonym in the article, in either script."""
    keys = key_text(folded)
    found: list[Mention] = []
    for key, rows in store.attribute_keys.items():
        if len(key) < 2:
            continue
        for start, end in occurrences(keys, folded, key, inflected=True):
            if _ACROSS_A_MARK.search(folded, start, end):
                continue  # 融资，金额: no 资金 across the comma
            if folded.startswith(_AGENT, end) and not key.isascii():
                continue  # 投资者, 使用者: the people who do it, no word of the doing
            if folded.startswith(_PRODUCT_NOUNS, end) and not key.isascii():
                continue  # 训练卡, 推理芯片: a kind of product, no word of training
            if key == _PUT and folded.startswith(_INTO_USE, end):
                continue  # 投入运营, 投入使用: put to use, no spending
            if key.endswith(_PERIOD_WORDS) and _A_TIME_AFTER.match(folded, end):
                continue  # "a year earlier": a time, no word of a yearly figure
            if key.isascii() and _IN_A_COMPOUND.match(folded, end):
                continue  # "a start-up", "a stand-alone": a part of another word
            found.extend(Mention(start, end, row, text[start:end]) for row in rows)
    for ident, words in VALUE_CUES.items():
        rows = [r for r in store.attribute_keys.get(name_key(ident), ()) if _is(store, r, ident)]
        for word in words:
            for match in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", folded):
                found.extend(
                    Mention(match.start(), match.end(), row, match.group()) for row in rows
                )
    return found


def _is(store: Store, row: int, ident: str) -> bool:
    return store.attribute_at(row).id == ident


def find_answer_words(store: Store, text: str, folded: str) -> list[Mention]:
    """The words around a number that answer a number attribute's question-form synonym
    (推出了超过10款 for 推出了多少款): the words before the number, or after it when
    none come before; they name the attribute as its plain synonyms do."""
    keys = key_text(folded)
    found: list[Mention] = []
    for key, rows in store.attribute_keys.items():
        parts = _QUESTION.split(key, maxsplit=1)
        rows = [r for r in rows if store.attribute_at(r).type is ValueType.NUMBER]
        if len(parts) != 2 or len(parts[0]) + len(parts[1]) < 2 or not rows:
            continue
        prefix, suffix = parts
        pattern = re.escape(prefix) + _ANSWER + re.escape(suffix)
        for match in re.finditer(pattern, keys.keys):
            first, last = (
                (match.start(), match.start() + len(prefix))
                if prefix
                else (match.end() - len(suffix), match.end())
            )
            start, end = keys.places[first], keys.places[last - 1] + 1
            found.extend(Mention(start, end, row, text[start:end]) for row in rows)
    return found
