"""`chipfacts search` end to end: formats, exit codes, messages, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import MINI, Cli

MINI_ARGS = ["--data", str(MINI)]


def test_piped_output_is_plain_tab_separated_lines(cli: Cli) -> None:
    code, out, err = cli(*MINI_ARGS, "search", "maia")
    assert code == 0 and err == ""
    assert out == (
        # id, entity, attribute, value, context, as of, status, claimed by, source,
        # doubt, note: empty where there is none
        "maia100-transistors\tMaia 100\tTransistor count\t105 billion transistors\t\t"
        "2023-11-15\treported\t\tmini\t\t\n"
        "maia100-foundry\tMaia 100\tFoundry\tTSMC\t\t2023-11\treported\t\tmini\t\t\n"
    )


def test_json_shape(cli: Cli) -> None:
    code, out, _ = cli(*MINI_ARGS, "search", "nvidia", "--json")
    assert code == 0
    (record,) = json.loads(out)
    assert record == {
        "id": "nvidia-share",
        "entity": "nvidia",
        "entity_name": "Nvidia",
        "attribute": "market_share",
        "attribute_label": "Market share",
        "value": 80,
        "min": None,
        "max": None,
        "bound": "more_than",
        "unit": "percent",
        "display": "> 80%",
        "context": None,
        "status": "claimed",
        "as_of": "2023",
        "summary": "Nvidia has more than 80% of the market.",
        "quote": "英伟达控制了超过80%的份额",
        "source": {
            "id": "mini",
            "file": "mini.txt",
            "title": "微软首款AI芯片",
            "title_en": None,
            "publisher": "Test Press",
            "published": "2023-11",
            "language": "zh-Hans",
            "url": None,
        },
        "claimed_by": "nvidia",
        "related": [],
        "note": None,
        "doubt": None,
        "references": [
            {"source": "mini", "quote": "英伟达控制了超过80%的份额", "as_of": "2023", "note": None}
        ],
        "score": 31.3,
        "match": {"words": ["nvidia"], "how": ["id"], "fallback_for": None},
    }  # fmt: skip


def test_json_shortcut_equals_format_json(cli: Cli) -> None:
    assert cli(*MINI_ARGS, "search", "maia", "--json") == cli(
        *MINI_ARGS, "search", "maia", "-f", "json"
    )


def test_jsonl_is_one_record_per_line(cli: Cli) -> None:
    code, out, _ = cli(*MINI_ARGS, "search", "maia", "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [
        "maia100-transistors",
        "maia100-foundry",
    ]


def test_csv_has_a_header_and_quotes_fields(cli: Cli) -> None:
    code, out, _ = cli(*MINI_ARGS, "search", "maia", "--format", "csv", "--limit", "1")
    assert code == 0
    header, row = out.splitlines()
    assert header.startswith(
        "id,entity,entity_name,attribute,attribute_label,value,min,max,bound,unit,display"
    )
    assert row.startswith(
        "maia100-transistors,maia100,Maia 100,transistor_count,Transistor count,"
        "105000000000,,,exact,transistors,105 billion transistors,"
    )


def test_table_format_on_request(cli: Cli) -> None:
    code, out, _ = cli(*MINI_ARGS, "search", "maia", "--format", "table")
    assert code == 0
    assert "Maia 100" in out and "105 billion transistors" in out and "┃ Entity" in out


def test_filters(cli: Cli) -> None:
    assert cli(*MINI_ARGS, "search", "maia", "--attribute", "foundry")[1].startswith(
        "maia100-foundry\t"
    )
    assert cli(*MINI_ARGS, "search", "maia", "--status", "reported", "--limit", "1")[1].startswith(
        "maia100-transistors\t"
    )
    code, out, _ = cli(*MINI_ARGS, "search", "80%", "--entity", "英伟达")
    assert code == 0 and out.startswith("nvidia-share\t")
    code, out, _ = cli(*MINI_ARGS, "search", "maia", "--kind", "company")
    assert code == 1


def test_nothing_found_suggests_and_exits_1(cli: Cli) -> None:
    code, out, err = cli(
        *MINI_ARGS,
        "search",
        "nvidea",
        "transistors",
        "--source",
        "mini",
        "--kind",
        "company",
        "--attribute",
        "foundry",
    )
    assert code == 1 and out == ""
    assert err.startswith(
        "chipfacts: error: no facts match 'nvidea transistors'; did you mean 'Nvidia'"
    )


def test_nothing_found_in_json_prints_an_empty_array_and_exits_1(cli: Cli) -> None:
    code, out, err = cli(*MINI_ARGS, "search", "zzqxv", "--json")
    assert (code, out) == (1, "[]\n")
    assert err == "chipfacts: error: no facts match 'zzqxv'\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", ""], "the query is empty"),
        (["search", "   ", "\t"], "the query is empty"),
        (["search", "\x00\x07"], "the query is empty"),
        (["search", "x" * 100_000], "the query is 100000 characters long; the limit is 500"),
        (["search", "maia", "--limit", "0"], "--limit must be at least 1, not 0"),
        (["search", "maia", "--limit", "-3"], "--limit must be at least 1, not -3"),
        (
            ["search", "maia", "--kind", "spaceship"],
            "unknown kind 'spaceship' (kinds: chip, company)",
        ),
        (["search", "maia", "--attribute", "colour"], "unknown attribute 'colour'"),
        (["search", "maia", "--source", "nowhere"], "unknown source 'nowhere' (sources: mini)"),
        (["search", "maia", "--json", "--format", "csv"], "--json conflicts with --format csv"),
    ],
)
def test_bad_input_is_a_usage_error(args: list[str], message: str, cli: Cli) -> None:
    code, out, err = cli(*MINI_ARGS, *args)
    assert code == 2 and out == ""
    assert err.startswith(f"chipfacts: error: {message}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "maia", "--status", "rumoured"], "Invalid value for '--status'"),
        (["search", "maia", "--format", "xml"], "Invalid value for '--format' / '-f'"),
        (["search"], "Missing argument"),
    ],
)
def test_click_usage_errors(args: list[str], message: str, cli: Cli) -> None:
    code, _, err = cli(*MINI_ARGS, *args)
    assert code == 2 and message in err


def test_unknown_entity_filter_suggests(cli: Cli) -> None:
    code, _, err = cli(*MINI_ARGS, "search", "x", "--entity", "nvd")
    assert code == 1
    assert err == "chipfacts: error: no entity 'nvd'; did you mean 'Nvidia'?\n"


def test_a_typo_in_the_entity_filter_is_forgiven(cli: Cli) -> None:
    code, out, _ = cli(*MINI_ARGS, "search", "80%", "--entity", "nvidea")
    assert code == 0 and out.startswith("nvidia-share\t")


def test_headline_queries_on_the_real_store(cli: Cli) -> None:
    # Maia 100's facts tie: the newest first (as_of by month), then specs before events.
    assert (
        cli("search", "maia")[1]
        .splitlines()[1]
        .startswith("maia100-transistors\tMaia 100\tTransistor count\t105 billion transistors")
    )
    assert cli("search", "微軟", "配额")[1].startswith("microsoft-gpu-quota\t")
    assert cli("search", "1.5万")[1].startswith("mai-1-preview-training-gpus\t")
    assert json.loads(cli("search", "mi300", "--json")[1])[0]["value"] == 153000000000


def test_json_output_imports_only_what_it_needs() -> None:
    subprocess.run(
        [sys.executable, "-m", "chipfacts", "search", "maia"], check=True, capture_output=True
    )  # fmt: skip  (a warm cache, as on every run but the first)
    probe = (
        "import sys, io, contextlib\n"
        "sys.argv = ['chipfacts', 'search', 'maia', '--json']\n"
        "from chipfacts.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "heavy = {'rich', 'pygments', 'yaml', 'opencc', 'rapidfuzz', 'pydantic'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


def test_a_fact_id_answers_with_that_fact(cli: Cli) -> None:
    code, out, _ = cli(*MINI_ARGS, "search", "nvidia-share", "--json")
    assert code == 0
    assert [(r["id"], r["score"]) for r in json.loads(out)] == [("nvidia-share", 200.0)]
    code, out, _ = cli(*MINI_ARGS, "search", "nvidia-share", "--status", "reported", "--json")
    assert "nvidia-share" not in [r["id"] for r in json.loads(out or "[]")]


def test_spending_in_chinese_finds_the_spending_facts(cli: Cli) -> None:
    """支出 ("spending") is annual spending's word, as 开销 is; 资本支出 stays capex's."""
    code, out, _ = cli("search", "支出", "--format", "jsonl")
    assert code == 0
    attributes = {json.loads(line)["attribute"] for line in out.splitlines()}
    assert "annual_spend" in attributes
