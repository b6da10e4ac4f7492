"""The process entry point (`chipfacts` and `python -m chipfacts`).

Kept apart from the CLI so that what only a whole process meets is in place
before anything heavy is imported: Ctrl-C during start-up must still end in one
line and exit 130, not a traceback from the middle of an import.
"""

# First, before any other import: from here on Ctrl-C ends in one line and
# exit 130. The console script has imported only `re`, `sys` and the package's
# light __init__ by now; what remains is the interpreter's own start-up.
# `_signal`, the C module under `signal`: the same calls, without the enum
# classes `signal` builds on import (1.5 ms of every run).
import _signal  # type: ignore[import-not-found]  # (no stubs: the same API as signal)
import sys


def _interrupted(signum: int, frame: object) -> None:
    # Raised as SystemExit, not KeyboardInterrupt: click would turn the latter
    # into "Aborted!" and exit 1. `finally` blocks still run (a half-written
    # cache entry is removed).
    sys.stderr.write("\nchipfacts: interrupted\n")
    raise SystemExit(130)  # ExitCode.INTERRUPTED, not imported yet


# A shell that starts us in the background with SIGINT ignored means it.
if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
    _signal.signal(_signal.SIGINT, _interrupted)

import gc  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import TextIO  # noqa: E402

from chipfacts.errors import ExitCode, os_error  # noqa: E402
from chipfacts.text.visible import visible  # noqa: E402


def _degrade_cleanly(stream: TextIO | None) -> None:
    """Keep a stream that cannot encode Chinese (PYTHONIOENCODING=ascii) from crashing:
    what it cannot show is written as escapes (\\u5fae) rather than raising."""
    if not isinstance(stream, io.TextIOWrapper):
        return  # not a real text stream (a test's capture): leave it be
    if not stream.encoding.lower().replace("-", "").startswith(("utf", "gb", "big5")):
        stream.reconfigure(errors="backslashreplace")


def _import_quietly() -> Callable[[], object]:
    """Import the CLI with the cyclic garbage collector paused.

    Start-up makes only objects that live until exit (modules, classes, typer's
    and click's commands), so a collection then frees nothing and only walks
    them again, in several collections and once more at exit: about 10 ms of
    every run. Once imported they are frozen (moved where no later collection
    walks them), and the collector is back on before the command reads any data.
    """
    gc.disable()
    try:
        from chipfacts.cli import app
    finally:
        gc.freeze()
        gc.enable()
    return app


def main() -> None:
    if sys.stdout is None:  # started with stdout closed (`chipfacts … >&-`)
        print("chipfacts: error: standard output is closed", file=sys.stderr)
        sys.exit(ExitCode.OUTPUT_FAILED)
    for stream in (sys.stdout, sys.stderr):
        _degrade_cleanly(stream)
    try:
        app = _import_quietly()
        app()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except OSError as error:  # a full disk, an I/O error on the terminal, …
        reported = os_error(error)
        print(f"chipfacts: error: {visible(str(reported))}", file=sys.stderr)
        sys.exit(reported.exit_code)
