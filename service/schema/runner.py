"""Apply the migration steps not yet recorded in schema_version, each once, in its own transaction."""
import logging

from peewee import CharField, DateTimeField, IntegerField, Model

from ..db import db
from ..models import utcnow
from .steps import MIGRATIONS

log = logging.getLogger(__name__)


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
    database.create_tables([SchemaVersion], safe=True)
    applied = []
    todo = {v for v, _ in pending(database)}
    for version, name, func in MIGRATIONS:
        if version not in todo:
            continue
        with database.atomic():
            # Concurrent upgrades (several instances starting together) must not apply a step twice.
            if SchemaVersion.get_or_none(SchemaVersion.version == version):
                continue
            func(database)
            SchemaVersion.create(version=version, name=name)
        log.info("applied migration %s: %s", version, name)
        applied.append(f"{version}: {name}")
    return applied
