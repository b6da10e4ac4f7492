"""`chipfacts cite ID...`: what a citation of each fact needs, in one record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from chipfacts.errors import UsageError
from chipfacts.model.records import Fact
from chipfacts.store.quotes import quote_line
from chipfacts.store.store import Store
from chipfacts.views.fact import fact_named


class Citation(NamedTuple):
    """A fact and where its quote is: the source file and, when the source texts are
    at hand, the line of that file where the quote begins."""

    fact: Fact
    line: int | None


def citations(store: Store, ids: Sequence[str], sources_dir: Path | None) -> list[Citation]:
    """The facts with these ids, in the order given, each with its quote's line."""
    if not ids:
        raise UsageError("give one or more fact ids, e.g. `chipfacts cite maia100-transistors`")
    found = []
    for ident in ids:
        fact = fact_named(store, ident)
        line = None
        if sources_dir is not None:
            line = quote_line(sources_dir, fact.source.file, fact.quote)
        found.append(Citation(fact, line))
    return found
