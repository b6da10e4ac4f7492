"""The Typer app every command registers on, and what the commands share:
the error mapping, the global options, the output options and ``emit``."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import click
import typer
import typer.main
from typer.core import TyperGroup

from chipfacts.errors import ChipfactsError, ExitCode, os_error
from chipfacts.model.records import Status
from chipfacts.render.output import TEXT_RENDERERS, Output, OutputFormat, choose_format
from chipfacts.render.safe import say, scrub
from chipfacts.store.locate import DATA_ENV

if TYPE_CHECKING:
    from chipfacts.search.engine import SearchIndex
    from chipfacts.store.store import Store


class HelpFormatter(click.HelpFormatter):
    """click's help, fitted to any terminal from 40 columns.

    click never lays help out narrower than 50 columns, gives option names up
    to 30 of them, and prints example paragraphs (``\\b``) as written however
    long. Here the help takes the terminal's width, option names a third of it,
    and an example too long for a line continues on the next with `` \\``, as a
    shell reads it: still one command to copy and paste.
    """

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None:
            import shutil

            columns = shutil.get_terminal_size().columns
            width = max(min(columns, max_width or 80) - 2, 20)
        super().__init__(indent_increment, width, max_width)

    def write_text(self, text: str) -> None:
        paragraphs = text.split("\n\n")
        for number, paragraph in enumerate(paragraphs):
            if paragraph.lstrip().startswith("\b"):
                paragraphs[number] = "\n".join(
                    self._continued(line) for line in paragraph.splitlines()
                )
        super().write_text("\n\n".join(paragraphs))

    def _continued(self, line: str) -> str:
        """A command line broken between arguments with `` \\`` to fit the width."""
        import re

        room = self.width - self.current_indent
        if len(line) <= room:
            return line
        indent = line[: len(line) - len(line.lstrip())]
        words: list[str] = []
        for word in re.findall(r"(?:\"[^\"]*\"|'[^']*'|\S)+", line):
            if words and words[-1].startswith("-") and " " not in words[-1]:
                if not word.startswith("-"):  # an option and its value stay together
                    words[-1] += " " + word
                    continue
            words.append(word)
        lines = [indent + words[0]]
        for word in words[1:]:
            if len(lines[-1]) + 1 + len(word) + 2 <= room:
                lines[-1] += " " + word
            else:
                lines[-1] += " \\"
                lines.append(indent + "    " + word)
        return "\n".join(lines)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        room = self.width - self.current_indent
        fitted = [(self._term(term, room), text) for term, text in rows]
        super().write_dl(fitted, min(col_max, self.width // 3), col_spacing)

    def _term(self, term: str, room: int) -> str:
        """An option too long for the line, like ``--status [a|b|c…]``, broken after a
        ``|`` and continued further in."""
        if len(term) <= room:
            return term
        lines = [""]
        for piece in term.replace("|", "|\0").split("\0"):
            if lines[-1] and len(lines[-1]) + len(piece) > room - (4 if len(lines) > 1 else 0):
                lines.append("")
            lines[-1] += piece
        return ("\n" + " " * (self.current_indent + 4)).join(lines)


# What a shell sets to ask for completions (click's name for chipfacts' variable).
COMPLETE_ENV = "_CHIPFACTS_COMPLETE"


class Context(click.Context):
    formatter_class = HelpFormatter


class Group(TyperGroup):
    """A group whose help fits the terminal (``HelpFormatter``) and cuts nothing."""

    context_class = Context

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its first sentence whole: click cuts it to fit one line
        with '...', though the list wraps its second column anyway."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


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
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.COMMANDS:
            return None
        module = import_module(self.COMMANDS[cmd_name])
        built: click.Command = typer.main.get_command(module.commands[cmd_name])
        built.name = cmd_name
        built.context_class = Context
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
        except click.exceptions.Abort:  # stdin closed at a prompt; Ctrl-C is entry.py's
            say("chipfacts: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except (ValueError, KeyError, IndexError):
            # click reads a shell's completion request unchecked (COMP_CWORD=abc).
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
            say(f"chipfacts: error: {error}", err=True)
            ctx.exit(error.exit_code)


def command_app() -> typer.Typer:
    """A Typer app holding one command, built on demand by ``ChipfactsGroup``."""
    return typer.Typer(
        cls=Group, rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False
    )


app = typer.Typer(
    cls=ChipfactsGroup,
    name="chipfacts",
    help=(
        "Look up sourced, quoted facts about AI chips, NICs, GPU clusters, quotas and spending.\n\n"
        "\b\nExamples:\n  chipfacts search maia\n  chipfacts search 微軟 配额\n"
        "  chipfacts compare maia100 mi300x\n  chipfacts show microsoft\n"
        "  chipfacts fact maia100-transistors\n  chipfacts list facts --entity maia100\n"
        "  chipfacts timeline\n  chipfacts conflicts\n"
    ),
    no_args_is_help=True,
    # Plain click errors and help: one clear line, and no rich import on these paths.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from chipfacts import __version__

        say(f"chipfacts {__version__}")
        raise typer.Exit()


if TYPE_CHECKING:
    _ParamType = click.ParamType[str, str]  # generic in click 8.2+, not in 8.1
else:
    _ParamType = click.ParamType


class PathText(_ParamType):
    """A path kept as the text given: a Path would turn '' into '.', and click.Path
    stats it on the way (ValueError on a NUL byte). Completes as a file name."""

    name = "path"

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


PATH_TEXT = PathText()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help="Fact file to read instead of the built-in store.",
            show_default=False,
            click_type=PATH_TEXT,
            metavar="PATH",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Read the fact files afresh, bypassing the cache."),
    ] = False,
    no_color: Annotated[
        bool,
        typer.Option("--no-color", help="No colours, whatever the terminal or FORCE_COLOR say."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager", help="Print long tables straight to the terminal, not through $PAGER."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Sourced, quoted facts about AI compute."""
    ctx.obj = Settings(data_path_option(data), not no_cache, no_color, not no_pager)


def data_path_option(value: object, option: str = "--data") -> Path | None:
    """--data as a path. An explicit empty one is a usage error, not the current
    directory read recursively (an empty $CHIPFACTS_DATA counts as unset)."""
    if value is None:
        return None
    if value == "":
        raise click.BadParameter("is empty; give a fact file or a directory", param_hint=option)
    return Path(os.fsdecode(value)) if isinstance(value, str | bytes | os.PathLike) else None


class Settings(NamedTuple):
    """The root options every command reads."""

    data: Path | None
    use_cache: bool
    no_color: bool = False
    pager: bool = True  # long tables on a terminal go through $PAGER (never when piped)


def settings(ctx: click.Context) -> Settings:
    """The root options, also during shell completion (when the root callback has not
    run, and ``--data`` given earlier on the line is still the raw text)."""
    root = ctx.find_root()
    if isinstance(root.obj, Settings):
        return root.obj
    try:
        data = data_path_option(root.params.get("data"))
    except click.BadParameter:
        data = None
    return Settings(data, not root.params.get("no_cache"))


def data_option(ctx: click.Context) -> Path | None:
    return settings(ctx).data


def load_store(ctx: click.Context) -> "Store":
    """The store --data names (or the built-in one), through the cache unless --no-cache."""
    from chipfacts.store.store import load

    options = settings(ctx)
    return load(options.data, use_cache=options.use_cache)


def index_for(ctx: click.Context) -> "SearchIndex":
    """The store, ready for lookups."""
    from chipfacts.search.engine import SearchIndex

    return SearchIndex(load_store(ctx))


def complete_entity(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: entity ids, or for a name typed in Chinese, that name.

    Typer keeps only completions that start with what was typed, so 微 completes
    to 微软 (which every command accepts) rather than to the id ``microsoft``.
    """
    try:
        store = load_store(ctx)
    except ChipfactsError:
        return []  # a broken store must not break the shell
    found = []
    for entity in store.entities.values():
        if entity.id.startswith(incomplete.casefold()):
            found.append(entity.id)
            continue
        names = (n for n in (entity.name, *entity.aliases) if " " not in n)
        match = next((n for n in names if n.startswith(incomplete)), None)
        if match is not None:
            found.append(match)
    return found


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format [default: table on a terminal, plain when piped].",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]


def table_view(name: str, *args: Any) -> Callable[[Any], Any]:
    """A builder for the rich view ``render_table.<name>(console, *args)``.

    The module is imported only if the table is drawn: a script asking for
    JSON never pays for rich. The view gets the records ``scrub``bed: every
    string in them made visible (see ``render.safe``), so no view can print
    a raw control character from a fact file or the query.
    """

    def build(console: Any) -> Any:
        from chipfacts.render import table as render_table

        return getattr(render_table, name)(console, *scrub(args))

    return build


def store_values(ctx: click.Context, values: Callable[["Store"], list[str]]) -> list[str]:
    """What the store offers for an option, for shell completion; nothing when the
    store cannot be read (a broken store must not break the shell)."""
    try:
        return values(load_store(ctx))
    except ChipfactsError:
        return []


def complete_kind(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the kinds in the store."""
    return [k for k in store_values(ctx, lambda s: s.kinds()) if k.startswith(incomplete)]


def complete_attribute(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: attribute ids."""
    ids = store_values(ctx, lambda s: list(s.attributes))
    return [a for a in ids if a.startswith(incomplete)]


def complete_source(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: source ids (file names also work, but ids are shorter)."""
    ids = store_values(ctx, lambda s: list(s.sources))
    return [a for a in ids if a.startswith(incomplete)]


# The filters search, list facts and timeline share. Each is repeatable and its
# values accumulate: --status claimed --status estimated keeps facts of either.
KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        help="Only entities of this kind: chip, nic, company, model, cluster… (repeatable).",
        show_default=False,
        autocompletion=complete_kind,
    ),
]
EntityFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--entity",
        "-e",
        help="Only facts about this entity (repeatable).",
        show_default=False,
        autocompletion=complete_entity,
    ),
]
AttributeFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--attribute",
        "-a",
        help="Only this attribute: id, label or synonym (repeatable).",
        show_default=False,
        autocompletion=complete_attribute,
    ),
]
SourceFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        help="Only facts from this source: id or file name (repeatable).",
        show_default=False,
        autocompletion=complete_source,
    ),
]
StatusFilter = Annotated[
    list[Status] | None,
    typer.Option(
        "--status",
        help="Only facts with this status (repeatable).",
        case_sensitive=False,
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Only facts as of this date or later: 2023, 2023-11 or 2023-11-15.",
        show_default=False,
        metavar="DATE",
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="Only facts as of this date or earlier (2023 includes 2023-12-31).",
        show_default=False,
        metavar="DATE",
    ),
]
DoubtOption = Annotated[
    bool | None,
    typer.Option(
        "--doubted/--no-doubted",
        help=(
            "--no-doubted hides facts known to be wrong, unconfirmed or misleading; "
            "--doubted shows only them [default: all, doubted ones marked ⚠]."
        ),
        show_default=False,
    ),
]
QuotesOption = Annotated[
    bool,
    typer.Option("--quotes", help="Show each fact's verbatim quote in the table."),
]
EntityArgument = Annotated[
    str,
    typer.Argument(
        help="An entity: id, name, alias or Chinese name.",
        show_default=False,
        metavar="ENTITY",
        autocompletion=complete_entity,
    ),
]


def _page(text: str) -> bool:
    """Show long output through a pager, as git does: $PAGER, else ``less`` with
    ``LESS=FRX`` unless $LESS is set (quit if one screen, keep colours, no clear).
    False when no pager can be started: $PAGER missing, not a program, or not
    parseable as a command line (then the caller prints). The pager's own exit
    status is its business, as in git."""
    import shlex
    import shutil

    from chipfacts.cli.pager_process import run_pager

    try:
        command = shlex.split(os.environ.get("PAGER") or "less")
    except ValueError:  # PAGER="'less" (no closing quotation): no pager, as if missing
        return False
    if not command or shutil.which(command[0]) is None:
        return False
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        run_pager(command, text, env)
    except OSError:
        return False
    return True


def output_format(requested: OutputFormat | None, as_json: bool) -> OutputFormat:
    return choose_format(requested, as_json, sys.stdout.isatty())


def emit(fmt: OutputFormat, output: Callable[[], Output], table: Callable[[Any], Any]) -> None:
    """Print a result: ``table(console)`` builds the rich view, ``output()`` the rest.

    Both are callables so that only the chosen one runs (and rich is imported
    only for a table). The table builder gets the console to fit its width.
    """
    if fmt is OutputFormat.TABLE:
        from rich.console import Console

        # rich honours NO_COLOR, FORCE_COLOR (which wins over NO_COLOR), TERM=dumb
        # and whether stdout is a terminal; --no-color wins over all of them.
        no_color = settings(click.get_current_context()).no_color
        # markup and emoji off: a name like "[link=file:///etc/passwd]x" or a query
        # like "maia [/x]" is text, shown as written, wherever a string reaches rich.
        console = (
            Console(color_system=None, markup=False, emoji=False)
            if no_color
            else Console(markup=False, emoji=False)
        )
        renderable = table(console)
        if settings(click.get_current_context()).pager and sys.stdout.isatty():
            with console.capture() as captured:
                console.print(renderable)
            text = captured.get()
            if text.count("\n") > console.height and _page(text):
                return
            sys.stdout.write(text)
            return
        console.print(renderable)
        return
    # JSON is indented for a person at a terminal and compact when piped (as gh
    # does): scripts and jq do not need the indent, and it costs the C encoder.
    if fmt is OutputFormat.JSON and sys.stdout.isatty():
        from chipfacts.render.output import render_pretty_json

        text = render_pretty_json(output())
    else:
        text = TEXT_RENDERERS[fmt](output())
    if text:
        say(text)
