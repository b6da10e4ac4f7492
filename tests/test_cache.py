"""The cache is never trusted blindly and never serves stale facts.

These prove correctness, not speed (speed is the benchmark's job).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chipfacts
from chipfacts.cli import app
from chipfacts.store import cache
from tests.conftest import MINI

MINI_TEXT = MINI.read_text(encoding="utf-8")


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(directory))
    return directory


def _store(tmp_path: Path, text: str = MINI_TEXT) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.cache")) if directory.is_dir() else []


def test_a_load_fills_the_cache_and_the_next_one_uses_it(tmp_path: Path, own_cache: Path) -> None:
    path = _store(tmp_path)
    first = chipfacts.load(path)
    # the parsed file, its checked and indexed fragment, and the whole store
    assert [p.name.split("-")[0] for p in _entries(own_cache)] == ["file", "fragment", "store"]
    stamps = {p: p.stat().st_mtime_ns for p in _entries(own_cache)}
    second = chipfacts.load(path)
    assert {p: p.stat().st_mtime_ns for p in _entries(own_cache)} == stamps  # nothing rewritten
    assert list(second.facts) == list(first.facts)
    assert second.facts["nvidia-share"] == first.facts["nvidia-share"]


def test_an_edit_is_served_at_once(tmp_path: Path, own_cache: Path) -> None:
    path = _store(tmp_path)
    assert chipfacts.load(path).facts["maia100-foundry"].value == "TSMC"
    path.write_text(MINI_TEXT.replace("value: TSMC", "value: Samsung"), encoding="utf-8")
    assert chipfacts.load(path).facts["maia100-foundry"].value == "Samsung"


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path: Path, own_cache: Path) -> None:
    path = _store(tmp_path)
    chipfacts.load(path)
    before = path.stat()
    path.write_text(MINI_TEXT.replace("value: TSMC", "value: ASML"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old mtime
    assert path.stat().st_size == before.st_size
    assert chipfacts.load(path).facts["maia100-foundry"].value == "ASML"


def test_an_edit_that_breaks_the_file_is_reported_not_hidden(
    tmp_path: Path, own_cache: Path
) -> None:
    path = _store(tmp_path)
    chipfacts.load(path)
    path.write_text(MINI_TEXT.replace("value: 80", "value: eighty"), encoding="utf-8")
    with pytest.raises(chipfacts.InvalidDataError, match="'value' must be a number"):
        chipfacts.load(path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:-10] + bytes(10),  # torn tail
        lambda blob: blob[:40] + bytes([blob[40] ^ 0xFF]) + blob[41:],  # one flipped byte
        lambda blob: b"not a cache at all",
        lambda blob: b"",
    ],
    ids=["truncated", "torn", "flipped", "junk", "empty"],
)
def test_a_damaged_entry_is_rebuilt(tmp_path: Path, own_cache: Path, damage: object) -> None:
    assert callable(damage)
    path = _store(tmp_path)
    expected = list(chipfacts.load(path).facts)
    for entry in _entries(own_cache):
        entry.write_bytes(damage(entry.read_bytes()))
    assert list(chipfacts.load(path).facts) == expected
    assert all(e.read_bytes().startswith(cache.MAGIC) for e in _entries(own_cache))  # rewritten


def test_a_crafted_entry_cannot_run_code(tmp_path: Path, own_cache: Path) -> None:
    import pickle
    import zlib

    path = _store(tmp_path)
    chipfacts.load(path)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Exploit())
    for entry in _entries(own_cache):  # a valid checksum, so only the unpickler stands guard
        entry.write_bytes(cache.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    assert len(chipfacts.load(path).facts) == 3
    assert not marker.exists()


def test_an_entry_for_another_version_of_the_code_is_not_used(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _store(tmp_path)
    chipfacts.load(path)
    stamps = {p: p.read_bytes() for p in _entries(own_cache)}
    monkeypatch.setattr(cache, "code_fingerprint", lambda: (("other.py", 1, 1),))
    chipfacts.load(path)
    assert {p: p.read_bytes() for p in _entries(own_cache)} != stamps


def test_no_cache_reads_afresh_and_writes_nothing(tmp_path: Path, own_cache: Path) -> None:
    path = _store(tmp_path)
    store = chipfacts.load(path, use_cache=False)
    assert len(store.facts) == 3 and _entries(own_cache) == []
    result = CliRunner().invoke(app, ["--data", str(path), "--no-cache", "search", "maia"])
    assert result.exit_code == 0 and _entries(own_cache) == []


def test_an_unwritable_cache_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(blocker / "cache"))
    assert len(chipfacts.load(_store(tmp_path)).facts) == 3


def test_cache_clear_and_path(tmp_path: Path, own_cache: Path) -> None:
    chipfacts.load(_store(tmp_path))
    runner = CliRunner()
    result = runner.invoke(app, ["cache", "path"])
    assert result.stdout == f"{own_cache}\n"
    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("removed 3 cache entries (")
    assert str(own_cache) in result.stderr
    assert _entries(own_cache) == []


def test_the_default_cache_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHIPFACTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "chipfacts"


def test_concurrent_processes_both_get_correct_answers(tmp_path: Path, own_cache: Path) -> None:
    path = _store(tmp_path)
    env = {**os.environ, "CHIPFACTS_DATA": str(path)}
    command = [sys.executable, "-m", "chipfacts", "search", "nvidia", "--json"]
    for _ in range(3):  # cold cache each round: all of them race to build and write it
        for entry in _entries(own_cache):
            entry.unlink()
        runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE) for _ in range(4)]
        outputs = [run.communicate()[0] for run in runs]
        assert all(run.returncode == 0 for run in runs)
        assert len(set(outputs)) == 1 and b'"nvidia-share"' in outputs[0]
    assert not list(own_cache.glob("*.tmp"))  # no temporary file left behind


# --- a store split over several files ---------------------------------------------

VOCABULARY = MINI_TEXT[: MINI_TEXT.index("facts:")]
FACTS = MINI_TEXT[MINI_TEXT.index("facts:") :]


def _split_store(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    (directory / "topic").mkdir(parents=True)
    (directory / "00-vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    first, second = FACTS.split("  - id: maia100-foundry")
    (directory / "10-facts.yaml").write_text(first, encoding="utf-8")
    (directory / "topic" / "20-more.yml").write_text(
        "facts:\n  - id: maia100-foundry" + second, encoding="utf-8"
    )
    (directory / ".hidden.yaml").write_text("not: [valid", encoding="utf-8")  # ignored
    (directory / "notes.txt").write_text("ignored", encoding="utf-8")
    return directory


def test_a_directory_is_one_store(tmp_path: Path, own_cache: Path) -> None:
    store = chipfacts.load(_split_store(tmp_path))
    assert list(store.facts) == ["maia100-transistors", "nvidia-share", "maia100-foundry"]
    assert store.facts["maia100-foundry"].related == (store.entities["microsoft"],)


def test_editing_one_file_of_a_directory_reparses_only_that_file(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = _split_store(tmp_path)
    chipfacts.load(directory)
    edited = directory / "topic" / "20-more.yml"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("TSMC", "Samsung"), encoding="utf-8"
    )
    from chipfacts.store import safeyaml

    parsed: list[str] = []
    real = safeyaml.parse_yaml

    def counting(text: str, name: str) -> object:
        parsed.append(name)
        return real(text, name)

    monkeypatch.setattr(safeyaml, "parse_yaml", counting)
    assert chipfacts.load(directory).facts["maia100-foundry"].value == "Samsung"
    assert parsed == [str(edited)]


def test_problems_across_files_name_their_file(tmp_path: Path, own_cache: Path) -> None:
    directory = _split_store(tmp_path)
    more = directory / "topic" / "20-more.yml"
    more.write_text(
        more.read_text(encoding="utf-8").replace("id: maia100-foundry", "id: nvidia-share"),
        encoding="utf-8",
    )
    with pytest.raises(chipfacts.InvalidDataError) as caught:
        chipfacts.load(directory)
    (problem,) = caught.value.problems
    assert problem.file == str(more) and problem.line == 2
    assert (
        problem.message
        == f"duplicate id 'nvidia-share' in facts (first at {directory / '10-facts.yaml'}:13)"
    )
    report = chipfacts.validate(directory)
    assert [(p.file, p.line) for p in report.problems] == [(str(more), 2)]


def test_a_vocabulary_edit_rechecks_every_file(tmp_path: Path, own_cache: Path) -> None:
    directory = _split_store(tmp_path)
    chipfacts.load(directory)
    vocabulary = directory / "00-vocabulary.yaml"
    vocabulary.write_text(
        VOCABULARY.replace("{id: microsoft,", "{id: msft,").replace(
            "maker: microsoft", "maker: msft"
        ),
        encoding="utf-8",
    )
    with pytest.raises(chipfacts.InvalidDataError) as caught:
        chipfacts.load(directory)
    assert [p.message for p in caught.value.problems] == ["unknown entity 'microsoft' in 'related'"]
