"""Find one page of events by walking date-ordered indexes instead of sorting every match.

A page is the first `limit + 1` (date_start, id) keys in page order. With an actor or topic filter the walk
runs over that actor's or topic's link rows, which carry their event's granularity and dates (kept by
triggers, migration 40); without one it runs over the event table. Either way there is one walk per
granularity: an event overlapping `from` starts at most its granularity's longest span earlier, so a day
event's walk starts at `from` and only a year event's walk starts a year before it.
"""
from datetime import date, timedelta

from .db import db, is_postgres
from .models import Event

# The span expressions of the event_granularity_span index (schema step 21), so a query can use it.
SQLITE_SPAN = "(julianday(date_end) - julianday(date_start))"
POSTGRES_SPAN = "(date_end - date_start)"

# The link tables and the column naming what each links to.
LINKS = {"eventactor": "actor_id", "eventtopic": "topic_id"}

def granularity_spans() -> list[tuple[str, float]]:
    """Return each stored granularity with the longest span (in days) of its events, from the indexes alone."""
    span = POSTGRES_SPAN if is_postgres() else SQLITE_SPAN
    # A loose index scan: one probe per distinct granularity, not a scan of every event.
    return db.execute_sql(
        f"""WITH RECURSIVE g(name) AS (
              SELECT min(granularity) FROM event
              UNION ALL SELECT (SELECT min(granularity) FROM event WHERE granularity > g.name) FROM g WHERE g.name IS NOT NULL)
            SELECT name, (SELECT max({span}) FROM event WHERE granularity = g.name) FROM g WHERE name IS NOT NULL"""
    ).fetchall()


def as_date(value) -> date:
    # SQLite hands back dates as ISO text, PostgreSQL as dates.
    return date.fromisoformat(value) if isinstance(value, str) else value


def _param(day: date):
    # SQLite stores dates as ISO text; PostgreSQL takes dates.
    return day if is_postgres() else day.isoformat()


def walk(args: dict, descending: bool, cursor, run) -> list[tuple[date, int]]:
    """Merge the walks run(granularity, low, high) makes per granularity into the first limit + 1 keys."""
    limit = args["limit"]
    keys, seen = [], set()
    # Finest granularity first (the most events, the shortest walk); once a page is full, the others only walk
    # up to its last date.
    for granularity, span in sorted(granularity_spans(), key=lambda pair: pair[1]):
        if args.get("granularity") and granularity not in args["granularity"]:
            continue
        # An event overlapping `from` starts at most its granularity's longest span before it.
        low = [args["from_"][0] - timedelta(days=span)] if args.get("from_") else []
        high = [args["to"][1]] if args.get("to") else []
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


def walk_dates(args: dict, descending: bool, cursor, conditions: list) -> list[tuple[date, int]]:
    """Return the first limit + 1 keys of the events meeting conditions (the cursor's included), walking dates."""
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

    lead and others are (link table, ids); an event must link to one id of every other filter too.
    """
    table, ids = lead
    p = db.param
    where = [f"l.{LINKS[table]} = {p}", f"l.granularity = {p}", f"l.date_start >= {p}", f"l.date_start <= {p}"]
    params = []
    if args.get("from_"):
        where.append(f"l.date_end >= {p}")
        params.append(_param(args["from_"][0]))
    if cursor:
        where.append(f"(l.date_start, l.event_id) {'<' if descending else '>'} ({p}, {p})")
        params += [_param(cursor[1]), cursor[2]]
    if args.get("status"):
        where.append(f"EXISTS (SELECT 1 FROM event e WHERE e.id = l.event_id AND e.status = {p})")
        params.append(args["status"])
    for other, other_ids in others:
        # `+ 0` keeps SQLite on the (event, actor|topic) index: one seek per event, not one per id in the list.
        column = LINKS[other] if is_postgres() else f"{LINKS[other]} + 0"
        where.append(f"EXISTS (SELECT 1 FROM {other} o WHERE o.event_id = l.event_id "
                     f"AND o.{column} IN ({', '.join([p] * len(other_ids))}))")
        params += other_ids
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT l.date_start, l.event_id FROM {table} l WHERE {' AND '.join(where)} "
           f"ORDER BY l.date_start {direction}, l.event_id {direction} LIMIT {int(args['limit']) + 1}")

    def run(granularity, low, high):
        # A filter naming several actors or topics walks each one's links; walk() merges them and drops repeats.
        return [row for lead_id in ids
                for row in db.execute_sql(sql, [lead_id, granularity, _param(low), _param(high), *params])]

    return walk(args, descending, cursor, run)
