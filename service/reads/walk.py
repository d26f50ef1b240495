"""Find one page of events by walking date-ordered indexes instead of sorting every match.

A page is the first `limit + 1` (date_start, id) keys in page order. With an actor or topic filter the walk
runs over that actor's or topic's link rows, which carry their event's granularity and dates (kept by
triggers, schema step 40); without one it runs over the event table. Either way there is one walk per
granularity: an event overlapping `from` starts at most its granularity's longest span earlier, so a day
event's walk starts at `from` and only a year event's walk starts a year before it.
"""
from datetime import date

from ..db import db
from ..models import Event
from ..schema.spans import granularity_spans
from .cursors import after, as_date
from .filters import FILTERS, day_param, event_conditions, link_conditions, walk_bounds

# Filters the walks render only as bounds: given as conditions too, SQLite walks the index to the wider bound.
BOUNDS_ONLY = [f.name for f in FILTERS if getattr(f, "high", None)]


def walk(args: dict, descending: bool, cursor, run) -> list[tuple[date, int]]:
    """Merge the walks run(granularity, low, high) makes per granularity into the first limit + 1 keys."""
    limit = args["limit"]
    keys, seen = [], set()
    # Finest granularity first (the most events, the shortest walk); once a page is full, the others only walk
    # up to its last date.
    for granularity, span in sorted(granularity_spans(), key=lambda pair: pair[1]):
        bounds = walk_bounds(args, granularity, span)
        if bounds is None:
            continue
        low, high = bounds
        if cursor:
            (high if descending else low).append(cursor[1])
        if len(keys) > limit:
            (low if descending else high).append(keys[limit][0])
        for day, event_id in run(granularity, max(low, default=date.min), min(high, default=date.max)):
            if event_id not in seen:
                seen.add(event_id)
                keys.append((as_date(day), event_id))
        keys = sorted(keys, reverse=descending)[: limit + 1]
    return keys


def walk_dates(args: dict, descending: bool, cursor, links: list = ()) -> list[tuple[date, int]]:
    """Return the first limit + 1 keys of the events args (and links, (LinkFilter, ids)) select, after cursor,
    walking the event table's dates."""
    since_cursor = [after([Event.date_start, Event.id], cursor[1:], descending)] if cursor else []
    conditions = [*event_conditions(args, list(links), skip=BOUNDS_ONLY), *since_cursor]
    # One lower and one upper bound on date_start, set per walk: given two, SQLite walks the index to the wider.
    query = Event.select(Event.date_start, Event.id).where(
        Event.granularity == "", Event.date_start >= date.min, Event.date_start <= date.max, *conditions)
    order = [c.desc() if descending else c.asc() for c in (Event.date_start, Event.id)]
    # One SQL text for every walk (building it costs more than running it): its first three parameters are the
    # granularity and the bounds.
    sql, params = query.order_by(*order).limit(args["limit"] + 1).sql()
    return walk(args, descending, cursor,
                lambda granularity, low, high: db.execute_sql(sql, [granularity, low, high, *params[3:]]))


def walk_links(args: dict, descending: bool, cursor, lead: tuple, others: list) -> list[tuple[date, int]]:
    """Return the first limit + 1 keys of the events linked to lead, walking its link rows' dates.

    lead and others are (LinkFilter, ids); an event must link to one id of every other filter too.
    """
    link, ids = lead
    p = db.param
    where = [f"l.{link.column} = {p}", f"l.granularity = {p}", f"l.date_start >= {p}", f"l.date_start <= {p}"]
    params = []
    if cursor:
        where.append(f"(l.date_start, l.event_id) {'<' if descending else '>'} ({p}, {p})")
        params += [day_param(cursor[1]), cursor[2]]
    conditions, values = link_conditions(args, others)
    where, params = where + conditions, params + values
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT l.date_start, l.event_id FROM {link.table} l WHERE {' AND '.join(where)} "
           f"ORDER BY l.date_start {direction}, l.event_id {direction} LIMIT {int(args['limit']) + 1}")

    def run(granularity, low, high):
        # A filter naming several actors or topics walks each one's links; walk() merges them and drops repeats.
        return [row for lead_id in ids
                for row in db.execute_sql(sql, [lead_id, granularity, day_param(low), day_param(high), *params])]

    return walk(args, descending, cursor, run)
