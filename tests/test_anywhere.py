"""Global options work before or after the command (issue 20, point 7)."""

from __future__ import annotations

import json

import pytest

from chipfacts.cli import app
from tests.conftest import MINI, Cli


def test_data_after_the_command_is_read(cli: Cli) -> None:
    before = cli("--data", str(MINI), "search", "maia", "--json")
    after = cli("search", "maia", "--json", "--data", str(MINI))
    assert before == after and before[0] == 0
    assert {r["source"]["id"] for r in json.loads(after[1])} == {"mini"}


def test_data_after_the_command_wins_over_the_environment_and_the_root(cli: Cli) -> None:
    elsewhere = str(MINI.parent / "golden.yaml")
    code, out, _ = cli(
        "--data", elsewhere, "search", "maia", "--json", "--data", str(MINI),
        env={"CHIPFACTS_DATA": elsewhere},
    )  # fmt: skip
    assert code == 0 and {r["source"]["id"] for r in json.loads(out)} == {"mini"}


@pytest.mark.parametrize("option", ["--no-color", "--no-pager", "--no-cache"])
def test_flags_after_the_command_are_accepted(option: str, cli: Cli) -> None:
    assert cli("--data", str(MINI), "search", "maia", option) == cli(
        option, "--data", str(MINI), "search", "maia"
    )


def test_no_color_after_the_command_turns_colour_off(cli: Cli) -> None:
    env = {"FORCE_COLOR": "1"}
    args = ("--data", str(MINI), "search", "maia", "-f", "table")
    assert "\x1b[" in cli(*args, env=env)[1]
    assert "\x1b[" not in cli(*args, "--no-color", env=env)[1]


def test_format_before_the_command_is_its_default(cli: Cli) -> None:
    code, out, _ = cli("--format", "json", "--data", str(MINI), "search", "maia")
    assert code == 0 and json.loads(out)[0]["id"] == "maia100-transistors"
    code, out, _ = cli("--json", "--data", str(MINI), "list", "facts")
    assert code == 0 and isinstance(json.loads(out), list)
    # given after it too, the command's own wins; --json and another format conflict
    code, out, _ = cli("-f", "json", "--data", str(MINI), "search", "maia", "-f", "csv")
    assert code == 0 and out.startswith("id,entity,")
    code, _, err = cli("--json", "--data", str(MINI), "search", "maia", "-f", "csv")
    assert code == 2 and "--json conflicts with --format csv" in err


@pytest.mark.parametrize("command", [["validate"], ["cache", "path"], ["export", "x.db"]])
def test_format_before_a_command_without_one_is_a_usage_error(command: list[str], cli: Cli) -> None:
    code, out, err = cli("--format", "json", *command)
    assert (code, out) == (2, "")
    assert err.startswith(f"chipfacts: error: --format does not apply to `chipfacts {command[0]}`")


def test_a_chart_format_before_the_timeline_is_its_default(cli: Cli) -> None:
    golden = str(MINI.parent / "golden.yaml")  # it has dated facts
    before = cli("--format", "vega-lite", "--data", golden, "timeline")
    after = cli("--data", golden, "timeline", "--format", "vega-lite")
    assert before == after and before.code == 0
    assert json.loads(before.out)["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    code, out, err = cli("--format", "vega-lite", "--data", str(MINI), "search", "maia")
    assert (code, out) == (2, "") and "'vega-lite' is not one of" in err  # search's own


@pytest.mark.parametrize("command", [["chart", "transistors"], ["export", "x.db"]])
def test_a_command_whose_format_is_its_own_says_where_it_goes(command: list[str], cli: Cli) -> None:
    code, out, err = cli("--format", "json", *command)
    assert (code, out) == (2, "") and "give its own --format after it" in err


def test_an_empty_data_after_the_command_is_a_usage_error(cli: Cli) -> None:
    code, _, err = cli("search", "maia", "--data", "")
    assert code == 2 and "Invalid value for --data: is empty" in err


def test_the_commands_of_a_group_take_them_too(cli: Cli) -> None:
    assert cli("cache", "path", "--no-color") == cli("--no-color", "cache", "path")
    assert cli("cache", "path", "--no-color")[0] == 0


def test_completion_reads_the_store_data_names_after_the_command() -> None:
    from click.shell_completion import ShellComplete
    from typer.main import get_command

    golden = str(MINI.parent / "golden.yaml")
    shell = ShellComplete(get_command(app), {}, "chipfacts", "_CHIPFACTS_COMPLETE")
    after = shell.get_completions(["search", "x", "--data", golden, "--entity"], "a")
    before = shell.get_completions(["--data", golden, "search", "x", "--entity"], "a")
    assert [c.value for c in after] == [c.value for c in before] == ["acorp", "alpha", "analyst"]
