"""Draft an article: read it, extract candidates, check their quotes, classify them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from chipfacts.draft.article import Article, read_article
from chipfacts.draft.classify import Classified, classify
from chipfacts.draft.emit import fact_ids, slug
from chipfacts.draft.extract import draft_article
from chipfacts.errors import UsageError
from chipfacts.model.dates import PartialDate, parse_partial_date
from chipfacts.model.records import Source
from chipfacts.store.quotes import quote_in
from chipfacts.store.store import Store
from chipfacts.text.normalize import has_cjk, squash_whitespace, to_simplified


class Draft(NamedTuple):
    article: Article
    classified: list[Classified]
    ids: list[str]
    register: bool  # the source is new: the draft carries its ``sources:`` entry


class SourceOptions(NamedTuple):
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


def new_source(path: Path, text: str, given: SourceOptions) -> Source:
    """The source record of an article not yet in the store, from the options."""
    if given.date is None:
        raise UsageError("give the article's date (--date YYYY-MM-DD), or --source for a known one")
    try:
        published: PartialDate = parse_partial_date(given.date)
    except ValueError as error:
        raise UsageError(f"--date: {error}") from None
    first_line = next(
        (line.strip(" #\t|") for line in text.splitlines() if line.strip(" #\t|")), ""
    )
    if has_cjk(text):
        language = "zh-Hant" if to_simplified(text) != text else "zh-Hans"
    else:
        language = "en"
    return Source(
        id=given.id or slug(path.stem) or "new-source",
        file=path.name,
        title=given.title or first_line[:120] or path.stem,
        publisher=given.publisher or "not printed",
        published=published,
        language=language,
        url=given.url,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def draft(
    store: Store, path: Path, source: Source, register: bool, clauses_too: bool = False
) -> Draft:
    article = read_article(path, source)
    whole = squash_whitespace(article.text)
    drafted = draft_article(store, article, clauses_too)
    candidates = [c for c in drafted if quote_in(c.quote, whole)]
    classified = [classify(store, c, source) for c in candidates]
    taken = set(store.facts)
    return Draft(article, classified, fact_ids(classified, taken), register)
