"""Shared fixtures: where the source texts are, the mini fixture store, a clean env,
and ``cli``, which runs the app in-process on a terminal of the test's making."""

from __future__ import annotations

import atexit
import functools
import importlib.util
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple, Protocol

import click
import pytest

if TYPE_CHECKING:  # (imported by the tests themselves, after the cache is set below)
    import chipfacts

# A test run started in the background by a non-interactive shell inherits
# SIGINT ignored, and so would every process it starts: the tests that send
# Ctrl-C to chipfacts would then wait for nothing. Python's own handler here
# means each child starts with SIGINT at its default, as from a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Never touch the user's own cache: every test run (and every process it starts)
# gets a fresh one. Set at import time, before any module-level load; removed
# when the run ends, so runs do not pile up caches in the temporary directory.
_TEST_CACHE = tempfile.mkdtemp(prefix="chipfacts-test-cache-")
os.environ["CHIPFACTS_CACHE_DIR"] = _TEST_CACHE
atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)

REPO = Path(__file__).resolve().parents[1]


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` (not a package) as a module, for tests that reuse it."""
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
MINI_SOURCES = FIXTURES / "sources"
# Read once, at import: the autouse fixture below clears it for every test.
SOURCES_SETTING = os.environ.get("CHIPFACTS_SOURCES")


def sources_dir() -> Path | None:
    """The five source documents: $CHIPFACTS_SOURCES, else ../shared/sources beside the repo."""
    configured = SOURCES_SETTING
    candidate = Path(configured) if configured else REPO.parent / "shared" / "sources"
    return candidate if candidate.is_dir() else None


@pytest.fixture
def shared_sources() -> Path:
    """The real source texts. In CI they must be there: a missing directory fails there."""
    found = sources_dir()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but the source texts (../shared/sources) are missing")
        pytest.skip("source texts not available (set CHIPFACTS_SOURCES)")
    return found


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests must not depend on the developer's CHIPFACTS_* settings."""
    for name in ("CHIPFACTS_DATA", "CHIPFACTS_SOURCES"):
        monkeypatch.delenv(name, raising=False)
    yield


WriteStore = Callable[[str | bytes], Path]


@pytest.fixture
def write_store(tmp_path: Path) -> WriteStore:
    """Write YAML text (or bytes) to ``facts.yaml`` in a temporary directory."""

    def write(content: str | bytes) -> Path:
        path = tmp_path / "facts.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


class Run(NamedTuple):
    """What a run of the app gave: its exit code, stdout and stderr."""

    code: int
    out: str
    err: str


class Cli(Protocol):
    def __call__(
        self,
        *args: str,
        tty: bool = False,
        columns: int = 100,
        lines: int = 24,
        color: bool | None = None,
        env: Mapping[str, str] | None = None,
        pager: str | None = None,
        input: str | None = None,
    ) -> Run: ...


@functools.cache
def _command() -> click.Command:
    import typer.main

    from chipfacts.cli import app

    return typer.main.get_command(app)


def run_cli(
    *args: str,
    tty: bool = False,
    columns: int = 100,
    lines: int = 24,
    color: bool | None = None,
    env: Mapping[str, str] | None = None,
    pager: str | None = None,
    input: str | None = None,
) -> Run:
    """Run ``chipfacts ARGS`` in this process (see ``run_shown``)."""
    run, _ = run_shown(
        *args, tty=tty, columns=columns, lines=lines, color=color, env=env, pager=pager,
        input=input,
    )  # fmt: skip
    return run


def run_shown(
    *args: str,
    tty: bool = False,
    columns: int = 100,
    lines: int = 24,
    color: bool | None = None,
    env: Mapping[str, str] | None = None,
    pager: str | None = None,
    input: str | None = None,
) -> tuple[Run, str]:
    """Run ``chipfacts ARGS`` in this process, as the entry point would, on a
    terminal made here: at a terminal or not (``tty``: stdout shows tables and a
    person can answer prompts, read from ``input``), ``columns`` x
    ``lines``, colour as the environment says (``color``: True sets FORCE_COLOR,
    False NO_COLOR), $PAGER (``pager``), and ``env`` on top of the process's.

    Errors the app does not map to an exit code propagate: a traceback fails
    the test. Only what a real process adds (signals, a closed pipe, file-size
    limits, the pager's terminal) needs a subprocess.

    Also returned: what a terminal showing both streams shows, stdout and
    stderr in the order they were written.
    """
    from typer.testing import CliRunner

    from chipfacts.cli.terminal import Terminal

    overrides: dict[str, str | None] = {"COLUMNS": str(columns), "LINES": str(lines)}
    if color is not None:
        overrides["FORCE_COLOR" if color else "NO_COLOR"] = "1"
    if pager is not None:
        overrides["PAGER"] = pager
    overrides.update(env or {})
    with CliRunner().isolation(input=input, env=overrides) as (out, err, shown):
        if tty:
            # What a terminal says when asked; rich asks the stream itself.
            setattr(sys.stdout, "isatty", lambda: True)  # noqa: B010
        screen = Terminal(
            stdout=sys.stdout,
            stderr=sys.stderr,
            is_tty=tty,
            stdin_is_tty=tty,
            columns=columns,
            lines=lines,
            env=dict(os.environ),
        )
        returned: object
        try:
            returned = _command().main(list(args), prog_name="chipfacts", obj=screen)
        except SystemExit as exit:
            returned = exit.code
        sys.stdout.flush()
        sys.stderr.flush()
        code = returned if isinstance(returned, int) else 0 if returned is None else 1
        run = Run(code, out.getvalue().decode(), err.getvalue().decode())
        return run, shown.getvalue().decode()


@pytest.fixture(scope="session")
def vocabulary(tmp_path_factory: pytest.TempPathFactory) -> chipfacts.Store:
    """The shipped store's entities and attributes with none of its facts: what the
    drafting benchmark drafts a new article against."""
    directory = tmp_path_factory.mktemp("vocabulary")
    store: chipfacts.Store = load_benchmark("evaluate_draft").vocabulary_only(directory)
    return store


@pytest.fixture(scope="session")  # a function of its arguments alone: any test may use it
def cli() -> Cli:
    """``cli("search", "maia", tty=True, columns=80)`` -> ``Run(code, out, err)``."""
    return run_cli
