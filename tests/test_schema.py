"""The schema package: a database migrated step by step from an older schema ends identical to a fresh one, and
the readiness probe's pending() issues no DDL."""
import os
import re

import pytest

from service.db import db, init_database, is_postgres
from service.models import Actor, EventActor, EventSource, EventTopic
from service.schema import MIGRATIONS, SchemaVersion, pending, upgrade

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")

# The columns later steps add to tables step 1 creates today: an older database's step 1 made tables without them.
LATER_COLUMNS = {
    Actor: ["roles"],
    EventSource: ["title", "value", "date_start", "date_end", "granularity", "modifier", "status", "actors", "topics"],
    EventActor: ["granularity", "date_start", "date_end"],
    EventTopic: ["granularity", "date_start", "date_end"],
}


def squeeze(sql: str | None) -> str | None:
    return re.sub(r"\s+", " ", sql).strip() if sql else sql


def describe(database) -> dict:
    """Return the tables (with their columns), indexes, triggers and functions of database."""
    if is_postgres():
        columns = database.execute_sql(
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
            "WHERE table_schema = 'public'").fetchall()
        indexes = database.execute_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'").fetchall()
        triggers = database.execute_sql(
            "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal").fetchall()
        functions = database.execute_sql(
            "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public'").fetchall()
        return {"columns": sorted(columns), "indexes": sorted(indexes), "triggers": sorted(triggers),
                "functions": sorted((name, squeeze(source)) for name, source in functions)}
    tables = [name for name, in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    columns = sorted((table, *row[1:]) for table in tables
                     for row in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall())
    rows = database.execute_sql("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')")
    return {"columns": columns, "schema": sorted((kind, name, table, squeeze(sql)) for kind, name, table, sql in rows)}


def fresh(url: str):
    database = init_database(url)
    database.connect()
    if TEST_DATABASE_URL:
        database.execute_sql("DROP SCHEMA public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
    return database


def apply_up_to(database, last: int) -> None:
    """Apply the steps numbered up to last, as an older release would have left the database."""
    database.create_tables([SchemaVersion])
    for version, name, func in MIGRATIONS:
        if version <= last:
            with database.atomic():
                func(database)
                SchemaVersion.create(version=version, name=name)


def without_later_columns(database) -> None:
    """Drop the columns step 1 creates today but an older step 1 did not."""
    for model, names in LATER_COLUMNS.items():
        for name in names:
            column = model._meta.fields[name].column_name
            database.execute_sql(f'ALTER TABLE "{model._meta.table_name}" DROP COLUMN "{column}"')


@pytest.fixture
def url(tmp_path):
    return lambda name: TEST_DATABASE_URL or f"sqlite:///{tmp_path / name}"


@pytest.fixture(autouse=True)
def close():
    yield
    if not db.is_closed():
        db.close()


def built_fresh(url) -> dict:
    database = fresh(url("fresh.db"))
    upgrade(database)
    found = describe(database)
    database.close()
    return found


@pytest.mark.parametrize("last", [version for version, _, _ in MIGRATIONS[:-1]])
def test_a_database_upgraded_from_an_older_schema_matches_a_fresh_one(url, last):
    expected = built_fresh(url)
    database = fresh(url(f"older-{last}.db"))
    apply_up_to(database, last)
    assert pending(database) and pending(database)[0][0] > last
    upgrade(database)
    assert pending(database) == []
    assert describe(database) == expected


def test_a_database_whose_base_tables_predate_later_columns_upgrades_to_the_fresh_schema(url):
    expected = built_fresh(url)
    database = fresh(url("oldest.db"))
    apply_up_to(database, 1)
    without_later_columns(database)
    upgrade(database)
    # Columns are compared as a set per table: ALTER TABLE appends what CREATE TABLE would have put elsewhere.
    assert describe(database) == expected


def test_pending_issues_no_ddl_on_an_empty_database(url):
    database = fresh(url("empty.db"))
    assert pending(database) == [(version, name) for version, name, _ in MIGRATIONS]
    assert not database.table_exists("schema_version")
    assert database.get_tables() == []


def test_readiness_probe_on_an_empty_database_says_behind_and_creates_nothing(url, tmp_path):
    from service import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": url("probe.db"), "DATA_DIR": str(tmp_path)})
    with db.connection_context():
        if TEST_DATABASE_URL:
            db.execute_sql("DROP SCHEMA public CASCADE")
            db.execute_sql("CREATE SCHEMA public")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert "migrations pending" in response.get_json()["detail"]
    with db.connection_context():
        assert db.get_tables() == []
