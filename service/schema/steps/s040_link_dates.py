"""Step 40: each link row carries its event's granularity and dates, so an actor's or topic's events can be
walked in date order from one index. Triggers keep the copies equal to the event's: set when a link is made or
moved, rewritten when the event's dates change."""
from ...db import is_postgres

# The link tables and the column naming what each links to.
LINKS = {"eventactor": "actor_id", "eventtopic": "topic_id"}

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


def apply(database):
    """Copy each event's granularity and dates into its actor and topic links, kept current by triggers."""
    if is_postgres():
        statements = POSTGRES_LINK_DATES_DDL
    else:
        # Databases created after the models gained the columns already have them.
        present = {column.name for column in database.get_columns("eventactor")}
        statements = [s for s in SQLITE_LINK_DATES_DDL if not (s.startswith("ALTER") and s.split()[-2] in present)]
    for statement in [*statements, *LINK_WALK_INDEX_DDL]:
        database.execute_sql(statement)
