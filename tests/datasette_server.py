"""A real Datasette over a database, on 127.0.0.1 only, for the length of a test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# Long enough for a cold start on a loaded machine; the test never waits longer.
START_SECONDS = 60
REQUEST_SECONDS = 30
LISTENING = re.compile(r"Uvicorn running on (http://127\.0\.0\.1:\d+)")


def _datasette() -> str:
    """The datasette beside this Python (the test extra installs it)."""
    found = shutil.which("datasette", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("datasette is not installed: pip install -c constraints.txt -e '.[test]'")
    return found


@contextmanager
def serve(database: Path, metadata: Path) -> Iterator[Callable[[str], Any]]:
    """Start ``datasette serve`` on a free port of 127.0.0.1 and yield ``get(path)``,
    which returns the JSON at ``path``. The server is stopped on the way out."""
    command = [
        _datasette(), "serve", str(database), "--metadata", str(metadata),
        "--host", "127.0.0.1", "--port", "0", "--setting", "sql_time_limit_ms", "5000",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        base = _address(process)

        def get(path: str) -> Any:
            with urllib.request.urlopen(base + path, timeout=REQUEST_SECONDS) as response:
                return json.loads(response.read())

        yield get
    finally:
        process.terminate()
        try:
            process.wait(timeout=REQUEST_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _address(process: subprocess.Popen[bytes]) -> str:
    """The URL uvicorn says it listens on, read from its log as it starts; a server
    that exits, or says nothing more in START_SECONDS, fails the test."""
    import os
    import selectors

    assert process.stderr is not None
    said = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        while selector.select(timeout=START_SECONDS):
            chunk = os.read(process.stderr.fileno(), 65536)  # unbuffered: select stays true
            if not chunk:
                break
            said += chunk
            found = LISTENING.search(said.decode("utf-8", "replace"))
            if found:
                return found.group(1)
    pytest.fail("datasette did not start:\n" + said.decode("utf-8", "replace"))
