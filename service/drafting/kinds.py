"""Tell the kind of happening a headline reports (talks, visit, exercise...) from seeds/happenings.toml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..entities.vocab import load

# "X said that ...", "X told reporters that ...": the saying is the act a headline still framed so reports (the
# frame was kept for its date).
_SAID_THAT = r"\s+(?:[\w'’-]+\s+){0,2}?(?:that|on\s+\w+\s+that)\b"


@dataclass(frozen=True)
class Kinds:
    """The compiled kinds: one pattern over every word, each word's kind, and which kinds may be one event."""

    pattern: re.Pattern
    kind_of: dict[str, str]
    saying: frozenset[str]
    gathering: frozenset[str]  # kinds many countries attend: a summit, a conference
    joins: frozenset[frozenset[str]]


@lru_cache(maxsize=1)
def kinds() -> Kinds:
    """Return the kinds of happening, compiled once."""
    data = load("happenings")["kind"]
    # Words of every language in one table: a kind is told the same way whatever language the headline is in.
    kind_of = {word.lower(): entry["name"] for entry in data
               for word in [*entry["words"], *(w for words in entry.get("words_in", {}).values() for w in words)]}
    words = sorted(kind_of, key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words), re.IGNORECASE)
    joins = {frozenset((entry["name"], other)) for entry in data for other in entry.get("joins", ())}
    saying = frozenset(entry["name"] for entry in data if entry.get("saying"))
    gathering = frozenset(entry["name"] for entry in data if entry.get("gathering"))
    return Kinds(pattern, kind_of, saying, gathering, frozenset(joins))


@lru_cache(maxsize=8192)
def kind_of(headline: str) -> str | None:
    """Return the kind of happening a headline reports, or None when no word of it names one."""
    k = kinds()
    sayings = []
    for found in k.pattern.finditer(headline):
        kind = k.kind_of[re.sub(r"\s+", " ", found.group().lower())]
        if kind not in k.saying:
            return kind
        if re.match(_SAID_THAT, headline[found.end():], re.IGNORECASE):
            return kind
        sayings.append(kind)
    return sayings[0] if sayings else None


def agree(a: str | None, b: str | None) -> bool | None:
    """Tell whether two kinds may be one happening: True, False, or None when either is unknown."""
    if a is None or b is None:
        return None
    return a == b or frozenset((a, b)) in kinds().joins
