"""Turn parsed YAML into typed records, collecting every problem on the way.

One pass over the document: each record's keys and types are checked as it is
read, references are resolved against the records read before it (sources,
entities and attributes come before facts), and whatever is wrong becomes a
``Problem`` with its line rather than an exception, so a curator sees all of
them at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, TypeVar

from chipfacts.errors import Problem
from chipfacts.model.dates import PartialDate, parse_partial_date
from chipfacts.model.lint import LintException, Rule
from chipfacts.model.records import (
    MAX_MAGNITUDE,
    Attribute,
    Bound,
    Doubt,
    DoubtKind,
    Entity,
    Fact,
    FactValue,
    Number,
    Reference,
    Source,
    Status,
    ValueType,
)
from chipfacts.store.safeyaml import MAX_ITEMS, DocPath, Lines, OversizedNumber
from chipfacts.text.visible import visible

LANGUAGES = ("zh-Hans", "zh-Hant", "en")

SOURCE_KEYS = {
    "id",
    "file",
    "title",
    "title_en",
    "publisher",
    "published",
    "language",
    "url",
    "note",
    "sha256",
}
ENTITY_KEYS = {"id", "name", "kind", "aliases", "maker", "description"}
ATTRIBUTE_KEYS = {
    "id", "label", "type", "unit", "description", "synonyms", "min_value", "max_value", "single",
}  # fmt: skip
FACT_KEYS = {
    "id", "entity", "attribute", "value", "min", "max", "bound", "unit", "status", "as_of",
    "source", "quote", "summary", "context", "claimed_by", "related", "note", "doubt",
    "references", "lint",
}  # fmt: skip
# One further source of a fact (its own ``source``/``quote``/``as_of`` are the first).
REFERENCE_KEYS = {"source", "quote", "as_of", "note"}

DOUBT_KEYS = {"kind", "reason"}
LINT_KEYS = {"ignore", "why"}

E = TypeVar("E", bound=StrEnum)

# A quote is a sentence or two, an alias a name: anything far longer is a
# mistake (or an attack), and would bloat every lookup that returns it.
MAX_TEXT = 10_000
# Ids of every record kind: they are typed on command lines, offered by Tab
# completion and used as keys, so a slug: no spaces, newlines or escapes.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*\Z")
MAX_ID = 100
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}\Z")


def shown(value: Any) -> str:
    """A value for a message: its repr, cut short so one bad value cannot flood the screen."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass
class ParsedFile:
    """One parsed file: its name, its line map, and the problems found in it."""

    name: str
    lines: Lines
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: DocPath) -> int | None:
        # Walk up to the nearest ancestor with a known line (a missing key has none).
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: DocPath, message: str) -> None:
        self.problems.append(Problem(self.name, self.line(path), message))


Place = tuple[ParsedFile, DocPath]


@dataclass
class Corpus:
    """The files of one store (one file, or every YAML file of a directory)."""

    parts: list[tuple[ParsedFile, Mapping[str, Any]]]
    # (section, id) -> where that record is, for checks that run after building
    places: dict[tuple[str, str], Place] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [problem for doc, _ in self.parts for problem in doc.problems]

    def problem_at(self, section: str, ident: str, key: str | None, message: str) -> None:
        doc, path = self.places[(section, ident)]
        doc.problem(path if key is None else (*path, key), message)

    def records(self, section: str) -> list[tuple[ParsedFile, DocPath, Mapping[str, Any]]]:
        """Every mapping of one section, across the files, with where it is."""
        found: list[tuple[ParsedFile, DocPath, Mapping[str, Any]]] = []
        present = False
        for doc, data in self.parts:
            items = data.get(section)
            if items is None:
                continue
            present = True
            if not isinstance(items, list):
                doc.problem((section,), f"{section!r} must be a list")
                continue
            for i, raw in enumerate(items):
                if isinstance(raw, dict):
                    found.append((doc, (section, i), raw))
                else:
                    doc.problem((section, i), f"each item of {section!r} must be a mapping")
        if not present and self.parts:
            self.parts[0][0].problem((), f"missing section {section!r}")
        return found

    def index(self, section: str, built: list[tuple[ParsedFile, DocPath, Any]]) -> dict[str, Any]:
        """Map id -> record, reporting an id used twice at its second place."""
        index: dict[str, Any] = {}
        for doc, path, record in built:
            if record.id in index:
                first_doc, first_path = self.places[(section, record.id)]
                where = f"line {first_doc.line((*first_path, 'id'))}"
                if first_doc is not doc:
                    where = f"{first_doc.name}:{first_doc.line((*first_path, 'id'))}"
                message = f"duplicate id {record.id!r} in {section} (first at {where})"
                doc.problem((*path, "id"), message)
                continue
            index[record.id] = record
            self.places[(section, record.id)] = (doc, path)
        return index


class RecordReader:
    """Typed access to one mapping of the document, reporting problems by line."""

    def __init__(self, doc: ParsedFile, path: DocPath, raw: Mapping[str, Any], keys: set[str]):
        self.doc = doc
        self.path = path
        self.raw = raw
        self.ok = True
        if keys.issuperset(raw):  # the common case, in one C call
            return
        for key in raw:
            if key not in keys:
                self.fail(key, f"unknown key {shown(key)} (allowed: {', '.join(sorted(keys))})")

    def fail(self, key: str | None, message: str) -> None:
        self.ok = False
        self.doc.problem(self.path if key is None else (*self.path, key), message)

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def _get(self, key: str, required: bool) -> Any:
        value = self.raw.get(key)
        if value is None and required:
            self.fail(None, f"missing required key {key!r}")
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        stripped = value.strip() if isinstance(value, str) else ""
        if not stripped:
            self.fail(key, f"{key!r} must be non-empty text, not {shown(value)}")
            return None
        if len(value) > MAX_TEXT:
            self.fail(key, f"{key!r} is {len(value):,} characters long; the limit is {MAX_TEXT:,}")
            return None
        return stripped

    def ident(self, key: str = "id") -> str | None:
        """A record's id: a lowercase slug like 'maia100' or 'ofweek-2023-11'."""
        value = self.text(key)
        if value is not None and (len(value) > MAX_ID or not ID_PATTERN.match(value)):
            self.fail(
                key,
                f"id {shown(value)} must be a lowercase slug of letters, digits and . _ - "
                f"(like 'maia100'), at most {MAX_ID} characters",
            )
            return None
        return value

    def name(self, key: str) -> str | None:
        """A name a person types and reads: no control, format or bidi characters."""
        value = self.text(key)
        if value is not None and visible(value) != value:
            self.fail(key, f"{key!r} holds a control or invisible character: {shown(value)}")
            return None
        return value

    def names(self, key: str) -> tuple[str, ...]:
        values = self.texts(key)
        bad = [v for v in values if visible(v) != v]
        if bad:
            self.fail(key, f"{key!r} holds a control or invisible character: {shown(bad[0])}")
            return ()
        return values

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, f"{key!r} must be a list of non-empty texts")
            return ()
        if len(value) > MAX_ITEMS or any(len(v) > MAX_TEXT for v in value):
            self.fail(
                key, f"{key!r} is too long (at most {MAX_ITEMS} items of {MAX_TEXT:,} characters)"
            )
            return ()
        return tuple(v.strip() for v in value)

    def number(self, key: str) -> Number | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, OversizedNumber) or (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and abs(value) > MAX_MAGNITUDE
        ):
            what = repr(value) if isinstance(value, OversizedNumber) else shown(value)
            self.fail(key, f"{key!r} is out of range: {what}; the limit is ±{MAX_MAGNITUDE:g}")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, f"{key!r} must be a number, not {shown(value)}")
            return None
        if not math.isfinite(value):
            self.fail(key, f"{key!r} must be a finite number, not {shown(value)}")
            return None
        return value

    def flag(self, key: str) -> bool | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.fail(key, f"{key!r} must be true or false, not {shown(value)}")
            return None
        return value

    def date(self, key: str, required: bool = True) -> PartialDate | None:
        value = self._get(key, required)
        if value is None:
            return None
        try:
            return _partial_date(str(value))
        except ValueError as error:
            self.fail(key, f"{key!r}: {error}")
            return None

    def choice(self, key: str, enum: type[E], default: E | None = None) -> E | None:
        value = self._get(key, default is None)
        if value is None:
            return default
        found: E | None = _members(enum).get(value) if isinstance(value, str) else None
        if found is None:
            allowed = ", ".join(member.value for member in enum)
            self.fail(key, f"{key!r} must be one of {allowed}, not {shown(value)}")
        return found

    def ref(self, key: str, index: Mapping[str, Any], what: str, required: bool = True) -> Any:
        ident = self.text(key, required)
        if ident is None:
            return None
        if ident not in index:
            self.fail(key, f"unknown {what} {shown(ident)}")
            return None
        return index[ident]


# Dates repeat from record to record ("2024-01"); an invalid one raises, uncached.
_partial_date = lru_cache(maxsize=4096)(parse_partial_date)


@cache
def _members(enum: type[E]) -> dict[str, E]:
    """An enum's members by value: what ``enum(value)`` finds for a text, without its
    (costly) call."""
    return {member.value: member for member in enum}


def build_sources(corpus: Corpus) -> dict[str, Source]:
    built = []
    for doc, path, raw in corpus.records("sources"):
        r = RecordReader(doc, path, raw, SOURCE_KEYS)
        ident, file, title = r.ident(), r.text("file"), r.text("title")
        publisher, language = r.text("publisher"), r.text("language")
        published = r.date("published")
        if language is not None and language not in LANGUAGES:
            r.fail(
                "language",
                f"'language' must be one of {', '.join(LANGUAGES)}, not {shown(language)}",
            )
        title_en, url, note = r.text("title_en", False), r.text("url", False), r.text("note", False)
        sha256 = r.text("sha256", False)
        if sha256 is not None and not SHA256_PATTERN.match(sha256):
            r.fail("sha256", f"'sha256' must be 64 lowercase hex digits, not {shown(sha256)}")
        if r.ok and ident and file and title and publisher and published and language:
            built.append((doc, path, Source(ident, file, title, publisher, published, language,
                                            title_en, url, note, sha256)))  # fmt: skip
    return corpus.index("sources", built)


def build_entities(corpus: Corpus) -> dict[str, Entity]:
    built, makers = [], []
    for doc, path, raw in corpus.records("entities"):
        r = RecordReader(doc, path, raw, ENTITY_KEYS)
        ident, name, kind = r.ident(), r.name("name"), r.text("kind")
        aliases, maker = r.names("aliases"), r.text("maker", False)
        description = r.text("description", False)
        if r.ok and ident and name and kind:
            built.append((doc, path, Entity(ident, name, kind, aliases, maker, description)))
            if maker is not None:
                makers.append((doc, path, maker))
    index = corpus.index("entities", built)
    for doc, path, maker in makers:
        if maker not in index:
            doc.problem((*path, "maker"), f"unknown maker entity {shown(maker)}")
    return index


def build_attributes(corpus: Corpus) -> dict[str, Attribute]:
    built = []
    for doc, path, raw in corpus.records("attributes"):
        r = RecordReader(doc, path, raw, ATTRIBUTE_KEYS)
        ident, label, description = r.ident(), r.text("label"), r.text("description")
        kind = r.choice("type", ValueType)
        unit, synonyms = r.text("unit", False), r.names("synonyms")
        low, high = r.number("min_value"), r.number("max_value")
        single = r.flag("single")
        if single is None:
            single = kind is not ValueType.TEXT
        if kind is ValueType.NUMBER and unit is None:
            r.fail(None, "a number attribute needs a 'unit'")
        if kind is not None and kind is not ValueType.NUMBER and unit is not None:
            r.fail("unit", f"a {kind} attribute takes no 'unit'")
        if low is not None and high is not None and low > high:
            r.fail("min_value", f"min_value {low} is greater than max_value {high}")
        if r.ok and ident and label and description and kind:
            built.append((doc, path, Attribute(ident, label, kind, description, unit, synonyms,
                                               low, high, single)))  # fmt: skip
    return corpus.index("attributes", built)


@dataclass(frozen=True)
class Indexes:
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    attributes: Mapping[str, Attribute]


def build_facts(corpus: Corpus, idx: Indexes) -> dict[str, Fact]:
    built = []
    for doc, path, raw in corpus.records("facts"):
        r = RecordReader(doc, path, raw, FACT_KEYS)
        ident = r.ident()
        entity = r.ref("entity", idx.entities, "entity")
        attribute: Attribute | None = r.ref("attribute", idx.attributes, "attribute")
        source = r.ref("source", idx.sources, "source")
        claimed_by = r.ref("claimed_by", idx.entities, "entity", required=False)
        related = tuple(
            idx.entities[rid] for rid in r.texts("related") if _known(r, rid, idx.entities)
        )
        status, as_of = r.choice("status", Status), r.date("as_of")
        quote, summary = r.text("quote"), r.text("summary")
        context, note = r.text("context", False), r.text("note", False)
        doubt = _read_doubt(r)
        if "lint" in raw:
            read_lint(r)  # checked here; only ``chipfacts lint`` uses it
        further = _read_references(r, idx.sources, source, as_of)
        if status is Status.CLAIMED and claimed_by is None and not r.has("claimed_by"):
            r.fail(None, "a claimed fact needs 'claimed_by' (who makes the claim)")
        value = low = high = None
        bound: Bound | None = Bound.EXACT
        unit = r.text("unit", False)
        if attribute is not None:
            value, low, high, bound = _read_value(r, attribute, unit)
        if r.ok and ident and entity and attribute and source and status and as_of and bound:
            assert quote is not None and summary is not None
            fact = Fact(ident, entity, attribute, value, low, high, bound, unit, status, as_of,
                        source, quote, summary, context, claimed_by, related, note,
                        doubt, further)  # fmt: skip
            built.append((doc, path, fact))
    return corpus.index("facts", built)


def _read_doubt(r: RecordReader) -> Doubt | None:
    """``doubt: {kind: wrong|unconfirmed|misleading, reason: …}``, when the fact has one."""
    raw = r.raw.get("doubt")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.fail("doubt", "'doubt' must be a mapping with 'kind' and 'reason'")
        return None
    inner = RecordReader(r.doc, (*r.path, "doubt"), raw, DOUBT_KEYS)
    kind, reason = inner.choice("kind", DoubtKind), inner.text("reason")
    if not inner.ok or kind is None or reason is None:
        r.ok = False
        return None
    return Doubt(kind, reason)


def read_lint(r: RecordReader) -> LintException | None:
    """``lint: {ignore: [rule, ...], why: …}``, when the fact has one."""
    raw = r.raw.get("lint")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.fail("lint", "'lint' must be a mapping with 'ignore' and 'why'")
        return None
    inner = RecordReader(r.doc, (*r.path, "lint"), raw, LINT_KEYS)
    names, why = inner.texts("ignore"), inner.text("why")
    rules = _members(Rule)
    unknown = [name for name in names if name not in rules]
    if unknown:
        allowed = ", ".join(rule.value for rule in Rule)
        inner.fail("ignore", f"unknown lint rule {shown(unknown[0])} (allowed: {allowed})")
    elif not names:
        inner.fail("ignore", "'ignore' must list at least one lint rule")
    if not inner.ok or why is None:
        r.ok = False
        return None
    return LintException(tuple(rules[name] for name in names), why)


def _read_references(
    r: RecordReader, sources: Mapping[str, Source], first: Source | None, as_of: PartialDate | None
) -> tuple[Reference, ...]:
    """``references: [{source, quote, as_of?, note?}, …]``: the sources that report
    the fact besides its own, each once; a reference without ``as_of`` takes the
    fact's."""
    raw = r.raw.get("references")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        r.fail("references", "'references' must be a non-empty list of mappings "
                             "with 'source' and 'quote'")  # fmt: skip
        return ()
    if len(raw) > MAX_ITEMS:
        r.fail("references", f"'references' has {len(raw):,} items; the limit is {MAX_ITEMS:,}")
        return ()
    found: list[Reference] = []
    seen = {first.id} if first is not None else set()
    for i, item in enumerate(raw):
        path = (*r.path, "references", i)
        if not isinstance(item, dict):
            r.ok = False
            r.doc.problem(path, "each item of 'references' must be a mapping")
            continue
        inner = RecordReader(r.doc, path, item, REFERENCE_KEYS)
        source: Source | None = inner.ref("source", sources, "source")
        quote, note = inner.text("quote"), inner.text("note", False)
        own = inner.date("as_of", required=False)
        if source is not None and source.id in seen:
            inner.fail("source", f"source {source.id!r} is already a reference of this fact")
        if not inner.ok or source is None or quote is None:
            r.ok = False
            continue
        seen.add(source.id)
        when = own if own is not None else as_of
        if when is not None:  # else the fact's own as_of is missing, and reported
            found.append(Reference(source, quote, when, note))
    return tuple(found)


def _known(r: RecordReader, ident: str, entities: Mapping[str, Entity]) -> bool:
    if ident not in entities:
        r.fail("related", f"unknown entity {shown(ident)} in 'related'")
        return False
    return True


_ONE_NUMBER = {Bound.EXACT, Bound.ABOUT, Bound.AT_LEAST, Bound.MORE_THAN, Bound.AT_MOST,
               Bound.LESS_THAN}  # fmt: skip


def _read_value(
    r: RecordReader, attribute: Attribute, unit: str | None
) -> tuple[FactValue | None, Number | None, Number | None, Bound | None]:
    """Read value/min/max/bound and check them against the attribute's type and unit."""
    kind = attribute.type
    if kind is ValueType.NUMBER:
        bound = r.choice("bound", Bound)
        value, low, high = r.number("value"), r.number("min"), r.number("max")
        read = (("value", value), ("min", low), ("max", high))
        if any(r.has(key) and number is None for key, number in read):
            return None, None, None, None  # its type error is already reported
        if unit is None:
            r.fail(None, f"missing 'unit' (attribute {attribute.id!r} takes {attribute.unit!r})")
        elif unit != attribute.unit:
            r.fail("unit", f"unit {unit!r} does not fit attribute {attribute.id!r} "
                           f"(it takes {attribute.unit!r})")  # fmt: skip
        if bound is Bound.RANGE:
            if low is None or high is None:
                r.fail("bound", "bound 'range' needs both 'min' and 'max'")
            elif low > high:
                r.fail("min", f"min {low} is greater than max {high}")
            if r.has("value"):
                r.fail("value", "bound 'range' takes 'min' and 'max', not 'value'")
        elif bound in _ONE_NUMBER:
            if value is None:
                r.fail("bound", f"bound {bound.value!r} needs a 'value'")
            if r.has("min") or r.has("max"):
                r.fail(
                    "min" if r.has("min") else "max",
                    f"'min'/'max' go with bound 'range', not {bound.value!r}",
                )
        for key, number in (("value", value), ("min", low), ("max", high)):
            _check_limits(r, key, number, attribute)
        return value, low, high, bound
    # text and dates: one value, exact or (for dates) about
    for key in ("min", "max"):
        if r.has(key):
            r.fail(key, f"{key!r} is for number attributes; {attribute.id!r} is {kind.value}")
    if unit is not None:
        r.fail("unit", f"attribute {attribute.id!r} is {kind.value} and takes no unit")
    bound = r.choice("bound", Bound, default=Bound.EXACT)
    allowed = {Bound.EXACT, Bound.ABOUT} if kind is ValueType.DATE else {Bound.EXACT}
    if bound is not None and bound not in allowed:
        r.fail("bound", f"bound {bound.value!r} does not apply to a {kind.value} value")
    if kind is ValueType.DATE:
        return r.date("value"), None, None, bound
    return r.text("value"), None, None, bound


def _check_limits(r: RecordReader, key: str, number: Number | None, attribute: Attribute) -> None:
    if number is None:
        return
    if attribute.min_value is not None and number < attribute.min_value:
        r.fail(key, f"{number} is below the minimum {attribute.min_value} for {attribute.id!r}")
    if attribute.max_value is not None and number > attribute.max_value:
        r.fail(key, f"{number} is above the maximum {attribute.max_value} for {attribute.id!r}")
