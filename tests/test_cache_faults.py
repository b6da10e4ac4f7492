"""A compiled store is never believed blindly: damage, planted objects, changes under
a Store, and one store named several ways.

The corruption fuzz damages every page of a database, in several ways, and every
table; each variant must give the right answers, with a rebuild said in one line.
The default run damages the mini store's pages a few dozen ways; ``pytest -m fuzz``
(run by CI) adds the built-in store's every page, every way (hundreds).
"""

from __future__ import annotations

import functools
import os
import random
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

import chipfacts
from chipfacts.search.index import SearchIndex
from chipfacts.search.rank import search as run_search
from chipfacts.store import database, verify
from tests.conftest import MINI, Cli
from tests.test_store_db import bump, split_store

PAGE = 4096  # SQLite's default page size, which every build uses
QUERIES = ("maia", "106 billion", "微软", "transistors", "nvidia share", "tsmc")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(cache))
    return cache


def answers(store: chipfacts.Store) -> object:
    """What the commands are answered from: every record, and a few searches."""
    index = SearchIndex(store)
    return (
        list(store.all_facts()),
        store.entities.values(),
        store.attributes.values(),
        store.sources.values(),
        {q: [(h.fact.id, h.score) for h in run_search(index, q)] for q in QUERIES},
        {e: [f.id for f in store.facts_of(e)] for e in store.entities},
    )


@functools.cache
def undamaged_answers(store: Path | None) -> object:
    """What the store answers compiled in memory, never from a cache: one compile for
    every variant of damage."""
    return answers(chipfacts.load(store, use_cache=False))


def the_database() -> Path:
    (db,) = [e for e in database.entries() if e.name.endswith(database.SUFFIX)]
    return db


# --- damage: every page, several ways -----------------------------------------------


def scribble(data: bytearray, page: int, rng: random.Random) -> None:
    data[page * PAGE : (page + 1) * PAGE] = rng.randbytes(PAGE)


def zero(data: bytearray, page: int, rng: random.Random) -> None:
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)


def flip(data: bytearray, page: int, rng: random.Random) -> None:
    """A few bytes of the page changed: a value, a pointer, a length."""
    for _ in range(4):
        at = page * PAGE + rng.randrange(PAGE)
        data[at] ^= 1 << rng.randrange(8)


def tail(data: bytearray, page: int, rng: random.Random) -> None:
    """The second half of the page (cell content: the values) replaced."""
    start = page * PAGE + PAGE // 2
    data[start : (page + 1) * PAGE] = rng.randbytes(PAGE // 2)


DAMAGE: dict[str, Callable[[bytearray, int, random.Random], None]] = {
    "scribbled": scribble,
    "zeroed": zero,
    "bits flipped": flip,
    "values overwritten": tail,
}


def damage_page(db: Path, page: int, how: str) -> None:
    """Damage one page in place, the file's size and SQLite's header kept."""
    data = bytearray(db.read_bytes())
    DAMAGE[how](data, page, random.Random(f"{page}-{how}"))
    data[:100] = db.read_bytes()[:100]  # the header intact, as the probe kept it
    with open(db, "r+b") as out:
        out.write(data)


@functools.cache  # (the built-in store's is built for the fuzz tests' variants)
def pages_of(store: Path | None) -> int:
    """How many pages the store's database has (built in a cache of its own)."""
    with tempfile.TemporaryDirectory() as cache:
        saved = os.environ[database.CACHE_ENV]
        os.environ[database.CACHE_ENV] = cache
        try:
            chipfacts.load(store)
            return the_database().stat().st_size // PAGE
        finally:
            os.environ[database.CACHE_ENV] = saved


def variants(store: Path | None, every: bool) -> list[tuple[int, str]]:
    """Every page with every kind of damage, or every page with one (in turn)."""
    pages = pages_of(store)
    kinds = list(DAMAGE)
    if every:
        return [(page, how) for page in range(pages) for how in kinds]
    return [(page, kinds[page % len(kinds)]) for page in range(pages)]


def check_damage(
    store: Path | None, page: int, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = undamaged_answers(store)
    chipfacts.load(store)
    capsys.readouterr()
    damage_page(the_database(), page, how)
    assert answers(chipfacts.load(store)) == expected
    (line,) = capsys.readouterr().err.splitlines()
    assert "was damaged (it was changed after chipfacts wrote it)" in line
    assert answers(chipfacts.load(store)) == expected  # and rebuilt: no word now
    assert not capsys.readouterr().err


def check_unseen_damage(
    store: Path | None, page: int, how: str, capsys: pytest.CaptureFixture[str]
) -> str:
    """Damage the seal cannot see (as a disk corrupting the file beneath the file
    system would): what SQLite finds wrong is a rebuild, never a traceback (what was
    read before it may be wrong: only the seal guards content). Returns what
    happened."""
    expected = undamaged_answers(store)
    chipfacts.load(store)
    capsys.readouterr()
    db = the_database()
    damage_page(db, page, how)
    verify.seal(db)
    try:
        got = answers(chipfacts.load(store))
    except chipfacts.DataFileError as error:  # damaged again after its rebuild: one line
        assert "is damaged" in str(error)
        return "refused"
    err = capsys.readouterr().err.splitlines()
    assert len(err) <= 1
    if err:
        assert "was damaged" in err[0]
        assert answers(chipfacts.load(store)) == expected  # rebuilt from the fact files
        return "rebuilt"
    return "unchanged" if got == expected else "read as damaged"


@pytest.mark.parametrize(("page", "how"), variants(MINI, every=False))
def test_every_damaged_page_is_rebuilt(
    page: int, how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_damage(MINI, page, how, capsys)


@pytest.mark.parametrize("how", list(DAMAGE))
def test_damage_the_seal_cannot_see_never_ends_in_a_traceback(
    how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    outcomes = [check_unseen_damage(MINI, page, how, capsys) for page in range(32)]
    assert "rebuilt" in outcomes or how == "zeroed"  # the door was used, and answered


@pytest.mark.fuzz
@pytest.mark.parametrize(("page", "how"), variants(None, every=True))
def test_every_page_of_the_built_in_store_every_way(
    page: int, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    check_damage(None, page, how, capsys)


@pytest.mark.fuzz
@pytest.mark.parametrize(("page", "how"), variants(None, every=True))
def test_unseen_damage_to_the_built_in_store_every_way(
    page: int, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    check_unseen_damage(None, page, how, capsys)


OBJECTS = verify.expected_objects(database.LAYOUT)
TABLES = sorted(name for kind, name, *_ in OBJECTS if kind == "table")


def tamper(db: Path, table: str) -> int:
    """Every row of one table changed with SQL, the database left valid; how many."""
    with sqlite3.connect(db) as connection:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        sets = ", ".join(f"{c} = CASE typeof({c}) WHEN 'text' THEN {c} || 'x' "
                         f"WHEN 'integer' THEN {c} + 1 ELSE {c} END" for c in columns)  # fmt: skip
        changed = connection.execute(f"UPDATE OR IGNORE {table} SET {sets}").rowcount
    connection.close()
    return changed


@pytest.mark.parametrize("table", TABLES)
def test_values_tampered_in_any_table_are_rebuilt(
    table: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = undamaged_answers(MINI)
    chipfacts.load(MINI)
    changed = tamper(the_database(), table)
    capsys.readouterr()
    assert answers(chipfacts.load(MINI)) == expected
    assert ("was damaged" in capsys.readouterr().err) == (changed > 0)  # (refs: none in MINI)


# --- planted objects --------------------------------------------------------------


def plants(table: str, first: str) -> dict[str, str]:
    """Each kind of object planted on ``table`` (``first``: its first column)."""
    return {
        # Rewrites every fact on the next write to the table: an incremental update.
        "trigger": f"CREATE TRIGGER planted AFTER INSERT ON {table} "
        "BEGIN UPDATE facts SET summary = 'planted', value = 1; END",
        "view": f"CREATE VIEW planted AS SELECT * FROM {table}",
        "table": f"CREATE TABLE planted AS SELECT * FROM {table}",
        "index": f"CREATE INDEX planted ON {table} ({first})",
    }


PLANTS = [(kind, table) for table in TABLES for kind in plants(table, "")]


# By default: every kind on every table, then an update (where a trigger would run)
# with the seal sealed again (so that the schema check alone refuses it); the
# other ways under the fuzz marker.
WAYS = [
    pytest.param(edited, sealed, id=f"{'update' if edited else 'lookup'}-"
                 f"{'sealed again' if sealed else 'as planted'}",
                 marks=() if (edited, sealed) == (True, True) else pytest.mark.fuzz)
    for edited in (True, False) for sealed in (True, False)
]  # fmt: skip


@pytest.mark.parametrize(("edited", "sealed_again"), WAYS)
@pytest.mark.parametrize(("kind", "table"), PLANTS)
def test_a_planted_object_is_never_run_nor_kept(
    kind: str,
    table: str,
    sealed_again: bool,
    edited: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = split_store(tmp_path / "store")
    chipfacts.load(root)
    db = the_database()
    with sqlite3.connect(db) as connection:
        first = connection.execute(f"PRAGMA table_info({table})").fetchone()[1]
        connection.execute(plants(table, first)[kind])
    connection.close()
    if sealed_again:  # the seal passes: the schema check alone must refuse it
        verify.seal(db)
    capsys.readouterr()
    if edited:
        bump(root / "01-fact.yaml", "105000000000", "106000000000")  # an incremental update
    store = chipfacts.load(root)
    assert answers(store) == answers(chipfacts.load(root, use_cache=False))
    assert store.facts["maia100-transistors"].value == (106 if edited else 105) * 10**9
    assert "was damaged" in capsys.readouterr().err
    with sqlite3.connect(the_database()) as connection:
        planted = "SELECT 1 FROM sqlite_master WHERE name = 'planted'"
        assert not connection.execute(planted).fetchall()
    connection.close()


# --- a Store keeps its snapshot ------------------------------------------------------


MICROSOFT = "  - {id: microsoft, name: Microsoft, kind: company, aliases: [微软]}\n"


def reorder_entities(root: Path) -> None:
    """Microsoft moved before Maia 100: every entity's row changes."""
    bump(root / "00-vocabulary.yaml", MICROSOFT, "")
    bump(root / "00-vocabulary.yaml", "entities:\n", "entities:\n" + MICROSOFT)


def add_file(root: Path) -> None:
    more = "{id: more, file: more.txt, title: More, publisher: P, published: '2024', language: en}"
    (root / "00-a.yaml").write_text(f"sources:\n  - {more}\n", encoding="utf-8")


def clear_cache(root: Path) -> None:
    database.clear()


EDITS: dict[str, Callable[[Path], None]] = {
    "an entity added first": lambda root: bump(
        root / "00-vocabulary.yaml", "entities:\n",
        "entities:\n  - {id: acme, name: Acme, kind: company}\n",
    ),
    "entities reordered": reorder_entities,
    "an attribute added first": lambda root: bump(
        root / "00-vocabulary.yaml", "attributes:\n",
        "attributes:\n  - {id: die_size, label: Die size, type: number, unit: mm2, "
        "description: Area.}\n",
    ),
    "a fact edited": lambda root: bump(root / "01-fact.yaml", "105000000000", "106000000000"),
    "a file removed": lambda root: (root / "02-fact.yaml").unlink(),
    "a file added": add_file,
    "the cache cleared": clear_cache,
}  # fmt: skip


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_store_keeps_answering_from_its_snapshot(tmp_path: Path, edit: str) -> None:
    root = split_store(tmp_path / "store")
    earlier = chipfacts.load(root)
    before = answers(earlier)
    EDITS[edit](root)
    later = chipfacts.load(root)
    answers(later)  # read the new database too
    assert answers(earlier) == before
    fresh_earlier = answers(earlier)  # its record caches hold nothing of the new one
    assert fresh_earlier == before


def test_maia_stays_maia_after_a_vocabulary_edit(tmp_path: Path) -> None:
    root = split_store(tmp_path / "store")
    earlier = chipfacts.load(root)
    EDITS["entities reordered"](root)
    chipfacts.load(root).facts_of("microsoft")
    assert [f.entity.name for f in earlier.facts_of("maia100")] == ["Maia 100", "Maia 100"]


# --- one store, one database ----------------------------------------------------------


def test_one_store_named_many_ways_shares_one_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = split_store(tmp_path / "store")
    (tmp_path / "link").symlink_to(root)
    single = tmp_path / "mini.yaml"
    single.write_bytes(MINI.read_bytes())
    monkeypatch.chdir(tmp_path)
    for names in (["store", str(root), "./store/", "link", "store/../store"],
                  ["mini.yaml", str(single), "./mini.yaml"]):  # fmt: skip
        chipfacts.load(names[0])
        db = database.path_for(Path(names[0]))
        built = verify.identity(db)
        for name in names[1:] + names:
            store = chipfacts.load(name)
            assert store.path == str(Path(name))  # shown as given
            assert database.path_for(Path(name)) == db
            assert verify.identity(db) == built  # not compiled again
    assert len([e for e in database.entries() if e.name.endswith(database.SUFFIX)]) == 2


def test_problems_name_the_file_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = split_store(tmp_path / "store")
    monkeypatch.chdir(tmp_path)
    chipfacts.load("store")
    bump(root / "01-fact.yaml", "entity: maia100", "entity: maia999")
    with pytest.raises(chipfacts.InvalidDataError) as raised:
        chipfacts.load("store")
    assert str(raised.value).startswith(os.path.join("store", "01-fact.yaml") + ":")


def test_a_damaged_cache_from_the_command_line(own_cache: Path, cli: Cli) -> None:
    """As a user meets it: the right answer, exit 0, one line on stderr."""
    command = ["--data", str(MINI), "search", "maia", "--json"]
    first = cli(*command)
    assert first.code == 0 and not first.err
    for page in range(1, pages_of(MINI), 7):
        damage_page(the_database(), page, "scribbled")
        got = cli(*command)
        assert (got.code, got.out) == (0, first.out)
        (line,) = got.err.splitlines()
        assert line.startswith("chipfacts: warning: the compiled store ")


def test_a_stored_vocabulary_that_cannot_be_read_is_a_rebuild(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A file's stored vocabulary damaged where the seal cannot see it (sealed again
    after), and the file marked changed so an update reads it: the database is built
    afresh, never a traceback. (Bits flipped on a random page reach this only now and
    then.)"""
    expected = undamaged_answers(MINI)
    chipfacts.load(MINI)
    db = the_database()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE files SET identity = 'changed', vocabulary = x'deadbeef'")
    connection.close()
    verify.seal(db)
    assert answers(chipfacts.load(MINI)) == expected
    assert len(capsys.readouterr().err.splitlines()) <= 1
