"""People's roles and glossed names: a person named right after a job title
(首席执行官萨提亚·纳德拉), or one the store lacks with the name in Latin letters
(凯文·斯科特（Kevin Scott）), holds the store's title attribute; a product's
name glossed in brackets (Base Command(AI训练端到端软件服务)) says its purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from chipfacts.draft.attribution import Attribution
from chipfacts.draft.candidates import Candidate, Decision, NewEntity
from chipfacts.draft.context import TITLE_AT_END, TITLES
from chipfacts.draft.cuewords import applies_to
from chipfacts.draft.sentences import Span
from chipfacts.draft.subject import NEW_ENTITY
from chipfacts.draft.vocabulary import Mention
from chipfacts.model.records import Attribute, Bound, Entity, Status, ValueType
from chipfacts.store.store import Store
from chipfacts.text.normalize import name_key

# A phrase describing the person named after it: a title or a charge, then 的.
_ROLE_PHRASE = re.compile(
    "(?:" + "|".join(re.escape(t.lower()) for t in (*TITLES, "负责")) + r")[^，,。；;的]{0,24}的$"
)
_LATIN_NAME = re.compile(r"\s*[(（][A-Za-z][A-Za-z .\-\n]*[)）]")
# In English, a title in an appositive after the name ("Lena Okafor, an analyst at TD
# Cowen, said", "Rhea Malhotra, Meta's vice president of infrastructure, said").
_APPOSITIVE = re.compile(
    r",\s+(?:(?:an?|the|its|his|her)\s+)?(?:[a-z0-9'’&.\-]+\s+){0,3}?(?:"
    + "|".join(re.escape(t.lower()) for t in sorted(TITLES, key=len, reverse=True) if t.isascii())
    + r")\b[^,;:.!?]{0,48}(?=,)"
)
TEXT_CONFIDENCE = 0.5
PURPOSE = "purpose"
# A bracketed gloss right after a name: Chinese words, no more than a phrase.
# (not its code name, 下一代TPU（内部代号“Sequoia”）: a name, no purpose)
_GLOSS = re.compile(r"\s*[(（](?!\s*(?:内部)?代号)(?=[^)）]*[\u4e00-\u9fff])[^)）(（]{4,30}[)）]")


@cache
def _title_keys() -> tuple[str, ...]:
    """The titles' keys, worked out once: every clause asks for the title attribute."""
    return tuple(name_key(title) for title in TITLES)


def title_attribute(store: Store) -> Attribute | None:
    """The store's attribute for a person's job: the text attribute most of the
    common titles are words of (CEO, 首席执行官, 副总裁…), if any."""
    owners: dict[str, int] = {}
    for key in _title_keys():
        for row in store.attribute_keys.get(key, []):
            attribute = store.attribute_at(row)
            if attribute.type is ValueType.TEXT:
                owners[attribute.id] = owners.get(attribute.id, 0) + 1
    if not owners:
        return None
    return store.attributes[max(owners, key=lambda ident: owners[ident])]


class RoleFacts(Attribution):
    """Role and purpose facts."""

    def title(self, mention: Mention) -> Candidate | None:
        """微软首席执行官萨提亚·纳德拉: a person named after a title holds that job;
        so does one described by a phrase with a title or a charge (特斯拉前AI总监、
        已重回OpenAI的安德烈·卡帕西; 负责数据中心基础设施的巴伦·冯)."""
        entity = self.store.entity_at(mention.row)
        if entity.kind != "person":
            return None
        clause = self.clause_of(mention.start)
        before = self.article.folded[clause.start : mention.start].rstrip()
        attribute = title_attribute(self.store)
        if attribute is None:
            return None
        if not TITLE_AT_END.search(before) and not _ROLE_PHRASE.search(before):
            after = _APPOSITIVE.match(self.article.folded, mention.end)
            if after is None:
                return None
            # "Lena Okafor, an analyst at TD Cowen,": the name and the appositive
            return self.role_candidate(
                entity, None, attribute, Span(mention.start, after.end()), after.end()
            )
        end = mention.end
        latin = _LATIN_NAME.match(self.article.folded, end)
        if latin is not None:
            end = latin.end()  # 萨提亚·纳德拉（Satya Nadella）: the name as printed
        return self.role_candidate(entity, None, attribute, clause, end)

    def role_candidate(
        self,
        entity: Entity | None,
        proposed: NewEntity | None,
        attribute: Attribute,
        clause: Span,
        end: int,
    ) -> Candidate:
        """A role quoted from its clause's start to the person's name (the title and
        the name, no more)."""
        begin = clause.start
        while self.article.text[begin].isspace() or self.article.text[begin] in "，,：:；;·":
            begin += 1
        quote = self.article.text[begin:end]
        earlier = self.earlier_statement()
        decisions = (
            *([Decision("entity", NEW_ENTITY)] if proposed is not None else []),
            Decision("value", "restate the title in English"),
            *([earlier] if earlier else []),
        )
        return Candidate(
            entity, proposed, attribute, quote, None, None, Bound.EXACT, None, Status.REPORTED,
            None, self.published, quote, begin, end, (), decisions, TEXT_CONFIDENCE,
        )  # fmt: skip

    def glosses(self) -> Iterator[Candidate]:
        """Base Command(AI训练端到端软件服务): a product's name glossed in brackets
        says what it is for."""
        purpose = self.store.attributes.get(PURPOSE)
        if purpose is None:
            return
        for mention in self.sentence.entities:
            entity = self.store.entity_at(mention.row)
            gloss = _GLOSS.match(self.article.folded, mention.end)
            if gloss is None or not applies_to(PURPOSE, entity.kind) or entity.kind == "person":
                continue
            quote = self.article.text[mention.start : gloss.end()]
            yield Candidate(
                entity, None, purpose, quote, None, None, Bound.EXACT, None, Status.REPORTED,
                None, self.published, quote, mention.start, gloss.end(), (),
                (Decision("value", "restate the quote in English"),), TEXT_CONFIDENCE,
            )  # fmt: skip
