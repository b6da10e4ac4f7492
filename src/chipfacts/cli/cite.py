"""`chipfacts cite ID...`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from pathlib import Path
from typing import Annotated

import typer

from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import FactIdsArgument
from chipfacts.cli.settings import load_store
from chipfacts.cli.validate import SOURCES_ENV
from chipfacts.render.cite import RENDERERS, CiteStyle
from chipfacts.render.safe import say

CITE_APP = command_app()


@CITE_APP.command()
def cite(
    ctx: typer.Context,
    ids: FactIdsArgument,
    style: Annotated[
        CiteStyle,
        typer.Option("--style", "-s", help="How to write each citation.", case_sensitive=False),
    ] = CiteStyle.PLAIN,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            envvar=SOURCES_ENV,
            help="Directory of source texts; given it, each citation gives the quote's line.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Cite facts: the publisher, the original title and its English rendering, the
    date, the URL when known, the file (and line) of the quote, the quote and its
    English rendering. Styles: plain, markdown, bibtex, csl-json (for Zotero, Pandoc).

    \b
    Examples:
      chipfacts cite maia100-transistors
      chipfacts cite maia100-transistors --sources ../shared/sources --style markdown
      chipfacts cite maia100-transistors mi300x-transistors --style bibtex > chips.bib
      chipfacts cite maia100-transistors --style csl-json
    """
    # lazy: --help imports all commands; only `cite` needs its view (25 ms)
    from chipfacts.views.cite import citations

    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")
    found = citations(load_store(ctx), ids, sources)
    say(RENDERERS[style](found))


command = Command(CITE_APP, listed=90)
