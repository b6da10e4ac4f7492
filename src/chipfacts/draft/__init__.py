"""Drafting facts from an article: candidate facts for a curator to review.

The article is read with the engine that reads a query: the store's names
(``search``'s name keys), its attribute synonyms, the number reader
(``text.numbers``), the cue words (``text.cues``) and the quote check
(``store.quotes``). Nothing here is tuned to one article: a candidate is a
quantity, a date or a clause that an attribute word names, tied to the entity
the sentence is about.
"""
