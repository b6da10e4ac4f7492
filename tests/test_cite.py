"""`chipfacts cite`: every style names the publisher, both titles, the date, the URL,
the quote's file and line, the quote and its English rendering; CSL-JSON is valid
against the CSL schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pybtex.database
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chipfacts
from chipfacts.model.records import Fact
from chipfacts.render.cite import RENDERERS, CiteStyle
from chipfacts.text.normalize import squash_whitespace
from chipfacts.views.cite import Citation
from tests.conftest import Cli, Run

STORE = chipfacts.load()
FACTS = list(STORE.all_facts())
# One citation per source that reports a fact, its own first (keys: id, id-2, …).
CITED = [
    (f, r, f.id if n == 0 else f"{f.id}-{n + 1}") for f in FACTS for n, r in enumerate(f.references)
]
CSL_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8")
)


def cite(cli: Cli, *args: str) -> Run:
    return cli("cite", *args)


def test_csl_json_of_every_fact_is_valid(shared_sources: Path, cli: Cli) -> None:
    result = cite(
        cli, *(f.id for f in FACTS), "--style", "csl-json", "--sources", str(shared_sources)
    )
    assert result.code == 0, result.err
    items = json.loads(result.out)
    jsonschema.validate(items, CSL_SCHEMA, cls=jsonschema.Draft7Validator)
    assert [i["id"] for i in items] == [key for _, _, key in CITED]
    for item, (fact, reference, _) in zip(items, CITED, strict=True):
        source = reference.source
        assert item["title"] == source.title and item["publisher"] == source.publisher
        assert item["issued"]["date-parts"][0][0] == source.published.year
        assert item["custom"]["quote"] == reference.quote
        assert item["custom"]["quote_en"] == fact.summary
        assert item["custom"]["line"] >= 1
        assert item.get("URL") == source.url


def test_the_line_is_where_the_quote_begins(shared_sources: Path, cli: Cli) -> None:
    result = cite(
        cli, *(f.id for f in FACTS), "--style", "csl-json", "--sources", str(shared_sources)
    )
    for item, (fact, reference, _) in zip(json.loads(result.out), CITED, strict=True):
        file = reference.source.file
        lines = (shared_sources / file).read_text(encoding="utf-8-sig").split("\n")
        line = item["custom"]["line"]
        first = next(f for f in squash_whitespace(reference.quote).split("…") if f)
        before = len(squash_whitespace("".join(lines[: line - 1])))
        here = squash_whitespace("".join(lines[:line]))
        found = squash_whitespace("".join(lines)).find(first)
        assert before <= found < len(here), fact.id


@pytest.mark.parametrize("style", ["plain", "markdown", "bibtex"])  # CSL-JSON: above
def test_every_style_names_every_part(shared_sources: Path, style: str, cli: Cli) -> None:
    quota = STORE.facts["microsoft-gpu-quota"]  # a source with a URL
    sources = str(shared_sources)
    result = cite(cli, quota.id, "maia100-transistors", "--style", style, "--sources", sources)
    assert result.code == 0, result.err
    text = result.out.replace("\\_", "_")  # BibTeX escapes the file name's underscores
    for fact in (quota, STORE.facts["maia100-transistors"]):
        source = fact.source
        for part in (source.publisher, source.title, source.title_en, str(source.published),
                     source.file, fact.quote, fact.summary):  # fmt: skip
            assert part and part in text, (style, part)
    url = STORE.facts["microsoft-gpu-quota"].source.url
    assert url is not None and url in text
    assert re.search(r"004_8c318db4b858da2a\.txt\W+line\W+6\b", text), style


def test_without_the_source_texts_the_file_is_given_alone(cli: Cli) -> None:
    result = cite(cli, "maia100-transistors")
    assert result.code == 0
    assert "001_a7cb2996173da827.txt." in result.out and "line" not in result.out


def hostile(fact: Fact, text: str) -> Citation:
    source = fact.source._replace(title=text, publisher=text, url=None)
    return Citation(fact._replace(source=source, quote=text, summary=text), None)


def test_markdown_and_bibtex_show_markup_as_written() -> None:
    fact = STORE.facts["maia100-transistors"]
    text = "# *x* _y_ [a](b) <i> `c` {d} 100% $5 & #1 ~e ^f \\g"
    markdown = RENDERERS[CiteStyle.MARKDOWN]([hostile(fact, text)])
    assert r"\# \*x\* \_y\_ \[a\](b) \<i\> \`c\` {d} 100% $5 & #1 \~e ^f \\g" in markdown
    bibtex = RENDERERS[CiteStyle.BIBTEX]([hostile(fact, text)])
    escaped = (
        r"\# *x* \_y\_ [a](b) \textless{}i\textgreater{} `c` \textbraceleft{}d\textbraceright{} "
        r"100\% \$5 \& \#1 \textasciitilde{}e \textasciicircum{}f \textbackslash{}g"
    )
    assert f"title = {{{escaped}}}," in bibtex


# --- BibTeX, read back by a BibTeX-compatible parser -----------------------------------

# Each LaTeX command the escaping writes, and the character it stands for.
LATEX_CHARACTERS = {
    r"\textbackslash{}": "\\", r"\textbraceleft{}": "{", r"\textbraceright{}": "}",
    r"\&": "&", r"\%": "%", r"\$": "$", r"\#": "#", r"\_": "_",
    r"\textasciicircum{}": "^", r"\textasciitilde{}": "~",
    r"\textless{}": "<", r"\textgreater{}": ">", r"\textbar{}": "|",
}  # fmt: skip
ESCAPE = re.compile("|".join(re.escape(command) for command in LATEX_CHARACTERS))
SPECIALS = set("\\{}&%$#_^~<>|")


def bibtex_entry(text: str, url: str) -> dict[str, str]:
    """The fields of the entry of a fact whose source, quote and summary are ``text``
    and whose URL is ``url``, as pybtex (BibTeX's grammar: every brace counts)
    reads them."""
    fact = STORE.facts["maia100-transistors"]
    source = fact.source._replace(title=text, title_en=text, publisher=text, url=url)
    citation = Citation(fact._replace(source=source, quote=text, summary=text), None)
    parsed = pybtex.database.parse_string(RENDERERS[CiteStyle.BIBTEX]([citation]), "bibtex")
    [entry] = parsed.entries.values()
    fields: dict[str, str] = dict(entry.fields)
    [author] = entry.persons["author"]  # one name, braced: a body, not a person
    name = str(author)
    assert name.startswith("{") and name.endswith("}")
    fields["author"] = name[1:-1]
    return fields


def as_text(field: str) -> str:
    """A field's LaTeX read back as text: every special character must be one of the
    commands above, and each command stands for its character."""
    bare = SPECIALS & set(ESCAPE.sub("", field))
    assert not bare, f"{bare} unescaped in {field!r}"
    return ESCAPE.sub(lambda m: LATEX_CHARACTERS[m.group()], field)


HOSTILE = [
    "}", "{", "a } b { c", "\\}", "\\", "100% of $5 & #1", "~e ^f <i> |x|", "x_y",
    "line\nbreak", "@misc{evil, title={x}}", '"quoted"', "微软 %",
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_every_bibtex_field_reads_back_as_written(text: str) -> None:
    fields = bibtex_entry(text, "https://example.com/a")
    flat = " ".join(text.split())
    assert as_text(fields["title"]) == as_text(fields["titleaddon"]) == flat
    assert as_text(fields["author"]) == flat
    assert as_text(fields["note"]).endswith(f'"{flat}" ({flat})')


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=40))
@settings(max_examples=100, deadline=None)
def test_any_text_reads_back_as_written(text: str) -> None:
    fields = bibtex_entry(text or "x", "https://example.com/a")
    assert as_text(fields["title"]) == " ".join((text or "x").split())


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a%20b/c_d~e#f?q=1&r=$",  # verbatim: nothing LaTeX-escaped
        "https://example.com/a}b{c",
        "https://example.com/a b\nc",
        "https://example.com/a\\b",
        "https://zh.example.com/微软/AI芯片",
    ],
)
def test_a_url_is_verbatim_and_cannot_break_the_entry(url: str) -> None:
    field = bibtex_entry("Title", url)["url"]
    assert "\\" not in field and not set(field) & set("{} \n")
    assert unquote(field) == unquote(url)  # the same address, as a browser sends it
    if url.isascii() and not set(url) & set("{} \n\\"):
        assert field == url


def test_unknown_and_missing_ids(cli: Cli) -> None:
    result = cite(cli, "maia100-transistor")
    assert result.code == 1 and "did you mean 'maia100-transistors'" in result.err
    assert cite(cli).code == 2
    result = cite(cli, "maia100-transistors", "--sources", "/nonexistent")
    assert result.code == 2 and result.err.count("\n") == 1
