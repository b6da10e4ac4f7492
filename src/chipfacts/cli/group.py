"""The root command group: commands found by their modules and imported only when
invoked, and one place where errors become a line on stderr and an exit code."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import difflib
import importlib.util
import inspect
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any, NamedTuple

import click
import typer
import typer.core
import typer.main
import typer.utils

from chipfacts.cli.anywhere import root_options
from chipfacts.cli.help import Context, Group, Subcommand
from chipfacts.errors import ArgumentError, ChipfactsError, ExitCode, os_error
from chipfacts.render.safe import say

# What a shell sets to ask for completions (click's name for chipfacts' variable).
COMPLETE_ENV = "_CHIPFACTS_COMPLETE"


class Command(NamedTuple):
    """What a command module declares as ``command``: its app, and its place in the
    list `chipfacts --help` shows (most used first; a new command picks a number)."""

    app: typer.Typer
    listed: int


# The package whose modules are the commands: `chipfacts NAME` runs the ``command``
# that ``chipfacts.cli.NAME`` declares.
PACKAGE = __name__.rpartition(".")[0]


def _declared(name: str) -> Command | None:
    """The command module ``name`` declares, importing that module only; None when
    there is no such module in the package, or it declares no command."""
    module = f"{PACKAGE}.{name}"
    if not name.isidentifier() or name.startswith("_") or not importlib.util.find_spec(module):
        return None
    declared = getattr(import_module(module), "command", None)
    return declared if isinstance(declared, Command) else None


def command_names() -> list[str]:
    """Every command, as --help lists them (this imports every module of the package)."""
    import pkgutil  # lazy: only --help, completion and a mistyped name list them all

    found = []
    for module in pkgutil.iter_modules(sys.modules[PACKAGE].__path__):
        declared = _declared(module.name)
        if declared is not None:
            found.append((declared.listed, module.name))
    return [name for _, name in sorted(found)]


class ChipfactsGroup(Group):
    """The root command group: lazy commands, and one place for errors.

    A command is a module of ``chipfacts.cli`` named for it that declares
    ``command = Command(APP, listed=N)``: nothing else lists it. It is imported
    and built only when invoked (or listed by --help): building all of them
    costs typer more than the lookup itself. And the ``ChipfactsError`` family
    becomes one stderr line and its exit code here, so every way of running the
    app, the console script and ``CliRunner`` alike, behaves the same.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._built: dict[str, click.Command] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return command_names()

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and _declared(name) is None:
            close = difflib.get_close_matches(name, command_names(), n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise click.UsageError(f"No such command '{name}'.{hint}", ctx)
        found, command, rest = super().resolve_command(ctx, args)
        if command is not None and not ctx.resilient_parsing:
            _take_output_format(ctx, command)
        return found, command, rest

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        built = self._built.get(cmd_name)
        if built is not None:
            return built
        declared = _declared(cmd_name)
        if declared is None:
            return None
        # Each command the app declares is a Subcommand, whose help lists each
        # argument once whatever the click (unless it picked a class of its own).
        for info in declared.app.registered_commands:
            if info.cls is typer.core.TyperCommand:  # typer's default
                info.cls = Subcommand
        built = typer.main.get_command(declared.app)
        built.name = cmd_name
        built.context_class = Context
        # (a group's own commands take them too: `chipfacts cache path --no-color`)
        for each in (built, *getattr(built, "commands", {}).values()):
            _restore_argument_help(each)
            each.params += root_options()
        # Built once, as click builds its commands: a run never changes one.
        self._built[cmd_name] = built
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
    # As defaults of this run only (its context's default map): the command itself
    # is built once and serves every run in the process.
    defaults = {name: getattr(value, "value", value) for name, value in given.items()}
    ctx.default_map = {**(ctx.default_map or {}), command.name or "": defaults}


# Library arguments given by an option of another name (`sources add` and `draft`).
OPTION_OF = {"ident": "--id", "published": "--date", "sources_dir": "--sources"}


def _message(error: ChipfactsError) -> str:
    """What an error says on the command line: a library argument is called by the
    option that gives it (``limit`` is ``--limit``, ``ident`` is ``--id``)."""
    if isinstance(error, ArgumentError):
        return error.worded(lambda a: OPTION_OF.get(a) or "--" + a.replace("_", "-"))
    return str(error)


def command_app() -> typer.Typer:
    """A Typer app holding one command, built on demand by ``ChipfactsGroup``."""
    return typer.Typer(
        cls=Group, rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False
    )


def _restore_argument_help(command: click.Command) -> None:
    """Give each argument back the help its ``typer.Argument`` declares.

    typer 0.24 keeps an argument's help on its own attribute before calling
    click's constructor, and click 8.5's constructor resets that attribute to
    the ``help`` it was given (none), so `--help` listed arguments bare.
    """
    if command.callback is None:
        return
    declared = typer.utils.get_params_from_function(inspect.unwrap(command.callback))
    for param in command.params:
        info = declared.get(param.name or "")
        if isinstance(param, click.Argument) and info is not None and not param.help:
            param.help = getattr(info.default, "help", None)
