"""What a chart shows: one numeric attribute across entities (`chipfacts chart`), or
dated events in time (`chipfacts timeline --chart`), with the scale to draw them on."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from chipfacts.errors import NotFoundError, UsageError
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Bound, Fact, ValueType
from chipfacts.search.index import SearchIndex
from chipfacts.search.resolve import attribute_id, resolve_entity
from chipfacts.store.store import FactFilter

# More than two decades between the smallest and the largest value: a linear bar
# of the smallest would be invisible, so the scale is logarithmic.
LOG_SPAN = 100.0


class Bar(NamedTuple):
    """One fact as a bar: its label and the span it covers, in base units (a point
    value covers the single number ``low == high``)."""

    fact: Fact
    label: str
    low: float
    high: float


class BarChart(NamedTuple):
    attribute: Attribute
    bars: list[Bar]  # largest first
    log: bool  # a logarithmic scale
    smallest: float  # the scale's ends, in base units
    largest: float


def chart_of(
    index: SearchIndex, attribute: str, names: Sequence[str] = (), doubted: bool | None = None
) -> BarChart | TimeChart:
    """The facts of ``attribute`` (id, label or synonym) for the entities named (all by
    default): numbers as bars, largest first; dates on a time axis, earliest first.
    ``UsageError`` for an attribute of texts, ``NotFoundError`` when no fact fits."""
    chosen = index.attributes[attribute_id(index, attribute)]
    if chosen.type is ValueType.TEXT:
        raise UsageError(
            f"'{chosen.id}' holds texts; a chart draws numbers and dates "
            "(see `chipfacts list attributes`)"
        )
    ids = [resolve_entity(index, name).id for name in names] if names else None
    facts = index.select_facts(FactFilter(entities=ids, attributes=[chosen.id], doubted=doubted))
    if not facts:
        whose = f" of {', '.join(names)}" if names else ""
        raise NotFoundError(f"no '{chosen.id}' facts{whose} match")
    if chosen.type is ValueType.DATE:
        return time_chart(sorted(facts, key=lambda f: (f.value, f.entity.name)))
    return _bar_chart(chosen, facts)


def _bar_chart(attribute: Attribute, facts: Sequence[Fact]) -> BarChart:
    repeated = Counter(f.entity.id for f in facts)
    dated = Counter((f.entity.id, f.as_of) for f in facts)
    bars = []
    for fact in facts:
        low, high = _span(fact)
        label = fact.entity.name
        if repeated[fact.entity.id] > 1:  # which of the entity's facts this is
            unique_date = dated[fact.entity.id, fact.as_of] == 1
            label += f" ({fact.as_of if unique_date else fact.id})"
        bars.append(Bar(fact, label, low, high))
    bars.sort(key=lambda b: (-b.high, -b.low, b.label))
    ends = [v for b in bars for v in (b.low, b.high)]
    smallest, largest = min(ends), max(ends)
    log = smallest > 0 and largest / smallest > LOG_SPAN
    return BarChart(attribute, bars, log, smallest, largest)


def _span(fact: Fact) -> tuple[float, float]:
    if fact.bound is Bound.RANGE and fact.low is not None and fact.high is not None:
        return float(fact.low), float(fact.high)
    value = fact.value
    assert isinstance(value, int | float)  # a number attribute's facts hold numbers
    return float(value), float(value)


def position(chart: BarChart, value: float, cells: int) -> int:
    """How many of ``cells`` a bar reaching ``value`` fills (at least one for any
    value above the scale's start)."""
    if chart.log:
        low, high = _decades(chart)
        share = (math.log10(value) - low) / (high - low) if high > low else 1.0
    else:
        start = min(chart.smallest, 0.0)
        top = max(chart.largest, 0.0)
        share = (value - start) / (top - start) if top > start else 1.0
    return max(1, round(share * cells)) if value > 0 or not chart.log else 0


def _decades(chart: BarChart) -> tuple[int, int]:
    """The whole decades a logarithmic scale runs between: from the one below the
    smallest value, so that its bar has a length to compare, to the one above the
    largest."""
    return math.floor(math.log10(chart.smallest)) - 1, math.ceil(math.log10(chart.largest))


def ticks(chart: BarChart) -> list[float]:
    """The values the axis marks: each decade on a log scale, else 0 and the top."""
    if chart.log:
        low, high = _decades(chart)
        # Below 1e-323 a decade is no float (10.0**-325 is 0.0, which has no place
        # on a log scale): the axis marks the decades a float can hold.
        return [10.0**d for d in range(low, high + 1) if 10.0**d > 0]
    return [min(chart.smallest, 0.0), chart.largest]


# --- time ------------------------------------------------------------------------------


class Event(NamedTuple):
    fact: Fact
    date: PartialDate
    start: float  # the span the date covers, in fractional years: 2023 is 2023.0-2024.0
    end: float
    # "Entity: Attribute", told apart from another event of the same entity and
    # attribute by its date (or, on the same date, its id): a chart's row name
    label: str


class TimeChart(NamedTuple):
    events: list[Event]
    first_year: int
    last_year: int  # the axis runs from the start of the first to the end of the last


def time_chart(events: Sequence[Fact]) -> TimeChart:
    """Dated facts on a time axis: a year covers its whole year, a month its month,
    a day its day, so a date known only to the year is drawn as a span."""
    dates = [fact.value if isinstance(fact.value, PartialDate) else fact.as_of for fact in events]
    names = [f"{fact.entity.name}: {fact.attribute.label}" for fact in events]
    repeated = Counter(names)
    dated = Counter(zip(names, dates, strict=True))
    placed = []
    for fact, date, name in zip(events, dates, names, strict=True):
        start, end = _years(date)
        if repeated[name] > 1:
            name += f" ({date if dated[name, date] == 1 else fact.id})"
        placed.append(Event(fact, date, start, end, name))
    first = min(e.date.year for e in placed)
    last = max(e.date.year for e in placed)
    return TimeChart(placed, first, last)


def _years(date: PartialDate) -> tuple[float, float]:
    if not date.month:
        return float(date.year), date.year + 1.0
    month = date.year + (date.month - 1) / 12
    if not date.day:
        return month, month + 1 / 12
    day = month + (date.day - 1) / 365
    return day, day + 1 / 365
