"""Turn the date mentions of one article into event drafts (pure: text, mentions and vocabularies in)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from ..entities import ActorSpec, Registry, Taxonomy, find_actors
from ..extraction import Mention, sentences
from ..extraction.anchor import published_day
from .rules import rules
from .similarity import fingerprint, keywords
from .titles import make_title

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Share of a mention's confidence kept when the event names no person or organisation.
NO_ACTOR_FACTOR = 0.85
# A quoted post's dateline is second-hand evidence of the happening the post describes.
POST_FACTOR = 0.9


@dataclass(frozen=True, slots=True)
class Draft:
    """One report of a happening: what a source article says, where, and when."""

    value: str | None
    start_date: date
    end_date: date
    granularity: str
    modifier: str | None
    title: str
    status: str  # past | scheduled
    confidence: float
    quote: str
    quote_start: int
    quote_end: int
    expression: str
    expression_start: int
    expression_end: int
    actors: tuple[ActorSpec, ...] = ()
    topics: tuple[str, ...] = ()
    words: frozenset[str] = field(default_factory=frozenset)
    follows: int | None = None  # index of the article's earlier draft of the same happening ("The talks were...")

    @property
    def actor_slugs(self) -> tuple[str, ...]:
        """Return the slugs of the draft's actors."""
        return tuple(a.slug for a in self.actors)

    @property
    def fingerprint(self) -> str:
        """Return the identity of the happening across rebuilds."""
        return fingerprint(self.value, self.start_date, self.actors, self.words)


def dates_nothing(text: str, mention: Mention, line: tuple[int, int]) -> bool:
    """Tell whether a mention dates no happening: a non-calendar value, a name, a byline, boilerplate."""
    r = rules()
    if not mention.is_event_date or (mention.value or "") in r.skip_values or mention.end_date is None:
        return True
    if r.boilerplate.search(text[line[0]:line[1]].strip()):
        return True
    before = text[max(0, mention.start - 30):mention.start]
    if r.name_before.search(before):
        return True  # "the Act of 2017"
    preceding = before.split()[-1:]
    if mention.granularity == "year" and mention.text.strip().isdigit() and preceding and preceding[0] in r.adjective_before:
        return True  # "a 2017 US law", "The 2016 Moscow Red Square Victory Day Parade"
    rest = text[mention.sentence_start:mention.start] + " " + text[mention.end:mention.sentence_end]
    content = [w for w in _WORD.findall(rest) if w.lower() not in r.empty_words]
    return len(content) < 2  # a dateline or byline: the date and at most a name


def status_of(mention: Mention, sentence: str, published: date | None) -> str:
    """Return 'scheduled' when the happening lies after publication or the sentence speaks of it so."""
    if published and mention.start_date and mention.start_date > published:
        return "scheduled"
    if published and mention.end_date and mention.end_date < published:
        return "past"
    # The interval holds the publication day ("this year"): only the wording tells.
    if mention.tense == "future" or rules().future.search(sentence):
        return "scheduled"
    return "past"


class ArticleDrafts:
    """Build the drafts of one article."""

    def __init__(self, text: str, published, mentions: list[Mention], registry: Registry, taxonomy: Taxonomy):
        """Find the actors of the article once for all its drafts."""
        self.text = text
        self.published = published_day(published)
        self.mentions = [m for m in mentions if m.is_event_date]
        self.taxonomy = taxonomy
        self.sentences = sentences(text)
        self._starts = [s for s, _ in self.sentences]
        self._dates = {}
        for m in self.mentions:
            self._dates.setdefault(m.sentence_start, m.start_date)
        self.hits = find_actors(text, registry, self._date_at) if self.mentions else []
        self.posts = self._find_posts() if self.mentions else []

    def _date_at(self, offset: int) -> date | None:
        """Return the date of offset's sentence (its first event date, else the publication day)."""
        index = bisect_right(self._starts, offset) - 1
        start = self.sentences[index][0] if index >= 0 else 0
        return self._dates.get(start, self.published)

    def _line(self, offset: int) -> tuple[int, int]:
        """Return the span of the line holding offset."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def build(self) -> list[Draft]:
        """Return one draft per mention that dates a happening, in text order."""
        drafts = []
        for mention in self.mentions:
            line = self._line(mention.start)
            post = self._post(mention, line)
            if post:
                drafts.append(post)
            elif not dates_nothing(self.text, mention, line):
                drafts.append(self._draft(mention, mention.sentence_start, mention.sentence_end,
                                          mention.start - mention.sentence_start, mention.end - mention.sentence_start))
        # A sentence that is all date and furniture names no happening.
        return self._link_follow_ups([d for d in drafts if d.title])

    def _sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding offset."""
        return bisect_right(self._starts, offset) - 1

    def _link_follow_ups(self, drafts: list[Draft]) -> list[Draft]:
        """Join each draft that refers back to an earlier sentence's happening to it: its actors, topics, event."""
        r = rules()
        linked = []
        for draft in drafts:
            earlier = self._referent(draft, linked, r)
            if earlier is not None:
                first = linked[earlier]
                draft = replace(draft, follows=earlier if first.follows is None else first.follows,
                                actors=tuple({**{a.slug: a for a in first.actors},
                                              **{a.slug: a for a in draft.actors}}.values()),
                                topics=tuple(dict.fromkeys(first.topics + draft.topics)))
            linked.append(draft)
        return linked

    def _referent(self, draft: Draft, earlier: list[Draft], r) -> int | None:
        """Return the index of the earlier draft whose happening draft refers back to, if it does."""
        own = {a.slug for a in draft.actors}
        found = r.definite.match(draft.title) or (not own and r.bare_reference.match(draft.title))
        if not found:
            return None
        # "The talks" refers to a happening told with a word of its kind ("held talks", "met"); "it" to any.
        kind = keywords(found.group().split()[-1])
        here = self._sentence_index(draft.quote_start)
        for index in range(len(earlier) - 1, -1, -1):
            first = earlier[index]
            there = self._sentence_index(first.quote_start)
            if there == here:
                continue  # two dates of one sentence are two happenings
            if here - there > r.anaphora_sentences:
                return None
            nests = (first.start_date <= draft.start_date and draft.end_date <= first.end_date) or (
                draft.start_date <= first.start_date and first.end_date <= draft.end_date)
            # A description naming people of its own refers back only to a happening of theirs.
            if nests and own <= {a.slug for a in first.actors} and (not kind or kind & first.words):
                return index
        return None

    def _find_posts(self) -> list[tuple[int, int, int]]:
        """Return (start, signature start, end) of each quoted post: the lines above a signature line."""
        posts = []
        for signature in rules().signature.finditer(self.text):
            start = signature.start()
            while start > 0:
                previous = self.text.rfind("\n", 0, start - 1) + 1
                if signature.end() - previous > rules().post_max_chars or not self.text[previous:start].strip():
                    break
                start = previous
            if start < signature.start():
                posts.append((start, signature.start(), signature.end()))
        return posts

    def _post(self, mention: Mention, line: tuple[int, int]) -> Draft | None:
        """Date a quoted post ("— Name (@handle) April 6, 2021") by its signature: the post is the lines above."""
        post = next((p for p in self.posts if p[1] == line[0]), None)
        if post is None:
            return None
        start, signature, end = post
        first_sentence = next((s for s in self.sentences if s[0] >= start), (start, signature))
        body = self.text[first_sentence[0]:min(first_sentence[1], signature)]
        draft = self._draft(mention, start, end, len(body), len(body), title_text=body)
        return replace(draft, confidence=round(draft.confidence * POST_FACTOR, 3),
                       status="past" if draft.end_date <= (self.published or draft.end_date) else draft.status)

    def _author(self, start: int) -> dict:
        """Return the actors of the signature when start lies inside a quoted post: its author speaks there."""
        for post_start, signature, end in self.posts:
            if post_start <= start < end:
                return {h.actor.slug: h.actor for h in self.hits if signature <= h.start < end}
        return {}

    def _draft(self, mention: Mention, start: int, end: int, rel_start: int, rel_end: int,
               title_text: str | None = None) -> Draft:
        """Build the draft of mention quoting text[start:end]; rel_* are the date offsets in the title text."""
        sentence = self.text[start:end]
        title = make_title(title_text if title_text is not None else sentence, rel_start, rel_end)
        named = {h.actor.slug: h.actor for h in self.hits if start <= h.start < end}
        actors = tuple({**self._author(start), **named}.values())
        topics = self.taxonomy.match(sentence) + self.taxonomy.match(self._follow_up(end))
        persons = any(a.kind != "country" for a in actors)
        confidence = mention.confidence * (1.0 if persons else NO_ACTOR_FACTOR)
        return Draft(
            value=mention.value, start_date=mention.start_date, end_date=mention.end_date,
            granularity=mention.granularity or "day", modifier=mention.modifier, title=title,
            status=status_of(mention, sentence, self.published), confidence=round(min(confidence, 0.99), 3),
            quote=sentence, quote_start=start, quote_end=end, expression=mention.text,
            expression_start=mention.start, expression_end=mention.end, actors=actors,
            topics=tuple(dict.fromkeys(topics)), words=keywords(title),
        )

    def _follow_up(self, end: int) -> str:
        """Return the next sentence of the same paragraph when it dates nothing itself ("The talks were regarding...")."""
        index = bisect_right(self._starts, end)
        if index >= len(self.sentences):
            return ""
        start, stop = self.sentences[index]
        if "\n" in self.text[end:start] or start in self._dates:
            return ""
        return self.text[start:stop]


def build_drafts(text: str, published, mentions: list[Mention], registry: Registry, taxonomy: Taxonomy) -> list[Draft]:
    """Return the event drafts of an article from its date mentions."""
    return ArticleDrafts(text, published, mentions, registry, taxonomy).build()
