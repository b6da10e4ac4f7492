"""Consistent edges (issue 9, points 5 and 7): one-line errors, accumulating filters,
completion from the store, exit 1 for nothing found, list facts' filters and honest
counts."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, Cli, run_cli
from tests.test_cli_browse import _complete


def ids(*args: str) -> list[str]:
    code, out, err = run_cli(*args, "--format", "jsonl")
    assert code == 0, err
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_a_missing_argument_is_one_line(cli: Cli) -> None:
    code, out, err = cli("list")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "Choose from: entities, attributes, facts" in err


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--since", "2031"],
        ["compare", "maia100", "h100", "-a", "revenue"],
        ["list", "facts", "--entity", "maia100", "--since", "2031"],
        ["search", "maia", "--until", "1999"],
        ["conflicts", "maia100", "--doubted"],
    ],
)
def test_nothing_found_is_exit_1_everywhere(args: list[str], cli: Cli) -> None:
    code, out, err = cli(*args)
    assert code == 1 and out == ""
    assert err.startswith("chipfacts: error: ") and err.count("\n") == 1


def test_repeated_filters_accumulate() -> None:
    claimed = ids("list", "facts", "--status", "claimed")
    estimated = ids("list", "facts", "--status", "estimated")
    both = ids("list", "facts", "--status", "claimed", "--status", "estimated")
    assert claimed and estimated and set(both) == set(claimed) | set(estimated)
    maia = ids("search", "maia", "mi300x", "-n", "500", "--entity", "maia100", "--entity", "mi300x")
    assert {i.split("-")[0] for i in maia} <= {"maia100", "mi300x"}
    assert any(i.startswith("maia100") for i in maia) and any(i.startswith("mi300x") for i in maia)


def test_option_values_complete_from_the_store() -> None:
    assert _complete("chipfacts list facts --kind ch") == ["chip"]
    assert "transistor_count" in _complete("chipfacts search maia --attribute tra")
    assert _complete("chipfacts list facts --source ithome") == ["ithome-2025-09"]
    assert _complete("chipfacts list facts --status cl") == ["claimed"]


def test_list_facts_filters_sort_and_limit(cli: Cli) -> None:
    facts = ids("list", "facts", "--entity", "maia100", "--sort", "as_of")
    code, out, _ = cli("list", "facts", "--entity", "maia100", "--sort", "as_of", "--json")
    dates = [r["as_of"] for r in json.loads(out)]
    assert dates == sorted(dates) and len(facts) == len(dates)
    assert ids("list", "facts", "--entity", "maia100", "--sort", "as_of", "--reverse")[0] == (
        facts[-1] if dates[-1] != dates[-2] else ids(
            "list", "facts", "--entity", "maia100", "--sort", "as_of", "--reverse")[0]
    )  # fmt: skip
    since = json.loads(cli("list", "facts", "--since", "2025", "--json")[1])
    assert since and all(r["as_of"] >= "2025" for r in since)
    until = json.loads(cli("list", "facts", "--until", "2022", "--json")[1])
    assert until and all(r["as_of"][:4] <= "2022" for r in until)
    source = json.loads(cli("list", "facts", "--source", "ithome-2025-09", "--json")[1])
    assert source and {r["source"]["id"] for r in source} == {"ithome-2025-09"}
    assert len(ids("list", "facts", "--kind", "chip", "--limit", "3")) == 3


def test_counts_are_honest(cli: Cli) -> None:
    code, out, _ = cli("list", "facts", "--entity", "maia100", "--limit", "2", "-f", "table")
    total = len(ids("list", "facts", "--entity", "maia100"))
    assert out.splitlines()[0].strip() == f"2 of {total} facts (--all shows all)"
    code, out, _ = cli("search", "maia", "-f", "table")
    first = out.splitlines()[0]
    assert first.startswith("10 of ") and "shows all" in first


def test_bad_dates_and_misplaced_filters_are_usage_errors(cli: Cli) -> None:
    assert cli("list", "facts", "--since", "2023-13")[0] == 2
    assert cli("timeline", "--until", "soon")[0] == 2
    code, _, err = cli("list", "entities", "--status", "claimed")
    assert code == 2 and "only for `list facts`" in err


def test_timeline_since_until_bound_the_event_date(cli: Cli) -> None:
    code, out, _ = cli("timeline", "--since", "2023", "--until", "2023", "--json")
    events = json.loads(out)
    assert events and all(str(e["value"]).startswith("2023") for e in events)


def test_golden_store_filters(cli: Cli) -> None:
    data = ["--data", str(FIXTURES / "golden.yaml")]
    assert cli(*data, "list", "facts", "--kind", "spaceship")[0] == 2


@pytest.mark.skipif(__import__("shutil").which("script") is None, reason="needs script(1)")
def test_long_tables_on_a_terminal_go_through_the_pager_never_when_piped() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import REPO

    chipfacts = str(Path(sys.executable).parent / "chipfacts")
    env = {**os.environ, "COLUMNS": "80", "LINES": "20", "PAGER": "head -2", "NO_COLOR": "1",
           "PYTHONPATH": str(REPO / "src")}  # fmt: skip

    def lines(command: str) -> int:
        result = subprocess.run(
            ["script", "-qec", command, "/dev/null"], env=env, capture_output=True, text=True
        )
        return len(result.stdout.splitlines())

    assert lines(f"{chipfacts} search maia") == 2
    assert lines(f"{chipfacts} --no-pager search maia") > 20
    # piped: ten plain lines, no pager, and on stderr the note that more were found
    assert lines(f"{chipfacts} search maia | cat") == 11
