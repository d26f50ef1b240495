"""Turn an HTML page into an article: main text as paragraphs, title, site, canonical URL, language, dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

import trafilatura
from htmldate import find_date
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor
from lxml.html import HtmlElement
from marshmallow import ValidationError
from trafilatura.utils import load_html

from schemas.common import WebUrl
from service import budget
from service.extraction.locales import language_code
from service.web.lead import lead_before
from service.web.leftovers import drop_leftovers
from service.web.unread import strip_unread

# Markup a page must show somewhere near its top to be read as HTML rather than text, JSON or a feed.
_HTML_SIGNS = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|main|div|p|h1|title)[\s>/]", re.I)
_SNIFF_CHARS = 4096
# Reading a page runs under the request's CPU budget (service/budget.py), checked between its stages. The
# main-text extractor and htmldate's free-text search cannot be stopped inside, so their input is bounded before
# they start, to keep each of those stages well under the budget (docs/benchmarks.md has the worst case). The
# limits count the markup left once what no reader reads (comments, scripts, styles, icons) is removed:
# - The extractor's cost grows with the elements and attributes of the page; large real news pages have a few
#   thousand elements of a few attributes each. libxml2 also compares each attribute of a tag with every one
#   before it, so one tag may have at most MAX_TAG_ATTRIBUTES (real tags have a few).
# - Its fallback extractors (readability, jusText) cost more than linear time on pages of many short blocks, so
#   they run on pages of up to FALLBACK_ELEMENTS only.
# - The free-text date search reads the first TEXT_DATE_CHARS of a page: a byline stands near its top.
MAX_ELEMENTS = 10_000
MAX_ATTRIBUTES = 30_000
MAX_TAG_ATTRIBUTES = 1000
FALLBACK_ELEMENTS = 2000
TEXT_DATE_CHARS = 500_000
_START_TAG = re.compile(r"""<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
# htmldate looks for the original publication, not the last update, and nothing before the web's news.
_EARLIEST = datetime(1995, 1, 1)


class PageError(ValueError):
    """A page that holds no article this service can read."""


@dataclass(frozen=True)
class Page:
    """What a page says about its article; page_date and url_date are YYYY-MM-DD or None."""

    body: str
    title: str | None
    sitename: str | None
    url: str | None
    language: str | None
    page_date: str | None
    url_date: str | None
    tree: HtmlElement
    html: str

    def text_date(self) -> str | None:
        """Return the date htmldate's free-text search finds on the page (costlier; a last resort)."""
        budget.check()
        page = self.tree if len(self.html) <= TEXT_DATE_CHARS else self.html[:TEXT_DATE_CHARS]
        return find_date(page, extensive_search=True, original_date=True, min_date=_EARLIEST)


def looks_like_html(text: str) -> bool:
    """Tell whether text is an HTML document rather than plain text, JSON or XML."""
    head = text[:_SNIFF_CHARS].lstrip()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf:RDF")) and "<html" not in head.lower():
        return False
    return bool(_HTML_SIGNS.search(head))


def read_page(html: str, url: str | None = None) -> Page:
    """Read the article of one HTML page; raise PageError when there is none, OutOfTime past the running budget."""
    if not looks_like_html(html):
        raise PageError("not HTML: no HTML markup near the start of the document")
    html = strip_unread(html)
    elements = _check_markup(html)
    budget.check()  # each stage starts only within the budget: a batch's later page may find it spent
    tree = load_html(html)
    if tree is None:
        raise PageError("not HTML: the markup cannot be parsed")
    canonical = _canonical(tree) or url
    budget.check()
    # htmldate (run by trafilatura) reads the URL's date first, then the markup (meta tags, JSON-LD, <time>,
    # bylines); its free-text search is left out: a date merely mentioned in the text is the dateline's
    # business, read later from the article's own first lines.
    document = trafilatura.bare_extraction(
        tree, url=canonical, with_metadata=True, include_comments=False, include_tables=False,
        fast=elements > FALLBACK_ELEMENTS,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "min_date": _EARLIEST, "max_date": datetime.now()},
    )
    budget.check()
    body = _paragraphs(document.body, document.title) if document is not None else ""
    if body:
        blocks = body.split("\n\n")
        lead = lead_before(tree, blocks[0], {*blocks, _clean(document.title)})
        body = f"{lead}\n\n{body}" if lead else body
    if not body:
        raise PageError("no article text found in the page")
    return Page(body=body, title=_clean(document.title), sitename=_clean(document.sitename),
                url=canonical or document.url, language=_language(tree), page_date=document.date,
                # The URL the page was found at first, as htmldate reads a URL it is given before any other.
                url_date=_url_date(url) or _url_date(document.url or canonical), tree=tree, html=html)


def _check_markup(html: str) -> int:
    """Return the number of elements of a page; refuse one with more elements or attributes than MAX_ELEMENTS,
    MAX_ATTRIBUTES, or MAX_TAG_ATTRIBUTES on one tag."""
    tags = _START_TAG.findall(html)
    if len(tags) > MAX_ELEMENTS:
        raise PageError(f"more than {MAX_ELEMENTS:,} elements: not a page this service reads; send its text as body")
    # A tag's words outside its quoted values, less its name, are (about) its attributes.
    attributes = [len(_QUOTED.sub(" ", tag).split()) - 1 for tag in tags]
    if max(attributes, default=0) > MAX_TAG_ATTRIBUTES:
        raise PageError(f"a tag with more than {MAX_TAG_ATTRIBUTES:,} attributes: not a page this service reads")
    if sum(attributes) > MAX_ATTRIBUTES:
        raise PageError(f"more than {MAX_ATTRIBUTES:,} attributes: not a page this service reads; send its text as body")
    return len(tags)


# Elements the extractor's output is made of, as blocks of text: its own (p, head, list, quote, table) and, when
# a fallback extractor kept the page's markup, HTML's. A block holding blocks is read block by block, else the
# paragraphs of a kept <div> would run together ("...au Cameroun.Décision prise mardi...").
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "div", "section", "article", "main", "blockquote",
                     "ul", "ol", "li", "item", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"list", "ul", "ol"})
_HEADINGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})


def _paragraphs(body: HtmlElement, title: str | None) -> str:
    """Join the extracted blocks (paragraphs, headings, lists, quotes) with blank lines between them."""
    blocks = []
    for tag, text in _texts(body):
        if not text:
            continue
        if tag in _HEADINGS and not blocks and title and text == _clean(title):
            continue  # the headline is the article's title, not its first paragraph
        blocks.append(text)
    return "\n\n".join(drop_leftovers(blocks))


def _texts(body: HtmlElement) -> Iterator[tuple[str, str | None]]:
    """Yield (tag, cleaned text or None) for each block of body in document order: a list's items one a line, a
    block holding blocks as its own text, its blocks and the text after each. Iterative, so that no nesting depth
    can exhaust the stack; each element is read once."""
    stack = [("children", body)]
    while stack:
        kind, item = stack.pop()
        if kind == "text":
            yield "", _clean(item)
            continue
        if kind == "children":
            for child in reversed(item):
                if child.tail:
                    stack.append(("text", child.tail))
                stack.append(("element", child))
            continue
        tag = item.tag if isinstance(item.tag, str) else ""
        if tag in _LISTS:
            items = (child for child in item if child.tag in ("item", "li"))
            yield tag, "\n".join(_clean("".join(child.itertext())) or "" for child in items)
        elif any(child.tag in _BLOCKS for child in item):
            stack.append(("children", item))
            if item.text:
                stack.append(("text", item.text))
        else:
            yield tag, _clean("".join(item.itertext()))


def _clean(text: str | None) -> str | None:
    """Collapse runs of whitespace; None for nothing."""
    text = " ".join((text or "").split())
    return text or None


def _canonical(tree: HtmlElement) -> str | None:
    """Return the page's canonical URL (<link rel=canonical>, else og:url)."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and _storable(found[0].strip()):
            return found[0].strip()
    return None


def _storable(url: str) -> bool:
    """Tell whether a URL the page names is one the API would take in its url field."""
    try:
        WebUrl().deserialize(url)
    except ValidationError:
        return False
    return True


def _language(tree: HtmlElement) -> str | None:
    """Return the page's language as an ISO 639-1 code ('en-GB' and 'eng' -> 'en'), if it declares a known one."""
    for xpath in ("/html/@lang", "/html/@xml:lang", '//meta[@http-equiv="content-language"]/@content',
                  '//meta[@property="og:locale"]/@content', '//meta[@name="language"]/@content'):
        found = tree.xpath(xpath, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
        if found:
            primary = re.split(r"[-_,;\s]", found[0].strip().lower(), maxsplit=1)[0]
            try:
                return language_code(primary)
            except ValueError:  # not a code any ISO 639 list has ("xx", "english"): look further, else detect
                continue
    return None


def _url_date(url: str | None) -> str | None:
    """Return the full date a URL carries in its path (/2024/03/19/), if any."""
    options = Extractor(False, datetime.now(), _EARLIEST, True, "%Y-%m-%d")
    return extract_url_date(url, options) if url else None
