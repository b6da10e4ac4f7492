"""`chipfacts draft` on articles it was not tuned on, and on a very long one.

The invented test articles in tests/fixtures/draft_articles are scored by the
benchmark's own rule (benchmarks/evaluate_draft.py); the floors here hold what
the README reports for them. Drafting reads each sentence with the names near
it, so its time grows with the article's length, not with its square.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import chipfacts
from chipfacts.draft import chinese_names
from chipfacts.draft.candidates import Candidate, NewEntity
from chipfacts.draft.run import draft
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Bound, Entity, Source, Status, ValueType
from chipfacts.store.quotes import quote_in
from chipfacts.text.normalize import fold_in_place, squash_whitespace
from tests.conftest import Cli, load_benchmark

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "draft_articles"
DATA = ROOT / "data" / "facts.yaml"
ENGLISH = ROOT / "tests" / "fixtures" / "draft_articles_en"


EVALUATE = load_benchmark("evaluate_draft")


def test_every_expected_fact_quotes_its_test_article() -> None:
    for article in EVALUATE.load_test_articles():
        whole = squash_whitespace(article.text)
        for expected in article.expected:
            assert quote_in(expected.quote, whole), expected


# Articles a reviewer wrote and drafted unseen, then used for tuning (expected.yaml's
# note): held to their own floor, the figures reached on them.
UNSEEN_THEN_TUNED = EVALUATE.UNSEEN_THEN_TUNED


def test_articles_it_was_not_tuned_on_are_drafted_above_a_floor(tmp_path: Path) -> None:
    store = EVALUATE.vocabulary_only(tmp_path)
    articles = [
        a for a in EVALUATE.load_test_articles() if not a.source.file.startswith(UNSEEN_THEN_TUNED)
    ]
    tally = EVALUATE.evaluate_test_articles(store, articles).total
    # Issue 21's targets are 90 % and 60 %; these floors hold the figures the
    # README gives for the test articles, a little below them.
    assert tally.share("recall, numeric facts") >= 0.9
    assert tally.share("recall, all facts") >= 0.7
    assert tally.share("precision") >= 0.65


@pytest.mark.slow  # four hundred and sixty-three articles: 75 s
def test_the_articles_drafted_unseen_keep_the_figures_reached_on_them(tmp_path: Path) -> None:
    store = EVALUATE.vocabulary_only(tmp_path)
    articles = [
        a for a in EVALUATE.load_test_articles() if a.source.file.startswith(UNSEEN_THEN_TUNED)
    ]
    assert len(articles) == 463
    tally = EVALUATE.evaluate_test_articles(store, articles).total
    # Each set was measured unseen first (the README gives those figures); these
    # floors hold what tuning on their classes reached, a little below it.
    assert tally.share("recall, numeric facts") >= 0.63
    assert tally.share("recall, all facts") >= 0.50
    assert tally.share("precision") >= 0.51


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


# Three articles full of what the store lacks (proposed makers, speakers and
# attributes in three units) by default; every test article under ``slow``.
FULL_OF_NEW = ("unseen_x1_zh_hans.txt", "unseen_z2_zh_hant.txt", "unseen_x3_en.txt")


@pytest.mark.parametrize(
    "which",
    [pytest.param(FULL_OF_NEW, id="some"), pytest.param(None, id="all", marks=pytest.mark.slow)],
)
def test_a_draft_validates_beside_the_store_as_it_stands(
    tmp_path: Path, cli: Cli, which: tuple[str, ...] | None
) -> None:
    """New entities (their proposed makers too) and new attributes are written
    under ``entities:`` and ``attributes:``, with valid ids: the draft is a fact
    file that validates beside the store before the curator touches it."""
    sources = tmp_path / "sources"
    sources.mkdir()
    articles = [*EVALUATE.load_test_articles(), *EVALUATE.load_test_articles(ENGLISH)]
    for article in [a for a in articles if which is None or a.source.file in which]:
        (sources / article.source.file).write_text(article.text, encoding="utf-8")
        store = tmp_path / article.source.id
        store.mkdir()
        (store / "facts.yaml").write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
        drafted = cli(
            "--data", str(store / "facts.yaml"), "draft", str(sources / article.source.file),
            "--id", f"{article.source.id}-test", "--date", str(article.source.published),
        )  # fmt: skip
        assert drafted.code == 0, drafted.err
        (store / "draft.yaml").write_text(drafted.out, encoding="utf-8")
        checked = cli("validate", str(store))
        assert checked.code == 0, (article.source.file, checked.out, checked.err)


@pytest.mark.slow
def test_long_runs_with_no_full_stop_draft_in_time_proportional_to_their_length(
    tmp_path: Path,
) -> None:
    """A table or list with no full stop is read a bounded piece at a time, and a
    long run of digits is scanned once: 20 times the text takes about 20 times the
    time (a CPU-time ratio, with a wide margin), not 400 times."""
    clause = "微软表示将投资100亿美元，"
    short = _seconds_to_draft("标题\n\n" + clause * 40, tmp_path)
    long = _seconds_to_draft("标题\n\n" + clause * 800, tmp_path)
    digits = _seconds_to_draft("标题\n\n微软投资" + "9" * 20_000 + "亿美元。", tmp_path)
    assert long < 60 * max(short, 0.01)
    assert digits < 60 * max(short, 0.01)
    # a run of Latin letters joined by marks (A-A-A…) is read from its start once
    joined = _seconds_to_draft("标题\n\n微软" + "A-" * 10_000 + "芯片。", tmp_path)
    assert joined < 60 * max(short, 0.01)


@pytest.mark.slow
def test_many_names_before_their_kinds_are_read_in_time_proportional_to_their_number() -> None:
    """Thousands of different names before 集群, 大模型 or 发言人 (each checked for a
    second mention) are counted in one pass, not by reading the text once per name:
    ten times the text takes about ten times the time (best CPU time of three, a wide
    margin; reading per name took about a hundred times)."""
    names = [chr(0x4E00 + 300 + i) + chr(0x4E00 + 6300 + i) for i in range(6000)]
    nouns = ("集群", "大模型", "发言人")
    text = "".join(f"，{name}{nouns[i % 3]}表示" for i, name in enumerate(names))

    def seconds(part: str) -> float:
        folded = fold_in_place(part)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            chinese_names.named_things(part, folded)
            chinese_names.organisations(part, folded)
            best = min(best, time.process_time() - start)
        return best

    short, long = seconds(text[: len(text) // 10]), seconds(text)
    assert long < 40 * max(short, 0.002)


@pytest.mark.slow
def test_many_sites_and_products_are_proposed_in_time_proportional_to_their_number(
    tmp_path: Path,
) -> None:
    """Thousands of different places before 智算中心, and of lines' designations, each
    a proposal: grouping a place with the others, or a proposal with those before it,
    is no scan of every one found so far; and a text with no "!" is not read back to
    its start for each maker. Eight times the text, about eight times the time (CPU
    time, best of three, a wide margin: quadratic took over thirty times)."""
    places = [chr(0x4E00 + 300 + i) + chr(0x4E00 + 6300 + i) for i in range(3000)]
    text = "标题\n\n" + "".join(
        f"，{p}智算中心与{p}基地；{p}T{i}于{p}T{i}发布" for i, p in enumerate(places)
    )
    short = _seconds_to_draft(text[: len(text) // 8], tmp_path)
    long = _seconds_to_draft(text, tmp_path)
    assert long < 30 * max(short, 0.01)


def test_the_maker_of_a_thing_proposed_from_its_grade_is_proposed_too(
    tmp_path: Path, cli: Cli
) -> None:
    """A module or a node named with a maker the store lacks (新易盛800G光模块,
    聯電22奈米): the maker is proposed beside it; a node proposed twice gives each of
    its names once: the draft validates."""
    article = tmp_path / "sources" / "grades.txt"
    article.parent.mkdir()
    article.write_text(
        "新易盛800G光模块营收同比增长约300%。光迅科技400G光模块良率约为95%。"
        "聯電22奈米每片晶圓報價約2000美元。"
        # a node proposed bare, then with its foundry: its names are given once
        "去年第四季3奈米出貨佔晶圓營收的28%。台積電3奈米月產能去年底約為16萬片。"
        "三星的2奈米良率約為80%。2奈米的晶圓報價約2萬美元。"
        # a title with no name after it, ending the text (no traceback)
        "表示新易盛创始人兼首席执行官",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    store.mkdir()
    (store / "facts.yaml").write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    drafted = cli(
        "--data", str(store / "facts.yaml"), "draft", str(article), "--id", "grades-test",
        "--date", "2025-11-05",
    )  # fmt: skip
    assert drafted.code == 0, drafted.err
    assert "光模块" in drafted.out and "22奈米" in drafted.out
    (store / "draft.yaml").write_text(drafted.out, encoding="utf-8")
    checked = cli("validate", str(store))
    assert checked.code == 0, (checked.out, checked.err)


def test_a_proposed_things_maker_matches_the_listed_maker_by_its_names() -> None:
    """The reader's ids for things the store lacks are the reader's own: a proposed
    site whose maker draft proposed too is the listed site where the makers share a
    name, not an id; makers named otherwise keep them apart."""
    listed = EVALUATE.Listed(
        frozenset({"zhongwei", "智算中心"}),
        "cluster",
        "xingyan",
        frozenset({"星衍智算", "xingyan"}),
    )
    site = NewEntity(
        "xingyan-ai-computing-new-cluster", "中卫的智算中心", ("中卫智算中心",),
        "xingyan-ai-computing", "cluster",
    )  # fmt: skip
    expected = EVALUATE.Expected("xingyan-zhongwei", "pue", "设计PUE为1.15", 1.15, new=listed)
    pue = Attribute("pue", "PUE", ValueType.NUMBER, "The site's PUE.")
    candidate = Candidate(
        None, site, pue, 1.15, None, None, Bound.EXACT, None, Status.REPORTED, None,
        PartialDate(2025), "设计PUE为1.15", 0, 10, (), (), 0.85,
    )  # fmt: skip
    makers = {"xingyan-ai-computing": frozenset({"星衍智算", "xingyanaicomputing"})}
    assert EVALUATE.meets_expected(candidate, expected, makers)
    others = {"xingyan-ai-computing": frozenset({"星河算力"})}
    assert not EVALUATE.meets_expected(candidate, expected, others)
    assert not EVALUATE.meets_expected(candidate, expected)  # no maker's names: ids differ


@pytest.mark.parametrize(
    ("drafted_as", "unit", "listed_as", "matches"),
    [
        ("revenue_yuan", "yuan", "revenue", True),  # the store's measure, in the yuan read
        ("revenue_twd", "TWD", "revenue", True),
        ("revenue", "USD", "revenue", True),
        ("revenue_yuan", "yuan", "capex", False),  # another measure in that currency
        ("cluster_gpus", "gpus", "cluster", False),  # a unit in an id is no currency
    ],
)
def test_a_sum_listed_under_the_stores_measure_matches_it_in_its_currency(
    drafted_as: str, unit: str, listed_as: str, matches: bool
) -> None:
    """A reader lists 约3.2亿元人民币 as revenue 320000000; draft names the currency,
    the store's revenue being in dollars: the same claim."""
    expected = EVALUATE.Expected("cambricon", listed_as, "去年营收约3.2亿元人民币", 320000000)
    measure = Attribute(drafted_as, drafted_as, ValueType.NUMBER, "A sum.", unit=unit)
    cambricon = Entity("cambricon", "Cambricon", "company")
    candidate = Candidate(
        cambricon, None, measure, 320000000, None, None, Bound.ABOUT, None, Status.REPORTED,
        None, PartialDate(2025), "去年营收约3.2亿元人民币", 0, 10, (), (), 0.85,
    )  # fmt: skip
    assert EVALUATE.meets_expected(candidate, expected) is matches
