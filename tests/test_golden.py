"""Golden output: every browsing command in every format, from a small fixture store.

The expected outputs live in tests/golden/. After an intended change of output,
regenerate them with ``CHIPFACTS_REGEN_GOLDEN=1 pytest tests/test_golden.py`` and
read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Cli

GOLDEN = Path(__file__).resolve().parent / "golden"
STORE = FIXTURES / "golden.yaml"
REGENERATE = os.environ.get("CHIPFACTS_REGEN_GOLDEN") == "1"

COMMANDS = {
    "search-alpha": ["search", "alpha"],
    "compare-alpha-beta": ["compare", "alpha", "beta"],
    "show-alpha": ["show", "alpha"],
    "list-entities": ["list", "entities"],
    "list-attributes": ["list", "attributes"],
    "list-facts-chip": ["list", "facts", "--kind", "chip"],
    "sources": ["sources"],
    "sources-golden": ["sources", "golden"],
    "timeline": ["timeline"],
    "timeline-acorp": ["timeline", "甲公司"],
    "conflicts": ["conflicts"],
    "fact-alpha-beta": ["fact", "alpha-launched", "beta-cluster"],
    "fact-corroborated": ["fact", "alpha-transistors"],
    "list-facts-filtered": [
        "list",
        "facts",
        "--status",
        "forecast",
        "--status",
        "planned",
        "--sort",
        "as_of",
    ],
}
FORMATS = ["table", "plain", "json", "jsonl", "csv"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", COMMANDS)
def test_golden_output(name: str, fmt: str, cli: Cli) -> None:
    args = ["--data", str(STORE), *COMMANDS[name], "--format", fmt]
    result = cli(*args, columns=100, color=False)
    assert result.code == 0, result.err
    assert result.err == ""
    golden = GOLDEN / f"{name}.{fmt}"
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8")


def test_every_golden_file_is_used() -> None:
    expected = {f"{name}.{fmt}" for name in COMMANDS for fmt in FORMATS}
    assert {p.name for p in GOLDEN.iterdir()} == expected
