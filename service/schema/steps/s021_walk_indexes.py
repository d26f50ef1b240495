"""Step 21: event indexes in page order per granularity, so a page walks dates instead of sorting every match."""
from ...db import is_postgres

# Page order within one granularity, with date_end for the overlap test: the walk never reads the table.
WALK_INDEX_DDL = [
    "CREATE INDEX IF NOT EXISTS event_granularity_date ON event (granularity, date_start, id, date_end)",
    # The longest span per granularity in one index probe: how far before `from` an overlapping event can start.
    "CREATE INDEX IF NOT EXISTS event_granularity_span ON event (granularity, {span})",
]
SQLITE_SPAN = "(julianday(date_end) - julianday(date_start))"
POSTGRES_SPAN = "(date_end - date_start)"


def apply(database):
    """Create the indexes that let an event page walk dates in page order per granularity."""
    span = POSTGRES_SPAN if is_postgres() else SQLITE_SPAN
    for statement in WALK_INDEX_DDL:
        database.execute_sql(statement.format(span=span))
