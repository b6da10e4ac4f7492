"""Every command, at every width from 40 to 200 columns: nothing cut, nothing lost.

Generated: each command of the built-in store runs in-process at 40, 60, 80,
120 and 200 columns (rich and click take the width from ``COLUMNS``), and its
table must keep within the width, show no ``…`` the data does not hold, and
show every word of every value its records carry (the same command's JSON), so
a wrapped or stacked layout can never silently drop or cut a value. Help is
checked the same way: within the width, and the same text at every width.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from chipfacts.cli.group import command_names
from chipfacts.render.parts import SEPARATOR, Parts
from chipfacts.render.table import longest_word
from tests.conftest import run_cli

WIDTHS = [40, 60, 80, 120, 200]
EIGHT_CHIPS = ["maia100", "mi300x", "h100", "h200", "tpu", "trainium", "tensor", "inferentia"]

Record = dict[str, Any]


def fact_words(fact: Record) -> Iterator[Any]:
    """What a fact shows in every human view: its id too, for the next command."""
    yield from (fact["id"], fact["entity_name"], fact["attribute_label"], fact["display"])
    yield fact["as_of"]
    yield from (fact["context"], fact["status"], fact["source"]["id"], fact["note"])
    if fact["doubt"]:
        yield fact["doubt"]["reason"]


def fact_ids(document: Any) -> Iterator[str]:
    """The id of every fact record in a command's JSON, however nested."""
    if isinstance(document, dict):
        if "attribute_label" in document and "id" in document:
            yield document["id"]
        for value in document.values():
            yield from fact_ids(value)
    elif isinstance(document, list):
        for item in document:
            yield from fact_ids(item)


def facts_of(records: list[Record]) -> Iterator[Any]:
    for fact in records:
        yield from fact_words(fact)


def shown_by_show(card: Record) -> Iterator[Any]:
    yield from (card["name"], card["kind"], card["description"], *card["aliases"])
    yield from facts_of(card["facts"])
    yield from facts_of(card["mentioned_in"])


def shown_by_compare(comparison: Record) -> Iterator[Any]:
    for entity in comparison["entities"]:
        yield from (entity["name"], entity["kind"])
    for row in comparison["rows"]:
        yield row["attribute_label"]
        for facts in row["cells"].values():
            for fact in facts:
                yield from (fact["id"], fact["display"], fact["note"])
                yield fact["source"]["publisher"]
                yield from (fact["source"]["title"], fact["source"]["published"])
                if fact["doubt"]:
                    yield fact["doubt"]["reason"]
                if fact["status"] != "reported":
                    yield fact["status"]
                if len(facts) > 1:
                    yield fact["context"]


def shown_by_fact(facts: list[Record]) -> Iterator[Any]:
    for fact in facts:
        yield from fact_words(fact)
        yield from (fact["id"], fact["summary"], fact["quote"])
        source = fact["source"]
        yield from (source["title"], source["title_en"], source["publisher"], source["file"])


def shown_by_timeline(facts: list[Record]) -> Iterator[Any]:
    for fact in facts:
        yield from (fact["id"], fact["display"], fact["entity_name"], fact["summary"])
        yield fact["note"]
        yield from (fact["status"], fact["source"]["id"])


def shown_by_conflicts(conflicts: list[Record]) -> Iterator[Any]:
    for conflict in conflicts:
        yield from (conflict["entity_name"], conflict["attribute_label"])
        for fact in conflict["facts"]:
            yield from (fact["display"], fact["note"], fact["as_of"], fact["status"])
            yield from (fact["source"]["id"], fact["id"])


def shown_by_entities(entities: list[Record]) -> Iterator[Any]:
    for e in entities:
        yield from (e["id"], e["name"], e["kind"], e["maker"], *e["aliases"], e["fact_count"])


def shown_by_attributes(attributes: list[Record]) -> Iterator[Any]:
    for a in attributes:
        yield from (a["id"], a["label"], a["type"], a["unit"], a["fact_count"])


def shown_by_sources(sources: list[Record]) -> Iterator[Any]:
    for s in sources:
        yield from (s["id"], s["publisher"], s["published"], s["language"], s["fact_count"])
        yield from (s["title"], s["title_en"])


def shown_by_source(source: Record) -> Iterator[Any]:
    yield from (source["title"], source["title_en"], source["publisher"], source["file"])
    yield from (source["published"], source["language"], source["note"])
    yield from facts_of(source["facts"])


COMMANDS: dict[str, tuple[list[str], Callable[[Any], Iterator[Any]]]] = {
    "search": (["search", "maia"], facts_of),
    "search-question": (["search", "nvidia", "revenue"], facts_of),
    "compare-2": (["compare", "maia100", "mi300x"], shown_by_compare),
    "compare-8": (["compare", *EIGHT_CHIPS], shown_by_compare),
    "show": (["show", "microsoft"], shown_by_show),
    "fact": (["fact", "maia100-launched", "h200-gain-llama2"], shown_by_fact),
    "list-entities": (["list", "entities"], shown_by_entities),
    "list-attributes": (["list", "attributes"], shown_by_attributes),
    "list-facts": (["list", "facts", "--kind", "chip", "--kind", "nic"], facts_of),
    "sources": (["sources"], shown_by_sources),
    "sources-id": (["sources", "tencent-2024-02"], shown_by_source),
    "timeline": (["timeline"], shown_by_timeline),
    "conflicts": (["conflicts"], shown_by_conflicts),
}


@cache
def run(args: tuple[str, ...], columns: int) -> str:
    code, out, err = run_cli("--no-pager", *args, columns=columns, lines=50)
    assert code == 0, err
    return out


def words(value: Any) -> Iterator[str]:
    """The pieces of a value a line may not break inside: its words, or the
    characters of a CJK run (which wrap anywhere)."""
    for word in str(value).split():
        for piece in re.split(r"([\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef])", word):
            if piece:
                yield piece


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", COMMANDS)
def test_every_value_whole_within_the_width(name: str, columns: int) -> None:
    args, shown = COMMANDS[name]
    out = run((*args, "--format", "table"), columns)
    records = json.loads(run((*args, "--json"), 200))
    too_wide = [line for line in out.splitlines() if cell_len(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    values = [v for v in shown(records) if v is not None and v != ""]
    assert values
    in_data = sum(str(v).count("…") for v in values)
    assert out.count("…") <= in_data, "a value was cut with …"
    # a word longer than the width is folded in stacked lines: look for it joined up
    joined = "".join(line.strip() for line in out.splitlines())
    missing = {w for v in values for w in words(v) if w not in out and w not in joined}
    assert not missing, f"not shown at {columns} columns: {sorted(missing)}"
    # every fact's id whole on one line, to be copied into the next command
    ids = set(fact_ids(records))  # (none in the lists of entities, attributes, sources)
    cut = {i for i in ids if not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", out)}
    assert not cut, f"ids not whole at {columns} columns: {sorted(cut)}"


def test_tables_give_way_to_blocks_when_their_columns_do_not_fit() -> None:
    assert "┏" in run(("list", "facts", "--kind", "chip", "-f", "table"), 120)
    assert "┏" not in run(("list", "facts", "--kind", "chip", "-f", "table"), 60)
    assert "┏" in run(("compare", "maia100", "mi300x", "-f", "table"), 100)
    for columns in WIDTHS:  # eight chips never fit side by side: one block per attribute
        out = run(("compare", *EIGHT_CHIPS, "-f", "table"), columns)
        assert "┏" not in out and "\nTransistor count\n" in out


def test_no_column_breaks_a_word_it_could_have_kept_whole() -> None:
    """The header that read 'Attribut' / 'e' at 80 columns, and words split across
    lines of a cell: every line of every cell ends at a word's end."""
    for columns in WIDTHS:
        for args in (("list", "facts", "--kind", "chip"), ("timeline",), ("sources",)):
            out = run((*args, "-f", "table"), columns)
            assert "Attribut " not in out and "Entit " not in out
            heads = [line for line in out.splitlines() if line.startswith("┃")]
            cells = {c.strip() for line in heads for c in line.strip("┃").split("┃")}
            assert cells <= {
                "",
                "Entity",
                "Attribute",
                "Value",
                "As of",
                "Status",
                "Source",
                "Date",
                "Event",
                "Id",
                "Publisher",
                "Published",
                "Lang",
                "Facts",
                "Title",
            }, cells


# Blocks give way to tables as the width grows: the widths of the default run, a few
# odd ones between; every width from 40 to 200 runs with the slow tests.
SEPARATOR_WIDTHS = [
    pytest.param(w, marks=[] if w in (*WIDTHS, 41, 47, 53, 67, 93, 137) else pytest.mark.slow)
    for w in range(40, 201)
]
DANGLING = re.compile(r"(·\s*$|^[\s│┃]*·)", re.MULTILINE)


@pytest.mark.parametrize("columns", SEPARATOR_WIDTHS)
@pytest.mark.parametrize("name", COMMANDS)
def test_no_separator_dangles(name: str, columns: int) -> None:
    """A line of parts (date · status · source · id) breaks between parts: no line,
    nor a table cell's line, ends or starts with its ``·``."""
    out = run((*COMMANDS[name][0], "--format", "table"), columns)
    cells = "\n".join(part for line in out.splitlines() for part in re.split("[│┃]", line))
    assert not DANGLING.search(cells), DANGLING.search(cells)


# A part: words of letters, CJK and hyphens, one space between them (as a date, a
# status, a source id or "made by Microsoft" are).
PART = st.lists(
    st.text(st.sampled_from("ab微软-"), min_size=1, max_size=12), min_size=1, max_size=3
)


@given(parts=st.lists(PART.map(" ".join), min_size=1, max_size=8), width=st.integers(20, 120))
@settings(max_examples=300, deadline=None)
def test_parts_break_between_parts(parts: list[str], width: int) -> None:
    console = Console(width=width, color_system=None, file=io.StringIO())
    with console.capture() as captured:
        console.print(Parts(*parts))
    lines = [line.rstrip() for line in captured.get().rstrip("\n").split("\n")]
    assert all(cell_len(line) <= width for line in lines)
    assert not any(line.endswith("·") or line.startswith("·") for line in lines)
    if all(cell_len(part) <= width for part in parts):  # each whole, in order
        assert [piece for line in lines for piece in line.split(SEPARATOR)] == parts


def test_longest_word_breaks_cjk_anywhere() -> None:
    assert longest_word("Maia 100 and ConnectX-7") == len("ConnectX-7")
    assert longest_word("微软悄然开发网卡替代品") == 2


HELP = ["", *command_names()]


def help_text(name: str, columns: int) -> str:
    args = [name, "--help"] if name else ["--help"]
    code, out, _ = run_cli(*args, columns=columns)
    assert code == 0
    return out


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", HELP)
def test_help_fits_and_says_the_same_at_every_width(name: str, columns: int) -> None:
    text = help_text(name, columns)
    too_wide = [line for line in text.splitlines() if cell_len(line) > columns]
    assert not too_wide, "\n".join(too_wide)

    def content(text: str) -> str:  # the words in order, examples' continuations undone
        return re.sub(r"\s+", "", text.replace(" \\\n", " "))

    assert content(text) == content(help_text(name, 200))
    if columns < 60:  # an example continued is still one command to paste
        examples = text.split("Examples:", 1)[-1].split("\n\n", 1)[0].replace(" \\\n", " ")
        assert all(line.strip().startswith("chipfacts ") for line in examples.strip().splitlines())
