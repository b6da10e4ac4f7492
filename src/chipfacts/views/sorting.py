"""The orders a listing of facts can take: apart from the views, so that the command
line can offer them as choices without importing the store or search."""

from __future__ import annotations

from enum import StrEnum


class FactSort(StrEnum):
    """The orders ``list facts`` can sort in (the default is the store's order)."""

    AS_OF = "as_of"
    ENTITY = "entity"
    ATTRIBUTE = "attribute"
    VALUE = "value"
