"""Long output through a pager, as git does: the pager as a child process that
has the terminal to itself while it runs."""

import shutil
import signal
import subprocess
from typing import Any, TextIO

from chipfacts.cli.terminal import Terminal


def page(text: str, terminal: Terminal) -> bool:
    """Show long output through a pager, as git does: $PAGER, else ``less`` with
    ``LESS=FRX`` unless $LESS is set (quit if one screen, keep colours, no clear).
    False when no pager can be started: $PAGER missing, not a program, or not
    parseable as a command line (then the caller prints). The pager's own exit
    status is its business, as in git."""
    import shlex  # lazy: only a long table on a terminal pages (0.3 ms)

    try:
        command = shlex.split(terminal.pager_command())
    except ValueError:  # PAGER="'less" (no closing quotation): no pager, as if missing
        return False
    if not command or shutil.which(command[0], path=terminal.env.get("PATH")) is None:
        return False
    try:
        _run_pager(command, text, terminal.pager_env(), terminal.stdout)
    except OSError:
        return False
    return True


def _ignore(signum: int, frame: object) -> None:
    """Ctrl-C while the pager runs is the pager's (a handler, not SIG_IGN: an
    ignored signal would stay ignored in the pager, which inherits it)."""


def _run_pager(command: list[str], text: str, env: dict[str, str], screen: TextIO) -> None:
    """Feed ``text`` to the pager and wait until it ends, as git does.

    Ctrl-C reaches the whole foreground process group: ``less`` takes it to stop
    a search or come back to its prompt, and if we died of it instead, the shell
    would take the terminal back from a pager still in raw mode, with no echo.
    So here it is ignored until the pager ends, and the terminal's modes are put
    back as they were before, whatever the pager left (one killed in raw mode).
    ``screen`` is the terminal's stdout, whose modes are saved and restored.
    Raises OSError when the pager cannot be started.
    """
    saved = _terminal_modes(screen)
    previous = signal.signal(signal.SIGINT, _ignore)
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, env=env) as pager:
            # communicate() ignores a pager that quits before reading it all (q).
            pager.communicate(text.encode("utf-8", "replace"))
    finally:
        signal.signal(signal.SIGINT, previous)
        _restore_terminal_modes(saved)


_Modes = tuple[int, list[Any]]  # termios' attribute list


def _terminal_modes(screen: TextIO) -> _Modes | None:
    try:
        import termios  # lazy: not on Windows

        fd = screen.fileno()
        return fd, termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):  # not a terminal, or no termios
        return None


def _restore_terminal_modes(saved: _Modes | None) -> None:
    if saved is None:
        return
    import termios  # lazy: not on Windows (saved is None there)

    fd, modes = saved
    try:
        termios.tcsetattr(fd, termios.TCSADRAIN, modes)
    except (OSError, termios.error):  # the terminal has gone (hung up): nothing to restore
        pass
