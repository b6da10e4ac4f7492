"""What a fact is found by: its terms, as the compiled store indexes them.

A query is split by the same rules (``normalize.tokens`` for words, pairs of
Chinese characters for Chinese, ``question`` for the words that never match),
so the two must agree: this module is the store's side of that agreement, and
``question`` the query's.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from chipfacts.text.normalize import cjk_runs, fold, tokens, tokens_without_cjk

if TYPE_CHECKING:
    from chipfacts.model.records import Attribute, Fact

LABEL_WORD = 4  # shorter words of an attribute's label ("gpu", "per") name no attribute


def fact_words(fact: Fact) -> list[str]:
    """The words a fact is found by (its text, its entity's name, attribute and publisher)."""
    text_value = fact.value if isinstance(fact.value, str) else None
    blob = " ".join(
        filter(None, (fact.summary, fact.context, fact.note, text_value, fact.entity.name,
                      fact.attribute.label, *(r.source.publisher for r in fact.references)))
    )  # fmt: skip
    return list(dict.fromkeys(tokens_without_cjk(fold(blob))))


def folded_text(fact: Fact) -> str:
    """The text a fact's Chinese is found by: its quote and summary, then the quotes
    of its further references (a fact is found by any source's words)."""
    further = "".join(" " + r.quote for r in fact.further_references)  # no pair across quotes
    return fold(fact.quote + fact.summary + further)


def char_pairs(folded: str) -> set[str]:
    """Each pair of adjacent Chinese characters (joined in C: map over the run)."""
    found: set[str] = set()
    for run in cjk_runs(folded):
        found.update(map(operator.add, run, run[1:]))
    return found


def gram_number(pair: str) -> int:
    """A pair of characters as one integer (a gram of the ``grams`` table)."""
    return ord(pair[0]) << 21 | ord(pair[1])


def label_words(attribute: Attribute) -> list[str]:
    """The words of an attribute's id and label that name it ("quota" in "GPU quota")."""
    words = tokens(fold(f"{attribute.id.replace('_', ' ')} {attribute.label}"))
    return [w for w in dict.fromkeys(words) if len(w) >= LABEL_WORD]


def pair_numbers(text: str) -> set[int]:
    """Each pair of adjacent characters of ``text`` as a gram number (see ``gram_number``)."""
    return {gram_number(text[i : i + 2]) for i in range(len(text) - 1)}
