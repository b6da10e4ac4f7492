"""Rank the facts of a store against a query (read by ``reader``).

A fact's score adds what it matched, each name, attribute and word weighed by
how rare it is in the store (``rarity``: a name a third of the facts share
counts a quarter as much as a codename two facts hold). For one entity, weights
are chosen so that an exact name (100) always outranks a fuzzy one (at most 90),
a name the fact merely mentions or that claims it (80) outranks generic words,
and a fact that matches both the entity and the attribute asked for outranks
one that matches either. A fact
must match something meaningful (a name, an attribute, a number, a whole word):
one matched only through a word fragment or a typo-distance word is dropped.
Equal scores are ordered by what matched (the entity, then the attribute, then
text), then by recency (``as_of``, newer first), then store order.

Only candidate facts are scored: those the store's indexes tie to a recognised
name, attribute, number or word, gathered by the store's queries. Each list of
candidates is capped (``CAP`` rows, in store order), so a word shared by half
of a million facts costs no more than one shared by two thousand; so are the
facts of all the entities a query names together (a name shared by a thousand
entities). Entities, attributes and facts are row numbers here; records are
built only for the results.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up. Names imported only
# for type checking are quoted.

import re
from typing import TYPE_CHECKING, NamedTuple

from chipfacts.search.explain import Explainer, Match
from chipfacts.search.index import SearchIndex
from chipfacts.search.postings import (
    cjk_postings,
    echo_rows,
    number_candidates,
    word_postings,
)
from chipfacts.search.query import Query
from chipfacts.search.rarity import rarity
from chipfacts.search.reader import read_query
from chipfacts.search.steer import (
    compared_entities,
    earliest_bonus,
    expected_bonus,
    interleave,
    steered,
)
from chipfacts.search.weights import (
    ABOUT_TOLERANCE,
    ATTRIBUTE,
    BOUND_ONLY,
    CAP,
    COVERAGE,
    ECHO,
    ENTITY_EXACT,
    ENTITY_MENTIONED,
    EXPECTED_HEAD,
    FAMILY,
    MADE_BY,
    MENTIONED_SHARE,
    MIN_SCORE,
    NUMBER,
    QUALIFIER,
    STEER,
    TEXT,
    WHOLE,
)
from chipfacts.text.normalize import fold, has_cjk
from chipfacts.text.numbers import QueryNumber
from chipfacts.text.question import (
    Steer,
    asks,
    is_function_word,
    steers_of_cjk,
    steers_of_words,
)
from chipfacts.text.terms import pair_numbers

if TYPE_CHECKING:
    from chipfacts.model.records import Fact
    from chipfacts.store.store import ScoringRow


# What may join names and attributes in a query that asks for nothing else.
_LINKS = re.compile(r"[\s的之'’s,，:：?？]+")
_OF = re.compile(r"(?:'s|’s|s'|'|\s|的|之)+")  # between a maker and its product: "'s", 的


class Hit(NamedTuple):
    fact: "Fact"
    score: float


class Matches(NamedTuple):
    """For one query: which fact rows each part of it matched, and how well."""

    mentions: dict[int, dict[int, float]]  # row -> entity it names (not its own) -> part
    # per left-over word, then Chinese run: (row -> similarity, how rare it is, as typed)
    texts: list[tuple[dict[int, float], float, str]]
    echoes: list[set[int]]  # per word read as a name or attribute: rows whose text repeats it
    entities: dict[int, float]  # entity row -> how rare it is (see ``rarity``)
    attributes: dict[int, float]  # attribute row -> how rare it is


def _number_match(index: SearchIndex, number: QueryNumber, row: "ScoringRow") -> float:
    kind = index.attribute_types[row.attribute]
    if kind not in ("date", "number"):
        return 0.0
    value = row.value
    if kind == "date":
        whole = number.value.is_integer() and number.unit is None
        return NUMBER * 0.6 if whole and int(value[:4]) == int(number.value) else 0.0
    if number.unit is not None and number.unit != row.unit:
        return 0.0
    target = number.value
    if row.bound == "range":
        low, high = row.low or 0.0, row.high or 0.0
        if _close(target, low) or _close(target, high):
            return NUMBER
        return NUMBER * 0.75 if low <= target <= high else 0.0
    value = float(value)
    if _close(target, value):
        # a value that is only a bound ("at least 10,000": 数万) matches a little less
        # than one that is the number typed ("一万张": 10,000)
        return NUMBER if row.bound in ("exact", "about") else NUMBER * BOUND_ONLY
    if row.bound == "about" and _close(target, value, ABOUT_TOLERANCE):
        return NUMBER * 0.8
    return 0.0


def mentioned_part(weight: float, rarity: float, other: bool, business: bool = False) -> float:
    """What naming an entity adds to a fact that is not its own. A fact about
    something else that mentions the entity (or is claimed by it) earns what the
    entity's own facts earn less a fixed step, so that however common the name (and
    so however little it counts), its own facts stay above those that merely
    mention it: "微软的GPU集群" asks for Microsoft's clusters before the cluster of a
    model that names Microsoft. A rare name keeps most of its worth (80 of 100), a
    common one at least ``MENTIONED_SHARE`` of it (a mention is still a match).
    A fact of the entity's product (``MADE_BY``: 微软的芯片 asks about Maia 100)
    earns its share of the maker's part. A fact of its product that mentions it
    (``business``: OpenAI's chip plan's cost) is a step half as far below its own
    facts, above another's mention of it."""
    own = weight * rarity
    if not other:
        return own * ENTITY_MENTIONED / ENTITY_EXACT
    step = (ENTITY_EXACT - ENTITY_MENTIONED) * weight / ENTITY_EXACT
    return max(own - (step / 2 if business else step), own * MENTIONED_SHARE)


def _close(a: float, b: float, tolerance: float = 1e-6) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-12)


class Score(NamedTuple):
    """How well a fact row matched: its score, and for ties, what it matched."""

    value: float
    rank: int  # 0: the entity and an attribute asked for, 1: the entity, 2: an attribute,
    # 3: a mention, number or text
    meaningful: bool  # a name, attribute, number or whole word, not only fragments
    bare: bool  # matched by its entity and nothing else
    echoes: int = 0  # words read as names or attributes that its text repeats


def score_row(
    index: SearchIndex,
    query: Query,
    matches: Matches,
    n: int,
    row: "ScoringRow",
    said: list[tuple[str, int | str]] | None = None,
) -> Score:
    """Add up what fact row ``n`` matched; each part beyond the first earns COVERAGE.
    Each name, attribute and word counts by its rarity, and so does the COVERAGE it
    earns: "ai" or 公司, in most facts, adds little as a further part matched.
    ``said``, when given, collects what it matched (see ``explain``)."""
    total = cover = widest = 0.0  # the parts' sum; their rarities' sum, and the largest
    count = names = 0  # parts matched; of which names
    own = query.entities.get(row.entity, 0.0)
    if own:
        rare = matches.entities[row.entity]
        total, cover, widest, count, names = own * rare, rare, rare, 1, 1
        if said is not None:
            said.append(("entity", row.entity))
    # each entity named counts once: "苏莱曼说微软要…" asks for what ties the two
    for mentioned, mention in matches.mentions.get(n, {}).items():
        rare = matches.entities[mentioned]
        total, cover, widest = total + mention, cover + rare, max(widest, rare)
        count, names = count + 1, names + 1
        if said is not None:
            said.append(("entity", mentioned))
    attribute = query.attributes.get(row.attribute, 0.0)
    if attribute:
        rare = matches.attributes[row.attribute]
        total, count = total + attribute * rare, count + 1
        # an attribute only kin to the one asked for is no further part of the query
        if attribute > ATTRIBUTE * FAMILY:
            cover, widest = cover + rare, max(widest, rare)
        if said is not None:
            said.append(("attribute", row.attribute))
    meaningful = count > 0
    for asked in query.numbers:
        number = _number_match(index, asked, row)
        if number:
            total, cover, widest, count = total + number, cover + 1.0, 1.0, count + 1
            meaningful = True
            if said is not None:
                said.append(("number", asked.text))
            break
    for postings, weight, text in matches.texts:
        similarity = postings.get(n)
        if similarity is not None:
            total += TEXT * similarity * weight
            cover, widest, count = cover + weight, max(widest, weight), count + 1
            meaningful = meaningful or similarity >= WHOLE
            if said is not None:
                said.append(("text", text))
    if not count:
        return Score(0.0, 4, False, False)
    # Echoes favour a fact whose text repeats a name or attribute word matched: "雅典娜"
    # prefers the facts whose quote says 雅典娜. Among facts matched by names alone, a
    # name's echoes only break ties: a name its facts repeat is no further part
    # matched, and must not lift them above a fact that matched another word typed
    # ("奥特曼 芯片"); an attribute word they repeat is one ("openai acquisition target").
    of_names = sum(n in rows for rows in matches.echoes[: query.name_echoes])
    echoes = of_names + sum(n in rows for rows in matches.echoes[query.name_echoes :])
    steer = STEER * steered(index, query.steers, row) if query.steers else 0.0
    value = total + COVERAGE * (cover - widest) + steer
    value += ECHO * (echoes if names < count else echoes - of_names)
    # an attribute named in the query is the more specific match among facts of an entity
    rank = (0 if attribute else 1) if own else 2 if attribute else 3
    return Score(round(value, 6), rank, meaningful, bool(own) and count == 1, echoes)


def search(
    index: SearchIndex, text: str, allowed: set[int] | None = None, limit: int = 10
) -> list[Hit]:
    """The best ``limit`` facts for a query, best first (among fact rows ``allowed``)."""
    return find(index, text, allowed, limit).hits


class Found(NamedTuple):
    """What a search found, what of the query matched nothing, and the other
    designations it fell back from."""

    hits: list[Hit]
    matches: list[Match]  # per hit: the query words it matched, and how
    fallbacks: dict[str, str]  # what was typed -> the entity name offered instead
    unmatched: list[str]  # words that look like names and match nothing ("graphcore")
    matched: list[str]  # the parts of the query that did match, in the order typed
    compared: list[str]  # "x vs y": the ids of the entities set side by side
    absent: list[tuple[str, str]]  # (entity name, attribute label) asked for, in no fact
    total: int  # how many facts matched (among the capped candidates; see ``CAP``)


def find(
    index: SearchIndex, text: str, allowed: set[int] | None = None, limit: int | None = 10
) -> Found:
    """The best ``limit`` facts for a query (all for None), and the fallbacks it made
    (see ``Found``)."""
    query = read_query(index, text)
    candidates: set[int] = set()
    # (fact row, entity it names, weight, whether the fact is about something else that
    # names the entity: not a fact of the entity's product)
    mentioned: list[tuple[int, int, float, bool]] = []
    # A name shared by thousands of entities ("maia" in a store of many copies) must
    # not gather all their facts: the best-matched entities first (then store
    # order), until CAP rows of their own facts and CAP of their mentions are read.
    own = mentions_left = CAP
    read_whole: set[int] = set()  # entities whose own facts and mentions were all read
    for entity, weight in sorted(query.entities.items(), key=lambda ew: (-ew[1], ew[0])):
        whole = own > 0 and mentions_left > 0
        if own > 0:
            rows = index.rows_of_entity(entity, own)
            candidates.update(rows)
            whole &= len(rows) < own
            own -= len(rows)
        if mentions_left > 0:
            rows = index.rows_mentioning(entity, mentions_left)
            mentioned += [(row, entity, weight, True) for row in rows]
            whole &= len(rows) < mentions_left
            mentions_left -= len(rows)
        if whole:
            read_whole.add(entity)
        if own <= 0 and mentions_left <= 0:
            break
    # A maker named alone stands, a little, for what it makes: 微软的芯片 asks about
    # Maia 100 too. Its products' facts count as mentions of it, at MADE_BY.
    makers = [
        entity
        for entity, weight in sorted(query.entities.items(), key=lambda ew: (-ew[1], ew[0]))
        if entity not in query.fallbacks and weight >= ENTITY_EXACT * QUALIFIER
    ]
    made = [
        (row, maker)
        for row, product, maker in index.facts_made_by(makers, CAP)
        if product not in query.entities
    ]
    mentioned += [(row, maker, query.entities[maker] * MADE_BY, False) for row, maker in made]
    # A product's fact that names its maker is the maker's business, not another's
    # mention of it ("what could its chips cost openai": OpenAI's chip plan's cost
    # before Microsoft's spending that names OpenAI).
    # Set side by side ("x vs y"), only the makers' own facts take turns.
    business = set(made) if Steer.VERSUS not in query.steers else set()
    for attribute in query.attributes:
        candidates.update(index.rows_of_attribute(attribute, CAP))
    for number in query.numbers:
        candidates.update(number_candidates(index, number))
    words = [word_postings(index, w) for w in query.words]
    cjk = [cjk_postings(index, run) for run in query.cjk]
    for postings in (*words, *cjk):
        candidates.update(postings)
    candidates.update(row for row, _, _, _ in mentioned)
    if allowed is not None:
        candidates &= allowed
    columns = index.scoring_columns(candidates)
    absent = [] if allowed is not None else _absent(index, query, columns, mentioned, read_whole)
    named = index.rarities("entity", query.entities)
    compared = compared_entities(index, query)
    owned = _possessed(query)
    mentions: dict[int, dict[int, float]] = {}
    for row, entity, weight, other in mentioned:
        if row not in columns or columns[row].entity == entity:  # not its own entity
            continue
        if query.makers.get(columns[row].entity) == entity:  # its maker, named with it
            continue
        if owned.get(entity) == columns[row].entity:  # "nvidia's dgx cloud": the maker's
            continue  # own facts that name the product are still the maker's, not its
        if entity in compared and columns[row].entity in compared:  # "x vs y": both named
            continue
        part = mentioned_part(weight, named[entity], other, (row, entity) in business)
        parts = mentions.setdefault(row, {})
        parts[entity] = max(part, parts.get(entity, 0.0))
    _unanswered_reasons(query, columns)
    echoes = [echo_rows(index, word, candidates) for word in query.echoes]
    counts, seen = _counts(index, query)
    weights = [
        rarity(max(count, sum(1 for v in postings.values() if v >= WHOLE)), index.fact_count)
        for count, postings in zip(counts, (*words, *cjk), strict=True)
    ]
    asked = index.rarities("attribute", query.attributes)
    texts = list(zip((*words, *cjk), weights, (*query.words, *query.cjk), strict=True))
    read = query.attributes
    for typed, postings in _orphan_words(index, query, columns, mentions):
        fresh = [row for row in postings if row not in columns]
        if allowed is not None:
            fresh = [row for row in fresh if row in allowed]
        columns.update(index.scoring_columns(fresh))
        candidates.update(fresh)
        count = sum(1 for v in postings.values() if v >= WHOLE)
        # a fact of an attribute the query was read as earned its word already
        postings = {r: v for r, v in postings.items() if columns[r].attribute not in read}
        texts.append((postings, rarity(count, index.fact_count), typed))
    for typed, postings, count in _orphan_runs(index, query, columns, mentions):
        texts.append((postings, rarity(count, index.fact_count), typed))
    matches = Matches(mentions, texts, echoes, named, asked)
    scored = []
    for n in candidates:
        if n in columns:
            score = score_row(index, query, matches, n, columns[n])
            if score.meaningful and score.value >= MIN_SCORE:
                scored.append((score, n))
    if query.aside:
        # "what software besides its chips": a fact that says what is set aside
        # answers less, by as much as a further part matched would add
        found = {n for _, n in scored}
        said_aside = [echo_rows(index, word, found) for word in query.aside]
        scored = [
            (s._replace(value=s.value - COVERAGE * sum(n in rows for rows in said_aside)), n)
            for s, n in scored
        ]
    if Steer.SAID in query.steers:
        # "what did UBS warn about": what a name asked about claims is what it said
        speakers = [e for e in query.entities if e not in query.fallbacks]
        claimed = index.claimed_among([n for _, n in scored], speakers)
        # what a speaker said about another thing asked ("edo segal say about getting
        # access to azure openai") is about it as surely as a fact of the attribute
        # the question names: that part, and the COVERAGE of a further part matched
        # (named by a word of its own: not "why", not kin)
        topic = max(
            (
                (w + COVERAGE) * asked[a]
                for a, w in query.attributes.items()
                if w >= ATTRIBUTE and a not in query.reasons
            ),
            default=0.0,
        )
        scored = [
            (
                s._replace(
                    value=s.value
                    + _said(query, named, mentions, n, c)
                    + (topic if _about_another(query, columns[n], mentions.get(n, {}), c) else 0.0)
                ),
                n,
            )
            if (c := claimed.get(n)) is not None
            else (s, n)
            for s, n in scored
        ]
    if Steer.FIRST in query.steers and not _answers_other_than_a_date(
        index, query, [n for _, n in scored], columns, mentions
    ):
        # the first of what was asked about: a fact matched by a name alone is no candidate
        bonus = earliest_bonus(index, [n for s, n in scored if not s.bare], columns)
        scored = [(s._replace(value=s.value + bonus.get(n, 0.0)), n) for s, n in scored]
    # Ties: what matched (entity, attribute, text), then newer first, by month (a
    # partial date "2023-11" cannot be ordered against a day of that month), then
    # store order; a fact matched by its entity alone (a bare name) in the store's
    # attribute order (specs before events), as ``show`` lists them.
    scored.sort(key=lambda sn: (columns[sn[1]].attribute if sn[0].bare else -1, sn[1]))
    scored.sort(key=lambda sn: columns[sn[1]].as_of[:7], reverse=True)
    scored.sort(key=lambda sn: (-sn[0].value, sn[0].rank, -sn[0].echoes))
    if Steer.EXPECTED in query.steers:
        # among the leading facts only (what is lifted stays above the rest): a
        # forecast or plan outranks what happened
        head = scored[:EXPECTED_HEAD]
        bonus = expected_bonus(index, [n for _, n in head])
        head = [(s._replace(value=s.value + bonus.get(n, 0.0)), n) for s, n in head]
        head.sort(key=lambda sn: (-sn[0].value, sn[0].rank, -sn[0].echoes))
        scored[:EXPECTED_HEAD] = head
    if len(compared) >= 2:
        # a fact that names every entity compared compares them itself: it comes first
        wanted = set(compared)
        named_in: dict[int, set[int]] = {}
        for row, entity, _, _ in mentioned:
            if entity in wanted:
                named_in.setdefault(row, set()).add(entity)
        both = {
            row
            for row, names in named_in.items()
            if len(names) + 1 >= len(wanted) and wanted <= names | {columns[row].entity}
        }
        # what to compare, named by words that neither ask nor compare ("transistors"),
        # is asked before how the two differ ("有什么不同": a fact naming both says it)
        aspects = [
            a
            for a, weight in query.attributes.items()
            if weight >= ATTRIBUTE and not _asks_or_compares(query.typed["attribute", a])
        ]
        scored = interleave(scored, columns, compared, both, lead=not aspects)
    top = scored[:limit]
    facts = index.facts_at([n for _, n in top])
    hits = [Hit(fact, score.value) for fact, (score, _) in zip(facts, top, strict=True)]
    explainer = Explainer(index, query)
    explained = []
    for _, n in top:
        said: list[tuple[str, int | str]] = []
        score_row(index, query, matches, n, columns[n], said)
        explained.append(explainer.match(said))
    shown = {columns[n].entity for _, n in top}
    fallbacks = {
        typed: index.entity_name(row) for row, typed in query.fallbacks.items() if row in shown
    }
    unmatched = [w for w, postings in zip(query.words, words, strict=True) if not postings]
    unmatched += [run for run, some in zip(query.cjk, seen, strict=True) if not some]
    # A fallback offered for nothing shown names nothing here either.
    unmatched += [t for row, t in query.fallbacks.items() if row not in shown]
    unmatched = list(dict.fromkeys(unmatched))
    matched = _matched(query, unmatched)
    ids = [index.entity_at(row).id for row in compared] if len(compared) >= 2 else []
    absent_named = [(index.entity_name(e), index.attribute_at(a).label) for e, a in absent]
    return Found(hits, explained, fallbacks, unmatched, matched, ids, absent_named, len(scored))


def _absent(
    index: SearchIndex,
    query: Query,
    columns: dict[int, "ScoringRow"],
    mentioned: list[tuple[int, int, float, bool]],
    read_whole: set[int],
) -> list[tuple[int, int]]:
    """The (entity, attribute) pairs the query names together that no fact answers:
    "h100 transistors" when the store has no transistor count of the H100. A fact
    of that attribute that mentions the entity, or is of something it makes,
    counts as an answer; an entity whose facts were not all read (a store with more
    than ``CAP`` of them) is never said to lack one."""
    entities = [
        entity
        for entity, weight in query.entities.items()
        if weight >= ENTITY_EXACT * QUALIFIER and entity in read_whole
        and entity not in query.fallbacks and entity not in query.makers.values()
    ]  # fmt: skip
    attributes = [
        a for a, weight in sorted(query.attributes.items(), key=lambda aw: -aw[1])
        if weight >= ATTRIBUTE
    ]  # fmt: skip
    # Only a query that is names and attributes and nothing else ("h100 transistors",
    # "H100 的代工厂"): other words may say what is asked better than the attribute
    # they were read as ("who leads the NIC project" is answered by its project lead).
    if not entities or not attributes or _beyond_names(query):
        return []
    # A name that is part of the attribute's label is no entity asked about: "CUDA"
    # in "h200 cuda cores" (CUDA cores is the attribute).
    labels = " ".join(fold(index.attribute_at(a).label) for a in attributes)
    entities = [e for e in entities if query.typed["entity", e] not in labels]
    # Any attribute the query was read as, however weakly, that a fact of the entity
    # has is an answer: "负责人" reads as role and, less, as project lead.
    answered = {row.entity for row in columns.values() if row.attribute in query.attributes}
    answered |= {
        entity for row, entity, _, _ in mentioned
        if row in columns and columns[row].attribute in query.attributes
    }  # fmt: skip
    return [(e, a) for e in entities if e not in answered for a in attributes[:1]]


def _beyond_names(query: Query) -> bool:
    """Whether the query says more than names and attributes ("h100 transistors",
    "H100 的代工厂" say no more): other words, numbers, a question (是多少, 吗, why)."""
    if query.words or query.cjk or query.numbers or query.steers:
        return True
    rest = fold(query.text)
    for typed in sorted(query.typed.values(), key=len, reverse=True):
        rest = rest.replace(typed, " ")
    return bool(_LINKS.sub("", rest))


def _orphan_words(
    index: SearchIndex,
    query: Query,
    columns: dict[int, "ScoringRow"],
    mentions: dict[int, dict[int, float]],
) -> list[tuple[str, dict[int, float]]]:
    """The (Latin) words read as an attribute that no fact of a name asked about has,
    each with the facts whose text holds it: there they are plain words
    ("openai acquisition target": OpenAI has no acquisition date nor performance
    target, and its plan to buy a chip company says "target"). A Chinese one (必须,
    问题) is in too many quotes to say anything as a plain word."""
    if not any(w >= ENTITY_EXACT * QUALIFIER for w in query.entities.values()):
        return []
    # a phrase is a plain word only if none of the attributes it was read as is answered
    said = {a: query.typed["attribute", a] for a, w in query.attributes.items() if w >= ATTRIBUTE}
    typed = set(said.values())
    for n, row in columns.items():
        if row.attribute in said and (row.entity in query.entities or n in mentions):
            typed.discard(said[row.attribute])
    words = {w for phrase in typed if not has_cjk(phrase) for w in phrase.split()}
    return [(w, word_postings(index, w)) for w in sorted(words) if not is_function_word(w)]


def _orphan_runs(
    index: SearchIndex,
    query: Query,
    columns: dict[int, "ScoringRow"],
    mentions: dict[int, dict[int, float]],
) -> list[tuple[str, dict[int, float], int]]:
    """The Chinese words read as an attribute that no fact of a name asked about has,
    each with the facts of those names whose quote holds it, and how many facts hold
    its rarest pair of characters: there it is a plain word ("OpenAI想收购的芯片公司":
    OpenAI bought nothing, but its plan says 收购), found among the names' own facts
    only, so that it lifts them and not another's fact that happens to say it."""
    named = {e for e, w in query.entities.items() if w >= ENTITY_EXACT * QUALIFIER}
    if not named:
        return []
    said = {
        a: query.typed["attribute", a]
        for a, w in query.attributes.items()
        if w >= ATTRIBUTE and has_cjk(query.typed["attribute", a])
    }
    typed = set(said.values())
    theirs = set()
    for n, row in columns.items():
        if row.entity in named or n in mentions:
            theirs.add(n)
            if row.attribute in said:
                typed.discard(said[row.attribute])
    found = []
    for phrase in sorted(typed):
        rows = echo_rows(index, phrase, theirs)
        pairs = pair_numbers(phrase)
        counts = index.term_counts("gram", pairs)
        if rows and pairs and len(counts) == len(pairs):
            postings = {r: 1.0 for r in rows if columns[r].attribute not in query.attributes}
            found.append((phrase, postings, min(counts.values())))
    return found


def _unanswered_reasons(query: Query, columns: dict[int, "ScoringRow"]) -> None:
    """Words asking why name the attributes that give a reason; where no name asked
    about has one of its own (a motive that mentions it is another's), it is only
    kin to what is asked, so that another's motive does not outrank the named
    one's own facts that match the rest ("OpenAI为什么想自研芯片": OpenAI's plans,
    not Microsoft's motive; "英伟达的芯片为什么这么贵": Nvidia's prices, not
    Microsoft's wish to depend less on Nvidia)."""
    named = [e for e, w in query.entities.items() if w >= ENTITY_EXACT * QUALIFIER]
    if not query.reasons or not named:
        return
    answered = {
        row.attribute
        for row in columns.values()
        if row.attribute in query.reasons and row.entity in named
    }
    for attribute in query.reasons - answered:
        query.attributes[attribute] = min(query.attributes[attribute], ATTRIBUTE * FAMILY)


def _said(
    query: Query, named: dict[int, float], mentions: dict[int, dict[int, float]], n: int, by: int
) -> float:
    """What a fact claimed by ``by``, a name asked what it said, earns beyond its
    score: STEER as surely as the name is rare ("微软说" may well mean a Microsoft
    executive), and what it said counts as its own, not as a mere mention ("what
    did edo segal say": his complaint, before his role)."""
    own = query.entities[by] * named[by]
    return STEER * named[by] + max(0.0, own - mentions.get(n, {}).get(by, own))


def _about_another(query: Query, row: "ScoringRow", mentions: dict[int, float], by: int) -> bool:
    """Whether a fact claimed by ``by`` is of no attribute asked and matched a name
    asked other than its claimant's: what the speaker said about something else."""
    if row.attribute in query.attributes:
        return False
    return (row.entity in query.entities and row.entity != by) or any(e != by for e in mentions)


def _asks_or_compares(phrase: str) -> bool:
    """Whether a (folded) phrase asks ("what", 什么) or compares ("different from", 区别)."""
    steers = steers_of_cjk(phrase) if has_cjk(phrase) else steers_of_words(phrase.split())
    return asks(phrase) or Steer.VERSUS in steers


def _possessed(query: Query) -> dict[int, int]:
    """The products the query names as its maker's, typed right after the maker
    ("nvidia's dgx cloud", 谷歌的TPU), each with that maker. Named apart (英伟达对H100
    产能的回应), the maker is a subject of its own, and its facts that name the
    product answer."""
    text = fold(query.text)
    found = {}
    for product, maker in query.makers.items():
        after = text.find(query.typed["entity", maker])
        if after < 0:
            continue
        rest = text[after + len(query.typed["entity", maker]) :]
        link = _OF.match(rest)
        # the product as typed may run from Latin into Chinese unspaced ("dgx 云": DGX云)
        typed = query.typed["entity", product].split()
        if "".join(rest[link.end() if link else 0 :].split()).startswith("".join(typed)):
            found[product] = maker
    return found


def _answers_other_than_a_date(
    index: SearchIndex,
    query: Query,
    rows: list[int],
    columns: dict[int, "ScoringRow"],
    mentions: dict[int, dict[int, float]],
) -> bool:
    """Whether the query names an attribute (exactly) whose values are no dates, and
    a fact of it about a name asked matched: "the codename of Microsoft's first chip"
    asks for a codename, not for the earliest date; of Amazon's (no codename is
    known), the first chip is the answer."""
    other = {
        row
        for row, weight in query.attributes.items()
        if weight >= ATTRIBUTE and index.attribute_types[row] != "date"
    }
    return bool(other) and any(
        columns[n].attribute in other and (columns[n].entity in query.entities or n in mentions)
        for n in rows
    )


def _matched(query: Query, unmatched: list[str]) -> list[str]:
    """The parts of the query that matched something, in the order typed."""
    parts = list(query.typed.values())
    parts += [number.text for number in query.numbers]
    parts += [*query.words, *query.cjk]
    text = fold(query.text)
    found = [p for p in dict.fromkeys(parts) if p not in unmatched]
    return sorted(found, key=lambda p: (text.find(p), p))


def _counts(index: SearchIndex, query: Query) -> tuple[list[int], list[bool]]:
    """How many facts carry each left-over word, then Chinese run (see ``rarity``): a
    word as counted at compile time, a run by its rarest pair of characters (no fact
    holding the run lacks that pair; a pair no fact holds: none). And for each run,
    whether any fact holds any pair of it (a run of which none is: no word we know)."""
    stored = index.term_counts("word", query.words)
    counts = [stored.get(word, 0) for word in query.words]
    seen = []
    for run in query.cjk:
        pairs = pair_numbers(run)
        found = index.term_counts("gram", pairs)
        counts.append(min(found.values()) if len(found) == len(pairs) else 0)
        seen.append(bool(found))
    return counts, seen
