"""A pause between two requests to one host, kept in the database so every follower and worker shares it."""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from ..db import db, is_postgres
from ..models import FetchHost, utcnow


class HostPacer:
    """Wait between two requests to the same host, whichever process or machine sends them."""

    def __init__(self, delay: float):
        self.delay = delay

    def wait(self, url: str, at_least: float = 0.0) -> None:
        """Take this host's next free moment and sleep until it comes; at_least: the site's own Crawl-delay."""
        delay = max(self.delay, at_least)
        if delay <= 0:
            return
        slot = reserve(urlsplit(url).hostname or "", timedelta(seconds=delay))
        pause = (slot - utcnow()).total_seconds()
        if pause > 0:
            time.sleep(pause)


def reserve(host: str, delay: timedelta) -> datetime:
    """Return the next moment host may be asked (now, or delay after the last moment taken) and take it."""
    now = utcnow()
    FetchHost.insert(host=host, next_at=now).on_conflict_ignore().execute()
    # The row is locked (PostgreSQL FOR UPDATE; SQLite's write lock) from read to update: two workers asking
    # for one host at once get two moments, delay apart.
    with db.atomic():
        query = FetchHost.select().where(FetchHost.host == host)
        row = (query.for_update() if is_postgres() else query).get()
        slot = max(row.next_at, now)
        FetchHost.update(next_at=slot + delay).where(FetchHost.host == host).execute()
    return slot
