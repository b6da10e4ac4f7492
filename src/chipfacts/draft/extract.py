"""Read an article into candidate facts: numbers, dates and attribute clauses.

Sentence by sentence (``cues.sentence_around``):

- each **quantity** (``numbers.find_quantities``) becomes a fact of the number
  attribute whose word the sentence holds nearest to it and whose unit fits
  (a question-form synonym such as 推出了多少款 is answered by 推出了超过10款);
  with no such word, the one attribute of its unit (a decision when several
  fit); a bare number with no attribute word is no claim and is left; an
  expected figure with no bound word is ``about``;
- each **date** (``when.find_dates``) in a clause holding a date attribute's
  word (推出, 收购, 始于…) becomes that attribute's fact, unless it dates a
  statement (瑞银8月表示);
- a person named right after a job title (首席执行官萨提亚·纳德拉) becomes a fact
  of the store's title attribute;
- unless ``clauses_too`` is off (``--no-clauses``), each **clause** that
  holds a word for a kind of claim (``cuewords``: 用于 a purpose, 客户
  customers, 计划 a plan, 表示 a statement…) becomes a text fact whose value is
  the clause, for the curator to restate: of the attribute its strongest word
  marks that can be said of the entity it is about (a role is a person's, a
  foundry a chip's), the entity found as below, or the owner of a relation
  (臺積電…最大的客戶), the speaker of a statement, the subject a clause that
  names nothing goes on about; a clause that only names a speaker (苏姿丰称，)
  introduces the next. A clause whose entity is only a guess gives none.

The entity is the name the clause is about: a name just before the attribute
word or the number (``MI 300X芯片晶體管``), the name after an event's verb and
before any later verb's object (收购了…Fungible; 推出的Tensor使用三星), or the
subject's one product of the kind its object names (微软推出其首款AI芯片), else
the clause's first name that is no object or possessor (its subject), or the
company's product the words point to (微软…新网卡); else what a demonstrative
refers to (该模型, 这两项服务, the chip), the programme of a company just named
(自研芯片计划), the sentence's subject (its product only after a colon), the
speaker when the sentence names no one else, or the last name before the
sentence, flagged. A model designation the store lacks (英伟达的B200) is proposed as a new
entity. The quote is the clause, or the clauses from the entity to the value:
verbatim, being a slice of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar, overload

from chipfacts.draft.article import Article, body_end
from chipfacts.draft.candidates import Candidate, Decision, NewEntity
from chipfacts.draft.cuewords import (
    CUES,
    RELATION_ATTRIBUTES,
    RELATIONS,
    SUBJECTS_EVENTS,
    UNDERGONE,
    CueWord,
    applies_to,
    find_cue_words,
    is_specification,
)
from chipfacts.draft.reading import (
    is_gain,
    plan_is_noun,
    read_as_of,
    read_bound,
    read_status,
)
from chipfacts.draft.vocabulary import (
    Mention,
    find_answer_words,
    find_attribute_words,
    find_entities,
    key_text,
    without_makers,
)
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Bound, Entity, Status, ValueType
from chipfacts.store.store import Store
from chipfacts.text.cues import Cue, CueKind, find_cues, sentence_end
from chipfacts.text.normalize import name_key
from chipfacts.text.numbers import Quantity, find_quantities
from chipfacts.text.when import Mention as DateMention
from chipfacts.text.when import find_dates

# A clause ends at a comma, colon or semicolon (not one between digits: 16,896).
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d{3})|[，：:；;]")
# A name this close before an attribute word is what the word is about (X的晶体管).
ATTACHED = 4
# Speech cues a name must sit this close before to be their speaker (X 表示, X(Y)分析称).
SPEAKER_REACH = 8
# A name right after these is an object or a comparison, not what the clause is about
# (将/把 mark the object: 谷歌计划将博通剔除 is Google's decision).
_OBJECT_BEFORE = re.compile(
    r"(?:(?:采用|使用|用|采购|购买|收购|与|和|及|跟|比|向|对|超过|相较|相比|包括|如|将|把|由|从|(?<!由)于)"
    r"|\b(?:by|with|from|than|uses|using|used|buys|bought|acquired|against|including|like))\s*$"
)
# 该模型, 这款芯片: a demonstrative and the head noun that says what kind of thing it is.
_DEMONSTRATIVE = re.compile(
    r"(?:(?:该|这|此|其)(?:款|家|项|台|个|批|两项|两家)?\s*(?:自研|新款|新一代|最新|首款|定制|新)?"
    r"(?P<noun>模型|芯片|处理器|网卡|设备|集群|计算机|项目|计划|服务|产品|公司)"
    # The same in English (the text is folded to lower case): the chip, this model.
    r"|\b(?:the|this|that|its)\s+(?:new\s+)?(?P<english>chip|model|processor|company|service|"
    r"cluster|supercomputer|project)\b)"
)
_KIND_OF_NOUN = {
    "模型": "model", "芯片": "chip", "处理器": "chip", "网卡": "nic", "设备": "cluster",
    "集群": "cluster", "计算机": "cluster", "项目": "project", "计划": "project",
    "服务": "product",
    "产品": "product", "公司": "company",
    "chip": "chip", "model": "model", "processor": "chip", "company": "company",
    "service": "product", "cluster": "cluster", "supercomputer": "cluster", "project": "project",
}  # fmt: skip
# 微軟也是下了血本:采用…: a colon opens the details of what the company made.
_ELABORATION = re.compile(r"[:：]")
# An attribute labelled in the passive ("Used or tested by") is about the verb's object.
_PASSIVE = re.compile(r"\bby$", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\s*(?:如果|假如|若|倘若|如若|if\b)", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"(?:他|她|其)\s*$")
# A person referred to (他曾公开抱怨), not 他们 ("they") or 其他 ("other").
_PERSONAL_PRONOUN = re.compile(r"(?<!其)[他她](?![们們人])")
# A name listed after another (高通、苹果, A和B) shares its role in the clause.
_LISTED_AFTER = re.compile(r"\s*(?:、|以及)\s*$")
# An attribute word in another clause names a number only this close to it.
WORD_REACH = 15
# Common job titles (a person named right after one holds it), in both languages.
TITLES = (
    "CEO", "CTO", "CFO", "COO", "founder", "co-founder", "president", "vice president",
    "chairman", "director", "analyst", "spokesperson", "head of", "chief",
    "首席执行官", "首席技术官", "首席财务官", "创始人", "联合创始人", "总裁", "副总裁", "董事长",
    "主席", "总监", "主管", "负责人", "经理", "分析师", "发言人", "研究员", "科学家", "工程师",
)  # fmt: skip
_TITLE_AT_END = re.compile(
    "(?:" + "|".join(re.escape(t.lower()) for t in sorted(TITLES, key=len, reverse=True)) + ")$"
)
# A title, then a person's name in Chinese and, in brackets, in Latin letters.
_NEW_PERSON = re.compile(
    "(?:"
    + "|".join(re.escape(t.lower()) for t in sorted(TITLES, key=len, reverse=True))
    + r")\s*(?P<chinese>[\u4e00-\u9fff]{1,4}(?:[·・][\u4e00-\u9fff]{1,6})?)\s*"
    r"[(（](?P<latin>[a-z][a-z .\-\n]{1,40})[)）]"
)
# A phrase describing the person named after it: a title or a charge, then 的.
_ROLE_PHRASE = re.compile(
    "(?:" + "|".join(re.escape(t.lower()) for t in (*TITLES, "负责")) + r")[^，,。；;的]{0,24}的$"
)
_LATIN_NAME = re.compile(r"\s*[(（][A-Za-z][A-Za-z .\-\n]*[)）]")
# How far back (characters) the product a text is on may have been named.
TOPIC_REACH = 200
# A model designation: letters, then digits (B200, MI400, Gaudi 3, H20).
_DESIGNATION = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*[- ]?\d+[A-Za-z0-9]*(?![A-Za-z0-9])")
EARLIER = Decision(
    "as_of", "the sentence speaks of an earlier time (曾, 去年, 之前); give its date"
)
NEW_ENTITY = "new: not in the store; add it under entities (its kind, Chinese names)"
# The kinds of entity that speak (a title or a product says nothing).
SPEAKERS = ("person", "company")
TEXT_CONFIDENCE = 0.5
# A word news prose uses for a claim outweighs any store synonym (``claim_words``).
PROSE_WEIGHT = 10
SYNONYM_PHRASE = 3  # characters
# A text claim is only drafted for an entity found at least this surely
# (``entity_for``): named in the clause, referred to, or the sentence's subject;
# a guess from anywhere in the sentence or before it is most often wrong.
TEXT_SURE = 0.85
# The attribute of what someone said, when no other word says what it is about.
STATEMENT = "statement"
# A phrase qualifying a noun: the claim word's object (no punctuation, no other 的),
# then 的; the noun's name follows within HEAD_REACH characters (自研芯片Trainium).
_QUALIFYING = re.compile(r"[^，,。；;：:、的\n]{0,10}的")
HEAD_REACH = 6
# Names joined into a list (A及B, A本人及B, A和B, A、B), and how far after the
# list 均 or 都 says the claim is each one's.
_LIST_JOIN = re.compile(r"\s*(?:本人)?\s*(?:和|及|与|、|以及)\s*")
ALL_REACH = 8
PURPOSE = "purpose"
# A bracketed gloss right after a name: Chinese words, no more than a phrase.
_GLOSS = re.compile(r"\s*[(（](?=[^)）]*[\u4e00-\u9fff])[^)）(（]{4,30}[)）]")
# A company this close before a person's title is whose officer the person is.
TITLE_REACH = 12
# The words between an owner and its relation (臺積電[在AI芯片領域最大的]客戶), at most.
OWNER_REACH = 12
PLAN = "plan"
_PUNCTUATION = ' \n,，:：;；"“”「」'
# A speech word this close after a date (瑞银8月表示) makes it the statement's date.
STATED_REACH = 2
# A clause with no more than this beside its date (早在2020年，自 2022 年末，) is the date
# of the clause after it.
DATE_ALONE = 3
NUMBER_CONFIDENCE = 0.85
DATE_CONFIDENCE = 0.7


# The words before a position that say what it is (an object's verb, a title, a
# pronoun) are read in this many characters before it, not in the whole text
# before it: reading back to the start would make drafting quadratic.
LOOK_BEHIND = 40
_CHINESE_NAME_BEFORE = re.compile(r"[\u3400-\u9fff·・]{2,12}[(（]$")


def _behind(at: int) -> int:
    return max(0, at - LOOK_BEHIND)


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
_ENGLISH_END = re.compile(r"(?<=[a-z0-9%)\]\"'])\.(?=\s)")


def sentences(text: str) -> Iterator[Span]:
    """The sentences of the text (as ``cues.sentence_around`` bounds them), an
    English one ending at a full stop too."""
    position = 0
    while position < len(text):
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        start, end = position, max(sentence_end(text, position), position + 1)
        stop = _ENGLISH_END.search(text, start, end)
        if stop is not None and stop.end() < end:
            end = stop.end()
        yield Span(start, end)
        position = end


def clauses(folded: str, span: Span) -> list[Span]:
    found, start = [], span.start
    for match in _CLAUSE_END.finditer(folded, span.start, span.end):
        found.append(Span(start, match.end()))
        start = match.end()
    if start < span.end:
        found.append(Span(start, span.end))
    return found


def _inside(start: int, end: int, span: Span) -> bool:
    return span.start <= start and end <= span.end


def draft_article(store: Store, article: Article, clauses_too: bool = True) -> list[Candidate]:
    """Every candidate fact in ``article``, in the order of the text: numbers,
    dates and titles, and text facts from clauses unless ``clauses_too`` is off."""
    text, folded = article.text, article.folded
    published = article.source.published
    entities = without_makers(store, folded, find_entities(store, text, folded))
    words = find_attribute_words(store, text, folded) + find_answer_words(store, text, folded)
    named = bytearray(len(text))  # 1: a character of a name (its digits are no quantity)
    for mention in entities:
        named[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    quantities = [q for q in find_quantities(folded, text) if not any(named[q.start : q.end])]
    dates = find_dates(folded, published)
    cues = find_cues(text)
    claims = find_cue_words(
        folded, [a.id for a in store.attributes.values() if a.type is ValueType.TEXT]
    )
    drafted: list[Candidate] = []
    previous_speaker: Entity | None = None
    previous_span: Span | None = None
    # Each kind of mention in order, so a sentence's are found by bisection: a
    # scan of the whole article per sentence would make drafting quadratic.
    by_place = [_ByPlace(items) for items in (entities, words, quantities, dates, cues, claims)]
    # Names do not overlap (``find_entities``), so they end in the order they start.
    ends = [m.end for m in by_place[0].items]
    end = body_end(folded)
    for span in sentences(text):
        if span.start >= end:
            break
        found_entities, found_words, found_quantities, found_dates, found_cues, found_claims = (
            place.within(span) for place in by_place
        )
        sentence = Sentence(
            span, clauses(folded, span), found_entities, found_words, found_quantities,
            found_dates, found_cues, found_claims,
        )  # fmt: skip
        earlier = _Prefix(by_place[0].items, bisect_right(ends, span.start))
        reader = _SentenceReader(
            store, article, sentence, earlier, previous_speaker, previous_span, clauses_too
        )
        previous_span = span
        drafted.extend(reader.candidates())
        previous_speaker = reader.last_speaker()
    return _once(drafted)


def _once(drafted: list[Candidate]) -> list[Candidate]:
    """Each claim once: an article that repeats a sentence (a headline above its
    story, a summary) gives the curator one candidate for it, the first."""
    seen: set[tuple[str, str, object, object, object, str]] = set()
    kept = []
    for candidate in drafted:
        key = (
            candidate.entity_id, candidate.attribute.id, candidate.value, candidate.low,
            candidate.high, "".join(candidate.quote.split()),
        )  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


class _Placed(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Placed)


class _ByPlace(Generic[_T]):
    """Mentions of one kind sorted by where they start, to find a sentence's fast."""

    def __init__(self, items: list[_T]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, span: Span) -> list[_T]:
        first = bisect_left(self.starts, span.start)
        last = bisect_left(self.starts, span.end)
        return [item for item in self.items[first:last] if item.end <= span.end]


class _Prefix(Sequence[Mention]):
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


class _Joined(Sequence[Mention]):
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


class _SentenceReader:
    def __init__(
        self,
        store: Store,
        article: Article,
        sentence: Sentence,
        earlier: Sequence[Mention],
        previous_speaker: Entity | None = None,
        previous_span: Span | None = None,
        clauses_too: bool = False,
    ) -> None:
        self.previous_speaker = previous_speaker  # who spoke in the sentence before
        self.clauses_too = clauses_too  # text facts from clauses as well
        self.previous_span = previous_span  # the sentence before
        self.store = store
        self.article = article
        self.sentence = sentence
        self.earlier = earlier  # the names before this sentence
        self.topic = earlier[-1] if earlier else None  # the last of them
        self.published = article.source.published
        self.newcomers = self.people_named()  # people the store lacks, named here

    def clause_of(self, at: int) -> Span:
        for clause in self.sentence.clauses:
            if clause.start <= at < clause.end:
                return clause
        return self.sentence.span

    def candidates(self) -> Iterator[Candidate]:
        used_clauses: set[Span] = set()
        previous_end = self.sentence.span.start
        for quantity in self.sentence.quantities:
            found = self.number(quantity, previous_end)
            previous_end = quantity.end
            if found is not None:
                used_clauses.add(self.clause_of(quantity.start))
                yield found
        for date in self.sentence.dates:
            found = self.date(date)
            if found is not None:
                used_clauses.add(self.clause_of(date.start))
                yield found
        titled: set[Span] = set()
        for mention in self.sentence.entities:
            found = self.title(mention)
            if found is not None:
                titled.add(self.clause_of(mention.start))
                yield found
        for found in self.new_people():
            titled.add(self.clause_of(found.start))
            yield found
        yield from self.glosses()
        said: Cue | None = None  # a clause before that only names a speaker
        for clause in self.sentence.clauses if self.clauses_too else ():
            alone = self.speech_alone(clause)
            if alone is None:
                # A clause that gave a number or date may still name a product's
                # specification (采用台积电的5nm制程: a node and a foundry), no more
                specs_only = clause in used_clauses
                yield from self.text_fact(clause, titled, said, bool(used_clauses), specs_only)
            said = alone

    # --- the parts of a candidate ------------------------------------------------

    def attribute_words(self, clause: Span, kind: ValueType) -> list[tuple[Mention, Attribute]]:
        found = []
        for word in self.sentence.words:
            attribute = self.store.attribute_at(word.row)
            if attribute.type is kind:
                found.append((word, attribute))
        return found

    def speakers(self) -> set[int]:
        """Entity rows named as a speaker or estimator (X 表示, X 分析称)."""
        rows = set()
        for cue in self.sentence.cues:
            if cue.kind in (CueKind.SPEECH, CueKind.ESTIMATE):
                before = [m for m in self.sentence.entities if m.end <= cue.start]
                if before and cue.start - before[-1].end <= SPEAKER_REACH:
                    rows.add(before[-1].row)
                rows.update(
                    m.row
                    for m in self.sentence.entities
                    if cue.start <= m.start and m.end <= cue.end
                )
        return rows

    def entity_for(
        self, clause: Span, anchor: int, word: Mention | None, after: bool = False
    ) -> tuple[Entity | None, Decision | None, float]:
        """The entity a claim at ``anchor`` (its attribute word at ``word``) is about."""
        speakers = self.speakers()
        in_clause = [
            m
            for m in self.sentence.entities
            if _inside(m.start, m.end, clause) and not self.covered(m)
        ]
        if word is not None and _TITLE_AT_END.search(
            self.article.folded, _behind(word.end), word.end
        ):
            titled = [
                m
                for m in in_clause
                if 0 <= m.start - word.end <= 1 and self.store.entity_at(m.row).kind == "person"
            ]
            if titled:  # 首席执行官萨提亚·纳德拉: a title, then whose it is
                return self.store.entity_at(titled[0].row), None, 1.0
        if after:  # an event: what was launched, bought, dropped
            # The name after the verb, the last when several: the head of its phrase
            # (收购了辛杜创办的…公司Fungible is Fungible, not Sindhu).
            # Not an object of a later verb (推出的…Tensor使用三星5nm is Tensor's launch).
            following = [
                m
                for m in in_clause
                if m.start >= anchor
                and not _OBJECT_BEFORE.search(self.article.folded, anchor, m.start)
            ]
            if following:
                return self.store.entity_at(following[-1].row), None, 0.9
            # 微软…推出其首款AI芯片: the subject's one product of the kind its object names
            companies = [
                self.store.entity_at(m.row)
                for m in in_clause
                if m.end <= anchor and not self.is_object(m)
            ]
            if companies and companies[0].kind == "company":
                made = self.made_by(
                    companies[0], self.article.folded[anchor : clause.end], by_name=False
                )
                if made is not None:
                    return made, None, 0.8
        if word is not None:
            attached = [
                m
                for m in in_clause
                if 0 <= word.start - m.end <= ATTACHED
                and not self.is_object(m)
                and not any(m.end <= q.start < word.start for q in self.sentence.quantities)
            ]
            if attached:
                return self.store.entity_at(attached[-1].row), None, 1.0
        before = [
            m
            for m in in_clause
            if m.end <= anchor and m.row not in speakers and not self.is_object(m)
        ]
        # A possessor (OpenAI的…GPT-5) yields to the name after it.
        subjects = [m for m in before if not self.is_possessor(m)] or before
        if subjects:
            return self.product_of(subjects[0], anchor), None, 1.0
        referred = self.referent(anchor) or self.person_referred(clause, anchor)
        if referred is not None:
            return referred, None, 0.85
        if not in_clause:
            made = self.made_by_topic(clause, anchor)
            if made is not None:
                return made, None, 0.8
            conditional = _CONDITIONAL.match(self.article.folded, self.sentence.span.start)
            if self.topic is not None and conditional:
                # 如果…谷歌搜索…, 那么…: a name in the condition is not what the claim is about
                return self.store.entity_at(self.topic.row), None, 0.8
        sentence_before = [
            m
            for m in self.sentence.entities
            if m.end <= anchor and m.row not in speakers and not self.is_object(m)
        ]
        if sentence_before:
            subject = self.product_of(sentence_before[0], anchor)
            between = self.article.folded[
                sentence_before[0].end : max(anchor, sentence_before[0].end)
            ]
            if not _ELABORATION.search(between):
                # 谷歌計劃…,每年將節省…: clauses chained by commas go on about one subject
                return subject, None, 0.85
            return self.topic_product(subject) or subject, None, 0.85
        anywhere = [m for m in self.sentence.entities if m.row not in speakers]
        # The sentence's subject, even after the claim (为了降低对英伟达的依赖，Meta正在…),
        # before a name that is an object
        subjects = [m for m in anywhere if not self.is_object(m)] or anywhere
        if subjects:
            return self.store.entity_at(subjects[0].row), None, 0.7
        spoken = [m for m in self.sentence.entities if m.row in speakers and m.end <= anchor]
        if spoken:  # Nvidia said it expects revenue of…: a speaker naming nothing else
            return self.store.entity_at(spoken[0].row), None, 0.7
        if self.topic is not None:
            entity = self.store.entity_at(self.topic.row)
            why = f"the sentence names no entity; {entity.name} is the last one named before it"
            return entity, Decision("entity", why), 0.6
        return None, None, 0.0

    def covered(self, mention: Mention) -> bool:
        """A name inside an attribute word (CUDA in CUDA核数) is part of that word."""
        return any(w.start <= mention.start and mention.end <= w.end for w in self.sentence.words)

    def product_of(self, mention: Mention, anchor: int) -> Entity:
        """The company named, or its product when the words after the name say which:
        微软…新网卡 is its one NIC (a noun for a kind of thing, when the store has one
        product of that kind); Wave Computing…自家的DPU is Wave Computing DPU (the rest
        of a product's name)."""
        entity = self.store.entity_at(mention.row)
        if entity.kind != "company":
            return entity
        between = self.article.folded[mention.end : max(anchor, mention.end)]
        return self.made_by(entity, between) or entity

    def topic_product(self, company: Entity) -> Entity | None:
        """微軟也是下了血本:…晶體管數量達到1050億個, two sentences after Maia 100: a
        company's clause that names nothing is about its product the text is on."""
        if company.kind != "company":
            return None
        start = self.sentence.span.start
        for mention in reversed(self.earlier):
            if start - mention.end > TOPIC_REACH:
                break
            entity = self.store.entity_at(mention.row)
            if entity.maker == company.id:
                return entity
        return None

    def made_by(self, company: Entity, words: str, by_name: bool = True) -> Entity | None:
        made = [e for e in self.store.entities.values() if e.maker == company.id]
        keys = key_text(words).keys
        company_keys = [name_key(n) for n in (company.id, company.name, *company.aliases)]
        for product in made if by_name else ():
            for name in (product.name, *product.aliases):
                key = name_key(name)
                rest = next((key[len(c) :] for c in company_keys if c and key.startswith(c)), "")
                if len(rest) >= 3 and rest in keys:
                    return product
        # The last noun is the head (自研芯片计划 is a plan, not a chip).
        nouns = [
            (at, kind)
            for noun, kind in _KIND_OF_NOUN.items()
            if (at := words.rfind(noun)) >= 0
            and not (noun == "计划" and not plan_is_noun(words, at, at + len(noun)))
        ]
        for _, kind in sorted(nouns, reverse=True)[:1]:
            of_kind = [e for e in made if e.kind == kind]
            if kind != "company" and len(of_kind) == 1:
                return of_kind[0]
        return None

    def made_by_topic(self, clause: Span, anchor: int) -> Entity | None:
        """自研芯片计划 in a clause naming nothing: the last company named makes it."""
        start = self.sentence.span.start
        if any(m.end <= anchor for m in self.sentence.entities):
            return None  # the sentence names what it is about
        company = self.last_of_kind(self.earlier, "company")
        if company is None:
            return None
        words = self.article.folded[start : max(anchor, start)]
        found = self.made_by(company, words, by_name=False)
        if found is None and self.previous_span is not None:
            # A sentence naming nothing goes on about the one before (…芯片的计划。…年度成本…)
            before = self.article.folded[self.previous_span.start : self.previous_span.end]
            found = self.made_by(company, before, by_name=False)
        return found

    def proposal(
        self, clause: Span, anchor: int, entity: Entity | None, decision: Decision | None
    ) -> Proposal | None:
        """A model designation the store does not know (B200, MI400, Gaudi 3), named in
        the clause before the claim and after any name chosen for it (英伟达的B200):
        proposed as a new entity, made by the company named before it."""
        start = clause.start
        if entity is not None and decision is None:
            own = [
                m.end
                for m in self.sentence.entities
                if m.row == self.row_of(entity) and clause.start <= m.start < anchor
            ]
            if not own:
                return None
            start = own[-1]
        text = self.article.text
        for match in reversed(list(_DESIGNATION.finditer(text, start, max(anchor, start)))):
            if not self.store.entity_rows(name_key(match.group())):
                maker = entity.id if entity is not None and entity.kind == "company" else None
                return _proposal(text, match, maker if decision is None else None)
        return None

    def person_referred(self, clause: Span, anchor: int) -> Entity | None:
        """他 or 她 before ``anchor`` in the clause: the last person named."""
        if _PERSONAL_PRONOUN.search(self.article.folded, clause.start, anchor) is None:
            return None
        before = [m for m in self.sentence.entities if m.end <= anchor]
        return self.last_of_kind(_Joined(self.earlier, before), "person")

    def referent(self, anchor: int) -> Entity | None:
        """What 该模型 or 这款芯片 before ``anchor`` refers to: the last name written
        with that noun shortly before (Azure OpenAI 服务…这两项服务), else the last
        entity of that kind named before it."""
        start = self.sentence.span.start
        folded = self.article.folded
        every = list(_DEMONSTRATIVE.finditer(folded, start, max(anchor, start)))
        found = every[-1] if every else None  # the last one before the claim
        if found is None:
            return None
        noun = found["noun"] or found["english"]
        kind = _KIND_OF_NOUN[noun]
        named = _Joined(self.earlier, [m for m in self.sentence.entities if m.end <= found.start()])
        for mention in reversed(named):
            entity = self.store.entity_at(mention.row)
            if found.start() - mention.end > TOPIC_REACH:
                break
            after = folded[mention.end : found.start()].lstrip()
            # 服务器 ("server") is another word than 服务 ("service").
            if entity.kind == kind and after.startswith(noun) and not after.startswith("服务器"):
                return entity
        # 尽管微软是英伟达GPU的最大客户之一，但该公司…: the sentence's subject of that
        # kind, before the last name of that kind
        for mention in self.sentence.entities:
            if mention.end > found.start():
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind and not self.is_object(mention):
                return entity
        return self.last_of_kind(named, kind)

    def last_of_kind(self, mentions: Sequence[Mention], kind: str) -> Entity | None:
        """The last entity of ``kind`` among ``mentions`` (read from the end)."""
        for mention in reversed(mentions):
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind:
                return entity
        return None

    def is_possessor(self, mention: Mention) -> bool:
        """X的…, or X before a person's title (OpenAI首席执行官山姆·奥特曼: Altman
        is the subject, OpenAI says whose officer he is)."""
        if self.article.folded.startswith("的", mention.end):
            return True
        for person in self.sentence.entities:
            if person.start > mention.end and self.store.entity_at(person.row).kind == "person":
                between = self.article.folded[mention.end : person.start].strip()
                return len(between) <= TITLE_REACH and _TITLE_AT_END.search(between) is not None
        return False

    def is_object(self, mention: Mention) -> bool:
        """A name after a verb or preposition that takes an object (使用, 与, 对…),
        or listed after such a name (从高通、苹果、英伟达挖来: all three)."""
        folded = self.article.folded
        if _OBJECT_BEFORE.search(folded, _behind(mention.start), mention.start) is not None:
            return True
        joined = _LISTED_AFTER.search(folded, _behind(mention.start), mention.start)
        if joined is None:
            return False
        listed = [m for m in self.sentence.entities if m.end == joined.start()]
        return bool(listed) and self.is_object(listed[0])

    def speaker_entity(self, cue: Cue | None, zero_subject: bool = True) -> Entity | None:
        if cue is None:
            return None
        within = [
            m for m in self.sentence.entities if _inside(m.start, m.end, Span(cue.start, cue.end))
        ]
        if within:  # 根据纳德拉的介绍: the speaker inside the cue
            return self.store.entity_at(within[0].row)
        before = [m for m in self.sentence.entities if m.end <= cue.start]
        if before and cue.start - before[-1].end <= SPEAKER_REACH:
            return self.store.entity_at(before[-1].row)
        for end, person in self.newcomers:
            if 0 <= cue.start - end <= SPEAKER_REACH:  # 苏姿丰（Lisa Su）在发布会上称
                return Entity(person.id, person.name, person.kind, person.aliases)
        if _PRONOUN_BEFORE.search(self.article.folded, _behind(cue.start), cue.start):
            # 他称, 其表示: the pronoun stands for the last person named
            return self.last_of_kind(_Joined(self.earlier, before), "person")
        clause = self.clause_of(cue.start)
        if zero_subject and not any(_inside(m.start, m.end, clause) for m in before):
            # 曾聲稱 opening a clause that names nobody: the sentence's subject said it
            subjects = [
                self.store.entity_at(m.row)
                for m in before
                if not self.is_object(m) and self.store.entity_at(m.row).kind in SPEAKERS
            ]
            return subjects[0] if subjects else None
        return None

    def last_speaker(self) -> Entity | None:
        """Who speaks or estimates in this sentence, named (for the next sentence)."""
        for cue in reversed(self.sentence.cues):
            if cue.kind in (CueKind.SPEECH, CueKind.ESTIMATE):
                speaker = self.speaker_entity(cue)
                if speaker is not None:
                    return speaker
        return None

    def earlier_statement(self) -> Decision | None:
        """The as_of decision a sentence with 曾, 去年 or 之前 asks for (the lint reads the
        whole sentence, and so does this), when no date in it says when."""
        past = [c for c in self.sentence.cues if c.kind is CueKind.PAST]
        return EARLIER if past else None

    def governing_dates(self, value_end: int, entity: Entity | None) -> list[DateMention]:
        """Dates that date a claim: in its own clause, in a clause that is only a date
        (早在2020年, …), or in the clause naming its entity when its own does not
        (2021年推出的Tensor…, 性能…提升370%); not another clause's (從2013年推出…以來)."""
        own = self.clause_of(max(value_end - 1, 0))
        named = [
            self.clause_of(m.start)
            for m in self.sentence.entities
            if entity is not None and self.store.entity_at(m.row).id == entity.id
        ]
        if own in named:
            named = []
        found = []
        for date in self.sentence.dates:
            clause = self.clause_of(date.start)
            rest = self.article.folded[clause.start : clause.end]
            alone = len(rest.strip(" ,，:：;；")) - (date.end - date.start) <= 6
            if clause == own or alone or clause in named:
                found.append(date)
        return found

    def quote(self, start: int, end: int) -> tuple[str, int, int]:
        """The clauses from ``start`` to ``end``, trimmed of spaces and closing commas."""
        text = self.article.text
        first, last = self.clause_of(start), self.clause_of(max(start, end - 1))
        begin, finish = first.start, max(last.end, end)
        while begin < finish and (text[begin].isspace() or text[begin] in "，,：:；;·"):
            begin += 1
        while finish > begin and (text[finish - 1].isspace() or text[finish - 1] in "，,：:；;。"):
            finish -= 1
        return text[begin:finish], begin, finish

    def base(
        self,
        entity: Entity | None,
        attribute: Attribute,
        start: int,
        end: int,
        value_end: int,
        own_date: DateMention | None = None,
    ) -> tuple[Status, Entity | None, PartialDate, tuple[Cue, ...], list[Decision], str, int, int]:
        cues = list(self.sentence.cues)
        reading = read_status(self.article.folded, cues, value_end)
        cue = reading.speaker_cue
        # A speech word after the claim speaks for it only with its speaker named (他称…)
        speaker = self.speaker_entity(cue, zero_subject=cue is None or cue.start < value_end)
        status = reading.status
        decisions: list[Decision] = []
        if status is Status.CLAIMED and speaker is None:
            status = Status.REPORTED  # an unnamed speaker (业内人士) claims nothing in a name
        claimed_by = speaker if status is not Status.REPORTED else None
        hearsay = any(c.kind is CueKind.HEARSAY for c in reading.cues)
        if hearsay and cue is not None and cue.kind is not CueKind.SPEECH:
            # 知情人士称…还在测算: nobody named stands behind a leak's estimate
            claimed_by = None
            if status is Status.ESTIMATED:
                status = Status.REPORTED
        conditional = _CONDITIONAL.match(self.article.folded, self.sentence.span.start)
        if status is Status.REPORTED and conditional and self.previous_speaker is not None:
            # 如果…那么…: a figure under a condition is worked out, by who spoke last
            status, claimed_by = Status.ESTIMATED, self.previous_speaker
        dated = read_as_of(
            self.governing_dates(value_end, entity), value_end, self.published, own_date
        )
        as_of = dated.date if dated is not None else self.published
        if own_date is not None and status is Status.REPORTED and own_date.date <= self.published:
            as_of = own_date.date
        earlier = self.earlier_statement()
        if dated is None and own_date is None and earlier is not None:
            decisions.append(earlier)
        quote_start = start
        if speaker is not None and reading.speaker_cue is not None:
            quote_start = min(start, reading.speaker_cue.start)  # who said it is in the quote
        quote, begin, finish = self.quote(quote_start, end)
        return status, claimed_by, as_of, reading.cues, decisions, quote, begin, finish

    # --- the three kinds of claim -------------------------------------------------

    def number(self, quantity: Quantity, previous_end: int) -> Candidate | None:
        clause = self.clause_of(quantity.start)
        fits = [
            (w, a)
            for w, a in self.attribute_words(clause, ValueType.NUMBER)
            if _unit_fits(quantity, a)
            and not (w.start < quantity.end and quantity.start < w.end)
            and (_inside(w.start, w.end, clause) or _gap(w, quantity) <= WORD_REACH)
        ]
        decisions: list[Decision] = []
        confidence = NUMBER_CONFIDENCE
        word: Mention | None = None
        if fits:
            in_clause = [a.id for w, a in fits if _inside(w.start, w.end, clause)]
            word, attribute = min(
                fits,
                key=lambda f: (*_distance(f[0], quantity, clause), -in_clause.count(f[1].id)),
            )
            # Where the nearest word is shared (成本: cost per query and annual spend),
            # the attribute with more words in the clause wins (每次查询的成本).
            best = max(in_clause, key=in_clause.count, default=None)
            shared = {a.id for w, a in fits if (w.start, w.end) == (word.start, word.end)}
            if best in shared and in_clause.count(best) > in_clause.count(attribute.id):
                word, attribute = next((w, a) for w, a in fits if a.id == best)
        else:
            of_unit = [
                a
                for a in self.store.attributes.values()
                if a.type is ValueType.NUMBER
                and quantity.unit is not None
                and a.unit == quantity.unit
            ]
            if not of_unit:
                return None  # a bare number that no attribute word names
            attribute = of_unit[0]
            if len(of_unit) > 1:
                others = ", ".join(a.id for a in of_unit[1:])
                decisions.append(Decision("attribute", f"no attribute word; or one of: {others}"))
                confidence -= 0.3
        anchor = word.start if word is not None and word.start < quantity.start else quantity.start
        entity, entity_decision, weight = self.entity_for(clause, anchor, word)
        if entity is not None and entity.maker and not applies_to(attribute.id, entity.kind):
            # AMD预计今年AI芯片营收: revenue is a company's, the chip's maker's
            maker = self.store.entities.get(entity.maker)
            if maker is not None and applies_to(attribute.id, maker.kind):
                entity = maker
        proposed = self.proposal(clause, anchor, entity, entity_decision)
        if proposed is not None:
            entity, entity_decision, weight = None, Decision("entity", NEW_ENTITY), 0.6
        if entity is None and proposed is None:
            return None
        if entity_decision is not None:
            decisions.append(entity_decision)
        confidence *= weight
        start = min(
            [anchor, *([proposed.start] if proposed is not None else [])]
            + [
                m.start
                for m in self.sentence.entities
                if entity is not None
                and m.row == self.row_of(entity)
                and _inside(m.start, m.end, clause)
                and m.start <= anchor
            ]
        )
        status, claimed_by, as_of, cues, more, quote, begin, finish = self.base(
            entity, attribute, start, quantity.end, quantity.end
        )
        decisions += more
        bound, bound_cues = read_bound(
            self.article.folded, quantity, clause.start, self.sentence.cues, previous_end
        )
        if (
            attribute.unit == "percent"
            and is_gain(self.article.folded, clause.start, quantity.start)
            and status in (Status.REPORTED, Status.CLAIMED)
        ):
            # A maker's speed-up figure is a best case, claimed by the maker.
            bound = Bound.AT_MOST
            maker = self.store.entities.get(entity.maker) if entity and entity.maker else None
            status, claimed_by = Status.CLAIMED, claimed_by or maker or entity
        if bound is Bound.EXACT and status is Status.FORECAST and not quantity.ordinal:
            # An expected figure (营收有望达到588亿美元) is a projection, not a count.
            bound = Bound.ABOUT
        cues = tuple(sorted({*cues, *bound_cues}, key=lambda c: c.start))
        value = None if quantity.low is not None else _number(quantity.value)
        low = _number(quantity.low) if quantity.low is not None else None
        high = _number(quantity.high) if quantity.high is not None else None
        return Candidate(
            entity, proposed.entity if proposed else None, attribute, value, low, high, bound,
            attribute.unit, status, claimed_by,
            as_of, quote, begin, finish, cues, tuple(decisions), round(confidence, 2),
        )  # fmt: skip

    def row_of(self, entity: Entity) -> int:
        for mention in self.sentence.entities:
            if self.store.entity_at(mention.row).id == entity.id:
                return mention.row
        return -1

    def dates_a_statement(self, date: DateMention, word: Mention) -> bool:
        """瑞银8月表示, 早在10月初就有媒体剧透…将发布: a date right before a speech or
        hearsay word, or with one between it and the event, says when it was said."""
        reported = [c for c in self.sentence.cues if c.kind in (CueKind.SPEECH, CueKind.HEARSAY)]
        return any(
            0 <= c.start - date.end <= STATED_REACH or date.end <= c.start < word.start
            for c in reported
        )

    def date(self, date: DateMention) -> Candidate | None:
        clause = self.clause_of(date.start)
        rest = self.article.folded[clause.start : clause.end].strip(_PUNCTUATION)
        if len(rest) - (date.end - date.start) <= DATE_ALONE:
            # 自2022年末，微软就一直…实施配额: a clause that is only a date dates the next
            following = [c for c in self.sentence.clauses if c.start >= clause.end][:1]
            if following:
                clause = Span(clause.start, following[0].end)
        words = [
            (w, a)
            for w, a in self.attribute_words(clause, ValueType.DATE)
            if _inside(w.start, w.end, clause)
        ]
        if not words:
            return None
        word, attribute = min(words, key=lambda f: abs(f[0].start - date.end))
        if self.dates_a_statement(date, word):
            return None
        if attribute.id in SUBJECTS_EVENTS:
            # 微软在2019年投资openAI: an investment is the investor's
            entity, entity_decision, weight = self.entity_for(clause, word.start, word)
        else:  # 微软去年收购了Fungible: a purchase or launch is what was bought or launched
            entity, entity_decision, weight = self.entity_for(clause, word.end, word, after=True)
        if entity is None:
            return None
        end = max(date.end, word.end)
        status, claimed_by, as_of, cues, decisions, quote, begin, finish = self.base(
            entity, attribute, min(date.start, word.start), end, end, own_date=date
        )
        if entity_decision is not None:
            decisions.append(entity_decision)
        bound = Bound.ABOUT if date.rough else Bound.EXACT
        return Candidate(
            entity, None, attribute, date.date, None, None, bound, None, status, claimed_by,
            as_of, quote, begin, finish, cues, tuple(decisions), round(DATE_CONFIDENCE * weight, 2),
        )  # fmt: skip

    def title(self, mention: Mention) -> Candidate | None:
        """微软首席执行官萨提亚·纳德拉: a person named after a title holds that job;
        so does one described by a phrase with a title or a charge (特斯拉前AI总监、
        已重回OpenAI的安德烈·卡帕西; 负责数据中心基础设施的巴伦·冯)."""
        entity = self.store.entity_at(mention.row)
        if entity.kind != "person":
            return None
        clause = self.clause_of(mention.start)
        before = self.article.folded[clause.start : mention.start].rstrip()
        if not _TITLE_AT_END.search(before) and not _ROLE_PHRASE.search(before):
            return None
        attribute = _title_attribute(self.store)
        if attribute is None:
            return None
        end = mention.end
        latin = _LATIN_NAME.match(self.article.folded, end)
        if latin is not None:
            end = latin.end()  # 萨提亚·纳德拉（Satya Nadella）: the name as printed
        return self.role_candidate(entity, None, attribute, clause, end)

    def role_candidate(
        self,
        entity: Entity | None,
        proposed: NewEntity | None,
        attribute: Attribute,
        clause: Span,
        end: int,
    ) -> Candidate:
        """A role quoted from its clause's start to the person's name (the title and
        the name, no more)."""
        begin = clause.start
        while self.article.text[begin].isspace() or self.article.text[begin] in "，,：:；;·":
            begin += 1
        quote = self.article.text[begin:end]
        earlier = self.earlier_statement()
        decisions = (
            *([Decision("entity", NEW_ENTITY)] if proposed is not None else []),
            Decision("value", "restate the title in English"),
            *([earlier] if earlier else []),
        )
        return Candidate(
            entity, proposed, attribute, quote, None, None, Bound.EXACT, None, Status.REPORTED,
            None, self.published, quote, begin, end, (), decisions, TEXT_CONFIDENCE,
        )  # fmt: skip

    def people_named(self) -> list[tuple[int, NewEntity]]:
        """微软首席技术官凯文·斯科特（Kevin Scott）: a person the store does not know,
        named after a title with the name in Latin letters (where the name ends,
        and the person proposed)."""
        span, folded, text = self.sentence.span, self.article.folded, self.article.text
        found = []
        for match in _NEW_PERSON.finditer(folded, span.start, span.end):
            latin = " ".join(text[match.start("latin") : match.end("latin")].split())
            chinese = text[match.start("chinese") : match.end("chinese")]
            if any(self.store.entity_rows(name_key(n)) for n in (latin, chinese)):
                continue  # a person the store knows: ``title`` drafts the role
            ident = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
            found.append((match.end(), NewEntity(ident, latin, (chinese,), kind="person")))
        return found

    def glosses(self) -> Iterator[Candidate]:
        """Base Command(AI训练端到端软件服务): a product's name glossed in brackets
        says what it is for."""
        purpose = self.store.attributes.get(PURPOSE)
        if purpose is None:
            return
        for mention in self.sentence.entities:
            entity = self.store.entity_at(mention.row)
            gloss = _GLOSS.match(self.article.folded, mention.end)
            if gloss is None or not applies_to(PURPOSE, entity.kind) or entity.kind == "person":
                continue
            quote = self.article.text[mention.start : gloss.end()]
            yield Candidate(
                entity, None, purpose, quote, None, None, Bound.EXACT, None, Status.REPORTED,
                None, self.published, quote, mention.start, gloss.end(), (),
                (Decision("value", "restate the quote in English"),), TEXT_CONFIDENCE,
            )  # fmt: skip

    def new_people(self) -> Iterator[Candidate]:
        """Each person the store lacks, named after a title, holds that role."""
        attribute = _title_attribute(self.store)
        if attribute is None:
            return
        for end, person in self.newcomers:
            yield self.role_candidate(None, person, attribute, self.clause_of(end - 1), end)

    def claim_words(self, clause: Span) -> list[tuple[int, int, Attribute, Mention]]:
        """The text attributes the clause's words mark, the strongest first: a word
        of news prose for the claim (``cuewords``) before a store synonym, a longer
        word before a shorter, then the table's order."""
        marked: list[tuple[int, int, Attribute, Mention]] = []
        order = {ident: at for at, ident in enumerate(CUES)}
        for claim in self.sentence.claims:
            if _inside(claim.start, claim.end, clause):
                # A phrase before 的 qualifies a noun: a claim about the noun when it is
                # named and no other claim word follows (专用于AI加速的MI 300X芯片);
                # else the clause's main verb's (微软正在开发的新网卡也可以提高…)
                modifier = self.article.folded.startswith("的", claim.end)
                named_head = self.head_of(Mention(claim.start, claim.end, -1, claim.word))
                main_verb_after = any(
                    c.start > claim.end and _inside(c.start, c.end, clause)
                    for c in self.sentence.claims
                )
                qualifies = main_verb_after if named_head is not None else modifier
                weight = len(claim.word) + (0 if qualifies else PROSE_WEIGHT)
                for ident in claim.attributes:
                    attribute = self.store.attributes[ident]
                    word = Mention(claim.start, claim.end, -1, claim.word)
                    marked.append((weight, -order[ident], attribute, word))
        for word, attribute in self.attribute_words(clause, ValueType.TEXT):
            # The table's words are the prose of an attribute it knows; of the store's
            # synonyms (written for questions), a short one (开发 for a status) marks
            # only the attributes the table does not know
            if attribute.id in CUES and len(word.word) < SYNONYM_PHRASE:
                continue
            if _inside(word.start, word.end, clause) and _is_phrase(word):
                marked.append((len(word.word), -len(order), attribute, word))
        # Between equal words, the first in the clause: its verb, before the words of
        # its object (抱怨算力不足 is a complaint, not a shortage).
        marked.sort(key=lambda m: (-m[0], m[3].start, -m[1]))
        # 计划 as a noun (自研芯片计划屡屡受挫) names a programme, not a plan
        return [
            m
            for m in marked
            if not (
                m[2].id == PLAN
                and m[3].word in ("计划", "計劃")
                and plan_is_noun(self.article.folded, m[3].start, m[3].end)
            )
        ]

    def head_of(self, word: Mention) -> Entity | None:
        """The name a claim word's phrase qualifies (专用于AI加速的MI 300X芯片,
        落后一截的Meta, 基于GPT-4的新版必应聊天机器人): the first name shortly after
        the 的 that ends the phrase, when nothing else comes between."""
        folded = self.article.folded
        phrase = _QUALIFYING.match(folded, word.end)
        if phrase is None:
            return None
        for mention in self.sentence.entities:
            if mention.start >= phrase.end():
                between = folded[phrase.end() : mention.start]
                if len(between) > HEAD_REACH or _CLAUSE_END.search(between):
                    return None
                head = self.store.entity_at(mention.row)
                # 使用AMD的MI300X: the maker's product is the verb's object, not a
                # noun the phrase qualifies
                maker = self.store.entities.get(head.maker) if head.maker else None
                owner = name_key(folded[word.end : phrase.end() - 1])
                if maker is not None and owner in {
                    name_key(n) for n in (maker.id, maker.name, *maker.aliases)
                }:
                    return None
                return head
        return None

    def listed_with(self, entity: Entity, clause: Span) -> list[Entity]:
        """The names listed with ``entity`` in the clause (A及B均…, A和B的发言人都…),
        when the list is followed by 均 or 都 ("both", "all")."""
        named = [m for m in self.sentence.entities if _inside(m.start, m.end, clause)]
        at = next((i for i, m in enumerate(named) if self.store.entity_at(m.row) == entity), None)
        if at is None:
            return []
        first = last = at
        folded = self.article.folded
        while first > 0 and _LIST_JOIN.fullmatch(folded, named[first - 1].end, named[first].start):
            first -= 1
        while last + 1 < len(named) and _LIST_JOIN.fullmatch(
            folded, named[last].end, named[last + 1].start
        ):
            last += 1
        after = folded[named[last].end : named[last].end + ALL_REACH]
        if first == last or not ("均" in after or "都" in after):
            return []
        listed = [self.store.entity_at(m.row) for m in named[first : last + 1]]
        return [e for e in listed if e != entity]

    def names_other(self, clause: Span, entity: Entity) -> bool:
        """Whether the clause names another entity than ``entity`` (nor its maker)."""
        return any(
            _inside(m.start, m.end, clause)
            and self.store.entity_at(m.row).id not in (entity.id, entity.maker)
            for m in self.sentence.entities
        )

    def named_product(self, company: Entity, clause: Span, word: Mention) -> Entity | None:
        """The company's own product the clause names after ``word``, if one."""
        for mention in self.sentence.entities:
            if word.end <= mention.start and mention.end <= clause.end:
                entity = self.store.entity_at(mention.row)
                if entity.maker == company.id:
                    return entity
        return None

    def speech_at(self, word: Mention) -> Cue | None:
        """The speech cue (表示, 称) a word is part of, if any."""
        for cue in self.sentence.cues:
            if cue.kind is CueKind.SPEECH and cue.start < word.end and word.start < cue.end:
                return cue
        return None

    def nearest_fitting(self, clause: Span, attribute: Attribute) -> Entity | None:
        """The last entity named before the clause, in its sentence, of a kind the
        attribute can be said of."""
        for mention in reversed(self.sentence.entities):
            if mention.end <= clause.start:
                entity = self.store.entity_at(mention.row)
                if applies_to(attribute.id, entity.kind):
                    return entity
        return None

    def owner(self, clause: Span, word: Mention) -> Entity | None:
        """Whose relation a noun names (臺積電在AI芯片領域最大的客戶: TSMC's): the
        last name before it in the clause, joined to it by 的 or written right
        before it (微软客户)."""
        before = [
            m for m in self.sentence.entities if clause.start <= m.start and m.end <= word.start
        ]
        if not before:
            return None
        between = self.article.folded[before[-1].end : word.start]
        if between.strip() and ("的" not in between or len(between) > OWNER_REACH):
            return None
        return self.store.entity_at(before[-1].row)

    def speech_alone(self, clause: Span) -> Cue | None:
        """The speech word a clause ends with, when what was said follows in the next
        clause (苏姿丰在发布会上称，…): the clause is its speaker, not a claim."""
        for cue in self.sentence.cues:
            spoken = cue.kind in (CueKind.SPEECH, CueKind.ESTIMATE)
            if spoken and _inside(cue.start, cue.end, clause):
                rest = self.article.folded[cue.end : clause.end]
                if not rest.strip(_PUNCTUATION):
                    return cue
        return None

    def text_fact(
        self,
        clause: Span,
        titled: set[Span],
        said: Cue | None = None,
        drafted: bool = False,
        specs_only: bool = False,
    ) -> Iterator[Candidate]:
        """The clause as a text claim: of the attribute its strongest word marks
        that can be said of the entity the clause is about (``cuewords.KINDS``).
        After a clause that only names a speaker (``said``), a clause naming no
        subject of its own is about the speaker, and is the speaker's statement
        when no other word marks it."""
        names = [m for m in self.sentence.entities if _inside(m.start, m.end, clause)]
        speaker = self.speaker_entity(said) if said is not None else None
        own_subject = any(not self.is_object(m) for m in names)
        start = said.start if said is not None and speaker is not None else clause.start
        role = _title_attribute(self.store)
        for strength, _, attribute, word in self.claim_words(clause):
            if not names and speaker is None and strength < PROSE_WEIGHT:
                # A clause naming nothing (主要用于加快…) goes on about the sentence's
                # subject only when news prose's own word for a claim marks it
                continue
            if clause in titled and role is not None and attribute.id == role.id:
                continue  # the title's own candidate says it
            if specs_only and not is_specification(attribute.id):
                continue
            passive = _PASSIVE.search(attribute.label) is not None
            entity: Entity | None
            owner = self.owner(clause, word) if word.word in RELATIONS else None
            speech = self.speech_at(word) if attribute.id == STATEMENT else None
            head = self.head_of(word) if strength >= PROSE_WEIGHT else None
            if word.word in RELATIONS and owner is None:
                continue  # 向客户供应: customers in general, nobody's named relation
            if owner is not None:
                entity, weight = owner, 1.0
            elif head is not None:
                entity, weight = head, 1.0
            elif speech is not None:
                # A statement is its speaker's (更有外媒表示openAI…: nobody named)
                spoken = self.speaker_entity(speech)
                if spoken is None:
                    continue
                entity, weight = spoken, 1.0
            elif speaker is not None and not own_subject and not passive:
                entity, weight = speaker, 0.85
            elif passive:
                # "Used by": the claim is about what is used, the verb's object
                # (使用H100, 使用这款芯片), else the subject tested (这款芯片…进行了测试)
                if any(m.start >= word.end for m in names):
                    entity, _, weight = self.entity_for(clause, word.end, word, after=True)
                elif _DEMONSTRATIVE.search(self.article.folded, word.end, clause.end):
                    entity, weight = self.referent(clause.end), 0.85
                elif word.word in UNDERGONE:
                    entity, _, weight = self.entity_for(clause, word.start, word)
                else:
                    continue
            else:
                entity, _, weight = self.entity_for(clause, word.start, word)
            if entity is None or weight < TEXT_SURE:
                continue
            if entity.kind == "company":
                # OpenAI继续推进自主研发芯片的计划: a clause whose last noun after the
                # company is a kind of thing it makes one of is about that one;
                # 微软计划在自有AI芯片集群上投入: one it names, about that one
                named = [m.end for m in names if self.store.entity_at(m.row).id == entity.id]
                rest = self.article.folded[named[0] if named else clause.start : clause.end]
                made = self.named_product(entity, clause, word) or self.made_by(
                    entity, rest, by_name=False
                )
                if made is not None and applies_to(attribute.id, made.kind):
                    entity = made
            if not applies_to(attribute.id, entity.kind):
                # 微软推出Maia 100，由台积电代工: a foundry is a chip's, the one named before
                entity = self.nearest_fitting(clause, attribute)
                if entity is None:
                    continue
            if attribute.id in RELATION_ATTRIBUTES and not self.names_other(clause, entity):
                continue  # 与硬件制造商密切合作: a partner, customer or rival needs a name
            yield self.text_candidate(entity, attribute, start, clause.end, weight)
            # 辛杜本人及英伟达均对此报道未予置评, 其H100和H200都由台积电代工: the claim is
            # each listed one's
            for other in self.listed_with(entity, clause):
                if applies_to(attribute.id, other.kind):
                    yield self.text_candidate(other, attribute, start, clause.end, weight)
            return
        statement = self.store.attributes.get(STATEMENT)
        if (
            speaker is not None
            and statement is not None
            and applies_to(STATEMENT, speaker.kind)
            and not drafted  # what was said is a number or date drafted already
            # 据纳德拉介绍，Maia 100是…: a claim about Maia 100, not a statement
            and not any(
                not self.is_object(m)
                and not applies_to(STATEMENT, self.store.entity_at(m.row).kind)
                for m in names
            )
        ):
            yield self.text_candidate(speaker, statement, start, clause.end, 0.85)

    def text_candidate(
        self, entity: Entity, attribute: Attribute, start: int, end: int, weight: float
    ) -> Candidate:
        status, claimed_by, as_of, cues, decisions, quote, begin, finish = self.base(
            entity, attribute, start, end, end
        )
        decisions.append(Decision("value", "restate the quote in English"))
        return Candidate(
            entity, None, attribute, quote, None, None, Bound.EXACT, None, status, claimed_by,
            as_of, quote, begin, finish, cues, tuple(decisions),
            round(TEXT_CONFIDENCE * weight, 2),
        )  # fmt: skip


def _title_attribute(store: Store) -> Attribute | None:
    """The store's attribute for a person's job: the text attribute most of the
    common titles are words of (CEO, 首席执行官, 副总裁…), if any."""
    owners: dict[str, int] = {}
    for title in TITLES:
        for row in store.attribute_keys.get(name_key(title), []):
            attribute = store.attribute_at(row)
            if attribute.type is ValueType.TEXT:
                owners[attribute.id] = owners.get(attribute.id, 0) + 1
    if not owners:
        return None
    return store.attributes[max(owners, key=lambda ident: owners[ident])]


def _is_phrase(word: Mention) -> bool:
    """An attribute word that says something in prose: Chinese, or Latin of two words.

    One English word ("use", "like", "lead") is too common to be a claim's mark.
    """
    return not word.word.isascii() or " " in word.word.strip()


def _unit_fits(quantity: Quantity, attribute: Attribute) -> bool:
    if quantity.ordinal:
        return attribute.unit == "rank"
    if attribute.unit == "rank":
        return False
    return quantity.unit is None or quantity.unit == attribute.unit


def _gap(word: Mention, quantity: Quantity) -> int:
    return quantity.start - word.end if word.end <= quantity.start else word.start - quantity.end


def _distance(word: Mention, quantity: Quantity, clause: Span) -> tuple[int, int]:
    """Nearer is better; a word in the number's own clause, and before it, first."""
    same_clause = 0 if _inside(word.start, word.end, clause) else 1
    gap = (
        quantity.start - word.end if word.end <= quantity.start else 2 * (word.start - quantity.end)
    )
    return same_clause, gap


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded


class Proposal(NamedTuple):
    entity: NewEntity
    start: int  # where the article names it


def _proposal(text: str, match: re.Match[str], maker: str | None) -> Proposal:
    name = " ".join(match.group().split())
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    before = _CHINESE_NAME_BEFORE.search(text, _behind(match.start()), match.start())
    aliases = (before.group()[:-1],) if before else ()  # 布莱克韦尔(Blackwell): its Chinese name
    start = before.start() if before else match.start()
    return Proposal(NewEntity(slug, name, aliases, maker), start)
