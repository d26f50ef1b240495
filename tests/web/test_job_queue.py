"""Following feeds on the job queue (procrastinate on PostgreSQL): two worker processes, each entry fetched once."""
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from local_site import GENERATED_ENTRIES
from service.db import db, init_database
from service.models import Article, Feed, FeedEntry, utcnow
from service.web.follow import register_feed
from service.web.jobs import defer_due, opened

ROOT = Path(__file__).resolve().parents[2]
TIMELINE = str(Path(sys.executable).parent / "timeline")
sys.path.insert(0, str(ROOT / "tests" / "deploy"))

from servers import POSTGRES_URL, psql  # noqa: E402  (the PostgreSQL server the deployment tests use)

# The queue is PostgreSQL's alone: its tests run once, in the suite's PostgreSQL pass (`make test-postgres`), so
# that `make test-fast` needs only Python.
needs_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                                    reason="the job queue needs PostgreSQL: run with TEST_DATABASE_URL (make test-postgres)")


def timeline(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT), "TIMELINE_FETCH_DELAY": "0"}
    return subprocess.Popen([TIMELINE, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture
def empty_database():
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    name = f"timeline_jobs_{uuid.uuid4().hex[:10]}"
    try:
        psql(f"CREATE DATABASE {name}")
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is needed for the job-queue test: {exc}")
    yield f"{POSTGRES_URL}/{name}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def queue_database(empty_database):
    """A fresh PostgreSQL database with the schema (the job queue's included), made by `timeline db upgrade`."""
    url = empty_database
    with timeline(url, "db", "upgrade") as upgrade:
        output = upgrade.communicate(timeout=120)[0]
    assert upgrade.returncode == 0, output
    database = init_database(url)
    yield url
    database.close_all()


@needs_postgres
def test_two_workers_never_fetch_an_entry_twice(queue_database, site):
    before = len(site.requests)
    with db.connection_context():
        ids = [register_feed(site.url(path), guarded=False)[0].id
               for path in ("/feeds/many.rss", "/feeds/news.rss", "/feeds/news.atom")]
    with opened(queue_database) as jobs:
        # Every feed queued twice, with no queueing lock: as if two schedulers had run at once.
        for feed_id in ids * 2:
            jobs.configure_task("timeline.poll_feed").defer(feed_id=feed_id)
    workers = [timeline(queue_database, "worker", "--until-empty", "--concurrency", "2") for _ in range(2)]
    outputs = [worker.communicate(timeout=240)[0] for worker in workers]
    for worker in workers:
        worker.stdout.close()
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    entry_paths = [path for path in site.paths()[before:] if path.startswith("/gen/")]
    assert sorted(entry_paths) == sorted(f"/gen/{i}" for i in range(GENERATED_ENTRIES))
    with db.connection_context():
        assert Article.select().count() == GENERATED_ENTRIES + 4
        assert FeedEntry.select().where(FeedEntry.status == "stored").count() == GENERATED_ENTRIES + 4
        failed = db.execute_sql("SELECT count(*) FROM procrastinate_jobs WHERE status <> 'succeeded'").fetchone()[0]
    assert failed == 0


@needs_postgres
def test_a_worker_on_a_database_not_upgraded_refuses_and_creates_nothing(empty_database):
    with timeline(empty_database, "worker", "--until-empty") as worker:
        output = worker.communicate(timeout=120)[0]
    assert worker.returncode != 0 and "run `timeline db upgrade` first" in output
    database = init_database(empty_database)
    with database.connection_context():
        assert database.get_tables() == []
    database.close_all()


def test_worker_refuses_sqlite(tmp_path):
    with timeline(f"sqlite:///{tmp_path / 'x.db'}", "worker", "--until-empty") as worker:
        output = worker.communicate(timeout=120)[0]
    assert worker.returncode != 0 and "needs PostgreSQL" in output


@needs_postgres
def test_a_due_feed_is_queued_once_however_often_the_scheduler_runs(queue_database):
    with db.connection_context():
        due, _ = register_feed("https://feeds.example.org/due.rss", guarded=False)
        later, _ = register_feed("https://feeds.example.org/later.rss", guarded=False)
        Feed.update(next_fetch_at=utcnow() + timedelta(hours=1)).where(Feed.id == later.id).execute()
        with opened(queue_database) as jobs:
            assert [defer_due(jobs), defer_due(jobs)] == [1, 0]  # the queueing lock holds the second back
        waiting = db.execute_sql("SELECT args FROM procrastinate_jobs WHERE status = 'todo'").fetchall()
    assert [row[0] for row in waiting] == [{"feed_id": due.id}]


@needs_postgres
def test_a_database_whose_worker_created_the_queue_upgrades_to_the_schema_of_a_fresh_one(queue_database):
    from procrastinate.schema import SchemaManager
    from test_schema import apply_up_to, describe

    from service.schema import upgrade

    with db.connection_context():
        expected = describe(db)
        # An older release: every step before 43, and the queue its first worker created from procrastinate's schema.
        db.execute_sql("DROP SCHEMA public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
        apply_up_to(db, 42)
        with db.atomic():
            db.cursor().execute(SchemaManager.get_schema())
        assert upgrade(db) == ["43: the job queue's schema (PostgreSQL)"]
        assert describe(db) == expected
