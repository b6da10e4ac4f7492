"""Named things the store lacks: proposed as entities before the article is read.

A claim about a company the store does not know is otherwise put on one it does
(该公司 after 甲骨文 would be the last known company), so each name an article
gives that the store lacks is proposed first and read as a name like the
store's (``designations.ProposedStore``):

- a name of the industry (``industry.INDUSTRY``: 甲骨文, SK海力士, 摩根士丹利),
  or another name of one the store has (輝達 for its 英伟达);
- a name glossed in the other script, 甲骨文(Oracle) or Oracle(甲骨文): a person
  when the Chinese has a middle dot or the Latin is two capitalised words after
  a title, else a company;
- a Latin name introduced by the noun of its kind (初创公司Groq, 服务器CPU Axion,
  云服务商CoreWeave) or followed by 公司 (Groq公司);
- a person named in Latin letters after a Chinese title (副总裁 Daniel Okafor);
- a Chinese name with no Latin form (``chinese_names``: a person after a title,
  天翼云副总经理周立群; a company by its suffix, 初创公司峰睿科技);
- a company's product: its name, then a designation or a Latin name (峰睿F3,
  輝達Rubin), and the other designations of those letters (上一代F2);
- the other versions of a proposed model (Stratum-1 beside the model Stratum-2).

The maker of a proposed product is the company named last before it in its
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from chipfacts.draft import categories, chinese_names, name_forms, products
from chipfacts.draft.designations import TECHNICAL, Proposed, ordinal, slug
from chipfacts.draft.industry import INDUSTRY, NAMES_AS_WORDS, TRADITIONAL_ONLY
from chipfacts.draft.vocabulary import find_entities, key_text, occurrences
from chipfacts.model.records import Entity
from chipfacts.store.register import guess_language
from chipfacts.store.store import Store
from chipfacts.text.normalize import fold_in_place, has_cjk, name_key

INDUSTRY_NAME = "a name of the industry the store lacks"
# The fewest letters of a first word that names its company alone (Stratos, not "AI").
LATIN_FIRST_WORD = 4
NAMED = "named in the article, not in the store"
# How often a site is written by its whole name to be one beside a company of its place.
SITE_TIMES = 3


# A model's or a chip's name and its version (Stratum-2, Grok 5, 衡山-2, 川渊-2, 衡语3.0),
# read whole.
_VERSIONED_NAME = re.compile(
    r"(?P<stem>[A-Za-z][A-Za-z]{2,}|[\u4e00-\u9fff]{2,4})[- ]?(?P<number>\d{1,3}(?:\.\d)?)"
)


class Newcomers(NamedTuple):
    proposed: list[Proposed]
    # other names of the store's own entities (輝達 for Nvidia): name key -> row
    other_names: dict[str, int]


class _Register:
    """The entities proposed so far, each once, and the other names the article
    gives the store's own."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.found: dict[str, Proposed] = {}  # by name key
        self.other_names: dict[str, int] = {}
        self.by_other_name: list[tuple[str, Entity]] = []  # the store's, by every name

    def add(
        self,
        name: str,
        kind: str,
        why: str,
        aliases: Iterable[str] = (),
        maker: str | None = None,
        ident: str | None = None,
    ) -> None:
        store, names = self.store, [name, *aliases]
        keys = {name_key(n) for n in names}
        rows = [row for key in keys for row in store.entity_rows(key)]
        if rows:
            # a name the store has: the others are its other names (輝達 beside 英伟达)
            if len(set(rows)) == 1:
                # as the article is read, character by character (輝達 is 辉达 there,
                # though OpenCC's phrase table makes the name 英伟达)
                written = {key_text(fold_in_place(n)).keys for n in names}
                self.other_names.update((k, rows[0]) for k in written if not store.entity_rows(k))
                entity = store.entity_at(rows[0])
                self.by_other_name.extend((fold_in_place(n), entity) for n in names)
            return
        known = [self.found[k] for k in keys if k in self.found]
        if known:  # 瀚矽科技（Hansil Technology）, then 瀚矽: one company, every name
            self._merge(known[0], names)
            return
        ident = ident or slug(name)
        if not ident or ident in store.entities:
            return
        # only a company has other names of its id (a scan of every proposal for each
        # of an article's thousand products would make proposing quadratic)
        folded_names = [fold_in_place(n) for n in names]  # (once, for every proposal)
        same = (
            next(
                (p for p in self.found.values() if _one_name(p.entity, ident, kind, folded_names)),
                None,
            )
            if kind == "company"
            else None
        )
        if same is not None:  # Lambda beside Lambda Labs: one entity, read by both names
            self._merge(same, names)
            return
        entity = Entity(ident, name, kind, tuple(a for a in aliases if a != name), maker)
        proposed = Proposed(entity, None, why)
        self.found.update((key, proposed) for key in keys)

    def _merge(self, proposed: Proposed, names: list[str]) -> None:
        """Give a proposed entity the names it lacks, as aliases."""
        entity = proposed.entity
        have = {name_key(n) for n in (entity.name, *entity.aliases)}
        more = tuple(n for n in dict.fromkeys(names) if name_key(n) not in have)
        merged = proposed._replace(entity=entity._replace(aliases=(*entity.aliases, *more)))
        for key, found in list(self.found.items()):
            if found is proposed:
                self.found[key] = merged
        self.found.update((name_key(n), merged) for n in more)

    def shortens(self, name: str) -> bool:
        """Whether ``name`` starts a company's longer name the article gives (字节 for
        字节跳动): then it is read as that company, the store's or a proposed one."""
        short = fold_in_place(name)
        for proposed in self.proposed():
            entity = proposed.entity
            names = (entity.name, *entity.aliases)
            if entity.kind == "company" and any(
                fold_in_place(n).startswith(short) and len(n) > len(name) for n in names
            ):
                self._merge(proposed, [name])
                return True
        for written, entity in self.by_other_name:
            if entity.kind == "company" and written.startswith(short) and written != short:
                self.add(entity.name, entity.kind, NAMED, (name,))
                return True
        return False

    def other_versions(self, text: str, free: Callable[[int, int], bool]) -> None:
        """The other versions of a proposed model or chip the article writes (Stratum-1
        and Stratum-3 beside the model Stratum-2, 衡山-2 beside 衡山-3, 川渊-1 beside
        the chip 川渊-2): the same maker's, of the same kind."""
        for proposed in self.proposed():
            entity = proposed.entity
            if entity.kind not in ("model", "chip"):
                continue
            for written in (entity.name, *entity.aliases):
                version = _VERSIONED_NAME.fullmatch(written)
                if version is not None:
                    self._versions(text, free, entity, version)

    def _versions(
        self, text: str, free: Callable[[int, int], bool], entity: Entity, version: re.Match[str]
    ) -> None:
        """Propose each other version of ``entity``'s name ``version`` the text writes."""
        stem, number = version["stem"], float(version["number"])
        # (not inside a longer name; a full stop may end the sentence after it)
        sibling = re.compile(
            rf"(?<![A-Za-z0-9]){re.escape(stem)}[- ]?"
            r"(?P<number>\d{1,3}(?:\.\d)?)(?![A-Za-z0-9]|\.\d)"
        )
        for match in sibling.finditer(text):
            # (衡语3.0 is 衡语3, no other version)
            if float(match["number"]) != number and free(match.start(), match.end()):
                # 川渊-1: named in Latin letters, and as it is written
                written = match.group()
                name, aliases = (
                    (chinese_names.in_latin(written), (written,))
                    if has_cjk(written)
                    else (written, ())
                )
                self.add(name, entity.kind, NAMED, aliases, entity.maker)

    def designations_of_names(self) -> None:
        """A designation written alone (T1) where a proposed product's name ends in it
        (驰芯T1, same kind and maker) is that product, not another of its maker's."""
        for bare in self.proposed():
            entity = bare.entity
            if len(entity.aliases) != 1 or not name_forms.is_designation(entity.aliases[0]):
                continue
            designation = entity.aliases[0]
            fuller = [
                p
                for p in self.proposed()
                if p is not bare
                and p.entity.kind == entity.kind
                and entity.maker is not None
                and p.entity.maker == entity.maker
                and any(
                    a.endswith(designation) and has_cjk(a[: -len(designation)])
                    for a in p.entity.aliases
                )
            ]
            if len(fuller) == 1:
                self._merge(fuller[0], [entity.name, designation])
                merged = self.found[name_key(designation)]
                for key, found in list(self.found.items()):
                    if found is bare:
                        self.found[key] = merged

    def ids(self) -> set[str]:
        return {p.entity.id for p in self.found.values()}

    def proposed(self) -> list[Proposed]:
        """Each proposal once."""
        return list({id(p): p for p in self.found.values()}.values())

    def first_words(self, text: str) -> None:
        """A company's Latin name of several words is also its first word where the
        article writes that alone (Stratos Cloud, then Stratos)."""
        for proposed in self.proposed():
            entity = proposed.entity
            first, *rest = entity.name.split()
            if entity.kind != "company" or not rest or not entity.name.isascii():
                continue
            alone = re.compile(
                rf"(?<![A-Za-z0-9]){re.escape(first)}(?![A-Za-z0-9]|\s+{re.escape(rest[0])})"
            )
            if (
                len(first) >= LATIN_FIRST_WORD
                and alone.search(text)
                and not self.store.entity_rows(name_key(first))
            ):
                self._merge(proposed, [first])


def _one_name(entity: Entity, ident: str, kind: str, names: Iterable[str] = ()) -> bool:
    """Whether ``ident`` (and ``names``, folded) name ``entity``: the same id, or a company's
    id and the first word of the other's (Kestrel, Kestrel Compute), or a company's
    Chinese name and that name with a company's suffix (曜芯智能, 曜芯智能科技)."""
    if entity.id == ident:
        return True
    if kind != "company" or entity.kind != "company":
        return False
    shorter, longer = sorted((entity.id, ident), key=len)
    if longer.startswith(shorter + "-"):
        return True
    written = [n for n in names if has_cjk(n)]
    known = [fold_in_place(n) for n in (entity.name, *entity.aliases) if has_cjk(n)]
    return any(
        chinese_names.one_company(a, b) or chinese_names.one_company(b, a)
        for a in known
        for b in written
    )


def newcomers(store: Store, text: str, folded: str) -> Newcomers:
    """The things ``text`` names that ``store`` lacks, each proposed once: the
    companies and people first, then what they make (whose maker is one of them)."""
    register = _Register(store)
    # A name inside one the store has (Dell in Dell'Oro Group) is no new name
    named = bytearray(len(text))
    for mention in find_entities(store, text, folded):
        named[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def free(start: int, end: int) -> bool:
        return not any(named[start:end])

    kinds = [form for form in name_forms.of_kind(text, folded) if free(form.start, form.end)]
    times = chinese_names.Times(folded)
    _companies_and_people(register, text, folded, free, times)
    for form in kinds:
        if form.kind == "company":
            register.add(form.name, form.kind, NAMED, form.aliases)
    register.first_words(text)
    _things(register, text, folded, free, named, [f for f in kinds if f.kind != "company"], times)
    register.other_versions(text, free)
    register.designations_of_names()
    return Newcomers(register.proposed(), register.other_names)


def _companies_and_people(
    register: _Register,
    text: str,
    folded: str,
    free: Callable[[int, int], bool],
    times: chinese_names.Times,
) -> None:
    """Names of the industry, glossed names, and Chinese names of people, companies,
    organisations and China's own chips."""
    store, keys = register.store, key_text(folded)
    in_taiwan = guess_language(text) == "zh-Hant" and NAMES_AS_WORDS.search(folded) is None
    traditional = TRADITIONAL_ONLY if in_taiwan else ()
    for known in (*INDUSTRY, *traditional):
        names = (known.name, *known.aliases)
        if any(free(*at) for n in names for at in occurrences(keys, folded, name_key(n))) or any(
            store.entity_rows(name_key(n)) for n in names
        ):
            maker = known.maker if known.maker in (*store.entities, *register.ids()) else None
            register.add(known.name, known.kind, INDUSTRY_NAME, known.aliases, maker, known.id)
    for form in (*name_forms.glossed(text, folded), *name_forms.titled(text, folded)):
        register.add(form.name, form.kind, NAMED, form.aliases)
    for form in name_forms.glossed(text, folded, acronyms=True):
        if store.entity_rows(name_key(form.name)):  # 超微（AMD）: another name of the store's
            register.add(form.name, form.kind, NAMED, form.aliases)
    kinds_of_chips = (categories.domestic(text, folded), categories.custom(text, folded))
    for written in (
        *chinese_names.people(text, folded),
        *chinese_names.companies(text, folded, times),
        *chinese_names.listed(text, folded, times),
        *chinese_names.customs(text, folded),
        *(kind for kind in kinds_of_chips if kind is not None),
    ):
        if free(written.start, written.end):
            register.add(written.latin, written.kind, NAMED, written.aliases)
    for written in chinese_names.organisations(text, folded, times):
        # 字节旗下, 美团发言人: a new organisation, or the short name of one known
        proposed_already = name_key(written.aliases[0]) in register.found
        if (
            free(written.start, written.end)
            and not proposed_already
            and not register.shortens(written.aliases[0])
        ):
            register.add(written.latin, written.kind, NAMED, written.aliases)


def _things(
    register: _Register,
    text: str,
    folded: str,
    free: Callable[[int, int], bool],
    named: bytearray,
    beside_kinds: list[name_forms.Written],
    times: chinese_names.Times,
) -> None:
    """Products, plants, clusters and models, each its maker's: the company named
    last before it in its sentence."""
    store = register.store
    makers = products.company_names(store, register.found, register.by_other_name)

    def maker_at(at: int) -> Entity | None:
        return products.last_maker_before(folded, at, makers) or products.maker_referred(
            folded, at, makers
        )

    def maker_id_at(at: int) -> str | None:
        made = maker_at(at)
        return made.id if made is not None else None

    for form in beside_kinds:
        made, name, aliases = maker_at(form.start), form.name, form.aliases
        if made is not None and name_forms.is_designation(name):
            # K4芯片, 先进封装厂AP7: a designation is its maker's, named with it (Kestrel K4)
            name, aliases = products.designated(made, name)
        register.add(name, form.kind, NAMED, aliases, made.id if made is not None else None)
    for line, model in products.models_of_lines(text, folded, store, register.found):
        number = text[model.start("model") : model.end("model")]
        as_written = text[model.start() : model.end()]
        if store.entity_rows(name_key(number)):
            continue  # Blackwell B200: a product the store has, named with its line
        # Maia 200 after the store's Maia 100 (alias Maia): the line as written
        line_name = (
            line.name
            if not any(ch.isdigit() for ch in line.name)
            else text[model.start() : model.start("model")].strip()
        )
        if number[0].isalpha() and len(number) >= products.DISTINCTIVE:
            # Blackwell B200: a designation that names the product by itself
            register.add(number, "chip", NAMED, (as_written,), line.maker)
        else:
            register.add(f"{line_name} {number}", "chip", NAMED, (as_written,), line.maker)
    register.first_words(text)
    makers = products.company_names(store, register.found, register.by_other_name)
    industry = {k: p for k, p in register.found.items() if p.why == INDUSTRY_NAME}
    for thing in (
        *chinese_names.named_things(text, folded, times),
        # (a place right after a company the store or the industry knows is its site's:
        # 中国移动庐州智算中心; an article's own company's stem may start the site's name,
        # 黔数贵安智算中心)
        *chinese_names.sites(text, folded, times, products.company_names(store, industry, [])),
        *chinese_names.documents(text, folded),
        *chinese_names.quoted_names(text, folded, times),
    ):
        # 字节跳动的豆包大模型: a cluster or a model is the company's named before it
        # (not a company's own name before a site's noun: 迈威尔数据中心, its business)
        own = folded[thing.start : thing.end]
        # (a site written again and again by its whole name is a site, though a company's
        # name shares its place: 皖江智算中心 beside 皖江算力)
        again = times(fold_in_place(thing.aliases[0])) >= SITE_TIMES if thing.aliases else False
        known = (own in makers or name_key(own) in register.found) and not again
        if free(thing.start, thing.end) and not known:
            register.add(thing.latin, thing.kind, NAMED, thing.aliases, maker_id_at(thing.start))
    for product in products.branded(text, folded, makers, named):
        register.add(product.name, "chip", NAMED, product.aliases, product.maker)
    line_makers: dict[str, str | None] = {}  # a line's maker, its first model's if found
    for brand, designation, at in sorted(
        products.chinese_lines(folded, makers), key=lambda m: m[2]
    ):
        # 主力产品岭云T100: a line's model, its maker's (Lingyun T100); the line's other
        # models are the maker's found for its first, whatever company their sentence
        # names before them (each its own where the first had none)
        if free(at, at + len(brand) + len(designation)):
            written = text[at : at + len(brand) + len(designation)]
            number = written[len(brand) :]
            if designation.endswith("号"):  # 深算四号 (深算四號): Shensuan 4
                number = str(ordinal(designation.removesuffix("号")))
            name = f"{chinese_names.in_latin(brand)} {number}"
            line_maker = line_makers.get(brand) or maker_id_at(at)
            line_makers.setdefault(brand, line_maker)
            register.add(name, "chip", NAMED, (written,), line_maker)
    for match in products.DESIGNATED_AFTER_KIND.finditer(folded):
        # 第二代推理芯片K2: a designation is its maker's, named with it (Kestrel K2)
        made = maker_at(match.start())
        designation = text[match.start("name") : match.end("name")]
        if made is not None and not TECHNICAL.match(designation):
            for generation in (designation, *products.other_generations(text, designation)):
                name, aliases = products.designated(made, generation)
                register.add(name, "chip", NAMED, aliases, made.id)
    for designation, at in products.written_designations(text, folded, named):
        # VX-900, written again and again with no maker beside it: its maker's, if one
        # is named before it in its sentence
        register.add(designation, "chip", NAMED, (), maker_id_at(at))
    quoted_forms = (
        products.QUOTED_AFTER_KIND,
        products.QUOTED_BEFORE_KIND,
        products.CODENAMED,
        products.CODENAMED_BEFORE_KIND,
        products.QUOTED_SITE,
    )
    for match in (m for form in quoted_forms for m in form.finditer(folded)):
        quoted = text[match.start("name") : match.end("name")].strip()
        # 名为“玄武湖”的智算中心, “青城智算中心”; “红崖”（Redcliff）数据中心: a gloss in
        # Latin letters marks a name too
        site = _quoted_site(text, folded, match) if match.re is products.QUOTED_SITE else None
        if match.re is products.QUOTED_SITE and site is None:
            continue
        # (only where the match ends at the closing quote: after a noun, a gloss is the
        # noun's, “星火”大模型（LLM）; never a kind's acronym, 芯片“灵犀”（NPU）)
        gloss_after = (
            _GLOSS_AFTER.match(text, match.end())
            if match.re in (products.QUOTED_AFTER_KIND, products.CODENAMED)
            else None
        )
        if gloss_after is not None and _ACRONYM.fullmatch(gloss_after["gloss"]):
            gloss_after = None
        given = (
            site is not None
            or match.re in (products.CODENAMED_BEFORE_KIND, products.CODENAMED)
            or "gloss" in match.re.groupindex
            and match["gloss"] is not None
            # (园區「巨柱」（Saguaro）: a gloss after the quotes marks a name too)
            or gloss_after is not None
            # (其位于北达科他州的“北极光”数据中心: where it is said to be, a named site; not
            # a slogan, 位于乌兰察布的“零碳”数据中心)
            or match.re is products.QUOTED_BEFORE_KIND
            and _SAID_WHERE.search(folded, max(0, match.start() - WHERE_REACH), match.start())
            is not None
            and not _a_slogan(folded, folded[match.start("name") : match.end("name")], match.end())
        )
        # 资料中心「Lonestar」, 「觀音一號」 (a number or 号 marks a name the article
        # writes again), not 数据中心“PUE” or 智算中心“绿色低碳” (a slogan)
        marked = chinese_names.NAME_MARK.search(folded, match.start("name"), match.end("name"))
        written_again = times(folded[match.start("name") : match.end("name")]) >= 2
        latin_name = re.search("[a-z]", quoted) is not None
        # (“天穹”智算中心, then “天穹” again and again: quotes before the noun mark a
        # name the article goes on using)
        before_noun = match.re is products.QUOTED_BEFORE_KIND and not _a_slogan(
            folded, folded[match.start("name") : match.end("name")], match.end()
        )
        # (「雲湧桃園一號」資料中心: a number of a series names it, written once or more)
        numbered = "号" in folded[match.start("name") : match.end("name")]
        if match["noun"] in products.SITE_NOUNS and not (
            given or latin_name or numbered or (marked is not None or before_noun) and written_again
        ):
            continue
        if match["noun"] in products.NEW_SYSTEMS and not _SUPERCOMPUTING.search(folded):
            continue  # 鸿蒙新系统“HarmonyOS 6”: a system of software, outside news of machines
        if match["noun"] == products.PRODUCT and not products.a_chip_product(folded, match):
            continue  # 产品“完全自主可控”, “AI First”, “小米15”手机: no chip's name
        latin = site or (chinese_names.in_latin(quoted) if has_cjk(quoted) else quoted)
        if "gloss" in match.re.groupindex and match["gloss"] is not None:
            latin = text[match.start("gloss") : match.end("gloss")].strip()  # 巨像2号（Colossus 2）
        elif gloss_after is not None:
            latin = gloss_after["gloss"]  # 「巨柱」（Saguaro）
        kind = name_forms.kind_of_noun(match["noun"])
        if match["noun"] in products.NEW_SYSTEMS:
            kind = "cluster"  # 新系统“红杉”: a machine, in news of machines
        if match["noun"] == products.PRODUCT:
            said = products.KIND_SAID_AFTER.match(folded, match.end() - 1)
            kind = (
                products.SAID_KINDS.get(said["noun"]) or name_forms.kind_of_noun(said["noun"])
                if said is not None
                else "chip"
            )
        register.add(latin, kind, NAMED, (quoted,), maker_id_at(match.start()))
    for name, kind, at in products.hyphened_names(folded):
        # 基础模型衡元-3, 衡元-3的预训练: its maker's model, named again and again (after
        # the names in quotes: AI网卡“银河-2” is a network card, whatever chip words follow)
        if free(at, at + len(name)):
            written = text[at : at + len(name)]
            register.add(chinese_names.in_latin(written), kind, NAMED, (written,), maker_id_at(at))


# The words of news of supercomputers, where a new system named in quotes is a machine
# (新系统“红杉”（Redwood）).
_SUPERCOMPUTING = re.compile(
    r"超算|超级计算|超级电脑|top500|百亿亿次|e级|eflops|hpl|计算节点|运算节点"
)
# Where a site named in quotes is said to be, right before it (位于北达科他州的“北极光”).
_SAID_WHERE = re.compile(r"位于[^，,。；;：:、\s“”「」\"]{2,12}的\s*$")
WHERE_REACH = 18
# A gloss in Latin letters right after a name in quotes (「巨柱」（Saguaro）).
_GLOSS_AFTER = re.compile(chinese_names.GLOSS.removesuffix("?"))  # the gloss, not optional
# A kind's acronym, no name (“星火”大模型（LLM）, 芯片“灵犀”（NPU）).
_ACRONYM = re.compile(r"(?:NPU|GPU|TPU|CPU|DPU|XPU|LLM|ASIC|AI|AIDC|IDC|NIC|HBM|PUE|SoC)\s*")
# What follows a slogan, a plan or a concept in quotes, or the noun of a site it
# qualifies (“东数西算”工程, “十四五”期间, “双碳”目标, “绿色”数据中心的概念,
# “算力网络”数据中心建设方案): no site's name.
_CONCEPT_AFTER = re.compile(
    r"[”」\"']?\s*(?:的)?(?:工程|计划|战略|规划|目标|概念|理念|政策|期间|趋势|行动|标准|口号|时代"
    r"|建设方案|解决方案|方案|体系|布局|背景|要求|指标|产品)"
)


def _quoted_site(text: str, folded: str, match: re.Match[str]) -> str | None:
    """A site's whole name in quotes (“青城智算中心”), in Latin letters as its place's
    sites are named (Qingcheng AI computing centre); None for a term or a phrase in
    quotes (“万卡集群”, “5G+AI智算中心”方案, “没有万卡集群”)."""
    own = folded[match.start("own") : match.end("own")]
    if (
        products.GENERIC_SITE_WORDS.fullmatch(own)
        or products.NOT_A_SITE_NAME.search(own)
        or _a_slogan(folded, folded[match.start("name") : match.end("name")], match.end())
    ):
        return None
    return chinese_names.site_in_latin(text[match.start("own") : match.end("own")], match["noun"])


# Words of praise in quotes before a site's noun: what it is said to be, no name.
_PRAISE = re.compile(
    r"(?:零碳|低碳|近零碳|绿色|智慧|智能|数字|节能|高效|安全|可信|新型|清洁|环保|创新|东数西算|液冷|超级)+"
)


def _a_slogan(folded: str, quoted: str, noun_end: int) -> bool:
    """Whether a name in quotes before a site's noun is a slogan, a plan or a concept:
    the article writes it, or the site's noun after it, before such a word, or it is
    a word of praise (“零碳”数据中心, “绿色”数据中心)."""
    if _CONCEPT_AFTER.match(folded, noun_end) or _PRAISE.fullmatch(quoted):
        return True
    at = folded.find(quoted)
    while at >= 0:
        if _CONCEPT_AFTER.match(folded, at + len(quoted)):
            return True
        at = folded.find(quoted, at + len(quoted))
    return False
