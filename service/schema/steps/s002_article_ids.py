"""Step 2: an article id is never used twice (SQLite). Without AUTOINCREMENT, SQLite gives a new row the largest
id plus one, so deleting the newest article handed its id to the next one stored: a link or a client's record
of /api/articles/N would then name another article. PostgreSQL's sequences never hand an id out twice.

The table keeps its rows and on-disk format: only its declaration gains AUTOINCREMENT, by SQLite's documented
procedure for declaration-only changes (writable_schema, then a new schema_version so every connection
re-reads it). Rebuilding the table instead would drop it, and with foreign keys on (they cannot be turned off
inside a migration's transaction) dropping `article` deletes every event source through ON DELETE CASCADE.
"""
import re

from ...db import is_postgres

PRIMARY_KEY = re.compile(r'("id"\s+INTEGER\s+NOT\s+NULL\s+PRIMARY\s+KEY)(?!\s+AUTOINCREMENT)', re.I)


def apply(database):
    """Declare article.id AUTOINCREMENT and start its sequence at the largest id (SQLite)."""
    if is_postgres():
        return
    sql = database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'article'").fetchone()[0]
    declared, count = PRIMARY_KEY.subn(r"\1 AUTOINCREMENT", sql, count=1)
    if not count:
        return
    # sqlite_sequence exists once any table has been declared AUTOINCREMENT; this one makes it.
    database.execute_sql("CREATE TABLE IF NOT EXISTS article_ids_seed (id INTEGER PRIMARY KEY AUTOINCREMENT)")
    database.execute_sql("DROP TABLE article_ids_seed")
    version = database.execute_sql("PRAGMA schema_version").fetchone()[0]
    database.execute_sql("PRAGMA writable_schema = ON")
    try:
        database.execute_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'article'", (declared,))
        database.execute_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        database.execute_sql("PRAGMA writable_schema = OFF")
    database.execute_sql("DELETE FROM sqlite_sequence WHERE name = 'article'")
    database.execute_sql("INSERT INTO sqlite_sequence (name, seq) SELECT 'article', coalesce(max(id), 0) FROM article")
