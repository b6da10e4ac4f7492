"""`chipfacts chart` and `timeline --chart`: bars in base units, bounds drawn as
glyphs, status and doubt marked, whole and within the width from 40 to 200 columns
without colour; Vega-Lite with the data inlined; chart code loaded only to chart."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache

import pytest
from rich.cells import cell_len

import chipfacts
from chipfacts.model.records import Bound, Fact, Status, ValueType
from chipfacts.render.display import format_value
from chipfacts.store.store import FactFilter
from tests.conftest import Cli, run_cli

STORE = chipfacts.load()
NUMERIC = [a.id for a in STORE.attributes.values() if a.type is ValueType.NUMBER]
CHARTED = [a for a in NUMERIC if STORE.select_facts(FactFilter(attributes=[a]))]
WIDTHS = [40, 41, 55, 80, 100, 137, 200]


@cache
def draw(*args: str, columns: int = 100) -> str:
    """A chart drawn once per test run (cached: several tests read the same one)."""
    code, out, err = run_cli(*args, columns=columns)
    assert code == 0, err
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


def facts_of(attribute: str) -> list[Fact]:
    return STORE.select_facts(FactFilter(attributes=[attribute]))


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("attribute", CHARTED)
def test_every_bar_whole_within_the_width(attribute: str, columns: int) -> None:
    text = draw("chart", attribute, columns=columns)
    assert "\x1b" not in text  # glyphs, not colours, carry the meaning
    too_wide = [line for line in text.splitlines() if cell_len(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    for fact in facts_of(attribute):
        assert flat(format_value(fact)) in flat(text), fact.id
        if fact.status is not Status.REPORTED:
            assert fact.status.value in text or (fact.claimed_by and "claimed by" in text)
        if fact.doubt is not None:
            assert f"⚠ {fact.doubt.kind.value}" in flat(text)


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_timeline_chart_fits_every_width(columns: int) -> None:
    text = draw("timeline", "--chart", columns=columns)
    too_wide = [line for line in text.splitlines() if cell_len(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    events = STORE.dated_facts()
    for fact in events:
        assert flat(f"{fact.value} {fact.entity.name}: {fact.attribute.label}") in flat(text)


def bar_of(text: str, label: str) -> str:
    """The bar on the row of ``label`` (a one-line layout: label, bar, value)."""
    line = next(line for line in text.splitlines() if line.startswith(label + " "))
    return line[len(label) :].split()[0]


def test_bars_are_in_proportion_on_a_linear_scale() -> None:
    text = draw("chart", "transistors", columns=100)
    assert "linear scale" in text
    mi300x, maia = bar_of(text, "MI300X"), bar_of(text, "Maia 100")
    assert set(mi300x) == set(maia) == {"█"}
    assert len(maia) / len(mi300x) == pytest.approx(105 / 153, abs=0.03)


def test_values_over_two_decades_use_a_log_scale_and_every_bound_has_its_glyph() -> None:
    text = draw("chart", "annual_spend", columns=200)
    assert "log scale" in text  # $100 million to ~$16 billion
    rows = {f.id: f for f in facts_of("annual_spend")}
    assert {f.bound for f in rows.values()} >= {Bound.ABOUT, Bound.AT_LEAST}
    assert "▒ about" in text and "█▶ at least / more than" in text
    for line in text.splitlines():
        if "≥ $100 million" in line:
            assert "█▶" in line
        if "~$16 billion" in line:
            assert "▒" in line
    assert "100M" in text and "1B" in text and "10B" in text  # decades marked


def test_a_range_is_a_span_and_an_upper_bound_a_shaded_bar() -> None:
    text = draw("chart", "gpus_required", columns=100)
    assert "├" in text and "┤" in text and "├─┤ range" in text
    text = draw("chart", "performance_gain", columns=100)
    assert "░┤ at most / less than" in text and "⚠ misleading" in text


def test_a_date_known_to_the_day_is_a_point_and_a_year_a_span() -> None:
    text = draw("timeline", "maia", "--chart", columns=100)
    lines = {line.split("  ")[0]: line for line in text.splitlines() if line[:4].isdigit()}
    assert "●" in lines["2023-11-15"] and "├" in lines["2019"] and "┤" in lines["2019"]
    assert "forecast" in lines["2023-11-14"]


def test_vega_lite_inlines_the_data() -> None:
    spec = json.loads(draw("chart", "annual_spend", "--format", "vega-lite"))
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    values = spec["data"]["values"]
    assert {v["id"] for v in values} == {f.id for f in facts_of("annual_spend")}
    assert spec["layer"][0]["encoding"]["x"]["scale"] == {"type": "log"}
    assert all(v["start"] > 0 for v in values)  # a log scale has no zero
    ranged = json.loads(draw("chart", "gpus_required", "--format", "vega-lite"))
    [datum] = ranged["data"]["values"]
    assert (datum["start"], datum["high"]) == (30000, 50000)


def test_what_cannot_be_charted_is_said(cli: Cli) -> None:
    code, _, err = cli("chart", "foundry")
    assert code == 2 and "a chart draws numbers and dates" in err
    code, _, err = cli("chart", "transistors", "nvidia")
    assert code == 1 and err.count("\n") == 1
    code, _, err = cli("chart", "transistorz")
    assert code == 2 and "did you mean" in err
    assert cli("timeline", "--chart", "--json").code == 2


def test_chart_code_is_loaded_only_to_chart() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "sys.argv = ['chipfacts', *sys.argv[1:]]\n"
        "from chipfacts.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in sys.modules if m.endswith('.chart') or m.endswith('.cite')))\n"
    )
    for args, loaded in (
        (["search", "maia"], "[]"),
        (["timeline"], "[]"),
        (["chart", "transistors"], "['chipfacts.cli.chart', 'chipfacts.render.chart', "
         "'chipfacts.views.chart']"),
    ):  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == loaded, args


@pytest.mark.parametrize("columns", WIDTHS)
def test_an_attribute_of_dates_is_charted_in_time(columns: int) -> None:
    text = draw("chart", "launched", columns=columns)
    assert not [line for line in text.splitlines() if cell_len(line) > columns]
    for fact in facts_of("launched"):
        assert flat(f"{fact.value} {fact.entity.name}: Launched") in flat(text)
    spec = json.loads(draw("chart", "launched", "--format", "vega-lite"))
    assert spec["title"] == "Launched" and spec["encoding"]["x"]["type"] == "temporal"
    dates = {v["id"]: (v["start"], v["end"]) for v in spec["data"]["values"]}
    assert dates["nitro-launched"] == ("2013-01-01", "2014-01-01")  # a year spans it
    assert dates["maia100-launched"] == ("2023-11-15", "2023-11-16")
