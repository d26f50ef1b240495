"""Store event drafts: merge each into the event it reports or a new one, with its actors and topics."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from math import ceil, prod

from ..db import db
from ..event_walk import granularity_spans
from ..entities import ActorSpec, Registry
from ..extraction import extract
from ..models import Actor, Event, EventActor, EventSource, EventTopic, utcnow
from .drafts import Draft, build_drafts
from .kinds import kind_of, kinds
from .locks import lock_merging
from .similarity import Report, fingerprint, keywords, nested, same_happening
from .vocabulary import Vocabulary, current

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


# The event columns derive() sets (besides its dates and updated_at), read with the candidates.
STORED_FIELDS = ("value", "granularity", "modifier", "title", "status", "confidence", "fingerprint")
SOURCE_FIELDS = ("event", "article", "quote", "start", "end", "expression", "expression_start", "expression_end",
                 "confidence", "title", "value", "date_start", "date_end", "granularity", "modifier", "status",
                 "actors", "topics")
# Rows per INSERT: far below SQLite's and PostgreSQL's limits on parameters per statement.
INSERT_CHUNK = 500


@dataclass(frozen=True, slots=True)
class SourceRow:
    """What derive() reads of one report of an event: a stored source or the one being added."""

    article_id: int
    expression_start: int
    date_start: date
    date_end: date
    confidence: float
    title: str | None
    status: str | None
    value: str | None
    granularity: str | None
    modifier: str | None
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    # How many identical reports this row stands for (article_id, expression_start: the first of them).
    copies: int = 1

    @classmethod
    def of(cls, source: EventSource) -> SourceRow:
        """Return the row of a stored source."""
        return cls(source.article_id, source.expression_start, source.date_start, source.date_end, source.confidence,
                   source.title, source.status, source.value, source.granularity, source.modifier,
                   tuple(source.actors or ()), tuple(source.topics or ()))


@dataclass(frozen=True)
class Drafted:
    """An article's event drafts and the vocabulary they were resolved with."""

    drafts: list[Draft]
    vocabulary: Vocabulary


def draft_events(article) -> Drafted:
    """Return the event drafts of an article (extraction and resolution: CPU only, no write lock needed)."""
    vocabulary = current()
    published = article.published_at or article.published_on
    drafts = build_drafts(article.body, published, extract(article.body, published), vocabulary.registry,
                          vocabulary.taxonomy)
    return Drafted(drafts, vocabulary)


def attach_events(article, reuse: Reuse | None = None) -> list[int]:
    """Create or extend the events article reports (article.drafted, when drafted already); return their ids in text order."""
    drafted = getattr(article, "drafted", None) or draft_events(article)
    if not drafted.drafts:
        return []
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
        people = candidate_actors(draft, known)
        referent = event_of[draft.follows] if draft.follows is not None else None
        found = merge_target(draft, vocabulary.registry, people, list(events), pending.by_event, spans, referent)
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


def candidate_actors(draft: Draft, known: dict[str, int]) -> list[int]:
    """Return the row ids of the actors whose events draft may report: its people, and its countries when it names
    no people ("the two sides") or tells a kind of happening (an unnamed summit's pair may be a visit's hosts)."""
    persons = [known[a.slug] for a in draft.actors if a.kind != "country"]
    kind = kind_of(draft.title)
    if persons and (kind is None or kind in kinds().saying):
        return persons
    return persons + [known[a.slug] for a in draft.actors if a.kind == "country"]


def report_of(draft: Draft) -> Report:
    """Return what merging compares of a draft."""
    return Report(draft.start_date, draft.end_date,
                  frozenset(a.slug for a in draft.actors if a.kind != "country"),
                  frozenset(a.slug for a in draft.actors if a.kind == "country"),
                  frozenset(draft.topics), draft.words, kind_of(draft.title))


def reports_of_event(start, end, sources: list[SourceRow], registry: Registry) -> list[Report]:
    """Return what merging compares of each source of a stored event: its title, actors, topics at the event's date."""
    reports = []
    for source in sources:
        persons, countries = set(), set()
        for slug in source.actors:
            spec = registry.specs.get(slug)
            (countries if spec and spec.kind == "country" else persons).add(slug)
        reports.append(Report(start, end, frozenset(persons), frozenset(countries), frozenset(source.topics),
                              keywords(source.title or ""), kind_of(source.title or "")))
    return reports


# Written by hand: peewee takes milliseconds to build this nested query, longer than running it. It reads
# everything merging and derive() need of each candidate's sources, so the chosen event costs no second query.
# Identical reports (a wire story many outlets carry, a re-captured page) come back as one row with their count
# and the first one's place: a busy event's hundreds of copies cost merging one row, not one each.
# "Has a source" is a scalar subquery with LIMIT 1: as EXISTS beside an OR, PostgreSQL hashed every source row
# of the database for each draft instead of probing the index for the few events of the date.
# Dates must nest; when the draft names people, a candidate must share one (or be this article's own
# event, whose links are not written yet): without a shared person a nested date never reaches the merge
# threshold, and an event of other people scores zero.
CANDIDATES_SQL = """
SELECT e.id, e.date_start, e.date_end, e.value, e.granularity, e.modifier, e.title, e.status, e.confidence,
       e.fingerprint, count(s.id), min(CAST(s.article_id AS BIGINT) * {place} + s.expression_start), s.date_start,
       s.date_end, s.confidence, s.title, s.status, s.value, s.granularity, s.modifier, s.actors, s.topics
FROM event e LEFT JOIN eventsource s ON s.event_id = e.id
WHERE e.id IN (
  SELECT e.id FROM event e
  WHERE e.id IN ({found})
    AND (e.id IN ({fresh}) OR (SELECT 1 FROM eventsource s WHERE s.event_id = e.id LIMIT 1) IS NOT NULL)
  ORDER BY CASE WHEN e.date_start = {p} AND e.date_end = {p} THEN 0 ELSE 1 END, e.id
  LIMIT {limit})
GROUP BY e.id, s.date_start, s.date_end, s.confidence, s.title, s.status, s.value, s.granularity, s.modifier,
         s.actors, s.topics
ORDER BY min(s.id)
"""
# A report's place (article id, then offset) as one number for min(): above any article's length.
PLACE = 10 ** 9


# A busy event's sources come back with every report of it: decode each distinct stored value once.
@lru_cache(maxsize=1 << 14)
def _day(value) -> date | None:
    """Return a stored date (ISO text on SQLite, a date on PostgreSQL) as a date."""
    return Event.date_start.python_value(value)


@lru_cache(maxsize=1 << 14)
def _slug_list(value: str | None) -> tuple[str, ...]:
    """Return a stored JSON list of slugs as a tuple."""
    return tuple(EventSource.actors.python_value(value) or ())


@dataclass
class Candidate:
    """A stored event draft may report: its row as stored and every report of it."""

    start: date
    end: date
    stored: dict  # the event's derived fields as stored, so an update writes only what changed
    sources: list[SourceRow] = field(default_factory=list)


def related_events(start: date, end: date, people: list[int], fresh: list[int],
                   spans: list[tuple[str, float]]) -> tuple[str, list]:
    """Return a query of the events a draft dated start..end may report, and its parameters.

    With people: events dated the same, around or within the draft's dates that name one of them; without:
    events dated exactly the same. This article's own events (fresh: created or joined, so the only ones whose
    dates can have changed since spans, each granularity's longest span, was read) qualify by their dates
    alone. Each part is an index range, so the cost follows the events near the draft's dates, not the size
    of the database or how often a person is in the news (on 1M events: 150-1,160 ms -> 3-26 ms a draft).
    """
    p, dates = db.param, [start.isoformat(), end.isoformat()]
    # Around or within the draft (with people), else the same dates; `x` is the table's alias.
    relation, relation_params = (
        ("((x.date_start <= {p} AND x.date_end >= {p}) OR (x.date_start >= {p} AND x.date_end <= {p}))", dates * 2)
        if people else ("x.date_start = {p} AND x.date_end = {p}", dates))
    relation = relation.format(p=p)
    parts, params = [], []
    if fresh:
        parts.append(f"SELECT x.id FROM event x WHERE x.id IN ({', '.join([p] * len(fresh))}) AND {relation}")
        params += [*fresh, *relation_params]
    if not people:
        parts.append(f"SELECT x.id FROM event x WHERE {relation}")
        params += relation_params
    else:
        named = f"x.actor_id IN ({', '.join([p] * len(people))})"
        # The links carry their event's granularity and dates (migration 40); within a granularity an event
        # around the draft starts at most that granularity's longest span earlier, so each range is bounded.
        for granularity, span in spans:
            earliest = start - timedelta(days=min(ceil(span or 0), (start - date.min).days))
            parts.append(f"SELECT x.event_id FROM eventactor x WHERE {named} AND x.granularity = {p} "
                         f"AND x.date_start >= {p} AND x.date_start <= {p} AND {relation}")
            params += [*people, granularity, earliest.isoformat(), dates[1], *relation_params]
    return " UNION ALL ".join(parts) or "SELECT 0 WHERE 1 = 0", params


def candidates(draft: Draft, people: list[int], fresh: list[int], pending: dict[int, list[SourceRow]],
               spans: list[tuple[str, float]]) -> dict[int, Candidate]:
    """Return the events draft may report by id, with their sources (this article's pending ones last)."""
    p = db.param
    found_sql, found_params = related_events(draft.start_date, draft.end_date, people, fresh, spans)
    sql = CANDIDATES_SQL.format(p=p, found=found_sql, fresh=", ".join([p] * len(fresh)) or "NULL",
                                limit=MAX_CANDIDATES, place=PLACE)
    start, end = draft.start_date.isoformat(), draft.end_date.isoformat()
    params = [*found_params, *fresh, start, end]
    day, as_list = _day, _slug_list
    found: dict[int, Candidate] = {}
    for row in db.execute_sql(sql, params).fetchall():
        event_id, first, last, *stored, copies, place, source_start, source_end, confidence, title, status, value, \
            granularity, modifier, actors, topics = row
        entry = found.get(event_id)
        if entry is None:
            entry = found[event_id] = Candidate(day(first), day(last), dict(
                zip(STORED_FIELDS, stored), date_start=day(first), date_end=day(last)))
        if copies:  # else an event of this article, its sources all pending
            entry.sources.append(SourceRow(place // PLACE, place % PLACE, day(source_start), day(source_end),
                                           confidence, title, status, value, granularity, modifier, as_list(actors),
                                           as_list(topics), copies))
    for event_id, entry in found.items():
        entry.sources.extend(pending.get(event_id, ()))
    return found


def merge_target(draft: Draft, registry: Registry, people: list[int], fresh: list[int],
                 pending: dict[int, list[SourceRow]], spans: list[tuple[str, float]],
                 referent: int | None = None) -> tuple[int, Candidate] | None:
    """Return the id of the stored event draft reports (best score, oldest on a tie) and the event, if any."""
    # people: row ids of the draft's people; fresh: events this article created or joined, whose links and
    # sources are not all written yet; pending: this article's sources by event; spans: each granularity's
    # longest span when merging began; referent: the event of the earlier
    # sentence draft refers back to ("The talks were held..."), joined whenever the dates still nest.
    draft_report = report_of(draft)
    found = candidates(draft, people, fresh, pending, spans)
    if referent in found:
        entry = found[referent]
        if all(nested(draft_report, r) for r in reports_of_event(entry.start, entry.end, entry.sources, registry)):
            return referent, entry
    best, best_score = None, -1.0
    for event_id, entry in sorted(found.items()):
        score = same_happening(draft_report, reports_of_event(entry.start, entry.end, entry.sources, registry),
                               [s.copies for s in entry.sources])
        if score is not None and score > best_score:
            best, best_score = (event_id, entry), score
    return best


# INSERTs written by hand: peewee spends about 0.5 ms building each one, more than SQLite takes to run it.
@lru_cache(maxsize=None)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int, param: str, returning: bool) -> str:
    """Return an INSERT of rows rows into table's columns, giving back the id when returning."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(["(" + ", ".join([param] * len(columns)) + ")"] * rows)
    return f'INSERT INTO "{table}" ({quoted}) VALUES {values}' + (' RETURNING "id"' if returning else "")


def _insert(model, values: dict) -> int:
    """Insert one row of model from {field name: python value}; return its id."""
    fields = [model._meta.fields[name] for name in values]
    sql = _insert_sql(model._meta.table_name, tuple(f.column_name for f in fields), 1, db.param, True)
    return db.execute_sql(sql, [f.db_value(values[f.name]) for f in fields]).fetchone()[0]


def insert_rows(model, names: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows (python values of the fields names) into model, a few hundred per statement."""
    fields = [model._meta.fields[name] for name in names]
    columns = tuple(f.column_name for f in fields)
    for first in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[first:first + INSERT_CHUNK]
        params = [f.db_value(value) for row in chunk for f, value in zip(fields, row)]
        db.execute_sql(_insert_sql(model._meta.table_name, columns, len(chunk), db.param, False), params)


def update_event(event_id: int, values: dict) -> None:
    """Write values (field name: python value) to one event row."""
    fields = [Event._meta.fields[name] for name in values]
    assignments = ", ".join(f'"{f.column_name}" = {db.param}' for f in fields)
    db.execute_sql(f'UPDATE "event" SET {assignments} WHERE "id" = {db.param}',
                   [f.db_value(values[f.name]) for f in fields] + [event_id])


def stamp_events(event_ids: list[int]) -> None:
    """Set the updated_at of events to now, in one statement."""
    if event_ids:
        p = db.param
        db.execute_sql(f'UPDATE "event" SET "updated_at" = {p} WHERE "id" IN ({", ".join([p] * len(event_ids))})',
                       [Event.updated_at.db_value(utcnow()), *event_ids])


def new_event(draft: Draft, article, reuse: Reuse | None) -> int:
    """Create the event for draft, reviving the old row of the same happening during a rebuild; return its id."""
    now = utcnow()
    fields = dict(value=draft.value, date_start=draft.start_date, date_end=draft.end_date,
                  granularity=draft.granularity, modifier=draft.modifier, title=draft.title, status=draft.status,
                  confidence=draft.confidence, fingerprint=draft.fingerprint, updated_at=now)
    old = reuse.take(article.id, draft) if reuse else None
    if old is not None:
        update_event(old, fields)
        return old
    return _insert(Event, {**fields, "created_at": now})


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
    # The first report among the most confident ones names the event: stable as later reports arrive.
    best = max(s.confidence for s in sources)
    headline = next(s for s in sources if s.confidence >= best - HEADLINE_MARGIN)
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
    vocabulary = current()
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
