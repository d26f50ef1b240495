"""Step 20: full-text search over events (title, quotes) and articles (title, body), kept in sync by triggers:
an FTS5 table on SQLite, a tsvector column on PostgreSQL."""
from ...db import is_postgres

# An event's FTS5 row holds its title and its distinct quotes; FTS5 rewrites (and re-tokenises) a row to change
# it, so a source whose quote the event already has leaves the row alone.
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

SQLITE_SEARCH_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS event_search USING fts5(title, quotes, tokenize='porter unicode61')""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(title, body, tokenize='porter unicode61')""",
    """DELETE FROM event_search""",
    """INSERT INTO event_search(rowid, title, quotes)
  SELECT id, title, (SELECT group_concat(quote, ' ') FROM (SELECT DISTINCT quote FROM eventsource WHERE event_id = event.id))
  FROM event""",
    """DELETE FROM article_search""",
    """INSERT INTO article_search(rowid, title, body) SELECT id, title, body FROM article""",
    """CREATE TRIGGER IF NOT EXISTS event_search_insert AFTER INSERT ON event BEGIN
  INSERT INTO event_search(rowid, title, quotes) VALUES (new.id, new.title, '');
END""",
    """CREATE TRIGGER IF NOT EXISTS event_search_update AFTER UPDATE OF title ON event BEGIN
  UPDATE event_search SET title = new.title WHERE rowid = new.id;
END""",
    """CREATE TRIGGER IF NOT EXISTS event_search_delete AFTER DELETE ON event BEGIN
  DELETE FROM event_search WHERE rowid = old.id;
END""",
    *SQLITE_SOURCE_SEARCH_DDL,
    """CREATE TRIGGER IF NOT EXISTS article_search_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_search(rowid, title, body) VALUES (new.id, new.title, new.body);
END""",
    """CREATE TRIGGER IF NOT EXISTS article_search_update AFTER UPDATE OF title, body ON article BEGIN
  UPDATE article_search SET title = new.title, body = new.body WHERE rowid = new.id;
END""",
    """CREATE TRIGGER IF NOT EXISTS article_search_delete AFTER DELETE ON article BEGIN
  DELETE FROM article_search WHERE rowid = old.id;
END""",
]

# Sources keep their event's search vector current once per statement: an insert appends the vector of the
# quotes new to the event; a delete re-reads an event only when a quote left it entirely.
POSTGRES_SOURCE_SEARCH_DDL = [
    # The per-row trigger of older databases, replaced by the per-statement ones below.
    "DROP TRIGGER IF EXISTS eventsource_search_refresh ON eventsource",
    "DROP FUNCTION IF EXISTS eventsource_search_refresh()",
    # An event's title and distinct quotes, as its search vector is when rebuilt.
    """CREATE OR REPLACE FUNCTION event_search_document(integer, text) RETURNS tsvector AS $$
         SELECT to_tsvector('english', coalesce($2, '') || ' ' ||
           coalesce((SELECT string_agg(DISTINCT quote, ' ') FROM eventsource WHERE event_id = $1), ''))
       $$ LANGUAGE sql STABLE""",
    """CREATE OR REPLACE FUNCTION eventsource_search_append() RETURNS trigger AS $$ BEGIN
         UPDATE event e SET search = coalesce(e.search, ''::tsvector) || to_tsvector('english', q.quotes)
         FROM (SELECT event_id, string_agg(quote, ' ') AS quotes FROM new_sources n
               WHERE NOT EXISTS (SELECT 1 FROM eventsource s WHERE s.event_id = n.event_id AND s.quote = n.quote
                                 AND s.id < n.id)
               GROUP BY event_id) q
         WHERE e.id = q.event_id;
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION eventsource_search_reread() RETURNS trigger AS $$ BEGIN
         UPDATE event SET search = event_search_document(id, title) WHERE id IN (SELECT event_id FROM old_sources);
         UPDATE event SET search = event_search_document(id, title)
         WHERE id IN (SELECT event_id FROM new_sources EXCEPT SELECT event_id FROM old_sources);
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION eventsource_search_forget() RETURNS trigger AS $$ BEGIN
         UPDATE event SET search = event_search_document(id, title)
         WHERE id IN (SELECT o.event_id FROM old_sources o WHERE NOT EXISTS (
           SELECT 1 FROM eventsource s WHERE s.event_id = o.event_id AND s.quote = o.quote));
         RETURN NULL;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS eventsource_search_insert ON eventsource",
    """CREATE TRIGGER eventsource_search_insert AFTER INSERT ON eventsource
       REFERENCING NEW TABLE AS new_sources FOR EACH STATEMENT EXECUTE FUNCTION eventsource_search_append()""",
    "DROP TRIGGER IF EXISTS eventsource_search_update ON eventsource",
    """CREATE TRIGGER eventsource_search_update AFTER UPDATE ON eventsource
       REFERENCING OLD TABLE AS old_sources NEW TABLE AS new_sources
       FOR EACH STATEMENT EXECUTE FUNCTION eventsource_search_reread()""",
    "DROP TRIGGER IF EXISTS eventsource_search_delete ON eventsource",
    """CREATE TRIGGER eventsource_search_delete AFTER DELETE ON eventsource
       REFERENCING OLD TABLE AS old_sources FOR EACH STATEMENT EXECUTE FUNCTION eventsource_search_forget()""",
]

POSTGRES_SEARCH_DDL = [
    "ALTER TABLE event ADD COLUMN IF NOT EXISTS search tsvector",
    "CREATE INDEX IF NOT EXISTS event_search_idx ON event USING gin(search)",
    """CREATE OR REPLACE FUNCTION event_search_refresh() RETURNS trigger AS $$ BEGIN
         NEW.search := event_search_document(NEW.id, NEW.title); RETURN NEW;
       END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS event_search_refresh ON event",
    """CREATE TRIGGER event_search_refresh BEFORE INSERT OR UPDATE OF title ON event
       FOR EACH ROW EXECUTE FUNCTION event_search_refresh()""",
    *POSTGRES_SOURCE_SEARCH_DDL,
    "UPDATE event SET search = event_search_document(id, title)",
    """ALTER TABLE article ADD COLUMN IF NOT EXISTS search tsvector
       GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED""",
    "CREATE INDEX IF NOT EXISTS article_search_idx ON article USING gin(search)",
]


def apply(database):
    """Create the full-text index over events and articles, with its triggers."""
    for statement in POSTGRES_SEARCH_DDL if is_postgres() else SQLITE_SEARCH_DDL:
        database.execute_sql(statement)
