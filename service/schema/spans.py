"""Each granularity's longest event span, read from step 21's event_granularity_span index alone.

The span expression must be the index's own for the database to answer from the index; writes (merging) and
reads (the walks) both bound their date ranges with it.
"""
from ..db import db, is_postgres
from .steps.s021_walk_indexes import POSTGRES_SPAN, SQLITE_SPAN


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
