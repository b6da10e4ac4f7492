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

from collections import Counter
from typing import Any

import click

from chipfacts.text.visible import json_safe, unsafe, visible

__all__ = ["json_safe", "say", "scrub", "unsafe", "visible"]

_LAYOUT = "\n\t"


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
    click.echo(visible(text, _LAYOUT) if not err else visible(text), err=err)
