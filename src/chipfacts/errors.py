"""The exception family and the exit codes the CLI maps them to.

Everything a user can get wrong ends in one of these; the CLI catches them in one
place (``cli.group.ChipfactsGroup``) and prints one line to stderr.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import errno
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Documented process exit codes (see the README's "Exit codes")."""

    OK = 0
    NOT_FOUND = 1  # nothing matched, or an unknown entity
    USAGE = 2  # bad arguments (click's own code for usage errors)
    DATA_INVALID = 3  # the fact file was read but is not a valid store
    DATA_UNREADABLE = 4  # the fact file cannot be read at all
    OUTPUT_FAILED = 5  # stdout is closed or cannot be written
    DUPLICATE = 6  # what was to be added is already there (a source registered twice)
    INTERRUPTED = 130  # Ctrl-C, the shell convention 128 + SIGINT


class Problem(NamedTuple):
    """One thing wrong with a fact file, with where it is."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class ChipfactsError(Exception):
    """Base of every error chipfacts reports to a user."""

    exit_code: ExitCode = ExitCode.USAGE


class DataFileError(ChipfactsError):
    """The fact file cannot be opened or read (missing, a directory, no permission)."""

    exit_code = ExitCode.DATA_UNREADABLE


class InvalidDataError(ChipfactsError):
    """The fact file was read but holds problems; carries every one of them."""

    exit_code = ExitCode.DATA_INVALID

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid fact file"
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more != 1 else ''}; run `chipfacts validate`)"
        super().__init__(first + (suffix if more else ""))


class WriteError(ChipfactsError):
    """Something chipfacts writes cannot be written: the output, the cache, a shell's
    completion script (a read-only directory, a full disk)."""

    exit_code = ExitCode.OUTPUT_FAILED


# Failures only a write can meet; any other error on a named file is a read's.
_WRITE_ERRNOS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE}


def os_error(
    error: OSError, writing: bool | None = None, what: str | None = None
) -> ChipfactsError:
    """The one mapping from an OSError to what is reported, by where it happened:
    reading (a fact file, a source text, a directory) is ``DataFileError``, exit 4;
    writing (the output, the cache, a completion script) is ``WriteError``, exit 5.

    ``writing=None`` when the caller cannot tell: an error on no file is the output
    stream's; on a named file, a write-only failure (read-only file system, disk
    full) is a write, anything else a read.
    """
    name = what or (str(error.filename) if error.filename is not None else None)
    if writing is None:
        writing = name is None or error.errno in _WRITE_ERRNOS
    reason = error.strerror or type(error).__name__
    if writing:
        return WriteError(f"cannot write {name or 'the output'} ({reason})")
    return DataFileError(f"{name}: cannot read ({reason})")


@contextmanager
def writing(what: str) -> Iterator[None]:
    """Report an OSError inside the block as a failure to write ``what`` (exit 5)."""
    try:
        yield
    except OSError as error:
        raise os_error(error, writing=True, what=what) from None


@contextmanager
def reading(what: str) -> Iterator[None]:
    """Report an OSError inside the block as a failure to read ``what`` (exit 4)."""
    try:
        yield
    except OSError as error:
        raise os_error(error, writing=False, what=what) from None


class UsageError(ChipfactsError):
    """The arguments make no sense (an empty query, an unknown kind)."""

    exit_code = ExitCode.USAGE


class ArgumentError(UsageError):
    """One of a library function's arguments is out of bounds. The message speaks of
    the arguments by their names in the library ("limit must be at least 1"); a
    front end that takes them under other names (the CLI's ``--limit``) rewords it
    with ``worded``."""

    def __init__(self, message: str, arguments: tuple[str, ...]) -> None:
        self.arguments = arguments
        super().__init__(message)

    def worded(self, names: Callable[[str], str]) -> str:
        """The message with each argument called what ``names`` calls it; what it
        quotes (a file name, a value: '…' or "…") is left as it is."""
        pattern = (
            r"'[^']*'|\"[^\"]*\"|\b(" + "|".join(re.escape(a) for a in self.arguments) + r")\b"
        )
        return re.sub(pattern, lambda m: names(m[1]) if m[1] else m[0], str(self))


class NotFoundError(ChipfactsError):
    """Nothing matched; carries "did you mean" suggestions when there are any."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        self.suggestions = suggestions or []
        if self.suggestions:
            message += "; did you mean " + ", ".join(f"'{s}'" for s in self.suggestions) + "?"
        super().__init__(message)


class DuplicateError(ChipfactsError):
    """What was to be added to a store is already in it (a source's id, file or text)."""

    exit_code = ExitCode.DUPLICATE


class AmbiguousError(ChipfactsError):
    """A name fits several entities equally well; carries the candidates."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.candidates = candidates
        super().__init__(f"'{name}' is ambiguous: it could be " + ", ".join(candidates))
