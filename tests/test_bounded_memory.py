"""Memory in proportion to the work: a read reserves what the file holds, junk is
refused at its first excess as it is read, and a build holds one file's facts at a
time."""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import chipfacts
from chipfacts.store import compile as compile_module
from tests.conftest import MINI
from tests.test_store_db import split_store

VOCABULARY = MINI.read_text(encoding="utf-8").split("facts:\n")[0]
ENTITY = "  - {id: big, name: Big, kind: chip, aliases: [%s]}\n"
FACT = (
    "  - {id: f%d, entity: nvidia, attribute: market_share, value: 80, bound: exact, "
    "unit: percent, status: reported, as_of: '2023', source: mini, quote: 英伟达, summary: S%s}\n"
)


def limited(args: list[str], megabytes: int) -> subprocess.CompletedProcess[str]:
    """Run chipfacts with its address space limited (as `ulimit -v` does)."""

    def limit() -> None:
        size = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return subprocess.run(
        [sys.executable, "-m", "chipfacts", *args],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        check=False,
    )


def test_a_small_store_works_in_little_memory() -> None:
    # Once a 256 MiB buffer was reserved for every fact file read.
    got = limited(["--data", str(MINI), "search", "maia", "--json"], 250)
    assert got.returncode == 0, got.stderr
    assert '"maia100-transistors"' in got.stdout


def _junk(count: int) -> dict[str, str]:
    """Files of one long list, in every place a list can go (``count`` items)."""
    items = ", ".join(["1"] * count)
    return {
        "a section of scalars": f"facts: [{items}]\n",
        "a list as the document": f"[{items}]\n",
        "an unknown section": f"notes: [{items}]\n",
        "aliases": VOCABULARY.replace("entities:\n", "entities:\n" + ENTITY % items),
        "empty records": "facts: [" + ", ".join(["{}"] * count) + "]\n",
        "a mapping of many keys": "facts:\n  - {"
        + ", ".join(f"k{n}: 1" for n in range(count)) + "}\n",
    }  # fmt: skip


JUNK_MESSAGES = {
    "a section of scalars": "more than 1,000 items of 'facts' are not records",
    "a list as the document": "a fact file must be a mapping with sections, not a list",
    "an unknown section": "more than 1,000 items of 'notes' are not records",
    "aliases": "'aliases' is too long (at most 1,000 items)",
    "empty records": "more than 1,000 items of 'facts' are not records",
    "a mapping of many keys": "a mapping of more than 100 keys",
}


@pytest.mark.parametrize("place", list(JUNK_MESSAGES))
def test_a_long_list_is_refused_at_its_first_excess(place: str, tmp_path: Path) -> None:
    path = tmp_path / "junk.yaml"
    path.write_text(_junk(200_000)[place], encoding="utf-8")
    with pytest.raises(chipfacts.InvalidDataError) as raised:
        chipfacts.load(path, use_cache=False)
    (problem,) = raised.value.problems
    assert problem.message == JUNK_MESSAGES[place]


@pytest.mark.slow  # a 24 MB file read by a process of its own, its peak measured
def test_a_24_mb_flow_list_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "junk.yaml"
    path.write_text(_junk(8_000_000)["a section of scalars"], encoding="utf-8")
    got = limited(["--no-cache", "--data", str(path), "search", "x"], 400)
    assert got.returncode == 3
    assert got.stderr.strip().endswith("more than 1,000 items of 'facts' are not records")


def test_lists_within_the_limits_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    aliases = ", ".join(f"a{n}" for n in range(1000))
    path.write_text(
        VOCABULARY.replace("entities:\n", "entities:\n" + ENTITY % aliases)
        + "facts:\n" + "".join(FACT % (n, n) for n in range(1500)),
        encoding="utf-8",
    )  # fmt: skip
    store = chipfacts.load(path)
    assert len(store.entities["big"].aliases) == 1000
    assert len(store.facts) == 1500


FACTS_ONLY: dict[str, bool] = {
    "facts:\n  - a\n": True,
    "# notes\nfacts:  # the facts\n  - a\n": True,
    "---\nfacts:\r\n  - a\r\n...\n": True,
    "facts: []\n": False,  # a flow value on the key's line could hide anything
    "facts:\n- {id: x}\n": False,
    "facts:\nentities:\n": False,
    "\ufefffacts:\n  - a\n": False,
    "{facts: []}\n": False,
    '"facts":\n  - a\n': False,
    "--- {entities: []}\nfacts:\n": False,
    "? entities\nfacts:\n": False,
    "# only a comment\n": False,
    "": False,
}


@pytest.mark.parametrize(("text", "alone"), list(FACTS_ONLY.items()))
def test_files_of_facts_alone_are_told_conservatively(
    text: str, alone: bool, tmp_path: Path
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    assert compile_module.facts_only(path) is alone


def test_a_build_parses_each_file_once_and_holds_only_the_vocabulary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = split_store(tmp_path / "store")
    parsed: list[str] = []
    real_parse = compile_module.parse_file
    real_check: Callable[..., object] = compile_module._check_file

    def parse(path: Path) -> compile_module.Parsed:
        parsed.append(path.name)
        return real_parse(path)

    def check(job: compile_module._Job, name: str) -> object:
        assert [Path(n).name for n in job.parsed] == ["00-vocabulary.yaml"]
        return real_check(job, name)

    monkeypatch.setattr(compile_module, "parse_file", parse)
    monkeypatch.setattr(compile_module, "_check_file", check)
    assert len(chipfacts.load(root).facts) == 3
    assert sorted(parsed) == sorted(p.name for p in root.iterdir())


def test_a_duplicate_id_across_files_is_found_in_a_first_build(tmp_path: Path) -> None:
    root = split_store(tmp_path / "store")
    second = root / "02-fact.yaml"
    second.write_text(
        second.read_text(encoding="utf-8").replace("id: nvidia-share", "id: maia100-transistors"),
        encoding="utf-8",
    )
    with pytest.raises(chipfacts.InvalidDataError) as raised:
        chipfacts.load(root)
    (problem,) = raised.value.problems
    assert problem.file == str(second)
    assert problem.line == 2
    assert problem.message.startswith("duplicate id 'maia100-transistors' in facts (first at ")
    assert problem.message.endswith("01-fact.yaml:2)")
