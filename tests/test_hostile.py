"""Hostile data and environments: nothing from a fact file, a file name or the
arguments reaches the terminal raw, and every hostile input ends in one line.

The cases are generated: every output format x every command x every text field
x a set of hostile strings, rather than one reproduction per defect.
"""

from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import chipfacts
from chipfacts.cli import app
from chipfacts.render.safe import UNSAFE, json_safe, scrub, visible
from tests.conftest import FIXTURES

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

# Every printed line may hold newlines and tabs (layout), nothing else unsafe.
_LAYOUT = set("\n\t")


def unsafe_in(text: str) -> set[str]:
    return {c for c in UNSAFE.findall(text) if c not in _LAYOUT}


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


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_no_format_of_any_command_prints_a_raw_control_character(
    tmp_path: Path, hostile: str
) -> None:
    text = HOSTILE[hostile]
    names = MARKUP.get(hostile, "[maia]")
    store, text = poisoned_store(tmp_path, text, names)
    assert chipfacts.validate(store).problems == [], "the hostile store must be valid"
    for command in COMMANDS:
        for fmt in FORMATS:
            args = ["--data", str(store), *command, "--format", fmt]
            result = CliRunner().invoke(app, args, env={"COLUMNS": "200", "FORCE_COLOR": "1"})
            where = f"{' '.join(command)} -f {fmt}"
            assert result.exit_code == 0, (where, result.output)
            assert not unsafe_in(result.stdout) - {"\x1b"} or fmt != "table", where
            if fmt == "table":
                # rich's own colour codes are the only escapes: SGR (ESC [ … m)
                assert not re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).count("\x1b"), where
                assert not unsafe_in(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)), where
                assert "\x1b]8" not in result.stdout, where  # no hyperlink
                if names.startswith("[link"):
                    assert "[link=file:///etc/passwd]x[/link]" in result.stdout, where
            else:
                assert not unsafe_in(result.stdout), where
            assert not unsafe_in(result.stderr), where
            if fmt in ("json", "jsonl"):
                lines = [result.stdout] if fmt == "json" else result.stdout.splitlines()
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


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_queries_and_options_are_printed_safely(tmp_path: Path, hostile: str) -> None:
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
    for case in cases:
        for fmt in FORMATS:
            args = ["--data", str(GOLDEN), *case, "--format", fmt]
            result = CliRunner().invoke(app, args, env={"COLUMNS": "120"})
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                case,
                result.exception,
            )
            assert not unsafe_in(result.stdout), (case, fmt)
            assert not unsafe_in(result.stderr), (case, fmt)
            assert result.stderr.count("\n") <= 1, (case, fmt, result.stderr)


def test_a_query_with_markup_is_shown_as_written() -> None:
    args = ["--data", str(GOLDEN), "search", "alpha [/x] [maia]", "-f", "table"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "for 'alpha [/x] [maia]'" in result.stdout


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

    from chipfacts.cli.common import table_view

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
    caught = {c for c in wanted if UNSAFE.match(chr(c))}
    assert caught == wanted


@pytest.mark.parametrize("text", [*HOSTILE.values(), "微软 «Maia» — 10%", "a\udcffb"])
def test_visible_and_json_safe(text: str) -> None:
    shown = visible(text)
    assert not UNSAFE.search(shown)
    assert visible(shown) == shown
    if text.isprintable():
        assert shown == text  # CJK, punctuation and markup are left alone
    document = json.dumps({"x": text}, ensure_ascii=False)
    safe = json_safe(document)
    assert not UNSAFE.search(safe)
    assert json.loads(safe) == {"x": text}


def test_scrub_keeps_enums_and_shape() -> None:
    store = chipfacts.load(GOLDEN)
    fact = next(iter(store.facts.values()))
    assert scrub(fact) == fact
    assert scrub(fact).status is fact.status
