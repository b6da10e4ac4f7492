"""How much each kind of match adds to a fact's score, and the limits search keeps.

Weights are chosen so that an exact name (100) always outranks a fuzzy one (at
most 90), a name the fact merely mentions or that claims it (80) outranks
generic words, and a fact that matches both the entity and the attribute asked
for outranks one that matches either.
"""

ENTITY_EXACT = 100.0
ENTITY_FUZZY = 90.0  # times similarity: always below an exact match
ENTITY_MENTIONED = 80.0  # the entity is related to, or claims, the fact
MENTIONED_SHARE = 0.5  # of its own facts' part, the least a mention of a common name earns
PART_OF_NAME = 54.0  # a Chinese word inside a Chinese name (网卡 in 微软网卡): below ATTRIBUTE
MADE_BY = 0.5  # times a maker's weight: the facts of what it makes ("微软的芯片": Maia 100)
QUALIFIER = 0.8  # times a product's weight: its maker, named with it, ranks below it
SINCE = 0.5  # times a name's weight: typed after "since" (自), it dates what is asked
FALLBACK = 0.6  # times a fuzzy weight: another model designation, offered last
ATTRIBUTE = 60.0
ASKED = 1.15  # times ATTRIBUTE: named by words that ask ("how long", 谁批准): the answer
FAMILY = 0.5  # times ATTRIBUTE: an attribute sharing a label word with one matched
STEER = 12.0  # the kind of answer a question word asks for ("how many": a count)
EXPECTED_HEAD = 20  # "expected": the leading facts among which forecasts and plans rise
EARLIEST = 24.0  # "the first": the earliest dated fact that matched (later ones less)
NUMBER = 80.0
BOUND_ONLY = 0.9  # times NUMBER: the number typed is a fact's floor or ceiling, not its value
TEXT = 25.0  # times its rarity: a word found in few facts counts as a further part does
COVERAGE = 25.0  # for each further part of the query a fact matches (not a kin attribute)
ECHO = 10.0  # a word already read as a name or attribute also appears in the fact
MIN_SCORE = 10.0
MAX_SPAN = 6  # words in the longest alias ("Microsoft network interface card")
MAX_QUERY_CHARS = 500
ABOUT_TOLERANCE = 0.03  # "about 48 billion" still matches a query of 48.1 billion
CAP = 2000  # candidates read from one list of the store's postings, at most

# A whole word (or a whole run of Chinese) found in a fact, or a word of at least
# TYPO_WORD letters one typo away; below, a prefix or a looser typo.
WHOLE = 0.8
TYPO_WORD = 5
