"""Chinese names typed with one wrong character (雅典那 for 雅典娜).

Only a name of at least ``SHORTEST`` characters, with every other character in
place and the first one right: a two-character name is too easily one character
from another word, and a typo is rarely in the character a reader starts from.
The candidates are the names that begin as the typed run does, each prefix looked
up in the store's index of name keys (``CAP_NAMES`` at most), so the cost grows
with the length of the query, not with the store.
"""

from __future__ import annotations

from chipfacts.search.index import SearchIndex
from chipfacts.search.query import Query
from chipfacts.search.weights import ENTITY_FUZZY

SHORTEST = 3
CAP_NAMES = 50  # names looked at per prefix: a large store has many that begin alike


def cjk_typo_names(index: SearchIndex, query: Query, piece: str) -> list[str]:
    """Find names in a run of Chinese (one without function words) typed with one
    wrong character; return the pieces left over."""
    longest = min(len(piece), index.longest_cjk_name)
    for size in range(longest, SHORTEST - 1, -1):
        for start in range(len(piece) - size + 1):
            window = piece[start : start + size]
            found = [
                (key, row) for key, row in _one_off(index, window) if row not in query.entities
            ]
            if found:
                for _, row in found:
                    query.add_entity(row, ENTITY_FUZZY * (size - 1) / size, window)
                # the name as it is spelt, echoed by the quotes that say it (as a
                # name typed right is), among the names' echoes
                for key in dict.fromkeys(key for key, _ in found):
                    query.echoes.insert(query.name_echoes, key)
                    query.name_echoes += 1
                left, right = piece[:start], piece[start + size :]
                return [
                    p for part in (left, right) if part for p in cjk_typo_names(index, query, part)
                ]
    return [piece]


def _one_off(index: SearchIndex, window: str) -> list[tuple[str, int]]:
    """The Chinese name keys one character from ``window`` (the first character
    right), each with an entity it names."""
    found: list[tuple[str, int]] = []
    for wrong in range(1, len(window)):
        for key, row in index.cjk_keys_with_prefix(window[:wrong], len(window), CAP_NAMES):
            differ = sum(a != b for a, b in zip(key, window, strict=True))
            if differ == 1 and key[wrong] != window[wrong] and (key, row) not in found:
                found.append((key, row))
    return found
