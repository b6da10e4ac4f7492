"""The typed, immutable records a fact store is made of.

YAML is parsed once (``schema``) into these; nothing downstream sees raw
dictionaries. They are named tuples rather than frozen dataclasses: as immutable
and as typed, and about seven times cheaper to define, which a command line that
starts dozens of times an hour notices. References between records are resolved: a fact holds its
``Entity``, ``Attribute`` and ``Source`` objects, not their ids. A fact may be reported
by several sources: its own ``source`` and ``quote`` are the first ``Reference``, and
``further_references`` holds the others.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

from enum import StrEnum
from typing import NamedTuple

from chipfacts.model.dates import PartialDate

Number = int | float
# Far beyond any count, size or sum a fact can hold; larger is a mistake or an
# attack (and formatting it could overflow a float).
MAX_MAGNITUDE = 1e30


class Bound(StrEnum):
    """How a number relates to the truth the source states."""

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class Status(StrEnum):
    """How the source presents the fact."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    ESTIMATED = "estimated"
    FORECAST = "forecast"
    PLANNED = "planned"


class DoubtKind(StrEnum):
    """Why a fact, though quoted faithfully, should not be taken at face value."""

    WRONG = "wrong"  # the article is known to be inaccurate
    UNCONFIRMED = "unconfirmed"  # one party's word or a leak, not confirmed elsewhere
    MISLEADING = "misleading"  # true words that give a wrong impression


class Doubt(NamedTuple):
    kind: DoubtKind
    reason: str


class ValueType(StrEnum):
    NUMBER = "number"
    TEXT = "text"
    DATE = "date"


class Source(NamedTuple):
    id: str
    file: str
    title: str
    publisher: str
    published: PartialDate
    language: str
    title_en: str | None = None
    url: str | None = None
    note: str | None = None
    # The sha256 of the file's bytes when it was registered: validate reports a
    # source text changed since (and so quotes checked against another text).
    sha256: str | None = None


class Entity(NamedTuple):
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    maker: str | None = None  # an entity id; kept as an id so entities need no ordering
    description: str | None = None


class Attribute(NamedTuple):
    id: str
    label: str
    type: ValueType
    description: str
    unit: str | None = None  # required for numbers, absent otherwise
    synonyms: tuple[str, ...] = ()
    min_value: Number | None = None
    max_value: Number | None = None
    # One value per entity at a time (a foundry, a launch date), so two facts that
    # differ disagree; False for lists (customers, statements). From the YAML key
    # ``single``; when absent, numbers and dates are single and texts are not.
    single: bool = False


FactValue = Number | str | PartialDate


class Reference(NamedTuple):
    """One source's report of a fact: the source, its words, verbatim, and the date
    it gives the fact (the fact's ``as_of`` unless the source dates it otherwise)."""

    source: Source
    quote: str
    as_of: PartialDate
    note: str | None = None


class Fact(NamedTuple):
    id: str
    entity: Entity
    attribute: Attribute
    value: FactValue | None  # None only for ranges, which use low/high
    low: Number | None  # the YAML ``min``
    high: Number | None  # the YAML ``max``
    bound: Bound
    unit: str | None
    status: Status
    as_of: PartialDate
    source: Source
    quote: str
    summary: str
    context: str | None = None
    claimed_by: Entity | None = None
    related: tuple[Entity, ...] = ()
    note: str | None = None
    doubt: Doubt | None = None
    # Other sources that report the same fact (the YAML ``references``), in order.
    further_references: tuple[Reference, ...] = ()

    @property
    def references(self) -> tuple[Reference, ...]:
        """Every source that reports the fact, its own ``source``/``quote``/``as_of``
        first: built from them, so the two cannot disagree."""
        return (Reference(self.source, self.quote, self.as_of), *self.further_references)
