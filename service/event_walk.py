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

# Page order within one granularity, with date_end for the overlap test: the walk never reads the table.
WALK_INDEX_DDL = [
    "CREATE INDEX IF NOT EXISTS event_granularity_date ON event (granularity, date_start, id, date_end)",
    # The longest span per granularity in one index probe: how far before `from` an overlapping event can start.
    "CREATE INDEX IF NOT EXISTS event_granularity_span ON event (granularity, {span})",
]
SQLITE_SPAN = "(julianday(date_end) - julianday(date_start))"
POSTGRES_SPAN = "(date_end - date_start)"

# The link tables and the column naming what each links to.
LINKS = {"eventactor": "actor_id", "eventtopic": "topic_id"}

# Each link row carries its event's granularity and dates, so an actor's or topic's events can be walked in
# date order from one index. Triggers keep the copies equal to the event's: set when a link is made or moved,
# rewritten when the event's dates change.
SQLITE_LINK_DATES_DDL = [
    *(f"ALTER TABLE {table} ADD COLUMN {column} {kind}" for table in LINKS
      for column, kind in (("granularity", "VARCHAR(255)"), ("date_start", "DATE"), ("date_end", "DATE"))),
    *(f"""UPDATE {table} SET (granularity, date_start, date_end) =
            (SELECT granularity, date_start, date_end FROM event WHERE event.id = {table}.event_id)""" for table in LINKS),
    *(f"""CREATE TRIGGER IF NOT EXISTS {table}_dates AFTER INSERT ON {table} BEGIN
            UPDATE {table} SET (granularity, date_start, date_end) =
              (SELECT granularity, date_start, date_end FROM event WHERE event.id = new.event_id) WHERE id = new.id;
          END""" for table in LINKS),
    *(f"""CREATE TRIGGER IF NOT EXISTS {table}_moved AFTER UPDATE OF event_id ON {table} BEGIN
            UPDATE {table} SET (granularity, date_start, date_end) =
              (SELECT granularity, date_start, date_end FROM event WHERE event.id = new.event_id) WHERE id = new.id;
          END""" for table in LINKS),
    """CREATE TRIGGER IF NOT EXISTS event_dates_to_links AFTER UPDATE OF granularity, date_start, date_end ON event
       BEGIN
         UPDATE eventactor SET (granularity, date_start, date_end) = (new.granularity, new.date_start, new.date_end)
         WHERE event_id = new.id;
         UPDATE eventtopic SET (granularity, date_start, date_end) = (new.granularity, new.date_start, new.date_end)
         WHERE event_id = new.id;
       END""",
]

POSTGRES_LINK_DATES_DDL = [
    *(f"""ALTER TABLE {table} ADD COLUMN IF NOT EXISTS granularity VARCHAR(255),
            ADD COLUMN IF NOT EXISTS date_start DATE, ADD COLUMN IF NOT EXISTS date_end DATE""" for table in LINKS),
    *(f"""UPDATE {table} l SET granularity = e.granularity, date_start = e.date_start, date_end = e.date_end
          FROM event e WHERE e.id = l.event_id""" for table in LINKS),
    """CREATE OR REPLACE FUNCTION link_dates() RETURNS trigger AS $$ BEGIN
         SELECT granularity, date_start, date_end INTO NEW.granularity, NEW.date_start, NEW.date_end
         FROM event WHERE id = NEW.event_id;
         RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    *(f"DROP TRIGGER IF EXISTS {table}_dates ON {table}" for table in LINKS),
    *(f"""CREATE TRIGGER {table}_dates BEFORE INSERT OR UPDATE OF event_id ON {table}
          FOR EACH ROW EXECUTE FUNCTION link_dates()""" for table in LINKS),
    """CREATE OR REPLACE FUNCTION event_dates_to_links() RETURNS trigger AS $$ BEGIN
         UPDATE eventactor SET granularity = NEW.granularity, date_start = NEW.date_start, date_end = NEW.date_end
         WHERE event_id = NEW.id;
         UPDATE eventtopic SET granularity = NEW.granularity, date_start = NEW.date_start, date_end = NEW.date_end
         WHERE event_id = NEW.id;
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS event_dates_to_links ON event",
    """CREATE TRIGGER event_dates_to_links AFTER UPDATE OF granularity, date_start, date_end ON event
       FOR EACH ROW WHEN ((OLD.granularity, OLD.date_start, OLD.date_end) IS DISTINCT FROM
                          (NEW.granularity, NEW.date_start, NEW.date_end))
       EXECUTE FUNCTION event_dates_to_links()""",
]

LINK_WALK_INDEX_DDL = [
    f"CREATE INDEX IF NOT EXISTS {table}_walk ON {table} ({column}, granularity, date_start, event_id, date_end)"
    for table, column in LINKS.items()
]


def create_walk_indexes(database):
    """Create the indexes that let an event page walk dates in page order per granularity."""
    span = POSTGRES_SPAN if is_postgres() else SQLITE_SPAN
    for statement in WALK_INDEX_DDL:
        database.execute_sql(statement.format(span=span))


def create_link_dates(database):
    """Copy each event's granularity and dates into its actor and topic links, kept current by triggers."""
    if is_postgres():
        statements = POSTGRES_LINK_DATES_DDL
    else:
        # Databases created after the models gained the columns already have them.
        present = {column.name for column in database.get_columns("eventactor")}
        statements = [s for s in SQLITE_LINK_DATES_DDL if not (s.startswith("ALTER") and s.split()[-2] in present)]
    for statement in [*statements, *LINK_WALK_INDEX_DDL]:
        database.execute_sql(statement)


def create_covering_index(database):
    """On PostgreSQL, index event ids with their dates: pages led by a search sort candidates without the table."""
    # SQLite looks rows up by rowid whatever the indexes; its pages gain nothing from this one.
    if is_postgres():
        database.execute_sql("CREATE INDEX IF NOT EXISTS event_id_dates ON event (id) INCLUDE (date_start, date_end)")


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
