"""What the sentences around a dated one add: the pair "the two sides" means, participants named next, and
whether the next sentence still tells of the same happening."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..entities import ActorHit, ActorSpec, Registry
from ..entities.actors import role_words
from .rules import rules

# "the India-China border conflict": a pair of countries joined by a hyphen names both.
_HYPHEN_PAIR = re.compile(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\b")


class ArticleContext:
    """The actors of an article by place, and its sentences, to read a draft's neighbourhood in bounded time."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], hits: list[ActorHit], registry: Registry):
        """Index the actor hits by offset and find the article's main pair of sides."""
        self.text = text
        self.registry = registry
        self._by_code = {s.code: s for s in registry.specs.values() if s.kind == "country" and s.code}
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]
        self.hits = sorted(hits, key=lambda h: h.start)
        self._hit_starts = [h.start for h in self.hits]
        # A person the vocabulary knows no office for stands with the country named before their title
        # ("Indian Foreign Secretary Harsh Vardhan Shringla").
        self._office_country = {
            hit.start: before.actor for before, hit in zip(self.hits, self.hits[1:])
            if hit.actor.kind == "person" and not self._country_of(hit.actor) and before.actor.kind == "country"
            and role_words().pattern.fullmatch(self.text[before.end:hit.start].strip())}
        # The pair an article is about: the two sides it names most, when they clearly lead (a third side named
        # as often as the second leaves the pair unknown: no people rather than the wrong ones).
        counts, speakers = Counter(), {}
        for hit in self.hits:
            side = self._side(hit)
            if side:
                counts[side[0]] += 1
                speakers.setdefault(side[0], side[1] or hit.actor)
        ranked = counts.most_common(3)
        clear = len(ranked) == 2 or (len(ranked) == 3 and ranked[1][1] > ranked[2][1])
        self.main_pair = tuple(speakers[key] for key, _ in ranked[:2]) if clear else self._first_pair()

    def _first_pair(self) -> tuple[ActorSpec, ...]:
        """Return the two countries of the first sentence that names exactly two ("Indonesia and Malaysia have long
        disputed their border"): when counting leaves the pair unclear, the pair a story opens with is its pair."""
        for start, end in self.sentences:
            if self.hits_in(start, end) or self.text.find("-", start, end) >= 0:
                sides = self._sides(start, end, with_people=False)
                if len(sides) == 2:
                    return tuple(country for country, _ in sides.values())
        return ()

    def hits_in(self, start: int, end: int) -> list[ActorHit]:
        """Return the actor hits that start in text[start:end], in text order."""
        first, last = bisect_left(self._hit_starts, start), bisect_left(self._hit_starts, end)
        return self.hits[first:last]

    def actors_in(self, start: int, end: int) -> list[ActorSpec]:
        """Return the actors named in text[start:end], in text order."""
        return [h.actor for h in self.hits_in(start, end)]

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding offset."""
        return bisect_right(self._starts, offset) - 1

    def pair_for(self, start: int, end: int) -> tuple[ActorSpec, ...]:
        """Return who a plural description in text[start:end] ("the two sides") stands for: the two sides of the
        nearest sentence naming exactly two, else the article's main pair, else nobody."""
        r = rules()
        described = r.plural_people.search(self.text, start, end)
        if not described:
            return ()
        people = bool(r.plural_persons.search(described.group()))
        here = self.sentence_index(described.start())
        for index in range(here, max(-1, here - r.pair_sentences - 1), -1):
            left = self.sentences[index][0] if index >= 0 else 0
            right = described.start() if index == here else self.sentences[index][1]
            # In the description's own sentence a person stands for their side ("During Putin's visit to India,
            # the two sides ..."); further back only a description of people ("the two ministers") counts people:
            # the countries of "the two neighbours" are named as countries.
            sides = self._sides(left, right, with_people=people or index == here)
            if len(sides) == 2:
                # Each side by its country; by its people too when the description speaks of people, or when
                # its country is unknown (a person the vocabulary has no office for).
                return tuple({a.slug: a for country, named in sides.values()
                              for a in ([country] if country else []) + (named if people or not country else [])
                              }.values())
        return self.main_pair

    def _country_of(self, actor: ActorSpec) -> tuple[ActorSpec, ...]:
        """Return the country an actor is, or the one whose office a person holds (their first role)."""
        if actor.kind == "country":
            return (actor,)
        country = self._by_code.get(actor.roles[0].of) if actor.roles else None
        return (country,) if country else ()

    def _side(self, hit: ActorHit) -> tuple[str, ActorSpec | None] | None:
        """Return the side a hit's actor stands on and its country: a country with the people serving it, or a
        person of unknown country standing alone (an organisation of no country takes no side)."""
        country = self._country_of(hit.actor) or ((self._office_country[hit.start],)
                                                  if hit.start in self._office_country else ())
        if country:
            return country[0].slug, country[0]
        return (hit.actor.slug, None) if hit.actor.kind == "person" else None

    def _sides(self, start: int, end: int, with_people: bool) -> dict[str, tuple[ActorSpec | None, list[ActorSpec]]]:
        """Return the sides text[start:end] names (by its people too, with_people), in text order: each its country
        and the people named for it."""
        found: dict[str, tuple[ActorSpec | None, dict[str, ActorSpec]]] = {}
        for hit in self.hits_in(start, end):
            side = self._side(hit) if with_people or hit.actor.kind == "country" else None
            if side:
                named = found.setdefault(side[0], (side[1], {}))[1]
                if hit.actor.kind != "country":
                    named[hit.actor.slug] = hit.actor
        for pair in _HYPHEN_PAIR.finditer(self.text, start, min(end, start + 1000)):
            for surface in pair.groups():
                country = self.registry.country(surface)
                if country:
                    found.setdefault(country.slug, (country, {}))
        return {key: (country, list(named.values())) for key, (country, named) in found.items()}

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
