"""``Query``: what a query asks for, once read (see ``reader``)."""

from __future__ import annotations

from chipfacts.text.numbers import QueryNumber
from chipfacts.text.question import Steer


class Query:
    """What a query asks for, once read. Entities and attributes are row numbers."""

    __slots__ = (
        "text", "entities", "attributes", "numbers", "words", "cjk", "echoes", "name_echoes",
        "steers", "reasons", "aside",
        "fallbacks", "makers", "typed",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: dict[int, float] = {}  # entity row -> weight
        self.attributes: dict[int, float] = {}  # attribute row -> weight
        self.numbers: list[QueryNumber] = []
        self.words: list[str] = []  # left-over Latin words
        self.cjk: list[str] = []  # left-over Chinese runs
        self.echoes: list[str] = []  # words read as names, then as attributes
        self.name_echoes = 0  # how many of the echoes, first, are names
        self.steers: set[Steer] = set()  # the kinds of answer the question asks for
        self.aside: list[str] = []  # words the question sets aside ("besides chips", 除了芯片)
        self.reasons: set[int] = set()  # attributes named only by words asking why (为什么)
        self.fallbacks: dict[int, str] = {}  # entity row -> the other designation typed
        # product row -> its maker's row, when the query names both ("microsoft's maia")
        self.makers: dict[int, int] = {}
        # ("entity" or "attribute", row) -> the words typed for it, as its best match read them
        self.typed: dict[tuple[str, int], str] = {}

    def add_entity(self, row: int, weight: float, typed: str) -> None:
        self._add("entity", self.entities, row, weight, typed)

    def add_attribute(self, row: int, weight: float, typed: str) -> None:
        self._add("attribute", self.attributes, row, weight, typed)

    def _add(self, kind: str, found: dict[int, float], row: int, weight: float, typed: str) -> None:
        if weight > found.get(row, 0.0):
            found[row] = weight
            self.typed[kind, row] = typed
