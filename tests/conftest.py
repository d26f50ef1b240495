"""Fixtures: an app over a fresh database per test (temp-file SQLite, or TEST_DATABASE_URL's PostgreSQL)."""
import os

import pytest

from service import create_app
from service.db import db
from service.schema import upgrade

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


def reset_postgres(database):
    """Drop everything in the public schema so each test starts empty."""
    database.execute_sql("DROP SCHEMA public CASCADE")
    database.execute_sql("CREATE SCHEMA public")


@pytest.fixture
def database_url(tmp_path):
    return TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "DATA_DIR": str(tmp_path), "API_TOKENS": ["test-token"]})
    with db.connection_context():
        if TEST_DATABASE_URL:
            reset_postgres(db)
        upgrade()
    yield app
    if not db.is_closed():
        db.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def auth():
    return {"Authorization": "Bearer test-token"}


@pytest.fixture
def timeline(runner):
    """Run a `timeline` CLI command against the test app."""
    from service.cli import cli

    def run(*args):
        return runner.invoke(cli, list(args))

    return run
