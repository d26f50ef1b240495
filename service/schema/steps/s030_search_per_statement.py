"""Step 30: events' search vectors kept current once per eventsource statement, not per row (PostgreSQL)."""
from ...db import is_postgres

# An article's sources are one INSERT. An insert appends the vector of quotes new to the event; a delete re-reads
# an event only when a quote left it entirely; updates, rare, re-read the touched events.
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


def apply(database):
    """Replace the eventsource search triggers (PostgreSQL)."""
    if is_postgres():
        for statement in POSTGRES_SOURCE_SEARCH_DDL:
            database.execute_sql(statement)
