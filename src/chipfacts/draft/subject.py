"""The entity a claim is about.

The name the clause is about: a name just before the attribute word or the
number (``MI 300X芯片晶體管``), the name after an event's verb and before any
later verb's object (收购了…Fungible; 推出的Tensor使用三星), or the subject's
one product of the kind its object names (微软推出其首款AI芯片), else the
clause's first name that is no object or possessor (its subject), or the
company's product the words point to (微软…新网卡); else what a demonstrative
refers to (``references``), the programme of a company just named (自研芯片计划),
the sentence's subject (its product only after a colon), the speaker when the
sentence names no one else, or the last name before the sentence, flagged. A
model designation the store lacks (英伟达的B200) is proposed as a new entity.
For text claims: the owner of a relation (臺積電…最大的客戶), the name a
phrase qualifies (专用于AI加速的MI 300X芯片), the names listed with it (A及B均).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from chipfacts.draft.candidates import Decision, NewEntity
from chipfacts.draft.context import (
    COUNTED_BEFORE,
    LOOK_BEHIND,
    OBJECT_BEFORE,
    PUNCTUATION,
    TITLE_AT_END,
    behind,
)
from chipfacts.draft.cuewords import applies_to
from chipfacts.draft.designations import PERIOD, TECHNICAL
from chipfacts.draft.english_subjects import EnglishSubjects
from chipfacts.draft.references import ATTACHED
from chipfacts.draft.sentences import CLAUSE_END, Joined, Span, inside
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Attribute, Entity
from chipfacts.text.cues import CueKind
from chipfacts.text.normalize import has_cjk, name_key

# 将 or 把 before a name: the thing done to, whose own figure may follow (将TPU的产量;
# not 将博通剔除, Google's decision).
_DISPOSAL = re.compile(r"[将把]\s*$")
# 其 opening a sentence, then a few words of which thing it is (其最新的, 其新一代): up
# to the name of what it owns.
_OWNED = re.compile(r"[\s\u3000]*(?:而|但|则|也|还|并|同时)?\s*其[^，,。；;：:“”「」a-z0-9]{0,6}$")
# 较英伟达H20低约三成: what a figure is set against, its maker's name between
_COMPARED_BEFORE = re.compile(r"(?:比|较|相较于?|相比于?)[\u4e00-\u9fff]{1,6}$")
# 在阿里云部署超过3万片: a place the verb happens at, no owner of the figure
AT_A_PLACE = re.compile(r"(?:(?<![现正存实])在|(?<![由对关基位用属等高低])于)\s*$")
# A sentence comparing others with what the one before was about.
_COMPARED = re.compile(r"\s*(?:相比之下|相较之下|与之相比|相比而言|相较而言|by comparison)")
# 微軟也是下了血本:采用…: a colon opens the details of what the company made.
_ELABORATION = re.compile(r"[:：]")
# "The company" alone in a clause, no part of a name or a phrase (公司营业收入, not
# 该公司, 子公司 or 公司名).
_THE_COMPANY = re.compile(r"(?<![该这此子母本分总各其同])公司(?![名债])")
# A sentence opening with 其 or 它 ("its", "it"), not 其他/其它 ("other"), 其中, 其实,
# 其次, 其余, 其后, 其间, 其一.
_ITS_OPENING = re.compile(
    r"[\s\u3000]*(?:而|但|则|也|还|并|同时)?\s*(?:其(?![他它中实次余后间一])|它(?!们))"
)
# 其 ("its") right before a relation's noun, a word or two between (其最大客户, 其首批客户).
_RANK = r"(?:最大的?|第[一二三]大的?|首批|主要|重要|核心|最重要的?|新)?"
_ITS_RELATION = re.compile(rf"(?:其|(?:是|为|成为)(?:该公司|公司)?){_RANK}$")
# The same ranks between an owner and its relation's noun (英伟达主要客户, 台积电前五大客户).
_RANK_BETWEEN = re.compile(
    r"\s*(?:的)?\s*(?:目前|现有|前[二三四五六七八九十]大|其他|其余)?" + _RANK + r"\s*"
)
# 为谷歌、Meta等客户设计, 向苹果等客户供货: the names are the relation, the subject its owner.
_LISTED_RELATION = re.compile(r"\s*等\s*(?:大型|主要|重要|头部|知名)?\s*$")
_FOR_THEM = re.compile(r"(?:为|向|替|给|帮)\s*$")
# A sentence's lead saying who said it (据悉，知情人士称，分析师表示，).
_SAID_LEAD = re.compile(r"[^，,。]{0,10}(?:据悉|据了解|称|表示|透露|指出|认为|介绍)[，,：:]")
CONDITIONAL = re.compile(r"\s*(?:如果|假如|若|倘若|如若|if\b)", re.IGNORECASE)
# A model designation: letters, then digits (B200, MI400, Gaudi 3, H20).
_DESIGNATION = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*[- ]?\d+[A-Za-z0-9]*(?![A-Za-z0-9])")
# A Latin name, then the noun of a kind of product, then (的) the claim word.
_NAMED_PRODUCT = re.compile(
    # with a digit or a small letter: B200, Blackwell, Gaudi 3 (not AI, GPU, HBM)
    r"(?<![A-Za-z0-9])(?P<name>[A-Z](?=[A-Za-z0-9]*[a-z0-9])[A-Za-z0-9]*(?:[- ][A-Za-z0-9]+)?)\s*"
    r"(?=芯片|處理器|处理器|GPU|加速器|网卡|網卡)"
)
PRODUCT_REACH = 6
NEW_ENTITY = "new: not in the store; add it under entities (its kind, Chinese names)"
# A phrase qualifying a noun: the claim word's object (no punctuation, no other 的),
# then 的; the noun's name follows within HEAD_REACH characters (自研芯片Trainium).
_QUALIFYING = re.compile(r"[^，,。；;：:、的\n]{0,10}的")
HEAD_REACH = 6
# Names joined into a list (A及B, A本人及B, A和B, A、B), and how far after the
# list 均 or 都 says the claim is each one's.
_LIST_JOIN = re.compile(r"\s*(?:本人)?\s*(?:和|及|与|、|以及)\s*")
ALL_REACH = 8
# The words between an owner and its relation (臺積電[在AI芯片領域最大的]客戶), at most.
OWNER_REACH = 12
_CHINESE_NAME_BEFORE = re.compile(r"[\u3400-\u9fff·・]{2,12}[(（]$")


# A figure, then 被 and who takes it (其中约60%被英伟达预订, 超过一半已被华为占用): the
# figure is that one's share.
_TAKEN_BY = re.compile(r"[^，,。；;：:]{0,4}?被\s*$")
# A clause of the circumstances of what the sentence says: as, because, given, facing.
_CIRCUMSTANCE = re.compile(r"[\s，,]*(?:随着|伴随着?|由于|因为|鉴于|受到?|面对|面临|在)")

_MODEL_AFTER = re.compile(r"\s*(?:大模型|模型|model\b|language\s+model)", re.IGNORECASE)


# After a name: a list goes on, or what it owns follows.
_LISTED_OR_OWNING = re.compile(r"\s*(?:[、和与及等的]|以及)")
# What may come before a clause's own subject: its, and, but, while (其, 而, 但, 则).
_CLAUSE_LEAD = re.compile(r"(?:其|而|但|则|并且?|同时|此外|另外|不过|而且)?(?:[a-z]+\s*)?")


# The end of an English sentence right before a span (a split at a comma is no end).
_SENTENCE_ENDED = re.compile(r"[!?\n]\s*$|[.]\s+$")
_ENGLISH_STOPS = ("!", "?", "\n", ". ")


class Proposal(NamedTuple):
    entity: NewEntity
    start: int  # where the article names it


def propose(text: str, match: re.Match[str], maker: str | None, group: int | str = 0) -> Proposal:
    name = " ".join(match.group(group).split())
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    before = _CHINESE_NAME_BEFORE.search(text, behind(match.start()), match.start())
    aliases = (before.group()[:-1],) if before else ()  # 布莱克韦尔(Blackwell): its Chinese name
    start = before.start() if before else match.start()
    # "its V3 model", 其V3模型: a model's designation, no chip's
    kind = "model" if _MODEL_AFTER.match(text, match.end()) else "chip"
    return Proposal(NewEntity(slug, name, aliases, maker, kind), start)


# Places a market is named with (台湾GPU云端租赁市场, 中国AI加速卡出货量).
_PLACES = "中国大陆|中国|台湾|美国|日本|韩国|欧洲|印度|东南亚|北美|亚太|中东"
# A market a figure is of, named with where it is (全球AI加速晶片市场规模, 国内AI芯片
# 市场的规模): what a clause naming nothing else is about (not one revenue comes from
# or a share is in: 来自中国大陆市场的营收, 在全球…市场的份额).
_MARKET = re.compile(
    rf"(?<!来自)(?<!在)(?<!于)(?P<market>(?:全球|全世界|国内|{_PLACES})\s*"
    r"(?P<name>[^，,。；;：:的在与和及、]{2,12}?)市场)"
    r"(?:规模|总|整体|营收|销售额|产值|将|预计|今年|明年|约|达|已|则|年|的(?!份额|占比|市占))"
)
# A thing counted worldwide (全球CPO交換器出貨量, 全球AI伺服器滲透率, 全球1.6T光模組
# 需求): what the figure is of, not the analyst's who counts it.
_COUNTED_WORLDWIDE = re.compile(
    r"(?:全球|全世界)\s*(?:\d{4}\s*年)?\s*(?!市场|整体|总)(?P<name>[^，,。；;：:的在与和及、]{2,12}?)"
    r"(?<!市场)(?:的)?\s*"  # (全球AI芯片市场需求: a market's, read by _MARKET)
    r"(?:年?出货量|年?出货|销量|渗透率|需求量|需求)"
)
# A thing counted in China (2025年中国AI加速卡出货量, 国内GPU需求): China's market of it,
# named with the place (the country's count is no count of the thing worldwide).
_COUNTED_IN_A_PLACE = re.compile(
    rf"(?P<place>国内(?!外)|{_PLACES})\s*(?:\d{{4}}\s*年)?\s*(?!市场|整体|总)"
    r"(?P<name>[^，,。；;：:的在与和及、]{2,12}?)(?<!市场)(?<!客户|厂商|企业|公司|用户)(?:的)?\s*"
    r"(?:年?出货量|销量|需求量|采购量)"
)
# In a market's name, what makes it buyers, makers or a trade between places, no thing
# (互联网大厂, 四大CSP, 代工厂, 对华芯片, 云厂商).
_NO_MARKETS_NAME = re.compile(
    r"[厂户家者]$|(?<!电)商$|企业$|公司$|机构$|集团$|巨头$"
    r"|厂商|客户|csp|以外|对华|对美|看好|抢攻|限制|进军|布局"
    rf"|{_PLACES}|^(?:对|向|自|从|出口|进口|赴)|^[一二两三四五六七八九十几数多]大"
)
# A time read as a name (全球第三季度出货量): no thing.
_TIME_IN_NAME = re.compile(r"[季年月]|上半|下半")
# How far before a figure its market may be named.
MARKET_REACH = 30


def _names_of_things(
    pattern: re.Pattern[str], folded: str, begin: int, end: int
) -> Iterator[re.Match[str]]:
    """Each match of ``pattern`` that names a thing: not a time (全球第三季度出货量), nor
    buyers, makers or a trade between places (国内互联网大厂采购量, 北美四大CSP, 美国对华
    芯片出货量); past one that does not, read again from its next character (日本厂商
    看好|印度AI服务器市场)."""
    at = begin
    while (found := pattern.search(folded, at, end)) is not None:
        name = found["name"]
        if not _NO_MARKETS_NAME.search(name) and (
            "market" in pattern.groupindex or not _TIME_IN_NAME.search(name)
        ):
            yield found
            at = found.end()
        else:
            at = found.start() + 1


def market_of(text: str, folded: str, start: int, end: int) -> Proposal | None:
    """The market, or the thing counted worldwide (全球CPO交換器出貨量), named last
    between ``start`` and ``end`` (全球AI后端网络市场规模约为…), proposed as a new
    entity (a product's kind, as the store has no market)."""
    from chipfacts.draft.chinese_names import in_latin  # lazy: pinyin, only when needed

    begin = max(start, end - MARKET_REACH)
    every = [
        m
        for pattern in (_MARKET, _COUNTED_WORLDWIDE, _COUNTED_IN_A_PLACE)
        for m in _names_of_things(pattern, folded, begin, end)
    ]
    if not every:
        return None
    found = max(every, key=lambda m: m.start())
    if "place" in found.re.groupindex:  # 中国AI加速卡出货量: China's market of the thing
        inner = written = (
            text[found.start("place") : found.end("place")]
            + text[found.start("name") : found.end("name")]
        )
        at = found.start("place")
    elif "market" not in found.re.groupindex:  # 全球CPO交換器出貨量: the thing, by its name
        inner = written = text[found.start("name") : found.end("name")]
        at = found.start("name")
    else:
        written = text[found.start("market") : found.end("market")]
        # 全球AI后端网络市场: the market is the thing's, named without "global"; one of a
        # place (中国AI数据中心市场) keeps its place, no other place's of the same thing
        worldwide = folded.startswith(("全球", "全世界"), found.start("market"))
        inner = text[found.start("name") : found.end("market")] if worldwide else written
        at = found.start("market")
    slug = re.sub(r"[^a-z0-9]+", "-", in_latin(inner).lower()).strip("-")
    return Proposal(NewEntity(slug, written, (inner,), None, "product"), at)


class Subjects(EnglishSubjects):
    """Choosing the entity of a claim."""

    def entity_for(
        self,
        clause: Span,
        anchor: int,
        word: Mention | None,
        after: bool = False,
        noun_at: int | None = None,
    ) -> tuple[Entity | None, Decision | None, float]:
        """The entity a claim at ``anchor`` (its attribute word at ``word``, or a cue
        word naming it at ``noun_at``: 出货量) is about."""
        speakers = self.speakers()
        # (集邦科技分析師…表示: the firm speaks through its analyst, no subject either)
        firms = self.analysts_employing(speakers)
        # (MeitY公布“印度人工智能使命”…结果: the announcer, no subject of the results)
        speakers |= firms | self.announcers()
        in_clause = [
            m
            for m in self.sentence.entities
            if inside(m.start, m.end, clause) and not self.covered(m)
        ]
        if word is not None and TITLE_AT_END.search(
            self.article.folded, behind(word.end), word.end
        ):
            titled = [
                m
                for m in in_clause
                if 0 <= m.start - word.end <= 1 and self.store.entity_at(m.row).kind == "person"
            ]
            if titled:  # 首席执行官萨提亚·纳德拉: a title, then whose it is
                return self.store.entity_at(titled[0].row), None, 1.0
        taker = self.taken_by(in_clause, anchor)
        if taker is not None:
            return taker, None, 0.9
        we = self.we_quoted(clause) if not in_clause else None
        if we is not None:  # 魏德森坦言，…「我们希望…拿下两成市占」: the speaker's company
            return we, None, 0.85
        antecedent = self.relative_antecedent(clause)
        if after:  # an event: what was launched, bought, dropped
            # The name after the verb, the last when several: the head of its phrase
            # (收购了辛杜创办的…公司Fungible is Fungible, not Sindhu).
            # Not an object of a later verb (推出的…Tensor使用三星5nm is Tensor's launch).
            following = [
                m
                for m in in_clause
                if m.start >= anchor
                and not OBJECT_BEFORE.search(self.article.folded, anchor, m.start)
            ]
            if following:
                return self.store.entity_at(following[-1].row), None, 0.9
            if antecedent is not None:  # "Maia 100, which Microsoft first showed in…"
                return antecedent, None, 0.9
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
        named_at = word.start if word is not None else noun_at
        if named_at is not None:
            # 昇腾910C的出货量约为65万颗: the name joined to the figure's noun owns it
            attached = [
                m
                for m in in_clause
                if 0 <= named_at - m.end <= ATTACHED
                and not AT_A_PLACE.search(self.article.folded, behind(m.start), m.start)
                and m.end <= anchor  # 1万张英伟达的GPU: what is counted, not the subject
                # 将TPU的产量提高到: the object of 将 is what the figure is of
                and (
                    not self.is_object(m)
                    or _DISPOSAL.search(self.article.folded, behind(m.start), m.start)
                    and "的" in self.article.folded[m.end : named_at]
                )
                and not any(m.end <= q.start < named_at for q in self.sentence.quantities)
            ]
            if attached:
                return self.store.entity_at(attached[-1].row), None, 1.0
        participle = self.participle_subject(clause)
        if participle is not None:  # "Built on TSMC's 5-nanometer process, it is…"
            return participle, None, 0.85
        before = [
            m
            for m in in_clause
            if m.end <= anchor
            and m.row not in speakers
            and not self.is_object(m)
            and not self.is_compared(m)  # 可达Trainium2的4倍: not Trainium2's
        ]
        # A possessor (OpenAI的…GPT-5) yields to the name after it.
        subjects = [m for m in before if not self.is_possessor(m)] or before
        opening = self.opening_referent(clause) or self.noun_subject(clause)
        if opening is not None:
            # 该公司主力产品岭云T100训练卡出货量…: its product named before the claim
            product = self.new_product_named(opening, clause.start, anchor)
            return product or opening, None, 0.85
        its = _ITS_OPENING.match(self.article.folded, self.sentence.span.start) or (
            # 与上一代凌霄L3相比，其算力提升…: the clause's 其 after a clause naming only
            # what it is compared with
            _ITS_OPENING.match(self.article.folded, clause.start)
            and bool(named := [m for m in self.sentence.entities if m.end <= clause.start])
            and all(self.is_object(m) for m in named)
        )
        said_its = _ITS_OPENING.match(self.article.folded, clause.start) and [
            m for m in self.sentence.entities if m.end <= clause.start and m.row in speakers
        ]
        if not subjects and said_its:
            # 亞馬遜宣稱，其運算效能…: "its" after who says it is the speaker's (a figure
            # the speaker cannot have goes to its thing: ``NumberFacts.fitting``)
            return self.store.entity_at(said_its[0].row), None, 0.85
        # 其最新的L7推理芯片采用12nm工艺，单颗售价…: the thing "its" owns, named in a
        # clause before, is the subject of the clauses after it, not the one before's
        # (其客户微软…: a customer or a partner is no thing of its own)
        owned = [
            m
            for m in self.sentence.entities
            if m.end <= clause.start
            and self.store.entity_at(m.row).kind not in ("company", "person")
            and _OWNED.match(self.article.folded, self.sentence.span.start, m.start)
        ]
        if not subjects and its and not owned:
            # 其主要用于…: a sentence opening with "its" goes on about the one before's subject
            previous = self.previous_topic()
            if previous is not None:
                return previous, None, 0.85
        if subjects:
            return self.subject_or_product(subjects[0], anchor), None, 1.0
        # "It has ordered 300,000 Blackwell GPUs": the pronoun is the subject, the
        # names after the verb its objects
        pronoun = self.pronoun_subject(clause, anchor)
        if pronoun is not None:
            return pronoun, None, 0.85
        if antecedent is not None and not in_clause:
            return antecedent, None, 0.85  # "Trainium, which offers 2.5 times…"
        # 他 in the clause stands nearer than a demonstrative in a clause before it
        referred = (
            self.person_referred(clause, anchor) or self.referent(anchor)
            if self.pronoun_nearer(clause, anchor)
            else self.referent(anchor) or self.person_referred(clause, anchor)
        )
        if referred is not None:
            return referred, None, 0.85
        if not in_clause and not self.sentence.entities:
            said = self.company_said()  # "Capital spending … reached $31.6 billion, the
            if said is not None:  # company said": its own figure, not its product's
                return said, None, 0.8
        if not in_clause:
            made = self.made_by_topic(clause, anchor)
            if made is not None:
                return made, None, 0.8
            conditional = CONDITIONAL.match(self.article.folded, self.sentence.span.start)
            if self.topic is not None and conditional:
                # 如果…谷歌搜索…, 那么…: a name in the condition is not what the claim is about
                return self.store.entity_at(self.topic.row), None, 0.8
        if self.sentence.clauses and self.sentence.clauses[0] != clause:
            # "It has ordered … Blackwell GPUs …, around 18% more than": a pronoun
            # opening the sentence is its subject, before any name after it
            opening = self.pronoun_subject(self.sentence.clauses[0], anchor)
            if opening is not None:
                return opening, None, 0.85
        sentence_before = [
            m
            for m in self.sentence.entities
            if m.end <= anchor and m.row not in speakers and not self.is_object(m)
        ]
        # 苏莱曼的讲话表明,微软希望…: a possessor yields to the subject after it
        sentence_before = [m for m in sentence_before if not self.is_possessor(m)] or (
            sentence_before
        )
        # 可达Trainium2的4倍，能源效率则提升约40%: what a figure was measured against is
        # no subject of the clauses after it
        sentence_before = [m for m in sentence_before if not self.is_compared(m)]
        # 随着CoWoS持续供不应求，台积电明年资本支出…: a circumstance's name yields too
        sentence_before = [m for m in sentence_before if not self.in_circumstance(m)] or (
            sentence_before
        )
        if sentence_before:
            # 其Instinct MI355X于今年6月发布，二季度出货约8万块: a later clause opening
            # with its own subject hands that one on, not the sentence's first
            openers = [
                m
                for m in sentence_before
                if self.opens_clause(m)
                and not self.covered(m)
                # (not the first of a list or a possessor: 微软、Meta等客户的采购推动了增长)
                and not _LISTED_OR_OWNING.match(self.article.folded, m.end)
            ]
            if openers and openers[-1].start > sentence_before[0].start:
                sentence_before = [openers[-1]]
            subject = self.subject_or_product(sentence_before[0], anchor)
            between = self.article.folded[
                sentence_before[0].end : max(anchor, sentence_before[0].end)
            ]
            if not _ELABORATION.search(between):
                # 谷歌計劃…,每年將節省…: clauses chained by commas go on about one subject
                return subject, None, 0.85
            return self.topic_product(subject) or subject, None, 0.85
        others = [m for m in in_clause if m.row not in speakers]
        if (
            len(others) == 1
            and others[0].start >= anchor
            and not self.is_object(others[0])
            and not self.is_counted(others[0])  # 约5千套超微（Supermicro）机柜: the maker counted
        ):
            # 芯片短缺问题可能严重限制OpenAI的发展: the one name of a clause, after the
            # claim, is what it is about
            return self.store.entity_at(others[0].row), None, 0.85
        anywhere = [
            m
            for m in self.sentence.entities
            if m.row not in speakers and not self.is_counted(m) and not self.is_compared(m)
        ]
        uncounted = [m for m in self.sentence.entities if not self.is_counted(m)]
        if not uncounted and _THE_COMPANY.search(self.article.folded, clause.start, clause.end):
            # 招股书显示，公司营业收入为…: "the company", the last one named before
            company = self.last_of_kind(Joined(self.earlier, []), "company")
            if company is not None:
                return company, None, 0.6
        if not uncounted and all(self.is_counted(m) for m in in_clause):
            # 谷歌公布了新一代TPU。晶体管数量达到800亿个: a sentence naming nothing (but
            # what it counts) goes on about the subject of the one before (surely enough
            # for a figure, not for a text claim, as often the article's own comment)
            previous = self.previous_subject()
            if previous is not None:
                return previous, None, 0.8
        # The sentence's subject, even after the claim (为了降低对英伟达的依赖，Meta正在…),
        # before a name that is an object
        spoken = [
            m
            for m in self.sentence.entities
            if m.row in speakers and m.row not in firms and m.end <= anchor
        ]
        subjects = [m for m in anywhere if not self.is_object(m)]
        if not subjects and spoken and not any(self.estimates(m) for m in spoken):
            # 美光表示，目标是在HBM市场拿下约两成: a company on itself, the rest objects
            return self.store.entity_at(spoken[0].row), None, 0.7
        subjects = subjects or anywhere
        if subjects:
            return self.store.entity_at(subjects[0].row), None, 0.7
        if any(self.estimates(m) for m in spoken):
            # 集邦咨询估计，HBM4的单价较HBM3E高出50%: an estimator's figure is of what
            # the text is on, not of the estimator
            previous = self.previous_topic()
            if previous is not None and previous != self.store.entity_at(spoken[0].row):
                return previous, None, 0.6
        if spoken:  # Nvidia said it expects revenue of…: a speaker naming nothing else
            return self.store.entity_at(spoken[0].row), None, 0.7
        previous = self.previous_topic()
        if previous is not None:
            # …由中芯国际代工。显存带宽达3.2TB/s: the sentence before's subject, not the
            # foundry it named as an object
            why = f"the sentence names no entity; {previous.name} is the subject before it"
            return previous, Decision("entity", why), 0.6
        if self.topic is not None:
            entity = self.store.entity_at(self.topic.row)
            why = f"the sentence names no entity; {entity.name} is the last one named before it"
            return entity, Decision("entity", why), 0.6
        return None, None, 0.0

    def opens_clause(self, mention: Mention) -> bool:
        """Whether ``mention`` opens its clause, after at most 其 or a linking word
        and the Latin name of its line (其Instinct MI355X于…, 而AMD…)."""
        clause = self.clause_of(mention.start)
        if not has_cjk(self.article.folded[clause.start : clause.end]):
            return False  # (English clauses open with a subject anyway)
        lead = self.article.folded[clause.start : self.maker_before(mention)].strip()
        # (its line's name may come between: 其Instinct MI355X)
        return _CLAUSE_LEAD.fullmatch(lead) is not None

    def in_circumstance(self, mention: Mention) -> bool:
        """Whether a name is in a clause of the circumstances (随着…, 由于…, 受…影响)."""
        clause = self.clause_of(mention.start)
        return _CIRCUMSTANCE.match(self.article.folded, clause.start, mention.start) is not None

    def taken_by(self, in_clause: list[Mention], anchor: int) -> Entity | None:
        """The name after 被 that takes the one figure after ``anchor``
        (约60%被英伟达预订)."""
        after = [m for m in in_clause if m.start > anchor]
        if not after:
            return None
        name = after[0]
        folded = self.article.folded
        if folded.startswith(("的", "之", "'s", "’s"), name.end):
            return None  # 被美国商务部的出口管制影响: whose is the agent, not who it is
        figures = [q for q in self.sentence.quantities if anchor <= q.start < name.start]
        if len(figures) == 1 and _TAKEN_BY.match(folded, figures[0].end, name.start):
            return self.store.entity_at(name.row)
        return None

    def new_product(self, clause: Span, word: Mention) -> Proposal | None:
        """A product the store lacks, named right before a claim word with the noun of
        its kind (Blackwell芯片的需求, B200 GPU的功耗): proposed as a new entity, made
        by a company named just before it (英伟达的Blackwell芯片)."""
        text, folded = self.article.text, self.article.folded
        found = None
        for match in _NAMED_PRODUCT.finditer(text, clause.start, word.start):
            between = folded[match.end() : word.start]
            if len(between) <= PRODUCT_REACH and not self.store.entity_rows(
                name_key(match["name"])
            ):
                found = match
        if found is None:
            return None
        makers = [
            self.store.entity_at(m.row)
            for m in self.sentence.entities
            if clause.start <= m.start
            and m.end <= found.start()
            and found.start() - m.end <= 2
            and self.store.entity_at(m.row).kind == "company"
        ]
        return propose(text, found, makers[-1].id if makers else None, group="name")

    def estimates(self, mention: Mention) -> bool:
        """Whether the name is an estimator's (集邦咨询估计, analysts estimated), not a
        speaker's on its own account."""
        if self.reports_data(mention):
            return True  # Dell'Oro Group的数据显示: an analyst's data
        analyst = self.is_analyst(mention)
        return any(
            (cue.kind is CueKind.ESTIMATE or analyst)
            and cue.start >= mention.end
            and self.speaks_at(mention, cue)
            for cue in self.sentence.cues
        )

    def previous_subject(self) -> Entity | None:
        """The subject of the sentence before: its first name that is no object,
        possessor or speaker, or what a demonstrative opening it stands for."""
        if self.previous_span is None:
            return None
        previous = Span(self.previous_span.start, self.previous_span.end)
        first_clause = Span(previous.start, min(previous.end, previous.start + LOOK_BEHIND))
        opening = self.opening_referent(first_clause)
        lead = _SAID_LEAD.match(self.article.folded, previous.start, previous.end)
        if opening is None and lead is not None:
            # 知情人士称，该芯片采用…: what the clause after who said it stands for
            opening = self.opening_referent(Span(lead.end(), previous.end))
        if opening is not None:
            return opening
        for mention in self.previous_names():
            if not (self.is_object(mention) or self.is_possessor(mention)):
                return self.store.entity_at(mention.row)
        return None

    def previous_topic(self) -> Entity | None:
        """The subject of the sentence before, or, where it named nothing (其FP8算力为…),
        what it was about: the subject handed on to it."""
        subject = self.previous_subject()
        if subject is None and not self.previous_names():
            return self.previous_about
        return subject

    def compared_with(self) -> Entity | None:
        """In a sentence opening with 相比之下 ("by comparison"), the subject of the
        sentence before: the first name in it that is no object."""
        if self.previous_span is None or not _COMPARED.match(
            self.article.folded, self.sentence.span.start
        ):
            return None
        for mention in self.previous_names():
            if not self.is_object(mention):
                return self.store.entity_at(mention.row)
        return None

    def previous_names(self) -> list[Mention]:
        """The names of the sentence before, in order (read back from the end of the
        names before this one: from their start would make drafting quadratic)."""
        if self.previous_span is None:
            return []
        # (where the splitter cut a long English sentence at its ", but": from its start)
        folded = self.article.folded
        start = self.previous_span.start
        if folded[start : self.previous_span.end].isascii() and not _SENTENCE_ENDED.search(
            folded, max(0, start - 3), start
        ):
            start = 1 + max(folded.rfind(stop, 0, start) for stop in _ENGLISH_STOPS)
        found = []
        for mention in reversed(self.earlier):
            if mention.start < start:
                break
            found.append(mention)
        return found[::-1]

    def proposal(
        self, clause: Span, anchor: int, entity: Entity | None, decision: Decision | None
    ) -> Proposal | None:
        """A model designation the store does not know (B200, MI400, Gaudi 3), named in
        the clause before the claim and after any name chosen for it (英伟达的B200):
        proposed as a new entity, made by the company named before it."""
        start = clause.start
        # (陆承宇坦言，X1回片后的首批良率…: a person who speaks owns no chip's figure; a
        # designation in the clause is what it is of)
        if entity is not None and decision is None and entity.kind != "person":
            own = [
                m.end
                for m in self.sentence.entities
                if m.row == self.row_of(entity) and clause.start <= m.start < anchor
            ]
            if not own:
                return None
            start = own[-1]
        text = self.article.text
        folded = self.article.folded
        for match in reversed(list(_DESIGNATION.finditer(text, start, max(anchor, start)))):
            before = folded[behind(match.start()) : match.start()]
            if (
                OBJECT_BEFORE.search(before)
                or COUNTED_BEFORE.search(before)
                or _COMPARED_BEFORE.search(before)
            ):
                continue  # 约为上一代F2的2.4倍: what it is compared with, or counts
            if TECHNICAL.match(match.group()) or PERIOD.match(match.group()):
                continue  # FP4推论算力, "released Q3 results": a number format or a time
            if not self.store.entity_rows(name_key(match.group())):
                maker = entity.id if entity is not None and entity.kind == "company" else None
                return propose(text, match, maker if decision is None else None)
        return None

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
                if len(between) > HEAD_REACH or CLAUSE_END.search(between):
                    return None
                head = self.store.entity_at(mention.row)
                # 使用AMD的MI300X, 类似于英伟达的ConnectX-8: the maker's product is the
                # verb's object, not a noun the phrase qualifies
                maker = self.store.entities.get(head.maker) if head.maker else None
                owner = name_key(folded[word.end : phrase.end() - 1])
                if maker is not None and any(
                    (key := name_key(n)) and owner.endswith(key)
                    for n in (maker.id, maker.name, *maker.aliases)
                ):
                    return None
                return head
        return None

    def listed_with(self, entity: Entity, clause: Span) -> list[Entity]:
        """The names listed with ``entity`` in the clause (A及B均…, A和B的发言人都…),
        when the list is followed by 均 or 都 ("both", "all") or opens the clause."""
        named = [m for m in self.sentence.entities if inside(m.start, m.end, clause)]
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
        # 其H100和H200仍然供不应求: a list opening its clause is its subject, each one
        # (not A和B等大厂的产品: their products)
        opening = len(folded[clause.start : named[first].start].strip(PUNCTUATION)) <= 1
        opening = opening and not after.lstrip().startswith(("的", "等"))
        if first == last or not ("均" in after or "都" in after or opening):
            return []
        listed = [self.store.entity_at(m.row) for m in named[first : last + 1]]
        return [e for e in listed if e != entity]

    def names_other(self, clause: Span, entity: Entity) -> bool:
        """Whether the clause names another entity than ``entity`` (nor its maker)."""
        return any(
            inside(m.start, m.end, clause)
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

    def nearest_fitting(self, clause: Span, attribute: Attribute) -> Entity | None:
        """The last entity named before the clause, in its sentence, of a kind the
        attribute can be said of."""
        before = [m for m in self.sentence.entities if m.end <= clause.start]
        # 为 OpenAI 提供…: a name that is an object only when no subject fits
        for mention in sorted(before, key=lambda m: (not self.is_object(m), m.start), reverse=True):
            entity = self.store.entity_at(mention.row)
            if applies_to(attribute.id, entity.kind):
                return entity
        return None

    def owner(self, clause: Span, word: Mention) -> Entity | None:
        """Whose relation a noun names (臺積電在AI芯片領域最大的客戶: TSMC's): the
        last name before it in the clause, joined to it by 的 or written right
        before it (微软客户)."""
        its = _ITS_RELATION.search(self.article.folded, clause.start, word.start)
        if its is not None:
            # 英伟达是其最大客户, 其中微软仍是最大客户: whose the relation is, the sentence's
            # first name before the clause (SK海力士…，英伟达是其最大客户) or the subject
            # of the sentence before
            earlier = [m for m in self.sentence.entities if m.end <= clause.start]
            if earlier:
                return self.store.entity_at(earlier[0].row)
            return self.previous_topic()
        before = [
            m for m in self.sentence.entities if clause.start <= m.start and m.end <= word.start
        ]
        if not before:
            return None
        folded = self.article.folded
        between = folded[before[-1].end : word.start]
        if _LISTED_RELATION.fullmatch(between):
            # 博通为谷歌、Meta等客户设计: the listed names are the customers; their owner is
            # the name before 为 that is no object
            listed = [m for m in before if _FOR_THEM.search(folded, behind(m.start), m.start)]
            owners = [m for m in before if listed and m.end <= listed[0].start]
            return self.store.entity_at(owners[0].row) if owners else None
        possessive = "的" in between or between.startswith(("'s", "’s", "'", "’"))
        if _RANK_BETWEEN.fullmatch(between):
            return self.store.entity_at(before[-1].row)  # 英伟达主要客户
        if between.strip() and (not possessive or len(between) > OWNER_REACH):
            return None
        return self.store.entity_at(before[-1].row)
