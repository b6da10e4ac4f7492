"""Chinese numerals in a query are read as the digits people also type (issue 19)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chipfacts.text.numerals import arabic, read_numeral
from tests.conftest import Cli

_RUNS = re.compile("[零〇一二两三四五六七八九十百千万亿]+")


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一万五千", 15_000),
        ("一万五", 15_000),  # spoken shorthand: the unit below 万
        ("三千五", 3_500),
        ("一千零五", 1_005),  # after 零 a digit is ones
        ("一千零五十亿", 105_000_000_000),
        ("三亿五千万", 350_000_000),
        ("七万亿", 7_000_000_000_000),
        ("十二", 12),
        ("十万", 100_000),
        ("两万", 20_000),
        ("九十九", 99),
    ],
)
def test_a_numeral_reads_as_its_value(numeral: str, value: int) -> None:
    assert read_numeral(numeral) == value


@pytest.mark.parametrize("word", ["万一", "千万", "一二", "百千", "亿万", "零"])
def test_words_made_of_numeral_characters_are_no_numbers(word: str) -> None:
    assert read_numeral(word) is None


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("gpt-5要三万到五万张h100吗", "gpt-5要30000到50000张h100吗"),
        ("晶体管一千零五十亿个", "晶体管105000000000个"),
        ("快十倍", "快10倍"),
        ("一美分", "1美分"),
        # ordinals, vague magnitudes, "a chip", words and names stay as typed
        ("第一款芯片", "第一款芯片"),
        ("数万个gpu", "数万个gpu"),
        ("几十万张", "几十万张"),
        ("一颗芯片", "一颗芯片"),
        ("统一 三星", "统一 三星"),
        # shares in words are percentages; words that only contain them stay
        ("英伟达占七成份额", "英伟达占70%份额"),
        ("约六到七成", "约60%-70%"),
        ("七成五", "75%"),
        ("分别占四、六成", "分别占四、60%"),
        ("三五成群", "三五成群"),
        ("统一七成", "统一七成"),
        ("二八成", "二八成"),
        ("七成五百强", "70%500强"),
        ("七到五成", "七到五成"),
        ("两三成", "20%-30%"),
        ("两成至三成", "20%-30%"),  # the first's 成 written too
        ("由三成至两成", "由30%至20%"),  # a fall: two shares
        ("三成至四成五", "30%至45%"),
        ("三分之一的算力", "33.3%的算力"),
        ("过半", "50%"),
        ("一成不变的半导体", "一成不变的半导体"),
    ],
)
def test_a_query_has_its_numerals_in_digits(query: str, read: str) -> None:
    assert arabic(query) == read


def test_chinese_numerals_find_what_digits_find(cli: Cli) -> None:
    for numerals, digits in (("一万五千", "15000"), ("一千零五十億", "1050億")):
        assert cli("search", numerals)[1] == cli("search", digits)[1] != ""
    first = cli("search", "GPT-5要三万到五万张H100吗", "-n", "1")[1]
    assert first.startswith("gpt-5-gpus-required\t")


def test_a_share_in_words_finds_what_its_percentage_finds(cli: Cli) -> None:
    assert cli("search", "英伟达八成份额")[1] == cli("search", "英伟达80%份额")[1] != ""


def test_a_lookup_with_numerals_imports_no_numeral_library() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "sys.argv = ['chipfacts', 'search', '一万五千张', '--json']\n"
        "from chipfacts.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('cn2an')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿第数几倍张美元分芯片 a1", max_size=24))
def test_any_run_of_numeral_characters_reads_or_stays(text: str) -> None:
    read = arabic(text)
    # what is no numeral stays as typed; what is one becomes digits, never a crash
    assert set(read) - set(text) <= set("0123456789")
    for run in _RUNS.findall(text):
        value = read_numeral(run)
        assert value is None or value >= 0
