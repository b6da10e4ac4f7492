"""One fact whole: `chipfacts fact ID...`, with the facts beside it."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import NamedTuple

from chipfacts.errors import NotFoundError, UsageError
from chipfacts.model.records import Fact
from chipfacts.store.store import FactFilter, Store
from chipfacts.views.compare import newest_first
from chipfacts.views.conflicts import Disagreement, conflicts_among


class FactDetail(NamedTuple):
    """A fact, the other facts on its entity and attribute, and those it disagrees with."""

    fact: Fact
    others: tuple[Fact, ...]  # same entity and attribute, newest first
    disagreements: tuple[Disagreement, ...]  # each involves ``fact``

    def conflicts_with(self) -> list[str]:
        return [
            (d.second if d.first.id == self.fact.id else d.first).id for d in self.disagreements
        ]


def fact_details(store: Store, ids: Sequence[str]) -> list[FactDetail]:
    """The facts with these ids, in the order given; an unknown id is ``NotFoundError``
    with the ids it may have meant."""
    if not ids:
        raise UsageError("give one or more fact ids, e.g. `chipfacts fact maia100-transistors`")
    details = []
    for ident in ids:
        fact = fact_named(store, ident)
        same = store.select_facts(
            FactFilter(entities=[fact.entity.id], attributes=[fact.attribute.id])
        )
        others = newest_first([f for f in same if f.id != fact.id])
        found = [
            d
            for c in conflicts_among(same)
            for d in c.disagreements
            if fact.id in (d.first.id, d.second.id)
        ]
        details.append(FactDetail(fact, others, tuple(found)))
    return details


def fact_named(store: Store, ident: str) -> Fact:
    """The fact with this id; else ``NotFoundError`` with the ids it may have meant."""
    fact = store.fact_by_id(ident.strip())
    if fact is None:
        near = difflib.get_close_matches(ident, store.fact_ids_near(ident), n=3, cutoff=0.6)
        raise NotFoundError(f"no fact '{ident}'", near)
    return fact
