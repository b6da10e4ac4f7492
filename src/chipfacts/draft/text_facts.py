"""Text claims from clauses: each clause that holds a word for a kind of claim
(``cuewords``: 用于 a purpose, 客户 customers, 计划 a plan, 表示 a statement…)
becomes a text fact whose value is the clause, for the curator to restate: of
the attribute its strongest word marks that can be said of the entity it is
about (a role is a person's, a foundry a chip's), the entity found by
``subject``, the owner of a relation, the speaker of a statement, or the
subject a clause that names nothing goes on about. A clause whose entity is
only a guess gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chipfacts.draft.attribution import Attribution
from chipfacts.draft.candidates import Candidate, Decision, NewEntity
from chipfacts.draft.code_names import CODENAME
from chipfacts.draft.context import behind
from chipfacts.draft.cuewords import (
    CUES,
    MOUNTED,
    RELATION_ATTRIBUTES,
    RELATIONS,
    UNDERGONE,
    applies_to,
    is_specification,
)
from chipfacts.draft.reading import plan_is_noun
from chipfacts.draft.references import DEMONSTRATIVE
from chipfacts.draft.role_facts import TEXT_CONFIDENCE, title_attribute
from chipfacts.draft.sentences import Span, inside
from chipfacts.draft.subject import NEW_ENTITY
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Attribute, Bound, Entity, Status, ValueType
from chipfacts.text.cues import Cue
from chipfacts.text.normalize import name_key
from chipfacts.text.numbers import Quantity

# An attribute labelled in the passive ("Used or tested by") is about the verb's object.
_PASSIVE = re.compile(r"\bby$", re.IGNORECASE)
# A word news prose uses for a claim outweighs any store synonym (``claim_words``).
PROSE_WEIGHT = 10
SYNONYM_PHRASE = 3  # characters
# A text claim is only drafted for an entity found at least this surely
# (``entity_for``): named in the clause, referred to, or the sentence's subject;
# a guess from anywhere in the sentence or before it is most often wrong.
TEXT_SURE = 0.85
# The attribute of what someone said, when no other word says what it is about.
STATEMENT = "statement"
MEMORY = "memory"
# A link's bandwidth (单端口带宽, 片间互联带宽, 网卡频宽, 交换带宽) and memory talked of as
# goods (HBM3的单价, HBM3E良率, HBM供应): no chip's memory.
_LINK_BEFORE = re.compile(r"(?:互联|互连|端口|埠|网络|交换|网卡|链路|片间|卡间|nvlink|传输)\s*$")
_GOODS_AFTER = re.compile(
    r"[a-z0-9]*\s*的?\s*(?:单价|价格|报价|合约价|良率|产能|供应|供货|出货|营收|订单|市场|份额|库存|交期|短缺)"
)
LINK_REACH = 6
# Where a quotation closes, its full stop before the mark.
_CLOSING_QUOTE = re.compile(r"[。.]?[”」]")
PLAN = "plan"
USED_BY = "used_by"
SUPPLIERS = "suppliers"
AVAILABILITY = "availability"
SUPPLY_RISK = "supply_risk"
# How tight a supply is, a few words after it (供应仍然吃紧, 的供应持续偏紧).
# (not 已不再紧张, 并不短缺: no longer, or not)
_TIGHT_AFTER = re.compile(
    r"[^，,。；;]{0,6}?(?<!不)(?<!再)(?<!未)(?<!没有)(?:吃紧|偏紧|紧张|短缺|不足|受限|中断|紧缺)"
)
# Words of supply and of design work that 由 puts in the passive (由SK海力士独家供应,
# 由博通协助设计, 由博通提供定制芯片设计服务).
_SUPPLIED = ("供应", "供货", "独家供应")
_DESIGNED = ("协助设计", "设计服务")
# What has suppliers only of its parts, named after 由 (记忆体由SK海力士供应), no buyer.
_SUPPLIED_PARTS = ("cluster", "chip")
# What may stand between the last name after 由 and its verb (两家, 共同, 独家), and
# between it and a word of design work (负责运算芯片的, 提供定制芯片).
_DOERS_END = re.compile(r"\s*(?:[两三四]家|等|共同|独家|联合|分别|负责)*\s*")
_DESIGNERS_END = re.compile(r"\s*(?:负责|提供)?[^，,。；;由]{0,12}?")
# The verbs of use a passive 被 turns into "used by" (被…用于, 被…采用).
_USED = ("用于", "用来", "采用", "使用", "用于训练", "用于推理", "主要用于")
FOUNDRY = "foundry"
# Between a thing and the word giving its code name: a comma or bracket, 内部, 其, 的
# (MTIA-T2，内部代号, AX-1（內部代號, 该芯片内部代号为).
_BEFORE_CODE_NAME = re.compile(r"[\s，,（(]*(?:其|的)?\s*(?:内部)?\s*")


def _is_phrase(word: Mention) -> bool:
    """An attribute word that says something in prose: Chinese, or Latin of two words.

    One English word ("use", "like", "lead") is too common to be a claim's mark.
    """
    return not word.word.isascii() or " " in word.word.strip()


# In an English clause a word's letters say nothing of its strength ("customers" is
# no surer a claim than "priority"): each word counts as this many Chinese characters.
ENGLISH_WORD = 2


def _strength(word: str, english: bool) -> int:
    """A cue word's weight: its characters, or in an English clause its words."""
    return ENGLISH_WORD * len(word.split()) if english else len(word)


class TextFacts(Attribution):
    """Text facts from clauses."""

    def claim_words(self, clause: Span) -> list[tuple[int, int, Attribute, Mention]]:
        """The text attributes the clause's words mark, the strongest first: a word
        of news prose for the claim (``cuewords``) before a store synonym, a longer
        word before a shorter, then the table's order."""
        marked: list[tuple[int, int, Attribute, Mention]] = []
        order = {ident: at for at, ident in enumerate(CUES)}
        english = self.article.folded[clause.start : clause.end].isascii()
        for claim in self.sentence.claims:
            if inside(claim.start, claim.end, clause):
                # A phrase before 的 qualifies a noun: a claim about the noun when it is
                # named and no other claim word follows (专用于AI加速的MI 300X芯片);
                # else the clause's main verb's (微软正在开发的新网卡也可以提高…)
                modifier = self.article.folded.startswith("的", claim.end)
                named_head = self.head_of(Mention(claim.start, claim.end, -1, claim.word))
                main_verb_after = any(
                    c.start > claim.end and inside(c.start, c.end, clause)
                    for c in self.sentence.claims
                )
                qualifies = main_verb_after if named_head is not None else modifier
                weight = _strength(claim.word, english) + (0 if qualifies else PROSE_WEIGHT)
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
            if inside(word.start, word.end, clause) and _is_phrase(word):
                marked.append((_strength(word.word, english), -len(order), attribute, word))
        used_by = self.store.attributes.get(USED_BY)
        for weight, _, _, word in list(marked):
            if used_by is None:
                break
            # 已被微软和Meta用于推理服务: used by them, before used for it; 已经在Bing和
            # office的…上测试: tested by them, before a state of its development
            passive = word.word in _USED and self.passive_voice(clause, word) is not None
            tested_on = word.word in UNDERGONE and self.tested_on(clause, word)
            if passive or tested_on:
                marked.append((weight + 1, -order.get(USED_BY, len(order)), used_by, word))
        suppliers = self.store.attributes.get(SUPPLIERS)
        for weight, _, _, word in list(marked):
            # 交换机和网卡主要由英伟达和博通两家供应: supplied by those named, its suppliers,
            # before a supply in general
            if suppliers is not None and self.by_whom(clause, word):
                marked.append((weight + 1, -order.get(SUPPLIERS, len(order)), suppliers, word))
        # HBM供应仍然吃紧, B200的供应目前仍然紧张: supply as a noun, then how tight it is:
        # a risk to supply, no word of who can get it
        risk = self.store.attributes.get(SUPPLY_RISK)
        marked = [
            (m[0], m[1], risk, m[3])
            if risk is not None
            and m[2].id == AVAILABILITY
            and m[3].word in _SUPPLIED
            and _TIGHT_AFTER.match(self.article.folded, m[3].end, clause.end)
            else m
            for m in marked
        ]
        # 并采用CoWoS封装: what is used is named by another claim's word (CoWoS is a
        # word of packaging), so the clause is that claim, not one of use
        marked = [m for m in marked if not self.uses_what_another_names(m, marked)]
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

    def uses_what_another_names(
        self,
        mark: tuple[int, int, Attribute, Mention],
        marked: list[tuple[int, int, Attribute, Mention]],
    ) -> bool:
        """Whether ``mark`` is a verb of use whose object's name is a word of another
        attribute marked in the clause (采用CoWoS封装: CoWoS, a word of packaging)."""
        if mark[2].id != USED_BY or mark[3].word not in _USED:
            return False
        after = [m for m in self.sentence.entities if 0 <= m.start - mark[3].end <= 1]
        if not after:
            return False
        used = self.store.entity_at(after[0].row)
        names = {name_key(n) for n in (used.name, *used.aliases)}
        return any(
            other[2].id != USED_BY and names & {name_key(w) for w in other[2].synonyms}
            for other in marked
        )

    def code_named(self, word: Mention) -> Entity | None:
        """Whose code name the words after ``word`` (代号) give: the name right before
        it (MTIA-T2，内部代号“Phoenix”), or what a demonstrative right before it
        refers to (该芯片内部代号为“Ironwood”); never the code name itself."""
        folded = self.article.folded
        for mention in reversed(self.sentence.entities):
            if mention.end <= word.start:
                if _BEFORE_CODE_NAME.fullmatch(folded, mention.end, word.start):
                    return self.store.entity_at(mention.row)
                break
        start = max(self.sentence.span.start, behind(word.start))
        pointed = DEMONSTRATIVE.search(folded, start, word.start)
        if pointed is not None and _BEFORE_CODE_NAME.fullmatch(folded, pointed.end(), word.start):
            return self.referent(word.start)
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
        names = [m for m in self.sentence.entities if inside(m.start, m.end, clause)]
        speaker = self.speaker_entity(said) if said is not None else None
        # 该芯片主要用于…: a clause opening with a demonstrative has a subject of its own
        own_subject = any(not self.is_object(m) for m in names) or (
            self.opening_referent(clause) is not None
        )
        # who said it opens the quote, when named before the clause (not after it: "…,
        # Amazon said.")
        start = (
            said.start
            if said is not None and speaker is not None and said.start < clause.start
            else clause.start
        )
        role = title_attribute(self.store)
        for strength, _, attribute, word in self.claim_words(clause):
            if not names and speaker is None and strength < PROSE_WEIGHT:
                # A clause naming nothing (主要用于加快…) goes on about the sentence's
                # subject only when news prose's own word for a claim marks it
                continue
            if clause in titled and role is not None and attribute.id == role.id:
                continue  # the title's own candidate says it
            if specs_only and not is_specification(attribute.id):
                continue
            if attribute.id == MEMORY and no_memory(self.article.folded, word):
                continue
            passive = _PASSIVE.search(attribute.label) is not None
            entity: Entity | None
            owner = self.owner(clause, word) if word.word in RELATIONS else None
            speech = self.speech_at(word) if attribute.id == STATEMENT else None
            head = (
                self.head_of(word) or self.english_head(word, attribute.id)
                if strength >= PROSE_WEIGHT
                else None
            )
            if word.word in RELATIONS and owner is None:
                continue  # 向客户供应: customers in general, nobody's named relation
            given = self.code_named(word) if attribute.id == CODENAME else None
            if owner is not None:
                entity, weight = owner, 1.0
            elif given is not None:
                entity, weight = given, 1.0
            elif head is not None:
                entity, weight = head, 1.0
            elif speech is not None:
                # A statement is its speaker's (更有外媒表示openAI…: nobody named)
                spoken = self.speaker_entity(speech)
                if spoken is None or self.said_of_a_thing(clause, speech):
                    continue
                entity, weight = spoken, 1.0
            elif speaker is not None and not own_subject and not passive:
                entity, weight = speaker, 0.85
            elif passive:
                # "Used by": the claim is about what is used, the verb's object
                # (使用H100, 使用这款芯片), else the subject tested (这款芯片…进行了测试),
                # or the subject of 被 (其MI300X芯片已被微软和Meta用于推理)
                bei = self.passive_voice(clause, word)
                if bei is not None:
                    entity, _, weight = self.entity_for(clause, bei, None)
                elif word.word in MOUNTED or word.word.isascii() and word.word.endswith(" by"):
                    # "the MI300X is now used by Microsoft", 该芯片将搭载于Rubin平台: the
                    # subject before it
                    entity, _, weight = self.entity_for(clause, word.start, word)
                elif any(m.start >= word.end for m in names):
                    entity, _, weight = self.entity_for(clause, word.end, word, after=True)
                elif DEMONSTRATIVE.search(self.article.folded, word.end, clause.end):
                    entity, weight = self.referent(clause.end), 0.85
                elif word.word in UNDERGONE:
                    entity, _, weight = self.entity_for(clause, word.start, word)
                else:
                    continue
            else:
                entity, _, weight = self.entity_for(clause, word.start, word)
            proposed = self.new_product(clause, word) if applies_to(attribute.id, "chip") else None
            if proposed is not None:
                # Blackwell芯片的需求: a product the store lacks, to be added
                yield self.text_candidate(None, attribute, start, clause.end, 1.0, proposed.entity)
                return
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
                if made is not None and self.can_say(attribute, made, clause, word):
                    entity = made
            if not self.can_say(attribute, entity, clause, word):
                # 该公司还希望它能够提高…: a benefit is a thing's, the one referred to;
                # 微软推出Maia 100，由台积电代工: a foundry is a chip's, the one named before
                entity = self.thing_referred(
                    clause, word.start, attribute.id
                ) or self.nearest_fitting(clause, attribute)
                if entity is None:
                    continue
            if any(
                m.start <= word.start
                and word.end <= m.end
                and self.store.entity_at(m.row).id == entity.id
                for m in names
            ):
                continue  # HBM4已完成开发: the word is in the name of what the claim is about
            if (
                attribute.id in RELATION_ATTRIBUTES
                and not self.names_other(clause, entity)
                # "The social media company remains one of Nvidia's biggest customers"
                and self.noun_subject(clause) in (None, entity)
            ):
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

    def said_of_a_thing(self, clause: Span, speech: Cue) -> bool:
        """ "AWS said Trainium3, made on …": in English what is said follows the speech
        word, and a product named right after it is what the claim is about (its
        figures are drafted), no statement of the speaker's."""
        folded = self.article.folded
        if not folded[clause.start : clause.end].isascii():
            return False
        return any(
            speech.end <= m.start
            and m.end <= clause.end
            and folded[speech.end : m.start].split()
            in ([], ["that"], ["the"], ["that", "the"], ["its"], ["that", "its"], ["their"])
            and not applies_to(STATEMENT, self.store.entity_at(m.row).kind)
            for m in self.sentence.entities
        )

    def tested_on(self, clause: Span, word: Mention) -> bool:
        """Whether the clause names where a test was run (在Bing和office的…上测试,
        在微软和OpenAI的小团队中进行了测试): a name after 在, before the word."""
        folded = self.article.folded
        at = folded.rfind("在", clause.start, word.start)
        return at >= 0 and any(
            at < m.start and m.end <= word.start and folded[at + 1 : m.start].strip() == ""
            for m in self.sentence.entities
        )

    def can_say(self, attribute: Attribute, entity: Entity, clause: Span, word: Mention) -> bool:
        """Whether the claim at ``word`` can be said of ``entity`` (``cuewords.KINDS``),
        and a site's or a chip's suppliers where 由 names who supplies its parts or does
        its design (记忆体由SK海力士供应, 由博通协助设计), which KINDS gives no site or chip."""
        if attribute.id == SUPPLIERS and entity.kind in _SUPPLIED_PARTS:
            return self.by_whom(clause, word)
        return applies_to(attribute.id, entity.kind)

    def by_whom(self, clause: Span, word: Mention) -> bool:
        """Whether 由 names who does the verb at ``word`` right before it, in its clause
        (由英伟达和博通两家供应, 由国内磊晶厂华旭光电供应; not 由于…供应受限, nor 由SK海力士
        主导、供应紧张: another verb between)."""
        between = (
            _DOERS_END
            if word.word in _SUPPLIED
            else _DESIGNERS_END
            if word.word in _DESIGNED
            else None
        )
        folded = self.article.folded
        by = self.marked_before(clause, word, "由")
        if between is None or by is None or folded.startswith("于", by + 1):
            return False
        return any(
            by < m.start and between.fullmatch(folded, m.end, word.start)
            for m in self.sentence.entities
        )

    def passive_voice(self, clause: Span, word: Mention) -> int | None:
        """Where 被 ("by") puts the verb at ``word`` in the passive, with the users
        named between (已被微软和Meta用于, 被Anthropic等客户采用), if it does."""
        bei = self.marked_before(clause, word, "被")
        if bei is None:
            return None
        named = [m for m in self.sentence.entities if bei < m.start and m.end <= word.start]
        return bei if named else None

    def marked_before(self, clause: Span, word: Mention, marker: str) -> int | None:
        """Where ``marker`` (被, 由) stands last before ``word`` in its clause, with no
        stop between them."""
        folded = self.article.folded
        at = folded.rfind(marker, clause.start, word.start)
        if at < 0 or any(p in folded[at : word.start] for p in "，,。；;：:"):
            return None
        return at

    def node_foundry(self, node: Candidate, quantity: Quantity) -> Candidate | None:
        """采用台积电的5nm制程, Tensor使用三星5nm制程: the company whose process node a
        chip uses is its foundry (the node's quote says both)."""
        foundry = self.store.attributes.get(FOUNDRY)
        chip = node.entity
        if foundry is None or chip is None or node.attribute.unit != "nm":
            return None
        if not applies_to(FOUNDRY, chip.kind):
            return None
        folded = self.article.folded
        for mention in self.sentence.entities:
            between = folded[mention.end : quantity.start].strip()
            company = self.store.entity_at(mention.row)
            # 台积电的5nm, TSMC's 5-nanometer
            named_before = mention.end <= quantity.start and between in ("", "的", "'s", "’s")
            if named_before and company.kind == "company":
                return self.text_candidate(chip, foundry, node.start, node.end, 1.0)
        return None

    def quotation(self, closing: Cue) -> Iterator[Candidate]:
        """“…。”赵启明在论坛上表示。: the quotation is its speaker's statement, the
        whole of it, whatever figures it gives."""
        span, folded = self.sentence.span, self.article.folded
        statement = self.store.attributes.get(STATEMENT)
        speaker = self.closing_speaker(closing)
        closed = _CLOSING_QUOTE.search(folded, span.start, closing.start)
        if not folded.startswith(("“", "「"), span.start) or closed is None:
            return
        if statement is None or speaker is None or not applies_to(STATEMENT, speaker.kind):
            return
        said = self.text_candidate(speaker, statement, span.start + 1, closed.start(), 0.85)
        # what someone is quoted saying is their claim, whatever its verbs
        yield said._replace(status=Status.CLAIMED, claimed_by=speaker)

    def text_candidate(
        self,
        entity: Entity | None,
        attribute: Attribute,
        start: int,
        end: int,
        weight: float,
        proposed: NewEntity | None = None,
    ) -> Candidate:
        status, claimed_by, as_of, cues, decisions, quote, begin, finish = self.base(
            entity, attribute, start, end, end
        )
        if proposed is not None:
            decisions.insert(0, Decision("entity", NEW_ENTITY))
        decisions.append(Decision("value", "restate the quote in English"))
        return Candidate(
            entity, proposed, attribute, quote, None, None, Bound.EXACT, None, status, claimed_by,
            as_of, quote, begin, finish, cues, tuple(decisions),
            round(TEXT_CONFIDENCE * weight, 2),
        )  # fmt: skip


def no_memory(folded: str, word: Mention) -> bool:
    """Whether the memory's word found is a link's bandwidth or memory as goods."""
    if word.word == "带宽":
        return _LINK_BEFORE.search(folded, max(0, word.start - LINK_REACH), word.start) is not None
    return _GOODS_AFTER.match(folded, word.end) is not None
