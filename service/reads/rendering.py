"""Events as the API shows them: read from the tables, or from the worker's memory while their revision holds.

Rendering a page of events (four queries, nested dicts, JSON text) costs more than finding them. Each
event row carries a revision that triggers bump whenever anything the event shows changes: its own columns,
its actors, topics and sources, and the names, titles and URLs those point at (schema step 41). A worker keeps
the events it rendered, with their JSON text, keyed by that revision: a page reads 50 revisions by primary key
and renders only the events that changed since.
"""
import json
from collections import OrderedDict
from typing import NamedTuple

from ..db import db, marks
from .cursors import as_date


class Rendered(NamedTuple):
    revision: int
    event: dict  # shared between requests: copy before changing it
    text: str  # the compact JSON of event


def event_dicts(ids: list[int]) -> list[dict]:
    """Return the events with these ids, in this order, with their date, actors, topics and sources: four queries."""
    if not ids:
        return []
    # Raw SQL and plain tuples: for a page of events, building peewee queries and models costs more than
    # running the queries. Links are sorted here: ORDER BY slug leads SQLite to scan every topic by slug.
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
