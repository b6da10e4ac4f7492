"""Steering: what the question words ask for, applied with what the store knows.

"how many" favours counts, "how much" money, "times" ratios (see
``text.question``); "when" favours facts whose value is a date, then events told
in words as of a known day; "first" and 首款
the earliest of the dated facts that matched; "X vs Y", 对比, 和…相比 and 有什么不同 put
both entities' facts side by side, taking turns, after any fact that compares them
itself; "expected", 预计 the forecasts and plans among the facts that lead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from chipfacts.model.records import Status
from chipfacts.search.index import SearchIndex
from chipfacts.search.query import Query
from chipfacts.search.weights import EARLIEST, ENTITY_FUZZY, STEER
from chipfacts.text.normalize import fold
from chipfacts.text.question import Steer

if TYPE_CHECKING:
    from chipfacts.store.store import ScoringRow

S = TypeVar("S")  # a score, carried along untouched


def steered(index: SearchIndex, steers: set[Steer], row: ScoringRow) -> float:
    """How much the fact is the kind of answer the question words ask for (0 to 1)."""
    if not steers:
        return 0.0
    kind = index.attribute_types[row.attribute]
    if kind == "date":
        return 1.0 if Steer.DATE in steers else 0.0
    if kind != "number":
        # an event told in words answers "when" by the day it is as of, less surely
        return 0.5 if Steer.DATE in steers and len(row.as_of) == 10 else 0.0
    if row.unit == "USD":
        return float(Steer.MONEY in steers)
    if row.unit in ("x", "percent"):
        return float(Steer.RATIO in steers)
    return float(Steer.COUNT in steers and row.unit not in ("nm", "Hz"))


def answers(index: SearchIndex, steers: set[Steer], attribute: int) -> bool:
    """Whether an attribute's values are the kind of answer the question words ask
    for: dates for "when", money for "how much", ratios for "times", counts for
    "how many"."""
    kind = index.attribute_types[attribute]
    if kind == "date":
        return Steer.DATE in steers
    if kind != "number":
        return False
    unit = index.attribute_at(attribute).unit
    if unit == "USD":
        return Steer.MONEY in steers
    if unit in ("x", "percent"):
        return Steer.RATIO in steers
    return Steer.COUNT in steers and unit not in ("nm", "Hz")


def earliest_bonus(
    index: SearchIndex, rows: Sequence[int], columns: Mapping[int, ScoringRow]
) -> dict[int, float]:
    """For "the first": the dated facts among ``rows``, the earliest date earning
    EARLIEST and each later date a step less (by month: "2023" and "2023-11" are
    one step apart, as they may be the same event)."""
    dated = {
        n: str(columns[n].value)[:7]
        for n in rows
        if index.attribute_types[columns[n].attribute] == "date"
    }
    order = {date: i for i, date in enumerate(sorted(set(dated.values())))}
    return {n: EARLIEST * (1 - order[date] / len(order)) for n, date in dated.items()}


def compared_entities(index: SearchIndex, query: Query) -> list[int]:
    """The entities a "vs" question sets side by side, in the order typed: named (not
    a fallback for another designation), and not only as a product's maker."""
    if Steer.VERSUS not in query.steers:
        return []
    makers = set(query.makers.values())
    named = [
        row
        for row, weight in query.entities.items()
        if weight >= ENTITY_FUZZY * 0.7 and row not in query.fallbacks and row not in makers
    ]
    text = fold(query.text)
    return sorted(named, key=lambda row: text.find(query.typed["entity", row]))


def interleave(
    scored: list[tuple[S, int]],
    columns: Mapping[int, ScoringRow],
    compared: list[int],
    both: set[int],
    lead: bool,
) -> list[tuple[S, int]]:
    """The facts that name all the compared entities (``both``: a fact that compares
    them itself), then their own facts taking turns, those of an attribute all of
    them have first (paired, in the order first ranked), each in its ranked order, then
    every other fact in its ranked order (one pass over ``scored``). Unless ``lead``
    (nothing but the comparison is asked), a fact naming both leads only if it ranks
    above all of their own facts: "maia 100 vs mi300x transistors" asks for the two
    counts before a fact that compares the chips otherwise."""
    queues: dict[int, list[tuple[S, int]]] = {entity: [] for entity in compared}
    first: list[tuple[S, int]] = []
    rest: list[tuple[S, int]] = []
    for sn in scored:
        if sn[1] in both and (lead or not any(queues.values())):
            first.append(sn)
            continue
        queue = queues.get(columns[sn[1]].entity)
        (rest if queue is None else queue).append(sn)
    # what both have comes first, attribute by attribute, in the order first ranked
    # ("maia 100 vs mi300x": the two transistor counts side by side)
    held = [{columns[n].attribute for _, n in queue} for queue in queues.values()]
    shared = set.intersection(*held) if held else set()
    order: dict[int, int] = {}
    for _, n in scored:
        if columns[n].attribute in shared:
            order.setdefault(columns[n].attribute, len(order))
    for queue in queues.values():
        queue.sort(key=lambda sn: order.get(columns[sn[1]].attribute, len(order)))
    # turn t takes the t-th fact of each entity that has one
    turns = [
        queues[entity][t]
        for t in range(max(map(len, queues.values()), default=0))
        for entity in compared
        if t < len(queues[entity])
    ]
    return first + turns + rest


# What "expected" asks for: how the source presents the fact, not what happened.
_EXPECTED = frozenset({Status.FORECAST, Status.PLANNED})


def expected_bonus(index: SearchIndex, rows: Sequence[int]) -> dict[int, float]:
    """For "expected", 预计: STEER for each forecast or plan among ``rows`` ("when was
    athena expected to be revealed": the forecast of its launch, before the launch).
    The caller passes the few leading rows only: a fact's status is read for those,
    so the cost does not grow with the store."""
    facts = index.facts_at(list(rows))
    return {n: STEER for n, fact in zip(rows, facts, strict=True) if fact.status in _EXPECTED}
