"""Charts as text, for any terminal from 40 columns, in glyphs rather than colours (so
NO_COLOR and a printout lose nothing), and as Vega-Lite specs with the data inlined.

A bar's glyphs say how its number relates to the truth: ``█`` exact, ``▒`` about,
``█▶`` at least or more than (the truth may lie further), ``░┤`` at most or less
than, ``├──┤`` a range. A fact's status (when it is not simply reported) and its
doubt follow its value.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from rich.cells import cell_len

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Bound, Fact, Status
from chipfacts.render.display import format_value
from chipfacts.render.safe import json_safe
from chipfacts.views.chart import Bar, BarChart, TimeChart, position, ticks

MIN_BAR = 10  # below this many cells a bar says little: the row takes two lines
GAP = "  "
LEGEND = {
    "exact": "█ exact",
    "about": "▒ about",
    "lower": "█▶ at least / more than",
    "upper": "░┤ at most / less than",
    "range": "├─┤ range",
}
_LOWER = (Bound.AT_LEAST, Bound.MORE_THAN)
_UPPER = (Bound.AT_MOST, Bound.LESS_THAN)


def _kind(bound: Bound) -> str:
    if bound in _LOWER:
        return "lower"
    if bound in _UPPER:
        return "upper"
    return bound.value if bound in (Bound.ABOUT, Bound.RANGE) else "exact"


def _marks(fact: Fact) -> str:
    """What follows a value: its status unless reported, and its doubt."""
    parts = [] if fact.status is Status.REPORTED else [fact.status.value]
    if fact.claimed_by is not None:
        parts[-1:] = [f"claimed by {fact.claimed_by.name}"]
    if fact.doubt is not None:
        parts.append(f"⚠ {fact.doubt.kind.value}")
    return GAP.join(parts)


def _pad(text: str, cells: int) -> str:
    return text + " " * max(cells - cell_len(text), 0)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Words on lines of at most ``width`` cells (a longer word has a line of its own)."""
    lines = [indent]
    for word in text.split():
        if cell_len(lines[-1]) > len(indent) and cell_len(lines[-1]) + 1 + cell_len(word) > width:
            lines.append(indent)
        lines[-1] += ("" if lines[-1] == indent else " ") + word
    return lines


def _fit(text: str, width: int) -> list[str]:
    """``text`` as it is when it fits the width, else wrapped at its spaces."""
    return [text] if cell_len(text) <= width else _wrap(text, width)


def _bar(chart: BarChart, bar: Bar, cells: int) -> str:
    """The glyphs of one bar in ``cells`` cells (one more for a lower bound's arrow)."""
    kind = _kind(bar.fact.bound)
    end = position(chart, bar.high, cells)
    if kind == "range":
        start = position(chart, bar.low, cells)
        if end - start < 2:
            return " " * max(start - 1, 0) + ("│" if end == start else "├┤")
        return " " * max(start - 1, 0) + "├" + "─" * (end - start - 1) + "┤"
    if kind == "lower":
        return "█" * end + "▶"
    if kind == "upper":
        return "░" * (end - 1) + "┤"
    return ("▒" if kind == "about" else "█") * end


def _compact(value: float) -> str:
    """An axis label: 10k, 1.5M, 100B, 2T; small numbers as they are."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"


def _axis(
    marks: Sequence[tuple[int, str]], origin: int, cells: int, width: int, centred: bool
) -> list[str]:
    """The axis under cells ``origin`` to ``origin + cells - 1``, and the labels of the
    marks (cell, text) that fit without touching the one before (others are left out)."""
    rule = " " * (origin - 1) + "└" + "─" * cells
    labels = ""
    for column, text in marks:
        at = origin + column - (len(text) // 2 if centred else 0)
        if at >= len(labels) + (1 if labels else 0) and at + len(text) <= width:
            labels = labels.ljust(at) + text
    return [rule, labels]


def _legend(kinds: set[str], width: int) -> list[str]:
    """What the glyphs drawn mean, items kept whole, on as few lines as fit."""
    lines = [""]
    for item in (LEGEND[k] for k in LEGEND if k in kinds):
        if lines[-1] and cell_len(lines[-1]) + 3 + cell_len(item) > width:
            lines.append("")
        lines[-1] += ("   " if lines[-1] else "") + item
    return lines


def bar_chart_text(chart: BarChart, width: int) -> str:
    """The chart in ``width`` columns: one line per bar when the labels, a bar of
    ten cells and the values fit, else the label and value on one line and the bar
    under it."""
    attribute = chart.attribute
    scale = "log scale" if chart.log else "linear scale"
    unit = f" ({attribute.unit})" if attribute.unit else ""
    lines = _fit(f"{attribute.label}{unit}, {scale}", width)
    texts = [GAP.join(t for t in (format_value(b.fact), _marks(b.fact)) if t) for b in chart.bars]
    label_cells = max(cell_len(b.label) for b in chart.bars)
    text_cells = max(cell_len(t) for t in texts)
    cells = width - label_cells - len(GAP) * 2 - text_cells - 1
    one_line = cells >= MIN_BAR and label_cells <= width // 3
    indent = label_cells + len(GAP) if one_line else 2
    if not one_line:
        cells = width - indent - 1
    for bar, text in zip(chart.bars, texts, strict=True):
        drawn = _bar(chart, bar, cells)
        if one_line:
            lines.append(_pad(bar.label, label_cells) + GAP + _pad(drawn, cells + 1) + GAP + text)
        else:
            lines += _fit(f"{bar.label}{GAP}{text}", width)
            lines.append(" " * indent + drawn)
    marks = [(position(chart, t, cells) - 1, _compact(t)) for t in ticks(chart)]
    lines += _axis(marks, indent, cells, width, centred=True)
    lines += _legend({_kind(b.fact.bound) for b in chart.bars}, width)
    return "\n".join(line.rstrip() for line in lines)


def time_chart_text(chart: TimeChart, width: int) -> str:
    """Events on a time axis: a date known to the day is ``●``, one known only to the
    month or year spans it (``├──┤``); the label leads, the track follows (or, when
    the two do not fit side by side, lies under it)."""
    labels = [_event_label(e.fact, str(e.date)) for e in chart.events]
    label_cells = max(cell_len(label) for label in labels)
    one_line = width - label_cells - len(GAP) >= 20  # a track of 20 cells at least
    indent = label_cells + len(GAP) if one_line else 2
    cells = width - indent
    years = chart.last_year + 1 - chart.first_year

    def column(when: float) -> int:
        return min(int((when - chart.first_year) / years * cells), cells - 1)

    year_marks = [(column(float(y)), str(y)) for y in range(chart.first_year, chart.last_year + 1)]
    track = [" "] * cells
    for at, _ in year_marks:
        track[at] = "·"
    axis = _axis(year_marks, indent, cells, width, centred=False)
    lines = [axis[1], axis[0].replace("└", "┌")]
    for event, label in zip(chart.events, labels, strict=True):
        start, end = column(event.start), column(event.end - 1e-9)
        row = list(track)
        if end - start >= 1:
            row[start : end + 1] = ["├"] + ["─"] * (end - start - 1) + ["┤"]
        else:
            row[start] = "●"
        drawn = "".join(row).rstrip()
        if one_line:
            lines.append(_pad(label, label_cells) + GAP + drawn)
        else:
            lines += _fit(label, width)
            lines.append(" " * indent + drawn)
    lines += axis
    return "\n".join(line.rstrip() for line in lines)


def _event_label(fact: Fact, date: str) -> str:
    label = f"{date}{GAP}{fact.entity.name}: {fact.attribute.label}"
    marks = _marks(fact)
    return label + GAP + marks if marks else label


# --- Vega-Lite ----------------------------------------------------------------------------

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def _datum(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "entity": fact.entity.id,
        "entity_name": fact.entity.name,
        "display": format_value(fact),
        "bound": fact.bound.value,
        "status": fact.status.value,
        "as_of": str(fact.as_of),
        "doubt": fact.doubt.kind.value if fact.doubt else None,
        "source": fact.source.id,
    }


def bar_chart_vega_lite(chart: BarChart) -> str:
    """A horizontal bar (or span) per fact, coloured by status, on the same scale as
    the text chart; a lower bound's bar ends in ``▶``, a doubted fact is marked ``⚠``."""
    attribute = chart.attribute
    base = chart.smallest / 2 if chart.log else min(chart.smallest, 0.0)
    values = []
    for bar in chart.bars:
        ranged = bar.fact.bound is Bound.RANGE
        values.append(
            {**_datum(bar.fact), "label": bar.label, "low": bar.low, "high": bar.high,
             "start": bar.low if ranged else base,
             "mark": ("▶" if bar.fact.bound in _LOWER else "") + ("⚠" if bar.fact.doubt else "")}
        )  # fmt: skip
    title = attribute.label + (f" ({attribute.unit})" if attribute.unit else "")
    x = {"field": "start", "type": "quantitative", "title": title,
         "scale": {"type": "log"} if chart.log else {"zero": True}}  # fmt: skip
    tooltip = [{"field": f} for f in ("entity_name", "display", "status", "as_of", "source")]
    spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "description": "From chipfacts: one bar per fact, in base units.",
        "data": {"values": values},
        "encoding": {"y": {"field": "label", "type": "nominal", "sort": None, "title": None}},
        "layer": [
            {"mark": "bar",
             "encoding": {"x": x, "x2": {"field": "high"},
                          "color": {"field": "status", "type": "nominal"},
                          "tooltip": tooltip}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"x": {"field": "high", "type": "quantitative"},
                          "text": {"field": "mark"}}},
        ],
    }  # fmt: skip
    return json_safe(json.dumps(spec, ensure_ascii=False, indent=2))


def time_chart_vega_lite(chart: TimeChart, title: str = "Timeline") -> str:
    """Each event as a span over the time its date covers (a day, a month, a year)."""
    values = [
        {**_datum(e.fact), "label": f"{e.fact.entity.name}: {e.fact.attribute.label}",
         "date": str(e.date), "start": _covers(e.date)[0], "end": _covers(e.date)[1]}
        for e in chart.events
    ]  # fmt: skip
    spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "description": "From chipfacts: dated facts; a date known to the year spans it.",
        "data": {"values": values},
        "mark": {"type": "bar", "height": 8},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "start", "type": "temporal", "title": None},
            "x2": {"field": "end"},
            "color": {"field": "status", "type": "nominal"},
            "tooltip": [{"field": f} for f in ("label", "date", "display", "status", "source")],
        },
    }
    return json_safe(json.dumps(spec, ensure_ascii=False, indent=2))


def _covers(day: PartialDate) -> tuple[str, str]:
    """The first day a partial date covers and the day after its last, in ISO form."""
    start = date(day.year, day.month or 1, day.day or 1)
    if not day.month:
        end = date(day.year + 1, 1, 1)
    elif not day.day:
        end = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    else:
        end = start + timedelta(days=1)
    return start.isoformat(), end.isoformat()
