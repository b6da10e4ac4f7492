"""The one boundary between what chipfacts prints and the terminal.

Everything printed that came from a fact file, a file name or the user passes
``visible`` (or, for JSON, ``json_safe``) on its way out: a fact file is data
written by someone else, and a terminal obeys what it is sent. Control and
format characters are made visible as escapes, the way ``git`` and ``less``
show them, so no fact can retitle the terminal, clear the screen, plant a
hyperlink or reverse the text around it:

- C0 and C1 controls, DEL (ESC starts every CSI/OSC sequence; U+009B is CSI);
- Unicode format characters (category Cf): bidi embeddings, overrides and
  isolates (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), zero-width
  characters (U+200B–200D, U+2060, U+FEFF), tag characters;
- line and paragraph separators (U+2028, U+2029), which split "one line";
- lone surrogates, which is how Python hands over bytes that were not UTF-8
  (in argv and file names): ``\\udcff`` is shown as the byte it stands for, ``\\xff``.

Newline and tab are kept where the layout needs them (``keep``). Rich markup is
not this module's concern: the table console runs with markup off, so ``[x]``
is printed as written. Light on purpose (``re`` only): the JSON path imports it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import typer

# Every code point of categories Cc, Cf, Cs, Zl and Zp (Unicode 15.1); a test
# checks this against unicodedata, so the regex needs no start-up scan.
_UNSAFE_CLASS = (
    "\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_LAYOUT = "\n\t"


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
    returned as it is (the common case costs one regex search).
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)


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
    if _UNSAFE.search(document) is None:
        return document
    return _UNSAFE.sub(_json_escape, document)


def scrub(value: Any, _memo: dict[int, Any] | None = None) -> Any:
    """A copy of records (named tuples, lists, dicts, counters) with every string
    made ``visible`` (newlines and tabs kept): what the table renderers get, so
    that they never see a raw string. Enums are kept (they are not data)."""
    memo: dict[int, Any] = {} if _memo is None else _memo
    key = id(value)
    if key in memo:
        return memo[key]
    result: Any
    if isinstance(value, str):
        result = value if hasattr(value, "_value_") else visible(value, _LAYOUT)
    elif isinstance(value, tuple) and hasattr(value, "_make"):
        result = value._make(scrub(v, memo) for v in value)
    elif isinstance(value, (list, tuple)):
        result = type(value)(scrub(v, memo) for v in value)
    elif isinstance(value, Counter):
        result = Counter({scrub(k, memo): v for k, v in value.items()})
    elif isinstance(value, dict):
        result = {scrub(k, memo): scrub(v, memo) for k, v in value.items()}
    else:
        result = value
    memo[key] = result
    return result


def say(text: str, *, err: bool = False) -> None:
    """Print lines of output (stdout) or a message (stderr), made ``visible``.

    Output keeps its newlines and tabs (they are the layout of plain and CSV);
    a message to stderr is one line whatever it quotes.
    """
    typer.echo(visible(text, _LAYOUT) if not err else visible(text), err=err)
