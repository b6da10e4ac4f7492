"""A candidate against the store: new, already there, a second source, or a conflict.

- ``SAME``: the store has the same entity, attribute and value from this source
  (as the fact's own source or one of its ``references``);
- ``CORROBORATES``: it has them from another source; the candidate becomes a
  further reference on that fact (``references:``), not a second fact;
- ``CONFLICTS``: the store has a fact the candidate disagrees with, as
  ``chipfacts conflicts`` decides it (``views.conflicts.disagreement``: a
  single-valued attribute, the same time, values that cannot both be true);
- ``NEW``: none of these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from chipfacts.draft.candidates import Candidate
from chipfacts.draft.designations import name_other_models
from chipfacts.model.records import Entity, Fact, Source, ValueType
from chipfacts.store.store import Store
from chipfacts.text.normalize import squash_whitespace
from chipfacts.views.conflicts import disagreement

ROUNDING = 0.01  # "105 billion" and "1050亿" are one value; 1 % covers a rounded figure


class Class(StrEnum):
    NEW = "NEW"
    SAME = "SAME"
    CORROBORATES = "CORROBORATES"
    CONFLICTS = "CONFLICTS"


class Classified(NamedTuple):
    candidate: Candidate
    kind: Class
    fact: Fact | None  # the store's fact it is the same as, corroborates or conflicts with


def classify(store: Store, candidate: Candidate, source: Source) -> Classified:
    if candidate.entity is None:
        return Classified(candidate, Class.NEW, None)
    facts = [
        f for f in store.facts_of(candidate.entity.id) if f.attribute.id == candidate.attribute.id
    ]
    for fact in facts:
        if same_value(fact, candidate):
            sources = {reference.source.id for reference in fact.references}
            kind = Class.SAME if source.id in sources else Class.CORROBORATES
            return Classified(candidate, kind, fact)
    # Disagreement is what `chipfacts conflicts` says it is, to the letter.
    drafted = as_fact(candidate, candidate.entity, source)
    for fact in facts:
        if disagreement(fact, drafted) is not None:
            return Classified(candidate, Class.CONFLICTS, fact)
    return Classified(candidate, Class.NEW, None)


def as_fact(candidate: Candidate, entity: Entity, source: Source) -> Fact:
    """The candidate as the fact it would be (for the store's own comparisons)."""
    return Fact(
        "draft", entity, candidate.attribute, candidate.value, candidate.low, candidate.high,
        candidate.bound, candidate.unit, candidate.status, candidate.as_of, source,
        candidate.quote, "", claimed_by=candidate.claimed_by,
    )  # fmt: skip


def same_value(fact: Fact, candidate: Candidate) -> bool:
    """Equal within rounding (numbers), equal (dates), or quoting the same words (texts)."""
    if fact.attribute.type is ValueType.TEXT:
        # 这款网卡类似于ConnectX-8 is not the store's 类似于ConnectX-7, words alike or not
        quotes = [
            reference.quote
            for reference in fact.references
            if not name_other_models(candidate.quote, reference.quote)
        ]
        return fact.value == candidate.value or any(
            quotes_overlap(quote, candidate.quote) for quote in quotes
        )
    if fact.bound.value == "range" or candidate.low is not None:
        return _close(fact.low, candidate.low) and _close(fact.high, candidate.high)
    if fact.attribute.type is ValueType.NUMBER:
        return _close(fact.value, candidate.value)
    return fact.value == candidate.value


def quotes_overlap(first: str, second: str) -> bool:
    """One quote holds the other, or they share a run of at least 8 characters."""
    a, b = squash_whitespace(first), squash_whitespace(second)
    if a in b or b in a:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    run = 8
    return any(shorter[i : i + run] in longer for i in range(0, max(len(shorter) - run + 1, 0)))


def _close(a: object, b: object) -> bool:
    if not isinstance(a, int | float) or not isinstance(b, int | float):
        return False
    return abs(a - b) <= ROUNDING * max(abs(a), abs(b))
