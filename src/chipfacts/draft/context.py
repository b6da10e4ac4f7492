"""One sentence as the readers of claims see it (``SentenceContext``): its
clauses and mentions, the names before it, and the small questions every
reader asks (which clause holds a position, is a name an object or a
possessor, the quote from one place to another).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from chipfacts.draft.article import Article
from chipfacts.draft.candidates import Decision
from chipfacts.draft.sentences import Sentence, Span, inside
from chipfacts.draft.vocabulary import WHICH_OF_ITS_PRODUCTS, Mention
from chipfacts.model.records import Attribute, Bound, Entity, ValueType
from chipfacts.store.store import Store
from chipfacts.text.cues import CueKind
from chipfacts.text.normalize import fold

# How the text names what a figure is measured against (约为上一代F2的, 较现行…).
_BASELINE = (
    r"(?:上一代|前一代|上代|现行|现有|目前|当前|同级别|同等级|同规格|同级|同类)的?(?:\d+层)?"
    r"(?:产品|芯片|旗舰)?"
)
# The words before someone's past employer (曾任AMD…总监, 曾在英伟达工作, 来自谷歌).
PAST_EMPLOYER_WORDS = r"曾任职于|曾就职于|曾任|曾担任|曾在|出身于?|来自"
# A name right after these is an object or a comparison, not what the clause is about
# (将/把 mark the object: 谷歌计划将博通剔除 is Google's decision; 採台積電3奈米製程 is
# Taiwan's 採用).
# 为 as "for" or "is", not inside a word (成为, 认为, 作为, 因为, 以为, 称为) nor the next of a
# list (其次为).
_WEI = r"(?<![成认作因以称])(?<!其次)为"
OBJECT_BEFORE = re.compile(
    # (not 伺服器用DDR5, 手机用芯片: what it is for, a qualifier of what follows)
    r"(?:(?:采用|使用|(?<![器机脑端车])用|采购|采|购买|收购|与|和|及|跟|比|较|向|对|超过|相较|相比|包括|如|将|把|由|从|(?<!由)于"
    # 据路透社报道, 根据路透社掌握的: the source of the report, no subject of it
    r"|(?<![依证])据|援引|引述"
    # 以武當C1296晶片為基礎打造: what a product is built on, no subject of it (not 可以,
    # 所以, 难以, 足以; 基于峰睿F3 is the 于 above's)
    r"|(?<![可所加予难得足用借])以"
    # 曾任AMD图形事业部高级总监, 来自谷歌TPU团队: a past employer, no subject
    rf"|{PAST_EMPLOYER_WORDS}"
    # 为Azure新增, 为 OpenAI 提供: who it is for (not 成为, 认为, 作为, 因为, 为了, 其次为)
    rf"|{_WEI}(?!了))"
    # 约为现行Blackwell的3.3倍, 较上一代HBM3E: the one compared with, however described
    rf"(?:\s*{_BASELINE})?"
    # 相比同规模的InfiniBand方案: the one compared with, after a few words describing it
    r"|(?:相比|相较|对比)于?[^，,。；;a-z0-9]{1,8}?的"
    # English prepositions and verbs that take an object ("priority to Anthropic",
    # "access to Nvidia graphics processors", "buyers of Nvidia")
    r"|\b(?:by|with|from|than|uses|using|used|buys|bought|acquired|against|including|like|to|"
    r"for|of|toward|towards|among|into|in|on|at|over|after|alongside|replace|replacing|ordered|"
    r"orders|told|tells))\s*$"
)
# The Latin words of a product's name before the part the store knows (Quantum-X800
# before InfiniBand), after its maker's name.
_LINE_BEFORE = re.compile(r"(?<![a-z0-9])(?:[a-z][a-z0-9\-.]*\s*){1,2}$")
# Which of its maker's products it is, between the two names, the product's in quotes
# (英伟达下一代AI加速器平台“Rubin”; not 为英伟达旗舰芯片B200代工, whose B200 the foundry's
# fact is of).
_WHICH_PRODUCT = re.compile(
    rf"\s*的?\s*(?:{WHICH_OF_ITS_PRODUCTS})?\s*的?\s*(?:ai)?\s*"
    r"(?:加速器|芯片|晶片|gpu|加速卡|处理器)?\s*(?:平台|架构|系列)?\s*[“「]\s*"
)
# The maker's name glossed in the other script before the product's: 輝達（Nvidia）GB200.
_GLOSS_BEFORE = re.compile(r"[(（][^()（）]{1,20}[)）]\s*$")
# A name's market after it (HBM市场, the HBM market).
# (在輝達NVL72機櫃組裝市場: the market of its products, a few words between)
_IN_A_MARKET = re.compile(r"[^，,。；;：:]{0,12}?市场")
# 在Azure上, 在英伟达GPU上: the thing something is done on.
_ON = re.compile(r"[^，,。；;：:]{0,8}?上(?![市海线涨升调半午周月季一个])")
# 在 or 于 opening the words before a name, with no stop between.
# (not the 于 of 由于, 对于, 关于, 基于, 位于, 用于, 高于)
_IN = re.compile(r"(?:在|(?<![由对关基位用属等高低])于)[^，,。；;：:在于]{0,12}$")
# What someone did at a place named after 在 (曾在AMD工作, 在英伟达旗下的Mellanox任职).
_WORKED_AT = re.compile(r"(?:旗下的?[^，,。；;]{0,12}?)?(?:工作|任职|就职|供职|服务|实习|待过)")
# 对CoreWeave而言, 对于谷歌来说: the topic of what follows, no object of 对
_AS_FOR = re.compile(r"\s*(?:而言|来说)")
_FOR_BEFORE = re.compile(r"对于?\s*$")
# A name listed after another (高通、苹果, A和B) shares its role in the clause.
_LISTED_AFTER = re.compile(r"\s*(?:、|以及)\s*$")
# Common job titles (a person named right after one holds it), in both languages.
TITLES = (
    "CEO", "CTO", "CFO", "COO", "founder", "co-founder", "president", "vice president",
    "chairman", "director", "analyst", "spokesperson", "head of", "chief",
    "chief executive", "chief executive officer", "spokesman", "spokeswoman", "chairwoman",
    "chair", "vice chair", "officer", "chief financial officer", "chief operating officer",
    "chief technology officer",
    "首席执行官", "首席技术官", "首席财务官", "创始人", "联合创始人", "总裁", "副总裁", "董事长",
    "主席", "总监", "主管", "负责人", "经理", "分析师", "发言人", "研究员", "科学家", "工程师",
    # Taiwan's and Korea's titles, folded to Simplified (執行長, 副社長, 會長)
    "执行长", "技术长", "财务长", "营运长", "社长", "副社长", "会长", "董事", "副总", "协理",
    "合伙人", "教授", "院长", "所长", "处长", "部长", "主任",
    # the other chiefs of a company, and the heads of a government's offices
    "首席运营官", "首席产品官", "首席战略官", "首席信息官", "首席商务官", "架构师",
    "秘书长", "秘书", "局长", "司长", "厅长", "署长", "主委", "大臣", "官员",
)  # fmt: skip
# The words before a name a figure is measured against.
_COMPARED_WITH = re.compile(
    # (可达Trainium2的4倍, 相当于H100的七成: a figure reaching a multiple of another's)
    # (not the 达 ending 英伟达, 辉达, 高达)
    # (not the next of a list: 其后是超微的约15%, 其次为, 紧随其后的是, 排名第二的是, 第二名是)
    rf"(?:比|较|相较于?|相比于?|{_WEI}|(?<!其后)(?<!其次)(?<!随后)(?<![的名])是"
    r"|(?<![伟辉高传表抵到送长])达到?|相当于"
    # (不及H800的一半: short of another's)
    r"|不及|不到)\s*"
    rf"(?:{_BASELINE})?\s*$"
)
# 只有, 仅有 before a name ("only"), and the share or multiple of it after (的两三成).
_ONLY_SO_MUCH = re.compile(r"(?:只有|仅有)\s*$")
_SHARE_OF_IT = re.compile(
    r"\s*的\s*(?:约|近|大约)?\s*(?:[\d.]+\s*(?:%|倍)|[一二两三四五六七八九十]+成|一半|[一二两三四五六七八九十]+倍)"
)
# What follows the name a figure is measured against: 的 (…的2.4倍) or the change.
_MEASURED = re.compile(
    r"\s*(?:最高|最多|大约|约|可|将|能)*\s*(?:的|提升|提高|增长|增加|高|快|多|低|少|减少|降低"
    # (较同级的辉达H20云端实例便宜约两成: a price set against, a few words of what between)
    r"|[^\d，,。；;]{0,6}?(?:便宜|昂贵|贵))"
)
# 与上一代凌霄L3相比, 和H100相较: the name between is what the clause after is set against.
_WITH = re.compile(rf"(?:与|和|跟|同)\s*(?:{_BASELINE})?\s*$")
_SET_AGAINST = re.compile(r"\s*(?:相比|相较|比较|对比)")
# A number and its counter just before a name: the name is what is counted.
COUNTED_BEFORE = re.compile(
    r"[\d一二两三四五六七八九十百千万亿数几][\d.,万亿千百]*\s*(?:颗|块|张|片|台|枚|组|套|柜)\s*(?:的)?\s*$"
    # "house about 350,000 Nvidia GB300 GPUs", "1 million Tideline cards": an English
    # count right before the name, in thousands (no year: "in 2025 Broadcom…")
    r"|(?<![\w.,$])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?[ ]+(?:thousand|million))[ ]+$"
)
# Between two names of a list of things counted (H200和GB300, H100、H200).
_AND = re.compile(r"\s*(?:和|与|及|以及|或|、|and|or|,)\s*")
TITLE_AT_END = re.compile(
    "(?:" + "|".join(re.escape(t.lower()) for t in sorted(TITLES, key=len, reverse=True)) + ")$"
)
# A title, then a person's name in Chinese and, in brackets, in Latin letters.
NEW_PERSON = re.compile(
    "(?:"
    + "|".join(re.escape(t.lower()) for t in sorted(TITLES, key=len, reverse=True))
    + r")\s*(?P<chinese>[\u4e00-\u9fff]{1,4}(?:[·・][\u4e00-\u9fff]{1,6})?)\s*"
    r"[(（](?P<latin>[a-z][a-z .\-\n]{1,40})[)）]"
)
EARLIER = Decision(
    "as_of", "the sentence speaks of an earlier time (曾, 去年, 之前); give its date"
)
# A company this close before a person's title is whose officer the person is.
TITLE_REACH = 16  # characters: 创始人、董事长兼首席执行官 between a company and a name
ENGLISH_TITLE_REACH = 40
_CLAUSE_BREAK = re.compile(r"[，,。；;:：!?！？]")
PUNCTUATION = ' \n,，:：;；"“”「」'
# The date of an English dateline and its dash, opening the story's first clause.
_ENGLISH_DATELINE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:\s*\([^)\n]{1,30}\))?\s*[-–—]\s+"
)


# The words before a position that say what it is (an object's verb, a title, a
# pronoun) are read in this many characters before it, not in the whole text
# before it: reading back to the start would make drafting quadratic.
LOOK_BEHIND = 40


def behind(at: int) -> int:
    return max(0, at - LOOK_BEHIND)


# The ends of a sentence, looked for back from a name.
_SENTENCE_STOPS = "。！？!?\n"
# "The company" and a title right before a person (该公司创始人兼首席执行官林卓然).
_THE_COMPANY_TITLED = re.compile(
    rf"(?:该|这家|此)(?:公司|企业)(?P<title>[^，,。；;：:、]{{1,{TITLE_REACH}}})$"
)
# The kinds of thing a person named after a title may work for.
_EMPLOYERS = ("company", "cluster", "project")


def employers(store: Store, folded: str, mentions: Sequence[Mention]) -> dict[int, Entity]:
    """Whom each person works for: the name right before their title, the first
    time the article gives one (西部智算中心主任王立群, AMD Chief Executive Lisa Su);
    a person's row to the entity."""
    found: dict[int, Entity] = {}
    for at, (before, mention) in enumerate(pairwise(mentions)):
        if mention.row in found or store.entity_at(mention.row).kind != "person":
            continue
        referred = _THE_COMPANY_TITLED.search(folded, behind(mention.start), mention.start)
        if (
            referred is not None
            and before.end <= referred.start()
            and TITLE_AT_END.search(referred["title"]) is not None
        ):
            # 该公司创始人兼首席执行官林卓然: the company the text is on, the first named
            # as no object in the last sentence naming one (流明芯片已与台积电签订…。
            # 该公司首席运营官, 沐曦获得中国移动的订单。该公司创始人: not the other)
            subjects = [
                m
                for m in mentions[: at + 1]
                if store.entity_at(m.row).kind == "company"
                and OBJECT_BEFORE.search(folded, behind(m.start), m.start) is None
            ]
            if subjects:
                # (where the last sentence naming one begins: no copy of the text before)
                since = 1 + max(
                    folded.rfind(stop, 0, subjects[-1].start) for stop in _SENTENCE_STOPS
                )
                first = next(m for m in subjects if m.start >= since)
                found[mention.row] = store.entity_at(first.row)
            continue
        between = folded[before.end : mention.start].strip()
        reach = ENGLISH_TITLE_REACH if between.isascii() else TITLE_REACH
        employer = store.entity_at(before.row)
        if (
            employer.kind in _EMPLOYERS
            and len(between) <= reach
            and not _CLAUSE_BREAK.search(between)
            and TITLE_AT_END.search(between) is not None
        ):
            found[mention.row] = employer
    return found


class SentenceContext:
    """A sentence, the names before it and who spoke in the sentence before.

    The drafting of a sentence is one ``SentenceReader`` built up in layers, each
    a module named for its job: speakers, references, the subject, attribution,
    then the number, date, role and text facts."""

    def __init__(
        self,
        store: Store,
        article: Article,
        sentence: Sentence,
        earlier: Sequence[Mention],
        previous_speaker: Entity | None = None,
        previous_span: Span | None = None,
        clauses_too: bool = False,
        previous_about: Entity | None = None,
        employers: Mapping[int, Entity] | None = None,
        listed_number: Attribute | None = None,
    ) -> None:
        self.employers = employers or {}  # whom the article's people work for, by row
        self.previous_speaker = previous_speaker  # who spoke in the sentence before
        # what the sentence before's first claim was about, named there or not
        self.previous_about = previous_about
        self.clauses_too = clauses_too  # text facts from clauses as well
        self.previous_span = previous_span  # the sentence before
        self.store = store
        self.article = article
        self.sentence = sentence
        self.earlier = earlier  # the names before this sentence
        self.topic = earlier[-1] if earlier else None  # the last of them
        self.published = article.source.published
        # of the sentence's last number fact; at its start, the measure of a list the
        # sentence before, ended by a semicolon, goes on with (市占率约45%；广达约30%)
        self.last_number: Attribute | None = listed_number
        self.last_bound = Bound.EXACT  # of the sentence's last number fact
        # the sentence's last measure of each unit (营收达82亿美元，年增逾一倍，并预估本季将
        # 成长至约95亿美元: the sum's measure, past a growth between)
        self.last_of_unit: dict[str | None, Attribute] = (
            {listed_number.unit: listed_number} if listed_number is not None else {}
        )

    def clause_of(self, at: int) -> Span:
        for clause in self.sentence.clauses:
            if clause.start <= at < clause.end:
                return clause
        return self.sentence.span

    def attribute_words(self, clause: Span, kind: ValueType) -> list[tuple[Mention, Attribute]]:
        found = []
        for word in self.sentence.words:
            attribute = self.store.attribute_at(word.row)
            if attribute.type is kind:
                found.append((word, attribute))
        return found

    def covered(self, mention: Mention) -> bool:
        """A name inside an attribute word (CUDA in CUDA核数) is part of that word."""
        return any(w.start <= mention.start and mention.end <= w.end for w in self.sentence.words)

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
        folded = self.article.folded
        if folded.startswith(("的", "'s", "’s", "旗下"), mention.end):
            return True  # X的…, X's …, 字节旗下的火山引擎
        # 微软Azure网络部门负责人、副总裁艾伦·卡特（Alan Carter）: a title, then a
        # person the store lacks
        newcomer = NEW_PERSON.search(folded, mention.end, mention.end + TITLE_REACH + LOOK_BEHIND)
        if newcomer is not None:
            between = folded[mention.end : newcomer.start()]
            if len(between) <= TITLE_REACH and not _CLAUSE_BREAK.search(between):
                return True
        for person in self.sentence.entities:
            if person.start > mention.end and self.store.entity_at(person.row).kind == "person":
                between = self.article.folded[mention.end : person.start].strip()
                # English titles are words, longer than 首席执行官: "AMD Chief Executive Lisa Su"
                reach = ENGLISH_TITLE_REACH if between.isascii() else TITLE_REACH
                return len(between) <= reach and TITLE_AT_END.search(between) is not None
        return False

    def is_object(self, mention: Mention) -> bool:
        """A name after a verb or preposition that takes an object (使用, 与, 对…),
        or listed after such a name (从高通、苹果、英伟达挖来: all three)."""
        folded = self.article.folded
        start = self.maker_before(mention)
        if _FOR_BEFORE.search(folded, behind(start), start) and _AS_FOR.match(folded, mention.end):
            return False
        if OBJECT_BEFORE.search(folded, behind(start), start) is not None:
            return True
        if self.is_counted(mention):
            return True  # 部署8192颗F3芯片: what a number counts
        if _ON.match(folded, mention.end) and folded.endswith("在", 0, start):
            return True  # 承诺在Azure上支出: where the money goes, no subject
        if (
            _IN_A_MARKET.match(folded, mention.end)
            and _IN.search(folded, behind(start), start)
            # (在美国英伟达的AI芯片市场份额: whose share it is, no word of the market)
            and not folded.startswith("的", mention.end)
        ):
            # 在HBM市场拿下约两成, 在輝達NVL72機櫃組裝市場的市占率: the market a share is
            # of (every name in its words), no subject
            return True
        if _WORKED_AT.match(folded, mention.end) and folded.endswith("在", 0, start):
            return True  # 曾在AMD工作多年: where someone worked, no subject
        joined = _LISTED_AFTER.search(folded, behind(mention.start), mention.start)
        if joined is None:
            return False
        listed = [m for m in self.sentence.entities if m.end == joined.start()]
        return bool(listed) and self.is_object(listed[0])

    def is_compared(self, mention: Mention) -> bool:
        """A name a figure is measured against (约为上一代F2的2.4倍, 较HBM3E提升约60%,
        与上一代凌霄L3相比): never what the figure is of."""
        start, folded = self.maker_before(mention), self.article.folded
        if _WITH.search(folded, behind(start), start) and _SET_AGAINST.match(folded, mention.end):
            return True
        if _ONLY_SO_MUCH.search(folded, behind(start), start):
            # 只有英伟达H20的两三成: "only so much of", where a share or a multiple follows
            # (not 全球仅有台积电的…产能超过, "only TSMC's")
            return _SHARE_OF_IT.match(folded, mention.end) is not None
        return (
            _COMPARED_WITH.search(folded, behind(start), start) is not None
            and _MEASURED.match(folded, mention.end) is not None
        )

    def is_counted(self, mention: Mention) -> bool:
        """A name right after a number and its counter (8192颗F3芯片, 1.5万颗MI355X):
        the thing counted, never what the claim is about."""
        start = self.maker_before(mention)
        if COUNTED_BEFORE.search(self.article.folded, behind(start), start) is not None:
            return True
        # 约5万块英伟达H200和GB300: a name listed after the counted one is counted too,
        # and so is its gloss (约5千套超微（Supermicro）)
        before = [m for m in self.sentence.entities if m.end <= start]
        if not before:
            return False
        between = self.article.folded[before[-1].end : start].strip()
        glossed = between == "(" and before[-1].row == mention.row  # (folded: "（" is "(")
        return bool(
            glossed or _AND.fullmatch(self.article.folded, before[-1].end, start) is not None
        ) and self.is_counted(before[-1])

    def maker_before(self, mention: Mention) -> int:
        """Where the name starts with its maker's name before it (类似于英伟达的ConnectX-8:
        the maker qualifies the product, the verb before it takes both)."""
        folded = self.article.folded
        maker_id = self.store.entity_at(mention.row).maker
        maker = self.store.entities.get(maker_id) if maker_id is not None else None
        if maker is None:
            return mention.start
        # 輝達Quantum-X800 InfiniBand: the rest of the product's name between
        line = _LINE_BEFORE.search(folded, behind(mention.start), mention.start)
        gloss = _GLOSS_BEFORE.search(folded, behind(mention.start), mention.start)
        # the maker's mentions: the names the article uses for it (輝達 for 英伟达)
        made = [m for m in self.sentence.entities if self.store.entity_at(m.row).id == maker_id]
        for start in (mention.start, *(m.start() for m in (line, gloss) if m is not None)):
            for by in made:
                if by.end <= start and (
                    folded[by.end : start].strip(" (（") in ("", "的")
                    or _WHICH_PRODUCT.fullmatch(folded, by.end, start) is not None
                ):
                    return by.start
            for name in sorted((maker.name, *maker.aliases), key=len, reverse=True):
                for written in (fold(name) + "的", fold(name)):
                    if folded.endswith(written, behind(start), start):
                        return start - len(written)
        return mention.start

    def earlier_statement(self) -> Decision | None:
        """The as_of decision a sentence with 曾, 去年 or 之前 asks for (the lint reads the
        whole sentence, and so does this), when no date in it says when."""
        past = [c for c in self.sentence.cues if c.kind is CueKind.PAST]
        return EARLIER if past else None

    def quote(self, start: int, end: int) -> tuple[str, int, int]:
        """The clauses from ``start`` to ``end``, trimmed of spaces and closing commas."""
        text = self.article.text
        first, last = self.clause_of(start), self.clause_of(max(start, end - 1))
        begin, finish = first.start, max(last.end, end)
        while begin < finish and (text[begin].isspace() or text[begin] in "，,：:；;·"):
            begin += 1
        dateline = _ENGLISH_DATELINE.match(text, begin, finish)
        if dateline is not None:
            begin = dateline.end()  # "SEATTLE, Dec 3 - Amazon has…": the story's words
        if text[begin:finish].count('"') % 2 and text[begin] == '"':
            # '…code-named "Cascade," designed by…': the quote mark closes the clause before
            begin += 1
            while begin < finish and text[begin].isspace():
                begin += 1
        while finish > begin and (text[finish - 1].isspace() or text[finish - 1] in "，,：:；;。"):
            finish -= 1
        return text[begin:finish], begin, finish

    def row_of(self, entity: Entity, within: Span | None = None) -> int:
        """The row of ``entity`` where the sentence (or the span ``within`` it) names
        it, else -1."""
        for mention in self.sentence.entities:
            if within is not None and not inside(mention.start, mention.end, within):
                continue
            if self.store.entity_at(mention.row).id == entity.id:
                return mention.row
        return -1
