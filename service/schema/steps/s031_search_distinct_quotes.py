"""Step 31: an event's FTS5 row is re-indexed only when a source adds or removes a quote the event did not have
(SQLite): a syndicated copy's quote, already there, costs no rewrite."""
from ...db import is_postgres

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


def apply(database):
    """Replace the eventsource search triggers (SQLite)."""
    if not is_postgres():
        for statement in SQLITE_SOURCE_SEARCH_DDL:
            database.execute_sql(statement)
