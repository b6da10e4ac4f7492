"""Disagreements: facts about the same thing that cannot all be true.

Two facts **disagree** when all of these hold:

1. They are about the same entity and the same attribute, the attribute is
   single-valued (``Attribute.single``: numbers and dates by default, texts only
   when marked ``single: true``; a company has many customers, a chip one
   foundry), and they have the same ``context`` (a context says what exactly
   is measured: a business's revenue is not the company's, "per year" is not
   a cluster's size).
2. They speak of the same time:
   - a **date** attribute is an event, which happens once: any two of its
     facts are compared, whenever they were stated;
   - otherwise their ``as_of`` periods overlap (2023 overlaps 2023-11, which
     overlaps 2023-11-15; 2023-10 and 2023-11 do not): values stated for
     different times are a change over time, not a disagreement;
   - or one is a forecast or a plan and the other a report (``reported``)
     made at its ``as_of`` or later: the report tells how it turned out.
   A fact reported by several sources has each reference's ``as_of`` (the
   fact's own unless a source dates it otherwise): any of them counts.
3. Their values cannot both be true:
   - numbers (same unit): each is an interval (exact 80 is [80, 80]; about 80
     is 80 ± 10 %; at least 10 is [10, ∞); more than 10 is (10, ∞); a range
     is [min, max]), and the intervals do not meet. 80 and 90 disagree; at
     least 10 and exactly 5 disagree; at least 10 and exactly 50 do not;
   - dates: each is its period (2023-11 is all of November; about widens it
     by one unit on each side: ~2023-11 is October to December), and the
     periods do not meet: 2023-11-14 and 2023-11-15 disagree, 2023 and
     2023-11-15 do not;
   - texts: they differ after folding case, width and spacing.

Doubted facts take part like any other (a fact known to be wrong often is the
one that disagrees); ``--no-doubted`` leaves them out first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from itertools import combinations
from typing import NamedTuple

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Bound, Entity, Fact, Status, ValueType
from chipfacts.search.index import SearchIndex
from chipfacts.search.resolve import resolve_entity
from chipfacts.store.store import FactFilter
from chipfacts.text.normalize import fold

ABOUT = 0.10  # "about 80" is taken to mean 72 to 88
FORESEEN = (Status.FORECAST, Status.PLANNED)
INFINITY = float("inf")


class Why(StrEnum):
    """Why two facts are compared at all."""

    SAME_TIME = "same_time"  # their as_of periods overlap
    SAME_EVENT = "same_event"  # two dates of one event
    FORECAST = "forecast"  # a forecast or plan, and a later report


class Disagreement(NamedTuple):
    """Two facts that cannot both be true, older (by as_of) first."""

    first: Fact
    second: Fact
    why: Why

    def reason(self) -> str:
        """One line a person reads: what differs, and why it counts."""
        if self.why is Why.FORECAST:
            return f"a {self.first.status.value} contradicted by a later report"
        if self.why is Why.SAME_EVENT:
            return "different dates for the same event"
        return "different values for the same time"


class Conflict(NamedTuple):
    """One entity's attribute whose facts disagree."""

    entity: Entity
    attribute: Attribute
    facts: tuple[Fact, ...]  # every fact in a disagreement, oldest first
    disagreements: tuple[Disagreement, ...]


# --- the rule --------------------------------------------------------------------


class Interval(NamedTuple):
    """A set of numbers; an open end excludes its bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        """Whether some number lies in both."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low != high:
            return low < high
        # They touch at one point, which both must include.
        return not any(
            (i.low == low and i.low_open) or (i.high == high and i.high_open) for i in (self, other)
        )


def number_interval(fact: Fact) -> Interval | None:
    """The numbers a fact allows; None when it holds no number."""
    if fact.bound is Bound.RANGE:
        if fact.low is None or fact.high is None:
            return None
        return Interval(float(fact.low), float(fact.high))
    value = fact.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    v = float(value)
    if fact.bound is Bound.EXACT:
        return Interval(v, v)
    if fact.bound is Bound.ABOUT:
        slack = abs(v) * ABOUT
        return Interval(v - slack, v + slack)
    if fact.bound is Bound.AT_LEAST:
        return Interval(v, INFINITY)
    if fact.bound is Bound.MORE_THAN:
        return Interval(v, INFINITY, low_open=True)
    if fact.bound is Bound.AT_MOST:
        return Interval(-INFINITY, v)
    return Interval(-INFINITY, v, high_open=True)  # LESS_THAN


def period(when: PartialDate, about: bool = False) -> Interval:
    """The days a partial date covers, as ordinals; ``about`` widens it by one unit
    (day, month or year) on each side."""
    year, month, day = when
    if day:
        first = last = date(year, month, day)
        step = 1
    elif month:
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        step = 31
    else:
        first, last = date(year, 1, 1), date(year, 12, 31)
        step = 366
    low, high = first.toordinal(), last.toordinal()
    if about:
        low, high = low - step, high + step
    return Interval(low, high)


def values_agree(a: Fact, b: Fact) -> bool:
    """Whether two facts of one attribute can both be true (see the module's rule)."""
    kind = a.attribute.type
    if kind is ValueType.NUMBER:
        if a.unit != b.unit:
            return True  # not comparable; the validator keeps one unit per attribute
        first, second = number_interval(a), number_interval(b)
        return first is None or second is None or first.meets(second)
    if kind is ValueType.DATE:
        if not isinstance(a.value, PartialDate) or not isinstance(b.value, PartialDate):
            return True
        return period(a.value, a.bound is Bound.ABOUT).meets(
            period(b.value, b.bound is Bound.ABOUT)
        )
    return _same_text(a.value, b.value)


def _same_text(a: object, b: object) -> bool:
    return " ".join(fold(str(a)).split()) == " ".join(fold(str(b)).split())


def why_compared(a: Fact, b: Fact) -> Why | None:
    """Why two facts of one entity and attribute should agree; None when they need
    not (a multi-valued attribute, other contexts, or other times)."""
    if not a.attribute.single or (a.context or None) != (b.context or None):
        return None
    if a.attribute.type is ValueType.DATE:
        return Why.SAME_EVENT
    # Each source that reports a fact dates it (its reference's as_of): a fact
    # speaks of every time one of its sources gives it.
    times = [(ra.as_of, rb.as_of) for ra in a.references for rb in b.references]
    if any(period(at).meets(period(bt)) for at, bt in times):
        return Why.SAME_TIME
    for at, bt in times:
        (earlier, _), (later, _) = sorted(((a, at), (b, bt)), key=lambda pair: pair[1])
        if earlier.status in FORESEEN and later.status is Status.REPORTED:
            return Why.FORECAST
    return None


def disagreement(a: Fact, b: Fact) -> Disagreement | None:
    """The disagreement between two facts of one entity and attribute, if any."""
    why = why_compared(a, b)
    if why is None or values_agree(a, b):
        return None
    first, second = sorted((a, b), key=lambda f: f.as_of)
    if why is Why.SAME_EVENT and first.status in FORESEEN and second.status is Status.REPORTED:
        why = Why.FORECAST
    return Disagreement(first, second, why)


def conflicts_among(facts: Iterable[Fact]) -> list[Conflict]:
    """Every entity and attribute whose facts disagree, in the facts' order."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        if fact.attribute.single:
            groups.setdefault((fact.entity.id, fact.attribute.id), []).append(fact)
    found = []
    for group in groups.values():
        pairs = [d for a, b in combinations(group, 2) if (d := disagreement(a, b)) is not None]
        if pairs:
            involved = {f.id for d in pairs for f in (d.first, d.second)}
            members = sorted((f for f in group if f.id in involved), key=lambda f: f.as_of)
            head = group[0]
            found.append(Conflict(head.entity, head.attribute, tuple(members), tuple(pairs)))
    return found


# --- what the commands ask -----------------------------------------------------------


def conflicts(
    index: SearchIndex, names: Sequence[str] | None = None, doubted: bool | None = None
) -> list[Conflict]:
    """The conflicts of the whole store, or of some entities (their own facts)."""
    ids = [resolve_entity(index, name).id for name in names] if names else None
    single = [a.id for a in index.attributes.values() if a.single]
    if not single:
        return []
    facts = index.select_facts(FactFilter(entities=ids, attributes=single, doubted=doubted))
    return conflicts_among(facts)
