"""Long output through a pager, as git does."""

from chipfacts.cli.terminal import Terminal


def page(text: str, terminal: Terminal) -> bool:
    """Show long output through a pager, as git does: $PAGER, else ``less`` with
    ``LESS=FRX`` unless $LESS is set (quit if one screen, keep colours, no clear).
    False when no pager can be started: $PAGER missing, not a program, or not
    parseable as a command line (then the caller prints). The pager's own exit
    status is its business, as in git."""
    import shlex
    import shutil

    from chipfacts.cli.pager_process import run_pager

    try:
        command = shlex.split(terminal.pager_command())
    except ValueError:  # PAGER="'less" (no closing quotation): no pager, as if missing
        return False
    if not command or shutil.which(command[0], path=terminal.env.get("PATH")) is None:
        return False
    try:
        run_pager(command, text, terminal.pager_env(), terminal.stdout)
    except OSError:
        return False
    return True
