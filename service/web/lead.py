"""Find an article's lead paragraph that its page sets apart in a <div> before the <p>s of its text, which the
main-text extractor leaves out (it reads such a <div> as a heading or page furniture)."""
from __future__ import annotations

import re

from lxml.html import HtmlElement

# A lead is a sentence or more: at least LEAD_WORDS words (or LEAD_CHARS characters, for scripts written without
# spaces), ending as a sentence ends. A byline, a date or a section label does not.
LEAD_WORDS = 12
LEAD_CHARS = 60
_SENTENCE_END = re.compile(r"""[.!?。！？]["'»”’)]*$""")
# Inline markup a lead's text may carry; any other child makes the <div> a container, not a paragraph.
_INLINE = frozenset({"a", "b", "strong", "i", "em", "span", "br", "abbr", "q", "small", "sup", "sub", "mark"})
# Blocks before the text that are not its lead, named by their class or id.
_NOT_LEAD = re.compile(r"caption|credit|byline|author|meta|date|share|social|breadcrumb|copyright", re.I)


def lead_before(tree: HtmlElement, first: str, known: set[str]) -> str | None:
    """Return the text of the <div> that stands just before the article's first paragraph (whose text is first),
    or just before the block holding it, when that <div> reads as a lead and is not one of the known texts
    (title, paragraphs already kept). One pass over the page's <p>s."""
    for paragraph in tree.iter("p"):
        if _text(paragraph) == first:
            break
    else:
        return None
    if paragraph.getprevious() is not None and _text(paragraph.getprevious()):
        candidates = [paragraph.getprevious()]
    else:
        parent = paragraph.getparent()
        candidates = [parent.getprevious()] if parent is not None and parent.getprevious() is not None else []
    for element in candidates:
        text = _text(element)
        if (element.tag == "div" and text and text not in known and _reads_as_lead(text)
                and all(child.tag in _INLINE for child in element)
                and not _NOT_LEAD.search(f"{element.get('class', '')} {element.get('id', '')}")):
            return text
    return None


def _reads_as_lead(text: str) -> bool:
    return (len(text.split()) >= LEAD_WORDS or len(text) >= LEAD_CHARS) and bool(_SENTENCE_END.search(text))


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
