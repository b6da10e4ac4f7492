"""A cited quote in its source: the sentence around it, its cues, and names in it."""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import re
from collections.abc import Iterable
from typing import NamedTuple

from chipfacts.model.records import Entity
from chipfacts.store.quotes import locate
from chipfacts.text.cues import Cue, find_cues, sentence_around, simplified_in_place

# Where a clause ends inside a sentence: a comma, a colon, a semicolon, a full stop.
_CLAUSE_END = re.compile(r"[，,：:；;。！？!?]")


class Passage(NamedTuple):
    """The sentence holding a quote (offsets are within ``text``)."""

    text: str
    quote_start: int
    quote_end: int
    cues: tuple[Cue, ...]

    def clause_of(self, offset: int) -> tuple[int, int]:
        """The clause holding ``offset``: from the break before it to the one after."""
        breaks = [m.start() for m in _CLAUSE_END.finditer(self.text)]
        start = max((b + 1 for b in breaks if b < offset), default=0)
        end = min((b for b in breaks if b >= offset), default=len(self.text))
        return start, end

    def leading(self) -> list[Cue]:
        """The cues from the start of the quote's clause to the end of the quote
        (what leads into it, 微软计划…, and what it says), outside quotation marks
        (a quoted party's own words)."""
        start, _ = self.clause_of(self.quote_start)
        return [
            cue
            for cue in self.cues
            if start <= cue.start and cue.end <= self.quote_end and not self.quoted(cue.start)
        ]

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` is inside “…” (or 「…」) quotation marks."""
        before = self.text[:offset]
        return before.count("“") > before.count("”") or before.count("「") > before.count("」")

    def in_quote(self) -> list[Cue]:
        return [c for c in self.cues if self.quote_start <= c.start and c.end <= self.quote_end]


def passages_of(quote: str, text: str) -> list[Passage] | None:
    """The sentence of ``text`` holding ``quote``, one per ``…``-fragment (a quote
    that skips text may join sentences far apart); None when the quote is not there."""
    spans = locate(quote, text)
    if spans is None:
        return None
    found = []
    for span in spans:
        start, end = sentence_around(text, *span)
        sentence = text[start:end]
        cues = tuple(find_cues(sentence))
        found.append(Passage(sentence, span[0] - start, span[1] - start, cues))
    return found


class Mention(NamedTuple):
    entity: Entity
    start: int
    end: int


_LATIN = re.compile(r"[a-z0-9]")


def comparable(text: str) -> str:
    """Simplified and lower-case, offset for offset (so mentions keep their places)."""
    lowered = (char.lower() for char in simplified_in_place(text))
    return "".join(new if len(new) == 1 else old for old, new in zip(text, lowered, strict=True))


class Names:
    """Finds the people and companies a sentence names, by their names and aliases."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._forms: list[tuple[str, Entity]] = []
        for entity in entities:
            if entity.kind not in ("person", "company"):
                continue
            for name in {entity.name, *entity.aliases}:
                form = comparable(name)
                if len(form) >= 2:
                    self._forms.append((form, entity))
        # Longest first, so 萨提亚·纳德拉 is one mention, not 纳德拉 inside it.
        self._forms.sort(key=lambda item: -len(item[0]))

    def mentions(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order, none inside another."""
        folded = comparable(text)
        taken = [False] * len(folded)
        found: list[Mention] = []
        for form, entity in self._forms:
            start = folded.find(form)
            while start >= 0:
                end = start + len(form)
                # A Latin name inside a longer word is not a mention ("AMD" in "AMDs").
                inside_word = (
                    start > 0 and _LATIN.match(form[0]) and _LATIN.match(folded[start - 1])
                ) or (end < len(folded) and _LATIN.match(form[-1]) and _LATIN.match(folded[end]))
                if not any(taken[start:end]) and not inside_word:
                    found.append(Mention(entity, start, end))
                    taken[start:end] = [True] * (end - start)
                start = folded.find(form, end)
        return sorted(found, key=lambda m: m.start)
