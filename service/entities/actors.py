"""Find the actors an article names: names, countries, offices with or without a name, counterparts."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable

import regex

from . import names
from .countries import by_code, place_prepositions
from .registry import ActorSpec, Registry, Resolution, Role
from .vocab import load, slugify

# A capitalised word, an initial, an abbreviation like "U.S." or a handle like "@DrSJaishankar".
_TOKEN = r"(?:@\w+|[A-Z](?:[\w'’-]|\.(?=[A-Z]))*\.?)"
# Lowercase words that may sit inside a multi-word name ("Ministry of External Affairs").
_RUN = re.compile(rf"{_TOKEN}(?:(?:[ ]+(?:of|for|the|and))*[ ]+{_TOKEN})*")
_TOKEN_RE = re.compile(_TOKEN + r"|\b(?:of|for|the|and)\b")
_NAME_AFTER = re.compile(r",?[ ]+((?:[A-Z]\.?[ ]+)?[A-Z][\w'’-]+(?:[ ]+[A-Z][\w'’-]+){0,2})")
_COUNTRY_AFTER = re.compile(r"[ ]+(to|of)[ ]+([A-Z][\w.]*(?:[ ]+[A-Z][\w.]*)?(?:[ ]+and[ ]+[A-Z][\w.]*(?:[ ]+[A-Z][\w.]*)?)?)")
_WORDS_BEFORE = re.compile(r"([\w.'’-]+)\W*$")
_COUNTERPART = re.compile(r"\b(?:his|her|their)[ ]+(?:([A-Z][\w.]*(?:[ ]+[A-Z][\w.]*)?)[ ]+)?counterparts?\b")
# How far back a role title looks for its country adjectives ("the Indian and Russian Foreign Ministers").
_LOOKBACK_CHARS = 60
# A name in Cyrillic takes case endings: "Лавров" -> "Лавровым", "Россия" -> "России" (a final vowel
# gives way to the ending). Names in scripts without capitals (Devanagari) do not inflect.
_CYRILLIC_ENDING = r"\p{Cyrillic}{0,3}"
_CYRILLIC_VOWEL = "аяоеыийь"
_STEM_MIN = 4


@dataclass(frozen=True, slots=True)
class ActorHit:
    """One place in the text that names an actor, and how it was resolved."""
    actor: ActorSpec
    start: int
    end: int
    how: str  # exact | normalised | fuzzy | role | discovered


@dataclass(frozen=True, slots=True)
class RoleWords:
    """The office phrases of roles.toml, compiled."""
    pattern: re.Pattern
    titles: dict[str, tuple[str, bool]]  # folded phrase -> (canonical title, generic)


@lru_cache(maxsize=1)
def role_words() -> RoleWords:
    """Compile the office phrases of roles.toml into one pattern."""
    titles = {}
    for role in load("roles")["role"]:
        for phrase in role["phrases"]:
            titles[names.fold(phrase)] = (role["title"], role.get("generic", False))
    alternation = "|".join(re.escape(p) for p in sorted(titles, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternation})(?:s)?\b", re.IGNORECASE)
    return RoleWords(pattern, titles)


def _title_of(words: RoleWords, matched: str) -> tuple[str, bool] | None:
    """Return (canonical title, generic) for a matched office phrase, or None."""
    folded = names.fold(matched)
    found = words.titles.get(folded) or (words.titles.get(folded[:-1]) if folded.endswith("s") else None)
    stem = matched[:-1] if matched.endswith("s") and not found == words.titles.get(folded) else matched
    if found and len(stem) <= 4 and not stem.isupper():
        return None  # acronyms count only in capitals: "pm" in "5 pm" is not a Prime Minister
    return found


class ArticleActors:
    """Scan one article for actors, remembering who holds which office for later coreference."""

    def __init__(self, registry: Registry, date_at: Callable[[int], date | None]):
        """Prepare a scan; date_at(offset) gives the date offices are checked against."""
        self.registry = registry
        self.date_at = date_at
        self.hits: list[ActorHit] = []
        self.office: dict[tuple[str, str | None], ActorSpec] = {}
        self.discovered: dict[str, ActorSpec] = {}

    def scan(self, text: str) -> list[ActorHit]:
        """Return the actor hits of text, sorted by position."""
        plain = names.same_length_fold(text)
        self._names(plain)
        self._scripts(plain)
        self._offices(plain)
        self._counterparts(plain)
        self.hits.sort(key=lambda h: (h.start, h.end, h.actor.slug))
        return self.hits

    def _add(self, resolution: Resolution, start: int, end: int) -> ActorSpec:
        """Record a hit and return its actor."""
        self.hits.append(ActorHit(resolution.actor, start, end, resolution.how))
        return resolution.actor

    def _names(self, text: str) -> None:
        """Match capitalised runs against aliases, longest span first, then misspellings fuzzily."""
        for run in _RUN.finditer(text):
            tokens = [t for t in _TOKEN_RE.finditer(text, run.start(), run.end())]
            i, leftover = 0, []
            while i < len(tokens):
                for j in range(min(len(tokens), i + 6), i, -1):
                    found = self._lookup(text, tokens[i].start(), tokens[j - 1].end())
                    if found:
                        self._add(found, tokens[i].start(), tokens[j - 1].end())
                        i = j
                        break
                else:
                    leftover.append(tokens[i])
                    i += 1
                    continue
                self._fuzzy(text, leftover)
                leftover = []
            self._fuzzy(text, leftover)

    def _scripts(self, text: str) -> None:
        """Match the names written in scripts other than Latin (Лавров, जयशंकर), with Russian case endings."""
        pattern, forms = script_forms(self.registry)
        if pattern is None:
            return
        for match in pattern.finditer(text):
            stem = match.group("stem")
            found = self.registry.resolve(forms[stem], self.date_at(match.start()), fuzzy=False)
            if found:
                self._add(found, match.start(), match.end())

    def _lookup(self, text: str, start: int, end: int) -> Resolution | None:
        """Resolve text[start:end] without fuzzy matching; a capital after "in" is a place."""
        surface = text[start:end]
        if surface[0].islower() or not self.registry.known(surface.strip()) or not names.is_name_start(surface):
            return None
        found = self.registry.resolve(surface, self.date_at(start), fuzzy=False)
        if found and found.actor.kind == "country" and surface in _capitals(found.actor):
            before = _WORDS_BEFORE.search(text, max(0, start - 20), start)
            if before and before.group(1).lower() in place_prepositions():
                return None  # "held in Moscow" names a place, not the government
        return found

    def _fuzzy(self, text: str, tokens: list) -> None:
        """Resolve a leftover run of name words fuzzily (the whole run, then its last word)."""
        words = [t for t in tokens if t.group()[0].isupper() and names.is_name_word(t.group())]
        if not words:
            return
        start, end = words[0].start(), words[-1].end()
        found = self.registry.resolve(text[start:end], self.date_at(start))
        if found is None and len(words) > 1:
            start = words[-1].start()
            found = self.registry.resolve(text[start:end], self.date_at(start))
        if found and found.actor.kind == "person":
            self._add(found, start, end)

    def _offices(self, text: str) -> None:
        """Resolve "Russian Foreign Minister Sergei Lavrov" and "the Indian Foreign Minister"."""
        words = role_words()
        for match in words.pattern.finditer(text):
            found = _title_of(words, match.group())
            if not found:
                continue
            title, generic = found
            plural = match.group().lower().endswith("s") and not names.fold(match.group()) in words.titles
            countries = self._countries_before(text, match.start())
            host = None
            after = _COUNTRY_AFTER.match(text, match.end())
            end = match.end()
            if after:
                listed = [self.registry.country(c.strip()) for c in re.split(r"[ ]+and[ ]+", after.group(2))]
                listed = [c for c in listed if c]
                if listed and after.group(1) == "to":
                    host, end = listed[0].code, after.end()
                elif listed and not countries:
                    countries, end = listed, after.end()
            day = self.date_at(match.start())
            name = _NAME_AFTER.match(text, end)
            if name and not plural and names.is_name_word(name.group(1).split()[0]):
                country = countries[0].code if len(countries) == 1 else None
                if self._named(text, name, title, country, host, day, generic):
                    continue
            for country in countries or [None]:
                self._coreference(title, country.code if country else None, host, day, generic,
                                  match.start(), match.end())

    def _named(self, text, name, title, country, host, day, generic) -> bool:
        """Resolve the name after an office, creating the person when the registry lacks them."""
        surface = name.group(1)
        found = self.registry.resolve(surface, day, title, country)
        if found is None and len(surface.split()) >= 2 and country and not generic:
            spec = self.discovered.get(slugify(surface)) or ActorSpec(
                slugify(surface), surface, "person", (), (Role(title, country, host),))
            self.discovered[spec.slug] = spec
            found = Resolution(spec, "discovered")
        if found is None or found.actor.kind != "person":
            return False
        self.office[(title, country)] = found.actor
        self.hits = [h for h in self.hits if not (h.start >= name.start(1) and h.end <= name.end(1))]
        self._add(found, name.start(1), name.end(1))
        return True

    def _coreference(self, title, country, host, day, generic, start, end) -> None:
        """Resolve an unnamed office to the holder the article named, else the registry's holder on day."""
        remembered = [spec for (t, c), spec in self.office.items()
                      if (title.casefold() in t.casefold() if generic else t == title) and (country is None or c == country)]
        if remembered:
            self._add(Resolution(remembered[-1], "role"), start, end)
            return
        if country is None or generic:
            return
        holders = self.registry.holders(title, country, day, to=host)
        if len(holders) == 1:
            self.office[(title, country)] = holders[0]
            self._add(Resolution(holders[0], "role"), start, end)

    def _countries_before(self, text: str, position: int) -> list[ActorSpec]:
        """Return the countries named by the adjectives right before an office title."""
        before = text[max(0, position - _LOOKBACK_CHARS):position]
        words = re.findall(r"[\w.'’-]+|,|&", before)
        found, pending = [], words
        while pending:
            word = pending[-1]
            if word.lower() in (",", "and", "&"):
                pending = pending[:-1]
                continue
            two = " ".join(pending[-2:]) if len(pending) > 1 else None
            country = (two and self.registry.country(two)) or self.registry.country(word)
            if country is None or not word[0].isupper():
                break
            found.insert(0, country)
            pending = pending[:-2] if two and self.registry.country(two) else pending[:-1]
        return found

    def _counterparts(self, text: str) -> None:
        """Resolve "his Indian counterpart" to the holder of the previous person's office in that country."""
        for match in _COUNTERPART.finditer(text):
            country = self.registry.country(match.group(1)) if match.group(1) else None
            day = self.date_at(match.start())
            previous = [h.actor for h in self.hits if h.end <= match.start() and h.actor.kind == "person"]
            for person in reversed(previous):
                roles = [r for r in person.roles if r.held_on(day)]
                if roles:
                    self._coreference(roles[0].title, country.code if country else None, None, day, False,
                                      match.start(), match.end())
                    break


def script_forms(registry: Registry) -> tuple[regex.Pattern | None, dict[str, str]]:
    """Return the registry's pattern of names in non-Latin scripts and the form each matched stem stands for."""
    if not registry._scripts:
        forms = {}
        for form in registry.exact:
            letter = next((c for c in form if c.isalpha()), "")
            if not letter or regex.match(r"\p{Latin}", letter):
                continue
            stem = form[:-1] if form[-1] in _CYRILLIC_VOWEL and len(form) > _STEM_MIN else form
            forms.setdefault(stem, form)
        # Only a Cyrillic letter can follow a stem inside the word, so only Cyrillic names take an ending.
        alternation = "|".join(regex.escape(stem) for stem in sorted(forms, key=len, reverse=True))
        pattern = regex.compile(rf"(?<!\w)(?P<stem>{alternation}){_CYRILLIC_ENDING}(?!\w)") if forms else None
        registry._scripts.append((pattern, forms))
    return registry._scripts[0]


def _capitals(spec: ActorSpec) -> tuple[str, ...]:
    """Return the capitals that stand for a country actor's government."""
    country = by_code().get(spec.code or "")
    return country.capitals if country else ()


def find_actors(text: str, registry: Registry, date_at: Callable[[int], date | None]) -> list[ActorHit]:
    """Return every actor hit in text; date_at(offset) gives the date offices are checked against."""
    return ArticleActors(registry, date_at).scan(text)
