"""Help laid out for any terminal from 40 columns: the formatter, and the context,
group and command classes every command uses to get it."""

# No `from __future__ import annotations` here: typer would have to compile every
# string annotation on each run, which costs more than evaluating them once.

import re
from collections.abc import Iterable

import click
from typer.core import TyperCommand, TyperGroup

from chipfacts.cli.terminal import terminal


class HelpFormatter(click.HelpFormatter):
    """click's help, fitted to any terminal from 40 columns.

    click never lays help out narrower than 50 columns, gives option names up
    to 30 of them, and prints example paragraphs (``\\b``) as written however
    long. Here the help takes the terminal's width, option names a third of it,
    and an example too long for a line continues on the next with `` \\``, as a
    shell reads it: still one command to copy and paste.
    """

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


class Context(click.Context):
    formatter_class = HelpFormatter

    def make_formatter(self) -> click.HelpFormatter:
        """Help as wide as the terminal the app was given (from 40 columns: click's
        own formatter never goes below 50)."""
        width = self.terminal_width
        if width is None:
            width = max(min(terminal(self).columns, self.max_content_width or 80) - 2, 20)
        return self.formatter_class(width=width, max_width=self.max_content_width)


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


class Subcommand(TyperCommand):
    """A command whose help lists each argument once, under "Arguments".

    typer lists the arguments under "Arguments" (in ``format_options``, before
    the options), and click 8.5 lists them again under "Positional arguments"
    (``format_arguments``, which click before 8.5 does not have): typer's list
    is the one kept, as it is there with every click the tool allows.
    """

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Nothing: ``format_options`` has listed the arguments."""
