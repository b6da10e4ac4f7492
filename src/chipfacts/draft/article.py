"""An article to draft from: its text, its folded form, and the source it will be."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from chipfacts.errors import DataFileError
from chipfacts.model.records import Source
from chipfacts.store.quotes import MAX_SOURCE_BYTES
from chipfacts.text.normalize import fold_in_place


class Article(NamedTuple):
    text: str
    folded: str  # ``fold_in_place(text)``: the same offsets
    source: Source


def read_article(path: Path, source: Source) -> Article:
    return article_of(read_text(path), source)


def read_text(path: Path) -> str:
    """Read a UTF-8 text or Markdown file (at most 10 MiB, as a source may be)."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise DataFileError(f"{path}: too large for an article ({size:,} bytes; limit 10 MiB)")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path}: not UTF-8 (a bad byte at offset {error.start:,})") from None
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    return text


# A web page's footer after the story (a disclaimer, other stories' headlines) is
# no part of the article: drafting stops at the first line that opens one.
_FOOTER = re.compile(
    r"^[ \t\u3000]*(?:相关推荐|热点推荐|热门推荐|相关阅读|推荐阅读|延伸阅读|相关文章|相关新闻"
    r"|特别声明|免责声明|责任编辑)",
    re.MULTILINE,
)


def body_end(folded: str) -> int:
    """Where the story ends in a captured page (the whole text if no footer opens)."""
    found = _FOOTER.search(folded)
    return found.start() if found is not None else len(folded)


def article_of(text: str, source: Source) -> Article:
    return Article(text, fold_in_place(text), source)


# A dateline before a paragraph's first sentence names the outlet and its reporter
# (腾讯科技讯 11月6日消息，【记者林育萱／台北报导】, 路透旧金山10月5日电): the
# names in it say who reports, not what the story is about.
_DATELINE = re.compile(
    r"^[ \t\u3000]*(?:【[^】\n]{1,40}】|[(（][^)）\n]{1,30}(?:报导|报道|电)[)）]"
    # 腾讯科技讯 11月6日消息 (an outlet's name, 讯, a space or the date)
    r"|[^\s\d，,。！？\n【】]{2,8}讯(?=\s|\d)(?:\s*\d{1,2}月\d{1,2}日(?:消息)?)?"
    # 路透旧金山10月5日电 (an outlet, a place, the date, 电)
    r"|[^\s\d，,。！？\n【】]{2,12}\d{1,2}月\d{1,2}日电"
    # 1月20日消息 (the date alone, opening the paragraph)
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日消息)",
    re.MULTILINE,
)


def datelines(folded: str) -> list[tuple[int, int]]:
    """Where each dateline is (the outlet's name and the date it gives)."""
    return [m.span() for m in _DATELINE.finditer(folded)]
