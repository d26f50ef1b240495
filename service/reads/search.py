"""Full-text search: an FTS5 table (SQLite) or a tsvector column (PostgreSQL), kept in sync by triggers."""
import re

from peewee import SQL

from ..db import is_postgres


def search_terms(q: str) -> list[str]:
    """Split a search into words; punctuation never reaches the search syntax."""
    return re.findall(r"\w+", q)


def matching(table: str, q: str):
    """Return a subquery of the ids in table ('event' or 'article') whose text has every word of q."""
    words = search_terms(q)
    if not words:
        return SQL("(SELECT 0 WHERE 1 = 0)")
    if is_postgres():
        return SQL(f"(SELECT id FROM {table} WHERE search @@ plainto_tsquery('english', %s))", [" ".join(words)])
    phrase = " ".join('"{}"'.format(word) for word in words)
    return SQL(f"(SELECT rowid FROM {table}_search WHERE {table}_search MATCH ?)", [phrase])
