"""Drop from an article's blocks the page furniture the main-text extractor kept with them: calls to sign up or
log in, "Source:" labels, gallery and pager labels at its start or end, teasers of other stories inside it, and
the list of other stories or pictures that a "more news" heading opens after it. The words are data
(patterns/leftovers.txt); only blocks as short as furniture are read as such, so that an article's sentence that
begins with the same words is kept unless it is as short."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_PATTERNS = Path(__file__).parent / "patterns" / "leftovers.txt"
_KINDS = ("ACTION", "SOURCE", "NAV", "MORE", "ALSO")
# Furniture is a line or two: a call to action of at most ACTION_WORDS words, a label of at most LABEL_WORDS.
# Counted in characters too (_CHARS_PER_WORD, twice over for long words), for scripts written without spaces.
ACTION_WORDS = 40
LABEL_WORDS = 8
# A heading of other stories is a few words and no sentence ("Alte ştiri de Unica.md", "More news"): "More
# information is available online." is the article's.
HEADING_WORDS = 5
_CHARS_PER_WORD = 6
_NO_LETTER = re.compile(r"[^\W\d_]")
# Separators ("• • •") and a gallery's counter ("1 / 22"); a date or time alone ("15.12.2020 – 14:49") is kept
# for the dateline reader.
_SEPARATOR = re.compile(r"[^\w]*|\d+\s*/\s*\d+")


def drop_leftovers(blocks: list[str]) -> list[str]:
    """Return the article's blocks without the furniture this module names; the order of the rest is kept."""
    words = _words()
    for index, block in enumerate(blocks):
        if index and _short(block, HEADING_WORDS) and not block.endswith((".", "!", "?")) and words["MORE"].match(block):
            blocks = blocks[:index]  # a "more news" heading opens other stories: nothing after it is this one's
            break
    blocks = [block for block in blocks if not (_short(block, ACTION_WORDS) and words["ALSO"].match(block))]
    start, end = 0, len(blocks)
    while start < end and _furniture(blocks[start], words):
        start += 1
    while end > start and _furniture(blocks[end - 1], words):
        end -= 1
    return blocks[start:end]


def _furniture(block: str, words: dict[str, re.Pattern]) -> bool:
    """Tell whether a block at the start or end of an article is a call to action, a label or a pager."""
    if _SEPARATOR.fullmatch(block):
        return True
    if _short(block, ACTION_WORDS) and words["ACTION"].match(block):
        return True
    if _short(block, LABEL_WORDS) and words["SOURCE"].match(block):
        return True
    rest, labels = words["NAV"].subn("", block)
    if labels and _short(block, LABEL_WORDS) and not _NO_LETTER.search(rest):
        return True  # "ÖncekiSonraki", "« Previous | Next »"
    parts = [part.strip() for part in block.split("|")]
    return len(parts) > 1 and _short(block, 2 * LABEL_WORDS) and any(words["NAV"].fullmatch(p) for p in parts)


def _short(block: str, most_words: int) -> bool:
    return len(block.split()) <= most_words and len(block) <= most_words * _CHARS_PER_WORD * 2


@cache
def _words() -> dict[str, re.Pattern]:
    """Read patterns/leftovers.txt into one pattern per kind."""
    phrases: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for line in _PATTERNS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        kind, _language, listed = re.split(r"\s{2,}", line, maxsplit=2)
        phrases[kind] += [r"\s+".join(map(re.escape, p.split())) for p in listed.split("|") if p.strip()]

    def any_of(kind: str) -> str:
        return "(?:" + "|".join(sorted(phrases[kind], key=len, reverse=True)) + ")"

    return {
        "ACTION": re.compile(rf"{any_of('ACTION')}(?!\w)", re.I),
        "SOURCE": re.compile(rf"{any_of('SOURCE')}\s*:", re.I),
        "MORE": re.compile(rf"{any_of('MORE')}(?!\w)", re.I),
        "ALSO": re.compile(rf"{any_of('ALSO')}\s*[:|]", re.I),
        "NAV": re.compile(any_of("NAV"), re.I),
    }
