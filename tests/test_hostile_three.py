"""Hostile data and environments, round three: the commands added since round two
(``fact``, ``conflicts``, ``export``, ``list facts`` filters, the pager) and the
API, each defect class with generated variants rather than one reproduction.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import chipfacts
from chipfacts.errors import DataFileError
from chipfacts.model.dates import parse_partial_date
from tests.conftest import FIXTURES, Cli
from tests.test_hostile import (
    EVERY_FORMAT,
    HOSTILE,
    MARKUP,
    formats_for,
    leaves,
    poisoned_store,
    unsafe_in,
)

GOLDEN = FIXTURES / "golden.yaml"
EXPORT_FORMATS = ["csv", "json", "jsonl", "sqlite"]


def golden_copy(tmp_path: Path) -> Path:
    store = tmp_path / "store" / "golden.yaml"
    store.parent.mkdir()
    shutil.copy(GOLDEN, store)
    return store


# --- 1. terminal escapes and markup in the new commands -------------------------------

NEW_COMMANDS: list[list[str]] = [
    ["fact", "alpha-transistors"],
    ["fact", "alpha-transistors", "beta-cluster", "acorp-quota"],
    ["conflicts"],
    ["conflicts", "alpha"],
    ["list", "facts", "--sort", "value", "--reverse"],
    ["list", "facts", "--since", "2023", "--until", "2023-11", "--limit", "3"],
    ["list", "facts", "--doubted"],
    ["search", "alpha", "--quotes"],
    ["show", "alpha", "--quotes"],
    ["timeline", "--doubted"],
]


@EVERY_FORMAT
@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_new_commands_never_print_a_raw_control_character(
    tmp_path: Path, hostile: str, every: bool, cli: Cli
) -> None:
    store, text = poisoned_store(tmp_path, HOSTILE[hostile], MARKUP.get(hostile, "[maia]"))
    for number, command in enumerate(NEW_COMMANDS):
        for fmt in formats_for(hostile, number, every):
            result = cli("--data", str(store), *command, "--format", fmt, columns=160)
            where = f"{' '.join(command)} -f {fmt}"
            assert result.code == 0, (where, result.err)
            assert not unsafe_in(result.out), where
            assert not unsafe_in(result.err), where
            if fmt in ("json", "jsonl"):  # lossless
                lines = [result.out] if fmt == "json" else result.out.splitlines()
                found = [s for s in leaves([json.loads(x) for x in lines]) if isinstance(s, str)]
                assert any(":" + text in s for s in found), where


# --- 2. export: the files it writes ---------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_exported_files_are_safe_to_print_and_json_stays_lossless(
    tmp_path: Path, hostile: str, cli: Cli
) -> None:
    store, text = poisoned_store(tmp_path, HOSTILE[hostile], MARKUP.get(hostile, "[maia]"))
    for fmt in ("csv", "json", "jsonl"):
        target = tmp_path / f"out.{fmt}"
        result = cli("--data", str(store), "export", str(target), "--format", fmt, columns=160)
        assert result.code == 0, result.err
        if fmt == "csv":  # a directory of CSV files and their data package
            for written in (p.read_text(encoding="utf-8") for p in target.iterdir()):
                assert not unsafe_in(written), fmt
            continue
        written = target.read_text(encoding="utf-8")
        assert not unsafe_in(written), fmt
        lines = [written] if fmt == "json" else written.splitlines()
        found = [s for s in leaves([json.loads(x) for x in lines]) if isinstance(s, str)]
        assert any(":" + text in s for s in found), fmt


FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "=HYPERLINK(x)"]


def formula_store(tmp_path: Path, formula: str) -> Path:
    """The golden store with every free-text field starting with ``formula``."""
    data: dict[str, Any] = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    for record in data["sources"]:
        for key in ("title", "title_en", "publisher"):
            record[key] = f"{formula} {key}"
    for record in data["entities"]:
        record["name"] = f"{formula} {record['name']}"
    for record in data["attributes"]:
        record["label"] = f"{formula} {record['label']}"
    text_attributes = {a["id"] for a in data["attributes"] if a["type"] == "text"}
    for record in data["facts"]:
        for key in ("quote", "summary", "context", "note"):
            record[key] = f"{formula} {key}"
        if record["attribute"] in text_attributes:
            record["value"] = f"{formula} value"
    path = tmp_path / "formula.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_csv_cell_starts_a_spreadsheet_formula(tmp_path: Path, formula: str, cli: Cli) -> None:
    store = formula_store(tmp_path, formula)
    assert chipfacts.validate(store).problems == []
    outputs = {}
    target = tmp_path / "out"
    assert (
        cli("--data", str(store), "export", str(target), "--format", "csv", columns=160).code == 0
    )
    for table in target.glob("*.csv"):
        outputs[f"export {table.name}"] = table.read_text(encoding="utf-8")
    commands = [
        ["list", "facts"], ["list", "entities"], ["list", "attributes"], ["search", "alpha"],
        ["fact", "alpha-transistors"], ["conflicts"], ["show", "alpha"], ["sources"],
        ["timeline"], ["compare", "alpha", "beta"],
    ]  # fmt: skip
    for command in commands:
        result = cli("--data", str(store), *command, "--format", "csv", columns=160)
        assert result.code == 0, (command, result.err)
        outputs[" ".join(command)] = result.out
    for where, text in outputs.items():
        cells = csv_cells(text)
        if where not in ("export related_entities.csv", "export datapackage.json"):
            assert any(c.startswith("'" + formula) for c in cells), where  # guarded, kept
        for cell in cells:
            if cell.startswith(("=", "+", "-", "@")):
                float(cell.replace(",", ""))  # only numbers may start so
    # JSON keeps the text as written
    result = cli("--data", str(store), "fact", "alpha-transistors", "--format", "json", columns=160)
    assert f'"{formula} summary"' in result.out.replace('\\"', '"')


def test_negative_numbers_stay_numbers_in_csv() -> None:
    from chipfacts.render.output import csv_cell

    for value in (-5, -1.5, "-1,000", "+3", -1e30):
        assert csv_cell({"value": value}, "value") == str(value)
    assert csv_cell({"value": "-5 nm"}, "value") == "'-5 nm"


def special_files(tmp_path: Path, store: Path) -> dict[str, Path]:
    """Every kind of path an export must refuse, by name."""
    kinds: dict[str, Path] = {}
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    kinds["fifo"] = fifo
    directory = tmp_path / "dir.csv"
    directory.mkdir()
    kinds["directory"] = directory
    # A regression must not replace the real /dev/null: root (who could) gets its own.
    device = Path(os.devnull)
    if os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    kinds["device"] = device
    link = tmp_path / "link-to-device.csv"
    link.symlink_to(device)
    kinds["symlink to a device"] = link
    link = tmp_path / "link-to-fifo.csv"
    link.symlink_to(fifo)
    kinds["symlink to a FIFO"] = link
    kinds["the fact file"] = store
    kinds["the fact file, by another path"] = store.parent / ".." / store.parent.name / store.name
    link = tmp_path / "link-to-store.json"
    link.symlink_to(store)
    kinds["symlink to the fact file"] = link
    hard = tmp_path / "hard-link-to-store.json"
    os.link(store, hard)
    kinds["hard link to the fact file"] = hard
    if len(str(tmp_path / "s.sock")) < 100:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(tmp_path / "s.sock"))
        sock.close()
        kinds["socket"] = tmp_path / "s.sock"
    return kinds


def snapshot(path: Path) -> tuple[int, int, bytes]:
    info = os.lstat(path)
    body = path.read_bytes() if stat.S_ISREG(info.st_mode) else b""
    return info.st_mode, info.st_ino, body


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_refuses_every_special_target_and_never_writes_the_store(
    tmp_path: Path, fmt: str, cli: Cli
) -> None:
    store = golden_copy(tmp_path)
    data = store.read_bytes()
    for kind, target in special_files(tmp_path, store).items():
        before = snapshot(target)
        result = cli("--data", str(store), "export", str(target), "--format", fmt, columns=160)
        assert result.code == 5, (kind, result.err)
        assert result.err.count("\n") == 1 and result.err.startswith("chipfacts: error:")
        assert snapshot(target) == before, kind
        assert store.read_bytes() == data, kind
    leftovers = [p.name for p in tmp_path.rglob(".chipfacts-export-*")]
    assert not leftovers


def test_export_never_writes_a_file_of_a_store_directory(tmp_path: Path, cli: Cli) -> None:
    store = golden_copy(tmp_path)
    for fmt in EXPORT_FORMATS:
        result = cli(
            "--data", str(store.parent), "export", str(store), "--format", fmt, columns=160
        )
        assert result.code == 5 and "a fact file of this store" in result.err
    assert store.read_bytes() == GOLDEN.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sqlite"])  # csv writes a directory
def test_export_follows_a_symlink_and_keeps_permissions(tmp_path: Path, fmt: str, cli: Cli) -> None:
    real = tmp_path / "real.out"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.out"
    link.symlink_to(real)
    result = cli("--data", str(GOLDEN), "export", str(link), "--format", fmt, columns=160)
    assert result.code == 0, result.err
    assert link.is_symlink() and real.read_text(errors="replace") != "old"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    fresh = tmp_path / f"fresh.{fmt}"
    assert cli("--data", str(GOLDEN), "export", str(fresh), columns=160).code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("", 2, "the export path is empty"),
        ("a\x00b.csv", 5, "a path cannot hold a NUL byte"),
        ("missing-dir/x.csv", 5, "No such file or directory"),
        ("x" * 300 + ".csv", 5, "File name too long"),
        ("\x1b]0;t\x07/x.csv", 5, "cannot write"),
    ],
)
def test_export_to_an_impossible_path_is_one_line(
    tmp_path: Path, path: str, code: int, message: str, cli: Cli
) -> None:
    target = str(tmp_path / path) if path else ""
    for fmt in EXPORT_FORMATS:
        result = cli("--data", str(GOLDEN), "export", target, "--format", fmt, columns=160)
        assert result.code == code, (fmt, result.err)
        assert message in result.err and result.err.count("\n") == 1
        assert not unsafe_in(result.err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_export_into_a_read_only_directory_fails_with_5(tmp_path: Path, cli: Cli) -> None:
    tmp_path.chmod(0o555)
    try:
        for fmt in EXPORT_FORMATS:
            result = cli(
                "--data", str(GOLDEN), "export", str(tmp_path / "x"), "--format", fmt, columns=160
            )
            assert result.code == 5 and "Permission denied" in result.err
    finally:
        tmp_path.chmod(0o755)


# --- 3. text that is not Unicode, and keys that are not text --------------------------

NOT_UNICODE = ["x\udcff\udcfe", "\ud800", "a\udfffb", "\udc80"]
STORE_LOOKUPS: dict[str, Callable[[chipfacts.Store, Any], Any]] = {
    "facts.get": lambda s, k: s.facts.get(k),
    "entities.get": lambda s, k: s.entities.get(k),
    "sources.get": lambda s, k: s.sources.get(k),
    "attributes.get": lambda s, k: s.attributes.get(k),
    "in facts": lambda s, k: k in s.facts,
    "in entities": lambda s, k: k in s.entities,
    "facts_of": lambda s, k: s.facts_of(k),
    "mentions_of": lambda s, k: s.mentions_of(k),
    "fact_by_id": lambda s, k: s.fact_by_id(k),
    "fact_ids_near": lambda s, k: s.fact_ids_near(k),
    "entities_of_kind": lambda s, k: s.entities_of_kind(k),
    "entity_rows": lambda s, k: s.entity_rows(k),
    "words_with_prefix": lambda s, k: s.words_with_prefix(k),
    "rows_with_word": lambda s, k: s.rows_with_word(k, 10),
    "rows_containing": lambda s, k: s.rows_containing(k, None, 10),
    "entities_with_cjk_part": lambda s, k: s.entities_with_cjk_part(k),
}


@pytest.mark.parametrize("lookup", STORE_LOOKUPS, ids=str)
def test_store_lookups_with_text_that_is_not_unicode_find_nothing(lookup: str) -> None:
    store = chipfacts.load(GOLDEN)
    for key in NOT_UNICODE:
        assert not STORE_LOOKUPS[lookup](store, key), key
    odd: list[Any] = [*NOT_UNICODE, ("a",), 5, None, b"x"]
    for mapping in (store.facts, store.entities, store.sources, store.attributes):
        for odd_key in odd:
            with pytest.raises(KeyError):
                mapping[odd_key]


ARGUMENT_COMMANDS = [
    ["fact", "{}"], ["fact", "alpha-transistors", "{}"], ["conflicts", "{}"], ["show", "{}"],
    ["search", "{}"], ["compare", "alpha", "{}"], ["sources", "{}"], ["timeline", "{}"],
    ["list", "facts", "--entity", "{}"], ["list", "facts", "--source", "{}"],
    ["list", "facts", "--attribute", "{}"], ["list", "facts", "--kind", "{}"],
    ["list", "facts", "--since", "{}"], ["search", "alpha", "--source", "{}"],
]  # fmt: skip


@pytest.mark.parametrize("bad", NOT_UNICODE, ids=ascii)
def test_arguments_that_are_not_unicode_end_in_one_line(bad: str, cli: Cli) -> None:
    for command in ARGUMENT_COMMANDS:
        args = [a.replace("{}", bad) for a in command]
        for fmt in ("plain", "table", "json"):
            result = cli("--data", str(GOLDEN), *args, "--format", fmt, columns=160)
            assert result.code in (0, 1, 2), (args, result.err)
            assert result.err.count("\n") <= 1 and not unsafe_in(result.err), args


def test_a_fact_id_that_is_not_utf8_from_a_real_process() -> None:
    import subprocess

    src = str(Path(chipfacts.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": src, "PYTHONIOENCODING": "utf-8"}
    commands: list[list[str | bytes]] = [
        ["fact", b"x\xff"], ["conflicts", b"\xfe"], ["list", "facts", "-e", b"\xff"],
    ]  # fmt: skip
    for command in commands:
        args: list[str | bytes] = [sys.executable, "-m", "chipfacts", "--data", str(GOLDEN)]
        args += command
        done = subprocess.run(args, env=env, capture_output=True, timeout=60)
        assert done.returncode == 1, done.stderr
        assert done.stderr.count(b"\n") == 1 and b"\\xff" in done.stderr or b"\\xfe" in done.stderr


# --- 4. the pager ---------------------------------------------------------------------

PAGERS = ["'less", 'less "-R', "\\", "cat '", "/nonexistent", "   ", "/", "\x1b]0;x\x07"]


@pytest.mark.parametrize("pager", PAGERS, ids=ascii)
def test_a_pager_that_cannot_be_started_falls_back_to_printing(pager: str) -> None:
    from chipfacts.cli.pager import page as _page
    from chipfacts.cli.terminal import Terminal

    screen = Terminal.from_process()._replace(env={**os.environ, "PAGER": pager})
    assert _page("text\n", screen) is False


# --- 5. the cache directory -----------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", ".lock", "-journal"])
def test_cache_clear_leaves_a_directory_at_an_entry_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, cli: Cli
) -> None:
    from chipfacts.store.database import path_for

    cache = tmp_path / "cache"
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(cache))
    store = golden_copy(tmp_path)
    assert cli("--data", str(store), "search", "alpha", "-f", "plain", columns=160).code == 0
    blocker = Path(str(path_for(store)) + suffix)
    if blocker.exists():
        blocker.unlink()
    (blocker / "inside").mkdir(parents=True)
    for _ in range(2):
        result = cli("--data", str(store), "search", "alpha", "-f", "plain", columns=160)
        assert result.code == 0, result.err
        result = cli("cache", "clear", columns=160)
        assert result.code == 0, result.err
        assert (blocker / "inside").is_dir()
    assert store.read_bytes() == GOLDEN.read_bytes()


@pytest.mark.parametrize("relative", ["cache", "./c", "a/b", "\x1b]0;t\x07"])
def test_a_relative_cache_dir_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str, cli: Cli
) -> None:
    from chipfacts.store.database import cache_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", relative)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_dir().is_absolute()
    assert cli("--data", str(GOLDEN), "search", "alpha", "-f", "plain", columns=160).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


# --- 6. dates -------------------------------------------------------------------------

BAD_DATES = ["2023-00", "2023-00-01", "0000", "0000-01", "２０２３", "2023-１１", "٢٠٢٣", "2023-13"]


@pytest.mark.parametrize("text", BAD_DATES)
def test_impossible_dates_are_refused_everywhere(tmp_path: Path, text: str, cli: Cli) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(text)
    for option in ("--since", "--until"):
        result = cli("--data", str(GOLDEN), "list", "facts", option, text, columns=160)
        assert result.code == 2 and "not a date" in result.err, result.err
    data = GOLDEN.read_text(encoding="utf-8").replace('as_of: "2023-11-15"', f'as_of: "{text}"', 1)
    broken = tmp_path / "dates.yaml"
    broken.write_text(data, encoding="utf-8")
    assert chipfacts.validate(broken).problems


# --- 7. the Python API ----------------------------------------------------------------


@pytest.mark.parametrize("given", ["a\x00b", "/nonexistent-dir", os.devnull, "x" * 5000])
def test_validate_sources_dir_raises_only_data_file_error(given: str) -> None:
    with pytest.raises(DataFileError):
        chipfacts.validate(GOLDEN, given)


def test_validate_takes_the_sources_dir_as_text() -> None:
    report = chipfacts.validate(FIXTURES / "mini.yaml", str(FIXTURES / "sources"))
    assert report.quotes_checked > 0
