"""Checks that look across records: names that clash, quotes that are not in their
source. (Checks of a single record live in ``build``.)"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from chipfacts.errors import Problem
from chipfacts.model.records import Entity, Source
from chipfacts.store.build import Corpus
from chipfacts.store.quotes import load_document, quote_in
from chipfacts.text.normalize import name_key

if TYPE_CHECKING:
    from chipfacts.store.reader import Store


def check_names(corpus: Corpus, entities: Mapping[str, Entity]) -> dict[str, list[str]]:
    """Every id, name and alias must lead to one entity only.

    Returns each entity's name keys (of its id, name and aliases, in order), which
    the database keeps too.
    """
    owner: dict[str, str] = {}
    keys: dict[str, list[str]] = {}
    for entity in entities.values():
        names = (entity.id, entity.name, *entity.aliases)
        keys[entity.id] = [name_key(name) for name in names]
        for name, key in zip(names, keys[entity.id], strict=True):
            if not key:
                message = f"alias {name!r} of {entity.id!r} has no letters or digits"
                corpus.problem_at("entities", entity.id, None, message)
                continue
            other = owner.setdefault(key, entity.id)
            if other != entity.id:
                message = f"name {name!r} of entity {entity.id!r} is already a name of {other!r}"
                corpus.problem_at("entities", entity.id, None, message)
    return keys


def check_quotes(store: Store, sources_dir: Path) -> tuple[list[Problem], int]:
    """Source files that cannot be read or changed since registered (``sha256``),
    quotes not found in their source file (every reference of every fact), and how
    many quotes were checked."""
    problems: list[Problem] = []
    missing: set[str] = set()
    texts: dict[str | None, Source] = {}  # sha256 -> the first source with that text
    for source, path, line in store.source_places():
        document = load_document(sources_dir, source.file)
        if document.problem is not None:
            missing.add(source.id)
            problems.append(Problem(path, line, f"source file {source.file!r} {document.problem}"))
            continue
        first = texts.setdefault(document.sha256, source)
        if first is not source:
            # One article registered twice would count as two sources: a fact citing
            # both would read as corroborated when one outlet said it once.
            message = (
                f"source {source.id!r} ({source.file}) has the same text as source "
                f"{first.id!r} ({first.file})"
            )
            problems.append(Problem(path, line, message))
        if source.sha256 is not None and document.sha256 != source.sha256:
            # Its quotes are still checked: a changed text is worth knowing about
            # even when every quote is still in it.
            message = (
                f"source file {source.file!r} has changed since it was registered "
                f"(sha256 {document.sha256}, expected {source.sha256})"
            )
            problems.append(Problem(path, line, message))
    checked = 0
    for fact, n, path, line in store.quote_places():
        reference = fact.references[n]
        if reference.source.id in missing:
            continue
        text = load_document(sources_dir, reference.source.file).text
        assert text is not None
        checked += 1
        if not quote_in(reference.quote, text):
            which = f" (reference {n + 1}, {reference.source.id})" if n else ""
            message = f"quote of fact {fact.id!r}{which} not found in {reference.source.file}"
            problems.append(Problem(path, line, message))
    return problems, checked
