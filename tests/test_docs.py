"""The README tells the truth (issue 9, point 9), as sqlite-utils' tests/test_docs.py
keeps its docs honest.

Every ```console block of the README is run, each `$ ` line as a reader would
type it (tables on the terminal, plain lines into a pipe), 100 columns wide,
without colour, from the root of the checkout, and its output must be exactly
what the README shows under it. The default run runs `chipfacts ARGS` (alone or
piped into cut, jq or grep, the real tools) in this process on a terminal of the
test's making; what only a shell does (&&, redirections, globs) runs in a shell.
The slow run (``pytest -m slow``, in CI) runs every line through a shell in a
pseudo-terminal. After an intended change, ``CHIPFACTS_REGEN_README=1 pytest
tests/test_docs.py`` rewrites the blocks with the real output: read the diff
before committing it.

And every command of the registry is documented in the README and has a --help
with examples, one per line.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chipfacts.cli.group import command_names
from tests.conftest import REPO, Cli, run_shown

README = REPO / "README.md"
REGENERATE = os.environ.get("CHIPFACTS_REGEN_README") == "1"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.DOTALL | re.MULTILINE)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for every `$ ` line of every console block."""
    found = []
    for block in BLOCK.finditer(text):
        command: str | None = None
        output: list[str] = []
        for line in block.group(1).splitlines():
            if line.startswith("$ "):
                if command is not None:
                    found.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            found.append((command, "\n".join(output)))
    return found


def run_in_terminal(command: str) -> str:
    """The command's output (stdout and stderr) as a 100-column terminal shows it."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO / "src"),
        "COLUMNS": "100",
        "LINES": "50",
        "NO_COLOR": "1",
        "TERM": "xterm",
        "PAGER": "cat",
    }
    for name in ("FORCE_COLOR", "CHIPFACTS_DATA", "CHIPFACTS_SOURCES"):
        env.pop(name, None)
    result = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    text = ANSI.sub("", result.stdout).replace("\r\n", "\n").replace("\r", "")
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n")


EXAMPLES = examples(README.read_text(encoding="utf-8"))
needs_script = pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1)")


# The tools a README line may pipe chipfacts' output into and still run here.
FILTERS = {"cut", "jq", "grep"}


def pipeline(command: str) -> list[list[str]] | None:
    """``chipfacts ARGS`` and the filters it is piped into, when that is all the line
    asks of a shell; None for anything else a shell does (&&, ;, redirections,
    globs, variables, another program first)."""
    if any(mark in command for mark in "$`*~"):
        return None
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        words = list(lexer)
    except ValueError:  # unbalanced quotes: the shell's to say
        return None
    commands: list[list[str]] = [[]]
    for word in words:
        if word == "|":
            commands.append([])
        elif word and set(word) <= set("&;<>()|"):
            return None
        else:
            commands[-1].append(word)
    first, *filters = commands
    if first[:1] != ["chipfacts"] or any(f[:1] not in ([t] for t in FILTERS) for f in filters):
        return None
    return commands


def run_here(commands: list[list[str]]) -> str:
    """A pipeline's output as the terminal of ``run_in_terminal`` shows it: chipfacts
    runs in this process (stdout a terminal, or a pipe into the filters); its
    messages reach the terminal first, as the filters' output comes when its
    stdout is flushed at exit."""
    (_, *args), *filters = commands
    # $PAGER is `cat` there, which shows what it is given: here, no pager at all.
    env = {"NO_COLOR": "1", "TERM": "xterm", "PAGER": "chipfacts-tests-no-pager"}
    run, shown = run_shown(*args, tty=not filters, columns=100, lines=50, env=env)
    if filters:
        piped = run.out
        for each in filters:
            piped = subprocess.run(
                each, input=piped, capture_output=True, text=True, cwd=REPO, check=False
            ).stdout
        shown = run.err + piped
    shown = ANSI.sub("", shown)  # bold and italics, which NO_COLOR leaves on
    return "\n".join(line.rstrip() for line in shown.splitlines()).rstrip("\n")


def _needs_sources(command: str) -> None:
    if "../shared/sources" in command and not (REPO.parent / "shared" / "sources").is_dir():
        pytest.skip("the source texts are not at ../shared/sources")


@pytest.mark.skipif(REGENERATE, reason="regenerating the README")
@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_console_examples_are_real_output(
    command: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _needs_sources(command)
    commands = pipeline(command)
    if commands is None:
        if shutil.which("script") is None:
            pytest.skip("needs script(1)")
        assert run_in_terminal(command) == expected
        return
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert run_here(commands) == expected


@pytest.mark.slow
@needs_script
@pytest.mark.skipif(REGENERATE, reason="regenerating the README")
@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_console_examples_in_a_real_terminal(command: str, expected: str) -> None:
    _needs_sources(command)
    assert run_in_terminal(command) == expected


def test_the_examples_run_here_are_the_plain_ones() -> None:
    """What a shell does is left to a shell; a plain command or a pipe into a filter
    runs here."""
    assert pipeline("chipfacts search 'a b' -n 1 | cut -f 2-4") == [
        ["chipfacts", "search", "a b", "-n", "1"], ["cut", "-f", "2-4"]
    ]  # fmt: skip
    assert pipeline("chipfacts conflicts --json | jq -r '.[] | @tsv'") == [
        ["chipfacts", "conflicts", "--json"], ["jq", "-r", ".[] | @tsv"]
    ]  # fmt: skip
    for shell in (
        "chipfacts draft a.md > out.yaml", "rm -rf x && chipfacts validate x",
        "cp *.txt d/", "chipfacts search $HOME", "chipfacts search x | sort",
        "echo x >> f", "chipfacts search x; chipfacts search y",
    ):  # fmt: skip
        assert pipeline(shell) is None, shell
    ran_here = [c for c, _ in EXAMPLES if pipeline(c) is not None]
    assert len(ran_here) >= len(EXAMPLES) - 8


@needs_script
@pytest.mark.skipif(not REGENERATE, reason="set CHIPFACTS_REGEN_README=1")
def test_regenerate_readme() -> None:
    text = README.read_text(encoding="utf-8")

    def rewrite(block: re.Match[str]) -> str:
        lines = []
        for command, _ in examples(block.group(0)):
            lines.append(f"$ {command}")
            output = run_in_terminal(command)
            if output:
                lines.append(output)
        return "```console\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(rewrite, text), encoding="utf-8")


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_documented_and_has_examples(name: str, cli: Cli) -> None:
    readme = README.read_text(encoding="utf-8")
    assert f"chipfacts {name}" in readme, f"the README never shows `chipfacts {name}`"
    result = cli(name, "--help", columns=60)
    assert result.code == 0
    help_text = result.out
    assert "Examples:" in help_text, f"`chipfacts {name} --help` has no examples"
    # an example too long for the line continues on the next after " \\", as in a shell
    after = help_text.replace(" \\\n", " ").split("Examples:", 1)[1].splitlines()[1:]
    lines = [line.strip() for line in after]
    shown = lines[: lines.index("")] if "" in lines else lines
    assert shown and all(line.startswith("chipfacts ") for line in shown), shown


def test_the_command_list_describes_every_command(cli: Cli) -> None:
    """`chipfacts --help` gives each command a line saying what it does."""
    result = cli("--help", columns=200)
    assert result.code == 0
    listed = result.out.split("Commands:", 1)[1].splitlines()
    # a command's line starts two spaces in; its description may wrap, further in
    rows = [re.match(r"  (\S+)(.*)", line) for line in listed]
    described = {row[1]: row[2].strip() for row in rows if row is not None}
    assert set(described) == set(command_names())
    assert all(described.values()), [name for name, words in described.items() if not words]


def test_the_prose_counts_of_a_cut_search_are_real(cli: Cli) -> None:
    """The README's words on a search cut to ten quote what `search maia` says."""
    readme = " ".join(README.read_text(encoding="utf-8").split())
    result = cli("search", "maia", "--json")
    assert result.code == 0
    note = result.err.strip()
    assert f"`{note}`" in readme
    total = note.split(" of ", 1)[1].split()[0]
    assert f"`10 of {total} facts for 'maia' (--all shows all)`" in readme


def test_setup_commands_make_their_own_venv_and_ci_runs_the_readme_test_command() -> None:
    """PEP 668: a system Python refuses `pip install` outside a virtual environment."""
    readme = README.read_text(encoding="utf-8")
    install = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/chipfacts search"
    test = (
        "python3 -m venv .venv && .venv/bin/pip install -c constraints.txt -e "
        '".[test]" && .venv/bin/pytest'
    )
    assert install in readme and test in readme
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert not any(line.startswith("pip install") for b in blocks for line in b.splitlines())
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python3 -m venv "$venv" && "$venv/bin/pip" install' in ci
    assert '-c constraints.txt -e ".[test]"' in ci and '"$venv/bin/pytest"' in ci
    assert "../shared/sources" in readme and "CHIPFACTS_SOURCES" in readme


def test_the_lock_pins_every_dependency_exactly() -> None:
    """Every package CI installs is pinned with ==, so the suite passes on any day."""
    lines = (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+!-]+", p) for p in pins), pins
    names = {p.split("==")[0].lower().replace("_", "-") for p in pins}
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in wanted:
        name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        assert name in names, f"{name} is not pinned in constraints.txt"


def test_the_sample_fact_is_the_stores_own() -> None:
    """The README's sample record (JSON) and sample fact (YAML) are the real ones."""
    import json

    import yaml

    import chipfacts
    from chipfacts.render.serialize import fact_record

    text = README.read_text(encoding="utf-8")
    sample = json.loads(re.search(r"^```json\n(.*?)^```$", text, re.S | re.M)[1])  # type: ignore[index]
    fact = chipfacts.load().facts[sample["id"]]
    assert {k: v for k, v in sample.items() if k not in ("score", "match")} == fact_record(fact)
    written = re.search(r"^One full fact:\n\n```yaml\n(.*?)^```$", text, re.S | re.M)
    assert written is not None
    (entry,) = yaml.safe_load(written[1])
    stored = yaml.safe_load(chipfacts.builtin_path().read_text(encoding="utf-8"))["facts"]
    assert entry == next(f for f in stored if f["id"] == entry["id"])
