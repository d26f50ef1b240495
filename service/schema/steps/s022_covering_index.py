"""Step 22: on PostgreSQL, event ids indexed with their dates: pages led by a search sort candidates without
reading the table. SQLite looks rows up by rowid whatever the indexes; its pages gain nothing from this one."""
from ...db import is_postgres


def apply(database):
    """Create the covering index (PostgreSQL)."""
    if is_postgres():
        database.execute_sql("CREATE INDEX IF NOT EXISTS event_id_dates ON event (id) INCLUDE (date_start, date_end)")
