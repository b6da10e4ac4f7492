"""Unbreakable: odd terminals, signals, hostile files, fuzzed input.

Every edge ends in a correct answer or one clear error line with its documented
exit code: no traceback, no hang, no code run from data, no file modified.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

import chipfacts
from chipfacts import DataFileError, InvalidDataError
from chipfacts.errors import ChipfactsError
from chipfacts.search.index import SearchIndex
from chipfacts.search.reader import read_query
from chipfacts.search.resolve import resolve_entity
from tests.conftest import MINI, Cli, WriteStore, run_cli

CHIPFACTS = str(Path(sys.executable).parent / "chipfacts")
INDEX = SearchIndex(chipfacts.load())


def run(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [CHIPFACTS, *args], capture_output=True, text=True, errors="replace",
        env={**environment, **(env or {})},
        timeout=120,  # a safety net against hangs, not a timing assertion
    )  # fmt: skip


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 1  # one line at most


# --- signals ------------------------------------------------------------------------


# A build stopped at a known point in the middle of its work: the first fact
# file's check announces itself and waits there for Ctrl-C (a gate, not a timer,
# so that a loaded machine cannot make it too early or too late).
_GATED_WORK = """
import os, sys, time
from chipfacts.entry import main
import chipfacts.store.compile as compile_module

real = compile_module._check_file

def gated(job, name):
    os.write(1, b"at the gate\\n")
    time.sleep(60)  # Ctrl-C arrives here
    return real(job, name)

gated.__module__, gated.__qualname__ = real.__module__, real.__qualname__
compile_module._check_file = gated
sys.argv = ["chipfacts", "--data", sys.argv[1], "--no-cache", "search", "x"]
main()
"""


def test_ctrl_c_in_the_middle_of_work_exits_130_with_one_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _GATED_WORK, str(MINI)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline() == "at the gate\n"  # the build is under way
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err.strip()) == (130, "chipfacts: interrupted")


# Start-up, stopped at a known point: the console script's own imports, then an
# import hook that announces the gate and waits there. No timer races start-up,
# so the test is deterministic on a loaded machine.
_GATED_START = """
import os, sys, time
import re
from chipfacts.entry import main  # what the console script does first

GATE = sys.argv[1]

class Gate:
    def find_spec(self, name, path=None, target=None):
        if name == GATE:
            os.write(1, b"at the gate\\n")
            time.sleep(60)  # Ctrl-C arrives here
        return None

sys.meta_path.insert(0, Gate())
sys.argv = ["chipfacts", *sys.argv[2:]]
if GATE == "--before-main":
    Gate().find_spec(GATE)
main()
"""


@pytest.mark.parametrize(
    ("gate", "args"),
    [
        ("--before-main", ["search", "maia"]),  # the handler is in place, nothing else yet
        ("chipfacts.cli", ["search", "maia"]),  # while the CLI is imported
        ("click", ["search", "maia"]),
        ("chipfacts.cli.search", ["search", "maia"]),  # while the command is built
        ("chipfacts.store.store", ["search", "maia"]),  # while the store loads
        ("rich.console", ["search", "maia", "--format", "table"]),  # while drawing
    ],
)
def test_ctrl_c_during_start_up_exits_130_with_one_line(gate: str, args: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _GATED_START, gate, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline() == "at the gate\n"  # start-up reached the gate
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err.strip()) == (130, "chipfacts: interrupted")


def test_the_console_script_installs_the_handler_before_anything_heavy() -> None:
    """What runs before the handler is in place: only the interpreter's start-up,
    the console script's `re` and the package's light __init__."""
    probe = (
        "import sys, signal; before = set(sys.modules); import chipfacts.entry; "
        "print(signal.getsignal(signal.SIGINT).__module__); "
        "print(sorted(m for m in before if m.startswith(('typing', 'chipfacts', 'click'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "chipfacts.entry"
    assert out[1] == "[]"


# A build whose workers stop at a known point: each announces itself (with its
# process id) at its first file and waits there for Ctrl-C.
_GATED_WORKERS = """
import os, sys, time
from chipfacts.entry import main
import chipfacts.store.compile as compile_module

MAIN = os.getpid()
real = compile_module._check_file

def gated(job, name):
    if os.getpid() != MAIN:
        os.write(1, f"at the gate {os.getpid()}\\n".encode())
        time.sleep(60)  # Ctrl-C arrives here
    return real(job, name)

gated.__module__, gated.__qualname__ = real.__module__, real.__qualname__
compile_module._check_file = gated
sys.argv = ["chipfacts", "--data", sys.argv[1], "search", "maia"]
main()
"""


def test_ctrl_c_during_a_parallel_build_exits_130_with_one_line(tmp_path: Path) -> None:
    store, cache = tmp_path / "store", tmp_path / "cache"
    store.mkdir()
    vocabulary, facts = MINI.read_text(encoding="utf-8").split("facts:\n")
    (store / "0.yaml").write_text(vocabulary, encoding="utf-8")
    for n, fact in enumerate(facts.split("  - id: ")[1:], start=1):
        (store / f"{n}.yaml").write_text("facts:\n  - id: " + fact, encoding="utf-8")
    env = {**os.environ, "CHIPFACTS_BUILD_WORKERS": "2", "CHIPFACTS_CACHE_DIR": str(cache)}
    process = subprocess.Popen(
        [sys.executable, "-c", _GATED_WORKERS, str(store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,  # its own process group, as a terminal's job is
    )  # fmt: skip
    assert process.stdout is not None
    worker = int(process.stdout.readline().split()[-1])  # a worker reached the gate
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err.strip()) == (130, "chipfacts: interrupted")
    deadline = time.monotonic() + 10
    while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{worker}").exists()  # the workers were stopped too
    assert not list(cache.glob("*.tmp"))  # and the half-built database removed


def test_start_up_leaves_the_collector_on_with_the_cli_frozen() -> None:
    """The CLI is imported with the garbage collector paused (a start-up cost), but
    the command must run with it on: a build of a large store makes garbage."""
    probe = (
        "import gc; from chipfacts.entry import _import_quietly; _import_quietly(); "
        "import chipfacts.cli.app; print(gc.isenabled(), gc.get_freeze_count() > 10_000)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]


# --- terminals and locales ------------------------------------------------------------

ANSI = "\x1b["


@pytest.mark.parametrize(
    ("env", "args", "coloured"),
    [
        ({}, [], False),  # not a terminal
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, [], False),  # a dumb terminal cannot show it
        ({"NO_COLOR": "1"}, [], False),
        ({"NO_COLOR": ""}, [], False),  # empty NO_COLOR means nothing; still not a terminal
        ({"TERM": "dumb"}, [], False),
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),  # the flag beats the environment
    ],
)
def test_colour_follows_the_conventions(
    env: dict[str, str], args: list[str], coloured: bool, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    result = cli(*args, "search", "maia", "-n", "2", "--format", "table", env=env)
    assert result.code == 0
    assert (ANSI in result.out) is coloured


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C", "LC_ALL": "C"},
        pytest.param({"LC_ALL": "POSIX"}, marks=pytest.mark.slow),  # C's twin
        {"PYTHONIOENCODING": "ascii"},
        pytest.param({"PYTHONIOENCODING": "latin-1"}, marks=pytest.mark.slow),  # ascii's kin
    ],
)
def test_chinese_prints_or_degrades_in_any_locale(env: dict[str, str]) -> None:
    for args in (
        ["search", "雅典娜"],
        ["show", "微軟", "-f", "table"],
        ["search", "maia", "--json"],
    ):
        result = run(*args, env=env)
        assert result.returncode == 0, result.stderr
        no_traceback(result)
        assert "UnicodeEncodeError" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["search", "微軟", "配额"],
        ["compare", "maia100", "mi300x", "h200"],
        ["show", "microsoft"],
        ["timeline", "microsoft"],
        ["sources"],
        ["list", "entities"],
    ],
)
def test_narrow_terminals_wrap_rather_than_break(args: list[str], cli: Cli) -> None:
    code, out, _ = cli(*args, "--format", "table", columns=40)
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= 40


# --- hostile fact files ------------------------------------------------------------------


@pytest.mark.slow  # a 50 MB file read by a process of its own, its peak measured
def test_a_50_mb_single_line_value_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "quote: 晶体管数量达到1050亿个", "quote: " + "x" * 50_000_000
    )
    path = tmp_path / "huge.yaml"
    path.write_text(text, encoding="utf-8")
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(r.returncode); print(r.stdout.strip()); print(r.stderr.strip())\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    command = [CHIPFACTS, "--data", str(path), "--no-cache", "search", "maia"]
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, timeout=300
    ).stdout.splitlines()
    code, _, err, peak_kib = out[0], out[1], out[2], int(out[3])
    assert code == "3"
    limit = "'quote' is 50,000,000 characters long; the limit is 10,000"
    assert err == f"chipfacts: error: {path}:32: {limit}"
    assert peak_kib < 1_200_000  # a few copies of 50 MB, not an explosion


def test_a_file_that_disappears_while_being_read(
    monkeypatch: pytest.MonkeyPatch, write_store: WriteStore
) -> None:
    path = write_store(MINI.read_text(encoding="utf-8"))

    def gone(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(Path, "open", gone)  # stat saw it; by the open it is gone
    with pytest.raises(DataFileError, match="cannot read"):
        chipfacts.load(path, use_cache=False)


def test_a_file_changed_between_runs_is_never_served_stale(write_store: WriteStore) -> None:
    path = write_store(MINI.read_text(encoding="utf-8"))
    chipfacts.load(path)
    for n in range(5):  # rapid edits, same size each time
        path.write_text(
            MINI.read_text(encoding="utf-8").replace("TSMC", f"TSM{n}"), encoding="utf-8"
        )
        assert chipfacts.load(path).facts["maia100-foundry"].value == f"TSM{n}"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"x: !!python/object/apply:os.system ['true']\n", 3, "unsupported YAML tag"),
        (b"a: &a [1]\nb: *a\n", 3, "YAML anchors (&name) are not allowed"),
        (b"\xff\xfe" + "sources: []".encode("utf-16-le"), 3, "file is UTF-16"),
        (b"sources: []\n\x00\n", 3, "NUL byte"),
        (b"caf\xe9: 1\n", 3, "invalid UTF-8"),
        (b"[" * 100 + b"]" * 100, 3, "nested deeper than 16 levels"),
        # an explicit tag on a value its type cannot read
        (b"facts:\n  - value: !!int x\n", 3, "'x' is not a valid !!int"),
        (b"facts:\n  - value: !!int ''\n", 3, "'' is not a valid !!int"),
        (b"facts:\n  - value: !!float abc\n", 3, "'abc' is not a valid !!float"),
        (b"facts:\n  - value: !!bool maybe\n", 3, "'maybe' is not a valid !!bool"),
    ],
)
def test_hostile_files_from_the_command_line(
    tmp_path: Path, content: bytes, code: int, message: str
) -> None:
    # In-process: an exception the app does not turn into its exit code fails
    # the test with its traceback (see ``run_cli``).
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    for args in (["search", "maia"], ["compare", "a", "b"], ["validate"]):
        result = run_cli("--data", str(path), *args)
        assert result.code == code, (args, result.err)
        assert message in result.out + result.err
        assert str(path) in result.out + result.err


@pytest.mark.parametrize(
    "request_env",
    [
        {"COMP_WORDS": "chipfacts compare ma", "COMP_CWORD": "abc"},
        {"COMP_WORDS": "chipfacts compare ma"},  # no COMP_CWORD at all
        {"COMP_WORDS": "chipfacts compare ma", "COMP_CWORD": "-99999999999999999999"},
    ],
)
def test_a_completion_request_it_cannot_read_is_one_line(request_env: dict[str, str]) -> None:
    env = {"_CHIPFACTS_COMPLETE": "complete_bash", **request_env}
    if "COMP_CWORD" not in request_env:
        env["COMP_CWORD"] = ""
    result = run(env={k: v for k, v in env.items() if v != ""})
    assert result.returncode in (0, 2), result.stderr
    no_traceback(result)


def test_a_fifo_and_a_directory_as_data(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run("--data", str(fifo), "search", "maia")
    assert (result.returncode, result.stderr) == (
        4,
        f"chipfacts: error: {fifo}: not a regular file\n",
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("--data", str(empty), "search", "maia")
    assert result.returncode == 4 and "holds no .yaml or .yml files" in result.stderr


# --- bad arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serach", "maia"], "No such command 'serach'. Did you mean 'search'?"),
        (["comprae", "a", "b"], "Did you mean 'compare'?"),
        (["search", "maia", "--jsn"], "No such option '--jsn'. (Did you mean one of: '--json'"),
        (["search", "maia", "--json", "--format", "csv"], "--json conflicts with --format csv"),
        (["--data"], "Option '--data' requires an argument"),
    ],
)
def test_bad_arguments_are_usage_errors_with_a_suggestion(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    no_traceback(result)


# --- fuzzing --------------------------------------------------------------------------------

any_text = st.text(alphabet=st.characters(codec=None), max_size=300) | st.from_regex(
    r"[\u200f\u202e\u0301\U0001F600a-z0-9 微軟英伟达.,%$-]{0,60}", fullmatch=True
)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_query_reading_never_raises_and_is_deterministic(text: str) -> None:
    first, second = read_query(INDEX, text), read_query(INDEX, text)
    assert (first.entities, first.attributes, first.numbers, first.words, first.cjk) == (
        second.entities, second.attributes, second.numbers, second.words, second.cjk,
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_entity_resolution_answers_or_raises_our_error(text: str) -> None:
    try:
        entity = resolve_entity(INDEX, text)
    except ChipfactsError:
        return
    assert entity.id in INDEX.entities
    assert resolve_entity(INDEX, text) == entity  # deterministic


@settings(max_examples=100, deadline=None)
@given(st.lists(any_text, min_size=2, max_size=3))
def test_compare_answers_or_raises_our_error(names: list[str]) -> None:
    from chipfacts.views.compare import compare

    try:
        result = compare(INDEX, names)
    except ChipfactsError:
        return
    assert len(result.entities) == len(names)


SPECIAL = [
    b"&a ",
    b"*a",
    b"!!python/object ",
    b": ",
    b"- ",
    b"{",
    b"[",
    b"\x00",
    b"\xff",
    b"'",
    b'"',
    b"\t",
    b"<<: ",
    b"---\n",
    b"%YAML 1.1\n",
]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(7)
        if choice == 0 and data:  # flip a byte
            i = rng.randrange(len(data))
            data = data[:i] + bytes([data[i] ^ rng.randrange(1, 256)]) + data[i + 1 :]
        elif choice == 1 and data:  # delete a byte
            i = rng.randrange(len(data))
            data = data[:i] + data[i + 1 :]
        elif choice == 2:  # insert something YAML cares about
            i = rng.randrange(len(data) + 1)
            data = data[:i] + rng.choice(SPECIAL) + data[i:]
        elif choice == 3:  # duplicate a line
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            data = b"\n".join(lines)
        elif choice == 4 and len(lines) > 1:  # delete a line
            del lines[rng.randrange(len(lines))]
            data = b"\n".join(lines)
        elif choice == 5 and len(lines) > 1:  # swap two lines
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        else:  # truncate
            data = data[: rng.randrange(len(data) + 1)]
        lines = data.split(b"\n")
    return data


@pytest.mark.fuzz
def test_mutation_fuzz_of_the_real_store(tmp_path: Path) -> None:
    original = chipfacts.builtin_path().read_bytes()
    path = tmp_path / "mutant.yaml"
    outcomes = {"loaded": 0, "invalid": 0}
    for seed in range(800):
        path.write_bytes(_mutate(original, random.Random(seed)))
        try:
            chipfacts.load(path, use_cache=False)
            outcomes["loaded"] += 1
        except InvalidDataError as error:
            assert error.problems and all(p.file == str(path) for p in error.problems), seed
            outcomes["invalid"] += 1
    assert outcomes["invalid"] > 250 and outcomes["loaded"] > 25  # both paths exercised


@pytest.mark.fuzz
def test_load_and_validate_report_the_same_first_problem(tmp_path: Path) -> None:
    """One pipeline: for any mutant, a lookup's error is validate's first problem, and
    a store that loads validates clean; through the cache (incremental) and without."""
    original = chipfacts.builtin_path().read_bytes()
    store = tmp_path / "store"
    store.mkdir()
    (store / "a.yaml").write_bytes(original)
    chipfacts.load(store)  # a good database for the incremental path to start from
    for seed in range(2000, 2120):
        (store / "a.yaml").write_bytes(_mutate(original, random.Random(seed)))
        report = chipfacts.validate(store)
        for use_cache in (True, False):
            try:
                chipfacts.load(store, use_cache=use_cache)
            except InvalidDataError as error:
                assert report.problems[:1] == error.problems[:1], seed
            else:
                assert report.problems == [], seed


# --- nothing lost -------------------------------------------------------------------------------

EVERY_COMMAND = [
    ["search", "maia"],
    ["search", "maia", "--json"],
    ["compare", "maia100", "mi300x", "-f", "table"],
    ["show", "microsoft", "--json"],
    ["list", "facts", "-f", "csv"],
    ["sources", "004"],
    ["timeline"],
    ["validate"],
    ["cache", "clear"],
]


def test_no_command_writes_to_a_read_only_store(tmp_path: Path, cli: Cli) -> None:
    store = tmp_path / "store"
    store.mkdir()
    fact_file = store / "facts.yaml"
    fact_file.write_bytes(chipfacts.builtin_path().read_bytes())
    fact_file.chmod(0o444)
    store.chmod(0o555)
    before = (fact_file.read_bytes(), fact_file.stat().st_mtime_ns, sorted(os.listdir(store)))
    try:
        for args in EVERY_COMMAND:
            env = {"CHIPFACTS_CACHE_DIR": str(tmp_path / "cache")}
            result = cli("--data", str(store), *args, env=env)
            assert result.code == 0, (args, result.err)
        after = (fact_file.read_bytes(), fact_file.stat().st_mtime_ns, sorted(os.listdir(store)))
        assert after == before
    finally:
        store.chmod(0o755)


def test_the_cache_never_lands_next_to_the_store(tmp_path: Path) -> None:
    fact_file = tmp_path / "facts.yaml"
    fact_file.write_bytes(chipfacts.builtin_path().read_bytes())
    cache = tmp_path / "cache"
    run("--data", str(fact_file), "search", "maia", env={"CHIPFACTS_CACHE_DIR": str(cache)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "facts.yaml"]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0  # (resource works here)
