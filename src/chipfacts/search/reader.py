"""Read what a person typed into a ``Query``: what it asks for.

A query is read in this order, each step consuming the words it recognises:

0. question words that steer ("how many", "when", "how much", "times", 几, 倍:
   see ``text.question``);
1. exact names: the longest run of words that is an entity's id, name or alias
   once spacing, hyphens and case are ignored (``maia 100``, ``Azure OpenAI``,
   ``微軟``), then Chinese names found inside a run of Chinese (``微软配额``);
2. attributes: ids, labels and synonyms (``transistors``, ``node``, ``晶体管``,
   ``who makes``), and the family of an attribute matched exactly ("gpu quota"
   brings quota start, approval, wait, priority, below it);
3. function words go ("which", "does", "the", 的, 是, 多少): they never match;
4. numbers in any notation, Chinese numerals too (see ``numbers`` and ``numerals``);
5. fuzzy names: prefixes and typos (``mi300``, ``maai``, ``trainum``). Another
   model designation (``b200`` for H200, ``maia 200`` for Maia 100, ``tpu v7``
   for TPU) is only a fallback: it ranks low and is reported (``Query.fallbacks``);
6. whatever is left is matched against each fact's words and quote, a word
   found in many facts ("chip", 芯片) counting for less.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chipfacts.search.cjk_typos import cjk_typo_names
from chipfacts.search.fuzzy import fuzzy_entity
from chipfacts.search.index import SearchIndex
from chipfacts.search.names import (
    exact_entities,
    possessive,
    qualify_products,
    spans,
    time_anchors,
)
from chipfacts.search.query import Query
from chipfacts.search.steer import answers
from chipfacts.search.weights import ASKED, ATTRIBUTE, FAMILY
from chipfacts.text.normalize import fold, has_cjk, name_key, tokens
from chipfacts.text.numbers import one_number, parse_numbers
from chipfacts.text.numerals import arabic
from chipfacts.text.question import (
    Steer,
    asks,
    cut_cjk_function_words,
    is_function_word,
    steer_phrase,
    steers_of_cjk,
    steers_of_words,
)

_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# What a question sets aside is not what it asks about: "除了芯片还有什么软件" asks
# for software, "besides chips" for something else. The words set aside go
# (up to 之外/以外/还, or one word and its article in English).
_EXCEPT = re.compile(
    r"除了[^\s，,。？?]{1,8}?(?=之外|以外|外|还|也|[\s，,])|"
    r"\b(?:besides|except(?:\s+for)?|apart\s+from|other\s+than)\s+(?:(?:its|their|the|a|an)\s+)?\w+"
)


def read_query(index: SearchIndex, text: str) -> Query:
    """Read a query string into what it asks for (see the module docstring)."""
    query = Query(text)
    folded = fold(_DIGIT_COMMA.sub("", text))
    # what is set aside is remembered: a fact that says it answers less
    for aside in _EXCEPT.findall(folded):
        words = tokens(
            re.sub(r"^(?:除了|besides|except(?:\s+for)?|apart\s+from|other\s+than)", "", aside)
        )
        # a name set aside ("除了OpenAI还用哪些模型") is often told beside the answer: only
        # a kind of thing set aside (chips) marks facts about something else
        query.aside += [
            w for w in words if not _question_words(w) and not index.entity_known(name_key(w))
        ]
    folded = _EXCEPT.sub(" ", folded)
    toks = tokens(folded)
    query.steers = steers_of_words([t for t in toks if not has_cjk(t)])
    for tok in toks:
        if has_cjk(tok):
            query.steers |= steers_of_cjk(tok)  # before numerals go: 第一 stays 第一
    toks = _with_units(tokens(one_number(arabic(folded))))
    toks = [possessive(index, t) for t in toks]
    toks = exact_entities(index, query, toks)
    toks = _attributes(index, query, toks)
    toks = [t for t in toks if has_cjk(t) or not is_function_word(t)]
    query.numbers, toks = parse_numbers(toks)
    i = 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if has_cjk(tok):
            for piece in cut_cjk_function_words(tok):
                query.cjk += [p for p in cjk_typo_names(index, query, piece) if len(p) >= 2]
            continue
        # "gpt-4o", "b 200": a name and the model code after it are one designation
        if i < len(toks) and toks[i][:1].isdigit():
            joined = f"{tok}-{toks[i]}"
            typed = joined if joined in fold(text) else f"{tok} {toks[i]}"
            if fuzzy_entity(index, query, tok + toks[i], typed):
                i += 1
                continue
        if not (_fuzzy_attribute(index, query, tok) or fuzzy_entity(index, query, tok)):
            query.words.append(tok)
    time_anchors(query)
    qualify_products(index, query)
    return query


def _cut_names(
    run: str,
    names: list[str],
    owners: dict[str, list[int]],
    add: Callable[[int, float, str], None],
    weight: float,
    found: list[str],
) -> list[str]:
    """Find known Chinese names inside a run of Chinese; return the pieces left over,
    and add the names found to ``found``."""
    pieces = [run]
    for name in names:
        next_pieces: list[str] = []
        for piece in pieces:
            if name in piece:
                for row in owners[name]:
                    add(row, weight, name)
                found.append(name)
                next_pieces.extend(p for p in piece.split(name) if p)
            else:
                next_pieces.append(piece)
        pieces = next_pieces
    return pieces


def _with_units(toks: list[str]) -> list[str]:
    """A number and the unit written after it as one token ("3 纳米", "5 nm"), so the
    unit is read as the number's, never as an attribute's word (纳米, a process's)."""
    joined: list[str] = []
    for tok in toks:
        if joined and joined[-1][:1].isdigit() and not joined[-1][-1:].isalpha():
            numbers, rest = parse_numbers([joined[-1], tok])
            if len(numbers) == 1 and not rest and numbers[0].unit is not None:
                joined[-1] += tok
                continue
        joined.append(tok)
    return joined


def _attributes(index: SearchIndex, query: Query, toks: list[str]) -> list[str]:
    rest: list[str] = []
    words = index.attribute_words

    def known(key: str) -> bool:  # a function word alone is no attribute ("where", "need")
        return key in index.attribute_keys and (not is_function_word(key) or _asks_why(key))

    asked: list[tuple[int, str]] = []  # attributes named by question words only

    def add(row: int, weight: float, said: str) -> None:
        if _asks_why(said):
            asked.append((row, said))
        else:
            query.add_attribute(row, weight * (ASKED if asks(said) else 1.0), said)
            _family(index, query, row, said)

    for span, matched in spans(toks, 3, known):
        key = name_key("".join(span))
        if matched:
            said = " ".join(span)
            for row in index.attribute_keys[key]:
                add(row, ATTRIBUTE, said)
            query.echoes.extend(w for w in span if not _question_words(w))
            if len(span) == 1 and not _question_words(key):  # 为什么 is not 为什么叫
                _partial_attributes(index, query, key)
        elif (tok := span[0])[:1].isdigit():
            rest.append(tok)  # 3纳米: a number and its unit (``_with_units``), no words
        elif has_cjk(tok):
            names = index.cjk_attributes
            cut: list[str] = []
            pieces = _cut_names(tok, names, index.attribute_keys, add, ATTRIBUTE, cut)
            if not cut_cjk_function_words(tok):  # 多少, 是谁: function words alone match no text
                rest.append(tok)
                continue
            _partial_attributes(index, query, tok)
            rest.extend(pieces)
            # 代号 in a quote; of a phrase that asks, its words (解决什么问题: 解决, 问题)
            query.echoes.extend(
                piece
                for c in cut
                if not _asks_why(c)
                for piece in (cut_cjk_function_words(c) if asks(c) else [c])
                if len(piece) >= 2
            )
        elif is_function_word(tok):
            rest.append(tok)
        elif tok in words:
            # a word of a label names its attribute as surely as the word is rare:
            # "quota" does, "chip" (in "Chip suppliers" and half the facts) hardly
            rare = index.rarities("word", [tok])[tok]
            for row in words[tok]:
                query.add_attribute(row, ATTRIBUTE * 0.7 * rare, tok)
        elif tok.rstrip("s") in index.attribute_keys:  # plural: "quotas", "nodes"
            for row in index.attribute_keys[tok.rstrip("s")]:
                query.add_attribute(row, ATTRIBUTE * 0.9, tok)
        else:
            rest.append(tok)
    # "Why" ("why is", 为什么) names the attribute that gives a reason when nothing
    # else names one; beside words that do, it only says what kind of answer is
    # wanted ("为什么供不应求" asks about supply), and counts as a kin attribute.
    if query.steers & {Steer.REASON, Steer.SAID}:
        _no_reasons(index, query)
    named = any(weight >= ATTRIBUTE * 0.9 for weight in query.attributes.values())
    for row, said in asked:
        query.add_attribute(row, ATTRIBUTE * FAMILY if named else ATTRIBUTE, said)
        query.reasons.add(row)
    _after(query)
    _kinds_asked(index, query)
    if Steer.REMEDY in query.steers:
        _remedy(index, query)
    return rest


# "受挫后", "after its setbacks": what is named before 后 or after "after" dates what is
# asked, it is not what is asked
_AFTER_CJK = re.compile(r"^\s*[之以]?[后後]")
_AFTER = re.compile(r"\b(?:after|since)\s+(?:(?:its|their|the|a|an)\s+)?$")


def _after(query: Query) -> None:
    """An attribute named in a clause of time ("Meta自研芯片屡屡受挫后转向和谁合作": who
    it turned to after its setbacks) is only kin to what is asked, when the
    question names another attribute."""
    text = fold(query.text)
    dated = []
    for row, weight in query.attributes.items():
        typed = query.typed["attribute", row]
        at = text.find(typed)
        if (
            weight > ATTRIBUTE * FAMILY
            and at >= 0
            and (_AFTER_CJK.match(text[at + len(typed) :]) or _AFTER.search(text[:at]))
        ):
            dated.append(row)
    if any(w > ATTRIBUTE * FAMILY for r, w in query.attributes.items() if r not in dated):
        for row in dated:
            query.attributes[row] = ATTRIBUTE * FAMILY


# What is done about something is a plan for it: the attributes this phrase names
# ("plan for" is a synonym of both the plan and the strategy).
_REMEDY = "planfor"


def _remedy(index: SearchIndex, query: Query) -> None:
    """What is done about something ("what is microsoft doing to fix its hardware
    shortage", 如何应对短缺) is asked, not the thing: the attributes the rest of the
    question names are what the action is about, kin to what is asked; plans and
    strategy are asked."""
    for row, weight in query.attributes.items():
        query.attributes[row] = min(weight, ATTRIBUTE * FAMILY)
    typed = steer_phrase(fold(query.text), Steer.REMEDY)
    for row in index.attribute_keys.get(_REMEDY, ()):
        query.add_attribute(row, ATTRIBUTE, typed)


# The attributes the verb of making names (how a product's development stands).
_DEVELOPING = "developing"


def _no_reasons(index: SearchIndex, query: Query) -> None:
    """No date or number gives a reason, nor is it what someone said: in a question
    of why, or of what a name said, an attribute of either kind counts as kin to
    what is asked ("why did microsoft start rationing gpus": not when it began, nor
    how many GPUs; "what did suleyman say about clusters": his plan, not a count).
    In a question of why, how the thing asked about is being developed is no
    attribute asked at all: it says what the motive is for."""
    types = index.attribute_types
    # nor how the undertaking stands: "微软为什么要自己开发网卡" asks why it develops one
    doing = (
        set(index.attribute_keys.get(_DEVELOPING, ())) if Steer.REASON in query.steers else set()
    )
    for row, weight in list(query.attributes.items()):
        if row in doing:
            del query.attributes[row]  # it says what the motive is for, and no more
        elif types[row] in ("date", "number") and weight > ATTRIBUTE * FAMILY:
            query.attributes[row] = ATTRIBUTE * FAMILY


def _kinds_asked(index: SearchIndex, query: Query) -> None:
    """The question words ask for a kind of answer (see ``steer.answers``): of the
    attributes kin to one named, those whose values are of that kind answer as
    surely as the one named ("配额制是什么时候开始的": when GPU rationing began, not how
    it works; "how much did microsoft invest": the sum, not the year). Asked how
    many (or how much), where an attribute of that kind is named, the dates named
    beside it are only kin, and so is how the thing is being developed ("how much
    could developing its own chips cost": the cost of developing them)."""
    if not query.steers:
        return
    for row, weight in list(query.attributes.items()):
        if ATTRIBUTE * FAMILY <= weight < ATTRIBUTE and answers(index, query.steers, row):
            query.add_attribute(row, ATTRIBUTE, query.typed["attribute", row])
    # "how many chips has amazon released": a count of launches, not a launch date
    if query.steers & {Steer.COUNT, Steer.MONEY, Steer.RATIO} and Steer.DATE not in query.steers:
        full = [row for row, weight in query.attributes.items() if weight >= ATTRIBUTE]
        if any(answers(index, query.steers, row) for row in full):
            doing = set(index.attribute_keys.get(_DEVELOPING, ()))
            for row in full:
                if index.attribute_types[row] == "date" or row in doing:
                    query.attributes[row] = ATTRIBUTE * FAMILY


def _question_words(key: str) -> bool:
    """Whether a word is grammar only: a function word, or Chinese made of them."""
    return not cut_cjk_function_words(key) if has_cjk(key) else is_function_word(key)


def _asks_why(said: str) -> bool:
    """Whether an attribute's synonym is a question word asking for a reason ("why
    is", 为什么), and nothing more: it says what kind of answer is wanted, as a
    steer does, not what the question is about (see ``_attributes``)."""
    if has_cjk(said):
        return not cut_cjk_function_words(said) and Steer.REASON in steers_of_cjk(said)
    words = said.split()
    return all(map(is_function_word, words)) and Steer.REASON in steers_of_words(words)


def _family(index: SearchIndex, query: Query, row: int, typed: str) -> None:
    """The attributes that share a word of their label with ``row``'s, below it:
    "GPU quota" brings "Quota wait", "Quota approval"…; and, for words that ask,
    those that share a synonym with it: "what is it for" (a purpose) brings a
    feature ("function" is both), for a product the store tells what it does but
    not what it is for. (A word that names a thing, 看法, stays with it: its
    attribute's other synonyms may be ambiguous, "position".)"""
    for word in index.label_words.get(row, ()):
        for other in index.attribute_words.get(word, ()):
            if other != row:
                query.add_attribute(other, ATTRIBUTE * FAMILY, typed)
    if asks(typed):
        for other in index.synonym_kin.get(row, ()):
            query.add_attribute(other, ATTRIBUTE * FAMILY, typed)


def _partial_attributes(index: SearchIndex, query: Query, word: str) -> None:
    """A word that is part of an attribute's name pulls that attribute up a little:
    "quota" is a word of "Quota wait", 配额 is part of 配额审批."""
    owners = set(index.attribute_words.get(word, ()))
    if has_cjk(word) and len(word) < 2:
        return  # one character (到 between two numbers) is part of too many names
    if has_cjk(word):
        owners.update(
            r for name in index.cjk_attributes if word in name for r in index.attribute_keys[name]
        )
    for row in owners:
        query.add_attribute(row, ATTRIBUTE * 0.7, word)


def _fuzzy_attribute(index: SearchIndex, query: Query, tok: str) -> bool:
    """A misspelt attribute word ("trnsistors", "clsuter"); a high cutoff keeps it honest,
    and a word the facts use is spelt as meant ("computing" is not "competing")."""
    if len(tok) < 5 or index.knows_word(tok):
        return False
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
    from rapidfuzz import fuzz, process

    best = process.extractOne(
        tok, index.latin_attribute_keys, scorer=fuzz.ratio, score_cutoff=85 - 1e-6
    )
    if best is not None:
        for row in index.attribute_keys[best[0]]:
            query.add_attribute(row, ATTRIBUTE * 0.9 * best[1] / 100, tok)
        return True
    # A word of a label with one typo ("shaer" for "share": exactly 0.8, which
    # rapidfuzz's own cutoff can miss, hence a wider cutoff and a check after). Damerau-Levenshtein
    # counts the swap as one typo where the plain ratio counts two.
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
    from rapidfuzz.distance import DamerauLevenshtein

    words = index.attribute_words
    near = process.extractOne(
        tok, list(words), scorer=DamerauLevenshtein.normalized_similarity, score_cutoff=0.78
    )
    if near is None or near[1] < 0.8 - 1e-9:
        return False
    for row in words[near[0]]:
        query.add_attribute(row, ATTRIBUTE * 0.9 * near[1], tok)
    return True
