"""The database handle every model binds to, opened from a DATABASE_URL."""
from pathlib import Path
from urllib.parse import urlparse

from peewee import DatabaseProxy, fn
from playhouse.db_url import connect

db = DatabaseProxy()

# WAL lets readers run beside one writer; the busy timeout makes a writer wait for the lock instead of failing.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 10000,
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -64000,
}

# Idle pooled PostgreSQL connections older than this are closed rather than reused (server-side idle limits).
POOL_STALE_SECONDS = 300


def open_database(url: str):
    """Return an unconnected peewee database for a sqlite:/// or postgresql:// URL."""
    scheme = urlparse(url).scheme
    if scheme.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # BEGIN IMMEDIATE: a writer takes the lock up front and waits busy_timeout for it; a deferred BEGIN
        # that read first fails at once with "database is locked" when another writer committed meanwhile.
        database = connect(url, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
        database.register_function(unicode_lower, "unicode_lower", 1, deterministic=True)
        return database
    if scheme in ("postgres", "postgresql"):
        # A pool per process: a new PostgreSQL connection per request cost more than most API queries. Handing one
        # out costs a `SELECT 1` round trip that finds connections an outage broke, so those are dropped, not reused.
        pooled = "postgresql+pool://" + url.split("://", 1)[1]
        return connect(pooled, max_connections=None, stale_timeout=POOL_STALE_SECONDS)
    raise ValueError(f"unsupported DATABASE_URL scheme {scheme!r}: use sqlite:/// or postgresql://")


def init_database(url: str):
    """Point the shared handle at the database behind url and return it."""
    database = open_database(url)
    # The handle no longer reaches the old database: close its pooled connections rather than leak them.
    if hasattr(db.obj, "close_all"):
        db.obj.close_all()
    db.initialize(database)
    return database


def is_postgres() -> bool:
    """Tell whether the shared handle points at PostgreSQL."""
    from peewee import PostgresqlDatabase

    return isinstance(db.obj, PostgresqlDatabase)


def unicode_lower(value):
    """Return a SQLite value lowercased as Python lowercases text."""
    return value.lower() if isinstance(value, str) else value


def lowered(expression):
    """Return SQL for expression lowercased as str.lower() does it, on either backend."""
    # SQLite's own LOWER() lowers ASCII letters only: "Лавров" or "ÉCHOS" would never meet a lowered query.
    return fn.LOWER(expression) if is_postgres() else fn.unicode_lower(expression)


def marks(values) -> str:
    """Return the placeholders of an IN list of values."""
    return ", ".join([db.param] * len(values))
