"""Make text safe to print: control, format and bidi characters shown as escapes.

The one definition of "unsafe to print" (see ``chipfacts.render.safe``, which
applies it to everything chipfacts prints; the schema refuses names that hold
such characters). Light on purpose: ``re`` only.
"""

from __future__ import annotations

import re
from functools import cache

# Every code point of categories Cc, Cf, Cs, Zl and Zp (Unicode 15.1); a test
# checks this against unicodedata, so the regex needs no start-up scan.
UNSAFE_CLASS = (
    "\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)


@cache
def unsafe() -> re.Pattern[str]:
    """The pattern of one unsafe character. Compiled on first use (a class this
    wide costs more to compile than most commands take to answer), which
    printable text never reaches: see ``_clean``."""
    return re.compile(f"[{UNSAFE_CLASS}]")


def _clean(text: str, layout: str) -> bool:
    """True when ``text`` holds no unsafe character but those of ``layout``,
    answered in C for the common case: every unsafe character is also not
    printable (``str.isprintable``; a test checks it), so printable text, with
    its layout newlines aside, needs no regex. Other text (a tab, a no-break
    space, a character newer than this Python's Unicode) asks the regex."""
    if text.isprintable():
        return True
    if "\n" in layout and text.replace("\n", "").isprintable():
        return True
    return all(c in layout for c in unsafe().findall(text))


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control, format and bidi character shown as an escape.

    ``keep`` names layout characters to leave alone ("\\n\\t" for multi-line
    output); by default the result is one line. Text without such characters is
    returned as it is (the common case costs one pass in C).
    """
    if _clean(text, keep):
        return text
    return unsafe().sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code == 0x0A:  # json.dumps writes a newline only between lines (jsonl, indent)
        return "\n"
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON spells astral characters
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(document: str) -> str:
    """JSON text with the dangerous code points written as ``\\uXXXX`` escapes.

    JSON is for programs and stays lossless (``json.loads`` gives back exactly
    the data), but ``json.dumps(ensure_ascii=False)`` writes U+202E, C1 controls
    and lone surrogates raw; escaped, the text is also safe to print. Such
    characters can only occur inside JSON strings, where ``\\uXXXX`` is valid
    (json.dumps escapes newlines in strings, so a raw one is layout and stays).
    """
    if _clean(document, "\n"):  # a raw newline in JSON text is layout
        return document
    return unsafe().sub(_json_escape, document)
