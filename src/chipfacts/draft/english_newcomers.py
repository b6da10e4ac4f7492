"""People an English article names that the store lacks, proposed before it is read.

English news introduces a person by a job title before the name ("AMD Chief
Executive Lisa Su", "Bernstein analyst Stacy Rasgon") or after it, between commas
("Rani Borkar, corporate vice president for Azure"). Each such name, two or three
capitalised words, is proposed as a person (``newcomers`` does the same for a
Chinese name glossed in Latin letters), with the surname as an alias, since the
story goes on with "Su said".
"""

from __future__ import annotations

import re

from chipfacts.draft.designations import Proposed, slug
from chipfacts.model.records import Entity
from chipfacts.store.store import Store
from chipfacts.text.normalize import name_key

_TITLE = (
    r"(?i:chief\s+executive(?:\s+officer)?|chief\s+\w+\s+officer|ceo|cto|cfo|coo|"
    r"(?:senior\s+|executive\s+|corporate\s+)?vice\s+president|president|chairman|chairwoman|"
    r"co-?founder|founder|analyst|spokes(?:person|man|woman)|director|executive|head)"
)
_NAME = r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})(?![\w-])"
# "AMD Chief Executive Lisa Su": the title, then the name.
_TITLE_THEN_NAME = re.compile(rf"\b{_TITLE}\s+{_NAME}")
# "Rani Borkar, corporate vice president for …": the name, then the title.
_NAME_THEN_TITLE = re.compile(
    rf"(?<![\w-]){_NAME},\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){{0,2}}{_TITLE}\b"
)
PERSON = "a person the store lacks, introduced by a title; add it under entities"


def english_people(store: Store, text: str) -> list[Proposed]:
    """The people ``text`` introduces by a title that the store does not know."""
    found: dict[str, Proposed] = {}
    for pattern in (_TITLE_THEN_NAME, _NAME_THEN_TITLE):
        for match in pattern.finditer(text):
            name = " ".join(match["name"].split())
            surname = name.split()[-1]
            key = name_key(name)
            if key in found or store.entity_rows(key) or slug(name) in store.entities:
                continue
            aliases = () if store.entity_rows(name_key(surname)) else (surname,)
            found[key] = Proposed(Entity(slug(name), name, "person", aliases), None, PERSON)
    return list(found.values())
