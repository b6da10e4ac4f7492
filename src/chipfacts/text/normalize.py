"""Text normalisation shared by alias checks, lookups and search.

Two spellings are the same name when they differ only in width (full-width
Ｍ), case, spacing, hyphens or punctuation: ``maia-100``, ``Maia 100`` and
``ＭＡＩＡ100`` all become ``maia100``. Traditional and Simplified Chinese are one
script here: 微軟 and 微软 fold to the same text (OpenCC does the conversion),
and so are the words Taiwan and Hong Kong write differently from the mainland
sources: 晶片 folds to 芯片, 輝達 to 英伟达 (see ``REGIONAL_WORDS``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

_WHITESPACE = re.compile(r"\s+")
_CJK_CHARS = "\u3400-\u9fff\uf900-\ufaff"


@cache
def _cjk_run() -> re.Pattern[str]:
    # Compiling a class this wide costs more than a cached lookup: only
    # non-ASCII text needs it, so it is compiled on first use.
    return re.compile(f"[{_CJK_CHARS}]+")


# A word: letters or digits of any script, keeping inner . ' + % $ so that "3.5",
# "dell'oro", "80%" and "$48.1b" stay whole. CJK runs are spaced apart first, and
# underscores (never in a word) become spaces: with none left, \w is exactly a
# letter or digit, and a word one character class, which re matches in a tight loop.
_WORD = re.compile(r"[$]?\w[\w.'+%$]*")


@cache
def _t2s() -> Callable[[str], str]:
    import opencc  # lazy: 18 ms, only paths that fold Chinese pay for it

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


# Words (after t2s) that Taiwan and Hong Kong write where the mainland, and so the
# sources, write another: OpenCC's t2s converts characters only. A short list of
# the domain's words, not OpenCC's phrase tables (tw2sp): those also rewrite
# mainland words (整合 to 集成, 新增 to 添加), which would fold a query and the
# quote it should find apart.
REGIONAL_WORDS = {
    "晶片": "芯片", "辉达": "英伟达", "软体": "软件", "硬体": "硬件", "软硬体": "软硬件",
    "网路": "网络", "网际网路": "互联网", "记忆体": "内存", "伺服器": "服务器",
    "资料中心": "数据中心", "演算法": "算法", "显示卡": "显卡", "人工智慧": "人工智能",
    "积体电路": "集成电路", "频宽": "带宽", "影像辨识": "图像识别", "辨识": "识别",
    "云端运算": "云计算", "资讯": "信息", "视讯": "视频", "执行长": "首席执行官",
    "效能": "性能", "电晶体": "晶体管", "丛集": "集群",
}  # fmt: skip


@cache
def _regional() -> re.Pattern[str]:
    return re.compile("|".join(sorted(REGIONAL_WORDS, key=len, reverse=True)))


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to Simplified, and Taiwan's and Hong Kong's
    words to the mainland's (``REGIONAL_WORDS``); other text is unchanged."""
    if text.isascii() or not _cjk_run().search(text):
        return text
    simplified = _t2s()(text)
    return _regional().sub(lambda m: REGIONAL_WORDS[m.group()], simplified)


@cache
def _surrogates() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


def fold(text: str) -> str:
    """The search form of a text: NFKC, case-folded, Simplified Chinese.

    Lone surrogates (which only broken input holds) are dropped: they are not
    characters, and the converter cannot encode them.
    """
    if not text.isascii():
        text = _surrogates().sub("", text)
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())


def tokens(folded: str) -> list[str]:
    """Split folded text into words and runs of CJK characters.

    Trailing dots and quotes go, and so does a possessive: "microsoft's" is "microsoft".
    """
    return _words(folded if folded.isascii() else _cjk_run().sub(r" \g<0> ", folded))


def tokens_without_cjk(folded: str) -> list[str]:
    """The tokens of folded text that hold no CJK character (its CJK runs, dropped)."""
    return _words(folded if folded.isascii() else _cjk_run().sub(" ", folded))


def _words(spaced: str) -> list[str]:
    found = _WORD.findall(spaced.replace("_", " "))
    return [word.removesuffix("'s").rstrip(".'") or word for word in found]


def name_key(text: str) -> str:
    """The comparison key of a name: its tokens' letters and digits, run together.

    Built from ``tokens`` so that a name and a query typed the same way agree.
    """
    # A token is letters and digits (\w without "_") and . ' + % $ (see _WORD).
    return _NOT_ALNUM.sub("", "".join(tokens(fold(text))))


_NOT_ALNUM = re.compile(r"[.'+%$]")


def has_cjk(text: str) -> bool:
    return not text.isascii() and _cjk_run().search(text) is not None


def squash_whitespace(text: str) -> str:
    """Remove every whitespace character (quotes are compared this way)."""
    return _WHITESPACE.sub("", text)


def cjk_runs(text: str) -> list[str]:
    """The runs of CJK characters in ``text``, in order."""
    return _cjk_run().findall(text) if not text.isascii() else []


def as_typed(text: str, word: str) -> str:
    """``word`` (a folded word of ``text``: lower case, Simplified) as it was typed
    in ``text`` ("H20", "華為"), for messages that quote the reader; ``word`` itself
    where it is not one span of the text (a possessive cut, words joined)."""
    folded = fold_in_place(text)
    start = folded.find(word)
    if start >= 0:
        return text[start : start + len(word)]
    # Read with a space the reader did not type ("TPU第七代" read as "tpu 第七代"):
    # the same characters, whatever the spacing between them.
    spaced = re.search(r"\s*".join(map(re.escape, word.replace(" ", ""))), folded)
    return word if spaced is None else text[spaced.start() : spaced.end()]


def fold_in_place(text: str) -> str:
    """``fold`` character for character, so offsets in the result are offsets in ``text``.

    An article is read in its folded form (full-width digits, case and script
    ignored) while quotes are cut from the text as written: a character whose
    folded form is not one character (ﬁ, ß, a phrase OpenCC rewrites) is kept.
    """
    folded = []
    for char in text:
        new = char if char.isascii() else unicodedata.normalize("NFKC", char)
        new = new.casefold()
        folded.append(new if len(new) == 1 else char.lower() if len(char.lower()) == 1 else char)
    flat = "".join(folded)
    if flat.isascii():
        return flat
    # Run by run: a text's length alone says nothing of its offsets (記憶體 → 内存 is
    # one shorter, 輝達 → 英伟达 one longer: together the same length, every offset
    # between them moved), while no phrase the converter rewrites spans a run's end.
    return _cjk_run().sub(lambda run: _simplified_in_place(run.group()), flat)


def _simplified_in_place(run: str) -> str:
    """A run of CJK characters in Simplified Chinese, one character for each: by
    phrase where the converter keeps the length, else character by character; then
    each regional word of the same length as the mainland's (晶片 → 芯片; not 記憶體 →
    内存, which would move what follows it)."""
    simplified = _t2s()(run)
    if len(simplified) != len(run):
        converted = (_t2s()(char) for char in run)
        simplified = "".join(
            new if len(new) == 1 else old for old, new in zip(run, converted, strict=True)
        )
    return _regional().sub(_same_length_word, simplified)


def _same_length_word(match: re.Match[str]) -> str:
    word = REGIONAL_WORDS[match.group()]
    return word if len(word) == len(match.group()) else match.group()
