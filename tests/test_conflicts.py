"""The rule for facts that disagree (views.conflicts), case by case, and the command."""

from __future__ import annotations

import json

import pytest

from chipfacts.model.dates import PartialDate, parse_partial_date
from chipfacts.model.records import (
    Attribute,
    Bound,
    Doubt,
    DoubtKind,
    Entity,
    Fact,
    Number,
    Source,
    Status,
    ValueType,
)
from chipfacts.views.conflicts import Why, conflicts_among, disagreement
from tests.conftest import FIXTURES, Cli

SOURCE = Source("s", "s.txt", "T", "P", PartialDate(2023), "zh-Hans")
CHIP = Entity("chip", "Chip", "chip")
COUNT = Attribute("count", "Count", ValueType.NUMBER, "d", "gpus", single=True)
LAUNCHED = Attribute("launched", "Launched", ValueType.DATE, "d", single=True)
FOUNDRY = Attribute("foundry", "Foundry", ValueType.TEXT, "d", single=True)
CUSTOMERS = Attribute("customers", "Customers", ValueType.TEXT, "d", single=False)

_made = 0


def fact(
    attribute: Attribute = COUNT,
    value: Number | str | None = None,
    bound: Bound = Bound.EXACT,
    *,
    low: Number | None = None,
    high: Number | None = None,
    as_of: str = "2023-11",
    status: Status = Status.REPORTED,
    context: str | None = None,
    doubt: Doubt | None = None,
) -> Fact:
    global _made
    _made += 1
    shown: Number | str | PartialDate | None = value
    if attribute.type is ValueType.DATE and isinstance(value, str):
        shown = parse_partial_date(value)
    unit = attribute.unit
    return Fact(
        f"f{_made}", CHIP, attribute, shown, low, high, bound, unit, status,
        parse_partial_date(as_of), SOURCE, "q", "s", context=context, doubt=doubt,
    )  # fmt: skip


def disagree(a: Fact, b: Fact) -> bool:
    found = disagreement(a, b)
    assert (found is None) == (disagreement(b, a) is None), "the rule must be symmetric"
    return found is not None


R = Bound.RANGE


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # numbers: exact, about (±10 %), lower and upper bounds, open ends, ranges
        (fact(value=80), fact(value=90), True),
        (fact(value=80), fact(value=80), False),
        (fact(value=80, bound=Bound.ABOUT), fact(value=86), False),
        (fact(value=80, bound=Bound.ABOUT), fact(value=90), True),
        (fact(value=10, bound=Bound.AT_LEAST), fact(value=5), True),
        (fact(value=10, bound=Bound.AT_LEAST), fact(value=50), False),
        (fact(value=10, bound=Bound.AT_LEAST), fact(value=10), False),
        (fact(value=10, bound=Bound.MORE_THAN), fact(value=10), True),
        (fact(value=10, bound=Bound.LESS_THAN), fact(value=10), True),
        (fact(value=10, bound=Bound.AT_MOST), fact(value=10), False),
        (fact(value=10, bound=Bound.AT_MOST), fact(value=20, bound=Bound.AT_LEAST), True),
        (fact(value=10, bound=Bound.AT_LEAST), fact(value=100, bound=Bound.AT_LEAST), False),
        (fact(bound=R, low=1, high=5), fact(bound=R, low=6, high=9), True),
        (fact(bound=R, low=1, high=5), fact(bound=R, low=5, high=9), False),
        (fact(bound=R, low=30000, high=50000), fact(value=40000), False),
        (fact(bound=R, low=30000, high=50000), fact(value=15000), True),
        # dates: periods, which about widens by one unit
        (fact(LAUNCHED, "2023-11-14"), fact(LAUNCHED, "2023-11-15"), True),
        (fact(LAUNCHED, "2023"), fact(LAUNCHED, "2023-11-15"), False),
        (fact(LAUNCHED, "2023-10"), fact(LAUNCHED, "2023-11"), True),
        (fact(LAUNCHED, "2023-10", Bound.ABOUT), fact(LAUNCHED, "2023-11"), False),
        (fact(LAUNCHED, "2022"), fact(LAUNCHED, "2023-01"), True),
        (fact(LAUNCHED, "2022", Bound.ABOUT), fact(LAUNCHED, "2023-01"), False),
        # dates of an event are compared whenever they were stated
        (fact(LAUNCHED, "2019", as_of="2019"), fact(LAUNCHED, "2020", as_of="2025"), True),
        # texts of a single-valued attribute, folded; multi-valued ones never
        (fact(FOUNDRY, "TSMC"), fact(FOUNDRY, "Samsung"), True),
        (fact(FOUNDRY, "TSMC"), fact(FOUNDRY, "tsmc "), False),
        (fact(CUSTOMERS, "OpenAI"), fact(CUSTOMERS, "Bing"), False),
        # other contexts measure other things
        (fact(value=80, context="per year"), fact(value=90), False),
        (fact(value=80, context="per year"), fact(value=90, context="per year"), True),
        # other times: a change, not a disagreement ...
        (fact(value=80, as_of="2022"), fact(value=90, as_of="2023"), False),
        (fact(value=80, as_of="2023"), fact(value=90, as_of="2023-11"), True),
        # ... unless a forecast or plan meets a later report
        (fact(value=80, as_of="2022", status=Status.FORECAST), fact(value=90, as_of="2023"), True),
        (fact(value=80, as_of="2022", status=Status.PLANNED), fact(value=90, as_of="2023"), True),
        (fact(value=80, as_of="2024", status=Status.FORECAST), fact(value=90, as_of="2023"), False),
        (
            fact(value=80, as_of="2022", status=Status.FORECAST),
            fact(value=90, as_of="2023", status=Status.CLAIMED),
            False,
        ),
    ],  # fmt: skip
)
def test_rule(a: Fact, b: Fact, expected: bool) -> None:
    assert disagree(a, b) is expected


def test_why_names_the_case() -> None:
    forecast = fact(LAUNCHED, "2023-11-14", as_of="2023-10", status=Status.FORECAST)
    report = fact(LAUNCHED, "2023-11-15", as_of="2023-11-15")
    found = disagreement(report, forecast)
    assert found is not None
    assert (found.first, found.second, found.why) == (forecast, report, Why.FORECAST)
    assert found.reason() == "a forecast contradicted by a later report"
    same = disagreement(fact(value=1), fact(value=2))
    assert same is not None and same.why is Why.SAME_TIME
    event = disagreement(fact(LAUNCHED, "2020"), fact(LAUNCHED, "2021"))
    assert event is not None and event.why is Why.SAME_EVENT


def test_conflicts_group_by_entity_and_attribute() -> None:
    a, b, c = fact(value=1), fact(value=2), fact(value=1)
    d = fact(FOUNDRY, "TSMC")
    found = conflicts_among([a, b, c, d, fact(FOUNDRY, "TSMC")])
    assert len(found) == 1
    (conflict,) = found
    assert conflict.attribute == COUNT
    assert {f.id for f in conflict.facts} == {a.id, b.id, c.id}
    assert {(x.first.id, x.second.id) for x in conflict.disagreements} == {
        (a.id, b.id),
        (b.id, c.id),
    }


def test_doubted_facts_take_part() -> None:
    doubt = Doubt(DoubtKind.WRONG, "known wrong")
    assert conflicts_among([fact(value=1), fact(value=2, doubt=doubt)])


def test_attribute_single_defaults_by_type(tmp_path: object) -> None:
    from chipfacts.store.store import load

    store = load(FIXTURES / "golden.yaml", use_cache=False)
    assert store.attributes["transistor_count"].single
    assert store.attributes["launched"].single
    assert not store.attributes["gpu_quota"].single


# --- the command -------------------------------------------------------------------

GOLDEN = ["--data", str(FIXTURES / "golden.yaml")]
MINI = ["--data", str(FIXTURES / "mini.yaml")]


def test_conflicts_of_one_entity(cli: Cli) -> None:
    code, out, err = cli(*GOLDEN, "conflicts", "alpha", "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert [(c["entity"], c["attribute"]) for c in found] == [
        ("alpha", "transistor_count"),
        ("alpha", "launched"),
    ]
    assert found[1]["disagreements"] == [
        {
            "facts": ["alpha-launch-forecast", "alpha-launched"],
            "why": "forecast",
            "reason": "a forecast contradicted by a later report",
        }
    ]


def test_no_doubted_leaves_doubted_facts_out(cli: Cli) -> None:
    code, out, _ = cli(*GOLDEN, "conflicts", "--no-doubted", "--json")
    assert code == 0
    assert [c["attribute"] for c in json.loads(out)] == ["launched"]


@pytest.mark.parametrize(
    ("fmt", "stdout"),
    [("json", "[]\n"), ("csv", None), ("plain", ""), ("jsonl", "")],
)
def test_none_found_is_exit_1(fmt: str, stdout: str | None, cli: Cli) -> None:
    code, out, err = cli(*GOLDEN, "conflicts", "beta", "--format", fmt)
    assert code == 1
    assert err == "chipfacts: error: no conflicts among the facts of beta\n"
    if stdout is None:
        assert out.startswith("id,entity,entity_name,attribute,") and out.count("\n") == 1
    else:
        assert out == stdout


def test_unknown_entity_suggests(cli: Cli) -> None:
    code, _, err = cli(*MINI, "conflicts", "qcom")
    assert code == 1 and err.startswith("chipfacts: error: no entity 'qcom'")


def test_help_has_examples(cli: Cli) -> None:
    code, out, _ = cli("conflicts", "--help")
    assert code == 0 and "chipfacts conflicts maia100" in out and "--no-doubted" in out


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["search", "alpha", "--no-doubted", "-n", "20"], False),
        (["search", "alpha", "--doubted"], True),
        (["list", "facts", "--no-doubted"], False),
        (["show", "alpha", "--no-doubted"], False),
        (["timeline", "--no-doubted"], False),
        (["compare", "alpha", "beta", "--no-doubted"], False),
    ],
)
def test_doubted_filter(args: list[str], shown: bool, cli: Cli) -> None:
    code, out, err = cli(*GOLDEN, *args, "--format", "jsonl")
    assert (code, err) == (0, "")
    doubted = {"alpha-transistors-leak", "alpha-deployment"}
    ids = {json.loads(line).get("id") for line in out.splitlines()}
    assert bool(ids & doubted) is shown
    if shown:
        assert ids <= doubted


def test_doubted_filter_applies_to_facts_only(cli: Cli) -> None:
    code, _, err = cli(*GOLDEN, "list", "entities", "--doubted")
    assert code == 2 and "only for `list facts`" in err
