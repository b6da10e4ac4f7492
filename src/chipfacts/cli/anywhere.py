"""The root options a command also takes after its name: ``chipfacts search maia
--no-color`` as well as ``chipfacts --no-color search maia``.

The root parses them before the command's name; each command gets the same
options (added when it is built), which record what they are given in the
context's ``meta`` for ``settings`` to read. They have no environment variable
there: $CHIPFACTS_DATA must not win over a ``--data`` given before the command.
"""

from typing import Any

import click

from chipfacts.cli.options import PATH_TEXT
from chipfacts.cli.settings import AFTER_COMMAND, data_path_option

DATA_HELP = "Fact file to read instead of the built-in store."
NO_CACHE_HELP = "Read the fact files afresh, bypassing the cache."
NO_COLOR_HELP = "No colours, whatever the terminal or FORCE_COLOR say."
NO_PAGER_HELP = "Print long tables straight to the terminal, not through $PAGER."


def _record(field: str, convert: Any) -> Any:
    """A callback keeping an option's value, when given, as ``Settings.<field>``."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        if value is None or value is False:
            return
        ctx.meta.setdefault(AFTER_COMMAND, {})[field] = convert(value)

    return callback


def root_options() -> list[click.Option]:
    """The root options, for a command to take after its name."""
    return [
        click.Option(
            ["--data"],
            type=PATH_TEXT,
            metavar="PATH",
            help=DATA_HELP,
            expose_value=False,
            callback=_record("data", data_path_option),
        ),
        click.Option(
            ["--no-cache"],
            is_flag=True,
            help=NO_CACHE_HELP,
            expose_value=False,
            callback=_record("use_cache", lambda _: False),
        ),
        click.Option(
            ["--no-color"],
            is_flag=True,
            help=NO_COLOR_HELP,
            expose_value=False,
            callback=_record("no_color", lambda _: True),
        ),
        click.Option(
            ["--no-pager"],
            is_flag=True,
            help=NO_PAGER_HELP,
            expose_value=False,
            callback=_record("pager", lambda _: False),
        ),
    ]
