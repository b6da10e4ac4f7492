"""The candidate facts of each part of a query, from the store's postings.

Each list of candidates is capped (``CAP`` rows, in store order), so a word
shared by half of a million facts costs no more than one shared by two thousand.
"""

from __future__ import annotations

from chipfacts.search.index import SearchIndex
from chipfacts.search.weights import ABOUT_TOLERANCE, CAP, TYPO_WORD, WHOLE
from chipfacts.text.normalize import has_cjk
from chipfacts.text.numbers import QueryNumber
from chipfacts.text.terms import gram_number, pair_numbers

# The endings that make a word's inflections (see ``word_postings``).
_INFLECTIONS = frozenset({"s", "es", "d", "ed", "ing", "'s"})


def word_postings(index: SearchIndex, word: str) -> dict[int, float]:
    found = dict.fromkeys(index.rows_with_word(word, CAP), 1.0)
    # the same word in the other number: "gpu" finds "GPUs", "quotas" finds "quota";
    # both numbers together are one list of candidates, capped as one
    other = word[:-1] if word.endswith("s") and len(word) > 3 else f"{word}s"
    if word.isalpha() and len(found) < CAP:
        for row in index.rows_with_word(other, CAP - len(found)):
            found.setdefault(row, 1.0)
    if len(word) >= 4:
        known = bool(found)
        for other in index.words_starting_with(word):
            # a word the facts use is meant as typed: a longer word it begins is
            # only its inflection ("develop": develops, developing), not another
            # word ("custom" is not "customers")
            ending = other[len(word) :]
            doubled = ending[:1] == word[-1] and ending[1:] in ("ed", "ing")  # "planned"
            if known and ending not in _INFLECTIONS and not doubled:
                continue
            for row in index.rows_with_word(other, CAP):
                found.setdefault(row, 0.8)  # the word itself already set 1.0
        if word.isalpha():
            # lazy: rapidfuzz (35 ms) only for a word not known as typed
            from rapidfuzz import fuzz, process

            near = index.words_of_length(int(len(word) * 0.7), int(len(word) * 1.4) + 1)
            for other, score, _ in process.extract(
                word, near, scorer=fuzz.ratio, score_cutoff=85, limit=20
            ):
                for row in index.rows_with_word(other, CAP):
                    found.setdefault(row, 0.7 * score / 100)
            if len(word) >= TYPO_WORD:
                # one typo in a longer word ("projcet", "tranistor") still names the word
                # lazy: rapidfuzz (35 ms) only for a word not known as typed
                from rapidfuzz.distance import DamerauLevenshtein

                near = index.words_of_length(len(word) - 1, len(word) + 1)
                for other, _, _ in process.extract(
                    word, near, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=20
                ):
                    for row in index.rows_with_word(other, CAP):
                        found[row] = max(found.get(row, 0.0), WHOLE)
    return found


def _rows_containing(index: SearchIndex, text: str) -> set[int]:
    """Fact rows whose folded quote and summary contain ``text``.

    Pairs of characters are indexed: the rows holding every pair of ``text`` are
    the candidates, and each is checked for the whole text.
    """
    pairs = pair_numbers(text)
    if not pairs:  # one character: no pair to look up
        return set(index.rows_containing(text, None, CAP))
    rows: set[int] | None = None
    for pair in sorted(pairs, key=lambda g: len(index.rows_with_gram(g, CAP))):
        found = set(index.rows_with_gram(pair, CAP))
        rows = found if rows is None else rows & found
        if not rows:
            return set()
    assert rows is not None
    if len(text) == 2:
        return rows
    return set(index.rows_containing(text, rows, CAP))


def cjk_postings(index: SearchIndex, run: str) -> dict[int, float]:
    """The rows holding a run of Chinese (1.0), or some of its pairs of characters:
    the share of the run they hold, each pair weighed by its rarity, so that in
    最早开始自研芯片 the rare 最早 says more than the common 芯片."""
    found = dict.fromkeys(_rows_containing(index, run), 1.0)
    pairs = list(dict.fromkeys(run[i : i + 2] for i in range(len(run) - 1)))
    if len(pairs) < 2:
        return found
    weights = index.rarities("gram", [gram_number(pair) for pair in pairs])
    total = sum(weights.values())
    shares: dict[int, float] = {}
    for pair in pairs:
        weight = weights[gram_number(pair)]
        for row in _rows_containing(index, pair):
            shares[row] = shares.get(row, 0.0) + weight
    for row, share in shares.items():
        found.setdefault(row, 0.8 * share / total)
    return found


def echo_rows(index: SearchIndex, word: str, rows: set[int]) -> set[int]:
    if has_cjk(word):
        return set(index.rows_containing(word, rows, CAP)) if rows else set()
    found: set[int] = set()
    for other in index.words_starting_with(_stem(word)):
        found.update(r for r in index.rows_with_word(other, CAP) if r in rows)
    return found


def _stem(word: str) -> str:
    """A word without its -ing or -ed, when what is left is still a word's worth
    ("networking": network, "developing": develop), so that its echo is found in
    "network chips" and "develops"."""
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def number_candidates(index: SearchIndex, number: QueryNumber) -> set[int]:
    found: set[int] = set()
    value = number.value
    if number.unit is None and value.is_integer() and 1000 <= value <= 9999:
        found.update(index.rows_in_year(int(value), CAP))
    low = value * (1 - ABOUT_TOLERANCE) - 1e-12
    high = value * (1 + ABOUT_TOLERANCE) + 1e-12
    found.update(index.rows_with_number(min(low, high), max(low, high), CAP))
    found.update(index.rows_with_range(value, 1e-6, CAP))
    return found
