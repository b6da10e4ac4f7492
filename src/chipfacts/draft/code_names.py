"""A code name is another name of the thing it is given to, not a thing of its own.

An article may introduce a chip by its code name before it gives the model
(Meta自研训练芯片“Phoenix”曝光, then MTIA-T2，内部代号“Phoenix”), or after it
(该芯片内部代号为“Ironwood”, then Ironwood的…). The name in quotes is proposed as an
entity of its own (``newcomers``) before the article is read; the ``codename``
claim drafted from the sentence that gives it says whose it is. Each claim
about the code name's entity is then the owner's, and a proposed owner carries
the code name among its names, so the curator adds one entity, not two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chipfacts.draft.candidates import NEW, Candidate, Decision, NewEntity
from chipfacts.draft.designations import CODE_NAME, CODE_NAMED
from chipfacts.draft.sentences import start_before
from chipfacts.draft.vocabulary import key_text
from chipfacts.model.records import Entity
from chipfacts.text.normalize import fold_in_place, name_key

CODENAME = "codename"
# The code name a claim's quote gives (folded: in Simplified): after 代号 (为/是) or
# "code-named", in quotes or not (内部代号“Phoenix”, 內部代號Vela, code-named "Iris"),
# written as ``designations.CODE_NAME``; it ends at its closing quote.
_GIVEN = re.compile(
    rf"(?:{CODE_NAMED}|code-?named\s*|codenamed\s*)[“「\"'‘]?\s*(?P<name>{CODE_NAME})",
    re.IGNORECASE,
)
# Kinds of things that are given code names (not a company nor a person).
_NAMED_THINGS = frozenset({"chip", "nic", "cluster", "project", "product", "model"})


def with_code_names(drafted: Sequence[Candidate], folded: str) -> list[Candidate]:
    """``drafted``, each claim about a proposed entity that is another thing's code
    name made the owner's, and a proposed owner named by its code name too."""
    proposed = {
        name_key(name): c.new_entity
        for c in drafted
        if c.new_entity is not None
        for name in (c.new_entity.name, *c.new_entity.aliases)
    }
    # a proposed entity's id -> what it is read as: its owner, if it is a code name,
    # or itself with the code names it was given
    read_as: dict[str, Entity | NewEntity] = {}
    code_names: list[tuple[str, str]] = []  # (code name's entity id, owner's id)
    given_to: dict[int, NewEntity] = {}  # a claim's place -> the code-named thing it is of
    for at, claim in enumerate(drafted):
        owner = claim.entity or claim.new_entity
        given = _GIVEN.search(fold_in_place(claim.quote))
        if claim.attribute.id != CODENAME or owner is None or given is None:
            continue
        if owner.kind not in _NAMED_THINGS:
            continue
        code_name = claim.quote[given.start("name") : given.end("name")].strip()  # as written
        other = proposed.get(name_key(code_name))
        # (the sentence up to the claim, however long)
        said = folded[start_before(folded, claim.start, reach=claim.start) : claim.end]
        if other is not None and other.id != owner.id and not _owner_said(said, owner):
            # AMD与博通联合开发的首款推理芯片内部代号为“北极光”: a new thing described, known
            # by its code name, not the store's model its maker's other words resembled
            given_to[at] = other
            continue
        if isinstance(owner, NewEntity):
            known = read_as.get(owner.id)
            owner = known if isinstance(known, NewEntity) else owner  # its names so far
            if name_key(code_name) not in {name_key(n) for n in (owner.name, *owner.aliases)}:
                owner = owner._replace(aliases=(*owner.aliases, code_name))
            read_as[owner.id] = owner
        if other is not None and other.id != owner.id:
            code_names.append((other.id, owner.id))
            read_as.setdefault(owner.id, owner)
    for code_named, owner_id in code_names:
        read_as[code_named] = read_as[owner_id]
    drafted = [
        c._replace(entity=None, new_entity=given_to[at], decisions=(*c.decisions, _NEW))
        if at in given_to
        else c
        for at, c in enumerate(drafted)
    ]
    return [_read(c, read_as) for c in drafted] if read_as else list(drafted)


_NEW = Decision("entity", f"{NEW} the thing its code name names; add it under entities")
# A next thing, after the one named (下一代, 新一代, "next-generation"): its own code name.
_NEXT_THING = re.compile(r"下一代|新一代|次世代|next-?generation")
# Words that refer back to a thing named before (该芯片, 这款, 其): its code name is its.
_REFERRING = re.compile(r"该|这款|这颗|此款|其|它|\bits?\b|\bthe chip\b", re.IGNORECASE)


def _owner_said(said: str, owner: Entity | NewEntity) -> bool:
    """Whether a code name's sentence, up to its claim's end (``said``, folded), names its
    owner (谷歌的TPU，内部代号“Ironwood”) or refers to one named before (该芯片内部代号为
    “Ironwood”), and no next thing after it (宣布Tomahawk 6…並首度揭露下一代…交换平台，内部
    代号「Halden」: the next one's)."""
    keys = key_text(said).keys
    written = [
        keys.rfind(name_key(n)) for n in (owner.name, owner.id, *owner.aliases) if name_key(n)
    ]
    last = max(written, default=-1)
    if last >= 0 and _NEXT_THING.search(keys, last):
        return False
    return last >= 0 or _REFERRING.search(said) is not None


def _read(claim: Candidate, read_as: dict[str, Entity | NewEntity]) -> Candidate:
    """The claim, its proposed entities read as ``read_as`` says."""
    also = {
        e.id: e
        for e in (read_as.get(named.id, named) for named in claim.also_new)
        if isinstance(e, NewEntity)
    }
    claim = claim._replace(also_new=tuple(also.values()))
    if claim.new_entity is None or claim.new_entity.id not in read_as:
        return claim
    owner = read_as[claim.new_entity.id]
    if isinstance(owner, NewEntity):
        return claim._replace(new_entity=owner)
    # a code name of the store's own entity: the claim is that entity's
    decisions = tuple(
        d for d in claim.decisions if not (d.field == "entity" and d.why.startswith(NEW))
    )
    return claim._replace(entity=owner, new_entity=None, decisions=decisions)
