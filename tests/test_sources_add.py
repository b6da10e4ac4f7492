"""Registered sources: a source's ``sha256`` catches a text changed since, and
``chipfacts sources add`` registers one without harming the rest of the fact file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from chipfacts import validate
from tests.conftest import MINI, MINI_SOURCES

MINI_TEXT = MINI.read_text(encoding="utf-8")
MINI_SHA256 = hashlib.sha256((MINI_SOURCES / "mini.txt").read_bytes()).hexdigest()


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    directory = tmp_path / "sources"
    directory.mkdir()
    shutil.copy(MINI_SOURCES / "mini.txt", directory / "mini.txt")
    return directory


def with_hash(digest: str) -> str:
    return MINI_TEXT.replace(
        "    language: zh-Hans\n", f"    language: zh-Hans\n    sha256: {digest}\n", 1
    )


def test_a_source_whose_text_is_unchanged_passes(tmp_path: Path, sources: Path) -> None:
    store = tmp_path / "facts.yaml"
    store.write_text(with_hash(MINI_SHA256), encoding="utf-8")
    assert validate(store, sources).problems == []


def test_a_source_changed_since_it_was_registered_is_reported(
    tmp_path: Path, sources: Path
) -> None:
    store = tmp_path / "facts.yaml"
    store.write_text(with_hash(MINI_SHA256), encoding="utf-8")
    text = sources / "mini.txt"
    changed = text.read_bytes() + "另有一句。\n".encode()
    text.write_bytes(changed)
    report = validate(store, sources)
    assert [(p.line, p.message) for p in report.problems] == [
        (
            4,
            f"source file 'mini.txt' has changed since it was registered "
            f"(sha256 {hashlib.sha256(changed).hexdigest()}, expected {MINI_SHA256})",
        )
    ]
    assert report.quotes_checked == 3  # the quotes are still checked


@pytest.mark.parametrize("digest", ["abc", MINI_SHA256.upper(), MINI_SHA256 + "0"])
def test_a_malformed_sha256_is_refused_with_its_line(tmp_path: Path, digest: str) -> None:
    store = tmp_path / "facts.yaml"
    store.write_text(with_hash(digest), encoding="utf-8")
    problems = validate(store).problems
    assert problems[0].line == 9  # (then every fact citing it: an unknown source)
    assert problems[0].message.startswith("'sha256' must be 64 lowercase hex digits, not '")
