"""The terminal a run prints to, made once at the entry point and passed down.

Everything about where output goes is read here and nowhere below: the
streams, whether stdout is a terminal, its size, and the environment (which
carries the colour settings NO_COLOR, FORCE_COLOR and TERM, and the pager's
$PAGER and $LESS). The process entry point makes one from the process
(``Terminal.from_process``) and hands it to the app as the click context's
object; the root callback keeps it in ``Settings``; commands reach it through
``terminal(ctx)``. Tests make one in-process with the streams, size and
environment they want (tests/conftest.py's ``cli`` fixture), as httpie does
with its ``Environment``.

Lines of text (``render.safe.say``) go out through click's own handles on the
same two streams: click re-wraps a stream whose encoding is misconfigured
(PYTHONIOENCODING=ascii), which writing to the stream object here would skip.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import NamedTuple, TextIO

import click


# A NamedTuple, not a dataclass: made on every run, and a dataclass costs start-up
# about a millisecond to build its class.
class Terminal(NamedTuple):
    """Where a run's output goes: read once (``from_process``) or made by a test."""

    stdout: TextIO
    stderr: TextIO
    is_tty: bool  # stdout is a terminal: tables and indented JSON there, plain lines when piped
    stdin_is_tty: bool  # a person can answer a prompt (a script is never asked)
    columns: int
    lines: int
    env: Mapping[str, str]

    @classmethod
    def from_process(cls) -> Terminal:
        """This process's terminal. The size is read as ``shutil.get_terminal_size``
        reads it ($COLUMNS and $LINES first, then stdout's terminal, else 80 x 24)
        without importing shutil, which a lookup otherwise never needs."""
        env = os.environ
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
            columns, lines = size.columns, size.lines
        except (AttributeError, ValueError, OSError):  # not a terminal, or no stdout
            columns, lines = 0, 0
        return cls(
            stdout=sys.stdout,
            stderr=sys.stderr,
            is_tty=sys.stdout.isatty(),
            stdin_is_tty=sys.stdin is not None and sys.stdin.isatty(),
            columns=_size(env.get("COLUMNS"), columns, 80),
            lines=_size(env.get("LINES"), lines, 24),
            env=env,
        )

    def pager_command(self) -> str:
        """$PAGER, else ``less`` (an empty $PAGER counts as unset), as git does."""
        return self.env.get("PAGER") or "less"

    def pager_env(self) -> dict[str, str]:
        """The environment the pager runs in: ``LESS=FRX`` unless $LESS is set (quit
        if one screen, keep colours, no clear)."""
        return {**self.env, "LESS": self.env.get("LESS", "FRX")}


def _size(given: str | None, measured: int, fallback: int) -> int:
    try:
        value = int(given or 0)
    except ValueError:
        value = 0
    return value if value > 0 else measured if measured > 0 else fallback


def terminal(ctx: click.Context) -> Terminal:
    """The terminal the app was given (see ``Settings``), found from any context.

    An app run without one (a program calling ``chipfacts.cli.app()`` itself, as
    the entry point does not) prints to this process's terminal.
    """
    given = ctx.find_root().obj
    found = getattr(given, "terminal", given)
    return found if isinstance(found, Terminal) else Terminal.from_process()
