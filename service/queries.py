"""Turn the API's query arguments into SQL, in one place: filters, full-text search, keyset pages."""
import re
from datetime import date, timezone

from peewee import JOIN, SQL, fn

from .db import db, is_postgres
from .models import Actor, Article, Event, EventActor, EventSource, EventTopic, Topic

# Keys for rows without a publication date: they sort after every dated article.
UNDATED = date(1, 1, 1)


class BadCursor(ValueError):
    """A cursor that does not fit the list it was sent to."""


# --- full-text search: an FTS5 table (SQLite) or a tsvector column (PostgreSQL), kept in sync by triggers ---

SQLITE_SEARCH_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS event_search USING fts5(title, quotes, tokenize='porter unicode61')""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(title, body, tokenize='porter unicode61')""",
    """DELETE FROM event_search""",
    """INSERT INTO event_search(rowid, title, quotes)
  SELECT id, title, (SELECT group_concat(quote, ' ') FROM eventsource WHERE event_id = event.id) FROM event""",
    """DELETE FROM article_search""",
    """INSERT INTO article_search(rowid, title, body) SELECT id, title, body FROM article""",
    """CREATE TRIGGER IF NOT EXISTS event_search_insert AFTER INSERT ON event BEGIN
  INSERT INTO event_search(rowid, title, quotes) VALUES (new.id, new.title, '');
END""",
    """CREATE TRIGGER IF NOT EXISTS event_search_update AFTER UPDATE OF title ON event BEGIN
  UPDATE event_search SET title = new.title WHERE rowid = new.id;
END""",
    """CREATE TRIGGER IF NOT EXISTS event_search_delete AFTER DELETE ON event BEGIN
  DELETE FROM event_search WHERE rowid = old.id;
END""",
    """CREATE TRIGGER IF NOT EXISTS eventsource_search_insert AFTER INSERT ON eventsource BEGIN
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM eventsource WHERE event_id = new.event_id)
  WHERE rowid = new.event_id;
END""",
    """CREATE TRIGGER IF NOT EXISTS eventsource_search_update AFTER UPDATE ON eventsource BEGIN
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM eventsource WHERE event_id = old.event_id)
  WHERE rowid = old.event_id;
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM eventsource WHERE event_id = new.event_id)
  WHERE rowid = new.event_id;
END""",
    """CREATE TRIGGER IF NOT EXISTS eventsource_search_delete AFTER DELETE ON eventsource BEGIN
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM eventsource WHERE event_id = old.event_id)
  WHERE rowid = old.event_id;
END""",
    """CREATE TRIGGER IF NOT EXISTS article_search_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_search(rowid, title, body) VALUES (new.id, new.title, new.body);
END""",
    """CREATE TRIGGER IF NOT EXISTS article_search_update AFTER UPDATE OF title, body ON article BEGIN
  UPDATE article_search SET title = new.title, body = new.body WHERE rowid = new.id;
END""",
    """CREATE TRIGGER IF NOT EXISTS article_search_delete AFTER DELETE ON article BEGIN
  DELETE FROM article_search WHERE rowid = old.id;
END""",
]

POSTGRES_SEARCH_DDL = [
    "ALTER TABLE event ADD COLUMN IF NOT EXISTS search tsvector",
    "CREATE INDEX IF NOT EXISTS event_search_idx ON event USING gin(search)",
    """CREATE OR REPLACE FUNCTION event_search_document(integer, text) RETURNS tsvector AS $$
         SELECT to_tsvector('english', coalesce($2, '') || ' ' ||
           coalesce((SELECT string_agg(quote, ' ') FROM eventsource WHERE event_id = $1), ''))
       $$ LANGUAGE sql STABLE""",
    """CREATE OR REPLACE FUNCTION event_search_refresh() RETURNS trigger AS $$ BEGIN
         NEW.search := event_search_document(NEW.id, NEW.title); RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS event_search_refresh ON event",
    """CREATE TRIGGER event_search_refresh BEFORE INSERT OR UPDATE OF title ON event
       FOR EACH ROW EXECUTE FUNCTION event_search_refresh()""",
    """CREATE OR REPLACE FUNCTION eventsource_search_refresh() RETURNS trigger AS $$ BEGIN
         IF TG_OP <> 'INSERT' THEN
           UPDATE event SET search = event_search_document(id, title) WHERE id = OLD.event_id;
         END IF;
         IF TG_OP <> 'DELETE' THEN
           UPDATE event SET search = event_search_document(id, title) WHERE id = NEW.event_id;
         END IF;
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS eventsource_search_refresh ON eventsource",
    """CREATE TRIGGER eventsource_search_refresh AFTER INSERT OR UPDATE OR DELETE ON eventsource
       FOR EACH ROW EXECUTE FUNCTION eventsource_search_refresh()""",
    "UPDATE event SET search = event_search_document(id, title)",
    """ALTER TABLE article ADD COLUMN IF NOT EXISTS search tsvector
       GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED""",
    "CREATE INDEX IF NOT EXISTS article_search_idx ON article USING gin(search)",
]


def create_search_index(database):
    """Create the full-text index over events (title, quotes) and articles (title, body), with its triggers."""
    for statement in POSTGRES_SEARCH_DDL if is_postgres() else SQLITE_SEARCH_DDL:
        database.execute_sql(statement)


def search_terms(q: str) -> list[str]:
    """Split a search into words; punctuation never reaches the search syntax."""
    return re.findall(r"\w+", q)


def matching(table: str, q: str):
    """Return a subquery of the ids in table ('event' or 'article') whose text has every word of q."""
    words = search_terms(q)
    if not words:
        return SQL("(SELECT 0 WHERE 1 = 0)")
    if is_postgres():
        return SQL(f"(SELECT id FROM {table} WHERE search @@ plainto_tsquery('english', %s))", [" ".join(words)])
    phrase = " ".join('"{}"'.format(word) for word in words)
    return SQL(f"(SELECT rowid FROM {table}_search WHERE {table}_search MATCH ?)", [phrase])


# --- vocabulary lookups ---


def _names(row, extra) -> set[str]:
    return {str(row.id), row.slug.casefold(), row.name.casefold(), *(str(a).casefold() for a in (extra or []))}


def actor_ids(value: str) -> list[int]:
    """Return the ids of actors whose id, slug, name or alias is value (case-insensitive)."""
    key = value.strip().casefold()
    return [a.id for a in Actor.select(Actor.id, Actor.slug, Actor.name, Actor.aliases) if key in _names(a, a.aliases)]


def topic_ids(value: str) -> list[int]:
    """Return the ids of topics named by value (id, slug, name or keyword) and of all their sub-topics."""
    key = value.strip().casefold()
    topics = list(Topic.select(Topic.id, Topic.slug, Topic.name, Topic.keywords, Topic.parent))
    found = {t.id for t in topics if key in _names(t, t.keywords)}
    children = {}
    for t in topics:
        children.setdefault(t.parent_id, []).append(t.id)
    todo = list(found)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return sorted(found)


# --- events ---


def filter_events(args: dict):
    """Return the Event query that args (EventFilterArgs) describe."""
    query = Event.select()
    for value in args.get("actor", []):
        linked = EventActor.select(EventActor.event).where(EventActor.actor.in_(actor_ids(value)))
        query = query.where(Event.id.in_(linked))
    for value in args.get("topic", []):
        linked = EventTopic.select(EventTopic.event).where(EventTopic.topic.in_(topic_ids(value)))
        query = query.where(Event.id.in_(linked))
    if args.get("from_"):
        query = query.where(Event.date_end >= args["from_"][0])
    if args.get("to"):
        query = query.where(Event.date_start <= args["to"][1])
    if args.get("granularity"):
        query = query.where(Event.granularity.in_(args["granularity"]))
    if args.get("status"):
        query = query.where(Event.status == args["status"])
    if args.get("article"):
        query = query.where(Event.id.in_(EventSource.select(EventSource.event).where(EventSource.article == args["article"])))
    if args.get("q"):
        query = query.where(Event.id.in_(matching("event", args["q"])))
    return query


def after(columns, key, descending: bool):
    """Return the condition for rows strictly after key in (columns) order."""
    condition = None
    for i, column in enumerate(columns):
        step = column < key[i] if descending else column > key[i]
        for earlier, value in zip(columns[:i], key[:i]):
            step &= earlier == value
        condition = step if condition is None else condition | step
    return condition


def _date(value) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadCursor("cursor does not fit this list") from None


def _id(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadCursor("cursor does not fit this list")
    return value


def keyset_page(query, columns, descending, cursor, limit, tag, key_of):
    """Return (rows, next key) for one page of query ordered by columns, after cursor."""
    if cursor:
        if cursor[0] != tag or len(cursor) != len(columns) + 1:
            raise BadCursor("cursor was issued for another list or sort order")
        query = query.where(after(columns, cursor[1:], descending))
    order = [c.desc() if descending else c.asc() for c in columns]
    rows = list(query.order_by(*order).limit(limit + 1))
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], [tag, *key_of(rows[limit - 1])]


def event_page(args: dict):
    """Return (event dicts, next key, last modified) for a page of /api/events."""
    descending = args["sort"] == "-date"
    cursor = args.get("cursor")
    if cursor:
        cursor = [cursor[0], _date(cursor[1] if len(cursor) > 1 else None), *(_id(v) for v in cursor[2:])]
    rows, key = keyset_page(
        filter_events(args),
        [Event.date_start, Event.id],
        descending,
        cursor,
        args["limit"],
        args["sort"],
        lambda e: [e.date_start.isoformat(), e.id],
    )
    return event_dicts(rows), key, max((e.updated_at for e in rows), default=None)


def timeline_events(args: dict) -> list[dict]:
    """Return the event dicts the timeline export shows, oldest first."""
    rows = filter_events(args).order_by(Event.date_start, Event.date_end, Event.id).limit(args["limit"])
    return event_dicts(list(rows))


def event_detail(event_id: int) -> dict | None:
    """Return one event as a dict, or None."""
    event = Event.get_or_none(Event.id == event_id)
    return event_dicts([event])[0] if event else None


def article_ref(article) -> dict:
    """Return the short form of an article that event sources carry."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published_at": article.published_at,
    }


def event_dicts(events) -> list[dict]:
    """Return events with their date, actors, topics and sources, in three queries whatever their number."""
    ids = [e.id for e in events]
    actors, topics, sources = {}, {}, {}
    for link in EventActor.select(EventActor.event, Actor).join(Actor).where(EventActor.event.in_(ids)).order_by(Actor.slug):
        actors.setdefault(link.event_id, []).append(
            {"id": link.actor.id, "slug": link.actor.slug, "name": link.actor.name, "kind": link.actor.kind}
        )
    for link in EventTopic.select(EventTopic.event, Topic).join(Topic).where(EventTopic.event.in_(ids)).order_by(Topic.slug):
        topics.setdefault(link.event_id, []).append({"id": link.topic.id, "slug": link.topic.slug, "name": link.topic.name})
    query = (
        EventSource.select(EventSource, Article)
        .join(Article)
        .where(EventSource.event.in_(ids))
        .order_by(EventSource.event, Article.published_on, Article.id, EventSource.start)
    )
    for source in query:
        sources.setdefault(source.event_id, []).append(
            {
                "article": article_ref(source.article),
                "quote": source.quote,
                "start": source.start,
                "end": source.end,
                "expression": source.expression,
            }
        )
    return [
        {
            "id": e.id,
            "date": {
                "value": e.value,
                "start": e.date_start,
                "end": e.date_end,
                "granularity": e.granularity,
                "modifier": e.modifier,
            },
            "title": e.title,
            "status": e.status,
            "confidence": e.confidence,
            "actors": actors.get(e.id, []),
            "topics": topics.get(e.id, []),
            "sources": sources.get(e.id, []),
        }
        for e in events
    ]


# --- articles ---


def _article_counts(query):
    counts = fn.COUNT(fn.DISTINCT(EventSource.event))
    return query.select_extend(counts.alias("events")).join(EventSource, JOIN.LEFT_OUTER, on=EventSource.article == Article.id).group_by(Article.id)


def article_dict(article) -> dict:
    """Return an article's list form."""
    return {
        **article_ref(article),
        "language": article.language,
        # Stored naive in UTC; an offset makes it an RFC 3339 date-time.
        "created_at": article.created_at.replace(tzinfo=timezone.utc),
        "events": getattr(article, "events", None) or 0,
    }


def article_page(args: dict):
    """Return (article dicts, next key, last modified) for a page of /api/articles, newest publication first."""
    query = Article.select()
    if args.get("source"):
        query = query.where(fn.LOWER(Article.source) == args["source"].lower())
    if args.get("from_"):
        query = query.where(Article.published_on >= args["from_"][0])
    if args.get("to"):
        query = query.where(Article.published_on <= args["to"][1])
    if args.get("q"):
        query = query.where(Article.id.in_(matching("article", args["q"])))
    cursor = args.get("cursor")
    if cursor:
        cursor = [cursor[0], _date(cursor[1] if len(cursor) > 1 else None), *(_id(v) for v in cursor[2:])]
    published = fn.COALESCE(Article.published_on, UNDATED)
    rows, key = keyset_page(
        _article_counts(query),
        [published, Article.id],
        True,
        cursor,
        args["limit"],
        "articles",
        lambda a: [(a.published_on or UNDATED).isoformat(), a.id],
    )
    return [article_dict(a) for a in rows], key, max((a.created_at for a in rows), default=None)


def article_summary(article_id: int) -> dict:
    """Return one article's list form."""
    return article_dict(_article_counts(Article.select()).where(Article.id == article_id).first())


def article_detail(article_id: int, with_mentions: bool = True) -> dict | None:
    """Return one article with its body, its date mentions and its events, or None."""
    from .extraction import extract

    article = _article_counts(Article.select()).where(Article.id == article_id).first()
    if article is None:
        return None
    events = Event.select().where(Event.id.in_(EventSource.select(EventSource.event).where(EventSource.article == article.id)))
    mentions = [m.to_dict() for m in extract(article.body, article.published_at)] if with_mentions else []
    return {
        **article_dict(article),
        "body": article.body,
        "mentions": mentions,
        "events": event_dicts(list(events.order_by(Event.date_start, Event.id))),
    }


# --- actors and topics ---


def _vocabulary_page(model, link, args, words_field):
    query = model.select(model, fn.COUNT(link.id).alias("events")).join(link, JOIN.LEFT_OUTER).group_by(model.id)
    if args.get("q"):
        # Through LOWER(): case-insensitive on both backends, and the JSON list is searched as plain text.
        q = args["q"].lower()
        query = query.where(fn.LOWER(model.name).contains(q) | fn.LOWER(model.slug).contains(q) | fn.LOWER(words_field).contains(q))
    cursor = args.get("cursor")
    if cursor and not (len(cursor) == 2 and isinstance(cursor[1], str)):
        raise BadCursor("cursor does not fit this list")
    return keyset_page(query, [model.slug], False, cursor, args["limit"], model._meta.table_name, lambda row: [row.slug])


def actor_dict(actor) -> dict:
    """Return an actor with its event count."""
    return {
        "id": actor.id,
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": actor.aliases or [],
        "events": getattr(actor, "events", None) or 0,
    }


def parents_of(topics) -> dict:
    """Return {id: topic} for the parents of topics, in one query."""
    ids = {t.parent_id for t in topics if t.parent_id}
    return {p.id: p for p in Topic.select(Topic.id, Topic.slug, Topic.name).where(Topic.id.in_(list(ids)))} if ids else {}


def topic_dict(topic, parents: dict) -> dict:
    """Return a topic with its parent (looked up in parents) and event count."""
    parent = parents.get(topic.parent_id)
    return {
        "id": topic.id,
        "slug": topic.slug,
        "name": topic.name,
        "keywords": topic.keywords or [],
        "parent": {"id": parent.id, "slug": parent.slug, "name": parent.name} if parent else None,
        "events": getattr(topic, "events", None) or 0,
    }


def actor_page(args: dict):
    """Return (actor dicts, next key, last modified) for a page of /api/actors, by slug."""
    rows, key = _vocabulary_page(Actor, EventActor, args, Actor.aliases)
    return [actor_dict(a) for a in rows], key, max((a.created_at for a in rows), default=None)


def topic_page(args: dict):
    """Return (topic dicts, next key, last modified) for a page of /api/topics, by slug."""
    rows, key = _vocabulary_page(Topic, EventTopic, args, Topic.keywords)
    parents = parents_of(rows)
    return [topic_dict(t, parents) for t in rows], key, max((t.created_at for t in rows), default=None)


def actor_detail(actor_id: int) -> dict | None:
    """Return one actor with its event count, or None."""
    row = Actor.select(Actor, fn.COUNT(EventActor.id).alias("events")).join(EventActor, JOIN.LEFT_OUTER).where(Actor.id == actor_id).group_by(Actor.id).first()
    return actor_dict(row) if row else None


def topic_detail(topic_id: int) -> dict | None:
    """Return one topic with its event count, or None."""
    row = Topic.select(Topic, fn.COUNT(EventTopic.id).alias("events")).join(EventTopic, JOIN.LEFT_OUTER).where(Topic.id == topic_id).group_by(Topic.id).first()
    return topic_dict(row, parents_of([row])) if row else None


def database_ready() -> bool:
    """Run a trivial query: True when the database answers."""
    db.execute_sql("SELECT 1")
    return True
