"""`chipfacts draft ARTICLE`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chipfacts.cli.group import Command, command_app
from chipfacts.cli.settings import load_store
from chipfacts.errors import DuplicateError, UsageError
from chipfacts.render.safe import json_safe, say

DRAFT_APP = command_app()


class DraftFormat(StrEnum):
    YAML = "yaml"
    JSON = "json"


@DRAFT_APP.command()
def draft(
    ctx: typer.Context,
    article: Annotated[
        Path,
        typer.Argument(
            help="The article: a UTF-8 text or Markdown file (Chinese or English).",
            show_default=False,
            metavar="ARTICLE",
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="A source already in the store (id or file name).", show_default=False
        ),
    ] = None,
    source_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="A new source's id (default: from the file name).", show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="A new source's title (default: its first line).", show_default=False
        ),
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option("--publisher", help="A new source's publisher.", show_default=False),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="A new source's date, YYYY[-MM[-DD]]: relative dates (去年) follow it.",
            show_default=False,
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="A new source's URL.", show_default=False)
    ] = None,
    clauses: Annotated[
        bool,
        typer.Option(
            "--clauses/--no-clauses",
            help="Text facts from clauses that name an entity and a claim's word "
            "(--no-clauses: numbers, dates and titles only).",
        ),
    ] = True,
    fmt: Annotated[
        DraftFormat, typer.Option("--format", "-f", help="yaml (to paste) or json (for tools).")
    ] = DraftFormat.YAML,
    as_json: Annotated[bool, typer.Option("--json", help="Short for --format json.")] = False,
) -> None:
    """Draft candidate facts from an article, for review and pasting into a fact file.

    Numbers, dates and people's titles, and text facts from clauses that name an
    entity and a word for a kind of claim (--no-clauses leaves them out). Each
    candidate has a verbatim
    quote, an entity and attribute from the store, the
    value with its bound and unit, a status, claimed_by and as_of from the sentence's
    cue words, a confidence, and its class against the store (NEW, SAME,
    CORROBORATES, CONFLICTS). A comment names every field that needs a decision.

    \b
    Examples:
      chipfacts draft 003_3ec83d412b941483.txt --source ithome-2025-09
      chipfacts draft article.md --id example-2025-10 --date 2025-10-02 --publisher Example
      chipfacts draft article.txt --date 2025-10 --format json | jq '.[].fact.quote'
      chipfacts draft article.txt --date 2025-10 --no-clauses
    """
    # lazy: --help imports all commands; only `draft` drafts (30 ms)
    from chipfacts.draft.emit import to_json, to_yaml
    from chipfacts.draft.run import SourceOptions, new_source
    from chipfacts.draft.run import draft as run_draft
    from chipfacts.search.resolve import find_source

    store = load_store(ctx)
    if source is not None:
        if any(v is not None for v in (source_id, title, publisher, date, url)):
            raise UsageError(
                "--source names a registered source: "
                "give no --id, --title, --publisher, --date or --url with it"
            )
        known, register = find_source(store, source), None
    else:
        if date is None:
            raise UsageError(
                "give the article's date (--date YYYY-MM-DD), or --source for a known one"
            )
        options = SourceOptions(source_id, title, publisher, date, url)
        known, register = new_source(article, options)
        # The same text registered already: a draft under a second id would offer
        # its own facts back as corroboration from "another" source.
        same = [s for s in store.sources.values() if s.sha256 and s.sha256 == known.sha256]
        if same:
            known, register = same[0], None
            say(
                f"chipfacts: note: {article.name} is registered as source '{known.id}'; "
                f"drafting it as --source {known.id}",
                err=True,
            )
        else:
            # another text under a registered id or file name would not validate
            for other in store.sources.values():
                if known.id == other.id or known.file == other.file:
                    raise DuplicateError(
                        f"the store has a source {other.id!r} ({other.file}) with other text; "
                        "give the article another --id and file name"
                    )
    result = run_draft(store, article, known, clauses)
    if as_json or fmt is DraftFormat.JSON:
        # JSON's own escapes for the characters a terminal would obey (json_safe):
        # the output stays valid JSON, and lossless
        say(json_safe(to_json(result.classified, result.ids, known)))
    else:
        say(to_yaml(result.classified, result.ids, known, register).rstrip("\n"))


command = Command(DRAFT_APP, listed=150)
