"""Text normalisation shared by alias checks, lookups and search.

Two spellings are the same name when they differ only in width (full-width
Ｍ), case, spacing, hyphens or punctuation: ``maia-100``, ``Maia 100`` and
``ＭＡＩＡ100`` all become ``maia100``. Traditional and Simplified Chinese are one
script here: 微軟 and 微软 fold to the same text (OpenCC does the conversion).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Protocol

_WHITESPACE = re.compile(r"\s+")
# Latin/digit runs (keeping inner . ' + so "3.5", "dell'oro" stay whole) and CJK runs.
_TOKEN = re.compile(
    r"[$]?[0-9a-z\u00c0-\u024f][0-9a-z\u00c0-\u024f.'+%$]*|[\u3400-\u9fff\uf900-\ufaff]+"
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _t2s() -> _Converter:
    import opencc  # imported on first use: only paths that fold Chinese pay for it

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to Simplified; other text is unchanged."""
    if not _CJK.search(text):
        return text
    return _t2s().convert(text)


def fold(text: str) -> str:
    """The search form of a text: NFKC, case-folded, Simplified Chinese."""
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())


def name_key(text: str) -> str:
    """The comparison key of a name: folded, letters and digits only."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def tokens(folded: str) -> list[str]:
    """Split folded text into Latin/digit runs and CJK runs.

    Trailing dots and quotes go, and so does a possessive: "microsoft's" is "microsoft".
    """
    found = []
    for token in _TOKEN.findall(folded):
        token = token.removesuffix("'s").rstrip(".'") or token
        found.append(token)
    return found


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def squash_whitespace(text: str) -> str:
    """Remove every whitespace character (quotes are compared this way)."""
    return _WHITESPACE.sub("", text)
