"""Spreading a build's per-file work over processes.

Reading YAML into records and rows is Python code, which threads do not run in
parallel; a build of a large store therefore shares its files out among
worker processes (each takes every n-th file) and writes their results in file
order as they come back. Workers are forked: what a task reads (the parsed files, the checked
vocabulary) is inherited, not sent, and only results travel back (pickled by
``multiprocessing``, between processes of this one run, never stored).

Where ``fork`` is not available (Windows; macOS, where forking a process that
has used system frameworks is unsafe) or the files are few or small, the work
runs in this process, as it always may: the result is the same either way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

from chipfacts.errors import UsageError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

WORKERS_ENV = "CHIPFACTS_BUILD_WORKERS"
# Below this much YAML to read, starting workers costs more than they save.
MIN_BYTES = 4 * 1024 * 1024
MAX_WORKERS = 8  # the main process writes every result: more would only wait on it


def workers_for(sizes: Sequence[int]) -> int:
    """How many processes should read files of these sizes (1: this one alone).

    ``$CHIPFACTS_BUILD_WORKERS`` sets the number for any build of two files or
    more (1 turns workers off); unset, every available core is used once there
    is enough to read.
    """
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        if not (configured.isascii() and configured.isdigit()) or not configured.strip("0"):
            raise UsageError(f"${WORKERS_ENV} must be a whole number, 1 or more: {configured!r}")
        # (digits beyond any useful count are not converted: Python refuses 4,300)
        wanted = int(configured) if len(configured) <= 6 else MAX_WORKERS
    elif sum(sizes) < MIN_BYTES:
        return 1
    else:
        wanted = _cores()
    if len(sizes) < 2 or not can_fork():
        return 1
    return min(wanted, len(sizes), MAX_WORKERS)


def can_fork() -> bool:
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[S, T], R], shared: S, items: Sequence[T], workers: int
) -> Iterator[R]:
    """``function(shared, item)`` for each item, in order: here when ``workers`` is
    1, else in that many forked processes, yielded as each is ready in turn.

    ``shared`` and ``function`` reach the workers by fork, never pickled; only
    results are. ``function`` should return its failures rather than raise them:
    if a worker fails anyway (raises, is killed, or cannot be forked), the workers
    are stopped and the items left are done here, where a failure raises as it
    would have in a build without workers. Closing the iterator early (an error,
    Ctrl-C) kills the workers at once.
    """
    done = 0
    if workers > 1:
        try:
            for result in _in_workers(function, shared, items, workers):
                yield result
                done += 1
            return
        except _WorkerFailed:
            pass
    for item in items[done:]:
        yield function(shared, item)


class _WorkerFailed(Exception):
    """A worker could not finish its items: the rest are done in this process."""


def _in_workers(
    function: Callable[[S, T], R], shared: S, items: Sequence[T], workers: int
) -> Iterator[R]:
    """Worker k takes items k, k + workers, …, and sends each result back through
    its own pipe: results come back in order with no queue or lock shared between
    processes, and a worker waits (its pipe is full) until its results are taken."""
    context = multiprocessing.get_context("fork")
    for stream in (sys.stdout, sys.stderr):  # or each worker writes it again at exit
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    pipes: list[Connection] = []
    processes = []
    try:
        # Workers are forked with Ctrl-C held back, so that none can take it (and
        # say so) before it has set it aside; this process takes it after.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for k in range(workers):
                receive, send = context.Pipe(duplex=False)
                pipes.append(receive)
                args = (function, shared, items[k::workers], send, pipes, os.getpid())
                process = context.Process(target=_work, args=args, daemon=True)
                try:
                    process.start()
                except OSError:  # no more processes or memory: do it here
                    raise _WorkerFailed from None
                finally:
                    send.close()  # the worker's end
                processes.append(process)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for n in range(len(items)):
            try:
                finished, result = pipes[n % workers].recv()
            except Exception:  # EOFError: it died; or what it sent cannot be read
                raise _WorkerFailed from None
            if not finished:
                raise _WorkerFailed
            yield result
    finally:
        for process in processes:
            process.kill()  # a no-op for one that has finished
            process.join()
        for pipe in pipes:
            pipe.close()


def _work(
    function: Callable[[S, T], R],
    shared: S,
    items: Sequence[T],
    send: Connection,
    readers: list[Connection],
    parent: int,
) -> None:
    # Only the parent reads the pipes: a worker holding a read end (its own or an
    # earlier worker's) would never see the parent go, and would wait forever.
    for pipe in readers:
        pipe.close()
    _die_with(parent)
    # Ctrl-C reaches the whole process group; the main process alone answers it
    # (one line, exit 130) and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        for item in items:
            send.send((True, function(shared, item)))
    except Exception:  # the parent does this item itself, and raises what it raises
        with contextlib.suppress(Exception):
            send.send((False, None))
    finally:
        send.close()


def _die_with(parent: int) -> None:
    """End this worker when its parent dies, however it dies (killed, out of
    memory): on Linux the kernel sends SIGKILL; elsewhere the next result it
    sends meets a closed pipe."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes  # lazy: 9 ms, only for a build's workers

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that took hold
        os._exit(1)
