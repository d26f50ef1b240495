"""Actors and topics as the API lists and shows them, each with its event count."""
from peewee import fn

from ..db import lowered
from ..errors import BadCursor
from ..models import Actor, EventActor, EventTopic, Topic
from .cursors import keyset_page
from .names import topic_children, with_subtopics


def _vocabulary_page(model, link, args, words_field):
    query = model.select()
    if args.get("q"):
        # Lowered on both sides, in every script; the JSON list (stored unescaped) is searched as plain text.
        q = args["q"].lower()
        query = query.where(lowered(model.name).contains(q) | lowered(model.slug).contains(q) | lowered(words_field).contains(q))
    cursor = args.get("cursor")
    if cursor and not (len(cursor) == 2 and isinstance(cursor[1], str)):
        raise BadCursor("cursor does not fit this list")
    rows, key = keyset_page(query, [model.slug], False, cursor, args["limit"], model._meta.table_name, lambda row: [row.slug])
    with_counts(rows, link)
    return rows, key


def with_counts(rows, link):
    """Set each row's `events`: how many events link to it, counted for these rows only."""
    # Counted after the page is cut: a GROUP BY over every link would count the whole table for one page.
    column = link.actor if link is EventActor else link.topic
    counts = dict(link.select(column, fn.COUNT(link.id)).where(column.in_([r.id for r in rows])).group_by(column).tuples()) if rows else {}
    for row in rows:
        row.events = counts.get(row.id, 0)
    if link is EventTopic and rows:
        _count_subtopics(rows)
    return rows


def _count_subtopics(rows) -> None:
    """Make a parent topic's `events` count the distinct events of it and its sub-topics, as topic= finds them."""
    children = topic_children()
    for row in rows:
        if children.get(row.id):
            tree = sorted(with_subtopics([row.id], children))
            row.events = (EventTopic.select(fn.COUNT(fn.DISTINCT(EventTopic.event)))
                          .where(EventTopic.topic.in_(tree)).scalar() or 0)


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
