"""Pages of the event list a worker answered lately, kept while the database has not changed at all.

A dashboard asks for the same pages again and again, and news is written in bursts: between two writes, a
page's events, their order and its next cursor cannot change. Each page is kept under the database's data
version, read before the page is computed, and served again only while that version holds:

- SQLite: `PRAGMA data_version` moves when another connection (any process) commits, and the connection's own
  `total_changes` when it writes itself; both are per connection, so a thread's pages belong to its connection.
- PostgreSQL: `pg_current_snapshot()` names the set of committed transactions a query sees; equal snapshots see
  equal data, and once a write commits no later snapshot equals an earlier one. Read-only transactions take no
  transaction id, so reads leave it alone; a write anywhere on the server moves it (a miss, never a stale page).

A page computed just after a write but kept under the version read just before it is newer than its version,
never older, and no later reader sees that older version again.
"""
import threading
from collections import OrderedDict

from ..db import db, is_postgres


def data_version():
    """Return a value that changes whenever anything committed to the database changes, for this connection."""
    if is_postgres():
        return db.execute_sql("SELECT pg_current_snapshot()::text").fetchone()[0]
    connection = db.connection()
    return connection.execute("PRAGMA data_version").fetchone()[0], connection.total_changes


class EventPages:
    """Up to capacity pages per worker thread, each with the data version it was computed under."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.local = threading.local()

    def clear(self):
        self.local = threading.local()

    def _kept(self) -> OrderedDict:
        """Return this thread's pages, forgotten when its SQLite connection was replaced (versions are per connection)."""
        connection = None if is_postgres() else db.connection()
        if getattr(self.local, "connection", None) is not connection or not hasattr(self.local, "pages"):
            self.local.connection, self.local.pages = connection, OrderedDict()
        return self.local.pages

    def get(self, key, compute):
        """Return the page for key: kept when the data version is unchanged, else compute() and keep it."""
        if not self.capacity:
            return compute()
        pages, version = self._kept(), data_version()
        kept = pages.get(key)
        if kept and kept[0] == version:
            pages.move_to_end(key)
            return kept[1]
        found = compute()
        pages[key] = (version, found)
        while len(pages) > self.capacity:
            pages.popitem(last=False)
        return found
