"""Names an English article introduces that the store lacks, proposed before it is
read (``newcomers`` does the same for Chinese prose).

- A person introduced by a job title before the name ("AMD Chief Executive Lisa
  Su", "Bernstein analyst Stacy Rasgon") or after it, between commas ("Rani
  Borkar, corporate vice president for Azure"): two or three capitalised words,
  with the surname as an alias, since the story goes on with "Su said".
- A thing given a code name ('a custom network card, code-named "Cascade"'), of
  the kind its noun before says, made by the company named last before it.
- A project ("Project Rainier"), a cluster when a noun after it says so ("the
  Project Rainier system").
- A name followed by what it is ("Aldera AI, the San Francisco developer of…",
  "Meridian, a supercomputer built with…"): a company, or the kind its noun says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from chipfacts.draft import products
from chipfacts.draft.designations import PERIOD, TECHNICAL, Proposed, slug
from chipfacts.model.records import Entity
from chipfacts.store.store import Store
from chipfacts.text.normalize import fold, name_key

_TITLE = (
    r"(?i:chief\s+executive(?:\s+officer)?|chief\s+\w+\s+officer|ceo|cto|cfo|coo|"
    r"(?:senior\s+|executive\s+|corporate\s+)?vice\s+president|president|chairman|chairwoman|"
    r"co-?founder|founder|analyst|spokes(?:person|man|woman)|director|executive|head|"
    r"(?:vice\s+)?chair(?:person)?)"
)
_NAME = (
    r"(?P<name>(?:[A-Z]\.){1,3}\s?[A-Z][a-z'’-]+|[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})(?![\w-])"
)
# "AMD Chief Executive Lisa Su": the title, then the name.
_TITLE_THEN_NAME = re.compile(rf"\b{_TITLE}\s+{_NAME}")
# "Rani Borkar, corporate vice president for …": the name, then the title.
_NAME_THEN_TITLE = re.compile(
    rf"(?<![\w-]){_NAME},\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){{0,2}}{_TITLE}\b"
)
PERSON = "a person the store lacks, introduced by a title"
EMPLOYER = "a company the store lacks, named before an officer's title"
_NOT_AN_EMPLOYER = re.compile(
    r"\b(?:Senior|Former|Interim|Acting|Lead|Chief|Then|Deputy|Principal|Wall\s+Street|Industry"
    r"|Independent|Veteran)\b"
)
# The company named right before a title ("Sentrix chief executive", "Kestrel Research
# analyst"): one or two capitalised words, after a stop or a lower-case word.
_EMPLOYER_BEFORE = re.compile(
    r"(?:^|(?<=[.;:,]\s)|(?<=[a-z]\s)|(?<=\n))"
    r"(?P<company>[A-Z][A-Za-z0-9&]+(?:\s[A-Z][A-Za-z0-9&]+)?)(?:'s)?\s+$"
)


def english_people(store: Store, text: str) -> list[Proposed]:
    """The people ``text`` introduces by a title that the store does not know, and
    the companies named before their titles ("Sentrix chief executive Aisha Rahman")."""
    found: dict[str, Proposed] = {}
    for match in _TITLE_THEN_NAME.finditer(text):
        employer = _EMPLOYER_BEFORE.search(text, max(0, match.start() - KIND_REACH), match.start())
        if employer is None or _NOT_A_NAME.fullmatch(employer["company"].split()[0]):
            continue
        if _NOT_AN_EMPLOYER.search(employer["company"]):
            continue  # "Senior analyst", "Former chief executive": the title's own word
        name = " ".join(employer["company"].split())
        key = name_key(name)
        if key not in found and not store.entity_rows(key) and slug(name) not in store.entities:
            found[key] = Proposed(Entity(slug(name), name, "company"), None, EMPLOYER)
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


# 'code-named "Cascade"', "codenamed Cascade", "known internally as Ironwood", and a
# thing's name after its noun ("the new chip, called B30C", "a cluster Meta calls Meridian",
# "its first processor, the H1", "its predecessor, the LX-1").
_CODE_NAMED = re.compile(
    r"\b(?:code-?\s?named|known\s+internally\s+as|dubbed|called|calls"
    # "unveiled its first processor, the H1": a thing's name after its noun and "the"
    # ("Its predecessor, the LX-1, launched in 2024": its line's earlier one)
    r"|(?:(?<=processor)|(?<=accelerator)|(?<=chip)|(?<=predecessor)|(?<=successor))"
    r"\s*,\s+the)\s+[\"“']?"
    r"(?P<name>[A-Z][\w-]*(?:\s[A-Z0-9][\w-]*){0,2})[\"”']?"
)
# "unveiled Teralynx 12, a 204.8-terabit switch chip", "introduced the Vela 1600": a
# product launched by its name, a designation in it, the kind after it if said.
_LAUNCHED = re.compile(
    r"\b(?:unveil|introduc|launch|announc|releas|debut|show)(?:ed|es|s)?\s+(?:the\s+|its\s+)?"
    r"(?P<name>[A-Z][\w-]*(?:\s[A-Z0-9][\w-]*){0,2})(?=[\s,.;])"
)
# "a new 300-megawatt data centre in Kulai", "A 40,000-GPU site in Abilene, Texas": a
# site named by its place.
_SITE_IN = re.compile(
    r"\b(?P<noun>data cent(?:re|er)|campus|site|facility)\s+(?:in|near|outside)\s+"
    r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b"
)
# A state or a country after a site's town (", Wyoming", ", Johor").
# (a clause of its own after it, not a name said next: "in Richland, Zuckerberg said")
_STATE_AFTER = re.compile(r",\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*[,.;:)]|\s*$)")
# "its Cedar Ridge data centre", "the Heyuan cluster": one to three capitalised words
# (a number among them) before a site's noun.
_NAMED_SITE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|new)\s+(?P<name>[A-Z][a-z]+(?:\s(?:[A-Z][a-z]+|\d{1,2})){0,2})"
    r"\s+(?P<noun>data[- ]cent(?:re|er)|campus|cluster|supercomputer)\b"
)
# Words before a site's noun that name no site: a people's or a region's adjective, a
# state (a campus is named by its town or its own name), a side of a country.
_NO_SITE_NAME = re.compile(
    r"Chinese|American|European|Asian|Japanese|Korean|Taiwanese|Indian|British|German|French"
    r"|Malaysian|Middle|Northern|Southern|Eastern|Western|Central|North|South|East|West|New|Global"
    r"|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    r"|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    r"|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon"
    r"|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming|Dakota"
)
# After a site's noun: a name it is given (", called Hyperion"), or a noun that goes on
# (a market, a business): the words before are no name of a site.
_NOT_THE_SITE = re.compile(
    r"\s*,?\s*(?:called|named|dubbed|code-?named|known\s+as)\b"
    r"|\s+(?:market|business|industry|segment|sector|space|operator|boom)s?\b"
)
# Countries and regions: a site is named by a town, not by these.
_REGION = re.compile(
    r"China|Japan|Taiwan|Korea|India|Europe|Asia|America|Africa|Australia|Canada|Mexico|Germany"
    r"|France|Britain|Malaysia|Singapore|Thailand|Vietnam|Indonesia|Israel|Ireland|Spain|Italy"
)
# A name after a preposition is a place ("in Arizona, its first US chip factory"),
# unless quoted (go to "Calder One").
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|for|of|outside|across)\s*[\"“]?$")
PLACE_REACH = 12
# "Abilene, Texas, a data center hub": a state or a country after its town.
_CITY_BEFORE = re.compile(r"\b(?P<town>[A-Z][a-z]+),\s*$")


_NUMBER_BEFORE = re.compile(r"\d\s*$")


def _after_a_town(text: str, at: int) -> bool:
    """Whether a town and a comma stand right before ``at`` (not "On Tuesday, ")."""
    town = _CITY_BEFORE.search(text, max(0, at - PLACE_REACH), at)
    return town is not None and not _NOT_A_NAME.fullmatch(town["town"])


NOUN_PHRASE = 16  # "a data-centre campus": the appositive's noun, then the site's
CODE_NAME_REACH = 4  # ', codenamed': a site's code name right after it
_PROJECT = re.compile(
    r"\b(?P<name>Project\s+[A-Z][\w-]*)(?P<noun>\s+(?:system|cluster|supercomputer))?"
)
# The noun before a code name says what kind of thing it names (the last one wins).
_KIND_NOUNS = (
    ("nic", re.compile(r"network (?:interface )?card|network adapter|\bnic\b|\bdpu\b")),
    ("chip", re.compile(r"\bchip\b|processor|accelerator|\bgpu\b|\bswitch(?:es)?\b(?!\s+to\b)")),
    ("cluster", re.compile(r"supercomputer|\bcluster\b|\bcampus\b|\bdata cent(?:re|er)\b")),
    ("model", re.compile(r"\bmodel\b")),
    # ("the new plant, which it calls ID3": a plant, a company's project)
    ("project", re.compile(r"\b(?:plant|fab|factory|megafab)\b")),
    ("company", re.compile(r"\bcompany\b|\bstart-?up\b|\bfirm\b")),
)
KIND_REACH = 60
# A chip's or a card's noun right after a designation, with an "AI" between at most
# ("K3 accelerators", "the T1 chip"), or ending a phrase set after it ("The B25, a
# cut-down Blackwell-generation processor"); the kind it names.
_NOUN_AFTER = re.compile(
    r"(?:,\s+(?:a|an|its|the)\s+(?:[\w.-]+\s+){0,4}?|\s+(?:ai\s+)?)"
    r"(?:(?P<chip>chip|accelerator|processor|gpu|npu|asic)"
    r"|(?P<nic>network (?:interface )?card|network adapter|nic|dpu|supernic))s?\b"
)
# "Nvidia's B25": a possessive right before a designation, and how far back its
# owner's name may start.
_POSSESSED = re.compile(r"['’]s\s$")
_POSSESSOR_REACH = 24
# A process node's name (N2, N3P, SF2, 18A): no chip, whatever noun follows (A16 is
# TSMC's node and A19 Apple's chip: the letter alone tells them not apart).
_NODE_NAME = re.compile(r"(?:N|SF)\d{1,2}[A-Z]?|\d{1,2}A", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# The nouns of a company set off after its name (the developer, a chip supplier).
COMPANY_NOUNS = (
    r"developer|company|start-?up|maker|provider|manufacturer|supplier|vendor|producer"
    r"|assembler|chipmaker|distributor|foundry|firm|designer"
)
# "Aldera AI, the San Francisco developer of…", "Meridian, a supercomputer built
# with…": a name, then (between a comma and an article) the noun of what it is.
# A name in quotes, the comma inside or out: '"Solstice," a data-centre campus near…'.
# "Tideline, its first in-house network interface card": a company's own thing.
_APPOSITIVE = re.compile(
    r"(?<![\w-])[\"“]?(?P<name>[A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+){0,2})(?:,[\"”]|[\"”]?,)\s+"
    rf"(?:the|a|an|its)\s+(?:[\w.-]+\s+){{0,5}}?(?P<noun>{COMPANY_NOUNS}"
    r"|cloud|operator|lab|supercomputer|cluster|chip|accelerator|processor|campus"
    r"|data[ -]cent(?:re|er)|network (?:interface )?card|nic)\b"
    # "a four-year-old chip startup": the noun the phrase ends on says what it is
    rf"(?!\s+(?:{COMPANY_NOUNS})\b)"
)
_APPOSITIVE_KINDS = {
    "supercomputer": "cluster", "cluster": "cluster", "chip": "chip", "accelerator": "chip",
    "processor": "chip", "campus": "cluster", "data centre": "cluster", "data center": "cluster",
    "data-centre": "cluster", "data-center": "cluster", "network card": "nic",
    "network interface card": "nic", "nic": "nic",
}  # fmt: skip
# Capitalised words that open a clause or name a time, no company (Tuesday, the company…).
_NOT_A_NAME = re.compile(
    r"However|Meanwhile|Separately|Still|Also|Last|Earlier|Later|Instead|Today|Yesterday|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|In|On|At|By|For|The|A|An|It"
)
APPOSITIVE = "a name the store lacks, then what it is"
DESIGNATED = "a designation the store lacks, written as a thing's name"
_A_DESIGNATION = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Z]{0,3}")
# "the K2", "its MI355X": a designation after an article, a name the story uses.
_THE_DESIGNATION = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<name>[A-Z]{1,4}-?\d{1,4}[A-Z]{0,3})(?![\w-])"
    # a process, a meeting or a standard of that name is no product
    r"(?!\s+(?:node|process|summit|standard|format|specification|spec|meeting)\b)"
)
# "its Pensando Vulcano network card", "the Pollara 400 card", "Broadcom's Thor Ultra
# card", "Broadcom, whose Thor Ultra card": a product named by the words right before
# its noun, after whose it is.
_NAMED_PRODUCT = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|whose)\s+|['’]s\s+)"
    # (Baltra AI chip: the name is Baltra)
    r"(?P<name>[A-Z][\w-]*(?:\s(?!AI\b)(?:[A-Z][\w-]*|\d{1,4}[A-Z]?)){0,2})\s+(?:AI\s+)?"
    # (the nouns in any case: GPU, NIC, SuperNIC)
    r"(?P<noun>(?P<nic>network (?:interface )?card|(?i:supernic|nic|dpu))"
    r"|(?P<card>card)|chip|accelerator|processor|(?i:gpu))s?\b"
    # (not a noun that qualifies another: "Entity List chip rule", "Data Center chip sales")
    r"(?!\s+(?:rules?|sales|revenue|investments?|business|markets?|exports?|bans?|curbs?"
    r"|controls?|makers?|industry|shortages?|suppl(?:y|ies)|stocks?|designs?|division|unit"
    r"|plans?|programs?|deals?|orders?|demand|spending|capacity|start-?ups?|ventures?|efforts?"
    r"|teams?|war|race|tariffs?|act|law|polic(?:y|ies)|funds?|subsid(?:y|ies)|plants?|factor(?:y|ies)"
    r"|fabs?|equipment|giants?|firms?|compan(?:y|ies)|sector|exports?|packag(?:e|ing)|nodes?"
    # (nor a site or a service built of them: "xAI's Memphis GPU cluster", "OCI GPU clusters")
    r"|clusters?|supercomputers?|servers?|racks?|instances?|clouds?|farms?|systems?|hours?"
    r"|shipments?|prices?|pricing|offerings?|segments?|volumes?|units?"
    r"|fleets?|campus(?:es)?|[A-Z0-9][\w-]*)\b)"
)
# "Google's seventh-generation TPU, Ironwood, has…", "its latest chip, Maia 200,": a
# thing's name set off by commas right after whose thing of what kind it is.
NAMED_AFTER_ITS_NOUN = re.compile(
    # (not "demand for its chips, CEO Jensen Huang,": whose thing, not what it is for)
    r"(?:['’]s|(?<!for )(?<!of )(?<!about )\b(?:[Ii]ts|[Tt]heir))\s+"
    # (its words describe the thing: no "designer of the", "largest buyer of")
    r"(?:(?!(?:of|for|about|the|a|an|to|from|with|by|and|or|buyers?|designers?|makers?"
    r"|suppliers?|customers?|users?)\b)[\w-]+\s+){0,3}?"
    r"(?P<noun>chip|accelerator|processor|(?i:gpu|tpu|npu|asic|nic|supernic)|network card"
    r"|supercomputer|cluster)s?,\s+(?:the\s+)?[\"“]?"
    # ("the Memphis-based Colossus": where it is, no part of its name)
    r"(?:[A-Z][\w]*-based\s+)?"
    r"(?P<name>[A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|\d{1,4}[A-Za-z]?)){0,2})[\"”]?,"
)
# Before "its" or a possessor: a preposition, so the thing is what a phrase is about.
_AFTER_A_PREPOSITION = re.compile(
    r"\b(?:for|of|about|on|with|to|using|at|over|into|from|by|in|Asked|Commenting|Speaking)"
    r"\s+(?:[\w.&'’-]+\s+){0,2}[\w.&-]*$"
)
# After a name set off by commas: who or what it is, or that it speaks (a person, a firm).
_A_PERSON_AFTER = re.compile(r"\s*(?:an?|the|who|which|said|says|told)\b")
# A title opening a name set off by commas: a person ("its chips, CEO Jensen Huang,").
_A_TITLE = re.compile(
    r"CEO|CFO|CTO|COO|Chief|President|Chairman|Chairwoman|Chair|Founder|Co-founder|Director"
    r"|Analyst|Executive|Vice|Senior|Head|Mr|Ms|Mrs|Dr|Professor|Secretary|Minister|Governor"
)
_KIND_OF_ITS_NOUN = {"supercomputer": "cluster", "cluster": "cluster", "nic": "nic",
                     "supernic": "nic", "network card": "nic"}  # fmt: skip
# Words before a product's noun that are no product's name: a network's kind, a
# standard, a people's adjective (its Ethernet card, the Chinese chip), or what any
# maker's chip is (its Next Gen chip, the Most Advanced chip, its Custom AI chip).
_NO_PRODUCT_NAME = re.compile(r"Ethernet|InfiniBand|Ultra Ethernet|PCIe|Arm|RISC-V|x86|AI")
_ANY_MAKERS = re.compile(
    r"(?:Next|Most|Flagship|Custom|New|Newest|Latest|Advanced|First|Second|Third|Own|In-house"
    r"|Fastest|Biggest|Largest|Top|Leading|Key|Main|Core|Current|Previous|Older"
    # (a maker's segment: "Nvidia's Data Center GPU shipments", "Oracle's Cloud GPU")
    r"|Data|Datacenter|Cloud|Gaming|Client|Edge|Enterprise|Consumer|Mobile|Automotive"
    r"|Professional|Server)(?:-[\w-]+)?"
)
# The words of networking near a card: a network card (the Pollara 400 card, in a story
# of network cards), not a graphics card.
_NETWORKING = re.compile(r"network|\bnics?\b|ethernet|infiniband")
NETWORK_REACH = 120
PRODUCT_NAMED = "a product the store lacks, named before its noun"
CODENAME = "a thing the store lacks, given a code name"
LAUNCHED = "a product the store lacks, launched by its name"
SITED = "a site the store lacks, named by its place"
SITE_NAMED = "a site the store lacks, named before its noun"
PROJECT = "a project the store lacks"


def _maker_before(
    companies: Sequence[tuple[int, Entity]], folded: str, start: int, reach: int = KIND_REACH
) -> Entity | None:
    """The company named last before ``start`` in its sentence, within ``reach``
    characters (English words are longer than the Chinese ``MAKER_REACH`` counts)."""
    before = [
        company
        for at, company in sorted(companies, key=lambda c: c[0])
        if start - reach <= at < start and not _SENTENCE_END.search(folded, at, start)
    ]
    return before[-1] if before else None


def english_things(
    store: Store, text: str, folded: str, companies: Sequence[tuple[int, Entity]]
) -> list[Proposed]:
    """The things ``text`` gives a code name or calls a project that the store lacks."""
    found: dict[str, Proposed] = {}

    def add(name: str, kind: str, at: int, why: str, written: tuple[str, ...] = ()) -> None:
        key = name_key(name)
        if key in found or store.entity_rows(key) or slug(name) in store.entities:
            return
        maker = _maker_before(_named(companies, found, folded), folded, at)
        maker = maker if kind != "company" else None
        first, *rest = name.split()
        # Aldera AI, then "Aldera declined to comment": the first word names it too
        alone = rf"(?<![\w-]){re.escape(first)}(?![\w-]|\s+{re.escape(rest[0])})" if rest else ""
        aliases: tuple[str, ...] = (
            (first,) if rest and len(first) >= 4 and re.search(alone, text) else ()
        )
        if aliases and store.entity_rows(name_key(first)):
            aliases = ()
        aliases += tuple(w for w in written if w != name)
        entity = Entity(slug(name), name, kind, aliases, maker.id if maker is not None else None)
        found[key] = Proposed(entity, None, why)

    for match in _CODE_NAMED.finditer(text):
        if store.entity_rows(name_key(match["name"].split()[-1])):
            continue  # "its predecessor, the Hopper H100": the store's H100
        before = folded[max(0, match.start() - KIND_REACH) : match.start()]
        kinds = [(m.end(), kind) for kind, noun in _KIND_NOUNS for m in noun.finditer(before)]
        # (a plant only where no thing is named: "a chip, made at TSMC's fab, is code-named")
        kinds = [k for k in kinds if k[1] != "project"] or kinds
        add(match["name"], max(kinds)[1] if kinds else "product", match.start(), CODENAME)
    for match in _LAUNCHED.finditer(text):
        name = match["name"]
        if _NOT_A_NAME.fullmatch(name.split()[0]) or PERIOD.match(name) or TECHNICAL.match(name):
            continue  # "announced March 18", "released Q3 2025 Results": a time, no product
        if any(ch.isdigit() for ch in name) and " " in name:
            after = folded[match.end() : match.end() + KIND_REACH]
            kinds = [(-m.start(), kind) for kind, noun in _KIND_NOUNS for m in noun.finditer(after)]
            add(name, max(kinds)[1] if kinds else "product", match.start(), LAUNCHED)
    # '"Solstice," a data-centre campus near El Paso': the campus is Solstice, no other
    named_sites = [m.start("noun") for m in _APPOSITIVE.finditer(text)]
    # "its Cedar Ridge data centre near Lamesa", "the Heyuan cluster": a site named by
    # the words before its noun (no company's, region's or acronym's), not by its place
    taken = {name_key(n) for _, e in companies for n in (e.name, *e.aliases)}
    for match in _NAMED_SITE.finditer(text):
        name = match["name"]
        if (
            _NOT_A_NAME.fullmatch(name.split()[0])
            or _REGION.fullmatch(name)
            or _NO_SITE_NAME.fullmatch(name.split()[0])
            or any(name_key(w) in taken or store.entity_rows(name_key(w)) for w in name.split())
            or _NOT_THE_SITE.match(text, match.end())
        ):
            continue  # "The Chinese cluster", "The Hopper cluster", "Its Texas campus,
            # called Hyperion", "the Northern Virginia data center market": no site's name
        named_sites.append(match.start("noun"))
        add(name, "cluster", match.start("name"), SITE_NAMED)
        proposed = found.get(name_key(name))
        also = f"{name} {match['noun']}"
        if (
            proposed is not None
            and proposed.why == SITE_NAMED
            and also not in proposed.entity.aliases
        ):
            site = proposed.entity
            found[name_key(name)] = proposed._replace(
                entity=site._replace(aliases=(*site.aliases, also))
            )
    # 'a campus in Texas, codenamed "Larkspur,"': the campus is Larkspur
    code_named = [m.start() for m in _CODE_NAMED.finditer(text)]
    for match in _SITE_IN.finditer(text):
        place = match["place"].split()[0]
        if any(0 <= match.start() - at <= NOUN_PHRASE for at in named_sites) or any(
            0 <= at - match.end() <= CODE_NAME_REACH for at in code_named
        ):
            continue
        if not (
            _NOT_A_NAME.fullmatch(place)
            or _REGION.fullmatch(place)
            or _REGION.fullmatch(match["place"])
        ):
            kind = "project" if match["noun"] == "facility" else "cluster"  # a plant's
            # (as written, with the state after the town: "data center in Cheyenne, Wyoming")
            state = _STATE_AFTER.match(text, match.end())
            written = text[match.start() : state.end() if state else match.end()]
            add(f"{match['place']} {match['noun']}", kind, match.start(), SITED, (written,))
    for match in _PROJECT.finditer(text):
        add(match["name"], "cluster" if match["noun"] else "project", match.start(), PROJECT)
    for match in _APPOSITIVE.finditer(text):
        name = " ".join(match["name"].split())
        kind = _APPOSITIVE_KINDS.get(match["noun"].lower(), "company")
        quoted = text[match.start() : match.start("name")] != ""
        if (
            _NOT_A_NAME.fullmatch(name.split()[0])
            or _REGION.fullmatch(name)
            or _after_a_town(text, match.start())
            # "grew 5% to 10 GW, the company said": a unit after its number
            or _NUMBER_BEFORE.search(text, max(0, match.start() - PLACE_REACH), match.start())
            # "Abilene, Texas, a data center hub", "The plant in Arizona, its first…",
            # '"a great day for Texas," a spokesperson said': a place, not a name
            or not quoted
            and _PLACE_BEFORE.search(text, max(0, match.start() - PLACE_REACH), match.start())
            # '"No," the company said': a quotation, unless it names a thing
            or quoted
            and kind == "company"
        ):
            continue
        add(name, kind, match.start(), APPOSITIVE)
    for match in NAMED_AFTER_ITS_NOUN.finditer(text):
        name = match["name"]
        if not (
            _NOT_A_NAME.fullmatch(name.split()[0])
            or _A_TITLE.fullmatch(name.split()[0])
            # (not what a phrase before is about, "Asked about Nvidia's chips, Huang,", nor
            # one described or speaking after, "its chips, Mark Liu, a spokesman, said")
            or _AFTER_A_PREPOSITION.search(text, max(0, match.start() - 40), match.start())
            or _A_PERSON_AFTER.match(text, match.end())
            or store.entity_rows(name_key(name))
            or _REGION.fullmatch(name)
            or name_key(name) in taken
            or TECHNICAL.match(name)
        ):
            kind = _KIND_OF_ITS_NOUN.get(match["noun"].lower(), "chip")
            add(name, kind, match.start("name"), APPOSITIVE)
    _shared_first_words(found)
    named = _named(companies, found, folded)
    for designation, at in _designations(text):
        # "its second AI accelerator, the K2": a designation the story goes on with
        before = folded[max(0, at - KIND_REACH) : at]
        kinds = [(m.end(), kind) for kind, noun in _KIND_NOUNS for m in noun.finditer(before)]
        # "its K3 accelerators", "the T1 chip": a chip's or a card's noun right after
        # it, wherever it is written, says it too, and first (nearer than any before
        # it); not after a node's name ("its N2 chip output": chips made on it)
        uses = [
            u.start() for u in re.finditer(rf"(?<![\w-]){re.escape(designation)}(?![\w-])", text)
        ]
        if not _NODE_NAME.fullmatch(designation):
            following = [_NOUN_AFTER.match(folded, use + len(designation)) for use in uses]
            kinds += [(len(before) + 1, str(w.lastgroup)) for w in following if w][:1]
        # "Nvidia's B25": whose it is, wherever the story says so; else the company
        # named before it in its sentence
        owned = [use for use in uses if _POSSESSED.search(folded, max(0, use - 3), use)]
        maker = (
            _maker_before(named, folded, owned[0], reach=_POSSESSOR_REACH) if owned else None
        ) or _maker_before(named, folded, at, reach=at)
        name, aliases = (
            products.designated(maker, designation) if maker is not None else (designation, ())
        )
        key = name_key(name)
        known = store.entity_rows(name_key(designation)) or slug(name) in store.entities
        if kinds and key not in found and not known:
            # only what a noun before calls a chip, a card or a system (no G7, no N2)
            entity = Entity(slug(name), name, max(kinds)[1], aliases, maker.id if maker else None)
            found[key] = Proposed(entity, None, DESIGNATED)
    _products_before_nouns(store, text, found, add, {n for _, e in named for n in _names(e)})
    return list(found.values())


def _names(entity: Entity) -> set[str]:
    return {name_key(n) for n in (entity.name, *entity.aliases)}


def _products_before_nouns(
    store: Store,
    text: str,
    found: dict[str, Proposed],
    add: Callable[[str, str, int, str], None],
    companies: set[str],
) -> None:
    """Products named by the words before their noun ("its Pensando Vulcano network
    card": Vulcano, the company's name before it dropped), the name none the store or
    the story has given a thing already (the Instinct MI450 is the MI450), nor a
    designation alone."""
    folded = text.lower()
    for match in _NAMED_PRODUCT.finditer(text):
        words = match["name"].split()
        while words and name_key(words[0]) in companies:
            words = words[1:]
        name = " ".join(words)
        if (
            not words
            or _NOT_A_NAME.fullmatch(words[0])
            or _NO_SITE_NAME.fullmatch(words[0])
            or _ANY_MAKERS.fullmatch(words[0])
            or _REGION.fullmatch(words[0])
            or _NO_PRODUCT_NAME.fullmatch(name)
            # (a designation alone, Nvidia's GB300 chips: one the story goes on with is
            # proposed by ``_designations``, with its maker's name)
            or _A_DESIGNATION.fullmatch(name)
            or TECHNICAL.match(name)
            or PERIOD.match(name)
            or any(
                name_key(w) in found or store.entity_rows(name_key(w)) or name_key(w) in companies
                for w in words
            )
        ):
            continue
        near = folded[max(0, match.start() - NETWORK_REACH) : match.end() + NETWORK_REACH // 4]
        nic = (
            match["nic"] is not None or match["card"] is not None and bool(_NETWORKING.search(near))
        )
        add(name, "nic" if nic else "chip", match.start("name"), PRODUCT_NAMED)


def _shared_first_words(found: dict[str, Proposed]) -> None:
    """An alias that opens two names, whichever the article wrote first: a company's
    where one of them is a company (Calder AI and its cluster Calder One: "Calder" is
    the company), else no one's."""
    firsts = Counter(p.entity.name.split()[0] for p in found.values())
    companies = Counter(
        p.entity.name.split()[0] for p in found.values() if p.entity.kind == "company"
    )
    for key, proposed in found.items():
        entity = proposed.entity
        owned = 1 if entity.kind == "company" else 0
        kept = tuple(
            alias
            for alias in entity.aliases
            if firsts[alias] <= 1 or companies[alias] == owned == 1
        )
        if kept != entity.aliases:
            found[key] = proposed._replace(entity=entity._replace(aliases=kept))


def _named(
    companies: Sequence[tuple[int, Entity]], found: dict[str, Proposed], folded: str
) -> list[tuple[int, Entity]]:
    """The companies named, the ones just proposed too ("Corvane Systems, a … startup"),
    with where each is first written."""
    proposed = [
        (folded.find(fold(p.entity.name)), p.entity)
        for p in found.values()
        if p.entity.kind == "company"
    ]
    return [*companies, *proposed]


def _designations(text: str) -> list[tuple[str, int]]:
    """Each designation written after "the" or "its" and used at least twice, not a
    term of the field nor a period (the FP8, its Q3): with where it is first so written."""
    found: dict[str, int] = {}
    seen: set[str] = set()  # each name counted once, however often it is written
    for match in _THE_DESIGNATION.finditer(text):
        name = match["name"]
        if name in seen or TECHNICAL.match(name) or PERIOD.match(name):
            continue
        seen.add(name)
        uses = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        if len(uses) >= products.DESIGNATION_TIMES:
            found[name] = match.start("name")
    return list(found.items())


# The words of English job titles: "Nvidia Chief Executive …" names no product Chief.
_TITLE_WORDS = frozenset(
    "chief executive president vice senior corporate analyst analysts spokesperson "
    "spokesman spokeswoman chairman chairwoman founder director head officer".split()
)


def without_titles(proposed: Sequence[Proposed], text: str) -> list[Proposed]:
    """The proposals that are no word of a job title (a company's name before "Chief
    Executive" reads as a product it brands) nor an English word: one written in lower
    case, or a capitalised word the article also writes in lower case ("Meta Training
    and Inference Accelerator … its own training chip" names no product "Training")."""
    return [
        p
        for p in proposed
        if p.entity.name.split()[-1].lower() not in _TITLE_WORDS
        and not (p.entity.name.isascii() and p.entity.name.islower())
        and not _also_lower_case(p.entity.name, text)
    ]


def _also_lower_case(name: str, text: str) -> bool:
    """Whether a one-word capitalised name is also written in lower case as a word."""
    if " " in name or not name.isascii() or not name.isalpha() or not name[:1].isupper():
        return False
    if not name[1:].islower():
        return False  # CoreWeave, TSMC: a name's own capitals
    return re.search(rf"(?<![A-Za-z]){re.escape(name.lower())}(?![A-Za-z])", text) is not None
