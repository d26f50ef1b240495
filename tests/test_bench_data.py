"""The load benchmark's generated database: the schema the service migrates to, and pages the API can serve.

The generator bulk-loads with the triggers dropped; a database missing a trigger-kept copy once made every
filtered API page empty, so wrk measured empty answers.
"""
import sqlite3
import sys
from pathlib import Path

import pytest

from service import create_app
from service.db import db, init_database
from service.schema import upgrade

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import api_bench  # noqa: E402
import make_events_db  # noqa: E402


def schema_objects(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return set(conn.execute("SELECT type, name FROM sqlite_master "
                                "WHERE type IN ('trigger', 'index', 'table') AND name NOT LIKE 'sqlite_%'"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "events.db"
    make_events_db.generate(path, events=3000, seed=5)
    return path


def test_generated_database_has_the_migrated_schema(generated, tmp_path):
    empty = tmp_path / "empty.db"
    init_database(f"sqlite:///{empty}")
    with db.connection_context():
        upgrade()
    assert schema_objects(generated) == schema_objects(empty)


def test_links_carry_their_events_dates(generated):
    with sqlite3.connect(generated) as conn:
        for table in ("eventactor", "eventtopic"):
            links, differing = conn.execute(
                "SELECT count(*), sum((l.granularity, l.date_start, l.date_end) IS NOT "
                f"(e.granularity, e.date_start, e.date_end)) FROM {table} l JOIN event e ON e.id = l.event_id").fetchone()
            assert links > 3000 and differing == 0


def test_api_page_is_the_rows_datasette_is_asked_for(generated, tmp_path):
    actor = api_bench.actor_at_rank(generated, 1)
    with sqlite3.connect(generated) as conn:
        expected = [row[0] for row in conn.execute(api_bench.DATASETTE_SQL, {
            "actor": actor, "topic": "diplomacy", "date_from": "2015-01-01", "date_to": "2020-12-31"})]
    assert len(expected) > 10  # the busiest actor fills part of a page even in 3,000 events
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{generated}", "DATA_DIR": str(tmp_path)})
    page = app.test_client().get("/api/events", query_string={**api_bench.FILTERS, "actor": actor}).get_json()
    assert [item["id"] for item in page["items"]] == expected[:50]
