"""Shell completion of option values and arguments, from the store."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from collections.abc import Callable
from typing import TYPE_CHECKING

import click
import typer

from chipfacts.cli.settings import load_store
from chipfacts.errors import ChipfactsError

if TYPE_CHECKING:
    from chipfacts.store.store import Store


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


def complete_source_or_subcommand(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for `chipfacts sources`: the group's subcommands (``add``),
    then source ids, since the first word lists a source unless it names one."""
    group = ctx.parent.command if ctx.parent is not None else None
    names = []
    if ctx.parent is not None and isinstance(group, click.Group):
        for name in group.list_commands(ctx.parent):
            command = group.get_command(ctx.parent, name)
            if command is not None and not command.hidden and name.startswith(incomplete):
                names.append(name)
    return names + complete_source(ctx, incomplete)


def complete_fields(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the fields of the command's records, after any already given
    (``id,dis`` completes to ``id,display``)."""
    # lazy: only completing --fields needs the records' shapes (3 ms)
    from chipfacts.render.empty import empty_output
    from chipfacts.render.fields import field_names

    command = ctx.command.name or ""
    what = ctx.params.get({"list": "what", "sources": "source"}.get(command, ""))
    if what is None and ctx.args and command in ("list", "sources"):
        # Completing an option's value, click leaves the arguments before it unparsed.
        what = ctx.args[0]
    names = field_names(empty_output(command, None if what is None else str(what)))
    given, _, last = incomplete.rpartition(",")
    prefix = given + "," if given else ""
    taken = set(given.split(","))
    return [prefix + n for n in names if n.startswith(last) and n not in taken]


def complete_fact(ctx: click.Context, incomplete: str) -> list[str]:
    """Shell completion: fact ids."""
    return store_values(
        ctx, lambda s: [i for i in s.fact_ids_near(incomplete, 200) if i.startswith(incomplete)]
    )
