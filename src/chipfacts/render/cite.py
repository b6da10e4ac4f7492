"""Citations of facts, in the styles people paste: plain text, Markdown, BibTeX and
CSL-JSON (what Zotero, Pandoc and citeproc read). Each names the publisher, the
original title and its English rendering, the date, the URL when known, the file
and line of the quote, the quote and its English rendering (the fact's summary).
A fact that several sources report is cited once per source, each with its quote."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from chipfacts.render.safe import json_safe

if TYPE_CHECKING:  # (at run time, the views and the store behind them load only for `cite`)
    from chipfacts.views.cite import Citation


class CiteStyle(StrEnum):
    PLAIN = "plain"
    MARKDOWN = "markdown"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


def _place(citation: Citation) -> str:
    """``001_….txt, line 44``, or the file alone when the line is not known."""
    file = citation.reference.source.file
    return file if citation.line is None else f"{file}, line {citation.line}"


def plain(citation: Citation) -> str:
    """One paragraph: Publisher. Title [English]. Date. URL. File, line. "Quote" [English]."""
    fact, source, quote = citation.fact, citation.reference.source, citation.reference.quote
    title = source.title + (f" [{source.title_en}]" if source.title_en else "")
    parts = [source.publisher, title, str(source.published), source.url, _place(citation)]
    sentences = [p.rstrip(".") + "." for p in parts if p]
    sentences += [f'"{quote}" [{fact.summary}]', f"(chipfacts fact {fact.id})"]
    return " ".join(" ".join(s.split()) for s in sentences)


# What starts emphasis, code, a link, HTML or a table cell anywhere in a line, and
# what starts a heading or a list at its beginning.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_LEADING = re.compile(r"^(\d+(?=[.)])|(?=[#+\-=]))")


def _md(text: str) -> str:
    """Text that Markdown shows as written: its markup escaped, on one line."""
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", " ".join(text.split()))
    return _MARKDOWN_LEADING.sub(r"\1\\", escaped, count=1)


def _md_code(text: str) -> str:
    return f"`{text}`" if "`" not in text and "\n" not in text else _md(text)


def markdown(citation: Citation) -> str:
    """The quote as a block quote with its English rendering, then the source."""
    fact, source, quote = citation.fact, citation.reference.source, citation.reference.quote
    title = f"*{_md(source.title)}*"
    if source.title_en:
        title += f" ({_md(source.title_en)})"
    where = [_md(source.publisher), title, _md(str(source.published))]
    if source.url:
        autolink = not any(c in source.url for c in " <>")
        where.append(f"<{source.url}>" if autolink else _md(source.url))
    line = "" if citation.line is None else f", line {citation.line}"
    where.append(_md_code(source.file) + line)
    return (
        f"> {_md(quote)}\n>\n> *{_md(fact.summary)}*\n\n"
        f"— {', '.join(where)} (chipfacts fact `{fact.id}`)"
    )


# What LaTeX would read as markup, as the text it is. Braces are written as
# commands, not as \{ and \}: BibTeX counts every brace, escaped or not, so a lone
# "}" (even as \}) would end the field early. ~ and ^ as characters, not as the
# accents \~{} and \^{}; < > | as characters, which the OT1 font encoding draws as
# other glyphs (¡ ¿ —).
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}  # fmt: skip
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# What a URL may hold as it is (RFC 3986's reserved and unreserved characters, and
# % for the escapes it already has); anything else is percent-encoded as UTF-8.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _tex(text: str) -> str:
    """Text as BibTeX and LaTeX read it literally: specials as commands, one line."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def _url(url: str) -> str:
    """A URL for the ``url`` field, which biblatex (and ``\\url`` with BibTeX) read
    verbatim: nothing escaped for LaTeX (``%``, ``#``, ``_`` stay as they are),
    but what no URL holds, and what would break the entry (a brace, a backslash,
    a space or a line break), percent-encoded, as a browser would send it."""
    return quote(url, safe=_URL_SAFE)


def bibtex(citation: Citation) -> str:
    """A ``@misc`` entry keyed by the fact id (``-2``… for its further sources), with
    biblatex's ``date`` and ``titleaddon`` and classic BibTeX's ``year``, ``month``
    and ``note``."""
    fact, source, quote = citation.fact, citation.reference.source, citation.reference.quote
    published = source.published
    fields: list[tuple[str, str]] = [
        ("author", "{" + _tex(source.publisher) + "}"),  # a body, not a person's name
        ("title", _tex(source.title)),
    ]
    if source.title_en:
        fields.append(("titleaddon", _tex(source.title_en)))
    fields += [("date", str(published)), ("year", str(published.year))]
    month = _MONTHS[published.month - 1] if published.month else None
    if source.url:
        fields.append(("url", _url(source.url)))
    fields.append(("language", _tex(source.language)))
    fields.append(("note", _tex(f'{_place(citation)}: "{quote}" ({fact.summary})')))
    lines = [f"@misc{{{citation.key},"]
    for name, value in fields:
        lines.append(f"  {name} = {{{value}}},")
        if name == "year" and month:
            lines.append(f"  month = {month},")
    return "\n".join(lines) + "\n}"


def csl_item(citation: Citation) -> dict[str, Any]:
    """One CSL-JSON item (schema 1.0.2): the article as an ``article-newspaper``; what
    CSL has no variable for (the English title, the quote, its place) in ``custom``,
    and in ``note`` for the processors that read only that."""
    fact, source, quote = citation.fact, citation.reference.source, citation.reference.quote
    published = source.published
    parts = [p for p in (published.year, published.month, published.day) if p]
    custom: dict[str, Any] = {
        "title_en": source.title_en,
        "file": source.file,
        "line": citation.line,
        "quote": quote,
        "quote_en": fact.summary,
        "fact_id": fact.id,
    }
    note = f'{_place(citation)}: "{quote}" ({fact.summary})'
    if source.title_en:
        note = f"Title in English: {source.title_en}. {note}"
    item: dict[str, Any] = {
        "id": citation.key,
        "type": "article-newspaper",
        "title": source.title,
        "container-title": source.publisher,
        "publisher": source.publisher,
        "issued": {"date-parts": [parts]},
        "language": source.language,
        "note": note,
        "custom": {k: v for k, v in custom.items() if v is not None},
    }
    if source.url:
        item["URL"] = source.url
    return item


def _csl_json(citations: Sequence[Citation]) -> str:
    items = [csl_item(c) for c in citations]
    return json_safe(json.dumps(items, ensure_ascii=False, indent=2))


def _each(style: Callable[[Citation], str]) -> Callable[[Sequence[Citation]], str]:
    return lambda citations: "\n\n".join(style(c) for c in citations)


RENDERERS: dict[CiteStyle, Callable[[Sequence[Citation]], str]] = {
    CiteStyle.PLAIN: _each(plain),
    CiteStyle.MARKDOWN: _each(markdown),
    CiteStyle.BIBTEX: _each(bibtex),
    CiteStyle.CSL_JSON: _csl_json,
}
