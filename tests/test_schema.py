"""The schema package: a database migrated step by step from an older schema ends identical to a fresh one, and
the readiness probe's pending() issues no DDL."""
import os
import re

import pytest

from service.db import db, init_database, is_postgres
from service.models import ALL_MODELS, Actor, BaseModel, EventActor, EventSource, EventTopic
from service.schema import MIGRATIONS, SchemaVersion, pending, upgrade

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")

# The columns step 1 creates that steps 10 and 40 add to a database created before step 1 had them.
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


# Columns the database keeps for itself, which no model declares: full-text search (step 20, PostgreSQL) and the
# event revision triggers bump (step 41).
DATABASE_OWN_COLUMNS = {("event", "search"), ("article", "search"), ("event", "revision")}


def model_columns(found: dict) -> list:
    """Return the columns of found that belong to the models' tables, less the database's own."""
    tables = {model._meta.table_name for model in ALL_MODELS}
    return [column for column in found["columns"] if column[0] in tables and column[:2] not in DATABASE_OWN_COLUMNS]


def fresh(url: str):
    database = init_database(url)
    database.connect()
    if TEST_DATABASE_URL:
        database.execute_sql("DROP SCHEMA public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
    return database


def apply_up_to(database, last: int) -> None:
    """Apply the steps up to the one numbered last, in list order, as an older release would have left the database."""
    database.create_tables([SchemaVersion])
    # List order, not number order: numbers go by area, and a new step is appended wherever its number falls.
    for version, name, func in MIGRATIONS:
        with database.atomic():
            func(database)
            SchemaVersion.create(version=version, name=name)
        if version == last:
            break


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
    assert pending(database) and pending(database)[0] == next(
        (v, n) for (v, n, _), (previous, _, _) in zip(MIGRATIONS[1:], MIGRATIONS) if previous == last)
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


def test_a_database_whose_step_1_already_made_the_article_date_columns_upgrades_to_the_fresh_schema(url):
    from service.schema.steps.s005_web_pages import ARTICLE_COLUMNS

    # Step 1 once followed the models, so a database created then had these columns before step 5 ran.
    expected = built_fresh(url)
    database = fresh(url("early.db"))
    apply_up_to(database, 1)
    for name, kind in ARTICLE_COLUMNS.items():
        database.execute_sql(f'ALTER TABLE "article" ADD COLUMN "{name}" {kind}')
    upgrade(database)
    assert describe(database) == expected


def test_the_steps_build_exactly_the_columns_the_models_declare(url):
    # A model field no step adds (or a step's column of another type) would fail here, not in production.
    assert set(ALL_MODELS) == set(BaseModel.__subclasses__())
    migrated = model_columns(built_fresh(url))
    database = fresh(url("models.db"))
    database.create_tables(ALL_MODELS)
    assert migrated == model_columns(describe(database))


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


def test_article_ids_are_never_used_twice_and_the_step_keeps_every_row(url):
    from datetime import date

    from service.models import Article, Event

    database = fresh(url("ids.db"))
    apply_up_to(database, 41)
    with database.atomic():
        articles = [Article.create(body=f"Article {n}.", content_hash=f"h{n}", language="en") for n in range(3)]
        event = Event.create(value="2021", date_start=date(2021, 1, 1), date_end=date(2021, 12, 31), granularity="year",
                             title="t", status="past", confidence=1.0)
        for article in articles:
            EventSource.create(event=event, article=article, quote="q", start=0, end=1, expression="e",
                               expression_start=0, expression_end=1, confidence=1.0)
    articles[2].delete_instance()
    upgrade(database)
    assert pending(database) == []
    assert EventSource.select().count() == 2 and [a.id for a in Article.select().order_by(Article.id)] == [a.id for a in articles[:2]]
    newest = Article.create(body="Newest.", content_hash="h9", language="en")
    newest.delete_instance()
    assert Article.create(body="After.", content_hash="h10", language="en").id == newest.id + 1


def test_no_step_reads_the_models_so_a_model_change_never_changes_an_applied_step():
    import ast
    from pathlib import Path

    import service.schema.steps as steps

    for path in Path(steps.__file__).parent.glob("s*.py"):
        imported = {node.module for node in ast.walk(ast.parse(path.read_text()))
                    if isinstance(node, ast.ImportFrom) and node.module}
        assert not {name for name in imported if name.split(".")[-1] in ("models", "migrate")}, path.name


def test_step_10_keeps_every_actor_link_and_fills_the_new_columns_of_existing_rows(url):
    from datetime import date

    from peewee import IntegrityError

    from service.models import Article, Event

    database = fresh(url("step10.db"))
    apply_up_to(database, 1)
    without_later_columns(database)
    database.execute_sql("INSERT INTO actor (name, slug, kind, aliases, created_at) "
                         "VALUES ('Sergey Lavrov', 'sergey-lavrov', 'person', '[]', '2021-04-06')")
    with database.atomic():
        article = Article.create(body="Lavrov met Jaishankar on 6 April 2021.", content_hash="h", language="en")
        event = Event.create(value="2021-04-06", date_start=date(2021, 4, 6), date_end=date(2021, 4, 6),
                             granularity="day", title="Lavrov met Jaishankar", status="past", confidence=1.0)
    database.execute_sql("INSERT INTO eventactor (event_id, actor_id) VALUES (%d, 1)" % event.id)
    database.execute_sql("INSERT INTO eventsource (event_id, article_id, quote, start, \"end\", expression, "
                         "expression_start, expression_end, confidence) VALUES (%d, %d, 'q', 0, 1, '6 April 2021', "
                         "25, 37, 1.0)" % (event.id, article.id))
    upgrade(database)
    assert database.execute_sql("SELECT event_id, actor_id FROM eventactor").fetchall() == [(event.id, 1)]
    assert database.execute_sql("SELECT roles FROM actor").fetchall() == [("[]",)]
    assert database.execute_sql("SELECT actors, topics, title, status FROM eventsource").fetchall() == [
        ("[]", "[]", None, None)]
    with pytest.raises(IntegrityError), database.atomic():
        database.execute_sql("INSERT INTO actor (name, slug, kind, aliases, created_at) "
                             "VALUES ('India', 'india', 'country', '[]', '2021-04-06')")


def test_the_frozen_job_queue_schema_is_the_one_the_pinned_procrastinate_expects():
    # A procrastinate upgrade fails here until a new step applies its migrations: step 43 itself never changes.
    from procrastinate.schema import SchemaManager

    from service.schema.steps.s043_job_queue import SCHEMA

    frozen = SCHEMA.read_text()
    assert frozen[frozen.index("-- Procrastinate Schema"):] == SchemaManager.get_schema()


def test_instances_upgrading_an_empty_database_at_once_all_succeed_and_apply_each_step_once(url):
    import subprocess
    import sys
    from pathlib import Path

    target = url("concurrent.db")
    fresh(target).close()
    timeline = str(Path(sys.executable).parent / "timeline")
    env = {**os.environ, "DATABASE_URL": target}
    runs = [subprocess.Popen([timeline, "db", "upgrade"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    # On SQLite the instances take turns step by step, so the steps may be shared out among them; on PostgreSQL one
    # instance applies them all. Either way, every step is applied exactly once.
    counts = [0 if last == "database is up to date" else int(last.split()[1])
              for last in (output.splitlines()[-1] for output in outputs)]
    assert sum(counts) == len(MIGRATIONS), outputs
    if target.startswith("postgres"):
        assert sorted(counts) == [0, 0, len(MIGRATIONS)], outputs
    database = init_database(target)
    assert pending(database) == []
