"""An article to draft from: its text, its folded form, and the source it will be."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from chipfacts.errors import DataFileError
from chipfacts.model.records import Source
from chipfacts.store.quotes import MAX_SOURCE_BYTES
from chipfacts.text.normalize import fold_in_place


class Article(NamedTuple):
    text: str
    folded: str  # ``fold_in_place(text)``: the same offsets
    source: Source


def read_article(path: Path, source: Source) -> Article:
    return article_of(read_text(path), source)


def read_text(path: Path) -> str:
    """Read a UTF-8 text or Markdown file (at most 10 MiB, as a source may be)."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise DataFileError(f"{path}: too large for an article ({size:,} bytes; limit 10 MiB)")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path}: not UTF-8 (a bad byte at offset {error.start:,})") from None
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    return text


def article_of(text: str, source: Source) -> Article:
    return Article(text, fold_in_place(text), source)
