"""`chipfacts cache clear` and `chipfacts cache path`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from chipfacts.cli.group import Command, command_app
from chipfacts.errors import writing
from chipfacts.render.safe import say, visible

CACHE_APP = command_app()
CACHE_APP.info.help = (
    "The cache of compiled stores, one SQLite database each "
    "(rebuilt on its own when a fact file changes).\n\n"
    "\b\nExamples:\n  chipfacts cache path\n  chipfacts cache clear\n"
)


@CACHE_APP.command()
def clear() -> None:
    """Remove every cached store; the next lookup rebuilds what it needs.

    \b
    Examples:
      chipfacts cache clear
    """
    # lazy: --help imports all commands; only `cache` needs sqlite3 (3.5 ms)
    from chipfacts.store.database import cache_dir
    from chipfacts.store.database import clear as clear_cache

    with writing(f"the cache directory {cache_dir()}"):
        entries, size = clear_cache()
    say(f"removed {entries} cache entries ({size:,} bytes) from {cache_dir()}", err=True)


@CACHE_APP.command()
def path() -> None:
    """Print where the cache lives ($CHIPFACTS_CACHE_DIR overrides it).

    \b
    Examples:
      chipfacts cache path
    """
    # lazy: --help imports all commands; only `cache` needs sqlite3 (3.5 ms)
    from chipfacts.store.database import cache_dir

    say(visible(str(cache_dir())))


command = Command(CACHE_APP, listed=120)
