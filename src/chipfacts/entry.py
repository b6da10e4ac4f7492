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

_ctrl_c: list[int] = []  # the Ctrl-Cs received (a list: no `global` in the handler)


def _interrupted(signum: int, frame: object) -> None:
    # Raised as SystemExit, not KeyboardInterrupt: click would turn the latter
    # into "Aborted!" and exit 1. `finally` blocks still run (a half-written
    # cache entry is removed). One line, however often it is pressed.
    if not _ctrl_c:
        sys.stderr.write("\nchipfacts: interrupted\n")
    _ctrl_c.append(signum)
    raise SystemExit(130)  # ExitCode.INTERRUPTED, not imported yet


def _lost_interrupt(unraisable: "sys.UnraisableHookArgs") -> None:
    """Ctrl-C that lands where Python cannot raise (a weakref callback, a
    ``__del__``, an import lock's clean-up) is printed as "Exception ignored" and
    lost, and the command goes on to exit 0. Its line is already out: end here."""
    if isinstance(unraisable.exc_value, SystemExit):
        os._exit(130)
    sys.__unraisablehook__(unraisable)


# A shell that starts us in the background with SIGINT ignored means it.
if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
    _signal.signal(_signal.SIGINT, _interrupted)
    sys.unraisablehook = _lost_interrupt

import errno  # noqa: E402
import gc  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import select  # noqa: E402
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


class _WholeWrites(io.RawIOBase):
    """Standard output as a raw stream whose ``write`` writes everything or raises.

    A write past a file-size limit (``ulimit -f``) is cut short by the kernel,
    and Python's buffered stdout then drops the rest without a word: 24 MB of
    JSON became 64 KB, exit 0. Here every byte is written, or the next write's
    error (EFBIG, ENOSPC, EIO, …) surfaces as an OSError, which ``main`` reports
    as one line and exit 5.
    """

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: object) -> int:
        view = memoryview(data).cast("B")  # type: ignore[arg-type]
        done = 0
        while done < len(view):
            try:
                written = os.write(self._fd, view[done:])
            except BlockingIOError:  # a non-blocking descriptor: wait until it takes more
                select.select([], [self._fd], [])
                continue
            if written == 0:
                raise OSError(errno.EIO, "the output took no more bytes")
            done += written
        return done


def _write_whole(stream: TextIO) -> TextIO:
    """``stream`` again, over a raw layer that never loses a short write."""
    if not isinstance(stream, io.TextIOWrapper):
        return stream  # not a real stream (a test's capture): leave it be
    stream.flush()
    return io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(stream.fileno())),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
    )


def _import_quietly() -> Callable[..., object]:
    """Import the CLI with the cyclic garbage collector paused.

    Start-up makes only objects that live until exit (modules, classes, typer's
    and click's commands), so a collection then frees nothing and only walks
    them again, in several collections and once more at exit: about 10 ms of
    every run. Once imported they are frozen (moved where no later collection
    walks them), and the collector is back on before the command reads any data.
    """
    gc.disable()
    try:
        from chipfacts.cli import app  # lazy: with the collector off, after Ctrl-C is ours
    finally:
        gc.freeze()
        gc.enable()
    return app


def main() -> None:
    try:
        _run()
    except Exception:
        # Python wraps an exception raised where it cannot pass one on as it is
        # (in a class's __set_name__ during an import, say): after a Ctrl-C,
        # whatever comes out is the Ctrl-C's, and its line is already out.
        if _ctrl_c:
            sys.exit(130)
        raise
    finally:
        # What follows is Python's own clean-up: a Ctrl-C there ends the process
        # by the signal itself (the shell sees 130), never a traceback from the
        # middle of finalization.
        if _signal.getsignal(_signal.SIGINT) is _interrupted:
            _signal.signal(_signal.SIGINT, _signal.SIG_DFL)


def _run() -> None:
    if sys.stdout is None:  # started with stdout closed (`chipfacts … >&-`)
        print("chipfacts: error: standard output is closed", file=sys.stderr)
        sys.exit(ExitCode.OUTPUT_FAILED)
    for stream in (sys.stdout, sys.stderr):
        _degrade_cleanly(stream)
    sys.stdout = _write_whole(sys.stdout)
    try:
        app = _import_quietly()
        from chipfacts.cli.terminal import Terminal  # lazy: chipfacts.cli is the app, above

        try:
            # The one place the terminal is read: everything below is given it.
            app(obj=Terminal.from_process())
        finally:
            # Here, not at exit: a failed write of the last buffered bytes is
            # then one line and exit 5 like any other, never a silent exit 0.
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly.
        _drop_output()
        sys.exit(ExitCode.OK)
    except OSError as error:  # a full disk, a file-size limit, an I/O error on the terminal, …
        _drop_output()
        reported = os_error(error)
        print(f"chipfacts: error: {visible(str(reported))}", file=sys.stderr)
        sys.exit(reported.exit_code)


def _drop_output() -> None:
    """Point stdout at /dev/null once it has failed, so that the bytes still
    buffered in it do not fail again, as a traceback, when Python flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no descriptor to point (a closed or fake stream)
        pass
