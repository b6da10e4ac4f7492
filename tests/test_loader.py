"""Hostile and broken fact files: a clear error naming the file, never code execution."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import chipfacts
from chipfacts import DataFileError, InvalidDataError
from tests.conftest import MINI, WriteStore


def _load_error(path: Path) -> InvalidDataError:
    with pytest.raises(InvalidDataError) as caught:
        chipfacts.load(path)
    return caught.value


def test_the_builtin_store_loads() -> None:
    store = chipfacts.load()
    assert store.entities["maia100"].name == "Maia 100"
    assert len(store.facts) > 60


def test_records_are_resolved_and_frozen() -> None:
    store = chipfacts.load(MINI)
    fact = store.facts["maia100-foundry"]
    assert fact.entity is store.entities["maia100"]
    assert fact.source is store.sources["mini"]
    assert fact.related == (store.entities["microsoft"],)
    with pytest.raises(AttributeError):
        fact.value = "Samsung"  # type: ignore[misc]


def test_python_object_tags_are_refused_and_never_run(
    tmp_path: Path, write_store: WriteStore
) -> None:
    marker = tmp_path / "pwned"
    path = write_store(f"sources: !!python/object/apply:os.system ['touch {marker}']\n")
    error = _load_error(path)
    assert "unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system" in str(error)
    assert error.problems[0].line == 1
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly(write_store: WriteStore) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    error = _load_error(write_store("\n".join(lines) + "\n"))
    assert "YAML anchors (&name) are not allowed" in str(error)
    assert error.problems[0].line == 1


def test_merge_keys_are_refused(write_store: WriteStore) -> None:
    error = _load_error(write_store("base: {x: 1}\nother:\n  <<: {y: 2}\n"))
    assert "YAML merge keys (<<) are not allowed" in str(error)


def test_an_alias_without_an_anchor_is_still_refused(write_store: WriteStore) -> None:
    assert "YAML aliases (*name) are not allowed" in str(_load_error(write_store("a: *x\n")))


def test_deep_nesting_is_refused(write_store: WriteStore) -> None:
    error = _load_error(write_store("x: " + "[" * 100 + "]" * 100 + "\n"))
    assert "nested deeper than 16 levels" in str(error)


def test_very_deep_nesting_does_not_overflow(write_store: WriteStore) -> None:
    # Which check refuses it first (ours or the YAML library's own depth limit)
    # is the library's business; ours is one problem at the right line, no crash.
    error = _load_error(write_store("[" * 50_000 + "]" * 50_000))
    assert len(error.problems) == 1
    assert error.problems[0].line == 1
    assert error.problems[0].message.startswith("YAML syntax error: ")


def test_binary_junk(write_store: WriteStore) -> None:
    error = _load_error(write_store(bytes(range(256)) * 4))
    assert "facts.yaml:1: NUL byte" in str(error) or "invalid UTF-8" in str(error)


def test_invalid_utf8_names_the_line(write_store: WriteStore) -> None:
    error = _load_error(write_store("sources: []\n# caf\xe9\n".encode("latin-1")))
    assert error.problems[0].line == 2
    assert "invalid UTF-8" in error.problems[0].message


def test_utf16_with_bom(write_store: WriteStore) -> None:
    error = _load_error(write_store(MINI.read_text(encoding="utf-8").encode("utf-16")))
    assert "UTF-16; save it as UTF-8" in str(error)


def test_utf8_bom_is_accepted(write_store: WriteStore) -> None:
    path = write_store(b"\xef\xbb\xbf" + MINI.read_bytes())
    assert len(chipfacts.load(path).facts) == 3


def test_empty_file(write_store: WriteStore) -> None:
    assert "must be a mapping" in str(_load_error(write_store("")))


def test_a_list_instead_of_a_mapping(write_store: WriteStore) -> None:
    assert "must be a mapping" in str(_load_error(write_store("- a\n- b\n")))


def test_two_documents(write_store: WriteStore) -> None:
    error = _load_error(write_store("a: 1\n---\nb: 2\n"))
    assert "more than one YAML document" in str(error)
    assert error.problems[0].line == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        chipfacts.load(tmp_path / "nope.yaml")


def test_an_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="directory holds no .yaml or .yml files"):
        chipfacts.load(tmp_path)


def test_a_file_of_vocabulary_only(tmp_path: Path) -> None:
    """Sources, entities and attributes in one file, facts in others (as generated
    stores are split): the vocabulary file needs no 'facts' section of its own."""
    from chipfacts.store.safeyaml import parse_yaml, read_text

    data, _, _ = parse_yaml(read_text(MINI), str(MINI))
    vocabulary = {k: v for k, v in data.items() if k != "facts"}
    (tmp_path / "000-vocabulary.yaml").write_text(repr_yaml(vocabulary), encoding="utf-8")
    (tmp_path / "001-facts.yaml").write_text(repr_yaml({"facts": data["facts"]}), "utf-8")
    store = chipfacts.load(tmp_path)
    assert len(store.facts) == len(data["facts"])
    assert chipfacts.validate(tmp_path).problems == []


def repr_yaml(data: object) -> str:
    """Plain data as YAML (JSON is valid YAML)."""
    import json

    return json.dumps(data, ensure_ascii=False)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(DataFileError, match="not a regular file"):
        chipfacts.load(fifo)


def test_no_read_permission(monkeypatch: pytest.MonkeyPatch, write_store: WriteStore) -> None:
    # CI runs as root, which chmod cannot lock out, so the denial is simulated.
    path = write_store(MINI.read_text(encoding="utf-8"))

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(DataFileError, match="permission denied"):
        chipfacts.load(path)


def test_errors_carry_every_problem(write_store: WriteStore) -> None:
    text = (
        MINI.read_text(encoding="utf-8")
        .replace("value: 80", "value: x")
        .replace("    unit: transistors\n", "    unit: t\n")
    )
    error = _load_error(write_store(text))
    assert len(error.problems) == 2
    assert "(and 1 more problem; run `chipfacts validate`)" in str(error)
