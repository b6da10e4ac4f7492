"""compare, show, list, sources, timeline: errors, exit codes, completion, help."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, Cli, run_cli

GOLDEN_STORE = ["--data", str(FIXTURES / "golden.yaml")]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["compare", "maia"], 2, "compare needs at least two entities"),
        (
            ["compare", "maia", "雅典娜"],
            2,
            "'雅典娜' names Maia 100 (maia100), which is already compared",
        ),
        (
            ["compare", "h300", "maia"],
            1,
            "no entity 'h300'; did you mean 'H100', 'H200', 'MI300X'?",
        ),
        (["compare", "maia", "qcom"], 1, "no entity 'qcom'; did you mean 'Qualcomm'?"),
        (["compare", "maia", "mi300x", "-a", "transistr"], 2, "did you mean 'transistor_count'?"),
        (["show", "zzqq"], 1, "no entity 'zzqq'"),
        (["timeline", "zzqq"], 1, "no entity 'zzqq'"),
        (["sources", "999"], 2, "unknown source '999'"),
        (["list", "entities", "--kind", "spaceship"], 2, "unknown kind 'spaceship'"),
        (["list", "attributes", "--kind", "spaceship"], 2, "unknown kind 'spaceship'"),
    ],
)
def test_errors(args: list[str], code: int, message: str, cli: Cli) -> None:
    exit_code, out, err = cli(*args)
    assert exit_code == code and out == ""
    assert err.startswith("chipfacts: error: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "names",
    [
        ["maia-100", "MI300X"],
        ["Maia 100", "mi 300x"],
        ["athena", "mi300x"],
        ["雅典娜", "mi300x"],
        ["miaa100", "mi300"],
    ],
)
def test_compare_resolves_names_like_search(names: list[str], cli: Cli) -> None:
    code, out, _ = cli("compare", *names, "--json")
    assert code == 0
    assert [e["id"] for e in json.loads(out)["entities"]] == ["maia100", "mi300x"]


def test_compare_json_shape_and_ratio(cli: Cli) -> None:
    code, out, _ = cli(
        "compare", "maia100", "mi300x", "--json", "-a", "transistor_count", "-a", "node"
    )
    document = json.loads(out)
    assert [r["attribute"] for r in document["rows"]] == ["transistor_count", "process_node"]
    transistors = document["rows"][0]
    assert transistors["unit"] == "transistors"
    assert transistors["ratio"] == {"maia100": 1.0, "mi300x": 1.4571}
    assert transistors["cells"]["mi300x"][0]["value"] == 153000000000
    assert document["rows"][1]["cells"]["mi300x"] == []  # missing is empty, never 0


def test_compare_a_model_with_a_cluster(cli: Cli) -> None:
    code, out, _ = cli(
        "compare", "mai-1-preview", "openai-2020-supercomputer", "--json", "-a", "cluster_gpus"
    )
    (row,) = json.loads(out)["rows"]
    assert row["ratio"]["openai-2020-supercomputer"] == pytest.approx(0.6667, abs=1e-4)


def test_no_ratio_from_bounds_or_ranges(cli: Cli) -> None:
    code, out, _ = cli("compare", "microsoft", "mai-1-preview", "--json", "-a", "cluster_gpus")
    (row,) = json.loads(out)["rows"]
    assert row["ratio"] == {"microsoft": None, "mai-1-preview": None}  # "≥ 10,000" is no base


def test_show_json(cli: Cli) -> None:
    code, out, _ = cli("show", "microsoft", "--json")
    card = json.loads(out)
    assert card["id"] == "microsoft" and "微軟" in card["aliases"]
    assert card["fact_count"] == len(card["facts"]) > 10
    assert any(f["entity"] == "maia100" for f in card["mentioned_in"])


def test_timeline_is_in_date_order_with_partial_dates(cli: Cli) -> None:
    code, out, _ = cli("timeline", "--json")
    dates = [r["value"] for r in json.loads(out)]
    keys = [tuple(int(p) for p in d.split("-")) for d in dates]
    assert keys == sorted(keys)
    assert dates.index("2022") < dates.index("2022-11") if "2022-11" in dates else True
    assert dates[0] == "2013" and dates[-1] == "2027"


def test_timeline_of_an_entity_includes_what_it_makes_and_what_names_it(cli: Cli) -> None:
    code, out, _ = cli("timeline", "microsoft", "--json")
    ids = [r["id"] for r in json.loads(out)]
    assert {"maia100-development-start", "fungible-acquired", "microsoft-quota-start"} <= set(ids)
    assert "nitro-launched" not in ids


def test_sources_counts_add_up(cli: Cli) -> None:
    code, out, _ = cli("sources", "--json")
    facts = json.loads(cli("list", "facts", "--json")[1])
    # a fact counts once for each source that reports it
    assert sum(s["fact_count"] for s in json.loads(out)) == sum(len(f["references"]) for f in facts)
    code, out, _ = cli("sources", "004", "--json")
    assert json.loads(out)["id"] == "dqcm-2023-03"


def test_list_entities_by_kind(cli: Cli) -> None:
    code, out, _ = cli("list", "entities", "--kind", "nic")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["microsoft-nic", "connectx-7"]


COMMANDS = ["search", "compare", "show", "list", "sources", "timeline", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_shows_a_real_example(command: str, cli: Cli) -> None:
    code, out, _ = cli(command, "--help")
    assert code == 0 and "Example" in out and f"chipfacts {command}" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_help_works_with_a_broken_data_file(command: str, tmp_path: object, cli: Cli) -> None:
    code, out, _ = cli("--data", "/nonexistent.yaml", command, "--help")
    assert code == 0 and "Usage:" in out


def _complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash completion offers for ``words`` (completion keys on the program
    name, which the cli fixture gives as ``chipfacts``)."""
    request = {"_CHIPFACTS_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - 1)}  # fmt: skip
    return run_cli(env={**(env or {}), **request}).out.split()


def test_entity_ids_complete_in_the_shell() -> None:
    assert _complete("chipfacts compare ma") == ["maia100", "maas", "mai-1-preview"]
    assert "microsoft" in _complete("chipfacts show micro")
    assert _complete("chipfacts compare 微") == [
        "微软", "微软网卡", "微软云", "微软超级计算机", "微软自研芯片计划",
    ]  # fmt: skip
    assert _complete("chipfacts show 雅") == ["雅典娜"]


def test_sources_complete_its_subcommand_and_source_ids() -> None:
    assert _complete("chipfacts sources a") == ["add"]
    assert _complete("chipfacts sources of") == ["ofweek-2023-11"]
    assert _complete("chipfacts sources 00") == []  # a file number is typed, not offered


def test_completion_reads_the_data_option_and_survives_a_broken_store() -> None:
    assert _complete("chipfacts show al", {"CHIPFACTS_DATA": str(FIXTURES / "golden.yaml")}) == [
        "alpha"
    ]
    assert _complete("chipfacts show al", {"CHIPFACTS_DATA": "/nonexistent.yaml"}) == []
