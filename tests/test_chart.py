"""`chipfacts chart` and `timeline --chart`: bars in base units, bounds drawn as
glyphs, status, doubt and id shown, whole and within the width from 40 to 200
columns without colour; Vega-Lite with the data inlined, valid against the
Vega-Lite JSON schema; chart code loaded only to chart."""

from __future__ import annotations

import copy
import importlib.metadata
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rich.cells import cell_len

import chipfacts
from chipfacts.model.records import Bound, Fact, Status, ValueType
from chipfacts.render.chart import VEGA_LITE_SCHEMA
from chipfacts.render.display import format_value
from chipfacts.store.store import FactFilter
from tests.conftest import Cli, run_cli

STORE = chipfacts.load()
NUMERIC = [a.id for a in STORE.attributes.values() if a.type is ValueType.NUMBER]
CHARTED = [a for a in NUMERIC if STORE.select_facts(FactFilter(attributes=[a]))]
DATES = [
    a.id
    for a in STORE.attributes.values()
    if a.type is ValueType.DATE and STORE.select_facts(FactFilter(attributes=[a.id]))
]
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
        assert re.search(rf"(^|\s){fact.id}(\s|$)", text), fact.id  # whole, to be typed


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_timeline_chart_fits_every_width(columns: int) -> None:
    text = draw("timeline", "--chart", columns=columns)
    too_wide = [line for line in text.splitlines() if cell_len(line) > columns]
    assert not too_wide, "\n".join(too_wide)
    events = STORE.dated_facts()
    for fact in events:
        assert flat(f"{fact.value} {fact.entity.name}: {fact.attribute.label}") in flat(text)
        assert re.search(rf"(^|\s){fact.id}(\s|$)", text), fact.id


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
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v6.json"
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
    assert spec["title"] == "Launched"
    assert {layer["encoding"]["x"]["type"] for layer in spec["layer"]} == {"temporal"}
    dates = {v["id"]: (v["start"], v["end"]) for v in spec["data"]["values"]}
    assert dates["nitro-launched"] == ("2013-01-01", "2014-01-01")  # a year spans it
    assert dates["maia100-launched"] == ("2023-11-15", "2023-11-16")


# --- Vega-Lite, against its JSON schema ---------------------------------------------------


@cache
def vega_lite() -> jsonschema.protocols.Validator:
    """A validator of the Vega-Lite JSON schema of the major version the specs declare,
    read from the copy altair ships (a test extra; altair itself is not imported)."""
    found = re.search(r"/v(\d+)\.json$", VEGA_LITE_SCHEMA)
    assert found is not None
    inside = f"altair/vegalite/v{found[1]}/schema/vega-lite-schema.json"
    path = Path(str(importlib.metadata.distribution("altair").locate_file(inside)))
    schema = json.loads(path.read_text(encoding="utf-8"))
    validator: jsonschema.protocols.Validator = jsonschema.validators.validator_for(schema)(schema)
    return validator


def fields_of(spec: Any) -> Iterator[str]:
    """Every data field a spec's encodings and filters read."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "field" and isinstance(value, str):
                yield value
            elif key == "filter" and isinstance(value, str):
                yield from re.findall(r"datum\.(\w+)", value)
            elif key != "data":
                yield from fields_of(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from fields_of(item)


def valid_spec(text: str) -> dict[str, Any]:
    """The spec, checked: valid against the schema, every field it reads present in
    every datum, and the data inlined (no URL to fetch)."""
    spec: dict[str, Any] = json.loads(text)
    errors = sorted(vega_lite().iter_errors(spec), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors[:3]]
    assert spec["$schema"] == VEGA_LITE_SCHEMA and set(spec["data"]) == {"values"}
    values = spec["data"]["values"]
    assert values
    used = set(fields_of({k: v for k, v in spec.items() if k != "data"}))
    for datum in values:
        assert used <= datum.keys(), used - datum.keys()
    return spec


def test_the_schema_check_refuses_a_broken_spec() -> None:
    """The validator used below is the real schema, and it can fail."""
    spec = json.loads(draw("chart", "transistors", "--format", "vega-lite"))
    for path, wrong in (
        (("layer", 0, "mark"), "barr"),
        (("layer", 0, "encoding", "color", "type"), "categorical"),
        (("encoding", "y", "sort"), 5),
        (("data",), {"value": []}),
    ):
        broken = copy.deepcopy(spec)
        place: Any = broken
        for step in path[:-1]:
            place = place[step]
        place[path[-1]] = wrong
        assert list(vega_lite().iter_errors(broken)), path


@pytest.mark.parametrize("attribute", CHARTED + DATES)
def test_every_chart_is_a_valid_vega_lite_spec(attribute: str) -> None:
    spec = valid_spec(draw("chart", attribute, "--format", "vega-lite"))
    assert {v["id"] for v in spec["data"]["values"]} == {f.id for f in facts_of(attribute)}


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "--chart", "--format", "vega-lite"),
        ("timeline", "--format", "vega-lite"),  # vega-lite is a chart: --chart is implied
        ("timeline", "maia", "--chart", "-f", "vega-lite", "--since", "2023"),
        ("timeline", "microsoft", "--format", "VEGA-LITE", "--no-doubted"),
    ],
)
def test_the_timeline_is_a_valid_vega_lite_spec_on_a_time_axis(args: tuple[str, ...]) -> None:
    spec = valid_spec(draw(*args))
    shown = json.loads(draw("timeline", *_filters(args)))
    assert [v["id"] for v in spec["data"]["values"]] == [f["id"] for f in shown]
    assert {layer["encoding"]["x"]["type"] for layer in spec["layer"]} == {"temporal"}
    assert len({v["label"] for v in spec["data"]["values"]}) == len(shown)  # a row each
    for datum in spec["data"]["values"]:
        start, end = date.fromisoformat(datum["start"]), date.fromisoformat(datum["end"])
        assert start < end and datum["start"].startswith(datum["date"])


def _filters(args: tuple[str, ...]) -> list[str]:
    """The same timeline as JSON: the chart's arguments without the chart options."""
    kept = [a for a in args[1:] if a not in ("--chart", "--format", "-f")]
    return [a for a in kept if a.lower() != "vega-lite"] + ["--json"]


def test_a_day_is_a_point_a_year_a_span_and_a_doubt_marked_in_the_spec() -> None:
    spec = valid_spec(draw("timeline", "maia", "--format", "vega-lite"))
    rows = {v["id"]: v for v in spec["data"]["values"]}
    assert rows["maia100-launched"]["precision"] == "day"
    assert rows["maia100-development-start"]["precision"] == "year"
    assert rows["maia100-development-start"]["mark"] == "⚠"  # unconfirmed
    point = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert point["transform"] == [{"filter": "datum.precision === 'day'"}]
    # three facts say when Maia 100 launched: each its own row, told apart by date
    labels = [v["label"] for v in spec["data"]["values"] if "Launched" in v["label"]]
    assert labels == [
        "Maia 100: Launched (2023-11)",
        "Maia 100: Launched (2023-11-14)",
        "Maia 100: Launched (2023-11-15)",
    ]


def test_the_timeline_chart_refuses_other_formats(cli: Cli) -> None:
    for args in (
        ("timeline", "--chart", "--json"),
        ("timeline", "--chart", "--format", "csv"),
        ("timeline", "--format", "vega-lite", "--fields", "id"),
        ("timeline", "--format", "vega-lite", "--json"),
    ):
        code, out, err = cli(*args)
        assert (code, out) == (2, "") and "vega-lite" in err and err.count("\n") == 1, args
    code, out, err = cli("timeline", "--since", "2099", "--format", "vega-lite")
    assert (code, out) == (1, "") and "no dated facts" in err
