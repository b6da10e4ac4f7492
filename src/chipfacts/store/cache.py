"""A cache of parsed fact files and of search-ready stores, safe to get wrong.

Parsing YAML is by far the slowest step (a 100,000-fact store takes over 20 s),
so two things are cached under the user's cache directory:

- each fact file, parsed (``kind="file"``): editing one file of a store split
  into a hundred re-parses one file;
- each whole store, validated and indexed (``kind="store"``): an unchanged store
  loads in milliseconds.

An entry is trusted only when its key matches exactly: the identity of every
file it came from (path, size, mtime and ctime in nanoseconds, inode) and a
fingerprint of the chipfacts code that produced it. ctime cannot be set back by
a user tool, so an edit that restores the mtime still changes the key. Entries
carry a CRC-32 of their content, so a torn, truncated or damaged entry is
ignored and rebuilt (a checksum cannot stop deliberate tampering, and need not:
entries are unpickled with every global refused, so even a crafted entry can
yield only plain data, never run code). Writes go to a temporary file that is
renamed into place, so concurrent runs never see half an entry. Failing to
write (a read-only home) only costs speed.
"""

from __future__ import annotations

import _pickle
import io
import os
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

CACHE_ENV = "CHIPFACTS_CACHE_DIR"
MAGIC = b"chipfacts cache 1\n"
DIGEST = 4  # CRC-32, big-endian
FileIdentity = tuple[str, int, int, int, int]


def cache_dir() -> Path:
    """$CHIPFACTS_CACHE_DIR, else the platform's per-user cache directory."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        # platformdirs' own XDG rule, without its import: on every run that
        # import would cost more than the cached lookup it serves.
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "chipfacts"
    import platformdirs  # macOS and Windows: their conventions are platformdirs' job

    return Path(platformdirs.user_cache_dir("chipfacts", appauthor=False))


def identity(path: Path) -> FileIdentity:
    """What changes whenever the file's content may have changed."""
    info = path.stat()
    return (str(path.resolve()), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


@cache
def code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """The chipfacts modules as installed: any change to them invalidates every entry."""
    package = Path(__file__).parents[1]
    found = []
    for module in sorted(package.rglob("*.py")):
        info = module.stat()
        found.append((str(module.relative_to(package)), info.st_size, info.st_mtime_ns))
    return tuple(found)


def _checksum(data: bytes | memoryview) -> bytes:
    return zlib.crc32(data).to_bytes(DIGEST, "big")


def _entry(kind: str, location: str) -> Path:
    # One entry per store or file; a clash of two names only costs a rebuild,
    # because the key inside the entry names every file exactly.
    encoded = location.encode("utf-8", "surrogatepass")
    stem = Path(location).name.encode("ascii", "replace").decode()[:40].replace("?", "_")
    return cache_dir() / f"{kind}-{stem}-{zlib.crc32(encoded):08x}.cache"


class _PlainUnpickler(_pickle.Unpickler):
    """Loads only plain data: any class or function reference is refused.

    Built on the C unpickler directly: the pure-Python ``pickle`` module is only
    needed to write entries, and importing it on every run costs a millisecond.
    """

    def find_class(self, module: str, name: str) -> Any:
        raise _pickle.UnpicklingError(f"refusing {module}.{name} in a cache entry")


def read(kind: str, location: str, key: object) -> Any | None:
    """The cached value for ``key``, or None when absent, stale, or damaged."""
    try:
        blob = _entry(kind, location).read_bytes()
    except OSError:
        return None
    header = len(MAGIC) + DIGEST
    if len(blob) < header or not blob.startswith(MAGIC):
        return None
    payload = memoryview(blob)[header:]
    if _checksum(payload) != blob[len(MAGIC) : header]:
        return None
    try:
        stored_key, value = _PlainUnpickler(io.BytesIO(payload)).load()
    except (_pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError, KeyError):
        return None
    return value if stored_key == key else None


def write(kind: str, location: str, key: object, value: object) -> None:
    """Store ``value`` under ``key``, atomically; give up quietly if the disk says no."""
    import pickle  # writing is rare; reading is on every run
    import tempfile

    payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    blob = MAGIC + _checksum(payload) + payload
    target = _entry(kind, location)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # the cache only saves time; without it chipfacts is slower, not wrong


def clear() -> tuple[int, int]:
    """Remove every cache entry; return (entries, bytes) removed."""
    removed = size = 0
    directory = cache_dir()
    if not directory.is_dir():
        return 0, 0
    for entry in directory.iterdir():
        if entry.name.endswith((".cache", ".tmp")) and entry.is_file():
            size += entry.stat().st_size
            entry.unlink(missing_ok=True)
            removed += 1
    return removed, size
