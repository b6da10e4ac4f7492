"""Numbers the way a person reads them, from the one formatting module."""

from __future__ import annotations

import pytest

from chipfacts.model.records import Bound
from chipfacts.render.display import count_noun, format_quantity, plain_number, short_number

CASES = [
    # (value, min, max, bound, unit, expected)
    (105e9, None, None, Bound.EXACT, "transistors", "105 billion transistors"),
    (16896, None, None, Bound.EXACT, "cores", "16,896 cores"),
    (1.83e9, None, None, Bound.EXACT, "Hz", "1.83 GHz"),
    (48.1e9, None, None, Bound.EXACT, "USD", "$48.1 billion"),
    (58.8e9, None, None, Bound.ABOUT, "USD", "~$58.8 billion"),
    (0.04, None, None, Bound.ABOUT, "USD", "~4¢"),
    (0.01, None, None, Bound.LESS_THAN, "USD", "< 1¢"),
    (1e12, None, None, Bound.ABOUT, "USD", "~$1 trillion"),
    (1e8, None, None, Bound.AT_LEAST, "USD", "≥ $100 million"),
    (80, None, None, Bound.MORE_THAN, "percent", "> 80%"),
    (100000, None, None, Bound.AT_LEAST, "gpus", "≥ 100,000 GPUs"),
    (1, None, None, Bound.EXACT, "gpus", "1 GPU"),
    (None, 30000, 50000, Bound.RANGE, "gpus", "30,000–50,000 GPUs"),
    (None, 6, 10, Bound.RANGE, "x", "6–10×"),
    (3, None, None, Bound.AT_LEAST, "x", "≥ 3×"),
    (5, None, None, Bound.EXACT, "nm", "5 nm"),
    (24, None, None, Bound.EXACT, "rank", "#24"),
    (10, None, None, Bound.MORE_THAN, "chips", "> 10 chips"),
    (1e7, None, None, Bound.AT_LEAST, "gpus", "≥ 10 million GPUs"),
    (20, None, None, Bound.AT_MOST, "percent", "≤ 20%"),
    (None, 1e9, 2e9, Bound.RANGE, "Hz", "1–2 GHz"),
]


@pytest.mark.parametrize(("value", "low", "high", "bound", "unit", "expected"), CASES)
def test_format_quantity(
    value: float | None,
    low: float | None,
    high: float | None,
    bound: Bound,
    unit: str,
    expected: str,
) -> None:
    assert format_quantity(value, low, high, bound, unit) == expected


def test_plain_and_short_numbers() -> None:
    assert plain_number(16896) == "16,896"
    assert plain_number(1.5) == "1.5"
    assert short_number(105e9) == "105 billion"
    assert short_number(2.5e15) == "2,500 trillion"
    assert short_number(999_999) == "999,999"


def test_count_noun() -> None:
    assert [count_noun(n, "fact") for n in (0, 1, 2)] == ["0 facts", "1 fact", "2 facts"]
    assert count_noun(3, "entity") == "3 entities"
    assert count_noun(1, "entity") == "1 entity"
    assert count_noun(1200, "source") == "1,200 sources"
