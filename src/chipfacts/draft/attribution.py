"""What every candidate carries besides its value: status and claimed_by from
the sentence's cues (a named speaker claims, 知情人士 only reports), as_of from
the dates that govern the claim and the article's date, the decisions the
curator must make, and the quote (the clauses from the entity to the value,
verbatim, being a slice of the article).
"""

from __future__ import annotations

import re

from chipfacts.draft.candidates import Decision
from chipfacts.draft.reading import read_as_of, read_status
from chipfacts.draft.subject import CONDITIONAL, Subjects
from chipfacts.model.dates import PartialDate
from chipfacts.model.records import Attribute, Entity, Status, ValueType
from chipfacts.text.cues import Cue, CueKind
from chipfacts.text.when import Mention as DateMention

# A date that is the base a ratio is measured against (去年的3倍, 上一代的两倍).
# An analyst speaking (分析人士指出, 集邦科技分析师…表示, Bernstein analyst … said): the
# figure said is an estimate.
_ANALYST = re.compile(r"分析师|分析人士|分析机构|研究机构|调研机构|analysts?\b", re.IGNORECASE)
ANALYST_REACH = 16
_BASE_OF_RATIO = re.compile(r"的[^，,。；;]{0,6}倍$")


class Attribution(Subjects):
    """The status, speaker, as_of and quote of a claim."""

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
            if _BASE_OF_RATIO.match(self.article.folded, date.end, value_end):
                continue  # 今年…提高到去年的3倍: last year is what it is measured against
            clause = self.clause_of(date.start)
            rest = self.article.folded[clause.start : clause.end]
            alone = len(rest.strip(" ,，:：;；")) - (date.end - date.start) <= 6
            if clause == own or alone or clause in named:
                found.append(date)
        return found

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
        if (
            status in (Status.CLAIMED, Status.REPORTED)
            and cue is not None
            and cue.kind is CueKind.SPEECH
            and attribute.type is ValueType.NUMBER
            and _ANALYST.search(self.article.folded, max(0, cue.start - ANALYST_REACH), cue.start)
        ):
            status = Status.ESTIMATED  # 分析人士指出…约九成: an analyst's figure is an estimate
        if status is Status.CLAIMED and speaker is None:
            status = Status.REPORTED  # an unnamed speaker (业内人士) claims nothing in a name
        claimed_by = speaker if status is not Status.REPORTED else None
        hearsay = any(c.kind is CueKind.HEARSAY for c in reading.cues)
        if hearsay and cue is not None and cue.kind is not CueKind.SPEECH:
            # 知情人士称…还在测算: nobody named stands behind a leak's estimate
            claimed_by = None
            if status is Status.ESTIMATED:
                status = Status.REPORTED
        conditional = CONDITIONAL.match(self.article.folded, self.sentence.span.start)
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
