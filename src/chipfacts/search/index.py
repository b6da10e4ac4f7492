"""``SearchIndex``: the one door through which search, and the views that find
things by name, read the store.

Every lookup search makes (names, attributes, postings, the columns ranking
needs, the records of its results) and every selection a view makes of what it
found is a method here, so what they ask of the database is listed in one
place, and what search asks often is remembered for the length of a query (a
query reads the same keys many times). The ``Store`` itself stays inside.
Entities, attributes and facts are row numbers; records are built only for
the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from chipfacts.search.rarity import rarity
from chipfacts.text.normalize import has_cjk

if TYPE_CHECKING:
    from chipfacts.model.records import Attribute, Entity, Fact, Source
    from chipfacts.store.store import FactFilter, ScoringRow, Store

T = TypeVar("T", int, str)  # a term: a row or gram number, or a word


class SearchIndex:
    """A store with the lookups search needs; the vocabulary lists are read on first use."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._rows: dict[str, tuple[int, ...]] = {}  # a query asks of the same keys often

    # --- names ---------------------------------------------------------------------

    def entity_known(self, key: str) -> bool:
        return bool(self.entity_rows(key))

    def entity_rows(self, key: str) -> tuple[int, ...]:
        """The entities a folded name key names (an id, name or alias)."""
        rows = self._rows.get(key)
        if rows is None:
            rows = self._rows[key] = tuple(self._store.entity_rows(key))
        return rows

    @cached_property
    def longest_cjk_name(self) -> int:
        """The length of the longest Chinese name key: no longer piece of a query
        can be a name."""
        return self._store.longest_cjk_key()

    def entity_keys_between(self, low: str, high: str) -> list[tuple[str, int]]:
        """Latin name keys in [low, high), with their entities: prefix lookups."""
        return self._store.entity_keys_between(low, high)

    def latin_entity_keys(self, shortest: int, longest: int) -> list[str]:
        """Latin name keys of a length in [shortest, longest] (typo candidates), by
        length, then key."""
        return self._store.latin_entity_keys(shortest, longest)

    def every_entity_key(self) -> list[str]:
        """Every name key once (by script, then length, then key: sort what is kept)."""
        return self._store.every_entity_key()

    def cjk_keys_with_prefix(self, prefix: str, length: int, cap: int) -> list[tuple[str, int]]:
        """Chinese name keys of ``length`` characters beginning with ``prefix``, with
        their entities (at most ``cap``)."""
        return self._store.cjk_keys_with_prefix(prefix, length, cap)

    def entities_with_cjk_part(self, part: str) -> list[int]:
        """Entities with a Chinese name that contains ``part`` and is longer."""
        return self._store.entities_with_cjk_part(part)

    def facts_made_by(self, makers: list[int], cap: int) -> list[tuple[int, int, int]]:
        """(fact, product, maker): the facts of what these entities make (Maia 100's
        for Microsoft), at most ``cap``."""
        return self._store.facts_made_by(makers, cap)

    def makers_of(self, rows: list[int]) -> dict[int, int]:
        """Entity row -> its maker's row, for those of ``rows`` whose maker is known."""
        return self._store.makers_of(rows)

    def entity_at(self, row: int) -> Entity:
        return self._store.entity_at(row)

    def entity_name(self, row: int) -> str:
        return self._store.entity_name(row)

    @property
    def entities(self) -> Mapping[str, Entity]:
        """Every entity by id, in store order."""
        return self._store.entities

    def entities_of_kind(self, kind: str) -> list[Entity]:
        return self._store.entities_of_kind(kind)

    def kinds(self) -> list[str]:
        return self._store.kinds()

    @property
    def sources(self) -> Mapping[str, Source]:
        """Every source by id, in store order."""
        return self._store.sources

    # --- attributes ----------------------------------------------------------------

    @cached_property
    def attribute_keys(self) -> dict[str, list[int]]:
        """Folded key of every attribute id, label and synonym -> its attributes."""
        return self._store.attribute_keys

    @cached_property
    def attribute_words(self) -> dict[str, list[int]]:
        """Each word (4 letters or more) of an attribute id or label -> its attributes."""
        return self._store.attribute_words

    @cached_property
    def cjk_attributes(self) -> list[str]:
        return sorted((k for k in self.attribute_keys if has_cjk(k)), key=len, reverse=True)

    @cached_property
    def latin_attribute_keys(self) -> list[str]:
        return [k for k in self.attribute_keys if not has_cjk(k)]

    @cached_property
    def label_words(self) -> dict[int, list[str]]:
        """Attribute row -> the words of its id and label (those of 4 letters or more)."""
        found: dict[int, list[str]] = {}
        for word, rows in self.attribute_words.items():
            for row in rows:
                found.setdefault(row, []).append(word)
        return found

    @cached_property
    def synonym_kin(self) -> dict[int, set[int]]:
        """Attribute row -> the other attributes that share a synonym with it: "function"
        is a purpose's and a feature's, 作用 a purpose's and a benefit's."""
        found: dict[int, set[int]] = {}
        for rows in self.attribute_keys.values():
            for row in rows:
                found.setdefault(row, set()).update(r for r in rows if r != row)
        return found

    @cached_property
    def attribute_types(self) -> list[str]:
        """Each attribute's type, by row."""
        return self._store.attribute_types

    def attribute_ids(self) -> list[str]:
        return list(self._store.attributes)

    @property
    def attributes(self) -> Mapping[str, Attribute]:
        """Every attribute by id, in store order."""
        return self._store.attributes

    def attribute_order(self, ids: Iterable[str]) -> list[str]:
        """These attribute ids in store order (unknown ones left out)."""
        return self._store.attribute_order(ids)

    def attribute_at(self, row: int) -> Attribute:
        return self._store.attribute_at(row)

    # --- words and text ----------------------------------------------------------------

    @cached_property
    def fact_count(self) -> int:
        return self._store.fact_count()

    def rarities(self, kind: str, terms: Iterable[T]) -> dict[T, float]:
        """How much each term of a kind counts (see ``rarity``): "entity" and
        "attribute" by row, "word" by folded word, "gram" by gram number."""
        chosen = list(terms)
        counts = self._store.term_counts(kind, chosen)
        return {t: rarity(counts.get(t, 0), self.fact_count) for t in chosen}

    def term_counts(self, kind: str, terms: Iterable[T]) -> dict[T, int]:
        """How many facts carry each term of a kind (absent: none)."""
        return self._store.term_counts(kind, list(terms))

    def knows_word(self, word: str) -> bool:
        """Whether some fact's text holds this (folded) word."""
        return self._store.knows_word(word)

    def words_starting_with(self, prefix: str) -> list[str]:
        """The vocabulary words that start with ``prefix`` (itself included, if a word)."""
        return self._store.words_with_prefix(prefix)

    def words_of_length(self, low: int, high: int) -> list[str]:
        """Words without digits, of a length in [low, high] (candidates for a typo)."""
        return self._store.words_of_length(low, high)

    def rows_with_word(self, word: str, cap: int) -> list[int]:
        return self._store.rows_with_word(word, cap)

    def rows_with_gram(self, gram: int, cap: int) -> list[int]:
        return self._store.rows_with_gram(gram, cap)

    def rows_containing(self, text: str, rows: Iterable[int] | None, cap: int) -> list[int]:
        """Fact rows whose folded quote and summary contain ``text`` (among ``rows``)."""
        return self._store.rows_containing(text, rows, cap)

    # --- facts ---------------------------------------------------------------------------

    def rows_of_entity(self, entity: int, cap: int) -> list[int]:
        return self._store.rows_of_entity(entity, cap)

    def rows_mentioning(self, entity: int, cap: int) -> list[int]:
        return self._store.rows_mentioning(entity, cap)

    def rows_of_attribute(self, attribute: int, cap: int) -> list[int]:
        return self._store.rows_of_attribute(attribute, cap)

    def rows_with_number(self, low: float, high: float, cap: int) -> list[int]:
        return self._store.rows_with_number(low, high, cap)

    def rows_with_range(self, value: float, tolerance: float, cap: int) -> list[int]:
        return self._store.rows_with_range(value, tolerance, cap)

    def rows_in_year(self, year: int, cap: int) -> list[int]:
        return self._store.rows_in_year(year, cap)

    def scoring_columns(self, rows: Iterable[int]) -> dict[int, ScoringRow]:
        """What ranking needs of each candidate row, without building the fact."""
        return self._store.scoring_columns(rows)

    def claimed_among(self, rows: Iterable[int], claimants: Iterable[int]) -> dict[int, int]:
        """Of fact ``rows``, those claimed by one of the entity rows ``claimants``,
        each with its claimant's row."""
        by_id = {self.entity_at(row).id: row for row in claimants}
        if not by_id:
            return {}
        found = self._store.claimed_among(rows, list(by_id))
        return {n: by_id[claimant] for n, claimant in found.items()}

    def row_of(self, fact_id: str) -> int | None:
        return self._store.row_of(fact_id)

    def facts_at(self, rows: list[int]) -> list[Fact]:
        return self._store.facts_at(rows)

    def filter_rows(self, chosen: FactFilter) -> set[int] | None:
        """The fact rows a filter lets through; None when it lets through every one."""
        return self._store.filter_rows(chosen)

    # --- records, for the views that show what was found ---------------------------------

    def select_facts(self, chosen: FactFilter) -> list[Fact]:
        """The facts that pass every filter of ``chosen``, in store order."""
        return self._store.select_facts(chosen)

    def mentions_of(self, entity_id: str, doubted: bool | None = None) -> list[Fact]:
        """Other entities' facts that relate to this one or cite its claim."""
        return self._store.mentions_of(entity_id, doubted)

    def dated_facts(
        self,
        entity_ids: Iterable[str] | None,
        doubted: bool | None,
        since: str | None,
        until: str | None,
    ) -> list[Fact]:
        """Facts whose value is a date, in date order (see ``Store.dated_facts``)."""
        return self._store.dated_facts(entity_ids, doubted, since, until)
