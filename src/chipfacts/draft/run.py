"""Draft an article: read it, extract candidates, check their quotes, classify them."""

from __future__ import annotations

import hashlib
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from chipfacts.draft.article import Article, read_article
from chipfacts.draft.candidates import Decision
from chipfacts.draft.classify import Classified, as_fact, classify
from chipfacts.draft.emit import fact_ids
from chipfacts.draft.extract import draft_article
from chipfacts.errors import ArgumentError, UsageError
from chipfacts.model.dates import parse_partial_date
from chipfacts.model.records import Source
from chipfacts.store.quotes import quote_in
from chipfacts.store.store import Store
from chipfacts.text.normalize import squash_whitespace
from chipfacts.text.visible import visible
from chipfacts.views.conflicts import disagreement

# A new source's publisher when --publisher is not given (the store's word for it).
UNKNOWN_PUBLISHER = "not printed"


class Draft(NamedTuple):
    article: Article
    classified: list[Classified]
    ids: list[str]


class SourceOptions(NamedTuple):
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


def new_source(path: Path, given: SourceOptions) -> tuple[Source, dict[str, str]]:
    """The source record of an article not yet in the store, and its YAML entry:
    described as `chipfacts sources add` describes it (sha256, and the id, title
    and language guessed when not given), the article's directory as its sources
    directory."""
    # lazy: only an article not yet in the store is described (23 ms)
    from chipfacts.store.register import describe

    if given.date is None:
        raise ArgumentError("a new source needs its date (YYYY-MM-DD)", ("date",))
    described = describe(
        path,
        ident=given.id,
        title=given.title,
        publisher=given.publisher or UNKNOWN_PUBLISHER,
        published=given.date,
        url=given.url,
    )
    record = Source(
        described.id, described.file, described.title, described.publisher,
        parse_partial_date(described.published), described.language,
        url=described.url, sha256=described.sha256,
    )  # fmt: skip
    return record, described.entry()


def draft(store: Store, path: Path, source: Source, clauses_too: bool = True) -> Draft:
    article = read_article(path, source)
    ensure_text_of(path, source)
    drafted = draft_article(store, article, clauses_too)
    # Each quote is checked where it was cut from (the whole text for each would
    # make a long article's check quadratic).
    candidates = [
        c for c in drafted if quote_in(c.quote, squash_whitespace(article.text[c.start : c.end]))
    ]
    classified = [classify(store, c, source) for c in candidates]
    taken = set(store.facts)
    ids = fact_ids(classified, taken)
    return Draft(article, among_themselves(classified, ids, source), ids)


def ensure_text_of(path: Path, source: Source) -> None:
    """``UsageError`` unless ``path`` holds the text of ``source``: by its sha256 when
    the source was registered with one, else by its file name. Every quote of a
    draft is cut from ``path`` and pasted under ``source``, so drafting another text
    (a newer copy, another article) would give quotes that its file does not hold."""
    if source.sha256 is not None:
        if hashlib.sha256(path.read_bytes()).hexdigest() == source.sha256:
            return
        why = "its sha256 differs from the one registered"
    elif path.name == Path(source.file).name:
        return
    else:
        why = "its name differs"
    raise UsageError(
        f"{visible(str(path))} is not the text of source '{source.id}' "
        f"({visible(source.file)}): {why}; give --date (and --id) to draft it as a new source"
    )


def among_themselves(
    classified: list[Classified], ids: list[str], source: Source
) -> list[Classified]:
    """Candidates that disagree with each other (two dates for one launch) say so:
    the curator keeps one, or records the disagreement, as `conflicts` would ask."""
    facts = [
        as_fact(item.candidate, item.candidate.entity, source)
        if item.candidate.entity is not None
        else None
        for item in classified
    ]
    marked = list(classified)
    # Only candidates on one entity's one attribute can disagree: compared in
    # those groups, not every pair of the draft.
    groups: dict[tuple[str, str], list[int]] = {}
    for at, fact in enumerate(facts):
        if fact is not None:
            groups.setdefault((fact.entity.id, fact.attribute.id), []).append(at)
    pairs = (pair for group in groups.values() for pair in combinations(group, 2))
    for i, j in sorted(pairs):
        a, b = facts[i], facts[j]
        assert a is not None and b is not None
        if disagreement(a, b) is None:
            continue
        for mine, other in ((i, j), (j, i)):
            candidate = marked[mine].candidate
            why = Decision("value", f"disagrees with the candidate {ids[other]}; keep one")
            marked[mine] = marked[mine]._replace(
                candidate=candidate._replace(decisions=(*candidate.decisions, why))
            )
    return marked
