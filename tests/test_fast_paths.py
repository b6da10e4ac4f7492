"""The compile's fast paths give exactly what the plain definitions they replace give.

Search folds and splits text with the same functions, so a difference here would
make a query miss the facts it should find.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import chipfacts
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Bound, Entity, Fact, Source, Status, ValueType
from chipfacts.store.compile import _related_json, folded_column_of
from chipfacts.text.normalize import _cjk_run, fold, has_cjk, name_key, tokens, tokens_without_cjk

# Arbitrary Unicode, and text made of what words are built from and split by.
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=80) | (
    st.text(alphabet="aZs9_ $.'+%-微軟䷀²٣ǅéＭ\u0301\u3000 \n", max_size=40)
)

_PLAIN_WORD = re.compile(r"[$]?[^\W_](?:[^\W_]|[.'+%$])*")


def plain_tokens(folded: str) -> list[str]:
    spaced = folded if folded.isascii() else _cjk_run().sub(lambda run: f" {run.group()} ", folded)
    return [w.removesuffix("'s").rstrip(".'") or w for w in _PLAIN_WORD.findall(spaced)]


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_tokens_are_the_plain_definition(text: str) -> None:
    assert tokens(text) == plain_tokens(text)
    assert tokens(fold(text)) == plain_tokens(fold(text))


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_tokens_without_cjk_drop_only_the_cjk_tokens(text: str) -> None:
    folded = fold(text)
    assert tokens_without_cjk(folded) == [w for w in tokens(folded) if not has_cjk(w)]


@settings(max_examples=500, deadline=None)
@given(any_text)
def test_name_key_keeps_the_letters_and_digits_of_the_tokens(text: str) -> None:
    plain = "".join(ch for word in plain_tokens(fold(text)) for ch in word if ch.isalnum())
    assert name_key(text) == plain


def test_words_keep_inner_marks_and_split_at_underscores() -> None:
    assert tokens("dell'oro $48.1b 80% 3.5 u.s. microsoft's a_b") == [
        "dell'oro", "$48.1b", "80%", "3.5", "u.s", "microsoft", "a", "b",
    ]  # fmt: skip
    assert tokens_without_cjk("微软nic的网卡 x") == ["nic", "x"]


def make_fact(quote: str, summary: str) -> Fact:
    date = PartialDate(2024)
    return Fact(
        "f", Entity("e", "E", "chip"), Attribute("a", "A", ValueType.TEXT, "d"), "v", None, None,
        Bound.EXACT, None, Status.REPORTED, date, Source("s", "s.txt", "T", "P", date, "en"),
        quote, summary,
    )  # fmt: skip


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@settings(max_examples=500, deadline=None)
@given(any_text, any_text)
def test_folded_column_is_null_exactly_when_folding_is_ascii_lower_case(
    quote: str, summary: str
) -> None:
    fact = make_fact(quote=quote or "q", summary=summary or "s")
    text = fact.quote + fact.summary
    for folded in (fold(text), text.lower(), text.translate(_ASCII_LOWER), text):
        plain = None if folded == text.lower() == text.translate(_ASCII_LOWER) else folded
        assert folded_column_of(fact, folded) == plain


def test_related_ids_are_written_as_json_writes_them() -> None:
    facts = list(chipfacts.load().all_facts())
    assert any(len(f.related) > 1 for f in facts) and any(not f.related for f in facts)
    for fact in facts:
        assert _related_json(fact) == json.dumps([e.id for e in fact.related])
