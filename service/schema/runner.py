"""Apply the migration steps not yet recorded in schema_version, each once, in its own transaction."""
import logging

from peewee import CharField, DateTimeField, IntegerField, Model

from ..db import db, is_postgres
from ..models import utcnow
from .steps import MIGRATIONS

log = logging.getLogger(__name__)

# Instances started together upgrade one after another: on PostgreSQL, two transactions creating one table or
# type at once fail, whatever IF NOT EXISTS says.
LOCK_KEY = 0x74696D65  # "time"


class SchemaVersion(Model):
    version = IntegerField(primary_key=True)
    name = CharField()
    applied_at = DateTimeField(default=utcnow)

    class Meta:
        database = db
        table_name = "schema_version"


def pending(database) -> list[tuple[int, str]]:
    """List the steps not yet applied to database; reads only (a readiness probe must issue no DDL)."""
    done = set()
    if database.table_exists(SchemaVersion._meta.table_name):
        done = {version for version, in database.execute_sql("SELECT version FROM schema_version")}
    return [(v, name) for v, name, _ in MIGRATIONS if v not in done]


def upgrade(database=None) -> list[str]:
    """Apply every pending step, each in its own transaction; return their names."""
    database = database or db
    if not is_postgres():
        # SQLite's writers already take turns: each step's transaction begins IMMEDIATE.
        return apply_pending(database)
    database.execute_sql("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
    try:
        return apply_pending(database)
    finally:
        database.execute_sql("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))


def apply_pending(database) -> list[str]:
    """Apply the steps not yet recorded, each in its own transaction; return their names."""
    database.create_tables([SchemaVersion], safe=True)
    applied = []
    todo = {v for v, _ in pending(database)}
    for version, name, func in MIGRATIONS:
        if version not in todo:
            continue
        with database.atomic():
            # Another instance may have applied the step since pending() was read (SQLite).
            if SchemaVersion.get_or_none(SchemaVersion.version == version):
                continue
            func(database)
            SchemaVersion.create(version=version, name=name)
        log.info("applied migration %s: %s", version, name)
        applied.append(f"{version}: {name}")
    return applied
