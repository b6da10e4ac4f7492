"""A command is a module of ``chipfacts.cli`` that declares one: nothing else lists it,
and running one command imports no other command's module."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from chipfacts.cli.group import command_names
from tests.conftest import Cli, _command

HELLO = '''"""`chipfacts hello`: a command made by a test."""

import typer

from chipfacts.cli.group import Command, command_app
from chipfacts.render.safe import say

HELLO_APP = command_app()


@HELLO_APP.command()
def hello(name: str) -> None:
    """Greet someone by name."""
    say(f"hello {name}")


command = Command(HELLO_APP, listed=35)
'''


@pytest.fixture
def hello(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A new module `hello.py` among chipfacts.cli's (in a directory of the package's
    path, so the source tree is left as it is)."""
    (tmp_path / "hello.py").write_text(HELLO, encoding="utf-8")
    package = sys.modules["chipfacts.cli"]
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(tmp_path)])
    importlib.invalidate_caches()
    yield
    sys.modules.pop("chipfacts.cli.hello", None)
    _command()._built.pop("hello", None)  # type: ignore[attr-defined]  # the group's memo


def _listed(cli: Cli) -> list[str]:
    result = cli("--help", columns=200)
    assert result.code == 0
    rows = result.out.split("Commands:", 1)[1].splitlines()
    return [row.split()[0] for row in rows if row.startswith("  ") and row[2] != " "]


def test_help_lists_the_commands_their_modules_declare_in_their_order(cli: Cli) -> None:
    assert _listed(cli) == command_names()
    assert command_names()[:3] == ["search", "compare", "show"]  # most used first


@pytest.mark.usefixtures("hello")
def test_a_new_module_is_a_new_command(cli: Cli) -> None:
    listed = _listed(cli)
    assert listed[listed.index("show") + 1] == "hello"  # listed=35: after show (30)
    assert re.search(r"^  hello +Greet someone by name\.$", cli("--help").out, re.M)
    assert cli("hello", "world") == (0, "hello world\n", "")
    mistyped = cli("helo", "world")
    assert mistyped.code == 2 and "Did you mean 'hello'?" in mistyped.err


def test_a_module_that_declares_no_command_is_none(cli: Cli) -> None:
    for name in ("group", "emit", "no-such-module", "__init__", "a.b"):
        result = cli(name)
        assert result.code == 2 and f"No such command '{name}'" in result.err


PROBE = (
    "import sys, io, contextlib\n"
    "sys.argv = ['chipfacts', *sys.argv[1:]]\n"
    "from chipfacts.entry import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    try:\n        main()\n    except SystemExit:\n        pass\n"
)


def test_help_lists_every_command_without_their_work() -> None:
    """`chipfacts --help` imports every command module for its line, and none of the
    views, searching or store reading those commands do."""
    probe = PROBE + (
        "print(sorted(m for m in sys.modules if m.startswith(('chipfacts.views', "
        "'chipfacts.search', 'chipfacts.store.store', 'chipfacts.draft', 'chipfacts.lint', "
        "'chipfacts.dataset', 'rich'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "--help"], capture_output=True, text=True, check=True
    )
    # (list's --sort takes its choices from the views' sorting: an enum, nothing more)
    assert result.stdout == "['chipfacts.views', 'chipfacts.views.sorting']\n"


def test_a_command_imports_no_other_commands_module() -> None:
    probe = PROBE + (
        "from chipfacts.cli.group import Command\n"
        "print(sorted(n for n, m in list(sys.modules.items()) if n.startswith('chipfacts.cli.')"
        " and isinstance(getattr(m, 'command', None), Command)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "search", "maia", "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout == "['chipfacts.cli.search']\n"


def test_a_command_is_built_once_and_no_run_changes_it(cli: Cli) -> None:
    """Root options given before the name are that run's: the command, built once for
    the process, keeps its own defaults for the next run."""
    first = cli("--format", "json", "search", "maia", "-n", "1")
    second = cli("search", "maia", "-n", "1")
    assert first.out.startswith("[{") and second.out.startswith("maia")
    assert cli("--json", "search", "maia", "-n", "1").out == first.out


@pytest.mark.parametrize(
    "command", [*(name for name in command_names() if name != "cache"), "sources add"]
)
def test_every_argument_is_explained_in_help(command: str, cli: Cli) -> None:
    """Each argument's row in `--help` says what it is, not only that it is required."""
    code, out, _ = cli(*command.split(), "--help", columns=200)
    assert code == 0
    section = out.split("Arguments:\n", 1)[1].split("\n\n", 1)[0] if "Arguments:" in out else ""
    rows = re.split(r"\n(?=  \S)", section)  # a row's wrapped lines are indented deeper
    assert rows and rows[0].strip()
    for row in rows:
        metavar, _, explained = row.strip().partition("  ")
        assert explained.replace("[required]", "").strip(), f"{command}: {metavar} unexplained"


def _arguments() -> list[tuple[str, str]]:
    """Every argument of every command, a group's commands too: (the words that run
    the command, the argument's metavar)."""
    root = _command()
    assert isinstance(root, click.Group)
    found = []
    for name in command_names():
        command = root.get_command(click.Context(root), name)
        assert command is not None
        subcommands = getattr(command, "commands", {})
        for path, each in [(name, command), *((f"{name} {s}", c) for s, c in subcommands.items())]:
            for param in each.params:
                if isinstance(param, click.Argument):
                    found.append((path, param.make_metavar(click.Context(each))))
    return found


def _sections(page: str) -> dict[str, list[str]]:
    """The terms each section of a help page lists: {"Options": ["--all", …], …}."""
    sections: dict[str, list[str]] = {}
    terms: list[str] = []  # the usage and the command's text, before any section
    for line in page.splitlines():
        if re.fullmatch(r"\S.*:", line):
            terms = sections.setdefault(line.removesuffix(":"), [])
        elif re.match(r"  \S", line):
            terms.append(line.strip().split("  ")[0])
    return sections


@pytest.mark.parametrize(("command", "metavar"), _arguments())
def test_help_lists_each_argument_once(command: str, metavar: str, cli: Cli) -> None:
    """Piped or at a terminal, whatever sections the click in use adds to typer's."""
    for tty in (False, True):
        code, out, _ = cli(*command.split(), "--help", tty=tty, columns=200)
        assert code == 0
        listing = [name for name, terms in _sections(out).items() if metavar in terms]
        assert listing == ["Arguments"], f"{command} --help (tty={tty}):\n{out}"
