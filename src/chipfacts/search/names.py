"""Exact names in a query: the longest run of words that is an entity's id, name or
alias once spacing, hyphens and case are ignored (``maia 100``, ``Azure OpenAI``,
``微軟``), Chinese names inside a run of Chinese (``微软配额``), possessives, a word
typed inside a name, and a maker named with its product."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from chipfacts.search.fuzzy import fuzzy_pair
from chipfacts.search.index import SearchIndex
from chipfacts.search.query import Query
from chipfacts.search.rarity import rarity
from chipfacts.search.weights import (
    ENTITY_EXACT,
    ENTITY_FUZZY,
    FALLBACK,
    MAX_SPAN,
    PART_OF_NAME,
    QUALIFIER,
    SINCE,
)
from chipfacts.text.normalize import fold, has_cjk, name_key
from chipfacts.text.terms import pair_numbers

_LEADING_DIGITS = re.compile(r"\d+")


def possessive(index: SearchIndex, tok: str) -> str:
    """A possessive typed without its apostrophe ("microsofts", "nvidias'") is the
    name: a word that is no name or attribute, but is one without its final "s"."""
    if has_cjk(tok) or len(tok) < 4 or not tok.endswith("s"):
        return tok
    key, stem = name_key(tok), name_key(tok[:-1])
    if index.entity_known(key) or key in index.attribute_keys or not index.entity_known(stem):
        return tok
    return tok[:-1]


# A name typed after "since" (自…以来) dates what is asked: "how many chips has
# amazon released since nitro 1" counts Amazon's chips, from Nitro 1 on.
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$")
# 自, 从 alone mean "from" (来自英伟达, 从英伟达采购): only with 以来 after the name
_SINCE_CJK = re.compile(r"[自从從]\s*$")
_SINCE_CJK_END = re.compile(r"^\s*(?:推出|发布|發布)?\s*以[来來]")


def time_anchors(query: Query) -> None:
    """A name typed after "since", 自, 从 (a point in time, not the subject) counts
    for ``SINCE`` of its weight, below a word that names what is asked, and
    qualifies no maker (see ``qualify_products``)."""
    text = fold(query.text)
    for row, weight in list(query.entities.items()):
        typed = query.typed["entity", row]
        at = text.find(typed)
        before, after = text[: max(at, 0)], text[at + len(typed) :]
        if at > 0 and (
            _SINCE.search(before) or (_SINCE_CJK.search(before) and _SINCE_CJK_END.match(after))
        ):
            query.entities[row] = weight * SINCE


def qualify_products(index: SearchIndex, query: Query) -> None:
    """A maker named with its product ("microsoft's maia 100", "google's tensor")
    qualifies the product: the question is about the product. The maker's own facts
    rank below the product's, and the product's facts earn nothing for naming
    their maker (every one of them does), so what else matched decides. A product
    only hinted at by a word inside its name (芯片 in OpenAI自研芯片) is not named:
    it leaves its maker as typed ("OpenAI有没有打算自己造AI芯片" asks about OpenAI)."""
    makers = index.makers_of(list(query.entities))  # a thousand names: one read, not two each
    for row, weight in list(query.entities.items()):
        other = makers.get(row)
        if other is not None and other != row and other in query.entities and weight > PART_OF_NAME:
            query.makers[row] = other
            query.entities[other] = min(query.entities[other], weight * QUALIFIER)


def spans(
    toks: list[str], longest: int, known: Callable[[str], bool]
) -> Iterator[tuple[list[str], bool]]:
    """Walk the tokens, taking the longest run whose joined key is ``known``.

    Yields each run with True, or a single unknown token with False; so
    "azure openai" is one name before "azure" alone is considered.
    """
    i = 0
    while i < len(toks):
        span = _longest_run(toks, i, longest, known)
        if span:
            yield toks[i : i + span], True
            i += span
        else:
            yield [toks[i]], False
            i += 1


def _longest_run(toks: list[str], i: int, longest: int, known: Callable[[str], bool]) -> int:
    """How many tokens from ``i`` on make the longest ``known`` key (0: none)."""
    for span in range(min(longest, len(toks) - i), 0, -1):
        if known(name_key("".join(toks[i : i + span]))):
            return span
    return 0


def _skip_modifiers(index: SearchIndex, toks: list[str]) -> list[str]:
    """A name with one word typed inside it ("microsoft's new nic") is the name:
    that word moves after it. Only where the name is longer than any name the
    words make as typed, and the word is no name itself."""
    toks = list(toks)
    i = 0
    while i < len(toks):
        moved = 0
        # words i..end-1 less one inside: longer than the longest name as typed
        for end in range(
            min(len(toks), i + MAX_SPAN + 1),
            i + _longest_run(toks, i, MAX_SPAN, index.entity_known) + 1,
            -1,
        ):
            for gap in range(i + 1, end - 1):
                words, word = toks[i:gap] + toks[gap + 1 : end], toks[gap]
                if (
                    not has_cjk(word)
                    and index.entity_known(name_key("".join(words)))
                    and not index.entity_known(name_key(word))
                ):
                    toks[i:end] = [*words, word]
                    moved = len(words)
                    break
            if moved:
                break
        i += moved or 1
    return toks


# "its" points back to a name typed before it; "own" and "new" may follow it.
_ITS = frozenset({"its", "their"})
_ITS_MODIFIERS = frozenset({"own", "new"})


def _its(index: SearchIndex, toks: list[str]) -> list[str]:
    """A name typed in two parts, the second after "its" ("microsoft building its own
    nic", "who did microsoft put in charge of its nic") is the name: the second part
    moves after the first and "its" goes. Only where the two parts make a name and
    the second alone does not (in "microsoft's view of its maia 100", Maia 100 is
    named as it is)."""
    for j, tok in enumerate(toks):
        if tok not in _ITS:
            continue
        k = j + 1
        while k < len(toks) and toks[k] in _ITS_MODIFIERS:
            k += 1
        for size in range(min(3, len(toks) - k), 0, -1):
            part = toks[k : k + size]
            if index.entity_known(name_key("".join(part))):
                break  # a name of its own
            for start in range(j - 1, max(j - MAX_SPAN, 0) - 1, -1):
                for end in range(start + 1, min(start + 3, j) + 1):
                    if index.entity_known(name_key("".join(toks[start:end] + part))):
                        return [*toks[:end], *part, *toks[end:j], *toks[k + size :]]
    return toks


# The longest Chinese tail a name written across scripts has ("OpenAI自研AI芯片计划").
MIXED_TAIL = 8


def _split_mixed_names(index: SearchIndex, toks: list[str]) -> list[str]:
    """A name that runs from Latin into Chinese ("OpenAI自研芯片") is typed without a
    space, so its Chinese part starts a longer run ("自研芯片每年要花多少钱"): cut that
    run after the longest head that completes a name with the Latin word before it,
    a 的 or modifier between them going as in ``_join_possessive`` (OpenAI的芯片计划)."""
    out: list[str] = []
    for tok in toks:
        if out and has_cjk(tok) and not has_cjk(out[-1]):
            modifier = _MODIFIERS.match(tok)
            for skip in (0, modifier.end() if modifier else 0):
                head = _mixed_head(index, out[-1], tok[skip:])
                if head:
                    out.append(head)
                    tok = tok[skip + len(head) :]
                    break
            if not tok:
                continue
        out.append(tok)
    return out


def _mixed_head(index: SearchIndex, latin: str, run: str) -> str:
    """The longest head of ``run`` that makes a name after ``latin`` ("" if none)."""
    for end in range(min(len(run), MIXED_TAIL), 0, -1):  # DGX云: one character
        if index.entity_known(name_key(latin + run[:end])):
            return run[:end]
    return ""


def exact_entities(index: SearchIndex, query: Query, toks: list[str]) -> list[str]:
    rest: list[str] = []
    toks = _split_mixed_names(index, toks)
    runs = list(spans(_skip_modifiers(index, _its(index, toks)), MAX_SPAN, index.entity_known))
    skip = False
    for n, (words, matched) in enumerate(runs):
        if skip:
            skip = False
            continue
        if matched:
            key = name_key("".join(words))
            after = runs[n + 1][0][0] if n + 1 < len(runs) else ""
            other = _other_designation(index, key, after) if after else []
            if other:  # "maia 200": Maia is a name, Maia 200 is not Maia 100
                for row in other:
                    typed = f"{' '.join(words)} {after}"
                    query.add_entity(row, ENTITY_FUZZY * FALLBACK, typed)
                    query.fallbacks[row] = typed
                skip = True
                continue
            for row in index.entity_rows(key):
                query.add_entity(row, ENTITY_EXACT, " ".join(words))
            query.echoes.extend(words)
            query.name_echoes = len(query.echoes)
        elif has_cjk(tok := words[0]):
            tok = _join_possessive(index, tok)
            _partial_cjk_entities(index, query, tok)
            rest.extend(_cut_entity_names(index, query, tok))
        elif (line := _VERSIONED_WORD.fullmatch(tok)) and (
            other := _other_version(index, line["line"], line["version"])
        ):  # "tpuv7": a line's name and a version, in one word
            for row in other:
                query.add_entity(row, ENTITY_FUZZY * FALLBACK, tok)
                query.fallbacks[row] = tok
        elif (
            n + 1 < len(runs)
            and not runs[n + 1][1]
            and not has_cjk(runs[n + 1][0][0])
            and fuzzy_pair(index, query, tok, runs[n + 1][0][0])
        ):
            skip = True  # "microsfot nic": one name of two words, with a typo
        else:
            rest.append(tok)
    return rest


# Between two parts of one Chinese name: 的 and the modifiers that say "new" or
# "own" (微软的新网卡, 微软自研网卡), as "'s" and "new" do in English.
_MODIFIERS = re.compile("(?:的|新款|新型|最新|新|自研|自有|自家)+")


def _join_possessive(index: SearchIndex, run: str) -> str:
    """微软的网卡, 微软新网卡 and 微软的新网卡 are 微软网卡: 的 and a modifier between
    two parts of one Chinese name go, as a possessive's apostrophe and "new" do in
    English. Only runs this short are tried, and only parts no longer than the
    longest name."""
    if len(run) > 40:
        return run
    longest = index.longest_cjk_name
    start = 0
    while found := _MODIFIERS.search(run, start):
        left, right = run[: found.start()], run[found.end() :]
        joined = any(
            index.entity_known(left[a:] + right[:b])
            for a in range(max(0, len(left) - longest), len(left))
            for b in range(1, min(len(right), longest - (len(left) - a)) + 1)
        )
        run, start = (left + right, found.start()) if joined else (run, found.end())
    return run


def _other_designation(index: SearchIndex, key: str, after: str) -> list[int]:
    """The entities a name followed by a model code would be, were the code right:
    "maia" then "200" is no entity, but "maia100" is, so "maia 200" names another
    model of the same family. Empty when the code is part of no such name."""
    code = name_key(after)
    if index.entity_known(key + code):
        return []
    if not code[:1].isdigit():
        return _other_version(index, key, code)
    digits = _LEADING_DIGITS.match(code)
    assert digits is not None
    rows = index.entity_rows(key)
    found: set[int] = set()
    for name, row in index.entity_keys_between(key + "0", key + ":"):
        theirs = _LEADING_DIGITS.match(name[len(key) :])
        # the same length of code ("200" for "100"), so that a year ("maia 2024") is not one
        if row in rows and theirs and len(theirs.group()) == len(digits.group()):
            found.add(row)
    return sorted(found) or _other_version(index, key, code)


# A version after a model line's name: "tpu v7", "tpu 第七代", "trainium 3"
_VERSION = re.compile(r"v\d{1,2}|第[\d一二三四五六七八九十]{1,3}代|\d{1,2}")
_VERSIONED_WORD = re.compile(r"(?P<line>[a-z]+)(?P<version>v\d{1,2})")


def _other_version(index: SearchIndex, key: str, code: str) -> list[int]:
    """The models whose line a name without digits followed by a version names,
    another model than they are ("tpu v7" is not the store's TPU). A company's
    name is no model line ("nvidia 2")."""
    if not _VERSION.fullmatch(code) or any(ch.isdigit() for ch in key):
        return []
    return [r for r in index.entity_rows(key) if index.entity_at(r).kind != "company"]


def _cut_entity_names(index: SearchIndex, query: Query, run: str) -> list[str]:
    """Find entities' Chinese names inside a run of Chinese, longest first; return the
    pieces left over. Every substring no longer than the longest name is looked up
    (once: lookups are remembered), so the cost grows with the run times that
    length, not with the store."""
    longest = index.longest_cjk_name
    pieces = [run]
    found = True
    while found:
        found = False
        for n, piece in enumerate(pieces):
            for size in range(min(len(piece), longest), 1, -1):
                for start in range(len(piece) - size + 1):
                    rows = index.entity_rows(piece[start : start + size])
                    if rows:
                        for row in rows:
                            query.add_entity(row, ENTITY_EXACT, piece[start : start + size])
                        left, right = piece[:start], piece[start + size :]
                        pieces[n : n + 1] = [p for p in (left, right) if p]
                        found = True
                        break
                if found:
                    break
            if found:
                break
    return pieces


def _partial_cjk_entities(index: SearchIndex, query: Query, run: str) -> None:
    """A Chinese word inside an entity's Chinese name is a weak hint: 网卡 in 微软网卡.
    Weaker than an attribute the word names exactly (代工 asks for foundries before
    the AI代工服务), and weaker still as the word is common: 芯片, in most facts, is
    part of many names and hints at none of them."""
    if len(run) < 2:
        return
    rows = index.entities_with_cjk_part(run)
    if rows:
        pairs = pair_numbers(run)
        counts = index.term_counts("gram", pairs)
        carried = min(counts.values()) if len(counts) == len(pairs) else 0
        weight = PART_OF_NAME * rarity(carried, index.fact_count)
        for row in rows:
            query.add_entity(row, weight, run)
