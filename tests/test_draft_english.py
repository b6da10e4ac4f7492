"""`chipfacts draft` on English articles: numbers with spelled-out units and
bounds, dates without a year, cue words, attribute words and the claims they mark."""

from __future__ import annotations

import pytest

from chipfacts.model.dates import PartialDate
from chipfacts.text.cues import CueKind, find_cues
from chipfacts.text.normalize import fold_in_place
from chipfacts.text.numbers import find_quantities
from chipfacts.text.when import find_dates

PUBLISHED = PartialDate(2025, 6, 11)  # a Wednesday


def quantities(text: str) -> list[tuple[str, float | None, float | None, float | None, str | None]]:
    folded = fold_in_place(text)
    return [
        (text[q.start : q.end], q.value, q.low, q.high, q.unit)
        for q in find_quantities(folded, text)
    ]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("The switch moves 400 gigabits per second on each link.", "400 gigabits per second",
         4e11, "bit/s"),
        ("It is made on a 4-nanometer process.", "4-nanometer", 4, "nm"),
        ("The chip uses 7 nanometres transistors.", "7 nanometres", 7, "nm"),
        ("It runs 3.5 times faster than before.", "3.5 times", 3.5, "x"),
        ("They bought 2 million chips.", "2 million", 2e6, None),
        ("Revenue reached $7.2 billion last quarter.", "$7.2 billion", 7.2e9, "USD"),
        ("Cloud firms take about a quarter of the market.", "a quarter", 25, "percent"),
        ("Half of the chips were sold.", "Half", 50, "percent"),
    ],
)  # fmt: skip
def test_english_numbers_are_read_with_their_spelled_out_units(
    text: str, written: str, value: float, unit: str | None
) -> None:
    ((found, read, _, _, read_unit),) = quantities(text)
    assert (found, read_unit) == (written, unit)
    assert read == pytest.approx(value)


def test_a_percentage_range_written_with_to_is_one_range() -> None:
    assert quantities("Custom chips hold 6% to 9% of sales.") == [
        ("6% to 9%", None, 6, 9, "percent")
    ]


@pytest.mark.parametrize(
    "text",
    ["Shipments begin in 2027.", "It ships in the second quarter of 2026.", "by 2030 or so"],
)
def test_a_year_after_a_preposition_is_no_quantity(text: str) -> None:
    assert quantities(text) == []


def test_a_count_that_looks_like_a_year_is_still_a_count() -> None:
    assert quantities("The cluster links 2048 chips.") == [("2048", 2048, None, None, None)]


@pytest.mark.parametrize(
    ("text", "written", "date", "rough"),
    [
        ("The rules took effect in March.", "March", PartialDate(2025, 3), False),
        ("MADRID, Jun 10 - The firm said", "Jun 10", PartialDate(2025, 6, 10), False),
        ("It will ship in the third quarter of 2026.", "the third quarter of 2026",
         PartialDate(2026, 7), True),
        ("by the end of next year", "the end of next year", PartialDate(2026, 12), True),
        ("sales this year", "this year", PartialDate(2025), False),
        ("The cluster opens in 2027.", "2027", PartialDate(2027), False),
        ("unveiled on Monday", "Monday", PartialDate(2025, 6, 9), False),
    ],
)  # fmt: skip
def test_english_dates_without_a_year_are_read_against_the_article_date(
    text: str, written: str, date: PartialDate, rough: bool
) -> None:
    ((found, read, was_rough),) = [
        (text[d.start : d.end], d.date, d.rough) for d in find_dates(fold_in_place(text), PUBLISHED)
    ]
    assert (found, read, was_rough) == (written, date, rough)


def test_may_the_verb_is_no_month() -> None:
    assert find_dates(fold_in_place("Prices may fall in the spring."), PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Sales would exceed $5 billion.", "would", CueKind.FORECAST),
        ("Sales would exceed $5 billion.", "exceed", CueKind.MORE_THAN),
        ("the analyst wrote in a note", "wrote", CueKind.SPEECH),
    ],
)
def test_english_cue_words(text: str, word: str, kind: CueKind) -> None:
    assert (kind, word) in [(c.kind, c.word) for c in find_cues(text)]
