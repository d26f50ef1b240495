"""Step 10: actor roles and the per-source event fields.

Step 1 creates these columns today; this step adds them to a database created before it did. The column types and
the values of existing rows are frozen here, as of the step: editing a model never changes what this step does.

On SQLite a NOT NULL column is added with a default (SQLite refuses one without), every row is rewritten to hold
the value, and the default is then removed from the table's declaration by SQLite's documented procedure for
declaration-only changes (writable_schema and a new schema_version), so the column is declared as step 1 declares
it. Rebuilding the table instead would drop it, and with foreign keys on (they cannot be turned off inside a
migration's transaction) dropping `actor` deletes every actor link through ON DELETE CASCADE.
"""
import re

from ...db import is_postgres

# (table, column, type, value of existing rows): None leaves the column nullable and empty.
COLUMNS = [
    ("actor", "roles", "TEXT", "[]"),
    ("eventsource", "title", "TEXT", None),
    ("eventsource", "value", "VARCHAR(255)", None),
    ("eventsource", "date_start", "DATE", None),
    ("eventsource", "date_end", "DATE", None),
    ("eventsource", "granularity", "VARCHAR(255)", None),
    ("eventsource", "modifier", "VARCHAR(255)", None),
    ("eventsource", "status", "VARCHAR(255)", None),
    ("eventsource", "actors", "TEXT", "[]"),
    ("eventsource", "topics", "TEXT", "[]"),
]


def apply(database):
    """Add the columns an older base table lacks; existing rows get the frozen value of each NOT NULL one."""
    present = {table: {column.name for column in database.get_columns(table)} for table in {t for t, *_ in COLUMNS}}
    missing = [(table, name, kind, value) for table, name, kind, value in COLUMNS if name not in present[table]]
    for table, name, kind, value in missing:
        if value is None:
            database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')
        elif is_postgres():
            database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')
            database.execute_sql(f'UPDATE "{table}" SET "{name}" = %s', (value,))
            database.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{name}" SET NOT NULL')
        else:
            database.execute_sql(f"ALTER TABLE \"{table}\" ADD COLUMN \"{name}\" {kind} NOT NULL DEFAULT '{value}'")
            # A row stored before the column came reads the declared default; written out, it no longer needs it.
            database.execute_sql(f'UPDATE "{table}" SET "{name}" = ?', (value,))
    if not is_postgres():
        for table in {table for table, _, _, value in missing if value is not None}:
            drop_defaults(database, table, [(name, value) for t, name, _, value in missing if t == table and value])


def drop_defaults(database, table: str, columns: list[tuple[str, str]]) -> None:
    """Remove the DEFAULT clauses this step added from table's declaration (SQLite)."""
    sql = database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    for name, value in columns:
        sql, count = re.subn(rf"(\"{name}\" \w+ NOT NULL) DEFAULT '{re.escape(value)}'", r"\1", sql, count=1)
        if count != 1:
            raise RuntimeError(f"{table}.{name} is not declared as step 10 added it")
    version = database.execute_sql("PRAGMA schema_version").fetchone()[0]
    database.execute_sql("PRAGMA writable_schema = ON")
    try:
        database.execute_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, table))
        database.execute_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        database.execute_sql("PRAGMA writable_schema = OFF")
