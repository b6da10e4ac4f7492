"""One numeric layer: how a number is read from YAML, computed and shown.

YAML 1.2's core schema types plain scalars (never YAML 1.1's base 60, octal
``017``, ``0b``, underscores or yes/no booleans); the store holds finite numbers
only; computed ratios are finite or absent; JSON never holds NaN or Infinity;
large and negative values display as written.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chipfacts.errors import ExitCode, InvalidDataError
from chipfacts.model.records import Bound
from chipfacts.render.display import format_quantity, plain_number, short_number
from chipfacts.store.safeyaml import parse_yaml
from tests.conftest import MINI, Cli, WriteStore

TEXT = object()  # the scalar stays text

CORE_SCHEMA = [
    ("16:9", TEXT),  # YAML 1.1: 969 (base 60)
    ("1:30:00", TEXT),
    ("1_000", TEXT),  # YAML 1.1: 1000
    ("0b101", TEXT),  # YAML 1.1: 5
    ("017", 17),  # YAML 1.1: 15 (octal)
    ("0o17", 15),
    ("0x1F", 31),
    ("-42", -42),
    ("+7", 7),
    ("1e23", 1e23),  # YAML 1.1: text (no dot)
    ("-5e15", -5e15),
    (".5", 0.5),
    ("1.", 1.0),
    ("yes", TEXT),  # YAML 1.1: True
    ("no", TEXT),  # YAML 1.1: False (the Norway problem)
    ("on", TEXT),
    ("off", TEXT),
    ("y", TEXT),
    ("true", True),
    ("False", False),
    ("~", None),
    ("null", None),
    ("2023-11-15", TEXT),  # dates stay text; the schema reads them
    ("1,000", TEXT),
    ("5nm", TEXT),
]


@pytest.mark.parametrize(("literal", "expected"), CORE_SCHEMA)
def test_plain_scalars_follow_yaml_1_2_core(literal: str, expected: Any) -> None:
    data, _, problems = parse_yaml(f"x: {literal}\n", "t.yaml")
    assert not problems
    if expected is TEXT:
        assert data["x"] == literal
    else:
        assert data["x"] == expected and type(data["x"]) is type(expected)


@pytest.mark.parametrize(
    ("literal", "expected"),
    [(".inf", math.inf), ("-.Inf", -math.inf), ("+.INF", math.inf)],
)
def test_infinities_are_read_as_such_for_the_schema_to_refuse(
    literal: str, expected: float
) -> None:
    data, _, _ = parse_yaml(f"x: {literal}\n", "t.yaml")
    assert data["x"] == expected
    nan, _, _ = parse_yaml("x: .NaN\n", "t.yaml")
    assert math.isnan(nan["x"])


@pytest.mark.parametrize("literal", ["!!int 16:9", "!!int 1_0", "!!bool yes", "!!float x"])
def test_an_explicit_tag_needs_the_same_core_form(literal: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        parse_yaml(f"x: {literal}\n", "t.yaml")
    assert caught.value.problems[0].line == 1
    assert "is not a valid !!" in caught.value.problems[0].message


@pytest.mark.parametrize("literal", ["16:9", "1_000", ".inf", "-.nan", "1e400", "yes"])
def test_a_value_that_is_not_a_finite_number_is_refused_with_its_line(
    write_store: WriteStore, literal: str, cli: Cli
) -> None:
    text = MINI.read_text(encoding="utf-8").replace("value: 105000000000", f"value: {literal}", 1)
    result = cli("--data", str(write_store(text)), "--no-cache", "list", "facts", "--json")
    assert result.code == ExitCode.DATA_INVALID, result.err
    assert result.out == ""
    [line] = result.err.splitlines()
    assert "facts.yaml:26: 'value' must be a" in line


finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite)
def test_plain_number_reads_back_as_the_value(n: float) -> None:
    shown = plain_number(n)
    back = float(shown.replace(",", ""))
    assert math.isclose(back, n, rel_tol=1e-5, abs_tol=0.01)


@given(finite.filter(lambda n: 1e6 <= abs(n) <= 1e300))
def test_short_number_keeps_sign_and_scale(n: float) -> None:
    number, word = short_number(n).rsplit(" ", 1)
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}[word]
    assert math.isclose(float(number.replace(",", "")) * scale, n, rel_tol=1e-2)


@given(finite.filter(lambda n: abs(n) >= 1))
def test_money_puts_the_sign_before_the_dollar(n: float) -> None:
    shown = format_quantity(n, None, None, Bound.EXACT, "USD")
    assert shown.startswith("-$" if n < 0 else "$")
    assert "$-" not in shown


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1e23, "x", "1e+23×"),
        (-5e15, "USD", "-$5,000 trillion"),
        (1e23, "USD", "$100,000,000,000 trillion"),
        (105e9, "transistors", "105 billion transistors"),
        (58.8e9, "USD", "$58.8 billion"),
        (0.04, "USD", "4¢"),
        (2.0**53, None, "9,007.2 trillion"),
    ],
)
def test_large_and_negative_values_display_right(value: float, unit: str, shown: str) -> None:
    assert format_quantity(value, None, None, Bound.EXACT, unit) == shown


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_a_ratio_that_overflows_is_absent_not_infinity(tmp_path: Path, cli: Cli) -> None:
    # 1e30 against 1e-300: the ratio overflows a float.
    text = MINI.read_text(encoding="utf-8").replace("value: 105000000000", "value: 1.0e-300", 1)
    text += """\
  - id: nvidia-transistors
    entity: nvidia
    attribute: transistor_count
    value: 1.0e30
    bound: exact
    unit: transistors
    status: reported
    as_of: "2023-11-15"
    source: mini
    quote: 晶体管数量达到1050亿个
    summary: A test value.
"""
    store = tmp_path / "facts.yaml"
    store.write_text(text, encoding="utf-8")
    for fmt in ("json", "jsonl"):
        result = cli(
            "--data", str(store), "--no-cache", "compare", "maia100", "nvidia", "--format", fmt
        )
        assert result.code == 0, result.err
        records = [_strict_json(line) for line in result.out.splitlines() if line]
        assert "Infinity" not in result.out and records
