"""Remove from a page the markup no reader of its article reads: comments, scripts, styles, icons, templates."""
from __future__ import annotations

import re

from htmldate.core import TIMESTAMP_PATTERN

# The main-text extractor and htmldate drop these (a browser never shows a <template>), yet a news page may
# hold thousands of tags in them: inline SVG icons, templates, HTML in the strings of its scripts. Removed
# before the page is measured and parsed, they count against neither the page limits nor the parser's time.
HIDDEN = ("script", "style", "noscript", "template", "svg")
_OPENING = re.compile(rf"<(?:!--|({'|'.join(HIDDEN)})(?=[\s/>]))", re.I)
_CLOSING = {name: re.compile(rf"</{name}[\s/>]", re.I) for name in HIDDEN} | {"!--": re.compile("--!?>")}
_TAG_END = re.compile(">")
# A script of JSON is data, not code: JSON-LD (application/ld+json) carries the publication date, title and site.
_DATA_SCRIPT = re.compile(r"""\stype\s*=\s*["']?[^"'\s>]*json""", re.I)
# A script of code may still say when its page was published: news sites ship their article's data as code
# (window.__STATE__ = {"datePublished": "2020-06-07T10:00:00", ...}), blogs their entry's RDF in a comment
# (<!-- <rdf:Description dc:date="2020-07-12T22:00:00+09:00" ...> -->), and htmldate, reading the whole page,
# takes the first date-time stamp it finds anywhere, in scripts and comments too, when the markup names no date.
# So a removed script or comment leaves its first date-time stamp in its place, as a script of that stamp alone,
# for the first STAMPED_SCRIPTS of them that have one: enough for htmldate's search (it takes the first stamp of
# the page), while a page of many scripts or comments still counts few elements.
STAMPED_SCRIPTS = 20


def strip_unread(html: str) -> str:
    """Return html without its comments, <style>, <noscript>, <template>, <svg> and scripts of code (JSON kept).

    A script of code or a comment leaves its first date-time stamp, if any, as <script>STAMP</script> (see
    STAMPED_SCRIPTS).
    An element that never closes, or whose tag closes itself (<svg/>), is left to the parser as it is. One
    pass, in time linear in the page however its tags nest or fail to close (see _Next).
    """
    closing = {name: _Next(html, pattern) for name, pattern in _CLOSING.items()}
    tag_end = _Next(html, _TAG_END)
    kept, start, stamps = [], 0, 0
    opening = _OPENING.search(html)
    while opening:
        name = (opening.group(1) or "!--").lower()
        # From "<!" on: "<!-->" and "<!--->" are empty comments, for browsers and the parser alike.
        close = closing[name].at(opening.start() + 2 if name == "!--" else opening.end())
        if close is None:
            opening = _OPENING.search(html, opening.end())
            continue
        end = close.end()
        if name != "!--":
            gt = tag_end.at(opening.end())
            head_end = gt.end() if gt and gt.start() < close.start() else close.start()
            if html[head_end - 2:head_end] == "/>":
                end = head_end  # the parser ends there an element whose tag closes itself
            else:
                end = _end(tag_end.at(close.start()), len(html))  # "</script >" ends at its ">"
                if name == "script" and _DATA_SCRIPT.search(html, opening.end(), head_end):
                    opening = _OPENING.search(html, end)  # kept whole, and no opening is looked for inside
                    continue
        kept.append(html[start:opening.start()])
        if name in ("script", "!--") and end > close.start() and stamps < STAMPED_SCRIPTS:
            stamp = TIMESTAMP_PATTERN.search(html, head_end if name == "script" else opening.end(), close.start())
            if stamp:
                kept.append(f"<script>{stamp[0]}</script>")
                stamps += 1
        start = end
        opening = _OPENING.search(html, end)
    kept.append(html[start:])
    return "".join(kept)


def _end(match: re.Match | None, default: int) -> int:
    return match.end() if match else default


class _Next:
    """Find the next match of a pattern in a text, from positions that only move forward.

    A search is made only from past the last match (and never again once none is left), so all the searches
    of one page read it once however many openings share one far closing, or find none: linear time.
    """

    def __init__(self, text: str, pattern: re.Pattern):
        self.text, self.pattern, self.since, self.match = text, pattern, len(text) + 1, None

    def at(self, position: int) -> re.Match | None:
        """Return the first match at or after position."""
        if self.since <= position and (self.match is None or self.match.start() >= position):
            return self.match
        self.since, self.match = position, self.pattern.search(self.text, position)
        return self.match
