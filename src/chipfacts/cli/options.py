"""The options and arguments several commands share, as typer annotations."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from click.shell_completion import CompletionItem

from chipfacts.cli.completion import (
    complete_attribute,
    complete_entity,
    complete_fact,
    complete_fields,
    complete_kind,
    complete_source,
)
from chipfacts.model.records import Status
from chipfacts.render.output import OutputFormat

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
        return [CompletionItem(incomplete, type="file")]


PATH_TEXT = PathText()


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


class TimelineFormat(StrEnum):
    """The output formats, and a chart's: a Vega-Lite spec (`timeline` draws one)."""

    TABLE = "table"
    PLAIN = "plain"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    VEGA_LITE = "vega-lite"


# The root's --format: the default of the command's own, so any value one of them
# takes (the command then checks it is one of its own).
RootFormatOption = Annotated[
    TimelineFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format of the command (its --format, given before it).",
        case_sensitive=False,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        help="Only these fields of each record, comma-separated: id,display,source.file.",
        show_default=False,
        metavar="FIELD,...",
        autocompletion=complete_fields,
    ),
]
AllOption = Annotated[bool, typer.Option("--all", help="Show every fact found: no limit.")]


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

# The store a checking command reads (validate, lint): given here, or as --data.
StorePathArgument = Annotated[
    str | None,
    typer.Argument(
        click_type=PATH_TEXT,
        help="Fact file or directory (default: --data, $CHIPFACTS_DATA, the built-in store).",
        show_default=False,
        metavar="[PATH]",
    ),
]

# The facts a command shows whole (fact, cite), by id.
FactIdsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Fact ids, as search, show and list print them.",
        show_default=False,
        metavar="ID...",
        autocompletion=complete_fact,
    ),
]
