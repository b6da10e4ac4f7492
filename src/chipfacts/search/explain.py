"""What each fact found matched of the query, and how: for the ``match`` object
of search's JSON, JSON Lines and CSV (see schema/fact.schema.json)."""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

from typing import NamedTuple

from chipfacts.search.index import SearchIndex
from chipfacts.search.query import Query
from chipfacts.text.normalize import name_key

# How a query word matched a fact: its entity's (or a mentioned entity's) id, name
# or alias; a prefix, typo or part of a name (fuzzy); an attribute's id, label or
# synonym; a word or run of the fact's text; a number in any notation.
HOW = ("id", "name", "alias", "fuzzy", "attribute", "text", "number")


class Match(NamedTuple):
    """The query words one fact matched, each with how; ``fallback_for``: the other
    designation typed ("h20") when the fact's entity was offered in its place."""

    words: list[str]
    how: list[str]
    fallback_for: str | None


class Explainer:
    """Builds each result's ``Match`` from the parts of the query it matched."""

    def __init__(self, index: SearchIndex, query: Query) -> None:
        self.index = index
        self.query = query

    def how_named(self, entity: int) -> str:
        """Whether the words typed for an entity are its id, name, alias, or fuzzy."""
        if entity in self.query.fallbacks:
            return "fuzzy"
        typed = self.query.typed["entity", entity]
        key, record = name_key(typed), self.index.entity_at(entity)
        # An id and a name often share a key (maia100, "Maia 100"): the id only as typed.
        if typed == record.id:
            return "id"
        if key == name_key(record.name):
            return "name"
        if any(key == name_key(alias) for alias in record.aliases):
            return "alias"
        return "id" if key == name_key(record.id) else "fuzzy"

    def match(self, parts: list[tuple[str, int | str]]) -> Match:
        """``parts``: what the fact matched, as ("entity", row), ("attribute", row),
        ("number", text) or ("text", word)."""
        found: dict[tuple[str, str], None] = {}
        fallback = None
        for kind, part in parts:
            if kind == "entity":
                assert isinstance(part, int)
                found[self.query.typed["entity", part], self.how_named(part)] = None
                fallback = fallback or self.query.fallbacks.get(part)
            elif kind == "attribute":
                assert isinstance(part, int)
                found[self.query.typed["attribute", part], "attribute"] = None
            else:
                found[str(part), kind] = None
        return Match([w for w, _ in found], [h for _, h in found], fallback)
