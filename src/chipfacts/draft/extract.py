"""Read an article into candidate facts: numbers, dates, roles and text claims.

Sentence by sentence (``sentences``), a ``SentenceReader`` drafts:

- each quantity as a number fact (``number_facts``);
- each date in a clause holding a date attribute's word as a date fact
  (``date_facts``);
- each person named after a job title as a role, each glossed name as a
  purpose (``role_facts``);
- unless ``clauses_too`` is off (``--no-clauses``), each clause holding a word
  for a kind of claim as a text fact (``text_facts``).

Each is about the entity ``subject`` chooses (with ``references`` for what
该模型 or 他 stands for and ``speakers`` for who said it), and carries the
status, speaker, as_of and quote ``attribution`` reads. The quote is a slice
of the article: verbatim by construction.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from chipfacts.draft.article import Article, body_end, datelines
from chipfacts.draft.candidates import Candidate, Decision
from chipfacts.draft.categories import is_kind_of_chips, the_things_themselves
from chipfacts.draft.code_names import with_code_names
from chipfacts.draft.context import employers
from chipfacts.draft.cuewords import find_cue_words
from chipfacts.draft.date_facts import DateFacts
from chipfacts.draft.designations import (
    Proposed,
    ProposedStore,
    as_proposed,
    example_sites,
    introduced_things,
    next_generations,
    other_designations,
    without_lines,
)
from chipfacts.draft.english_newcomers import english_people, english_things, without_titles
from chipfacts.draft.newcomers import newcomers
from chipfacts.draft.number_facts import NumberFacts
from chipfacts.draft.process_names import process_quantities
from chipfacts.draft.references import KIND_NOUNS
from chipfacts.draft.role_facts import RoleFacts
from chipfacts.draft.sentences import ByPlace, Prefix, Sentence, Span, clauses, sentences
from chipfacts.draft.text_facts import STATEMENT, TextFacts
from chipfacts.draft.vocabulary import (
    Mention,
    find_answer_words,
    find_attribute_words,
    find_entities,
    with_glosses,
    without_common_nouns,
    without_makers,
)
from chipfacts.model.records import Attribute, Entity, ValueType
from chipfacts.store.store import Store
from chipfacts.text.cues import Cue, find_cues
from chipfacts.text.normalize import name_key
from chipfacts.text.numbers import SPANS_OF_TIME, TAIWAN_DOLLAR, Quantity, find_quantities
from chipfacts.text.when import find_dates

_UNIT_WORD = re.compile(r"[^a-z0-9]+")


def _ranks_apart(quantities: list[Quantity], parts: list[Span]) -> list[Quantity]:
    """The quantities without a rank in a clause with a share (火山引擎以约18%位居第二):
    the rank says again what the share says."""
    shared = [
        part
        for part in parts
        if any(q.unit == "percent" and part.start <= q.start < part.end for q in quantities)
    ]
    return [
        q
        for q in quantities
        if not (q.ordinal and any(part.start <= q.start < part.end for part in shared))
    ]


def draft_article(store: Store, article: Article, clauses_too: bool = True) -> list[Candidate]:
    """Every candidate fact in ``article``, in the order of the text: numbers,
    dates and titles, and text facts from clauses unless ``clauses_too`` is off."""
    text, folded = article.text, article.folded
    newly = newcomers(store, text, folded)
    with_newcomers = ProposedStore(store, newly.proposed, newly.other_names)
    # the companies, the proposed too, make what is introduced after them (天翼云…一座…集群)
    companies = [
        (m.start, with_newcomers.entity_at(m.row))
        for m in find_entities(with_newcomers, text, folded)
        if with_newcomers.entity_at(m.row).kind == "company"
    ]
    designations = other_designations(store, text) + next_generations(store, text, folded)
    introduced = introduced_things(with_newcomers, text, folded, companies)
    store = ProposedStore(
        store,
        without_titles(
            designations + introduced + without_designated(newly.proposed, designations),
            text,
        )
        + english_people(with_newcomers, text)
        + english_things(with_newcomers, text, folded, companies),
        newly.other_names,
    )
    published = article.source.published
    outlets = datelines(folded)
    every_name = [m for m in find_entities(store, text, folded) if not _in_one(outlets, m.start)]
    kinds = [m for m in every_name if is_kind_of_chips(store.entity_at(m.row))]
    named_things = without_common_nouns(
        store, [m for m in every_name if not is_kind_of_chips(store.entity_at(m.row))], KIND_NOUNS
    )
    entities = without_datelines(
        folded,
        without_lines(
            store,
            folded,
            with_glosses(
                text,
                folded,
                without_makers(
                    store,
                    folded,
                    sorted(
                        named_things + the_things_themselves(folded, kinds), key=lambda m: m.start
                    ),
                ),
            ),
        ),
    )
    words = find_attribute_words(store, text, folded) + find_answer_words(store, text, folded)
    every_date = find_dates(folded, published)
    # 1: a character of a name or a date, whose digits are no quantity ("April 9, 2026");
    # not a site's description (一座200MW的液冷数据中心: its size, a figure of it)
    sites = {p.entity.id for p in introduced if p.entity.kind == "cluster"}
    names = [m for m in entities if store.entity_at(m.row).id not in sites]
    named = bytearray(len(text))
    # (一个10万卡集群足以训练…, 一座300MW的数据中心每年电费约2亿美元: the figures of a
    # site of an example, where its clause names no one, are of nothing there is)
    examples = [
        (example.start, example.clause_end)
        if not any(example.end <= m.start < example.clause_end for m in names)
        else (example.start, example.end)
        for example in example_sites(folded)
    ]
    for start, end in (
        [(m.start, m.end) for m in names] + [(d.start, d.end) for d in every_date] + examples
    ):
        named[start:end] = b"\x01" * (end - start)
    quantities = [q for q in find_quantities(folded, text) if not any(named[q.start : q.end])]
    if taipei_news(folded, article.source.language):
        quantities = [
            q._replace(unit=TAIWAN_DOLLAR)
            if q.unit == "yuan" and not renminbi_beside(folded, q)
            else q
            for q in quantities
        ]
    # 采用台积电N3P制程: a foundry's process by its name, as the node of what is said to
    # use it (drafting's only; not 从三星的SF2工艺转回…, nor 台积电N2月产能)
    processes = [
        p
        for p in process_quantities(folded)
        if not any(q.start < p.end and p.start < q.end for q in quantities)
    ]
    if processes:
        quantities = sorted(quantities + processes, key=lambda q: q.start)
    # the date a dateline gives is the story's, no event's (1月20日消息，…昨日投入运营)
    dates = [d for d in every_date if not _in_one(outlets, d.start)]
    cues = find_cues(text)
    claims = find_cue_words(
        folded, [a.id for a in store.attributes.values() if a.type is ValueType.TEXT]
    )
    drafted: list[Candidate] = []
    previous_speaker: Entity | None = None
    previous_span: Span | None = None
    previous_about: Entity | None = None
    listed_number: Attribute | None = None
    working_for = employers(store, folded, entities)
    # Each kind of mention in order, so a sentence's are found by bisection: a
    # scan of the whole article per sentence would make drafting quadratic.
    by_place = [ByPlace(items) for items in (entities, words, quantities, dates, cues, claims)]
    # Names do not overlap (``find_entities``), so they end in the order they start.
    ends = [m.end for m in by_place[0].items]
    end = body_end(folded)
    for span in sentences(text):
        if span.start >= end:
            break
        found_entities, found_words, found_quantities, found_dates, found_cues, found_claims = (
            place.within(span) for place in by_place
        )
        parts = clauses(folded, span)
        if any(q.ordinal for q in found_quantities):
            found_quantities = _ranks_apart(found_quantities, parts)
        sentence = Sentence(
            span, parts, found_entities, found_words, found_quantities,
            found_dates, found_cues, found_claims,
        )  # fmt: skip
        earlier = Prefix(by_place[0].items, bisect_right(ends, span.start))
        reader = SentenceReader(
            store, article, sentence, earlier, previous_speaker, previous_span, clauses_too,
            previous_about=previous_about, employers=working_for, listed_number=listed_number,
        )  # fmt: skip
        previous_span = span
        found = list(reader.candidates())
        drafted.extend(found)
        previous_speaker = reader.last_speaker()
        # what the sentence's first claim was about, for a next sentence that names
        # nothing (其FP8算力为…。该卡配备…); a sentence with no claim hands on nothing
        previous_about = store.entities.get(found[0].entity_id) if found else None
        # a list of figures goes on past a semicolon (市占率约45%；广达约30%；…)
        listed_number = (
            reader.last_number
            if folded[span.start : span.end].rstrip()[-1:] in ("；", ";")
            else None
        )
    return _told_twice(
        _once(
            _whole_statements(
                without_headline_echoes(
                    text,
                    _distinct_attributes(
                        store, with_code_names([as_proposed(store, c) for c in drafted], folded)
                    ),
                )
            )
        )
    )


def _in_one(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls in one of ``spans`` (in order, apart): by bisection, as an
    article may have a dateline per paragraph."""
    which = bisect_right(spans, at, key=lambda span: span[0]) - 1
    return which >= 0 and spans[which][0] <= at < spans[which][1]


# A wire's name in a dateline: "SEATTLE, Dec 3 (Reuters) - …".
_DATELINE_WIRE = re.compile(r"\s*\)\s*[-–—]\s")


def without_datelines(folded: str, mentions: list[Mention]) -> list[Mention]:
    """Drop the news agency named in brackets before a dateline's dash: it filed the
    story and is no subject of its claims."""
    return [
        m
        for m in mentions
        if not (folded[m.start - 1 : m.start] == "(" and _DATELINE_WIRE.match(folded, m.end))
    ]


# A headline: the article's first line, with no full stop, then a blank line.
_HEADLINE = re.compile(r"\s*(?P<line>[^\n]*[^\n.!?\"”。！？])[ \t]*\n[ \t]*\n")


def without_headline_echoes(text: str, drafted: list[Candidate]) -> list[Candidate]:
    """Drop a claim a headline states that its story states again (the story's
    sentence is the quote to keep: it has the claim's cues and bounds): the same
    entity's attribute, or the same figure (极川科技万卡集群扩容至3.2万块GPU, then 集群
    GPU总数达到约3.2万块, of the cluster)."""
    headline = _HEADLINE.match(text)
    if headline is None:
        return drafted
    end = headline.end("line")
    story = [c for c in drafted if c.start >= end]
    told = {(c.entity_id, c.attribute.id) for c in story}
    figures = {(c.value, c.low, c.high, c.unit) for c in story if c.unit is not None}

    def echoed(c: Candidate) -> bool:
        figure = (c.value, c.low, c.high, c.unit)
        return (c.entity_id, c.attribute.id) in told or c.unit is not None and figure in figures

    return [c for c in drafted if c.start >= end or not echoed(c)]


def without_designated(proposed: list[Proposed], designations: list[Proposed]) -> list[Proposed]:
    """Drop a name that holds another model's designation (Instinct MI355X beside
    MI355X, another MI300X): one thing, proposed once, as the designation."""
    keys = [name_key(n) for d in designations for n in (d.entity.name, *d.entity.aliases)]
    return [
        p
        for p in proposed
        if not any(
            name_key(n).endswith(k) for n in (p.entity.name, *p.entity.aliases) for k in keys
        )
    ]


def _distinct_attributes(store: Store, drafted: list[Candidate]) -> list[Candidate]:
    """A proposed attribute's id is none of the store's, and two proposed in other
    units are two (capex in 元 is capex_yuan beside the store's capex in USD)."""
    seen: dict[str, tuple[ValueType, str | None]] = {}
    kept = []
    for candidate in drafted:
        attribute = candidate.attribute
        if candidate.proposes_attribute:
            measure = (attribute.type, attribute.unit)
            ident, suffix = attribute.id, _UNIT_WORD.sub("_", (attribute.unit or "").lower())
            if ident in store.attributes or seen.get(ident, measure) != measure:
                ident = f"{attribute.id}_{suffix.strip('_') or attribute.type.value}"
            while ident in store.attributes or seen.get(ident, measure) != measure:
                ident += "_2"
            seen.setdefault(ident, measure)
            decisions = tuple(
                d._replace(why=d.why.replace(f"({attribute.id})", f"({ident})"))
                for d in candidate.decisions
            )
            renamed = attribute._replace(id=ident)
            candidate = candidate._replace(attribute=renamed, decisions=decisions)
        kept.append(candidate)
    return kept


def _told_twice(drafted: list[Candidate]) -> list[Candidate]:
    """Two figures of one entity's attribute for the same time (a cluster's 2,016 GPUs
    now and its goal of 4,000): the later asks which time it is for, so the pasted
    draft records no conflict the curator did not decide."""
    first: dict[tuple[str, str, str], Candidate] = {}
    kept = []
    for candidate in drafted:
        key = (candidate.entity_id, candidate.attribute.id, str(candidate.as_of))
        before = first.setdefault(key, candidate)
        figures = ((c.value, c.low, c.high) for c in (before, candidate))
        differs = before is not candidate and candidate.unit is not None and len(set(figures)) > 1
        # 从约35%降至15%: the figure before already asks for its date
        if differs and not any(d.field == "as_of" for d in before.decisions):
            told = before.value if before.value is not None else f"{before.low}-{before.high}"
            why = f"another candidate gives {told} for the same time: give this one its own"
            why += " time (a goal's or a forecast's), add a doubt, or drop one"
            candidate = candidate._replace(decisions=(*candidate.decisions, Decision("as_of", why)))
        kept.append(candidate)
    return kept


def _whole_statements(drafted: list[Candidate]) -> list[Candidate]:
    """A statement once, whole: the clauses of a quotation the speaker's statement
    holds (“过去两年，我们一直在回答同一个问题…” then “过去两年, 我们一直…) are no
    statements of their own."""
    said: dict[str | None, list[tuple[int, int]]] = {}
    for candidate in drafted:
        if candidate.attribute.id == STATEMENT:
            said.setdefault(candidate.entity_id, []).append((candidate.start, candidate.end))
    return [
        c
        for c in drafted
        if c.attribute.id != STATEMENT
        or not any(
            start <= c.start and c.end <= end and (start, end) != (c.start, c.end)
            for start, end in said[c.entity_id]
        )
    ]


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


# "and" or "but" joining a second verb phrase to an English clause.
_JOINED = re.compile(r"\s(?:and|but)\s+(?:then\s+|also\s+)?(?=[a-z])")


class SentenceReader(NumberFacts, DateFacts, RoleFacts, TextFacts):
    """The drafting of one sentence: every kind of claim, in the order of the text."""

    def joined_parts(self, clause: Span, start: int | None, end: int | None) -> list[Span]:
        """The parts of an English clause that "and" or "but" joins to the part a value
        was drafted from (``start:end``): before it, or after it."""
        folded = self.article.folded
        if start is None or end is None or not folded[clause.start : clause.end].isascii():
            return []
        parts = []
        joins = list(_JOINED.finditer(folded, clause.start, clause.end))
        before = [j for j in joins if j.end() <= start]
        if before:
            parts.append(Span(clause.start, before[-1].start()))
        after = [j for j in joins if j.start() >= end]
        if after:
            parts.append(Span(after[0].end(), clause.end))
        return parts

    def candidates(self) -> Iterator[Candidate]:
        used_clauses: set[Span] = set()
        value_ends: dict[Span, int] = {}  # where the last value drafted in a clause ends
        value_starts: dict[Span, int] = {}  # where the first one starts
        previous_end = self.sentence.span.start
        for quantity in self.sentence.quantities:
            found = self.number(quantity, previous_end)
            previous_end = quantity.end
            if found is not None:
                clause = self.clause_of(quantity.start)
                if found.unit not in SPANS_OF_TIME:
                    # (MI300X的交期已拉长至40周以上: a span, a lead time or a build's, says
                    # what the supply is too)
                    used_clauses.add(clause)
                value_ends[clause] = quantity.end
                value_starts.setdefault(clause, quantity.start)
                yield found
                foundry = self.node_foundry(found, quantity) if self.clauses_too else None
                if foundry is not None:
                    yield foundry
        for date in self.sentence.dates:
            drafted_before = value_ends.get(self.clause_of(date.start), date.end)
            if (
                date.start >= drafted_before
                and self.article.folded[date.start : date.end].isascii()
                and not self.event_between(drafted_before, date.start)
            ):
                continue  # "will ship 5 million GPUs this year": the figure's period
            found = self.date(date)
            if found is not None:
                clause = self.clause_of(date.start)
                used_clauses.add(clause)
                value_ends[clause] = max(value_ends.get(clause, 0), date.end)
                value_starts[clause] = min(value_starts.get(clause, date.start), date.start)
                yield found
        titled: set[Span] = set()
        for mention in self.sentence.entities:
            found = self.title(mention)
            if found is not None:
                titled.add(self.clause_of(mention.start))
                yield found
        yield from self.glosses()
        said: Cue | None = None  # a clause before that only names a speaker
        # "…, Amazon said.": in English the speaker may close the sentence
        closing = self.closing_speech()
        if self.clauses_too and closing is not None:
            yield from self.quotation(closing)
        for clause in self.sentence.clauses if self.clauses_too else ():
            alone = self.speech_alone(clause)
            if alone is None and not self.hearsay_alone(clause):
                # A clause that gave a number or date may still name a product's
                # specification (采用台积电的5nm制程: a node and a foundry), no more
                specs_only = clause in used_clauses
                speaker = said or (
                    closing if closing is not None and not self.only_names(clause) else None
                )
                yield from self.text_fact(clause, titled, speaker, bool(used_clauses), specs_only)
                # "…installed 40,000 chips and plans to double that", "relies on Nvidia
                # and expects capex of $64 billion": claims of their own
                for joined in self.joined_parts(
                    clause, value_starts.get(clause), value_ends.get(clause)
                ):
                    yield from self.text_fact(joined, titled, speaker, True, False)
            said = alone


def taipei_news(folded: str, language: str) -> bool:
    """Whether an article's own 元 is the New Taiwan dollar: written in Traditional
    Chinese, it names the New Taiwan dollar or Taiwan, and never Hong Kong's dollar
    (Taipei's news, not Hong Kong's)."""
    if language != "zh-Hant" or _HONG_KONG_DOLLAR.search(folded) or _RENMINBI_HENCE.search(folded):
        return False  # (人民幣，下同: the renminbi for every sum after)
    return _TAIWAN.search(folded) is not None


def renminbi_beside(folded: str, quantity: Quantity) -> bool:
    """Whether the sentence of a sum in 元 names the renminbi (中芯國際…約人民幣160億元,
    160億元陸幣): a mainland sum in Taipei's news."""
    start = max(folded.rfind(mark, 0, quantity.start) for mark in _STOPS) + 1
    ends = [e for e in (folded.find(mark, quantity.end) for mark in _STOPS) if e >= 0]
    return _RENMINBI.search(folded, start, min(ends, default=len(folded))) is not None


_HONG_KONG_DOLLAR = re.compile(r"港元|港币")
_RENMINBI_HENCE = re.compile(r"(?:人民币|陆币)\s*[,，、]?\s*下同")
_STOPS = "。！？!?；;\n"
_RENMINBI = re.compile(r"人民币|陆币")
_TAIWAN = re.compile(r"台币|台湾|台北|新竹|台中|台南|高雄|桃园|竹科|中科|南科")
