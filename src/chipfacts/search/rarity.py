"""How much a matched term counts, by how many facts carry it (an inverse document
frequency, as BM25 weighs a word): a name, attribute, word or pair of Chinese
characters carried by few facts counts fully, one carried by many ("microsoft",
"chip", 芯片) less, never below ``FLOOR``. The counts are the store's own,
made at compile time (``store.rarity``), so a term's weight costs one indexed
lookup, however many facts carry it.
"""

from __future__ import annotations

import math

COMMON = 0.03  # a term in at most this share of the facts counts fully
FLOOR = 0.25  # the least a term counts, however common


def rarity(carried: int, total: int) -> float:
    """The weight of a term ``carried`` by that many of ``total`` facts."""
    share = carried / max(total, 1)
    if share <= COMMON:
        return 1.0
    return max(FLOOR, math.log(1 / share) / math.log(1 / COMMON))
