"""Text normalisation shared by alias checks and lookups.

Two spellings are the same name when they differ only in width (full-width
Ｍ), case, spacing, hyphens or punctuation: ``maia-100``, ``Maia 100`` and
``ＭＡＩＡ100`` all become ``maia100``.
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def name_key(text: str) -> str:
    """The comparison key of a name: NFKC, case-folded, letters and digits only."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def squash_whitespace(text: str) -> str:
    """Remove every whitespace character (quotes are compared this way)."""
    return _WHITESPACE.sub("", text)
