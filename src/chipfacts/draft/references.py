"""What a word that names nothing refers to (anaphora), resolved by kind.

- A demonstrative and its noun (该模型, 这款芯片, 這家公司, 该项目, 该设备, 这两项服务,
  the chip; the text is folded to Simplified, so 該 and 這 read as 该 and 这) stands
  for the last entity shortly before (``TOPIC_REACH``) whose kind the noun names
  (公司, 企业: company; 项目, 计划: project; 设备, 集群, 超级计算机: cluster; 芯片:
  chip; 网卡, 网络设备: NIC…): one written with that noun, the sentence's subject
  of that kind, or one only described, not named (``introduced``: 微软的大型超级
  计算机 is the Microsoft cluster whose name says supercomputer; 为一家新芯片企业
  筹集 is the venture the store has as its founder's). Right after a company
  (微软开发这款新网络设备) it is the company's own; 公司 alone (这让公司) is the
  company the sentence is about.
- 其, 它 and a claim whose subject cannot bear it go to the last thing before of
  a kind the attribute fits (``antecedent``, ``thing_referred``); 他 and 她 to the
  last person.
- A noun after a company's name points at its product of that kind (微软…新网卡,
  自研芯片计划, the product the text is on).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import chain, islice, takewhile

from chipfacts.draft.context import LOOK_BEHIND, PAST_EMPLOYER_WORDS, PUNCTUATION, behind
from chipfacts.draft.cuewords import applies_to
from chipfacts.draft.designations import PROPOSED_ROWS, ProposedStore, introduces
from chipfacts.draft.reading import plan_is_noun
from chipfacts.draft.sentences import Joined, Span
from chipfacts.draft.speakers import SPEAKERS, Speakers
from chipfacts.draft.vocabulary import Mention, key_text
from chipfacts.model.records import Entity
from chipfacts.text.normalize import fold, name_key

# 该模型, 这款芯片, 這家公司: a demonstrative and the head noun that says what kind of
# thing it is (the text is folded to Simplified Chinese: 該, 這, 這個 read as 该, 这, 这个).
DEMONSTRATIVE = re.compile(
    r"(?:(?:该|这|此|其)(?:款|家|项|台|个|批|位|种|套|张|块|颗|两项|两家|两款)?\s*"
    r"(?:自研|新款|新一代|最新|首款|定制|新型|大型|(?:初创|新创|创业|芯片|ai)(?=\s*(?:公司|企业|厂商))"
    r"|新)?\s*"
    r"(?P<noun>大模型|模型|芯片|晶片|处理器|加速器|网卡|网络设备|网络组件|设备|集群|丛集|超级计算机|智算中心|"
    r"数据中心|资料中心|算力中心|超算中心|中心|基地|加速卡|训练卡|推理卡|显卡|卡|"
    r"计算机|系统|项目|计划|服务|功能|产品|公司|集团|企业|厂商|工厂|新厂|厂|园区"
    # 该GPU采用台积电2nm工艺: a chip by the Latin word of its kind (not 该GPU集群, nor
    # 这批GPU, a batch of them, nor 其ASIC设计伙伴, its chips at large, nor 该ASIC项目)
    r"|(?<![批其])(?:gpu|asic|npu|xpu|dpu)"
    r"(?![a-z0-9]|集群|丛集|服务器|云|算力|卡|芯片|晶片|设计|项目|计划|业务|采购|订单|团队|产品线))"
    # 这让公司每年可以节省…, 作为公司的首要任务, 公司同时将…: "the company", the one
    # the text is on (after a verb of causing, or opening a clause); 集团 as a Hong Kong
    # filing calls its issuer (集團將為客戶A部署, 相當於集團去年全年收入, 本集團)
    # (not 多家日本公司, 红杉资本集团, 位于公司总部: 本 and 于 ending other words)
    r"|(?:(?<=[让使令为])|(?<=相当于)|(?<=(?<![\u4e00-\u9fff])本)|(?<![^\s，,。；;：:]))"
    r"(?P<bare>公司|集团)(?![名债法章])"
    # 芯片采用12nm工艺: "the chip" opening a sentence, said to be made of something, the
    # chip the text is on
    r"|(?<![^\s。；;：:])(?P<opening>芯片|晶片)(?=采用|基于|集成|由|搭载|配备|内置|的(?:功耗|晶体管|面积|制程|工艺))"
    # 这台由JACI主导建设、富士通负责系统集成的超算: a demonstrative, what is said of the
    # thing, then its noun
    # (not 这个月, 这个财年: a time; nor 该台积电…: a name's first character)
    r"|(?:这|该|此)(?:台(?!积)|座|套"
    r"|个(?!月|季|财年|年|周|星期|时候|阶段|时期|期间|夏天|冬天|春天|秋天|假期|周末|上午|下午))"
    r"[^，,。；;：:“”「」]{2,40}?的(?P<described>超算|超级计算机|集群|丛集|系统"
    r"|数据中心|资料中心|智算中心|算力中心|超算中心)"
    # 中心目前的加速卡总数…: "the centre" opening a clause, the site the text is on
    r"|(?<![\u4e00-\u9fffA-Za-z0-9])(?P<site>中心|基地)(?=的|目前|总|已|将|还|也|在|现|共|累计|今年|去年|明年)"
    # 项目方还计划采购, NDIF持有项目公司51%的股份: the project's party or company, the
    # project the text is on (not 项目方面, "as for the project", nor 项目方案, a plan)
    r"|(?<!其他)(?<!其它)(?P<party>项目)(?=方(?![面案向式法])|公司)"
    # The same in English (the text is folded to lower case): the chip, this model.
    r"|\b(?:the|this|that|its)\s+(?:new\s+)?(?P<english>chip|model|processor|company|service|"
    r"cluster|supercomputer|system(?!\s+of\b)|machine(?!\s+learning)|project|plant|fab|factory"
    r"|facility|site|campus"
    # "the startup raised", "the firm expects", "the lab raised": the company
    r"|(?<!its\s)(?<!its\snew\s)(?:firm|startup|start-up|lab|chipmaker))\b)"
)
# What a speaker says, between the name and what it said (表示，, 在采访中透露：).
_SAYS = re.compile(
    r"[^，,。；;]{0,12}?(?:表示|称|说|透露|指出|介绍|坦言|强调|提到|回应)(?:道)?\s*[，,：:]?\s*"
)
# "We" in a quotation: the speaker's company (我们希望…).
_WE = re.compile(r"我们")
# Between two things named together (Blackwell與Rubin, H100、H200).
OTHER_REACH = 8  # a maker's name between 与 and the other product (与英伟达H100)
_A_BREAK = re.compile(r"[，,。；;：:、]")
_A_LATIN_NAME = re.compile(r"[a-z][a-z0-9-]*(?![a-z0-9])")  # (folded: Rubin is rubin)
_AND_AFTER = re.compile(r"\s*(?:和|与|及|以及|、|跟)")
_AND_BEFORE = re.compile(r"(?:和|与|及|以及|、|跟)\s*$")
# A name given right after a noun ("The chip, called Tessera-1,", "the cluster, named
# Orion,"), its quote mark skipped.
_CALLED = re.compile(r"\s*,?\s*(?:called|named|dubbed|code-?named|known\s+as)\s+[\"“']?")
# Where someone worked before, named after these (曾任AMD图形事业部高级总监, 来自谷歌).
_PAST_EMPLOYER = re.compile(rf"(?:{PAST_EMPLOYER_WORDS})\s*$")
_KIND_OF_NOUN = {
    "模型": "model", "芯片": "chip", "处理器": "chip", "网卡": "nic", "网络设备": "nic",
    "网络组件": "nic", "设备": "cluster", "集群": "cluster", "超级计算机": "cluster",
    "计算机": "cluster", "系统": "cluster", "智算中心": "cluster", "项目": "project",
    "数据中心": "cluster", "资料中心": "cluster", "算力中心": "cluster", "超算中心": "cluster",
    "中心": "cluster", "基地": "cluster", "超算": "cluster",
    "计划": "project", "服务": "product",
    "功能": "product", "产品": "product", "公司": "company", "集团": "company",
    "企业": "company",
    "厂商": "company", "大模型": "model", "晶片": "chip", "加速器": "chip", "丛集": "cluster",
    # a plant or a site is a project of its company's (该厂: K28新厂)
    "工厂": "project", "新厂": "project", "厂": "project",
    # a park of computing is a site, as a data centre's campus is (该园区一期总投资)
    "园区": "cluster",
    "chip": "chip", "plant": "project", "fab": "project", "factory": "project",
    "facility": "project", "site": "cluster", "campus": "cluster", "model": "model",
    "processor": "chip", "company": "company", "firm": "company", "startup": "company",
    "start-up": "company", "lab": "company", "chipmaker": "company",
    "service": "product", "cluster": "cluster", "supercomputer": "cluster", "project": "project",
    # (the supercomputer's other English words: "The system … links 18,432 GPUs")
    "system": "cluster", "machine": "cluster",
}  # fmt: skip
# A demonstrative opening a clause, after a conjunction or an adverb at most.
_OPENING = re.compile(
    r"[\s，,：:；;]*(?:而|但|则|也|还|并|同时|另外|此外|不过)?\s*(?:" + DEMONSTRATIVE.pattern + ")"
)
# 新网卡明年将部署…: a clause opening with "the new" and a noun goes on about the
# new one of that kind the text is on, as a demonstrative would.
_FRESH_OPENING = re.compile(
    r"[\s，,：:；;]*(?:而|但|则|也|还|并|同时|另外|此外|不过)?\s*新(?:款|一代)?\s*"
    r"(?P<noun>网卡|芯片|处理器|集群|超级计算机)"
)
# The English word a store's name uses for a kind of thing a Chinese noun names: of a
# company's two clusters, 超级计算机 is the one its name calls a supercomputer.
_ENGLISH_OF_NOUN = {
    "超级计算机": "supercomputer", "集群": "cluster", "网卡": "network", "网络设备": "network",
    "网络组件": "network", "服务": "service", "芯片": "chip", "模型": "model",
}  # fmt: skip
# Nouns only a demonstrative makes a reference of (该卡, 这张加速卡): a card alone is
# no thing described (英伟达的加速卡 are its chips at large).
_REFERRED_ONLY = {
    "加速卡": "chip", "训练卡": "chip", "推理卡": "chip", "显卡": "chip", "卡": "chip",
    # 该GPU: a chip by the Latin word of its kind
    "gpu": "chip", "asic": "chip", "npu": "chip", "xpu": "chip", "dpu": "chip",
}  # fmt: skip
_REFERRED = _KIND_OF_NOUN | _REFERRED_ONLY
# The nouns of a kind of thing, which a store may hold as one thing's name (网卡 for
# Microsoft's network card, read in its own article).
KIND_NOUNS = frozenset(_REFERRED) | {"network card", "network interface card", "graphics card"}
# A thing described, not named: a company, then (的 and) a few words of description,
# then the noun of a kind of thing (微软的大型超级计算机, 英伟达的网卡).
_DESCRIBED = re.compile(
    "(?P<noun>" + "|".join(sorted((n for n in _KIND_OF_NOUN if not n.isascii()), key=len,
    reverse=True)) + ")"
)  # fmt: skip
DESCRIPTION_REACH = 6
# A noun at the start of a longer word that names no kind of thing (服务器 is a
# server, no service; 伺服器 reads so once folded).
_LONGER_WORD = {"服务": "服务器"}
# An English noun of a kind after a word of any one of them ("any project", "each new
# cluster", "a chip"): no thing of the company's own.
_ANY_BEFORE = re.compile(r"\b(?:any|each|every|a|an|no)\s+(?:[a-z-]+\s+){0,2}$")
ANY_REACH = 30


def _noun(found: re.Match[str]) -> str:
    """The noun of a demonstrative ``DEMONSTRATIVE`` found."""
    noun = (
        found["noun"]
        or found["english"]
        or found["bare"]
        or found["site"]
        or found["party"]
        or found["opening"]
        or found["described"]
    )
    assert noun is not None  # each of its forms names one
    return str(noun)


# The kinds of a company's new thing that, named after it, are what its clause is about
# (a chip, a model or a site, not a service or a packaging line its capacity is counted by).
_NAMED_PRODUCTS = ("chip", "nic", "model", "cluster")
_SERIES_OR_DESIGN = re.compile(r"\s*(?:系列|架构|家族)")
# Whom something was said to ("told Reuters"): no employer of the one who said it.
_TOLD = re.compile(r"\b(?:told|tells|telling)\s+$")
# A phase of a site or a cluster, or the site itself: what it counts is the site's.
_PHASE = re.compile(
    r"\b(?:first|second|third|next)\s+phase\b|[首一二三四]期"
    # "plans to expand the cluster to 300,000 GPUs": the site the text is on
    r"|\bthe\s+(?:cluster|site|campus|supercomputer)\b"
)
# How far past a claim's word a demonstrative holding it may run ("the supercomputer").
_HELD_WORD = 16
# A company this close before a demonstrative (微软开发这款…) owns what it stands for.
OWNER_VERB = 3
# 一家新芯片企业: a venture introduced without a name (its founder's, in the store).
_NEW_VENTURE = re.compile(
    r"一(?:家|个|项)(?:全?新的?)[^，,。；;:：的\s]{0,6}?(?:企业|公司|项目|初创公司|合资企业)"
)
# 它 ("it"), a thing referred to, not 它们 ("they").
_IT = re.compile(r"它(?!们)")
# A person referred to (他曾公开抱怨), not 他们 ("they") or 其他 ("other").
_PERSONAL_PRONOUN = re.compile(r"(?<!其)[他她](?![们們人])")
# A name joined to its figure by 的 within this many characters (TPU芯片的产量) owns it.
ATTACHED = 4
# How far back (characters) the product a text is on may have been named, and an
# anaphor (该项目, 这款芯片, 其) looks for what it stands for.
TOPIC_REACH = 200
# How far back (characters) the site an article is on may have been named: a
# paragraph or two (a site's figures follow in a list of what it houses).
SITE_REACH = 600


# A sentence opening as an aside that sets what follows against the text's subject.
_ASIDE = re.compile(r"\s*(?:相比之下|相较之下|对比之下|作为对比|与之相比|相比而言)\s*[，,]")
_COMMA = re.compile(r"[，,；;]")
# 例如Meta的自研芯片计划: a name given as an example
_EXAMPLE = re.compile(r"(?:例如|比如|譬如)\s*$")
# How many names before "the company" say which company a story is about.
STORY_NAMES = 40


class References(Speakers):
    """The referents of demonstratives, pronouns and product words."""

    def product_of(self, mention: Mention, anchor: int) -> Entity:
        """The company named, or its product when the words after the name say which:
        微软…新网卡 is its one NIC (a noun for a kind of thing, when the store has one
        product of that kind); Wave Computing…自家的DPU is Wave Computing DPU (the rest
        of a product's name)."""
        entity = self.store.entity_at(mention.row)
        if entity.kind != "company":
            return entity
        named = self.new_product_named(entity, mention.end, anchor)
        if named is not None:
            return named
        end = self.before_objects(mention.end, anchor)
        between = self.article.folded[mention.end : max(end, mention.end)]
        return self.made_by(entity, between) or entity

    def one_of_two(self, mention: Mention, company: Entity) -> bool:
        """公司…的Blackwell与Rubin订单: a product named with another of its maker's (or
        a Latin name the store does not know) is one of two, the figure its maker's; not
        one set beside another maker's (岭云T200与英伟达H100对标) nor a partner (与客户签约)."""
        folded = self.article.folded
        after = _AND_AFTER.match(folded, mention.end)
        before = _AND_BEFORE.search(folded, behind(mention.start), mention.start)
        if after is None and before is None:
            return False
        # (the other may be named with its maker's name first: 与英伟达H100; the nearest)
        other = [
            self.store.entity_at(m.row)
            for m in self.sentence.entities
            if after is not None
            and 0 <= m.start - after.end() <= OTHER_REACH
            and not _A_BREAK.search(folded, after.end(), m.start)
            or before is not None
            and m.end == before.start()
        ]
        if other:
            return other[-1 if after is None else 0].maker == company.id
        return after is not None and _A_LATIN_NAME.match(folded, after.end()) is not None

    def before_objects(self, start: int, anchor: int) -> int:
        """Up to a name that is the verb's object (微软计划…为Azure新增: the company's),
        not one whose figure it is (将TPU的产量提高到: the TPU's)."""
        objects = [
            m.start
            for m in self.sentence.entities
            if start <= m.start < anchor
            and self.is_object(m)
            and "的" not in self.article.folded[m.end : m.end + ATTACHED]
        ]
        return min([anchor, *objects])

    def new_product_named(self, company: Entity, start: int, anchor: int) -> Entity | None:
        """谷歌第八代张量处理器训练版「TPU v8p」已于…投片, 该公司主力产品岭云T100训练卡
        出货量…: the company's new product named between it and the claim (before any
        object), not the one the words describe (nor a line the store has: Meta前几代
        MTIA, its generations)."""
        end = self.before_objects(start, anchor)
        named = [
            m
            for m in self.sentence.entities
            if start <= m.start < end
            and m.row >= PROPOSED_ROWS
            and (thing := self.store.entity_at(m.row)).maker == company.id
            and thing.kind in _NAMED_PRODUCTS
            # (not a series, 昇腾系列芯片的产量, nor an architecture, Blackwell架构GPU B200,
            # nor what it is measured against, 性能是TPU v5e的4.7倍)
            and not _SERIES_OR_DESIGN.match(self.article.folded, m.end)
            and not self.is_compared(m)
            # (nor one of two, 公司…的Blackwell與Rubin訂單: the company's orders)
            and not self.one_of_two(m, company)
        ]
        return self.store.entity_at(named[-1].row) if named else None

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
        keyed = key_text(words)
        company_keys = [name_key(n) for n in (company.id, company.name, *company.aliases)]
        for product in made if by_name else ():
            for name in (product.name, *product.aliases):
                key = name_key(name)
                rest = next((key[len(c) :] for c in company_keys if c and key.startswith(c)), "")
                at = keyed.keys.find(rest) if len(rest) >= 3 else -1
                # 扩建一座AI超级计算机集群: a new one described, not the store's named
                if at >= 0 and not introduces(
                    words, keyed.places[at], keyed.places[at + len(rest) - 1] + 1
                ):
                    return product
        # The last noun is the head (自研芯片计划 is a plan, not a chip).
        nouns = [
            (at, kind)
            for noun, kind in _KIND_OF_NOUN.items()
            if (at := words.rfind(noun)) >= 0
            and not (noun == "计划" and not plan_is_noun(words, at, at + len(noun)))
            and not words.startswith(_LONGER_WORD.get(noun, "\0"), at)
            # ("any project that needs…": one of a kind, none of its own named)
            and not _ANY_BEFORE.search(words, max(0, at - ANY_REACH), at)
        ]
        # 英伟达芯片服务器: a head of no kind (a server) after a noun of one
        nouns += [(at, "") for word in _LONGER_WORD.values() if (at := words.rfind(word)) >= 0]
        for _, kind in sorted(nouns, reverse=True)[:1]:
            if not kind:
                break
            # (not one the article proposes only later: 阿里云数据中心 is none of the
            # clusters a later paragraph introduces)
            of_kind = [e for e in made if e.kind == kind and self.written_yet(e)]
            # 微软…扩建一座AI超级计算机集群: of several, the one the words name whole
            written = [e for e in of_kind if name_key(e.name) in keyed.keys]
            if kind != "company" and len(written) == 1:
                return written[0]
            if kind != "company" and len(of_kind) == 1:
                return of_kind[0]
        return None

    def written_yet(self, entity: Entity) -> bool:
        """Whether the reader knows ``entity`` by this sentence: the store's, or one the
        article proposes that it has named before or in it."""
        if not isinstance(self.store, ProposedStore) or entity.id not in self.store.proposed:
            return True
        introduced = self.store.proposed[entity.id].at
        if introduced is not None:  # (乌兰察布的智算中心 may be no words of the text)
            return introduced < self.sentence.span.end
        return any(
            self.store.entity_at(m.row).id == entity.id
            for m in chain(self.earlier, self.sentence.entities)
        )

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

    def person_referred(self, clause: Span, anchor: int) -> Entity | None:
        """他 or 她 before ``anchor`` in the clause: the last person named."""
        if _PERSONAL_PRONOUN.search(self.article.folded, clause.start, anchor) is None:
            return None
        before = [m for m in self.sentence.entities if m.end <= anchor]
        return self.last_of_kind(Joined(self.earlier, before), "person")

    def pronoun_nearer(self, clause: Span, anchor: int) -> bool:
        """Whether 他 or 她 in the clause comes after the last demonstrative before
        ``anchor`` (作为公司的首要任务，他曾公开抱怨…: he, not the company)."""
        folded = self.article.folded
        pronoun = _PERSONAL_PRONOUN.search(folded, clause.start, anchor)
        if pronoun is None:
            return False
        start = self.sentence.span.start
        every = list(DEMONSTRATIVE.finditer(folded, start, max(anchor, start)))
        return not every or every[-1].start() < pronoun.start()

    def referent(self, anchor: int) -> Entity | None:
        """What 该模型 or 这款芯片 before ``anchor`` refers to: the last name written
        with that noun shortly before (Azure OpenAI 服务…这两项服务), else the last
        entity of that kind named before it."""
        start = self.sentence.span.start
        # in English, one that starts before the claim and holds its word ("the cluster
        # would house 350,000 GPUs": "cluster" is the claim's word and the noun; not "the
        # company", read otherwise, nor 该功能, whose 功能 names no feature then)
        end = min(self.sentence.span.end, max(anchor, start) + _HELD_WORD)
        every = [
            m
            for m in DEMONSTRATIVE.finditer(self.article.folded, start, end)
            if m.end() <= anchor
            or m.start() < anchor
            and m["english"]
            and _REFERRED[m["english"]] != "company"
        ]
        return self.refers_to(every[-1]) if every else None  # the last one before the claim

    def thing_referred(self, clause: Span, anchor: int, attribute: str) -> Entity | None:
        """What a demonstrative or 它 ("it") in the clause before ``anchor`` stands for,
        when it is of a kind that fits (为其节省资金, 该公司还希望它能够提高…: the
        device spoken of, not the company)."""
        folded = self.article.folded
        every = list(DEMONSTRATIVE.finditer(folded, clause.start, max(anchor, clause.start)))
        referred = self.refers_to(every[-1]) if every else None
        if referred is not None and applies_to(attribute, referred.kind):
            return referred
        it = _IT.search(folded, clause.start, max(anchor, clause.start))
        if it is None:
            return None
        return self.antecedent(
            it.start(), lambda kind: kind not in SPEAKERS and applies_to(attribute, kind)
        )

    def opening_referent(self, clause: Span) -> Entity | None:
        """What a demonstrative opening the clause refers to (这款芯片已经在微软…进行了
        测试, 该芯片主要用于…): the clause's subject, before any name after it."""
        found = _OPENING.match(self.article.folded, clause.start, clause.end)
        if found is not None:
            return self.refers_to(found)
        fresh = _FRESH_OPENING.match(self.article.folded, clause.start, clause.end)
        return self.fresh_referent(fresh) if fresh is not None else None

    def named_after(self, at: int) -> Entity | None:
        """The name a demonstrative's noun is given right after it ("The chip, called
        Tessera-1, is built…"): what it is, not the last chip named before."""
        called = _CALLED.match(self.article.folded, at)
        if called is None:
            return None
        named = [m for m in self.sentence.entities if m.start == called.end()]
        return self.store.entity_at(named[0].row) if named else None

    def fresh_referent(self, found: re.Match[str]) -> Entity | None:
        """新网卡: the last thing of that kind named or described shortly before that
        was no object (类似于英伟达的ConnectX-8 is what it is compared with)."""
        kind = _KIND_OF_NOUN[found["noun"]]
        at = found.start("noun")
        named = Joined(self.earlier, [m for m in self.sentence.entities if m.end <= at])
        places: list[tuple[int, Entity]] = []
        for mention in reversed(named):
            if at - mention.end > TOPIC_REACH:
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind and not self.is_object(mention):
                places.append((mention.start, entity))
                break
        since = places[0][0] if places else max(0, at - TOPIC_REACH)
        places += [(p, e) for p, e in self.introduced(since, at) if e.kind == kind]
        return max(places, key=lambda place: place[0])[1] if places else None

    def we_quoted(self, clause: Span) -> Entity | None:
        """The company of whoever says "we" in quotes (魏德森坦言，…，「我们希望在2027年
        前拿下两成市占」): the one the sentence names as speaking, before the quote or
        right after it."""
        folded = self.article.folded
        we = _WE.search(folded, clause.start, clause.end)
        if we is None:
            return None
        opened = max(folded.rfind(mark, self.sentence.span.start, we.start()) for mark in "“「『")
        if opened < 0 or any(folded.find(mark, opened, we.start()) >= 0 for mark in "”」』"):
            return None  # (not in quotes: the writer's "we")
        # (the one a verb of saying follows, right before the quote: 针对黄仁勋的言论，AMD
        # 回应称，「我们…」 is AMD's, not the one spoken of)
        said = [
            m
            for m in self.sentence.entities
            if m.end <= opened and _SAYS.fullmatch(folded, m.end, opened)
        ]
        if said:
            entity = self.store.entity_at(said[-1].row)
            return entity if entity.kind == "company" else self.company_of_person(said[-1])
        people = [
            m
            for m in self.sentence.entities
            if (m.end <= opened or m.start > clause.end)
            and self.store.entity_at(m.row).kind == "person"
        ]
        before = [m for m in people if m.end <= opened]
        speaker = before[-1] if before else people[0] if people else None
        return self.company_of_person(speaker) if speaker is not None else None

    def company_of_person(self, mention: Mention) -> Entity | None:
        """The company a person named at ``mention`` works for, where the article says."""
        if self.store.entity_at(mention.row).kind != "person":
            return None
        return self.employers.get(mention.row)

    def refers_to(self, found: re.Match[str]) -> Entity | None:
        """What the demonstrative ``found`` refers to."""
        given = self.named_after(found.end())
        if given is not None:
            return given
        folded = self.article.folded
        noun = _noun(found)
        kind = _REFERRED[noun]
        named = Joined(self.earlier, [m for m in self.sentence.entities if m.end <= found.start()])
        owner = named[-1] if named else None
        if owner is not None and 0 <= found.start() - owner.end <= OWNER_VERB:
            # 微软开发这款新网络设备: the company's own product of that kind
            made = self.described(self.store.entity_at(owner.row), noun)
            if made is not None:
                return made
        for mention in reversed(named):
            entity = self.store.entity_at(mention.row)
            if found.start() - mention.end > TOPIC_REACH:
                break
            after = folded[mention.end : found.start()].lstrip()
            # 服务器 ("server") is another word than 服务 ("service").
            if entity.kind == kind and after.startswith(noun) and not after.startswith("服务器"):
                return entity
        before = [m for m in self.sentence.entities if m.end <= found.start()]
        if kind == "company" and before:
            # 陈立衡透露，公司目前员工约320人, …，纳德拉表示，公司今年…: the company of the
            # one who speaks, the last name before it (before any company named earlier)
            employer = self.company_of_person(before[-1])
            if employer is not None and _SAYS.fullmatch(
                self.article.folded, before[-1].end, found.start()
            ):
                return employer
        # 尽管微软是英伟达GPU的最大客户之一，但该公司…: the sentence's subject of that
        # kind, before the last name of that kind
        for mention in self.sentence.entities:
            if mention.end > found.start():
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind and not self.is_object(mention) and not self.studies(mention):
                return entity
        if kind == "company":
            # 陈立衡在发布会上透露，公司…: the company of one who speaks in the sentence
            employer = next(filter(None, map(self.company_of_person, before)), None)
            if employer is not None:
                return employer
        # 甲骨文已向AMD订购…。该公司的资本支出…: the subject of that kind of the sentence
        # before, not what it bought from
        subject = self.subject_before(kind)
        if subject is not None:
            return subject
        if found["english"] and _KIND_OF_NOUN[found["english"]] == "company":
            # "…not a divorce from Nvidia. The company expects…": in English, the
            # company the story names most, of those named shortly before
            story = self.story_company(named)
            if story is not None:
                return story
        # Else the last of that kind before it, named or only described (微软的大型超级
        # 计算机…该设备, 一家新芯片企业…该项目)
        # (a research firm is what the text cites, no company it is about)
        of_kind = [
            m
            for m in reversed(named)
            if self.store.entity_at(m.row).kind == kind and not self.studies(m)
        ]
        # (曾任AMD…总监。…该公司: never someone's past employer)
        last = next((m for m in of_kind if not self.past_employer(m)), None)
        since = max(last.end if last is not None else 0, found.start() - TOPIC_REACH)
        described = [e for at, e in self.introduced(since, found.start()) if e.kind == kind]
        if described:
            return described[-1]
        if (
            last is not None
            and kind == "company"
            and (self.is_object(last) or folded.startswith("旗下", last.end))
            and not _EXAMPLE.search(folded, behind(last.start), last.start)
        ):
            # 宁德时代旗下产业基金跟投。知情人士透露，…。该公司成立于2019年: not a company
            # named as a fund's owner or as an object, the one the story names most (but
            # an example the text turns to is its topic: 例如Meta的…计划屡屡受挫。该公司…)
            story = self.story_company(named)
            if story is not None:
                return story
        if last is None and kind == "chip":
            # 银河-2…该芯片将于明年量产: a network card is a chip too, when no chip is named
            # (read back only as far as a topic reaches)
            near = takewhile(lambda m: found.start() - m.end <= TOPIC_REACH, reversed(named))
            last = next((m for m in near if self.store.entity_at(m.row).kind == "nic"), None)
        return self.store.entity_at(last.row) if last is not None else None

    def studies(self, mention: Mention) -> bool:
        """Whether the company named at ``mention`` is a research firm (集邦咨询, Bernstein):
        what 该公司 refers to is a company the text is about, not one it cites."""
        return self.store.entity_at(mention.row).kind == "company" and self.is_analyst(mention)

    def past_employer(self, mention: Mention) -> bool:
        """Whether a name is where someone worked before (曾任AMD…总监, 来自谷歌)."""
        folded = self.article.folded
        return _PAST_EMPLOYER.search(folded, behind(mention.start), mention.start) is not None

    def story_company(self, named: Sequence[Mention]) -> Entity | None:
        """The company named most among the last names before (read back only so far:
        counting every name before would make drafting quadratic)."""
        counts: dict[int, int] = {}
        for mention in islice(reversed(named), STORY_NAMES):
            if self.store.entity_at(mention.row).kind == "company":
                counts[mention.row] = counts.get(mention.row, 0) + 1
        if not counts:
            return None
        return self.store.entity_at(max(counts, key=lambda row: counts[row]))

    def own_thing(self, owner: Entity, kind: str, anchor: int) -> Entity | None:
        """The last thing of ``kind`` ``owner`` makes named shortly before ``anchor``
        (天翼云…建设一座…智算集群。首期部署8192颗: the cluster's first phase), else one
        of no maker named shortly before, or one of any maker named in the figure's
        sentence (与亚马逊合作兴建…内部代号「Keystone」，总投资…: the site's), or whose
        name holds the figure's word (在呼和浩特建设的智算集群中，约有2048张: 集群)."""
        named = Joined(self.earlier, [m for m in self.sentence.entities if m.start < anchor])
        for mention in reversed(named):
            if anchor - mention.end > TOPIC_REACH:
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind and entity.maker == owner.id:
                return entity
        # '"Calder One", a training cluster…that the company says will house…': one
        # named in the figure's sentence (of no maker, or of any), or of no maker shortly
        # before a phase of it ("Its first phase, with 100,000 GPUs", 二期共部署)
        start = start_of_sentence = self.sentence.span.start
        if _PHASE.search(self.article.folded, start, anchor):
            start = max(0, anchor - TOPIC_REACH)
        for mention in reversed(named):
            if mention.end < start:
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind and (entity.maker is None or mention.start >= start_of_sentence):
                return entity  # (one named in the figure's sentence, whoever builds it)
        return None

    def site_in_focus(self, anchor: int) -> Entity | None:
        """The cluster or site the text is on at ``anchor``: the last named before it,
        within ``SITE_REACH`` (an article on a site names it, then goes on with 该中心,
        一期 and what it houses)."""
        named = Joined(self.earlier, [m for m in self.sentence.entities if m.end <= anchor])
        for mention in reversed(named):
            if anchor - mention.end > SITE_REACH:
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == "cluster" and not self.is_counted(mention):
                return entity
        return None

    def of_a_phase(self, anchor: int, entity: Entity | None) -> bool:
        """Whether the sentence speaks of a site's phase before ``anchor`` (一期共部署,
        第一期總投資, "its first phase"): the last phase before it, not one of
        ``entity`` named before it in its clause (SK海力士HBM3E第一期扩产: the memory
        maker's expansion, no site's)."""
        folded = self.article.folded
        phases = list(_PHASE.finditer(folded, self.sentence.span.start, anchor))
        if not phases:
            return False
        phase = phases[-1]
        clause = self.clause_of(phase.start())
        return entity is None or not any(
            clause.start <= m.start < phase.start()
            and self.store.entity_at(m.row).id == entity.id
            and not (self.is_counted(m) or self.is_object(m))
            for m in self.sentence.entities
        )

    def subject_before(self, kind: str) -> Entity | None:
        """The first entity of ``kind`` in the sentence before that is no object."""
        before = self.previous_span
        if before is None:
            return None
        in_it = []
        for mention in reversed(self.earlier):
            if mention.start < before.start:
                break
            in_it.append(mention)
        # 相比之下，英伟达H100的晶体管数量为800亿个，T2比其多出约三成: the clause after an
        # aside's opening names what the text is set against, no subject
        folded = self.article.folded
        aside = _ASIDE.match(folded, before.start, before.end)
        comma = _COMMA.search(folded, aside.end(), before.end) if aside is not None else None
        set_against = comma.start() if comma is not None else -1
        fitting = [
            m
            for m in reversed(in_it)
            if self.store.entity_at(m.row).kind == kind
            and not self.is_object(m)
            and not (kind == "company" and self.studies(m))  # (never a firm it cites)
        ]
        # (the text's own subject may be the one set against the sentence before:
        # 相比之下，Maia 200的功耗仅为500瓦 — then it is the first after the aside)
        after = [m for m in fitting if m.start >= set_against] if set_against >= 0 else []
        chosen = after or fitting
        return self.store.entity_at(chosen[0].row) if chosen else None

    def antecedent(
        self, anchor: int, kinds: Callable[[str], bool], told_too: bool = True
    ) -> Entity | None:
        """The last entity before ``anchor``, shortly before, of a kind that fits: what
        a claim whose subject does not fit it is about (其训练性能提升了60%, said of a
        chip, after 该芯片; 为一家新芯片企业筹集…资金)."""
        start = max(0, anchor - TOPIC_REACH)
        named = Joined(self.earlier, [m for m in self.sentence.entities if m.end <= anchor])
        last = None
        for mention in reversed(named):
            if mention.end < start:
                break
            if self.is_compared(mention) or self.is_counted(mention):
                continue  # 约为上一代F2的2.4倍: the figure is not F2's
            folded = self.article.folded
            if not told_too and _TOLD.search(folded, behind(mention.start), mention.start):
                continue  # "told Reuters": whom it was said to
            if kinds(self.store.entity_at(mention.row).kind):
                last = mention
                break
        since = last.end if last is not None else start
        described = [e for _, e in self.introduced(since, anchor) if kinds(e.kind)]
        if described:
            return described[-1]
        return self.store.entity_at(last.row) if last is not None else None

    def introduced(self, start: int, end: int) -> list[tuple[int, Entity]]:
        """Things the text refers to without their name between ``start`` and ``end``,
        in order, with where: a company's product described by a noun (微软的大型超级
        计算机, the one of that kind whose name says so) and a venture introduced as new
        (奥特曼…为一家新芯片企业筹集, the founder's)."""
        folded = self.article.folded
        # Read back from the end only as far as the window: the whole list of names
        # before would make drafting quadratic
        named: list[Mention] = []
        for m in reversed(Joined(self.earlier, self.sentence.entities)):
            if m.start < start - LOOK_BEHIND:
                break
            if m.end <= end:
                named.append(m)
        named.reverse()
        found: list[tuple[int, Entity]] = []
        for mention in named:
            company = self.store.entity_at(mention.row)
            if company.kind != "company" or mention.end < start:
                continue
            described = _DESCRIBED.search(
                folded, mention.end, min(end, mention.end + DESCRIPTION_REACH + 5)
            )
            if described is None:
                continue
            between = folded[mention.end : described.start()]
            if len(between) > DESCRIPTION_REACH or any(p in between for p in PUNCTUATION):
                continue
            product = self.described(company, described["noun"])
            if product is not None:
                found.append((described.start(), product))
        for venture in _NEW_VENTURE.finditer(folded, start, end):
            founders = [
                m
                for m in named
                if m.end <= venture.start()
                and venture.start() - m.end <= LOOK_BEHIND
                and self.store.entity_at(m.row).kind in ("person", "company")
            ]
            if founders:
                made = self.venture_of(self.store.entity_at(founders[-1].row))
                if made is not None:
                    found.append((venture.start(), made))
        return sorted(found, key=lambda item: item[0])

    def described(self, company: Entity, noun: str) -> Entity | None:
        """The company's one product of the kind ``noun`` names, or of several the one
        whose name uses the noun (or its English word)."""
        kind = _REFERRED[noun]
        if kind == "company":
            return None
        made = [e for e in self.store.entities.values() if e.maker == company.id and e.kind == kind]
        if len(made) <= 1:
            return made[0] if made else None
        words = {noun, _ENGLISH_OF_NOUN.get(noun, noun)}
        called = [e for e in made if any(w in fold(n) for n in (e.name, *e.aliases) for w in words)]
        return called[0] if len(called) == 1 else None

    def venture_of(self, founder: Entity) -> Entity | None:
        """The project or company the store has as the founder's: made by it, or named
        after it (Altman's chip venture)."""
        names = [fold(n) for n in (founder.name, *founder.aliases) if len(n) >= 3]
        ventures = [
            e
            for e in self.store.entities.values()
            if e.kind in ("project", "company")
            and e.id != founder.id
            and (
                e.maker == founder.id
                or any(re.search(rf"\b{re.escape(n)}\b", fold(e.name)) for n in names)
            )
        ]
        return ventures[0] if len(ventures) == 1 else None
