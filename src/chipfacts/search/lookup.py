"""The search a user runs: check the query, apply the filters, rank the rest."""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from chipfacts.errors import ArgumentError, NotFoundError, UsageError
from chipfacts.model.dates import parse_partial_date
from chipfacts.model.records import Status
from chipfacts.search.explain import Match
from chipfacts.search.fuzzy import suggest_entities
from chipfacts.search.index import SearchIndex
from chipfacts.search.rank import Hit, find
from chipfacts.search.resolve import attribute_id, entities_of_kind, find_source, resolve_entity
from chipfacts.search.weights import CAP, MAX_QUERY_CHARS
from chipfacts.store.store import FactFilter
from chipfacts.text.normalize import as_typed

FACT_ID = 200.0  # the score of a fact asked for by its id: above any ranked match


class Filters(NamedTuple):
    """Restrictions on which facts a search or a listing considers (all optional).

    Each filter holds any number of values and lets through a fact that matches
    any of them; different filters must all hold.
    """

    entities: Sequence[str] = ()
    kinds: Sequence[str] = ()
    attributes: Sequence[str] = ()
    sources: Sequence[str] = ()
    statuses: Sequence[Status] = ()
    doubted: bool | None = None  # True: only doubted facts; False: none of them
    since: str | None = None  # as_of on or after this partial date
    until: str | None = None  # as_of on or before it (2023 includes 2023-12-31)


def _date(argument: str, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return str(parse_partial_date(text))
    except ValueError as error:
        raise ArgumentError(f"{argument}: {error}", (argument,)) from None


def resolve_filters(index: SearchIndex, filters: Filters) -> FactFilter:
    """The filters with every name resolved to its id; an unknown one is an error."""
    f = filters
    for kind in f.kinds:
        entities_of_kind(index, kind)  # an unknown kind is a usage error
    since, until = _date("since", f.since), _date("until", f.until)
    if since is not None and until is not None and since[: len(until)] > until:
        raise ArgumentError(f"since {since} is after until {until}", ("since", "until"))
    return FactFilter(
        entities=[resolve_entity(index, e).id for e in f.entities] or None,
        kinds=list(f.kinds) or None,
        attributes=[attribute_id(index, a) for a in f.attributes] or None,
        sources=[find_source(index, s).id for s in f.sources] or None,
        statuses=[s.value for s in f.statuses] or None,
        since=since,
        until=until,
        doubted=f.doubted,
    )


def clean_query(words: list[str]) -> str:
    """Join the query words, dropping control characters; refuse empty or huge queries."""
    text = " ".join(words)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    text = " ".join(text.split())
    if not text:
        raise UsageError("the query is empty; try `chipfacts search maia`")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(
            f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}"
        )
    return text


def allowed_rows(index: SearchIndex, filters: Filters) -> set[int] | None:
    """The fact rows the filters let through; None when there are no filters."""
    return index.filter_rows(resolve_filters(index, filters))


class Results(NamedTuple):
    """The facts found, what each matched, how many matched in all, and what to tell
    the reader about the query: names taken for others, words that match nothing."""

    hits: list[Hit]
    matches: list[Match]  # per hit: the query words it matched, and how
    total: int  # facts that match (counted among each list's first CAP candidates)
    capped: bool  # True when the count reached the cap: there may be more
    notes: list[str]  # for stderr, one line each: "no entity 'b200'; showing H200…"
    title: str | None  # for a table's title: "'graphcore' matches nothing; showing…"
    refused: list[str]  # the notes a strict caller refuses: a name taken for another or
    # words that match nothing (not the hint to compare)


def find_facts(
    index: SearchIndex, words: list[str], filters: Filters, limit: int | None = 10
) -> Results:
    """Search with filters, the best ``limit`` facts (all of them for None); raise
    ``NotFoundError`` with suggestions when nothing matches.

    A name that is another model's designation ("b200" beside H200) is no match,
    but the nearest entity's facts are still offered, and the notes say so; so do
    they of a word that looks like a name and matches nothing ("graphcore"), and
    of a "vs" question, that ``compare`` sets the two side by side.
    """
    if limit is not None and limit < 1:
        raise ArgumentError(f"limit must be at least 1, not {limit}", ("limit",))
    text = clean_query(words)
    allowed = allowed_rows(index, filters)
    # A fact's own id names exactly one fact: answer with it, without ranking.
    row = index.row_of(text)
    if row is not None and (allowed is None or row in allowed):
        hit = [Hit(f, FACT_ID) for f in index.facts_at([row])]
        return Results(hit, [Match([text], ["id"], None)], 1, False, [], None, [])
    found = find(index, text, allowed, limit)
    if not found.hits:
        raise NotFoundError(f"no facts match '{text}'", suggest_entities(index, text))
    capped = found.total >= CAP
    # The reader is quoted as they typed ("H20", "華為"), not in search's folded form.
    fallbacks = {as_typed(text, typed): name for typed, name in found.fallbacks.items()}
    unmatched = [as_typed(text, word) for word in found.unmatched]
    notes = [
        f"no entity '{typed}'; showing {name}, the nearest name (a different model)"
        for typed, name in fallbacks.items()
    ]
    titles = [f"showing {name} for '{typed}'" for typed, name in fallbacks.items()]
    if unmatched:
        missing = ", ".join(f"'{word}'" for word in unmatched)
        verb = "matches" if len(unmatched) == 1 else "match"
        miss = f"{missing} {verb} nothing"
        if found.matched:
            miss += f"; showing facts for '{' '.join(as_typed(text, w) for w in found.matched)}'"
        notes.append(miss)
        titles.append(miss)
    refused = [
        f"no entity '{typed}' (the nearest, {name}, is a different model)"
        for typed, name in fallbacks.items()
    ]
    refused += [f"'{word}' matches nothing" for word in unmatched]
    # Asked for together, but no fact has both: say so, or the facts shown (the
    # entity's others, the attribute's for others) pass for the answer.
    for name, label in found.absent:
        lacking = f"no fact gives {name}'s {_lower_first(label)}"
        notes.append(f"{lacking}; showing the nearest facts")
        titles.append(lacking)
        refused.append(lacking)
    if found.compared:
        names = " ".join(found.compared)
        notes.append(f"`chipfacts compare {names}` sets them side by side")
    title = "; ".join(titles) or None
    return Results(found.hits, found.matches, found.total, capped, notes, title, refused)


def _lower_first(label: str) -> str:
    """A label inside a sentence: "transistor count", but "GPU quota", "CUDA cores"."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label
