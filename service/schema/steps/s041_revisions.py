"""Step 41: each event row carries a revision that triggers bump whenever anything the event shows changes: its
own columns, its actors, topics and sources, and the names, titles and URLs those point at. Triggers, so every
writer (ingest, rebuild, PATCH, a hand-run UPDATE) keeps them."""
from ...db import is_postgres

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


def apply(database):
    """Give events a revision that triggers bump whenever anything an event shows changes."""
    # Events stored before this step start at 0: no worker has rendered them under a revision yet.
    if "revision" not in {column.name for column in database.get_columns("event")}:
        database.execute_sql("ALTER TABLE event ADD COLUMN revision BIGINT NOT NULL DEFAULT 0")
    for statement in POSTGRES_REVISION_DDL if is_postgres() else SQLITE_REVISION_DDL:
        database.execute_sql(statement)
