"""`chipfacts cite ID...`: what a citation of each fact needs, in one record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from chipfacts.errors import UsageError
from chipfacts.model.records import Fact, Reference
from chipfacts.store.quotes import quote_line
from chipfacts.store.store import Store
from chipfacts.views.fact import fact_named


class Citation(NamedTuple):
    """A fact as one of its sources reports it (``position`` among its references, 0
    for its own) and where that quote is: the source file and, when the source
    texts are at hand, the line of that file where the quote begins."""

    fact: Fact
    line: int | None
    position: int = 0

    @property
    def reference(self) -> Reference:
        return self.fact.references[self.position]

    @property
    def key(self) -> str:
        """The citation's key: the fact's id, and ``-2``, ``-3`` … for its further
        sources, so that every key of a bibliography is unique."""
        return self.fact.id if self.position == 0 else f"{self.fact.id}-{self.position + 1}"


def citations(store: Store, ids: Sequence[str], sources_dir: Path | None) -> list[Citation]:
    """The facts with these ids, in the order given, one citation per source that
    reports each, with its quote's line."""
    if not ids:
        raise UsageError("give one or more fact ids, e.g. `chipfacts cite maia100-transistors`")
    found = []
    for ident in ids:
        fact = fact_named(store, ident)
        for position, reference in enumerate(fact.references):  # each source reporting it
            line = None
            if sources_dir is not None:
                line = quote_line(sources_dir, reference.source.file, reference.quote)
            found.append(Citation(fact, line, position))
    return found
