"""Search answers the questions people ask (issue 12), and names only what they name
(issue 9, point 1). The questions are in tests/questions.yaml; the figures come
from benchmarks/evaluate_search.py."""

from __future__ import annotations

import json

import pytest

import chipfacts
from chipfacts.errors import NotFoundError
from chipfacts.search.fuzzy import same_designation
from chipfacts.search.index import SearchIndex
from chipfacts.search.rank import find, search
from chipfacts.search.reader import read_query
from chipfacts.search.resolve import resolve_entity
from tests.conftest import Cli, load_benchmark

STORE = chipfacts.load()
INDEX = SearchIndex(STORE)


EVALUATE = load_benchmark("evaluate_search")
QUESTIONS = EVALUATE.load_questions()


def test_the_question_set_is_large_and_mixed() -> None:
    assert len(QUESTIONS) >= 150
    chinese = [q for q in QUESTIONS if q.lang == "zh" and q.ask == "question"]
    assert len(chinese) >= 60
    traditional = [q for q in chinese if EVALUATE.is_traditional(q.text)]
    assert len(traditional) >= 10
    assert sum(q.ask == "question" for q in QUESTIONS) >= 40
    facts = STORE.facts
    assert all(ident in facts for q in QUESTIONS for ident in q.expect)


def test_the_goals_are_met() -> None:
    # top-5 >= 97 % and top-1 >= 90 % overall, Chinese top-5 >= 95 % (issue 19)
    outcomes = EVALUATE.evaluate(INDEX, QUESTIONS)
    missed = [(o.question.text, o.top[:5]) for o in outcomes if o.rank != 1]
    assert all(met for _, met in EVALUATE.goals(outcomes)), missed


# --- function words, the relevance floor ----------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "zzqxv-no-such-thing-qq",
        "the of and",
        "which",
        "how many",
        "what is the",
        "的是什么",
        "多少",
    ],
)
def test_gibberish_and_function_words_find_nothing(query: str) -> None:
    assert search(INDEX, query) == []


def test_nothing_found_is_exit_1_and_an_empty_array(cli: Cli) -> None:
    code, out, _ = cli("search", "the of and", "--json")
    assert code == 1 and json.loads(out) == []


def test_function_words_do_not_change_what_a_name_finds() -> None:
    bare = [h.fact.id for h in search(INDEX, "anthropic", limit=5)]
    asked = [h.fact.id for h in search(INDEX, "what about anthropic", limit=5)]
    assert asked == bare


# --- names lead, families, steering, ties ------------------------------------------


@pytest.mark.parametrize(
    ("query", "fact_id"),
    [
        ("which chips does anthropic use", "trainium-used-by-anthropic"),
        ("who makes maia's chips", "maia100-foundry"),
        ("when did microsoft start rationing gpus", "microsoft-quota-start"),
        ("how many transistors does the maia 100 have", "maia100-transistors"),
        ("how much does a chatgpt query cost", "chatgpt-cost-per-query"),
    ],
)
def test_questions_answered_first(query: str, fact_id: str) -> None:
    assert search(INDEX, query, limit=1)[0].fact.id == fact_id


def test_an_exact_attribute_brings_its_family_below_it() -> None:
    ids = [h.fact.id for h in search(INDEX, "gpu quota", limit=10)]
    assert ids[0] == "microsoft-gpu-quota"
    family = {"microsoft-quota-start", "microsoft-quota-approval", "microsoft-quota-wait"}
    assert family <= set(ids[1:])


def test_equal_scores_are_ordered_by_what_matched_then_recency() -> None:
    hits = search(INDEX, "microsoft", limit=40)
    for first, second in zip(hits, hits[1:], strict=False):
        if first.score == second.score and first.fact.entity == second.fact.entity:
            assert str(first.fact.as_of)[:7] >= str(second.fact.as_of)[:7]


# --- a name resolves only to what it names (issue 9, point 1) -----------------------


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("b200", "h200"),
        ("h20", "h200"),
        ("h300", "h200"),
        ("mi250", "mi300x"),
        ("maia200", "maia100"),
        ("gpt4o", "gpt4"),
        ("gpt4o", "gpt5"),
    ],
)
def test_another_designation_is_not_the_same(typed: str, name: str) -> None:
    assert not same_designation(typed, name)


@pytest.mark.parametrize(
    ("typed", "name"),
    [("miaa100", "maia100"), ("maiaa", "maia"), ("mi300", "mi300x"), ("nvidea", "nvidia")],
)
def test_a_misspelling_is_the_same(typed: str, name: str) -> None:
    assert same_designation(typed, name)


@pytest.mark.parametrize("typed", ["b200", "h20", "mi250", "maia 200", "gpt-4o", "h300"])
def test_another_designation_never_resolves(typed: str) -> None:
    with pytest.raises(NotFoundError):
        resolve_entity(INDEX, typed)


@pytest.mark.parametrize(
    ("typed", "entity_id"),
    [("maiaa", "maia100"), ("miaa100", "maia100"), ("maai", "maia100"), ("mi300", "mi300x")],
)
def test_plain_misspellings_resolve(typed: str, entity_id: str) -> None:
    assert resolve_entity(INDEX, typed).id == entity_id


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (["show", "h20"], "H200"),
        (["show", "b200"], "H200"),
        (["compare", "h20", "maia100"], "H200"),
        (["search", "quota", "--entity", "gpt-4o"], "GPT-4"),
    ],
)
def test_show_compare_and_entity_filter_refuse_other_designations(
    args: list[str], suggested: str, cli: Cli
) -> None:
    code, out, err = cli(*args)
    assert code == 1 and out == ""
    assert "did you mean" in err and suggested in err


@pytest.mark.parametrize(
    ("query", "typed", "shown"),
    [
        ("b200", "b200", "H200"),
        ("maia 200", "maia 200", "Maia 100"),
        ("gpt-4o", "gpt-4o", "GPT-4"),
        # a line's name and a version: another model of the line
        ("tpu v7", "tpu v7", "TPU"),
        ("tpuv7", "tpuv7", "TPU"),
        ("tpu 第七代", "tpu 第七代", "TPU"),
        ("mtia v2", "mtia v2", "MTIA v1"),
        ("trainium 3", "trainium 3", "Trainium"),
    ],
)
def test_search_falls_back_and_says_so(query: str, typed: str, shown: str, cli: Cli) -> None:
    found = find(INDEX, query)
    assert found.hits and found.fallbacks == {typed: shown}
    code, out, err = cli("search", query, "--json")
    assert code == 0 and isinstance(json.loads(out), list)
    assert err.startswith(f"chipfacts: note: no entity '{typed}'; showing {shown}")
    code, out, _ = cli("search", query, "--format", "table")
    assert f"showing {shown} for '{typed}'" in out


def test_a_year_after_a_name_is_a_year() -> None:
    assert find(INDEX, "maia 2024").fallbacks == {}


@pytest.mark.parametrize("query", ["tpu 2015", "nvidia 2", "mtia v1"])
def test_a_year_a_company_or_the_model_itself_is_no_other_version(query: str) -> None:
    assert find(INDEX, query).fallbacks == {}


# --- the held-out set (written blind; see its header) ------------------------------


def test_the_held_out_set_is_top_5_at_least_90_percent() -> None:
    questions = EVALUATE.load_questions(EVALUATE.HOLDOUT)
    assert len(questions) == 50
    facts = STORE.facts
    assert all(ident in facts for q in questions for ident in q.expect)
    outcomes = EVALUATE.evaluate(INDEX, questions)
    missed = [(o.question.text, o.top[:5]) for o in outcomes if o.rank is None or o.rank > 5]
    assert EVALUATE.rate(outcomes, 5) >= EVALUATE.HOLDOUT_GOAL_TOP5, missed


def test_the_blind_sets_meet_the_goals() -> None:
    """Four batches written from the sources by people who had not seen the store
    (see the file's header): the same goals as the labelled set."""
    questions = EVALUATE.load_questions(EVALUATE.BLIND)
    assert len(questions) == 380
    facts = STORE.facts
    assert all(ident in facts for q in questions for ident in q.expect)
    outcomes = EVALUATE.evaluate(INDEX, questions)
    failed = [goal for goal, met in EVALUATE.goals(outcomes) if not met]
    missed = [(o.question.text, o.top[:3]) for o in outcomes if o.rank != 1]
    assert not failed, (failed, missed)


@pytest.mark.parametrize(
    ("query", "fact_id"),
    [
        # a possessive typed without its apostrophe is still the name
        ("who leads microsofts network card", "microsoft-nic-lead"),
        ("nvidias market share", "nvidia-ai-chip-share"),
        ("谁负责微软的网卡项目", "microsoft-nic-lead"),  # 的 between parts of one name
        # a maker named with its product qualifies it: the attribute decides
        ("which foundry makes microsoft's maia 100", "maia100-foundry"),
        ("who makes maia 100", "maia100-foundry"),
        ("maia 100 foundry", "maia100-foundry"),
        # a word typed inside a name ("new") does not break it
        ("who leads microsoft's new nic", "microsoft-nic-lead"),
        ("which nvidia card is the microsoft new network card like", "microsoft-nic-similar-to"),
        # a typo inside a name of two words
        ("who leads the microsfot nic", "microsoft-nic-lead"),
    ],
)
def test_possessives_and_makers_with_their_products(query: str, fact_id: str) -> None:
    assert search(INDEX, query, limit=1)[0].fact.id == fact_id


def test_a_name_inside_a_name_is_never_skipped_over() -> None:
    # "microsoft nvidia nic" does not name Microsoft's NIC: the word in between
    # is a name of its own, and both makers stay in the query.
    query = read_query(INDEX, "microsoft nvidia nic")
    named = {INDEX.entity_at(row).id for row in query.entities}
    assert "microsoft-nic" not in named
    assert {"microsoft", "nvidia"} <= named


def test_one_typo_in_a_long_word_still_counts() -> None:
    assert "microsoft-nic-lead" in [h.fact.id for h in search(INDEX, "microsoft nic projcet")]
