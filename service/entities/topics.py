"""Topic taxonomy: match keywords and patterns of each topic in a piece of text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .names import same_length_fold
from .vocab import load, slugify


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """One topic as the taxonomy sees it."""
    slug: str
    name: str
    keywords: tuple[str, ...] = ()
    parent: str | None = None
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "TopicSpec":
        """Build a spec from a topics.toml entry or a topic row's fields."""
        keywords = [*(data.get("keywords") or ()), *(k for ks in (data.get("keywords_in") or {}).values() for k in ks)]
        return cls(data.get("slug") or slugify(data["name"]), data["name"], tuple(dict.fromkeys(keywords)),
                   data.get("parent"), tuple(data.get("patterns") or ()), tuple(data.get("exclude") or ()))


def _phrase(keyword: str) -> str:
    """Return a regex for keyword as whole words, tolerant of spacing, dashes and a plural s."""
    parts = [re.escape(part) for part in re.split(r"[\s-]+", same_length_fold(keyword)) if part]
    return r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?:s|es)?(?![\w-])"


def _first_words(spec: TopicSpec) -> tuple[str, ...] | None:
    """Return a lowercase word every match of spec's keywords contains, one per keyword; None when unknown.

    A pattern can match anything, and IGNORECASE matches a non-ASCII word in ways str.lower() does not tell.
    """
    if spec.patterns:
        return None
    words = tuple(next((p for p in re.split(r"[\s-]+", same_length_fold(k)) if p), "").lower() for k in spec.keywords)
    return words if all(w and w.isascii() for w in words) else None


# The only characters IGNORECASE matches to an ASCII letter whose str.lower() is not that letter.
_IGNORECASE_ODD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class Taxonomy:
    """Compiled matchers for a set of topics."""

    def __init__(self, specs: list[TopicSpec]):
        """Compile one matcher per topic."""
        self.specs = {s.slug: s for s in specs}
        self._match = {}
        self._exclude = {}
        # Most topics are absent from most sentences: a substring test of each keyword's first word skips a
        # topic's regex (a scan trying every keyword at every position) several times faster.
        self._needles = {}
        for spec in self.specs.values():
            alternatives = [_phrase(k) for k in sorted(spec.keywords, key=len, reverse=True)] + list(spec.patterns)
            if alternatives:
                # regex, not re: its \w holds the vowel signs of Devanagari, so "रक्षा" is not found inside "सुरक्षा".
                self._match[spec.slug] = regex.compile("|".join(alternatives), regex.IGNORECASE)
                self._needles[spec.slug] = _first_words(spec)
            if spec.exclude:
                self._exclude[spec.slug] = regex.compile("|".join(_phrase(k) for k in spec.exclude), regex.IGNORECASE)

    def match(self, text: str) -> list[str]:
        """Return the slugs of the topics text mentions, in taxonomy order."""
        text = same_length_fold(text)
        lowered = text.translate(_IGNORECASE_ODD).lower()
        found = []
        for slug, pattern in self._match.items():
            needles = self._needles[slug]
            if needles is not None and not any(n in lowered for n in needles):
                continue
            hits = {(m.start(), m.end()) for m in pattern.finditer(text)}
            if not hits:
                continue
            if slug in self._exclude:
                excluded = [(m.start(), m.end()) for m in self._exclude[slug].finditer(text)]
                hits = {h for h in hits if not any(s <= h[0] and h[1] <= e for s, e in excluded)}
            if hits:
                found.append(slug)
        return found


def file_specs() -> list[TopicSpec]:
    """Return the topics listed in seeds/topics.toml."""
    return [TopicSpec.from_dict(entry) for entry in load("topics")["topic"]]


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """Return the taxonomy of the shipped data file (for tests and the CLI without a database)."""
    return Taxonomy(file_specs())
