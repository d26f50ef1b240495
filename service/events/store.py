"""Store event drafts: merge each into the event it reports or a new one, with its actors and topics."""
from __future__ import annotations

from dataclasses import dataclass, field
from math import prod

from peewee import Case, fn

from ..entities import ActorSpec, Registry, Taxonomy
from ..extraction import extract
from ..models import Actor, Event, EventActor, EventSource, EventTopic, utcnow
from .drafts import Draft, build_drafts
from .locks import lock_merging
from .similarity import Report, fingerprint, keywords, same_happening
from .vocabulary import row_ids, vocabulary

# Enough candidates for any real day; ordered so the same interval and the oldest event come first.
MAX_CANDIDATES = 50
# Reports this close in confidence are equally good headlines; the earliest wins.
HEADLINE_MARGIN = 0.05


@dataclass
class Reuse:
    """Event ids of a previous build, so a rebuild gives the same happening the same id."""

    by_source: dict[tuple[int, int], int] = field(default_factory=dict)
    by_fingerprint: dict[str, list[int]] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)

    def take(self, article_id: int, draft: Draft) -> int | None:
        """Return an unused old event id for draft: the one it sourced before, else one with its fingerprint."""
        old = self.by_source.get((article_id, draft.expression_start))
        if old is None or old in self.used:
            old = next((i for i in self.by_fingerprint.get(draft.fingerprint, ()) if i not in self.used), None)
        if old is not None:
            self.used.add(old)
        return old


def drafts_for(article, registry: Registry, taxonomy: Taxonomy) -> list[Draft]:
    """Return the event drafts of a stored article."""
    published = article.published_at or article.published_on
    return build_drafts(article.body, published, extract(article.body, published), registry, taxonomy)


def attach_events(article, reuse: Reuse | None = None) -> list[Event]:
    """Create or extend the events article reports; return them in text order."""
    registry, taxonomy = vocabulary()
    drafts = drafts_for(article, registry, taxonomy)
    if not drafts:
        return []
    lock_merging()
    events = {}
    for draft in drafts:
        event = merge_target(draft, registry)
        if event is None:
            event = new_event(draft, article, reuse)
            add_source(event, article, draft)
            link(event, draft.actor_slugs, draft.topics)
        else:
            add_source(event, article, draft)
            recompute(event, registry)
        events.setdefault(event.id, event)
    return list(events.values())


def report_of(draft: Draft) -> Report:
    """Return what merging compares of a draft."""
    return Report(draft.start_date, draft.end_date,
                  frozenset(a.slug for a in draft.actors if a.kind != "country"),
                  frozenset(a.slug for a in draft.actors if a.kind == "country"),
                  frozenset(draft.topics), draft.words)


def merge_target(draft: Draft, registry: Registry) -> Event | None:
    """Return the stored event draft reports (the best score; the oldest on a tie), if any."""
    same = (Event.date_start == draft.start_date) & (Event.date_end == draft.end_date)
    nested = (((Event.date_start <= draft.start_date) & (Event.date_end >= draft.end_date))
              | ((Event.date_start >= draft.start_date) & (Event.date_end <= draft.end_date)))
    sourced = fn.EXISTS(EventSource.select(EventSource.id).where(EventSource.event == Event.id))
    # A nested date alone never reaches the merge threshold: such candidates must share a person.
    people = list(actor_ids(tuple(a for a in draft.actors if a.kind != "country")).values())
    shares = Event.id.in_(EventActor.select(EventActor.event).where(EventActor.actor.in_(people)))
    candidates = list(Event.select().where(sourced & (same | (nested & shares) if people else same))
                      .order_by(Case(None, [(same, 0)], 1), Event.id).limit(MAX_CANDIDATES))
    if not candidates:
        return None
    reports = event_reports([e.id for e in candidates], registry)
    draft_report = report_of(draft)
    best, best_score = None, -1.0
    for event in sorted(candidates, key=lambda e: e.id):
        stored = reports[event.id]
        merged = same_happening(draft_report, Report(event.date_start, event.date_end, *stored))
        if merged is not None and merged > best_score:
            best, best_score = event, merged
    return best


def event_reports(event_ids: list[int], registry: Registry) -> dict[int, tuple]:
    """Return (persons, countries, topics, words) of each event, from its sources."""
    found = {i: (set(), set(), set(), set()) for i in event_ids}
    query = EventSource.select(EventSource.event, EventSource.title, EventSource.actors, EventSource.topics)
    for source in query.where(EventSource.event.in_(event_ids)):
        persons, countries, topics, words = found[source.event_id]
        for slug in source.actors or ():
            spec = registry.specs.get(slug)
            (countries if spec and spec.kind == "country" else persons).add(slug)
        topics.update(source.topics or ())
        words.update(keywords(source.title or ""))
    return {i: tuple(frozenset(part) for part in parts) for i, parts in found.items()}


def new_event(draft: Draft, article, reuse: Reuse | None) -> Event:
    """Create the event for draft, reviving the old row of the same happening during a rebuild."""
    fields = dict(value=draft.value, date_start=draft.start_date, date_end=draft.end_date,
                  granularity=draft.granularity, modifier=draft.modifier, title=draft.title, status=draft.status,
                  confidence=draft.confidence, fingerprint=draft.fingerprint)
    old = reuse.take(article.id, draft) if reuse else None
    if old is not None:
        Event.update(updated_at=utcnow(), **fields).where(Event.id == old).execute()
        return Event.get_by_id(old)
    return Event.create(**fields)


def actor_ids(specs: tuple[ActorSpec, ...]) -> dict[str, int]:
    """Return the row id of each actor, creating rows for countries and newly discovered people."""
    known, _ = row_ids()
    for spec in specs:
        if spec.slug not in known:
            row = Actor.get_or_none(Actor.slug == spec.slug) or Actor.create(
                name=spec.name, slug=spec.slug, kind=spec.kind, aliases=list(spec.aliases),
                roles=[r.to_dict() for r in spec.roles])
            known[spec.slug] = row.id
    return {spec.slug: known[spec.slug] for spec in specs}


def add_source(event: Event, article, draft: Draft) -> None:
    """Record article's report of the event."""
    actor_ids(draft.actors)
    EventSource.create(
        event=event, article=article, quote=draft.quote, start=draft.quote_start, end=draft.quote_end,
        expression=draft.expression, expression_start=draft.expression_start, expression_end=draft.expression_end,
        confidence=draft.confidence, title=draft.title, value=draft.value, date_start=draft.start_date,
        date_end=draft.end_date, granularity=draft.granularity, modifier=draft.modifier, status=draft.status,
        actors=list(draft.actor_slugs), topics=list(draft.topics),
    )


def recompute(event: Event, registry: Registry) -> None:
    """Derive the event's date, title, status, confidence, actors and topics from its sources."""
    sources = list(event.sources.order_by(EventSource.article, EventSource.expression_start))
    if not sources:
        return
    narrowest = min(sources, key=lambda s: (s.date_end - s.date_start, s.article_id, s.expression_start))
    # The first report among the most confident ones names the event: stable as later reports arrive.
    best = max(s.confidence for s in sources)
    headline = next(s for s in sources if s.confidence >= best - HEADLINE_MARGIN)
    slugs = list(dict.fromkeys(slug for s in sources for slug in s.actors or ()))
    topic_slugs = list(dict.fromkeys(slug for s in sources for slug in s.topics or ()))
    people = [registry.specs.get(slug) or ActorSpec(slug, slug, "person") for slug in slugs]
    event.value, event.date_start, event.date_end = narrowest.value, narrowest.date_start, narrowest.date_end
    event.granularity, event.modifier = narrowest.granularity, narrowest.modifier
    event.title = headline.title
    event.status = "past" if any(s.status == "past" for s in sources) else "scheduled"
    event.confidence = round(min(0.99, 1 - prod(1 - s.confidence for s in sources)), 3)
    event.fingerprint = fingerprint(event.value, event.date_start, people, keywords(event.title))
    event.updated_at = utcnow()
    event.save()
    link(event, slugs, topic_slugs, replace=True)


def link(event: Event, actor_slugs, topic_slugs, replace: bool = False) -> None:
    """Link event to its actors and topics (replace: also unlink the others)."""
    known_actors, known_topics = row_ids()
    actors = [known_actors[slug] for slug in actor_slugs if slug in known_actors]
    topics = [known_topics[slug] for slug in topic_slugs if slug in known_topics]
    if replace:
        _link(EventActor, EventActor.actor, event, actors)
        _link(EventTopic, EventTopic.topic, event, topics)
        return
    if actors:
        EventActor.insert_many([{"event": event.id, "actor": i} for i in sorted(set(actors))]).execute()
    if topics:
        EventTopic.insert_many([{"event": event.id, "topic": i} for i in sorted(set(topics))]).execute()


def _link(model, column, event: Event, wanted) -> None:
    """Make event's links in model exactly wanted (ids of the other side)."""
    wanted = set(wanted)
    present = {getattr(row, column.name + "_id") for row in model.select(column).where(model.event == event.id)}
    if present - wanted:
        model.delete().where((model.event == event.id) & column.in_(list(present - wanted))).execute()
    if wanted - present:
        model.insert_many([{"event": event.id, column.name: i} for i in sorted(wanted - present)]).execute()


def detach_article(article) -> None:
    """Remove article from its events' sources; drop events left without one, recompute the others."""
    registry, _ = vocabulary()
    event_ids = sorted({s.event_id for s in EventSource.select(EventSource.event).where(EventSource.article == article.id)})
    EventSource.delete().where(EventSource.article == article.id).execute()
    for event in Event.select().where(Event.id.in_(event_ids)).order_by(Event.id):
        if event.sources.count():
            recompute(event, registry)
        else:
            EventActor.delete().where(EventActor.event == event.id).execute()
            EventTopic.delete().where(EventTopic.event == event.id).execute()
            event.delete_instance()
