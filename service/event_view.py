"""Events as the API shows them: read from the tables, or from the worker's memory while their revision holds.

Rendering a page of 50 events (four queries, 50 nested dicts, 50 KB of JSON) cost more than finding them. Each
event row carries a revision that triggers bump whenever anything the event shows changes: its own columns,
its actors, topics and sources, and the names, titles and URLs those point at (migration 41). A worker keeps
the events it rendered, with their JSON text, keyed by that revision: a page reads 50 revisions by primary key
and renders only the events that changed since.
"""
import json
from collections import OrderedDict
from typing import NamedTuple

from .db import db, is_postgres
from .event_walk import as_date


class Rendered(NamedTuple):
    revision: int
    event: dict  # shared between requests: copy before changing it
    text: str  # the compact JSON of event


# --- revisions: bumped by triggers, so every writer (ingest, rebuild, PATCH, a hand-run UPDATE) keeps them ---

SHOWN_EVENT_COLUMNS = "value, date_start, date_end, granularity, modifier, title, status, confidence"
# Tables whose rows an event shows, with the columns shown and how to reach the events showing a row.
SHOWN_ELSEWHERE = {
    "actor": ("slug, name, kind", "SELECT event_id FROM eventactor WHERE actor_id = {row}.id"),
    "topic": ("slug, name", "SELECT event_id FROM eventtopic WHERE topic_id = {row}.id"),
    "article": ("title, url, source, published_at, published_on", "SELECT event_id FROM eventsource WHERE article_id = {row}.id"),
}
EVENT_PARTS = ("eventactor", "eventtopic", "eventsource")

# An event deleted and stored again under the same id (a rebuild keeps ids) must not meet its old rendering at
# the same revision: a new event starts at a random revision on SQLite (a shared counter would cost a second
# write per link row in every ingest), at the next value of a sequence on PostgreSQL.
def sqlite_bump(rows: str) -> str:
    """Return the trigger statement renewing the revision of the events whose ids rows names."""
    return f"UPDATE event SET revision = revision + 1 WHERE id {rows};"


SQLITE_REVISION_DDL = [
    """CREATE TRIGGER IF NOT EXISTS event_revision_insert AFTER INSERT ON event BEGIN
         UPDATE event SET revision = random() / 2 WHERE id = new.id;
       END""",
    f"""CREATE TRIGGER IF NOT EXISTS event_revision AFTER UPDATE OF {SHOWN_EVENT_COLUMNS} ON event BEGIN
          {sqlite_bump('= new.id')}
        END""",
    *(f"CREATE TRIGGER IF NOT EXISTS {table}_revision_insert AFTER INSERT ON {table} BEGIN {sqlite_bump('= new.event_id')} END"
      for table in EVENT_PARTS),
    *(f"""CREATE TRIGGER IF NOT EXISTS {table}_revision_update AFTER UPDATE ON {table} BEGIN
            {sqlite_bump('= new.event_id')} {sqlite_bump('= old.event_id')}
          END""" for table in EVENT_PARTS),
    *(f"CREATE TRIGGER IF NOT EXISTS {table}_revision_delete AFTER DELETE ON {table} BEGIN {sqlite_bump('= old.event_id')} END"
      for table in EVENT_PARTS),
    *(f"""CREATE TRIGGER IF NOT EXISTS {table}_revision AFTER UPDATE OF {columns} ON {table} BEGIN
            {sqlite_bump(f"IN ({showing.format(row='new')})")}
          END""" for table, (columns, showing) in SHOWN_ELSEWHERE.items()),
]

POSTGRES_NEXT = "nextval('event_revision')"
POSTGRES_REVISION_DDL = [
    "CREATE SEQUENCE IF NOT EXISTS event_revision",
    f"""CREATE OR REPLACE FUNCTION event_revision() RETURNS trigger AS $$ BEGIN
          IF TG_OP = 'INSERT' THEN
            NEW.revision := {POSTGRES_NEXT};
          ELSIF ({', '.join('NEW.' + c for c in SHOWN_EVENT_COLUMNS.split(', '))}) IS DISTINCT FROM
                ({', '.join('OLD.' + c for c in SHOWN_EVENT_COLUMNS.split(', '))}) THEN
            NEW.revision := {POSTGRES_NEXT};
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS event_revision ON event",
    "CREATE TRIGGER event_revision BEFORE INSERT OR UPDATE ON event FOR EACH ROW EXECUTE FUNCTION event_revision()",
    # Once per statement: an article's sources and links are each one INSERT.
    f"""CREATE OR REPLACE FUNCTION event_part_revision() RETURNS trigger AS $$ BEGIN
         IF TG_OP <> 'DELETE' THEN  -- `added` exists only for inserts and updates, `gone` for updates and deletes
           UPDATE event SET revision = {POSTGRES_NEXT} WHERE id IN (SELECT event_id FROM added);
         END IF;
         IF TG_OP <> 'INSERT' THEN
           UPDATE event SET revision = {POSTGRES_NEXT} WHERE id IN (SELECT event_id FROM gone);
         END IF;
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    *(statement for table in EVENT_PARTS for statement in (
        f"DROP TRIGGER IF EXISTS {table}_revision_insert ON {table}",
        f"""CREATE TRIGGER {table}_revision_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION event_part_revision()""",
        f"DROP TRIGGER IF EXISTS {table}_revision_update ON {table}",
        f"""CREATE TRIGGER {table}_revision_update AFTER UPDATE ON {table} REFERENCING OLD TABLE AS gone NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION event_part_revision()""",
        f"DROP TRIGGER IF EXISTS {table}_revision_delete ON {table}",
        f"""CREATE TRIGGER {table}_revision_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS gone
            FOR EACH STATEMENT EXECUTE FUNCTION event_part_revision()""",
    )),
    *(statement for table, (columns, showing) in SHOWN_ELSEWHERE.items() for statement in (
        f"""CREATE OR REPLACE FUNCTION {table}_revision() RETURNS trigger AS $$ BEGIN
              UPDATE event SET revision = {POSTGRES_NEXT} WHERE id IN ({showing.format(row='NEW')});
              RETURN NULL;
            END $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {table}_revision ON {table}",
        f"""CREATE TRIGGER {table}_revision AFTER UPDATE ON {table} FOR EACH ROW
            WHEN (({', '.join('NEW.' + c for c in columns.split(', '))}) IS DISTINCT FROM
                  ({', '.join('OLD.' + c for c in columns.split(', '))}))
            EXECUTE FUNCTION {table}_revision()""",
    )),
]


def create_revisions(database):
    """Give events a revision that triggers bump whenever anything an event shows changes."""
    # Events stored before this step start at 0: no worker has rendered them under a revision yet.
    if "revision" not in {column.name for column in database.get_columns("event")}:
        database.execute_sql("ALTER TABLE event ADD COLUMN revision BIGINT NOT NULL DEFAULT 0")
    for statement in POSTGRES_REVISION_DDL if is_postgres() else SQLITE_REVISION_DDL:
        database.execute_sql(statement)


# --- rendering ---


def marks(values) -> str:
    """Return the placeholders of an IN list of values."""
    return ", ".join([db.param] * len(values))


def event_dicts(ids: list[int]) -> list[dict]:
    """Return the events with these ids, in this order, with their date, actors, topics and sources: four queries."""
    if not ids:
        return []
    # Raw SQL and plain tuples: for a page of 50 events, building peewee queries and models cost four times
    # running the queries. Links are sorted here: ORDER BY slug led SQLite to scan every topic by slug.
    rows = db.execute_sql(
        "SELECT id, value, date_start, date_end, granularity, modifier, title, status, confidence "
        f"FROM event WHERE id IN ({marks(ids)})", ids)
    events = {row[0]: row for row in rows}
    actors, topics, sources = {}, {}, {}
    for event_id, *actor in db.execute_sql(
            "SELECT l.event_id, a.id, a.slug, a.name, a.kind FROM eventactor l JOIN actor a ON a.id = l.actor_id "
            f"WHERE l.event_id IN ({marks(ids)})", ids):
        actors.setdefault(event_id, []).append(dict(zip(("id", "slug", "name", "kind"), actor)))
    for event_id, *topic in db.execute_sql(
            "SELECT l.event_id, t.id, t.slug, t.name FROM eventtopic l JOIN topic t ON t.id = l.topic_id "
            f"WHERE l.event_id IN ({marks(ids)})", ids):
        topics.setdefault(event_id, []).append(dict(zip(("id", "slug", "name"), topic)))
    for event_id, published_on, *article, quote, start, end, expression in db.execute_sql(
            "SELECT s.event_id, r.published_on, r.id, r.title, r.url, r.source, r.published_at, "
            's.quote, s.start, s."end", s.expression FROM eventsource s JOIN article r ON r.id = s.article_id '
            f"WHERE s.event_id IN ({marks(ids)})", ids):
        article = dict(zip(("id", "title", "url", "source", "published_at"), article))
        # Reports in publication order, undated ones last.
        order = (published_on is None, str(published_on), article["id"], start)
        sources.setdefault(event_id, []).append(
            (order, {"article": article, "quote": quote, "start": start, "end": end, "expression": expression}))
    by_slug = lambda link: link["slug"]  # noqa: E731
    return [
        {
            "id": event_id,
            "date": {
                "value": value,
                "start": as_date(start),
                "end": as_date(end),
                "granularity": granularity,
                "modifier": modifier,
            },
            "title": title,
            "status": status,
            "confidence": confidence,
            "actors": sorted(actors.get(event_id, []), key=by_slug),
            "topics": sorted(topics.get(event_id, []), key=by_slug),
            "sources": [source for _, source in sorted(sources.get(event_id, []), key=lambda pair: pair[0])],
        }
        for event_id, value, start, end, granularity, modifier, title, status, confidence in
        (events[i] for i in ids if i in events)
    ]


def to_json(o):
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(f"{type(o).__name__} is not JSON serializable")


class RenderedEvents:
    """The events a worker rendered lately, at most capacity of them, each valid while its revision holds."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.kept: OrderedDict[int, Rendered] = OrderedDict()

    def get(self, ids: list[int]) -> list[Rendered]:
        """Return the events with these ids (those that exist), in this order, rendering only what changed."""
        if not ids:
            return []
        # Revisions first: an event rendered after reading its revision is at least that new, so a write landing
        # in between only makes the next read render it again, never keeps a stale copy.
        revisions = dict(db.execute_sql(f"SELECT id, revision FROM event WHERE id IN ({marks(ids)})", ids))
        stale = [i for i in revisions if i not in self.kept or self.kept[i].revision != revisions[i]]
        for event in event_dicts(stale):
            text = json.dumps(event, ensure_ascii=False, separators=(",", ":"), default=to_json)
            self.kept[event["id"]] = Rendered(revisions[event["id"]], event, text)
        found = []
        for event_id in ids:
            if event_id in revisions and event_id in self.kept:
                self.kept.move_to_end(event_id)
                found.append(self.kept[event_id])
        while len(self.kept) > self.capacity:
            self.kept.popitem(last=False)
        return found
