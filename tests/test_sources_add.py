"""Registered sources: a source's ``sha256`` catches a text changed since, and
``chipfacts sources add`` registers one without harming the rest of the fact file."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chipfacts
from chipfacts import validate
from chipfacts.store.register import NewSource, insert_entry
from chipfacts.store.safeyaml import parse_yaml
from chipfacts.text.visible import visible
from tests.conftest import MINI, MINI_SOURCES, Cli, Run, run_cli

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


# --- chipfacts sources add ---------------------------------------------------------------

ECHO = "# 回顾：微软的首款AI芯片\n\nMaia 100的晶体管数量达到1050亿个。\n"


class Setup(NamedTuple):
    store: Path
    sources: Path
    text: Path  # a new source text, in the sources directory


@pytest.fixture
def setup(tmp_path: Path, sources: Path) -> Setup:
    store = tmp_path / "facts.yaml"
    store.write_text(MINI_TEXT, encoding="utf-8")
    text = sources / "005_echo.txt"
    text.write_text(ECHO, encoding="utf-8")
    return Setup(store, sources, text)


def add(setup: Setup, *options: str, text: Path | None = None) -> Run:
    """``chipfacts sources add`` of the set-up's text (or ``text``), not at a terminal."""
    return run_cli("--data", str(setup.store), "sources", "add", str(text or setup.text), *options)


REQUIRED = ("--publisher", "Echo Weekly", "--date", "2024-01")


def test_a_source_is_appended_to_the_sources_and_nothing_else_changes(setup: Setup) -> None:
    code, out, err = add(setup, *REQUIRED, "--url", "https://example.com/a?b=1#c")
    digest = hashlib.sha256(ECHO.encode()).hexdigest()
    entry = (
        "  - id: 005_echo\n    file: 005_echo.txt\n    title: 回顾：微软的首款AI芯片\n"
        '    publisher: Echo Weekly\n    published: "2024-01"\n    language: zh-Hans\n'
        f"    sha256: {digest}\n    url: https://example.com/a?b=1#c\n"
    )
    assert (code, out, err) == (0, entry, f"added source '005_echo' to {setup.store}:9\n")
    assert setup.store.read_text(encoding="utf-8") == MINI_TEXT.replace(
        "entities:\n", entry + "entities:\n", 1
    )
    report = validate(setup.store, setup.sources)
    assert (report.problems, report.sources) == ([], 2)
    assert chipfacts.load(setup.store).sources["005_echo"].sha256 == digest


def test_options_name_every_field(setup: Setup) -> None:
    code, out, _ = add(
        setup, *REQUIRED, "--id", "echo-2024-01", "--title", "A: title # not a comment",
        "--title-en", "Looking back", "--language", "zh-Hant", "--note", "'Quoted' text",
    )  # fmt: skip
    assert code == 0
    source = chipfacts.load(setup.store).sources["echo-2024-01"]
    assert (source.title, source.title_en, source.language, source.note) == (
        "A: title # not a comment", "Looking back", "zh-Hant", "'Quoted' text"
    )  # fmt: skip
    assert '    title: "A: title # not a comment"\n' in out


@pytest.mark.parametrize(
    ("text", "language"),
    [("微軟首款AI晶片的電晶體數量達到1050億個。", "zh-Hant"), ("Microsoft's first AI chip.", "en")],
)
def test_the_language_is_read_from_the_script(setup: Setup, text: str, language: str) -> None:
    setup.text.write_text(text, encoding="utf-8")
    assert add(setup, *REQUIRED)[0] == 0
    assert chipfacts.load(setup.store).sources["005_echo"].language == language


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--id", "mini"), "the store already has a source with id 'mini'"),
        (("--id", "other"), "005_echo.txt is already registered, as source '005_echo'"),
    ],
)
def test_a_source_registered_twice_is_refused(
    setup: Setup, options: tuple[str, ...], message: str
) -> None:
    assert add(setup, *REQUIRED)[0] == 0
    before = setup.store.read_bytes()
    assert add(setup, *REQUIRED, *options) == (6, "", f"chipfacts: error: {message}\n")
    assert setup.store.read_bytes() == before


def test_the_same_text_under_another_name_is_refused(setup: Setup) -> None:
    copy = setup.sources / "copy.txt"
    shutil.copy(setup.sources / "mini.txt", copy)
    code, _, err = add(setup, *REQUIRED, text=copy)
    assert (code, err) == (6, "chipfacts: error: the same text is already registered, "
                              "as source 'mini' (mini.txt)\n")  # fmt: skip
    assert setup.store.read_text(encoding="utf-8") == MINI_TEXT


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--date", "2024-01"), "missing --publisher (it is asked for only at a terminal)"),
        (("--publisher", "P"), "missing --date (it is asked for only at a terminal)"),
        (
            (*REQUIRED[:2], "--date", "2024-13"),
            "--date: not a date: '2024-13' (month 13 is out of range)",
        ),
        ((*REQUIRED, "--id", "Echo 1"), "id 'Echo 1' must be a lowercase slug"),
        ((*REQUIRED, "--language", "fr"), "the language must be one of zh-Hans, zh-Hant, en"),
        ((*REQUIRED, "--title", "a\x1b[31m"), "the --title holds a control character"),
        ((*REQUIRED, "--sources", "/nonexistent"), "/nonexistent is not a directory"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    setup: Setup, options: tuple[str, ...], message: str
) -> None:
    code, out, err = add(setup, *options)
    assert (code, out) == (2, "")
    assert err.startswith("chipfacts: error: ") and message in err and err.count("\n") == 1
    assert setup.store.read_text(encoding="utf-8") == MINI_TEXT


def test_a_text_outside_the_sources_directory_is_refused(setup: Setup, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(ECHO, encoding="utf-8")
    code, _, err = add(setup, *REQUIRED, "--sources", str(setup.sources), text=outside)
    assert code == 2 and "is not in the sources directory" in err


def test_a_text_that_is_not_utf8_is_refused(setup: Setup) -> None:
    setup.text.write_bytes("微软".encode("gbk"))
    code, _, err = add(setup, *REQUIRED)
    assert code == 4 and "is not UTF-8" in err


def test_a_dry_run_writes_nothing(setup: Setup) -> None:
    code, out, err = add(setup, *REQUIRED, "--dry-run")
    assert code == 0 and out.startswith("  - id: 005_echo\n")
    assert err == f"would add source '005_echo' to {setup.store}:9 (nothing written)\n"
    assert setup.store.read_text(encoding="utf-8") == MINI_TEXT


def test_an_invalid_store_is_refused_before_anything_is_written(setup: Setup) -> None:
    broken = MINI_TEXT.replace("    bound: exact\n", "    bound: roughly\n", 1)
    setup.store.write_text(broken, encoding="utf-8")
    assert add(setup, *REQUIRED)[0] == 3
    assert setup.store.read_text(encoding="utf-8") == broken


def test_comments_line_endings_and_a_byte_order_mark_are_kept(setup: Setup) -> None:
    text = MINI_TEXT.replace("entities:\n", "  # (more sources go here)\n\n# Entities\nentities:\n")
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    setup.store.write_bytes(raw)
    assert add(setup, *REQUIRED)[0] == 0
    written = setup.store.read_bytes()
    assert written.startswith(raw[: raw.index(b"  # (more")])
    inserted = written[len(raw[: raw.index(b"\r\n# Entities")]) :]
    assert inserted.startswith(b"  - id: 005_echo\r\n")  # after the comment in the list
    assert written.endswith(raw[raw.index(b"\r\n# Entities") :])
    assert b"\n" not in written.replace(b"\r\n", b"")


def test_a_flow_style_sources_list_is_refused(setup: Setup) -> None:
    flow = "sources: [{id: mini, file: mini.txt, title: T, publisher: P, published: '2023',\n"
    flow += "  language: zh-Hans}]\n" + MINI_TEXT[MINI_TEXT.index("entities:") :]
    setup.store.write_text(flow, encoding="utf-8")
    code, _, err = add(setup, *REQUIRED)
    assert code == 2 and "flow-style" in err
    assert setup.store.read_text(encoding="utf-8") == flow


def test_in_a_store_of_several_files_the_file_with_the_sources_is_written(
    setup: Setup, tmp_path: Path, cli: Cli
) -> None:
    directory = tmp_path / "store"
    directory.mkdir()
    head, facts = MINI_TEXT.split("facts:\n", 1)
    (directory / "a-vocabulary.yaml").write_text(head, encoding="utf-8")
    (directory / "b-facts.yaml").write_text("facts:\n" + facts, encoding="utf-8")
    data = ["--data", str(directory), "sources", "add", str(setup.text), *REQUIRED]
    assert cli(*data).code == 0
    assert "005_echo" in (directory / "a-vocabulary.yaml").read_text(encoding="utf-8")
    assert (directory / "b-facts.yaml").read_text(encoding="utf-8") == "facts:\n" + facts


def test_a_symlinked_fact_file_stays_a_link(setup: Setup, tmp_path: Path, cli: Cli) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(setup.store)
    args = ["--data", str(link), "sources", "add", str(setup.text), *REQUIRED]
    assert cli(*args).code == 0
    assert link.is_symlink()
    assert "005_echo" in setup.store.read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_file_whole(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup.store.chmod(0o640)

    def fail(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = add(setup, *REQUIRED)
    assert code == 5 and "No space left on device" in err
    assert setup.store.read_text(encoding="utf-8") == MINI_TEXT
    assert [p.name for p in setup.store.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_written_file_keeps_its_permissions(setup: Setup) -> None:
    setup.store.chmod(0o640)
    assert add(setup, *REQUIRED)[0] == 0
    assert stat.S_IMODE(setup.store.stat().st_mode) == 0o640


def test_at_a_terminal_publisher_and_date_are_asked_for(setup: Setup, cli: Cli) -> None:
    args = ["--data", str(setup.store), "sources", "add", str(setup.text)]
    result = cli(*args, tty=True, input="Echo Weekly\n2024-01\n")
    assert result.code == 0, result.err
    source = chipfacts.load(setup.store).sources["005_echo"]
    assert (source.publisher, str(source.published)) == ("Echo Weekly", "2024-01")


def test_sources_still_lists_and_its_help_names_add(cli: Cli) -> None:
    listing = cli("--data", str(MINI), "sources", "mini", "--format", "plain")
    assert listing.code == 0 and listing.out.startswith("maia100-transistors\t")
    help_text = cli("sources", "--help", columns=80).out
    assert help_text.startswith("Usage: chipfacts sources [OPTIONS] [SOURCE]\n")
    assert "--format" in help_text and "\n  add  Register a source text" in help_text
    wrong = cli("sources", "mini", "--bogus")
    assert wrong.code == 2 and "(see 'chipfacts sources --help')" in wrong.err


_FIELD = st.text(
    st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1
).filter(lambda t: t == t.strip() and visible(t) == t)


@settings(max_examples=150, deadline=None)
@given(title=_FIELD, publisher=_FIELD, note=_FIELD)
def test_any_text_is_written_so_that_it_reads_back_the_same(
    title: str, publisher: str, note: str
) -> None:
    source = NewSource("echo", "echo.txt", title, publisher, "2024-01", "en", "0" * 64,
                       note=note)  # fmt: skip
    text, _, _ = insert_entry(MINI_TEXT, source)
    data, _, problems = parse_yaml(text, "facts.yaml")
    assert problems == []
    assert data["sources"][-1] == source.entry()
    assert text.replace(text[text.index("  - id: echo") : text.index("entities:")], "") == MINI_TEXT


# --- one article, one source; one writer at a time; never the installed copy --------------


def test_two_sources_with_the_same_text_are_a_problem(tmp_path: Path, sources: Path) -> None:
    shutil.copy(sources / "mini.txt", sources / "copy.txt")
    second = (
        "  - {id: mini-again, file: copy.txt, title: 又一份, publisher: Test Press,"
        ' published: "2023-11", language: zh-Hans}\n'
    )
    store = tmp_path / "facts.yaml"
    store.write_text(MINI_TEXT.replace("entities:\n", second + "entities:\n", 1), encoding="utf-8")
    assert [(p.line, p.message) for p in validate(store, sources).problems] == [
        (9, "source 'mini-again' (copy.txt) has the same text as source 'mini' (mini.txt)")
    ]


def test_the_store_is_read_and_written_under_one_lock(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from chipfacts.store import register

    seen: list[str] = []

    def held(target: Path) -> bool:
        """Whether another open file description is kept from locking the directory."""
        handle = os.open(target.parent, os.O_RDONLY)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(handle)
        return False

    real_register, real_write = register.register, register.write_atomically

    def checked_register(store: Any, location: Path, *args: Any, **kw: Any) -> Any:
        seen.append(f"read {held(location)}")
        return real_register(store, location, *args, **kw)

    def checked_write(target: Path, data: bytes) -> None:
        seen.append(f"write {held(target)}")
        real_write(target, data)

    monkeypatch.setattr(register, "register", checked_register)
    monkeypatch.setattr(register, "write_atomically", checked_write)
    assert add(setup, *REQUIRED).code == 0
    assert seen == ["read True", "write True"]
    assert not held(setup.store)  # and let go after


@pytest.mark.slow
def test_sources_added_at_once_are_all_kept(setup: Setup) -> None:
    import subprocess
    import sys

    texts = []
    for n in range(6):
        text = setup.sources / f"00{n}_many.txt"
        text.write_text(f"第{n}篇：微软的芯片。\n", encoding="utf-8")
        texts.append(text)
    command = [sys.executable, "-m", "chipfacts", "--data", str(setup.store), "sources", "add"]
    runs = [
        subprocess.Popen([*command, str(text), *REQUIRED], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
        for text in texts
    ]  # fmt: skip
    for text, run in zip(texts, runs, strict=True):
        _, err = run.communicate(timeout=120)
        assert (run.returncode, err[: err.find(" to ")]) == (0, f"added source '{text.stem}'")
    # each read the file as the one before it left it: none lost another's entry
    assert sorted(chipfacts.load(setup.store).sources) == sorted(
        ["mini", *(text.stem for text in texts)]
    )
    assert validate(setup.store, setup.sources).problems == []


def test_the_installed_copy_of_the_builtin_store_is_not_edited(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chipfacts.store import locate

    monkeypatch.setattr(locate, "packaged_path", lambda: setup.store)
    message = (
        "chipfacts: error: the built-in store of an installed chipfacts is not for editing; "
        "name your own fact file with --data or $CHIPFACTS_DATA\n"
    )
    for how in ([], ["--data", str(setup.store)]):
        command = [*how, "sources", "add", str(setup.text), *REQUIRED]
        assert run_cli(*command) == (2, "", message)
    assert setup.store.read_text(encoding="utf-8") == MINI_TEXT
