"""Who says what: speakers and estimators named before a speech cue (X 表示,
X 分析称; "UBS analysts estimated"), inside it (根据纳德拉的介绍) or after it
("according to the company"), or referred to (他称, 其表示), and a clause that only
names a speaker (苏姿丰称，) introducing the next, or in English closing the
sentence ("…, Dave Brown said in an interview.") after what was said.
"""

from __future__ import annotations

import re

from chipfacts.draft.context import PUNCTUATION, SentenceContext, behind
from chipfacts.draft.designations import PROPOSED_ROWS
from chipfacts.draft.sentences import Joined, Span, inside
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Entity
from chipfacts.text.cues import Cue, CueKind
from chipfacts.text.normalize import fold

# Speech cues a name must sit this close before to be their speaker (X 表示, X(Y)分析称).
SPEAKER_REACH = 8
_PRONOUN_BEFORE = re.compile(r"(?:他|她|其)\s*$")
# What ends an English sentence after its speaker ("…, Brown said."); a clause that
# only names its speaker may end in 。！？ too (“…。”他表示。: he said what came before).
ENGLISH_END = ".!?"
# The people of a company who speak for it, between its name and the speech word.
_SPEAKER_ROLE = re.compile(
    r"(?:'s|’s)?\s+(?:\w+\s+)?(?:analysts?|executives?|officials?|spokes(?:person|man|woman)|"
    r"researchers?|engineers?|managers?|people)\s+(?:(?:have|has|had)\s+)?"
)
# Where or when a speaker spoke, between the name and the speech word (施德文在接受本报
# 记者采访时说, 苏姿丰于发布会上表示).
_AT_AN_EVENT = re.compile(r"\s*(?:在|于)[^，,。；;：:“”「」]{1,16}?(?:时|上|中|期间|后)\s*")
# After an English speech word, where or how it was said, no claim: "said in an
# interview", "wrote in a note", "said on Tuesday".
_SAID_WHERE = re.compile(r"\s+(?:in|on|at|during|to|via|through)\b[^,;:]*$")
# "…, Kress told investors.", "told analysts on a call": whom it was told, no claim.
TOLD_WORDS = 4
_THE_COMPANY_BEFORE = re.compile(r"\b(?:the|that)\s+(?:company|firm)\s+$")
_THE_COMPANY = re.compile(r"\s+(?:the|that|this)\s+(?:company|firm)\b")
# 据该公司介绍, 根据这家公司的说法: the company, named before, inside the cue.
_THE_COMPANY_WITHIN = re.compile(r"(?:该|这家|此)公司")
# The kinds of entity that speak (a title or a product says nothing).
SPEAKERS = ("person", "company", "government")
# What makes a name an analyst's, whose figures are of what it studies, not its own:
# its trade before it (市场研究机构凯睿咨询, 研调机构, "research firm"; not 人工智能研究
# 公司, a lab) or the end of its name (…咨询, …投顾, "… Insights"; not …研究院, a lab,
# nor "… Research": Lam Research makes tools).
_ANALYST_BEFORE = re.compile(
    r"(?:研究|调研|调查|市调|研调|咨询|分析)机构\s*$|(?:市场研究|市场调研|咨询|顾问|调研)公司\s*$"
    r"|(?:投行|券商|投顾)\s*$"
    r"|\b(?:(?:market\s+)?research|analyst|consulting|advisory)\s+(?:firm|house)\s+$"
    r"|\b(?:consultancy|market\s+researcher)\s+$"
)
_ANALYST_NAME = re.compile(
    r"(?:咨询|投顾|证券|顾问)$|\b(?:insights|analytics|consulting|securities)$"
)
# An analyst's data or report after its name (Dell'Oro Group的数据显示, 集邦最新报告指出).
_REPORTED_AFTER = re.compile(
    r"\s*(?:的)?\s*(?:最新)?\s*(?:统计)?\s*(?:数据|报告|统计|研究|调查|调研)(?:报告)?\s*"
    r"(?:显示|指出|称|表明|预测|预估|估计)"
)
# Data tracked or counted by the one named before (Semi Ledger追踪的数据显示): another's
# figures it reports, not its own.
_TRACKED_AFTER = re.compile(
    r"\s*(?:追踪|跟踪|统计|监测|汇总|整理|调查)的?\s*(?:最新)?\s*(?:数据|报告|统计|结果)\s*"
    r"(?:显示|指出|表明)"
)
# An announcer's verb between its name and what it announces the figures of, a time or
# its gloss between (印度电子和信息技术部（MeitY）21日公布“印度人工智能使命”).
_ANNOUNCES = re.compile(
    r"[)）]?\s*[^，,。；;：:“”「」（(]{0,8}?(?:公布|发布|公示|揭晓|披露|通报|宣布)了?\s*(?:[“「《]\s*)?"
)
# …and, after what is announced, the noun of its results (…第二轮GPU算力服务招标结果,
# …的最新数据): figures of that thing, not the announcer's own.
_RESULTS_AFTER = re.compile(
    r"[”」》]?(?:\s*[（(][^）)]{1,40}[)）])?[^，,。；;：:“”「」]{0,20}?"
    r"(?:结果|数据|名单|报告|细节|进展|情况|统计)"
)
# The kinds of thing whose results an announcer gives: a programme's, a site's.
_ANNOUNCED_KINDS = ("project", "cluster")
# How far a research firm's name may stand before its analyst's (资深分析师, 首席分析师,
# 负责数据中心基础设施的分析师).
ANALYST_TITLE = 24
# Those of what the curators keep as the store's or the industry's known names.
ANALYSTS = frozenset(
    {
        "trendforce", "idc", "gartner", "counterpoint", "omdia", "semianalysis",
        "techinsights", "dell-oro-group", "bernstein", "ubs", "morgan-stanley",
        "goldman-sachs", "jpmorgan", "citi", "bank-of-america", "jefferies",
    }
)  # fmt: skip


def _known_analyst(entity: Entity) -> bool:
    """Whether ``entity`` is an analyst by itself: one of ``ANALYSTS``, or a name
    ending as an analyst's does (凯睿咨询, "… Insights")."""
    return entity.id in ANALYSTS or any(
        _ANALYST_NAME.search(fold(n)) for n in (entity.name, *entity.aliases)
    )


class Speakers(SentenceContext):
    """The speakers of a sentence."""

    def speakers(self) -> set[int]:
        """Entity rows named as a speaker or estimator (X 表示, X 分析称), an analyst's
        forecast (凯睿咨询预测) or data (Dell'Oro Group的数据显示) too."""
        rows = set()
        for cue in self.sentence.cues:
            if cue.kind in (CueKind.SPEECH, CueKind.ESTIMATE, CueKind.FORECAST):
                before = [m for m in self.sentence.entities if m.end <= cue.start]
                speaker = self.speaker_before(before, cue)
                if speaker is not None and (
                    cue.kind is not CueKind.FORECAST or self.is_analyst(speaker)
                ):
                    rows.add(speaker.row)
                rows.update(
                    m.row
                    for m in self.sentence.entities
                    if cue.start <= m.start and m.end <= cue.end
                )
        rows.update(m.row for m in self.sentence.entities if self.reports_data(m))
        return rows

    def analysts_employing(self, speakers: set[int]) -> set[int]:
        """Rows of the research firms whose analyst speaks in the sentence, the firm
        named right before its analyst (集邦科技分析師李彥廷表示, "Counterpoint Research
        analyst Arjun Mehta estimated"): the figure is of what the analyst studies."""
        named = self.sentence.entities
        return {
            firm.row
            for firm, after in zip(named, named[1:], strict=False)
            if after.row in speakers
            and self.store.entity_at(after.row).kind == "person"
            and after.start - firm.end <= ANALYST_TITLE
            # (a space stands between the words of English: "Counterpoint analyst Ivan Lam")
            and not any(
                p in self.article.folded[firm.end : after.start]
                for p in PUNCTUATION.replace(" ", "")
            )
            and self.is_analyst(firm)
        }

    def announcers(self) -> set[int]:
        """Rows of those who announce the results of another thing the sentence names
        (MeitY 21日公布“印度人工智能使命”…招标结果，…合计承诺提供18693张GPU): the
        figures after are the thing's, as a speaker's are what it speaks of (not 台积电公布
        第三季度财报, its own)."""
        folded, named = self.article.folded, self.sentence.entities
        return {
            announcer.row
            for announcer, thing in zip(named, named[1:], strict=False)
            if announcer.row != thing.row
            # (a programme or a site, not a partner: 英伟达披露OpenAI合作细节 is Nvidia's)
            and self.store.entity_at(thing.row).kind in _ANNOUNCED_KINDS
            and _ANNOUNCES.fullmatch(folded, announcer.end, thing.start)
            and _RESULTS_AFTER.match(folded, thing.end)
        }

    def is_analyst_firm(self, entity: Entity) -> bool:
        """Whether ``entity`` is a research firm (``ANALYSTS``, the end of its name, or
        its trade before it where the sentence names it): what it counts and forecasts
        is of others, never a figure of its own."""
        return entity.kind == "company" and (
            _known_analyst(entity)
            or any(
                self.is_analyst(m)
                for m in self.sentence.entities
                if self.store.entity_at(m.row).id == entity.id
            )
        )

    def reports_data(self, mention: Mention) -> bool:
        """Dell'Oro Group的数据显示, 集邦最新报告指出: an analyst whose data or report the
        figures are from (a company's own data, 台积电的数据显示, are its own)."""
        folded = self.article.folded
        if _TRACKED_AFTER.match(folded, mention.end) and (
            self.is_analyst(mention) or mention.row >= PROPOSED_ROWS
        ):
            # Semi Ledger追踪的数据显示: the data of one the article introduces as tracking
            # others' (a company the store has, 美光整理的数据显示, gives its own)
            return True
        found = _REPORTED_AFTER.match(folded, mention.end) is not None
        return found and self.is_analyst(mention)

    def is_analyst(self, mention: Mention) -> bool:
        """Whether a name is an analyst's or a research firm's (``ANALYSTS``, its trade
        before it, the end of its name)."""
        folded = self.article.folded
        return (
            _known_analyst(self.store.entity_at(mention.row))
            or _ANALYST_BEFORE.search(folded, behind(mention.start), mention.start) is not None
        )

    def speaker_entity(self, cue: Cue | None, zero_subject: bool = True) -> Entity | None:
        if cue is None:
            return None
        within = [
            m for m in self.sentence.entities if inside(m.start, m.end, Span(cue.start, cue.end))
        ]
        if within:  # 根据纳德拉的介绍: the speaker inside the cue
            return self.store.entity_at(within[0].row)
        if _THE_COMPANY_WITHIN.search(self.article.folded, cue.start, cue.end):
            # 据该公司介绍: the company the story is on
            before = [m for m in self.sentence.entities if m.end <= cue.start]
            return self.last_of_kind(Joined(self.earlier, before), "company")
        before = [m for m in self.sentence.entities if m.end <= cue.start]
        if cue.word.lower() == "according to":
            return self.source_named_after(cue, before)
        speaker = self.speaker_before(before, cue)
        if speaker is not None:
            return self.store.entity_at(speaker.row)
        if _THE_COMPANY_BEFORE.search(self.article.folded, behind(cue.start), cue.start):
            # "…, the company said.": the company the story is on
            return self.last_of_kind(Joined(self.earlier, before), "company")
        if _PRONOUN_BEFORE.search(self.article.folded, behind(cue.start), cue.start):
            # 他称, 其表示: the pronoun stands for the last person named
            return self.last_of_kind(Joined(self.earlier, before), "person")
        clause = self.clause_of(cue.start)
        if zero_subject and not any(inside(m.start, m.end, clause) for m in before):
            # 曾聲稱 opening a clause that names nobody: the sentence's subject said it
            subjects = [
                self.store.entity_at(m.row)
                for m in before
                if not self.is_object(m) and self.store.entity_at(m.row).kind in SPEAKERS
            ]
            return subjects[0] if subjects else None
        return None

    def speaker_before(self, before: list[Mention], cue: Cue) -> Mention | None:
        """The name of those ``before`` a speech cue that speaks there: the last, close
        to it, or one whose words of where it spoke hold the names after it (黄仁勋在
        接受彭博社采访时表示, 苏姿丰在台积电技术论坛上表示: Huang and Su speak)."""
        folded = self.article.folded
        at_an_event = next(
            (m for m in before[:-1] if _AT_AN_EVENT.fullmatch(folded, m.end, cue.start)), None
        )
        if at_an_event is not None:
            return at_an_event
        return before[-1] if before and self.speaks_at(before[-1], cue) else None

    def speaks_at(self, mention: Mention, cue: Cue) -> bool:
        """Whether the name right before a speech cue is its speaker: close to it (X
        表示), or in English with the speaker's role between ("UBS analysts estimated")."""
        between = self.article.folded[mention.end : cue.start]
        return (
            len(between) <= SPEAKER_REACH
            or _SPEAKER_ROLE.fullmatch(between) is not None
            or _AT_AN_EVENT.fullmatch(between) is not None
        )

    def source_named_after(self, cue: Cue, before: list[Mention]) -> Entity | None:
        """Whom "according to" names: the name right after it, or for "the company"
        the company the sentence is about (its first that is no object nor possessor),
        else the last one named."""
        folded = self.article.folded
        for mention in self.sentence.entities:
            between = folded[cue.end : mention.start].split()
            if mention.start >= cue.end and between in ([], ["the"]):
                return self.store.entity_at(mention.row)
        if not _THE_COMPANY.match(folded, cue.end):
            return None
        for mention in before:
            entity = self.store.entity_at(mention.row)
            if entity.kind == "company" and not (
                self.is_object(mention) or self.is_possessor(mention)
            ):
                return entity
        return self.last_of_kind(Joined(self.earlier, before), "company")

    def last_speaker(self) -> Entity | None:
        """Who speaks or estimates in this sentence, named (for the next sentence)."""
        for cue in reversed(self.sentence.cues):
            if cue.kind in (CueKind.SPEECH, CueKind.ESTIMATE):
                speaker = self.speaker_entity(cue)
                if speaker is not None:
                    return speaker
        return None

    def speech_at(self, word: Mention) -> Cue | None:
        """The speech cue (表示, 称) a word is part of, if any."""
        for cue in self.sentence.cues:
            if cue.kind is CueKind.SPEECH and cue.start < word.end and word.start < cue.end:
                return cue
        return None

    def closing_speech(self) -> Cue | None:
        """The speech word of an English sentence's last clause when that clause only
        names the speaker ("…, Dave Brown, a vice president, said.", and a Chinese
        quotation's “…”他表示。): the speaker of the clauses before it, when named
        ("the people said" names nobody)."""
        clauses, span = self.sentence.clauses, self.sentence.span
        folded = self.article.folded
        # “…。”赵启明表示。: a quotation, then who said it (one sentence, ``sentences``)
        quoted = folded.startswith(("“", "「"), span.start)
        if len(clauses) < 2 or not (quoted or folded[span.start : span.end].isascii()):
            return None
        cue = self.speech_alone(clauses[-1])
        if cue is None or self.closing_speaker(cue) is None:
            return None
        return cue

    def closing_speaker(self, cue: Cue) -> Entity | None:
        """Who speaks in a clause that only says who said what came before: the one
        named by the cue, or the first person or company the clause names
        (赵启明在本周的一场论坛上表示)."""
        clause = self.clause_of(cue.start)
        named = [
            self.store.entity_at(m.row)
            for m in self.sentence.entities
            if inside(m.start, m.end, clause)
        ]
        # 火山引擎总裁赵启明: the person, not the company of the title
        people = [e for e in named if e.kind == "person"]
        if people:
            return people[0]
        found = self.speaker_entity(cue, zero_subject=False)
        if found is not None:
            return found
        return next((e for e in named if e.kind in SPEAKERS), None)

    def only_names(self, clause: Span) -> bool:
        """Whether the clause holds nothing but names (' Dave Brown,'): no claim."""
        folded = self.article.folded
        rest = list(folded[clause.start : clause.end])
        for mention in self.sentence.entities:
            if inside(mention.start, mention.end, clause):
                rest[mention.start - clause.start : mention.end - clause.start] = [" "] * (
                    mention.end - mention.start
                )
        return not any(ch.isalnum() for ch in rest)

    def hearsay_alone(self, clause: Span) -> bool:
        """An English clause that only says the claim before it is hearsay ("…, two
        sources familiar with the deal said."): no claim of its own."""
        folded = self.article.folded
        if not folded[clause.start : clause.end].isascii():
            return False
        return any(
            c.kind is CueKind.HEARSAY
            and inside(c.start, c.end, clause)
            and not folded[c.end : clause.end].rstrip(PUNCTUATION + ENGLISH_END).strip()
            for c in self.sentence.cues
        )

    def speech_alone(self, clause: Span) -> Cue | None:
        """The speech word a clause ends with, when what was said follows in the next
        clause (苏姿丰在发布会上称，…) or, in English, came in the clause before
        ("…, the people said."): the clause is its speaker, not a claim."""
        for cue in self.sentence.cues:
            spoken = cue.kind in (CueKind.SPEECH, CueKind.ESTIMATE)
            if spoken and inside(cue.start, cue.end, clause):
                rest = self.article.folded[cue.end : clause.end].rstrip()
                rest = rest.rstrip(PUNCTUATION + ENGLISH_END + "。！？")
                told = cue.word.lower() in ("told", "tells") and len(rest.split()) <= TOLD_WORDS
                if (
                    not rest.strip(PUNCTUATION)
                    or cue.word.isascii()
                    and (_SAID_WHERE.match(rest) is not None or told)
                ):
                    return cue
        return None
