"""Rows written by hand: peewee spends longer building each INSERT or UPDATE than the database takes to run it."""
from functools import lru_cache

from ..db import db, marks
from ..models import Event, utcnow

# Rows per INSERT: far below SQLite's and PostgreSQL's limits on parameters per statement.
INSERT_CHUNK = 500


@lru_cache(maxsize=None)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int, param: str, returning: bool) -> str:
    """Return an INSERT of rows rows into table's columns, giving back the id when returning."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(["(" + ", ".join([param] * len(columns)) + ")"] * rows)
    return f'INSERT INTO "{table}" ({quoted}) VALUES {values}' + (' RETURNING "id"' if returning else "")


def insert_row(model, values: dict) -> int:
    """Insert one row of model from {field name: python value}; return its id."""
    fields = [model._meta.fields[name] for name in values]
    sql = _insert_sql(model._meta.table_name, tuple(f.column_name for f in fields), 1, db.param, True)
    return db.execute_sql(sql, [f.db_value(values[f.name]) for f in fields]).fetchone()[0]


def insert_rows(model, names: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows (python values of the fields names) into model, a few hundred per statement."""
    fields = [model._meta.fields[name] for name in names]
    columns = tuple(f.column_name for f in fields)
    for first in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[first:first + INSERT_CHUNK]
        params = [f.db_value(value) for row in chunk for f, value in zip(fields, row)]
        db.execute_sql(_insert_sql(model._meta.table_name, columns, len(chunk), db.param, False), params)


def update_event(event_id: int, values: dict) -> None:
    """Write values (field name: python value) to one event row."""
    fields = [Event._meta.fields[name] for name in values]
    assignments = ", ".join(f'"{f.column_name}" = {db.param}' for f in fields)
    db.execute_sql(f'UPDATE "event" SET {assignments} WHERE "id" = {db.param}',
                   [f.db_value(values[f.name]) for f in fields] + [event_id])


def stamp_events(event_ids: list[int]) -> None:
    """Set the updated_at of events to now, in one statement."""
    if event_ids:
        p = db.param
        db.execute_sql(f'UPDATE "event" SET "updated_at" = {p} WHERE "id" IN ({marks(event_ids)})',
                       [Event.updated_at.db_value(utcnow()), *event_ids])
