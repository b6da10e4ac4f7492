"""The compiled store: incremental by file, shared safely, rebuilt when damaged.

Each test has its own cache directory, so it sees only the databases it made.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import chipfacts
from chipfacts.errors import InvalidDataError
from chipfacts.store import compile as compile_module
from chipfacts.store import database
from chipfacts.store.database import INDEXES
from chipfacts.store.workers import WORKERS_ENV
from tests.conftest import MINI

MINI_TEXT = MINI.read_text(encoding="utf-8")
VOCABULARY, FACTS = MINI_TEXT.split("facts:\n")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(cache))
    return cache


def split_store(root: Path) -> Path:
    """The mini store as a directory: vocabulary in one file, each fact in its own."""
    root.mkdir()
    (root / "00-vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    for n, fact in enumerate(FACTS.split("  - id: ")[1:]):
        (root / f"{n + 1:02d}-fact.yaml").write_text("facts:\n  - id: " + fact, encoding="utf-8")
    return root


def snapshot(store: chipfacts.Store) -> list[tuple[str, object]]:
    return [(f.id, f) for f in store.all_facts()]


def fresh(path: Path) -> list[tuple[str, object]]:
    return snapshot(chipfacts.load(path, use_cache=False))


def bump(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_unchanged_store_is_not_compiled_again(tmp_path: Path) -> None:
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    (db,) = [e for e in database.entries() if e.suffix == ".sqlite"]
    before = db.stat().st_mtime_ns
    assert snapshot(chipfacts.load(root)) == fresh(root)
    assert db.stat().st_mtime_ns == before


def database_tables() -> dict[str, list[tuple[object, ...]]]:
    """Every table of the one database in the cache, its rows sorted."""
    (db,) = [e for e in database.entries() if e.suffix == ".sqlite"]
    connection = sqlite3.connect(db)
    try:
        names = [
            n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        schema = sorted(connection.execute("SELECT type, name, sql FROM sqlite_master"))
        rows = {n: sorted(connection.execute(f"SELECT * FROM {n}"), key=repr) for n in names}
        return {"schema": schema, **rows}
    finally:
        connection.close()


def test_workers_build_the_same_database(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = split_store(tmp_path / "store")
    built = []
    for workers in ("1", "3"):
        monkeypatch.setenv(WORKERS_ENV, workers)
        database.clear()
        chipfacts.load(root)
        built.append(database_tables())
    assert built[0] == built[1]
    assert built[0]["facts"]


def test_an_interrupted_rebuild_keeps_the_last_database_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    before = database_tables()
    bump(root / "00-vocabulary.yaml", "name: Nvidia", "name: NVIDIA")  # a full rebuild, in place

    def interrupted(self: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(compile_module._Writer, "flush", interrupted)
    with pytest.raises(KeyboardInterrupt):
        chipfacts.load(root)
    assert database_tables() == before  # its rows and every index, as they were
    assert len([s for s in before["schema"] if s[0] == "index" and s[2]]) == len(INDEXES)


def test_a_dead_build_s_temporary_file_is_removed_by_the_next(
    tmp_path: Path, own_cache: Path
) -> None:
    root = split_store(tmp_path / "store")
    target = database.path_for(root)
    own_cache.mkdir(parents=True)
    stale = target.with_name(target.name + "k3x_9q.tmp")  # as mkstemp names them
    stale.write_bytes(b"half a database")  # its builder was killed: nothing removed it
    chipfacts.load(root)
    assert not stale.exists()
    assert [p.name for p in own_cache.iterdir() if p.suffix == ".tmp"] == []


def test_a_first_build_that_fails_leaves_no_database(tmp_path: Path, own_cache: Path) -> None:
    root = split_store(tmp_path / "store")
    bump(root / "01-fact.yaml", "entity: maia100", "entity: maia999")
    with pytest.raises(InvalidDataError):
        chipfacts.load(root)
    assert [p for p in own_cache.iterdir() if not p.name.endswith(".lock")] == []


def test_a_dead_writer_s_journal_is_not_left_beside_a_new_database(
    tmp_path: Path, own_cache: Path
) -> None:
    root = split_store(tmp_path / "store")
    target = database.path_for(root)
    own_cache.mkdir(parents=True)
    journal = target.with_name(target.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(512))  # a journal's magic
    assert snapshot(chipfacts.load(root)) == fresh(root)
    assert not journal.exists()
    built = target.stat().st_mtime_ns
    assert snapshot(chipfacts.load(root)) == fresh(root)
    assert target.stat().st_mtime_ns == built  # read as built, not built again


def test_workers_find_the_same_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = split_store(tmp_path / "store")
    bump(root / "01-fact.yaml", "entity: maia100", "entity: maia999")
    bump(root / "03-fact.yaml", "id: maia100-foundry", "id: nvidia-share")
    reports = []
    for workers in ("1", "2"):
        monkeypatch.setenv(WORKERS_ENV, workers)
        with pytest.raises(InvalidDataError) as caught:
            chipfacts.load(root)
        reports.append((caught.value.problems, chipfacts.validate(root).problems))
    assert reports[0] == reports[1]
    found = " ".join(p.message for p in reports[0][1])
    assert "unknown entity 'maia999'" in found and "duplicate id 'nvidia-share'" in found


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize(
    "change",
    ["edit a fact", "add a file", "delete a file", "rename a file", "edit the vocabulary"],
)
def test_every_change_gives_what_a_fresh_compile_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str, workers: str
) -> None:
    monkeypatch.setenv(WORKERS_ENV, workers)
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    if change == "edit a fact":
        bump(root / "01-fact.yaml", "105000000000", "106000000000")
    elif change == "add a file":
        (root / "09-new.yaml").write_text(
            (root / "01-fact.yaml").read_text().replace("maia100-transistors", "new-fact")
        )
    elif change == "delete a file":
        (root / "02-fact.yaml").unlink()
    elif change == "rename a file":
        (root / "02-fact.yaml").rename(root / "99-fact.yaml")
    else:
        bump(root / "00-vocabulary.yaml", "name: Nvidia", "name: NVIDIA")
    assert snapshot(chipfacts.load(root)) == fresh(root)
    assert snapshot(chipfacts.load(root)) == fresh(root)  # and from the database, unchanged


def test_an_edit_replaces_only_that_files_rows(tmp_path: Path) -> None:
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    bump(root / "01-fact.yaml", "105000000000", "106000000000")
    store = chipfacts.load(root)
    assert store.facts["maia100-transistors"].value == 106000000000
    search = chipfacts.load(root)
    from chipfacts.search.index import SearchIndex
    from chipfacts.search.rank import search as run

    hits = run(SearchIndex(search), "106 billion")
    assert hits[0].fact.id == "maia100-transistors"
    assert not run(SearchIndex(search), "105 billion transistors maia")[0].score >= 180


def test_a_broken_edit_is_refused_and_the_last_good_database_kept(tmp_path: Path) -> None:
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    good = (root / "01-fact.yaml").read_text()
    bump(root / "01-fact.yaml", "entity: maia100", "entity: maia999")
    with pytest.raises(InvalidDataError, match="unknown entity 'maia999'"):
        chipfacts.load(root)
    (root / "01-fact.yaml").write_text(good)
    assert snapshot(chipfacts.load(root)) == fresh(root)


def test_a_duplicate_id_across_files_is_found_incrementally(tmp_path: Path) -> None:
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    bump(root / "02-fact.yaml", "id: nvidia-share", "id: maia100-transistors")
    with pytest.raises(InvalidDataError) as caught:
        chipfacts.load(root)
    report = chipfacts.validate(root)
    assert str(caught.value.problems[0]) == str(report.problems[0])
    assert "duplicate id 'maia100-transistors'" in str(report.problems[0])


def test_a_file_moved_to_another_store(tmp_path: Path) -> None:
    first, second = split_store(tmp_path / "one"), split_store(tmp_path / "two")
    chipfacts.load(first)
    chipfacts.load(second)
    (first / "03-fact.yaml").rename(tmp_path / "moved.yaml")
    (tmp_path / "moved.yaml").rename(second / "10-moved.yaml")
    bump(second / "10-moved.yaml", "id: ", "id: moved-")
    assert snapshot(chipfacts.load(first)) == fresh(first)
    assert snapshot(chipfacts.load(second)) == fresh(second)


CONCURRENT = """
import json, sys, chipfacts
store = chipfacts.load(sys.argv[1])
print(json.dumps([[f.id, str(f.value)] for f in store.all_facts()]))
"""


def test_eight_concurrent_first_runs_agree(tmp_path: Path, own_cache: Path) -> None:
    root = split_store(tmp_path / "store")
    env = {**os.environ, "CHIPFACTS_CACHE_DIR": str(own_cache)}
    runs = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT, str(root)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(8)
    ]  # fmt: skip
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert len({out for out, _ in outputs}) == 1
    assert json.loads(outputs[0][0])


def _replace(db: Path, make: Callable[[Path], object]) -> None:
    db.unlink()
    make(db)


DAMAGE: dict[str, Callable[[Path], object]] = {
    "truncated": lambda db: db.write_bytes(db.read_bytes()[: len(db.read_bytes()) // 3]),
    "zeroed": lambda db: db.write_bytes(b"\0" * len(db.read_bytes())),
    "garbage": lambda db: db.write_bytes(b"SQLite format 3\0" + os.urandom(5000)),
    "empty": lambda db: db.write_bytes(b""),
    "foreign database": lambda db: _replace(
        db, lambda p: sqlite3.connect(p).execute("CREATE TABLE x(y)")
    ),
    "another version": lambda db: _set_meta(db, "layout", "0"),
    "crafted rows": lambda db: _crafted_rows(db),
    "a directory": lambda db: _replace(db, Path.mkdir),
    "a symlink to /dev/zero": lambda db: _replace(db, lambda p: p.symlink_to("/dev/zero")),
    "a FIFO": lambda db: _replace(db, os.mkfifo),
}


def _set_meta(db: Path, key: str, value: str) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    connection.close()


def _crafted_rows(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE facts SET bound = 'sideways', related = 'not json'")
    connection.close()


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_rebuilt_or_bypassed(tmp_path: Path, damage: str) -> None:
    root = split_store(tmp_path / "store")
    expected = fresh(root)
    chipfacts.load(root)
    (db,) = [e for e in database.entries() if e.name.endswith(".sqlite")]
    DAMAGE[damage](db)
    try:
        assert snapshot(chipfacts.load(root)) == expected
    except chipfacts.DataFileError as error:  # rows that make no sense: refused, removed
        assert damage == "crafted rows" and "damaged" in str(error)
    assert snapshot(chipfacts.load(root)) == expected


def test_a_read_only_cache_answers_from_memory(tmp_path: Path, own_cache: Path) -> None:
    own_cache.mkdir()
    own_cache.chmod(0o500)
    try:
        if os.access(own_cache, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert snapshot(chipfacts.load(MINI)) == fresh(MINI)
    finally:
        own_cache.chmod(0o700)


def test_cache_clear_removes_only_what_chipfacts_wrote(own_cache: Path) -> None:
    chipfacts.load(MINI)
    mine = own_cache / "notes.cache"
    mine.write_text("keep me")
    (own_cache / "store-x.tmp").write_text("mine too")
    removed, _ = database.clear()
    assert removed >= 1
    assert sorted(p.name for p in own_cache.iterdir()) == ["notes.cache", "store-x.tmp"]


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHIPFACTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG applies on Linux")
    assert database.cache_dir().is_absolute()


def test_the_store_cannot_be_changed() -> None:
    store = chipfacts.load(MINI)
    with pytest.raises(TypeError):
        store.entities["x"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        store.path = "elsewhere"


def test_nothing_is_stored_as_a_pickle() -> None:
    # The compiled store is SQLite, typed columns only. (A parallel build's workers
    # hand their results back through multiprocessing, within one run.)
    source = Path(chipfacts.__file__).parent
    importing = re.compile(
        r"^\s*(?:import|from)\s+(?:pickle|_pickle|shelve|dill|cloudpickle)\b", re.M
    )
    assert not [p for p in source.rglob("*.py") if importing.search(p.read_text(encoding="utf-8"))]


def test_the_caches_of_stores_that_are_gone_go_at_the_next_first_build(
    tmp_path: Path, own_cache: Path
) -> None:
    stores = {name: tmp_path / f"{name}.yaml" for name in ("gone", "kept", "new")}
    for store in stores.values():
        store.write_text(MINI_TEXT, encoding="utf-8")
    for name in ("gone", "kept"):
        chipfacts.load(stores[name])
    entries = {name: database.path_for(store) for name, store in stores.items()}
    elsewhere = own_cache / "notes.cache"
    elsewhere.write_text("not chipfacts'")
    stores["gone"].unlink()
    chipfacts.load(stores["kept"])  # a lookup never tidies
    assert entries["gone"].exists()
    chipfacts.load(stores["new"])  # a first build does
    left = sorted(p.name for p in own_cache.iterdir())
    assert not [name for name in left if name.startswith(entries["gone"].name)]
    assert {entries["kept"].name, entries["new"].name, elsewhere.name} <= set(left)
    assert snapshot(chipfacts.load(stores["kept"])) == fresh(stores["kept"])


def test_an_entry_that_cannot_be_read_is_left_to_cache_clear(
    tmp_path: Path, own_cache: Path
) -> None:
    from chipfacts.store.prune import prune_gone

    own_cache.mkdir()
    odd = own_cache / "store-odd-0000abcd.sqlite"
    odd.write_bytes(b"not a database")
    assert prune_gone(own_cache / "store-other-00000000.sqlite") == 0
    assert odd.read_bytes() == b"not a database"
