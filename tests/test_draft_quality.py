"""`chipfacts draft` on articles it was not tuned on, and on a very long one.

The invented test articles in tests/fixtures/draft_articles are scored by the
benchmark's own rule (benchmarks/evaluate_draft.py); the floors here hold what
the README reports for them. Drafting reads each sentence with the names near
it, so its time grows with the article's length, not with its square.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

import chipfacts
from chipfacts.draft.run import draft
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Source
from chipfacts.store.quotes import quote_in
from chipfacts.text.normalize import squash_whitespace

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "draft_articles"


def _evaluator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "evaluate_draft", ROOT / "benchmarks" / "evaluate_draft.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


EVALUATE = _evaluator()


def test_every_expected_fact_quotes_its_test_article() -> None:
    for article in EVALUATE.load_test_articles():
        whole = squash_whitespace(article.text)
        for expected in article.expected:
            assert quote_in(expected.quote, whole), expected


def test_articles_it_was_not_tuned_on_are_drafted_above_a_floor(tmp_path: Path) -> None:
    store = EVALUATE.vocabulary_only(tmp_path)
    tally = EVALUATE.evaluate_test_articles(store, EVALUATE.load_test_articles()).total
    # Issue 21's targets are 90 % and 60 %; these floors hold the figures the
    # README gives for the test articles, a little below them.
    assert tally.share("recall, numeric facts") >= 0.9
    assert tally.share("recall, all facts") >= 0.7
    assert tally.share("precision") >= 0.65


def _seconds_to_draft(text: str, directory: Path) -> float:
    """CPU time of drafting ``text`` (all of it: extraction, quote checks,
    classification, comparison of the candidates), best of three."""
    store = chipfacts.load()
    path = directory / "long.txt"
    path.write_text(text, encoding="utf-8")
    source = Source("long", "long.txt", "long", "test", PartialDate(2024, 12), "zh-Hans")
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        draft(store, path, source)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
def test_a_long_article_drafts_in_time_proportional_to_its_length(tmp_path: Path) -> None:
    articles = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    whole = articles * (200_000 // len(articles) + 1)
    short = _seconds_to_draft(whole[:10_000], tmp_path)
    long = _seconds_to_draft(whole[:200_000], tmp_path)
    # Twenty times the text: linear is about 20 times the time; reading back to
    # the start of the text for each sentence (as drafting once did) was over 150.
    assert long / short < 60
