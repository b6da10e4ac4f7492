"""The root command group: commands imported only when invoked, and one place
where errors become a line on stderr and an exit code."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

import click
import typer
import typer.main

from chipfacts.cli.anywhere import root_options
from chipfacts.cli.help import Context, Group
from chipfacts.errors import ArgumentError, ChipfactsError, ExitCode, os_error
from chipfacts.render.safe import say

# What a shell sets to ask for completions (click's name for chipfacts' variable).
COMPLETE_ENV = "_CHIPFACTS_COMPLETE"


class ChipfactsGroup(Group):
    """The root command group: lazy commands, and one place for errors.

    Commands are imported and built only when invoked (or listed by --help):
    building all seven costs typer more than the lookup itself. And the
    ``ChipfactsError`` family becomes one stderr line and its exit code here,
    so every way of running the app, the console script and ``CliRunner``
    alike, behaves the same.
    """

    # name -> module defining ``command``; most used first, as --help lists them
    COMMANDS = {
        "search": "chipfacts.cli.search",
        "compare": "chipfacts.cli.compare",
        "show": "chipfacts.cli.browse",
        "fact": "chipfacts.cli.fact",
        "timeline": "chipfacts.cli.browse",
        "list": "chipfacts.cli.browse",
        "sources": "chipfacts.cli.sources",
        "conflicts": "chipfacts.cli.conflicts",
        "cite": "chipfacts.cli.cite",
        "chart": "chipfacts.cli.chart",
        "export": "chipfacts.cli.export",
        "cache": "chipfacts.cli.cache",
        "validate": "chipfacts.cli.validate",
        "lint": "chipfacts.cli.lint",
        "draft": "chipfacts.cli.draft",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.COMMANDS)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.COMMANDS:
            import difflib

            close = difflib.get_close_matches(name, list(self.COMMANDS), n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise click.UsageError(f"No such command '{name}'.{hint}", ctx)
        found, command, rest = super().resolve_command(ctx, args)
        if command is not None and not ctx.resilient_parsing:
            _take_output_format(ctx, command)
        return found, command, rest

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.COMMANDS:
            return None
        module = import_module(self.COMMANDS[cmd_name])
        built: click.Command = typer.main.get_command(module.commands[cmd_name])
        built.name = cmd_name
        built.context_class = Context
        # (a group's own commands take them too: `chipfacts cache path --no-color`)
        for each in (built, *getattr(built, "commands", {}).values()):
            each.params += root_options()
        return built

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run; in standalone mode, every usage error is one line and exit code 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click.exceptions.NoArgsIsHelpError as error:  # bare `chipfacts`: the help
            click.echo(error.format_message(), err=True)  # noqa: TID251 (our help text)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            where = getattr(getattr(error, "ctx", None), "command_path", None) or "chipfacts"
            hint = f" (see '{where} --help')" if isinstance(error, click.UsageError) else ""
            # click lays some messages out on several lines ("Choose from:\n\t…"):
            # an error is one line, whatever click says.
            message = " ".join(error.format_message().split())
            say(f"chipfacts: error: {message}{hint}", err=True)
            sys.exit(error.exit_code)
        except _ReaderGone:
            raise BrokenPipeError from None  # chipfacts.entry stops quietly, exit 0
        except click.exceptions.Abort:  # stdin closed at a prompt; Ctrl-C is entry.py's
            say("chipfacts: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except (ValueError, KeyError, IndexError):
            # click reads a shell's completion request unchecked (COMP_CWORD=abc).
            # It finds the request in os.environ itself (before any context or
            # terminal exists), so whether this was one is read there too.
            if COMPLETE_ENV not in os.environ:
                raise
            say("chipfacts: error: a shell completion request it cannot read", err=True)
            sys.exit(ExitCode.USAGE)
        except OSError as error:
            # typer's --install-completion writes the shell's start-up files; any
            # other OSError is mapped in chipfacts.entry.
            installing = "--install-completion" in (sys.argv[1:] if args is None else args)
            if not installing or error.filename is None:
                raise
            reported = os_error(
                error, writing=True, what=f"the completion script ({error.filename})"
            )
            say(f"chipfacts: error: {reported}", err=True)
            sys.exit(reported.exit_code)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChipfactsError as error:
            say(f"chipfacts: error: {_message(error)}", err=True)
            ctx.exit(error.exit_code)
        except BrokenPipeError:
            # click's main turns a broken pipe into a silent exit 1, the code for
            # "nothing found": carried past it, the reader going away (`| grep -q`,
            # `| true`) is exit 0 however early it goes, as when `| head` goes later.
            raise _ReaderGone from None


class _ReaderGone(Exception):
    """stdout's reader went away while a command wrote (a broken pipe, past click)."""


def _take_output_format(ctx: click.Context, command: click.Command) -> None:
    """--format and --json given before the command's name become the defaults of
    its own (which win when given too); a command without them refuses them."""
    given = {"fmt": ctx.params.get("fmt"), "as_json": ctx.params.get("as_json") or None}
    given = {name: value for name, value in given.items() if value is not None}
    if not given:
        return
    own = {p.name: p for p in command.params if p.name in ("fmt", "as_json")}
    if "as_json" not in own:  # export's --format is a file format, not an output one
        option = "--json" if "as_json" in given else "--format"
        # chart, export, lint: a --format of their own, given after the command
        after = "; give its own --format after it" if "fmt" in own and option == "--format" else ""
        raise click.UsageError(f"{option} does not apply to `chipfacts {command.name}`{after}", ctx)
    for name, value in given.items():
        own[name].default = value


def _message(error: ChipfactsError) -> str:
    """What an error says on the command line: a library argument is called by the
    option that gives it (``limit`` is ``--limit``)."""
    if isinstance(error, ArgumentError):
        return error.worded(lambda argument: "--" + argument.replace("_", "-"))
    return str(error)


def command_app() -> typer.Typer:
    """A Typer app holding one command, built on demand by ``ChipfactsGroup``."""
    return typer.Typer(
        cls=Group, rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False
    )
