"""Rank the facts of a store against what a person typed.

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
4. numbers in any notation (see ``numbers``);
5. fuzzy names: prefixes and typos (``mi300``, ``maai``, ``trainum``). Another
   model designation (``b200`` for H200, ``maia 200`` for Maia 100) is only a
   fallback: it ranks low and is reported (``Query.fallbacks``);
6. whatever is left is matched against each fact's words and quote, a word
   found in many facts ("chip", 芯片) counting for less.

A fact's score adds what it matched. Weights are chosen so that an exact name
(100) always outranks a fuzzy one (at most 90), a name the fact merely mentions
or that claims it (80) outranks generic words, and a fact that matches both the
entity and the attribute asked for outranks one that matches either. A fact
must match something meaningful (a name, an attribute, a number, a whole word):
one matched only through a word fragment or a typo-distance word is dropped.
Equal scores are ordered by what matched (the entity, then the attribute, then
text), then by recency (``as_of``, newer first), then store order.

Only candidate facts are scored: those the store's indexes tie to a recognised
name, attribute, number or word, gathered by the store's queries. Each list of
candidates is capped (``CAP`` rows, in store order), so a word shared by half
of a million facts costs no more than one shared by two thousand; so are the
facts of all the entities a query names together (a name shared by a thousand
entities). Entities, attributes and facts are row numbers here; records are
built only for the results.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up. Names imported only
# for type checking are quoted.

import math
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from chipfacts.text.normalize import fold, has_cjk, name_key, tokens
from chipfacts.text.numbers import QueryNumber, parse_numbers
from chipfacts.text.question import (
    Steer,
    cut_cjk_function_words,
    is_function_word,
    steers_of_cjk,
    steers_of_words,
)

if TYPE_CHECKING:
    from chipfacts.model.records import Fact
    from chipfacts.store.store import ScoringRow, Store

ENTITY_EXACT = 100.0
ENTITY_FUZZY = 90.0  # times similarity: always below an exact match
ENTITY_MENTIONED = 80.0  # the entity is related to, or claims, the fact
QUALIFIER = 0.8  # times a product's weight: its maker, named with it, ranks below it
FALLBACK = 0.6  # times a fuzzy weight: another model designation, offered last
ATTRIBUTE = 60.0
FAMILY = 0.6  # times ATTRIBUTE: an attribute sharing a label word with one matched
STEER = 12.0  # the kind of answer a question word asks for ("how many": a count)
COMMON = 0.03  # a word in more than this share of facts counts for less
NUMBER = 80.0
TEXT = 20.0
COVERAGE = 25.0  # for each further part of the query a fact matches
ECHO = 10.0  # a word already read as a name or attribute also appears in the fact
MIN_SCORE = 10.0
MAX_SPAN = 6  # words in the longest alias ("Microsoft network interface card")
MAX_QUERY_CHARS = 500
ABOUT_TOLERANCE = 0.03  # "about 48 billion" still matches a query of 48.1 billion
CAP = 2000  # candidates read from one list of the store's postings, at most

_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_LEADING_DIGITS = re.compile(r"\d+")
_RUNS = re.compile(r"\d+|\D+")


class Hit(NamedTuple):
    fact: "Fact"
    score: float


class Query:
    """What a query asks for, once read. Entities and attributes are row numbers."""

    __slots__ = (
        "text", "entities", "attributes", "numbers", "words", "cjk", "echoes", "steers",
        "fallbacks", "makers",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: dict[int, float] = {}  # entity row -> weight
        self.attributes: dict[int, float] = {}  # attribute row -> weight
        self.numbers: list[QueryNumber] = []
        self.words: list[str] = []  # left-over Latin words
        self.cjk: list[str] = []  # left-over Chinese runs
        self.echoes: list[str] = []  # words read as names or attributes
        self.steers: set[Steer] = set()  # the kinds of answer the question asks for
        self.fallbacks: dict[int, str] = {}  # entity row -> the other designation typed
        # product row -> its maker's row, when the query names both ("microsoft's maia")
        self.makers: dict[int, int] = {}

    def add_entity(self, row: int, weight: float) -> None:
        self.entities[row] = max(weight, self.entities.get(row, 0.0))

    def add_attribute(self, row: int, weight: float) -> None:
        self.attributes[row] = max(weight, self.attributes.get(row, 0.0))


class SearchIndex:
    """A store with the lookups search needs; the vocabulary lists are read on first use."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        self._rows: dict[str, tuple[int, ...]] = {}  # a query asks of the same keys often

    def entity_known(self, key: str) -> bool:
        return bool(self.entity_rows(key))

    def entity_rows(self, key: str) -> tuple[int, ...]:
        rows = self._rows.get(key)
        if rows is None:
            rows = self._rows[key] = tuple(self.store.entity_rows(key))
        return rows

    @cached_property
    def longest_cjk_name(self) -> int:
        """The length of the longest Chinese name key: no longer piece of a query
        can be a name."""
        return self.store.longest_cjk_key()

    @cached_property
    def attribute_keys(self) -> dict[str, list[int]]:
        return self.store.attribute_keys

    @cached_property
    def cjk_attributes(self) -> list[str]:
        return sorted((k for k in self.attribute_keys if has_cjk(k)), key=len, reverse=True)

    @cached_property
    def latin_attribute_keys(self) -> list[str]:
        return [k for k in self.attribute_keys if not has_cjk(k)]

    @cached_property
    def label_words(self) -> dict[int, list[str]]:
        """Attribute row -> the words of its id and label (those of 4 letters or more)."""
        found: dict[int, list[str]] = {}
        for word, rows in self.store.attribute_words.items():
            for row in rows:
                found.setdefault(row, []).append(word)
        return found

    @cached_property
    def fact_count(self) -> int:
        return self.store.fact_count()

    def words_starting_with(self, prefix: str) -> list[str]:
        """The vocabulary words that start with ``prefix`` (itself included, if a word)."""
        return self.store.words_with_prefix(prefix)

    def entity_name(self, row: int) -> str:
        return self.store.entity_name(row)


# --- reading a query --------------------------------------------------------------


def read_query(index: SearchIndex, text: str) -> Query:
    """Read a query string into what it asks for (see the module docstring)."""
    query = Query(text)
    toks = tokens(fold(_DIGIT_COMMA.sub("", text)))
    query.steers = steers_of_words([t for t in toks if not has_cjk(t)])
    for tok in toks:
        if has_cjk(tok):
            query.steers |= steers_of_cjk(tok)
    toks = [_possessive(index, t) for t in toks]
    toks = _exact_entities(index, query, toks)
    toks = _attributes(index, query, toks)
    toks = [t for t in toks if has_cjk(t) or not is_function_word(t)]
    query.numbers, toks = parse_numbers(toks)
    i = 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if has_cjk(tok):
            query.cjk += [p for p in cut_cjk_function_words(tok) if len(p) >= 2]
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
    _qualify_products(index, query)
    return query


def _possessive(index: SearchIndex, tok: str) -> str:
    """A possessive typed without its apostrophe ("microsofts", "nvidias'") is the
    name: a word that is no name or attribute, but is one without its final "s"."""
    if has_cjk(tok) or len(tok) < 4 or not tok.endswith("s"):
        return tok
    key, stem = name_key(tok), name_key(tok[:-1])
    if index.entity_known(key) or key in index.attribute_keys or not index.entity_known(stem):
        return tok
    return tok[:-1]


def _qualify_products(index: SearchIndex, query: Query) -> None:
    """A maker named with its product ("microsoft's maia 100", "google's tensor")
    qualifies the product: the question is about the product. The maker's own facts
    rank below the product's, and the product's facts earn nothing for naming
    their maker (every one of them does), so what else matched decides."""
    store = index.store
    for row, weight in list(query.entities.items()):
        maker = store.entity_at(row).maker
        if not maker:
            continue
        for other in index.entity_rows(name_key(maker)):
            if other != row and other in query.entities and store.entity_at(other).id == maker:
                query.makers[row] = other
                query.entities[other] = min(query.entities[other], weight * QUALIFIER)


def _spans(
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


def _exact_entities(index: SearchIndex, query: Query, toks: list[str]) -> list[str]:
    rest: list[str] = []
    spans = list(_spans(_skip_modifiers(index, toks), MAX_SPAN, index.entity_known))
    skip = False
    for n, (words, matched) in enumerate(spans):
        if skip:
            skip = False
            continue
        if matched:
            key = name_key("".join(words))
            after = spans[n + 1][0][0] if n + 1 < len(spans) else ""
            other = _other_designation(index, key, after) if after else []
            if other:  # "maia 200": Maia is a name, Maia 200 is not Maia 100
                for row in other:
                    query.add_entity(row, ENTITY_FUZZY * FALLBACK)
                    query.fallbacks[row] = f"{' '.join(words)} {after}"
                skip = True
                continue
            for row in index.entity_rows(key):
                query.add_entity(row, ENTITY_EXACT)
            query.echoes.extend(words)
        elif has_cjk(tok := words[0]):
            tok = _join_possessive(index, tok)
            _partial_cjk_entities(index, query, tok)
            rest.extend(_cut_entity_names(index, query, tok))
        elif (
            n + 1 < len(spans)
            and not spans[n + 1][1]
            and not has_cjk(spans[n + 1][0][0])
            and _fuzzy_pair(index, query, tok, spans[n + 1][0][0])
        ):
            skip = True  # "microsfot nic": one name of two words, with a typo
        else:
            rest.append(tok)
    return rest


def _join_possessive(index: SearchIndex, run: str) -> str:
    """微软的网卡 is 微软网卡: a 的 between two parts of one Chinese name goes, as a
    possessive's apostrophe does in English. Only runs this short are tried."""
    if "的" not in run or len(run) > 40:
        return run
    i = run.find("的")
    while i != -1:
        left, right = run[:i], run[i + 1 :]
        joined = any(
            index.entity_known(left[a:] + right[:b])
            for a in range(len(left))
            for b in range(1, len(right) + 1)
        )
        run = left + right if joined else run
        i = run.find("的", i if joined else i + 1)
    return run


def _other_designation(index: SearchIndex, key: str, after: str) -> list[int]:
    """The entities a name followed by a model code would be, were the code right:
    "maia" then "200" is no entity, but "maia100" is, so "maia 200" names another
    model of the same family. Empty when the code is part of no such name."""
    code = name_key(after)
    if not code[:1].isdigit() or index.entity_known(key + code):
        return []
    digits = _LEADING_DIGITS.match(code)
    assert digits is not None
    rows = index.entity_rows(key)
    found: set[int] = set()
    for name, row in index.store.entity_keys_between(key + "0", key + ":"):
        theirs = _LEADING_DIGITS.match(name[len(key) :])
        # the same length of code ("200" for "100"), so that a year ("maia 2024") is not one
        if row in rows and theirs and len(theirs.group()) == len(digits.group()):
            found.add(row)
    return sorted(found)


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
                            query.add_entity(row, ENTITY_EXACT)
                        left, right = piece[:start], piece[start + size :]
                        pieces[n : n + 1] = [p for p in (left, right) if p]
                        found = True
                        break
                if found:
                    break
            if found:
                break
    return pieces


def _cut_names(
    run: str,
    names: list[str],
    owners: dict[str, list[int]],
    add: Callable[[int, float], None],
    weight: float,
) -> list[str]:
    """Find known Chinese names inside a run of Chinese; return the pieces left over."""
    pieces = [run]
    for name in names:
        next_pieces: list[str] = []
        for piece in pieces:
            if name in piece:
                for row in owners[name]:
                    add(row, weight)
                next_pieces.extend(p for p in piece.split(name) if p)
            else:
                next_pieces.append(piece)
        pieces = next_pieces
    return pieces


def _attributes(index: SearchIndex, query: Query, toks: list[str]) -> list[str]:
    rest: list[str] = []
    words = index.store.attribute_words

    def known(key: str) -> bool:  # a function word alone is no attribute ("where", "need")
        return key in index.attribute_keys and not is_function_word(key)

    for span, matched in _spans(toks, 3, known):
        key = name_key("".join(span))
        if matched:
            for row in index.attribute_keys[key]:
                query.add_attribute(row, ATTRIBUTE)
                _family(index, query, row)
            query.echoes.extend(w for w in span if not is_function_word(w))
            if len(span) == 1:
                _partial_attributes(index, query, key)
        elif has_cjk(tok := span[0]):
            if not cut_cjk_function_words(tok):  # 多少, 是谁: function words alone match nothing
                rest.append(tok)
                continue
            _partial_attributes(index, query, tok)
            names = index.cjk_attributes
            rest.extend(
                _cut_names(tok, names, index.attribute_keys, query.add_attribute, ATTRIBUTE)
            )
        elif is_function_word(tok):
            rest.append(tok)
        elif tok in words:
            for row in words[tok]:
                query.add_attribute(row, ATTRIBUTE * 0.7)
        elif tok.rstrip("s") in index.attribute_keys:  # plural: "quotas", "nodes"
            for row in index.attribute_keys[tok.rstrip("s")]:
                query.add_attribute(row, ATTRIBUTE * 0.9)
        else:
            rest.append(tok)
    return rest


def _family(index: SearchIndex, query: Query, row: int) -> None:
    """The attributes that share a word of their label with ``row``'s, below it:
    "GPU quota" brings "Quota wait", "Quota approval"…"""
    for word in index.label_words.get(row, ()):
        for other in index.store.attribute_words.get(word, ()):
            if other != row:
                query.add_attribute(other, ATTRIBUTE * FAMILY)


def _partial_cjk_entities(index: SearchIndex, query: Query, run: str) -> None:
    """A Chinese word inside an entity's Chinese name is a weak hint: 网卡 in 微软网卡."""
    if len(run) < 2:
        return
    for row in index.store.entities_with_cjk_part(run):
        query.add_entity(row, ENTITY_FUZZY * 0.7)


def _partial_attributes(index: SearchIndex, query: Query, word: str) -> None:
    """A word that is part of an attribute's name pulls that attribute up a little:
    "quota" is a word of "Quota wait", 配额 is part of 配额审批."""
    owners = set(index.store.attribute_words.get(word, ()))
    if has_cjk(word):
        owners.update(
            r for name in index.cjk_attributes if word in name for r in index.attribute_keys[name]
        )
    for row in owners:
        query.add_attribute(row, ATTRIBUTE * 0.7)


def _fuzzy_attribute(index: SearchIndex, query: Query, tok: str) -> bool:
    """A misspelt attribute word ("trnsistors", "clsuter"); a high cutoff keeps it honest."""
    if len(tok) < 5:
        return False
    from rapidfuzz import fuzz, process

    best = process.extractOne(
        tok, index.latin_attribute_keys, scorer=fuzz.ratio, score_cutoff=85 - 1e-6
    )
    if best is not None:
        for row in index.attribute_keys[best[0]]:
            query.add_attribute(row, ATTRIBUTE * 0.9 * best[1] / 100)
        return True
    # A word of a label with one typo ("shaer" for "share": exactly 0.8, which
    # rapidfuzz's own cutoff can miss, hence a wider cutoff and a check after). Damerau-Levenshtein
    # counts the swap as one typo where the plain ratio counts two.
    from rapidfuzz.distance import DamerauLevenshtein

    words = index.store.attribute_words
    near = process.extractOne(
        tok, list(words), scorer=DamerauLevenshtein.normalized_similarity, score_cutoff=0.78
    )
    if near is None or near[1] < 0.8 - 1e-9:
        return False
    for row in words[near[0]]:
        query.add_attribute(row, ATTRIBUTE * 0.9 * near[1])
    return True


def fuzzy_entity(index: SearchIndex, query: Query, tok: str, typed: str | None = None) -> bool:
    """Match a word to entity names by prefix or typo; True if any matched.

    A plain misspelling (a transposed, doubled, missing or, in a word, wrong
    letter) is a fuzzy match. Another model designation (other digits, another
    letter of a model code: ``b200``/H200, ``h20``/H200, ``gpt4o``/GPT-4) is only a
    fallback, weighted down and recorded in ``query.fallbacks``.
    """
    key = name_key(tok)
    if len(key) < 3 or key.isdigit():
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    found: dict[int, float] = {}
    names: dict[int, str] = {}
    for name, row in index.store.entity_keys_between(key, key + "\U0010ffff"):
        if len(key) >= max(3, len(name) // 2):
            similarity = 0.85 + 0.1 * len(key) / len(name)
            if similarity > found.get(row, 0.0):
                found[row], names[row] = similarity, name
    # Damerau-Levenshtein counts a swapped pair as one typo: "maai" is one edit
    # from "maia" but two from "mai1", where a plain edit ratio ties them.
    cutoff = 0.75 if len(key) <= 4 else 0.8
    # A similarity of at least ``cutoff`` needs lengths within that ratio: the
    # distance is at least the difference in length.
    shortest, longest = math.ceil(len(key) * cutoff) - 1, math.floor(len(key) / cutoff) + 1
    for name, score, _ in process.extract(
        key,
        index.store.latin_entity_keys(shortest, longest),
        scorer=DamerauLevenshtein.normalized_similarity,
        # rapidfuzz turns a similarity cutoff into a distance one, and "maiaa" (exactly
        # 0.8 from "maia") is missed even at 0.8 - 1e-9: ask wider, then filter.
        score_cutoff=cutoff - 0.02,
        limit=5,
    ):
        if score < cutoff - 1e-9:
            continue
        # A replaced letter is a weaker guess than a swapped, doubled or missing one:
        # "maai" is Maia (swapped), not MaaS (replaced).
        similarity = score * 0.95 * (0.9 if _replaces(key, name) else 1.0)
        for row in index.entity_rows(name):
            if similarity > found.get(row, 0.0):
                found[row], names[row] = similarity, name
    if not found:
        return False
    same = {row: sim for row, sim in found.items() if same_designation(key, names[row])}
    chosen, weight = (same, 1.0) if same else (found, FALLBACK)
    best = max(chosen.values())
    for row, similarity in chosen.items():
        if similarity >= best - 0.05:  # keep the near-ties, drop the also-rans
            query.add_entity(row, ENTITY_FUZZY * similarity * weight)
            if not same:
                query.fallbacks.setdefault(row, typed or tok)
    return True


def _fuzzy_pair(index: SearchIndex, query: Query, first: str, second: str) -> bool:
    """Two words that, run together, are one name with a typo ("microsfot nic").
    Only a plain misspelling of the same designation counts: run together, two
    words are too easily near some other name. Tried only for two words of
    letters, not function words, one of which no fact holds: a typo (a fuzzy
    match reads every name of about that length, a cost in a large store)."""
    if not (first.isalpha() and second.isalpha()) or any(map(is_function_word, (first, second))):
        return False
    if index.store.knows_word(first) and index.store.knows_word(second):
        return False
    trial = Query(query.text)
    if not fuzzy_entity(index, trial, first + second) or trial.fallbacks:
        return False
    for row, weight in trial.entities.items():
        query.add_entity(row, weight)
    query.echoes.extend((first, second))  # as a name typed right would be
    return True


def _replaces(typed: str, name: str) -> bool:
    """Whether the cheapest edit from ``typed`` to ``name`` replaces a letter (rather
    than only swapping, doubling or dropping letters)."""
    from rapidfuzz.distance import DamerauLevenshtein, Indel, Levenshtein

    typos = DamerauLevenshtein.distance(typed, name)
    swapped = Levenshtein.distance(typed, name) > typos
    return not swapped and Indel.distance(typed, name) > typos


def same_designation(typed: str, name: str) -> bool:
    """Whether a name key typed fuzzily can mean ``name`` rather than another model.

    Words without digits may differ by any typo. With digits, the digits must be
    the same, nothing may be added after them (``gpt4o`` is not GPT-4), and a
    short letter code may be missing a letter at the end (``mi300`` for MI300X) or
    have a letter doubled, dropped or swapped, but not replaced (``b200``/H200).
    """
    if not any(ch.isdigit() for ch in typed):
        return True
    ours, theirs = _RUNS.findall(typed), _RUNS.findall(name)
    if [r for r in ours if r.isdigit()] != [r for r in theirs if r.isdigit()]:
        return False
    if len(ours) != len(theirs):
        return len(ours) < len(theirs) and ours == theirs[: len(ours)]
    from rapidfuzz.distance import DamerauLevenshtein

    for mine, other in zip(ours, theirs, strict=True):
        if mine == other:
            continue
        if DamerauLevenshtein.distance(mine, other) > 1:
            return False
        replaced = len(mine) == len(other) and sorted(mine) != sorted(other)
        if replaced and min(len(mine), len(other)) < 4:
            return False
    return True


# --- matching facts ------------------------------------------------------------------


class _Matches(NamedTuple):
    """For one query: which fact rows each part of it matched, and how well."""

    mentions: dict[int, float]  # row -> weight of the best query entity it names
    words: list[dict[int, float]]  # per left-over word: row -> similarity
    cjk: list[dict[int, float]]  # per left-over Chinese run: row -> similarity
    echoes: list[set[int]]  # per word read as a name or attribute: rows whose text repeats it
    weights: list[float]  # per left-over word, then Chinese run: how rare it is (see _rarity)


def _word_postings(index: SearchIndex, word: str) -> dict[int, float]:
    store = index.store
    found = dict.fromkeys(store.rows_with_word(word, CAP), 1.0)
    if len(word) >= 4:
        for other in index.words_starting_with(word):
            for row in store.rows_with_word(other, CAP):
                found.setdefault(row, 0.8)  # the word itself already set 1.0
        if word.isalpha():
            from rapidfuzz import fuzz, process

            near = store.words_of_length(int(len(word) * 0.7), int(len(word) * 1.4) + 1)
            for other, score, _ in process.extract(
                word, near, scorer=fuzz.ratio, score_cutoff=85, limit=20
            ):
                for row in store.rows_with_word(other, CAP):
                    found.setdefault(row, 0.7 * score / 100)
            if len(word) >= TYPO_WORD:
                # one typo in a longer word ("projcet", "tranistor") still names the word
                from rapidfuzz.distance import DamerauLevenshtein

                near = store.words_of_length(len(word) - 1, len(word) + 1)
                for other, _, _ in process.extract(
                    word, near, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=20
                ):
                    for row in store.rows_with_word(other, CAP):
                        found[row] = max(found.get(row, 0.0), WHOLE)
    return found


def _rows_containing(index: SearchIndex, text: str) -> set[int]:
    """Fact rows whose folded quote and summary contain ``text``.

    Pairs of characters are indexed: the rows holding every pair of ``text`` are
    the candidates, and each is checked for the whole text.
    """
    store = index.store
    pairs = {ord(text[i]) << 21 | ord(text[i + 1]) for i in range(len(text) - 1)}
    if not pairs:  # one character: no pair to look up
        return set(store.rows_containing(text, None, CAP))
    rows: set[int] | None = None
    for pair in sorted(pairs, key=lambda g: len(store.rows_with_gram(g, CAP))):
        found = set(store.rows_with_gram(pair, CAP))
        rows = found if rows is None else rows & found
        if not rows:
            return set()
    assert rows is not None
    if len(text) == 2:
        return rows
    return set(store.rows_containing(text, rows, CAP))


def _cjk_postings(index: SearchIndex, run: str) -> dict[int, float]:
    found = dict.fromkeys(_rows_containing(index, run), 1.0)
    pairs = list(dict.fromkeys(run[i : i + 2] for i in range(len(run) - 1)))
    counts: dict[int, int] = {}
    for pair in pairs if len(pairs) > 1 else ():
        for row in _rows_containing(index, pair):
            counts[row] = counts.get(row, 0) + 1
    for row, hits in counts.items():
        found.setdefault(row, 0.8 * hits / len(pairs))
    return found


def _echo_rows(index: SearchIndex, word: str, rows: set[int]) -> set[int]:
    if has_cjk(word):
        return set(index.store.rows_containing(word, rows, CAP)) if rows else set()
    found: set[int] = set()
    for other in index.words_starting_with(word):
        found.update(r for r in index.store.rows_with_word(other, CAP) if r in rows)
    return found


def _number_candidates(index: SearchIndex, number: QueryNumber) -> set[int]:
    store = index.store
    found: set[int] = set()
    value = number.value
    if number.unit is None and value.is_integer() and 1000 <= value <= 9999:
        found.update(store.rows_in_year(int(value), CAP))
    low = value * (1 - ABOUT_TOLERANCE) - 1e-12
    high = value * (1 + ABOUT_TOLERANCE) + 1e-12
    found.update(store.rows_with_number(min(low, high), max(low, high), CAP))
    found.update(store.rows_with_range(value, 1e-6, CAP))
    return found


def _number_match(index: SearchIndex, number: QueryNumber, row: "ScoringRow") -> float:
    kind = index.store.attribute_types[row.attribute]
    if kind not in ("date", "number"):
        return 0.0
    value = row.value
    if kind == "date":
        whole = number.value.is_integer() and number.unit is None
        return NUMBER * 0.6 if whole and int(value[:4]) == int(number.value) else 0.0
    if number.unit is not None and number.unit != row.unit:
        return 0.0
    target = number.value
    if row.bound == "range":
        low, high = row.low or 0.0, row.high or 0.0
        if _close(target, low) or _close(target, high):
            return NUMBER
        return NUMBER * 0.75 if low <= target <= high else 0.0
    value = float(value)
    if _close(target, value):
        return NUMBER
    if row.bound == "about" and _close(target, value, ABOUT_TOLERANCE):
        return NUMBER * 0.8
    return 0.0


def _close(a: float, b: float, tolerance: float = 1e-6) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-12)


class Score(NamedTuple):
    """How well a fact row matched: its score, and for ties, what it matched."""

    value: float
    rank: int  # 0: the entity and an attribute asked for, 1: the entity, 2: an attribute,
    # 3: a mention, number or text
    meaningful: bool  # a name, attribute, number or whole word, not only fragments
    bare: bool  # matched by its entity and nothing else


# A whole word (or a whole run of Chinese) found in a fact, or a word of at least
# TYPO_WORD letters one typo away; below, a prefix or a looser typo.
WHOLE = 0.8
TYPO_WORD = 5


def score_row(
    index: SearchIndex, query: Query, matches: _Matches, n: int, row: "ScoringRow"
) -> Score:
    """Add up what fact row ``n`` matched; each part beyond the first earns COVERAGE."""
    parts: list[float] = []
    meaningful = False
    own = query.entities.get(row.entity, 0.0)
    if own:
        parts.append(own)
    mention = matches.mentions.get(n, 0.0)
    if mention:
        parts.append(ENTITY_MENTIONED * mention / ENTITY_EXACT)
    attribute = query.attributes.get(row.attribute, 0.0)
    if attribute:
        parts.append(attribute)
    meaningful = bool(parts)
    number = max((_number_match(index, q, row) for q in query.numbers), default=0.0)
    if number:
        parts.append(number)
        meaningful = True
    for postings, weight in zip((*matches.words, *matches.cjk), matches.weights, strict=True):
        if n in postings:
            parts.append(TEXT * postings[n] * weight)
            meaningful = meaningful or postings[n] >= WHOLE
    if not parts:
        return Score(0.0, 4, False, False)
    # Echoes only break ties: "雅典娜" prefers the facts whose quote says 雅典娜.
    echo = ECHO * sum(n in rows for rows in matches.echoes)
    steer = STEER * _steered(index, query.steers, row)
    value = sum(parts) + COVERAGE * (len(parts) - 1) + echo + steer
    # an attribute named in the query is the more specific match among facts of an entity
    rank = (0 if attribute else 1) if own else 2 if attribute else 3
    return Score(round(value, 6), rank, meaningful, bool(own) and len(parts) == 1)


def _steered(index: SearchIndex, steers: set[Steer], row: "ScoringRow") -> bool:
    """Whether the fact is the kind of answer the question words ask for."""
    if not steers:
        return False
    kind = index.store.attribute_types[row.attribute]
    if kind == "date":
        return Steer.DATE in steers
    if kind != "number":
        return False
    if row.unit == "USD":
        return Steer.MONEY in steers
    if row.unit in ("x", "percent"):
        return Steer.RATIO in steers
    return Steer.COUNT in steers and row.unit not in ("nm", "Hz")


def search(
    index: SearchIndex, text: str, allowed: set[int] | None = None, limit: int = 10
) -> list[Hit]:
    """The best ``limit`` facts for a query, best first (among fact rows ``allowed``)."""
    return find(index, text, allowed, limit).hits


class Found(NamedTuple):
    """What a search found, and the other designations it fell back from."""

    hits: list[Hit]
    fallbacks: dict[str, str]  # what was typed -> the entity name offered instead
    total: int  # how many facts matched (among the capped candidates; see ``CAP``)


def find(
    index: SearchIndex, text: str, allowed: set[int] | None = None, limit: int | None = 10
) -> Found:
    """The best ``limit`` facts for a query (all for None), and the fallbacks it made
    (see ``Found``)."""
    query = read_query(index, text)
    store = index.store
    candidates: set[int] = set()
    mentioned: list[tuple[int, int, float]] = []  # (fact row, entity it names, weight)
    # A name shared by thousands of entities ("maia" in a store of many copies) must
    # not gather all their facts: the best-matched entities first (then store
    # order), until CAP rows of their own facts and CAP of their mentions are read.
    own = mentions_left = CAP
    for entity, weight in sorted(query.entities.items(), key=lambda ew: (-ew[1], ew[0])):
        if own > 0:
            rows = store.rows_of_entity(entity, own)
            candidates.update(rows)
            own -= len(rows)
        if mentions_left > 0:
            rows = store.rows_mentioning(entity, mentions_left)
            mentioned += [(row, entity, weight) for row in rows]
            mentions_left -= len(rows)
        if own <= 0 and mentions_left <= 0:
            break
    for attribute in query.attributes:
        candidates.update(store.rows_of_attribute(attribute, CAP))
    for number in query.numbers:
        candidates.update(_number_candidates(index, number))
    words = [_word_postings(index, w) for w in query.words]
    cjk = [_cjk_postings(index, run) for run in query.cjk]
    for postings in (*words, *cjk):
        candidates.update(postings)
    candidates.update(row for row, _, _ in mentioned)
    if allowed is not None:
        candidates &= allowed
    columns = store.scoring_columns(candidates)
    mentions: dict[int, float] = {}
    for row, entity, weight in mentioned:
        if row not in columns or columns[row].entity == entity:  # not its own entity
            continue
        if query.makers.get(columns[row].entity) == entity:  # its maker, named with it
            continue
        mentions[row] = max(weight, mentions.get(row, 0.0))
    echoes = [_echo_rows(index, word, candidates) for word in query.echoes]
    weights = [_rarity(index, postings) for postings in (*words, *cjk)]
    matches = _Matches(mentions, words, cjk, echoes, weights)
    scored = []
    for n in candidates:
        if n in columns:
            score = score_row(index, query, matches, n, columns[n])
            if score.meaningful and score.value >= MIN_SCORE:
                scored.append((score, n))
    # Ties: what matched (entity, attribute, text), then newer first, by month (a
    # partial date "2023-11" cannot be ordered against a day of that month), then
    # store order; a fact matched by its entity alone (a bare name) in the store's
    # attribute order (specs before events), as ``show`` lists them.
    scored.sort(key=lambda sn: (columns[sn[1]].attribute if sn[0].bare else -1, sn[1]))
    scored.sort(key=lambda sn: columns[sn[1]].as_of[:7], reverse=True)
    scored.sort(key=lambda sn: (-sn[0].value, sn[0].rank))
    top = scored[:limit]
    facts = store.facts_at([n for _, n in top])
    hits = [Hit(fact, score.value) for fact, (score, _) in zip(facts, top, strict=True)]
    shown = {columns[n].entity for _, n in top}
    fallbacks = {
        typed: index.entity_name(row) for row, typed in query.fallbacks.items() if row in shown
    }
    return Found(hits, fallbacks, len(scored))


def _rarity(index: SearchIndex, postings: dict[int, float]) -> float:
    """How much a word counts: 1 for a word in few facts, less for one in many
    ("chip", 芯片), never below a quarter."""
    whole = sum(1 for v in postings.values() if v >= WHOLE) or len(postings)
    share = whole / max(index.fact_count, 1)
    if share <= COMMON:
        return 1.0
    return max(0.25, math.log(1 / share) / math.log(1 / COMMON))


def suggest_entities(index: SearchIndex, text: str, limit: int = 3) -> list[str]:
    """Entity names close to what was typed, for "did you mean".

    Each word is compared on its own (and the whole text once), by edit
    similarity: partial-match scorers suggest "Amazon Web Services" for anything
    that shares three letters with it.
    """
    from rapidfuzz import fuzz, process

    words = [w for w in tokens(fold(text)) if not is_function_word(w)]  # never "and" -> AMD
    candidates = [name_key(" ".join(words)), *(name_key(w) for w in words)]
    scored: dict[int, float] = {}
    names = index.store.all_entity_keys
    for key in dict.fromkeys(k for k in candidates if len(k) >= 2):
        for name, score, _ in process.extract(
            key, names, scorer=fuzz.ratio, score_cutoff=60, limit=5
        ):
            for row in index.entity_rows(name):
                scored[row] = max(scored.get(row, 0.0), score)
    ranked = sorted(scored, key=lambda r: (-scored[r], index.store.entity_at(r).id))
    return [index.entity_name(r) for r in ranked[:limit]]
