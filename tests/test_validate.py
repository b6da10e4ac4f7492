"""The validator, one kind of problem at a time, each with its message and line.

Every case takes the valid mini store (tests/fixtures/mini.yaml), breaks it in
one place, and asserts the problem is reported at the right line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chipfacts import validate
from tests.conftest import MINI, MINI_SOURCES, WriteStore

MINI_TEXT = MINI.read_text(encoding="utf-8")

# (case, text to replace, replacement, expected line, expected message fragment)
BROKEN = [
    ("yaml syntax", "    bound: exact\n", "    bound: [exact\n", 28, "YAML syntax error"),
    (
        "unknown key",
        "    bound: exact\n",
        "    bound: exact\n    colour: red\n",
        28,
        "unknown key 'colour'",
    ),
    (
        "missing key",
        "    summary: Maia 100 has 105 billion transistors.\n",
        "",
        23,
        "missing required key 'summary'",
    ),
    ("wrong type", "    value: 80\n", "    value: eighty\n", 37, "'value' must be a number"),
    ("bad date", '    as_of: "2023"\n', '    as_of: "2023-13"\n', 42, "month 13 is out of range"),
    (
        "impossible day",
        '    as_of: "2023-11-15"\n',
        '    as_of: "2023-02-30"\n',
        30,
        "not a date: '2023-02-30' (day is out of range",
    ),
    ("not a date", '    as_of: "2023"\n', "    as_of: last year\n", 42, "not a date"),
    (
        "duplicate id",
        "  - id: nvidia-share\n",
        "  - id: maia100-transistors\n",
        34,
        "duplicate id 'maia100-transistors'",
    ),
    (
        "unknown entity",
        "    entity: nvidia\n",
        "    entity: nvidai\n",
        35,
        "unknown entity 'nvidai'",
    ),
    (
        "unknown attribute",
        "    attribute: foundry\n",
        "    attribute: fab\n",
        48,
        "unknown attribute 'fab'",
    ),
    (
        "unknown source",
        "    source: mini\n    quote: 英伟达",
        "    source: maxi\n    quote: 英伟达",
        43,
        "unknown source 'maxi'",
    ),
    (
        "unknown related",
        "    related: [microsoft]\n",
        "    related: [microsfot]\n",
        55,
        "unknown entity 'microsfot'",
    ),
    (
        "unknown maker",
        "    maker: microsoft\n",
        "    maker: msft\n",
        13,
        "unknown maker entity 'msft'",
    ),
    (
        "shared alias",
        "aliases: [英伟达]",
        "aliases: [英伟达, Athena]",
        16,
        "'Athena' of entity 'nvidia' is already a name of 'maia100'",
    ),
    (
        "alias clash by spelling",
        "aliases: [微软]",
        "aliases: [微软, maia-100]",
        15,
        "'maia-100' of entity 'microsoft' is already a name",
    ),
    (
        "min greater than max",
        "    value: 80\n    bound: more_than\n",
        "    min: 90\n    max: 80\n    bound: range\n",
        37,
        "min 90 is greater than max 80",
    ),
    (
        "range without numbers",
        "    bound: more_than\n",
        "    bound: range\n",
        38,
        "bound 'range' needs both 'min' and 'max'",
    ),
    ("bound without value", "    value: 80\n", "", 37, "bound 'more_than' needs a 'value'"),
    (
        "unknown bound",
        "    bound: exact\n",
        "    bound: roughly\n",
        27,
        "'bound' must be one of exact, about",
    ),
    (
        "unknown status",
        "    status: claimed\n",
        "    status: rumoured\n",
        40,
        "'status' must be one of reported, claimed",
    ),
    (
        "unit does not fit",
        "    unit: percent\n",
        "    unit: USD\n",
        39,
        "unit 'USD' does not fit attribute 'market_share'",
    ),
    ("missing unit", "    unit: transistors\n", "", 23, "missing 'unit'"),
    ("unit on text", "    value: TSMC\n", "    value: TSMC\n    unit: nm\n", 50, "takes no unit"),
    ("percent out of range", "    value: 80\n", "    value: 180\n", 37, "above the maximum 100"),
    ("claimed without claimant", "    claimed_by: nvidia\n", "", 34, "needs 'claimed_by'"),
    (
        "doubt of unknown kind",
        "    claimed_by: nvidia\n",
        "    claimed_by: nvidia\n    doubt: {kind: shaky, reason: Nobody else says so.}\n",
        42,
        "'kind' must be one of wrong, unconfirmed, misleading",
    ),
    (
        "doubt without a reason",
        "    claimed_by: nvidia\n",
        "    claimed_by: nvidia\n    doubt: {kind: wrong}\n",
        42,
        "missing required key 'reason'",
    ),
    (
        "doubt as text",
        "    claimed_by: nvidia\n",
        "    claimed_by: nvidia\n    doubt: unsure\n",
        42,
        "'doubt' must be a mapping",
    ),
    ("text where a list goes", "aliases: [微软]", "aliases: 微软", 15, "'aliases' must be a list"),
    (
        "duplicate key",
        "    bound: exact\n",
        "    bound: exact\n    bound: about\n",
        28,
        "duplicate key 'bound'",
    ),
    ("unknown section", "facts:\n", "notes: []\nfacts:\n", 22, "unknown section 'notes'"),
    (
        "bad language",
        "    language: zh-Hans\n",
        "    language: chinese\n",
        8,
        "'language' must be one of",
    ),
    ("infinite number", "    value: 80\n", "    value: .inf\n", 37, "finite number"),
]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_each_problem_is_reported_with_its_line(
    write_store: WriteStore, old: str, new: str, line: int, message: str
) -> None:
    assert old in MINI_TEXT, "the case no longer matches the fixture"
    path = write_store(MINI_TEXT.replace(old, new, 1))
    report = validate(path, MINI_SOURCES)
    found = [(p.line, p.message) for p in report.problems]
    assert any(p_line == line and message in p_message for p_line, p_message in found), found


def test_the_mini_fixture_is_valid() -> None:
    report = validate(MINI, MINI_SOURCES)
    assert report.problems == []
    assert report.quotes_checked == 3


def test_every_problem_is_reported_at_once(write_store: WriteStore) -> None:
    broken = MINI_TEXT.replace("    value: 80\n", "    value: eighty\n").replace(
        "    entity: maia100\n    attribute: foundry", "    entity: maia\n    attribute: foundry"
    )
    report = validate(write_store(broken), MINI_SOURCES)
    assert [p.line for p in report.problems] == [37, 47]


def test_a_quote_missing_from_its_source(write_store: WriteStore) -> None:
    path = write_store(MINI_TEXT.replace("晶体管数量达到1050亿个", "晶体管数量达到1060亿个"))
    report = validate(path, MINI_SOURCES)
    assert [(p.line, p.message) for p in report.problems] == [
        (32, "quote of fact 'maia100-transistors' not found in mini.txt")
    ]


def test_elided_fragments_must_appear_in_order(write_store: WriteStore) -> None:
    path = write_store(
        MINI_TEXT.replace("采用台积电的5nm … 制程工艺", "制程工艺 … 采用台积电的5nm")
    )
    problems = validate(path, MINI_SOURCES).problems
    assert [p.message for p in problems] == [
        "quote of fact 'maia100-foundry' not found in mini.txt"
    ]


def test_quotes_ignore_whitespace(write_store: WriteStore) -> None:
    # The source breaks the line after "工艺，"; the quote spans it with spaces.
    path = write_store(
        MINI_TEXT.replace("晶体管数量达到1050亿个", "工艺， 晶体 管数量达到1050亿个")
    )
    assert validate(path, MINI_SOURCES).problems == []


def test_a_source_file_that_is_not_there(write_store: WriteStore) -> None:
    path = write_store(MINI_TEXT.replace("file: mini.txt", "file: gone.txt"))
    problems = validate(path, MINI_SOURCES).problems
    assert [(p.line, p.message[:31]) for p in problems] == [(4, "source file 'gone.txt' not foun")]


def test_without_sources_quotes_are_not_checked(write_store: WriteStore) -> None:
    path = write_store(MINI_TEXT.replace("晶体管数量达到1050亿个", "not in the source"))
    report = validate(path, None)
    assert report.problems == [] and report.quotes_checked == 0


def test_validate_never_modifies_the_file(write_store: WriteStore) -> None:
    path = write_store(MINI_TEXT.replace("    value: 80\n", "    value: eighty\n"))
    before = path.read_bytes(), path.stat().st_mtime_ns
    validate(path, MINI_SOURCES)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_problems_print_as_file_and_line(tmp_path: Path, write_store: WriteStore) -> None:
    path = write_store(MINI_TEXT.replace("    value: 80\n", "    value: eighty\n"))
    (problem,) = validate(path, MINI_SOURCES).problems
    assert str(problem) == f"{path}:37: 'value' must be a number, not 'eighty'"


def test_a_source_text_edited_between_two_validations_is_read_again(tmp_path: Path) -> None:
    """One process (the Python API) validating, editing a text, validating again."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for text in MINI_SOURCES.iterdir():
        (sources / text.name).write_bytes(text.read_bytes())
    assert validate(MINI, sources).problems == []
    (sources / "mini.txt").write_text("An article about something else.\n", encoding="utf-8")
    assert validate(MINI, sources).problems != []  # its quotes are no longer in it
