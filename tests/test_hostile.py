"""Hostile data and environments: nothing from a fact file, a file name or the
arguments reaches the terminal raw, and every hostile input ends in one line.

The cases are generated: every output format x every command x every text field
x a set of hostile strings, rather than one reproduction per defect.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import chipfacts
from chipfacts.cli import app
from chipfacts.render.safe import json_safe, scrub, unsafe, visible
from tests.conftest import FIXTURES, Cli

GOLDEN = FIXTURES / "golden.yaml"
FORMATS = ["table", "plain", "csv", "json", "jsonl"]

# What a terminal would obey, and what rich would read as markup.
HOSTILE = {
    "osc-title": "\x1b]0;pwned\x07",
    "osc8-link": "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\",
    "csi-clear": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b31m\x9d0;t\x9c",
    "del-bs-cr": "a\x7fb\x08c\rd",
    "bidi": "\u202eevil\u202c \u2066x\u2069 \u200f\u061c\u200e",
    "zero-width": "ze\u200bro\u200c\u200dwi\u2060dth\ufeff",
    "separators": "one\u2028two\u2029three\x85four",
    "tags": "\U000e0001\U000e0041",
    "markup-link": "[link=file:///etc/passwd]x[/link]",
    "markup-close": "maia [/x] [bold red]",
    "emoji-code": ":smile: :warning:",
}
# Names and aliases may not hold control characters (the validator refuses
# them), so they carry the markup strings; every other field carries them all.
MARKUP = {k: v for k, v in HOSTILE.items() if k.startswith(("markup", "emoji"))}

# Every hostile string through every command in every format is the slow run's
# (-m slow, in CI); the default run takes one format per string and command, in
# turn, so that each pair of them is printed and each format meets every string.
EVERY_FORMAT = pytest.mark.parametrize(
    "every", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["in-turn", "every-format"]
)


def formats_for(hostile: str, command: int, every: bool) -> list[str]:
    """The formats the ``command``-th command is printed in, for this hostile string."""
    if every:
        return FORMATS
    return [FORMATS[(list(HOSTILE).index(hostile) + command) % len(FORMATS)]]


# Every printed line may hold newlines and tabs (layout), nothing else unsafe.
_LAYOUT = set("\n\t")


def unsafe_in(text: str) -> set[str]:
    return {c for c in unsafe().findall(text) if c not in _LAYOUT}


COMMANDS: list[list[str]] = [
    ["search", "alpha"],
    ["search", "quota"],
    ["compare", "alpha", "beta"],
    ["show", "alpha"],
    ["show", "acorp"],
    ["list", "entities"],
    ["list", "attributes"],
    ["list", "facts"],
    ["sources"],
    ["sources", "golden"],
    ["timeline"],
]


def poisoned_store(tmp_path: Path, hostile: str, names: str) -> tuple[Path, str]:
    """The golden store with every free-text field carrying ``hostile`` (names and
    aliases ``names``), each marked with its field so the output can be checked."""
    data: dict[str, Any] = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    for source in data["sources"]:
        for key in ("file", "title", "title_en", "publisher", "note", "url"):
            source[key] = f"{key}:{hostile}"
    for entity in data["entities"]:
        entity["name"] = f"{entity['name']} {names}"
        entity["aliases"] = [f"{a} {names}" for a in entity["aliases"]] + [
            f"aka {entity['id']} {names}"
        ]
        entity["description"] = f"description:{hostile}"
    for attribute in data["attributes"]:
        attribute["label"] = f"{attribute['label']}:{hostile}"
        attribute["description"] = f"description:{hostile}"
    text_attributes = {a["id"] for a in data["attributes"] if a["type"] == "text"}
    for fact in data["facts"]:
        for key in ("quote", "summary", "context", "note"):
            fact[key] = f"{key}:{hostile}"
        fact["doubt"] = {"kind": "unconfirmed", "reason": f"reason:{hostile}"}
        if fact["attribute"] in text_attributes:
            fact["value"] = f"value:{hostile}"
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # what YAML reads back (PyYAML's writer folds U+0085 into a space)
    read_back = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"][0]["summary"]
    return path, read_back.removeprefix("summary:")


@EVERY_FORMAT
@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_no_format_of_any_command_prints_a_raw_control_character(
    tmp_path: Path, hostile: str, every: bool, cli: Cli
) -> None:
    text = HOSTILE[hostile]
    names = MARKUP.get(hostile, "[maia]")
    store, text = poisoned_store(tmp_path, text, names)
    assert chipfacts.validate(store).problems == [], "the hostile store must be valid"
    for number, command in enumerate(COMMANDS):
        for fmt in formats_for(hostile, number, every):
            args = ["--data", str(store), *command, "--format", fmt]
            result = cli(*args, columns=200, color=True)
            where = f"{' '.join(command)} -f {fmt}"
            assert result.code == 0, (where, result.err)
            assert not unsafe_in(result.out) - {"\x1b"} or fmt != "table", where
            if fmt == "table":
                # rich's own colour codes are the only escapes: SGR (ESC [ … m)
                assert not re.sub(r"\x1b\[[0-9;]*m", "", result.out).count("\x1b"), where
                assert not unsafe_in(re.sub(r"\x1b\[[0-9;]*m", "", result.out)), where
                assert "\x1b]8" not in result.out, where  # no hyperlink
                if names.startswith("[link"):
                    assert "[link=file:///etc/passwd]x[/link]" in result.out, where
            else:
                assert not unsafe_in(result.out), where
            assert not unsafe_in(result.err), where
            if fmt in ("json", "jsonl"):
                lines = [result.out] if fmt == "json" else result.out.splitlines()
                documents = [json.loads(line) for line in lines]
                # lossless: every poisoned field comes back exactly as written
                found = [s for s in leaves(documents) if isinstance(s, str) and ":" + text in s]
                assert found, where


def leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in leaves(v)]
    return [value]


@EVERY_FORMAT
@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_queries_and_options_are_printed_safely(
    tmp_path: Path, hostile: str, every: bool, cli: Cli
) -> None:
    text = HOSTILE[hostile]
    cases = [
        ["search", f"alpha {text}"],
        ["search", f"zzzz {text}"],
        ["search", "alpha", "--entity", f"alp{text}"],
        ["search", "alpha", "--attribute", text],
        ["search", "alpha", "--source", text],
        ["search", "alpha", "--kind", text],
        ["show", text],
        ["show", f"alpha{text}"],
        ["compare", "alpha", text],
        ["timeline", text],
        ["sources", text],
        ["list", "entities", "--kind", text],
        ["list", text],
        [text],
        ["search", "alpha", "--format", text],
        ["--data", str(tmp_path / f"missing{text}.yaml"), "list", "entities"],
    ]
    for number, case in enumerate(cases):
        for fmt in formats_for(hostile, number, every):
            args = ["--data", str(GOLDEN), *case, "--format", fmt]
            result = cli(*args, columns=120)
            assert not unsafe_in(result.out), (case, fmt)
            assert not unsafe_in(result.err), (case, fmt)
            assert result.err.count("\n") <= 1, (case, fmt, result.err)


def test_a_query_with_markup_is_shown_as_written(cli: Cli) -> None:
    args = ["--data", str(GOLDEN), "search", "alpha [/x] [maia]", "-f", "table"]
    result = cli(*args, columns=120)
    assert result.code == 0, result.err
    assert "for 'alpha [/x] [maia]'" in result.out


def test_names_with_control_characters_never_reach_a_renderer_raw() -> None:
    """Defence in depth: records that bypassed validation (the API, a cache) are
    still scrubbed at the renderer boundary."""
    store = chipfacts.load(GOLDEN)
    facts = list(store.facts.values())
    evil = HOSTILE["osc-title"] + HOSTILE["bidi"]
    poisoned = [
        f._replace(entity=f.entity._replace(name=f.entity.name + evil), summary=evil) for f in facts
    ]
    from rich.console import Console

    from chipfacts.cli.emit import table_view

    views: list[tuple[str, tuple[Any, ...]]] = [
        ("facts_view", (poisoned, "title" + evil)),
        ("timeline_view", (poisoned,)),
        ("entities_view", ([f.entity for f in poisoned], Counter())),
    ]
    for view, args in views:
        console = Console(width=120, color_system=None, markup=False, file=io.StringIO())
        with console.capture() as capture:
            console.print(table_view(view, *args)(console))
        out = capture.get()
        assert not unsafe_in(out), view
        assert "\\x1b]0;pwned\\x07" in out, view


def test_visible_covers_every_control_and_format_character() -> None:
    wanted = {
        c
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cc", "Cf", "Cs", "Zl", "Zp")
    }
    caught = {c for c in wanted if unsafe().match(chr(c))}
    assert caught == wanted


def test_no_unsafe_character_is_printable() -> None:
    # visible() skips the regex for printable text: that is only sound while
    # every character the regex would catch is one str.isprintable() refuses.
    pattern = unsafe()
    assert not [
        c for c in range(sys.maxunicode + 1) if pattern.match(chr(c)) and chr(c).isprintable()
    ]


@pytest.mark.parametrize("keep", ["", "\n", "\t", "\n\t"])
def test_the_printable_shortcut_changes_nothing(keep: str) -> None:
    texts = [*HOSTILE.values(), "a\nb", "a\tb", "\n", "微软\u3000配额", "x\u00a0y", "\u202e\n"]
    for text in texts:
        by_regex = unsafe().sub(lambda m: m[0] if m[0] in keep else repr(m[0]), text)
        assert (visible(text, keep) == text) == (by_regex == text), (text, keep)


@pytest.mark.parametrize("text", [*HOSTILE.values(), "微软 «Maia» — 10%", "a\udcffb"])
def test_visible_and_json_safe(text: str) -> None:
    shown = visible(text)
    assert not unsafe().search(shown)
    assert visible(shown) == shown
    if text.isprintable():
        assert shown == text  # CJK, punctuation and markup are left alone
    document = json.dumps({"x": text}, ensure_ascii=False)
    safe = json_safe(document)
    assert not unsafe().search(safe)
    assert json.loads(safe) == {"x": text}


def test_scrub_keeps_enums_and_shape() -> None:
    store = chipfacts.load(GOLDEN)
    fact = next(iter(store.facts.values()))
    assert scrub(fact) == fact
    assert scrub(fact).status is fact.status


# --- hostile data: numbers, control bytes, ids and names (classes 3, 4, 20) ---------

MINI_TEXT = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
NUMBER_SLOTS = {  # where a number goes -> (text to replace, replacement template)
    "value": ("value: 105000000000", "value: {n}"),
    "min_value": ("min_value: 0", "min_value: {n}"),
    "max_value": ("max_value: 100", "max_value: {n}"),
    "min-max": ("value: 105000000000\n    bound: exact", "min: 1\n    max: {n}\n    bound: range"),
    "id": ("id: maia100-transistors", "id: {n}"),
    "published": ('published: "2023-11"', "published: {n}"),
}
HUGE = {
    "31-digits": "2" + "0" * 30,
    "401-digits": "1" + "0" * 400,
    "negative-401": "-" + "9" * 401,
    "5000-digits": "1" + "0" * 4999,
    "underscored": "1_" * 3000 + "1",
    "float-1e31": "1.0e+31",
    "float-overflow": "1.0e+400",
    "long-float": "1" * 5000 + ".5",
}


def _run_everywhere(cli: Cli, path: Path) -> list[tuple[str, int, str, str]]:
    """validate, a lookup and completion, in-process; (what, code, stdout, stderr)."""
    runs = []
    for args in (["validate", str(path)], ["--data", str(path), "search", "maia"]):
        runs.append((args[0], *cli(*args)))
    from chipfacts.cli.completion import complete_entity

    ctx = _root_ctx(path)
    assert complete_entity(ctx, "m") == []  # a broken store completes nothing, quietly
    return runs


def _root_ctx(path: Path) -> Any:
    import click
    import typer.main

    command = typer.main.get_command(app)
    ctx = click.Context(command)
    ctx.params["data"] = str(path)
    return ctx


@pytest.mark.parametrize("slot", NUMBER_SLOTS)
@pytest.mark.parametrize("size", HUGE)
def test_huge_numbers_are_a_problem_with_their_line(
    tmp_path: Path, slot: str, size: str, cli: Cli
) -> None:
    old, template = NUMBER_SLOTS[slot]
    assert old in MINI_TEXT
    path = tmp_path / "facts.yaml"
    path.write_text(MINI_TEXT.replace(old, template.format(n=HUGE[size])), encoding="utf-8")
    report = chipfacts.validate(path)  # the API: a report, no exception
    assert report.problems and all(p.line is not None for p in report.problems)
    with pytest.raises(chipfacts.InvalidDataError):
        chipfacts.load(path, use_cache=False)
    for what, code, stdout, stderr in _run_everywhere(cli, path):
        assert code == 3, (what, stdout, stderr)
        assert stderr.count("\n") == 1
        assert len(stderr) < 400  # the number is never printed whole


@pytest.mark.parametrize(
    "char", [chr(c) for c in [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x9B]]
)
@pytest.mark.parametrize("where", ["in a name", "in a comment", "as a key"])
def test_a_raw_control_character_is_one_line_with_its_line(
    tmp_path: Path, char: str, where: str, cli: Cli
) -> None:
    text = {
        "in a name": MINI_TEXT.replace("name: Maia 100", f"name: Maia{char}100"),
        "in a comment": MINI_TEXT.replace("# A tiny", f"# A{char}tiny"),
        "as a key": MINI_TEXT.replace("    kind: chip", f"    ki{char}nd: chip"),
    }[where]
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    expected_line = next(i for i, line in enumerate(text.split("\n"), 1) if char in line)
    result = cli("--data", str(path), "list", "entities")
    assert result.code == 3
    assert result.err.startswith(f"chipfacts: error: {path}:{expected_line}: ")
    assert result.err.count("\n") == 1 and not unsafe_in(result.err)


BAD_IDS = ["maia\n100", "maia 100", "Maia100", "maia\x1b[2J", "maia\u202e001", "maia\u200b",
           "../x", "a" * 101, "-maia", "微软"]  # fmt: skip
ID_SLOTS = {
    "source": "  - id: mini\n",
    "entity": "  - id: maia100\n",
    "attribute": "{id: foundry,",
    "fact": "  - id: maia100-foundry\n",
}


@pytest.mark.parametrize("kind", ID_SLOTS)
@pytest.mark.parametrize("bad", BAD_IDS)
def test_ids_of_every_record_kind_must_be_slugs(
    tmp_path: Path, kind: str, bad: str, cli: Cli
) -> None:
    slot = ID_SLOTS[kind]
    quoted = json.dumps(bad)  # a YAML double-quoted string
    path = tmp_path / "facts.yaml"
    path.write_text(MINI_TEXT.replace(slot, slot.replace(slot.split("id: ")[1].rstrip("\n,"),
                                                         quoted, 1)), encoding="utf-8")  # fmt: skip
    problems = chipfacts.validate(path).problems
    assert any("slug" in p.message for p in problems), problems
    result = cli("validate", str(path))
    assert result.code == 3 and not unsafe_in(result.out + result.err)
    assert all(line.count("\n") == 0 for line in result.out.splitlines())


@pytest.mark.parametrize("field", ["name", "alias", "synonym"])
@pytest.mark.parametrize("hostile", [k for k in HOSTILE if k not in MARKUP])
def test_names_must_not_hold_control_characters(tmp_path: Path, field: str, hostile: str) -> None:
    bad = json.dumps("Maia " + HOSTILE[hostile], ensure_ascii=False)
    text = {
        "name": MINI_TEXT.replace("name: Maia 100", f"name: {bad}"),
        "alias": MINI_TEXT.replace("aliases: [Athena, 雅典娜]", f"aliases: [Athena, {bad}]"),
        "synonym": MINI_TEXT.replace("description: Who makes it.}",
                                     f"description: Who makes it., synonyms: [{bad}]}}"),
    }[field]  # fmt: skip
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    problems = chipfacts.validate(path).problems
    # refused in the name, or (a raw C0/C1 byte) already in the file
    assert any("control" in p.message for p in problems), problems


# --- hostile environments: paths, directories, OS errors (classes 5-8, 17, 19) ------

BAD_PATHS = {
    "nul": "a\x00b",
    "too-long": "/tmp/" + "x" * 5000,
    "long-component-chain": "/tmp/" + "/".join(["y" * 250] * 30),
    "newline": "/tmp/no\nsuch\x1b]0;t\x07.yaml",
    "not-utf8": "/tmp/caf\udce9.yaml",
    "under-a-file": str(GOLDEN / "x.yaml"),
}


@pytest.mark.parametrize("name", BAD_PATHS)
def test_bad_paths_are_data_file_errors_everywhere(name: str, cli: Cli) -> None:
    path = BAD_PATHS[name]
    for call in (chipfacts.load, chipfacts.validate):
        with pytest.raises(chipfacts.DataFileError):
            call(path)
    for args in (["--data", path, "list", "entities"], ["validate", path]):
        result = cli(*args)
        assert result.code == 4, (args, result.err)
        assert result.err.count("\n") == 1 and not unsafe_in(result.err)


@pytest.mark.parametrize(
    "args", [["--data", "", "list", "entities"], ["--data=", "search", "x"], ["validate", ""]]
)
def test_an_empty_data_path_is_a_usage_error(args: list[str], cli: Cli) -> None:
    result = cli(*args)
    assert result.code in (2, 4), result.err  # never the current directory
    assert "empty" in result.err


def test_an_empty_data_variable_counts_as_unset(cli: Cli) -> None:
    result = cli("list", "entities", "-f", "plain", env={"CHIPFACTS_DATA": ""})
    assert result.code == 0 and "maia100" in result.out


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_an_unlistable_subdirectory_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, depth: int, cli: Cli
) -> None:
    store = tmp_path / "store"
    hidden = store.joinpath(*[f"sub{i}" for i in range(depth + 1)])
    hidden.mkdir(parents=True)
    (store / "facts.yaml").write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == hidden:  # as chmod 000 would, even for root
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for call in (chipfacts.load, chipfacts.validate):
        with pytest.raises(chipfacts.DataFileError, match="cannot list"):
            call(store)
    result = cli("--data", str(store), "list", "entities")
    assert result.code == 4
    assert str(hidden) in result.err and result.err.count("\n") == 1


@pytest.mark.parametrize(
    ("error", "writing", "code"),
    [
        (OSError(28, "No space left on device"), None, 5),  # the output stream
        (PermissionError(13, "Permission denied", "/cache/x.cache"), True, 5),
        (PermissionError(13, "Permission denied", "/data/facts.yaml"), None, 4),
        (OSError(30, "Read-only file system", "/home/u/.bashrc"), None, 5),
        (OSError(36, "File name too long", "/x" * 3000), False, 4),
    ],
)
def test_one_mapping_from_os_errors_to_exit_codes(
    error: OSError, writing: bool | None, code: int
) -> None:
    from chipfacts.errors import os_error

    assert os_error(error, writing).exit_code == code


def test_cache_clear_that_cannot_delete_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.setenv("CHIPFACTS_CACHE_DIR", str(tmp_path))
    (tmp_path / "store-x-0123abcd.sqlite").write_bytes(b"x")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    result = cli("cache", "clear")
    assert result.code == 5
    assert result.err.startswith("chipfacts: error: cannot write the cache directory")
    assert result.err.count("\n") == 1


def test_install_completion_with_a_read_only_home(tmp_path: Path) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "chipfacts", "--install-completion", "bash"],
        # typer's own switch: the shell comes from the argument, not from detecting
        # the process tree (which depends on what started the test run).
        env={**os.environ, "HOME": str(home), "SHELL": "/bin/bash",
             "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 5, result.stderr
    assert result.stderr.startswith("chipfacts: error: cannot write the completion script")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("via", ["option", "option=", "env"])
@pytest.mark.parametrize("words", ["show al", "compare alpha b", "search x --entity al"])
def test_completion_honours_data(via: str, words: str, cli: Cli) -> None:
    env = {"CHIPFACTS_DATA": str(GOLDEN)} if via == "env" else {}
    data = {"option": f"--data {GOLDEN} ", "option=": f"--data={GOLDEN} ", "env": ""}[via]
    line = f"chipfacts {data}{words}"
    result = cli(env={**env, "_CHIPFACTS_COMPLETE": "complete_bash",
                      "COMP_WORDS": line, "COMP_CWORD": str(len(line.split()) - 1)})  # fmt: skip
    expected = {"show al": ["alpha"], "compare alpha b": ["bcorp", "beta"]}.get(words, ["alpha"])
    assert sorted(result.out.split()) == expected


# --- ambiguity (class 15) and source files (class 16) ----------------------------------


def _sources_store(tmp_path: Path, count: int) -> Path:
    text = MINI_TEXT
    extra = "".join(
        f"  - {{id: src-{i}, file: 00{i}_x.txt, title: T, publisher: P, "
        f'published: "2023", language: en}}\n'
        for i in range(count)
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace("entities:\n", extra + "entities:\n", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["sources"], ["search", "maia", "--source"]])
def test_a_source_prefix_that_fits_several_is_ambiguous(
    tmp_path: Path, command: list[str], cli: Cli
) -> None:
    store = _sources_store(tmp_path, 5)
    result = cli("--data", str(store), *command, "00")
    assert result.code == 1, result.err
    assert "'00' is ambiguous" in result.err and "src-0" in result.err
    one = cli("--data", str(store), *command, "003", "-f", "json")
    assert "ambiguous" not in one.err and one.code in (0, 1), one.err
    for empty in ("", " "):
        result = cli("--data", str(store), *command, empty)
        assert result.code == 2 and "empty" in result.err


def _special_sources(tmp_path: Path) -> dict[str, str]:
    sources = tmp_path / "sources"
    sources.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("晶体管数量达到1050亿个", encoding="utf-8")
    os.mkfifo(sources / "fifo.txt")
    (sources / "zero.txt").symlink_to("/dev/zero")
    (sources / "out.txt").symlink_to(outside)
    (sources / "big.txt").write_bytes(b"a" * (10 * 1024 * 1024 + 1))
    (sources / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (sources / "dir.txt").mkdir()
    return {
        "fifo.txt": "not a regular file",
        "zero.txt": "outside the sources directory",
        "out.txt": "outside the sources directory",
        "big.txt": "too large",
        "latin1.txt": "not UTF-8",
        "dir.txt": "not a regular file",
        "../outside.txt": "must not leave",
        str(outside): "relative to the sources directory",
        "/etc/passwd": "relative to the sources directory",
        "../../../../../../etc/passwd": "must not leave",
        "missing.txt": "not found",
    }


def test_validate_opens_only_regular_files_inside_the_sources_directory(
    tmp_path: Path, cli: Cli
) -> None:
    cases = _special_sources(tmp_path)
    for file, reason in cases.items():
        path = tmp_path / "facts.yaml"
        path.write_text(MINI_TEXT.replace("file: mini.txt", f"file: {json.dumps(file)}"), "utf-8")
        problems = chipfacts.validate(path, tmp_path / "sources").problems
        assert [reason in p.message for p in problems] == [True], (file, problems)
        result = cli("validate", str(path), "--sources", str(tmp_path / "sources"))
        assert result.code == 3 and reason in result.out
