"""The command-line interface: a thin shell over the library.

Each command parses its arguments, calls one library function, and hands the
result to one renderer. Errors of the ``ChipfactsError`` family become one line
on stderr and their exit code in ``group.ChipfactsGroup``; what only a whole
process meets (Ctrl-C, a closed pipe) is handled in ``chipfacts.entry``.
"""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from chipfacts.cli.app import app

__all__ = ["app"]
