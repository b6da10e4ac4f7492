"""Names typed loosely: prefixes and typos (``mi300``, ``maai``, ``trainum``), and
the line between a misspelling and another model's designation (``b200`` is not
H200: it is only a fallback, ranked low and reported)."""

from __future__ import annotations

import math
import re

from chipfacts.search.index import SearchIndex
from chipfacts.search.query import Query
from chipfacts.search.weights import ENTITY_FUZZY, FALLBACK
from chipfacts.text.normalize import fold, name_key, tokens
from chipfacts.text.question import is_function_word

_RUNS = re.compile(r"\d+|\D+")


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
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    found: dict[int, float] = {}
    names: dict[int, str] = {}
    for name, row in index.entity_keys_between(key, key + "\U0010ffff"):
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
    near = _within_typos(key, index.latin_entity_keys(shortest, longest), cutoff - 0.02, longest)
    for name, score, _ in process.extract(
        key,
        sorted(near),  # ties go to the first: in key order, as they always have
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
            query.add_entity(row, ENTITY_FUZZY * similarity * weight, typed or tok)
            if not same:
                query.fallbacks.setdefault(row, typed or tok)
    return True


def _within_typos(key: str, names: list[str], cutoff: float, longest: int) -> list[str]:
    """The names, in their order, that can be within Damerau-Levenshtein similarity
    ``cutoff`` of ``key`` (names at most ``longest`` long): the others cannot score.

    A large store has a hundred thousand names of a word's length, and that distance
    is slow to compute; the Indel distance (inserted and deleted letters only) is
    fast, and never more than twice it (a replaced or swapped letter is two), so a
    name more than twice the typos allowed away by Indel is not near by any count.
    """
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    typos = math.ceil((1 - cutoff) * longest)  # ceil: wider than needed, never narrower
    near = process.extract(key, names, scorer=Indel.distance, score_cutoff=2 * typos, limit=None)
    return [names[at] for at in sorted(at for _, _, at in near)]


def fuzzy_pair(index: SearchIndex, query: Query, first: str, second: str) -> bool:
    """Two words that, run together, are one name with a typo ("microsfot nic").
    Only a plain misspelling of the same designation counts: run together, two
    words are too easily near some other name. Tried only for two words of
    letters, not function words, one of which no fact holds: a typo (a fuzzy
    match reads every name of about that length, a cost in a large store)."""
    if not (first.isalpha() and second.isalpha()) or any(map(is_function_word, (first, second))):
        return False
    if index.knows_word(first) and index.knows_word(second):
        return False
    trial = Query(query.text)
    if not fuzzy_entity(index, trial, first + second) or trial.fallbacks:
        return False
    for row, weight in trial.entities.items():
        query.add_entity(row, weight, f"{first} {second}")
    query.echoes.extend((first, second))  # as a name typed right would be
    return True


def _replaces(typed: str, name: str) -> bool:
    """Whether the cheapest edit from ``typed`` to ``name`` replaces a letter (rather
    than only swapping, doubling or dropping letters)."""
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
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
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
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


def suggest_entities(index: SearchIndex, text: str, limit: int = 3) -> list[str]:
    """Entity names close to what was typed, for "did you mean".

    Each word is compared on its own (and the whole text once), by edit
    similarity: partial-match scorers suggest "Amazon Web Services" for anything
    that shares three letters with it.
    """
    # lazy: rapidfuzz (35 ms) only for a word not known as typed
    from rapidfuzz import fuzz, process

    words = [w for w in tokens(fold(text)) if not is_function_word(w)]  # never "and" -> AMD
    candidates = [name_key(" ".join(words)), *(name_key(w) for w in words)]
    scored: dict[int, float] = {}
    names = index.every_entity_key()
    for key in dict.fromkeys(k for k in candidates if len(k) >= 2):
        near = process.extract(key, names, scorer=fuzz.ratio, score_cutoff=60, limit=None)
        # the best five, ties in key order (the keys come in another order: sorting
        # the few near is cheaper than sorting 200,000 names)
        for name, score, _ in sorted(near, key=lambda found: (-found[1], found[0]))[:5]:
            for row in index.entity_rows(name):
                scored[row] = max(scored.get(row, 0.0), score)
    ranked = sorted(scored, key=lambda r: (-scored[r], index.entity_at(r).id))
    return [index.entity_name(r) for r in ranked[:limit]]
