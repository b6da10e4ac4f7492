"""Drafting a short text as the benchmark drafts a new article: against the shipped
store's vocabulary (its entities and attributes, none of its facts), for the tests of
the rules one probe or one round of held-out sets asked for."""

from __future__ import annotations

import chipfacts
from chipfacts.draft.article import article_of
from chipfacts.draft.candidates import Candidate, NewEntity
from chipfacts.draft.extract import draft_article
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Source

PUBLISHED = PartialDate(2026, 6, 1)


def draft_news(
    store: chipfacts.Store,
    text: str,
    language: str = "zh-Hans",
    published: PartialDate = PUBLISHED,
) -> list[Candidate]:
    """The candidates of ``text``, text facts from clauses too."""
    source = Source("news", "news.md", "新闻", "Test", published, language)
    return draft_article(store, article_of(text, source), True)


def entity_of(candidate: Candidate) -> str | None:
    """The id of the entity a candidate is of, the store's or a proposed one."""
    new = candidate.new_entity
    return candidate.entity_id or (new.id if new is not None else None)


def proposed(candidates: list[Candidate]) -> dict[str, NewEntity]:
    """Every entity the candidates propose, by id."""
    return {e.id: e for c in candidates for e in (c.new_entity, *c.also_new) if e is not None}
