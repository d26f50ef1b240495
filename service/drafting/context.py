"""What the sentences around a dated one add: the pair "the two sides" means, participants named next, and
whether the next sentence still tells of the same happening."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..entities import ActorHit, ActorSpec, Registry
from .rules import rules

# "the India-China border conflict": a pair of countries joined by a hyphen names both.
_HYPHEN_PAIR = re.compile(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\b")


class ArticleContext:
    """The actors of an article by place, and its sentences, to read a draft's neighbourhood in bounded time."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], hits: list[ActorHit], registry: Registry):
        """Index the actor hits by offset and find the article's main pair of countries."""
        self.text = text
        self.registry = registry
        self._by_code = {s.code: s for s in registry.specs.values() if s.kind == "country" and s.code}
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]
        self.hits = sorted(hits, key=lambda h: h.start)
        self._hit_starts = [h.start for h in self.hits]
        # The pair an article is about: the two countries it names most, its people counting for theirs.
        counts, specs = Counter(), {}
        for hit in self.hits:
            for country in self._country_of(hit.actor):
                counts[country.slug] += 1
                specs[country.slug] = country
        self.main_pair = tuple(specs[slug] for slug, _ in counts.most_common(2)) if len(counts) >= 2 else ()

    def actors_in(self, start: int, end: int) -> list[ActorSpec]:
        """Return the actors named in text[start:end], in text order."""
        first, last = bisect_left(self._hit_starts, start), bisect_left(self._hit_starts, end)
        return [h.actor for h in self.hits[first:last]]

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding offset."""
        return bisect_right(self._starts, offset) - 1

    def pair_for(self, start: int, end: int) -> tuple[ActorSpec, ...]:
        """Return the two countries a plural description in text[start:end] ("the two sides") stands for, if any."""
        r = rules()
        described = r.plural_people.search(self.text, start, end)
        if not described:
            return ()
        here = self.sentence_index(described.start())
        for index in range(here, max(-1, here - r.pair_sentences - 1), -1):
            left = self.sentences[index][0] if index >= 0 else 0
            right = described.start() if index == here else self.sentences[index][1]
            # In the description's own sentence a person stands for the country they serve ("During Putin's
            # visit to India, the two sides ..."); further back only countries count.
            countries = self._countries(left, right, with_people=index == here)
            if len(countries) == 2:
                return tuple(countries)
        return self.main_pair

    def _country_of(self, actor: ActorSpec) -> tuple[ActorSpec, ...]:
        """Return the country an actor is, or the one whose office a person holds (their first role)."""
        if actor.kind == "country":
            return (actor,)
        country = self._by_code.get(actor.roles[0].of) if actor.roles else None
        return (country,) if country else ()

    def _countries(self, start: int, end: int, with_people: bool) -> list[ActorSpec]:
        """Return the countries text[start:end] names (people's countries too, with_people), in text order."""
        found = {}
        for actor in self.actors_in(start, end):
            if actor.kind == "country" or with_people:
                found.update((c.slug, c) for c in self._country_of(actor))
        for pair in _HYPHEN_PAIR.finditer(self.text, start, min(end, start + 1000)):
            for surface in pair.groups():
                country = self.registry.country(surface)
                if country:
                    found[country.slug] = country
        return list(found.values())

    def next_sentence(self, end: int, dated: set[int]) -> tuple[int, int] | None:
        """Return the span of the sentence after offset end in the same paragraph, unless it dates something itself."""
        index = bisect_right(self._starts, end)
        if index >= len(self.sentences):
            return None
        start, stop = self.sentences[index]
        if "\n" in self.text[end:start] or start in dated:
            return None
        return start, stop

    def continues(self, span: tuple[int, int]) -> bool:
        """Tell whether a sentence goes on about the happening before it ("The talks were...", "It was held...")."""
        r = rules()
        opening = self.text[span[0]:min(span[1], span[0] + 200)].strip()
        return bool(r.definite.match(opening) or r.bare_reference.match(opening) or r.participation.search(opening))

    def participants(self, span: tuple[int, int], limit: int) -> list[ActorSpec]:
        """Return the actors a sentence names as taking part ("Russia, the US and China attended the meeting")."""
        r = rules()
        stop = min(span[1], span[0] + limit)
        verb = r.participation.search(self.text, span[0], stop)
        if not verb:
            return []
        # The clause of the verb only: "..., but India was not invited" names no participant.
        left = max(self.text.rfind(cut, span[0], verb.start()) for cut in (", but", ";", ", while"))
        right = min((i for i in (self.text.find(cut, verb.end(), stop) for cut in (", but", ";", ", while"))
                     if i >= 0), default=stop)
        return self.actors_in(left if left >= 0 else span[0], right)
