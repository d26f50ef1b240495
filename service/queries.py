"""Turn the API's query arguments into SQL, in one place: filters, full-text search, keyset pages."""
import json
import re
from datetime import date, timezone

from peewee import JOIN, SQL, fn

from .db import db, is_postgres
from .entities import names
from .event_view import event_dicts, marks
from .event_walk import as_date, walk_dates, walk_links
from .models import Actor, Article, Event, EventActor, EventSource, EventTopic, Topic

# Keys for rows without a publication date: they sort after every dated article.
UNDATED = date(1, 1, 1)


class BadCursor(ValueError):
    """A cursor that does not fit the list it was sent to."""


class UnknownName(ValueError):
    """An actor or topic filter value that names nothing: a typo must not look like "no events"."""

    def __init__(self, field: str, value: str):
        super().__init__(f"no {field} matches '{value}'")
        self.field = field


# --- full-text search: an FTS5 table (SQLite) or a tsvector column (PostgreSQL), kept in sync by triggers ---

# An event's FTS5 row holds its title and its distinct quotes; FTS5 rewrites (and re-tokenises) a row to change
# it. A source whose quote the event already has (a syndicated copy) leaves the row alone, and so does deleting
# one whose quote another source still has (migration 31): a busy event's copies no longer cost a rewrite each.
SQLITE_SOURCE_SEARCH_DDL = [
    "DROP TRIGGER IF EXISTS eventsource_search_insert",
    """CREATE TRIGGER eventsource_search_insert AFTER INSERT ON eventsource
  WHEN NOT EXISTS (SELECT 1 FROM eventsource WHERE event_id = new.event_id AND quote = new.quote AND id <> new.id)
BEGIN
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM
    (SELECT DISTINCT quote FROM eventsource WHERE event_id = new.event_id)) WHERE rowid = new.event_id;
END""",
    "DROP TRIGGER IF EXISTS eventsource_search_update",
    """CREATE TRIGGER eventsource_search_update AFTER UPDATE ON eventsource BEGIN
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM
    (SELECT DISTINCT quote FROM eventsource WHERE event_id = old.event_id)) WHERE rowid = old.event_id;
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM
    (SELECT DISTINCT quote FROM eventsource WHERE event_id = new.event_id)) WHERE rowid = new.event_id;
END""",
    "DROP TRIGGER IF EXISTS eventsource_search_delete",
    """CREATE TRIGGER eventsource_search_delete AFTER DELETE ON eventsource
  WHEN NOT EXISTS (SELECT 1 FROM eventsource WHERE event_id = old.event_id AND quote = old.quote)
BEGIN
  UPDATE event_search SET quotes = (SELECT group_concat(quote, ' ') FROM
    (SELECT DISTINCT quote FROM eventsource WHERE event_id = old.event_id)) WHERE rowid = old.event_id;
END""",
]

SQLITE_SEARCH_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS event_search USING fts5(title, quotes, tokenize='porter unicode61')""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(title, body, tokenize='porter unicode61')""",
    """DELETE FROM event_search""",
    """INSERT INTO event_search(rowid, title, quotes)
  SELECT id, title, (SELECT group_concat(quote, ' ') FROM (SELECT DISTINCT quote FROM eventsource WHERE event_id = event.id))
  FROM event""",
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
    *SQLITE_SOURCE_SEARCH_DDL,
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

# Sources keep their event's search vector current once per statement, not per row: an article's sources are
# one INSERT. An insert appends the vector of quotes new to the event (tsvector || shifts positions; search only
# matches words, so this equals re-reading every quote) instead of re-tokenising the event's earlier quotes,
# which made each report of a busy event cost as much as all its reports so far; a syndicated copy's quote,
# already there, changes nothing. A delete re-reads an event only when a quote left it entirely; updates, rare,
# re-read the touched events (migrations 30, 32).
POSTGRES_SOURCE_SEARCH_DDL = [
    # The per-row trigger these replace (databases created before migration 30 have it).
    "DROP TRIGGER IF EXISTS eventsource_search_refresh ON eventsource",
    "DROP FUNCTION IF EXISTS eventsource_search_refresh()",
    # An event's title and distinct quotes, as its search vector is when rebuilt.
    """CREATE OR REPLACE FUNCTION event_search_document(integer, text) RETURNS tsvector AS $$
         SELECT to_tsvector('english', coalesce($2, '') || ' ' ||
           coalesce((SELECT string_agg(DISTINCT quote, ' ') FROM eventsource WHERE event_id = $1), ''))
       $$ LANGUAGE sql STABLE""",
    """CREATE OR REPLACE FUNCTION eventsource_search_append() RETURNS trigger AS $$ BEGIN
         UPDATE event e SET search = coalesce(e.search, ''::tsvector) || to_tsvector('english', q.quotes)
         FROM (SELECT event_id, string_agg(quote, ' ') AS quotes FROM new_sources n
               WHERE NOT EXISTS (SELECT 1 FROM eventsource s WHERE s.event_id = n.event_id AND s.quote = n.quote
                                 AND s.id < n.id)
               GROUP BY event_id) q
         WHERE e.id = q.event_id;
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION eventsource_search_reread() RETURNS trigger AS $$ BEGIN
         UPDATE event SET search = event_search_document(id, title) WHERE id IN (SELECT event_id FROM old_sources);
         UPDATE event SET search = event_search_document(id, title)
         WHERE id IN (SELECT event_id FROM new_sources EXCEPT SELECT event_id FROM old_sources);
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION eventsource_search_forget() RETURNS trigger AS $$ BEGIN
         UPDATE event SET search = event_search_document(id, title)
         WHERE id IN (SELECT o.event_id FROM old_sources o WHERE NOT EXISTS (
           SELECT 1 FROM eventsource s WHERE s.event_id = o.event_id AND s.quote = o.quote));
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS eventsource_search_insert ON eventsource",
    """CREATE TRIGGER eventsource_search_insert AFTER INSERT ON eventsource
       REFERENCING NEW TABLE AS new_sources FOR EACH STATEMENT EXECUTE FUNCTION eventsource_search_append()""",
    "DROP TRIGGER IF EXISTS eventsource_search_update ON eventsource",
    """CREATE TRIGGER eventsource_search_update AFTER UPDATE ON eventsource
       REFERENCING OLD TABLE AS old_sources NEW TABLE AS new_sources
       FOR EACH STATEMENT EXECUTE FUNCTION eventsource_search_reread()""",
    "DROP TRIGGER IF EXISTS eventsource_search_delete ON eventsource",
    """CREATE TRIGGER eventsource_search_delete AFTER DELETE ON eventsource
       REFERENCING OLD TABLE AS old_sources FOR EACH STATEMENT EXECUTE FUNCTION eventsource_search_forget()""",
]

POSTGRES_SEARCH_DDL = [
    "ALTER TABLE event ADD COLUMN IF NOT EXISTS search tsvector",
    "CREATE INDEX IF NOT EXISTS event_search_idx ON event USING gin(search)",
    """CREATE OR REPLACE FUNCTION event_search_refresh() RETURNS trigger AS $$ BEGIN
         NEW.search := event_search_document(NEW.id, NEW.title); RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS event_search_refresh ON event",
    """CREATE TRIGGER event_search_refresh BEFORE INSERT OR UPDATE OF title ON event
       FOR EACH ROW EXECUTE FUNCTION event_search_refresh()""",
    *POSTGRES_SOURCE_SEARCH_DDL,
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


# The ASCII letters casefold() also makes out of other letters ("ß" -> "ss", "ﬁ" -> "fi", Kelvin sign -> "k"):
# sorted({x for c in map(chr, range(0x80, 0x110000)) for x in c.casefold() if x.isascii()})
FOLDED_FROM_OTHERS = "afhijklnstwy"


def name_pattern(key: str) -> str:
    """Return a LIKE pattern that every name or JSON word list whose casefold() holds key matches."""
    # The key's digits and ASCII letters that only an ASCII letter folds to, in order; anything else may differ.
    return "%" + "%".join(run for run in re.split(f"[^a-z0-9]|[{FOLDED_FROM_OTHERS}]", key) if run) + "%"


def _candidates(table: str, words: str, key: str) -> list[tuple]:
    """Return (id, slug, name, words) of the rows of table key may name: a superset, checked in Python."""
    # LIKE ignores ASCII case on SQLite, ILIKE on PostgreSQL; a scan of ~2,000 short rows. Raw SQL: on the hot
    # path of every filtered page, building the peewee query cost several times running it.
    like, p = ("ILIKE" if is_postgres() else "LIKE"), db.param
    sql = f"SELECT id, slug, name, {words} FROM {table} WHERE slug {like} {p} OR name {like} {p} OR {words} {like} {p}"
    params = [name_pattern(key)] * 3
    if key.isdigit() and int(key) < 2**31:
        sql += f" OR id = {p}"
        params.append(int(key))
    return db.execute_sql(sql, params).fetchall()


def by_slug(table: str, key: str) -> list[int]:
    """Return the id of the row whose slug is key: a slug names its row alone, found by the unique index."""
    return [row_id for row_id, in db.execute_sql(f"SELECT id FROM {table} WHERE slug = {db.param}", [key])]


def _named(key: str, row) -> bool:
    row_id, slug, name, words = row
    return key in {str(row_id), slug.casefold(), name.casefold(), *(str(w).casefold() for w in json.loads(words or "[]"))}


def actor_ids(value: str) -> list[int]:
    """Return the actor whose slug is value, else those whose id, name or alias is (case-insensitive), else by name key."""
    key = value.strip().casefold()
    return (by_slug("actor", key) or [row[0] for row in _candidates("actor", "aliases", key) if _named(key, row)]
            or actor_ids_by_key(value) or actor_ids_resolved(value))


def actor_ids_by_key(value: str) -> list[int]:
    """Return the ids of actors value names the way extraction matches names (diacritics, honorifics, initials)."""
    # Only reached on a miss: folding every actor's names costs ~1 ms, against ~0.1 ms for the LIKE lookup.
    wanted = {names.key(value), names.initial_key(value)} - {None, ""}
    found = []
    for actor_id, name, aliases in Actor.select(Actor.id, Actor.name, Actor.aliases).tuples():
        keys = {names.key(name), names.initial_key(name), *(names.key(str(alias)) for alias in aliases or [])}
        if wanted & keys:
            found.append(actor_id)
    return found


def actor_ids_resolved(value: str) -> list[int]:
    """Return the actor extraction reads value as: a typo ("Jaishnakar"), a rendering ("Su Jiesheng") or an office
    ("the Russian Foreign Minister", its holder today)."""
    from .entities.actors import find_actors
    from .events.vocabulary import current

    text = value.strip()
    if not text or not Actor.select().exists():  # current() would seed an empty vocabulary: not on a GET
        return []
    vocabulary = current()
    # The hit ending the phrase is its head: "Russian" in "the Russian Foreign Minister" only says whose minister.
    slugs = {hit.actor.slug for hit in find_actors(text, vocabulary.registry, lambda _: None) if hit.end == len(text)}
    return sorted(vocabulary.actor_ids[slug] for slug in slugs if slug in vocabulary.actor_ids)


def topic_ids(value: str) -> list[int]:
    """Return the ids of the topic value names (its slug, else id, name or keyword) and of all their sub-topics."""
    key = value.strip().casefold()
    found = set(by_slug("topic", key)) or {row[0] for row in _candidates("topic", "keywords", key) if _named(key, row)}
    if not found:
        return []
    children = {}
    for topic_id, parent_id in db.execute_sql("SELECT id, parent_id FROM topic"):
        children.setdefault(parent_id, []).append(topic_id)
    todo = list(found)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return sorted(found)


# --- events ---


# A page of events comes from one of three walks: the events an FTS search or an article names, sorted; the
# narrowest actor's or topic's links in date order (event_walk.walk_links); or, unfiltered, the event table in
# date order. A link filter matching fewer events than this is sorted like a search: cheaper than a walk per
# granularity.
LEAD_LIMIT = 64


def link_filters(args: dict) -> list[tuple]:
    """Return the actor and topic filters as (link model, linked column, ids)."""
    return [(EventActor, EventActor.actor, named("actor", actor_ids, v)) for v in args.get("actor", [])] + [
        (EventTopic, EventTopic.topic, named("topic", topic_ids, v)) for v in args.get("topic", [])
    ]


def named(field: str, lookup, value: str) -> list[int]:
    """Return lookup(value), refusing a value that names no actor or topic."""
    ids = lookup(value)
    if not ids:
        raise UnknownName(field, value)
    return ids


def linked_count(link, column, ids, cap: int) -> int:
    """Count the events linked to any of ids, stopping at cap."""
    table = link._meta.table_name
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {column.column_name} IN ({marks(ids)}) LIMIT {int(cap)}) linked"
    return db.execute_sql(sql, ids).fetchone()[0]


def event_conditions(args: dict, links: list) -> list:
    """Return the WHERE conditions of args: the first link filter as an id list, the rest checked per event."""
    conditions = []
    # Cheap column tests first: an event outside the dates never costs a link lookup.
    if args.get("from_"):
        conditions.append(Event.date_end >= args["from_"][0])
    if args.get("to"):
        conditions.append(Event.date_start <= args["to"][1])
    if args.get("granularity"):
        conditions.append(Event.granularity.in_(args["granularity"]))
    if args.get("status"):
        conditions.append(Event.status == args["status"])
    for i, (link, column, ids) in enumerate(links):
        if i == 0:
            conditions.append(Event.id.in_(link.select(link.event).where(column.in_(ids))))
        else:
            # `+ 0` keeps SQLite on the (event, actor|topic) index: one seek per event, not one per id in the list.
            # PostgreSQL needs the bare column: its statistics on it tell a broad filter from a narrow one.
            linked = link.select(SQL("1")).where((link.event == Event.id) & (column if is_postgres() else column + 0).in_(ids))
            conditions.append(fn.EXISTS(linked))
    if args.get("article"):
        conditions.append(Event.id.in_(EventSource.select(EventSource.event).where(EventSource.article == args["article"])))
    if args.get("q"):
        conditions.append(Event.id.in_(matching("event", args["q"])))
    return conditions


def narrowest_first(links: list) -> list:
    """Order link filters by how many events they match (counted up to LEAD_LIMIT)."""
    return sorted(links, key=lambda link: linked_count(*link, LEAD_LIMIT)) if len(links) > 1 else links


def filter_events(args: dict):
    """Return the Event query that args (EventFilterArgs) describe, led by its narrowest actor or topic filter."""
    conditions = event_conditions(args, narrowest_first(link_filters(args)))
    return Event.select().where(*conditions) if conditions else Event.select()


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
    """Return (event ids, next key) for a page of /api/events."""
    descending = args["sort"] == "-date"
    cursor = args.get("cursor")
    if cursor:
        cursor = [cursor[0], _date(cursor[1] if len(cursor) > 1 else None), *(_id(v) for v in cursor[2:])]
        if cursor[0] != args["sort"] or len(cursor) != 3:
            raise BadCursor("cursor was issued for another list or sort order")
    links = link_filters(args)
    counts = [linked_count(*link, LEAD_LIMIT) for link in links]
    links = [link for _, link in sorted(zip(counts, links), key=lambda pair: pair[0])]
    if (counts and min(counts) < LEAD_LIMIT) or args.get("q") or args.get("article"):
        # Keys first, rows for the page after: PostgreSQL sorts the candidates out of an index (migration 22).
        # limit + 1 keys: page_rows tells from the extra one whether there is a next page.
        keys, _ = keyset_page(
            Event.select(Event.date_start, Event.id).where(*event_conditions(args, links)).tuples(),
            [Event.date_start, Event.id],
            descending,
            cursor,
            args["limit"] + 1,
            args["sort"],
            lambda key: key,
        )
    elif links:
        (lead, _, lead_ids), *others = links
        keys = walk_links(args, descending, cursor, (lead._meta.table_name, lead_ids),
                          [(link._meta.table_name, ids) for link, _, ids in others])
    else:
        since_cursor = [after([Event.date_start, Event.id], cursor[1:], descending)] if cursor else []
        keys = walk_dates(args, descending, cursor, [*event_conditions({**args, "to": None}, []), *since_cursor])
    return page_rows(keys, args["limit"], args["sort"])


def page_rows(keys: list, limit: int, tag: str):
    """Return (event ids, next key) for up to limit + 1 (date_start, id) keys in page order."""
    next_key = None
    if len(keys) > limit:
        day, event_id = keys[limit - 1]
        next_key = [tag, as_date(day).isoformat(), event_id]
    return [event_id for _, event_id in keys[:limit]], next_key


def timeline_events(args: dict) -> list[dict]:
    """Return the event dicts the timeline export shows, oldest first."""
    rows = filter_events(args).select(Event.id).order_by(Event.date_start, Event.date_end, Event.id).limit(args["limit"])
    events = event_dicts([event_id for event_id, in rows.tuples()])
    main = main_topic_slugs([e["id"] for e in events])
    for event in events:
        event["main_topic"] = next((t for t in event["topics"] if t["slug"] == main.get(event["id"])), None)
    return events


def main_topic_slugs(event_ids: list[int]) -> dict[int, str]:
    """Return {event id: slug of the topic most of its sources name}, ties to the one named earliest in a source."""
    # A source lists the topics of its own sentence before those of the sentence after, so rank says how central.
    scores = {}
    if event_ids:
        for event_id, slugs in EventSource.select(EventSource.event, EventSource.topics).where(EventSource.event.in_(event_ids)).tuples():
            for rank, slug in enumerate(slugs or []):
                count, best = scores.setdefault(event_id, {}).get(slug, (0, rank))
                scores[event_id][slug] = (count + 1, min(best, rank))
    return {event_id: max(found, key=lambda slug: (found[slug][0], -found[slug][1])) for event_id, found in scores.items() if found}


def event_detail(event_id: int) -> dict | None:
    """Return one event as a dict, or None."""
    return next(iter(event_dicts([event_id])), None)


def article_ref(article) -> dict:
    """Return the short form of an article that event sources carry."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published_at": article.published_at,
    }


# --- articles ---


def _article_counts(query):
    counts = fn.COUNT(fn.DISTINCT(EventSource.event))
    return query.select_extend(counts.alias("events")).join(EventSource, JOIN.LEFT_OUTER, on=EventSource.article == Article.id).group_by(Article.id)


def article_dict(article) -> dict:
    """Return an article's list form."""
    return {
        **article_ref(article),
        "published_at_source": article.published_at_source,
        "date_conflict": article.date_conflict,
        "language": article.language,
        # Stored naive in UTC; an offset makes it an RFC 3339 date-time.
        "created_at": article.created_at.replace(tzinfo=timezone.utc),
        "events": getattr(article, "events", None) or 0,
    }


def article_page(args: dict):
    """Return (article dicts, next key) for a page of /api/articles, newest publication first."""
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
    return [article_dict(a) for a in rows], key


def article_summary(article_id: int) -> dict:
    """Return one article's list form."""
    return article_dict(_article_counts(Article.select()).where(Article.id == article_id).first())


def article_detail(article_id: int, with_mentions: bool = True) -> dict | None:
    """Return one article with its body, its date mentions and its events, or None."""
    from .extraction import extract

    article = _article_counts(Article.select()).where(Article.id == article_id).first()
    if article is None:
        return None
    events = Event.select(Event.id).where(Event.id.in_(EventSource.select(EventSource.event).where(EventSource.article == article.id)))
    mentions = [m.to_dict() for m in extract(article.body, article.published_at)] if with_mentions else []
    return {
        **article_dict(article),
        "body": article.body,
        "mentions": mentions,
        "events": event_dicts([event_id for event_id, in events.order_by(Event.date_start, Event.id).tuples()]),
    }


# --- actors and topics ---


def _vocabulary_page(model, link, args, words_field):
    query = model.select()
    if args.get("q"):
        # Through LOWER(): case-insensitive on both backends, and the JSON list is searched as plain text.
        q = args["q"].lower()
        query = query.where(fn.LOWER(model.name).contains(q) | fn.LOWER(model.slug).contains(q) | fn.LOWER(words_field).contains(q))
    cursor = args.get("cursor")
    if cursor and not (len(cursor) == 2 and isinstance(cursor[1], str)):
        raise BadCursor("cursor does not fit this list")
    rows, key = keyset_page(query, [model.slug], False, cursor, args["limit"], model._meta.table_name, lambda row: [row.slug])
    with_counts(rows, link)
    return rows, key


def with_counts(rows, link):
    """Set each row's `events`: how many events link to it, counted for these rows only."""
    # Counting after the page is cut: a GROUP BY over every link cost 236 ms a page on 1M events.
    column = link.actor if link is EventActor else link.topic
    counts = dict(link.select(column, fn.COUNT(link.id)).where(column.in_([r.id for r in rows])).group_by(column).tuples()) if rows else {}
    for row in rows:
        row.events = counts.get(row.id, 0)
    return rows


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
    """Return (actor dicts, next key) for a page of /api/actors, by slug."""
    rows, key = _vocabulary_page(Actor, EventActor, args, Actor.aliases)
    return [actor_dict(a) for a in rows], key


def topic_page(args: dict):
    """Return (topic dicts, next key) for a page of /api/topics, by slug."""
    rows, key = _vocabulary_page(Topic, EventTopic, args, Topic.keywords)
    parents = parents_of(rows)
    return [topic_dict(t, parents) for t in rows], key


def actor_detail(actor_id: int) -> dict | None:
    """Return one actor with its event count, or None."""
    row = Actor.get_or_none(Actor.id == actor_id)
    return actor_dict(with_counts([row], EventActor)[0]) if row else None


def topic_detail(topic_id: int) -> dict | None:
    """Return one topic with its event count, or None."""
    row = Topic.get_or_none(Topic.id == topic_id)
    return topic_dict(with_counts([row], EventTopic)[0], parents_of([row])) if row else None


def database_ready() -> bool:
    """Run a trivial query: True when the database answers."""
    db.execute_sql("SELECT 1")
    return True
