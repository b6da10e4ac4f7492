"""Check that quotes appear verbatim in their source documents.

Captures break lines mid-sentence (``Maia\\nAI服务器芯片``), so both sides are
compared with all whitespace removed. A quote may elide text with ``…``: each
fragment must then appear, in order.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from chipfacts.text.normalize import squash_whitespace

ELLIPSIS = "…"


@cache
def _document(path: Path) -> str | None:
    try:
        return squash_whitespace(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def load_document(sources_dir: Path, file: str) -> str | None:
    """The whitespace-free text of one source file, or None if it cannot be read."""
    return _document((sources_dir / file).resolve())


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
