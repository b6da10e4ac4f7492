"""The lint's rules: a fact's fields against the cue words of its sentence.

Each check takes one fact and one of its references (a source, a quote, a date)
with the sentence around that quote, so a fact with several references is
checked once per reference. The store-wide rules (contradictions) look at all
facts at once. Every finding names its rule and the field it is about.

Which cues count where:
- a sentence's attribution (hearsay, a speaker) covers the whole sentence up to
  the end of the quote;
- time, forecast and plan words count from the start of the quote's clause to
  the end of the quote (微软计划… leads into it), outside quotation marks;
- a bound word counts when a number follows it closely (约 5, 超过 10, 数万)
  or precedes it (10 个以上, 20% 左右), inside the quote.
"""

# No `from __future__ import annotations`: typing.NamedTuple would compile each
# string annotation into a ForwardRef on every start-up.

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from chipfacts.lint.passage import Names, Passage, comparable
from chipfacts.model.lint import Rule
from chipfacts.model.records import Bound, Fact, Reference, Status, ValueType
from chipfacts.text.cues import AFTER_THE_NUMBER, Cue, CueKind
from chipfacts.views.conflicts import conflicts_among, period


class Finding(NamedTuple):
    """One disagreement: the rule, the fact, the field to look at, and why."""

    rule: Rule
    fact: str
    field: str
    message: str


def check_reference(fact: Fact, ref: Reference, passage: Passage, names: Names) -> list[Finding]:
    """Every rule about one fact and one of its references."""
    found: list[Finding] = []
    for check in (_past, _hearsay, _forecast, _plan, _speaker, _bounds):
        found.extend(check(fact, ref, passage, names))
    return found


# --- time -------------------------------------------------------------------------

# 从去年开始, 自去年以来: a span reaching the article's date, not a past moment.
_SINCE = re.compile(r"以来|开始")
# 继去年公布AI芯片后: the past event is the "after" clause, not the fact.
_AFTER = re.compile(r"后")


def _past(fact: Fact, ref: Reference, passage: Passage, names: Names) -> Iterator[Finding]:
    # Earlier: ending before the article's date ends (a day of its month is earlier
    # than an article dated by month alone; its own month or year is not).
    if period(ref.as_of).high < period(ref.source.published).high:
        return
    for cue in passage.leading():
        if cue.kind is not CueKind.PAST:
            continue
        start, end = passage.clause_of(cue.start)
        after = comparable(passage.text[cue.end : end])
        before = comparable(passage.text[max(start, cue.start - 2) : cue.start])
        if _SINCE.search(after) or "从" in before or "自" in before or _AFTER.search(after):
            continue
        # 在 X 之前 ("before X"), not 之前 ("earlier").
        if comparable(cue.word) == "之前" and "在" in passage.text[start : cue.start]:
            continue
        yield Finding(
            Rule.PAST,
            fact.id,
            "as_of",
            f"{cue.word!r} says the statement predates the article ({ref.source.published}), "
            f"but as_of is {ref.as_of}",
        )
        return


# --- who says it ------------------------------------------------------------------


def _hearsay(fact: Fact, ref: Reference, passage: Passage, names: Names) -> Iterator[Finding]:
    claimed = fact.claimed_by
    if claimed is None or claimed.kind != "company":
        return
    cues = [c for c in passage.cues if c.kind is CueKind.HEARSAY and c.start < passage.quote_end]
    if cues and not _speaks_for(claimed.id, passage, names):
        yield Finding(
            Rule.HEARSAY,
            fact.id,
            "claimed_by",
            f"{cues[0].word!r}: nobody named stands behind the sentence, "
            f"yet the fact is claimed by {claimed.id!r}",
        )


def _speaks_for(company: str, passage: Passage, names: Names) -> bool:
    """Whether the sentence has the company speak: itself (its spokesperson, its
    statement: 微软发言人在声明中表示), or a person named with it (微软CEO纳德拉表示)."""
    for cue in passage.cues:
        if cue.kind is not CueKind.SPEECH or cue.start >= passage.quote_end:
            continue
        who = speakers(passage, cue, names)
        if company in who:
            return True
        start, _ = passage.clause_of(cue.start)
        named = {m.entity.id for m in names.mentions(passage.text[start : cue.start])}
        if who and company in named:
            return True
    return False


# After a name, these do not make it the speaker: "a Microsoft customer said",
# "Microsoft's chip".
_NOT_SUBJECT = re.compile(r"[的之]|客户")


def speakers(passage: Passage, cue: Cue, names: Names) -> list[str]:
    """Who a speech cue has speaking: the people named in its clause before it (or
    inside it, 根据纳德拉的介绍), else the companies; [] when nobody is named."""
    start, _ = passage.clause_of(cue.start)
    people: list[str] = []
    companies: list[str] = []
    for mention in names.mentions(passage.text[start : cue.end]):
        after = comparable(passage.text[start + mention.end : start + mention.end + 2])
        if start + mention.end <= cue.start and _NOT_SUBJECT.match(after):
            continue
        chosen = people if mention.entity.kind == "person" else companies
        chosen.append(mention.entity.id)
    return people or companies


# 没有正面回应 ("gave no direct answer"): a verb of speech that says nobody spoke.
_NEGATED = re.compile(r"(?:没有|没|未|不)[^，,。]{0,2}$")


def _speaker(fact: Fact, ref: Reference, passage: Passage, names: Names) -> Iterator[Finding]:
    speech = (CueKind.SPEECH, CueKind.ESTIMATE)
    # The cue that governs the quote: the last before its end, with the quote
    # reaching past it (a quote that stops at the verb is the speaker's title).
    governing = [
        c
        for c in passage.cues
        if c.kind in speech
        and c.start < passage.quote_end
        and not _NEGATED.search(comparable(passage.text[max(0, c.start - 4) : c.start]))
    ]
    if not governing or passage.quote_end <= governing[-1].end:
        return
    cue = governing[-1]
    who = speakers(passage, cue, names)
    if not who:
        return
    claimed = fact.claimed_by.id if fact.claimed_by is not None else None
    if claimed not in who:
        named = " or ".join(repr(w) for w in who)
        has = repr(claimed) if claimed else "nobody"
        yield Finding(
            Rule.SPEAKER,
            fact.id,
            "claimed_by",
            f"{cue.word!r} has {named} speaking, but the fact is claimed by {has}",
        )


# --- status -------------------------------------------------------------------------


# 即将推出的 MI300X ("the upcoming MI300X"): a forecast naming a thing, not the fact's.
_NAMING = re.compile(r"[^，,。]{0,3}的")


def _forecast(fact: Fact, ref: Reference, passage: Passage, names: Names) -> Iterator[Finding]:
    if fact.status is not Status.REPORTED or fact.doubt is not None:
        return
    for cue in passage.leading():
        if cue.kind is CueKind.FORECAST and not _NAMING.match(passage.text, cue.end):
            yield Finding(
                Rule.FORECAST,
                fact.id,
                "status",
                f"{cue.word!r} makes it a forecast, but the status is reported (and no doubt)",
            )
            return


# 计划 as a noun: "the chip plan", "a plan of", "plan, …".
_PLAN_NOUN_AFTER = re.compile(r"[的，,。、是屡曾也就进)）”]|$")
_PLAN_NOUN_BEFORE = re.compile(r"[的片研购发]$")


def _plan(fact: Fact, ref: Reference, passage: Passage, names: Names) -> Iterator[Finding]:
    if fact.status is Status.PLANNED:
        return
    for cue in passage.leading():
        if cue.kind is not CueKind.PLAN:
            continue
        after = comparable(passage.text[cue.end : cue.end + 1])
        before = comparable(passage.text[max(0, cue.start - 1) : cue.start])
        if _PLAN_NOUN_AFTER.match(after) or _PLAN_NOUN_BEFORE.search(before):
            continue
        yield Finding(
            Rule.PLAN,
            fact.id,
            "status",
            f"{cue.word!r} states an intention, but the status is {fact.status.value}",
        )
        return


# --- numbers ------------------------------------------------------------------------

_NUMBER_AHEAD = re.compile(r"[^，,。；;：:]{0,8}?[0-9一二两三四五六七八九十百千万亿半几数]")
_BOUNDS = {
    CueKind.ABOUT: (Rule.ABOUT, {Bound.ABOUT}),
    CueKind.MORE_THAN: (Rule.LOWER, {Bound.MORE_THAN, Bound.AT_LEAST}),
    CueKind.AT_LEAST: (Rule.LOWER, {Bound.MORE_THAN, Bound.AT_LEAST}),
    CueKind.VAGUE: (Rule.LOWER, {Bound.MORE_THAN, Bound.AT_LEAST}),
    CueKind.AT_MOST: (Rule.UPPER, {Bound.AT_MOST, Bound.LESS_THAN}),
    CueKind.LESS_THAN: (Rule.UPPER, {Bound.AT_MOST, Bound.LESS_THAN}),
}


def _bounds(fact: Fact, ref: Reference, passage: Passage, names: Names) -> Iterator[Finding]:
    if fact.attribute.type is not ValueType.NUMBER:
        return
    for cue in passage.in_quote():
        if cue.kind not in _BOUNDS:
            continue
        word = comparable(cue.word).strip()
        if word not in AFTER_THE_NUMBER and cue.kind is not CueKind.VAGUE:
            if not _NUMBER_AHEAD.match(comparable(passage.text[cue.end : passage.quote_end])):
                continue
        rule, allowed = _BOUNDS[cue.kind]
        if fact.bound not in allowed:
            wanted = " or ".join(sorted(b.value for b in allowed))
            yield Finding(
                rule,
                fact.id,
                "bound",
                f"{cue.word.strip()!r} at the number makes it {wanted}, not {fact.bound.value}",
            )
            return


# --- the store as a whole ------------------------------------------------------------


def _names_other(fact: Fact, other: Fact) -> bool:
    return fact.note is not None and other.id in fact.note


def check_conflicts(facts: Iterable[Fact]) -> Iterator[Finding]:
    """Facts the store itself contradicts, with neither a doubt nor a note naming the other."""
    for conflict in conflicts_among(facts):
        for pair in conflict.disagreements:
            first, second = pair.first, pair.second
            if first.doubt or second.doubt:
                continue
            if _names_other(first, second) or _names_other(second, first):
                continue
            yield Finding(
                Rule.CONFLICT,
                first.id,
                "note",
                f"{second.id!r} disagrees ({pair.reason()}): add a doubt, or name it in the note",
            )


# Two characters of content shared by a denial and a fact: 客户 in 否认了将向云计算客户
# 供货的传闻 and 为云客户提供. Grammar words make no content, and neither do words
# every fact about a chip holds (芯片) or the entity's own names.
_GRAMMAR = set("的了将向在和与及对为是也都就而并其这那之于把被给从到以会能可要有已还再又所")
_GENERIC = {"芯片", "公司", "产品", "技术", "市场", "传闻", "消息", "报道"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def _content_pairs(text: str) -> set[str]:
    folded = comparable(text)
    return {
        folded[i : i + 2]
        for i in range(len(folded) - 1)
        if all(_CJK.match(c) and c not in _GRAMMAR for c in folded[i : i + 2])
    } - _GENERIC


class Denial(NamedTuple):
    fact: Fact
    denied: str  # the words after 否认, to the end of their clause


def denial_in(fact: Fact, passage: Passage) -> Denial | None:
    """The denial a fact records: its quote holds 否认 and what it denies."""
    for cue in passage.in_quote():
        if cue.kind is CueKind.DENIAL and comparable(cue.word) == "否认":
            _, end = passage.clause_of(cue.end)
            return Denial(fact, passage.text[cue.end : end])
    return None


def check_denials(
    denials: Iterable[Denial], facts: Iterable[tuple[Fact, Passage]]
) -> Iterator[Finding]:
    """Forecasts, plans and reports of the denied thing, dated before the denial,
    that carry no doubt and no note naming it."""
    foreseen = (Status.FORECAST, Status.PLANNED, Status.REPORTED)
    listed = list(facts)
    for denial in denials:
        entity = denial.fact.entity
        own = set().union(*(_content_pairs(n) for n in (entity.name, *entity.aliases)))
        pairs = _content_pairs(denial.denied) - own
        for fact, passage in listed:
            if (
                fact.id == denial.fact.id
                or fact.entity.id != denial.fact.entity.id
                or fact.status not in foreseen
                or fact.as_of >= denial.fact.as_of
                or fact.doubt is not None
                or _names_other(fact, denial.fact)
            ):
                continue
            quote = passage.text[passage.quote_start : passage.quote_end]
            if pairs & _content_pairs(quote):
                yield Finding(
                    Rule.DENIED,
                    fact.id,
                    "doubt",
                    f"{denial.fact.id!r} denies it: add a doubt, or name the denial in the note",
                )
