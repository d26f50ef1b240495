"""Follow feeds from many machines on procrastinate, PostgreSQL's job queue: one poll job per due feed."""
from __future__ import annotations

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued

from ..db import db
from .follow import Follower, due_feeds, poll_feed

QUEUE = "feeds"
# The connector is set when a worker or a deferring process starts (queue.with_connector), from DATABASE_URL.
queue = procrastinate.App(connector=procrastinate.PsycopgConnector())


follower: Follower | None = None  # set when this process starts a worker
connected: procrastinate.App | None = None  # this process's app with its connector


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
        return defer_due(connected)


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


def connect(database_url: str) -> procrastinate.App:
    """Return the job app on database_url's PostgreSQL, for deferring jobs or running a worker."""
    global connected
    connected = queue.with_connector(procrastinate.PsycopgConnector(conninfo=libpq_url(database_url)))
    return connected


def run_worker(database_url: str, shared: Follower, concurrency: int, wait: bool) -> None:
    """Run a procrastinate worker on the feeds queue until stopped (or, without wait, until it is empty)."""
    global follower
    follower = shared
    connect(database_url).run_worker(queues=[QUEUE], concurrency=concurrency, wait=wait, install_signal_handlers=True)


def libpq_url(database_url: str) -> str:
    """Return DATABASE_URL in the form libpq reads (postgres:// and postgresql:// both)."""
    return "postgresql://" + database_url.split("://", 1)[1]
