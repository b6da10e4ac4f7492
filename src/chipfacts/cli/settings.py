"""The root options every command reads (``Settings``), and the store they name."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

if TYPE_CHECKING:
    from chipfacts.cli.terminal import Terminal

    # lazy: --help, completion and `validate` never search (3.5 ms)
    from chipfacts.search.index import SearchIndex
    from chipfacts.store.store import Store


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
    # What the app was given to print to (see ``cli.terminal``); None during shell
    # completion, before the root callback has run.
    terminal: "Terminal | None" = None


# Where the root options given after the command are kept (``ctx.meta`` is shared
# by a context and all its children), by ``Settings`` field.
AFTER_COMMAND = "chipfacts.after_command"


def settings(ctx: click.Context) -> Settings:
    """The root options, given before the command or after it (the later wins), also
    during shell completion (when the root callback has not run, and ``--data``
    given earlier on the line is still the raw text)."""
    root = ctx.find_root()
    if isinstance(root.obj, Settings):
        given = root.obj
    else:
        try:
            data = data_path_option(root.params.get("data"))
        except click.BadParameter:
            data = None
        given = Settings(data, not root.params.get("no_cache"))
    after = ctx.meta.get(AFTER_COMMAND)
    return given._replace(**after) if after else given


def data_option(ctx: click.Context) -> Path | None:
    return settings(ctx).data


def load_store(ctx: click.Context) -> "Store":
    """The store --data names (or the built-in one), through the cache unless --no-cache."""
    # lazy: --help, completion and `cache` never open a store (10 ms)
    from chipfacts.store.store import load

    options = settings(ctx)
    return load(options.data, use_cache=options.use_cache)


def index_for(ctx: click.Context) -> "SearchIndex":
    """The store, ready for lookups."""
    # lazy: --help, completion and `validate` never search (3.5 ms)
    from chipfacts.search.index import SearchIndex

    return SearchIndex(load_store(ctx))
