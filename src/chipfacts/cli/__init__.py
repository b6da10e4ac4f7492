"""The command-line interface: a thin shell over the library.

Each command parses its arguments, calls one library function, and hands the
result to one renderer. Errors of the ``ChipfactsError`` family become one line
on stderr and their exit code in ``app.ChipfactsGroup``; what only a whole
process meets (Ctrl-C, a closed pipe) is handled in ``main``.
"""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import os
import sys

from chipfacts.cli.common import app
from chipfacts.errors import ExitCode

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    if sys.stdout is None:  # started with stdout closed (`chipfacts … >&-`)
        print("chipfacts: error: standard output is closed", file=sys.stderr)
        sys.exit(ExitCode.OUTPUT_FAILED)
    try:
        app()
    except KeyboardInterrupt:
        print("chipfacts: interrupted", file=sys.stderr)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except OSError as error:  # a full disk, an I/O error on the terminal
        print(f"chipfacts: error: cannot write the output ({error.strerror})", file=sys.stderr)
        sys.exit(ExitCode.OUTPUT_FAILED)
