"""The article cut for reading: sentences, their clauses, and each kind of
mention (names, attribute words, numbers, dates, cues) found by place.

A clause ends at a comma, colon or semicolon; an English sentence at a full
stop too. Mentions are kept sorted by where they start, so a sentence's are
found by bisection and the names before it are a prefix of the list: drafting
stays linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar, overload

from chipfacts.draft.cuewords import CueWord
from chipfacts.draft.vocabulary import Mention
from chipfacts.text.cues import Cue, sentence_end
from chipfacts.text.numbers import Quantity
from chipfacts.text.when import Mention as DateMention

# The stops that end a Chinese sentence, and how far back its start is looked for (a
# sentence runs no longer, mostly).
SENTENCE_STOP = re.compile(r"[。！？!?\n]")
SENTENCE_REACH = 120


def start_before(
    folded: str, at: int, reach: int = SENTENCE_REACH, stops: re.Pattern[str] = SENTENCE_STOP
) -> int:
    """Where the sentence (or the clause, by ``stops``) holding ``at`` starts, looked
    for ``reach`` characters back."""
    start = max(0, at - reach)
    ends = [stop.end() for stop in stops.finditer(folded, start, at)]
    return ends[-1] if ends else start


# A clause ends at a comma, colon or semicolon (not one between digits: 16,896).
# A quotation closing inside a sentence (“…。”他表示) ends a clause too.
CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d{3})|[，：:；;]|(?<=[。.][”」])")


class Span(NamedTuple):
    start: int
    end: int


class Sentence(NamedTuple):
    span: Span
    clauses: list[Span]
    entities: list[Mention]
    words: list[Mention]  # attribute words
    quantities: list[Quantity]
    dates: list[DateMention]
    cues: list[Cue]
    claims: list[CueWord]  # the words of text claims (``cuewords``)


# An English sentence ends at a full stop before a space (not 1.83, not inside "U.S."
# when a capital letter follows it directly).
_ENGLISH_END = re.compile(
    r"(?<=[a-z0-9%)\]\"'])\.(?=\s)"
    # an acronym ends a sentence before a capital ("made by TSMC. Meta began"), not
    # initials ("U.S. officials")
    r"|(?<=[A-Z]{2})\.(?=\s+[A-Z])"
)


def sentences(text: str) -> Iterator[Span]:
    """The sentences of the text (as ``cues.sentence_around`` bounds them), an
    English one ending at a full stop too; a quotation and the sentence after it
    that only says who said it (“…。”赵启明在论坛上表示。) are one."""
    position = 0
    while position < len(text):
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        start, end = position, _end_of(text, position)
        if _QUOTED.fullmatch(text, start, end):
            after = end
            while after < len(text) and text[after] in " \t\u3000":
                after += 1
            if after < len(text) and _SAID_BY.fullmatch(text, after, _end_of(text, after)):
                end = _end_of(text, after)
        while end - start > LONGEST:
            # a "sentence" of thousands of characters (a table, a list with no full
            # stop) is read a piece at a time, cut after a clause, so the work on
            # each stays bounded and drafting linear
            cut = max(text.rfind(mark, start, start + LONGEST) for mark in "，,；;、")
            cut = cut + 1 if cut > start else start + LONGEST
            yield Span(start, cut)
            start = cut
        yield Span(start, end)
        position = end


def _end_of(text: str, start: int) -> int:
    end = max(sentence_end(text, start), start + 1)
    stop = _ENGLISH_END.search(text, start, end)
    while stop is not None and _abbreviated(text, start, stop.end()):
        stop = _ENGLISH_END.search(text, stop.end(), end)  # "ended Feb. 26 rose": no end
    return stop.end() if stop is not None and stop.end() < end else end


# A month's short form before a day ("ended Feb. 26") or a title's ("Dr. Su"), with
# its full stop: no sentence's end.
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\Z")
_TITLE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|St)\.\Z")
_DAY_AFTER = re.compile(r"\s+\d")
ABBREVIATION = 5  # characters of the longest short form and its full stop


def _abbreviated(text: str, start: int, stop: int) -> bool:
    """Whether the full stop ending at ``stop`` ends a month's or a title's short form
    (read from just before it: the whole sentence each time would be quadratic)."""
    near = max(start, stop - ABBREVIATION)
    if _TITLE.search(text, near, stop):
        return True
    return bool(_MONTH.search(text, near, stop) and _DAY_AFTER.match(text, stop))


# The most characters read as one sentence.
LONGEST = 250
# A sentence that is all one quotation, and one that only says who said it.
_QUOTED = re.compile(r"[“「][^“”「」\n]+[”」][。.]?")
_SAID_BY = re.compile(
    r"[^，,。“”「」\n]{2,40}(?:表示|说|說|称|稱|指出|强调|強調|透露|坦言|写道|寫道)[。.]"
)


def clauses(folded: str, span: Span) -> list[Span]:
    found, start = [], span.start
    for match in CLAUSE_END.finditer(folded, span.start, span.end):
        found.append(Span(start, match.end()))
        start = match.end()
    if start < span.end:
        found.append(Span(start, span.end))
    return found


def inside(start: int, end: int, span: Span) -> bool:
    return span.start <= start and end <= span.end


class _Placed(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Placed)


class ByPlace(Generic[_T]):
    """Mentions of one kind sorted by where they start, to find a sentence's fast."""

    def __init__(self, items: list[_T]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, span: Span) -> list[_T]:
        first = bisect_left(self.starts, span.start)
        last = bisect_left(self.starts, span.end)
        return [item for item in self.items[first:last] if item.end <= span.end]


class Prefix(Sequence[Mention]):
    """The first ``length`` mentions of a list, without copying them."""

    def __init__(self, items: list[Mention], length: int) -> None:
        self.items, self.length = items, length

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, at: int) -> Mention: ...
    @overload
    def __getitem__(self, at: slice) -> Sequence[Mention]: ...
    def __getitem__(self, at: int | slice) -> Mention | Sequence[Mention]:
        if isinstance(at, slice):
            return self.items[: self.length][at]
        if not -self.length <= at < self.length:
            raise IndexError(at)
        return self.items[at % self.length]


class Joined(Sequence[Mention]):
    """One sequence of mentions followed by another, without copying them."""

    def __init__(self, first: Sequence[Mention], second: Sequence[Mention]) -> None:
        self.first, self.second = first, second

    def __len__(self) -> int:
        return len(self.first) + len(self.second)

    @overload
    def __getitem__(self, at: int) -> Mention: ...
    @overload
    def __getitem__(self, at: slice) -> Sequence[Mention]: ...
    def __getitem__(self, at: int | slice) -> Mention | Sequence[Mention]:
        if isinstance(at, slice):
            return [*self.first, *self.second][at]
        if not -len(self) <= at < len(self):
            raise IndexError(at)
        at %= len(self)
        return self.first[at] if at < len(self.first) else self.second[at - len(self.first)]
