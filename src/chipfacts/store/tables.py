"""The search-ready form of a store: packed rows and precomputed indexes.

Built from validated records (``indexing``) and cached (``cache``). Loading must
be cheap at any size, and unpickling costs per object, not per byte; so
everything large is packed into a few ``bytes`` objects and decoded on use:

- fact rows: one UTF-8 blob of JSON lines, with an array of offsets; a search
  decodes only the rows it scores;
- per-fact columns (entity, attribute, source, status) and every postings list
  (facts by entity, by attribute, by word, by year): packed machine integers;
- numbers: sorted packed floats with their rows, for bisection;
- folded Chinese text: one NUL-separated blob, searched with ``bytes.find``.

All of it is plain data (bytes, str, numbers, lists, tuples, dicts), so it
unpickles without resolving a single global: no cache entry can run code.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from chipfacts.model.records import Status

LAYOUT = 3  # bump when the shape of the tables changes
STATUSES = [s.value for s in Status]

# A fact row, decoded: (id, value, low, high, bound, unit, status, as_of, quote,
# summary, context, claimed_by, related, note); claimed_by and related are
# entity ids (so a row does not depend on other files' order), dates are
# [year, month, day] lists.
R_ID, R_VALUE, R_LOW, R_HIGH, R_BOUND, R_UNIT, R_STATUS, R_AS_OF = range(8)
R_QUOTE, R_SUMMARY, R_CONTEXT, R_CLAIMED, R_RELATED, R_NOTE, R_DOUBT = range(8, 15)

Row = tuple[Any, ...]


def pack(numbers: Iterable[float], code: str = "i") -> bytes:
    return array(code, numbers).tobytes()


def unpack(data: bytes, code: str = "i") -> array[Any]:
    values: array[Any] = array(code)
    values.frombytes(data)
    return values


class Tables(NamedTuple):
    sources: list[Row]  # (id, file, title, publisher, published, language, title_en, url, note)
    entities: list[Row]  # (id, name, kind, aliases, maker, description)
    attributes: list[Row]  # (id, label, type, description, unit, synonyms, min, max)
    fact_ids: str  # every fact id, NUL-separated, in row order
    rows: bytes  # JSON fact rows, one per line
    offsets: bytes  # int64: where each row starts, plus the end
    fact_entity: bytes  # int32 per fact: its entity row
    fact_attribute: bytes  # int32 per fact: its attribute row
    fact_source: bytes  # int32 per fact: its source row
    fact_status: bytes  # int32 per fact: its index in STATUSES
    entity_keys: dict[str, list[int]]  # name key of an id, name or alias -> entity rows
    attribute_keys: dict[str, list[int]]  # name key of an id, label or synonym -> attribute rows
    attribute_words: dict[str, list[int]]  # a word of a label ("quota") -> attribute rows
    by_entity: list[bytes]  # entity row -> its fact rows
    mentions: list[bytes]  # entity row -> rows of other entities' facts naming it
    by_attribute: list[bytes]  # attribute row -> fact rows
    words: dict[str, bytes]  # a word of a fact's text -> fact rows
    chinese: bytes  # folded quote and summary of every fact, NUL-separated
    chinese_offsets: bytes  # int64: where each fact's text starts, plus the end
    point_values: bytes  # float64, sorted: single-number facts' values
    point_rows: bytes  # int32: the fact row of each point value
    ranges: list[tuple[float, float, int]]  # (min, max, fact row) of range facts
    years: dict[int, bytes]  # year -> date-valued fact rows

    def to_plain(self) -> dict[str, Any]:
        return self._asdict()

    @classmethod
    def from_plain(cls, plain: Mapping[str, Any]) -> Tables:
        """Rebuild from cached data; ValueError if it is not this layout."""
        if not isinstance(plain, dict) or sorted(plain) != sorted(cls._fields):
            raise ValueError("not a tables layout")
        return cls(**plain)
