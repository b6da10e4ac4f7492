"""Search says what it did not find, and what each result matched (issue 19, points 3
and 4); rarity counts and steering by what the store knows (points 1 and 3)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

import chipfacts
from chipfacts.search.explain import HOW
from chipfacts.search.index import SearchIndex
from chipfacts.search.rank import find, search
from chipfacts.search.reader import read_query
from chipfacts.search.steer import steered
from chipfacts.store.store import ScoringRow
from chipfacts.text.normalize import fold
from chipfacts.text.question import Steer
from chipfacts.text.terms import fact_words
from tests.conftest import Cli

STORE = chipfacts.load()
INDEX = SearchIndex(STORE)


def ids(query: str, limit: int = 5) -> list[str]:
    return [h.fact.id for h in search(INDEX, query, limit=limit)]


# --- words that match nothing ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "missing", "rest"),
    [
        ("graphcore transistors", "graphcore", "transistors"),
        ("mi250 transistors", "mi250", "transistors"),
        ("寒武纪 晶体管", "寒武纪", "晶体管"),
        # quoted as typed, not in search's folded form (case, Traditional script)
        ("Graphcore Transistors", "Graphcore", "Transistors"),
        ("華為 晶片 代工", "華為", "晶片 代工"),
        ("昇腾 晶体管", "昇腾", "晶体管"),
    ],
)
def test_a_name_that_matches_nothing_is_said_on_stderr_and_in_the_title(
    query: str, missing: str, rest: str, cli: Cli
) -> None:
    said = f"'{missing}' matches nothing; showing facts for '{rest}'"
    code, out, err = cli("search", query, "--format", "table", columns=200)
    assert code == 0
    assert err.startswith(f"chipfacts: note: {said}\n")  # (then maybe: 10 of 25 facts)
    assert f"({said})" in out


@pytest.mark.parametrize(("query", "typed"), [("H20", "H20"), ("TPU第七代", "TPU第七代")])
def test_a_fallback_is_quoted_as_typed(query: str, typed: str, cli: Cli) -> None:
    err = cli("search", query, "--json").err
    assert err.startswith(f"chipfacts: note: no entity '{typed}'; showing ")


def test_a_question_whose_words_all_match_says_nothing_is_missing(cli: Cli) -> None:
    code, _, err = cli("search", "how many transistors does maia 100 have", "--json")
    assert code == 0 and "nothing" not in err and "no entity" not in err


@pytest.mark.parametrize("query", ["graphcore transistors", "h20", "maia 200", "b200"])
def test_strict_refuses_a_partial_answer_with_nothing_on_stdout(query: str, cli: Cli) -> None:
    code, out, err = cli("search", query, "--json", "--strict")
    assert code == 1 and out == ""
    assert err.startswith("chipfacts: error: ") and err.endswith("(--strict)\n")


def test_strict_answers_a_query_that_matched_whole(cli: Cli) -> None:
    code, out, _ = cli("search", "maia transistors", "--json", "--strict")
    assert code == 0 and json.loads(out)[0]["id"] == "maia100-transistors"


# --- the match object -----------------------------------------------------------------


def test_json_says_what_each_fact_matched_and_how(cli: Cli) -> None:
    code, out, _ = cli("search", "maia 100 晶体管", "--json")
    first = json.loads(out)[0]
    assert code == 0 and first["id"] == "maia100-transistors"
    assert first["match"] == {
        "words": ["maia 100", "晶体管"],
        "how": ["name", "attribute"],
        "fallback_for": None,
    }


@pytest.mark.parametrize(
    ("query", "how"),
    [("maia100", "id"), ("Maia 100", "name"), ("雅典娜", "alias"), ("maai", "fuzzy")],
)
def test_how_a_name_matched(query: str, how: str) -> None:
    match = find(INDEX, query, limit=1).matches[0]
    assert match.how[0] == how


@pytest.mark.parametrize("query", ["maia 100 晶体管 1050亿", "微软的新网卡类似什么", "h20 quota"])
def test_every_match_names_a_word_of_the_query_and_a_known_way(query: str) -> None:
    found = find(INDEX, query)
    for match in found.matches:
        assert match.words and len(match.words) == len(match.how)
        assert set(match.how) <= set(HOW)
        # as read: spacing may differ (1050 亿), a modifier inside a name goes (微软网卡)
        assert all(set(word) - {" "} <= set(fold(query)) for word in match.words)


def test_a_fallback_says_what_it_stands_for(cli: Cli) -> None:
    code, out, _ = cli("search", "h20", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and records
    assert {r["match"]["fallback_for"] for r in records if r["entity"] == "h200"} == {"h20"}
    assert all(r["match"]["how"][0] == "fuzzy" for r in records if r["entity"] == "h200")


def test_csv_spreads_the_match_over_three_columns(cli: Cli) -> None:
    code, out, _ = cli("search", "b200", "--format", "csv", "-n", "1")
    (row,) = csv.DictReader(io.StringIO(out))
    assert code == 0
    assert (row["match_words"], row["match_how"], row["match_fallback_for"]) == (
        "b200",
        "fuzzy",
        "b200",
    )


def test_numbers_and_text_are_named_as_such() -> None:
    match = find(INDEX, "1530亿 amd", limit=1).matches[0]
    assert ("number" in match.how) and find(INDEX, "1530亿 amd", limit=1).hits


# --- steering ---------------------------------------------------------------------------


def test_versus_interleaves_both_entities_and_points_to_compare(cli: Cli) -> None:
    hits = search(INDEX, "amd mi300x vs nvidia h100", limit=4)
    assert [h.fact.entity.id for h in hits] == ["mi300x", "h100", "mi300x", "h100"]
    code, _, err = cli("search", "amd mi300x vs nvidia h100", "--json")
    assert code == 0 and "`chipfacts compare mi300x h100`" in err


@pytest.mark.parametrize("query", ["H200和H100相比", "h200 对比 h100", "h200 versus h100"])
def test_versus_in_either_language(query: str) -> None:
    assert find(INDEX, query).compared == ["h200", "h100"]


@pytest.mark.parametrize("query", ["亚马逊的第一款自研芯片", "amazon's first in-house chip"])
def test_first_prefers_the_earliest_dated_fact(query: str) -> None:
    # Nitro (2013) and Trainium (2020) were both launched by Amazon
    found = ids(query, 20)
    assert found.index("nitro-launched") < 3
    assert "trainium-launched" not in found[: found.index("nitro-launched")]


def test_when_prefers_a_dated_fact() -> None:
    top = search(INDEX, "Maia 100什么时候开始安装", limit=1)[0].fact
    assert top.attribute.type.value == "date"


# --- Chinese names and words ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["微软的新网卡", "微软新网卡", "微軟的新網卡", "微软自研网卡"])
def test_a_modifier_inside_a_chinese_name_keeps_the_name(query: str) -> None:
    query_read = read_query(INDEX, query)
    named = {INDEX.entity_at(row).id for row in query_read.entities}
    assert "microsoft-nic" in named


@pytest.mark.parametrize(
    ("taiwan", "mainland"),
    [
        ("晶片", "芯片"),
        ("輝達", "英伟达"),
        ("軟體", "软件"),
        ("電晶體", "晶体管"),
        ("叢集", "集群"),
    ],
)
def test_taiwan_words_fold_to_the_mainland_words_of_the_sources(taiwan: str, mainland: str) -> None:
    assert fold(taiwan) == mainland


def test_taiwan_word_for_transistors_finds_the_transistor_counts(cli: Cli) -> None:
    result = cli("search", "電晶體", "--json", "-n", "1")
    assert result.code == 0
    assert json.loads(result.out)[0]["attribute"] == "transistor_count"


# --- rarity ---------------------------------------------------------------------------------


def test_rarity_counts_are_the_facts_that_carry_each_word() -> None:
    carried = Counter(word for fact in STORE.all_facts() for word in fact_words(fact))
    words = ["maia", "chip", "microsoft", "quota"]
    assert INDEX.term_counts("word", words) == {w: carried[w] for w in words}


def test_rarity_counts_are_the_facts_of_each_entity_and_their_mentions() -> None:
    (row,) = INDEX.entity_rows("maia100")
    own = len(STORE.facts_of("maia100")) + len(STORE.mentions_of("maia100"))
    assert INDEX.term_counts("entity", [row]) == {row: own}


@pytest.mark.parametrize(
    "query",
    ["微软 代号", "微软首款AI芯片的代号", "what was the codename of microsoft's first ai chip"],
)
def test_a_distinctive_word_outranks_a_common_name(query: str) -> None:
    # Microsoft carries a third of the facts; a codename, two.
    assert ids(query, 1) == ["maia100-codename-athena"]


def test_the_schema_lists_every_way_a_word_can_match() -> None:
    schema = json.loads(
        (Path(__file__).resolve().parents[1] / "schema" / "fact.schema.json").read_text("utf-8")
    )
    match = schema["properties"]["match"]["properties"]
    assert tuple(match["how"]["items"]["enum"]) == HOW


@pytest.mark.parametrize(
    ("query", "fact_id"),
    [("微软的芯片是谁代工的", "maia100-foundry"), ("微軟的晶片是誰代工的", "maia100-foundry")],
)
def test_a_maker_named_alone_stands_a_little_for_what_it_makes(query: str, fact_id: str) -> None:
    # Three facts say who makes a chip; the one of Microsoft's chip leads
    assert ids(query, 1) == [fact_id]
    match = find(INDEX, query, limit=1).matches[0]
    assert ("微软", "alias") in zip(match.words, match.how, strict=True)


def test_a_makers_own_facts_come_before_its_products() -> None:
    hits = search(INDEX, "microsoft", limit=30)
    own = [i for i, h in enumerate(hits) if h.fact.entity.id == "microsoft"]
    assert own[:10] == list(range(10))


def test_when_prefers_a_date_then_an_event_of_a_known_day() -> None:
    (launched,) = INDEX.attribute_keys["launched"]
    (statement,) = INDEX.attribute_keys["statement"]

    def row(attribute: int, as_of: str) -> ScoringRow:
        return ScoringRow(0, attribute, "x", None, None, "exact", None, as_of)

    when = {Steer.DATE}
    assert steered(INDEX, when, row(launched, "2023")) == 1.0
    assert steered(INDEX, when, row(statement, "2023-11-15")) == 0.5
    assert steered(INDEX, when, row(statement, "2023-11")) == 0.0
    assert steered(INDEX, {Steer.COUNT}, row(statement, "2023-11-15")) == 0.0


# --- a name and an attribute that no fact has together ----------------------------------


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("h100 transistors", "no fact gives H100's transistor count"),
        ("英伟达 H100 晶体管数量", "no fact gives H100's transistor count"),  # maker: a qualifier
        ("H100 的代工厂", "no fact gives H100's foundry"),
        ("H100電晶體", "no fact gives H100's transistor count"),
        ("tpu process node", "no fact gives TPU's process node"),
    ],
)
def test_an_attribute_the_entity_lacks_is_said(query: str, said: str, cli: Cli) -> None:
    code, out, err = cli("search", query, "--format", "table", columns=200)
    assert code == 0
    assert err.startswith(f"chipfacts: note: {said}; showing the nearest facts\n")
    assert said in out  # the table's title
    strict = cli("search", query, "--json", "--strict")
    assert (strict.code, strict.out) == (1, "") and said in strict.err


@pytest.mark.parametrize(
    "query",
    [
        "maia 100 transistors",  # it has one
        "h200 cuda cores",  # CUDA is in the attribute's label, not an entity asked about
        "who leads microsoft's nic project",  # a question: answered in other words
        "微软 网卡 负责人",  # read as role too, and the NIC's project lead answers it
        "H200的CUDA核心数是多少",
    ],
)
def test_an_attribute_the_entity_has_or_a_question_says_nothing_lacking(
    query: str, cli: Cli
) -> None:
    assert "no fact gives" not in cli("search", query, "--json").err


def test_lacking_is_never_said_of_an_entity_whose_facts_were_not_all_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert find(INDEX, "h100 transistors").absent == [("H100", "Transistor count")]
    # Fewer rows read than the entity has: its answer may be among those not read.
    monkeypatch.setattr("chipfacts.search.rank.CAP", 3)
    assert find(INDEX, "h100 transistors").absent == []
