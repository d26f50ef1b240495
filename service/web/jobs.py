"""Follow feeds from many machines on procrastinate, PostgreSQL's job queue: one poll job per due feed."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued

from ..db import db
from .follow import Follower, due_feeds, poll_feed

QUEUE = "feeds"
# The connector is replaced, from DATABASE_URL, while a worker runs or a process defers jobs (see opened()).
queue = procrastinate.App(connector=procrastinate.PsycopgConnector())


follower: Follower | None = None  # set when this process starts a worker


@queue.task(name="timeline.poll_feed", queue=QUEUE)
def poll_feed_job(feed_id: int) -> str:
    """Poll one feed (a worker holding it already makes this a no-op: the claim is in the feed row)."""
    with db.connection_context():
        return poll_feed(feed_id, follower)


@queue.periodic(cron="* * * * *", periodic_id="schedule_feeds")
@queue.task(name="timeline.schedule_feeds", queue=QUEUE, queueing_lock="schedule_feeds")
def schedule_feeds(timestamp: int) -> int:
    """Queue a poll for every feed that is due (the periodic task: procrastinate defers it once a minute for all workers)."""
    with db.connection_context():
        return defer_due(queue)


def defer_due(app: procrastinate.App) -> int:
    """Queue a poll job for each due feed, unless one is already waiting for it; return how many were queued."""
    queued = 0
    for feed_id in due_feeds():
        try:
            app.configure_task("timeline.poll_feed", queueing_lock=f"feed-{feed_id}").defer(feed_id=feed_id)
            queued += 1
        except AlreadyEnqueued:
            pass
    return queued


@contextmanager
def opened(database_url: str) -> Iterator[procrastinate.App]:
    """Open the job queue on database_url's PostgreSQL, for deferring jobs."""
    with queue.replace_connector(_connector(database_url)), queue.open():
        yield queue


def run_worker(database_url: str, shared: Follower, concurrency: int, wait: bool) -> None:
    """Run a procrastinate worker on the feeds queue until stopped (or, without wait, until it is empty)."""
    global follower
    follower = shared
    with queue.replace_connector(_connector(database_url)):
        queue.run_worker(queues=[QUEUE], concurrency=concurrency, wait=wait, install_signal_handlers=True)


def _connector(database_url: str) -> procrastinate.PsycopgConnector:
    """Return a connector to database_url's PostgreSQL."""
    return procrastinate.PsycopgConnector(conninfo=libpq_url(database_url))


def libpq_url(database_url: str) -> str:
    """Return DATABASE_URL in the form libpq reads (postgres:// and postgresql:// both)."""
    return "postgresql://" + database_url.split("://", 1)[1]
