"""Charts as text, for any terminal from 40 columns, in glyphs rather than colours (so
NO_COLOR and a printout lose nothing), and as Vega-Lite specs with the data inlined.

A bar's glyphs say how its number relates to the truth: ``█`` exact, ``▒`` about,
``█▶`` at least or more than (the truth may lie further), ``░┤`` at most or less
than, ``├──┤`` a range. A fact's status (when it is not simply reported), its
doubt and its id (what ``chipfacts fact`` takes next) follow its value.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
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


def _marks(fact: Fact) -> list[str]:
    """What follows a value or an event: its status unless reported, and its doubt
    (the fact's id comes last, see ``_texts``)."""
    parts = [] if fact.status is Status.REPORTED else [fact.status.value]
    if fact.claimed_by is not None:
        parts[-1:] = [f"claimed by {fact.claimed_by.name}"]
    if fact.doubt is not None:
        parts.append(f"⚠ {fact.doubt.kind.value}")
    return parts


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


def _pack(parts: Sequence[str], width: int) -> list[str]:
    """Parts (a label, a value, a status, an id) on as few lines as fit, ``GAP``
    between them on a line; a line breaks between parts, and inside one only when
    it is wider than a line by itself."""
    lines = [""]
    for part in parts:
        if not lines[-1]:
            lines[-1:] = _fit(part, width)
        elif cell_len(lines[-1]) + len(GAP) + cell_len(part) <= width:
            lines[-1] += GAP + part
        else:
            lines += _fit(part, width)
    return lines


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


def _texts(
    heads: Sequence[str], ids: Sequence[str], room: Callable[[int], int]
) -> tuple[list[list[str]], int] | None:
    """The text beside each bar or track when a row can hold it: each head (a value or
    an event, with its marks) and its id on one line if that leaves ``room`` for a
    track of ``2 * MIN_BAR`` cells, else the id on the line under its head if that
    leaves ``MIN_BAR``; with the track's cells. None when neither fits."""
    inline = [f"{head}{GAP}{ident}" for head, ident in zip(heads, ids, strict=True)]
    cells = room(max(cell_len(text) for text in inline))
    if cells >= 2 * MIN_BAR:
        return [[text] for text in inline], cells
    cells = room(max(cell_len(text) for text in (*heads, *ids)))
    if cells >= MIN_BAR:
        return [[head, ident] for head, ident in zip(heads, ids, strict=True)], cells
    return None


def bar_chart_text(chart: BarChart, width: int) -> str:
    """The chart in ``width`` columns: a row per bar (label, bar, then the value with
    its marks and id, the id on a line of its own when the row is short of room)
    when the labels and a bar of ten cells fit, else the label, value and id on
    one line (or as few as fit) and the bar under them."""
    attribute = chart.attribute
    scale = "log scale" if chart.log else "linear scale"
    unit = f" ({attribute.unit})" if attribute.unit else ""
    lines = _fit(f"{attribute.label}{unit}, {scale}", width)
    heads = [GAP.join([format_value(b.fact), *_marks(b.fact)]) for b in chart.bars]
    ids = [b.fact.id for b in chart.bars]
    label_cells = max(cell_len(b.label) for b in chart.bars)

    def room(text_cells: int) -> int:
        return width - label_cells - len(GAP) * 2 - text_cells - 1

    rows = _texts(heads, ids, room) if label_cells <= width // 3 else None
    indent = label_cells + len(GAP) if rows else 2
    cells = rows[1] if rows else width - indent - 1
    for n, bar in enumerate(chart.bars):
        drawn = _bar(chart, bar, cells)
        if rows:
            texts = rows[0][n]
            lines.append(
                _pad(bar.label, label_cells) + GAP + _pad(drawn, cells + 1) + GAP + texts[0]
            )
            lines += [" " * (indent + cells + 1 + len(GAP)) + text for text in texts[1:]]
        else:
            lines += _pack([bar.label, format_value(bar.fact), *_marks(bar.fact), ids[n]], width)
            lines.append(" " * indent + drawn)
    marks = [(position(chart, t, cells) - 1, _compact(t)) for t in ticks(chart)]
    lines += _axis(marks, indent, cells, width, centred=True)
    lines += _legend({_kind(b.fact.bound) for b in chart.bars}, width)
    return "\n".join(line.rstrip() for line in lines)


def time_chart_text(chart: TimeChart, width: int) -> str:
    """Events on a time axis: a date known to the day is ``●``, one known only to the
    month or year spans it (``├──┤``); the label (date, event, marks, id) leads and
    the track follows, the id under the label when the row is short of room (or,
    when label and track do not fit side by side, the track lies under the label)."""
    parts = [
        [str(e.date), f"{e.fact.entity.name}: {e.fact.attribute.label}", *_marks(e.fact)]
        for e in chart.events
    ]
    heads = [GAP.join(p) for p in parts]
    ids = [e.fact.id for e in chart.events]

    def room(label_cells: int) -> int:
        # Half the track's cells: a track of years needs 20 at the least (twice a
        # bar), and the ids stay on their labels' lines only when that leaves it 40.
        return (width - label_cells - len(GAP)) // 2

    rows = _texts(heads, ids, room)
    label_cells = max(cell_len(line) for row in rows[0] for line in row) if rows else 0
    indent = label_cells + len(GAP) if rows else 2
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
    for n, event in enumerate(chart.events):
        start, end = column(event.start), column(event.end - 1e-9)
        row = list(track)
        if end - start >= 1:
            row[start : end + 1] = ["├"] + ["─"] * (end - start - 1) + ["┤"]
        else:
            row[start] = "●"
        drawn = "".join(row).rstrip()
        if rows:
            first, *more = rows[0][n]
            lines.append(_pad(first, label_cells) + GAP + drawn)
            lines += more
        else:
            lines += _pack([*parts[n], ids[n]], width)
            lines.append(" " * indent + drawn)
    lines += axis
    return "\n".join(line.rstrip() for line in lines)


# --- Vega-Lite ----------------------------------------------------------------------------

# The current major version of Vega-Lite (what altair 6 and the Vega editor speak);
# the tests validate every spec against this version's JSON schema.
VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


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
    tooltip = [{"field": f} for f in ("id", "entity_name", "display", "status", "as_of", "source")]
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
    """Each event as a span over the time its date covers (a year, a month), a date
    known to the day as a point (a day's span is too thin to see), on a UTC time
    axis (so that no viewer's time zone moves a date); a doubted event marked ``⚠``."""
    values = []
    for event in chart.events:
        start, end = _covers(event.date)
        precision = "day" if event.date.day else "month" if event.date.month else "year"
        values.append(
            {**_datum(event.fact), "label": event.label, "date": str(event.date),
             "precision": precision, "start": start, "end": end,
             "mark": "⚠" if event.fact.doubt else ""}
        )  # fmt: skip
    x = {"field": "start", "type": "temporal", "title": None, "scale": {"type": "utc"}}
    tooltip = [{"field": f} for f in ("id", "label", "date", "display", "status", "source")]
    spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "description": "From chipfacts: dated facts; a date known to the year spans it.",
        "data": {"values": values},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": None},
            "color": {"field": "status", "type": "nominal"},
            "tooltip": tooltip,
        },
        "layer": [
            {"mark": {"type": "bar", "height": 8},
             "encoding": {"x": x, "x2": {"field": "end"}}},
            {"transform": [{"filter": "datum.precision === 'day'"}],
             "mark": {"type": "point", "filled": True},
             "encoding": {"x": x}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"x": {**x, "field": "end"}, "text": {"field": "mark"}}},
        ],
    }  # fmt: skip
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
