"""The curation lint (``chipfacts lint``): the store passes it, and each rule catches
the mistake it is for.

``tests/fixtures/lint/planted.yaml`` obeys every rule; each case below breaks it in
one place and asserts that exactly that rule fires, on that fact, at that line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chipfacts.lint.run import lint
from chipfacts.model.lint import Rule
from chipfacts.store.store import validate
from tests.conftest import REPO, Cli

PLANTED_DIR = Path(__file__).resolve().parent / "fixtures" / "lint"
PLANTED = PLANTED_DIR / "planted.yaml"
PLANTED_TEXT = PLANTED.read_text(encoding="utf-8")


def planted(tmp_path: Path, fact: str, old: str, new: str) -> Path:
    """The planted store with ``old`` in fact ``fact`` replaced by ``new``."""
    begin = PLANTED_TEXT.index(f"  - id: {fact}\n")
    at = PLANTED_TEXT.index(old, begin)
    path = tmp_path / "planted.yaml"
    path.write_text(PLANTED_TEXT[:at] + new + PLANTED_TEXT[at + len(old) :], encoding="utf-8")
    return path


def line_of(text: str, fragment: str, fact: str = "") -> int:
    """The line of ``fragment``, the first after fact ``fact`` begins."""
    start = text.index(f"  - id: {fact}\n") if fact else 0
    return text[: text.index(fragment, start)].count("\n") + 1


def test_the_store_has_no_unexplained_findings(shared_sources: Path) -> None:
    report = lint(REPO / "data" / "facts.yaml", shared_sources)
    assert [str(f) for f in report.findings] == []
    assert report.excused > 0  # the exceptions are used, each with its reason


def test_the_planted_store_is_clean() -> None:
    report = lint(PLANTED, PLANTED_DIR)
    assert report.findings == [] and report.excused == 0 and report.facts == 12


SUPPLY_DOUBT = (
    "    doubt: {kind: unconfirmed, reason: Bob denied that the chip would be supplied to "
    "customers.}\n"
)
# (rule, fact, text in that fact to replace, replacement, the line the finding points at)
PLANTS = [
    (Rule.HEARSAY, "hope", "    status:", "    claimed_by: acme\n    status:", "    claimed_by:"),
    (Rule.PAST, "earlier", '"2023-06"', '"2023-11-20"', "    as_of:"),
    (Rule.FORECAST, "expected", "status: forecast", "status: reported", "    status:"),
    (Rule.PLAN, "intended", "status: planned", "status: forecast", "    status:"),
    (Rule.SPEAKER, "said", "status: claimed\n    claimed_by: bob", "status: reported", "  - id:"),
    (Rule.ABOUT, "rounded", "bound: about", "bound: exact", "    bound:"),
    (Rule.LOWER, "floor", "bound: more_than", "bound: exact", "    bound:"),
    (Rule.UPPER, "ceiling", "bound: at_most", "bound: at_least", "    bound:"),
    (Rule.CONFLICT, "launch-forecast", "(see launch)", "", "    note:"),
    (Rule.DENIED, "supply", SUPPLY_DOUBT, "", "  - id:"),
]


@pytest.mark.parametrize(
    ("rule", "fact", "old", "new", "at"), PLANTS, ids=[rule.value for rule, *_ in PLANTS]
)
def test_each_rule_catches_its_mistake(
    tmp_path: Path, rule: Rule, fact: str, old: str, new: str, at: str
) -> None:
    path = planted(tmp_path, fact, old, new)
    report = lint(path, PLANTED_DIR)
    text = path.read_text(encoding="utf-8")
    assert [(f.rule, f.fact, f.line) for f in report.findings] == [
        (rule, fact, line_of(text, at, fact))
    ]


def test_every_rule_is_planted() -> None:
    assert {rule for rule, *_ in PLANTS} | {Rule.UNUSED} == set(Rule)


def test_a_reasoned_exception_excuses_its_rule_only(tmp_path: Path) -> None:
    exempt = "bound: exact\n    lint: {ignore: [about-bound], why: 'The source rounds; we not.'}"
    path = planted(tmp_path, "rounded", "bound: about", exempt)
    report = lint(path, PLANTED_DIR)
    assert report.findings == [] and report.excused == 1


def test_an_exception_that_excuses_nothing_is_a_finding(tmp_path: Path) -> None:
    exempt = "bound: about\n    lint: {ignore: [lower-bound], why: Left over from an edit.}"
    path = planted(tmp_path, "rounded", "bound: about", exempt)
    report = lint(path, PLANTED_DIR)
    text = path.read_text(encoding="utf-8")
    assert [(f.rule, f.fact, f.line) for f in report.findings] == [
        (Rule.UNUSED, "rounded", line_of(text, "    lint: {ignore: [lower"))
    ]


@pytest.mark.parametrize(
    ("lint_value", "message"),
    [
        ("{ignore: [no-such-rule], why: Because.}", "unknown lint rule 'no-such-rule'"),
        ("{ignore: [about-bound]}", "missing required key 'why'"),
        ("{ignore: [], why: Because.}", "'ignore' must list at least one lint rule"),
        ("{ignore: [about-bound], why: Because., colour: red}", "unknown key 'colour'"),
        ("about-bound", "'lint' must be a mapping with 'ignore' and 'why'"),
    ],
)
def test_validate_checks_the_exceptions(tmp_path: Path, lint_value: str, message: str) -> None:
    path = planted(tmp_path, "rounded", "bound: about", f"bound: about\n    lint: {lint_value}")
    problems = validate(path).problems
    assert len(problems) == 1 and message in problems[0].message
    assert problems[0].line == line_of(path.read_text(encoding="utf-8"), "    lint:")


def test_the_cli_prints_one_finding_a_line_and_exits_1(tmp_path: Path, cli: Cli) -> None:
    path = planted(tmp_path, "rounded", "bound: about", "bound: exact")
    result = cli("lint", str(path), "--sources", str(PLANTED_DIR))
    line = line_of(path.read_text(encoding="utf-8"), "    bound: exact", "rounded")
    assert result.code == 1
    assert result.out == (
        f"{path}:{line}: about-bound: rounded: '约' at the number makes it about, not exact\n"
    )
    assert result.err == f"{path}: 1 finding; 0 findings excused by reasoned exceptions\n"


def test_the_cli_json_lists_the_findings(tmp_path: Path, cli: Cli) -> None:
    path = planted(tmp_path, "ceiling", "bound: at_most", "bound: exact")
    args = ["lint", str(path), "--sources", str(PLANTED_DIR), "--format", "json"]
    result = cli(*args)
    assert result.code == 1
    (finding,) = json.loads(result.out)
    assert finding["rule"] == "upper-bound" and finding["fact"] == "ceiling"
    assert finding["file"] == str(path) and isinstance(finding["line"], int)


def test_the_cli_on_a_clean_store(cli: Cli) -> None:
    args = ["lint", str(PLANTED), "--sources", str(PLANTED_DIR)]
    result = cli(*args)
    assert result.code == 0
    assert "ok: 12 facts, no findings" in result.out
    json_result = cli(*args, "--format", "json")
    assert json_result.code == 0 and json.loads(json_result.out) == []


def test_the_cli_needs_the_sources(cli: Cli) -> None:
    result = cli("lint", str(PLANTED))
    assert result.code == 2 and "--sources" in result.err
    assert "CHIPFACTS_SOURCES" in result.err and result.err.count("\n") == 1


def test_a_quote_missing_from_its_source_is_an_invalid_store(tmp_path: Path, cli: Cli) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(PLANTED_DIR, sources)
    text = (sources / "planted.txt").read_text(encoding="utf-8")
    (sources / "planted.txt").write_text(text.replace("约有", "有"), encoding="utf-8")
    result = cli("lint", str(PLANTED), "--sources", str(sources))
    assert result.code == 3 and "quote of fact 'rounded' not found" in result.err


def test_the_readme_lists_every_rule() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert [rule.value for rule in Rule if f"| `{rule.value}` |" not in readme] == []


def test_hearsay_allows_the_companys_own_spokesperson(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(PLANTED_DIR, sources)
    with (sources / "planted.txt").open("a", encoding="utf-8") as text:
        text.write("据报道，Acme发言人表示芯片很安全。据报道，Acme的芯片很省电。\n")
    path = tmp_path / "planted.yaml"
    spoken = (
        "  - {id: spoken, entity: chip, attribute: statement, value: Safe, status: claimed,\n"
        "     claimed_by: acme, as_of: '2023-11-20', source: planted,\n"
        "     quote: Acme发言人表示芯片很安全, summary: Acme's spokesperson said it is safe.}\n"
    )
    path.write_text(PLANTED_TEXT + spoken, encoding="utf-8")
    assert lint(path, sources).findings == []
    leaked = spoken.replace("id: spoken", "id: leaked").replace(
        "Acme发言人表示芯片很安全", "Acme的芯片很省电"
    )
    path.write_text(PLANTED_TEXT + leaked, encoding="utf-8")
    assert [(f.rule, f.fact) for f in lint(path, sources).findings] == [(Rule.HEARSAY, "leaked")]


def one_fact(tmp_path: Path, sentence: str, quote: str, fields: str) -> list[str]:
    """Lint a store of one fact about the chip (or Acme) quoting ``sentence``; the rules found."""
    (tmp_path / "one.txt").write_text(sentence + "\n", encoding="utf-8")
    head = PLANTED_TEXT[: PLANTED_TEXT.index("facts:")].replace("planted.txt", "one.txt")
    fact = (
        f"facts:\n  - id: one\n    entity: chip\n    source: planted\n    quote: {quote}\n"
        f"    summary: One fact.\n{fields}"
    )
    path = tmp_path / "one.yaml"
    path.write_text(head + fact, encoding="utf-8")
    return [finding.rule.value for finding in lint(path, tmp_path).findings]


REPORTED_NOW = (
    '    attribute: statement\n    value: X\n    status: reported\n    as_of: "2023-11-20"\n'
)


@pytest.mark.parametrize(
    ("sentence", "quote", "found"),
    [
        # time: 曾 before the fact, and the words that make it no past moment
        ("Acme曾打算研发芯片。", "Acme曾打算研发芯片", ["past-as-of", "plan-status"]),
        ("从去年开始芯片一直短缺。", "从去年开始芯片一直短缺", []),
        ("Acme继去年发布芯片后正在开发网卡。", "Acme继去年发布芯片后正在开发网卡", []),
        ("在明确需求之前芯片留给Acme。", "在明确需求之前芯片留给Acme", []),
        # forecasts: a thing named "upcoming", an object marked by 将, quoted words
        ("Acme正在开发即将推出的芯片。", "Acme正在开发即将推出的芯片", []),
        ("Acme已将芯片整合成集群。", "Acme已将芯片整合成集群", []),
        ("客户感到“末日将至”。", "客户感到“末日将至”", []),
        ("芯片将于明年上市。", "芯片将于明年上市", ["forecast-reported"]),
        # speakers: a denied answer, a title before the verb, "for Acme"
        ("Acme没有正面回应芯片的产能。", "Acme没有正面回应芯片的产能", []),
        ("Acme副总裁鲍勃表示芯片很好。", "Acme副总裁鲍勃", []),
        ("芯片对Acme来说至关重要。", "芯片对Acme来说至关重要", []),
        ("鲍勃表示芯片很好。", "芯片很好", ["speaker-claimed"]),
    ],
)
def test_cue_words_count_only_where_they_govern_the_fact(
    tmp_path: Path, sentence: str, quote: str, found: list[str]
) -> None:
    assert sorted(one_fact(tmp_path, sentence, quote, REPORTED_NOW)) == found


def test_every_reference_of_a_fact_is_checked(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(PLANTED_DIR, sources)
    (sources / "other.txt").write_text("另据报道，芯片集群超过1万个GPU。\n", encoding="utf-8")
    other = (
        "  - {id: other, file: other.txt, title: 其他, publisher: Test, published: '2023-11-21',"
        " language: zh-Hans}\n"
    )
    text = PLANTED_TEXT.replace("\nattributes:", other + "\nattributes:", 1)
    reference = (
        "bound: about\n    references:\n      - {source: other, quote: 芯片集群超过1万个GPU}"
    )
    begin = text.index("  - id: rounded\n")
    at = text.index("bound: about", begin)
    path = tmp_path / "planted.yaml"
    path.write_text(text[:at] + reference + text[at + len("bound: about") :], encoding="utf-8")
    # Its own sentence says 约 (about); the second source says 超过 (more than).
    assert [(f.rule, f.fact) for f in lint(path, sources).findings] == [(Rule.LOWER, "rounded")]


@pytest.mark.parametrize("after", ["以下", "以内"])
def test_a_ceiling_written_after_its_number_asks_for_an_upper_bound(
    tmp_path: Path, after: str
) -> None:
    """500张卡以下, 500张卡以内: the words after the number bound it, as 以上 does."""
    shutil.copytree(PLANTED_DIR, tmp_path / "src")
    text = tmp_path / "src" / "planted.txt"
    text.write_text(text.read_text(encoding="utf-8") + f"集群规模在500张卡{after}。\n", "utf-8")
    store = tmp_path / "src" / "planted.yaml"
    quote = f"集群规模在500张卡{after}"
    store.write_text(
        PLANTED_TEXT.replace("quote: 集群最多有500个GPU", f"quote: {quote}").replace(
            "bound: at_most", "bound: exact", 1
        ),
        encoding="utf-8",
    )
    report = lint(store, tmp_path / "src")
    assert [(f.rule, f.fact) for f in report.findings] == [(Rule.UPPER, "ceiling")]
