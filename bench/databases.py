"""Database preparation and dumps shared by the ingest benchmarks (run inside `db.connection_context()`)."""
from pathlib import Path

# What merging decides, in a stable order: events, their sources and their actor and topic links (no timestamps
# or revisions), so two runs that merged alike give byte-identical dumps.
DUMP_QUERIES = {
    "event": "SELECT id, value, date_start, date_end, granularity, modifier, title, status, confidence, fingerprint "
             "FROM event ORDER BY id",
    "source": 'SELECT id, event_id, article_id, quote, start, "end", expression, expression_start, expression_end, '
              "confidence, title, value, date_start, date_end, granularity, modifier, status, actors, topics "
              "FROM eventsource ORDER BY id",
    "actor": "SELECT l.event_id, a.slug, l.granularity, l.date_start, l.date_end FROM eventactor l "
             "JOIN actor a ON a.id = l.actor_id ORDER BY 1, 2",
    "topic": "SELECT l.event_id, t.slug, l.granularity, l.date_start, l.date_end FROM eventtopic l "
             "JOIN topic t ON t.id = l.topic_id ORDER BY 1, 2",
}


def prepare(reset: bool) -> None:
    """Bring the schema up to date and seed the vocabularies; with reset, drop PostgreSQL's public schema first."""
    from service.db import db, is_postgres
    from service.events import sync_vocabularies
    from service.schema import upgrade

    if reset and is_postgres():
        db.execute_sql("DROP SCHEMA public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
    upgrade()
    sync_vocabularies()


def dump_events(path: Path) -> None:
    """Write every event, source and link to path as tab-separated text, one row a line."""
    from service.db import db

    lines = []
    for name, sql in DUMP_QUERIES.items():
        for row in db.execute_sql(sql).fetchall():
            # Confidences are REAL: a float's repr differs between the backends' drivers, four places do not.
            lines.append("\t".join([name, *(f"{v:.4f}" if isinstance(v, float) else str(v) for v in row)]))
    Path(path).write_text("\n".join(lines) + "\n")
