"""Store event drafts: merge each into the event it reports or a new one, with its actors and topics."""
from __future__ import annotations

from dataclasses import dataclass, field
from math import prod

from ..db import db
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


@dataclass
class Links:
    """Actor and topic links to insert at the end of an article, in one statement each."""

    actors: set[tuple[int, int]] = field(default_factory=set)
    topics: set[tuple[int, int]] = field(default_factory=set)

    def add(self, event_id: int, actor_slugs, topic_slugs) -> None:
        """Queue links from event to actors and topics (by slug)."""
        known_actors, known_topics = row_ids()
        self.actors.update((event_id, known_actors[s]) for s in actor_slugs if s in known_actors)
        self.topics.update((event_id, known_topics[s]) for s in topic_slugs if s in known_topics)

    def save(self) -> None:
        """Insert the queued links."""
        if self.actors:
            EventActor.insert_many(sorted(self.actors), fields=[EventActor.event, EventActor.actor]).execute()
        if self.topics:
            EventTopic.insert_many(sorted(self.topics), fields=[EventTopic.event, EventTopic.topic]).execute()


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
    events, links = {}, Links()
    for draft in drafts:
        actor_ids(draft.actors)
        found = merge_target(draft, registry, list(events))
        if found is None:
            event = new_event(draft, article, reuse)
            add_source(event, article, draft)
            links.add(event.id, draft.actor_slugs, draft.topics)
        else:
            event, sources = found
            source = add_source(event, article, draft)
            old_actors, old_topics = _slugs(sources)
            derive(event, sources + [source], registry)
            links.add(event.id, set(draft.actor_slugs) - old_actors, set(draft.topics) - old_topics)
        events.setdefault(event.id, event)
    links.save()
    return list(events.values())


def report_of(draft: Draft) -> Report:
    """Return what merging compares of a draft."""
    return Report(draft.start_date, draft.end_date,
                  frozenset(a.slug for a in draft.actors if a.kind != "country"),
                  frozenset(a.slug for a in draft.actors if a.kind == "country"),
                  frozenset(draft.topics), draft.words)


def reports_of_event(start, end, sources: list[tuple], registry: Registry) -> list[Report]:
    """Return what merging compares of each source of a stored event: (title, actors, topics) at the event's date."""
    reports = []
    for title, actor_slugs, topic_slugs in sources:
        persons, countries = set(), set()
        for slug in actor_slugs or ():
            spec = registry.specs.get(slug)
            (countries if spec and spec.kind == "country" else persons).add(slug)
        reports.append(Report(start, end, frozenset(persons), frozenset(countries), frozenset(topic_slugs or ()),
                              keywords(title or "")))
    return reports


# Written by hand: peewee takes milliseconds to build this nested query, longer than running it.
# Dates must nest; when the draft names people, a candidate must share one (or be this article's own
# event, whose links are not written yet): without a shared person a nested date never reaches the merge
# threshold, and an event of other people scores zero.
CANDIDATES_SQL = """
SELECT s.event_id, e.date_start, e.date_end, s.title, s.actors, s.topics
FROM eventsource s JOIN event e ON e.id = s.event_id
WHERE s.event_id IN (
  SELECT e.id FROM event e
  WHERE EXISTS (SELECT 1 FROM eventsource s WHERE s.event_id = e.id)
    AND ((e.date_start = {p} AND e.date_end = {p})
         OR (e.date_start <= {p} AND e.date_end >= {p}) OR (e.date_start >= {p} AND e.date_end <= {p}))
    AND ({any_event}
         OR e.id IN (SELECT a.event_id FROM eventactor a WHERE a.actor_id IN ({people})) OR e.id IN ({fresh}))
    AND (NOT {any_event} OR (e.date_start = {p} AND e.date_end = {p}))
  ORDER BY CASE WHEN e.date_start = {p} AND e.date_end = {p} THEN 0 ELSE 1 END, e.id
  LIMIT {limit})
"""


def candidates(draft: Draft, people: list[int], fresh: list[int]) -> dict[int, tuple]:
    """Return {event id: (start, end, [(title, actors, topics) of each source])} of events draft may report."""
    p = db.param
    any_event = "FALSE" if people else "TRUE"
    sql = CANDIDATES_SQL.format(p=p, any_event=any_event, people=", ".join([p] * len(people)) or "NULL",
                                fresh=", ".join([p] * len(fresh)) or "NULL", limit=MAX_CANDIDATES)
    start, end = draft.start_date.isoformat(), draft.end_date.isoformat()
    params = [start, end, start, end, start, end, *people, *fresh, start, end, start, end]
    day, as_list = Event.date_start.python_value, EventSource.actors.python_value
    found: dict[int, tuple] = {}
    for event_id, first, last, title, actors, topics in db.execute_sql(sql, params).fetchall():
        entry = found.setdefault(event_id, (day(first), day(last), []))
        entry[2].append((title, as_list(actors), as_list(topics)))
    return found


def merge_target(draft: Draft, registry: Registry, fresh: list[int]) -> tuple[Event, list[EventSource]] | None:
    """Return the stored event draft reports (best score, oldest on a tie) and its sources, if any."""
    # fresh: events this article created, whose actor links are not written yet.
    people = list(actor_ids(tuple(a for a in draft.actors if a.kind != "country")).values())
    draft_report = report_of(draft)
    best, best_score = None, -1.0
    for event_id, (start, end, sources) in sorted(candidates(draft, people, fresh).items()):
        score = same_happening(draft_report, reports_of_event(start, end, sources, registry))
        if score is not None and score > best_score:
            best, best_score = event_id, score
    if best is None:
        return None
    sources = list(EventSource.select(EventSource, Event).join(Event).where(EventSource.event == best))
    return sources[0].event, sources


def new_event(draft: Draft, article, reuse: Reuse | None) -> Event:
    """Create the event for draft, reviving the old row of the same happening during a rebuild."""
    fields = dict(value=draft.value, date_start=draft.start_date, date_end=draft.end_date,
                  granularity=draft.granularity, modifier=draft.modifier, title=draft.title, status=draft.status,
                  confidence=draft.confidence, fingerprint=draft.fingerprint)
    old = reuse.take(article.id, draft) if reuse else None
    if old is not None:
        Event.update(updated_at=utcnow(), **fields).where(Event.id == old).execute()
        return Event(id=old, **fields)
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


def add_source(event: Event, article, draft: Draft) -> EventSource:
    """Record article's report of the event."""
    return EventSource.create(
        event=event.id, article=article.id, quote=draft.quote, start=draft.quote_start, end=draft.quote_end,
        expression=draft.expression, expression_start=draft.expression_start, expression_end=draft.expression_end,
        confidence=draft.confidence, title=draft.title, value=draft.value, date_start=draft.start_date,
        date_end=draft.end_date, granularity=draft.granularity, modifier=draft.modifier, status=draft.status,
        actors=list(draft.actor_slugs), topics=list(draft.topics),
    )


def _slugs(sources: list[EventSource]) -> tuple[set[str], set[str]]:
    """Return the actor and topic slugs of sources."""
    return ({slug for s in sources for slug in s.actors or ()}, {slug for s in sources for slug in s.topics or ()})


def derive(event: Event, sources: list[EventSource], registry: Registry) -> tuple[list[str], list[str]]:
    """Set and save the event's date, title, status and confidence from its sources; return its actor and topic slugs."""
    sources = sorted(sources, key=lambda s: (s.article_id, s.expression_start))
    narrowest = min(sources, key=lambda s: (s.date_end - s.date_start, s.article_id, s.expression_start))
    # The first report among the most confident ones names the event: stable as later reports arrive.
    best = max(s.confidence for s in sources)
    headline = next(s for s in sources if s.confidence >= best - HEADLINE_MARGIN)
    actors = list(dict.fromkeys(slug for s in sources for slug in s.actors or ()))
    topics = list(dict.fromkeys(slug for s in sources for slug in s.topics or ()))
    specs = [registry.specs.get(slug) or ActorSpec(slug, slug, "person") for slug in actors]
    event.value, event.date_start, event.date_end = narrowest.value, narrowest.date_start, narrowest.date_end
    event.granularity, event.modifier = narrowest.granularity, narrowest.modifier
    event.title = headline.title
    event.status = "past" if any(s.status == "past" for s in sources) else "scheduled"
    event.confidence = round(min(0.99, 1 - prod(1 - s.confidence for s in sources)), 3)
    event.fingerprint = fingerprint(event.value, event.date_start, specs, keywords(event.title))
    event.updated_at = utcnow()
    event.save()
    return actors, topics


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
    registry, _ = vocabulary()
    event_ids = sorted({s.event_id for s in EventSource.select(EventSource.event).where(EventSource.article == article.id)})
    EventSource.delete().where(EventSource.article == article.id).execute()
    known_actors, known_topics = row_ids()
    for event in Event.select().where(Event.id.in_(event_ids)).order_by(Event.id):
        sources = list(event.sources)
        if not sources:
            EventActor.delete().where(EventActor.event == event.id).execute()
            EventTopic.delete().where(EventTopic.event == event.id).execute()
            event.delete_instance()
            continue
        actors, topics = derive(event, sources, registry)
        actor_ids(tuple(registry.specs[s] for s in actors if s in registry.specs))
        _relink(EventActor, EventActor.actor, event.id, [known_actors[s] for s in actors if s in known_actors])
        _relink(EventTopic, EventTopic.topic, event.id, [known_topics[s] for s in topics if s in known_topics])
