"""Search results as records: each fact with its score and its ``match`` object
(what of the query it matched, and how; see schema/fact.schema.json)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from chipfacts.render.output import Output
from chipfacts.render.serialize import FACT_COLUMNS, FACT_PLAIN, fact_record

if TYPE_CHECKING:
    from chipfacts.model.records import Fact
    from chipfacts.search.explain import Match

# CSV spreads the match object over three columns (lists joined with "; ").
MATCH_COLUMNS = ("score", "match_words", "match_how", "match_fallback_for")


def search_output(
    facts: Sequence[Fact], scores: Sequence[float], matches: Sequence[Match]
) -> Output:
    records = []
    for fact, score, match in zip(facts, scores, matches, strict=True):
        record = fact_record(fact, score)
        record["match"] = {
            "words": match.words,
            "how": match.how,
            "fallback_for": match.fallback_for,
        }
        records.append(record)
    return Output(records, records, FACT_COLUMNS + MATCH_COLUMNS, FACT_PLAIN)
