"""`chipfacts lint`."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from chipfacts.cli.group import Command, command_app
from chipfacts.cli.options import StorePathArgument
from chipfacts.cli.settings import data_option, data_path_option
from chipfacts.cli.validate import SOURCES_ENV
from chipfacts.errors import ExitCode
from chipfacts.render.display import count_noun
from chipfacts.render.safe import say, visible

if TYPE_CHECKING:
    from chipfacts.lint.run import LintReport

LINT_APP = command_app()


class LintFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def _as_text(report: "LintReport") -> str:
    return "\n".join(visible(str(finding)) for finding in report.findings)


def _as_json(report: "LintReport") -> str:
    records = [
        {"file": f.file, "line": f.line, "rule": f.rule.value, "fact": f.fact, "message": f.message}
        for f in report.findings
    ]
    return json.dumps(records, ensure_ascii=False, indent=2)


RENDERERS: dict[LintFormat, Callable[["LintReport"], str]] = {
    LintFormat.TEXT: _as_text,
    LintFormat.JSON: _as_json,
}


@LINT_APP.command()
def lint(
    ctx: typer.Context,
    path: StorePathArgument = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            envvar=SOURCES_ENV,
            help="Directory of source texts (required: the lint reads each quote's sentence).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        LintFormat, typer.Option("--format", "-f", help="text: file:line: rule: message; json.")
    ] = LintFormat.TEXT,
) -> None:
    """Check each fact's fields against the cue words of its quote's sentence.

    Reports, one per line as file:line: rule: fact: message, facts whose status,
    bound, date or claimant disagree with the sentence's cue words (hearsay,
    earlier, expected, planned, said, about, more than) and contradictions in the
    store without a doubt or a note. Exits 1 when it finds any; a fact can carry
    a reasoned exception, lint: {ignore: [rule], why: ...}.

    \b
    Examples:
      chipfacts lint data/facts.yaml --sources ../shared/sources
      chipfacts lint --sources ../shared/sources --format json
    """
    # lazy: --help imports all commands; only `lint` needs the lint (30 ms)
    from chipfacts.lint.run import lint as run_lint

    if sources is None:
        raise click.MissingParameter(
            "Lint reads each quote's sentence in its source: give the directory of "
            "source texts (or set CHIPFACTS_SOURCES)",
            param_hint="'--sources'",
            param_type="option",
        )
    if not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")
    given = data_path_option(path, "PATH")
    report = run_lint(given if given is not None else data_option(ctx), sources)
    rendered = RENDERERS[fmt](report)
    if rendered:
        say(rendered)
    excused = f"{count_noun(report.excused, 'finding')} excused by reasoned exceptions"
    if report.findings:
        found = count_noun(len(report.findings), "finding")
        say(f"{visible(report.path)}: {found}; {excused}", err=True)
        raise typer.Exit(ExitCode.NOT_FOUND)
    if fmt is LintFormat.TEXT:
        facts = count_noun(report.facts, "fact")
        say(f"{visible(report.path)}: ok: {facts}, no findings; {excused}")


command = Command(LINT_APP, listed=140)
