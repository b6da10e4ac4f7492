"""Rank the facts of a store against what a person typed.

A query is read in this order, each step consuming the words it recognises:

1. exact names: the longest run of words that is an entity's id, name or alias
   once spacing, hyphens and case are ignored (``maia 100``, ``Azure OpenAI``,
   ``微軟``), then Chinese names found inside a run of Chinese (``微软配额``);
2. attributes: ids, labels and synonyms (``transistors``, ``node``, ``晶体管``);
3. numbers in any notation (see ``numbers``);
4. fuzzy names: prefixes and typos (``mi300``, ``maai``, ``trainum``);
5. whatever is left is matched against each fact's words and quote.

A fact's score adds what it matched. Weights are chosen so that an exact name
(100) always outranks a fuzzy one (at most 90), and a fact that matches both the
entity and the attribute asked for outranks one that matches either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from chipfacts.dates import PartialDate
from chipfacts.numbers import QueryNumber, parse_numbers
from chipfacts.records import Bound, Fact, ValueType
from chipfacts.store import Store
from chipfacts.textnorm import fold, has_cjk, name_key, tokens

ENTITY_EXACT = 100.0
ENTITY_FUZZY = 90.0  # times similarity: always below an exact match
ENTITY_MENTIONED = 30.0  # the entity is related to, or claims, the fact
ATTRIBUTE = 60.0
NUMBER = 80.0
TEXT = 20.0
COVERAGE = 25.0  # for each further part of the query a fact matches
ECHO = 10.0  # a word already read as a name or attribute also appears in the fact
MIN_SCORE = 10.0
MAX_SPAN = 6  # words in the longest alias ("Microsoft network interface card")
MAX_QUERY_CHARS = 500

_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


@dataclass(frozen=True, slots=True)
class Hit:
    fact: Fact
    score: float


@dataclass
class Query:
    """What a query asks for, once read."""

    text: str
    entities: dict[str, float] = field(default_factory=dict)  # entity id -> weight
    attributes: dict[str, float] = field(default_factory=dict)  # attribute id -> weight
    numbers: list[QueryNumber] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # left-over Latin words
    cjk: list[str] = field(default_factory=list)  # left-over Chinese runs
    echoes: list[str] = field(default_factory=list)  # words read as names or attributes

    def add_entity(self, ident: str, weight: float) -> None:
        self.entities[ident] = max(weight, self.entities.get(ident, 0.0))

    def add_attribute(self, ident: str, weight: float) -> None:
        self.attributes[ident] = max(weight, self.attributes.get(ident, 0.0))


class SearchIndex:
    """Lookup tables over one store, built once per store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.entity_keys: dict[str, set[str]] = {}
        for entity in store.entities.values():
            for name in (entity.id, entity.name, *entity.aliases):
                key = name_key(name)
                if key:
                    self.entity_keys.setdefault(key, set()).add(entity.id)
        self.attribute_keys: dict[str, set[str]] = {}
        self.attribute_words: dict[str, set[str]] = {}
        for attribute in store.attributes.values():
            for name in (attribute.id, attribute.label, *attribute.synonyms):
                self.attribute_keys.setdefault(name_key(name), set()).add(attribute.id)
            for word in tokens(fold(f"{attribute.id.replace('_', ' ')} {attribute.label}")):
                if len(word) >= 4:
                    self.attribute_words.setdefault(word, set()).add(attribute.id)
        # Chinese names and synonyms, longest first, for finding them inside a run.
        self.cjk_entities = sorted(
            (k for k in self.entity_keys if has_cjk(k)), key=len, reverse=True
        )
        self.cjk_attributes = sorted(
            (k for k in self.attribute_keys if has_cjk(k)), key=len, reverse=True
        )
        self.latin_entity_keys = [k for k in self.entity_keys if not has_cjk(k)]
        self.latin_attribute_keys = [k for k in self.attribute_keys if not has_cjk(k)]
        self.attribute_order = {ident: i for i, ident in enumerate(store.attributes)}
        self.fact_order = {ident: i for i, ident in enumerate(store.facts)}

    @cached_property
    def fact_text(self) -> dict[str, tuple[frozenset[str], str]]:
        """Per fact: its searchable words, and its folded quote and summary for Chinese."""
        texts = {}
        for fact in self.store.facts.values():
            blob = " ".join(
                filter(
                    None,
                    (fact.summary, fact.context, fact.note, _text_value(fact), fact.entity.name,
                     fact.attribute.label, fact.source.publisher),
                )
            )  # fmt: skip
            words = frozenset(tokens(fold(blob)))
            texts[fact.id] = (words, fold(fact.quote + fact.summary))
        return texts


def _text_value(fact: Fact) -> str | None:
    return fact.value if isinstance(fact.value, str) else None


def read_query(index: SearchIndex, text: str) -> Query:
    """Read a query string into what it asks for (see the module docstring)."""
    query = Query(text)
    toks = tokens(fold(_DIGIT_COMMA.sub("", text)))
    toks = _exact_entities(index, query, toks)
    toks = _attributes(index, query, toks)
    query.numbers, toks = parse_numbers(toks)
    for tok in toks:
        if has_cjk(tok):
            query.cjk.append(tok)
        elif not (_fuzzy_attribute(index, query, tok) or fuzzy_entity(index, query, tok)):
            query.words.append(tok)
    return query


def _spans(
    toks: list[str], longest: int, known: Callable[[str], bool]
) -> Iterator[tuple[list[str], bool]]:
    """Walk the tokens, taking the longest run whose joined key is ``known``.

    Yields each run with True, or a single unknown token with False; so
    "azure openai" is one name before "azure" alone is considered.
    """
    i = 0
    while i < len(toks):
        for span in range(min(longest, len(toks) - i), 0, -1):
            if known(name_key("".join(toks[i : i + span]))):
                yield toks[i : i + span], True
                i += span
                break
        else:
            yield [toks[i]], False
            i += 1


def _exact_entities(index: SearchIndex, query: Query, toks: list[str]) -> list[str]:
    rest: list[str] = []
    for words, matched in _spans(toks, MAX_SPAN, index.entity_keys.__contains__):
        if matched:
            for ident in index.entity_keys[name_key("".join(words))]:
                query.add_entity(ident, ENTITY_EXACT)
            query.echoes.extend(words)
        elif has_cjk(tok := words[0]):
            _partial_cjk_entities(index, query, tok)
            names = index.cjk_entities
            rest.extend(_cut_names(tok, names, index.entity_keys, query.add_entity, ENTITY_EXACT))
        else:
            rest.append(tok)
    return rest


def _cut_names(
    run: str,
    names: list[str],
    owners: Mapping[str, set[str]],
    add: Callable[[str, float], None],
    weight: float,
) -> list[str]:
    """Find known Chinese names inside a run of Chinese; return the pieces left over."""
    pieces = [run]
    for name in names:
        next_pieces: list[str] = []
        for piece in pieces:
            if name in piece:
                for ident in owners[name]:
                    add(ident, weight)
                next_pieces.extend(p for p in piece.split(name) if p)
            else:
                next_pieces.append(piece)
        pieces = next_pieces
    return pieces


def _attributes(index: SearchIndex, query: Query, toks: list[str]) -> list[str]:
    rest: list[str] = []
    for words, matched in _spans(toks, 3, index.attribute_keys.__contains__):
        key = name_key("".join(words))
        if matched:
            for ident in index.attribute_keys[key]:
                query.add_attribute(ident, ATTRIBUTE)
            query.echoes.extend(words)
            if len(words) == 1:
                _partial_attributes(index, query, key)
        elif has_cjk(tok := words[0]):
            _partial_attributes(index, query, tok)
            names = index.cjk_attributes
            rest.extend(
                _cut_names(tok, names, index.attribute_keys, query.add_attribute, ATTRIBUTE)
            )
        elif tok in index.attribute_words:
            for ident in index.attribute_words[tok]:
                query.add_attribute(ident, ATTRIBUTE * 0.7)
        elif tok.rstrip("s") in index.attribute_keys:  # plural: "quotas", "nodes"
            for ident in index.attribute_keys[tok.rstrip("s")]:
                query.add_attribute(ident, ATTRIBUTE * 0.9)
        else:
            rest.append(tok)
    return rest


def _partial_cjk_entities(index: SearchIndex, query: Query, run: str) -> None:
    """A Chinese word inside an entity's Chinese name is a weak hint: 网卡 in 微软网卡."""
    if len(run) < 2:
        return
    for name in index.cjk_entities:
        if run in name and run != name:
            for ident in index.entity_keys[name]:
                query.add_entity(ident, ENTITY_FUZZY * 0.7)


def _partial_attributes(index: SearchIndex, query: Query, word: str) -> None:
    """A word that is part of an attribute's name pulls that attribute up a little:
    "quota" is a word of "Quota wait", 配额 is part of 配额审批."""
    owners = set(index.attribute_words.get(word, ()))
    if has_cjk(word):
        owners.update(
            i for name in index.cjk_attributes if word in name for i in index.attribute_keys[name]
        )
    for ident in owners:
        query.add_attribute(ident, ATTRIBUTE * 0.7)


def _fuzzy_attribute(index: SearchIndex, query: Query, tok: str) -> bool:
    """A misspelt attribute word ("trnsistors", "clsuter"); a high cutoff keeps it honest."""
    if len(tok) < 5:
        return False
    best = process.extractOne(tok, index.latin_attribute_keys, scorer=fuzz.ratio, score_cutoff=85)
    if best is None:
        return False
    for ident in index.attribute_keys[best[0]]:
        query.add_attribute(ident, ATTRIBUTE * 0.9 * best[1] / 100)
    return True


def fuzzy_entity(index: SearchIndex, query: Query, tok: str) -> bool:
    """Match a word to entity names by prefix or typo; True if any matched."""
    key = name_key(tok)
    if len(key) < 3 or key.isdigit():
        return False
    found: dict[str, float] = {}
    for name in index.latin_entity_keys:
        if name.startswith(key) and len(key) >= max(3, len(name) // 2):
            similarity = 0.85 + 0.1 * len(key) / len(name)
            for ident in index.entity_keys[name]:
                found[ident] = max(found.get(ident, 0.0), similarity)
    # Damerau-Levenshtein counts a swapped pair as one typo: "maai" is one edit
    # from "maia" but two from "mai1", where a plain edit ratio ties them.
    cutoff = 0.75 if len(key) <= 4 else 0.8
    for name, score, _ in process.extract(
        key,
        index.latin_entity_keys,
        scorer=DamerauLevenshtein.normalized_similarity,
        score_cutoff=cutoff,
        limit=5,
    ):
        for ident in index.entity_keys[name]:
            found[ident] = max(found.get(ident, 0.0), score * 0.95)
    if not found:
        return False
    best = max(found.values())
    for ident, similarity in found.items():
        if similarity >= best - 0.05:  # keep the near-ties, drop the also-rans
            query.add_entity(ident, ENTITY_FUZZY * similarity)
    return True


def score_fact(index: SearchIndex, query: Query, fact: Fact) -> float:
    """Add up what the fact matched; each part matched beyond the first earns COVERAGE."""
    parts: list[float] = []
    own = query.entities.get(fact.entity.id, 0.0)
    if own:
        parts.append(own)
    mentioned = {e.id for e in fact.related}
    if fact.claimed_by is not None:
        mentioned.add(fact.claimed_by.id)
    mentioned.discard(fact.entity.id)
    mention = max((query.entities[i] for i in mentioned if i in query.entities), default=0.0)
    if mention:
        parts.append(ENTITY_MENTIONED * mention / ENTITY_EXACT)
    if fact.attribute.id in query.attributes:
        parts.append(query.attributes[fact.attribute.id])
    number = max((_number_match(n, fact) for n in query.numbers), default=0.0)
    if number:
        parts.append(number)
    words, chinese = index.fact_text[fact.id]
    for word in query.words:
        if similarity := _word_match(word, words):
            parts.append(TEXT * similarity)
    for run in query.cjk:
        if similarity := _cjk_match(run, chinese):
            parts.append(TEXT * similarity)
    if not parts:
        return 0.0
    # Echoes only break ties: "雅典娜" prefers the facts whose quote says 雅典娜.
    echo = sum(ECHO for w in query.echoes if _echoed(w, words, chinese))
    return sum(parts) + COVERAGE * (len(parts) - 1) + echo


def _echoed(word: str, words: frozenset[str], chinese: str) -> bool:
    if has_cjk(word):
        return word in chinese
    return word in words or any(w.startswith(word) for w in words)  # "h100" in "h100s"


def _number_match(number: QueryNumber, fact: Fact) -> float:
    if isinstance(fact.value, PartialDate):
        whole = number.value.is_integer() and number.unit is None
        return NUMBER * 0.6 if whole and fact.value.year == int(number.value) else 0.0
    if fact.attribute.type is not ValueType.NUMBER:
        return 0.0
    if number.unit is not None and number.unit != fact.unit:
        return 0.0
    target = number.value
    if fact.bound is Bound.RANGE:
        assert fact.low is not None and fact.high is not None
        if _close(target, fact.low) or _close(target, fact.high):
            return NUMBER
        return NUMBER * 0.75 if fact.low <= target <= fact.high else 0.0
    assert isinstance(fact.value, int | float)
    if _close(target, fact.value):
        return NUMBER
    if fact.bound is Bound.ABOUT and _close(target, fact.value, 0.03):
        return NUMBER * 0.8
    return 0.0


def _close(a: float, b: float, tolerance: float = 1e-6) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-12)


def _word_match(word: str, words: frozenset[str]) -> float:
    if word in words:
        return 1.0
    if len(word) >= 4:
        if any(w.startswith(word) for w in words):
            return 0.8
        best = process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=85)
        if best is not None:
            return 0.7 * best[1] / 100
    return 0.0


def _cjk_match(run: str, chinese: str) -> float:
    if run in chinese:
        return 1.0
    if len(run) < 2:
        return 0.0
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    found = sum(pair in chinese for pair in pairs)
    return 0.8 * found / len(pairs) if found else 0.0


def search(
    index: SearchIndex, text: str, facts: Iterable[Fact] | None = None, limit: int = 10
) -> list[Hit]:
    """The best ``limit`` facts for a query, best first (among ``facts`` if given)."""
    query = read_query(index, text)
    candidates = index.store.facts.values() if facts is None else facts
    hits = [Hit(f, s) for f in candidates if (s := score_fact(index, query, f)) >= MIN_SCORE]
    # Ties: the store's attribute order (specs before events), then file order.
    hits.sort(
        key=lambda h: (
            -h.score,
            index.attribute_order[h.fact.attribute.id],
            index.fact_order[h.fact.id],
        )
    )
    return hits[:limit]


def suggest_entities(index: SearchIndex, text: str, limit: int = 3) -> list[str]:
    """Entity names close to what was typed, for "did you mean".

    Each word is compared on its own (and the whole text once), by edit
    similarity: partial-match scorers suggest "Amazon Web Services" for anything
    that shares three letters with it.
    """
    owners = index.entity_keys
    candidates = [name_key(text), *(name_key(w) for w in tokens(fold(text)))]
    scored: dict[str, float] = {}
    for key in dict.fromkeys(k for k in candidates if len(k) >= 2):
        for name, score, _ in process.extract(
            key, list(owners), scorer=fuzz.ratio, score_cutoff=60, limit=5
        ):
            for ident in owners[name]:
                scored[ident] = max(scored.get(ident, 0.0), score)
    ranked = sorted(scored, key=lambda i: (-scored[i], i))
    return [index.store.entities[i].name for i in ranked[:limit]]
