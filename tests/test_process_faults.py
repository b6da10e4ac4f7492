"""What only a whole process meets: failed writes, Ctrl-C at any moment, the pager.

Real processes, because that is the point: a file-size limit, a full device,
a signal's timing and a terminal's modes exist only there.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, run_cli

GOLDEN = str(FIXTURES / "golden.yaml")
ENV = {
    **os.environ,
    "PYTHONPATH": str(REPO / "src"),
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "CHIPFACTS_DATA": GOLDEN,
}


def _chipfacts(*args: str) -> list[str]:
    return [sys.executable, "-m", "chipfacts", *args]


# Every command that prints records, in every format: each output path.
COMMANDS: list[Sequence[str]] = [
    ("list", "facts"),
    ("search", "alpha", "-n", "20"),
    ("compare", "alpha", "beta"),
    ("fact", "alpha-transistors"),
    ("show", "alpha"),
    ("timeline",),
    ("conflicts",),
    ("list", "entities"),
]
FORMATS = ["json", "jsonl", "csv", "plain", "table"]


# Every format once and every command once by default; the whole matrix is slow.
_ONCE = [(COMMANDS[0], f) for f in FORMATS] + [
    (c, FORMATS[n % len(FORMATS)]) for n, c in enumerate(COMMANDS[1:])
]
PATHS = [
    pytest.param(c, f, id=f"{' '.join(c)} {f}", marks=[] if (c, f) in _ONCE else pytest.mark.slow)
    for c in COMMANDS
    for f in FORMATS
]


@pytest.mark.parametrize(("command", "fmt"), PATHS)
def test_a_write_cut_short_by_a_file_size_limit_is_exit_5(
    tmp_path: Path, command: Sequence[str], fmt: str
) -> None:
    target = tmp_path / "out"
    # The whole output, as the process below writes it (in this process: only the
    # cut write needs a process of its own)
    whole = run_cli(*command, "--format", fmt, env={"NO_COLOR": "1", "CHIPFACTS_DATA": GOLDEN})
    assert whole.code == 0, whole.err
    written = whole.out.encode("utf-8")
    limit = len(written) // 2  # bytes: the write is cut in the middle

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    with target.open("wb") as out:
        cut = subprocess.run(
            _chipfacts(*command, "--format", fmt),
            env=ENV,
            stdout=out,
            stderr=subprocess.PIPE,
            preexec_fn=limit_file_size,
            check=False,
        )
    assert cut.returncode == 5, cut.stderr
    [line] = cut.stderr.decode().splitlines()
    assert line.startswith("chipfacts: error: cannot write the output")
    assert target.read_bytes() == written[:limit]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_device_is_exit_5_in_one_line(fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            _chipfacts("list", "facts", "--format", fmt),
            env=ENV,
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 5
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("chipfacts: error: cannot write the output")


# Started like the console script, but telling the test (on a pipe) once
# chipfacts.entry is imported: its Ctrl-C handling is in place from there on.
# Before that is the interpreter's own start-up, whose Ctrl-C is Python's.
_GATED = (
    "import os, sys; import chipfacts.entry as entry; gate = int(os.environ['GATE']); "
    "os.write(gate, b'.'); os.close(gate); "
    "sys.argv[0] = 'chipfacts'; sys.exit(entry.main())"
)


def _interrupt_after(delay: float, args: Sequence[str]) -> tuple[int, str]:
    read, write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-c", _GATED, *args],
        env={**ENV, "GATE": str(write)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=(write,),
    )
    os.close(write)
    try:
        assert os.read(read, 1) == b"."
    finally:
        os.close(read)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    return process.returncode, err.decode()


# From the first moment chipfacts' code runs to the end of its clean-up, in
# steps of a millisecond: importing the CLI, reading the store, rendering, exit.
# The default run takes every fifth moment; the whole sweep is slow (40 processes).
DELAYS = [
    pytest.param(n / 1000, marks=[] if n % 15 == 0 else pytest.mark.slow) for n in range(0, 60, 3)
]


@pytest.mark.parametrize("delay", DELAYS)
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_ctrl_c_at_any_moment_is_130_and_one_line_at_most(delay: float, fmt: str) -> None:
    code, err = _interrupt_after(delay, ["search", "alpha", "--format", fmt])
    # 130 from the handler; killed by SIGINT itself (the shell's 130) during
    # Python's final clean-up; 0 when the command was already done.
    assert code in (130, -signal.SIGINT, 0), err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) <= 1 and "Traceback" not in err and "Exception" not in err, err
    assert lines == ["chipfacts: interrupted"] or code != 130, err


_PAGER_SCRIPT = """\
import os, signal, sys, termios, tty
got = []
signal.signal(signal.SIGINT, lambda *a: got.append(1))
data = sys.stdin.buffer.read(100)
os.killpg(os.getpgrp(), signal.SIGINT)  # Ctrl-C at the terminal reaches the whole group
rest = sys.stdin.buffer.read()
with open(sys.argv[1], "w") as report:
    report.write(f"{len(got)} {len(data) + len(rest)}")
if len(sys.argv) > 2:  # a pager that dies in raw mode
    tty.setraw(sys.stdout.fileno())
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("dies_in_raw_mode", [False, True])
def test_ctrl_c_in_the_pager_is_the_pagers_and_the_terminal_is_given_back(
    tmp_path: Path, dies_in_raw_mode: bool
) -> None:
    import pty
    import termios

    pager = tmp_path / "pager.py"
    pager.write_text(_PAGER_SCRIPT, encoding="utf-8")
    report = tmp_path / "report"
    command = f"{sys.executable} {pager} {report}" + (" raw" if dies_in_raw_mode else "")
    main, terminal = pty.openpty()
    before = termios.tcgetattr(terminal)
    env = {**ENV, "PAGER": command, "LINES": "5", "COLUMNS": "80"}
    try:
        process = subprocess.Popen(
            _chipfacts("list", "facts", "--format", "table"),
            env=env,
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            start_new_session=True,  # a process group of its own, as a shell's job
        )
        _, err = process.communicate(timeout=60)
        after = termios.tcgetattr(terminal)
    finally:
        os.close(main)
        os.close(terminal)
    assert process.returncode == 0, err
    assert err == b""
    interrupted, read = report.read_text().split()
    assert interrupted == "1"  # the pager saw its Ctrl-C …
    assert int(read) > 1000  # … and still got the whole table
    assert after == before  # echo and line editing are back


def test_ctrl_c_where_python_cannot_raise_still_ends_the_process() -> None:
    """A Ctrl-C landing in a weakref callback or ``__del__`` (the handler's
    SystemExit there is "ignored" by Python) still ends the command with 130."""
    program = (
        "import os, signal, weakref, chipfacts.entry\n"
        "class Thing: pass\n"
        "thing = Thing()\n"
        "def callback(_):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    for _ in range(10**6): pass  # the handler runs here\n"
        "ref = weakref.ref(thing, callback)\n"
        "del thing\n"
        "print('went on')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 130
    assert result.stdout == ""
    assert result.stderr.split() == ["chipfacts:", "interrupted"]


def test_ctrl_c_that_python_wraps_in_another_exception_is_still_130() -> None:
    """Python 3.11 wraps an exception raised in ``__set_name__`` (as the
    handler's is, when Ctrl-C lands while a module defines such a class) in a
    RuntimeError: it is still the Ctrl-C's exit, with its one line."""
    program = (
        "import os, signal, sys, chipfacts.entry as entry\n"
        "def run():\n"
        "    class Descriptor:\n"
        "        def __set_name__(self, owner, name):\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "            for _ in range(10**6): pass  # the handler runs here\n"
        "    class Owner:\n"
        "        field = Descriptor()\n"
        "    print('went on')\n"
        "entry._run = run\n"
        "entry.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 130, result.stderr
    assert result.stdout == ""
    assert result.stderr.split() == ["chipfacts:", "interrupted"]
