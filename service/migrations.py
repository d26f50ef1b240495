"""Schema creation and upgrades: numbered steps, each applied once and recorded."""
import logging

from peewee import CharField, DateTimeField, IntegerField, Model

from .db import db, is_postgres
from .models import ALL_MODELS, utcnow
from .event_view import create_revisions
from .event_walk import create_covering_index, create_link_dates, create_walk_indexes
from .schema.steps import s005_web_pages
from .queries import POSTGRES_SOURCE_SEARCH_DDL, SQLITE_SOURCE_SEARCH_DDL, create_search_index

log = logging.getLogger(__name__)


class SchemaVersion(Model):
    version = IntegerField(primary_key=True)
    name = CharField()
    applied_at = DateTimeField(default=utcnow)

    class Meta:
        database = db
        table_name = "schema_version"


def create_tables(database):
    """Create the base tables (safe=True skips any that already exist)."""
    database.create_tables(ALL_MODELS, safe=True)


def add_event_source_fields(database):
    """Add actor roles and the per-source event fields (tables created by step 1 may already have them)."""
    from playhouse.migrate import SchemaMigrator, migrate

    from .models import Actor, EventSource

    migrator = SchemaMigrator.from_database(getattr(database, "obj", None) or database)
    steps = []
    for model, names in ((Actor, ["roles"]), (EventSource, ["title", "value", "date_start", "date_end", "granularity",
                                                           "modifier", "status", "actors", "topics"])):
        present = {column.name for column in database.get_columns(model._meta.table_name)}
        steps += [migrator.add_column(model._meta.table_name, name, model._meta.fields[name])
                  for name in names if name not in present]
    migrate(*steps)


def search_distinct_quotes(database):
    """Re-index an event's quotes only when a source adds or removes one it did not have (SQLite)."""
    if not is_postgres():
        for statement in SQLITE_SOURCE_SEARCH_DDL:
            database.execute_sql(statement)


def search_per_statement(database):
    """Refresh events' search vectors once per eventsource statement, appending inserted quotes (PostgreSQL)."""
    if is_postgres():
        for statement in POSTGRES_SOURCE_SEARCH_DDL:
            database.execute_sql(statement)


# Append new steps at the end; never renumber or edit an applied step. Numbers by area:
# 1-9 storage, 10-19 events/actors/topics, 20-29 API (full-text search), 30-39 ingest speed, 40-49 read speed.
MIGRATIONS = [
    (1, "create base tables", create_tables),
    (5, "article date sources, kept pages and followed feeds", s005_web_pages.apply),
    (10, "actor roles and per-source event fields", add_event_source_fields),
    (20, "full-text search over events and articles", create_search_index),
    (21, "event indexes for walking dates per granularity", create_walk_indexes),
    (22, "event ids with their dates (PostgreSQL)", create_covering_index),
    (30, "event search kept current per statement, not per source row (PostgreSQL)", search_per_statement),
    (31, "event search re-indexed only for quotes new to the event (SQLite)", search_distinct_quotes),
    (32, "event search appends only quotes new to the event (PostgreSQL)", search_per_statement),
    (40, "event dates copied into actor and topic links, walked per actor or topic", create_link_dates),
    (41, "event revisions bumped by triggers, for rendered events kept in memory", create_revisions),
]


def pending(database) -> list[tuple[int, str]]:
    """List the steps not yet applied to database."""
    database.create_tables([SchemaVersion], safe=True)
    done = {row.version for row in SchemaVersion.select(SchemaVersion.version)}
    return [(v, name) for v, name, _ in MIGRATIONS if v not in done]


def upgrade(database=None) -> list[str]:
    """Apply every pending step, each in its own transaction; return their names."""
    database = database or db
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
