"""The fact store: where it lives, how it is loaded, and how it is queried.

``load()`` is the one entry point scripts and the CLI use; ``validate()`` does the
same work but returns every problem instead of raising on the first file that has
any, and can also check quotes against the source texts.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from chipfacts.checks import check_names, check_quotes
from chipfacts.errors import InvalidDataError, Problem
from chipfacts.records import Attribute, Entity, Fact, Source
from chipfacts.safeyaml import parse_yaml, read_text
from chipfacts.schema import (
    SECTIONS,
    Document,
    Indexes,
    build_attributes,
    build_entities,
    build_facts,
    build_sources,
)

DATA_ENV = "CHIPFACTS_DATA"


@dataclass(frozen=True)
class Store:
    """An immutable, fully resolved fact store."""

    path: str
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    attributes: Mapping[str, Attribute]
    facts: Mapping[str, Fact]
    _by_entity: dict[str, tuple[Fact, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Fact]] = {}
        for fact in self.facts.values():
            grouped.setdefault(fact.entity.id, []).append(fact)
        object.__setattr__(self, "_by_entity", {k: tuple(v) for k, v in grouped.items()})

    def facts_of(self, entity_id: str) -> tuple[Fact, ...]:
        """The facts about one entity, in file order."""
        return self._by_entity.get(entity_id, ())


def builtin_path() -> Path:
    """The fact file that ships with chipfacts.

    An installed wheel carries it inside the package; an editable install from a
    checkout imports from ``src/`` where there is no copy, so the checkout's own
    ``data/facts.yaml`` is used (and edits to it show at once).
    """
    packaged = resources.files("chipfacts") / "data" / "facts.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data" / "facts.yaml"


def data_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which fact file to use: the argument, else $CHIPFACTS_DATA, else the built-in one."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit)
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env)
    return builtin_path()


def _build(path: Path, sources_dir: Path | None) -> tuple[Store | None, list[Problem], int]:
    name = str(path)
    data, lines, yaml_problems = parse_yaml(read_text(path), name)
    doc = Document(name, lines, list(yaml_problems))
    if not isinstance(data, dict):
        doc.problem((), "a fact file must be a mapping with sections " + ", ".join(SECTIONS))
        return None, doc.problems, 0
    for key in data:
        if key not in SECTIONS:
            doc.problem((key,), f"unknown section {key!r} (allowed: {', '.join(SECTIONS)})")
    mapping: dict[str, Any] = data
    sources = build_sources(doc, mapping)
    entities = build_entities(doc, mapping)
    attributes = build_attributes(doc, mapping)
    facts = build_facts(doc, mapping, Indexes(sources, entities, attributes))
    check_names(doc, entities)
    checked = 0
    if sources_dir is not None:
        checked = check_quotes(doc, sources, facts.values(), sources_dir)
    store = Store(name, sources, entities, attributes, facts)
    return store, doc.problems, checked


def load(path: str | os.PathLike[str] | None = None) -> Store:
    """Load and validate a fact store (the built-in one by default).

    Raises ``DataFileError`` when the file cannot be read and ``InvalidDataError``
    (carrying every problem) when it is not a valid store.
    """
    store, problems, _ = _build(data_path(path), None)
    if problems or store is None:
        raise InvalidDataError(problems)
    return store


@dataclass(frozen=True)
class Report:
    """What ``validate`` found."""

    path: str
    problems: list[Problem]
    store: Store | None
    quotes_checked: int


def validate(path: str | os.PathLike[str] | None = None, sources_dir: Path | None = None) -> Report:
    """Check a fact file and return every problem (quotes too, given the sources).

    Raises ``DataFileError`` only when the file cannot be read at all; problems
    with its content, YAML syntax included, are returned in the report.
    """
    resolved = data_path(path)
    try:
        store, problems, checked = _build(resolved, sources_dir)
    except InvalidDataError as error:
        return Report(str(resolved), error.problems, None, 0)
    return Report(str(resolved), problems, store, checked)
