"""The README is tested whole (issue 20, point 11): every command it shows, in
tables, Troubleshooting and prose as well as its examples, is run; every error
message it quotes is produced.

tests/test_docs.py compares the output of its ``console`` examples exactly; here
every other command is run as a reader would type it (placeholders such as
``ENTITY`` or ``K`` filled in, alternatives ``a|b`` each taken), and must be
understood: no usage error, unless the README shows a usage error on purpose.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, Cli, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")

# What a reader types for each placeholder, by the option before it where one
# placeholder stands for different things (S: a source or a status).
PLACEHOLDERS = {
    "QUERY": "maia",
    "ENTITY": "maia100",
    "ID": "maia100-transistors",
    "K": "chip",
    "E": "maia100",
    "A": "transistors",
    "D": "2023-11",
    "N": "3",
    "ATTRIBUTE": "transistors",
    "SOURCE": "ofweek-2023-11",
    "FILE": "data/facts.yaml",
    "DIR": "../shared/sources",
    "PATH": "data/facts.yaml",
    "FIELD": "id",
    "ARTICLE": "docs/example-article.md",
    "…": "search maia",  # `chipfacts --no-pager …`: any command
}
BY_OPTION = {
    "--status": {"S": "claimed"},
    "--source": {"S": "ofweek-2023-11"},
    "sources": {"ID": "ofweek-2023-11"},
    "export": {"PATH": "facts.jsonl"},
    "validate": {"DIR": "data", "PATH": "data/facts.yaml"},
    # a new article, with what a script must give (nothing is written: --dry-run)
    "add": {"FILE": "docs/sample-article.txt --publisher Test --date 2025 --dry-run"},
}
# Each ENTITY of one command names a different entity (compare refuses the same twice).
ENTITIES = ["maia100", "mi300x", "h100"]


def _commands_in(text: str) -> list[str]:
    """The chipfacts commands in one span or line of shell: ``a && chipfacts b``."""
    found = []
    for part in re.split(r"&&|;|\s\|\s", text):
        part = part.strip()
        part = re.sub(r"^\.venv/bin/", "", part)
        if part.startswith("chipfacts ") or part == "chipfacts":
            found.append(part)
    return found


def readme_commands() -> list[str]:
    """Every chipfacts command of the README outside its console examples: inline
    code spans (tables, Troubleshooting, prose) and ``sh`` blocks."""
    text = re.sub(r"^```console\n.*?^```$", "", README, flags=re.S | re.M)
    commands: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```$", text, flags=re.S | re.M):
        joined = block.replace("\\\n", " ")
        for line in joined.splitlines():
            commands += _commands_in(line.split(" #", 1)[0])
    prose = re.sub(r"^```.*?^```$", "", text, flags=re.S | re.M)
    for span in re.findall(r"`([^`\n]+)`", prose):
        commands += _commands_in(span)
    return list(dict.fromkeys(commands))


def expand(command: str) -> list[list[str]]:
    """The command lines a command with placeholders stands for: each alternative of
    ``a|b`` taken in turn, ``[x]`` given, ``X...`` once, placeholders filled in."""
    words = shlex.split(command)[1:]
    if len(words) <= 1 and not command.startswith("chipfacts -"):
        return [[*words, "--help"]]  # `chipfacts search` names the command: its help
    lines: list[list[str]] = [[]]
    for word in words:
        word = word.strip("[]").removesuffix("...")
        alternatives = word.split("|") if re.fullmatch(r"[\w-]+(\|[\w-]+)+", word) else [word]
        lines = [line + [alt] for line in lines for alt in alternatives]
    filled = []
    for line in lines:
        entities = iter(ENTITIES)
        out: list[str] = []
        for word in line:
            if not word:
                continue
            option = BY_OPTION.get(out[-1], {}) if out else {}
            if word == "ENTITY":
                word = next(entities)
            elif word in option:
                word = option[word]
            elif word in PLACEHOLDERS:
                word = PLACEHOLDERS[word]
            out += word.split()
        filled.append(out)
    return filled


COMMANDS = [(command, line) for command in readme_commands() for line in expand(command)]


def test_the_readme_shows_commands_outside_its_examples() -> None:
    shown = readme_commands()
    assert len(shown) >= 30
    assert "chipfacts list entities|attributes [--kind K]" in shown


@pytest.mark.parametrize(("command", "args"), COMMANDS, ids=[" ".join(a) or c for c, a in COMMANDS])
def test_every_command_the_readme_shows_is_understood(
    command: str, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(REPO)
    at = args.index("export") + 1 if "export" in args else 0
    if at and "--help" not in args and args[at] != "-":  # written where it can be thrown away
        args = [*args[:at], str(tmp_path / Path(args[at]).name), *args[at + 1 :]]
    # The shell is bash, whatever runs the tests (detection looks at the parent
    # processes); switching detection off instead would make --install-completion
    # take the shell as an argument, for every later test in this process too.
    monkeypatch.setattr("shellingham.detect_shell", lambda *_, **__: ("bash", "/bin/bash"))
    code, _, err = cli(*args, env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert code != 2, f"{command!r} is refused: {err}"


# --- every error message the Troubleshooting table quotes ------------------------------


def troubleshooting_messages() -> list[tuple[int, str]]:
    """(exit code, message) for every message quoted in the Troubleshooting table."""
    section = README.split("## Troubleshooting", 1)[1].split("\nAnd a few situations", 1)[0]
    found = []
    for line in section.splitlines():
        cells = line.split(" | ")
        if len(cells) == 3 and cells[0].lstrip("| ").isdigit():
            found += [(int(cells[0].lstrip("| ")), m) for m in re.findall(r"`([^`]+)`", cells[1])]
    return found


def _pattern(message: str) -> str:
    """A quoted message as a pattern: … is anything, FILE, LINE and DIR a file, line
    and directory."""
    pattern = re.escape(message).replace("…", ".*")
    for word, what in (("FILE", r"\S+"), ("LINE", r"\d+"), ("DIR", r"\S+")):
        pattern = pattern.replace(word, what)
    return pattern


Said = tuple[int, str]  # exit code, stderr


def ran(*args: str, cwd: Path | None = None) -> Said:
    """chipfacts run in this process (from ``cwd``, for names relative to it)."""
    before = Path.cwd()
    os.chdir(cwd or before)
    try:
        code, _, err = run_cli(*args)
    finally:
        os.chdir(before)
    return code, err


def process(shell: str, cwd: Path | None = None, **env: str) -> Said:
    """A real process, for what only one meets (a closed stdout, a full disk)."""
    command = shell.replace("chipfacts", f"{sys.executable} -m chipfacts")
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env={**os.environ, **env},
        cwd=cwd,
    )  # fmt: skip
    return done.returncode, done.stderr


MINI_TEXT = (REPO / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")


def store(tmp: Path, text: str | bytes) -> Path:
    path = tmp / "facts.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


Reproduce = Callable[[Path, pytest.MonkeyPatch], Said]


def with_store(text: str | bytes) -> Reproduce:
    """A reproduction that loads a store written from ``text``."""
    return lambda tmp, mp: ran("--data", str(store(tmp, text)), "search", "maia")


def _denied_read(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    path = store(tmp, MINI_TEXT)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    mp.setattr(Path, "open", denied)  # root cannot be locked out by chmod
    return ran("--data", str(path), "--no-cache", "search", "maia")


def _unlistable(tmp: Path, mp: pytest.MonkeyPatch) -> Said:

    (tmp / "sub").mkdir()
    (tmp / "a.yaml").write_text(MINI_TEXT, encoding="utf-8")
    scandir = os.scandir

    def refuse(path: str) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    mp.setattr(os, "scandir", refuse)
    return ran("--data", str(tmp), "search", "maia")


def _too_large(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    path = tmp / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(257 * 2**20)  # sparse: nothing is written
    return ran("--data", str(path), "search", "maia")


def _cache_denied(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    mp.setenv("CHIPFACTS_CACHE_DIR", str(tmp))
    (tmp / "store-x-0123abcd.sqlite").write_bytes(b"x")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    mp.setattr(Path, "unlink", refuse)
    return ran("cache", "clear")


def _fifo(tmp: Path, mp: pytest.MonkeyPatch) -> Said:

    os.mkfifo(tmp / "out.csv")
    return ran("export", "out.csv", "--format", "json", cwd=tmp)


def _own_fact_file(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    store(tmp, MINI_TEXT)
    return ran("--data", "facts.yaml", "export", "facts.yaml", "--format", "json", cwd=tmp)


def _directory(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    (tmp / "x").mkdir()
    return ran("export", "x", "--format", "json", cwd=tmp)


def _inside_the_store(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    (tmp / "data").mkdir()
    (tmp / "data" / "facts.yaml").write_text(MINI_TEXT, encoding="utf-8")
    return ran("--data", "data", "export", "data/more.yaml", "--format", "json", cwd=tmp)


def _not_a_data_package(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    (tmp / "out").mkdir()
    (tmp / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    return ran("export", "out", "--format", "csv", cwd=tmp)


def _disk_full(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    ran("list", "facts")  # the store compiled first: only the export meets the full disk

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    mp.setattr(os, "fsync", full)
    return ran("export", "facts.jsonl", cwd=tmp)


def _interrupted(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    # A real SIGINT, sent by the process to itself once chipfacts' handler is in place.
    code = "import os, signal, chipfacts.entry; os.kill(os.getpid(), signal.SIGINT)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return done.returncode, done.stderr


def _completion_script(tmp: Path, mp: pytest.MonkeyPatch) -> Said:
    home = tmp / "home-is-a-file"
    home.write_text("")
    return process(
        "chipfacts --install-completion bash",
        HOME=str(home), SHELL="/bin/bash", _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1",
    )  # fmt: skip


FACT = MINI_TEXT.split("facts:\n", 1)[1].split("  - id: nvidia-share", 1)[0]  # the first fact

REPRODUCE: dict[str, Reproduce] = {
    "no facts match 'graphcor ipu'; did you mean 'TPU'?": lambda t, m: ran(
        "search", "graphcor", "ipu"
    ),
    "no entity 'qcom'; did you mean 'Qualcomm'?": lambda t, m: ran(
        "search", "quota", "--entity", "qcom"
    ),
    "'gpt' is ambiguous: it could be GPT-4 (gpt-4), GPT-5 (gpt-5)": lambda t, m: ran("show", "gpt"),
    "the query is empty; try chipfacts search maia": lambda t, m: ran("search", " "),
    "the query is 100000 characters long; the limit is 500": lambda t, m: ran(
        "search", "x" * 100000
    ),
    "--limit must be at least 1, not 0": lambda t, m: ran("search", "maia", "--limit", "0"),
    "--json conflicts with --format csv": lambda t, m: ran("search", "maia", "--json", "-f", "csv"),
    "--all conflicts with --limit 5; use one of them": lambda t, m: ran(
        "list", "facts", "--all", "-n", "5"
    ),
    "--format does not apply to chipfacts validate": lambda t, m: ran(
        "--format", "csv", "validate"
    ),
    "unknown field 'dispaly' for --fields; did you mean 'display'? …": lambda t, m: ran(
        "search", "maia", "--fields", "id,dispaly"
    ),
    "--fields selects fields of records, not of a table; use another --format": lambda t, m: ran(
        "show", "maia100", "-f", "table", "--fields", "id"
    ),
    "unknown kind 'spaceship' (kinds: chip, …)": lambda t, m: ran("search", "x", "-k", "spaceship"),
    "unknown attribute 'colour' (see chipfacts list attributes)": lambda t, m: ran(
        "search", "x", "--attribute", "colour"
    ),
    "unknown source '999' (sources: …)": lambda t, m: ran("sources", "999"),
    "compare needs at least two entities": lambda t, m: ran("compare", "maia100"),
    "'雅典娜' names Maia 100 (maia100), which is already compared": lambda t, m: ran(
        "compare", "maia100", "雅典娜"
    ),
    "No such command 'serach'. Did you mean 'search'? (see 'chipfacts --help')": lambda t, m: ran(
        "serach", "maia"
    ),
    "No such option '--jsn'. (Did you mean one of: '--json', '--since'?)": lambda t, m: ran(
        "search", "maia", "--jsn"
    ),
    "Missing argument 'QUERY...'": lambda t, m: ran("search"),
    "Invalid value for '--status': …": lambda t, m: ran("search", "maia", "--status", "rumoured"),
    "FILE:LINE: unknown entity 'nvidai'": with_store(
        MINI_TEXT.replace("entity: nvidia", "entity: nvidai")
    ),
    "(and 2 more problems; run chipfacts validate)": with_store(
        MINI_TEXT.replace("entity: nvidia", "entity: nvidai")
        .replace("value: 80", "value: x")
        .replace("status: reported", "status: rumoured", 1)
    ),
    "FILE:LINE: YAML syntax error: …": with_store("facts: [\n"),
    "unsupported YAML tag …": with_store("facts: !!python/object/apply:os.system [ls]\n"),
    "YAML anchors (&name) are not allowed": with_store("facts: &x []\n"),
    "YAML aliases (*name) are not allowed": with_store("facts: *x\n"),
    "YAML merge keys (<<) are not allowed": with_store("facts:\n  - <<: {id: x}\n"),
    "more than one YAML document": with_store(MINI_TEXT + "---\nfacts: []\n"),
    "nested deeper than 16 levels": with_store("facts: " + "[" * 20 + "]" * 20 + "\n"),
    "duplicate key 'bound'": with_store(
        MINI_TEXT.replace("bound: exact", "bound: exact\n    bound: about", 1)
    ),
    "FILE:LINE: invalid UTF-8; save the file as UTF-8": with_store(b"facts: [\xff]\n"),
    "file is UTF-16; save it as UTF-8": with_store(MINI_TEXT.encode("utf-16")),
    "NUL byte in a text file": with_store(b"facts: []\x00\n"),
    "FILE:LINE: 'quote' is 20,000 characters long; the limit is 10,000": with_store(
        MINI_TEXT.replace("quote: 晶体管数量达到1050亿个", "quote: " + "晶" * 20000)
    ),
    "FILE:LINE: 'aliases' is too long (at most 1,000 items)": with_store(
        MINI_TEXT.replace("aliases: [微软]", "aliases: [" + ", ".join(["a"] * 1001) + "]")
    ),
    "more than 1,000 items of 'facts' are not records": with_store(
        "facts: [" + ", ".join(["1"] * 1001) + "]\n"
    ),
    "a mapping of more than 100 keys": with_store(
        "facts:\n  - {" + ", ".join(f"k{n}: 1" for n in range(101)) + "}\n"
    ),
    "a fact file must be a mapping with sections, not a list": with_store(
        "[" + ", ".join(["1"] * 1001) + "]\n"
    ),
    "'00' is ambiguous: it could be dqcm-2023-03 (004_….txt), …": lambda t, m: ran("sources", "00"),
    "Invalid value for --data: is empty": lambda t, m: ran("--data", "", "search", "maia"),
    "the source is empty": lambda t, m: ran("sources", ""),
    "FILE:LINE: 'value' is out of range: a 401-digit number; the limit is ±1e+30": with_store(
        MINI_TEXT.replace("value: 105000000000", "value: 1" + "0" * 400)
    ),
    "control character U+007F in the file": with_store(MINI_TEXT.replace("TSMC", "TS\x7fMC")),
    "id 'maia\\n100' must be a lowercase slug …": with_store(
        MINI_TEXT.replace("  - id: maia100\n", '  - id: "maia\\n100"\n')
    ),
    "'name' holds a control or invisible character": with_store(
        MINI_TEXT.replace("name: Maia 100", 'name: "Maia\\u200b100"')
    ),
    "FILE: no such file": lambda t, m: ran("--data", str(t / "missing.yaml"), "search", "maia"),
    "permission denied": _denied_read,
    "not a regular file": lambda t, m: ran("--data", "/dev/null", "search", "maia"),
    "too large (…; the limit is 256 MiB)": _too_large,
    "directory holds no .yaml or .yml files": lambda t, m: ran("--data", str(t), "search", "maia"),
    "DIR: cannot list the directory (Permission denied)": _unlistable,
    "cannot read (File name too long)": lambda t, m: ran("--data", "x" * 5000, "search", "maia"),
    "a path cannot hold a NUL byte": lambda t, m: ran("--data", "a\x00b", "search", "maia"),
    "standard output is closed": lambda t, m: process("chipfacts search maia >&-"),
    "cannot write the output (No space left on device)": lambda t, m: process(
        "chipfacts search maia --all > /dev/full"
    ),
    "cannot write the output (File too large)": lambda t, m: process(
        f"ulimit -f 1; chipfacts search maia --all --format jsonl > {t / 'out.jsonl'}"
    ),
    "cannot write the cache directory … (Permission denied)": _cache_denied,
    "cannot write the completion script (…)": _completion_script,
    "cannot write /dev/null (a device or socket, not a regular file)": lambda t, m: ran(
        "export", "/dev/null", "--format", "json"
    ),
    "cannot write out.csv (a FIFO, not a regular file)": _fifo,
    "cannot write facts.yaml (a fact file of this store)": _own_fact_file,
    "cannot write x (a directory; give a file name)": _directory,
    "cannot write data/more.yaml (inside the store directory being exported)": _inside_the_store,
    "cannot write out (a directory that is not a data package)": _not_a_data_package,
    "cannot write facts.db (disk full, file-size limit or device error)": lambda t, m: process(
        "ulimit -f 16; chipfacts export facts.db", cwd=t
    ),
    "cannot write facts.jsonl (No space left on device)": _disk_full,
    "the export path is empty; give a file name": lambda t, m: ran("export", ""),
    "cannot tell the format of 'facts.csv' (…); use --format (--format csv writes a directory)": (
        lambda t, m: ran("export", "facts.csv", cwd=t)
    ),
    "not a date: '2023-00' (month 0 is out of range)": lambda t, m: ran(
        "list", "facts", "--since", "2023-00"
    ),
    "a SQLite database cannot go to standard output; give a file name (facts.db), or - with "
    "--format jsonl or json": lambda t, m: ran("export", "-", "--format", "sqlite", cwd=t),
    "a CSV export is a directory of files and cannot go to standard output; …": lambda t, m: ran(
        "export", "-", "--format", "csv", cwd=t
    ),
    "'foundry' holds texts; a chart draws numbers and dates (…)": lambda t, m: ran(
        "chart", "foundry"
    ),
    "--chart and --format vega-lite draw the timeline; they take no --json, --fields or "
    "other --format": lambda t, m: ran("timeline", "--chart", "--json"),
    "interrupted": _interrupted,
}


def test_every_quoted_message_has_a_reproduction() -> None:
    assert [m for _, m in troubleshooting_messages()] == list(REPRODUCE)


@pytest.mark.parametrize(("code", "message"), troubleshooting_messages(), ids=lambda x: str(x)[:60])
def test_every_quoted_message_is_produced(
    code: int, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got, stderr = REPRODUCE[message](tmp_path, monkeypatch)
    said = stderr.replace("`", "")  # code spans cannot hold the backticks around commands
    assert re.search(_pattern(message), said), said
    assert got == code, said
    # one line (after a newline ending the ^C the terminal shows, for Ctrl-C)
    assert said.lstrip("\n").startswith("chipfacts: ") and said.strip().count("\n") == 0, said
