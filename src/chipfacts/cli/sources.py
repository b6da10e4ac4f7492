"""`chipfacts sources [SOURCE]` and `chipfacts sources add FILE`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from pathlib import Path
from typing import Annotated, Any

import click
import typer

from chipfacts.cli.completion import complete_source_or_subcommand
from chipfacts.cli.emit import emit, output_format, table_view
from chipfacts.cli.group import Command
from chipfacts.cli.help import Context, Group
from chipfacts.cli.options import PATH_TEXT, FieldsOption, FormatOption, JsonOption
from chipfacts.cli.settings import data_option, load_store
from chipfacts.cli.terminal import terminal
from chipfacts.errors import UsageError
from chipfacts.render.safe import say, visible
from chipfacts.store.locate import editable_path


class _Listing(Context):
    """The listing's context: its path is the group's (`chipfacts sources`), in
    usage lines and errors alike, since the name it runs under is not typed."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else super().command_path


class SourcesGroup(Group):
    """`sources` lists (its default command) unless the first argument is a
    subcommand: `chipfacts sources 004` lists, `chipfacts sources add FILE` adds.
    Its help is the listing's, followed by the subcommands."""

    DEFAULT = "list"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands[self.DEFAULT].context_class = _Listing

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.DEFAULT, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        listing = self.commands[self.DEFAULT]
        with listing.make_context(self.DEFAULT, [], parent=ctx) as inner:
            listing.format_help(inner, formatter)
        self.format_commands(ctx, formatter)


SOURCES_APP = typer.Typer(
    cls=SourcesGroup,
    # the line `chipfacts --help` lists; `sources --help` shows the listing's help
    help="The source documents and how many facts cite each; `sources add FILE` registers one.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@SOURCES_APP.command(name=SourcesGroup.DEFAULT, hidden=True)
def listing(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(
            help="A source id or file name: show its facts.",
            show_default=False,
            metavar="[SOURCE]",
            autocompletion=complete_source_or_subcommand,
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """The source documents, with publisher, date, language and how many facts cite each.

    \b
    Examples:
      chipfacts sources
      chipfacts sources ithome-2025-09
      chipfacts sources 004
    """
    # lazy: --help imports all commands; only `sources` needs its view (20 ms)
    from chipfacts.render.serialize import source_facts_output, sources_output
    from chipfacts.search.resolve import find_source
    from chipfacts.store.store import FactFilter
    from chipfacts.views.browse import counts

    output = output_format(ctx, fmt, as_json, fields)
    store = load_store(ctx)
    if source is None:
        documents = list(store.sources.values())
        tally = counts(store).source

        view = table_view("sources_view", documents, tally)
        emit(output, lambda: sources_output(documents, tally), view, fields)
        return
    found = find_source(store, source)
    facts = store.select_facts(FactFilter(sources=[found.id]))

    view = table_view("source_view", found, facts)
    emit(output, lambda: source_facts_output(found, facts), view, fields)


def _ask(ctx: click.Context, value: str | None, option: str, what: str) -> str:
    """An option's value; asked for at a terminal, a usage error elsewhere (a script
    must never hang on a prompt)."""
    if value is not None:
        return value
    if terminal(ctx).stdin_is_tty:
        asked: str = click.prompt(what)
        return asked
    raise UsageError(f"missing {option} (it is asked for only at a terminal)")


@SOURCES_APP.command()
def add(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(click_type=PATH_TEXT, help="The source text (UTF-8).", show_default=False),
    ],
    ident: Annotated[
        str | None,
        typer.Option("--id", help="Its id (default: from the file name).", show_default=False),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(help="Its title (default: the text's first line).", show_default=False),
    ] = None,
    title_en: Annotated[
        str | None, typer.Option("--title-en", help="The title in English.", show_default=False)
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option(help="The publisher, as printed in the text.", show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="When it was published: YYYY, YYYY-MM or YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(help="zh-Hans, zh-Hant or en (default: from its script).", show_default=False),
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where it was read.", show_default=False)] = None,
    note: Annotated[
        str | None, typer.Option(help="A note for curators.", show_default=False)
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="The directory of source texts FILE is in (default: FILE's directory).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the entry; write nothing.")
    ] = False,
) -> None:
    """Register a source text in the store's fact file, with its sha256.

    The entry is printed and inserted at the end of the 'sources:' list; the rest
    of the file is left as it is. Publisher and date are asked for at a terminal
    and required elsewhere. A source whose id, file or text is already registered
    is refused (exit 6).

    \b
    Examples:
      chipfacts sources add ../shared/sources/005_article.txt \\
        --publisher "IT之家" --date 2025-10-01
      chipfacts --data my-facts.yaml sources add article.txt --id ithome-2025-10 \\
        --publisher "IT之家" --date 2025-10 --url https://example.com/article
    """
    # lazy: only `sources add` writes a fact file (23 ms)
    from chipfacts.store.register import describe, editing, register

    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")
    text = Path(file)
    location = editable_path(data_option(ctx))
    load_store(ctx)  # a store with problems is refused before anything is asked
    source = describe(
        text, sources, ident=ident, title=title, title_en=title_en, url=url, note=note,
        publisher=_ask(ctx, publisher, "--publisher", "Publisher"),
        published=_ask(ctx, date, "--date", "Published (YYYY-MM-DD)"), language=language,
    )  # fmt: skip
    sources_dir = (sources or text.parent).resolve()
    with editing(location):  # read again inside: another add may have written meanwhile
        added = register(load_store(ctx), location, source, sources_dir, dry_run=dry_run)
    say(added.text.rstrip("\n"))
    done = "would add" if dry_run else "added"
    where = f"{visible(str(added.path))}:{added.line}"
    say(f"{done} source {source.id!r} to {where}" + (" (nothing written)" if dry_run else ""),
        err=True)  # fmt: skip


command = Command(SOURCES_APP, listed=70)
