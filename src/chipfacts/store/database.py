"""The compiled store: one SQLite database per fact store, in the user's cache.

The YAML files are the truth; the database is their compiled, indexed form,
built by ``compile`` and queried (never loaded whole) by ``Store``. This module
owns its layout and how it is opened:

- ``LAYOUT`` is the whole layout (documented in the README's data model);
  ``meta`` records the layout version and a fingerprint of the code that wrote
  it, and a database that differs in either is rebuilt, never trusted;
- lookups open it read-only (``mode=ro`` and ``PRAGMA query_only``), and only
  once ``verify`` has found it sealed and holding exactly the expected schema;
- a file at the database's path that is not a regular file (a FIFO, a device,
  a directory, a symlink) is never opened: it is replaced, or if it cannot be,
  the store is compiled in memory for this run;
- any ``sqlite3.DatabaseError`` while checking it means "damaged": rebuild.
Every value is a typed column: nothing is deserialised into objects.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
import zlib
from array import array
from functools import cache
from pathlib import Path

from chipfacts.store import verify
from chipfacts.store.locate import stat_fact_file
from chipfacts.store.verify import Damaged

CACHE_ENV = "CHIPFACTS_CACHE_DIR"
LAYOUT_VERSION = "6"
SUFFIX = ".sqlite"

LAYOUT = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per YAML file of the store: what it was when compiled (path, size,
-- times, inode), its vocabulary sections as parsed (to re-check them with the
-- other files' without re-reading YAML), and where it sorts among the files.
CREATE TABLE files (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, identity TEXT NOT NULL,
    vocabulary BLOB NOT NULL, has_facts INTEGER NOT NULL  -- vocabulary: JSON, zlib-compressed
);
CREATE TABLE sources (
    row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file TEXT NOT NULL, title TEXT NOT NULL,
    title_en TEXT, publisher TEXT NOT NULL, published TEXT NOT NULL, language TEXT NOT NULL,
    url TEXT, note TEXT, sha256 TEXT,
    origin TEXT NOT NULL, line INTEGER  -- the file and line that define it
);
CREATE TABLE entities (
    row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    aliases TEXT NOT NULL, maker TEXT, description TEXT
);
CREATE INDEX entities_kind ON entities (kind);
CREATE INDEX entities_maker ON entities (maker);
-- The folded key of every id, name and alias (see text.normalize.name_key).
CREATE TABLE entity_keys (
    key TEXT NOT NULL, entity INTEGER NOT NULL, cjk INTEGER NOT NULL,
    PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE INDEX entity_keys_cjk ON entity_keys (cjk, key);
-- The same keys once each, sorted, in one text per script (cjk 0 or 1) and length,
-- joined by newlines: for the lookups that compare a word with every name, or every
-- name of about its length (see ``name_lists``).
CREATE TABLE name_lists (cjk INTEGER NOT NULL, length INTEGER NOT NULL, keys TEXT NOT NULL,
    PRIMARY KEY (cjk, length)) WITHOUT ROWID;
CREATE TABLE attributes (
    row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, type TEXT NOT NULL,
    description TEXT NOT NULL, unit TEXT, synonyms TEXT NOT NULL, min_value, max_value,
    single INTEGER NOT NULL  -- 1: one value at a time (see records.Attribute.single)
);
CREATE TABLE attribute_keys (
    key TEXT NOT NULL, attribute INTEGER NOT NULL, PRIMARY KEY (key, attribute)
) WITHOUT ROWID;
CREATE TABLE attribute_words (
    word TEXT NOT NULL, attribute INTEGER NOT NULL, PRIMARY KEY (word, attribute)
) WITHOUT ROWID;
-- A fact's row is its file's index (in path order) times 2^24 plus its place in
-- the file, so rows sort in store order and an edited file keeps its range.
-- value holds a number, a text or an ISO partial date (by the attribute's type);
-- an integer too large for SQLite's 64 bits is kept as its decimal text.
CREATE TABLE facts (
    row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file INTEGER NOT NULL, line INTEGER,
    entity INTEGER NOT NULL, attribute INTEGER NOT NULL, source INTEGER NOT NULL,
    value, low, high, number REAL, bound TEXT NOT NULL, unit TEXT,
    status TEXT NOT NULL, as_of TEXT NOT NULL, quote TEXT NOT NULL, summary TEXT NOT NULL,
    context TEXT, claimed_by TEXT, related TEXT NOT NULL, note TEXT,
    doubt_kind TEXT, doubt_reason TEXT, quote_line INTEGER,
    -- quote and summary folded for search (Simplified, case-folded); NULL when that
    -- is only their ASCII lower case, as SQLite's lower() gives (see ``folded_column``)
    folded TEXT
);
-- A fact's further references (the YAML ``references``), n = 1, 2, … in order; its
-- own source and quote, the first, are in its facts row.
CREATE TABLE refs (
    fact INTEGER NOT NULL, n INTEGER NOT NULL, source INTEGER NOT NULL, quote TEXT NOT NULL,
    as_of TEXT NOT NULL, note TEXT, quote_line INTEGER,
    PRIMARY KEY (fact, n)
) WITHOUT ROWID;
CREATE INDEX refs_source ON refs (source);
CREATE INDEX facts_entity ON facts (entity);
CREATE INDEX facts_attribute ON facts (attribute);
CREATE INDEX facts_source ON facts (source);
CREATE INDEX facts_number ON facts (number);
CREATE INDEX facts_as_of ON facts (as_of);
CREATE INDEX facts_range ON facts (low) WHERE bound = 'range';  -- few: numbers are looked up
-- in ranges without reading every fact
-- Search postings. words: each word of a fact's text (summary, context, note,
-- text value, entity name, attribute label, publisher); grams: each pair of
-- adjacent Chinese characters of its folded quote and summary, as one integer,
-- so a 2-character word such as 网卡 is found (FTS5's trigram tokenizer cannot).
-- One row per word (or pair) and file: ``places`` holds the facts' places in that
-- file (a row is file << 24 | place), ascending, packed (see ``pack_places``), so
-- a file's postings are replaced with the file and cost bytes, not rows, per fact.
-- mentions: the entities a fact relates to or is claimed by, other than its own.
CREATE TABLE words (word TEXT NOT NULL, file INTEGER NOT NULL, places BLOB NOT NULL,
    PRIMARY KEY (word, file)) WITHOUT ROWID;
-- Every word of ``words`` once (never pruned: a stale word finds no rows), for
-- prefix and typo lookups; alpha: no digits in it (typos are looked up only there).
CREATE TABLE vocabulary (word TEXT PRIMARY KEY, length INTEGER NOT NULL, alpha INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE INDEX vocabulary_length ON vocabulary (alpha, length);
CREATE TABLE grams (gram INTEGER NOT NULL, file INTEGER NOT NULL, places BLOB NOT NULL,
    PRIMARY KEY (gram, file)) WITHOUT ROWID;
CREATE TABLE mentions (entity INTEGER NOT NULL, fact INTEGER NOT NULL,
    PRIMARY KEY (entity, fact)) WITHOUT ROWID;
-- How many facts carry each search term, counted at every compile (see ``rarity``):
-- kind 'word' (as in ``words``), 'gram' (as in ``grams``), 'entity' (its own facts
-- and those that mention it, by row) or 'attribute' (by row), and kind 'store', term
-- 'facts': how many facts there are in all. Search weighs what a query matched by how
-- rare it is.
CREATE TABLE term_counts (kind TEXT NOT NULL, term NOT NULL, facts INTEGER NOT NULL,
    PRIMARY KEY (kind, term)) WITHOUT ROWID;
"""

# The secondary indexes, each one statement on one line of LAYOUT (a full
# compile drops them and builds them again after the rows).
INDEXES = tuple(re.findall(r"^CREATE INDEX [^;]*;", LAYOUT, flags=re.MULTILINE))
ROW_SHIFT = 24  # facts per file: at most 2^24
# The modules whose code decides what a compiled store holds: its layout, its
# rows and their search terms. A change to one of them invalidates every
# database; the other modules the compiler runs (the reader's queries, the
# checks, the messages, the workers) leave the rows as they are, so editing them
# keeps every user's cache. tests/test_architecture.py holds each module the
# compiler runs to one list or the other.
SHAPES_CONTENT = (
    "store/build.py",
    "store/compile.py",
    "store/database.py",
    "store/name_lists.py",
    "store/rarity.py",
    "store/safeyaml.py",
    "model/dates.py",
    "model/lint.py",
    "model/records.py",
    "text/normalize.py",
    "text/terms.py",
)


def pack_places(places: list[int]) -> bytes:
    """Ascending places in a file as bytes: a type code, then 2 or 4 bytes each
    (little-endian)."""
    code = "H" if places[-1] < 1 << 16 else "I"
    packed = array(code, places)
    if sys.byteorder == "big":
        packed.byteswap()
    return code.encode() + packed.tobytes()


def unpack_places(blob: bytes) -> array[int]:
    packed = array(chr(blob[0]))
    packed.frombytes(blob[1:])
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def cache_dir() -> Path:
    """$CHIPFACTS_CACHE_DIR, else the platform's per-user cache directory.

    A relative $CHIPFACTS_CACHE_DIR or $XDG_CACHE_HOME is ignored (the XDG spec
    requires it of the latter): the cache would land in whatever directory
    chipfacts runs in.
    """
    configured = os.environ.get(CACHE_ENV, "")
    if os.path.isabs(configured):  # a relative one would scatter caches over every cwd
        return Path(configured)
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        # platformdirs' own XDG rule, without its import: on every run that
        # import would cost more than the lookup it serves.
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.cache")
        return Path(base) / "chipfacts"
    import platformdirs  # lazy: 7 ms, only macOS and Windows need their conventions

    return Path(platformdirs.user_cache_dir("chipfacts", appauthor=False))


def path_for(location: Path) -> Path:
    """The database of the store at ``location`` (one per store, however it is
    named: relative, absolute, through a symbolic link)."""
    resolved = str(location.resolve())
    stem = Path(resolved).name.encode("ascii", "replace").decode()[:40]
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)
    digest = zlib.crc32(resolved.encode("utf-8", "surrogatepass"))
    return cache_dir() / f"store-{stem}-{digest:08x}{SUFFIX}"


@cache
def code_fingerprint() -> str:
    """The version of the code that shapes a database (``SHAPES_CONTENT``): any
    change to those modules invalidates every database, and only to those.

    One ``stat`` per module on every lookup: a few system calls.
    """
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found = []
    for module in SHAPES_CONTENT:
        info = os.stat(os.path.join(package, module))
        found.append(f"{module}:{info.st_size}:{info.st_mtime_ns}")
    return f"{zlib.crc32(';'.join(found).encode()):08x}"


def is_regular_file(path: Path) -> bool | None:
    """True for a regular file, False for anything else there, None when nothing is."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError:
        return False
    return stat.S_ISREG(mode)


def is_regular_fd(handle: int) -> bool:
    return stat.S_ISREG(os.fstat(handle).st_mode)


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open a compiled store for lookups; raise ``Damaged`` unless it is sealed,
    of this layout and version, and holds exactly the expected schema objects."""
    found = is_regular_file(path)
    if found is None:
        raise Damaged("missing", notice=False)
    if not found:
        raise Damaged("not a regular file")
    try:
        verify.check_seal(path)
        uri = path.resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except (sqlite3.Error, ValueError, OSError) as error:
        raise Damaged(f"it cannot be opened ({error})") from None
    try:
        connection.execute("PRAGMA query_only = ON")
        verify.harden(connection)
        check_meta(connection)
        verify.check_objects(connection, LAYOUT)
    except sqlite3.Error as error:
        connection.close()
        raise Damaged(f"it cannot be read ({error})") from None
    except Damaged:
        connection.close()
        raise
    return connection


def check_meta(connection: sqlite3.Connection) -> dict[str, str]:
    """The meta table, if it says this layout and this code wrote the database."""
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("layout") != LAYOUT_VERSION or meta.get("code") != code_fingerprint():
        raise Damaged("another layout or version", notice=False)
    return meta


def create(connection: sqlite3.Connection, location: str) -> None:
    """Lay out an empty database."""
    connection.executescript(LAYOUT)
    connection.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("layout", LAYOUT_VERSION), ("code", code_fingerprint()),
         ("location", path_text(location)), ("vocabulary", "")],
    )  # fmt: skip


def path_text(path: Path | str) -> str:
    """A path as text SQLite can store: bytes that were not UTF-8 (kept by Python as
    surrogates) become ``\\xNN``, the same way every time."""
    text = str(path)
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def sql_text(value: object) -> object:
    """A parameter SQLite can bind: text with lone surrogates written as ``path_text``
    writes them (anything else is returned as it is)."""
    if not isinstance(value, str):
        return value
    try:
        return path_text(value)
    except UnicodeEncodeError:  # a surrogate that stands for no byte (\\ud800)
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def file_identity(path: Path) -> str:
    """What changes whenever the file's content may have changed.

    ctime cannot be set back by a user tool, so an edit that restores the
    mtime still changes it.
    """
    info = stat_fact_file(path)
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


def entries() -> list[Path]:
    """What chipfacts wrote in the cache directory: databases, their journals, locks and
    unfinished builds, by their names; nothing else there is touched."""
    directory = cache_dir()
    pattern = re.compile(r"store-[\w.-]*-[0-9a-f]{8}\.sqlite(-journal|\.lock|\.seal|\w*\.tmp)?")
    try:
        names = sorted(os.listdir(directory))
    except FileNotFoundError:
        return []
    return [directory / n for n in names if pattern.fullmatch(n)]


def clear() -> tuple[int, int]:
    """Remove every cache entry chipfacts wrote; return (entries, bytes) removed.

    A directory under an entry's name is not chipfacts' (it never makes one) and
    is left alone; lookups bypass it."""
    removed = size = 0
    for entry in entries():
        info = os.lstat(entry)
        if stat.S_ISDIR(info.st_mode):
            continue
        entry.unlink()
        removed += 1
        size += info.st_size if stat.S_ISREG(info.st_mode) else 0
    return removed, size
