"""The events planner: which walk finds a page of /api/events, and the events of the timeline export.

A page comes from one of three walks: the events a search or an article names, sorted; the narrowest actor's
or topic's links in date order (walk.walk_links); or, unfiltered, the event table in date order
(walk.walk_dates). A link filter matching fewer events than LEAD_LIMIT is sorted like a search: cheaper than
a walk per granularity.
"""
from ..errors import BadCursor
from ..models import Event, EventSource
from .cursors import dated_cursor, keyset_page, page_rows
from .filters import event_conditions, link_filters, narrowest_first
from .rendering import event_dicts
from .walk import walk_dates, walk_links

LEAD_LIMIT = 64


def filter_events(args: dict):
    """Return the Event query that args (EventFilterArgs) describe, led by its narrowest actor or topic filter."""
    links = link_filters(args)
    conditions = event_conditions(args, narrowest_first(links, LEAD_LIMIT)[0] if len(links) > 1 else links)
    return Event.select().where(*conditions) if conditions else Event.select()


def sorted_keys(args: dict, descending: bool, cursor, links: list) -> list:
    """Return the first limit + 1 (date_start, id) keys of the events args select, sorting every candidate."""
    # Keys first, rows for the page after: PostgreSQL sorts the candidates out of an index (schema step 22).
    # limit + 1 keys: page_rows tells from the extra one whether there is a next page.
    keys, _ = keyset_page(
        Event.select(Event.date_start, Event.id).where(*event_conditions(args, links)).tuples(),
        [Event.date_start, Event.id], descending, cursor, args["limit"] + 1, args["sort"], lambda key: key)
    return keys


def event_page(args: dict):
    """Return (event ids, next key) for a page of /api/events."""
    descending = args["sort"] == "-date"
    cursor = dated_cursor(args.get("cursor"))
    if cursor and (cursor[0] != args["sort"] or len(cursor) != 3):
        raise BadCursor("cursor was issued for another list or sort order")
    links, counts = narrowest_first(link_filters(args), LEAD_LIMIT)
    if (counts and min(counts) < LEAD_LIMIT) or args.get("q") or args.get("article"):
        keys = sorted_keys(args, descending, cursor, links)
    elif links:
        keys = walk_links(args, descending, cursor, links[0], links[1:])
    else:
        keys = walk_dates(args, descending, cursor)
    return page_rows(keys, args["limit"], args["sort"])


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
