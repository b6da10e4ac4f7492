"""Building the search-ready tables (``tables``) from validated records.

Only runs when a store's cache entry is missing or stale. Each file's facts are
indexed on their own into a ``Chunk`` (cached with the file), and the chunks of
all files are merged into ``Tables`` by shifting row numbers and concatenating:
after one file of a hundred changes, only its chunk is indexed again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Fact, Source
from chipfacts.store.tables import STATUSES, Tables, pack, unpack
from chipfacts.text.normalize import fold, has_cjk, name_key, tokens


class Chunk(NamedTuple):
    """The facts of one file, indexed with local row numbers and packed.

    Built once per file and cached with it, so that rebuilding a store after
    one file changed only shifts and concatenates the other files' chunks.
    """

    ids: str  # fact ids, NUL-separated
    rows: bytes  # JSON rows, newline-separated
    row_offsets: bytes  # int64, as in Tables.offsets
    chinese: bytes  # folded Chinese text, NUL-separated
    chinese_offsets: bytes  # int64
    names: list[str]  # the entity, attribute, source and status ids the columns index
    entity: bytes  # int32 per fact: index into names
    attribute: bytes
    source: bytes
    status: bytes
    mentions: bytes  # int32 pairs: (index into names of an entity a fact names, local row)
    words: dict[str, bytes]  # word -> local rows
    point_values: bytes  # float64
    point_rows: bytes  # int32 local rows
    ranges: list[tuple[float, float, int]]
    years: dict[int, bytes]
    id_lines: bytes  # int32 per fact: the line of its id (0: unknown)


def make_chunk(facts: Iterable[tuple[Fact, int | None]]) -> Chunk:
    """Index one file's checked facts (with the line of each id)."""
    names: dict[str, int] = {}

    def name(ident: str) -> int:
        return names.setdefault(ident, len(names))

    ids: list[str] = []
    rows: list[bytes] = []
    chinese: list[bytes] = []
    columns: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    mentions: list[int] = []
    words: dict[str, list[int]] = {}
    points: list[tuple[float, int]] = []
    ranges: list[tuple[float, float, int]] = []
    years: dict[int, list[int]] = {}
    lines: list[int] = []
    for n, (f, line) in enumerate(facts):
        value: Any = _date(f.value) if isinstance(f.value, PartialDate) else f.value
        claimed = f.claimed_by.id if f.claimed_by else None
        related = [e.id for e in f.related]
        row = [f.id, value, f.low, f.high, f.bound.value, f.unit, f.status.value, _date(f.as_of),
               f.quote, f.summary, f.context, claimed, related, f.note,
               list(f.doubt) if f.doubt else None]  # fmt: skip
        ids.append(f.id)
        rows.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
        lines.append(line or 0)
        for column, ident in zip(
            columns, (f.entity.id, f.attribute.id, f.source.id, f.status.value), strict=True
        ):
            column.append(name(ident))
        for other in dict.fromkeys([*related, *([claimed] if claimed else [])]):
            if other != f.entity.id:
                mentions += (name(other), n)
        text_value = f.value if isinstance(f.value, str) else None
        blob = " ".join(
            filter(None, (f.summary, f.context, f.note, text_value, f.entity.name,
                          f.attribute.label, f.source.publisher))
        )  # fmt: skip
        for word in dict.fromkeys(w for w in tokens(fold(blob)) if not has_cjk(w)):
            words.setdefault(word, []).append(n)
        chinese.append(fold(f.quote + f.summary).encode())
        if isinstance(f.value, PartialDate):
            years.setdefault(f.value.year, []).append(n)
        elif isinstance(f.value, int | float) and not isinstance(f.value, bool):
            points.append((float(f.value), n))
        elif f.low is not None and f.high is not None:
            ranges.append((float(f.low), float(f.high), n))
    return Chunk(
        ids="\x00".join(ids), rows=b"\n".join(rows), row_offsets=pack(_offsets(rows, 1), "q"),
        chinese=b"\x00".join(chinese), chinese_offsets=pack(_offsets(chinese, 1), "q"),
        names=list(names), entity=pack(columns[0]), attribute=pack(columns[1]),
        source=pack(columns[2]), status=pack(columns[3]), mentions=pack(mentions),
        words={w: pack(r) for w, r in words.items()},
        point_values=pack((v for v, _ in points), "d"), point_rows=pack(r for _, r in points),
        ranges=ranges, years={y: pack(r) for y, r in years.items()}, id_lines=pack(lines),
    )  # fmt: skip


def _date(value: PartialDate) -> tuple[int, int, int]:
    return (value.year, value.month, value.day)


def build_tables(
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    attributes: Mapping[str, Attribute],
    chunks: Iterable[Chunk],
) -> Tables:
    """Index a valid store: its vocabulary here, its facts from their files' chunks."""
    source_row = {ident: i for i, ident in enumerate(sources)}
    entity_row = {ident: i for i, ident in enumerate(entities)}
    attribute_row = {ident: i for i, ident in enumerate(attributes)}
    status_index = {status: i for i, status in enumerate(STATUSES)}

    entity_keys: dict[str, list[int]] = {}
    for i, e in enumerate(entities.values()):
        for key in dict.fromkeys(name_key(n) for n in (e.id, e.name, *e.aliases)):
            entity_keys.setdefault(key, []).append(i)
    attribute_keys: dict[str, list[int]] = {}
    attribute_words: dict[str, list[int]] = {}
    for i, a in enumerate(attributes.values()):
        for key in dict.fromkeys(name_key(n) for n in (a.id, a.label, *a.synonyms)):
            attribute_keys.setdefault(key, []).append(i)
        for word in dict.fromkeys(tokens(fold(f"{a.id.replace('_', ' ')} {a.label}"))):
            if len(word) >= 4:
                attribute_words.setdefault(word, []).append(i)

    ids: list[str] = []
    rows: list[bytes] = []
    offsets: list[int] = []
    chinese: list[bytes] = []
    chinese_offsets: list[int] = []
    columns: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    mentions: list[list[int]] = [[] for _ in entities]
    words: dict[str, list[int]] = {}
    points: list[tuple[float, int]] = []
    ranges: list[tuple[float, float, int]] = []
    years: dict[int, list[int]] = {}
    base = row_bytes = chinese_bytes = 0
    for chunk in chunks:
        if not chunk.ids:
            continue
        names = chunk.names
        ids.append(chunk.ids)
        rows.append(chunk.rows)
        local = unpack(chunk.row_offsets, "q")
        offsets += [o + row_bytes for o in local[:-1]]
        row_bytes += local[-1]
        chinese.append(chunk.chinese)
        local = unpack(chunk.chinese_offsets, "q")
        chinese_offsets += [o + chinese_bytes for o in local[:-1]]
        chinese_bytes += local[-1]
        for column, packed, index in zip(
            columns,
            (chunk.entity, chunk.attribute, chunk.source, chunk.status),
            (entity_row, attribute_row, source_row, status_index),
            strict=True,
        ):
            column += [index[names[i]] for i in unpack(packed)]
        pairs = unpack(chunk.mentions)
        for i in range(0, len(pairs), 2):
            mentions[entity_row[names[pairs[i]]]].append(base + pairs[i + 1])
        for word, packed in chunk.words.items():
            shifted = [base + r for r in unpack(packed)]
            if word in words:
                words[word] += shifted
            else:
                words[word] = shifted
        points += zip(
            unpack(chunk.point_values, "d"),
            (base + r for r in unpack(chunk.point_rows)),
            strict=True,
        )
        ranges += [(lo, hi, base + r) for lo, hi, r in chunk.ranges]
        for year, packed in chunk.years.items():
            years.setdefault(year, []).extend(base + r for r in unpack(packed))
        base += len(local) - 1
    offsets.append(row_bytes)
    chinese_offsets.append(chinese_bytes)
    by_entity: list[list[int]] = [[] for _ in entities]
    for n, entity in enumerate(columns[0]):
        by_entity[entity].append(n)
    by_attribute: list[list[int]] = [[] for _ in attributes]
    for n, attribute in enumerate(columns[1]):
        by_attribute[attribute].append(n)
    points.sort()
    return Tables(
        sources=[
            (s.id, s.file, s.title, s.publisher, _date(s.published), s.language, s.title_en,
             s.url, s.note)
            for s in sources.values()
        ],
        entities=[
            (e.id, e.name, e.kind, e.aliases, e.maker, e.description) for e in entities.values()
        ],
        attributes=[
            (a.id, a.label, a.type.value, a.description, a.unit, a.synonyms, a.min_value,
             a.max_value)
            for a in attributes.values()
        ],
        fact_ids="\x00".join(ids),
        rows=b"\n".join(rows),
        offsets=pack(offsets, "q"),
        fact_entity=pack(columns[0]),
        fact_attribute=pack(columns[1]),
        fact_source=pack(columns[2]),
        fact_status=pack(columns[3]),
        entity_keys=entity_keys,
        attribute_keys=attribute_keys,
        attribute_words=attribute_words,
        by_entity=[pack(r) for r in by_entity],
        mentions=[pack(r) for r in mentions],
        by_attribute=[pack(r) for r in by_attribute],
        words={word: pack(r) for word, r in words.items()},
        chinese=b"\x00".join(chinese),
        chinese_offsets=pack(chinese_offsets, "q"),
        point_values=pack((v for v, _ in points), "d"),
        point_rows=pack(r for _, r in points),
        ranges=ranges,
        years={year: pack(r) for year, r in years.items()},
    )  # fmt: skip


def _offsets(parts: list[bytes], separator: int) -> list[int]:
    """Where each part starts once joined, plus one past the end: part ``n`` is
    ``blob[offsets[n]:offsets[n + 1]]``, possibly with its trailing separator."""
    found, position = [], 0
    for part in parts:
        found.append(position)
        position += len(part) + separator
    found.append(position)
    return found
