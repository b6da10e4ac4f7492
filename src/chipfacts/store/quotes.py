"""Check that quotes appear verbatim in their source documents.

Captures break lines mid-sentence (``Maia\\nAI服务器芯片``), so both sides are
compared with all whitespace removed. A quote may elide text with ``…``: each
fragment must then appear, in order.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from functools import cache
from pathlib import Path
from typing import NamedTuple

from chipfacts.text.normalize import squash_whitespace

ELLIPSIS = "…"
_NOT_SPACE = re.compile(r"\S")  # what squash_whitespace keeps
MAX_SOURCE_BYTES = 10 * 1024 * 1024  # a captured article is kilobytes


class SourceText(NamedTuple):
    """A source text (whitespace removed, or as written) and the sha256 of its bytes,
    or why it cannot be read."""

    text: str | None
    problem: str | None = None
    sha256: str | None = None


def load_document(sources_dir: Path, file: str) -> SourceText:
    """The whitespace-free text of one source file, or why it cannot be used.

    A fact file names its sources, so ``file`` is checked before anything is
    opened: a regular file inside ``sources_dir`` (no absolute path, no ``..``,
    no symbolic link leading out), not a FIFO or device (no hang, no endless
    read), at most 10 MiB, and UTF-8.
    """
    base = sources_dir.resolve()
    return _document(base, file, _identity(base, file))


def load_text(sources_dir: Path, file: str) -> SourceText:
    """The text of one source file as written (line breaks kept), checked as above."""
    base = sources_dir.resolve()
    return _source_text(base, file, _identity(base, file))


def _identity(base: Path, file: str) -> tuple[int, ...] | None:
    """What tells a text from an edited one: part of the caches' keys, so that a text
    edited while the process lives (the Python API, a test run) is read again."""
    try:
        info = os.stat(base / file)
    except (OSError, ValueError):  # not there, or not a name: _source_text says why
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@cache
def _document(base: Path, file: str, identity: tuple[int, ...] | None) -> SourceText:
    raw = _source_text(base, file, identity)
    return raw if raw.text is None else raw._replace(text=squash_whitespace(raw.text))


def quote_line(sources_dir: Path, file: str, quote: str) -> int | None:
    """The line (from 1) of the source text ``file`` where ``quote`` begins, compared
    as ``quote_in`` compares; None when the text cannot be read or does not hold it."""
    base = sources_dir.resolve()
    text = _source_text(base, file, _identity(base, file)).text
    first = next((f for f in squash_whitespace(quote).split(ELLIPSIS) if f), None)
    if text is None or first is None:
        return None
    squashed: list[str] = []
    line_of: list[int] = []  # the line of each character kept
    for number, line in enumerate(text.split("\n"), 1):
        kept = squash_whitespace(line)
        squashed.append(kept)
        line_of += [number] * len(kept)
    found = "".join(squashed).find(first)
    return None if found < 0 else line_of[found]


@cache
def _source_text(base: Path, file: str, identity: tuple[int, ...] | None) -> SourceText:
    """The text of one source file as it is (and the sha256 of its bytes), or why it
    cannot be used (``identity``: the file's, for the cache)."""
    if not file or "\x00" in file or os.path.isabs(file):
        return SourceText(None, "must be a file name relative to the sources directory")
    if ".." in Path(file).parts:
        return SourceText(None, "must not leave the sources directory ('..')")
    try:
        real = (base / file).resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop
        return SourceText(None, f"cannot be resolved ({error})")
    if not real.is_relative_to(base):
        return SourceText(None, "is a link to outside the sources directory")
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return SourceText(None, f"not found in {base}")
    except OSError as error:
        return SourceText(None, f"cannot be read ({error.strerror})")
    if not stat.S_ISREG(info.st_mode):
        return SourceText(None, "is not a regular file")
    if info.st_size > MAX_SOURCE_BYTES:
        return SourceText(None, f"is too large ({info.st_size:,} bytes; the limit is 10 MiB)")
    try:
        # O_NONBLOCK: should it have become a FIFO since the stat, open cannot hang.
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return SourceText(None, "is not a regular file")
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as error:
        return SourceText(None, f"cannot be read ({error.strerror})")
    if len(data) > MAX_SOURCE_BYTES:
        return SourceText(None, "is too large (the limit is 10 MiB)")
    try:
        return SourceText(data.decode("utf-8-sig"), sha256=hashlib.sha256(data).hexdigest())
    except UnicodeDecodeError as error:
        return SourceText(None, f"is not UTF-8 (a bad byte at offset {error.start:,})")


def quote_in(quote: str, document: str) -> bool:
    """True when every ``…``-separated fragment of ``quote`` occurs in order."""
    position = 0
    for fragment in squash_whitespace(quote).split(ELLIPSIS):
        if not fragment:
            continue
        found = document.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


def locate(quote: str, text: str) -> list[tuple[int, int]] | None:
    """Where each ``…``-fragment of ``quote`` is in ``text`` as written (start and
    end offsets), found as ``quote_in`` finds them; None when one is absent."""
    kept = [found.start() for found in _NOT_SPACE.finditer(text)]
    squashed = "".join(text[i] for i in kept)
    position = 0
    spans: list[tuple[int, int]] = []
    for fragment in squash_whitespace(quote).split(ELLIPSIS):
        if not fragment:
            continue
        found = squashed.find(fragment, position)
        if found < 0:
            return None
        position = found + len(fragment)
        spans.append((kept[found], kept[position - 1] + 1))
    return spans
