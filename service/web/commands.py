"""The `timeline follow` and `timeline worker` commands: follow feeds in this process or on the job queue."""
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db, is_postgres


@click.command("follow")
@click.argument("urls", nargs=-1)
@click.option("--once", is_flag=True, help="Poll each feed once, report, and exit (for cron or a first import).")
@with_appcontext
def follow_command(urls, once):
    """Follow RSS/Atom feeds: store each new entry's article, polling again as feeds fall due.

    URLs given are registered first; with none, every registered feed is followed. State (what was seen, cache
    validators, errors) lives in the database, so a restart resumes where it stopped.
    """
    from ..models import Feed
    from ..reads.feeds import feed_detail
    from .follow import follow, register_feed
    from .setup import make_follower

    follower = make_follower(current_app.config)
    with db.connection_context():
        ids = [register_feed(url, guarded=False)[0].id for url in urls] or None
        if once and ids is None:
            ids = [feed.id for feed in Feed.select(Feed.id)]
    try:
        follow(ids, follower, once=once)
    except KeyboardInterrupt:
        return
    with db.connection_context():
        feeds = [feed_detail(feed_id) for feed_id in ids or []]
    for feed in feeds:
        click.echo(f"{feed['url']}: {feed['status']}, {feed['articles']} articles")
        if feed["error"]:
            click.echo(f"error: {feed['error']}", err=True)
    if any(feed["status"] in ("error", "entry errors") for feed in feeds):
        sys.exit(1)


@click.command("worker")
@click.option("--concurrency", default=1, show_default=True, help="Polls this worker runs at once.")
@click.option("--until-empty", is_flag=True, help="Exit when no job is left instead of waiting for more.")
@with_appcontext
def worker_command(concurrency, until_empty):
    """Poll due feeds as a procrastinate worker (PostgreSQL); run any number, on any number of machines."""
    from ..schema import pending
    from .jobs import defer_due, opened, run_worker
    from .setup import make_follower

    if not is_postgres():
        raise click.ClickException("the job queue needs PostgreSQL (DATABASE_URL=postgresql://...); "
                                   "on SQLite, `timeline follow` polls feeds in-process")
    url = current_app.config["DATABASE_URL"]
    with db.connection_context():
        # The queue's tables come from `timeline db upgrade` (schema step 43): a worker issues no DDL.
        if pending(db):
            raise click.ClickException("the database schema is behind: run `timeline db upgrade` first")
        # Due feeds are queued now rather than at the next minute's periodic run.
        with opened(url) as jobs:
            defer_due(jobs)
    run_worker(url, make_follower(current_app.config), concurrency, wait=not until_empty)
