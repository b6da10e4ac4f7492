"""What leaves the tool holds for scripts (issue 20): nothing is cut silently, empty
is the same everywhere, --sort value is by attribute and unit, ids are on screen,
`fact` piped is whole, and --fields selects fields."""

from __future__ import annotations

import csv
import io
import json

import pytest

from chipfacts.render.serialize import FACT_COLUMNS
from tests.conftest import Cli, run_cli


def ids(*args: str) -> list[str]:
    code, out, err = run_cli(*args, "--format", "jsonl")
    assert code == 0, err
    return [json.loads(line)["id"] for line in out.splitlines()]


# --- nothing cut silently ----------------------------------------------------------

LIMITED = [["search", "nvidia"], ["list", "facts", "--limit", "3"]]


@pytest.mark.parametrize("args", LIMITED, ids=" ".join)
@pytest.mark.parametrize("fmt", ["plain", "json", "jsonl", "csv"])
def test_a_limited_output_says_so_on_stderr_in_every_format(
    args: list[str], fmt: str, cli: Cli
) -> None:
    code, _, err = cli(*args, "--format", fmt)
    every = len(ids(*args[:2], "--all"))
    shown = 10 if args[0] == "search" else 3
    assert code == 0
    assert err == f"chipfacts: note: {shown} of {every} facts; --all shows all\n"


@pytest.mark.parametrize("args", LIMITED, ids=" ".join)
def test_a_limited_table_says_so_in_its_title(args: list[str], cli: Cli) -> None:
    """On a terminal the title says it; to a file or a pipe, stderr says it too."""
    code, out, err = cli(*args, "--format", "table", "--no-pager", tty=True)
    assert code == 0 and err == ""
    assert "(--all shows all)" in out.splitlines()[0]  # (in bold)
    code, out, err = cli(*args, "--format", "table")
    assert code == 0 and out.splitlines()[0].rstrip().endswith("(--all shows all)")
    assert err.startswith("chipfacts: note: ") and err.endswith("; --all shows all\n")


def test_all_shows_every_fact_found_and_notes_nothing(cli: Cli) -> None:
    code, out, err = cli("search", "nvidia", "--all", "--json")
    assert code == 0 and err == ""
    assert len(json.loads(out)) > 10
    assert len(ids("list", "facts", "--all")) == len(ids("list", "facts"))


def test_a_limit_that_hides_nothing_notes_nothing(cli: Cli) -> None:
    total = len(ids("search", "maia", "--all"))
    assert cli("search", "maia", "--limit", str(total))[2] == ""


@pytest.mark.parametrize("command", [["search", "maia"], ["list", "facts"]])
def test_all_and_limit_conflict(command: list[str], cli: Cli) -> None:
    code, out, err = cli(*command, "--all", "--limit", "5")
    assert (code, out) == (2, "")
    assert err.startswith("chipfacts: error: --all conflicts with --limit 5")


# --- empty is the same everywhere -----------------------------------------------------

EMPTY = {
    "search": ["search", "zzqxv"],
    "list facts": ["list", "facts", "--since", "2099"],
    "timeline": ["timeline", "--since", "2099"],
    "compare": ["compare", "maia100", "mi300x", "-a", "cluster"],
    "conflicts": ["conflicts", "h100"],
}


@pytest.mark.parametrize("name", EMPTY)
def test_nothing_found_is_empty_alike_in_every_format(name: str, cli: Cli) -> None:
    args = EMPTY[name]
    code, out, err = cli(*args, "--json")
    assert code == 1 and err.startswith("chipfacts: error: ")
    assert json.loads(out) == ({"entities": [], "rows": []} if name == "compare" else [])
    code, out, _ = cli(*args, "--format", "csv")
    assert code == 1 and out.splitlines()[0].startswith(",".join(FACT_COLUMNS))
    assert len(out.splitlines()) == 1
    for fmt in ("jsonl", "plain"):
        assert cli(*args, "--format", fmt)[:2] == (1, "")


def test_an_empty_csv_with_fields_has_their_header(cli: Cli) -> None:
    code, out, _ = cli("search", "zzqxv", "-f", "csv", "--fields", "id,source.file")
    assert (code, out) == (1, "id,source.file\n")


# --- --sort value ---------------------------------------------------------------------


@pytest.mark.parametrize("reverse", [[], ["--reverse"]])
def test_sort_value_groups_by_attribute_and_unit_then_numbers_before_texts(
    reverse: list[str],
    cli: Cli,
) -> None:
    code, out, _ = cli("list", "facts", "--sort", "value", *reverse, "--json")
    facts = json.loads(out)
    kinds = [
        0 if isinstance(f["value"] if f["value"] is not None else f["min"], int | float) else 1
        for f in facts
    ]
    assert kinds == sorted(kinds)  # numbers first, whichever the direction
    numbers = [f for f, kind in zip(facts, kinds, strict=True) if kind == 0]
    groups = [(f["attribute_label"].casefold(), f["unit"]) for f in numbers]
    assert groups == sorted(groups)  # 1 ¢, 3×, 5 nm never interleave
    for group in set(groups):
        values = [
            f["value"] if f["value"] is not None else f["min"]
            for f in numbers
            if (f["attribute_label"].casefold(), f["unit"]) == group
        ]
        assert values == sorted(values, reverse=bool(reverse))


# --- ids on screen --------------------------------------------------------------------

VIEWS = [
    ["search", "maia"],
    ["list", "facts", "--kind", "cluster"],
    ["show", "mai-1-preview"],
    ["timeline", "microsoft"],
    ["compare", "maia100", "mi300x", "-a", "transistors", "-a", "node"],
    ["sources", "ithome-2025-09"],
    ["conflicts"],
    ["fact", "maia100-transistors"],
]


@pytest.mark.parametrize("columns", [40, 80, 200])
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_every_view_shows_each_facts_id_whole(args: list[str], columns: int, cli: Cli) -> None:
    code, out, _ = cli(*args, "-f", "table", columns=columns)
    assert code == 0
    lines = out.splitlines()
    for ident in ids(*args):
        assert any(ident in line for line in lines), (ident, out)


# --- fact, piped ----------------------------------------------------------------------


def test_fact_piped_prints_every_field_as_key_value_lines(cli: Cli) -> None:
    code, out, _ = cli("fact", "nvidia-networking-revenue", "maia100-transistors")
    assert code == 0
    first, second = out.rstrip("\n").split("\n\n")
    (record, _) = json.loads(
        cli("fact", "nvidia-networking-revenue", "maia100-transistors", "--json")[1]
    )
    lines: dict[str, str] = {}
    for line in first.splitlines():  # "key: value", or "key:" when there is none
        key, _, value = line.partition(":")
        lines[key] = value.removeprefix(" ")
    assert lines["id"] == "nvidia-networking-revenue"
    assert lines["quote"] == record["quote"]
    assert lines["summary"] == " ".join(record["summary"].split())
    assert lines["source.title"] == record["source"]["title"]
    assert lines["source.title_en"] == record["source"]["title_en"]
    assert lines["claimed_by"] == "nvidia"
    flat = {k for k, v in record.items() if not isinstance(v, dict) and k != "references"}
    flat |= {f"source.{k}" for k in record["source"]}
    flat |= {f"references.{n}.{k}" for n, r in enumerate(record["references"], 1) for k in r}
    assert flat | {"doubt"} == set(lines)
    assert second.startswith("id: maia100-transistors\n")


# --- --fields -------------------------------------------------------------------------


def test_fields_cut_every_record_keeping_the_nesting(cli: Cli) -> None:
    code, out, _ = cli("search", "maia", "-n", "2", "--json", "--fields", "id,display,source.file")
    records = json.loads(out)
    assert code == 0 and len(records) == 2
    assert all(
        list(r) == ["id", "display", "source"] and list(r["source"]) == ["file"] for r in records
    )
    code, out, _ = cli("search", "maia", "-n", "2", "-f", "jsonl", "--fields", "id,doubt.kind")
    assert [json.loads(line) for line in out.splitlines()][0].keys() == {"id", "doubt"}


def test_fields_in_csv_and_plain_are_columns_in_the_order_given(cli: Cli) -> None:
    code, out, _ = cli("list", "facts", "-n", "2", "-f", "csv", "--fields", "source_file,id")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["source_file", "id"] and len(rows) == 3
    code, out, _ = cli("list", "facts", "-n", "2", "--fields", "id,display")
    assert all(len(line.split("\t")) == 2 for line in out.splitlines())


def test_fields_of_a_document_command_are_its_records(cli: Cli) -> None:
    code, out, _ = cli(
        "compare", "maia100", "mi300x", "-a", "transistors", "--json", "--fields", "id,ratio"
    )
    assert json.loads(out) == [
        {"id": "maia100-transistors", "ratio": 1.0},
        {"id": "mi300x-transistors", "ratio": 1.4571},
    ]
    code, out, _ = cli("list", "entities", "--kind", "nic", "--json", "--fields", "id,fact_count")
    assert {"id": "microsoft-nic", "fact_count": 13} in json.loads(out)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("id,dispaly", "unknown field 'dispaly' for --fields; did you mean 'display'?"),
        ("source.path", "unknown field 'source.path' for --fields"),
        (",", "--fields is empty; name some, such as id,display"),
    ],
)
def test_an_unknown_field_is_one_line_and_a_usage_error(
    fields: str, message: str, cli: Cli
) -> None:
    code, out, err = cli("search", "maia", "--json", "--fields", fields)
    assert (code, out) == (2, "")
    assert err.startswith(f"chipfacts: error: {message}") and err.count("\n") == 1


def test_fields_and_a_table_conflict(cli: Cli) -> None:
    code, _, err = cli("search", "maia", "-f", "table", "--fields", "id")
    assert code == 2 and "--fields selects fields of records, not of a table" in err


def test_field_names_complete() -> None:
    from click.shell_completion import ShellComplete
    from typer.main import get_command

    from chipfacts.cli.app import app as typer_app

    def complete(args: list[str], incomplete: str) -> list[str]:
        shell = ShellComplete(get_command(typer_app), {}, "chipfacts", "_CHIPFACTS_COMPLETE")
        return [c.value for c in shell.get_completions(args, incomplete)]

    assert complete(["search", "maia", "--fields"], "disp") == ["display"]
    assert "id,source.file" in complete(["search", "maia", "--fields"], "id,source.f")
    assert complete(["list", "entities", "--fields"], "fact") == ["fact_count"]
    assert "score" in complete(["search", "x", "--fields"], "sc")


def test_the_nested_fields_are_the_records_own() -> None:
    """--fields knows a fact's nested records by their fields: the same as serialize's
    (and a search result's match, as matched writes it)."""
    import chipfacts
    from chipfacts.render.fields import NESTED
    from chipfacts.render.matched import search_output
    from chipfacts.search.explain import Match

    fact = next(f for f in chipfacts.load().facts.values() if f.doubt)
    (record,) = search_output([fact], [1.0], [Match(["x"], ["text"], None)]).records
    assert NESTED == {key: tuple(record[key]) for key in NESTED}


def test_what_a_limit_hid_is_said_plainly() -> None:
    from chipfacts.render.display import limit_note, more_hint

    assert (more_hint(10, 56), limit_note(10, 56, "fact")) == (
        " (--all shows all)", "10 of 56 facts; --all shows all"
    )  # fmt: skip
    assert (more_hint(56, 56), limit_note(56, 56, "fact")) == ("", None)
    # the search stopped counting: more may match than it read
    assert limit_note(10, 2000, "fact", capped=True) == "10 of 2,000+ facts; --all shows more"
    assert more_hint(2000, 2000, capped=True) == " (there may be more; narrow the query)"


def test_fields_of_fact_piped_are_its_key_value_lines(cli: Cli) -> None:
    code, out, _ = cli("fact", "maia100-transistors", "--fields", "id,quote,source.file")
    assert code == 0 and [line.split(":")[0] for line in out.splitlines()] == [
        "id", "quote", "source.file"
    ]  # fmt: skip
