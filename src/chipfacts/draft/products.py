"""A company's products an article names that the store lacks: the company's
name, then a designation or a Latin name (峰睿F3, 輝達Rubin, 三星HBM4), and the
other designations of those letters (上一代F2); a model number after a line's
name (昇腾910C); a product introduced by its kind and named in quotes (推理芯片
“灵犀100”).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chipfacts.draft.designations import Proposed
from chipfacts.model.records import Entity
from chipfacts.store.store import Store
from chipfacts.text.normalize import fold_in_place

# A product's name after its maker's: a designation (F3, HBM4, MI355X) or a
# capitalised word (Rubin), not a company's own word (Nvidia Corp).
_PRODUCT_NAME = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z]*\d+[A-Za-z0-9]*|[A-Z][a-z]{2,}[A-Za-z]*)(?![A-Za-z0-9])"
)
_GENERATIONS = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}\d{1,4}[A-Z]?(?![A-Za-z0-9])")
_LETTERS_DIGITS = re.compile(r"(?P<letters>[A-Z]{1,4})\d{1,4}[A-Z]?")
_COMPANY_WORDS = frozenset(
    "Technology Technologies Semiconductor Microelectronics Electronics Memory Group "
    "Intelligence Information Optoelectronics Corp Corporation Inc Ltd Holdings Systems".split()
)
# GPU1000倍, CPU2: the kind of chip and a number, no product's name
_KINDS_OF_CHIP = frozenset({"GPU", "CPU", "NPU", "DPU", "XPU", "FP", "INT", "AI", "PCIE", "DDR"})
# 微軟Ignite大會: an event of the company, not its product
_EVENT = re.compile(
    r"\s*(?:[^\s，,。]{0,4}(?:大会|峰会|会议|发布会|活动|论坛|展会)|conference|summit|event)"
)
_NOT_PRODUCT = _COMPANY_WORDS | {"Research", "Labs", "Capital", "Cloud", "Said", "Says"}
# A product introduced by its kind and named in quotes (推理芯片“灵犀100”).
QUOTED_AFTER_KIND = re.compile(
    r"(?P<noun>芯片|加速器|处理器|网卡|交换芯片|交换机|集群|超级计算机)\s*[“「\"'](?P<name>[^”」\"'\n，,。]{2,16})[”」\"']"
)
# A model number after a line's name (昇腾910C, Tomahawk 6): digits, a letter or two.
_MODEL_NUMBER = r"\s?(?P<model>\d{1,4}[a-z]{0,2})(?![a-z0-9.])"
# A designation this long names a product by itself (B200, HBM4; not F3).
DISTINCTIVE = 4
# How far before a product's name its maker's name may start.
MAKER_NAME = 14


def models_of_lines(
    text: str, folded: str, store: Store, found: dict[str, Proposed]
) -> list[tuple[Entity, re.Match[str]]]:
    """昇腾910C, Ascend 910B: a chip line's name (no digits in it) and a model number
    after it, another model of the line (its maker's)."""
    lines = [e for e in store.entities.values() if e.kind == "chip"]
    lines += [p.entity for p in found.values() if p.entity.kind == "chip"]
    models = []
    for line in lines:
        for name in {line.name, *line.aliases}:
            if any(ch.isdigit() for ch in name) or len(name) < 2:
                continue
            pattern = re.escape(fold_in_place(name)) + _MODEL_NUMBER
            models += [(line, m) for m in re.finditer(pattern, folded)]
    return models


def last_maker_before(folded: str, at: int, makers: dict[str, Entity]) -> Entity | None:
    """The company named last before ``at`` in its sentence."""
    start = max(folded.rfind(stop, 0, at) for stop in "。！？\n") + 1
    found: tuple[int, Entity] | None = None
    for name, company in makers.items():
        place = folded.rfind(name, start, at)
        if place >= 0 and (found is None or place > found[0]):
            found = (place, company)
    return found[1] if found is not None else None


class Product(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    maker: str


def company_names(
    store: Store, found: dict[str, Proposed], known: list[tuple[str, Entity]]
) -> dict[str, Entity]:
    """Every company's names, folded, the store's (with the other names the article
    uses) and the proposed: name -> company."""
    names: dict[str, Entity] = {}
    companies = [e for e in store.entities.values() if e.kind == "company"]
    companies += [p.entity for p in found.values() if p.entity.kind == "company"]
    for company in companies:
        for name in (company.name, *company.aliases):
            if len(name) >= 2:
                names[fold_in_place(name)] = company
    names.update((name, e) for name, e in known if e.kind == "company" and len(name) >= 2)
    return names


def branded(text: str, folded: str, makers: dict[str, Entity], named: bytearray) -> list[Product]:
    """峰睿F3, 輝達Rubin, 三星HBM4: a company's name, then a designation or a Latin
    name, is that company's product; the designation alone (F3) is an alias when
    the article uses it so, and another designation of the same letters (上一代F2)
    is another product of the same maker. A distinctive designation is the name
    (B200, Rubin); a short one (F3), or one two makers brand (三星HBM4, SK海力士HBM4),
    carries its maker's (Fengrui F3, Samsung HBM4)."""
    found: dict[tuple[str, str], tuple[Entity, list[str]]] = {}  # (maker, designation)
    for match in _PRODUCT_NAME.finditer(text):
        letters = _LETTERS_DIGITS.match(match.group())
        if (
            match.group() in _NOT_PRODUCT
            or (letters is not None and letters["letters"] in _KINDS_OF_CHIP)
            or _EVENT.match(folded, match.end())
            or any(named[match.start() : match.end()])
        ):
            continue
        before = folded[max(0, match.start() - MAKER_NAME) : match.start()]
        written = before.rstrip()
        written = written[:-1] if written.endswith("的") else written
        maker_name = next((n for n in makers if written.endswith(n)), None)
        if maker_name is None:
            continue
        maker, designation = makers[maker_name], match.group()
        start = match.start() - len(before) + len(written) - len(maker_name)
        branded = found.setdefault((maker.id, designation), (maker, []))[1]
        # 英伟达的B200 is a phrase, no name: it counts, not as an alias
        branded.append(text[start : match.end()])
        for other in _GENERATIONS.finditer(text):
            if _same_line(designation, other.group()):
                found.setdefault((maker.id, other.group()), (maker, []))
    owners: dict[str, set[str]] = {}
    for maker_id, designation in found:
        owners.setdefault(designation, set()).add(maker_id)
    products = []
    for (_, designation), (maker, branded) in found.items():
        alone = len(owners[designation]) == 1 and _alone(text, designation, branded)
        if not branded and not alone:
            continue  # a generation named only by a designation another maker brands
        qualified = f"{_short_name(maker)} {designation}"
        branded = [b for b in branded if "的" not in b]
        if len(owners[designation]) == 1 and len(designation) >= DISTINCTIVE:
            name, aliases = designation, [qualified, *branded]
        else:
            name, aliases = qualified, [*branded, *([designation] if alone else [])]
        products.append(Product(name, tuple(dict.fromkeys(aliases)), maker.id))
    return products


def _short_name(maker: Entity) -> str:
    """A company's name as its products carry it: Fengrui Technology F3 is Fengrui F3."""
    words = maker.name.split()
    if len(words) > 1 and words[-1] in _COMPANY_WORDS:
        words = words[:-1]
    return " ".join(words)


def _same_line(designation: str, other: str) -> bool:
    """F3 and F2, K2 and K3: the same letters, other digits."""
    mine, theirs = _LETTERS_DIGITS.fullmatch(designation), _LETTERS_DIGITS.fullmatch(other)
    return (
        mine is not None
        and theirs is not None
        and mine["letters"] == theirs["letters"]
        and designation != other
    )


def _alone(text: str, designation: str, branded: list[str]) -> bool:
    """Whether the article writes ``designation`` without its maker (more times than
    with it)."""
    pattern = rf"(?<![A-Za-z0-9]){re.escape(designation)}(?![A-Za-z0-9])"
    return len(re.findall(pattern, text)) > len(branded)
