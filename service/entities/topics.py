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


def _compile(keywords) -> regex.Pattern:
    """Compile keywords as one alternation, longest first."""
    # regex, not re: its \w holds the vowel signs of Devanagari, so "रक्षा" is not found inside "सुरक्षा".
    return regex.compile("|".join(_phrase(k) for k in sorted(keywords, key=len, reverse=True)), regex.IGNORECASE)


def _first_word(keyword: str) -> str:
    """Return the lowercase first word of keyword: every match of the keyword contains it."""
    return next((p for p in re.split(r"[\s-]+", same_length_fold(keyword)) if p), "").lower()


# The only characters IGNORECASE matches to an ASCII letter whose str.lower() is not that letter.
_IGNORECASE_ODD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class Taxonomy:
    """Compiled matchers for a set of topics."""

    def __init__(self, specs: list[TopicSpec]):
        """Compile one matcher per topic."""
        self.specs = {s.slug: s for s in specs}
        self._match = {}
        self._exclude = {}
        for spec in self.specs.values():
            matchers = []
            # Most topics are absent from most sentences: a substring test of an ASCII keyword's first word
            # skips the regex (a scan trying every keyword at every position). A keyword whose first word is not
            # ASCII can only match text holding a character that is not ASCII (IGNORECASE pairs ASCII letters
            # only with the Kelvin sign and the long s, which no keyword is written with); a pattern can match
            # anything.
            first = {keyword: _first_word(keyword) for keyword in spec.keywords}
            ascii_words = [k for k, word in first.items() if word and word.isascii()]
            other_words = [k for k in spec.keywords if k not in ascii_words]
            if ascii_words:
                matchers.append((_compile(ascii_words), tuple({first[k] for k in ascii_words}), False))
            if other_words:
                matchers.append((_compile(other_words), None, True))
            if spec.patterns:
                matchers.append((regex.compile("|".join(spec.patterns), regex.IGNORECASE), None, False))
            if matchers:
                self._match[spec.slug] = matchers
            if spec.exclude:
                self._exclude[spec.slug] = _compile(spec.exclude)

    def match(self, text: str) -> list[str]:
        """Return the slugs of the topics text mentions, in taxonomy order."""
        text = same_length_fold(text)
        lowered = text.translate(_IGNORECASE_ODD).lower()
        plain = text.isascii()
        found = []
        for slug, matchers in self._match.items():
            hits = set()
            for pattern, needles, needs_other in matchers:
                if (needs_other and plain) or (needles is not None and not any(n in lowered for n in needles)):
                    continue
                hits.update((m.start(), m.end()) for m in pattern.finditer(text))
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
