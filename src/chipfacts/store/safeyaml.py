"""Read a fact file safely and turn it into plain data with line numbers.

PyYAML's safe loader refuses to run code, but it silently accepts things a
curated store should not contain: anchors and aliases (the "billion laughs"
expansion), merge keys, duplicate keys (the last one silently wins) and unknown
tags. So the file is only *parsed* into events here and the data is built from
them by hand: every rejected construct becomes a ``Problem`` with its line, and
every value's line is kept for the validator's messages.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from chipfacts.errors import DataFileError, InvalidDataError, Problem
from chipfacts.store.locate import stat_fact_file

# Where a value sits in the document: ("facts", 3, "quote").
DocPath = tuple[str | int, ...]
Lines = dict[DocPath, int]

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 16  # the store needs 4 levels; anything deeper is junk or an attack
MAX_KEYS = 100  # keys of one mapping: a record has about 25 fields, a file 4 sections
# The sections of a fact file, and the items of a list (an alias list, a
# record's references; a section's non-record junk): bounded here, as the file
# is read, and by the record builder (``build``).
SECTIONS = ("sources", "entities", "attributes", "facts")
MAX_ITEMS = 1_000

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"

# Plain scalars are typed by YAML 1.2's core schema, not by PyYAML's YAML 1.1
# rules, whose surprises a curator would never mean: base 60 (``16:9`` read as
# 969), ``017`` as octal 15, ``0b101``, ``1_000``, and yes/no/on/off as booleans
# (the "Norway problem"). Here those stay text, and ``1e23`` is a number.
_CORE_SCHEMA: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("null", re.compile(r"~|null|Null|NULL|")),
    ("bool", re.compile(r"true|True|TRUE|false|False|FALSE")),
    ("int", re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")),
    (
        "float",
        re.compile(
            r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        ),
    ),
)
# Only these can start a plain scalar that is not text (most are text).
_TYPED_STARTS = frozenset("-+.0123456789~nNtTfF")


def _core_tag(value: str) -> str:
    """The core-schema type of a plain scalar: null, bool, int, float or str."""
    if value and value[0] not in _TYPED_STARTS:
        return "str"
    for tag, pattern in _CORE_SCHEMA:
        if pattern.fullmatch(value):
            return tag
    return "str"


def _read_int(text: str) -> int:
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)  # leading zeros are decimal in YAML 1.2: 017 is 17


def _read_float(text: str) -> float:
    # YAML writes infinity and NaN with a dot (".inf", "-.inf", ".nan"); float()
    # without. The record builder refuses what is not finite, with its line.
    lowered = text.lower()
    if lowered.lstrip("+-") in (".inf", ".nan"):
        return float(lowered.replace(".", "", 1))
    return float(text)


# How each typed scalar is read (str and timestamp stay text, see ``_construct``).
_CONSTRUCTORS: dict[str, Any] = {
    "int": _read_int,
    "float": _read_float,
    "bool": lambda text: text.lower() == "true",
    "null": lambda text: None,
}
_CORE_PATTERNS = dict(_CORE_SCHEMA)

# What YAML 1.1 allows in a stream: tab, newline, CR, printable ASCII, NEL, and
# the rest of Unicode but C1 controls, surrogates and U+FFFE/FFFF.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# An integer literal this long is junk: Python will not even convert one of
# over 4,300 digits (ValueError). The record builder's range check (±1e30) reports it.
MAX_INT_CHARS = 100


class OversizedNumber(NamedTuple):
    """An integer literal too long to convert; the record builder reports it with its line."""

    digits: int

    def __repr__(self) -> str:
        return f"a {self.digits:,}-digit number"


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, refusing what is not a readable regular file."""
    name = str(path)
    info = stat_fact_file(path)
    if info.st_size > MAX_FILE_BYTES:
        raise DataFileError(f"{name}: too large ({info.st_size} bytes; the limit is 256 MiB)")
    try:
        with path.open("rb") as handle:
            data = _read_bounded(handle, info.st_size)
    except PermissionError:
        raise DataFileError(f"{name}: permission denied") from None
    except OSError as error:
        raise DataFileError(f"{name}: cannot read ({error.strerror})") from None
    return decode_utf8(data, name)


def _read_bounded(handle: BinaryIO, size: int) -> bytes:
    """The file's bytes, in memory in proportion to them: ``read(n)`` reserves ``n``
    bytes before it reads one, so it is asked for the size ``stat`` gave (plus one,
    to see a file that grew), and then for what more there is in small steps, up
    to the limit."""
    data = handle.read(size + 1)
    if len(data) <= size:
        return data
    grown = bytearray(data)
    while len(grown) <= MAX_FILE_BYTES:
        more = handle.read(1 << 20)
        if not more:
            break
        grown += more
    if len(grown) > MAX_FILE_BYTES:
        raise DataFileError(f"{handle.name}: too large (over 256 MiB while it was read)")
    return bytes(grown)


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed), naming the line of the first bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidDataError([Problem(name, 1, "file is UTF-16; save it as UTF-8")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidDataError(
            [Problem(name, line, "invalid UTF-8; save the file as UTF-8")]
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise InvalidDataError([Problem(name, line, "NUL byte in a text file")])
    control = _NOT_YAML.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        code = f"U+{ord(control[0]):04X}"
        message = f"control character {code} in the file; YAML allows none (write it as \\u escape)"
        raise InvalidDataError([Problem(name, line, message)])
    return text


def parse_yaml(text: str, name: str) -> tuple[Any, Lines, list[Problem]]:
    """Parse one YAML document into plain data, its lines, and recoverable problems.

    Raises ``InvalidDataError`` for what makes the document unusable (syntax
    errors, anchors and aliases, unknown tags, excessive nesting).
    """
    builder = _Builder(name)
    loader = _Loader(text)
    try:
        # Events, not nodes: libyaml's parser is iterative, while its composer
        # recurses in C and crashes the process on deeply nested input.
        # get_event gives None after the last event.
        builder.build(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "invalid YAML"
        raise InvalidDataError([Problem(name, line, f"YAML syntax error: {reason}")]) from None
    except yaml.reader.ReaderError as error:  # a character YAML refuses, at its offset
        line = text.count("\n", 0, error.position) + 1
        raise InvalidDataError([Problem(name, line, f"YAML error: {error.reason}")]) from None
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())  # one line
        raise InvalidDataError([Problem(name, None, f"YAML error: {reason}")]) from None
    finally:
        loader.dispose()
    return builder.root, builder.lines, builder.problems


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark is not None else None


_UNSEEN = object()
_NODE_EVENTS = (ScalarEvent, MappingStartEvent, SequenceStartEvent)


def shown_key(path: DocPath) -> str:
    """The nearest key of a place in the document, quoted, for a message."""
    keys = [part for part in path if isinstance(part, str)]
    return repr(keys[-1]) if keys else "the document"


def _too_many(path: DocPath, items: int) -> str:
    if not path:
        return "a fact file must be a mapping with sections, not a list"
    return f"{shown_key(path)} is too long (at most {items:,} items)"


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.root: Any = None
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self._documents = 0
        # Plain scalar -> its value: keys and enumerated values repeat on every
        # record, and resolving a plain scalar's type tries a regex per type.
        self._plain: dict[str, Any] = {}

    def _fatal(self, event: yaml.Event, message: str) -> InvalidDataError:
        return InvalidDataError([Problem(self.name, _line(event), message)])

    def build(self, events: Iterator[yaml.Event]) -> None:
        """Build the document from its events.

        One loop with the common events inline, the open collection in local
        variables: a file has millions of events, and each step here costs
        about as much as libyaml's parsing of one.

        The record builder's limits on size are enforced here, as the events come, so
        that junk is refused at its first excess rather than after all of it is
        built (a 24 MB flow list is millions of values): a list other than a
        section holds at most ``MAX_ITEMS`` items, a mapping at most
        ``MAX_KEYS`` keys, and a section at most ``MAX_ITEMS`` items that are
        not records (a scalar, a list, an empty mapping).
        """
        lines = self.lines
        outer: list[tuple[dict[str, Any] | list[Any] | None, DocPath, int]] = []
        container: dict[str, Any] | list[Any] | None = None  # the open collection
        path: DocPath = ()  # where it is
        room = 1  # how many more items it may hold
        key: str | None = None  # a mapping's key waiting for its value
        junk = 0  # items of sections that are not records
        for event in events:
            if isinstance(event, _NODE_EVENTS):
                if event.anchor is not None:
                    raise self._fatal(
                        event, "YAML anchors (&name) are not allowed; write the value out"
                    )
                if isinstance(container, dict):
                    if key is None:
                        key = self._key(container, event)
                        continue
                    at = (*path, key)
                elif container is None:
                    at = ()
                else:
                    at = (*path, len(container))
                    if len(at) == 2 and not isinstance(event, MappingStartEvent):
                        junk += 1  # (a section; the record builder says what is wrong)
                        if junk > MAX_ITEMS:
                            raise self._fatal(event, f"more than {MAX_ITEMS:,} items of "
                                              f"{shown_key(path)} are not records")  # fmt: skip
                if room <= 0:
                    raise self._fatal(event, _too_many(path, MAX_ITEMS))
                room -= 1
                if len(at) > MAX_DEPTH:
                    raise self._fatal(event, f"nested deeper than {MAX_DEPTH} levels")
                if event.start_mark is not None:
                    lines[at] = event.start_mark.line + 1
                value = self._scalar(event) if isinstance(event, ScalarEvent) else self._open(event)
                if isinstance(container, dict):
                    assert key is not None
                    container[key] = value
                    key = None
                elif container is None:
                    self.root = value
                else:
                    container.append(value)
                if not isinstance(event, ScalarEvent):
                    outer.append((container, path, room))
                    container, path = value, at
                    if isinstance(value, dict):
                        room = MAX_KEYS
                    elif len(at) == 1 and at[0] in SECTIONS:
                        room = 1 << 62  # a section: as many records as the file holds
                    else:
                        room = MAX_ITEMS
            elif isinstance(event, CollectionEndEvent):
                if len(path) == 2 and not container:  # an empty record
                    junk += 1
                    if junk > MAX_ITEMS:
                        raise self._fatal(event, f"more than {MAX_ITEMS:,} items of "
                                          f"{shown_key(path[:1])} are not records")  # fmt: skip
                container, path, room = outer.pop()
            elif isinstance(event, DocumentStartEvent):
                self._documents += 1
                if self._documents > 1:
                    raise self._fatal(event, "more than one YAML document (---) in the file")
            elif isinstance(event, AliasEvent):
                raise self._fatal(
                    event, "YAML aliases (*name) are not allowed; write the value out"
                )

    def _key(self, mapping: dict[str, Any], event: ScalarEvent | CollectionStartEvent) -> str:
        if not isinstance(event, ScalarEvent):
            raise self._fatal(event, "mapping keys must be text")
        if event.value == "<<" and event.implicit[0]:
            raise self._fatal(event, "YAML merge keys (<<) are not allowed")
        key = self._scalar(event)
        if not isinstance(key, str):
            raise self._fatal(event, f"mapping key must be text, not {key!r}")
        if len(mapping) >= MAX_KEYS:
            raise self._fatal(event, f"a mapping of more than {MAX_KEYS} keys")
        if key in mapping:
            self.problems.append(Problem(self.name, _line(event), f"duplicate key {key!r}"))
        return key

    def _open(self, event: CollectionStartEvent) -> dict[str, Any] | list[Any]:
        kind = "map" if isinstance(event, MappingStartEvent) else "seq"
        if event.tag not in (None, "!", _TAG + kind):
            raise self._fatal(event, f"unsupported YAML tag {event.tag}")
        return {} if kind == "map" else []

    def _scalar(self, event: ScalarEvent) -> Any:
        tag = event.tag
        if tag is not None and tag != "!":
            return self._construct(event, tag)
        if not event.implicit[0]:  # quoted, or tagged "!": text whatever it reads
            return event.value
        value = self._plain.get(event.value, _UNSEEN)
        if value is _UNSEEN:
            value = self._plain[event.value] = self._construct(event, _core_tag(event.value))
        return value

    def _construct(self, event: yaml.ScalarEvent, tag: str) -> Any:
        short = tag.removeprefix(_TAG)
        if short in ("str", "timestamp"):
            # Dates stay text: the record builder parses partial dates ("2023-11") itself.
            return event.value
        construct = _CONSTRUCTORS.get(short)
        if construct is None:
            raise self._fatal(event, f"unsupported YAML tag {tag}")
        # An explicit tag ("!!int x", "!!bool maybe") must fit the same core-schema
        # form a plain scalar of that type has; a plain one was typed by it.
        if not _CORE_PATTERNS[short].fullmatch(event.value):
            shown = event.value if len(event.value) <= 40 else event.value[:40] + "…"
            raise self._fatal(event, f"{shown!r} is not a valid !!{short}")
        if short == "int" and len(event.value) > MAX_INT_CHARS:
            return OversizedNumber(sum(c.isdigit() for c in event.value))
        return construct(event.value)
