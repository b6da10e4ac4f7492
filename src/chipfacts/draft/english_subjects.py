"""The subject an English pronoun stands for: "It has ordered 300,000 GPUs", "AWS
said …, and that it expects to deploy …".

English names its subject before the verb and its objects after it, and a
sentence that goes on about the one before opens with "It" or "They". A pronoun
that is the subject of its clause (opening it, after "and", "that" or "but" at
most) stands for the subject named before it in its sentence, else for the
subject of the sentence before: the company the story is on, never the name
the verb takes as its object ("Blackwell GPUs" in "It has ordered … Blackwell
GPUs"). Chinese pronouns (其, 它, 他) are read by ``references``.
"""

from __future__ import annotations

import re

from chipfacts.draft.context import behind
from chipfacts.draft.english_newcomers import NAMED_AFTER_ITS_NOUN
from chipfacts.draft.references import References
from chipfacts.draft.sentences import Joined, Span
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Entity

# "It", "they", opening the clause, after a conjunction or "that" at most.
_SUBJECT_PRONOUN = re.compile(
    r"[\s,;:\"'“”]*(?:(?:and that|but that|and|but|while|so|that|as)\s+)?(?:it|they)\s+"
    r"(?!is\s+said)(?=[a-z])"
)


APPOSITION_GAP = 6  # ', the "' between a thing's noun and its name
# Claims whose noun names what they are of after "for" or "of".
_OF_A_THING = ("demand", "availability", "supply_risk")
_FOR_OR_OF = re.compile(r"\s+(?:for|of)\s+(?:(?:its|their|the|his|her)\s+)?")
_THE = re.compile(r"\s+(?:(?:its|their|the|his|her)\s+)?")
# "The card delivers…": a noun for a kind of thing opening the clause.
_KIND_OF_ENGLISH_NOUN = {
    "card": "nic", "network card": "nic", "adapter": "nic", "nic": "nic",
    "accelerator": "chip", "gpu": "chip", "system": "cluster", "company": "company",
    "firm": "company", "chipmaker": "company", "group": "company",
    # (a company's line of business: "The data center segment posted record revenue")
    "segment": "company", "division": "company", "business": "company",
}  # fmt: skip
# "The card delivers…", "The social media company remains…": described, not named.
_THE_NOUN = re.compile(
    r"[\s\"“]*(?:the|this|that)\s+(?:[a-z-]+\s+){0,3}?(?P<noun>network card|card|adapter|nic|"
    r"accelerator|gpu|system|company|firm|chipmaker|group|segment|division|business)\b"
)
# A past participle opening a sentence: "Built on…", "Made by…", "Designed with…".
_PARTICIPLE = re.compile(
    r"[\s\"“]*(?:built|made|designed|manufactured|produced|fabricated|developed|based)\s+"
    r"(?:on|by|with|in|at|for|around)\b"
)
_RELATIVE = re.compile(r"\s*(?:which|that)\s+(?=[a-z])")
# "…, the company said.": who gave the figures of a sentence that names nothing.
_THE_COMPANY_SAID = re.compile(
    r",\s*(?:the|that)\s+(?:[a-z-]+\s+){0,2}?(?:company|firm|chipmaker|group)\s+"
    r"(?:said|says|added|reported|noted|announced|told)\b"
)


class EnglishSubjects(References):
    """English pronouns as the subject of their clause."""

    def pronoun_subject(self, clause: Span, anchor: int) -> Entity | None:
        """What "it" or "they" opening ``clause`` before ``anchor`` stands for."""
        found = _SUBJECT_PRONOUN.match(self.article.folded, clause.start, clause.end)
        if found is None or found.end() > anchor:
            return None
        before = [
            m
            for m in self.sentence.entities
            if m.end <= found.start() and not self.is_object(m) and not self.is_possessor(m)
        ]
        if before:
            return self.store.entity_at(before[0].row)
        return self.previous_sentence_subject()

    def noun_subject(self, clause: Span) -> Entity | None:
        """What "The card" or "the new accelerator" opening a clause stands for: the
        last thing of that kind named before (the store's demonstratives read chips,
        models and clusters; these are the kinds English names otherwise)."""
        found = _THE_NOUN.match(self.article.folded, clause.start, clause.end)
        if found is None:
            return None
        kind = _KIND_OF_ENGLISH_NOUN[found["noun"]]
        before = [m for m in self.sentence.entities if m.end <= found.start()]
        return self.last_of_kind(Joined(self.earlier, before), kind)

    def english_head(self, word: Mention, attribute: str) -> Entity | None:
        """The thing a noun of demand or supply is of ("demand for its MI300X
        accelerator", "supply of H100 chips"): the name right after "for" or "of"."""
        if attribute not in _OF_A_THING or not word.word.isascii():
            return None
        # "demand for" may be the cue word itself
        pattern = _THE if word.word.lower().endswith((" for", " of")) else _FOR_OR_OF
        joined = pattern.match(self.article.folded, word.end)
        if joined is None:
            return None
        for mention in self.sentence.entities:
            if mention.start == joined.end():
                return self.store.entity_at(mention.row)
        return None

    def company_said(self) -> Entity | None:
        """The company "…, the company said." after a sentence's claims stands for: the
        subject of the story before (not a product of it the sentence before named)."""
        span = self.sentence.span
        if not _THE_COMPANY_SAID.search(self.article.folded, span.start, span.end):
            return None
        # the last company named that was no object ("made by TSMC" is not it)
        for mention in reversed(self.earlier):
            entity = self.store.entity_at(mention.row)
            if entity.kind == "company" and not self.is_object(mention):
                return entity
        return None

    def relative_antecedent(self, clause: Span) -> Entity | None:
        """What a clause opening with "which" or "that" is about: the name just before
        it ("The Maia 100, which Microsoft first showed in 2023": the Maia 100)."""
        folded = self.article.folded
        if _RELATIVE.match(folded, clause.start, clause.end) is None:
            return None
        for mention in self.sentence.entities:
            between = folded[mention.end : clause.start]
            if mention.end <= clause.start and not between.strip(" ,"):
                return self.store.entity_at(mention.row)
        return None

    def named_after_its_noun(self, mention: Mention) -> Entity | None:
        """The name set off by commas after the thing named at ``mention`` ("Google's
        seventh-generation TPU, Ironwood, has…"): the one thing the claim is about."""
        text = self.article.text
        for named in self.sentence.entities:
            if not 0 < named.start - mention.end <= APPOSITION_GAP:
                continue
            found = NAMED_AFTER_ITS_NOUN.search(text, behind(mention.start), named.end + 2)
            if found is not None and found.start("name") == named.start:
                return self.store.entity_at(named.row)
        return None

    def subject_or_product(self, mention: Mention, anchor: int) -> Entity:
        """The subject named, or its product the words after it point to
        (``product_of``). In English a product named after the subject's verb is its
        object ("Microsoft has installed … Maia 100 …, and plans to": Microsoft's
        plan); only "Microsoft's new chip" is one of its products."""
        named = self.named_after_its_noun(mention)
        if named is not None:
            return named  # "Google's seventh-generation TPU, Ironwood, has…"
        span = self.sentence.span
        folded = self.article.folded
        if folded[span.start : span.end].isascii() and not folded.startswith(
            ("'s", "’s"), mention.end
        ):
            return self.store.entity_at(mention.row)
        return self.product_of(mention, anchor)

    def participle_subject(self, clause: Span) -> Entity | None:
        """What a sentence opening with a participle ("Built on TSMC's 5-nanometer
        process, it is meant to…") describes: the subject of the clause after it."""
        folded = self.article.folded
        clauses = self.sentence.clauses
        if not clauses or clause != clauses[0] or len(clauses) < 2:
            return None
        if _PARTICIPLE.match(folded, clause.start, clause.end) is None:
            return None
        main = clauses[1]
        pronoun = self.pronoun_subject(main, main.end)
        if pronoun is not None:
            return pronoun
        named = [m for m in self.sentence.entities if main.start <= m.start < main.end]
        return self.store.entity_at(named[0].row) if named else None

    def previous_sentence_subject(self) -> Entity | None:
        """The first name of the sentence before that is no object or possessor (read
        back from the end of the names before this sentence, so drafting stays linear),
        or what "The card" opening it stood for."""
        if self.previous_span is None:
            return None
        folded = self.article.folded
        noun = _THE_NOUN.match(folded, self.previous_span.start, self.previous_span.end)
        if noun is not None:
            earlier = [m for m in self.earlier if m.end <= noun.start()]
            found = self.last_of_kind(earlier, _KIND_OF_ENGLISH_NOUN[noun["noun"]])
            if found is not None:
                return found
        names = []
        for mention in reversed(self.earlier):
            if mention.start < self.previous_span.start:
                break
            names.append(mention)
        for mention in reversed(names):
            if not (self.is_object(mention) or self.is_possessor(mention)):
                return self.store.entity_at(mention.row)
        return None
