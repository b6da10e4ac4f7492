"""Registering a source text in a store: ``chipfacts sources add FILE``.

The new entry is inserted, as text, at the end of the store's ``sources:`` list:
the rest of the file, comments and layout included, is left byte for byte (a
YAML round trip would lose both). Before the file is replaced, the new text is
parsed and must hold exactly the old data plus the new source; it is then
written to a temporary file beside the original and renamed over it, so the
fact file is at any moment either the old one or the new one.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from chipfacts.errors import (
    ArgumentError,
    ChipfactsError,
    DataFileError,
    DuplicateError,
    UsageError,
    reading,
    writing,
)
from chipfacts.model.dates import parse_partial_date
from chipfacts.model.records import Source
from chipfacts.store.build import ID_PATTERN, LANGUAGES, MAX_ID
from chipfacts.store.locate import store_files
from chipfacts.store.quotes import load_document
from chipfacts.store.safeyaml import parse_yaml
from chipfacts.text.normalize import cjk_runs, to_simplified
from chipfacts.text.visible import visible

if TYPE_CHECKING:
    from chipfacts.store.reader import Store

# Share of a text's Chinese characters that OpenCC changes for it to count as
# Traditional: none of the Simplified sources has one, the Traditional one 29 %.
TRADITIONAL_SHARE = 0.05
_SECTION = re.compile(r"sources:[ \t]*(?:#.*)?\r?\n?")


class NewSource(NamedTuple):
    """A source to register, as it will be written (the YAML keys, in order)."""

    id: str
    file: str
    title: str
    publisher: str
    published: str
    language: str
    sha256: str
    title_en: str | None = None
    url: str | None = None
    note: str | None = None

    def entry(self) -> dict[str, str]:
        """The mapping the YAML entry holds (keys without a value left out)."""
        return {k: v for k, v in self._asdict().items() if v is not None}


class Added(NamedTuple):
    source: NewSource
    path: Path  # the fact file written
    line: int  # where the new entry starts
    text: str  # the entry as inserted


def guess_language(text: str) -> str:
    """zh-Hant when OpenCC changes a fair share of the Chinese characters, zh-Hans
    when it does not, en when there are none."""
    chinese = "".join(cjk_runs(text))
    if not chinese:
        return "en"
    changed = sum(a != b for a, b in zip(chinese, to_simplified(chinese), strict=False))
    return "zh-Hant" if changed > TRADITIONAL_SHARE * len(chinese) else "zh-Hans"


def guess_title(text: str) -> str | None:
    """The first line with a letter, without Markdown's heading marks or table bars,
    its runs of spaces, tabs and invisible characters one space, and no longer than
    ``GUESSED_TITLE`` characters (a page captured as one line is no title)."""
    for line in text.splitlines():
        title = " ".join(_INVISIBLE.sub(" ", line).split()).strip("#| ")
        if any(ch.isalnum() for ch in title):
            return title if len(title) <= GUESSED_TITLE else title[: GUESSED_TITLE - 1] + "…"
    return None


# What a title taken from the text loses: controls and format characters.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
GUESSED_TITLE = 200


def guess_id(file: Path) -> str | None:
    """The file's stem as an id ('005_x' for 005_x.txt), if it makes one."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", file.stem.lower()).strip("-._")
    slug = re.sub(r"[._-]{2,}", "-", slug)[:MAX_ID]
    return slug if slug and ID_PATTERN.match(slug) else None


def describe(
    file: Path,
    sources_dir: Path | None = None,
    *,
    ident: str | None = None,
    title: str | None = None,
    publisher: str,
    published: str,
    language: str | None = None,
    title_en: str | None = None,
    url: str | None = None,
    note: str | None = None,
) -> NewSource:
    """The source ``file`` would be registered as: its name in ``sources_dir`` (by
    default, its own directory), its sha256, and each field given or guessed from
    the text (id from the file name, title from its first line, language from its
    script). ``UsageError`` for a field that is not valid, ``DataFileError`` for a
    text that cannot be used."""
    directory = (sources_dir or file.parent).resolve()
    try:
        name = file.resolve().relative_to(directory).as_posix()
    except ValueError:
        raise ArgumentError(
            f"{visible(str(file))} is not in the sources directory {visible(str(directory))}; "
            "copy it there first (or give sources_dir)",
            ("sources_dir",),
        ) from None
    document = load_document(directory, name)
    if document.problem is not None or document.sha256 is None:
        raise DataFileError(f"{visible(str(file))}: {document.problem}")
    text = file.read_text(encoding="utf-8-sig")
    ident = ident if ident is not None else guess_id(file)
    if ident is None:
        raise ArgumentError(
            f"no id can be made from the file name {file.name!r}; give ident", ("ident",)
        )
    title = title if title is not None else guess_title(text)
    if title is None:
        raise UsageError("the text has no line to take a title from; give --title")
    source = NewSource(
        ident, name, title, publisher, published, language or guess_language(text),
        document.sha256, title_en, url, note,
    )  # fmt: skip
    _check(source)
    return source


def _check(source: NewSource) -> None:
    """The checks the store's loader makes of a source, as usage errors."""
    if len(source.id) > MAX_ID or not ID_PATTERN.match(source.id):
        raise UsageError(
            f"id {source.id!r} must be a lowercase slug of letters, digits and . _ - "
            f"(like 'ithome-2025-09'), at most {MAX_ID} characters"
        )
    for key, value in source.entry().items():
        if not value.strip() or value != value.strip():
            raise ArgumentError(
                f"the {key} must be non-empty text without spaces around it", (key,)
            )
        if visible(value) != value or "\n" in value:
            raise ArgumentError(f"the {key} holds a control character or a line break", (key,))
    try:
        parse_partial_date(source.published)
    except ValueError as error:
        raise ArgumentError(f"published: {error}", ("published",)) from None
    if source.language not in LANGUAGES:
        raise UsageError(
            f"the language must be one of {', '.join(LANGUAGES)}, not {source.language!r}"
        )


def refuse_duplicates(source: NewSource, known: Mapping[str, Source], sources_dir: Path) -> None:
    """``DuplicateError`` when the store already has this id, this file, or this text
    (by sha256, registered or computed from the file)."""
    for other in known.values():
        if other.id == source.id:
            raise DuplicateError(f"the store already has a source with id {source.id!r}")
        if other.file == source.file:
            raise DuplicateError(f"{source.file} is already registered, as source {other.id!r}")
        digest = other.sha256 or load_document(sources_dir, other.file).sha256
        if digest == source.sha256:
            raise DuplicateError(
                f"the same text is already registered, as source {other.id!r} ({other.file})"
            )


# --- writing ---------------------------------------------------------------------------


def _scalar(value: str, quoted: bool = False) -> str:
    """A YAML scalar for ``value``: plain where YAML reads it back as the same text,
    else double-quoted (a JSON string is a valid YAML one)."""
    if not quoted and _plain_is_safe(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _plain_is_safe(value: str) -> bool:
    if value[0] in "!&*'\"%@`|>{[-?:#," or " #" in value or ": " in value or value[-1] == ":":
        return False
    try:
        data, _, problems = parse_yaml(f"k: {value}\n", "")
    except ChipfactsError:
        return False
    return not problems and data == {"k": value}


def entry_text(source: NewSource, indent: str, newline: str) -> str:
    """The YAML of one list item, its dash at ``indent``."""
    lines = []
    for n, (key, value) in enumerate(source.entry().items()):
        lead = f"{indent}- " if n == 0 else f"{indent}  "
        lines.append(f"{lead}{key}: {_scalar(value, quoted=key == 'published')}")
    return newline.join(lines) + newline


def insert_entry(text: str, source: NewSource) -> tuple[str, int, str]:
    """``text`` with the source appended to its ``sources:`` list: the new text, the
    line the entry starts on, and the entry. ``UsageError`` when the file has no
    block-style ``sources:`` section at the top level to append to."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    start = next((i for i, line in enumerate(lines) if _SECTION.fullmatch(line)), None)
    if start is None:
        raise UsageError(
            "the fact file has no 'sources:' line starting a list of sources (a flow-style "
            "list such as 'sources: []' cannot be added to; write it as a block list)"
        )
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "\t", "#", "-")
         and lines[i].strip()),
        len(lines),
    )  # fmt: skip
    content = [i for i in range(start + 1, end) if lines[i].strip() and lines[i][0] != "#"]
    items = [lines[i] for i in content if lines[i].lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    after = content[-1] if content else start
    if not lines[after].endswith("\n"):
        lines[after] += newline
    entry = entry_text(source, indent, newline)
    lines.insert(after + 1, entry)
    return "".join(lines), after + 2, entry


def _verify(old: str, new: str, source: NewSource, name: str) -> None:
    """The new text must hold the old data plus the source, and nothing else changed."""
    before, _, _ = parse_yaml(old, name)
    after, _, problems = parse_yaml(new, name)
    expected = dict(before) if isinstance(before, dict) else None
    if expected is not None:
        expected["sources"] = [*(expected.get("sources") or []), source.entry()]
    if problems or after != expected:
        raise UsageError(
            f"{visible(name)}: the source cannot be added without changing something else in "
            "the file (an unusual layout of its 'sources:' section); nothing was written, "
            "add it by hand"
        )


@contextmanager
def _temporary_beside(target: Path) -> Iterator[tuple[int, Path]]:
    """A new file in ``target``'s directory, removed unless renamed over it."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        yield handle, temporary
    finally:
        if temporary.exists():
            temporary.unlink()


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` by ``data`` all at once: a temporary file beside it, synced,
    given its permissions, renamed over it (and the directory synced)."""
    mode = target.stat().st_mode & 0o7777
    with _temporary_beside(target) as (handle, temporary):
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    if os.name == "posix":  # the rename itself lasts through a crash once its directory is synced
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


@contextmanager
def editing(location: Path) -> Iterator[None]:
    """Hold the store at ``location`` for one read-modify-write: an exclusive lock
    on the directory that holds its files, so two ``sources add`` at once queue
    instead of each writing the file it read and losing the other's entry. The
    store must be read inside. Locking the directory, not the file, because the
    file is replaced by a rename: a lock on it would guard the old inode only."""
    if os.name != "posix":  # no flock: one writer at a time is then the user's to keep
        yield
        return
    import fcntl  # lazy: posix only, imported where it is known to exist

    directory = location if location.is_dir() else location.parent
    with reading(visible(str(directory))):
        handle = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def register(
    store: Store, location: Path, source: NewSource, sources_dir: Path, *, dry_run: bool = False
) -> Added:
    """Add ``source`` to the store at ``location`` (a file, or a directory of them:
    the file that holds its sources), unless it is already registered."""
    refuse_duplicates(source, store.sources, sources_dir)
    places = store.source_places()
    target = Path(places[-1][1]) if places else store_files(location)[0]
    return add_source(target, source, dry_run=dry_run)


def add_source(target: Path, source: NewSource, *, dry_run: bool = False) -> Added:
    """Append ``source`` to the ``sources:`` section of the fact file ``target``
    (unless ``dry_run``) and say where it went."""
    real = target.resolve()  # a symlinked fact file: write the file, keep the link
    with reading(visible(str(target))):
        raw = real.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        old = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(f"{visible(str(target))}: not UTF-8") from None
    new, line, entry = insert_entry(old, source)
    _verify(old, new, source, str(target))
    if not dry_run:
        with writing(visible(str(target))):
            write_atomically(real, bom + new.encode("utf-8"))
    return Added(source, target, line, entry)
