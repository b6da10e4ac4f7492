"""Running the lint over a store: findings with their file and line, exceptions applied.

The store is loaded as any command loads it (an invalid one is an error), its
quotes are checked against the sources (a quote not found is an error: the
lint reads the sentence around it), and its files are read once more for what
the compiled store does not keep: each fact's lines and its ``lint``
exceptions.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import os
from pathlib import Path
from typing import NamedTuple

from chipfacts.errors import DataFileError, InvalidDataError
from chipfacts.lint.passage import Names, Passage, passages_of
from chipfacts.lint.rules import (
    Denial,
    Finding,
    check_conflicts,
    check_denials,
    check_reference,
    denial_in,
)
from chipfacts.model.lint import LintException, Rule
from chipfacts.model.records import Fact
from chipfacts.store.build import FACT_KEYS, RecordReader, read_lint
from chipfacts.store.checks import check_quotes
from chipfacts.store.compile import parse_file
from chipfacts.store.locate import checked_path, data_path, store_files
from chipfacts.store.quotes import load_text
from chipfacts.store.store import load


class LintFinding(NamedTuple):
    """A finding where a curator can act on it."""

    file: str
    line: int | None
    rule: Rule
    fact: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.rule.value}: {self.fact}: {self.message}"


class LintReport(NamedTuple):
    path: str
    findings: list[LintFinding]  # unexplained: what a curator must fix or explain
    excused: int  # findings a fact's reasoned exception covers
    facts: int


class _Place(NamedTuple):
    """Where a fact is written, and its exception."""

    file: str
    lines: dict[str, int | None]  # key -> line ("" for the record itself)
    exception: LintException | None


def lint(path: str | os.PathLike[str] | None, sources_dir: str | os.PathLike[str]) -> LintReport:
    """Lint the store at ``path`` (or the default one) against the sources in ``sources_dir``.

    Raises ``InvalidDataError`` when the store is invalid or a quote is not in its
    source, ``DataFileError`` when the store or the sources cannot be read.
    """
    sources = checked_path(Path(os.fsdecode(sources_dir)))
    if not sources.is_dir():
        raise DataFileError(f"{sources}: not a directory of source texts")
    store = load(path, use_cache=False)
    problems, _ = check_quotes(store, sources)
    if problems:
        raise InvalidDataError(problems)
    location = data_path(path)
    places = _places(store_files(location))
    facts = list(store.all_facts())
    names = Names(store.entities.values())

    raw: list[Finding] = []
    passages: list[tuple[Fact, Passage]] = []
    denials: list[Denial] = []
    for fact in facts:
        for ref in fact.references:
            text = load_text(sources, ref.source.file).text
            if text is None:  # check_quotes has reported an unreadable source
                raise DataFileError(f"source file {ref.source.file!r} cannot be read")
            found = passages_of(ref.quote, text)
            # check_quotes found every quote, by the same whitespace-free search.
            assert found is not None
            for passage in found:
                raw.extend(check_reference(fact, ref, passage, names))
                passages.append((fact, passage))
                denial = denial_in(fact, passage)
                if denial is not None:
                    denials.append(denial)
    raw.extend(check_conflicts(facts))
    raw.extend(check_denials(denials, passages))
    return _apply_exceptions(str(location), raw, places, len(facts))


def _apply_exceptions(
    path: str, raw: list[Finding], places: dict[str, _Place], facts: int
) -> LintReport:
    findings: list[LintFinding] = []
    excused = 0
    used: set[tuple[str, Rule]] = set()
    seen: set[tuple[str, Rule]] = set()
    for finding in raw:
        if (finding.fact, finding.rule) in seen:
            continue  # one finding per fact and rule, however many sentences show it
        seen.add((finding.fact, finding.rule))
        place = places[finding.fact]
        if place.exception is not None and finding.rule in place.exception.ignore:
            excused += 1
            used.add((finding.fact, finding.rule))
            continue
        line = place.lines.get(finding.field, place.lines[""])
        findings.append(LintFinding(place.file, line, finding.rule, finding.fact, finding.message))
    for fact, place in places.items():
        if place.exception is None:
            continue
        for rule in place.exception.ignore:
            if (fact, rule) not in used:
                message = f"{fact!r} is exempt from {rule.value}, which finds nothing in it"
                line = place.lines.get("lint", place.lines[""])
                findings.append(LintFinding(place.file, line, Rule.UNUSED, fact, message))
    findings.sort(key=lambda f: (f.file, f.line or 0, f.rule.value))
    return LintReport(path, findings, excused, facts)


def _places(files: list[Path]) -> dict[str, _Place]:
    """Each fact's file, the lines of its keys, and its exception, by fact id."""
    places: dict[str, _Place] = {}
    for file in files:
        parsed = parse_file(file)
        doc = parsed.doc
        items = parsed.sections.get("facts") or []
        for index, raw in enumerate(items):
            path = ("facts", index)
            reader = RecordReader(doc, path, raw, FACT_KEYS)
            lines = {key: doc.line((*path, key)) for key in raw}
            lines[""] = doc.line(path)
            places[str(raw["id"])] = _Place(doc.name, lines, read_lint(reader))
    return places
