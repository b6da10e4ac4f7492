"""Each command's output with nothing in it: the document a script gets when nothing
is found, and the fields ``--fields`` offers for the command before it has run."""

from __future__ import annotations

from collections import Counter

from chipfacts.render import serialize
from chipfacts.render.output import Output


def empty_output(command: str, what: str | None = None) -> Output:
    """``command``'s output without records (``what``: the listing of ``list``, or for
    ``sources``, whether one source was named)."""
    if command == "search":
        # lazy: only an empty search needs search's records (11 ms)
        from chipfacts.render.matched import search_output

        return search_output([], [], [])  # with its match columns, as when facts are found
    if command == "compare":
        # lazy: only an empty comparison needs compare's view (19 ms)
        from chipfacts.views.compare import Comparison

        return serialize.comparison_output(Comparison((), ()))
    if command == "conflicts":
        return serialize.conflicts_output([])
    if command == "fact":
        return serialize.fact_details_output([])
    if command == "list" and what == "entities":
        return serialize.entities_output([], Counter())
    if command == "list" and what == "attributes":
        return serialize.attributes_output([], Counter())
    if command == "sources" and what is None:
        return serialize.sources_output([], Counter())
    return serialize.facts_output([])  # list facts, timeline, show, one source's facts
