"""Shared fixtures: where the source texts are, the mini fixture store, a clean env."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Never touch the user's own cache: every test run (and every process it starts)
# gets a fresh one. Set at import time, before any module-level load; removed
# when the run ends, so runs do not pile up caches in the temporary directory.
_TEST_CACHE = tempfile.mkdtemp(prefix="chipfacts-test-cache-")
os.environ["CHIPFACTS_CACHE_DIR"] = _TEST_CACHE
atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)

REPO = Path(__file__).resolve().parents[1]
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
