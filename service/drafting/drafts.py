"""Turn the date mentions of one article into event drafts (pure: text, mentions and vocabularies in)."""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from .. import budget
from ..entities import ActorSpec, Registry, Taxonomy, find_actors
from ..extraction import Mention, sentences
from ..extraction.anchor import published_day
from .context import ArticleContext
from .intervals import narrowed
from .rules import rules
from .similarity import fingerprint, keywords
from .titles import is_verb, make_title, without_dangling

_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word in any script: a Russian sentence has content words too
# "... began on 14 March and ended on Sunday": what joins a date to a second part of its sentence with its own date.
_AND = re.compile(r",?\s+and\s+")
# A clause opening with a determiner reads on in lower case after "X said that" ("... that the summit will ...").
_DETERMINER_OPENING = re.compile(r"^(?:The|A|An|This|These|Those|Its|Their|His|Her|Our)\b")
# A date written without a year ("September", "5 May", "in early June"): no four digits, no "'22".
_YEARLESS = re.compile(r"(?!.*\d{4})(?!.*['’]\d\d\b).+")
_MONTH_NAME = re.compile(r"\b(?:%s)" % "|".join(calendar.month_abbr[1:]), re.IGNORECASE)
# Share of a mention's confidence kept when the event names no person or organisation.
NO_ACTOR_FACTOR = 0.85
# A quoted post's dateline is second-hand evidence of the happening the post describes.
POST_FACTOR = 0.9
# A quote is the words around its date, at most this long: a sentence of a thousand dates stores a thousand
# short quotes, not a thousand copies of itself (the article keeps the full text). Titles, topics and actors
# are read within the quote too, so each draft costs the same whatever the sentence's length.
QUOTE_CHARS = 600
# A follow-up looks back at most this many drafts per sentence of its reach: a sentence of a thousand dates
# is not searched a thousand times.
REFERENTS_PER_SENTENCE = 8


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


def _next_year(day: date) -> date:
    """Return the same day a year later (28 February for the 29th)."""
    return day.replace(year=day.year + 1, day=min(day.day, calendar.monthrange(day.year + 1, day.month)[1]))


def window(text: str, mention: Mention) -> tuple[int, int]:
    """Return the span of at most QUOTE_CHARS of the mention's sentence around it, cut at word boundaries."""
    start, end = mention.sentence_start, mention.sentence_end
    if end - start <= QUOTE_CHARS:
        return start, end
    room = max(0, QUOTE_CHARS - (mention.end - mention.start)) // 2
    left = max(start, mention.start - room)
    right = min(end, mention.end + room)
    # Room one side does not use goes to the other.
    left = max(start, right - QUOTE_CHARS if right == end else left)
    right = min(end, left + QUOTE_CHARS if left == start else right)
    if left > start:
        space = text.find(" ", left, mention.start)
        left = space + 1 if space >= 0 else left
    if right < end:
        space = text.rfind(" ", mention.end, right)
        right = space if space >= 0 else right
    return left, right


def dates_nothing(text: str, mention: Mention, line: tuple[int, int], span: tuple[int, int]) -> bool:
    """Tell whether a mention dates no happening: a non-calendar value, a name, a byline, boilerplate."""
    r = rules()
    if not mention.is_event_date or (mention.value or "") in r.skip_values or mention.end_date is None:
        return True
    if line[1] - line[0] <= QUOTE_CHARS and r.boilerplate.search(text[line[0]:line[1]].strip()):
        return True
    before = text[max(0, mention.start - 30):mention.start]
    if r.name_before.search(before):
        return True  # "the Act of 2017"
    preceding = before.split()[-1:]
    if mention.granularity == "year" and mention.text.strip().isdigit() and preceding and preceding[0] in r.adjective_before:
        return True  # "a 2017 US law", "The 2016 Moscow Red Square Victory Day Parade"
    rest = text[span[0]:mention.start] + " " + text[mention.end:span[1]]
    content = [w for w in _WORD.findall(rest) if w.lower() not in r.empty_words]
    return len(content) < 2  # a dateline or byline: the date and at most a name


def status_of(mention: Mention, sentence: str, published: date | None, start: date | None = None,
              end: date | None = None) -> str:
    """Return 'scheduled' when the happening (dated start..end) lies after publication or the sentence speaks of it so."""
    start, end = start or mention.start_date, end or mention.end_date
    if published and start and start > published:
        return "scheduled"
    if published and end and end < published:
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
        # Each sentence's mentions in text order, so a date can tell whether another of its sentence follows it.
        self._in_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self._in_sentence.setdefault(m.sentence_start, []).append(m)
        self._starts_in_sentence = {k: [m.start for m in v] for k, v in self._in_sentence.items()}
        self._dated = set(self._in_sentence)
        self._lines = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"] if self.mentions else [0]
        self.hits = find_actors(text, registry, self._date_at) if self.mentions else []
        self.context = ArticleContext(text, self.sentences, self.hits, registry)
        self.posts = self._find_posts() if self.mentions else []
        self._posts_by_signature = {p[1]: p for p in self.posts}
        self._post_starts = [p[0] for p in self.posts]
        self._follow_ups: dict[int, tuple[list[str], list[ActorSpec]]] = {}

    def _date_at(self, offset: int) -> date | None:
        """Return the date of offset's sentence (its first event date, else the publication day)."""
        index = bisect_right(self._starts, offset) - 1
        start = self.sentences[index][0] if index >= 0 else 0
        return self._dates.get(start, self.published)

    def _line(self, offset: int) -> tuple[int, int]:
        """Return the span of the line holding offset."""
        index = bisect_right(self._lines, offset) - 1
        start = self._lines[index]
        end = self._lines[index + 1] - 1 if index + 1 < len(self._lines) else len(self.text)
        return start, end

    def build(self) -> list[Draft]:
        """Return one draft per mention that dates a happening, in text order."""
        drafts = []
        for mention in self.mentions:
            budget.check()
            line = self._line(mention.start)
            post = self._post(mention, line)
            span = window(self.text, mention)
            if post:
                drafts.append(post)
            elif not dates_nothing(self.text, mention, line, span):
                drafts.append(self._sentence_draft(mention, span))
        # A sentence that is all date and furniture names no happening.
        return self._link_follow_ups([d for d in drafts if d.title])

    def _sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding offset."""
        return bisect_right(self._starts, offset) - 1

    def _link_follow_ups(self, drafts: list[Draft]) -> list[Draft]:
        """Join each draft that refers back to an earlier sentence's happening to it: its actors, topics, event."""
        r = rules()
        linked = []
        # Index of the first draft of the current sentence: a sentence's own drafts are never its referents, and
        # skipping them keeps a sentence of many dates linear.
        first_of_sentence, sentence = 0, None
        for draft in drafts:
            here = self._sentence_index(draft.expression_start)
            if here != sentence:
                first_of_sentence, sentence = len(linked), here
            back = max(0, first_of_sentence - r.anaphora_sentences * REFERENTS_PER_SENTENCE)
            earlier = self._referent(draft, linked[back:first_of_sentence], here, r)
            if earlier is not None:
                earlier += back
                first = linked[earlier]
                draft = replace(draft, follows=earlier if first.follows is None else first.follows,
                                actors=tuple({**{a.slug: a for a in first.actors},
                                              **{a.slug: a for a in draft.actors}}.values()),
                                topics=tuple(dict.fromkeys(first.topics + draft.topics)))
            linked.append(draft)
        return linked

    def _referent(self, draft: Draft, earlier: list[Draft], here: int, r) -> int | None:
        """Return the index of the earlier draft whose happening draft refers back to, if it does."""
        own = {a.slug for a in draft.actors}
        found = r.definite.match(draft.title) or (not own and r.bare_reference.match(draft.title))
        if not found:
            return None
        # "The talks" refers to a happening told with a word of its kind ("held talks", "met"); "it" to any.
        kind = keywords(found.group().split()[-1])
        for index in range(len(earlier) - 1, -1, -1):
            first = earlier[index]
            there = self._sentence_index(first.expression_start)
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
                previous = self.text.rfind("\n", max(0, signature.end() - rules().post_max_chars - 1), start - 1) + 1
                if signature.end() - previous > rules().post_max_chars or not self.text[previous:start].strip():
                    break
                start = previous
            if start < signature.start():
                posts.append((start, signature.start(), signature.end()))
        return posts

    def _post(self, mention: Mention, line: tuple[int, int]) -> Draft | None:
        """Date a quoted post ("— Name (@handle) April 6, 2021") by its signature: the post is the lines above."""
        post = self._posts_by_signature.get(line[0])
        if post is None:
            return None
        start, signature, end = post
        first_sentence = self.sentences[bisect_right(self._starts, start - 1)] if start <= self.sentences[-1][0] \
            else (start, signature)
        body = self.text[first_sentence[0]:min(first_sentence[1], signature)]
        draft = self._draft(mention, start, end, len(body), len(body), title_text=body)
        return replace(draft, confidence=round(draft.confidence * POST_FACTOR, 3),
                       status="past" if draft.end_date <= (self.published or draft.end_date) else draft.status)

    def _author(self, start: int) -> dict:
        """Return the actors of the signature when start lies inside a quoted post: its author speaks there."""
        index = bisect_right(self._post_starts, start) - 1
        if index >= 0:
            post_start, signature, end = self.posts[index]
            if post_start <= start < end:
                return {a.slug: a for a in self.context.actors_in(signature, end)}
        return {}

    def _sentence_draft(self, mention: Mention, span: tuple[int, int]) -> Draft:
        """Build the draft of a mention in running text: of the future happening a past act is about when the
        date lies in what the act is about ("discussed preparations for the summit later this year"), else of the
        sentence's happening, its title ending before a later date that belongs to such a future happening."""
        start, end = span
        # The cue nearest before the date is the one whose object it dates ("Discussed preparations for ...").
        cues = list(rules().act_about.finditer(self.text, start, end))
        before = [cue for cue in cues if cue.end() <= mention.start]
        about = before[-1] if before else (cues[0] if cues else None)
        if about and about.end() <= mention.start:
            mention = self._read_ahead(mention, about)
        if about and about.end() <= mention.start and self._is_future(mention, about, end):
            return self._future_draft(mention, about, end)
        title_text = self.text[start:end]
        # The act's date may stand before its cue or inside it ("announced on Thursday that ...").
        if about and mention.end <= about.end():
            later = self._mention_after(mention.sentence_start, about.end())
            if later is not None and not (later.start < end and self._is_future(later, about, end)):
                later = None
            if later is not None:
                # The act's headline ends before the future happening's date, and its words ("take place in").
                title_text = without_dangling(self.text[start:later.start])
                return self._draft(mention, start, end, mention.start - start, mention.end - start,
                                   title_text=title_text, status_text=self.text[start:about.start()])
        return (self._dated_saying(mention, start, end) or self._coordinated(mention, start, end)
                or self._draft(mention, start, end, mention.start - start, mention.end - start))

    def _dated_saying(self, mention: Mention, start: int, end: int) -> Draft | None:
        """Build the draft of a date that closes a sentence's attribution ("..., officials said on Monday."): the
        saying is the happening, past, titled "Officials said that ..." and ending before any other date."""
        if self.text[mention.end:end].strip(" .!?\"”’)"):
            return None
        head = without_dangling(self.text[start:mention.start])
        tail = rules().attribution_tail.search(head)
        if not tail:
            return None
        said = head[tail.start():].lstrip(" ,")
        main = head[:tail.start()]
        other = self._mention_after(mention.sentence_start, start)
        if other is not None and other.start < start + len(main):
            main = without_dangling(self.text[start:other.start])  # it ends before the date of what is said
        main = _DETERMINER_OPENING.sub(lambda m: m.group().lower(), main.strip(), count=1)
        title_text = f"{said} that {main}"
        return self._draft(mention, start, end, len(title_text), len(title_text), title_text=title_text,
                           status_text=said)

    def _coordinated(self, mention: Mention, start: int, end: int) -> Draft | None:
        """Build the draft of a date of one of two parts joined by "and", each with its own date: "The strike began
        on 14 March and ended on Sunday" (the subject and each its own predicate), "Talks began on 14 March and the
        strike ended on Sunday" (each its own clause)."""
        later = self._mention_after(mention.sentence_start, mention.end)
        if later is not None and later.start < end and _AND.match(self.text, mention.end, later.start):
            return self._draft(mention, start, end, mention.start - start, mention.end - start,
                               title_text=self.text[start:_AND.match(self.text, mention.end, later.start).start()])
        starts = self._starts_in_sentence.get(mention.sentence_start, [])
        index = bisect_left(starts, mention.start) - 1
        earlier = self._in_sentence[mention.sentence_start][index] if index >= 0 else None
        joint = _AND.match(self.text, earlier.end, mention.start) if earlier and earlier.start >= start else None
        if not joint:
            return None
        rest = self.text[joint.end():mention.start].split()
        if rest and is_verb(rest[0]):
            # The earlier predicate goes: from its verb, the last one before the earlier date, to "and".
            head = self.text[start:earlier.start]
            verbs = [m for m in re.finditer(r"\S+", head) if is_verb(m.group())]
            if not verbs:
                return None
            cut = start + verbs[-1].start()
        elif any(is_verb(word) for word in rest):
            cut = start  # a clause of its own: "and the strike ended on Sunday"
        else:
            return None
        title_text = self.text[start:cut] + self.text[joint.end():end]
        # Offsets after "and" move back by what was cut out.
        shift = joint.end() - cut
        return self._draft(mention, start, end, mention.start - start - shift, mention.end - start - shift,
                           title_text=title_text)

    def _read_ahead(self, mention: Mention, about: re.Match) -> Mention:
        """Return mention a year later when it is a month, or a day of a named month, without its year that a plan
        or an agreement is for ("discussed plans for a visit in September") and was read in the past: the past
        tense of the act is not the happening's."""
        if not (self.published and mention.granularity in ("day", "month") and mention.end_date < self.published
                and rules().act_ahead.search(about.group()) and _YEARLESS.fullmatch(mention.text.strip())
                and re.match(r"\d{4}-", mention.value or "")):
            return mention
        if mention.granularity == "day" and not _MONTH_NAME.search(mention.text):
            return mention  # a weekday, "the 6th": a year is not their period
        start, end = _next_year(mention.start_date), _next_year(mention.end_date)
        if mention.granularity == "month":
            end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
        return replace(mention, value=f"{start.year}{mention.value[4:]}", start_date=start, end_date=end,
                       tense="future")

    def _mention_after(self, sentence_start: int, offset: int) -> Mention | None:
        """Return the first mention of the sentence starting at or after offset."""
        starts = self._starts_in_sentence.get(sentence_start, [])
        index = bisect_left(starts, offset)
        return self._in_sentence[sentence_start][index] if index < len(starts) else None

    def _is_future(self, mention: Mention, about: re.Match, end: int) -> bool:
        """Tell whether mention dates a happening still to come, told after the act cue about, up to end."""
        low, high = narrowed(mention.start_date, mention.end_date, mention.granularity, mention.modifier)
        if self.published and high < self.published:
            return False
        if rules().act_ahead.search(about.group()):
            return True
        return status_of(mention, self.text[about.end():end], self.published, low, high) == "scheduled"

    def _future_draft(self, mention: Mention, about: re.Match, end: int) -> Draft:
        """Build the draft of the future happening the text after the act cue about speaks of, up to end."""
        r = rules()
        begin = about.end()
        act = self.context.actors_in(mention.sentence_start, about.start())
        if r.act_joins.search(about.group()):
            # "Lavrov and Jaishankar agreed to hold talks": who agreed takes part, and the headline says so the
            # way news does ("Lavrov and Jaishankar to hold talks").
            subject = self._subject(mention.sentence_start, about.start())
            title_text = subject + " to " + self.text[begin:end].lstrip()
            # The title text ends where the sentence's window does, so the date keeps its distance from the end.
            draft = self._draft(mention, begin, end, len(title_text) - (end - mention.start),
                                len(title_text) - (end - mention.end), title_text=title_text)
            pair = self.context.pair_for(mention.sentence_start, about.start())
            named = list({a.slug: a for a in (*act, *pair, *draft.actors)}.values())
        else:
            light = r.light_verbs.match(self.text, begin + len(self.text[begin:end]) - len(self.text[begin:end].lstrip()))
            title_start = light.end() if light else begin
            draft = self._draft(mention, begin, end, mention.start - title_start, mention.end - title_start,
                                title_text=self.text[title_start:end])
            named = [a for a in draft.actors if a.slug not in self._author(begin)]
            if r.act_pronoun.match(self.text, begin):
                # "Xi said on Tuesday that he will visit Moscow": the pronoun is who acted.
                named = list({a.slug: a for a in (*act, *named)}.values())
            elif not self.context.actors_in(begin, end):
                # Participants unnamed ("the Annual Summit"): the countries of the act, else the article's pair.
                named = list({a.slug: a for a in act if a.kind == "country"}.values()) or list(self.context.main_pair)
        quote_start, quote_end = window(self.text, mention)
        return replace(draft, actors=tuple(named), status="scheduled", quote=self.text[quote_start:quote_end],
                       quote_start=quote_start, quote_end=quote_end)

    def _subject(self, start: int, cue: int) -> str:
        """Return the words before an act's verb: its subject, after any date and opener of the sentence."""
        mentions, starts = self._in_sentence.get(start, []), self._starts_in_sentence.get(start, [])
        index = bisect_right(starts, cue) - 1
        while index >= 0 and mentions[index].end > cue:
            index -= 1
        subject = self.text[mentions[index].end if index >= 0 else start:cue]
        return rules().openers.sub("", subject.strip(" ,;:")).strip()

    def _draft(self, mention: Mention, start: int, end: int, rel_start: int, rel_end: int,
               title_text: str | None = None, status_text: str | None = None) -> Draft:
        """Build the draft of mention quoting text[start:end]; rel_* are the date offsets in the title text."""
        quote = self.text[start:end]
        title = make_title(title_text if title_text is not None else quote, rel_start, rel_end)
        named = {a.slug: a for a in self.context.actors_in(start, end)}
        pair = {a.slug: a for a in self.context.pair_for(start, end)}
        topics, participants = self._follow_up(end)
        actors = tuple({**self._author(start), **pair, **named, **{a.slug: a for a in participants}}.values())
        topics = self.taxonomy.match(quote) + topics
        persons = any(a.kind != "country" for a in actors)
        confidence = mention.confidence * (1.0 if persons else NO_ACTOR_FACTOR)
        low, high = narrowed(mention.start_date, mention.end_date, mention.granularity, mention.modifier)
        return Draft(
            value=mention.value, start_date=low, end_date=high,
            granularity=mention.granularity or "day", modifier=mention.modifier, title=title,
            status=status_of(mention, status_text if status_text is not None else quote, self.published, low, high),
            confidence=round(min(confidence, 0.99), 3),
            quote=quote, quote_start=start, quote_end=end, expression=mention.text,
            expression_start=mention.start, expression_end=mention.end, actors=actors,
            topics=tuple(dict.fromkeys(topics)), words=keywords(title),
        )

    def _follow_up(self, end: int) -> tuple[list[str], list[ActorSpec]]:
        """Return the topics and participants of the next sentence when it goes on about the same happening
        ("The talks were regarding...", "Russia and China attended the meeting") and dates nothing itself."""
        if end not in self._follow_ups:
            span = self.context.next_sentence(end, self._dated)
            found: tuple[list[str], list[ActorSpec]] = ([], [])
            if span and self.context.continues(span):
                bounded = (span[0], min(span[1], span[0] + QUOTE_CHARS))
                found = (self.taxonomy.match(self.text[bounded[0]:bounded[1]]),
                         self.context.participants(span, QUOTE_CHARS))
            self._follow_ups[end] = found
        return self._follow_ups[end]


def build_drafts(text: str, published, mentions: list[Mention], registry: Registry, taxonomy: Taxonomy) -> list[Draft]:
    """Return the event drafts of an article from its date mentions."""
    return ArticleDrafts(text, published, mentions, registry, taxonomy).build()
