"""The grammar of a question: function words, and the few that steer.

Function words ("which", "does", "the", 的, 是, 多少) never match a fact on their
own. Some of them say what kind of answer is wanted, and steer the ranking
toward it: "how many" toward counts, "when" toward dates, "how much" toward
money, "bigger", "times" and 倍 toward ratios, "first" and 首款 toward the
earliest, "vs" and 对比 toward both things compared; "why" and 为什么 ask for a
reason (the attributes that give one say so in the store: their synonyms);
"say", "warn" and 表示 for what a name said (the facts it claims). What
a question asks *about* (makes, uses, cost, cluster size…) is vocabulary, and
lives in the store as attribute synonyms; only grammar is here.
"""

from __future__ import annotations

from enum import Enum


class Steer(Enum):
    """The kind of answer a question word asks for."""

    COUNT = "count"
    DATE = "date"
    MONEY = "money"
    RATIO = "ratio"
    FIRST = "first"  # the earliest of what matched ("the first chip", 首款)
    REASON = "reason"  # why: a motive or purpose, of what the rest of the question names
    VERSUS = "versus"  # two things side by side ("mi300x vs h100", 和…相比)
    SAID = "said"  # what someone named said: the facts they claim ("what did UBS warn")
    EXPECTED = "expected"  # a forecast or plan, not what happened ("expected to be revealed")
    REMEDY = "remedy"  # what is done about something ("doing to fix the shortage", 如何应对)


FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at by for from with about into as than then and or but not no
    is are was were be been being am do does did done doing has have had having
    will would shall should can could may might must need needs needed
    what which who whom whose when where why how whats
    this that these those there here it its it's they them their theirs he him his she her
    i me my we us our you your one ones any some such
    much many more most very so also just only still ever yet
    s tell show give find get know say said please according gets getting got gotten
    """.split()
)

# Words of speech: "what did UBS warn about" asks for what UBS claims. 称 alone is
# also "name" (名称), so only the Chinese words that are surely speech.
SPEECH_WORDS = (
    "say", "says", "said", "saying", "warn", "warns", "warned", "told", "claim", "claims",
    "claimed", "stated", "think", "thinks", "believe", "believes", "according",
)  # fmt: skip
CJK_SPEECH_WORDS = (
    "说", "表示", "警告", "认为", "指出", "透露", "声称", "宣称", "提到", "坦言", "强调", "据称",
)  # fmt: skip

# Steering phrases, longest first; each word of a phrase is a function word or
# a steering word that carries no other meaning.
# "to fix", 应对: what is done about what follows (解决 alone also asks what a thing
# solves, a benefit: only 如何解决 and its kin ask for a remedy)
_REMEDY_VERBS = (
    *"fix solve address tackle ease resolve overcome alleviate".split(),
    "deal with",
    "cope with",
    "make up for",
)
_CJK_REMEDIES = """
    应对 應對 怎么办 怎麼辦 缓解 緩解 如何解决 如何解決 怎么解决 怎麼解決 怎样解决 怎樣解決
""".split()

STEERING = (
    (("how", "many"), Steer.COUNT),
    (("how", "much"), Steer.MONEY),
    (("what", "year"), Steer.DATE),
    (("which", "year"), Steer.DATE),
    (("when",), Steer.DATE),
    (("what", "date"), Steer.DATE),
    (("since", "when"), Steer.DATE),
    (("why",), Steer.REASON),
    (("first",), Steer.FIRST),
    (("earliest",), Steer.FIRST),
    (("vs",), Steer.VERSUS),
    (("versus",), Steer.VERSUS),
    (("compared", "with"), Steer.VERSUS),
    (("compared", "to"), Steer.VERSUS),
    *(((word,), Steer.VERSUS) for word in ("differ", "differs", "different", "difference")),
    (("bigger",), Steer.RATIO),
    (("larger",), Steer.RATIO),
    (("times",), Steer.RATIO),
    *(((word,), Steer.SAID) for word in SPEECH_WORDS),
    *((("to", *verb.split()), Steer.REMEDY) for verb in _REMEDY_VERBS),
    (("doing", "about"), Steer.REMEDY),
    (("expected",), Steer.EXPECTED),
    (("forecast",), Steer.EXPECTED),
    (("projected",), Steer.EXPECTED),
)

# Steering words: grammar only, they match no fact's text ("the first chip" asks for
# the earliest dated fact, not for the facts that say "first").
STEERING_WORDS = frozenset(
    {"bigger", "larger", "times", "year", "vs", "versus", "compared", "first", "earliest"}
)

# Chinese: searched for inside runs of Chinese, longest first.
CJK_FUNCTION_WORDS = tuple(
    sorted(
        """
        什么时候 多少钱 哪一年 是多少 有多少 多少 什么 哪些 哪个 哪款 哪家 怎么 如何 为什么
        需要 是否 还是 可以 已经 目前 关于 以及 它们 他们 我们 这个 那个 这些 那些
        几倍 几 谁 的 是 了 吗 呢 吧 和 与 及 或 在 有 被 把 对 从 向 由 要 说 每 个 张 块 款 颗
        何时 哪年 年份 时候 几时 哪个月 几月 对比 相比 比较 相较 相对于
        哪一 哪里 哪儿 多大 多长 多远
        除了 之外 以外 还 也 都
        """.split(),
        key=len,
        reverse=True,
    )
)

CJK_STEERING = (
    ("什么时候", Steer.DATE),
    ("何时", Steer.DATE),
    ("哪一年", Steer.DATE),
    ("哪年", Steer.DATE),
    ("几时", Steer.DATE),
    ("哪个月", Steer.DATE),
    ("几月", Steer.DATE),
    ("为什么", Steer.REASON),
    ("为何", Steer.REASON),
    ("为啥", Steer.REASON),
    ("第一", Steer.FIRST),
    ("首款", Steer.FIRST),
    ("首个", Steer.FIRST),
    ("首次", Steer.FIRST),
    ("最早", Steer.FIRST),
    ("最先", Steer.FIRST),
    ("率先", Steer.FIRST),
    ("对比", Steer.VERSUS),
    ("相比", Steer.VERSUS),
    ("比较", Steer.VERSUS),
    ("相较", Steer.VERSUS),
    ("相对于", Steer.VERSUS),
    # how two things differ is said by a fact that names both ("X不同于Y")
    ("不同", Steer.VERSUS),
    ("区别", Steer.VERSUS),
    ("差别", Steer.VERSUS),
    ("差异", Steer.VERSUS),
    *((word, Steer.SAID) for word in CJK_SPEECH_WORDS),
    ("多少钱", Steer.MONEY),
    ("几倍", Steer.RATIO),
    ("倍", Steer.RATIO),
    ("多少", Steer.COUNT),
    ("几", Steer.COUNT),
    *((word, Steer.REMEDY) for word in _CJK_REMEDIES),
    ("预计", Steer.EXPECTED),
    ("預計", Steer.EXPECTED),
    ("预期", Steer.EXPECTED),
    ("預期", Steer.EXPECTED),
)


def steers_of_words(words: list[str]) -> set[Steer]:
    """The kinds of answer a list of (folded, Latin) words asks for."""
    found: set[Steer] = set()
    for i in range(len(words)):
        for phrase, steer in STEERING:
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.add(steer)
    return found


def steers_of_cjk(run: str) -> set[Steer]:
    return {steer for word, steer in CJK_STEERING if word in run}


def steer_phrase(text: str, steer: Steer) -> str:
    """The words of a (folded) query that ask for ``steer``, as typed ("" if none)."""
    words = text.split()
    for phrase, found in STEERING:
        for i in range(len(words)):
            if found is steer and tuple(words[i : i + len(phrase)]) == phrase:
                return " ".join(phrase)
    return next((word for word, found in CJK_STEERING if found is steer and word in text), "")


# The words that ask: a phrase holding one ("how long", 要等多久, 谁批准) names what the
# answer is, beside words that name what it is about ("GPU申请要等多久": the wait).
QUESTION_WORDS = frozenset("who whom whose what which when where how".split())
CJK_QUESTION_WORDS = (
    "谁",
    "多少",
    "多久",
    "多长",
    "多大",
    "几",
    "什么",
    "哪",
    "何",
    "怎么",
    "如何",
    # colloquial: 干嘛用 (what for), 有啥 (what), 咋 (how)
    "干嘛",
    "幹嘛",
    "啥",
    "咋",
)


def asks(phrase: str) -> bool:
    """Whether a (folded) phrase holds a word that asks."""
    if any(word in phrase for word in CJK_QUESTION_WORDS):
        return True
    return any(word in QUESTION_WORDS for word in phrase.split())


def is_function_word(word: str) -> bool:
    return word in FUNCTION_WORDS or word in STEERING_WORDS


def cut_cjk_function_words(run: str) -> list[str]:
    """The pieces of a run of Chinese left once its function words are cut out."""
    pieces = [run]
    for word in CJK_FUNCTION_WORDS:
        pieces = [p for piece in pieces for p in piece.split(word) if p]
    return pieces
