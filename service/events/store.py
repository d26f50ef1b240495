"""Store event drafts: merge each into the event it reports or a new one, with its actors and topics."""
from __future__ import annotations

from dataclasses import dataclass, field
from math import prod

from ..drafting.about import article_mentions
from ..drafting.drafts import Draft, build_drafts
from ..drafting.kinds import kind_of, kinds
from ..drafting.similarity import fingerprint, keywords
from ..entities import ActorSpec, Registry
from ..models import Actor, Event, EventActor, EventSource, EventTopic, utcnow
from ..schema.spans import granularity_spans
from .locks import lock_merging
from .merging import SourceRow, merge_target
from .rows import insert_row, insert_rows, stamp_events, update_event
from .vocabulary import Vocabulary, seeded

# Reports this close in confidence are equally good headlines; the earliest wins.
HEADLINE_MARGIN = 0.05


@dataclass
class Reuse:
    """Event ids of a previous build, so a rebuild gives the same happening the same id."""

    by_source: dict[tuple[int, int], int] = field(default_factory=dict)
    by_fingerprint: dict[str, list[int]] = field(default_factory=dict)
    created_at: dict[int, object] = field(default_factory=dict)  # each old event's creation time, kept
    used: set[int] = field(default_factory=set)
    # The id of the next new happening, when the database would not give one above every old id by itself.
    next_id: int | None = None

    def take(self, article_id: int, draft: Draft) -> int | None:
        """Return an unused old event id for draft: the one it sourced before, else one with its fingerprint."""
        old = self.by_source.get((article_id, draft.expression_start))
        if old is None or old in self.used:
            old = next((i for i in self.by_fingerprint.get(draft.fingerprint, ()) if i not in self.used), None)
        if old is not None:
            self.used.add(old)
        return old


@dataclass
class Links:
    """Actor and topic links to insert at the end of an article, in one statement each."""

    actor_ids: dict[str, int]
    topic_ids: dict[str, int]
    actors: set[tuple[int, int]] = field(default_factory=set)
    topics: set[tuple[int, int]] = field(default_factory=set)

    def add(self, event_id: int, actor_slugs, topic_slugs) -> None:
        """Queue links from event to actors and topics (by slug)."""
        self.actors.update((event_id, self.actor_ids[s]) for s in actor_slugs if s in self.actor_ids)
        self.topics.update((event_id, self.topic_ids[s]) for s in topic_slugs if s in self.topic_ids)

    def save(self) -> None:
        """Insert the queued links."""
        insert_rows(EventActor, ("event", "actor"), sorted(self.actors))
        insert_rows(EventTopic, ("event", "topic"), sorted(self.topics))


@dataclass
class Pending:
    """This article's reports, inserted in one statement at the end; merging reads them meanwhile."""

    rows: list[tuple] = field(default_factory=list)
    by_event: dict[int, list[SourceRow]] = field(default_factory=dict)

    def add(self, event_id: int, article, draft: Draft) -> SourceRow:
        """Queue article's report of draft as a source of the event; return what derive() reads of it."""
        self.rows.append((event_id, article.id, draft.quote, draft.quote_start, draft.quote_end, draft.expression,
                          draft.expression_start, draft.expression_end, draft.confidence, draft.title, draft.value,
                          draft.start_date, draft.end_date, draft.granularity, draft.modifier, draft.status,
                          list(draft.actor_slugs), list(draft.topics)))
        source = SourceRow(article.id, draft.expression_start, draft.start_date, draft.end_date, draft.confidence,
                           draft.title, draft.status, draft.value, draft.granularity, draft.modifier,
                           draft.actor_slugs, draft.topics)
        self.by_event.setdefault(event_id, []).append(source)
        return source

    def save(self) -> None:
        """Insert the queued sources."""
        insert_rows(EventSource, SOURCE_FIELDS, self.rows)


SOURCE_FIELDS = ("event", "article", "quote", "start", "end", "expression", "expression_start", "expression_end",
                 "confidence", "title", "value", "date_start", "date_end", "granularity", "modifier", "status",
                 "actors", "topics")


@dataclass(frozen=True)
class Drafted:
    """An article's event drafts and the vocabulary they were resolved with."""

    drafts: list[Draft]
    vocabulary: Vocabulary


def draft_events(article) -> Drafted:
    """Return the event drafts of an article (extraction and resolution: CPU only, no write lock needed)."""
    vocabulary = seeded()
    published = article.published_at or article.published_on
    mentions = article_mentions(article, vocabulary.registry)
    drafts = build_drafts(article.body, published, mentions, vocabulary.registry,
                          vocabulary.taxonomy)
    return Drafted(drafts, vocabulary)


def attach_events(article, drafted: Drafted, reuse: Reuse | None = None) -> list[int]:
    """Create or extend the events article reports, drafted beforehand; return their ids in text order."""
    if not drafted.drafts:
        return []
    if reuse is None:  # a rebuild holds the lock already, for its whole transaction
        lock_merging()
    # Read under the lock: no other writer changes events until this transaction ends.
    spans = granularity_spans()
    vocabulary = drafted.vocabulary
    # A copy: actor rows created here exist only if this transaction commits.
    known = dict(vocabulary.actor_ids)
    events, links, pending = {}, Links(known, vocabulary.topic_ids), Pending()
    event_of: list[int] = []  # the event of each draft, so a follow-up joins its earlier sentence's event
    # Events a report joined without changing what they show: their updated_at is written once, at the end, in
    # one statement (merging runs under the merge lock, and most reports of a known happening change nothing else).
    stamped: set[int] = set()
    for draft in drafted.drafts:
        actor_ids(draft.actors, known)
        persons, countries = candidate_actors(draft, known)
        referent = event_of[draft.follows] if draft.follows is not None else None
        found = merge_target(draft, vocabulary.registry, persons, countries, list(events), pending.by_event, spans,
                             referent)
        if found is None:
            event_id = new_event(draft, article, reuse)
            pending.add(event_id, article, draft)
            links.add(event_id, draft.actor_slugs, draft.topics)
        else:
            event_id, event = found
            old_actors, old_topics = _slugs(event.sources)
            source = pending.add(event_id, article, draft)
            fields, _, _ = derive(event.sources + [source], vocabulary.registry)
            # Unchanged columns stay out of the UPDATE: writing the title fires the full-text triggers.
            changed = {k: v for k, v in fields.items() if k not in event.stored or event.stored[k] != v}
            if changed.keys() == {"updated_at"}:
                stamped.add(event_id)
            else:
                update_event(event_id, changed)
            links.add(event_id, set(draft.actor_slugs) - old_actors, set(draft.topics) - old_topics)
        events.setdefault(event_id, None)
        event_of.append(event_id)
    stamp_events(sorted(stamped))
    pending.save()
    links.save()
    return list(events)


def candidate_actors(draft: Draft, known: dict[str, int]) -> tuple[list[int], list[int]]:
    """Return the row ids of the people and countries whose events draft may report: its people, and its countries
    when it names no people ("the two sides") or tells a kind of happening (an unnamed summit's pair may be a
    visit's hosts); no countries otherwise."""
    persons = [known[a.slug] for a in draft.actors if a.kind != "country"]
    kind = kind_of(draft.title)
    if persons and (kind is None or kind in kinds().saying):
        return persons, []
    return persons, [known[a.slug] for a in draft.actors if a.kind == "country"]


def new_event(draft: Draft, article, reuse: Reuse | None) -> int:
    """Create the event for draft, under the old id of the same happening during a rebuild; return its id."""
    now = utcnow()
    row = dict(value=draft.value, date_start=draft.start_date, date_end=draft.end_date,
               granularity=draft.granularity, modifier=draft.modifier, title=draft.title, status=draft.status,
               confidence=draft.confidence, fingerprint=draft.fingerprint, created_at=now, updated_at=now)
    if reuse is not None:
        old = reuse.take(article.id, draft)
        if old is not None:
            row.update(id=old, created_at=reuse.created_at[old])
        elif reuse.next_id is not None:
            row["id"] = reuse.next_id
            reuse.next_id += 1
    return insert_row(Event, row)


def actor_ids(specs: tuple[ActorSpec, ...], known: dict[str, int]) -> dict[str, int]:
    """Return the row id of each actor, creating rows for countries and newly discovered people (added to known)."""
    for spec in specs:
        if spec.slug not in known:
            row = Actor.get_or_none(Actor.slug == spec.slug) or Actor.create(
                name=spec.name, slug=spec.slug, kind=spec.kind, aliases=list(spec.aliases),
                roles=[r.to_dict() for r in spec.roles])
            known[spec.slug] = row.id
    return {spec.slug: known[spec.slug] for spec in specs}


def _slugs(sources) -> tuple[set[str], set[str]]:
    """Return the actor and topic slugs of sources."""
    return ({slug for s in sources for slug in s.actors or ()}, {slug for s in sources for slug in s.topics or ()})


def derive(sources, registry: Registry) -> tuple[dict, list[str], list[str]]:
    """Return an event's fields (date, title, status, confidence...) from its sources (SourceRows, each counting
    as its copies), and its actor and topic slugs."""
    sources = sorted(sources, key=lambda s: (s.article_id, s.expression_start))
    narrowest = min(sources, key=lambda s: (s.date_end - s.date_start, s.article_id, s.expression_start))
    # The first report among the most confident ones of the event's own date names the event: its words fit that
    # date ("Rail workers went on strike" on 7 March, not "The strike lasted" of the week), and it stays as later
    # reports arrive.
    dated = [s for s in sources if (s.date_start, s.date_end) == (narrowest.date_start, narrowest.date_end)]
    best = max(s.confidence for s in dated)
    headline = next(s for s in dated if s.confidence >= best - HEADLINE_MARGIN)
    actors = list(dict.fromkeys(slug for s in sources for slug in s.actors or ()))
    topics = list(dict.fromkeys(slug for s in sources for slug in s.topics or ()))
    specs = [registry.specs.get(slug) or ActorSpec(slug, slug, "person") for slug in actors]
    fields = dict(value=narrowest.value, date_start=narrowest.date_start, date_end=narrowest.date_end,
                  granularity=narrowest.granularity, modifier=narrowest.modifier, title=headline.title,
                  status="past" if any(s.status == "past" for s in sources) else "scheduled",
                  confidence=round(min(0.99, 1 - prod((1 - s.confidence) ** s.copies for s in sources)), 3),
                  fingerprint=fingerprint(narrowest.value, narrowest.date_start, specs, keywords(headline.title)),
                  updated_at=utcnow())
    return fields, actors, topics


def _relink(model, column, event_id: int, wanted) -> None:
    """Make event's links in model exactly wanted (ids of the other side)."""
    wanted = set(wanted)
    present = {getattr(row, column.name + "_id") for row in model.select(column).where(model.event == event_id)}
    if present - wanted:
        model.delete().where((model.event == event_id) & column.in_(list(present - wanted))).execute()
    if wanted - present:
        model.insert_many([(event_id, i) for i in sorted(wanted - present)], fields=[model.event, column]).execute()


def detach_article(article) -> None:
    """Remove article from its events' sources; drop events left without one, recompute the others."""
    vocabulary = seeded()
    registry, known_actors, known_topics = vocabulary.registry, dict(vocabulary.actor_ids), vocabulary.topic_ids
    event_ids = sorted({s.event_id for s in EventSource.select(EventSource.event).where(EventSource.article == article.id)})
    EventSource.delete().where(EventSource.article == article.id).execute()
    for event in Event.select().where(Event.id.in_(event_ids)).order_by(Event.id):
        sources = [SourceRow.of(s) for s in event.sources]
        if not sources:
            EventActor.delete().where(EventActor.event == event.id).execute()
            EventTopic.delete().where(EventTopic.event == event.id).execute()
            event.delete_instance()
            continue
        fields, actors, topics = derive(sources, registry)
        update_event(event.id, fields)
        actor_ids(tuple(registry.specs[s] for s in actors if s in registry.specs), known_actors)
        _relink(EventActor, EventActor.actor, event.id, [known_actors[s] for s in actors if s in known_actors])
        _relink(EventTopic, EventTopic.topic, event.id, [known_topics[s] for s in topics if s in known_topics])
