"""Several references per fact: the YAML ``references`` list, its checks, the records
it becomes, and how the compiled store keeps and finds them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import chipfacts
from chipfacts import InvalidDataError, Reference, validate
from chipfacts.model.dates import PartialDate
from chipfacts.store.store import FactFilter
from chipfacts.views.conflicts import Why, disagreement
from tests.conftest import MINI, MINI_SOURCES, Cli

SECOND_SOURCE = """\
  - id: echo
    file: echo.txt
    title: 另一家媒体的报道
    publisher: Echo Daily
    published: "2023-12"
    language: zh-Hans
"""
ECHO_TEXT = "据报道，Maia 100的晶体管数量达到1050亿个，\n采用台积电5nm工艺。\n"
REFERENCES = """\
    references:
      - source: echo
        quote: Maia 100的晶体管数量达到1050亿个
        as_of: "2023-12"
        note: Repeats the launch figure.
"""
TRANSISTOR_SUMMARY = "    summary: Maia 100 has 105 billion transistors.\n"


def corroborated(references: str = REFERENCES) -> str:
    """The mini store with a second source, and ``references`` on its transistor fact."""
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("entities:\n", SECOND_SOURCE + "entities:\n", 1)
    return text.replace(TRANSISTOR_SUMMARY, TRANSISTOR_SUMMARY + references, 1)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    directory = tmp_path / "sources"
    directory.mkdir()
    shutil.copy(MINI_SOURCES / "mini.txt", directory / "mini.txt")
    (directory / "echo.txt").write_text(ECHO_TEXT, encoding="utf-8")
    return directory


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    """The line of the last place ``fragment`` is in ``text``."""
    return text[: text.rindex(fragment)].count("\n") + 1


def test_a_fact_s_own_source_is_its_first_reference(tmp_path: Path) -> None:
    store = chipfacts.load(write(tmp_path, corroborated()))
    fact = store.facts["maia100-transistors"]
    mini, echo = store.sources["mini"], store.sources["echo"]
    assert fact.references == (
        Reference(mini, "晶体管数量达到1050亿个", PartialDate(2023, 11, 15)),
        Reference(echo, "Maia 100的晶体管数量达到1050亿个", PartialDate(2023, 12),
                  "Repeats the launch figure."),
    )  # fmt: skip
    assert fact.further_references == fact.references[1:]
    assert store.fact_by_id("maia100-transistors") == fact
    assert [f.id for f in store.facts_of("maia100")] == ["maia100-transistors", "maia100-foundry"]
    assert store.facts_of("maia100")[0] == fact


def test_a_reference_without_as_of_takes_the_fact_s(tmp_path: Path) -> None:
    without_date = REFERENCES.replace('        as_of: "2023-12"\n', "")
    fact = chipfacts.load(write(tmp_path, corroborated(without_date))).facts["maia100-transistors"]
    assert fact.references[1].as_of == fact.as_of == PartialDate(2023, 11, 15)


def test_single_reference_facts_are_unchanged() -> None:
    store = chipfacts.load(MINI)
    for fact in store.facts.values():
        assert fact.further_references == ()
        assert fact.references == (Reference(fact.source, fact.quote, fact.as_of),)


def test_a_source_filter_finds_facts_it_corroborates(tmp_path: Path) -> None:
    store = chipfacts.load(write(tmp_path, corroborated()))
    echoed = store.select_facts(FactFilter(sources=["echo"]))
    assert [f.id for f in echoed] == ["maia100-transistors"]
    assert len(store.select_facts(FactFilter(sources=["mini"]))) == 3
    assert store.counts("source") == {"mini": 3, "echo": 1}


def test_every_quote_is_checked_against_its_own_source(tmp_path: Path, sources: Path) -> None:
    report = validate(write(tmp_path, corroborated()), sources)
    assert report.problems == []
    assert report.quotes_checked == 4


def test_a_further_quote_missing_from_its_source_is_reported_at_its_line(
    tmp_path: Path, sources: Path
) -> None:
    # The quote is in mini.txt, but this reference cites echo.txt.
    text = corroborated(REFERENCES.replace("Maia 100的晶体管", "英伟达控制了超过80%的份额"))
    report = validate(write(tmp_path, text), sources)
    assert [(p.line, p.message) for p in report.problems] == [
        (
            line_of(text, "        quote: 英伟达"),
            "quote of fact 'maia100-transistors' (reference 2, echo) not found in echo.txt",
        )
    ]


@pytest.mark.parametrize(
    ("references", "fragment", "message"),
    [
        (
            REFERENCES.replace("        note:", "        colour: red\n        note:"),
            "colour: red",
            "unknown key 'colour' (allowed: as_of, note, quote, source)",
        ),
        (
            REFERENCES.replace("source: echo", "source: nobody"),
            "source: nobody",
            "unknown source 'nobody'",
        ),
        (
            REFERENCES.replace("source: echo", "source: mini"),
            "- source: mini",
            "source 'mini' is already a reference of this fact",
        ),
        (
            REFERENCES.replace("        quote: Maia 100的晶体管数量达到1050亿个\n", ""),
            "      - source",
            "missing required key 'quote'",
        ),
        (REFERENCES.replace('"2023-12"', '"2023-13"'), "2023-13", "month 13 is out of range"),
        ("    references: []\n", "references: []", "'references' must be a non-empty list"),
        ("    references: [echo]\n", "references: [echo]", "each item of 'references' must be"),
        (
            REFERENCES + REFERENCES[len("    references:\n") :],
            "source: echo",
            "source 'echo' is already a reference",
        ),
    ],  # fmt: skip
    ids=[
        "unknown key",
        "unknown source",
        "own source again",
        "no quote",
        "bad date",
        "empty",
        "not a mapping",
        "same source twice",
    ],
)
def test_a_broken_reference_is_reported_with_its_line(
    tmp_path: Path, references: str, fragment: str, message: str
) -> None:
    text = corroborated(references)
    with pytest.raises(InvalidDataError) as caught:
        chipfacts.load(write(tmp_path, text))
    found = [(p.line, p.message) for p in caught.value.problems]
    assert len(found) == 1, found
    assert found[0][0] == line_of(text, fragment)
    assert message in found[0][1]


# --- what the commands show ------------------------------------------------------------


def test_fact_shows_every_source_and_quote(tmp_path: Path, cli: Cli) -> None:
    data = ["--data", str(write(tmp_path, corroborated()))]
    code, out, err = cli(*data, "fact", "maia100-transistors", "--format", "table")
    assert (code, err) == (0, "")
    lines = [line.rstrip() for line in out.splitlines()]
    start = lines.index("Reported by 2 sources")
    assert lines[start : start + 8] == [
        "Reported by 2 sources",
        "Quote 1  “晶体管数量达到1050亿个”",
        "Source 1 mini: 微软首款AI芯片",
        "         Test Press, 2023-11 · mini.txt",
        "Quote 2  “Maia 100的晶体管数量达到1050亿个”",
        "         as of 2023-12",
        "         Repeats the launch figure.",
        "Source 2 echo: 另一家媒体的报道",
    ]


def test_a_single_reference_fact_shows_its_quote_as_before(tmp_path: Path, cli: Cli) -> None:
    data = ["--data", str(write(tmp_path, corroborated()))]
    _, out, _ = cli(*data, "fact", "nvidia-share", "--format", "table")
    assert "Reported" not in out
    assert "Quote   “英伟达控制了超过80%的份额”" in out


def test_tables_mark_a_corroborated_fact(tmp_path: Path, cli: Cli) -> None:
    data = ["--data", str(write(tmp_path, corroborated()))]
    _, out, _ = cli(*data, "list", "facts", "--format", "table")
    assert out.count("+1 source") == 1
    for columns in (40, 60, 200):  # a stack of blocks when narrow, a table when wide
        result = cli(*data, "show", "maia100", "--format", "table", columns=columns)
        assert result.out.count("+1 source") == 1, columns


def test_json_csv_and_plain_carry_the_references(tmp_path: Path, cli: Cli) -> None:
    data = ["--data", str(write(tmp_path, corroborated()))]
    _, out, _ = cli(*data, "fact", "maia100-transistors", "--json")
    (record,) = json.loads(out)
    assert [(r["source"], r["quote"], r["as_of"], r["note"]) for r in record["references"]] == [
        ("mini", record["quote"], record["as_of"], None),
        ("echo", "Maia 100的晶体管数量达到1050亿个", "2023-12", "Repeats the launch figure."),
    ]
    assert record["references"][0]["source"] == record["source"]["id"]
    _, out, _ = cli(*data, "list", "facts", "--format", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["maia100-transistors"]["references"] == "mini; echo"
    assert rows["nvidia-share"]["references"] == "mini"


def test_a_fact_is_found_by_the_words_of_any_of_its_quotes(cli: Cli) -> None:
    # (A store of three facts is too small for search to trust a Chinese word: the
    # built-in store's corroborated codename is found by its second quote's words.)
    fact = chipfacts.load().facts["maia100-codename-athena"]
    assert "代号" not in fact.quote + fact.summary
    assert "代号" in fact.references[1].quote
    code, out, _ = cli("search", "代号", "--format", "plain")
    assert code == 0
    assert out.splitlines()[0].split("\t")[0] == "maia100-codename-athena"


def test_sources_count_the_facts_they_corroborate(tmp_path: Path, cli: Cli) -> None:
    data = ["--data", str(write(tmp_path, corroborated()))]
    _, out, _ = cli(*data, "sources", "--format", "csv")
    counts = {row["id"]: row["fact_count"] for row in csv.DictReader(io.StringIO(out))}
    assert counts == {"mini": "3", "echo": "1"}
    _, out, _ = cli(*data, "sources", "echo", "--format", "plain")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["maia100-transistors"]


def test_conflicts_see_the_time_each_source_gives(tmp_path: Path) -> None:
    store = chipfacts.load(write(tmp_path, corroborated()))
    fact = store.facts["maia100-transistors"]  # 2023-11-15, and 2023-12 by echo
    later = fact._replace(id="later", value=90_000_000_000, as_of=PartialDate(2023, 12),
                          further_references=())  # fmt: skip
    alone = fact._replace(further_references=())
    assert disagreement(alone, later) is None  # other times: a change, not a conflict
    found = disagreement(fact, later)
    assert found is not None and found.why is Why.SAME_TIME


def test_an_edit_of_references_gives_what_a_fresh_compile_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, corroborated())

    def snapshot(store: chipfacts.Store) -> list[chipfacts.Fact]:
        return list(store.all_facts())

    first = snapshot(chipfacts.load(path))
    assert first == snapshot(chipfacts.load(path, use_cache=False))
    for edit in (
        corroborated(REFERENCES.replace("Repeats the launch figure.", "Another note.")),
        corroborated(""),  # its references removed
        corroborated(),
    ):
        path.write_text(edit, encoding="utf-8")
        assert snapshot(chipfacts.load(path)) == snapshot(chipfacts.load(path, use_cache=False))
    assert snapshot(chipfacts.load(path)) == first


def test_cite_cites_each_source_with_its_own_quote(tmp_path: Path, sources: Path, cli: Cli) -> None:
    data = ["--data", str(write(tmp_path, corroborated()))]
    args = [*data, "cite", "maia100-transistors", "--sources", str(sources)]
    code, out, _ = cli(*args, "--style", "csl-json")
    assert code == 0
    items = json.loads(out)
    assert [
        (i["id"], i["publisher"], i["custom"]["quote"], i["custom"]["line"]) for i in items
    ] == [
        ("maia100-transistors", "Test Press", "晶体管数量达到1050亿个", 2),
        ("maia100-transistors-2", "Echo Daily", "Maia 100的晶体管数量达到1050亿个", 1),
    ]
    _, out, _ = cli(*args, "--style", "bibtex")
    assert [line for line in out.splitlines() if line.startswith("@misc")] == [
        "@misc{maia100-transistors,",
        "@misc{maia100-transistors-2,",
    ]
