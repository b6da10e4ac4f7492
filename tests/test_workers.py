"""How a build spreads its files over processes (``store.workers``)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from chipfacts.errors import UsageError
from chipfacts.store import workers
from chipfacts.store.workers import MIN_BYTES, WORKERS_ENV, ordered_map, workers_for

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="no fork on this platform")


def _square_and_pid(offset: int, n: int) -> tuple[int, int]:
    return n * n + offset, os.getpid()


def test_results_come_back_in_order_from_other_processes() -> None:
    found = list(ordered_map(_square_and_pid, 1, range(40), 2))  # 1: shared, by fork
    assert [square for square, _ in found] == [n * n + 1 for n in range(40)]
    assert os.getpid() not in {pid for _, pid in found}


def test_one_worker_is_this_process() -> None:
    assert {pid for _, pid in ordered_map(_square_and_pid, 0, range(5), 1)} == {os.getpid()}


def _fail_at_three(_: int, n: int) -> int:
    if n == 3:
        raise ValueError(f"no {n}")
    return n


class _Unpicklable(Exception):
    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("cannot pickle")


def _fail_strangely(_: int, n: int) -> int:
    raise _Unpicklable(f"odd {n}")


def test_a_failing_item_raises_here_as_without_workers() -> None:
    # A worker that fails hands its items back: this process does them, so the
    # exception is the one a build without workers raises, whatever it is.
    with pytest.raises(ValueError, match="no 3"):
        list(ordered_map(_fail_at_three, 0, range(8), 2))
    with pytest.raises(_Unpicklable, match="odd 0"):
        list(ordered_map(_fail_strangely, 0, range(8), 2))
    assert multiprocessing.active_children() == []


MAIN = os.getpid()


def _killed_at_five(_: int, n: int) -> int:
    if n == 5 and os.getpid() != MAIN:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return n


def test_a_killed_worker_s_items_are_done_here() -> None:
    assert list(ordered_map(_killed_at_five, 0, range(12), 3)) == list(range(12))
    assert multiprocessing.active_children() == []


_ORPHANS = """
import os, sys, time
from chipfacts.store.workers import ordered_map

def slow(_, n):
    os.write(1, f"{os.getpid()}\\n".encode())
    time.sleep(60)
    return n

for _ in ordered_map(slow, None, range(4), 2):
    pass
"""


def test_workers_end_when_their_parent_is_killed() -> None:
    with subprocess.Popen([sys.executable, "-c", _ORPHANS], stdout=subprocess.PIPE) as parent:
        assert parent.stdout is not None
        workers = [int(parent.stdout.readline()) for _ in range(2)]
        parent.kill()  # SIGKILL: no finally, no atexit
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is gone
    except FileNotFoundError:
        return False


def test_stopping_early_stops_the_workers() -> None:
    for _ in ordered_map(_square_and_pid, 0, range(1000), 2):
        break
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    ("setting", "sizes", "cores", "expected"),
    [
        (None, [MIN_BYTES // 4] * 2, 8, 1),  # too little to read to pay for workers
        (None, [MIN_BYTES] * 2, 8, 2),  # no more workers than files
        (None, [MIN_BYTES] * 100, 2, 2),  # every core
        (None, [MIN_BYTES] * 100, 64, workers.MAX_WORKERS),
        (None, [MIN_BYTES * 10], 8, 1),  # one file is read here
        ("1", [MIN_BYTES] * 100, 8, 1),  # turned off
        ("3", [10, 10, 10, 10], 1, 3),  # set: for any build of two files or more
        ("3", [10], 8, 1),
        ("9" * 5000, [10, 10], 8, 2),  # beyond any useful count (and Python's int())
        ("007", [10] * 10, 8, 7),
    ],
)
def test_how_many_workers(
    monkeypatch: pytest.MonkeyPatch,
    setting: str | None,
    sizes: list[int],
    cores: int,
    expected: int,
) -> None:
    if setting is None:
        monkeypatch.delenv(WORKERS_ENV, raising=False)
    else:
        monkeypatch.setenv(WORKERS_ENV, setting)
    monkeypatch.setattr(workers, "_cores", lambda: cores)
    assert workers_for(sizes) == expected


@pytest.mark.parametrize("setting", ["0", "000", "-2", "two", "1.5", "²", "３"])
def test_a_bad_setting_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    monkeypatch.setenv(WORKERS_ENV, setting)
    with pytest.raises(UsageError, match=WORKERS_ENV):
        workers_for([MIN_BYTES] * 4)
