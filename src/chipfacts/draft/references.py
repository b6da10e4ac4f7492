"""What a word that names nothing refers to: a demonstrative (该模型,
这两项服务, the chip), a personal pronoun (他, 她), or a company's product
pointed at by a noun (微软…新网卡, 自研芯片计划, the product the text is on).
"""

from __future__ import annotations

import re

from chipfacts.draft.reading import plan_is_noun
from chipfacts.draft.sentences import Joined, Span
from chipfacts.draft.speakers import Speakers
from chipfacts.draft.vocabulary import Mention, key_text
from chipfacts.model.records import Entity
from chipfacts.text.normalize import name_key

# 该模型, 这款芯片: a demonstrative and the head noun that says what kind of thing it is.
DEMONSTRATIVE = re.compile(
    r"(?:(?:该|这|此|其)(?:款|家|项|台|个|批|两项|两家)?\s*(?:自研|新款|新一代|最新|首款|定制|新)?"
    r"(?P<noun>模型|芯片|处理器|网卡|设备|集群|计算机|项目|计划|服务|产品|公司)"
    # The same in English (the text is folded to lower case): the chip, this model.
    r"|\b(?:the|this|that|its)\s+(?:new\s+)?(?P<english>chip|model|processor|company|service|"
    r"cluster|supercomputer|project)\b)"
)
_KIND_OF_NOUN = {
    "模型": "model", "芯片": "chip", "处理器": "chip", "网卡": "nic", "设备": "cluster",
    "集群": "cluster", "计算机": "cluster", "项目": "project", "计划": "project",
    "服务": "product",
    "产品": "product", "公司": "company",
    "chip": "chip", "model": "model", "processor": "chip", "company": "company",
    "service": "product", "cluster": "cluster", "supercomputer": "cluster", "project": "project",
}  # fmt: skip
# A person referred to (他曾公开抱怨), not 他们 ("they") or 其他 ("other").
_PERSONAL_PRONOUN = re.compile(r"(?<!其)[他她](?![们們人])")
# How far back (characters) the product a text is on may have been named.
TOPIC_REACH = 200


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
        between = self.article.folded[mention.end : max(anchor, mention.end)]
        return self.made_by(entity, between) or entity

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
        keys = key_text(words).keys
        company_keys = [name_key(n) for n in (company.id, company.name, *company.aliases)]
        for product in made if by_name else ():
            for name in (product.name, *product.aliases):
                key = name_key(name)
                rest = next((key[len(c) :] for c in company_keys if c and key.startswith(c)), "")
                if len(rest) >= 3 and rest in keys:
                    return product
        # The last noun is the head (自研芯片计划 is a plan, not a chip).
        nouns = [
            (at, kind)
            for noun, kind in _KIND_OF_NOUN.items()
            if (at := words.rfind(noun)) >= 0
            and not (noun == "计划" and not plan_is_noun(words, at, at + len(noun)))
        ]
        for _, kind in sorted(nouns, reverse=True)[:1]:
            of_kind = [e for e in made if e.kind == kind]
            if kind != "company" and len(of_kind) == 1:
                return of_kind[0]
        return None

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

    def referent(self, anchor: int) -> Entity | None:
        """What 该模型 or 这款芯片 before ``anchor`` refers to: the last name written
        with that noun shortly before (Azure OpenAI 服务…这两项服务), else the last
        entity of that kind named before it."""
        start = self.sentence.span.start
        folded = self.article.folded
        every = list(DEMONSTRATIVE.finditer(folded, start, max(anchor, start)))
        found = every[-1] if every else None  # the last one before the claim
        if found is None:
            return None
        noun = found["noun"] or found["english"]
        kind = _KIND_OF_NOUN[noun]
        named = Joined(self.earlier, [m for m in self.sentence.entities if m.end <= found.start()])
        for mention in reversed(named):
            entity = self.store.entity_at(mention.row)
            if found.start() - mention.end > TOPIC_REACH:
                break
            after = folded[mention.end : found.start()].lstrip()
            # 服务器 ("server") is another word than 服务 ("service").
            if entity.kind == kind and after.startswith(noun) and not after.startswith("服务器"):
                return entity
        # 尽管微软是英伟达GPU的最大客户之一，但该公司…: the sentence's subject of that
        # kind, before the last name of that kind
        for mention in self.sentence.entities:
            if mention.end > found.start():
                break
            entity = self.store.entity_at(mention.row)
            if entity.kind == kind and not self.is_object(mention):
                return entity
        return self.last_of_kind(named, kind)
