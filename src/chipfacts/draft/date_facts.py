"""Dates into candidates: each date (``when.find_dates``) in a clause holding a
date attribute's word (推出, 收购, 始于…) becomes that attribute's fact, unless
it dates a statement (瑞银8月表示); in a clause with none, the date of an event
news prose names (成立, 出货, 投片) is proposed with a new attribute.
"""

from __future__ import annotations

import re

from chipfacts.draft.attribution import Attribution
from chipfacts.draft.candidates import Candidate, Decision
from chipfacts.draft.context import PUNCTUATION, behind
from chipfacts.draft.cuewords import CLUSTER_FIGURES, SUBJECTS_EVENTS, VALUE_CUES, applies_to
from chipfacts.draft.references import DEMONSTRATIVE
from chipfacts.draft.sentences import Span, inside
from chipfacts.draft.subject import AT_A_PLACE
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Attribute, Bound, Entity, ValueType
from chipfacts.text.cues import CueKind
from chipfacts.text.when import Mention as DateMention

# What is left of a clause of who announced and when (国网中心今（23）日宣布).
_ANNOUNCED = re.compile(r"[\s，,:：()（）]*(?:正式)?(?:宣布|公布|表示|称|透露|指出)[\s，,:：]*")
# An announcing word right after a date (13日宣布): the date of the announcement.
_ANNOUNCING = re.compile(r"\s*(?:正式)?(?:宣布|公布|发布公告|披露)")
# A speech word this close after a date (瑞银8月表示) makes it the statement's date.
STATED_REACH = 2
# A clause with no more than this beside its date (早在2020年，自 2022 年末，) is the date
# of the clause after it.
DATE_ALONE = 3
# A condition (若, 如果, 一旦, "if"): 若 opening a clause, after 但 or 而, or before what
# would happen (寒武纪若明年…); not 林若溪, a name, nor 若干.
_IF = re.compile(
    r"(?:^|(?<=[，,；;：:“「\s但而则且]))若(?!干)"
    r"|若(?=明年|今年|后年|[上下]半年|能|是|要|无法|不|未|按|以|在|如期|顺利|进一步|持续|再|一切)"
    r"|如果|一旦|倘若|假如|假设|\b(?:if|unless)\b"
)
# A time zone or an aside in brackets beside a date (当地时间周三（1月21日）).
_ZONE_OR_ASIDE = re.compile(
    r"(?:当地|北京|美西|美东|美国|台北|东部|西部|太平洋)时间|[（(][^（）()]{0,12}[)）]"
)
# A clause ending with an event where things are launched (召开发布会, 舉行的年度大會上).
_GATHERING_ENDS = re.compile(
    r"(?:发布会|发表会|大会|峰会|年会|开发者大会|博览会|展会)(?:上|中)?[\s，,]*$"
)
DATE_CONFIDENCE = 0.7
# The words between an English speech word and the date it was said on: "told
# analysts in", "said on", "said late on".
_SAID_WHEN = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:in|on|at|late on|early on)\s+(?:the\s+)?")
# Events news prose dates that a store may have no attribute for, with the id
# proposed for each (folded: Simplified).
_EVENTS = {
    "成立|创立|创办": "founded", "出货": "shipment_start", "量产": "mass_production_start",
    "投产|(?:开始|启动)[^，,。]{0,5}生产": "production_start", "投片|流片": "tape_out",
    "上市|挂牌": "listing", "开售": "sales_start", "交付": "delivery_start",
    "启动|立项|开工|动工": "development_start",
    "投入运营|投运|正式运营|开始运营": "deployment", "送样|出样": "sampling",
    "(?:递交|提交|公开)[^，,。]{0,12}(?:招股书|上市申请)": "ipo_filed",
    # the same events in English news prose (folded: lower case), as whole words
    r"(?<![a-z])(?:initial public offering|went public|ipo)(?![a-z])": "listing",
    r"(?<![a-z])(?:was founded|founded(?= in \d))(?![a-z])": "founded",
    r"(?<![a-z])(?:began|started) shipping(?![a-z])": "shipment_start",
    r"(?<![a-z])(?:mass|volume) production(?![a-z])": "mass_production_start",
    r"(?<![a-z])(?:taped out|tape-out)(?![a-z])": "tape_out",
}  # fmt: skip
# not the noun of a quantity (今年的出货量: how many, not when), nor a verb whose
# object is one (第三季出货约2万颗: how many it shipped then, not when it began) or
# whose growth is told (出货季增逾五成)
# A count or a share: digits, then a magnitude, a counter or a per cent (2万颗, 1,200台,
# 30%; not 2纳米, 3nm).
_COUNT = r"[\d.,]+\s*(?:[万亿千百%成]|颗|块|片|张|台|套|枚|个|柜|座|units?\b|chips?\b)"
_EVENT_VERB = re.compile(
    "|".join(
        f"(?P<e{at}>(?:{verbs})"
        # (出货规模, 出货中的市占率, 出货上看6万柜, 出货量有望达到2万张: a figure's, no event;
        # not 交付中国客户)
        f"(?![量额数]|规模|中的|占比|占有|比重|[季月年][增减]"
        f"|(?:约|近|超过|逾|了|达到?|将近|接近|至少|上看|有望|可望|将|预计|突破|\\s)*{_COUNT}))"
        for at, verbs in enumerate(_EVENTS)
    )
)
_EVENT_IDS = list(_EVENTS.values())
# A clause describing the name before it: an article, then the description.
_APPOSITIVE = re.compile(r"[\s,]*(?:a|an)\s")
APPOSITIVE_GAP = 2  # ", " between the name and its description
# The event founded a company; the others happen to what it makes (灵犀100…完成流片).
_A_PRODUCTS = {"chip", "nic", "product", "cluster", "model"}


class DateFacts(Attribution):
    """Date facts."""

    def dates_a_statement(self, date: DateMention, word: Mention) -> bool:
        """瑞银8月表示, 早在10月初就有媒体剧透…将发布: a date right before a speech or
        hearsay word, or with one between it and the event, says when it was said."""
        reported = [c for c in self.sentence.cues if c.kind in (CueKind.SPEECH, CueKind.HEARSAY)]
        folded = self.article.folded
        if word.end <= date.start and _ANNOUNCING.match(folded, date.end):
            return True  # 成立不到两年的…公司13日宣布完成募资: the day it announced, no founding
        return any(
            0 <= c.start - date.end <= STATED_REACH
            or date.end <= c.start < word.start
            # "told analysts in June that…", "said on Thursday": English dates the
            # saying just after its word
            or c.word.isascii()
            and _SAID_WHEN.fullmatch(folded, c.end, date.start) is not None
            for c in reported
        )

    def with_next(self, clause: Span) -> Span:
        """``clause`` and the clause after it in the sentence, if there is one."""
        following = [c for c in self.sentence.clauses if c.start >= clause.end][:1]
        return Span(clause.start, following[0].end) if following else clause

    def announces(self, clause: Span, date: DateMention) -> bool:
        """A clause that ends with when it was announced (国网中心今（23）日宣布，…正式
        上线): the date is the news of the clause after it."""
        return _ANNOUNCED.fullmatch(self.article.folded, date.end, clause.end) is not None

    def event_between(self, start: int, end: int) -> bool:
        """Whether a date attribute's word or an event news prose dates comes between
        ``start`` and ``end`` ("the 2-nanometer process will enter volume production in
        the second half": the date is the event's, not the figure's period)."""
        # news prose's words for an event (ship, took effect), not every synonym
        # ("more than it bought this year" dates no acquisition)
        words = self.attribute_words(Span(start, end), ValueType.DATE)
        return any(
            start <= w.start < end and w.word.lower() in VALUE_CUES.get(a.id, ()) for w, a in words
        ) or bool(_EVENT_VERB.search(self.article.folded, start, end))

    def event_of(self, clause: Span) -> tuple[Mention, Attribute, Decision | None] | None:
        """The event a clause with no date attribute's word dates, when its verb is
        one of news prose's (成立于2019年, 将于12月开始出货, 9月投片): a new date
        attribute for the curator to add."""
        found = _EVENT_VERB.search(self.article.folded, clause.start, clause.end)
        if found is None or found.lastgroup is None:
            return None
        verb = found.group()
        ident = _EVENT_IDS[int(found.lastgroup[1:])]
        start, end = found.span()
        word = Mention(start, end, -1, self.article.text[start:end])
        own = self.store.attributes.get(ident)
        if own is not None and own.type is ValueType.DATE:
            return word, own, None  # the store has it, under another word
        attribute = Attribute(ident, verb, ValueType.DATE, f"When the article says: {verb}.")
        why = f"new: no date attribute's word; add an attribute for {verb} ({ident})"
        return word, attribute, Decision("attribute", why)

    def described_before(self, clause: Span) -> Entity | None:
        """The company named right before a clause that opens as a description of it
        (", a Hangzhou start-up founded in 2021")."""
        if _APPOSITIVE.match(self.article.folded, clause.start) is None:
            return None
        named = [
            m
            for m in self.sentence.entities
            if 0 <= clause.start - m.end <= APPOSITIVE_GAP
            and self.store.entity_at(m.row).kind == "company"
        ]
        return self.store.entity_at(named[-1].row) if named else None

    def only_at_a_place(self, entity: Entity, clause: Span) -> bool:
        """Whether the clause names ``entity`` only as where its event happens (在台积电
        完成流片)."""
        named = [
            m
            for m in self.sentence.entities
            if inside(m.start, m.end, clause) and self.store.entity_at(m.row) == entity
        ]
        folded = self.article.folded
        return bool(named) and all(
            AT_A_PLACE.search(folded, behind(m.start), m.start) for m in named
        )

    def product_in(self, clause: Span, before: int) -> Entity | None:
        """The last thing a company makes named in the clause before ``before``."""
        named = [
            self.store.entity_at(m.row)
            for m in self.sentence.entities
            if clause.start <= m.start and m.end <= before
        ]
        things = [e for e in named if e.kind in _A_PRODUCTS]
        return things[-1] if things else None

    def date(self, date: DateMention) -> Candidate | None:
        clause = self.clause_of(date.start)
        folded = self.article.folded
        # the clause without the date, a time zone or a day in brackets beside it (当地
        # 时间周三（1月21日）: both the date; 发布B300芯片（2025年3月18日）: not alone)
        rest = _ZONE_OR_ASIDE.sub(
            "", folded[clause.start : date.start] + folded[date.end : clause.end]
        ).strip(PUNCTUATION + "（）()")
        if len(rest) <= DATE_ALONE or self.announces(clause, date):
            # 自2022年末，微软就一直…实施配额: a clause that is only a date dates the next
            clause = self.with_next(clause)
        gathering_end = clause.start  # where the words of what is dated may start
        if _GATHERING_ENDS.search(folded, clause.start, clause.end):
            # 12月3日，…召开发布会，推出…L200, 於18日舉行的大會上，正式發表…: the day of an
            # event to launch things dates the launch in the clause after it (its verb,
            # not the event's 发布会)
            gathering_end, clause = clause.end, self.with_next(clause)
        words = [
            (w, a)
            for w, a in self.attribute_words(clause, ValueType.DATE)
            if inside(w.start, w.end, clause)
        ]
        words = [(w, a) for w, a in words if w.start >= gathering_end] or words
        proposed: Decision | None = None
        if not words:
            event = self.event_of(clause)
            if event is None:
                return None
            word, attribute, proposed = event
        else:
            word, attribute = min(words, key=lambda f: abs(f[0].start - date.end))
            event = (
                self.event_of(clause)
                if self.article.folded[word.start : word.end].isascii()
                else None
            )
            if event is not None and abs(event[0].start - date.end) < abs(word.start - date.end):
                # "Meta began a so-called tape-out of the chip a month ago": the event
                # news prose names is nearer the date than the store's word (began)
                word, attribute, proposed = event
        if self.dates_a_statement(date, word):
            return None
        # 若明年顺利量产, 寒武纪若明年…, "if it ships in 2026": what would be then, no fact
        # (a condition in the clause before only hedges a plan: 若进展顺利，…将于4月挂牌)
        condition = _IF.search(folded[clause.start : clause.end])
        if condition is not None and clause.start + condition.start() < min(date.start, word.start):
            return None
        if attribute.id in SUBJECTS_EVENTS:
            # 微软在2019年投资openAI: an investment is the investor's
            entity, entity_decision, weight = self.entity_for(clause, word.start, word)
        else:  # 微软去年收购了Fungible: a purchase or launch is what was bought or launched
            entity, entity_decision, weight = self.entity_for(clause, word.end, word, after=True)
        if entity is not None and entity.kind == "company" and self.only_at_a_place(entity, clause):
            # …“北极光”（Borealis），已于去年12月在台积电完成流片: where it happened, no subject;
            # the thing the sentence named before the clause
            sentence = self.sentence.span
            entity = self.product_in(Span(sentence.start, clause.start), clause.start) or entity
        if attribute.id == "founded":
            # "…from Lingxu Semiconductor, a Hangzhou start-up founded in 2021": a clause set
            # after a company's name describes it; "OpenAI's chip team, founded in 2023",
            # with none, founded something the reader did not find
            described = self.described_before(clause)
            if described is None and self.article.folded.startswith("founded", word.start):
                return None
            entity = described or entity
        if entity is not None and entity.kind == "company" and attribute.id in CLUSTER_FIGURES:
            entity = self.own_thing(entity, "cluster", word.start) or entity
        if proposed is not None and attribute.id != "founded":
            # 该公司自研的芯片“灵犀100”已于9月完成流片: the chip's tape-out
            entity = self.product_in(clause, word.start) or entity
        if entity is not None and entity.kind == "company" and attribute.id != "founded":
            # Meta计划于2026年9月开始量产该芯片: the thing the verb's object refers to
            after = word.end + self.article.folded.startswith("了", word.end)  # 量产了该芯片
            referred = DEMONSTRATIVE.match(self.article.folded, after)
            made = self.refers_to(referred) if referred is not None else None
            if made is not None and made.kind != "company":
                entity = made
        if entity is not None and not applies_to(attribute.id, entity.kind):
            # 寒武纪则在去年12月发布了思元690, 百度预计将于明年2月下旬发布业绩: a launch is
            # a thing's, and no company's when the thing launched is not one the reader found
            entity = self.product_in(clause, clause.end)
        if entity is None or entity.kind == "person" and attribute.id not in SUBJECTS_EVENTS:
            # 陳建宏表示，CPO產品預計明年第二季開始小量出貨: a launch or a shipment is a
            # thing's, never the speaker's (what a person does, an investment, is theirs)
            return None
        end = max(date.end, word.end)
        status, claimed_by, as_of, cues, decisions, quote, begin, finish = self.base(
            entity, attribute, min(date.start, word.start), end, end, own_date=date
        )
        if entity_decision is not None:
            decisions.append(entity_decision)
        if proposed is not None:
            decisions.append(proposed)
        bound = Bound.ABOUT if date.rough else Bound.EXACT
        return Candidate(
            entity, None, attribute, date.date, None, None, bound, None, status, claimed_by,
            as_of, quote, begin, finish, cues, tuple(decisions), round(DATE_CONFIDENCE * weight, 2),
        )  # fmt: skip
