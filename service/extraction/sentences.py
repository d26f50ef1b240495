"""Split text into sentence spans without losing character offsets."""
from __future__ import annotations

import re

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an
# upper-case letter, digit or opening quote, or at a blank line / line break:
# crawled news puts headlines, bylines and datelines on their own lines.
_BOUNDARY = re.compile(
    r"""(?<=[.!?])(?P<close>["'”’)\]]*)[ \t]+(?=(?:["'“‘(\[]|``)?[A-Z0-9])|\n\s*"""
)
# Abbreviations whose trailing period must not end a sentence ("Sept. 30", "Dr. Singh").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|"
    r"Lt|Col|Capt|Prof|Inc|Corp|Co|Ltd|No|vs|U\.S|U\.K|U\.N|a\.m|p\.m|[A-Z])\.)$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in text, whitespace trimmed."""
    spans = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if boundary.group("close") == "" and _ABBREVIATION.search(
            text, max(start, boundary.start() - 12), boundary.start()
        ):
            continue
        _append(spans, text, start, boundary.start() + len(boundary.group("close") or ""))
        start = boundary.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list, text: str, start: int, end: int) -> None:
    """Add the trimmed span [start, end) to spans when it holds any text."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
